// @ts-nocheck
import { base64urlnopad } from '@scure/base';
import { StatusListError } from '../errors.js';
import { STATUS_LIST_LIMITS } from './types.js';
import { boundedGunzip, GunzipError } from './gunzip.js';

/**
 * Options of {@link decodeBitstring}.
 * @example
 * ```ts
 * const opts: DecodeBitstringOptions = { maxBytes: 131_072 / 8 };
 * ```
 */
export interface DecodeBitstringOptions {
  /**
   * Refuse a bitstring that decompresses to more than this many bytes (gzip-bomb guard; decompression stops there).
   * Default {@link STATUS_LIST_LIMITS}.maxDecodedBytes (16 MiB).
   */
  maxBytes?: number;
  /**
   * Whether the multibase `u` prefix is required (Bitstring Status List, default) or optional (StatusList2021 lists
   * published plain base64url).
   */
  multibase?: 'required' | 'optional';
}

const B64URL = /^[A-Za-z0-9_-]*$/;

/**
 * Decode a status list `encodedList` (multibase `u` + base64url(gzip(bits))) into its bitstring, in bounded time
 * and memory: the decompressed size is capped by `maxBytes` *while* decompressing.
 *
 * Throws {@link StatusListError} with code `ERR_STATUS_LIST_MALFORMED` (not a string, no `u` prefix, not base64url),
 * `ERR_STATUS_LIST_NOT_GZIP` (no gzip header), `ERR_STATUS_LIST_CORRUPT` (truncated or corrupt gzip data) or
 * `ERR_STATUS_LIST_TOO_LARGE` (decompresses to more than `maxBytes`).
 * @example
 * ```ts
 * const bits = decodeBitstring(list.credentialSubject.encodedList, { maxBytes: 1 << 20 });
 * getBit(bits, 94567); // false: not revoked
 * ```
 */
export function decodeBitstring(encoded: unknown, options: DecodeBitstringOptions = {}): Uint8Array {
  const maxBytes = options.maxBytes ?? STATUS_LIST_LIMITS.maxDecodedBytes;
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) {
    throw new StatusListError('ERR_INVALID_INPUT', 'maxBytes must be a positive integer');
  }
  if (typeof encoded !== 'string') {
    throw new StatusListError('ERR_STATUS_LIST_MALFORMED', `encodedList must be a string, got ${encoded === null ? 'null' : typeof encoded}`);
  }
  let body = encoded;
  if (encoded.startsWith('u')) body = encoded.slice(1);
  else if (options.multibase !== 'optional') {
    throw new StatusListError('ERR_STATUS_LIST_MALFORMED', 'encodedList must be multibase base64url: it must start with "u"');
  }
  // gzip adds at most ~0.1 % + 18 bytes to incompressible data: a longer input cannot be a list within maxBytes
  const maxEncoded = Math.ceil(((maxBytes * 1.01 + 1024) * 4) / 3);
  if (body.length > maxEncoded) {
    throw new StatusListError('ERR_STATUS_LIST_TOO_LARGE', `encodedList is ${body.length} characters: larger than any list of at most ${maxBytes} bytes`);
  }
  if (!B64URL.test(body) || body.length % 4 === 1) {
    throw new StatusListError('ERR_STATUS_LIST_MALFORMED', 'encodedList is not base64url without padding (characters A–Z a–z 0–9 - _)');
  }
  let gz: Uint8Array;
  try {
    gz = base64urlnopad.decode(body);
  } catch {
    throw new StatusListError('ERR_STATUS_LIST_MALFORMED', 'encodedList is not base64url without padding (its last character has stray bits)');
  }
  if (gz.length < 18 || gz[0] !== 0x1f || gz[1] !== 0x8b || gz[2] !== 0x08) {
    throw new StatusListError('ERR_STATUS_LIST_NOT_GZIP', 'encodedList is not GZIP data (RFC 1952 header 1f 8b 08 missing)');
  }
  try {
    return boundedGunzip(gz, maxBytes);
  } catch (err) {
    if (err instanceof GunzipError && err.reason === 'too-large') {
      throw new StatusListError('ERR_STATUS_LIST_TOO_LARGE', `the bitstring decompresses to more than ${maxBytes} bytes (gzip bomb?): refused`, { cause: err });
    }
    throw new StatusListError('ERR_STATUS_LIST_CORRUPT', `encodedList is corrupt GZIP data: ${err instanceof Error ? err.message : 'unknown error'}`, { cause: err });
  }
}

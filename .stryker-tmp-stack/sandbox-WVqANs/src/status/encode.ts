// @ts-nocheck
import { gzipSync } from 'node:zlib';
import { InvalidInputError } from '../errors.js';

/**
 * Encode a bitstring as a status list `encodedList`: multibase `u` + base64url (no padding) of its GZIP compression
 * (W3C Bitstring Status List v1.0 §3.3). Index 0 is the left-most (most significant) bit of `bits[0]`.
 *
 * gzip output differs between implementations and versions: compare decoded bits, never encoded strings.
 * @example
 * ```ts
 * const bits = new Uint8Array(131_072 / 8);
 * setBit(bits, 0, true);
 * const encodedList = encodeBitstring(bits); // 'uH4sI…'
 * ```
 */
export function encodeBitstring(bits: Uint8Array): string {
  if (!(bits instanceof Uint8Array)) throw new InvalidInputError('bits must be a Uint8Array');
  return 'u' + gzipSync(bits).toString('base64url');
}

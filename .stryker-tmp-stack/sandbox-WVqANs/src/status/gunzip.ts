// @ts-nocheck
import { Gunzip } from 'fflate';
import { crc32 } from '../baking/crc32.js';

/** Why {@link boundedGunzip} refused its input. */
export class GunzipError extends Error {
  constructor(
    readonly reason: 'too-large' | 'corrupt',
    message: string,
  ) {
    super(message);
  }
}

/** Compressed bytes fed to the inflater per step: DEFLATE expands at most ~1032×, so one step yields ≤ ~1 MiB. */
const STEP = 1024;

function le32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}

/**
 * GZIP (RFC 1952) decompression in bounded memory, without Node built-ins (runs in browsers and workers): the input is
 * inflated in small steps with fflate's streaming inflater and refused as soon as the output passes `maxBytes`, so a
 * gzip bomb never allocates more than `maxBytes` + ~1 MiB. Each member's CRC-32 and ISIZE trailer is checked (as
 * `zlib.gunzipSync` does); concatenated members are decoded in sequence.
 *
 * Throws {@link GunzipError} (`reason` 'too-large' or 'corrupt').
 */
export function boundedGunzip(gz: Uint8Array, maxBytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let memberBytes = 0;
  let memberCrc = 0;
  const checkTrailer = (end: number): void => {
    if (end < 8 || le32(gz, end - 8) !== memberCrc || le32(gz, end - 4) !== memberBytes % 2 ** 32) {
      throw new GunzipError('corrupt', 'GZIP CRC-32 or length check failed');
    }
    memberBytes = 0;
    memberCrc = 0;
  };
  const inflater = new Gunzip((chunk) => {
    if (chunk.length === 0) return;
    total += chunk.length;
    if (total > maxBytes) throw new GunzipError('too-large', `decompresses to more than ${maxBytes} bytes`);
    memberBytes += chunk.length;
    memberCrc = crc32(chunk, 0, chunk.length, memberCrc);
    chunks.push(chunk.slice());
  });
  // a new member starts at `offset`: the previous member's trailer ends there
  inflater.onmember = (offset: number) => checkTrailer(offset);
  try {
    for (let at = 0; at < gz.length; at += STEP) {
      const end = Math.min(at + STEP, gz.length);
      inflater.push(gz.subarray(at, end), end === gz.length);
    }
    if (gz.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (err) {
    if (err instanceof GunzipError) throw err;
    throw new GunzipError('corrupt', err instanceof Error ? err.message : 'invalid GZIP data');
  }
  checkTrailer(gz.length);
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

// @ts-nocheck
import { BakingError } from '../errors.js';
import type { BakedImageFormat, ExtractOptions, ExtractResult } from './common.js';
import { extractPng, hasPngSignature } from './png.js';
import { extractSvg } from './svg.js';

/**
 * Tell a PNG (by its signature, or its first byte 0x89 + "PNG" if truncated) from an SVG (text whose first
 * non-blank character, after an optional BOM, is `<`). Returns `undefined` for anything else. Cheap: looks at most at
 * the first 1,024 bytes; it does not validate the image.
 * @example
 * ```ts
 * detectImageType(readFileSync('badge.png')); // 'png'
 * detectImageType('<svg xmlns="http://www.w3.org/2000/svg"/>'); // 'svg'
 * detectImageType(new Uint8Array([1, 2, 3])); // undefined
 * ```
 */
export function detectImageType(bytes: Uint8Array | string): BakedImageFormat | undefined {
  if (typeof bytes === 'string') return startsWithMarkup((i) => bytes.charCodeAt(i), bytes.length) ? 'svg' : undefined;
  if (!(bytes instanceof Uint8Array)) return undefined;
  if (hasPngSignature(bytes) || (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47)) return 'png';
  let start = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  return startsWithMarkup((i) => bytes[start + i]!, bytes.length - start) ? 'svg' : undefined;
}

/** True if the first non-blank character (after an optional U+FEFF) within the first 1,024 is '<'. */
function startsWithMarkup(at: (i: number) => number, length: number): boolean {
  const limit = Math.min(length, 1024);
  for (let i = 0; i < limit; i++) {
    const c = at(i);
    if (c === 0xfeff && i === 0) continue;
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
    return c === 0x3c; // '<'
  }
  return false;
}

/**
 * Extract a baked credential from badge image bytes, whatever the format: detects PNG (signature) or SVG (text) and
 * dispatches to {@link extractPng} / {@link extractSvg}. A string is treated as SVG text.
 *
 * Untrusted input is fine: the result is either an {@link ExtractResult} or a thrown `BakingError` with a stable code
 * (`ERR_UNKNOWN_IMAGE_FORMAT` when the bytes are neither PNG nor SVG), in time linear in the input and bounded by
 * `maxBytes` (default 20 MiB).
 *
 * Note: iOS 16+ strips image metadata (and so the baked credential) when images are saved or shared.
 *
 * @example
 * ```ts
 * const { format, kind, credential } = extractCredential(new Uint8Array(await file.arrayBuffer()));
 * const report = await verifyCredential(credential, { now: new Date() });
 * ```
 */
export function extractCredential(bytes: Uint8Array | string, opts?: ExtractOptions): ExtractResult {
  const type = detectImageType(bytes);
  if (type === 'png') return extractPng(bytes as Uint8Array, opts);
  if (type === 'svg') return extractSvg(bytes, opts);
  throw new BakingError('ERR_UNKNOWN_IMAGE_FORMAT', 'image is neither a PNG nor an SVG');
}

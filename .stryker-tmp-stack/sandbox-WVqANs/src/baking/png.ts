// @ts-nocheck
import { BakingError } from '../errors.js';
import {
  type BakeOptions,
  type BakedKind,
  type ExtractOptions,
  type ExtractResult,
  KIND_PRIORITY,
  PNG_KEYWORDS,
  checkSize,
  credentialToText,
  parseCredentialText,
} from './common.js';
import { crc32 } from './crc32.js';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;
const MAX_CHUNK_LENGTH = 0x7fffffff; // PNG: chunk length ≤ 2^31 − 1
const TYPE_ITXT = 0x69545874; // 'iTXt'
const TYPE_TEXT = 0x74455874; // 'tEXt'
const TYPE_ZTXT = 0x7a545874; // 'zTXt'
const TYPE_IHDR = 0x49484452;
const TYPE_IEND = 0x49454e44;

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const latin1 = new TextDecoder('latin1');

/**
 * True if `bytes` starts with the 8-byte PNG signature. Internal (see {@link detectImageType}).
 * @example
 * ```ts
 * hasPngSignature(readFileSync('badge.png')); // true
 * ```
 */
export function hasPngSignature(bytes: Uint8Array): boolean {
  if (bytes.length < PNG_SIGNATURE.length) return false;
  return PNG_SIGNATURE.every((b, i) => bytes[i] === b);
}

interface ChunkRef {
  type: number;
  /** offset of the chunk's length field */
  start: number;
  dataStart: number;
  dataEnd: number;
  /** offset just after the CRC */
  end: number;
}

function u32(b: Uint8Array, o: number): number {
  return ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;
}

function isChunkTypeByte(b: number): boolean {
  return (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
}

/**
 * Walk every chunk from the signature to IEND, validating framing and CRCs, calling `visit` for each.
 * Linear in the input; stores nothing per chunk. Returns the end offset of IHDR.
 */
function walkChunks(png: Uint8Array, visit: (c: ChunkRef) => void): { ihdrEnd: number } {
  if (!hasPngSignature(png)) {
    const partial = png.length < 8 && png.length > 0 && PNG_SIGNATURE.slice(0, png.length).every((b, i) => png[i] === b);
    if (partial) throw new BakingError('ERR_PNG_TRUNCATED', 'PNG ends inside its signature');
    throw new BakingError('ERR_PNG_NOT_PNG', 'not a PNG: the 8-byte PNG signature is missing');
  }
  let pos = 8;
  let ihdrEnd = -1;
  for (;;) {
    if (pos + 8 > png.length) {
      throw new BakingError('ERR_PNG_TRUNCATED', `PNG ends at byte ${png.length} before IEND`, { details: { offset: pos } });
    }
    const length = u32(png, pos);
    if (length > MAX_CHUNK_LENGTH) {
      throw new BakingError('ERR_PNG_BAD_CHUNK', `chunk at byte ${pos} declares length ${length} > 2^31-1`, { details: { offset: pos, length } });
    }
    for (let i = pos + 4; i < pos + 8; i++) {
      if (!isChunkTypeByte(png[i]!)) {
        throw new BakingError('ERR_PNG_BAD_CHUNK', `chunk at byte ${pos} has an invalid type`, { details: { offset: pos } });
      }
    }
    const type = u32(png, pos + 4);
    const dataStart = pos + 8;
    const dataEnd = dataStart + length;
    const end = dataEnd + 4;
    if (end > png.length) {
      throw new BakingError('ERR_PNG_TRUNCATED', `chunk at byte ${pos} declares ${length} data bytes but the file ends at ${png.length}`, {
        details: { offset: pos, length, size: png.length },
      });
    }
    const expected = u32(png, dataEnd);
    const actual = crc32(png, pos + 4, dataEnd);
    if (expected !== actual) {
      throw new BakingError('ERR_PNG_BAD_CRC', `CRC mismatch in chunk ${latin1.decode(png.subarray(pos + 4, pos + 8))} at byte ${pos}`, {
        details: { offset: pos, expected, actual },
      });
    }
    if (ihdrEnd < 0) {
      if (type !== TYPE_IHDR || length !== 13) throw new BakingError('ERR_PNG_BAD_CHUNK', 'first PNG chunk is not a 13-byte IHDR');
      ihdrEnd = end;
    }
    visit({ type, start: pos, dataStart, dataEnd, end });
    if (type === TYPE_IEND) return { ihdrEnd };
    pos = end;
  }
}

/** Keyword of a tEXt / zTXt / iTXt chunk (1–79 Latin-1 bytes then NUL), or undefined if malformed. */
function keywordOf(png: Uint8Array, c: ChunkRef): string | undefined {
  const limit = Math.min(c.dataEnd, c.dataStart + 80);
  for (let i = c.dataStart; i < limit; i++) {
    if (png[i] === 0) return i === c.dataStart ? undefined : latin1.decode(png.subarray(c.dataStart, i));
  }
  return undefined;
}

function kindForKeyword(keyword: string, type: number): BakedKind | undefined {
  if (type === TYPE_ITXT) {
    if (keyword === PNG_KEYWORDS.ob3) return 'ob3';
    if (keyword === PNG_KEYWORDS.clr) return 'clr';
    if (keyword === PNG_KEYWORDS.ob2) return 'ob2';
  } else if (type === TYPE_TEXT && keyword === PNG_KEYWORDS.ob2) {
    return 'ob2'; // pre-2.0 "legacy" baking: tEXt:openbadges holding the hosted assertion URL
  }
  return undefined;
}

function indexOfZero(b: Uint8Array, from: number, to: number): number {
  for (let i = from; i < to; i++) if (b[i] === 0) return i;
  return -1;
}

function decodeUtf8(bytes: Uint8Array, what: string): string {
  try {
    return utf8.decode(bytes);
  } catch (cause) {
    throw new BakingError('ERR_PNG_BAD_ITXT', `${what} is not valid UTF-8`, { cause });
  }
}

/** The text of a credential chunk (iTXt, uncompressed, UTF-8; or legacy tEXt, Latin-1). */
function chunkText(png: Uint8Array, c: ChunkRef): string {
  const kwEnd = indexOfZero(png, c.dataStart, c.dataEnd);
  if (c.type === TYPE_TEXT) return latin1.decode(png.subarray(kwEnd + 1, c.dataEnd));
  // iTXt: keyword \0 compressionFlag compressionMethod languageTag \0 translatedKeyword \0 text
  if (kwEnd + 3 > c.dataEnd) throw new BakingError('ERR_PNG_BAD_ITXT', 'iTXt chunk ends before its compression fields');
  const flag = png[kwEnd + 1]!;
  if (flag !== 0) {
    // Compression MUST NOT be used (OB 3.0 §Baked Badge); refusing also rules out zlib bombs.
    throw new BakingError('ERR_PNG_COMPRESSED_CREDENTIAL', 'credential iTXt chunk is compressed, which the baking spec forbids');
  }
  const langEnd = indexOfZero(png, kwEnd + 3, c.dataEnd);
  if (langEnd < 0) throw new BakingError('ERR_PNG_BAD_ITXT', 'iTXt chunk has no terminated language tag');
  const tkEnd = indexOfZero(png, langEnd + 1, c.dataEnd);
  if (tkEnd < 0) throw new BakingError('ERR_PNG_BAD_ITXT', 'iTXt chunk has no terminated translated keyword');
  decodeUtf8(png.subarray(langEnd + 1, tkEnd), 'iTXt translated keyword');
  return decodeUtf8(png.subarray(tkEnd + 1, c.dataEnd), 'iTXt text');
}

/**
 * Extract the credential baked into a PNG badge image.
 *
 * Looks for one `iTXt` chunk with keyword `openbadgecredential` (OB 3.0), `clrcredential` (CLR 2.0) or `openbadges`
 * (OB 2.0; also the legacy `tEXt:openbadges` URL) and reports which it found in `kind`. If several standards are
 * present, OB 3.0 wins over CLR 2.0 over OB 2.0. The whole file is validated first (signature, chunk framing, every
 * CRC); a keyword present twice is refused (`ERR_PNG_DUPLICATE_CREDENTIAL`) since readers could disagree on which counts.
 * Text is decoded as UTF-8. Runs in time linear in the input and never decompresses anything.
 *
 * Note: iOS 16+ (and many social/chat apps) strip PNG metadata when an image is saved or shared, which removes the
 * baked credential; keep the credential file or a link to it as well.
 *
 * @throws {BakingError} `ERR_IMAGE_TOO_LARGE`, `ERR_PNG_NOT_PNG`, `ERR_PNG_TRUNCATED`, `ERR_PNG_BAD_CHUNK`,
 *   `ERR_PNG_BAD_CRC`, `ERR_PNG_BAD_ITXT`, `ERR_PNG_COMPRESSED_CREDENTIAL`, `ERR_PNG_DUPLICATE_CREDENTIAL`,
 *   `ERR_IMAGE_AMBIGUOUS` (a credential keyword in a tEXt/zTXt chunk beside the iTXt one), `ERR_PNG_CREDENTIAL_CHUNK_TYPE`
 *   (only in a tEXt/zTXt chunk), `ERR_INVALID_CREDENTIAL`, `ERR_NO_CREDENTIAL`.
 * @example
 * ```ts
 * import { readFileSync } from 'node:fs';
 * const { kind, credential } = extractPng(readFileSync('badge.png'));
 * if (kind === 'ob3') await verifyCredential(credential);
 * ```
 */
export function extractPng(png: Uint8Array, opts?: ExtractOptions): ExtractResult {
  if (!(png instanceof Uint8Array)) throw new BakingError('ERR_PNG_NOT_PNG', 'extractPng expects a Uint8Array');
  checkSize(png.length, opts);
  const found: Partial<Record<BakedKind, ChunkRef>> = {};
  const misplaced: Array<{ keyword: string; type: string; offset: number }> = [];
  walkChunks(png, (c) => {
    if (c.type !== TYPE_ITXT && c.type !== TYPE_TEXT && c.type !== TYPE_ZTXT) return;
    const keyword = keywordOf(png, c);
    if (keyword === undefined) return;
    // a credential keyword in a tEXt / zTXt chunk (other than the legacy tEXt:openbadges URL): some readers take it
    if (c.type !== TYPE_ITXT && (keyword === PNG_KEYWORDS.ob3 || keyword === PNG_KEYWORDS.clr || (c.type === TYPE_ZTXT && keyword === PNG_KEYWORDS.ob2))) {
      misplaced.push({ keyword, type: c.type === TYPE_TEXT ? 'tEXt' : 'zTXt', offset: c.start });
      return;
    }
    const kind = kindForKeyword(keyword, c.type);
    if (!kind) return;
    if (found[kind]) {
      throw new BakingError('ERR_PNG_DUPLICATE_CREDENTIAL', `PNG holds more than one "${PNG_KEYWORDS[kind]}" chunk`, {
        details: { keyword: PNG_KEYWORDS[kind], offset: c.start },
      });
    }
    found[kind] = c;
  });
  if (misplaced.length) {
    const m = misplaced[0]!;
    const beside = KIND_PRIORITY.some((k) => found[k]);
    throw new BakingError(
      beside ? 'ERR_IMAGE_AMBIGUOUS' : 'ERR_PNG_CREDENTIAL_CHUNK_TYPE',
      beside
        ? `PNG holds a "${m.keyword}" ${m.type} chunk beside the credential's iTXt chunk: readers could disagree on which credential the image carries`
        : `PNG holds "${m.keyword}" in a ${m.type} chunk; the baking spec puts the credential in one uncompressed iTXt chunk`,
      { details: { keyword: m.keyword, chunk: m.type, offset: m.offset } },
    );
  }
  for (const kind of KIND_PRIORITY) {
    const c = found[kind];
    if (c) return parseCredentialText(chunkText(png, c), kind, 'png');
  }
  throw new BakingError('ERR_NO_CREDENTIAL', 'PNG holds no baked credential');
}

/**
 * Bake a credential into a PNG badge image: returns a new PNG with one uncompressed `iTXt` chunk, keyword
 * `openbadgecredential` (or `clrcredential` with `{ kind: 'clr' }`), empty language tag and translated keyword,
 * and as text the credential JSON (objects are `JSON.stringify`-ed; JSON strings are kept as given) or the compact
 * JWS of a VC-JWT, encoded as UTF-8.
 *
 * The chunk goes right after IHDR (the spec leaves the position open; PNG allows iTXt anywhere between IHDR and IEND,
 * and early placement lets readers that stop at the first matching chunk, as the spec suggests, skip the image data).
 * Any chunk already carrying the same keyword is removed, so the keyword is never present twice; pass
 * `{ replace: false }` to get `ERR_ALREADY_BAKED` instead. All other bytes (pixels, other chunks) are copied unchanged.
 *
 * Note: iOS 16+ strips image metadata when a photo/image is saved or shared, losing the baked credential.
 *
 * @throws {BakingError} `ERR_INVALID_CREDENTIAL`, `ERR_ALREADY_BAKED`, and the PNG validation codes of {@link extractPng}.
 * @example
 * ```ts
 * import { readFileSync, writeFileSync } from 'node:fs';
 * const signed = await issueCredential(credential, { key });
 * writeFileSync('baked.png', bakePng(readFileSync('badge.png'), signed));
 * ```
 */
export function bakePng(png: Uint8Array, credential: object | string, opts?: BakeOptions): Uint8Array {
  if (!(png instanceof Uint8Array)) throw new BakingError('ERR_PNG_NOT_PNG', 'bakePng expects a Uint8Array');
  const kind = opts?.kind ?? 'ob3';
  if (kind !== 'ob3' && kind !== 'clr') throw new BakingError('ERR_INVALID_OPTIONS', `cannot bake kind "${String(kind)}"`);
  const keyword = PNG_KEYWORDS[kind];
  const text = credentialToText(credential);
  checkSize(png.length, opts);

  const remove: ChunkRef[] = [];
  const { ihdrEnd } = walkChunks(png, (c) => {
    if (c.type !== TYPE_ITXT && c.type !== TYPE_TEXT && c.type !== TYPE_ZTXT) return;
    if (keywordOf(png, c) === keyword) remove.push(c);
  });
  if (remove.length > 0 && opts?.replace === false) {
    throw new BakingError('ERR_ALREADY_BAKED', `PNG already holds a "${keyword}" chunk (pass replace: true to overwrite)`);
  }

  const chunk = buildItxtChunk(keyword, text);
  let removed = 0;
  for (const c of remove) removed += c.end - c.start;
  const out = new Uint8Array(png.length - removed + chunk.length);
  out.set(png.subarray(0, ihdrEnd), 0);
  let o = ihdrEnd;
  out.set(chunk, o);
  o += chunk.length;
  let from = ihdrEnd;
  for (const c of remove) {
    out.set(png.subarray(from, c.start), o);
    o += c.start - from;
    from = c.end;
  }
  out.set(png.subarray(from), o);
  return out;
}

function buildItxtChunk(keyword: string, text: string): Uint8Array {
  const body = new TextEncoder().encode(text);
  const kw = keyword.length; // ASCII keyword
  // keyword NUL, compression flag 0, compression method 0, language tag "" NUL, translated keyword "" NUL
  const dataLength = kw + 5 + body.length;
  if (dataLength > MAX_CHUNK_LENGTH) throw new BakingError('ERR_INVALID_CREDENTIAL', 'credential too large for a PNG chunk');
  const chunk = new Uint8Array(12 + dataLength);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, dataLength);
  view.setUint32(4, TYPE_ITXT);
  for (let i = 0; i < kw; i++) chunk[8 + i] = keyword.charCodeAt(i);
  // the 5 zero bytes are already 0
  chunk.set(body, 8 + kw + 5);
  view.setUint32(8 + dataLength, crc32(chunk, 4, 8 + dataLength));
  return chunk;
}

// @ts-nocheck
// Test helpers: build PNGs chunk by chunk with node:zlib (its crc32 is independent of ours).
import { crc32 as zcrc32, deflateSync } from 'node:zlib';
import { expect } from 'vitest';
import { BakingError } from '../../src/errors.js';

export const SIG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  v.setUint32(8 + data.length, zcrc32(out.subarray(4, 8 + data.length)));
  return out;
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** RGBA pixels of a w×h test pattern. */
export function pattern(w: number, h: number): Uint8Array {
  const px = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      px[i] = (x * 37) & 0xff;
      px[i + 1] = (y * 59) & 0xff;
      px[i + 2] = ((x ^ y) * 23) & 0xff;
      px[i + 3] = 255 - ((x + y) & 0x3f);
    }
  return px;
}

export function ihdr(w: number, h: number): Uint8Array {
  const d = new Uint8Array(13);
  const v = new DataView(d.buffer);
  v.setUint32(0, w);
  v.setUint32(4, h);
  d[8] = 8; // bit depth
  d[9] = 6; // RGBA
  return chunk('IHDR', d);
}

export function idat(w: number, h: number, px: Uint8Array): Uint8Array {
  const raw = new Uint8Array(h * (1 + w * 4));
  for (let y = 0; y < h; y++) raw.set(px.subarray(y * w * 4, (y + 1) * w * 4), y * (1 + w * 4) + 1);
  return chunk('IDAT', deflateSync(raw));
}

export const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** iTXt chunk data; compression flag configurable for hostile tests. */
export function itxt(keyword: string, text: string, compressed = 0): Uint8Array {
  return chunk('iTXt', concat(latin1(keyword), Uint8Array.of(0, compressed, 0, 0, 0), utf8(text)));
}

export function textChunk(keyword: string, text: string): Uint8Array {
  return chunk('tEXt', concat(latin1(keyword), Uint8Array.of(0), latin1(text)));
}

/** A small valid PNG (w×h RGBA, plus a tEXt Software chunk). */
export function makePng(w = 4, h = 3, extra: Uint8Array[] = []): Uint8Array {
  return concat(SIG, ihdr(w, h), textChunk('Software', 'credstack tests'), ...extra, idat(w, h, pattern(w, h)), chunk('IEND', new Uint8Array(0)));
}

/** List chunk types and (for text chunks) keywords of a PNG. */
export function listChunks(png: Uint8Array): { type: string; keyword?: string; length: number }[] {
  const out: { type: string; keyword?: string; length: number }[] = [];
  let pos = 8;
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  while (pos + 12 <= png.length) {
    const len = v.getUint32(pos);
    const type = String.fromCharCode(...png.subarray(pos + 4, pos + 8));
    const entry: { type: string; keyword?: string; length: number } = { type, length: len };
    if (type === 'iTXt' || type === 'tEXt' || type === 'zTXt') {
      const data = png.subarray(pos + 8, pos + 8 + len);
      entry.keyword = String.fromCharCode(...data.subarray(0, data.indexOf(0)));
    }
    out.push(entry);
    pos += 12 + len;
    if (type === 'IEND') break;
  }
  return out;
}

/** A credential with non-ASCII text: ®, é, Vietnamese, Bengali, an emoji, and a `]]>` inside a string. */
export const CREDENTIAL = {
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  id: 'urn:uuid:2d5d5c8e-5f43-4c1b-9c2d-1d2f5b8e0a11',
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', type: ['Profile'], name: 'Université Côte® d’Azur' },
  validFrom: '2025-01-01T00:00:00Z',
  name: 'Kỹ năng lập trình — প্রোগ্রামিং দক্ষতা 🎓',
  credentialSubject: {
    type: ['AchievementSubject'],
    achievement: {
      id: 'https://example.edu/achievements/1',
      type: ['Achievement'],
      name: 'Café ]]> <script>alert(1)</script> & "quotes"',
      criteria: { narrative: 'Tiếng Việt: đạt yêu cầu. বাংলা: মানদণ্ড পূরণ।' },
    },
  },
  proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofValue: 'z3abc' },
};

export const JWS =
  'eyJhbGciOiJFZERTQSIsInR5cCI6InZjK2xkK2pzb24rand0In0.eyJpc3MiOiJkaWQ6a2V5Ono2TWsiLCJuYW1lIjoiQ2Fmw6kgwq4ifQ.c2lnbmF0dXJlLWJ5dGVzLWZvci10ZXN0cw';

export const OB3_NS = 'https://purl.imsglobal.org/ob/v3p0';

export const SVG = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" width="64" height="64">
  <title>Badge é ®</title>
  <circle cx="32" cy="32" r="30" fill="#e0a000"/>
  <text x="32" y="36" text-anchor="middle">Kỹ năng</text>
</svg>
`;

/** The BakingError `fn` throws (asserting it is a BakingError), or undefined when it does not throw. */
function caught(fn: () => unknown): BakingError | undefined {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(BakingError);
    return e as BakingError;
  }
  return undefined;
}

/** The BakingError code `fn` throws (asserting it is a BakingError), or undefined when it does not throw. */
export function code(fn: () => unknown): string | undefined {
  return caught(fn)?.code;
}

/** The BakingError `fn` throws (asserting it is one); fails the test when `fn` does not throw. */
export function thrown(fn: () => unknown): BakingError {
  const e = caught(fn);
  if (!e) throw new Error('expected a throw');
  return e;
}

/** What a refusal says: its code, message and details. */
export const err = (e: BakingError) => ({ code: e.code, message: e.message, details: e.details });

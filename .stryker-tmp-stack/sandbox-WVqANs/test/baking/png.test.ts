// @ts-nocheck
import { readFileSync } from 'node:fs';
import { crc32 as zcrc32 } from 'node:zlib';
import pngjs from 'pngjs';
import { describe, expect, it } from 'vitest';
import { bakePng, extractPng, PNG_KEYWORDS } from '../../src/baking/index.js';
import { crc32 } from '../../src/baking/crc32.js';
import { CREDENTIAL, JWS, SIG, chunk, code, concat, idat, ihdr, itxt, listChunks, makePng, pattern, textChunk, utf8 } from './helpers.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/baking/${name}`, import.meta.url)));


/** Find the data of the (single) iTXt chunk with `keyword`. */
function itxtData(png: Uint8Array, keyword: string): Uint8Array {
  let pos = 8;
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  while (pos < png.length) {
    const len = v.getUint32(pos);
    const type = String.fromCharCode(...png.subarray(pos + 4, pos + 8));
    const data = png.subarray(pos + 8, pos + 8 + len);
    if (type === 'iTXt' && String.fromCharCode(...data.subarray(0, keyword.length + 1)) === keyword + '\0') return data;
    pos += 12 + len;
  }
  throw new Error('not found');
}

describe('crc32', () => {
  it('matches the check value and node:zlib on random data of every alignment', () => {
    expect(crc32(utf8('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    const data = new Uint8Array(4099);
    for (let i = 0; i < data.length; i++) data[i] = (i * 7919 + 13) & 0xff;
    for (const [s, e] of [[0, 4099], [1, 4099], [3, 17], [5, 6], [2, 4098]] as const) {
      expect(crc32(data, s, e)).toBe(zcrc32(data.subarray(s, e)));
    }
    expect(crc32(data, 100, 4099, crc32(data, 0, 100))).toBe(zcrc32(data));
  });
});

describe('bakePng / extractPng (OB 3.0)', () => {
  const png = fixture('badge.png');

  it('round-trips a JSON credential object with non-ASCII text as UTF-8', () => {
    const baked = bakePng(png, CREDENTIAL);
    const r = extractPng(baked);
    expect(r).toMatchObject({ format: 'png', kind: 'ob3' });
    expect(r.credential).toEqual(CREDENTIAL);
    expect(r.raw).toBe(JSON.stringify(CREDENTIAL));
    const data = itxtData(baked, 'openbadgecredential');
    // keyword NUL, compression flag 0, method 0, empty language tag, empty translated keyword
    expect([...data.subarray(0, 24)]).toEqual([...utf8('openbadgecredential'), 0, 0, 0, 0, 0]);
    const text = data.subarray(24);
    expect(Buffer.from(text).toString('utf8')).toBe(JSON.stringify(CREDENTIAL));
    // ® is C2 AE in UTF-8 (a Latin-1 writer would give a lone AE)
    expect(Buffer.from(text).includes(Buffer.from([0xc2, 0xae]))).toBe(true);
    expect(Buffer.from(text).toString('utf8')).toContain('প্রোগ্রামিং');
    expect(Buffer.from(text).toString('utf8')).toContain('Kỹ năng lập trình');
  });

  it('keeps a JSON string byte for byte and bakes a compact JWS as is', () => {
    const pretty = JSON.stringify(CREDENTIAL, null, 2);
    expect(extractPng(bakePng(png, pretty)).raw).toBe(pretty);
    const r = extractPng(bakePng(png, JWS));
    expect(r).toEqual({ format: 'png', kind: 'ob3', credential: JWS, raw: JWS });
  });

  it('puts exactly one iTXt chunk right after IHDR and leaves every other chunk in place', () => {
    const baked = bakePng(png, CREDENTIAL);
    const before = listChunks(png).map((c) => c.type);
    const after = listChunks(baked);
    expect(after.map((c) => c.type)).toEqual(['IHDR', 'iTXt', ...before.slice(1)]);
    expect(after.filter((c) => c.keyword === 'openbadgecredential')).toHaveLength(1);
    expect(Buffer.from(baked.subarray(0, 33)).equals(Buffer.from(png.subarray(0, 33)))).toBe(true);
    expect(Buffer.from(baked.subarray(baked.length - (png.length - 33))).equals(Buffer.from(png.subarray(33)))).toBe(true);
  });

  it('re-baking replaces the chunk (never two), wherever the old one was', () => {
    const once = bakePng(png, CREDENTIAL);
    const twice = bakePng(once, JWS);
    expect(listChunks(twice).filter((c) => c.keyword === 'openbadgecredential')).toHaveLength(1);
    expect(extractPng(twice).credential).toBe(JWS);
    expect(twice.length).toBe(png.length + 12 + 24 + JWS.length);
    // an old chunk placed before IEND by another baker is removed too
    const late = makePng(4, 3, [itxt('openbadgecredential', '{"old":true}')]);
    const rebaked = bakePng(late, CREDENTIAL);
    expect(listChunks(rebaked).filter((c) => c.keyword === 'openbadgecredential')).toHaveLength(1);
    expect(extractPng(rebaked).credential).toEqual(CREDENTIAL);
  });

  it('replace: false refuses to overwrite', () => {
    const once = bakePng(png, CREDENTIAL);
    expect(code(() => bakePng(once, JWS, { replace: false }))).toBe('ERR_ALREADY_BAKED');
    expect(extractPng(bakePng(png, JWS, { replace: false })).credential).toBe(JWS);
  });

  it('still decodes with a real PNG decoder (pngjs, CRC-checked), pixels unchanged', () => {
    const baked = bakePng(png, CREDENTIAL);
    const decoded = pngjs.PNG.sync.read(Buffer.from(baked), { checkCRC: true } as never);
    expect([decoded.width, decoded.height]).toEqual([4, 3]);
    expect(Buffer.from(decoded.data).equals(Buffer.from(pattern(4, 3)))).toBe(true);
    const original = pngjs.PNG.sync.read(Buffer.from(png));
    expect(Buffer.from(decoded.data).equals(Buffer.from(original.data))).toBe(true);
  });

  it('bakes a CLR 2.0 credential with keyword clrcredential', () => {
    const baked = bakePng(png, CREDENTIAL, { kind: 'clr' });
    expect(listChunks(baked)[1]?.keyword).toBe(PNG_KEYWORDS.clr);
    expect(extractPng(baked).kind).toBe('clr');
  });

  it('refuses credentials that are neither JSON objects nor compact JWS', () => {
    for (const bad of ['hello', '{not json', '[1,2]', 'a.b', 42 as never, null as never, [] as never]) {
      expect(code(() => bakePng(png, bad))).toBe('ERR_INVALID_CREDENTIAL');
    }
  });
});

describe('extractPng: other standards', () => {
  it('recognises OB 2.0 (iTXt openbadges), the legacy tEXt URL and CLR 2.0', () => {
    const ob2 = extractPng(fixture('ob2-baked.png'));
    expect(ob2.kind).toBe('ob2');
    expect((ob2.credential as { type: string }).type).toBe('Assertion');
    expect(extractPng(fixture('ob2-legacy.png'))).toMatchObject({ kind: 'ob2', credential: 'https://example.org/assertions/123' });
    const clr = extractPng(fixture('clr-baked.png'));
    expect(clr.kind).toBe('clr');
    expect((clr.credential as { name: string }).name).toBe('CLR — bảng điểm');
  });

  it('prefers OB 3.0 when an image also carries OB 2.0 data; baking OB 3.0 keeps the OB 2.0 chunk', () => {
    const both = bakePng(fixture('ob2-baked.png'), JWS);
    expect(listChunks(both).filter((c) => c.keyword === 'openbadges')).toHaveLength(1);
    expect(extractPng(both)).toMatchObject({ kind: 'ob3', credential: JWS });
  });
});

describe('extractPng: hostile input', () => {
  const good = bakePng(fixture('badge.png'), CREDENTIAL);

  it('no credential', () => {
    expect(code(() => extractPng(fixture('badge.png')))).toBe('ERR_NO_CREDENTIAL');
  });

  it('non-PNG bytes and non-Uint8Array input', () => {
    expect(code(() => extractPng(utf8('<svg/>')))).toBe('ERR_PNG_NOT_PNG');
    expect(code(() => extractPng(new Uint8Array(0)))).toBe('ERR_PNG_NOT_PNG');
    expect(code(() => extractPng('x' as never))).toBe('ERR_PNG_NOT_PNG');
    expect(code(() => bakePng(utf8('GIF89a'), CREDENTIAL))).toBe('ERR_PNG_NOT_PNG');
  });

  it('truncated at every length', () => {
    for (let n = 1; n < good.length; n += n < 64 ? 1 : 7) {
      expect(code(() => extractPng(good.subarray(0, n)))).toBe('ERR_PNG_TRUNCATED');
    }
  });

  it('wrong CRC in the credential chunk or in image data', () => {
    const bad = good.slice();
    bad[33 + 8 + 30] = bad[33 + 8 + 30]! ^ 0x01; // a text byte of the iTXt chunk right after IHDR
    expect(code(() => extractPng(bad))).toBe('ERR_PNG_BAD_CRC');
    const bad2 = good.slice();
    bad2[bad2.length - 20] = bad2[bad2.length - 20]! ^ 0x80; // inside IDAT
    expect(code(() => extractPng(bad2))).toBe('ERR_PNG_BAD_CRC');
    expect(code(() => bakePng(bad2, CREDENTIAL))).toBe('ERR_PNG_BAD_CRC');
  });

  it('huge declared chunk lengths are refused without allocating', () => {
    const huge = concat(SIG, ihdr(1, 1), Uint8Array.of(0x7f, 0xff, 0xff, 0xff), utf8('iTXt'), new Uint8Array(16));
    expect(code(() => extractPng(huge))).toBe('ERR_PNG_TRUNCATED');
    const over = concat(SIG, ihdr(1, 1), Uint8Array.of(0xff, 0xff, 0xff, 0xf0), utf8('iTXt'), new Uint8Array(16));
    expect(code(() => extractPng(over))).toBe('ERR_PNG_BAD_CHUNK');
  });

  it('several credential chunks', () => {
    const dup = makePng(2, 2, [itxt('openbadgecredential', '{"a":1}'), itxt('openbadgecredential', '{"a":2}')]);
    expect(code(() => extractPng(dup))).toBe('ERR_PNG_DUPLICATE_CREDENTIAL');
    const dup2 = makePng(2, 2, [itxt('openbadges', '{"a":1}'), textChunk('openbadges', 'https://example.org/a')]);
    expect(code(() => extractPng(dup2))).toBe('ERR_PNG_DUPLICATE_CREDENTIAL');
    // baking over it repairs the file: exactly one remains
    expect(listChunks(bakePng(dup, JWS)).filter((c) => c.keyword === 'openbadgecredential')).toHaveLength(1);
  });

  it('compressed, malformed or non-UTF-8 credential chunks', () => {
    expect(code(() => extractPng(makePng(2, 2, [itxt('openbadgecredential', 'x', 1)])))).toBe('ERR_PNG_COMPRESSED_CREDENTIAL');
    const noLang = chunk('iTXt', concat(utf8('openbadgecredential'), Uint8Array.of(0, 0, 0), utf8('no terminators')));
    expect(code(() => extractPng(makePng(2, 2, [noLang])))).toBe('ERR_PNG_BAD_ITXT');
    const latin = chunk('iTXt', concat(utf8('openbadgecredential'), Uint8Array.of(0, 0, 0, 0, 0), Uint8Array.from([0x7b, 0xae, 0x7d])));
    expect(code(() => extractPng(makePng(2, 2, [latin])))).toBe('ERR_PNG_BAD_ITXT');
    expect(code(() => extractPng(makePng(2, 2, [itxt('openbadgecredential', '{"a":')])))).toBe('ERR_INVALID_CREDENTIAL');
    expect(code(() => extractPng(makePng(2, 2, [itxt('openbadgecredential', 'just text')])))).toBe('ERR_INVALID_CREDENTIAL');
  });

  it('first chunk not IHDR, bad chunk type, missing IEND', () => {
    expect(code(() => extractPng(concat(SIG, idat(1, 1, pattern(1, 1)), ihdr(1, 1))))).toBe('ERR_PNG_BAD_CHUNK');
    const badType = good.slice();
    badType[37] = 0x31; // '1' in IHDR's type
    expect(code(() => extractPng(badType))).toBe('ERR_PNG_BAD_CHUNK');
    expect(code(() => extractPng(good.subarray(0, good.length - 12)))).toBe('ERR_PNG_TRUNCATED');
  });

  it('enforces the size limit before parsing', () => {
    expect(code(() => extractPng(good, { maxBytes: 100 }))).toBe('ERR_IMAGE_TOO_LARGE');
    expect(code(() => bakePng(good, CREDENTIAL, { maxBytes: 100 }))).toBe('ERR_IMAGE_TOO_LARGE');
    expect(code(() => extractPng(new Uint8Array(20 * 1024 * 1024 + 1)))).toBe('ERR_IMAGE_TOO_LARGE');
  });
});

// @ts-nocheck
// Issue 21 (mutation area `baking-png`): the rules of the PNG reader for untrusted images, each with its exact code,
// message and details. PNG (ISO/IEC 15948, W3C PNG 3rd ed.) §5.2 signature 89 50 4E 47 0D 0A 1A 0A; §5.3 chunk =
// 4-byte length (≤ 2^31−1), 4-byte type of ASCII letters A–Z / a–z, data, CRC-32 over type and data; §5.6 IHDR first
// (13 data bytes), IEND last; §11.3.3 tEXt / zTXt / iTXt: keyword of 1–79 Latin-1 bytes then NUL; iTXt: compression
// flag, compression method, language tag NUL, translated keyword (UTF-8) NUL, text (UTF-8). Open Badges 3.0 §5.3.1
// (Baked Badge, PNG): one iTXt chunk, keyword "openbadgecredential", "compression MUST NOT be used". Expected CRCs
// come from node:zlib, not from src/baking/crc32.ts.
import { crc32 as zcrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { extractPng, hasPngSignature } from '../../src/baking/png.js';
import { SIG, chunk, concat, err, ihdr, itxt, latin1, makePng, textChunk, thrown, utf8 } from './helpers.js';

const IEND = chunk('IEND', new Uint8Array(0));
/** A PNG of SIG, IHDR, the given chunks and IEND. */
const png = (...chunks: Uint8Array[]) => concat(SIG, ihdr(1, 1), ...chunks, IEND);
const zTxt = (keyword: string, text: string) => chunk('zTXt', concat(latin1(keyword), Uint8Array.of(0, 0), latin1(text)));
const JSON1 = '{"a":1}';

describe('signature (§5.2)', () => {
  it('hasPngSignature: the 8 bytes exactly', () => {
    expect(hasPngSignature(SIG)).toBe(true);
    expect(hasPngSignature(SIG.subarray(0, 7))).toBe(false);
    expect(hasPngSignature(Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0b))).toBe(false);
  });

  it('a prefix of the signature is truncated; anything else is not a PNG', () => {
    expect(err(thrown(() => extractPng(Uint8Array.of(0x89, 0x50, 0x4e))))).toEqual({ code: 'ERR_PNG_TRUNCATED', message: 'PNG ends inside its signature', details: undefined });
    expect(err(thrown(() => extractPng(SIG.subarray(0, 7))))).toMatchObject({ code: 'ERR_PNG_TRUNCATED' });
    // only the first byte matches: not a prefix
    expect(err(thrown(() => extractPng(Uint8Array.of(0x89, 0x51))))).toEqual({ code: 'ERR_PNG_NOT_PNG', message: 'not a PNG: the 8-byte PNG signature is missing', details: undefined });
    expect(err(thrown(() => extractPng(Uint8Array.of(0x00, 0x50, 0x4e))))).toMatchObject({ code: 'ERR_PNG_NOT_PNG' });
    expect(err(thrown(() => extractPng(new Uint8Array(0))))).toMatchObject({ code: 'ERR_PNG_NOT_PNG' });
  });

  it('only a Uint8Array (a Buffer is one)', () => {
    expect(err(thrown(() => extractPng('\x89PNG\r\n\x1a\n' as never)))).toEqual({ code: 'ERR_PNG_NOT_PNG', message: 'extractPng expects a Uint8Array', details: undefined });
    expect(extractPng(Buffer.from(png(itxt('openbadgecredential', JSON1))))).toEqual({ format: 'png', kind: 'ob3', credential: { a: 1 }, raw: JSON1 });
  });
});

describe('chunk framing (§5.3)', () => {
  it('the file ends before a chunk header: its size and the offset', () => {
    const e = thrown(() => extractPng(concat(SIG, ihdr(1, 1), Uint8Array.of(0, 0, 0))));
    expect(err(e)).toEqual({ code: 'ERR_PNG_TRUNCATED', message: 'PNG ends at byte 36 before IEND', details: { offset: 33 } });
  });

  it('a header of exactly 8 bytes, then nothing: the chunk is truncated (its data and CRC are missing)', () => {
    const e = thrown(() => extractPng(concat(SIG, ihdr(1, 1), Uint8Array.of(0, 0, 0, 0), latin1('IEND'))));
    expect(err(e)).toEqual({ code: 'ERR_PNG_TRUNCATED', message: 'chunk at byte 33 declares 0 data bytes but the file ends at 41', details: { offset: 33, length: 0, size: 41 } });
  });

  it('a declared length above 2^31−1 is refused before reading', () => {
    const e = thrown(() => extractPng(concat(SIG, ihdr(1, 1), Uint8Array.of(0xff, 0xff, 0xff, 0xf0), latin1('iTXt'), new Uint8Array(16))));
    expect(err(e)).toEqual({ code: 'ERR_PNG_BAD_CHUNK', message: 'chunk at byte 33 declares length 4294967280 > 2^31-1', details: { offset: 33, length: 0xfffffff0 } });
    const over = thrown(() => extractPng(concat(SIG, ihdr(1, 1), Uint8Array.of(0x80, 0, 0, 0), latin1('iTXt'), new Uint8Array(16))));
    expect(err(over)).toMatchObject({ code: 'ERR_PNG_BAD_CHUNK', message: 'chunk at byte 33 declares length 2147483648 > 2^31-1' });
  });

  it('a chunk type is four ASCII letters: A–Z and a–z, nothing around them', () => {
    // a private ancillary chunk of the boundary letters is skipped
    expect(err(thrown(() => extractPng(png(chunk('AZaz', Uint8Array.of(1, 2))))))).toMatchObject({ code: 'ERR_NO_CREDENTIAL' });
    for (const c of ['@', '[', '`', '{', '1']) {
      for (const type of [`${c}Aaa`, `aAa${c}`]) {
        const e = thrown(() => extractPng(png(chunk(type, Uint8Array.of(1, 2)))));
        expect(err(e), type).toEqual({ code: 'ERR_PNG_BAD_CHUNK', message: 'chunk at byte 33 has an invalid type', details: { offset: 33 } });
      }
    }
  });

  it('a CRC mismatch names the chunk, its offset, the stored and the computed CRC', () => {
    const good = textChunk('Comment', 'hello');
    const bad = good.slice();
    bad[bad.length - 1] = bad[bad.length - 1]! ^ 0x01;
    const stored = Buffer.from(bad.subarray(bad.length - 4)).readUInt32BE(0);
    const computed = zcrc32(good.subarray(4, good.length - 4));
    const e = thrown(() => extractPng(png(textChunk('Software', 'x'), bad)));
    // SIG + IHDR (33) + tEXt Software "x" (12 + 10)
    expect(err(e)).toEqual({ code: 'ERR_PNG_BAD_CRC', message: 'CRC mismatch in chunk tEXt at byte 55', details: { offset: 55, expected: stored, actual: computed } });
  });

  it('the first chunk must be IHDR of 13 data bytes', () => {
    const no = { code: 'ERR_PNG_BAD_CHUNK', message: 'first PNG chunk is not a 13-byte IHDR', details: undefined };
    expect(err(thrown(() => extractPng(concat(SIG, chunk('IHDR', new Uint8Array(14)), IEND))))).toEqual(no);
    expect(err(thrown(() => extractPng(concat(SIG, chunk('IHDR', new Uint8Array(12)), IEND))))).toEqual(no);
    expect(err(thrown(() => extractPng(concat(SIG, textChunk('Software', 'x'), ihdr(1, 1), IEND))))).toEqual(no);
    // a second IHDR-sized chunk later is not checked again
    expect(err(thrown(() => extractPng(png(chunk('IHDR', new Uint8Array(2))))))).toMatchObject({ code: 'ERR_NO_CREDENTIAL' });
  });
});

describe('which chunks carry a credential (OB 3.0 §5.3.1)', () => {
  it('no credential: ERR_NO_CREDENTIAL — other text chunks (the tEXt Software of makePng) are not one', () => {
    expect(err(thrown(() => extractPng(makePng())))).toEqual({ code: 'ERR_NO_CREDENTIAL', message: 'PNG holds no baked credential', details: undefined });
    // an iTXt chunk of another keyword, twice: neither a credential nor a duplicate
    expect(err(thrown(() => extractPng(png(itxt('Description', JSON1), itxt('Description', JSON1)))))).toMatchObject({ code: 'ERR_NO_CREDENTIAL' });
    // a non-text chunk whose data happens to start with a credential keyword is not read
    expect(err(thrown(() => extractPng(png(chunk('prVt', concat(latin1('openbadgecredential'), Uint8Array.of(0, 0, 0, 0, 0), utf8(JSON1)))))))).toMatchObject({ code: 'ERR_NO_CREDENTIAL' });
  });

  it('the keywords: openbadgecredential (ob3), clrcredential (clr), openbadges (ob2, iTXt or the legacy tEXt URL)', () => {
    expect(extractPng(png(itxt('clrcredential', JSON1)))).toEqual({ format: 'png', kind: 'clr', credential: { a: 1 }, raw: JSON1 });
    expect(extractPng(png(itxt('openbadges', JSON1)))).toEqual({ format: 'png', kind: 'ob2', credential: { a: 1 }, raw: JSON1 });
    // the legacy tEXt text is Latin-1
    expect(extractPng(png(textChunk('openbadges', 'https://example.org/a/1')))).toEqual({ format: 'png', kind: 'ob2', credential: 'https://example.org/a/1', raw: 'https://example.org/a/1' });
    // keywords are case-sensitive
    expect(err(thrown(() => extractPng(png(itxt('OpenBadgeCredential', JSON1)))))).toMatchObject({ code: 'ERR_NO_CREDENTIAL' });
  });

  it('a credential keyword in a tEXt / zTXt chunk is refused, naming the first such chunk', () => {
    const t = thrown(() => extractPng(png(textChunk('openbadgecredential', JSON1), zTxt('clrcredential', 'x'))));
    expect(err(t)).toEqual({
      code: 'ERR_PNG_CREDENTIAL_CHUNK_TYPE',
      message: 'PNG holds "openbadgecredential" in a tEXt chunk; the baking spec puts the credential in one uncompressed iTXt chunk',
      details: { keyword: 'openbadgecredential', chunk: 'tEXt', offset: 33 },
    });
    expect(err(thrown(() => extractPng(png(zTxt('clrcredential', 'x')))))).toEqual({
      code: 'ERR_PNG_CREDENTIAL_CHUNK_TYPE',
      message: 'PNG holds "clrcredential" in a zTXt chunk; the baking spec puts the credential in one uncompressed iTXt chunk',
      details: { keyword: 'clrcredential', chunk: 'zTXt', offset: 33 },
    });
    expect(err(thrown(() => extractPng(png(textChunk('clrcredential', JSON1)))))).toMatchObject({ code: 'ERR_PNG_CREDENTIAL_CHUNK_TYPE', details: { keyword: 'clrcredential', chunk: 'tEXt' } });
    expect(err(thrown(() => extractPng(png(zTxt('openbadgecredential', 'x')))))).toMatchObject({ code: 'ERR_PNG_CREDENTIAL_CHUNK_TYPE', details: { keyword: 'openbadgecredential', chunk: 'zTXt' } });
    // a zTXt chunk of another keyword is just metadata
    expect(err(thrown(() => extractPng(png(zTxt('Comment', 'x')))))).toMatchObject({ code: 'ERR_NO_CREDENTIAL' });
    // OB 2.0 in zTXt too (only tEXt:openbadges is the legacy form)
    expect(err(thrown(() => extractPng(png(zTxt('openbadges', 'x')))))).toMatchObject({ code: 'ERR_PNG_CREDENTIAL_CHUNK_TYPE', details: { keyword: 'openbadges', chunk: 'zTXt', offset: 33 } });
  });

  it('beside a credential iTXt chunk (before or after it), such a chunk makes the image ambiguous', () => {
    const m = 'PNG holds a "openbadgecredential" tEXt chunk beside the credential\'s iTXt chunk: readers could disagree on which credential the image carries';
    const before = thrown(() => extractPng(png(textChunk('openbadgecredential', JSON1), itxt('openbadgecredential', JSON1))));
    expect(err(before)).toEqual({ code: 'ERR_IMAGE_AMBIGUOUS', message: m, details: { keyword: 'openbadgecredential', chunk: 'tEXt', offset: 33 } });
    const after = thrown(() => extractPng(png(itxt('openbadges', JSON1), textChunk('openbadgecredential', JSON1))));
    expect(err(after)).toMatchObject({ code: 'ERR_IMAGE_AMBIGUOUS', details: { offset: 33 + 12 + 10 + 5 + JSON1.length } });
    // beside a CLR credential only (not the first kind of the priority list)
    expect(err(thrown(() => extractPng(png(itxt('clrcredential', JSON1), zTxt('clrcredential', 'x')))))).toMatchObject({ code: 'ERR_IMAGE_AMBIGUOUS', details: { chunk: 'zTXt' } });
  });

  it('a keyword present twice is refused, naming the second chunk', () => {
    const first = itxt('openbadgecredential', JSON1);
    const e = thrown(() => extractPng(png(first, itxt('openbadgecredential', '{"a":2}'))));
    expect(err(e)).toEqual({ code: 'ERR_PNG_DUPLICATE_CREDENTIAL', message: 'PNG holds more than one "openbadgecredential" chunk', details: { keyword: 'openbadgecredential', offset: 33 + first.length } });
    // the iTXt and the legacy tEXt OB 2.0 chunk are the same keyword
    expect(err(thrown(() => extractPng(png(textChunk('openbadges', 'https://x.example/a'), itxt('openbadges', JSON1)))))).toMatchObject({ code: 'ERR_PNG_DUPLICATE_CREDENTIAL', message: 'PNG holds more than one "openbadges" chunk' });
  });

  it('an empty keyword (the data starts with NUL) or none terminated within 80 bytes is no keyword', () => {
    expect(err(thrown(() => extractPng(png(chunk('iTXt', concat(Uint8Array.of(0, 0, 0, 0, 0), utf8(JSON1)))))))).toMatchObject({ code: 'ERR_NO_CREDENTIAL' });
    expect(err(thrown(() => extractPng(png(chunk('iTXt', latin1('openbadgecredential'))))))).toMatchObject({ code: 'ERR_NO_CREDENTIAL' });
  });
});

describe('the iTXt fields (§11.3.3.4)', () => {
  /** An iTXt chunk of keyword openbadgecredential followed by `rest`. */
  const raw = (...rest: Uint8Array[]) => png(chunk('iTXt', concat(latin1('openbadgecredential'), Uint8Array.of(0), ...rest)));
  const bad = (message: string) => ({ code: 'ERR_PNG_BAD_ITXT', message, details: undefined });

  it('the compression flag and method must be there', () => {
    expect(err(thrown(() => extractPng(raw())))).toEqual(bad('iTXt chunk ends before its compression fields'));
    expect(err(thrown(() => extractPng(raw(Uint8Array.of(0)))))).toEqual(bad('iTXt chunk ends before its compression fields'));
    // flag and method present, the language tag missing
    expect(err(thrown(() => extractPng(raw(Uint8Array.of(0, 0)))))).toEqual(bad('iTXt chunk has no terminated language tag'));
  });

  it('a compressed credential is refused (OB 3.0: compression MUST NOT be used)', () => {
    expect(err(thrown(() => extractPng(raw(Uint8Array.of(1, 0, 0, 0), utf8(JSON1)))))).toEqual({
      code: 'ERR_PNG_COMPRESSED_CREDENTIAL', message: 'credential iTXt chunk is compressed, which the baking spec forbids', details: undefined,
    });
  });

  it('the language tag and translated keyword must each end with NUL', () => {
    expect(err(thrown(() => extractPng(raw(Uint8Array.of(0, 0), latin1('en')))))).toEqual(bad('iTXt chunk has no terminated language tag'));
    expect(err(thrown(() => extractPng(raw(Uint8Array.of(0, 0), latin1('en'), Uint8Array.of(0), latin1('title')))))).toEqual(bad('iTXt chunk has no terminated translated keyword'));
    expect(extractPng(raw(Uint8Array.of(0, 0), latin1('en'), Uint8Array.of(0), utf8('Titel é'), Uint8Array.of(0), utf8(JSON1)))).toMatchObject({ kind: 'ob3', raw: JSON1 });
  });

  it('the language tag is only delimited; the translated keyword and the text must be UTF-8', () => {
    // a language tag ending in a lone UTF-8 lead byte: not decoded, so not refused
    expect(extractPng(raw(Uint8Array.of(0, 0, 0x65, 0xc3, 0), utf8('t'), Uint8Array.of(0), utf8(JSON1)))).toMatchObject({ kind: 'ob3', credential: { a: 1 } });
    const tk = thrown(() => extractPng(raw(Uint8Array.of(0, 0, 0, 0xc3, 0x28, 0), utf8(JSON1))));
    expect(err(tk)).toEqual(bad('iTXt translated keyword is not valid UTF-8'));
    expect(tk.cause).toBeInstanceOf(TypeError);
    const text = thrown(() => extractPng(raw(Uint8Array.of(0, 0, 0, 0), Uint8Array.from([0x7b, 0xae, 0x7d]))));
    expect(err(text)).toEqual(bad('iTXt text is not valid UTF-8'));
    expect(text.cause).toBeInstanceOf(TypeError);
  });

  it('a NUL search never reads past the chunk data into its CRC', () => {
    // language tag without NUL, and a CRC whose first byte is 0x00 (found by varying the tag; CRC from node:zlib)
    let found: Uint8Array | undefined;
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    for (const a of letters) {
      for (const b of letters) {
        const data = concat(latin1('openbadgecredential'), Uint8Array.of(0, 0, 0), latin1(`en${a}${b}`));
        if (zcrc32(concat(latin1('iTXt'), data)) >>> 24 === 0) found = data;
      }
    }
    expect(found).toBeInstanceOf(Uint8Array);
    const c = chunk('iTXt', found!);
    expect(c[c.length - 4]).toBe(0);
    expect(err(thrown(() => extractPng(png(c))))).toEqual(bad('iTXt chunk has no terminated language tag'));
  });
});

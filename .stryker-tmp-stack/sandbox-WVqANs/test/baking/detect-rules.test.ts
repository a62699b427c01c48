// @ts-nocheck
// Extraction rules for untrusted images (issue 21: the 'baking-detect' mutation area): the size limit is checked before
// any work, the baked text is a JSON object, a compact JWS, or (OB 2.0 only) a hosted-assertion URL, and format
// detection reads the PNG signature or leading markup. Each assertion states one rule and fails if it is loosened.
import { describe, expect, it } from 'vitest';
import { checkSize, parseCredentialText } from '../../src/baking/common.js';
import { detectImageType, extractCredential } from '../../src/baking/extract.js';

function thrown(f: () => unknown): { code?: string; message?: string; details?: unknown; cause?: unknown } {
  try {
    f();
  } catch (e) {
    return e as { code?: string; message?: string; details?: unknown; cause?: unknown };
  }
  throw new Error('expected a throw');
}

describe('size limit (before any parsing)', () => {
  it('an image of exactly maxBytes is accepted; one byte more is ERR_IMAGE_TOO_LARGE with its size and the limit', () => {
    expect(() => checkSize(1024, { maxBytes: 1024 })).not.toThrow();
    expect(() => checkSize(0, { maxBytes: 0 })).not.toThrow();
    expect(thrown(() => checkSize(1025, { maxBytes: 1024 }))).toMatchObject({
      code: 'ERR_IMAGE_TOO_LARGE',
      message: 'image of 1025 bytes exceeds the limit of 1024 bytes',
      details: { size: 1025, maxBytes: 1024 },
    });
  });

  it('a negative or non-numeric maxBytes is ERR_INVALID_OPTIONS, never "no limit"', () => {
    expect(thrown(() => checkSize(1, { maxBytes: -1 }))).toMatchObject({ code: 'ERR_INVALID_OPTIONS', message: 'maxBytes must be a non-negative number, got -1' });
    expect(thrown(() => checkSize(1, { maxBytes: Number.NaN }))).toMatchObject({ code: 'ERR_INVALID_OPTIONS', message: 'maxBytes must be a non-negative number, got NaN' });
  });
});

describe('the baked text', () => {
  it('a JSON object is parsed (surrounding blanks allowed) and raw is kept as found', () => {
    const r = parseCredentialText('  {"a":1}\n', 'ob3', 'png');
    expect(r).toEqual({ format: 'png', kind: 'ob3', credential: { a: 1 }, raw: '  {"a":1}\n' });
  });

  it('JSON that does not parse: ERR_INVALID_CREDENTIAL naming the kind, with the parser error as cause', () => {
    const e = thrown(() => parseCredentialText('{"a":', 'ob3', 'svg'));
    expect(e).toMatchObject({ code: 'ERR_INVALID_CREDENTIAL', message: 'baked ob3 credential is not valid JSON', details: { kind: 'ob3', format: 'svg' } });
    expect(e.cause).toBeInstanceOf(SyntaxError);
  });

  it('JSON that is not an object (an array; {} is fine) is refused', () => {
    expect(thrown(() => parseCredentialText('[1]', 'ob3', 'png'))).toMatchObject({ code: 'ERR_INVALID_CREDENTIAL', message: 'baked ob3 credential is neither JSON nor a compact JWS' });
    expect(parseCredentialText('{}', 'ob3', 'png').credential).toEqual({});
  });

  it('a hosted-assertion URL is an OB 2.0 form only, whole, http or https', () => {
    expect(parseCredentialText('https://uni.example/assertions/1', 'ob2', 'png').credential).toBe('https://uni.example/assertions/1');
    expect(parseCredentialText('http://uni.example/assertions/1', 'ob2', 'svg').credential).toBe('http://uni.example/assertions/1');
    for (const [text, kind] of [
      ['https://uni.example/assertions/1', 'ob3'],
      ['see https://uni.example/assertions/1', 'ob2'],
      ['https://uni.example/a b', 'ob2'],
      ['ftp://uni.example/a', 'ob2'],
      ['https://', 'ob2'],
    ] as const) {
      expect(thrown(() => parseCredentialText(text, kind, 'png')), `${kind} ${text}`).toMatchObject({
        code: 'ERR_INVALID_CREDENTIAL',
        message: `baked ${kind} credential is neither JSON nor a compact JWS`,
        details: { kind, format: 'png' },
      });
    }
  });
});

describe('format detection', () => {
  it('PNG by its signature (the first four bytes 89 50 4E 47 are enough); anything else in those bytes is not PNG', () => {
    expect(detectImageType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe('png');
    expect(detectImageType(new Uint8Array([0x89, 0x50, 0x4e, 0x47]))).toBe('png');
    for (const b of [[0x88, 0x50, 0x4e, 0x47], [0x89, 0x51, 0x4e, 0x47], [0x89, 0x50, 0x4f, 0x47], [0x89, 0x50, 0x4e, 0x46]]) {
      expect(detectImageType(new Uint8Array(b)), b.join(' ')).toBeUndefined();
    }
  });

  it('only bytes or text are looked at: an array or ArrayBuffer is not an image', () => {
    expect(detectImageType([0x89, 0x50, 0x4e, 0x47] as unknown as Uint8Array)).toBeUndefined();
    expect(detectImageType(new Uint8Array([0x89, 0x50, 0x4e, 0x47]).buffer as unknown as Uint8Array)).toBeUndefined();
  });

  // SVG is XML text: "the first non-blank character, after an optional BOM, is <" (detectImageType). XML 1.0 §2.3:
  // white space is S ::= (#x20 | #x9 | #xD | #xA)+; §4.3.3: the UTF-8 byte order mark EF BB BF (U+FEFF) may open the
  // document — only there. Detection looks at most at the first 1,024 bytes (bounded work on untrusted input).
  const bytes = (s: string) => new TextEncoder().encode(s);
  it('SVG: "<" after XML white space (space, tab, CR, LF), as bytes or text', () => {
    for (const lead of ['', ' ', '\t', '\r', '\n', ' \t\r\n']) {
      expect(detectImageType(bytes(`${lead}<svg/>`)), JSON.stringify(lead)).toBe('svg');
      expect(detectImageType(`${lead}<svg/>`), JSON.stringify(lead)).toBe('svg');
    }
    for (const lead of ['x', '\f', '\v', '\u00a0', '\0']) {
      expect(detectImageType(bytes(`${lead}<svg/>`)), JSON.stringify(lead)).toBeUndefined();
      expect(detectImageType(`${lead}<svg/>`), JSON.stringify(lead)).toBeUndefined();
    }
  });

  it('SVG: the byte order mark only at the very start, and only the whole EF BB BF', () => {
    expect(detectImageType(new Uint8Array([0xef, 0xbb, 0xbf, 0x3c, 0x73]))).toBe('svg');
    expect(detectImageType('\ufeff<svg/>')).toBe('svg');
    expect(detectImageType(' \ufeff<svg/>')).toBeUndefined();
    expect(detectImageType(new Uint8Array([0x20, 0xef, 0xbb, 0xbf, 0x3c]))).toBeUndefined();
    // a partial mark is no mark: the first byte is then not "<"
    for (const b of [[0xef, 0xbb, 0x00, 0x3c], [0xef, 0x00, 0xbf, 0x3c], [0x00, 0xbb, 0xbf, 0x3c], [0x20, 0xbb, 0xbf, 0x3c]]) {
      expect(detectImageType(new Uint8Array(b)), b.join(' ')).toBeUndefined();
    }
    // with no mark nothing is skipped: "<" at byte 0 (then bytes that would follow a mark)
    expect(detectImageType(new Uint8Array([0x3c, 0x20, 0xbf, 0x41]))).toBe('svg');
  });

  it('SVG: "<" within the first 1,024 bytes or characters, not after', () => {
    expect(detectImageType(`${' '.repeat(1023)}<svg/>`)).toBe('svg');
    expect(detectImageType(`${' '.repeat(1024)}<svg/>`)).toBeUndefined();
    expect(detectImageType(bytes(`${' '.repeat(1023)}<svg/>`))).toBe('svg');
    expect(detectImageType(bytes(`${' '.repeat(1024)}<svg/>`))).toBeUndefined();
    expect(detectImageType(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(`${' '.repeat(1023)}<`)]))).toBe('svg');
    expect(detectImageType(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes(`${' '.repeat(1024)}<`)]))).toBeUndefined();
    expect(detectImageType('   ')).toBeUndefined();
    expect(detectImageType(new Uint8Array([0xef, 0xbb, 0xbf]))).toBeUndefined();
  });

  it('neither PNG nor SVG → ERR_UNKNOWN_IMAGE_FORMAT, saying so', () => {
    expect(thrown(() => extractCredential(new Uint8Array([1, 2, 3])))).toMatchObject({ code: 'ERR_UNKNOWN_IMAGE_FORMAT', message: 'image is neither a PNG nor an SVG' });
  });
});

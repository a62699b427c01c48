// @ts-nocheck
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StatusListError } from '../../src/errors.js';
import { decodeBitstring, encodeBitstring, getBit, setBit } from '../../src/status/index.js';
import { fixture } from '../helpers.js';

const vectors = fixture('status/vectors.json');
const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(StatusListError);
    return (e as StatusListError).code;
  }
  return undefined;
};

describe('bit order', () => {
  it('index 0 is the left-most (most significant) bit of the first byte', () => {
    const bits = new Uint8Array(2);
    setBit(bits, 0, true);
    expect(bits[0]).toBe(0x80);
    setBit(bits, 7, true);
    expect(bits[0]).toBe(0x81);
    setBit(bits, 9, true);
    expect(Array.from(bits)).toEqual([0x81, 0x40]);
    expect([0, 1, 7, 8, 9, 15].map((i) => getBit(bits, i))).toEqual([true, false, true, false, true, false]);
    setBit(bits, 0, false);
    expect(bits[0]).toBe(0x01);
  });

  it('decodes the spec example: 131,072 entries, none set', () => {
    const bits = decodeBitstring(vectors.specExample);
    expect(bits.length * 8).toBe(131_072);
    expect(bits.every((b) => b === 0)).toBe(true);
  });

  it('reads a list made by another implementation: index 50,000 set, neighbours not', () => {
    const bits = decodeBitstring(vectors.list100kWithIndex50000Set);
    expect(bits.length * 8).toBe(100_000);
    expect(bits[6250]).toBe(0x80);
    expect(getBit(bits, 50_000)).toBe(true);
    expect(getBit(bits, 49_999)).toBe(false);
    expect(getBit(bits, 50_001)).toBe(false);
    expect(bits.reduce((n, b) => n + (b ? 1 : 0), 0)).toBe(1);
  });

  it('getBit / setBit refuse indexes outside the bitstring', () => {
    const bits = new Uint8Array(2);
    expect(code(() => getBit(bits, 16))).toBe('ERR_STATUS_INDEX_OUT_OF_RANGE');
    expect(code(() => getBit(bits, -1))).toBe('ERR_STATUS_INDEX_OUT_OF_RANGE');
    expect(code(() => setBit(bits, 1.5, true))).toBe('ERR_STATUS_INDEX_OUT_OF_RANGE');
  });
});

describe('encode / decode', () => {
  it('round-trips random bitstrings (decoded bits compared, never encoded strings)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 4096 }), (bytes) => {
        const enc = encodeBitstring(bytes);
        expect(enc.startsWith('uH4sI')).toBe(true);
        expect(/^u[A-Za-z0-9_-]+$/.test(enc)).toBe(true);
        expect(decodeBitstring(enc)).toEqual(bytes);
      }),
      { numRuns: 100 },
    );
  });

  it('round-trips a 131,072-entry list with set bits, compressing it to a few hundred bytes', () => {
    const bits = new Uint8Array(131_072 / 8);
    for (const i of [0, 1, 94_567, 131_071]) setBit(bits, i, true);
    const enc = encodeBitstring(bits);
    expect(enc.length).toBeLessThan(400);
    const back = decodeBitstring(enc);
    expect([0, 1, 2, 94_566, 94_567, 131_071].map((i) => getBit(back, i))).toEqual([true, true, false, false, true, true]);
  });

  it('malformed base64url → ERR_STATUS_LIST_MALFORMED', () => {
    expect(code(() => decodeBitstring(vectors.specExample.slice(1)))).toBe('ERR_STATUS_LIST_MALFORMED'); // no "u"
    expect(code(() => decodeBitstring('uH4sI+AAAA/AAAA'))).toBe('ERR_STATUS_LIST_MALFORMED'); // base64, not base64url
    expect(code(() => decodeBitstring('uH4sIAA=='))).toBe('ERR_STATUS_LIST_MALFORMED'); // padding
    expect(code(() => decodeBitstring('u' + 'A'.repeat(21)))).toBe('ERR_STATUS_LIST_MALFORMED'); // length % 4 == 1
    expect(code(() => decodeBitstring(42))).toBe('ERR_STATUS_LIST_MALFORMED');
    expect(code(() => decodeBitstring(null))).toBe('ERR_STATUS_LIST_MALFORMED');
  });

  it('StatusList2021 lists without the multibase prefix decode when the prefix is optional', () => {
    expect(decodeBitstring(vectors.specExample.slice(1), { multibase: 'optional' }).length).toBe(16_384);
  });

  it('not gzip → ERR_STATUS_LIST_NOT_GZIP; truncated gzip → ERR_STATUS_LIST_CORRUPT', () => {
    expect(code(() => decodeBitstring('u' + Buffer.alloc(64, 7).toString('base64url')))).toBe('ERR_STATUS_LIST_NOT_GZIP');
    expect(code(() => decodeBitstring('u' + Buffer.from('{"not":"gzip at all, just some json"}').toString('base64url')))).toBe('ERR_STATUS_LIST_NOT_GZIP');
    const gz = gzipSync(new Uint8Array(16_384));
    expect(code(() => decodeBitstring('u' + gz.subarray(0, gz.length - 12).toString('base64url')))).toBe('ERR_STATUS_LIST_CORRUPT');
    const flipped = Buffer.from(gz);
    flipped[12] = flipped[12]! ^ 0xff;
    expect(code(() => decodeBitstring('u' + flipped.toString('base64url')))).toBe('ERR_STATUS_LIST_CORRUPT');
  });

  it('refuses a gzip bomb (100 MB of zeros) without inflating it', () => {
    const bomb = 'u' + gzipSync(Buffer.alloc(100 * 1024 * 1024), { level: 9 }).toString('base64url');
    expect(bomb.length).toBeLessThan(200_000);
    const before = process.memoryUsage().rss;
    expect(code(() => decodeBitstring(bomb))).toBe('ERR_STATUS_LIST_TOO_LARGE');
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
    // a caller that knows the declared length bounds it exactly
    expect(code(() => decodeBitstring(encodeBitstring(new Uint8Array(16_385)), { maxBytes: 16_384 }))).toBe('ERR_STATUS_LIST_TOO_LARGE');
    expect(decodeBitstring(encodeBitstring(new Uint8Array(16_384)), { maxBytes: 16_384 }).length).toBe(16_384);
  });

  it('refuses an encodedList too long to be any list within maxBytes before decoding it', () => {
    expect(code(() => decodeBitstring('uH4sI' + 'A'.repeat(40_000), { maxBytes: 16_384 }))).toBe('ERR_STATUS_LIST_TOO_LARGE');
  });
});

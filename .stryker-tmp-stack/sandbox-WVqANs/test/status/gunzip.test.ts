// @ts-nocheck
// boundedGunzip (fflate, no Node built-ins) agrees with zlib and checks what zlib checks: trailer CRC-32 and length.
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { boundedGunzip, GunzipError } from '../../src/status/gunzip.js';

const reason = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    return e instanceof GunzipError ? e.reason : `other: ${(e as Error).message}`;
  }
  return 'no error';
};

describe('boundedGunzip', () => {
  it('decodes what zlib encodes (pseudo-random and runs), byte for byte', () => {
    let x = 7;
    const data = Uint8Array.from({ length: 200_000 }, (_, i) => (i % 5000 < 2500 ? 0 : (x = (x * 1103515245 + 12345) & 0x7fffffff) & 0xff));
    const gz = gzipSync(data);
    expect(Buffer.from(boundedGunzip(gz, 200_000)).equals(gunzipSync(gz))).toBe(true);
  });

  it('concatenated members decode in sequence, as zlib does', () => {
    const gz = Buffer.concat([gzipSync(Buffer.from('abc')), gzipSync(Buffer.from('defg'))]);
    expect(new TextDecoder().decode(boundedGunzip(gz, 100))).toBe('abcdefg');
  });

  it('a wrong trailer CRC-32 or ISIZE is corrupt (zlib refuses it too)', () => {
    const gz = gzipSync(Buffer.from('hello, status list'));
    const badCrc = Buffer.from(gz);
    badCrc[gz.length - 8] = badCrc[gz.length - 8]! ^ 1;
    const badLen = Buffer.from(gz);
    badLen[gz.length - 4] = badLen[gz.length - 4]! ^ 1;
    for (const bad of [badCrc, badLen]) {
      expect(() => gunzipSync(bad)).toThrow();
      expect(reason(() => boundedGunzip(bad, 1000))).toBe('corrupt');
    }
  });

  it('stops at maxBytes + 1: too-large, whatever the trailer claims', () => {
    const gz = gzipSync(new Uint8Array(4 * 1024 * 1024));
    expect(reason(() => boundedGunzip(gz, 1024 * 1024))).toBe('too-large');
    expect(boundedGunzip(gz, 4 * 1024 * 1024).length).toBe(4 * 1024 * 1024);
  });

  // issue 21 (area status-state): the exact refusals, and each member's trailer checked (RFC 1952 §2.3.1: CRC32 and
  // ISIZE close every member)
  const refusal = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      return e instanceof GunzipError ? { reason: e.reason, message: e.message } : { other: (e as Error).message };
    }
    return 'no error';
  };

  it('the refusals say why', () => {
    const gz = gzipSync(Buffer.from('hello, status list'));
    const badCrc = Buffer.from(gz);
    badCrc[gz.length - 8] = badCrc[gz.length - 8]! ^ 1;
    expect(refusal(() => boundedGunzip(badCrc, 100))).toEqual({ reason: 'corrupt', message: 'GZIP CRC-32 or length check failed' });
    expect(refusal(() => boundedGunzip(gzipSync(new Uint8Array(11)), 10))).toEqual({ reason: 'too-large', message: 'decompresses to more than 10 bytes' });
    expect(boundedGunzip(gzipSync(new Uint8Array(10)), 10)).toEqual(new Uint8Array(10));
  });

  it('empty input, or input cut inside the trailer, is corrupt; an empty member is zero bytes', () => {
    expect(refusal(() => boundedGunzip(new Uint8Array(0), 10))).toEqual({ reason: 'corrupt', message: 'GZIP CRC-32 or length check failed' });
    const gz = gzipSync(Buffer.from('abc'));
    for (const n of [gz.length - 1, gz.length - 4, gz.length - 8]) expect(refusal(() => boundedGunzip(gz.subarray(0, n), 10)), String(n)).toMatchObject({ reason: 'corrupt' });
    expect(boundedGunzip(gzipSync(new Uint8Array(0)), 10)).toEqual(new Uint8Array(0));
  });

  it("the first member's trailer is checked too, not only the last one's", () => {
    const first = gzipSync(Buffer.from('abc'));
    const badLen = Buffer.from(first);
    badLen[first.length - 4] = badLen[first.length - 4]! ^ 1;
    const badCrc = Buffer.from(first);
    badCrc[first.length - 8] = badCrc[first.length - 8]! ^ 1;
    const second = gzipSync(Buffer.from('defg'));
    for (const bad of [badLen, badCrc]) {
      const gz = Buffer.concat([bad, second]);
      expect(() => gunzipSync(gz)).toThrow();
      expect(refusal(() => boundedGunzip(gz, 100))).toEqual({ reason: 'corrupt', message: 'GZIP CRC-32 or length check failed' });
    }
    // the bound counts every member
    expect(refusal(() => boundedGunzip(Buffer.concat([first, second]), 6))).toMatchObject({ reason: 'too-large' });
    expect(new TextDecoder().decode(boundedGunzip(Buffer.concat([first, second, gzipSync(Buffer.from('h'))]), 8))).toBe('abcdefgh');
  });

  it('what the inflater refuses is a GunzipError too (reason corrupt, its message), and a cut inside the data is not a trailer mismatch', () => {
    // a deflate block of the reserved type 3 (RFC 1951 §3.2.3: BTYPE 11 is an error)
    const reserved = Uint8Array.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0x07, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(refusal(() => boundedGunzip(reserved, 100))).toEqual({ reason: 'corrupt', message: 'invalid block type' });
    // the last push is marked final, so the inflater itself reports the missing end (fflate: "unexpected EOF")
    const gz = gzipSync(Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919 + (i >> 3) * 31) & 0xff));
    for (const n of [20, 200, gz.length - 9]) expect(refusal(() => boundedGunzip(gz.subarray(0, n), 10_000)), String(n)).toEqual({ reason: 'corrupt', message: 'unexpected EOF' });
  });
});


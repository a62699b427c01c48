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
});

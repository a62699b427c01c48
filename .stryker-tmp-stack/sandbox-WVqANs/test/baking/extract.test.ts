// @ts-nocheck
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bakePng, bakeSvg, detectImageType, extractCredential, DEFAULT_MAX_IMAGE_BYTES } from '../../src/baking/index.js';
import { BakingError } from '../../src/errors.js';
import { CREDENTIAL, JWS, SVG, utf8 } from './helpers.js';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/baking/${name}`, import.meta.url)));

describe('detectImageType', () => {
  it('tells PNG from SVG from anything else', () => {
    expect(detectImageType(fixture('badge.png'))).toBe('png');
    expect(detectImageType(fixture('badge.png').subarray(0, 4))).toBe('png'); // truncated signature is still "a PNG"
    expect(detectImageType(fixture('badge.svg'))).toBe('svg');
    expect(detectImageType(SVG)).toBe('svg');
    expect(detectImageType(utf8('\uFEFF  \n<svg/>'))).toBe('svg');
    expect(detectImageType('\uFEFF<svg/>')).toBe('svg');
    expect(detectImageType(utf8('GIF89a'))).toBeUndefined();
    expect(detectImageType(new Uint8Array(0))).toBeUndefined();
    expect(detectImageType(' '.repeat(2000) + '<svg/>')).toBeUndefined(); // only the first 1,024 characters are looked at
    expect(detectImageType(42 as never)).toBeUndefined();
  });
});

describe('extractCredential', () => {
  it('dispatches on the bytes, for PNG and SVG, bytes or string', () => {
    expect(extractCredential(bakePng(fixture('badge.png'), CREDENTIAL))).toMatchObject({ format: 'png', kind: 'ob3', credential: CREDENTIAL });
    const svg = bakeSvg(fixture('badge.svg'), JWS);
    expect(extractCredential(svg)).toEqual({ format: 'svg', kind: 'ob3', credential: JWS, raw: JWS });
    expect(extractCredential(utf8(svg))).toMatchObject({ format: 'svg', credential: JWS });
    expect(extractCredential(fixture('ob2-baked.png'))).toMatchObject({ format: 'png', kind: 'ob2' });
    expect(extractCredential(fixture('clr-baked.svg'))).toMatchObject({ format: 'svg', kind: 'clr' });
  });

  it('reports unknown formats and passes options through', () => {
    const err = (() => {
      try {
        extractCredential(utf8('GIF89a........'));
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(BakingError);
    expect((err as BakingError).code).toBe('ERR_UNKNOWN_IMAGE_FORMAT');
    expect(() => extractCredential(fixture('badge.png'), { maxBytes: 8 })).toThrow(expect.objectContaining({ code: 'ERR_IMAGE_TOO_LARGE' }));
    expect(DEFAULT_MAX_IMAGE_BYTES).toBe(20 * 1024 * 1024);
  });
});

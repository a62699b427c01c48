// @ts-nocheck
// Issue 17 §2 "two payloads in one image": an image whose credential a viewer and a verifier could read differently is
// refused with a code, in extraction and in verifyCredential.
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bakePng, bakeSvg, extractPng, extractSvg, verifyCredential } from '../../src/index.js';
import { BakingError } from '../../src/errors.js';
import { chunk, concat, CREDENTIAL, itxt, latin1, makePng, textChunk } from './helpers.js';

const JWT = 'eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJkaWQ6ZXhhbXBsZTppc3N1ZXIifQ.c2lnbmF0dXJl';
const NOW = '2026-11-23T12:00:00Z';
const codeOf = (f: () => unknown) => {
  try {
    f();
    return 'no error';
  } catch (e) {
    return e instanceof BakingError ? e.code : `not a BakingError: ${(e as Error)?.message}`;
  }
};
const other = { ...CREDENTIAL, name: 'A different credential shown by viewers' };
const cdata = (o: object) => JSON.stringify(o).replaceAll(']]>', ']]\\u003e');

describe('SVG: VC-JWT in verify and a JSON body', () => {
  const svg = (inner: string) => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0">${inner}<rect width="1" height="1"/></svg>`;
  const both = svg(`<openbadges:credential verify="${JWT}"><![CDATA[${cdata(other)}]]></openbadges:credential>`);

  it('is refused with ERR_IMAGE_AMBIGUOUS (extractSvg and verifyCredential)', async () => {
    expect(codeOf(() => extractSvg(both))).toBe('ERR_IMAGE_AMBIGUOUS');
    const r = await verifyCredential(both, { now: NOW });
    expect(r.checks.map((c) => `${c.id}:${c.status}:${c.code}`)).toEqual(['format:failed:ERR_IMAGE_AMBIGUOUS']);
  });

  it('either payload alone is still read, and whitespace beside verify is no payload', () => {
    expect(extractSvg(svg(`<openbadges:credential verify="${JWT}"></openbadges:credential>`)).credential).toBe(JWT);
    expect(extractSvg(svg(`<openbadges:credential verify="${JWT}">\n  </openbadges:credential>`)).credential).toBe(JWT);
    expect((extractSvg(svg(`<openbadges:credential><![CDATA[${cdata(other)}]]></openbadges:credential>`)).credential as any).name).toBe(other.name);
    expect(extractSvg(bakeSvg(svg(''), JWT)).credential).toBe(JWT);
  });
});

describe('PNG: openbadgecredential in tEXt / zTXt', () => {
  const ztxt = (keyword: string, text: string) => chunk('zTXt', concat(latin1(keyword), Uint8Array.of(0, 0), deflateSync(Buffer.from(text, 'latin1'))));

  it('beside the iTXt chunk: ERR_IMAGE_AMBIGUOUS', async () => {
    const baked = makePng(4, 3, [itxt('openbadgecredential', JSON.stringify(CREDENTIAL))]);
    expect(extractPng(baked).kind).toBe('ob3');
    for (const extra of [textChunk('openbadgecredential', JSON.stringify(other)), ztxt('openbadgecredential', JSON.stringify(other)), textChunk('clrcredential', '{}')]) {
      const png = makePng(4, 3, [itxt('openbadgecredential', JSON.stringify(CREDENTIAL)), extra]);
      expect(codeOf(() => extractPng(png))).toBe('ERR_IMAGE_AMBIGUOUS');
      const r = await verifyCredential(png, { now: NOW });
      expect(r.checks.map((c) => `${c.id}:${c.status}:${c.code}`)).toEqual(['format:failed:ERR_IMAGE_AMBIGUOUS']);
    }
    // baking over such an image leaves one payload (bakePng drops the stray chunk), which reads back as ours
    const rebaked = bakePng(makePng(4, 3, [textChunk('openbadgecredential', JSON.stringify(other))]), CREDENTIAL, { replace: true } as any);
    expect((extractPng(rebaked).credential as any).name).toBe(CREDENTIAL.name);
  });

  it('alone in a tEXt / zTXt chunk: ERR_PNG_CREDENTIAL_CHUNK_TYPE, not "no credential"', () => {
    expect(codeOf(() => extractPng(makePng(4, 3, [textChunk('openbadgecredential', JSON.stringify(other))])))).toBe('ERR_PNG_CREDENTIAL_CHUNK_TYPE');
    expect(codeOf(() => extractPng(makePng(4, 3, [ztxt('openbadgecredential', JSON.stringify(other))])))).toBe('ERR_PNG_CREDENTIAL_CHUNK_TYPE');
    // the legacy OB 2.0 tEXt:openbadges URL stays readable
    expect(extractPng(makePng(4, 3, [textChunk('openbadges', 'https://example.org/assertion/1')])).kind).toBe('ob2');
  });
});

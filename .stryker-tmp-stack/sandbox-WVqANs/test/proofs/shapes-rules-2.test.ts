// @ts-nocheck
// Rule tests for src/proofs/shapes.ts, part 2 (mutation area `proofs-shapes`; helpers as in shapes-rules.test.ts): compiled shapes on small documents under
// hand-written contexts served by a stub loader (no bundled VC contexts, no signing, no src/index.js), so jsonld runs
// on a few quads. Oracle: stock jsonld.expand / jsonld.canonize (and rdf-canonize on the shaped dataset) — the
// reference libraries, not the code under test. Shape keys are written by hand from the rule in shapes.ts's header:
// "the JSON structure with every key and every type / @type value kept, strings replaced by their kind (i… an absolute
// https:, http:, did: or urn: IRI of plain ASCII characters, s any other string), safe integers by n, and every other
// scalar kept as it is". Every guard must fall back ("any one falls back to the full jsonld path").
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearShapeCache, SHAPE_LIMITS, shapeCacheSize, shapeOf, shaped } from '../../src/proofs/shapes.js';

import { V, C, type Doc, stub, loader, run, seq } from './shapes-fixtures.js';

beforeEach(() => clearShapeCache());
afterEach(() => clearShapeCache());

describe('substitution: more positions', () => {
  it('http: IRIs (their own probe scheme) in @id and IRI positions', async () => {
    const d = (v: string): Doc => ({ '@context': C, id: v, ref: `${v}/r`, name: 'x' });
    expect(await seq(d, ['http://a.example/1', 'http://a.example/2', 'http://b.example/3', 'http://c.example/4'])).toEqual(['first-sighting', 'compiled', 'hit', 'hit']);
  });
  it('an IRI-kind value in a literal position is a literal; a string-kind value that is a term is no IRI (no term guard)', async () => {
    const d = (v: string, w: string): Doc => ({ '@context': C, id: 'urn:s', ref: v, name: w });
    expect(await run(d('urn:r:1', 'urn:x:1'))).toBe('first-sighting');
    expect(await run(d('urn:r:2', 'urn:x:2'))).toBe('compiled');
    expect(await run(d('urn:r:3', 'urn:x:3'))).toBe('hit');
    const e = (w: string): Doc => ({ '@context': C, id: 'urn:s', name: w });
    expect(await seq(e, ['a', 'b', 'termOne', 'Thing', 'did'])).toEqual(['first-sighting', 'compiled', 'hit', 'hit', 'hit']);
  });
  it('a named graph: its id is substituted in the graph slot of every quad; two graphs given one id collide', async () => {
    const d = (g: string, s = 'urn:s'): Doc => ({ '@context': C, id: g, '@graph': [{ id: s, name: 'x' }, { id: `${s}:2`, name: 'y' }] });
    expect(await seq(d, ['urn:g:1', 'urn:g:2', 'urn:g:3', 'urn:g:4'])).toEqual(['first-sighting', 'compiled', 'hit', 'hit']);
    const s = (await shaped(d('urn:g:5'), loader as never, 'i18n-datatype'))!;
    expect(s.dataset.map((q) => q.graph)).toEqual([{ termType: 'NamedNode', value: 'urn:g:5' }, { termType: 'NamedNode', value: 'urn:g:5' }]);
    const two = (g1: string, g2: string): Doc => ({ '@context': C, '@graph': [{ id: g1, '@graph': { id: 'urn:s', name: 'x' } }, { id: g2, '@graph': { id: 'urn:s', name: 'x' } }] });
    expect(await run(two('urn:g:1', 'urn:g:2'))).toBe('first-sighting');
    expect(await run(two('urn:g:3', 'urn:g:4'))).toBe('compiled');
    expect(await run(two('urn:g:5', 'urn:g:6'))).toBe('hit');
    expect(await run(two('urn:g:7', 'urn:g:7'))).toBe('collision');
  });
  it('integers: negative, zero, large; in a list and in a set', async () => {
    const d = (a: number, b: number): Doc => ({ '@context': C, id: 'urn:s', n: [a, b], lst: [b, a] });
    expect(await run(d(1, 2))).toBe('first-sighting');
    expect(await run(d(3, 4))).toBe('compiled');
    for (const [a, b] of [[0, -1], [-(2 ** 53 - 1), 2 ** 53 - 1], [4_503_599_627_000_003, 4_503_599_627_000_010], [10, 100]] as const) expect(await run(d(a, b))).toBe('hit');
    expect(await run(d(7, 7))).toBe('collision');
  });
  it('a subject id equal to an object id elsewhere: one node (JSON-LD merges it) with the same quads: substituted exactly', async () => {
    const d = (a: string, b: string): Doc => ({ '@context': C, id: a, name: 'x', child: { id: b, name: 'y' } });
    expect(await seq((v) => d(v, `${v}:c`), ['urn:a:1', 'urn:a:2', 'urn:a:3'])).toEqual(['first-sighting', 'compiled', 'hit']);
    expect(await run(d('urn:a:4', 'urn:a:4'))).toBe('hit');
  });
});

describe('bounds at their edges', () => {
  it('a context document of exactly 100,000 values is walked; 100,001 is not', async () => {
    const H = 'https://ctx.example/edge';
    // values: the document, its pad array, the @context object, the grade string, and N zeros
    const l = (n: number) => stub({ [H]: { '@context': { grade: `${V}grade` }, pad: Array(n).fill(0) } });
    const d = (v: string): Doc => ({ '@context': H, '@id': 'urn:s', grade: v });
    expect(await seq(d, ['a', 'b'], l(99_996))).toEqual(['first-sighting', 'compiled']);
    clearShapeCache();
    expect(await seq(d, ['a', 'b'], l(99_997))).toEqual(['first-sighting', 'uncompilable']);
  });
});

describe('context documents that are no objects', () => {
  it('a context document that is a JSON string, null or absent: fingerprinted by its JSON text (none: no fingerprint), the shape fails to compile, no error', async () => {
    for (const doc of ['not a context', null, undefined]) {
      clearShapeCache();
      const X = 'https://ctx.example/prim';
      const d = (v: string): Doc => ({ '@context': X, '@id': 'urn:s', grade: v });
      expect(await seq(d, ['a', 'b', 'c'], stub({ [X]: doc }))).toEqual(['first-sighting', 'uncompilable', 'uncompilable']);
    }
  });
});

describe('shape and sighting bounds, more edges', () => {
  it('too long a key is refused as soon as it is seen (before a later unusual value); nested arrays count their depth', () => {
    const saved = { ...SHAPE_LIMITS };
    try {
      Object.assign(SHAPE_LIMITS, { maxKeyChars: 60 });
      expect(shapeOf({ '@context': C, ['b'.repeat(40)]: 'x', c: () => 1 })).toBe('size');
      Object.assign(SHAPE_LIMITS, { maxKeyChars: 256 * 1024, maxDepth: 3 });
      expect(shapeOf({ '@context': C, a: [['x']] })).toMatchObject({ key: `["${C}"]"a":[[s;]]` }); // depths 1, 2, 3
      expect(shapeOf({ '@context': C, a: [[['x']]] })).toBe('size'); // the string at depth 4
    } finally {
      Object.assign(SHAPE_LIMITS, saved);
    }
  });
  it('sightings exactly at the byte bound stay; a re-sighting after a context change carries no values', async () => {
    const saved = { ...SHAPE_LIMITS };
    const d = (i: number, v: string): Doc => ({ '@context': C, '@id': 'urn:s', name: Array.from({ length: i + 1 }, (_, j) => `${v}${j}`) });
    try {
      SHAPE_LIMITS.sightingBytes = 314; // d(0): 150, d(1): 164 (shapes-rules.test.ts derives them)
      await run(d(0, 'a'));
      await run(d(1, 'a'));
      expect(shapeCacheSize()).toMatchObject({ sightings: 2, sightingBytes: 314 });
    } finally {
      Object.assign(SHAPE_LIMITS, saved);
    }
    clearShapeCache();
    const U = 'https://ctx.example/resight';
    const e = (v: string): Doc => ({ '@context': U, '@id': 'urn:s', grade: v });
    await run(e('a'), stub({ [U]: { '@context': { grade: `${V}g1` } } }));
    await run(e('b'), stub({ [U]: { '@context': { grade: `${V}g1` } } }));
    expect(await run(e('c'), stub({ [U]: { '@context': { grade: `${V}g2` } } }))).toBe('context-changed');
    const key = `i18n-datatype\u0000["${U}"]"@id":iurn;"grade":s;`;
    expect(shapeCacheSize()).toMatchObject({ templates: 0, sightings: 1, sightingBytes: key.length * 2 }); // values ''
  });
});

// Rule tests for src/proofs/shapes.ts, part 3 (mutation area `proofs-shapes`; helpers in shapes-fixtures.ts): the
// guards the first two parts left open — IRI schemes a context defines as prefixes, quads that are distinct although
// their values are equal, kept scalars between leaves, context documents named in unusual places, the caches while a
// compilation is under way, and "never throws". Oracle: stock jsonld.expand / jsonld.canonize (`run` compares every
// compiled or hit result with it) and N-Quads written by hand; never shapes.ts's own output. Rules quoted from
// shapes.ts's header: "Guards (any one falls back to the full jsonld path): … a structural difference …, substituted
// quads that collide (JSON-LD would merge them) …, a context document that changed since compiling"; "Never throws".
import jsonld from 'jsonld';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearShapeCache, probeNonce, SHAPE_LIMITS, SHAPE_STATS, shapeCacheSize, shaped } from '../../src/proofs/shapes.js';

import { V, type Doc, stub, run, seq, canon } from './shapes-fixtures.js';

beforeEach(() => clearShapeCache());
afterEach(() => clearShapeCache());

const X = 'https://ctx.example/x';
const XTERMS = {
  id: '@id',
  type: '@type',
  name: `${V}name`,
  n: `${V}n`,
  ref: { '@id': `${V}ref`, '@type': '@id' },
  en: { '@id': `${V}name`, '@language': 'en' },
  fr: { '@id': `${V}name`, '@language': 'fr' },
  Thing: `${V}Thing`,
};
const xl = stub({ [X]: { '@context': XTERMS } });

describe('IRI kinds: the probe keeps the value\'s form', () => {
  // JSON-LD 1.1 API §5.2.2 IRI Expansion, step 6.2: "If prefix is underscore (_) or suffix begins with
  // double-forward-slash (//), return value as it is already an IRI or a blank node identifier." — so a context that
  // defines `https` / `http` as prefixes leaves `https://…` and `http://…` values alone, and the template must too.
  const P = 'https://ctx.example/scheme-prefixes';
  const pl = stub({ [P]: { '@context': { https: 'https://evil.example/h#', http: 'https://evil.example/p#', ref: { '@id': `${V}ref`, '@type': '@id' }, name: `${V}name` } } });
  it('https:// and http:// values under a context that defines https and http as prefixes: compiled, then hits', async () => {
    const d = (i: number): Doc => ({ '@context': P, '@id': `https://a.example/${i}`, ref: `http://b.example/${i}`, name: 'x' });
    expect(await seq((v) => d(Number(v)), ['1', '2', '3', '4'], pl)).toEqual(['first-sighting', 'compiled', 'hit', 'hit']);
    const s = (await shaped(d(5), pl as never, 'i18n-datatype'))!;
    expect(await canon(s.dataset)).toBe(
      '<https://a.example/5> <https://v.example/name> "x" .\n<https://a.example/5> <https://v.example/ref> <http://b.example/5> .\n',
    );
  });
});

describe('collisions: only quads that are equal in every part merge', () => {
  // RDF 1.1 Concepts §4: an RDF dataset is a set of triples; two triples are the same only if subject, predicate and
  // object (and graph) are the same terms — a literal and an IRI with the same text, or two literals with different
  // datatypes or languages, are different terms.
  it('same subject and object text, different predicate: two quads (a hit, not a collision)', async () => {
    const d = (a: string, b: string): Doc => ({ '@context': X, id: 'urn:s', name: a, n: b });
    expect(await run(d('a', 'b'), xl)).toBe('first-sighting');
    expect(await run(d('c', 'd'), xl)).toBe('compiled');
    expect(await run(d('x', 'x'), xl)).toBe('hit');
    const s = (await shaped(d('y', 'y'), xl as never, 'i18n-datatype'))!;
    expect(await canon(s.dataset)).toBe('<urn:s> <https://v.example/n> "y" .\n<urn:s> <https://v.example/name> "y" .\n');
  });
  it('a literal and an IRI with the same text: two quads', async () => {
    const d = (a: string, b: string): Doc => ({ '@context': X, id: 'urn:s', name: [a, { id: b }] });
    expect(await seq((v) => d(`urn:${v}`, `urn:${v}:2`), ['a', 'b'], xl)).toEqual(['first-sighting', 'compiled']);
    expect(await run(d('urn:x', 'urn:x'), xl)).toBe('hit');
    const s = (await shaped(d('urn:y', 'urn:y'), xl as never, 'i18n-datatype'))!;
    expect(await canon(s.dataset)).toBe('<urn:s> <https://v.example/name> "urn:y" .\n<urn:s> <https://v.example/name> <urn:y> .\n');
  });
  it('two literals with the same text and different datatypes, or different languages: two quads', async () => {
    const d = (a: string, b: string): Doc => ({ '@context': X, id: 'urn:s', name: [a, { '@value': b, '@type': `${V}Custom` }] });
    expect(await seq((v) => d(v, `${v}2`), ['a', 'b'], xl)).toEqual(['first-sighting', 'compiled']);
    expect(await run(d('x', 'x'), xl)).toBe('hit');
    const s = (await shaped(d('y', 'y'), xl as never, 'i18n-datatype'))!;
    expect(await canon(s.dataset)).toBe('<urn:s> <https://v.example/name> "y" .\n<urn:s> <https://v.example/name> "y"^^<https://v.example/Custom> .\n');
    const e = (a: string, b: string): Doc => ({ '@context': X, id: 'urn:s', en: a, fr: b });
    expect(await seq((v) => e(v, `${v}2`), ['a', 'b'], xl)).toEqual(['first-sighting', 'compiled']);
    expect(await run(e('x', 'x'), xl)).toBe('hit');
    const t = (await shaped(e('y', 'y'), xl as never, 'i18n-datatype'))!;
    expect(await canon(t.dataset)).toBe('<urn:s> <https://v.example/name> "y"@en .\n<urn:s> <https://v.example/name> "y"@fr .\n');
  });
  it('two nodes given one id whose objects are different constants: two quads; equal constants: a collision', async () => {
    const d = (a: string, b: string): Doc => ({ '@context': X, '@graph': [{ id: a, n: true }, { id: b, n: false }] });
    expect(await seq((v) => d(`urn:${v}`, `urn:${v}:2`), ['a', 'b'], xl)).toEqual(['first-sighting', 'compiled']);
    expect(await run(d('urn:x', 'urn:x'), xl)).toBe('hit');
    const s = (await shaped(d('urn:y', 'urn:y'), xl as never, 'i18n-datatype'))!;
    const B = 'http://www.w3.org/2001/XMLSchema#boolean';
    expect(await canon(s.dataset)).toBe(`<urn:y> <https://v.example/n> "false"^^<${B}> .\n<urn:y> <https://v.example/n> "true"^^<${B}> .\n`);
    const e = (a: string, b: string): Doc => ({ '@context': X, '@graph': [{ id: a, n: true }, { id: b, n: true }] });
    expect(await seq((v) => e(`urn:${v}`, `urn:${v}:2`), ['a', 'b', 'c'], xl)).toEqual(['first-sighting', 'compiled', 'hit']);
    expect(await run(e('urn:x', 'urn:x'), xl)).toBe('collision');
  });
});

describe('kept scalars between leaves: values stay in document order', () => {
  // the shape key keeps "every other scalar (booleans, null, other numbers: -0, 0.1, 1e21, big integers) as it is" and
  // every type / @type value: none of them is a leaf, so the leaves after them must still get their own values
  it('-0, 1.5, 2^53, true, null, false, a top-level @type and a nested @type among string and integer leaves', async () => {
    const d = (v: string, k: number): Doc => ({
      '@context': X, '@type': 'Thing', id: 'urn:s', name: [`${v}a`, -0, `${v}b`, 1.5, `${v}c`, 2 ** 53, true, null, false, { '@type': 'Thing', name: `${v}d` }], n: k,
    });
    expect(await run(d('p', 1), xl)).toBe('first-sighting');
    expect(await run(d('q', 2), xl)).toBe('compiled');
    expect(await run(d('r', 3), xl)).toBe('hit');
    const s = (await shaped(d('s', 4), xl as never, 'i18n-datatype'))!;
    const X_ = 'http://www.w3.org/2001/XMLSchema#';
    expect(await canon(s.dataset)).toBe([
      '<urn:s> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://v.example/Thing> .',
      `<urn:s> <https://v.example/n> "4"^^<${X_}integer> .`,
      `<urn:s> <https://v.example/name> "0"^^<${X_}integer> .`,
      `<urn:s> <https://v.example/name> "1.5E0"^^<${X_}double> .`,
      `<urn:s> <https://v.example/name> "9007199254740992"^^<${X_}integer> .`,
      `<urn:s> <https://v.example/name> "false"^^<${X_}boolean> .`,
      '<urn:s> <https://v.example/name> "sa" .',
      '<urn:s> <https://v.example/name> "sb" .',
      '<urn:s> <https://v.example/name> "sc" .',
      `<urn:s> <https://v.example/name> "true"^^<${X_}boolean> .`,
      '<urn:s> <https://v.example/name> _:c14n0 .',
      '_:c14n0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://v.example/Thing> .',
      '_:c14n0 <https://v.example/name> "sd" .',
      '',
    ].join('\n'));
  });
});

describe('the mode: how toRDF treats @direction', () => {
  // RdfMode: "eddsa-rdfc-2022: 'i18n-datatype'; Ed25519Signature2020: none" — JSON-LD 1.1 API §8.6 (rdfDirection
  // i18n-datatype): a literal with a base direction gets the datatype https://www.w3.org/ns/i18n#<language>_<direction>;
  // without rdfDirection, safe mode refuses the direction (the full path, here an error of stock jsonld too)
  const D = 'https://ctx.example/dir';
  const dl = stub({ [D]: { '@context': { '@version': 1.1, id: '@id', rtl: { '@id': `${V}rtl`, '@language': 'ar', '@direction': 'rtl' }, name: `${V}name` } } });
  const d = (v: string): Doc => ({ '@context': D, id: 'urn:s', rtl: v, name: 'x' });
  it('a direction given by the context: i18n-datatype substitutes the value; mode none is left to the full path', async () => {
    expect(await seq(d, ['a', 'b', 'c'], dl, 'i18n-datatype')).toEqual(['first-sighting', 'compiled', 'hit']);
    const s = (await shaped(d('abc'), dl as never, 'i18n-datatype'))!;
    expect(await canon(s.dataset)).toBe('<urn:s> <https://v.example/name> "x" .\n<urn:s> <https://v.example/rtl> "abc"^^<https://www.w3.org/ns/i18n#ar_rtl> .\n');
    expect(await seq(d, ['a', 'b', 'c'], dl, 'none')).toEqual(['first-sighting', 'uncompilable', 'uncompilable']);
  });
});

describe('context documents: what is a dependency', () => {
  it('a scoped context given inline (an object) is part of its document: compiled, hits', async () => {
    const A = 'https://ctx.example/inline-scoped';
    const l = stub({ [A]: { '@context': { grade: `${V}grade`, box: { '@id': `${V}box`, '@context': { inner: `${V}inner` } } } } });
    const d = (v: string): Doc => ({ '@context': A, '@id': 'urn:s', grade: v, box: { inner: v } });
    expect(await seq(d, ['a', 'b', 'c', 'd'], l)).toEqual(['first-sighting', 'compiled', 'hit', 'hit']);
  });
  it('an @import key outside a context definition is no import (JSON-LD ignores it): a missing URL there does not matter', async () => {
    // JSON-LD 1.1 §4.1.10 (Imported contexts): @import is a keyword of a context definition, i.e. inside @context
    const A = 'https://ctx.example/stray-import';
    const l = stub({ [A]: { '@context': { grade: `${V}grade` }, '@import': 'https://ctx.example/not-there' } });
    const d = (v: string): Doc => ({ '@context': A, '@id': 'urn:s', grade: v });
    expect(await seq(d, ['a', 'b', 'c'], l)).toEqual(['first-sighting', 'compiled', 'hit']);
  });
  it('a scoped context named inside an object of a @context list is a dependency: its change is seen', async () => {
    const A = 'https://ctx.example/in-list';
    const B = 'https://ctx.example/in-list/b';
    const S = 'https://ctx.example/in-list/scoped';
    const table = (g: string): Record<string, unknown> => ({
      [A]: { '@context': [B, { grade: `${V}grade`, box: { '@id': `${V}box`, '@context': S } }] },
      [B]: { '@context': { other: `${V}other` } },
      [S]: { '@context': { inner: g } },
    });
    const d = (v: string): Doc => ({ '@context': A, '@id': 'urn:s', grade: v, box: { inner: v } });
    expect(await seq(d, ['a', 'b', 'c'], stub(table(`${V}inner`)))).toEqual(['first-sighting', 'compiled', 'hit']);
    expect(await run(d('e'), stub(table(`${V}inner2`)))).toBe('context-changed');
  });
  it('a context document with an array of 150,000 values: not walked, remembered as uncompilable (no error)', async () => {
    // "a document too large" is a guard: past 100,000 values a context is not walked (the shape is left to jsonld)
    const H = 'https://ctx.example/wide';
    // (before: `stack.push(...array)` threw a RangeError here: fallback "error", not remembered, walked again each time)
    const l = stub({ [H]: Object.freeze({ '@context': Object.freeze({ grade: `${V}grade` }), pad: Object.freeze(Array(150_000).fill(0)) }) });
    const d = (v: string): Doc => ({ '@context': H, '@id': 'urn:s', grade: v });
    expect(await seq(d, ['a', 'b', 'c'], l)).toEqual(['first-sighting', 'uncompilable', 'uncompilable']);
    expect(shapeCacheSize()).toMatchObject({ templates: 1, templateBytes: 64 });
  });
});

describe('caches while a compilation is under way', () => {
  it('clearShapeCache during a compilation, then the same shape compiled again: one template, its bytes counted once', async () => {
    const d = (v: string): Doc => ({ '@context': X, id: 'urn:s', name: v });
    await run(d('a'), xl);
    await run(d('b'), xl);
    const one = shapeCacheSize().templateBytes;
    expect(one).toBeGreaterThan(0);
    clearShapeCache();
    await run(d('a'), xl);
    const first = shaped(d('b'), xl as never, 'i18n-datatype'); // compiling
    clearShapeCache(); // drops the sighting and the "compiling" mark
    expect(await shaped(d('c'), xl as never, 'i18n-datatype')).toBeUndefined(); // first sighting again
    const second = shaped(d('e'), xl as never, 'i18n-datatype'); // compiles the same key a second time
    const [s1, s2] = await Promise.all([first, second]);
    expect(s1 && s2).toBeTruthy();
    expect(shapeCacheSize()).toMatchObject({ templates: 1, templateBytes: one });
    expect(await run(d('f'), xl)).toBe('hit');
  });
});

describe('never throws', () => {
  it('a document whose @context cannot be read: the full path (fallback "error"), no exception', async () => {
    const before = SHAPE_STATS.fallbacks.error ?? 0;
    const doc = { get '@context'(): string { throw new Error('unreadable'); } };
    await expect(shaped(doc, xl as never, 'i18n-datatype')).resolves.toBeUndefined();
    expect(SHAPE_STATS.fallbacks.error).toBe(before + 1);
  });
});

describe('template bytes: what a template keeps, counted as UTF-16 code units (× 2)', () => {
  // "at most SHAPE_LIMITS.templates templates and templateBytes bytes": a template keeps its expansion, its dataset
  // (both holding the probe values where the leaves go), its shape key, and either the pairs of quads values could make
  // equal (16 bytes a pair, 8 a slot, plus a constant's text) or, past `collisionPairs` pairs or 16 × that much work,
  // the keys of the quads that take no value. The expansion and dataset lengths come from stock jsonld on the document
  // with the probes written in by hand (`urn:credstack-probe-<nonce>-<i>`, `credstack probe <nonce> <i>`).
  const nonce = (): string => probeNonce();
  const urnProbe = (i: number) => `urn:credstack-probe-${nonce()}-${i}`;
  const strProbe = (i: number) => `credstack probe ${nonce()} ${i}`;
  async function kept(probed: Doc, key: string): Promise<number> {
    const o = { documentLoader: xl as never, safe: true, base: null };
    const expanded = await jsonld.expand(structuredClone(probed) as never, o as never);
    const dataset = await jsonld.toRDF(structuredClone(probed) as never, { ...o, rdfDirection: 'i18n-datatype', produceGeneralizedRdf: false } as never);
    return 2 * (JSON.stringify(expanded).length + JSON.stringify(dataset).length + key.length);
  }
  async function compiledBytes(make: (v: string) => Doc, cap: number): Promise<number> {
    const saved = SHAPE_LIMITS.collisionPairs;
    clearShapeCache();
    SHAPE_LIMITS.collisionPairs = cap;
    try {
      expect(await seq(make, ['a', 'b', 'c'], xl)).toEqual(['first-sighting', 'compiled', 'hit']);
      expect(shapeCacheSize().templates).toBe(1);
      return shapeCacheSize().templateBytes;
    } finally {
      SHAPE_LIMITS.collisionPairs = saved;
    }
  }
  it('one quad, no pairs: expansion + dataset + key', async () => {
    const d = (v: string): Doc => ({ '@context': X, id: `urn:${v}`, name: v });
    const base = await kept({ '@context': X, id: urnProbe(0), name: strProbe(1) }, `["${X}"]"id":iurn;"name":s;`);
    expect(await compiledBytes(d, 4096)).toBe(base);
    expect(await compiledBytes(d, 0)).toBe(base); // no quad without a value: no keys either
  });
  it('three quads of one subject and predicate: three pairs of two varying slots (48 bytes each), kept up to the cap', async () => {
    const d = (v: string): Doc => ({ '@context': X, id: `urn:${v}`, name: [`${v}1`, `${v}2`, `${v}3`] });
    const base = await kept({ '@context': X, id: urnProbe(0), name: [strProbe(1), strProbe(2), strProbe(3)] }, `["${X}"]"id":iurn;"name":[s;s;s;]`);
    expect(await compiledBytes(d, 4096)).toBe(base + 3 * 48);
    expect(await compiledBytes(d, 3)).toBe(base + 3 * 48); // exactly the cap: kept
    expect(await compiledBytes(d, 2)).toBe(base); // a third pair past the cap: none kept (and no fixed quads to key)
  });
  it('the work bound is 16 × the pair cap candidate pairs: exactly 16 for a cap of 1 keeps the one pair', async () => {
    // six nodes: n doubles (1.5 twice, then 2.5 … 5.5: 15 candidate pairs, one possible) and two booleans (1 candidate)
    const ids = (v: string) => [1, 2, 3, 4, 5, 6].map((i) => `urn:${v}${i}`);
    const g = (id: string[]): Doc => ({
      '@context': X,
      '@graph': [{ id: id[0], n: [1.5, true] }, { id: id[1], n: [1.5, false] }, { id: id[2], n: 2.5 }, { id: id[3], n: 3.5 }, { id: id[4], n: 4.5 }, { id: id[5], n: 5.5 }],
    });
    const key = `["${X}"]"@graph":[{"id":iurn;"n":[x1.5;true;]}{"id":iurn;"n":[x1.5;false;]}{"id":iurn;"n":x2.5;}{"id":iurn;"n":x3.5;}{"id":iurn;"n":x4.5;}{"id":iurn;"n":x5.5;}]`;
    const base = await kept(g([0, 1, 2, 3, 4, 5].map(urnProbe)), key);
    const d = (v: string) => g(ids(v));
    expect(await compiledBytes(d, 1)).toBe(base + 16 + 2 * 8); // the pair (node 1, node 2): their subjects
    expect(await compiledBytes(d, 0)).toBe(base); // no work allowed: keyed (no fixed quads)
    // a seventh node: 21 + 1 candidates, past 16 × 1 (the one pair would fit the pair cap): keyed
    const h = (id: string[]): Doc => ({ ...g(id), '@graph': [...(g(id)['@graph'] as Doc[]), { id: id[6], n: 6.5 }] });
    const key7 = `${key.slice(0, -1)}{"id":iurn;"n":x6.5;}]`;
    const base7 = await kept(h([0, 1, 2, 3, 4, 5, 6].map(urnProbe)), key7);
    const d7 = (v: string) => h([...ids(v), `urn:${v}7`]);
    expect(await compiledBytes(d7, 1)).toBe(base7);
    expect(await compiledBytes(d7, 2)).toBe(base7 + 16 + 2 * 8); // 22 ≤ 32
  });
  it('a constant slot costs its text; keyed instead, each fixed quad costs its key', async () => {
    // node 2's id is a compact IRI (string kind): pinned, so its quad takes no value; the pair compares node 1's id
    // (a leaf) with the constant "ex:y"
    const d = (v: string): Doc => ({ '@context': X, '@graph': [{ id: `urn:${v}`, n: 1.5 }, { id: 'ex:y', n: 1.5 }] });
    const base = await kept({ '@context': X, '@graph': [{ id: urnProbe(0), n: 1.5 }, { id: 'ex:y', n: 1.5 }] }, `["${X}"]"@graph":[{"id":iurn;"n":x1.5;}{"id":s;"n":x1.5;}]`);
    expect(await compiledBytes(d, 4096)).toBe(base + 16 + 8 + 8 + 2 * 'ex:y'.length);
    // the fixed quad's key: each term as type, value, datatype, language (NUL-separated), terms separated by U+0001
    const fixedKey = ['NamedNode\u0000ex:y\u0000\u0000', `NamedNode\u0000${V}n\u0000\u0000`, 'Literal\u00001.5E0\u0000http://www.w3.org/2001/XMLSchema#double\u0000', 'DefaultGraph\u0000\u0000\u0000'].join('\u0001');
    expect(await compiledBytes(d, 0)).toBe(base + 2 * fixedKey.length);
  });
});

describe('probes that show up where they cannot be substituted: never compiled', () => {
  // locate: "undefined when a probe-like value shows up anywhere it cannot be substituted" (the shape is left to jsonld)
  const W = 'https://ctx.example/vocab';
  const wl = stub({ [W]: { '@context': { '@vocab': V, id: '@id', kind: '@type', js: { '@id': `${V}js`, '@type': '@json' }, typed: { '@id': `${V}typed`, '@type': `${V}Custom` } } } });
  it('a string-kind @type value under @vocab: its probe comes back vocabulary-relative (in no quad: not an IRI)', async () => {
    const d = (v: string, w: string): Doc => ({ '@context': W, id: 'urn:s', kind: v, name: w });
    expect(await run(d('abc', 'x'), wl)).toBe('first-sighting');
    expect(await run(d('abc', 'y'), wl)).toBe('uncompilable');
    expect(await run(d('abc', 'z'), wl)).toBe('uncompilable');
  });
  it('a property IRI that holds the nonce (a context can name anything), even with no value: never compiled', async () => {
    const N = 'https://ctx.example/nonce-term';
    const l = stub({ [N]: { '@context': { id: '@id', name: `${V}name`, odd: `https://x.example/${probeNonce()}` } } });
    const d = (v: string): Doc => ({ '@context': N, id: 'urn:s', name: v, odd: [] });
    expect(await seq(d, ['a', 'b', 'c'], l)).toEqual(['first-sighting', 'uncompilable', 'uncompilable']);
  });
  it('an @json value with no strings or integers in it (null, booleans) is a constant: compiled, hits', async () => {
    const d = (v: string): Doc => ({ '@context': W, id: 'urn:s', js: { a: null, b: [true] }, name: v });
    expect(await seq(d, ['a', 'b', 'c'], wl)).toEqual(['first-sighting', 'compiled', 'hit']);
    const s = (await shaped(d('x'), wl as never, 'i18n-datatype'))!;
    expect(await canon(s.dataset)).toBe('<urn:s> <https://v.example/js> "{\\"a\\":null,\\"b\\":[true]}"^^<http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON> .\n<urn:s> <https://v.example/name> "x" .\n');
  });
  it('two equal quads that take no value (the float 1.5 and the string "1.5" under xsd:double): never compiled', async () => {
    // the quads without a value must be pairwise distinct (the collision check relies on it); stock jsonld writes
    // "1.5E0"^^xsd:double twice here (two different JSON-LD values), and the string leaf cannot be substituted (pinned)
    const T = 'https://ctx.example/double';
    const l = stub({ [T]: { '@context': { id: '@id', name: `${V}name`, dbl: { '@id': `${V}dbl`, '@type': 'http://www.w3.org/2001/XMLSchema#double' } } } });
    // (no id: a blank subject, so neither quad takes a value)
    const d = (v: string): Doc => ({ '@context': T, dbl: [1.5, '1.5'], name: v });
    expect(await seq(d, ['a', 'b', 'c'], l)).toEqual(['first-sighting', 'uncompilable', 'uncompilable']);
    clearShapeCache(); // the same shape key (a kept float and a string): remembered as uncompilable until then
    const e = (v: string): Doc => ({ '@context': T, dbl: [1.5, '2.5'], name: v });
    expect(await seq(e, ['a', 'b', 'c'], l)).toEqual(['first-sighting', 'compiled', 'hit']);
  });
  it('a value equal to a quad that takes no value (a boolean under a typed term): a collision, with pairs and keyed', async () => {
    // typed true is "true"^^<Custom>; the string "true" under typed is the same literal (stock jsonld writes it twice)
    for (const cap of [4096, 0]) {
      clearShapeCache();
      const saved = SHAPE_LIMITS.collisionPairs;
      SHAPE_LIMITS.collisionPairs = cap;
      try {
        const d = (v: string): Doc => ({ '@context': W, id: 'urn:s', typed: [true, v] });
        expect(await seq(d, ['1', '2', '3'], wl)).toEqual(['first-sighting', 'compiled', 'hit']);
        expect(await run(d('true'), wl)).toBe('collision');
        expect(await run(d('false'), wl)).toBe('hit');
      } finally {
        SHAPE_LIMITS.collisionPairs = saved;
      }
    }
  });
});

describe('the template byte bound, with another template kept', () => {
  it('a template larger than templateBytes is not kept, and does not push out the ones that fit', async () => {
    const d = (i: number, v: string): Doc => ({ '@context': X, id: 'urn:s', name: Array.from({ length: i + 1 }, (_, j) => `${v}${j}`) });
    await run(d(0, 'a'), xl);
    await run(d(0, 'b'), xl);
    const small = shapeCacheSize().templateBytes;
    clearShapeCache();
    await run(d(4, 'a'), xl);
    await run(d(4, 'b'), xl);
    const large = shapeCacheSize().templateBytes;
    expect(large).toBeGreaterThan(small);
    clearShapeCache();
    const saved = SHAPE_LIMITS.templateBytes;
    try {
      SHAPE_LIMITS.templateBytes = large - 1;
      await run(d(0, 'a'), xl);
      expect(await run(d(0, 'b'), xl)).toBe('compiled');
      await run(d(4, 'a'), xl);
      expect(await run(d(4, 'b'), xl)).toBe('compiled'); // used once, not kept
      expect(shapeCacheSize()).toMatchObject({ templates: 1, templateBytes: small });
      expect(await run(d(0, 'c'), xl)).toBe('hit');
    } finally {
      SHAPE_LIMITS.templateBytes = saved;
    }
  });
});

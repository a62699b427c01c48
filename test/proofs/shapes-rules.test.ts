// Rule tests for src/proofs/shapes.ts (mutation area `proofs-shapes`): compiled shapes on small documents under
// hand-written contexts served by a stub loader (no bundled VC contexts, no signing, no src/index.js), so jsonld runs
// on a few quads. Oracle: stock jsonld.expand / jsonld.canonize (and rdf-canonize on the shaped dataset) — the
// reference libraries, not the code under test. Shape keys are written by hand from the rule in shapes.ts's header:
// "the JSON structure with every key and every type / @type value kept, strings replaced by their kind (i… an absolute
// https:, http:, did: or urn: IRI of plain ASCII characters, s any other string), safe integers by n, and every other
// scalar kept as it is". Every guard must fall back ("any one falls back to the full jsonld path").
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearShapeCache, datasetOfExpansion, probeNonce, SHAPE_LIMITS, SHAPE_STATS, shapeCacheSize, shapeOf, shaped } from '../../src/proofs/shapes.js';

import { V, XSD, C, C2, type Doc, stub, loader, stock, run, seq } from './shapes-fixtures.js';

beforeEach(() => clearShapeCache());
afterEach(() => clearShapeCache());

describe('shapeOf: the shape key and the leaves', () => {
  it('keys, kinds and kept scalars, in document order', () => {
    const doc = { '@context': C, id: 'urn:x', n: 5, list: ['a', 'https://e.example/', 'http://e.example/', 'did:e:1', -0, 1.5, 2 ** 53, 1e21], o: { type: ['T'], b: true, c: null, f: false }, type: 'Thing' };
    const s = shapeOf(doc);
    expect(s).toEqual({
      key: `["${C}"]"id":iurn;"n":n;"list":[s;ihttps;ihttp;idid;x-0;x1.5;x9007199254740992;x1e+21;]"o":{"type":=["T"];"b":true;"c":null;"f":false;}"type":="Thing";`,
      contexts: [C],
      inline: [],
      leaves: [
        { kind: 'i', value: 'urn:x', scheme: 'urn' },
        { kind: 'n', value: 5 },
        { kind: 's', value: 'a' },
        { kind: 'i', value: 'https://e.example/', scheme: 'https' },
        { kind: 'i', value: 'http://e.example/', scheme: 'http' },
        { kind: 'i', value: 'did:e:1', scheme: 'did' },
      ],
    });
  });
  it('IRI kind: only https://, http://, did: and urn: followed by printable ASCII (no space)', () => {
    const kind = (v: string) => (shapeOf({ '@context': C, v }) as { key: string }).key.slice(`["${C}"]"v":`.length);
    expect(['https://a', 'http://a', 'did:a', 'urn:a', 'urn:', 'https://!~'].map(kind)).toEqual(['ihttps;', 'ihttp;', 'idid;', 'iurn;', 'iurn;', 'ihttps;']);
    expect(['https:/a', 'ftp://a', 'xdid:a', 'Did:a', 'https://a b', 'https://é', 'urn:a\n', 'https://a\u007f', ' did:a', ''].map(kind)).toEqual(Array(10).fill('s;'));
    expect(shapeOf({ '@context': C, v: 'did:a' })).toMatchObject({ leaves: [{ kind: 'i', value: 'did:a', scheme: 'did' }] });
  });
  it('the @context: a URL, a context object or a non-empty list of them, only at the top', () => {
    expect(shapeOf({ '@context': [C, C2], a: 1 })).toMatchObject({ key: `["${C}","${C2}"]"a":n;`, contexts: [C, C2] });
    // inline context objects: their JSON text is in the key (shapes-inline.test.ts)
    expect(shapeOf({ '@context': [C, { a: 'x' }], a: 1 })).toMatchObject({ key: `["${C}",{"a":"x"}]"a":n;`, contexts: [C], inline: [{ a: 'x' }] });
    expect(shapeOf({ '@context': { a: 'x' }, a: 1 })).toMatchObject({ key: `[{"a":"x"}]"a":n;`, contexts: [], inline: [{ a: 'x' }] });
    for (const ctx of [undefined, [], 5, null, [C, 5], [C, null], [C, [C2]]]) expect(shapeOf({ '@context': ctx, a: 1 })).toBe('context');
    expect(shapeOf({ a: 1 })).toBe('context');
    expect(shapeOf({ '@context': C, a: { '@context': C2, b: 1 } })).toBe('context');
    expect(shapeOf({ '@context': C, a: [{ b: [{ '@context': null }] }] })).toBe('context');
  });
  it('not an object: no shape', () => {
    for (const d of [null, undefined, 'x', 5, [{ '@context': C }], true]) expect(shapeOf(d)).toBe('not-object');
  });
  it('unusual values: undefined, functions, bigints, class instances, symbols; a type JSON cannot write', () => {
    for (const v of [undefined, () => 1, 1n, new Date(0), new Map(), Symbol('s')]) {
      expect(shapeOf({ '@context': C, a: v })).toBe('value');
      expect(shapeOf({ '@context': C, a: [{ b: v }] })).toBe('value');
    }
    expect(shapeOf({ '@context': C, a: { b: Object.assign(Object.create(null), { c: 'x' }) } })).toMatchObject({ key: `["${C}"]"a":{"b":{"c":s;}}` });
    for (const t of [undefined, () => 1]) {
      expect(shapeOf({ '@context': C, type: t })).toBe('value');
      expect(shapeOf({ '@context': C, a: { type: t } })).toBe('value');
      expect(shapeOf({ '@context': C, a: { '@type': t } })).toBe('value');
    }
    expect(shapeOf({ '@context': C, type: [1n] })).toBe('value'); // JSON.stringify throws: not a Refuse, still 'value'
    expect(shapeOf({ '@context': C, a: { '@type': [1n] } })).toBe('value');
    const throwing = { '@context': C, get a() { throw new Error('getter'); } };
    expect(shapeOf(throwing)).toBe('value');
    expect(shapeOf({ '@context': C, '@type': ['T'], a: { '@type': 'U' } })).toMatchObject({ key: `["${C}"]"@type":=["T"];"a":{"@type":="U";}` });
  });
  it('size: more than maxNodes values, deeper than maxDepth, a key longer than maxKeyChars', () => {
    const saved = { ...SHAPE_LIMITS };
    try {
      Object.assign(SHAPE_LIMITS, { maxNodes: 4, maxDepth: 3, maxKeyChars: 60 });
      expect(shapeOf({ '@context': C, a: [1, 2, 3] })).toMatchObject({ key: `["${C}"]"a":[n;n;n;]` }); // 4 nodes
      expect(shapeOf({ '@context': C, a: [1, 2, 3, 4] })).toBe('size');
      expect(shapeOf({ '@context': C, a: { b: { c: 1 } } })).toMatchObject({ key: `["${C}"]"a":{"b":{"c":n;}}` }); // depth 3
      expect(shapeOf({ '@context': C, a: { b: { c: { d: 1 } } } })).toBe('size');
      Object.assign(SHAPE_LIMITS, { maxNodes: 20_000, maxDepth: 64 });
      const k = `["${C}"]"a":s;`;
      expect(k.length).toBe(31);
      expect(shapeOf({ '@context': C, a: 'x', ['b'.repeat(24)]: 1 })).toMatchObject({ key: `${k}"${'b'.repeat(24)}":n;` }); // 60 chars
      expect(shapeOf({ '@context': C, a: 'x', ['b'.repeat(25)]: 1 })).toBe('size'); // 61 chars (checked at the end)
      expect(shapeOf({ '@context': C, a: ['x'], ['b'.repeat(25)]: [1] })).toBe('size'); // checked at a value: 61 chars by then
      expect(shapeOf({ '@context': C, ['b'.repeat(40)]: 'x', c: ['y'] })).toBe('size'); // checked in walk, before the end
    } finally {
      Object.assign(SHAPE_LIMITS, saved);
    }
  });
});

describe('shaped: sightings, compilation, hits', () => {
  const doc = (v: string, extra: Doc = {}): Doc => ({ '@context': C, id: v, type: 'Thing', name: 'Ann', n: 7, ref: 'https://r.example/1', ...extra });
  it('compiles on the second sighting (different values); the same values again count half', async () => {
    expect(await run(doc('did:example:a'))).toBe('first-sighting');
    expect(await run(doc('did:example:a'))).toBe('first-sighting'); // 1.5
    expect(await run(doc('did:example:a'))).toBe('compiled'); // 2
    expect(await run(doc('did:example:b'))).toBe('hit');
    expect(await run(doc('did:example:c', { name: 'Bob', n: -3, ref: 'https://r.example/2' }))).toBe('hit');
    clearShapeCache();
    expect(await run(doc('did:example:a'))).toBe('first-sighting');
    expect(await run(doc('did:example:b'))).toBe('compiled');
  });
  it('mode is part of the key: a template for one mode is not used for the other', async () => {
    expect(await seq(doc, ['did:example:p1', 'did:example:p2', 'did:example:x1'])).toEqual(['first-sighting', 'compiled', 'hit']);
    expect(await run(doc('did:example:x2'), loader, 'none')).toBe('first-sighting');
    expect(await run(doc('did:example:x3'), loader, 'none')).toBe('compiled');
    expect(await run(doc('did:example:x4'), loader, 'none')).toBe('hit');
  });
  it('disabled: every document falls back', async () => {
    SHAPE_LIMITS.enabled = false;
    try {
      expect(await run(doc('did:example:a'))).toBe('disabled');
      expect(await run(doc('did:example:b'))).toBe('disabled');
      expect(shapeCacheSize()).toEqual({ templates: 0, templateBytes: 0, sightings: 0, sightingBytes: 0 });
    } finally {
      SHAPE_LIMITS.enabled = true;
    }
  });
  it('no shape: the reason is the fallback', async () => {
    expect(await run({ '@context': 5 })).toBe('context');
    expect(await run(null)).toBe('not-object');
    expect(await run(doc('did:example:a', { x: undefined }))).toBe('value');
  });
  it('one compilation at a time per shape: a concurrent call falls back', async () => {
    await run(doc('did:example:a'));
    const before = SHAPE_STATS.fallbacks.compiling ?? 0;
    const [a, b] = await Promise.all([shaped(doc('did:example:b'), loader as never, 'i18n-datatype'), shaped(doc('did:example:c'), loader as never, 'i18n-datatype')]);
    expect(a).toBeTruthy();
    expect(b).toBeUndefined();
    expect(SHAPE_STATS.fallbacks.compiling).toBe(before + 1);
    expect(await run(doc('did:example:d'))).toBe('hit');
  });
  it('a failed compilation is remembered: uncompilable until a context changes', async () => {
    const bad = (v: string) => doc(v, { undefinedTerm: 'x' }); // safe mode refuses it
    expect(await run(bad('did:example:a'))).toBe('first-sighting');
    expect(await run(bad('did:example:b'))).toBe('uncompilable');
    expect(await run(bad('did:example:c'))).toBe('uncompilable');
    expect(shapeCacheSize().templates).toBe(1);
  });
  it('the expansion is built on first read, once', async () => {
    await run(doc('did:example:a'));
    await run(doc('did:example:b'));
    const s = (await shaped(doc('did:example:c'), loader as never, 'i18n-datatype'))!;
    const e = s.expanded;
    expect(s.expanded).toBe(e);
    expect(datasetOfExpansion(e, 'i18n-datatype')).toBe(s.dataset);
    expect(datasetOfExpansion(e, 'none')).toBeUndefined();
    expect(datasetOfExpansion(structuredClone(e), 'i18n-datatype')).toBeUndefined();
    expect(datasetOfExpansion(null, 'i18n-datatype')).toBeUndefined();
    expect(datasetOfExpansion('x', 'i18n-datatype')).toBeUndefined();
    const s2 = (await shaped(doc('did:example:d'), loader as never, 'i18n-datatype'))!;
    expect(s2.expanded).not.toBe(e);
    expect(JSON.stringify(s2.expanded)).toContain('did:example:d');
    expect(JSON.stringify(e)).not.toContain('did:example:d');
  });
});

describe('substitution is exact (compared with stock jsonld)', () => {
  it('literals, numbers, IRIs, @type aliases, lists, language maps, typed literals, nested nodes', async () => {
    const d = (v: string, i = 1): Doc => ({
      '@context': C, id: v, type: ['Thing'], kind: `https://k.example/${i}`, name: `N${i}`, n: i, ref: `urn:r:${i}`, lst: [`a${i}`, i, `b${i}`],
      label: `L${i}`, lang: { en: `E${i}`, fr: `F${i}` }, typed: `T${i}`, child: { id: `did:example:c${i}`, name: `C${i}`, n: [i, i + 1] },
    });
    expect(await run(d('did:example:1', 1))).toBe('first-sighting');
    expect(await run(d('did:example:2', 2))).toBe('compiled');
    for (let i = 3; i < 7; i++) expect(await run(d(`did:example:${i}`, i * 1000 - 1))).toBe('hit');
    expect(await run(d('did:example:9', 4_503_599_627_000_003))).toBe('hit'); // a value that looks like a probe number
  });
  it('instances share the template\'s frozen quads (no leaf in them); substituted quads are new, sharing unchanged terms', async () => {
    const d = (v: string, name = 'same'): Doc => ({ '@context': C, id: v, name, child: { type: 'Thing' } });
    await run(d('did:example:1'));
    await run(d('did:example:2'));
    const s1 = (await shaped(d('did:example:3'), loader as never, 'i18n-datatype'))!;
    const s2 = (await shaped(d('did:example:4'), loader as never, 'i18n-datatype'))!;
    expect(s1.dataset.length).toBe(3);
    const shared = s1.dataset.filter((q, i) => q === s2.dataset[i]);
    expect(shared.length).toBe(1);
    expect(shared[0]!.predicate.value).toBe('http://www.w3.org/1999/02/22-rdf-syntax-ns#type');
    for (const t of [shared[0]!, shared[0]!.subject, shared[0]!.predicate, shared[0]!.object, shared[0]!.graph]) expect(Object.isFrozen(t)).toBe(true);
    const own = s1.dataset.filter((q) => q.subject.value === 'did:example:3');
    expect(own.length).toBe(2);
    for (const q of own) {
      expect(Object.isFrozen(q)).toBe(false);
      expect(Object.isFrozen(q.subject)).toBe(false);
      expect(Object.isFrozen(q.predicate)).toBe(true);
      expect(Object.isFrozen(q.graph)).toBe(true);
    }
    const child = own.find((q) => q.predicate.value === `${V}child`)!;
    expect(Object.isFrozen(child.object)).toBe(true); // the blank node: not a leaf, shared
    const name = own.find((q) => q.predicate.value === `${V}name`)!;
    expect(name.object).toEqual({ termType: 'Literal', value: 'same', datatype: { termType: 'NamedNode', value: `${XSD}string` } });
    expect('language' in name.object).toBe(false);
    expect(Object.isFrozen(name.object)).toBe(false);
    expect(Object.isFrozen(name.object.datatype)).toBe(true);
    expect(s2.dataset.some((q) => q.subject.value === 'did:example:3')).toBe(false);
    // a substituted language-tagged literal keeps its language
    const e = (label: string): Doc => ({ '@context': C, id: 'did:example:fixed', label });
    await run(e('l1'));
    await run(e('l2'));
    const s3 = (await shaped(e('l3'), loader as never, 'i18n-datatype'))!;
    expect(s3.dataset.length).toBe(1);
    expect(s3.dataset[0]!.object).toEqual({ termType: 'Literal', value: 'l3', datatype: { termType: 'NamedNode', value: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString' }, language: 'en' });
    expect(s3.dataset[0]!.subject).toEqual({ termType: 'NamedNode', value: 'did:example:fixed' });
  });
  it('a language tag or direction in the document: the probe reaches a datatype or language (poisoned), never compiled', async () => {
    const d = (v: string): Doc => ({ '@context': C, id: 'urn:x', name: { '@value': v, '@language': 'ar', '@direction': 'rtl' } });
    expect(await seq(d, ['p1', 'p2', 'v3'])).toEqual(['first-sighting', 'uncompilable', 'uncompilable']);
    expect(await run(d('v5'), loader, 'none')).toBe('first-sighting');
    expect(await run(d('v6'), loader, 'none')).toBe('uncompilable'); // safe mode refuses a direction without rdfDirection
    const lang = (v: string, tag: string): Doc => ({ '@context': C, id: 'urn:s', name: { '@value': v, '@language': tag } });
    expect(await run(lang('a', 'en'))).toBe('first-sighting');
    expect(await run(lang('b', 'en'))).toBe('uncompilable');
    expect(await run(lang('c', 'fr'))).toBe('uncompilable');
  });
  it('property: generated values of one shape give the stock expansion and N-Quads', async () => {
    // every value keeps its kind (one shape), so most cases reach the template; hostile strings within the kind
    const textArb = fc.oneof(fc.string({ maxLength: 8 }).filter((x) => !/^(https?:\/\/|did:|urn:)/.test(x)), fc.constantFrom('', '"', '\\', '\u2028', '\uD800', 'é', '_:b0', '@id', 'x:y', 'termOne', 'Thing', '1', '-0', 'p1'));
    const iriArb = fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 0, max: 999 }).map((n) => `did:example:${n}`) }, { weight: 1, arbitrary: fc.constantFrom('did:example:magic', 'did:example:p1', 'did:example:a') });
    const numArb = fc.oneof(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.constantFrom(0, -1, 2 ** 53 - 1, -(2 ** 53 - 1), 4_503_599_627_000_003));
    const d = (id: string, name: string, n: number, ref: string, pick: string, lst: string) => ({ '@context': C, id, name, n, ref, pick, lst: [lst, n], child: { name, ref } });
    await run(d('did:example:a', 'a', 1, 'did:example:r', 'termOne', 'l'));
    expect(await run(d('did:example:b', 'b', 2, 'did:example:s', 'termOne', 'm'))).toBe('compiled');
    let hits = 0;
    const reasons = new Set<string>();
    await fc.assert(
      fc.asyncProperty(iriArb, textArb, numArb, iriArb, fc.constantFrom('termOne', 'termOne', 'Thing'), textArb, async (id, name, n, ref, pick, lst) => {
        const r = await run(d(id, name, n, ref, pick, lst));
        reasons.add(r);
        if (r === 'hit') hits++;
        else expect(['pinned-value', 'iri-is-term', 'collision']).toContain(r);
      }),
      { numRuns: 30, seed: 2101 },
    );
    expect(hits).toBeGreaterThan(10);
  });
});

describe('pinned leaves: a value the probes cannot stand for is compiled as the document\'s own', () => {
  it('a @vocab-typed value that is a term: pinned; another term falls back', async () => {
    const d = (v: string, pick = 'termOne'): Doc => ({ '@context': C, id: v, name: 'x', pick });
    expect(await seq(d, ['did:example:p1', 'did:example:p2', 'did:example:3'])).toEqual(['first-sighting', 'compiled', 'hit']);
    expect(await run(d('did:example:4', 'Thing'))).toBe('pinned-value');
  });
  it('a compact IRI or blank node id (string kind in an @id position): pinned', async () => {
    const d = (v: string): Doc => ({ '@context': C, id: 'urn:s', ref: v, name: 'x' });
    expect(await run(d('_:b1'))).toBe('first-sighting');
    expect(await run(d('_:b2'))).toBe('compiled');
    expect(await run(d('_:b2'))).toBe('hit');
    expect(await run(d('_:b3'))).toBe('pinned-value');
    expect(await run(d('ex:y'))).toBe('pinned-value'); // the same kind 's': the same shape
  });
  it('an @json value: the probe is inside the JSON literal (poisoned), never compiled; an xsd:double number: pinned', async () => {
    const json = (v: string, w: string): Doc => ({ '@context': C, id: 'urn:s', name: w, js: { a: v } });
    expect(await run(json('a', 'w1'))).toBe('first-sighting');
    expect(await run(json('a', 'w2'))).toBe('uncompilable');
    const dbl = (n: number, w: string): Doc => ({ '@context': C, id: 'urn:s', name: w, dbl: n });
    expect(await run(dbl(5, 'w1'))).toBe('first-sighting');
    expect(await run(dbl(5, 'w2'))).toBe('compiled');
    expect(await run(dbl(5, 'w3'))).toBe('hit');
    expect(await run(dbl(6, 'w4'))).toBe('pinned-value');
    const dblS = (v: string, w: string): Doc => ({ '@context': C, id: 'urn:s', name: w, dbl: v });
    expect(await run(dblS('1.5', 'w1'))).toBe('first-sighting');
    expect(await run(dblS('2.5', 'w2'))).toBe('compiled');
    expect(await run(dblS('2.5', 'w3'))).toBe('hit');
    expect(await run(dblS('3.5', 'w4'))).toBe('pinned-value');
  });
  it('an integer typed by the context as a string datatype is substituted; as a value of a custom type too', async () => {
    const d = (n: number, t: string): Doc => ({ '@context': C, id: 'urn:s', typed: t, n });
    expect(await seq((v) => d(Number(v.slice(-1)), `t${v}`), ['did:example:1', 'did:example:2', 'did:example:7', 'did:example:8'])).toEqual(['first-sighting', 'compiled', 'hit', 'hit']);
  });
  it('the same value twice in a set (one quad): both leaves are pinned when they land together', async () => {
    const d = (a: string, b: string, w: string): Doc => ({ '@context': C, id: 'urn:s', name: [a, b], ref: w });
    expect(await run(d('a', 'b', 'urn:w1'))).toBe('first-sighting');
    expect(await run(d('c', 'd', 'urn:w2'))).toBe('compiled');
    expect(await run(d('e', 'e', 'urn:w3'))).toBe('collision');
    expect(await run(d('e', 'f', 'urn:w4'))).toBe('hit');
  });
});

describe('guards: the full path whenever substitution could differ', () => {
  it('an IRI-kind value that is a term of a context (a @vocab position would expand it): iri-is-term', async () => {
    const d = (v: string): Doc => ({ '@context': C, id: 'urn:s', pick: v, name: 'x' });
    expect(await seq(d, ['did:example:p1', 'did:example:p2', 'did:example:3', 'did:example:magic'])).toEqual(['first-sighting', 'compiled', 'hit', 'iri-is-term']);
    // in an @id position the same value is a plain IRI, but the guard is on the value: still refused
    const e = (v: string): Doc => ({ '@context': C, id: v, name: 'x' });
    expect(await seq(e, ['did:example:p1', 'did:example:p2', 'did:example:magic'])).toEqual(['first-sighting', 'compiled', 'iri-is-term']);
    expect(await run(e('https://x.example/termOne'))).toBe('first-sighting'); // another scheme: another shape
  });
  it('an IRI scheme a context defines as a prefix: the probes show it, never compiled', async () => {
    const P = 'https://ctx.example/prefix';
    const l = stub({ [P]: { '@context': { did: 'https://evil.example/did#', pick: { '@id': `${V}pick`, '@type': '@vocab' } } } });
    const d = (v: string): Doc => ({ '@context': P, '@id': 'urn:s', pick: v });
    expect(await seq(d, ['did:example:p1', 'did:example:p2', 'did:example:3'], l)).toEqual(['first-sighting', 'uncompilable', 'uncompilable']);
    expect((await stock(d('did:example:3'), l, 'i18n-datatype') as { nq: string }).nq).toContain('<https://evil.example/did#example:3>');
  });
  it('values that make two quads equal (JSON-LD merges them): collision — pairs listed, or past the cap keyed', async () => {
    for (const cap of [4096, 1, 0]) {
      clearShapeCache();
      const saved = SHAPE_LIMITS.collisionPairs;
      SHAPE_LIMITS.collisionPairs = cap;
      try {
        const d = (a: string, b: string, c = 'fixed'): Doc => ({ '@context': C, id: 'urn:s', name: [a, b, c], lst: [a, a] });
        expect(await run(d('a', 'b'))).toBe('first-sighting');
        expect(await run(d('c', 'd'))).toBe('compiled');
        expect(await run(d('e', 'f'))).toBe('hit');
        expect(await run(d('g', 'g'))).toBe('collision');
        expect(await run(d('fixed', 'h'))).toBe('collision'); // equal to a quad that takes no value
        expect(await run(d('h', 'fixed'))).toBe('collision');
        expect(await run(d('i', 'j', 'k'))).toBe('hit'); // c is a leaf too
      } finally {
        SHAPE_LIMITS.collisionPairs = saved;
      }
    }
  });
  it('two nodes given one id (JSON-LD merges them): the subject quads collide', async () => {
    const d = (a: string, b: string): Doc => ({ '@context': C, id: 'urn:top', child: [{ id: a, name: 'x' }, { id: b, name: 'x' }] });
    expect(await seq((v) => d(v, `${v}-2`), ['did:example:p1', 'did:example:p2'])).toEqual(['first-sighting', 'compiled']);
    expect(await run(d('did:example:3', 'did:example:4'))).toBe('hit');
    expect(await run(d('did:example:5', 'did:example:5'))).toBe('collision');
  });
  it('a document that mentions the probe nonce is never compiled (nor a probe-like value in a key)', async () => {
    const nonce = probeNonce();
    expect(nonce).toMatch(/^[0-9a-f]{24}$/);
    const d = (v: string): Doc => ({ '@context': C, id: 'urn:s', name: v });
    expect(await run(d(`a ${nonce}`))).toBe('first-sighting');
    expect(await run(d(`b ${nonce}`))).toBe('uncompilable');
    expect(await run(d('c'))).toBe('uncompilable');
    clearShapeCache();
    expect(await seq(d, ['p1', 'p2', `credstack probe ${nonce} 0`, 'credstack probe', `x${nonce}`])).toEqual(['first-sighting', 'compiled', 'hit', 'hit', 'hit']);
  });
  it('a value in an object key position (a @language map) is pinned by shape', async () => {
    const d = (en: string, fr: string): Doc => ({ '@context': C, id: 'urn:s', lang: { en, fr } });
    expect(await run(d('a', 'b'))).toBe('first-sighting');
    expect(await run(d('c', 'd'))).toBe('compiled');
    expect(await run(d('e', 'f'))).toBe('hit');
  });
  it('a value that does not land (dropped in the template): pinned; unsafe-only positions fail the template', async () => {
    // a value under an @id-typed term that is a keyword-like string: not an IRI, dropped by jsonld in unsafe mode
    const d = (v: string, w: string): Doc => ({ '@context': C, id: 'urn:s', ref: v, name: w });
    expect(await run(d('@bogus', 'w1'))).toBe('first-sighting');
    expect(await run(d('@bogus', 'w2'))).toBe((await stock(d('@bogus', 'w2'), loader, 'i18n-datatype')) === 'ERR' ? 'uncompilable' : 'compiled');
  });
});

describe('context dependencies: invalidation', () => {
  const U = 'https://ctx.example/changing';
  const d = (v: string): Doc => ({ '@context': U, '@id': 'urn:s', grade: v });
  const ctx = (iri: string) => ({ '@context': { grade: iri } });
  it('a changed context document (JSON text) invalidates the template: context-changed, then compiled again', async () => {
    const l1 = stub({ [U]: ctx('https://one.example/g') });
    const l2 = stub({ [U]: ctx('https://two.example/g') });
    expect(await seq(d, ['p1', 'p2', 'c'], l1)).toEqual(['first-sighting', 'compiled', 'hit']);
    expect(await run(d('d'), l2)).toBe('context-changed');
    expect(shapeCacheSize().templates).toBe(0);
    expect(await run(d('e'), l2)).toBe('compiled'); // sighted again on the change
    expect(await run(d('f'), l2)).toBe('hit');
    expect(await run(d('g'), l1)).toBe('context-changed');
  });
  it('a context that cannot be loaded any more: context-changed', async () => {
    const l1 = stub({ [U]: ctx('https://one.example/g') });
    expect(await seq(d, ['p1', 'p2', 'c'], l1)).toEqual(['first-sighting', 'compiled', 'hit']);
    expect(await run(d('d'), stub({}))).toBe('context-changed');
  });
  it('frozen documents are compared by identity: the same object stays, an equal copy is a change', async () => {
    const frozen = Object.freeze({ '@context': Object.freeze({ grade: 'https://one.example/g' }) });
    const l1 = stub({ [U]: frozen });
    expect(await seq(d, ['p1', 'p2', 'c'], l1)).toEqual(['first-sighting', 'compiled', 'hit']);
    expect(await run(d('d'), stub({ [U]: frozen }))).toBe('hit');
    const copy = Object.freeze({ '@context': Object.freeze({ grade: 'https://one.example/g' }) });
    expect(await run(d('e'), stub({ [U]: copy }))).toBe('context-changed');
    const json = stub({ [U]: { '@context': { grade: 'https://one.example/g' } } }); // equal JSON, not frozen: a change
    expect(await run(d('f'), json)).toBe('compiled'); // (sighted again on the change)
    expect(await run(d('g'), stub({ [U]: { '@context': { grade: 'https://one.example/g' } } }))).toBe('hit'); // the same JSON text
    expect(await run(d('h'), stub({ [U]: copy }))).toBe('context-changed');
  });
  it('contexts named inside a context (@context / @import strings, scoped contexts) are dependencies too', async () => {
    const A = 'https://ctx.example/nest/a';
    const I = 'https://ctx.example/nest/imported';
    const S = 'https://ctx.example/nest/scoped';
    const N = 'https://ctx.example/nest/nested';
    const table = (g: string): Record<string, unknown> => ({
      [A]: { '@context': { '@version': 1.1, '@import': I, box: { '@id': `${V}box`, '@context': [S] }, other: { '@id': `${V}other`, '@context': N } } },
      [I]: { '@context': { grade: g } },
      [S]: { '@context': { inner: `${V}inner` } },
      [N]: { '@context': { deep: `${V}deep` } },
    });
    const e = (v: string): Doc => ({ '@context': A, '@id': 'urn:s', grade: v, box: { inner: v } });
    const log: string[] = [];
    const l1 = stub(table('https://one.example/g-nest'), log);
    expect(await seq(e, ['p1', 'p2', 'c'], l1)).toEqual(['first-sighting', 'compiled', 'hit']);
    log.length = 0;
    expect(await run(e('d'), l1)).toBe('hit');
    expect(log.slice(0, 4).sort()).toEqual([A, I, N, S].sort()); // the dependency check loads each once, first
    expect(await run(e('x'), stub(table('https://two.example/g-nest')))).toBe('context-changed'); // the imported one changed
    clearShapeCache();
    const t2 = table('https://one.example/g-nest');
    await run(e('a'), stub(t2));
    await run(e('b'), stub(t2));
    expect(await run(e('c'), stub({ ...t2, [N]: { '@context': { deep: `${V}deep2` } } }))).toBe('context-changed');
    clearShapeCache();
    await run(e('a'), stub(t2));
    await run(e('b'), stub(t2));
    expect(await run(e('c'), stub({ ...t2, [S]: { '@context': { inner: `${V}inner2` } } }))).toBe('context-changed');
  });
  it('a top-level @context list inside a context document is followed; a cycle is loaded once', async () => {
    const A = 'https://ctx.example/list';
    const B = 'https://ctx.example/listed';
    const table = (g: string) => ({ [A]: { '@context': [B, { grade: `${V}grade` }] }, [B]: { '@context': { other: g } } });
    const e = (v: string): Doc => ({ '@context': A, '@id': 'urn:s', grade: v });
    expect(await seq(e, ['p1', 'p2', 'c'], stub(table(`${V}o1`)))).toEqual(['first-sighting', 'compiled', 'hit']);
    expect(await run(e('d'), stub(table(`${V}o2`)))).toBe('context-changed');
    const S1 = 'https://ctx.example/string-ctx';
    const t3 = (g: string) => ({ [S1]: { '@context': B }, [B]: { '@context': { grade: g } } });
    const f = (v: string): Doc => ({ '@context': S1, '@id': 'urn:s', grade: v });
    clearShapeCache();
    expect(await seq(f, ['p1', 'p2', 'c'], stub(t3(`${V}g1`)))).toEqual(['first-sighting', 'compiled', 'hit']);
    expect(await run(f('d'), stub(t3(`${V}g2`)))).toBe('context-changed');
    const log: string[] = [];
    const cyc = stub({ [A]: { '@context': [B, { grade: `${V}grade` }] }, [B]: { '@context': { other: `${V}o`, box: { '@id': `${V}box`, '@context': A } } } }, log);
    clearShapeCache();
    expect(await seq(e, ['p1', 'p2'], cyc)).toEqual(['first-sighting', 'compiled']);
    log.length = 0;
    expect(await run(e('z'), cyc)).toBe('hit');
    expect(log.slice(0, 2)).toEqual([A, B]);
  });
  it('more than 32 context documents, an unloadable one, or one too large to fingerprint: not compiled', async () => {
    // (jsonld itself refuses more than 10 context URLs: the bound is seen in the failure's size, no deps kept)
    const many: Record<string, unknown> = {};
    const u = (k: number) => `https://ctx.example/m/${String(k).padStart(2, '0')}`;
    for (let k = 0; k < 33; k++) many[u(k)] = { '@context': { [`t${k}`]: `${V}t${k}` } };
    const urls = Array.from({ length: 33 }, (_, k) => u(k));
    const dn = (n: number) => (v: string): Doc => ({ '@context': urls.slice(0, n), '@id': 'urn:s', t0: v });
    expect(await seq(dn(33), ['a', 'b'], stub(many))).toEqual(['first-sighting', 'uncompilable']);
    expect(shapeCacheSize()).toMatchObject({ templates: 1, templateBytes: 64 });
    clearShapeCache();
    expect(await seq(dn(32), ['a', 'b'], stub(many))).toEqual(['first-sighting', 'uncompilable']);
    expect(shapeCacheSize()).toMatchObject({ templates: 1, templateBytes: 64 + 32 * u(0).length * 2 });
    clearShapeCache();
    expect(await seq(dn(3), ['a', 'b', 'c'], stub(many))).toEqual(['first-sighting', 'compiled', 'hit']);
    clearShapeCache();
    const big = 'https://ctx.example/big';
    const l = stub({ [big]: { '@context': { grade: `${V}grade` }, pad: 'x'.repeat(512 * 1024) } });
    const b = (v: string): Doc => ({ '@context': big, '@id': 'urn:s', grade: v });
    expect(await run(b('a'), l)).toBe('first-sighting');
    expect(await run(b('b'), l)).toBe('uncompilable');
    const fits = stub({ [big]: { '@context': { grade: `${V}grade` }, pad: 'x'.repeat(512 * 1024 - 57) } });
    expect(JSON.stringify({ '@context': { grade: `${V}grade` }, pad: 'x'.repeat(512 * 1024 - 57) }).length).toBe(512 * 1024);
    clearShapeCache();
    expect(await seq(b, ['p1', 'p2'], fits)).toEqual(['first-sighting', 'compiled']);
  });
  it('a context with more than 100,000 values is not walked: not compiled', async () => {
    const H = 'https://ctx.example/huge';
    const l = stub({ [H]: { '@context': { grade: `${V}grade` }, pad: Array(100_000).fill(0) } });
    const d = (v: string): Doc => ({ '@context': H, '@id': 'urn:s', grade: v });
    expect(await run(d('a'), l)).toBe('first-sighting');
    expect(await run(d('b'), l)).toBe('uncompilable');
    const ok = stub({ [H]: { '@context': { grade: `${V}grade` }, pad: Array(99_990).fill(0) } });
    clearShapeCache();
    expect(await seq(d, ['p1', 'p2'], ok)).toEqual(['first-sighting', 'compiled']);
  });
  it('a shape whose contexts did not load: uncompilable while they stay missing, then compiled once they load', async () => {
    const M = 'https://ctx.example/missing';
    const d = (v: string): Doc => ({ '@context': M, '@id': 'urn:s', grade: v });
    expect(await run(d('a'), stub({}))).toBe('first-sighting');
    expect(await run(d('b'), stub({}))).toBe('uncompilable');
    expect(await run(d('c'), stub({}))).toBe('uncompilable');
    const now = stub({ [M]: { '@context': { grade: `${V}grade` } } });
    expect(await run(d('d'), now)).toBe('context-changed');
    expect(await run(d('e'), now)).toBe('compiled');
  });
  it('a failed compilation with loaded contexts: uncompilable until one of them changes', async () => {
    const U2 = 'https://ctx.example/u2';
    const bad = (v: string): Doc => ({ '@context': U2, '@id': 'urn:s', grade: v, undefinedTerm: 1 });
    const l1 = stub({ [U2]: { '@context': { grade: `${V}grade` } } });
    expect(await run(bad('a'), l1)).toBe('first-sighting');
    expect(await run(bad('b'), l1)).toBe('uncompilable');
    expect(await run(bad('c'), l1)).toBe('uncompilable');
    const l2 = stub({ [U2]: { '@context': { grade: `${V}grade`, undefinedTerm: `${V}u` } } });
    expect(await run(bad('d'), l2)).toBe('context-changed');
    expect(await run(bad('e'), l2)).toBe('compiled');
  });
});

describe('bounded caches (least recently used first out)', () => {
  const d = (i: number, v: string): Doc => ({ '@context': C, '@id': 'urn:s', name: Array.from({ length: i + 1 }, (_, j) => `${v}${j}`) });
  it('sightings: bytes are (key + values) UTF-16 code units, kept under both bounds', async () => {
    const saved = { ...SHAPE_LIMITS };
    try {
      expect(await run({ '@context': C, name: 'ab' })).toBe('first-sighting');
      // key "i18n-datatype\0" (14) + `["https://ctx.example/s"]"name":s;` (34), values `["ab"]` (6): 54 × 2
      expect(shapeCacheSize()).toEqual({ templates: 0, templateBytes: 0, sightings: 1, sightingBytes: 108 });
      expect(await run({ '@context': C, name: 'abc' })).toBe('compiled');
      expect(shapeCacheSize()).toMatchObject({ templates: 1, sightings: 1, sightingBytes: 110 }); // values `["abc"]`
      await run({ '@context': C, name: 'abcd' }); // a hit: no sighting
      expect(shapeCacheSize()).toMatchObject({ sightings: 1, sightingBytes: 110 });
      clearShapeCache();
      expect(shapeCacheSize()).toEqual({ templates: 0, templateBytes: 0, sightings: 0, sightingBytes: 0 });
      Object.assign(SHAPE_LIMITS, { sightings: 2 });
      await run(d(0, 'a'));
      await run(d(1, 'a'));
      await run(d(0, 'a')); // refreshed: d(0) is now the most recent
      await run(d(2, 'a')); // evicts d(1)
      expect(shapeCacheSize().sightings).toBe(2);
      expect(await run(d(0, 'b'))).toBe('compiled'); // d(0) was kept (1.5 + 1)
      expect(await run(d(1, 'b'))).toBe('first-sighting'); // d(1) was evicted
      Object.assign(SHAPE_LIMITS, { sightings: 2048, sightingBytes: 350 });
      clearShapeCache();
      // d(i): key 14 + `["https://ctx.example/s"]"@id":iurn;"name":[` … `]` (45 + 2(i+1)), values `["urn:s","a0",…]` (9 + 5(i+1))
      await run(d(0, 'a')); // (14 + 47 + 14) × 2 = 150
      expect(shapeCacheSize()).toMatchObject({ sightings: 1, sightingBytes: 150 });
      await run(d(1, 'a')); // (14 + 49 + 19) × 2 = 164: 314 in all
      expect(shapeCacheSize()).toMatchObject({ sightings: 2, sightingBytes: 314 });
      await run(d(2, 'a')); // (14 + 51 + 24) × 2 = 178: 492 → evicts d(0) (342)
      expect(shapeCacheSize()).toMatchObject({ sightings: 2, sightingBytes: 342 });
      SHAPE_LIMITS.sightingBytes = 341;
      await run(d(3, 'a')); // (14 + 53 + 29) × 2 = 192: 534 → evicts d(1) (370 > 341) and d(2) (192)
      expect(shapeCacheSize()).toMatchObject({ sightings: 1, sightingBytes: 192 });
      expect(await run(d(3, 'b'))).toBe('compiled');
      expect(await run(d(2, 'b'))).toBe('first-sighting');
    } finally {
      Object.assign(SHAPE_LIMITS, saved);
    }
  });
  it('a sighting with other values changes the bytes by the difference', async () => {
    await run({ '@context': C, name: 'ab' }); // 108
    const saved = { ...SHAPE_LIMITS };
    try {
      SHAPE_LIMITS.templateBytes = 0; // templates are not kept: every later sighting is counted again
      expect(await run({ '@context': C, name: 'abcd' })).toBe('compiled');
      expect(shapeCacheSize()).toEqual({ templates: 0, templateBytes: 0, sightings: 1, sightingBytes: 112 });
      expect(await run({ '@context': C, name: 'a' })).toBe('compiled');
      expect(shapeCacheSize()).toEqual({ templates: 0, templateBytes: 0, sightings: 1, sightingBytes: 106 });
    } finally {
      Object.assign(SHAPE_LIMITS, saved);
    }
  });
  it('templates: at most `templates`, at most `templateBytes`; a hit refreshes; a template larger than the bound is not kept', async () => {
    const saved = { ...SHAPE_LIMITS };
    try {
      Object.assign(SHAPE_LIMITS, { templates: 2 });
      for (const i of [0, 1]) {
        await run(d(i, 'a'));
        expect(await run(d(i, 'b'))).toBe('compiled');
      }
      const two = shapeCacheSize().templateBytes;
      expect(two).toBeGreaterThan(0);
      expect(await run(d(0, 'c'))).toBe('hit'); // d(0) refreshed
      await run(d(2, 'a'));
      expect(await run(d(2, 'b'))).toBe('compiled'); // evicts d(1)
      expect(shapeCacheSize().templates).toBe(2);
      expect(await run(d(0, 'd'))).toBe('hit');
      expect(await run(d(1, 'd'))).toBe('compiled'); // evicted: compiled again (its sightings were kept)
      // bytes: drop to one template's worth
      clearShapeCache();
      Object.assign(SHAPE_LIMITS, { templates: 128 });
      await run(d(0, 'a'));
      await run(d(0, 'b'));
      const one = shapeCacheSize().templateBytes;
      await run(d(1, 'a'));
      await run(d(1, 'b'));
      const both = shapeCacheSize().templateBytes;
      expect(both).toBeGreaterThan(one);
      clearShapeCache();
      Object.assign(SHAPE_LIMITS, { templateBytes: both - 1 });
      await run(d(0, 'a'));
      await run(d(0, 'b'));
      expect(shapeCacheSize()).toMatchObject({ templates: 1, templateBytes: one });
      await run(d(1, 'a'));
      await run(d(1, 'b'));
      expect(shapeCacheSize()).toMatchObject({ templates: 1, templateBytes: both - one }); // d(0) went out
      expect(await run(d(1, 'c'))).toBe('hit');
      Object.assign(SHAPE_LIMITS, { templateBytes: one - 1 });
      clearShapeCache();
      await run(d(0, 'a'));
      expect(await run(d(0, 'b'))).toBe('compiled'); // used once, not kept
      expect(shapeCacheSize()).toMatchObject({ templates: 0, templateBytes: 0 });
      Object.assign(SHAPE_LIMITS, { templateBytes: one });
      clearShapeCache();
      await run(d(0, 'a'));
      await run(d(0, 'b'));
      expect(shapeCacheSize()).toMatchObject({ templates: 1, templateBytes: one }); // exactly the bound: kept
    } finally {
      Object.assign(SHAPE_LIMITS, saved);
    }
  });
  it('an invalidated template gives its bytes back', async () => {
    const U = 'https://ctx.example/inv';
    const e = (v: string): Doc => ({ '@context': U, '@id': 'urn:s', grade: v });
    const l1 = stub({ [U]: { '@context': { grade: `${V}g1` } } });
    await run(e('a'), l1);
    await run(e('b'), l1);
    await run(d(0, 'a'));
    await run(d(0, 'b'));
    const withBoth = shapeCacheSize().templateBytes;
    clearShapeCache();
    await run(d(0, 'a'));
    await run(d(0, 'b'));
    const justD = shapeCacheSize().templateBytes;
    clearShapeCache();
    await run(e('a'), l1);
    await run(e('b'), l1);
    await run(d(0, 'a'));
    await run(d(0, 'b'));
    expect(shapeCacheSize().templateBytes).toBe(withBoth);
    expect(await run(e('c'), stub({ [U]: { '@context': { grade: `${V}g2` } } }))).toBe('context-changed');
    expect(shapeCacheSize()).toMatchObject({ templates: 1, templateBytes: justD });
    // a failed template too (64 bytes + its URLs)
    const bad = (v: string): Doc => ({ '@context': U, '@id': 'urn:s', grade: v, nope: 1 });
    await run(bad('a'), l1);
    expect(await run(bad('b'), l1)).toBe('uncompilable');
    expect(shapeCacheSize()).toMatchObject({ templates: 2, templateBytes: justD + 64 + U.length * 2 });
    expect(await run(bad('c'), stub({ [U]: { '@context': { grade: `${V}g3` } } }))).toBe('context-changed');
    expect(shapeCacheSize()).toMatchObject({ templates: 1, templateBytes: justD });
    // a failed template with no loadable context: 64 bytes
    const M = 'https://ctx.example/m2';
    const m = (v: string): Doc => ({ '@context': M, '@id': 'urn:s', grade: v });
    await run(m('a'), stub({}));
    await run(m('b'), stub({}));
    expect(shapeCacheSize()).toMatchObject({ templates: 2, templateBytes: justD + 64 });
  });
});

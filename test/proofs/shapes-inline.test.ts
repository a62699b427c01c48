// Compiled shapes with inline context objects (src/proofs/shapes.ts): "Shape key: the top @context (its URLs, and its
// inline context objects verbatim as JSON text: a cohort issued with credstack's inline extension context carries
// one)"; guards: "a @context that is not a list of URLs and plain-JSON context objects" falls back, and "an IRI-kind
// value that is a term of one of the contexts ... the terms of inline contexts count". Oracle: stock jsonld.expand /
// jsonld.canonize on the same document (shapes-fixtures.ts `run`), never the code under test.
import jsonld from 'jsonld';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDocumentLoader } from '../../src/index.js';
import { credstackInlineContext } from '../../src/model/extension.js';
import { canonizeDocument } from '../../src/proofs/canonize.js';
import { clearShapeCache, SHAPE_LIMITS, SHAPE_STATS, shapeOf } from '../../src/proofs/shapes.js';
import { C, V, type Doc, loader, run, seq, stub } from './shapes-fixtures.js';

beforeEach(() => clearShapeCache());
afterEach(() => clearShapeCache());

const INLINE = { local: `${V}local`, tag: { '@id': `${V}tag`, '@type': '@id' } };

describe('inline context objects at the top', () => {
  it('a document with an inline context compiles on its second sighting and substitutes exactly', async () => {
    const d = (v: string): Doc => ({ '@context': [C, INLINE], id: v, name: 'x', local: `local ${v}`, tag: `${v}#t` });
    expect(await seq(d, ['did:example:a', 'did:example:b', 'did:example:c', 'did:example:d'])).toEqual(['first-sighting', 'compiled', 'hit', 'hit']);
    // a lone context object (not in a list) is a shape too
    const e = (v: string): Doc => ({ '@context': { ...INLINE, id: '@id' }, id: v, local: v });
    expect(await seq(e, ['did:example:a', 'did:example:b', 'did:example:c'])).toEqual(['first-sighting', 'compiled', 'hit']);
  });

  it('another inline context is another shape: a template is never used for a context it was not compiled with', async () => {
    const d = (ctx: unknown, v: string): Doc => ({ '@context': [C, ctx], id: v, local: `l ${v}` });
    await run(d(INLINE, 'did:example:a'));
    expect(await run(d(INLINE, 'did:example:b'))).toBe('compiled');
    // the same terms mapped elsewhere, or the same context with its keys in another order: new shapes, first sightings
    const moved = { ...INLINE, local: `${V}elsewhere` };
    expect((shapeOf(d(moved, 'did:example:c')) as { key: string }).key).not.toBe((shapeOf(d(INLINE, 'did:example:c')) as { key: string }).key);
    expect(await run(d(moved, 'did:example:c'))).toBe('first-sighting');
    expect(await run(d({ tag: INLINE.tag, local: INLINE.local }, 'did:example:d'))).toBe('first-sighting');
    expect(await run(d(INLINE, 'did:example:e'))).toBe('hit');
    expect(await run(d(moved, 'did:example:f'))).toBe('compiled');
  });

  it('only plain JSON in an inline context: undefined, -0, NaN, functions, class instances fall back (context)', () => {
    for (const bad of [{ local: undefined }, { '@version': -0 }, { '@version': NaN }, { local: () => 1 }, { local: new Date(0) }, { local: { '@id': new Map() } }, new Map()]) {
      expect(shapeOf({ '@context': [C, bad], id: 'did:example:a' })).toBe('context');
    }
    expect(shapeOf({ '@context': [C, Object.assign(Object.create(null), { local: `${V}local` })], id: 'did:example:a' })).toMatchObject({ inline: [{ local: `${V}local` }] });
  });

  it('an inline context counts towards the size limits', () => {
    const big: Record<string, string> = {};
    for (let i = 0; i < SHAPE_LIMITS.maxNodes; i++) big[`t${i}`] = `${V}t`;
    expect(shapeOf({ '@context': [C, big], id: 'did:example:a' })).toBe('size');
    let deep: unknown = `${V}x`;
    for (let i = 0; i < SHAPE_LIMITS.maxDepth + 2; i++) deep = { '@context': { a: deep } };
    expect(shapeOf({ '@context': [C, { a: deep }], id: 'did:example:a' })).toBe('size');
    const long = { local: `${V}${'x'.repeat(SHAPE_LIMITS.maxKeyChars)}` };
    expect(shapeOf({ '@context': [C, long], id: 'did:example:a' })).toBe('size');
  });

  it('an IRI-kind value that is a term of the inline context: iri-is-term', async () => {
    const ctx = { 'did:example:inline': { '@id': 'did:example:inline' }, pick2: { '@id': `${V}pick2`, '@type': '@vocab' } };
    const d = (v: string): Doc => ({ '@context': [C, ctx], id: 'urn:s', pick2: v, name: 'x' });
    expect(await seq(d, ['did:example:p1', 'did:example:p2', 'did:example:3', 'did:example:inline'])).toEqual(['first-sighting', 'compiled', 'hit', 'iri-is-term']);
  });

  it('a context URL an inline context names is a dependency: changing that document invalidates the template', async () => {
    const S = 'https://ctx.example/scoped';
    const table: Record<string, unknown> = { [C]: (await loader(C)).document, [S]: { '@context': { inner: `${V}inner` } } };
    const l = stub(table);
    const d = (v: string): Doc => ({ '@context': [C, { box: { '@id': `${V}box`, '@context': S } }], id: v, box: { inner: `i ${v}` } });
    expect(await seq(d, ['did:example:a', 'did:example:b', 'did:example:c'], l)).toEqual(['first-sighting', 'compiled', 'hit']);
    table[S] = { '@context': { inner: `${V}moved` } };
    expect(await run(d('did:example:d'), l)).toBe('context-changed');
  });
});

// The bounds of an inline context (shapes.ts plainJsonNodes / shapeOf): "a document too large or too deep" falls back
// ('size'); an inline context's nodes count towards SHAPE_LIMITS.maxNodes together with the document's, its depth
// against maxDepth (the context object is depth 1, like a top-level value), and the context list's JSON text against
// maxKeyChars before anything else is read. Nodes: each string, number, boolean, null, array and object is one. Each
// bound is tried exactly at the limit (a Shape, its key written by hand) and one past it ('size'). Most documents here
// have no key besides `@context`, so that only the inline-context bounds can refuse them (the walk of the body has its own).
describe('inline context bounds and plain JSON, both sides of each bound', () => {
  const saved = { ...SHAPE_LIMITS };
  afterEach(() => Object.assign(SHAPE_LIMITS, saved));
  const key = (doc: unknown): string | undefined => {
    const s = shapeOf(doc);
    return typeof s === 'string' ? s : s.key;
  };

  it('maxNodes: two inline contexts of 2 and 3 nodes fit 5 and not 4, also with nothing else in the document', () => {
    const doc = { '@context': [{ a: 'x' }, { b: 'y', c: 'z' }] };
    SHAPE_LIMITS.maxNodes = 5;
    expect(shapeOf(doc)).toEqual({ key: '[{"a":"x"},{"b":"y","c":"z"}]', contexts: [], inline: [{ a: 'x' }, { b: 'y', c: 'z' }], leaves: [] });
    SHAPE_LIMITS.maxNodes = 4;
    expect(shapeOf(doc)).toBe('size');
    // one context of 3 nodes: its second key is the one past the budget
    SHAPE_LIMITS.maxNodes = 3;
    expect(key({ '@context': { b: 'y', c: 'z' } })).toBe('[{"b":"y","c":"z"}]');
    SHAPE_LIMITS.maxNodes = 2;
    expect(key({ '@context': { b: 'y', c: 'z' } })).toBe('size');
  });

  it('maxNodes: the inline context\'s nodes and the body\'s share the budget (2 + 3 fit 5, not 4)', () => {
    const doc = { '@context': ['https://ctx.example/s', { a: 'x' }], id: 'did:example:a', n: 5, t: true };
    SHAPE_LIMITS.maxNodes = 5;
    expect(shapeOf(doc)).toEqual({
      key: '["https://ctx.example/s",{"a":"x"}]"id":idid;"n":n;"t":true;',
      contexts: ['https://ctx.example/s'],
      inline: [{ a: 'x' }],
      leaves: [{ kind: 'i', value: 'did:example:a', scheme: 'did' }, { kind: 'n', value: 5 }],
    });
    SHAPE_LIMITS.maxNodes = 4;
    expect(shapeOf(doc)).toBe('size');
  });

  it('maxDepth: a leaf at depth maxDepth fits, one level deeper is size (objects, arrays, and the second key)', () => {
    SHAPE_LIMITS.maxDepth = 3;
    expect(key({ '@context': { a: { b: 'x' } } })).toBe('[{"a":{"b":"x"}}]');
    expect(key({ '@context': { a: { b: { c: 'x' } } } })).toBe('size');
    expect(key({ '@context': { c: ['x'] } })).toBe('[{"c":["x"]}]');
    expect(key({ '@context': { c: [['x']] } })).toBe('size');
    // 'size' from a later key or element is the answer (not the count of the ones before it)
    expect(key({ '@context': { a: 'x', b: { c: { d: 'y' } } } })).toBe('size');
    expect(key({ '@context': { c: ['x', ['y']] } })).toBe('size');
  });

  it('maxKeyChars: the context list\'s JSON text is bounded before the body is read (11 characters fit 11, not 10)', () => {
    SHAPE_LIMITS.maxKeyChars = 11;
    expect(key({ '@context': [{ a: 'x' }] })).toBe('[{"a":"x"}]');
    SHAPE_LIMITS.maxKeyChars = 10;
    expect(key({ '@context': [{ a: 'x' }] })).toBe('size');
    // too long already: a top-level `type` JSON cannot carry is not looked at (size, not value)
    expect(key({ '@context': [{ a: 'x' }], type: undefined })).toBe('size');
    SHAPE_LIMITS.maxKeyChars = saved.maxKeyChars;
    expect(key({ '@context': [{ a: 'x' }], type: undefined })).toBe('value');
  });

  it('arrays inside an inline context are plain JSON: a shape whose key carries them verbatim; their nodes count', () => {
    const ctx = { lang: { '@id': 'https://v.example/lang', '@container': ['@language', '@set'] } };
    expect(shapeOf({ '@context': [ctx] })).toEqual({ key: '[{"lang":{"@id":"https://v.example/lang","@container":["@language","@set"]}}]', contexts: [], inline: [ctx], leaves: [] });
    // 6 nodes: the context, the term definition, its @id, the array and its two strings
    SHAPE_LIMITS.maxNodes = 6;
    expect(key({ '@context': [ctx] })).toBe('[{"lang":{"@id":"https://v.example/lang","@container":["@language","@set"]}}]');
    SHAPE_LIMITS.maxNodes = 5;
    expect(key({ '@context': [ctx] })).toBe('size');
    // a 5-node context with a 3-element array: fits 5, not 4
    SHAPE_LIMITS.maxNodes = 5;
    expect(key({ '@context': { c: ['a', 'b', 'c'] } })).toBe('[{"c":["a","b","c"]}]');
    SHAPE_LIMITS.maxNodes = 4;
    expect(key({ '@context': { c: ['a', 'b', 'c'] } })).toBe('size');
  });

  it('non-plain values inside arrays, or after a plain key, fall back (context)', () => {
    for (const bad of [['x', undefined], ['x', new Date(0)], ['x', -0], ['x', NaN], ['x', () => 1], [undefined]]) {
      expect(shapeOf({ '@context': [{ c: bad }] })).toBe('context');
    }
    expect(shapeOf({ '@context': [{ a: 'x', b: undefined }] })).toBe('context');
    expect(shapeOf({ '@context': [{ a: 'x', b: { '@id': 'https://v.example/b', c: new Map() } }] })).toBe('context');
  });

  it('null, booleans and finite numbers are plain JSON leaves of an inline context', () => {
    const ctx = { '@version': 1.1, '@protected': true, local: null, '@vocab': 'https://v.example/' };
    expect(shapeOf({ '@context': [ctx], id: 'did:example:a' })).toEqual({
      key: '[{"@version":1.1,"@protected":true,"local":null,"@vocab":"https://v.example/"}]"id":idid;',
      contexts: [],
      inline: [ctx],
      leaves: [{ kind: 'i', value: 'did:example:a', scheme: 'did' }],
    });
    expect(key({ '@context': [{ local: null }] })).toBe('[{"local":null}]');
  });

  it('a function is never a context object, whatever its prototype (JSON text would drop it)', () => {
    for (const proto of [null, Object.prototype]) {
      const fn = Object.setPrototypeOf(function f() {}, proto) as unknown;
      expect(shapeOf({ '@context': fn, id: 'did:example:a' })).toBe('context');
      expect(shapeOf({ '@context': ['https://ctx.example/s', fn], id: 'did:example:a' })).toBe('context');
      expect(shapeOf({ '@context': [{ local: fn }], id: 'did:example:a' })).toBe('context');
    }
    expect(shapeOf({ id: 'did:example:a' })).toBe('context');
    expect(shapeOf({ '@context': [null], id: 'did:example:a' })).toBe('context');
  });

  it('in the body too: a function with a reset prototype is no object (value), and a key exactly at maxKeyChars reads on', () => {
    for (const proto of [null, Object.prototype]) {
      const fn = Object.setPrototypeOf(function f() {}, proto) as unknown;
      expect(shapeOf({ '@context': 'https://ctx.example/s', id: 'did:example:a', x: fn })).toBe('value');
      expect(shapeOf({ '@context': 'https://ctx.example/s', x: [{ y: fn }] })).toBe('value');
    }
    // '[{"a":"x"}]"x":' is 15 characters: at maxKeyChars 15 the value is still read (a nested @context: context;
    // a function: value), at 14 the key is too large first (size)
    const nested = { '@context': [{ a: 'x' }], x: { '@context': { b: 'y' } } };
    const fnDoc = { '@context': [{ a: 'x' }], x: () => 1 };
    SHAPE_LIMITS.maxKeyChars = 15;
    expect(shapeOf(nested)).toBe('context');
    expect(shapeOf(fnDoc)).toBe('value');
    SHAPE_LIMITS.maxKeyChars = 14;
    expect(shapeOf(nested)).toBe('size');
    expect(shapeOf(fnDoc)).toBe('size');
  });

  it('an inline context with an array-valued @container compiles and substitutes exactly (stock jsonld oracle)', async () => {
    const ctx = { names: { '@id': `${V}names`, '@container': ['@language', '@set'] } };
    const d = (v: string): Doc => ({ '@context': [C, ctx], id: v, names: { en: [`a ${v}`, 'b'], de: `c ${v}` } });
    expect(await seq(d, ['did:example:a', 'did:example:b', 'did:example:c'])).toEqual(['first-sighting', 'compiled', 'hit']);
  });
});

describe('credstack credentials with the inline extension context', () => {
  it('a cohort with credstack\'s inline context canonicalizes through a compiled shape, equal to stock jsonld', async () => {
    const docLoader = createDocumentLoader({});
    const cred = (n: number) => ({
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', credstackInlineContext()],
      id: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: 'did:example:issuer', type: ['Profile'], name: 'Uni' },
      name: 'Badge',
      validFrom: '2026-09-01T09:00:00Z',
      credentialSubject: {
        type: ['AchievementSubject'],
        id: `did:example:learner${n}`,
        achievement: { id: 'https://uni.example/a/1', type: ['Achievement'], name: 'A', criteria: { narrative: 'n' }, workload: [{ value: 5, unit: 'ECTS' }] },
      },
    });
    const hits = SHAPE_STATS.hits + SHAPE_STATS.compiled;
    for (let n = 0; n < 4; n++) {
      const stock = await jsonld.canonize(cred(n), { algorithm: 'RDFC-1.0', documentLoader: docLoader, safe: true, base: null, rdfDirection: 'i18n-datatype' } as never);
      expect(await canonizeDocument(cred(n), { documentLoader: docLoader })).toBe(stock);
      expect(stock).toContain('<https://w3id.org/credstack/vocab#workload>');
    }
    expect(SHAPE_STATS.hits + SHAPE_STATS.compiled).toBe(hits + 3);
  });
});

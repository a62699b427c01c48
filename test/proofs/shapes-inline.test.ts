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

// Compiled shapes (src/proofs/shapes.ts): each guard falls back to the full jsonld path, the caches stay bounded, and
// changed contexts invalidate templates. Every case also compares with stock jsonld.canonize.
import jsonld from 'jsonld';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDocumentLoader, registerContext } from '../../src/index.js';
import { canonizeDocument } from '../../src/proofs/canonize.js';
import { clearShapeCache, datasetOfExpansion, SHAPE_LIMITS, SHAPE_STATS, shapeCacheSize, shapeOf, shaped } from '../../src/proofs/shapes.js';
import { CANONIZE_WORK } from '../../src/proofs/canonize.js';
import type { DocumentLoader } from '../../src/jsonld/loader.js';

const VC2 = 'https://www.w3.org/ns/credentials/v2';
const OB = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const loader = createDocumentLoader({});

function cred(subject: unknown, extra: Record<string, unknown> = {}, allowed: unknown[] = ['A', 'B']): Record<string, unknown> {
  return {
    '@context': [VC2, OB],
    id: 'urn:uuid:2f0d7c3e-8f43-4a7e-9b1e-0c1f5b0a9d11',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: 'did:example:issuer', type: ['Profile'], name: 'Uni' },
    name: 'Badge',
    validFrom: '2026-09-01T09:00:00Z',
    credentialSubject: {
      type: ['AchievementSubject'],
      id: subject,
      achievement: { id: 'https://uni.example/a/1', type: ['Achievement'], name: 'A', criteria: { narrative: 'n' }, resultDescription: [{ id: 'urn:uuid:rd-1', type: ['ResultDescription'], name: 'G', resultType: 'LetterGrade', allowedValue: allowed }] },
    },
    ...extra,
  };
}

const stock = (doc: unknown, l: DocumentLoader = loader) => jsonld.canonize(structuredClone(doc), { algorithm: 'RDFC-1.0', documentLoader: l, safe: true, base: null, rdfDirection: 'i18n-datatype' }).catch(() => 'ERR');
const fast = (doc: unknown, l: DocumentLoader = loader) => canonizeDocument(doc, { documentLoader: l }).catch(() => 'ERR');

/** Canonicalize with the fast path; returns the fallback reason (or 'hit') and asserts equality with stock jsonld. */
async function run(doc: unknown, l: DocumentLoader = loader): Promise<string> {
  const hits = SHAPE_STATS.hits + SHAPE_STATS.compiled;
  const before = { ...SHAPE_STATS.fallbacks };
  const out = await fast(doc, l);
  expect(out).toBe(await stock(doc, l));
  if (SHAPE_STATS.hits + SHAPE_STATS.compiled > hits) return 'hit';
  const reason = Object.keys(SHAPE_STATS.fallbacks).find((k) => SHAPE_STATS.fallbacks[k] !== before[k]);
  return reason ?? 'none';
}

beforeEach(() => clearShapeCache());
afterEach(() => clearShapeCache());

describe('compiled shapes', () => {
  it('compile on the second sighting, then substitute (exact)', async () => {
    expect(await run(cred('did:example:a'))).toBe('first-sighting');
    expect(await run(cred('did:example:a'))).toBe('first-sighting'); // the same document again counts half
    expect(await run(cred('did:example:b'))).toBe('hit'); // compiled now (second sighting) and used
    expect(await run(cred('did:example:c'))).toBe('hit');
    const s = await shaped(cred('did:example:d'), loader, 'i18n-datatype');
    expect(JSON.stringify(s?.expanded)).toBe(JSON.stringify(await jsonld.expand(cred('did:example:d'), { documentLoader: loader, safe: true, base: null })));
  });

  it('instances share the template\'s unchanged quads (frozen); the expansion is built on first read and canonicalizes without toRDF', async () => {
    await run(cred('did:example:a'));
    await run(cred('did:example:b'));
    const s1 = (await shaped(cred('did:example:c'), loader, 'i18n-datatype'))!;
    const s2 = (await shaped(cred('did:example:d'), loader, 'i18n-datatype'))!;
    expect(s1.dataset.length).toBe(s2.dataset.length);
    const shared = s1.dataset.filter((q, i) => q === s2.dataset[i]);
    expect(shared.length).toBeGreaterThan(0);
    expect(shared.length).toBeLessThan(s1.dataset.length); // the subject's quads are the instance's own
    expect(Object.isFrozen(shared[0])).toBe(true);
    expect(Object.isFrozen(shared[0]!.object)).toBe(true);
    expect(() => {
      (shared[0]!.object as { value: string }).value = 'changed';
    }).toThrow(TypeError);
    expect(s1.dataset.some((q) => q.subject.value === 'did:example:c')).toBe(true);
    expect(s2.dataset.some((q) => q.subject.value === 'did:example:c')).toBe(false);
    // the expansion: exact, and known to be the dataset's (for this mode only; a copy is not)
    const e = s1.expanded;
    expect(s1.expanded).toBe(e);
    expect(JSON.stringify(e)).toBe(JSON.stringify(await jsonld.expand(cred('did:example:c'), { documentLoader: loader, safe: true, base: null })));
    expect(datasetOfExpansion(e, 'i18n-datatype')).toBe(s1.dataset);
    expect(datasetOfExpansion(e, 'none')).toBeUndefined();
    expect(datasetOfExpansion(structuredClone(e), 'i18n-datatype')).toBeUndefined();
    const before = { ...SHAPE_STATS, fallbacks: { ...SHAPE_STATS.fallbacks } };
    const shapedBefore = CANONIZE_WORK.shaped;
    expect(await canonizeDocument(cred('did:example:c'), { documentLoader: loader, expanded: e })).toBe(await stock(cred('did:example:c')));
    expect(SHAPE_STATS.hits).toBe(before.hits); // no second instantiation
    expect(CANONIZE_WORK.shaped).toBe(shapedBefore + 1);
    // an expansion not from a shape takes toRDF, as before
    const plain = await jsonld.expand(cred('did:example:c'), { documentLoader: loader, safe: true, base: null });
    expect(await canonizeDocument(cred('did:example:c'), { documentLoader: loader, expanded: plain as unknown[], shapes: false })).toBe(await stock(cred('did:example:c')));
  });

  it('nested or non-URL contexts are not shaped (inline context objects at the top are: shapes-inline.test.ts)', async () => {
    const nested = cred('did:example:a', { evidence: [{ '@context': { e: 'https://x.example/e' }, type: ['Evidence'], e: 'x' }] });
    expect(shapeOf(nested)).toBe('context');
    expect(await run(nested)).toBe('context');
    expect(shapeOf({ ...cred('x'), '@context': [] })).toBe('context');
  });

  it('unusual values, too large or too deep documents are not shaped', () => {
    expect(shapeOf(cred(undefined))).toBe('value');
    expect(shapeOf(cred(() => 1))).toBe('value');
    let deep: unknown = 'x';
    for (let i = 0; i < SHAPE_LIMITS.maxDepth + 2; i++) deep = { a: deep };
    expect(shapeOf(cred('did:example:a', { deep }))).toBe('size');
  });

  it('the shape key keeps keys, types, numbers other than safe integers, booleans and value kinds', () => {
    const key = (d: unknown) => (shapeOf(d) as { key: string }).key;
    const base = key(cred('did:example:a', { n: 5 }));
    expect(key(cred('did:example:zz', { n: 6 }))).toBe(base); // values of the same kind: same shape
    for (const n of [5.5, -0, 1e21, 2 ** 53, true, null, '5']) expect(key(cred('did:example:a', { n }))).not.toBe(base);
    expect(key(cred('ob:Achievement', { n: 5 }))).not.toBe(base); // compact IRI: not an IRI kind
    expect(key(cred('_:b0', { n: 5 }))).not.toBe(base); // blank node id
    expect(key(cred('https://x.example/a', { n: 5 }))).not.toBe(base); // another IRI scheme
    expect(key(cred('did:example:a b', { n: 5 }))).not.toBe(base); // not plain ASCII IRI characters
    expect(key({ ...cred('did:example:a', { n: 5 }), type: ['VerifiableCredential'] })).not.toBe(base);
    expect(key({ ...cred('did:example:a', { n: 5 }), nameMap: { en: 'x' } })).not.toBe(key({ ...cred('did:example:a', { n: 5 }), nameMap: { fr: 'x' } }));
    expect(key(cred('did:example:a', { n: 5 }, ['A', 'B', 'C']))).not.toBe(base);
  });

  it('IRI-typed positions with non-IRI values are pinned: another value falls back', async () => {
    // a proof configuration's proofPurpose is @vocab-typed: "assertionMethod" is a term, pinned to that value
    const config = (purpose: string, created: string) => ({ '@context': [VC2], type: 'DataIntegrityProof', created, verificationMethod: 'did:example:i#k', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: purpose });
    await run(config('assertionMethod', '2026-01-01T00:00:00Z'));
    expect(await run(config('assertionMethod', '2026-01-02T00:00:00Z'))).toBe('hit');
    expect(await run(config('authentication', '2026-01-03T00:00:00Z'))).toBe('pinned-value');
    // compact IRIs in an @id position: their shape pins the id
    await run(cred('ob:one'));
    await run(cred('ob:two'));
    expect(await run(cred('ob:two'))).toBe('hit');
    expect(await run(cred('ob:three'))).toBe('pinned-value');
    await run(cred('_:b1'));
    await run(cred('_:b2'));
    expect(await run(cred('_:b3'))).toBe('pinned-value');
  });

  for (const cap of [4096, 1, 0]) {
    it(`values that collide (JSON-LD would merge them) fall back (collision pairs capped at ${cap})`, async () => {
      const saved = SHAPE_LIMITS.collisionPairs;
      SHAPE_LIMITS.collisionPairs = cap; // past the cap: every substituted quad keyed instead of the listed pairs
      try {
        // allowedValue is a @list (duplicates stay); name is a set: equal names are one quad
        await run(cred('did:example:a', { name: ['A', 'B'] }, ['A', 'A']));
        expect(await run(cred('did:example:b', { name: ['C', 'D'] }, ['E', 'E']))).toBe('hit');
        expect(await run(cred('did:example:c', { name: ['E', 'E'] }))).toBe('collision');
        expect(await run(cred('did:example:c', { name: ['E', 'F'] }, ['F', 'F']))).toBe('hit');
        expect(await run(cred('did:example:d', { name: ['G', 'G'] }, ['G', 'G']))).toBe('collision');
      } finally {
        SHAPE_LIMITS.collisionPairs = saved;
      }
      // a subject whose id is the achievement's: JSON-LD merges the two nodes
      expect(await run(cred('https://uni.example/a/1'))).toBe('first-sighting');
    });
  }

  it('an IRI scheme that a context defines as a prefix, or an IRI-kind value that is a term, falls back', async () => {
    // "did" as a prefix: every did: value expands (compact IRI) — the probes show it and the shape is not compiled
    const url = 'https://ctx.example/prefix';
    const ctx = { '@context': { did: 'https://evil.example/did#', pick: { '@id': 'https://ctx.example/pick', '@type': '@vocab' } } };
    const l = createDocumentLoader({ documents: { [url]: ctx } });
    const doc = (v: string) => ({ '@context': [VC2, url], id: 'urn:uuid:1', type: ['VerifiableCredential'], issuer: 'urn:example:i', validFrom: '2026-01-01T00:00:00Z', credentialSubject: { id: 'urn:example:s', pick: v } });
    await run(doc('did:example:one'), l);
    expect(await run(doc('did:example:two'), l)).toBe('uncompilable');
    expect(await stock(doc('did:example:two'), l)).toContain('<https://evil.example/did#example:two>');
    // a term spelled as an IRI (JSON-LD 1.1 lets it map only to itself): refused by the term guard all the same
    const url2 = 'https://ctx.example/terms';
    const l2 = createDocumentLoader({ documents: { [url2]: { '@context': { 'did:example:magic': { '@id': 'did:example:magic' }, pick: { '@id': 'https://ctx.example/pick', '@type': '@vocab' } } } } });
    const doc2 = (v: string) => ({ ...doc(v), '@context': [VC2, url2] });
    await run(doc2('did:example:one'), l2);
    expect(await run(doc2('did:example:two'), l2)).toBe('hit');
    expect(await run(doc2('did:example:magic'), l2)).toBe('iri-is-term');
  });

  it('changed `documents` and re-registered contexts invalidate templates', async () => {
    const url = 'https://ctx.example/changing';
    const doc = (v: string) => ({ '@context': [VC2, url], id: 'urn:uuid:1', type: ['VerifiableCredential'], issuer: 'did:example:i', validFrom: '2026-01-01T00:00:00Z', credentialSubject: { id: 'did:example:s', grade: v } });
    const l1 = createDocumentLoader({ documents: { [url]: { '@context': { grade: 'https://one.example/grade' } } } });
    const l2 = createDocumentLoader({ documents: { [url]: JSON.stringify({ '@context': { grade: 'https://two.example/grade' } }) } });
    await run(doc('a'), l1);
    expect(await run(doc('b'), l1)).toBe('hit');
    expect(await run(doc('c'), l2)).toBe('context-changed');
    expect(await fast(doc('c'), l2)).toContain('https://two.example/grade');
    // registerContext (frozen documents are compared by identity)
    const reg = 'https://ctx.example/registered-p14b';
    const rdoc = (v: string) => ({ ...doc(v), '@context': [VC2, reg] });
    registerContext(reg, { '@context': { grade: 'https://three.example/grade' } });
    await run(rdoc('a'));
    expect(await run(rdoc('b'))).toBe('hit');
    registerContext(reg, { '@context': { grade: 'https://four.example/grade' } });
    expect(await run(rdoc('c'))).toBe('context-changed');
    expect(await fast(rdoc('c'))).toContain('https://four.example/grade');
  });

  it('an undefined term is refused by both paths (safe mode), never substituted', async () => {
    const bad = (v: string) => cred('did:example:a', { undefinedTerm: v });
    expect(await run(bad('x'))).toBe('first-sighting');
    expect(await run(bad('y'))).toBe('uncompilable');
    expect(await fast(bad('z'))).toBe('ERR');
  });

  it('caches stay bounded however many shapes are sent', async () => {
    const saved = { ...SHAPE_LIMITS };
    Object.assign(SHAPE_LIMITS, { templates: 4, sightings: 6, sightingBytes: 40_000, templateBytes: 200_000 });
    try {
      for (let i = 0; i < 14; i++) {
        const extra = { name: Array.from({ length: i + 1 }, () => 'n') };
        await run(cred('did:example:a', extra));
        await run(cred('did:example:b', extra));
        const size = shapeCacheSize();
        expect(size.templates).toBeLessThanOrEqual(4);
        expect(size.sightings).toBeLessThanOrEqual(6);
        expect(size.sightingBytes).toBeLessThanOrEqual(40_000);
        expect(size.templateBytes).toBeLessThanOrEqual(200_000);
      }
      expect(shapeCacheSize().templates).toBe(4);
    } finally {
      Object.assign(SHAPE_LIMITS, saved);
    }
  });
});

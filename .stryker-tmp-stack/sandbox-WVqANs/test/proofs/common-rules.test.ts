// @ts-nocheck
// Rule tests for src/proofs/common.ts (boundedCanonize, publicKeyOf), src/proofs/canonize.ts (canonizeDocument) and
// src/proofs/load.ts (once) — mutation area `proofs-common`. Tiny hand-made documents under a four-term context served
// by a stub loader (jsonld runs on a handful of quads: milliseconds), expected N-Quads written by hand from the
// JSON-LD 1.1 toRDF rules (or, for the SHA-384 labelling, computed by rdf-canonize itself, the reference library).
// Keys come from node:crypto. No signing, no src/index.js.
import { generateKeyPairSync } from 'node:crypto';
import { base58 } from '@scure/base';
import * as rdfCanonize from 'rdf-canonize';
import jsonld from 'jsonld';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { boundedCanonize, CRYPTOSUITES, PRE_EXPANDED, publicKeyOf, type CanonizeBudget } from '../../src/proofs/common.js';
import { CANONIZE_MAX_WORK_FACTOR, CANONIZE_WORK, canonizeDocument } from '../../src/proofs/canonize.js';
import { once } from '../../src/proofs/load.js';
import { clearShapeCache, SHAPE_STATS, shaped } from '../../src/proofs/shapes.js';

const C = 'https://ctx.example/c';
const CTX = { '@context': { name: 'https://v.example/name', knows: { '@id': 'https://v.example/knows', '@type': '@id' } } };
const loads: string[] = [];
const loader = (async (url: string) => {
  loads.push(url);
  if (url === C) return { contextUrl: null, documentUrl: url, document: structuredClone(CTX) };
  throw new Error(`no document ${url}`);
}) as never;

/** A literal with a base direction: JSON-LD 1.1 §8.6 (i18n-datatype: `https://www.w3.org/ns/i18n#en_rtl`). */
const dirDoc = () => ({ '@context': C, '@id': 'urn:a', name: { '@value': 'x', '@language': 'en', '@direction': 'rtl' } });
const DIR_I18N = '<urn:a> <https://v.example/name> "x"^^<https://www.w3.org/ns/i18n#en_rtl> .\n';
const two = (v = 'x') => ({ '@context': C, '@id': 'urn:a', name: [v, `${v}2`] });
const TWO = (v = 'x') => `<urn:a> <https://v.example/name> "${v}" .\n<urn:a> <https://v.example/name> "${v}2" .\n`;
/** Four blank nodes whose RDFC-1.0 labels depend on the hash (SHA-256 vs SHA-384 order them differently). */
const bnDoc = () => ({ '@context': C, name: 'top', knows: [{ name: 'p' }, { name: 'q', knows: { name: 'r' } }] });
const budget = (maxQuads = 100): CanonizeBudget => ({ cache: new Map(), maxQuads });
/** How many times the compiled-shape layer was tried (each try that finds no template counts one fallback). */
const firstSightings = () => Object.values(SHAPE_STATS.fallbacks).reduce((a, b) => a + b, 0);
const err = (p: Promise<unknown>) => p.then(() => 'resolved', (e: { name?: string; code?: string; message?: string }) => `${e.code ?? e.name}: ${e.message}`);

beforeEach(() => clearShapeCache());
afterEach(() => clearShapeCache());

describe('boundedCanonize: the options of the Data Integrity suites', () => {
  it('defaults: rdfDirection i18n-datatype, safe, base null — and the compiled-shape layer is tried', async () => {
    const before = firstSightings();
    expect(await boundedCanonize(dirDoc(), { documentLoader: loader })).toBe(DIR_I18N);
    expect(firstSightings()).toBe(before + 1);
    // SHA-256 asked for by name is the default hash: the same layer
    expect(await boundedCanonize(two(), { documentLoader: loader, messageDigestAlgorithm: 'SHA-256' })).toBe(TWO());
    expect(firstSightings()).toBe(before + 2);
  });
  it('rdfDirection undefined (Ed25519Signature2020) is mode none: a direction is refused in safe mode', async () => {
    const before = firstSightings();
    expect(await err(boundedCanonize(dirDoc(), { documentLoader: loader, rdfDirection: undefined }))).toBe('jsonld.ValidationError: Safe mode validation error.');
    expect(firstSightings()).toBe(before + 1); // still the layer (mode none)
    expect(await boundedCanonize(two(), { documentLoader: loader, rdfDirection: undefined })).toBe(TWO());
  });
  it('another rdfDirection goes to jsonld as it is (no layer)', async () => {
    const before = firstSightings();
    expect(await err(boundedCanonize(dirDoc(), { documentLoader: loader, rdfDirection: 'compound-literal' }))).toBe('jsonld.InvalidRdfDirection: Unsupported rdfDirection value.');
    expect(firstSightings()).toBe(before);
  });
  it('safe false: an undefined term is dropped (jsonld, no layer); safe mode refuses it (both paths)', async () => {
    const bad = { '@context': C, '@id': 'urn:a', name: 'x', undefinedTerm: 'y' };
    const before = firstSightings();
    expect(await boundedCanonize(bad, { documentLoader: loader, safe: false })).toBe('<urn:a> <https://v.example/name> "x" .\n');
    expect(firstSightings()).toBe(before);
    expect(await err(boundedCanonize(bad, { documentLoader: loader }))).toBe('jsonld.ValidationError: Safe mode validation error.');
    expect(await err(boundedCanonize(bad, { documentLoader: loader, messageDigestAlgorithm: 'SHA-384' }))).toBe('jsonld.ValidationError: Safe mode validation error.');
  });
  it('a base other than null resolves a relative @id (jsonld, no layer); base null refuses it in safe mode', async () => {
    const rel = { '@context': C, '@id': 'rel', name: 'x' };
    const before = firstSightings();
    expect(await boundedCanonize(rel, { documentLoader: loader, base: 'https://b.example/', safe: false })).toBe('<https://b.example/rel> <https://v.example/name> "x" .\n');
    expect(await boundedCanonize(rel, { documentLoader: loader, base: 'https://b.example/' })).toBe('<https://b.example/rel> <https://v.example/name> "x" .\n');
    expect(firstSightings()).toBe(before);
    expect(await err(boundedCanonize(rel, { documentLoader: loader }))).toBe('jsonld.ValidationError: Safe mode validation error.');
  });
  it('skipExpansion: the input is already expanded (jsonld, no layer)', async () => {
    const expanded = [{ '@id': 'urn:e', 'https://v.example/name': [{ '@value': 'e' }] }];
    const before = firstSightings();
    expect(await boundedCanonize(expanded, { documentLoader: loader, skipExpansion: true })).toBe('<urn:e> <https://v.example/name> "e" .\n');
    expect(firstSightings()).toBe(before);
  });
  it('without a documentLoader function: jsonld with its own loader (no layer)', async () => {
    const inline = { '@context': { name: 'https://v.example/name' }, '@id': 'urn:i', name: 'i' };
    const before = firstSightings();
    expect(await boundedCanonize(inline, {})).toBe('<urn:i> <https://v.example/name> "i" .\n');
    expect(await boundedCanonize(inline, { documentLoader: 'not a function' })).toBe('<urn:i> <https://v.example/name> "i" .\n');
    expect(firstSightings()).toBe(before);
  });
  it('SHA-384 (ecdsa-rdfc-2019 with P-384): RDFC-1.0 hashes blank nodes with SHA-384 (jsonld, no layer)', async () => {
    const ds = await jsonld.toRDF(bnDoc(), { documentLoader: loader, safe: true, base: null } as never);
    const sha384 = await rdfCanonize.canonize(ds as never, { algorithm: 'RDFC-1.0', messageDigestAlgorithm: 'SHA-384' } as never);
    const sha256 = await rdfCanonize.canonize(ds as never, { algorithm: 'RDFC-1.0' } as never);
    expect(sha384).not.toBe(sha256); // the document tells the two hashes apart
    const before = firstSightings();
    expect(await boundedCanonize(bnDoc(), { documentLoader: loader, messageDigestAlgorithm: 'SHA-384' })).toBe(sha384);
    expect(firstSightings()).toBe(before);
    expect(await boundedCanonize(bnDoc(), { documentLoader: loader })).toBe(sha256);
    expect(await boundedCanonize(bnDoc(), { documentLoader: loader, safe: false })).toBe(sha256);
    expect(await boundedCanonize(bnDoc(), { documentLoader: loader, safe: false, messageDigestAlgorithm: 'SHA-512' })).toBe(sha256);
    expect(sha256).toBe('_:c14n0 <https://v.example/knows> _:c14n2 .\n_:c14n0 <https://v.example/knows> _:c14n3 .\n_:c14n0 <https://v.example/name> "top" .\n_:c14n1 <https://v.example/name> "r" .\n_:c14n2 <https://v.example/knows> _:c14n1 .\n_:c14n2 <https://v.example/name> "q" .\n_:c14n3 <https://v.example/name> "p" .\n');
  });
  it('a null input is no object (no PRE_EXPANDED read): jsonld gives the empty dataset', async () => {
    expect(await boundedCanonize(null, { documentLoader: loader })).toBe('');
    expect(await boundedCanonize(null, { documentLoader: loader, safe: false })).toBe('');
  });
  it('the jsonld path counts its work: one call, its quads', async () => {
    const w = { ...CANONIZE_WORK };
    expect(await boundedCanonize(two(), { documentLoader: loader, safe: false })).toBe(TWO());
    expect(CANONIZE_WORK).toEqual({ calls: w.calls + 1, quads: w.quads + 2, shaped: w.shaped });
  });
  it('format / canonizeOptions / messageDigestAlgorithm are not passed to toRDF (it would return text, not a dataset)', async () => {
    expect(await boundedCanonize(two(), { documentLoader: loader, safe: false, format: 'application/n-quads', canonizeOptions: {}, messageDigestAlgorithm: 'SHA-256' })).toBe(TWO());
  });
  it('produceGeneralizedRdf is always false: a blank-node predicate is dropped', async () => {
    const gen = { '@context': { '@vocab': '_:' }, '@id': 'urn:g', p: 'v' };
    expect(await boundedCanonize(gen, { safe: false, produceGeneralizedRdf: true })).toBe('');
  });
});

describe('boundedCanonize: the budget (one canonicalization per input, maxQuads)', () => {
  it('a dataset larger than maxQuads is refused (layer and jsonld paths); exactly maxQuads passes', async () => {
    const msg = 'ERR_INPUT_TOO_COMPLEX: the document has 2 RDF quads; the limit is 1 (limit maxQuads)';
    expect(await err(boundedCanonize(two(), { documentLoader: loader }, budget(1)))).toBe(msg);
    expect(await err(boundedCanonize(two(), { documentLoader: loader, safe: false }, budget(1)))).toBe(msg);
    expect(await boundedCanonize(two(), { documentLoader: loader }, budget(2))).toBe(TWO());
    expect(await boundedCanonize(two(), { documentLoader: loader, safe: false }, budget(2))).toBe(TWO());
  });
  it('the same input and options: one promise, one run (counted once)', async () => {
    const b = budget();
    const calls = CANONIZE_WORK.calls;
    const p1 = boundedCanonize(two(), { documentLoader: loader }, b);
    const p2 = boundedCanonize(two(), { documentLoader: loader }, b);
    expect(p2).toBe(p1);
    expect(await p1).toBe(TWO());
    expect(CANONIZE_WORK.calls).toBe(calls + 1);
    expect(b.cache.size).toBe(1);
    const u1 = boundedCanonize(two(), { documentLoader: loader, safe: false }, b);
    expect(boundedCanonize(two(), { documentLoader: loader, safe: false }, b)).toBe(u1);
    expect(await u1).toBe(TWO());
    expect(b.cache.size).toBe(2);
  });
  it('without a budget nothing is memoized', async () => {
    const calls = CANONIZE_WORK.calls;
    const p1 = boundedCanonize(two(), { documentLoader: loader });
    const p2 = boundedCanonize(two(), { documentLoader: loader });
    expect(p2).not.toBe(p1);
    expect([await p1, await p2]).toEqual([TWO(), TWO()]);
    expect(CANONIZE_WORK.calls).toBe(calls + 2);
  });
  it('the key tells apart the input, safe mode, direction mode and hash', async () => {
    const b = budget();
    const results = await Promise.all([
      boundedCanonize(two('a'), { documentLoader: loader }, b),
      boundedCanonize(two('b'), { documentLoader: loader }, b),
      boundedCanonize(dirDoc(), { documentLoader: loader }, b),
      boundedCanonize(dirDoc(), { documentLoader: loader, rdfDirection: undefined }, b).catch(() => 'ERR none'),
      boundedCanonize(dirDoc(), { documentLoader: loader, rdfDirection: 'compound-literal' }, b).catch(() => 'ERR compound'),
      boundedCanonize(bnDoc(), { documentLoader: loader }, b),
      boundedCanonize(bnDoc(), { documentLoader: loader, messageDigestAlgorithm: 'SHA-384' }, b),
      boundedCanonize({ '@context': C, '@id': 'urn:a', name: 'x', u: 1 }, { documentLoader: loader }, b).catch(() => 'ERR safe'),
      boundedCanonize({ '@context': C, '@id': 'urn:a', name: 'x', u: 1 }, { documentLoader: loader, safe: false }, b),
    ]);
    expect(results.slice(0, 5)).toEqual([TWO('a'), TWO('b'), DIR_I18N, 'ERR none', 'ERR compound']);
    expect(results[6]).not.toBe(results[5]);
    expect(results.slice(7)).toEqual(['ERR safe', '<urn:a> <https://v.example/name> "x" .\n']);
    expect(b.cache.size).toBe(9);
    // SHA-256 named and SHA-384 named are two entries (and the default hash a third)
    const s256 = await boundedCanonize(bnDoc(), { documentLoader: loader, messageDigestAlgorithm: 'SHA-256' }, b);
    expect(s256).toBe(results[5]);
    expect(b.cache.size).toBe(10);
    const b2 = budget();
    expect(await boundedCanonize(bnDoc(), { documentLoader: loader, messageDigestAlgorithm: 'SHA-256' }, b2)).toBe(results[5]);
    expect(await boundedCanonize(bnDoc(), { documentLoader: loader, messageDigestAlgorithm: 'SHA-384' }, b2)).toBe(results[6]);
  });
  it('a pre-expanded document (PRE_EXPANDED) is canonicalized from that expansion (layer and jsonld paths)', async () => {
    const pre = [{ '@id': 'urn:p', 'https://v.example/name': [{ '@value': 'pre' }] }];
    const doc = { ...two(), [PRE_EXPANDED]: pre };
    expect(await boundedCanonize(doc, { documentLoader: loader })).toBe('<urn:p> <https://v.example/name> "pre" .\n');
    expect(await boundedCanonize(doc, { documentLoader: loader, safe: false })).toBe('<urn:p> <https://v.example/name> "pre" .\n');
    expect(pre).toEqual([{ '@id': 'urn:p', 'https://v.example/name': [{ '@value': 'pre' }] }]); // not consumed (cloned)
    expect(await boundedCanonize({ ...two(), [PRE_EXPANDED]: 'not an array' }, { documentLoader: loader })).toBe(TWO());
    expect(await boundedCanonize({ ...two(), [PRE_EXPANDED]: 'not an array' }, { documentLoader: loader, safe: false })).toBe(TWO());
  });
  it('an expansion a compiled shape made is keyed by that expansion, whatever the input says', async () => {
    await shaped(two('s'), loader, 'i18n-datatype');
    const s = await shaped(two('t'), loader, 'i18n-datatype'); // second sighting: compiled
    expect(s).toBeTruthy();
    const e = s!.expanded;
    const b = budget();
    const p1 = boundedCanonize({ ...two('t'), [PRE_EXPANDED]: e }, { documentLoader: loader }, b);
    const p2 = boundedCanonize({ ...two('other text'), [PRE_EXPANDED]: e }, { documentLoader: loader }, b);
    expect(p2).toBe(p1);
    expect(await p1).toBe(TWO('t'));
    // another shaped expansion is another entry; the same expansion for mode none (Ed25519Signature2020) is not this one
    const e2 = (await shaped(two('u'), loader, 'i18n-datatype'))!.expanded;
    const p3 = boundedCanonize({ ...two('t'), [PRE_EXPANDED]: e2 }, { documentLoader: loader }, b);
    expect(p3).not.toBe(p1);
    expect(await p3).toBe(TWO('u'));
    const p4 = boundedCanonize({ ...two('t'), [PRE_EXPANDED]: e }, { documentLoader: loader, rdfDirection: undefined }, b);
    expect(p4).not.toBe(p1);
    expect(await p4).toBe(TWO('t'));
    // the SHA-384 path is not keyed by the expansion: its input's JSON text counts
    const p5 = boundedCanonize({ ...two('t'), [PRE_EXPANDED]: e }, { documentLoader: loader, messageDigestAlgorithm: 'SHA-384' }, b);
    const p6 = boundedCanonize({ ...two('v'), [PRE_EXPANDED]: e }, { documentLoader: loader, messageDigestAlgorithm: 'SHA-384' }, b);
    expect(p6).not.toBe(p5);
    expect([await p5, await p6]).toEqual([TWO('t'), TWO('t')]);
    expect(b.cache.size).toBe(5);
  });
});

describe('canonizeDocument (src/proofs/canonize.ts)', () => {
  it('the work limit is rdf-canonize\'s conservative default, 1', () => {
    expect(CANONIZE_MAX_WORK_FACTOR).toBe(1);
  });
  it('mode: i18n-datatype by default, none on request (safe mode refuses a direction there)', async () => {
    expect(await canonizeDocument(dirDoc(), { documentLoader: loader })).toBe(DIR_I18N);
    expect(await canonizeDocument(dirDoc(), { documentLoader: loader, shapes: false })).toBe(DIR_I18N);
    expect(await err(canonizeDocument(dirDoc(), { documentLoader: loader, mode: 'none' }))).toBe('jsonld.ValidationError: Safe mode validation error.');
    expect(await err(canonizeDocument(dirDoc(), { documentLoader: loader, mode: 'none', shapes: false }))).toBe('jsonld.ValidationError: Safe mode validation error.');
  });
  it('safe mode and base null: an undefined term or a relative @id is refused', async () => {
    expect(await err(canonizeDocument({ '@context': C, '@id': 'urn:a', name: 'x', u: 1 }, { documentLoader: loader, shapes: false }))).toBe('jsonld.ValidationError: Safe mode validation error.');
    expect(await err(canonizeDocument({ '@context': C, '@id': 'rel', name: 'x' }, { documentLoader: loader, shapes: false }))).toBe('jsonld.ValidationError: Safe mode validation error.');
  });
  it('produceGeneralizedRdf is off: a blank-node predicate is refused in safe mode', async () => {
    const gen = { '@context': { '@vocab': '_:' }, '@id': 'urn:g', p: 'v' };
    expect(await err(canonizeDocument(gen, { documentLoader: loader, shapes: false }))).toBe('jsonld.ValidationError: Safe mode validation error.');
  });
  it('counts the work: one call, its quads; a compiled shape counted as shaped', async () => {
    const w = { ...CANONIZE_WORK };
    expect(await canonizeDocument(two('a'), { documentLoader: loader })).toBe(TWO('a')); // first sighting: jsonld
    expect(CANONIZE_WORK).toEqual({ calls: w.calls + 1, quads: w.quads + 2, shaped: w.shaped });
    expect(await canonizeDocument(two('b'), { documentLoader: loader })).toBe(TWO('b')); // compiled and used
    expect(CANONIZE_WORK).toEqual({ calls: w.calls + 2, quads: w.quads + 4, shaped: w.shaped + 1 });
    expect(await canonizeDocument(two('c'), { documentLoader: loader, shapes: false })).toBe(TWO('c')); // shapes off
    expect(CANONIZE_WORK).toEqual({ calls: w.calls + 3, quads: w.quads + 6, shaped: w.shaped + 1 });
  });
  it('a given expansion: a shape\'s is used as its dataset (no shape lookup); any other goes through toRDF', async () => {
    await shaped(two('s'), loader, 'i18n-datatype');
    const e = (await shaped(two('t'), loader, 'i18n-datatype'))!.expanded;
    const hits = SHAPE_STATS.hits;
    const w = { ...CANONIZE_WORK };
    // the input's text says otherwise: the expansion wins
    expect(await canonizeDocument(two('zz'), { documentLoader: loader, expanded: e })).toBe(TWO('t'));
    expect(SHAPE_STATS.hits).toBe(hits);
    expect(CANONIZE_WORK.shaped).toBe(w.shaped + 1);
    // shapes: false — no dataset from the shape; the expansion goes through toRDF (the same quads)
    expect(await canonizeDocument(two('zz'), { documentLoader: loader, expanded: e, shapes: false })).toBe(TWO('t'));
    expect(CANONIZE_WORK.shaped).toBe(w.shaped + 1);
    // another mode than the shape's: toRDF of the expansion
    expect(await canonizeDocument(two('zz'), { documentLoader: loader, expanded: e, mode: 'none' })).toBe(TWO('t'));
    const plain = [{ '@id': 'urn:p', 'https://v.example/name': [{ '@value': 'p', '@language': 'en', '@direction': 'rtl' }] }];
    expect(await canonizeDocument(two('zz'), { documentLoader: loader, expanded: plain, shapes: false })).toBe('<urn:p> <https://v.example/name> "p"^^<https://www.w3.org/ns/i18n#en_rtl> .\n');
    expect(plain[0]!['https://v.example/name']![0]!['@value']).toBe('p'); // not consumed
    expect(await err(canonizeDocument(two('zz'), { documentLoader: loader, expanded: plain, shapes: false, mode: 'none' }))).toBe('jsonld.ValidationError: Safe mode validation error.');
  });
  it('maxQuads: more quads are refused with the count and the limit; exactly the limit passes (shaped or not)', async () => {
    const msg = 'ERR_INPUT_TOO_COMPLEX: the document has 2 RDF quads; the limit is 1 (limit maxQuads)';
    expect(await err(canonizeDocument(two('a'), { documentLoader: loader, maxQuads: 1 }))).toBe(msg);
    expect(await canonizeDocument(two('b'), { documentLoader: loader, maxQuads: 2 })).toBe(TWO('b'));
    expect(await err(canonizeDocument(two('c'), { documentLoader: loader, maxQuads: 1 }))).toBe(msg); // shaped this time
    expect(await canonizeDocument(two('d'), { documentLoader: loader })).toBe(TWO('d'));
  });
});

describe('publicKeyOf', () => {
  const { publicKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' }) as { kty: string; crv: string; x: string };
  const raw = Buffer.from(jwk.x, 'base64url');
  const multibase = 'z' + base58.encode(Uint8Array.from([0xed, 0x01, ...raw]));
  it('Multikey / Ed25519VerificationKey2020: publicKeyMultibase (z6Mk…)', () => {
    expect(multibase.startsWith('z6Mk')).toBe(true);
    expect(Buffer.from(publicKeyOf({ id: 'k', publicKeyMultibase: multibase })).equals(raw)).toBe(true);
    // a multibase string wins over a JWK
    expect(Buffer.from(publicKeyOf({ id: 'k', publicKeyMultibase: multibase, publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x: 'AA' } })).equals(raw)).toBe(true);
  });
  it('JsonWebKey: an OKP Ed25519 JWK (RFC 8037) with a 32-byte x', () => {
    expect(Buffer.from(publicKeyOf({ id: 'k', publicKeyJwk: jwk })).equals(raw)).toBe(true);
    expect(Buffer.from(publicKeyOf({ id: 'k', publicKeyMultibase: 7, publicKeyJwk: jwk })).equals(raw)).toBe(true);
  });
  it('anything else: "verification method <id> has no Ed25519 public key"', () => {
    const msg = 'verification method did:x#k has no Ed25519 public key';
    for (const k of [{ ...jwk, kty: 'EC' }, { ...jwk, crv: 'X25519' }, { ...jwk, x: 42 }, { ...jwk, x: Buffer.alloc(31).toString('base64url') }, { ...jwk, x: Buffer.alloc(33).toString('base64url') }]) {
      expect(() => publicKeyOf({ id: 'did:x#k', publicKeyJwk: k })).toThrow(msg);
    }
    expect(() => publicKeyOf({ id: 'did:x#k' })).toThrow(msg);
    expect(() => publicKeyOf({ publicKeyJwk: null })).toThrow('verification method undefined has no Ed25519 public key');
  });
});

describe('CRYPTOSUITES', () => {
  it('the four Data Integrity suites', () => {
    expect([...CRYPTOSUITES]).toEqual(['eddsa-rdfc-2022', 'eddsa-jcs-2022', 'ecdsa-rdfc-2019', 'ecdsa-jcs-2019']);
  });
});

describe('once (src/proofs/load.ts): a lazily loaded module', () => {
  it('loads once and keeps the promise', async () => {
    let n = 0;
    const get = once(async () => ({ n: ++n }));
    const p = get();
    expect(get()).toBe(p);
    expect(await p).toEqual({ n: 1 });
    expect(await get()).toEqual({ n: 1 });
    expect(n).toBe(1);
  });
  it('a failed load rejects with its error, and the next call tries again', async () => {
    let n = 0;
    const get = once(async () => {
      if (++n === 1) throw new Error('chunk missing');
      return { n };
    });
    await expect(get()).rejects.toThrow('chunk missing');
    const again = get();
    expect(await again).toEqual({ n: 2 });
    expect(get()).toBe(again);
    expect(n).toBe(2);
  });
});

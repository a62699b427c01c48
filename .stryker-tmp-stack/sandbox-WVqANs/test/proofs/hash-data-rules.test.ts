// @ts-nocheck
// Rule tests for src/proofs/hash-data.ts (mutation area `proofs-hash`): hand-made documents and a stub canonicalizer,
// no jsonld, so a mutant runs in milliseconds. vc-di-eddsa v1.0 §3.3.4: "Let hashData be the result of concatenating
// proofConfigHash (the first hash produced above) followed by transformedDocumentHash (the second hash produced above)".
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createDocumentLoader } from '../../src/jsonld/loader.js';
import { canonicalDocument, hashProofData, missingSuiteContext, proofConfiguration } from '../../src/proofs/hash-data.js';

const VC2 = 'https://www.w3.org/ns/credentials/v2';
const DI2 = 'https://w3id.org/security/data-integrity/v2';
const ED20 = 'https://w3id.org/security/suites/ed25519-2020/v1';
const V1 = 'https://www.w3.org/2018/credentials/v1';
/** SHA-256 of a string's UTF-8 bytes, by node:crypto (not the code under test). */
const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest();
const loader = (async () => { throw new Error('no loader in rule tests'); }) as never;

describe('proofConfiguration', () => {
  it('eddsa-rdfc-2022: the proof without proofValue under the document context (VC 2.0 already there)', () => {
    const proof = { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofValue: 'zX', jws: 'keep' };
    expect(proofConfiguration('eddsa-rdfc-2022', [VC2], proof)).toEqual({ '@context': [VC2], type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', jws: 'keep' });
    expect(proof.proofValue).toBe('zX');
  });
  it('eddsa-rdfc-2022: adds the Data Integrity v2 context when neither DI v2 nor VC 2.0 is there (array and string)', () => {
    expect(proofConfiguration('eddsa-rdfc-2022', [V1], { a: 1 })['@context']).toEqual([V1, DI2]);
    expect(proofConfiguration('eddsa-rdfc-2022', V1, { a: 1 })['@context']).toEqual([V1, DI2]);
    expect(proofConfiguration('eddsa-rdfc-2022', [V1, DI2], { a: 1 })['@context']).toEqual([V1, DI2]);
    expect(proofConfiguration('eddsa-rdfc-2022', DI2, { a: 1 })['@context']).toBe(DI2);
    expect(proofConfiguration('eddsa-rdfc-2022', VC2, { a: 1 })['@context']).toBe(VC2);
  });
  it('Ed25519Signature2020: drops proofValue, jws and signatureValue; adds no context', () => {
    const proof = { type: 'Ed25519Signature2020', proofValue: 'z', jws: 'j', signatureValue: 's', created: 'c' };
    expect(proofConfiguration('Ed25519Signature2020', [V1], proof)).toEqual({ '@context': [V1], type: 'Ed25519Signature2020', created: 'c' });
  });
});

describe('missingSuiteContext', () => {
  it('Ed25519Signature2020 needs the ed25519-2020 context', () => {
    expect(missingSuiteContext('Ed25519Signature2020', [V1])).toBe(ED20);
    expect(missingSuiteContext('Ed25519Signature2020', [V1, ED20])).toBeUndefined();
    expect(missingSuiteContext('Ed25519Signature2020', ED20)).toBeUndefined();
  });
  it('eddsa-rdfc-2022 needs DI v2 unless VC 2.0 (which includes it) is there', () => {
    expect(missingSuiteContext('eddsa-rdfc-2022', [V1])).toBe(DI2);
    expect(missingSuiteContext('eddsa-rdfc-2022', V1)).toBe(DI2);
    expect(missingSuiteContext('eddsa-rdfc-2022', [V1, DI2])).toBeUndefined();
    expect(missingSuiteContext('eddsa-rdfc-2022', [VC2])).toBeUndefined();
    expect(missingSuiteContext('eddsa-rdfc-2022', VC2)).toBeUndefined();
  });
});

describe('hashProofData / canonicalDocument with a stub canonicalizer', () => {
  const calls: [unknown, string][] = [];
  const canonize = async (input: Record<string, unknown>, mode: 'i18n-datatype' | 'none') => {
    calls.push([input, mode]);
    return input.proofMarker ? 'CONFIG' : 'DOC';
  };
  it('hashData = SHA-256(config) ‖ SHA-256(document), 64 bytes, i18n-datatype for eddsa-rdfc-2022', async () => {
    calls.length = 0;
    const doc = { '@context': [VC2], id: 'urn:x' };
    const out = await hashProofData('eddsa-rdfc-2022', doc, { proofMarker: true, proofValue: 'z' }, { documentLoader: loader, canonize });
    expect(out.length).toBe(64);
    expect(Buffer.from(out.subarray(0, 32)).equals(sha('CONFIG'))).toBe(true);
    expect(Buffer.from(out.subarray(32)).equals(sha('DOC'))).toBe(true);
    expect(calls.map((c) => c[1])).toEqual(['i18n-datatype', 'i18n-datatype']);
    expect(calls[0]?.[0]).toEqual({ '@context': [VC2], proofMarker: true });
  });
  it('Ed25519Signature2020 uses no direction mapping (mode none); a given canonical document is used as is', async () => {
    calls.length = 0;
    const out = await hashProofData('Ed25519Signature2020', { '@context': [V1] }, { proofMarker: true }, { documentLoader: loader, canonize, canonicalDocument: Promise.resolve('GIVEN') });
    expect(Buffer.from(out.subarray(32)).equals(sha('GIVEN'))).toBe(true);
    expect(Buffer.from(out.subarray(0, 32)).equals(sha('CONFIG'))).toBe(true);
    expect(calls.map((c) => c[1])).toEqual(['none']);
  });
  it('canonicalDocument passes the suite mode to the canonicalizer', async () => {
    calls.length = 0;
    expect(await canonicalDocument('eddsa-rdfc-2022', { a: 1 }, { documentLoader: loader, canonize })).toBe('DOC');
    expect(await canonicalDocument('Ed25519Signature2020', { a: 1 }, { documentLoader: loader, canonize })).toBe('DOC');
    expect(calls.map((c) => c[1])).toEqual(['i18n-datatype', 'none']);
  });
  it('non-ASCII canonical text is hashed as UTF-8', async () => {
    const c2 = async () => 'é';
    const out = await hashProofData('eddsa-rdfc-2022', { '@context': VC2 }, {}, { documentLoader: loader, canonize: c2 });
    expect(Buffer.from(out.subarray(0, 32)).equals(sha('é'))).toBe(true);
  });
});

describe('the default canonicalizer (no opts.canonize): RDFC-1.0 through canonizeDocument, in the suite\'s mode', () => {
  // An inline context: nothing is loaded. vc-di-eddsa §3.3.3 (eddsa-rdfc-2022) canonicalizes with the i18n-datatype
  // direction mapping (a string with @direction becomes a literal of datatype https://www.w3.org/ns/i18n#<lang>_<dir>);
  // Ed25519Signature2020 (jsonld-signatures) keeps JSON-LD 1.1's default (no rdfDirection), where the direction would
  // be dropped: in safe mode that loss is refused ("rdfDirection not set for @direction"), never signed silently.
  const doc = { '@context': { '@vocab': 'https://example.org/', '@language': 'ar', '@direction': 'rtl' }, '@id': 'urn:x', name: 'n' };
  const eddsa = '<urn:x> <https://example.org/name> "n"^^<https://www.w3.org/ns/i18n#ar_rtl> .\n';
  const plain = { '@context': { '@vocab': 'https://example.org/', '@language': 'ar' }, '@id': 'urn:x', name: 'n' };
  const ed2020 = '<urn:x> <https://example.org/name> "n"@ar .\n';
  it('canonicalDocument: eddsa-rdfc-2022 uses i18n-datatype, Ed25519Signature2020 none', async () => {
    const documentLoader = createDocumentLoader();
    expect(await canonicalDocument('eddsa-rdfc-2022', doc, { documentLoader })).toBe(eddsa);
    await expect(canonicalDocument('Ed25519Signature2020', doc, { documentLoader })).rejects.toThrow('Safe mode validation error');
    expect(await canonicalDocument('Ed25519Signature2020', plain, { documentLoader })).toBe(ed2020);
    expect(await canonicalDocument('eddsa-rdfc-2022', plain, { documentLoader })).toBe(ed2020);
  });
  it('hashProofData hashes both canonical forms in that mode when no canonicalizer is given', async () => {
    const documentLoader = createDocumentLoader();
    const proof = { '@id': 'urn:p', name: 'p' };
    const h = await hashProofData('eddsa-rdfc-2022', doc, proof, { documentLoader });
    // the configuration gets the Data Integrity v2 context appended: an inline @vocab context does not have it
    expect(Buffer.from(h.subarray(32)).equals(sha(eddsa))).toBe(true);
    await expect(hashProofData('Ed25519Signature2020', doc, proof, { documentLoader })).rejects.toThrow('Safe mode validation error');
    const h20 = await hashProofData('Ed25519Signature2020', plain, proof, { documentLoader });
    expect(Buffer.from(h20.subarray(0, 32)).equals(sha('<urn:p> <https://example.org/name> "p"@ar .\n'))).toBe(true);
    expect(Buffer.from(h20.subarray(32)).equals(sha(ed2020))).toBe(true);
  });
  it('maxQuads bounds both canonicalizations (document and configuration); unset means the default bound', async () => {
    const documentLoader = createDocumentLoader();
    const two = { ...doc, other: 'o' };
    await expect(canonicalDocument('eddsa-rdfc-2022', two, { documentLoader, maxQuads: 1 })).rejects.toMatchObject({ code: 'ERR_INPUT_TOO_COMPLEX' });
    await expect(hashProofData('Ed25519Signature2020', plain, { '@id': 'urn:p', a: '1', b: '2' }, { documentLoader, maxQuads: 1, canonicalDocument: Promise.resolve('') })).rejects.toMatchObject({ code: 'ERR_INPUT_TOO_COMPLEX' });
    expect((await hashProofData('Ed25519Signature2020', plain, { '@id': 'urn:p', a: '1', b: '2' }, { documentLoader, maxQuads: 2, canonicalDocument: Promise.resolve('') })).length).toBe(64);
    expect(await canonicalDocument('eddsa-rdfc-2022', two, { documentLoader, maxQuads: 2 })).toContain('"o"^^<https://www.w3.org/ns/i18n#ar_rtl>');
  });
});

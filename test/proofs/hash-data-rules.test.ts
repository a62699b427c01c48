// Rule tests for src/proofs/hash-data.ts (mutation area `proofs-hash`): hand-made documents and a stub canonicalizer,
// no jsonld, so a mutant runs in milliseconds. vc-di-eddsa v1.0 §3.3.4: "Let hashData be the result of concatenating
// proofConfigHash (the first hash produced above) followed by transformedDocumentHash (the second hash produced above)".
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalDocument, hashProofData, missingSuiteContext, proofConfiguration } from '../../src/proofs/hash-data.js';

const VC2 = 'https://www.w3.org/ns/credentials/v2';
const DI2 = 'https://w3id.org/security/data-integrity/v2';
const ED20 = 'https://w3id.org/security/suites/ed25519-2020/v1';
const V1 = 'https://www.w3.org/2018/credentials/v1';
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
  const sha = (s: string) => createHash('sha256').update(s, 'utf8').digest();
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

// @ts-nocheck
// Rule tests for the proof suites (mutation area `proofs-suites`): src/proofs/ecdsa.ts (ecdsa-rdfc-2019 /
// ecdsa-jcs-2019), src/proofs/suites.ts (eddsa-rdfc-2022, eddsa-jcs-2022, Ed25519Signature2020), sign-proof.ts and
// verify-proof.ts. No jsonld runs: the RDF canonicalizers are stubs that record what they are given (boundedCanonize,
// the eddsa-rdfc-2022 cryptosuite's canonize, hashProofData), and JCS documents are plain ASCII with integer values,
// whose RFC 8785 form is JSON with sorted keys. Keys are node:crypto keys generated here; expected hashes and
// signatures are computed with node:crypto, never by the code under test.
// vc-di-ecdsa §3.3.4 / §3.4.4 "Hashing": "If the curve is P-256 … SHA-256 … If the curve is P-384 … SHA-384";
// hashData = hash(canonicalProofConfig) ‖ hash(canonicalDocument).
import { createHash, generateKeyPairSync, sign as nodeSign, verify as nodeVerify, type KeyObject } from 'node:crypto';
import { base58, base64urlnopad } from '@scure/base';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const h = vi.hoisted(() => ({
  bounded: [] as { input: any; options: Record<string, any>; budget: unknown }[],
  eddsa: [] as { input: any; options: Record<string, any> }[],
  hashed: [] as { kind: string; document: any; proof: any; opts: any }[],
}));
vi.mock('../../src/proofs/common.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/proofs/common.js')>()),
  boundedCanonize: async (input: unknown, options: Record<string, any>, budget?: unknown) => {
    h.bounded.push({ input: structuredClone(input), options, budget });
    return `C14N ${JSON.stringify(input)}`;
  },
}));
vi.mock('@digitalbazaar/eddsa-rdfc-2022-cryptosuite', async (importOriginal) => {
  const m = await importOriginal<typeof import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite')>();
  return {
    cryptosuite: {
      ...m.cryptosuite,
      canonize: async (input: unknown, options: Record<string, any>) => {
        h.eddsa.push({ input, options });
        return `EDDSA ${JSON.stringify(input)}`;
      },
    },
  };
});
vi.mock('../../src/proofs/hash-data.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/proofs/hash-data.js')>()),
  hashProofData: async (kind: string, document: unknown, proof: unknown, opts: unknown) => {
    h.hashed.push({ kind, document: structuredClone(document), proof: structuredClone(proof), opts });
    return Uint8Array.from({ length: 64 }, (_, i) => i);
  },
}));

import { ECDSA_CRYPTOSUITES, createEcdsaSigningSuite, createEcdsaVerifyingSuite, ecdsaKeyOf } from '../../src/proofs/ecdsa.js';
import * as ecdsaVerify from '../../src/proofs/ecdsa-verify.js';
import * as suites from '../../src/proofs/suites.js';
import * as suitesVerify from '../../src/proofs/suites-verify.js';
import { PRE_EXPANDED } from '../../src/proofs/common.js';
import { CANONIZE_MAX_WORK_FACTOR } from '../../src/proofs/canonize.js';
import { signProof, signerFunction } from '../../src/proofs/sign-proof.js';
import { signatureOf, verifyProofSignature } from '../../src/proofs/verify-proof.js';

const VC2 = 'https://www.w3.org/ns/credentials/v2';
const V1 = 'https://www.w3.org/2018/credentials/v1';
const DI2 = 'https://w3id.org/security/data-integrity/v2';
const ED20 = 'https://w3id.org/security/suites/ed25519-2020/v1';
const VMID = 'did:example:issuer#key-1';

const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
const ed = generateKeyPairSync('ed25519');
const raw = (s: string) => Buffer.from(s, 'base64url');
const jwk = (k: KeyObject) => k.export({ format: 'jwk' }) as { x: string; y: string };
const compressed = (k: KeyObject) => Uint8Array.from([2 + (raw(jwk(k).y).at(-1)! & 1), ...raw(jwk(k).x)]);
const P256_MB = `z${base58.encode(Uint8Array.from([0x80, 0x24, ...compressed(p256.publicKey)]))}`;
const P384_MB = `z${base58.encode(Uint8Array.from([0x81, 0x24, ...compressed(p384.publicKey)]))}`;
const ED_X = raw(jwk(ed.publicKey).x);
const ED_MB = `z${base58.encode(Uint8Array.from([0xed, 0x01, ...ED_X]))}`;
const SEED = (ed.privateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer).subarray(-32);
const ED_KEY = { id: VMID, controller: 'did:example:issuer', type: 'Multikey' as const, publicKeyMultibase: ED_MB, secretKeyMultibase: `z${base58.encode(Uint8Array.from([0x80, 0x26, ...SEED]))}` };

const sha = (alg: 'sha256' | 'sha384', s: string) => createHash(alg).update(s, 'utf8').digest();
const cat = (a: Buffer, b: Buffer) => Uint8Array.from([...a, ...b]);
/** RFC 8785 for ASCII strings and integers: sorted keys, no blanks. */
const jcs = (v: unknown): string => JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));
const ecSigner = (curve: 'P-256' | 'P-384', id = VMID) => ({
  id,
  algorithm: curve,
  sign: async (data: Uint8Array) => new Uint8Array(nodeSign(curve === 'P-256' ? 'sha256' : 'sha384', data, { key: (curve === 'P-256' ? p256 : p384).privateKey, dsaEncoding: 'ieee-p1363' })),
});
const ecVerifies = (curve: 'P-256' | 'P-384', data: Uint8Array, sig: Uint8Array) =>
  nodeVerify(curve === 'P-256' ? 'sha256' : 'sha384', data, { key: (curve === 'P-256' ? p256 : p384).publicKey, dsaEncoding: 'ieee-p1363' }, sig);
const purpose = { update: async (p: Record<string, unknown>) => ({ ...p, proofPurpose: 'assertionMethod' }) };
const loaderOf = (vm: unknown) => async (url: string) => {
  if (url === VMID) return { document: vm, documentUrl: url };
  throw new Error(`nothing at ${url}`);
};
const DOC = { '@context': [VC2], id: 'urn:x', name: 'doc' };

beforeEach(() => {
  h.bounded.length = 0;
  h.eddsa.length = 0;
  h.hashed.length = 0;
});

describe('ecdsaKeyOf', () => {
  it('a Multikey: the curve and the compressed point', () => {
    expect(ecdsaKeyOf({ publicKeyMultibase: P256_MB })).toEqual({ curve: 'P-256', publicKey: compressed(p256.publicKey) });
    expect(ecdsaKeyOf({ publicKeyMultibase: P384_MB })).toEqual({ curve: 'P-384', publicKey: compressed(p384.publicKey) });
  });
  it('an EC JsonWebKey', () => {
    expect(ecdsaKeyOf({ publicKeyJwk: { kty: 'EC', crv: 'P-256', ...jwk(p256.publicKey) } })).toEqual({ curve: 'P-256', publicKey: compressed(p256.publicKey) });
    // the multibase wins over the jwk
    expect(ecdsaKeyOf({ publicKeyMultibase: P384_MB, publicKeyJwk: { kty: 'EC', crv: 'P-256', ...jwk(p256.publicKey) } }).curve).toBe('P-384');
  });
  it('no P-256 / P-384 key is an error', () => {
    const msg = 'the verification method has no P-256 or P-384 public key';
    expect(() => ecdsaKeyOf({})).toThrow(msg);
    expect(() => ecdsaKeyOf({ publicKeyJwk: 'x' })).toThrow(msg);
    expect(() => ecdsaKeyOf({ publicKeyJwk: null })).toThrow(msg);
    expect(() => ecdsaKeyOf({ publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x: 'AA' } })).toThrow(msg);
    expect(() => ecdsaKeyOf({ publicKeyMultibase: 5, publicKeyJwk: { kty: 'EC', crv: 'P-256', ...jwk(p256.publicKey) } })).not.toThrow();
  });
  it('the two ECDSA cryptosuite names', () => {
    expect(ECDSA_CRYPTOSUITES).toEqual(['ecdsa-rdfc-2019', 'ecdsa-jcs-2019']);
    expect(ecdsaVerify.createEcdsaVerifyingSuite).toBe(createEcdsaVerifyingSuite);
    expect(Object.keys(ecdsaVerify)).toEqual(['createEcdsaVerifyingSuite']);
  });
});

describe('ecdsa-jcs-2019 (vc-di-ecdsa §3.4)', () => {
  it('signing: proof.@context = document.@context (§3.4.2); hashData = SHA-256(JCS(config)) ‖ SHA-256(JCS(document)), ECDSA-signed', async () => {
    const suite = createEcdsaSigningSuite('ecdsa-jcs-2019', ecSigner('P-256'), '2026-01-01T00:00:00Z');
    expect(suite.cryptosuite).toBe('ecdsa-jcs-2019');
    expect(suite.verificationMethod).toBe(VMID);
    expect(suite._cryptosuite.requiredAlgorithm).toEqual(['P-256', 'P-384']);
    const proof = await suite.createProof({ document: DOC, purpose, proofSet: [], documentLoader: loaderOf(undefined) });
    const { proofValue, ...config } = proof;
    expect(config).toEqual({ type: 'DataIntegrityProof', created: '2026-01-01T00:00:00Z', verificationMethod: VMID, cryptosuite: 'ecdsa-jcs-2019', proofPurpose: 'assertionMethod', '@context': [VC2] });
    expect(proofValue[0]).toBe('z');
    const data = cat(sha('sha256', jcs(config)), sha('sha256', jcs(DOC)));
    expect(ecVerifies('P-256', data, base58.decode(proofValue.slice(1)))).toBe(true);
    expect(h.bounded).toEqual([]);
  });
  it('signing with P-384 hashes with SHA-384; a document without @context gives a proof without one', async () => {
    const doc = { id: 'urn:y', n: 1 };
    const suite = createEcdsaSigningSuite('ecdsa-jcs-2019', ecSigner('P-384'), '2026-01-01T00:00:00Z');
    const proof = await suite.createProof({ document: doc, purpose, proofSet: [], documentLoader: loaderOf(undefined) });
    const { proofValue, ...config } = proof;
    expect('@context' in config).toBe(false);
    const data = cat(sha('sha384', jcs(config)), sha('sha384', jcs(doc)));
    expect(ecVerifies('P-384', data, base58.decode(proofValue.slice(1)))).toBe(true);
  });
  it('verifying: the signature over the same hashData, with the verification method curve (Multikey or JWK)', async () => {
    for (const [curve, vm] of [
      ['P-256', { id: VMID, type: 'Multikey', publicKeyMultibase: P256_MB }],
      ['P-384', { id: VMID, type: 'Multikey', publicKeyMultibase: P384_MB }],
      ['P-256', { id: VMID, type: 'JsonWebKey', publicKeyJwk: { kty: 'EC', crv: 'P-256', ...jwk(p256.publicKey) } }],
    ] as const) {
      const proof = await createEcdsaSigningSuite('ecdsa-jcs-2019', ecSigner(curve)).createProof({ document: DOC, purpose, proofSet: [], documentLoader: loaderOf(vm) });
      const verifying = createEcdsaVerifyingSuite('ecdsa-jcs-2019');
      expect(await verifying.verifyProof({ proof, document: structuredClone(DOC), documentLoader: loaderOf(vm) })).toEqual({ verified: true, verificationMethod: vm });
      const tampered = await verifying.verifyProof({ proof, document: { ...DOC, name: 'other' }, documentLoader: loaderOf(vm) });
      expect(tampered.verified).toBe(false);
      expect(tampered.error.message).toBe('Invalid signature.');
    }
  });
  it('verifying: the verifier is the verification method key, with its curve as algorithm', async () => {
    const suite = createEcdsaVerifyingSuite('ecdsa-jcs-2019');
    const v = await suite.createVerifier({ verificationMethod: { id: VMID, publicKeyMultibase: P384_MB } });
    expect(v.id).toBe(VMID);
    expect(v.algorithm).toBe('P-384');
    const data = new Uint8Array([1, 2, 3]);
    expect(await v.verify({ data, signature: await ecSigner('P-384').sign(data) })).toBe(true);
    expect(await v.verify({ data: new Uint8Array([1, 2, 4]), signature: await ecSigner('P-384').sign(data) })).toBe(false);
  });
  it('verifying (§3.4.3): the document @context must start with the proof @context, and is replaced by it', async () => {
    const vm = { id: VMID, publicKeyMultibase: P256_MB };
    const suite = createEcdsaVerifyingSuite('ecdsa-jcs-2019');
    const doc = { '@context': [VC2, 'https://example.org/extra'], id: 'urn:x' };
    const proof = { type: 'DataIntegrityProof', cryptosuite: 'ecdsa-jcs-2019', verificationMethod: VMID, '@context': [VC2] };
    const signedOver = { ...doc, '@context': [VC2] };
    const expected = cat(sha('sha256', jcs(proof)), sha('sha256', jcs(signedOver)));
    const got = await suite._cryptosuite.createVerifyData({ document: structuredClone(doc), proof: { ...proof, proofValue: 'zX' }, dataIntegrityProof: suite, verificationMethod: vm });
    expect(Buffer.from(got).toString('hex')).toBe(Buffer.from(expected).toString('hex'));
    // a string @context on both sides
    const s = await suite._cryptosuite.createVerifyData({ document: { '@context': VC2, id: 'urn:x' }, proof: { ...proof, '@context': VC2 }, dataIntegrityProof: suite, verificationMethod: vm });
    expect(Buffer.from(s).toString('hex')).toBe(Buffer.from(cat(sha('sha256', jcs({ ...proof, '@context': VC2 })), sha('sha256', jcs({ '@context': VC2, id: 'urn:x' })))).toString('hex'));
    // a proof without @context: the document is hashed as it is
    const { '@context': _c, ...bare } = proof;
    const b = await suite._cryptosuite.createVerifyData({ document: structuredClone(doc), proof: bare, dataIntegrityProof: suite, verificationMethod: vm });
    expect(Buffer.from(b).toString('hex')).toBe(Buffer.from(cat(sha('sha256', jcs(bare)), sha('sha256', jcs(doc)))).toString('hex'));
    const msg = 'document.@context does not start with proof.@context';
    await expect(suite._cryptosuite.createVerifyData({ document: { ...doc, '@context': ['https://example.org/extra', VC2] }, proof, dataIntegrityProof: suite, verificationMethod: vm })).rejects.toThrow(msg);
    await expect(suite._cryptosuite.createVerifyData({ document: { ...doc, '@context': [VC2] }, proof: { ...proof, '@context': [VC2, V1] }, dataIntegrityProof: suite, verificationMethod: vm })).rejects.toThrow(msg);
    await expect(suite._cryptosuite.createVerifyData({ document: { id: 'urn:x' }, proof, dataIntegrityProof: suite, verificationMethod: vm })).rejects.toThrow(msg);
    // a string proof @context is one entry, compared with the document's first
    await expect(suite._cryptosuite.createVerifyData({ document: { ...doc }, proof: { ...proof, '@context': V1 }, dataIntegrityProof: suite, verificationMethod: vm })).rejects.toThrow(msg);
    // objects compare by their JSON
    const inline = { '@vocab': 'https://example.org/#' };
    await expect(suite._cryptosuite.createVerifyData({ document: { '@context': [VC2, { ...inline }] }, proof: { ...proof, '@context': [VC2, inline] }, dataIntegrityProof: suite, verificationMethod: vm })).resolves.toHaveLength(64);
  });
  it('signing without a P-256 / P-384 signer algorithm fails', async () => {
    const suite = createEcdsaVerifyingSuite('ecdsa-jcs-2019');
    const msg = 'an ecdsa cryptosuite needs a P-256 or P-384 key';
    await expect(suite._cryptosuite.createVerifyData({ document: DOC, proof: {}, dataIntegrityProof: { signer: { algorithm: 'Ed25519' } } })).rejects.toThrow(msg);
    await expect(suite._cryptosuite.createVerifyData({ document: DOC, proof: {}, dataIntegrityProof: {} })).rejects.toThrow(msg);
    await expect(suite._cryptosuite.createVerifyData({ document: DOC, proof: {}, dataIntegrityProof: undefined })).rejects.toThrow(msg);
    // JOSE names are accepted as the signer's algorithm: ES384 hashes with SHA-384
    const d = await suite._cryptosuite.createVerifyData({ document: { a: 1 }, proof: {}, dataIntegrityProof: { signer: { algorithm: 'ES384' } } });
    expect(Buffer.from(d).toString('hex')).toBe(Buffer.from(cat(sha('sha384', '{}'), sha('sha384', '{"a":1}'))).toString('hex'));
    const e = await suite._cryptosuite.createVerifyData({ document: { a: 1 }, proof: {}, dataIntegrityProof: { signer: { algorithm: 'P-256' } } });
    expect(Buffer.from(e).toString('hex')).toBe(Buffer.from(cat(sha('sha256', '{}'), sha('sha256', '{"a":1}'))).toString('hex'));
  });
  it('the signing suite: signer id / algorithm (normalized), date pinned or not set', async () => {
    const s = createEcdsaSigningSuite('ecdsa-jcs-2019', { ...ecSigner('P-256'), algorithm: 'ES256' }, '2026-01-01T00:00:00Z');
    expect(s.signer.id).toBe(VMID);
    expect(s.signer.algorithm).toBe('P-256');
    expect(s.date).toEqual(new Date('2026-01-01T00:00:00Z'));
    expect(createEcdsaSigningSuite('ecdsa-jcs-2019', ecSigner('P-256')).date).toBeUndefined();
    expect(createEcdsaSigningSuite('ecdsa-rdfc-2019', ecSigner('P-256')).cryptosuite).toBe('ecdsa-rdfc-2019');
  });
  it('the signer is called with a time bound (call options)', async () => {
    const hang = { id: VMID, algorithm: 'P-256', sign: () => new Promise<Uint8Array>(() => {}) };
    const s = createEcdsaSigningSuite('ecdsa-jcs-2019', hang, '2026-01-01T00:00:00Z', { timeoutMs: 10 });
    await expect(s.signer.sign({ data: new Uint8Array([1]) })).rejects.toMatchObject({ code: 'ERR_SIGNER_TIMEOUT', message: `signer ${VMID} did not answer within 10 ms` });
  });
});

describe('ecdsa-rdfc-2019 (vc-di-ecdsa §3.3), canonicalizer stubbed', () => {
  const budget = { cache: new Map(), maxQuads: 7 };
  it('the proof configuration under the document @context (DI v2 added when neither it nor VC 2.0 is there), without proofValue', async () => {
    const suite = createEcdsaVerifyingSuite('ecdsa-rdfc-2019', budget);
    expect(suite.cryptosuite).toBe('ecdsa-rdfc-2019');
    expect(suite._cryptosuite.requiredAlgorithm).toEqual(['P-256', 'P-384']);
    const loader = loaderOf(undefined);
    const doc = { '@context': [V1], id: 'urn:x' };
    const proof = { type: 'DataIntegrityProof', cryptosuite: 'ecdsa-rdfc-2019', proofValue: 'zX' };
    const data = await suite._cryptosuite.createVerifyData({ document: doc, proof, documentLoader: loader, dataIntegrityProof: suite, verificationMethod: { publicKeyMultibase: P256_MB } });
    const config = { '@context': [V1, DI2], type: 'DataIntegrityProof', cryptosuite: 'ecdsa-rdfc-2019' };
    const opts = { documentLoader: loader, safe: true, base: null, skipExpansion: false, messageDigestAlgorithm: 'SHA-256' };
    expect(h.bounded).toEqual([
      { input: config, options: opts, budget },
      { input: doc, options: opts, budget },
    ]);
    expect(Buffer.from(data).toString('hex')).toBe(Buffer.from(cat(sha('sha256', `C14N ${JSON.stringify(config)}`), sha('sha256', `C14N ${JSON.stringify(doc)}`))).toString('hex'));
    expect(proof.proofValue).toBe('zX');
  });
  it('P-384: SHA-384 for RDFC-1.0 and for the hashes; a VC 2.0 context needs no DI v2', async () => {
    const suite = createEcdsaVerifyingSuite('ecdsa-rdfc-2019');
    const doc = { '@context': [VC2], id: 'urn:x' };
    const data = await suite._cryptosuite.createVerifyData({ document: doc, proof: { type: 'DataIntegrityProof' }, documentLoader: undefined, dataIntegrityProof: suite, verificationMethod: { publicKeyMultibase: P384_MB } });
    const config = { '@context': [VC2], type: 'DataIntegrityProof' };
    expect(h.bounded.map((b) => [b.input, b.options.messageDigestAlgorithm, b.budget])).toEqual([[config, 'SHA-384', undefined], [doc, 'SHA-384', undefined]]);
    expect(Buffer.from(data).toString('hex')).toBe(Buffer.from(cat(sha('sha384', `C14N ${JSON.stringify(config)}`), sha('sha384', `C14N ${JSON.stringify(doc)}`))).toString('hex'));
  });
  it('the suite canonize is the bounded one, with the budget', async () => {
    const suite = createEcdsaVerifyingSuite('ecdsa-rdfc-2019', budget);
    expect(await suite.canonize({ a: 1 }, { x: 1 })).toBe('C14N {"a":1}');
    expect(h.bounded).toEqual([{ input: { a: 1 }, options: { x: 1 }, budget }]);
  });
  it('sign and verify round trip (stub canonicalizer), P-256', async () => {
    const vm = { id: VMID, publicKeyMultibase: P256_MB };
    const proof = await createEcdsaSigningSuite('ecdsa-rdfc-2019', ecSigner('P-256'), '2026-01-01T00:00:00Z').createProof({ document: DOC, purpose, proofSet: [], documentLoader: loaderOf(vm) });
    expect(h.bounded.every((b) => b.budget === undefined)).toBe(true);
    const { proofValue, ...rest } = proof;
    expect(rest).toEqual({ type: 'DataIntegrityProof', created: '2026-01-01T00:00:00Z', verificationMethod: VMID, cryptosuite: 'ecdsa-rdfc-2019', proofPurpose: 'assertionMethod' });
    const config = { '@context': [VC2], ...rest };
    expect(ecVerifies('P-256', cat(sha('sha256', `C14N ${JSON.stringify(config)}`), sha('sha256', `C14N ${JSON.stringify(DOC)}`)), base58.decode(proofValue.slice(1)))).toBe(true);
    expect((await createEcdsaVerifyingSuite('ecdsa-rdfc-2019').verifyProof({ proof, document: DOC, documentLoader: loaderOf(vm) })).verified).toBe(true);
    expect((await createEcdsaVerifyingSuite('ecdsa-rdfc-2019').verifyProof({ proof, document: { ...DOC, id: 'urn:z' }, documentLoader: loaderOf(vm) })).verified).toBe(false);
    const v = await createEcdsaVerifyingSuite('ecdsa-rdfc-2019').createVerifier({ verificationMethod: vm });
    expect([v.id, v.algorithm]).toEqual([VMID, 'P-256']);
  });
});

describe('suites.ts: eddsa-rdfc-2022 (jsonld-signatures), eddsa-jcs-2022, Ed25519Signature2020', () => {
  const edSig = (d: Uint8Array) => new Uint8Array(nodeSign(null, d, ed.privateKey));
  it('the re-exports and the verifying chunk', () => {
    expect(suites.CANONIZE_MAX_WORK_FACTOR).toBe(CANONIZE_MAX_WORK_FACTOR);
    expect(suites.PRE_EXPANDED).toBe(PRE_EXPANDED);
    expect(suites.CRYPTOSUITES).toEqual(['eddsa-rdfc-2022', 'eddsa-jcs-2022', 'ecdsa-rdfc-2019', 'ecdsa-jcs-2019']);
    expect(Object.keys(suitesVerify).sort()).toEqual(['createEd2020VerifyingSuite', 'createEddsaVerifyingSuite', 'createJcsVerifyingSuite']);
    expect(suitesVerify.createEddsaVerifyingSuite).toBe(suites.createEddsaVerifyingSuite);
  });
  it('diSignerOf: a Signer as it is (bounded), a KeyPair wrapped; Ed25519 signatures as node:crypto makes them', async () => {
    const data = new Uint8Array([9, 8, 7]);
    const fromKey = suites.diSignerOf(ED_KEY);
    expect([fromKey.id, fromKey.algorithm]).toEqual([VMID, 'Ed25519']);
    expect(Buffer.from(await fromKey.sign({ data })).toString('hex')).toBe(Buffer.from(edSig(data)).toString('hex'));
    const ext = { id: 'did:example:s#1', algorithm: 'EdDSA', sign: async (d: Uint8Array) => edSig(d) };
    const fromSigner = suites.diSignerOf(ext);
    expect([fromSigner.id, fromSigner.algorithm]).toEqual(['did:example:s#1', 'Ed25519']);
    expect(Buffer.from(await fromSigner.sign({ data })).toString('hex')).toBe(Buffer.from(edSig(data)).toString('hex'));
    const hang = { id: 'did:example:s#1', algorithm: 'Ed25519', sign: () => new Promise<Uint8Array>(() => {}) };
    await expect(suites.diSignerOf(hang, { timeoutMs: 5 }).sign({ data })).rejects.toMatchObject({ code: 'ERR_SIGNER_TIMEOUT' });
  });
  it('eddsa-rdfc-2022 signing: canonize with the bounded work factor; a pre-expanded input is canonized from its (cloned) expansion', async () => {
    const suite = suites.createEddsaSigningSuite(ED_KEY, '2026-01-01T00:00:00Z');
    expect(suite.cryptosuite).toBe('eddsa-rdfc-2022');
    expect(suite.verificationMethod).toBe(VMID);
    expect(suite.date).toEqual(new Date('2026-01-01T00:00:00Z'));
    expect(suites.createEddsaSigningSuite(ED_KEY).date).toBeUndefined();
    expect(await suite.canonize({ a: 1 }, { base: null })).toBe('EDDSA {"a":1}');
    expect(h.eddsa).toEqual([{ input: { a: 1 }, options: { base: null, maxWorkFactor: CANONIZE_MAX_WORK_FACTOR } }]);
    h.eddsa.length = 0;
    const pre = [{ '@id': 'urn:x' }];
    expect(await suite.canonize({ a: 1, [PRE_EXPANDED]: pre }, { base: null, skipExpansion: false })).toBe('EDDSA [{"@id":"urn:x"}]');
    expect(h.eddsa[0]!.options).toEqual({ base: null, skipExpansion: true, maxWorkFactor: CANONIZE_MAX_WORK_FACTOR });
    expect(h.eddsa[0]!.input).toEqual(pre);
    expect(h.eddsa[0]!.input).not.toBe(pre);
    h.eddsa.length = 0;
    await suite.canonize({ a: 1, [PRE_EXPANDED]: 'not an array' }, {});
    expect(h.eddsa[0]!.input).toEqual({ a: 1, [PRE_EXPANDED]: 'not an array' });
    expect(h.eddsa[0]!.options).toEqual({ maxWorkFactor: CANONIZE_MAX_WORK_FACTOR });
    h.eddsa.length = 0;
    await suite.canonize('text', {});
    await suite.canonize(null, {});
    expect(h.eddsa.map((e) => e.input)).toEqual(['text', null]);
  });
  it('eddsa-rdfc-2022 sign and verify (stub canonicalizers): the proof value is an Ed25519 signature over SHA-256(config) ‖ SHA-256(document)', async () => {
    const vm = { id: VMID, type: 'Multikey', publicKeyMultibase: ED_MB };
    const proof = await suites.createEddsaSigningSuite(ED_KEY, '2026-01-01T00:00:00Z').createProof({ document: DOC, purpose, proofSet: [], documentLoader: loaderOf(vm) });
    const { proofValue, ...rest } = proof;
    const config = { '@context': [VC2], ...rest };
    const data = cat(sha('sha256', `EDDSA ${JSON.stringify(config)}`), sha('sha256', `EDDSA ${JSON.stringify(DOC)}`));
    expect(nodeVerify(null, data, ed.publicKey, base58.decode(proofValue.slice(1)))).toBe(true);
    // verifying canonicalizes through boundedCanonize with the budget
    const budget = { cache: new Map(), maxQuads: 3 };
    const verifying = suites.createEddsaVerifyingSuite(budget);
    expect(await verifying.canonize({ b: 2 }, { y: 1 })).toBe('C14N {"b":2}');
    expect(h.bounded).toEqual([{ input: { b: 2 }, options: { y: 1 }, budget }]);
    const v = await verifying.createVerifier({ verificationMethod: vm });
    expect([v.id, v.algorithm]).toEqual([VMID, 'Ed25519']);
    expect(await v.verify({ data, signature: base58.decode(proofValue.slice(1)) })).toBe(true);
    expect(await v.verify({ data: data.slice(1), signature: base58.decode(proofValue.slice(1)) })).toBe(false);
    expect(verifying.cryptosuite).toBe('eddsa-rdfc-2022');
  });
  it('the signing cryptosuite verifies with our Ed25519 module too', async () => {
    const s = suites.createEddsaSigningSuite(ED_KEY);
    const v = await s.createVerifier({ verificationMethod: { id: VMID, publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x: jwk(ed.publicKey).x } } });
    const data = new Uint8Array([1]);
    expect([v.id, v.algorithm]).toEqual([VMID, 'Ed25519']);
    expect(await v.verify({ data, signature: edSig(data) })).toBe(true);
  });
  it('eddsa-jcs-2022: signing suite and verifying suite (signature checked by our Ed25519 module)', async () => {
    const vm = { id: VMID, type: 'Multikey', publicKeyMultibase: ED_MB };
    const s = suites.createJcsSigningSuite(ED_KEY, '2026-01-01T00:00:00Z');
    expect([s.cryptosuite, s.verificationMethod]).toEqual(['eddsa-jcs-2022', VMID]);
    expect(s.date).toEqual(new Date('2026-01-01T00:00:00Z'));
    expect(suites.createJcsSigningSuite(ED_KEY).date).toBeUndefined();
    const v = suites.createJcsVerifyingSuite();
    expect(v.cryptosuite).toBe('eddsa-jcs-2022');
    const verifier = await v.createVerifier({ verificationMethod: vm });
    const data = new Uint8Array([4, 5]);
    expect([verifier.id, verifier.algorithm]).toEqual([VMID, 'Ed25519']);
    expect(await verifier.verify({ data, signature: edSig(data) })).toBe(true);
    expect(await verifier.verify({ data, signature: edSig(new Uint8Array([4])) })).toBe(false);
    const hang = { id: VMID, algorithm: 'Ed25519', sign: () => new Promise<Uint8Array>(() => {}) };
    await expect(suites.createJcsSigningSuite(hang, undefined, { timeoutMs: 5 }).signer.sign({ data })).rejects.toMatchObject({ code: 'ERR_SIGNER_TIMEOUT' });
    await expect(suites.createEddsaSigningSuite(hang, undefined, { timeoutMs: 5 }).signer.sign({ data })).rejects.toMatchObject({ code: 'ERR_SIGNER_TIMEOUT' });
  });
  it('createDataIntegritySigningSuite picks by cryptosuite name (date and call passed on)', async () => {
    const j = suites.createDataIntegritySigningSuite('eddsa-jcs-2022', ED_KEY, '2026-01-01T00:00:00Z');
    expect([j.cryptosuite, j.date?.toISOString()]).toEqual(['eddsa-jcs-2022', '2026-01-01T00:00:00.000Z']);
    const r = suites.createDataIntegritySigningSuite('eddsa-rdfc-2022', ED_KEY, '2026-02-01T00:00:00Z');
    expect([r.cryptosuite, r.date?.toISOString()]).toEqual(['eddsa-rdfc-2022', '2026-02-01T00:00:00.000Z']);
    const hang = { id: VMID, algorithm: 'Ed25519', sign: () => new Promise<Uint8Array>(() => {}) };
    await expect(suites.createDataIntegritySigningSuite('eddsa-jcs-2022', hang, undefined, { timeoutMs: 5 }).signer.sign({ data: new Uint8Array([1]) })).rejects.toMatchObject({ code: 'ERR_SIGNER_TIMEOUT', message: `signer ${VMID} did not answer within 5 ms` });
    await expect(suites.createDataIntegritySigningSuite('eddsa-rdfc-2022', hang, undefined, { timeoutMs: 5 }).signer.sign({ data: new Uint8Array([1]) })).rejects.toMatchObject({ code: 'ERR_SIGNER_TIMEOUT', message: `signer ${VMID} did not answer within 5 ms` });
  });
  it('Ed25519Signature2020 verifying: bounded canonize (safe, base null, no rdfDirection) with the budget', async () => {
    const budget = { cache: new Map(), maxQuads: 5 };
    const suite = suites.createEd2020VerifyingSuite(budget);
    const loader = loaderOf(undefined);
    expect(await suite.canonize({ c: 3 }, { documentLoader: loader, skipExpansion: true, expansionMap: 'dropped' })).toBe('C14N {"c":3}');
    expect(h.bounded).toEqual([{ input: { c: 3 }, options: { documentLoader: loader, skipExpansion: true, base: null, safe: true, rdfDirection: undefined }, budget }]);
    expect(Object.keys(h.bounded[0]!.options)).toContain('rdfDirection');
    expect(suites.createEd2020VerifyingSuite().budget).toBeUndefined();
  });
  it('Ed25519Signature2020 verifySignature: a z-base58btc proofValue checked with the method key', async () => {
    const suite = suites.createEd2020VerifyingSuite();
    const vm = { id: VMID, publicKeyMultibase: ED_MB };
    const verifyData = new Uint8Array([1, 2, 3]);
    const pv = `z${base58.encode(edSig(verifyData))}`;
    expect(await suite.verifySignature({ verifyData, verificationMethod: vm, proof: { proofValue: pv } })).toBe(true);
    expect(await suite.verifySignature({ verifyData: new Uint8Array([1, 2]), verificationMethod: vm, proof: { proofValue: pv } })).toBe(false);
    const msg = 'The proof does not include a valid "proofValue" property.';
    await expect(suite.verifySignature({ verifyData, verificationMethod: vm, proof: { proofValue: `u${base58.encode(edSig(verifyData))}` } })).rejects.toThrow(msg);
    await expect(suite.verifySignature({ verifyData, verificationMethod: vm, proof: { proofValue: 5 } })).rejects.toThrow(msg);
    await expect(suite.verifySignature({ verifyData, verificationMethod: vm, proof: {} })).rejects.toThrow(msg);
    await expect(suite.verifySignature({ verifyData, verificationMethod: vm, proof: undefined })).rejects.toThrow(msg);
  });
  it('Ed25519Signature2020 signing suite: the key signer, date pinned', async () => {
    const s = suites.createEd2020SigningSuite(ED_KEY, '2026-01-01T00:00:00Z');
    expect(s.verificationMethod).toBe(VMID);
    expect(s.date).toEqual(new Date('2026-01-01T00:00:00Z'));
    expect(suites.createEd2020SigningSuite(ED_KEY).date).toBeUndefined();
    const data = new Uint8Array([3]);
    expect(Buffer.from(await s.signer.sign({ data })).toString('hex')).toBe(Buffer.from(edSig(data)).toString('hex'));
  });
});

describe('signProof (hashProofData stubbed: 64 bytes 0..63)', () => {
  const HASH = Uint8Array.from({ length: 64 }, (_, i) => i);
  const loader = loaderOf(undefined) as never;
  const created = '2026-01-01T00:00:00Z';
  it('eddsa-rdfc-2022 by default: the DataIntegrityProof in jsonld-signatures key order, the signature of hashData as z-base58btc', async () => {
    const signed: Uint8Array[] = [];
    const sign = async (d: Uint8Array) => {
      signed.push(d);
      return new Uint8Array([0, 0, 1, 2]);
    };
    const doc = { '@context': [VC2], id: 'urn:x' };
    const out = await signProof(doc, { sign, verificationMethod: VMID, created, documentLoader: loader });
    const proof = { type: 'DataIntegrityProof', created, verificationMethod: VMID, cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod' };
    expect(JSON.stringify(out)).toBe(JSON.stringify({ ...doc, proof: { ...proof, proofValue: `z${base58.encode(new Uint8Array([0, 0, 1, 2]))}` } }));
    // two zero bytes → "11"; 0x0102 = 258 = 4·58 + 26 → alphabet[4] alphabet[26] = "5T"
    expect((out.proof as { proofValue: string }).proofValue).toBe('z115T');
    expect(h.hashed).toEqual([{ kind: 'eddsa-rdfc-2022', document: doc, proof, opts: { documentLoader: loader } }]);
    expect(signed).toEqual([HASH]);
    expect(doc).toEqual({ '@context': [VC2], id: 'urn:x' });
  });
  it('the suite context is added when missing (array, string, absent); the document is not modified', async () => {
    const sign = async () => new Uint8Array([1]);
    const base = { sign, verificationMethod: VMID, created, documentLoader: loader };
    const a = { '@context': [V1], id: 'urn:x' };
    expect((await signProof(a, base))['@context']).toEqual([V1, DI2]);
    expect(a['@context']).toEqual([V1]);
    expect(h.hashed[0]!.document['@context']).toEqual([V1, DI2]);
    expect((await signProof({ '@context': V1 }, base))['@context']).toEqual([V1, DI2]);
    expect((await signProof({ id: 'urn:x' }, base))['@context']).toEqual([DI2]);
    expect((await signProof({ '@context': VC2 }, base))['@context']).toBe(VC2);
    expect((await signProof({ '@context': V1 }, { ...base, kind: 'Ed25519Signature2020' }))['@context']).toEqual([V1, ED20]);
  });
  it('Ed25519Signature2020: no cryptosuite; a custom proofPurpose', async () => {
    const out = await signProof({ '@context': [V1, ED20] }, { kind: 'Ed25519Signature2020', sign: async () => new Uint8Array([7]), verificationMethod: VMID, created, proofPurpose: 'authentication', documentLoader: loader });
    expect(JSON.stringify(out.proof)).toBe(JSON.stringify({ type: 'Ed25519Signature2020', created, verificationMethod: VMID, proofPurpose: 'authentication', proofValue: `z${base58.encode(new Uint8Array([7]))}` }));
    expect(h.hashed[0]!.kind).toBe('Ed25519Signature2020');
    const p = await signProof({ '@context': [VC2] }, { sign: async () => new Uint8Array([7]), verificationMethod: VMID, created, proofPurpose: 'authentication', documentLoader: loader });
    expect((p.proof as Record<string, unknown>).proofPurpose).toBe('authentication');
  });
  it('signerFunction: the KeyPair signs as node:crypto Ed25519 does', async () => {
    const data = new Uint8Array([5, 6, 7]);
    expect(Buffer.from(await signerFunction(ED_KEY)(data)).toString('hex')).toBe(nodeSign(null, data, ed.privateKey).toString('hex'));
  });
});

describe('verifyProofSignature / signatureOf (hashProofData stubbed: 64 bytes 0..63)', () => {
  const HASH = Uint8Array.from({ length: 64 }, (_, i) => i);
  const SIG = new Uint8Array(nodeSign(null, HASH, ed.privateKey));
  it('signatureOf: z = base58btc (both kinds), u = base64url only for Data Integrity; anything else undefined', () => {
    expect(signatureOf(`z${base58.encode(SIG)}`, 'eddsa-rdfc-2022')).toEqual(SIG);
    expect(signatureOf(`z${base58.encode(SIG)}`, 'Ed25519Signature2020')).toEqual(SIG);
    expect(signatureOf(`u${base64urlnopad.encode(SIG)}`, 'eddsa-rdfc-2022')).toEqual(SIG);
    expect(signatureOf(`u${base64urlnopad.encode(SIG)}`, 'Ed25519Signature2020')).toBeUndefined();
    expect(signatureOf(`m${base64urlnopad.encode(SIG)}`, 'eddsa-rdfc-2022')).toBeUndefined();
    expect(signatureOf('z0OIl', 'eddsa-rdfc-2022')).toBeUndefined();
    expect(signatureOf('u+/=', 'eddsa-rdfc-2022')).toBeUndefined();
    expect(signatureOf('z', 'eddsa-rdfc-2022')).toBeUndefined();
    expect(signatureOf('z2', 'eddsa-rdfc-2022')).toEqual(new Uint8Array([1]));
    expect(signatureOf(5, 'eddsa-rdfc-2022')).toBeUndefined();
    expect(signatureOf(undefined, 'eddsa-rdfc-2022')).toBeUndefined();
  });
  it('true for the Ed25519 signature of hashData; false for another signature or key; false without a signature (no hashing)', async () => {
    const pub = Uint8Array.from(ED_X);
    const loader = loaderOf(undefined) as never;
    const doc = { '@context': [VC2], id: 'urn:x' };
    const proof = { type: 'DataIntegrityProof', proofValue: `z${base58.encode(SIG)}` };
    const opts = { kind: 'eddsa-rdfc-2022' as const, publicKey: pub, documentLoader: loader, maxQuads: 9 };
    expect(await verifyProofSignature(doc, proof, opts)).toBe(true);
    expect(h.hashed).toEqual([{ kind: 'eddsa-rdfc-2022', document: doc, proof, opts }]);
    expect(await verifyProofSignature(doc, { ...proof, proofValue: `z${base58.encode(nodeSign(null, HASH.slice(1), ed.privateKey))}` }, opts)).toBe(false);
    const other = raw(jwk(generateKeyPairSync('ed25519').publicKey).x);
    expect(await verifyProofSignature(doc, proof, { ...opts, publicKey: Uint8Array.from(other) })).toBe(false);
    h.hashed.length = 0;
    expect(await verifyProofSignature(doc, { ...proof, proofValue: 'x' }, opts)).toBe(false);
    expect(await verifyProofSignature(doc, { ...proof, proofValue: `u${base64urlnopad.encode(SIG)}` }, { ...opts, kind: 'Ed25519Signature2020' })).toBe(false);
    expect(h.hashed).toEqual([]);
    expect(await verifyProofSignature(doc, { ...proof, proofValue: `u${base64urlnopad.encode(SIG)}` }, opts)).toBe(true);
  });
});

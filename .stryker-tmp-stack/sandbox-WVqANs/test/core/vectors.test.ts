// @ts-nocheck
// W3C vc-di-eddsa test vectors (eddsa-rdfc-2022 and Ed25519Signature2020), reproduced step by step at the proof
// level: the vectors' issuer (https://vc.example/issuers/5678) does not control the key, so the credential-level
// issuer check must fail while the proof verifies.
import { createHash } from 'node:crypto';
import jsigs from 'jsonld-signatures';
import * as vc from '@digitalbazaar/vc';
import { afterEach, describe, expect, it } from 'vitest';
import { cryptosuite as eddsa } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { createDocumentLoader, ed25519Sign, importKeyPair, setEd25519Backend, verifyCredential } from '../../src/index.js';
import { createEd2020SigningSuite, createEddsaSigningSuite } from '../../src/proofs/suites.js';
import { decodeSecretKeyMultibase, fromBase58btc } from '../../src/keys/multibase.js';
import { fixture } from '../helpers.js';

const EX = 'https://www.w3.org/ns/credentials/examples/v2';
const documents = { [EX]: fixture('vc-di-eddsa/examples-v2-context.json') };
const loader = createDocumentLoader({ documents });
const sha256hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const keyJson = fixture('vc-di-eddsa/keyPair.json');
const trim = (s: string) => s.replace(/\n+$/, '\n');

afterEach(() => setEd25519Backend(undefined));

describe('eddsa-rdfc-2022 vectors', () => {
  const unsigned = fixture('vc-di-eddsa/unsigned.json');
  const signed = fixture('vc-di-eddsa/eddsa-rdfc-2022_signedDataInt.json');
  const proofConfig = fixture('vc-di-eddsa/eddsa-rdfc-2022_proofConfigDataInt.json');

  it('imports the published key pair (privateKeyMultibase → same public key)', () => {
    const key = importKeyPair(keyJson);
    expect(key.publicKeyMultibase).toBe('z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2');
    expect(key.id).toBe(proofConfig.verificationMethod);
  });

  it('reproduces the canonical document and its hash', async () => {
    const canon = await eddsa.canonize(unsigned, { documentLoader: loader });
    expect(canon).toBe(trim(fixture('vc-di-eddsa/eddsa-rdfc-2022_canonDocDataInt.txt')));
    expect(sha256hex(canon)).toBe(fixture('vc-di-eddsa/eddsa-rdfc-2022_docHashDataInt.txt').trim());
  });

  it('reproduces the canonical proof configuration and its hash', async () => {
    const canon = await eddsa.canonize(proofConfig, { documentLoader: loader });
    expect(canon).toBe(trim(fixture('vc-di-eddsa/eddsa-rdfc-2022_proofCanonDataInt.txt')));
    expect(sha256hex(canon)).toBe(fixture('vc-di-eddsa/eddsa-rdfc-2022_proofHashDataInt.txt').trim());
  });

  for (const backend of ['node', 'webcrypto', 'noble'] as const) {
    it(`signs the combined hash to the published signature (${backend})`, async () => {
      setEd25519Backend(backend);
      const combined = Buffer.from(fixture('vc-di-eddsa/eddsa-rdfc-2022_combinedHashDataInt.txt').trim(), 'hex');
      const sig = await ed25519Sign(decodeSecretKeyMultibase(keyJson.privateKeyMultibase), combined);
      expect(Buffer.from(sig).toString('hex')).toBe(fixture('vc-di-eddsa/eddsa-rdfc-2022_sigHexDataInt.txt').trim());
      expect(Buffer.from(fromBase58btc(signed.proof.proofValue)).toString('hex')).toBe(Buffer.from(sig).toString('hex'));
    });
  }

  it('our signing suite reproduces the published proof end to end', async () => {
    const key = importKeyPair(keyJson);
    const out = await jsigs.sign(structuredClone(unsigned), {
      suite: createEddsaSigningSuite(key, proofConfig.created),
      purpose: new jsigs.purposes.AssertionProofPurpose(),
      documentLoader: loader,
    });
    expect(out.proof).toEqual(signed.proof);
  });

  it('verifies the published credential at the proof level; the issuer check fails (issuer does not control the key)', async () => {
    const report = await verifyCredential(signed, { now: '2024-01-01T00:00:00Z', documents });
    const proof = report.checks.find((c) => c.id === 'proof');
    expect(proof?.status).toBe('passed');
    const issuer = report.checks.find((c) => c.id === 'issuer');
    expect(issuer).toMatchObject({ status: 'failed', code: 'ERR_ISSUER_KEY_MISMATCH' });
    expect(report.verified).toBe(false);
  });

  it('the plain @digitalbazaar/vc pipeline rejects it for the same reason (a real verifying suite, not an empty one)', async () => {
    const suite = new DataIntegrityProof({ cryptosuite: eddsa });
    const r = await vc.verifyCredential({ credential: signed, suite, documentLoader: loader });
    expect(r.verified).toBe(false);
    expect(r.results).toHaveLength(1);
    expect(r.results[0].error?.message).toBe('Credential issuer must match the verification method controller.');
    // the signature itself is good: with a purpose that does not tie the issuer to the key, the same suite verifies it
    const p = await jsigs.verify(structuredClone(signed), { suite, purpose: new jsigs.purposes.AssertionProofPurpose(), documentLoader: loader });
    expect(p.verified).toBe(true);
  });

  it('a flipped signature byte fails the proof', async () => {
    const bad = structuredClone(signed);
    const v = bad.proof.proofValue as string;
    bad.proof.proofValue = v.slice(0, 10) + (v[10] === 'a' ? 'b' : 'a') + v.slice(11);
    const report = await verifyCredential(bad, { now: '2024-01-01T00:00:00Z', documents });
    expect(report.checks.find((c) => c.id === 'proof')?.status).toBe('failed');
  });
});

describe('Ed25519Signature2020 vectors', () => {
  const signed = fixture('vc-di-eddsa/Ed25519Signature2020_signedEdSig.json');
  const proofConfig = fixture('vc-di-eddsa/Ed25519Signature2020_proofConfigEdSig.json');
  const unsigned = { ...signed, proof: undefined };
  delete (unsigned as any).proof;

  it('reproduces the canonical document, proof options and hashes', async () => {
    const canon = await eddsa.canonize(unsigned, { documentLoader: loader });
    expect(canon).toBe(trim(fixture('vc-di-eddsa/Ed25519Signature2020_canonDocEdSig.txt')));
    expect(sha256hex(canon)).toBe(fixture('vc-di-eddsa/Ed25519Signature2020_docHashEdSig.txt').trim());
    const pc = await eddsa.canonize(proofConfig, { documentLoader: loader });
    expect(pc).toBe(trim(fixture('vc-di-eddsa/Ed25519Signature2020_proofCanonEdSig.txt')));
    expect(sha256hex(pc)).toBe(fixture('vc-di-eddsa/Ed25519Signature2020_proofHashEdSig.txt').trim());
  });

  it('signs to the published proofValue', async () => {
    const key = importKeyPair(keyJson);
    const out = await jsigs.sign(structuredClone(unsigned), {
      suite: createEd2020SigningSuite(key, proofConfig.created),
      purpose: new jsigs.purposes.AssertionProofPurpose(),
      documentLoader: loader,
    });
    expect(out.proof.proofValue).toBe(fixture('vc-di-eddsa/Ed25519Signature2020_sigBTC58EdSig.txt').trim());
  });

  it('verifies the published credential at the proof level', async () => {
    const report = await verifyCredential(signed, { now: '2024-01-01T00:00:00Z', documents });
    expect(report.checks.find((c) => c.id === 'proof')).toMatchObject({ status: 'passed', target: 'Ed25519Signature2020' });
    expect(report.checks.find((c) => c.id === 'issuer')?.code).toBe('ERR_ISSUER_KEY_MISMATCH');
  });

  it('a changed claim fails the Ed25519Signature2020 proof', async () => {
    const bad = structuredClone(signed);
    bad.credentialSubject.alumniOf = 'Another School';
    const report = await verifyCredential(bad, { now: '2024-01-01T00:00:00Z', documents });
    expect(report.checks.find((c) => c.id === 'proof')).toMatchObject({ status: 'failed', code: 'ERR_PROOF_INVALID_SIGNATURE' });
  });
});

// @ts-nocheck
import { describe, expect, it } from 'vitest';
import * as vc from '@digitalbazaar/vc';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import { cryptosuite as dbEcdsaRdfc2019 } from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import { createSignCryptosuite as dbJcsSign, createVerifyCryptosuite as dbJcsVerify } from '@digitalbazaar/ecdsa-jcs-2019-cryptosuite';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import jsigs from 'jsonld-signatures';
import { createDocumentLoader, generateKeyPair, importKeyPair, exportKeyPair, issueCredential, resolveDidKey, signerFromCryptoKey, signerFromKeyPair, verifyCredential, SignerError, KeyError } from '../../src/index.js';
import { ISSUED, NOW, sampleCredential } from '../helpers.js';

const check = (r: any, id: string) => r.checks.find((c: any) => c.id === id);
const P256_SEED = Uint8Array.from({ length: 32 }, (_, i) => i + 1);

/** A loader that knows did:key (credstack's), for the Digital Bazaar verifier: resolves zDn… keys and their VMs. */
function dbLoader() {
  const base = createDocumentLoader();
  return async (url: string) => {
    if (url.startsWith('did:key:')) {
      const d = resolveDidKey(url);
      if (d) return { contextUrl: null, documentUrl: url, document: d };
    }
    return base(url);
  };
}

describe('P-256 Data Integrity (ecdsa-rdfc-2019 / ecdsa-jcs-2019)', () => {
  it('generates zDn… Multikey keys, did:key resolves them, import/export round trips', async () => {
    const key = await generateKeyPair({ algorithm: 'P-256', seed: P256_SEED });
    expect(key.publicKeyMultibase.startsWith('zDn')).toBe(true);
    expect(key.controller).toBe(`did:key:${key.publicKeyMultibase}`);
    expect(JSON.stringify(key)).not.toContain('secret');
    const back = importKeyPair(exportKeyPair(key, { includeSecret: true }));
    expect(back.publicKeyMultibase).toBe(key.publicKeyMultibase);
    expect(back.secretKeyMultibase).toBe(key.secretKeyMultibase);
    const doc = resolveDidKey(key.controller) as any;
    expect(doc.assertionMethod).toEqual([key.id]);
    const other = await generateKeyPair({ algorithm: 'P-256' });
    expect(() => importKeyPair({ type: 'Multikey', publicKeyMultibase: other.publicKeyMultibase, secretKeyMultibase: key.secretKeyMultibase })).toThrow(KeyError);
    const p384 = await generateKeyPair({ algorithm: 'P-384' });
    expect(p384.publicKeyMultibase.startsWith('z82')).toBe(true);
  });

  for (const format of ['ecdsa-rdfc-2019', 'ecdsa-jcs-2019'] as const) {
    it(`${format}: issues with P-256, verifies, and fails on tamper`, async () => {
      const key = await generateKeyPair({ algorithm: 'P-256', seed: P256_SEED });
      const signed = await issueCredential(sampleCredential(key.controller), { key, now: ISSUED, format });
      expect(signed.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: format, verificationMethod: key.id, proofPurpose: 'assertionMethod' });
      const r = await verifyCredential(signed, { now: NOW });
      expect(check(r, 'proof')).toMatchObject({ status: 'passed' });
      expect(r.verified).toBe(true);
      const t = structuredClone(signed);
      t.name = 'Data: changed';
      const bad = await verifyCredential(t, { now: NOW });
      expect(check(bad, 'proof')?.code).toBe('ERR_PROOF_INVALID_SIGNATURE');
      expect(bad.verified).toBe(false);
      const sig = structuredClone(signed);
      sig.proof.proofValue = sig.proof.proofValue.slice(0, -2) + (sig.proof.proofValue.endsWith('1') ? '22' : '11');
      expect((await verifyCredential(sig, { now: NOW })).verified).toBe(false);
    });
  }

  it('P-256 keys default to ecdsa-rdfc-2019; an Ed25519 format with a P-256 key is refused', async () => {
    const key = await generateKeyPair({ algorithm: 'P-256', seed: P256_SEED });
    const signed = await issueCredential(sampleCredential(key.controller), { key, now: ISSUED });
    expect(signed.proof.cryptosuite).toBe('ecdsa-rdfc-2019');
    await expect(issueCredential(sampleCredential(key.controller), { key, now: ISSUED, format: 'eddsa-rdfc-2022' })).rejects.toMatchObject({ code: 'ERR_KEY_UNSUPPORTED' });
  });

  it('P-384 credentials verify (signed by the Digital Bazaar suite)', async () => {
    const kp = await EcdsaMultikey.generate({ curve: 'P-384' });
    const did = `did:key:${kp.publicKeyMultibase}`;
    kp.id = `${did}#${kp.publicKeyMultibase}`;
    kp.controller = did;
    const cred = sampleCredential(did);
    const suite = new DataIntegrityProof({ signer: kp.signer(), cryptosuite: dbEcdsaRdfc2019, date: ISSUED });
    const signed = await vc.issue({ credential: cred, suite, documentLoader: dbLoader() });
    const r = await verifyCredential(signed, { now: NOW });
    expect(check(r, 'proof'), JSON.stringify(check(r, 'proof'))).toMatchObject({ status: 'passed' });
    const t = structuredClone(signed);
    t.credentialSubject.id = 'did:example:someone-else';
    expect(check(await verifyCredential(t, { now: NOW }), 'proof')?.code).toBe('ERR_PROOF_INVALID_SIGNATURE');
    const jsuite = new DataIntegrityProof({ signer: kp.signer(), cryptosuite: dbJcsSign(), date: ISSUED });
    const jsigned = await vc.issue({ credential: sampleCredential(did), suite: jsuite, documentLoader: dbLoader() });
    expect((await verifyCredential(jsigned, { now: NOW })).verified).toBe(true);
  });

  it('differential: credstack P-256 credentials verify in the stock Digital Bazaar ecdsa cryptosuites, and theirs in ours', async () => {
    const key = await generateKeyPair({ algorithm: 'P-256', seed: P256_SEED });
    for (const [format, verifySuite] of [['ecdsa-rdfc-2019', dbEcdsaRdfc2019], ['ecdsa-jcs-2019', dbJcsVerify()]] as const) {
      const signed = await issueCredential(sampleCredential(key.controller), { key, now: ISSUED, format });
      const res = await jsigs.verify(structuredClone(signed), { suite: new DataIntegrityProof({ cryptosuite: verifySuite }), purpose: new jsigs.purposes.AssertionProofPurpose(), documentLoader: dbLoader() });
      expect(res.verified, format).toBe(true);
      const t = structuredClone(signed);
      t.name = 'other';
      const bad = await jsigs.verify(t, { suite: new DataIntegrityProof({ cryptosuite: verifySuite }), purpose: new jsigs.purposes.AssertionProofPurpose(), documentLoader: dbLoader() });
      expect(bad.verified, format).toBe(false);
    }
    // theirs → ours with the same key
    const kp = await EcdsaMultikey.from({ ...exportKeyPair(key, { includeSecret: true }) });
    const signed = await vc.issue({ credential: sampleCredential(key.controller), suite: new DataIntegrityProof({ signer: kp.signer(), cryptosuite: dbEcdsaRdfc2019, date: ISSUED }), documentLoader: dbLoader() });
    expect((await verifyCredential(signed, { now: NOW })).verified).toBe(true);
  });

  it('a non-extractable WebCrypto P-256 key signs ecdsa-rdfc-2019 and ES256 VC-JWTs', async () => {
    const { privateKey, publicKey } = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair;
    expect(privateKey.extractable).toBe(false);
    const raw = new Uint8Array(await crypto.subtle.exportKey('raw', publicKey));
    const { p256 } = await import('@noble/curves/nist.js');
    const compressed = p256.Point.fromBytes(raw).toBytes(true);
    const { base58 } = await import('@scure/base');
    const mb = 'z' + base58.encode(Uint8Array.from([0x80, 0x24, ...compressed]));
    const did = `did:key:${mb}`;
    const signer = signerFromCryptoKey(privateKey, { id: `${did}#${mb}` });
    expect(signer.algorithm).toBe('P-256');
    const signed = await issueCredential(sampleCredential(did), { signer, now: ISSUED });
    expect(signed.proof.cryptosuite).toBe('ecdsa-rdfc-2019');
    expect((await verifyCredential(signed, { now: NOW })).verified).toBe(true);
    const jwt = await issueCredential(sampleCredential(did), { signer, now: ISSUED, format: 'vc-jwt' });
    expect(JSON.parse(Buffer.from(jwt.split('.')[0]!, 'base64url').toString())).toEqual({ alg: 'ES256', kid: `${did}#${mb}`, typ: 'JWT' });
    const r = await verifyCredential(jwt, { now: NOW });
    expect(check(r, 'proof')).toMatchObject({ status: 'passed' });
    expect(r.verified).toBe(true);
    const parts = jwt.split('.');
    const tampered = `${parts[0]}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(parts[1]!, 'base64url').toString()), name: 'x' })).toString('base64url')}.${parts[2]}`;
    expect(check(await verifyCredential(tampered, { now: NOW }), 'proof')?.code).toBe('ERR_PROOF_INVALID_SIGNATURE');
  });

  it('ES256 VC-JWTs from a P-256 KeyPair verify; the signature is 64 bytes r‖s', async () => {
    const key = await generateKeyPair({ algorithm: 'P-256', seed: P256_SEED });
    const jwt = await issueCredential(sampleCredential(key.controller), { key, now: ISSUED, format: 'vc-jwt' });
    expect(Buffer.from(jwt.split('.')[2]!, 'base64url').length).toBe(64);
    expect((await verifyCredential(jwt, { now: NOW })).verified).toBe(true);
    const s = signerFromKeyPair(key);
    expect(s.algorithm).toBe('P-256');
    await expect(issueCredential(sampleCredential(key.controller), { signer: { ...s, algorithm: 'HS256' }, now: ISSUED })).rejects.toBeInstanceOf(SignerError);
  });
});

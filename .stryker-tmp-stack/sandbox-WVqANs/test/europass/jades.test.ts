// @ts-nocheck
import 'reflect-metadata';
import { webcrypto } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import * as x509 from '@peculiar/x509';
import { EuropassError, fromElm, signJades, toElm, verifyJades } from '../../src/index.js';
import { NOW, signExample } from '../../examples/microcredentials/network.js';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);
const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

/** A self-made CA and an "e-seal" leaf certificate (not qualified: tests only). */
async function makeChain(notAfter = new Date('2027-01-01T00:00:00Z')) {
  const caKeys = await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify']) as CryptoKeyPair;
  const ca = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01', name: 'CN=Test Seal CA, O=credstack tests, C=DE', keys: caKeys, signingAlgorithm: ALG,
    notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2030-01-01T00:00:00Z'),
    extensions: [new x509.BasicConstraintsExtension(true, 0, true)],
  });
  const leafKeys = await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify']) as CryptoKeyPair;
  const leaf = await x509.X509CertificateGenerator.create({
    serialNumber: '02', subject: 'CN=Universität Beispiel e-seal, O=Universität Beispiel, C=DE', issuer: ca.subject,
    notBefore: new Date('2025-01-01T00:00:00Z'), notAfter, signingAlgorithm: ALG, publicKey: leafKeys.publicKey, signingKey: caKeys.privateKey,
  });
  return { caPem: ca.toString('pem'), leafPem: leaf.toString('pem'), privateKey: leafKeys.privateKey };
}

let chain: Awaited<ReturnType<typeof makeChain>>;
let edc: Record<string, unknown>;

beforeAll(async () => {
  chain = await makeChain();
  edc = (await toElm((await signExample('ai')).signed)).document;
});

const decodeHeader = (p: string) => JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));

describe('JAdES seal (JWS JSON serialization, b64:false, x5c)', () => {
  it('signs with the protected header a JAdES baseline verifier expects and verifies against the trusted CA', async () => {
    const env = await signJades(edc, { certificate: [chain.leafPem, chain.caPem], privateKey: chain.privateKey, now: NOW });
    expect(JSON.parse(env.payload)).toEqual(edc);
    const h = decodeHeader(env.signatures[0]!.protected);
    expect(h).toMatchObject({ alg: 'ES256', b64: false, crit: ['b64', 'sigT'], sigT: '2025-07-01T09:00:00Z' });
    expect(h.x5c).toHaveLength(2);
    expect(typeof h['x5t#S256']).toBe('string');
    const r = await verifyJades(env, { trustedCertificates: [chain.caPem] });
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ verified: true, signingTime: '2025-07-01T09:00:00Z', subject: expect.stringContaining('Universität Beispiel e-seal') });
    // and the sealed EDC reads back through fromElm
    const back = await fromElm(env, { now: NOW });
    expect(back.jades).toBe(true);
    expect(back.problems).toEqual([]);
  });

  it('a changed payload, an untrusted chain, an expired certificate and a swapped x5c each fail with their own code', async () => {
    const env = await signJades(edc, { certificate: [chain.leafPem, chain.caPem], privateKey: chain.privateKey, now: NOW });
    const tampered = { ...env, payload: env.payload.replace('"point":"5"', '"point":"6"') };
    expect(tampered.payload).not.toBe(env.payload);
    expect((await verifyJades(tampered, { trustedCertificates: [chain.caPem] })).errors.map((e) => e.code)).toEqual(['ERR_JADES_SIGNATURE']);

    const other = await makeChain();
    expect((await verifyJades(env, { trustedCertificates: [other.caPem] })).errors.map((e) => e.code)).toEqual(['ERR_JADES_UNTRUSTED']);
    expect((await verifyJades(env)).errors.map((e) => e.code)).toEqual(['ERR_JADES_UNTRUSTED']);

    const short = await makeChain(new Date('2025-06-01T00:00:00Z'));
    const late = await signJades(edc, { certificate: [short.leafPem, short.caPem], privateKey: short.privateKey, now: NOW });
    expect((await verifyJades(late, { trustedCertificates: [short.caPem] })).errors.map((e) => e.code)).toEqual(['ERR_JADES_CERTIFICATE_EXPIRED']);

    // a header claiming another signer's certificate: the signature no longer matches the leaf key
    const h = decodeHeader(env.signatures[0]!.protected);
    const forged = { ...env, signatures: [{ ...env.signatures[0]!, protected: Buffer.from(JSON.stringify({ ...h, x5c: [other.leafPem.replace(/-----[^-]+-----|\s/g, ''), ...h.x5c.slice(1)] })).toString('base64url') }] };
    const codes = (await verifyJades(forged, { trustedCertificates: [chain.caPem] })).errors.map((e) => e.code);
    expect(codes).toContain('ERR_JADES_SIGNATURE');
    expect(codes).toContain('ERR_JADES_CERTIFICATE');
  });

  it('never throws on garbage and refuses bad signing input with typed errors', async () => {
    for (const bad of [null, 1, 'x', {}, { payload: 'x', signatures: [] }, { payload: 'x', signatures: [{ protected: '!!', signature: '' }] }]) {
      const r = await verifyJades(bad, { trustedCertificates: [chain.caPem] });
      expect(r.verified).toBe(false);
      expect(r.errors[0]!.code).toMatch(/^ERR_JADES_(FORMAT|CERTIFICATE)$/);
    }
    await expect(signJades(edc, { certificate: 'not a pem', privateKey: chain.privateKey })).rejects.toMatchObject({ code: 'ERR_JADES_CERTIFICATE' });
    const err = await signJades(edc, { certificate: chain.leafPem, privateKey: chain.privateKey, alg: 'RS256' }).catch((e) => e);
    expect(err).toBeInstanceOf(EuropassError);
    expect(err.code).toBe('ERR_JADES_KEY');
  });
});

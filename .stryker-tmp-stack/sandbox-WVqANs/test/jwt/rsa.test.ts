// @ts-nocheck
import { generateKeyPairSync } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { KeyError } from '../../src/errors.js';
import { exportRsaKeyPair, generateRsaKeyPair, importRsaKeyPair, toRsaVerificationMethod, type RsaKeyPair } from '../../src/keys/rsa.js';
import { issueCredential, verifyCredential } from '../../src/index.js';
import { NOW, sampleCredential } from '../helpers.js';

const DID = 'did:web:uni.example';
let rsa: RsaKeyPair;
beforeAll(async () => {
  rsa = await generateRsaKeyPair({ controller: DID });
});

describe('RSA keys (RS256)', () => {
  it('generates a 2048-bit key whose private part never leaks through JSON, spreads or the verification method', () => {
    expect(rsa.id).toBe(`${DID}#rsa-1`);
    expect(rsa.type).toBe('JsonWebKey');
    expect(Buffer.from(rsa.publicKeyJwk.n, 'base64url').length).toBe(256);
    expect(typeof rsa.privateJwk?.d).toBe('string');
    const json = JSON.stringify(rsa);
    expect(json).not.toContain('"d"');
    expect(json).not.toContain(rsa.privateJwk!.d!);
    expect(Object.keys({ ...rsa })).toEqual(['id', 'controller', 'type', 'publicKeyJwk']);
    expect(toRsaVerificationMethod(rsa)).toEqual({ id: rsa.id, type: 'JsonWebKey', controller: DID, publicKeyJwk: { kty: 'RSA', n: rsa.publicKeyJwk.n, e: 'AQAB' } });
    expect(exportRsaKeyPair(rsa).privateJwk).toBeUndefined();
  });

  it('exports with the secret on request and imports again; the re-imported key signs verifiable VC-JWTs', async () => {
    const saved = JSON.parse(JSON.stringify(exportRsaKeyPair(rsa, { includeSecret: true })));
    expect(saved.privateJwk.d).toBe(rsa.privateJwk!.d);
    const again = await importRsaKeyPair(saved);
    expect(again.publicKeyJwk).toEqual(rsa.publicKeyJwk);
    const jwt = await issueCredential(sampleCredential(DID), { key: again, format: 'vc-jwt', now: NOW });
    const didDoc = { '@context': ['https://www.w3.org/ns/did/v1'], id: DID, verificationMethod: [toRsaVerificationMethod(rsa)], assertionMethod: [rsa.id] };
    expect((await verifyCredential(jwt, { now: NOW, documents: { [DID]: didDoc } })).verified).toBe(true);
    const pubOnly = await importRsaKeyPair({ id: rsa.id, controller: DID, publicKeyJwk: rsa.publicKeyJwk });
    expect(pubOnly.privateJwk).toBeUndefined();
  });

  it('refuses short, mismatched, private-in-public and non-RSA keys, and bad ids', async () => {
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'jwk' });
    await expect(importRsaKeyPair({ id: `${DID}#k`, controller: DID, privateJwk: small })).rejects.toMatchObject({ code: 'ERR_KEY_INVALID' });
    const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
    await expect(importRsaKeyPair({ id: `${DID}#k`, controller: DID, publicKeyJwk: rsa.publicKeyJwk, privateJwk: otherKey })).rejects.toMatchObject({ code: 'ERR_KEY_INVALID' });
    await expect(importRsaKeyPair({ id: `${DID}#k`, controller: DID, publicKeyJwk: otherKey })).rejects.toBeInstanceOf(KeyError);
    await expect(importRsaKeyPair({ id: `${DID}#k`, controller: DID, publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x: 'AAAA' } })).rejects.toMatchObject({ code: 'ERR_KEY_INVALID' });
    await expect(importRsaKeyPair({ id: 'not a uri', controller: DID, publicKeyJwk: rsa.publicKeyJwk })).rejects.toMatchObject({ code: 'ERR_INVALID_INPUT' });
    await expect(generateRsaKeyPair({ controller: DID, modulusLength: 1024 })).rejects.toMatchObject({ code: 'ERR_INVALID_INPUT' });
    await expect(generateRsaKeyPair({ controller: '' })).rejects.toMatchObject({ code: 'ERR_INVALID_INPUT' });
  });
});

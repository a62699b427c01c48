// @ts-nocheck
import { importJWK, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueCredential, verifyCredential, type KeyPair } from '../../src/index.js';
import { generateRsaKeyPair, toRsaVerificationMethod, type RsaKeyPair } from '../../src/keys/rsa.js';
import { ISSUED, NOW, sampleCredential, seededKey } from '../helpers.js';
import { b64uJson, check, decodeSegment, failed, ob3Payload, publicJwk, signRaw } from './helpers.js';

const DID = 'did:web:uni.example';
let key: KeyPair; // did:key issuer
let other: KeyPair; // another did:key
let rsa: RsaKeyPair; // did:web issuer
let didDoc: Record<string, any>;

beforeAll(async () => {
  key = await seededKey(7);
  other = await seededKey(8);
  rsa = await generateRsaKeyPair({ controller: DID, id: `${DID}#rsa-1` });
  didDoc = {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/jwk/v1'],
    id: DID,
    verificationMethod: [toRsaVerificationMethod(rsa)],
    assertionMethod: [rsa.id],
  };
});

describe('VC-JWT issue and verify', () => {
  it('EdDSA round trip with a did:key kid: header, OB 3.0 claims, credential unchanged', async () => {
    const cred = sampleCredential(key.controller, { top: { validUntil: '2030-01-01T00:00:00Z' } });
    const jwt = await issueCredential(cred, { key, format: 'vc-jwt', now: NOW });
    const [h, p] = jwt.split('.');
    expect(decodeSegment(h!)).toEqual({ alg: 'EdDSA', kid: key.id, typ: 'JWT' });
    const payload = decodeSegment(p!);
    expect(payload).toMatchObject({
      iss: key.controller,
      jti: cred.id,
      nbf: Date.parse(ISSUED) / 1000,
      sub: 'did:example:learner-42',
      exp: Date.parse('2030-01-01T00:00:00Z') / 1000,
      name: cred.name,
    });
    expect(key.id.startsWith('did:key:z6Mk')).toBe(true);

    const r = await verifyCredential(jwt, { now: NOW });
    expect(failed(r)).toEqual([]);
    expect(r.verified).toBe(true);
    expect(r.source).toEqual({ format: 'vc-jwt', jwt });
    expect(check(r, 'proof')).toMatchObject({ status: 'passed' });
    expect(check(r, 'claims')).toMatchObject({ status: 'passed' });
    expect(check(r, 'issuer')).toMatchObject({ status: 'passed' });
    // the reported credential is the credential, without the JWT claims
    expect(r.credential).toEqual(cred);
  });

  it('RS256 round trip: RSA key of a did:web issuer, DID document (JsonWebKey + publicKeyJwk) passed via documents', async () => {
    const jwt = await issueCredential(sampleCredential(DID), { key: rsa, format: 'vc-jwt', now: NOW });
    expect(decodeSegment(jwt.split('.')[0]!)).toEqual({ alg: 'RS256', kid: `${DID}#rsa-1`, typ: 'JWT' });
    const r = await verifyCredential(jwt, { now: NOW, documents: { [DID]: didDoc } });
    expect(failed(r)).toEqual([]);
    expect(r.verified).toBe(true);
    expect(check(r, 'proof')?.message).toContain('RS256');
    expect(check(r, 'issuer')).toMatchObject({ status: 'passed' });
    // the DID document may also be given by its https URL
    const r2 = await verifyCredential(jwt, { now: NOW, documents: { 'https://uni.example/.well-known/did.json': didDoc } });
    expect(r2.verified).toBe(true);
  });

  it('RS256 without the DID document: proof failed ERR_KEY_UNAVAILABLE, never passed', async () => {
    const jwt = await issueCredential(sampleCredential(DID), { key: rsa, format: 'vc-jwt', now: NOW });
    const r = await verifyCredential(jwt, { now: NOW });
    expect(r.verified).toBe(false);
    expect(r.checks.filter((c) => c.id === 'proof')).toEqual([expect.objectContaining({ status: 'failed', code: 'ERR_KEY_UNAVAILABLE' })]);
    expect(check(r, 'issuer')?.status).not.toBe('passed');
  });

  it('RS256 key present in the DID document but not under assertionMethod: refused', async () => {
    const jwt = await issueCredential(sampleCredential(DID), { key: rsa, format: 'vc-jwt', now: NOW });
    const doc = { ...didDoc, assertionMethod: [], authentication: [rsa.id] };
    const r = await verifyCredential(jwt, { now: NOW, documents: { [DID]: doc } });
    expect(r.verified).toBe(false);
    expect(failed(r)).toContain('proof:ERR_PROOF_KEY_NOT_AUTHORIZED');
  });

  it('RSA key can only make VC-JWTs; a public-only RSA key cannot sign', async () => {
    await expect(issueCredential(sampleCredential(DID), { key: rsa, now: NOW })).rejects.toMatchObject({ code: 'ERR_KEY_UNSUPPORTED' });
    const pub = { id: rsa.id, controller: rsa.controller, type: 'JsonWebKey' as const, publicKeyJwk: rsa.publicKeyJwk };
    await expect(issueCredential(sampleCredential(DID), { key: pub, format: 'vc-jwt', now: NOW })).rejects.toMatchObject({ code: 'ERR_KEY_NO_SECRET' });
  });

  it('issuer ≠ key controller is refused at issuing time', async () => {
    await expect(issueCredential(sampleCredential(other.controller), { key, format: 'vc-jwt', now: NOW })).rejects.toMatchObject({ code: 'ERR_ISSUER_MISMATCH' });
  });
});

describe('embedded jwk header', () => {
  it('a jwk bound to the did:key issuer passes', async () => {
    const jwt = await signRaw(ob3Payload(sampleCredential(key.controller)), key, { kid: undefined, jwk: publicJwk(key) });
    expect(decodeSegment(jwt.split('.')[0]!).kid).toBeUndefined();
    const r = await verifyCredential(jwt, { now: NOW });
    expect(failed(r)).toEqual([]);
    expect(check(r, 'proof')?.message).toContain('embedded jwk');
    expect(check(r, 'issuer')).toMatchObject({ status: 'passed' });
  });

  it('a jwk that is not the issuer’s key: proof passes, issuer fails', async () => {
    // signed by `other`, claims to be from `key`'s DID
    const jwt = await signRaw(ob3Payload(sampleCredential(key.controller)), other, { kid: undefined, jwk: publicJwk(other) });
    const r = await verifyCredential(jwt, { now: NOW });
    expect(r.verified).toBe(false);
    expect(check(r, 'proof')?.status).toBe('passed');
    expect(r.checks.filter((c) => c.id === 'issuer')).toEqual([expect.objectContaining({ status: 'failed', code: 'ERR_ISSUER_KEY_UNBOUND' })]);
  });

  it('an RSA jwk is bound to a did:web issuer whose document lists it', async () => {
    const jwt = await signRaw(ob3Payload(sampleCredential(DID)), rsa, { kid: undefined, jwk: { ...rsa.publicKeyJwk } });
    expect((await verifyCredential(jwt, { now: NOW, documents: { [DID]: didDoc } })).verified).toBe(true);
    const r = await verifyCredential(jwt, { now: NOW });
    expect(failed(r)).toEqual(['issuer:ERR_ISSUER_KEY_UNBOUND']);
  });

  it('a jwk containing "d" is refused', async () => {
    const { exportKeyPair } = await import('../../src/keys/keypair.js');
    const priv = exportKeyPair(key, { format: 'jwk', includeSecret: true });
    const jwt = await signRaw(ob3Payload(sampleCredential(key.controller)), key, { kid: undefined, jwk: { kty: 'OKP', crv: 'Ed25519', x: priv.x, d: priv.d } as any });
    const r = await verifyCredential(jwt, { now: NOW });
    expect(r.verified).toBe(false);
    expect(failed(r)).toContain('proof:ERR_JWT_PRIVATE_KEY_EXPOSED');
    expect(r.checks.some((c) => c.id === 'proof' && c.status === 'passed')).toBe(false);
  });

  it('kid and jwk naming different keys: refused', async () => {
    const jwt = await signRaw(ob3Payload(sampleCredential(key.controller)), key, { jwk: publicJwk(other) });
    expect(failed(await verifyCredential(jwt, { now: NOW }))).toContain('proof:ERR_JWT_KEY_MISMATCH');
  });

  it('a relative kid (#fragment) is resolved against the issuer DID', async () => {
    const frag = key.id.slice(key.id.indexOf('#'));
    const jwt = await signRaw(ob3Payload(sampleCredential(key.controller)), key, { kid: frag });
    const r = await verifyCredential(jwt, { now: NOW });
    expect(failed(r)).toEqual([]);
    expect(check(r, 'issuer')?.status).toBe('passed');
    // the same fragment under another issuer DID names no key
    const r2 = await verifyCredential(await signRaw(ob3Payload(sampleCredential(other.controller)), key, { kid: frag }), { now: NOW });
    expect(failed(r2)).toContain('proof:ERR_KEY_UNAVAILABLE');
  });

  it('neither kid nor jwk: refused', async () => {
    const jwt = await signRaw(ob3Payload(sampleCredential(key.controller)), key, { kid: undefined });
    expect(failed(await verifyCredential(jwt, { now: NOW }))).toContain('proof:ERR_JWT_NO_KEY');
  });
});

describe('kid that is not a DID URL (https JWK Set)', () => {
  const ISS = 'https://uni.example/issuers/1';
  const KID = 'https://uni.example/keys.json#key-1';

  async function jwksJwt(): Promise<string> {
    const cred = sampleCredential(ISS);
    return signRaw(ob3Payload(cred), key, { kid: KID });
  }

  it('is resolved from documents (JWK Set by base URL) and bound to a same-origin issuer', async () => {
    const jwt = await jwksJwt();
    const jwks = { keys: [{ ...publicJwk(key), kid: 'key-1' }, { ...publicJwk(other), kid: 'key-2' }] };
    const r = await verifyCredential(jwt, { now: NOW, documents: { 'https://uni.example/keys.json': jwks } });
    expect(failed(r)).toEqual([]);
    expect(check(r, 'issuer')?.status).toBe('passed');
  });

  it('offline without documents: ERR_KEY_UNAVAILABLE; only an explicit fetch reaches the URL (fragment removed)', async () => {
    const jwt = await jwksJwt();
    const r = await verifyCredential(jwt, { now: NOW });
    expect(failed(r)).toContain('proof:ERR_KEY_UNAVAILABLE');
    const asked: string[] = [];
    const r2 = await verifyCredential(jwt, {
      now: NOW,
      fetch: async (url) => {
        asked.push(url);
        if (url === 'https://uni.example/keys.json') return { keys: [{ ...publicJwk(key), kid: 'key-1' }] };
        throw new Error('404');
      },
    });
    expect(asked).toContain('https://uni.example/keys.json');
    expect(r2.verified).toBe(true);
  });

  it('a JWK Set of another origin does not vouch for the issuer', async () => {
    const cred = sampleCredential('https://other.example/issuer');
    const jwt = await signRaw(ob3Payload(cred), key, { kid: KID });
    const r = await verifyCredential(jwt, { now: NOW, documents: { 'https://uni.example/keys.json': { keys: [{ ...publicJwk(key), kid: 'key-1' }] } } });
    expect(check(r, 'proof')?.status).toBe('passed');
    expect(failed(r)).toEqual(['issuer:ERR_ISSUER_KEY_MISMATCH']);
  });

  it('a key with a missing kid in the set: ERR_KEY_UNSUPPORTED', async () => {
    const jwt = await jwksJwt();
    const r = await verifyCredential(jwt, { now: NOW, documents: { 'https://uni.example/keys.json': { keys: [{ ...publicJwk(key), kid: 'key-9' }] } } });
    expect(failed(r)).toContain('proof:ERR_KEY_UNSUPPORTED');
  });
});

describe('tampering and refused JWTs', () => {
  it('one changed character in the payload (re-encoded, original signature): proof failed', async () => {
    const jwt = await issueCredential(sampleCredential(key.controller), { key, format: 'vc-jwt', now: NOW });
    const [h, p, s] = jwt.split('.') as [string, string, string];
    const payload = decodeSegment(p);
    payload.name = payload.name.replace('D', 'd'); // one character
    const tampered = `${h}.${b64uJson(payload)}.${s}`;
    const r = await verifyCredential(tampered, { now: NOW });
    expect(r.verified).toBe(false);
    expect(failed(r)).toContain('proof:ERR_PROOF_INVALID_SIGNATURE');
    expect(r.checks.some((c) => c.id === 'proof' && c.status === 'passed')).toBe(false);
  });

  it('a changed signature character: proof failed', async () => {
    const jwt = await issueCredential(sampleCredential(key.controller), { key, format: 'vc-jwt', now: NOW });
    const last = jwt.at(-2) === 'A' ? 'B' : 'A';
    const r = await verifyCredential(jwt.slice(0, -2) + last + jwt.slice(-1), { now: NOW });
    expect(r.verified).toBe(false);
    expect(failed(r).some((f) => f.startsWith('proof:'))).toBe(true);
  });

  const UNTIL = '2030-01-01T00:00:00Z';
  const mismatches: Array<[string, (p: Record<string, any>) => void]> = [
    ['iss', (p) => (p.iss = 'did:example:someone-else')],
    ['jti', (p) => (p.jti = 'urn:uuid:00000000-0000-4000-8000-000000000000')],
    ['nbf', (p) => (p.nbf += 3600)],
    ['sub', (p) => (p.sub = 'did:example:learner-43')],
    ['exp', (p) => (p.exp += 1)],
    ['exp', (p) => delete p.exp], // validUntil without exp
    ['nbf', (p) => delete p.nbf],
    ['iss', (p) => delete p.iss],
    ['jti', (p) => delete p.jti],
    ['nbf', (p) => (p.nbf = ISSUED)], // a string is not a NumericDate
  ];
  it.each(mismatches)('claim %s not matching the credential → claims failed ERR_JWT_CLAIM_MISMATCH (signature valid)', async (claim, mutate) => {
    const payload = ob3Payload(sampleCredential(key.controller, { top: { validUntil: UNTIL } }));
    mutate(payload);
    const jwt = await signRaw(payload, key);
    const r = await verifyCredential(jwt, { now: NOW });
    expect(r.verified).toBe(false);
    expect(check(r, 'proof')?.status).toBe('passed');
    const c = check(r, 'claims');
    expect(c).toMatchObject({ status: 'failed', code: 'ERR_JWT_CLAIM_MISMATCH' });
    expect(c?.target?.split(',')).toContain(claim);
  });

  it('alg "none" (unsigned) is refused', async () => {
    const payload = ob3Payload(sampleCredential(key.controller));
    const jwt = `${b64uJson({ alg: 'none', kid: key.id })}.${b64uJson(payload)}.`;
    const r = await verifyCredential(jwt, { now: NOW });
    expect(r.verified).toBe(false);
    expect(failed(r)).toContain('proof:ERR_JWT_ALG');
  });

  it('HS256 (a shared secret, e.g. the public key bytes) is refused', async () => {
    const payload = ob3Payload(sampleCredential(key.controller));
    const secret = Buffer.from(publicJwk(key).x!, 'base64url');
    const jwt = await new SignJWT(payload).setProtectedHeader({ alg: 'HS256', kid: key.id }).sign(secret);
    const r = await verifyCredential(jwt, { now: NOW });
    expect(r.verified).toBe(false);
    expect(failed(r)).toContain('proof:ERR_JWT_ALG');
  });

  it('an RSA alg with an Ed25519 kid is refused (alg/key mismatch)', async () => {
    const payload = ob3Payload(sampleCredential(key.controller));
    const k = await importJWK({ ...rsa.privateJwk, alg: 'RS256' }, 'RS256');
    const jwt = await new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: key.id }).sign(k);
    expect(failed(await verifyCredential(jwt, { now: NOW }))).toContain('proof:ERR_KEY_ALG_MISMATCH');
  });

  it('crit / b64 headers are refused; other extra headers and another typ are warnings', async () => {
    const payload = ob3Payload(sampleCredential(key.controller));
    const crit = await signRaw(payload, key, { crit: ['exp'] } as any).catch(() => undefined);
    // jose refuses to sign an unknown crit; build the header by hand (signature irrelevant: refused before)
    const critJwt = crit ?? `${b64uJson({ alg: 'EdDSA', kid: key.id, crit: ['x'], x: 1 })}.${b64uJson(payload)}.AAAA`;
    expect(failed(await verifyCredential(critJwt, { now: NOW }))).toEqual(['format:ERR_JWT_UNSUPPORTED_HEADER']);
    const warned = await signRaw(payload, key, { typ: 'vc+ld+json+jwt', cty: 'vc+ld+json' });
    const r = await verifyCredential(warned, { now: NOW });
    expect(r.verified).toBe(true);
    expect(r.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['W_JWT_EXTRA_HEADER', 'W_JWT_TYP']));
  });
});

describe('dates', () => {
  it('expired exp/validUntil → validity failed ERR_EXPIRED', async () => {
    const jwt = await issueCredential(sampleCredential(key.controller, { top: { validUntil: '2026-10-01T00:00:00Z' } }), { key, format: 'vc-jwt', now: NOW });
    const r = await verifyCredential(jwt, { now: NOW });
    expect(r.verified).toBe(false);
    expect(failed(r)).toEqual(['validity:ERR_EXPIRED']);
    // and the same JWT verifies before its expiry
    expect((await verifyCredential(jwt, { now: '2026-09-15T00:00:00Z' })).verified).toBe(true);
  });

  it('exp without validUntil in the payload sets validUntil (OB 3.0 §8.2.4.1): expired → failed', async () => {
    const payload = { ...ob3Payload(sampleCredential(key.controller)), exp: Date.parse('2026-10-01T00:00:00Z') / 1000 };
    const jwt = await signRaw(payload, key);
    const r = await verifyCredential(jwt, { now: NOW });
    expect(r.credential?.validUntil).toBe('2026-10-01T00:00:00Z');
    expect(check(r, 'claims')?.status).toBe('passed');
    expect(failed(r)).toEqual(['validity:ERR_EXPIRED']);
  });

  it('nbf/validFrom in the future → validity failed ERR_NOT_YET_VALID', async () => {
    const jwt = await issueCredential(sampleCredential(key.controller, { top: { validFrom: '2027-01-01T00:00:00Z' } }), { key, format: 'vc-jwt', now: NOW });
    const r = await verifyCredential(jwt, { now: NOW });
    expect(check(r, 'claims')?.status).toBe('passed');
    expect(failed(r)).toEqual(['validity:ERR_NOT_YET_VALID']);
  });
});

describe('VC-JWT 1.1 style (vc claim)', () => {
  it('a payload carrying the credential in `vc` is accepted; missing fields are taken from the claims', async () => {
    const cred = sampleCredential(key.controller);
    const { id, validFrom: _vf, ...vc } = cred;
    const payload = { iss: key.controller, jti: id, nbf: Date.parse(ISSUED) / 1000, sub: cred.credentialSubject.id, vc };
    const jwt = await signRaw(payload, key);
    const r = await verifyCredential(jwt, { now: NOW });
    expect(failed(r)).toEqual([]);
    expect(r.verified).toBe(true);
    expect(check(r, 'claims')?.message).toContain('vc claim');
    expect(r.credential).toMatchObject({ id, validFrom: ISSUED, issuer: cred.issuer });
  });

  it('a vc claim whose issuer differs from iss → claims failed', async () => {
    const cred = sampleCredential(key.controller);
    const payload = { iss: 'did:example:x', jti: cred.id, nbf: Date.parse(ISSUED) / 1000, sub: cred.credentialSubject.id, vc: cred };
    const r = await verifyCredential(await signRaw(payload, key), { now: NOW });
    expect(failed(r)).toContain('claims:ERR_JWT_CLAIM_MISMATCH');
  });
});

describe('subject without id', () => {
  it('no sub claim when the subject has no id; verifies (subject warning from the shared checks)', async () => {
    const cred = sampleCredential(key.controller);
    delete cred.credentialSubject.id;
    const jwt = await issueCredential(cred, { key, format: 'vc-jwt', now: NOW });
    expect(decodeSegment(jwt.split('.')[1]!).sub).toBeUndefined();
    const r = await verifyCredential(jwt, { now: NOW });
    expect(r.verified).toBe(true);
    // a sub claim the credential does not have is a mismatch
    const r2 = await verifyCredential(await signRaw({ ...ob3Payload(cred), sub: 'did:example:learner-42' }, key), { now: NOW });
    expect(failed(r2)).toEqual(['claims:ERR_JWT_CLAIM_MISMATCH']);
  });
});

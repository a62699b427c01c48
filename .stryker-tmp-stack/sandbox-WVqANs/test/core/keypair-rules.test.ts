// @ts-nocheck
// Issue 21 (mutation area `keys`, src/keys/keypair.ts): key generation and import refuse what is not a key of a
// supported type, and a secret part must belong to its public part (importKeyPair TSDoc: "Checks that the secret and
// public parts belong together"). EC keys: RFC 7518 §6.2 (JWK kty "EC", crv "P-256"/"P-384", x, y, d); P-256/P-384
// Multikey (Controlled Identifiers v1.0 §2.2.2), the W3C vc-di-ecdsa test key pairs. Independent EC JWKs come from
// node:crypto, not from the code under test.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CredstackError } from '../../src/errors.js';
import { createSigner, exportKeyPair, generateKeyPair, importKeyPair, rotateDidWebDocument } from '../../src/keys/index.js';

const P256 = { publicKeyMultibase: 'zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP', secretKeyMultibase: 'z42twTcNeSYcnqg1FLuSFs2bsGH3ZqbRHFmvS9XMsYhjxvHN' };
const P384 = { publicKeyMultibase: 'z82LkuBieyGShVBhvtE2zoiD6Kma4tJGFtkAhxR5pfkp5QPw4LutoYWhvQCnGjdVn14kujQ', secretKeyMultibase: 'z2fanyY7zgwNpZGxX5fXXibvScNaUWNprHU9dKx7qpVj7mws9J8LLt4mDB5TyH2GLHWkUc' };
const ED_PUB = 'z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw'; // RFC 8032 test 1
const ED_SECRET_OTHER = 'z3u2RhErZEGEPQoX72wwNiAQiFxJjUEx7pmQ6djbr6Lbzgyt'; // 0x8026 ‖ 32 × 0x07 (Python base58): another seed
const PUB_B64U = '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo';

async function refusal(f: () => unknown): Promise<{ code: string; message: string; cause?: unknown }> {
  try {
    await f();
  } catch (e) {
    expect(e).toBeInstanceOf(CredstackError);
    return e as CredstackError;
  }
  throw new Error('expected a refusal');
}
const ecJwk = (namedCurve: 'P-256' | 'P-384') => generateKeyPairSync('ec', { namedCurve }).privateKey.export({ format: 'jwk' }) as Record<string, string>;

describe('generateKeyPair: the options it accepts', () => {
  it('algorithm is Ed25519, P-256 or P-384', async () => {
    expect(await refusal(() => generateKeyPair({ algorithm: 'RSA' as 'Ed25519' }))).toMatchObject({ code: 'ERR_INVALID_INPUT', message: 'algorithm must be Ed25519, P-256 or P-384' });
    expect((await generateKeyPair({ algorithm: 'P-384' })).publicKeyMultibase.startsWith('z82')).toBe(true);
  });

  it('a controller must be a DID or URL (it contains ":"), for every algorithm', async () => {
    for (const algorithm of ['Ed25519', 'P-256'] as const) {
      for (const controller of ['uni.example', 42 as unknown as string, '']) {
        expect(await refusal(() => generateKeyPair({ algorithm, controller })), `${algorithm} ${controller}`).toMatchObject({ code: 'ERR_INVALID_INPUT', message: 'controller must be a DID or URL' });
      }
      expect((await generateKeyPair({ algorithm, controller: 'did:web:uni.example' })).controller).toBe('did:web:uni.example');
    }
  });

  it('a seed is 32 bytes for Ed25519, a valid secret scalar for P-256 (32 bytes) and P-384 (48 bytes)', async () => {
    for (const seed of [new Uint8Array(31), new Uint8Array(33), [1, 2] as unknown as Uint8Array]) {
      expect(await refusal(() => generateKeyPair({ seed }))).toMatchObject({ code: 'ERR_INVALID_SEED', message: 'seed must be a Uint8Array of 32 bytes' });
    }
    expect(await refusal(() => generateKeyPair({ algorithm: 'P-256', seed: 'x' as unknown as Uint8Array }))).toMatchObject({ code: 'ERR_INVALID_SEED', message: 'seed must be a Uint8Array' });
    expect(await refusal(() => generateKeyPair({ algorithm: 'P-256', seed: new Uint8Array(32) }))).toMatchObject({ code: 'ERR_INVALID_SEED', message: 'seed must be a valid P-256 secret key (32 bytes)' });
    expect(await refusal(() => generateKeyPair({ algorithm: 'P-384', seed: new Uint8Array(48) }))).toMatchObject({ code: 'ERR_INVALID_SEED', message: 'seed must be a valid P-384 secret key (48 bytes)' });
  });
});

describe('importKeyPair: shapes and the secret belonging to the public key', () => {
  it('not an object, or neither Multikey nor a JWK', async () => {
    for (const v of [null, 'zDn…', 7]) expect(await refusal(() => importKeyPair(v))).toMatchObject({ code: 'ERR_KEY_INVALID', message: 'key must be a JSON object' });
    expect(await refusal(() => importKeyPair({}))).toMatchObject({ code: 'ERR_KEY_INVALID', message: 'key has neither publicKeyMultibase nor a JWK shape' });
    expect(await refusal(() => importKeyPair({ publicKeyMultibase: 5 }))).toMatchObject({ message: 'key has neither publicKeyMultibase nor a JWK shape' });
  });

  it('P-256 / P-384 Multikey with its own secret (the W3C vectors); a secret of another curve or key is refused', async () => {
    expect(importKeyPair(P256).publicKeyMultibase).toBe(P256.publicKeyMultibase);
    expect(importKeyPair(P384).publicKeyMultibase).toBe(P384.publicKeyMultibase);
    expect(await refusal(() => importKeyPair({ publicKeyMultibase: P256.publicKeyMultibase, secretKeyMultibase: P384.secretKeyMultibase }))).toMatchObject({ code: 'ERR_KEY_INVALID', message: 'secret key does not match public key' });
    const other = exportKeyPair(await generateKeyPair({ algorithm: 'P-256' }), { includeSecret: true }).secretKeyMultibase!;
    expect(await refusal(() => importKeyPair({ publicKeyMultibase: P256.publicKeyMultibase, secretKeyMultibase: other }))).toMatchObject({ code: 'ERR_KEY_INVALID', message: 'secret key does not match public key' });
    // privateKeyMultibase (the older name) is read too
    expect(importKeyPair({ publicKeyMultibase: P256.publicKeyMultibase, privateKeyMultibase: P256.secretKeyMultibase }).secretKeyMultibase).toBe(P256.secretKeyMultibase);
  });

  it('Ed25519 Multikey with another seed is refused', async () => {
    expect(await refusal(() => importKeyPair({ publicKeyMultibase: ED_PUB, secretKeyMultibase: ED_SECRET_OTHER }))).toMatchObject({ code: 'ERR_KEY_INVALID', message: 'secret key does not match public key' });
  });

  it('EC JWK (RFC 7518 §6.2): P-256 and P-384 with x/y and d; a d of another key, not base64url or not a scalar is refused', async () => {
    for (const crv of ['P-256', 'P-384'] as const) {
      const jwk = ecJwk(crv);
      const k = importKeyPair(jwk);
      expect(k.publicKeyMultibase.startsWith(crv === 'P-256' ? 'zDn' : 'z82'), crv).toBe(true);
      expect(typeof k.secretKeyMultibase).toBe('string');
      expect(importKeyPair({ kty: 'EC', crv, x: jwk.x, y: jwk.y }).secretKeyMultibase).toBeUndefined();
      expect(await refusal(() => importKeyPair({ ...jwk, d: ecJwk(crv).d }))).toMatchObject({ code: 'ERR_KEY_INVALID', message: 'secret key does not match public key' });
      expect(await refusal(() => importKeyPair({ ...jwk, d: 'not base64url!' }))).toMatchObject({ code: 'ERR_KEY_INVALID', message: 'EC JWK d is not base64url (unpadded)' });
      expect(await refusal(() => importKeyPair({ ...jwk, d: 'A'.repeat(crv === 'P-256' ? 43 : 64) }))).toMatchObject({ code: 'ERR_KEY_INVALID', message: `EC JWK d of ${crv} must be ${crv === 'P-256' ? 32 : 48} bytes in range` });
    }
    expect(await refusal(() => importKeyPair({ ...ecJwk('P-256'), crv: 'P-521' }))).toMatchObject({ code: 'ERR_KEY_UNSUPPORTED', message: 'EC JWK curve "P-521" is not supported (P-256 or P-384)' });
  });

  it('OKP JWK: only Ed25519 with a 32-byte base64url x (and d)', async () => {
    for (const jwk of [{ kty: 'RSA', n: 'x', e: 'AQAB' }, { kty: 'OKP', crv: 'X25519', x: PUB_B64U }, { kty: 'OKP', crv: 'Ed25519' }]) {
      expect(await refusal(() => importKeyPair(jwk)), JSON.stringify(jwk)).toMatchObject({ code: 'ERR_KEY_UNSUPPORTED', message: 'only Ed25519 OKP JWKs are supported here (RSA keys: see importRsaKey)' });
    }
    const bad = await refusal(() => importKeyPair({ kty: 'OKP', crv: 'Ed25519', x: 'not base64url!' }));
    expect(bad).toMatchObject({ code: 'ERR_KEY_INVALID', message: 'JWK x/d are not base64url' });
    expect(bad.cause).toBeInstanceOf(Error);
    expect(await refusal(() => importKeyPair({ kty: 'OKP', crv: 'Ed25519', x: 'AAAA' }))).toMatchObject({ code: 'ERR_KEY_INVALID', message: 'JWK x/d must be 32 bytes' });
    expect(await refusal(() => importKeyPair({ kty: 'OKP', crv: 'Ed25519', x: PUB_B64U, d: 'AAAA' }))).toMatchObject({ code: 'ERR_KEY_INVALID', message: 'JWK x/d must be 32 bytes' });
  });
});

describe('export and signing refusals', () => {
  it('JWK export: a P-256 key as an EC JWK without d unless asked; a secret is exported only when there is one; signing needs a secret', async () => {
    const ec = exportKeyPair(importKeyPair(P256), { format: 'jwk' }) as unknown as Record<string, unknown>;
    expect(ec).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
    expect(ec.d).toBeUndefined();
    const pub = importKeyPair({ publicKeyMultibase: ED_PUB });
    expect(await refusal(() => exportKeyPair(pub, { format: 'jwk', includeSecret: true }))).toMatchObject({ code: 'ERR_KEY_NO_SECRET', message: 'key has no secret part' });
    expect(await refusal(() => exportKeyPair(pub, { includeSecret: true }))).toMatchObject({ code: 'ERR_KEY_NO_SECRET', message: 'key has no secret part' });
    expect(await refusal(() => createSigner(pub))).toMatchObject({ code: 'ERR_KEY_NO_SECRET', message: 'signing needs a key with secretKeyMultibase (generateKeyPair or importKeyPair of a secret key)' });
  });
});

// rotateDidWebDocument TSDoc: "adds newKey (first …) and keeps every existing key … Remove a key only with retire";
// "Returns a new document; the input is not modified. Only public keys are written."
describe('rotateDidWebDocument', () => {
  const DID = 'did:web:uni.example';
  const k1 = () => importKeyPair({ publicKeyMultibase: ED_PUB }, { controller: DID, id: `${DID}#key-1` });
  const k2 = () => importKeyPair(P256, { controller: DID, id: `${DID}#key-2` });
  const vm1 = { id: `${DID}#key-1`, type: 'Multikey', controller: DID, publicKeyMultibase: ED_PUB };
  const vm2 = { id: `${DID}#key-2`, type: 'Multikey', controller: DID, publicKeyMultibase: P256.publicKeyMultibase };
  const base = () => ({ '@context': 'https://www.w3.org/ns/did/v1', id: DID, verificationMethod: [{ ...vm1, id: '#key-1' }], assertionMethod: ['#key-1'], authentication: [`${DID}#key-1`], capabilityInvocation: ['#key-1'], keyAgreement: [] });

  it('adds the new key first and keeps the old one; the input is not modified; contexts added once', () => {
    const input = base();
    const r = rotateDidWebDocument(input, k2());
    expect(r).toEqual({
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: DID,
      verificationMethod: [vm2, { ...vm1, id: '#key-1' }],
      assertionMethod: [`${DID}#key-2`, '#key-1'],
      authentication: [`${DID}#key-2`, `${DID}#key-1`],
      capabilityInvocation: ['#key-1'],
      keyAgreement: [],
    });
    expect(input).toEqual(base());
    expect(rotateDidWebDocument({ id: DID }, k2())['@context']).toEqual(['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1']);
  });

  it('retire removes a key (by absolute or "#" id) from every relationship', () => {
    const r = rotateDidWebDocument(base(), k2(), { retire: [`${DID}#key-1`] });
    expect(r).toMatchObject({ verificationMethod: [vm2], assertionMethod: [`${DID}#key-2`], authentication: [`${DID}#key-2`], capabilityInvocation: [], keyAgreement: [] });
  });

  it('refusals: not a document, no id, a taken key id, retiring the new key or a key not there', async () => {
    for (const d of [null, [base()], 'x']) expect(await refusal(() => rotateDidWebDocument(d, k2()))).toMatchObject({ code: 'ERR_DID_DOCUMENT_INVALID', message: 'the DID document must be a JSON object' });
    expect(await refusal(() => rotateDidWebDocument({ verificationMethod: [] }, k2()))).toMatchObject({ code: 'ERR_DID_DOCUMENT_INVALID', message: 'the DID document has no id' });
    expect(await refusal(() => rotateDidWebDocument(base(), k1()))).toMatchObject({ code: 'ERR_KEY_ID_TAKEN', message: `${DID}#key-1 is already in the DID document: choose another key id` });
    expect(await refusal(() => rotateDidWebDocument(base(), k2(), { retire: [`${DID}#key-2`] }))).toMatchObject({ code: 'ERR_INVALID_INPUT', message: 'cannot retire the key being added' });
    expect(await refusal(() => rotateDidWebDocument(base(), k2(), { retire: [`${DID}#key-9`] }))).toMatchObject({ code: 'ERR_VERIFICATION_METHOD_NOT_FOUND', message: `${DID}#key-9 is not in the DID document` });
    expect(await refusal(() => rotateDidWebDocument({ id: 'did:web:' }, k2()))).toMatchObject({ code: 'ERR_INVALID_DID', message: 'not a did:web DID: did:web:' });
  });
});

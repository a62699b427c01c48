// @ts-nocheck
// Issue 21 (mutation testing of src/keys): the rules of key decoding, did:key / did:web resolution and key import,
// each asserted on literal values from the specs (never on values computed by the code under test).
// RFC 8032 §7.1 test 1: secret 9d61b1…7f60, public d75a98…511a. Its multibase forms were computed independently
// (Python: base58btc of 0xed01‖pub and 0x8026‖secret, Controlled Identifiers v1.0 §2.2.2 Multikey).
import { describe, expect, it } from 'vitest';
import {
  createDidWebDocument,
  createSigner,
  didWebToUrl,
  exportKeyPair,
  generateKeyPair,
  importKeyPair,
  resolveDidKey,
  toVerificationMethod,
} from '../../src/keys/index.js';
import { CredstackError } from '../../src/errors.js';
import { ecdsaDidKey } from '../../src/keys/did-key-core.js';
import { describeKey } from '../../src/keys/keypair.js';
import { decodePublicKeyMultibase, decodeSecretKeyMultibase, fromBase58btc } from '../../src/keys/multibase.js';

const PUB_HEX = 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a';
const SEED_HEX = '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60';
const PUB_MB = 'z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw';
const SECRET_MB = 'z3u2bpACJXYj89Vh7HqHn8oVv2A2niEy9FcQUzzuQTYJ61AX';
const PUB_B64U = '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo';
const SEED_B64U = 'nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A';
const DID = `did:key:${PUB_MB}`;
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const fromHex = (h: string) => Uint8Array.from(Buffer.from(h, 'hex'));
const code = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CredstackError);
    return (e as CredstackError).code;
  }
  return 'no error';
};

describe('Multikey encoding (Controlled Identifiers v1.0 §2.2.2)', () => {
  // "The encoding of an Ed25519 public key MUST start with the two-byte prefix 0xed01 (the varint expression of 0xed),
  // followed by the 32-byte public key data. The resulting 34-byte value MUST then be encoded using the base-58-btc
  // alphabet … and then prepended with the base-58-btc Multibase header (z)."
  it('decodes the RFC 8032 test-1 public and secret key from their multibase forms', () => {
    expect(hex(decodePublicKeyMultibase(PUB_MB))).toBe(PUB_HEX);
    expect(hex(decodeSecretKeyMultibase(SECRET_MB))).toBe(SEED_HEX);
    // a 64-byte secret (seed ‖ public key, as some tools write it) yields the 32-byte seed
    expect(hex(decodeSecretKeyMultibase('zrv3nQ3vxUrShebtbJeB42niZe1oGRnFzGPusycqLLtiJEeSFbDjwS6rvt6uMYYkjGuZMTsqb6mzCgG19WbjcNNsvxq'))).toBe(SEED_HEX);
  });

  it('refuses another prefix, another length, another multibase header and bad base58', () => {
    expect(code(() => decodePublicKeyMultibase('z2DQYFhy74hg5eM3VNHKxySLj7rqfiJ7SZ3Gyokjx1w6yGc'))).toBe('ERR_KEY_UNSUPPORTED'); // 31-byte key
    expect(code(() => decodePublicKeyMultibase('zQeckHN9FGhBanGv7VfdNCgoaDjXjrsXJPT8AdyxjuP1as9oM'))).toBe('ERR_KEY_UNSUPPORTED'); // 33-byte key
    expect(code(() => decodePublicKeyMultibase('z6LSrApwZptxFR4jy6U8Z8exYPwTqSXniWLqihApE1oK9WsK'))).toBe('ERR_KEY_UNSUPPORTED'); // 0xec01 (X25519)
    expect(code(() => decodePublicKeyMultibase(SECRET_MB))).toBe('ERR_KEY_UNSUPPORTED'); // a secret key is not a public key
    expect(code(() => decodePublicKeyMultibase('z'))).toBe('ERR_KEY_UNSUPPORTED'); // empty: shorter than the prefix
    expect(code(() => decodeSecretKeyMultibase(PUB_MB))).toBe('ERR_KEY_INVALID');
    expect(code(() => decodeSecretKeyMultibase('zf4zH84vMy8H7uiiJQdRj6YvhbDe6GQ9DNcgRUAcDoxysL'))).toBe('ERR_KEY_INVALID'); // 31-byte seed
    expect(code(() => fromBase58btc(PUB_MB.slice(1)))).toBe('ERR_KEY_INVALID'); // no "z"
    expect(code(() => fromBase58btc('u' + PUB_B64U))).toBe('ERR_KEY_INVALID'); // base64url multibase header
    expect(code(() => fromBase58btc('z0OIl'))).toBe('ERR_KEY_INVALID'); // not in the base58 alphabet
    expect(code(() => fromBase58btc(42 as unknown as string))).toBe('ERR_KEY_INVALID');
    // bounded input: 512 characters are decoded, 513 are refused before decoding
    expect(fromBase58btc('z' + '1'.repeat(511))).toHaveLength(511);
    expect(code(() => fromBase58btc('z' + '1'.repeat(512)))).toBe('ERR_KEY_INVALID');
  });
});

describe('did:key (did:key method v0.7 §3.1.2: the DID document of an Ed25519 did:key)', () => {
  it('resolves the DID to the document with every verification relationship naming the one key', () => {
    const vmId = `${DID}#${PUB_MB}`;
    expect(resolveDidKey(DID)).toEqual({
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: DID,
      verificationMethod: [{ id: vmId, type: 'Multikey', controller: DID, publicKeyMultibase: PUB_MB }],
      authentication: [vmId],
      assertionMethod: [vmId],
      capabilityDelegation: [vmId],
      capabilityInvocation: [vmId],
    });
    expect(resolveDidKey(vmId)).toEqual({ '@context': 'https://w3id.org/security/multikey/v1', id: vmId, type: 'Multikey', controller: DID, publicKeyMultibase: PUB_MB });
  });

  it('resolves nothing else: another fragment, an empty fragment, another method, a bad key, an over-long URL', () => {
    expect(resolveDidKey(`${DID}#key-1`)).toBeUndefined();
    expect(resolveDidKey(`${DID}#`)).toBeUndefined();
    expect(resolveDidKey(`did:web:${PUB_MB}`)).toBeUndefined();
    expect(resolveDidKey(`did:key:z6LSrApwZptxFR4jy6U8Z8exYPwTqSXniWLqihApE1oK9WsK`)).toBeUndefined();
    expect(resolveDidKey(`${DID}#${PUB_MB}`.padEnd(201, 'x'))).toBeUndefined();
    expect(resolveDidKey(42 as unknown as string)).toBeUndefined();
  });

  // DID Core v1.0 §3.2: did-url = did path-abempty [ "?" query ] [ "#" fragment ]; RFC 3986 §3.5: fragment =
  // *( pchar / "/" / "?" ) — "#" is not in it. A URL with a second "#" is no DID URL and names no key (it was resolved
  // to the key by dropping what followed the second "#").
  it('resolves no DID URL with two fragments', () => {
    expect(resolveDidKey(`${DID}#${PUB_MB}#${PUB_MB}`)).toBeUndefined();
    expect(resolveDidKey(`${DID}#${PUB_MB}#x`)).toBeUndefined();
    expect(resolveDidKey(`${DID}##${PUB_MB}`)).toBeUndefined();
    expect(resolveDidKey(`${DID}#${PUB_MB}#`)).toBeUndefined();
  });
});

describe('edges of key decoding and did:key found by mutation testing (issue 21)', () => {
  const refusal = (fn: () => unknown): CredstackError => {
    try {
      fn();
    } catch (e) {
      return e as CredstackError;
    }
    throw new Error('no error');
  };
  // each refusal says what was expected (the message is what a user reads); a base58 failure keeps its cause
  it('KeyError messages name the expected form; bad base58 keeps the decoder error as cause', () => {
    for (const bad of [42, ['z', '6'], PUB_MB.slice(1), 'z' + '1'.repeat(512)]) {
      expect(refusal(() => fromBase58btc(bad as string)).message).toBe('expected a multibase base58btc string starting with "z"');
    }
    const b58 = refusal(() => fromBase58btc('z0OIl'));
    expect(b58.message).toBe('invalid base58btc encoding');
    expect(b58.cause).toBeInstanceOf(Error);
    expect(refusal(() => decodePublicKeyMultibase(SECRET_MB)).message).toBe('publicKeyMultibase is not an Ed25519 public key (expected z6Mk…)');
    expect(refusal(() => decodeSecretKeyMultibase(PUB_MB)).message).toBe('secretKeyMultibase is not an Ed25519 secret key');
  });

  // did:key v0.7 §3.1.2 with the P-256 (0x1200, "zDn…") and P-384 (0x1201, "z82…") Multikey encodings (Controlled
  // Identifiers v1.0 §2.2.2); keys from the W3C vc-di-ecdsa test vectors (test/fixtures/vc-di-ecdsa/*KeyPair.json)
  it.each([
    ['P-256', 'zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP'],
    ['P-384', 'z82LkuBieyGShVBhvtE2zoiD6Kma4tJGFtkAhxR5pfkp5QPw4LutoYWhvQCnGjdVn14kujQ'],
  ])('resolves a %s did:key and its key URL', (_curve, mb) => {
    const did = `did:key:${mb}`;
    expect(resolveDidKey(`${did}#${mb}`)).toEqual({ '@context': 'https://w3id.org/security/multikey/v1', id: `${did}#${mb}`, type: 'Multikey', controller: did, publicKeyMultibase: mb });
    expect(resolveDidKey(did)).toMatchObject({ id: did, assertionMethod: [`${did}#${mb}`] });
    // one character short: not the 33/49-byte compressed point the prefix announces
    expect(resolveDidKey(`did:key:${mb.slice(0, -1)}`)).toBeUndefined();
  });
});

describe('did:web (did:web method §3.2 Read): the DID → URL transformation', () => {
  // "Replace ":" with "/" in the method specific identifier …"; "If the domain contains a port percent decode the
  // colon."; "If no path has been specified in the URL, append /.well-known."; "Append /did.json to complete the URL."
  it.each([
    ['did:web:w3c-ccg.github.io', 'https://w3c-ccg.github.io/.well-known/did.json'],
    ['did:web:w3c-ccg.github.io:user:alice', 'https://w3c-ccg.github.io/user/alice/did.json'],
    ['did:web:example.com%3A3000:user:alice', 'https://example.com:3000/user/alice/did.json'],
  ])('%s → %s (the spec examples)', (did, url) => {
    expect(didWebToUrl(did)).toBe(url);
  });

  it.each(['did:web:', 'did:web:a.example#key-1', 'did:web:a.example/path', 'did:web:a.example::b', 'did:web:a.example?x', 'xdid:web:a.example', 'did:web:a.example:', 42])(
    '%s is not a did:web DID → ERR_INVALID_DID',
    (did) => {
      expect(code(() => didWebToUrl(did as string))).toBe('ERR_INVALID_DID');
    },
  );

  it('writes the DID document from the keys the DID controls, and refuses other keys or none', async () => {
    const key = importKeyPair({ publicKeyMultibase: PUB_MB }, { controller: 'did:web:uni.example', id: 'did:web:uni.example#key-1' });
    expect(createDidWebDocument('did:web:uni.example', [key])).toEqual({
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: 'did:web:uni.example',
      verificationMethod: [{ id: 'did:web:uni.example#key-1', type: 'Multikey', controller: 'did:web:uni.example', publicKeyMultibase: PUB_MB }],
      assertionMethod: ['did:web:uni.example#key-1'],
      authentication: ['did:web:uni.example#key-1'],
    });
    expect(code(() => createDidWebDocument('did:web:uni.example', []))).toBe('ERR_INVALID_INPUT');
    expect(code(() => createDidWebDocument('did:web:uni.example', undefined as never))).toBe('ERR_INVALID_INPUT');
    // an RSA key is published as its public JWK members only: kty, n, e (RFC 7518 §6.3.1) — never d, p, q, …
    const rsa = { id: 'did:web:uni.example#rsa-1', controller: 'did:web:uni.example', type: 'JsonWebKey', publicKeyJwk: { kty: 'RSA', n: 'sXch', e: 'AQAB', d: 'SECRET', alg: 'RS256' } };
    expect(createDidWebDocument('did:web:uni.example', [rsa as never]).verificationMethod).toEqual([
      { id: 'did:web:uni.example#rsa-1', type: 'JsonWebKey', controller: 'did:web:uni.example', publicKeyJwk: { kty: 'RSA', n: 'sXch', e: 'AQAB' } },
    ]);
    expect(code(() => createDidWebDocument('did:web:other.example', [key]))).toBe('ERR_KEY_CONTROLLER_MISMATCH');
    expect(code(() => createDidWebDocument('https://uni.example', [key]))).toBe('ERR_INVALID_DID');
  });
});

describe('key import (RFC 8037 OKP JWK, Multikey) and export', () => {
  it('imports the RFC 8032 test-1 key from a JWK and from Multikey to the same did:key, with its secret', () => {
    const fromJwk = importKeyPair({ kty: 'OKP', crv: 'Ed25519', x: PUB_B64U, d: SEED_B64U });
    const fromMk = importKeyPair({ publicKeyMultibase: PUB_MB, secretKeyMultibase: SECRET_MB });
    for (const k of [fromJwk, fromMk]) {
      expect(toVerificationMethod(k)).toEqual({ id: `${DID}#${PUB_MB}`, type: 'Multikey', controller: DID, publicKeyMultibase: PUB_MB });
      expect(k.secretKeyMultibase).toBe(SECRET_MB);
    }
    // privateKeyMultibase (older Multikey spelling) is the secret too
    expect(importKeyPair({ publicKeyMultibase: PUB_MB, privateKeyMultibase: SECRET_MB }).secretKeyMultibase).toBe(SECRET_MB);
    expect(importKeyPair({ publicKeyMultibase: PUB_MB }).secretKeyMultibase).toBeUndefined();
  });

  it('keeps an id only when it is a DID URL with a fragment, and the given controller', () => {
    expect(importKeyPair({ publicKeyMultibase: PUB_MB, id: 'did:web:u.example#k1', controller: 'did:web:u.example' })).toMatchObject({ id: 'did:web:u.example#k1', controller: 'did:web:u.example' });
    expect(importKeyPair({ publicKeyMultibase: PUB_MB, id: 'did:web:u.example' }).id).toBe(`${DID}#${PUB_MB}`);
    expect(importKeyPair({ kty: 'OKP', crv: 'Ed25519', x: PUB_B64U, kid: 'did:web:u.example#k2' }).id).toBe('did:web:u.example#k2');
    expect(importKeyPair({ kty: 'OKP', crv: 'Ed25519', x: PUB_B64U, kid: 'k2' }).id).toBe(`${DID}#${PUB_MB}`);
    expect(importKeyPair({ publicKeyMultibase: PUB_MB, controller: 7 }).controller).toBe(DID);
    expect(importKeyPair({ publicKeyMultibase: PUB_MB, id: 'did:web:u.example#k1' }, { id: 'did:web:v.example#k9', controller: 'did:web:v.example' })).toMatchObject({ id: 'did:web:v.example#k9', controller: 'did:web:v.example' });
  });

  it.each([
    ['not an object', null, 'ERR_KEY_INVALID'],
    ['a string', 'z6Mk', 'ERR_KEY_INVALID'],
    ['no key material', { id: 'x' }, 'ERR_KEY_INVALID'],
    ['an RSA JWK', { kty: 'RSA', n: 'AQAB', e: 'AQAB' }, 'ERR_KEY_UNSUPPORTED'],
    ['an X25519 OKP JWK', { kty: 'OKP', crv: 'X25519', x: PUB_B64U }, 'ERR_KEY_UNSUPPORTED'],
    ['a JWK without x', { kty: 'OKP', crv: 'Ed25519' }, 'ERR_KEY_UNSUPPORTED'],
    ['x of 31 bytes', { kty: 'OKP', crv: 'Ed25519', x: PUB_B64U.slice(0, 41) }, 'ERR_KEY_INVALID'],
    ['d of 31 bytes', { kty: 'OKP', crv: 'Ed25519', x: PUB_B64U, d: SEED_B64U.slice(0, 41) }, 'ERR_KEY_INVALID'],
    ['x not base64url', { kty: 'OKP', crv: 'Ed25519', x: '+/+/' }, 'ERR_KEY_INVALID'],
    ['d not base64url', { kty: 'OKP', crv: 'Ed25519', x: PUB_B64U, d: '+/+/' }, 'ERR_KEY_INVALID'],
    ['a secret of another key (JWK)', { kty: 'OKP', crv: 'Ed25519', x: PUB_B64U, d: PUB_B64U }, 'ERR_KEY_INVALID'],
    ['a secret of another key (Multikey)', { publicKeyMultibase: 'z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', secretKeyMultibase: SECRET_MB }, 'ERR_KEY_INVALID'],
  ])('refuses %s → %s', (_name, input, expected) => {
    expect(code(() => importKeyPair(input))).toBe(expected);
  });

  it('exports the public JWK (RFC 8037 §2) and, only when asked, the secret', () => {
    const k = importKeyPair({ publicKeyMultibase: PUB_MB, secretKeyMultibase: SECRET_MB });
    expect(exportKeyPair(k, { format: 'jwk' })).toEqual({ kty: 'OKP', crv: 'Ed25519', x: PUB_B64U, kid: `${DID}#${PUB_MB}`, alg: 'EdDSA' });
    expect(exportKeyPair(k, { format: 'jwk', includeSecret: true }).d).toBe(SEED_B64U);
    expect(exportKeyPair(k)).toEqual({ id: `${DID}#${PUB_MB}`, controller: DID, type: 'Multikey', publicKeyMultibase: PUB_MB });
    expect(exportKeyPair(k, { includeSecret: true })).toEqual({ id: `${DID}#${PUB_MB}`, controller: DID, type: 'Multikey', publicKeyMultibase: PUB_MB, secretKeyMultibase: SECRET_MB });
    const pub = importKeyPair({ publicKeyMultibase: PUB_MB });
    expect(code(() => exportKeyPair(pub, { includeSecret: true }))).toBe('ERR_KEY_NO_SECRET');
    expect(code(() => exportKeyPair(pub, { format: 'jwk', includeSecret: true }))).toBe('ERR_KEY_NO_SECRET');
    expect(code(() => createSigner(pub))).toBe('ERR_KEY_NO_SECRET');
    expect(describeKey(pub)).toBe(`${DID}#${PUB_MB} (Ed25519, public only)`);
    expect(describeKey(k)).toBe(`${DID}#${PUB_MB} (Ed25519, secret present)`);
  });

  it('the secret is not enumerable and cannot be overwritten', () => {
    const k = importKeyPair({ publicKeyMultibase: PUB_MB, secretKeyMultibase: SECRET_MB });
    expect(Object.keys(k)).toEqual(['id', 'controller', 'type', 'publicKeyMultibase']);
    expect(() => {
      (k as { secretKeyMultibase?: string }).secretKeyMultibase = 'zEvil';
    }).toThrow(TypeError);
    expect(Object.getOwnPropertyDescriptor(k, 'secretKeyMultibase')).toMatchObject({ enumerable: false, writable: false, configurable: false });
  });

  it('signs RFC 8032 test 1 (empty message) through the signer: the published signature', async () => {
    const k = importKeyPair({ publicKeyMultibase: PUB_MB, secretKeyMultibase: SECRET_MB });
    const s = createSigner(k);
    expect({ id: s.id, algorithm: s.algorithm }).toEqual({ id: `${DID}#${PUB_MB}`, algorithm: 'Ed25519' });
    expect(hex(await s.sign({ data: new Uint8Array(0) }))).toBe(
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    );
  });

  it('generateKeyPair copies the seed, and takes a controller only if it is a DID or URL', async () => {
    const seed = fromHex(SEED_HEX);
    const k = await generateKeyPair({ seed });
    seed.fill(0);
    expect(k.publicKeyMultibase).toBe(PUB_MB);
    expect(k.secretKeyMultibase).toBe(SECRET_MB);
    await expect(generateKeyPair({ controller: 'uni.example' })).rejects.toMatchObject({ code: 'ERR_INVALID_INPUT' });
    await expect(generateKeyPair({ controller: 5 as unknown as string })).rejects.toMatchObject({ code: 'ERR_INVALID_INPUT' });
    await expect(generateKeyPair({ seed: new Uint8Array(31) })).rejects.toMatchObject({ code: 'ERR_INVALID_SEED' });
    await expect(generateKeyPair({ seed: Array(32).fill(1) as unknown as Uint8Array })).rejects.toMatchObject({ code: 'ERR_INVALID_SEED' });
  });
});

// src/keys/did-key-core.ts: the verifier's loader asks `ecdsaDidKey` whether to load the P-256/P-384 key module (a chunk
// of its own in the browser build) before resolving; the did:key v0.7 prefixes decide, read from the DID (before '#').
describe('ecdsaDidKey: which did:key URLs name a P-256/P-384 key', () => {
  const P256 = 'zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP';
  const P384 = 'z82LkuBieyGShVBhvtE2zoiD6Kma4tJGFtkAhxR5pfkp5QPw4LutoYWhvQCnGjdVn14kujQ';
  it('true for P-256 and P-384 did:keys and their DID URLs, false for anything else', () => {
    expect([`did:key:${P256}`, `did:key:${P256}#${P256}`, `did:key:${P384}`, `did:key:${P384}#${P384}`].map(ecdsaDidKey)).toEqual([true, true, true, true]);
    expect([DID, `${DID}#${PUB_MB}`, `did:key:${PUB_MB}#${P256}`, `did:web:${P256}`, `xdid:key:${P256}`, P256, `did:key:`, ''].map(ecdsaDidKey)).toEqual([false, false, false, false, false, false, false, false]);
    for (const bad of [undefined, null, 42, {}]) expect(ecdsaDidKey(bad as unknown as string)).toBe(false);
  });
});

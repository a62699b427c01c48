// @ts-nocheck
// Rule tests of P-256 / P-384 key decoding, JWKs and signatures (src/keys/ecdsa.ts, mutation area `keys-ecdsa`).
// Multikey prefixes: Multicodec table p256-pub 0x1200 (varint 0x80 0x24), p384-pub 0x1201 (0x81 0x24), p256-priv 0x1306
// (0x86 0x26), p384-priv 0x1307 (0x87 0x26); compressed points (SEC 1 §2.3.3). The JWK vector is RFC 7517 Appendix A.1/A.2
// (the P-256 key with kid "1"). Signatures: vc-di-ecdsa uses IEEE P1363 r‖s over SHA-256 (P-256) / SHA-384 (P-384),
// checked here against node:crypto, an implementation independent of the one under test.
import { createPrivateKey, createPublicKey, sign as nodeSign, verify as nodeVerify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  decodeEcdsaPublicKeyMultibase, decodeEcdsaSecretKeyMultibase, ecdsaJwkOf, ecdsaKeyMaterial, ecdsaPublicKey, ecdsaPublicKeyOfJwk,
  ecdsaSign, ecdsaSignatureLength, ecdsaVerify, encodeEcdsaPublicKeyMultibase, encodeEcdsaSecretKeyMultibase, isWellFormedEcdsaSignature,
  parseEcJwk, parseEcJwkSecret,
} from '../../src/keys/ecdsa.js';
import { toBase58btc } from '../../src/keys/multibase.js';

const RFC = { kty: 'EC', crv: 'P-256', x: 'MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4', y: '4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM', d: '870MB6gfuTJ4HtUnUvYMyJpr5eUZNP4Bk43bVdj3eAE' };
const b64 = (u: Uint8Array) => Buffer.from(u).toString('base64url');
const seed = (n: number, v = 7) => new Uint8Array(n).fill(v);
const err = (code: string, message?: string | RegExp) => expect.objectContaining({ code, ...(message ? { message: typeof message === 'string' ? message : expect.stringMatching(message) } : {}) });

describe('RFC 7517 A.1 P-256 key', () => {
  it('parseEcJwk gives the compressed point; ecdsaJwkOf gives x, y back; d derives that public key', () => {
    const { curve, publicKey } = parseEcJwk(RFC);
    expect(curve).toBe('P-256');
    expect(publicKey.length).toBe(33);
    expect(ecdsaJwkOf('P-256', publicKey)).toEqual({ kty: 'EC', crv: 'P-256', x: RFC.x, y: RFC.y });
    const secret = parseEcJwkSecret('P-256', RFC.d);
    expect(Buffer.from(ecdsaPublicKey('P-256', secret)).equals(Buffer.from(publicKey))).toBe(true);
    expect(ecdsaPublicKeyOfJwk(RFC)).toEqual({ curve: 'P-256', publicKey });
    expect(parseEcJwk({ ...RFC, alg: 'ES256' }).curve).toBe('P-256');
  });
});

describe('Multikey decoding (public)', () => {
  for (const [curve, len, z] of [['P-256', 33, 'zDn'], ['P-384', 49, 'z82']] as const) {
    it(`${curve}: round trip, ${len}-byte compressed point, text starts ${z}`, () => {
      const { publicKey } = ecdsaKeyMaterial(curve, seed(curve === 'P-256' ? 32 : 48));
      expect(publicKey.length).toBe(len);
      const mb = encodeEcdsaPublicKeyMultibase(curve, publicKey);
      expect(mb.startsWith(z)).toBe(true);
      const d = decodeEcdsaPublicKeyMultibase(mb);
      expect(d.curve).toBe(curve);
      expect(Buffer.from(d.publicKey).equals(Buffer.from(publicKey))).toBe(true);
    });
  }
  it('a wrong length under a known prefix: ERR_KEY_INVALID naming the size', () => {
    const { publicKey } = ecdsaKeyMaterial('P-256', seed(32));
    expect(() => decodeEcdsaPublicKeyMultibase(toBase58btc(Uint8Array.from([0x80, 0x24, ...publicKey, 0])))).toThrow(err('ERR_KEY_INVALID', 'P-256 Multikey must hold a 33-byte compressed point'));
    expect(() => decodeEcdsaPublicKeyMultibase(toBase58btc(Uint8Array.from([0x81, 0x24, ...publicKey])))).toThrow(err('ERR_KEY_INVALID', 'P-384 Multikey must hold a 49-byte compressed point'));
  });
  it('bytes that are no point on the curve: ERR_KEY_INVALID', () => {
    const offCurve = toBase58btc(Uint8Array.from([0x80, 0x24, 0x05, ...seed(32, 1)]));
    expect(() => decodeEcdsaPublicKeyMultibase(offCurve)).toThrow(err('ERR_KEY_INVALID', 'P-256 public key is not a point on the curve'));
    // the curve library's reason is kept as the cause
    expect(() => decodeEcdsaPublicKeyMultibase(offCurve)).toThrow(expect.objectContaining({ cause: expect.any(Error) }));
  });
  it('another prefix, a prefix alone, or one byte of a prefix: ERR_KEY_UNSUPPORTED', () => {
    for (const b of [[0xed, 0x01, ...seed(32)], [0x80, 0x24], [0x80, 0x25, ...seed(33)], [0x81, 0x25, ...seed(49)], [0x80]]) {
      expect(() => decodeEcdsaPublicKeyMultibase(toBase58btc(Uint8Array.from(b)))).toThrow(err('ERR_KEY_UNSUPPORTED', 'publicKeyMultibase is not a P-256 (zDn…) or P-384 (z82…) key'));
    }
  });
});

describe('Multikey decoding (secret)', () => {
  it('round trip for both curves', () => {
    for (const [curve, n] of [['P-256', 32], ['P-384', 48]] as const) {
      const d = decodeEcdsaSecretKeyMultibase(encodeEcdsaSecretKeyMultibase(curve, seed(n)));
      expect(d).toEqual({ curve, secret: seed(n) });
    }
  });
  it('wrong length: ERR_KEY_INVALID; unknown prefix or prefix alone: ERR_KEY_INVALID "not a P-256 or P-384 secret key"', () => {
    expect(() => decodeEcdsaSecretKeyMultibase(toBase58btc(Uint8Array.from([0x86, 0x26, ...seed(31)])))).toThrow(err('ERR_KEY_INVALID', 'P-256 secret key must be 32 bytes'));
    expect(() => decodeEcdsaSecretKeyMultibase(toBase58btc(Uint8Array.from([0x87, 0x26, ...seed(32)])))).toThrow(err('ERR_KEY_INVALID', 'P-384 secret key must be 48 bytes'));
    for (const b of [[0x86, 0x27, ...seed(32)], [0x86, 0x26], [0x80, 0x24, ...seed(32)]]) {
      expect(() => decodeEcdsaSecretKeyMultibase(toBase58btc(Uint8Array.from(b)))).toThrow(err('ERR_KEY_INVALID', 'secretKeyMultibase is not a P-256 or P-384 secret key'));
    }
  });
});

describe('ecdsaKeyMaterial', () => {
  it('a seed is copied, must be the curve size and in range (0 is not)', () => {
    const s = seed(32);
    const m = ecdsaKeyMaterial('P-256', s);
    s.fill(9);
    expect(m.secret).toEqual(seed(32));
    expect(() => ecdsaKeyMaterial('P-256', seed(31))).toThrow(err('ERR_KEY_INVALID', 'P-256 secret key must be 32 bytes in range'));
    expect(() => ecdsaKeyMaterial('P-384', seed(48, 0))).toThrow(err('ERR_KEY_INVALID', 'P-384 secret key must be 48 bytes in range'));
    expect(() => ecdsaKeyMaterial('P-256', seed(32, 0xff))).toThrow(err('ERR_KEY_INVALID'));
  });
  it('without a seed: a fresh valid key each time', () => {
    const a = ecdsaKeyMaterial('P-384');
    const b = ecdsaKeyMaterial('P-384');
    expect(a.secret.length).toBe(48);
    expect(a.publicKey.length).toBe(49);
    expect(Buffer.from(a.secret).equals(Buffer.from(b.secret))).toBe(false);
  });
});

describe('signatures: IEEE P1363 r‖s over SHA-256 / SHA-384, as node:crypto makes and checks them', () => {
  for (const [curve, n, hash] of [['P-256', 32, 'sha256'], ['P-384', 48, 'sha384']] as const) {
    it(`${curve}: ${2 * n}-byte signatures, cross-checked with node:crypto both ways`, () => {
      const { secret, publicKey } = ecdsaKeyMaterial(curve, seed(n, 3));
      const jwk = { ...ecdsaJwkOf(curve, publicKey) };
      const pub = createPublicKey({ key: jwk, format: 'jwk' });
      const priv = createPrivateKey({ key: { ...jwk, d: b64(secret) }, format: 'jwk' });
      const msg = new TextEncoder().encode('hashData');
      expect(ecdsaSignatureLength(curve)).toBe(2 * n);
      const sig = ecdsaSign(curve, secret, msg);
      expect(sig.length).toBe(2 * n);
      expect(nodeVerify(hash, msg, { key: pub, dsaEncoding: 'ieee-p1363' }, sig)).toBe(true);
      const theirs = new Uint8Array(nodeSign(hash, msg, { key: priv, dsaEncoding: 'ieee-p1363' }));
      expect(ecdsaVerify(curve, publicKey, msg, theirs)).toBe(true);
      expect(isWellFormedEcdsaSignature(curve, theirs)).toBe(true);
      // high-S signatures are valid ECDSA (vc-di-ecdsa does not require low S): s' = n − s verifies too
      const order = curve === 'P-256' ? 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n : 0xffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973n;
      const s = BigInt('0x' + Buffer.from(theirs.slice(n)).toString('hex'));
      const flipped = Uint8Array.from([...theirs.slice(0, n), ...Buffer.from((order - s).toString(16).padStart(2 * n, '0'), 'hex')]);
      expect(ecdsaVerify(curve, publicKey, msg, flipped)).toBe(true);
      // refusals: other message, one bit, wrong length, not bytes, a garbage key
      expect(ecdsaVerify(curve, publicKey, new TextEncoder().encode('hashDatb'), theirs)).toBe(false);
      const bit = Uint8Array.from(theirs);
      bit[5]! ^= 1;
      expect(ecdsaVerify(curve, publicKey, msg, bit)).toBe(false);
      expect(ecdsaVerify(curve, publicKey, msg, theirs.slice(1))).toBe(false);
      expect(ecdsaVerify(curve, publicKey, msg, Array.from(theirs) as never)).toBe(false);
      expect(ecdsaVerify(curve, seed(publicKey.length, 1), msg, theirs)).toBe(false);
      expect(isWellFormedEcdsaSignature(curve, theirs.slice(1))).toBe(false);
      expect(isWellFormedEcdsaSignature(curve, Array.from(theirs) as never)).toBe(false);
      expect(isWellFormedEcdsaSignature(curve, new Uint8Array(2 * n).fill(0xff))).toBe(false);
    });
  }
});

describe('parseEcJwk refusals', () => {
  it('kty, crv, alg, coordinates: each refused with its own message', () => {
    expect(() => parseEcJwk({ ...RFC, kty: 'OKP' })).toThrow(err('ERR_KEY_UNSUPPORTED', 'not an EC JWK (kty must be "EC")'));
    expect(() => parseEcJwk({ ...RFC, crv: undefined })).toThrow(err('ERR_KEY_UNSUPPORTED', 'EC JWK curve missing is not supported (P-256 or P-384)'));
    expect(() => parseEcJwk({ ...RFC, crv: 'P-521' })).toThrow(err('ERR_KEY_UNSUPPORTED', 'EC JWK curve "P-521" is not supported (P-256 or P-384)'));
    expect(() => parseEcJwk({ ...RFC, crv: 'P-256-and-a-very-long-name-'.repeat(40) })).toThrow(err('ERR_KEY_UNSUPPORTED', 'EC JWK curve "P-256-and-a-very-lon" is not supported (P-256 or P-384)'));
    expect(() => parseEcJwk({ ...RFC, alg: 'ES384' })).toThrow(err('ERR_KEY_INVALID', 'EC JWK alg does not match its curve P-256 (ES256)'));
    expect(() => parseEcJwk({ ...RFC, y: undefined })).toThrow(err('ERR_KEY_INVALID', 'EC JWK needs the coordinates x and y'));
    expect(() => parseEcJwk({ ...RFC, x: 1 })).toThrow(err('ERR_KEY_INVALID', 'EC JWK needs the coordinates x and y'));
    expect(() => parseEcJwk({ ...RFC, x: RFC.x + '=' })).toThrow(err('ERR_KEY_INVALID', 'EC JWK x / y are not base64url (unpadded)'));
    expect(() => parseEcJwk({ ...RFC, y: 'a+b/' })).toThrow(err('ERR_KEY_INVALID', 'EC JWK x / y are not base64url (unpadded)'));
    expect(() => parseEcJwk({ ...RFC, x: b64(seed(31)) })).toThrow(err('ERR_KEY_INVALID', 'EC JWK x and y of P-256 must be 32 bytes each'));
    expect(() => parseEcJwk({ ...RFC, y: b64(seed(33)) })).toThrow(err('ERR_KEY_INVALID', 'EC JWK x and y of P-256 must be 32 bytes each'));
    expect(() => parseEcJwk({ ...RFC, y: RFC.x })).toThrow(err('ERR_KEY_INVALID', 'EC JWK x / y are not a point on P-256'));
    expect(ecdsaPublicKeyOfJwk({ ...RFC, y: RFC.x })).toBeUndefined();
  });
  it('P-384: alg ES384 accepted, ES256 refused naming ES384', () => {
    const { publicKey } = ecdsaKeyMaterial('P-384', seed(48));
    const jwk = ecdsaJwkOf('P-384', publicKey);
    expect(jwk.x.length).toBe(64);
    expect(parseEcJwk({ ...jwk, alg: 'ES384' }).curve).toBe('P-384');
    expect(() => parseEcJwk({ ...jwk, alg: 'ES256' })).toThrow(err('ERR_KEY_INVALID', 'EC JWK alg does not match its curve P-384 (ES384)'));
  });
  it('parseEcJwkSecret: not a string, not base64url, wrong size, out of range', () => {
    expect(() => parseEcJwkSecret('P-256', 5)).toThrow(err('ERR_KEY_INVALID', 'EC JWK d is not base64url (unpadded)'));
    expect(() => parseEcJwkSecret('P-256', 'a+b/')).toThrow(err('ERR_KEY_INVALID', 'EC JWK d is not base64url (unpadded)'));
    expect(() => parseEcJwkSecret('P-256', b64(seed(48)))).toThrow(err('ERR_KEY_INVALID', 'EC JWK d of P-256 must be 32 bytes in range'));
    expect(() => parseEcJwkSecret('P-384', b64(seed(48, 0)))).toThrow(err('ERR_KEY_INVALID', 'EC JWK d of P-384 must be 48 bytes in range'));
    expect(parseEcJwkSecret('P-384', b64(seed(48)))).toEqual(seed(48));
  });
});

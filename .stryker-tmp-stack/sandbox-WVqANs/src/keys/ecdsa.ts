/**
 * NIST P-256 / P-384 (ECDSA) keys in W3C Multikey form, through `@noble/curves` (pure JS: the same code runs in Node
 * and in browsers, so verification needs no Node built-in).
 *
 * Multikey encodings (W3C Controller Documents §2.2.2 / multicodec table): `p256-pub` 0x1200 (varint `80 24`) + the
 * 33-byte compressed point → `zDn…`; `p384-pub` 0x1201 (varint `81 24`) + 49 bytes → `z82…`; secret keys `p256-priv`
 * 0x1306 (varint `86 26`) / `p384-priv` 0x1307 (varint `87 26`) + the scalar.
 */
// @ts-nocheck

import { p256, p384 } from '@noble/curves/nist.js';
import { base64urlnopad } from '@scure/base';
import { KeyError } from '../errors.js';
import { fromBase58btc, toBase58btc } from './multibase.js';

/**
 * An ECDSA curve credstack knows: P-256 signs and verifies, P-384 verifies (and signs, for tests and interop).
 * @example
 * ```ts
 * const c: EcdsaCurve = 'P-256';
 * ```
 */
export type EcdsaCurve = 'P-256' | 'P-384';

const CURVES = {
  'P-256': { lib: p256, pub: [0x80, 0x24], priv: [0x86, 0x26], pubLen: 33, secLen: 32, sigLen: 64 },
  'P-384': { lib: p384, pub: [0x81, 0x24], priv: [0x87, 0x26], pubLen: 49, secLen: 48, sigLen: 96 },
} as const;

function prefixed(b: Uint8Array, p: readonly number[]): boolean {
  return b.length > 2 && b[0] === p[0] && b[1] === p[1];
}

export { ecdsaCurveOfMultibase } from './ecdsa-prefix.js';

/** @internal Decode a P-256/P-384 Multikey public key; throws KeyError otherwise. */
export function decodeEcdsaPublicKeyMultibase(s: string): { curve: EcdsaCurve; publicKey: Uint8Array } {
  const b = fromBase58btc(s);
  for (const curve of ['P-256', 'P-384'] as const) {
    const c = CURVES[curve];
    if (prefixed(b, c.pub)) {
      if (b.length !== 2 + c.pubLen) throw new KeyError('ERR_KEY_INVALID', `${curve} Multikey must hold a ${c.pubLen}-byte compressed point`);
      const publicKey = b.slice(2);
      try {
        c.lib.Point.fromBytes(publicKey).assertValidity();
      } catch (cause) {
        throw new KeyError('ERR_KEY_INVALID', `${curve} public key is not a point on the curve`, { cause });
      }
      return { curve, publicKey };
    }
  }
  throw new KeyError('ERR_KEY_UNSUPPORTED', 'publicKeyMultibase is not a P-256 (zDn…) or P-384 (z82…) key');
}

/** @internal Encode a compressed P-256/P-384 public key as Multikey multibase. */
export function encodeEcdsaPublicKeyMultibase(curve: EcdsaCurve, publicKey: Uint8Array): string {
  const c = CURVES[curve];
  return toBase58btc(Uint8Array.from([...c.pub, ...publicKey]));
}

/** @internal Encode a P-256/P-384 secret scalar as Multikey multibase. */
export function encodeEcdsaSecretKeyMultibase(curve: EcdsaCurve, secret: Uint8Array): string {
  return toBase58btc(Uint8Array.from([...CURVES[curve].priv, ...secret]));
}

/** @internal Decode a P-256/P-384 Multikey secret key; throws KeyError otherwise. */
export function decodeEcdsaSecretKeyMultibase(s: string): { curve: EcdsaCurve; secret: Uint8Array } {
  const b = fromBase58btc(s);
  for (const curve of ['P-256', 'P-384'] as const) {
    const c = CURVES[curve];
    if (prefixed(b, c.priv)) {
      if (b.length !== 2 + c.secLen) throw new KeyError('ERR_KEY_INVALID', `${curve} secret key must be ${c.secLen} bytes`);
      return { curve, secret: b.slice(2) };
    }
  }
  throw new KeyError('ERR_KEY_INVALID', 'secretKeyMultibase is not a P-256 or P-384 secret key');
}

/** @internal A fresh (or seeded) secret scalar and its compressed public key. */
export function ecdsaKeyMaterial(curve: EcdsaCurve, seed?: Uint8Array): { secret: Uint8Array; publicKey: Uint8Array } {
  const c = CURVES[curve];
  const secret = seed ? Uint8Array.from(seed) : c.lib.utils.randomSecretKey();
  if (secret.length !== c.secLen || !c.lib.utils.isValidSecretKey(secret)) throw new KeyError('ERR_KEY_INVALID', `${curve} secret key must be ${c.secLen} bytes in range`);
  return { secret, publicKey: c.lib.getPublicKey(secret, true) };
}

/** @internal Compressed public key of a secret scalar. */
export function ecdsaPublicKey(curve: EcdsaCurve, secret: Uint8Array): Uint8Array {
  return CURVES[curve].lib.getPublicKey(secret, true);
}

/** @internal Length of an IEEE P1363 (r‖s) signature of the curve. */
export function ecdsaSignatureLength(curve: EcdsaCurve): number {
  return CURVES[curve].sigLen;
}

/**
 * @internal ECDSA-sign `message` (hashed inside with SHA-256 for P-256, SHA-384 for P-384, as WebCrypto and JOSE do),
 * returning the IEEE P1363 r‖s form that Data Integrity and JWS use. Deterministic (RFC 6979).
 */
export function ecdsaSign(curve: EcdsaCurve, secret: Uint8Array, message: Uint8Array): Uint8Array {
  return CURVES[curve].lib.sign(message, secret, { prehash: true, lowS: false });
}

/** @internal Verify an r‖s ECDSA signature (high-S accepted: WebCrypto signers produce either). Never throws. */
export function ecdsaVerify(curve: EcdsaCurve, publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  const c = CURVES[curve];
  if (!(signature instanceof Uint8Array) || signature.length !== c.sigLen) return false;
  try {
    return c.lib.verify(signature, message, publicKey, { prehash: true, lowS: false });
  } catch {
    return false;
  }
}

/** @internal A P1363 signature whose r and s are in [1, n-1]: what a well-behaved signer returns. */
export function isWellFormedEcdsaSignature(curve: EcdsaCurve, signature: Uint8Array): boolean {
  const c = CURVES[curve];
  if (!(signature instanceof Uint8Array) || signature.length !== c.sigLen) return false;
  try {
    c.lib.Signature.fromBytes(signature, 'compact');
    return true;
  } catch {
    return false;
  }
}

/** @internal Uncompressed JWK coordinates of a compressed public key. */
export function ecdsaJwkOf(curve: EcdsaCurve, publicKey: Uint8Array): { kty: 'EC'; crv: EcdsaCurve; x: string; y: string } {
  const c = CURVES[curve];
  const raw = c.lib.Point.fromBytes(publicKey).toBytes(false);
  const n = c.secLen;
  const b64 = (u: Uint8Array) => base64url(u);
  return { kty: 'EC', crv: curve, x: b64(raw.slice(1, 1 + n)), y: b64(raw.slice(1 + n)) };
}

/**
 * @internal The curve and compressed public key of an EC JWK (RFC 7518 §6.2.1), or a typed error saying what is wrong:
 * a curve other than P-256 / P-384 is `ERR_KEY_UNSUPPORTED`; missing or non-base64url coordinates, coordinates that
 * are not 32 (P-256) / 48 (P-384) bytes, a point not on the curve, or an `alg` of the other curve are `ERR_KEY_INVALID`.
 */
export function parseEcJwk(jwk: Record<string, unknown>): { curve: EcdsaCurve; publicKey: Uint8Array } {
  if (jwk.kty !== 'EC') throw new KeyError('ERR_KEY_UNSUPPORTED', 'not an EC JWK (kty must be "EC")');
  if (jwk.crv !== 'P-256' && jwk.crv !== 'P-384') {
    throw new KeyError('ERR_KEY_UNSUPPORTED', `EC JWK curve ${typeof jwk.crv === 'string' ? JSON.stringify(jwk.crv.slice(0, 20)) : 'missing'} is not supported (P-256 or P-384)`);
  }
  const curve = jwk.crv;
  const c = CURVES[curve];
  if (jwk.alg !== undefined && jwk.alg !== (curve === 'P-256' ? 'ES256' : 'ES384')) {
    throw new KeyError('ERR_KEY_INVALID', `EC JWK alg does not match its curve ${curve} (${curve === 'P-256' ? 'ES256' : 'ES384'})`);
  }
  if (typeof jwk.x !== 'string' || typeof jwk.y !== 'string') throw new KeyError('ERR_KEY_INVALID', 'EC JWK needs the coordinates x and y');
  let x: Uint8Array;
  let y: Uint8Array;
  try {
    x = fromBase64url(jwk.x);
    y = fromBase64url(jwk.y);
  } catch {
    throw new KeyError('ERR_KEY_INVALID', 'EC JWK x / y are not base64url (unpadded)');
  }
  if (x.length !== c.secLen || y.length !== c.secLen) throw new KeyError('ERR_KEY_INVALID', `EC JWK x and y of ${curve} must be ${c.secLen} bytes each`);
  try {
    const p = c.lib.Point.fromBytes(Uint8Array.from([4, ...x, ...y]));
    p.assertValidity();
    return { curve, publicKey: p.toBytes(true) };
  } catch {
    throw new KeyError('ERR_KEY_INVALID', `EC JWK x / y are not a point on ${curve}`);
  }
}

/** @internal The secret scalar of an EC JWK's `d` (base64url, 32 / 48 bytes). */
export function parseEcJwkSecret(curve: EcdsaCurve, d: unknown): Uint8Array {
  const c = CURVES[curve];
  let secret: Uint8Array;
  try {
    if (typeof d !== 'string') throw new Error('not a string');
    secret = fromBase64url(d);
  } catch {
    throw new KeyError('ERR_KEY_INVALID', 'EC JWK d is not base64url (unpadded)');
  }
  if (secret.length !== c.secLen || !c.lib.utils.isValidSecretKey(secret)) throw new KeyError('ERR_KEY_INVALID', `EC JWK d of ${curve} must be ${c.secLen} bytes in range`);
  return secret;
}

/** @internal Compressed public key of an EC JWK's x/y; undefined when it is not a valid P-256 / P-384 key. */
export function ecdsaPublicKeyOfJwk(jwk: Record<string, unknown>): { curve: EcdsaCurve; publicKey: Uint8Array } | undefined {
  try {
    return parseEcJwk(jwk);
  } catch {
    return undefined;
  }
}

function base64url(u: Uint8Array): string {
  return base64urlnopad.encode(u);
}
function fromBase64url(s: string): Uint8Array {
  return base64urlnopad.decode(s);
}

// @ts-nocheck
import { base58, base64urlnopad } from '@scure/base';
import { KeyError } from '../errors.js';

/** Multicodec prefix of an Ed25519 public key (0xed 0x01). */
export const ED25519_PUB_PREFIX = Uint8Array.from([0xed, 0x01]);
/** Multicodec prefix of an Ed25519 secret key (0x80 0x26). */
export const ED25519_PRIV_PREFIX = Uint8Array.from([0x80, 0x26]);

function startsWith(b: Uint8Array, p: Uint8Array): boolean {
  // a shorter b fails the loop: b[i] is undefined there, never a prefix byte
  for (let i = 0; i < p.length; i++) if (b[i] !== p[i]) return false;
  return true;
}

/** Encode bytes as multibase base58btc (`z…`). */
export function toBase58btc(bytes: Uint8Array): string {
  return 'z' + base58.encode(bytes);
}

/** Decode a multibase base58btc string (`z…`); throws KeyError on anything else. */
export function fromBase58btc(s: string): Uint8Array {
  if (typeof s !== 'string' || s[0] !== 'z' || s.length > 512) {
    throw new KeyError('ERR_KEY_INVALID', 'expected a multibase base58btc string starting with "z"');
  }
  try {
    return base58.decode(s.slice(1));
  } catch (cause) {
    throw new KeyError('ERR_KEY_INVALID', 'invalid base58btc encoding', { cause });
  }
}

/** Ed25519 public key (32 bytes) → `z6Mk…` multibase with multicodec header. */
export function encodePublicKeyMultibase(pub: Uint8Array): string {
  const out = new Uint8Array(34);
  out.set(ED25519_PUB_PREFIX);
  out.set(pub, 2);
  return toBase58btc(out);
}

/** `z6Mk…` → 32-byte Ed25519 public key. Throws KeyError for another key type or length. */
export function decodePublicKeyMultibase(s: string): Uint8Array {
  const b = fromBase58btc(s);
  if (!startsWith(b, ED25519_PUB_PREFIX) || b.length !== 34) {
    throw new KeyError('ERR_KEY_UNSUPPORTED', 'publicKeyMultibase is not an Ed25519 public key (expected z6Mk…)');
  }
  return b.slice(2);
}

/** 32-byte Ed25519 secret seed → `z3u2…` multibase with multicodec header. */
export function encodeSecretKeyMultibase(seed: Uint8Array): string {
  const out = new Uint8Array(34);
  out.set(ED25519_PRIV_PREFIX);
  out.set(seed, 2);
  return toBase58btc(out);
}

/** `z3u2…` → 32-byte seed (also accepts the 64-byte seed‖public form some tools write). */
export function decodeSecretKeyMultibase(s: string): Uint8Array {
  const b = fromBase58btc(s);
  if (!startsWith(b, ED25519_PRIV_PREFIX) || (b.length !== 34 && b.length !== 66)) {
    throw new KeyError('ERR_KEY_INVALID', 'secretKeyMultibase is not an Ed25519 secret key');
  }
  return b.slice(2, 34);
}

/** base64url without padding. */
export const b64u = {
  encode: (b: Uint8Array): string => base64urlnopad.encode(b),
  decode: (s: string): Uint8Array => base64urlnopad.decode(s),
};

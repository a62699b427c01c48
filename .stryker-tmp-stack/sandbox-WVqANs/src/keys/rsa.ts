// @ts-nocheck
import { exportJWK, generateKeyPair as joseGenerateKeyPair, importJWK } from 'jose';
import { InvalidInputError, KeyError } from '../errors.js';
import { base64urlnopad } from '@scure/base';

/**
 * A public RSA JSON Web Key (RFC 7517/7518): only `kty`, `n`, `e` (plus optional `kid`/`alg`/`use`).
 * @example
 * ```ts
 * const jwk: RsaPublicJwk = rsa.publicKeyJwk; // { kty: 'RSA', n: '…', e: 'AQAB' }
 * ```
 */
export type RsaPublicJwk = JsonWebKey & { kty: 'RSA'; n: string; e: string };

/**
 * An RSA key pair for RS256 VC-JWTs (the OB 3.0 minimum algorithm), shaped like a `JsonWebKey` verification method.
 * `privateJwk` is non-enumerable: it never shows up in logs, spreads or `JSON.stringify`; export it on purpose with
 * {@link exportRsaKeyPair}.
 * @example
 * ```ts
 * const rsa: RsaKeyPair = await generateRsaKeyPair({ controller: 'did:web:uni.example', id: 'did:web:uni.example#rsa-1' });
 * ```
 */
export interface RsaKeyPair {
  /** Verification method id (a DID URL or an https URL), used as the JWT `kid`. */
  id: string;
  /** The DID (or URL) that controls the key: the credential's issuer id. */
  controller: string;
  type: 'JsonWebKey';
  publicKeyJwk: RsaPublicJwk;
  /** The private JWK (non-enumerable; absent on public-only keys). */
  privateJwk?: JsonWebKey & { kty: 'RSA' };
}

/** Members of an RSA JWK that belong to the private key (RFC 7518 §6.3.2). */
const RSA_PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth'] as const;
const B64U = /^[A-Za-z0-9_-]+$/;

function attachPrivate(kp: RsaKeyPair, jwk: (JsonWebKey & { kty: 'RSA' }) | undefined): RsaKeyPair {
  if (jwk) Object.defineProperty(kp, 'privateJwk', { value: Object.freeze({ ...jwk }), enumerable: false, writable: false, configurable: false });
  return kp;
}

function checkIds(controller: unknown, id: unknown): void {
  if (typeof controller !== 'string' || !/^[a-z][a-z0-9+.-]*:\S+$/i.test(controller)) {
    throw new InvalidInputError('controller (a DID or URL) is required for RSA keys', { code: 'ERR_INVALID_INPUT' });
  }
  if (typeof id !== 'string' || !/^[a-z][a-z0-9+.-]*:\S+$/i.test(id)) {
    throw new InvalidInputError('id (the verification method URI, used as the JWT kid) must be a DID URL or URL', { code: 'ERR_INVALID_INPUT' });
  }
}

/** Bits of an RSA modulus given as base64url (leading zero octets ignored). */
function modulusBits(n: string): number {
  let bytes: Uint8Array;
  try {
    bytes = base64urlnopad.decode(n.replace(/=+$/, ''));
  } catch {
    return 0;
  }
  let i = 0;
  while (i < bytes.length && bytes[i] === 0) i++;
  if (i === bytes.length) return 0;
  return (bytes.length - i - 1) * 8 + (32 - Math.clz32(bytes[i]!));
}

/**
 * Generate an RSA key pair (2048-bit by default, at least 2048) for RS256 VC-JWTs. RSA keys have no `did:key` form
 * here: give the controlling DID (usually `did:web`) and, optionally, the verification method id
 * (default `<controller>#rsa-1`). Publish the public part with {@link toRsaVerificationMethod} in the DID document.
 * @example
 * ```ts
 * const rsa = await generateRsaKeyPair({ controller: 'did:web:uni.example', id: 'did:web:uni.example#rsa-1' });
 * const jwt = await issueCredential(credential, { key: rsa, format: 'vc-jwt' });
 * ```
 */
export async function generateRsaKeyPair(opts: { controller: string; id?: string; modulusLength?: number }): Promise<RsaKeyPair> {
  if (!opts || typeof opts !== 'object') throw new InvalidInputError('options with a controller are required');
  const id = opts.id ?? `${String(opts.controller)}#rsa-1`;
  checkIds(opts.controller, id);
  const modulusLength = opts.modulusLength ?? 2048;
  if (!Number.isInteger(modulusLength) || modulusLength < 2048 || modulusLength > 8192) {
    throw new InvalidInputError('RSA keys must be 2048 to 8192 bits');
  }
  const { publicKey, privateKey } = await joseGenerateKeyPair('RS256', { modulusLength, extractable: true });
  const pub = (await exportJWK(publicKey)) as RsaPublicJwk;
  const priv = (await exportJWK(privateKey)) as JsonWebKey & { kty: 'RSA' };
  return attachPrivate({ id, controller: opts.controller, type: 'JsonWebKey', publicKeyJwk: { kty: 'RSA', n: pub.n, e: pub.e } }, priv);
}

/**
 * Import an RSA key pair from JWKs: the public JWK, the private JWK, or both (then they must match). The modulus must
 * be at least 2048 bits. Throws {@link KeyError} `ERR_KEY_INVALID` for anything else.
 * @example
 * ```ts
 * const rsa = await importRsaKeyPair({ controller: 'did:web:uni.example', id: 'did:web:uni.example#rsa-1', privateJwk });
 * const verifyOnly = await importRsaKeyPair({ controller: 'did:web:uni.example', id: 'did:web:uni.example#rsa-1', publicKeyJwk });
 * ```
 */
export async function importRsaKeyPair(opts: { controller: string; id: string; publicKeyJwk?: JsonWebKey; privateJwk?: JsonWebKey }): Promise<RsaKeyPair> {
  if (!opts || typeof opts !== 'object') throw new InvalidInputError('options are required');
  checkIds(opts.controller, opts.id);
  const src = opts.privateJwk ?? opts.publicKeyJwk;
  if (!src || typeof src !== 'object' || src.kty !== 'RSA' || typeof src.n !== 'string' || typeof src.e !== 'string' || !B64U.test(src.n) || !B64U.test(src.e)) {
    throw new KeyError('ERR_KEY_INVALID', 'an RSA JWK with base64url n and e is required');
  }
  if (opts.publicKeyJwk && opts.privateJwk && (opts.publicKeyJwk.n !== opts.privateJwk.n || opts.publicKeyJwk.e !== opts.privateJwk.e)) {
    throw new KeyError('ERR_KEY_INVALID', 'publicKeyJwk and privateJwk are not the same RSA key');
  }
  if (opts.publicKeyJwk && RSA_PRIVATE_MEMBERS.some((m) => m in opts.publicKeyJwk!)) {
    throw new KeyError('ERR_KEY_INVALID', 'publicKeyJwk contains private key members: pass it as privateJwk');
  }
  if (opts.privateJwk && typeof opts.privateJwk.d !== 'string') {
    throw new KeyError('ERR_KEY_INVALID', 'privateJwk has no "d": it is not a private key');
  }
  if (modulusBits(src.n) < 2048) throw new KeyError('ERR_KEY_INVALID', 'RSA keys must be at least 2048 bits (RFC 7518 §3.3)');
  try {
    await importJWK({ ...src, alg: 'RS256' }, 'RS256');
  } catch (cause) {
    throw new KeyError('ERR_KEY_INVALID', 'RSA JWK could not be imported', { cause });
  }
  const pub: RsaPublicJwk = { kty: 'RSA', n: src.n, e: src.e };
  return attachPrivate({ id: opts.id, controller: opts.controller, type: 'JsonWebKey', publicKeyJwk: pub }, opts.privateJwk as (JsonWebKey & { kty: 'RSA' }) | undefined);
}

/**
 * Export an RSA key pair as plain JSON; the private JWK only with `includeSecret: true`.
 * @example
 * ```ts
 * await fs.writeFile('rsa.json', JSON.stringify(exportRsaKeyPair(rsa, { includeSecret: true })), { mode: 0o600 });
 * const again = await importRsaKeyPair(JSON.parse(await fs.readFile('rsa.json', 'utf8')));
 * ```
 */
export function exportRsaKeyPair(key: RsaKeyPair, opts: { includeSecret?: boolean } = {}): RsaKeyPair {
  const out: RsaKeyPair = { id: key.id, controller: key.controller, type: 'JsonWebKey', publicKeyJwk: { ...key.publicKeyJwk } };
  if (opts.includeSecret) {
    if (!key.privateJwk) throw new KeyError('ERR_KEY_NO_SECRET', 'key has no private part');
    out.privateJwk = { ...key.privateJwk };
  }
  return out;
}

/**
 * The public `JsonWebKey` verification method of an RSA key, for the issuer's DID document (`verificationMethod`,
 * referenced from `assertionMethod`). Never contains private members.
 * @example
 * ```ts
 * const didDoc = {
 *   '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/jwk/v1'],
 *   id: 'did:web:uni.example',
 *   verificationMethod: [toRsaVerificationMethod(rsa)],
 *   assertionMethod: [rsa.id],
 * };
 * ```
 */
export function toRsaVerificationMethod(key: RsaKeyPair): { id: string; type: 'JsonWebKey'; controller: string; publicKeyJwk: RsaPublicJwk } {
  const { n, e } = key.publicKeyJwk;
  return { id: key.id, type: 'JsonWebKey', controller: key.controller, publicKeyJwk: { kty: 'RSA', n, e } };
}

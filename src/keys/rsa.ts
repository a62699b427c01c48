import { exportJWK, generateKeyPair as joseGenerateKeyPair, importJWK } from 'jose';
import { InvalidInputError, KeyError } from '../errors.js';

/**
 * An RSA key pair for RS256 VC-JWTs (the OB 3.0 minimum algorithm). `privateJwk` is non-enumerable: it never shows
 * up in logs or `JSON.stringify`; export it on purpose with {@link exportRsaKeyPair}.
 * @example
 * ```ts
 * const rsa: RsaKeyPair = await generateRsaKeyPair({ controller: 'did:web:uni.example', id: 'did:web:uni.example#rsa-1' });
 * ```
 */
export interface RsaKeyPair {
  id: string;
  controller: string;
  type: 'JsonWebKey';
  publicKeyJwk: JsonWebKey & { kty: 'RSA' };
  privateJwk?: JsonWebKey & { kty: 'RSA' };
}

function attachPrivate(kp: RsaKeyPair, jwk: JsonWebKey | undefined): RsaKeyPair {
  if (jwk) Object.defineProperty(kp, 'privateJwk', { value: jwk, enumerable: false, writable: false });
  return kp;
}

/**
 * Generate an RSA (2048-bit by default) key pair for RS256 VC-JWTs. RSA keys have no did:key form here:
 * give the controlling DID (usually `did:web`) and a verification method id.
 * @example
 * ```ts
 * const rsa = await generateRsaKeyPair({ controller: 'did:web:uni.example', id: 'did:web:uni.example#rsa-1' });
 * const jwt = await issueCredential(credential, { key: rsa, format: 'vc-jwt' });
 * ```
 */
export async function generateRsaKeyPair(opts: { controller: string; id?: string; modulusLength?: number }): Promise<RsaKeyPair> {
  if (!opts || typeof opts.controller !== 'string' || !opts.controller.includes(':')) {
    throw new InvalidInputError('controller (a DID or URL) is required for RSA keys');
  }
  const modulusLength = opts.modulusLength ?? 2048;
  if (modulusLength < 2048) throw new InvalidInputError('RSA keys must be at least 2048 bits');
  const { publicKey, privateKey } = await joseGenerateKeyPair('RS256', { modulusLength, extractable: true });
  const pub = (await exportJWK(publicKey)) as JsonWebKey & { kty: 'RSA' };
  const priv = (await exportJWK(privateKey)) as JsonWebKey & { kty: 'RSA' };
  return attachPrivate({ id: opts.id ?? `${opts.controller}#rsa-1`, controller: opts.controller, type: 'JsonWebKey', publicKeyJwk: pub }, priv);
}

/**
 * Import an RSA key pair from JWKs (public, and optionally private).
 * @example
 * ```ts
 * const rsa = await importRsaKeyPair({ controller: 'did:web:uni.example', id: 'did:web:uni.example#rsa-1', privateJwk });
 * ```
 */
export async function importRsaKeyPair(opts: { controller: string; id: string; publicKeyJwk?: JsonWebKey; privateJwk?: JsonWebKey }): Promise<RsaKeyPair> {
  const src = opts.privateJwk ?? opts.publicKeyJwk;
  if (!src || src.kty !== 'RSA' || typeof src.n !== 'string' || typeof src.e !== 'string') {
    throw new KeyError('ERR_KEY_INVALID', 'an RSA JWK with n and e is required');
  }
  try {
    await importJWK({ ...src, alg: 'RS256' }, 'RS256');
  } catch (cause) {
    throw new KeyError('ERR_KEY_INVALID', 'RSA JWK could not be imported', { cause });
  }
  const pub = { kty: 'RSA' as const, n: src.n, e: src.e };
  return attachPrivate({ id: opts.id, controller: opts.controller, type: 'JsonWebKey', publicKeyJwk: pub }, opts.privateJwk);
}

/**
 * Export an RSA key pair; the private JWK only with `includeSecret: true`.
 * @example
 * ```ts
 * await fs.writeFile('rsa.json', JSON.stringify(exportRsaKeyPair(rsa, { includeSecret: true })), { mode: 0o600 });
 * ```
 */
export function exportRsaKeyPair(key: RsaKeyPair, opts: { includeSecret?: boolean } = {}): RsaKeyPair & { privateJwk?: JsonWebKey } {
  const out: RsaKeyPair = { id: key.id, controller: key.controller, type: 'JsonWebKey', publicKeyJwk: key.publicKeyJwk };
  if (opts.includeSecret) {
    if (!key.privateJwk) throw new KeyError('ERR_KEY_NO_SECRET', 'key has no private part');
    out.privateJwk = key.privateJwk;
  }
  return out;
}

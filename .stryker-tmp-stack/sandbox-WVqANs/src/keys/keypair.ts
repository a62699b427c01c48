// @ts-nocheck
import { InvalidInputError, KeyError } from '../errors.js';
import { ed25519PublicKey, ed25519Sign } from './ed25519.js';
import {
  decodeEcdsaPublicKeyMultibase,
  decodeEcdsaSecretKeyMultibase,
  ecdsaCurveOfMultibase,
  ecdsaKeyMaterial,
  ecdsaPublicKey,
  ecdsaJwkOf,
  encodeEcdsaPublicKeyMultibase,
  encodeEcdsaSecretKeyMultibase,
  parseEcJwk,
  parseEcJwkSecret,
  type EcdsaCurve,
} from './ecdsa.js';
import {
  b64u,
  decodePublicKeyMultibase,
  decodeSecretKeyMultibase,
  encodePublicKeyMultibase,
  encodeSecretKeyMultibase,
} from './multibase.js';

/**
 * An Ed25519 (`z6Mk…`) or ECDSA P-256 (`zDn…`) / P-384 (`z82…`) key pair in W3C Multikey form. `secretKeyMultibase` is absent on public-only keys; where present it is
 * non-enumerable, so logging or `JSON.stringify` never reveals it (export it on purpose with {@link exportKeyPair}).
 * @example
 * ```ts
 * const key: KeyPair = await generateKeyPair();
 * key.id;         // did:key:z6Mk…#z6Mk…
 * key.controller; // did:key:z6Mk…
 * ```
 */
export interface KeyPair {
  /** Verification method id, e.g. `did:key:z6Mk…#z6Mk…` or `did:web:uni.example#key-1`. */
  id: string;
  /** The DID that controls the key (the credential's issuer id). */
  controller: string;
  type: 'Multikey';
  publicKeyMultibase: string;
  secretKeyMultibase?: string;
}

/**
 * An Ed25519 public (and optionally private) key as a JSON Web Key (RFC 8037).
 * @example
 * ```ts
 * const jwk: Ed25519Jwk = exportKeyPair(key, { format: 'jwk' });
 * ```
 */
export interface Ed25519Jwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  d?: string;
  kid?: string;
  alg?: 'EdDSA';
}

/**
 * A P-256 or P-384 public (and optionally private) key as a JSON Web Key (RFC 7517, RFC 7518 §6.2): `x`, `y` (and `d`)
 * are the base64url (unpadded) big-endian coordinates (secret scalar), 32 bytes each for P-256, 48 for P-384.
 * @example
 * ```ts
 * const key = await generateKeyPair({ algorithm: 'P-256' });
 * const jwk = exportKeyPair(key, { format: 'jwk' }) as EcJwk; // { kty: 'EC', crv: 'P-256', x, y, kid, alg: 'ES256' }
 * ```
 */
export interface EcJwk {
  kty: 'EC';
  crv: EcdsaCurve;
  x: string;
  y: string;
  d?: string;
  kid?: string;
  alg?: 'ES256' | 'ES384';
}

/**
 * The JWK of a key pair: {@link Ed25519Jwk} (`kty: 'OKP'`) or {@link EcJwk} (`kty: 'EC'`, P-256 / P-384).
 * @example
 * ```ts
 * const jwk: KeyJwk = exportKeyPair(key, { format: 'jwk' });
 * if (jwk.kty === 'EC') console.log(jwk.crv, jwk.y);
 * ```
 */
export type KeyJwk = Ed25519Jwk | EcJwk;

/**
 * Options of {@link generateKeyPair}.
 * @example
 * ```ts
 * const opts: GenerateKeyPairOptions = { controller: 'did:web:uni.example', id: 'did:web:uni.example#key-1' };
 * ```
 */
export interface GenerateKeyPairOptions {
  /** 32 bytes: the key is derived deterministically from it. */
  seed?: Uint8Array;
  /** The controlling DID (default: the key's own did:key). */
  controller?: string;
  /** The verification method id (default: `did:key:…#…` or `<controller>#<publicKeyMultibase>`). */
  id?: string;
  /** `'Ed25519'` (default), `'P-256'` (ecdsa-rdfc-2019 / ecdsa-jcs-2019 / ES256) or `'P-384'`. */
  algorithm?: 'Ed25519' | EcdsaCurve;
}

/**
 * The `did:key` DID of an Ed25519 public key multibase.
 * @example
 * ```ts
 * didKeyFromPublicKeyMultibase('z6MkhaXg…'); // 'did:key:z6MkhaXg…'
 * ```
 */
export function didKeyFromPublicKeyMultibase(publicKeyMultibase: string): string {
  return `did:key:${publicKeyMultibase}`;
}

function assemble(seed: Uint8Array | undefined, pub: Uint8Array, controller?: string, id?: string, curve?: EcdsaCurve): KeyPair {
  const publicKeyMultibase = curve ? encodeEcdsaPublicKeyMultibase(curve, pub) : encodePublicKeyMultibase(pub);
  const ctrl = controller ?? didKeyFromPublicKeyMultibase(publicKeyMultibase);
  const kp: KeyPair = {
    id: id ?? `${ctrl}#${publicKeyMultibase}`,
    controller: ctrl,
    type: 'Multikey',
    publicKeyMultibase,
  };
  if (seed) {
    // Non-enumerable: console.log, JSON.stringify and spreads never show or write the secret by accident.
    // Use exportKeyPair(key, { includeSecret: true }) to write it on purpose.
    Object.defineProperty(kp, 'secretKeyMultibase', { value: curve ? encodeEcdsaSecretKeyMultibase(curve, seed) : encodeSecretKeyMultibase(seed), enumerable: false, writable: false, configurable: false });
  }
  return kp;
}

/**
 * Generate an Ed25519 Multikey key pair; deterministic when given a 32-byte `seed`.
 * Default controller is the key's own `did:key`.
 * @example
 * ```ts
 * const key = await generateKeyPair();
 * const same = await generateKeyPair({ seed: new Uint8Array(32).fill(7) });
 * const web = await generateKeyPair({ controller: 'did:web:uni.example', id: 'did:web:uni.example#key-1' });
 * ```
 */
export async function generateKeyPair(opts: GenerateKeyPairOptions = {}): Promise<KeyPair> {
  const algorithm = opts.algorithm ?? 'Ed25519';
  if (algorithm !== 'Ed25519' && algorithm !== 'P-256' && algorithm !== 'P-384') {
    throw new InvalidInputError('algorithm must be Ed25519, P-256 or P-384', { code: 'ERR_INVALID_INPUT' });
  }
  if (opts.controller !== undefined && (typeof opts.controller !== 'string' || !opts.controller.includes(':'))) {
    throw new InvalidInputError('controller must be a DID or URL', { code: 'ERR_INVALID_INPUT' });
  }
  if (algorithm !== 'Ed25519') {
    if (opts.seed !== undefined && !(opts.seed instanceof Uint8Array)) throw new InvalidInputError('seed must be a Uint8Array', { code: 'ERR_INVALID_SEED' });
    let m;
    try {
      m = ecdsaKeyMaterial(algorithm, opts.seed);
    } catch (cause) {
      throw new InvalidInputError(`seed must be a valid ${algorithm} secret key (${algorithm === 'P-256' ? 32 : 48} bytes)`, { code: 'ERR_INVALID_SEED', cause });
    }
    return assemble(m.secret, m.publicKey, opts.controller, opts.id, algorithm);
  }
  let seed: Uint8Array;
  if (opts.seed !== undefined) {
    if (!(opts.seed instanceof Uint8Array) || opts.seed.length !== 32) {
      throw new InvalidInputError('seed must be a Uint8Array of 32 bytes', { code: 'ERR_INVALID_SEED' });
    }
    seed = Uint8Array.from(opts.seed);
  } else {
    seed = globalThis.crypto.getRandomValues(new Uint8Array(32));
  }
  if (opts.controller !== undefined && (typeof opts.controller !== 'string' || !opts.controller.includes(':'))) {
    throw new InvalidInputError('controller must be a DID or URL', { code: 'ERR_INVALID_INPUT' });
  }
  return assemble(seed, ed25519PublicKey(seed), opts.controller, opts.id);
}

/**
 * Import a key from Multikey JSON (`{ type: 'Multikey', publicKeyMultibase, secretKeyMultibase?, id?, controller? }`),
 * an Ed25519VerificationKey2020 document, an Ed25519 JWK (`{ kty: 'OKP', crv: 'Ed25519', x, d? }`) or a P-256 / P-384
 * JWK (`{ kty: 'EC', crv: 'P-256', x, y, d? }`, RFC 7518 §6.2). Checks that the secret and public parts belong
 * together. A JWK's `kid` with a fragment (`did:web:uni.example#key-1`) is the key id, and its controller the part
 * before `#` (unless `opts` say otherwise). Throws `KeyError`: `ERR_KEY_UNSUPPORTED` for another curve or key type,
 * `ERR_KEY_INVALID` for bad coordinates (not base64url, wrong length, not on the curve) or a secret of another key.
 * @example
 * ```ts
 * const key = importKeyPair(JSON.parse(await fs.readFile('issuer-key.json', 'utf8')));
 * const p256 = importKeyPair({ kty: 'EC', crv: 'P-256', x: '…', y: '…', d: '…', kid: 'did:web:uni.example#key-2' });
 * ```
 */
export function importKeyPair(input: unknown, opts: { controller?: string; id?: string } = {}): KeyPair {
  if (!input || typeof input !== 'object') throw new KeyError('ERR_KEY_INVALID', 'key must be a JSON object');
  const o = input as Record<string, unknown>;
  let pub: Uint8Array;
  let seed: Uint8Array | undefined;
  let curve: EcdsaCurve | undefined;
  if (o.kty === 'EC') {
    ({ curve, publicKey: pub } = parseEcJwk(o));
    if (o.d !== undefined) seed = parseEcJwkSecret(curve, o.d);
  } else if (o.kty !== undefined) {
    if (o.kty !== 'OKP' || o.crv !== 'Ed25519' || typeof o.x !== 'string') {
      throw new KeyError('ERR_KEY_UNSUPPORTED', 'only Ed25519 OKP JWKs are supported here (RSA keys: see importRsaKey)');
    }
    try {
      pub = b64u.decode(o.x);
      if (typeof o.d === 'string') seed = b64u.decode(o.d);
    } catch (cause) {
      throw new KeyError('ERR_KEY_INVALID', 'JWK x/d are not base64url', { cause });
    }
    if (pub.length !== 32 || (seed && seed.length !== 32)) throw new KeyError('ERR_KEY_INVALID', 'JWK x/d must be 32 bytes');
  } else {
    if (typeof o.publicKeyMultibase !== 'string') {
      throw new KeyError('ERR_KEY_INVALID', 'key has neither publicKeyMultibase nor a JWK shape');
    }
    const sk = o.secretKeyMultibase ?? o.privateKeyMultibase;
    if (ecdsaCurveOfMultibase(o.publicKeyMultibase)) {
      ({ curve, publicKey: pub } = decodeEcdsaPublicKeyMultibase(o.publicKeyMultibase));
      if (typeof sk === 'string') {
        const d = decodeEcdsaSecretKeyMultibase(sk);
        if (d.curve !== curve) throw new KeyError('ERR_KEY_INVALID', 'secret key does not match public key');
        seed = d.secret;
      }
    } else {
      pub = decodePublicKeyMultibase(o.publicKeyMultibase);
      if (typeof sk === 'string') seed = decodeSecretKeyMultibase(sk);
    }
  }
  if (seed && curve) {
    let derived: Uint8Array;
    try {
      derived = ecdsaPublicKey(curve, seed);
    } catch (cause) {
      throw new KeyError('ERR_KEY_INVALID', `not a valid ${curve} secret key`, { cause });
    }
    if (derived.length !== pub.length || !derived.every((b, i) => b === pub[i])) throw new KeyError('ERR_KEY_INVALID', 'secret key does not match public key');
  } else if (seed) {
    const derived = ed25519PublicKey(seed);
    if (!derived.every((b, i) => b === pub[i])) {
      throw new KeyError('ERR_KEY_INVALID', 'secret key does not match public key');
    }
  }
  const kid = o.kty !== undefined && typeof o.kid === 'string' && o.kid.indexOf('#') > 0 && o.kid.includes(':') ? o.kid : undefined;
  const controller = opts.controller ?? (typeof o.controller === 'string' ? o.controller : kid?.slice(0, kid.indexOf('#')));
  const id = opts.id ?? (typeof o.id === 'string' && o.id.includes('#') ? o.id : typeof o.kid === 'string' && o.kid.includes('#') ? o.kid : undefined);
  return assemble(seed, pub, controller, id, curve);
}

/**
 * Export a key pair as Multikey JSON (default) or JWK: Ed25519 as an OKP JWK (RFC 8037), P-256 / P-384 as an EC JWK
 * (RFC 7518 §6.2: `x`, `y`, `kid`, `alg` ES256 / ES384). Secret material (`secretKeyMultibase`, the JWK's `d`) is
 * included only with `includeSecret: true`.
 * @example
 * ```ts
 * const pub = exportKeyPair(key);                                   // public Multikey
 * const jwk = exportKeyPair(key, { format: 'jwk' });                // public JWK (no d)
 * const backup = exportKeyPair(key, { includeSecret: true });       // keep it safe
 * const p256 = exportKeyPair(await generateKeyPair({ algorithm: 'P-256' }), { format: 'jwk' }); // { kty: 'EC', crv: 'P-256', x, y, … }
 * ```
 */
export function exportKeyPair(key: KeyPair, opts?: { format?: 'multikey'; includeSecret?: boolean }): KeyPair;
export function exportKeyPair(key: KeyPair, opts: { format: 'jwk'; includeSecret?: boolean }): KeyJwk;
export function exportKeyPair(key: KeyPair, opts: { format?: 'multikey' | 'jwk'; includeSecret?: boolean } = {}): KeyPair | KeyJwk {
  if (opts.format === 'jwk') {
    const curve = ecdsaCurveOfMultibase(key.publicKeyMultibase);
    if (curve) {
      const { publicKey } = decodeEcdsaPublicKeyMultibase(key.publicKeyMultibase);
      const ec: EcJwk = { ...ecdsaJwkOf(curve, publicKey), kid: key.id, alg: curve === 'P-256' ? 'ES256' : 'ES384' };
      if (opts.includeSecret) {
        if (!key.secretKeyMultibase) throw new KeyError('ERR_KEY_NO_SECRET', 'key has no secret part');
        ec.d = b64u.encode(decodeEcdsaSecretKeyMultibase(key.secretKeyMultibase).secret);
      }
      return ec;
    }
    const jwk: Ed25519Jwk = { kty: 'OKP', crv: 'Ed25519', x: b64u.encode(decodePublicKeyMultibase(key.publicKeyMultibase)), kid: key.id, alg: 'EdDSA' };
    if (opts.includeSecret) {
      if (!key.secretKeyMultibase) throw new KeyError('ERR_KEY_NO_SECRET', 'key has no secret part');
      jwk.d = b64u.encode(decodeSecretKeyMultibase(key.secretKeyMultibase));
    }
    return jwk;
  }
  const out: KeyPair = { id: key.id, controller: key.controller, type: 'Multikey', publicKeyMultibase: key.publicKeyMultibase };
  if (opts.includeSecret) {
    if (!key.secretKeyMultibase) throw new KeyError('ERR_KEY_NO_SECRET', 'key has no secret part');
    out.secretKeyMultibase = key.secretKeyMultibase;
  }
  return out;
}

/**
 * The public verification method document of a key (what goes into a DID document).
 * @example
 * ```ts
 * const vm = toVerificationMethod(key); // { id, type: 'Multikey', controller, publicKeyMultibase }
 * ```
 */
export function toVerificationMethod(key: KeyPair): { id: string; type: 'Multikey'; controller: string; publicKeyMultibase: string } {
  return { id: key.id, type: 'Multikey', controller: key.controller, publicKeyMultibase: key.publicKeyMultibase };
}

/**
 * A signer object (`{ id, algorithm, sign({data}) }`) as the Data Integrity libraries expect it.
 * @example
 * ```ts
 * const signer = createSigner(key);
 * const sig = await signer.sign({ data: bytes });
 * ```
 */
export function createSigner(key: KeyPair): { id: string; algorithm: 'Ed25519'; sign: (o: { data: Uint8Array }) => Promise<Uint8Array> } {
  if (!key || typeof key.secretKeyMultibase !== 'string') {
    throw new KeyError('ERR_KEY_NO_SECRET', 'signing needs a key with secretKeyMultibase (generateKeyPair or importKeyPair of a secret key)');
  }
  const seed = decodeSecretKeyMultibase(key.secretKeyMultibase);
  return { id: key.id, algorithm: 'Ed25519', sign: ({ data }) => ed25519Sign(seed, data) };
}

/** @internal Keep secrets out of logs: a readable description without the secret part. */
export function describeKey(key: KeyPair): string {
  return `${key.id} (${ecdsaCurveOfMultibase(key.publicKeyMultibase) ?? 'Ed25519'}${key.secretKeyMultibase ? ', secret present' : ', public only'})`;
}

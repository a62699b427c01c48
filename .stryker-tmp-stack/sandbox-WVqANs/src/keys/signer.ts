/**
 * External signers: the key stays where the institution keeps it (a cloud KMS, an HSM through PKCS#11, a vault, a
 * non-extractable WebCrypto key); credstack hands the signer the bytes to sign and gets a signature back.
 *
 * A {@link Signer} signs the *message* (the JWS signing input, or a Data Integrity proof's hash data) with its
 * algorithm: `Ed25519` (RFC 8032, 64-byte signature), `P-256` / `ES256` (ECDSA with SHA-256 hashed inside, as WebCrypto
 * and JOSE do, 64-byte IEEE P1363 r‖s), `P-384` / `ES384` (SHA-384, 96 bytes), `RS256` (RSASSA-PKCS1-v1_5 SHA-256).
 * A KMS that returns DER-encoded ECDSA signatures must convert them to r‖s (see `examples/kms-signer.ts`).
 */
// @ts-nocheck

import { SignerError } from '../errors.js';
import { ed25519Sign, ed25519Verify, holdSeed } from './ed25519.js';
import { decodeEcdsaPublicKeyMultibase, decodeEcdsaSecretKeyMultibase, ecdsaCurveOfMultibase, ecdsaSign, ecdsaVerify, isWellFormedEcdsaSignature, type EcdsaCurve } from './ecdsa.js';
import type { KeyPair } from './keypair.js';
import { decodePublicKeyMultibase, decodeSecretKeyMultibase } from './multibase.js';
import type { RsaKeyPair } from './rsa.js';

/**
 * Something that signs bytes with a key credstack never sees. `id` is the verification method id (a DID URL such as
 * `did:web:uni.example#key-2`; the part before `#` is the controller, which must be the credential's issuer);
 * `algorithm` is `'Ed25519'`, `'P-256'` (alias `'ES256'`), `'P-384'` (`'ES384'`) or `'RS256'` (VC-JWT only).
 * @example
 * ```ts
 * const signer: Signer = {
 *   id: 'did:web:uni.example#key-2',
 *   algorithm: 'P-256',
 *   sign: async (data) => kms.sign(data), // must resolve to the 64-byte r‖s signature
 * };
 * const signed = await issueCredential(credential, { signer, format: 'ecdsa-rdfc-2019' });
 * ```
 */
export interface Signer {
  /** Verification method id (DID URL); its controller (before `#`) must equal the credential's issuer id. */
  id: string;
  /** `'Ed25519'` | `'P-256'` | `'ES256'` | `'P-384'` | `'ES384'` | `'RS256'`. */
  algorithm: string;
  /** Sign `data`; resolve to the raw signature (see the module notes for each algorithm's encoding). */
  sign(data: Uint8Array): Promise<Uint8Array>;
}

/** @internal The algorithms credstack knows, after aliases (`ES256` → `P-256`, `EdDSA` → `Ed25519`). */
export type SignerAlgorithm = 'Ed25519' | 'P-256' | 'P-384' | 'RS256';

/** @internal Normalize a signer's algorithm name; undefined for unknown ones. */
export function normalizeAlgorithm(a: unknown): SignerAlgorithm | undefined {
  switch (a) {
    case 'Ed25519':
    case 'EdDSA':
      return 'Ed25519';
    case 'P-256':
    case 'ES256':
      return 'P-256';
    case 'P-384':
    case 'ES384':
      return 'P-384';
    case 'RS256':
      return 'RS256';
    default:
      return undefined;
  }
}

/**
 * True for an object shaped like a {@link Signer} (string `id`, string `algorithm`, function `sign`).
 * @example
 * ```ts
 * isSigner(signerFromKeyPair(key)); // true
 * isSigner(key);                    // false: a KeyPair is not a signer (wrap it with signerFromKeyPair)
 * ```
 */
export function isSigner(x: unknown): x is Signer {
  if (!x || typeof x !== 'object') return false;
  const o = x as Record<string, unknown>;
  return typeof o.id === 'string' && typeof o.algorithm === 'string' && typeof o.sign === 'function';
}

/** @internal The controller of a signer: its id before `#` (a DID or URL). */
export function signerController(signer: Signer): string {
  const i = signer.id.indexOf('#');
  return i > 0 ? signer.id.slice(0, i) : signer.id;
}

/**
 * Signers made by credstack around a key whose bytes it holds ({@link signerFromKeyPair}): their `sign` is a local
 * computation that cannot hang, so {@link callSigner} calls them without the timeout race. A {@link signerFromCryptoKey}
 * signer keeps the timeout: `crypto.subtle` may be a PKCS#11 / HSM-backed implementation that can block.
 */
const IN_PROCESS = new WeakSet<Signer>();

function inProcess<T extends Signer>(s: T): T {
  IN_PROCESS.add(s);
  return s;
}

/** @internal Whether `signer` was made by credstack around an in-process key (no timeout race needed). */
export function isInProcessSigner(signer: unknown): boolean {
  return typeof signer === 'object' && signer !== null && IN_PROCESS.has(signer as Signer);
}

/** @internal Short, safe label of a signer id for messages (ids come from the caller, but may be long). */
function label(id: unknown): string {
  return typeof id === 'string' ? (id.length > 200 ? `${id.slice(0, 200)}…` : id) : '(no id)';
}

/**
 * Wrap a credstack key pair (Ed25519 or P-256/P-384 Multikey with its secret part, or an RSA key pair) as a
 * {@link Signer}. The secret stays inside the closure; the signer object has no property that reveals it.
 * @example
 * ```ts
 * const key = await generateKeyPair({ algorithm: 'P-256' });
 * const signer = signerFromKeyPair(key); // { id: key.id, algorithm: 'P-256', sign }
 * ```
 */
export function signerFromKeyPair(key: KeyPair | RsaKeyPair): Signer {
  if (!key || typeof key !== 'object' || typeof key.id !== 'string') {
    throw new SignerError('ERR_SIGNER_INVALID', 'signerFromKeyPair needs a KeyPair or RsaKeyPair', { signerId: '(no id)', transient: false });
  }
  if (key.type === 'JsonWebKey') {
    const priv = key.privateJwk;
    if (!priv || typeof priv.d !== 'string') {
      throw new SignerError('ERR_SIGNER_INVALID', `RSA key ${label(key.id)} has no private part: it can verify but not sign`, { signerId: key.id, algorithm: 'RS256', transient: false });
    }
    let imported: Promise<CryptoKey> | undefined;
    return inProcess(Object.freeze({
      id: key.id,
      algorithm: 'RS256',
      async sign(data: Uint8Array): Promise<Uint8Array> {
        imported ??= globalThis.crypto.subtle.importKey('jwk', { ...priv, alg: 'RS256', key_ops: ['sign'] }, { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
        return new Uint8Array(await globalThis.crypto.subtle.sign('RSASSA-PKCS1-v1_5', await imported, data as BufferSource));
      },
    }));
  }
  if (typeof key.secretKeyMultibase !== 'string') {
    throw new SignerError('ERR_SIGNER_INVALID', `key ${label(key.id)} has no secret part: it can verify but not sign`, { signerId: key.id, transient: false });
  }
  const curve = ecdsaCurveOfMultibase(key.publicKeyMultibase);
  if (curve) {
    const { secret } = decodeEcdsaSecretKeyMultibase(key.secretKeyMultibase);
    return inProcess(Object.freeze({ id: key.id, algorithm: curve, sign: async (data: Uint8Array) => ecdsaSign(curve, secret, data) }));
  }
  // one signer per Ed25519 key pair object while its id and key strings stay the same (issuing a cohort signs with
  // one key many times: no decoding and no key digest per credential)
  const held = ED25519_SIGNERS.get(key);
  if (held && held.id === key.id && held.secret === key.secretKeyMultibase && held.pub === key.publicKeyMultibase) return held.signer;
  const seed = holdSeed(decodeSecretKeyMultibase(key.secretKeyMultibase));
  const signer = inProcess(Object.freeze({ id: key.id, algorithm: 'Ed25519' as const, sign: (data: Uint8Array) => ed25519Sign(seed, data) }));
  ED25519_SIGNERS.set(key, { id: key.id, secret: key.secretKeyMultibase, pub: key.publicKeyMultibase, signer });
  return signer;
}

const ED25519_SIGNERS = new WeakMap<object, { id: string; secret: string; pub: unknown; signer: Signer }>();

/**
 * Wrap a WebCrypto private `CryptoKey` (typically non-extractable: generated or unwrapped inside WebCrypto, never
 * exported) as a {@link Signer}. Supports `Ed25519`, `ECDSA` P-256 / P-384 (signatures come out as r‖s, which is what
 * Data Integrity and JWS want) and `RSASSA-PKCS1-v1_5` with SHA-256.
 * @example
 * ```ts
 * const { privateKey } = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
 * const signer = signerFromCryptoKey(privateKey, { id: 'did:web:uni.example#key-2' });
 * ```
 */
export function signerFromCryptoKey(key: CryptoKey, opts: { id: string }): Signer {
  const id = opts?.id;
  if (typeof id !== 'string' || !id.includes(':')) {
    throw new SignerError('ERR_SIGNER_INVALID', 'signerFromCryptoKey needs opts.id, the verification method id (a DID URL)', { signerId: '(no id)', transient: false });
  }
  const ok = key && typeof key === 'object' && (key as CryptoKey).type === 'private' && Array.isArray((key as CryptoKey).usages) && (key as CryptoKey).usages.includes('sign');
  if (!ok) throw new SignerError('ERR_SIGNER_INVALID', `key for ${label(id)} is not a private CryptoKey with usage "sign"`, { signerId: id, transient: false });
  const alg = key.algorithm as { name: string; namedCurve?: string; hash?: { name: string } };
  const subtle = globalThis.crypto.subtle;
  if (alg.name === 'Ed25519') {
    return Object.freeze({ id, algorithm: 'Ed25519', sign: async (data: Uint8Array) => new Uint8Array(await subtle.sign('Ed25519', key, data as BufferSource)) });
  }
  if (alg.name === 'ECDSA' && (alg.namedCurve === 'P-256' || alg.namedCurve === 'P-384')) {
    const hash = alg.namedCurve === 'P-256' ? 'SHA-256' : 'SHA-384';
    return Object.freeze({ id, algorithm: alg.namedCurve, sign: async (data: Uint8Array) => new Uint8Array(await subtle.sign({ name: 'ECDSA', hash }, key, data as BufferSource)) });
  }
  if (alg.name === 'RSASSA-PKCS1-v1_5' && alg.hash?.name === 'SHA-256') {
    return Object.freeze({ id, algorithm: 'RS256', sign: async (data: Uint8Array) => new Uint8Array(await subtle.sign('RSASSA-PKCS1-v1_5', key, data as BufferSource)) });
  }
  throw new SignerError('ERR_SIGNER_ALGORITHM', `CryptoKey for ${label(id)} uses ${label(alg.name)}${alg.namedCurve ? ` ${label(alg.namedCurve)}` : ''}: supported are Ed25519, ECDSA P-256/P-384, RSASSA-PKCS1-v1_5 SHA-256`, { signerId: id, transient: false });
}

/**
 * Options of a signing call through an external signer.
 * @example
 * ```ts
 * const o: SignerCallOptions = { timeoutMs: 10_000 };
 * ```
 */
export interface SignerCallOptions {
  /** Give up on a signer that has not answered after this many milliseconds (default 30 000). */
  timeoutMs?: number;
}

/** @internal Default signer timeout. */
export const DEFAULT_SIGNER_TIMEOUT_MS = 30_000;

/** @internal Check that a value is a usable signer for one of `allowed` algorithms; returns its normalized algorithm. */
export function assertSigner(signer: unknown, allowed: readonly SignerAlgorithm[], purpose: string): SignerAlgorithm {
  if (!isSigner(signer)) {
    const id = signer && typeof signer === 'object' ? (signer as Record<string, unknown>).id : undefined;
    throw new SignerError('ERR_SIGNER_INVALID', 'a signer needs a string id, a string algorithm and a sign(data) function', { signerId: label(id), transient: false });
  }
  if (!signer.id.includes(':')) throw new SignerError('ERR_SIGNER_INVALID', `signer id ${label(signer.id)} must be a verification method id (a DID URL)`, { signerId: label(signer.id), transient: false });
  const alg = normalizeAlgorithm(signer.algorithm);
  if (!alg || !allowed.includes(alg)) {
    throw new SignerError('ERR_SIGNER_ALGORITHM', `signer ${label(signer.id)} signs with ${label(signer.algorithm)}; ${purpose} needs ${allowed.join(' or ')}`, {
      signerId: label(signer.id),
      algorithm: label(signer.algorithm),
      transient: false,
    });
  }
  return alg;
}

function wellFormed(alg: SignerAlgorithm, sig: Uint8Array): boolean {
  if (alg === 'Ed25519') return sig.length === 64;
  if (alg === 'RS256') return sig.length >= 256 && sig.length <= 1024;
  return isWellFormedEcdsaSignature(alg as EcdsaCurve, sig);
}

/**
 * @internal Call a signer, bounded in time, and check the shape of what it returns. Every failure becomes a
 * {@link SignerError} naming the signer (never its key, never the signer's own error text): thrown/rejected →
 * `ERR_SIGNER_FAILED` (transient unless the error says `transient: false`), no answer in time → `ERR_SIGNER_TIMEOUT`
 * (transient), not a signature of the algorithm → `ERR_SIGNER_BAD_SIGNATURE`. A signer credstack made around an
 * in-process key ({@link signerFromKeyPair}, {@link signerFromCryptoKey}) is called without the timeout race (a timer
 * and a race per signature cost more than the Ed25519 signature itself; a local computation cannot hang).
 */
export async function callSigner(signer: Signer, data: Uint8Array, opts: SignerCallOptions = {}): Promise<Uint8Array> {
  const alg = normalizeAlgorithm(signer.algorithm);
  if (!alg) throw new SignerError('ERR_SIGNER_ALGORITHM', `signer ${label(signer.id)} has an unknown algorithm`, { signerId: label(signer.id), transient: false });
  const timeoutMs = opts.timeoutMs ?? DEFAULT_SIGNER_TIMEOUT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let result: unknown;
  try {
    if (IN_PROCESS.has(signer)) {
      result = await signer.sign(Uint8Array.from(data));
      return checkedSignature(signer, alg, result);
    }
    const call = Promise.resolve().then(() => signer.sign(Uint8Array.from(data)));
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new SignerError('ERR_SIGNER_TIMEOUT', `signer ${label(signer.id)} did not answer within ${timeoutMs} ms`, { signerId: signer.id, algorithm: alg, transient: true })), timeoutMs);
    });
    call.catch(() => {}); // a late rejection after the timeout is not an unhandled rejection
    result = await Promise.race([call, timeout]);
  } catch (err) {
    if (err instanceof SignerError) throw err;
    const transient = !(err && typeof err === 'object' && (err as { transient?: unknown }).transient === false);
    throw new SignerError('ERR_SIGNER_FAILED', `signer ${label(signer.id)} failed to sign`, { cause: err, signerId: signer.id, algorithm: alg, transient });
  } finally {
    if (timer) clearTimeout(timer);
  }
  const sig = checkedSignature(signer, alg, result);
  await checkFirstSignature(signer, alg, data, sig);
  return sig;
}

/** External signers whose first signature verified under the public key their did:key id names. */
const CHECKED = new WeakSet<Signer>();

/** The public key a did:key signer id names for `alg`, or undefined (not a did:key, another key type, malformed). */
function didKeyPublicKey(id: string, alg: SignerAlgorithm): Uint8Array | undefined {
  if (!id.startsWith('did:key:') || alg === 'RS256') return undefined;
  const mb = id.slice('did:key:'.length).split('#', 1)[0]!;
  try {
    if (alg === 'Ed25519') return ecdsaCurveOfMultibase(mb) ? undefined : decodePublicKeyMultibase(mb);
    const k = decodeEcdsaPublicKeyMultibase(mb);
    return k.curve === alg ? k.publicKey : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A KMS or HSM configured with another key than the one its id names returns well-formed signatures that no verifier
 * accepts: a whole cohort would be issued unverifiable. When the signer's id is a did:key (its public key is in the id),
 * its first signature is verified before anything is written (`ERR_SIGNER_BAD_SIGNATURE`, not transient); later ones
 * are not (one verification per signer object). Other ids (did:web, …) name a key credstack cannot see offline here.
 */
async function checkFirstSignature(signer: Signer, alg: SignerAlgorithm, data: Uint8Array, sig: Uint8Array): Promise<void> {
  if (CHECKED.has(signer)) return;
  const pub = didKeyPublicKey(signer.id, alg);
  if (pub) {
    const ok = alg === 'Ed25519' ? await ed25519Verify(pub, data, sig) : ecdsaVerify(alg as EcdsaCurve, pub, data, sig);
    if (!ok) {
      throw new SignerError('ERR_SIGNER_BAD_SIGNATURE', `signer ${label(signer.id)} returned a signature that does not verify under the key its id names (is the signer configured with another key?)`, {
        signerId: signer.id,
        algorithm: alg,
        transient: false,
      });
    }
  }
  CHECKED.add(signer);
}

/** What a signer returned, checked to be a signature of its algorithm (a fresh copy), else ERR_SIGNER_BAD_SIGNATURE. */
function checkedSignature(signer: Signer, alg: SignerAlgorithm, result: unknown): Uint8Array {
  let sig: Uint8Array | undefined;
  if (result instanceof Uint8Array) sig = result;
  else if (result instanceof ArrayBuffer) sig = new Uint8Array(result);
  if (!sig || !wellFormed(alg, sig)) {
    throw new SignerError('ERR_SIGNER_BAD_SIGNATURE', `signer ${label(signer.id)} returned something that is not a ${alg} signature${sig ? ` (${sig.length} bytes)` : ''}`, {
      signerId: signer.id,
      algorithm: alg,
      transient: false,
    });
  }
  return Uint8Array.from(sig);
}

/**
 * @internal The signer object the Digital Bazaar Data Integrity libraries expect (`sign({ data })`), calling `signer`
 * through {@link callSigner}.
 */
export function toDataIntegritySigner(signer: Signer, opts: SignerCallOptions = {}): { id: string; algorithm: string; sign: (o: { data: Uint8Array }) => Promise<Uint8Array> } {
  const algorithm = normalizeAlgorithm(signer.algorithm) ?? signer.algorithm;
  return { id: signer.id, algorithm, sign: ({ data }) => callSigner(signer, data, opts) };
}

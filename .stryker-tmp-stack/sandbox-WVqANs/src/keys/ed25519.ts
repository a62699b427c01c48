/**
 * Ed25519 through one small module: node:crypto where the runtime has it (synchronous OpenSSL calls on a `KeyObject`
 * created once per key; reached at run time, see src/util/node-crypto.ts, so browsers never load it), else WebCrypto
 * where the runtime has Ed25519 (current browsers), else `@noble/ed25519`. All produce identical (deterministic,
 * RFC 8032) signatures. Imported keys live in small bounded caches; secret seeds are never logged, and the signing
 * cache is keyed by a SHA-256 digest of the seed, not by the seed.
 */
// @ts-nocheck

import * as noble from '@noble/ed25519';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex, concatBytes } from '@noble/hashes/utils.js';
import { KeyError } from '../errors.js';
import { nodeCrypto, nodeSha256 } from '../util/node-crypto.js';
import type { KeyObject } from 'node:crypto';

// give noble a synchronous sha512 so its sync API works everywhere
noble.hashes.sha512 = sha512;

/**
 * Which Ed25519 implementation {@link ed25519Sign} and {@link ed25519Verify} use.
 * @example
 * ```ts
 * const b: Ed25519Backend = await ed25519Backend(); // 'node' | 'webcrypto' | 'noble'
 * ```
 */
export type Ed25519Backend = 'node' | 'webcrypto' | 'noble';

const PKCS8_PREFIX = Uint8Array.from([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]);
const SPKI_PREFIX = Uint8Array.from([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]);

let webcryptoProbe: Promise<boolean> | undefined;
let forced: Ed25519Backend | undefined;

function subtle(): SubtleCrypto | undefined {
  return (globalThis.crypto as Crypto | undefined)?.subtle;
}

/** node:crypto, unless another backend is forced. */
function nodeBackend(): ReturnType<typeof nodeCrypto> {
  return forced === undefined || forced === 'node' ? nodeCrypto() : undefined;
}

async function hasWebCryptoEd25519(): Promise<boolean> {
  if (forced) return forced === 'webcrypto';
  webcryptoProbe ??= (async () => {
    const s = subtle();
    if (!s) return false;
    try {
      const k = await s.importKey('raw', new Uint8Array(32).fill(1), { name: 'Ed25519' }, false, ['verify']);
      return k.type === 'public';
    } catch {
      return false;
    }
  })();
  return webcryptoProbe;
}

/**
 * Force one Ed25519 backend (tests and benchmarks); `undefined` returns to auto-detection.
 * @example
 * ```ts
 * setEd25519Backend('noble'); // portable pure-JS path
 * ```
 */
export function setEd25519Backend(backend: Ed25519Backend | undefined): void {
  forced = backend;
  signKeys.clear();
  verifyKeys.clear();
  nodeSignKeys.clear();
  nodeVerifyKeys.clear();
}

/**
 * The backend in use on this runtime.
 * @example
 * ```ts
 * console.log(await ed25519Backend()); // 'node' on Node ≥ 20.16, 'webcrypto' in browsers
 * ```
 */
export async function ed25519Backend(): Promise<Ed25519Backend> {
  if (forced === 'node') return nodeCrypto() ? 'node' : 'noble';
  if (nodeBackend()) return 'node';
  return (await hasWebCryptoEd25519()) ? 'webcrypto' : 'noble';
}

// small caches of imported CryptoKeys: importing costs as much as signing
const signKeys = new Map<string, Promise<CryptoKey>>();
const verifyKeys = new Map<string, Promise<CryptoKey>>();
const CACHE_MAX = 256;

/** A bounded key cache (WebCrypto keys as promises, node:crypto KeyObjects): the oldest entry goes first; a rejected import is forgotten. */
function cacheGet<V extends object>(map: Map<string, V>, k: string, make: () => V): V {
  let v = map.get(k);
  if (!v) {
    v = make();
    if (map.size >= CACHE_MAX) map.delete(map.keys().next().value as string);
    if (v instanceof Promise) v.catch(() => map.delete(k));
    map.set(k, v);
  }
  return v;
}

// node:crypto KeyObjects, same bound (sign: keyed by a digest of the seed)
const nodeSignKeys = new Map<string, KeyObject>();
const nodeVerifyKeys = new Map<string, KeyObject>();

const asBytes = (b: Uint8Array): Uint8Array => new Uint8Array(b.buffer, b.byteOffset, b.length);

/**
 * The seed arrays credstack holds (decoded by signerFromKeyPair, never handed out): their cache id, computed once per
 * array. Any other array is digested on every call (a caller may change its bytes).
 */
const heldSeeds = new WeakMap<Uint8Array, string>();

/** @internal Mark `seed` as an array credstack holds and never changes: its cache id is remembered. */
export function holdSeed(seed: Uint8Array): Uint8Array {
  heldSeeds.set(seed, digestId(seed));
  return seed;
}

const digestId = (secret: Uint8Array): string => bytesToHex(nodeSha256(secret) ?? sha256(secret));

/** The signing caches' key for a seed: a SHA-256 digest, never the seed itself. */
function seedId(secret: Uint8Array): string {
  return heldSeeds.get(secret) ?? digestId(secret);
}

/** @internal The node:crypto private KeyObject of a 32-byte seed (cached; created from PKCS#8 DER once). */
function nodePrivateKey(c: NonNullable<ReturnType<typeof nodeCrypto>>, secret: Uint8Array): KeyObject {
  const id = seedId(secret);
  return cacheGet(nodeSignKeys, id, () => c.createPrivateKey({ key: concatBytes(PKCS8_PREFIX, secret) as never, format: 'der', type: 'pkcs8' }));
}

function hex(b: Uint8Array): string {
  return bytesToHex(b);
}

function assertLen(b: Uint8Array, n: number, what: string): void {
  if (!(b instanceof Uint8Array) || b.length !== n) {
    throw new KeyError('ERR_KEY_INVALID', `${what} must be ${n} bytes`);
  }
}

/**
 * Derive the 32-byte Ed25519 public key from a 32-byte secret seed.
 * @example
 * ```ts
 * const pub = ed25519PublicKey(seed);
 * ```
 */
export function ed25519PublicKey(secret: Uint8Array): Uint8Array {
  assertLen(secret, 32, 'Ed25519 secret key');
  return noble.getPublicKey(secret);
}

/**
 * Sign `message` with a 32-byte Ed25519 secret seed. Returns the 64-byte signature.
 * @example
 * ```ts
 * const sig = await ed25519Sign(seed, new TextEncoder().encode('hello'));
 * ```
 */
export async function ed25519Sign(secret: Uint8Array, message: Uint8Array): Promise<Uint8Array> {
  assertLen(secret, 32, 'Ed25519 secret key');
  const c = nodeBackend();
  if (c) return asBytes(c.sign(null, message, nodePrivateKey(c, secret)));
  if (await hasWebCryptoEd25519()) {
    const s = subtle()!;
    const key = await cacheGet(signKeys, seedId(secret), () =>
      s.importKey('pkcs8', concatBytes(PKCS8_PREFIX, secret), { name: 'Ed25519' }, false, ['sign']),
    );
    return new Uint8Array(await s.sign({ name: 'Ed25519' }, key, message as BufferSource));
  }
  return noble.sign(message, secret);
}

/**
 * Verify an Ed25519 signature. Returns `false` (never throws) for malformed keys or signatures.
 * @example
 * ```ts
 * const ok = await ed25519Verify(publicKey, message, signature);
 * ```
 */
export async function ed25519Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): Promise<boolean> {
  if (!(publicKey instanceof Uint8Array) || publicKey.length !== 32) return false;
  if (!(signature instanceof Uint8Array) || signature.length !== 64) return false;
  try {
    const c = nodeBackend();
    if (c) {
      const key = cacheGet(nodeVerifyKeys, hex(publicKey), () => c.createPublicKey({ key: concatBytes(SPKI_PREFIX, publicKey) as never, format: 'der', type: 'spki' }));
      return c.verify(null, message, key, signature);
    }
    if (await hasWebCryptoEd25519()) {
      const s = subtle()!;
      const key = await cacheGet(verifyKeys, hex(publicKey), () =>
        s.importKey('raw', publicKey as BufferSource, { name: 'Ed25519' }, false, ['verify']),
      );
      return await s.verify({ name: 'Ed25519' }, key, signature as BufferSource, message as BufferSource);
    }
    return noble.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}

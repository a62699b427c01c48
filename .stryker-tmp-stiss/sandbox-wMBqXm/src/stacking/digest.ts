// @ts-nocheck
import jsonld from 'jsonld';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { base58, base64urlnopad } from '@scure/base';
import { createDocumentLoader, type DocumentLoaderOptions } from '../jsonld/loader.js';
import { CANONIZE_MAX_WORK_FACTOR } from '../proofs/canonize.js';
import { StackingError } from '../errors.js';

/**
 * Hash algorithms for component digests, with their multihash codes. The VC 2.0 Recommendation says sha384 "SHOULD be
 * considered the minimum strength"; sha2-384 is our default, sha2-256 (the form of the spec's example) is accepted.
 * @example `const a: DigestAlgorithm = 'sha2-384';`
 */
export type DigestAlgorithm = 'sha2-256' | 'sha2-384' | 'sha2-512';

const ALGS: Record<DigestAlgorithm, { code: number; size: number; fn: (b: Uint8Array) => Uint8Array }> = {
  'sha2-256': { code: 0x12, size: 32, fn: sha256 },
  'sha2-384': { code: 0x20, size: 48, fn: sha384 },
  'sha2-512': { code: 0x13, size: 64, fn: sha512 },
};

/**
 * Options of {@link canonicalComponentBytes} / {@link digestComponent}.
 * @example `const o: DigestOptions = { algorithm: 'sha2-256' };`
 */
export interface DigestOptions {
  algorithm?: DigestAlgorithm;
  /** Extra offline contexts the component uses. */
  documents?: DocumentLoaderOptions['documents'];
}

/**
 * The bytes a component digest is computed over: for a JSON-LD credential, its RDFC-1.0 canonical N-Quads (UTF-8),
 * proof included (JSON-LD safe mode, bounded canonicalisation work); for a VC-JWT (a string), its compact serialisation
 * (ASCII). Key order, whitespace and `type: 'X'` vs `['X']` do not change the bytes; any change of a value does.
 * @throws StackingError `ERR_COMPONENT_CANONICALIZE` when the credential cannot be canonicalised (undefined term, unknown context…)
 * @example
 * ```ts
 * const bytes = await canonicalComponentBytes(credential); // Uint8Array of N-Quads
 * ```
 */
export async function canonicalComponentBytes(component: unknown, opts: DigestOptions = {}): Promise<Uint8Array> {
  if (typeof component === 'string') return new TextEncoder().encode(component.trim());
  if (typeof component !== 'object' || component === null || Array.isArray(component)) {
    throw new StackingError('ERR_COMPONENT_CANONICALIZE', 'a component must be a credential object or a VC-JWT string');
  }
  try {
    const nquads = (await jsonld.canonize(component as Record<string, unknown>, {
      algorithm: 'RDFC-1.0',
      format: 'application/n-quads',
      safe: true,
      documentLoader: createDocumentLoader(opts.documents ? { documents: opts.documents } : {}),
      canonizeOptions: { algorithm: 'RDFC-1.0', maxWorkFactor: CANONIZE_MAX_WORK_FACTOR },
    } as never)) as unknown as string;
    return new TextEncoder().encode(nquads);
  } catch (cause) {
    throw new StackingError('ERR_COMPONENT_CANONICALIZE', `the component cannot be canonicalised: ${(cause as Error)?.message ?? String(cause)}`, { cause });
  }
}

/**
 * `digestMultibase` of bytes: multibase base64url-no-pad (`u`) of a multihash (code, length, digest) — the form of
 * VC Data Model 2.0 §"Integrity of Related Resources" (e.g. sha2-256 → `uEiB…`, sha2-384 → `uIDA…`).
 * @example
 * ```ts
 * digestMultibaseOf(new TextEncoder().encode('abc'), 'sha2-256'); // 'uEiC6eD…'
 * ```
 */
export function digestMultibaseOf(bytes: Uint8Array, algorithm: DigestAlgorithm = 'sha2-384'): string {
  const a = ALGS[algorithm];
  const d = a.fn(bytes);
  const mh = new Uint8Array(2 + d.length);
  mh[0] = a.code;
  mh[1] = a.size;
  mh.set(d, 2);
  return `u${base64urlnopad.encode(mh)}`;
}

/**
 * Parse a `digestMultibase` (`u` base64url-no-pad or `z` base58btc, multihash sha2-256/384/512). Never throws.
 * @example
 * ```ts
 * parseDigestMultibase('uEiB…'); // { algorithm: 'sha2-256', digest: Uint8Array(32) } or undefined
 * ```
 */
export function parseDigestMultibase(value: unknown): { algorithm: DigestAlgorithm; digest: Uint8Array } | undefined {
  if (typeof value !== 'string' || value.length < 3 || value.length > 200) return undefined;
  let bytes: Uint8Array;
  try {
    if (value[0] === 'u') bytes = base64urlnopad.decode(value.slice(1));
    else if (value[0] === 'z') bytes = base58.decode(value.slice(1));
    else return undefined;
  } catch {
    return undefined;
  }
  const entry = (Object.entries(ALGS) as [DigestAlgorithm, (typeof ALGS)[DigestAlgorithm]][]).find(([, a]) => a.code === bytes[0]);
  if (!entry || bytes[1] !== entry[1].size || bytes.length !== 2 + entry[1].size) return undefined;
  return { algorithm: entry[0], digest: bytes.slice(2) };
}

/**
 * Digest of a component credential as used in a stacked credential's `relatedResource[].digestMultibase`: the
 * multibase multihash of {@link canonicalComponentBytes} (RDFC-1.0 N-Quads for JSON-LD, the compact JWS for a VC-JWT).
 * @throws StackingError `ERR_COMPONENT_CANONICALIZE`
 * @example
 * ```ts
 * const d = await digestComponent(aiCredential); // 'uIDA…' (sha2-384)
 * ```
 */
export async function digestComponent(component: unknown, opts: DigestOptions = {}): Promise<string> {
  return digestMultibaseOf(await canonicalComponentBytes(component, opts), opts.algorithm ?? 'sha2-384');
}

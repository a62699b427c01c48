// @ts-nocheck
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
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
const ALGS: Record<DigestAlgorithm, {
  code: number;
  size: number;
  fn: (b: Uint8Array) => Uint8Array;
}> = {
  'sha2-256': {
    code: 0x12,
    size: 32,
    fn: sha256
  },
  'sha2-384': {
    code: 0x20,
    size: 48,
    fn: sha384
  },
  'sha2-512': {
    code: 0x13,
    size: 64,
    fn: sha512
  }
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
      documentLoader: createDocumentLoader(opts.documents ? {
        documents: opts.documents
      } : {}),
      canonizeOptions: {
        algorithm: 'RDFC-1.0',
        maxWorkFactor: CANONIZE_MAX_WORK_FACTOR
      }
    } as never)) as unknown as string;
    return new TextEncoder().encode(nquads);
  } catch (cause) {
    throw new StackingError('ERR_COMPONENT_CANONICALIZE', `the component cannot be canonicalised: ${(cause as Error)?.message ?? String(cause)}`, {
      cause
    });
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
export function parseDigestMultibase(value: unknown): {
  algorithm: DigestAlgorithm;
  digest: Uint8Array;
} | undefined {
  if (stryMutAct_9fa48("2") ? (typeof value !== 'string' || value.length < 3) && value.length > 200 : stryMutAct_9fa48("1") ? false : stryMutAct_9fa48("0") ? true : (stryCov_9fa48("0", "1", "2"), (stryMutAct_9fa48("4") ? typeof value !== 'string' && value.length < 3 : stryMutAct_9fa48("3") ? false : (stryCov_9fa48("3", "4"), (stryMutAct_9fa48("6") ? typeof value === 'string' : stryMutAct_9fa48("5") ? false : (stryCov_9fa48("5", "6"), typeof value !== (stryMutAct_9fa48("7") ? "" : (stryCov_9fa48("7"), 'string')))) || (stryMutAct_9fa48("10") ? value.length >= 3 : stryMutAct_9fa48("9") ? value.length <= 3 : stryMutAct_9fa48("8") ? false : (stryCov_9fa48("8", "9", "10"), value.length < 3)))) || (stryMutAct_9fa48("13") ? value.length <= 200 : stryMutAct_9fa48("12") ? value.length >= 200 : stryMutAct_9fa48("11") ? false : (stryCov_9fa48("11", "12", "13"), value.length > 200)))) return undefined;
  let bytes: Uint8Array;
  try {
    if (stryMutAct_9fa48("14")) {
      {}
    } else {
      stryCov_9fa48("14");
      if (stryMutAct_9fa48("17") ? value[0] !== 'u' : stryMutAct_9fa48("16") ? false : stryMutAct_9fa48("15") ? true : (stryCov_9fa48("15", "16", "17"), value[0] === (stryMutAct_9fa48("18") ? "" : (stryCov_9fa48("18"), 'u')))) bytes = base64urlnopad.decode(stryMutAct_9fa48("19") ? value : (stryCov_9fa48("19"), value.slice(1)));else if (stryMutAct_9fa48("22") ? value[0] !== 'z' : stryMutAct_9fa48("21") ? false : stryMutAct_9fa48("20") ? true : (stryCov_9fa48("20", "21", "22"), value[0] === (stryMutAct_9fa48("23") ? "" : (stryCov_9fa48("23"), 'z')))) bytes = base58.decode(stryMutAct_9fa48("24") ? value : (stryCov_9fa48("24"), value.slice(1)));else return undefined;
    }
  } catch {
    return undefined;
  }
  const entry = (Object.entries(ALGS) as [DigestAlgorithm, (typeof ALGS)[DigestAlgorithm]][]).find(([, a]) => a.code === bytes[0]);
  if (!entry || bytes[1] !== entry[1].size || bytes.length !== 2 + entry[1].size) return undefined;
  return {
    algorithm: entry[0],
    digest: bytes.slice(2)
  };
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
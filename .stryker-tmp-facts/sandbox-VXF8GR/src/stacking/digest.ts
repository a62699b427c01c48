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
}> = stryMutAct_9fa48("0") ? {} : (stryCov_9fa48("0"), {
  'sha2-256': stryMutAct_9fa48("1") ? {} : (stryCov_9fa48("1"), {
    code: 0x12,
    size: 32,
    fn: sha256
  }),
  'sha2-384': stryMutAct_9fa48("2") ? {} : (stryCov_9fa48("2"), {
    code: 0x20,
    size: 48,
    fn: sha384
  }),
  'sha2-512': stryMutAct_9fa48("3") ? {} : (stryCov_9fa48("3"), {
    code: 0x13,
    size: 64,
    fn: sha512
  })
});

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
  if (stryMutAct_9fa48("4")) {
    {}
  } else {
    stryCov_9fa48("4");
    if (stryMutAct_9fa48("7") ? typeof component !== 'string' : stryMutAct_9fa48("6") ? false : stryMutAct_9fa48("5") ? true : (stryCov_9fa48("5", "6", "7"), typeof component === (stryMutAct_9fa48("8") ? "" : (stryCov_9fa48("8"), 'string')))) return new TextEncoder().encode(stryMutAct_9fa48("9") ? component : (stryCov_9fa48("9"), component.trim()));
    if (stryMutAct_9fa48("12") ? (typeof component !== 'object' || component === null) && Array.isArray(component) : stryMutAct_9fa48("11") ? false : stryMutAct_9fa48("10") ? true : (stryCov_9fa48("10", "11", "12"), (stryMutAct_9fa48("14") ? typeof component !== 'object' && component === null : stryMutAct_9fa48("13") ? false : (stryCov_9fa48("13", "14"), (stryMutAct_9fa48("16") ? typeof component === 'object' : stryMutAct_9fa48("15") ? false : (stryCov_9fa48("15", "16"), typeof component !== (stryMutAct_9fa48("17") ? "" : (stryCov_9fa48("17"), 'object')))) || (stryMutAct_9fa48("19") ? component !== null : stryMutAct_9fa48("18") ? false : (stryCov_9fa48("18", "19"), component === null)))) || Array.isArray(component))) {
      if (stryMutAct_9fa48("20")) {
        {}
      } else {
        stryCov_9fa48("20");
        throw new StackingError(stryMutAct_9fa48("21") ? "" : (stryCov_9fa48("21"), 'ERR_COMPONENT_CANONICALIZE'), stryMutAct_9fa48("22") ? "" : (stryCov_9fa48("22"), 'a component must be a credential object or a VC-JWT string'));
      }
    }
    try {
      if (stryMutAct_9fa48("23")) {
        {}
      } else {
        stryCov_9fa48("23");
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
      }
    } catch (cause) {
      if (stryMutAct_9fa48("24")) {
        {}
      } else {
        stryCov_9fa48("24");
        throw new StackingError(stryMutAct_9fa48("25") ? "" : (stryCov_9fa48("25"), 'ERR_COMPONENT_CANONICALIZE'), stryMutAct_9fa48("26") ? `` : (stryCov_9fa48("26"), `the component cannot be canonicalised: ${stryMutAct_9fa48("27") ? (cause as Error)?.message && String(cause) : (stryCov_9fa48("27"), (stryMutAct_9fa48("28") ? (cause as Error).message : (stryCov_9fa48("28"), (cause as Error)?.message)) ?? String(cause))}`), stryMutAct_9fa48("29") ? {} : (stryCov_9fa48("29"), {
          cause
        }));
      }
    }
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
export function digestMultibaseOf(bytes: Uint8Array, algorithm: DigestAlgorithm = stryMutAct_9fa48("30") ? "" : (stryCov_9fa48("30"), 'sha2-384')): string {
  if (stryMutAct_9fa48("31")) {
    {}
  } else {
    stryCov_9fa48("31");
    const a = ALGS[algorithm];
    const d = a.fn(bytes);
    const mh = new Uint8Array(stryMutAct_9fa48("32") ? 2 - d.length : (stryCov_9fa48("32"), 2 + d.length));
    mh[0] = a.code;
    mh[1] = a.size;
    mh.set(d, 2);
    return stryMutAct_9fa48("33") ? `` : (stryCov_9fa48("33"), `u${base64urlnopad.encode(mh)}`);
  }
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
  if (stryMutAct_9fa48("34")) {
    {}
  } else {
    stryCov_9fa48("34");
    if (stryMutAct_9fa48("37") ? (typeof value !== 'string' || value.length < 3) && value.length > 200 : stryMutAct_9fa48("36") ? false : stryMutAct_9fa48("35") ? true : (stryCov_9fa48("35", "36", "37"), (stryMutAct_9fa48("39") ? typeof value !== 'string' && value.length < 3 : stryMutAct_9fa48("38") ? false : (stryCov_9fa48("38", "39"), (stryMutAct_9fa48("41") ? typeof value === 'string' : stryMutAct_9fa48("40") ? false : (stryCov_9fa48("40", "41"), typeof value !== (stryMutAct_9fa48("42") ? "" : (stryCov_9fa48("42"), 'string')))) || (stryMutAct_9fa48("45") ? value.length >= 3 : stryMutAct_9fa48("44") ? value.length <= 3 : stryMutAct_9fa48("43") ? false : (stryCov_9fa48("43", "44", "45"), value.length < 3)))) || (stryMutAct_9fa48("48") ? value.length <= 200 : stryMutAct_9fa48("47") ? value.length >= 200 : stryMutAct_9fa48("46") ? false : (stryCov_9fa48("46", "47", "48"), value.length > 200)))) return undefined;
    let bytes: Uint8Array;
    try {
      if (stryMutAct_9fa48("49")) {
        {}
      } else {
        stryCov_9fa48("49");
        if (stryMutAct_9fa48("52") ? value[0] !== 'u' : stryMutAct_9fa48("51") ? false : stryMutAct_9fa48("50") ? true : (stryCov_9fa48("50", "51", "52"), value[0] === (stryMutAct_9fa48("53") ? "" : (stryCov_9fa48("53"), 'u')))) bytes = base64urlnopad.decode(stryMutAct_9fa48("54") ? value : (stryCov_9fa48("54"), value.slice(1)));else if (stryMutAct_9fa48("57") ? value[0] !== 'z' : stryMutAct_9fa48("56") ? false : stryMutAct_9fa48("55") ? true : (stryCov_9fa48("55", "56", "57"), value[0] === (stryMutAct_9fa48("58") ? "" : (stryCov_9fa48("58"), 'z')))) bytes = base58.decode(stryMutAct_9fa48("59") ? value : (stryCov_9fa48("59"), value.slice(1)));else return undefined;
      }
    } catch {
      if (stryMutAct_9fa48("60")) {
        {}
      } else {
        stryCov_9fa48("60");
        return undefined;
      }
    }
    const entry = (Object.entries(ALGS) as [DigestAlgorithm, (typeof ALGS)[DigestAlgorithm]][]).find(stryMutAct_9fa48("61") ? () => undefined : (stryCov_9fa48("61"), ([, a]) => stryMutAct_9fa48("64") ? a.code !== bytes[0] : stryMutAct_9fa48("63") ? false : stryMutAct_9fa48("62") ? true : (stryCov_9fa48("62", "63", "64"), a.code === bytes[0])));
    if (stryMutAct_9fa48("67") ? (!entry || bytes[1] !== entry[1].size) && bytes.length !== 2 + entry[1].size : stryMutAct_9fa48("66") ? false : stryMutAct_9fa48("65") ? true : (stryCov_9fa48("65", "66", "67"), (stryMutAct_9fa48("69") ? !entry && bytes[1] !== entry[1].size : stryMutAct_9fa48("68") ? false : (stryCov_9fa48("68", "69"), (stryMutAct_9fa48("70") ? entry : (stryCov_9fa48("70"), !entry)) || (stryMutAct_9fa48("72") ? bytes[1] === entry[1].size : stryMutAct_9fa48("71") ? false : (stryCov_9fa48("71", "72"), bytes[1] !== entry[1].size)))) || (stryMutAct_9fa48("74") ? bytes.length === 2 + entry[1].size : stryMutAct_9fa48("73") ? false : (stryCov_9fa48("73", "74"), bytes.length !== (stryMutAct_9fa48("75") ? 2 - entry[1].size : (stryCov_9fa48("75"), 2 + entry[1].size)))))) return undefined;
    return stryMutAct_9fa48("76") ? {} : (stryCov_9fa48("76"), {
      algorithm: entry[0],
      digest: stryMutAct_9fa48("77") ? bytes : (stryCov_9fa48("77"), bytes.slice(2))
    });
  }
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
  if (stryMutAct_9fa48("78")) {
    {}
  } else {
    stryCov_9fa48("78");
    return digestMultibaseOf(await canonicalComponentBytes(component, opts), stryMutAct_9fa48("79") ? opts.algorithm && 'sha2-384' : (stryCov_9fa48("79"), opts.algorithm ?? (stryMutAct_9fa48("80") ? "" : (stryCov_9fa48("80"), 'sha2-384'))));
  }
}
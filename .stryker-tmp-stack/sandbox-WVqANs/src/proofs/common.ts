/**
 * The parts of the Data Integrity proof layer every verification needs (the canonicalization budget, the proof's
 * public key, the cryptosuite names), apart from the suites themselves: src/verify/checks/proof.ts imports this module
 * statically and loads the suites (./suites.ts: Ed25519Signature2020, eddsa-jcs-2022, jsonld-signatures' eddsa-rdfc-2022;
 * ./ecdsa.ts: ecdsa-rdfc-2019, ecdsa-jcs-2019) on first use, so those stay out of the first download of
 * `credstack/verify`.
 */
// @ts-nocheck

import jsonld from 'jsonld';
import * as rdfCanonize from 'rdf-canonize';
import { CredstackError } from '../errors.js';
import { b64u, decodePublicKeyMultibase } from '../keys/multibase.js';
import type { DocumentLoader } from '../jsonld/loader.js';
import { CANONIZE_MAX_WORK_FACTOR, CANONIZE_WORK, canonizeDocument } from './canonize.js';
import { datasetOfExpansion } from './shapes.js';

/**
 * @internal One verification's canonicalization budget, shared by every proof of a document: the canonical N-Quads of
 * the same input are computed once (a proof set of ten proofs costs one canonicalization of the document, not ten),
 * and a dataset larger than `maxQuads` is refused before rdf-canonize sees it.
 */
export interface CanonizeBudget {
  cache: Map<string, Promise<string>>;
  maxQuads: number;
}

/** @internal Canonize like jsonld.canonize / the eddsa-rdfc-2022 cryptosuite, bounded and memoized by `budget`. */
export function boundedCanonize(input: unknown, options: Record<string, unknown>, budget?: CanonizeBudget): Promise<string> {
  const opts: Record<string, unknown> = { rdfDirection: 'i18n-datatype', base: null, safe: true, ...options, produceGeneralizedRdf: false };
  const mode = opts.rdfDirection === 'i18n-datatype' ? 'i18n-datatype' : opts.rdfDirection === undefined ? 'none' : undefined;
  // the view already expanded the claims once (PRE_EXPANDED): canonicalize that expansion instead of expanding again
  const pre = input && typeof input === 'object' ? (input as Record<symbol, unknown>)[PRE_EXPANDED] : undefined;
  // (SHA-384 canonicalization — ecdsa-rdfc-2019 with P-384 — always takes the full path below)
  const layer = !!mode && opts.safe === true && opts.base === null && !opts.skipExpansion && typeof opts.documentLoader === 'function' && options.messageDigestAlgorithm !== 'SHA-384';
  let key: string | undefined;
  if (budget) {
    // an expansion a compiled shape made: the result is its dataset's canonical form, whatever spells the input (keyed
    // by the expansion itself, not by the input's JSON text)
    const shapedPre = layer && Array.isArray(pre) && datasetOfExpansion(pre, mode!) !== undefined;
    key = shapedPre ? `#${expansionId(pre as unknown[])}\u0000${mode}` : `${options.safe === false ? 'unsafe' : 'safe'}\u0000${mode ?? String(opts.rdfDirection)}\u0000${typeof options.messageDigestAlgorithm === 'string' ? options.messageDigestAlgorithm : ''}\u0000${JSON.stringify(input)}`;
    const hit = budget.cache.get(key);
    if (hit) return hit;
  }
  const run = (async () => {
    const maxQuads = budget?.maxQuads ?? Infinity;
    if (layer && mode) {
      // the proof layer's canonicalization: a compiled shape when the document has one (src/proofs/shapes.ts)
      return canonizeDocument(input, { documentLoader: opts.documentLoader as DocumentLoader, mode, maxQuads, ...(Array.isArray(pre) ? { expanded: pre } : {}) });
    }
    delete opts.format;
    delete opts.canonizeOptions;
    delete opts.messageDigestAlgorithm;
    const dataset = (Array.isArray(pre)
      ? await jsonld.toRDF(structuredClone(pre), { ...opts, skipExpansion: true })
      : await jsonld.toRDF(input as Record<string, unknown>, opts)) as unknown[];
    CANONIZE_WORK.calls++;
    CANONIZE_WORK.quads += dataset.length;
    if (dataset.length > maxQuads) {
      throw new CredstackError('ERR_INPUT_TOO_COMPLEX', `the document has ${dataset.length} RDF quads; the limit is ${maxQuads} (limit maxQuads)`);
    }
    // RDFC-1.0's hash: SHA-256 unless the cryptosuite asks otherwise (ecdsa-rdfc-2019 with P-384: SHA-384)
    const messageDigestAlgorithm = options.messageDigestAlgorithm === 'SHA-384' ? 'SHA-384' : undefined;
    return rdfCanonize.canonize(dataset, { algorithm: 'RDFC-1.0', maxWorkFactor: CANONIZE_MAX_WORK_FACTOR, ...(messageDigestAlgorithm ? { messageDigestAlgorithm } : {}) });
  })();
  if (budget) budget.cache.set(key!, run);
  return run;
}

const EXPANSION_IDS = new WeakMap<object, number>();
let nextExpansionId = 1;
function expansionId(e: object): number {
  let id = EXPANSION_IDS.get(e);
  if (id === undefined) EXPANSION_IDS.set(e, (id = nextExpansionId++));
  return id;
}

/**
 * @internal Put on the document handed to jsonld-signatures (enumerable, so its shallow copy keeps it; JSON-LD ignores
 * symbol keys): the expansion of that document without its proof, computed once for the signed-data view.
 */
export const PRE_EXPANDED: unique symbol = Symbol('credstack.preExpanded');

/** @internal Public key bytes of a verification method (Multikey, Ed25519VerificationKey2020, JsonWebKey). */
export function publicKeyOf(vm: Record<string, unknown>): Uint8Array {
  if (typeof vm.publicKeyMultibase === 'string') return decodePublicKeyMultibase(vm.publicKeyMultibase);
  const jwk = vm.publicKeyJwk as Record<string, unknown> | undefined;
  if (jwk && jwk.kty === 'OKP' && jwk.crv === 'Ed25519' && typeof jwk.x === 'string') {
    const x = b64u.decode(jwk.x);
    if (x.length === 32) return x;
  }
  throw new Error(`verification method ${String(vm.id)} has no Ed25519 public key`);
}

/** The Data Integrity cryptosuites credstack signs and verifies (ecdsa-*: P-256 signs, P-256 and P-384 verify). */
export const CRYPTOSUITES = ['eddsa-rdfc-2022', 'eddsa-jcs-2022', 'ecdsa-rdfc-2019', 'ecdsa-jcs-2019'] as const;
/** @internal */
export type Cryptosuite = (typeof CRYPTOSUITES)[number];


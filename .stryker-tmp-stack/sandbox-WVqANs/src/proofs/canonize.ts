/**
 * Canonical N-Quads (RDFC-1.0) of a JSON-LD document, as the eddsa-rdfc-2022 and Ed25519Signature2020 suites compute
 * them (safe mode, `base: null`), from a compiled shape when the document has one ({@link shaped}), otherwise through
 * jsonld.toRDF. Bounded: a dataset larger than `maxQuads` is refused before rdf-canonize sees it, and rdf-canonize runs
 * with its work limit.
 */
// @ts-nocheck

import jsonld from 'jsonld';
import * as rdfCanonize from 'rdf-canonize';
import { CredstackError } from '../errors.js';
import type { DocumentLoader } from '../jsonld/loader.js';
import { sha256HexDigestFactory } from '../util/node-crypto.js';
import { datasetOfExpansion, shaped, type Quad, type RdfMode } from './shapes.js';

/**
 * Limit of rdf-canonize's work: poison graphs (exponential blank-node hashing) stop early instead of hanging.
 * 1 is rdf-canonize's own conservative default; we pass it explicitly so an upgrade cannot silently lift it.
 */
export const CANONIZE_MAX_WORK_FACTOR = 1;

/** @internal Work meter for tests and benchmarks: how many datasets were canonicalized, and how many quads in all. */
export const CANONIZE_WORK = { calls: 0, quads: 0, shaped: 0 };

/** @internal Options of {@link canonizeDocument}. */
export interface CanonizeOptions {
  documentLoader: DocumentLoader;
  /** eddsa-rdfc-2022: 'i18n-datatype' (default); Ed25519Signature2020: 'none'. */
  mode?: RdfMode;
  /**
   * The document's expansion, already computed (the view's): converted to RDF without expanding again, or, when a
   * compiled shape made it ({@link datasetOfExpansion}), not converted at all (that shape's dataset is used).
   */
  expanded?: unknown[];
  maxQuads?: number;
  /** Try a compiled shape first (default true). */
  shapes?: boolean;
}

/** @internal The canonical N-Quads of `input` (safe mode, base null). Throws jsonld's errors as they are. */
export async function canonizeDocument(input: unknown, opts: CanonizeOptions): Promise<string> {
  const mode = opts.mode ?? 'i18n-datatype';
  // the expansion came from a compiled shape (the verify view's): the same template instance made its dataset, exactly
  // toRDF(expanded) — no second instantiation, no toRDF
  let dataset: Quad[] | undefined = opts.expanded && opts.shapes !== false ? datasetOfExpansion(opts.expanded, mode) : undefined;
  if (dataset) CANONIZE_WORK.shaped++;
  if (!dataset && opts.shapes !== false) {
    const s = await shaped(input, opts.documentLoader, mode);
    if (s) {
      dataset = s.dataset;
      CANONIZE_WORK.shaped++;
    }
  }
  if (!dataset) {
    const toRdf = { documentLoader: opts.documentLoader, base: null, safe: true, produceGeneralizedRdf: false, ...(mode === 'i18n-datatype' ? { rdfDirection: 'i18n-datatype' } : {}) };
    dataset = (opts.expanded
      ? await jsonld.toRDF(structuredClone(opts.expanded) as any, { ...toRdf, skipExpansion: true } as any)
      : await jsonld.toRDF(input as any, toRdf as any)) as unknown as Quad[];
  }
  CANONIZE_WORK.calls++;
  CANONIZE_WORK.quads += dataset.length;
  const maxQuads = opts.maxQuads ?? Infinity;
  if (dataset.length > maxQuads) {
    throw new CredstackError('ERR_INPUT_TOO_COMPLEX', `the document has ${dataset.length} RDF quads; the limit is ${maxQuads} (limit maxQuads)`);
  }
  // RDFC-1.0's hash is SHA-256: node:crypto's one-shot hash where the runtime has it (same digests), else rdf-canonize's own
  const createMessageDigest = sha256HexDigestFactory();
  return rdfCanonize.canonize(dataset as any, { algorithm: 'RDFC-1.0', maxWorkFactor: CANONIZE_MAX_WORK_FACTOR, ...(createMessageDigest ? { createMessageDigest } : {}) } as any);
}

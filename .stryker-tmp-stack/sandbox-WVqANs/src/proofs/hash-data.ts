/**
 * The data an eddsa-rdfc-2022 / Ed25519Signature2020 signature covers. vc-di-eddsa v1.0 §3.3.4 (Hashing
 * (eddsa-rdfc-2022)): "Let hashData be the result of concatenating proofConfigHash (the first hash produced above)
 * followed by transformedDocumentHash (the second hash produced above)", each the SHA-256 of the RDFC-1.0 canonical
 * N-Quads (the proof configuration: the proof without `proofValue`, under the document's `@context`; the document:
 * without its proof). Ed25519Signature2020 (§4 of the same spec, jsonld-signatures' LinkedDataSignature) hashes the
 * same two canonical forms in the same order, without the `i18n-datatype` direction mapping.
 */
// @ts-nocheck

import { sha256 } from '@noble/hashes/sha2.js';
import type { DocumentLoader } from '../jsonld/loader.js';
import { DATA_INTEGRITY_V2_CONTEXT, ED25519_2020_CONTEXT, VC_V2_CONTEXT } from '../jsonld/contexts.js';
import { nodeSha256 } from '../util/node-crypto.js';
import { canonizeDocument } from './canonize.js';

/** @internal The proof types whose data is hashed here. */
export type RdfcProofKind = 'eddsa-rdfc-2022' | 'Ed25519Signature2020';

/** @internal Options of {@link hashProofData}. */
export interface HashDataOptions {
  documentLoader: DocumentLoader;
  maxQuads?: number;
  /** A canonicalization already computed for this document (a proof set shares one). */
  canonicalDocument?: Promise<string>;
  /** The canonicalizer (default {@link canonizeDocument}; verification passes its bounded, memoized one). */
  canonize?: (input: Record<string, unknown>, mode: 'i18n-datatype' | 'none') => Promise<string>;
}

const has = (ctx: unknown, url: string) => ctx === url || (Array.isArray(ctx) && ctx.includes(url));

/**
 * @internal The proof configuration as the suites canonicalize it: the document's `@context` (plus the suite context
 * @digitalbazaar/data-integrity adds when neither Data Integrity v2 nor VC 2.0 is there), the proof without its value.
 */
export function proofConfiguration(kind: RdfcProofKind, documentContext: unknown, proof: Record<string, unknown>): Record<string, unknown> {
  const config: Record<string, unknown> = { '@context': documentContext, ...proof };
  delete config.proofValue;
  if (kind === 'Ed25519Signature2020') {
    delete config.jws;
    delete config.signatureValue;
  } else {
    const c = config['@context'];
    if (!has(c, DATA_INTEGRITY_V2_CONTEXT) && !has(c, VC_V2_CONTEXT)) config['@context'] = Array.isArray(c) ? [...c, DATA_INTEGRITY_V2_CONTEXT] : [c, DATA_INTEGRITY_V2_CONTEXT];
  }
  return config;
}

/** @internal The context URL a suite adds to a document it signs when the document lacks it (or undefined). */
export function missingSuiteContext(kind: RdfcProofKind, documentContext: unknown): string | undefined {
  if (kind === 'Ed25519Signature2020') return has(documentContext, ED25519_2020_CONTEXT) ? undefined : ED25519_2020_CONTEXT;
  return has(documentContext, DATA_INTEGRITY_V2_CONTEXT) || has(documentContext, VC_V2_CONTEXT) ? undefined : DATA_INTEGRITY_V2_CONTEXT;
}

const utf8 = new TextEncoder();

/** SHA-256 of a string's UTF-8 bytes: node:crypto's synchronous createHash where the runtime has it, else @noble/hashes. */
function sha256Text(s: string): Uint8Array {
  return nodeSha256(s) ?? sha256(utf8.encode(s));
}

/** @internal The canonical document for `kind` (as given: without the proof being made or checked; a chained proof's earlier proofs stay). */
export function canonicalDocument(kind: RdfcProofKind, document: Record<string, unknown>, opts: HashDataOptions): Promise<string> {
  if (opts.canonize) return opts.canonize(document, kind === 'eddsa-rdfc-2022' ? 'i18n-datatype' : 'none');
  return canonizeDocument(document, { documentLoader: opts.documentLoader, mode: kind === 'eddsa-rdfc-2022' ? 'i18n-datatype' : 'none', ...(opts.maxQuads !== undefined ? { maxQuads: opts.maxQuads } : {}) });
}

/** @internal hashData = SHA-256(canonical proof configuration) ‖ SHA-256(canonical document): 64 bytes. `document` is hashed as given. */
export async function hashProofData(kind: RdfcProofKind, document: Record<string, unknown>, proof: Record<string, unknown>, opts: HashDataOptions): Promise<Uint8Array> {
  const mode = kind === 'eddsa-rdfc-2022' ? 'i18n-datatype' : 'none';
  const configDoc = proofConfiguration(kind, document['@context'], proof);
  const [config, doc] = await Promise.all([
    opts.canonize ? opts.canonize(configDoc, mode) : canonizeDocument(configDoc, { documentLoader: opts.documentLoader, mode, ...(opts.maxQuads !== undefined ? { maxQuads: opts.maxQuads } : {}) }),
    opts.canonicalDocument ?? canonicalDocument(kind, document, opts),
  ]);
  const out = new Uint8Array(64);
  out.set(sha256Text(config), 0);
  out.set(sha256Text(doc), 32);
  return out;
}

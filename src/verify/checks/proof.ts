import jsigs from 'jsonld-signatures';
import { CredstackError } from '../../errors.js';
import { controllerView, retrieveVerificationMethod } from '../../keys/controller-document.js';
import type { DocumentLoader } from '../../jsonld/loader.js';
import { createEd2020VerifyingSuite, createEddsaVerifyingSuite, createJcsVerifyingSuite, CRYPTOSUITES } from '../../proofs/suites.js';
import { asArray, isDateTimeStamp } from '../../util/json.js';
import type { Check } from '../report.js';
import type { VerifyContext } from '../options.js';

const { purposes } = jsigs;

/** @internal At most this many proofs per document are verified (a proof set rarely has more than two). */
export const MAX_PROOFS = 10;

/** @internal Result of verifying every proof of a document. */
export interface ProofOutcome {
  checks: Check[];
  /** Controllers (DIDs) of the verification methods of proofs that verified. */
  controllers: string[];
  /** Whether any proof's key could not be resolved (issuer check then skipped). */
  unresolved: boolean;
}

/** @internal Why jsonld-signatures said no, as a stable code. */
export function classifyProofError(err: unknown): { code: string; message: string } {
  let e: any = err;
  // jsigs wraps errors: dig to the first informative one
  for (let i = 0; i < 5 && e; i++) {
    if (e instanceof CredstackError) {
      if (e.code.startsWith('ERR_DOCUMENT_')) {
        return { code: 'ERR_DOCUMENT_UNAVAILABLE', message: e.message };
      }
      return { code: e.code, message: e.message };
    }
    if (e.name === 'jsonld.ValidationError') {
      const prop = e.details?.event?.details?.property;
      return { code: 'ERR_UNDEFINED_TERM', message: prop ? `property "${prop}" is not defined by any @context (JSON-LD safe mode): it is not covered by the signature` : `JSON-LD safe mode: ${e.message}` };
    }
    if (e.details?.cause) e = e.details.cause;
    else if (e.cause && e.cause !== e) e = e.cause;
    else break;
  }
  const msg = String(e?.message ?? err);
  if (/Invalid signature/i.test(msg)) return { code: 'ERR_PROOF_INVALID_SIGNATURE', message: 'signature does not match the credential (it was changed after signing, or signed with another key)' };
  if (/not authorized by controller|verification method .* not authorized|was not authorized/i.test(msg)) {
    return { code: 'ERR_PROOF_KEY_NOT_AUTHORIZED', message: `the key is not listed for assertionMethod by its controller: ${msg}` };
  }
  if (/Maximum deep iterations|work factor|abort/i.test(msg)) {
    return { code: 'ERR_CANONICALIZE_LIMIT', message: `canonicalization stopped at its work limit (a blank-node "poison" graph?): ${msg}` };
  }
  if (/proofValue/i.test(msg)) return { code: 'ERR_PROOF_VALUE_INVALID', message: msg };
  if (/No matching proofs/i.test(msg)) return { code: 'ERR_PROOF_NO_MATCH', message: msg };
  if (/loading document failed|Unable to load/i.test(msg)) return { code: 'ERR_DOCUMENT_UNAVAILABLE', message: msg };
  return { code: 'ERR_PROOF_INVALID', message: msg.slice(0, 500) };
}

function describe(p: Record<string, any>): string {
  return p.type === 'DataIntegrityProof' ? `DataIntegrityProof/${String(p.cryptosuite)}` : String(p.type);
}

/** @internal Structural checks a naive verifier misses; returns a failed check or undefined. */
export function preflightProof(p: unknown, ctx: VerifyContext, expectedPurpose: string): Check | undefined {
  if (!p || typeof p !== 'object' || Array.isArray(p)) return { id: 'proof', status: 'failed', code: 'ERR_PROOF_MALFORMED', message: 'proof must be an object' };
  const proof = p as Record<string, any>;
  const target = describe(proof);
  const fail = (code: string, message: string): Check => ({ id: 'proof', status: 'failed', code, message, target });
  if (proof.type === 'DataIntegrityProof') {
    if (proof.cryptosuite === 'eddsa-2022') return fail('ERR_PROOF_DEPRECATED_CRYPTOSUITE', 'cryptosuite "eddsa-2022" is a deprecated draft name; re-issue with "eddsa-rdfc-2022"');
    if (!(CRYPTOSUITES as readonly unknown[]).includes(proof.cryptosuite)) {
      return fail('ERR_PROOF_UNSUPPORTED_CRYPTOSUITE', `unsupported cryptosuite ${safeJson(proof.cryptosuite)} (supported: ${CRYPTOSUITES.join(', ')})`);
    }
  } else if (proof.type !== 'Ed25519Signature2020') {
    return fail('ERR_PROOF_UNSUPPORTED_TYPE', `unsupported proof type ${safeJson(proof.type)} (supported: DataIntegrityProof ${CRYPTOSUITES.join(' / ')}, Ed25519Signature2020)`);
  }
  if (proof.proofPurpose === undefined) return fail('ERR_PROOF_PURPOSE_MISSING', 'proof has no proofPurpose');
  if (proof.proofPurpose !== expectedPurpose) return fail('ERR_PROOF_PURPOSE', `proofPurpose is ${JSON.stringify(proof.proofPurpose)}, expected "${expectedPurpose}"`);
  if (typeof proof.verificationMethod !== 'string' && typeof proof.verificationMethod?.id !== 'string') {
    return fail('ERR_PROOF_NO_VERIFICATION_METHOD', 'proof has no verificationMethod');
  }
  if (typeof proof.proofValue !== 'string' || !/^z[1-9A-HJ-NP-Za-km-z]{40,120}$/.test(proof.proofValue)) {
    return fail('ERR_PROOF_VALUE_INVALID', 'proofValue must be a multibase base58btc string');
  }
  if (proof.created !== undefined && !isDateTimeStamp(proof.created)) return fail('ERR_PROOF_CREATED_INVALID', `proof.created is not a valid date-time: ${JSON.stringify(proof.created).slice(0, 60)}`);
  if (proof.type === 'Ed25519Signature2020' && proof.created === undefined) return fail('ERR_PROOF_CREATED_INVALID', 'Ed25519Signature2020 proofs must have created');
  if (proof.expires !== undefined) {
    if (!isDateTimeStamp(proof.expires)) return fail('ERR_PROOF_EXPIRES_INVALID', `proof.expires is not a valid date-time: ${JSON.stringify(proof.expires).slice(0, 60)}`);
    if (Date.parse(proof.expires) < ctx.now.getTime()) return fail('ERR_PROOF_EXPIRED', `proof expired at ${proof.expires}`);
  }
  if (proof.created !== undefined && Date.parse(proof.created) > ctx.now.getTime() + 5 * 60_000) {
    return fail('ERR_PROOF_CREATED_FUTURE', `proof created in the future (${proof.created}, now ${ctx.now.toISOString()})`);
  }
  if (proof.previousProof !== undefined && previousProofIds(proof) === undefined) {
    return fail('ERR_PROOF_CHAIN_INVALID', 'previousProof must be a string or a list of strings (the ids of earlier proofs)');
  }
  return undefined;
}

function safeJson(v: unknown): string {
  try {
    return (JSON.stringify(v) ?? typeof v).slice(0, 100);
  } catch {
    return typeof v;
  }
}

/** The ids a proof's `previousProof` names (string or list of strings), or undefined when malformed. */
function previousProofIds(proof: Record<string, any>): string[] | undefined {
  const pp = proof.previousProof;
  if (typeof pp === 'string') return [pp];
  if (Array.isArray(pp) && pp.length > 0 && pp.length <= MAX_PROOFS && pp.every((x) => typeof x === 'string')) return pp as string[];
  return undefined;
}

/**
 * Data Integrity v1.0 §4.5 "Verify Proof Sets and Chains", step 3: the proofs a chained proof's `previousProof` names,
 * from all the document's proofs. Returns the ids not found when the chain is broken.
 */
function matchingProofs(proof: Record<string, any>, all: unknown[]): { proofs: unknown[] } | { missing: string[] } {
  const ids = previousProofIds(proof) ?? [];
  const found: unknown[] = [];
  const missing: string[] = [];
  for (const id of ids) {
    const hits = all.filter((p) => p !== proof && p && typeof p === 'object' && (p as Record<string, unknown>).id === id);
    if (hits.length === 0) missing.push(id);
    for (const h of hits) if (!found.includes(h)) found.push(h);
  }
  return missing.length ? { missing } : { proofs: found };
}

/** A suite whose verifyProof sees `proof: previous` in the document (the chain's earlier proofs are signed over). */
function chainedSuite(suite: any, previous: unknown[]): any {
  const wrapped = Object.create(suite);
  wrapped.verifyProof = (args: Record<string, any>) => suite.verifyProof.call(wrapped, { ...args, document: { ...args.document, proof: previous } });
  return wrapped;
}

function suiteFor(proof: Record<string, any>): any {
  if (proof.type === 'Ed25519Signature2020') return createEd2020VerifyingSuite();
  return proof.cryptosuite === 'eddsa-jcs-2022' ? createJcsVerifyingSuite() : createEddsaVerifyingSuite();
}

/** jsonld-signatures' purpose for `term`, told the controller document already retrieved and checked. */
function purposeFor(term: string, proof: Record<string, any>, controller: Record<string, unknown>): any {
  if (term === 'assertionMethod') return new purposes.AssertionProofPurpose({ controller });
  if (term === 'authentication' && typeof proof.challenge === 'string') {
    // the caller compares challenge/domain with what it expects; here they only have to be the proof's own
    return new purposes.AuthenticationProofPurpose({ controller, challenge: proof.challenge, ...(typeof proof.domain === 'string' ? { domain: proof.domain } : {}) });
  }
  return new purposes.ControllerProofPurpose({ term, controller });
}

/**
 * @internal Verify every proof of `doc`: each proof is checked on its own (the document with that proof alone), so a
 * proof set passes only if every proof verifies.
 */
export async function checkProofs(
  doc: Record<string, any>,
  ctx: VerifyContext,
  opts: { expectedPurpose?: string } = {},
): Promise<ProofOutcome> {
  const proofs = asArray(doc.proof);
  const out: ProofOutcome = { checks: [], controllers: [], unresolved: false };
  if (proofs.length === 0) {
    out.checks.push({ id: 'proof', status: 'failed', code: 'ERR_PROOF_MISSING', message: 'no proof: the credential is not signed' });
    return out;
  }
  if (proofs.length > MAX_PROOFS) {
    // each proof costs a full canonicalisation: thousands of copies of a proof would pin a CPU for minutes
    out.checks.push({ id: 'proof', status: 'failed', code: 'ERR_PROOF_TOO_MANY', message: `${proofs.length} proofs: more than ${MAX_PROOFS} are refused` });
    return out;
  }
  const expectedPurpose = opts.expectedPurpose ?? 'assertionMethod';
  for (const p of proofs) {
    const pre = preflightProof(p, ctx, expectedPurpose);
    if (pre) {
      out.checks.push(pre);
      continue;
    }
    const proof = p as Record<string, any>;
    const target = describe(proof);
    let suite = suiteFor(proof);
    if (proof.previousProof !== undefined) {
      const m = matchingProofs(proof, proofs);
      if ('missing' in m) {
        out.checks.push({ id: 'proof', status: 'failed', code: 'ERR_PROOF_CHAIN_BROKEN', message: `previousProof names ${m.missing.map((x) => JSON.stringify(x.slice(0, 200))).join(', ')}, which is not a proof of this document (PROOF_VERIFICATION_ERROR)`, target });
        continue;
      }
      suite = chainedSuite(suite, m.proofs);
    }
    // Controlled Identifiers v1.0 §3.3: the method URL without its fragment names the controller document; the method
    // must be in it, carry the URL as its id and the document as its controller, and be listed for the proof purpose.
    const vmUrl = typeof proof.verificationMethod === 'string' ? proof.verificationMethod : proof.verificationMethod?.id;
    const retrieved = await retrieveVerificationMethod(vmUrl, expectedPurpose, ctx.loader);
    if (!retrieved.ok) {
      if (retrieved.errorType === 'DEREFERENCE_FAILED') {
        out.unresolved = true;
        out.checks.push({ id: 'proof', status: 'failed', code: 'ERR_KEY_UNAVAILABLE', message: `cannot check the signature offline: ${retrieved.message}`, target });
      } else {
        out.checks.push({ id: 'proof', status: 'failed', code: retrieved.code, message: `${retrieved.message} (${retrieved.errorType})`, target });
      }
      continue;
    }
    const controller = controllerView(retrieved, expectedPurpose);
    const base = ctx.loader;
    const documentLoader: DocumentLoader = async (url: string) => {
      if (url === vmUrl) return { contextUrl: null, documentUrl: url, document: retrieved.verificationMethod };
      if (url === retrieved.controllerDocumentUrl) return { contextUrl: null, documentUrl: url, document: controller };
      return base(url);
    };
    const purpose = purposeFor(expectedPurpose, proof, controller);
    const single = { ...doc, proof };
    let result: any;
    try {
      result = await jsigs.verify(single, { suite, purpose, documentLoader });
    } catch (err) {
      result = { verified: false, error: err };
    }
    if (result?.verified) {
      // Bind what jsonld-signatures loaded to what the proof names: a fetched (or caller-supplied) document may carry a
      // different `id` than the URL it was loaded from — a key at https://evil/vm claiming to be did:web:victim#key-1, or a
      // controller document claiming to be did:web:victim — and jsigs compares only the ids inside those documents.
      const vm = result.results?.[0]?.verificationMethod;
      const wanted = typeof proof.verificationMethod === 'string' ? proof.verificationMethod : proof.verificationMethod?.id;
      const vmController = typeof vm?.controller === 'string' ? vm.controller : vm?.controller?.id;
      const controller = result.results?.[0]?.purposeResult?.controller?.id;
      if (vm?.id !== wanted || typeof controller !== 'string' || controller !== vmController) {
        out.checks.push({
          id: 'proof',
          status: 'failed',
          code: 'ERR_PROOF_KEY_ID_MISMATCH',
          message: `the key document loaded for ${String(wanted)} identifies itself as ${String(vm?.id)} (controller ${String(vmController)}, controller document ${String(controller)}): refusing a key or controller document that claims another id`,
          target,
        });
        continue;
      }
      out.controllers.push(controller);
      out.checks.push({ id: 'proof', status: 'passed', message: `${target} by ${String(proof.verificationMethod?.id ?? proof.verificationMethod)}`, target });
      continue;
    }
    const err = result?.results?.[0]?.error ?? result?.error;
    const { code, message } = classifyProofError(err);
    if (code === 'ERR_DOCUMENT_UNAVAILABLE') {
      out.unresolved = true;
      out.checks.push({
        id: 'proof',
        status: 'failed',
        code: 'ERR_KEY_UNAVAILABLE',
        message: `cannot check the signature offline: ${message}`,
        target,
      });
      continue;
    }
    out.checks.push({ id: 'proof', status: 'failed', code, message, target });
  }
  return out;
}

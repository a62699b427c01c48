import jsigs from 'jsonld-signatures';
import { CredstackError } from '../../errors.js';
import { controllerView, retrieveVerificationMethod } from '../../keys/controller-document.js';
import type { DocumentLoader } from '../../jsonld/loader.js';
import { boundedCanonize, CRYPTOSUITES, PRE_EXPANDED, publicKeyOf, type CanonizeBudget } from '../../proofs/common.js';
import { loadEcdsaSuites, loadEddsaSuites } from '../../proofs/load.js';
import { verifyProofSignature } from '../../proofs/verify-proof.js';
import { resolveLimits } from '../bounds.js';
import { asArray, isDateTimeStamp, show } from '../../util/json.js';
import { proofViewOnce, type ProofView } from '../view.js';
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
  const msg = typeof e?.message === 'string' ? e.message : typeof (err as { message?: unknown })?.message === 'string' ? (err as { message: string }).message : 'the proof could not be verified';
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

/** Which proof a check is about, from the proof's signed data (never String() of untrusted values). */
function describe(p: ProofView | Record<string, unknown>): string {
  const type = typeof p.type === 'string' ? p.type.slice(0, 80) : 'proof';
  return type === 'DataIntegrityProof' ? `DataIntegrityProof/${typeof p.cryptosuite === 'string' ? p.cryptosuite.slice(0, 60) : show(p.cryptosuite)}` : type;
}

/** A proof no suite of ours would verify, refused by what its JSON says (before its signed data is read). */
function refuseUnsupported(proof: Record<string, unknown>): Check | undefined {
  const target = describe(proof);
  const fail = (code: string, message: string): Check => ({ id: 'proof', status: 'failed', code, message, target });
  if (proof.type === 'DataIntegrityProof') {
    if (proof.cryptosuite === 'eddsa-2022') return fail('ERR_PROOF_DEPRECATED_CRYPTOSUITE', 'cryptosuite "eddsa-2022" is a deprecated draft name; re-issue with "eddsa-rdfc-2022"');
    if (typeof proof.cryptosuite === 'string' && !(CRYPTOSUITES as readonly string[]).includes(proof.cryptosuite)) return fail('ERR_PROOF_UNSUPPORTED_CRYPTOSUITE', `unsupported cryptosuite ${show(proof.cryptosuite)} (supported: ${CRYPTOSUITES.join(', ')})`);
  } else if (typeof proof.type === 'string' && proof.type !== 'Ed25519Signature2020') {
    return fail('ERR_PROOF_UNSUPPORTED_TYPE', `unsupported proof type ${show(proof.type)} (supported: DataIntegrityProof ${CRYPTOSUITES.join(' / ')}, Ed25519Signature2020)`);
  }
  return undefined;
}

const vmIdOf = (v: unknown): unknown => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>).id : v);

/**
 * @internal Structural checks a naive verifier misses, read from the proof's signed data (`view`); `json` is the proof
 * as jsonld-signatures will read it, which must say the same (type, cryptosuite, purpose, key). Returns a failed check
 * or undefined.
 */
export function preflightProof(json: unknown, view: ProofView, ctx: VerifyContext, expectedPurpose: string): Check | undefined {
  const proof = json as Record<string, unknown>;
  const target = describe(view);
  const fail = (code: string, message: string): Check => ({ id: 'proof', status: 'failed', code, message, target });
  if (view.type === 'DataIntegrityProof') {
    if (view.cryptosuite === 'eddsa-2022') return fail('ERR_PROOF_DEPRECATED_CRYPTOSUITE', 'cryptosuite "eddsa-2022" is a deprecated draft name; re-issue with "eddsa-rdfc-2022"');
    if (!(CRYPTOSUITES as readonly unknown[]).includes(view.cryptosuite)) return fail('ERR_PROOF_UNSUPPORTED_CRYPTOSUITE', `unsupported cryptosuite ${show(view.cryptosuite)} (supported: ${CRYPTOSUITES.join(', ')})`);
  } else if (view.type !== 'Ed25519Signature2020') {
    return fail('ERR_PROOF_UNSUPPORTED_TYPE', `unsupported proof type ${show(view.type)} (supported: DataIntegrityProof ${CRYPTOSUITES.join(' / ')}, Ed25519Signature2020)`);
  }
  if (view.proofPurpose === undefined) return fail('ERR_PROOF_PURPOSE_MISSING', 'proof has no proofPurpose');
  if (view.proofPurpose !== expectedPurpose) return fail('ERR_PROOF_PURPOSE', `proofPurpose is ${show(view.proofPurpose)}, expected "${expectedPurpose}"`);
  if (typeof vmIdOf(view.verificationMethod) !== 'string') return fail('ERR_PROOF_NO_VERIFICATION_METHOD', 'proof has no verificationMethod');
  // the suites read these from the JSON: a respelling (full IRI, alias) or a second value is refused, not guessed
  const same =
    proof.type === view.type &&
    proof.cryptosuite === view.cryptosuite &&
    proof.proofPurpose === view.proofPurpose &&
    vmIdOf(proof.verificationMethod) === vmIdOf(view.verificationMethod);
  if (!same) {
    return fail('ERR_PROOF_MALFORMED', 'the proof\'s type, cryptosuite, proofPurpose or verificationMethod is not written with its plain term, so the JSON the suite reads differs from the signed data');
  }
  if (typeof proof.proofValue !== 'string' || !/^z[1-9A-HJ-NP-Za-km-z]{40,160}$/.test(proof.proofValue)) {
    return fail('ERR_PROOF_VALUE_INVALID', 'proofValue must be a multibase base58btc string');
  }
  const created = view.created;
  const expires = view.expires;
  if (created !== undefined && !isDateTimeStamp(created)) return fail('ERR_PROOF_CREATED_INVALID', `proof.created is not a valid date-time: ${show(created, 60)}`);
  if (view.type === 'Ed25519Signature2020' && created === undefined) return fail('ERR_PROOF_CREATED_INVALID', 'Ed25519Signature2020 proofs must have created');
  if (expires !== undefined) {
    if (!isDateTimeStamp(expires)) return fail('ERR_PROOF_EXPIRES_INVALID', `proof.expires is not a valid date-time: ${show(expires, 60)}`);
    if (Date.parse(expires) < ctx.now.getTime()) return fail('ERR_PROOF_EXPIRED', `proof expired at ${expires}`);
  }
  if (created !== undefined && Date.parse(created) > ctx.now.getTime() + 5 * 60_000) {
    return fail('ERR_PROOF_CREATED_FUTURE', `proof created in the future (${created}, now ${ctx.now.toISOString()})`);
  }
  if ((view.previousProof !== undefined) !== (proof.previousProof !== undefined)) {
    return fail('ERR_PROOF_MALFORMED', 'the proof\'s previousProof is not written with its plain term, so the JSON the suite reads differs from the signed data');
  }
  if (proof.previousProof !== undefined && previousProofIds(proof) === undefined) {
    return fail('ERR_PROOF_CHAIN_INVALID', 'previousProof must be a string or a list of strings (the ids of earlier proofs)');
  }
  return undefined;
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
 * from all the document's proofs. Returns the ids not found when the chain is broken. @internal (exported for a rule test)
 */
export function matchingProofs(proof: Record<string, any>, all: unknown[]): { proofs: unknown[] } | { missing: string[] } {
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

/** @internal A suite whose verifyProof sees `proof: previous` in the document (the chain's earlier proofs are signed over). */
export function chainedSuite(suite: any, previous: unknown[]): any {
  const wrapped = Object.create(suite);
  wrapped.verifyProof = (args: Record<string, any>) => suite.verifyProof.call(wrapped, { ...args, document: { ...args.document, proof: previous } });
  return wrapped;
}

/**
 * The jsonld-signatures suite for `proof`, its module loaded on first use (src/proofs/load.ts). Rejects when that
 * module cannot be loaded (the caller fails the proof `ERR_PROOF_SUITE_UNAVAILABLE`).
 */
async function suiteFor(proof: Record<string, any>, budget: CanonizeBudget): Promise<any> {
  if (proof.cryptosuite === 'ecdsa-rdfc-2019' || proof.cryptosuite === 'ecdsa-jcs-2019') return (await loadEcdsaSuites()).createEcdsaVerifyingSuite(proof.cryptosuite, budget);
  const m = await loadEddsaSuites();
  if (proof.type === 'Ed25519Signature2020') return m.createEd2020VerifyingSuite(budget);
  return proof.cryptosuite === 'eddsa-jcs-2022' ? m.createJcsVerifyingSuite() : m.createEddsaVerifyingSuite(budget);
}

/** @internal jsonld-signatures' purpose for `term`, told the controller document already retrieved and checked. */
export function purposeFor(term: string, proof: Record<string, any>, controller: Record<string, unknown>): any {
  if (term === 'assertionMethod') return new purposes.AssertionProofPurpose({ controller });
  if (term === 'authentication' && typeof proof.challenge === 'string') {
    // the caller compares challenge/domain with what it expects; here they only have to be the proof's own
    return new purposes.AuthenticationProofPurpose({ controller, challenge: proof.challenge, ...(typeof proof.domain === 'string' ? { domain: proof.domain } : {}) });
  }
  return new purposes.ControllerProofPurpose({ term, controller });
}


/** The earlier proofs a chained proof signs over (already checked to exist), or undefined for an unchained proof. */
function m0(proof: Record<string, any>, all: unknown[]): unknown[] | undefined {
  if (proof.previousProof === undefined) return undefined;
  const m = matchingProofs(proof, all);
  return 'proofs' in m ? m.proofs : undefined;
}

/** p14b: one eddsa-rdfc-2022 proof verified by the proof layer; the result shaped as jsonld-signatures' (for the code below). */
async function verifyOwnRdfc(single: Record<string | symbol, unknown>, proof: Record<string, any>, vm: Record<string, unknown>, controller: Record<string, unknown>, previous: unknown[] | undefined, documentLoader: DocumentLoader, budget: CanonizeBudget): Promise<any> {
  const { proof: asHanded, ...rest } = single as Record<string, unknown>;
  const document: Record<string | symbol, unknown> = previous ? { ...rest, proof: previous } : rest;
  // the view's expansions ride along (PRE_EXPANDED): the claims' copied by the rest above (checkProofs sets it on `single`
  // only for an unchained proof, whose signed document holds no earlier proofs), the proof configuration's on `asHanded`
  const pub = publicKeyOf(vm);
  const canonize = (input: Record<string, unknown>) => boundedCanonize(input, { documentLoader, safe: true, base: null }, budget);
  const ok = await verifyProofSignature(document as Record<string, unknown>, asHanded as Record<string, unknown>, { kind: 'eddsa-rdfc-2022', publicKey: pub, documentLoader, canonize });
  if (!ok) return { verified: false, error: new Error('Invalid signature.') };
  return { verified: true, results: [{ verificationMethod: vm, purposeResult: { controller } }] }; // what checkProofs reads
}

/**
 * @internal Verify every proof of `doc`: each proof is checked on its own (the document with that proof alone), so a
 * proof set passes only if every proof verifies.
 */
export async function checkProofs(
  doc: Record<string, any>,
  ctx: VerifyContext,
  opts: { expectedPurpose?: string; /** The expansion of `doc` without its proof (from the view), reused by the suite. */ claimsExpanded?: unknown[] } = {},
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
  // one canonicalization of the document for all its proofs, bounded in quads (see src/verify/bounds.ts)
  const budget: CanonizeBudget = { cache: new Map(), maxQuads: ctx.maxQuads ?? resolveLimits(ctx.opts.limits).maxQuads }, views = new Map();
  for (const p of proofs) {
    if (!p || typeof p !== 'object' || Array.isArray(p)) {
      out.checks.push({ id: 'proof', status: 'failed', code: 'ERR_PROOF_MALFORMED', message: 'proof must be an object' });
      continue;
    }
    // refusals may read the JSON (what the suite would pick); acceptance needs the signed data to agree
    const early = refuseUnsupported(p as Record<string, unknown>);
    if (early) {
      out.checks.push(early);
      continue;
    }
    const pv = await proofViewOnce(views, doc['@context'], p as Record<string, unknown>, ctx.loader); // identical proofs: one view
    if ('check' in pv) {
      out.checks.push({ ...pv.check, message: `the proof's signed data cannot be read: ${pv.check.message}` });
      continue;
    }
    const pre = preflightProof(p, pv.proof, ctx, expectedPurpose);
    if (pre) {
      out.checks.push(pre);
      continue;
    }
    const proof = p as Record<string, any>;
    const target = describe(pv.proof);
    let chain: unknown[] | undefined;
    if (proof.previousProof !== undefined) {
      const m = matchingProofs(proof, proofs);
      if ('missing' in m) {
        out.checks.push({ id: 'proof', status: 'failed', code: 'ERR_PROOF_CHAIN_BROKEN', message: `previousProof names ${m.missing.map((x) => show(x, 200)).join(', ')}, which is not a proof of this document (PROOF_VERIFICATION_ERROR)`, target });
        continue;
      }
      chain = m.proofs;
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
    // the view expanded the claims and the proof configuration once: eddsa-rdfc-2022 canonicalizes those expansions
    // (not for eddsa-jcs-2022, which does not expand, nor the claims of a chained proof, whose signed document also
    // holds the earlier proofs); the suite copies the proof ({...proof}), symbol included
    const rdfc = proof.type === 'DataIntegrityProof' && proof.cryptosuite === 'eddsa-rdfc-2022';
    const proofExpansion = rdfc ? pv.expanded : undefined;
    const single: Record<string | symbol, unknown> = { ...doc, proof: proofExpansion ? { ...proof, [PRE_EXPANDED]: proofExpansion } : proof };
    const expandedClaims = rdfc && proof.previousProof === undefined ? opts.claimsExpanded : undefined;
    if (expandedClaims) single[PRE_EXPANDED] = expandedClaims;
    const own = rdfc && expectedPurpose !== 'authentication';
    let suite: any;
    if (!own) {
      // every other proof goes through jsonld-signatures with a suite from a chunk loaded on first use: without it the
      // proof is not checked, and fails
      try {
        suite = await suiteFor(proof, budget);
      } catch (err) {
        out.checks.push({ id: 'proof', status: 'failed', code: 'ERR_PROOF_SUITE_UNAVAILABLE', message: `the signature could not be checked: the ${target} suite could not be loaded (${show((err as { message?: unknown })?.message, 200)})`, target });
        continue;
      }
      if (chain) suite = chainedSuite(suite, chain);
    }
    let result: any;
    try {
      if (own) {
        // p14b: eddsa-rdfc-2022 through credstack's own proof layer (src/proofs/verify-proof.ts); the key was retrieved and
        // its relationship to the controller checked above, exactly what jsonld-signatures' purpose would check
        result = await verifyOwnRdfc(single, proof, retrieved.verificationMethod, controller, m0(proof, proofs), documentLoader, budget);
      } else result = await jsigs.verify(single, { suite, purpose: purposeFor(expectedPurpose, proof, controller), documentLoader });
    } catch (err) {
      result = { verified: false, error: err };
    }
    if (result?.verified) {
      // Bind what jsonld-signatures loaded to what the proof names: a fetched (or caller-supplied) document may carry a
      // different `id` than the URL it was loaded from — a key at https://evil/vm claiming to be did:web:victim#key-1, or a
      // controller document claiming to be did:web:victim — and jsigs compares only the ids inside those documents.
      const vm = result.results?.[0]?.verificationMethod;
      const wanted = vmUrl; // the proof's verificationMethod (a string, or the string id of a node: preflight)
      const vmController = typeof vm?.controller === 'string' ? vm.controller : vm?.controller?.id;
      const controller = result.results?.[0]?.purposeResult?.controller?.id;
      if (vm?.id !== wanted || typeof controller !== 'string' || controller !== vmController) {
        out.checks.push({
          id: 'proof',
          status: 'failed',
          code: 'ERR_PROOF_KEY_ID_MISMATCH',
          message: `the key document loaded for ${show(wanted, 200)} identifies itself as ${show(vm?.id, 200)} (controller ${show(vmController, 200)}, controller document ${show(controller, 200)}): refusing a key or controller document that claims another id`,
          target,
        });
        continue;
      }
      out.controllers.push(controller);
      out.checks.push({ id: 'proof', status: 'passed', message: `${target} by ${show(vmIdOf(proof.verificationMethod), 200)}`, target });
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

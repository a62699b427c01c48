// @ts-nocheck
import { createDocumentLoader } from '../jsonld/loader.js';
import { show, toDate } from '../util/json.js';
import { checkContext } from './checks/context.js';
import { checkIssuer } from './checks/issuer.js';
import { checkProofs, type ProofOutcome } from './checks/proof.js';
import { checkSchema } from './checks/schema.js';
import { checkStatus } from './checks/status.js';
import { checkStructure } from './checks/structure.js';
import { checkSubject } from './checks/subject.js';
import { checkType } from './checks/type.js';
import { checkValidity } from './checks/validity.js';
import { boundedLoader } from './documents.js';
import { LIMITS, type VerifyContext, type VerifyOptions } from './options.js';
import { boundCheck, boundObject, parseInput, type ParsedInput } from './parse.js';
import { makeReport, type Check, type VerificationReport } from './report.js';
import { buildView, type CredentialView } from './view.js';

/** @internal Options whose value decides trust are checked, not defaulted: a typo must not weaken a check. */
function checkOptions(opts: VerifyOptions): Check | undefined {
  const bad = (name: string, allowed: string) => ({ id: 'format', status: 'failed', code: 'ERR_INVALID_OPTION', message: `options.${name} must be ${allowed}` }) as Check;
  if (opts.status !== undefined && !['check', 'allow-unavailable', 'skip'].includes(opts.status)) return bad('status', "'check', 'allow-unavailable' or 'skip'");
  if (opts.statusIssuer !== undefined && !['any', 'same'].includes(opts.statusIssuer)) return bad('statusIssuer', "'any' or 'same'");
  if (opts.checkStatus !== undefined && typeof opts.checkStatus !== 'boolean') return bad('checkStatus', 'a boolean');
  if (opts.maxDocuments !== undefined && (!Number.isSafeInteger(opts.maxDocuments) || opts.maxDocuments < 1)) return bad('maxDocuments', 'a positive integer');
  return undefined;
}

/** @internal Build the shared context for one verification. */
export function createVerifyContext(opts: VerifyOptions, depth = 0): VerifyContext | Check {
  const now = toDate(opts.now);
  if (!now) return { id: 'format', status: 'failed', code: 'ERR_INVALID_NOW', message: 'options.now is not a valid date' };
  const invalid = checkOptions(opts);
  if (invalid) return invalid;
  const base = createDocumentLoader({ documents: opts.documents, fetch: opts.fetch, allowUnsafeUrls: opts.allowUnsafeUrls, resolve: opts.resolve });
  const { loader, fork } = boundedLoader(base, opts.maxDocuments ?? LIMITS.maxDocuments);
  return { now, loader, forkLoader: fork, opts, depth, statusLists: new Map() };
}

/** @internal Turn image bytes into JSON or a JWT (baking module). */
async function fromImage(bytes: Uint8Array | string, opts: VerifyOptions): Promise<ParsedInput> {
  try {
    const { extractCredential } = await import('../baking/extract.js');
    const r = extractCredential(bytes);
    if (r.kind !== 'ob3') {
      return { kind: 'error', check: { id: 'format', status: 'failed', code: 'ERR_NOT_OB3_IMAGE', message: `the image carries an ${r.kind === 'ob2' ? 'Open Badges 2.0 assertion' : 'CLR'} (${r.format}), not an OB 3.0 credential` } };
    }
    if (typeof r.credential === 'string') return { kind: 'jwt', value: r.credential.trim(), from: r.format };
    const b = boundObject(r.credential, r.format, opts.maxBytes ?? LIMITS.maxBytes, opts.limits);
    return b;
  } catch (err) {
    const code = (err as { code?: string })?.code ?? 'ERR_IMAGE_INVALID';
    return { kind: 'error', check: { id: 'format', status: 'failed', code, message: `cannot read the badge image: ${show((err as { message?: unknown })?.message, 300)}` } };
  }
}

/** @internal Verify an already parsed credential object (shared by credentials, list credentials and portfolios). */
export async function verifyParsed(
  cred: Record<string, any>,
  ctx: VerifyContext,
  from: 'json' | 'png' | 'svg' = 'json',
  /** Set when an external proof (VC-JWT) was already verified: the controllers of its key. */
  external?: { controllers: string[] },
): Promise<VerificationReport> {
  const checks: Check[] = [{ id: 'format', status: 'passed', message: from === 'json' ? 'JSON-LD credential' : `JSON-LD credential baked in ${from.toUpperCase()}` }];
  let context = await checkContext(cred, ctx);
  // the signed-data view: every check below reads it, never the JSON keys
  let view: CredentialView | undefined;
  let claimsExpanded: unknown[] | undefined;
  if (context.status !== 'failed') {
    const v = await buildView(cred, ctx.loader, { withProofs: ctx.expansions !== undefined });
    if ('check' in v) context = v.check;
    else {
      ({ view, expanded: claimsExpanded } = v);
      if (v.full && ctx.expansions) ctx.expansions.set(cred, v.full);
    }
  }
  checks.push(context);
  if (view) checks.push(checkType(view));
  let proofs: ProofOutcome = { checks: [], controllers: [...(external?.controllers ?? [])], unresolved: false };
  if (context.status === 'failed') {
    if (!external) checks.push({ id: 'proof', status: 'skipped', code: 'SKIP_CONTEXT', message: 'proof not checked: the @context is not usable' });
  } else if (!external || cred.proof !== undefined) {
    const embedded = await checkProofs(cred, ctx, claimsExpanded ? { claimsExpanded } : {});
    checks.push(...embedded.checks);
    proofs = { ...embedded, controllers: [...proofs.controllers, ...embedded.controllers] };
  }
  if (!view) {
    const skip = (id: string): Check => ({ id, status: 'skipped', code: 'SKIP_NO_SIGNED_DATA', message: `${id} not checked: the signed data could not be read (see the context check)` });
    if (context.status !== 'failed') checks.push(skip('type'));
    checks.push(skip('issuer'), skip('validity'), skip('status'), skip('schema'), skip('structure'), skip('subject'));
    return makeReport(checks, cred, { format: from });
  }
  // every check runs, whatever failed before: the report names every reason (a revoked credential reports
  // ERR_STATUS_REVOKED even when it is also expired or from an untrusted issuer)
  checks.push(...checkIssuer(view, proofs, ctx));
  if (ctx.opts.registries?.length) {
    // network membership (signed registries the caller relies on): each registry verified like any credential,
    // its own status followed; the issuer and date come from the signed data
    const { loadRegistries, membershipCheck } = await import('../network/check.js');
    const { registries, checks: registryChecks } = await loadRegistries(ctx.opts.registries, (doc) => verifyNested(doc, ctx, 'registry'), { scope: ctx.opts, now: ctx.now });
    checks.push(...registryChecks, membershipCheck(view.issuerId, typeof view.validFrom === 'string' ? view.validFrom : typeof view.issuanceDate === 'string' ? view.issuanceDate : undefined, registries));
  }
  checks.push(...checkValidity(view, ctx));
  checks.push(...(await checkStatus(view, ctx, (list, loader) => verifyNested(list, loader ? { ...ctx, loader } : ctx))));
  checks.push(await checkSchema(view, cred, ctx));
  checks.push(...checkStructure(view.document, ctx.opts.documents));
  checks.push(checkSubject(view));
  const report = makeReport(checks, cred, { format: from });
  report.view = view;
  return report;
}

/**
 * @internal Verify a status list credential found while verifying a credential: depth-limited, and its own
 * credentialStatus is not followed (Bitstring Status List v1.0 §3.2 asks only that "all proofs verify successfully").
 */
export async function verifyNested(doc: unknown, ctx: VerifyContext, role: 'status-list' | 'registry' = 'status-list'): Promise<VerificationReport> {
  if (ctx.depth >= 3) return makeReport([{ id: 'format', status: 'failed', code: 'ERR_NESTING', message: 'nested verification too deep' }]);
  const p = parseInput(doc, ctx.opts.maxBytes ?? LIMITS.maxBytes, ctx.opts.limits);
  // a status list's own credentialStatus is not followed; a network registry's is (a revoked registry is not trusted)
  const inner: VerifyContext = { ...ctx, expansions: undefined, depth: ctx.depth + 1, ...(role === 'status-list' ? { role } : {}), opts: { ...ctx.opts, trustedIssuers: undefined, registries: undefined } };
  if (p.kind === 'json') return verifyParsed(p.value, inner);
  if (p.kind === 'jwt') {
    const { verifyJwtCredential } = await import('../proofs/jwt-verify.js');
    return verifyJwtCredential(p.value, inner);
  }
  if (p.kind === 'error') return makeReport([p.check]);
  return makeReport([{ id: 'format', status: 'failed', code: 'ERR_INPUT_UNRECOGNISED', message: 'unexpected nested input' }]);
}

/**
 * Verify a credential **offline** and report every check. Never throws on untrusted input: garbage, tampering,
 * unknown contexts, expired or revoked credentials all come back as failed checks with stable codes.
 *
 * Accepts a credential object, its JSON text, a compact VC-JWT, or a baked badge image (PNG bytes / SVG text or bytes).
 * Checks: `format`, `context`, `type`, `proof` (one per proof; every proof must verify: eddsa-rdfc-2022,
 * eddsa-jcs-2022 and Ed25519Signature2020; `previousProof` chains; keys retrieved as Controlled Identifiers v1.0 §3.3
 * says), `issuer` (controls the key; trusted), `validity` (dates), `status` (revocation/suspension; fails closed — a
 * status list that cannot be obtained fails `ERR_STATUS_UNAVAILABLE` unless `status: 'allow-unavailable'`), `schema`
 * (OB 3.0 conformance: warning unless `strictSchema`), `structure` (VC 2.0: typed status/schema/refresh/terms/evidence
 * objects, relatedResource ids and digests) and `digest` (a relatedResource whose document is in `documents` as text),
 * `subject` (warning when the learner is not identified). Every check reads the signed-data view, and every check runs
 * whatever failed before, so the report names every reason.
 * @example
 * ```ts
 * const report = await verifyCredential(signed, { now: '2026-11-23T12:00:00Z' });
 * report.verified;                                  // true
 * report.checks.map((c) => `${c.id}:${c.status}`);  // ['format:passed', 'context:passed', 'proof:passed', …]
 *
 * // did:web issuers: hand in the DID document, or an explicit fetch
 * await verifyCredential(badge, { documents: { 'did:web:uni.example': didDoc } });
 * ```
 */
export async function verifyCredential(input: unknown, opts: VerifyOptions = {}): Promise<VerificationReport> {
  try {
    const ctx = createVerifyContext(opts ?? {});
    if ('status' in ctx) return makeReport([ctx]);
    return await verifyInput(input, ctx);
  } catch (err) {
    // last line of defence: a bug must not turn into an exception for the caller
    return makeReport([{ id: 'format', status: 'failed', code: 'ERR_INTERNAL', message: `verification could not complete: ${show((err as { message?: unknown })?.message, 300)}` }]);
  }
}

/**
 * @internal Verify one untrusted input (object, JSON text, VC-JWT, baked image) within an existing verification
 * context: what {@link verifyCredential} does after building its context. Callers verifying several credentials in
 * one call (evaluateStack) give each its own {@link innerContext} of one shared context. Never throws.
 */
export async function verifyInput(input: unknown, ctx: VerifyContext): Promise<VerificationReport> {
  try {
    const opts = ctx.opts;
    let p = parseInput(input, opts.maxBytes ?? LIMITS.maxBytes, opts.limits);
    if (p.kind === 'image') p = await fromImage(p.bytes, opts);
    if (p.kind === 'error') return makeReport([p.check]);
    if (p.kind === 'jwt') {
      const { verifyJwtCredential } = await import('../proofs/jwt-verify.js');
      const r = await verifyJwtCredential(p.value, ctx);
      if (p.from !== 'vc-jwt') r.source = { format: p.from, jwt: p.value };
      return r;
    }
    // Stryker disable next-line all: unreachable (fromImage gives jwt, json or error: boundObject never answers image); narrows the type
    if (p.kind === 'image') return makeReport([{ id: 'format', status: 'failed', code: 'ERR_INPUT_UNRECOGNISED', message: 'image inside an image' }]);
    return await verifyParsed(p.value, ctx, p.from);
  } catch (err) {
    return makeReport([{ id: 'format', status: 'failed', code: 'ERR_INTERNAL', message: `verification could not complete: ${show((err as { message?: unknown })?.message, 300)}` }]);
  }
}

/**
 * @internal Verify a credential held by a presentation or portfolio (already parsed as part of the envelope, whose bounds
 * scale with maxCredentials): the credential itself is first held to the single-credential bounds (`limits`, `maxBytes`),
 * so one credential cannot use the whole envelope's allowance. Never throws.
 */
export async function verifyHeld(cred: Record<string, any>, ctx: VerifyContext): Promise<VerificationReport> {
  const bad = boundCheck(cred, ctx.opts.maxBytes ?? LIMITS.maxBytes, ctx.opts.limits);
  if (bad) return makeReport([bad], cred);
  return verifyParsed(cred, ctx);
}

/**
 * @internal The context of one credential verified inside a larger call (a presentation's, a portfolio's or a stack's
 * credentials): the call's document cache, resolved keys and status lists are shared, but the credential gets a
 * loader with its **own** document budget (maxDocuments), so one credential cannot exhaust another's. `nested`: one
 * level deeper and without the envelope's challenge/domain (credentials inside a presentation or portfolio).
 */
export function innerContext(ctx: VerifyContext, nested: boolean): VerifyContext {
  const loader = ctx.forkLoader();
  if (!nested) return { ...ctx, loader, maxQuads: undefined };
  return { ...ctx, loader, maxQuads: undefined, depth: ctx.depth + 1, opts: { ...ctx.opts, challenge: undefined, domain: undefined } };
}

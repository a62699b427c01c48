// @ts-nocheck
import { describeLearner, matchesLearner, type LearnerRef } from '../model/learner.js';
import { asArray, idOf, show } from '../util/json.js';
import { checkContext } from '../verify/checks/context.js';
import { checkPresentationProofs, presentationView } from '../verify/checks/presentation-proof.js';
import { LIMITS, type VerifyContext } from '../verify/options.js';
import { parseInput } from '../verify/parse.js';
import { envelopeScale, portfolioLimits } from '../verify/bounds.js';
import { makeReport, type Check, type VerificationReport } from '../verify/report.js';
import { createVerifyContext, innerContext, verifyHeld, verifyParsed } from '../verify/verify.js';
import { ASSOCIATION_TYPES, achievementsOf, innerOf, portfolioKind, proofValuesOf, stableStringify } from './common.js';
import { type Portfolio, type PortfolioDuplicate, type PortfolioReport, type PortfolioVerifyOptions } from './types.js';

/** Default bound on the inner credentials of a portfolio (each is a full verification, ~10 ms). */
const MAX_PORTFOLIO_CREDENTIALS = 1000;

function failedOnly(envelope: Check, kind: PortfolioReport['kind'] = 'unknown'): PortfolioReport {
  return { verified: false, kind, envelope: makeReport([envelope]), credentials: [], summary: { total: 0, verified: 0, failed: [], duplicates: [] } };
}

/** Subject ids of each inner credential's view (index = position in the portfolio). */
function subjectIdsOf(views: Array<Record<string, unknown> | undefined>): Array<{ i: number; ids: unknown[] }> {
  return views.map((v, i) => ({ i, ids: asArray(v?.credentialSubject).map((s) => (s && typeof s === 'object' ? (s as Record<string, unknown>).id : undefined)) }));
}

/** Presentation envelope: context, type, every proof (authentication, challenge, domain), holder = signer. */
async function verifyPresentationEnvelope(vp: Portfolio, innerViews: Array<Record<string, unknown> | undefined>, ctx: VerifyContext): Promise<VerificationReport> {
  const { challenge, domain } = ctx.opts;
  const checks: Check[] = [{ id: 'format', status: 'passed', message: 'Verifiable Presentation' }];
  const context = await checkContext(vp, ctx);
  checks.push(context);
  checks.push({ id: 'type', status: 'passed', message: 'VerifiablePresentation' });
  // the signed-data view first (composed from the credentials' expansions where exact): the proofs canonicalize it,
  // and the holder is read from it
  const vpView = context.status === 'failed' ? undefined : await presentationView(vp, ctx);
  const { checks: proofChecks, controllers } = await checkPresentationProofs(vp, ctx, {
    challenge, domain, contextUsable: context.status !== 'failed',
    unsigned: { id: 'proof', status: 'failed', code: 'ERR_PROOF_MISSING', message: 'the presentation is not signed: nothing binds it to a holder' },
    ...(vpView && 'view' in vpView ? { claimsExpanded: vpView.expanded } : {}),
  });
  checks.push(...proofChecks);
  if (vpView && 'check' in vpView) checks.push(vpView.check);
  const holder = vpView && 'view' in vpView ? idOf(vpView.view.document.holder) : undefined;
  if (holder === undefined) {
    checks.push({ id: 'holder', status: 'warning', code: 'W_HOLDER_MISSING', message: 'the presentation names no holder' });
  } else if (controllers.length === 0) {
    checks.push({ id: 'holder', status: 'skipped', code: 'SKIP_NO_VERIFIED_PROOF', message: `no verified proof to compare the holder ${holder} with` });
  } else if (!controllers.includes(holder)) {
    checks.push({ id: 'holder', status: 'failed', code: 'ERR_HOLDER_MISMATCH', message: `holder ${holder} did not sign the presentation (signed by ${[...new Set(controllers)].join(', ')})` });
  } else {
    checks.push({ id: 'holder', status: 'passed', message: `signed by the holder ${holder}` });
    const others = subjectIdsOf(innerViews).filter(({ ids }) => ids.some((id) => typeof id === 'string' && id !== holder));
    if (others.length) {
      checks.push({
        id: 'holder',
        status: 'warning',
        code: 'W_SUBJECT_NOT_HOLDER',
        message: `credential(s) ${others.map((o) => o.i).join(', ')} are about another subject than the holder ${holder}`,
      });
    }
  }
  const out = makeReport(checks, vp, { format: 'json' });
  if (vpView && 'view' in vpView) out.view = vpView.view;
  return out;
}

/** CLR envelope: the usual credential checks, plus the CLR structure (inner credentials, associations, learner). */
async function verifyClrEnvelope(clr: Portfolio, inner: unknown[], innerViews: Array<Record<string, unknown> | undefined>, ctx: VerifyContext, learnerRef?: LearnerRef): Promise<VerificationReport> {
  const report = await verifyParsed(clr, ctx);
  const checks = [...report.checks];
  // the CLR and its inner credentials as their signed data say them
  const subject = asArray(report.view?.document.credentialSubject)[0] as Record<string, any> | undefined;
  const structure: Check[] = [];
  if (!subject || !asArray(subject.type).includes('ClrSubject')) {
    structure.push({ id: 'portfolio', status: 'warning', code: 'W_CLR_SUBJECT_TYPE', message: 'credentialSubject of a ClrCredential should have type ClrSubject' });
  }
  if (inner.length === 0) structure.push({ id: 'portfolio', status: 'warning', code: 'W_PORTFOLIO_EMPTY', message: 'the CLR holds no verifiableCredential' });
  const known = new Set<string>();
  for (const a of asArray(subject?.achievement)) if (idOf(a)) known.add(idOf(a)!);
  for (const v of innerViews) if (v) for (const a of achievementsOf(v as Record<string, any>)) if (idOf(a)) known.add(idOf(a)!);
  asArray(subject?.association).forEach((a, i) => {
    const as = (a ?? {}) as Record<string, any>;
    if (!(ASSOCIATION_TYPES as readonly string[]).includes(as.associationType)) {
      structure.push({ id: 'portfolio', status: 'warning', code: 'W_ASSOCIATION_TYPE', message: `association[${i}] has an unknown associationType ${JSON.stringify(as.associationType)}` });
    }
    for (const end of ['sourceId', 'targetId']) {
      if (!known.has(as[end])) structure.push({ id: 'portfolio', status: 'warning', code: 'W_ASSOCIATION_DANGLING', message: `association[${i}].${end} ${JSON.stringify(as[end])} is not an achievement of this CLR` });
    }
  });
  const learner = subject?.id;
  if (typeof learner === 'string') {
    const others = subjectIdsOf(innerViews).filter(({ ids }) => ids.some((id) => typeof id === 'string' && id !== learner));
    if (others.length) structure.push({ id: 'portfolio', status: 'warning', code: 'W_SUBJECT_MISMATCH', message: `credential(s) ${others.map((o) => o.i).join(', ')} are about another subject than the learner ${learner}` });
  }
  if (learnerRef !== undefined && !matchesLearner(subject, learnerRef)) {
    structure.push({ id: 'learner', status: 'failed', code: 'ERR_OTHER_LEARNER', message: `the CLR is not about ${describeLearner(learnerRef)}` });
  }
  if (ctx.opts.challenge !== undefined || ctx.opts.domain !== undefined) {
    structure.push({ id: 'presentation', status: 'warning', code: 'W_CHALLENGE_NOT_APPLICABLE', message: 'a CLR credential has no challenge/domain: freshness is not proven (ask for a presentation)' });
  }
  if (structure.length === 0) structure.push({ id: 'portfolio', status: 'passed', message: `CLR with ${inner.length} credential(s)` });
  checks.push(...structure);
  const out = makeReport(checks, clr, { format: 'json' });
  if (report.view) out.view = report.view;
  return out;
}

/** Same id or same proofValue more than once. Adds warnings/failures to the reports of the later copies. */
function findDuplicates(inner: unknown[], reports: VerificationReport[]): PortfolioDuplicate[] {
  const groups = new Map<string, { by: 'id' | 'proofValue'; key: string; indexes: number[] }>();
  inner.forEach((c, i) => {
    // identity from the signed data: a respelled id is still the same credential
    const id = reports[i]?.view?.id;
    const keys: Array<['id' | 'proofValue', string]> = [];
    if (id !== undefined) keys.push(['id', id]);
    for (const pv of new Set(proofValuesOf(c))) keys.push(['proofValue', pv]);
    for (const [by, key] of keys) {
      const g = groups.get(`${by}\u0000${key}`) ?? { by, key, indexes: [] };
      g.indexes.push(i);
      groups.set(`${by}\u0000${key}`, g);
    }
  });
  const out: PortfolioDuplicate[] = [];
  const seen = new Set<string>();
  for (const g of groups.values()) {
    if (g.indexes.length < 2) continue;
    const sig = g.indexes.join(',');
    if (g.by === 'proofValue' && seen.has(sig)) continue; // already reported by id
    seen.add(sig);
    const first = stableStringify(inner[g.indexes[0]!]);
    const identical = g.indexes.every((i) => stableStringify(inner[i]) === first);
    const code = identical ? 'W_DUPLICATE_CREDENTIAL' : 'ERR_DUPLICATE_CONFLICT';
    out.push({ code, by: g.by, key: g.key, indexes: g.indexes, identical });
    for (const i of g.indexes.slice(1)) {
      const r = reports[i];
      if (!r) continue;
      const w: Check = { id: 'duplicate', status: 'warning', code: 'W_DUPLICATE_CREDENTIAL', message: `same ${g.by} as credential ${g.indexes[0]}${identical ? '' : ', but different content'}` };
      r.checks.push(w);
      r.warnings.push(w);
      if (!identical) {
        r.checks.push({ id: 'duplicate', status: 'failed', code: 'ERR_DUPLICATE_CONFLICT', message: `same ${g.by} as credential ${g.indexes[0]} but different content: one of them was altered or re-issued` });
        r.verified = false;
      }
    }
  }
  return out;
}

/**
 * Verify a portfolio **offline**: the envelope (a CLR 2.0 credential signed by an institution, or a presentation
 * signed by the learner) and every inner credential on its own. Never throws on untrusted input.
 *
 * Returns a tree of reports: `envelope`, then `credentials[i]` for the i-th inner credential (the same index as
 * {@link unbundle}), and a `summary` (`total`, how many `verified`, which `failed` with their failed checks, and
 * `duplicates`). **`verified` is true only if the envelope verified and every inner credential verified** (and there
 * is at least one); a tampered inner credential fails its own report (and, as the envelope's signature covers it,
 * the envelope) while the others still verify.
 *
 * Presentations: `proofPurpose` must be `authentication`; with `options.challenge` / `options.domain` the proof must
 * carry exactly those (`ERR_CHALLENGE_MISMATCH`, `ERR_DOMAIN_MISMATCH`); without them a challenge in the proof is
 * reported as `W_CHALLENGE_NOT_CHECKED`. The holder must be the signing key's controller (`ERR_HOLDER_MISMATCH`).
 * Duplicates (same id or same proofValue) are reported as `W_DUPLICATE_CREDENTIAL`; same id with different content
 * fails the later copy (`ERR_DUPLICATE_CONFLICT`). `trustedIssuers` applies to each inner credential and to a CLR's issuer.
 * @example
 * ```ts
 * const report = await verifyPortfolio(vp, { now: '2026-11-23T10:05:00Z', challenge: 'c0ffee-42', domain: 'jobs.employer.example' });
 * report.verified;              // true
 * report.summary;               // { total: 2, verified: 2, failed: [], duplicates: [] }
 * report.credentials[1].checks; // the second credential's own checks
 * ```
 */
export async function verifyPortfolio(portfolio: unknown, options: PortfolioVerifyOptions = {}): Promise<PortfolioReport> {
  try {
    const opts = options ?? {};
    const ctx = createVerifyContext(opts);
    if ('status' in ctx) return failedOnly(ctx);
    // the envelope holds up to maxCredentials credentials: its bounds scale with that number
    const p = parseInput(portfolio, opts.maxBytes ?? LIMITS.maxBytes, portfolioLimits(opts.maxCredentials ?? MAX_PORTFOLIO_CREDENTIALS, opts.limits));
    if (p.kind === 'error') return failedOnly(p.check);
    if (p.kind !== 'json') return failedOnly({ id: 'format', status: 'failed', code: 'ERR_NOT_PORTFOLIO', message: 'a portfolio is a JSON ClrCredential or VerifiablePresentation' });
    const doc = p.value;
    const kind = portfolioKind(doc);
    if (kind === 'unknown') {
      return failedOnly({ id: 'format', status: 'failed', code: 'ERR_NOT_PORTFOLIO', message: `not a portfolio: type ${JSON.stringify(doc.type)} is neither ClrCredential nor VerifiablePresentation` });
    }
    const inner = innerOf(doc, kind);
    const maxCredentials = opts.maxCredentials ?? MAX_PORTFOLIO_CREDENTIALS;
    if (inner.length > maxCredentials) {
      return failedOnly({ id: 'format', status: 'failed', code: 'ERR_PORTFOLIO_TOO_LARGE', message: `the portfolio holds ${inner.length} credentials; the limit is ${maxCredentials} (option maxCredentials)` }, kind);
    }
    // one verification context for the call (document cache, keys, status lists verified once); the envelope's quads
    // and documents scale with the number of credentials it holds (at most maxCredentials), not with the allowance
    const expansions = new Map<object, unknown[]>();
    const shared: VerifyContext = { ...ctx, expansions };
    const scale = envelopeScale(inner.length);
    const envCtx: VerifyContext = { ...shared, loader: ctx.forkLoader((opts.maxDocuments ?? LIMITS.maxDocuments) * scale), maxQuads: portfolioLimits(inner.length, opts.limits).maxQuads };
    const credentials: VerificationReport[] = [];
    for (const c of inner) {
      if (!c || typeof c !== 'object' || Array.isArray(c)) {
        credentials.push(makeReport([{ id: 'format', status: 'failed', code: 'ERR_INPUT_NOT_OBJECT', message: `inner credential is a ${Array.isArray(c) ? 'array' : typeof c}, not a credential object` }]));
        continue;
      }
      try {
        // inner credentials: one level deeper, without the presentation's challenge/domain (trustedIssuers kept), each
        // within the single-credential bounds and with its own document budget over the shared cache
        credentials.push(await verifyHeld(c as Record<string, any>, innerContext(shared, true)));
      } catch (err) {
        credentials.push(makeReport([{ id: 'format', status: 'failed', code: 'ERR_INTERNAL', message: `verification could not complete: ${show((err as { message?: unknown })?.message, 200)}` }], c as Record<string, any>));
      }
    }
    if (opts.learner !== undefined) {
      // the caller says whose portfolio this is: any credential of another learner fails (read from its signed data)
      credentials.forEach((r) => {
        if (matchesLearner(r.view?.document.credentialSubject, opts.learner!)) return;
        r.checks.push({ id: 'learner', status: 'failed', code: 'ERR_OTHER_LEARNER', message: `not awarded to ${describeLearner(opts.learner!)}` });
        r.verified = false;
      });
    }
    const innerViews = credentials.map((r) => r.view?.document);
    const envelope = kind === 'presentation' ? await verifyPresentationEnvelope(doc, innerViews, envCtx) : await verifyClrEnvelope(doc, inner, innerViews, envCtx, opts.learner);
    const duplicates = findDuplicates(inner, credentials);
    const failed = credentials
      .map((r, index) => ({ r, index }))
      .filter(({ r }) => !r.verified)
      .map(({ r, index }) => {
        const id = r.view?.id;
        return { index, ...(id !== undefined ? { id } : {}), reasons: r.checks.filter((c) => c.status === 'failed') };
      });
    const nVerified = credentials.filter((r) => r.verified).length;
    return {
      verified: envelope.verified && credentials.length > 0 && failed.length === 0,
      kind,
      envelope,
      credentials,
      summary: { total: credentials.length, verified: nVerified, failed, duplicates },
    };
  } catch (err) {
    return failedOnly({ id: 'format', status: 'failed', code: 'ERR_INTERNAL', message: `verification could not complete: ${show((err as { message?: unknown })?.message, 200)}` });
  }
}

// @ts-nocheck
import { asArray, idOf } from '../util/json.js';
import { checkContext } from './checks/context.js';
import { checkPresentationProofs, presentationView } from './checks/presentation-proof.js';
import { envelopeScale, portfolioLimits } from './bounds.js';
import { checkStructure } from './checks/structure.js';
import { LIMITS, type VerifyContext, type VerifyOptions } from './options.js';
import { parseInput } from './parse.js';
import { makeReport, type Check, type VerificationReport } from './report.js';
import { createVerifyContext, innerContext, verifyHeld } from './verify.js';

/**
 * Options of {@link verifyPresentation}: those of {@link verifyCredential} (applied to each credential too), plus
 * what the presentation must prove.
 * @example
 * ```ts
 * const opts: PresentationVerifyOptions = { now: '2026-11-23T10:05:00Z', challenge: 'c0ffee-42', domain: 'jobs.employer.example' };
 * ```
 */
export interface PresentationVerifyOptions extends VerifyOptions {
  /**
   * Require a signed presentation (default: only when `challenge` or `domain` is given). Without a proof the
   * presentation proves nothing about its holder: it is then reported as `W_PRESENTATION_UNSIGNED`.
   */
  requireProof?: boolean;
  /** At most this many credentials are verified (default 1,000; `ERR_PRESENTATION_TOO_LARGE`). */
  maxCredentials?: number;
}

/**
 * The report of {@link verifyPresentation}: the presentation's own checks and one report per credential, in order.
 * `verified` is true iff the presentation verified and every credential in it verified.
 * @example
 * ```ts
 * const r: PresentationReport = await verifyPresentation(vp, { now });
 * r.credentials.length; // number of verifiableCredential entries
 * ```
 */
export interface PresentationReport {
  verified: boolean;
  presentation: VerificationReport;
  credentials: VerificationReport[];
}

const MAX_CREDENTIALS = 1000;

/** A VC-JWT string inside a presentation (trustedIssuers kept, unlike documents found while verifying). */
async function verifyJwtEntry(entry: string, ctx: VerifyContext): Promise<VerificationReport> {
  const p = parseInput(entry, ctx.opts.maxBytes ?? LIMITS.maxBytes);
  if (p.kind !== 'jwt') return makeReport([{ id: 'format', status: 'failed', code: 'ERR_INPUT_UNRECOGNISED', message: 'a verifiableCredential string must be a compact VC-JWT' }]);
  const { verifyJwtCredential } = await import('../proofs/jwt-verify.js');
  return verifyJwtCredential(p.value, ctx);
}

function only(check: Check): PresentationReport {
  return { verified: false, presentation: makeReport([check]), credentials: [] };
}

async function envelope(vp: Record<string, any>, ctx: VerifyContext, opts: PresentationVerifyOptions, inner: unknown[]): Promise<VerificationReport> {
  const { challenge, domain } = opts;
  const checks: Check[] = [{ id: 'format', status: 'passed', message: 'Verifiable Presentation' }];
  const context = await checkContext(vp, ctx);
  checks.push(context);
  checks.push({ id: 'type', status: 'passed', message: asArray(vp.type).filter((t) => typeof t === 'string').join(', ') });
  const proofs = asArray(vp.proof);
  const expected = challenge !== undefined || domain !== undefined;
  const unsigned: Check = opts.requireProof || expected
    ? { id: 'proof', status: 'failed', code: 'ERR_PROOF_MISSING', message: expected ? 'the presentation is not signed: nothing proves the expected challenge/domain' : 'the presentation is not signed (requireProof)' }
    : { id: 'proof', status: 'warning', code: 'W_PRESENTATION_UNSIGNED', message: 'the presentation is not signed: the credentials are checked, the holder is not proven' };
  // the signed-data view first (composed from the credentials' expansions where exact): the proofs canonicalize it,
  // and the holder is read from it (a respelled holder is the same holder)
  const vpView = proofs.length && context.status !== 'failed' ? await presentationView(vp, ctx) : undefined;
  const { checks: proofChecks, controllers } = await checkPresentationProofs(vp, ctx, {
    challenge, domain, unsigned, contextUsable: context.status !== 'failed',
    ...(vpView && 'view' in vpView ? { claimsExpanded: vpView.expanded } : {}),
  });
  checks.push(...proofChecks);
  if (vpView && 'check' in vpView) checks.push(vpView.check);
  // unsigned: the holder is not proven, whatever its spelling (only whether one is named is reported)
  const holder = vpView ? ('view' in vpView ? idOf(vpView.view.document.holder) : undefined) : idOf(vp.holder);
  if (holder === undefined) {
    if (proofs.length) checks.push({ id: 'holder', status: 'warning', code: 'W_HOLDER_MISSING', message: 'the presentation names no holder' });
  } else if (proofs.length === 0) {
    checks.push({ id: 'holder', status: 'skipped', code: 'SKIP_PRESENTATION_UNSIGNED', message: 'the presentation is not signed: the holder is not proven' });
  } else if (controllers.length === 0) {
    checks.push({ id: 'holder', status: 'skipped', code: 'SKIP_NO_VERIFIED_PROOF', message: 'no verified proof to compare the holder with' });
  } else if (!controllers.includes(holder)) {
    checks.push({ id: 'holder', status: 'failed', code: 'ERR_HOLDER_MISMATCH', message: `the holder did not sign the presentation (signed by ${[...new Set(controllers)].map((c) => c.slice(0, 200)).join(', ')})` });
  } else {
    checks.push({ id: 'holder', status: 'passed', message: `signed by the holder ${holder.slice(0, 200)}` });
  }
  checks.push(...checkStructure(vp, ctx.opts.documents));
  checks.push(
    inner.length === 0
      ? { id: 'presentation', status: 'passed', code: 'PRESENTATION_EMPTY', message: 'the presentation holds no credentials' }
      : { id: 'presentation', status: 'passed', message: `the presentation holds ${inner.length} credential(s)` },
  );
  return makeReport(checks, vp, { format: 'json' });
}

/**
 * Verify a Verifiable Presentation **offline**, as the W3C VC-API `/presentations/verify` does: the presentation's
 * context, type and proofs (`proofPurpose` `authentication`, proof sets and `previousProof` chains, eddsa-rdfc-2022,
 * eddsa-jcs-2022, Ed25519Signature2020), challenge and domain when expected, holder = signer, and then every
 * credential in `verifiableCredential` on its own (objects, or VC-JWT strings). Never throws on untrusted input.
 *
 * A presentation with **no credentials** verifies (`PRESENTATION_EMPTY`): it can prove control of a key. An
 * **unsigned** presentation verifies with the warning `W_PRESENTATION_UNSIGNED` — its credentials are checked, its
 * holder is not proven — unless a `challenge`/`domain` is expected or `requireProof` is set (`ERR_PROOF_MISSING`).
 * @example
 * ```ts
 * const r = await verifyPresentation(vp, { now: '2026-11-23T10:05:00Z', challenge: 'c0ffee-42' });
 * r.verified;                    // true
 * r.presentation.checks;         // format, context, type, presentation (challenge), proof, holder…
 * r.credentials[0].verified;     // each credential's own report
 * ```
 */
export async function verifyPresentation(presentation: unknown, options: PresentationVerifyOptions = {}): Promise<PresentationReport> {
  try {
    const opts = options ?? {};
    const ctx = createVerifyContext(opts);
    if ('status' in ctx) return only(ctx);
    // the presentation holds up to maxCredentials credentials: its bounds scale with that number
    const p = parseInput(presentation, opts.maxBytes ?? LIMITS.maxBytes, portfolioLimits(opts.maxCredentials ?? MAX_CREDENTIALS, opts.limits));
    if (p.kind === 'error') return only(p.check);
    if (p.kind !== 'json') return only({ id: 'format', status: 'failed', code: 'ERR_NOT_PRESENTATION', message: 'a presentation is a JSON object of type VerifiablePresentation' });
    const vp = p.value;
    if (!asArray(vp.type).includes('VerifiablePresentation')) {
      return only({ id: 'type', status: 'failed', code: 'ERR_NOT_PRESENTATION', message: 'type does not include "VerifiablePresentation"' });
    }
    const inner = asArray(vp.verifiableCredential);
    const max = opts.maxCredentials ?? MAX_CREDENTIALS;
    if (inner.length > max) {
      return only({ id: 'format', status: 'failed', code: 'ERR_PRESENTATION_TOO_LARGE', message: `the presentation holds ${inner.length} credentials; the limit is ${max} (option maxCredentials)` });
    }
    // one verification context for the call (document cache, keys, status lists verified once); the envelope's quads
    // and documents scale with the number of credentials it holds (at most maxCredentials), not with the allowance
    const expansions = new Map<object, unknown[]>();
    const shared: VerifyContext = { ...ctx, expansions };
    const scale = envelopeScale(inner.length);
    const envCtx: VerifyContext = { ...shared, loader: ctx.forkLoader((opts.maxDocuments ?? LIMITS.maxDocuments) * scale), maxQuads: portfolioLimits(inner.length, opts.limits).maxQuads };
    // credentials first (their expansions compose the envelope's): one level deeper, without the presentation's
    // challenge/domain, each within the single-credential bounds and with its own document budget over the shared cache
    const credentials: VerificationReport[] = [];
    for (const c of inner) {
      const innerCtx = innerContext(shared, true);
      try {
        if (typeof c === 'string') credentials.push(await verifyJwtEntry(c, innerCtx));
        else if (c && typeof c === 'object' && !Array.isArray(c)) credentials.push(await verifyHeld(c as Record<string, any>, innerCtx));
        else credentials.push(makeReport([{ id: 'format', status: 'failed', code: 'ERR_INPUT_NOT_OBJECT', message: `a verifiableCredential entry is a ${Array.isArray(c) ? 'array' : typeof c}, not a credential` }]));
      } catch (err) {
        const m = (err as Error)?.message;
        credentials.push(makeReport([{ id: 'format', status: 'failed', code: 'ERR_INTERNAL', message: `verification could not complete: ${typeof m === 'string' ? m : 'error'}` }]));
      }
    }
    const report = await envelope(vp, envCtx, opts, inner);
    return { verified: report.verified && credentials.every((r) => r.verified), presentation: report, credentials };
  } catch (err) {
    const m = (err as Error)?.message;
    return only({ id: 'format', status: 'failed', code: 'ERR_INTERNAL', message: `verification could not complete: ${typeof m === 'string' ? m : 'error'}` });
  }
}

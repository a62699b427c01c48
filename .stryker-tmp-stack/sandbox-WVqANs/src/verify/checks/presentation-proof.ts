// @ts-nocheck
import { asArray } from '../../util/json.js';
import { composePresentationExpansion } from '../compose.js';
import type { VerifyContext } from '../options.js';
import type { Check } from '../report.js';
import { buildView, type ViewResult } from '../view.js';
import { checkProofs } from './proof.js';

/**
 * @internal The signed-data view of a presentation (or any envelope without a credential's own checks), built first:
 * its claims' expansion is composed from the already verified credentials' expansions where that is exact
 * (`ctx.expansions`, see compose.ts), else expanded once; the proofs then canonicalize that same expansion.
 */
export async function presentationView(vp: Record<string, any>, ctx: VerifyContext): Promise<ViewResult> {
  const known = ctx.expansions;
  let composed: unknown[] | undefined;
  if (known) {
    try {
      composed = await composePresentationExpansion(vp, (e) => (e && typeof e === 'object' ? known.get(e) : undefined), ctx.loader);
    } catch {
      composed = undefined; // expanded (and its failure classified) below
    }
  }
  return buildView(vp, ctx.loader, composed ? { expanded: composed } : {});
}

/**
 * @internal The proof part of a Verifiable Presentation's envelope, shared by `verifyPresentation` and
 * `verifyPortfolio`: each proof's challenge / domain against the expected ones (explicit comparison, clear codes; the
 * suites' purpose then checks only signature and key), then every proof of the set (and chain) at once with purpose
 * `authentication`, so `previousProof` can name its siblings and the proof-count bound applies.
 * `unsigned` is the check the caller reports for a presentation without proof (its policy differs per caller);
 * `contextUsable: false` skips the proofs. Returns the checks and the controllers of the verified proofs.
 */
export async function checkPresentationProofs(
  vp: Record<string, any>,
  ctx: VerifyContext,
  opts: { challenge?: string; domain?: string; unsigned: Check; contextUsable: boolean; /** The presentation's claims' expansion (its view's). */ claimsExpanded?: unknown[] },
): Promise<{ checks: Check[]; controllers: string[] }> {
  const { challenge, domain } = opts;
  const proofs = asArray(vp.proof);
  if (proofs.length === 0) return { checks: [opts.unsigned], controllers: [] };
  if (!opts.contextUsable) return { checks: [{ id: 'proof', status: 'skipped', code: 'SKIP_CONTEXT', message: 'proof not checked: the @context is not usable' }], controllers: [] };
  const checks: Check[] = [];
  for (const p of proofs) {
    const proof = (p && typeof p === 'object' ? p : {}) as Record<string, any>;
    if (challenge !== undefined) {
      if (proof.challenge !== challenge) {
        checks.push({ id: 'presentation', status: 'failed', code: 'ERR_CHALLENGE_MISMATCH', message: proof.challenge === undefined ? 'the proof has no challenge' : 'the proof carries another challenge than the expected one (replayed or meant for another request)' });
      } else checks.push({ id: 'presentation', status: 'passed', code: 'CHALLENGE_OK', message: 'challenge matches' });
    } else if (proof.challenge !== undefined) {
      checks.push({ id: 'presentation', status: 'warning', code: 'W_CHALLENGE_NOT_CHECKED', message: 'the proof has a challenge but none was expected (options.challenge): replay is not detected' });
    }
    if (domain !== undefined) {
      if (!asArray(proof.domain).includes(domain)) {
        checks.push({ id: 'presentation', status: 'failed', code: 'ERR_DOMAIN_MISMATCH', message: proof.domain === undefined ? 'the proof has no domain' : 'the proof names another domain than the expected one' });
      } else checks.push({ id: 'presentation', status: 'passed', code: 'DOMAIN_OK', message: 'domain matches' });
    }
  }
  const out = await checkProofs(vp, ctx, { expectedPurpose: 'authentication', ...(opts.claimsExpanded ? { claimsExpanded: opts.claimsExpanded } : {}) });
  checks.push(...out.checks);
  return { checks, controllers: [...out.controllers] };
}

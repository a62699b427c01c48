// @ts-nocheck
import type { Check } from '../report.js';
import type { VerifyContext } from '../options.js';
import type { ProofOutcome } from './proof.js';
import type { CredentialView } from '../view.js';

/**
 * @internal The issuer (from the signed data) controls the signing key (1EdTech key provenance), and is trusted when a
 * trust list is given. Both run: an untrusted issuer does not hide that it also does not control the key.
 */
export function checkIssuer(view: CredentialView, proofs: ProofOutcome, ctx: VerifyContext): Check[] {
  const issuer = view.issuerId;
  if (!issuer) return [{ id: 'issuer', status: 'failed', code: 'ERR_ISSUER_MISSING', message: 'issuer (or issuer.id) is missing' }];
  if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(issuer)) return [{ id: 'issuer', status: 'failed', code: 'ERR_ISSUER_INVALID', message: `issuer id is not a URI: ${issuer.slice(0, 80)}` }];
  const out: Check[] = [];
  const trusted = ctx.opts.trustedIssuers;
  if (trusted && !trusted.includes(issuer)) {
    out.push({ id: 'issuer', status: 'failed', code: 'ERR_ISSUER_UNTRUSTED', message: `issuer ${issuer} is not in trustedIssuers` });
  }
  const foreign = proofs.controllers.filter((c) => c !== issuer);
  if (proofs.controllers.length === 0) {
    out.push({ id: 'issuer', status: 'skipped', code: 'SKIP_NO_VERIFIED_PROOF', message: `no verified proof to compare the issuer ${issuer} with` });
  } else if (foreign.length === proofs.controllers.length) {
    out.push({ id: 'issuer', status: 'failed', code: 'ERR_ISSUER_KEY_MISMATCH', message: `issuer ${issuer} does not control the signing key (controller ${foreign[0]})` });
  } else if (foreign.length) {
    out.push({ id: 'issuer', status: 'warning', code: 'W_EXTRA_SIGNER', message: `also signed by ${[...new Set(foreign)].join(', ')}, which is not the issuer` });
  }
  if (out.length === 0) out.push({ id: 'issuer', status: 'passed', message: `${issuer} controls the signing key${trusted ? ' and is trusted' : ''}` });
  return out;
}

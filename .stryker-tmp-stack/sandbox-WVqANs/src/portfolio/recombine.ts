// @ts-nocheck
import { PortfolioError } from '../errors.js';
import { asArray, idOf } from '../util/json.js';
import { achievementsOf, portfolioKind } from './common.js';
import { bundleClr } from './bundle-clr.js';
import { bundlePresentation } from './bundle-presentation.js';
import { selectCredentials } from './select.js';
import { unbundle } from './unbundle.js';
import type {
  AssociationInput,
  ClrBundleOptions,
  CredentialFilter,
  Portfolio,
  PortfolioCredential,
  PresentationBundleOptions,
  RecombineOptions,
} from './types.js';

/**
 * Selective sharing: choose a subset of a portfolio's credentials (or of a list of credentials) and bundle it again,
 * as a CLR 2.0 credential (`options.key`) or a learner-signed presentation (`options.holderKey`). The chosen
 * credentials are embedded unchanged, so the issuers' signatures stay valid; only the envelope is new.
 *
 * From a CLR to a CLR without `options.associations`, the original associations whose two achievements are still in
 * the new CLR are carried over (and the original `achievement[]` entries they refer to).
 *
 * Throws {@link PortfolioError} `ERR_EMPTY_SELECTION` when nothing matches, `ERR_NOT_PORTFOLIO` for bad input, and
 * whatever {@link bundleClr} / {@link bundlePresentation} throw.
 * @example
 * ```ts
 * const forEmployer = await recombine(myPortfolio, { issuers: ['did:web:uni-a.example'], skills: ['python'] }, {
 *   holderKey: learnerKey, challenge: 'employer-nonce-17', domain: 'jobs.employer.example',
 * });
 * ```
 */
export async function recombine(
  source: Portfolio | PortfolioCredential[],
  select: CredentialFilter | ((credential: PortfolioCredential, index: number) => boolean),
  options: RecombineOptions,
): Promise<Portfolio> {
  if (!options || typeof options !== 'object') throw new PortfolioError('ERR_INVALID_INPUT', 'bundle options are required');
  const all = Array.isArray(source) ? source : unbundle(source);
  const chosen = selectCredentials(all, select);
  if (chosen.length === 0) throw new PortfolioError('ERR_EMPTY_SELECTION', `no credential matches the selection (out of ${all.length})`);
  const explicit = (options as { format?: string }).format;
  const format = explicit ?? ('holderKey' in options || 'holderSigner' in options ? 'presentation' : 'key' in options || 'signer' in options ? 'clr' : undefined);
  if (format === 'presentation') {
    const { format: _f, ...opts } = options as PresentationBundleOptions & { format?: string };
    return bundlePresentation(chosen, opts);
  }
  if (format !== 'clr') throw new PortfolioError('ERR_INVALID_INPUT', "options need format 'clr' (with key) or 'presentation' (with holderKey)");
  const { format: _f, ...opts } = options as ClrBundleOptions & { format?: string };
  if (!Array.isArray(source) && portfolioKind(source) === 'clr' && opts.associations === undefined) {
    const subject = asArray(source.credentialSubject)[0] as Record<string, any> | undefined;
    const kept = new Set(chosen.flatMap(achievementsOf).map((a) => idOf(a)).filter((x): x is string => !!x));
    const origAchievements = asArray(subject?.achievement).filter((a): a is Record<string, any> => !!a && typeof a === 'object');
    // achievements of the old CLR stay known (a programme the kept modules are part of)
    const known = new Set([...kept, ...origAchievements.map((a) => idOf(a)).filter((x): x is string => !!x)]);
    const associations = asArray(subject?.association).filter(
      (a): a is AssociationInput => !!a && typeof a === 'object' && known.has((a as any).sourceId) && known.has((a as any).targetId) && (kept.has((a as any).sourceId) || kept.has((a as any).targetId)),
    );
    if (associations.length) {
      opts.associations = associations.map((a) => ({ associationType: a.associationType, sourceId: a.sourceId, targetId: a.targetId }));
      if (opts.achievements === undefined) {
        const needed = new Set(associations.flatMap((a) => [a.sourceId, a.targetId]));
        const carried = origAchievements.filter((a) => needed.has(idOf(a) ?? ''));
        if (carried.length) opts.achievements = carried;
      }
    }
    if (opts.partial === undefined && chosen.length < all.length) opts.partial = true;
  }
  return bundleClr(chosen, opts);
}

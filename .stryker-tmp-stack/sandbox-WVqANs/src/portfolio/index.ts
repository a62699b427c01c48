/**
 * Portfolios: bundle credentials from several issuers as a CLR 2.0 `ClrCredential` (signed by an institution) or a
 * Verifiable Presentation (signed by the learner, with challenge and domain), take them apart unchanged, share a
 * subset, and verify everything offline.
 * @example
 * ```ts
 * import { bundlePresentation, recombine, unbundle, verifyPortfolio } from 'credstack';
 * const vp = await recombine([badgeA, badgeB, badgeC], { issuers: [uniA] }, { holderKey, challenge, domain });
 * const report = await verifyPortfolio(vp, { challenge, domain });
 * const originals = unbundle(vp);
 * ```
 * @module
 */
// @ts-nocheck

export { bundleClr } from './bundle-clr.js';
export { bundlePresentation } from './bundle-presentation.js';
export { unbundle } from './unbundle.js';
export { selectCredentials } from './select.js';
export { recombine } from './recombine.js';
export { verifyPortfolio } from './verify-portfolio.js';
export {
  type AssociationInput,
  type ClrBundleOptions,
  type CommonBundleOptions,
  type CredentialFilter,
  type Portfolio,
  type PortfolioCredential,
  type PortfolioDuplicate,
  type PortfolioFailure,
  type PortfolioReport,
  type PortfolioVerifyOptions,
  type PresentationBundleOptions,
  type RecombineOptions,
} from './types.js';

// @ts-nocheck
import { PortfolioError } from '../errors.js';
import { innerOf, portfolioKind } from './common.js';
import type { Portfolio, PortfolioCredential } from './types.js';

/**
 * Take a portfolio apart: the inner credentials of a CLR 2.0 `ClrCredential` (`credentialSubject.verifiableCredential`)
 * or of a Verifiable Presentation (`verifiableCredential`), in order, each a deep copy identical to what was bundled
 * (same keys, same key order: `JSON.stringify` gives the same text), so each still verifies on its own.
 * Accepts the portfolio object or its JSON text. Nothing is verified here: use {@link verifyPortfolio}.
 *
 * Throws {@link PortfolioError} `ERR_NOT_PORTFOLIO` when the input is neither a ClrCredential nor a presentation.
 * @example
 * ```ts
 * const [badgeA, badgeB] = unbundle(vp);
 * (await verifyCredential(badgeA, { now })).verified; // true
 * ```
 */
export function unbundle(portfolio: Portfolio | string): PortfolioCredential[] {
  let doc: unknown = portfolio;
  if (typeof doc === 'string') {
    try {
      doc = JSON.parse(doc);
    } catch (cause) {
      throw new PortfolioError('ERR_NOT_PORTFOLIO', 'portfolio text is not valid JSON', { cause });
    }
  }
  const kind = portfolioKind(doc);
  if (kind === 'unknown') {
    throw new PortfolioError('ERR_NOT_PORTFOLIO', 'not a portfolio: expected a ClrCredential or a VerifiablePresentation', {
      details: { type: doc && typeof doc === 'object' ? (doc as Record<string, unknown>).type : typeof doc },
    });
  }
  return innerOf(doc as Portfolio, kind).map((c) => structuredClone(c) as PortfolioCredential);
}

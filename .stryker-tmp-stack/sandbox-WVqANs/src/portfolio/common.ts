/** @internal Helpers shared by the portfolio verbs. */
// @ts-nocheck

import { CredstackError, IssueError, PortfolioError } from '../errors.js';
import { CLR_V2_CONTEXT, OB_V3_CONTEXT, VC_V2_CONTEXT } from '../jsonld/contexts.js';
import clrContext from '../jsonld/contexts/clr-v2p0-2.0.1.json' with { type: 'json' };
import { asArray, idOf } from '../util/json.js';
import type { Portfolio, PortfolioCredential } from './types.js';

/** @internal CLR 2.0 association types (same list as the model's `CLR_ASSOCIATION_TYPES`; kept here, not exported). */
export const ASSOCIATION_TYPES = ['exactMatchOf', 'isChildOf', 'isParentOf', 'isPartOf', 'isPeerOf', 'isRelatedTo', 'precedes', 'replacedBy'] as const;

/** @internal What a document is, as a portfolio. */
export function portfolioKind(doc: unknown): 'clr' | 'presentation' | 'unknown' {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return 'unknown';
  const types = asArray((doc as Record<string, unknown>).type);
  if (types.includes('VerifiablePresentation')) return 'presentation';
  if (types.includes('ClrCredential')) return 'clr';
  return 'unknown';
}

/** @internal The inner credentials of a portfolio, as they are (no copy). */
export function innerOf(doc: Portfolio, kind: 'clr' | 'presentation'): unknown[] {
  if (kind === 'presentation') return asArray(doc.verifiableCredential);
  const out: unknown[] = [];
  for (const s of asArray(doc.credentialSubject)) {
    if (s && typeof s === 'object') out.push(...asArray((s as Record<string, unknown>).verifiableCredential));
  }
  return out;
}

/** @internal Every subject's achievement(s) of a credential. */
export function achievementsOf(cred: PortfolioCredential): Record<string, any>[] {
  const out: Record<string, any>[] = [];
  for (const s of asArray(cred?.credentialSubject)) {
    if (!s || typeof s !== 'object') continue;
    for (const a of asArray((s as Record<string, any>).achievement)) if (a && typeof a === 'object') out.push(a as Record<string, any>);
  }
  return out;
}

/** @internal proofValue strings of a credential's proofs. */
export function proofValuesOf(cred: unknown): string[] {
  if (!cred || typeof cred !== 'object') return [];
  return asArray((cred as Record<string, any>).proof)
    .map((p) => (p && typeof p === 'object' ? (p as Record<string, unknown>).proofValue : undefined))
    .filter((v): v is string => typeof v === 'string');
}

/** @internal JSON with sorted keys: equality of content regardless of key order. */
export function stableStringify(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** @internal Validate the credentials handed to a bundle verb; returns deep copies (key order kept). */
export function checkInputCredentials(credentials: unknown, allowDuplicates = false): PortfolioCredential[] {
  if (!Array.isArray(credentials)) throw new PortfolioError('ERR_INVALID_INPUT', 'credentials must be an array of signed credentials');
  if (credentials.length === 0) throw new PortfolioError('ERR_PORTFOLIO_EMPTY', 'a portfolio needs at least one credential');
  const ids = new Map<string, number>();
  const pvs = new Map<string, number>();
  return credentials.map((c, i) => {
    if (typeof c === 'string') {
      throw new PortfolioError('ERR_INVALID_CREDENTIAL', `credentials[${i}] is a string (VC-JWT?): only JSON-LD credentials with embedded proofs can be bundled`, { details: { index: i } });
    }
    if (!c || typeof c !== 'object' || Array.isArray(c)) {
      throw new PortfolioError('ERR_INVALID_CREDENTIAL', `credentials[${i}] is not a credential object`, { details: { index: i } });
    }
    const cred = c as Record<string, any>;
    if (!asArray(cred.type).includes('VerifiableCredential')) {
      throw new PortfolioError('ERR_INVALID_CREDENTIAL', `credentials[${i}] is not a VerifiableCredential (type ${JSON.stringify(cred.type)})`, { details: { index: i } });
    }
    if (cred.proof === undefined) {
      throw new PortfolioError('ERR_UNSIGNED_CREDENTIAL', `credentials[${i}] has no proof: sign it first (issueCredential)`, { details: { index: i } });
    }
    if (!allowDuplicates) {
      const id = idOf(cred);
      if (id !== undefined) {
        const j = ids.get(id);
        if (j !== undefined) throw new PortfolioError('ERR_DUPLICATE_CREDENTIAL', `credentials[${i}] and credentials[${j}] have the same id ${id}`, { details: { indexes: [j, i], id } });
        ids.set(id, i);
      }
      for (const pv of proofValuesOf(cred)) {
        const j = pvs.get(pv);
        if (j !== undefined && j !== i) throw new PortfolioError('ERR_DUPLICATE_CREDENTIAL', `credentials[${i}] and credentials[${j}] carry the same proof`, { details: { indexes: [j, i] } });
        pvs.set(pv, i);
      }
    }
    try {
      return structuredClone(cred);
    } catch (cause) {
      throw new PortfolioError('ERR_INVALID_CREDENTIAL', `credentials[${i}] is not plain JSON data`, { cause, details: { index: i } });
    }
  });
}

/** @internal Map issuing/signing errors to PortfolioErrors with the same code. */
export function toPortfolioError(err: unknown): unknown {
  if (err instanceof IssueError) return new PortfolioError(err.code, err.message, { cause: err, ...(err.details ? { details: err.details } : {}) });
  if (err instanceof CredstackError) return err;
  return new PortfolioError('ERR_BUNDLE_FAILED', `could not sign the portfolio: ${(err as Error)?.message ?? String(err)}`, { cause: err });
}

/**
 * @internal An inline context that makes `ClrSubject.verifiableCredential` reset the active context (`"@context": null`,
 * as VC 2.0 does for `VerifiablePresentation.verifiableCredential`). Without it, a VC 1.1 credential embedded in a
 * VC 2.0 ClrCredential fails JSON-LD processing with "tried to redefine a protected term": the VC 1.1 context
 * redefines terms the (protected) VC 2.0 and OB 3.0 contexts define. Same IRIs as the CLR 2.0.1 context otherwise.
 */
export const CLR_EMBED_CONTEXT: Record<string, unknown> = (() => {
  const subj = structuredClone((clrContext as any)['@context'].ClrSubject);
  subj['@context'].verifiableCredential['@context'] = null;
  return { ClrSubject: subj };
})();

/** @internal The ClrCredential's @context: the standard one, plus {@link CLR_EMBED_CONTEXT} when an inner credential is not VC 2.0. */
export function clrContextFor(credentials: PortfolioCredential[]): unknown[] {
  const base: unknown[] = [VC_V2_CONTEXT, CLR_V2_CONTEXT, OB_V3_CONTEXT];
  const allV2 = credentials.every((c) => asArray(c['@context'])[0] === VC_V2_CONTEXT);
  return allV2 ? base : [...base, CLR_EMBED_CONTEXT];
}

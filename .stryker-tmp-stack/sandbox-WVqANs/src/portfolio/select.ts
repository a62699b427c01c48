// @ts-nocheck
import { PortfolioError } from '../errors.js';
import { asArray, idOf, toDate } from '../util/json.js';
import { achievementsOf } from './common.js';
import type { CredentialFilter, PortfolioCredential } from './types.js';

function issuedAt(c: PortfolioCredential): number | undefined {
  const v = c.awardedDate ?? c.validFrom ?? c.issuanceDate;
  const t = typeof v === 'string' ? Date.parse(v) : NaN;
  return Number.isNaN(t) ? undefined : t;
}

function skillKeys(c: PortfolioCredential): string[] {
  const out: string[] = [];
  for (const a of achievementsOf(c)) {
    for (const al of asArray(a.alignment)) {
      if (!al || typeof al !== 'object') continue;
      for (const k of ['targetUrl', 'targetCode', 'targetName']) {
        const v = (al as Record<string, unknown>)[k];
        if (typeof v === 'string') out.push(v.toLowerCase());
      }
    }
    for (const t of asArray(a.tag)) if (typeof t === 'string') out.push(t.toLowerCase());
  }
  return out;
}

function bound(v: Date | string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  const d = toDate(v);
  if (!d) throw new PortfolioError('ERR_INVALID_INPUT', `filter.${name} is not a valid date`);
  return d.getTime();
}

/**
 * Choose credentials: every criterion of the filter must match (issuer, achievement id, credential id, type, skill
 * or tag, issue date range, predicate); within one criterion any listed value matches. Returns the chosen
 * credentials themselves (not copies), in their original order. A function is used as the predicate.
 * @example
 * ```ts
 * const forEmployer = selectCredentials(unbundle(portfolio), { issuers: [uniA], skills: ['data analysis'], from: '2026-01-01T00:00:00Z' });
 * ```
 */
export function selectCredentials(
  credentials: PortfolioCredential[],
  filter: CredentialFilter | ((credential: PortfolioCredential, index: number) => boolean),
): PortfolioCredential[] {
  if (!Array.isArray(credentials)) throw new PortfolioError('ERR_INVALID_INPUT', 'credentials must be an array');
  const f: CredentialFilter = typeof filter === 'function' ? { predicate: filter } : (filter ?? {});
  if (typeof f !== 'object') throw new PortfolioError('ERR_INVALID_INPUT', 'filter must be an object or a function');
  const from = bound(f.from, 'from');
  const until = bound(f.until, 'until');
  const skills = f.skills?.map((s) => s.toLowerCase());
  return credentials.filter((c, i) => {
    if (!c || typeof c !== 'object') return false;
    if (f.ids && !f.ids.includes(idOf(c) ?? '')) return false;
    if (f.issuers && !f.issuers.includes(idOf(c.issuer) ?? '')) return false;
    if (f.types && !asArray(c.type).some((t) => f.types!.includes(t as string))) return false;
    if (f.achievementIds && !achievementsOf(c).some((a) => f.achievementIds!.includes(idOf(a) ?? ''))) return false;
    if (skills && !skillKeys(c).some((k) => skills.includes(k))) return false;
    if (from !== undefined || until !== undefined) {
      const t = issuedAt(c);
      if (t === undefined) return false;
      if (from !== undefined && t < from) return false;
      if (until !== undefined && t > until) return false;
    }
    if (f.predicate && !f.predicate(c, i)) return false;
    return true;
  });
}

// @ts-nocheck
import type { Check } from '../verify/report.js';
import { canonicalComponentBytes, digestMultibaseOf, parseDigestMultibase } from './digest.js';

/**
 * Result of {@link verifyStackedComponents}. `verified` is true iff every component the stacked credential names was
 * supplied and matches its digest. One `digest` check per named component; a supplied component the stacked credential
 * does not name gives a warning.
 * @example
 * ```ts
 * const r: ComponentsReport = await verifyStackedComponents(stacked, components);
 * r.checks.filter((c) => c.status === 'failed').map((c) => c.code); // ['ERR_COMPONENT_DIGEST_MISMATCH']
 * ```
 */
export interface ComponentsReport {
  verified: boolean;
  checks: Check[];
  /** Ids named in relatedResource whose component was not supplied. */
  notSupplied: string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function idOfComponent(c: unknown): string | undefined {
  if (isObj(c)) return typeof c.id === 'string' ? c.id : undefined;
  if (typeof c === 'string') {
    const payload = c.split('.')[1];
    if (!payload) return undefined;
    try {
      const p = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Obj;
      if (typeof p.jti === 'string') return p.jti;
      const vc = isObj(p.vc) ? p.vc : p;
      return typeof vc.id === 'string' ? vc.id : undefined;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * Check the components of a stacked credential against the digests it names (`relatedResource[].digestMultibase`):
 * each supplied component is matched by id and its digest recomputed (RDFC-1.0 N-Quads for JSON-LD, compact JWS for a
 * VC-JWT). A swapped or altered component fails with `ERR_COMPONENT_DIGEST_MISMATCH`; one that cannot be canonicalised
 * fails with `ERR_COMPONENT_CANONICALIZE`; an unsupported digest fails with `ERR_DIGEST_UNSUPPORTED`; a named component
 * not supplied is `skipped` (`SKIP_COMPONENT_NOT_SUPPLIED`). Checks digests only: verify the stacked credential itself
 * (and each component) with verifyCredential. Never throws.
 * @example
 * ```ts
 * const report = await verifyStackedComponents(stacked, [aiCredential, dataCredential]);
 * report.verified; // true
 * ```
 */
export async function verifyStackedComponents(stacked: unknown, components: unknown[], opts: { documents?: Record<string, unknown> } = {}): Promise<ComponentsReport> {
  const checks: Check[] = [];
  const named = isObj(stacked) ? (Array.isArray(stacked.relatedResource) ? stacked.relatedResource : stacked.relatedResource !== undefined ? [stacked.relatedResource] : []) : [];
  if (named.length === 0) {
    return { verified: false, notSupplied: [], checks: [{ id: 'digest', status: 'failed', code: 'ERR_NO_COMPONENTS_NAMED', message: 'the credential names no components (no relatedResource with a digest)' }] };
  }
  const supplied = (Array.isArray(components) ? components : []).map((c) => ({ c, id: idOfComponent(c) }));
  const notSupplied: string[] = [];
  const namedIds = new Set<string>();
  for (const r of named) {
    const id = isObj(r) && typeof r.id === 'string' ? r.id : undefined;
    if (!id) {
      checks.push({ id: 'digest', status: 'failed', code: 'ERR_RELATED_RESOURCE_INVALID', message: 'a relatedResource entry has no id' });
      continue;
    }
    namedIds.add(id);
    const parsed = parseDigestMultibase((r as Obj).digestMultibase);
    if (!parsed) {
      checks.push({ id: 'digest', status: 'failed', code: 'ERR_DIGEST_UNSUPPORTED', message: `${id}: digestMultibase missing or not a multibase sha2-256/384/512 multihash` });
      continue;
    }
    const candidates = supplied.filter((s) => s.id === id);
    if (candidates.length === 0) {
      notSupplied.push(id);
      checks.push({ id: 'digest', status: 'skipped', code: 'SKIP_COMPONENT_NOT_SUPPLIED', message: `${id}: component not supplied, digest not checked` });
      continue;
    }
    const expected = (r as Obj).digestMultibase as string;
    let matched = false;
    let problem: Check | undefined;
    for (const cand of candidates) {
      try {
        const bytes = await canonicalComponentBytes(cand.c, opts.documents ? { documents: opts.documents } : {});
        const got = digestMultibaseOf(bytes, parsed.algorithm);
        const same = parseDigestMultibase(got)!.digest.every((b, i) => b === parsed.digest[i]);
        if (same) {
          matched = true;
          break;
        }
        problem = { id: 'digest', status: 'failed', code: 'ERR_COMPONENT_DIGEST_MISMATCH', message: `${id}: the supplied component differs from the one the stacked credential names (${parsed.algorithm} digest ${got} ≠ ${expected})` };
      } catch (err) {
        problem = { id: 'digest', status: 'failed', code: 'ERR_COMPONENT_CANONICALIZE', message: `${id}: ${(err as Error)?.message ?? String(err)}` };
      }
    }
    checks.push(matched ? { id: 'digest', status: 'passed', message: `${id}: ${parsed.algorithm} digest matches` } : problem!);
  }
  for (const s of supplied) {
    if (!s.id || !namedIds.has(s.id)) checks.push({ id: 'digest', status: 'warning', code: 'WARN_COMPONENT_NOT_NAMED', message: `${s.id ?? 'a component without id'} is not named by the stacked credential` });
  }
  const verified = notSupplied.length === 0 && !checks.some((c) => c.status === 'failed');
  return { verified, checks, notSupplied };
}

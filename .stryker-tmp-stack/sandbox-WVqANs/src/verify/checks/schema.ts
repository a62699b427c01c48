// @ts-nocheck
import { credentialWith, type Validators } from '../../schema/engine.js';
import { loadValidators } from '../../schema/load.js';
import { cloneJson, show } from '../../util/json.js';
import type { Check } from '../report.js';
import type { VerifyContext } from '../options.js';
import type { CredentialView } from '../view.js';

/**
 * The view compacts a one-element array to its value (JSON-LD compaction without `@set`); the schemas describe the
 * JSON spelling, where OB 3.0 requires arrays (e.g. `evidence`). Where the document wrote an array and the view holds
 * one value at the same key, wrap the view's value: the values stay the signed ones, only the array shape is the document's.
 * Returns a copy of `view` (the view itself is not touched), made in the same walk; below what can be paired with the
 * document (or 64 levels down) the rest is copied as it is. @internal (exported for a rule test)
 */
export function copyAsGiven(view: unknown, doc: unknown, depth: number): unknown {
  if (!view || typeof view !== 'object') return view;
  if (depth > 64 || !doc || typeof doc !== 'object') return cloneJson(view);
  if (Array.isArray(view)) {
    if (!Array.isArray(doc) || doc.length !== view.length || Object.getPrototypeOf(view) !== Array.prototype) return cloneJson(view);
    const out = new Array<unknown>(view.length);
    for (let i = 0; i < view.length; i++) out[i] = copyAsGiven(view[i], doc[i], depth + 1);
    return out;
  }
  const proto = Object.getPrototypeOf(view);
  if (Array.isArray(doc) || (proto !== Object.prototype && proto !== null)) return cloneJson(view);
  const v = view as Record<string, unknown>;
  const d = doc as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    if (k === '__proto__') return cloneJson(view);
    if (!Object.prototype.hasOwnProperty.call(d, k)) {
      out[k] = cloneJson(v[k]);
      continue;
    }
    const dv = d[k];
    const x = v[k];
    out[k] = copyAsGiven(Array.isArray(dv) && dv.length === 1 && x !== undefined && !Array.isArray(x) ? [x] : x, dv, depth + 1);
  }
  return out;
}

/**
 * The schema check could not run: "could not check" (skipped) — or, under `strictSchema`, a failure: a caller that
 * requires schema conformance never gets a verified report without it.
 */
function unchecked(ctx: VerifyContext, code: string, message: string): Check {
  return ctx.opts.strictSchema
    ? { id: 'schema', status: 'failed', code: 'ERR_SCHEMA_UNCHECKED', message: `${message} (strictSchema requires the check)` }
    : { id: 'schema', status: 'skipped', code, message };
}

/**
 * @internal Our JSON Schemas (OB 3.0 / CLR 2.0 / credstack extension), run on a copy of the signed-data view (with the
 * document's `@context` and proofs, which the schemas also describe): neither the original nor the view is touched.
 * The validators load on first use (a separate chunk of the browser build): when they cannot load, the check is
 * `SKIP_SCHEMA_UNAVAILABLE` (`ERR_SCHEMA_UNCHECKED` under `strictSchema`), never passed.
 */
export async function checkSchema(view: CredentialView, cred: Record<string, any>, ctx: VerifyContext): Promise<Check> {
  let validators: Validators;
  try {
    validators = await loadValidators();
  } catch (err) {
    return unchecked(ctx, 'SKIP_SCHEMA_UNAVAILABLE', `schema not checked: the validators could not be loaded (${show((err as { message?: unknown })?.message, 200)})`);
  }
  let res: { valid: boolean; errors: Array<{ path: string; message: string }> };
  try {
    // the validators do not modify their input: the document's own @context and proofs are given as they are
    const copy: Record<string, unknown> = { '@context': cred['@context'], ...(copyAsGiven(view.document, cred, 0) as Record<string, unknown>) };
    if (cred.proof !== undefined) copy.proof = cred.proof;
    // embedded credentials (CLR): their @context and proofs are not claims of the envelope; restore them by position
    const subj = copy.credentialSubject;
    const origSubj = cred.credentialSubject;
    if (subj && typeof subj === 'object' && !Array.isArray(subj) && origSubj && typeof origSubj === 'object' && !Array.isArray(origSubj)) {
      const inner = (subj as Record<string, unknown>).verifiableCredential;
      const orig = origSubj.verifiableCredential;
      const a = Array.isArray(inner) ? inner : inner === undefined ? [] : [inner];
      const o = Array.isArray(orig) ? orig : orig === undefined ? [] : [orig];
      a.forEach((c, i) => {
        const src = o[i];
        if (c && typeof c === 'object' && src && typeof src === 'object') {
          (c as Record<string, unknown>)['@context'] = (src as Record<string, unknown>)['@context'];
          if ((src as Record<string, unknown>).proof !== undefined) (c as Record<string, unknown>).proof = (src as Record<string, unknown>).proof;
        }
      });
    }
    res = credentialWith(validators, copy);
  } catch (err) {
    return unchecked(ctx, 'SKIP_SCHEMA_ERROR', `schema validation could not run: ${show((err as { message?: unknown })?.message, 200)}`);
  }
  if (res.valid) return { id: 'schema', status: 'passed', message: 'matches the JSON Schema' };
  const detail = res.errors.slice(0, 5).map((e) => `${e.path}: ${e.message}`).join('; ');
  return {
    id: 'schema',
    status: ctx.opts.strictSchema ? 'failed' : 'warning',
    code: ctx.opts.strictSchema ? 'ERR_SCHEMA_INVALID' : 'W_SCHEMA_INVALID',
    message: `${res.errors.length} schema problem(s): ${detail}`,
  };
}

import { validateCredential } from '../../schema/index.js';
import { show } from '../../util/json.js';
import type { Check } from '../report.js';
import type { VerifyContext } from '../options.js';
import type { CredentialView } from '../view.js';

/**
 * @internal Our JSON Schemas (OB 3.0 / CLR 2.0 / credstack extension), run on a copy of the signed-data view (with the
 * document's `@context` and proofs, which the schemas also describe): neither the original nor the view is touched.
 */
export function checkSchema(view: CredentialView, cred: Record<string, any>, ctx: VerifyContext): Check {
  let res: { valid: boolean; errors: Array<{ path: string; message: string }> };
  try {
    const copy: Record<string, unknown> = { '@context': structuredClone(cred['@context']), ...structuredClone(view.document) };
    if (cred.proof !== undefined) copy.proof = structuredClone(cred.proof);
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
          (c as Record<string, unknown>)['@context'] = structuredClone((src as Record<string, unknown>)['@context']);
          if ((src as Record<string, unknown>).proof !== undefined) (c as Record<string, unknown>).proof = structuredClone((src as Record<string, unknown>).proof);
        }
      });
    }
    res = validateCredential(copy);
  } catch (err) {
    return { id: 'schema', status: 'skipped', code: 'SKIP_SCHEMA_ERROR', message: `schema validation could not run: ${show((err as { message?: unknown })?.message, 200)}` };
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

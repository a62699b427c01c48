import { validateCredential } from '../../schema/index.js';
import type { Check } from '../report.js';
import type { VerifyContext } from '../options.js';

/** @internal Our JSON Schemas (OB 3.0 / CLR 2.0 / credstack extension), run on a copy: the original is never touched. */
export function checkSchema(cred: Record<string, any>, ctx: VerifyContext): Check {
  let res: { valid: boolean; errors: Array<{ path: string; message: string }> };
  try {
    res = validateCredential(structuredClone(cred));
  } catch (err) {
    return { id: 'schema', status: 'skipped', code: 'SKIP_SCHEMA_ERROR', message: `schema validation could not run: ${(err as Error).message}` };
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

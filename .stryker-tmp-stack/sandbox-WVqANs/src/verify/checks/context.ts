// @ts-nocheck
import { VC_V1_CONTEXT, VC_V2_CONTEXT } from '../../jsonld/contexts.js';
import type { Check } from '../report.js';
import type { VerifyContext } from '../options.js';

/** @internal `@context`: VC first, every URL available offline (bundled, `documents`) or through `fetch`. */
export async function checkContext(cred: Record<string, any>, ctx: VerifyContext): Promise<Check> {
  const raw = cred['@context'];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  if (list[0] !== VC_V2_CONTEXT && list[0] !== VC_V1_CONTEXT) {
    return { id: 'context', status: 'failed', code: 'ERR_CONTEXT_FIRST', message: `@context must start with ${VC_V2_CONTEXT} or ${VC_V1_CONTEXT}` };
  }
  const missing: string[] = [];
  for (const c of list) {
    if (typeof c === 'string') {
      try {
        await ctx.loader(c);
      } catch {
        missing.push(c);
      }
    } else if (!c || typeof c !== 'object' || Array.isArray(c)) {
      return { id: 'context', status: 'failed', code: 'ERR_CONTEXT_INVALID', message: '@context entries must be URLs or objects' };
    }
  }
  if (missing.length) {
    return {
      id: 'context',
      status: 'failed',
      code: 'ERR_CONTEXT_UNKNOWN',
      message: `unknown context(s) ${missing.join(', ')}: not bundled, not in \`documents\`${ctx.opts.fetch ? ', and fetch failed' : ' and no `fetch` given'}`,
    };
  }
  return { id: 'context', status: 'passed', message: `${list.length} context(s), all available ${ctx.opts.fetch ? '' : 'offline'}`.trim() };
}

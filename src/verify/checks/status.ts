import { checkCredentialStatus } from '../../status/check.js';
import { show } from '../../util/json.js';
import type { Check, VerificationReport } from '../report.js';
import type { VerifyContext } from '../options.js';
import type { CredentialView } from '../view.js';

/**
 * @internal credentialStatus: delegated to the status module, which verifies the list credential with `verifyList`.
 * The status module reads the signed-data view (`view.document`: trusted term names), never the credential's JSON keys.
 */
export async function checkStatus(
  view: CredentialView,
  ctx: VerifyContext,
  verifyList: (list: unknown) => Promise<VerificationReport>,
): Promise<Check[]> {
  if (ctx.opts.checkStatus === false) {
    return view.credentialStatus === undefined ? [] : [{ id: 'status', status: 'skipped', code: 'SKIP_STATUS_DISABLED', message: 'status check disabled by the caller' }];
  }
  if (view.credentialStatus === undefined) {
    return [{ id: 'status', status: 'passed', code: 'STATUS_NONE', message: 'no credentialStatus: the issuer cannot revoke this credential' }];
  }
  try {
    return await checkCredentialStatus(view.document, { now: ctx.now, loader: ctx.loader, verifyList });
  } catch (err) {
    return [{ id: 'status', status: 'failed', code: 'ERR_STATUS_CHECK', message: `status check failed: ${show((err as { message?: unknown })?.message, 200)}` }];
  }
}

import { checkCredentialStatus } from '../../status/check.js';
import type { Check, VerificationReport } from '../report.js';
import type { VerifyContext } from '../options.js';

/** @internal credentialStatus: delegated to the status module, which verifies the list credential with `verifyList`. */
export async function checkStatus(
  cred: Record<string, any>,
  ctx: VerifyContext,
  verifyList: (list: unknown) => Promise<VerificationReport>,
): Promise<Check[]> {
  if (ctx.opts.checkStatus === false) {
    return cred.credentialStatus === undefined ? [] : [{ id: 'status', status: 'skipped', code: 'SKIP_STATUS_DISABLED', message: 'status check disabled by the caller' }];
  }
  if (cred.credentialStatus === undefined) {
    return [{ id: 'status', status: 'passed', code: 'STATUS_NONE', message: 'no credentialStatus: the issuer cannot revoke this credential' }];
  }
  try {
    return await checkCredentialStatus(cred, { now: ctx.now, loader: ctx.loader, verifyList });
  } catch (err) {
    return [{ id: 'status', status: 'failed', code: 'ERR_STATUS_CHECK', message: `status check failed: ${(err as Error)?.message ?? String(err)}` }];
  }
}

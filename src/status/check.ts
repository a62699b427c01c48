import type { DocumentLoader } from '../jsonld/loader.js';
import type { Check, VerificationReport } from '../verify/report.js';

/**
 * What the status check gets from the verifier.
 * @example
 * ```ts
 * const checks = await checkCredentialStatus(credential, { now: new Date(), loader, verifyList });
 * ```
 */
export interface StatusCheckContext {
  now: Date;
  /** Offline loader: bundled contexts + caller's `documents` + explicit `fetch`. Status list credentials come from here. */
  loader: DocumentLoader;
  /** Verify a status list credential (proof, dates) with the same options; never throws. */
  verifyList: (list: unknown) => Promise<VerificationReport>;
}

/**
 * Check every `credentialStatus` entry of a credential. (Placeholder until the status-list work lands.)
 * @example
 * ```ts
 * const checks = await checkCredentialStatus(credential, ctx);
 * ```
 */
export async function checkCredentialStatus(cred: Record<string, any>, _ctx: StatusCheckContext): Promise<Check[]> {
  return [{ id: 'status', status: 'skipped', code: 'SKIP_STATUS_UNSUPPORTED', message: `status of type ${JSON.stringify(cred.credentialStatus?.type)} is not checked` }];
}

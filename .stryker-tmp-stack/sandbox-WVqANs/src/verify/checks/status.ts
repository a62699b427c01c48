// @ts-nocheck
import { checkCredentialStatus } from '../../status/check.js';
import type { Check, VerificationReport } from '../report.js';
import { LIMITS, statusPolicyOf, type VerifyContext } from '../options.js';
import type { CredentialView } from '../view.js';

/** Documents one status list's loading and verification may use (bundled contexts and did:key are free). */
const STATUS_LIST_DOCUMENTS = 8;

/**
 * @internal credentialStatus: delegated to the status module, which verifies the list credential with `verifyList`.
 * The status module reads the signed-data view (`view.document`: trusted term names), never the credential's JSON keys.
 * Fails closed (see VerifyOptions.status); a status list credential's own credentialStatus is not followed.
 */
export async function checkStatus(
  view: CredentialView,
  ctx: VerifyContext,
  verifyList: (list: unknown, loader?: VerifyContext['loader']) => Promise<VerificationReport>,
): Promise<Check[]> {
  const present = view.credentialStatus !== undefined;
  if (ctx.role === 'status-list') {
    // Bitstring Status List v1.0 §3.2 validates a list by its proofs; following a list's own entries would only fan out
    return present ? [{ id: 'status', status: 'skipped', code: 'SKIP_STATUS_NOT_FOLLOWED', message: "a status list's own credentialStatus is not followed" }] : [];
  }
  const policy = statusPolicyOf(ctx.opts);
  if (policy === 'skip') {
    if (!present) return [];
    return [
      { id: 'status', status: 'skipped', code: 'SKIP_STATUS_DISABLED', message: 'status check disabled by the caller' },
      { id: 'status', status: 'warning', code: 'W_STATUS_UNCHECKED', message: "revocation and suspension were not checked (status: 'skip'): whether the credential was revoked is unknown" },
    ];
  }
  if (!present) {
    return [{ id: 'status', status: 'passed', code: 'STATUS_NONE', message: 'no credentialStatus: the issuer cannot revoke this credential' }];
  }
  try {
    return await checkCredentialStatus(view.document, {
      now: ctx.now,
      loader: ctx.loader,
      verifyList,
      statusIssuer: ctx.opts.statusIssuer ?? 'any',
      undetermined: policy === 'allow-unavailable' ? 'skip' : 'fail',
      lists: ctx.statusLists,
      // a list shared by the credentials of one call is loaded and verified on a budget of its own: small and fixed
      // (the list, its issuer's DID / controller documents), never more than the caller's maxDocuments
      forList: () => {
        const loader = ctx.forkLoader(Math.min(STATUS_LIST_DOCUMENTS, ctx.opts.maxDocuments ?? LIMITS.maxDocuments));
        return { loader, verifyList: (list: unknown) => verifyList(list, loader) };
      },
    });
  } catch {
    return [{ id: 'status', status: 'failed', code: 'ERR_STATUS_CHECK', message: 'the status check could not complete' }];
  }
}

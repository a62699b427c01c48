// @ts-nocheck
import type { Check } from '../report.js';
import type { CredentialView } from '../view.js';

const OB_TYPES = ['OpenBadgeCredential', 'AchievementCredential', 'EndorsementCredential', 'ClrCredential'];

/** @internal `type` includes VerifiableCredential (required) and an OB 3.0 / CLR 2.0 type (warning when absent); read from the signed data. */
export function checkType(view: CredentialView): Check {
  const types = view.types;
  if (!types.includes('VerifiableCredential')) {
    return { id: 'type', status: 'failed', code: 'ERR_TYPE', message: 'type must include "VerifiableCredential"' };
  }
  const ob = types.find((t) => OB_TYPES.includes(t));
  if (!ob) {
    return { id: 'type', status: 'warning', code: 'W_NOT_OPEN_BADGE', message: `not an Open Badges 3.0 / CLR 2.0 credential (type ${JSON.stringify(types).slice(0, 200)})` };
  }
  return { id: 'type', status: 'passed', message: `VerifiableCredential, ${ob}` };
}

// @ts-nocheck
import { asArray } from '../../util/json.js';
import type { Check } from '../report.js';
import type { CredentialView } from '../view.js';

/** @internal credentialSubject present; OB 3.0 conformance: subject identified by `id` or `identifier` (warning otherwise). */
export function checkSubject(view: CredentialView): Check {
  const subjects = view.credentialSubject as Record<string, any>[];
  if (subjects.length === 0 || subjects.some((s) => !s || typeof s !== 'object' || Array.isArray(s))) {
    return { id: 'subject', status: 'failed', code: 'ERR_SUBJECT_MISSING', message: 'credentialSubject must be an object (or objects)' };
  }
  const types = view.types;
  const isOb = types.includes('OpenBadgeCredential') || types.includes('AchievementCredential');
  if (isOb) {
    const unidentified = subjects.filter((s) => typeof s.id !== 'string' && asArray(s.identifier).length === 0);
    if (unidentified.length) {
      return {
        id: 'subject',
        status: 'warning',
        code: 'W_SUBJECT_UNIDENTIFIED',
        message: 'credentialSubject has neither id nor identifier: the signature can be valid, but nothing binds the badge to a learner (OB 3.0 requires one)',
      };
    }
    const noAch = subjects.filter((s) => !s.achievement);
    if (noAch.length) return { id: 'subject', status: 'warning', code: 'W_NO_ACHIEVEMENT', message: 'credentialSubject has no achievement' };
  }
  const who = subjects.map((s) => (typeof s.id === 'string' ? s.id.slice(0, 200) : typeof (asArray(s.identifier)[0] as any)?.identityType === 'string' ? (asArray(s.identifier)[0] as any).identityType.slice(0, 60) : 'identified')).join(', ');
  return { id: 'subject', status: 'passed', message: `subject: ${who}` };
}

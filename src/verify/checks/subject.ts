import { asArray } from '../../util/json.js';
import type { Check } from '../report.js';

/** @internal credentialSubject present; OB 3.0 conformance: subject identified by `id` or `identifier` (warning otherwise). */
export function checkSubject(cred: Record<string, any>): Check {
  const subjects = asArray(cred.credentialSubject);
  if (subjects.length === 0 || subjects.some((s) => !s || typeof s !== 'object' || Array.isArray(s))) {
    return { id: 'subject', status: 'failed', code: 'ERR_SUBJECT_MISSING', message: 'credentialSubject must be an object (or objects)' };
  }
  const types = asArray(cred.type);
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
  const who = subjects.map((s) => s.id ?? (asArray(s.identifier)[0] as any)?.identityType ?? 'identified').join(', ');
  return { id: 'subject', status: 'passed', message: `subject: ${who}` };
}

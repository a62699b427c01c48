// @ts-nocheck
import { matchIdentity } from './identity.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

/**
 * Who a learner is, as a caller knows them: a DID / URI (compared with `credentialSubject.id`), an email
 * (`mailto:` optional; matched against `emailAddress` identifiers) or a student id (matched against `sisSourcedId` /
 * `studentId` identifiers). A bare string is read as: `mailto:` or containing `@` → email, a URI → id, else a student id.
 * @example
 * ```ts
 * const who: LearnerRef = { email: 'anh.nguyen@uni.example' };
 * ```
 */
export type LearnerRef = string | { id?: string; email?: string; studentId?: string };

/** Identity types that hold a student id (OB 3.0 `sisSourcedId`, and the `studentId` type some issuers use). */
const STUDENT_ID_TYPES = ['sisSourcedId', 'studentId', 'ext:studentId'];

/**
 * Read a {@link LearnerRef} into its parts (`{ id }`, `{ email }` or `{ studentId }`). Returns undefined for an empty or
 * non-string reference.
 * @example
 * ```ts
 * parseLearnerRef('mailto:anh@uni.example'); // { email: 'anh@uni.example' }
 * parseLearnerRef('S0042');                  // { studentId: 'S0042' }
 * parseLearnerRef('did:key:z6Mk…');          // { id: 'did:key:z6Mk…' }
 * ```
 */
export function parseLearnerRef(learner: LearnerRef): { id?: string; email?: string; studentId?: string } | undefined {
  if (isObj(learner)) {
    const out: { id?: string; email?: string; studentId?: string } = {};
    for (const k of ['id', 'email', 'studentId'] as const) if (typeof learner[k] === 'string' && learner[k] !== '') out[k] = learner[k] as string;
    return Object.keys(out).length ? out : undefined;
  }
  if (typeof learner !== 'string' || learner.trim() === '') return undefined;
  const s = learner.trim();
  if (/^mailto:/i.test(s)) return { email: s.slice(7) };
  if (/^[^\s@:]+@[^\s@]+$/.test(s)) return { email: s };
  if (/^[a-z][a-z0-9+.-]*:\S+$/i.test(s)) return { id: s };
  return { studentId: s };
}

/**
 * Is this credential subject the given learner? Compares `credentialSubject.id` with a DID / URI; hashes an email or
 * student id with **each** `IdentityObject`'s own salt (OB 3.0 recipient verification), so credentials hashed with
 * different salts still match their learner and never another one. Give the subject as read from the verified
 * credential. Never throws; anything malformed does not match.
 * @example
 * ```ts
 * matchesLearner(credential.credentialSubject, 'anh.nguyen@uni.example'); // true when an emailAddress identifier matches
 * matchesLearner(credential.credentialSubject, 'did:key:z6MkOther');     // false
 * ```
 */
export function matchesLearner(subject: unknown, learner: LearnerRef): boolean {
  try {
    const ref = parseLearnerRef(learner);
    if (!ref) return false;
    const subjects = list(subject).filter(isObj);
    return subjects.some((s) => {
      if (ref.id !== undefined && s.id === ref.id) return true;
      const ids = list(s.identifier).filter(isObj);
      if (ref.email !== undefined) {
        const email = ref.email;
        if (ids.some((i) => i.identityType === 'emailAddress' && (matchIdentity(i, email) || matchIdentity(i, `mailto:${email}`)))) return true;
        if (s.id === `mailto:${email}`) return true;
      }
      if (ref.studentId !== undefined && ids.some((i) => STUDENT_ID_TYPES.includes(i.identityType as string) && matchIdentity(i, ref.studentId!))) return true;
      // a DID may also be given as a plaintext/hashed identifier (identityType "did")
      if (ref.id !== undefined && ids.some((i) => i.identityType === 'did' && matchIdentity(i, ref.id!))) return true;
      return false;
    });
  } catch {
    return false;
  }
}

/**
 * A printable description of a learner reference (no plaintext email is echoed beyond what the caller gave).
 * @example
 * ```ts
 * describeLearner('S0042'); // 'student id S0042'
 * ```
 */
export function describeLearner(learner: LearnerRef): string {
  const r = parseLearnerRef(learner);
  if (!r) return 'an unusable learner reference';
  return [r.id, r.email !== undefined ? `email ${r.email}` : undefined, r.studentId !== undefined ? `student id ${r.studentId}` : undefined].filter(Boolean).join(' / ');
}

/**
 * A key that tells two credentials' learners apart when they name one by `credentialSubject.id`; undefined when the
 * subject is identified only by (salted, hashed) identifiers, which cannot be compared without knowing the learner.
 * @example
 * ```ts
 * subjectKey({ id: 'did:key:z6Mk…' }); // 'did:key:z6Mk…'
 * subjectKey({ identifier: [{ identityType: 'emailAddress', hashed: true, identityHash: 'sha256$…', salt: 'x' }] }); // undefined
 * ```
 */
export function subjectKey(subject: unknown): string | undefined {
  const s = list(subject).find(isObj);
  return s && typeof s.id === 'string' && s.id !== '' ? s.id : undefined;
}

// @ts-nocheck
import { SchemaError } from '../errors.js';
import { achievementWith, credentialWith, kindWith, profileWith, type SchemaKind, type SchemaResult, type Validators } from './engine.js';
// generated from schemas/ by scripts/build-schemas.ts (ajv standalone): nothing is compiled at run time. The
// verifier's schema check loads the same module on first use instead (load.ts), outside the browser bundle's first chunk
import * as precompiled from './precompiled/ob.js';

export type { SchemaIssue, SchemaResult, SchemaKind } from './engine.js';

const v: Validators = precompiled;

/**
 * Validate a credential against our JSON Schemas, picking the schema by `type`: OpenBadgeCredential / AchievementCredential
 * (plus the credstack micro-credential extension schema), EndorsementCredential, or ClrCredential (whose embedded
 * OB credentials are validated too). The schemas are precompiled (ajv standalone code generated from `schemas/`). Never throws on any input; the input is
 * not modified.
 * @returns `{ valid, errors: [{ path, message }] }` — `path` is a JSON path like `$.credentialSubject.achievement.name`
 * @example
 * ```ts
 * const { valid, errors } = validateCredential(credential);
 * if (!valid) console.log(errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
 * ```
 */
export function validateCredential(credential: unknown): SchemaResult {
  return credentialWith(v, credential);
}

/**
 * Validate an OB 3.0 `Achievement` (and our extension terms on it) on its own.
 * @example
 * ```ts
 * validateAchievement(defineAchievement({ ... })).valid; // true
 * ```
 */
export function validateAchievement(achievement: unknown): SchemaResult {
  return achievementWith(v, achievement);
}

/**
 * Validate an OB 3.0 `Profile` (issuer, awarding body, endorser).
 * @example
 * ```ts
 * validateProfile({ id: 'did:key:z6Mk…', type: ['Profile'], name: 'Uni' }).valid; // true
 * ```
 */
export function validateProfile(profile: unknown): SchemaResult {
  return profileWith(v, profile);
}

/**
 * Validate by kind: `'credential'` picks the schema by type (see {@link validateCredential}); the other kinds force one schema.
 * @example
 * ```ts
 * validate('endorsementCredential', endorsement).valid;
 * ```
 */
export function validate(kind: SchemaKind, value: unknown): SchemaResult {
  return kindWith(v, kind, value);
}

/**
 * Throw unless `value` matches the schema of `kind`.
 * @throws SchemaError code `ERR_SCHEMA_INVALID`, `details.errors` = the `{ path, message }` list
 * @example
 * ```ts
 * assertValid('achievement', achievement); // throws SchemaError listing each problem
 * ```
 */
export function assertValid(kind: SchemaKind, value: unknown): void {
  const r = validate(kind, value);
  if (!r.valid) {
    throw new SchemaError('ERR_SCHEMA_INVALID', `${kind} does not match the schema:\n${r.errors.map((e) => `  ${e.path}: ${e.message}`).join('\n')}`, {
      details: { errors: r.errors },
    });
  }
}

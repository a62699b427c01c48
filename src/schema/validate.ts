import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { SchemaError } from '../errors.js';
// generated from schemas/ by scripts/build-schemas.ts (ajv standalone): nothing is compiled at run time
import * as precompiled from './precompiled/ob.js';

/**
 * One schema problem: a JSON path (`$.credentialSubject.achievement.name`) and what was expected there.
 * @example
 * ```ts
 * const e: SchemaIssue = { path: '$.credentialSubject.achievement.criteria', message: 'required property "criteria" is missing' };
 * ```
 */
export interface SchemaIssue {
  path: string;
  message: string;
}

/**
 * Result of a validation: `valid` iff there are no errors.
 * @example
 * ```ts
 * const r: SchemaResult = validateAchievement(achievement);
 * if (!r.valid) for (const e of r.errors) console.log(e.path, e.message);
 * ```
 */
export interface SchemaResult {
  valid: boolean;
  errors: SchemaIssue[];
}

/**
 * What {@link assertValid} and {@link validate} can check.
 * @example `const k: SchemaKind = 'achievement';`
 */
export type SchemaKind = 'credential' | 'achievementCredential' | 'endorsementCredential' | 'clrCredential' | 'achievement' | 'profile' | 'microcredential';

interface Compiled {
  achievementCredential: ValidateFunction;
  endorsementCredential: ValidateFunction;
  clrCredential: ValidateFunction;
  achievement: ValidateFunction;
  profile: ValidateFunction;
  microcredential: ValidateFunction;
}

/** The validators, precompiled from schemas/ at build time (src/schema/precompiled/ob.js). */
function validators(): Compiled {
  return precompiled;
}

function toJsonPath(pointer: string): string {
  if (pointer === '') return '$';
  return '$' + pointer.split('/').slice(1).map((raw) => {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^\d+$/.test(seg)) return `[${seg}]`;
    if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(seg)) return `.${seg}`;
    return `[${JSON.stringify(seg)}]`;
  }).join('');
}

function describeValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 50 ? `${v.slice(0, 47)}...` : v);
  if (Array.isArray(v)) return 'an array';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'an object' : String(v);
}

function messageOf(e: ErrorObject): SchemaIssue {
  const path = toJsonPath(e.instancePath);
  const desc = (e.parentSchema as { description?: string } | undefined)?.description;
  const got = e.data === undefined ? '' : `, got ${describeValue(e.data)}`;
  if (e.propertyName !== undefined) {
    return { path, message: `property name ${JSON.stringify(e.propertyName)} is not allowed${desc ? ` (expected ${desc})` : ''}` };
  }
  switch (e.keyword) {
    case 'required': {
      const prop = (e.params as { missingProperty: string }).missingProperty;
      return { path: toJsonPath(`${e.instancePath}/${prop.replace(/~/g, '~0').replace(/\//g, '~1')}`), message: `required property "${prop}" is missing` };
    }
    case 'additionalProperties': {
      const prop = (e.params as { additionalProperty: string }).additionalProperty;
      return { path: toJsonPath(`${e.instancePath}/${prop}`), message: `property "${prop}" is not allowed here${desc ? ` (in ${desc})` : ''}` };
    }
    case 'const':
      return { path, message: `must be ${desc ?? JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}${got}` };
    case 'enum':
      return { path, message: `must be ${desc ?? `one of ${JSON.stringify((e.params as { allowedValues: unknown }).allowedValues)}`}${got}` };
    case 'pattern':
      return { path, message: `must be ${desc ?? `a string matching ${(e.params as { pattern: string }).pattern}`}${got}` };
    case 'format':
      return { path, message: `must be ${desc ?? `a valid ${(e.params as { format: string }).format}`}${got}` };
    case 'contains': {
      const c = (e.parentSchema as { contains?: { const?: unknown; enum?: unknown[] } } | undefined)?.contains;
      const what = c?.const !== undefined ? JSON.stringify(c.const) : c?.enum ? c.enum.map((x) => JSON.stringify(x)).join(' or ') : 'a matching item';
      return { path, message: `must contain ${what}` };
    }
    case 'type':
      return { path, message: `must be ${desc ?? (e.params as { type: string }).type}${got}` };
    case 'minItems':
      return { path, message: `must have at least ${(e.params as { limit: number }).limit} item(s)` };
    case 'minLength':
      return { path, message: 'must be a non-empty string' };
    default:
      return { path, message: `${e.message ?? 'is invalid'}${desc ? ` (expected ${desc})` : ''}` };
  }
}

function run(fn: ValidateFunction, data: unknown): SchemaIssue[] {
  if (fn(data)) return [];
  const out: SchemaIssue[] = [];
  const seen = new Set<string>();
  for (const e of fn.errors ?? []) {
    if (e.keyword === 'if' || e.keyword === 'allOf') continue; // summaries of the branch errors reported below them
    const issue = messageOf(e);
    const key = `${issue.path}|${issue.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(issue);
    }
  }
  return out;
}

/** Merge issue lists, dropping exact duplicates (the same problem seen by two schemas). */
function merge(...lists: SchemaIssue[][]): SchemaIssue[] {
  const seen = new Set<string>();
  const out: SchemaIssue[] = [];
  for (const e of lists.flat()) {
    const key = `${e.path}|${e.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(e);
    }
  }
  return out;
}

function typesOf(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

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
  if (typeof credential !== 'object' || credential === null || Array.isArray(credential)) {
    return { valid: false, errors: [{ path: '$', message: `must be a credential object, got ${describeValue(credential)}` }] };
  }
  const v = validators();
  const types = typesOf((credential as { type?: unknown }).type);
  let errors: SchemaIssue[];
  if (types.includes('ClrCredential')) {
    errors = run(v.clrCredential, credential);
    const subject = (credential as { credentialSubject?: { verifiableCredential?: unknown } }).credentialSubject;
    const inner = Array.isArray(subject?.verifiableCredential) ? subject.verifiableCredential : [];
    inner.forEach((c, i) => {
      if (typeof c !== 'object' || c === null) return;
      const r = validateCredential(c);
      for (const e of r.errors) errors.push({ path: `$.credentialSubject.verifiableCredential[${i}]${e.path.slice(1)}`, message: e.message });
    });
  } else if (types.includes('EndorsementCredential')) {
    errors = merge(run(v.endorsementCredential, credential), run(v.microcredential, credential));
  } else if (types.includes('OpenBadgeCredential') || types.includes('AchievementCredential')) {
    errors = merge(run(v.achievementCredential, credential), run(v.microcredential, credential));
  } else {
    errors = [{ path: '$.type', message: 'must include OpenBadgeCredential, AchievementCredential, EndorsementCredential or ClrCredential' }];
  }
  return { valid: errors.length === 0, errors };
}

/**
 * Validate an OB 3.0 `Achievement` (and our extension terms on it) on its own.
 * @example
 * ```ts
 * validateAchievement(defineAchievement({ ... })).valid; // true
 * ```
 */
export function validateAchievement(achievement: unknown): SchemaResult {
  const v = validators();
  let errors = run(v.achievement, achievement);
  if (typeof achievement === 'object' && achievement !== null) {
    errors = merge(errors, run(v.microcredential, { credentialSubject: { achievement } })
      .map((e) => ({ path: e.path.replace('$.credentialSubject.achievement', '$'), message: e.message })));
  }
  return { valid: errors.length === 0, errors };
}

/**
 * Validate an OB 3.0 `Profile` (issuer, awarding body, endorser).
 * @example
 * ```ts
 * validateProfile({ id: 'did:key:z6Mk…', type: ['Profile'], name: 'Uni' }).valid; // true
 * ```
 */
export function validateProfile(profile: unknown): SchemaResult {
  const v = validators();
  let errors = run(v.profile, profile);
  if (typeof profile === 'object' && profile !== null) {
    errors = merge(errors, run(v.microcredential, { issuer: profile }).map((e) => ({ ...e, path: e.path.replace('$.issuer', '$') })));
  }
  return { valid: errors.length === 0, errors };
}

/**
 * Validate by kind: `'credential'` picks the schema by type (see {@link validateCredential}); the other kinds force one schema.
 * @example
 * ```ts
 * validate('endorsementCredential', endorsement).valid;
 * ```
 */
export function validate(kind: SchemaKind, value: unknown): SchemaResult {
  const v = validators();
  switch (kind) {
    case 'credential': return validateCredential(value);
    case 'achievement': return validateAchievement(value);
    case 'profile': return validateProfile(value);
    default: {
      const errors = run(v[kind], value);
      return { valid: errors.length === 0, errors };
    }
  }
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

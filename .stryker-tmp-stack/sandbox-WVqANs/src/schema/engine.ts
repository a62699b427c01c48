// @ts-nocheck
// The schema report, whichever way the precompiled validators were loaded: statically (validate.ts, the `credstack`
// API, synchronous) or on first use through a dynamic import (load.ts, the verifier's schema check). This module
// imports no validator, so that the browser verifier's first chunk does not hold them.
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';

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

/** @internal The generated module src/schema/precompiled/ob.js (scripts/build-schemas.ts). */
export interface Validators {
  achievementCredential: ValidateFunction;
  endorsementCredential: ValidateFunction;
  clrCredential: ValidateFunction;
  achievement: ValidateFunction;
  profile: ValidateFunction;
  microcredential: ValidateFunction;
  /** The schemas' descriptions by node location (`<file>#/pointer`, an error's schemaPath without its keyword). */
  descriptions: Record<string, string>;
  /** What each `contains` asks for (`"Achievement"`), by the location of the node holding it. */
  contains: Record<string, string>;
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

/** The value at a JSON pointer of the validated document (the validators are compact: errors do not carry it). */
function valueAt(root: unknown, pointer: string): unknown {
  let v: unknown = root;
  if (pointer === '') return v;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (!v || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, seg)) return undefined;
    v = (v as Record<string, unknown>)[seg];
  }
  return v;
}

function describeValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 50 ? `${v.slice(0, 47)}...` : v);
  if (Array.isArray(v)) return 'an array';
  if (v === null) return 'null';
  return typeof v === 'object' ? 'an object' : String(v);
}

/** ajv's wording of the keywords the report does not word itself (the compact validators carry no messages). */
function genericMessage(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'maximum': case 'minimum': case 'exclusiveMaximum': case 'exclusiveMinimum':
      return `must be ${String(p.comparison)} ${String(p.limit)}`;
    case 'maxLength': return `must not have more than ${String(p.limit)} characters`;
    case 'maxItems': return `must not have more than ${String(p.limit)} item(s)`;
    case 'minProperties': return `must have at least ${String(p.limit)} propert${p.limit === 1 ? 'y' : 'ies'}`;
    case 'maxProperties': return `must not have more than ${String(p.limit)} properties`;
    case 'uniqueItems': return `must not have duplicate items (items ${String(p.j)} and ${String(p.i)} are identical)`;
    case 'multipleOf': return `must be a multiple of ${String(p.multipleOf)}`;
    case 'anyOf': return 'must match one of the allowed forms';
    case 'oneOf': return 'must match exactly one of the allowed forms';
    case 'not': return 'must not match the excluded form';
    case 'false schema': return 'is not allowed here';
    case 'propertyNames': return 'property name must be valid';
    case 'dependentRequired': case 'dependencies': return `must have property "${String(p.missingProperty)}" when property "${String(p.property)}" is present`;
    case 'unevaluatedProperties': return `property "${String(p.unevaluatedProperty)}" is not allowed here`;
    case 'items': case 'unevaluatedItems': case 'additionalItems': return `must not have more than ${String(p.limit)} item(s)`;
    default: return 'is invalid';
  }
}

function messageOf(v: Validators, e: ErrorObject, root: unknown): SchemaIssue {
  const path = toJsonPath(e.instancePath);
  const node = e.schemaPath.slice(0, e.schemaPath.lastIndexOf('/'));
  const desc = v.descriptions[node];
  const data = valueAt(root, e.instancePath);
  const got = data === undefined ? '' : `, got ${describeValue(data)}`;
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
    case 'contains':
      return { path, message: `must contain ${v.contains[node] ?? 'a matching item'}` };
    case 'type':
      return { path, message: `must be ${desc ?? (e.params as { type: string }).type}${got}` };
    case 'minItems':
      return { path, message: `must have at least ${(e.params as { limit: number }).limit} item(s)` };
    case 'minLength':
      return { path, message: 'must be a non-empty string' };
    default:
      return { path, message: `${genericMessage(e)}${desc ? ` (expected ${desc})` : ''}` };
  }
}

function run(v: Validators, fn: ValidateFunction, data: unknown): SchemaIssue[] {
  if (fn(data)) return [];
  const out: SchemaIssue[] = [];
  const seen = new Set<string>();
  for (const e of fn.errors ?? []) {
    if (e.keyword === 'if' || e.keyword === 'allOf') continue; // summaries of the branch errors reported below them
    const issue = messageOf(v, e, data);
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

function typesOf(x: unknown): string[] {
  if (typeof x === 'string') return [x];
  return Array.isArray(x) ? x.filter((t): t is string => typeof t === 'string') : [];
}

/** @internal {@link validateCredential} with the given validators. */
export function credentialWith(v: Validators, credential: unknown): SchemaResult {
  if (typeof credential !== 'object' || credential === null || Array.isArray(credential)) {
    return { valid: false, errors: [{ path: '$', message: `must be a credential object, got ${describeValue(credential)}` }] };
  }
  const types = typesOf((credential as { type?: unknown }).type);
  let errors: SchemaIssue[];
  if (types.includes('ClrCredential')) {
    errors = run(v, v.clrCredential, credential);
    const subject = (credential as { credentialSubject?: { verifiableCredential?: unknown } }).credentialSubject;
    const inner = Array.isArray(subject?.verifiableCredential) ? subject.verifiableCredential : [];
    inner.forEach((c, i) => {
      if (typeof c !== 'object' || c === null) return;
      const r = credentialWith(v, c);
      for (const e of r.errors) errors.push({ path: `$.credentialSubject.verifiableCredential[${i}]${e.path.slice(1)}`, message: e.message });
    });
  } else if (types.includes('EndorsementCredential')) {
    errors = merge(run(v, v.endorsementCredential, credential), run(v, v.microcredential, credential));
  } else if (types.includes('OpenBadgeCredential') || types.includes('AchievementCredential')) {
    errors = merge(run(v, v.achievementCredential, credential), run(v, v.microcredential, credential));
  } else {
    errors = [{ path: '$.type', message: 'must include OpenBadgeCredential, AchievementCredential, EndorsementCredential or ClrCredential' }];
  }
  return { valid: errors.length === 0, errors };
}

/** @internal {@link validateAchievement} with the given validators. */
export function achievementWith(v: Validators, achievement: unknown): SchemaResult {
  let errors = run(v, v.achievement, achievement);
  if (typeof achievement === 'object' && achievement !== null) {
    errors = merge(errors, run(v, v.microcredential, { credentialSubject: { achievement } })
      .map((e) => ({ path: e.path.replace('$.credentialSubject.achievement', '$'), message: e.message })));
  }
  return { valid: errors.length === 0, errors };
}

/** @internal {@link validateProfile} with the given validators. */
export function profileWith(v: Validators, profile: unknown): SchemaResult {
  let errors = run(v, v.profile, profile);
  if (typeof profile === 'object' && profile !== null) {
    errors = merge(errors, run(v, v.microcredential, { issuer: profile }).map((e) => ({ ...e, path: e.path.replace('$.issuer', '$') })));
  }
  return { valid: errors.length === 0, errors };
}

/** @internal {@link validate} with the given validators. */
export function kindWith(v: Validators, kind: SchemaKind, value: unknown): SchemaResult {
  switch (kind) {
    case 'credential': return credentialWith(v, value);
    case 'achievement': return achievementWith(v, value);
    case 'profile': return profileWith(v, value);
    default: {
      const errors = run(v, v[kind], value);
      return { valid: errors.length === 0, errors };
    }
  }
}

/**
 * Schema: JSON Schema validation (ajv, precompiled at build time from `schemas/`) of OB 3.0 / CLR 2.0 credentials, achievements, profiles and the
 * credstack micro-credential extension. Schemas live in `schemas/`.
 * @example
 * ```ts
 * import { validateCredential } from 'credstack';
 * const { valid, errors } = validateCredential(credential);
 * ```
 * @packageDocumentation
 */
// @ts-nocheck

export {
  validateCredential, validateAchievement, validateProfile, validate, assertValid,
  type SchemaIssue, type SchemaResult, type SchemaKind,
} from './validate.js';

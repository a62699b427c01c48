/**
 * Internal helpers shared by the model builders: input checks that throw {@link InvalidInputError} with a `path`, and
 * language-map handling. Not part of the public API.
 */
// @ts-nocheck

import { InvalidInputError } from '../errors.js';
import { EXT_VALUE_PATTERN } from './constants.js';
import type { LanguageMap, LocalizedText } from './types.js';

/** Absolute URI (scheme + something): https URLs, did:, urn:uuid:, data: URIs. */
const URI_PATTERN = /^[a-zA-Z][a-zA-Z0-9+.-]*:[^\s]+$/;
/** RFC 3339 / xsd:dateTime with a time zone. */
const DATETIME_Z_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
/** BCP 47 language tag (simplified: primary subtag + subtags). */
const LANGUAGE_TAG_PATTERN = /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$/;

/** Throw an InvalidInputError naming the offending path. */
export function fail(path: string, message: string, expected?: string): never {
  throw new InvalidInputError(`${path}: ${message}`, { details: { path, ...(expected ? { expected } : {}) } });
}

export function isUri(value: unknown): value is string {
  return typeof value === 'string' && URI_PATTERN.test(value);
}

export function isDateTimeZ(value: unknown): value is string {
  return typeof value === 'string' && DATETIME_Z_PATTERN.test(value) && !Number.isNaN(Date.parse(value));
}

export function isLanguageTag(value: unknown): value is string {
  return typeof value === 'string' && LANGUAGE_TAG_PATTERN.test(value);
}

export function isExtValue(value: unknown): value is string {
  return typeof value === 'string' && EXT_VALUE_PATTERN.test(value);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function requireUri(value: unknown, path: string): string {
  if (!isUri(value)) fail(path, `expected an absolute URI (https://…, did:…, urn:uuid:…), got ${describe(value)}`, 'URI');
  return value;
}

export function requireString(value: unknown, path: string): string {
  if (typeof value !== 'string' || value.trim() === '') fail(path, `expected a non-empty string, got ${describe(value)}`, 'string');
  return value;
}

export function optionalString(value: unknown, path: string): string | undefined {
  return value === undefined ? undefined : requireString(value, path);
}

/** Accept an ISO date-time string with time zone or a Date; return the string without milliseconds when they are zero. */
export function toDateTime(value: unknown, path: string): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) fail(path, 'invalid Date', 'date-time');
    return value.toISOString().replace('.000Z', 'Z');
  }
  if (!isDateTimeZ(value)) {
    fail(path, `expected an ISO 8601 date-time with time zone (e.g. 2025-06-30T00:00:00Z), got ${describe(value)}`, 'date-time');
  }
  return value;
}

/** Accept a date (YYYY-MM-DD), date-time with zone, or Date. */
export function toDateOrDateTime(value: unknown, path: string): string {
  if (typeof value === 'string' && DATE_PATTERN.test(value) && !Number.isNaN(Date.parse(value))) return value;
  return toDateTime(value, path);
}

/** Check a member of an enumeration that may be extended with `ext:` values. */
export function requireEnum<T extends string>(value: unknown, allowed: readonly string[], path: string, extensible: boolean): T {
  if (typeof value === 'string' && (allowed.includes(value) || (extensible && isExtValue(value)))) return value as T;
  fail(path, `expected one of ${allowed.join(', ')}${extensible ? ' or an ext: value (e.g. ext:MyValue)' : ''}, got ${describe(value)}`,
    allowed.join('|') + (extensible ? '|ext:*' : ''));
}

export function toArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
}

/** Result of resolving a {@link LocalizedText}: the primary-language string, and the map when several languages were given. */
export interface ResolvedText {
  text: string;
  map?: LanguageMap;
  language?: string;
}

/**
 * Resolve a string or language map. The primary text is the map entry for `preferred` (if given and present), else the
 * first entry. A map with a single language yields no map (plain text + language).
 */
export function resolveText(value: unknown, path: string, preferred?: string): ResolvedText {
  if (typeof value === 'string') return { text: requireString(value, path) };
  if (!isPlainObject(value)) fail(path, `expected a string or a language map like { en: '…', de: '…' }, got ${describe(value)}`, 'string|LanguageMap');
  const entries = Object.entries(value);
  if (entries.length === 0) fail(path, 'language map is empty', 'LanguageMap');
  const map: LanguageMap = {};
  for (const [lang, text] of entries) {
    if (!isLanguageTag(lang)) fail(`${path}.${lang}`, `"${lang}" is not a BCP 47 language tag (e.g. en, de, pt-BR)`, 'language tag');
    map[lang] = requireString(text, `${path}.${lang}`);
  }
  const language = preferred !== undefined && map[preferred] !== undefined ? preferred : entries[0]![0];
  const text = map[language]!;
  return entries.length > 1 ? { text, map, language } : { text, language };
}

/** Lower-case, URL-safe slug used to derive stable fragment ids. */
export function slug(value: string): string {
  const s = value.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return s || 'item';
}

/** Append a fragment to an IRI (or extend an existing fragment with `-`). */
export function childId(parent: string, part: string): string {
  return parent.includes('#') ? `${parent}-${part}` : `${parent}#${part}`;
}

/** A fresh `urn:uuid:` identifier. */
export function newUrnUuid(): string {
  return `urn:uuid:${globalThis.crypto.randomUUID()}`;
}

/** Drop keys whose value is undefined (keeps JSON output clean). */
export function compact<T extends Record<string, unknown>>(obj: T): T {
  for (const key of Object.keys(obj)) if (obj[key] === undefined) delete obj[key];
  return obj;
}

export type { LocalizedText };

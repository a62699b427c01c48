// @ts-nocheck
import type { Address, IdentifierEntry, Image, LocalizedText, Profile } from './types.js';
import { compact, fail, isPlainObject, isUri, optionalString, requireUri, resolveText } from './util.js';
import { imageOf } from './image.js';

/**
 * Input of {@link defineProfile}. Only `id` is required; give `name` and `country` for an issuer of EU micro-credentials.
 * @example
 * ```ts
 * const input: ProfileInput = { id: key.controller, name: 'Università di Bologna', country: 'IT', url: 'https://www.unibo.it' };
 * ```
 */
export interface ProfileInput {
  /** The profile's URI; for an issuer, the DID that controls the signing key (e.g. `key.controller`). */
  id: string;
  /** Name, or a language map `{ it: '…', en: '…' }` (primary language = `language` or the first entry). */
  name?: LocalizedText;
  description?: LocalizedText;
  /** Primary language for `name` / `description` when language maps are given. */
  language?: string;
  url?: string;
  email?: string;
  phone?: string;
  /** ISO 3166-1 alpha-2 country code (EU element 3, "country of the issuer"); stored as `address.addressCountryCode`. */
  country?: string;
  /** Full address; `country` fills `addressCountryCode` when the address has none. */
  address?: Omit<Address, 'type'> & { type?: Address['type'] };
  image?: string | Image;
  official?: string;
  parentOrg?: Profile;
  otherIdentifier?: IdentifierEntry[];
}

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const COUNTRY_PATTERN = /^[A-Z]{2}$/;

/**
 * Define an OB 3.0 `Profile` (issuer, awarding body, endorser). Rejects a missing/relative id, a malformed email, URL or
 * country code. Language maps become `name` (primary language) + `nameMap` (all languages).
 * @throws InvalidInputError (code `ERR_INVALID_INPUT`, `details.path`) on malformed input
 * @example
 * ```ts
 * const issuer = defineProfile({ id: key.controller, name: { it: 'Università di Bologna', en: 'University of Bologna' },
 *   country: 'IT', url: 'https://www.unibo.it' });
 * ```
 */
export function defineProfile(input: ProfileInput, path = 'profile'): Profile {
  if (!isPlainObject(input)) fail(path, 'expected an object with at least { id }', 'object');
  const id = requireUri(input.id, `${path}.id`);
  const profile: Profile = { id, type: ['Profile'] };
  if (input.name !== undefined) {
    const name = resolveText(input.name, `${path}.name`, input.language);
    profile.name = name.text;
    if (name.map) profile.nameMap = name.map;
  }
  if (input.description !== undefined) {
    const d = resolveText(input.description, `${path}.description`, input.language);
    profile.description = d.text;
    if (d.map) profile.descriptionMap = d.map;
  }
  if (input.url !== undefined) {
    if (!isUri(input.url) || !/^https?:\/\//.test(input.url)) fail(`${path}.url`, 'expected an http(s) URL', 'URL');
    profile.url = input.url;
  }
  if (input.email !== undefined) {
    if (typeof input.email !== 'string' || !EMAIL_PATTERN.test(input.email)) fail(`${path}.email`, 'expected an email address', 'email');
    profile.email = input.email;
  }
  const phone = optionalString(input.phone, `${path}.phone`);
  if (phone) profile.phone = phone;
  let address: Address | undefined;
  if (input.address !== undefined) {
    if (!isPlainObject(input.address)) fail(`${path}.address`, 'expected an object', 'Address');
    address = compact({ ...input.address, type: input.address.type ?? ['Address'] }) as Address;
  }
  if (input.country !== undefined) {
    address ??= { type: ['Address'] };
    if (address.addressCountryCode !== undefined && address.addressCountryCode !== input.country.toUpperCase()) {
      fail(`${path}.country`, `conflicts with address.addressCountryCode "${address.addressCountryCode}"`, 'one country code');
    }
    address.addressCountryCode = input.country;
  }
  if (address?.addressCountryCode !== undefined) {
    if (typeof address.addressCountryCode !== 'string') fail(`${path}.country`, 'expected an ISO 3166-1 alpha-2 code', 'country code');
    const code = address.addressCountryCode.toUpperCase();
    if (!COUNTRY_PATTERN.test(code)) {
      fail(`${path}.country`, `expected an ISO 3166-1 alpha-2 country code like "IT", got "${address.addressCountryCode}"`, 'country code');
    }
    address.addressCountryCode = code;
  }
  if (address) profile.address = address;
  if (input.image !== undefined) profile.image = imageOf(input.image, `${path}.image`);
  const official = optionalString(input.official, `${path}.official`);
  if (official) profile.official = official;
  if (input.parentOrg !== undefined) {
    if (!isPlainObject(input.parentOrg) || !isUri(input.parentOrg.id)) fail(`${path}.parentOrg`, 'expected a Profile with an id', 'Profile');
    profile.parentOrg = input.parentOrg;
  }
  if (input.otherIdentifier !== undefined) {
    if (!Array.isArray(input.otherIdentifier)) fail(`${path}.otherIdentifier`, 'expected an array of IdentifierEntry', 'IdentifierEntry[]');
    input.otherIdentifier.forEach((e, i) => {
      if (!isPlainObject(e) || typeof e.identifier !== 'string' || typeof e.identifierType !== 'string') {
        fail(`${path}.otherIdentifier[${i}]`, 'expected { identifier, identifierType }', 'IdentifierEntry');
      }
    });
    profile.otherIdentifier = input.otherIdentifier.map((e) => ({ ...e, type: 'IdentifierEntry' as const }));
  }
  return profile;
}

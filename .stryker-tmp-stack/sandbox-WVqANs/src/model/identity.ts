// @ts-nocheck
import { sha256 } from '@noble/hashes/sha2.js';
import { md5 } from '@noble/hashes/legacy.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { IDENTIFIER_TYPES } from './constants.js';
import type { IdentifierType, IdentityObject } from './types.js';
import { fail, isPlainObject, requireEnum, requireString } from './util.js';

/**
 * Compute an OB 3.0 `IdentityHash`: `sha256$` + lowercase hex SHA-256 of the UTF-8 bytes of `identifier + salt`.
 * @param identifier the plaintext identifier (email, student id…), hashed exactly as given
 * @param salt appended to the identifier before hashing (omit for an unsalted hash, which is not recommended)
 * @example
 * ```ts
 * hashIdentifier('a@example.com', 'Kosher');
 * // 'sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399'
 * ```
 */
export function hashIdentifier(identifier: string, salt = ''): string {
  if (typeof identifier !== 'string' || identifier === '') fail('identifier', 'expected a non-empty string', 'string');
  if (typeof salt !== 'string') fail('salt', 'expected a string', 'string');
  return `sha256$${bytesToHex(sha256(utf8ToBytes(identifier + salt)))}`;
}

/**
 * A random salt: 16 bytes from the platform CSPRNG as 32 hex characters.
 * @example
 * ```ts
 * const salt = generateSalt(); // e.g. '9f86d081884c7d659a2feaa0c55ad015'
 * ```
 */
export function generateSalt(): string {
  if (saltAt + SALT_BYTES > saltPool.length) {
    // one CSPRNG call per SALT_POOL / 16 salts (a cohort hashes one or two identifiers per row); each byte used once
    saltPool = globalThis.crypto.getRandomValues(new Uint8Array(SALT_POOL));
    saltAt = 0;
  }
  const bytes = saltPool.subarray(saltAt, saltAt + SALT_BYTES);
  const salt = bytesToHex(bytes);
  bytes.fill(0);
  saltAt += SALT_BYTES;
  return salt;
}

const SALT_BYTES = 16;
/** Random bytes drawn at once for {@link generateSalt}: 256 salts. */
const SALT_POOL = 4096;
let saltPool = new Uint8Array(0);
let saltAt = 0;

/**
 * Input of {@link createIdentityObject}.
 * @example
 * ```ts
 * const input: IdentityInput = { identityType: 'sisSourcedId', value: 'S0001234', salt: 'per-cohort-salt' };
 * ```
 */
export interface IdentityInput {
  /** The identifier type, e.g. `emailAddress`, `sisSourcedId` (student id), `nationalIdentityNumber`, or an `ext:` type. */
  identityType: IdentifierType;
  /** The plaintext identifier. */
  value: string;
  /** Hash it (default true). Plaintext identifiers leak personal data: only set false for public identifiers. */
  hashed?: boolean;
  /** Salt; default: a fresh random salt from {@link generateSalt}. Pass `''` for no salt (not recommended). */
  salt?: string;
}

/**
 * Build an OB 3.0 `IdentityObject` for a recipient: hashed with a random salt by default.
 * @example
 * ```ts
 * const id = createIdentityObject({ identityType: 'emailAddress', value: 'jjefferson18@example.com', salt: 'FleurDeSel' });
 * // { type: 'IdentityObject', hashed: true, identityType: 'emailAddress',
 * //   identityHash: 'sha256$658625b25ab3d75d613ca97d9a5a77f70e2192feca5557f4ad09a4d4f121f5fc', salt: 'FleurDeSel' }
 * ```
 */
export function createIdentityObject(input: IdentityInput): IdentityObject {
  if (!isPlainObject(input)) fail('identity', 'expected an object { identityType, value }', 'object');
  const identityType = requireEnum<IdentifierType>(input.identityType, IDENTIFIER_TYPES, 'identity.identityType', true);
  const value = requireString(input.value, 'identity.value');
  const hashed = input.hashed ?? true;
  if (typeof hashed !== 'boolean') fail('identity.hashed', 'expected a boolean', 'boolean');
  if (!hashed) {
    if (input.salt !== undefined) fail('identity.salt', 'a salt only makes sense with hashed: true', 'undefined');
    return { type: 'IdentityObject', hashed: false, identityHash: value, identityType };
  }
  const salt = input.salt ?? generateSalt();
  if (typeof salt !== 'string') fail('identity.salt', 'expected a string', 'string');
  const obj: IdentityObject = { type: 'IdentityObject', hashed: true, identityHash: hashIdentifier(value, salt), identityType };
  if (salt !== '') obj.salt = salt;
  return obj;
}

/**
 * Does a known plaintext identifier match an `IdentityObject` (OB 3.0 recipient verification)? Supports `sha256$` and
 * `md5$` hashes (hex in either case) and plaintext objects. Never throws: malformed objects simply do not match.
 * @example
 * ```ts
 * matchIdentity(credential.credentialSubject.identifier[0], 'jjefferson18@example.com'); // true or false
 * ```
 */
export function matchIdentity(identity: unknown, known: string, knownType?: IdentifierType): boolean {
  if (!isPlainObject(identity) || typeof known !== 'string') return false;
  if (knownType !== undefined && identity.identityType !== knownType) return false;
  const hash = identity.identityHash;
  if (typeof hash !== 'string') return false;
  if (identity.hashed !== true) return identity.hashed === false && hash === known;
  const salt = typeof identity.salt === 'string' ? identity.salt : '';
  const m = /^(sha256|md5)\$([0-9a-fA-F]+)$/.exec(hash);
  if (!m) return false;
  const bytes = utf8ToBytes(known + salt);
  const digest = bytesToHex(m[1] === 'sha256' ? sha256(bytes) : md5(bytes));
  return digest === m[2]!.toLowerCase();
}

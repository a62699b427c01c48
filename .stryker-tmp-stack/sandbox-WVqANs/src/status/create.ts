// @ts-nocheck
import { randomBytes } from 'node:crypto';
import { InvalidInputError } from '../errors.js';
import { encodeBitstring } from './encode.js';
import { MIN_STATUS_LIST_LENGTH, STATUS_LIST_LIMITS, type StatusListState, type StatusPurpose } from './types.js';

/**
 * Options of {@link createStatusList}.
 * @example
 * ```ts
 * const opts: CreateStatusListOptions = { id: 'https://uni.example/status/1', issuer: key.controller, purpose: 'revocation' };
 * ```
 */
export interface CreateStatusListOptions {
  /** URL where the signed list credential will be published (credentials point to it with `statusListCredential`). */
  id: string;
  /** DID of the list's issuer: the controller of the key that will sign it (normally the credentials' issuer). */
  issuer: string;
  /** `revocation` (permanent) or `suspension` (reversible). Use two lists if you need both. */
  purpose: StatusPurpose;
  /** Number of entries: a multiple of 8, at least 131,072 (default), at most 134,217,728. */
  length?: number;
  /** `random` (default, herd privacy: indexes reveal neither issuance order nor count) or `sequential`. */
  order?: 'random' | 'sequential';
}

/**
 * Create a new, empty status list: a plain JSON {@link StatusListState} (all bits 0) to store wherever you like.
 * Sign it with {@link signStatusList} and publish it at `id`; give each credential an entry with {@link allocateStatusIndex}.
 * @example
 * ```ts
 * const key = await generateKeyPair();
 * let state = createStatusList({ id: 'https://uni.example/status/1', issuer: key.controller, purpose: 'revocation' });
 * const { state: next, entry } = allocateStatusIndex(state);
 * ```
 */
export function createStatusList(options: CreateStatusListOptions): StatusListState {
  if (!options || typeof options !== 'object') throw new InvalidInputError('createStatusList needs { id, issuer, purpose }');
  const { id, issuer, purpose } = options;
  const length = options.length ?? MIN_STATUS_LIST_LENGTH;
  const order = options.order ?? 'random';
  if (typeof id !== 'string' || !/^[a-z][a-z0-9+.-]*:\S+$/i.test(id)) throw new InvalidInputError('id must be the URL of the status list credential');
  if (id.includes('#')) throw new InvalidInputError('id must not contain a fragment (#): entries use `${id}#${index}`');
  if (typeof issuer !== 'string' || !/^[a-z][a-z0-9+.-]*:\S+$/i.test(issuer)) throw new InvalidInputError('issuer must be a DID or URL');
  if (purpose !== 'revocation' && purpose !== 'suspension') {
    throw new InvalidInputError(`purpose must be "revocation" or "suspension" (got ${JSON.stringify(purpose)})`);
  }
  if (!Number.isSafeInteger(length) || length < MIN_STATUS_LIST_LENGTH || length % 8 !== 0 || length > STATUS_LIST_LIMITS.maxDecodedBytes * 8) {
    throw new InvalidInputError(
      `length must be a multiple of 8 from ${MIN_STATUS_LIST_LENGTH} (the spec minimum, for herd privacy) to ${STATUS_LIST_LIMITS.maxDecodedBytes * 8}; got ${length}`,
      { code: 'ERR_STATUS_LIST_LENGTH' },
    );
  }
  if (order !== 'random' && order !== 'sequential') throw new InvalidInputError('order must be "random" or "sequential"');
  return {
    format: 'credstack-status-list/v1',
    id,
    issuer,
    purpose,
    length,
    encodedList: encodeBitstring(new Uint8Array(length / 8)),
    allocation: { order, key: randomBytes(32).toString('hex'), next: 0 },
    revision: 0,
  };
}

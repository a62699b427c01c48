// @ts-nocheck
import { InvalidInputError, StatusListError } from '../errors.js';
import { assertState, permutationOf } from './state.js';
import type { BitstringStatusListEntry, StatusListState } from './types.js';

/**
 * What {@link allocateStatusIndex} returns.
 * @example
 * ```ts
 * const { state, index, entry }: AllocatedStatus = allocateStatusIndex(state0);
 * ```
 */
export interface AllocatedStatus {
  /** The new state (allocation.next + 1, revision + 1): store it **before** issuing the credential. */
  state: StatusListState;
  /** The allocated index. */
  index: number;
  /** The `credentialStatus` object to put in the credential. */
  entry: BitstringStatusListEntry;
}

/**
 * Allocate the next free index of a list and build the credential's `credentialStatus` entry. Pure: returns a new state.
 * Never hands out the same index twice as long as you always continue from the latest stored state; across processes
 * use {@link FileStatusListStore} (or your database's transaction) so that two allocations cannot start from the same state.
 *
 * Throws {@link StatusListError} `ERR_STATUS_LIST_FULL` when every index is taken (start a new list).
 * @example
 * ```ts
 * const { state: next, entry } = allocateStatusIndex(state);
 * await save(next);                                    // persist first
 * const signed = await issueCredential({ ...badge, credentialStatus: entry }, { key });
 * ```
 */
export function allocateStatusIndex(state: StatusListState): AllocatedStatus {
  const s = assertState(state);
  const n = s.allocation.next;
  if (n >= s.length) {
    throw new StatusListError('ERR_STATUS_LIST_FULL', `status list ${s.id} is full (${s.length} indexes allocated): create a new list`);
  }
  const index = permutationOf(s).permute(n);
  const entry: BitstringStatusListEntry = {
    id: `${s.id}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: s.purpose,
    statusListIndex: String(index),
    statusListCredential: s.id,
  };
  return { state: { ...s, allocation: { ...s.allocation, next: n + 1 }, revision: s.revision + 1 }, index, entry };
}

/**
 * What {@link allocateStatusIndices} returns.
 * @example
 * ```ts
 * const { state, indices, entries }: AllocatedStatusBlock = allocateStatusIndices(state0, 64);
 * ```
 */
export interface AllocatedStatusBlock {
  /** The new state (allocation.next + indices.length, revision + 1): store it **before** issuing any credential. */
  state: StatusListState;
  /** The allocated indexes, in allocation order. */
  indices: number[];
  /** One `credentialStatus` entry per index. */
  entries: BitstringStatusListEntry[];
}

/**
 * Reserve up to `count` consecutive allocation slots of a list in one step (fewer when the list has fewer left), so a
 * batch pays one store round trip per block instead of one per credential. Pure: returns a new state. Indexes reserved
 * but never put into a credential are simply never used (nothing is handed out twice, nothing reused).
 *
 * Throws {@link StatusListError} `ERR_STATUS_LIST_FULL` when no index is left, `ERR_INVALID_INPUT` for a count that is
 * not a positive integer.
 * @example
 * ```ts
 * const { state: next, entries } = allocateStatusIndices(state, 64);
 * await save(next);                                    // persist first
 * for (const entry of entries) await issue({ ...badge, credentialStatus: entry });
 * ```
 */
export function allocateStatusIndices(state: StatusListState, count: number): AllocatedStatusBlock {
  if (!Number.isSafeInteger(count) || count < 1) throw new InvalidInputError('count must be a positive integer');
  const s = assertState(state);
  const n = s.allocation.next;
  if (n >= s.length) {
    throw new StatusListError('ERR_STATUS_LIST_FULL', `status list ${s.id} is full (${s.length} indexes allocated): create a new list`);
  }
  const take = Math.min(count, s.length - n);
  const perm = permutationOf(s);
  const indices: number[] = [];
  const entries: BitstringStatusListEntry[] = [];
  for (let i = 0; i < take; i++) {
    const index = perm.permute(n + i);
    indices.push(index);
    entries.push({ id: `${s.id}#${index}`, type: 'BitstringStatusListEntry', statusPurpose: s.purpose, statusListIndex: String(index), statusListCredential: s.id });
  }
  return { state: { ...s, allocation: { ...s.allocation, next: n + take }, revision: s.revision + 1 }, indices, entries };
}

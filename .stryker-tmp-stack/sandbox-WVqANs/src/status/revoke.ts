// @ts-nocheck
import { setStatus, type SetStatusOptions } from './set-status.js';
import type { StatusListState } from './types.js';

/**
 * Revoke one or more credentials: set their bits in a `revocation` list. Returns a new state (sign and publish it with
 * {@link signStatusList}). Revocation is permanent.
 *
 * Throws {@link StatusListError}: `ERR_STATUS_PURPOSE_MISMATCH` on a suspension list, `ERR_STATUS_INDEX_OUT_OF_RANGE`,
 * `ERR_STATUS_INDEX_NOT_ALLOCATED` for an index never handed out (unless `force`).
 * @example
 * ```ts
 * state = revoke(state, 94567);
 * const list = await signStatusList(state, { key });
 * ```
 */
export function revoke(state: StatusListState, index: number | number[], options?: SetStatusOptions): StatusListState {
  return setStatus(state, index, true, 'revoke', options);
}

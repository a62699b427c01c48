// @ts-nocheck
import { setStatus, type SetStatusOptions } from './set-status.js';
import type { StatusListState } from './types.js';

/**
 * Lift a suspension: clear the bits of one or more credentials in a `suspension` list. Returns a new state.
 * On a `revocation` list this throws {@link StatusListError} `ERR_STATUS_REVOCATION_PERMANENT` unless `force: true`
 * (to undo a mistaken revocation).
 * @example
 * ```ts
 * state = reinstate(state, 1234);
 * ```
 */
export function reinstate(state: StatusListState, index: number | number[], options?: SetStatusOptions): StatusListState {
  return setStatus(state, index, false, 'reinstate', options);
}

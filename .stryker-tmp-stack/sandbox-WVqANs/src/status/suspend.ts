// @ts-nocheck
import { setStatus, type SetStatusOptions } from './set-status.js';
import type { StatusListState } from './types.js';

/**
 * Suspend one or more credentials: set their bits in a `suspension` list (undo with {@link reinstate}).
 * Returns a new state. Throws {@link StatusListError} `ERR_STATUS_PURPOSE_MISMATCH` on a revocation list.
 * @example
 * ```ts
 * state = suspend(state, 1234);
 * ```
 */
export function suspend(state: StatusListState, index: number | number[], options?: SetStatusOptions): StatusListState {
  return setStatus(state, index, true, 'suspend', options);
}

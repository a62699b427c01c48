// @ts-nocheck
import { getBit } from './bits.js';
import { assertIndex, assertState, readBits } from './state.js';
import type { StatusListState } from './types.js';

/**
 * Is the bit of `index` set: revoked (revocation list) or suspended (suspension list)?
 * Throws {@link StatusListError} `ERR_STATUS_INDEX_OUT_OF_RANGE` outside the list.
 * @example
 * ```ts
 * getStatus(revoke(state, 7, { force: true }), 7); // true
 * ```
 */
export function getStatus(state: StatusListState, index: number): boolean {
  const s = assertState(state);
  return getBit(readBits(s), assertIndex(s, index));
}

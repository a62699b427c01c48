/** @internal Shared implementation of revoke / suspend / reinstate. */
// @ts-nocheck

import { InvalidInputError, StatusListError } from '../errors.js';
import { setBit } from './bits.js';
import { assertIndex, assertState, isAllocated, readBits, withBits } from './state.js';
import type { StatusListState } from './types.js';

/**
 * Options of {@link revoke}, {@link suspend} and {@link reinstate}.
 * @example
 * ```ts
 * const opts: SetStatusOptions = { force: true }; // e.g. undo a revocation made by mistake
 * ```
 */
export interface SetStatusOptions {
  /**
   * Allow what is normally refused: changing an index that was never allocated, and reinstating a revoked credential
   * (revocation is permanent by the spec; only undo a mistake, and before verifiers cache the list).
   */
  force?: boolean;
}

/** @internal */
export function setStatus(
  state: StatusListState,
  indexes: number | number[],
  value: boolean,
  verb: 'revoke' | 'suspend' | 'reinstate',
  options: SetStatusOptions = {},
): StatusListState {
  const s = assertState(state);
  if (options !== undefined && (typeof options !== 'object' || options === null)) throw new InvalidInputError('options must be an object');
  const force = options.force === true;
  if (verb === 'revoke' && s.purpose !== 'revocation') {
    throw new StatusListError('ERR_STATUS_PURPOSE_MISMATCH', `cannot revoke on ${s.id}: it is a ${s.purpose} list (use suspend, or a revocation list)`);
  }
  if (verb === 'suspend' && s.purpose !== 'suspension') {
    throw new StatusListError('ERR_STATUS_PURPOSE_MISMATCH', `cannot suspend on ${s.id}: it is a ${s.purpose} list (use revoke, or a suspension list)`);
  }
  if (verb === 'reinstate' && s.purpose === 'revocation' && !force) {
    throw new StatusListError(
      'ERR_STATUS_REVOCATION_PERMANENT',
      `revocation is permanent (W3C Bitstring Status List): ${s.id} is a revocation list. Pass { force: true } only to undo a mistake.`,
    );
  }
  const list = Array.isArray(indexes) ? indexes : [indexes];
  const checked = list.map((i) => assertIndex(s, i));
  if (!force) {
    const unallocated = checked.filter((i) => !isAllocated(s, i));
    if (unallocated.length) {
      throw new StatusListError(
        'ERR_STATUS_INDEX_NOT_ALLOCATED',
        `index ${unallocated.slice(0, 5).join(', ')} of ${s.id} was never allocated (typo?); pass { force: true } to change it anyway`,
        { details: { indexes: unallocated.slice(0, 100) } },
      );
    }
  }
  const bits = readBits(s);
  for (const i of checked) setBit(bits, i, value);
  return withBits(s, bits);
}

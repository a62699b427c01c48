/** @internal Helpers shared by the issuer-side functions: state validation, the allocation permutation, bits I/O. */
// @ts-nocheck

import { createHmac } from 'node:crypto';
import { InvalidInputError, StatusListError } from '../errors.js';
import { decodeBitstring } from './decode.js';
import { encodeBitstring } from './encode.js';
import { MIN_STATUS_LIST_LENGTH, STATUS_LIST_LIMITS, type StatusListState } from './types.js';

/** @internal Validate a state read back from storage (never trust it blindly). Returns it typed. */
export function assertState(state: unknown): StatusListState {
  const bad = (what: string): never => {
    throw new StatusListError('ERR_STATUS_STATE_INVALID', `not a status list state: ${what}`);
  };
  if (!state || typeof state !== 'object' || Array.isArray(state)) bad('expected an object');
  const s = state as Record<string, any>;
  if (s.format !== 'credstack-status-list/v1') bad(`format must be "credstack-status-list/v1" (got ${JSON.stringify(s.format)})`);
  if (typeof s.id !== 'string' || !/^[a-z][a-z0-9+.-]*:\S+$/i.test(s.id)) bad('id must be a URL');
  if (typeof s.issuer !== 'string' || !/^[a-z][a-z0-9+.-]*:\S+$/i.test(s.issuer)) bad('issuer must be a DID or URL');
  if (s.purpose !== 'revocation' && s.purpose !== 'suspension') bad('purpose must be "revocation" or "suspension"');
  if (!Number.isSafeInteger(s.length) || s.length < MIN_STATUS_LIST_LENGTH || s.length % 8 !== 0 || s.length > STATUS_LIST_LIMITS.maxDecodedBytes * 8) {
    bad(`length must be a multiple of 8 between ${MIN_STATUS_LIST_LENGTH} and ${STATUS_LIST_LIMITS.maxDecodedBytes * 8}`);
  }
  if (typeof s.encodedList !== 'string') bad('encodedList must be a string');
  const a = s.allocation;
  if (!a || typeof a !== 'object') bad('allocation missing');
  if (a.order !== 'random' && a.order !== 'sequential') bad('allocation.order must be "random" or "sequential"');
  if (typeof a.key !== 'string' || !/^[0-9a-f]{64}$/.test(a.key)) bad('allocation.key must be 64 hex digits');
  if (!Number.isSafeInteger(a.next) || a.next < 0 || a.next > s.length) bad('allocation.next must be an integer in [0, length]');
  if (!Number.isSafeInteger(s.revision) || s.revision < 0) bad('revision must be a non-negative integer');
  return s as StatusListState;
}

/** @internal The list's bits (exactly length/8 bytes: a longer or shorter stored list is refused). */
export function readBits(state: StatusListState): Uint8Array {
  const bytes = state.length / 8;
  const bits = decodeBitstring(state.encodedList, { maxBytes: bytes });
  if (bits.length !== bytes) {
    throw new StatusListError('ERR_STATUS_STATE_INVALID', `encodedList holds ${bits.length * 8} bits, the state says ${state.length}`);
  }
  // decodeBitstring may return a view into a pooled Buffer: copy so that callers can mutate safely
  return new Uint8Array(bits);
}

/** @internal A new state with these bits, revision + 1. */
export function withBits(state: StatusListState, bits: Uint8Array): StatusListState {
  return { ...state, allocation: { ...state.allocation }, encodedList: encodeBitstring(bits), revision: state.revision + 1 };
}

/** @internal Check an index argument against the list. */
export function assertIndex(state: StatusListState, index: unknown): number {
  const i = typeof index === 'string' && /^\d{1,15}$/.test(index) ? Number(index) : index;
  if (typeof i !== 'number' || !Number.isSafeInteger(i) || i < 0 || i >= state.length) {
    throw new StatusListError('ERR_STATUS_INDEX_OUT_OF_RANGE', `index ${String(index)} is outside the list (0 … ${state.length - 1})`, {
      details: { index, length: state.length },
    });
  }
  return i;
}

/**
 * @internal Keyed pseudo-random permutation of [0, length): a 4-round balanced Feistel network over 2h bits
 * (2^(2h) ≥ length) with HMAC-SHA-256 as round function, restricted to [0, length) by cycle walking.
 * Bijective, so `permute(0..next-1)` never repeats; `unpermute` inverts it.
 */
export class IndexPermutation {
  private readonly h: number;
  private readonly mask: number;
  private readonly key: Buffer;
  /** Round-function values, computed lazily: 4 rounds × 2^h inputs (at most 4 × 16,384). -1 = not yet computed. */
  private readonly table: Int32Array;
  constructor(readonly length: number, keyHex: string, readonly order: 'random' | 'sequential') {
    const bits = Math.max(2, Math.ceil(Math.log2(length)));
    this.h = Math.ceil(bits / 2);
    this.mask = 2 ** this.h - 1;
    this.key = Buffer.from(keyHex, 'hex');
    this.table = new Int32Array(order === 'random' ? 4 * 2 ** this.h : 0).fill(-1);
  }
  private f(round: number, r: number): number {
    const slot = round * 2 ** this.h + r;
    let v = this.table[slot]!;
    if (v < 0) {
      const msg = Buffer.alloc(5);
      msg[0] = round;
      msg.writeUInt32BE(r, 1);
      v = createHmac('sha256', this.key).update(msg).digest().readUInt32BE(0) & this.mask;
      this.table[slot] = v;
    }
    return v;
  }
  private enc(x: number): number {
    let l = Math.floor(x / 2 ** this.h);
    let r = x & this.mask;
    for (let i = 0; i < 4; i++) [l, r] = [r, l ^ this.f(i, r)];
    return l * 2 ** this.h + r;
  }
  private dec(y: number): number {
    let l = Math.floor(y / 2 ** this.h);
    let r = y & this.mask;
    for (let i = 3; i >= 0; i--) [l, r] = [r ^ this.f(i, l), l];
    return l * 2 ** this.h + r;
  }
  permute(n: number): number {
    if (this.order === 'sequential') return n;
    let x = this.enc(n);
    while (x >= this.length) x = this.enc(x);
    return x;
  }
  unpermute(index: number): number {
    if (this.order === 'sequential') return index;
    let x = this.dec(index);
    while (x >= this.length) x = this.dec(x);
    return x;
  }
}

const permutations = new Map<string, IndexPermutation>();

/** @internal The (cached) permutation of a state: its round-function table is reused across calls. */
export function permutationOf(state: StatusListState): IndexPermutation {
  const k = `${state.allocation.order}:${state.length}:${state.allocation.key}`;
  let p = permutations.get(k);
  if (!p) {
    p = new IndexPermutation(state.length, state.allocation.key, state.allocation.order);
    if (permutations.size >= 32) permutations.delete(permutations.keys().next().value!);
    permutations.set(k, p);
  }
  return p;
}

/** @internal Was `index` handed out by allocation already? */
export function isAllocated(state: StatusListState, index: number): boolean {
  return permutationOf(state).unpermute(index) < state.allocation.next;
}

/** @internal Options shared by revoke / suspend / reinstate. */
export function assertNotOptions(v: unknown): void {
  if (v !== undefined && (typeof v !== 'object' || v === null)) throw new InvalidInputError('options must be an object');
}

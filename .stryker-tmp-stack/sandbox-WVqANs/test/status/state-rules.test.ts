// @ts-nocheck
// Issue 21 (mutation area `status-state`): the issuer-side state of a status list (src/status/state.ts) and index
// allocation (src/status/allocate.ts), on hand-made states: validation of a stored state, the bits it holds, index
// arguments, and the keyed permutation that hands out indexes in a random-looking order that never repeats
// (Bitstring Status List v1.0 §6.1 herd privacy: "issuers SHOULD assign indexes randomly"). The reference permutation
// below is written from the documented construction (4-round balanced Feistel network over 2h bits, round function
// HMAC-SHA-256(key, round ‖ uint32be(r)) truncated to h bits, cycle walking into [0, length)) with node:crypto.
import { createHmac } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { allocateStatusIndex, allocateStatusIndices } from '../../src/status/allocate.js';
import { assertIndex, assertNotOptions, assertState, IndexPermutation, isAllocated, permutationOf, readBits, withBits } from '../../src/status/state.js';
import type { StatusListState } from '../../src/status/types.js';

const LIST = 'https://uni.example/status/1';
const KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
const LEN = 131_072;
const enc = (bytes: Uint8Array) => `u${gzipSync(bytes).toString('base64url')}`;
const dec = (encoded: string) => new Uint8Array(gunzipSync(Buffer.from(encoded.slice(1), 'base64url')));
const ZEROS = enc(new Uint8Array(LEN / 8));
const state = (p: Record<string, unknown> = {}, a: Record<string, unknown> = {}): StatusListState =>
  ({
    format: 'credstack-status-list/v1', id: LIST, issuer: 'did:web:uni.example', purpose: 'revocation', length: LEN, encodedList: ZEROS,
    allocation: { order: 'sequential', key: KEY, next: 0, ...a }, revision: 0, ...p,
  }) as StatusListState;

function thrown(f: () => unknown): { name?: string; code?: string; message?: string; details?: unknown } {
  try {
    f();
  } catch (e) {
    return e as { name?: string; code?: string; message?: string; details?: unknown };
  }
  throw new Error('expected a throw');
}

/** The documented permutation, independently: Feistel (4 rounds, HMAC-SHA-256) + cycle walking. */
function reference(length: number, keyHex: string) {
  const bits = Math.max(2, Math.ceil(Math.log2(length)));
  const h = Math.ceil(bits / 2);
  const half = 2 ** h;
  const f = (round: number, r: number) => {
    const msg = Buffer.alloc(5);
    msg[0] = round;
    msg.writeUInt32BE(r, 1);
    return createHmac('sha256', Buffer.from(keyHex, 'hex')).update(msg).digest().readUInt32BE(0) % half;
  };
  const e = (x: number) => {
    let l = Math.floor(x / half);
    let r = x % half;
    for (let i = 0; i < 4; i++) [l, r] = [r, l ^ f(i, r)];
    return l * half + r;
  };
  return (n: number) => {
    let x = e(n);
    while (x >= length) x = e(x);
    return x;
  };
}

describe('assertState: a stored state is never trusted blindly', () => {
  const bad = (what: string) => ({ name: 'StatusListError', code: 'ERR_STATUS_STATE_INVALID', message: `not a status list state: ${what}` });
  const check = (s: unknown) => {
    const e = thrown(() => assertState(s));
    return { name: e.name, code: e.code, message: e.message };
  };

  it('a valid state is returned as is', () => {
    const s = state();
    expect(assertState(s)).toBe(s);
    expect(assertState(state({ purpose: 'suspension', issuer: 'https://uni.example', length: 134_217_728, revision: 7 }, { order: 'random', next: 134_217_728 }))).toMatchObject({ revision: 7 });
  });

  it('an object, of this format', () => {
    for (const s of [null, undefined, 'x', 5, []]) expect(check(s), String(s)).toEqual(bad('expected an object'));
    expect(check(state({ format: 'credstack-status-list/v2' }))).toEqual(bad('format must be "credstack-status-list/v1" (got "credstack-status-list/v2")'));
    expect(check(state({ format: undefined }))).toEqual(bad('format must be "credstack-status-list/v1" (got undefined)'));
  });

  it('id a URL, issuer a DID or URL, purpose revocation or suspension', () => {
    // only a string, the whole of it: an array holding a URL, leading or trailing junk are refused
    for (const id of [undefined, 'uni.example/status', 'https:', 'https://a b', 5, [LIST], ` ${LIST}`, `1${LIST}`]) expect(check(state({ id })), String(id)).toEqual(bad('id must be a URL'));
    for (const issuer of [undefined, 'uni', 'did:', { id: 'did:web:x' }, ['did:web:x'], ' did:web:x', '-did:web:x', 'did:web:a b']) expect(check(state({ issuer })), String(issuer)).toEqual(bad('issuer must be a DID or URL'));
    for (const purpose of ['refresh', 'message', undefined, 'Revocation']) expect(check(state({ purpose })), String(purpose)).toEqual(bad('purpose must be "revocation" or "suspension"'));
  });

  it('length: a multiple of 8 between 131,072 (§6.1 minimum) and 16 MiB of bits', () => {
    const m = bad('length must be a multiple of 8 between 131072 and 134217728');
    for (const length of [LEN - 8, LEN + 4, 134_217_728 + 8, 1.5, '131072', Number.NaN]) expect(check(state({ length })), String(length)).toEqual(m);
    expect(assertState(state({ length: LEN + 8 }))).toMatchObject({ length: LEN + 8 });
  });

  it('encodedList a string; allocation an object with an order, a 64-hex-digit key and next in [0, length]; revision ≥ 0', () => {
    expect(check(state({ encodedList: 5 }))).toEqual(bad('encodedList must be a string'));
    for (const allocation of [undefined, null, 'x']) expect(check(state({ allocation })), String(allocation)).toEqual(bad('allocation missing'));
    expect(check(state({}, { order: 'shuffled' }))).toEqual(bad('allocation.order must be "random" or "sequential"'));
    for (const key of [KEY.toUpperCase(), KEY.slice(1), `${KEY}0`, 5, `${KEY.slice(0, 63)}g`, [KEY]]) expect(check(state({}, { key })), String(key)).toEqual(bad('allocation.key must be 64 hex digits'));
    for (const next of [-1, LEN + 1, 0.5, '0']) expect(check(state({}, { next })), String(next)).toEqual(bad('allocation.next must be an integer in [0, length]'));
    for (const revision of [-1, 0.5, '0', undefined]) expect(check(state({ revision })), String(revision)).toEqual(bad('revision must be a non-negative integer'));
  });
});

describe('the bits of a state', () => {
  it('readBits: exactly length/8 bytes, as a copy', () => {
    const b = new Uint8Array(LEN / 8);
    b[3] = 0x81;
    const bits = readBits(state({ encodedList: enc(b) }));
    expect(bits).toEqual(b);
    // shorter: refused with both sizes; longer: refused by the decoder's bound
    expect(thrown(() => readBits(state({ encodedList: enc(new Uint8Array(LEN / 8 - 1)) })))).toMatchObject({ code: 'ERR_STATUS_STATE_INVALID', message: `encodedList holds ${LEN - 8} bits, the state says ${LEN}` });
    expect(thrown(() => readBits(state({ encodedList: enc(new Uint8Array(LEN / 8 + 1)) })))).toMatchObject({ code: 'ERR_STATUS_LIST_TOO_LARGE' });
  });

  it('withBits: the new bits encoded, revision + 1, a new allocation object; the old state unchanged', () => {
    const s = state({ revision: 4 }, { next: 3 });
    const b = new Uint8Array(LEN / 8);
    b[0] = 0x80;
    const t = withBits(s, b);
    expect(dec(t.encodedList)).toEqual(b);
    expect(t.encodedList.startsWith('u')).toBe(true);
    expect({ ...t, encodedList: 'x' }).toEqual({ ...s, encodedList: 'x', revision: 5 });
    expect(t.allocation).not.toBe(s.allocation);
    expect(s.revision).toBe(4);
    expect(s.encodedList).toBe(ZEROS);
  });
});

describe('assertIndex', () => {
  const s = state();
  it('a number or a string of at most 15 digits, in [0, length)', () => {
    expect(assertIndex(s, 0)).toBe(0);
    expect(assertIndex(s, LEN - 1)).toBe(LEN - 1);
    expect(assertIndex(s, '42')).toBe(42);
    expect(assertIndex(s, '007')).toBe(7);
  });

  it('anything else is ERR_STATUS_INDEX_OUT_OF_RANGE naming the index and the range', () => {
    for (const index of [-1, LEN, 1.5, Number.NaN, '-1', '1e3', ' 1', '', '1'.repeat(16), null, [1]]) {
      const e = thrown(() => assertIndex(s, index));
      expect(e, String(index)).toMatchObject({ name: 'StatusListError', code: 'ERR_STATUS_INDEX_OUT_OF_RANGE', message: `index ${String(index)} is outside the list (0 … ${LEN - 1})`, details: { index, length: LEN } });
    }
    // 15 digits is a number (then out of this list's range), not refused as text
    expect(thrown(() => assertIndex(s, '1'.repeat(15))).message).toBe(`index ${'1'.repeat(15)} is outside the list (0 … ${LEN - 1})`);
  });
});

describe('assertNotOptions', () => {
  it('undefined or an object; anything else is ERR_INVALID_INPUT', () => {
    expect(assertNotOptions(undefined)).toBe(undefined);
    expect(assertNotOptions({})).toBe(undefined);
    for (const v of [null, 5, 'x', true]) expect(thrown(() => assertNotOptions(v)), String(v)).toMatchObject({ name: 'InvalidInputError', code: 'ERR_INVALID_INPUT', message: 'options must be an object' });
  });
});

describe('IndexPermutation', () => {
  it('sequential: the identity, both ways', () => {
    const p = new IndexPermutation(LEN, KEY, 'sequential');
    for (const n of [0, 1, 77, LEN - 1]) {
      expect(p.permute(n)).toBe(n);
      expect(p.unpermute(n)).toBe(n);
    }
  });

  it('random: the documented Feistel permutation (checked against an independent reference)', () => {
    for (const length of [LEN, 1000, 1 << 20]) {
      const p = new IndexPermutation(length, KEY, 'random');
      const ref = reference(length, KEY);
      for (const n of [0, 1, 2, 3, 500, 999]) expect(p.permute(n), `${length}:${n}`).toBe(ref(n));
    }
    const other = '11'.repeat(32);
    const p = new IndexPermutation(LEN, other, 'random');
    const ref = reference(LEN, other);
    for (const n of [0, 9, 131_071]) expect(p.permute(n)).toBe(ref(n));
  });

  it('random: a bijection of [0, length) that unpermute inverts (small lengths too)', () => {
    for (const length of [1, 2, 3, 5, 64, 1000]) {
      const p = new IndexPermutation(length, KEY, 'random');
      const ref = reference(length, KEY);
      const out = Array.from({ length }, (_, n) => p.permute(n));
      expect(new Set(out).size, String(length)).toBe(length);
      expect(out.every((x) => Number.isInteger(x) && x >= 0 && x < length)).toBe(true);
      expect(out).toEqual(Array.from({ length }, (_, n) => ref(n)));
      for (let n = 0; n < length; n++) expect(p.unpermute(out[n]!)).toBe(n);
    }
    // not the identity: the order reveals nothing about issuance
    const p = new IndexPermutation(1000, KEY, 'random');
    expect(Array.from({ length: 20 }, (_, n) => p.permute(n)).filter((x, n) => x === n).length).toBeLessThan(3);
  });

  it('the same value on a second call (the round-function table is only a cache)', () => {
    const p = new IndexPermutation(1000, KEY, 'random');
    const first = Array.from({ length: 50 }, (_, n) => p.permute(n));
    expect(Array.from({ length: 50 }, (_, n) => p.permute(n))).toEqual(first);
    expect(first.map((x) => p.unpermute(x))).toEqual(Array.from({ length: 50 }, (_, n) => n));
  });
});

describe('permutationOf and isAllocated', () => {
  const small = (key: string, order = 'random', length = 1000) => ({ length, allocation: { order, key, next: 0 } }) as unknown as StatusListState;
  const key = (i: number) => i.toString(16).padStart(64, 'a');

  it('one permutation per order, length and key, cached', () => {
    const s = small(key(1));
    expect(permutationOf(s)).toBe(permutationOf(small(key(1))));
    expect(permutationOf(s)).not.toBe(permutationOf(small(key(2))));
    expect(permutationOf(s)).not.toBe(permutationOf(small(key(1), 'sequential')));
    expect(permutationOf(s)).not.toBe(permutationOf(small(key(1), 'random', 2000)));
    expect(permutationOf(small(key(1), 'random', 2000)).length).toBe(2000);
    expect(permutationOf(small(key(1), 'sequential')).order).toBe('sequential');
    expect(permutationOf(s).permute(5)).toBe(reference(1000, key(1))(5));
  });

  it('the cache keeps the 32 most recent permutations', () => {
    for (let i = 0; i < 32; i++) permutationOf(small(key(100 + i))); // only these are cached now
    const s = small(key(1000));
    const p = permutationOf(s);
    for (let i = 0; i < 31; i++) permutationOf(small(key(200 + i)));
    expect(permutationOf(s)).toBe(p);
    permutationOf(small(key(300)));
    expect(permutationOf(s)).not.toBe(p);
  });

  it('isAllocated: the index was handed out by one of the first `next` allocations', () => {
    const ref = reference(LEN, KEY);
    const s = state({}, { order: 'random', next: 2 });
    expect(isAllocated(s, ref(0))).toBe(true);
    expect(isAllocated(s, ref(1))).toBe(true);
    expect(isAllocated(s, ref(2))).toBe(false);
    expect(isAllocated(state({}, { next: 5 }), 4)).toBe(true);
    expect(isAllocated(state({}, { next: 5 }), 5)).toBe(false);
  });
});

describe('allocateStatusIndex', () => {
  it('sequential: index = next; the entry of §2.1; next and revision + 1; the old state unchanged', () => {
    const s = state({ revision: 2 }, { next: 41 });
    const r = allocateStatusIndex(s);
    expect(r.index).toBe(41);
    expect(r.entry).toEqual({ id: `${LIST}#41`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '41', statusListCredential: LIST });
    expect(r.state).toEqual({ ...s, allocation: { ...s.allocation, next: 42 }, revision: 3 });
    expect(s.allocation.next).toBe(41);
    expect(allocateStatusIndex(state({ purpose: 'suspension' })).entry.statusPurpose).toBe('suspension');
  });

  it('random: the permutation of next', () => {
    const ref = reference(LEN, KEY);
    const r = allocateStatusIndex(state({}, { order: 'random', next: 7 }));
    expect(r.index).toBe(ref(7));
    expect(r.entry).toMatchObject({ id: `${LIST}#${ref(7)}`, statusListIndex: String(ref(7)) });
  });

  it('a full list: ERR_STATUS_LIST_FULL; the last index is still handed out', () => {
    expect(allocateStatusIndex(state({}, { next: LEN - 1 })).index).toBe(LEN - 1);
    expect(thrown(() => allocateStatusIndex(state({}, { next: LEN })))).toMatchObject({ name: 'StatusListError', code: 'ERR_STATUS_LIST_FULL', message: `status list ${LIST} is full (${LEN} indexes allocated): create a new list` });
    expect(thrown(() => allocateStatusIndex({} as StatusListState))).toMatchObject({ code: 'ERR_STATUS_STATE_INVALID' });
  });
});

describe('allocateStatusIndices', () => {
  it('count consecutive slots, in allocation order, one revision', () => {
    const s = state({ revision: 1 }, { next: 10 });
    const r = allocateStatusIndices(s, 3);
    expect(r.indices).toEqual([10, 11, 12]);
    expect(r.entries).toEqual([10, 11, 12].map((i) => ({ id: `${LIST}#${i}`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: String(i), statusListCredential: LIST })));
    expect(r.state).toEqual({ ...s, allocation: { ...s.allocation, next: 13 }, revision: 2 });
    expect(s.allocation.next).toBe(10);
    const ref = reference(LEN, KEY);
    expect(allocateStatusIndices(state({}, { order: 'random', next: 4 }), 2).indices).toEqual([ref(4), ref(5)]);
  });

  it('fewer when fewer are left; none left: ERR_STATUS_LIST_FULL', () => {
    const r = allocateStatusIndices(state({}, { next: LEN - 2 }), 5);
    expect(r.indices).toEqual([LEN - 2, LEN - 1]);
    expect(r.state.allocation.next).toBe(LEN);
    expect(allocateStatusIndices(state({}, { next: LEN - 2 }), 2).indices).toEqual([LEN - 2, LEN - 1]);
    expect(thrown(() => allocateStatusIndices(state({}, { next: LEN }), 1))).toMatchObject({ code: 'ERR_STATUS_LIST_FULL', message: `status list ${LIST} is full (${LEN} indexes allocated): create a new list` });
  });

  it('count must be a positive integer (checked first)', () => {
    for (const count of [0, -1, 1.5, Number.NaN, '2', 2 ** 53]) {
      expect(thrown(() => allocateStatusIndices({} as StatusListState, count as number)), String(count)).toMatchObject({ name: 'InvalidInputError', code: 'ERR_INVALID_INPUT', message: 'count must be a positive integer' });
    }
    expect(allocateStatusIndices(state(), 1).indices).toEqual([0]);
  });
});

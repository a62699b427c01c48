// @ts-nocheck
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CredstackError, InvalidInputError } from '../../src/errors.js';
import {
  allocateStatusIndex,
  createStatusList,
  decodeBitstring,
  getBit,
  getStatus,
  MIN_STATUS_LIST_LENGTH,
  reinstate,
  revoke,
  signStatusList,
  suspend,
  toStatusListCredential,
  type StatusListState,
} from '../../src/status/index.js';
import { IndexPermutation } from '../../src/status/state.js';
import { ISSUED, seededKey } from '../helpers.js';

const LIST = 'https://uni.example/status/1';
const ISSUER = 'did:example:uni';
const errCode = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(CredstackError);
    return (e as CredstackError).code;
  }
  return undefined;
};
function allocateN(state: StatusListState, n: number): { state: StatusListState; indexes: number[] } {
  const indexes: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = allocateStatusIndex(state);
    state = a.state;
    indexes.push(a.index);
  }
  return { state, indexes };
}

describe('createStatusList', () => {
  it('makes a plain-JSON state of 131,072 empty entries by default', () => {
    const s = createStatusList({ id: LIST, issuer: ISSUER, purpose: 'revocation' });
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    expect(s).toMatchObject({ format: 'credstack-status-list/v1', id: LIST, issuer: ISSUER, purpose: 'revocation', length: 131_072, revision: 0 });
    expect(s.allocation).toMatchObject({ order: 'random', next: 0 });
    const bits = decodeBitstring(s.encodedList);
    expect(bits.length).toBe(16_384);
    expect(bits.every((b) => b === 0)).toBe(true);
  });

  it('refuses lists shorter than the spec minimum, bad purposes and ids', () => {
    expect(errCode(() => createStatusList({ id: LIST, issuer: ISSUER, purpose: 'revocation', length: 100_000 }))).toBe('ERR_STATUS_LIST_LENGTH');
    expect(errCode(() => createStatusList({ id: LIST, issuer: ISSUER, purpose: 'revocation', length: MIN_STATUS_LIST_LENGTH + 1 }))).toBe('ERR_STATUS_LIST_LENGTH');
    expect(errCode(() => createStatusList({ id: LIST, issuer: ISSUER, purpose: 'refresh' as any }))).toBe('ERR_INVALID_INPUT');
    expect(errCode(() => createStatusList({ id: 'not a url', issuer: ISSUER, purpose: 'revocation' }))).toBe('ERR_INVALID_INPUT');
    expect(errCode(() => createStatusList({ id: `${LIST}#x`, issuer: ISSUER, purpose: 'revocation' }))).toBe('ERR_INVALID_INPUT');
    expect(createStatusList({ id: LIST, issuer: ISSUER, purpose: 'suspension', length: 262_144 }).length).toBe(262_144);
  });
});

describe('allocateStatusIndex', () => {
  it('returns a spec-shaped credentialStatus entry and a new state; the input is not modified', () => {
    const s0 = createStatusList({ id: LIST, issuer: ISSUER, purpose: 'suspension' });
    const copy = structuredClone(s0);
    const { state, index, entry } = allocateStatusIndex(s0);
    expect(s0).toEqual(copy);
    expect(entry).toEqual({
      id: `${LIST}#${index}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'suspension',
      statusListIndex: String(index),
      statusListCredential: LIST,
    });
    expect(state.allocation.next).toBe(1);
    expect(state.revision).toBe(1);
  });

  it('random order: indexes are distinct, spread over the list, and differ between lists', () => {
    const a = allocateN(createStatusList({ id: LIST, issuer: ISSUER, purpose: 'revocation' }), 2000).indexes;
    const b = allocateN(createStatusList({ id: LIST, issuer: ISSUER, purpose: 'revocation' }), 2000).indexes;
    expect(new Set(a).size).toBe(2000);
    expect(a.every((i) => i >= 0 && i < 131_072)).toBe(true);
    // not sequential: issuance order cannot be read from the index (herd privacy)
    expect(a.slice(0, 10)).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Math.max(...a)).toBeGreaterThan(100_000);
    expect(Math.min(...a)).toBeLessThan(30_000);
    expect(a).not.toEqual(b);
  });

  it('the permutation covers every index exactly once (full list of 131,072), and inverts', () => {
    const p = new IndexPermutation(131_072, 'ab'.repeat(32), 'random');
    const seen = new Uint8Array(131_072);
    let repeats = 0;
    for (let n = 0; n < 131_072; n++) {
      const i = p.permute(n);
      if (seen[i]) repeats++;
      seen[i] = 1;
    }
    expect(repeats).toBe(0);
    expect(seen.every((x) => x === 1)).toBe(true);
    expect([0, 1, 77, 131_071].map((n) => p.unpermute(p.permute(n)))).toEqual([0, 1, 77, 131_071]);
    // a length that is not a power of two (cycle walking)
    const q = new IndexPermutation(131_080, 'cd'.repeat(32), 'random');
    const all = Array.from({ length: 131_080 }, (_, n) => q.permute(n));
    expect(new Set(all).size).toBe(131_080);
    expect(all.reduce((m, x) => Math.max(m, x), 0)).toBe(131_079);
  });

  it('sequential order hands out 0, 1, 2, …', () => {
    const { indexes } = allocateN(createStatusList({ id: LIST, issuer: ISSUER, purpose: 'revocation', order: 'sequential' }), 5);
    expect(indexes).toEqual([0, 1, 2, 3, 4]);
  });

  it('continues from a reloaded (serialised) state without repeating', () => {
    const first = allocateN(createStatusList({ id: LIST, issuer: ISSUER, purpose: 'revocation' }), 300);
    const reloaded = JSON.parse(JSON.stringify(first.state));
    const second = allocateN(reloaded, 300);
    expect(new Set([...first.indexes, ...second.indexes]).size).toBe(600);
  });

  it('throws ERR_STATUS_LIST_FULL when every index is taken, and refuses a tampered state', () => {
    const s = createStatusList({ id: LIST, issuer: ISSUER, purpose: 'revocation' });
    const almost = { ...s, allocation: { ...s.allocation, next: s.length - 1 } };
    const last = allocateStatusIndex(almost);
    expect(errCode(() => allocateStatusIndex(last.state))).toBe('ERR_STATUS_LIST_FULL');
    expect(errCode(() => allocateStatusIndex({ ...s, allocation: { ...s.allocation, next: -1 } }))).toBe('ERR_STATUS_STATE_INVALID');
    expect(errCode(() => allocateStatusIndex({ ...s, format: 'other' } as any))).toBe('ERR_STATUS_STATE_INVALID');
    expect(errCode(() => allocateStatusIndex(null as any))).toBe('ERR_STATUS_STATE_INVALID');
  });
});

describe('revoke / suspend / reinstate / getStatus', () => {
  it('revoke sets exactly that bit; revocation is permanent unless forced', () => {
    const { state, indexes } = allocateN(createStatusList({ id: LIST, issuer: ISSUER, purpose: 'revocation' }), 3);
    const [a, b] = indexes as [number, number];
    const r = revoke(state, a);
    expect(getStatus(r, a)).toBe(true);
    expect(getStatus(r, b)).toBe(false);
    expect(getStatus(state, a)).toBe(false); // pure
    expect(r.revision).toBe(state.revision + 1);
    const bits = decodeBitstring(r.encodedList);
    expect(getBit(bits, a)).toBe(true);
    expect(bits.reduce((n, x) => n + x.toString(2).replace(/0/g, '').length, 0)).toBe(1);
    expect(errCode(() => reinstate(r, a))).toBe('ERR_STATUS_REVOCATION_PERMANENT');
    expect(getStatus(reinstate(r, a, { force: true }), a)).toBe(false);
    expect(errCode(() => suspend(r, a))).toBe('ERR_STATUS_PURPOSE_MISMATCH');
  });

  it('suspension lists suspend and reinstate; revoke is refused', () => {
    const { state, indexes } = allocateN(createStatusList({ id: LIST, issuer: ISSUER, purpose: 'suspension' }), 2);
    const i = indexes[0]!;
    const s = suspend(state, i);
    expect(getStatus(s, i)).toBe(true);
    expect(getStatus(reinstate(s, i), i)).toBe(false);
    expect(errCode(() => revoke(state, i))).toBe('ERR_STATUS_PURPOSE_MISMATCH');
  });

  it('refuses an index out of range or never allocated (unless forced); accepts several at once', () => {
    const { state, indexes } = allocateN(createStatusList({ id: LIST, issuer: ISSUER, purpose: 'revocation', order: 'sequential' }), 4);
    expect(errCode(() => revoke(state, 131_072))).toBe('ERR_STATUS_INDEX_OUT_OF_RANGE');
    expect(errCode(() => revoke(state, -1))).toBe('ERR_STATUS_INDEX_OUT_OF_RANGE');
    expect(errCode(() => getStatus(state, 2 ** 40))).toBe('ERR_STATUS_INDEX_OUT_OF_RANGE');
    expect(errCode(() => revoke(state, 99))).toBe('ERR_STATUS_INDEX_NOT_ALLOCATED');
    expect(getStatus(revoke(state, 99, { force: true }), 99)).toBe(true);
    const many = revoke(state, indexes);
    expect(indexes.every((i) => getStatus(many, i))).toBe(true);
  });

  it('property: after any sequence of revoke / suspend / reinstate, getStatus matches a model Set', () => {
    const base = createStatusList({ id: LIST, issuer: ISSUER, purpose: 'suspension' });
    const { state: allocated, indexes } = allocateN(base, 64);
    fc.assert(
      fc.property(
        fc.array(fc.record({ op: fc.constantFrom('suspend', 'reinstate'), at: fc.nat({ max: 63 }) }), { maxLength: 40 }),
        (ops) => {
          let s = allocated;
          const model = new Set<number>();
          for (const { op, at } of ops) {
            const i = indexes[at]!;
            if (op === 'suspend') {
              s = suspend(s, i);
              model.add(i);
            } else {
              s = reinstate(s, i);
              model.delete(i);
            }
          }
          for (const i of indexes) expect(getStatus(s, i)).toBe(model.has(i));
          const set = decodeBitstring(s.encodedList).reduce((n, x) => n + x.toString(2).replace(/0/g, '').length, 0);
          expect(set).toBe(model.size);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('property: revocation lists (with forced undo) match the model too', () => {
    const { state: allocated, indexes } = allocateN(createStatusList({ id: LIST, issuer: ISSUER, purpose: 'revocation' }), 32);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.nat({ max: 31 })), { maxLength: 30 }), (ops) => {
        let s = allocated;
        const model = new Set<number>();
        for (const [set, at] of ops) {
          const i = indexes[at]!;
          s = set ? revoke(s, i) : reinstate(s, i, { force: true });
          if (set) model.add(i);
          else model.delete(i);
        }
        for (const i of indexes) expect(getStatus(s, i)).toBe(model.has(i));
      }),
      { numRuns: 40 },
    );
  });
});

describe('signStatusList', () => {
  it('signs a BitstringStatusListCredential with the list state', async () => {
    const key = await seededKey(31);
    const state = revoke(...((): [StatusListState, number] => {
      const a = allocateStatusIndex(createStatusList({ id: LIST, issuer: key.controller, purpose: 'revocation' }));
      return [a.state, a.index];
    })());
    const list = await signStatusList(state, { key, now: ISSUED, validUntil: '2027-09-01T00:00:00Z', ttl: 86_400_000 });
    expect(list['@context']).toEqual(['https://www.w3.org/ns/credentials/v2']);
    expect(list).toMatchObject({
      id: LIST,
      type: ['VerifiableCredential', 'BitstringStatusListCredential'],
      issuer: key.controller,
      validFrom: ISSUED,
      validUntil: '2027-09-01T00:00:00Z',
      credentialSubject: { id: `${LIST}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: state.encodedList, ttl: 86_400_000 },
    });
    expect((list.proof as any).cryptosuite).toBe('eddsa-rdfc-2022');
    // no allocation secret leaks into the published list
    expect(JSON.stringify(list)).not.toContain(state.allocation.key);
  });

  it('refuses a key whose controller is not the list issuer, and bad dates', async () => {
    const key = await seededKey(32);
    const state = createStatusList({ id: LIST, issuer: 'did:example:someone-else', purpose: 'revocation' });
    await expect(signStatusList(state, { key, now: ISSUED })).rejects.toMatchObject({ code: 'ERR_ISSUER_MISMATCH' });
    const mine = createStatusList({ id: LIST, issuer: key.controller, purpose: 'revocation' });
    await expect(signStatusList(mine, { key, now: ISSUED, validUntil: '2020-01-01' })).rejects.toBeInstanceOf(InvalidInputError);
    expect(() => toStatusListCredential(mine, { validFrom: ISSUED, validUntil: '2026-01-01T00:00:00Z' })).toThrow(/after validFrom/);
  });
});

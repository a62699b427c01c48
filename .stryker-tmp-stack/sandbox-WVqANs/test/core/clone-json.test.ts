// @ts-nocheck
// cloneJson (src/util/json.ts): the copy issue and the schema check make of a credential — equal to structuredClone on
// every input, by a plain walk when the input is a JSON tree and by structuredClone itself otherwise.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloneJson } from '../../src/util/json.js';

const same = (v: unknown) => {
  const a = cloneJson(v);
  const b = structuredClone(v);
  expect(a).toStrictEqual(b);
  if (v && typeof v === 'object') expect(a).not.toBe(v);
  return a;
};

describe('cloneJson', () => {
  it('equals structuredClone on generated JSON (key order, -0, undefined, nulls kept)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const c = same(v);
        expect(JSON.stringify(c)).toBe(JSON.stringify(v));
        expect(Object.is(cloneJson(-0), -0)).toBe(true);
      }),
      { numRuns: 500, seed: 3 },
    );
    const o = { b: 1, a: [1, { x: undefined, y: null }], 2: 'two', 1: 'one', n: -0 };
    const c = same(o) as typeof o;
    expect(Object.keys(c)).toEqual(Object.keys(o));
    expect(Object.is(c.n, -0)).toBe(true);
    expect('x' in (c.a[1] as object)).toBe(true);
  });

  it('is a deep copy: changing it leaves the input alone', () => {
    const v = { a: { b: [1, 2, { c: 'd' }] } };
    const c = cloneJson(v);
    (c.a.b[2] as { c: string }).c = 'changed';
    c.a.b.push(3);
    expect(v).toEqual({ a: { b: [1, 2, { c: 'd' }] } });
  });

  it('leaves everything that is not a plain tree to structuredClone (same result, same errors)', () => {
    const shared = { s: 1 };
    const dag = { a: shared, b: shared };
    const c = same(dag) as typeof dag;
    expect(c.a).toBe(c.b); // sharing kept, as structuredClone keeps it
    const cyclic: Record<string, unknown> = { x: 1 };
    cyclic.self = cyclic;
    const cc = cloneJson(cyclic);
    expect(cc.self).toBe(cc);
    same({ d: new Date(0), m: new Map([[1, 2]]), u: new Uint8Array([1, 2]) });
    const sparse = [1, , 3]; // eslint-disable-line no-sparse-arrays
    same({ sparse });
    const decorated = Object.assign([1, 2], { extra: true });
    same({ decorated });
    same(JSON.parse('{"__proto__": {"polluted": true}, "a": 1}'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const nullProto = Object.assign(Object.create(null), { a: 1 });
    same({ nullProto });
    class K {
      k = 1;
    }
    same({ k: new K() });
    expect(() => cloneJson({ f: () => 1 })).toThrow(expect.objectContaining({ name: 'DataCloneError' }));
    expect(() => cloneJson({ s: Symbol('x') })).toThrow(expect.objectContaining({ name: 'DataCloneError' }));
    let deep: unknown = 'x';
    for (let i = 0; i < 1500; i++) deep = [deep];
    same(deep);
  });
});

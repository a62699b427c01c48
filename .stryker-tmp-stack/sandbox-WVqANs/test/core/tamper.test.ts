// @ts-nocheck
// Property-based tamper tests: change, add or remove any signed field → verified: false.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueCredential, verifyCredential } from '../../src/index.js';
import { ISSUED, NOW, sampleCredential, seededKey } from '../helpers.js';

type Path = Array<string | number>;

/** Every path to a leaf or a non-empty member below the root, excluding the proof and @context internals. */
function paths(node: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [];
  if (Array.isArray(node)) node.forEach((v, i) => out.push([...prefix, i], ...paths(v, [...prefix, i])));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (prefix.length === 0 && k === 'proof') continue;
      out.push([...prefix, k], ...paths(v, [...prefix, k]));
    }
  }
  return out;
}
const get = (o: any, p: Path) => p.reduce((a, k) => a?.[k], o);
const parentOf = (o: any, p: Path) => get(o, p.slice(0, -1));

let signed: Record<string, any>;
let leafPaths: Path[];
let memberPaths: Path[];

beforeAll(async () => {
  const key = await seededKey(1);
  signed = await issueCredential(sampleCredential(key.controller), { key, now: ISSUED });
  const all = paths(signed);
  leafPaths = all.filter((p) => {
    const v = get(signed, p);
    return v === null || ['string', 'number', 'boolean'].includes(typeof v);
  });
  // object members whose removal removes information (arrays of one are kept: removing the only type is a change too)
  memberPaths = all.filter((p) => typeof p[p.length - 1] === 'string' && !(p.length === 1 && p[0] === '@context'));
});

describe('tampering with any signed field is detected', () => {
  it('changing any leaf value', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.string({ minLength: 1, maxLength: 12 }), async (i, s) => {
        const p = leafPaths[i % leafPaths.length]!;
        const c = structuredClone(signed);
        const old = get(c, p);
        const parent = parentOf(c, p);
        const k = p[p.length - 1]!;
        if (typeof old === 'number') parent[k] = old + 1;
        else if (typeof old === 'boolean') parent[k] = !old;
        else parent[k] = old + s; // a different string (suffix never empty)
        const r = await verifyCredential(c, { now: NOW });
        expect(r.verified, `changed ${p.join('.')}`).toBe(false);
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('removing any member', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), async (i) => {
        const p = memberPaths[i % memberPaths.length]!;
        const c = structuredClone(signed);
        delete parentOf(c, p)[p[p.length - 1]!];
        const r = await verifyCredential(c, { now: NOW });
        expect(r.verified, `removed ${p.join('.')}`).toBe(false);
      }),
      { numRuns: 40, seed: 8 },
    );
  });

  it('adding a member anywhere (defined term or not)', async () => {
    const objects = [[], ...paths(signed).filter((p) => {
      const v = get(signed, p);
      return v && typeof v === 'object' && !Array.isArray(v) && p[0] !== '@context';
    })] as Path[];
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.constantFrom('description', 'name', 'moodleGrade', 'id', 'image'), fc.string({ minLength: 1, maxLength: 8 }), async (i, key, val) => {
        const p = objects[i % objects.length]!;
        const c = structuredClone(signed);
        const target = p.length ? get(c, p) : c;
        if (key in target) return; // adding only
        target[key] = key === 'id' ? `urn:x:${encodeURIComponent(val)}` : key === 'image' ? { id: 'https://x.example/i.png', type: 'Image' } : val;
        const r = await verifyCredential(c, { now: NOW });
        expect(r.verified, `added ${[...p, key].join('.')}`).toBe(false);
      }),
      { numRuns: 40, seed: 9 },
    );
  });

  it('changing any proof option', async () => {
    for (const [k, v] of Object.entries({ created: '2026-09-01T09:00:01Z', verificationMethod: signed.proof.verificationMethod.replace(/#.*/, '#other'), proofValue: signed.proof.proofValue.replace(/.$/, (ch: string) => (ch === '1' ? '2' : '1')) })) {
      const c = structuredClone(signed);
      c.proof[k] = v;
      expect((await verifyCredential(c, { now: NOW })).verified, k).toBe(false);
    }
    const c = structuredClone(signed);
    c.proof.domain = 'evil.example';
    expect((await verifyCredential(c, { now: NOW })).verified).toBe(false);
  });

  it('reordering keys or array items that RDF treats as a set does not break the signature (not a tamper)', async () => {
    const c = structuredClone(signed);
    c.type = [...c.type].reverse();
    const reordered = Object.fromEntries(Object.entries(c).reverse());
    expect((await verifyCredential(reordered, { now: NOW })).verified).toBe(true);
  });
});

// @ts-nocheck
// A small seeded slice of the fuzz campaign (npm run fuzz runs ≥ 100,000 cases per target): every target, fixed seeds,
// 0 throws and 0 wrong accepts. Work-bounded (case counts), never timed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliTarget, fuzzTarget, makeSeeds, signedRdf, TARGETS, type Seeds } from '../../fuzz/lib.js';

let seeds: Seeds;
let dir: string;
beforeAll(async () => {
  seeds = await makeSeeds();
  dir = mkdtempSync(join(tmpdir(), 'credstack-fuzz-slice-'));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('fuzz slice', () => {
  it('the wrong-accept detector sees a change of the signed RDF, and not a respelling', async () => {
    expect(await signedRdf(seeds.signed)).toBe(seeds.signedRdf);
    expect(await signedRdf({ ...seeds.signed, validUntil: '2027-01-01T00:00:00Z' })).not.toBe(seeds.signedRdf);
    const { type: _t, ...rest } = seeds.signed;
    expect(await signedRdf({ ...rest, '@type': seeds.signed.type })).toBe(seeds.signedRdf); // same triples, other JSON
  });

  it.each(TARGETS.map((t) => [t.name, t] as const))('%s: 0 throws, 0 wrong accepts', async (_n, t) => {
    const st = await fuzzTarget(t, seeds, { cases: 25, budgetMs: Number.POSITIVE_INFINITY, seed: 20261202 });
    expect(st.examples).toEqual([]);
    expect([st.cases, st.throws, st.wrongAccepts]).toEqual([25, 0, 0]);
  }, 300_000);

  it('cli-verify: 0 throws', async () => {
    const st = await fuzzTarget(cliTarget(dir), seeds, { cases: 5, budgetMs: Number.POSITIVE_INFINITY, seed: 20261202 });
    expect([st.cases, st.throws, st.wrongAccepts]).toEqual([5, 0, 0]);
  }, 300_000);
});

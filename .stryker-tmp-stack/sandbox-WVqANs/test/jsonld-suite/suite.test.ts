// @ts-nocheck
// The W3C JSON-LD 1.1 API suite (expand + compact + toRdf, 1098 tests) with credstack's jsonld fast path gives, for every test id,
// the same pass/fail AND the same output (digest of the expansion / N-Quads text / error code) as stock jsonld.js
// (test/fixtures/json-ld-api/stock-outcomes.json, written by scripts/jsonld-suite-stock.ts in a process that never
// installs the fast path). The suite runs twice: the second time every context comes from the warm caches.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import jsonldPackage from 'jsonld/package.json' with { type: 'json' };
import { jsonldFastPath } from '../../src/jsonld/fast.js';
import { runSuite, SKIPPED, suiteTests, testId, type Outcome } from './run.js';

const stock = JSON.parse(readFileSync(new URL('../fixtures/json-ld-api/stock-outcomes.json', import.meta.url), 'utf8')) as {
  jsonld: string;
  counts: Record<string, number>;
  outcomes: Record<string, Outcome>;
};

function differences(got: Record<string, Outcome>): string[] {
  const ids = new Set([...Object.keys(got), ...Object.keys(stock.outcomes)]);
  return [...ids].filter((id) => JSON.stringify(got[id]) !== JSON.stringify(stock.outcomes[id])).map((id) => `${id}: stock ${JSON.stringify(stock.outcomes[id])} fast ${JSON.stringify(got[id])}`);
}

describe('W3C JSON-LD API suite: fast path = stock jsonld', () => {
  it('the reference outcomes were made with the installed jsonld version, cover every test and mostly pass', () => {
    expect(stock.jsonld).toBe(jsonldPackage.version);
    expect(Object.keys(stock.outcomes).sort()).toEqual(suiteTests().map(([m, t]) => testId(m, t)).sort());
    expect(Object.keys(stock.outcomes)).toHaveLength(1098);
    expect(stock.counts).toEqual({ pass: 1057, fail: 41, skip: 0 });
    expect(SKIPPED).toEqual({});
  });

  it('every test: same result and same output digest, cold and with warm caches', async () => {
    expect(jsonldFastPath(true)).toBe('installed');
    const cold = await runSuite();
    expect(differences(cold)).toEqual([]);
    const warm = await runSuite();
    expect(differences(warm)).toEqual([]);
  });

  it('the comparison can fail: a changed output digest is reported', () => {
    const got = structuredClone(stock.outcomes);
    got['expand-manifest#t0001']!.digest = '0'.repeat(64);
    expect(differences(got)).toHaveLength(1);
  });
});

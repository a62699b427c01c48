// @ts-nocheck
// Differential tests of the proof layer (src/proofs/): compiled shapes + our eddsa-rdfc-2022 signing against stock
// jsonld.canonize / jsonld.expand and jsonld-signatures + @digitalbazaar/data-integrity + the stock cryptosuite, on
// generated credentials. Any difference fails. `npm run fuzz:equivalence` runs the same comparison at scale.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { credentialArb } from './arbitraries.js';
import { compareOne, newTally, stockSigner } from './equivalence.js';
import { generateKeyPair } from '../../src/index.js';
import { clearShapeCache } from '../../src/proofs/shapes.js';

/** Cases per part (two parts: 10,000 in `npm test`); EQUIVALENCE_RUNS overrides. */
const RUNS = Number(process.env.EQUIVALENCE_RUNS ?? 5000);
const CREATED = '2026-09-01T09:00:00Z';

/** Half of the `npm test` cases (two files so that vitest runs them on two workers). */
export function equivalenceSuite(part: number): void {
  describe(`proof layer ≡ stock pipeline (part ${part})`, () => {
  it(`${RUNS} generated credentials: same expansion, canonical N-Quads, signed document; tampering refused`, async () => {
    clearShapeCache();
    const key = await generateKeyPair({ seed: new Uint8Array(32).fill(40 + part) });
    const stock = await stockSigner(key);
    const tally = newTally();
    let i = 0;
    await fc.assert(
      fc.asyncProperty(credentialArb(key.controller), async (doc) => {
        const diff = await compareOne(doc, i++, key, stock, tally, CREATED);
        if (diff) throw new Error(diff);
      }),
      { numRuns: RUNS, seed: 1400 + part, endOnFailure: true },
    );
    expect(tally.cases).toBe(RUNS);
    // generation is chosen so that most cases reach a compiled template, while every guard still gets exercised
    expect(tally.template / tally.cases).toBeGreaterThan(0.5);
    expect(tally.fallback).toBeGreaterThan(RUNS / 100);
    expect(tally.errors).toBeGreaterThan(0);
    expect(tally.signatures).toBeGreaterThan(RUNS / 10);
    expect(tally.tamper).toBeGreaterThan(RUNS / 20);
    console.log(`part ${part}: ${JSON.stringify(tally)}`);
  }, 3_600_000);
});
}

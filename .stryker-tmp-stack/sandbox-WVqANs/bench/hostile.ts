// @ts-nocheck
// npm run bench:hostile — how long credstack takes to refuse hostile inputs. These used to be wall-clock thresholds in
// the tests (issue 21); the tests now assert work bounds (limit codes, documents loaded, compilations), and the times
// live here. The "budget" column is the old test threshold, for comparison; nothing fails on a slow machine.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { extractSvg } from '../src/baking/index.js';
import { decodeBitstring } from '../src/status/index.js';
import { issueCredential, validateCredential, verifyCredential } from '../src/index.js';
import { ISSUED, NOW, sampleCredential, seededKey } from '../test/helpers.js';

async function time(label: string, budgetMs: number, fn: () => unknown): Promise<void> {
  const t0 = performance.now();
  try {
    await fn();
  } catch {
    /* refusals are what we measure */
  }
  const ms = performance.now() - t0;
  console.log(`  ${label.padEnd(58)} ${ms.toFixed(1).padStart(8)} ms   (budget ${budgetMs} ms${ms > budgetMs ? ', OVER' : ''})`);
}

const key = await seededKey(1);
const signed = await issueCredential(sampleCredential(key.controller), { key, now: ISSUED });

console.log('refusing hostile input:');
let deep: any = { leaf: 1 };
for (let i = 0; i < 100_000; i++) deep = { a: deep };
await time('verify: 100,000-deep object (ERR_INPUT_TOO_DEEP)', 2000, () => verifyCredential({ ...signed, credentialSubject: deep }, { now: NOW }));
const big = JSON.stringify({ ...signed, description: 'x'.repeat(10 * 1024 * 1024) });
await time('verify: 10 MB text (ERR_INPUT_TOO_LARGE)', 5000, () => verifyCredential(big, { now: NOW }));
await time('verify: 5,000 proofs (ERR_PROOF_TOO_MANY)', 2000, () => verifyCredential({ ...signed, proof: Array.from({ length: 5000 }, () => signed.proof) }, { now: NOW }));
const bomb = 'u' + gzipSync(Buffer.alloc(100 * 1024 * 1024), { level: 9 }).toString('base64url');
await time('decodeBitstring: 100 MB gzip bomb (ERR_STATUS_LIST_TOO_LARGE)', 1000, () => decodeBitstring(bomb));
const laughs = readFileSync(new URL('../test/fixtures/baking/billion-laughs.svg', import.meta.url), 'utf8');
await time('extractSvg: billion laughs (ERR_SVG_DOCTYPE)', 200, () => extractSvg(laughs));

console.log('steady state:');
validateCredential(signed);
const t0 = performance.now();
for (let i = 0; i < 200; i++) validateCredential(signed);
console.log(`  ${'validateCredential (compiled once), per call'.padEnd(58)} ${((performance.now() - t0) / 200).toFixed(2).padStart(8)} ms   (budget 5 ms)`);

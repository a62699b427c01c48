// @ts-nocheck
// Writes test/fixtures/json-ld-api/stock-outcomes.json: the W3C JSON-LD API suite (expand + toRdf) run offline with
// STOCK jsonld.js (this process never installs credstack's fast path). test/jsonld-suite/suite.test.ts runs the same
// tests with the fast path and requires the same outcome and the same output digest for every test id.
// Usage: npx tsx scripts/jsonld-suite-stock.ts [--check]  (--check: compare with the committed file, write nothing)
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import jsonldPackage from 'jsonld/package.json' with { type: 'json' };
import { runSuite } from '../test/jsonld-suite/run.js';

const file = fileURLToPath(new URL('../test/fixtures/json-ld-api/stock-outcomes.json', import.meta.url));
const t0 = performance.now();
const outcomes = await runSuite();
const ms = performance.now() - t0;
const counts = { pass: 0, fail: 0, skip: 0 };
for (const o of Object.values(outcomes)) counts[o.result]++;
const doc = { jsonld: jsonldPackage.version, generatedBy: 'scripts/jsonld-suite-stock.ts', counts, outcomes };
console.log(`stock jsonld ${jsonldPackage.version}: ${JSON.stringify(counts)} in ${(ms / 1000).toFixed(1)} s`);
if (process.argv.includes('--check')) {
  const old = JSON.parse(readFileSync(file, 'utf8'));
  const diff = Object.keys({ ...old.outcomes, ...outcomes }).filter((k) => JSON.stringify(old.outcomes[k]) !== JSON.stringify(outcomes[k]));
  console.log(diff.length === 0 ? 'same as the committed outcomes' : `DIFFERENT: ${diff.join(' ')}`);
  process.exitCode = diff.length === 0 ? 0 : 1;
} else {
  writeFileSync(file, JSON.stringify(doc, null, 1) + '\n');
  console.log(`wrote ${file}`);
}

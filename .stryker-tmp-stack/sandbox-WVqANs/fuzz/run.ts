// @ts-nocheck
// npm run fuzz [-- --cases N] [--budget SECONDS] [--seed S] [--targets a,b] [--cli-cases N]
// Mutational fuzzing of every untrusted-input entry point (issue 17 §3): per target, N cases (default 100,000) or the
// time budget per target (default 900 s), whichever ends first. Prints cases, throws, cases over 1 s, the slowest
// case, peak RSS, accepted mutations and wrong accepts; exits 1 if any throw or wrong accept was found.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { cliTarget, fuzzTarget, makeSeeds, TARGETS, type TargetStats } from './lib.js';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    'cli-cases': { type: 'string' },
    budget: { type: 'string', default: '900' },
    seed: { type: 'string', default: '1' },
    targets: { type: 'string' },
    json: { type: 'boolean' },
  },
});
const cases = Number(values.cases);
const cliCases = values['cli-cases'] !== undefined ? Number(values['cli-cases']) : Math.max(1, Math.floor(cases / 10));
const budgetMs = Number(values.budget) * 1000;
const seed = Number(values.seed);
const dir = mkdtempSync(join(tmpdir(), 'credstack-fuzz-'));
try {
  const seeds = await makeSeeds();
  const all = [...TARGETS, cliTarget(dir)];
  const wanted = values.targets ? new Set(values.targets.split(',')) : undefined;
  const results: TargetStats[] = [];
  for (const t of all) {
    if (wanted && !wanted.has(t.name)) continue;
    const n = t.name === 'cli-verify' ? cliCases : cases;
    const st = await fuzzTarget(t, seeds, {
      cases: n,
      budgetMs,
      seed,
      onProgress: (x) => process.stderr.write(`\r${t.name}: ${x.cases} cases, ${x.throws} throws, ${x.wrongAccepts} wrong accepts   `),
    });
    process.stderr.write('\n');
    results.push(st);
    const perCase = st.cases ? (budgetMs / 1000 / st.cases) : 0;
    if (!values.json) {
      console.log(`${st.target.padEnd(17)} ${String(st.cases).padStart(7)} cases  ${st.throws} throws  ${st.slowCpu} over 1 s CPU (max ${st.maxCpuMs.toFixed(0)} ms)  ${st.slow} over 1 s wall (max ${st.maxMs.toFixed(0)} ms)  peak RSS ${st.peakRssMb} MB  accepted ${st.accepted}  wrong accepts ${st.wrongAccepts}${st.cases < n ? `  (budget reached; ~${perCase.toFixed(3)} s/case)` : ''}`);
      for (const e of st.examples) console.log(`    ${e}`);
    }
  }
  if (values.json) console.log(JSON.stringify(results, null, 2));
  process.exitCode = results.some((r) => r.throws || r.wrongAccepts || r.slowCpu) ? 1 : 0;
} finally {
  rmSync(dir, { recursive: true, force: true });
}

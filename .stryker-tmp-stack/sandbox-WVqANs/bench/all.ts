// @ts-nocheck
// npm run bench: every benchmark in turn (scripts, not tests), then the ratios. Build first for the CLI part
// (npm run build); BENCH_SKIP_CLI=1 leaves it out. Sizes: BENCH_N, BENCH_VARIED_N, BENCH_PORTFOLIO_N, BENCH_COHORT, BENCH_COLD_N.
import { run as perCredential } from './issue-verify.js';
import { run as portfolio } from './portfolio.js';
import { run as cli } from './cli.js';
import { machine } from './common.js';

const a = await perCredential();
const b = await portfolio();
const c = process.env.BENCH_SKIP_CLI ? undefined : await cli();
console.log(`\n## ratios (plain time / credstack time: > 1 means credstack is faster); ${machine()}`);
console.log(`  issue  ×${a.issue.toFixed(2)} (benchmark credential), ×${a.variedIssue.toFixed(2)} (varied set)   target ≥ 12×; CPU time ×${a.cpuIssue.toFixed(2)} / ×${a.cpuVariedIssue.toFixed(2)}`);
console.log(`  verify ×${a.verify.toFixed(2)} (benchmark credential), ×${a.variedVerify.toFixed(2)} (varied set)   target ≥ 10×; CPU time ×${a.cpuVerify.toFixed(2)} / ×${a.cpuVariedVerify.toFixed(2)}`);
console.log(`  verifyPortfolio(10) vs 11 plain verifies ×${b.portfolio.toFixed(2)} (target ≥ 5×); evaluateStack(10) vs 10 plain ×${b.stack.toFixed(2)}`);
if (c) {
  console.log(`  cold CLI verify ${c.coldMs.toFixed(0)} ms (target ≤ 300 ms idle)`);
  for (const r of c.cohort) console.log(`  cohort ${r.workers} worker(s): ${(r.ms / 1000).toFixed(2)} s, ${r.perSecond.toFixed(0)}/s, peak RSS ${r.rssMb.toFixed(0)} MB (target ≤ 3 s with 2)`);
}

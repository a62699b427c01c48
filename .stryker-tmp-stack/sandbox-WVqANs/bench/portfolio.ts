// @ts-nocheck
// verifyPortfolio of a presentation of 10 credentials next to 11 plain verifies (10 credentials + the envelope's worth),
// and evaluateStack over the same 10 next to 10 plain verifies — alternating every iteration in this process.
// Part of npm run bench; alone: npx tsx bench/portfolio.ts   (BENCH_PORTFOLIO_N=20)
import { bundlePresentation, evaluateStack, generateKeyPair, issueCredential, verifyPortfolio } from '../src/index.js';
import { awardExample, networkIssuer, NOW as EXAMPLE_NOW } from '../examples/microcredentials/network.js';
import { certificateRule } from '../examples/stacking.js';
import { alternate, fmt, machine, plainVerify, stat } from './common.js';

/**
 * `f` with the process CPU time (user + system, ms) of each call pushed to `into`: on a loaded machine (other jobs on
 * the same cores) wall time measures the scheduler as much as the code, CPU time much less so.
 */
function cpuTimed(f: () => Promise<void>, into: number[]): () => Promise<void> {
  return async () => {
    const c0 = process.cpuUsage();
    await f();
    const d = process.cpuUsage(c0);
    into.push((d.user + d.system) / 1000);
  };
}
const WARM = 2;
const cpuMedian = (xs: number[]): number => stat(xs.slice(WARM)).median;

const N = Number(process.env.BENCH_PORTFOLIO_N ?? 20);

export async function run(): Promise<{ portfolio: number; stack: number }> {
  const key = await generateKeyPair({ seed: new Uint8Array(32).fill(5) });
  const holder = await generateKeyPair({ seed: new Uint8Array(32).fill(6) });
  const issuer = networkIssuer(key);
  const which = ['ai', 'data', 'staff'] as const;
  const creds: Record<string, any>[] = [];
  for (let i = 0; i < 10; i++) {
    creds.push(await issueCredential({ ...awardExample(which[i % 3]!, issuer, { did: holder.controller, studentId: `S${i}` }), id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}` }, { key, now: EXAMPLE_NOW }));
  }
  const now = new Date(EXAMPLE_NOW.getTime() + 30 * 86400_000);
  const vp = await bundlePresentation(creds as never, { holderKey: holder, challenge: 'c-1', domain: 'jobs.example', now });
  const first = await verifyPortfolio(vp, { now, challenge: 'c-1', domain: 'jobs.example', status: 'skip' });
  if (!first.verified) throw new Error(`portfolio not verified: ${JSON.stringify(first.summary.failed).slice(0, 500)}`);
  for (const c of creds) if (!(await plainVerify(c))) throw new Error('plain verify failed');

  console.log(`\n## portfolio and stack — ${N} iterations, alternating; ${machine()}`);
  const eleven = [...creds, creds[0]!];
  const cpu = { plain11: [] as number[], portfolio: [] as number[], plain10: [] as number[], stack: [] as number[] };
  const p = await alternate(N, WARM, cpuTimed(async () => {
    for (const c of eleven) if (!(await plainVerify(c))) throw new Error('plain verify failed');
  }, cpu.plain11), cpuTimed(async () => {
    if (!(await verifyPortfolio(vp, { now, challenge: 'c-1', domain: 'jobs.example', status: 'skip' })).verified) throw new Error('portfolio failed');
  }, cpu.portfolio));
  console.log(`  11 plain verifies ${fmt(p.a.median)}  verifyPortfolio(10) ${fmt(p.b.median)}  speed-up ×${(p.a.median / p.b.median).toFixed(2)}  (target ≥ 5×)`);
  console.log(`    CPU time        ${fmt(cpuMedian(cpu.plain11))}                      ${fmt(cpuMedian(cpu.portfolio))}  ×${(cpuMedian(cpu.plain11) / cpuMedian(cpu.portfolio)).toFixed(2)}`);
  const s = await alternate(N, WARM, cpuTimed(async () => {
    for (const c of creds) if (!(await plainVerify(c))) throw new Error('plain verify failed');
  }, cpu.plain10), cpuTimed(async () => {
    await evaluateStack(certificateRule, creds, { now, status: 'skip' });
  }, cpu.stack));
  console.log(`  10 plain verifies ${fmt(s.a.median)}  evaluateStack(10)   ${fmt(s.b.median)}  speed-up ×${(s.a.median / s.b.median).toFixed(2)}`);
  console.log(`    CPU time        ${fmt(cpuMedian(cpu.plain10))}                      ${fmt(cpuMedian(cpu.stack))}  ×${(cpuMedian(cpu.plain10) / cpuMedian(cpu.stack)).toFixed(2)}`);
  return { portfolio: p.a.median / p.b.median, stack: s.a.median / s.b.median };
}

if (import.meta.url === `file://${process.argv[1]}`) await run();

// verifyPortfolio of a presentation of 10 credentials next to 11 plain verifies (10 credentials + the envelope's worth),
// and evaluateStack over the same 10 next to 10 plain verifies — alternating every iteration in this process.
// Part of npm run bench; alone: npx tsx bench/portfolio.ts   (BENCH_PORTFOLIO_N=20)
import { bundlePresentation, evaluateStack, generateKeyPair, issueCredential, verifyPortfolio } from '../src/index.js';
import { awardExample, networkIssuer, NOW as EXAMPLE_NOW } from '../examples/microcredentials/network.js';
import { certificateRule } from '../examples/stacking.js';
import { alternate, fmt, machine, plainVerify } from './common.js';

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
  const p = await alternate(N, 2, async () => {
    for (const c of eleven) if (!(await plainVerify(c))) throw new Error('plain verify failed');
  }, async () => {
    if (!(await verifyPortfolio(vp, { now, challenge: 'c-1', domain: 'jobs.example', status: 'skip' })).verified) throw new Error('portfolio failed');
  });
  console.log(`  11 plain verifies ${fmt(p.a.median)}  verifyPortfolio(10) ${fmt(p.b.median)}  speed-up ×${(p.a.median / p.b.median).toFixed(2)}  (target ≥ 5×)`);
  const s = await alternate(N, 2, async () => {
    for (const c of creds) if (!(await plainVerify(c))) throw new Error('plain verify failed');
  }, async () => {
    await evaluateStack(certificateRule, creds, { now, status: 'skip' });
  });
  console.log(`  10 plain verifies ${fmt(s.a.median)}  evaluateStack(10)   ${fmt(s.b.median)}  speed-up ×${(s.a.median / s.b.median).toFixed(2)}`);
  return { portfolio: p.a.median / p.b.median, stack: s.a.median / s.b.median };
}

if (import.meta.url === `file://${process.argv[1]}`) await run();

// @ts-nocheck
// Cost of the signed-data view per verify, against the code before it (CPU time, alternating per iteration):
//   git archive a4e2caf src schemas package.json | tar -x -C /tmp/base && ln -s "$PWD/node_modules" /tmp/base/
//   BASE=/tmp/base BENCH_N=150 npx tsx bench/view-vs-base.ts
import { generateKeyPair, issueCredential, verifyCredential } from '../src/index.js';
import { sampleCredential } from '../test/helpers.js';

const base = process.env.BASE;
if (!base) throw new Error('set BASE to a checkout of the code to compare with (see the comment at the top)');
const { verifyCredential: baseVerify } = (await import(`${base}/src/index.ts`)) as { verifyCredential: typeof verifyCredential };
const N = Number(process.env.BENCH_N ?? 150);
const NOW = '2026-11-23T12:00:00Z';
const key = await generateKeyPair({ seed: new Uint8Array(32).fill(1) });
const signed = await issueCredential(sampleCredential(key.controller), { key, now: '2026-09-01T09:00:00Z' });
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let a = 0;
let b = 0;
for (let i = 0; i < N + 20; i++) {
  const t0 = cpu();
  const r1 = await baseVerify(signed, { now: NOW });
  const t1 = cpu();
  const r2 = await verifyCredential(signed, { now: NOW });
  const t2 = cpu();
  if (!r1.verified || !r2.verified) throw new Error('the sample credential must verify with both');
  if (i >= 20) {
    a += t1 - t0;
    b += t2 - t1;
  }
}
console.log(`verifyCredential, ${N} iterations: before ${(a / N).toFixed(2)} ms CPU, with the view ${(b / N).toFixed(2)} ms CPU, added ${((b - a) / N).toFixed(2)} ms (${((100 * (b - a)) / a).toFixed(0)} %)`);

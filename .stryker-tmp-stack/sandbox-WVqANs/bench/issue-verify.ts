// @ts-nocheck
// Per-credential issue and verify: credstack next to the plain @digitalbazaar/vc + eddsa-rdfc-2022 pipeline, the two
// alternating on every iteration in this one process (same machine noise for both). The plain signer's key is
// imported once (bench/common.ts plainSigner). Part of npm run bench; alone: npx tsx bench/issue-verify.ts
//   BENCH_N=200 (iterations on the benchmark credential), BENCH_VARIED_N=20 (iterations per varied credential)
import { generateKeyPair, issueCredential, verifyCredential } from '../src/index.js';
import { NOW, alternate, cpuRatio, benchmarkCredential, fmt, machine, plainIssue, plainSigner, plainVerify, variedCredentials } from './common.js';

const N = Number(process.env.BENCH_N ?? 200);
const NV = Number(process.env.BENCH_VARIED_N ?? 20);

export async function run(): Promise<{ issue: number; verify: number; variedIssue: number; variedVerify: number; cpuIssue: number; cpuVerify: number; cpuVariedIssue: number; cpuVariedVerify: number }> {
  const key = await generateKeyPair({ seed: new Uint8Array(32).fill(1) });
  const signer = plainSigner(key);
  const credential = benchmarkCredential(key.controller);
  const ours = await issueCredential(credential, { key, now: NOW });
  const plainSigned = await plainIssue(credential, signer);
  if (!(await plainVerify(ours))) throw new Error('the plain verifier rejects credstack output');
  if (!(await verifyCredential(plainSigned, { now: NOW })).verified) throw new Error('credstack rejects the plain pipeline output');

  console.log(`\n## per credential — ${N} iterations, alternating; ${machine()}`);
  console.log(`benchmark credential: ${JSON.stringify(ours).length} bytes signed`);
  const iss = await alternate(N, 10, () => plainIssue(credential, signer), () => issueCredential(credential, { key, now: NOW }));
  const ver = await alternate(N, 10, async () => {
    if (!(await plainVerify(plainSigned))) throw new Error('plain verify failed');
  }, async () => {
    if (!(await verifyCredential(ours, { now: NOW })).verified) throw new Error('credstack verify failed');
  });
  console.log(`  issue   plain ${fmt(iss.a.median)}  credstack ${fmt(iss.b.median)}  (medians; means ${iss.a.mean.toFixed(2)} / ${iss.b.mean.toFixed(2)})  speed-up ×${(iss.a.median / iss.b.median).toFixed(2)}; CPU time ${iss.cpuA.mean.toFixed(2)} / ${iss.cpuB.mean.toFixed(2)} ms ×${cpuRatio(iss).toFixed(2)}`);
  console.log(`  verify  plain ${fmt(ver.a.median)}  credstack ${fmt(ver.b.median)}  (medians; means ${ver.a.mean.toFixed(2)} / ${ver.b.mean.toFixed(2)})  speed-up ×${(ver.a.median / ver.b.median).toFixed(2)}; CPU time ${ver.cpuA.mean.toFixed(2)} / ${ver.cpuB.mean.toFixed(2)} ms ×${cpuRatio(ver).toFixed(2)}  (credstack also checks schema, dates, issuer binding, status, subject)`);

  // the varied set: every credential both pipelines accept
  const varied: { name: string; credential: Record<string, any>; ours: Record<string, any>; plain: Record<string, any> }[] = [];
  for (const v of variedCredentials(key.controller)) {
    try {
      const o = await issueCredential(v.credential, { key, now: NOW });
      const p = await plainIssue(v.credential, signer);
      if (!(await plainVerify(o)) || !(await verifyCredential(p, { now: NOW })).verified) throw new Error('not verified both ways');
      varied.push({ ...v, ours: o, plain: p });
    } catch (err) {
      console.log(`  (varied: ${v.name} left out: ${(err as Error).message.split('\n')[0]})`);
    }
  }
  console.log(`\n## varied set — ${varied.length} credentials × ${NV} iterations, alternating`);
  let pI = 0, oI = 0, pV = 0, oV = 0;
  let cpI = 0, coI = 0, cpV = 0, coV = 0;
  for (const v of varied) {
    const i = await alternate(NV, 3, () => plainIssue(v.credential, signer), () => issueCredential(v.credential, { key, now: NOW }));
    const w = await alternate(NV, 3, async () => {
      if (!(await plainVerify(v.plain))) throw new Error(`plain verify failed: ${v.name}`);
    }, async () => {
      if (!(await verifyCredential(v.ours, { now: NOW })).verified) throw new Error(`credstack verify failed: ${v.name}`);
    });
    pI += i.a.median; oI += i.b.median; pV += w.a.median; oV += w.b.median;
    cpI += i.cpuA.mean; coI += i.cpuB.mean; cpV += w.cpuA.mean; coV += w.cpuB.mean;
    console.log(`  ${v.name.padEnd(62)} issue ×${(i.a.median / i.b.median).toFixed(2)} (${i.b.median.toFixed(2)} ms)  verify ×${(w.a.median / w.b.median).toFixed(2)} (${w.b.median.toFixed(2)} ms)`);
  }
  console.log(`  varied total (sum of medians): issue plain ${pI.toFixed(1)} ms / credstack ${oI.toFixed(1)} ms ×${(pI / oI).toFixed(2)}; verify plain ${pV.toFixed(1)} / credstack ${oV.toFixed(1)} ×${(pV / oV).toFixed(2)}`);
  console.log(`  varied total CPU time (sum of means): issue plain ${cpI.toFixed(1)} ms / credstack ${coI.toFixed(1)} ms ×${(cpI / coI).toFixed(2)}; verify plain ${cpV.toFixed(1)} / credstack ${coV.toFixed(1)} ×${(cpV / coV).toFixed(2)}`);
  return { issue: iss.a.median / iss.b.median, verify: ver.a.median / ver.b.median, variedIssue: pI / oI, variedVerify: pV / oV, cpuIssue: cpuRatio(iss), cpuVerify: cpuRatio(ver), cpuVariedIssue: cpI / coI, cpuVariedVerify: cpV / coV };
}

if (import.meta.url === `file://${process.argv[1]}`) await run();

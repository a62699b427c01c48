// @ts-nocheck
// npx tsx bench/view-cost.ts — what the signed-data view adds to one verification (CPU time, alternating per iteration
// so JIT warm-up and machine load hit both sides alike): buildView (claims) + buildProofView (one proof) vs the
// whole verifyCredential, on the same OB 3.0 credential.
import { createDocumentLoader } from '../src/jsonld/loader.js';
import { generateKeyPair, issueCredential, verifyCredential } from '../src/index.js';
import { buildProofView, buildView } from '../src/verify/view.js';
import { sampleCredential } from '../test/helpers.js';

const N = Number(process.env.BENCH_N ?? 200);
const NOW = '2026-11-23T12:00:00Z';
const key = await generateKeyPair({ seed: new Uint8Array(32).fill(1) });
const signed = (await issueCredential(sampleCredential(key.controller), { key, now: '2026-09-01T09:00:00Z' })) as Record<string, any>;
const loader = createDocumentLoader();
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let view = 0;
let verify = 0;
for (let i = 0; i < N + 20; i++) {
  const a = cpu();
  await buildView(signed, loader);
  await buildProofView(signed['@context'], signed.proof, loader);
  const b = cpu();
  const r = await verifyCredential(signed, { now: NOW });
  const c = cpu();
  if (!r.verified) throw new Error('the sample credential must verify');
  if (i >= 20) {
    view += b - a;
    verify += c - b;
  }
}
console.log(`signed-data view, ${N} iterations, Node ${process.version}, ${JSON.stringify(signed).length}-byte OB 3.0 credential`);
console.log(`  view (claims + 1 proof)    ${(view / N).toFixed(2)} ms CPU`);
console.log(`  verifyCredential (all)     ${(verify / N).toFixed(2)} ms CPU  (includes the view: ${((100 * view) / verify).toFixed(0)} %)`);

// @ts-nocheck
// npm run bench:jsonld — jsonld fast path (src/jsonld/fast.ts) against stock jsonld.js on the sample credential.
// 1. jsonld.expand / jsonld.toRDF: credstack's (fast) jsonld and a second, stock copy of the same jsonld version loaded
//    from a temporary copy of node_modules/jsonld, alternating every iteration in this process.
// 2. issueCredential / verifyCredential: two child processes, one with the fast path switched off before first use
//    (stock jsonld), one with it on, asked in turn for BENCH_BATCH iterations each (alternating every batch).
// Prints ms per call and the ratio, and the load average (absolute figures are upper bounds on a shared machine).
import { fork, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import jsonld from 'jsonld';
import { createDocumentLoader, generateKeyPair, issueCredential, jsonldFastPath, verifyCredential } from '../src/index.js';
import { sampleCredential } from '../test/helpers.js';

const N = Number(process.env.BENCH_N ?? 200);
const BATCH = Number(process.env.BENCH_BATCH ?? 10);
const NOW = '2026-11-23T12:00:00Z';
const role = process.argv[2];

async function setup() {
  const key = await generateKeyPair({ seed: new Uint8Array(32).fill(1) });
  const credential = sampleCredential(key.controller);
  const signed = await issueCredential(credential, { key, now: NOW });
  return { key, credential, signed };
}

if (role === 'child-stock' || role === 'child-fast') {
  // a child: stock (fast path off before any loader exists) or fast; runs what the parent asks, reports ms per call
  if (role === 'child-stock') jsonldFastPath(false);
  const { key, credential, signed } = await setup();
  const ops: Record<string, () => Promise<unknown>> = {
    issue: () => issueCredential(credential, { key, now: NOW }),
    verify: async () => {
      const r = await verifyCredential(signed, { now: NOW });
      if (!r.verified) throw new Error('verify failed');
    },
  };
  for (let i = 0; i < 10; i++) for (const op of Object.values(ops)) await op(); // warm-up
  process.on('message', async (m: { op: string; n: number }) => {
    const t0 = performance.now();
    for (let i = 0; i < m.n; i++) await ops[m.op]!();
    process.send!({ ms: performance.now() - t0, status: jsonldFastPath() });
  });
  process.send!({ ready: true, status: jsonldFastPath() });
} else {
  const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
  console.log(`jsonld fast path bench — Node ${process.version}, jsonld ${createRequire(import.meta.url)('jsonld/package.json').version}, ${os.cpus().length} cores, load average ${load()}`);
  const { credential } = await setup();
  const loader = createDocumentLoader(); // installs the fast path on the shared jsonld instance
  console.log(`fast path: ${jsonldFastPath()}`);

  // a second, stock jsonld instance: a copy of the package inside node_modules (so its dependencies resolve)
  const root = fileURLToPath(new URL('..', import.meta.url));
  const tmp = mkdtempSync(path.join(root, 'node_modules', '.bench-jsonld-stock-'));
  let stock: any;
  try {
    cpSync(path.join(root, 'node_modules', 'jsonld'), tmp, { recursive: true });
    stock = createRequire(path.join(tmp, 'package.json'))('./lib/index.js');
  } finally {
    rmSync(tmp, { recursive: true, force: true }); // loaded: the files are no longer needed
  }
  if (stock === jsonld) throw new Error('stock copy is the same module instance');

  const opts = { documentLoader: loader, safe: true };
  const same = (await stock.toRDF(credential, { ...opts, format: 'application/n-quads' })) === (await jsonld.toRDF(credential, { ...opts, format: 'application/n-quads' }));
  if (!same) throw new Error('fast and stock N-Quads differ');

  async function alternate(label: string, a: () => Promise<unknown>, b: () => Promise<unknown>) {
    for (let i = 0; i < 20; i++) {
      await a();
      await b();
    }
    let ta = 0;
    let tb = 0;
    for (let i = 0; i < N; i++) {
      let t0 = performance.now();
      await a();
      ta += performance.now() - t0;
      t0 = performance.now();
      await b();
      tb += performance.now() - t0;
    }
    console.log(`  ${label.padEnd(26)} stock ${(ta / N).toFixed(2).padStart(7)} ms   fast ${(tb / N).toFixed(2).padStart(7)} ms   ${(ta / tb).toFixed(2)}× faster`);
  }
  console.log(`in process, alternating every iteration (${N} each):`);
  await alternate('jsonld.expand', () => stock.expand(credential, opts), () => jsonld.expand(credential, opts));
  await alternate('jsonld.toRDF', () => stock.toRDF(credential, opts), () => jsonld.toRDF(credential, opts));
  await alternate('jsonld.canonize (RDFC-1.0)', () => stock.canonize(credential, { ...opts, algorithm: 'RDFC-1.0' }), () => jsonld.canonize(credential, { ...opts, algorithm: 'RDFC-1.0' }));

  // full pipeline: two child processes, asked in turn
  const self = fileURLToPath(import.meta.url);
  const spawn = (r: string) => fork(self, [r], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ask = (c: ChildProcess, msg?: object) =>
    new Promise<any>((resolve) => {
      c.once('message', resolve);
      if (msg) c.send(msg);
    });
  const cs = spawn('child-stock');
  const cf = spawn('child-fast');
  const [rs, rf] = await Promise.all([ask(cs), ask(cf)]);
  if (rs.status !== 'off' || rf.status !== 'installed') throw new Error(`children: ${rs.status} / ${rf.status}`);
  console.log(`issueCredential / verifyCredential, two processes (stock jsonld / fast path), alternating every ${BATCH}, ${N} each:`);
  for (const op of ['issue', 'verify']) {
    let ts = 0;
    let tf = 0;
    for (let done = 0; done < N; done += BATCH) {
      ts += (await ask(cs, { op, n: BATCH })).ms;
      tf += (await ask(cf, { op, n: BATCH })).ms;
    }
    const n = Math.ceil(N / BATCH) * BATCH;
    console.log(`  ${(op === 'issue' ? 'issueCredential' : 'verifyCredential').padEnd(26)} stock ${(ts / n).toFixed(2).padStart(7)} ms   fast ${(tf / n).toFixed(2).padStart(7)} ms   ${(ts / tf).toFixed(2)}× faster`);
  }
  cs.kill();
  cf.kill();
  console.log(`load average at the end: ${load()}`);
}

// @ts-nocheck
// npm run fuzz:equivalence — the proof layer (compiled shapes + our eddsa-rdfc-2022 signing/verifying) against the stock
// pipeline (jsonld.expand / jsonld.canonize, jsonld-signatures + @digitalbazaar/data-integrity + eddsa-rdfc-2022) on
// generated credentials (test/proofs/arbitraries.ts). Any difference stops the run with the failing credential.
//   FUZZ_N         cases in all (default 1,000,000)
//   FUZZ_WORKERS   worker threads (default 2)
//   FUZZ_SEED      base seed (default: time)
//   FUZZ_UNTIL     ISO date-time: stop there whatever the count (e.g. a deadline)
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';

const CREATED = '2026-09-01T09:00:00Z';

if (isMainThread) {
  const N = Number(process.env.FUZZ_N ?? 1_000_000);
  const W = Math.max(1, Number(process.env.FUZZ_WORKERS ?? 2));
  const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000_000);
  const until = process.env.FUZZ_UNTIL ? Date.parse(process.env.FUZZ_UNTIL) : Infinity;
  const totals = new Map<number, Record<string, number>>();
  const t0 = Date.now();
  let done = 0;
  let failed = false;
  const print = (final = false) => {
    const sum: Record<string, number> = {};
    for (const t of totals.values()) for (const [k, v] of Object.entries(t)) sum[k] = (sum[k] ?? 0) + v;
    const rate = ((sum.cases ?? 0) / ((Date.now() - t0) / 1000)).toFixed(1);
    console.log(`${final ? 'final' : new Date().toISOString()} ${JSON.stringify(sum)} (${rate} cases/s, seed ${seed}, ${W} workers)`);
  };
  console.log(`fuzz:equivalence — ${N} cases, ${W} workers, seed ${seed}${Number.isFinite(until) ? `, until ${new Date(until).toISOString()}` : ''}`);
  const workers: Worker[] = [];
  const timer = setInterval(() => {
    print();
    if (Date.now() >= until) {
      console.log('deadline reached: stopping');
      for (const w of workers) void w.terminate();
    }
  }, 30_000);
  for (let w = 0; w < W; w++) {
    const n = Math.floor(N / W) + (w < N % W ? 1 : 0);
    // a worker must register tsx before it can load this .ts module (as src/batch/worker-pool.ts does)
    const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
    const boot = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    const worker = new Worker(boot, { eval: true, workerData: { n, seed: seed + w * 7919, worker: w, until } });
    workers.push(worker);
    worker.on('message', (m: { tally?: Record<string, number>; diff?: string; doc?: unknown }) => {
      if (m.tally) totals.set(w, m.tally);
      if (m.diff) {
        failed = true;
        console.error(`DIFFERENCE (worker ${w}): ${m.diff}\n${JSON.stringify(m.doc)}`);
        for (const x of workers) void x.terminate();
      }
    });
    worker.on('error', (e) => {
      failed = true;
      console.error(`worker ${w} failed: ${e?.stack ?? e}`);
    });
    worker.on('exit', () => {
      if (++done === W) {
        clearInterval(timer);
        print(true);
        process.exit(failed ? 1 : 0);
      }
    });
  }
} else {
  const { n, seed, until } = workerData as { n: number; seed: number; until: number };
  const { credentialArb } = await import('../test/proofs/arbitraries.js');
  const { compareOne, newTally, stockSigner } = await import('../test/proofs/equivalence.js');
  const { generateKeyPair } = await import('../src/index.js');
  const key = await generateKeyPair({ seed: new Uint8Array(32).fill(seed % 251) });
  const stock = await stockSigner(key);
  const tally = newTally();
  const arb = credentialArb(key.controller);
  let i = 0;
  let last = Date.now();
  for (let batch = 0; i < n && Date.now() < until; batch++) {
    const docs = fc.sample(arb, { numRuns: Math.min(500, n - i), seed: seed + batch * 104729 });
    for (const doc of docs) {
      const diff = await compareOne(doc as Record<string, unknown>, i++, key, stock, tally, CREATED).catch((e: unknown) => `exception: ${(e as Error)?.stack ?? String(e)}`);
      if (diff) {
        parentPort!.postMessage({ tally: { ...tally }, diff, doc });
        process.exit(1);
      }
      if (Date.now() - last > 5_000) {
        parentPort!.postMessage({ tally: { ...tally } });
        last = Date.now();
      }
      if (Date.now() >= until) break;
    }
  }
  parentPort!.postMessage({ tally: { ...tally } });
}

// @ts-nocheck
// Streaming verification of JSON Lines cohorts for `credstack verify`: lines are read with backpressure, at most
// `limit` are in flight, results come out in input order, and verification runs in worker threads when asked to.
// Node-only (fs, worker_threads): CLI code, never on the library's verify path.
import { createReadStream } from 'node:fs';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fromSource, tsxBootstrap } from '../batch/worker-pool.js';
import type { VerifyOptions } from '../verify/options.js';
import type { TrustList } from './verify-support.js';
import type { Outcome } from './commands/verify.js';

const FLAG = 'credstackVerifyWorker';

/** Counters of {@link mapOrdered}: the work bound (`maxInFlight` never exceeds the limit) is what tests check. */
export interface InFlightStats {
  inFlight: number;
  maxInFlight: number;
}

/**
 * Map `items` through `fn` with at most `limit` calls in flight, yielding results in input order. Items are pulled
 * from the source only when a slot is free, so memory is bounded by `limit`, not by the input size.
 */
export async function* mapOrdered<T, R>(items: AsyncIterable<T>, limit: number, fn: (item: T) => Promise<R>, stats: InFlightStats = { inFlight: 0, maxInFlight: 0 }): AsyncGenerator<R> {
  const it = items[Symbol.asyncIterator]();
  const queue: Promise<R>[] = [];
  let done = false;
  const fill = async (): Promise<void> => {
    while (!done && queue.length < limit) {
      const next = await it.next();
      if (next.done) {
        done = true;
        break;
      }
      stats.inFlight++;
      stats.maxInFlight = Math.max(stats.maxInFlight, stats.inFlight);
      queue.push(fn(next.value).finally(() => stats.inFlight--));
    }
  };
  try {
    await fill();
    while (queue.length) {
      const r = await queue.shift()!;
      await fill();
      yield r;
    }
  } finally {
    if (!done) await it.return?.();
  }
}

/** The lines of a file (LF or CRLF), read chunk by chunk with backpressure; yields `[lineNumber, text]`. */
export async function* readLines(path: string): AsyncGenerator<[number, string]> {
  let rest = '';
  let n = 0;
  const decoder = new TextDecoder();
  for await (const chunk of createReadStream(path)) {
    rest += decoder.decode(chunk as Uint8Array, { stream: true });
    let i: number;
    while ((i = rest.indexOf('\n')) >= 0) {
      const line = rest.slice(0, i);
      rest = rest.slice(i + 1);
      yield [++n, line.endsWith('\r') ? line.slice(0, -1) : line];
    }
  }
  rest += decoder.decode();
  if (rest !== '') yield [++n, rest.endsWith('\r') ? rest.slice(0, -1) : rest];
}

/** Verifies one JSONL line (the same function runs in workers and on the main thread). */
export type LineVerifier = (source: string, n: number, line: string) => Promise<Outcome | undefined>;

interface Job {
  id: number;
  source: string;
  n: number;
  line: string;
}
type Reply = { id: number; outcome: Outcome | undefined };

/** Worker side: this module is the worker's entry; it verifies lines with the options the CLI parsed. */
if (!isMainThread && parentPort && (workerData as Record<string, unknown> | undefined)?.[FLAG]) {
  const port = parentPort;
  const data = workerData as { opts: VerifyOptions; withReport: boolean; trust?: TrustList };
  const ready = import('./commands/verify.js');
  port.on('message', async (job: Job) => {
    const { verifyLine } = await ready;
    let outcome: Outcome | undefined;
    try {
      outcome = await verifyLine(job.source, job.n, job.line, data.opts, data.withReport, data.trust);
    } catch (err) {
      outcome = internalFailure(`${job.source}:${job.n}`, err);
    }
    try {
      port.postMessage({ id: job.id, outcome } satisfies Reply);
    } catch {
      // a report that cannot be copied back: the verdict and reasons still can
      const { report: _r, ...rest } = outcome ?? ({} as Outcome);
      port.postMessage({ id: job.id, outcome: outcome ? rest : undefined } satisfies Reply);
    }
  });
}

/** A failed outcome for a line whose verification could not complete (fail closed). */
export function internalFailure(source: string, err: unknown): Outcome {
  const msg = typeof (err as { message?: unknown })?.message === 'string' ? (err as { message: string }).message.slice(0, 200) : 'unknown error';
  return { source, kind: 'error', verified: false, failed: [{ id: 'input', code: 'ERR_INTERNAL', message: `verification could not complete: ${msg}` }], warnings: [], skipped: [] };
}

/** A pool of verifying worker threads; `verify` never rejects (a failed worker gives a failed outcome). */
export interface VerifyPool {
  verify: LineVerifier;
  close(): Promise<void>;
}

/** Start `size` verifying workers with the CLI's options (which must be structured-cloneable: no `--online`). */
export function createVerifyPool(size: number, opts: VerifyOptions, withReport: boolean, trust: TrustList | undefined): VerifyPool {
  const entry = new URL(import.meta.url);
  const data = { [FLAG]: true, opts, withReport, ...(trust ? { trust } : {}) };
  const pending = new Map<number, { resolve: (o: Outcome | undefined) => void; job: Job; slot: number }>();
  let nextId = 0;
  let closing = false;
  const workers = Array.from({ length: size }, (_, slot) => {
    const w = fromSource(entry) ? new Worker(tsxBootstrap(entry), { eval: true, workerData: data }) : new Worker(entry, { workerData: data });
    const state = { w, busy: 0, dead: false };
    w.on('message', (r: Reply) => {
      const p = pending.get(r.id);
      if (!p) return;
      pending.delete(r.id);
      state.busy--;
      p.resolve(r.outcome);
    });
    const die = (why: string): void => {
      if (state.dead || closing) return;
      state.dead = true;
      // the lines it held fail (closed), never silently pass or vanish
      for (const [id, p] of pending) {
        if (p.slot !== slot) continue;
        pending.delete(id);
        p.resolve(internalFailure(`${p.job.source}:${p.job.n}`, { message: `a verifying thread ${why}` }));
      }
    };
    w.on('error', (err) => die(`failed: ${err.message}`));
    w.on('exit', (code) => die(`exited (code ${code})`));
    return state;
  });
  return {
    verify(source, n, line) {
      const alive = workers.filter((x) => !x.dead);
      if (!alive.length) return Promise.resolve(internalFailure(`${source}:${n}`, { message: 'no verifying thread is running' }));
      const state = alive.reduce((a, b) => (b.busy < a.busy ? b : a));
      const id = nextId++;
      const job: Job = { id, source, n, line };
      return new Promise((resolve) => {
        pending.set(id, { resolve, job, slot: workers.indexOf(state) });
        state.busy++;
        state.w.postMessage(job);
      });
    },
    async close() {
      closing = true;
      await Promise.all(workers.map((s) => s.w.terminate()));
    },
  };
}

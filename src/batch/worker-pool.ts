import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { CredstackError } from '../errors.js';
import { exportKeyPair, importKeyPair, type KeyPair } from '../keys/keypair.js';
import type { IssueOptions } from '../issue.js';

const FLAG = 'credstackBatchWorker';

interface Job {
  id: number;
  credential: object;
}
/** Rows travel in batches: one message carries up to `batch` jobs, one reply carries their results. */
type Batch = { jobs: Job[] };
/** A signed JSON credential comes back as its JSON text (one string to copy, and the cohort writes that text as it is). */
type Reply = { id: number; credential: string } | { id: number; json: string } | { id: number; error: { code: string; message: string; details?: Record<string, unknown> } };
type Message = { ready: true } | { replies: Reply[] };

/**
 * Worker side: this same module is loaded again as the worker's entry (`new Worker(import.meta.url)`), whether it runs
 * from source, from dist/index.js, dist/index.cjs or the bundled CLI, so no extra entry file has to be shipped.
 * It says `ready` once the signing code is loaded, so the main thread can sign until then.
 */
if (!isMainThread && parentPort && (workerData as Record<string, unknown> | undefined)?.[FLAG]) {
  const port = parentPort;
  const data = workerData as { key: KeyPair; options: Omit<IssueOptions, 'key'> };
  const key = importKeyPair(data.key);
  const ready = import('../issue.js');
  void ready.then(() => port.postMessage({ ready: true } satisfies Message), () => undefined);
  port.on('message', async (batch: Batch) => {
    if (!batch || !Array.isArray(batch.jobs)) return;
    const { issueCredential } = await ready;
    const replies: Reply[] = [];
    for (const job of batch.jobs) {
      try {
        const signed = await issueCredential(job.credential, { ...data.options, key });
        replies.push(typeof signed === 'string' ? { id: job.id, credential: signed } : { id: job.id, json: JSON.stringify(signed) });
      } catch (err) {
        const e = err as CredstackError;
        replies.push({ id: job.id, error: { code: e?.code ?? 'ERR_ISSUE_FAILED', message: e?.message ?? String(err), ...(e?.details ? { details: safeDetails(e.details) } : {}) } });
      }
    }
    port.postMessage({ replies } satisfies Message);
  });
}

function safeDetails(d: Record<string, unknown>): Record<string, unknown> | undefined {
  try {
    return structuredClone(d);
  } catch {
    return undefined;
  }
}

/** The JSON text each credential signed in a worker arrived as (see {@link signedJsonText}). */
const SIGNED_JSON = new WeakMap<object, string>();

/**
 * @internal The JSON text a credential signed in a worker arrived as (`JSON.stringify` of it, as long as it has not been
 * changed since), or undefined. Only for code that holds the credential from the pool's answer to its write (the cohort:
 * it writes this text instead of serializing the credential again).
 */
export function signedJsonText(credential: unknown): string | undefined {
  return credential && typeof credential === 'object' ? SIGNED_JSON.get(credential) : undefined;
}

/** @internal Running from TypeScript sources (a .ts module URL). */
export function fromSource(entry: URL): boolean {
  return entry.protocol === 'file:' && entry.pathname.endsWith('.ts');
}

/** Running from TypeScript sources (tsx, vitest): a worker must register tsx before it can load this .ts module. */
export function tsxBootstrap(entry: URL): string {
  let api = 'tsx/esm/api';
  try {
    // require.resolve gives tsx's CommonJS build; its ESM twin (same folder, .mjs) is the one to import
    const cjs = createRequire(fileURLToPath(entry)).resolve('tsx/esm/api');
    const esm = cjs.replace(/\.cjs$/, '.mjs');
    api = pathToFileURL(existsSync(esm) ? esm : cjs).href;
  } catch {
    /* fall back to resolving the bare specifier */
  }
  return `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); })`;
}

/** @internal A pool of signing workers; `sign` resolves with the signed credential or rejects with a CredstackError. */
export interface SigningPool {
  sign(credential: object): Promise<Record<string, any> | string>;
  /** Workers that have loaded the signing code (until then the caller may sign on its own thread). */
  ready(): number;
  /** Messages posted to the workers so far (each carries up to `batch` rows). */
  readonly messages: number;
  close(): Promise<void>;
}

/** Rows per message to a worker (fewer, larger messages: less structured-clone and event-loop overhead per row). */
export const WORKER_BATCH = 16;

/** @internal Start `size` worker threads that sign with `key` (its secret is handed to them in memory, never written). */
export function createSigningPool(size: number, key: KeyPair, options: Omit<IssueOptions, 'key'>, batch = WORKER_BATCH, onReady?: () => void): SigningPool {
  const entry = new URL(import.meta.url);
  const workerData = { [FLAG]: true, key: exportKeyPair(key, { includeSecret: true }), options: { ...options, now: options.now instanceof Date ? options.now.toISOString() : options.now } };
  const workers = Array.from({ length: size }, () => {
    const w = fromSource(entry)
      ? new Worker(tsxBootstrap(entry), { eval: true, workerData })
      : new Worker(entry, { workerData });
    w.unref();
    return { w, busy: 0, ready: false };
  });
  const pending = new Map<number, { resolve: (v: Record<string, any> | string) => void; reject: (e: CredstackError) => void }>();
  const queued: Job[] = [];
  let flushing = false;
  let nextId = 0;
  let messages = 0;
  let failure: CredstackError | undefined;
  let closing = false;
  const settle = (slot: (typeof workers)[number]): void => {
    if (slot.busy === 0) slot.w.unref();
  };
  // hand the queued rows out in batches, each to the least busy worker; runs once per turn of the event loop
  const flush = (): void => {
    flushing = false;
    while (queued.length) {
      const ready = workers.filter((x) => x.ready);
      const slot = (ready.length ? ready : workers).reduce((a, b) => (b.busy < a.busy ? b : a));
      const jobs = queued.splice(0, batch);
      try {
        slot.w.postMessage({ jobs } satisfies Batch);
      } catch {
        // a row that cannot be copied to a thread (a function, a symbol…): send the rows one by one, fail just those
        for (const job of jobs) {
          try {
            slot.w.postMessage({ jobs: [job] } satisfies Batch);
            slot.busy++;
            messages++;
          } catch (err) {
            const p = pending.get(job.id);
            pending.delete(job.id);
            p?.reject(new CredstackError('ERR_ISSUE_FAILED', `the credential cannot be handed to a signing thread: ${err instanceof Error ? err.message : 'not cloneable'}`));
          }
        }
        if (slot.busy > 0) slot.w.ref();
        continue;
      }
      slot.busy += jobs.length;
      slot.w.ref();
      messages++;
    }
  };
  for (const slot of workers) {
    slot.w.on('message', (msg: Message) => {
      if ('ready' in msg) {
        slot.ready = true;
        onReady?.();
        return;
      }
      for (const reply of msg.replies ?? []) {
        slot.busy--;
        const p = pending.get(reply.id);
        if (!p) continue;
        pending.delete(reply.id);
        if ('error' in reply) p.reject(new CredstackError(reply.error.code, reply.error.message, reply.error.details ? { details: reply.error.details } : undefined));
        else if ('json' in reply) {
          const signed = JSON.parse(reply.json) as Record<string, any>;
          SIGNED_JSON.set(signed, reply.json);
          p.resolve(signed);
        } else p.resolve(reply.credential);
      }
      settle(slot);
    });
    const fail = (why: string, cause?: unknown): void => {
      failure ??= new CredstackError('ERR_WORKER_FAILED', `a signing worker ${why}`, cause !== undefined ? { cause } : undefined);
      for (const p of pending.values()) p.reject(failure);
      pending.clear();
      queued.length = 0;
    };
    slot.w.on('error', (err) => fail(`failed: ${err.message}`, err));
    slot.w.on('exit', (code) => {
      if (!closing) fail(`exited (code ${code})`);
    });
  }
  return {
    sign(credential) {
      if (failure) return Promise.reject(failure);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        queued.push({ id, credential });
        if (queued.length >= batch * workers.length) flush();
        else if (!flushing) {
          flushing = true;
          setImmediate(flush);
        }
      });
    },
    ready: () => workers.filter((x) => x.ready).length,
    get messages() {
      return messages;
    },
    async close() {
      closing = true;
      await Promise.all(workers.map((s) => s.w.terminate()));
    },
  };
}

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
type Reply = { id: number; credential: Record<string, any> | string } | { id: number; error: { code: string; message: string; details?: Record<string, unknown> } };

/**
 * Worker side: this same module is loaded again as the worker's entry (`new Worker(import.meta.url)`), whether it runs
 * from source, from dist/index.js, dist/index.cjs or the bundled CLI, so no extra entry file has to be shipped.
 */
if (!isMainThread && parentPort && (workerData as Record<string, unknown> | undefined)?.[FLAG]) {
  const port = parentPort;
  const data = workerData as { key: KeyPair; options: Omit<IssueOptions, 'key'> };
  const key = importKeyPair(data.key);
  const ready = import('../issue.js');
  port.on('message', async (job: Job) => {
    if ((job as unknown) === 'ping') return;
    const { issueCredential } = await ready;
    let reply: Reply;
    try {
      reply = { id: job.id, credential: await issueCredential(job.credential, { ...data.options, key }) };
    } catch (err) {
      const e = err as CredstackError;
      reply = { id: job.id, error: { code: e?.code ?? 'ERR_ISSUE_FAILED', message: e?.message ?? String(err), ...(e?.details ? { details: safeDetails(e.details) } : {}) } };
    }
    port.postMessage(reply);
  });
}

function safeDetails(d: Record<string, unknown>): Record<string, unknown> | undefined {
  try {
    return structuredClone(d);
  } catch {
    return undefined;
  }
}

function fromSource(entry: URL): boolean {
  return entry.protocol === 'file:' && entry.pathname.endsWith('.ts');
}

/** Running from TypeScript sources (tsx, vitest): a worker must register tsx before it can load this .ts module. */
function tsxBootstrap(entry: URL): string {
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
  close(): Promise<void>;
}

/** @internal Start `size` worker threads that sign with `key` (its secret is handed to them in memory, never written). */
export function createSigningPool(size: number, key: KeyPair, options: Omit<IssueOptions, 'key'>): SigningPool {
  const entry = new URL(import.meta.url);
  const workerData = { [FLAG]: true, key: exportKeyPair(key, { includeSecret: true }), options: { ...options, now: options.now instanceof Date ? options.now.toISOString() : options.now } };
  const workers = Array.from({ length: size }, () => {
    const w = fromSource(entry)
      ? new Worker(tsxBootstrap(entry), { eval: true, workerData })
      : new Worker(entry, { workerData });
    w.unref();
    return { w, busy: 0 };
  });
  const pending = new Map<number, { resolve: (v: Record<string, any> | string) => void; reject: (e: CredstackError) => void }>();
  let nextId = 0;
  let failure: CredstackError | undefined;
  let closing = false;
  for (const slot of workers) {
    slot.w.on('message', (reply: Reply) => {
      slot.busy--;
      const p = pending.get(reply.id);
      if (!p) return;
      pending.delete(reply.id);
      if ('error' in reply) p.reject(new CredstackError(reply.error.code, reply.error.message, reply.error.details ? { details: reply.error.details } : undefined));
      else p.resolve(reply.credential);
    });
    const fail = (why: string, cause?: unknown): void => {
      failure ??= new CredstackError('ERR_WORKER_FAILED', `a signing worker ${why}`, cause !== undefined ? { cause } : undefined);
      for (const p of pending.values()) p.reject(failure);
      pending.clear();
    };
    slot.w.on('error', (err) => fail(`failed: ${err.message}`, err));
    slot.w.on('exit', (code) => {
      if (!closing) fail(`exited (code ${code})`);
    });
  }
  return {
    sign(credential) {
      if (failure) return Promise.reject(failure);
      const slot = workers.reduce((a, b) => (b.busy < a.busy ? b : a));
      const id = nextId++;
      slot.busy++;
      slot.w.ref();
      return new Promise((resolve, reject) => {
        pending.set(id, {
          resolve: (v) => {
            if (slot.busy === 0) slot.w.unref();
            resolve(v);
          },
          reject: (e) => {
            if (slot.busy === 0) slot.w.unref();
            reject(e);
          },
        });
        slot.w.postMessage({ id, credential } satisfies Job);
      });
    },
    async close() {
      closing = true;
      await Promise.all(workers.map((s) => s.w.terminate()));
    },
  };
}

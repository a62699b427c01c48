// @ts-nocheck
import { availableParallelism } from 'node:os';
import { CredstackError, InvalidInputError, IssueError, SignerError } from '../errors.js';
import { issueCredential, type IssueOptions } from '../issue.js';
import type { KeyPair } from '../keys/keypair.js';
import { WORKER_BATCH, createSigningPool } from './worker-pool.js';

/**
 * Progress of {@link issueBatch}, reported after every finished row (and when a signing worker becomes ready).
 * @example
 * ```ts
 * const onProgress = (p: BatchProgress) => process.stderr.write(`\r${p.done} done, ${p.failed} failed`);
 * ```
 */
export interface BatchProgress {
  /** Rows finished (signed or failed). */
  done: number;
  /** Rows signed. */
  succeeded: number;
  /** Rows that failed. */
  failed: number;
  /** Rows being signed right now (at most `concurrency`). */
  inFlight: number;
  /** Worker threads signing (0: the calling thread signs; also 0 after workers failed to start and signing fell back). */
  workers: number;
  /** Workers that have loaded the signing code; until the first one has, the calling thread signs. */
  workersReady?: number;
  /** Rows signed so far in worker threads (the others were signed on the calling thread). */
  signedInWorkers?: number;
}

/**
 * One finished row of {@link issueBatch}: the signed credential, or the error that row hit. `row` is the input as given.
 * @example
 * ```ts
 * for await (const r of issueBatch(rows, { key })) {
 *   if (r.error) console.error(`row ${r.index}: ${r.error.code} ${r.error.message}`);
 *   else await out.write(JSON.stringify(r.credential) + '\n');
 * }
 * ```
 */
export interface BatchResult<T = object> {
  /** 0-based position of the row in the input. */
  index: number;
  /** The input row. */
  row: T;
  /** The signed credential (an object, or a compact JWT with `format: 'vc-jwt'`). */
  credential?: Record<string, any> | string;
  /** Why this row failed; the other rows are unaffected. */
  error?: CredstackError;
}

/**
 * Options of {@link issueBatch}.
 * @example
 * ```ts
 * const opts: BatchOptions<Row> = { key, now: '2026-07-01T09:00:00Z', build: (row) => awardAchievement({ … }) };
 * ```
 */
export interface BatchOptions<T = object> extends Omit<IssueOptions, 'now'> {
  /** Pin the clock for every credential (proof `created`, default `validFrom`). Default: the time each row is signed. */
  now?: Date | string;
  /**
   * Rows signed at the same time; default 2 × available cores (with workers: at least 2 batches of 16 rows per worker).
   * Memory is bounded by this, not by the cohort size.
   */
  concurrency?: number;
  /** Called after every finished row. */
  onProgress?: (progress: BatchProgress) => void;
  /** Turn an input row into an unsigned credential; an exception becomes that row's `error`. Default: the row is the credential. */
  build?: (row: T, index: number) => object | Promise<object>;
  /** Stop pulling new rows when aborted; rows already in flight still finish and are yielded. */
  signal?: AbortSignal;
  /**
   * Sign in this many worker threads (default 0: sign on the calling thread). Signing is CPU-bound (JSON-LD
   * canonicalisation), so workers up to the number of cores make large cohorts proportionally faster; each costs
   * ~0.5 s to start (this thread signs until the first is ready) and its own JSON-LD caches (~40 MB); rows go to them
   * in batches of 16 per message. The key's secret is handed to them in memory only.
   * With an external `signer` the rows are prepared and signed on the calling thread (a signer cannot cross threads).
   */
  workers?: number;
  /**
   * With `workers`, whether this thread also signs once they are ready (one row at a time, between handing rows out and
   * writing results), so that N workers and this thread use N + 1 cores. Default: when `workers` is less than the
   * number of cores (`os.availableParallelism()`); with as many workers as cores it only hands rows out.
   */
  mainThreadSigns?: boolean;
  /**
   * How many times a row is signed again after a transient signer failure (`SignerError` with `details.transient`:
   * the signer threw or timed out), waiting `signerRetryDelayMs`, then twice that, … in between. Default 3. A row
   * whose retries are exhausted fails with that `SignerError`; a retried row still yields exactly one credential.
   */
  signerRetries?: number;
  /** First back-off delay of a signer retry, in milliseconds (default 250; doubles on each further attempt). */
  signerRetryDelayMs?: number;
}

/** @internal Sleep that an abort does not wait for. */
function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });
}

function toCredstackError(err: unknown): CredstackError {
  if (err instanceof CredstackError) return err;
  return new IssueError('ERR_ISSUE_FAILED', err instanceof Error ? err.message : String(err), { cause: err });
}

/**
 * Sign many credentials with one key, streaming: rows are pulled from `rows` (an array, a generator or an async
 * generator such as a CSV reader) only as fast as they are signed, at most `concurrency` at a time, and results come out
 * **in input order**. Memory stays flat whatever the cohort size: nothing holds the whole cohort. A row that fails
 * (bad data, undefined term, schema error) yields a result with `error` and the batch goes on.
 * @example
 * ```ts
 * import { issueBatch } from 'credstack';
 * let ok = 0;
 * for await (const r of issueBatch(unsignedCredentials, { key, concurrency: 8 })) {
 *   if (r.credential) ok++;
 *   else console.error(`#${r.index}: ${r.error!.message}`);
 * }
 * ```
 */
export async function* issueBatch<T = object>(
  rows: Iterable<T> | AsyncIterable<T>,
  options: BatchOptions<T>,
): AsyncGenerator<BatchResult<T>, void, undefined> {
  if (!options || typeof options !== 'object' || (!options.key && !options.signer)) throw new InvalidInputError('options.key or options.signer is required');
  if (rows == null || (typeof (rows as any)[Symbol.asyncIterator] !== 'function' && typeof (rows as any)[Symbol.iterator] !== 'function')) {
    throw new InvalidInputError('rows must be an iterable or async iterable');
  }
  const { build, onProgress, signal, concurrency: _c, workers = 0, mainThreadSigns, signerRetries = 3, signerRetryDelayMs = 250, ...issueOpts } = options;
  if (!Number.isInteger(signerRetries) || signerRetries < 0 || signerRetries > 20) throw new InvalidInputError('signerRetries must be an integer from 0 to 20');
  if (typeof signerRetryDelayMs !== 'number' || !(signerRetryDelayMs >= 0) || signerRetryDelayMs > 60_000) throw new InvalidInputError('signerRetryDelayMs must be 0 to 60000');
  if (!Number.isInteger(workers) || workers < 0) throw new InvalidInputError('workers must be a non-negative integer');
  if (mainThreadSigns !== undefined && typeof mainThreadSigns !== 'boolean') throw new InvalidInputError('mainThreadSigns must be a boolean');
  // with workers, enough rows in flight to keep every worker's batches full (rows go to workers WORKER_BATCH at a time)
  const concurrency = options.concurrency ?? Math.max(2, availableParallelism() * 2, workers * WORKER_BATCH * 2);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new InvalidInputError('concurrency must be a positive integer');
  if (workers > 0 && issueOpts.documents !== undefined) throw new InvalidInputError('workers cannot be combined with documents (pass contexts through the bundled set)');
  const { key: _key, ...workerOpts } = issueOpts;
  // workers sign with Ed25519 Multikeys; other key types (RSA for VC-JWT) sign on this thread
  let pool = workers > 0 && issueOpts.signer === undefined && (issueOpts.key as { type?: string } | undefined)?.type === 'Multikey'
    ? createSigningPool(workers, issueOpts.key as KeyPair, workerOpts, WORKER_BATCH, () => {
      // a worker became ready: say so at once (a caller waiting for workers must not wait for the next finished row)
      if (!pool) return;
      progress.workersReady = pool.ready();
      onProgress?.({ ...progress });
    })
    : undefined;
  // this thread signs beside the workers (one row at a time) when they leave a core free
  const shareMain = mainThreadSigns ?? workers < availableParallelism();
  let mainBusy = 0;
  const sign = async (unsigned: object): Promise<Record<string, any> | string> => {
    const p = pool;
    // until a worker has loaded the signing code (~0.5 s), this thread signs: workers start while it works
    if (p && p.ready() > 0 && !(shareMain && mainBusy === 0)) {
      try {
        const signed = await p.sign(unsigned);
        progress.signedInWorkers = (progress.signedInWorkers ?? 0) + 1;
        return signed;
      } catch (err) {
        if ((err as CredstackError).code !== 'ERR_WORKER_FAILED') throw err;
        // workers could not run here (e.g. a bundle that cannot be loaded as a worker): sign on this thread instead
        if (pool === p) {
          pool = undefined;
          void p.close();
        }
      }
    }
    mainBusy++;
    try {
      return await issueCredential(unsigned, issueOpts as IssueOptions);
    } finally {
      mainBusy--;
    }
  };
  // a transient signer failure signs the same prepared row again (same credential id), so a row is issued at most once
  const signWithRetry = async (unsigned: object): Promise<Record<string, any> | string> => {
    let row = unsigned;
    if (row && typeof row === 'object' && !Array.isArray(row) && (row as { id?: unknown }).id === undefined) {
      row = { ...row, id: `urn:uuid:${globalThis.crypto.randomUUID()}` };
    }
    for (let attempt = 0; ; attempt++) {
      try {
        return await sign(row);
      } catch (err) {
        const transient = err instanceof SignerError && err.details?.transient === true;
        if (!transient || attempt >= signerRetries || signal?.aborted) throw err;
        await delay(signerRetryDelayMs * 2 ** attempt, signal);
      }
    }
  };

  const iterator: AsyncIterator<T> | Iterator<T> =
    typeof (rows as any)[Symbol.asyncIterator] === 'function' ? (rows as AsyncIterable<T>)[Symbol.asyncIterator]() : (rows as Iterable<T>)[Symbol.iterator]();
  const progress: BatchProgress = { done: 0, succeeded: 0, failed: 0, inFlight: 0, workers: 0, ...(pool ? { workersReady: 0, signedInWorkers: 0 } : {}) };
  const queue: Promise<BatchResult<T>>[] = [];
  let index = 0;
  let exhausted = false;

  const start = (row: T, i: number): Promise<BatchResult<T>> => {
    progress.inFlight++;
    return (async (): Promise<BatchResult<T>> => {
      try {
        const unsigned = build ? await build(row, i) : (row as unknown as object);
        const credential = await signWithRetry(unsigned);
        return { index: i, row, credential };
      } catch (err) {
        return { index: i, row, error: toCredstackError(err) };
      }
    })();
  };

  const fill = async (): Promise<void> => {
    while (!exhausted && queue.length < concurrency && !signal?.aborted) {
      const next = await iterator.next();
      if (next.done) {
        exhausted = true;
        break;
      }
      queue.push(start(next.value, index++));
    }
  };

  try {
    await fill();
    while (queue.length > 0) {
      const result = await queue.shift()!;
      progress.inFlight--;
      progress.done++;
      progress.workers = pool ? workers : 0;
      if (pool) progress.workersReady = pool.ready();
      if (result.error) progress.failed++;
      else progress.succeeded++;
      onProgress?.({ ...progress });
      // start the next rows before handing this one out, so signing overlaps with the consumer's writes
      await fill();
      yield result;
    }
  } finally {
    if (!exhausted) await iterator.return?.();
    await pool?.close();
    pool = undefined;
  }
}

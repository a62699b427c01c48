// @ts-nocheck
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { writeFileAtomic } from '../util/atomic-write.js';
import { acquireFileLock } from '../util/file-lock.js';
import { InvalidInputError, StatusListError } from '../errors.js';
import { allocateStatusIndex, allocateStatusIndices, type AllocatedStatus, type AllocatedStatusBlock } from './allocate.js';
import { createStatusList, type CreateStatusListOptions } from './create.js';
import { getStatus } from './get-status.js';
import { reinstate } from './reinstate.js';
import { revoke } from './revoke.js';
import type { SetStatusOptions } from './set-status.js';
import { signStatusList, type SignStatusListOptions } from './sign.js';
import { assertState } from './state.js';
import { suspend } from './suspend.js';
import type { BitstringStatusListCredential, BitstringStatusListEntry, StatusListState } from './types.js';

/**
 * Options of {@link FileStatusListStore} and {@link withStatusListFile}.
 * @example
 * ```ts
 * const opts: FileStatusListStoreOptions = { lockTimeoutMs: 5_000, staleLockMs: 30_000 };
 * ```
 */
export interface FileStatusListStoreOptions {
  /** Give up waiting for the lock after this long (`ERR_STATUS_STORE_LOCKED`). Default 10 s. */
  lockTimeoutMs?: number;
  /**
   * A lock file records its owner's pid and host: a lock whose owner ran on this host and no longer exists (killed with
   * SIGKILL, crashed) is broken at once. Others (owner on another host, or the pid reused) are broken when not
   * touched for this long; the holder refreshes the lock every `staleLockMs / 3` while it works. Default 30 s.
   */
  staleLockMs?: number;
}

const MAX_STATE_FILE = 64 * 1024 * 1024;
/** In-process queue per file: callers in one process wait their turn instead of polling the lock file. */
const queues = new Map<string, Promise<unknown>>();

function io(err: unknown, what: string): StatusListError {
  return new StatusListError('ERR_STATUS_STORE_IO', `${what}: ${(err as Error)?.message ?? String(err)}`, { cause: err });
}

async function acquireLock(lockPath: string, opts: Required<FileStatusListStoreOptions>): Promise<() => Promise<void>> {
  return acquireFileLock(lockPath, {
    timeoutMs: opts.lockTimeoutMs,
    staleMs: opts.staleLockMs,
    onError: (err) => io(err, `cannot create lock file ${lockPath}`),
    onBusy: (owner) =>
      new StatusListError('ERR_STATUS_STORE_LOCKED', `could not lock ${lockPath} within ${opts.lockTimeoutMs} ms (held by ${owner ? `pid ${owner.pid} on ${owner.host}` : 'another process'})`, {
        details: { lockPath, ...(owner ? { pid: owner.pid, host: owner.host } : {}) },
      }),
  });
}

async function readState(path: string): Promise<StatusListState> {
  let text: string;
  try {
    const st = await stat(path);
    if (st.size > MAX_STATE_FILE) throw new StatusListError('ERR_STATUS_STATE_INVALID', `${path} is ${st.size} bytes: too large for a status list state`);
    text = await readFile(path, 'utf8');
  } catch (err) {
    if (err instanceof StatusListError) throw err;
    if ((err as NodeJS.ErrnoException)?.code === 'ENOENT') {
      throw new StatusListError('ERR_STATUS_STORE_NOT_FOUND', `no status list state at ${path}: create it with FileStatusListStore.create`, { cause: err });
    }
    throw io(err, `cannot read ${path}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    throw new StatusListError('ERR_STATUS_STATE_INVALID', `${path} is not valid JSON`, { cause });
  }
  return assertState(parsed);
}

/** Write `path` atomically: a reader sees the old or the new content, never a mix (temp file, fsync, rename). */
async function writeAtomic(path: string, text: string, exclusive = false): Promise<void> {
  try {
    await writeFileAtomic(path, text, { exclusive });
  } catch (err) {
    if ((err as NodeJS.ErrnoException)?.code === 'EEXIST') throw new StatusListError('ERR_STATUS_STORE_EXISTS', `${path} already exists`, { cause: err });
    throw io(err, `cannot write ${path}`);
  }
}

function guard(before: StatusListState, after: unknown): StatusListState {
  const s = assertState(after);
  if (s.id !== before.id || s.issuer !== before.issuer || s.purpose !== before.purpose || s.length !== before.length) {
    throw new StatusListError('ERR_STATUS_STATE_INVALID', 'an update must not change the list id, issuer, purpose or length');
  }
  if (s.allocation.key !== before.allocation.key || s.allocation.order !== before.allocation.order || s.allocation.next < before.allocation.next) {
    throw new StatusListError('ERR_STATUS_STATE_INVALID', 'an update must not rewind or re-key allocation (indexes would be handed out twice)');
  }
  return s;
}

/**
 * Run `fn` on the status list state stored in the JSON file `path`, holding an exclusive lock, and store the state it
 * returns atomically. Safe across processes and within one process: concurrent callers run one after another, so
 * {@link allocateStatusIndex} never hands out the same index twice.
 *
 * The lock is a sibling file `path + '.lock'` created with `open(…, 'wx')` recording pid and host, retried with
 * back-off, refreshed while held; a lock left by a dead process on this host is broken at once, others after
 * `staleLockMs`. Works on local file systems;
 * do not rely on it over NFS.
 * @example
 * ```ts
 * const { entry } = await withStatusListFile('status-1.json', (state) => allocateStatusIndex(state));
 * await withStatusListFile('status-1.json', (state) => ({ state: revoke(state, 42) }));
 * ```
 */
export async function withStatusListFile<R extends { state: StatusListState }>(
  path: string,
  fn: (state: StatusListState) => R | Promise<R>,
  options: FileStatusListStoreOptions = {},
): Promise<R> {
  if (typeof path !== 'string' || path === '') throw new InvalidInputError('path must be a file path');
  if (typeof fn !== 'function') throw new InvalidInputError('fn must be a function');
  const opts: Required<FileStatusListStoreOptions> = {
    lockTimeoutMs: options.lockTimeoutMs ?? 10_000,
    staleLockMs: options.staleLockMs ?? 30_000,
  };
  const file = resolve(path);
  const run = async (): Promise<R> => {
    const release = await acquireLock(`${file}.lock`, opts);
    try {
      const before = await readState(file);
      const out = await fn(structuredClone(before));
      if (!out || typeof out !== 'object') throw new InvalidInputError('fn must return an object with the new `state`');
      const after = guard(before, out.state);
      if (JSON.stringify(after) !== JSON.stringify(before)) await writeAtomic(file, JSON.stringify(after, null, 2) + '\n');
      return out;
    } finally {
      await release();
    }
  };
  const prev = queues.get(file) ?? Promise.resolve();
  const mine = prev.then(run, run);
  const tail = mine.catch(() => {});
  queues.set(file, tail);
  void tail.then(() => {
    if (queues.get(file) === tail) queues.delete(file);
  });
  return mine;
}

/**
 * A status list kept in one JSON file, safe to use from several processes at once (see {@link withStatusListFile}).
 * @example
 * ```ts
 * const store = await FileStatusListStore.create('status-1.json', { id: 'https://uni.example/status/1', issuer: key.controller, purpose: 'revocation' });
 * const { entry } = await store.allocate();
 * const badge = await issueCredential({ ...credential, credentialStatus: entry }, { key });
 * await store.revoke(Number(entry.statusListIndex));
 * await publish(await store.sign({ key }));
 * ```
 */
export class FileStatusListStore {
  readonly path: string;
  readonly options: FileStatusListStoreOptions;

  /** Open an existing state file (see {@link FileStatusListStore.create} to make one). */
  constructor(path: string, options: FileStatusListStoreOptions = {}) {
    if (typeof path !== 'string' || path === '') throw new InvalidInputError('path must be a file path');
    this.path = resolve(path);
    this.options = options;
  }

  /**
   * Create the file with a new list (or a given state); fails with `ERR_STATUS_STORE_EXISTS` if the file exists, so two
   * processes cannot both initialise it.
   */
  static async create(path: string, init: CreateStatusListOptions | StatusListState, options: FileStatusListStoreOptions = {}): Promise<FileStatusListStore> {
    const state = (init as StatusListState).format === 'credstack-status-list/v1' ? assertState(init) : createStatusList(init as CreateStatusListOptions);
    const store = new FileStatusListStore(path, options);
    await writeAtomic(store.path, JSON.stringify(state, null, 2) + '\n', true);
    return store;
  }

  /** The stored state (a snapshot; may be outdated as soon as it is returned). */
  read(): Promise<StatusListState> {
    return readState(this.path);
  }

  /** Locked read–modify–write (see {@link withStatusListFile}). */
  update<R extends { state: StatusListState }>(fn: (state: StatusListState) => R | Promise<R>): Promise<R> {
    return withStatusListFile(this.path, fn, this.options);
  }

  /** Allocate an index and its `credentialStatus` entry; the new state is stored before this resolves. */
  allocate(): Promise<AllocatedStatus> {
    return this.update((s) => allocateStatusIndex(s));
  }

  /**
   * Reserve up to `count` indexes in one locked update ({@link allocateStatusIndices}); the new state is stored before
   * this resolves. Indexes you end up not using are never handed out again (a crash loses them, never duplicates them).
   * @example
   * ```ts
   * const { entries } = await store.allocateMany(64);
   * ```
   */
  allocateMany(count: number): Promise<AllocatedStatusBlock> {
    return this.update((s) => allocateStatusIndices(s, count));
  }

  /**
   * A function that hands out one `credentialStatus` entry per call, reserving indexes `block` at a time
   * ({@link FileStatusListStore.allocateMany}) so that a cohort takes the lock once per block, not once per credential.
   * Blocks grow from `firstBlock` (default 8) by doubling up to `block` (default 128), so a small run reserves little.
   * `expected` (how many entries the caller means to take, e.g. the rows of a roster) caps the blocks so that they never
   * reach past it: a run that takes what it expected reserves exactly that many; beyond it, one index per call.
   * Concurrent callers share one reservation; each entry goes to exactly one caller. Entries reserved but not handed
   * out when the process ends are lost (at most one block), never reused.
   * @example
   * ```ts
   * const next = store.allocator({ block: 64, expected: rows.length });
   * const badge = await issueCredential({ ...credential, credentialStatus: await next() }, { key });
   * ```
   */
  allocator(opts: { block?: number; firstBlock?: number; expected?: number } = {}): () => Promise<BitstringStatusListEntry> {
    const max = opts.block ?? 128;
    if (!Number.isSafeInteger(max) || max < 1) throw new InvalidInputError('block must be a positive integer');
    let size = Math.min(max, opts.firstBlock ?? 8);
    if (!Number.isSafeInteger(size) || size < 1) throw new InvalidInputError('firstBlock must be a positive integer');
    const expected = opts.expected ?? Infinity;
    if (expected !== Infinity && (!Number.isSafeInteger(expected) || expected < 0)) throw new InvalidInputError('expected must be a non-negative integer');
    const ready: BitstringStatusListEntry[] = [];
    let reserved = 0;
    let refill: Promise<void> | undefined;
    const take = async (): Promise<BitstringStatusListEntry> => {
      for (;;) {
        const e = ready.shift();
        if (e) return e;
        refill ??= this.allocateMany(Math.max(1, Math.min(size, expected - reserved))).then(
          (b) => {
            reserved += b.entries.length;
            ready.push(...b.entries);
            size = Math.min(max, size * 2);
            refill = undefined;
          },
          (err: unknown) => {
            refill = undefined;
            throw err;
          },
        );
        await refill;
      }
    };
    return take;
  }

  /** {@link revoke} and store. */
  async revoke(index: number | number[], options?: SetStatusOptions): Promise<StatusListState> {
    return (await this.update((s) => ({ state: revoke(s, index, options) }))).state;
  }

  /** {@link suspend} and store. */
  async suspend(index: number | number[], options?: SetStatusOptions): Promise<StatusListState> {
    return (await this.update((s) => ({ state: suspend(s, index, options) }))).state;
  }

  /** {@link reinstate} and store. */
  async reinstate(index: number | number[], options?: SetStatusOptions): Promise<StatusListState> {
    return (await this.update((s) => ({ state: reinstate(s, index, options) }))).state;
  }

  /** {@link getStatus} of the stored state. */
  async getStatus(index: number): Promise<boolean> {
    return getStatus(await this.read(), index);
  }

  /** {@link signStatusList} of the stored state. */
  async sign(options: SignStatusListOptions & { format?: 'eddsa-rdfc-2022' }): Promise<BitstringStatusListCredential> {
    return signStatusList(await this.read(), options);
  }
}

// @ts-nocheck
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
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
const MAX_STATE_FILE = stryMutAct_9fa48("0") ? 64 * 1024 / 1024 : (stryCov_9fa48("0"), (stryMutAct_9fa48("1") ? 64 / 1024 : (stryCov_9fa48("1"), 64 * 1024)) * 1024);
/** In-process queue per file: callers in one process wait their turn instead of polling the lock file. */
const queues = new Map<string, Promise<unknown>>();
function io(err: unknown, what: string): StatusListError {
  if (stryMutAct_9fa48("2")) {
    {}
  } else {
    stryCov_9fa48("2");
    return new StatusListError(stryMutAct_9fa48("3") ? "" : (stryCov_9fa48("3"), 'ERR_STATUS_STORE_IO'), stryMutAct_9fa48("4") ? `` : (stryCov_9fa48("4"), `${what}: ${stryMutAct_9fa48("5") ? (err as Error)?.message && String(err) : (stryCov_9fa48("5"), (stryMutAct_9fa48("6") ? (err as Error).message : (stryCov_9fa48("6"), (err as Error)?.message)) ?? String(err))}`), stryMutAct_9fa48("7") ? {} : (stryCov_9fa48("7"), {
      cause: err
    }));
  }
}
async function acquireLock(lockPath: string, opts: Required<FileStatusListStoreOptions>): Promise<() => Promise<void>> {
  if (stryMutAct_9fa48("8")) {
    {}
  } else {
    stryCov_9fa48("8");
    return acquireFileLock(lockPath, stryMutAct_9fa48("9") ? {} : (stryCov_9fa48("9"), {
      timeoutMs: opts.lockTimeoutMs,
      staleMs: opts.staleLockMs,
      onError: stryMutAct_9fa48("10") ? () => undefined : (stryCov_9fa48("10"), err => io(err, stryMutAct_9fa48("11") ? `` : (stryCov_9fa48("11"), `cannot create lock file ${lockPath}`))),
      onBusy: stryMutAct_9fa48("12") ? () => undefined : (stryCov_9fa48("12"), owner => new StatusListError(stryMutAct_9fa48("13") ? "" : (stryCov_9fa48("13"), 'ERR_STATUS_STORE_LOCKED'), stryMutAct_9fa48("14") ? `` : (stryCov_9fa48("14"), `could not lock ${lockPath} within ${opts.lockTimeoutMs} ms (held by ${owner ? stryMutAct_9fa48("15") ? `` : (stryCov_9fa48("15"), `pid ${owner.pid} on ${owner.host}`) : stryMutAct_9fa48("16") ? "" : (stryCov_9fa48("16"), 'another process')})`), stryMutAct_9fa48("17") ? {} : (stryCov_9fa48("17"), {
        details: stryMutAct_9fa48("18") ? {} : (stryCov_9fa48("18"), {
          lockPath,
          ...(owner ? stryMutAct_9fa48("19") ? {} : (stryCov_9fa48("19"), {
            pid: owner.pid,
            host: owner.host
          }) : {})
        })
      })))
    }));
  }
}
async function readState(path: string): Promise<StatusListState> {
  if (stryMutAct_9fa48("20")) {
    {}
  } else {
    stryCov_9fa48("20");
    let text: string;
    try {
      if (stryMutAct_9fa48("21")) {
        {}
      } else {
        stryCov_9fa48("21");
        const st = await stat(path);
        if (stryMutAct_9fa48("25") ? st.size <= MAX_STATE_FILE : stryMutAct_9fa48("24") ? st.size >= MAX_STATE_FILE : stryMutAct_9fa48("23") ? false : stryMutAct_9fa48("22") ? true : (stryCov_9fa48("22", "23", "24", "25"), st.size > MAX_STATE_FILE)) throw new StatusListError(stryMutAct_9fa48("26") ? "" : (stryCov_9fa48("26"), 'ERR_STATUS_STATE_INVALID'), stryMutAct_9fa48("27") ? `` : (stryCov_9fa48("27"), `${path} is ${st.size} bytes: too large for a status list state`));
        text = await readFile(path, stryMutAct_9fa48("28") ? "" : (stryCov_9fa48("28"), 'utf8'));
      }
    } catch (err) {
      if (stryMutAct_9fa48("29")) {
        {}
      } else {
        stryCov_9fa48("29");
        if (stryMutAct_9fa48("31") ? false : stryMutAct_9fa48("30") ? true : (stryCov_9fa48("30", "31"), err instanceof StatusListError)) throw err;
        if (stryMutAct_9fa48("34") ? (err as NodeJS.ErrnoException)?.code !== 'ENOENT' : stryMutAct_9fa48("33") ? false : stryMutAct_9fa48("32") ? true : (stryCov_9fa48("32", "33", "34"), (stryMutAct_9fa48("35") ? (err as NodeJS.ErrnoException).code : (stryCov_9fa48("35"), (err as NodeJS.ErrnoException)?.code)) === (stryMutAct_9fa48("36") ? "" : (stryCov_9fa48("36"), 'ENOENT')))) {
          if (stryMutAct_9fa48("37")) {
            {}
          } else {
            stryCov_9fa48("37");
            throw new StatusListError(stryMutAct_9fa48("38") ? "" : (stryCov_9fa48("38"), 'ERR_STATUS_STORE_NOT_FOUND'), stryMutAct_9fa48("39") ? `` : (stryCov_9fa48("39"), `no status list state at ${path}: create it with FileStatusListStore.create`), stryMutAct_9fa48("40") ? {} : (stryCov_9fa48("40"), {
              cause: err
            }));
          }
        }
        throw io(err, stryMutAct_9fa48("41") ? `` : (stryCov_9fa48("41"), `cannot read ${path}`));
      }
    }
    let parsed: unknown;
    try {
      if (stryMutAct_9fa48("42")) {
        {}
      } else {
        stryCov_9fa48("42");
        parsed = JSON.parse(text);
      }
    } catch (cause) {
      if (stryMutAct_9fa48("43")) {
        {}
      } else {
        stryCov_9fa48("43");
        throw new StatusListError(stryMutAct_9fa48("44") ? "" : (stryCov_9fa48("44"), 'ERR_STATUS_STATE_INVALID'), stryMutAct_9fa48("45") ? `` : (stryCov_9fa48("45"), `${path} is not valid JSON`), stryMutAct_9fa48("46") ? {} : (stryCov_9fa48("46"), {
          cause
        }));
      }
    }
    return assertState(parsed);
  }
}

/** Write `path` atomically: a reader sees the old or the new content, never a mix (temp file, fsync, rename). */
async function writeAtomic(path: string, text: string, exclusive = stryMutAct_9fa48("47") ? true : (stryCov_9fa48("47"), false)): Promise<void> {
  if (stryMutAct_9fa48("48")) {
    {}
  } else {
    stryCov_9fa48("48");
    try {
      if (stryMutAct_9fa48("49")) {
        {}
      } else {
        stryCov_9fa48("49");
        await writeFileAtomic(path, text, stryMutAct_9fa48("50") ? {} : (stryCov_9fa48("50"), {
          exclusive
        }));
      }
    } catch (err) {
      if (stryMutAct_9fa48("51")) {
        {}
      } else {
        stryCov_9fa48("51");
        if (stryMutAct_9fa48("54") ? (err as NodeJS.ErrnoException)?.code !== 'EEXIST' : stryMutAct_9fa48("53") ? false : stryMutAct_9fa48("52") ? true : (stryCov_9fa48("52", "53", "54"), (stryMutAct_9fa48("55") ? (err as NodeJS.ErrnoException).code : (stryCov_9fa48("55"), (err as NodeJS.ErrnoException)?.code)) === (stryMutAct_9fa48("56") ? "" : (stryCov_9fa48("56"), 'EEXIST')))) throw new StatusListError(stryMutAct_9fa48("57") ? "" : (stryCov_9fa48("57"), 'ERR_STATUS_STORE_EXISTS'), stryMutAct_9fa48("58") ? `` : (stryCov_9fa48("58"), `${path} already exists`), stryMutAct_9fa48("59") ? {} : (stryCov_9fa48("59"), {
          cause: err
        }));
        throw io(err, stryMutAct_9fa48("60") ? `` : (stryCov_9fa48("60"), `cannot write ${path}`));
      }
    }
  }
}
function guard(before: StatusListState, after: unknown): StatusListState {
  if (stryMutAct_9fa48("61")) {
    {}
  } else {
    stryCov_9fa48("61");
    const s = assertState(after);
    if (stryMutAct_9fa48("64") ? (s.id !== before.id || s.issuer !== before.issuer || s.purpose !== before.purpose) && s.length !== before.length : stryMutAct_9fa48("63") ? false : stryMutAct_9fa48("62") ? true : (stryCov_9fa48("62", "63", "64"), (stryMutAct_9fa48("66") ? (s.id !== before.id || s.issuer !== before.issuer) && s.purpose !== before.purpose : stryMutAct_9fa48("65") ? false : (stryCov_9fa48("65", "66"), (stryMutAct_9fa48("68") ? s.id !== before.id && s.issuer !== before.issuer : stryMutAct_9fa48("67") ? false : (stryCov_9fa48("67", "68"), (stryMutAct_9fa48("70") ? s.id === before.id : stryMutAct_9fa48("69") ? false : (stryCov_9fa48("69", "70"), s.id !== before.id)) || (stryMutAct_9fa48("72") ? s.issuer === before.issuer : stryMutAct_9fa48("71") ? false : (stryCov_9fa48("71", "72"), s.issuer !== before.issuer)))) || (stryMutAct_9fa48("74") ? s.purpose === before.purpose : stryMutAct_9fa48("73") ? false : (stryCov_9fa48("73", "74"), s.purpose !== before.purpose)))) || (stryMutAct_9fa48("76") ? s.length === before.length : stryMutAct_9fa48("75") ? false : (stryCov_9fa48("75", "76"), s.length !== before.length)))) {
      if (stryMutAct_9fa48("77")) {
        {}
      } else {
        stryCov_9fa48("77");
        throw new StatusListError(stryMutAct_9fa48("78") ? "" : (stryCov_9fa48("78"), 'ERR_STATUS_STATE_INVALID'), stryMutAct_9fa48("79") ? "" : (stryCov_9fa48("79"), 'an update must not change the list id, issuer, purpose or length'));
      }
    }
    if (stryMutAct_9fa48("82") ? (s.allocation.key !== before.allocation.key || s.allocation.order !== before.allocation.order) && s.allocation.next < before.allocation.next : stryMutAct_9fa48("81") ? false : stryMutAct_9fa48("80") ? true : (stryCov_9fa48("80", "81", "82"), (stryMutAct_9fa48("84") ? s.allocation.key !== before.allocation.key && s.allocation.order !== before.allocation.order : stryMutAct_9fa48("83") ? false : (stryCov_9fa48("83", "84"), (stryMutAct_9fa48("86") ? s.allocation.key === before.allocation.key : stryMutAct_9fa48("85") ? false : (stryCov_9fa48("85", "86"), s.allocation.key !== before.allocation.key)) || (stryMutAct_9fa48("88") ? s.allocation.order === before.allocation.order : stryMutAct_9fa48("87") ? false : (stryCov_9fa48("87", "88"), s.allocation.order !== before.allocation.order)))) || (stryMutAct_9fa48("91") ? s.allocation.next >= before.allocation.next : stryMutAct_9fa48("90") ? s.allocation.next <= before.allocation.next : stryMutAct_9fa48("89") ? false : (stryCov_9fa48("89", "90", "91"), s.allocation.next < before.allocation.next)))) {
      if (stryMutAct_9fa48("92")) {
        {}
      } else {
        stryCov_9fa48("92");
        throw new StatusListError(stryMutAct_9fa48("93") ? "" : (stryCov_9fa48("93"), 'ERR_STATUS_STATE_INVALID'), stryMutAct_9fa48("94") ? "" : (stryCov_9fa48("94"), 'an update must not rewind or re-key allocation (indexes would be handed out twice)'));
      }
    }
    return s;
  }
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
export async function withStatusListFile<R extends {
  state: StatusListState;
}>(path: string, fn: (state: StatusListState) => R | Promise<R>, options: FileStatusListStoreOptions = {}): Promise<R> {
  if (stryMutAct_9fa48("95")) {
    {}
  } else {
    stryCov_9fa48("95");
    if (stryMutAct_9fa48("98") ? typeof path !== 'string' && path === '' : stryMutAct_9fa48("97") ? false : stryMutAct_9fa48("96") ? true : (stryCov_9fa48("96", "97", "98"), (stryMutAct_9fa48("100") ? typeof path === 'string' : stryMutAct_9fa48("99") ? false : (stryCov_9fa48("99", "100"), typeof path !== (stryMutAct_9fa48("101") ? "" : (stryCov_9fa48("101"), 'string')))) || (stryMutAct_9fa48("103") ? path !== '' : stryMutAct_9fa48("102") ? false : (stryCov_9fa48("102", "103"), path === (stryMutAct_9fa48("104") ? "Stryker was here!" : (stryCov_9fa48("104"), '')))))) throw new InvalidInputError(stryMutAct_9fa48("105") ? "" : (stryCov_9fa48("105"), 'path must be a file path'));
    if (stryMutAct_9fa48("108") ? typeof fn === 'function' : stryMutAct_9fa48("107") ? false : stryMutAct_9fa48("106") ? true : (stryCov_9fa48("106", "107", "108"), typeof fn !== (stryMutAct_9fa48("109") ? "" : (stryCov_9fa48("109"), 'function')))) throw new InvalidInputError(stryMutAct_9fa48("110") ? "" : (stryCov_9fa48("110"), 'fn must be a function'));
    const opts: Required<FileStatusListStoreOptions> = stryMutAct_9fa48("111") ? {} : (stryCov_9fa48("111"), {
      lockTimeoutMs: stryMutAct_9fa48("112") ? options.lockTimeoutMs && 10_000 : (stryCov_9fa48("112"), options.lockTimeoutMs ?? 10_000),
      staleLockMs: stryMutAct_9fa48("113") ? options.staleLockMs && 30_000 : (stryCov_9fa48("113"), options.staleLockMs ?? 30_000)
    });
    const file = resolve(path);
    const run = async (): Promise<R> => {
      if (stryMutAct_9fa48("114")) {
        {}
      } else {
        stryCov_9fa48("114");
        const release = await acquireLock(stryMutAct_9fa48("115") ? `` : (stryCov_9fa48("115"), `${file}.lock`), opts);
        try {
          if (stryMutAct_9fa48("116")) {
            {}
          } else {
            stryCov_9fa48("116");
            const before = await readState(file);
            const out = await fn(structuredClone(before));
            if (stryMutAct_9fa48("119") ? !out && typeof out !== 'object' : stryMutAct_9fa48("118") ? false : stryMutAct_9fa48("117") ? true : (stryCov_9fa48("117", "118", "119"), (stryMutAct_9fa48("120") ? out : (stryCov_9fa48("120"), !out)) || (stryMutAct_9fa48("122") ? typeof out === 'object' : stryMutAct_9fa48("121") ? false : (stryCov_9fa48("121", "122"), typeof out !== (stryMutAct_9fa48("123") ? "" : (stryCov_9fa48("123"), 'object')))))) throw new InvalidInputError(stryMutAct_9fa48("124") ? "" : (stryCov_9fa48("124"), 'fn must return an object with the new `state`'));
            const after = guard(before, out.state);
            if (stryMutAct_9fa48("127") ? JSON.stringify(after) === JSON.stringify(before) : stryMutAct_9fa48("126") ? false : stryMutAct_9fa48("125") ? true : (stryCov_9fa48("125", "126", "127"), JSON.stringify(after) !== JSON.stringify(before))) await writeAtomic(file, JSON.stringify(after, null, 2) + (stryMutAct_9fa48("128") ? "" : (stryCov_9fa48("128"), '\n')));
            return out;
          }
        } finally {
          if (stryMutAct_9fa48("129")) {
            {}
          } else {
            stryCov_9fa48("129");
            await release();
          }
        }
      }
    };
    const prev = stryMutAct_9fa48("130") ? queues.get(file) && Promise.resolve() : (stryCov_9fa48("130"), queues.get(file) ?? Promise.resolve());
    const mine = prev.then(run, run);
    const tail = mine.catch(() => {});
    queues.set(file, tail);
    void tail.then(() => {
      if (stryMutAct_9fa48("131")) {
        {}
      } else {
        stryCov_9fa48("131");
        if (stryMutAct_9fa48("134") ? queues.get(file) !== tail : stryMutAct_9fa48("133") ? false : stryMutAct_9fa48("132") ? true : (stryCov_9fa48("132", "133", "134"), queues.get(file) === tail)) queues.delete(file);
      }
    });
    return mine;
  }
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
    if (stryMutAct_9fa48("135")) {
      {}
    } else {
      stryCov_9fa48("135");
      if (stryMutAct_9fa48("138") ? typeof path !== 'string' && path === '' : stryMutAct_9fa48("137") ? false : stryMutAct_9fa48("136") ? true : (stryCov_9fa48("136", "137", "138"), (stryMutAct_9fa48("140") ? typeof path === 'string' : stryMutAct_9fa48("139") ? false : (stryCov_9fa48("139", "140"), typeof path !== (stryMutAct_9fa48("141") ? "" : (stryCov_9fa48("141"), 'string')))) || (stryMutAct_9fa48("143") ? path !== '' : stryMutAct_9fa48("142") ? false : (stryCov_9fa48("142", "143"), path === (stryMutAct_9fa48("144") ? "Stryker was here!" : (stryCov_9fa48("144"), '')))))) throw new InvalidInputError(stryMutAct_9fa48("145") ? "" : (stryCov_9fa48("145"), 'path must be a file path'));
      this.path = resolve(path);
      this.options = options;
    }
  }

  /**
   * Create the file with a new list (or a given state); fails with `ERR_STATUS_STORE_EXISTS` if the file exists, so two
   * processes cannot both initialise it.
   */
  static async create(path: string, init: CreateStatusListOptions | StatusListState, options: FileStatusListStoreOptions = {}): Promise<FileStatusListStore> {
    if (stryMutAct_9fa48("146")) {
      {}
    } else {
      stryCov_9fa48("146");
      const state = (stryMutAct_9fa48("149") ? (init as StatusListState).format !== 'credstack-status-list/v1' : stryMutAct_9fa48("148") ? false : stryMutAct_9fa48("147") ? true : (stryCov_9fa48("147", "148", "149"), (init as StatusListState).format === (stryMutAct_9fa48("150") ? "" : (stryCov_9fa48("150"), 'credstack-status-list/v1')))) ? assertState(init) : createStatusList(init as CreateStatusListOptions);
      const store = new FileStatusListStore(path, options);
      await writeAtomic(store.path, JSON.stringify(state, null, 2) + (stryMutAct_9fa48("151") ? "" : (stryCov_9fa48("151"), '\n')), stryMutAct_9fa48("152") ? false : (stryCov_9fa48("152"), true));
      return store;
    }
  }

  /** The stored state (a snapshot; may be outdated as soon as it is returned). */
  read(): Promise<StatusListState> {
    if (stryMutAct_9fa48("153")) {
      {}
    } else {
      stryCov_9fa48("153");
      return readState(this.path);
    }
  }

  /** Locked read–modify–write (see {@link withStatusListFile}). */
  update<R extends {
    state: StatusListState;
  }>(fn: (state: StatusListState) => R | Promise<R>): Promise<R> {
    if (stryMutAct_9fa48("154")) {
      {}
    } else {
      stryCov_9fa48("154");
      return withStatusListFile(this.path, fn, this.options);
    }
  }

  /** Allocate an index and its `credentialStatus` entry; the new state is stored before this resolves. */
  allocate(): Promise<AllocatedStatus> {
    if (stryMutAct_9fa48("155")) {
      {}
    } else {
      stryCov_9fa48("155");
      return this.update(stryMutAct_9fa48("156") ? () => undefined : (stryCov_9fa48("156"), s => allocateStatusIndex(s)));
    }
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
    if (stryMutAct_9fa48("157")) {
      {}
    } else {
      stryCov_9fa48("157");
      return this.update(stryMutAct_9fa48("158") ? () => undefined : (stryCov_9fa48("158"), s => allocateStatusIndices(s, count)));
    }
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
  allocator(opts: {
    block?: number;
    firstBlock?: number;
    expected?: number;
  } = {}): () => Promise<BitstringStatusListEntry> {
    if (stryMutAct_9fa48("159")) {
      {}
    } else {
      stryCov_9fa48("159");
      const max = stryMutAct_9fa48("160") ? opts.block && 128 : (stryCov_9fa48("160"), opts.block ?? 128);
      if (stryMutAct_9fa48("163") ? !Number.isSafeInteger(max) && max < 1 : stryMutAct_9fa48("162") ? false : stryMutAct_9fa48("161") ? true : (stryCov_9fa48("161", "162", "163"), (stryMutAct_9fa48("164") ? Number.isSafeInteger(max) : (stryCov_9fa48("164"), !Number.isSafeInteger(max))) || (stryMutAct_9fa48("167") ? max >= 1 : stryMutAct_9fa48("166") ? max <= 1 : stryMutAct_9fa48("165") ? false : (stryCov_9fa48("165", "166", "167"), max < 1)))) throw new InvalidInputError(stryMutAct_9fa48("168") ? "" : (stryCov_9fa48("168"), 'block must be a positive integer'));
      const first = stryMutAct_9fa48("169") ? opts.firstBlock && 8 : (stryCov_9fa48("169"), opts.firstBlock ?? 8);
      if (stryMutAct_9fa48("172") ? !Number.isSafeInteger(first) && first < 1 : stryMutAct_9fa48("171") ? false : stryMutAct_9fa48("170") ? true : (stryCov_9fa48("170", "171", "172"), (stryMutAct_9fa48("173") ? Number.isSafeInteger(first) : (stryCov_9fa48("173"), !Number.isSafeInteger(first))) || (stryMutAct_9fa48("176") ? first >= 1 : stryMutAct_9fa48("175") ? first <= 1 : stryMutAct_9fa48("174") ? false : (stryCov_9fa48("174", "175", "176"), first < 1)))) throw new InvalidInputError(stryMutAct_9fa48("177") ? "" : (stryCov_9fa48("177"), 'firstBlock must be a positive integer'));
      let size = stryMutAct_9fa48("178") ? Math.max(max, first) : (stryCov_9fa48("178"), Math.min(max, first));
      const expected = stryMutAct_9fa48("179") ? opts.expected && Infinity : (stryCov_9fa48("179"), opts.expected ?? Infinity);
      if (stryMutAct_9fa48("182") ? expected !== Infinity || !Number.isSafeInteger(expected) || expected < 0 : stryMutAct_9fa48("181") ? false : stryMutAct_9fa48("180") ? true : (stryCov_9fa48("180", "181", "182"), (stryMutAct_9fa48("184") ? expected === Infinity : stryMutAct_9fa48("183") ? true : (stryCov_9fa48("183", "184"), expected !== Infinity)) && (stryMutAct_9fa48("186") ? !Number.isSafeInteger(expected) && expected < 0 : stryMutAct_9fa48("185") ? true : (stryCov_9fa48("185", "186"), (stryMutAct_9fa48("187") ? Number.isSafeInteger(expected) : (stryCov_9fa48("187"), !Number.isSafeInteger(expected))) || (stryMutAct_9fa48("190") ? expected >= 0 : stryMutAct_9fa48("189") ? expected <= 0 : stryMutAct_9fa48("188") ? false : (stryCov_9fa48("188", "189", "190"), expected < 0)))))) throw new InvalidInputError(stryMutAct_9fa48("191") ? "" : (stryCov_9fa48("191"), 'expected must be a non-negative integer'));
      const ready: BitstringStatusListEntry[] = stryMutAct_9fa48("192") ? ["Stryker was here"] : (stryCov_9fa48("192"), []);
      let reserved = 0;
      let refill: Promise<void> | undefined;
      const take = async (): Promise<BitstringStatusListEntry> => {
        if (stryMutAct_9fa48("193")) {
          {}
        } else {
          stryCov_9fa48("193");
          if (stryMutAct_9fa48("194")) {
            for (; false;) {
              const e = ready.shift();
              if (e) return e;
              refill ??= this.allocateMany(Math.max(1, Math.min(size, expected - reserved))).then(b => {
                reserved += b.entries.length;
                ready.push(...b.entries);
                size = Math.min(max, size * 2);
                refill = undefined;
              }, (err: unknown) => {
                refill = undefined;
                throw err;
              });
              await refill;
            }
          } else {
            stryCov_9fa48("194");
            for (;;) {
              if (stryMutAct_9fa48("195")) {
                {}
              } else {
                stryCov_9fa48("195");
                const e = ready.shift();
                if (stryMutAct_9fa48("197") ? false : stryMutAct_9fa48("196") ? true : (stryCov_9fa48("196", "197"), e)) return e;
                stryMutAct_9fa48("198") ? refill &&= this.allocateMany(Math.max(1, Math.min(size, expected - reserved))).then(b => {
                  reserved += b.entries.length;
                  ready.push(...b.entries);
                  size = Math.min(max, size * 2);
                  refill = undefined;
                }, (err: unknown) => {
                  refill = undefined;
                  throw err;
                }) : (stryCov_9fa48("198"), refill ??= this.allocateMany(stryMutAct_9fa48("199") ? Math.min(1, Math.min(size, expected - reserved)) : (stryCov_9fa48("199"), Math.max(1, stryMutAct_9fa48("200") ? Math.max(size, expected - reserved) : (stryCov_9fa48("200"), Math.min(size, stryMutAct_9fa48("201") ? expected + reserved : (stryCov_9fa48("201"), expected - reserved)))))).then(b => {
                  if (stryMutAct_9fa48("202")) {
                    {}
                  } else {
                    stryCov_9fa48("202");
                    stryMutAct_9fa48("203") ? reserved -= b.entries.length : (stryCov_9fa48("203"), reserved += b.entries.length);
                    ready.push(...b.entries);
                    size = stryMutAct_9fa48("204") ? Math.max(max, size * 2) : (stryCov_9fa48("204"), Math.min(max, stryMutAct_9fa48("205") ? size / 2 : (stryCov_9fa48("205"), size * 2)));
                    refill = undefined;
                  }
                }, (err: unknown) => {
                  if (stryMutAct_9fa48("206")) {
                    {}
                  } else {
                    stryCov_9fa48("206");
                    refill = undefined;
                    throw err;
                  }
                }));
                await refill;
              }
            }
          }
        }
      };
      return take;
    }
  }

  /** {@link revoke} and store. */
  async revoke(index: number | number[], options?: SetStatusOptions): Promise<StatusListState> {
    if (stryMutAct_9fa48("207")) {
      {}
    } else {
      stryCov_9fa48("207");
      return (await this.update(stryMutAct_9fa48("208") ? () => undefined : (stryCov_9fa48("208"), s => stryMutAct_9fa48("209") ? {} : (stryCov_9fa48("209"), {
        state: revoke(s, index, options)
      })))).state;
    }
  }

  /** {@link suspend} and store. */
  async suspend(index: number | number[], options?: SetStatusOptions): Promise<StatusListState> {
    if (stryMutAct_9fa48("210")) {
      {}
    } else {
      stryCov_9fa48("210");
      return (await this.update(stryMutAct_9fa48("211") ? () => undefined : (stryCov_9fa48("211"), s => stryMutAct_9fa48("212") ? {} : (stryCov_9fa48("212"), {
        state: suspend(s, index, options)
      })))).state;
    }
  }

  /** {@link reinstate} and store. */
  async reinstate(index: number | number[], options?: SetStatusOptions): Promise<StatusListState> {
    if (stryMutAct_9fa48("213")) {
      {}
    } else {
      stryCov_9fa48("213");
      return (await this.update(stryMutAct_9fa48("214") ? () => undefined : (stryCov_9fa48("214"), s => stryMutAct_9fa48("215") ? {} : (stryCov_9fa48("215"), {
        state: reinstate(s, index, options)
      })))).state;
    }
  }

  /** {@link getStatus} of the stored state. */
  async getStatus(index: number): Promise<boolean> {
    if (stryMutAct_9fa48("216")) {
      {}
    } else {
      stryCov_9fa48("216");
      return getStatus(await this.read(), index);
    }
  }

  /** {@link signStatusList} of the stored state. */
  async sign(options: SignStatusListOptions & {
    format?: 'eddsa-rdfc-2022';
  }): Promise<BitstringStatusListCredential> {
    if (stryMutAct_9fa48("217")) {
      {}
    } else {
      stryCov_9fa48("217");
      return signStatusList(await this.read(), options);
    }
  }
}
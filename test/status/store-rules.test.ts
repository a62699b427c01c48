// Issue 21 (mutation area `status-store`): FileStatusListStore / withStatusListFile (src/status/file-store.ts) in a
// temp dir this file removes. The rules (the doc comments of file-store.ts):
// - nothing issued twice: a locked read–modify–write; callers in one process wait their turn (an in-process queue per
//   file), other processes wait on the lock file; an update must not rewind or re-key allocation, nor change the list's
//   id, issuer, purpose or length;
// - nothing lost: the new state is stored (atomically: temp file, fsync, rename) before the call resolves; `create`
//   refuses an existing file (two processes cannot both initialise it); a failed update leaves the file as it was and
//   releases the lock;
// - typed errors: ERR_STATUS_STORE_NOT_FOUND / _IO / _EXISTS / _LOCKED, ERR_STATUS_STATE_INVALID (never trust a stored
//   state: too large, not JSON, not a state);
// - the allocator reserves blocks (firstBlock, doubling up to block, capped by `expected`), shares one reservation
//   between concurrent callers and never hands an entry to two callers.
// The lock (src/util/file-lock.ts) and the atomic write (src/util/atomic-write.ts) are recorders around the real
// functions (a test may replace them once); signStatusList is a recorder (signing is test/status/issuer.test.ts's).
// Cross-process locking is test/status/locks.test.ts and file-store.test.ts (processes: npm test only).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../src/util/file-lock.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/util/file-lock.js')>();
  return { ...real, acquireFileLock: vi.fn(real.acquireFileLock) };
});
vi.mock('../../src/util/atomic-write.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/util/atomic-write.js')>();
  return { ...real, writeFileAtomic: vi.fn(real.writeFileAtomic) };
});
vi.mock('../../src/status/sign.js', () => ({
  signStatusList: vi.fn(async (state: { revision: number }, opts: unknown) => ({ recorded: { revision: state.revision, opts } })),
}));

import { CredstackError } from '../../src/errors.js';
import { err, rejected } from './rules-helpers.js';
import { allocateStatusIndex } from '../../src/status/allocate.js';
import { FileStatusListStore, pendingQueues, withStatusListFile } from '../../src/status/file-store.js';
import { signStatusList } from '../../src/status/sign.js';
import type { StatusListState } from '../../src/status/types.js';
import { writeFileAtomic } from '../../src/util/atomic-write.js';
import { acquireFileLock } from '../../src/util/file-lock.js';

const realLock = (await vi.importActual<typeof import('../../src/util/file-lock.js')>('../../src/util/file-lock.js')).acquireFileLock;
const realWrite = (await vi.importActual<typeof import('../../src/util/atomic-write.js')>('../../src/util/atomic-write.js')).writeFileAtomic;
const lockMock = vi.mocked(acquireFileLock);
const writeMock = vi.mocked(writeFileAtomic);

const LIST = 'https://uni.example/status/1';
const ISS = 'did:web:uni.example';
const KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
const init = { id: LIST, issuer: ISS, purpose: 'revocation' as const, order: 'sequential' as const };
/** A hand-made state (sequential allocation; all bits 0, as in a fresh list). */
const given = (a: Record<string, unknown> = {}, p: Record<string, unknown> = {}): StatusListState => ({
  format: 'credstack-status-list/v1', id: LIST, issuer: ISS, purpose: 'revocation', length: 131_072,
  encodedList: `u${gzipSync(new Uint8Array(16_384)).toString('base64url')}`,
  allocation: { order: 'sequential', key: KEY, next: 0, ...a }, revision: 0, ...p,
}) as StatusListState;

const root = mkdtempSync(join(tmpdir(), 'credstack-store-rules-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const dir = () => {
  const d = join(root, String(++n));
  mkdirSync(d);
  return d;
};
const onDisk = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as StatusListState;
const text = (s: unknown) => JSON.stringify(s, null, 2) + '\n';

const listErr = (code: string, message: string) => ({ name: 'StatusListError', code, message });
const invalid = (message: string) => ({ name: 'InvalidInputError', code: 'ERR_INVALID_INPUT', message });
const errno = (code: string, message: string) => Object.assign(new Error(message), { code });
const tick = (ms = 5) => new Promise((r) => setTimeout(r, ms));

beforeEach(() => {
  lockMock.mockClear();
  writeMock.mockClear();
  vi.mocked(signStatusList).mockClear();
});
afterEach(() => {
  lockMock.mockImplementation(realLock);
  writeMock.mockImplementation(realWrite);
});

async function made(opts: Record<string, unknown> = {}): Promise<{ path: string; store: FileStatusListStore }> {
  const path = join(dir(), 'list.json');
  const store = await FileStatusListStore.create(path, init, opts);
  writeMock.mockClear();
  lockMock.mockClear();
  return { path, store };
}

describe('FileStatusListStore.create: a new file, written atomically and exclusively', () => {
  it('from options: a new list (createStatusList), as 2-space JSON plus a newline, through an exclusive atomic write', async () => {
    const path = join(dir(), 'list.json');
    const store = await FileStatusListStore.create(path, init);
    expect(store.path).toBe(path);
    expect(store.options).toStrictEqual({});
    const s = onDisk(path);
    expect(s).toMatchObject({ format: 'credstack-status-list/v1', id: LIST, issuer: ISS, purpose: 'revocation', length: 131_072, allocation: { order: 'sequential', next: 0 }, revision: 0 });
    expect(readFileSync(path, 'utf8')).toBe(text(s));
    expect(writeMock.mock.calls).toStrictEqual([[path, text(s), { exclusive: true }]]);
    expect(readdirSync(join(path, '..'))).toEqual(['list.json']);
  });

  it('from a given state: stored as given (not a new list); an invalid given state is refused and nothing written', async () => {
    const path = join(dir(), 'list.json');
    const s = given({ next: 5 }, { revision: 9 });
    await FileStatusListStore.create(path, s, { lockTimeoutMs: 50 });
    expect(onDisk(path)).toStrictEqual(s);
    const other = join(dir(), 'list.json');
    expect(err(await rejected(FileStatusListStore.create(other, given({ next: -1 }))))).toEqual(listErr('ERR_STATUS_STATE_INVALID', 'not a status list state: allocation.next must be an integer in [0, length]'));
    expect(err(await rejected(FileStatusListStore.create(other, { ...init, purpose: 'refresh' as any })))).toEqual(invalid('purpose must be "revocation" or "suspension" (got "refresh")'));
    expect(readdirSync(join(other, '..'))).toEqual([]);
  });

  it('refuses an existing file (ERR_STATUS_STORE_EXISTS) and leaves it as it was', async () => {
    const { path } = await made();
    const before = readFileSync(path, 'utf8');
    const e = await rejected(FileStatusListStore.create(path, init));
    expect(err(e)).toEqual(listErr('ERR_STATUS_STORE_EXISTS', `${path} already exists`));
    expect((e.cause as NodeJS.ErrnoException).code).toBe('EEXIST');
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('other write failures are ERR_STATUS_STORE_IO naming the file and the cause', async () => {
    const path = join(dir(), 'list.json');
    const cause = errno('ENOSPC', 'ENOSPC: no space left on device');
    writeMock.mockRejectedValueOnce(cause);
    const e = await rejected(FileStatusListStore.create(path, init));
    expect(err(e)).toEqual(listErr('ERR_STATUS_STORE_IO', `cannot write ${path}: ENOSPC: no space left on device`));
    expect(e.cause).toBe(cause);
    // a thrown non-Error is shown as text
    writeMock.mockRejectedValueOnce('disk gone');
    expect(err(await rejected(FileStatusListStore.create(path, init)))).toEqual(listErr('ERR_STATUS_STORE_IO', `cannot write ${path}: disk gone`));
    writeMock.mockRejectedValueOnce(null);
    expect(err(await rejected(FileStatusListStore.create(path, init)))).toEqual(listErr('ERR_STATUS_STORE_IO', `cannot write ${path}: null`));
  });

  it('the path is resolved (a relative path is the same file) and must be a non-empty string', async () => {
    const path = join(dir(), 'list.json');
    const store = await FileStatusListStore.create(relative(process.cwd(), path), init);
    expect(store.path).toBe(path);
    expect(new FileStatusListStore(relative(process.cwd(), path), { staleLockMs: 7 })).toMatchObject({ path, options: { staleLockMs: 7 } });
    for (const p of ['', 5, undefined]) expect(() => new FileStatusListStore(p as string)).toThrow(expect.objectContaining(invalid('path must be a file path')));
  });
});

describe('reading a stored state: never trusted', () => {
  it('a missing file is ERR_STATUS_STORE_NOT_FOUND', async () => {
    const path = join(dir(), 'missing.json');
    const e = await rejected(new FileStatusListStore(path).read());
    expect(err(e)).toEqual(listErr('ERR_STATUS_STORE_NOT_FOUND', `no status list state at ${path}: create it with FileStatusListStore.create`));
    expect((e.cause as NodeJS.ErrnoException).code).toBe('ENOENT');
    expect(err(await rejected(new FileStatusListStore(path).allocate())).code).toBe('ERR_STATUS_STORE_NOT_FOUND');
  });

  it('an unreadable file is ERR_STATUS_STORE_IO', async () => {
    const path = join(dir(), 'list.json');
    mkdirSync(path);
    const e = await rejected(new FileStatusListStore(path).read());
    expect(err(e)).toEqual(listErr('ERR_STATUS_STORE_IO', `cannot read ${path}: EISDIR: illegal operation on a directory, read`));
    expect((e.cause as NodeJS.ErrnoException).code).toBe('EISDIR');
  });

  it('a file over 64 MiB is refused before reading it; 64 MiB itself is read', async () => {
    const path = join(dir(), 'list.json');
    writeFileSync(path, '');
    truncateSync(path, 64 * 1024 * 1024 + 1); // sparse
    expect(err(await rejected(new FileStatusListStore(path).read()))).toEqual(listErr('ERR_STATUS_STATE_INVALID', `${path} is 67108865 bytes: too large for a status list state`));
    truncateSync(path, 64 * 1024 * 1024);
    expect(err(await rejected(new FileStatusListStore(path).read()))).toEqual(listErr('ERR_STATUS_STATE_INVALID', `${path} is not valid JSON`));
  });

  it('not JSON, or JSON that is not a state: ERR_STATUS_STATE_INVALID', async () => {
    const path = join(dir(), 'list.json');
    writeFileSync(path, '{"format":');
    const e = await rejected(new FileStatusListStore(path).read());
    expect(err(e)).toEqual(listErr('ERR_STATUS_STATE_INVALID', `${path} is not valid JSON`));
    expect(e.cause).toBeInstanceOf(SyntaxError);
    writeFileSync(path, '[]');
    expect(err(await rejected(new FileStatusListStore(path).read()))).toEqual(listErr('ERR_STATUS_STATE_INVALID', 'not a status list state: expected an object'));
  });

  it('read and getStatus return the stored state', async () => {
    const path = join(dir(), 'list.json');
    writeFileSync(path, JSON.stringify(given({ next: 3 }, { revision: 2 })));
    const store = new FileStatusListStore(path);
    expect(await store.read()).toStrictEqual(given({ next: 3 }, { revision: 2 }));
    expect(await store.getStatus(2)).toBe(false);
    expect(err(await rejected(store.getStatus(131_072))).code).toBe('ERR_STATUS_INDEX_OUT_OF_RANGE');
  });
});

describe('withStatusListFile: a locked read–modify–write', () => {
  it('takes the lock `path.lock` with the default bounds (10 s, stale after 30 s), or the given ones', async () => {
    const { path, store } = await made();
    await store.allocate();
    expect(lockMock.mock.calls).toHaveLength(1);
    expect(lockMock.mock.calls[0]![0]).toBe(`${path}.lock`);
    expect(lockMock.mock.calls[0]![1]).toStrictEqual({ timeoutMs: 10_000, staleMs: 30_000, onError: expect.any(Function), onBusy: expect.any(Function) });
    await withStatusListFile(relative(process.cwd(), path), (s) => ({ state: s }), { lockTimeoutMs: 20, staleLockMs: 90 });
    expect(lockMock.mock.calls[1]![0]).toBe(`${path}.lock`);
    expect(lockMock.mock.calls[1]![1]).toMatchObject({ timeoutMs: 20, staleMs: 90 });
    await new FileStatusListStore(path, { lockTimeoutMs: 0, staleLockMs: 1 }).allocate();
    expect(lockMock.mock.calls[2]![1]).toMatchObject({ timeoutMs: 0, staleMs: 1 });
    expect(readdirSync(join(path, '..'))).toEqual(['list.json']); // lock released
  });

  it('the lock errors: busy (ERR_STATUS_STORE_LOCKED, naming the owner when known) and I/O (ERR_STATUS_STORE_IO)', async () => {
    const { path, store } = await made({ lockTimeoutMs: 20 });
    await store.allocate();
    const { onBusy, onError } = lockMock.mock.calls[0]![1];
    const lock = `${path}.lock`;
    const busy = onBusy({ pid: 42, host: 'h1', token: 't', at: '2026-01-01T00:00:00Z' }) as CredstackError;
    expect(busy).toBeInstanceOf(CredstackError);
    expect(err(busy)).toEqual(listErr('ERR_STATUS_STORE_LOCKED', `could not lock ${lock} within 20 ms (held by pid 42 on h1)`));
    expect(busy.details).toStrictEqual({ lockPath: lock, pid: 42, host: 'h1' });
    const anon = onBusy(undefined) as CredstackError;
    expect(err(anon)).toEqual(listErr('ERR_STATUS_STORE_LOCKED', `could not lock ${lock} within 20 ms (held by another process)`));
    expect(anon.details).toStrictEqual({ lockPath: lock });
    const cause = errno('EACCES', 'EACCES: permission denied');
    const io = onError(cause) as CredstackError;
    expect(err(io)).toEqual(listErr('ERR_STATUS_STORE_IO', `cannot create lock file ${lock}: EACCES: permission denied`));
    expect(io.cause).toBe(cause);
  });

  it('a lock held by a live process is waited for, then ERR_STATUS_STORE_LOCKED; nothing changed', async () => {
    const { path, store } = await made({ lockTimeoutMs: 30 });
    const lock = `${path}.lock`;
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname(), token: 'someone-else', at: new Date().toISOString() }));
    const e = await rejected(store.allocate());
    expect(err(e)).toEqual(listErr('ERR_STATUS_STORE_LOCKED', `could not lock ${lock} within 30 ms (held by pid ${process.pid} on ${hostname()})`));
    expect(onDisk(path).allocation.next).toBe(0);
    rmSync(lock);
    expect((await store.allocate()).index).toBe(0);
  });

  it('a lock file that cannot be created (no such directory): ERR_STATUS_STORE_IO', async () => {
    const path = join(root, 'no-such-dir', 'list.json');
    // the lock's owner is written to a private temp file first, then linked into place (src/util/file-lock.ts): the
    // system error names that temp file (`<lock>.tmp-<pid>.<random hex>`)
    const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const e = err(await rejected(withStatusListFile(path, (s) => ({ state: s }))));
    expect(e).toEqual({ ...listErr('ERR_STATUS_STORE_IO', ''), message: expect.stringMatching(new RegExp(`^cannot create lock file ${esc(path)}\\.lock: ENOENT: no such file or directory, open '${esc(path)}\\.lock\\.tmp-\\d+\\.[0-9a-f]+'$`)) });
  });

  it('path and fn are checked', async () => {
    for (const p of ['', 5, undefined]) expect(err(await rejected(withStatusListFile(p as string, (s) => ({ state: s }))))).toEqual(invalid('path must be a file path'));
    const { path } = await made();
    for (const fn of [undefined, 'allocate', {}]) expect(err(await rejected(withStatusListFile(path, fn as any)))).toEqual(invalid('fn must be a function'));
    expect(lockMock).not.toHaveBeenCalled();
  });

  it('the new state is stored atomically before the call resolves, and what fn returned is returned', async () => {
    const { path } = await made();
    const out = await withStatusListFile(path, async (s) => {
      await tick(1);
      return { state: { ...s, allocation: { ...s.allocation, next: 4 }, revision: 1 }, extra: 'kept' };
    });
    expect(out).toMatchObject({ extra: 'kept', state: { allocation: { next: 4 }, revision: 1 } });
    const s = onDisk(path);
    expect(s).toMatchObject({ allocation: { next: 4 }, revision: 1 });
    expect(readFileSync(path, 'utf8')).toBe(text(s));
    expect(writeMock.mock.calls).toStrictEqual([[path, text(s), { exclusive: false }]]);
  });

  it('fn gets a copy: a state edited in place and returned is stored (and compared with what was read)', async () => {
    const { path } = await made();
    await withStatusListFile(path, (s) => {
      s.allocation.next += 2;
      s.revision += 1;
      return { state: s };
    });
    expect(onDisk(path)).toMatchObject({ allocation: { next: 2 }, revision: 1 });
    expect(writeMock).toHaveBeenCalledTimes(1);
  });

  it('an unchanged state is not written again', async () => {
    const { path, store } = await made();
    const before = readFileSync(path, 'utf8');
    const out = await withStatusListFile(path, (s) => ({ state: s, seen: s.revision }));
    expect(out.seen).toBe(0);
    expect(await store.getStatus(5)).toBe(false);
    expect(writeMock).not.toHaveBeenCalled();
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('fn must return an object with the new state; a failing fn or write changes nothing and releases the lock', async () => {
    const { path, store } = await made();
    const before = readFileSync(path, 'utf8');
    for (const out of [undefined, null, 5, 'state']) {
      expect(err(await rejected(withStatusListFile(path, () => out as any)))).toEqual(invalid('fn must return an object with the new `state`'));
    }
    expect(err(await rejected(withStatusListFile(path, () => ({ state: { nope: 1 } } as any))))).toEqual(listErr('ERR_STATUS_STATE_INVALID', 'not a status list state: format must be "credstack-status-list/v1" (got undefined)'));
    await expect(withStatusListFile(path, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    writeMock.mockRejectedValueOnce(errno('EIO', 'EIO: i/o error, write'));
    expect(err(await rejected(store.allocate()))).toEqual(listErr('ERR_STATUS_STORE_IO', `cannot write ${path}: EIO: i/o error, write`));
    // (an EEXIST from a plain write would be mapped like create's)
    writeMock.mockRejectedValueOnce(errno('EEXIST', 'EEXIST: file already exists'));
    expect(err(await rejected(store.allocate()))).toEqual(listErr('ERR_STATUS_STORE_EXISTS', `${path} already exists`));
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(readdirSync(join(path, '..'))).toEqual(['list.json']);
    expect((await store.allocate()).index).toBe(0);
  });

  it('an update must not change the list id, issuer, purpose or length', async () => {
    const { path } = await made();
    const msg = listErr('ERR_STATUS_STATE_INVALID', 'an update must not change the list id, issuer, purpose or length');
    for (const p of [{ id: 'https://uni.example/status/2' }, { issuer: 'did:web:other.example' }, { purpose: 'suspension' }, { length: 262_144 }] as Array<Partial<StatusListState>>) {
      expect(err(await rejected(withStatusListFile(path, (s) => ({ state: { ...s, ...p } })))), JSON.stringify(p)).toEqual(msg);
    }
    expect(writeMock).not.toHaveBeenCalled();
  });

  it('an update must not rewind or re-key allocation (indexes would be handed out twice); staying or moving on is fine', async () => {
    const path = join(dir(), 'list.json');
    await FileStatusListStore.create(path, given({ next: 5 }));
    const msg = listErr('ERR_STATUS_STATE_INVALID', 'an update must not rewind or re-key allocation (indexes would be handed out twice)');
    for (const a of [{ next: 4 }, { next: 0 }, { key: 'ff'.repeat(32) }, { order: 'random' }] as Array<Partial<StatusListState['allocation']>>) {
      expect(err(await rejected(withStatusListFile(path, (s) => ({ state: { ...s, allocation: { ...s.allocation, ...a } } })))), JSON.stringify(a)).toEqual(msg);
    }
    expect(onDisk(path).allocation.next).toBe(5);
    await withStatusListFile(path, (s) => ({ state: { ...s, revision: s.revision + 1 } }));
    expect(onDisk(path)).toMatchObject({ allocation: { next: 5 }, revision: 1 });
    await withStatusListFile(path, (s) => ({ state: { ...s, allocation: { ...s.allocation, next: 6 } } }));
    expect(onDisk(path).allocation.next).toBe(6);
  });
});

describe('the in-process queue: callers of one file run one after another', () => {
  /** A lock that locks nothing: only the queue keeps the updates apart. */
  const noLock = () => lockMock.mockImplementation(async () => async () => {});

  it('concurrent updates never overlap and each sees the state the previous one stored', async () => {
    const { path, store } = await made();
    noLock();
    let active = 0;
    let most = 0;
    const got = await Promise.all(Array.from({ length: 12 }, () => store.update(async (s) => {
      active++;
      most = Math.max(most, active);
      await tick(1);
      active--;
      return { state: { ...s, allocation: { ...s.allocation, next: s.allocation.next + 1 } }, saw: s.allocation.next };
    })));
    expect(most).toBe(1);
    await tick();
    expect(pendingQueues()).toBe(0);
    expect(got.map((g) => g.saw)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(onDisk(path).allocation.next).toBe(12);
  });

  it('a relative and an absolute path of one file share the queue; 30 concurrent allocations get 30 distinct indexes', async () => {
    const { path, store } = await made();
    noLock();
    const rel = relative(process.cwd(), path);
    const got = await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? store.allocate() : withStatusListFile(rel, async (s) => {
      await tick(1);
      return allocateStatusIndex(s);
    }))));
    expect(got.map((g) => g.index).sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(onDisk(path).allocation.next).toBe(30);
  });

  it('a failed update does not stop the queue; a caller arriving after the queue drained or while one runs still waits', async () => {
    const { path, store } = await made();
    noLock();
    const order: string[] = [];
    let openB!: () => void;
    const gateB = new Promise<void>((r) => (openB = r));
    const a = store.update(async () => {
      order.push('a');
      throw new Error('a failed');
    });
    const b = store.update(async (s) => {
      order.push('b start');
      await gateB;
      order.push('b end');
      return { state: { ...s, revision: s.revision + 1 } };
    });
    await expect(a).rejects.toThrow('a failed');
    await tick();
    // b is running (its predecessor's settling must not drop b from the queue): c waits for it
    const c = store.update(async (s) => {
      order.push('c');
      return { state: { ...s, revision: s.revision + 1 } };
    });
    await tick(20);
    expect(order).toEqual(['a', 'b start']);
    openB();
    await Promise.all([b, c]);
    expect(order).toEqual(['a', 'b start', 'b end', 'c']);
    expect(onDisk(path).revision).toBe(2);
    // drained: a new caller runs at once
    await store.update((s) => {
      order.push('d');
      return { state: s };
    });
    expect(order.at(-1)).toBe('d');
    // settled: no queue is kept for the file (a service touching many lists does not keep one per file forever)
    await tick();
    expect(pendingQueues()).toBe(0);
  });
});

describe('the store verbs: each a locked update whose state is stored before it resolves', () => {
  it('allocate: the next index and its BitstringStatusListEntry (§2.1: statusListIndex a base-10 string)', async () => {
    const { path, store } = await made();
    const a = await store.allocate();
    expect(a.index).toBe(0);
    expect(a.entry).toStrictEqual({ id: `${LIST}#0`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '0', statusListCredential: LIST });
    expect(onDisk(path)).toMatchObject({ allocation: { next: 1 }, revision: 1 });
    expect((await store.allocate()).entry.statusListIndex).toBe('1');
  });

  it('allocateMany: a block in one update; a count that is not a positive integer is refused', async () => {
    const { path, store } = await made();
    const b = await store.allocateMany(3);
    expect(b.indices).toEqual([0, 1, 2]);
    expect(b.entries.map((e) => e.statusListIndex)).toEqual(['0', '1', '2']);
    expect(onDisk(path)).toMatchObject({ allocation: { next: 3 }, revision: 1 });
    expect(lockMock).toHaveBeenCalledTimes(1);
    expect(err(await rejected(store.allocateMany(0)))).toEqual(invalid('count must be a positive integer'));
  });

  it('revoke / suspend / reinstate store the new state and return it; options are passed on', async () => {
    const { path, store } = await made();
    await store.allocateMany(4);
    const r = await store.revoke([1, 3]);
    expect(r).toStrictEqual(onDisk(path));
    expect(await Promise.all([0, 1, 2, 3].map((i) => store.getStatus(i)))).toEqual([false, true, false, true]);
    expect(err(await rejected(store.revoke(9)))).toMatchObject({ code: 'ERR_STATUS_INDEX_NOT_ALLOCATED' });
    await store.revoke(9, { force: true });
    expect(await store.getStatus(9)).toBe(true);
    expect(err(await rejected(store.reinstate(1))).code).toBe('ERR_STATUS_REVOCATION_PERMANENT');
    const back = await store.reinstate(1, { force: true });
    expect(back).toStrictEqual(onDisk(path));
    expect(await store.getStatus(1)).toBe(false);
    expect(err(await rejected(store.suspend(0))).code).toBe('ERR_STATUS_PURPOSE_MISMATCH');

    const sus = join(dir(), 'sus.json');
    const s2 = await FileStatusListStore.create(sus, { ...init, purpose: 'suspension' });
    await s2.allocate();
    expect(await s2.suspend(0)).toStrictEqual(onDisk(sus));
    expect(await s2.getStatus(0)).toBe(true);
    await s2.reinstate(0);
    expect(await s2.getStatus(0)).toBe(false);
    expect(err(await rejected(s2.suspend(5))).code).toBe('ERR_STATUS_INDEX_NOT_ALLOCATED');
    expect((await s2.suspend(5, { force: true })).revision).toBe(4);
  });

  it('sign: signStatusList of the stored state with the options as given', async () => {
    const { store } = await made();
    await store.allocate();
    const opts = { key: { id: 'k' } as any, now: '2026-09-01T00:00:00Z' };
    expect(await store.sign(opts)).toStrictEqual({ recorded: { revision: 1, opts } });
    expect(vi.mocked(signStatusList).mock.calls).toStrictEqual([[await store.read(), opts]]);
  });
});

describe('allocator: blocks reserved ahead, each entry to exactly one caller', () => {
  const counts = (spy: { mock: { calls: unknown[][] } }) => spy.mock.calls.map((c) => c[0]);

  it('blocks of 8, 16, 32, 64, then 128 by default; every entry once, in allocation order; stored before it is handed out', async () => {
    const { path, store } = await made();
    const spy = vi.spyOn(store, 'allocateMany');
    const next = store.allocator();
    const first = await next();
    expect(first).toStrictEqual({ id: `${LIST}#0`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '0', statusListCredential: LIST });
    expect(onDisk(path).allocation.next).toBe(8);
    const rest: string[] = [];
    for (let i = 1; i < 300; i++) rest.push((await next()).statusListIndex);
    expect(rest).toEqual(Array.from({ length: 299 }, (_, i) => String(i + 1)));
    expect(counts(spy)).toEqual([8, 16, 32, 64, 128, 128]);
    expect(onDisk(path).allocation.next).toBe(376);
  });

  it('block and firstBlock as given: firstBlock is capped by block; a block of 1 is one index per lock', async () => {
    const { store } = await made();
    const spy = vi.spyOn(store, 'allocateMany');
    const a = store.allocator({ block: 3, firstBlock: 1 });
    for (let i = 0; i < 9; i++) await a();
    expect(counts(spy)).toEqual([1, 2, 3, 3]);
    spy.mockClear();
    const b = store.allocator({ block: 4, firstBlock: 8 });
    for (let i = 0; i < 8; i++) await b();
    expect(counts(spy)).toEqual([4, 4]);
    spy.mockClear();
    const c = store.allocator({ block: 1 });
    for (let i = 0; i < 3; i++) await c();
    expect(counts(spy)).toEqual([1, 1, 1]);
  });

  it('expected caps the blocks: exactly that many reserved when that many are taken, then one per call (0: one per call)', async () => {
    const { path, store } = await made();
    const spy = vi.spyOn(store, 'allocateMany');
    const next = store.allocator({ expected: 10 });
    for (let i = 0; i < 10; i++) await next();
    expect(counts(spy)).toEqual([8, 2]);
    expect(onDisk(path).allocation.next).toBe(10);
    await next();
    await next();
    expect(counts(spy)).toEqual([8, 2, 1, 1]);
    spy.mockClear();
    const none = store.allocator({ expected: 0, firstBlock: 4 });
    expect((await none()).statusListIndex).toBe('12');
    await none();
    expect(counts(spy)).toEqual([1, 1]);
    spy.mockClear();
    const big = store.allocator({ expected: 20, firstBlock: 4, block: 8 });
    for (let i = 0; i < 20; i++) await big();
    expect(counts(spy)).toEqual([4, 8, 8]);
    const inf = store.allocator({ expected: Infinity, firstBlock: 2 });
    await inf();
    expect(counts(spy).at(-1)).toBe(2);
  });

  it('concurrent callers share one reservation: 20 at once take blocks of 8 and 16, 20 distinct entries', async () => {
    const { path, store } = await made();
    const spy = vi.spyOn(store, 'allocateMany');
    const next = store.allocator();
    const got = await Promise.all(Array.from({ length: 20 }, () => next()));
    expect(new Set(got.map((e) => e.statusListIndex)).size).toBe(20);
    expect(got.map((e) => Number(e.statusListIndex)).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(counts(spy)).toEqual([8, 16]);
    expect(onDisk(path).allocation.next).toBe(24);
  });

  it('a failed reservation fails its waiting callers; the next call tries again', async () => {
    const { store } = await made();
    const spy = vi.spyOn(store, 'allocateMany');
    const boom = new Error('store down');
    spy.mockRejectedValueOnce(boom);
    const next = store.allocator({ firstBlock: 2 });
    const both = await Promise.allSettled([next(), next()]);
    expect(both).toEqual([{ status: 'rejected', reason: boom }, { status: 'rejected', reason: boom }]);
    expect((await next()).statusListIndex).toBe('0');
    expect(counts(spy)).toEqual([2, 2]);
  });

  it('refuses bad block, firstBlock and expected', async () => {
    const { store } = await made();
    for (const block of [0, -1, 1.5, Number.NaN, '8', Infinity]) expect(() => store.allocator({ block: block as number }), String(block)).toThrow(expect.objectContaining(invalid('block must be a positive integer')));
    // firstBlock is checked as given (a string '8' was once coerced by Math.min and accepted)
    for (const firstBlock of [0, -1, 1.5, Number.NaN, '8', Infinity]) expect(() => store.allocator({ firstBlock: firstBlock as number }), String(firstBlock)).toThrow(expect.objectContaining(invalid('firstBlock must be a positive integer')));
    for (const expected of [-1, 1.5, Number.NaN, '5', -Infinity]) expect(() => store.allocator({ expected: expected as number }), String(expected)).toThrow(expect.objectContaining(invalid('expected must be a non-negative integer')));
  });
});

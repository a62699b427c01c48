// @ts-nocheck
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { FileStatusListStore, allocateStatusIndex, allocateStatusIndices, createStatusList, getStatus, withStatusListFile } from '../../src/status/index.js';
import { ISSUED, seededKey } from '../helpers.js';

const run = promisify(execFile);
const WORKER = fileURLToPath(new URL('../fixtures/status/allocate-worker.ts', import.meta.url));
const init = { id: 'https://uni.example/status/1', issuer: 'did:example:uni', purpose: 'revocation' as const };
const made: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'credstack-status-'));
  made.push(d);
  return d;
};
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('FileStatusListStore', () => {
  it('create → allocate → revoke → sign, state stored as plain JSON; create refuses an existing file', async () => {
    const dir = tmp();
    const path = join(dir, 'list.json');
    const key = await seededKey(51);
    const store = await FileStatusListStore.create(path, { ...init, issuer: key.controller });
    const { index, entry } = await store.allocate();
    expect(entry.statusListIndex).toBe(String(index));
    await store.revoke(index);
    expect(await store.getStatus(index)).toBe(true);
    const onDisk = JSON.parse(readFileSync(path, 'utf8'));
    expect(onDisk.allocation.next).toBe(1);
    expect(getStatus(onDisk, index)).toBe(true);
    const list = await store.sign({ key, now: ISSUED });
    expect(list.credentialSubject.encodedList).toBe(onDisk.encodedList);
    await expect(FileStatusListStore.create(path, init)).rejects.toMatchObject({ code: 'ERR_STATUS_STORE_EXISTS' });
    expect(readdirSync(dir).sort()).toEqual(['list.json']); // no lock or temp file left behind
    await expect(new FileStatusListStore(join(dir, 'missing.json')).allocate()).rejects.toMatchObject({ code: 'ERR_STATUS_STORE_NOT_FOUND' });
  });

  it('200 concurrent async callers in one process get 200 distinct indexes', async () => {
    const path = join(tmp(), 'list.json');
    const store = await FileStatusListStore.create(path, init);
    const got = await Promise.all(Array.from({ length: 200 }, () => store.allocate()));
    expect(new Set(got.map((g) => g.index)).size).toBe(200);
    expect((await store.read()).allocation.next).toBe(200);
  });

  it('several processes allocating at once never get the same index (file lock + atomic write)', async () => {
    const path = join(tmp(), 'list.json');
    const store = await FileStatusListStore.create(path, init);
    const procs = 4;
    const each = 60;
    const children = Array.from({ length: procs }, () =>
      run(process.execPath, ['--import', 'tsx', WORKER, path, String(each)], { cwd: process.cwd(), timeout: 60_000 }),
    );
    const local = Promise.all(Array.from({ length: 40 }, () => store.allocate()));
    const outs = await Promise.all(children);
    const mine = (await local).map((a) => a.index);
    const all = [...outs.flatMap((o) => JSON.parse(o.stdout) as number[]), ...mine];
    expect(all.length).toBe(procs * each + 40);
    expect(new Set(all).size).toBe(all.length);
    expect((await store.read()).allocation.next).toBe(all.length);
  });

  it('breaks a stale lock left by a crashed process; waits for a live one and times out', async () => {
    const path = join(tmp(), 'list.json');
    const store = await FileStatusListStore.create(path, init);
    const lock = `${path}.lock`;
    writeFileSync(lock, JSON.stringify({ pid: 999_999, token: 'dead' }));
    const old = new Date(Date.now() - 120_000);
    utimesSync(lock, old, old);
    expect((await store.allocate()).state.allocation.next).toBe(1);

    writeFileSync(lock, JSON.stringify({ pid: 999_999, token: 'alive' }));
    const impatient = new FileStatusListStore(path, { lockTimeoutMs: 150, staleLockMs: 60_000 });
    // a live lock is waited for, then the wait ends with a typed error (a hang would hit the test timeout)
    await expect(impatient.allocate()).rejects.toMatchObject({ code: 'ERR_STATUS_STORE_LOCKED' });
    expect((await store.read()).allocation.next).toBe(1);
  });

  it('refuses an update that would rewind allocation, and keeps the file unchanged when fn throws', async () => {
    const path = join(tmp(), 'list.json');
    const store = await FileStatusListStore.create(path, init);
    await store.allocate();
    const before = readFileSync(path, 'utf8');
    await expect(withStatusListFile(path, (s) => ({ state: { ...s, allocation: { ...s.allocation, next: 0 } } }))).rejects.toMatchObject({
      code: 'ERR_STATUS_STATE_INVALID',
    });
    await expect(withStatusListFile(path, () => { throw new Error('boom'); })).rejects.toThrow('boom');
    await expect(store.revoke(131_072)).rejects.toMatchObject({ code: 'ERR_STATUS_INDEX_OUT_OF_RANGE' });
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect((await store.allocate()).state.allocation.next).toBe(2); // lock released after failures
  });

  it('allocateMany reserves a block in one update: the same indexes, in order, as one allocate per index', async () => {
    const path = join(tmp(), 'list.json');
    const store = await FileStatusListStore.create(path, init);
    const start = await store.read();
    let s = start;
    const oneByOne: number[] = [];
    for (let i = 0; i < 40; i++) {
      const a = allocateStatusIndex(s);
      oneByOne.push(a.index);
      s = a.state;
    }
    const block = await store.allocateMany(40);
    expect(block.indices).toEqual(oneByOne);
    expect(block.entries.map((e) => e.statusListIndex)).toEqual(oneByOne.map(String));
    expect(block.entries[0]).toEqual({ id: `${init.id}#${oneByOne[0]}`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: String(oneByOne[0]), statusListCredential: init.id });
    const onDisk = JSON.parse(readFileSync(path, 'utf8'));
    expect(onDisk.allocation.next).toBe(40);
    expect(onDisk.revision).toBe(start.revision + 1);
    expect((await store.allocate()).index).not.toBeOneOf(oneByOne);
    await expect(store.allocateMany(0)).rejects.toMatchObject({ code: 'ERR_INVALID_INPUT' });
    await expect(store.allocateMany(1.5)).rejects.toMatchObject({ code: 'ERR_INVALID_INPUT' });
  });

  it('allocateStatusIndices near the end of a list takes what is left, then ERR_STATUS_LIST_FULL', () => {
    const base = createStatusList(init);
    const almost = { ...base, allocation: { ...base.allocation, next: base.length - 3 } };
    const b = allocateStatusIndices(almost, 10);
    expect(b.indices).toHaveLength(3);
    expect(b.state.allocation.next).toBe(base.length);
    expect(() => allocateStatusIndices(b.state, 1)).toThrow(expect.objectContaining({ code: 'ERR_STATUS_LIST_FULL' }));
  });

  it('allocator: 300 concurrent callers get 300 distinct entries from growing blocks; the unused rest is never reused', async () => {
    const path = join(tmp(), 'list.json');
    const store = await FileStatusListStore.create(path, init);
    const next = store.allocator({ block: 128, firstBlock: 8 });
    const got = await Promise.all(Array.from({ length: 300 }, () => next()));
    const indexes = got.map((e) => Number(e.statusListIndex));
    expect(new Set(indexes).size).toBe(300);
    // blocks of 8, 16, 32, 64, 128, 128: six lock round trips for 300 entries, 76 reserved and not handed out
    expect((await store.read()).allocation.next).toBe(376);
    const later = await store.allocateMany(500);
    expect(later.indices.filter((i) => indexes.includes(i))).toEqual([]);
    // a fresh allocator (a rerun after a crash) continues after everything reserved before
    const again = await store.allocator()();
    expect([...indexes, ...later.indices]).not.toContain(Number(again.statusListIndex));
    expect((await store.read()).allocation.next).toBe(876 + 8);
    expect(() => store.allocator({ block: 0 })).toThrow(expect.objectContaining({ code: 'ERR_INVALID_INPUT' }));
    expect(() => store.allocator({ expected: -1 })).toThrow(expect.objectContaining({ code: 'ERR_INVALID_INPUT' }));
  });

  it('allocator with expected: blocks stop at it (nothing wasted when that many are taken), then one per call', async () => {
    const path = join(tmp(), 'list.json');
    const store = await FileStatusListStore.create(path, init);
    const next = store.allocator({ block: 128, firstBlock: 8, expected: 50 });
    const got = await Promise.all(Array.from({ length: 50 }, () => next()));
    expect(new Set(got.map((e) => e.statusListIndex)).size).toBe(50);
    expect((await store.read()).allocation.next).toBe(50);
    const more = await Promise.all(Array.from({ length: 3 }, () => next()));
    expect(new Set([...got, ...more].map((e) => e.statusListIndex)).size).toBe(53);
    expect((await store.read()).allocation.next).toBe(53);
  });

  it('allocators in several processes and single allocations at once never share an index', async () => {
    const path = join(tmp(), 'list.json');
    const store = await FileStatusListStore.create(path, init);
    const children = Array.from({ length: 3 }, () =>
      run(process.execPath, ['--import', 'tsx', WORKER, path, '50', 'block'], { cwd: process.cwd(), timeout: 60_000 }),
    );
    const local = Promise.all(Array.from({ length: 30 }, () => store.allocate()));
    const outs = await Promise.all(children);
    const all = [...outs.flatMap((o) => JSON.parse(o.stdout) as number[]), ...(await local).map((a) => a.index)];
    expect(all.length).toBe(3 * 50 + 30);
    expect(new Set(all).size).toBe(all.length);
    // each child reserved 4 + 8 + 16 + 16 + 16 = 60 for its 50
    expect((await store.read()).allocation.next).toBe(3 * 60 + 30);
  });
});

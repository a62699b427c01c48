import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { FileStatusListStore, getStatus, withStatusListFile } from '../../src/status/index.js';
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
});

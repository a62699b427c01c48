// Group commit of the JSONL cohort output (src/batch/output.ts openJsonlSink): "fsyncEvery records (default 100), or
// what arrived within flushMs, go out in one write followed by one fsync, and onDurable hears of them after that
// fsync"; a row counts as done only once its bytes are durable (issueCohort's onIssued), and a run killed between a
// group's write and its fsync resumes without duplicates or gaps: its lines are either in the file (found and skipped)
// or lost (issued again), never both.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { exportKeyPair, generateKeyPair, type KeyPair } from '../../src/keys/keypair.js';
import { openJsonlSink, type IssuedRecord } from '../../src/batch/output.js';
import { parseTemplate } from '../../src/batch/template.js';
import { issueCohort } from '../../src/batch/cohort.js';
import { createSigningPool, signedJsonText } from '../../src/batch/worker-pool.js';
import { verifyCredential } from '../../src/verify/verify.js';

const NOW = '2026-07-01T09:00:00Z';
const ROOT = resolve(import.meta.dirname, '../..');
let key: KeyPair;
let dir: string;
const achievement = { type: ['Achievement'], id: 'https://uni.example/a/1', name: 'Statistics', description: 'd', criteria: { narrative: 'n' } };

beforeAll(async () => {
  key = await generateKeyPair({ seed: new Uint8Array(32).fill(5) });
  dir = mkdtempSync(join(tmpdir(), 'credstack-group-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** The FileHandle prototype (every handle fs/promises opens shares it). */
async function fileHandleProto(): Promise<{ write: (...a: unknown[]) => Promise<unknown>; sync: () => Promise<void> }> {
  const fh = await open(join(dir, 'probe'), 'w');
  const proto = Object.getPrototypeOf(fh);
  await fh.close();
  return proto;
}

const parseTemplateCredential = () => ({
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: key.controller, type: ['Profile'], name: 'Uni' },
  name: 'Badge W',
});
const rec = (i: number): IssuedRecord => ({ key: `S${i}`, line: i + 1, credential: { id: `urn:x:${i}`, n: i } });

describe('JSONL sink: group commit', () => {
  it('fsyncEvery records go out in one write, then one fsync, then onDurable; the rest on close; bytes as before', async () => {
    const path = join(dir, 'g.jsonl');
    const proto = await fileHandleProto();
    const log: string[] = [];
    const write = proto.write;
    const sync = proto.sync;
    vi.spyOn(proto, 'write').mockImplementation(function (this: unknown, ...a: unknown[]) {
      if (typeof a[0] === 'string' && a[0].includes('"key":"S')) log.push(`write ${a[0].split('\n').length - 1}`);
      return write.apply(this, a);
    });
    vi.spyOn(proto, 'sync').mockImplementation(function (this: unknown) {
      log.push('sync');
      return sync.apply(this);
    });
    const sink = await openJsonlSink(path, { fsyncEvery: 3, flushMs: 60_000, onDurable: (g) => log.push(`durable ${g.map((r) => r.key).join(',')}`) });
    for (let i = 0; i < 7; i++) await sink.add(rec(i));
    await sink.close();
    // the lock file's own sync comes first (its owner is fsynced before it is linked into place)
    expect(log.slice(log.indexOf('write 3'))).toEqual(['write 3', 'sync', 'durable S0,S1,S2', 'write 3', 'sync', 'durable S3,S4,S5', 'write 1', 'sync', 'durable S6', 'sync']);
    const expected = Array.from({ length: 7 }, (_, i) => `{"key":"S${i}","line":${i + 1},"credential":{"id":"urn:x:${i}","n":${i}}}\n`).join('');
    expect(readFileSync(path, 'utf8')).toBe(expected);
  });

  it('a group that has waited flushMs is written without waiting for more records', async () => {
    const path = join(dir, 't.jsonl');
    const durable: string[][] = [];
    const sink = await openJsonlSink(path, { fsyncEvery: 100, flushMs: 5, onDurable: (g) => durable.push(g.map((r) => r.key)) });
    await sink.add(rec(0));
    await sink.add(rec(1));
    await vi.waitFor(() => expect(durable).toEqual([['S0', 'S1']]), { timeout: 5_000, interval: 5 });
    expect(readFileSync(path, 'utf8').split('\n').filter(Boolean)).toHaveLength(2);
    await sink.close();
  });

  it('a failed fsync: that group is never reported durable, the next add and close reject with the error', async () => {
    const path = join(dir, 'f.jsonl');
    const proto = await fileHandleProto();
    const durable: string[] = [];
    const sink = await openJsonlSink(path, { fsyncEvery: 2, flushMs: 60_000, onDurable: (g) => durable.push(...g.map((r) => r.key)) });
    vi.spyOn(proto, 'sync').mockRejectedValue(Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' }));
    await sink.add(rec(0));
    await sink.add(rec(1)); // group full: written, fsync fails
    await expect(async () => {
      for (let i = 2; i < 6; i++) await sink.add(rec(i));
    }).rejects.toThrow('EIO: i/o error, fsync');
    await expect(sink.close()).rejects.toThrow('EIO: i/o error, fsync');
    expect(durable).toEqual([]);
  });
});

describe('JSONL sink: a failing onDurable', () => {
  it('the records stay written; the next add and close throw the callback\'s error', async () => {
    const path = join(dir, 'cb.jsonl');
    const sink = await openJsonlSink(path, { fsyncEvery: 1, flushMs: 60_000, onDurable: () => {
      throw new Error('manifest full');
    } });
    await sink.add(rec(0));
    await vi.waitFor(() => expect(readFileSync(path, 'utf8')).toBe('{"key":"S0","line":1,"credential":{"id":"urn:x:0","n":0}}\n'));
    await expect(async () => {
      for (let i = 1; i < 4; i++) await sink.add(rec(i));
    }).rejects.toThrow('manifest full');
    await expect(sink.close()).rejects.toThrow('manifest full');
  });
});

describe('credentials signed in workers arrive as JSON text and are written as they are', () => {
  it('sink.add with the credential\'s JSON text writes the bytes JSON.stringify({ key, line, credential }) gives', async () => {
    const a = join(dir, 'text-a.jsonl');
    const b = join(dir, 'text-b.jsonl');
    const r = { key: 'K "1"\u2028', line: 7, credential: { id: 'urn:x', name: 'ü 🎓 "q"', n: [1, 2.5, -3], o: { nested: true, nil: null } } };
    const sa = await openJsonlSink(a);
    await sa.add(r);
    await sa.close();
    const sb = await openJsonlSink(b);
    await sb.add(r, JSON.stringify(r.credential));
    await sb.close();
    expect(readFileSync(b, 'utf8')).toBe(readFileSync(a, 'utf8'));
    expect(readFileSync(b, 'utf8')).toBe('{"key":"K \\"1\\"\u2028","line":7,"credential":{"id":"urn:x","name":"ü 🎓 \\"q\\"","n":[1,2.5,-3],"o":{"nested":true,"nil":null}}}\n');
  });

  it('a credential signed in a worker thread comes back with its JSON text (equal to JSON.stringify of it) and verifies', async () => {
    const pool = createSigningPool(1, key, { now: NOW });
    try {
      for (let i = 0; i < 2400 && pool.ready() < 1; i++) await new Promise((r) => setTimeout(r, 50));
      expect(pool.ready()).toBe(1);
      const u = { ...parseTemplateCredential(), credentialSubject: { type: ['AchievementSubject'], id: 'did:example:w1', achievement } };
      const signed = (await pool.sign(u)) as Record<string, unknown>;
      expect(signedJsonText(signed)).toBe(JSON.stringify(signed));
      expect((signed.proof as { cryptosuite: string }).cryptosuite).toBe('eddsa-rdfc-2022');
      expect((await verifyCredential(signed, { now: NOW })).verified).toBe(true);
      // a credential not from the pool has none
      expect(signedJsonText(structuredClone(signed))).toBeUndefined();
    } finally {
      await pool.close();
    }
  }, 180_000);
});

describe('issueCohort: a run killed between a group\'s write and its fsync', () => {
  it('resumes without duplicates or gaps, whether the unsynced lines stayed in the file or were lost; onIssued only heard of durable rows', async () => {
    const roster = join(dir, 'roster.csv');
    writeFileSync(roster, `student_id,email\n${Array.from({ length: 40 }, (_, i) => `S${String(i).padStart(2, '0')},l${i}@uni.example`).join('\n')}\n`);
    writeFileSync(join(dir, 'key.json'), JSON.stringify(exportKeyPair(key, { includeSecret: true })));
    // the child: a cohort with groups of 10 that SIGKILLs itself inside the second group's fsync (after its write)
    const child = join(dir, 'child.mts');
    const src = (m: string) => JSON.stringify(pathToFileURL(join(ROOT, 'src', m)).href);
    writeFileSync(child, `
      import { readFileSync, statSync, writeFileSync } from 'node:fs';
      import { open } from 'node:fs/promises';
      const { issueCohort } = await import(${src('batch/cohort.ts')});
      const { parseTemplate } = await import(${src('batch/template.ts')});
      const { importKeyPair } = await import(${src('keys/keypair.ts')});
      const [out, roster, keyPath, log] = process.argv.slice(2);
      const probe = await open(out + '.probe', 'w');
      const proto = Object.getPrototypeOf(probe);
      await probe.close();
      const write = proto.write, sync = proto.sync;
      let cohortHandle, syncs = 0;
      proto.write = function (...a) { if (typeof a[0] === 'string' && a[0].includes('"key":"S')) cohortHandle = this; return write.apply(this, a); };
      const issued = [];
      proto.sync = function () {
        if (this === cohortHandle && ++syncs === 2) {
          writeFileSync(log, JSON.stringify({ issued, sizeBefore: sizes[0] }));
          process.kill(process.pid, 'SIGKILL');
        }
        if (this === cohortHandle) sizes.push(statSync(out).size);
        return sync.apply(this);
      };
      const sizes = [];
      await issueCohort({ roster, template: parseTemplate(${JSON.stringify(achievement)}), key: importKeyPair(JSON.parse(readFileSync(keyPath, 'utf8'))),
        out: { jsonl: out }, now: ${JSON.stringify(NOW)}, issuerName: 'Uni', fsyncEvery: 10, concurrency: 4, onIssued: (r) => issued.push(r.key) });
    `);
    const runChild = (out: string, log: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', child, out, roster, join(dir, 'key.json'), log], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    const keysOf = (out: string) => readFileSync(out, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { key: string; credential: { id: string } });
    const rerun = (out: string) => issueCohort({ roster, template: parseTemplate(achievement), key, out: { jsonl: out }, now: NOW, issuerName: 'Uni', fsyncEvery: 10 });

    const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `S${String(from + i).padStart(2, '0')}`);

    // 1. the unsynced lines stayed (the process died, the kernel kept its writes): found and skipped
    const kept = join(dir, 'kept.jsonl');
    const r1 = runChild(kept, join(dir, 'kept.log'));
    expect(r1.signal, r1.stderr).toBe('SIGKILL');
    const log1 = JSON.parse(readFileSync(join(dir, 'kept.log'), 'utf8')) as { issued: string[]; sizeBefore: number };
    const file1 = keysOf(kept).map((r) => r.key);
    // onIssued heard of the first (durable) group only; the second group's lines were written, never fsynced
    expect(log1.issued.length).toBeGreaterThan(0);
    expect(log1.issued).toEqual(ids(log1.issued.length));
    expect(file1.length).toBeGreaterThan(log1.issued.length);
    expect(file1).toEqual(ids(file1.length));
    const s1 = await rerun(kept);
    expect([s1.issued, s1.skipped, s1.failed]).toEqual([40 - file1.length, file1.length, 0]);
    const all1 = keysOf(kept);
    expect(all1.map((r) => r.key)).toEqual(ids(40));
    expect(new Set(all1.map((r) => r.credential.id)).size).toBe(40);

    // 2. the unsynced lines were lost (power cut: only what was fsynced survives): those rows are issued again, once
    const lost = join(dir, 'lost.jsonl');
    const r2 = runChild(lost, join(dir, 'lost.log'));
    expect(r2.signal, r2.stderr).toBe('SIGKILL');
    const log2 = JSON.parse(readFileSync(join(dir, 'lost.log'), 'utf8')) as { issued: string[]; sizeBefore: number };
    expect(statSync(lost).size).toBeGreaterThan(log2.sizeBefore);
    truncateSync(lost, log2.sizeBefore);
    expect(keysOf(lost).map((r) => r.key)).toEqual(log2.issued); // what survives is exactly what was reported done
    const s2 = await rerun(lost);
    expect([s2.issued, s2.skipped, s2.failed]).toEqual([40 - log2.issued.length, log2.issued.length, 0]);
    const all2 = keysOf(lost);
    expect(all2.map((r) => r.key)).toEqual(ids(40));
    expect(new Set(all2.map((r) => r.credential.id)).size).toBe(40);
  }, 180_000);
});

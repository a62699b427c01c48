// @ts-nocheck
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, type KeyPair } from '../../src/keys/keypair.js';
import { issueBatch, type BatchProgress } from '../../src/batch/issue-batch.js';
import { WORKER_BATCH, createSigningPool } from '../../src/batch/worker-pool.js';
import { fileNameForKey, openDirSink, openJsonlSink } from '../../src/batch/output.js';
import { fillTemplate, mapColumns, parseTemplate, templatePlaceholders } from '../../src/batch/template.js';
import { issueCohort } from '../../src/batch/cohort.js';
import { verifyCredential } from '../../src/verify/verify.js';

const NOW = '2026-07-01T09:00:00Z';
let key: KeyPair;
let dir: string;
const achievement = { type: ['Achievement'], id: 'https://uni.example/a/1', name: 'Statistics', description: 'd', criteria: { narrative: 'n' } };
const unsigned = (i: number) => ({
  '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
  type: ['VerifiableCredential', 'OpenBadgeCredential'],
  issuer: { id: key.controller, type: ['Profile'], name: 'Uni' },
  name: `Badge ${i}`,
  credentialSubject: { type: ['AchievementSubject'], id: `did:example:${i}`, achievement },
});

beforeAll(async () => {
  key = await generateKeyPair({ seed: new Uint8Array(32).fill(3) });
  dir = mkdtempSync(join(tmpdir(), 'credstack-batch-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('issueBatch', () => {
  it('keeps input order, bounds work in flight, and isolates a failing row', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    let pulled = 0;
    function* rows() {
      for (let i = 0; i < 12; i++) {
        pulled++;
        yield i;
      }
    }
    const results = [];
    for await (const r of issueBatch(rows(), {
      key,
      now: NOW,
      concurrency: 3,
      build: async (i: number) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((res) => setTimeout(res, (12 - i) * 3)); // later rows finish first
        inFlight--;
        if (i === 5) return { ...unsigned(i), undefinedTerm: true };
        return unsigned(i);
      },
    })) {
      // never more than concurrency + 1 rows pulled ahead of what was handed out
      expect(pulled - results.length).toBeLessThanOrEqual(4);
      results.push(r);
    }
    expect(results.map((r) => r.index)).toEqual([...Array(12).keys()]);
    expect(results.map((r) => (r.credential as any)?.name ?? null)).toEqual([...Array(12).keys()].map((i) => (i === 5 ? null : `Badge ${i}`)));
    expect(results[5]!.error?.code).toBe('ERR_UNDEFINED_TERM');
    expect(maxInFlight).toBeLessThanOrEqual(3);
    expect(maxInFlight).toBeGreaterThan(1);
    const report = await verifyCredential(results[0]!.credential as object, { now: NOW });
    expect(report.verified).toBe(true);
  });

  it('reports progress and stops pulling rows when aborted', async () => {
    const ctrl = new AbortController();
    const seen: number[] = [];
    let n = 0;
    for await (const r of issueBatch([...Array(20).keys()].map(unsigned), {
      key, now: NOW, concurrency: 2, signal: ctrl.signal,
      onProgress: (p) => seen.push(p.done),
    })) {
      if (++n === 3) ctrl.abort();
      expect(r.error).toBeUndefined();
    }
    expect(n).toBeLessThan(8);
    expect(seen.slice(0, 3)).toEqual([1, 2, 3]);
  });

  it('signs in worker threads (from sources too: tsx is registered in the worker), same order, errors carried over', async () => {
    const out = [];
    let last: BatchProgress | undefined;
    // row 0 is signed on this thread (no worker can be ready yet); the others wait until both workers are ready
    // (polling the pool's readiness through progress, at most 2400 turns of 50 ms), so they go to the workers
    let ready = 0;
    async function* rows() {
      yield unsigned(0);
      for (let i = 0; i < 2400 && ready < 2; i++) await new Promise((r) => setTimeout(r, 50));
      for (const i of [1, 2, 3]) yield i === 2 ? { ...unsigned(i), undefinedTerm: 1 } : unsigned(i);
    }
    for await (const r of issueBatch(rows(), { key, now: NOW, workers: 2, mainThreadSigns: false, concurrency: 1, onProgress: (p) => { last = p; ready = p.workersReady ?? 0; } })) out.push(r);
    expect(last!.workers).toBe(2);
    expect(last!.workersReady).toBe(2);
    expect(out.map((r) => (r.credential as any)?.name ?? r.error?.code)).toEqual(['Badge 0', 'Badge 1', 'ERR_UNDEFINED_TERM', 'Badge 3']);
    // rows 1 and 3 were signed by workers (row 2 failed there), row 0 on this thread while they started
    expect(last!.signedInWorkers).toBe(2);
    expect((await verifyCredential(out[3]!.credential as object, { now: NOW })).verified).toBe(true);
    expect((await verifyCredential(out[0]!.credential as object, { now: NOW })).verified).toBe(true);
  }, 180_000);

  it('mainThreadSigns: once the worker is ready this thread signs one row at a time beside it, order kept', async () => {
    let last: BatchProgress | undefined;
    let ready = 0;
    // row -1 is signed here while the worker starts; the others come once it is ready (progress reports readiness)
    async function* rows() {
      yield unsigned(-1);
      for (let i = 0; i < 2400 && ready < 1; i++) await new Promise((r) => setTimeout(r, 50));
      for (let i = 0; i < 40; i++) yield unsigned(i);
    }
    const out = [];
    for await (const r of issueBatch(rows(), { key, now: NOW, workers: 1, mainThreadSigns: true, concurrency: 40, onProgress: (p) => { last = p; ready = p.workersReady ?? 0; } })) out.push(r);
    expect(out.map((r) => (r.credential as any)?.name)).toEqual([-1, ...Array(40).keys()].map((i) => `Badge ${i}`));
    expect(last!.workersReady).toBe(1);
    // row -1 and at least the first row after readiness on this thread, at least one row in the worker
    expect(last!.signedInWorkers).toBeGreaterThanOrEqual(1);
    expect(last!.signedInWorkers).toBeLessThanOrEqual(39);
    await expect(issueBatch([], { key, workers: 1, mainThreadSigns: 'yes' as never }).next()).rejects.toMatchObject({ code: 'ERR_INVALID_INPUT' });
  }, 180_000);

  it('sends rows to workers in batches: 40 rows take at most ceil(40 / 16) + 2 messages', async () => {
    const pool = createSigningPool(2, key, { now: NOW });
    try {
      for (let i = 0; i < 2400 && pool.ready() < 2; i++) await new Promise((r) => setTimeout(r, 50));
      expect(pool.ready()).toBe(2);
      const signed = await Promise.all([...Array(40).keys()].map((i) => pool.sign(unsigned(i))));
      expect(signed.map((c) => (c as any).name)).toEqual([...Array(40).keys()].map((i) => `Badge ${i}`));
      expect(pool.messages).toBeGreaterThanOrEqual(Math.ceil(40 / WORKER_BATCH));
      expect(pool.messages).toBeLessThanOrEqual(Math.ceil(40 / WORKER_BATCH) + 2);
      // a row that cannot be copied to a thread fails alone
      const bad = pool.sign({ ...unsigned(99), f: () => 1 });
      const good = pool.sign(unsigned(100));
      await expect(bad).rejects.toMatchObject({ code: 'ERR_ISSUE_FAILED' });
      expect(((await good) as any).name).toBe('Badge 100');
    } finally {
      await pool.close();
    }
  }, 180_000);

  it('rejects bad options', async () => {
    await expect(issueBatch([], {} as never).next()).rejects.toMatchObject({ code: 'ERR_INVALID_INPUT' });
    await expect(issueBatch([], { key, concurrency: 0 }).next()).rejects.toMatchObject({ code: 'ERR_INVALID_INPUT' });
  });
});

describe('templates', () => {
  it('recognises the three template shapes', () => {
    expect(parseTemplate(achievement).kind).toBe('award');
    expect(parseTemplate({ achievement }).kind).toBe('award');
    expect(parseTemplate(unsigned(1)).kind).toBe('credential');
    expect(() => parseTemplate({ name: 'x' })).toThrow(/neither an Achievement/);
    expect(() => parseTemplate([])).toThrow();
  });

  it('maps conventional columns: hashed email and student id, dates, result, credits', () => {
    const cols = mapColumns(['Student ID', 'E-mail', 'Grade', 'Awarded Date', 'ECTS']);
    expect(cols).toEqual({ studentId: 'Student ID', email: 'E-mail', result: 'Grade', awardedDate: 'Awarded Date', creditsEarned: 'ECTS' });
    const cred = fillTemplate(parseTemplate({ ...achievement, creditsAvailable: 5 }), { 'Student ID': 'S1', 'E-mail': 'ada@uni.example', Grade: 'A', 'Awarded Date': '2026-06-30', ECTS: '4,5' }, {
      issuer: { id: key.controller, type: ['Profile'], name: 'Uni' } as never, salt: 'pepper', now: new Date(NOW),
    });
    const s = cred.credentialSubject;
    expect(s.identifier.map((i: any) => i.identityType).sort()).toEqual(['emailAddress', 'sisSourcedId']);
    expect(JSON.stringify(cred)).not.toContain('ada@uni.example');
    expect(cred.awardedDate).toBe('2026-06-30T00:00:00Z');
    expect(s.result[0].value).toBe('A');
    expect(s.creditsEarned).toBe(4.5);
  });

  it('fills {{column}} placeholders and drops a property whose only placeholder is empty', () => {
    const t = parseTemplate({ ...unsigned(0), name: '{{course}} ({{term}})', description: '{{note}}' });
    expect(templatePlaceholders(t)).toEqual(['course', 'term', 'note']);
    const c = fillTemplate(t, { course: 'Stats', term: '2026', note: '' });
    expect(c.name).toBe('Stats (2026)');
    expect('description' in c).toBe(false);
  });

  it('names the column of a bad cell and requires a learner', () => {
    const t = parseTemplate(achievement);
    const issuer = { id: key.controller, type: ['Profile'], name: 'Uni' } as never;
    expect(() => fillTemplate(t, { email: 'a@x.org', awarded_date: '30/06/2026' }, { issuer })).toThrow(/column awarded_date: "30\/06\/2026" is not a date/);
    expect(() => fillTemplate(t, { grade: 'A' }, { issuer })).toThrow(/no learner/);
  });
});

describe('outputs and cohorts', () => {
  it('JSONL sink: resumes keys, cuts a half-written last line, refuses a corrupt line', async () => {
    const path = join(dir, 'a.jsonl');
    const s1 = await openJsonlSink(path);
    await s1.add({ key: 'S1', line: 2, credential: { id: 'x' } });
    await s1.add({ key: 'S2', line: 3, credential: { id: 'y' } });
    await s1.close();
    writeFileSync(path, `${readFileSync(path, 'utf8')}{"key":"S3","li`);
    const s2 = await openJsonlSink(path);
    expect([s2.existing, s2.has('S1'), s2.has('S2'), s2.has('S3')]).toEqual([2, true, true, false]);
    await s2.close();
    expect(readFileSync(path, 'utf8').endsWith('"id":"y"}}\n')).toBe(true);
    writeFileSync(path, '{"key":"S1"}\nnot json\n');
    await expect(openJsonlSink(path)).rejects.toMatchObject({ code: 'ERR_OUTPUT_CORRUPT', details: { line: 2 } });
  });

  it('directory sink: safe, distinct file names; leftover temp files are removed', async () => {
    expect(fileNameForKey('S001', '.json')).toBe('S001.json');
    expect(fileNameForKey('a/b', '.json')).not.toBe(fileNameForKey('a_b', '.json'));
    expect(fileNameForKey('../x', '.json')).not.toContain('/');
    const d = join(dir, 'files');
    const s = await openDirSink(d);
    await s.add({ key: 'S1', line: 2, credential: { id: 'x' } });
    writeFileSync(join(d, '.S2.json.tmp-123'), '{');
    // while a run has the folder open, a second one is refused (two runs would issue the same rows)
    await expect(openDirSink(d)).rejects.toMatchObject({ code: 'ERR_OUTPUT_LOCKED' });
    await s.close();
    const again = await openDirSink(d);
    expect([again.existing, again.has('S1'), again.has('S2')]).toEqual([1, true, false]);
    expect(readdirSync(d)).toEqual(['.credstack-issue.lock', 'S1.json']);
    await again.close();
    expect(readdirSync(d)).toEqual(['S1.json']);
  });

  it('issueCohort: skips done rows, reports duplicates and bad rows by line, uses a hash key without an id column', async () => {
    const roster = join(dir, 'r.csv');
    writeFileSync(roster, 'did,grade,comment\ndid:example:1,A,x\ndid:example:2,B,y\ndid:example:1,C,dup\nnot-a-did,A,z\n');
    const out = { jsonl: join(dir, 'c.jsonl') };
    const errors: number[] = [];
    const s = await issueCohort({ roster, template: parseTemplate(achievement), key, out, now: NOW, onRowError: (e) => errors.push(e.line) });
    expect([s.issued, s.failed, s.skipped, s.rows]).toEqual([2, 2, 0, 4]);
    expect(errors).toEqual([4, 5]);
    expect(s.errors[0]).toMatchObject({ code: 'ERR_ROW_DUPLICATE', message: expect.stringContaining('line 2') });
    expect(s.unusedColumns).toEqual(['comment']);
    const again = await issueCohort({ roster, template: parseTemplate(achievement), key, out, now: NOW });
    expect([again.issued, again.skipped, again.failed]).toEqual([0, 2, 2]);

    writeFileSync(roster, 'course\nStats\nStats\nAlgebra\n');
    const t = parseTemplate({ ...unsigned(0), name: '{{course}}' });
    const h = await issueCohort({ roster, template: t, key, out: { dir: join(dir, 'hash') }, now: NOW });
    expect([h.issued, h.failed]).toEqual([2, 1]);
    expect(readdirSync(join(dir, 'hash')).every((f) => /^row-[0-9a-f]{16}\.json$/.test(f))).toBe(true);
  });

  it('issueCohort refuses a template whose issuer is not the key controller, and unknown placeholders', async () => {
    const roster = join(dir, 'r2.csv');
    writeFileSync(roster, 'did\ndid:example:1\n');
    const other = await generateKeyPair();
    await expect(issueCohort({ roster, template: parseTemplate({ achievement, issuer: { id: other.controller, type: ['Profile'], name: 'X' } }), key, out: { jsonl: join(dir, 'n.jsonl') } }))
      .rejects.toMatchObject({ code: 'ERR_ISSUER_MISMATCH' });
    await expect(issueCohort({ roster, template: parseTemplate({ ...unsigned(0), name: '{{nope}}' }), key, out: { jsonl: join(dir, 'n.jsonl') } }))
      .rejects.toMatchObject({ code: 'ERR_TEMPLATE_COLUMN' });
  });
});

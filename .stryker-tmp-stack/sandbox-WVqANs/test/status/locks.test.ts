// @ts-nocheck
// Issue 17 §2 "torn writes" / "concurrent runs" and issue 13 item 7 (stale lock): locks record pid + host and a dead
// owner's lock is broken at once; --out files are replaced atomically; two `credstack issue` runs never both issue.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileStatusListStore } from '../../src/index.js';
import { buildCli, cleanup, ROOT, run } from '../cli/helpers.js';

let dir: string;
const p = (...parts: string[]) => join(dir, ...parts);
const TSX = resolve(ROOT, 'node_modules/tsx/dist/loader.mjs');
const children: ChildProcess[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'credstack-locks-'));
});
afterAll(() => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Run TypeScript `code` in a child node (tsx loader); resolves once it printed `ready`. */
function child(code: string): Promise<ChildProcess> {
  const script = p(`child-${children.length}.mts`);
  writeFileSync(script, code);
  const c = spawn(process.execPath, ['--import', TSX, script], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(c);
  return new Promise((res, rej) => {
    let out = '';
    let err = '';
    c.stdout!.on('data', (d) => {
      out += d;
      if (out.includes('ready')) res(c);
    });
    c.stderr!.on('data', (d) => (err += d));
    c.on('exit', (code) => rej(new Error(`child exited (${code}) before ready: ${err}`)));
  });
}
const killed = (c: ChildProcess) => new Promise<void>((r) => (c.exitCode !== null || c.signalCode !== null ? r() : (c.once('exit', () => r()), c.kill('SIGKILL'))));
const src = (f: string) => JSON.stringify(resolve(ROOT, 'src', f));

describe('status store lock', () => {
  it('a lock left by a `status revoke` killed with SIGKILL is broken at once (not after staleLockMs)', async () => {
    const file = p('status-1.json');
    await FileStatusListStore.create(file, { id: 'https://uni.example/status/1', issuer: 'did:example:uni', purpose: 'revocation' });
    const holder = await child(`
      import { withStatusListFile } from ${src('status/file-store.ts')};
      await withStatusListFile(${JSON.stringify(file)}, async (state) => { setInterval(() => {}, 1000); process.stdout.write('ready\\n'); await new Promise(() => {}); return { state }; });
    `);
    const lock = JSON.parse(readFileSync(`${file}.lock`, 'utf8'));
    expect(lock).toMatchObject({ pid: holder.pid, host: (await import('node:os')).hostname() });
    // while the owner lives, the lock holds
    const store = new FileStatusListStore(file, { lockTimeoutMs: 300, staleLockMs: 600_000 });
    await expect(store.revoke(5, { force: true })).rejects.toMatchObject({ code: 'ERR_STATUS_STORE_LOCKED', details: { pid: holder.pid } });
    await killed(holder);
    // stale time 10 min, wait 300 ms: only dead-owner detection can let this through
    const state = await store.revoke(5, { force: true });
    expect(await store.getStatus(5)).toBe(true);
    expect(state.id).toBe('https://uni.example/status/1');
  }, 60_000);
});

describe('atomic --out writes', () => {
  it('kill -9 during repeated writes never leaves an empty or partial file', async () => {
    const out = p('published.json');
    const A = `${'a'.repeat(4 * 1024 * 1024)}\n`;
    writeFileSync(out, A);
    for (let round = 0; round < 4; round++) {
      const w = await child(`
        import { writeOutput } from ${src('cli/util.ts')};
        const A = 'a'.repeat(4 * 1024 * 1024) + '\\n', B = 'b'.repeat(4 * 1024 * 1024) + '\\n';
        process.stdout.write('ready\\n');
        for (let i = 0; ; i++) await writeOutput(${JSON.stringify(out)}, i % 2 ? A : B, { force: true });
      `);
      await new Promise((r) => setTimeout(r, 30 + round * 40));
      await killed(w);
      const text = readFileSync(out, 'utf8');
      expect(text.length).toBe(A.length);
      expect(text === A || text === A.replaceAll('a', 'b')).toBe(true);
    }
  }, 120_000);
});

describe('two `credstack issue` runs on the same roster, output and status list', () => {
  let cli: string;
  let build: string;
  beforeAll(async () => {
    mkdirSync(join(ROOT, '.tmp'), { recursive: true });
    ({ cli, dir: build } = await buildCli());
  }, 120_000);
  afterAll(() => cleanup(build));

  it('never both issue a row: one run issues, the other is refused (ERR_OUTPUT_LOCKED) or finds nothing left', async () => {
    const ROWS = 40;
    writeFileSync(p('achievement.json'), JSON.stringify({ type: ['Achievement'], id: 'https://uni.example/achievements/ai', name: 'AI Foundations', description: 'd', criteria: { narrative: 'n' } }));
    let csv = 'student_id,email\n';
    for (let i = 0; i < ROWS; i++) csv += `S${String(i).padStart(3, '0')},lerner${i}@uni.example\n`;
    writeFileSync(p('roster.csv'), csv);
    expect((await run(cli, ['keygen', '--out', p('k.json')])).code).toBe(0);
    const key = JSON.parse(readFileSync(p('k.json'), 'utf8'));
    expect((await run(cli, ['status', 'create', p('list.json'), '--id', 'https://uni.example/status/9', '--key', p('k.json')])).code).toBe(0);
    expect(key.controller ?? key.id).toBeTruthy();
    const args = ['issue', '-k', p('k.json'), '-t', p('achievement.json'), '-r', p('roster.csv'), '-o', p('cohort.jsonl'), '--status-list', p('list.json'), '--now', '2026-07-01T09:00:00Z', '--issuer-name', 'Uni', '--workers', '0', '-q'];
    const [r1, r2] = await Promise.all([run(cli, args), run(cli, args)]);
    const records = readFileSync(p('cohort.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    expect(records).toHaveLength(ROWS);
    expect(new Set(records.map((r) => r.key)).size).toBe(ROWS);
    const state = JSON.parse(readFileSync(p('list.json'), 'utf8'));
    expect(state.allocation.next).toBe(ROWS); // no status index handed out for a second copy
    const outputs = [r1, r2].map((r) => `${r.code} ${r.stdout}${r.stderr}`);
    expect([r1.code, r2.code].sort()).toEqual([0, [r1, r2].some((r) => /ERR_OUTPUT_LOCKED|another credstack run/.test(r.stdout + r.stderr)) ? 2 : 0].sort());
    expect(outputs.join('\n')).not.toMatch(/ERR_STATUS_STORE_LOCKED/);
  }, 300_000);
});

// @ts-nocheck
// Resume after an interrupted cohort: kill the CLI mid-run (SIGKILL, then SIGINT), rerun, every row issued exactly once.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, cleanup, run } from './helpers.js';

const NOW = '2026-07-01T09:00:00Z';
// enough rows that a kill after the first 10 lands mid-run however fast signing gets (the run must really be cut off:
// the test asserts rows were left for the rerun)
const ROWS = 200;
let cli: string;
let dir: string;
const p = (...parts: string[]) => join(dir, ...parts);

beforeAll(async () => {
  ({ cli, dir } = await buildCli());
  writeFileSync(p('achievement.json'), JSON.stringify({
    type: ['Achievement'], id: 'https://uni.example/achievements/ai', name: 'AI Foundations', description: 'd', criteria: { narrative: 'n' },
  }));
  let csv = 'student_id,email,grade\n';
  for (let i = 0; i < ROWS; i++) csv += `S${String(i).padStart(3, '0')},learner${i}@uni.example,${'ABCD'[i % 4]}\n`;
  writeFileSync(p('roster.csv'), csv);
  await run(cli, ['keygen', '--out', p('k.json')]);
});
afterAll(() => cleanup(dir));

function lines(out = 'cohort.jsonl'): string[] {
  return existsSync(p(out)) ? readFileSync(p(out), 'utf8').split('\n').filter(Boolean) : [];
}

/** Start a cohort run; once the output holds at least `atLeast` records, send `signal`. */
function interruptAfter(atLeast: number, signal: NodeJS.Signals, out = 'cohort.jsonl', extra: string[] = []): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, [cli, 'issue', '-k', p('k.json'), '-t', p('achievement.json'), '-r', p('roster.csv'), '-o', p(out), '--now', NOW, '--concurrency', '2', '--workers', '0', ...extra], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setInterval(() => {
      if (lines(out).length >= atLeast) {
        clearInterval(timer);
        child.kill(signal);
      }
    }, 5);
    child.on('error', rej);
    child.on('close', (code, sig) => {
      clearInterval(timer);
      res({ code, signal: sig, stderr });
    });
  });
}

describe('resumable cohorts', () => {
  it('SIGKILL mid-run, SIGINT mid-run, then a rerun: all rows issued exactly once and all verify', async () => {
    const killed = await interruptAfter(10, 'SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    const afterKill = lines().length;
    expect(afterKill).toBeGreaterThanOrEqual(10);
    expect(afterKill).toBeLessThan(ROWS);

    const interrupted = await interruptAfter(afterKill + 10, 'SIGINT');
    expect(interrupted.code).toBe(130);
    expect(interrupted.stderr).toContain('interrupted — rerun the same command');
    const afterInt = lines().length;
    expect(afterInt).toBeGreaterThan(afterKill);

    const rerun = await run(cli, ['issue', '-k', p('k.json'), '-t', p('achievement.json'), '-r', p('roster.csv'), '-o', p('cohort.jsonl'), '--now', NOW]);
    expect(rerun.code, rerun.stderr).toBe(0);
    const skipped = Number(/skipped (\d+)/.exec(rerun.stdout)?.[1]);
    expect(skipped).toBe(afterInt);
    expect(rerun.stdout).toContain(`issued ${ROWS - afterInt}, skipped ${afterInt}`);

    const records = lines().map((l) => JSON.parse(l));
    const keys = records.map((r) => r.key);
    expect(keys).toHaveLength(ROWS);
    expect(new Set(keys).size).toBe(ROWS);
    expect(new Set(records.map((r) => r.credential.id)).size).toBe(ROWS);

    const v = await run(cli, ['verify', p('cohort.jsonl'), '--now', NOW, '--quiet']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toBe(`${ROWS} verified, 0 failed`);
  });

  it('a half-written last line (killed mid-write) is cut off and that row issued again', async () => {
    const all = lines();
    const last = JSON.parse(all.at(-1)!);
    writeFileSync(p('cohort.jsonl'), `${all.slice(0, -1).join('\n')}\n${all.at(-1)!.slice(0, 100)}`);
    const r = await run(cli, ['issue', '-k', p('k.json'), '-t', p('achievement.json'), '-r', p('roster.csv'), '-o', p('cohort.jsonl'), '--now', NOW]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`issued 1, skipped ${ROWS - 1}`);
    const records = lines().map((l) => JSON.parse(l));
    expect(records).toHaveLength(ROWS);
    expect(records.at(-1).key).toBe(last.key);
  });

  it('with a status list: SIGKILL mid-run, then a rerun: every row once, no status index given twice', async () => {
    const list = p('status.json');
    const made = await run(cli, ['status', 'create', list, '--id', 'https://uni.example/status/resume', '--key', p('k.json')]);
    expect(made.code, made.stderr).toBe(0);
    const killed = await interruptAfter(10, 'SIGKILL', 'st.jsonl', ['--status-list', list]);
    expect(killed.signal).toBe('SIGKILL');
    const afterKill = lines('st.jsonl').length;
    expect(afterKill).toBeGreaterThanOrEqual(10);
    expect(afterKill).toBeLessThan(ROWS);
    const rerun = await run(cli, ['issue', '-k', p('k.json'), '-t', p('achievement.json'), '-r', p('roster.csv'), '-o', p('st.jsonl'), '--now', NOW, '--status-list', list]);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stdout).toContain(`issued ${ROWS - afterKill}, skipped ${afterKill}`);
    const records = lines('st.jsonl').map((l) => JSON.parse(l));
    expect(new Set(records.map((r) => r.key)).size).toBe(ROWS);
    const indexes = records.map((r) => r.credential.credentialStatus.statusListIndex);
    expect(new Set(indexes).size).toBe(ROWS);
    // indexes reserved by the killed run and not used are skipped, never handed out again
    const state = JSON.parse(readFileSync(list, 'utf8'));
    expect(state.allocation.next).toBeGreaterThanOrEqual(ROWS);
  });
});

// Cold CLI runs through the built binary (npm run build first): one-shot `credstack verify badge.json`, and a cohort of
// BENCH_COHORT rows (default 10,000; JSONL, status entries on) issued with 1 and 2 workers — wall time, credentials/s
// and peak RSS (the process and its threads, from /usr/bin/time when present, else the child's resource usage).
// Part of npm run bench; alone: npx tsx bench/cli.ts
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { machine, stat } from './common.js';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'dist', 'cli.js');
const ROWS = Number(process.env.BENCH_COHORT ?? 10_000);
const COLD = Number(process.env.BENCH_COLD_N ?? 10);
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Run the CLI; wall ms, CPU ms (user + system, all threads: what a loaded machine does not inflate) and peak RSS in MB. */
function timed(args: string[], cwd: string): { ms: number; cpuMs: number; rssMb: number; code: number; out: string } {
  const t0 = performance.now();
  const r = TIME
    ? spawnSync(TIME, ['-f', '%U %S %M', process.execPath, cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 })
    : spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - t0;
  const m = TIME ? /([\d.]+) ([\d.]+) (\d+)\s*$/.exec(r.stderr.trim()) : null;
  const cpuMs = m ? (Number(m[1]) + Number(m[2])) * 1000 : NaN;
  const rssKb = m ? Number(m[3]) : NaN;
  return { ms, cpuMs, rssMb: rssKb / 1024, code: r.status ?? -1, out: r.stdout + r.stderr };
}

export async function run(): Promise<{ coldMs: number; cohort: { workers: number; ms: number; perSecond: number; rssMb: number }[] }> {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: npm run build first');
  const dir = mkdtempSync(join(tmpdir(), 'credstack-bench-cli-'));
  try {
    const run = (args: string[]) => execFileSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8' });
    run(['keygen', '--out', 'issuer.key.json']);
    run(['init', '--out', 'achievement.json']);
    run(['issue', '--key', 'issuer.key.json', '--template', 'achievement.json', '--recipient', 'did:example:learner', '--issuer-name', 'Uni', '--out', 'badge.json']);

    console.log(`\n## cold CLI verify — node dist/cli.js verify badge.json, ${COLD} runs; ${machine()}`);
    const walls: number[] = [];
    const cpus: number[] = [];
    for (let i = 0; i < COLD; i++) {
      const r = timed(['verify', 'badge.json'], dir);
      if (r.code !== 0) throw new Error(`verify failed: ${r.out}`);
      walls.push(r.ms);
      cpus.push(r.cpuMs);
    }
    const cold = stat(walls);
    console.log(`  wall median ${cold.median.toFixed(0)} ms, mean ${cold.mean.toFixed(0)} ms, min ${Math.min(...walls).toFixed(0)} ms; CPU median ${stat(cpus).median.toFixed(0)} ms (target ≤ 300 ms wall on an idle machine)`);
    const help = timed(['--help'], dir);
    console.log(`  --help: wall ${help.ms.toFixed(0)} ms, CPU ${help.cpuMs.toFixed(0)} ms`);

    console.log(`\n## cohort — ${ROWS} rows through the CLI (JSONL, status entries on); ${machine()}`);
    const csv = ['student_id,email,grade', ...Array.from({ length: ROWS }, (_, i) => `S${i},learner${i}@uni.example,B`)].join('\n') + '\n';
    writeFileSync(join(dir, 'roster.csv'), csv);
    const results: { workers: number; ms: number; perSecond: number; rssMb: number }[] = [];
    for (const workers of [1, 2]) {
      const list = `status-${workers}.json`;
      run(['status', 'create', list, '--id', `https://uni.example/status/${workers}`, '--key', 'issuer.key.json']);
      const out = `cohort-${workers}.jsonl`;
      const r = timed(['issue', '--key', 'issuer.key.json', '--template', 'achievement.json', '--roster', 'roster.csv', '--out', out, '--issuer-name', 'Uni', '--status-list', list, '--workers', String(workers)], dir);
      if (r.code !== 0) throw new Error(`cohort failed: ${r.out.slice(-2000)}`);
      const perSecond = ROWS / (r.ms / 1000);
      results.push({ workers, ms: r.ms, perSecond, rssMb: r.rssMb });
      console.log(`  ${workers} worker${workers > 1 ? 's' : ' '}  wall ${(r.ms / 1000).toFixed(2)} s  ${perSecond.toFixed(0)} credentials/s  CPU ${(r.cpuMs / 1000).toFixed(2)} s  peak RSS ${r.rssMb.toFixed(0)} MB  load ${loadavg()[0]!.toFixed(2)}  (target ≤ 3 s on 2 idle cores)`);
    }
    const v = timed(['verify', 'cohort-2.jsonl', '--ndjson', '--skip-status', '--jobs', '2'], dir);
    const lines = v.out.split('\n').filter((l) => l.startsWith('{'));
    console.log(`  verify cohort-2.jsonl --jobs 2 --ndjson: ${lines.length} lines, wall ${(v.ms / 1000).toFixed(2)} s, ${(lines.length / (v.ms / 1000)).toFixed(0)} credentials/s, peak RSS ${v.rssMb.toFixed(0)} MB`);
    return { coldMs: cold.median, cohort: results };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await run();

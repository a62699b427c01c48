// @ts-nocheck
// Streaming JSONL verification: ordered results, a bound on lines in flight (a work bound, not a time), NDJSON output,
// worker threads giving the same answers as the main thread, and a bad line giving a failed line, never a crash.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateKeyPair, issueCredential } from '../../src/index.js';
import { mapOrdered, readLines } from '../../src/cli/verify-stream.js';
import { outcomes } from '../../src/cli/commands/verify.js';
import { cliInProcess } from './in-process.js';
import { sampleCredential, NOW } from '../helpers.js';

let dir: string;
let file: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'credstack-vstream-'));
  const key = await generateKeyPair({ seed: new Uint8Array(32).fill(9) });
  const good = await issueCredential(sampleCredential(key.controller), { key, now: '2026-09-01T09:00:00Z' });
  const tampered = { ...good, name: 'Something else' };
  const lines = [
    JSON.stringify(good),
    JSON.stringify({ key: 'S2', credential: good }),
    '{"not json',
    '',
    JSON.stringify(tampered),
    JSON.stringify(good),
    '42',
    JSON.stringify(good),
  ];
  file = join(dir, 'cohort.jsonl');
  writeFileSync(file, lines.join('\r\n') + '\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mapOrdered', () => {
  it('keeps the input order, never has more than `limit` calls in flight, and pulls items only when a slot is free', async () => {
    let pulled = 0;
    async function* source() {
      for (let i = 0; i < 200; i++) {
        pulled++;
        yield i;
      }
    }
    const stats = { inFlight: 0, maxInFlight: 0 };
    const out: number[] = [];
    const pulledWhenYielded: number[] = [];
    // later items finish first (fewer turns of the microtask queue), so order has to be restored
    for await (const r of mapOrdered(source(), 5, async (i) => {
      for (let k = 0; k < 10 - (i % 10); k++) await Promise.resolve();
      return i * 2;
    }, stats)) {
      out.push(r);
      pulledWhenYielded.push(pulled);
    }
    expect(out).toEqual([...Array(200).keys()].map((i) => i * 2));
    expect(stats.maxInFlight).toBe(5);
    expect(stats.inFlight).toBe(0);
    // flat memory: when result k is handed out, at most k + 1 + limit items have been read
    pulledWhenYielded.forEach((p, k) => expect(p).toBeLessThanOrEqual(k + 1 + 5));
  });

  it('reads LF and CRLF lines, and a last line without a newline', async () => {
    const f = join(dir, 'lines.txt');
    writeFileSync(f, 'a\r\nb\n\nc');
    const got: [number, string][] = [];
    for await (const l of readLines(f)) got.push(l);
    expect(got).toEqual([[1, 'a'], [2, 'b'], [3, ''], [4, 'c']]);
  });
});

describe('credstack verify on JSONL', () => {
  it('in-flight lines stay within 4 per thread on a long cohort (main thread)', async () => {
    const long = join(dir, 'long.jsonl');
    writeFileSync(long, Array.from({ length: 60 }, () => '{"x": 1}').join('\n'));
    const stats = { inFlight: 0, maxInFlight: 0 };
    let n = 0;
    for await (const o of outcomes(long, { now: new Date(NOW) }, false, undefined, { jobs: 1, stats })) {
      expect(o.verified).toBe(false);
      n++;
    }
    expect(n).toBe(60);
    expect(stats.maxInFlight).toBe(4);
  });

  it('--jobs 2 --json: NDJSON in input order, the same verdicts as one thread, a bad line is a failed line', async () => {
    const threads = await cliInProcess(['verify', file, '--jobs', '2', '--json', '--now', NOW, '--skip-status']);
    const single = await cliInProcess(['verify', file, '--jobs', '1', '--json', '--now', NOW, '--skip-status']);
    expect(threads.code).toBe(1);
    expect(single.code).toBe(1);
    const parse = (text: string) => text.trim().split('\n').map((l) => JSON.parse(l));
    const a = parse(threads.stdout);
    const b = parse(single.stdout);
    expect(a.map((o) => o.source)).toEqual([`${file}:1`, `${file}:2 (S2)`, `${file}:3`, `${file}:5`, `${file}:6`, `${file}:7`, `${file}:8`]);
    expect(a.map((o) => o.verified)).toEqual([true, true, false, false, true, false, true]);
    expect(a[2].failed).toEqual([{ id: 'input', message: 'not valid JSON' }]);
    expect(a[3].failed.map((f: { code?: string }) => f.code)).toContain('ERR_PROOF_INVALID_SIGNATURE');
    expect(a.map((o) => [o.source, o.verified, o.failed])).toEqual(b.map((o) => [o.source, o.verified, o.failed]));
    // each line carries its report, as --json does
    expect(a[0].report.verified).toBe(true);
  }, 180_000);

  it('--ndjson streams any input; human output keeps its ok/FAIL lines and total', async () => {
    const human = await cliInProcess(['verify', file, '--now', NOW, '--skip-status']);
    expect(human.code).toBe(1);
    expect(human.stdout).toContain('4 verified, 3 failed');
    const nd = await cliInProcess(['verify', file, '--ndjson', '--now', NOW, '--skip-status']);
    expect(nd.stdout.trim().split('\n')).toHaveLength(7);
  }, 120_000);
});

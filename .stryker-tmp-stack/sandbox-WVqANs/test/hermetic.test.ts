// @ts-nocheck
// Hermetic tests (issue 21): a test file creates what it needs and removes what it made, so it passes when run alone
// and leaves nothing behind. This runs a few files that touch the file system, each alone in its own vitest process,
// with a fresh TMPDIR (os.tmpdir() follows it): the run must pass and the TMPDIR must be empty afterwards.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
// files that write to disk (the README example under .tmp/, batch output under os.tmpdir()) plus one that does not
const FILES = ['test/docs/readme.test.ts', 'test/batch/issue-batch.test.ts', 'test/core/ssrf-ranges.test.ts'];
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('test files pass alone and clean up after themselves', () => {
  for (const file of FILES) {
    it(`${file} alone: passes, leaves its TMPDIR empty`, () => {
      const tmp = mkdtempSync(join(tmpdir(), 'credstack-hermetic-'));
      made.push(tmp);
      // a clean environment: no vitest worker variables from this run leak into the child
      const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'TEST' && k !== 'NODE_ENV'));
      const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', file, '--reporter=dot', '--testTimeout=300000'], {
        cwd: ROOT,
        env: { ...env, TMPDIR: tmp, NO_COLOR: '1', FORCE_COLOR: '0' },
        encoding: 'utf8',
      });
      expect(r.status, `${r.stdout}\n${r.stderr}`.slice(-3000)).toBe(0);
      expect(r.stdout).toMatch(/Test Files\s+1 passed \(1\)/);
      // tsx (which runs the batch worker threads) keeps its compile cache in TMPDIR/tsx-<uid>: a tool cache, not a test folder
      expect(readdirSync(tmp).filter((e) => !/^tsx-\d+$/.test(e))).toEqual([]);
    }, 600_000);
  }
});

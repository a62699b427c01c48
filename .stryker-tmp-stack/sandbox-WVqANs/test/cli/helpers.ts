// @ts-nocheck
// Build the CLI once with tsup (the bundle of tsup.config.ts's CLI entry, scripts/cli-bundle.ts, but into a private temp folder so a
// parallel `npm run build`, which cleans dist/, cannot race us) and run it as a subprocess. The folder is made with
// mkdtemp in the OS temp dir (nothing in the clone has to exist beforehand); a node_modules link lets the bundle
// resolve its external dependencies from ours.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'tsup';
import { cliBundleOptions } from '../../scripts/cli-bundle.js';

export const ROOT = resolve(import.meta.dirname, '../..');

export async function buildCli(): Promise<{ cli: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'credstack-cli-test-'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const cli = join(dir, 'cli.js');
  await build({ ...cliBundleOptions(ROOT), config: false, outDir: dir, sourcemap: false, silent: true });
  return { cli, dir };
}

export function cleanup(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function run(cli: string, args: string[], opts: { cwd?: string; input?: string } = {}): Promise<RunResult> {
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: opts.cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', rej);
    child.on('close', (code, signal) => res({ code, signal, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

/** A 1×1 red PNG (IHDR, IDAT, IEND): the writer the fuzz seeds use (fuzz/png.ts). */
export async function tinyPng(): Promise<Uint8Array> {
  const { solidPng } = await import('../../fuzz/png.js');
  return solidPng(1, 1, [255, 0, 0, 255]);
}

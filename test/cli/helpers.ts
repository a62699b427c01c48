// Build the CLI once with tsup (same settings as tsup.config.ts's CLI entry, but into a private temp folder so a
// parallel `npm run build`, which cleans dist/, cannot race us) and run it as a subprocess. The folder is made with
// mkdtemp in the OS temp dir (nothing in the clone has to exist beforehand); a node_modules link lets the bundle
// resolve its external dependencies from ours.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'tsup';

export const ROOT = resolve(import.meta.dirname, '../..');

export async function buildCli(): Promise<{ cli: string; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'credstack-cli-test-'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const cli = join(dir, 'cli.js');
  await build({
    config: false,
    entry: { cli: join(ROOT, 'src/cli/main.ts') },
    format: ['esm'],
    outDir: dir,
    target: 'node20',
    platform: 'node',
    dts: false,
    sourcemap: false,
    clean: false,
    silent: true,
    banner: { js: '#!/usr/bin/env node' },
  });
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

/** A 1×1 PNG (IHDR, IDAT, IEND), built with node:zlib. */
export async function tinyPng(): Promise<Uint8Array> {
  const { crc32, deflateSync } = await import('node:zlib');
  const chunk = (type: string, data: Uint8Array): Buffer => {
    const b = Buffer.alloc(12 + data.length);
    b.writeUInt32BE(data.length, 0);
    b.write(type, 4, 'latin1');
    Buffer.from(data).copy(b, 8);
    b.writeUInt32BE(crc32(b.subarray(4, 8 + data.length)), 8 + data.length);
    return b;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(1, 0);
  ihdr.writeUInt32BE(1, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0, 255]))),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

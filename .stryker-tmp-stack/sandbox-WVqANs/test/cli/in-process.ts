// @ts-nocheck
// Run the CLI in-process (runCli) and capture what it prints: for tests that do not need the built binary.
import { PassThrough } from 'node:stream';
import { runCli } from '../../src/cli/main.js';

/** Run `credstack <args>` in this process; resolves to the exit code and everything printed. */
export async function cliInProcess(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d) => (stdout += d));
  err.on('data', (d) => (stderr += d));
  const code = await runCli(args, { stdout: out, stderr: err });
  return { code, stdout, stderr };
}

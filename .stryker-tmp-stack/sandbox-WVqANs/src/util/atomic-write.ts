/** @internal Crash-safe file writes shared by the status store, batch outputs and the CLI (`--out`). */
// @ts-nocheck

import { randomBytes } from 'node:crypto';
import { link, mkdir, open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * @internal Write `path` atomically: a reader (or a crash, or kill -9) sees the old content or the new, never an empty
 * or partial file. The data goes to a temporary file in the same directory, is fsynced, then renamed over `path` (or,
 * with `exclusive`, hard-linked to it, which fails with EEXIST if `path` exists); the directory is fsynced after.
 * Errors are Node's (EEXIST for `exclusive`); the temporary file never stays behind.
 */
export async function writeFileAtomic(path: string, data: string | Uint8Array, opts: { exclusive?: boolean; mode?: number; mkdir?: boolean } = {}): Promise<void> {
  const dir = dirname(path);
  if (opts.mkdir) await mkdir(dir, { recursive: true });
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fh = await open(tmp, 'wx', opts.mode ?? 0o644);
    try {
      if (opts.mode !== undefined) await fh.chmod(opts.mode);
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    if (opts.exclusive) {
      await link(tmp, path);
      await unlink(tmp);
    } else {
      await rename(tmp, path);
    }
  } catch (err) {
    await unlink(tmp).catch(() => {});
    throw err;
  }
  await syncDir(dir);
}

/** @internal fsync a directory so a rename in it survives a crash (best effort: not possible on every platform). */
export async function syncDir(dir: string): Promise<void> {
  try {
    const d = await open(dir, 'r');
    try {
      await d.sync();
    } catch {
      // some platforms refuse fsync on directories
    } finally {
      await d.close();
    }
  } catch {
    // directories cannot be opened on some platforms (Windows): the rename is still atomic
  }
}

/** @internal Is `name` a temporary file left by {@link writeFileAtomic} (a crash between write and rename)? */
export function isAtomicTemp(name: string): boolean {
  return /^\..+\.\d+\.[0-9a-f]{12}\.tmp$/.test(name);
}

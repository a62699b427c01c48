/** @internal Cross-process advisory locks (a sibling lock file), with dead-owner recovery. */
import { randomBytes } from 'node:crypto';
import { link, open, readFile, stat, unlink, utimes } from 'node:fs/promises';
import { hostname } from 'node:os';

/** @internal What a lock file records about its owner. */
export interface LockOwner {
  pid: number;
  host: string;
  token: string;
  at: string;
}

/** @internal Options of {@link acquireFileLock}. */
export interface FileLockOptions {
  /** Give up after this long (0: try once). */
  timeoutMs: number;
  /** A lock not refreshed for this long is stale (owners on other hosts, or a reused pid). */
  staleMs: number;
  /** Called when the lock is taken by someone else and we give up: build the error to throw. */
  onBusy: (owner: LockOwner | undefined) => Error;
  /** Called for I/O errors other than EEXIST. */
  onError: (err: unknown) => Error;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const HOST = hostname();

/** @internal Is process `pid` alive on this host? (EPERM: it exists but is not ours → alive.) */
export function processAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException)?.code === 'EPERM';
  }
}

async function readOwner(lockPath: string): Promise<LockOwner | undefined> {
  try {
    const o = JSON.parse(await readFile(lockPath, 'utf8')) as Partial<LockOwner>;
    if (o && typeof o.pid === 'number' && typeof o.host === 'string' && typeof o.token === 'string') return o as LockOwner;
  } catch {
    // being written, or not ours
  }
  return undefined;
}

/**
 * Break the lock if its owner is gone: at once when it ran on this host and its pid no longer exists (killed with
 * SIGKILL, crashed), else when it was not refreshed for `staleMs`. Re-reads just before removing, so a lock taken
 * meanwhile by someone else is left alone.
 */
async function breakIfAbandoned(lockPath: string, staleMs: number): Promise<void> {
  try {
    const owner = await readOwner(lockPath);
    const st = await stat(lockPath);
    const dead = owner !== undefined && owner.host === HOST && owner.pid !== process.pid && !processAlive(owner.pid);
    const stale = Date.now() - st.mtimeMs > staleMs;
    if (!dead && !stale) return;
    const again = await stat(lockPath);
    const owner2 = await readOwner(lockPath);
    if (again.ino === st.ino && again.mtimeMs === st.mtimeMs && owner2?.token === owner?.token) await unlink(lockPath);
  } catch {
    // gone already, or raced with another process: retry acquiring
  }
}

/**
 * Create `lockPath` holding `text`, failing with EEXIST when it exists. The owner is written to a private temporary file
 * first and hard-linked into place (link() never replaces a file), so the lock never exists without its owner: a run
 * killed between creating the lock and recording its pid would otherwise leave an empty lock that only goes stale after
 * `staleMs`. Where hard links are refused (some network or FAT file systems), falls back to open(…, 'wx') and a write.
 */
async function createLockFile(lockPath: string, text: string, token: string): Promise<void> {
  // `.tmp-` as atomic-write names its temporary files: a directory output removes leftovers of a killed run on open
  const tmp = `${lockPath}.tmp-${token}`;
  let linked = false;
  try {
    await writeNewFile(tmp, text);
    await link(tmp, lockPath);
    linked = true;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException)?.code;
    if (code === 'EEXIST' || linked) throw err;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS' && code !== 'EXDEV') throw err;
    await writeNewFile(lockPath, text);
  } finally {
    await unlink(tmp).catch(() => {});
  }
}

/** Create `path` (EEXIST when it exists) holding `text`, synced to disk before it is closed. */
async function writeNewFile(path: string, text: string): Promise<void> {
  const fh = await open(path, 'wx');
  try {
    await fh.writeFile(text);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** @internal Take the lock `lockPath` (created with O_EXCL), refreshed while held; resolves to its release function. */
export async function acquireFileLock(lockPath: string, opts: FileLockOptions): Promise<() => Promise<void>> {
  const token = `${process.pid}.${randomBytes(8).toString('hex')}`;
  const deadline = Date.now() + opts.timeoutMs;
  let delay = 1;
  for (;;) {
    try {
      await createLockFile(lockPath, JSON.stringify({ pid: process.pid, host: HOST, token, at: new Date().toISOString() } satisfies LockOwner), token);
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException)?.code !== 'EEXIST') throw opts.onError(err);
      await breakIfAbandoned(lockPath, opts.staleMs);
      if (Date.now() >= deadline) {
        // one last try right after breaking an abandoned lock
        try {
          await stat(lockPath);
        } catch {
          continue;
        }
        throw opts.onBusy(await readOwner(lockPath));
      }
      await sleep(delay + Math.random() * delay);
      delay = Math.min(delay * 2, 25);
    }
  }
  const beat = setInterval(() => {
    const t = new Date();
    utimes(lockPath, t, t).catch(() => {});
  }, Math.max(10, Math.floor(opts.staleMs / 3)));
  beat.unref?.();
  return async () => {
    clearInterval(beat);
    const held = await readOwner(lockPath);
    if (held?.token === token) await unlink(lockPath).catch(() => {});
  };
}

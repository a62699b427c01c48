// @ts-nocheck
// Build dist/ once for the test files that need it (packed-tarball and CLI tests), safely across parallel workers:
// a lock directory serialises builders, and a fresh dist (newer than every source file) is reused.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function fresh(): boolean {
  const outs = ['index.js', 'index.cjs', 'index.d.ts', 'cli.js', 'verify.js', 'verify.d.ts', 'verifier/index.html', 'verifier/verifier.js'].map((f) => join(root, 'dist', f));
  if (!outs.every((f) => existsSync(f))) return false;
  const built = Math.min(...outs.map((f) => statSync(f).mtimeMs));
  return built > Math.max(newest(join(root, 'src')), newest(join(root, 'schemas')), statSync(join(root, 'package.json')).mtimeMs);
}

/** Make sure dist/ is built from the current sources (runs `tsup` at most once at a time). */
export async function ensureBuilt(): Promise<void> {
  // the lock lives in the OS temp dir (one per clone), so nothing in the clone has to exist beforehand
  const lock = join(tmpdir(), `credstack-build-${createHash('sha256').update(root).digest('hex').slice(0, 12)}.lock`);
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // another worker is building; a lock older than 3 minutes is stale
      try {
        if (Date.now() - statSync(lock).mtimeMs > 180_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        /* released meanwhile */
      }
      if (Date.now() > deadline) throw new Error('timed out waiting for the dist build lock');
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  try {
    if (!fresh()) execFileSync('npx', ['tsup', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

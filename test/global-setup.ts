// Build dist/ once before the test files that need it (packed-tarball and CLI tests).
// Skipped when dist is newer than every source file (e.g. right after `npm run build` in CI).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export default function setup(): void {
  const root = join(import.meta.dirname, '..');
  const dist = join(root, 'dist', 'index.js');
  const cli = join(root, 'dist', 'cli.js');
  const fresh =
    existsSync(dist) &&
    existsSync(cli) &&
    statSync(dist).mtimeMs > Math.max(newest(join(root, 'src')), newest(join(root, 'schemas')), statSync(join(root, 'package.json')).mtimeMs);
  if (fresh) return;
  execFileSync('npx', ['tsup', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
}

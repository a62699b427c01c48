// @ts-nocheck
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The chunks a built ESM entry (`dist/<entry>`, code splitting) loads through `import()`: every file reachable from the
 * entry by static imports is read and its `import("./x.js")` targets collected (each listed once).
 */
export function lazyImports(dist: string, entry = 'verify.js'): string[] {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const f = queue.pop()!;
    if (seen.has(f)) continue;
    seen.add(f);
    for (const m of readFileSync(join(dist, f), 'utf8').matchAll(/(?:^|\n)import\s*(?:[^"';]*?from\s*)?["']\.\/([^"']+)["']/g)) queue.push(m[1]!);
  }
  return [...new Set([...seen].flatMap((f) => [...readFileSync(join(dist, f), 'utf8').matchAll(/import\(["']\.\/([^"']+\.js)["']\)/g)].map((m) => m[1]!)))];
}

/**
 * A copy of the built `dist/` in a fresh folder under the clone's `.tmp/` (inside the clone, so dist's bare imports
 * resolve to our node_modules), as an ESM package; tests delete chunks from it. Returns the folder.
 */
export function copyDist(root: string, prefix: string): string {
  mkdirSync(join(root, '.tmp'), { recursive: true });
  const dir = mkdtempSync(join(root, '.tmp', prefix));
  cpSync(join(root, 'dist'), join(dir, 'dist'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }));
  return dir;
}

import { readFileSync } from 'node:fs';
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

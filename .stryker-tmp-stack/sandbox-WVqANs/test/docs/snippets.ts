// @ts-nocheck
// One runner for the README's ```ts snippets (test/docs/readme.test.ts runs them all; area tests look deeper into one).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { vi } from 'vitest';

export const root = join(import.meta.dirname, '..', '..');
export const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** The ```ts blocks of the README with the heading or bold title above them. */
export function snippets(): { title: string; code: string }[] {
  const out: { title: string; code: string }[] = [];
  const re = /```ts\n([\s\S]*?)```/g;
  for (let m = re.exec(readme); m; m = re.exec(readme)) {
    const before = readme.slice(0, m.index);
    const titles = [...before.matchAll(/^(?:## (.+)|\*\*(.+?)\*\*)/gm)];
    const t = titles[titles.length - 1];
    out.push({ title: (t?.[1] ?? t?.[2] ?? `snippet ${out.length + 1}`).trim(), code: m[1]! });
  }
  return out;
}

/** The first snippet under the `## <heading>` that starts with `heading`. */
export function snippetUnder(heading: string): string {
  const s = snippets().find((x) => x.title.startsWith(heading));
  if (!s) throw new Error(`no README snippet under "## ${heading}"`);
  return s.code;
}

/**
 * Run a snippet as written (with `credstack` mapped to the sources) from `dir`, exporting `names` of its variables.
 * Returns the module, what it printed (console.log arguments) and whether it called fetch (it must not: offline).
 */
export async function runSnippet(code: string, dir: string, file: string, names: string[] = []): Promise<{ mod: Record<string, any>; logs: unknown[][]; fetched: boolean }> {
  const path = join(dir, file);
  writeFileSync(path, `${code.replaceAll("from 'credstack'", `from '${join(root, 'src', 'index.js')}'`)}\nexport { ${names.join(', ')} };\n`);
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  const spyFetch = vi.spyOn(globalThis, 'fetch');
  try {
    const mod = (await import(path)) as Record<string, any>;
    return { mod, logs: [...log.mock.calls], fetched: spyFetch.mock.calls.length > 0 };
  } finally {
    log.mockRestore();
    spyFetch.mockRestore();
  }
}

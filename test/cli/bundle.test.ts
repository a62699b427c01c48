// The CLI bundle (scripts/cli-bundle.ts): jsonld's Node document loader is stubbed out (and still exists in jsonld, so
// the stub replaces something), the bundle keeps the jsonld source text the fast path checks, a cold start loads only
// a small entry before the command is chosen, each lazily loaded command is the one the help lists, and the built CLI
// still issues and verifies a badge.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSONLD_NODE_LOADER, JSONLD_NODE_LOADER_STUB } from '../../scripts/cli-bundle.js';
import { commands } from '../../src/cli/commands/index.js';
import { ROOT, buildCli, cleanup, run } from './helpers.js';

const NOW = '2026-07-01T09:00:00Z';
let cli: string;
let dir: string;
let chunks: Map<string, string>;

beforeAll(async () => {
  ({ cli, dir } = await buildCli());
  chunks = new Map(readdirSync(dir).filter((f) => f.endsWith('.js')).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}, 120_000);
afterAll(() => cleanup(dir));

/** The entry file and every chunk it imports statically (what Node loads before any command runs). */
function staticClosure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (f: string): void => {
    if (seen.has(f)) return;
    seen.add(f);
    const text = chunks.get(f) ?? '';
    for (const m of text.matchAll(/^(?:import|export)\s[^;]*?from\s*"\.\/([^"]+)"/gm)) visit(m[1]!);
    for (const m of text.matchAll(/^import\s*"\.\/([^"]+)"/gm)) visit(m[1]!);
  };
  visit(entry);
  return [...seen];
}

describe('CLI bundle', () => {
  it("jsonld still has the Node document loader the bundle replaces, required where the stub expects it", () => {
    const req = createRequire(join(ROOT, 'package.json'));
    const loader = req.resolve(JSONLD_NODE_LOADER);
    expect(existsSync(loader)).toBe(true);
    const platform = readFileSync(join(dirname(loader), '..', 'platform.js'), 'utf8');
    expect(platform).toContain("require('./documentLoaders/node')");
    // what the real loader pulls in: @digitalbazaar/http-client (ky, undici)
    expect(readFileSync(loader, 'utf8')).toContain("require('@digitalbazaar/http-client')");
  });

  it('the bundle has the stub, not the Node loader nor its HTTP client', () => {
    const all = [...chunks.values()].join('\n');
    expect(all).toContain('jsonld has no default document loader in the CLI');
    expect(JSONLD_NODE_LOADER_STUB).toContain('jsonld has no default document loader in the CLI');
    expect(all).not.toContain('secure mode is enabled');
    expect(all).not.toContain('@digitalbazaar/http-client');
    expect(all).not.toContain('Possible CORS error');
    expect(all).not.toMatch(/node_modules\/(undici|ky)\//);
    // not minified: the jsonld fast path finds the code it replaces (src/jsonld/fast.ts)
    expect(all).toContain('.clone(this.mappings)');
    expect(all).toContain('child.previousContext = this.previousContext.clone()');
  });

  it('before a command is chosen only a small entry is loaded (no jsonld, no verifier)', () => {
    const closure = staticClosure('cli.js');
    const text = closure.map((f) => chunks.get(f)!).join('\n');
    expect(text.length).toBeLessThan(60_000);
    expect(text).not.toContain('jsonld.expand');
    expect(text).not.toContain('credentialSubject');
  });

  it('a CommonJS package loaded lazily is read through its default export (it has no named exports in the bundle)', () => {
    // esbuild wraps a lazily imported CommonJS package in a chunk that is only `export default require_x()`: a named
    // import of it is undefined (src/proofs/shapes.ts once read rdf-canonize's `canonize` so, and every compiled shape
    // failed in the CLI)
    const wrappers = [...chunks].filter(([, text]) => /^export default require_\w+\(\);\s*$/m.test(text) && !/^export \{/m.test(text)).map(([f]) => f);
    expect(wrappers.length).toBeGreaterThan(0); // jsonld, at least
    for (const w of wrappers) {
      for (const [f, text] of chunks) {
        for (const m of text.matchAll(new RegExp(`(.{0,60})import\\("\\./${w.replace(/[.]/g, '\\.')}"\\)(.{0,12})`, 'g'))) {
          const destructuresDefault = /\{ default: \w+ \} = await $/.test(m[1]!);
          const readsDefault = /^\)?\.default\b/.test(m[2]!);
          expect({ chunk: f, wrapper: w, ok: destructuresDefault || readsDefault, at: m[0] }).toMatchObject({ ok: true });
        }
      }
    }
  });

  it('each lazily loaded command is the one the help lists (name and summary)', async () => {
    expect(new Set(commands.map((c) => c.name)).size).toBe(commands.length);
    for (const entry of commands) {
      const cmd = await entry.load();
      expect(cmd.name).toBe(entry.name);
      expect(cmd.summary, entry.name).toBe(entry.summary);
    }
  });

  it('the built CLI issues a badge and verifies it; --version and --help work', async () => {
    const ach = join(dir, 'achievement.json');
    writeFileSync(ach, JSON.stringify({ type: ['Achievement'], id: 'https://uni.example/achievements/b', name: 'Bundled', description: 'd', criteria: { narrative: 'n' } }));
    expect((await run(cli, ['keygen', '--out', join(dir, 'k.json')])).code).toBe(0);
    const issued = await run(cli, ['issue', '-k', join(dir, 'k.json'), '-t', ach, '--recipient', 'did:example:ada', '--now', NOW, '-o', join(dir, 'badge.json')]);
    expect(issued.code, issued.stderr).toBe(0);
    const v = await run(cli, ['verify', join(dir, 'badge.json'), '--now', NOW, '--quiet']);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout.trim()).toBe('1 verified, 0 failed');
    const version = await run(cli, ['--version']);
    expect(version.stdout.trim()).toBe('0.1.0');
    const help = await run(cli, ['--help']);
    expect(help.code).toBe(0);
    for (const c of commands) expect(help.stdout).toContain(`  ${c.name}`);
  });
});

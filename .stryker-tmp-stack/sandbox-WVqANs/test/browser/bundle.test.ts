// @ts-nocheck
// credstack/verify runs in browsers: the entry bundles for the browser platform with no Node built-in reachable, and
// its size is measured (budget in the issue: ≤ 150 kB gzipped for the first download — the JSON Schema validators
// are a chunk loaded on first use; the figures are printed by `npm run size:verify`).
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/**
 * Records every import of a Node built-in that the browser build would really load. A package may map a built-in to
 * `false` in its "browser" field (e.g. @noble/ed25519 1.x: "crypto": false, used only when WebCrypto is absent): esbuild
 * then bundles an empty module, which is what a browser gets, so that import is not recorded.
 */
function recordBuiltins(imported: string[]): Plugin {
  return {
    name: 'record-builtins',
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (!BUILTINS.has(args.path) || args.pluginData === 'inner') return undefined;
        const r = await b.resolve(args.path, { importer: args.importer, resolveDir: args.resolveDir, kind: args.kind, pluginData: 'inner' });
        // resolved (a browser-field mapping to `false` = an empty module, or a browser polyfill): esbuild's default
        if (r.errors.length === 0 && !r.external) return undefined;
        imported.push(`${args.path} (from ${args.importer.replace(root + '/', '')})`);
        return { path: args.path, external: true };
      });
    },
  };
}

describe('credstack/verify bundles for the browser', () => {
  it('no Node built-in is reachable from src/verify-entry.ts (esbuild, platform browser)', async () => {
    const imported: string[] = [];
    const r = await build({
      entryPoints: [join(root, 'src', 'verify-entry.ts')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      minify: true,
      write: false,
      metafile: true,
      logLevel: 'silent',
      plugins: [recordBuiltins(imported)],
    });
    expect(r.errors).toEqual([]);
    expect(imported).toEqual([]);
    const inputs = Object.keys(r.metafile.inputs);
    expect(inputs.some((f) => f.endsWith('src/verify/verify.ts'))).toBe(true);
    expect(inputs.some((f) => f.includes('node_modules/fflate/'))).toBe(true);
    const js = r.outputFiles[0]!.contents;
    const gz = gzipSync(js, { level: 9 }).length;
    // one file (the dynamic imports inlined, as in the static page): a regression bound; the budget is for the split
    // build below. The figure is reported by `npm run size:verify`
    expect(gz).toBeLessThan(200 * 1024);
  }, 120_000);

  it('split (ESM, code splitting): the first download is within the 150 kB gzipped budget, the validators are loaded on first use', async () => {
    const r = await build({
      entryPoints: [join(root, 'src', 'verify-entry.ts')],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      minify: true,
      splitting: true,
      outdir: join(root, '.tmp', 'bundle-test'),
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const outputs = r.metafile.outputs;
    // (every import() target is an entry point of the build too: the verifier's is the one of src/verify-entry.ts)
    const entry = Object.keys(outputs).find((p) => outputs[p]!.entryPoint?.endsWith('src/verify-entry.ts'))!;
    const initial = new Set([entry]);
    for (const queue = [entry]; queue.length;) {
      for (const i of outputs[queue.pop()!]!.imports) {
        if (i.kind === 'import-statement' && !initial.has(i.path)) {
          initial.add(i.path);
          queue.push(i.path);
        }
      }
    }
    const inputsOf = (paths: Iterable<string>) => [...paths].flatMap((p) => Object.keys(outputs[p]!.inputs));
    expect(inputsOf(initial).some((f) => f.includes('src/schema/precompiled/'))).toBe(false);
    expect(inputsOf(initial).some((f) => f.endsWith('src/schema/engine.ts'))).toBe(true);
    const lazy = Object.keys(outputs).filter((p) => p.endsWith('.js') && !initial.has(p));
    expect(inputsOf(lazy).some((f) => f.endsWith('src/schema/precompiled/ob.js'))).toBe(true);
    // the proof suites most credentials do not need are loaded on first use too (src/proofs/load.ts): ECDSA on
    // @noble/curves, Ed25519Signature2020 / eddsa-jcs-2022 / jsonld-signatures' eddsa-rdfc-2022
    for (const f of ['node_modules/@noble/curves/', 'src/proofs/ecdsa.ts', 'src/keys/ecdsa.ts', 'src/proofs/suites.ts', '@digitalbazaar/ed25519-signature-2020/', '@digitalbazaar/eddsa-jcs-2022-cryptosuite/']) {
      expect({ f, first: inputsOf(initial).some((i) => i.includes(f)) }).toEqual({ f, first: false });
      expect({ f, lazy: inputsOf(lazy).some((i) => i.includes(f)) }).toEqual({ f, lazy: true });
    }
    expect(inputsOf(initial).some((f) => f.endsWith('src/proofs/verify-proof.ts'))).toBe(true);
    const bytes = new Map(r.outputFiles.map((f) => [f.path.slice(root.length + 1), f.contents]));
    const firstDownload = [...initial].reduce((n, p) => n + gzipSync(bytes.get(p)!, { level: 9 }).length, 0);
    expect(firstDownload).toBeLessThanOrEqual(150 * 1024);
  }, 120_000);

  it('the page bundle (src/verifier-page/app.ts) has no Node built-in either', async () => {
    const imported: string[] = [];
    const r = await build({
      entryPoints: [join(root, 'src', 'verifier-page', 'app.ts')],
      bundle: true,
      platform: 'browser',
      format: 'iife',
      write: false,
      logLevel: 'silent',
      plugins: [recordBuiltins(imported)],
    });
    expect(r.errors).toEqual([]);
    expect(imported).toEqual([]);
  }, 120_000);
});

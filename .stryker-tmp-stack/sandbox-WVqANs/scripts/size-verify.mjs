// @ts-nocheck
// Size of the browser bundle of credstack/verify (src/verify-entry.ts, esbuild, platform browser, minified, gzip -9),
// and what dominates it. Two builds:
//   split    — ESM with code splitting, what a consumer's bundler (and our ESM build) makes of it: the first download
//              (the entry chunk and the chunks it imports statically; the budget, ≤ 150 kB gzipped) and the
//              chunks loaded on first use through import() (the JSON Schema validators at the first schema check, the
//              ECDSA and Ed25519Signature2020 / eddsa-jcs-2022 suites at the first such proof, the VC-JWT verifier…);
//   one file — no splitting (the dynamic imports inlined), as in the static page's classic script.
// Usage: npm run size:verify
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const common = { entryPoints: ['src/verify-entry.ts'], bundle: true, platform: 'browser', format: 'esm', minify: true, write: false, metafile: true, logLevel: 'error' };
const kB = (n) => `${(n / 1024).toFixed(1)} kB`;
const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;

const split = await build({ ...common, splitting: true, outdir: 'out-size', chunkNames: 'chunk-[hash]' });
const files = new Map(split.outputFiles.filter((f) => f.path.endsWith('.js')).map((f) => [f.path.slice(f.path.indexOf('out-size/')), f.contents]));
const outputs = Object.entries(split.metafile.outputs).filter(([p]) => p.endsWith('.js'));
const entry = outputs.find(([, o]) => o.entryPoint === common.entryPoints[0])[0]; // (each import() target is an entry point too)
const initial = new Set([entry]);
for (const queue = [entry]; queue.length;) {
  for (const i of split.metafile.outputs[queue.pop()].imports) {
    if (i.kind === 'import-statement' && !initial.has(i.path)) {
      initial.add(i.path);
      queue.push(i.path);
    }
  }
}
const sum = (paths, f) => paths.reduce((n, p) => n + f(files.get(p)), 0);
const lazy = outputs.map(([p]) => p).filter((p) => !initial.has(p));
const ini = [...initial];
console.log(`credstack/verify browser bundle, split (ESM, code splitting):`);
console.log(`  first download: ${kB(sum(ini, (b) => b.length))} minified, ${kB(sum(ini, gz))} gzipped (${ini.length} file${ini.length === 1 ? '' : 's'})`);
const small = lazy.filter((p) => files.get(p).length < 1024);
for (const p of lazy.filter((x) => !small.includes(x))) {
  const inputs = Object.entries(split.metafile.outputs[p].inputs).filter(([f]) => !f.startsWith('(disabled)'));
  const own = inputs.filter(([f]) => !f.includes('node_modules')).map(([f]) => f.replace(/^src\//, ''));
  // a chunk of dependencies only: its largest packages
  const deps = [...inputs.reduce((m, [f, v]) => { const k = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules)/.exec(f)?.[1] ?? f; return m.set(k, (m.get(k) ?? 0) + v.bytesInOutput); }, new Map())].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k]) => k);
  console.log(`  loaded on first use: ${kB(files.get(p).length)} minified, ${kB(gz(files.get(p)))} gzipped (${own.join(', ') || deps.join(', ')})`);
}
if (small.length) console.log(`  loaded on first use: ${small.length} small shared chunks, ${kB(sum(small, gz))} gzipped`);
console.log(`  all files: ${kB(sum([...files.keys()], gz))} gzipped`);

const one = await build(common);
const js = one.outputFiles[0].contents;
console.log(`credstack/verify browser bundle, one file: ${kB(js.length)} minified, ${kB(gz(js))} gzipped`);

/** Minified bytes of each package / source area in the given outputs. */
function parts(outputs) {
  const by = new Map();
  for (const o of outputs) {
    for (const [file, v] of Object.entries(o.inputs)) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
      const key = m ? m[1] : file.startsWith('src/schema/precompiled/') ? 'src/schema/precompiled' : file.startsWith('src/') ? file.split('/').slice(0, 2).join('/') : file;
      by.set(key, (by.get(key) ?? 0) + v.bytesInOutput);
    }
  }
  return [...by].sort((a, b) => b[1] - a[1]).slice(0, 15);
}
console.log('largest parts of the first download (minified bytes):');
for (const [k, v] of parts(ini.map((p) => split.metafile.outputs[p]))) console.log(`  ${kB(v).padStart(9)}  ${k}`);

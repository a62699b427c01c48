// Size of the browser bundle of credstack/verify (src/verify-entry.ts, esbuild, platform browser, minified, gzip -9),
// and what dominates it. Usage: npm run size:verify
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const r = await build({ entryPoints: ['src/verify-entry.ts'], bundle: true, platform: 'browser', format: 'esm', minify: true, write: false, metafile: true, logLevel: 'error' });
const js = r.outputFiles[0].contents;
console.log(`credstack/verify browser bundle: ${(js.length / 1024).toFixed(1)} kB minified, ${(gzipSync(js, { level: 9 }).length / 1024).toFixed(1)} kB gzipped`);
const by = new Map();
for (const [file, v] of Object.entries(Object.values(r.metafile.outputs)[0].inputs)) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  const key = m ? m[1] : file.startsWith('src/') ? file.split('/').slice(0, 2).join('/') : file;
  by.set(key, (by.get(key) ?? 0) + v.bytesInOutput);
}
console.log('largest parts (minified bytes in the bundle):');
for (const [k, v] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${(v / 1024).toFixed(1).padStart(7)} kB  ${k}`);

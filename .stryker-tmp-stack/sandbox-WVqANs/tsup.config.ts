// @ts-nocheck
import { defineConfig } from 'tsup';
import { cliBundleOptions } from './scripts/cli-bundle.js';

// `verify` is the browser-safe verifier (package export credstack/verify); no Node built-in is reachable from it
const common = { entry: { index: 'src/index.ts', verify: 'src/verify-entry.ts' }, sourcemap: true, target: 'node20', platform: 'node', shims: true } as const;

export default defineConfig([
  // type declarations for both formats (index.d.ts, index.d.cts) in one pass
  { ...common, format: ['esm', 'cjs'], dts: { only: true }, clean: true },
  // ESM: dependencies stay external (the consumer's node_modules)
  { ...common, format: ['esm'], dts: false, clean: false },
  // CommonJS: most dependencies (@digitalbazaar/*, @noble/*, @scure/base, jsonld, rdf-canonize) are ESM-only, and
  // require() of ESM needs Node 20.19+ / 22.12+ and does not work under Jest, or tsx with .cts files. So the CJS build
  // bundles every dependency: require('credstack') loads no ES module at all.
  // (credstack/verify is ESM only: bundlers and browsers load ES modules; require('credstack') has everything)
  { ...common, entry: { index: 'src/index.ts' }, format: ['cjs'], dts: false, clean: false, noExternal: [/.*/] },
  // the CLI: credstack and its dependencies bundled (scripts/cli-bundle.ts), split into chunks that each command loads
  // only when it runs, so that a cold `credstack verify` does not resolve hundreds of modules in node_modules
  { ...cliBundleOptions(), sourcemap: false },
  // the static verifier page (dist/verifier/: index.html + verifier.css from publicDir, verifier.js): one classic
  // script with everything bundled, so that it runs from file:// (module scripts do not) and from any static host
  {
    entry: { verifier: 'src/verifier-page/app.ts' },
    format: ['iife'],
    outExtension: () => ({ js: '.js' }),
    outDir: 'dist/verifier',
    publicDir: 'src/verifier-page/public',
    platform: 'browser',
    target: 'es2022',
    noExternal: [/.*/],
    // a classic script has no import.meta: dependencies that build file URLs from it (@digitalbazaar/credentials-context
    // names its context files so) get a fixed base; credstack reads the bundled context objects, never those files
    define: { 'import.meta.url': '"https://credstack.invalid/verifier/verifier.js"' },
    minify: true,
    dts: false,
    sourcemap: false,
    clean: false,
  },
]);

import { defineConfig } from 'tsup';

const common = { entry: { index: 'src/index.ts' }, sourcemap: true, target: 'node20', platform: 'node', shims: true } as const;

export default defineConfig([
  // type declarations for both formats (index.d.ts, index.d.cts) in one pass
  { ...common, format: ['esm', 'cjs'], dts: { only: true }, clean: true },
  // ESM: dependencies stay external (the consumer's node_modules)
  { ...common, format: ['esm'], dts: false, clean: false },
  // CommonJS: most dependencies (@digitalbazaar/*, @noble/*, @scure/base, jsonld, rdf-canonize) are ESM-only, and
  // require() of ESM needs Node 20.19+ / 22.12+ and does not work under Jest, or tsx with .cts files. So the CJS build
  // bundles every dependency: require('credstack') loads no ES module at all.
  { ...common, format: ['cjs'], dts: false, clean: false, noExternal: [/.*/] },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
  },
]);

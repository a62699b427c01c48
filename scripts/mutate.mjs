#!/usr/bin/env node
// npm run mutate -- <area> [more stryker flags]   e.g. `npm run mutate -- status`, `npm run mutate -- jsonld`
// Areas are the verification-relevant folders (issue 21). Each area keeps its own incremental file under
// reports/mutation/, so a re-run after a change only re-tests the mutants whose code or covering tests changed.
// Concurrency is 1 by default (shared machine); pass `--concurrency 2` to go faster.
import { spawnSync } from 'node:child_process';

const areas = {
  jsonld: ['src/jsonld/loader.ts', 'src/jsonld/contexts.ts'],
  status: ['src/status/**/*.ts', '!src/status/index.ts', '!src/status/types.ts'],
  keys: ['src/keys/did-key.ts', 'src/keys/did-web.ts', 'src/keys/multibase.ts', 'src/keys/keypair.ts'],
  baking: ['src/baking/extract.ts', 'src/baking/svg.ts', 'src/baking/png.ts', 'src/baking/common.ts'],
  proofs: ['src/proofs/**/*.ts', '!src/proofs/index.ts'],
  portfolio: ['src/portfolio/**/*.ts', '!src/portfolio/index.ts', '!src/portfolio/types.ts'],
  stacking: ['src/stacking/**/*.ts', '!src/stacking/index.ts', '!src/stacking/types.ts'],
  verify: ['src/verify/**/*.ts', '!src/verify/index.ts'],
};

const [area, ...rest] = process.argv.slice(2);
if (!area || !(area in areas)) {
  console.error(`usage: npm run mutate -- <${Object.keys(areas).join('|')}> [stryker flags]`);
  process.exit(2);
}
const args = [
  'stryker', 'run', 'stryker.config.mjs',
  '--mutate', areas[area].join(','),
  '--incrementalFile', `reports/mutation/${area}.incremental.json`,
  ...rest,
];
const r = spawnSync('npx', args, { stdio: 'inherit' });
process.exit(r.status ?? 1);

// @ts-nocheck
// StrykerJS (mutation testing) — run through `npm run mutate -- <area>` (scripts/mutate.mjs picks the files and a
// per-area incremental file so re-runs only test changed mutants). Not part of `npm test`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  dryRunTimeoutMinutes: 20,
  coverageAnalysis: 'perTest',
  checkers: [],
  concurrency: 1,
  timeoutMS: 60_000,
  timeoutFactor: 2,
  // static mutants (module-level data such as the bundled-context table) would re-run every test per mutant
  ignoreStatic: true,
  incremental: true,
  reporters: ['clear-text', 'progress-append-only', 'json'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  ignorePatterns: ['dist', 'coverage', 'reports', '.tmp', 'out', '*.tgz'],
  thresholds: { high: 90, low: 80, break: null },
};

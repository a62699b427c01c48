// @ts-nocheck
// Vitest config for mutation runs only (stryker.config.mjs): the test files are the area's own tests, chosen by
// scripts/mutate.mjs through STRYKER_TESTS (comma-separated globs), so a mutant is not re-tested by the whole suite
// (CLI and package tests build bundles and are far too slow to run per mutant).
import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

const include = (process.env.STRYKER_TESTS ?? 'test/**/*.test.ts').split(',');

export default defineConfig({
  ...base,
  test: { ...base.test, include, exclude: ['test/cli/**', 'test/package/**', 'test/docs/**', 'node_modules/**'] },
});

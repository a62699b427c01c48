// @ts-nocheck
// The built `credstack/verify` (dist/verify.js, ESM with code splitting) loads the JSON Schema validators from a chunk
// of their own on first use. With that chunk gone (a static host that did not upload it, a failed request), the
// schema check is "could not check" — never passed — and under strictSchema the credential does not verify.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCredential } from '../../src/index.js';
import { ensureBuilt } from '../build.js';
import { copyDist, lazyImports } from './dist-chunks.js';
import { ISSUED, NOW, sampleCredential, seededKey } from '../helpers.js';

const root = join(import.meta.dirname, '..', '..');
let dir: string;

/** The chunk the schema check of dist/verify.js imports (the precompiled validators, `ob-….js`). */
function validatorChunk(dist: string): string {
  const lazy = lazyImports(dist).filter((f) => /^ob-[A-Z0-9]+\.js$/.test(f));
  expect(lazy).toHaveLength(1);
  return lazy[0]!;
}

beforeAll(async () => {
  await ensureBuilt();
  dir = copyDist(root, 'verify-chunk-');
  const key = await seededKey(11);
  writeFileSync(join(dir, 'cred.json'), JSON.stringify(await issueCredential(sampleCredential(key.controller), { key, now: ISSUED })));
  writeFileSync(join(dir, 'run.js'), `
import { readFileSync } from 'node:fs';
import { verifyCredential } from './dist/verify.js';
const cred = JSON.parse(readFileSync(new URL('./cred.json', import.meta.url), 'utf8'));
const out = [];
for (const strictSchema of [false, true]) {
  const r = await verifyCredential(cred, { now: ${JSON.stringify(NOW)}, strictSchema });
  const s = r.checks.find((c) => c.id === 'schema');
  out.push({ verified: r.verified, status: s.status, code: s.code ?? null, failed: r.checks.filter((c) => c.status === 'failed').map((c) => c.code) });
}
console.log(JSON.stringify(out));
`);
}, 600_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = () => JSON.parse(execFileSync(process.execPath, [join(dir, 'run.js')], { encoding: 'utf8' }));

describe('dist/verify.js and its validator chunk', () => {
  it('with the chunk: the schema check passes', () => {
    expect(run()).toEqual([
      { verified: true, status: 'passed', code: null, failed: [] },
      { verified: true, status: 'passed', code: null, failed: [] },
    ]);
  });

  it('without the chunk: skipped SKIP_SCHEMA_UNAVAILABLE; under strictSchema failed ERR_SCHEMA_UNCHECKED', () => {
    rmSync(join(dir, 'dist', validatorChunk(join(dir, 'dist'))));
    expect(run()).toEqual([
      { verified: true, status: 'skipped', code: 'SKIP_SCHEMA_UNAVAILABLE', failed: [] },
      { verified: false, status: 'failed', code: 'ERR_SCHEMA_UNCHECKED', failed: ['ERR_SCHEMA_UNCHECKED'] },
    ]);
  });
});

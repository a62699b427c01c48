// @ts-nocheck
// The published package works from an ESM and from a CJS project on Node 20: npm pack → install into a temp project
// (dependencies linked from ours, no network) → import / require → issue → verify. The CJS build bundles its
// ESM-only dependencies, so it also works where require(esm) does not: Node with --no-experimental-require-module,
// Jest, and tsx running a .cts file.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../build.js';

const root = join(import.meta.dirname, '..', '..');
let dir: string;
let files: string[];

beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'credstack-pack-'));
  // dist was just built by ensureBuilt (what the prepack script does on a fresh clone), so skip the scripts here
  const out = execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  const info = JSON.parse(out)[0];
  files = info.files.map((f: { path: string }) => f.path);
  const pkgDir = join(dir, 'proj', 'node_modules', 'credstack');
  mkdirSync(pkgDir, { recursive: true });
  execFileSync('tar', ['-xzf', join(dir, info.filename), '-C', pkgDir, '--strip-components=1']);
  // link the dependencies from our own node_modules (what `npm install` would fetch), no network
  const nm = join(root, 'node_modules');
  for (const e of readdirSync(nm)) {
    if (e === 'credstack' || e === '.bin' || e.startsWith('.')) continue;
    symlinkSync(join(nm, e), join(dir, 'proj', 'node_modules', e));
  }
  writeFileSync(join(dir, 'proj', 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
}, 600_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const script = (load: string) => `
${load}
(async () => {
  const key = await generateKeyPair({ seed: new Uint8Array(32).fill(5) });
  const signed = await issueCredential({
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: key.controller, type: ['Profile'], name: 'Packed University' },
    name: 'Packaging 101',
    credentialSubject: { type: ['AchievementSubject'], id: 'did:example:learner', achievement: { id: 'urn:uuid:9b7c2f3e-1111-4222-8333-944455556666', type: ['Achievement'], name: 'Packaging 101', description: 'Ships ESM and CJS.', criteria: { narrative: 'Import it.' } } },
  }, { key, now: '2026-09-01T00:00:00Z' });
  const report = await verifyCredential(signed, { now: '2026-10-01T00:00:00Z' });
  const err = await issueCredential({}, { key }).catch((e) => e);
  console.log(JSON.stringify({ verified: report.verified, cryptosuite: signed.proof.cryptosuite, errorClass: err instanceof CredstackError, code: err.code }));
})().catch((e) => { console.error(e); process.exit(1); });
`;

describe('npm pack', () => {
  it('ships dist (ESM, CJS, types), schemas, README and no sources or tests', () => {
    for (const f of ['dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/cli.js', 'package.json', 'README.md']) expect(files, f).toContain(f);
    expect(files.some((f) => f.startsWith('schemas/'))).toBe(true);
    expect(files.some((f) => f.startsWith('src/') || f.startsWith('test/'))).toBe(false);
  });

  it('works from an ESM project', () => {
    writeFileSync(join(dir, 'proj', 'esm.mjs'), script(`import { generateKeyPair, issueCredential, verifyCredential, CredstackError } from 'credstack';`));
    const out = JSON.parse(execFileSync('node', ['esm.mjs'], { cwd: join(dir, 'proj'), encoding: 'utf8' }));
    expect(out).toEqual({ verified: true, cryptosuite: 'eddsa-rdfc-2022', errorClass: true, code: 'ERR_CONTEXT_FIRST' });
  });

  it('a fresh clone packs dist/: npm pack runs the build first (prepack)', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.scripts.prepack).toBe('npm run build');
    // the build regenerates the precompiled JSON Schemas (committed too, so tests need no build), then bundles
    expect(pkg.scripts.build).toBe('tsx scripts/build-schemas.ts && tsup');
    expect(pkg.scripts.schemas).toBe('tsx scripts/build-schemas.ts');
  });

  it('the CJS build loads no ES module: require works without require(esm)', () => {
    writeFileSync(join(dir, 'proj', 'nocjs.cjs'), script(`const { generateKeyPair, issueCredential, verifyCredential, CredstackError } = require('credstack');`));
    const out = JSON.parse(execFileSync('node', ['--no-experimental-require-module', 'nocjs.cjs'], { cwd: join(dir, 'proj'), encoding: 'utf8' }));
    expect(out).toEqual({ verified: true, cryptosuite: 'eddsa-rdfc-2022', errorClass: true, code: 'ERR_CONTEXT_FIRST' });
  });

  it('works under Jest (a CommonJS Jest project requiring the packed package)', () => {
    const proj = join(dir, 'proj');
    writeFileSync(join(proj, 'jest.config.cjs'), `module.exports = { testEnvironment: 'node', testTimeout: 120000, rootDir: __dirname, testMatch: ['<rootDir>/badge.test.cjs'], transform: {}, watchman: false, cacheDirectory: __dirname + '/.jest-cache' };\n`);
    writeFileSync(join(proj, 'badge.test.cjs'), `
const { generateKeyPair, issueCredential, verifyCredential, CredstackError } = require('credstack');
test('Nguyễn Thị Lan gets a verifiable badge', async () => {
  const key = await generateKeyPair({ seed: new Uint8Array(32).fill(9) });
  const signed = await issueCredential({
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: key.controller, type: ['Profile'], name: 'Đại học Bách khoa Hà Nội' },
    name: 'Khoa học dữ liệu',
    credentialSubject: { type: ['AchievementSubject'], id: 'did:example:lan', achievement: { id: 'urn:uuid:9b7c2f3e-1111-4222-8333-944455556667', type: ['Achievement'], name: 'Khoa học dữ liệu', description: 'Dữ liệu.', criteria: { narrative: 'Thi.' } } },
  }, { key, now: '2026-09-01T00:00:00Z' });
  const report = await verifyCredential(signed, { now: '2026-10-01T00:00:00Z' });
  expect(report.verified).toBe(true);
  expect(await issueCredential({}, { key }).catch((e) => e instanceof CredstackError && e.code)).toBe('ERR_CONTEXT_FIRST');
});
`);
    const r = spawnSync('node', [join(root, 'node_modules', 'jest', 'bin', 'jest.js'), '--config', 'jest.config.cjs', '--ci', '--colors=false'], { cwd: proj, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
    expect(r.stderr).toMatch(/Tests:\s+1 passed, 1 total/);
    expect(r.status).toBe(0);
  });

  it('works under tsx with a .cts file', () => {
    const proj = join(dir, 'proj');
    writeFileSync(join(proj, 'use-tsx.cts'), script(`import { generateKeyPair, issueCredential, verifyCredential, CredstackError } from 'credstack';`));
    const out = JSON.parse(execFileSync('node', [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'use-tsx.cts'], { cwd: proj, encoding: 'utf8' }));
    expect(out).toEqual({ verified: true, cryptosuite: 'eddsa-rdfc-2022', errorClass: true, code: 'ERR_CONTEXT_FIRST' });
  });

  it('works from a CJS project (require)', () => {
    writeFileSync(join(dir, 'proj', 'cjs.cjs'), script(`const { generateKeyPair, issueCredential, verifyCredential, CredstackError } = require('credstack');`));
    const out = JSON.parse(execFileSync('node', ['cjs.cjs'], { cwd: join(dir, 'proj'), encoding: 'utf8' }));
    expect(out).toEqual({ verified: true, cryptosuite: 'eddsa-rdfc-2022', errorClass: true, code: 'ERR_CONTEXT_FIRST' });
  });

  it('type declarations resolve for TypeScript consumers (ESM and CJS)', () => {
    const proj = join(dir, 'proj');
    writeFileSync(join(proj, 'use.mts'), `import { issueCredential, type VerificationReport } from 'credstack';\nconst r: VerificationReport | undefined = undefined;\nexport const f: typeof issueCredential = issueCredential;\nexport { r };\n`);
    writeFileSync(join(proj, 'use.cts'), `import credstack = require('credstack');\nexport const g: typeof credstack.verifyCredential = credstack.verifyCredential;\n`);
    writeFileSync(join(proj, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: [] }, files: ['use.mts', 'use.cts'] }));
    execFileSync('node', [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', proj], { cwd: proj, encoding: 'utf8' });
  });
});

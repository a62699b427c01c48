// The published package works from an ESM and from a CJS project on Node 20: npm pack → install into a temp project
// (dependencies linked from ours, no network) → import / require → issue → verify.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
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
}, 120_000);

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

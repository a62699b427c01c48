// @ts-nocheck
// Every ```ts block of the README is a test: extracted, type-checked (with `credstack` mapped to the sources) and run
// as written, offline. A snippet that needs a variable it does not define, or an import it lacks, fails here.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readme, root, runSnippet, snippets } from './snippets.js';

const all = snippets();
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'credstack-readme-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What each snippet must print (console.log arguments), by its title. */
const EXPECTED: Record<string, (calls: unknown[][]) => void> = {
  'Ten lines: mint a badge and verify it offline': (c) => expect(c[0]).toEqual([true, expect.arrayContaining(['proof:passed', 'issuer:passed'])]),
  'Describe a micro-credential': (c) => expect(c[0]).toEqual([true, 16]),
  'Verify a badge from another university': (c) => expect(c[0]).toEqual([true]),
  'Revoke': (c) => expect(c[0]).toEqual([true, 'https://uni.example/status/1']),
  'Stack': (c) => expect(c[0]).toEqual([true, []]),
  'Portfolios': (c) => expect(c[0]).toEqual([true, 2, 2]),
  'VC-JWT and badge images': (c) => expect(c[0]).toEqual(['ob3', true]),
  'Networks of universities: signed registries and recognition, offline': (c) => expect(c[0]).toEqual([['VerifiableCredential', 'NetworkRegistryCredential'], 1]),
  'Europass: the same award as a European Digital Credential': (c) => expect(c[0]).toEqual([true, 0, true]),
  'Keys where institutions keep them: external signers, P-256, rotation': (c) => expect(c[0]).toEqual([true, 'ecdsa-rdfc-2019']),
};

describe('README', () => {
  it('shows both first-screen commands and an install line that works before publishing', () => {
    const firstScreen = readme.split('\n').slice(0, 20).join('\n');
    expect(firstScreen).toContain('npm ci && npm run demo');
    expect(firstScreen).toContain('npm ci && npm test');
    expect(readme).toMatch(/npm pack\b[\s\S]{0,200}npm i(nstall)? [^\n]*credstack-\d+\.\d+\.\d+\.tgz/);
  });

  it('the ten-line example is at most 16 lines; every snippet has a known expected output', () => {
    const ten = all.find((s) => s.title.startsWith('Ten lines'))!;
    expect(ten.code.trim().split('\n').length).toBeLessThanOrEqual(16);
    expect(all.map((s) => s.title).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it('every snippet type-checks with its own imports', () => {
    const files = all.map((s, i) => {
      const f = join(dir, `check-${i}.ts`);
      writeFileSync(f, `${s.code}\nexport {};\n`);
      return f;
    });
    writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
      extends: join(root, 'tsconfig.json'),
      compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler', noEmit: true, typeRoots: [join(root, 'node_modules', '@types')], paths: { credstack: [join(root, 'src', 'index.ts')] } },
      include: [], files,
    }));
    let out = '';
    try {
      execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      out = `${(err as { stdout?: string }).stdout ?? ''}`;
    }
    // only the snippets' own errors count (the sources are type-checked by npm run typecheck)
    expect(out.split('\n').filter((l) => l.includes('check-')).join('\n')).toBe('');
  }, 240_000);

  for (const [i, s] of all.entries()) {
    it(`runs as written, offline: ${s.title}`, async () => {
      const { logs, fetched } = await runSnippet(s.code, dir, `run-${i}.ts`);
      EXPECTED[s.title]!(logs);
      expect(fetched).toBe(false);
    });
  }
});

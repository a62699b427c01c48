// @ts-nocheck
// Issue 17 §2 "secrets printed": no CLI output of any error path that loads a key (or meets a key file) may contain
// any part of secretKeyMultibase — not the parser's error snippet, not a --json report, not --debug output.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, cleanup, ROOT, run } from './helpers.js';

let cli: string;
let buildDir: string;
let dir: string;
let secret: string;
let good: string;

beforeAll(async () => {
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  ({ cli, dir: buildDir } = await buildCli());
  dir = mkdtempSync(join(tmpdir(), 'credstack-secrets-'));
  good = join(dir, 'good.key.json');
  const r = await run(cli, ['keygen', '--out', good]);
  expect(r.code).toBe(0);
  secret = JSON.parse(readFileSync(good, 'utf8')).secretKeyMultibase;
  expect(secret).toMatch(/^z[1-9A-HJ-NP-Za-km-z]{40,}$/);
}, 120_000);

afterAll(() => {
  cleanup(buildDir);
  rmSync(dir, { recursive: true, force: true });
});

/** Every 6-character window of the secret (after the multibase prefix): an error snippet quotes at least that much. */
function leaks(out: string): string[] {
  const found: string[] = [];
  for (let i = 1; i + 6 <= secret.length; i++) if (out.includes(secret.slice(i, i + 6))) found.push(secret.slice(i, i + 6));
  return found;
}

describe('key files never leak their secret', () => {
  it('broken key files, through every command that loads a key, with and without --debug', async () => {
    const text = readFileSync(good, 'utf8');
    const variants: Record<string, string> = {
      'quote-missing-before-secret': text.replace(`"${secret}"`, `${secret}"`),
      'garbage-inside-secret': text.replace(secret, `${secret.slice(0, 20)}"x${secret.slice(20)}`),
      'truncated-inside-secret': text.slice(0, text.indexOf(secret) + 25),
      'newline-in-secret': text.replace(secret, `${secret.slice(0, 15)}\n${secret.slice(15)}`),
      'bad-base58-in-secret': text.replace(secret, `${secret.slice(0, 10)}0OIl${secret.slice(14)}`),
      'secret-of-another-key': text.replace(secret, `z${secret.slice(1, -3)}${secret.slice(-3).split('').reverse().join('')}`),
    };
    const template = join(dir, 'template.json');
    writeFileSync(template, JSON.stringify({ name: 'x' }));
    const state = join(dir, 'state.json');
    expect((await run(cli, ['status', 'create', state, '--id', 'https://uni.example/status/1', '--key', good])).code).toBe(0);
    const jobs: Array<{ name: string; args: string[] }> = [];
    for (const [name, body] of Object.entries(variants)) {
      const bad = join(dir, `${name}.key.json`);
      writeFileSync(bad, body);
      const commands = [
        ['keygen', '--key', bad, '--did-document', '-'],
        ['issue', '--key', bad, '--template', template, '--recipient', 'did:example:learner'],
        ['status', 'create', join(dir, `s-${name}.json`), '--id', 'https://uni.example/status/2', '--key', bad],
        ['status', 'sign', state, '--key', bad, '--out', join(dir, `signed-${name}.json`)],
        ['bundle', '--key', bad, good, '--out', join(dir, `clr-${name}.json`)],
        ['bundle', '--presentation', '--key', bad, good, '--out', join(dir, `vp-${name}.json`)],
      ];
      // every command on the parser-snippet case (also with --debug); the other variants on two commands
      const chosen = name === 'quote-missing-before-secret' ? commands : commands.slice(0, 2);
      for (const args of chosen) jobs.push({ name, args });
      if (name === 'quote-missing-before-secret') for (const args of commands) jobs.push({ name, args: [...args, '--debug'] });
    }
    let next = 0;
    const results: Array<{ name: string; args: string[]; r: Awaited<ReturnType<typeof run>> }> = [];
    await Promise.all(Array.from({ length: 3 }, async () => {
      while (next < jobs.length) {
        const j = jobs[next++]!;
        results.push({ ...j, r: await run(cli, j.args) });
      }
    }));
    for (const { name, args, r } of results) {
      const out = r.stdout + r.stderr;
      expect(leaks(out), `${name}: credstack ${args.join(' ')}\n${out}`).toEqual([]);
      expect(r.code, out).toBe(2);
      expect(out).toMatch(/is not valid JSON|is not a usable key/);
    }
    const runs = results.length;
    expect(runs).toBe(6 + 6 + 5 * 2);
  }, 600_000);

  it('verify DIR --json and stack/bundle over a folder with key files: no secret in any output', async () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    writeFileSync(join(folder, 'issuer.key.json'), readFileSync(good, 'utf8'));
    writeFileSync(join(folder, 'broken.key.json'), readFileSync(good, 'utf8').replace(`"${secret}"`, `${secret}"`));
    writeFileSync(join(folder, 'wrapped.json'), JSON.stringify({ credential: { note: 'x' }, key: JSON.parse(readFileSync(good, 'utf8')) }));
    const rule = join(dir, 'rule.json');
    writeFileSync(rule, JSON.stringify({ id: 'urn:rule:1', name: 'r', kind: 'all', of: [] }));
    for (const args of [['verify', folder, '--json'], ['verify', folder], ['verify', join(folder, 'issuer.key.json'), '--json'], ['stack', '--rule', rule, folder], ['bundle', '--key', good, folder, '--out', join(dir, 'x.json')], ['bake', '--image', good, '--credential', join(folder, 'issuer.key.json'), '--out', join(dir, 'x.png')]]) {
      const r = await run(cli, args);
      const out = r.stdout + r.stderr;
      expect(leaks(out), `credstack ${args.join(' ')}\n${out}`).toEqual([]);
      expect(r.code, out).not.toBe(0);
    }
    const v = await run(cli, ['verify', folder, '--json']);
    const report = JSON.parse(v.stdout);
    const keyEntry = report.find((o: any) => o.source.endsWith('issuer.key.json'));
    expect(keyEntry).toMatchObject({ verified: false, failed: [{ code: 'ERR_SECRET_KEY_FILE' }] });
    expect(keyEntry.report).toBeUndefined();
  }, 300_000);
});

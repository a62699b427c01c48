// @ts-nocheck
// `credstack verifier-page --out DIR` writes the built page (the same bytes as dist/verifier/).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../build.js';
import { cliInProcess } from './in-process.js';

const root = join(import.meta.dirname, '..', '..');
let dir: string;

beforeAll(async () => {
  await ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), 'credstack-verifier-page-'));
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('credstack verifier-page', () => {
  it('writes index.html, verifier.js and verifier.css, byte for byte as built; refuses to overwrite without --force', async () => {
    const out = join(dir, 'site', 'verify');
    const r = await cliInProcess(['verifier-page', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`wrote ${join(out, 'index.html')}`);
    for (const f of ['index.html', 'verifier.js', 'verifier.css']) expect(readFileSync(join(out, f)).equals(readFileSync(join(root, 'dist', 'verifier', f))), f).toBe(true);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<script defer src="verifier.js"></script>');
    writeFileSync(join(out, 'index.html'), 'mine');
    const again = await cliInProcess(['verifier-page', '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('index.html exists');
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('mine');
    expect((await cliInProcess(['verifier-page', '--out', out, '--force'])).code).toBe(0);
    expect(readFileSync(join(out, 'index.html')).equals(readFileSync(join(root, 'dist', 'verifier', 'index.html')))).toBe(true);
  });

  it('--out is required (usage error, exit 2)', async () => {
    const r = await cliInProcess(['verifier-page']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out DIR is required');
  });
});

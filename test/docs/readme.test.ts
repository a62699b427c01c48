// The README's "ten lines" example runs as written (against the sources) and verifies offline.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('README', () => {
  it('shows both first-screen commands', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const firstScreen = readme.split('\n').slice(0, 20).join('\n');
    expect(firstScreen).toContain('npm ci && npm run demo');
    expect(firstScreen).toContain('npm ci && npm test');
  });

  it('the ten-line example mints a badge and verifies it offline', async () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Ten lines'));
    const code = section.slice(section.indexOf('```ts') + 5, section.indexOf('```', section.indexOf('```ts') + 5));
    const lines = code.trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(16);
    // inside the project so the example's imports resolve; a fresh folder per run, removed afterwards
    mkdirSync(join(root, '.tmp'), { recursive: true });
    const dir = mkdtempSync(join(root, '.tmp', 'readme-'));
    made.push(dir);
    const file = join(dir, 'ten-lines.ts');
    writeFileSync(file, code.replace("from 'credstack'", `from '${join(root, 'src', 'index.js')}'`) + '\nexport { report, badge };\n');
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const spyFetch = vi.spyOn(globalThis, 'fetch');
    const mod = await import(file);
    expect(mod.report.verified).toBe(true);
    expect(mod.badge.proof.cryptosuite).toBe('eddsa-rdfc-2022');
    expect(log).toHaveBeenCalledWith(true, expect.arrayContaining(['proof:passed', 'issuer:passed']));
    expect(spyFetch).not.toHaveBeenCalled();
    log.mockRestore();
  });
});

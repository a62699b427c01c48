// The README's Europass example runs as written (against the sources), offline.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

it('the README Europass example: one definition → Open Badge and EDC, both verify, and the EDC reads back with no problems', async () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Europass'));
  const start = section.indexOf('```ts') + 5;
  const code = section.slice(start, section.indexOf('```', start));
  expect(code).toContain("from 'credstack'");
  const dir = mkdtempSync(join(tmpdir(), 'credstack-readme-europass-'));
  try {
    const file = join(dir, 'europass.ts');
    writeFileSync(file, code.replace("from 'credstack'", `from '${join(root, 'src', 'index.js')}'`) + '\nexport { europass, back, notes };\n');
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    const spyFetch = vi.spyOn(globalThis, 'fetch');
    const mod = await import(file);
    expect(log).toHaveBeenCalledWith(true, 0, true);
    expect(mod.europass.type).toEqual(['VerifiableCredential', 'EuropeanDigitalCredential']);
    expect(mod.back.elements.levels).toEqual([{ framework: 'EQF', level: '6', levelUrl: 'http://data.europa.eu/snb/eqf/6' }]);
    expect(spyFetch).not.toHaveBeenCalled();
    log.mockRestore();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

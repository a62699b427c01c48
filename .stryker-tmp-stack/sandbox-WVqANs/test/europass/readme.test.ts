// @ts-nocheck
// The README's Europass example runs as written (against the sources), offline.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { runSnippet, snippetUnder } from '../docs/snippets.js';

it('the README Europass example: one definition → Open Badge and EDC, both verify, and the EDC reads back with no problems', async () => {
  const code = snippetUnder('Europass');
  expect(code).toContain("from 'credstack'");
  const dir = mkdtempSync(join(tmpdir(), 'credstack-readme-europass-'));
  try {
    const { mod, logs, fetched } = await runSnippet(code, dir, 'europass.ts', ['europass', 'back', 'notes']);
    expect(logs).toContainEqual([true, 0, true]);
    expect(mod.europass.type).toEqual(['VerifiableCredential', 'EuropeanDigitalCredential']);
    expect(mod.back.elements.levels).toEqual([{ framework: 'EQF', level: '6', levelUrl: 'http://data.europa.eu/snb/eqf/6' }]);
    expect(fetched).toBe(false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

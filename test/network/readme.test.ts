// The README's network example runs as written (against the sources), offline, and recognises a member's badge.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { awardAchievement, defineAchievement, defineProfile, issueCredential } from '../../src/index.js';

const root = join(import.meta.dirname, '..', '..');

it('the README network example: a signed registry, and a Dhaka badge recognised by VNU for 5 ECTS', async () => {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Networks of universities'));
  const start = section.indexOf('```ts') + 5;
  const code = section.slice(start, section.indexOf('```', start));
  const dir = mkdtempSync(join(tmpdir(), 'credstack-readme-network-'));
  try {
    const file = join(dir, 'network.ts');
    writeFileSync(file, code.replace("from 'credstack'", `from '${join(root, 'src', 'index.js')}'`) + '\nexport { dhaka, registry };\n');
    const spyFetch = vi.spyOn(globalThis, 'fetch');
    const mod = await import(file);
    const issuer = defineProfile({ id: mod.dhaka.controller, name: 'University of Dhaka', country: 'BD' });
    const achievement = defineAchievement({ id: 'https://du.example/mc/1', name: 'Data', description: 'Data', criteria: 'Pass.', creator: issuer });
    const badge = await issueCredential(awardAchievement({ issuer, achievement, recipient: { id: 'did:example:learner' } }), { key: mod.dhaka });
    const { report, recognitions } = await mod.check(badge);
    expect(report.verified).toBe(true);
    expect(recognitions.map((r: { message: string }) => r.message)).toEqual(['recognised by Vietnam National University for 5 ECTS towards MSc Data Science']);
    expect(spyFetch).not.toHaveBeenCalled();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

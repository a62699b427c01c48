// @ts-nocheck
// The README's network example runs as written (against the sources), offline, and recognises a member's badge.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it, vi } from 'vitest';
import { awardAchievement, defineAchievement, defineProfile, issueCredential } from '../../src/index.js';
import { runSnippet, snippetUnder } from '../docs/snippets.js';

it('the README network example: a signed registry, and a Dhaka badge recognised by VNU for 5 ECTS', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'credstack-readme-network-'));
  try {
    const { mod, fetched } = await runSnippet(snippetUnder('Networks of universities'), dir, 'network.ts', ['dhaka', 'registry']);
    expect(fetched).toBe(false);
    const spyFetch = vi.spyOn(globalThis, 'fetch');
    const issuer = defineProfile({ id: mod.dhaka.controller, name: 'University of Dhaka', country: 'BD' });
    const achievement = defineAchievement({ id: 'https://du.example/mc/1', name: 'Data', description: 'Data', criteria: 'Pass.', creator: issuer });
    const badge = await issueCredential(awardAchievement({ issuer, achievement, recipient: { id: 'did:example:learner' } }), { key: mod.dhaka });
    const { report, recognitions } = await mod.check(badge);
    expect(report.verified).toBe(true);
    expect(recognitions.map((r: { message: string }) => r.message)).toEqual(['recognised by Vietnam National University for 5 ECTS towards MSc Data Science']);
    expect(spyFetch).not.toHaveBeenCalled();
    spyFetch.mockRestore();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

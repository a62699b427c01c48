// @ts-nocheck
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess } from '../cli/in-process.js';
import { exportKeyPair } from '../../src/index.js';
import { buildNetwork, NETWORK_NOW } from '../../examples/network.js';

let dir: string;
let net: Awaited<ReturnType<typeof buildNetwork>>;
const f = (name: string) => join(dir, name);

const cli = cliInProcess;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'credstack-network-cli-'));
  net = await buildNetwork();
  writeFileSync(f('coord.key.json'), JSON.stringify(exportKeyPair(net.coordinator, { includeSecret: true })));
  writeFileSync(f('badge.json'), JSON.stringify(net.badge));
  writeFileSync(f('members.json'), JSON.stringify([
    { id: net.dhaka.controller, legalName: { en: 'University of Dhaka (example)', bn: 'ঢাকা বিশ্ববিদ্যালয়' }, country: 'BD', accreditedBy: 'BAC', memberFrom: '2025-01-01T00:00:00Z', membershipStatus: 'active' },
    { id: net.vnu.controller, legalName: { en: 'Vietnam National University (example)', vi: 'Đại học Quốc gia' }, country: 'VN', memberFrom: '2025-01-01T00:00:00Z', membershipStatus: 'active' },
  ]));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('credstack network', () => {
  it('create → show → verify → a badge verified against it → suspend → the badge fails', async () => {
    const now = '2026-01-01T00:00:00Z';
    expect((await cli(['network', 'create', '--key', f('coord.key.json'), '--id', 'https://unet.example', '--name', 'U-Net', '--members', f('members.json'), '--now', now, '--out', f('reg.json')])).code).toBe(0);
    const show = await cli(['network', 'show', f('reg.json')]);
    expect(show.stdout).toContain('member    University of Dhaka (example) (BD)');
    const ok = await cli(['network', 'verify', f('reg.json'), '--coordinator', net.coordinator.controller, '--now', NETWORK_NOW.toISOString()]);
    expect(ok.stdout).toMatch(/^ok {3}U-Net registry v1, 2 members/);
    const wrong = await cli(['network', 'verify', f('reg.json'), '--coordinator', net.vnu.controller, '--now', NETWORK_NOW.toISOString()]);
    expect(wrong.code).toBe(1);
    expect(wrong.stdout).toContain('ERR_REGISTRY_WRONG_SIGNER');

    const v = await cli(['verify', f('badge.json'), '--registry', f('reg.json'), '--coordinator', net.coordinator.controller, '--now', NETWORK_NOW.toISOString(), '--json']);
    expect(v.code).toBe(0);
    const report = JSON.parse(v.stdout)[0].report;
    expect(report.checks.find((c: any) => c.target === 'network').message).toContain('is a member of U-Net since 2025-01-01, accredited by BAC');

    expect((await cli(['network', 'update', f('reg.json'), '--key', f('coord.key.json'), '--suspend', net.dhaka.controller, '--reason', 'under review', '--now', '2026-01-15T00:00:00Z', '--out', f('reg2.json')])).code).toBe(0);
    const v2 = await cli(['verify', f('badge.json'), '--registry', f('reg2.json'), '--coordinator', net.coordinator.controller, '--now', NETWORK_NOW.toISOString(), '--json']);
    expect(v2.code).toBe(1);
    expect(JSON.parse(v2.stdout)[0].report.checks.find((c: any) => c.target === 'network').code).toBe('ERR_REGISTRY_MEMBER_SUSPENDED');

    expect((await cli(['network', 'export-dcc', f('reg2.json'), '--out', f('dcc.json')])).code).toBe(0);
    expect(Object.keys(JSON.parse(readFileSync(f('dcc.json'), 'utf8')).registry)).toEqual([net.vnu.controller]);
  });

  it('usage errors name the flag', async () => {
    expect((await cli(['verify', f('badge.json'), '--registry', f('reg.json')])).stderr).toContain('--coordinator');
    expect((await cli(['network', 'frobnicate'])).code).toBe(2);
    const noReason = await cli(['network', 'update', f('reg.json'), '--key', f('coord.key.json'), '--suspend', 'did:example:x']);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain('--reason');
  });
});

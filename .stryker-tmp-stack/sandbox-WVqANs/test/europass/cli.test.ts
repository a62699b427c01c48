// @ts-nocheck
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliInProcess } from '../cli/in-process.js';
import { exportKeyPair, verifyCredential } from '../../src/index.js';
import { NOW, signExample } from '../../examples/microcredentials/network.js';

let dir: string;
let badge: string;
let keyFile: string;

const cli = cliInProcess;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'credstack-europass-cli-'));
  const { signed, key } = await signExample('data');
  badge = join(dir, 'nguyễn.data.json');
  writeFileSync(badge, JSON.stringify(signed));
  keyFile = join(dir, 'issuer.key.json');
  writeFileSync(keyFile, JSON.stringify(exportKeyPair(key, { includeSecret: true })));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('credstack export --elm / import --elm', () => {
  it('exports a signed EDC that credstack verifies, then imports it back with no problems', async () => {
    const edcFile = join(dir, 'data.edc.json');
    const ex = await cli(['export', '--elm', badge, '--key', keyFile, '--now', NOW.toISOString(), '--out', edcFile]);
    expect(ex.stderr).toContain(`wrote ${edcFile} (signed, Data Integrity`);
    expect(ex.code).toBe(0);
    const edc = JSON.parse(readFileSync(edcFile, 'utf8'));
    expect(edc.type).toEqual(['VerifiableCredential', 'EuropeanDigitalCredential']);
    expect((await verifyCredential(edc, { now: '2025-08-01T00:00:00Z' })).verified).toBe(true);

    const obFile = join(dir, 'back.badge.json');
    const im = await cli(['import', '--elm', edcFile, '--out', obFile]);
    expect(im.code).toBe(0);
    expect(im.stdout).toContain('level: EQF 6  workload: 5 ECTS');
    expect(JSON.parse(readFileSync(obFile, 'utf8')).type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
  });

  it('import prints each problem and exits 1; no --elm is a usage error naming the flag', async () => {
    const edc = JSON.parse((await cli(['export', '--elm', badge, '--now', NOW.toISOString()])).stdout);
    delete edc.credentialSubject.hasClaim.awardedBy.awardingBody;
    const f = join(dir, 'broken.edc.json');
    writeFileSync(f, JSON.stringify(edc));
    const im = await cli(['import', '--elm', f, '--out', join(dir, 'never.json')]);
    expect(im.code).toBe(1);
    expect(im.stdout).toContain('PROBLEM ERR_ELM_AWARDING_BODY_MISSING $.credentialSubject.hasClaim.awardedBy.awardingBody');
    expect(() => readFileSync(join(dir, 'never.json'))).toThrow();
    const usage = await cli(['import', f]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--elm');
  });

  it('a key file with a JSON error never echoes its secret', async () => {
    const secret = JSON.parse(readFileSync(keyFile, 'utf8')).secretKeyMultibase as string;
    const broken = join(dir, 'broken.key.json');
    writeFileSync(broken, readFileSync(keyFile, 'utf8').replace(`"${secret}"`, `"${secret}`));
    const r = await cli(['export', '--elm', badge, '--key', broken]);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).not.toContain(secret.slice(4, 20));
  });
});

// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { checkMicrocredential, validateCredential, verifyCredential } from '../../src/index.js';
import { NOW, signExample } from '../../examples/microcredentials/network.js';

describe('network micro-credential examples: sign → verify → schema → EU elements', () => {
  it.each(['ai', 'data', 'staff'] as const)('%s: signs, verifies offline, passes our schemas, all 11 EU elements present', async (which) => {
    const { signed, key } = await signExample(which);
    expect(signed.issuer.id).toBe(key.controller);
    expect(signed.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod' });
    const report = await verifyCredential(signed, { now: NOW });
    expect(report.verified, JSON.stringify(report.checks)).toBe(true);
    expect(report.checks.find((c) => c.id === 'schema')?.status).toBe('passed');
    expect(validateCredential(signed)).toEqual({ valid: true, errors: [] });
    const eu = checkMicrocredential(signed);
    expect(eu.complete).toBe(true);
    expect(eu.elements.filter((e) => e.mandatory && e.status === 'present')).toHaveLength(11);
  });

  it('the staff course is 40 hours without EQF and gets ECTS advice, not a failure', async () => {
    const { signed } = await signExample('staff');
    const eu = checkMicrocredential(signed);
    expect(eu.elements.find((e) => e.element === 'workload')?.message).toBe('40 hours');
    expect(eu.elements.find((e) => e.element === 'level')?.message).toBe('declared not applicable');
    expect(eu.advice).toHaveLength(1);
  });

  it('tampering with an EU element breaks the signature', async () => {
    const { signed } = await signExample('ai');
    const forged = structuredClone(signed) as any;
    forged.credentialSubject.achievement.alignment.find((a: any) => a.targetType === 'ext:NotionalWorkload').targetCode = '30';
    const report = await verifyCredential(forged, { now: NOW });
    expect(report.verified).toBe(false);
    expect(report.checks.find((c) => c.id === 'proof')?.status).toBe('failed');
  });
});

describe('examples/microcredentials/issue-and-verify.ts', () => {
  it('runs and reports all three credentials verified and complete', async () => {
    const { execFileSync } = await import('node:child_process');
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'examples/microcredentials/issue-and-verify.ts'], { encoding: 'utf8' });
    expect(out.match(/verified=true schema=true EU elements complete=true/g)).toHaveLength(3);
    expect(out).not.toContain('[missing]');
  });
});

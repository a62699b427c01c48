// @ts-nocheck
// The verifier's schema check loads the precompiled validators on first use (a dynamic import: a separate chunk of the
// browser build). Fail closed: when they cannot load, the check is "could not check" (skipped, SKIP_SCHEMA_UNAVAILABLE),
// never passed — and under strictSchema the credential does not verify (ERR_SCHEMA_UNCHECKED).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { issueCredential } from '../../src/index.js';
import { ISSUED, NOW, sampleCredential, seededKey } from '../helpers.js';

const schemaCheck = (r: { checks: Array<{ id: string; status: string; code?: string }> }) => r.checks.find((c) => c.id === 'schema');

async function signed() {
  const key = await seededKey(7);
  return issueCredential(sampleCredential(key.controller), { key, now: ISSUED });
}

afterEach(() => {
  vi.doUnmock('../../src/schema/precompiled/ob.js');
  vi.resetModules();
});

describe('lazy schema validators', () => {
  it('a credential verifies with the validators loaded on first use (credstack/verify entry)', async () => {
    const cred = await signed();
    vi.resetModules();
    const { verifyCredential } = await import('../../src/verify-entry.js');
    const report = await verifyCredential(cred, { now: NOW, strictSchema: true });
    expect(schemaCheck(report)).toMatchObject({ status: 'passed' });
    expect(report.verified).toBe(true);
  });

  it('validators that cannot load: the schema check is skipped with SKIP_SCHEMA_UNAVAILABLE, never passed', async () => {
    const cred = await signed();
    vi.resetModules();
    vi.doMock('../../src/schema/precompiled/ob.js', () => {
      throw new Error('Failed to fetch dynamically imported module: ob-3XQ.js');
    });
    const { verifyCredential } = await import('../../src/verify-entry.js');
    const report = await verifyCredential(cred, { now: NOW });
    const check = schemaCheck(report)!;
    expect(check.status).toBe('skipped');
    expect(check.code).toBe('SKIP_SCHEMA_UNAVAILABLE');
    expect((check as unknown as { message: string }).message).toMatch(/validators could not be loaded/);
    // the other checks ran and passed: without strictSchema a schema that could not be checked does not fail the credential
    expect(report.checks.filter((c) => c.status === 'failed')).toEqual([]);
    expect(report.verified).toBe(true);
  });

  it('under strictSchema, validators that cannot load fail verification with ERR_SCHEMA_UNCHECKED', async () => {
    const cred = await signed();
    vi.resetModules();
    vi.doMock('../../src/schema/precompiled/ob.js', () => {
      throw new Error('chunk missing');
    });
    const { verifyCredential } = await import('../../src/verify-entry.js');
    const report = await verifyCredential(cred, { now: NOW, strictSchema: true });
    expect(schemaCheck(report)).toMatchObject({ status: 'failed', code: 'ERR_SCHEMA_UNCHECKED' });
    expect(report.checks.filter((c) => c.status === 'failed').map((c) => c.code)).toEqual(['ERR_SCHEMA_UNCHECKED']);
    expect(report.verified).toBe(false);
  });
});

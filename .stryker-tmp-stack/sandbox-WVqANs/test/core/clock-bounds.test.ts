// @ts-nocheck
// Clock bounds at their exact edges, through the public verifyCredential with a pinned `now`:
// 1. A proof `created` in the future is allowed for exactly 5 minutes (credstack's rule in src/verify/checks/proof.ts:
//    "proof created in the future" fails ERR_PROOF_CREATED_FUTURE beyond `now + 5 min`; the allowance absorbs small
//    clock differences between issuer and verifier). VC Data Integrity 1.0 §2.1: `created` is "the date and time the
//    proof was created" — a proof from much later than now cannot have been created yet.
// 2. validFrom with `maxClockSkew` (VerifyOptions: "Seconds of clock skew tolerated for validFrom/validUntil"): the
//    skew widens the window, so a credential becomes acceptable `maxClockSkew` seconds *before* validFrom — never
//    later. VC 2.0 §4.9: validFrom is "the date and time the credential becomes valid".
import { beforeAll, describe, expect, it } from 'vitest';
import { issueCredential, verifyCredential, type KeyPair } from '../../src/index.js';
import { sampleCredential, seededKey } from '../helpers.js';

const SIGNED_AT = '2026-09-01T12:00:00Z'; // proof.created of the credential below
const at = (iso: string, seconds: number) => new Date(Date.parse(iso) + seconds * 1000).toISOString();
const check = (r: { checks: Array<{ id: string; status: string; code?: string }> }, id: string) => r.checks.find((c) => c.id === id);
let key: KeyPair;
let signed: Record<string, any>;
let future: Record<string, any>; // validFrom well after the proof's created

beforeAll(async () => {
  key = await seededKey(9);
  signed = await issueCredential({ ...sampleCredential(key.controller), validFrom: '2026-09-01T00:00:00Z' }, { key, now: SIGNED_AT });
  future = await issueCredential({ ...sampleCredential(key.controller), validFrom: '2026-10-01T00:00:00Z' }, { key, now: SIGNED_AT });
});

describe('proof.created in the future: exactly 5 minutes allowed', () => {
  it('the fixture is what the test is about: created = SIGNED_AT', () => {
    expect(signed.proof.created).toBe(SIGNED_AT);
  });

  it.each([
    ['exactly 5 min after now', -300, 'passed', undefined],
    ['4 min 59 s after now', -299, 'passed', undefined],
    ['created = now', 0, 'passed', undefined],
    ['5 min 1 ms after now', -300.001, 'failed', 'ERR_PROOF_CREATED_FUTURE'],
    ['5 min 1 s after now', -301, 'failed', 'ERR_PROOF_CREATED_FUTURE'],
    ['6 min after now', -360, 'failed', 'ERR_PROOF_CREATED_FUTURE'],
    ['a day after now', -86_400, 'failed', 'ERR_PROOF_CREATED_FUTURE'],
  ])('created %s (now = created %d s) → proof %s', async (_label, offset, status, code) => {
    const r = await verifyCredential(signed, { now: at(SIGNED_AT, offset as number) });
    expect(check(r, 'proof')).toMatchObject({ status, ...(code ? { code } : {}) });
    expect(r.verified).toBe(status === 'passed');
  });

  it('maxClockSkew (a validity option) does not widen the proof allowance', async () => {
    const r = await verifyCredential(signed, { now: at(SIGNED_AT, -301), maxClockSkew: 3600 });
    expect(check(r, 'proof')).toMatchObject({ status: 'failed', code: 'ERR_PROOF_CREATED_FUTURE' });
  });
});

describe('validFrom with clock skew: the skew lets a credential in early, never late', () => {
  const VALID_FROM = '2026-10-01T00:00:00Z';

  it.each([
    [0, 0, 'passed'],
    [0, -1, 'failed'],
    [60, -60, 'passed'],
    [60, -59, 'passed'],
    [60, -61, 'failed'],
    [60, 0, 'passed'],
    [60, 3600, 'passed'],
  ])('maxClockSkew %i s, now = validFrom %+i s → validity %s', async (skew, offset, status) => {
    const r = await verifyCredential(future, { now: at(VALID_FROM, offset), maxClockSkew: skew });
    expect(check(r, 'validity')).toMatchObject(status === 'passed' ? { status: 'passed' } : { status: 'failed', code: 'ERR_NOT_YET_VALID' });
    expect(check(r, 'proof')?.status).toBe('passed');
  });

  it('validUntil side mirrors it: the skew lets a credential stay valid a little late', async () => {
    const c = await issueCredential({ ...sampleCredential(key.controller), validFrom: '2026-09-01T00:00:00Z', validUntil: '2026-10-01T00:00:00Z' }, { key, now: SIGNED_AT });
    expect(check(await verifyCredential(c, { now: at('2026-10-01T00:00:00Z', 60), maxClockSkew: 60 }), 'validity')?.status).toBe('passed');
    expect(check(await verifyCredential(c, { now: at('2026-10-01T00:00:00Z', 61), maxClockSkew: 60 }), 'validity')).toMatchObject({ status: 'failed', code: 'ERR_EXPIRED' });
    expect(check(await verifyCredential(c, { now: at('2026-10-01T00:00:00Z', -3600), maxClockSkew: 60 }), 'validity')?.status).toBe('passed');
  });
});

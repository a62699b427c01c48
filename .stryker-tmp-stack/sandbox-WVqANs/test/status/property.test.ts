// @ts-nocheck
// Property (issue 11): for any credential and options, `verified === true` implies every proof check passed and the
// status check passed, or — only when the caller allowed it — was skipped. And a revoked credential whose authentic list
// is at hand never verifies unless the caller turned the status check off.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueCredential, verifyCredential, type KeyPair, type VerificationReport, type VerifyOptions } from '../../src/index.js';
import { allocateStatusIndex, createStatusList, revoke, signStatusList, toStatusListCredential } from '../../src/status/index.js';
import { ISSUED, NOW, sampleCredential, seededKey } from '../helpers.js';

const REV = 'https://uni.example/status/prop';
let key: KeyPair;
let svc: KeyPair;
const creds: Record<string, Record<string, any>> = {};
const lists: Record<string, unknown> = {};

beforeAll(async () => {
  key = await seededKey(61);
  svc = await seededKey(62);
  const a = allocateStatusIndex(createStatusList({ id: REV, issuer: key.controller, purpose: 'revocation' }));
  const b = allocateStatusIndex(a.state);
  const revokedState = revoke(b.state, b.index);
  const issue = (extra: Record<string, unknown>) => issueCredential({ ...sampleCredential(key.controller), ...extra }, { key, now: ISSUED });
  creds.none = await issue({});
  creds.valid = await issue({ credentialStatus: a.entry });
  creds.revoked = await issue({ credentialStatus: b.entry });
  creds.both = await issue({ credentialStatus: [a.entry, b.entry] });
  creds.expired = await issue({ credentialStatus: a.entry, validUntil: '2026-10-01T00:00:00Z' });
  lists.own = await signStatusList(revokedState, { key, now: ISSUED });
  lists.service = await signStatusList({ ...revokedState, id: 'https://status.example/l/1', issuer: svc.controller }, { key: svc, now: ISSUED });
  lists.expiredList = await signStatusList(revokedState, { key, now: ISSUED, validUntil: '2026-10-01T00:00:00Z' });
  const tampered = structuredClone(lists.own) as any;
  tampered.credentialSubject.encodedList = a.state.encodedList; // the revocation bit cleared after signing
  lists.tampered = tampered;
  const keyless = structuredClone(tampered);
  keyless.proof.verificationMethod = 'did:web:nowhere.example#key-1';
  lists.keyless = keyless;
  lists.unsigned = toStatusListCredential(revokedState, { validFrom: ISSUED });
});

/** How the list reaches the verifier. */
type Source = { kind: 'none' } | { kind: 'documents'; list: string } | { kind: 'fetch'; list: string } | { kind: 'fetch-fails' };
const AUTHENTIC = new Set(['own', 'service', 'expiredList']);

function optionsFor(src: Source, o: { status?: VerifyOptions['status']; checkStatus?: boolean; statusIssuer?: 'any' | 'same'; now: string; trusted?: string[] }): VerifyOptions {
  const opts: VerifyOptions = { now: o.now };
  if (o.status !== undefined) opts.status = o.status;
  if (o.checkStatus !== undefined) opts.checkStatus = o.checkStatus;
  if (o.statusIssuer !== undefined) opts.statusIssuer = o.statusIssuer;
  if (o.trusted) opts.trustedIssuers = o.trusted;
  if (src.kind === 'documents') opts.documents = { [REV]: lists[src.list] };
  if (src.kind === 'fetch') opts.fetch = async () => structuredClone(lists[src.list]);
  if (src.kind === 'fetch-fails') opts.fetch = async () => { throw new Error('ECONNREFUSED'); };
  return opts;
}

function mutate(c: Record<string, any>, m: string): Record<string, any> {
  const x = structuredClone(c);
  if (m === 'name') x.name = `${x.name}!`;
  if (m === 'no-proof') delete x.proof;
  if (m === 'index' && x.credentialStatus && !Array.isArray(x.credentialStatus)) x.credentialStatus.statusListIndex = '7';
  if (m === 'drop-status') delete x.credentialStatus;
  return x;
}

describe('verified === true ⇒ every proof passed and status passed (or, only when allowed, was skipped)', () => {
  it('holds for generated credentials, mutations, list sources and options', async () => {
    const source: fc.Arbitrary<Source> = fc.oneof(
      fc.constant({ kind: 'none' } as Source),
      fc.constant({ kind: 'fetch-fails' } as Source),
      fc.constantFrom(...Object.keys({ own: 1, service: 1, expiredList: 1, tampered: 1, keyless: 1, unsigned: 1 })).map((list) => ({ kind: 'documents', list }) as Source),
      fc.constantFrom('own', 'service', 'tampered', 'keyless').map((list) => ({ kind: 'fetch', list }) as Source),
    );
    const options = fc.record({
      status: fc.constantFrom(undefined, 'check', 'allow-unavailable', 'skip') as fc.Arbitrary<VerifyOptions['status']>,
      checkStatus: fc.constantFrom(undefined, true, false),
      statusIssuer: fc.constantFrom(undefined, 'any', 'same') as fc.Arbitrary<'any' | 'same' | undefined>,
      now: fc.constantFrom(NOW, '2026-09-15T00:00:00Z', '2099-01-01T00:00:00Z'),
      trusted: fc.constantFrom(undefined, 'issuer', 'other'),
    });
    let verifiedSeen = 0;
    let failedSeen = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('none', 'valid', 'revoked', 'both', 'expired'),
        fc.constantFrom('as-issued', 'as-issued', 'name', 'no-proof', 'index', 'drop-status'),
        source,
        options,
        async (which, mutation, src, o) => {
          const trusted = o.trusted === 'issuer' ? [key.controller] : o.trusted === 'other' ? ['did:web:other.example'] : undefined;
          const { trusted: _t, ...rest } = o;
          const opts = optionsFor(src, { ...rest, ...(trusted ? { trusted } : {}) });
          const cred = mutate(creds[which]!, mutation);
          const r: VerificationReport = await verifyCredential(cred, opts);
          const policy = o.status ?? (o.checkStatus === false ? 'skip' : 'check');
          const allowed = policy !== 'check';
          if (r.verified) {
            verifiedSeen++;
            const proofs = r.checks.filter((c) => c.id === 'proof');
            expect(proofs.length).toBeGreaterThan(0);
            expect(proofs.every((c) => c.status === 'passed')).toBe(true);
            const status = r.checks.filter((c) => c.id === 'status');
            expect(status.every((c) => c.status === 'passed' || c.status === 'warning' || (allowed && c.status === 'skipped'))).toBe(true);
            if (cred.credentialStatus !== undefined) {
              // there is a result, not only notes
              expect(status.some((c) => c.status === 'passed' || (allowed && c.status === 'skipped'))).toBe(true);
            }
          } else failedSeen++;
          // the oracle: revoked + an authentic list at hand ⇒ never verified, unless status checking is off
          const revokedEntry = (which === 'revoked' || which === 'both') && (mutation === 'as-issued' || mutation === 'name');
          const authentic = (src.kind === 'documents' || src.kind === 'fetch') && AUTHENTIC.has(src.list);
          if (revokedEntry && authentic && policy !== 'skip') {
            expect(r.verified).toBe(false);
            expect(r.checks.map((c) => c.code)).toContain('ERR_STATUS_REVOKED');
          }
        },
      ),
      { numRuns: 120, seed: 11 },
    );
    // the generator reaches both verdicts (otherwise the property says nothing)
    expect(verifiedSeen).toBeGreaterThan(5);
    expect(failedSeen).toBeGreaterThan(5);
  }, 240_000);
});

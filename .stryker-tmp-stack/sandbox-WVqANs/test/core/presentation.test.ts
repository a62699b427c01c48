// @ts-nocheck
// Issue 11 item 7: verifyPresentation with the semantics the W3C VC-API test suites expect for /presentations/verify:
// presentations with no credentials and unsigned presentations are accepted; signed ones are bound to the holder.
import * as vc from '@digitalbazaar/vc';
import jsigs from 'jsonld-signatures';
import { describe, expect, it } from 'vitest';
import { bundlePresentation, createDocumentLoader, issueCredential, verifyPresentation } from '../../src/index.js';
import { createEddsaSigningSuite } from '../../src/proofs/suites.js';
import { ISSUED, NOW, sampleCredential, seededKey } from '../helpers.js';

const V2 = 'https://www.w3.org/ns/credentials/v2';
const codes = (r: { checks: Array<{ id: string; status: string; code?: string }> }) => r.checks.filter((c) => c.code).map((c) => `${c.id}:${c.status}:${c.code}`);

async function signVp(vp: Record<string, unknown>, key: Awaited<ReturnType<typeof seededKey>>, challenge = 'c-1', domain?: string) {
  return vc.signPresentation({
    presentation: vp,
    suite: createEddsaSigningSuite(key, NOW),
    purpose: new jsigs.purposes.AuthenticationProofPurpose({ challenge, ...(domain ? { domain } : {}) }),
    documentLoader: createDocumentLoader(),
  });
}

describe('verifyPresentation', () => {
  it('an unsigned presentation with no credentials verifies, saying it is unsigned and empty', async () => {
    const r = await verifyPresentation({ '@context': [V2], type: ['VerifiablePresentation'] }, { now: NOW });
    expect(r.verified).toBe(true);
    expect(r.credentials).toEqual([]);
    expect(codes(r.presentation)).toEqual(['proof:warning:W_PRESENTATION_UNSIGNED', 'presentation:passed:PRESENTATION_EMPTY']);
  });

  it('an unsigned presentation is refused when a challenge is expected or a proof required', async () => {
    const vp = { '@context': [V2], type: ['VerifiablePresentation'] };
    for (const opts of [{ challenge: 'c-1' }, { domain: 'jobs.example' }, { requireProof: true }]) {
      const r = await verifyPresentation(vp, { now: NOW, ...opts });
      expect(r.verified).toBe(false);
      expect(codes(r.presentation)).toContain('proof:failed:ERR_PROOF_MISSING');
    }
  });

  it('an unsigned presentation of a valid credential verifies; a tampered credential fails it', async () => {
    const issuer = await seededKey(71);
    const cred = await issueCredential(sampleCredential(issuer.controller), { key: issuer, now: ISSUED });
    const ok = await verifyPresentation({ '@context': [V2], type: ['VerifiablePresentation'], holder: 'did:example:learner-42', verifiableCredential: [cred] }, { now: NOW });
    expect(ok.verified).toBe(true);
    expect(ok.credentials.map((c) => c.verified)).toEqual([true]);
    expect(codes(ok.presentation)).toContain('holder:skipped:SKIP_PRESENTATION_UNSIGNED');
    const bad = structuredClone(cred);
    bad.name = 'Something else';
    const r = await verifyPresentation({ '@context': [V2], type: ['VerifiablePresentation'], verifiableCredential: bad }, { now: NOW });
    expect(r.verified).toBe(false);
    expect(r.presentation.verified).toBe(true);
    expect(r.credentials[0]!.checks.find((c) => c.id === 'proof')).toMatchObject({ status: 'failed', code: 'ERR_PROOF_INVALID_SIGNATURE' });
  });

  it('a signed presentation with no credentials proves the holder (challenge, domain checked)', async () => {
    const holder = await seededKey(72);
    const vp = await signVp({ '@context': [V2], type: ['VerifiablePresentation'], holder: holder.controller }, holder, 'c-1', 'jobs.example');
    const r = await verifyPresentation(vp, { now: NOW, challenge: 'c-1', domain: 'jobs.example' });
    expect(r.presentation.checks.filter((c) => c.status === 'failed')).toEqual([]);
    expect(r.presentation.checks.find((c) => c.id === 'holder')?.status).toBe('passed');
    expect(r.verified).toBe(true);
    const replay = await verifyPresentation(vp, { now: NOW, challenge: 'c-2' });
    expect(replay.verified).toBe(false);
    expect(codes(replay.presentation)).toContain('presentation:failed:ERR_CHALLENGE_MISMATCH');
    const elsewhere = await verifyPresentation(vp, { now: NOW, domain: 'other.example' });
    expect(codes(elsewhere.presentation)).toContain('presentation:failed:ERR_DOMAIN_MISMATCH');
  });

  it('a presentation signed by someone else than its holder fails ERR_HOLDER_MISMATCH; a tampered one fails its proof', async () => {
    const holder = await seededKey(73);
    const other = await seededKey(74);
    const vp = await signVp({ '@context': [V2], type: ['VerifiablePresentation'], holder: holder.controller }, other);
    expect(codes((await verifyPresentation(vp, { now: NOW, challenge: 'c-1' })).presentation)).toContain('holder:failed:ERR_HOLDER_MISMATCH');
    const own = await signVp({ '@context': [V2], type: ['VerifiablePresentation'], holder: holder.controller }, holder);
    const tampered = { ...own, holder: other.controller };
    const r = await verifyPresentation(tampered, { now: NOW, challenge: 'c-1' });
    expect(r.verified).toBe(false);
    expect(r.presentation.checks.find((c) => c.id === 'proof')).toMatchObject({ status: 'failed', code: 'ERR_PROOF_INVALID_SIGNATURE' });
  });

  it('a presentation made by bundlePresentation verifies with its credentials', async () => {
    const issuer = await seededKey(75);
    const holder = await seededKey(76);
    const cred = await issueCredential(sampleCredential(issuer.controller, { subject: { id: holder.controller } }), { key: issuer, now: ISSUED });
    const vp = await bundlePresentation([cred], { holderKey: holder, challenge: 'c-9', domain: 'jobs.example', now: NOW });
    const r = await verifyPresentation(vp, { now: NOW, challenge: 'c-9', domain: 'jobs.example' });
    expect(r.verified).toBe(true);
    expect(r.credentials.map((c) => c.verified)).toEqual([true]);
  });

  it('not a presentation, hostile values and too many credentials are reported, never thrown', async () => {
    expect(codes((await verifyPresentation({ '@context': [V2], type: ['VerifiableCredential'] })).presentation)).toEqual(['type:failed:ERR_NOT_PRESENTATION']);
    for (const v of [null, 1, 'x', [], { type: 'VerifiablePresentation', verifiableCredential: [null, 1, [], 'not.a.jwt'] }, { type: ['VerifiablePresentation'], proof: [null, 1] }]) {
      const r = await verifyPresentation(v, { now: NOW });
      expect(r.verified).toBe(false);
    }
    const many = { '@context': [V2], type: ['VerifiablePresentation'], verifiableCredential: [{}, {}, {}] };
    expect(codes((await verifyPresentation(many, { now: NOW, maxCredentials: 2 })).presentation)).toEqual(['format:failed:ERR_PRESENTATION_TOO_LARGE']);
  });
});

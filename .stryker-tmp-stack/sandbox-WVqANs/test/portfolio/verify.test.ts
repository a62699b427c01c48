// @ts-nocheck
import * as vc from '@digitalbazaar/vc';
import jsigs from 'jsonld-signatures';
import { describe, expect, it } from 'vitest';
import { bundleClr, bundlePresentation, verifyPortfolio } from '../../src/portfolio/index.js';
import { createEddsaSigningSuite } from '../../src/proofs/suites.js';
import { createDocumentLoader } from '../../src/jsonld/loader.js';
import { fixtures, NOW } from './fixtures.js';
import { CountingDocuments } from '../work-bounds.js';

const CH = 'nonce-4711';
const DOM = 'jobs.employer.example';
const codes = (checks: { status: string; code?: string }[], status = 'failed') => checks.filter((c) => c.status === status).map((c) => c.code);

describe('verifyPortfolio: presentations', () => {
  it('verifies a mixed presentation (2 issuers, VC 1.1 + 2.0, eddsa-rdfc-2022 + Ed25519Signature2020) as a tree of reports', async () => {
    const { learner, creds } = await fixtures();
    const vp = await bundlePresentation(creds, { holderKey: learner, challenge: CH, domain: DOM, now: NOW });
    const r = await verifyPortfolio(vp, { now: NOW, challenge: CH, domain: DOM });
    expect(r.kind).toBe('presentation');
    expect(r.envelope.verified).toBe(true);
    expect(r.envelope.checks.map((c) => c.code).filter(Boolean)).toEqual(expect.arrayContaining(['CHALLENGE_OK', 'DOMAIN_OK']));
    expect(r.envelope.checks.find((c) => c.id === 'holder')?.status).toBe('passed');
    expect(r.credentials.map((c) => c.verified)).toEqual([true, true, true, true]);
    expect(r.credentials[2]!.checks.find((c) => c.id === 'proof')?.target).toBe('Ed25519Signature2020');
    expect(r.summary).toEqual({ total: 4, verified: 4, failed: [], duplicates: [] });
    expect(r.verified).toBe(true);
    // JSON text works the same
    expect((await verifyPortfolio(JSON.stringify(vp), { now: NOW, challenge: CH, domain: DOM })).verified).toBe(true);
  });

  it('a tampered inner credential fails alone; the other credentials still verify', async () => {
    const { learner, creds } = await fixtures();
    const vp = await bundlePresentation(creds, { holderKey: learner, challenge: CH, domain: DOM, now: NOW });
    const t = structuredClone(vp);
    t.verifiableCredential[1].credentialSubject.achievement.name = 'Data Analysis III';
    const r = await verifyPortfolio(t, { now: NOW, challenge: CH, domain: DOM });
    expect(r.verified).toBe(false);
    expect(r.credentials.map((c) => c.verified)).toEqual([true, false, true, true]);
    expect(r.summary.verified).toBe(3);
    expect(r.summary.failed).toHaveLength(1);
    expect(r.summary.failed[0]).toMatchObject({ index: 1, id: creds[1]!.id });
    expect(r.summary.failed[0]!.reasons.map((c) => c.code)).toContain('ERR_PROOF_INVALID_SIGNATURE');
    // the learner's signature covers the embedded credentials too
    expect(codes(r.envelope.checks)).toContain('ERR_PROOF_INVALID_SIGNATURE');
  });

  it('a tampered envelope fails the envelope, not the credentials', async () => {
    const { learner, creds, other } = await fixtures();
    const vp = await bundlePresentation(creds.slice(0, 2), { holderKey: learner, challenge: CH, domain: DOM, now: NOW });
    const t = { ...vp, id: 'urn:uuid:0e000000-0000-4000-8000-000000000001' };
    const r = await verifyPortfolio(t, { now: NOW, challenge: CH, domain: DOM });
    expect(r.envelope.verified).toBe(false);
    expect(codes(r.envelope.checks)).toContain('ERR_PROOF_INVALID_SIGNATURE');
    expect(r.credentials.map((c) => c.verified)).toEqual([true, true]);
    expect(r.summary.failed).toEqual([]);
    expect(r.verified).toBe(false);
    // a swapped holder: the signature breaks, and the holder does not match
    const h = await verifyPortfolio({ ...vp, holder: other.controller }, { now: NOW, challenge: CH, domain: DOM });
    expect(h.envelope.verified).toBe(false);
  });

  it('wrong challenge / wrong domain / no challenge fail with clear codes', async () => {
    const { learner, creds } = await fixtures();
    const vp = await bundlePresentation(creds.slice(0, 1), { holderKey: learner, challenge: CH, domain: DOM, now: NOW });
    const wrongCh = await verifyPortfolio(vp, { now: NOW, challenge: 'other-nonce', domain: DOM });
    expect(wrongCh.verified).toBe(false);
    expect(codes(wrongCh.envelope.checks)).toContain('ERR_CHALLENGE_MISMATCH');
    const wrongDom = await verifyPortfolio(vp, { now: NOW, challenge: CH, domain: 'evil.example' });
    expect(wrongDom.verified).toBe(false);
    expect(codes(wrongDom.envelope.checks)).toEqual(['ERR_DOMAIN_MISMATCH']);
    const noCh = await bundlePresentation(creds.slice(0, 1), { holderKey: learner, now: NOW });
    const r = await verifyPortfolio(noCh, { now: NOW, challenge: CH });
    expect(codes(r.envelope.checks)).toEqual(['ERR_CHALLENGE_MISMATCH']);
    // the verifier did not ask: verified, with a warning that replay was not checked
    const lax = await verifyPortfolio(vp, { now: NOW });
    expect(lax.verified).toBe(true);
    expect(codes(lax.envelope.checks, 'warning')).toContain('W_CHALLENGE_NOT_CHECKED');
    expect((await verifyPortfolio(noCh, { now: NOW })).verified).toBe(true);
  });

  it('holder must be the signer (ERR_HOLDER_MISMATCH)', async () => {
    const { learner, other, creds } = await fixtures();
    const presentation = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], holder: learner.controller, verifiableCredential: [creds[0]] };
    const signed = await vc.signPresentation({
      presentation,
      suite: createEddsaSigningSuite(other, NOW),
      purpose: new jsigs.purposes.AuthenticationProofPurpose({ challenge: CH }),
      documentLoader: createDocumentLoader(),
    });
    const r = await verifyPortfolio(signed, { now: NOW, challenge: CH });
    expect(r.verified).toBe(false);
    expect(codes(r.envelope.checks)).toEqual(['ERR_HOLDER_MISMATCH']);
    expect(r.credentials[0]!.verified).toBe(true);
  });

  it('reports duplicates: identical copies warn, same id with other content fails', async () => {
    const { learner, creds } = await fixtures();
    const dup = await bundlePresentation([creds[0]!, creds[1]!, structuredClone(creds[0]!)], { holderKey: learner, now: NOW, allowDuplicates: true });
    const r = await verifyPortfolio(dup, { now: NOW });
    expect(r.summary.duplicates).toEqual([{ code: 'W_DUPLICATE_CREDENTIAL', by: 'id', key: creds[0]!.id, indexes: [0, 2], identical: true }]);
    expect(codes(r.credentials[2]!.checks, 'warning')).toContain('W_DUPLICATE_CREDENTIAL');
    expect(r.verified).toBe(true);

    const altered = { ...structuredClone(creds[0]!), name: 'Data Analysis I (honours)' };
    const conflict = await bundlePresentation([creds[0]!, altered], { holderKey: learner, now: NOW, allowDuplicates: true });
    const c = await verifyPortfolio(conflict, { now: NOW });
    expect(c.verified).toBe(false);
    expect(c.summary.duplicates.map((d) => [d.code, d.by])).toEqual([['ERR_DUPLICATE_CONFLICT', 'id']]);
    expect(c.summary.failed.map((f) => f.index)).toEqual([1]);
    expect(c.summary.failed[0]!.reasons.map((x) => x.code)).toEqual(expect.arrayContaining(['ERR_DUPLICATE_CONFLICT', 'ERR_PROOF_INVALID_SIGNATURE']));

    // same proofValue, different id: a copy re-labelled
    const relabelled = { ...structuredClone(creds[3]!), id: 'urn:uuid:0d000000-0000-4000-8000-000000000001' };
    const pv = await bundlePresentation([creds[3]!, relabelled], { holderKey: learner, now: NOW, allowDuplicates: true });
    const p = await verifyPortfolio(pv, { now: NOW });
    expect(p.summary.duplicates.map((d) => [d.by, d.indexes])).toEqual([['proofValue', [0, 1]]]);
    expect(p.credentials[1]!.verified).toBe(false);
  });

  it('a revoked credential fails alone (Bitstring Status List)', async () => {
    const { learner, creds, revoked, documents } = await fixtures();
    const vp = await bundlePresentation([creds[0]!, revoked, creds[3]!], { holderKey: learner, challenge: CH, now: NOW });
    const r = await verifyPortfolio(vp, { now: NOW, challenge: CH, documents });
    expect(r.envelope.verified).toBe(true);
    expect(r.credentials.map((c) => c.verified)).toEqual([true, false, true]);
    expect(r.summary.failed[0]!.index).toBe(1);
    expect(r.summary.failed[0]!.reasons.map((c) => c.id)).toContain('status');
    expect(r.verified).toBe(false);
  });

  it("an inner credential whose status list is not at hand fails closed (ERR_STATUS_UNAVAILABLE) unless status: 'allow-unavailable'", async () => {
    const { learner, creds, revoked } = await fixtures();
    const vp = await bundlePresentation([creds[0]!, revoked], { holderKey: learner, challenge: CH, now: NOW });
    const r = await verifyPortfolio(vp, { now: NOW, challenge: CH });
    expect(r.credentials.map((c) => c.verified)).toEqual([true, false]);
    expect(r.summary.failed.map((f) => [f.index, f.reasons.map((c) => c.code)])).toEqual([[1, ['ERR_STATUS_UNAVAILABLE']]]);
    expect(r.verified).toBe(false);
    const allowed = await verifyPortfolio(vp, { now: NOW, challenge: CH, status: 'allow-unavailable' });
    expect(allowed.verified).toBe(true);
    expect(codes(allowed.credentials[1]!.checks, 'skipped')).toEqual(['SKIP_STATUS_UNAVAILABLE']);
    expect(allowed.credentials[1]!.warnings.map((w) => w.code)).toContain('W_STATUS_UNCHECKED');
  });

  it('applies trustedIssuers to every inner credential', async () => {
    const { learner, uniA, creds } = await fixtures();
    const vp = await bundlePresentation(creds, { holderKey: learner, now: NOW });
    const r = await verifyPortfolio(vp, { now: NOW, trustedIssuers: [uniA.controller] });
    expect(r.credentials.map((c) => c.verified)).toEqual([true, true, false, false]);
    expect(r.summary.failed.flatMap((f) => f.reasons.map((c) => c.code))).toEqual(['ERR_ISSUER_UNTRUSTED', 'ERR_ISSUER_UNTRUSTED']);
  });
});

describe('verifyPortfolio: CLR', () => {
  it('verifies an institution-signed CLR and each inner credential', async () => {
    const { uniA, creds } = await fixtures();
    const clr = await bundleClr([creds[0]!, creds[1]!, creds[3]!], {
      key: uniA,
      now: NOW,
      associations: [{ associationType: 'precedes', sourceId: creds[0]!.credentialSubject.achievement.id, targetId: creds[1]!.credentialSubject.achievement.id }],
    });
    const r = await verifyPortfolio(clr, { now: NOW });
    expect(r.kind).toBe('clr');
    expect(r.envelope.verified).toBe(true);
    expect(r.envelope.warnings).toEqual([]);
    expect(r.summary).toEqual({ total: 3, verified: 3, failed: [], duplicates: [] });
    expect(r.verified).toBe(true);
  });

  it('CLR with a VC 1.1 credential (embedding context, safe mode on) verifies; tampering the envelope fails only the envelope', async () => {
    const { uniA, creds } = await fixtures();
    const clr = await bundleClr(creds, { key: uniA, now: NOW, skipSchema: true });
    const r = await verifyPortfolio(clr, { now: NOW });
    expect(r.envelope.checks.find((c) => c.id === 'proof')?.status).toBe('passed');
    expect(r.credentials.map((c) => c.verified)).toEqual([true, true, true, true]);
    const t = structuredClone(clr);
    t.name = 'Forged transcript';
    const rt = await verifyPortfolio(t, { now: NOW });
    expect(rt.envelope.verified).toBe(false);
    expect(codes(rt.envelope.checks)).toContain('ERR_PROOF_INVALID_SIGNATURE');
    expect(rt.credentials.map((c) => c.verified)).toEqual([true, true, true, true]);
    expect(rt.verified).toBe(false);
    // trustedIssuers also applies to the CLR issuer
    const u = await verifyPortfolio(clr, { now: NOW, trustedIssuers: ['did:example:someone-else'] });
    expect(codes(u.envelope.checks)).toContain('ERR_ISSUER_UNTRUSTED');
  });

  it('warns about dangling associations and challenge on a CLR', async () => {
    const { uniA, creds } = await fixtures();
    const clr = await bundleClr([creds[0]!], { key: uniA, now: NOW });
    // a CLR built elsewhere with an association to an unknown achievement (re-signed so only the structure is wrong)
    const { proof: _p, ...unsigned } = clr;
    unsigned.credentialSubject = { ...unsigned.credentialSubject, association: [{ type: 'Association', associationType: 'isPartOf', sourceId: creds[0]!.credentialSubject.achievement.id, targetId: 'urn:uuid:gone' }] };
    const { issueCredential } = await import('../../src/issue.js');
    const re = await issueCredential(unsigned, { key: uniA, now: NOW });
    const r = await verifyPortfolio(re, { now: NOW, challenge: CH });
    expect(codes(r.envelope.checks, 'warning')).toEqual(expect.arrayContaining(['W_ASSOCIATION_DANGLING', 'W_CHALLENGE_NOT_APPLICABLE']));
    expect(r.verified).toBe(true);
  });
});

describe('verifyPortfolio: bad input never throws', () => {
  it('returns failed reports for garbage', async () => {
    const { creds } = await fixtures();
    for (const bad of [null, 42, 'garbage', '{', [], {}, creds[0], { type: 'VerifiablePresentation', verifiableCredential: ['x', null, [1]] }]) {
      const r = await verifyPortfolio(bad, { now: NOW });
      expect(r.verified).toBe(false);
      expect(r.envelope.verified).toBe(false);
    }
    const r = await verifyPortfolio({ '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], verifiableCredential: ['x', null] }, { now: NOW });
    expect(codes(r.envelope.checks)).toContain('ERR_PROOF_MISSING');
    expect(r.credentials.map((c) => c.checks[0]?.code)).toEqual(['ERR_INPUT_NOT_OBJECT', 'ERR_INPUT_NOT_OBJECT']);
    expect(r.summary.failed.map((f) => f.index)).toEqual([0, 1]);
    expect((await verifyPortfolio(creds[0], { now: NOW })).envelope.checks[0]?.code).toBe('ERR_NOT_PORTFOLIO');
    expect((await verifyPortfolio({}, { now: 'not a date' })).envelope.checks[0]?.code).toBe('ERR_INVALID_NOW');
  });

  it('refuses more inner credentials than maxCredentials before verifying any', async () => {
    const { learner, creds } = await fixtures();
    const vp = await bundlePresentation(creds, { holderKey: learner, challenge: CH, domain: DOM, now: NOW });
    const docs = new CountingDocuments();
    const r = await verifyPortfolio(vp, { now: NOW, challenge: CH, domain: DOM, maxCredentials: 3, documents: docs });
    expect(r.verified).toBe(false);
    expect(codes(r.envelope.checks)).toEqual(['ERR_PORTFOLIO_TOO_LARGE']);
    expect(r.credentials).toEqual([]);
    expect(docs.didLookups).toEqual([]); // work bound: no proof (envelope or inner) resolved a key
    expect((await verifyPortfolio(vp, { now: NOW, challenge: CH, domain: DOM, maxCredentials: 4 })).verified).toBe(true);
  });
});

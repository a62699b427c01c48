// @ts-nocheck
import * as vc from '@digitalbazaar/vc';
import { describe, expect, it } from 'vitest';
import {
  createDidWebDocument,
  createDocumentLoader,
  generateKeyPair,
  IssueError,
  issueCredential,
  KeyError,
  verifyCredential,
  type VerificationReport,
} from '../../src/index.js';
import { createEd2020SigningSuite, createEddsaSigningSuite } from '../../src/proofs/suites.js';
import { ISSUED, NOW, sampleCredential, seededKey } from '../helpers.js';

const check = (r: VerificationReport, id: string) => r.checks.find((c) => c.id === id);
const failed = (r: VerificationReport) => r.checks.filter((c) => c.status === 'failed').map((c) => c.code);

describe('issue → verify round trip', () => {
  it('signs an OB 3.0 credential with eddsa-rdfc-2022 and verifies it offline', async () => {
    const key = await seededKey(1);
    const input = sampleCredential(key.controller);
    const frozen = JSON.stringify(input);
    const signed = await issueCredential(input, { key, now: ISSUED });
    expect(JSON.stringify(input)).toBe(frozen); // input untouched
    expect(signed.proof).toMatchObject({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      proofPurpose: 'assertionMethod',
      verificationMethod: key.id,
      created: ISSUED,
    });
    const report = await verifyCredential(signed, { now: NOW });
    expect(failed(report)).toEqual([]);
    expect(report.verified).toBe(true);
    expect(report.checks.map((c) => c.id)).toEqual(['format', 'context', 'type', 'proof', 'issuer', 'validity', 'status', 'schema', 'subject']);
    expect(report.credential).toBe(signed);
  });

  it('accepts JSON text and Uint8Array input', async () => {
    const key = await seededKey(1);
    const signed = await issueCredential(sampleCredential(key.controller), { key, now: ISSUED });
    expect((await verifyCredential(JSON.stringify(signed), { now: NOW })).verified).toBe(true);
    expect((await verifyCredential(new TextEncoder().encode(JSON.stringify(signed)), { now: NOW })).verified).toBe(true);
  });

  it('adds id and validFrom when missing', async () => {
    const key = await seededKey(1);
    const c = sampleCredential(key.controller);
    delete c.id;
    delete c.validFrom;
    const signed = await issueCredential(c, { key, now: '2026-10-01T10:00:00.123Z' });
    expect(signed.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(signed.validFrom).toBe('2026-10-01T10:00:00Z');
  });

  it('awardedDate: signs with the bundled OB 3.0.3 context, refused with 3.0.2 (which lacks the term)', async () => {
    const key = await seededKey(1);
    const c = sampleCredential(key.controller);
    expect((await issueCredential(c, { key, now: ISSUED })).awardedDate).toBe(ISSUED);
    const old: Record<string, any> = { ...c, '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json'] };
    delete (old.credentialSubject.achievement as any).inLanguage;
    const err = await issueCredential(old, { key, now: ISSUED }).catch((e) => e);
    expect(err).toBeInstanceOf(IssueError);
    expect(err.code).toBe('ERR_UNDEFINED_TERM');
    expect(err.details.property).toBe('awardedDate');
    expect(err.details.paths).toEqual(['$.awardedDate']);
  });

  it('verifies a VC 1.1 credential signed with Ed25519Signature2020, and one carrying both proof types', async () => {
    const key = await seededKey(2);
    const loader = createDocumentLoader();
    const v1 = {
      '@context': ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', 'https://w3id.org/security/suites/ed25519-2020/v1'],
      id: 'urn:uuid:7c1d3a2e-0000-4000-8000-000000000001',
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: key.controller, type: ['Profile'], name: 'Legacy University' },
      issuanceDate: ISSUED,
      name: 'Legacy badge',
      credentialSubject: { type: ['AchievementSubject'], id: 'did:example:l1', achievement: { id: 'urn:uuid:a1', type: ['Achievement'], name: 'A', description: 'd', criteria: { narrative: 'n' } } },
    };
    const signed = await vc.issue({ credential: structuredClone(v1), suite: createEd2020SigningSuite(key, ISSUED), documentLoader: loader });
    const r = await verifyCredential(signed, { now: NOW });
    expect(failed(r)).toEqual([]);
    expect(check(r, 'proof')?.target).toBe('Ed25519Signature2020');

    // both proofs (each over the document without proofs): every one must verify
    const second = await vc.issue({ credential: structuredClone(v1), suite: createEddsaSigningSuite(key, ISSUED), documentLoader: loader });
    const both = { ...signed, proof: [signed.proof, second.proof] };
    const rb = await verifyCredential(both, { now: NOW });
    expect(rb.checks.filter((c) => c.id === 'proof').map((c) => c.status)).toEqual(['passed', 'passed']);
    expect(rb.verified).toBe(true);
    // one bad proof in the set fails the credential
    const broken = { ...both, proof: [signed.proof, { ...second.proof, created: '2026-09-01T09:00:01Z' }] };
    const rx = await verifyCredential(broken, { now: NOW });
    expect(rx.verified).toBe(false);
    expect(rx.checks.filter((c) => c.id === 'proof').map((c) => c.status)).toEqual(['passed', 'failed']);
  });
});

describe('issuing refuses with clear, typed errors', () => {
  it('issuer ≠ key controller', async () => {
    const key = await seededKey(1);
    const other = await seededKey(2);
    const err = await issueCredential(sampleCredential(other.controller), { key }).catch((e) => e);
    expect(err).toBeInstanceOf(IssueError);
    expect(err.code).toBe('ERR_ISSUER_MISMATCH');
    expect(err.message).toContain(key.controller);
  });

  it('a property no context defines: names it, its path, and how to fix it', async () => {
    const key = await seededKey(1);
    const c = sampleCredential(key.controller);
    (c.credentialSubject.achievement as any).moodleCourseId = 42;
    const err = await issueCredential(c, { key }).catch((e) => e);
    expect(err.code).toBe('ERR_UNDEFINED_TERM');
    expect(err.details).toMatchObject({ property: 'moodleCourseId', paths: ['$.credentialSubject.achievement.moodleCourseId'] });
    expect(err.message).toMatch(/context/);
  });

  it('missing required fields, wrong first context, already signed, key without secret, bad now/format', async () => {
    const key = await seededKey(1);
    const base = sampleCredential(key.controller);
    const noSubject = { ...base };
    delete noSubject.credentialSubject;
    await expect(issueCredential(noSubject, { key })).rejects.toMatchObject({ code: 'ERR_MISSING_FIELD' });
    await expect(issueCredential({ ...base, issuer: undefined }, { key })).rejects.toMatchObject({ code: 'ERR_MISSING_FIELD' });
    await expect(issueCredential({ ...base, type: ['OpenBadgeCredential'] }, { key })).rejects.toMatchObject({ code: 'ERR_MISSING_FIELD' });
    await expect(issueCredential({ ...base, '@context': ['https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'] }, { key })).rejects.toMatchObject({ code: 'ERR_CONTEXT_FIRST' });
    await expect(issueCredential({ ...base, validFrom: 'yesterday' }, { key })).rejects.toMatchObject({ code: 'ERR_INVALID_DATE' });
    const signed = await issueCredential(base, { key, now: ISSUED });
    await expect(issueCredential(signed, { key })).rejects.toMatchObject({ code: 'ERR_ALREADY_SIGNED' });
    await expect(issueCredential(base, { key: { ...key } })).rejects.toBeInstanceOf(KeyError); // spread drops the secret
    await expect(issueCredential(base, { key, now: 'not a date' })).rejects.toMatchObject({ code: 'ERR_INVALID_INPUT' });
    await expect(issueCredential(base, { key, format: 'ldp' as any })).rejects.toMatchObject({ code: 'ERR_UNSUPPORTED_FORMAT' });
    await expect(issueCredential('nope' as any, { key })).rejects.toMatchObject({ code: 'ERR_INVALID_INPUT' });
  });

  it('an unknown context names the URL', async () => {
    const key = await seededKey(1);
    const c = { ...sampleCredential(key.controller), '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', 'https://lms.example/ctx.json'] };
    const err = await issueCredential(c, { key }).catch((e) => e);
    expect(err.code).toMatch(/ERR_DOCUMENT_NOT_FOUND|ERR_CONTEXT_UNKNOWN/);
    expect(err.message).toContain('https://lms.example/ctx.json');
  });
});

describe('verification outcomes', () => {
  it('expired and not yet valid', async () => {
    const key = await seededKey(1);
    const signed = await issueCredential({ ...sampleCredential(key.controller), validUntil: '2026-10-01T00:00:00Z' }, { key, now: ISSUED });
    const expired = await verifyCredential(signed, { now: NOW });
    expect(check(expired, 'validity')).toMatchObject({ status: 'failed', code: 'ERR_EXPIRED' });
    expect(check(expired, 'proof')?.status).toBe('passed');
    expect(expired.verified).toBe(false);
    const early = await verifyCredential(signed, { now: '2026-08-01T00:00:00Z' });
    expect(check(early, 'validity')).toMatchObject({ status: 'failed', code: 'ERR_NOT_YET_VALID' });
    expect((await verifyCredential(signed, { now: '2026-09-15T00:00:00Z' })).verified).toBe(true);
    // clock skew tolerance is opt-in
    expect((await verifyCredential(signed, { now: '2026-10-01T00:01:00Z', maxClockSkew: 120 })).verified).toBe(true);
  });

  it('wrong issuer: a credential re-pointed at another issuer fails; a key swapped into the proof fails', async () => {
    const key = await seededKey(1);
    const other = await seededKey(2);
    const signed = await issueCredential(sampleCredential(key.controller), { key, now: ISSUED });
    const repointed = structuredClone(signed);
    repointed.issuer.id = other.controller;
    const r1 = await verifyCredential(repointed, { now: NOW });
    expect(r1.verified).toBe(false);
    expect(check(r1, 'proof')?.code).toBe('ERR_PROOF_INVALID_SIGNATURE');
    const wrongKey = structuredClone(signed);
    wrongKey.proof.verificationMethod = other.id;
    const r2 = await verifyCredential(wrongKey, { now: NOW });
    expect(r2.verified).toBe(false);
    expect(check(r2, 'proof')?.status).toBe('failed');
  });

  it('a correctly signed credential from an untrusted issuer fails the trust check', async () => {
    const key = await seededKey(1);
    const signed = await issueCredential(sampleCredential(key.controller), { key, now: ISSUED });
    const r = await verifyCredential(signed, { now: NOW, trustedIssuers: ['did:web:other.example'] });
    expect(check(r, 'issuer')).toMatchObject({ status: 'failed', code: 'ERR_ISSUER_UNTRUSTED' });
    expect((await verifyCredential(signed, { now: NOW, trustedIssuers: [key.controller] })).verified).toBe(true);
  });

  it('signature by a key the issuer does not control (signed with vc directly) fails the issuer check', async () => {
    const key = await seededKey(1);
    const mallory = await seededKey(3);
    const c = sampleCredential(key.controller);
    const forged = await import('jsonld-signatures').then(({ default: jsigs }) =>
      jsigs.sign(structuredClone(c), { suite: createEddsaSigningSuite(mallory, ISSUED), purpose: new jsigs.purposes.AssertionProofPurpose(), documentLoader: createDocumentLoader() }),
    );
    const r = await verifyCredential(forged, { now: NOW });
    expect(check(r, 'proof')?.status).toBe('passed');
    expect(check(r, 'issuer')).toMatchObject({ status: 'failed', code: 'ERR_ISSUER_KEY_MISMATCH' });
    expect(r.verified).toBe(false);
  });

  it('unknown context → failed context check naming the URL (no network)', async () => {
    const key = await seededKey(1);
    const signed = await issueCredential(sampleCredential(key.controller), { key, now: ISSUED });
    const c = { ...signed, '@context': [...signed['@context'], 'https://unknown.example/ctx'] };
    const r = await verifyCredential(c, { now: NOW });
    expect(check(r, 'context')).toMatchObject({ status: 'failed', code: 'ERR_CONTEXT_UNKNOWN' });
    expect(check(r, 'context')?.message).toContain('https://unknown.example/ctx');
    expect(r.verified).toBe(false);
  });

  it('did:web issuer: offline without documents fails the proof (never passes); with documents or fetch verifies', async () => {
    const key = await generateKeyPair({ seed: new Uint8Array(32).fill(8), controller: 'did:web:uni.example', id: 'did:web:uni.example#key-1' });
    const didDoc = createDidWebDocument('did:web:uni.example', [key]);
    const signed = await issueCredential(sampleCredential(key.controller), { key, now: ISSUED, documents: { 'did:web:uni.example': didDoc } });
    const offline = await verifyCredential(signed, { now: NOW });
    expect(check(offline, 'proof')).toMatchObject({ status: 'failed', code: 'ERR_KEY_UNAVAILABLE' });
    expect(check(offline, 'proof')?.message).toContain('did:web:uni.example');
    expect(check(offline, 'issuer')?.status).toBe('skipped');
    expect(offline.verified).toBe(false);
    expect((await verifyCredential(signed, { now: NOW, documents: { 'did:web:uni.example': didDoc } })).verified).toBe(true);
    const urls: string[] = [];
    const viaFetch = await verifyCredential(signed, { now: NOW, fetch: async (u) => (urls.push(u), didDoc) });
    expect(viaFetch.verified).toBe(true);
    expect(urls).toEqual(['https://uni.example/.well-known/did.json']);
  });

  it('proof problems a naive verifier misses each get their own code', async () => {
    const key = await seededKey(1);
    const signed = await issueCredential(sampleCredential(key.controller), { key, now: ISSUED });
    const cases: Array<[string, (p: any) => void]> = [
      ['ERR_PROOF_PURPOSE_MISSING', (p) => delete p.proofPurpose],
      ['ERR_PROOF_PURPOSE', (p) => (p.proofPurpose = 'authentication')],
      ['ERR_PROOF_CREATED_INVALID', (p) => (p.created = '23/02/2026')],
      ['ERR_PROOF_EXPIRES_INVALID', (p) => (p.expires = 'soon')],
      ['ERR_PROOF_EXPIRED', (p) => (p.expires = '2026-10-01T00:00:00Z')],
      ['ERR_PROOF_CREATED_FUTURE', (p) => (p.created = '2027-01-01T00:00:00Z')],
      ['ERR_PROOF_DEPRECATED_CRYPTOSUITE', (p) => (p.cryptosuite = 'eddsa-2022')],
      ['ERR_PROOF_UNSUPPORTED_CRYPTOSUITE', (p) => (p.cryptosuite = 'bbs-2023')],
      ['ERR_PROOF_UNSUPPORTED_TYPE', (p) => (p.type = 'RsaSignature2018')],
      ['ERR_PROOF_VALUE_INVALID', (p) => (p.proofValue = 'uABC')],
      ['ERR_PROOF_NO_VERIFICATION_METHOD', (p) => delete p.verificationMethod],
    ];
    for (const [code, mutate] of cases) {
      const c = structuredClone(signed);
      mutate(c.proof);
      const r = await verifyCredential(c, { now: NOW });
      expect(check(r, 'proof')?.code, code).toBe(code);
      expect(r.verified).toBe(false);
    }
    const none = structuredClone(signed);
    delete none.proof;
    expect(check(await verifyCredential(none, { now: NOW }), 'proof')?.code).toBe('ERR_PROOF_MISSING');
  });

  it('subject without id or identifier verifies with a conformance warning', async () => {
    const key = await seededKey(1);
    const c = sampleCredential(key.controller);
    delete c.credentialSubject.id;
    const signed = await issueCredential(c, { key, now: ISSUED, skipSchema: true });
    const r = await verifyCredential(signed, { now: NOW });
    expect(r.verified).toBe(true);
    expect(r.warnings.map((w) => w.code)).toContain('W_SUBJECT_UNIDENTIFIED');
  });

  it('the plain @digitalbazaar/vc pipeline accepts what we issue (interop)', async () => {
    const key = await seededKey(1);
    const signed = await issueCredential(sampleCredential(key.controller), { key, now: ISSUED });
    const { DataIntegrityProof } = await import('@digitalbazaar/data-integrity');
    const { cryptosuite } = await import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite');
    const r = await vc.verifyCredential({ credential: signed, suite: new DataIntegrityProof({ cryptosuite }), documentLoader: createDocumentLoader(), now: new Date(NOW) });
    expect(r.verified).toBe(true);
  });

  it('accepts Ed25519VerificationKey2020 verification methods (did:web) for both proof types', async () => {
    const key = await generateKeyPair({ seed: new Uint8Array(32).fill(4), controller: 'did:web:legacy.example', id: 'did:web:legacy.example#key-2020' });
    const didDoc = {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/suites/ed25519-2020/v1'],
      id: 'did:web:legacy.example',
      verificationMethod: [{ id: key.id, type: 'Ed25519VerificationKey2020', controller: key.controller, publicKeyMultibase: key.publicKeyMultibase }],
      assertionMethod: [key.id],
    };
    const documents = { 'did:web:legacy.example': didDoc };
    const c = sampleCredential(key.controller);
    c['@context'].push('https://w3id.org/security/suites/ed25519-2020/v1');
    const s2020 = await vc.issue({ credential: structuredClone(c), suite: createEd2020SigningSuite(key, ISSUED), documentLoader: createDocumentLoader({ documents }) });
    expect((await verifyCredential(s2020, { now: NOW, documents })).verified).toBe(true);
    const sEddsa = await issueCredential(sampleCredential(key.controller), { key, now: ISSUED, documents });
    expect((await verifyCredential(sEddsa, { now: NOW, documents })).verified).toBe(true);
    // the key listed only under verificationMethod but not assertionMethod is not authorised to issue
    const noAssert = { ...didDoc, assertionMethod: [] };
    const r = await verifyCredential(sEddsa, { now: NOW, documents: { 'did:web:legacy.example': noAssert } });
    expect(r.verified).toBe(false);
    expect(check(r, 'proof')).toMatchObject({ status: 'failed', code: 'ERR_PROOF_KEY_NOT_AUTHORIZED' });
  });
});

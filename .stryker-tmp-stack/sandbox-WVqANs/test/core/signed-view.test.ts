// @ts-nocheck
// Issue 17 §1: checks read the signed data, not the JSON spelling. Each attack below verified (or double-counted) on the
// code before the signed-data view; every respelled document is the SAME RDF as a plainly signed one, so the original
// signature still verifies (asserted), and the verdict must be the same as for the plain spelling.
import * as vc from '@digitalbazaar/vc';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateStack, issueCredential, verifyCredential, type KeyPair } from '../../src/index.js';
import { createDocumentLoader } from '../../src/jsonld/loader.js';
import { createEddsaSigningSuite } from '../../src/proofs/suites.js';
import { allocateStatusIndex, createStatusList, revoke, signStatusList } from '../../src/status/index.js';
import { ISSUED, NOW, sampleCredential, seededKey } from '../helpers.js';

const REV = 'https://uni.example/status/rev';
const XSD_DT = 'http://www.w3.org/2001/XMLSchema#dateTime';
const STATUS = 'https://www.w3.org/ns/credentials/status#';
let key: KeyPair;

beforeAll(async () => {
  key = await seededKey(71);
});

type R = Awaited<ReturnType<typeof verifyCredential>>;
const failed = (r: R) => r.checks.filter((c) => c.status === 'failed').map((c) => `${c.id}:${c.code}`);
const proofPassed = (r: R) => r.checks.filter((c) => c.id === 'proof').every((c) => c.status === 'passed') && r.checks.some((c) => c.id === 'proof');
const verdict = (r: R) => r.checks.map((c) => `${c.id}:${c.status}:${c.code ?? ''}`);

/** A revoked credential (list revoked at its index) and the signed list. */
async function revokedBadge(extraTop: Record<string, any> = {}) {
  const a = allocateStatusIndex(createStatusList({ id: REV, issuer: key.controller, purpose: 'revocation' }));
  const credential = await issueCredential({ ...sampleCredential(key.controller), ...extraTop, credentialStatus: a.entry }, { key, now: ISSUED });
  const list = await signStatusList(revoke(a.state, a.index), { key, now: ISSUED });
  return { credential, list, entry: a.entry };
}

describe('revoked credential with credentialStatus respelled', () => {
  it('credentialStatus.type written as its full IRI (and the entry terms as IRIs) is still found and judged revoked', async () => {
    const { credential, list, entry } = await revokedBadge();
    const plain = await verifyCredential(credential, { now: NOW, documents: { [REV]: list } });
    expect(failed(plain)).toEqual(['status:ERR_STATUS_REVOKED']);
    // type as a full IRI alone: the type-scoped context no longer applies, statusPurpose … are undefined terms → refused
    const typeOnly = await verifyCredential({ ...credential, credentialStatus: { ...entry, type: `${STATUS}BitstringStatusListEntry` } }, { now: NOW, documents: { [REV]: list } });
    expect(typeOnly.verified).toBe(false);
    expect(failed(typeOnly)).toEqual(['context:ERR_UNDEFINED_TERM']);
    const respelled = [
      {
        id: entry.id,
        type: `${STATUS}BitstringStatusListEntry`,
        [`${STATUS}statusPurpose`]: entry.statusPurpose,
        [`${STATUS}statusListIndex`]: entry.statusListIndex,
        [`${STATUS}statusListCredential`]: { '@id': entry.statusListCredential },
      },
      { ...entry, '@type': 'BitstringStatusListEntry', type: undefined },
    ].map((e) => JSON.parse(JSON.stringify(e)));
    for (const e of respelled) {
      const r = await verifyCredential({ ...credential, credentialStatus: e }, { now: NOW, documents: { [REV]: list } });
      expect(proofPassed(r)).toBe(true);
      expect(r.verified).toBe(false);
      expect(verdict(r)).toEqual(verdict(plain));
      expect(r.checks.find((c) => c.id === 'status')?.target).toBe(entry.id);
    }
  });
});

describe('an inline @vocab set to a parent of a standard namespace', () => {
  const VOCAB = { '@vocab': 'https://www.w3.org/2018/' };

  it('credentials#validUntil hides nothing: an expired badge is expired', async () => {
    const signed = await issueCredential(sampleCredential(key.controller, { top: { validUntil: '2026-10-01T00:00:00Z' } }), { key, now: ISSUED });
    const { validUntil, ...rest } = signed;
    const hidden = { ...rest, '@context': [...signed['@context'], VOCAB], 'credentials#validUntil': { '@value': validUntil, '@type': XSD_DT } };
    const r = await verifyCredential(hidden, { now: NOW });
    expect(proofPassed(r)).toBe(true);
    expect(failed(r)).toEqual(['validity:ERR_EXPIRED']);
    expect(verdict(r)).toEqual(verdict(await verifyCredential(signed, { now: NOW })));
  });

  it('credentials#credentialStatus hides nothing: a revoked badge is revoked (list given)', async () => {
    const { credential, list } = await revokedBadge();
    const { credentialStatus, ...rest } = credential;
    const hidden = { ...rest, '@context': [...credential['@context'], VOCAB], 'credentials#credentialStatus': credentialStatus };
    const r = await verifyCredential(hidden, { now: NOW, documents: { [REV]: list } });
    expect(proofPassed(r)).toBe(true);
    expect(failed(r)).toEqual(['status:ERR_STATUS_REVOKED']);
  });

  it('an expired and revoked badge whose dates and status are both hidden fails both, also in the CLI text', async () => {
    const { credential, list } = await revokedBadge({ validUntil: '2026-10-01T00:00:00Z' });
    const { credentialStatus, validUntil, ...rest } = credential;
    const hidden = {
      ...rest,
      '@context': [...credential['@context'], VOCAB],
      'credentials#credentialStatus': credentialStatus,
      'credentials#validUntil': { '@value': validUntil, '@type': XSD_DT },
    };
    const r = await verifyCredential(hidden, { now: NOW, documents: { [REV]: list } });
    expect(proofPassed(r)).toBe(true);
    expect(failed(r).sort()).toEqual(['status:ERR_STATUS_REVOKED', 'validity:ERR_EXPIRED']);
  });

  it("the proof's own expires hidden as security#expiration is read: an expired proof fails", async () => {
    const loader = createDocumentLoader();
    const unsigned = structuredClone(sampleCredential(key.controller));
    // sign with an expiring proof, respelled the same way before signing — the proof configuration is canonicalized with
    // the document's @context, so the respelled proof has the same triples as `expires`
    const withExpires = structuredClone(unsigned);
    const s2 = createEddsaSigningSuite(key, ISSUED);
    s2.proof = { expires: '2026-10-01T00:00:00Z' };
    const expiring = await vc.issue({ credential: withExpires, suite: s2, documentLoader: loader, now: ISSUED } as any);
    expect(expiring.proof.expires).toBe('2026-10-01T00:00:00Z');
    const plainR = await verifyCredential(expiring, { now: NOW });
    expect(failed(plainR)).toEqual(['proof:ERR_PROOF_EXPIRED']);
    // respelling: the SEC vocabulary's parent as @vocab, and the key "security#expiration"
    const { expires, ...proofRest } = expiring.proof;
    const hidden = {
      ...expiring,
      '@context': [...expiring['@context'], { '@vocab': 'https://w3id.org/' }],
      proof: { ...proofRest, 'security#expiration': { '@value': expires, '@type': XSD_DT } },
    };
    const r = await verifyCredential(hidden, { now: NOW });
    expect(failed(r)).toEqual(['proof:ERR_PROOF_EXPIRED']);
    // the same respelled proof with a future expiry verifies: the signature covers the respelled proof
    const later = structuredClone(unsigned);
    const s3 = createEddsaSigningSuite(key, ISSUED);
    s3.proof = { expires: '2027-10-01T00:00:00Z' };
    const ok = await vc.issue({ credential: later, suite: s3, documentLoader: loader, now: ISSUED } as any);
    const { expires: e3, ...p3 } = ok.proof;
    const okHidden = { ...ok, '@context': [...ok['@context'], { '@vocab': 'https://w3id.org/' }], proof: { ...p3, 'security#expiration': { '@value': e3, '@type': XSD_DT } } };
    const r3 = await verifyCredential(okHidden, { now: NOW });
    expect(failed(r3)).toEqual([]);
    expect(r3.verified).toBe(true);
  });
});

describe('compact IRIs through a prefix declared in an added inline context', () => {
  const PREFIX = { u: 'https://uni.example/' };

  it("respelling a credential's id and achievement id: one 5-credit credential does not count twice toward 10 credits", async () => {
    const c = sampleCredential(key.controller, { top: { id: 'https://uni.example/credentials/42' } });
    const signed = await issueCredential(c, { key, now: ISSUED });
    const respelled = structuredClone(signed);
    respelled['@context'] = [...signed['@context'], PREFIX];
    respelled.id = 'u:credentials/42';
    respelled.credentialSubject.achievement.id = 'u:achievements/data-101';
    const r = await verifyCredential(respelled, { now: NOW });
    expect(proofPassed(r)).toBe(true);
    expect(r.verified).toBe(true);
    const rule = { id: 'https://uni.example/rules/ten', name: 'Ten credits', condition: { kind: 'sum', unit: 'credits', comparator: 'gte', value: 10 } };
    const ev = await evaluateStack(rule, [signed, respelled], { now: NOW });
    expect(ev.satisfied).toBe(false);
    expect(ev.used).toHaveLength(1);
    expect(ev.ignored).toMatchObject([{ index: 1, reason: 'duplicate', code: 'DUPLICATE_SAME_ID' }]);
    expect(r.view?.id).toBe('https://uni.example/credentials/42');
    expect((r.view?.document as any).credentialSubject.achievement.id).toBe('https://uni.example/achievements/data-101');
  });

  it('a revoked credential whose id is a compact IRI is still found in a 1EdTechRevocationList', async () => {
    const url = 'https://uni.example/revocations';
    const base = sampleCredential(key.controller, { top: { id: 'https://uni.example/credentials/43' } });
    const signed = await issueCredential(
      { ...base, '@context': [...base['@context'], 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json'], credentialStatus: { id: url, type: '1EdTechRevocationList' } },
      { key, now: ISSUED },
    );
    const documents = { [url]: { id: url, issuer: key.controller, revokedCredentials: [{ id: 'https://uni.example/credentials/43' }] } };
    expect(failed(await verifyCredential(signed, { now: NOW, documents }))).toEqual(['status:ERR_STATUS_REVOKED']);
    const respelled = { ...signed, '@context': [...signed['@context'], PREFIX], id: 'u:credentials/43' };
    const r = await verifyCredential(respelled, { now: NOW, documents });
    expect(proofPassed(r)).toBe(true);
    expect(failed(r)).toEqual(['status:ERR_STATUS_REVOKED']);
  });
});

describe('VC 1.1 validFrom / validUntil (the VC 1.1 context maps them to the VC 2.0 IRIs)', () => {
  async function v1(extra: Record<string, unknown>) {
    const loader = createDocumentLoader();
    const credential = {
      '@context': ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: 'urn:uuid:7c1d3a2e-0000-4000-8000-0000000000aa',
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: key.controller, type: ['Profile'], name: 'Legacy University' },
      issuanceDate: ISSUED,
      name: 'Legacy badge',
      credentialSubject: { type: ['AchievementSubject'], id: 'did:example:l1', achievement: { id: 'urn:uuid:a1', type: ['Achievement'], name: 'A', description: 'd', criteria: { narrative: 'n' } } },
      ...extra,
    };
    return vc.issue({ credential, suite: createEddsaSigningSuite(key, ISSUED), documentLoader: loader, now: ISSUED } as any);
  }

  it('a signed past validUntil fails; a signed future validFrom fails; plain VC 1.1 verifies', async () => {
    expect(failed(await verifyCredential(await v1({}), { now: NOW }))).toEqual([]);
    const expired = await verifyCredential(await v1({ validUntil: '2026-10-01T00:00:00Z' }), { now: NOW });
    expect(proofPassed(expired)).toBe(true);
    expect(failed(expired)).toEqual(['validity:ERR_EXPIRED']);
    const early = await verifyCredential(await v1({ validFrom: '2027-01-01T00:00:00Z' }), { now: NOW });
    expect(failed(early)).toEqual(['validity:ERR_NOT_YET_VALID']);
    const expiration = await verifyCredential(await v1({ expirationDate: '2026-10-01T00:00:00Z' }), { now: NOW });
    expect(failed(expiration)).toEqual(['validity:ERR_EXPIRED']);
  });
});

describe('issue 11 item 5: legitimate contexts the alias blocklist refused', () => {
  it('a context that defines an @reverse term the credential never uses verifies', async () => {
    const url = 'https://uni.example/ctx/reverse-v1';
    const documents = { [url]: { '@context': { '@protected': true, awards: { '@reverse': 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#awardedBy' } } } };
    const c = sampleCredential(key.controller);
    c['@context'].push(url);
    const signed = await issueCredential(c, { key, now: ISSUED, documents });
    const r = await verifyCredential(signed, { now: NOW, documents });
    expect(failed(r)).toEqual([]);
    expect(r.verified).toBe(true);
  });

  it('a context handed in through documents that is byte-identical to a bundled one (VC 1.1, undeclared sec: prefix) verifies', async () => {
    const { contexts } = await import('@digitalbazaar/credentials-context');
    const V1 = 'https://www.w3.org/2018/credentials/v1';
    const copy = JSON.parse(JSON.stringify(contexts.get(V1)));
    expect(JSON.stringify(copy)).toContain('"sec:');
    const loader = createDocumentLoader();
    const credential = {
      '@context': [V1, 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: 'urn:uuid:7c1d3a2e-0000-4000-8000-0000000000bb',
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: key.controller, type: ['Profile'], name: 'Legacy University' },
      issuanceDate: ISSUED,
      credentialSubject: { type: ['AchievementSubject'], id: 'did:example:l1', achievement: { id: 'urn:uuid:a1', type: ['Achievement'], name: 'A', description: 'd', criteria: { narrative: 'n' } } },
    };
    const signed = await vc.issue({ credential, suite: createEddsaSigningSuite(key, ISSUED), documentLoader: loader, now: ISSUED } as any);
    const r = await verifyCredential(signed, { now: NOW, documents: { [V1]: copy } });
    expect(failed(r)).toEqual([]);
    expect(r.verified).toBe(true);
  });
});

describe('issue 17 §2: values whose toString throws', () => {
  it('in proof.type / proof.cryptosuite: no ERR_INTERNAL, every other check is still judged on its own', async () => {
    const signed = await issueCredential(sampleCredential(key.controller, { top: { validUntil: '2026-10-01T00:00:00Z' } }), { key, now: ISSUED });
    const evil = () => ({
      toString() {
        throw new Error('boom');
      },
      [Symbol.toPrimitive]() {
        throw new Error('boom');
      },
    });
    for (const field of ['type', 'cryptosuite', 'proofPurpose', 'verificationMethod', 'created', 'expires']) {
      const t = { ...signed, proof: { ...signed.proof, [field]: evil() } };
      const r = await verifyCredential(t, { now: NOW });
      expect(r.verified).toBe(false);
      const f = failed(r);
      expect(f, field).not.toContain('format:ERR_INTERNAL');
      expect(f.filter((x) => x.startsWith('proof:')), field).toHaveLength(1);
      // the other checks ran on the signed claims: the badge is (also) expired
      expect(f, field).toContain('validity:ERR_EXPIRED');
      expect(r.checks.find((c) => c.id === 'issuer')?.status, field).toBe('skipped');
      expect(r.checks.find((c) => c.id === 'subject')?.status, field).toBe('passed');
    }
    // a throwing value in the claims: refused by the context check, never thrown
    const inClaims = await verifyCredential({ ...signed, name: evil() }, { now: NOW });
    expect(inClaims.verified).toBe(false);
    expect(failed(inClaims)).not.toContain('format:ERR_INTERNAL');
    expect(failed(inClaims)[0]).toMatch(/^context:ERR_/);
  });
});

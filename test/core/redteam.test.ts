// Red-team regressions: inputs that once verified although they must not.
import { describe, expect, it } from 'vitest';
import { createDidWebDocument, generateKeyPair, issueCredential, verifyCredential } from '../../src/index.js';
import { checkJsonLdShape } from '../../src/verify/checks/jsonld-shape.js';
import { fixture, ISSUED, NOW, sampleCredential } from '../helpers.js';
import { CountingDocuments } from '../work-bounds.js';

const VICTIM = 'did:web:victim.example';
const seed = (n: number) => new Uint8Array(32).fill(n);
const failed = (r: { checks: Array<{ id: string; status: string; code?: string }> }) => r.checks.filter((c) => c.status === 'failed').map((c) => `${c.id}:${c.code}`);

describe('a loaded key or controller document must carry the id it was asked for', () => {
  it('a key document at an attacker URL claiming to be the victim key is refused (documents and fetch)', async () => {
    const victimKey = await generateKeyPair({ seed: seed(1), controller: VICTIM, id: `${VICTIM}#key-1` });
    const evilKey = await generateKeyPair({ seed: seed(2), controller: VICTIM, id: 'https://evil.example/vm' });
    const victimDoc = createDidWebDocument(VICTIM, [victimKey]);
    // the attacker signs with its own key, naming its own URL as verificationMethod
    const forged = await issueCredential(sampleCredential(VICTIM), { key: evilKey, now: ISSUED });
    const evilVm = { '@context': 'https://w3id.org/security/multikey/v1', id: `${VICTIM}#key-1`, type: 'Multikey', controller: VICTIM, publicKeyMultibase: evilKey.publicKeyMultibase };
    const viaDocs = await verifyCredential(forged, { now: NOW, documents: { [VICTIM]: victimDoc, 'https://evil.example/vm': evilVm } });
    expect(viaDocs.verified).toBe(false);
    expect(failed(viaDocs)).toContain('proof:ERR_PROOF_KEY_ID_MISMATCH');
    const viaFetch = await verifyCredential(forged, {
      now: NOW,
      documents: { [VICTIM]: victimDoc },
      fetch: async (url) => {
        if (url === 'https://evil.example/vm') return evilVm;
        throw new Error('404');
      },
    });
    expect(viaFetch.verified).toBe(false);
    expect(failed(viaFetch)).toContain('proof:ERR_PROOF_KEY_ID_MISMATCH');
  });

  it('a controller document at an attacker URL claiming to be the victim DID is refused', async () => {
    const evil = await generateKeyPair({ seed: seed(3), controller: 'https://evil.example/ctrl', id: 'https://evil.example/vm2' });
    // issueCredential refuses issuer ≠ controller, so the forger signs as "victim" with a relabelled copy of its key
    const relabelled = await generateKeyPair({ seed: seed(3), controller: VICTIM, id: 'https://evil.example/vm2' });
    const forged = await issueCredential(sampleCredential(VICTIM), { key: relabelled, now: ISSUED });
    const r = await verifyCredential(forged, {
      now: NOW,
      fetch: async (url) => {
        if (url === 'https://evil.example/vm2') return { '@context': 'https://w3id.org/security/multikey/v1', id: evil.id, type: 'Multikey', controller: evil.controller, publicKeyMultibase: evil.publicKeyMultibase };
        if (url === 'https://evil.example/ctrl') return { '@context': 'https://www.w3.org/ns/did/v1', id: VICTIM, assertionMethod: [evil.id] };
        throw new Error('404');
      },
    });
    expect(r.verified).toBe(false);
    expect(failed(r)).toContain('proof:ERR_PROOF_KEY_ID_MISMATCH');
  });

  it('the honest did:web issuer still verifies', async () => {
    const key = await generateKeyPair({ seed: seed(1), controller: VICTIM, id: `${VICTIM}#key-1` });
    const signed = await issueCredential(sampleCredential(VICTIM), { key, now: ISSUED });
    const r = await verifyCredential(signed, { now: NOW, documents: { [VICTIM]: createDidWebDocument(VICTIM, [key]) } });
    expect(failed(r)).toEqual([]);
    expect(r.checks.find((c) => c.id === 'issuer')?.status).toBe('passed');
  });
});

describe('what is signed is what is read: JSON-LD aliases are refused', () => {
  const XSD_DT = 'http://www.w3.org/2001/XMLSchema#dateTime';
  async function expiredBadge() {
    const key = await generateKeyPair({ seed: seed(5) });
    return issueCredential(sampleCredential(key.controller, { top: { validUntil: '2026-10-01T00:00:00Z' } }), { key, now: ISSUED });
  }

  it('an expired credential whose validUntil is moved under another name stays refused (IRI key, @nest, inline alias)', async () => {
    const signed = await expiredBadge();
    expect(failed(await verifyCredential(signed, { now: NOW }))).toEqual(['validity:ERR_EXPIRED']);
    const { validUntil, ...rest } = signed;
    const variants: Array<Record<string, any>> = [
      { ...rest, 'https://www.w3.org/2018/credentials#validUntil': { '@value': validUntil, '@type': XSD_DT } },
      { ...rest, '@nest': { validUntil } },
      { ...rest, '@context': [...signed['@context'], { until2: { '@id': 'https://www.w3.org/2018/credentials#validUntil', '@type': XSD_DT } }], until2: validUntil },
      { ...rest, '@included': [{ id: signed.id, validUntil }] },
    ];
    for (const v of variants) {
      const r = await verifyCredential(v, { now: NOW });
      expect(r.verified).toBe(false);
      expect(failed(r)).toContain('context:ERR_JSONLD_ALIAS');
    }
  });

  it('a revoked credential cannot hide its credentialStatus behind an alias; id cannot become @id', async () => {
    const key = await generateKeyPair({ seed: seed(6) });
    const entry = { id: 'https://uni.example/status/1#7', type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '7', statusListCredential: 'https://uni.example/status/1' };
    const signed = await issueCredential(sampleCredential(key.controller, { top: { credentialStatus: entry } }), { key, now: ISSUED });
    const { credentialStatus, id, ...rest } = signed;
    const hidden = { ...rest, id, '@context': [...signed['@context'], { st: { '@id': 'https://www.w3.org/2018/credentials#credentialStatus', '@type': '@id' } }], st: credentialStatus };
    expect(failed(await verifyCredential(hidden, { now: NOW }))).toContain('context:ERR_JSONLD_ALIAS');
    const remote = { ...rest, id, '@context': [...signed['@context'], 'https://evil.example/ctx'], st: credentialStatus };
    const viaFetch = await verifyCredential(remote, { now: NOW, fetch: async () => ({ '@context': { st: { '@id': 'https://www.w3.org/2018/credentials#credentialStatus', '@type': '@id' } } }) });
    expect(failed(viaFetch)).toContain('context:ERR_JSONLD_ALIAS');
    const noId = { ...rest, credentialStatus, '@id': id };
    expect(failed(await verifyCredential(noId, { now: NOW }))).toContain('context:ERR_JSONLD_ALIAS');
  });

  it('an achievement-level @context aliasing creditsAvailable is refused', async () => {
    const key = await generateKeyPair({ seed: seed(5) });
    const signed = await issueCredential(sampleCredential(key.controller), { key, now: ISSUED });
    const t = structuredClone(signed);
    const a = t.credentialSubject.achievement;
    a['@context'] = { signedCredits: { '@id': 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#creditsAvailable', '@type': 'http://www.w3.org/2001/XMLSchema#float' } };
    a.signedCredits = a.creditsAvailable;
    a.creditsAvailable = 500;
    expect(failed(await verifyCredential(t, { now: NOW }))).toContain('context:ERR_JSONLD_ALIAS');
  });

  it('value objects, prefixes and copies of bundled terms are not aliases', () => {
    const doc = {
      '@context': ['https://www.w3.org/ns/credentials/v2', { cred: 'https://www.w3.org/2018/credentials#', identifier: 'https://purl.imsglobal.org/spec/vc/clr/vocab.html#identifier-1', ext: 'https://ext.example/vocab#x' }],
      name: { '@value': 'Données', '@language': 'fr' },
    };
    expect(checkJsonLdShape(doc, [])).toBeUndefined();
    expect(checkJsonLdShape({ ...doc, '@context': [...doc['@context'], { until: 'cred:validUntil' }] }, [])?.code).toBe('ERR_JSONLD_ALIAS');
    expect(checkJsonLdShape({ ...doc, '@context': [...doc['@context'], { '@vocab': 'https://www.w3.org/2018/credentials#' }] }, [])?.code).toBe('ERR_JSONLD_ALIAS');
    expect(checkJsonLdShape({ ...doc, '@context': [...doc['@context'], { ident: '@id' }] }, [])?.code).toBe('ERR_JSONLD_ALIAS');
    // a prefix declared in the same definition is expanded before the alias test
    expect(checkJsonLdShape({ ...doc, '@context': [...doc['@context'], { c: 'https://www.w3.org/2018/credentials#', until: 'c:validUntil' }] }, [])?.code).toBe('ERR_JSONLD_ALIAS');
  });

  it('a third-party extension context written with declared compact IRIs (1EdTech Assessment Extension) is accepted', async () => {
    const url = 'https://purl.imsglobal.org/spec/ob-assessment/v2p0/context.json';
    const documents = { [url]: fixture('contexts/ob-assessment-v2p0.json') };
    const key = await generateKeyPair({ seed: seed(9) });
    const c = sampleCredential(key.controller);
    c['@context'].push(url);
    const signed = await issueCredential(c, { key, now: ISSUED, documents, skipSchema: true });
    const r = await verifyCredential(signed, { now: NOW, documents });
    expect(failed(r)).toEqual([]);
    expect(r.verified).toBe(true);
  });
});

describe('bounded work', () => {
  it('a proof set larger than MAX_PROOFS is refused before any canonicalisation', async () => {
    const key = await generateKeyPair({ seed: seed(5) });
    const signed = await issueCredential(sampleCredential(key.controller), { key, now: ISSUED });
    const many = { ...signed, proof: Array.from({ length: 5000 }, () => signed.proof) };
    const docs = new CountingDocuments();
    const r = await verifyCredential(many, { now: NOW, documents: docs });
    expect(failed(r)).toContain('proof:ERR_PROOF_TOO_MANY');
    // work bound: not one verification method resolved (each proof would need one), so no proof was processed
    expect(docs.didLookups).toEqual([]);
    const one = new CountingDocuments();
    await verifyCredential(signed, { now: NOW, documents: one });
    expect(one.didLookups.length).toBeGreaterThan(0); // control: a single proof resolves its key
    expect(one.didLookups.every((u) => u.startsWith(key.controller))).toBe(true);
    expect(docs.calls.length).toBeLessThan(one.calls.length);
  });
});

// @ts-nocheck
// Red-team regressions: inputs that once verified although they must not.
import { describe, expect, it } from 'vitest';
import { CANONIZE_WORK } from '../../src/proofs/suites.js';
import { createDidWebDocument, generateKeyPair, issueCredential, verifyCredential } from '../../src/index.js';
import { fixture, ISSUED, NOW, sampleCredential } from '../helpers.js';

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

describe('what is signed is what is read: respellings are judged by their signed data (the alias blocklist is gone)', () => {
  const XSD_DT = 'http://www.w3.org/2001/XMLSchema#dateTime';
  async function expiredBadge() {
    const key = await generateKeyPair({ seed: seed(5) });
    return issueCredential(sampleCredential(key.controller, { top: { validUntil: '2026-10-01T00:00:00Z' } }), { key, now: ISSUED });
  }

  it('an expired credential whose validUntil is moved under another name is still expired (IRI key, @nest, inline alias); @included is refused', async () => {
    const signed = await expiredBadge();
    expect(failed(await verifyCredential(signed, { now: NOW }))).toEqual(['validity:ERR_EXPIRED']);
    const { validUntil, ...rest } = signed;
    const variants: Array<Record<string, any>> = [
      { ...rest, 'https://www.w3.org/2018/credentials#validUntil': { '@value': validUntil, '@type': XSD_DT } },
      { ...rest, '@nest': { validUntil } },
      { ...rest, '@context': [...signed['@context'], { until2: { '@id': 'https://www.w3.org/2018/credentials#validUntil', '@type': XSD_DT } }], until2: validUntil },
    ];
    for (const v of variants) {
      const r = await verifyCredential(v, { now: NOW });
      expect(r.verified).toBe(false);
      // same triples: the signature still verifies, and the signed validUntil is read
      expect(r.checks.find((c) => c.id === 'proof')?.status).toBe('passed');
      expect(failed(r)).toEqual(['validity:ERR_EXPIRED']);
      expect(r.view?.validUntil).toBe(validUntil);
    }
    // @included puts the date on another node object of the same id: refused (safe mode does not take it)
    const included = await verifyCredential({ ...rest, '@included': [{ id: signed.id, validUntil }] }, { now: NOW });
    expect(included.verified).toBe(false);
    expect(failed(included)).toEqual(['context:ERR_UNDEFINED_TERM']);
    // a signed validUntil of another datatype cannot be read as a date: refused, never ignored
    const asString = await verifyCredential({ ...rest, 'https://www.w3.org/2018/credentials#validUntil': { '@value': validUntil, '@type': 'http://www.w3.org/2001/XMLSchema#string' } }, { now: NOW });
    expect(failed(asString)).toContain('context:ERR_SIGNED_TERM_UNREADABLE');
  });

  it('a revoked credential cannot hide its credentialStatus behind an alias; id may become @id', async () => {
    const key = await generateKeyPair({ seed: seed(6) });
    const entry = { id: 'https://uni.example/status/1#7', type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '7', statusListCredential: 'https://uni.example/status/1' };
    const signed = await issueCredential(sampleCredential(key.controller, { top: { credentialStatus: entry } }), { key, now: ISSUED });
    const { credentialStatus, id, ...rest } = signed;
    const statusTarget = (r: any) => r.checks.filter((c: any) => c.id === 'status').map((c: any) => `${c.status}:${c.target}`);
    const plain = await verifyCredential(signed, { now: NOW });
    // the list is not at hand: the status check is not passed, and names the signed entry
    expect(statusTarget(plain)).toEqual([`${plain.checks.find((c) => c.id === 'status')!.status}:${entry.id}`]);
    expect(plain.checks.find((c) => c.id === 'status')?.status).not.toBe('passed');
    const hidden = { ...rest, id, '@context': [...signed['@context'], { st: { '@id': 'https://www.w3.org/2018/credentials#credentialStatus', '@type': '@id' } }], st: credentialStatus };
    const remote = { ...rest, id, '@context': [...signed['@context'], 'https://evil.example/ctx'], st: credentialStatus };
    const noId = { ...rest, credentialStatus, '@id': id };
    const rHidden = await verifyCredential(hidden, { now: NOW });
    const rRemote = await verifyCredential(remote, { now: NOW, fetch: async (url) => {
      if (url === 'https://evil.example/ctx') return { '@context': { st: { '@id': 'https://www.w3.org/2018/credentials#credentialStatus', '@type': '@id' } } };
      throw new Error('404');
    } });
    const rNoId = await verifyCredential(noId, { now: NOW });
    for (const r of [rHidden, rRemote, rNoId]) {
      expect(r.checks.find((c) => c.id === 'proof')?.status).toBe('passed');
      expect(failed(r)).toEqual(failed(plain));
      // (fetching the list fails with its own skip code when the list is asked of `fetch`)
      if (r !== rRemote) expect(r.checks.map((c) => `${c.id}:${c.status}:${c.code}`)).toEqual(plain.checks.map((c) => `${c.id}:${c.status}:${c.code}`));
      expect(statusTarget(r)).toEqual(statusTarget(plain));
      expect(r.view?.id).toBe(id);
    }
  });

  it('an achievement-level @context aliasing creditsAvailable cannot add credits: the signature covers the signed value', async () => {
    const key = await generateKeyPair({ seed: seed(5) });
    const signed = await issueCredential(sampleCredential(key.controller), { key, now: ISSUED });
    const t = structuredClone(signed);
    const a = t.credentialSubject.achievement;
    // the OB 3.0.3 context types creditsAvailable as https://www.w3.org/2001/XMLSchema#float (sic, https)
    a['@context'] = { signedCredits: { '@id': 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#creditsAvailable', '@type': 'https://www.w3.org/2001/XMLSchema#float' } };
    a.signedCredits = a.creditsAvailable;
    a.creditsAvailable = 500;
    expect(failed(await verifyCredential(t, { now: NOW }))).toEqual(['proof:ERR_PROOF_INVALID_SIGNATURE']);
    // the alias alone (same triples) verifies, and the view reads the signed 5 credits
    delete a.creditsAvailable;
    const r = await verifyCredential(t, { now: NOW });
    expect(failed(r)).toEqual([]);
    expect((r.view?.document as any).credentialSubject.achievement.creditsAvailable).toBe(5);
    // another datatype is another literal: not readable as creditsAvailable, refused (never silently ignored)
    a['@context'].signedCredits['@type'] = 'http://www.w3.org/2001/XMLSchema#float';
    expect(failed(await verifyCredential(t, { now: NOW }))).toEqual(['context:ERR_SIGNED_TERM_UNREADABLE']);
  });

  it('respellings the blocklist refused (prefix alias, @vocab, @id alias, declared prefix) are judged by their signed data', async () => {
    const signed = await expiredBadge();
    const { validUntil, id, ...rest } = signed;
    const ctx = signed['@context'];
    const variants: Array<Record<string, any>> = [
      { ...rest, id, '@context': [...ctx, { cred: 'https://www.w3.org/2018/credentials#', until: 'cred:validUntil' }], until: { '@value': validUntil, '@type': XSD_DT } },
      { ...rest, id, '@context': [...ctx, { '@vocab': 'https://www.w3.org/2018/credentials#' }], 'validUntil': validUntil },
      { ...rest, id, '@context': [...ctx, { '@vocab': 'https://www.w3.org/2018/' }], 'credentials#validUntil': { '@value': validUntil, '@type': XSD_DT } },
      { ...rest, validUntil, '@context': [...ctx, { ident: '@id' }], ident: id },
      { ...rest, id, '@context': [...ctx, { c: 'https://www.w3.org/2018/credentials#', until: { '@id': 'c:validUntil', '@type': XSD_DT } }], until: validUntil },
    ];
    for (const v of variants) {
      const r = await verifyCredential(v, { now: NOW });
      expect(r.checks.find((c) => c.id === 'proof')?.status).toBe('passed');
      expect(failed(r)).toEqual(['validity:ERR_EXPIRED']);
      expect(r.view?.id).toBe(id);
    }
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
    const before = CANONIZE_WORK.calls;
    const many = { ...signed, proof: Array.from({ length: 5000 }, () => signed.proof) };
    expect(failed(await verifyCredential(many, { now: NOW }))).toEqual(['format:ERR_INPUT_TOO_LARGE']); // an array past maxArrayLength
    const eleven = { ...signed, proof: Array.from({ length: 11 }, () => signed.proof) };
    expect(failed(await verifyCredential(eleven, { now: NOW }))).toContain('proof:ERR_PROOF_TOO_MANY');
    expect(CANONIZE_WORK.calls).toBe(before);
  });
});

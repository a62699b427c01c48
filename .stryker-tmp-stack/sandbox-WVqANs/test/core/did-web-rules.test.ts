// @ts-nocheck
// Rule tests of did:web document building and key rotation (src/keys/did-web.ts, mutation area `did-web`): hand-made
// key objects (only their public parts are read), no signing, no network.
import { describe, expect, it } from 'vitest';
import { createDidWebDocument, rotateDidWebDocument } from '../../src/keys/did-web.js';

const DID = 'did:web:uni.example';
const key = (id: string, over: Record<string, unknown> = {}) => ({ id: `${DID}#${id}`, controller: DID, type: 'Multikey', publicKeyMultibase: `z6Mk${id}`, ...over }) as never;
const rsa = (id: string) => ({ id: `${DID}#${id}`, controller: DID, type: 'JsonWebKey', publicKeyJwk: { kty: 'RSA', n: 'nnn', e: 'AQAB', d: 'SECRET' } }) as never;

describe('createDidWebDocument: refusals name what is wrong', () => {
  it('a DID that is not did:web: ERR_INVALID_DID, message names it', () => {
    expect(() => createDidWebDocument('did:key:z6Mk', [key('k1')])).toThrow(expect.objectContaining({ code: 'ERR_INVALID_DID', message: 'not a did:web DID: did:key:z6Mk' }));
  });
  it('no keys: ERR_INVALID_INPUT "at least one key is needed"', () => {
    expect(() => createDidWebDocument(DID, [])).toThrow(expect.objectContaining({ code: 'ERR_INVALID_INPUT', message: 'at least one key is needed' }));
  });
  it('a key controlled by another DID: ERR_KEY_CONTROLLER_MISMATCH naming key, its controller and the DID', () => {
    expect(() => createDidWebDocument(DID, [key('k1', { controller: 'did:web:other.example' })])).toThrow(expect.objectContaining({ code: 'ERR_KEY_CONTROLLER_MISMATCH', message: `key ${DID}#k1 is controlled by did:web:other.example, not ${DID}` }));
  });
  it('an RSA key becomes a JsonWebKey method with only kty, n, e (the secret d is never written)', () => {
    const d = createDidWebDocument(DID, [rsa('r1')]);
    expect(d.verificationMethod).toEqual([{ id: `${DID}#r1`, type: 'JsonWebKey', controller: DID, publicKeyJwk: { kty: 'RSA', n: 'nnn', e: 'AQAB' } }]);
    expect(JSON.stringify(d)).not.toContain('SECRET');
  });
});

describe('rotateDidWebDocument', () => {
  const base = () => createDidWebDocument(DID, [key('k1')]);
  it('a verification method listed by relative id ("#k2") counts as taken: ERR_KEY_ID_TAKEN', () => {
    const doc = { ...base(), verificationMethod: [{ id: '#k2', type: 'Multikey', controller: DID, publicKeyMultibase: 'z6Mkk2' }] };
    expect(() => rotateDidWebDocument(doc, key('k2'))).toThrow(expect.objectContaining({ code: 'ERR_KEY_ID_TAKEN', message: `${DID}#k2 is already in the DID document: choose another key id` }));
  });
  it('a document whose verificationMethod is not an array has no methods: the new key is added, nothing else kept', () => {
    const doc = { ...base(), verificationMethod: { id: `${DID}#k2` } };
    const r = rotateDidWebDocument(doc, key('k2'));
    expect(r.verificationMethod!.map((m) => m.id)).toEqual([`${DID}#k2`]);
  });
  it('retiring a key that is not in the document: ERR_VERIFICATION_METHOD_NOT_FOUND naming it; a relative id in the document matches', () => {
    expect(() => rotateDidWebDocument(base(), key('k3'), { retire: [`${DID}#nope`] })).toThrow(expect.objectContaining({ code: 'ERR_VERIFICATION_METHOD_NOT_FOUND', message: `${DID}#nope is not in the DID document` }));
    const two = rotateDidWebDocument(base(), key('k2'));
    // every retired id must be in the document: one listed and one absent is refused as a whole
    expect(() => rotateDidWebDocument(two, key('k3'), { retire: [`${DID}#k1`, `${DID}#nope`] })).toThrow(expect.objectContaining({ code: 'ERR_VERIFICATION_METHOD_NOT_FOUND' }));
    expect(rotateDidWebDocument(two, key('k3'), { retire: [`${DID}#k1`] }).verificationMethod!.map((m) => m.id)).toEqual([`${DID}#k3`, `${DID}#k2`]);
    const rel = { ...base(), verificationMethod: [{ id: '#k1', type: 'Multikey', controller: DID, publicKeyMultibase: 'z6Mkk1' }], assertionMethod: ['#k1'], authentication: ['#k1'] };
    const r = rotateDidWebDocument(rel, key('k3'), { retire: [`${DID}#k1`] });
    expect(r.verificationMethod!.map((m) => m.id)).toEqual([`${DID}#k3`]);
    expect(r.assertionMethod).toEqual([`${DID}#k3`]);
  });
  it('a retired key leaves every relationship (capabilityInvocation, capabilityDelegation, keyAgreement too); others are kept', () => {
    const doc = { ...base(), capabilityInvocation: [`${DID}#k1`, 'x'], capabilityDelegation: [`${DID}#k1`, 'y'], keyAgreement: [{ id: `${DID}#k1` }, 'z'] };
    const r = rotateDidWebDocument(doc, key('k2'), { retire: [`${DID}#k1`] });
    expect(r.capabilityInvocation).toEqual(['x']);
    expect(r.capabilityDelegation).toEqual(['y']);
    expect(r.keyAgreement).toEqual(['z']);
    expect(r.authentication).toEqual([`${DID}#k2`]);
    const kept = rotateDidWebDocument(doc, key('k2'));
    expect(kept.capabilityDelegation).toEqual([`${DID}#k1`, 'y']);
    expect(kept.keyAgreement).toEqual([{ id: `${DID}#k1` }, 'z']);
    expect('keyAgreement' in rotateDidWebDocument(base(), key('k2'))).toBe(false);
  });
  it('@context: a string context is kept first and the needed contexts appended once; no context gets both; a JWK key needs the jwk context', () => {
    const s = rotateDidWebDocument({ ...base(), '@context': 'https://www.w3.org/ns/did/v1' }, key('k2'));
    expect(s['@context']).toEqual(['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1']);
    const own = rotateDidWebDocument({ ...base(), '@context': 'https://uni.example/ctx' }, key('k2'));
    expect(own['@context']).toEqual(['https://uni.example/ctx', 'https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1']);
    const none = { ...base() } as Record<string, unknown>;
    delete none['@context'];
    expect(rotateDidWebDocument(none, key('k2'))['@context']).toEqual(['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1']);
    const j = rotateDidWebDocument(base(), rsa('r2'));
    expect(j['@context']).toEqual(['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1', 'https://w3id.org/security/jwk/v1']);
    expect(j.verificationMethod![0]).toEqual({ id: `${DID}#r2`, type: 'JsonWebKey', controller: DID, publicKeyJwk: { kty: 'RSA', n: 'nnn', e: 'AQAB' } });
  });
});

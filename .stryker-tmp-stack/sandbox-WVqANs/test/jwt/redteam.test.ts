// @ts-nocheck
// Red-team regressions for VC-JWT key binding: a key document must not be able to name a victim as its controller.
import { describe, expect, it } from 'vitest';
import { generateKeyPair, verifyCredential } from '../../src/index.js';
import { NOW, sampleCredential } from '../helpers.js';
import { check, failed, ob3Payload, signRaw } from './helpers.js';

const VICTIM = 'did:web:victim.example';
const only = (map: Record<string, unknown>) => async (url: string) => {
  if (url in map) return map[url];
  throw new Error(`404 ${url}`);
};

describe('VC-JWT: the controller a key document claims is not taken on its word', () => {
  it('a did:web kid whose method names the victim as controller is refused', async () => {
    const evil = await generateKeyPair({ seed: new Uint8Array(32).fill(7), controller: 'did:web:evil.example', id: 'did:web:evil.example#k' });
    const evilDoc = {
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: 'did:web:evil.example',
      verificationMethod: [{ id: evil.id, type: 'Multikey', controller: VICTIM, publicKeyMultibase: evil.publicKeyMultibase }],
      assertionMethod: [evil.id],
    };
    const jwt = await signRaw(ob3Payload(sampleCredential(VICTIM)), evil, { kid: evil.id });
    const r = await verifyCredential(jwt, { now: NOW, fetch: only({ 'https://evil.example/.well-known/did.json': evilDoc }) });
    expect(r.verified).toBe(false);
    expect(failed(r)).toContain('proof:ERR_PROOF_KEY_NOT_AUTHORIZED');
  });

  it('an https kid document claiming a victim controller (or victim id) does not bind to the victim', async () => {
    const evil = await generateKeyPair({ seed: new Uint8Array(32).fill(8) });
    const a = await signRaw(ob3Payload(sampleCredential(VICTIM)), evil, { kid: 'https://evil.example/key' });
    const ra = await verifyCredential(a, { now: NOW, fetch: only({ 'https://evil.example/key': { id: 'https://evil.example/key', controller: VICTIM, publicKeyMultibase: evil.publicKeyMultibase } }) });
    expect(check(ra, 'proof')?.status).toBe('passed');
    expect(failed(ra)).toEqual(['issuer:ERR_ISSUER_KEY_MISMATCH']);
    const b = await signRaw(ob3Payload(sampleCredential(VICTIM)), evil, { kid: 'https://evil.example/doc#k' });
    const rb = await verifyCredential(b, { now: NOW, fetch: only({ 'https://evil.example/doc': { id: VICTIM, verificationMethod: [{ id: '#k', publicKeyMultibase: evil.publicKeyMultibase }] } }) });
    expect(failed(rb)).toEqual(['issuer:ERR_ISSUER_KEY_MISMATCH']);
  });

  it('a claimed controller whose own document lists the https key is accepted', async () => {
    const key = await generateKeyPair({ seed: new Uint8Array(32).fill(9), controller: VICTIM, id: 'https://keys.example/k1' });
    const jwt = await signRaw(ob3Payload(sampleCredential(VICTIM)), key, { kid: key.id });
    const r = await verifyCredential(jwt, {
      now: NOW,
      documents: { [VICTIM]: { '@context': ['https://www.w3.org/ns/did/v1'], id: VICTIM, assertionMethod: [key.id] } },
      fetch: only({ 'https://keys.example/k1': { id: key.id, controller: VICTIM, publicKeyMultibase: key.publicKeyMultibase } }),
    });
    expect(failed(r)).toEqual([]);
    expect(check(r, 'issuer')?.status).toBe('passed');
  });
});

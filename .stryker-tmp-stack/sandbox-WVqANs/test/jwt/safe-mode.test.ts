// @ts-nocheck
// JSON-LD safe mode on the VC-JWT issuing path. A VC-JWT is not canonicalised when signed, so nothing in the signing
// itself notices a term no context defines; the explicit safe-mode expansion in issueCredential is the only guard.
// Rule (DEVELOPERS.md, "Rules we keep"): "JSON-LD safe mode stays on; every term we emit is defined by a bundled
// context". VC 2.0 §4.1 / §6.3 (JSON-LD processing): a property that does not map to an IRI is silently dropped by
// expansion, so its content would be carried in the token without being part of the credential's RDF meaning.
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { issueCredential, IssueError } from '../../src/index.js';
import { generateRsaKeyPair } from '../../src/keys/rsa.js';
import { ISSUED, sampleCredential, seededKey } from '../helpers.js';

describe('VC-JWT issuing refuses terms no context defines (safe mode)', () => {
  it('an undefined property deep in the subject: ERR_UNDEFINED_TERM naming it; nothing is issued', async () => {
    const key = await seededKey(7);
    const c = sampleCredential(key.controller);
    (c.credentialSubject.achievement as any).moodleCourseId = 42;
    const err = await issueCredential(c, { key, now: ISSUED, format: 'vc-jwt' }).then(
      (jwt) => ({ issued: jwt }),
      (e) => e,
    );
    expect(err).toBeInstanceOf(IssueError);
    expect(err.code).toBe('ERR_UNDEFINED_TERM');
    expect(err.details).toMatchObject({ property: 'moodleCourseId', paths: ['$.credentialSubject.achievement.moodleCourseId'] });
  });

  it('an undefined top-level property is refused with an RSA key too (the VC-JWT-only key type)', async () => {
    const key = await generateRsaKeyPair({ controller: 'did:web:uni.example' });
    const c = sampleCredential('did:web:uni.example');
    c.internalNote = 'not in any context';
    const err = await issueCredential(c, { key, now: ISSUED, format: 'vc-jwt' }).catch((e) => e);
    expect(err.code).toBe('ERR_UNDEFINED_TERM');
    expect(err.details).toMatchObject({ property: 'internalNote' });
  });

  it('control: the same credential without the extra term is issued, and the payload carries exactly its terms', async () => {
    const key = await seededKey(7);
    const c = sampleCredential(key.controller);
    const jwt = await issueCredential(c, { key, now: ISSUED, format: 'vc-jwt' });
    expect(jwt.split('.')).toHaveLength(3);
    const payload = decodeJwt(jwt) as Record<string, any>;
    expect(payload.credentialSubject.achievement.name).toBe(c.credentialSubject.achievement.name);
    expect(payload.credentialSubject.achievement.moodleCourseId).toBe(undefined);
  });
});

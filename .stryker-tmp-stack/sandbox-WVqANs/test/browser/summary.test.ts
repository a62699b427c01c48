// @ts-nocheck
// The page's reading of reports (src/verifier-page/summary.ts), in Node: verdicts, check order, what is shown from
// the signed-data view, images, trust lists, #vc= fragments.
import { describe, expect, it } from 'vitest';
import { issueCredential, verifyCredential } from '../../src/index.js';
import { displayState, fromFragment, orderChecks, parseTrustList, safeImage, summarize, text, verdictOf } from '../../src/verifier-page/summary.js';
import { pickLanguage, LANGUAGES, format } from '../../src/verifier-page/i18n/index.js';
import type { Check } from '../../src/verify/report.js';
import { ISSUED, NOW, sampleCredential, seededKey } from '../helpers.js';

const c = (id: string, status: Check['status'], code?: string): Check => ({ id, status, message: id, ...(code ? { code } : {}) });

describe('verifier page summary', () => {
  it('verdict: revoked / suspended from the status check, else verified iff the report is', () => {
    expect(verdictOf({ verified: false, checks: [c('proof', 'passed'), c('status', 'failed', 'ERR_STATUS_REVOKED')] })).toBe('revoked');
    expect(verdictOf({ verified: false, checks: [c('status', 'failed', 'ERR_STATUS_SUSPENDED')] })).toBe('suspended');
    expect(verdictOf({ verified: false, checks: [c('status', 'failed', 'ERR_STATUS_UNAVAILABLE')] })).toBe('not-verified');
    expect(verdictOf({ verified: true, checks: [c('proof', 'passed')] })).toBe('verified');
  });

  it('checks: a failed signature first, then other failures, then the rest in report order; three display states', () => {
    const checks = [c('format', 'passed'), c('validity', 'failed', 'ERR_EXPIRED'), c('schema', 'warning'), c('proof', 'failed', 'ERR_PROOF_INVALID'), c('status', 'skipped')];
    expect(orderChecks(checks).map((x) => x.id)).toEqual(['proof', 'validity', 'format', 'schema', 'status']);
    expect(checks.map(displayState)).toEqual(['passed', 'failed', 'passed', 'failed', 'skipped']);
  });

  it('reads the signed-data view: a hashed email learner, trust from the loaded list', async () => {
    const key = await seededKey(71);
    const cred = sampleCredential(key.controller);
    delete cred.credentialSubject.id;
    cred.credentialSubject.identifier = [{ type: ['IdentityObject'], identityType: 'emailAddress', hashed: true, identityHash: 'sha256$00', salt: 'pepper' }];
    const r = await verifyCredential(await issueCredential(cred, { key, now: ISSUED, skipSchema: true }), { now: NOW });
    const d = summarize(r, new Map([[key.controller, 'Uni of Example']]));
    expect(d.learner).toEqual({ kind: 'hashed', types: ['email'] });
    expect(d.trust).toBe('trusted');
    expect(d.trustedName).toBe('Uni of Example');
    expect(d.achievement).toBe('Data: how data is generated, processed, governed');
    expect(d.level).toBe('EQF 6');
    expect(summarize(r, new Map([['did:web:other.example', '']])).trust).toBe('untrusted');
    expect(summarize(r).trust).toBe('unchecked');
  });

  it('an unreadable credential (no view) shows nothing from its JSON', () => {
    const d = summarize({ verified: false, checks: [], warnings: [], credential: { name: 'claimed name', issuer: { name: 'Claimed Uni' } } });
    expect(d.achievement).toBeUndefined();
    expect(d.issuerName).toBeUndefined();
  });

  it('images: only data: URIs of images; text: strings and numbers only, controls replaced', () => {
    expect(safeImage({ id: 'data:image/png;base64,iVBORw0KGgo=' })).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(safeImage('https://tracker.example/pixel.png')).toBeUndefined();
    expect(safeImage('data:text/html;base64,PHNjcmlwdD4=')).toBeUndefined();
    expect(safeImage('javascript:alert(1)')).toBeUndefined();
    expect(text('a\u202eb\u0007')).toBe('a\ufffdb\ufffd');
    expect(text({ toString: () => 'x' })).toBeUndefined();
    expect(text(5)).toBe('5');
  });

  it('trust lists in every accepted shape', () => {
    expect([...parseTrustList('["did:web:a.example", {"id": "did:web:b.example", "name": "B"}]')]).toEqual([['did:web:a.example', ''], ['did:web:b.example', 'B']]);
    expect([...parseTrustList('{"issuers": ["did:web:a.example"]}')]).toEqual([['did:web:a.example', '']]);
    expect([...parseTrustList('{"did:web:a.example": "A"}')]).toEqual([['did:web:a.example', 'A']]);
    expect([...parseTrustList('# mine\ndid:web:a.example Uni A\nnot a did\n')]).toEqual([['did:web:a.example', 'Uni A']]);
  });

  it('#vc= fragments: URL-encoded JSON or JWT, or base64url JSON; anything else is ignored', () => {
    expect(fromFragment(`#vc=${encodeURIComponent('{"a":1}')}`)).toBe('{"a":1}');
    expect(fromFragment('#vc=aaa.bbb.ccc')).toBe('aaa.bbb.ccc');
    expect(fromFragment(`#vc=${Buffer.from('{"b":2}').toString('base64url')}`)).toBe('{"b":2}');
    expect(fromFragment('#vc=%E0%A4%A')).toBeUndefined();
    expect(fromFragment('#other=1')).toBeUndefined();
  });

  it('languages: every file has exactly the English keys; picked by primary subtag, else English', () => {
    const keys = Object.keys(LANGUAGES.en!).sort();
    for (const [lang, s] of Object.entries(LANGUAGES)) expect(Object.keys(s).sort(), lang).toEqual(keys);
    expect(Object.keys(LANGUAGES).sort()).toEqual(['bn', 'de', 'en', 'vi']);
    expect(pickLanguage(['fr-FR', 'de-AT', 'en'])).toBe('de');
    expect(pickLanguage(['bn-IN'])).toBe('bn');
    expect(pickLanguage(['ja'])).toBe('en');
    expect(format('{n} of {total}', { n: 1, total: 2 })).toBe('1 of 2');
  });
});

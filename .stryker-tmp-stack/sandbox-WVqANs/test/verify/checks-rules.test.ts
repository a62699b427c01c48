// @ts-nocheck
// Issue 21 (mutation area `verify-checks`): the validity-period and issuer checks of the verify path, called directly
// with a hand-made view of the signed data (no signing, no JSON-LD), each rule on literal dates and ids.
//
// VC Data Model v2.0 §4.9 Validity Period: validFrom "MUST be a [XMLSCHEMA11-2] dateTimeStamp string value
// representing the date and time the credential becomes valid"; validUntil "… the date and time the credential ceases
// to be valid". VC Data Model v1.1 §4.6: "A credential MUST have an issuanceDate property"; §4.7 expirationDate.
// VerifyOptions.maxClockSkew: "Seconds of clock skew tolerated for validFrom/validUntil (default 0)" — it widens the
// window on both sides, never narrows it.
import { describe, expect, it } from 'vitest';
import { checkIssuer } from '../../src/verify/checks/issuer.js';
import { checkValidity } from '../../src/verify/checks/validity.js';
import type { VerifyContext, VerifyOptions } from '../../src/verify/options.js';
import type { CredentialView } from '../../src/verify/view.js';

const NOW = '2026-06-01T12:00:00.000Z';
const at = (seconds: number) => new Date(Date.parse(NOW) + seconds * 1000).toISOString().replace('.000Z', 'Z');
const view = (p: Partial<CredentialView> = {}): CredentialView => ({ document: {}, vcVersion: 2, types: ['VerifiableCredential'], credentialSubject: [], ...p });
const ctx = (opts: VerifyOptions = {}): VerifyContext =>
  ({ now: new Date(NOW), opts, loader: async () => { throw new Error('no loading here'); }, depth: 0, forkLoader: () => { throw new Error('no loading here'); }, statusLists: new Map() }) as VerifyContext;
const codes = (checks: Array<{ status: string; code?: string }>) => checks.map((c) => [c.status, c.code]);

describe('validity period (VC 2.0 §4.9, VC 1.1 §4.6–4.7)', () => {
  it('inside the window → one passed check naming the period', () => {
    expect(checkValidity(view({ validFrom: '2026-01-01T00:00:00Z', validUntil: '2027-01-01T00:00:00Z' }), ctx())).toEqual([
      { id: 'validity', status: 'passed', message: 'valid 2026-01-01T00:00:00Z … 2027-01-01T00:00:00Z' },
    ]);
    expect(checkValidity(view({ validFrom: '2026-01-01T00:00:00Z' }), ctx())).toEqual([{ id: 'validity', status: 'passed', message: 'valid 2026-01-01T00:00:00Z … no end' }]);
  });

  it('valid from the instant of validFrom and up to the instant of validUntil (both ends included)', () => {
    expect(codes(checkValidity(view({ validFrom: at(0), validUntil: at(0) }), ctx()))).toEqual([['passed', undefined]]);
    expect(checkValidity(view({ validFrom: at(1) }), ctx())).toEqual([
      { id: 'validity', status: 'failed', code: 'ERR_NOT_YET_VALID', message: `not valid before ${at(1)} (validFrom; now ${NOW})` },
    ]);
    expect(checkValidity(view({ validFrom: at(-10), validUntil: at(-1) }), ctx())).toEqual([
      { id: 'validity', status: 'failed', code: 'ERR_EXPIRED', message: `expired at ${at(-1)} (validUntil; now ${NOW})` },
    ]);
  });

  it('maxClockSkew widens the window by exactly that many seconds on each side', () => {
    const skew = ctx({ maxClockSkew: 300 });
    expect(codes(checkValidity(view({ validFrom: at(300) }), skew))).toEqual([['passed', undefined]]);
    expect(codes(checkValidity(view({ validFrom: at(301) }), skew))).toEqual([['failed', 'ERR_NOT_YET_VALID']]);
    expect(codes(checkValidity(view({ validFrom: at(-600), validUntil: at(-300) }), skew))).toEqual([['passed', undefined]]);
    expect(codes(checkValidity(view({ validFrom: at(-600), validUntil: at(-301) }), skew))).toEqual([['failed', 'ERR_EXPIRED']]);
  });

  // fail closed: NaN (e.g. Number('x')) made every date comparison false, so an expired credential passed; Infinity would
  // switch the dates off. Neither is a number of seconds.
  it('a negative, non-finite or non-numeric maxClockSkew tolerates nothing (it never narrows or removes the window)', () => {
    for (const maxClockSkew of [-300, Number.NaN, Number.POSITIVE_INFINITY, 'x' as unknown as number]) {
      const c = ctx({ maxClockSkew });
      expect(codes(checkValidity(view({ validFrom: at(-100), validUntil: at(100) }), c)), String(maxClockSkew)).toEqual([['passed', undefined]]);
      expect(codes(checkValidity(view({ validFrom: at(1) }), c)), String(maxClockSkew)).toEqual([['failed', 'ERR_NOT_YET_VALID']]);
      expect(codes(checkValidity(view({ validFrom: at(-10), validUntil: at(-1) }), c)), String(maxClockSkew)).toEqual([['failed', 'ERR_EXPIRED']]);
    }
    // a numeric string is a number of seconds
    expect(codes(checkValidity(view({ validFrom: at(60) }), ctx({ maxClockSkew: '60' as unknown as number })))).toEqual([['passed', undefined]]);
  });

  it('a date that is not a dateTimeStamp is ERR_DATE_INVALID, and does not hide an expired end date', () => {
    expect(checkValidity(view({ validFrom: '2026-01-01T00:00:00', validUntil: at(-1) }), ctx())).toEqual([
      { id: 'validity', status: 'failed', code: 'ERR_DATE_INVALID', message: 'validFrom is not a valid date-time with time zone: "2026-01-01T00:00:00"' },
      { id: 'validity', status: 'failed', code: 'ERR_EXPIRED', message: `expired at ${at(-1)} (validUntil; now ${NOW})` },
    ]);
    // every date property is judged, each by its own name
    expect(checkValidity(view({ validFrom: at(-1), issuanceDate: 5, validUntil: 'tomorrow', expirationDate: at(9) }), ctx()).map((c) => c.message)).toEqual([
      'issuanceDate is not a valid date-time with time zone: 5',
      'validUntil is not a valid date-time with time zone: "tomorrow"',
    ]);
    // an unusable date is not compared: an invalid validFrom in the future-looking form is not also "not yet valid"
    expect(codes(checkValidity(view({ validFrom: '2999-13-01T00:00:00Z' }), ctx()))).toEqual([['failed', 'ERR_DATE_INVALID']]);
    expect(codes(checkValidity(view({ validFrom: at(-1), validUntil: '1999-13-01T00:00:00Z' }), ctx()))).toEqual([['failed', 'ERR_DATE_INVALID']]);
  });

  it('not yet valid and expired at once → both failures', () => {
    expect(codes(checkValidity(view({ validFrom: at(10), validUntil: at(-10) }), ctx()))).toEqual([
      ['failed', 'ERR_NOT_YET_VALID'],
      ['failed', 'ERR_EXPIRED'],
    ]);
  });

  it('VC 2.0: the 1.1 names are honoured too (issuanceDate in the future, expirationDate in the past), validFrom first', () => {
    expect(checkValidity(view({ validFrom: at(-10), issuanceDate: at(20) }), ctx())[0]!.message).toBe(`not valid before ${at(20)} (issuanceDate; now ${NOW})`);
    expect(checkValidity(view({ validFrom: at(10), issuanceDate: at(20) }), ctx())[0]!.message).toBe(`not valid before ${at(10)} (validFrom; now ${NOW})`);
    expect(checkValidity(view({ validFrom: at(-10), expirationDate: at(-1) }), ctx())[0]!.message).toBe(`expired at ${at(-1)} (expirationDate; now ${NOW})`);
    expect(checkValidity(view({ validFrom: at(-10), validUntil: at(-2), expirationDate: at(-1) }), ctx())[0]!.message).toBe(`expired at ${at(-2)} (validUntil; now ${NOW})`);
    expect(checkValidity(view({ validFrom: at(-10), issuanceDate: at(-20), validUntil: at(5) }), ctx())[0]!.message).toBe(`valid ${at(-10)} … ${at(5)}`);
  });

  it('VC 2.0 without validFrom → W_NO_VALID_FROM (Open Badges 3.0 requires it), even with an issuanceDate', () => {
    const w = [{ id: 'validity', status: 'warning', code: 'W_NO_VALID_FROM', message: 'no validFrom (Open Badges 3.0 requires it)' }];
    expect(checkValidity(view(), ctx())).toEqual(w);
    expect(checkValidity(view({ issuanceDate: at(-10), validUntil: at(10) }), ctx())).toEqual(w);
  });

  it('VC 1.1: issuanceDate is required and read first; validFrom is not required', () => {
    const v1 = (p: Partial<CredentialView>) => view({ vcVersion: 1, ...p });
    expect(checkValidity(v1({ validFrom: at(-10) }), ctx())).toEqual([{ id: 'validity', status: 'failed', code: 'ERR_DATE_MISSING', message: 'VC 1.1 credential without issuanceDate' }]);
    expect(checkValidity(v1({ issuanceDate: at(-10), expirationDate: at(10) }), ctx())).toEqual([{ id: 'validity', status: 'passed', message: `valid ${at(-10)} … ${at(10)}` }]);
    expect(checkValidity(v1({ issuanceDate: at(-10), validFrom: at(-20), validUntil: at(3), expirationDate: at(4) }), ctx())[0]!.message).toBe(`valid ${at(-10)} … ${at(4)}`);
    expect(checkValidity(v1({ issuanceDate: at(20), validFrom: at(10) }), ctx())[0]!.message).toBe(`not valid before ${at(20)} (issuanceDate; now ${NOW})`);
    expect(checkValidity(v1({ issuanceDate: at(-20), validUntil: at(-2), expirationDate: at(-1) }), ctx())[0]!.message).toBe(`expired at ${at(-1)} (expirationDate; now ${NOW})`);
    // VC 1.1 validUntil in the past is expired too (the 1.1 context maps it to the VC 2.0 IRI)
    expect(codes(checkValidity(v1({ issuanceDate: at(-20), validUntil: at(-2) }), ctx()))).toEqual([['failed', 'ERR_EXPIRED']]);
  });
});

// VC Data Model v2.0 §4.7 Issuer: "The value of the issuer property MUST be either a URL, or an object containing an id
// property whose value is a URL". 1EdTech OB 3.0 key provenance: the issuer controls the key that signed it.
describe('issuer (VC 2.0 §4.7; the issuer controls the signing key; trustedIssuers)', () => {
  const ISS = 'did:web:uni.example';
  const proofs = (controllers: string[]) => ({ checks: [], controllers, unresolved: false });

  it('missing → ERR_ISSUER_MISSING; not a URI → ERR_ISSUER_INVALID (quoted at most 80 characters)', () => {
    expect(checkIssuer(view(), proofs([ISS]), ctx())).toEqual([{ id: 'issuer', status: 'failed', code: 'ERR_ISSUER_MISSING', message: 'issuer (or issuer.id) is missing' }]);
    expect(checkIssuer(view({ issuerId: '' }), proofs([ISS]), ctx())).toMatchObject([{ code: 'ERR_ISSUER_MISSING' }]);
    const long = `uni example ${'x'.repeat(100)}`;
    expect(checkIssuer(view({ issuerId: long }), proofs([long]), ctx())).toEqual([{ id: 'issuer', status: 'failed', code: 'ERR_ISSUER_INVALID', message: `issuer id is not a URI: ${long.slice(0, 80)}` }]);
    for (const bad of ['1uni:x', 'uni:', 'uni: x', 'did:web:uni .example', ' did:web:uni.example', 'did:web:uni.example ', 'un_i:x']) {
      expect(checkIssuer(view({ issuerId: bad }), proofs([bad]), ctx()), bad).toMatchObject([{ code: 'ERR_ISSUER_INVALID' }]);
    }
    for (const good of ['urn:uuid:1', 'HTTPS://uni.example', 'x-y.z+w:1', ISS]) {
      expect(codes(checkIssuer(view({ issuerId: good }), proofs([good]), ctx())), good).toEqual([['passed', undefined]]);
    }
  });

  it('controls the key → passed; and trusted when a trust list names it', () => {
    expect(checkIssuer(view({ issuerId: ISS }), proofs([ISS]), ctx())).toEqual([{ id: 'issuer', status: 'passed', message: `${ISS} controls the signing key` }]);
    expect(checkIssuer(view({ issuerId: ISS }), proofs([ISS]), ctx({ trustedIssuers: ['did:web:other.example', ISS] }))).toEqual([
      { id: 'issuer', status: 'passed', message: `${ISS} controls the signing key and is trusted` },
    ]);
  });

  it('not in trustedIssuers (an empty list trusts no one) → ERR_ISSUER_UNTRUSTED, and the key is still compared', () => {
    expect(checkIssuer(view({ issuerId: ISS }), proofs([ISS]), ctx({ trustedIssuers: [] }))).toEqual([
      { id: 'issuer', status: 'failed', code: 'ERR_ISSUER_UNTRUSTED', message: `issuer ${ISS} is not in trustedIssuers` },
    ]);
    expect(codes(checkIssuer(view({ issuerId: ISS }), proofs(['did:key:z6Mkx']), ctx({ trustedIssuers: ['did:web:other.example'] })))).toEqual([
      ['failed', 'ERR_ISSUER_UNTRUSTED'],
      ['failed', 'ERR_ISSUER_KEY_MISMATCH'],
    ]);
  });

  it('no verified proof → skipped; every signer foreign → ERR_ISSUER_KEY_MISMATCH; some foreign → W_EXTRA_SIGNER', () => {
    expect(checkIssuer(view({ issuerId: ISS }), proofs([]), ctx())).toEqual([
      { id: 'issuer', status: 'skipped', code: 'SKIP_NO_VERIFIED_PROOF', message: `no verified proof to compare the issuer ${ISS} with` },
    ]);
    expect(checkIssuer(view({ issuerId: ISS }), proofs(['did:key:z6Mka', 'did:key:z6Mkb']), ctx())).toEqual([
      { id: 'issuer', status: 'failed', code: 'ERR_ISSUER_KEY_MISMATCH', message: `issuer ${ISS} does not control the signing key (controller did:key:z6Mka)` },
    ]);
    expect(checkIssuer(view({ issuerId: ISS }), proofs(['did:key:z6Mka', ISS, 'did:key:z6Mka', 'did:key:z6Mkb']), ctx())).toEqual([
      { id: 'issuer', status: 'warning', code: 'W_EXTRA_SIGNER', message: 'also signed by did:key:z6Mka, did:key:z6Mkb, which is not the issuer' },
    ]);
  });
});

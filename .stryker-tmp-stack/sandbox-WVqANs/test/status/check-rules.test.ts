// @ts-nocheck
// Issue 21 (mutation area `status-check-rules`): checkCredentialStatus end to end on its own — loading the list through
// the caller's loader, the nested verification verdict, dispatch on the entry type, the 1EdTech revocation list, targets,
// fail-closed settling — with a stub loader, a stub nested verifier and hand-made (unsigned) list credentials: no
// signing, no JSON-LD. The entry semantics (dates, binding, bits) have their own rule test (entry-rules.test.ts).
// W3C Bitstring Status List v1.0 §3.2: "Dereference the statusListCredential URL, and ensure that all proofs verify
// successfully. [...] If any of the proof verifications fail, raise a STATUS_VERIFICATION_ERROR"; a list that cannot
// be retrieved is a STATUS_RETRIEVAL_ERROR. credstack fails closed: a status that cannot be determined is not verified
// unless the caller accepts it (`undetermined: 'skip'`). §2.2 (list): type BitstringStatusListCredential, a
// credentialSubject of type BitstringStatusList; encodedList = multibase "u" + base64url(GZIP(bitstring)) (§2.1, §3.1).
import { gzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DocumentLoader } from '../../src/jsonld/loader.js';
import { checkCredentialStatus, type StatusCheckContext } from '../../src/status/check.js';
import { findRevoked, readRevocationList, readStatusCredential, readStatusEntries, readStatusEntry, readStatusList } from '../../src/status/read.js';
import type { Check, VerificationReport } from '../../src/verify/report.js';

// the decoder, wrapped: to count decodings (one per list and reading) and to make it throw what a decoder might
const decodeCtl = vi.hoisted(() => ({ calls: 0, throwing: false, value: undefined as unknown }));
vi.mock('../../src/status/decode.js', async (importOriginal) => {
  const orig = await importOriginal<typeof import('../../src/status/decode.js')>();
  return {
    ...orig,
    decodeBitstring: (...args: Parameters<typeof orig.decodeBitstring>) => {
      decodeCtl.calls++;
      if (decodeCtl.throwing) throw decodeCtl.value;
      return orig.decodeBitstring(...args);
    },
  };
});
beforeEach(() => {
  decodeCtl.calls = 0;
  decodeCtl.throwing = false;
});

const LIST = 'https://uni.example/status/1';
const RL = 'https://uni.example/revoked.json';
const ISS = 'did:web:uni.example';
const CID = 'urn:uuid:0b1c2d3e-0000-4000-8000-000000000001';
const NOW = new Date('2026-06-01T00:00:00Z');
const LEN = 131_072; // the spec minimum (§3.2 herd privacy): no W_STATUS_LIST_SHORT

/** multibase "u" + base64url(gzip(bits)) with the given indexes set (index 0 = left-most bit of byte 0, §3.1). */
function encoded(set: number[] = [], bytes = LEN / 8, prefix = 'u'): string {
  const b = new Uint8Array(bytes);
  for (const i of set) b[i >> 3]! |= 0x80 >> (i & 7);
  return prefix + Buffer.from(gzipSync(b)).toString('base64url');
}
const listCred = (p: Record<string, unknown> = {}, subject: Record<string, unknown> = {}) => ({
  id: LIST,
  type: ['VerifiableCredential', 'BitstringStatusListCredential'],
  issuer: ISS,
  validFrom: '2026-01-01T00:00:00Z',
  credentialSubject: { id: `${LIST}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: encoded(), ...subject },
  ...p,
});
const entry = (p: Record<string, unknown> = {}) => ({ id: `${LIST}#5`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '5', statusListCredential: LIST, ...p });
const cred = (status: unknown, p: Record<string, unknown> = {}) => ({ id: CID, issuer: { id: ISS }, credentialStatus: status, ...p });

const proofPassed: Check = { id: 'proof', status: 'passed', message: 'proof verified' };
const report = (checks: Check[] = [proofPassed], extra: Partial<VerificationReport> = {}): VerificationReport => ({
  verified: !checks.some((c) => c.status === 'failed'), checks, warnings: checks.filter((c) => c.status === 'warning'), ...extra,
});

/** A loader serving `docs` by URL; any other URL fails like the offline loader (no code). */
function loaderOf(docs: Record<string, unknown>, calls: string[] = []): DocumentLoader {
  return async (url: string) => {
    calls.push(url);
    if (!(url in docs)) throw Object.assign(new Error(`${url} not offline`), { code: 'ERR_DOCUMENT_NOT_FOUND' });
    return { contextUrl: null, documentUrl: url, document: docs[url] };
  };
}
const failing = (err: unknown): DocumentLoader => async () => {
  throw err;
};
const ctxOf = (p: Partial<StatusCheckContext> = {}): StatusCheckContext => ({
  now: NOW, loader: loaderOf({ [LIST]: listCred() }), verifyList: async () => report(), ...p,
});
const run = (status: unknown, p: Partial<StatusCheckContext> = {}, c: Record<string, unknown> = {}) => checkCredentialStatus(cred(status, c), ctxOf(p));

const passed = (target = `${LIST}#5`, index = 5) => ({ id: 'status', status: 'passed', code: 'STATUS_VALID', message: `not revoked (Bitstring Status List, index ${index} of ${LIST})`, target });
const unknown = (m: string) => `revocation status unknown, so the credential is not verified: ${m} (to accept unchecked status, verify with status: 'allow-unavailable')`;
const skipped = (m: string) => `status not checked (the caller accepts that): ${m}`;

describe('checkCredentialStatus: the entries', () => {
  it('a clear bit of an authentic list passes; a set bit is ERR_STATUS_REVOKED', async () => {
    expect(await run(entry())).toEqual([passed()]);
    const loader = loaderOf({ [LIST]: listCred({}, { encodedList: encoded([5]) }) });
    expect(await run(entry(), { loader })).toEqual([{ id: 'status', status: 'failed', code: 'ERR_STATUS_REVOKED', message: `the issuer revoked this credential (index 5 of ${LIST})`, target: `${LIST}#5` }]);
  });

  it('credentialStatus absent, null or an empty array is malformed (VC Data Model: an object or a non-empty array)', async () => {
    const empty = [{ id: 'status', status: 'failed', code: 'ERR_STATUS_ENTRY_MALFORMED', message: 'credentialStatus is empty: it must be an object or a non-empty array' }];
    for (const s of [undefined, null, []]) expect(await run(s), String(s)).toEqual(empty);
    // no credential at all: the same refusal, never a throw
    expect(await checkCredentialStatus(null as unknown as Record<string, unknown>, ctxOf())).toEqual(empty);
  });

  it('at most 16 entries: 17 are refused before any list is loaded', async () => {
    const calls: string[] = [];
    const loader = loaderOf({ [LIST]: listCred() }, calls);
    const many = (n: number) => Array.from({ length: n }, (_, i) => entry({ id: `${LIST}#${i}`, statusListIndex: String(i) }));
    expect(await run(many(17), { loader })).toEqual([{ id: 'status', status: 'failed', code: 'ERR_STATUS_TOO_MANY_ENTRIES', message: '17 credentialStatus entries: more than 16 are refused' }]);
    expect(calls).toEqual([]);
    const sixteen = await run(many(16), { loader });
    expect(sixteen).toHaveLength(16);
    expect(sixteen.every((c) => c.code === 'STATUS_VALID')).toBe(true);
    expect(sixteen[15]).toEqual(passed(`${LIST}#15`, 15));
  });

  it('an entry that is not an object is malformed; the others are still checked', async () => {
    const bad = (i: number) => ({ id: 'status', status: 'failed', code: 'ERR_STATUS_ENTRY_MALFORMED', message: 'a credentialStatus entry must be an object', target: `credentialStatus[${i}]` });
    expect(await run([null, 'x', [entry()], 7, entry()])).toEqual([bad(0), bad(1), bad(2), bad(3), passed()]);
    // a lone non-object value is one entry
    expect(await run('https://uni.example/status/1#5')).toEqual([bad(0)]);
  });

  it('target: the entry id (≤ 300 characters), else statusListCredential#statusListIndex (cut to 280 / 20), else its position', async () => {
    const noId = entry({ id: undefined });
    expect((await run(noId))[0]!.target).toBe(`${LIST}#5`);
    const longId = `${LIST}#${'x'.repeat(300 - LIST.length - 1)}`;
    expect(longId).toHaveLength(300);
    expect((await run(entry({ id: longId })))[0]!.target).toBe(longId);
    expect((await run(entry({ id: `${longId}y` })))[0]!.target).toBe(`${LIST}#5`);
    expect((await run(entry({ id: 7 })))[0]!.target).toBe(`${LIST}#5`);
    // cut: a statusListCredential of 300 characters, an index of 30 digits (both malformed here, the target still names them)
    const longUrl = `https://uni.example/${'u'.repeat(280)}`;
    const t = (await run(entry({ id: undefined, statusListCredential: longUrl, statusListIndex: '1'.repeat(30) })))[0]!.target;
    expect(t).toBe(`${longUrl.slice(0, 280)}#${'1'.repeat(20)}`);
    // neither an id nor both strings: the position in credentialStatus
    expect((await run([entry(), entry({ id: undefined, statusListIndex: 5 })]))[1]!.target).toBe('credentialStatus[1]');
    expect((await run([entry(), entry({ id: undefined, statusListCredential: undefined })]))[1]!.target).toBe('credentialStatus[1]');
  });

  it('a check that cannot complete is ERR_STATUS_CHECK, never a throw and never a pass', async () => {
    const verifyList = async () => ({}) as VerificationReport; // no checks array: judging it throws
    expect(await run(entry(), { verifyList })).toEqual([{ id: 'status', status: 'failed', code: 'ERR_STATUS_CHECK', message: 'the status check could not complete', target: `${LIST}#5` }]);
    // even when the caller accepts an undetermined status
    expect(await run(entry(), { verifyList, undetermined: 'skip' })).toEqual([{ id: 'status', status: 'failed', code: 'ERR_STATUS_CHECK', message: 'the status check could not complete', target: `${LIST}#5` }]);
  });
});

describe('dispatch on the entry type', () => {
  it('StatusList2021Entry reads a StatusList2021Credential; its encodedList may lack the multibase "u"', async () => {
    const l = listCred({ type: ['VerifiableCredential', 'StatusList2021Credential'] }, { type: 'StatusList2021', encodedList: encoded([], LEN / 8, '') });
    const out = await run(entry({ type: 'StatusList2021Entry' }), { loader: loaderOf({ [LIST]: l }) });
    expect(out).toEqual([{ id: 'status', status: 'passed', code: 'STATUS_VALID', message: `not revoked (StatusList2021, index 5 of ${LIST})`, target: `${LIST}#5` }]);
    // the first known type wins, whatever else the entry says
    const both = await run(entry({ type: ['Foo', 'StatusList2021Entry', '1EdTechRevocationList'] }), { loader: loaderOf({ [LIST]: l }) });
    expect(both).toMatchObject([{ code: 'STATUS_VALID', message: `not revoked (StatusList2021, index 5 of ${LIST})` }]);
  });

  it('a bitstring entry type comes before 1EdTechRevocationList, which comes before the recognised drafts', async () => {
    expect(await run(entry({ type: ['1EdTechRevocationList', 'BitstringStatusListEntry'] }))).toEqual([passed()]);
    const loader = loaderOf({ [RL]: { revokedCredentials: [] } });
    expect(await run({ id: RL, type: ['RevocationList2020Status', '1EdTechRevocationList'] }, { loader })).toMatchObject([{ code: 'W_STATUS_LIST_UNSIGNED' }]);
  });

  it('RevocationList2020 / 2021 are recognised and not checked: undetermined (fails closed)', async () => {
    const m2020 = 'RevocationList2020 (a superseded W3C CCG draft) is not checked; ask the issuer for a BitstringStatusListEntry';
    const m2021 = 'RevocationList2021 (a superseded W3C CCG draft) is not checked; ask the issuer for a BitstringStatusListEntry';
    expect(await run({ id: 'https://x.example/rl#1', type: 'RevocationList2020Status' })).toEqual([{ id: 'status', status: 'failed', code: 'ERR_STATUS_UNSUPPORTED', message: unknown(m2020), target: 'https://x.example/rl#1' }]);
    expect(await run({ id: 'https://x.example/rl#1', type: ['Foo', 'RevocationList2021Status'] })).toMatchObject([{ code: 'ERR_STATUS_UNSUPPORTED', message: unknown(m2021) }]);
  });

  it('an unknown type names the types (string ones, quoted, cut to 80 characters), or "none"', async () => {
    const m = (t: string) => `credentialStatus type ${t} is not a status method credstack can check`;
    expect(await run({ type: ['Foo', 5, 'Bar'] })).toEqual([{ id: 'status', status: 'failed', code: 'ERR_STATUS_UNSUPPORTED', message: unknown(m('"Foo", "Bar"')), target: 'credentialStatus[0]' }]);
    expect((await run({ id: 'urn:x:1' }))[0]!.message).toBe(unknown(m('none')));
    const long = 'T'.repeat(100);
    expect((await run({ type: long }))[0]!.message).toBe(unknown(m(`"${'T'.repeat(80)}"`)));
  });
});

describe('fail closed: undetermined status (spec §3.2 STATUS_RETRIEVAL_ERROR)', () => {
  const offline = `status list credential ${LIST} is not available offline; pass it in \`documents\` (or give an explicit \`fetch\`)`;

  it('a list the loader does not have: ERR_STATUS_UNAVAILABLE, or skipped with one W_STATUS_UNCHECKED when the caller accepts it', async () => {
    const loader = loaderOf({});
    expect(await run(entry(), { loader })).toEqual([{ id: 'status', status: 'failed', code: 'ERR_STATUS_UNAVAILABLE', message: unknown(offline), target: `${LIST}#5` }]);
    // any other value than 'skip' fails
    expect(await run(entry(), { loader, undetermined: 'bogus' as 'fail' })).toMatchObject([{ status: 'failed', code: 'ERR_STATUS_UNAVAILABLE' }]);
    expect(await run(entry(), { loader, undetermined: 'skip' })).toEqual([
      { id: 'status', status: 'skipped', code: 'SKIP_STATUS_UNAVAILABLE', message: skipped(offline), target: `${LIST}#5` },
      { id: 'status', status: 'warning', code: 'W_STATUS_UNCHECKED', message: "1 status entry could not be checked and the caller accepted that (status: 'allow-unavailable'): whether the credential was revoked is unknown" },
    ]);
  });

  it('W_STATUS_UNCHECKED counts the skipped entries, after every entry; none when all were determined', async () => {
    const loader = loaderOf({ [LIST]: listCred() });
    const out = await run([{ type: 'Foo' }, entry(), entry({ id: 'https://other.example/l#1', statusListCredential: 'https://other.example/l' })], { loader, undetermined: 'skip' });
    expect(out.map((c) => c.code)).toEqual(['SKIP_STATUS_UNSUPPORTED', 'STATUS_VALID', 'SKIP_STATUS_UNAVAILABLE', 'W_STATUS_UNCHECKED']);
    expect(out[3]).toEqual({ id: 'status', status: 'warning', code: 'W_STATUS_UNCHECKED', message: "2 status entries could not be checked and the caller accepted that (status: 'allow-unavailable'): whether the credential was revoked is unknown" });
    expect(await run(entry(), { loader, undetermined: 'skip' })).toEqual([passed()]);
    // failing closed, nothing is counted: no warning
    expect((await run([{ type: 'Foo' }], { loader })).map((c) => c.code)).toEqual(['ERR_STATUS_UNSUPPORTED']);
  });

  it('loader errors: invalid JSON and a document limit fail (never skipped); fetch failures and refused URLs are undetermined', async () => {
    const e = (code: string | undefined, message = 'boom') => Object.assign(new Error(message), code ? { code } : {});
    const one = async (err: unknown, undetermined: 'fail' | 'skip' = 'skip') => (await run(entry(), { loader: failing(err), undetermined }))[0];
    expect(await one(e('ERR_DOCUMENT_INVALID'))).toEqual({ id: 'status', status: 'failed', code: 'ERR_STATUS_LIST_INVALID', message: `status list credential ${LIST} is not valid JSON`, target: `${LIST}#5` });
    expect(await one(e('ERR_DOCUMENT_LIMIT', 'more than 100 documents'))).toEqual({ id: 'status', status: 'failed', code: 'ERR_DOCUMENT_LIMIT', message: `status list credential ${LIST} not loaded: more than 100 documents`, target: `${LIST}#5` });
    expect(await one(e('ERR_DOCUMENT_FETCH_FAILED', 'HTTP 404'))).toMatchObject({ status: 'skipped', code: 'SKIP_STATUS_UNAVAILABLE', message: skipped(`fetching status list credential ${LIST} failed (HTTP 404)`) });
    expect(await one(e('ERR_DOCUMENT_FETCH_FAILED', 'HTTP 404'), 'fail')).toMatchObject({ status: 'failed', code: 'ERR_STATUS_UNAVAILABLE', message: unknown(`fetching status list credential ${LIST} failed (HTTP 404)`) });
    expect(await one(e('ERR_DOCUMENT_URL_REFUSED', 'private address'))).toMatchObject({ code: 'SKIP_STATUS_UNAVAILABLE', message: skipped(`status list credential ${LIST} was not fetched: private address`) });
    expect(await one(e(undefined))).toMatchObject({ code: 'SKIP_STATUS_UNAVAILABLE', message: skipped(offline) });
    // the loader's message is quoted at most 200 characters long; a thrown non-error has none
    const long = 'm'.repeat(300);
    expect(await one(e('ERR_DOCUMENT_FETCH_FAILED', long))).toMatchObject({ message: skipped(`fetching status list credential ${LIST} failed (${'m'.repeat(200)})`) });
    expect(await one({ code: 'ERR_DOCUMENT_FETCH_FAILED', message: 42 })).toMatchObject({ message: skipped(`fetching status list credential ${LIST} failed (unknown error)`) });
    expect(await one(null)).toMatchObject({ code: 'SKIP_STATUS_UNAVAILABLE', message: skipped(offline) });
    expect(await one('a string')).toMatchObject({ code: 'SKIP_STATUS_UNAVAILABLE', message: skipped(offline) });
  });
});

describe('the nested verification verdict (spec §3.2: all proofs of the list must verify)', () => {
  const failed = (id: Check['id'], code: string | undefined, message = 'no'): Check => ({ id, status: 'failed', ...(code ? { code } : {}), message });
  const verdict = async (checks: Check[], undetermined: 'fail' | 'skip' = 'skip', l: unknown = listCred()) =>
    run(entry(), { loader: loaderOf({ [LIST]: l }), verifyList: async () => report(checks), undetermined });

  it('a failed proof is ERR_STATUS_LIST_UNVERIFIED — failed, even when the caller accepts undetermined status', async () => {
    const checks = [failed('proof', 'ERR_SIGNATURE_INVALID', 'signature does not verify')];
    const m = `status list ${LIST} does not verify (tampered or not signed by its issuer): proof: ERR_SIGNATURE_INVALID signature does not verify`;
    expect(await verdict(checks)).toEqual([{ id: 'status', status: 'failed', code: 'ERR_STATUS_LIST_UNVERIFIED', message: m, target: `${LIST}#5` }]);
    expect(await verdict(checks, 'fail')).toEqual([{ id: 'status', status: 'failed', code: 'ERR_STATUS_LIST_UNVERIFIED', message: m, target: `${LIST}#5` }]);
    // nothing in an unverified list is read: a set bit is not reported either
    expect(await verdict(checks, 'skip', listCred({}, { encodedList: encoded([5]) }))).toMatchObject([{ code: 'ERR_STATUS_LIST_UNVERIFIED' }]);
    // a failed proof beside a passed one still fails ("all proofs")
    expect(await verdict([proofPassed, ...checks])).toMatchObject([{ code: 'ERR_STATUS_LIST_UNVERIFIED', message: m }]);
  });

  it('a key that cannot be resolved is a failure too, said so when it is the only reason', async () => {
    const key = failed('proof', 'ERR_KEY_UNAVAILABLE', 'did:web:uni.example not resolvable');
    expect(await verdict([key])).toEqual([{
      id: 'status', status: 'failed', code: 'ERR_STATUS_LIST_UNVERIFIED', target: `${LIST}#5`,
      message: `status list ${LIST} does not verify (the key that signed it cannot be resolved, so nothing shows it was not altered): proof: ERR_KEY_UNAVAILABLE did:web:uni.example not resolvable`,
    }]);
    // with another failure beside it, or the same code on another check: "tampered"
    const other = failed('structure', 'ERR_KEY_UNAVAILABLE', 'x');
    expect((await verdict([key, other]))[0]!.message).toContain('(tampered or not signed by its issuer)');
    expect((await verdict([other]))[0]!.message).toContain('(tampered or not signed by its issuer)');
    expect((await verdict([key, failed('proof', 'ERR_SIGNATURE_INVALID')]))[0]!.message).toContain('(tampered or not signed by its issuer)');
  });

  it('the message names the first three failures, each cut to 200 characters, and a missing code as nothing', async () => {
    const fs = [failed('proof', 'ERR_A', 'a'), failed('structure', undefined, 'b'), failed('context', 'ERR_C', 'c'), failed('proof', 'ERR_D', 'd')];
    expect((await verdict(fs))[0]!.message).toBe(`status list ${LIST} does not verify (tampered or not signed by its issuer): proof: ERR_A a; structure:  b; context: ERR_C c`);
    const long = failed('proof', 'ERR_A', 'z'.repeat(300));
    expect((await verdict([long]))[0]!.message).toBe(`status list ${LIST} does not verify (tampered or not signed by its issuer): ${`proof: ERR_A ${'z'.repeat(300)}`.slice(0, 200)}`);
  });

  it('a document limit hit while verifying the list is ERR_DOCUMENT_LIMIT (a bound, not an absence)', async () => {
    const fs = [failed('proof', 'ERR_KEY_UNAVAILABLE', 'k'), failed('context', 'ERR_DOCUMENT_LIMIT', 'more than 100 documents')];
    expect(await verdict(fs)).toEqual([{ id: 'status', status: 'failed', code: 'ERR_DOCUMENT_LIMIT', message: `status list ${LIST} not verified: proof: ERR_KEY_UNAVAILABLE k; context: ERR_DOCUMENT_LIMIT more than 100 documents`, target: `${LIST}#5` }]);
  });

  it('no proof verified (none, or only skipped / warned) is ERR_STATUS_LIST_UNVERIFIED', async () => {
    const m = `status list ${LIST} does not verify: no proof of it could be verified`;
    for (const checks of [[], [{ id: 'proof', status: 'skipped', message: 's' }], [{ id: 'proof', status: 'warning', message: 'w' }], [{ id: 'structure', status: 'passed', message: 'ok' }]] as Check[][]) {
      expect(await verdict(checks), JSON.stringify(checks)).toEqual([{ id: 'status', status: 'failed', code: 'ERR_STATUS_LIST_UNVERIFIED', message: m, target: `${LIST}#5` }]);
    }
  });

  it('ignored failures: the list schema, its own status, and its dates (judged below with precise codes)', async () => {
    expect(await verdict([proofPassed, failed('schema', 'ERR_SCHEMA'), failed('status', 'ERR_STATUS_REVOKED')])).toEqual([passed()]);
    expect(await verdict([proofPassed, failed('validity', 'ERR_NOT_YET_VALID')])).toEqual([passed()]);
    const expired = await verdict([proofPassed, failed('validity', 'ERR_EXPIRED')], 'skip', listCred({ validUntil: '2026-02-01T00:00:00Z' }));
    expect(expired).toEqual([{ id: 'status', status: 'failed', code: 'ERR_STATUS_LIST_EXPIRED', message: `status list ${LIST} expired at 2026-02-01T00:00:00Z (now 2026-06-01T00:00:00.000Z): get a fresh copy from the issuer`, target: `${LIST}#5` }]);
    // any other validity failure is not ignored
    expect(await verdict([proofPassed, failed('validity', 'ERR_DATE_INVALID')])).toMatchObject([{ code: 'ERR_STATUS_LIST_UNVERIFIED', message: `status list ${LIST} does not verify (tampered or not signed by its issuer): validity: ERR_DATE_INVALID no` }]);
    expect(await verdict([proofPassed, failed('structure', 'ERR_EXPIRED')])).toMatchObject([{ code: 'ERR_STATUS_LIST_UNVERIFIED' }]);
  });

  it('a verifier that throws: ERR_STATUS_LIST_UNVERIFIED', async () => {
    const verifyList = async () => {
      throw new Error('boom');
    };
    expect(await run(entry(), { verifyList, undetermined: 'skip' })).toEqual([{ id: 'status', status: 'failed', code: 'ERR_STATUS_LIST_UNVERIFIED', message: `status list ${LIST} could not be verified`, target: `${LIST}#5` }]);
  });
});

describe('which list document is read, and what the context passes on', () => {
  it("the verifier's view of the signed data first, then its credential, then the loaded document", async () => {
    const revoked = listCred({}, { encodedList: encoded([5]) });
    const loader = loaderOf({ [LIST]: listCred() });
    const view = { document: revoked } as unknown as VerificationReport['view'];
    expect(await run(entry(), { loader, verifyList: async () => report([proofPassed], { view, credential: listCred() }) })).toMatchObject([{ code: 'ERR_STATUS_REVOKED' }]);
    expect(await run(entry(), { loader, verifyList: async () => report([proofPassed], { credential: revoked }) })).toMatchObject([{ code: 'ERR_STATUS_REVOKED' }]);
    expect(await run(entry(), { loader, verifyList: async () => report([proofPassed], { view: {} as VerificationReport['view'], credential: revoked }) })).toMatchObject([{ code: 'ERR_STATUS_REVOKED' }]);
    expect(await run(entry(), { loader: loaderOf({ [LIST]: revoked }), verifyList: async () => report() })).toMatchObject([{ code: 'ERR_STATUS_REVOKED' }]);
  });

  it('a document that is no object (and no credential from the verifier) is ERR_STATUS_LIST_INVALID, with the first failure', async () => {
    const m = `status list ${LIST} is not a credential`;
    for (const doc of [[listCred()], 'text', null, 5]) {
      const out = await run(entry(), { loader: loaderOf({ [LIST]: doc }), verifyList: async () => report([{ id: 'structure', status: 'failed', code: 'ERR_NOT_OBJECT', message: 'not an object' }, { id: 'proof', status: 'failed', code: 'ERR_X', message: 'x' }]) });
      expect(out, JSON.stringify(doc)).toEqual([{ id: 'status', status: 'failed', code: 'ERR_STATUS_LIST_INVALID', message: `${m}: ERR_NOT_OBJECT not an object`, target: `${LIST}#5` }]);
    }
    const noCode = await run(entry(), { loader: loaderOf({ [LIST]: [] }), verifyList: async () => report([{ id: 'structure', status: 'warning', message: 'w' }, { id: 'structure', status: 'failed', message: 'bad' }]) });
    expect(noCode[0]!.message).toBe(`${m}:  bad`);
    expect((await run(entry(), { loader: loaderOf({ [LIST]: [] }), verifyList: async () => report([]) }))[0]!.message).toBe(m);
    // a verifier returning nothing at all: still a refusal, never a throw
    expect(await run(entry(), { loader: loaderOf({ [LIST]: 'text' }), verifyList: async () => undefined as unknown as VerificationReport })).toEqual([{ id: 'status', status: 'failed', code: 'ERR_STATUS_LIST_INVALID', message: m, target: `${LIST}#5` }]);
  });

  it('the verifier is given the loaded document', async () => {
    const seen: unknown[] = [];
    const doc = listCred();
    await run(entry(), { loader: loaderOf({ [LIST]: doc }), verifyList: async (d) => (seen.push(d), report()) });
    expect(seen).toEqual([doc]);
  });

  it('statusIssuer and now reach the entry semantics (default: any issuer, with a warning)', async () => {
    const loader = loaderOf({ [LIST]: listCred({ issuer: 'did:web:other.example' }) });
    const differs = { id: 'status', status: 'warning', code: 'W_STATUS_LIST_ISSUER_DIFFERS', target: `${LIST}#5` };
    expect(await run(entry(), { loader })).toMatchObject([passed(), differs]);
    expect(await run(entry(), { loader, statusIssuer: 'any' })).toMatchObject([passed(), differs]);
    expect(await run(entry(), { loader, statusIssuer: 'same' })).toEqual([{
      id: 'status', status: 'failed', code: 'ERR_STATUS_LIST_ISSUER_MISMATCH', target: `${LIST}#5`,
      message: `status list ${LIST} is issued by did:web:other.example, the credential by ${ISS}, and statusIssuer is 'same'`,
    }]);
    const early = await run(entry(), { now: new Date('2025-12-01T00:00:00Z') });
    expect(early).toEqual([{ id: 'status', status: 'failed', code: 'ERR_STATUS_LIST_NOT_YET_VALID', message: `status list ${LIST} is not valid before 2026-01-01T00:00:00Z (now 2025-12-01T00:00:00.000Z)`, target: `${LIST}#5` }]);
  });

  it('an encodedList that does not decode: its decoder code and message', async () => {
    const l = listCred({}, { encodedList: encoded([], LEN / 8, '') });
    expect(await run(entry(), { loader: loaderOf({ [LIST]: l }) })).toEqual([{ id: 'status', status: 'failed', code: 'ERR_STATUS_LIST_MALFORMED', message: `status list ${LIST}: encodedList must be multibase base64url: it must start with "u"`, target: `${LIST}#5` }]);
    const notGzip = listCred({}, { encodedList: `u${Buffer.from(new Uint8Array(40)).toString('base64url')}` });
    expect(await run(entry(), { loader: loaderOf({ [LIST]: notGzip }) })).toMatchObject([{ status: 'failed', code: 'ERR_STATUS_LIST_NOT_GZIP', message: `status list ${LIST}: encodedList is not GZIP data (RFC 1952 header 1f 8b 08 missing)` }]);
  });

  it('one list serves both readings: the "u"-optional StatusList2021 decode is not the Bitstring one (cached per reading)', async () => {
    const l = listCred(
      { type: ['VerifiableCredential', 'BitstringStatusListCredential', 'StatusList2021Credential'] },
      { type: ['BitstringStatusList', 'StatusList2021'], encodedList: encoded([6], LEN / 8, '') },
    );
    const out = await run([entry(), entry({ id: `${LIST}#6`, type: 'StatusList2021Entry', statusListIndex: '6' }), entry({ id: `${LIST}#7` })], { loader: loaderOf({ [LIST]: l }) });
    expect(out).toEqual([
      { id: 'status', status: 'failed', code: 'ERR_STATUS_LIST_MALFORMED', message: `status list ${LIST}: encodedList must be multibase base64url: it must start with "u"`, target: `${LIST}#5` },
      { id: 'status', status: 'failed', code: 'ERR_STATUS_REVOKED', message: `the issuer revoked this credential (index 6 of ${LIST})`, target: `${LIST}#6` },
      { id: 'status', status: 'failed', code: 'ERR_STATUS_LIST_MALFORMED', message: `status list ${LIST}: encodedList must be multibase base64url: it must start with "u"`, target: `${LIST}#7` },
    ]);
    // and the other way round: the Bitstring reading after the StatusList2021 one of a list with the prefix
    const p = listCred(
      { type: ['VerifiableCredential', 'BitstringStatusListCredential', 'StatusList2021Credential'] },
      { type: ['BitstringStatusList', 'StatusList2021'], encodedList: encoded([6]) },
    );
    const out2 = await run([entry({ id: `${LIST}#6`, type: 'StatusList2021Entry', statusListIndex: '6' }), entry({ id: `${LIST}#6b`, statusListIndex: '6' })], { loader: loaderOf({ [LIST]: p }) });
    expect(out2.map((c) => c.code)).toEqual(['ERR_STATUS_REVOKED', 'ERR_STATUS_REVOKED']);
  });
});

describe('loading each list once', () => {
  it('entries naming the same list share one load and one verification', async () => {
    const calls: string[] = [];
    let verified = 0;
    const out = await run([entry(), entry({ id: `${LIST}#9`, statusListIndex: '9' })], { loader: loaderOf({ [LIST]: listCred() }, calls), verifyList: async () => (verified++, report()) });
    expect(out).toEqual([passed(), passed(`${LIST}#9`, 9)]);
    expect(calls).toEqual([LIST]);
    expect(verified).toBe(1);
  });

  it('a shared lists map carries a list over to the next credential', async () => {
    const calls: string[] = [];
    const lists = new Map<string, Promise<unknown>>();
    const loader = loaderOf({ [LIST]: listCred() }, calls);
    expect(await run(entry(), { loader, lists })).toEqual([passed()]);
    expect([...lists.keys()]).toEqual([LIST]);
    expect(await run(entry(), { loader, lists })).toEqual([passed()]);
    expect(calls).toEqual([LIST]);
  });

  it('forList: the list is loaded and verified with its own loader and verifier; the asking credential is charged for the URL', async () => {
    const charged: string[] = [];
    const own: string[] = [];
    let ownVerified = 0;
    let ctxVerified = 0;
    const lists = new Map<string, Promise<unknown>>();
    const p: Partial<StatusCheckContext> = {
      loader: loaderOf({ [LIST]: listCred({}, { encodedList: encoded([5]) }) }, charged),
      verifyList: async () => (ctxVerified++, report([])),
      lists,
      forList: () => ({ loader: loaderOf({ [LIST]: listCred() }, own), verifyList: async () => (ownVerified++, report()) }),
    };
    expect(await run(entry(), p)).toEqual([passed()]);
    expect(await run(entry(), p)).toEqual([passed()]);
    expect(charged).toEqual([LIST, LIST]);
    expect(own).toEqual([LIST]);
    expect([ownVerified, ctxVerified]).toEqual([1, 0]);
  });

  it("forList: when the asking credential's own loader refuses the URL, that is its result", async () => {
    const err = Object.assign(new Error('more than 5 documents'), { code: 'ERR_DOCUMENT_LIMIT' });
    const own: string[] = [];
    const out = await run(entry(), { loader: failing(err), undetermined: 'skip', forList: () => ({ loader: loaderOf({ [LIST]: listCred() }, own), verifyList: async () => report() }) });
    expect(out).toEqual([{ id: 'status', status: 'failed', code: 'ERR_DOCUMENT_LIMIT', message: `status list credential ${LIST} not loaded: more than 5 documents`, target: `${LIST}#5` }]);
    expect(own).toEqual([]);
  });

  it('an entry that is malformed loads nothing', async () => {
    const calls: string[] = [];
    const out = await run(entry({ statusListIndex: 5 }), { loader: loaderOf({ [LIST]: listCred() }, calls) });
    expect(out).toMatchObject([{ status: 'failed', code: 'ERR_STATUS_ENTRY_MALFORMED', message: 'BitstringStatusListEntry: statusListIndex must be a base-10 integer as a string (got number)' }]);
    expect(calls).toEqual([]);
  });
});

describe('1EdTech Revocation List Status Method 1.0 (an unsigned list of revoked ids)', () => {
  const rlEntry = (p: Record<string, unknown> = {}) => ({ id: RL, type: '1EdTechRevocationList', ...p });
  const rl = (doc: unknown, p: Partial<StatusCheckContext> = {}, c: Record<string, unknown> = {}) => run(rlEntry(), { loader: loaderOf({ [RL]: doc }), ...p }, c);
  const unsigned = `not in the 1EdTech revocation list ${RL}; that list is not signed, so this is only as trustworthy as where the list came from`;

  it('not listed: W_STATUS_LIST_UNSIGNED; listed by id (string or object): ERR_STATUS_REVOKED with its reason', async () => {
    expect(await rl({ issuer: ISS, revokedCredentials: ['urn:uuid:other'] })).toEqual([{ id: 'status', status: 'warning', code: 'W_STATUS_LIST_UNSIGNED', message: unsigned, target: RL }]);
    expect(await rl({ revokedCredentials: [CID] })).toEqual([{ id: 'status', status: 'failed', code: 'ERR_STATUS_REVOKED', message: `the issuer revoked this credential (1EdTech revocation list ${RL})`, target: RL }]);
    expect(await rl({ revokedCredentials: [null, { id: CID, revocationReason: 'misconduct' }] })).toEqual([{ id: 'status', status: 'failed', code: 'ERR_STATUS_REVOKED', message: `the issuer revoked this credential (1EdTech revocation list ${RL}): misconduct`, target: RL }]);
    expect((await rl({ revokedCredentials: [{ id: CID, revocationReason: 'r'.repeat(300) }] }))[0]!.message).toBe(`the issuer revoked this credential (1EdTech revocation list ${RL}): ${'r'.repeat(200)}`);
    expect((await rl({ revokedCredentials: [{ id: CID, revocationReason: 7 }] }))[0]!.message).toBe(`the issuer revoked this credential (1EdTech revocation list ${RL})`);
  });

  it('the entry id must be the URL of the list (at most 4096 characters)', async () => {
    const bad = { id: 'status', status: 'failed', code: 'ERR_STATUS_ENTRY_MALFORMED', message: '1EdTechRevocationList: id must be the URL of the revocation list' };
    const calls: string[] = [];
    for (const id of [undefined, 5, 'not a url', 'https:', `https://uni.example/${'x'.repeat(4077)}`]) {
      expect(await run(rlEntry({ id }), { loader: loaderOf({}, calls) }), String(id).slice(0, 20)).toMatchObject([bad]);
    }
    expect(calls).toEqual([]);
    const longest = `https://uni.example/${'x'.repeat(4076)}`;
    expect(await run(rlEntry({ id: longest }), { loader: loaderOf({ [longest]: { revokedCredentials: [] } }) })).toMatchObject([{ code: 'W_STATUS_LIST_UNSIGNED' }]);
  });

  it('a list that cannot be loaded: the loader failure, worded for the revocation list', async () => {
    expect(await run(rlEntry(), { loader: loaderOf({}) })).toEqual([{ id: 'status', status: 'failed', code: 'ERR_STATUS_UNAVAILABLE', target: RL, message: unknown(`1EdTech revocation list ${RL} is not available offline; pass it in \`documents\` (or give an explicit \`fetch\`)`) }]);
    const err = Object.assign(new Error('x'), { code: 'ERR_DOCUMENT_INVALID' });
    expect(await run(rlEntry(), { loader: failing(err) })).toMatchObject([{ code: 'ERR_STATUS_LIST_INVALID', message: `1EdTech revocation list ${RL} is not valid JSON` }]);
  });

  it('no revokedCredentials array: ERR_STATUS_LIST_INVALID; more than 10,000,000: ERR_STATUS_LIST_TOO_LARGE', async () => {
    const invalid = [{ id: 'status', status: 'failed', code: 'ERR_STATUS_LIST_INVALID', message: `1EdTech revocation list ${RL} has no revokedCredentials array`, target: RL }];
    for (const doc of [{}, { revokedCredentials: CID }, [CID], 'x', null]) expect(await rl(doc), JSON.stringify(doc)).toEqual(invalid);
    expect(await rl({ revokedCredentials: new Array(10_000_001) })).toEqual([{ id: 'status', status: 'failed', code: 'ERR_STATUS_LIST_TOO_LARGE', message: `1EdTech revocation list ${RL} is too large`, target: RL }]);
    const max = new Array(10_000_000);
    max[0] = CID; // found at once: the bound, not the search, is under test
    expect(await rl({ revokedCredentials: max })).toMatchObject([{ code: 'ERR_STATUS_REVOKED' }]);
  });

  it('a credential without id cannot be looked up: undetermined (fails closed, or skipped)', async () => {
    const m = 'a 1EdTech revocation list names credentials by id, and this credential has none';
    expect(await rl({ revokedCredentials: [] }, {}, { id: undefined })).toEqual([{ id: 'status', status: 'failed', code: 'ERR_STATUS_NO_CREDENTIAL_ID', message: unknown(m), target: RL }]);
    expect(await rl({ revokedCredentials: [] }, { undetermined: 'skip' }, { id: 5 })).toEqual([
      { id: 'status', status: 'skipped', code: 'SKIP_STATUS_NO_CREDENTIAL_ID', message: skipped(m), target: RL },
      { id: 'status', status: 'warning', code: 'W_STATUS_UNCHECKED', message: "1 status entry could not be checked and the caller accepted that (status: 'allow-unavailable'): whether the credential was revoked is unknown" },
    ]);
    // with the issuer problem first and the issuer note last
    const other = { issuer: { id: 'did:web:other.example' }, revokedCredentials: [] };
    expect((await rl(other, { statusIssuer: 'same' }, { id: undefined })).map((c) => c.code)).toEqual(['ERR_STATUS_LIST_ISSUER_MISMATCH', 'ERR_STATUS_NO_CREDENTIAL_ID']);
    expect((await rl(other, {}, { id: undefined })).map((c) => c.code)).toEqual(['ERR_STATUS_NO_CREDENTIAL_ID', 'W_STATUS_LIST_ISSUER_DIFFERS']);
  });

  it("the list's issuer, when it names one, is judged like a bitstring list's (§2.2 binding); a list naming none is not", async () => {
    const other = (rev: unknown[]) => ({ issuer: { id: 'did:web:other.example' }, revokedCredentials: rev });
    expect(await rl(other([]))).toEqual([
      { id: 'status', status: 'warning', code: 'W_STATUS_LIST_UNSIGNED', message: unsigned, target: RL },
      { id: 'status', status: 'warning', code: 'W_STATUS_LIST_ISSUER_DIFFERS', target: RL, message: `status list ${RL} is issued by did:web:other.example, not by the credential's issuer ${ISS}: trust that status authority, or set statusIssuer: 'same'` },
    ]);
    // 'same': a "not revoked" from another issuer is not reported; a revocation still is (it is not reversible)
    expect((await rl(other([]), { statusIssuer: 'same' })).map((c) => c.code)).toEqual(['ERR_STATUS_LIST_ISSUER_MISMATCH']);
    expect((await rl(other([CID]), { statusIssuer: 'same' })).map((c) => c.code)).toEqual(['ERR_STATUS_REVOKED', 'ERR_STATUS_LIST_ISSUER_MISMATCH']);
    // an issuer that is no id still counts as present: it differs from the credential's
    expect((await rl({ issuer: 5, revokedCredentials: [] }, { statusIssuer: 'same' }))[0]!.message).toBe(`status list ${RL} is issued by none, the credential by ${ISS}, and statusIssuer is 'same'`);
    expect(await rl({ issuer: ISS, revokedCredentials: [] })).toEqual([{ id: 'status', status: 'warning', code: 'W_STATUS_LIST_UNSIGNED', message: unsigned, target: RL }]);
    expect(await rl({ revokedCredentials: [] }, { statusIssuer: 'same' })).toEqual([{ id: 'status', status: 'warning', code: 'W_STATUS_LIST_UNSIGNED', message: unsigned, target: RL }]);
  });
});

describe('read.ts: the values the semantics use', () => {
  it('readStatusEntries: absent → none, one value → one entry, an array as is', () => {
    expect(readStatusEntries({})).toEqual([]);
    expect(readStatusEntries({ credentialStatus: null })).toEqual([]);
    expect(readStatusEntries(undefined as unknown as Record<string, unknown>)).toEqual([]);
    expect(readStatusEntries({ credentialStatus: 'x' })).toEqual(['x']);
    expect(readStatusEntries({ credentialStatus: [1, 2] })).toEqual([1, 2]);
  });

  it('readStatusEntry: the spec property names; only string types', () => {
    const e = { id: 'i', type: ['A', 3, 'B'], statusPurpose: 'p', statusListIndex: '4', statusListCredential: 'u', statusSize: 2, statusMessage: ['m'] };
    expect(readStatusEntry(e)).toEqual({ id: 'i', types: ['A', 'B'], rawType: ['A', 3, 'B'], purpose: 'p', index: '4', listUrl: 'u', size: 2, messages: ['m'] });
    expect(readStatusEntry({ type: 'A' }).types).toEqual(['A']);
    expect(readStatusEntry({}).types).toEqual([]);
  });

  it('readStatusCredential: the issuer id (string or object) and the id', () => {
    expect(readStatusCredential({ issuer: { id: ISS }, id: CID })).toEqual({ issuer: ISS, id: CID });
    expect(readStatusCredential({ issuer: ISS })).toEqual({ issuer: ISS, id: undefined });
    expect(readStatusCredential(null as unknown as Record<string, unknown>)).toEqual({ issuer: undefined, id: undefined });
  });

  it('readStatusList: VC 2.0 dates, else the VC 1.1 ones; the subject fields only from one object', () => {
    const l = { id: LIST, type: ['VerifiableCredential', 7, 'BitstringStatusListCredential'], issuer: { id: ISS }, validFrom: 'f', validUntil: 'u', issuanceDate: 'i', expirationDate: 'e', credentialSubject: { type: 'BitstringStatusList', statusPurpose: ['revocation', 5], encodedList: 'uX' } };
    expect(readStatusList(l)).toEqual({ id: LIST, types: ['VerifiableCredential', 'BitstringStatusListCredential'], issuer: ISS, validFrom: 'f', validUntil: 'u', subjectIsObject: true, subjectTypes: ['BitstringStatusList'], purposes: ['revocation'], encodedList: 'uX' });
    expect(readStatusList({ issuanceDate: 'i', expirationDate: 'e' })).toMatchObject({ validFrom: 'i', validUntil: 'e' });
    const none = { subjectIsObject: false, subjectTypes: [], purposes: [], encodedList: undefined };
    for (const credentialSubject of [[l.credentialSubject], null, 'x', undefined]) expect(readStatusList({ credentialSubject }), String(credentialSubject)).toMatchObject(none);
  });

  it('readRevocationList / findRevoked', () => {
    expect(readRevocationList({ issuer: { id: ISS }, revokedCredentials: [CID] })).toEqual({ issuerPresent: true, issuer: ISS, revoked: [CID] });
    expect(readRevocationList({ issuer: null, revokedCredentials: {} })).toEqual({ issuerPresent: true, issuer: undefined, revoked: undefined });
    for (const d of [null, [{ revokedCredentials: [] }], 'x', {}]) expect(readRevocationList(d)).toEqual({ issuerPresent: false, issuer: undefined, revoked: undefined });
    expect(findRevoked(['a', { id: 'b', revocationReason: 'why' }], 'b')).toEqual({ reason: 'why' });
    expect(findRevoked(['a', { id: 'b' }], 'a')).toEqual({ reason: undefined });
    expect(findRevoked([{ id: 'a' }], 'b')).toBe(undefined);
    expect(findRevoked([null, 0, { id: 'b' }], 'b')).toEqual({ reason: undefined });
  });
});

describe('details of loading and reading a list', () => {
  it('a list is decoded once per reading (Bitstring, StatusList2021), whatever the number of entries', async () => {
    expect(await run([entry(), entry({ id: `${LIST}#6`, statusListIndex: '6' }), entry({ id: `${LIST}#7`, statusListIndex: '7' })])).toHaveLength(3);
    expect(decodeCtl.calls).toBe(1);
    decodeCtl.calls = 0;
    const l = listCred({ type: ['VerifiableCredential', 'BitstringStatusListCredential', 'StatusList2021Credential'] }, { type: ['BitstringStatusList', 'StatusList2021'] });
    const out = await run([entry(), entry({ id: `${LIST}#6`, type: 'StatusList2021Entry' }), entry({ id: `${LIST}#7`, type: 'StatusList2021Entry' })], { loader: loaderOf({ [LIST]: l }) });
    expect(out.map((c) => c.code)).toEqual(['STATUS_VALID', 'STATUS_VALID', 'STATUS_VALID']);
    expect(decodeCtl.calls).toBe(2);
  });

  it('a decoder failure without a code or a message: ERR_STATUS_LIST_MALFORMED, "cannot decode encodedList"', async () => {
    decodeCtl.throwing = true;
    const one = async (value: unknown) => {
      decodeCtl.value = value;
      return (await run(entry()))[0];
    };
    expect(await one(null)).toEqual({ id: 'status', status: 'failed', code: 'ERR_STATUS_LIST_MALFORMED', message: `status list ${LIST}: cannot decode encodedList`, target: `${LIST}#5` });
    expect(await one({ code: 'ERR_STATUS_LIST_CORRUPT' })).toMatchObject({ code: 'ERR_STATUS_LIST_CORRUPT', message: `status list ${LIST}: cannot decode encodedList` });
    expect(await one({ message: 7 })).toMatchObject({ code: 'ERR_STATUS_LIST_MALFORMED', message: `status list ${LIST}: cannot decode encodedList` });
    expect(await one({ message: 'broken' })).toMatchObject({ code: 'ERR_STATUS_LIST_MALFORMED', message: `status list ${LIST}: broken` });
  });

  it("a verifier's credential that is not an object is refused like a loaded one", async () => {
    const m = `status list ${LIST} is not a credential`;
    for (const credential of ['text', [listCred()], 5]) {
      const verifyList = async () => report([proofPassed], { credential: credential as unknown as Record<string, unknown> });
      expect(await run(entry(), { verifyList }), JSON.stringify(credential)).toEqual([{ id: 'status', status: 'failed', code: 'ERR_STATUS_LIST_INVALID', message: m, target: `${LIST}#5` }]);
    }
    const view = { document: 'text' } as unknown as VerificationReport['view'];
    expect(await run(entry(), { verifyList: async () => report([proofPassed], { view }) })).toMatchObject([{ code: 'ERR_STATUS_LIST_INVALID', message: m }]);
    // a report without checks: no reason to add, never a throw
    expect(await run(entry(), { loader: loaderOf({ [LIST]: 'text' }), verifyList: async () => ({}) as VerificationReport })).toEqual([{ id: 'status', status: 'failed', code: 'ERR_STATUS_LIST_INVALID', message: m, target: `${LIST}#5` }]);
  });

  it('values in messages: a non-string as "a non-string value", a string cut to 200 characters', async () => {
    const idNumber = await run(entry(), { loader: loaderOf({ [LIST]: listCred({ id: 5 }) }) });
    expect(idNumber[1]).toEqual({ id: 'status', status: 'warning', code: 'W_STATUS_LIST_ID_DIFFERS', message: `the list served for ${LIST} names itself a non-string value; it is bound by the URL the credential names`, target: `${LIST}#5` });
    const long = `did:web:${'x'.repeat(300)}`;
    const other = await run(entry(), { loader: loaderOf({ [LIST]: listCred({ issuer: long }) }), statusIssuer: 'same' });
    expect(other[0]!.message).toBe(`status list ${LIST} is issued by ${long.slice(0, 200)}, the credential by ${ISS}, and statusIssuer is 'same'`);
  });

  it('a 1EdTech entry id must be a string: an array holding the URL is not one', async () => {
    const calls: string[] = [];
    expect(await run({ id: [RL], type: '1EdTechRevocationList' }, { loader: loaderOf({ [RL]: { revokedCredentials: [] } }, calls) })).toMatchObject([{ code: 'ERR_STATUS_ENTRY_MALFORMED', message: '1EdTechRevocationList: id must be the URL of the revocation list' }]);
    expect(calls).toEqual([]);
  });
});

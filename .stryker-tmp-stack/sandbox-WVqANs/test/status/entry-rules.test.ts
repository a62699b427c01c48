// @ts-nocheck
// Issue 21 (mutation area `status-entry`): the semantics of one status entry against an authentic list, on hand-made
// fields (no signing, no JSON-LD), through the @internal functions of src/status/check.ts.
// Bitstring Status List v1.0 §2.1: statusPurpose "MUST be a string"; statusListIndex "MUST be an arbitrary size integer
// greater than or equal to 0, expressed as a string in base 10"; statusListCredential "MUST be a URL"; statusSize "If
// present, it MUST be an integer greater than zero" (absent = 1), and when greater than 1 "the number of status messages
// must equal the number of possible values". §3.2: an index at or beyond the list's length is a RANGE_ERROR; the
// list's statusPurpose must match the entry's; revocation "is not reversible", suspension is. §2.2 (list): validFrom /
// validUntil bound the list; the minimum bitstring length is 131,072 entries (herd privacy).
import { describe, expect, it } from 'vitest';
import { judgeBitstringEntry, settle, validateBitstringEntry, type BitstringEntry } from '../../src/status/check.js';
import type { StatusEntryFields, StatusListFields } from '../../src/status/read.js';

const LIST = 'https://uni.example/status/1';
const ISS = 'did:web:uni.example';
const NOW = new Date('2026-06-01T00:00:00Z');
const fields = (p: Partial<StatusEntryFields> = {}): StatusEntryFields => ({
  id: `${LIST}#5`, types: ['BitstringStatusListEntry'], rawType: 'BitstringStatusListEntry', purpose: 'revocation', index: '5', listUrl: LIST, size: undefined, messages: undefined, ...p,
});
const malformed = (m: string) => ({ status: 'failed', code: 'ERR_STATUS_ENTRY_MALFORMED', message: `BitstringStatusListEntry: ${m}` });

describe('validateBitstringEntry (§2.1)', () => {
  it('a valid entry: index as written and as a number, size 1 by default', () => {
    expect(validateBitstringEntry(fields(), 'BitstringStatusListEntry')).toEqual({ kind: 'BitstringStatusListEntry', purpose: 'revocation', listUrl: LIST, rawIndex: '5', index: 5, size: 1, messages: undefined });
    // more than 15 digits: beyond any list, read as the largest safe integer (then out of range), never rounded down
    expect(validateBitstringEntry(fields({ index: '1234567890123456' }), 'BitstringStatusListEntry')).toMatchObject({ index: Number.MAX_SAFE_INTEGER, rawIndex: '1234567890123456' });
    expect(validateBitstringEntry(fields({ index: '123456789012345' }), 'BitstringStatusListEntry')).toMatchObject({ index: 123456789012345 });
  });

  it('statusPurpose must be a non-empty string', () => {
    for (const purpose of [undefined, '', 7]) expect(validateBitstringEntry(fields({ purpose }), 'BitstringStatusListEntry')).toEqual(malformed('statusPurpose must be a non-empty string'));
  });

  it('statusListCredential must be a URL of at most 4096 characters', () => {
    for (const listUrl of [undefined, 'not a url', 'https:', `https://uni.example/${'x'.repeat(4077)}`]) {
      expect(validateBitstringEntry(fields({ listUrl }), 'BitstringStatusListEntry'), String(listUrl).slice(0, 30)).toEqual(malformed('statusListCredential must be a URL'));
    }
    expect(validateBitstringEntry(fields({ listUrl: `https://uni.example/${'x'.repeat(4076)}` }), 'BitstringStatusListEntry')).toMatchObject({ index: 5 });
    expect(validateBitstringEntry(fields({ listUrl: 'urn:uuid:1' }), 'BitstringStatusListEntry')).toMatchObject({ listUrl: 'urn:uuid:1' });
    // only a string: an array whose text is a URL is not one
    expect(validateBitstringEntry(fields({ listUrl: [LIST] }), 'BitstringStatusListEntry')).toEqual(malformed('statusListCredential must be a URL'));
  });

  it('statusListIndex must be base-10 digits in a string; the message quotes at most 40 characters', () => {
    expect(validateBitstringEntry(fields({ index: 5 }), 'BitstringStatusListEntry')).toEqual(malformed('statusListIndex must be a base-10 integer as a string (got number)'));
    for (const index of ['-1', '1.5', '0x10', ' 5', '5 ', '']) {
      expect(validateBitstringEntry(fields({ index }), 'BitstringStatusListEntry'), index).toEqual(malformed(`statusListIndex must be a base-10 integer as a string (got ${JSON.stringify(index)})`));
    }
    const long = `${'9'.repeat(50)}x`;
    expect(validateBitstringEntry(fields({ index: long }), 'BitstringStatusListEntry')).toEqual(malformed(`statusListIndex must be a base-10 integer as a string (got ${JSON.stringify(long.slice(0, 40))})`));
    expect(validateBitstringEntry(fields({ index: '0' }), 'BitstringStatusListEntry')).toMatchObject({ index: 0 });
  });

  it('statusSize: an integer ≥ 1; above 8 bits unsupported; above 1 needs 2^size messages', () => {
    for (const size of [0, -1, 1.5, '2', Number.NaN, 2 ** 53]) {
      expect(validateBitstringEntry(fields({ size }), 'BitstringStatusListEntry'), String(size)).toEqual(malformed('statusSize must be an integer greater than zero'));
    }
    expect(validateBitstringEntry(fields({ size: 9, messages: [] }), 'BitstringStatusListEntry')).toEqual({ status: 'undetermined', code: 'STATUS_UNSUPPORTED', message: 'statusSize 9 is larger than the 8 bits supported' });
    expect(validateBitstringEntry(fields({ size: 8, messages: new Array(256).fill({}) }), 'BitstringStatusListEntry')).toMatchObject({ size: 8 });
    expect(validateBitstringEntry(fields({ size: 2, messages: [{}, {}, {}] }), 'BitstringStatusListEntry')).toEqual(malformed('statusSize 2 requires a statusMessage array of 4 elements'));
    expect(validateBitstringEntry(fields({ size: 2, messages: 'x' }), 'BitstringStatusListEntry')).toEqual(malformed('statusSize 2 requires a statusMessage array of 4 elements'));
    expect(validateBitstringEntry(fields({ size: 2, messages: [{}, {}, {}, {}] }), 'BitstringStatusListEntry')).toMatchObject({ size: 2 });
    expect(validateBitstringEntry(fields({ size: 1 }), 'BitstringStatusListEntry')).toMatchObject({ size: 1 });
  });
});

describe('settle: an undetermined status fails closed unless the caller accepts it', () => {
  const u = { status: 'undetermined' as const, code: 'STATUS_UNAVAILABLE', message: 'list not available' };
  it('fail (default) → ERR_<reason>; skip → skipped SKIP_<reason>; a determined outcome is unchanged', () => {
    expect(settle(u, 'fail')).toEqual({ status: 'failed', code: 'ERR_STATUS_UNAVAILABLE', message: "revocation status unknown, so the credential is not verified: list not available (to accept unchecked status, verify with status: 'allow-unavailable')" });
    expect(settle(u, 'skip')).toEqual({ status: 'skipped', code: 'SKIP_STATUS_UNAVAILABLE', message: 'status not checked (the caller accepts that): list not available' });
    const revoked = { status: 'failed' as const, code: 'ERR_STATUS_REVOKED', message: 'x' };
    expect(settle(revoked, 'skip')).toEqual(revoked);
  });
});

describe('judgeBitstringEntry (§3.2) on an authentic list', () => {
  const LEN = 131_072; // entries of a 1-bit list of the minimum length
  const list = (p: Partial<StatusListFields> = {}): StatusListFields => ({
    id: LIST, types: ['VerifiableCredential', 'BitstringStatusListCredential'], issuer: ISS, validFrom: '2026-01-01T00:00:00Z', validUntil: undefined,
    subjectIsObject: true, subjectTypes: ['BitstringStatusList'], purposes: ['revocation'], encodedList: 'u', ...p,
  });
  /** A bitstring of `bytes` bytes with the given bit indexes set (index 0 = left-most bit of byte 0, §3.1). */
  const bits = (bytes: number, set: number[] = []) => {
    const b = new Uint8Array(bytes);
    for (const i of set) b[i >> 3]! |= 0x80 >> (i & 7);
    return b;
  };
  const entry = (p: Partial<BitstringEntry> = {}): BitstringEntry => ({ kind: 'BitstringStatusListEntry', purpose: 'revocation', listUrl: LIST, rawIndex: '5', index: 5, size: 1, messages: undefined, ...p });
  const judge = (e: BitstringEntry, l: StatusListFields, b: Uint8Array, statusIssuer: 'any' | 'same' = 'any') => judgeBitstringEntry(e, l, () => b, { issuer: ISS, id: 'urn:uuid:c' }, { now: NOW, statusIssuer });
  const where = (i: number) => `index ${i} of ${LIST}`;

  it('bit clear → STATUS_VALID; bit set → ERR_STATUS_REVOKED (bit 5 = 0x04 of byte 0)', () => {
    expect(judge(entry(), list(), bits(LEN / 8))).toEqual([{ status: 'passed', code: 'STATUS_VALID', message: `not revoked (Bitstring Status List, ${where(5)})` }]);
    expect(judge(entry(), list(), bits(LEN / 8, [5]))).toEqual([{ status: 'failed', code: 'ERR_STATUS_REVOKED', message: `the issuer revoked this credential (${where(5)})` }]);
    expect(judge(entry(), list(), bits(LEN / 8, [4, 6]))).toMatchObject([{ code: 'STATUS_VALID' }]);
  });

  it('suspension, refresh and other purposes', () => {
    const l = list({ purposes: ['suspension', 'refresh', 'custom'] });
    expect(judge(entry({ purpose: 'suspension' }), l, bits(LEN / 8, [5]))).toEqual([{ status: 'failed', code: 'ERR_STATUS_SUSPENDED', message: `the issuer suspended this credential (${where(5)})` }]);
    expect(judge(entry({ purpose: 'suspension' }), l, bits(LEN / 8))).toEqual([{ status: 'passed', code: 'STATUS_VALID', message: `not suspended (Bitstring Status List, ${where(5)})` }]);
    expect(judge(entry({ purpose: 'refresh' }), l, bits(LEN / 8, [5]))).toEqual([{ status: 'warning', code: 'W_STATUS_REFRESH', message: `the issuer has an updated version of this credential (refresh, ${where(5)})` }]);
    expect(judge(entry({ purpose: 'refresh' }), l, bits(LEN / 8))).toEqual([{ status: 'passed', code: 'STATUS_VALID', message: `"refresh" not set (Bitstring Status List, ${where(5)})` }]);
    expect(judge(entry({ purpose: 'custom' }), l, bits(LEN / 8, [5]))).toEqual([{ status: 'warning', code: 'W_STATUS_SET', message: `status "custom" is set (${where(5)})` }]);
    expect(judge(entry({ purpose: 'custom' }), l, bits(LEN / 8))).toEqual([{ status: 'passed', code: 'STATUS_VALID', message: `"custom" not set (Bitstring Status List, ${where(5)})` }]);
    // a purpose is quoted at most 60 characters long, in every message
    const long = 'p'.repeat(100);
    const ll = list({ purposes: [long] });
    expect(judge(entry({ purpose: long }), ll, bits(LEN / 8, [5]))[0]!.message).toBe(`status "${long.slice(0, 60)}" is set (${where(5)})`);
    expect(judge(entry({ purpose: long }), ll, bits(LEN / 8))[0]!.message).toBe(`"${long.slice(0, 60)}" not set (Bitstring Status List, ${where(5)})`);
    expect(judge(entry({ purpose: long }), list({ purposes: [`q${long}`] }), bits(LEN / 8))[0]!.message).toBe(`the entry's statusPurpose "${long.slice(0, 60)}" is not the list's ("${`q${long}`.slice(0, 60)}")`);
  });

  it('message purpose: the status value in hex and its message (case-insensitive), else set/unset', () => {
    const messages = [{ status: '0x0', message: 'pending' }, { status: '0X1', message: 'accepted' }, { status: '0x2', message: 5 }, { status: '0x3' }];
    const e = (index: number) => entry({ purpose: 'message', size: 2, index, rawIndex: String(index), messages });
    const l = list({ purposes: ['message'] });
    const b = bits(LEN / 4, [3, 4, 5]); // entry 1 = bits 2,3 → 01; entry 2 = bits 4,5 → 11; entry 0 → 00
    expect(judge(e(0), l, b)).toEqual([{ status: 'passed', code: 'STATUS_MESSAGE', message: `status 0x0 "pending" (${where(0)})` }]);
    expect(judge(e(1), l, b)).toEqual([{ status: 'passed', code: 'STATUS_MESSAGE', message: `status 0x1 "accepted" (${where(1)})` }]);
    expect(judge(e(2), l, b)).toEqual([{ status: 'passed', code: 'STATUS_MESSAGE', message: `status 0x3 "set" (${where(2)})` }]);
    expect(judge({ ...e(0), messages: 'none' }, l, b)).toEqual([{ status: 'passed', code: 'STATUS_MESSAGE', message: `status 0x0 "unset" (${where(0)})` }]);
    // entries that are not { status: string } are skipped, never read through; a message is quoted at most 200 characters
    const odd = [null, { status: 0, message: 'numeric' }, { status: '0x1', message: 'm'.repeat(300) }, {}];
    expect(judge({ ...e(1), messages: odd }, l, b)).toEqual([{ status: 'passed', code: 'STATUS_MESSAGE', message: `status 0x1 "${'m'.repeat(200)}" (${where(1)})` }]);
    expect(judge({ ...e(0), messages: odd }, l, b)[0]!.message).toBe(`status 0x0 "unset" (${where(0)})`);
    expect(judge(e(0), l, bits(LEN / 4 - 1))).toMatchObject([{ status: 'warning', code: 'W_STATUS_LIST_SHORT', message: expect.stringMatching(/^status 0x0 "pending"; status list .* has only 131068 entries, fewer than the 131072/) }]);
  });

  it('index range: the last entry is read, one past it is ERR_STATUS_INDEX_OUT_OF_RANGE', () => {
    const last = LEN - 1;
    expect(judge(entry({ index: last, rawIndex: String(last) }), list(), bits(LEN / 8, [last]))).toMatchObject([{ code: 'ERR_STATUS_REVOKED' }]);
    expect(judge(entry({ index: LEN, rawIndex: String(LEN) }), list(), bits(LEN / 8))).toEqual([{ status: 'failed', code: 'ERR_STATUS_INDEX_OUT_OF_RANGE', message: `statusListIndex ${LEN} is outside status list ${LIST} (${LEN} entries)` }]);
    expect(judge(entry({ size: 2, index: LEN / 2, rawIndex: String(LEN / 2), messages: [1, 2, 3, 4] }), list(), bits(LEN / 8))).toMatchObject([{ code: 'ERR_STATUS_INDEX_OUT_OF_RANGE' }]);
    // the index is quoted at most 20 characters long
    const huge = '1234567890123456789012345';
    expect(judge(entry({ index: Number.MAX_SAFE_INTEGER, rawIndex: huge }), list(), bits(LEN / 8))[0]!.message).toBe(`statusListIndex ${huge.slice(0, 20)} is outside status list ${LIST} (${LEN} entries)`);
  });

  it('a list shorter than 131,072 entries is read with a herd-privacy warning instead of a pass', () => {
    expect(judge(entry(), list(), bits(LEN / 8 - 1))).toEqual([
      { status: 'warning', code: 'W_STATUS_LIST_SHORT', message: `not revoked; status list ${LIST} has only ${LEN - 8} entries, fewer than the ${LEN} the spec requires for herd privacy` },
    ]);
    expect(judge(entry(), list(), bits(LEN / 8 - 1, [5]))).toMatchObject([{ code: 'ERR_STATUS_REVOKED' }]);
  });

  it('the list must be the right type, with one subject of the right type, and name the purpose', () => {
    expect(judge(entry(), list({ types: ['VerifiableCredential'] }), bits(LEN / 8))).toEqual([{ status: 'failed', code: 'ERR_STATUS_LIST_TYPE', message: `${LIST} is not a BitstringStatusListCredential` }]);
    expect(judge(entry(), list({ subjectIsObject: false }), bits(LEN / 8))).toEqual([{ status: 'failed', code: 'ERR_STATUS_LIST_TYPE', message: `${LIST}: credentialSubject must be one BitstringStatusList` }]);
    expect(judge(entry(), list({ subjectTypes: ['StatusList2021'] }), bits(LEN / 8))).toMatchObject([{ code: 'ERR_STATUS_LIST_TYPE' }]);
    expect(judge(entry(), list({ purposes: ['suspension', 'message'] }), bits(LEN / 8))).toEqual([
      { status: 'failed', code: 'ERR_STATUS_PURPOSE_MISMATCH', message: `the entry's statusPurpose "revocation" is not the list's ("suspension", "message")` },
    ]);
    expect(judge(entry(), list({ purposes: [] }), bits(LEN / 8))[0]!.message).toBe(`the entry's statusPurpose "revocation" is not the list's (none)`);
  });

  it('list dates: valid from validFrom up to validUntil (both included); a bad date is ERR_STATUS_LIST_DATE_INVALID', () => {
    const at = (s: number) => new Date(NOW.getTime() + s * 1000).toISOString();
    expect(judge(entry(), list({ validFrom: at(0), validUntil: at(0) }), bits(LEN / 8))).toMatchObject([{ code: 'STATUS_VALID' }]);
    expect(judge(entry(), list({ validFrom: at(1) }), bits(LEN / 8))).toEqual([{ status: 'failed', code: 'ERR_STATUS_LIST_NOT_YET_VALID', message: `status list ${LIST} is not valid before ${at(1)} (now ${NOW.toISOString()})` }]);
    expect(judge(entry(), list({ validUntil: at(-1) }), bits(LEN / 8))).toEqual([
      { status: 'failed', code: 'ERR_STATUS_LIST_EXPIRED', message: `status list ${LIST} expired at ${at(-1)} (now ${NOW.toISOString()}): get a fresh copy from the issuer` },
    ]);
    expect(judge(entry(), list({ validFrom: undefined }), bits(LEN / 8))).toMatchObject([{ code: 'STATUS_VALID' }]);
    expect(judge(entry(), list({ validFrom: '2026-01-01' }), bits(LEN / 8))).toEqual([{ status: 'failed', code: 'ERR_STATUS_LIST_DATE_INVALID', message: `status list ${LIST}: validFrom is not a date-time with time zone (2026-01-01)` }]);
    expect(judge(entry(), list({ validUntil: 5 }), bits(LEN / 8))[0]!.message).toBe(`status list ${LIST}: validUntil is not a date-time with time zone (a non-string value)`);
  });

  it('an expired list still reports a revocation (not reversible), but not a suspension (reversible) or a pass', () => {
    const old = list({ validUntil: '2026-02-01T00:00:00Z', purposes: ['revocation', 'suspension'] });
    expect(judge(entry(), old, bits(LEN / 8, [5])).map((c) => c.code)).toEqual(['ERR_STATUS_REVOKED', 'ERR_STATUS_LIST_EXPIRED']);
    expect(judge(entry({ purpose: 'suspension' }), old, bits(LEN / 8, [5])).map((c) => c.code)).toEqual(['ERR_STATUS_LIST_EXPIRED']);
    expect(judge(entry(), old, bits(LEN / 8)).map((c) => c.code)).toEqual(['ERR_STATUS_LIST_EXPIRED']);
    expect(judge(entry({ index: LEN, rawIndex: String(LEN) }), old, bits(LEN / 8)).map((c) => c.code)).toEqual(['ERR_STATUS_INDEX_OUT_OF_RANGE', 'ERR_STATUS_LIST_EXPIRED']);
  });

  it("binding (§2.2): another id or issuer is a warning; statusIssuer 'same' makes another issuer a failure", () => {
    const other = list({ id: 'https://svc.example/l/7', issuer: 'did:web:svc.example' });
    expect(judge(entry(), other, bits(LEN / 8))).toEqual([
      { status: 'passed', code: 'STATUS_VALID', message: `not revoked (Bitstring Status List, ${where(5)})` },
      { status: 'warning', code: 'W_STATUS_LIST_ID_DIFFERS', message: `the list served for ${LIST} names itself https://svc.example/l/7; it is bound by the URL the credential names` },
      { status: 'warning', code: 'W_STATUS_LIST_ISSUER_DIFFERS', message: `status list ${LIST} is issued by did:web:svc.example, not by the credential's issuer ${ISS}: trust that status authority, or set statusIssuer: 'same'` },
    ]);
    expect(judge(entry(), other, bits(LEN / 8), 'same')).toEqual([
      { status: 'failed', code: 'ERR_STATUS_LIST_ISSUER_MISMATCH', message: `status list ${LIST} is issued by did:web:svc.example, the credential by ${ISS}, and statusIssuer is 'same'` },
      { status: 'warning', code: 'W_STATUS_LIST_ID_DIFFERS', message: `the list served for ${LIST} names itself https://svc.example/l/7; it is bound by the URL the credential names` },
    ]);
    expect(judge(entry(), list({ id: undefined, issuer: undefined }), bits(LEN / 8), 'same')[0]!.message).toBe(`status list ${LIST} is issued by none, the credential by ${ISS}, and statusIssuer is 'same'`);
    // a list without id is bound by the URL alone: no note
    expect(judge(entry(), list({ id: undefined }), bits(LEN / 8)).map((c) => c.code)).toEqual(['STATUS_VALID']);
    expect(judge(entry(), list({ id: 7 }), bits(LEN / 8)).map((c) => c.message)[1]).toBe(`the list served for ${LIST} names itself a non-string value; it is bound by the URL the credential names`);
  });

  it('a bitstring that cannot be decoded is reported with the other problems', () => {
    const fail = { status: 'failed' as const, code: 'ERR_STATUS_LIST_CORRUPT', message: 'corrupt' };
    const r = judgeBitstringEntry(entry(), list({ validUntil: '2026-02-01T00:00:00Z' }), () => fail, { issuer: ISS, id: undefined }, { now: NOW, statusIssuer: 'any' });
    expect(r).toEqual([expect.objectContaining({ code: 'ERR_STATUS_LIST_EXPIRED' }), fail]);
  });
});

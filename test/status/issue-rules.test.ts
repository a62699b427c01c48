// Issue 21 (mutation area `status-issue`): the issuing side of a status list — createStatusList, the unsigned
// BitstringStatusListCredential and what signStatusList hands to issueCredential, revoke / suspend / reinstate
// (set-status.ts) and getStatus — on hand-made states. issueCredential is a recorder (no key, no JSON-LD): what is
// under test is the document and the options, not signing (test/status/issuer.test.ts signs for real).
//
// Rules (W3C Bitstring Status List v1.0, Recommendation of 15 May 2025):
// - §3.3 bitstring generation: "Let bitstring be a list of bits with a minimum size of 16KB, where each bit is
//   initialized to 0 (zero)" (16 KB = 131,072 bits); credstack caps a list at 16 MiB (the verifier's gzip-bomb bound,
//   STATUS_LIST_LIMITS.maxDecodedBytes) and keeps the length a multiple of 8 (whole bytes).
// - §2.2 BitstringStatusListCredential: it "MUST express a type property that includes the
//   BitstringStatusListCredential value"; "The type of the credential subject, which is the status list, MUST be
//   BitstringStatusList"; encodedList "MUST be a Multibase-encoded base64url (with no padding) [RFC4648] representation
//   of the GZIP-compressed [RFC1952] bitstring values", "The uncompressed bitstring MUST be at least 16KB in size" and
//   "the first index, with a value of zero (0), is located at the left-most bit in the bitstring"; validFrom / validUntil
//   "The earliest / latest point in time at which the status list is valid"; ttl "indicates the "time to live" in
//   milliseconds before a refresh SHOULD be attempted".
// - §2.1 BitstringStatusListEntry: statusListIndex "MUST be an arbitrary size integer greater than or equal to 0,
//   expressed as a string in base 10"; statusListCredential "MUST be a URL to a verifiable credential".
// - §2.1 statusPurpose: revocation "This status is not reversible", suspension "This status is reversible".
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const calls: Array<{ doc: Record<string, any>; opts: Record<string, any> }> = [];
vi.mock('../../src/issue.js', () => ({
  issueCredential: vi.fn(async (doc: Record<string, any>, opts: Record<string, any>) => {
    calls.push({ doc, opts });
    return opts.format === 'vc-jwt' ? 'eyJ.recorded.jwt' : { ...doc, proof: { type: 'DataIntegrityProof', proofValue: 'z-recorded' } };
  }),
}));

import { CredstackError } from '../../src/errors.js';
import { err, rejected } from './rules-helpers.js';
import { createStatusList } from '../../src/status/create.js';
import { getStatus } from '../../src/status/get-status.js';
import { reinstate } from '../../src/status/reinstate.js';
import { revoke } from '../../src/status/revoke.js';
import { setStatus } from '../../src/status/set-status.js';
import { signStatusList, toStatusListCredential } from '../../src/status/sign.js';
import { suspend } from '../../src/status/suspend.js';
import type { StatusListState } from '../../src/status/types.js';

const LIST = 'https://uni.example/status/1';
const ISS = 'did:web:uni.example';
const KEY = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
const LEN = 131_072;
const VC2 = 'https://www.w3.org/ns/credentials/v2';
const enc = (bytes: Uint8Array) => `u${gzipSync(bytes).toString('base64url')}`;
const dec = (encoded: string) => new Uint8Array(gunzipSync(Buffer.from(encoded.slice(1), 'base64url')));
const ZEROS = enc(new Uint8Array(LEN / 8));
/** A hand-made state: sequential allocation, so indexes 0 … next-1 are the allocated ones. */
const state = (p: Record<string, unknown> = {}, a: Record<string, unknown> = {}): StatusListState =>
  ({
    format: 'credstack-status-list/v1', id: LIST, issuer: ISS, purpose: 'revocation', length: LEN, encodedList: ZEROS,
    allocation: { order: 'sequential', key: KEY, next: 10, ...a }, revision: 3, ...p,
  }) as StatusListState;
/** A state whose bits are the given bytes from byte 0 (the rest zero). */
const withBytes = (bytes: number[], p: Record<string, unknown> = {}, a: Record<string, unknown> = {}) => {
  const b = new Uint8Array(LEN / 8);
  b.set(bytes);
  return state({ encodedList: enc(b), ...p }, a);
};
const firstBytes = (s: StatusListState, n = 4) => [...dec(s.encodedList).slice(0, n)];

function thrown(f: () => unknown): CredstackError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CredstackError);
    return e as CredstackError;
  }
  throw new Error('expected a throw');
}
const invalid = (message: string, code = 'ERR_INVALID_INPUT') => ({ name: 'InvalidInputError', code, message });
const listErr = (code: string, message: string) => ({ name: 'StatusListError', code, message });

describe('createStatusList', () => {
  const opts = { id: LIST, issuer: ISS, purpose: 'revocation' as const };

  it('§3.3: a new list is 131,072 bits (16 KB) of zeros by default, random order, next 0, revision 0, plain JSON', () => {
    const s = createStatusList(opts);
    expect(s).toStrictEqual({
      format: 'credstack-status-list/v1', id: LIST, issuer: ISS, purpose: 'revocation', length: 131_072,
      encodedList: expect.stringMatching(/^uH4sI[A-Za-z0-9_-]+$/), // multibase 'u' + base64url (no padding) of a GZIP member (1f 8b 08)
      allocation: { order: 'random', key: expect.stringMatching(/^[0-9a-f]{64}$/), next: 0 }, revision: 0,
    });
    const bits = dec(s.encodedList);
    expect(bits.length).toBe(16_384);
    expect(bits.every((b) => b === 0)).toBe(true);
    expect(JSON.parse(JSON.stringify(s))).toStrictEqual(s);
    // the permutation key is fresh for every list (32 random bytes)
    expect(createStatusList(opts).allocation.key).not.toBe(s.allocation.key);
  });

  it('length, order and purpose as given: 262,144 entries, sequential, suspension; the two bounds are included', () => {
    const s = createStatusList({ id: LIST, issuer: ISS, purpose: 'suspension', length: 262_144, order: 'sequential' });
    expect(s).toMatchObject({ purpose: 'suspension', length: 262_144, allocation: { order: 'sequential', next: 0 } });
    expect(dec(s.encodedList).length).toBe(32_768);
    expect(createStatusList({ ...opts, length: 131_072 }).length).toBe(131_072);
    expect(createStatusList({ ...opts, order: 'random' }).allocation.order).toBe('random');
  });

  it('the largest list: 16 MiB = 134,217,728 entries', () => {
    const s = createStatusList({ ...opts, length: 134_217_728 });
    expect(s.length).toBe(134_217_728);
    expect(dec(s.encodedList).length).toBe(16_777_216);
  });

  it('length: a multiple of 8 from 131,072 to 134,217,728, a safe integer (ERR_STATUS_LIST_LENGTH)', () => {
    const msg = (got: string) => invalid(`length must be a multiple of 8 from 131072 (the spec minimum, for herd privacy) to 134217728; got ${got}`, 'ERR_STATUS_LIST_LENGTH');
    for (const [length, got] of [[131_064, '131064'], [100_000, '100000'], [131_073, '131073'], [131_076, '131076'], [134_217_736, '134217736'], [0, '0'],
      [-131_072, '-131072'], [131_072.5, '131072.5'], [Number.NaN, 'NaN'], [Infinity, 'Infinity'], ['131072', '131072'], [2 ** 60, '1152921504606847000']] as const) {
      expect(err(thrown(() => createStatusList({ ...opts, length: length as number }))), String(length)).toEqual(msg(got));
    }
  });

  it('options must be an object', () => {
    for (const o of [undefined, null, 'x', 5]) expect(err(thrown(() => createStatusList(o as any))), String(o)).toEqual(invalid('createStatusList needs { id, issuer, purpose }'));
  });

  it('id: the URL of the list credential (§2.1 statusListCredential "MUST be a URL"), the whole string, no fragment', () => {
    const bad = invalid('id must be the URL of the status list credential');
    for (const id of [undefined, 5, [LIST], 'uni.example/status/1', 'https:', 'https://a b', ` ${LIST}`, `${LIST} `, `1${LIST}`, `-${LIST}`, 'ht_tp://x', '']) {
      expect(err(thrown(() => createStatusList({ ...opts, id: id as string }))), String(id)).toEqual(bad);
    }
    for (const id of ['HTTPS://UNI.EXAMPLE/status/1', 'urn:uuid:7f6e', 'a+b.c-d:x', 'https://uni.example/s?x=1']) expect(createStatusList({ ...opts, id }).id).toBe(id);
    // entries are `${id}#${index}`: a list id with a fragment would make them ambiguous
    expect(err(thrown(() => createStatusList({ ...opts, id: `${LIST}#x` })))).toEqual(invalid('id must not contain a fragment (#): entries use `${id}#${index}`'));
  });

  it('issuer: a DID or URL, the whole string', () => {
    const bad = invalid('issuer must be a DID or URL');
    for (const issuer of [undefined, 5, [ISS], 'uni.example', 'did:', 'did:web:a b', ` ${ISS}`, `${ISS} `, `1${ISS}`, '']) {
      expect(err(thrown(() => createStatusList({ ...opts, issuer: issuer as string }))), String(issuer)).toEqual(bad);
    }
    for (const issuer of ['DID:WEB:UNI.EXAMPLE', 'https://uni.example', 'did:key:z6Mk#k']) expect(createStatusList({ ...opts, issuer }).issuer).toBe(issuer);
  });

  it('purpose: revocation or suspension (the two credstack creates), named in the message', () => {
    for (const [purpose, got] of [['refresh', '"refresh"'], ['message', '"message"'], ['', '""'], [undefined, 'undefined'], ['Revocation', '"Revocation"']] as const) {
      expect(err(thrown(() => createStatusList({ ...opts, purpose: purpose as any })))).toEqual(invalid(`purpose must be "revocation" or "suspension" (got ${got})`));
    }
  });

  it('order: random or sequential', () => {
    for (const order of ['shuffled', '', 'Random']) expect(err(thrown(() => createStatusList({ ...opts, order: order as any })))).toEqual(invalid('order must be "random" or "sequential"'));
  });
});

describe('toStatusListCredential: the unsigned BitstringStatusListCredential (§2.2)', () => {
  it('context, id, the two types, issuer, credentialSubject `${id}#list` of type BitstringStatusList with the purpose and the list', () => {
    const s = withBytes([0x80]);
    expect(toStatusListCredential(s)).toStrictEqual({
      '@context': [VC2], id: LIST, type: ['VerifiableCredential', 'BitstringStatusListCredential'], issuer: ISS,
      credentialSubject: { id: `${LIST}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: s.encodedList },
    });
    expect(toStatusListCredential(state({ purpose: 'suspension' })).credentialSubject.statusPurpose).toBe('suspension');
  });

  it('validFrom / validUntil as given: a date-time string verbatim, a Date in whole seconds (UTC)', () => {
    const c = toStatusListCredential(state(), { validFrom: '2026-09-01T00:00:00.250+02:00', validUntil: new Date('2026-09-08T10:20:30.999Z') });
    expect(c).toMatchObject({ validFrom: '2026-09-01T00:00:00.250+02:00', validUntil: '2026-09-08T10:20:30Z' });
    expect(toStatusListCredential(state(), { validFrom: new Date('2026-09-01T00:00:00Z') })).toStrictEqual({ ...toStatusListCredential(state()), validFrom: '2026-09-01T00:00:00Z' });
    expect(toStatusListCredential(state(), { validUntil: '2026-09-08T00:00:00Z' })).toStrictEqual({ ...toStatusListCredential(state()), validUntil: '2026-09-08T00:00:00Z' });
  });

  it('a date string must be an XML Schema dateTimeStamp (with time zone); a Date must be valid', () => {
    for (const name of ['validFrom', 'validUntil'] as const) {
      for (const v of ['2026-09-01', '2026-09-01T00:00:00', 'yesterday', '']) {
        expect(err(thrown(() => toStatusListCredential(state(), { [name]: v }))), v).toEqual(invalid(`${name} must be a date-time with time zone, e.g. 2026-09-01T00:00:00Z`));
      }
      expect(err(thrown(() => toStatusListCredential(state(), { [name]: new Date('nope') })))).toEqual(invalid(`${name} is not a valid date`));
    }
  });

  it('validUntil must be after validFrom (equal is refused; one second after is fine)', () => {
    const bad = invalid('validUntil must be after validFrom');
    expect(err(thrown(() => toStatusListCredential(state(), { validFrom: '2026-09-01T00:00:00Z', validUntil: '2026-09-01T00:00:00Z' })))).toEqual(bad);
    expect(err(thrown(() => toStatusListCredential(state(), { validFrom: '2026-09-01T00:00:00Z', validUntil: '2026-08-31T23:59:59Z' })))).toEqual(bad);
    // compared as instants, not as text: 02:00+02:00 is midnight UTC
    expect(err(thrown(() => toStatusListCredential(state(), { validFrom: '2026-09-01T00:00:00Z', validUntil: '2026-09-01T02:00:00+02:00' })))).toEqual(bad);
    expect(toStatusListCredential(state(), { validFrom: '2026-09-01T00:00:00Z', validUntil: '2026-09-01T00:00:01Z' })).toMatchObject({ validUntil: '2026-09-01T00:00:01Z' });
  });

  it('ttl (milliseconds): a non-negative safe integer, in the credentialSubject; absent when not given', () => {
    expect(toStatusListCredential(state(), { ttl: 0 }).credentialSubject).toStrictEqual({ id: `${LIST}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: ZEROS, ttl: 0 });
    expect(toStatusListCredential(state(), { ttl: 86_400_000 }).credentialSubject.ttl).toBe(86_400_000);
    for (const ttl of [-1, 1.5, Number.NaN, Infinity, '5', 2 ** 60]) {
      expect(err(thrown(() => toStatusListCredential(state(), { ttl: ttl as number }))), String(ttl)).toEqual(invalid('ttl must be a non-negative integer (milliseconds)'));
    }
  });

  it('refuses a state that is not one, or whose encodedList does not hold `length` bits', () => {
    expect(err(thrown(() => toStatusListCredential({ format: 'x' } as any)))).toEqual(listErr('ERR_STATUS_STATE_INVALID', 'not a status list state: format must be "credstack-status-list/v1" (got "x")'));
    expect(err(thrown(() => toStatusListCredential(state({ encodedList: enc(new Uint8Array(1)) }))))).toEqual(listErr('ERR_STATUS_STATE_INVALID', 'encodedList holds 8 bits, the state says 131072'));
  });
});

describe('signStatusList: what issueCredential is asked to sign', () => {
  beforeEach(() => {
    calls.length = 0;
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const KP = { id: `${ISS}#key-1`, controller: ISS, type: 'Multikey' } as any;
  const unsigned = (extra: Record<string, unknown> = {}) => ({ ...toStatusListCredential(state()), ...extra });

  it('signs the unsigned list with the key, `now`, validFrom = now, skipSchema (our schemas are for Open Badges)', async () => {
    const out = await signStatusList(state(), { key: KP, now: '2026-09-01T12:00:00Z' });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.doc).toStrictEqual(unsigned({ validFrom: '2026-09-01T12:00:00Z' }));
    expect(calls[0]!.opts).toStrictEqual({ key: KP, now: new Date('2026-09-01T12:00:00Z'), skipSchema: true });
    expect(out).toStrictEqual({ ...unsigned({ validFrom: '2026-09-01T12:00:00Z' }), proof: { type: 'DataIntegrityProof', proofValue: 'z-recorded' } });
  });

  it('without `now`, the clock: proof created and validFrom now', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-10-02T03:04:05.678Z'));
    await signStatusList(state(), { key: KP });
    expect(calls[0]!.doc.validFrom).toBe('2026-10-02T03:04:05Z');
    expect(calls[0]!.opts.now).toEqual(new Date('2026-10-02T03:04:05.678Z'));
  });

  it('validFrom, validUntil, ttl, format, signer and signerTimeoutMs are passed on as given, and only when given', async () => {
    const signer = { id: `${ISS}#kms`, algorithm: 'Ed25519', sign: async () => new Uint8Array(64) } as any;
    await signStatusList(state(), { signer, signerTimeoutMs: 500, now: '2026-09-01T12:00:00Z', validFrom: '2026-09-01T00:00:00Z', validUntil: '2026-09-08T00:00:00Z', ttl: 3_600_000, format: 'ecdsa-rdfc-2019' });
    expect(calls[0]!.doc).toStrictEqual({ ...unsigned({ validFrom: '2026-09-01T00:00:00Z', validUntil: '2026-09-08T00:00:00Z' }), credentialSubject: { ...unsigned().credentialSubject, ttl: 3_600_000 } });
    expect(calls[0]!.opts).toStrictEqual({ signer, key: undefined, signerTimeoutMs: 500, now: new Date('2026-09-01T12:00:00Z'), skipSchema: true, format: 'ecdsa-rdfc-2019' });
    // both: issueCredential decides (it refuses the pair)
    await signStatusList(state(), { signer, key: KP, now: '2026-09-01T12:00:00Z' });
    expect(calls[1]!.opts).toStrictEqual({ signer, key: KP, now: new Date('2026-09-01T12:00:00Z'), skipSchema: true });
    // a VC-JWT comes back as the compact string
    expect(await signStatusList(state(), { key: KP, now: '2026-09-01T12:00:00Z', format: 'vc-jwt' })).toBe('eyJ.recorded.jwt');
    expect(calls[2]!.opts).toStrictEqual({ key: KP, now: new Date('2026-09-01T12:00:00Z'), skipSchema: true, format: 'vc-jwt' });
  });

  it('refuses bad options before signing: not an object, an invalid now, dates and ttl of toStatusListCredential', async () => {
    for (const o of [undefined, null, 'key']) expect(err(await rejected(signStatusList(state(), o as any))), String(o)).toEqual(invalid('signStatusList needs { key } or { signer }'));
    expect(err(await rejected(signStatusList(state(), { key: KP, now: 'soon' })))).toEqual(invalid('options.now is not a valid date'));
    expect(err(await rejected(signStatusList(state(), { key: KP, now: new Date('x') })))).toEqual(invalid('options.now is not a valid date'));
    expect(err(await rejected(signStatusList(state(), { key: KP, now: '2026-09-08T00:00:00Z', validUntil: '2026-09-08T00:00:00Z' })))).toEqual(invalid('validUntil must be after validFrom'));
    expect(err(await rejected(signStatusList(state(), { key: KP, now: '2026-09-08T00:00:00Z', ttl: -5 })))).toEqual(invalid('ttl must be a non-negative integer (milliseconds)'));
    expect(err(await rejected(signStatusList(state({ revision: -1 }), { key: KP })))).toEqual(listErr('ERR_STATUS_STATE_INVALID', 'not a status list state: revision must be a non-negative integer'));
    expect(calls).toHaveLength(0);
  });
});

describe('revoke / suspend / reinstate (set-status.ts)', () => {
  it('revoke sets the bits of allocated indexes in a revocation list (index 0 = left-most bit); a new state, revision + 1', () => {
    const s0 = state();
    const s1 = revoke(s0, 0);
    expect(firstBytes(s1)).toEqual([0x80, 0, 0, 0]);
    expect(s1).toStrictEqual({ ...s0, encodedList: s1.encodedList, revision: 4 });
    expect(s1.allocation).not.toBe(s0.allocation);
    // the input is not changed
    expect(s0.encodedList).toBe(ZEROS);
    expect(s0.revision).toBe(3);
    // several at once; a base-10 string index is the same index; setting a set bit again keeps it set
    const s2 = revoke(s1, [9, '7' as any, 0]);
    expect(firstBytes(s2)).toEqual([0x81, 0x40, 0, 0]);
    expect(s2.revision).toBe(5);
    expect(getStatus(s2, 7)).toBe(true);
    expect(getStatus(s2, 8)).toBe(false);
  });

  it('suspend sets bits of a suspension list, reinstate clears them (suspension "is reversible")', () => {
    const s0 = withBytes([0x01, 0x00], { purpose: 'suspension' }, { next: 16 });
    const s1 = suspend(s0, [1, 15]);
    expect(firstBytes(s1)).toEqual([0x41, 0x01, 0, 0]);
    const s2 = reinstate(s1, 1);
    expect(firstBytes(s2)).toEqual([0x01, 0x01, 0, 0]);
    expect(s2.revision).toBe(5);
    // reinstating a bit that is not set leaves it clear
    expect(firstBytes(reinstate(s2, [2, 7]))).toEqual([0x00, 0x01, 0, 0]);
  });

  it('revocation "is not reversible": reinstate on a revocation list is refused unless force (to undo a mistake)', () => {
    const s = withBytes([0x20]);
    expect(err(thrown(() => reinstate(s, 2)))).toEqual(
      listErr('ERR_STATUS_REVOCATION_PERMANENT', `revocation is permanent (W3C Bitstring Status List): ${LIST} is a revocation list. Pass { force: true } only to undo a mistake.`),
    );
    expect(firstBytes(reinstate(s, 2, { force: true }))).toEqual([0, 0, 0, 0]);
    // only `true` forces
    for (const force of [1, 'true', {}]) expect(thrown(() => reinstate(s, 2, { force } as any)).code).toBe('ERR_STATUS_REVOCATION_PERMANENT');
  });

  it('the verb must match the list purpose (ERR_STATUS_PURPOSE_MISMATCH)', () => {
    expect(err(thrown(() => revoke(state({ purpose: 'suspension' }), 1)))).toEqual(
      listErr('ERR_STATUS_PURPOSE_MISMATCH', `cannot revoke on ${LIST}: it is a suspension list (use suspend, or a revocation list)`),
    );
    expect(err(thrown(() => suspend(state(), 1)))).toEqual(listErr('ERR_STATUS_PURPOSE_MISMATCH', `cannot suspend on ${LIST}: it is a revocation list (use revoke, or a suspension list)`));
    // force does not change the purpose
    expect(thrown(() => revoke(state({ purpose: 'suspension' }), 1, { force: true })).code).toBe('ERR_STATUS_PURPOSE_MISMATCH');
    expect(thrown(() => suspend(state(), 1, { force: true })).code).toBe('ERR_STATUS_PURPOSE_MISMATCH');
  });

  it('an index never allocated is refused (a typo would revoke someone else later) unless force; the message names 5, details 100', () => {
    const s = state({}, { next: 10 });
    expect(err(thrown(() => revoke(s, [9, 10])))).toEqual(
      listErr('ERR_STATUS_INDEX_NOT_ALLOCATED', `index 10 of ${LIST} was never allocated (typo?); pass { force: true } to change it anyway`),
    );
    expect(thrown(() => revoke(s, [9, 10])).details).toStrictEqual({ indexes: [10] });
    const many = Array.from({ length: 120 }, (_, i) => 200 + i);
    const e = thrown(() => revoke(s, [3, ...many]));
    expect(e.message).toBe(`index 200, 201, 202, 203, 204 of ${LIST} was never allocated (typo?); pass { force: true } to change it anyway`);
    expect(e.details).toStrictEqual({ indexes: many.slice(0, 100) });
    expect(firstBytes(revoke(s, [10, 31], { force: true }))).toEqual([0, 0x20, 0, 0x01]);
    // the refusal changes nothing: nothing is set before every index is checked
    expect(thrown(() => suspend(state({ purpose: 'suspension' }, { next: 0 }), 0)).code).toBe('ERR_STATUS_INDEX_NOT_ALLOCATED');
  });

  it('allocation in random order: the allocated indexes are those the permutation handed out', () => {
    // the first index of this key's permutation of [0, 131072) (test/status/state-rules.test.ts checks the permutation)
    const s = state({}, { order: 'random', next: 0 });
    expect(thrown(() => revoke(s, 0)).code).toBe('ERR_STATUS_INDEX_NOT_ALLOCATED');
  });

  it('indexes out of the list are refused (ERR_STATUS_INDEX_OUT_OF_RANGE), even with force', () => {
    for (const [i, shown] of [[131_072, '131072'], [-1, '-1'], [1.5, '1.5'], ['x', 'x'], [null, 'null']] as const) {
      const e = thrown(() => revoke(state(), i as number, { force: true }));
      expect(err(e), shown).toEqual(listErr('ERR_STATUS_INDEX_OUT_OF_RANGE', `index ${shown} is outside the list (0 … 131071)`));
    }
    expect(thrown(() => revoke(state(), [1, 131_072])).details).toStrictEqual({ index: 131_072, length: 131_072 });
  });

  it('options must be an object; a stored state is validated; the bits must match the length', () => {
    for (const o of [null, 5, 'force']) expect(err(thrown(() => revoke(state(), 1, o as any))), String(o)).toEqual(invalid('options must be an object'));
    expect(revoke(state(), 1, undefined).revision).toBe(4);
    expect(err(thrown(() => suspend({ ...state(), purpose: 'refresh' } as any, 1)))).toEqual(listErr('ERR_STATUS_STATE_INVALID', 'not a status list state: purpose must be "revocation" or "suspension"'));
    expect(err(thrown(() => revoke(state({ encodedList: enc(new Uint8Array(LEN / 8 - 1)) }), 1)))).toEqual(listErr('ERR_STATUS_STATE_INVALID', 'encodedList holds 131064 bits, the state says 131072'));
    // longer than the state says: refused while decoding (bounded by length / 8 bytes)
    expect(thrown(() => revoke(state({ encodedList: enc(new Uint8Array(LEN / 8 + 1)) }), 1)).code).toBe('ERR_STATUS_LIST_TOO_LARGE');
  });

  it('setStatus is the shared implementation: value and verb as given', () => {
    expect(firstBytes(setStatus(state(), [0, 1], true, 'revoke'))).toEqual([0xc0, 0, 0, 0]);
    expect(firstBytes(setStatus(withBytes([0xc0], { purpose: 'suspension' }), 0, false, 'reinstate'))).toEqual([0x40, 0, 0, 0]);
  });
});

describe('getStatus', () => {
  it('reads one bit of the stored list (index 0 = left-most bit of byte 0)', () => {
    const s = withBytes([0x80, 0x01]);
    expect([0, 1, 7, 8, 15, 16].map((i) => getStatus(s, i))).toEqual([true, false, false, false, true, false]);
    expect(getStatus(s, '15' as any)).toBe(true);
  });

  it('refuses an index outside the list and an invalid state', () => {
    expect(err(thrown(() => getStatus(state(), 131_072)))).toEqual(listErr('ERR_STATUS_INDEX_OUT_OF_RANGE', 'index 131072 is outside the list (0 … 131071)'));
    expect(err(thrown(() => getStatus({ ...state(), length: 8 }, 1)))).toEqual(listErr('ERR_STATUS_STATE_INVALID', 'not a status list state: length must be a multiple of 8 between 131072 and 134217728'));
    expect(err(thrown(() => getStatus(state({ encodedList: 'zABC' }), 1))).code).toBe('ERR_STATUS_LIST_MALFORMED');
  });
});

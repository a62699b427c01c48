// @ts-nocheck
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueCredential, verifyCredential, type KeyPair } from '../../src/index.js';
import {
  allocateStatusIndex,
  createStatusList,
  encodeBitstring,
  reinstate,
  revoke,
  setBit,
  signStatusList,
  suspend,
  toStatusListCredential,
  type StatusListState,
} from '../../src/status/index.js';
import { fixture, ISSUED, NOW, sampleCredential, seededKey } from '../helpers.js';

const vectors = fixture('status/vectors.json');
const REV = 'https://uni.example/status/rev';
const SUS = 'https://uni.example/status/sus';
let key: KeyPair;
let other: KeyPair;

beforeAll(async () => {
  key = await seededKey(41);
  other = await seededKey(42);
});

const statusChecks = (r: { checks: Array<{ id: string }> }) => r.checks.filter((c) => c.id === 'status') as any[];

/** A revocation list with one allocated index, and a credential carrying its entry. */
async function setup(purpose: 'revocation' | 'suspension' = 'revocation', id = purpose === 'revocation' ? REV : SUS) {
  const a = allocateStatusIndex(createStatusList({ id, issuer: key.controller, purpose }));
  const credential = await issueCredential({ ...sampleCredential(key.controller), credentialStatus: a.entry }, { key, now: ISSUED });
  return { state: a.state, index: a.index, entry: a.entry, credential };
}

/** Sign an arbitrary (possibly broken) list credential body. */
async function signRaw(body: Record<string, any>, signer: KeyPair = key) {
  return issueCredential(body, { key: signer, now: ISSUED, skipSchema: true });
}
function rawList(state: StatusListState, encodedList: string, extra: Record<string, any> = {}) {
  const u = toStatusListCredential(state, { validFrom: ISSUED });
  return { ...u, ...extra, credentialSubject: { ...u.credentialSubject, encodedList } };
}

describe('status check in verifyCredential', () => {
  it('not revoked → status passed, verified', async () => {
    const { state, credential, entry } = await setup();
    const list = await signStatusList(state, { key, now: ISSUED });
    const r = await verifyCredential(credential, { now: NOW, documents: { [REV]: list } });
    expect(r.verified).toBe(true);
    expect(statusChecks(r)).toEqual([{ id: 'status', status: 'passed', code: 'STATUS_VALID', message: expect.stringMatching(/not revoked/), target: entry.id }]);
  });

  it('revoke → status failed ERR_STATUS_REVOKED, verified false', async () => {
    const { state, index, credential } = await setup();
    const list = await signStatusList(revoke(state, index), { key, now: ISSUED });
    const r = await verifyCredential(credential, { now: NOW, documents: { [REV]: list } });
    expect(r.verified).toBe(false);
    expect(statusChecks(r)).toMatchObject([{ status: 'failed', code: 'ERR_STATUS_REVOKED' }]);
    // everything else still passes: only the status fails
    expect(r.checks.filter((c) => c.status === 'failed').map((c) => c.id)).toEqual(['status']);
  });

  it('suspend → ERR_STATUS_SUSPENDED; reinstate → passes again', async () => {
    const { state, index, credential } = await setup('suspension');
    const suspended = suspend(state, index);
    let r = await verifyCredential(credential, { now: NOW, documents: { [SUS]: await signStatusList(suspended, { key, now: ISSUED }) } });
    expect(r.verified).toBe(false);
    expect(statusChecks(r)).toMatchObject([{ status: 'failed', code: 'ERR_STATUS_SUSPENDED' }]);
    r = await verifyCredential(credential, { now: NOW, documents: { [SUS]: await signStatusList(reinstate(suspended, index), { key, now: ISSUED }) } });
    expect(r.verified).toBe(true);
    expect(statusChecks(r)).toMatchObject([{ status: 'passed', code: 'STATUS_VALID' }]);
  });

  it('no list offline → revocation unknown fails closed (ERR_STATUS_UNAVAILABLE, clear message); allowed → skipped', async () => {
    const { credential } = await setup();
    const r = await verifyCredential(credential, { now: NOW });
    expect(statusChecks(r)).toMatchObject([{ status: 'failed', code: 'ERR_STATUS_UNAVAILABLE', message: expect.stringContaining('documents') }]);
    expect(r.verified).toBe(false);
    const allowed = await verifyCredential(credential, { now: NOW, status: 'allow-unavailable' });
    expect(allowed.verified).toBe(true);
    expect(statusChecks(allowed)).toMatchObject([{ status: 'skipped', code: 'SKIP_STATUS_UNAVAILABLE', message: expect.stringContaining('documents') }, { status: 'warning', code: 'W_STATUS_UNCHECKED' }]);
    const expired = await verifyCredential(credential, { now: '2099-01-01T00:00:00Z', status: 'allow-unavailable' });
    expect(statusChecks(expired)[0].status).toBe('skipped');
  });

  it('an explicit fetch is used when given; a failing fetch → revocation unknown fails closed (ERR_STATUS_UNAVAILABLE)', async () => {
    const { state, index, credential } = await setup();
    const list = await signStatusList(revoke(state, index), { key, now: ISSUED });
    const asked: string[] = [];
    const r = await verifyCredential(credential, { now: NOW, fetch: async (u) => (asked.push(u), JSON.stringify(list)) });
    expect(asked).toEqual([REV]);
    expect(statusChecks(r)).toMatchObject([{ status: 'failed', code: 'ERR_STATUS_REVOKED' }]);
    const down = await verifyCredential(credential, { now: NOW, fetch: async () => { throw new Error('ECONNREFUSED'); } });
    expect(statusChecks(down)).toMatchObject([{ status: 'failed', code: 'ERR_STATUS_UNAVAILABLE', message: expect.stringContaining('ECONNREFUSED') }]);
    expect(down.verified).toBe(false);
  });

  it('tampered list (bit flipped after signing) → failed, even though the flip says "not revoked"', async () => {
    const { state, index, credential } = await setup();
    const list = await signStatusList(revoke(state, index), { key, now: ISSUED });
    const tampered = structuredClone(list);
    tampered.credentialSubject.encodedList = state.encodedList; // the unrevoked bits
    const r = await verifyCredential(credential, { now: NOW, documents: { [REV]: tampered } });
    expect(r.verified).toBe(false);
    expect(statusChecks(r)).toMatchObject([{ status: 'failed', code: 'ERR_STATUS_LIST_UNVERIFIED', message: expect.stringMatching(/proof/) }]);
    const unsigned = toStatusListCredential(state);
    const r2 = await verifyCredential(credential, { now: NOW, documents: { [REV]: unsigned } });
    expect(statusChecks(r2)).toMatchObject([{ status: 'failed', code: 'ERR_STATUS_LIST_UNVERIFIED' }]);
  });

  it('list signed by someone else or naming another id → bound by the URL the credential names: warnings; wrong type or purpose → failed', async () => {
    const { state, credential } = await setup();
    const foreign = await signRaw({ ...toStatusListCredential(state, { validFrom: ISSUED }), issuer: other.controller }, other);
    let r = await verifyCredential(credential, { now: NOW, documents: { [REV]: foreign } });
    expect(statusChecks(r).map((c) => [c.status, c.code])).toEqual([['passed', 'STATUS_VALID'], ['warning', 'W_STATUS_LIST_ISSUER_DIFFERS']]);
    r = await verifyCredential(credential, { now: NOW, statusIssuer: 'same', documents: { [REV]: foreign } });
    expect(statusChecks(r)).toMatchObject([{ status: 'failed', code: 'ERR_STATUS_LIST_ISSUER_MISMATCH' }]);

    const elsewhere = await signStatusList({ ...state, id: 'https://uni.example/status/other' }, { key, now: ISSUED });
    r = await verifyCredential(credential, { now: NOW, documents: { [REV]: elsewhere } });
    expect(statusChecks(r).map((c) => [c.status, c.code])).toEqual([['passed', 'STATUS_VALID'], ['warning', 'W_STATUS_LIST_ID_DIFFERS']]);

    const suspensionList = await signStatusList({ ...state, purpose: 'suspension' }, { key, now: ISSUED });
    r = await verifyCredential(credential, { now: NOW, documents: { [REV]: suspensionList } });
    expect(statusChecks(r)).toMatchObject([{ status: 'failed', code: 'ERR_STATUS_PURPOSE_MISMATCH' }]);

    const notAList = await signRaw({ ...toStatusListCredential(state, { validFrom: ISSUED }), type: ['VerifiableCredential'] });
    r = await verifyCredential(credential, { now: NOW, documents: { [REV]: notAList } });
    expect(statusChecks(r)).toMatchObject([{ status: 'failed', code: 'ERR_STATUS_LIST_TYPE' }]);
  });

  it('expired or not-yet-valid list → failed', async () => {
    const { state, credential } = await setup();
    const list = await signStatusList(state, { key, now: ISSUED, validUntil: '2026-10-01T00:00:00Z' });
    let r = await verifyCredential(credential, { now: NOW, documents: { [REV]: list } });
    expect(statusChecks(r)).toMatchObject([{ status: 'failed', code: 'ERR_STATUS_LIST_EXPIRED' }]);
    r = await verifyCredential(credential, { now: '2026-09-15T00:00:00Z', documents: { [REV]: list } });
    expect(statusChecks(r)).toMatchObject([{ status: 'passed' }]);
    const future = await signStatusList(state, { key, now: ISSUED, validFrom: '2026-12-01T00:00:00Z' });
    r = await verifyCredential(credential, { now: NOW, documents: { [REV]: future } });
    expect(statusChecks(r)).toMatchObject([{ status: 'failed', code: 'ERR_STATUS_LIST_NOT_YET_VALID' }]);
  });

  it('bad encodedList in a correctly signed list → failed with its own code (the bomb stops at the size limit)', async () => {
    const { state, credential } = await setup();
    const bomb = 'u' + gzipSync(Buffer.alloc(100 * 1024 * 1024), { level: 9 }).toString('base64url');
    const cases: Array<[string, string]> = [
      ['uH4sI!!notbase64url', 'ERR_STATUS_LIST_MALFORMED'],
      [vectors.specExample.slice(1), 'ERR_STATUS_LIST_MALFORMED'],
      ['u' + Buffer.from('plain text, not gzip data at all').toString('base64url'), 'ERR_STATUS_LIST_NOT_GZIP'],
      [bomb, 'ERR_STATUS_LIST_TOO_LARGE'],
    ];
    for (const [encoded, code] of cases) {
      const list = await signRaw(rawList(state, encoded));
      const r = await verifyCredential(credential, { now: NOW, documents: { [REV]: list } });
      expect(r.verified).toBe(false);
      expect(statusChecks(r)).toMatchObject([{ status: 'failed', code }]);
    }
  });

  it('index out of range → ERR_STATUS_INDEX_OUT_OF_RANGE; malformed entry → ERR_STATUS_ENTRY_MALFORMED', async () => {
    const { state, entry } = await setup();
    const list = await signStatusList(state, { key, now: ISSUED });
    const far = await issueCredential({ ...sampleCredential(key.controller), credentialStatus: { ...entry, statusListIndex: '131072' } }, { key, now: ISSUED });
    let r = await verifyCredential(far, { now: NOW, documents: { [REV]: list } });
    expect(statusChecks(r)).toMatchObject([{ status: 'failed', code: 'ERR_STATUS_INDEX_OUT_OF_RANGE' }]);
    const huge = await issueCredential({ ...sampleCredential(key.controller), credentialStatus: { ...entry, statusListIndex: '9'.repeat(40) } }, { key, now: ISSUED });
    r = await verifyCredential(huge, { now: NOW, documents: { [REV]: list } });
    expect(statusChecks(r)).toMatchObject([{ status: 'failed', code: 'ERR_STATUS_INDEX_OUT_OF_RANGE' }]);
    const neg = await issueCredential({ ...sampleCredential(key.controller), credentialStatus: { ...entry, statusListIndex: '-1' } }, { key, now: ISSUED });
    r = await verifyCredential(neg, { now: NOW, documents: { [REV]: list } });
    expect(statusChecks(r)).toMatchObject([{ status: 'failed', code: 'ERR_STATUS_ENTRY_MALFORMED' }]);
  });

  it("another implementation's short list (100,000 entries): warning when not revoked, failure when revoked", async () => {
    const state = createStatusList({ id: REV, issuer: key.controller, purpose: 'revocation' });
    const list = await signRaw(rawList(state, vectors.list100kWithIndex50000Set));
    const entry = (i: number) => ({ type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: String(i), statusListCredential: REV });
    const ok = await issueCredential({ ...sampleCredential(key.controller), credentialStatus: entry(10) }, { key, now: ISSUED });
    let r = await verifyCredential(ok, { now: NOW, documents: { [REV]: list } });
    expect(r.verified).toBe(true);
    expect(statusChecks(r)).toMatchObject([{ status: 'warning', code: 'W_STATUS_LIST_SHORT', message: expect.stringContaining('100000 entries') }]);
    expect(r.warnings.map((w) => w.code)).toContain('W_STATUS_LIST_SHORT');
    const revoked = await issueCredential({ ...sampleCredential(key.controller), credentialStatus: entry(50_000) }, { key, now: ISSUED });
    r = await verifyCredential(revoked, { now: NOW, documents: { [REV]: list } });
    expect(statusChecks(r)).toMatchObject([{ status: 'failed', code: 'ERR_STATUS_REVOKED' }]);
  });

  it('several entries → one check each, with targets', async () => {
    const rev = allocateStatusIndex(createStatusList({ id: REV, issuer: key.controller, purpose: 'revocation' }));
    const sus = allocateStatusIndex(createStatusList({ id: SUS, issuer: key.controller, purpose: 'suspension' }));
    const credential = await issueCredential({ ...sampleCredential(key.controller), credentialStatus: [rev.entry, sus.entry] }, { key, now: ISSUED });
    const documents = {
      [REV]: await signStatusList(rev.state, { key, now: ISSUED }),
      [SUS]: await signStatusList(suspend(sus.state, sus.index), { key, now: ISSUED }),
    };
    const r = await verifyCredential(credential, { now: NOW, documents });
    expect(statusChecks(r).map((c) => [c.target, c.status, c.code])).toEqual([
      [rev.entry.id, 'passed', 'STATUS_VALID'],
      [sus.entry.id, 'failed', 'ERR_STATUS_SUSPENDED'],
    ]);
  });

  it('a list secured as VC-JWT is read through the nested verifier (report.credential)', async () => {
    const { checkCredentialStatus } = await import('../../src/status/index.js');
    const { state, index, credential } = await setup();
    const jwt = await signStatusList(revoke(state, index), { key, now: ISSUED, format: 'vc-jwt' });
    expect(typeof jwt).toBe('string');
    const nested = await verifyCredential(jwt, { now: NOW });
    expect(nested.verified).toBe(true);
    const ctx = { now: new Date(NOW), loader: async (url: string) => ({ contextUrl: null, documentUrl: url, document: jwt }), verifyList: async () => nested };
    expect(await checkCredentialStatus(credential, ctx)).toMatchObject([{ status: 'failed', code: 'ERR_STATUS_REVOKED' }]);
  });
});

describe('other status methods', () => {
  it('StatusList2021 is checked like a Bitstring Status List', async () => {
    const url = 'https://uni.example/status/2021';
    const bits = new Uint8Array(16_384);
    setBit(bits, 7, true);
    const v1 = ['https://www.w3.org/2018/credentials/v1', 'https://w3id.org/vc/status-list/2021/v1'];
    const sl = await signRaw({
      '@context': v1,
      id: url,
      type: ['VerifiableCredential', 'StatusList2021Credential'],
      issuer: key.controller,
      issuanceDate: ISSUED,
      credentialSubject: { id: `${url}#list`, type: 'StatusList2021', statusPurpose: 'revocation', encodedList: encodeBitstring(bits).slice(1) },
    });
    const entry = (i: number) => ({ id: `${url}#${i}`, type: 'StatusList2021Entry', statusPurpose: 'revocation', statusListIndex: String(i), statusListCredential: url });
    const vc11 = (i: number) => ({ '@context': v1, type: ['VerifiableCredential'], issuer: key.controller, issuanceDate: ISSUED, credentialSubject: { id: 'did:example:learner' }, credentialStatus: entry(i) });
    const revoked = await issueCredential(vc11(7), { key, now: ISSUED, skipSchema: true });
    const fine = await issueCredential(vc11(8), { key, now: ISSUED, skipSchema: true });
    expect(statusChecks(await verifyCredential(revoked, { now: NOW, documents: { [url]: sl } }))).toMatchObject([{ status: 'failed', code: 'ERR_STATUS_REVOKED' }]);
    expect(statusChecks(await verifyCredential(fine, { now: NOW, documents: { [url]: sl } }))).toMatchObject([{ status: 'passed', message: expect.stringContaining('StatusList2021') }]);
    expect(statusChecks(await verifyCredential(fine, { now: NOW }))).toMatchObject([{ status: 'failed', code: 'ERR_STATUS_UNAVAILABLE' }]);
  });

  it('1EdTechRevocationList: revoked → failed, listed elsewhere → warning (unsigned list), unavailable → fails closed', async () => {
    const url = 'https://uni.example/revocations';
    const base = sampleCredential(key.controller);
    const credential = await issueCredential(
      { ...base, '@context': [...base['@context'], 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json'], credentialStatus: { id: url, type: '1EdTechRevocationList' } },
      { key, now: ISSUED },
    );
    const list = (ids: string[]) => ({ id: url, issuer: key.controller, revokedCredentials: ids.map((id) => ({ id, revocationReason: 'issued in error' })) });
    let r = await verifyCredential(credential, { now: NOW, documents: { [url]: list([credential.id]) } });
    expect(statusChecks(r)).toMatchObject([{ status: 'failed', code: 'ERR_STATUS_REVOKED', message: expect.stringContaining('issued in error') }]);
    r = await verifyCredential(credential, { now: NOW, documents: { [url]: list(['urn:uuid:someone-else']) } });
    expect(r.verified).toBe(true);
    expect(statusChecks(r)).toMatchObject([{ status: 'warning', code: 'W_STATUS_LIST_UNSIGNED' }]);
    r = await verifyCredential(credential, { now: NOW });
    expect(statusChecks(r)).toMatchObject([{ status: 'failed', code: 'ERR_STATUS_UNAVAILABLE' }]);
    r = await verifyCredential(credential, { now: NOW, status: 'allow-unavailable' });
    expect(statusChecks(r)).toMatchObject([{ status: 'skipped', code: 'SKIP_STATUS_UNAVAILABLE' }, { status: 'warning', code: 'W_STATUS_UNCHECKED' }]);
  });

  it('unknown or superseded status types → revocation unknown fails closed (ERR_STATUS_UNSUPPORTED) with the type named, never passed', async () => {
    const { checkCredentialStatus } = await import('../../src/status/index.js');
    const ctx = { now: new Date(NOW), loader: async () => { throw new Error('no'); }, verifyList: async () => ({ verified: false, checks: [], warnings: [] }) } as any;
    const checks = await checkCredentialStatus(
      { issuer: 'did:example:x', credentialStatus: [{ type: 'RevocationList2020Status' }, { type: 'CustomStatus' }, 'not an object'] },
      ctx,
    );
    expect(checks.map((c) => [c.status, c.code])).toEqual([
      ['failed', 'ERR_STATUS_UNSUPPORTED'],
      ['failed', 'ERR_STATUS_UNSUPPORTED'],
      ['failed', 'ERR_STATUS_ENTRY_MALFORMED'],
    ]);
    expect(checks[0]!.message).toContain('RevocationList2020');
    expect(checks[1]!.message).toContain('CustomStatus');
    expect(await checkCredentialStatus({ credentialStatus: [] }, ctx)).toMatchObject([{ status: 'failed', code: 'ERR_STATUS_ENTRY_MALFORMED' }]);
  });
});

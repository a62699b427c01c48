// @ts-nocheck
// Status semantics (issues 11 and 17): the list is bound by the URL the signed credential names (Bitstring Status List
// v1.0 §2.2 / §3.2), revocation fails closed unless the caller opts out, every check runs so the report names the real
// reason, a list that does not verify is a failure (never a skip), and status lists' own entries are not followed.
import { beforeAll, describe, expect, it } from 'vitest';
import { issueCredential, verifyCredential, type KeyPair, type VerifyOptions } from '../../src/index.js';
import { allocateStatusIndex, createStatusList, revoke, signStatusList, toStatusListCredential, type StatusListState } from '../../src/status/index.js';
import { ISSUED, NOW, sampleCredential, seededKey } from '../helpers.js';

const REV = 'https://uni.example/status/rev';
/** Where a status service says its list lives (its own `id`), although the credential names REV. */
const SVC_ID = 'https://status-service.example/lists/7';
let key: KeyPair; // the university: issues the credentials
let svc: KeyPair; // a status service: signs the lists with its own key

beforeAll(async () => {
  key = await seededKey(51);
  svc = await seededKey(52);
});

type AnyCheck = { id: string; status: string; code?: string; message: string; target?: string };
const statusChecks = (r: { checks: AnyCheck[] }) => r.checks.filter((c) => c.id === 'status');
const codes = (r: { checks: AnyCheck[] }) => r.checks.map((c) => c.code);

async function setup(extraTop: Record<string, unknown> = {}) {
  const a = allocateStatusIndex(createStatusList({ id: REV, issuer: key.controller, purpose: 'revocation' }));
  const credential = await issueCredential({ ...sampleCredential(key.controller, { top: extraTop }), credentialStatus: a.entry }, { key, now: ISSUED });
  return { state: a.state, index: a.index, entry: a.entry, credential };
}

/** The same bits, signed by the status service under its own id. */
function serviceList(state: StatusListState, opts: { validUntil?: string } = {}) {
  return signStatusList({ ...state, id: SVC_ID, issuer: svc.controller }, { key: svc, now: ISSUED, ...opts });
}

describe('binding: the URL the signed credential names (Bitstring Status List v1.0 §2.2, §3.2)', () => {
  it('a list signed by a second key and served under another URL than its id verifies, with two warnings', async () => {
    const { state, credential, entry } = await setup();
    const r = await verifyCredential(credential, { now: NOW, documents: { [REV]: await serviceList(state) } });
    expect(r.verified).toBe(true);
    expect(statusChecks(r).map((c) => [c.status, c.code, c.target])).toEqual([
      ['passed', 'STATUS_VALID', entry.id],
      ['warning', 'W_STATUS_LIST_ID_DIFFERS', entry.id],
      ['warning', 'W_STATUS_LIST_ISSUER_DIFFERS', entry.id],
    ]);
    expect(r.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['W_STATUS_LIST_ID_DIFFERS', 'W_STATUS_LIST_ISSUER_DIFFERS']));
    expect(statusChecks(r)[2]!.message).toContain(svc.controller);
  });

  it('the same list after the service revoked the index → ERR_STATUS_REVOKED (the bit is read)', async () => {
    const { state, index, credential } = await setup();
    const r = await verifyCredential(credential, { now: NOW, documents: { [REV]: await serviceList(revoke(state, index)) } });
    expect(r.verified).toBe(false);
    expect(statusChecks(r).filter((c) => c.status === 'failed').map((c) => c.code)).toEqual(['ERR_STATUS_REVOKED']);
  });

  it("statusIssuer: 'same' refuses the service's list (ERR_STATUS_LIST_ISSUER_MISMATCH) but accepts the issuer's own", async () => {
    const { state, credential } = await setup();
    const r = await verifyCredential(credential, { now: NOW, statusIssuer: 'same', documents: { [REV]: await serviceList(state) } });
    expect(r.verified).toBe(false);
    expect(statusChecks(r).filter((c) => c.status === 'failed').map((c) => c.code)).toEqual(['ERR_STATUS_LIST_ISSUER_MISMATCH']);
    expect(statusChecks(r).some((c) => c.status === 'passed')).toBe(false);
    const own = await signStatusList(state, { key, now: ISSUED });
    const ok = await verifyCredential(credential, { now: NOW, statusIssuer: 'same', documents: { [REV]: own } });
    expect(ok.verified).toBe(true);
    expect(statusChecks(ok).map((c) => c.code)).toEqual(['STATUS_VALID']);
  });

  it('an unknown statusIssuer / status option value is refused with ERR_INVALID_OPTION (no silent default)', async () => {
    const { credential } = await setup();
    for (const bad of [{ statusIssuer: 'whoever' }, { status: 'maybe' }, { maxDocuments: 0 }]) {
      const r = await verifyCredential(credential, { now: NOW, ...(bad as VerifyOptions) });
      expect(r.verified).toBe(false);
      expect(r.checks).toMatchObject([{ id: 'format', status: 'failed', code: 'ERR_INVALID_OPTION' }]);
    }
  });
});

describe('every check runs: the report names the real reason', () => {
  it('revoked + expired + untrusted issuer, list from the status service → all three codes', async () => {
    const { state, index, credential } = await setup({ validUntil: '2026-10-01T00:00:00Z' });
    const r = await verifyCredential(credential, {
      now: NOW,
      trustedIssuers: ['did:web:someone-else.example'],
      documents: { [REV]: await serviceList(revoke(state, index)) },
    });
    expect(r.verified).toBe(false);
    expect(codes(r)).toEqual(expect.arrayContaining(['ERR_STATUS_REVOKED', 'ERR_EXPIRED', 'ERR_ISSUER_UNTRUSTED']));
  });

  it('an expired (but authentic) list that says revoked → ERR_STATUS_LIST_EXPIRED and ERR_STATUS_REVOKED (revocation "is not reversible")', async () => {
    const { state, index, credential } = await setup();
    const list = await signStatusList(revoke(state, index), { key, now: ISSUED, validUntil: '2026-10-01T00:00:00Z' });
    const r = await verifyCredential(credential, { now: NOW, documents: { [REV]: list } });
    expect(statusChecks(r).filter((c) => c.status === 'failed').map((c) => c.code).sort()).toEqual(['ERR_STATUS_LIST_EXPIRED', 'ERR_STATUS_REVOKED']);
    // not revoked on an expired list: only the expiry, never a pass
    const fine = await signStatusList(state, { key, now: ISSUED, validUntil: '2026-10-01T00:00:00Z' });
    const r2 = await verifyCredential(credential, { now: NOW, documents: { [REV]: fine } });
    expect(statusChecks(r2).map((c) => [c.status, c.code])).toEqual([['failed', 'ERR_STATUS_LIST_EXPIRED']]);
  });
});

describe('every check runs: issuer and validity report each of their reasons', () => {
  it('untrusted issuer that does not control the key + malformed validFrom + expired + revoked → every code', async () => {
    const mallory = await seededKey(54);
    const { createEddsaSigningSuite } = await import('../../src/proofs/suites.js');
    const { createDocumentLoader } = await import('../../src/jsonld/loader.js');
    const { default: jsigs } = await import('jsonld-signatures');
    const a = allocateStatusIndex(createStatusList({ id: REV, issuer: key.controller, purpose: 'revocation' }));
    const c = { ...sampleCredential(key.controller), validFrom: '2026-09-01', validUntil: '2026-10-01T00:00:00Z', credentialStatus: a.entry };
    // signed by a key the issuer does not control (jsigs directly: issueCredential refuses this)
    const forged = await jsigs.sign(structuredClone(c), { suite: createEddsaSigningSuite(mallory, ISSUED), purpose: new jsigs.purposes.AssertionProofPurpose(), documentLoader: createDocumentLoader() });
    const list = await signStatusList(revoke(a.state, a.index), { key, now: ISSUED });
    const r = await verifyCredential(forged, { now: NOW, trustedIssuers: ['did:web:someone-else.example'], documents: { [REV]: list } });
    expect(r.checks.filter((x) => x.id === 'proof').map((x) => x.status)).toEqual(['passed']);
    expect(r.checks.filter((x) => x.id === 'issuer').map((x) => x.code)).toEqual(['ERR_ISSUER_UNTRUSTED', 'ERR_ISSUER_KEY_MISMATCH']);
    expect(r.checks.filter((x) => x.id === 'validity').map((x) => x.code)).toEqual(['ERR_DATE_INVALID', 'ERR_EXPIRED']);
    expect(statusChecks(r).map((x) => x.code)).toEqual(['ERR_STATUS_REVOKED']);
  });
});

describe('revocation fails closed (status: check | allow-unavailable | skip)', () => {
  it('revoked without the list → verified false, ERR_STATUS_UNAVAILABLE naming `documents`', async () => {
    const { credential } = await setup();
    const r = await verifyCredential(credential, { now: NOW });
    expect(r.verified).toBe(false);
    expect(statusChecks(r)).toMatchObject([{ status: 'failed', code: 'ERR_STATUS_UNAVAILABLE', message: expect.stringContaining('documents') }]);
    const down = await verifyCredential(credential, { now: NOW, fetch: async () => { throw new Error('ECONNREFUSED'); } });
    expect(down.verified).toBe(false);
    expect(statusChecks(down)).toMatchObject([{ status: 'failed', code: 'ERR_STATUS_UNAVAILABLE', message: expect.stringContaining('ECONNREFUSED') }]);
  });

  it("status: 'allow-unavailable' → skipped SKIP_STATUS_UNAVAILABLE plus the warning W_STATUS_UNCHECKED, verified", async () => {
    const { credential } = await setup();
    const r = await verifyCredential(credential, { now: NOW, status: 'allow-unavailable' });
    expect(r.verified).toBe(true);
    expect(statusChecks(r).map((c) => [c.status, c.code])).toEqual([
      ['skipped', 'SKIP_STATUS_UNAVAILABLE'],
      ['warning', 'W_STATUS_UNCHECKED'],
    ]);
    expect(r.warnings.map((w) => w.code)).toContain('W_STATUS_UNCHECKED');
  });

  it("the opt-out does not cover a list that was obtained: revoked in the list → still ERR_STATUS_REVOKED", async () => {
    const { state, index, credential } = await setup();
    const list = await signStatusList(revoke(state, index), { key, now: ISSUED });
    const r = await verifyCredential(credential, { now: NOW, status: 'allow-unavailable', documents: { [REV]: list } });
    expect(r.verified).toBe(false);
    expect(statusChecks(r).map((c) => c.code)).toEqual(['ERR_STATUS_REVOKED']);
  });

  it("status: 'skip' and the deprecated checkStatus: false → skipped SKIP_STATUS_DISABLED plus W_STATUS_UNCHECKED", async () => {
    const { credential } = await setup();
    for (const o of [{ status: 'skip' as const }, { checkStatus: false }]) {
      const r = await verifyCredential(credential, { now: NOW, ...o });
      expect(r.verified).toBe(true);
      expect(statusChecks(r).map((c) => [c.status, c.code])).toEqual([
        ['skipped', 'SKIP_STATUS_DISABLED'],
        ['warning', 'W_STATUS_UNCHECKED'],
      ]);
    }
    // `status` wins over the deprecated flag
    const r = await verifyCredential(credential, { now: NOW, status: 'check', checkStatus: false });
    expect(statusChecks(r)).toMatchObject([{ status: 'failed', code: 'ERR_STATUS_UNAVAILABLE' }]);
  });

  it('status module: unsupported / superseded types and a 1EdTech list for a credential without id are undetermined', async () => {
    const { checkCredentialStatus } = await import('../../src/status/index.js');
    const base = { now: new Date(NOW), loader: async () => { throw new Error('offline'); }, verifyList: async () => ({ verified: false, checks: [], warnings: [] }) } as any;
    const cred = { issuer: 'did:example:x', credentialStatus: [{ type: 'RevocationList2020Status' }, { type: 'CustomStatus' }, { id: 'https://uni.example/rl', type: '1EdTechRevocationList' }] };
    const fail = await checkCredentialStatus(cred, base);
    expect(fail.map((c) => [c.status, c.code])).toEqual([
      ['failed', 'ERR_STATUS_UNSUPPORTED'],
      ['failed', 'ERR_STATUS_UNSUPPORTED'],
      ['failed', 'ERR_STATUS_UNAVAILABLE'],
    ]);
    const skip = await checkCredentialStatus(cred, { ...base, undetermined: 'skip' });
    expect(skip.map((c) => [c.status, c.code])).toEqual([
      ['skipped', 'SKIP_STATUS_UNSUPPORTED'],
      ['skipped', 'SKIP_STATUS_UNSUPPORTED'],
      ['skipped', 'SKIP_STATUS_UNAVAILABLE'],
      ['warning', 'W_STATUS_UNCHECKED'],
    ]);
    expect(skip[3]!.message).toMatch(/^3 status entries could not be checked/);
    const list = { revokedCredentials: [] };
    const noId = await checkCredentialStatus(
      { issuer: 'did:example:x', credentialStatus: { id: 'https://uni.example/rl', type: '1EdTechRevocationList' } },
      { ...base, loader: async (url: string) => ({ contextUrl: null, documentUrl: url, document: list }) },
    );
    expect(noId.map((c) => [c.status, c.code])).toEqual([['failed', 'ERR_STATUS_NO_CREDENTIAL_ID']]);
  });
});

describe('a list that cannot be verified is a failure, never a skip (issue 17)', () => {
  it('bits cleared and the proof pointed at an unresolvable key → ERR_STATUS_LIST_UNVERIFIED, even with allow-unavailable', async () => {
    const { state, index, credential } = await setup();
    const list = structuredClone(await signStatusList(revoke(state, index), { key, now: ISSUED })) as any;
    list.credentialSubject.encodedList = state.encodedList; // "not revoked"
    list.proof.verificationMethod = 'did:web:nowhere.example#key-1';
    for (const status of ['check', 'allow-unavailable'] as const) {
      const r = await verifyCredential(credential, { now: NOW, status, documents: { [REV]: list } });
      expect(r.verified).toBe(false);
      expect(statusChecks(r)).toMatchObject([{ status: 'failed', code: 'ERR_STATUS_LIST_UNVERIFIED' }]);
    }
  });
});

describe('fan-out: one cache per verification, status lists are not followed, documents are bounded', () => {
  /** A credential with 16 entries; every list again carries 16 entries, to lists that again carry 16 … (3 levels). */
  async function fanOut() {
    const url = (path: string) => `https://lists.example/${path}`;
    const entry = (path: string, i: number) => ({ id: `${url(path)}#${i}`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: String(i), statusListCredential: url(path) });
    const lists = new Map<string, unknown>();
    const signed = async (path: string, depth: number): Promise<unknown> => {
      const list: Record<string, any> = toStatusListCredential(createStatusList({ id: url(path), issuer: key.controller, purpose: 'revocation' }), { validFrom: ISSUED });
      if (depth < 3) list.credentialStatus = Array.from({ length: 16 }, (_, i) => entry(`${path}-${i}`, i));
      return issueCredential(list, { key, now: ISSUED, skipSchema: true });
    };
    for (let i = 0; i < 16; i++) lists.set(url(`l${i}`), await signed(`l${i}`, 1));
    // one deeper list template, served for every deeper URL a recursive verifier would ask for
    const deeper = await signed('deeper', 2);
    const asked: string[] = [];
    const fetch = async (u: string) => {
      asked.push(u);
      if (asked.length > 400) throw new Error('fetch budget of the test exhausted');
      return lists.get(u) ?? deeper;
    };
    const credential = await issueCredential(
      { ...sampleCredential(key.controller), credentialStatus: Array.from({ length: 16 }, (_, i) => entry(`l${i}`, 100 + i)) },
      { key, now: ISSUED },
    );
    return { credential, fetch, asked };
  }

  it('16 entries whose lists carry entries 3 levels deep → exactly 16 fetches, each list once, all checked', async () => {
    const { credential, fetch, asked } = await fanOut();
    const r = await verifyCredential(credential, { now: NOW, fetch });
    expect(asked.length).toBe(16);
    expect(new Set(asked).size).toBe(16);
    expect(statusChecks(r).map((c) => c.code)).toEqual(Array(16).fill('STATUS_VALID'));
    expect(r.verified).toBe(true);
  }, 60_000);

  it('maxDocuments bounds the documents loaded per verification: ERR_DOCUMENT_LIMIT beyond it', async () => {
    const { credential, fetch, asked } = await fanOut();
    const r = await verifyCredential(credential, { now: NOW, fetch, maxDocuments: 4 });
    expect(asked.length).toBe(4);
    expect(r.verified).toBe(false);
    const st = statusChecks(r);
    expect(st.filter((c) => c.code === 'STATUS_VALID').length).toBe(4);
    expect(st.filter((c) => c.code === 'ERR_DOCUMENT_LIMIT').length).toBe(12);
  }, 60_000);

  it('two entries naming the same list: the list is loaded and verified once', async () => {
    const a = allocateStatusIndex(createStatusList({ id: REV, issuer: key.controller, purpose: 'revocation' }));
    const b = allocateStatusIndex(a.state);
    const credential = await issueCredential({ ...sampleCredential(key.controller), credentialStatus: [a.entry, b.entry] }, { key, now: ISSUED });
    const list = await signStatusList(revoke(b.state, b.index), { key, now: ISSUED });
    const asked: string[] = [];
    const r = await verifyCredential(credential, { now: NOW, fetch: async (u) => (asked.push(u), list) });
    expect(asked).toEqual([REV]);
    expect(statusChecks(r).map((c) => c.code)).toEqual(['STATUS_VALID', 'ERR_STATUS_REVOKED']);
  });
});

// @ts-nocheck
// Issue 21 (mutation area `verify-misc`): the small checks of the verify path, called directly with hand-made views,
// contexts and stub loaders (no signing): the status policy, report assembly, type, subject, @context, the
// credentialStatus policy, the presentation's challenge / domain, and composed presentation expansions.
//
// VC Data Model v2.0 §4.1 Contexts: "The value of the @context property MUST be an ordered set where the first item is
// a URL with the value https://www.w3.org/ns/credentials/v2"; §4.5 Types: a credential's type "MUST include
// VerifiableCredential"; OB 3.0 §8.2 AchievementSubject: "identifier … Other identifiers for the recipient … either id
// or at least one identifier MUST be supplied"; Data Integrity §2.1: challenge / domain of an authentication proof
// ("the verifier MUST ensure" they match what it expects). credstack design: `verified` is true iff there is at least
// one check and none failed; a status that cannot be determined fails unless `status: 'allow-unavailable'`.
import { describe, expect, it } from 'vitest';
import { createDocumentLoader } from '../../src/jsonld/loader.js';
import { checkContext } from '../../src/verify/checks/context.js';
import { checkPresentationProofs } from '../../src/verify/checks/presentation-proof.js';
import { copyAsGiven } from '../../src/verify/checks/schema.js';
import { checkStatus } from '../../src/verify/checks/status.js';
import { checkSubject } from '../../src/verify/checks/subject.js';
import { checkType } from '../../src/verify/checks/type.js';
import { composePresentationExpansion, proofsSplittable, splitProofs } from '../../src/verify/compose.js';
import { statusPolicyOf, type VerifyContext, type VerifyOptions } from '../../src/verify/options.js';
import { makeReport, summarizeReport, type Check } from '../../src/verify/report.js';
import type { CredentialView } from '../../src/verify/view.js';

const NOW = '2026-06-01T12:00:00.000Z';
const V2 = 'https://www.w3.org/ns/credentials/v2';
const V1 = 'https://www.w3.org/2018/credentials/v1';
const loader = createDocumentLoader();
const ctx0 = (opts: VerifyOptions = {}, extra: Partial<VerifyContext> = {}): VerifyContext =>
  ({ now: new Date(NOW), opts, loader, depth: 0, forkLoader: () => loader, statusLists: new Map(), ...extra }) as VerifyContext;
const ctx = ctx0;
const view = (p: Partial<CredentialView> = {}): CredentialView => ({ document: {}, vcVersion: 2, types: ['VerifiableCredential'], credentialSubject: [{ id: 'did:example:s' }], ...p });

describe('statusPolicyOf (VerifyOptions.status)', () => {
  it('status wins; the deprecated checkStatus: false means skip; default check', () => {
    expect(statusPolicyOf({})).toBe('check');
    expect(statusPolicyOf({ checkStatus: false })).toBe('skip');
    expect(statusPolicyOf({ checkStatus: true })).toBe('check');
    expect(statusPolicyOf({ status: 'allow-unavailable', checkStatus: false })).toBe('allow-unavailable');
    expect(statusPolicyOf({ status: 'check', checkStatus: false })).toBe('check');
  });
});

describe('makeReport / summarizeReport', () => {
  const passed: Check = { id: 'proof', status: 'passed', message: 'ok' };
  const warn: Check = { id: 'type', status: 'warning', code: 'W_X', message: 'hm' };
  const skipped: Check = { id: 'status', status: 'skipped', code: 'SKIP_X', message: 'no list' };
  const failed: Check = { id: 'validity', status: 'failed', code: 'ERR_EXPIRED', message: 'expired' };

  it('verified iff there is a check and none failed; warnings repeat the warning checks; credential / source only when given', () => {
    expect(makeReport([])).toEqual({ verified: false, checks: [], warnings: [] });
    expect(makeReport([passed, warn, skipped])).toEqual({ verified: true, checks: [passed, warn, skipped], warnings: [warn] });
    expect(makeReport([skipped])).toEqual({ verified: true, checks: [skipped], warnings: [] });
    expect(makeReport([passed, failed]).verified).toBe(false);
    const r = makeReport([passed], { id: 'urn:x' }, { format: 'vc-jwt', jwt: 'a.b.c' });
    expect(r).toEqual({ verified: true, checks: [passed], warnings: [], credential: { id: 'urn:x' }, source: { format: 'vc-jwt', jwt: 'a.b.c' } });
    expect(Object.keys(makeReport([passed]))).toEqual(['verified', 'checks', 'warnings']);
  });

  it('one line: verified or NOT verified, the counts, then each failure as id: code message', () => {
    expect(summarizeReport(makeReport([passed, passed, warn, skipped]))).toBe('verified (2 passed, 0 failed, 1 warning(s), 1 skipped)');
    const noCode: Check = { id: 'subject', status: 'failed', message: 'none' };
    expect(summarizeReport(makeReport([passed, failed, noCode]))).toBe('NOT verified (1 passed, 2 failed, 0 warning(s), 0 skipped): validity: ERR_EXPIRED expired; subject:  none');
    expect(summarizeReport(makeReport([]))).toBe('NOT verified (0 passed, 0 failed, 0 warning(s), 0 skipped)');
  });
});

describe('checkType (VC 2.0 §4.5, OB 3.0 / CLR 2.0 types)', () => {
  it('VerifiableCredential is required', () => {
    expect(checkType(view({ types: ['OpenBadgeCredential'] }))).toEqual({ id: 'type', status: 'failed', code: 'ERR_TYPE', message: 'type must include "VerifiableCredential"' });
  });
  it('each OB 3.0 / CLR 2.0 type passes, named', () => {
    for (const t of ['OpenBadgeCredential', 'AchievementCredential', 'EndorsementCredential', 'ClrCredential']) {
      expect(checkType(view({ types: ['VerifiableCredential', 'X', t] })), t).toEqual({ id: 'type', status: 'passed', message: `VerifiableCredential, ${t}` });
    }
  });
  it('none of them → W_NOT_OPEN_BADGE with the types (JSON, cut to 200 characters)', () => {
    expect(checkType(view({ types: ['VerifiableCredential', 'ExampleCredential'] }))).toEqual({
      id: 'type',
      status: 'warning',
      code: 'W_NOT_OPEN_BADGE',
      message: 'not an Open Badges 3.0 / CLR 2.0 credential (type ["VerifiableCredential","ExampleCredential"])',
    });
    const long = ['VerifiableCredential', 'T'.repeat(300)];
    expect(checkType(view({ types: long })).message).toBe(`not an Open Badges 3.0 / CLR 2.0 credential (type ${JSON.stringify(long).slice(0, 200)})`);
  });
});

describe('checkSubject (OB 3.0 AchievementSubject: id or identifier)', () => {
  const ob = ['VerifiableCredential', 'OpenBadgeCredential'];
  const ach = { id: 'urn:uuid:a' };
  it('no subject, or one that is no object → ERR_SUBJECT_MISSING', () => {
    for (const credentialSubject of [[], [null], ['did:example:s'], [[{ id: 'x' }]], [{ id: 'x' }, 5]]) {
      expect(checkSubject(view({ credentialSubject })), JSON.stringify(credentialSubject)).toEqual({ id: 'subject', status: 'failed', code: 'ERR_SUBJECT_MISSING', message: 'credentialSubject must be an object (or objects)' });
    }
  });
  it('an OB credential: a subject with neither id nor identifier → W_SUBJECT_UNIDENTIFIED; without achievement → W_NO_ACHIEVEMENT', () => {
    const unidentified = {
      id: 'subject',
      status: 'warning',
      code: 'W_SUBJECT_UNIDENTIFIED',
      message: 'credentialSubject has neither id nor identifier: the signature can be valid, but nothing binds the badge to a learner (OB 3.0 requires one)',
    };
    for (const types of [ob, ['VerifiableCredential', 'AchievementCredential']]) {
      expect(checkSubject(view({ types, credentialSubject: [{ achievement: ach }] }))).toEqual(unidentified);
      expect(checkSubject(view({ types, credentialSubject: [{ id: 'did:example:s', achievement: ach }, { id: 5, identifier: [], achievement: ach }] }))).toEqual(unidentified);
      expect(checkSubject(view({ types, credentialSubject: [{ id: 'did:example:s' }] }))).toEqual({ id: 'subject', status: 'warning', code: 'W_NO_ACHIEVEMENT', message: 'credentialSubject has no achievement' });
      expect(checkSubject(view({ types, credentialSubject: [{ id: 'did:example:s', achievement: ach }, { id: 'did:example:t' }] })).code).toBe('W_NO_ACHIEVEMENT');
    }
    // another credential type needs neither
    expect(checkSubject(view({ types: ['VerifiableCredential', 'EndorsementCredential'], credentialSubject: [{ name: 'x' }] }))).toEqual({ id: 'subject', status: 'passed', message: 'subject: identified' });
  });
  it('passed names each subject: its id (200 characters), else the first identifier\'s identityType (60), else "identified"', () => {
    const idf = (identityType: unknown) => ({ identifier: [{ type: 'IdentityObject', identityType, identityHash: 'x' }], achievement: ach });
    expect(checkSubject(view({ types: ob, credentialSubject: [{ id: 'did:example:s', achievement: ach }, idf('emailAddress'), { identifier: { identityType: 5 }, achievement: ach }] }))).toEqual({
      id: 'subject',
      status: 'passed',
      message: 'subject: did:example:s, emailAddress, identified',
    });
    expect(checkSubject(view({ types: ob, credentialSubject: [{ id: `did:example:${'s'.repeat(300)}`, achievement: ach }] })).message).toBe(`subject: ${`did:example:${'s'.repeat(300)}`.slice(0, 200)}`);
    expect(checkSubject(view({ types: ob, credentialSubject: [idf('x'.repeat(100))] })).message).toBe(`subject: ${'x'.repeat(60)}`);
    // a single identifier object counts as one
    expect(checkSubject(view({ types: ob, credentialSubject: [{ identifier: { identityType: 'name' }, achievement: ach }] })).message).toBe('subject: name');
  });
});

describe('checkContext (VC 2.0 §4.1)', () => {
  const throwing = (known: string[]) => (async (url: string) => {
    if (known.includes(url)) return { contextUrl: null, documentUrl: url, document: {} };
    throw new Error(`no ${url}`);
  }) as VerifyContext['loader'];

  it('the first entry must be the VC 2.0 or 1.1 context → else ERR_CONTEXT_FIRST', async () => {
    const first = { id: 'context', status: 'failed', code: 'ERR_CONTEXT_FIRST', message: `@context must start with ${V2} or ${V1}` };
    for (const c of [undefined, [], 'https://example.org/ctx', ['https://example.org/ctx', V2], [{ '@vocab': 'urn:x:' }]]) expect(await checkContext({ '@context': c }, ctx()), JSON.stringify(c)).toEqual(first);
    expect(await checkContext({ '@context': V2 }, ctx())).toEqual({ id: 'context', status: 'passed', message: '1 context(s), all available offline' });
    expect(await checkContext({ '@context': [V1] }, ctx())).toEqual({ id: 'context', status: 'passed', message: '1 context(s), all available offline' });
  });

  it('every URL must load; inline objects are fine; anything else → ERR_CONTEXT_INVALID', async () => {
    const c = ctx({}, { loader: throwing([V2, 'https://a.example/c']) });
    expect(await checkContext({ '@context': [V2, { a: 'urn:a' }, 'https://a.example/c'] }, c)).toEqual({ id: 'context', status: 'passed', message: '3 context(s), all available offline' });
    for (const bad of [null, 5, ['x'], true]) {
      expect(await checkContext({ '@context': [V2, bad] }, c), JSON.stringify(bad)).toEqual({ id: 'context', status: 'failed', code: 'ERR_CONTEXT_INVALID', message: '@context entries must be URLs or objects' });
    }
    expect(await checkContext({ '@context': [V2, 'https://b.example/c', { a: 'urn:a' }, 'https://c.example/c'] }, c)).toEqual({
      id: 'context',
      status: 'failed',
      code: 'ERR_CONTEXT_UNKNOWN',
      message: 'unknown context(s) https://b.example/c, https://c.example/c: not bundled, not in `documents` and no `fetch` given',
    });
  });

  it('with fetch given, the messages say so', async () => {
    const c = ctx({ fetch: (async () => new Response('{}')) as unknown as VerifyOptions['fetch'] }, { loader: throwing([V2]) });
    expect(await checkContext({ '@context': [V2, 'https://b.example/c'] }, c)).toEqual({
      id: 'context',
      status: 'failed',
      code: 'ERR_CONTEXT_UNKNOWN',
      message: 'unknown context(s) https://b.example/c: not bundled, not in `documents`, and fetch failed',
    });
    expect(await checkContext({ '@context': [V2] }, c)).toEqual({ id: 'context', status: 'passed', message: '1 context(s), all available' });
  });
});

describe('checkStatus: the credentialStatus policy (VerifyOptions.status)', () => {
  const LIST = 'https://issuer.example/status/1';
  const entry = { id: `${LIST}#5`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '5', statusListCredential: LIST };
  const withStatus = view({ credentialStatus: [entry], document: { credentialStatus: entry } });
  const noList = async () => {
    throw new Error('verifyList must not be called: the list is not at hand');
  };

  it('a status list\'s own credentialStatus is not followed', async () => {
    expect(await checkStatus(withStatus, ctx({}, { role: 'status-list' }), noList)).toEqual([{ id: 'status', status: 'skipped', code: 'SKIP_STATUS_NOT_FOLLOWED', message: "a status list's own credentialStatus is not followed" }]);
    expect(await checkStatus(view(), ctx({}, { role: 'status-list' }), noList)).toEqual([]);
  });

  it('skip: skipped + W_STATUS_UNCHECKED when there is a status, nothing otherwise', async () => {
    for (const opts of [{ status: 'skip' as const }, { checkStatus: false }]) {
      expect(await checkStatus(withStatus, ctx(opts), noList)).toEqual([
        { id: 'status', status: 'skipped', code: 'SKIP_STATUS_DISABLED', message: 'status check disabled by the caller' },
        { id: 'status', status: 'warning', code: 'W_STATUS_UNCHECKED', message: "revocation and suspension were not checked (status: 'skip'): whether the credential was revoked is unknown" },
      ]);
      expect(await checkStatus(view(), ctx(opts), noList)).toEqual([]);
    }
  });

  it('no credentialStatus → passed STATUS_NONE (the issuer cannot revoke it)', async () => {
    expect(await checkStatus(view(), ctx(), noList)).toEqual([{ id: 'status', status: 'passed', code: 'STATUS_NONE', message: 'no credentialStatus: the issuer cannot revoke this credential' }]);
  });

  it('a list that cannot be loaded: fails under check, skipped + warning under allow-unavailable; loaded on a budget of min(8, maxDocuments)', async () => {
    const budgets: unknown[] = [];
    const fork = (b?: number) => {
      budgets.push(b);
      return (async (url: string) => {
        throw Object.assign(new Error(`no ${url}`), { code: 'ERR_DOCUMENT_NOT_FOUND' });
      }) as VerifyContext['loader'];
    };
    // the credential's own loader pays for the list's URL first (it holds it), the fork then loads and verifies it
    const own = (async (url: string) => (url === LIST ? { contextUrl: null, documentUrl: url, document: {} } : loader(url))) as VerifyContext['loader'];
    const ctx = (opts: VerifyOptions = {}, extra: Partial<VerifyContext> = {}) => ctx0(opts, { loader: own, ...extra });
    const failed = await checkStatus(withStatus, ctx({}, { forkLoader: fork }), noList);
    expect(failed.map((c) => [c.status, c.code])).toEqual([['failed', 'ERR_STATUS_UNAVAILABLE']]);
    const skipped = await checkStatus(withStatus, ctx({ status: 'allow-unavailable', maxDocuments: 3 }, { forkLoader: fork }), noList);
    expect(skipped.map((c) => c.status)).toContain('skipped');
    expect(skipped.map((c) => c.code)).toContain('W_STATUS_UNCHECKED');
    expect(skipped.map((c) => c.status)).not.toContain('failed');
    await checkStatus(withStatus, ctx({ maxDocuments: 100 }, { forkLoader: fork }), noList);
    expect(budgets).toEqual([8, 3, 8]);
  });

  it('the lists of one call are shared through ctx.statusLists', async () => {
    const lists = new Map<string, Promise<unknown>>();
    const fork = () => (async () => { throw new Error('offline'); }) as VerifyContext['loader'];
    const own = (async (url: string) => (url === LIST ? { contextUrl: null, documentUrl: url, document: {} } : loader(url))) as VerifyContext['loader'];
    await checkStatus(withStatus, ctx({}, { loader: own, forkLoader: fork, statusLists: lists }), noList);
    expect([...lists.keys()]).toEqual([LIST]);
  });
});

describe('checkPresentationProofs: challenge and domain (Data Integrity §2.1)', () => {
  const unsigned: Check = { id: 'presentation', status: 'failed', code: 'ERR_VP_UNSIGNED', message: 'unsigned' };
  // a proof refused by its JSON (unsupported type): the proof layer adds one failed check and loads nothing
  const proof = (p: Record<string, unknown>) => ({ type: 'RsaSignature2018', ...p });
  const vp = (proofs: unknown) => ({ '@context': [V2], type: 'VerifiablePresentation', proof: proofs });
  const run = (proofs: unknown, o: { challenge?: string; domain?: string; contextUsable?: boolean } = {}) =>
    checkPresentationProofs(vp(proofs), ctx(), { unsigned, contextUsable: o.contextUsable ?? true, ...(o.challenge !== undefined ? { challenge: o.challenge } : {}), ...(o.domain !== undefined ? { domain: o.domain } : {}) });
  const pres = (r: { checks: Check[] }) => r.checks.filter((c) => c.id === 'presentation').map((c) => [c.status, c.code, c.message]);

  it('no proof → the caller\'s unsigned check; an unusable @context → SKIP_CONTEXT', async () => {
    expect(await run(undefined)).toEqual({ checks: [unsigned], controllers: [] });
    expect(await run([], { challenge: 'c' })).toEqual({ checks: [unsigned], controllers: [] });
    expect(await run(proof({}), { contextUsable: false, challenge: 'c' })).toEqual({ checks: [{ id: 'proof', status: 'skipped', code: 'SKIP_CONTEXT', message: 'proof not checked: the @context is not usable' }], controllers: [] });
  });

  it('an expected challenge must be the proof\'s; one given but not expected is a warning', async () => {
    expect(pres(await run(proof({ challenge: 'c-1' }), { challenge: 'c-1' }))).toEqual([['passed', 'CHALLENGE_OK', 'challenge matches']]);
    expect(pres(await run(proof({ challenge: 'c-2' }), { challenge: 'c-1' }))).toEqual([['failed', 'ERR_CHALLENGE_MISMATCH', 'the proof carries another challenge than the expected one (replayed or meant for another request)']]);
    expect(pres(await run(proof({}), { challenge: 'c-1' }))).toEqual([['failed', 'ERR_CHALLENGE_MISMATCH', 'the proof has no challenge']]);
    expect(pres(await run(proof({ challenge: 'c-1' })))).toEqual([['warning', 'W_CHALLENGE_NOT_CHECKED', 'the proof has a challenge but none was expected (options.challenge): replay is not detected']]);
    expect(pres(await run(proof({})))).toEqual([]);
  });

  it('an expected domain must be the proof\'s domain or one of its domains', async () => {
    expect(pres(await run(proof({ domain: 'v.example' }), { domain: 'v.example' }))).toEqual([['passed', 'DOMAIN_OK', 'domain matches']]);
    expect(pres(await run(proof({ domain: ['a.example', 'v.example'] }), { domain: 'v.example' }))).toEqual([['passed', 'DOMAIN_OK', 'domain matches']]);
    expect(pres(await run(proof({ domain: 'a.example' }), { domain: 'v.example' }))).toEqual([['failed', 'ERR_DOMAIN_MISMATCH', 'the proof names another domain than the expected one']]);
    expect(pres(await run(proof({}), { domain: 'v.example' }))).toEqual([['failed', 'ERR_DOMAIN_MISMATCH', 'the proof has no domain']]);
    expect(pres(await run(proof({ domain: 'v.example' })))).toEqual([]);
  });

  it('each proof of a set is compared, then the proof layer runs once over all of them (purpose authentication), its checks last', async () => {
    const r = await run([proof({ challenge: 'c-1', domain: 'v.example' }), null, proof({ challenge: 'c-2' })], { challenge: 'c-1', domain: 'v.example' });
    expect(r.checks.map((c) => [c.id, c.code])).toEqual([
      ['presentation', 'CHALLENGE_OK'],
      ['presentation', 'DOMAIN_OK'],
      ['presentation', 'ERR_CHALLENGE_MISMATCH'],
      ['presentation', 'ERR_DOMAIN_MISMATCH'],
      ['presentation', 'ERR_CHALLENGE_MISMATCH'],
      ['presentation', 'ERR_DOMAIN_MISMATCH'],
      ['proof', 'ERR_PROOF_UNSUPPORTED_TYPE'],
      ['proof', 'ERR_PROOF_MALFORMED'],
      ['proof', 'ERR_PROOF_UNSUPPORTED_TYPE'],
    ]);
    expect(r.controllers).toEqual([]);
  });
});

describe('compose: splitting proofs off an expansion, composing a presentation (see the module comment)', () => {
  const SEC_PROOF = 'https://w3id.org/security#proof';
  const CRED_VC = 'https://www.w3.org/2018/credentials#verifiableCredential';
  const g = (n: Record<string, unknown> = { '@type': ['https://w3id.org/security#DataIntegrityProof'] }) => ({ '@graph': [n] });

  it('splitProofs: the node without sec:proof, when sec:proof holds exactly n one-node graphs', () => {
    const node = { '@id': 'urn:c', '@type': ['https://www.w3.org/2018/credentials#VerifiableCredential'], [SEC_PROOF]: [g(), g()] };
    expect(splitProofs([node], 2)).toEqual([{ '@id': 'urn:c', '@type': ['https://www.w3.org/2018/credentials#VerifiableCredential'] }]);
    expect(node[SEC_PROOF]).toHaveLength(2);
    expect(splitProofs([node], 1)).toBeUndefined();
    expect(splitProofs([node, node], 2)).toBeUndefined();
    expect(splitProofs([], 0)).toBeUndefined();
    expect(splitProofs({ 0: node }, 2)).toBeUndefined();
    expect(splitProofs(['x'], 0)).toBeUndefined();
    expect(splitProofs([[node]], 2)).toBeUndefined();
    expect(splitProofs([{ '@id': 'urn:c' }], 0)).toBeUndefined();
    expect(splitProofs([{ [SEC_PROOF]: g() }], 1)).toBeUndefined();
    for (const bad of [{ '@graph': [] }, { '@graph': [{}, {}] }, { '@graph': ['x'] }, { '@graph': {} }, { '@graph': [{}], '@id': '_:b' }, 'x', [g()]]) {
      expect(splitProofs([{ [SEC_PROOF]: [g(), bad] }], 2), JSON.stringify(bad)).toBeUndefined();
    }
    expect(splitProofs([{ [SEC_PROOF]: [{ '@graph': [{}] }] }], 1)).toEqual([{}]);
  });

  it('proofsSplittable: VC 2.0 first, VerifiableCredential, 1 to 10 DataIntegrityProof objects of DI terms only, proof not redefined', async () => {
    const di = { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod', verificationMethod: 'did:example:i#k', created: NOW, proofValue: 'z1' };
    const doc = (p: Record<string, unknown> = {}) => ({ '@context': [V2], type: ['VerifiableCredential', 'OpenBadgeCredential'], proof: di, ...p });
    expect(await proofsSplittable(doc(), loader)).toBe(true);
    expect(await proofsSplittable(doc({ '@context': V2, type: 'VerifiableCredential' }), loader)).toBe(true);
    expect(await proofsSplittable(doc({ proof: Array.from({ length: 10 }, () => di) }), loader)).toBe(true);
    const full = { ...di, id: 'urn:p', challenge: 'c', domain: 'd', expires: NOW, nonce: 'n', previousProof: 'urn:q' };
    expect(await proofsSplittable(doc({ proof: full }), loader)).toBe(true);
    const no = [
      doc({ '@context': [V1] }),
      doc({ '@context': ['https://example.org/c', V2] }),
      doc({ type: ['OpenBadgeCredential'] }),
      doc({ type: ['VerifiableCredential', 5] }),
      doc({ proof: undefined }),
      doc({ proof: [] }),
      doc({ proof: Array.from({ length: 11 }, () => di) }),
      doc({ proof: [di, 'x'] }),
      doc({ proof: [di, [di]] }),
      doc({ proof: { ...di, type: 'Ed25519Signature2020' } }),
      doc({ proof: { ...di, jws: 'x' } }),
      doc({ '@context': [V2, { proof: 'urn:x:proof' }] }),
      doc({ '@context': [V2, 'https://nowhere.example/ctx'] }),
    ];
    for (const d of no) expect(await proofsSplittable(d, loader), JSON.stringify(d).slice(0, 160)).toBe(false);
    // a context term that is not `proof` keeps it splittable; a failure did not stick
    expect(await proofsSplittable(doc({ '@context': [V2, { nickname: 'urn:x:nick' }] }), loader)).toBe(true);
  });

  it('composePresentationExpansion: a VC 2.0-only VerifiablePresentation gets its credentials\' expansions as graphs, in order', async () => {
    const c1 = { id: 'urn:c1' };
    const c2 = { id: 'urn:c2' };
    const fulls = new Map<unknown, unknown[]>([[c1, [{ '@id': 'urn:c1' }]], [c2, [{ '@id': 'urn:c2' }]]]);
    const fullOf = (e: unknown) => fulls.get(e);
    const vp = { '@context': [V2], type: 'VerifiablePresentation', id: 'urn:vp', holder: 'did:example:h', verifiableCredential: [c1, c2], proof: { type: 'DataIntegrityProof' } };
    expect(await composePresentationExpansion(vp, fullOf, loader)).toEqual([
      {
        '@id': 'urn:vp',
        '@type': ['https://www.w3.org/2018/credentials#VerifiablePresentation'],
        'https://www.w3.org/2018/credentials#holder': [{ '@id': 'did:example:h' }],
        [CRED_VC]: [{ '@graph': [{ '@id': 'urn:c1' }] }, { '@graph': [{ '@id': 'urn:c2' }] }],
      },
    ]);
    expect(await composePresentationExpansion({ ...vp, '@context': V2, type: ['VerifiablePresentation'], verifiableCredential: c2 }, fullOf, loader)).toEqual([
      { '@id': 'urn:vp', '@type': ['https://www.w3.org/2018/credentials#VerifiablePresentation'], 'https://www.w3.org/2018/credentials#holder': [{ '@id': 'did:example:h' }], [CRED_VC]: [{ '@graph': [{ '@id': 'urn:c2' }] }] },
    ]);
    // no credentials: nothing added
    expect(await composePresentationExpansion({ ...vp, verifiableCredential: undefined }, fullOf, loader)).toEqual([
      { '@id': 'urn:vp', '@type': ['https://www.w3.org/2018/credentials#VerifiablePresentation'], 'https://www.w3.org/2018/credentials#holder': [{ '@id': 'did:example:h' }] },
    ]);
  });

  it('composePresentationExpansion: any other shape, or a missing expansion → undefined (the caller expands)', async () => {
    const c1 = { id: 'urn:c1' };
    const fullOf = (e: unknown) => (e === c1 ? [{ '@id': 'urn:c1' }] : undefined);
    const vp = (p: Record<string, unknown>) => ({ '@context': [V2], type: 'VerifiablePresentation', verifiableCredential: [c1], ...p });
    const shapes = [
      vp({ '@context': [V2, { a: 'urn:a' }] }),
      vp({ '@context': [V1] }),
      vp({ '@context': [] }),
      vp({ type: ['VerifiablePresentation', 'X'] }),
      vp({ type: 'X' }),
      vp({ type: ['X'] }),
      vp({ verifiableCredential: [c1, 'urn:c2'] }),
      vp({ verifiableCredential: [c1, { id: 'urn:unknown' }] }),
      vp({ verifiableCredential: [[c1]] }),
      vp({ '@graph': [{ id: 'urn:x', name: 'x' }] }),
      vp({ 'https://www.w3.org/2018/credentials#verifiableCredential': { '@id': 'urn:x' } }),
    ];
    for (const v of shapes) expect(await composePresentationExpansion(v, fullOf, loader), JSON.stringify(v).slice(0, 160)).toBeUndefined();
    for (const f of [[], [{ '@id': 'a' }, { '@id': 'b' }], ['x'], [[{}]], { 0: {} }]) {
      expect(await composePresentationExpansion(vp({}), () => f as unknown as unknown[], loader), JSON.stringify(f)).toBeUndefined();
    }
  });
});

describe('copyAsGiven (schema check): the view in the document\'s array shape, as a copy', () => {
  it('a one-element array in the document wraps the view\'s single value at the same key, at any depth', () => {
    expect(copyAsGiven({ evidence: { id: 'e' }, name: 'n' }, { evidence: [{ id: 'e' }], name: 'n' }, 0)).toEqual({ evidence: [{ id: 'e' }], name: 'n' });
    expect(copyAsGiven({ a: { b: 'x' } }, { a: { b: ['x'] } }, 0)).toEqual({ a: { b: ['x'] } });
    expect(copyAsGiven({ a: [{ b: 'x' }] }, { a: [{ b: ['x'] }] }, 0)).toEqual({ a: [{ b: ['x'] }] });
    expect(copyAsGiven({ a: ['x'] }, { a: ['x'] }, 0)).toEqual({ a: ['x'] });
    const nullProto = Object.assign(Object.create(null) as Record<string, unknown>, { b: 'x' });
    expect(JSON.stringify(copyAsGiven(nullProto, { b: ['x'] }, 0))).toBe('{"b":["x"]}');
  });

  it('nothing to pair with → copied as it is (no wrapping)', () => {
    expect(copyAsGiven({ a: 'x' }, { a: ['x', 'y'] }, 0)).toEqual({ a: 'x' }); // two elements
    expect(copyAsGiven({ a: 'x', c: { d: 'y' } }, { b: ['x'] }, 0)).toEqual({ a: 'x', c: { d: 'y' } }); // key not in the document
    expect(copyAsGiven([{ b: 'x' }, { b: 'y' }], [{ b: ['x'] }], 0)).toEqual([{ b: 'x' }, { b: 'y' }]); // lengths differ
    expect(copyAsGiven({ a: [{ b: 'x' }] }, { a: { b: ['x'] } }, 0)).toEqual({ a: [{ b: 'x' }] }); // the document has no array there
    expect(copyAsGiven({ b: 'x' }, [{ b: ['x'] }], 0)).toEqual({ b: 'x' }); // an object against an array
    for (const doc of [null, 'x', 5]) expect(copyAsGiven({ b: 'x' }, doc, 0), String(doc)).toEqual({ b: 'x' });
    class Special extends Array<unknown> {}
    const special = Special.from([{ b: 'x' }]);
    expect(JSON.stringify(copyAsGiven(special, [{ b: ['x'] }], 0))).toBe('[{"b":"x"}]');
    class Node { b = 'x'; }
    expect(JSON.stringify(copyAsGiven(new Node(), { b: ['x'] }, 0))).toBe('{"b":"x"}');
    // an own __proto__ key: the whole value is copied as it is
    const proto = JSON.parse('{"__proto__":{"x":1},"b":"y"}') as Record<string, unknown>;
    expect(JSON.stringify(copyAsGiven(proto, { b: ['y'] }, 0))).toBe('{"__proto__":{"x":1},"b":"y"}');
    // an undefined value is not wrapped
    const u = copyAsGiven({ a: undefined }, { a: [1] }, 0) as Record<string, unknown>;
    expect(Object.keys(u)).toEqual(['a']);
    expect(u.a).toBeUndefined();
    // primitives as they are
    expect(copyAsGiven('x', ['x'], 0)).toBe('x');
    expect(copyAsGiven(null, [null], 0)).toBe(null);
  });

  it('pairs down to 64 levels (deeper is copied as it is)', () => {
    expect(copyAsGiven({ v: 'x' }, { v: ['x'] }, 64)).toEqual({ v: ['x'] });
    expect(copyAsGiven({ v: 'x' }, { v: ['x'] }, 65)).toEqual({ v: 'x' });
    expect(copyAsGiven([{ v: 'x' }], [{ v: ['x'] }], 63)).toEqual([{ v: ['x'] }]);
    expect(copyAsGiven([{ v: 'x' }], [{ v: ['x'] }], 64)).toEqual([{ v: 'x' }]);
  });

  it('a copy: the view is not touched and shares no object with the result', () => {
    const v = { a: { b: 'x' }, c: [{ d: 1 }], e: { f: 1 } };
    const r = copyAsGiven(v, { a: { b: ['x'] }, c: [{ d: 1 }] }, 0) as typeof v;
    expect(r).toEqual({ a: { b: ['x'] }, c: [{ d: 1 }], e: { f: 1 } });
    expect(r).not.toBe(v);
    expect(r.a).not.toBe(v.a);
    expect(r.c).not.toBe(v.c);
    expect(r.c[0]).not.toBe(v.c[0]);
    expect(r.e).not.toBe(v.e);
    expect(v).toEqual({ a: { b: 'x' }, c: [{ d: 1 }], e: { f: 1 } });
    const deep = { a: { b: 1 } };
    expect((copyAsGiven(deep, null, 0) as typeof deep).a).not.toBe(deep.a);
    expect((copyAsGiven(deep, {}, 70) as typeof deep).a).not.toBe(deep.a);
  });
});

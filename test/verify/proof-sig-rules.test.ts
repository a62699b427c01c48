// Issue 21 (mutation area `verify-proof-sig`): the signature half of src/verify/checks/proof.ts — which suite a proof
// goes to (suiteFor), the canonicalization budget, the document loader and the document handed to the suite, the
// eddsa-rdfc-2022 path through credstack's own proof layer (verifyOwnRdfc), and how a suite's answer becomes a check
// (the key / controller binding, error classification, unresolved keys) — plus presentationView and the proof part of
// checkPresentationProofs (src/verify/checks/presentation-proof.ts) and the per-verification document cache
// (src/verify/documents.ts).
//
// Fast by construction: nothing is signed, canonicalized or expanded. The proof layer is replaced by recorders that
// return chosen outcomes — jsonld-signatures' `verify` (its purposes stay real), the lazily loaded suite modules
// (src/proofs/load.ts), `verifyProofSignature` (src/proofs/verify-proof.ts), `publicKeyOf` / `boundedCanonize`
// (src/proofs/common.ts), the views (src/verify/view.ts: a proof's view is its own JSON without proofValue) and the
// presentation composer (src/verify/compose.ts). The key retrieval (Controlled Identifiers v1.0 §3.3,
// src/keys/controller-document.ts) is real, over a hand-made controller document. Real signatures are verified end to
// end in test/core/*.test.ts.
//
// Rules (Data Integrity v1.0 §4.5 "Verify Proof Sets and Chains"; the comments of proof.ts):
// - every proof is checked on its own (the document with that proof alone); a chained proof's suite sees the earlier
//   proofs as the document's `proof`, an unchained one is given the suite as it is;
// - "one canonicalization of the document for all its proofs, bounded in quads": one budget per document, maxQuads =
//   ctx.maxQuads, else options.limits.maxQuads, else the default 5,000 (DEFAULT_VERIFY_LIMITS);
// - a suite module that cannot be loaded fails the proof (ERR_PROOF_SUITE_UNAVAILABLE), never "passed";
// - "Bind what jsonld-signatures loaded to what the proof names": the verified method's id must be the proof's
//   verificationMethod, and the purpose's controller must be the method's controller (ERR_PROOF_KEY_ID_MISMATCH);
// - a document that cannot be loaded → ERR_KEY_UNAVAILABLE and `unresolved` (the issuer check is then skipped).
import jsigs from 'jsonld-signatures';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BUNDLED_CONTEXTS } from '../../src/jsonld/contexts.js';
import { CredstackError, DocumentLoaderError } from '../../src/errors.js';
import { PRE_EXPANDED } from '../../src/proofs/common.js';
import { checkProofs } from '../../src/verify/checks/proof.js';
import { checkPresentationProofs, presentationView } from '../../src/verify/checks/presentation-proof.js';
import { boundedLoader } from '../../src/verify/documents.js';
import type { VerifyContext } from '../../src/verify/options.js';

type Obj = Record<string | symbol, any>;
const rec = vi.hoisted(() => ({
  /** jsonld-signatures' verify: args of each call, and what it answers (a function of the call). */
  jsigs: [] as Array<[Obj, Obj]>,
  jsigsAnswer: (() => Promise.resolve(undefined)) as (doc: Obj, o: Obj) => Promise<unknown>,
  /** the suite factories: name and args of each call; a factory returns { suite: name } */
  suites: [] as Array<[string, ...unknown[]]>,
  loadFail: undefined as { which: 'ecdsa' | 'eddsa'; err: unknown } | undefined,
  /** verifyProofSignature */
  own: [] as Array<[Obj, Obj, Obj]>,
  ownAnswer: (() => Promise.resolve(true)) as () => Promise<boolean>,
  publicKeyOf: [] as Obj[],
  canonize: [] as Array<[unknown, Obj, unknown]>,
  proofViews: [] as Array<[unknown, Obj, unknown]>,
  buildView: [] as Array<[Obj, unknown, Obj]>,
  compose: [] as Array<[Obj, (e: unknown) => unknown, unknown]>,
  composeAnswer: (() => Promise.resolve(undefined)) as () => Promise<unknown>,
}));

vi.mock('jsonld-signatures', async (importOriginal) => {
  const actual = (await importOriginal()) as { default: Obj };
  return {
    default: {
      ...actual.default,
      verify: (doc: Obj, o: Obj) => {
        rec.jsigs.push([doc, o]);
        return rec.jsigsAnswer(doc, o);
      },
    },
  };
});
vi.mock('../../src/proofs/load.js', () => {
  const factory = (name: string) => (...args: unknown[]) => (rec.suites.push([name, ...args]), { suite: name, verifyProof: (a: Obj) => ({ name, a }) });
  const load = (which: 'ecdsa' | 'eddsa', m: Obj) => async () => {
    if (rec.loadFail?.which === which) throw rec.loadFail.err;
    return m;
  };
  return {
    loadEcdsaSuites: load('ecdsa', { createEcdsaVerifyingSuite: factory('ecdsa') }),
    loadEddsaSuites: load('eddsa', { createEd2020VerifyingSuite: factory('ed2020'), createJcsVerifyingSuite: factory('jcs'), createEddsaVerifyingSuite: factory('eddsa-rdfc') }),
    loadEcdsaKeys: async () => {
      throw new Error('not in this test');
    },
  };
});
vi.mock('../../src/proofs/verify-proof.js', () => ({
  verifyProofSignature: (document: Obj, proof: Obj, o: Obj) => (rec.own.push([document, proof, o]), rec.ownAnswer()),
}));
vi.mock('../../src/proofs/common.js', async (importOriginal) => ({
  ...((await importOriginal()) as Obj),
  publicKeyOf: (vm: Obj) => (rec.publicKeyOf.push(vm), new Uint8Array([7, 7, 7])),
  boundedCanonize: (input: unknown, o: Obj, budget: unknown) => (rec.canonize.push([input, o, budget]), Promise.resolve('CANONICAL')),
}));
vi.mock('../../src/verify/view.js', () => ({
  // a proof's signed data says what its JSON says (the view itself is tested in test/verify/view-rules.test.ts)
  // (proofViewOnce's memo by proof text is tested in view-rules.test.ts: here every proof gets its own view)
  proofViewOnce: async (_views: Map<string, unknown>, docContext: unknown, p: Obj, loader: unknown) => {
    rec.proofViews.push([docContext, p, loader]);
    const { proofValue: _v, ...rest } = p;
    return { proof: { ...rest, node: {} }, expanded: [`EXPANDED ${String(p.id)}`] };
  },
  buildView: async (vp: Obj, loader: unknown, o: Obj) => (rec.buildView.push([vp, loader, o]), { view: 'VIEW', expanded: [] }),
}));
vi.mock('../../src/verify/compose.js', () => ({
  composePresentationExpansion: (vp: Obj, fullOf: (e: unknown) => unknown, loader: unknown) => (rec.compose.push([vp, fullOf, loader]), rec.composeAnswer()),
}));

const { purposes } = jsigs;
const NOW = '2026-06-01T12:00:00.000Z';
const CTRL = 'https://issuer.example/keys';
const VM = `${CTRL}#key-1`;
const KEY = 'z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
const PV = `z${'3'.repeat(86)}`;
const DOC_CTX = ['https://www.w3.org/ns/credentials/v2'];
/** A controller document listing its one key for assertionMethod and authentication (Controlled Identifiers v1.0 §2). */
const CONTROLLER_DOC = {
  '@context': ['https://www.w3.org/ns/cid/v1'],
  id: CTRL,
  verificationMethod: [{ id: VM, type: 'Multikey', controller: CTRL, publicKeyMultibase: KEY }],
  assertionMethod: [VM],
  authentication: [VM],
};
/** The method as retrieveVerificationMethod hands it on: the Multikey context, absolute id and controller. */
const RETRIEVED_VM = { '@context': 'https://w3id.org/security/multikey/v1', id: VM, type: 'Multikey', controller: CTRL, publicKeyMultibase: KEY };
/** The controller document as jsonld-signatures' purpose reads it (controllerView). */
const controllerFor = (rel: string) => ({ '@context': 'https://www.w3.org/ns/did/v1', id: CTRL, [rel]: [VM] });

/** The loader of the verification: the controller document, 'OTHER' for any other URL it is asked for. */
const loads: string[] = [];
const loader = (async (url: string) => {
  loads.push(url);
  if (url === CTRL) return { contextUrl: null, documentUrl: url, document: CONTROLLER_DOC };
  if (url.startsWith('https://missing.example/')) throw new DocumentLoaderError('ERR_DOCUMENT_NOT_FOUND', `not found: ${url}`);
  return { contextUrl: null, documentUrl: url, document: 'OTHER' };
}) as VerifyContext['loader'];
const ctx = (extra: Partial<VerifyContext> = {}): VerifyContext =>
  ({ now: new Date(NOW), opts: {}, loader, depth: 0, forkLoader: () => loader, statusLists: new Map(), ...extra }) as VerifyContext;

const proofOf = (p: Obj = {}): Obj => {
  const json: Obj = { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod', verificationMethod: VM, created: '2026-06-01T11:00:00Z', proofValue: PV, ...p };
  for (const k of Object.keys(json)) if (json[k] === undefined) delete json[k];
  return json;
};
const ecdsa = (p: Obj = {}) => proofOf({ cryptosuite: 'ecdsa-rdfc-2019', ...p });
const doc = (proof: unknown): Obj => ({ '@context': DOC_CTX, id: 'urn:uuid:cred', type: ['VerifiableCredential'], issuer: CTRL, credentialSubject: { id: 'did:example:s' }, proof });
/** What a suite that verified answers (jsonld-signatures' result shape). */
const verified = (vm: unknown = { id: VM, controller: CTRL }, controller: unknown = { id: CTRL }) => ({ verified: true, results: [{ verified: true, verificationMethod: vm, purposeResult: { valid: true, controller } }] });
const failed = (code: string, message: string, target = 'DataIntegrityProof/ecdsa-rdfc-2019') => ({ id: 'proof', status: 'failed', code, message, target });
const passed = (target = 'DataIntegrityProof/ecdsa-rdfc-2019') => ({ id: 'proof', status: 'passed', message: `${target} by "${VM}"`, target });

beforeEach(() => {
  for (const k of ['jsigs', 'suites', 'own', 'publicKeyOf', 'canonize', 'proofViews', 'buildView', 'compose'] as const) rec[k].length = 0;
  loads.length = 0;
  rec.jsigsAnswer = () => Promise.resolve(verified());
  rec.ownAnswer = () => Promise.resolve(true);
  rec.composeAnswer = () => Promise.resolve(undefined);
  rec.loadFail = undefined;
});

describe('suiteFor: which jsonld-signatures suite a proof goes to', () => {
  it('ecdsa-rdfc-2019 / ecdsa-jcs-2019 → the ECDSA module\'s suite for that cryptosuite; Ed25519Signature2020, eddsa-jcs-2022 and eddsa-rdfc-2022 (authentication) → the EdDSA module\'s', async () => {
    const cases: Array<[Obj, string, string]> = [
      [ecdsa(), 'ecdsa', 'assertionMethod'],
      [ecdsa({ cryptosuite: 'ecdsa-jcs-2019' }), 'ecdsa', 'assertionMethod'],
      [proofOf({ type: 'Ed25519Signature2020', cryptosuite: undefined }), 'ed2020', 'assertionMethod'],
      [proofOf({ cryptosuite: 'eddsa-jcs-2022' }), 'jcs', 'assertionMethod'],
      [proofOf({ proofPurpose: 'authentication', challenge: 'c-1' }), 'eddsa-rdfc', 'authentication'],
    ];
    for (const [p, name, purpose] of cases) {
      rec.suites.length = 0;
      rec.jsigs.length = 0;
      const r = await checkProofs(doc(p), ctx(), { expectedPurpose: purpose });
      const target = p.type === 'DataIntegrityProof' ? `DataIntegrityProof/${p.cryptosuite}` : 'Ed25519Signature2020';
      expect(r, name).toEqual({ checks: [passed(target)], controllers: [CTRL], unresolved: false });
      expect(rec.suites.map((s) => s[0]), name).toEqual([name]);
      // an unchained proof is given the suite itself (no chain wrapper)
      expect(rec.jsigs[0]![1].suite, name).toEqual({ suite: name, verifyProof: expect.any(Function) });
      expect(Object.getPrototypeOf(rec.jsigs[0]![1].suite), name).toBe(Object.prototype);
    }
    // the ECDSA factory is told the cryptosuite, then the budget; eddsa-jcs-2022 takes no budget (it does not canonicalize)
    rec.suites.length = 0;
    await checkProofs(doc([ecdsa(), ecdsa({ cryptosuite: 'ecdsa-jcs-2019' }), proofOf({ cryptosuite: 'eddsa-jcs-2022' }), proofOf({ type: 'Ed25519Signature2020', cryptosuite: undefined })]), ctx());
    expect(rec.suites.map((s) => [s[0], s[1] === undefined ? 'none' : typeof s[1] === 'string' ? s[1] : 'budget', s.length])).toEqual([
      ['ecdsa', 'ecdsa-rdfc-2019', 3],
      ['ecdsa', 'ecdsa-jcs-2019', 3],
      ['jcs', 'none', 1],
      ['ed2020', 'budget', 2],
    ]);
  });

  it('the type decides before the cryptosuite: an Ed25519Signature2020 proof naming cryptosuite eddsa-rdfc-2022 goes to the Ed25519Signature2020 suite', async () => {
    const r = await checkProofs(doc(proofOf({ type: 'Ed25519Signature2020' })), ctx());
    expect(r.checks).toEqual([passed('Ed25519Signature2020')]);
    expect(rec.suites.map((s) => s[0])).toEqual(['ed2020']);
    expect(rec.own).toEqual([]);
  });

  it('a suite module that cannot be loaded → ERR_PROOF_SUITE_UNAVAILABLE naming the proof and the reason; the next proof is still checked', async () => {
    rec.loadFail = { which: 'eddsa', err: new Error('chunk suites-verify.js is missing') };
    const r = await checkProofs(doc([proofOf({ cryptosuite: 'eddsa-jcs-2022' }), ecdsa()]), ctx());
    expect(r).toEqual({
      checks: [
        failed('ERR_PROOF_SUITE_UNAVAILABLE', 'the signature could not be checked: the DataIntegrityProof/eddsa-jcs-2022 suite could not be loaded ("chunk suites-verify.js is missing")', 'DataIntegrityProof/eddsa-jcs-2022'),
        passed(),
      ],
      controllers: [CTRL],
      unresolved: false,
    });
    expect(rec.jsigs).toHaveLength(1);
    // a rejection with no message (or none at all); a long message is cut to 200 characters
    for (const [err, shown] of [[null, 'nothing'], [{ message: 5 }, '5'], [new Error('x'.repeat(250)), `"${'x'.repeat(200)}…"`]] as const) {
      rec.loadFail = { which: 'ecdsa', err };
      expect((await checkProofs(doc(ecdsa()), ctx())).checks).toEqual([failed('ERR_PROOF_SUITE_UNAVAILABLE', `the signature could not be checked: the DataIntegrityProof/ecdsa-rdfc-2019 suite could not be loaded (${shown})`)]);
    }
  });
});

describe('the canonicalization budget: one per document, bounded in quads', () => {
  const budgets = async (c: VerifyContext, proofs: unknown[] = [ecdsa()]) => {
    rec.suites.length = 0;
    await checkProofs(doc(proofs), c);
    return rec.suites.map((s) => s[2] as { cache: Map<string, unknown>; maxQuads: number });
  };

  it('maxQuads: ctx.maxQuads, else options.limits.maxQuads, else the default 5,000', async () => {
    expect((await budgets(ctx()))[0]!.maxQuads).toBe(5000);
    expect((await budgets(ctx({ opts: { limits: { maxQuads: 7 } } })))[0]!.maxQuads).toBe(7);
    expect((await budgets(ctx({ opts: { limits: { maxQuads: 7 } }, maxQuads: 9 })))[0]!.maxQuads).toBe(9);
    // a limit that is no positive integer is ignored (resolveLimits)
    expect((await budgets(ctx({ opts: { limits: { maxQuads: -1 } } })))[0]!.maxQuads).toBe(5000);
  });

  it('every proof of the document shares the one budget and its (empty) cache of canonical forms', async () => {
    const [a, b] = await budgets(ctx(), [ecdsa(), ecdsa({ cryptosuite: 'ecdsa-jcs-2019' })]);
    expect(a).toBe(b);
    expect(a!.cache).toBeInstanceOf(Map);
    expect(a!.cache.size).toBe(0);
    expect(Object.keys(a!).sort()).toEqual(['cache', 'maxQuads']);
    // another document gets another budget
    const [c] = await budgets(ctx());
    expect(c).not.toBe(a);
  });
});

describe('what jsonld-signatures is handed: the document with one proof, the purpose, a loader that serves the retrieved key', () => {
  it('the document with that proof alone, the purpose for the expected term and the retrieved controller', async () => {
    const p1 = ecdsa({ id: 'urn:uuid:p1' });
    const p2 = proofOf({ id: 'urn:uuid:p2', cryptosuite: 'eddsa-jcs-2022' });
    const d = doc([p1, p2]);
    await checkProofs(d, ctx());
    expect(rec.jsigs.map(([single]) => single.proof)).toEqual([p1, p2]);
    expect(rec.jsigs[0]![0].proof).toBe(p1);
    const { proof: _p, ...claims } = d;
    expect(rec.jsigs[0]![0]).toEqual({ ...claims, proof: p1 });
    const purpose = rec.jsigs[0]![1].purpose;
    expect(purpose).toBeInstanceOf(purposes.AssertionProofPurpose);
    expect([purpose.term, purpose.controller]).toEqual(['assertionMethod', controllerFor('assertionMethod')]);
    expect(Object.keys(rec.jsigs[0]![1]).sort()).toEqual(['documentLoader', 'purpose', 'suite']);
  });

  it('the loader: the method URL → the retrieved method, the controller URL → the controller view, anything else → the verification\'s loader', async () => {
    await checkProofs(doc(ecdsa()), ctx());
    const dl = rec.jsigs[0]![1].documentLoader as (u: string) => Promise<unknown>;
    expect(await dl(VM)).toEqual({ contextUrl: null, documentUrl: VM, document: RETRIEVED_VM });
    expect(await dl(CTRL)).toEqual({ contextUrl: null, documentUrl: CTRL, document: controllerFor('assertionMethod') });
    loads.length = 0;
    expect(await dl('https://w3id.org/security/multikey/v1')).toEqual({ contextUrl: null, documentUrl: 'https://w3id.org/security/multikey/v1', document: 'OTHER' });
    expect(loads).toEqual(['https://w3id.org/security/multikey/v1']);
    // a verificationMethod given as an object: its id is the method URL
    rec.jsigs.length = 0;
    await checkProofs(doc(ecdsa({ verificationMethod: { id: VM } })), ctx());
    expect(await (rec.jsigs[0]![1].documentLoader as (u: string) => Promise<unknown>)(VM)).toEqual({ contextUrl: null, documentUrl: VM, document: RETRIEVED_VM });
  });

  it('eddsa-rdfc-2022 (authentication, through jsonld-signatures): the proof carries its view\'s expansion, the document the claims\' expansion', async () => {
    const p = proofOf({ id: 'urn:uuid:p1', proofPurpose: 'authentication', challenge: 'c-1' });
    await checkProofs(doc(p), ctx(), { expectedPurpose: 'authentication', claimsExpanded: ['CLAIMS'] });
    const [single, o] = rec.jsigs[0]!;
    expect(single.proof).toEqual({ ...p, [PRE_EXPANDED]: ['EXPANDED urn:uuid:p1'] });
    expect(Object.getOwnPropertySymbols(p)).toEqual([]);
    expect(single[PRE_EXPANDED]).toEqual(['CLAIMS']);
    expect(o.purpose).toBeInstanceOf(purposes.AuthenticationProofPurpose);
    expect([o.purpose.challenge, o.purpose.controller]).toEqual(['c-1', controllerFor('authentication')]);
    // without the claims' expansion: no symbol on the document
    rec.jsigs.length = 0;
    await checkProofs(doc(p), ctx(), { expectedPurpose: 'authentication' });
    expect(Object.getOwnPropertySymbols(rec.jsigs[0]![0])).toEqual([]);
    expect(rec.jsigs[0]![0].proof[PRE_EXPANDED]).toEqual(['EXPANDED urn:uuid:p1']);
  });

  it('other suites (eddsa-jcs-2022, ECDSA, Ed25519Signature2020) get the proof as it is and no expansion, even when the claims\' one is known', async () => {
    const ps = [proofOf({ cryptosuite: 'eddsa-jcs-2022' }), ecdsa(), proofOf({ type: 'Ed25519Signature2020', cryptosuite: undefined })];
    await checkProofs(doc(ps), ctx(), { claimsExpanded: ['CLAIMS'] });
    expect(rec.jsigs).toHaveLength(3);
    rec.jsigs.forEach(([single], i) => {
      expect(single.proof).toBe(ps[i]);
      expect(Object.getOwnPropertySymbols(single)).toEqual([]);
      expect(Object.getOwnPropertySymbols(single.proof)).toEqual([]);
    });
  });

  it('a chained proof: the suite sees the earlier proofs as the document\'s proof, and no claims\' expansion (its signed document holds them)', async () => {
    const p2 = proofOf({ id: 'urn:uuid:p2', proofPurpose: 'authentication', challenge: 'c', previousProof: 'urn:uuid:p1' });
    const p1a = proofOf({ id: 'urn:uuid:p1', proofPurpose: 'authentication', challenge: 'c', cryptosuite: 'ecdsa-jcs-2019' });
    await checkProofs(doc([p1a, p2]), ctx(), { expectedPurpose: 'authentication', claimsExpanded: ['CLAIMS'] });
    const [single, o] = rec.jsigs[1]!;
    expect(Object.getOwnPropertySymbols(single)).toEqual([]);
    expect(single.proof[PRE_EXPANDED]).toEqual(['EXPANDED urn:uuid:p2']);
    expect(Object.getPrototypeOf(o.suite)).toEqual({ suite: 'eddsa-rdfc', verifyProof: expect.any(Function) });
    expect(o.suite.verifyProof({ document: { id: 'urn:uuid:cred', proof: p2 } })).toEqual({ name: 'eddsa-rdfc', a: { document: { id: 'urn:uuid:cred', proof: [p1a] } } });
    // the first proof (unchained) got its suite as it is
    expect(Object.getPrototypeOf(rec.jsigs[0]![1].suite)).toBe(Object.prototype);
  });
});

describe('eddsa-rdfc-2022 with assertionMethod: credstack\'s own proof layer (verifyProofSignature)', () => {
  it('the document without its proof (with the claims\' expansion), the proof, the key of the retrieved method, the loader and a bounded canonizer', async () => {
    const p = proofOf({ id: 'urn:uuid:p1' });
    const d = doc(p);
    const r = await checkProofs(d, ctx({ maxQuads: 11 }), { claimsExpanded: ['CLAIMS'] });
    expect(r).toEqual({ checks: [passed('DataIntegrityProof/eddsa-rdfc-2022')], controllers: [CTRL], unresolved: false });
    expect(rec.jsigs).toEqual([]);
    expect(rec.suites).toEqual([]);
    expect(rec.own).toHaveLength(1);
    const [document, proof, o] = rec.own[0]!;
    const { proof: _p, ...claims } = d;
    expect(document).toEqual({ ...claims, [PRE_EXPANDED]: ['CLAIMS'] });
    expect('proof' in document).toBe(false);
    // the proof as handed (a copy that may carry the view's expansion of the proof configuration under PRE_EXPANDED)
    expect(JSON.parse(JSON.stringify(proof))).toEqual(p);
    expect(rec.publicKeyOf).toEqual([RETRIEVED_VM]);
    expect(Object.keys(o).sort()).toEqual(['canonize', 'documentLoader', 'kind', 'publicKey']);
    expect(o.kind).toBe('eddsa-rdfc-2022');
    expect(o.publicKey).toEqual(new Uint8Array([7, 7, 7]));
    expect(await o.documentLoader(VM)).toEqual({ contextUrl: null, documentUrl: VM, document: RETRIEVED_VM });
    expect(await o.documentLoader(CTRL)).toEqual({ contextUrl: null, documentUrl: CTRL, document: controllerFor('assertionMethod') });
    expect(await o.documentLoader('https://example.org/x')).toEqual({ contextUrl: null, documentUrl: 'https://example.org/x', document: 'OTHER' });
    // the canonizer: safe mode, no base, the document's budget
    expect(await o.canonize({ a: 1 })).toBe('CANONICAL');
    expect(rec.canonize).toHaveLength(1);
    const [input, copts, budget] = rec.canonize[0]!;
    expect(input).toEqual({ a: 1 });
    expect(copts).toEqual({ documentLoader: o.documentLoader, safe: true, base: null });
    expect(copts.documentLoader).toBe(o.documentLoader);
    expect(budget).toEqual({ cache: new Map(), maxQuads: 11 });
  });

  it('without the claims\' expansion the document carries no symbol', async () => {
    await checkProofs(doc(proofOf()), ctx());
    expect(Object.getOwnPropertySymbols(rec.own[0]![0])).toEqual([]);
  });

  it('a chained proof: the document holds the earlier proofs under proof, and no claims\' expansion', async () => {
    const p1 = ecdsa({ id: 'urn:uuid:p1' });
    const p2 = proofOf({ id: 'urn:uuid:p2', previousProof: 'urn:uuid:p1' });
    const d = doc([p1, p2]);
    const r = await checkProofs(d, ctx(), { claimsExpanded: ['CLAIMS'] });
    expect(r.checks).toEqual([passed(), passed('DataIntegrityProof/eddsa-rdfc-2022')]);
    const [document, proof] = rec.own[0]!;
    const { proof: _p, ...claims } = d;
    expect(document).toEqual({ ...claims, proof: [p1] });
    expect(Object.getOwnPropertySymbols(document)).toEqual([]);
    expect(JSON.parse(JSON.stringify(proof))).toEqual(p2);
  });

  it('a signature that does not verify → ERR_PROOF_INVALID_SIGNATURE; an error → classified (a missing document → ERR_KEY_UNAVAILABLE, unresolved)', async () => {
    const target = 'DataIntegrityProof/eddsa-rdfc-2022';
    rec.ownAnswer = () => Promise.resolve(false);
    expect(await checkProofs(doc(proofOf()), ctx())).toEqual({
      checks: [failed('ERR_PROOF_INVALID_SIGNATURE', 'signature does not match the credential (it was changed after signing, or signed with another key)', target)],
      controllers: [],
      unresolved: false,
    });
    rec.ownAnswer = () => Promise.reject(new Error('something odd'));
    expect((await checkProofs(doc(proofOf()), ctx())).checks).toEqual([failed('ERR_PROOF_INVALID', 'something odd', target)]);
    rec.ownAnswer = () => Promise.reject(new CredstackError('ERR_DOCUMENT_NOT_FOUND', 'unknown document: https://ctx.example/'));
    expect(await checkProofs(doc(proofOf()), ctx())).toEqual({
      checks: [failed('ERR_KEY_UNAVAILABLE', 'cannot check the signature offline: unknown document: https://ctx.example/', target)],
      controllers: [],
      unresolved: true,
    });
  });
});

describe('the suite\'s answer as a check: the key and controller it verified must be the ones the proof names', () => {
  const run = async (answer: unknown, p: Obj = ecdsa()) => {
    rec.jsigsAnswer = () => Promise.resolve(answer);
    return checkProofs(doc(p), ctx());
  };
  const mismatch = (wanted: string, vm: string, vmc: string, c: string) =>
    failed('ERR_PROOF_KEY_ID_MISMATCH', `the key document loaded for ${wanted} identifies itself as ${vm} (controller ${vmc}, controller document ${c}): refusing a key or controller document that claims another id`);

  it('verified, same method id, the purpose\'s controller = the method\'s controller (a string or a node) → passed, the controller recorded', async () => {
    expect(await run(verified())).toEqual({ checks: [passed()], controllers: [CTRL], unresolved: false });
    expect(await run(verified({ id: VM, controller: { id: CTRL } }))).toEqual({ checks: [passed()], controllers: [CTRL], unresolved: false });
    // the proof's verificationMethod as a node
    expect(await run(verified(), ecdsa({ verificationMethod: { id: VM } }))).toEqual({ checks: [passed()], controllers: [CTRL], unresolved: false });
  });

  it('another method id, another or no controller → ERR_PROOF_KEY_ID_MISMATCH naming what was loaded', async () => {
    const q = `"${VM}"`;
    expect(await run(verified({ id: 'https://evil.example/vm', controller: CTRL }))).toEqual({ checks: [mismatch(q, '"https://evil.example/vm"', `"${CTRL}"`, `"${CTRL}"`)], controllers: [], unresolved: false });
    expect((await run(verified({ id: VM, controller: CTRL }, { id: 'did:web:victim' }))).checks).toEqual([mismatch(q, q, `"${CTRL}"`, '"did:web:victim"')]);
    expect((await run(verified({ id: VM, controller: 'did:web:victim' }))).checks).toEqual([mismatch(q, q, '"did:web:victim"', `"${CTRL}"`)]);
    expect((await run(verified({ id: VM, controller: { id: 5 } }))).checks).toEqual([mismatch(q, q, '5', `"${CTRL}"`)]);
    expect((await run(verified({ id: VM }, {}))).checks).toEqual([mismatch(q, q, 'nothing', 'nothing')]);
    // a controller id that is no string is refused even when the method's says the same
    expect((await run(verified({ id: VM, controller: { id: 5 } }, { id: 5 }))).checks).toEqual([mismatch(q, q, '5', '5')]);
    expect((await run({ verified: true })).checks).toEqual([mismatch(q, 'nothing', 'nothing', 'nothing')]);
    expect((await run({ verified: true, results: [] })).checks).toEqual([mismatch(q, 'nothing', 'nothing', 'nothing')]);
    expect((await run({ verified: true, results: [{ verificationMethod: { id: VM, controller: CTRL } }] })).checks).toEqual([mismatch(q, q, `"${CTRL}"`, 'nothing')]);
    expect((await run({ verified: true, results: [{ verificationMethod: { id: VM, controller: CTRL }, purposeResult: { valid: true } }] })).checks).toEqual([mismatch(q, q, `"${CTRL}"`, 'nothing')]);
    // the proof names its method as a node: the wanted id is the node's
    expect((await run(verified({ id: 'https://evil.example/vm', controller: CTRL }), ecdsa({ verificationMethod: { id: VM } }))).checks).toEqual([
      mismatch(q, '"https://evil.example/vm"', `"${CTRL}"`, `"${CTRL}"`),
    ]);
  });

  it('not verified: the first result\'s error, else the overall error, classified; no answer at all → ERR_PROOF_INVALID', async () => {
    const sig = failed('ERR_PROOF_INVALID_SIGNATURE', 'signature does not match the credential (it was changed after signing, or signed with another key)');
    expect((await run({ verified: false, error: new Error('outer'), results: [{ verified: false, error: new Error('Invalid signature.') }] })).checks).toEqual([sig]);
    expect((await run({ verified: false, error: new Error('No matching proofs found in the given document.'), results: [{ verified: false }] })).checks).toEqual([
      failed('ERR_PROOF_NO_MATCH', 'No matching proofs found in the given document.'),
    ]);
    expect((await run({ verified: false, error: new Error('Invalid signature.') })).checks).toEqual([sig]);
    expect((await run({ verified: false, error: new Error('Invalid signature.'), results: [] })).checks).toEqual([sig]);
    expect(await run(undefined)).toEqual({ checks: [failed('ERR_PROOF_INVALID', 'the proof could not be verified')], controllers: [], unresolved: false });
    expect((await run(null)).checks).toEqual([failed('ERR_PROOF_INVALID', 'the proof could not be verified')]);
  });

  it('a suite that throws is a failed proof, never an exception; a document it could not load → ERR_KEY_UNAVAILABLE, unresolved', async () => {
    rec.jsigsAnswer = () => Promise.reject(new Error('Invalid signature.'));
    expect((await checkProofs(doc(ecdsa()), ctx())).checks).toEqual([failed('ERR_PROOF_INVALID_SIGNATURE', 'signature does not match the credential (it was changed after signing, or signed with another key)')]);
    rec.jsigsAnswer = () => Promise.reject(new Error('Unable to load https://missing.example/ctx'));
    expect(await checkProofs(doc(ecdsa()), ctx())).toEqual({
      checks: [failed('ERR_KEY_UNAVAILABLE', 'cannot check the signature offline: Unable to load https://missing.example/ctx')],
      controllers: [],
      unresolved: true,
    });
    rec.jsigsAnswer = () => Promise.resolve({ verified: false, error: new DocumentLoaderError('ERR_DOCUMENT_LIMIT', 'more than 64 documents') });
    expect(await checkProofs(doc(ecdsa()), ctx())).toEqual({ checks: [failed('ERR_KEY_UNAVAILABLE', 'cannot check the signature offline: more than 64 documents')], controllers: [], unresolved: true });
  });

  it('a proof set: one check per proof in order, the controllers of those that verified, unresolved if any key was not found', async () => {
    let n = 0;
    rec.jsigsAnswer = () => Promise.resolve(n++ === 1 ? { verified: false, error: new Error('Invalid signature.') } : verified());
    const r = await checkProofs(doc([ecdsa(), ecdsa({ cryptosuite: 'ecdsa-jcs-2019' }), ecdsa({ verificationMethod: 'https://missing.example/k#1' }), ecdsa()]), ctx());
    expect(r.checks.map((c) => [c.status, c.code])).toEqual([
      ['passed', undefined],
      ['failed', 'ERR_PROOF_INVALID_SIGNATURE'],
      ['failed', 'ERR_KEY_UNAVAILABLE'],
      ['passed', undefined],
    ]);
    expect(r.controllers).toEqual([CTRL, CTRL]);
    expect(r.unresolved).toBe(true);
  });
});

describe('presentationView: the claims\' expansion composed from the verified credentials\' where known', () => {
  const vp = { '@context': DOC_CTX, type: 'VerifiablePresentation', verifiableCredential: [{ id: 'urn:c1' }] };

  it('no known expansions → buildView(vp, loader, {}) without composing', async () => {
    expect(await presentationView(vp, ctx())).toEqual({ view: 'VIEW', expanded: [] });
    expect(rec.compose).toEqual([]);
    expect(rec.buildView).toEqual([[vp, loader, {}]]);
  });

  it('known expansions → composed (lookup by credential object only); the composition, when there is one, is handed to buildView', async () => {
    const c1 = { id: 'urn:c1' };
    const known = new Map<unknown, unknown[]>([[c1, ['E1']], ['urn:c1', ['BY STRING']]]);
    rec.composeAnswer = () => Promise.resolve(['COMPOSED']);
    await presentationView(vp, ctx({ expansions: known as Map<object, unknown[]> }));
    expect(rec.compose).toHaveLength(1);
    const [v, fullOf, l] = rec.compose[0]!;
    expect([v, l]).toEqual([vp, loader]);
    expect(fullOf(c1)).toEqual(['E1']);
    expect(fullOf({ id: 'urn:c1' })).toBeUndefined();
    expect(fullOf('urn:c1')).toBeUndefined();
    expect(fullOf(null)).toBeUndefined();
    expect(rec.buildView).toEqual([[vp, loader, { expanded: ['COMPOSED'] }]]);
    // no composition (not exact) → expanded by buildView itself
    rec.buildView.length = 0;
    rec.composeAnswer = () => Promise.resolve(undefined);
    await presentationView(vp, ctx({ expansions: known as Map<object, unknown[]> }));
    expect(rec.buildView).toEqual([[vp, loader, {}]]);
    // a composition that fails → expanded (and its failure classified) by buildView
    rec.buildView.length = 0;
    rec.composeAnswer = () => Promise.reject(new Error('compose failed'));
    expect(await presentationView(vp, ctx({ expansions: known as Map<object, unknown[]> }))).toEqual({ view: 'VIEW', expanded: [] });
    expect(rec.buildView).toEqual([[vp, loader, {}]]);
  });
});

describe('checkPresentationProofs: the proofs with purpose authentication, the controllers of those that verified', () => {
  const unsigned = { id: 'presentation', status: 'failed', code: 'ERR_VP_UNSIGNED', message: 'unsigned' } as const;
  const vpProof = proofOf({ id: 'urn:uuid:vp', proofPurpose: 'authentication', challenge: 'c-1', domain: 'v.example' });
  const vp = { '@context': DOC_CTX, type: 'VerifiablePresentation', holder: CTRL, proof: vpProof };

  it('an authentication proof that verifies → passed, its controller returned; the claims\' expansion reaches the suite', async () => {
    const r = await checkPresentationProofs(vp, ctx(), { challenge: 'c-1', domain: 'v.example', unsigned, contextUsable: true, claimsExpanded: ['VP CLAIMS'] });
    expect(r).toEqual({
      checks: [
        { id: 'presentation', status: 'passed', code: 'CHALLENGE_OK', message: 'challenge matches' },
        { id: 'presentation', status: 'passed', code: 'DOMAIN_OK', message: 'domain matches' },
        passed('DataIntegrityProof/eddsa-rdfc-2022'),
      ],
      controllers: [CTRL],
    });
    expect(rec.jsigs).toHaveLength(1);
    const [single, o] = rec.jsigs[0]!;
    expect(single[PRE_EXPANDED]).toEqual(['VP CLAIMS']);
    expect(o.purpose).toBeInstanceOf(purposes.AuthenticationProofPurpose);
    expect(o.purpose.controller).toEqual(controllerFor('authentication'));
    // no claims' expansion given: none on the document
    rec.jsigs.length = 0;
    await checkPresentationProofs(vp, ctx(), { unsigned, contextUsable: true });
    expect(Object.getOwnPropertySymbols(rec.jsigs[0]![0])).toEqual([]);
  });

  it('an assertionMethod proof on a presentation is refused (the purpose is authentication)', async () => {
    const r = await checkPresentationProofs({ ...vp, proof: proofOf() }, ctx(), { unsigned, contextUsable: true });
    expect(r).toEqual({ checks: [failed('ERR_PROOF_PURPOSE', 'proofPurpose is "assertionMethod", expected "authentication"', 'DataIntegrityProof/eddsa-rdfc-2022')], controllers: [] });
    expect(rec.jsigs).toEqual([]);
  });
});

describe('boundedLoader: one document cache per verification, a bound on the distinct documents per credential', () => {
  const BUNDLED = [...BUNDLED_CONTEXTS.keys()][0]!;
  const make = (answer: (url: string) => Promise<unknown> = async (url) => ({ contextUrl: null, documentUrl: url, document: { url } })) => {
    const calls: unknown[] = [];
    const inner = ((url: string) => (calls.push(url), answer(url))) as VerifyContext['loader'];
    return { calls, inner };
  };
  const limit = (budget: number, url: string) => ({
    name: 'DocumentLoaderError',
    code: 'ERR_DOCUMENT_LIMIT',
    message: `more than ${budget} documents for one credential (option maxDocuments): ${url} was not loaded`,
    details: { url },
  });
  const thrown = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      const err = e as DocumentLoaderError;
      return { name: err.name, code: err.code, message: err.message, details: err.details };
    }
    throw new Error('no error');
  };

  it('counts each document once (the URL without its fragment) and refuses the one past the budget, naming it', async () => {
    const { calls, inner } = make();
    const { loader: l } = boundedLoader(inner, 2);
    await l('https://a.example/doc#k1');
    await l('https://a.example/doc#k2');
    await l('https://a.example/doc');
    await l('https://b.example/');
    expect(await thrown(l('https://c.example/x#frag'))).toEqual(limit(2, 'https://c.example/x#frag'));
    // a document already counted is still served
    expect(await l('https://b.example/')).toEqual({ contextUrl: null, documentUrl: 'https://b.example/', document: { url: 'https://b.example/' } });
    expect(calls).toEqual(['https://a.example/doc#k1', 'https://a.example/doc#k2', 'https://a.example/doc', 'https://b.example/']);
    // the URL in the error is cut to 200 characters
    const long = `https://c.example/${'x'.repeat(300)}`;
    expect(await thrown(l(long))).toEqual(limit(2, long.slice(0, 200)));
    // a URL that starts with its fragment is the document "" (one document, however many fragments)
    const { loader: l1 } = boundedLoader(inner, 1);
    await l1('#k1');
    await l1('#k2');
    expect(await thrown(l1('https://d.example/'))).toEqual(limit(1, 'https://d.example/'));
    // a budget of 0 refuses the first document
    expect(await thrown(boundedLoader(inner, 0).loader('https://a.example/'))).toEqual(limit(0, 'https://a.example/'));
  });

  it('bundled contexts and did:key are neither counted nor cached; a URL that is no string goes to the inner loader as it is', async () => {
    const { calls, inner } = make();
    const { loader: l } = boundedLoader(inner, 1);
    for (let i = 0; i < 3; i++) {
      await l(BUNDLED);
      await l('did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK');
    }
    await (l as (u: unknown) => Promise<unknown>)(5);
    await (l as (u: unknown) => Promise<unknown>)(5);
    expect(calls).toEqual([BUNDLED, 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', BUNDLED, 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', BUNDLED, 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK', 5, 5]);
    // the one counted document is still allowed
    await l('https://a.example/');
    expect(await thrown(l('https://b.example/'))).toEqual(limit(1, 'https://b.example/'));
    // "did:key:" only as a prefix
    const { loader: l2 } = boundedLoader(inner, 0);
    expect(await thrown(l2('https://x.example/did:key:z6Mk'))).toEqual(limit(0, 'https://x.example/did:key:z6Mk'));
  });

  it('each URL is loaded once (the same promise); a failed load is remembered, never an unhandled rejection', async () => {
    const { calls, inner } = make(async (url) => {
      if (url.includes('fail')) throw new Error(`cannot load ${url}`);
      return { documentUrl: url };
    });
    const { loader: l } = boundedLoader(inner, 5);
    const [a, a2] = await Promise.all([l('https://a.example/'), l('https://a.example/')]);
    expect(a2).toBe(a);
    expect(a).toEqual({ documentUrl: 'https://a.example/' });
    // with another fragment: another cache entry (the fragment matters to the document's answer), the same count
    await l('https://a.example/#k');
    const f1 = l('https://fail.example/');
    await expect(f1).rejects.toThrow('cannot load https://fail.example/');
    await expect(l('https://fail.example/')).rejects.toThrow('cannot load https://fail.example/');
    expect(calls).toEqual(['https://a.example/', 'https://a.example/#k', 'https://fail.example/']);
  });

  it('fork: the same cache, a fresh budget (of max unless told another)', async () => {
    const { calls, inner } = make();
    const b = boundedLoader(inner, 1);
    await b.loader('https://a.example/');
    expect(await thrown(b.loader('https://b.example/'))).toEqual(limit(1, 'https://b.example/'));
    const f = b.fork();
    await f('https://a.example/'); // cached: not loaded again, but counted for the fork
    expect(await thrown(f('https://b.example/'))).toEqual(limit(1, 'https://b.example/'));
    const g = b.fork(3);
    await g('https://b.example/');
    await g('https://c.example/');
    await g('https://d.example/');
    expect(await thrown(g('https://e.example/'))).toEqual(limit(3, 'https://e.example/'));
    expect(calls).toEqual(['https://a.example/', 'https://b.example/', 'https://c.example/', 'https://d.example/']);
    // the parent's budget is unchanged by its forks
    expect(await thrown(b.loader('https://c.example/'))).toEqual(limit(1, 'https://c.example/'));
  });
});

// One verification context per evaluateStack / verifyPresentation / verifyPortfolio call: documents and status lists
// are loaded and verified once for all credentials, each credential keeps its own document budget, the envelope's
// expansion is composed from the credentials' expansions only where that equals jsonld's, and the holder is read from
// the signed data.
import { describe, expect, it, vi } from 'vitest';
import jsonld from 'jsonld';
import * as vc from '@digitalbazaar/vc';
import jsigs from 'jsonld-signatures';
import { bundlePresentation, createDidWebDocument, evaluateStack, generateKeyPair, issueCredential, verifyCredential, verifyPortfolio, verifyPresentation } from '../../src/index.js';
import { allocateStatusIndex, createStatusList, signStatusList } from '../../src/status/index.js';
import { createDocumentLoader } from '../../src/jsonld/loader.js';
import { createEddsaSigningSuite } from '../../src/proofs/suites.js';
import { CANONIZE_WORK } from '../../src/proofs/canonize.js';
import { SHAPE_LIMITS } from '../../src/proofs/shapes.js';
import { buildView } from '../../src/verify/view.js';
import { composePresentationExpansion, proofsSplittable } from '../../src/verify/compose.js';
import { sampleCredential } from '../helpers.js';
import { awardExample, networkIssuer, NOW as EXAMPLE_NOW } from '../../examples/microcredentials/network.js';
import { achievement, fixtures, NOW, ob, seed } from './fixtures.js';

const VC2 = 'https://www.w3.org/ns/credentials/v2';
const LIST_URL = 'https://status.example/lists/7';

/** JSON with object keys sorted (array order kept): equality of JSON-LD expansions regardless of key order. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v);
}

const loader = createDocumentLoader({});
const expand = (doc: unknown) => jsonld.expand(structuredClone(doc) as never, { documentLoader: loader as never, safe: true, base: null } as never);
const withoutProof = (doc: Record<string, any>) => {
  const { proof: _p, ...rest } = doc;
  return rest;
};

/** A shared-list scenario: three credentials of one issuer with entries on one status list served through `fetch`. */
async function listScenario() {
  const issuer = await generateKeyPair({ seed: seed(21) });
  const learner = await generateKeyPair({ seed: seed(22) });
  let state = createStatusList({ id: LIST_URL, issuer: issuer.controller, purpose: 'revocation' });
  const creds: Record<string, any>[] = [];
  for (let i = 0; i < 3; i++) {
    const a = allocateStatusIndex(state);
    state = a.state;
    creds.push((await issueCredential(ob(issuer, 'Uni S', learner.controller, achievement(`urn:uuid:5a000000-0000-4000-8000-00000000000${i}`, `Course ${i}`), '2026-06-01T09:00:00Z', { credentialStatus: a.entry }), { key: issuer, now: '2026-06-01T09:00:00Z' })) as Record<string, any>);
  }
  const list = await signStatusList(state, { key: issuer, now: '2026-10-01T00:00:00Z' });
  const calls: string[] = [];
  const fetch = async (url: string) => {
    calls.push(url);
    if (url === LIST_URL) return structuredClone(list);
    throw new Error(`not found: ${url}`);
  };
  return { issuer, learner, creds, list, calls, fetch };
}

describe('one verification context per call', () => {
  it('a status list used by three credentials is loaded once and verified once per evaluateStack / verifyPresentation / verifyPortfolio call', async () => {
    const s = await listScenario();
    const rule = { id: 'urn:rule:any', type: 'StackingRule', name: 'any one', condition: { kind: 'has', match: { achievementIds: ['urn:uuid:5a000000-0000-4000-8000-000000000000'] } } };
    // the work of verifying the list alone (its own canonicalizations)
    const before = CANONIZE_WORK.calls;
    expect((await verifyCredential(s.list, { now: NOW })).verified).toBe(true);
    const listWork = CANONIZE_WORK.calls - before;
    const credWork = await (async () => {
      const b = CANONIZE_WORK.calls;
      await verifyCredential(s.creds[0], { now: NOW, status: 'skip' });
      return CANONIZE_WORK.calls - b;
    })();
    expect(listWork).toBeGreaterThan(0);

    s.calls.length = 0;
    let b = CANONIZE_WORK.calls;
    const ev = await evaluateStack(rule, s.creds, { now: NOW, fetch: s.fetch });
    expect(ev.ignored).toEqual([]);
    expect(s.calls).toEqual([LIST_URL]);
    expect(CANONIZE_WORK.calls - b).toBe(3 * credWork + listWork);

    const vp = await bundlePresentation(s.creds as never, { holderKey: s.learner, challenge: 'c-7', now: NOW });
    for (const run of [
      async () => (await verifyPresentation(vp, { now: NOW, fetch: s.fetch, challenge: 'c-7' })).credentials,
      async () => (await verifyPortfolio(vp, { now: NOW, fetch: s.fetch, challenge: 'c-7' })).credentials,
    ]) {
      s.calls.length = 0;
      b = CANONIZE_WORK.calls;
      const reports = await run();
      expect(reports.map((r) => r.verified)).toEqual([true, true, true]);
      expect(reports.map((r) => r.checks.filter((c) => c.id === 'status').map((c) => c.status))).toEqual([['passed'], ['passed'], ['passed']]);
      expect(s.calls).toEqual([LIST_URL]);
      // three credentials, the list once, and the envelope (its own proof)
      const envelopeWork = CANONIZE_WORK.calls - b - 3 * credWork - listWork;
      expect(envelopeWork).toBeGreaterThan(0);
      expect(envelopeWork).toBeLessThanOrEqual(credWork);
    }
  });

  it("one credential's exhausted document budget does not affect the others (presentation, portfolio, stack)", async () => {
    const keyA = await generateKeyPair({ seed: seed(31), controller: 'did:web:a.example', id: 'did:web:a.example#key-1' });
    const keyB = await generateKeyPair({ seed: seed(32), controller: 'did:web:b.example', id: 'did:web:b.example#key-1' });
    const learner = await generateKeyPair({ seed: seed(33) });
    let state = createStatusList({ id: 'https://a.example/status/1', issuer: keyA.controller, purpose: 'revocation' });
    const alloc = allocateStatusIndex(state);
    state = alloc.state;
    const issue = (k: typeof keyA, n: number, extra: Record<string, unknown> = {}) =>
      issueCredential(ob(k, `Uni ${n}`, learner.controller, achievement(`urn:uuid:6b000000-0000-4000-8000-00000000000${n}`, `Unit ${n}`), '2026-06-01T09:00:00Z', extra), { key: k, now: '2026-06-01T09:00:00Z' }) as Promise<Record<string, any>>;
    // x needs two documents (a.example's DID document and the status list), y and z one each
    const x = await issue(keyA, 1, { credentialStatus: alloc.entry });
    const y = await issue(keyA, 2);
    const z = await issue(keyB, 3);
    const documents = {
      'did:web:a.example': createDidWebDocument('did:web:a.example', [keyA]),
      'did:web:b.example': createDidWebDocument('did:web:b.example', [keyB]),
      [state.id]: await signStatusList(state, { key: keyA, now: '2026-10-01T00:00:00Z' }),
    };
    const opts = { now: NOW, documents, maxDocuments: 1 };
    const codes = (r: { checks: Array<{ status: string; code?: string }> }) => r.checks.filter((c) => c.status === 'failed').map((c) => c.code);
    // alone: x is over its budget, y and z are not
    expect(codes(await verifyCredential(x, opts))).toEqual(['ERR_DOCUMENT_LIMIT']);
    for (const c of [y, z]) expect((await verifyCredential(c, opts)).verified).toBe(true);
    // together, in any order: the same verdicts
    for (const order of [[x, y, z], [z, y, x], [y, x, z]]) {
      const want = order.map((c) => c === x);
      const pres = await verifyPresentation({ '@context': [VC2], type: ['VerifiablePresentation'], verifiableCredential: order }, opts);
      expect(pres.credentials.map((r) => !r.verified)).toEqual(want);
      expect(pres.credentials.map(codes)).toEqual(order.map((c) => (c === x ? ['ERR_DOCUMENT_LIMIT'] : [])));
      const vp = await bundlePresentation(order as never, { holderKey: learner, now: NOW });
      const port = await verifyPortfolio(vp, opts);
      expect(port.credentials.map((r) => !r.verified)).toEqual(want);
      expect(port.envelope.verified).toBe(true);
      const ev = await evaluateStack({ id: 'urn:rule:one', type: 'StackingRule', name: 'one', condition: { kind: 'has', match: { achievementIds: ['urn:uuid:6b000000-0000-4000-8000-000000000003'] } } }, order, opts);
      expect(ev.ignored.map((i) => [i.index, i.code])).toEqual([[order.indexOf(x), 'ERR_DOCUMENT_LIMIT']]);
    }
  });
});

describe('bounds of held credentials', () => {
  it('each credential of a presentation or portfolio is held to the single-credential bounds; the envelope scales with maxCredentials', async () => {
    const f = await fixtures();
    const [a1, a2] = f.creds as [Record<string, any>, Record<string, any>];
    const wide = (await issueCredential(ob(f.uniA, 'University A', f.learner.controller, achievement('urn:uuid:0a000000-0000-4000-8000-0000000000w1', 'Wide', ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8'])), { key: f.uniA, now: '2026-06-01T09:00:00Z' })) as Record<string, any>;
    const opts = { now: NOW, limits: { maxArrayLength: 6 } };
    expect((await verifyCredential(wide, opts)).checks.map((c) => c.code)).toEqual(['ERR_INPUT_TOO_LARGE']);
    const vp = await bundlePresentation([a1, wide, a2] as never, { holderKey: f.learner, challenge: 'b', now: NOW });
    const pres = await verifyPresentation(vp, { ...opts, challenge: 'b' });
    const port = await verifyPortfolio(vp, { ...opts, challenge: 'b' });
    for (const r of [pres.credentials, port.credentials]) {
      expect(r.map((c) => c.verified)).toEqual([true, false, true]);
      expect(r[1]!.checks.map((c) => `${c.id}:${c.code}`)).toEqual(['format:ERR_INPUT_TOO_LARGE']);
    }
    expect(pres.presentation.verified).toBe(true);
    expect(port.envelope.verified).toBe(true);
  });
});

describe('composed presentation expansion', () => {
  async function innerFull(cred: Record<string, any>): Promise<unknown[] | undefined> {
    const v = await buildView(cred, loader, { withProofs: true });
    if ('check' in v) throw new Error(v.check.message);
    // the claims' expansion is jsonld's (split or not), and so is the expansion with proofs when given
    expect(canonical(v.expanded)).toBe(canonical(await expand(withoutProof(cred))));
    if (v.full) expect(canonical(v.full)).toBe(canonical(await expand(cred)));
    return v.full;
  }

  async function check(vp: Record<string, any>, composable: boolean): Promise<void> {
    const fulls = new Map<object, unknown[]>();
    for (const c of vp.verifiableCredential ?? []) {
      const f = await innerFull(c);
      if (f) fulls.set(c, f);
    }
    const composed = await composePresentationExpansion(vp, (e) => fulls.get(e as object), loader);
    if (!composable) {
      expect(composed).toBeUndefined();
      return;
    }
    expect(composed).toBeDefined();
    expect(canonical(composed)).toBe(canonical(await expand(withoutProof(vp))));
  }

  it('equals jsonld.expand on the portfolio fixtures (VC 2.0 eddsa-rdfc-2022; a VC 1.1 Ed25519Signature2020 credential is not composed)', async () => {
    const f = await fixtures();
    const [a1, a2, b1, b2] = f.creds as [Record<string, any>, Record<string, any>, Record<string, any>, Record<string, any>];
    expect(await proofsSplittable(a1, loader)).toBe(true);
    expect(await proofsSplittable(b1, loader)).toBe(false);
    await check(await bundlePresentation([a1, a2, b2, f.revoked] as never, { holderKey: f.learner, challenge: 'c', now: NOW }), true);
    await check(await bundlePresentation([a1, b1] as never, { holderKey: f.learner, now: NOW }), false);
    await check(await bundlePresentation([a2] as never, { holderKey: f.learner, now: NOW }), true);
  });

  it('equals jsonld.expand on generated presentations (inline contexts, language maps, proof sets, several shapes)', async () => {
    const key = await generateKeyPair({ seed: seed(41) });
    const holder = await generateKeyPair({ seed: seed(43) });
    const creds: Record<string, any>[] = [];
    for (let i = 0; i < 6; i++) {
      const base = sampleCredential(key.controller, { id: `urn:uuid:7c000000-0000-4000-8000-00000000000${i}` });
      if (i % 2) base.credentialSubject.achievement.alignment = Array.from({ length: i }, (_, j) => ({ type: ['Alignment'], targetName: `Skill ${j} — ü`, targetUrl: `https://skills.example/${j}` }));
      if (i === 3) base['@context'] = [...base['@context'], { ext: 'https://ext.example/vocab#', note: 'ext:note' }];
      if (i === 3) base.note = 'an inline-context term';
      const signed = (await issueCredential(base, { key, now: '2026-09-01T09:00:00Z' })) as Record<string, any>;
      creds.push(signed);
    }
    // the network example's awards (credstack and 1EdTech extension contexts inline, what the benchmark bundles)
    const issuer = networkIssuer(key);
    for (const [i, which] of (['ai', 'data', 'staff'] as const).entries()) {
      creds.push((await issueCredential({ ...awardExample(which, issuer, { did: holder.controller, studentId: `S${i}` }), id: `urn:uuid:7d000000-0000-4000-8000-00000000000${i}` }, { key, now: EXAMPLE_NOW })) as Record<string, any>);
    }
    // a proof set (two DataIntegrityProofs): still split exactly
    const second = (await issueCredential(withoutProof(creds[0]!), { key, now: '2026-09-02T09:00:00Z' })) as Record<string, any>;
    creds.push({ ...creds[0], proof: [creds[0]!.proof, second.proof] });
    await check(await bundlePresentation(creds as never, { holderKey: holder, challenge: 'g', domain: 'd.example', now: NOW, allowDuplicates: true }), true);
    // the same credential twice (one object, two entries)
    await check({ '@context': [VC2], type: 'VerifiablePresentation', holder: holder.controller, verifiableCredential: [creds[1], creds[1]] }, true);
    await check({ '@context': [VC2], type: ['VerifiablePresentation'], verifiableCredential: [] }, true);
    // not composed: another presentation context, another type, a credential that is not an object
    await check({ '@context': [VC2, { ex: 'https://ex.example/#' }], type: ['VerifiablePresentation'], verifiableCredential: [creds[2]] }, false);
    await check({ '@context': [VC2], type: ['VerifiablePresentation', 'EnvelopedVerifiablePresentation'], verifiableCredential: [creds[2]] }, false);
  });

  it('does not split when `proof` is a term of the document context or something else contributes to sec:proof', async () => {
    const key = await generateKeyPair({ seed: seed(44) });
    const signed = (await issueCredential(sampleCredential(key.controller), { key, now: '2026-09-01T09:00:00Z' })) as Record<string, any>;
    // `proof` defined by an inline context (an alias of @type at the top): not splittable
    const aliased = { ...signed, '@context': [...signed['@context'], { proof: '@type' }] };
    expect(await proofsSplittable(aliased, loader)).toBe(false);
    // a second spelling of sec:proof among the claims: the count does not match, no split; the view stays jsonld's
    const extra = { ...signed, 'https://w3id.org/security#proof': { '@id': 'urn:x:p' } };
    const v = await buildView(extra, loader, { withProofs: true });
    expect('view' in v && v.full).toBeFalsy();
    // a proof key outside the Data Integrity terms: not splittable
    expect(await proofsSplittable({ ...signed, proof: { ...signed.proof, note: 'x' } }, loader)).toBe(false);
  });

  it('a portfolio verifies the same with and without composition (a non-composable envelope of the same credentials)', async () => {
    const f = await fixtures();
    const [a1, a2] = f.creds as [Record<string, any>, Record<string, any>];
    const vp = await bundlePresentation([a1, a2] as never, { holderKey: f.learner, challenge: 'c', now: NOW });
    const r = await verifyPortfolio(vp, { now: NOW, challenge: 'c' });
    expect(r.verified).toBe(true);
    // tampering an inner credential fails it and the envelope's signature, composed or not
    const bad = structuredClone(vp);
    bad.verifiableCredential[1].name = 'Changed';
    const rb = await verifyPortfolio(bad, { now: NOW, challenge: 'c' });
    expect(rb.credentials.map((c) => c.verified)).toEqual([true, false]);
    expect(rb.envelope.checks.filter((c) => c.id === 'proof').map((c) => c.code)).toEqual(['ERR_PROOF_INVALID_SIGNATURE']);
  });
});

describe('holder from the signed view', () => {
  async function signVp(vp: Record<string, any>, key: Awaited<ReturnType<typeof generateKeyPair>>, challenge: string): Promise<Record<string, any>> {
    return vc.signPresentation({ presentation: vp, suite: createEddsaSigningSuite(key, '2026-11-23T10:00:00Z'), purpose: new jsigs.purposes.AuthenticationProofPurpose({ challenge }), documentLoader: loader as never }) as Promise<Record<string, any>>;
  }

  it('a respelled holder (full IRI, same RDF) is the same holder; a respelled other holder is a mismatch', async () => {
    const f = await fixtures();
    const [a1] = f.creds as [Record<string, any>];
    const plain = await signVp({ '@context': [VC2], type: ['VerifiablePresentation'], holder: f.learner.controller, verifiableCredential: [a1] }, f.learner, 'h');
    const respelled = await signVp({ '@context': [VC2], type: ['VerifiablePresentation'], 'https://www.w3.org/2018/credentials#holder': { '@id': f.learner.controller }, verifiableCredential: [a1] }, f.learner, 'h');
    const other = await signVp({ '@context': [VC2], type: ['VerifiablePresentation'], 'https://www.w3.org/2018/credentials#holder': { '@id': f.other.controller }, verifiableCredential: [a1] }, f.learner, 'h');
    const holderChecks = (checks: Array<{ id: string; status: string; code?: string; message: string }>) => checks.filter((c) => c.id === 'holder').map((c) => `${c.status}:${c.code ?? ''}:${c.message}`);
    const p1 = await verifyPresentation(plain, { now: NOW, challenge: 'h' });
    const p2 = await verifyPresentation(respelled, { now: NOW, challenge: 'h' });
    expect(p1.verified).toBe(true);
    expect(p2.verified).toBe(true);
    expect(holderChecks(p2.presentation.checks)).toEqual(holderChecks(p1.presentation.checks));
    expect(holderChecks(p1.presentation.checks)).toEqual([`passed::signed by the holder ${f.learner.controller}`]);
    const q1 = await verifyPortfolio(plain, { now: NOW, challenge: 'h' });
    const q2 = await verifyPortfolio(respelled, { now: NOW, challenge: 'h' });
    expect(q2.verified).toBe(true);
    expect(holderChecks(q2.envelope.checks)).toEqual(holderChecks(q1.envelope.checks));
    const po = await verifyPresentation(other, { now: NOW, challenge: 'h' });
    expect(po.presentation.checks.filter((c) => c.id === 'holder').map((c) => c.code)).toEqual(['ERR_HOLDER_MISMATCH']);
    const qo = await verifyPortfolio(other, { now: NOW, challenge: 'h' });
    expect(qo.envelope.checks.filter((c) => c.id === 'holder').map((c) => c.code)).toEqual(['ERR_HOLDER_MISMATCH']);
  });
});

describe('each expansion once: the proof layer canonicalizes the view\'s expansions', () => {
  it('an eddsa-rdfc-2022 credential with inline contexts on the full jsonld path (compiled shapes off): jsonld.expand runs for the claims and the proof configuration only', async () => {
    // the view expands the claims and the proof configuration (the proof without proofValue under the document's
    // @context); eddsa-rdfc-2022 hashes the canonical forms of exactly those, so toRDF is handed those expansions
    const key = await generateKeyPair({ seed: seed(31) });
    const learner = await generateKeyPair({ seed: seed(32) });
    const cred = await issueCredential({ ...awardExample('ai', networkIssuer(key), { did: learner.controller, studentId: 'S1' }), id: 'urn:uuid:00000000-0000-4000-8000-000000000031' }, { key, now: EXAMPLE_NOW });
    expect((cred['@context'] as unknown[]).some((c) => typeof c === 'object')).toBe(true); // inline contexts
    SHAPE_LIMITS.enabled = false; // the full jsonld path (a compiled shape would expand nothing)
    const expandSpy = vi.spyOn(jsonld, 'expand');
    const toRdfSpy = vi.spyOn(jsonld, 'toRDF');
    try {
      const r = await verifyCredential(cred, { now: new Date(EXAMPLE_NOW.getTime() + 86400_000), status: 'skip' });
      expect(r.verified).toBe(true);
      const expanded = expandSpy.mock.calls.map((c) => Object.keys(c[0] as object).includes('proofValue'));
      expect(expanded).toHaveLength(2); // the claims, the proof configuration — never the proof value's document again
      expect(expanded).toEqual([false, false]);
      expect(toRdfSpy.mock.calls.map((c) => (c[1] as { skipExpansion?: boolean }).skipExpansion)).toEqual([true, true]);
    } finally {
      SHAPE_LIMITS.enabled = true;
      expandSpy.mockRestore();
      toRdfSpy.mockRestore();
    }
  });
});

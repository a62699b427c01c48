// @ts-nocheck
// Issue 17 §2 "unauthenticated CPU exhaustion": the JSON-LD work of one input is bounded before any canonicalization,
// and a proof set costs one canonicalization of the document. Work is measured by CANONIZE_WORK (datasets
// canonicalized, quads), never by the clock; bench/dos.ts gives the CPU seconds.
import { describe, expect, it } from 'vitest';
import { DEFAULT_VERIFY_LIMITS, generateKeyPair, issueCredential, verifyCredential } from '../../src/index.js';
import { CANONIZE_WORK } from '../../src/proofs/suites.js';
import { measureJsonLdWork } from '../../src/verify/bounds.js';
import { ISSUED, NOW, sampleCredential } from '../helpers.js';

const failed = (r: { checks: Array<{ id: string; status: string; code?: string }> }) => r.checks.filter((c) => c.status === 'failed').map((c) => `${c.id}:${c.code}`);

describe('JSON-LD work bounds', async () => {
  const key = await generateKeyPair({ seed: new Uint8Array(32).fill(17) });
  const signed: any = await issueCredential(sampleCredential(key.controller), { key, now: ISSUED });
  const subject = (extra: object) => ({ ...signed.credentialSubject, ...extra });

  async function refusedUnread(doc: unknown, expected: string[]) {
    const before = { ...CANONIZE_WORK };
    const r = await verifyCredential(JSON.stringify(doc), { now: NOW });
    expect(failed(r)).toEqual(expected);
    expect(r.verified).toBe(false);
    expect(CANONIZE_WORK.calls - before.calls).toBe(0); // refused before any canonicalization
  }

  it('issue 17 attack 1: a type array repeating a type-scoped term 20,000 times, 10 proofs (68 s before)', async () => {
    await refusedUnread({ ...signed, type: ['VerifiableCredential', ...Array(20_000).fill('Achievement')], proof: Array(10).fill(signed.proof) }, ['format:ERR_INPUT_TOO_LARGE']);
  });

  it('issue 17 attack 2: 240,000 values and 10 proofs (16.7 min before)', async () => {
    const tags = Array.from({ length: 240 }, (_, j) => Array.from({ length: 1000 }, (_, i) => `v${j}.${i}`));
    await refusedUnread({ ...signed, proof: Array(10).fill(signed.proof), credentialSubject: subject({ tags }) }, ['format:ERR_INPUT_TOO_LARGE']);
  });

  it('issue 17 attack 3: 20,000 blank nodes, 1 proof (41 s before)', async () => {
    const result = Array.from({ length: 200 }, () => Array.from({ length: 100 }, () => ({ type: ['Result'], value: 'B', resultDescription: 'urn:uuid:rd-1' })));
    await refusedUnread({ ...signed, credentialSubject: subject({ result }) }, ['format:ERR_INPUT_TOO_LARGE']);
  });

  it('type-scoped terms are counted, also through an inline alias of @type', async () => {
    const many = Array.from({ length: 200 }, () => ({ type: ['Result', 'Achievement'], value: 'B' }));
    await refusedUnread({ ...signed, credentialSubject: subject({ result: many }) }, ['format:ERR_INPUT_TOO_COMPLEX']);
    const aliased = { ...signed, '@context': [...signed['@context'], { t: '@type' }], credentialSubject: subject({ result: [{ t: Array(200).fill('Result') }, { t: Array(200).fill('Profile') }] }) };
    await refusedUnread(aliased, ['format:ERR_INPUT_TOO_COMPLEX']);
    const w = measureJsonLdWork(aliased, { ...DEFAULT_VERIFY_LIMITS, maxScopedTerms: 100_000 });
    expect(w.exceeded).toBeUndefined();
    expect(w.scopedTerms).toBeGreaterThanOrEqual(400);
  });

  it('inline contexts are bounded in terms', async () => {
    const ctx: Record<string, string> = {};
    for (let i = 0; i <= DEFAULT_VERIFY_LIMITS.maxInlineTerms; i++) ctx[`t${i}`] = `https://example.org/t${i}`;
    await refusedUnread({ ...signed, '@context': [...signed['@context'], ctx] }, ['format:ERR_INPUT_TOO_COMPLEX']);
  });

  it('a proof set costs one canonicalization of the document, not one per proof', async () => {
    const before = { ...CANONIZE_WORK };
    const one = await verifyCredential(signed, { now: NOW });
    expect(one.verified).toBe(true);
    const single = CANONIZE_WORK.calls - before.calls;
    expect(single).toBe(2); // the document and the proof configuration
    const mid = CANONIZE_WORK.calls;
    const ten = await verifyCredential({ ...signed, proof: Array(10).fill(signed.proof) }, { now: NOW });
    expect(failed(ten)).toEqual([]);
    expect(ten.checks.filter((c) => c.id === 'proof' && c.status === 'passed')).toHaveLength(10);
    expect(CANONIZE_WORK.calls - mid).toBe(2);
  });

  it('a dataset above maxQuads is refused before rdf-canonize sees it', async () => {
    const r = await verifyCredential(signed, { now: NOW, limits: { maxQuads: 20 } });
    expect(failed(r)).toEqual(['proof:ERR_INPUT_TOO_COMPLEX']);
    expect(r.checks.find((c) => c.id === 'proof')?.message).toMatch(/RDF quads; the limit is 20/);
  });

  it('the limits are options: raised, a larger legitimate document verifies', async () => {
    const key2 = await generateKeyPair({ seed: new Uint8Array(32).fill(18) });
    const tags = Array.from({ length: 300 }, (_, i) => `skill-${i}`);
    const big: any = await issueCredential(sampleCredential(key2.controller, { subject: { achievement: { ...sampleCredential('x').credentialSubject.achievement, tag: tags } } }), { key: key2, now: ISSUED });
    expect(failed(await verifyCredential(big, { now: NOW }))).toEqual(['format:ERR_INPUT_TOO_LARGE']);
    expect(failed(await verifyCredential(big, { now: NOW, limits: { maxArrayLength: 400 } }))).toEqual([]);
  });
});

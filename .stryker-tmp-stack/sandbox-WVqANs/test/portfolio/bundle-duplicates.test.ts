// @ts-nocheck
// Duplicate detection at bundle time, with non-identical duplicates so that only one of the two checks can catch each
// case: (1) two different, correctly signed credentials that share an `id` (distinct proofs) — only the id check sees
// them; (2) two credentials with different ids that carry the same proof (one relabelled) — only the proof check sees it.
// Rule (src/portfolio/types.ts, allowDuplicates): "Bundle the same credential (same id or same proofValue) twice.
// Default false: refused with `ERR_DUPLICATE_CREDENTIAL`." VC 2.0 §4.4 (Identifiers): "If present, the value of the id
// property MUST be a single URL" identifying one thing, so two different credentials under one id is a conflict.
import { beforeAll, describe, expect, it } from 'vitest';
import { issueCredential } from '../../src/issue.js';
import { bundleClr, bundlePresentation } from '../../src/portfolio/index.js';
import { PortfolioError } from '../../src/errors.js';
import { achievement, fixtures, ISSUED, NOW, ob, type Fixtures } from './fixtures.js';

const SHARED_ID = 'urn:uuid:d0000000-0000-4000-8000-00000000d001';
let f: Fixtures;
let sameIdA: Record<string, any>;
let sameIdB: Record<string, any>;
let relabelled: Record<string, any>;

beforeAll(async () => {
  f = await fixtures();
  const L = f.learner.controller;
  sameIdA = await issueCredential(ob(f.uniA, 'University A', L, achievement('urn:uuid:0a000000-0000-4000-8000-0000000000d1', 'Statistics I'), ISSUED, { id: SHARED_ID }), { key: f.uniA, now: ISSUED });
  sameIdB = await issueCredential(ob(f.uniA, 'University A', L, achievement('urn:uuid:0a000000-0000-4000-8000-0000000000d2', 'Statistics II'), ISSUED, { id: SHARED_ID }), { key: f.uniA, now: ISSUED });
  relabelled = { ...structuredClone(sameIdA), id: 'urn:uuid:d0000000-0000-4000-8000-00000000d002' };
});

async function refusal(p: Promise<unknown>): Promise<PortfolioError> {
  const r = await p.then(
    () => undefined,
    (e) => e,
  );
  expect(r).toBeInstanceOf(PortfolioError);
  return r as PortfolioError;
}

describe('bundling refuses duplicates that are not identical copies', () => {
  it('the inputs really differ: same id, different content and different proofs; different id, same proof', () => {
    expect(sameIdA.id).toBe(SHARED_ID);
    expect(sameIdB.id).toBe(SHARED_ID);
    expect(sameIdA.credentialSubject.achievement.name).toBe('Statistics I');
    expect(sameIdB.credentialSubject.achievement.name).toBe('Statistics II');
    expect(typeof sameIdA.proof.proofValue).toBe('string');
    expect(sameIdA.proof.proofValue).not.toBe(sameIdB.proof.proofValue);
    expect(relabelled.id).not.toBe(sameIdA.id);
    expect(relabelled.proof.proofValue).toBe(sameIdA.proof.proofValue);
  });

  for (const [verb, bundle] of [
    ['bundleClr', (c: Record<string, any>[], allowDuplicates?: boolean) => bundleClr(c, { key: f.uniA, now: NOW, allowDuplicates })],
    ['bundlePresentation', (c: Record<string, any>[], allowDuplicates?: boolean) => bundlePresentation(c, { holderKey: f.learner, now: NOW, allowDuplicates })],
  ] as const) {
    it(`${verb}: two different credentials with the same id → ERR_DUPLICATE_CREDENTIAL naming both indexes and the id`, async () => {
      const e = await refusal(bundle([f.creds[0]!, sameIdA, sameIdB]));
      expect(e.code).toBe('ERR_DUPLICATE_CREDENTIAL');
      expect(e.details).toEqual({ indexes: [1, 2], id: SHARED_ID });
    });

    it(`${verb}: different ids, same proof → ERR_DUPLICATE_CREDENTIAL by proof`, async () => {
      const e = await refusal(bundle([sameIdA, f.creds[1]!, relabelled]));
      expect(e.code).toBe('ERR_DUPLICATE_CREDENTIAL');
      expect(e.details).toEqual({ indexes: [0, 2] });
      expect(e.message).toContain('same proof');
    });

    it(`${verb}: with allowDuplicates both pairs are bundled (the refusal above came from the duplicate check)`, async () => {
      const out = await bundle([sameIdA, sameIdB, relabelled], true);
      const inner = verb === 'bundleClr' ? (out as any).credentialSubject.verifiableCredential : (out as any).verifiableCredential;
      expect(inner.map((c: any) => c.id)).toEqual([SHARED_ID, SHARED_ID, relabelled.id]);
    });
  }
});

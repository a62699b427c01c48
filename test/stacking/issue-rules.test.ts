// Issue 21 (mutation area `stacking-issue`): evaluateStack (src/stacking/evaluate.ts) and issueStackedCredential
// (src/stacking/issue-stacked.ts) with their heavy collaborators replaced by recorders: the single-credential
// verification (createVerifyContext / innerContext / verifyInput of src/verify/verify.js), the component digest
// (digestComponent of src/stacking/digest.js) and signing (issueCredential of src/issue.js). Every report, every signed
// `view` is hand-made, so no JSON-LD, no key, no signature: only the stacking orchestration is under test (the real
// thing end to end is test/stacking/e2e.test.ts).
//
// Rules (src/stacking/README.md "Semantics" / "Digests" / "Associations", and the doc comments of evaluate.ts and
// issue-stacked.ts):
// - "Only credentials that verified count (verifyCredential with the same options: now, documents, trustedIssuers…)";
//   "The credentials share one verification context …, each within its own document budget"; "At most `concurrency`
//   (4) verify at once"; "ERR_STACK_TOO_LARGE for more than maxCredentials credentials (default 1,000)".
// - "identity, credits, levels …: read from the signed data (the verifier's view), never from the JSON keys".
// - "duplicates (same id, or the same achievement twice) count once, credentials of another learner or already
//   `consumed` by another stacked credential are ignored"; learner: "Default: the one learner all verified credentials
//   name by credentialSubject.id; required (ERR_LEARNER_REQUIRED) when they name several, or when any names its learner
//   only by hashed identifiers".
// - "The result is frozen; it states eligibility, not an award" (outcome 'eligibility'); ruleDigest is "sha-256 (hex) of
//   the rule's canonical JSON" (sorted keys).
// - issueStackedCredential: "ERR_NOT_SATISFIED (evaluation not satisfied, unless force), ERR_EVALUATION_UNKNOWN (not
//   produced by evaluateStack in this process, unless force), ERR_RULE_MISMATCH (evaluation of another rule),
//   ERR_COMPONENT_NO_ID, ERR_NO_LEARNER"; "Names every component credential the evaluation used by id and digest in
//   VC 2.0 relatedResource" (sha2-384 by default; "A VC-JWT component is digested over its compact serialisation
//   (mediaType: application/vc+jwt)"); "CLR-style isPartOf associations (component achievement → stacked achievement)
//   … embedded as credentialSubject.association"; "the credstack context defines it …; the CLR context supplies
//   Association".
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Obj = Record<string, any>;
const rec = vi.hoisted(() => ({
  reports: new Map<unknown, Obj>(),
  ctxCheck: undefined as Obj | undefined,
  calls: [] as Array<[string, ...unknown[]]>,
  inFlight: 0,
  maxInFlight: 0,
  /** resolve verifications in reverse order of their start (later ones first) */
  reverse: false,
  digests: [] as Array<[unknown, Obj]>,
  issued: [] as Array<[Obj, Obj]>,
}));

vi.mock('../../src/verify/verify.js', () => ({
  createVerifyContext: vi.fn((opts: Obj) => {
    rec.calls.push(['createVerifyContext', opts]);
    return rec.ctxCheck ?? { tag: 'CTX', opts };
  }),
  innerContext: vi.fn((ctx: Obj, nested: boolean) => {
    rec.calls.push(['innerContext', ctx.tag, nested]);
    return { ...ctx, tag: 'INNER', nested };
  }),
  verifyInput: vi.fn(async (c: unknown, ctx: Obj) => {
    rec.calls.push(['verifyInput', c, ctx.tag, ctx.nested]);
    rec.inFlight++;
    rec.maxInFlight = Math.max(rec.maxInFlight, rec.inFlight);
    const order = rec.calls.filter((x) => x[0] === 'verifyInput').length;
    for (let i = 0; i < (rec.reverse ? 20 - order : 1); i++) await Promise.resolve();
    rec.inFlight--;
    return rec.reports.get(c) ?? { verified: false, checks: [{ id: 'format', status: 'failed', code: 'ERR_NO_REPORT', message: 'no hand-made report' }], warnings: [] };
  }),
}));
vi.mock('../../src/stacking/digest.js', () => ({
  digestComponent: vi.fn(async (c: unknown, o: Obj) => {
    rec.digests.push([c, o]);
    return `u-digest-of-${typeof c === 'string' ? c : (c as Obj).id}`;
  }),
}));
vi.mock('../../src/issue.js', () => ({
  issueCredential: vi.fn(async (doc: Obj, opts: Obj) => {
    rec.issued.push([doc, opts]);
    return { ...doc, proof: { type: 'DataIntegrityProof', proofValue: 'z-recorded' } };
  }),
}));

import { StackingError } from '../../src/errors.js';
import { evaluateStack, isGenuineEvaluation, mapBounded, MAX_STACK_CREDENTIALS, ruleDigest, type StackEvaluation } from '../../src/stacking/evaluate.js';
import { issueStackedCredential } from '../../src/stacking/issue-stacked.js';
import { parseStackingRule } from '../../src/stacking/rules.js';

const VC2 = 'https://www.w3.org/ns/credentials/v2';
const OB3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const OBX = 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json';
const CLR2 = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';
const CREDSTACK = 'https://w3id.org/credstack/v1';
const L = 'did:example:learner';
const L2 = 'did:example:other';
const UNI = 'did:example:uni';
const NOW = '2026-11-23T12:00:00Z';
const A = (n: number) => `https://uni.example/a/${n}`;
const RULE = { id: 'https://uni.example/rules/cert', name: 'Certificate', condition: { kind: 'sum', unit: 'ECTS', comparator: 'gte', value: 10 } };
// the canonical JSON of RULE, written by hand (sorted keys, no spaces): ruleDigest is its SHA-256
const RULE_JSON = '{"condition":{"comparator":"gte","kind":"sum","unit":"ECTS","value":10},"id":"https://uni.example/rules/cert","name":"Certificate"}';
const RULE_DIGEST = createHash('sha256').update(RULE_JSON).digest('hex');
const PASSED = { id: 'proof', status: 'passed', message: 'signature ok' };

interface Spec { id?: string | null; subject?: unknown; ects?: number; ach?: string | null; name?: string; issuer?: string; awarded?: string }
/** An OB 3.0-shaped credential (the JSON given to evaluateStack). */
function json(n: number, s: Spec = {}): Obj {
  const achievement: Obj = { type: ['Achievement'], ...(s.ach !== null ? { id: s.ach ?? A(n) } : {}), name: s.name ?? `Module ${n}`, workload: [{ value: s.ects ?? 5, unit: 'ECTS' }] };
  return {
    '@context': [VC2, OB3, CREDSTACK],
    ...(s.id !== null ? { id: s.id ?? `urn:uuid:c${n}` } : {}),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: s.issuer ?? UNI, type: ['Profile'] },
    awardedDate: s.awarded ?? `2026-0${(n % 9) + 1}-01T00:00:00Z`,
    credentialSubject: { ...(s.subject === undefined ? { id: L } : s.subject === null ? {} : (s.subject as Obj)), type: ['AchievementSubject'], achievement },
  };
}
/** The view of the signed data: the credential without @context (what buildView gives for these terms). */
const viewOf = (c: Obj): Obj => {
  const { '@context': _c, ...document } = structuredClone(c);
  return { document, id: c.id, vcVersion: 2, types: c.type, credentialSubject: [c.credentialSubject] };
};
/** Register a verified report for `input` (whose verified credential is `credential`, view from `view`). */
function verified(input: unknown, credential: Obj, view: Obj = viewOf(credential)): unknown {
  rec.reports.set(input, { verified: true, checks: [PASSED], warnings: [], credential, view });
  return input;
}
const good = (n: number, s: Spec = {}) => {
  const c = json(n, s);
  return verified(c, c);
};
const failedReport = (input: unknown, checks: Obj[], extra: Obj = {}) => {
  rec.reports.set(input, { verified: false, checks, warnings: [], ...extra });
  return input;
};
const b64u = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const JWT = (n: number) => `${b64u({ alg: 'EdDSA' })}.${b64u({ jti: `urn:uuid:c${n}` })}.c2ln`;

async function refusal(p: Promise<unknown>): Promise<StackingError> {
  const e = await p.then(() => {
    throw new Error('expected a rejection');
  }, (x) => x);
  expect(e).toBeInstanceOf(StackingError);
  return e as StackingError;
}

beforeEach(() => {
  rec.reports.clear();
  rec.ctxCheck = undefined;
  rec.calls.length = 0;
  rec.inFlight = 0;
  rec.maxInFlight = 0;
  rec.reverse = false;
  rec.digests.length = 0;
  rec.issued.length = 0;
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('mapBounded: at most `limit` calls in flight, results in input order', () => {
  it('maps in input order although later items finish first', async () => {
    const out = await mapBounded([3, 1, 2], 2, async (x, i) => {
      for (let k = 0; k < x * 3; k++) await Promise.resolve();
      return `${i}:${x}`;
    });
    expect(out).toEqual(['0:3', '1:1', '2:2']);
  });

  it('never more than `limit` in flight, and at least one worker', async () => {
    const run = async (n: number, limit: number) => {
      let inFlight = 0;
      let max = 0;
      let calls = 0;
      await mapBounded(Array.from({ length: n }, (_, i) => i), limit, async () => {
        calls++;
        max = Math.max(max, ++inFlight);
        await Promise.resolve();
        await Promise.resolve();
        inFlight--;
      });
      return [max, calls];
    };
    expect(await run(10, 3)).toEqual([3, 10]);
    expect(await run(2, 4)).toEqual([2, 2]);
    expect(await run(3, 0)).toEqual([1, 3]);
    expect(await run(3, -2)).toEqual([1, 3]);
    expect(await mapBounded([], 4, async () => {
      throw new Error('not called');
    })).toEqual([]);
  });
});

describe('ruleDigest and isGenuineEvaluation', () => {
  it('ruleDigest is the SHA-256 (hex) of the rule\'s JSON with sorted keys, whatever the key order given', () => {
    expect(ruleDigest(parseStackingRule(RULE))).toBe(RULE_DIGEST);
    const reordered = { condition: { value: 10, unit: 'ECTS', kind: 'sum', comparator: 'gte' }, name: 'Certificate', id: RULE.id };
    expect(ruleDigest(reordered as never)).toBe(RULE_DIGEST);
    // arrays keep their order; a nested list of conditions is canonical too
    const all = { id: 'r', name: 'n', condition: { kind: 'all', conditions: [{ kind: 'has', match: { achievementIds: ['b', 'a'] } }] } };
    const allJson = '{"condition":{"conditions":[{"kind":"has","match":{"achievementIds":["b","a"]}}],"kind":"all"},"id":"r","name":"n"}';
    expect(ruleDigest(all as never)).toBe(createHash('sha256').update(allJson).digest('hex'));
    // undefined (as JSON.stringify has no text for it) is written null
    expect(ruleDigest({ id: 'r', name: 'n', x: undefined } as never)).toBe(createHash('sha256').update('{"id":"r","name":"n","x":null}').digest('hex'));
    expect(ruleDigest({ id: 'r', name: 'n', x: [undefined, null, true, 1.5] } as never)).toBe(createHash('sha256').update('{"id":"r","name":"n","x":[null,null,true,1.5]}').digest('hex'));
  });

  it('only an evaluation produced by evaluateStack in this process is genuine (not a copy, not a primitive)', async () => {
    const ev = await evaluateStack(RULE, [], { now: NOW });
    expect(isGenuineEvaluation(ev)).toBe(true);
    expect(isGenuineEvaluation(structuredClone(ev))).toBe(false);
    expect(isGenuineEvaluation({ ...ev })).toBe(false);
    for (const v of [null, undefined, 42, 'ev']) expect(isGenuineEvaluation(v)).toBe(false);
  });
});

describe('evaluateStack: refusals before any verification', () => {
  it('an invalid rule is refused (ERR_RULE_INVALID, parsed with parseStackingRule)', async () => {
    const e = await refusal(evaluateStack({ id: RULE.id, name: 'x' }, [good(1)], { now: NOW }));
    expect(e.code).toBe('ERR_RULE_INVALID');
    expect(rec.calls).toEqual([]);
  });

  it('an unreadable `now` is refused (ERR_INVALID_NOW; it once escaped as a RangeError from toISOString)', async () => {
    for (const [now, shown] of [['garbage', '"garbage"'], [new Date('x'), 'an object']] as const) {
      const e = await refusal(evaluateStack(RULE, [good(1)], { now }));
      expect([e.code, e.message]).toEqual(['ERR_INVALID_NOW', `options.now is not a valid date: ${shown}`]);
    }
    expect(rec.calls).toEqual([]);
  });

  it('more than maxCredentials (default 1,000) credentials: ERR_STACK_TOO_LARGE; exactly the maximum is evaluated', async () => {
    expect(MAX_STACK_CREDENTIALS).toBe(1000);
    const e = await refusal(evaluateStack(RULE, Array.from({ length: 1001 }, () => ({})), { now: NOW }));
    expect([e.code, e.message, e.details]).toEqual(['ERR_STACK_TOO_LARGE', '1001 credentials given; at most 1000 are evaluated (option maxCredentials)', { count: 1001, max: 1000 }]);
    expect(rec.calls).toEqual([]);
    expect((await evaluateStack(RULE, Array.from({ length: 1000 }, () => ({})), { now: NOW })).ignored).toHaveLength(1000);
    const small = await refusal(evaluateStack(RULE, [{}, {}, {}], { now: NOW, maxCredentials: 2 }));
    expect([small.code, small.message, small.details]).toEqual(['ERR_STACK_TOO_LARGE', '3 credentials given; at most 2 are evaluated (option maxCredentials)', { count: 3, max: 2 }]);
    expect((await evaluateStack(RULE, [{}, {}], { now: NOW, maxCredentials: 2 })).ignored).toHaveLength(2);
  });

  it('credentials that are not an array count as none (nothing verified)', async () => {
    const ev = await evaluateStack(RULE, 'not a list' as never, { now: NOW });
    expect([ev.used, ev.ignored, ev.satisfied]).toEqual([[], [], false]);
    expect(rec.calls.map((c) => c[0])).toEqual(['createVerifyContext']);
  });
});

describe('evaluateStack: every credential verified in one shared context, each with its own loader', () => {
  it('one createVerifyContext with the caller\'s options and `now` as a Date; innerContext(ctx, false) per credential', async () => {
    const a = good(1);
    const b = good(2);
    const documents = { 'did:example:uni': { id: UNI } };
    await evaluateStack(RULE, [a, b], { now: NOW, trustedIssuers: [UNI], documents, allowReuse: false });
    expect(rec.calls).toEqual([
      ['createVerifyContext', { now: new Date(NOW), trustedIssuers: [UNI], documents, allowReuse: false }],
      ['innerContext', 'CTX', false], ['verifyInput', a, 'INNER', false],
      ['innerContext', 'CTX', false], ['verifyInput', b, 'INNER', false],
    ]);
    expect((rec.calls[0]![1] as Obj).now).toBeInstanceOf(Date);
  });

  it('`now` defaults to the current time, and a Date is taken as given', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-05-05T05:05:05Z'));
    expect((await evaluateStack(RULE, [], {})).evaluatedAt).toBe('2026-05-05T05:05:05.000Z');
    expect((await evaluateStack(RULE, [])).evaluatedAt).toBe('2026-05-05T05:05:05.000Z');
    expect(rec.calls[0]).toEqual(['createVerifyContext', { now: new Date('2026-05-05T05:05:05Z') }]);
    vi.useRealTimers();
    expect((await evaluateStack(RULE, [], { now: new Date('2026-01-02T03:04:05Z') })).evaluatedAt).toBe('2026-01-02T03:04:05.000Z');
  });

  it('at most `concurrency` (default 4) verify at once; a concurrency that is not a positive integer is 4', async () => {
    const many = () => Array.from({ length: 9 }, (_, i) => good(i + 1, { ach: `${A(i + 1)}` }));
    const peak = async (concurrency?: unknown) => {
      rec.maxInFlight = 0;
      await evaluateStack(RULE, many(), { now: NOW, ...(concurrency !== undefined ? { concurrency: concurrency as number } : {}) });
      return rec.maxInFlight;
    };
    expect(await peak()).toBe(4);
    expect(await peak(2)).toBe(2);
    expect(await peak(1)).toBe(1);
    expect(await peak(6)).toBe(6);
    for (const bad of [0, -3, 1.5, NaN, Infinity, '3']) expect(await peak(bad)).toBe(4);
  });

  it('results stay with their credential although later verifications finish first', async () => {
    rec.reverse = true;
    const creds = [good(1, { ects: 1 }), failedReport({ n: 2 }, [{ id: 'proof', status: 'failed', code: 'ERR_SIG', message: 'bad signature' }]), good(3, { ects: 3 })];
    const ev = await evaluateStack(RULE, creds, { now: NOW, concurrency: 3 });
    expect(ev.used.map((u) => [u.index, u.id, u.workload[0]!.value])).toEqual([[0, 'urn:uuid:c1', 1], [2, 'urn:uuid:c3', 3]]);
    expect(ev.ignored.map((x) => [x.index, x.code])).toEqual([[1, 'ERR_SIG']]);
  });

  it('options the verification refuses (createVerifyContext answers a failed check): every credential unverified with it', async () => {
    const check = { id: 'format', status: 'failed', code: 'ERR_INVALID_OPTION', message: 'options.maxDocuments must be a positive integer' };
    rec.ctxCheck = check;
    const ev = await evaluateStack(RULE, [good(1), good(2)], { now: NOW });
    expect(rec.calls.map((c) => c[0])).toEqual(['createVerifyContext']);
    const un = (index: number) => ({ index, reason: 'unverified', code: 'ERR_INVALID_OPTION', message: 'did not verify: options.maxDocuments must be a positive integer', failedChecks: [check] });
    expect(ev.ignored).toStrictEqual([un(0), un(1)]);
    expect(ev.satisfied).toBe(false);
  });
});

describe('evaluateStack: only verified credentials count, read from their signed view', () => {
  it('a failed report is ignored as unverified: the view\'s id, the first failed check\'s code, every failed message', async () => {
    const f1 = { id: 'validity', status: 'failed', code: 'ERR_EXPIRED', message: 'expired on 2026-01-01' };
    const f2 = { id: 'proof', status: 'failed', code: 'ERR_SIG', message: 'bad signature' };
    const noCode = { id: 'status', status: 'failed', message: 'revoked' };
    const inputs = [
      failedReport({ n: 0 }, [PASSED, f1, { id: 'x', status: 'warning', code: 'W', message: 'w' }, f2], { view: { id: 'urn:uuid:v0', document: {} }, credential: {} }),
      failedReport({ n: 1 }, []),
      failedReport({ n: 2 }, [noCode, f1]),
      failedReport({ n: 3 }, [PASSED]),
    ];
    const ev = await evaluateStack(RULE, inputs, { now: NOW });
    expect(ev.ignored).toStrictEqual([
      { index: 0, id: 'urn:uuid:v0', reason: 'unverified', code: 'ERR_EXPIRED', message: 'did not verify: expired on 2026-01-01; bad signature', failedChecks: [f1, f2] },
      { index: 1, reason: 'unverified', message: 'did not verify: no checks passed', failedChecks: [] },
      { index: 2, reason: 'unverified', message: 'did not verify: revoked; expired on 2026-01-01', failedChecks: [noCode, f1] },
      { index: 3, reason: 'unverified', message: 'did not verify: no checks passed', failedChecks: [] },
    ]);
    expect([ev.used, ev.satisfied, ev.totals]).toEqual([[], false, []]);
  });

  it('a verified report without the credential or without the signed view does not count either', async () => {
    const c = json(1);
    const noView = { n: 'no view' };
    rec.reports.set(noView, { verified: true, checks: [PASSED], warnings: [], credential: c });
    const noCred = { n: 'no credential' };
    rec.reports.set(noCred, { verified: true, checks: [PASSED], warnings: [], view: viewOf(c) });
    const noDoc = { n: 'no document' };
    rec.reports.set(noDoc, { verified: true, checks: [PASSED], warnings: [], credential: c, view: { id: 'urn:uuid:c1' } });
    const ev = await evaluateStack(RULE, [noView, noCred, noDoc], { now: NOW });
    expect(ev.ignored).toStrictEqual([
      { index: 0, reason: 'unverified', message: 'did not verify: no checks passed', failedChecks: [] },
      { index: 1, id: 'urn:uuid:c1', reason: 'unverified', message: 'did not verify: no checks passed', failedChecks: [] },
      { index: 2, id: 'urn:uuid:c1', reason: 'unverified', message: 'did not verify: no checks passed', failedChecks: [] },
    ]);
    expect(ev.used).toEqual([]);
  });

  it('identity, achievement, workload and dates come from the view, not from the JSON keys; `credential` is a frozen copy of the verified credential', async () => {
    const given = json(1, { ects: 50, name: 'Claimed' });
    const verifiedCredential = { ...json(1, { ects: 50, name: 'Claimed' }), verifiedCopy: true };
    const signed = json(7, { id: 'urn:uuid:signed', ects: 4, name: 'Signed name', issuer: 'did:example:signer', awarded: '2025-12-24T00:00:00Z' });
    verified(given, verifiedCredential, viewOf(signed));
    const ev = await evaluateStack(RULE, [given], { now: NOW });
    expect(ev.used).toStrictEqual([{
      index: 0, id: 'urn:uuid:signed', achievementId: A(7), achievementName: 'Signed name', issuer: 'did:example:signer', awardedAt: '2025-12-24T00:00:00Z',
      workload: [{ value: 4, unit: 'ECTS' }], credential: verifiedCredential,
    }]);
    expect(ev.used[0]!.credential).not.toBe(verifiedCredential);
    expect(Object.isFrozen(ev.used[0]!.credential)).toBe(true);
    expect(Object.isFrozen((ev.used[0]!.credential as Obj).credentialSubject.achievement.workload[0])).toBe(true);
    expect(Object.isFrozen(verifiedCredential)).toBe(false);
    expect(ev.totals).toEqual([{ value: 4, unit: 'ECTS' }]);
    expect(ev.missing).toEqual([{ path: '$.condition', kind: 'sum', message: '6 more ECTS', shortfall: { value: 6, unit: 'ECTS' } }]);
  });

  it('a used credential without id, achievement, name, issuer or date has no such keys', async () => {
    const bare = json(1, { id: null, ach: null, ects: 10 });
    delete bare.credentialSubject.achievement.name;
    delete bare.issuer;
    delete bare.awardedDate;
    verified(bare, bare);
    const ev = await evaluateStack(RULE, [bare], { now: NOW });
    expect(ev.used).toStrictEqual([{ index: 0, workload: [{ value: 10, unit: 'ECTS' }], credential: bare }]);
  });

  it('a VC-JWT counts as the string given (what issueStackedCredential digests); its learner is read from the verified payload', async () => {
    const payload = json(2, { ects: 10 });
    const jwt = ` ${JWT(2)}`;
    verified(jwt, payload);
    const ev = await evaluateStack(RULE, [jwt], { now: NOW, learner: L });
    expect(ev.used.map((u) => [u.index, u.id, u.credential])).toEqual([[0, 'urn:uuid:c2', jwt]]);
    expect([ev.satisfied, ev.ignored]).toEqual([true, []]);
    const other = await evaluateStack(RULE, [jwt], { now: NOW, learner: L2 });
    expect(other.ignored).toStrictEqual([{ index: 0, id: 'urn:uuid:c2', reason: 'other-learner', code: 'ERR_OTHER_LEARNER', message: `awarded to ${L}, not to ${L2}` }]);
  });
});

describe('evaluateStack: the whole result', () => {
  it('satisfied: rule id, name and digest, the time, eligibility, the learner, used, totals, detail, timings; frozen and genuine', async () => {
    const a = good(1);
    const b = good(2);
    const t = vi.spyOn(performance, 'now');
    t.mockReturnValueOnce(1000).mockReturnValueOnce(1012.3456).mockReturnValueOnce(1020.5);
    const ev = await evaluateStack(RULE, [a, b], { now: NOW });
    expect(t).toHaveBeenCalledTimes(3);
    expect(ev).toStrictEqual({
      ruleId: RULE.id, ruleName: 'Certificate', ruleDigest: RULE_DIGEST, evaluatedAt: '2026-11-23T12:00:00.000Z', satisfied: true, outcome: 'eligibility', learner: L,
      used: [
        { index: 0, id: 'urn:uuid:c1', achievementId: A(1), achievementName: 'Module 1', issuer: UNI, awardedAt: '2026-02-01T00:00:00Z', workload: [{ value: 5, unit: 'ECTS' }], credential: a },
        { index: 1, id: 'urn:uuid:c2', achievementId: A(2), achievementName: 'Module 2', issuer: UNI, awardedAt: '2026-03-01T00:00:00Z', workload: [{ value: 5, unit: 'ECTS' }], credential: b },
      ],
      missing: [], totals: [{ value: 10, unit: 'ECTS' }], ignored: [],
      detail: { path: '$.condition', kind: 'sum', satisfied: true, used: [0, 1], total: { value: 10, unit: 'ECTS' } },
      timings: { verifyMs: 12.35, evaluateMs: 8.15 },
    });
    expect(Object.isFrozen(ev)).toBe(true);
    for (const part of [ev.used, ev.used[0], ev.missing, ev.totals, ev.ignored, ev.detail, ev.detail.used, ev.timings]) expect(Object.isFrozen(part)).toBe(true);
    expect(isGenuineEvaluation(ev)).toBe(true);
  });

  it('`detail` indexes refer to the credentials given (not to the usable ones), in nested conditions too', async () => {
    const rule = { id: 'r:nested', name: 'Nested', condition: { kind: 'all', conditions: [
      { kind: 'has', match: { achievementIds: [A(3)] } }, { kind: 'any', conditions: [{ kind: 'has', match: { achievementIds: [A(4)] } }] },
    ] } };
    const ev = await evaluateStack(rule, [failedReport({ n: 0 }, []), good(9), good(3), good(4)], { now: NOW });
    expect(ev.satisfied).toBe(true);
    expect(ev.detail).toStrictEqual({ path: '$.condition', kind: 'all', satisfied: true, used: [2, 3], children: [
      { path: '$.condition.conditions[0]', kind: 'has', satisfied: true, used: [2] },
      { path: '$.condition.conditions[1]', kind: 'any', satisfied: true, used: [3], children: [{ path: '$.condition.conditions[1].conditions[0]', kind: 'has', satisfied: true, used: [3] }] },
    ] });
    expect(ev.used.map((u) => u.index)).toEqual([2, 3]);
  });

  it('not satisfied: what is missing; the totals of what was used', async () => {
    const ev = await evaluateStack(RULE, [good(1, { ects: 3 })], { now: NOW });
    expect([ev.satisfied, ev.totals, ev.missing]).toEqual([false, [{ value: 3, unit: 'ECTS' }], [{ path: '$.condition', kind: 'sum', message: '7 more ECTS', shortfall: { value: 7, unit: 'ECTS' } }]]);
    expect(ev.used.map((u) => u.index)).toEqual([0]);
  });
});

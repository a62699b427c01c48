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
import { issueStackedCredential, type IssueStackedOptions } from '../../src/stacking/issue-stacked.js';
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

describe('evaluateStack: whose credentials count', () => {
  const EMAIL = 'anh@uni.example';
  // OB 3.0 IdentityObject, hashed: identityHash = "sha256$" + hex(SHA-256(value ‖ salt))
  const hashed = (email: string, salt: string) => ({ identifier: [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: true, salt,
    identityHash: `sha256$${createHash('sha256').update(email + salt).digest('hex')}` }] });
  const LTE = { id: 'r:lte', name: 'At most 100 ECTS', condition: { kind: 'sum', unit: 'ECTS', comparator: 'lte', value: 100 } };
  const REQUIRED = (message: string) => ({ path: '$', kind: 'learner', code: 'ERR_LEARNER_REQUIRED', message });

  it('by default the one learner every credential names by id', async () => {
    const ev = await evaluateStack(RULE, [good(1), good(2)], { now: NOW });
    expect([ev.learner, ev.satisfied, ev.ignored]).toEqual([L, true, []]);
  });

  it('credentials naming two learners: ERR_LEARNER_REQUIRED, nothing counts (even for a rule that holds on no credentials)', async () => {
    const ev = await evaluateStack(LTE, [good(1), good(2, { subject: { id: L2 } }), good(3)], { now: NOW });
    expect(ev.missing).toStrictEqual([REQUIRED(`the credentials belong to 2 different learners (${L}, ${L2}): say whose credentials to stack (option learner)`)]);
    expect([ev.satisfied, ev.used, ev.totals, ev.ignored, 'learner' in ev]).toEqual([false, [], [], [], false]);
    const ev2 = await evaluateStack(RULE, [good(1), good(2, { subject: { id: L2 } })], { now: NOW });
    expect(ev2.missing.map((m) => m.message)).toEqual([`the credentials belong to 2 different learners (${L}, ${L2}): say whose credentials to stack (option learner)`, '10 more ECTS']);
  });

  it('one learner by id: a credential naming its learner only by a hashed email (or nobody) is not theirs', async () => {
    const ev = await evaluateStack(RULE, [good(1, { ects: 10 }), good(2, { subject: hashed(EMAIL, 's1') }), good(3, { id: null, subject: null })], { now: NOW });
    expect(ev.learner).toBe(L);
    expect(ev.ignored).toStrictEqual([
      { index: 1, id: 'urn:uuid:c2', reason: 'other-learner', code: 'ERR_OTHER_LEARNER', message: `not awarded to ${L} (no identifier matches)` },
      { index: 2, reason: 'other-learner', code: 'ERR_OTHER_LEARNER', message: `not awarded to ${L} (no identifier matches)` },
    ]);
    expect(ev.used.map((u) => u.index)).toEqual([0]);
  });

  it('two credentials naming the learner only by hashed identifiers cannot be shown to be one learner\'s; one alone counts', async () => {
    const two = await evaluateStack(LTE, [good(1, { subject: hashed(EMAIL, 's1') }), good(2, { subject: hashed(EMAIL, 's2') })], { now: NOW });
    expect(two.missing).toStrictEqual([REQUIRED('2 credentials name the learner only by a hashed email / student id, so they cannot be shown to belong to one learner: say whose credentials to stack (option learner: a DID, email or student id)')]);
    expect([two.satisfied, two.used, 'learner' in two]).toEqual([false, [], false]);
    const one = await evaluateStack(RULE, [good(1, { ects: 10, subject: hashed(EMAIL, 's1') })], { now: NOW });
    expect([one.satisfied, one.missing, 'learner' in one, one.used.map((u) => u.index)]).toEqual([true, [], false, [0]]);
    const none = await evaluateStack(RULE, [], { now: NOW });
    expect(['learner' in none, none.missing.map((m) => m.kind)]).toEqual([false, ['sum']]);
  });

  it('options.learner: the credentials of that learner (hashed identifiers matched with their own salt); others ignored', async () => {
    const creds = [good(1, { subject: hashed(EMAIL, 's1') }), good(2, { subject: hashed(EMAIL, 's2') }), good(3, { subject: hashed('eve@uni.example', 's3') }), good(4, { subject: { id: L2 } })];
    const ev = await evaluateStack(RULE, creds, { now: NOW, learner: EMAIL });
    expect([ev.learner, ev.satisfied, ev.used.map((u) => u.index)]).toEqual([EMAIL, true, [0, 1]]);
    expect(ev.ignored).toStrictEqual([
      { index: 2, id: 'urn:uuid:c3', reason: 'other-learner', code: 'ERR_OTHER_LEARNER', message: `not awarded to email ${EMAIL} (no identifier matches)` },
      { index: 3, id: 'urn:uuid:c4', reason: 'other-learner', code: 'ERR_OTHER_LEARNER', message: `awarded to ${L2}, not to email ${EMAIL}` },
    ]);
    // a learner given as an object is described; a string is kept as given
    expect((await evaluateStack(RULE, creds, { now: NOW, learner: { email: EMAIL } })).learner).toBe(`email ${EMAIL}`);
    expect((await evaluateStack(RULE, creds, { now: NOW, learner: `mailto:${EMAIL}` })).learner).toBe(`mailto:${EMAIL}`);
    // given, it wins over the learners the credentials name (no ERR_LEARNER_REQUIRED)
    const chosen = await evaluateStack(RULE, [good(1), good(2, { subject: { id: L2 } })], { now: NOW, learner: L2 });
    expect([chosen.learner, chosen.missing.map((m) => m.kind), chosen.used.map((u) => u.index)]).toEqual([L2, ['sum'], [1]]);
  });

  it('credentials already consumed by another stacked credential are ignored, unless reuse is allowed (option, else the rule)', async () => {
    const creds = () => [good(1), good(2), good(3)];
    const R15 = { ...RULE, condition: { ...RULE.condition, value: 15 } };
    const ev = await evaluateStack(R15, creds(), { now: NOW, consumed: ['urn:uuid:c2', 'urn:uuid:other'] });
    expect(ev.ignored).toStrictEqual([{ index: 1, id: 'urn:uuid:c2', reason: 'consumed', message: 'already counted toward another stacked credential' }]);
    expect(ev.used.map((u) => u.index)).toEqual([0, 2]);
    const used = async (opts: Obj, rule: Obj = R15) => (await evaluateStack(rule, creds(), { now: NOW, consumed: ['urn:uuid:c2'], ...opts })).used.map((u) => u.index);
    expect(await used({ allowReuse: true })).toEqual([0, 1, 2]);
    expect(await used({}, { ...R15, allowReuse: true })).toEqual([0, 1, 2]);
    expect(await used({ allowReuse: false }, { ...R15, allowReuse: true })).toEqual([0, 2]);
    // a credential without id is never "consumed"; another learner's credential is ignored as such first
    const noId = good(4, { id: null });
    expect((await evaluateStack(RULE, [noId], { now: NOW, consumed: [undefined as never] })).used.map((u) => u.index)).toEqual([0]);
    const both = await evaluateStack(RULE, [good(1), good(2, { subject: { id: L2 } })], { now: NOW, learner: L, consumed: ['urn:uuid:c2'] });
    expect(both.ignored.map((x) => [x.index, x.reason])).toEqual([[1, 'other-learner']]);
  });

  it('the rule is evaluated at `now` and with the reuse in force (option, else the rule): README "one credential counts toward one sum only … unless allowReuse"', async () => {
    // two sums competing for one 5-ECTS credential: satisfied only if it may count twice
    const twoSums = { id: 'r:two', name: 'Two sums', condition: { kind: 'all', conditions: [
      { kind: 'sum', unit: 'ECTS', comparator: 'gte', value: 5 }, { kind: 'sum', unit: 'ECTS', comparator: 'gte', value: 5 },
    ] } };
    const sat = async (opts: Obj, rule: Obj = twoSums) => (await evaluateStack(rule, [good(1)], { now: NOW, ...opts })).satisfied;
    expect(await sat({})).toBe(false);
    expect(await sat({ allowReuse: true })).toBe(true);
    expect(await sat({}, { ...twoSums, allowReuse: true })).toBe(true);
    expect(await sat({ allowReuse: false }, { ...twoSums, allowReuse: true })).toBe(false);
    // maxAge is counted back from `now`: awarded 2025-06-01, at most one year before
    const recent = { id: 'r:recent', name: 'Recent', condition: { kind: 'has', match: { maxAge: 'P1Y' } } };
    const cred = () => [good(1, { awarded: '2025-06-01T00:00:00Z' })];
    expect((await evaluateStack(recent, cred(), { now: '2026-05-31T00:00:00Z' })).satisfied).toBe(true);
    expect((await evaluateStack(recent, cred(), { now: '2026-06-02T00:00:00Z' })).satisfied).toBe(false);
  });

  it('duplicates count once: the same id twice, or the same achievement twice (the later award counts); ignored sorted by index', async () => {
    const first = good(1);
    const again = verified({ ...json(1) }, json(1));
    const ev = await evaluateStack(RULE, [first, failedReport({ n: 1 }, []), again], { now: NOW });
    expect(ev.ignored).toStrictEqual([
      { index: 1, reason: 'unverified', message: 'did not verify: no checks passed', failedChecks: [] },
      { index: 2, id: 'urn:uuid:c1', reason: 'duplicate', code: 'DUPLICATE_SAME_ID', message: 'the same credential is given twice (see credential #0)' },
    ]);
    const older = good(1, { awarded: '2025-01-01T00:00:00Z' });
    const newer = good(2, { ach: A(1), awarded: '2026-01-01T00:00:00Z' });
    const sameAch = await evaluateStack(RULE, [older, failedReport({ n: 2 }, []), newer], { now: NOW });
    expect(sameAch.ignored).toStrictEqual([
      { index: 0, id: 'urn:uuid:c1', reason: 'duplicate', code: 'DUPLICATE_SAME_ACHIEVEMENT', message: 'another credential for the same achievement counts instead (credential #2); credits count once' },
      { index: 1, reason: 'unverified', message: 'did not verify: no checks passed', failedChecks: [] },
    ]);
    expect(sameAch.used.map((u) => u.index)).toEqual([2]);
    const anonymous = await evaluateStack(RULE, [good(5, { id: null, awarded: '2026-02-01T00:00:00Z' }), good(6, { id: null, ach: A(5), awarded: '2025-02-01T00:00:00Z' })], { now: NOW });
    expect(anonymous.ignored).toStrictEqual([
      { index: 1, reason: 'duplicate', code: 'DUPLICATE_SAME_ACHIEVEMENT', message: 'another credential for the same achievement counts instead (credential #0); credits count once' },
    ]);
  });
});

describe('issueStackedCredential', () => {
  const CERT = { id: 'https://uni.example/a/cert', type: ['Achievement'], name: 'Certificate in AI', description: 'Stacked from two modules', criteria: { narrative: '10 ECTS of modules' } };
  const KEY = { id: `${UNI}#key-1`, controller: UNI, type: 'Multikey' } as never;
  const base: IssueStackedOptions = { key: KEY, achievement: CERT, now: NOW, credential: { id: 'urn:uuid:stacked' } };
  const satisfied = async (creds: unknown[] = [good(1), good(2)], opts: Obj = {}) => evaluateStack(RULE, creds, { now: NOW, ...opts });
  const part = (n: number) => ({ type: 'Association', associationType: 'isPartOf', sourceId: A(n), targetId: CERT.id });
  const rr = (n: number) => ({ id: `urn:uuid:c${n}`, digestMultibase: `u-digest-of-urn:uuid:c${n}` });
  /** A hand-made evaluation (not genuine: only accepted with force). */
  const handMade = (used: Obj[], extra: Obj = {}): StackEvaluation => ({
    ruleId: RULE.id, ruleName: RULE.name, ruleDigest: RULE_DIGEST, evaluatedAt: NOW, satisfied: true, outcome: 'eligibility', learner: L,
    used, missing: [], totals: [], ignored: [], detail: { path: '$.condition', kind: 'sum', satisfied: true, used: [] }, timings: { verifyMs: 0, evaluateMs: 0 }, ...extra,
  }) as unknown as StackEvaluation;
  const U = (n: number, extra: Obj = {}) => ({ index: n, id: `urn:uuid:c${n}`, achievementId: A(n), workload: [], credential: { id: `urn:uuid:c${n}` }, ...extra });

  it('issues the larger credential: each used component by id and digest (sha2-384), isPartOf associations, signed with the key', async () => {
    const ev = await satisfied();
    const r = await issueStackedCredential(RULE, ev, base);
    expect(rec.digests).toEqual([[ev.used[0]!.credential, { algorithm: 'sha2-384' }], [ev.used[1]!.credential, { algorithm: 'sha2-384' }]]);
    expect(rec.digests[0]![0]).toBe(ev.used[0]!.credential);
    expect(r.relatedResource).toStrictEqual([rr(1), rr(2)]);
    expect(r.associations).toStrictEqual([part(1), part(2)]);
    expect(rec.issued).toHaveLength(1);
    const [doc, opts] = rec.issued[0]!;
    expect(opts).toStrictEqual({ key: KEY, now: new Date(NOW) });
    expect(doc).toStrictEqual({
      '@context': [VC2, OB3, OBX, CREDSTACK, CLR2],
      id: 'urn:uuid:stacked', type: ['VerifiableCredential', 'OpenBadgeCredential'], issuer: { id: UNI, type: ['Profile'] },
      validFrom: '2026-11-23T12:00:00Z', awardedDate: '2026-11-23T12:00:00Z', name: 'Certificate in AI',
      credentialSubject: { type: ['AchievementSubject'], achievement: CERT, id: L, association: [part(1), part(2)] },
      credentialSchema: [{ id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json', type: '1EdTechJsonSchemaValidator2019' }],
      relatedResource: [rr(1), rr(2)],
    });
    expect(r.credential).toStrictEqual({ ...doc, proof: { type: 'DataIntegrityProof', proofValue: 'z-recorded' } });
  });

  it('refusals, in order: not a rule, not an evaluation, another rule (or another version of it), not genuine, not satisfied', async () => {
    const ev = await satisfied();
    expect((await refusal(issueStackedCredential({ id: 'r' }, ev, base))).code).toBe('ERR_RULE_INVALID');
    for (const bad of [null, undefined, 'ev', 42]) {
      const e = await refusal(issueStackedCredential(RULE, bad as never, base));
      expect([e.code, e.message]).toEqual(['ERR_INVALID_INPUT', 'evaluation must be the result of evaluateStack']);
    }
    const other = await refusal(issueStackedCredential({ ...RULE, id: 'https://uni.example/rules/other' }, ev, base));
    expect([other.code, other.message]).toEqual(['ERR_RULE_MISMATCH', `the evaluation is of rule ${RULE.id}, not of this version of https://uni.example/rules/other`]);
    const version = await refusal(issueStackedCredential({ ...RULE, condition: { ...RULE.condition, value: 5 } }, ev, base));
    expect([version.code, version.message]).toEqual(['ERR_RULE_MISMATCH', `the evaluation is of rule ${RULE.id}, not of this version of ${RULE.id}`]);
    // the mismatch is refused even with force
    expect((await refusal(issueStackedCredential({ ...RULE, name: 'Renamed' }, ev, { ...base, force: true }))).code).toBe('ERR_RULE_MISMATCH');
    // the rule id is compared too (a hand-made evaluation with this rule's digest but another id)
    const renamed = await refusal(issueStackedCredential(RULE, handMade([U(1)], { ruleId: 'https://uni.example/rules/x' }), { ...base, force: true }));
    expect([renamed.code, renamed.message]).toEqual(['ERR_RULE_MISMATCH', `the evaluation is of rule https://uni.example/rules/x, not of this version of ${RULE.id}`]);
    const copy = await refusal(issueStackedCredential(RULE, structuredClone(ev), base));
    expect([copy.code, copy.message]).toEqual(['ERR_EVALUATION_UNKNOWN', 'the evaluation was not produced by evaluateStack in this process (it may have been altered): evaluate again, or pass force: true']);
    // a copy that claims to be satisfied is still unknown (checked before satisfied)
    const unsatisfiedCopy = handMade([U(1)], { satisfied: false, missing: [{ path: '$', kind: 'sum', message: 'm' }] });
    expect((await refusal(issueStackedCredential(RULE, unsatisfiedCopy, base))).code).toBe('ERR_EVALUATION_UNKNOWN');
    const partial = await satisfied([good(1, { ects: 3 })]);
    const ns = await refusal(issueStackedCredential(RULE, partial, base));
    expect([ns.code, ns.message, ns.details]).toEqual(['ERR_NOT_SATISFIED', 'the rule is not satisfied: 7 more ECTS', { missing: partial.missing }]);
    const two = await satisfied([good(1), good(2, { subject: { id: L2 } })]);
    expect((await refusal(issueStackedCredential(RULE, two, base))).message).toBe(`the rule is not satisfied: the credentials belong to 2 different learners (${L}, ${L2}): say whose credentials to stack (option learner); 10 more ECTS`);
    expect(rec.issued).toEqual([]);
  });

  it('force: an unsatisfied or hand-made evaluation is issued all the same (the institution decided)', async () => {
    const partial = await satisfied([good(1, { ects: 3 })]);
    expect((await issueStackedCredential(RULE, partial, { ...base, force: true })).relatedResource).toStrictEqual([rr(1)]);
    const hm = handMade([U(3)], { satisfied: false });
    expect((await issueStackedCredential(RULE, hm, { ...base, force: true })).relatedResource).toStrictEqual([rr(3)]);
    expect(rec.issued).toHaveLength(2);
  });

  it('the stacked achievement needs an id', async () => {
    const ev = await satisfied();
    for (const achievement of [undefined, {}, { ...CERT, id: 7 }]) {
      const e = await refusal(issueStackedCredential(RULE, ev, { ...base, achievement: achievement as never }));
      expect([e.code, e.message]).toEqual(['ERR_INVALID_INPUT', 'options.achievement must be an Achievement with an id']);
    }
  });

  it('every component needs an id; a component named twice is named once; associations once per component achievement', async () => {
    const noId = await refusal(issueStackedCredential(RULE, handMade([U(1), U(2, { id: undefined })]), { ...base, force: true }));
    expect([noId.code, noId.message]).toEqual(['ERR_COMPONENT_NO_ID', 'component #2 has no id: it cannot be named in relatedResource']);
    const emptyId = await refusal(issueStackedCredential(RULE, handMade([U(4, { id: '' })]), { ...base, force: true }));
    expect(emptyId.message).toBe('component #4 has no id: it cannot be named in relatedResource');
    rec.digests.length = 0;
    const used = [U(1), U(1, { index: 5 }), U(2, { achievementId: A(1) }), U(3, { achievementId: undefined }), U(4)];
    const r = await issueStackedCredential(RULE, handMade(used), { ...base, force: true });
    expect(r.relatedResource).toStrictEqual([rr(1), rr(2), rr(3), rr(4)]);
    expect(r.associations).toStrictEqual([part(1), part(4)]);
    expect(rec.digests.map(([c]) => (c as Obj).id)).toEqual(['urn:uuid:c1', 'urn:uuid:c2', 'urn:uuid:c3', 'urn:uuid:c4']);
  });

  it('a VC-JWT component is named with mediaType application/vc+jwt; digestAlgorithm and documents are passed on', async () => {
    const jwt = JWT(2);
    verified(jwt, json(2));
    const ev = await satisfied([good(1), jwt]);
    const documents = { 'https://ctx.example/x': { '@context': {} } };
    const r = await issueStackedCredential(RULE, ev, { ...base, digestAlgorithm: 'sha2-256', documents });
    expect(r.relatedResource).toStrictEqual([rr(1), { id: 'urn:uuid:c2', digestMultibase: `u-digest-of-${jwt}`, mediaType: 'application/vc+jwt' }]);
    expect(rec.digests.map(([, o]) => o)).toStrictEqual([{ algorithm: 'sha2-256', documents }, { algorithm: 'sha2-256', documents }]);
    expect(rec.issued[0]![1]).toStrictEqual({ key: KEY, now: new Date(NOW), documents });
  });

  it('without associations: no association, and no credstack / CLR context added', async () => {
    const r = await issueStackedCredential(RULE, handMade([U(1, { achievementId: undefined })]), { ...base, force: true });
    expect(r.associations).toEqual([]);
    expect(r.credential['@context']).toEqual([VC2, OB3, OBX]);
    expect('association' in (r.credential.credentialSubject as Obj)).toBe(false);
    expect(r.credential.relatedResource).toStrictEqual([rr(1)]);
  });

  it('a context already listed is not listed twice (an achievement with a credstack term lists credstack\'s context)', async () => {
    const cert = { ...CERT, workload: [{ value: 10, unit: 'ECTS' as const }] };
    const r = await issueStackedCredential(RULE, await satisfied(), { ...base, achievement: cert });
    expect(r.credential['@context']).toEqual([VC2, OB3, OBX, CREDSTACK, CLR2]);
  });

  it('the learner: options.learner (an id, or { id, identifier }), else the evaluation\'s; none is ERR_NO_LEARNER', async () => {
    const ev = await satisfied();
    const subject = async (learner: unknown, e: StackEvaluation = ev) => {
      rec.issued.length = 0;
      await issueStackedCredential(RULE, e, { ...base, ...(learner !== undefined ? { learner: learner as never } : {}), force: true });
      const { achievement: _a, association: _s, type: _t, ...rest } = rec.issued[0]![0].credentialSubject;
      return rest;
    };
    const ident = { type: 'IdentityObject', identityType: 'emailAddress', hashed: true, salt: 's', identityHash: `sha256$${'ab'.repeat(32)}` };
    expect(await subject(undefined)).toStrictEqual({ id: L });
    expect(await subject(L2)).toStrictEqual({ id: L2 });
    expect(await subject({ id: L2, extra: 'dropped' })).toStrictEqual({ id: L2 });
    expect(await subject({ identifier: [ident] })).toStrictEqual({ identifier: [ident] });
    expect(await subject({ id: L2, identifier: [ident] })).toStrictEqual({ id: L2, identifier: [ident] });
    const noLearner = handMade([U(1)], { learner: undefined });
    for (const learner of [undefined, {}, { identifier: [] }, { id: '' }, '']) {
      const e = await refusal(issueStackedCredential(RULE, noLearner, { ...base, force: true, ...(learner !== undefined ? { learner: learner as never } : {}) }));
      expect([e.code, e.message]).toEqual(['ERR_NO_LEARNER', 'no learner: pass options.learner']);
    }
  });

  it('the issuer: options.issuer, else the key\'s controller, else the signer\'s (its id before #); one of them is required', async () => {
    const ev = await satisfied();
    const issued = async (o: Obj) => {
      rec.issued.length = 0;
      await issueStackedCredential(RULE, ev, { achievement: CERT, now: NOW, ...o });
      return rec.issued[0]!;
    };
    const profile = { id: 'did:example:faculty', type: ['Profile'], name: 'Faculty' };
    expect((await issued({ key: KEY, issuer: profile }))[0].issuer).toStrictEqual(profile);
    expect((await issued({ issuer: profile }))[1]).toStrictEqual({ key: undefined, now: new Date(NOW) });
    const signer = { id: 'did:example:kms#k1', algorithm: 'Ed25519', sign: async () => new Uint8Array(64) };
    const [doc, opts] = await issued({ signer });
    expect([doc.issuer, opts]).toStrictEqual([{ id: 'did:example:kms', type: ['Profile'] }, { signer, key: undefined, now: new Date(NOW) }]);
    expect((await issued({ signer, key: KEY }))[0].issuer).toStrictEqual({ id: 'did:example:kms', type: ['Profile'] });
    // something that is no signer is not used as one (the key's controller is)
    expect((await issued({ signer: { id: 'did:example:x' }, key: KEY }))[0].issuer).toStrictEqual({ id: UNI, type: ['Profile'] });
    for (const o of [{}, { key: { id: 'k' } }, { signer: { id: 'did:example:x' } }]) {
      const e = await refusal(issueStackedCredential(RULE, ev, { achievement: CERT, now: NOW, ...o } as never));
      expect([e.code, e.message]).toEqual(['ERR_INVALID_INPUT', 'options.key or options.signer is required']);
    }
  });

  it('the time: options.now (validFrom, awardedDate, the proof), else the current time; award fields passed on; extension passed on', async () => {
    const ev = await satisfied();
    await issueStackedCredential(RULE, ev, { ...base, credential: { id: 'urn:uuid:s2', name: 'Stacked!', validFrom: '2026-12-01T00:00:00Z', description: 'd' }, extension: 'url' });
    const [doc, opts] = rec.issued[0]!;
    expect([doc.id, doc.name, doc.description, doc.validFrom, doc.awardedDate]).toEqual(['urn:uuid:s2', 'Stacked!', 'd', '2026-12-01T00:00:00Z', '2026-12-01T00:00:00Z']);
    expect(opts).toStrictEqual({ key: KEY, now: new Date(NOW), extension: 'url' });
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-24T10:00:00Z'));
    const { now: _n, ...noNow } = base;
    await issueStackedCredential(RULE, ev, noNow);
    expect(rec.issued[1]![0].validFrom).toBe('2026-12-24T10:00:00Z');
    expect(rec.issued[1]![1].now).toEqual(new Date('2026-12-24T10:00:00Z'));
  });
});

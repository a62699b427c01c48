// Rule tests for the stacking rule logic, on hand-made facts: src/stacking/rules.ts (parseStackingRule: schema errors as
// JSON paths, the limits a schema cannot state), src/stacking/evaluate-facts.ts (every condition kind, matches, units,
// credits counting once, duplicates, the learner-readable "missing" messages) and src/stacking/ctdl.ts (the CTDL
// mapping). Imports only the stacking modules — no src/index.js, no signing — so a mutation run (area 'stacking-rules',
// scripts/mutate.mjs) takes minutes. The rules quoted are src/stacking/README.md and the JSDoc of types.ts.
import { describe, expect, it } from 'vitest';
import { StackingError } from '../../src/errors.js';
import { ruleToCtdl } from '../../src/stacking/ctdl.js';
import { dedupe, describeMatch, evaluateFacts, fmt, matchesFacts, subtractDuration, valueIn } from '../../src/stacking/evaluate-facts.js';
import { parseStackingRule, RULE_LIMITS, toPath } from '../../src/stacking/rules.js';
import type { Condition, CredentialFacts, CredentialMatch, ResultFact, StackingRule, UnitConversion } from '../../src/stacking/types.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const A = (n: number) => `https://uni.example/a/${n}`;
const base = { id: 'https://uni.example/rules/r1', name: 'R1' };

/** Facts with nothing set: no id and no achievement id, so never a duplicate of another. */
function F(p: Partial<CredentialFacts> & { ects?: number; hours?: number; eqf?: number } = {}): CredentialFacts {
  const { ects, hours, eqf, ...rest } = p;
  return {
    achievementTypes: [], skills: [], results: [],
    workload: [...(ects !== undefined ? [{ value: ects, unit: 'ECTS' as const }] : []), ...(hours !== undefined ? [{ value: hours, unit: 'hours' as const }] : [])],
    level: eqf !== undefined ? [{ framework: 'EQF', level: eqf }] : [],
    ...rest,
  };
}
const rule = (condition: unknown, extra: Record<string, unknown> = {}): StackingRule => parseStackingRule({ ...base, condition, ...extra });
const ev = (r: StackingRule, facts: CredentialFacts[], allowReuse?: boolean) =>
  evaluateFacts(r, facts, { now: NOW, ...(allowReuse !== undefined ? { allowReuse } : {}) });
const sum = (comparator: string, value: number, extra: Record<string, unknown> = {}) => ({ kind: 'sum', unit: 'ECTS', comparator, value, ...extra });
const has = (match: CredentialMatch, extra: Record<string, unknown> = {}) => ({ kind: 'has', match, ...extra });

function thrown(f: () => unknown): StackingError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(StackingError);
    return e as StackingError;
  }
  throw new Error('did not throw');
}

describe('fmt and subtractDuration', () => {
  it('formats numbers with at most 2 decimals and no trailing zeros', () => {
    expect(fmt(2)).toBe('2');
    expect(fmt(1.5)).toBe('1.5');
    expect(fmt(1 / 3)).toBe('0.33');
    expect(fmt(2 / 3)).toBe('0.67');
    expect(fmt(66.666666)).toBe('66.67');
  });

  it('subtracts an ISO 8601 duration of years, months, weeks and days, calendar-wise (UTC)', () => {
    const s = (d: string) => subtractDuration(NOW, d).toISOString();
    expect(s('P1Y')).toBe('2025-11-23T12:00:00.000Z');
    expect(s('P12M')).toBe('2025-11-23T12:00:00.000Z');
    expect(s('P2M')).toBe('2026-09-23T12:00:00.000Z');
    expect(s('P2W')).toBe('2026-11-09T12:00:00.000Z');
    expect(s('P10D')).toBe('2026-11-13T12:00:00.000Z');
    expect(s('P2W3D')).toBe('2026-11-06T12:00:00.000Z');
    expect(s('P1Y2M1W3D')).toBe('2025-09-13T12:00:00.000Z');
    expect(s('P0D')).toBe('2026-11-23T12:00:00.000Z');
  });

  it('leaves the date unchanged for text that is not such a duration, and never changes `now`', () => {
    for (const d of ['PT5H', 'xP1Y', 'P1Yx', 'P1H', '']) expect(subtractDuration(NOW, d).toISOString()).toBe('2026-11-23T12:00:00.000Z');
    const out = subtractDuration(NOW, 'P1Y');
    expect(out).not.toBe(NOW);
    expect(NOW.toISOString()).toBe('2026-11-23T12:00:00.000Z');
  });
});

describe('matchesFacts: every given facet must hold', () => {
  const m = (f: CredentialFacts, match: CredentialMatch | undefined) => matchesFacts(f, match, NOW);

  it('no match, or an empty one, matches every credential', () => {
    expect(m(F(), undefined)).toBe(true);
    expect(m(F(), {})).toBe(true);
  });

  it('achievementIds: the credential has one of them (a credential without achievement id matches none)', () => {
    expect(m(F({ achievementId: A(1) }), { achievementIds: [A(2), A(1)] })).toBe(true);
    expect(m(F({ achievementId: A(3) }), { achievementIds: [A(2), A(1)] })).toBe(false);
    expect(m(F(), { achievementIds: [A(1)] })).toBe(false);
  });

  it('issuers: the issuer or the awarding body (creator) is one of them', () => {
    expect(m(F({ issuer: 'did:web:a' }), { issuers: ['did:web:x', 'did:web:a'] })).toBe(true);
    expect(m(F({ issuer: 'did:web:b', creator: 'did:web:a' }), { issuers: ['did:web:a'] })).toBe(true);
    expect(m(F({ issuer: 'did:web:b', creator: 'did:web:c' }), { issuers: ['did:web:a'] })).toBe(false);
    expect(m(F(), { issuers: ['did:web:a'] })).toBe(false);
  });

  it('achievementTypes: one of them; skills: all of them; anySkill: one of them', () => {
    const f = F({ achievementTypes: ['Badge', 'Course'], skills: ['a', 'b', 'c'] });
    expect(m(f, { achievementTypes: ['Degree', 'Course'] })).toBe(true);
    expect(m(f, { achievementTypes: ['Degree'] })).toBe(false);
    expect(m(f, { skills: ['a', 'b'] })).toBe(true);
    expect(m(f, { skills: ['a', 'd'] })).toBe(false);
    expect(m(f, { anySkill: ['d', 'b'] })).toBe(true);
    expect(m(f, { anySkill: ['d', 'e'] })).toBe(false);
  });

  it('minLevel: a numeric level at least the minimum, in the named framework (case-insensitive)', () => {
    const min = { minLevel: { framework: 'EQF', level: 6 } };
    expect(m(F({ level: [{ framework: 'eqf', level: 6 }] }), min)).toBe(true);
    expect(m(F({ level: [{ framework: 'EQF', level: 7 }] }), { minLevel: { framework: 'Eqf', level: 6 } })).toBe(true);
    expect(m(F({ level: [{ framework: 'EQF', level: 5 }] }), min)).toBe(false);
    expect(m(F({ level: [{ framework: 'EQF', level: '6' }] }), min)).toBe(false);
    expect(m(F({ level: [{ framework: 'NQF', level: 8 }] }), min)).toBe(false);
    expect(m(F({ level: [{ framework: 'NQF', level: 8 }, { framework: 'EQF', level: 7 }] }), min)).toBe(true);
    expect(m(F(), min)).toBe(false);
  });

  it('maxAge: awarded no longer ago than the duration before now (the boundary counts); no or a bad award date fails', () => {
    const age = { maxAge: 'P1Y' };
    expect(m(F({ awardedAt: '2025-11-23T12:00:00Z' }), age)).toBe(true);
    expect(m(F({ awardedAt: '2025-11-23T11:59:59.999Z' }), age)).toBe(false);
    expect(m(F({ awardedAt: '2026-12-01T00:00:00Z' }), age)).toBe(true);
    expect(m(F(), age)).toBe(false);
    expect(m(F({ awardedAt: 'not a date' }), age)).toBe(false);
  });

  describe('result: one result meets every given part', () => {
    const rubric = [{ id: 'urn:l:0', name: 'Fail' }, { id: 'urn:l:1', name: 'Pass' }, { id: 'urn:l:2', name: 'Merit' }];
    const grade: ResultFact = { resultDescription: 'urn:rd:grade', resultDescriptionName: 'Final grade', value: '27', numeric: 27, status: 'Completed' };
    const level: ResultFact = { resultDescription: 'urn:rd:rubric', achievedLevel: 'urn:l:1', achievedLevelName: 'Pass', levelRank: 1, rubric };
    const r = (results: ResultFact[], result: CredentialMatch['result']) => m(F({ results }), { result });

    it('resultDescription is the result description id or name', () => {
      expect(r([grade], { resultDescription: 'urn:rd:grade' })).toBe(true);
      expect(r([grade], { resultDescription: 'Final grade' })).toBe(true);
      expect(r([grade], { resultDescription: 'Other' })).toBe(false);
    });

    it('status, and a minimum of the numeric value (a value without a number fails)', () => {
      expect(r([grade], { status: 'Completed' })).toBe(true);
      expect(r([grade], { status: 'Failed' })).toBe(false);
      expect(r([grade], { min: 27 })).toBe(true);
      expect(r([grade], { min: 26 })).toBe(true);
      expect(r([grade], { min: 27.01 })).toBe(false);
      expect(r([{ value: 'A' }], { min: 0 })).toBe(false);
      expect(r([], { min: 0 })).toBe(false);
    });

    it('parts not given are not checked', () => {
      // grade has a description and a status; the rubric result no numeric value and no status
      expect(r([grade], { min: 20 })).toBe(true);
      expect(r([level], { atLeastLevel: 'Pass' })).toBe(true);
      expect(r([grade], { oneOf: ['27'] })).toBe(true);
    });

    it('oneOf: the value, or the achieved level id or name', () => {
      expect(r([grade], { oneOf: ['26', '27'] })).toBe(true);
      expect(r([level], { oneOf: ['urn:l:1'] })).toBe(true);
      expect(r([level], { oneOf: ['Pass'] })).toBe(true);
      expect(r([level, grade], { oneOf: ['x'] })).toBe(false);
    });

    it('atLeastLevel: the achieved rank is at least the named level (id or name) of the rubric', () => {
      expect(r([level], { atLeastLevel: 'Fail' })).toBe(true);
      expect(r([level], { atLeastLevel: 'urn:l:1' })).toBe(true);
      expect(r([level], { atLeastLevel: 'Merit' })).toBe(false);
      expect(r([level], { atLeastLevel: 'urn:l:2' })).toBe(false);
      expect(r([level], { atLeastLevel: 'Unknown' })).toBe(false);
      expect(r([{ ...level, levelRank: undefined }], { atLeastLevel: 'Fail' })).toBe(false);
      expect(r([{ ...level, rubric: undefined }], { atLeastLevel: 'Fail' })).toBe(false);
    });

    it('the parts must hold in one and the same result', () => {
      const results = [{ resultDescription: 'a', numeric: 1 }, { resultDescription: 'b', numeric: 9 }];
      expect(r(results, { resultDescription: 'b', min: 5 })).toBe(true);
      expect(r(results, { resultDescription: 'a', min: 5 })).toBe(false);
    });
  });
});

describe('valueIn: a workload as stated, else through an explicit conversion of the rule; units never mix', () => {
  const toEcts: UnitConversion = { from: 'hours', to: 'ECTS', factor: 0.04 };
  it('uses the stated unit, and a stated value before any conversion', () => {
    const f = F({ ects: 5, hours: 125 });
    expect(valueIn(f, 'ECTS', [])).toBe(5);
    expect(valueIn(f, 'hours', [])).toBe(125);
    expect(valueIn(f, 'credits', [])).toBe(undefined);
    expect(valueIn(F({ ects: 5, hours: 1000 }), 'ECTS', [toEcts])).toBe(5);
  });

  it('converts only with a conversion to the asked unit, from a unit the credential states', () => {
    expect(valueIn(F({ hours: 50 }), 'ECTS', [toEcts])).toBe(2);
    expect(valueIn(F({ hours: 50 }), 'ECTS', [{ from: 'hours', to: 'ext:x', factor: 2 }, toEcts])).toBe(2);
    expect(valueIn(F({ hours: 50 }), 'ECTS', [{ from: 'credits', to: 'ECTS', factor: 1 }, toEcts])).toBe(2);
    expect(valueIn(F({ hours: 50 }), 'ECTS', [{ from: 'hours', to: 'ext:x', factor: 2 }])).toBe(undefined);
    expect(valueIn(F({ hours: 50 }), 'ECTS', [])).toBe(undefined);
  });

  it('a conversion restricted to issuers applies to a credential of that issuer or awarding body only', () => {
    const c: UnitConversion = { ...toEcts, issuers: ['did:web:a'] };
    expect(valueIn(F({ hours: 50, issuer: 'did:web:a' }), 'ECTS', [c])).toBe(2);
    // one of the issuers suffices
    expect(valueIn(F({ hours: 50, issuer: 'did:web:a' }), 'ECTS', [{ ...toEcts, issuers: ['did:web:x', 'did:web:a'] }])).toBe(2);
    expect(valueIn(F({ hours: 50, issuer: 'did:web:b', creator: 'did:web:a' }), 'ECTS', [c])).toBe(2);
    expect(valueIn(F({ hours: 50, issuer: 'did:web:b' }), 'ECTS', [c])).toBe(undefined);
    expect(valueIn(F({ hours: 50, issuer: 'did:web:b' }), 'ECTS', [c, { ...toEcts, factor: 0.5 }])).toBe(25);
  });
});

describe('describeMatch: a match in words', () => {
  it('says nothing for no match', () => {
    expect(describeMatch(undefined)).toBe('');
    expect(describeMatch({})).toBe('');
  });

  it('each facet, with achievement names where known', () => {
    const names = new Map([[A(2), 'Ethics']]);
    expect(describeMatch({ achievementIds: [A(1)] })).toBe(`from ${A(1)}`);
    expect(describeMatch({ achievementIds: [A(2)] }, names)).toBe('from “Ethics”');
    expect(describeMatch({ achievementIds: [A(1), A(2)] }, names)).toBe(`from one of ${A(1)}, “Ethics”`);
    expect(describeMatch({ minLevel: { framework: 'EQF', level: 6 } })).toBe('at EQF 6 or above');
    expect(describeMatch({ skills: ['a'] })).toBe('with skill a');
    expect(describeMatch({ skills: ['a', 'b'] })).toBe('with skills a and b');
    expect(describeMatch({ anySkill: ['a', 'b'] })).toBe('with skill a or b');
    expect(describeMatch({ issuers: ['did:web:a', 'did:web:b'] })).toBe('from did:web:a or did:web:b');
    expect(describeMatch({ achievementTypes: ['Course', 'Module'] })).toBe('of type Course or Module');
  });

  it('result parts, named by the result description or "a result"', () => {
    expect(describeMatch({ result: { resultDescription: 'Final grade', min: 24 } })).toBe('with “Final grade” of at least 24');
    expect(describeMatch({ result: { min: 1 / 3 } })).toBe('with a result of at least 0.33');
    expect(describeMatch({ result: { min: 0 } })).toBe('with a result of at least 0');
    expect(describeMatch({ result: { oneOf: ['A', 'B'] } })).toBe('with a result of A or B');
    expect(describeMatch({ result: { atLeastLevel: 'Good' } })).toBe('with a result at “Good” or better');
    expect(describeMatch({ result: { status: 'Completed' } })).toBe('with a result Completed');
  });

  it('maxAge in words (singular and plural), an unreadable duration as given', () => {
    const age = (d: string) => describeMatch({ maxAge: d });
    expect(age('P1Y')).toBe('awarded within the last 1 year');
    expect(age('P2Y6M')).toBe('awarded within the last 2 years 6 months');
    expect(age('P1M1W1D')).toBe('awarded within the last 1 month 1 week 1 day');
    expect(age('P3W10D')).toBe('awarded within the last 3 weeks 10 days');
    expect(age('PT1H')).toBe('awarded within the last PT1H');
  });

  it('joins the facets with commas, in a fixed order', () => {
    const all: CredentialMatch = {
      maxAge: 'P5Y', result: { status: 'Completed', atLeastLevel: 'Good', oneOf: ['A'], min: 3, resultDescription: 'Grade' },
      achievementTypes: ['Course'], issuers: ['did:web:a'], anySkill: ['x'], skills: ['s'], minLevel: { framework: 'EQF', level: 6 }, achievementIds: [A(1)],
    };
    expect(describeMatch(all)).toBe(`from ${A(1)}, at EQF 6 or above, with skill s, with skill x, from did:web:a, of type Course, with “Grade” of at least 3, `
      + 'with “Grade” of A, with “Grade” at “Good” or better, with “Grade” Completed, awarded within the last 5 years');
  });
});

describe('sum: comparators with a tolerance of 1e-9 (floating point sums)', () => {
  const sat = (comparator: string, value: number, facts: CredentialFacts[]) => ev(rule(sum(comparator, value)), facts).satisfied;
  const fs = [F({ ects: 5 }), F({ ects: 5 }), F({ ects: 3 })];

  it('gte, gt, eq, lte, lt on both sides of the total (13)', () => {
    expect(sat('gte', 13, fs)).toBe(true);
    expect(sat('gte', 13.1, fs)).toBe(false);
    expect(sat('gt', 12.9, fs)).toBe(true);
    expect(sat('gt', 13, fs)).toBe(false);
    expect(sat('eq', 13, fs)).toBe(true);
    expect(sat('eq', 12, fs)).toBe(false);
    expect(sat('eq', 14, fs)).toBe(false);
    expect(sat('lte', 13, fs)).toBe(true);
    expect(sat('lte', 12.9, fs)).toBe(false);
    expect(sat('lt', 13.1, fs)).toBe(true);
    expect(sat('lt', 13, fs)).toBe(false);
  });

  it('a total within 1e-9 of the value counts as equal to it', () => {
    const below = [F({ ects: 29.9999999999 })];
    const above = [F({ ects: 30.0000000001 })];
    expect(sat('gte', 30, below)).toBe(true);
    expect(sat('lt', 30, below)).toBe(false);
    expect(sat('eq', 30, below)).toBe(true);
    expect(sat('eq', 30, above)).toBe(true);
    expect(sat('gt', 30, above)).toBe(false);
    expect(sat('lte', 30, above)).toBe(true);
    expect(sat('gt', 30, [F({ ects: 30.1 })])).toBe(true);
    expect(sat('eq', 30, [F({ ects: 30.1 })])).toBe(false);
  });
});

describe('has', () => {
  it('satisfied by `count` (default 1) matching credentials; uses the first `count` of them', () => {
    const fs = [F({ skills: ['a'] }), F({ skills: ['a'] }), F({ skills: ['a'] })];
    const r = ev(rule(has({ skills: ['a'] }, { count: 2, label: 'Two' })), fs);
    expect(r.satisfied).toBe(true);
    expect(r.used).toEqual([0, 1]);
    expect(r.detail).toEqual({ path: '$.condition', kind: 'has', label: 'Two', satisfied: true, used: [0, 1] });
    expect(ev(rule(has({ skills: ['a'] }, { count: 3 })), fs).satisfied).toBe(true);
    expect(ev(rule(has({ skills: ['a'] }, { count: 4 })), fs).satisfied).toBe(false);
    expect(ev(rule(has({ skills: ['b'] })), fs).satisfied).toBe(false);
    expect(ev(rule(has({ skills: ['a'] })), fs).used).toEqual([0]);
  });

  it('what is missing: the label, or the credential described (names of known achievements in quotes)', () => {
    const named = F({ achievementId: A(1), achievementName: 'Ethics' });
    const unnamed = F({ achievementId: A(2) });
    const missing = (c: unknown, facts: CredentialFacts[]) => ev(rule(c), facts).missing;
    expect(missing(has({}), [])).toEqual([{ path: '$.condition', kind: 'has', message: 'a credential' }]);
    expect(missing(has({ achievementIds: [A(9)] }, { label: 'the Ethics module' }), [])).toEqual([{ path: '$.condition', kind: 'has', message: 'the Ethics module' }]);
    expect(missing(has({ achievementIds: [A(1)] }, { count: 2 }), [named])).toEqual([{ path: '$.condition', kind: 'has', message: '1 more credential from “Ethics”' }]);
    expect(missing(has({ achievementIds: [A(1)] }, { count: 3 }), [named])).toEqual([{ path: '$.condition', kind: 'has', message: '2 more credentials from “Ethics”' }]);
    expect(missing(has({ achievementIds: [A(2)] }, { count: 2 }), [unnamed])).toEqual([{ path: '$.condition', kind: 'has', message: `1 more credential from ${A(2)}` }]);
    expect(missing(has({ skills: ['x'] }, { count: 2, label: 'Electives' }), [])).toEqual([{ path: '$.condition', kind: 'has', message: '2 more credentials (Electives)' }]);
    expect(missing(has({}, { count: 2 }), [])).toEqual([{ path: '$.condition', kind: 'has', message: '2 more credentials' }]);
    expect(missing(has({ skills: ['x'] }), [named])).toEqual([{ path: '$.condition', kind: 'has', message: 'a credential with skill x' }]);
  });

  it('an unsatisfied has reports the matching credentials it found', () => {
    const r = ev(rule(has({ skills: ['a'] }, { count: 3 })), [F(), F({ skills: ['a'] })]);
    expect(r.detail).toEqual({ path: '$.condition', kind: 'has', satisfied: false, used: [1] });
  });

  it('used indexes are sorted as numbers (11 credentials)', () => {
    const facts = Array.from({ length: 11 }, () => F());
    const r = ev(rule(has({}, { count: 11 })), facts);
    const expected = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(r.used).toEqual(expected);
    expect(r.detail.used).toEqual(expected);
  });
});

describe('sum: what counts and what is missing', () => {
  it('gte / gt take the largest credentials first and stop once the value is reached', () => {
    const fs = [F({ ects: 2 }), F({ ects: 5 }), F({ ects: 3 })];
    expect(ev(rule(sum('gte', 5)), fs).detail).toEqual({ path: '$.condition', kind: 'sum', satisfied: true, used: [1], total: { value: 5, unit: 'ECTS' } });
    expect(ev(rule(sum('gte', 6)), fs).detail).toEqual({ path: '$.condition', kind: 'sum', satisfied: true, used: [1, 2], total: { value: 8, unit: 'ECTS' } });
    expect(ev(rule(sum('gt', 5)), fs).detail).toEqual({ path: '$.condition', kind: 'sum', satisfied: true, used: [1, 2], total: { value: 8, unit: 'ECTS' } });
    expect(ev(rule(sum('gte', 0)), fs).detail).toEqual({ path: '$.condition', kind: 'sum', satisfied: true, used: [], total: { value: 0, unit: 'ECTS' } });
    // equal credentials: the first one
    expect(ev(rule(sum('gte', 5)), [F({ ects: 5 }), F({ ects: 5 })]).used).toEqual([0]);
  });

  it('eq / lte / lt count every matching credential with a workload in the unit', () => {
    const fs = [F({ ects: 5 }), F({ hours: 50 }), F({ ects: 3 })];
    expect(ev(rule(sum('lte', 20)), fs).detail).toEqual({ path: '$.condition', kind: 'sum', satisfied: true, used: [0, 2], total: { value: 8, unit: 'ECTS' } });
    expect(ev(rule(sum('eq', 8)), fs).used).toEqual([0, 2]);
  });

  it('gte: "<shortfall> more <unit> <match>", with the shortfall as a quantity; the label first', () => {
    const fs = [F({ ects: 5, eqf: 6 }), F({ ects: 5, eqf: 6 }), F({ ects: 3, eqf: 5 })];
    const eqf6 = { minLevel: { framework: 'EQF', level: 6 } };
    expect(ev(rule(sum('gte', 12, { match: eqf6 })), fs).missing).toEqual([
      { path: '$.condition', kind: 'sum', message: '2 more ECTS at EQF 6 or above', shortfall: { value: 2, unit: 'ECTS' } }]);
    expect(ev(rule(sum('gte', 12, { match: eqf6, label: 'Core' })), fs).missing).toEqual([
      { path: '$.condition', kind: 'sum', message: 'Core: 2 more ECTS at EQF 6 or above', shortfall: { value: 2, unit: 'ECTS' } }]);
    expect(ev(rule(sum('gte', 7)), [F({ ects: 5, hours: 125 })]).missing).toEqual([
      { path: '$.condition', kind: 'sum', message: '2 more ECTS', shortfall: { value: 2, unit: 'ECTS' } }]);
    const third = ev(rule(sum('gte', 1)), [F({ ects: 1 / 3 })]).missing[0]!;
    expect(third.message).toBe('0.67 more ECTS');
    expect(third.shortfall!.value).toBeCloseTo(2 / 3, 12);
  });

  it('gt: "more than <shortfall> more"; reaching the value exactly is a shortfall of 0', () => {
    const fs = [F({ ects: 5 }), F({ ects: 5 })];
    expect(ev(rule(sum('gt', 10)), fs).missing).toEqual([{ path: '$.condition', kind: 'sum', message: 'more than 0 more ECTS', shortfall: { value: 0, unit: 'ECTS' } }]);
    expect(ev(rule(sum('gt', 12, { label: 'L' })), fs).missing).toEqual([{ path: '$.condition', kind: 'sum', message: 'L: more than 2 more ECTS', shortfall: { value: 2, unit: 'ECTS' } }]);
  });

  it('names the units it could not count, once each, for the matching credentials only', () => {
    const fs = [F({ ects: 5, skills: ['ai'] }), F({ hours: 50, skills: ['ai'] }), F({ workload: [{ value: 3, unit: 'credits' }], skills: ['ai'] }),
      F({ hours: 10, skills: ['ai'] }), F({ workload: [{ value: 9, unit: 'ext:x' }] })];
    expect(ev(rule(sum('gte', 7, { match: { skills: ['ai'] } })), fs).missing[0]!.message)
      .toBe('2 more ECTS with skill ai (workload stated in hours, credits is not counted as ECTS: the rule gives no conversion)');
    // a conversion counts the hours: nothing to hint, 3 more needed (5 + 2 + 0.4)
    const conv = rule(sum('gte', 10.4 + 3, { match: { skills: ['ai'] } }), { unitConversions: [{ from: 'hours', to: 'ECTS', factor: 0.04 }] });
    expect(ev(conv, fs).missing[0]!.message).toBe('6 more ECTS with skill ai (workload stated in credits is not counted as ECTS: the rule gives no conversion)');
  });

  it('eq / lte / lt: "<exactly|at most|less than> <value> <unit> <match> may count; you have <total>", no shortfall', () => {
    const fs = [F({ ects: 5, eqf: 6 }), F({ ects: 5, eqf: 6 }), F({ ects: 3 })];
    const msg = (c: unknown) => ev(rule(c), fs).missing;
    expect(msg(sum('eq', 12))).toEqual([{ path: '$.condition', kind: 'sum', message: 'exactly 12 ECTS may count; you have 13' }]);
    expect(msg(sum('lte', 12))).toEqual([{ path: '$.condition', kind: 'sum', message: 'at most 12 ECTS may count; you have 13' }]);
    expect(msg(sum('lt', 13))).toEqual([{ path: '$.condition', kind: 'sum', message: 'less than 13 ECTS may count; you have 13' }]);
    expect(msg(sum('lte', 9, { label: 'Cap', match: { minLevel: { framework: 'EQF', level: 6 } } })))
      .toEqual([{ path: '$.condition', kind: 'sum', message: 'Cap: at most 9 ECTS at EQF 6 or above may count; you have 10' }]);
    expect(msg(sum('eq', 1 / 3))).toEqual([{ path: '$.condition', kind: 'sum', message: 'exactly 0.33 ECTS may count; you have 13' }]);
  });
});

describe('credits count once (sum conditions claim what they count, unless reuse is allowed)', () => {
  it('a later sum does not count what an earlier one claimed', () => {
    const fs = [F({ ects: 5 }), F({ ects: 3 })];
    const r = ev(rule({ kind: 'all', conditions: [sum('gte', 5), sum('lte', 100)] }), fs);
    expect(r.detail.children![1]).toEqual({ path: '$.condition.conditions[1]', kind: 'sum', satisfied: true, used: [1], total: { value: 3, unit: 'ECTS' } });
    const reuse = ev(rule({ kind: 'all', conditions: [sum('gte', 5), sum('lte', 100)] }), fs, true);
    expect(reuse.detail.children![1]).toEqual({ path: '$.condition.conditions[1]', kind: 'sum', satisfied: true, used: [0, 1], total: { value: 8, unit: 'ECTS' } });
  });

  it('an unsatisfied sum claims nothing', () => {
    const r = ev(rule({ kind: 'all', conditions: [sum('gte', 100), sum('gte', 1)] }), [F({ ects: 5 }), F({ ects: 3 })]);
    expect(r.satisfied).toBe(false);
    expect(r.missing).toEqual([{ path: '$.condition.conditions[0]', kind: 'sum', message: '92 more ECTS', shortfall: { value: 92, unit: 'ECTS' } }]);
    expect(r.detail.children!.map((c) => c.satisfied)).toEqual([false, true]);
  });

  it('claims reach nested conditions', () => {
    const r = ev(rule({ kind: 'all', conditions: [sum('gte', 5), { kind: 'all', conditions: [sum('lte', 100)] }] }), [F({ ects: 5 }), F({ ects: 3 })]);
    expect(r.detail.children![1]!.children![0]).toMatchObject({ used: [1], total: { value: 3, unit: 'ECTS' } });
  });

  it('the rule\'s allowReuse, overridden by the evaluation option', () => {
    const both = F({ ects: 5, skills: ['ai', 'data'] });
    const c = { kind: 'all', conditions: [sum('gte', 5, { match: { skills: ['ai'] } }), sum('gte', 5, { match: { skills: ['data'] } })] };
    expect(ev(rule(c), [both]).satisfied).toBe(false);
    expect(ev(rule(c, { allowReuse: true }), [both]).satisfied).toBe(true);
    expect(ev(rule(c, { allowReuse: true }), [both], false).satisfied).toBe(false);
    expect(ev(rule(c, { allowReuse: false }), [both], true).satisfied).toBe(true);
  });

  it('a sum prefers credentials fewer other sums want (counted over every sum of the rule, nested too)', () => {
    // X matches both sums, Y only the first: the first sum takes Y. Reuse allowed, so only the preference decides.
    const fs = [F({ ects: 5, skills: ['a'] }), F({ ects: 5 })];
    const flat = ev(rule({ kind: 'all', conditions: [sum('gte', 5), sum('gte', 5, { match: { skills: ['a'] } })] }), fs, true);
    expect(flat.detail.children![0]!.used).toEqual([1]);
    const nested = ev(rule({ kind: 'all', conditions: [sum('gte', 5), { kind: 'any', conditions: [{ kind: 'nOf', n: 1, conditions: [sum('gte', 5, { match: { skills: ['a'] } })] }] }] }), fs, true);
    expect(nested.detail.children![0]!.used).toEqual([1]);
    // without a competing sum, the larger (then the first) credential
    expect(ev(rule(sum('gte', 5)), fs).used).toEqual([0]);
  });

  describe('competing sums: other orders are tried (up to 5 competing sums, 5! orders)', () => {
    // P counts for both a and b (10 ECTS), Q too (5 ECTS). In the given order the a-sum takes P, the b-sum needs 10.
    const fs = [F({ ects: 10, skills: ['a', 'b'] }), F({ ects: 5, skills: ['a', 'b'] })];
    const sa = sum('gte', 5, { match: { skills: ['a'] } });
    const sb = sum('gte', 10, { match: { skills: ['b'] } });
    const zero = sum('gte', 0);

    it('finds the order that works; conditions that claim nothing run after', () => {
      const r = ev(rule({ kind: 'all', conditions: [sa, sb, has({ skills: ['a'] })] }), fs);
      expect(r.satisfied).toBe(true);
      expect(r.missing).toEqual([]);
      expect(r.used).toEqual([0, 1]);
      expect(r.detail.children).toEqual([
        { path: '$.condition.conditions[0]', kind: 'sum', satisfied: true, used: [1], total: { value: 5, unit: 'ECTS' } },
        { path: '$.condition.conditions[1]', kind: 'sum', satisfied: true, used: [0], total: { value: 10, unit: 'ECTS' } },
        { path: '$.condition.conditions[2]', kind: 'has', satisfied: true, used: [0] },
      ]);
    });

    it('five competing sums are still reordered', () => {
      expect(ev(rule({ kind: 'all', conditions: [sa, sb, zero, zero, zero] }), fs).satisfied).toBe(true);
    });

    it('six are not (the bound): the given order decides', () => {
      const r = ev(rule({ kind: 'all', conditions: [sa, sb, zero, zero, zero, zero] }), fs);
      expect(r.satisfied).toBe(false);
      expect(r.missing).toEqual([{ path: '$.condition.conditions[1]', kind: 'sum', message: '5 more ECTS with skill b', shortfall: { value: 5, unit: 'ECTS' } }]);
    });

    it('only sums claim (has does not): six conditions with two competing sums are still reordered', () => {
      expect(ev(rule({ kind: 'all', conditions: [sa, sb, has({}), has({}), has({}), has({})] }), fs).satisfied).toBe(true);
    });

    it('a sum nested in all / any / nOf competes too (the nested condition claims what its sums claim)', () => {
      for (const nested of [{ kind: 'all', conditions: [sa, has({})] }, { kind: 'any', conditions: [sa] }, { kind: 'nOf', n: 1, conditions: [sa] }]) {
        expect(ev(rule({ kind: 'all', conditions: [nested, sb] }), fs).satisfied).toBe(true);
      }
    });

    it('when the given order works, no other order is tried (its result is reported)', () => {
      // both sums take either credential; in the given order the first sum takes #0, the second #1
      const r = ev(rule({ kind: 'all', conditions: [sum('gte', 5), sum('gte', 5)] }), [F({ ects: 5 }), F({ ects: 5 })]);
      expect(r.detail.children!.map((c) => c.used)).toEqual([[0], [1]]);
    });

    it('when no order works, the first order\'s result is reported', () => {
      const r = ev(rule({ kind: 'all', conditions: [sa, sum('gte', 11, { match: { skills: ['b'] } })] }), fs);
      expect(r.satisfied).toBe(false);
      expect(r.detail.children!.map((c) => [c.satisfied, c.used])).toEqual([[true, [0]], [false, [1]]]);
      expect(r.missing).toEqual([{ path: '$.condition.conditions[1]', kind: 'sum', message: '6 more ECTS with skill b', shortfall: { value: 6, unit: 'ECTS' } }]);
    });

    describe('the search is bounded: at most 2,000 other orders are tried in one evaluation (src/stacking/README.md)', () => {
      // Counting the tries (evaluate-facts.ts evalAll): an `all` whose given order fails tries the other orders of its
      // competing sums, each try spending one of 2,000 for the whole evaluation; the given order itself is free.
      // - `never`: an all of five sums no credential meets: every order fails, 5! − 1 = 119 tries (two sums: 1 try).
      // - `last`: four "at most 10 ECTS with skill x" sums (each claims every x credential it counts, and is met with
      //   none) and, last, "1 ECTS with skill x". Only orders with the last sum first work; in the order the orders
      //   are tried ([0,1,2,3,4] first, then [0,1,2,4,3], … by position) the first of them, [4,0,1,2,3], is try 96.
      // `any` tries its alternatives in turn, passing the same budget on: 16 `never` spend 16 × 119 = 1,904 tries,
      // so `last` works at try 1,904 + 96 = 2,000; one more two-sum `never` first moves it to try 2,001.
      const none = sum('gte', 1, { match: { skills: ['none'] } });
      const never5 = { kind: 'all', conditions: [none, none, none, none, none] };
      const never2 = { kind: 'all', conditions: [none, none] };
      const grab = sum('lte', 10, { match: { skills: ['x'] } });
      const last = { kind: 'all', conditions: [grab, grab, grab, grab, sum('gte', 1, { match: { skills: ['x'] } })] };
      const x = [F({ ects: 1, skills: ['x'] })];
      const sixteen = Array.from({ length: 16 }, () => never5);

      it('a working order found at try 2,000 counts', () => {
        const r = ev(rule({ kind: 'any', conditions: [...sixteen, last] }), x);
        expect(r.satisfied).toBe(true);
        expect(r.used).toEqual([0]);
        expect(r.detail.children![16]!.children!.map((c) => [c.satisfied, c.used])).toEqual([[true, []], [true, []], [true, []], [true, []], [true, [0]]]);
      });

      it('the same order at try 2,001 is never tried: the given order\'s result is reported', () => {
        const r = ev(rule({ kind: 'any', conditions: [never2, ...sixteen, last] }), x);
        expect(r.satisfied).toBe(false);
        expect(r.used).toEqual([]);
        expect(r.detail.children![17]!.children!.map((c) => [c.satisfied, c.used])).toEqual([[true, [0]], [true, []], [true, []], [true, []], [false, []]]);
        expect(r.missing[0]!.alternatives![17]).toEqual([
          { path: '$.condition.conditions[17].conditions[4]', kind: 'sum', message: '1 more ECTS with skill x', shortfall: { value: 1, unit: 'ECTS' } },
        ]);
      });

      it('without the spent budget, `last` alone works (its working order is reachable)', () => {
        expect(ev(rule({ kind: 'any', conditions: [never2, last] }), x).satisfied).toBe(true);
        expect(ev(rule(last), x).satisfied).toBe(true);
      });
    });
  });
});

describe('share: at least `min` of the base\'s credits come from credentials matching `where`', () => {
  const eqf6 = { minLevel: { framework: 'EQF', level: 6 } };
  const share = (extra: Record<string, unknown> = {}) => rule({ kind: 'share', unit: 'ECTS', where: eqf6, min: 0.75, ...extra });

  it('exactly the minimum share is enough; the detail gives the credits and the share', () => {
    const r = ev(share(), [F({ ects: 15, eqf: 6 }), F({ ects: 5, eqf: 5 }), F({ hours: 100, eqf: 6 })]);
    expect(r.satisfied).toBe(true);
    expect(r.detail).toEqual({ path: '$.condition', kind: 'share', satisfied: true, used: [0], total: { value: 15, unit: 'ECTS' }, share: 0.75 });
  });

  it('below it: the credits still needed so that the share is reached', () => {
    // (0.75 × 15 − 10) / (1 − 0.75) = 5
    const r = ev(share(), [F({ ects: 10, eqf: 6 }), F({ ects: 5, eqf: 4 })]);
    expect(r.missing).toEqual([{ path: '$.condition', kind: 'share', shortfall: { value: 5, unit: 'ECTS' },
      message: '5 more ECTS at EQF 6 or above (so that at least 75 % of your ECTS are at EQF 6 or above; now 66.67 %)' }]);
    // (0.5 × 8 − 2) / 0.5 = 4
    const half = ev(share({ min: 0.5, label: 'Advanced' }), [F({ ects: 2, eqf: 7 }), F({ ects: 6, eqf: 5 })]);
    expect(half.missing).toEqual([{ path: '$.condition', kind: 'share', shortfall: { value: 4, unit: 'ECTS' },
      message: 'Advanced: 4 more ECTS at EQF 6 or above (so that at least 50 % of your ECTS are at EQF 6 or above; now 25 %)' }]);
    expect(half.detail).toEqual({ path: '$.condition', kind: 'share', label: 'Advanced', satisfied: false, used: [0], total: { value: 2, unit: 'ECTS' }, share: 0.25 });
  });

  it('a minimum of 100 %: no amount of credits helps, it says how many are not of that kind', () => {
    expect(ev(share({ min: 1 }), [F({ ects: 10, eqf: 6 }), F({ ects: 5, eqf: 4 })]).missing).toEqual([
      { path: '$.condition', kind: 'share', message: 'all your ECTS must be at EQF 6 or above; 5 ECTS are not' }]);
    expect(ev(share({ min: 1 }), [F({ ects: 10, eqf: 6 })]).satisfied).toBe(true);
  });

  it('no credits in the unit: not satisfied, however small the minimum', () => {
    const r = ev(share({ min: 1e-10 }), [F({ hours: 100, eqf: 6 })]);
    expect(r.satisfied).toBe(false);
    expect(r.missing).toEqual([{ path: '$.condition', kind: 'share', message: 'credits in ECTS at EQF 6 or above: at least 0 % of your ECTS must be at EQF 6 or above' }]);
    expect(r.detail).toEqual({ path: '$.condition', kind: 'share', satisfied: false, used: [], total: { value: 0, unit: 'ECTS' }, share: 0 });
    expect(ev(rule({ kind: 'share', unit: 'ECTS', where: {}, min: 0.75 }), []).missing).toEqual([
      { path: '$.condition', kind: 'share', message: 'credits in ECTS: at least 75 % of your ECTS must be of that kind' }]);
  });

  it('the base is the credentials matching `of` (default every usable one)', () => {
    const fs = [F({ ects: 4, eqf: 6, issuer: 'did:web:uni' }), F({ ects: 4, eqf: 4, issuer: 'did:web:uni' }), F({ ects: 100, eqf: 4, issuer: 'did:web:other' })];
    expect(ev(share({ min: 0.5, of: { issuers: ['did:web:uni'] } }), fs).satisfied).toBe(true);
    expect(ev(share({ min: 0.5 }), fs).satisfied).toBe(false);
  });

  it('share does not claim credits', () => {
    const r = ev(rule({ kind: 'all', conditions: [{ kind: 'share', unit: 'ECTS', where: {}, min: 1 }, sum('gte', 5)] }), [F({ ects: 5 })]);
    expect(r.satisfied).toBe(true);
  });
});

describe('sequence: a `first` credential awarded strictly before one (some) or every (every) `then` credential', () => {
  const a = F({ achievementId: A(1), awardedAt: '2025-01-01T00:00:00Z' });
  const b0 = F({ achievementId: A(3), awardedAt: '2024-06-01T00:00:00Z', skills: ['adv'] });
  const b1 = F({ achievementId: A(2), awardedAt: '2025-06-01T00:00:00Z', skills: ['adv'] });
  const b2 = F({ achievementId: A(4), awardedAt: '2025-09-01T00:00:00Z', skills: ['adv'] });
  const seq = (extra: Record<string, unknown> = {}) => rule({ kind: 'sequence', first: { achievementIds: [A(1)] }, then: { skills: ['adv'] }, ...extra });

  it('some: the first pair in order', () => {
    expect(ev(seq(), [a, b1]).detail).toEqual({ path: '$.condition', kind: 'sequence', satisfied: true, used: [0, 1] });
    expect(ev(seq(), [b0, a, b1]).detail.used).toEqual([1, 2]);
    expect(ev(seq(), [a, b0]).satisfied).toBe(false);
    expect(ev(seq(), [a, { ...b1, awardedAt: a.awardedAt! }]).satisfied).toBe(false);
  });

  it('every: the earliest `first` before every other `then` credential', () => {
    expect(ev(seq({ mode: 'every' }), [a, b1, b2]).detail).toEqual({ path: '$.condition', kind: 'sequence', satisfied: true, used: [0, 1, 2] });
    expect(ev(seq({ mode: 'every' }), [a, b0, b1]).satisfied).toBe(false);
    expect(ev(seq({ mode: 'every' }), [a]).satisfied).toBe(false);
    // no `first` credential at all; a `then` credential of the same day is not after it
    expect(ev(seq({ mode: 'every' }), [b1]).missing).toEqual([{ path: '$.condition', kind: 'sequence', message: `a credential from ${A(1)}, earned before one with skill adv` }]);
    expect(ev(seq({ mode: 'every' }), [a, { ...b1, awardedAt: a.awardedAt! }]).satisfied).toBe(false);
    // two first credentials: the earlier one is the start
    const p = F({ skills: ['base'], awardedAt: '2025-01-01T00:00:00Z' });
    const q = F({ skills: ['base'], awardedAt: '2024-01-01T00:00:00Z' });
    const t = F({ skills: ['adv'], awardedAt: '2024-06-01T00:00:00Z' });
    const every = rule({ kind: 'sequence', first: { skills: ['base'] }, then: { skills: ['adv'] }, mode: 'every' });
    expect(ev(every, [p, q, t]).detail.used).toEqual([1, 2]);
    // a credential matching both is the start, not a `then` that must follow itself
    const both = F({ skills: ['base', 'adv'], awardedAt: '2024-01-01T00:00:00Z' });
    expect(ev(every, [both, b1]).detail.used).toEqual([0, 1]);
    expect(ev(every, [both]).satisfied).toBe(false);
  });

  it('first credentials awarded at the same time: the first given one', () => {
    const p = F({ skills: ['base'], awardedAt: '2024-01-01T00:00:00Z' });
    const some = rule({ kind: 'sequence', first: { skills: ['base'] }, then: { skills: ['adv'] } });
    expect(ev(some, [p, { ...p }, b1]).detail.used).toEqual([0, 2]);
  });

  it('credentials without a readable award date take no part', () => {
    expect(ev(seq(), [{ ...a, awardedAt: undefined }, b1]).satisfied).toBe(false);
    expect(ev(seq(), [a, { ...b1, awardedAt: 'someday' }]).satisfied).toBe(false);
    // every: an undated `first` is not the start, an undated `then` is not one that must follow
    const every = rule({ kind: 'sequence', first: { skills: ['base'] }, then: { skills: ['adv'] }, mode: 'every' });
    const undatedFirst = F({ skills: ['base'] });
    const first = F({ skills: ['base'], awardedAt: '2025-01-01T00:00:00Z' });
    expect(ev(every, [undatedFirst, first, b1]).detail).toEqual({ path: '$.condition', kind: 'sequence', satisfied: true, used: [1, 2] });
    expect(ev(every, [first, b1, F({ skills: ['adv'] })]).detail).toEqual({ path: '$.condition', kind: 'sequence', satisfied: true, used: [0, 1] });
  });

  it('what is missing, in three cases', () => {
    const msg = (r: StackingRule, facts: CredentialFacts[]) => ev(r, facts).missing;
    expect(msg(seq(), [b1])).toEqual([{ path: '$.condition', kind: 'sequence', message: `a credential from ${A(1)}, earned before one with skill adv` }]);
    expect(msg(seq({ label: 'Order' }), [a])).toEqual([{ path: '$.condition', kind: 'sequence', message: `Order: a credential with skill adv, earned after the one from ${A(1)}` }]);
    expect(msg(seq(), [a, b0])).toEqual([{ path: '$.condition', kind: 'sequence', message: `the credential from ${A(1)} must have been awarded before a credential with skill adv` }]);
    expect(msg(seq({ mode: 'every' }), [a, b0, b1])).toEqual([{ path: '$.condition', kind: 'sequence', message: `the credential from ${A(1)} must have been awarded before every credential with skill adv` }]);
    const any = rule({ kind: 'sequence', first: {}, then: { skills: ['adv'] } });
    expect(msg(any, [])).toEqual([{ path: '$.condition', kind: 'sequence', message: 'a credential any credential, earned before one with skill adv' }]);
    const anyThen = rule({ kind: 'sequence', first: { skills: ['base'] }, then: {} });
    expect(msg(anyThen, [])).toEqual([{ path: '$.condition', kind: 'sequence', message: 'a credential with skill base, earned before one any credential' }]);
    // the only `then` credential is the `first` one itself: one more is needed after it
    const both = rule({ kind: 'sequence', first: { skills: ['base'] }, then: { skills: ['adv'] } });
    const c = F({ skills: ['base', 'adv'], awardedAt: '2025-01-01T00:00:00Z' });
    expect(msg(both, [c])).toEqual([{ path: '$.condition', kind: 'sequence', message: 'a credential with skill adv, earned after the one with skill base' }]);
    // two such credentials of the same day: the order is what fails
    expect(msg(both, [c, { ...c }])).toEqual([{ path: '$.condition', kind: 'sequence', message: 'the credential with skill base must have been awarded before a credential with skill adv' }]);
  });
});

describe('all / any / nOf', () => {
  it('all: every sub-condition; what is missing of each, in order', () => {
    const r = ev(rule({ kind: 'all', label: 'Core', conditions: [has({ achievementIds: [A(9)] }), sum('gte', 1), has({ achievementIds: [A(8)] })] }), [F({ ects: 2 })]);
    expect(r.satisfied).toBe(false);
    expect(r.missing).toEqual([
      { path: '$.condition.conditions[0]', kind: 'has', message: `a credential from ${A(9)}` },
      { path: '$.condition.conditions[2]', kind: 'has', message: `a credential from ${A(8)}` },
    ]);
    expect(r.detail).toMatchObject({ path: '$.condition', kind: 'all', label: 'Core', satisfied: false, used: [0] });
    expect(r.detail.children!.map((c) => c.satisfied)).toEqual([false, true, false]);
  });

  it('any: the first satisfied alternative; the later ones are not evaluated', () => {
    const r = ev(rule({ kind: 'any', conditions: [has({ achievementIds: [A(9)] }), sum('gte', 1), has({})] }), [F({ ects: 2 }), F({ ects: 1 })]);
    expect(r.satisfied).toBe(true);
    expect(r.missing).toEqual([]);
    expect(r.used).toEqual([0]);
    expect(r.detail).toEqual({ path: '$.condition', kind: 'any', satisfied: true, used: [0], children: [
      { path: '$.condition.conditions[0]', kind: 'has', satisfied: false, used: [] },
      { path: '$.condition.conditions[1]', kind: 'sum', satisfied: true, used: [0], total: { value: 2, unit: 'ECTS' } },
    ] });
  });

  it('any without a label: the message begins with "one of:"', () => {
    expect(ev(rule({ kind: 'any', conditions: [has({ achievementIds: [A(9)] }), sum('gte', 5)] }), [F({ ects: 2 })]).missing.map((m) => m.message))
      .toEqual([`one of: (1) a credential from ${A(9)} — or (2) 3 more ECTS`]);
  });

  it('any: "one of: (1) … — or (2) …", each alternative with what it lacks', () => {
    const r = ev(rule({ kind: 'any', label: 'Route', conditions: [{ kind: 'all', conditions: [has({ achievementIds: [A(9)] }), has({ achievementIds: [A(8)] })] }, sum('gte', 5)] }), [F({ ects: 2 })]);
    expect(r.missing).toEqual([{
      path: '$.condition', kind: 'any',
      message: `Route: one of: (1) a credential from ${A(9)}; a credential from ${A(8)} — or (2) 3 more ECTS`,
      alternatives: [
        [{ path: '$.condition.conditions[0].conditions[0]', kind: 'has', message: `a credential from ${A(9)}` },
          { path: '$.condition.conditions[0].conditions[1]', kind: 'has', message: `a credential from ${A(8)}` }],
        [{ path: '$.condition.conditions[1]', kind: 'sum', message: '3 more ECTS', shortfall: { value: 3, unit: 'ECTS' } }],
      ],
    }]);
    expect(r.detail).toMatchObject({ satisfied: false, used: [] });
    expect(r.detail.children).toHaveLength(2);
  });

  it('any keeps the claims of its satisfied alternative', () => {
    const r = ev(rule({ kind: 'all', conditions: [{ kind: 'any', conditions: [sum('gte', 5)] }, sum('gte', 1)] }), [F({ ects: 5 })]);
    expect(r.missing).toEqual([{ path: '$.condition.conditions[1]', kind: 'sum', message: '1 more ECTS', shortfall: { value: 1, unit: 'ECTS' } }]);
  });

  it('nOf: stops after n satisfied; the rest are reported as not evaluated', () => {
    const fs = [F({ achievementId: A(1) }), F({ achievementId: A(2) }), F({ achievementId: A(3) })];
    const r = ev(rule({ kind: 'nOf', n: 2, conditions: [1, 2, 3].map((i) => has({ achievementIds: [A(i)] }, { label: `M${i}` })) }), fs);
    expect(r.satisfied).toBe(true);
    expect(r.used).toEqual([0, 1]);
    expect(r.detail.children).toEqual([
      { path: '$.condition.conditions[0]', kind: 'has', label: 'M1', satisfied: true, used: [0] },
      { path: '$.condition.conditions[1]', kind: 'has', label: 'M2', satisfied: true, used: [1] },
      { path: '$.condition.conditions[2]', kind: 'has', label: 'M3', satisfied: false, used: [] },
    ]);
  });

  it('nOf: "<k> more of: …" listing each failed option by label or by what it lacks', () => {
    const c = { kind: 'nOf', n: 3, label: 'Electives', conditions: [has({ achievementIds: [A(1)] }, { label: 'Module 1' }), has({ achievementIds: [A(2)] }), { kind: 'all', conditions: [has({ skills: ['x'] }), has({ skills: ['y'] })] }] };
    const r = ev(rule(c), [F({ achievementId: A(2) })]);
    expect(r.satisfied).toBe(false);
    // like all, an unsatisfied nOf reports what its satisfied options used
    expect(r.used).toEqual([0]);
    expect(r.missing).toEqual([{
      path: '$.condition', kind: 'nOf', message: 'Electives: 2 more of: Module 1 | a credential with skill x; a credential with skill y',
      alternatives: [
        [{ path: '$.condition.conditions[0]', kind: 'has', message: 'Module 1' }],
        [{ path: '$.condition.conditions[2].conditions[0]', kind: 'has', message: 'a credential with skill x' },
          { path: '$.condition.conditions[2].conditions[1]', kind: 'has', message: 'a credential with skill y' }],
      ],
    }]);
    expect(r.detail).toMatchObject({ satisfied: false, used: [0] });
  });

  it('nOf: a satisfied option claims its credits for the later ones; an unsatisfied nOf claims nothing', () => {
    const one = [F({ ects: 5 })];
    expect(ev(rule({ kind: 'nOf', n: 2, conditions: [sum('gte', 5), sum('gte', 5)] }), one).missing).toEqual([
      { path: '$.condition', kind: 'nOf', message: '1 more of: 5 more ECTS', alternatives: [[{ path: '$.condition.conditions[1]', kind: 'sum', message: '5 more ECTS', shortfall: { value: 5, unit: 'ECTS' } }]] }]);
    expect(ev(rule({ kind: 'nOf', n: 2, conditions: [sum('gte', 5), sum('gte', 5)] }), one, true).satisfied).toBe(true);
    const r = ev(rule({ kind: 'all', conditions: [{ kind: 'nOf', n: 2, conditions: [sum('gte', 5), has({ achievementIds: [A(9)] })] }, sum('gte', 1)] }), one);
    expect(r.missing.map((m) => m.path)).toEqual(['$.condition.conditions[0]']);
    expect(r.detail.children![1]!.satisfied).toBe(true);
  });

  it('a satisfied nOf passes its claims on', () => {
    const r = ev(rule({ kind: 'all', conditions: [{ kind: 'nOf', n: 1, conditions: [sum('gte', 5)] }, sum('gte', 1)] }), [F({ ects: 5 })]);
    expect(r.satisfied).toBe(false);
    expect(r.missing.map((m) => m.path)).toEqual(['$.condition.conditions[1]']);
  });
});

describe('dedupe: credits count once', () => {
  const at = (achievementId: string, awardedAt: string | undefined, id?: string) => F({ achievementId, ...(awardedAt ? { awardedAt } : {}), ...(id ? { id } : {}) });

  it('the same credential id twice: the first is kept', () => {
    expect(dedupe([F({ id: 'urn:x', achievementId: A(1) }), F({ id: 'urn:x', achievementId: A(2) })])).toEqual({ active: [0], duplicates: [{ index: 1, keptIndex: 0, reason: 'same-id' }] });
  });

  it('the same achievement twice: the most recently awarded is kept (the first on a tie or without dates)', () => {
    expect(dedupe([at(A(1), '2025-01-01T00:00:00Z'), at(A(1), '2026-01-01T00:00:00Z')])).toEqual({ active: [1], duplicates: [{ index: 0, keptIndex: 1, reason: 'same-achievement' }] });
    expect(dedupe([at(A(1), '2026-01-01T00:00:00Z'), at(A(1), '2025-01-01T00:00:00Z')])).toEqual({ active: [0], duplicates: [{ index: 1, keptIndex: 0, reason: 'same-achievement' }] });
    expect(dedupe([at(A(1), '2026-01-01T00:00:00Z'), at(A(1), '2026-01-01T00:00:00Z')])).toEqual({ active: [0], duplicates: [{ index: 1, keptIndex: 0, reason: 'same-achievement' }] });
    expect(dedupe([at(A(1), undefined), at(A(1), undefined)])).toEqual({ active: [0], duplicates: [{ index: 1, keptIndex: 0, reason: 'same-achievement' }] });
    // an unreadable date counts as the oldest
    expect(dedupe([at(A(1), 'garbage'), at(A(1), '2020-01-01T00:00:00Z')])).toEqual({ active: [1], duplicates: [{ index: 0, keptIndex: 1, reason: 'same-achievement' }] });
  });

  it('without id or achievement id nothing is a duplicate', () => {
    expect(dedupe([F(), F()])).toEqual({ active: [0, 1], duplicates: [] });
    expect(dedupe([F({ id: 'urn:1' }), F({ id: 'urn:2' })])).toEqual({ active: [0, 1], duplicates: [] });
  });

  it('every duplicate points at the final survivor; the list is sorted by index', () => {
    expect(dedupe([at(A(1), '2024-01-01T00:00:00Z'), at(A(1), '2025-01-01T00:00:00Z'), at(A(1), '2026-01-01T00:00:00Z')])).toEqual({
      active: [2], duplicates: [{ index: 0, keptIndex: 2, reason: 'same-achievement' }, { index: 1, keptIndex: 2, reason: 'same-achievement' }] });
    expect(dedupe([at(A(1), '2024-01-01T00:00:00Z'), at(A(2), '2025-01-01T00:00:00Z'), at(A(2), '2024-01-01T00:00:00Z'), at(A(1), '2026-01-01T00:00:00Z')])).toEqual({
      active: [1, 3], duplicates: [{ index: 0, keptIndex: 3, reason: 'same-achievement' }, { index: 2, keptIndex: 1, reason: 'same-achievement' }] });
    // a same-id duplicate keeps pointing at the credential of that id, even when its achievement was replaced later
    expect(dedupe([at(A(1), '2024-01-01T00:00:00Z', 'urn:x'), at(A(1), '2024-01-01T00:00:00Z', 'urn:x'), at(A(1), '2026-01-01T00:00:00Z', 'urn:y')])).toEqual({
      active: [2], duplicates: [{ index: 0, keptIndex: 2, reason: 'same-achievement' }, { index: 1, keptIndex: 0, reason: 'same-id' }] });
  });

  it('evaluateFacts ignores the duplicates and reports them', () => {
    const r = ev(rule(sum('gte', 10)), [F({ id: 'urn:x', ects: 5 }), F({ id: 'urn:x', ects: 5 }), F({ ects: 5, achievementId: A(1) }), F({ ects: 5, achievementId: A(1) })]);
    expect(r.satisfied).toBe(true);
    expect(r.used).toEqual([0, 2]);
    expect(r.duplicates).toEqual([{ index: 1, keptIndex: 0, reason: 'same-id' }, { index: 3, keptIndex: 2, reason: 'same-achievement' }]);
  });
});

describe('after the first run: a satisfied condition reports nothing missing; indexes sorted; two-digit durations', () => {
  it('has, share, sequence and nOf: satisfied → missing []', () => {
    const a = F({ achievementId: A(1), awardedAt: '2025-01-01T00:00:00Z', ects: 5, eqf: 6 });
    const b = F({ achievementId: A(2), awardedAt: '2025-06-01T00:00:00Z', ects: 5, eqf: 6 });
    for (const c of [has({}), { kind: 'share', unit: 'ECTS', where: {}, min: 1 }, { kind: 'sequence', first: { achievementIds: [A(1)] }, then: { achievementIds: [A(2)] } },
      { kind: 'nOf', n: 1, conditions: [has({})] }]) {
      const r = ev(rule(c), [a, b]);
      expect(r.satisfied).toBe(true);
      expect(r.missing).toEqual([]);
    }
  });

  it('a greedy sum that takes a later credential first still reports ascending indexes', () => {
    const r = ev(rule(sum('gte', 6)), [F({ ects: 3 }), F({ ects: 5 })]);
    expect(r.used).toEqual([0, 1]);
    expect(r.detail.used).toEqual([0, 1]);
  });

  it('durations with two-digit years and weeks', () => {
    expect(subtractDuration(NOW, 'P10Y').toISOString()).toBe('2016-11-23T12:00:00.000Z');
    expect(subtractDuration(NOW, 'P10W').toISOString()).toBe('2026-09-14T12:00:00.000Z');
    expect(describeMatch({ maxAge: 'P10Y' })).toBe('awarded within the last 10 years');
    expect(describeMatch({ maxAge: 'P12M' })).toBe('awarded within the last 12 months');
    expect(describeMatch({ maxAge: 'P10W' })).toBe('awarded within the last 10 weeks');
    // what is not an ISO 8601 duration from its start is shown as given
    expect(describeMatch({ maxAge: 'xP1Y' })).toBe('awarded within the last xP1Y');
  });
});

describe('evaluateFacts: totals of the used credentials, per stated unit, never converted', () => {
  it('adds each unit separately, in order of appearance', () => {
    const fs = [F({ ects: 5, hours: 125 }), F({ hours: 40 }), F({ ects: 2 })];
    const r = ev(rule(sum('lte', 100)), fs);
    expect(r.used).toEqual([0, 2]);
    expect(r.totals).toEqual([{ value: 7, unit: 'ECTS' }, { value: 125, unit: 'hours' }]);
    expect(ev(rule(has({ skills: ['none'] })), fs).totals).toEqual([]);
  });

  it('a satisfied rule reports nothing missing and its detail', () => {
    const r = ev(rule(sum('gte', 5)), [F({ ects: 5 })]);
    expect(r).toEqual({ satisfied: true, used: [0], missing: [], totals: [{ value: 5, unit: 'ECTS' }], duplicates: [],
      detail: { path: '$.condition', kind: 'sum', satisfied: true, used: [0], total: { value: 5, unit: 'ECTS' } } });
  });
});

describe('parseStackingRule', () => {
  it('toPath: JSON Pointer (RFC 6901, ~1 = "/", ~0 = "~") to a JSON path', () => {
    expect(toPath('')).toBe('$');
    expect(toPath('/condition/conditions/1/unit')).toBe('$.condition.conditions[1].unit');
    expect(toPath('/x/10')).toBe('$.x[10]');
    expect(toPath('/x/1a')).toBe('$.x.1a');
    expect(toPath('/a~1b/c~0d')).toBe('$.a/b.c~d');
    expect(toPath('/a~1~1b~0~0')).toBe('$.a//b~~');
  });

  it('accepts JSON text or an object and returns a deep copy', () => {
    const input = { ...base, unitConversions: [{ from: 'hours', to: 'ECTS', factor: 0.04 }], condition: { kind: 'all', conditions: [has({ achievementIds: [A(1)] })] } };
    expect(parseStackingRule(JSON.stringify(input))).toEqual(input);
    const copy = parseStackingRule(input);
    expect(copy).toEqual(input);
    (copy.condition as { conditions: Condition[] }).conditions.push({ kind: 'has', match: {} });
    expect(input.condition.conditions).toHaveLength(1);
  });

  it('ERR_RULE_JSON for text that is not JSON, with the parser error as cause', () => {
    const e = thrown(() => parseStackingRule('{not json'));
    expect(e.code).toBe('ERR_RULE_JSON');
    expect(e.message).toBe('the stacking rule is not valid JSON');
    expect(e.details).toEqual({ path: '$' });
    expect(e.cause).toBeInstanceOf(SyntaxError);
  });

  it('ERR_RULE_INVALID for data that is not plain JSON (a function)', () => {
    const e = thrown(() => parseStackingRule({ ...base, condition: has({}), f: () => 1 }));
    expect(e.code).toBe('ERR_RULE_INVALID');
    expect(e.message).toBe('the stacking rule must be plain JSON data');
    expect(e.details).toEqual({ path: '$' });
    expect(e.cause).toBeInstanceOf(Error);
  });

  it('schema errors: the deepest one, as a JSON path with a readable reason, plus the first 10 errors', () => {
    const e1 = thrown(() => parseStackingRule({ name: 'x', condition: has({}) }));
    expect([e1.code, e1.message]).toEqual(['ERR_RULE_INVALID', 'invalid stacking rule at $: missing property "id"']);
    expect(e1.details).toEqual({ path: '$', keyword: 'required', errors: [{ path: '$', message: 'missing property "id"' }] });
    const e2 = thrown(() => rule(has({ achievementId: 'x' } as CredentialMatch)));
    expect(e2.message).toBe('invalid stacking rule at $.condition.match: unknown property "achievementId"');
    expect(e2.details).toEqual({ path: '$.condition.match', keyword: 'additionalProperties', errors: [
      { path: '$.condition.match', message: 'unknown property "achievementId"' }, { path: '$.condition', message: 'must match "then" schema' }] });
    const e3 = thrown(() => rule({ kind: 'all', conditions: [sum('gte', 1), sum('gte', 1, { unit: 'kg' })] }));
    expect(e3.message).toBe('invalid stacking rule at $.condition.conditions[1].unit: must be one of ["ECTS","hours","credits"]');
    expect(e3.details!.path).toBe('$.condition.conditions[1].unit');
    expect(e3.details!.keyword).toBe('enum');
    const e4 = thrown(() => rule(sum('gte', -1)));
    expect(e4.message).toBe('invalid stacking rule at $.condition.value: must be >= 0');
    // a bad unit 8 groups deep: 3 errors at the unit and a "then" failure at each of the 9 enclosing conditions
    let deep: unknown = sum('gte', 1, { unit: 'kg' });
    for (let i = 0; i < 8; i++) deep = { kind: 'any', conditions: [deep] };
    const e5 = thrown(() => rule(deep));
    const at = (n: number) => '$.condition' + '.conditions[0]'.repeat(n);
    expect(e5.details!.path).toBe(`${at(8)}.unit`);
    expect(e5.details!.errors).toEqual([
      { path: `${at(8)}.unit`, message: 'must be one of ["ECTS","hours","credits"]' },
      { path: `${at(8)}.unit`, message: 'must match pattern "^ext:[A-Za-z0-9._-]+$"' },
      { path: `${at(8)}.unit`, message: 'must match a schema in anyOf' },
      ...[8, 7, 6, 5, 4, 3, 2].map((n) => ({ path: at(n), message: 'must match "then" schema' })),
    ]);
  });

  const chain = (levels: number) => {
    let c: unknown = has({});
    for (let i = 1; i < levels; i++) c = { kind: 'all', conditions: [c] };
    return c;
  };

  it(`conditions nest at most ${RULE_LIMITS.maxDepth} levels deep`, () => {
    expect(RULE_LIMITS).toEqual({ maxDepth: 16, maxConditions: 500 });
    expect(() => rule(chain(16))).not.toThrow();
    const e = thrown(() => rule(chain(17)));
    expect(e.code).toBe('ERR_RULE_TOO_DEEP');
    expect(e.message).toBe('conditions nest deeper than 16 levels');
    expect(e.details).toEqual({ path: '$.condition' + '.conditions[0]'.repeat(16) });
  });

  it('at most 500 conditions', () => {
    // root + 5 groups + their members (groups hold at most 100 each)
    const tree = (last: number) => ({ kind: 'all', conditions: [100, 100, 100, 100, last].map((n) => ({ kind: 'any', conditions: Array.from({ length: n }, () => has({})) })) });
    expect(() => rule(tree(94))).not.toThrow();
    const e = thrown(() => rule(tree(95)));
    expect(e.code).toBe('ERR_RULE_TOO_LARGE');
    expect(e.message).toBe('more than 500 conditions');
    expect(e.details).toEqual({ path: '$.condition.conditions[4].conditions[94]' });
  });

  it('the n of an nOf is at most its number of conditions (at any depth)', () => {
    expect(() => rule({ kind: 'nOf', n: 2, conditions: [has({}), has({})] })).not.toThrow();
    const e = thrown(() => rule({ kind: 'any', conditions: [has({}), { kind: 'nOf', n: 3, conditions: [has({}), has({})] }] }));
    expect(e.code).toBe('ERR_RULE_INVALID');
    expect(e.message).toBe('n (3) is larger than the number of conditions (2): the rule can never be met');
    expect(e.details).toEqual({ path: '$.condition.conditions[1].n' });
    expect(thrown(() => rule({ kind: 'nOf', n: 2, conditions: [{ kind: 'all', conditions: [{ kind: 'nOf', n: 2, conditions: [has({})] }] }, has({})] })).details)
      .toEqual({ path: '$.condition.conditions[0].conditions[0].n' });
  });

  it('no unit conversion from a unit to itself', () => {
    const e = thrown(() => rule(has({}), { unitConversions: [{ from: 'hours', to: 'ECTS', factor: 0.04 }, { from: 'credits', to: 'credits', factor: 1 }] }));
    expect(e.code).toBe('ERR_RULE_INVALID');
    expect(e.message).toBe('unit conversion from credits to itself');
    expect(e.details).toEqual({ path: '$.unitConversions[1]' });
  });
});

describe('ruleToCtdl (CTDL ComponentCondition / Constraint, src/stacking/README.md)', () => {
  const ctdl = (condition: unknown, extra: Record<string, unknown> = {}) => ruleToCtdl({ ...base, condition, ...extra });
  const sumCtdl = (comparator: string, value: string, unit = 'ECTS') => [{
    '@type': 'ceterms:Constraint', 'ceterms:leftSource': ['ceterms:creditValue'], 'ceterms:leftAction': 'arrayOperation:Sum',
    'ceterms:comparator': comparator, 'ceterms:rightValue': [value], 'ceterms:unitText': unit,
  }];

  it('parses the rule first', () => {
    expect(thrown(() => ruleToCtdl({ ...base, condition: { kind: 'nope' } })).code).toBe('ERR_RULE_INVALID');
  });

  it('the condition profile: name, description, the awarded achievement', () => {
    expect(ctdl(has({ achievementIds: [A(1)] }), { description: 'D', awards: A(100) }).conditionProfile).toEqual({
      '@type': 'ceterms:ConditionProfile', 'ceterms:name': { en: 'R1' }, 'ceterms:description': { en: 'D' }, 'ceterms:subjectWebpage': A(100) });
    expect(ctdl(has({ achievementIds: [A(1)] })).conditionProfile).toEqual({ '@type': 'ceterms:ConditionProfile', 'ceterms:name': { en: 'R1' } });
  });

  it('all → And with requiredNumber = number of conditions; any → Or, 1; nOf → And, n; labels as names', () => {
    const h = has({ achievementIds: [A(1)] });
    const hC = { '@type': 'ceterms:ComponentCondition', 'ceterms:requiredNumber': 1, 'ceterms:targetComponent': [A(1)] };
    expect(ctdl({ kind: 'all', label: 'Core', conditions: [h, h] }).componentCondition).toEqual({
      '@type': 'ceterms:ComponentCondition', 'ceterms:name': { en: 'Core' }, 'ceterms:logicalOperator': 'logical:And', 'ceterms:requiredNumber': 2, 'ceterms:hasCondition': [hC, hC] });
    expect(ctdl({ kind: 'any', conditions: [h, h, h] }).componentCondition).toEqual({
      '@type': 'ceterms:ComponentCondition', 'ceterms:logicalOperator': 'logical:Or', 'ceterms:requiredNumber': 1, 'ceterms:hasCondition': [hC, hC, hC] });
    expect(ctdl({ kind: 'nOf', n: 2, conditions: [h, h, h] }).componentCondition).toEqual({
      '@type': 'ceterms:ComponentCondition', 'ceterms:logicalOperator': 'logical:And', 'ceterms:requiredNumber': 2, 'ceterms:hasCondition': [hC, hC, hC] });
    expect(ctdl({ kind: 'all', conditions: [h] }).unmapped).toEqual([]);
  });

  it('has → targetComponent and requiredNumber = count; other facets as a description, listed in unmapped', () => {
    expect(ctdl(has({ achievementIds: [A(1), A(2)] }, { count: 2, label: 'Two' }))).toEqual({
      conditionProfile: { '@type': 'ceterms:ConditionProfile', 'ceterms:name': { en: 'R1' } },
      componentCondition: { '@type': 'ceterms:ComponentCondition', 'ceterms:name': { en: 'Two' }, 'ceterms:requiredNumber': 2, 'ceterms:targetComponent': [A(1), A(2)] },
      unmapped: [],
    });
    const mixed = ctdl(has({ achievementIds: [A(1)], minLevel: { framework: 'EQF', level: 6 } }));
    expect(mixed.componentCondition).toEqual({ '@type': 'ceterms:ComponentCondition', 'ceterms:requiredNumber': 1, 'ceterms:targetComponent': [A(1)],
      'ceterms:description': { en: `a credential from ${A(1)}, at EQF 6 or above` } });
    expect(mixed.unmapped).toEqual([{ path: '$.condition.match', reason: 'no CTDL property for: at EQF 6 or above' }]);
    const skills = ctdl(has({ skills: ['x'] }));
    expect(skills.componentCondition).toEqual({ '@type': 'ceterms:ComponentCondition', 'ceterms:requiredNumber': 1, 'ceterms:description': { en: 'a credential with skill x' } });
    expect(skills.unmapped).toEqual([{ path: '$.condition.match', reason: 'no CTDL property for: with skill x' }]);
    const any = ctdl(has({}));
    expect(any.componentCondition).toEqual({ '@type': 'ceterms:ComponentCondition', 'ceterms:requiredNumber': 1, 'ceterms:description': { en: 'a credential' } });
    expect(any.unmapped).toEqual([]);
  });

  it('sum → a Constraint (sum of credit values, comparator, right value, unit)', () => {
    const m = ctdl(sum('gte', 15));
    expect(m.componentCondition).toEqual({ '@type': 'ceterms:ComponentCondition', 'ceterms:description': { en: 'at least 15 ECTS' },
      'ceterms:hasConstraint': sumCtdl('comparator:greaterThanOrEqual', '15') });
    expect(m.unmapped).toEqual([]);
    const cmp = (c: string) => (ctdl(sum(c, 2.5, { unit: 'hours' })).componentCondition as { 'ceterms:hasConstraint': unknown })['ceterms:hasConstraint'];
    expect(cmp('gt')).toEqual(sumCtdl('comparator:greaterThan', '2.5', 'hours'));
    expect(cmp('eq')).toEqual(sumCtdl('comparator:equal', '2.5', 'hours'));
    expect(cmp('lte')).toEqual(sumCtdl('comparator:lessThanOrEqual', '2.5', 'hours'));
    expect(cmp('lt')).toEqual(sumCtdl('comparator:lessThan', '2.5', 'hours'));
    expect((ctdl(sum('lt', 3)).componentCondition as Record<string, unknown>)['ceterms:description']).toEqual({ en: 'lt 3 ECTS' });
  });

  it('sum over achievement ids only maps exactly; other facets are unmapped', () => {
    const ids = ctdl(sum('gte', 15, { label: 'S', match: { achievementIds: [A(1)] } }));
    expect(ids.componentCondition).toEqual({ '@type': 'ceterms:ComponentCondition', 'ceterms:name': { en: 'S' }, 'ceterms:targetComponent': [A(1)],
      'ceterms:description': { en: `at least 15 ECTS from ${A(1)}` }, 'ceterms:hasConstraint': sumCtdl('comparator:greaterThanOrEqual', '15') });
    expect(ids.unmapped).toEqual([]);
    const lvl = ctdl(sum('gte', 15, { match: { achievementIds: [A(1)], minLevel: { framework: 'EQF', level: 6 } } }));
    expect(lvl.unmapped).toEqual([{ path: '$.condition.match', reason: `constraint applies only to credentials from ${A(1)}, at EQF 6 or above` }]);
    expect((lvl.componentCondition as Record<string, unknown>)['ceterms:targetComponent']).toEqual([A(1)]);
    const sk = ctdl(sum('gte', 15, { match: { skills: ['x'] } }));
    expect(sk.unmapped).toEqual([{ path: '$.condition.match', reason: 'constraint applies only to credentials with skill x' }]);
    expect(sk.componentCondition).not.toHaveProperty('ceterms:targetComponent');
    expect((sk.componentCondition as Record<string, unknown>)['ceterms:description']).toEqual({ en: 'at least 15 ECTS with skill x' });
  });

  it('share and sequence have no CTDL equivalent: described in words and listed in unmapped', () => {
    const sh = ctdl({ kind: 'share', label: 'Level', unit: 'ECTS', where: { minLevel: { framework: 'EQF', level: 6 } }, min: 0.75 });
    expect(sh.componentCondition).toEqual({ '@type': 'ceterms:ComponentCondition', 'ceterms:name': { en: 'Level' }, 'ceterms:description': { en: 'at least 75 % of the ECTS at EQF 6 or above' } });
    expect(sh.unmapped).toEqual([{ path: '$.condition', reason: 'CTDL has no share-of-credits constraint' }]);
    const order = 'ordering is expressed on PathwayComponents (ceterms:precedes / ceterms:prerequisite), not in a ComponentCondition';
    const sq = ctdl({ kind: 'sequence', first: { achievementIds: [A(1)] }, then: { achievementIds: [A(2)] } });
    expect(sq.componentCondition).toEqual({ '@type': 'ceterms:ComponentCondition', 'ceterms:description': { en: `a credential from ${A(1)} awarded before a credential from ${A(2)}` } });
    expect(sq.unmapped).toEqual([{ path: '$.condition', reason: order }]);
    const every = ctdl({ kind: 'all', conditions: [has({}), { kind: 'sequence', first: { achievementIds: [A(1)] }, then: { skills: ['x'] }, mode: 'every' }] });
    expect((every.componentCondition as { 'ceterms:hasCondition': unknown[] })['ceterms:hasCondition'][1]).toEqual({ '@type': 'ceterms:ComponentCondition',
      'ceterms:description': { en: `a credential from ${A(1)} awarded before every credential with skill x` } });
    expect(every.unmapped).toEqual([{ path: '$.condition.conditions[1]', reason: order }]);
  });

  it('creditValue: a top-level sum, or the unrestricted gte sums of a top-level all', () => {
    const cv = (m: ReturnType<typeof ruleToCtdl>) => m.conditionProfile['ceterms:creditValue'];
    expect(cv(ctdl(sum('lte', 30, { unit: 'hours' })))).toEqual([{ '@type': 'schema:QuantitativeValue', 'schema:value': 30, 'schema:unitText': 'hours' }]);
    expect(cv(ctdl({ kind: 'all', conditions: [sum('gte', 15), sum('gt', 1), sum('gte', 2, { match: { skills: ['x'] } }), has({}), sum('gte', 40, { unit: 'hours' })] })))
      .toEqual([{ '@type': 'schema:QuantitativeValue', 'schema:value': 15, 'schema:unitText': 'ECTS' }, { '@type': 'schema:QuantitativeValue', 'schema:value': 40, 'schema:unitText': 'hours' }]);
    expect(ctdl({ kind: 'all', conditions: [has({}), sum('lt', 3)] }).conditionProfile).not.toHaveProperty('ceterms:creditValue');
    expect(ctdl({ kind: 'any', conditions: [sum('gte', 15)] }).conditionProfile).not.toHaveProperty('ceterms:creditValue');
  });
});

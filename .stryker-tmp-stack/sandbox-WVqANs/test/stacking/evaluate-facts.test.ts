// @ts-nocheck
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateFacts, extractFacts, parseStackingRule, type Condition, type CredentialFacts, type StackingRule } from '../../src/index.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const A = (n: number) => `https://uni.example/a/${n}`;
let seq = 0;
function fact(p: Partial<CredentialFacts> & { ects?: number; hours?: number; eqf?: number } = {}): CredentialFacts {
  const { ects, hours, eqf, ...rest } = p;
  seq++;
  return {
    id: `urn:uuid:c-${seq}`, achievementId: A(seq), achievementTypes: [], issuer: 'did:example:uni', subject: 'did:example:learner',
    awardedAt: '2026-01-01T00:00:00Z', skills: [], results: [],
    workload: [...(ects !== undefined ? [{ value: ects, unit: 'ECTS' as const }] : []), ...(hours !== undefined ? [{ value: hours, unit: 'hours' as const }] : [])],
    level: eqf !== undefined ? [{ framework: 'EQF', level: eqf }] : [],
    ...rest,
  };
}
const rule = (condition: Condition, extra: Partial<StackingRule> = {}): StackingRule => parseStackingRule({ id: 'https://uni.example/rules/t', name: 'T', condition, ...extra });
const ev = (r: StackingRule, facts: CredentialFacts[], reuse?: boolean) => evaluateFacts(r, facts, { now: NOW, ...(reuse !== undefined ? { allowReuse: reuse } : {}) });

describe('condition kinds', () => {
  it('has: achievement ids, issuers, skills, min level, min result, max age, count', () => {
    const f = fact({ achievementId: A(100), eqf: 6, skills: ['http://esco/s1', 'http://esco/s2'], issuer: 'did:web:uni.example', awardedAt: '2024-01-01T00:00:00Z',
      results: [{ resultDescription: 'urn:rd:1', resultDescriptionName: 'Final grade', value: '27', numeric: 27 }] });
    const ok = (match: any, count?: number) => ev(rule({ kind: 'has', match, ...(count ? { count } : {}) }), [f]).satisfied;
    expect(ok({ achievementIds: [A(100)] })).toBe(true);
    expect(ok({ achievementIds: [A(101)] })).toBe(false);
    expect(ok({ issuers: ['did:web:uni.example'] })).toBe(true);
    expect(ok({ issuers: ['did:web:other.example'] })).toBe(false);
    expect(ok({ skills: ['http://esco/s1', 'http://esco/s2'] })).toBe(true);
    expect(ok({ skills: ['http://esco/s1', 'http://esco/s3'] })).toBe(false);
    expect(ok({ anySkill: ['http://esco/s3', 'http://esco/s2'] })).toBe(true);
    expect(ok({ minLevel: { framework: 'EQF', level: 6 } })).toBe(true);
    expect(ok({ minLevel: { framework: 'EQF', level: 7 } })).toBe(false);
    expect(ok({ result: { resultDescription: 'Final grade', min: 27 } })).toBe(true);
    expect(ok({ result: { resultDescription: 'urn:rd:1', min: 28 } })).toBe(false);
    expect(ok({ maxAge: 'P3Y' })).toBe(true);
    expect(ok({ maxAge: 'P2Y' })).toBe(false);
    expect(ok({ achievementIds: [A(100)] }, 2)).toBe(false);
    const r = ev(rule({ kind: 'has', label: 'the Ethics module', match: { achievementIds: [A(999)] } }), [f]);
    expect(r.missing).toEqual([{ path: '$.condition', kind: 'has', message: 'the Ethics module' }]);
  });

  it('has: rubric level at least', () => {
    const rubric = [{ id: 'urn:l:0', name: 'Insufficient' }, { id: 'urn:l:1', name: 'Sufficient' }, { id: 'urn:l:2', name: 'Good' }];
    const f = fact({ results: [{ resultDescription: 'urn:rd', resultDescriptionName: 'Rubric', achievedLevel: 'urn:l:1', levelRank: 1, rubric }] });
    expect(ev(rule({ kind: 'has', match: { result: { resultDescription: 'Rubric', atLeastLevel: 'Sufficient' } } }), [f]).satisfied).toBe(true);
    expect(ev(rule({ kind: 'has', match: { result: { atLeastLevel: 'Good' } } }), [f]).satisfied).toBe(false);
  });

  it('sum: exact threshold, comparators and a learner-readable shortfall', () => {
    const fs = [fact({ ects: 5, eqf: 6 }), fact({ ects: 5, eqf: 6 }), fact({ ects: 3, eqf: 5 })];
    const sum = (comparator: any, value: number, match?: any) => ev(rule({ kind: 'sum', unit: 'ECTS', comparator, value, ...(match ? { match } : {}) }), fs);
    expect(sum('gte', 13).satisfied).toBe(true);
    expect(sum('gt', 13).satisfied).toBe(false);
    expect(sum('eq', 13).satisfied).toBe(true);
    expect(sum('lte', 13).satisfied).toBe(true);
    expect(sum('lt', 13).satisfied).toBe(false);
    const r = sum('gte', 12, { minLevel: { framework: 'EQF', level: 6 } });
    expect(r.satisfied).toBe(false);
    expect(r.missing[0]).toMatchObject({ kind: 'sum', message: '2 more ECTS at EQF 6 or above', shortfall: { value: 2, unit: 'ECTS' } });
    // floating point: 0.1 + 0.2 reaches 0.3 exactly at the threshold
    expect(ev(rule({ kind: 'sum', unit: 'ECTS', comparator: 'gte', value: 0.3 }), [fact({ ects: 0.1 }), fact({ ects: 0.2 })]).satisfied).toBe(true);
  });

  it('sum: never adds hours to ECTS without an explicit conversion', () => {
    const fs = [fact({ ects: 5 }), fact({ hours: 50 })];
    const r = ev(rule({ kind: 'sum', unit: 'ECTS', comparator: 'gte', value: 7 }), fs);
    expect(r.satisfied).toBe(false);
    expect(r.missing[0]!.message).toBe('2 more ECTS (workload stated in hours is not counted as ECTS: the rule gives no conversion)');
    const conv = rule({ kind: 'sum', unit: 'ECTS', comparator: 'gte', value: 7 }, { unitConversions: [{ from: 'hours', to: 'ECTS', factor: 1 / 25 }] });
    expect(ev(conv, fs).satisfied).toBe(true);
    // a conversion restricted to another issuer does not apply
    const other = rule({ kind: 'sum', unit: 'ECTS', comparator: 'gte', value: 7 }, { unitConversions: [{ from: 'hours', to: 'ECTS', factor: 1 / 25, issuers: ['did:web:x'] }] });
    expect(ev(other, fs).satisfied).toBe(false);
    // a credential stating both units counts with the stated ECTS, not a conversion of its hours
    expect(ev(conv, [fact({ ects: 5, hours: 1000 })]).satisfied).toBe(false);
  });

  it('share: 75 % of ECTS at EQF 6, with the credits still needed', () => {
    const share = rule({ kind: 'share', unit: 'ECTS', where: { minLevel: { framework: 'EQF', level: 6 } }, min: 0.75 });
    expect(ev(share, [fact({ ects: 15, eqf: 6 }), fact({ ects: 5, eqf: 5 })]).satisfied).toBe(true); // exactly 75 %
    const r = ev(share, [fact({ ects: 10, eqf: 6 }), fact({ ects: 5, eqf: 4 })]);
    expect(r.satisfied).toBe(false);
    expect(r.missing[0]!.shortfall).toEqual({ value: 5, unit: 'ECTS' });
    expect(r.missing[0]!.message).toMatch(/^5 more ECTS at EQF 6 or above \(so that at least 75 % of your ECTS are at EQF 6 or above; now 66.67 %\)$/);
    expect(ev(share, []).satisfied).toBe(false);
  });

  it('sequence: A before B (strictly), some and every', () => {
    const a = fact({ achievementId: A(1), awardedAt: '2025-01-01T00:00:00Z' });
    const b1 = fact({ achievementId: A(2), awardedAt: '2025-06-01T00:00:00Z', skills: ['adv'] });
    const b0 = fact({ achievementId: A(3), awardedAt: '2024-06-01T00:00:00Z', skills: ['adv'] });
    const seqRule = (mode?: 'some' | 'every') => rule({ kind: 'sequence', first: { achievementIds: [A(1)] }, then: { skills: ['adv'] }, ...(mode ? { mode } : {}) });
    expect(ev(seqRule(), [a, b1]).satisfied).toBe(true);
    expect(ev(seqRule(), [a, b0]).satisfied).toBe(false);
    expect(ev(seqRule(), [a, b0, b1]).satisfied).toBe(true);
    expect(ev(seqRule('every'), [a, b0, b1]).satisfied).toBe(false);
    expect(ev(seqRule('every'), [a, b1]).satisfied).toBe(true);
    const same = fact({ achievementId: A(4), awardedAt: '2025-01-01T00:00:00Z', skills: ['adv'] });
    expect(ev(seqRule(), [a, same]).satisfied).toBe(false);
  });

  it('all / any / nOf: "any 3 of these 5 modules"', () => {
    const mods = [1, 2, 3, 4, 5];
    const r3 = rule({ kind: 'nOf', n: 3, conditions: mods.map((i) => ({ kind: 'has', label: `Module ${i}`, match: { achievementIds: [A(i)] } })) });
    const fs = [fact({ achievementId: A(2) }), fact({ achievementId: A(5) })];
    const r = ev(r3, fs);
    expect(r.satisfied).toBe(false);
    expect(r.missing[0]!.message).toBe('1 more of: Module 1 | Module 3 | Module 4');
    expect(ev(r3, [...fs, fact({ achievementId: A(4) })]).satisfied).toBe(true);
    const any = rule({ kind: 'any', conditions: [{ kind: 'has', match: { achievementIds: [A(9)] } }, { kind: 'sum', unit: 'ECTS', comparator: 'gte', value: 1 }] });
    const ra = ev(any, []);
    expect(ra.satisfied).toBe(false);
    expect(ra.missing[0]!.alternatives).toHaveLength(2);
    expect(ev(any, [fact({ ects: 1 })]).satisfied).toBe(true);
  });
});

describe('credits count once', () => {
  it('two sums cannot count the same credential unless reuse is allowed', () => {
    const both = fact({ ects: 5, skills: ['ai', 'data'] });
    const r = rule({ kind: 'all', conditions: [
      { kind: 'sum', unit: 'ECTS', comparator: 'gte', value: 5, match: { skills: ['ai'] } },
      { kind: 'sum', unit: 'ECTS', comparator: 'gte', value: 5, match: { skills: ['data'] } },
    ] });
    expect(ev(r, [both]).satisfied).toBe(false);
    expect(ev(r, [both], true).satisfied).toBe(true);
    expect(ev({ ...r, allowReuse: true }, [both]).satisfied).toBe(true);
    // with a second credential the allocation finds a way, whatever the order of the conditions
    const onlyAi = fact({ ects: 5, skills: ['ai'] });
    expect(ev(r, [both, onlyAi]).satisfied).toBe(true);
    expect(ev(r, [onlyAi, both]).satisfied).toBe(true);
  });

  it('duplicates: the same credential twice, and the same achievement twice, count once', () => {
    const f = fact({ ects: 5 });
    const sum10 = rule({ kind: 'sum', unit: 'ECTS', comparator: 'gte', value: 10 });
    const r = ev(sum10, [f, { ...f }]);
    expect(r.satisfied).toBe(false);
    expect(r.duplicates).toEqual([{ index: 1, keptIndex: 0, reason: 'same-id' }]);
    const again = { ...f, id: 'urn:uuid:reissued', awardedAt: '2026-05-01T00:00:00Z' };
    const r2 = ev(sum10, [f, again]);
    expect(r2.satisfied).toBe(false);
    expect(r2.duplicates).toEqual([{ index: 0, keptIndex: 1, reason: 'same-achievement' }]);
    expect(r2.used).toEqual([1]);
  });

  it('totals are per unit and never mixed', () => {
    const r = ev(rule({ kind: 'sum', unit: 'ECTS', comparator: 'gte', value: 6 }, { unitConversions: [{ from: 'hours', to: 'ECTS', factor: 0.04 }] }),
      [fact({ ects: 5 }), fact({ hours: 40 })]);
    expect(r.satisfied).toBe(true);
    expect(r.totals).toEqual([{ value: 5, unit: 'ECTS' }, { value: 40, unit: 'hours' }]);
  });
});

describe('extractFacts on native OB fields', () => {
  it('reads creditsAvailable as unit "credits" and an EQF alignment', () => {
    const f = extractFacts({
      id: 'urn:x', issuer: 'did:web:other.example', validFrom: '2025-01-01T00:00:00Z',
      credentialSubject: { id: 'did:example:l', achievement: { id: 'https://other.example/a', creditsAvailable: 3,
        alignment: [{ targetName: 'EQF 7', targetUrl: 'https://example.org/eqf', targetFramework: 'EQF', targetCode: '7' }, { targetName: 'skill', targetUrl: 'http://esco/s' }] },
        result: [{ value: '85%' }] },
    });
    expect(f).toMatchObject({ id: 'urn:x', issuer: 'did:web:other.example', awardedAt: '2025-01-01T00:00:00Z', workload: [{ value: 3, unit: 'credits' }],
      level: [{ framework: 'EQF', level: 7 }], skills: ['http://esco/s'], results: [{ value: '85%', numeric: 85 }] });
    expect(extractFacts(null)).toEqual({ achievementTypes: [], workload: [], level: [], skills: [], results: [] });
  });
});

// ---- property tests: adding a credential never turns a satisfied all/sum rule unsatisfied ----
// Workload, level and skills belong to the achievement (the same achievement id always carries the same data); a learner's
// credentials differ in achievement and award date.
const SKILLS = ['s1', 's2', 's3'];
const arbAch = fc.record({
  ects: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
  hours: fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }),
  eqf: fc.option(fc.integer({ min: 3, max: 8 }), { nil: undefined }),
  skills: fc.subarray(SKILLS),
});
const arbCatalogue = fc.array(arbAch, { minLength: 8, maxLength: 8 });
const arbAward = fc.record({ ach: fc.integer({ min: 0, max: 7 }), day: fc.integer({ min: 0, max: 2000 }) });
type Ach = { ects?: number | undefined; hours?: number | undefined; eqf?: number | undefined; skills: string[] };
const toFact = (cat: Ach[], x: { ach: number; day: number }, i: number): CredentialFacts => {
  const a = cat[x.ach]!;
  return fact({
    id: `urn:uuid:p-${i}-${x.ach}-${x.day}`, achievementId: A(1000 + x.ach), skills: a.skills,
    awardedAt: new Date(Date.UTC(2020, 0, 1) + x.day * 86400_000).toISOString(),
    ...(a.ects !== undefined ? { ects: a.ects } : {}), ...(a.hours !== undefined ? { hours: a.hours } : {}), ...(a.eqf !== undefined ? { eqf: a.eqf } : {}),
  });
};
const arbMatch = fc.record({
  skills: fc.option(fc.subarray(SKILLS, { minLength: 1, maxLength: 1 }), { nil: undefined }),
  minLevel: fc.option(fc.integer({ min: 4, max: 7 }).map((level) => ({ framework: 'EQF', level })), { nil: undefined }),
}).map((m) => Object.fromEntries(Object.entries(m).filter(([, v]) => v !== undefined)));
const arbSum = fc.record({ kind: fc.constant('sum' as const), unit: fc.constantFrom('ECTS' as const, 'hours' as const), comparator: fc.constantFrom('gte' as const, 'gt' as const), value: fc.integer({ min: 0, max: 30 }), match: arbMatch });
const arbHas = fc.record({ kind: fc.constant('has' as const), match: arbMatch, count: fc.integer({ min: 1, max: 3 }) });
const arbAllSum = fc.record({ kind: fc.constant('all' as const), conditions: fc.array(fc.oneof(arbSum, arbHas), { minLength: 1, maxLength: 4 }) });
// Portfolios and thresholds sized so that the interesting branch (a satisfied rule) is reached in most runs: totals of
// 4–12 awards against thresholds of at most 10, and matches that filter lightly. Each property counts the runs that
// reach its branch and asserts that count, so a generator change that starves the branch fails the test.
const arbAwards = fc.array(arbAward, { minLength: 4, maxLength: 12 });
const arbLightMatch = fc.oneof({ weight: 3, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: arbMatch });
const arbSmallSum = fc.record({ kind: fc.constant('sum' as const), unit: fc.constantFrom('ECTS' as const, 'hours' as const), comparator: fc.constantFrom('gte' as const, 'gt' as const), value: fc.integer({ min: 0, max: 10 }), match: arbLightMatch });
const arbSmallHas = fc.record({ kind: fc.constant('has' as const), match: arbLightMatch, count: fc.integer({ min: 1, max: 3 }) });
const arbReachable = fc.record({ kind: fc.constant('all' as const), conditions: fc.array(fc.oneof(arbSmallSum, arbSmallHas), { minLength: 1, maxLength: 3 }) });
// the catalogue always gives workload in both units, so sums over either unit can be met
const arbFullAch = fc.record({ ects: fc.integer({ min: 1, max: 10 }), hours: fc.integer({ min: 1, max: 200 }), eqf: fc.option(fc.integer({ min: 3, max: 8 }), { nil: undefined }), skills: fc.subarray(SKILLS) });
const arbFullCatalogue = fc.array(arbFullAch, { minLength: 8, maxLength: 8 });

describe('properties (random portfolios)', () => {
  it('adding a credential never turns a satisfied all/sum/has rule unsatisfied', () => {
    let reached = 0;
    fc.assert(fc.property(arbReachable, arbFullCatalogue, arbAwards, arbAward, fc.boolean(), fc.boolean(), (cond, cat, xs, extra, reuse, convert) => {
      const r = rule(cond as Condition, convert ? { unitConversions: [{ from: 'hours', to: 'ECTS', factor: 0.04 }] } : {});
      const facts = xs.map((x, i) => toFact(cat, x, i));
      const before = ev(r, facts, reuse);
      if (!before.satisfied) return true; // nothing to check; counted below so this stays the minority
      reached++;
      const after = ev(r, [...facts, toFact(cat, extra, 99)], reuse);
      return after.satisfied;
    }), { numRuns: 300, seed: 4242 });
    console.info(`[evaluate-facts] monotonicity: satisfied-before branch reached in ${reached}/300 runs`);
    expect(reached).toBeGreaterThanOrEqual(150);
  });

  it('used credentials are always usable ones, and a satisfied rule reports nothing missing', () => {
    const seen = { satisfied: 0, unsatisfied: 0, used: 0 };
    fc.assert(fc.property(fc.oneof(arbAllSum, arbReachable), fc.oneof(arbCatalogue, arbFullCatalogue), fc.array(arbAward, { maxLength: 12 }), (cond, cat, xs) => {
      const r = ev(rule(cond as Condition), xs.map((x, i) => toFact(cat, x, i)));
      const dup = new Set(r.duplicates.map((d) => d.index));
      seen[r.satisfied ? 'satisfied' : 'unsatisfied']++;
      if (r.used.length > 0) seen.used++;
      return r.used.every((i) => i >= 0 && i < xs.length && !dup.has(i)) && (r.satisfied ? r.missing.length === 0 : r.missing.length > 0);
    }), { numRuns: 200, seed: 7 });
    console.info(`[evaluate-facts] used/missing: ${JSON.stringify(seen)} of 200 runs`);
    // both sides of the satisfied/missing equivalence, and non-empty `used` lists, are exercised
    expect(seen.satisfied).toBeGreaterThanOrEqual(50);
    expect(seen.unsatisfied).toBeGreaterThanOrEqual(50);
    expect(seen.used).toBeGreaterThanOrEqual(100);
  });

  it('without reuse, the sums of an all rule never count one credential twice', () => {
    let reached = 0;
    fc.assert(fc.property(fc.array(arbSmallSum, { minLength: 2, maxLength: 3 }), arbFullCatalogue, arbAwards, (sums, cat, xs) => {
      const r = ev(rule({ kind: 'all', conditions: sums } as Condition), xs.map((x, i) => toFact(cat, x, i)), false);
      if (!r.satisfied) return true;
      reached++;
      const seen = new Set<number>();
      for (const child of r.detail.children ?? []) for (const i of child.used) {
        if (seen.has(i)) return false;
        seen.add(i);
      }
      return true;
    }), { numRuns: 200, seed: 99 });
    console.info(`[evaluate-facts] no double counting: satisfied branch reached in ${reached}/200 runs`);
    expect(reached).toBeGreaterThanOrEqual(100);
  });
});

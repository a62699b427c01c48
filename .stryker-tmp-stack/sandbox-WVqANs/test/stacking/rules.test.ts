// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { parseStackingRule, ruleToCtdl, StackingError } from '../../src/index.js';

const base = { id: 'https://uni.example/rules/r1', name: 'R1' };
const err = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(StackingError);
    return { code: (e as StackingError).code, path: (e as StackingError).details?.path };
  }
  throw new Error('did not throw');
};

describe('parseStackingRule', () => {
  it('accepts every condition kind and returns a copy', () => {
    const input = {
      ...base,
      unitConversions: [{ from: 'hours', to: 'ECTS', factor: 0.04 }],
      condition: {
        kind: 'all',
        conditions: [
          { kind: 'has', match: { achievementIds: ['https://uni.example/a/1'], minLevel: { framework: 'EQF', level: 6 }, maxAge: 'P5Y' }, count: 1 },
          { kind: 'any', conditions: [{ kind: 'sum', unit: 'ECTS', comparator: 'gte', value: 15 }] },
          { kind: 'nOf', n: 1, conditions: [{ kind: 'share', unit: 'ECTS', where: { minLevel: { framework: 'EQF', level: 6 } }, min: 0.75 }] },
          { kind: 'sequence', first: { achievementIds: ['https://uni.example/a/1'] }, then: { skills: ['x'] }, mode: 'every' },
        ],
      },
    };
    const rule = parseStackingRule(JSON.stringify(input));
    expect(rule).toEqual(input);
    expect(parseStackingRule(input)).not.toBe(input);
  });

  it('reports bad rules with a code and a JSON path', () => {
    expect(err(() => parseStackingRule({ kind: 'nope' }))).toEqual({ code: 'ERR_RULE_INVALID', path: '$' });
    expect(err(() => parseStackingRule({ ...base, condition: { kind: 'all', conditions: [{ kind: 'sum', unit: 'ECTS', comparator: 'gte', value: 1 }, { kind: 'sum', unit: 'kg', comparator: 'gte', value: 1 }] } })))
      .toEqual({ code: 'ERR_RULE_INVALID', path: '$.condition.conditions[1].unit' });
    expect(err(() => parseStackingRule({ ...base, condition: { kind: 'has', match: { achievementId: 'x' } } })))
      .toEqual({ code: 'ERR_RULE_INVALID', path: '$.condition.match' });
    expect(err(() => parseStackingRule({ ...base, condition: { kind: 'has', match: { maxAge: '5 years' } } })))
      .toEqual({ code: 'ERR_RULE_INVALID', path: '$.condition.match.maxAge' });
    expect(err(() => parseStackingRule({ ...base, condition: { kind: 'nOf', n: 3, conditions: [{ kind: 'has', match: {} }] } })))
      .toEqual({ code: 'ERR_RULE_INVALID', path: '$.condition.n' });
    expect(err(() => parseStackingRule({ ...base, unitConversions: [{ from: 'ECTS', to: 'ECTS', factor: 1 }], condition: { kind: 'has', match: {} } })))
      .toEqual({ code: 'ERR_RULE_INVALID', path: '$.unitConversions[0]' });
    expect(err(() => parseStackingRule('{not json')).code).toBe('ERR_RULE_JSON');
  });

  it('bounds nesting depth', () => {
    let c: any = { kind: 'has', match: {} };
    for (let i = 0; i < 20; i++) c = { kind: 'all', conditions: [c] };
    expect(err(() => parseStackingRule({ ...base, condition: c })).code).toBe('ERR_RULE_TOO_DEEP');
  });
});

describe('ruleToCtdl', () => {
  it('maps n-of, has and sum to ComponentCondition / Constraint and lists what CTDL cannot express', () => {
    const mods = [1, 2, 3, 4, 5].map((i) => `https://uni.example/a/${i}`);
    const m = ruleToCtdl({
      ...base,
      condition: {
        kind: 'all',
        conditions: [
          { kind: 'nOf', n: 3, conditions: mods.map((id) => ({ kind: 'has', match: { achievementIds: [id] } })) },
          { kind: 'sum', unit: 'ECTS', comparator: 'gte', value: 15 },
          { kind: 'share', unit: 'ECTS', where: { minLevel: { framework: 'EQF', level: 6 } }, min: 0.75 },
          { kind: 'sequence', first: { achievementIds: [mods[0]!] }, then: { achievementIds: [mods[1]!] } },
        ],
      },
    });
    const cc = m.componentCondition as any;
    expect(cc['ceterms:logicalOperator']).toBe('logical:And');
    expect(cc['ceterms:hasCondition'][0]['ceterms:requiredNumber']).toBe(3);
    expect(cc['ceterms:hasCondition'][0]['ceterms:hasCondition'][4]['ceterms:targetComponent']).toEqual([mods[4]]);
    expect(cc['ceterms:hasCondition'][1]['ceterms:hasConstraint'][0]).toMatchObject({ 'ceterms:comparator': 'comparator:greaterThanOrEqual', 'ceterms:rightValue': ['15'] });
    expect((m.conditionProfile as any)['ceterms:creditValue'][0]).toMatchObject({ 'schema:value': 15, 'schema:unitText': 'ECTS' });
    expect(m.unmapped.map((u) => u.path)).toEqual(['$.condition.conditions[2]', '$.condition.conditions[3]']);
  });
});

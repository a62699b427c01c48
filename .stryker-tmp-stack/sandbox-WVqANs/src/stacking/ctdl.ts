// @ts-nocheck
import { describeMatch } from './evaluate-facts.js';
import { parseStackingRule } from './rules.js';
import type { Comparator, Condition, StackingRule } from './types.js';

const COMPARATORS: Record<Comparator, string> = {
  gte: 'comparator:greaterThanOrEqual', gt: 'comparator:greaterThan', eq: 'comparator:equal', lte: 'comparator:lessThanOrEqual', lt: 'comparator:lessThan',
};

/**
 * Result of {@link ruleToCtdl}: a CTDL `ceterms:ConditionProfile` for the rule and a `ceterms:ComponentCondition` tree
 * for its condition, plus the parts CTDL cannot express exactly (kept as text in `ceterms:description`).
 * @example
 * ```ts
 * const { conditionProfile, componentCondition, unmapped } = ruleToCtdl(rule);
 * ```
 */
export interface CtdlMapping {
  conditionProfile: Record<string, unknown>;
  componentCondition: Record<string, unknown>;
  unmapped: { path: string; reason: string }[];
}

/**
 * Map a stacking rule to Credential Engine CTDL JSON-LD (a small, documented mapping; see src/stacking/README.md):
 * `all`/`any`/`nOf` → `ceterms:ComponentCondition` with `ceterms:logicalOperator` (logical:And / logical:Or) and
 * `ceterms:requiredNumber`, sub-conditions in `ceterms:hasCondition`; `has` → a ComponentCondition with
 * `ceterms:targetComponent` (the achievement ids) and `requiredNumber` = count; `sum` → a ComponentCondition with
 * `ceterms:hasConstraint` (a `ceterms:Constraint`: leftSource creditValue, leftAction sum, comparator, rightValue, plus
 * the unit); `share`, `sequence` and match facets other than achievement ids (level, skills, results, age) have no
 * exact CTDL equivalent: they are described in words and listed in `unmapped`.
 * @example
 * ```ts
 * ruleToCtdl(rule).componentCondition['ceterms:requiredNumber']; // 3 for "any 3 of these 5 modules"
 * ```
 */
export function ruleToCtdl(rule: StackingRule | unknown): CtdlMapping {
  const r = parseStackingRule(rule);
  const unmapped: CtdlMapping['unmapped'] = [];
  const text = (s: string) => ({ en: s });

  const map = (c: Condition, path: string): Record<string, unknown> => {
    const base: Record<string, unknown> = { '@type': 'ceterms:ComponentCondition' };
    if (c.label) base['ceterms:name'] = text(c.label);
    switch (c.kind) {
      case 'all':
      case 'any':
      case 'nOf':
        return {
          ...base,
          'ceterms:logicalOperator': c.kind === 'any' ? 'logical:Or' : 'logical:And',
          'ceterms:requiredNumber': c.kind === 'all' ? c.conditions.length : c.kind === 'any' ? 1 : c.n,
          'ceterms:hasCondition': c.conditions.map((s, i) => map(s, `${path}.conditions[${i}]`)),
        };
      case 'has': {
        const { achievementIds, ...rest } = c.match;
        const extra = describeMatch(rest);
        if (extra) unmapped.push({ path: `${path}.match`, reason: `no CTDL property for: ${extra}` });
        return {
          ...base,
          'ceterms:requiredNumber': c.count ?? 1,
          ...(achievementIds ? { 'ceterms:targetComponent': achievementIds } : {}),
          ...(extra || !achievementIds ? { 'ceterms:description': text(`a credential ${describeMatch(c.match)}`.trim()) } : {}),
        };
      }
      case 'sum': {
        const extra = describeMatch(c.match);
        if (c.match && !(Object.keys(c.match).length === 1 && c.match.achievementIds)) unmapped.push({ path: `${path}.match`, reason: `constraint applies only to credentials ${extra}` });
        return {
          ...base,
          ...(c.match?.achievementIds ? { 'ceterms:targetComponent': c.match.achievementIds } : {}),
          'ceterms:description': text(`${c.comparator === 'gte' ? 'at least' : c.comparator} ${c.value} ${c.unit}${extra ? ` ${extra}` : ''}`),
          'ceterms:hasConstraint': [{
            '@type': 'ceterms:Constraint',
            'ceterms:leftSource': ['ceterms:creditValue'],
            'ceterms:leftAction': 'arrayOperation:Sum',
            'ceterms:comparator': COMPARATORS[c.comparator],
            'ceterms:rightValue': [String(c.value)],
            'ceterms:unitText': c.unit,
          }],
        };
      }
      case 'share':
        unmapped.push({ path, reason: 'CTDL has no share-of-credits constraint' });
        return { ...base, 'ceterms:description': text(`at least ${c.min * 100} % of the ${c.unit} ${describeMatch(c.where)}`) };
      case 'sequence':
        unmapped.push({ path, reason: 'ordering is expressed on PathwayComponents (ceterms:precedes / ceterms:prerequisite), not in a ComponentCondition' });
        return { ...base, 'ceterms:description': text(`a credential ${describeMatch(c.first)} awarded before ${c.mode === 'every' ? 'every' : 'a'} credential ${describeMatch(c.then)}`) };
    }
  };

  const componentCondition = map(r.condition, '$.condition');
  const conditionProfile: Record<string, unknown> = {
    '@type': 'ceterms:ConditionProfile',
    'ceterms:name': text(r.name),
    ...(r.description ? { 'ceterms:description': text(r.description) } : {}),
    ...(r.awards ? { 'ceterms:subjectWebpage': r.awards } : {}),
  };
  // Top-level ECTS/hours minimum as a credit value of the condition profile.
  const top = r.condition.kind === 'sum' ? [r.condition] : r.condition.kind === 'all' ? r.condition.conditions.filter((c) => c.kind === 'sum' && !c.match && c.comparator === 'gte') : [];
  if (top.length) {
    conditionProfile['ceterms:creditValue'] = top.map((s) => ({ '@type': 'schema:QuantitativeValue', 'schema:value': (s as { value: number }).value, 'schema:unitText': (s as { unit: string }).unit }));
  }
  return { conditionProfile, componentCondition, unmapped };
}

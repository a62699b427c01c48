// @ts-nocheck
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { StackingError } from '../errors.js';
// generated from schemas/stacking-rule.schema.json by scripts/build-schemas.ts (ajv standalone): no run-time compile
import { stackingRule } from '../schema/precompiled/stacking-rule.js';
import type { Condition, StackingRule } from './types.js';

/** The rule schema's validator, precompiled at build time. */
function validate(): ValidateFunction {
  return stackingRule;
}

/** Limits so that a hostile rule cannot make evaluation explode. */
export const RULE_LIMITS = { maxDepth: 16, maxConditions: 500 } as const;

/** An ajv instance path (RFC 6901 JSON Pointer) as a JSON path: `/condition/conditions/1/unit` → `$.condition.conditions[1].unit`. @internal */
export function toPath(instancePath: string): string {
  if (!instancePath) return '$';
  return '$' + instancePath.split('/').slice(1).map((p) => (/^\d+$/.test(p) ? `[${p}]` : `.${p.replace(/~1/g, '/').replace(/~0/g, '~')}`)).join('');
}

/** The most specific error: ajv reports if/then failures at the parent too; prefer the deepest path. */
function pickError(errors: ErrorObject[]): ErrorObject {
  return [...errors].filter((e) => e.keyword !== 'if').sort((a, b) => b.instancePath.length - a.instancePath.length)[0] ?? errors[0]!;
}

function describe(e: ErrorObject): string {
  if (e.keyword === 'additionalProperties') return `unknown property "${String((e.params as { additionalProperty?: string }).additionalProperty)}"`;
  if (e.keyword === 'required') return `missing property "${String((e.params as { missingProperty?: string }).missingProperty)}"`;
  if (e.keyword === 'enum') return `must be one of ${JSON.stringify((e.params as { allowedValues?: unknown }).allowedValues)}`;
  return e.message ?? 'is invalid';
}

function checkTree(c: Condition, path: string, depth: number, count: { n: number }): void {
  count.n += 1;
  if (depth > RULE_LIMITS.maxDepth) throw new StackingError('ERR_RULE_TOO_DEEP', `conditions nest deeper than ${RULE_LIMITS.maxDepth} levels`, { details: { path } });
  if (count.n > RULE_LIMITS.maxConditions) throw new StackingError('ERR_RULE_TOO_LARGE', `more than ${RULE_LIMITS.maxConditions} conditions`, { details: { path } });
  if (c.kind === 'nOf' && c.n > c.conditions.length) {
    throw new StackingError('ERR_RULE_INVALID', `n (${c.n}) is larger than the number of conditions (${c.conditions.length}): the rule can never be met`, { details: { path: `${path}.n` } });
  }
  if (c.kind === 'all' || c.kind === 'any' || c.kind === 'nOf') c.conditions.forEach((s, i) => checkTree(s, `${path}.conditions[${i}]`, depth + 1, count));
}

/**
 * Parse and validate a stacking rule (JSON text or an object) against `schemas/stacking-rule.schema.json` (ajv,
 * precompiled at build time), then check what a schema cannot: nesting depth ≤ 16, ≤ 500 conditions, `n` of an `nOf` ≤ its conditions,
 * conversions not from a unit to itself. Returns a deep copy typed as {@link StackingRule}.
 * @throws StackingError `ERR_RULE_INVALID` (with `details.path`, a JSON path like `$.condition.conditions[1].unit`),
 *   `ERR_RULE_JSON`, `ERR_RULE_TOO_DEEP`, `ERR_RULE_TOO_LARGE`
 * @example
 * ```ts
 * const rule = parseStackingRule({
 *   id: 'https://uni.example/rules/ai-data', name: 'Certificate in AI and Data',
 *   condition: { kind: 'all', conditions: [
 *     { kind: 'has', match: { achievementIds: ['https://uni.example/achievements/ai'] } },
 *     { kind: 'sum', unit: 'ECTS', comparator: 'gte', value: 10 },
 *   ] },
 * });
 * ```
 */
export function parseStackingRule(json: unknown): StackingRule {
  let data = json;
  if (typeof json === 'string') {
    try {
      data = JSON.parse(json);
    } catch (cause) {
      throw new StackingError('ERR_RULE_JSON', 'the stacking rule is not valid JSON', { cause, details: { path: '$' } });
    }
  }
  let copy: unknown;
  try {
    copy = structuredClone(data);
  } catch (cause) {
    throw new StackingError('ERR_RULE_INVALID', 'the stacking rule must be plain JSON data', { cause, details: { path: '$' } });
  }
  const v = validate();
  if (!v(copy)) {
    const e = pickError(v.errors ?? []);
    const path = toPath(e.instancePath);
    throw new StackingError('ERR_RULE_INVALID', `invalid stacking rule at ${path}: ${describe(e)}`, {
      details: { path, keyword: e.keyword, errors: (v.errors ?? []).slice(0, 10).map((x) => ({ path: toPath(x.instancePath), message: describe(x) })) },
    });
  }
  const rule = copy as StackingRule;
  checkTree(rule.condition, '$.condition', 1, { n: 0 });
  (rule.unitConversions ?? []).forEach((c, i) => {
    if (c.from === c.to) throw new StackingError('ERR_RULE_INVALID', `unit conversion from ${c.from} to itself`, { details: { path: `$.unitConversions[${i}]` } });
  });
  return rule;
}

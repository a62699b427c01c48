/**
 * Types of the stacking rule model (mirrors `schemas/stacking-rule.schema.json`) and of evaluation results.
 * @packageDocumentation
 */
// @ts-nocheck


/**
 * A workload unit. `credits` is the unit-less OB `creditsAvailable` / `creditsEarned` of credentials that state no unit;
 * a rule must convert it explicitly. Units are never added to each other without a conversion in the rule.
 * @example `const u: WorkloadUnitName = 'ECTS';`
 */
export type WorkloadUnitName = 'ECTS' | 'hours' | 'credits' | `ext:${string}`;

/**
 * Comparator of a `sum` condition (CTDL `ceterms:comparator`: greaterThanOrEqual, greaterThan, equal, lessThanOrEqual, lessThan).
 * @example `const c: Comparator = 'gte';`
 */
export type Comparator = 'gte' | 'gt' | 'eq' | 'lte' | 'lt';

/**
 * Which credentials match. Every given property must hold; inside a list one entry suffices (except `skills`: all).
 * @example
 * ```ts
 * const m: CredentialMatch = { minLevel: { framework: 'EQF', level: 6 }, maxAge: 'P5Y' };
 * ```
 */
export interface CredentialMatch {
  /** The credential's achievement id is one of these. */
  achievementIds?: string[];
  /** The issuer id or the awarding body (`achievement.creator.id`) is one of these. */
  issuers?: string[];
  /** `achievement.achievementType` is one of these. */
  achievementTypes?: string[];
  /** Aligned to every one of these skills (alignment `targetUrl` or `targetCode`, in the achievement or its learning outcomes). */
  skills?: string[];
  /** Aligned to at least one of these skills. */
  anySkill?: string[];
  /** Level at least this, within the named framework (EQF: QF-EHEA cycles count as their EQF level). */
  minLevel?: { framework: string; level: number };
  /** A result of the learner meets this. */
  result?: ResultMatch;
  /** Awarded no longer ago than this ISO 8601 duration (`P5Y`, `P18M`, `P90D`) before the evaluation's `now`. */
  maxAge?: string;
}

/**
 * A requirement on a learner's result (`credentialSubject.result[]`).
 * @example
 * ```ts
 * const r: ResultMatch = { resultDescription: 'Final grade', min: 24 };
 * ```
 */
export interface ResultMatch {
  /** Id or name of the achievement's ResultDescription; absent = any result. */
  resultDescription?: string;
  /** Numeric value at least this. */
  min?: number;
  /** Value, or achieved rubric level (name or id), is one of these. */
  oneOf?: string[];
  /** Achieved rubric level at least this one (name or id), in the rubric's order (low → high). */
  atLeastLevel?: string;
  /** Result status, e.g. `Completed`. */
  status?: string;
}

/** Common to every condition: an optional human label used in "missing" messages. @example `const b: ConditionBase = { label: 'Foundations module' };` */
export interface ConditionBase {
  label?: string;
}

/** All sub-conditions hold (CTDL ComponentCondition with logicalOperator And). @example `const c: AllCondition = { kind: 'all', conditions: [] };` */
export interface AllCondition extends ConditionBase { kind: 'all'; conditions: Condition[] }
/** At least one sub-condition holds (logicalOperator Or). @example `const c: AnyCondition = { kind: 'any', conditions: [] };` */
export interface AnyCondition extends ConditionBase { kind: 'any'; conditions: Condition[] }
/** At least `n` sub-conditions hold (CTDL `requiredNumber`). @example `const c: NOfCondition = { kind: 'nOf', n: 3, conditions: [] };` */
export interface NOfCondition extends ConditionBase { kind: 'nOf'; n: number; conditions: Condition[] }
/** At least `count` (default 1) distinct credentials match. @example `const c: HasCondition = { kind: 'has', match: { achievementIds: ['https://uni.example/a/ai'] } };` */
export interface HasCondition extends ConditionBase { kind: 'has'; match: CredentialMatch; count?: number }
/**
 * The workload of matching credentials, in `unit`, compared with `value` (CTDL Constraint: leftAction sum, comparator, rightValue).
 * @example `const c: SumCondition = { kind: 'sum', unit: 'ECTS', comparator: 'gte', value: 15 };`
 */
export interface SumCondition extends ConditionBase { kind: 'sum'; match?: CredentialMatch; unit: WorkloadUnitName; comparator: Comparator; value: number }
/**
 * At least `min` (0–1] of the credits of the base (`of`, default every usable credential) come from credentials matching `where`.
 * @example `const c: ShareCondition = { kind: 'share', unit: 'ECTS', where: { minLevel: { framework: 'EQF', level: 6 } }, min: 0.75 };`
 */
export interface ShareCondition extends ConditionBase { kind: 'share'; unit: WorkloadUnitName; of?: CredentialMatch; where: CredentialMatch; min: number }
/**
 * A credential matching `first` was awarded strictly before one (`mode: 'some'`, default) or every (`'every'`) credential matching `then`.
 * @example `const c: SequenceCondition = { kind: 'sequence', first: { achievementIds: [foundations] }, then: { achievementIds: [advanced] } };`
 */
export interface SequenceCondition extends ConditionBase { kind: 'sequence'; first: CredentialMatch; then: CredentialMatch; mode?: 'some' | 'every' }

/**
 * Any condition of a stacking rule.
 * @example
 * ```ts
 * const c: Condition = { kind: 'nOf', n: 3, conditions: modules.map((id) => ({ kind: 'has', match: { achievementIds: [id] } })) };
 * ```
 */
export type Condition = AllCondition | AnyCondition | NOfCondition | HasCondition | SumCondition | ShareCondition | SequenceCondition;

/**
 * An explicit unit conversion: value in `to` = value in `from` × `factor`, optionally only for some issuers / awarding bodies.
 * @example `const c: UnitConversion = { from: 'hours', to: 'ECTS', factor: 1 / 25 };`
 */
export interface UnitConversion {
  from: WorkloadUnitName;
  to: WorkloadUnitName;
  factor: number;
  issuers?: string[];
}

/**
 * A stacking rule: data saying which credentials add up to a larger credential.
 * @example
 * ```ts
 * const rule: StackingRule = parseStackingRule({
 *   id: 'https://uni.example/rules/ai-data', name: 'Certificate in AI and Data',
 *   condition: { kind: 'sum', unit: 'ECTS', comparator: 'gte', value: 10 },
 * });
 * ```
 */
export interface StackingRule {
  id: string;
  type?: 'StackingRule';
  name: string;
  description?: string;
  /** Id of the larger achievement this rule leads to. */
  awards?: string;
  /** Let one credential count toward several `sum` conditions (default false: credits count once). */
  allowReuse?: boolean;
  unitConversions?: UnitConversion[];
  condition: Condition;
}

/**
 * An amount of workload.
 * @example `const q: Quantity = { value: 5, unit: 'ECTS' };`
 */
export interface Quantity {
  value: number;
  unit: WorkloadUnitName;
}

/**
 * One result of the learner, as read from a credential.
 * @example `const r: ResultFact = { resultDescription: 'urn:rd:grade', resultDescriptionName: 'Final grade', value: '28', numeric: 28 };`
 */
export interface ResultFact {
  resultDescription?: string;
  resultDescriptionName?: string;
  value?: string;
  numeric?: number;
  achievedLevel?: string;
  achievedLevelName?: string;
  /** Position of the achieved level in the rubric (0 = lowest), when the rubric is in the credential. */
  levelRank?: number;
  /** Names and ids of the rubric's levels in order, when known. */
  rubric?: { id?: string; name?: string }[];
  status?: string;
}

/**
 * What stacking needs to know about one credential, read by {@link extractFacts}.
 * @example
 * ```ts
 * const f: CredentialFacts = extractFacts(credential);
 * f.workload; // [{ value: 5, unit: 'ECTS' }, { value: 125, unit: 'hours' }]
 * ```
 */
export interface CredentialFacts {
  id?: string;
  achievementId?: string;
  achievementName?: string;
  achievementTypes: string[];
  issuer?: string;
  /** Awarding body (`achievement.creator.id`). */
  creator?: string;
  /** The learner (`credentialSubject.id`). */
  subject?: string;
  /** `awardedDate`, else `validFrom`, else `issuanceDate` (ISO string). */
  awardedAt?: string;
  workload: Quantity[];
  level: { framework: string; level: number | string }[];
  skills: string[];
  results: ResultFact[];
}

/**
 * Something the learner still lacks, in words a learner understands, plus machine-readable parts.
 * @example
 * ```ts
 * const m: MissingItem = { path: '$.condition.conditions[1]', kind: 'sum', message: '2 more ECTS at EQF 6 or above', shortfall: { value: 2, unit: 'ECTS' } };
 * ```
 */
export interface MissingItem {
  /** JSON path of the condition in the rule. */
  path: string;
  kind: Condition['kind'] | 'learner';
  /** Set for `learner`: `ERR_LEARNER_REQUIRED` (the credentials cannot be shown to belong to one learner). */
  code?: string;
  message: string;
  shortfall?: Quantity;
  /** For `any`: the alternatives, each a list of what that branch lacks. */
  alternatives?: MissingItem[][];
}

/**
 * The outcome of one condition.
 * @example
 * ```ts
 * const r: ConditionResult = { path: '$.condition', kind: 'sum', satisfied: true, used: [0, 2], total: { value: 10, unit: 'ECTS' } };
 * ```
 */
export interface ConditionResult {
  path: string;
  kind: Condition['kind'];
  label?: string;
  satisfied: boolean;
  /** Indexes (into the usable facts) of the credentials this condition relied on. */
  used: number[];
  total?: Quantity;
  /** For share: the fraction reached. */
  share?: number;
  children?: ConditionResult[];
}

/**
 * Result of the pure evaluation over facts ({@link evaluateFacts}).
 * @example
 * ```ts
 * const r: FactsEvaluation = evaluateFacts(rule, facts, { now: new Date('2026-01-01T00:00:00Z') });
 * r.satisfied; // boolean
 * ```
 */
export interface FactsEvaluation {
  satisfied: boolean;
  /** Indexes into the facts array, ascending. */
  used: number[];
  missing: MissingItem[];
  /** Workload of the used credentials, per unit as stated (never converted, never mixed). */
  totals: Quantity[];
  /** Facts ignored as duplicates: index → index of the one kept. */
  duplicates: { index: number; keptIndex: number; reason: 'same-id' | 'same-achievement' }[];
  detail: ConditionResult;
}

/**
 * Stacking: machine-readable rules saying which verified micro-credentials add up to a larger credential, their
 * evaluation (eligibility, never an automatic award), issuing of the stacked credential naming its components by id and
 * digest, checking those digests, and a mapping to Credential Engine CTDL. See src/stacking/README.md.
 * @example
 * ```ts
 * import { parseStackingRule, evaluateStack, issueStackedCredential, verifyStackedComponents } from 'credstack';
 * const rule = parseStackingRule(json);
 * const ev = await evaluateStack(rule, credentials, { now });
 * if (ev.satisfied) await issueStackedCredential(rule, ev, { key, achievement, now });
 * ```
 * @packageDocumentation
 */
// @ts-nocheck

export type {
  StackingRule, Condition, AllCondition, AnyCondition, NOfCondition, HasCondition, SumCondition, ShareCondition, SequenceCondition,
  CredentialMatch, ResultMatch, ConditionBase, Comparator, UnitConversion, WorkloadUnitName, Quantity, CredentialFacts, ResultFact,
  MissingItem, ConditionResult, FactsEvaluation,
} from './types.js';
export { parseStackingRule } from './rules.js';
export { extractFacts } from './facts.js';
export { evaluateFacts, type EvaluateFactsOptions } from './evaluate-facts.js';
export { evaluateStack, type EvaluateStackOptions, type StackEvaluation, type UsedCredential, type IgnoredCredential } from './evaluate.js';
export { digestComponent, canonicalComponentBytes, digestMultibaseOf, parseDigestMultibase, type DigestAlgorithm, type DigestOptions } from './digest.js';
export {
  issueStackedCredential, type IssueStackedOptions, type StackedCredentialResult, type RelatedResource, type StackAssociation,
} from './issue-stacked.js';
export { verifyStackedComponents, type ComponentsReport } from './verify-components.js';
export { ruleToCtdl, type CtdlMapping } from './ctdl.js';

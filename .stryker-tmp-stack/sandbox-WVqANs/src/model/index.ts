/**
 * Model: Open Badges 3.0 / CLR 2.0 types, builders (profile, achievement, award, endorsement, identity) and the EU
 * micro-credential check.
 * @example
 * ```ts
 * import { defineProfile, defineAchievement, awardAchievement, checkMicrocredential } from 'credstack';
 * ```
 * @packageDocumentation
 */
// @ts-nocheck

export {
  CREDSTACK_VOCAB, JSON_SCHEMA_VALIDATOR_TYPE,
  OB_ACHIEVEMENT_CREDENTIAL_SCHEMA_URL, OB_ENDORSEMENT_CREDENTIAL_SCHEMA_URL, CLR_CREDENTIAL_SCHEMA_URL, MICROCREDENTIAL_SCHEMA_URL,
  ACHIEVEMENT_TYPES, RESULT_TYPES, RESULT_STATUS_TYPES, ALIGNMENT_TARGET_TYPES, IDENTIFIER_TYPES, CLR_ASSOCIATION_TYPES, ASSESSMENT_TYPES,
  SUPERVISION_TYPES, PARTICIPATION_FORMS, QUALITY_ASSURANCE_TYPES, STACKABILITY_OPTIONS, EXT_VALUE_PATTERN,
  LEARNING_OUTCOME_TARGET_TYPE, WORKLOAD_TARGET_TYPE, QUALITY_ASSURANCE_TARGET_TYPE, ECTS_URL, HOURS_UNIT_URL,
} from './constants.js';
export { extensionTermsUsed, credstackInlineContext, type ExtensionMode, type ExtensionTermUse } from './extension.js';
export type * from './types.js';
export { hashIdentifier, generateSalt, createIdentityObject, matchIdentity, type IdentityInput } from './identity.js';
export { matchesLearner, parseLearnerRef, describeLearner, subjectKey, type LearnerRef } from './learner.js';
export { imageOf } from './image.js';
export { defineProfile, type ProfileInput } from './profile.js';
export { defineAlignment, escoSkill, defineLevel, LEVEL_TARGET_TYPE, type AlignmentInput, type LevelInput, type EheaCycle } from './alignment.js';
export {
  defineAchievement, getWorkload, type AchievementInput, type LearningOutcomeInput, type ResultDescriptionInput, type RubricLevelInput,
} from './achievement.js';
export { awardAchievement, usesCredstackTerms, type AwardInput, type RecipientInput, type ResultInput } from './award.js';
export { defineEndorsement, type EndorsementInput } from './endorsement.js';
export {
  checkMicrocredential, MICROCREDENTIAL_ELEMENTS, type MicrocredentialElement, type ElementStatus, type ElementReport,
  type MicrocredentialReport,
} from './microcredential.js';

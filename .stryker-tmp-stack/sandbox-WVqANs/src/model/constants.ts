/**
 * Stable URLs and enumerations used across the model: JSON-LD contexts, JSON Schema ids and the value sets of
 * Open Badges 3.0 / CLR 2.0 (taken from the 1EdTech data model) and of our EU micro-credential extension.
 */
// @ts-nocheck


// Context URLs have one public name each, in src/jsonld/contexts.ts; re-exported here for the model's own modules.
export { VC_V2_CONTEXT, OB_V3_CONTEXT, CLR_V2_CONTEXT, CREDSTACK_CONTEXT } from '../jsonld/contexts.js';

/**
 * Base IRI of credstack's vocabulary (terms of the extension context expand under it).
 * @example
 * ```ts
 * `${CREDSTACK_VOCAB}workload`; // 'https://w3id.org/credstack/vocab#workload'
 * ```
 */
export const CREDSTACK_VOCAB = 'https://w3id.org/credstack/vocab#';

/**
 * `credentialSchema` type required by Open Badges 3.0 / CLR 2.0 (defined as a term in our extension context, so it is
 * safe-mode clean even without 1EdTech's `extensions.json`).
 * @example
 * ```ts
 * { id: OB_ACHIEVEMENT_CREDENTIAL_SCHEMA_URL, type: JSON_SCHEMA_VALIDATOR_TYPE }
 * ```
 */
export const JSON_SCHEMA_VALIDATOR_TYPE = '1EdTechJsonSchemaValidator2019';

/**
 * 1EdTech's published JSON Schema URL for an OB 3.0 AchievementCredential (listed in `credentialSchema`; validated locally
 * with our own schema written from the data model).
 * @example
 * ```ts
 * credential.credentialSchema[0].id === OB_ACHIEVEMENT_CREDENTIAL_SCHEMA_URL;
 * ```
 */
export const OB_ACHIEVEMENT_CREDENTIAL_SCHEMA_URL =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';

/**
 * 1EdTech's published JSON Schema URL for an OB 3.0 EndorsementCredential.
 * @example
 * ```ts
 * endorsement.credentialSchema = [{ id: OB_ENDORSEMENT_CREDENTIAL_SCHEMA_URL, type: JSON_SCHEMA_VALIDATOR_TYPE }];
 * ```
 */
export const OB_ENDORSEMENT_CREDENTIAL_SCHEMA_URL =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_endorsementcredential_schema.json';

/**
 * 1EdTech's published JSON Schema URL for a CLR 2.0 ClrCredential.
 * @example
 * ```ts
 * clr.credentialSchema = [{ id: CLR_CREDENTIAL_SCHEMA_URL, type: JSON_SCHEMA_VALIDATOR_TYPE }];
 * ```
 */
export const CLR_CREDENTIAL_SCHEMA_URL = 'https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json';

/**
 * `$id` of our JSON Schema for the EU micro-credential extension (file `schemas/microcredential.schema.json`), listed in
 * `credentialSchema` of every credential whose achievement carries extension terms.
 * @example
 * ```ts
 * credential.credentialSchema.some((s) => s.id === MICROCREDENTIAL_SCHEMA_URL);
 * ```
 */
export const MICROCREDENTIAL_SCHEMA_URL = 'https://w3id.org/credstack/schemas/v1/microcredential.schema.json';

/**
 * Achievement types of the OB 3.0 `AchievementType` enumeration (extensible with `ext:` names).
 * @example
 * ```ts
 * ACHIEVEMENT_TYPES.includes('MicroCredential'); // true
 * ```
 */
export const ACHIEVEMENT_TYPES = [
  'Achievement', 'ApprenticeshipCertificate', 'Assessment', 'Assignment', 'AssociateDegree', 'Award', 'Badge', 'BachelorDegree',
  'Certificate', 'CertificateOfCompletion', 'Certification', 'CommunityService', 'Competency', 'Course', 'CoCurricular', 'Degree',
  'Diploma', 'DoctoralDegree', 'Fieldwork', 'GeneralEducationDevelopment', 'JourneymanCertificate', 'LearningProgram', 'License',
  'Membership', 'ProfessionalDoctorate', 'QualityAssuranceCredential', 'MasterCertificate', 'MasterDegree', 'MicroCredential',
  'ResearchDoctorate', 'SecondarySchoolDiploma',
] as const;

/**
 * Result types of the OB 3.0 `ResultType` enumeration (extensible with `ext:` names).
 * @example
 * ```ts
 * RESULT_TYPES.includes('RubricCriterionLevel'); // true
 * ```
 */
export const RESULT_TYPES = [
  'GradePointAverage', 'LetterGrade', 'Percent', 'PerformanceLevel', 'PredictedScore', 'RawScore', 'Result', 'RubricCriterion',
  'RubricCriterionLevel', 'RubricScore', 'ScaledScore', 'Status',
] as const;

/**
 * Values of the OB 3.0 `ResultStatusType` enumeration.
 * @example
 * ```ts
 * RESULT_STATUS_TYPES.includes('Completed'); // true
 * ```
 */
export const RESULT_STATUS_TYPES = ['Completed', 'Enrolled', 'Failed', 'InProgress', 'OnHold', 'Provisional', 'Withdrew'] as const;

/**
 * Values of the OB 3.0 `AlignmentTargetType` enumeration (extensible with `ext:` names, e.g. `ext:ESCOSkill`).
 * @example
 * ```ts
 * ALIGNMENT_TARGET_TYPES.includes('CFItem'); // true
 * ```
 */
export const ALIGNMENT_TARGET_TYPES = [
  'ceasn:Competency', 'ceterms:Credential', 'CFItem', 'CFRubric', 'CFRubricCriterion', 'CFRubricCriterionLevel', 'CTDL',
] as const;

/**
 * Values of the `IdentifierTypeEnum` (1EdTech common data model) used by `IdentityObject.identityType`
 * (extensible with `ext:` names).
 * @example
 * ```ts
 * IDENTIFIER_TYPES.includes('emailAddress'); // true
 * ```
 */
export const IDENTIFIER_TYPES = [
  'name', 'sourcedId', 'systemId', 'productId', 'userName', 'accountId', 'emailAddress', 'nationalIdentityNumber', 'isbn', 'issn',
  'lisSourcedId', 'oneRosterSourcedId', 'sisSourcedId', 'ltiContextId', 'ltiDeploymentId', 'ltiToolId', 'ltiPlatformId',
  'ltiUserId', 'identifier',
] as const;

/**
 * CLR 2.0 `ClrAssociationType` values: how a source achievement relates to a target achievement.
 * @example
 * ```ts
 * CLR_ASSOCIATION_TYPES.includes('isPartOf'); // true
 * ```
 */
export const CLR_ASSOCIATION_TYPES = [
  'exactMatchOf', 'isChildOf', 'isParentOf', 'isPartOf', 'isPeerOf', 'isRelatedTo', 'precedes', 'replacedBy',
] as const;

/**
 * Assessment types of 1EdTech's OB Assessment Extension 2.0 (`AssesmentTypeEnum`), reused by our `assessment` term.
 * @example
 * ```ts
 * ASSESSMENT_TYPES.includes('Exam'); // true
 * ```
 */
export const ASSESSMENT_TYPES = ['Exam', 'Performance', 'Artifact'] as const;

/**
 * Supervision and identity verification during assessment (EU Recommendation 2022/C 243/02, Annex I, optional element).
 * @example
 * ```ts
 * SUPERVISION_TYPES.includes('supervised-onsite-id-check'); // true
 * ```
 */
export const SUPERVISION_TYPES = [
  'unsupervised-no-id-check', 'supervised-no-id-check', 'supervised-online-id-check', 'supervised-onsite-id-check',
] as const;

/**
 * Forms of participation in the learning activity (EU mandatory element 10). Extensible with `ext:` names.
 * @example
 * ```ts
 * PARTICIPATION_FORMS.includes('blended'); // true
 * ```
 */
export const PARTICIPATION_FORMS = ['online', 'onsite', 'blended', 'work-based'] as const;

/**
 * Kinds of quality assurance underpinning a micro-credential (EU mandatory element 11). Extensible with `ext:` names.
 * @example
 * ```ts
 * QUALITY_ASSURANCE_TYPES.includes('external'); // true
 * ```
 */
export const QUALITY_ASSURANCE_TYPES = ['internal', 'external', 'accreditation'] as const;

/**
 * Integration / stackability options (EU optional element).
 * @example
 * ```ts
 * STACKABILITY_OPTIONS.includes('stackable'); // true
 * ```
 */
export const STACKABILITY_OPTIONS = ['stand-alone', 'integrated', 'stackable'] as const;

/**
 * Pattern of an extension enumeration value, as in the OB 3.0 JSON Schemas: `ext:` followed by a name.
 * @example
 * ```ts
 * EXT_VALUE_PATTERN.test('ext:ESCOSkill'); // true
 * ```
 */
export const EXT_VALUE_PATTERN = /^ext:[A-Za-z0-9._-]+$/;

/**
 * Same list as {@link CLR_ASSOCIATION_TYPES} (kept for modules importing it from `src/model/constants.js`; the package root
 * exports portfolio's `ASSOCIATION_TYPES`, which holds the same values).
 * @example
 * ```ts
 * ASSOCIATION_TYPES === CLR_ASSOCIATION_TYPES; // true
 * ```
 */
export const ASSOCIATION_TYPES = CLR_ASSOCIATION_TYPES;

/**
 * `targetType` of the alignments that carry a learning outcome (EU element 6) in standard-first output: `targetName` is
 * the outcome, `targetUrl` its id (default `<achievement id>#learning-outcome-<n>`).
 * @example
 * ```ts
 * achievement.alignment?.filter((a) => a.targetType === LEARNING_OUTCOME_TARGET_TYPE).map((a) => a.targetName);
 * ```
 */
export const LEARNING_OUTCOME_TARGET_TYPE = 'ext:LearningOutcome';

/**
 * `targetType` of the alignments that state the notional workload with its unit (EU element 7): `targetCode` is the amount,
 * `targetFramework` the unit (`ECTS`, `hours` or an `ext:` credit system). `creditsAvailable` repeats the ECTS (or national
 * credit) amount; hours are never turned into credits.
 * @example
 * ```ts
 * { type: ['Alignment'], targetType: WORKLOAD_TARGET_TYPE, targetName: '40 hours', targetCode: '40', targetFramework: 'hours', targetUrl: HOURS_UNIT_URL }
 * ```
 */
export const WORKLOAD_TARGET_TYPE = 'ext:NotionalWorkload';

/**
 * `targetType` of the alignments that carry the quality assurance (EU element 11): `targetName` describes it, `targetCode`
 * is the kind (`internal`, `external`, `accreditation` or `ext:…`), `targetUrl` the QA decision / agency page.
 * @example
 * ```ts
 * achievement.alignment?.find((a) => a.targetType === QUALITY_ASSURANCE_TARGET_TYPE)?.targetCode; // 'external'
 * ```
 */
export const QUALITY_ASSURANCE_TARGET_TYPE = 'ext:QualityAssurance';

/**
 * `targetUrl` of ECTS workload alignments: the European Commission's ECTS page.
 * @example `alignment.targetUrl === ECTS_URL`
 */
export const ECTS_URL = 'https://education.ec.europa.eu/education-levels/higher-education/inclusive-and-connected-higher-education/european-credit-transfer-and-accumulation-system';

/**
 * `targetUrl` of workload alignments in clock hours: the QUDT unit "hour".
 * @example `alignment.targetUrl === HOURS_UNIT_URL`
 */
export const HOURS_UNIT_URL = 'http://qudt.org/vocab/unit/HR';

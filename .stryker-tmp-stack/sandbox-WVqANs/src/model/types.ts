/**
 * TypeScript types for the Open Badges 3.0 and CLR 2.0 data model (1EdTech), plus credstack's EU micro-credential
 * extension terms. Property names and cardinalities follow the specification; `?` marks optional (0..1 / 0..*) fields.
 *
 * @example
 * ```ts
 * import type { OpenBadgeCredential } from 'credstack';
 * const cred: OpenBadgeCredential = awardAchievement({ ... });
 * ```
 * @packageDocumentation
 */
// @ts-nocheck

import type {
  ACHIEVEMENT_TYPES, ALIGNMENT_TARGET_TYPES, ASSESSMENT_TYPES, CLR_ASSOCIATION_TYPES, IDENTIFIER_TYPES, PARTICIPATION_FORMS,
  QUALITY_ASSURANCE_TYPES, RESULT_STATUS_TYPES, RESULT_TYPES, STACKABILITY_OPTIONS, SUPERVISION_TYPES,
} from './constants.js';

/**
 * An extension value of an extensible enumeration: `ext:` + a name.
 * @example
 * ```ts
 * const t: ExtValue = 'ext:ESCOSkill';
 * ```
 */
export type ExtValue = `ext:${string}`;

/**
 * One value or an array of values (JSON-LD lets a single value stand alone).
 * @example
 * ```ts
 * const t: OneOrMany<string> = ['VerifiableCredential', 'OpenBadgeCredential'];
 * ```
 */
export type OneOrMany<T> = T | T[];

/**
 * A language map: BCP 47 language tag → text, e.g. `{ en: 'Data literacy', de: 'Datenkompetenz' }`.
 * @example
 * ```ts
 * const title: LanguageMap = { en: 'Data', it: 'Dati' };
 * ```
 */
export type LanguageMap = Record<string, string>;

/**
 * Text in one language (a string) or in several (a {@link LanguageMap}). Builders put the primary language in the plain OB
 * property (`name`, `description`) and all languages in our `nameMap` / `descriptionMap` terms.
 * @example
 * ```ts
 * const t: LocalizedText = { en: 'Artificial intelligence', de: 'Künstliche Intelligenz' };
 * ```
 */
export type LocalizedText = string | LanguageMap;

/** @example `const t: AchievementType = 'MicroCredential';` */
export type AchievementType = (typeof ACHIEVEMENT_TYPES)[number] | ExtValue;
/** @example `const t: ResultType = 'LetterGrade';` */
export type ResultType = (typeof RESULT_TYPES)[number] | ExtValue;
/** @example `const s: ResultStatusType = 'Completed';` */
export type ResultStatusType = (typeof RESULT_STATUS_TYPES)[number];
/** @example `const t: AlignmentTargetType = 'ext:ESCOSkill';` */
export type AlignmentTargetType = (typeof ALIGNMENT_TARGET_TYPES)[number] | ExtValue;
/** @example `const t: IdentifierType = 'emailAddress';` */
export type IdentifierType = (typeof IDENTIFIER_TYPES)[number] | ExtValue;
/** @example `const t: ClrAssociationType = 'isPartOf';` */
export type ClrAssociationType = (typeof CLR_ASSOCIATION_TYPES)[number];
/** @example `const t: AssessmentType = 'Exam';` */
export type AssessmentType = (typeof ASSESSMENT_TYPES)[number] | ExtValue;
/** @example `const s: SupervisionType = 'supervised-online-id-check';` */
export type SupervisionType = (typeof SUPERVISION_TYPES)[number];
/** @example `const f: ParticipationForm = 'blended';` */
export type ParticipationForm = (typeof PARTICIPATION_FORMS)[number] | ExtValue;
/** @example `const q: QualityAssuranceType = 'external';` */
export type QualityAssuranceType = (typeof QUALITY_ASSURANCE_TYPES)[number] | ExtValue;
/** @example `const o: StackabilityOption = 'stackable';` */
export type StackabilityOption = (typeof STACKABILITY_OPTIONS)[number];

/**
 * OB 3.0 `Image`: an image URI or data URI with an optional caption.
 * @example
 * ```ts
 * const img: Image = { id: 'https://uni.example/badges/ai.png', type: 'Image', caption: 'AI badge' };
 * ```
 */
export interface Image {
  id: string;
  type: 'Image';
  caption?: string;
}

/**
 * OB 3.0 `GeoCoordinates`.
 * @example `const g: GeoCoordinates = { type: 'GeoCoordinates', latitude: 52.52, longitude: 13.4 };`
 */
export interface GeoCoordinates {
  type: 'GeoCoordinates';
  latitude: number;
  longitude: number;
}

/**
 * OB 3.0 `Address` (1EdTech CDM). `addressCountryCode` is ISO 3166-1 alpha-2 and carries the EU "country of the issuer".
 * @example
 * ```ts
 * const a: Address = { type: ['Address'], addressCountryCode: 'IT', addressLocality: 'Bologna' };
 * ```
 */
export interface Address {
  type: OneOrMany<string>;
  addressCountry?: string;
  addressCountryCode?: string;
  addressRegion?: string;
  addressLocality?: string;
  streetAddress?: string;
  postOfficeBoxNumber?: string;
  postalCode?: string;
  geo?: GeoCoordinates;
}

/**
 * OB 3.0 `IdentifierEntry` (an identifier of an organisation or achievement, e.g. an Erasmus code).
 * @example `const e: IdentifierEntry = { type: 'IdentifierEntry', identifier: 'I BOLOGNA01', identifierType: 'ext:ErasmusCode' };`
 */
export interface IdentifierEntry {
  type: 'IdentifierEntry';
  identifier: string;
  identifierType: IdentifierType;
}

/**
 * OB 3.0 `Profile`: an issuer, awarding body (`creator`), endorser or recipient.
 * @example
 * ```ts
 * const p: Profile = { id: 'did:key:z6Mk…', type: ['Profile'], name: 'Università di Bologna' };
 * ```
 */
export interface Profile {
  id: string;
  type: OneOrMany<string>;
  name?: string;
  url?: string;
  phone?: string;
  description?: string;
  endorsement?: EndorsementCredential[];
  endorsementJwt?: string[];
  image?: Image;
  email?: string;
  address?: Address;
  otherIdentifier?: IdentifierEntry[];
  official?: string;
  parentOrg?: Profile;
  givenName?: string;
  familyName?: string;
  familyNamePrefix?: string;
  additionalName?: string;
  patronymicName?: string;
  honorificPrefix?: string;
  honorificSuffix?: string;
  dateOfBirth?: string;
  /** credstack extension: the profile's name in several languages. */
  nameMap?: LanguageMap;
  /** credstack extension: the profile's description in several languages. */
  descriptionMap?: LanguageMap;
  /** credstack extension: fields of the ELM `Organisation` with no OB home (see {@link ElmAdditional}). */
  elmAdditional?: ElmAdditional;
}

/**
 * credstack extension term `elmAdditional` (JSON-LD `@type: @json`): the fields of a European Learning Model node that
 * have no Open Badges home, kept by `fromElm` on the OB node that node maps to and written back by `toElm`. Keys are ELM
 * terms and values ELM values as compacted with the fixed context pair `[VC 1.1, edc-ap]` (the spelling `fromElm` reads
 * with); `learningOutcome` / `provenBy` hold, by position, the extra fields of the learning outcomes / assessments.
 * @example
 * ```ts
 * const extra: ElmAdditional = { maximumDuration: 'P1M', isPartialQualification: false,
 *   thematicArea: [{ id: 'http://data.europa.eu/snb/isced-f/0688', type: 'Concept' }] };
 * ```
 */
export type ElmAdditional = Record<string, unknown>;

/**
 * OB 3.0 `Alignment`: a link from an achievement, result description, rubric level or learning outcome to a node of a
 * framework (ESCO skill, EQF level, CASE item…). `targetName` and `targetUrl` are required.
 * @example
 * ```ts
 * const a: Alignment = { type: ['Alignment'], targetName: 'EQF level 6', targetUrl: 'http://data.europa.eu/snb/eqf/6',
 *   targetFramework: 'European Qualifications Framework', targetCode: '6' };
 * ```
 */
export interface Alignment {
  type: OneOrMany<string>;
  targetName: string;
  targetUrl: string;
  targetCode?: string;
  targetDescription?: string;
  targetFramework?: string;
  targetType?: AlignmentTargetType;
}

/**
 * OB 3.0 `Criteria`: a URL and/or a Markdown narrative of what earns the achievement.
 * @example `const c: Criteria = { narrative: 'Pass the written exam with at least 60%.' };`
 */
export interface Criteria {
  id?: string;
  narrative?: string;
}

/**
 * OB 3.0 `RubricCriterionLevel`: one level of a rubric (ordered low → high in its ResultDescription).
 * @example
 * ```ts
 * const l: RubricCriterionLevel = { id: 'urn:…:mastered', type: ['RubricCriterionLevel'], name: 'Mastered', points: '3' };
 * ```
 */
export interface RubricCriterionLevel {
  id: string;
  type: OneOrMany<string>;
  name: string;
  description?: string;
  level?: string;
  points?: string;
  alignment?: Alignment[];
}

/**
 * OB 3.0 `ResultDescription`: a possible result (grade scale, rubric, status) an award may assert.
 * @example
 * ```ts
 * const rd: ResultDescription = { id: 'urn:…:grade', type: ['ResultDescription'], name: 'Grade', resultType: 'LetterGrade',
 *   allowedValue: ['D', 'C', 'B', 'A'], requiredValue: 'C' };
 * ```
 */
export interface ResultDescription {
  id: string;
  type: OneOrMany<string>;
  name: string;
  resultType: ResultType;
  alignment?: Alignment[];
  allowedValue?: string[];
  requiredLevel?: string;
  requiredValue?: string;
  rubricCriterionLevel?: RubricCriterionLevel[];
  valueMax?: string;
  valueMin?: string;
  /** 1EdTech Assessment Extension 2.0 (when `type` includes `AssessmentResultDescription`). */
  description?: string;
  assessmentType?: AssessmentType;
  assessmentOutput?: string;
  evaluationMethod?: string;
  hasGroupParticipation?: boolean;
  hasGroupEvaluation?: boolean;
  /** credstack term (no standard home): supervision and identity verification during this assessment. */
  supervision?: SupervisionType;
}

/**
 * OB 3.0 `Result`: a result the learner achieved, linked to a ResultDescription of the achievement by id.
 * @example
 * ```ts
 * const r: Result = { type: ['Result'], resultDescription: 'urn:…:grade', value: 'A' };
 * ```
 */
export interface Result {
  type: OneOrMany<string>;
  achievedLevel?: string;
  alignment?: Alignment[];
  resultDescription?: string;
  status?: ResultStatusType;
  value?: string;
}

/**
 * OB 3.0 `Related`: another edition (language, version) of the same achievement.
 * @example `const r: Related = { id: 'https://uni.example/achievements/ai-de', type: ['Related'], inLanguage: 'de' };`
 */
export interface Related {
  id: string;
  type: OneOrMany<string>;
  inLanguage?: string;
  version?: string;
}

/**
 * OB 3.0 `Evidence`: what the learner did to earn the achievement.
 * @example
 * ```ts
 * const e: Evidence = { type: ['Evidence'], id: 'https://lms.example/submissions/1', name: 'Final essay', genre: 'Essay' };
 * ```
 */
export interface Evidence {
  id?: string;
  type: OneOrMany<string>;
  narrative?: string;
  name?: string;
  description?: string;
  genre?: string;
  audience?: string;
}

/**
 * OB 3.0 `IdentityObject`: a (hashed) identifier of the recipient, e.g. an email or student id.
 * `identityHash` is `sha256$<hex>` of the UTF-8 identifier followed by the salt when `hashed` is true.
 * @example
 * ```ts
 * const id: IdentityObject = { type: 'IdentityObject', hashed: true, identityType: 'emailAddress',
 *   identityHash: 'sha256$658625b2…', salt: 'FleurDeSel' };
 * ```
 */
export interface IdentityObject {
  type: 'IdentityObject';
  hashed: boolean;
  identityHash: string;
  identityType: IdentifierType;
  salt?: string;
}

// ---- credstack EU micro-credential extension (context https://w3id.org/credstack/v1) ----

/**
 * A learning outcome (EU element 6): what the learner knows or can do, optionally aligned to skills (ESCO, national
 * frameworks). Extension term `learningOutcomes` on the Achievement.
 * @example
 * ```ts
 * const lo: LearningOutcome = { type: 'LearningOutcome', description: 'Explain automation bias.',
 *   alignment: [{ type: ['Alignment'], targetName: 'artificial intelligence', targetUrl: 'http://data.europa.eu/esco/skill/…', targetFramework: 'ESCO' }] };
 * ```
 */
export interface LearningOutcome {
  id?: string;
  type: 'LearningOutcome';
  description: string;
  descriptionMap?: LanguageMap;
  name?: string;
  alignment?: Alignment[];
}

/**
 * Workload unit: ECTS credits, clock hours, or a named national credit system (`ext:NCrF`).
 * @example `const u: WorkloadUnit = 'ECTS';`
 */
export type WorkloadUnit = 'ECTS' | 'hours' | ExtValue;

/**
 * Notional workload (EU element 7) with its unit. Extension term `workload` (a set: ECTS and hours may both be given).
 * @example `const w: Workload = { value: 5, unit: 'ECTS' };`
 */
export interface Workload {
  value: number;
  unit: WorkloadUnit;
}

/**
 * A qualification-framework level (EU element 8): EQF 1–8, QF-EHEA cycle, or a national framework (NQF, BNQF, NSQF, VQF…).
 * Extension term `qualificationLevel`; builders also add a matching OB `alignment`.
 * @example `const l: QualificationLevel = { framework: 'EQF', level: '6', levelUrl: 'http://data.europa.eu/snb/eqf/6' };`
 */
export interface QualificationLevel {
  framework: string;
  level: string;
  cycle?: string;
  levelUrl?: string;
}

/**
 * How learning is assessed (EU element 9, plus optional supervision / identity verification). Extension term `assessment`;
 * `assessmentType`, `assessmentOutput`, `evaluationMethod`, `hasGroupParticipation`, `hasGroupEvaluation` reuse the IRIs of
 * 1EdTech's OB Assessment Extension 2.0.
 * @example
 * ```ts
 * const a: Assessment = { assessmentType: 'Exam', description: 'Written exam, 90 minutes', supervision: 'supervised-onsite-id-check' };
 * ```
 */
export interface Assessment {
  /** Display name of the assessment (default: "<assessmentType> assessment"). */
  name?: string;
  assessmentType: AssessmentType;
  description: string;
  assessmentOutput?: string;
  evaluationMethod?: string;
  hasGroupParticipation?: boolean;
  hasGroupEvaluation?: boolean;
  supervision?: SupervisionType;
}

/**
 * Quality assurance underpinning the micro-credential (EU element 11). Extension term `qualityAssurance`.
 * @example
 * ```ts
 * const q: QualityAssurance = { assuranceType: 'external', description: 'Programme accredited by ANVUR', assuranceUrl: 'https://…' };
 * ```
 */
export interface QualityAssurance {
  assuranceType: QualityAssuranceType;
  description: string;
  assuranceUrl?: string;
}

/**
 * Integration / stackability options (EU optional element). Extension term `stackability`.
 * @example `const s: Stackability = { option: 'stackable', towards: ['https://uni.example/programmes/msc-ds'] };`
 */
export interface Stackability {
  option: StackabilityOption;
  towards?: string[];
  description?: string;
}

/**
 * The credstack extension terms an Achievement may carry (all optional in the type; `checkMicrocredential` reports which
 * EU elements are present).
 * @example
 * ```ts
 * const ext: MicrocredentialExtension = { workload: [{ value: 40, unit: 'hours' }], formOfParticipation: ['online'] };
 * ```
 */
export interface MicrocredentialExtension {
  nameMap?: LanguageMap;
  descriptionMap?: LanguageMap;
  learningOutcomes?: LearningOutcome[];
  workload?: Workload[];
  qualificationLevel?: QualificationLevel[];
  assessment?: Assessment[];
  formOfParticipation?: ParticipationForm[];
  qualityAssurance?: QualityAssurance[];
  prerequisites?: string;
  stackability?: Stackability;
  furtherInformation?: string;
  jointAwardingBody?: Profile[];
  /** Fields of the ELM `Qualification` with no OB home (see {@link ElmAdditional}). */
  elmAdditional?: ElmAdditional;
}

/**
 * OB 3.0 `Achievement` (the definition of what is recognised) with credstack extension terms.
 * @example
 * ```ts
 * const a: Achievement = defineAchievement({ id: 'https://uni.example/achievements/ai', name: 'AI', description: '…', criteria: '…' });
 * ```
 */
export interface Achievement extends MicrocredentialExtension {
  id: string;
  type: OneOrMany<string>;
  name: string;
  description: string;
  criteria: Criteria;
  achievementType?: AchievementType;
  alignment?: Alignment[];
  creator?: Profile;
  creditsAvailable?: number;
  endorsement?: EndorsementCredential[];
  endorsementJwt?: string[];
  fieldOfStudy?: string;
  humanCode?: string;
  image?: Image;
  inLanguage?: string;
  otherIdentifier?: IdentifierEntry[];
  related?: Related[];
  resultDescription?: ResultDescription[];
  specialization?: string;
  tag?: string[];
  version?: string;
}

/**
 * OB 3.0 `AchievementSubject`: the learner and what they achieved. Either `id` or at least one `identifier` is required.
 * @example
 * ```ts
 * const s: AchievementSubject = { type: ['AchievementSubject'], id: 'did:key:z6Mk…', achievement };
 * ```
 */
export interface AchievementSubject {
  id?: string;
  type: OneOrMany<string>;
  achievement: Achievement;
  activityEndDate?: string;
  activityStartDate?: string;
  creditsEarned?: number;
  identifier?: IdentityObject[];
  image?: Image;
  licenseNumber?: string;
  narrative?: string;
  result?: Result[];
  role?: string;
  source?: Profile;
  term?: string;
  /** credstack extension: fields of the ELM claim (`LearningAchievement`) with no OB home (see {@link ElmAdditional}). */
  elmAdditional?: ElmAdditional;
}

/**
 * VC 2.0 `credentialSchema` entry.
 * @example `const s: CredentialSchema = { id: OB_ACHIEVEMENT_CREDENTIAL_SCHEMA_URL, type: '1EdTechJsonSchemaValidator2019' };`
 */
export interface CredentialSchema {
  id: string;
  type: string;
}

/**
 * VC 2.0 `credentialStatus` entry (e.g. a `BitstringStatusListEntry`).
 * @example
 * ```ts
 * const st: CredentialStatus = { id: 'https://uni.example/status/1#42', type: 'BitstringStatusListEntry',
 *   statusPurpose: 'revocation', statusListIndex: '42', statusListCredential: 'https://uni.example/status/1' };
 * ```
 */
export interface CredentialStatus {
  id?: string;
  type: string;
  [key: string]: unknown;
}

/**
 * A Data Integrity proof (or any embedded proof) as found on signed credentials.
 * @example `const p: Proof = { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod' };`
 */
export interface Proof {
  type: string;
  cryptosuite?: string;
  created?: string;
  verificationMethod?: string;
  proofPurpose?: string;
  proofValue?: string;
  [key: string]: unknown;
}

/**
 * Fields common to every VC 2.0 credential credstack builds.
 * @example
 * ```ts
 * const base: VerifiableCredentialBase = { '@context': [VC_V2_CONTEXT], type: ['VerifiableCredential'], issuer: 'did:key:…', validFrom: '2025-01-01T00:00:00Z', credentialSubject: {} };
 * ```
 */
export interface VerifiableCredentialBase {
  '@context': (string | Record<string, unknown>)[];
  id?: string;
  type: string[];
  issuer: string | Profile;
  validFrom: string;
  validUntil?: string;
  name?: string;
  description?: string;
  image?: Image;
  credentialSchema?: CredentialSchema[];
  credentialStatus?: OneOrMany<CredentialStatus>;
  termsOfUse?: OneOrMany<Record<string, unknown>>;
  refreshService?: Record<string, unknown>;
  proof?: OneOrMany<Proof>;
  credentialSubject: unknown;
}

/**
 * OB 3.0 `AchievementCredential` / `OpenBadgeCredential` (the two type names are synonyms).
 * @example
 * ```ts
 * const cred: OpenBadgeCredential = awardAchievement({ issuer, achievement, recipient: { id: 'did:key:z6Mk…' }, validFrom: '2025-06-30T00:00:00Z' });
 * ```
 */
export interface OpenBadgeCredential extends VerifiableCredentialBase {
  id: string;
  issuer: Profile;
  credentialSubject: AchievementSubject;
  awardedDate?: string;
  endorsement?: EndorsementCredential[];
  endorsementJwt?: string[];
  evidence?: Evidence[];
  /** credstack extension: fields of the `EuropeanDigitalCredential` with no OB home (see {@link ElmAdditional}). */
  elmAdditional?: ElmAdditional;
}

/**
 * Synonym of {@link OpenBadgeCredential} (`AchievementCredential` in the OB 3.0 / CLR 2.0 data model).
 * @example `const c: AchievementCredential = cred;`
 */
export type AchievementCredential = OpenBadgeCredential;

/**
 * OB 3.0 `EndorsementSubject`: the endorsed entity (credential, achievement or profile) by id, with a comment.
 * @example `const s: EndorsementSubject = { id: 'https://uni.example/achievements/ai', type: ['EndorsementSubject'], endorsementComment: 'Meets our QA standards.' };`
 */
export interface EndorsementSubject {
  id: string;
  type: OneOrMany<string>;
  endorsementComment?: string;
}

/**
 * OB 3.0 `EndorsementCredential`.
 * @example
 * ```ts
 * const e: EndorsementCredential = defineEndorsement({ issuer, subjectId: achievement.id, comment: 'Recognised by our faculty.', validFrom: '2025-01-01T00:00:00Z' });
 * ```
 */
export interface EndorsementCredential extends VerifiableCredentialBase {
  id: string;
  name: string;
  issuer: Profile;
  credentialSubject: EndorsementSubject;
  awardedDate?: string;
}

/**
 * CLR 2.0 `Association`: a semantic link between two achievements (by id).
 * @example `const a: Association = { type: 'Association', associationType: 'isPartOf', sourceId: mc1.id, targetId: programme.id };`
 */
export interface Association {
  type: 'Association';
  associationType: ClrAssociationType;
  sourceId: string;
  targetId: string;
}

/**
 * CLR 2.0 `ClrSubject`: the learner, the credentials bundled, the achievements and their associations.
 * @example `const s: ClrSubject = { type: ['ClrSubject'], id: 'did:key:…', verifiableCredential: [cred1, cred2] };`
 */
export interface ClrSubject {
  id?: string;
  type: OneOrMany<string>;
  identifier?: IdentityObject[];
  name?: string;
  description?: string;
  achievement?: Achievement[];
  verifiableCredential: (OpenBadgeCredential | Record<string, unknown>)[];
  association?: Association[];
}

/**
 * CLR 2.0 `ClrCredential`: a signed bundle of an individual's achievement credentials.
 * @example
 * ```ts
 * const clr: ClrCredential = { '@context': [VC_V2_CONTEXT, CLR_V2_CONTEXT, OB_V3_CONTEXT], id: 'urn:uuid:…',
 *   type: ['VerifiableCredential', 'ClrCredential'], issuer, name: 'Transcript', validFrom: '…', credentialSubject: subject };
 * ```
 */
export interface ClrCredential extends VerifiableCredentialBase {
  id: string;
  name: string;
  issuer: Profile;
  credentialSubject: ClrSubject;
  partial?: boolean;
  awardedDate?: string;
  endorsement?: EndorsementCredential[];
  endorsementJwt?: string[];
}

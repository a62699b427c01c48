// @ts-nocheck
import { OB_ASSESSMENT_CONTEXT, OB_EXTENSIONS_CONTEXT } from '../jsonld/contexts.js';
import {
  CREDSTACK_CONTEXT, JSON_SCHEMA_VALIDATOR_TYPE, MICROCREDENTIAL_SCHEMA_URL, OB_ACHIEVEMENT_CREDENTIAL_SCHEMA_URL,
  OB_V3_CONTEXT, RESULT_STATUS_TYPES, VC_V2_CONTEXT,
} from './constants.js';
import { createIdentityObject } from './identity.js';
import { imageOf } from './image.js';
import type {
  Achievement, AchievementSubject, CredentialSchema, CredentialStatus, EndorsementCredential, Evidence, IdentityObject, Image,
  LocalizedText, OpenBadgeCredential, Profile, Result, ResultStatusType,
} from './types.js';
import {
  compact, fail, isPlainObject, isUri, newUrnUuid, optionalString, requireEnum, requireString, requireUri, resolveText,
  toDateOrDateTime, toDateTime,
} from './util.js';

/**
 * Who receives the award: a DID / URI (`id`), and/or identifiers hashed into OB 3.0 `IdentityObject`s
 * (`email`, `studentId`, or ready-made `identifier`s). At least one is required.
 * @example
 * ```ts
 * const r1: RecipientInput = { id: 'did:key:z6Mk…' };
 * const r2: RecipientInput = { email: 'ada@uni.example', studentId: 'S1234567', salt: 'per-learner-random-salt' };
 * ```
 */
export interface RecipientInput {
  id?: string;
  /** Hashed as an `emailAddress` IdentityObject. */
  email?: string;
  /** Hashed as an `sisSourcedId` IdentityObject (the student id of the institution's student information system). */
  studentId?: string;
  /** Salt for `email` / `studentId` hashes; default: a fresh random salt for each identifier. */
  salt?: string;
  /** Additional ready-made IdentityObjects (see createIdentityObject). */
  identifier?: IdentityObject[];
}

/**
 * A result the learner achieved. `resultDescription` names one of the achievement's result descriptions by id or name;
 * `value` is checked against its allowed values / range, `achievedLevel` (rubric level name or id) against its rubric.
 * @example
 * ```ts
 * const results: ResultInput[] = [{ resultDescription: 'Final grade', value: 'A' }, { resultDescription: 'Project rubric', achievedLevel: 'Exemplary' }];
 * ```
 */
export interface ResultInput {
  resultDescription?: string;
  value?: string | number;
  achievedLevel?: string;
  status?: ResultStatusType;
}

/**
 * Input of {@link awardAchievement}.
 * @example
 * ```ts
 * const input: AwardInput = { issuer, achievement, recipient: { id: learnerDid }, validFrom: '2025-06-30T00:00:00Z' };
 * ```
 */
export interface AwardInput {
  /** The issuing Profile; its id must be the controller (DID) of the key that will sign. */
  issuer: Profile;
  achievement: Achievement;
  recipient: RecipientInput;
  /** Credential id; default a fresh `urn:uuid:`. */
  id?: string;
  /** Date of issuing (EU element 5); default `now`. */
  validFrom?: string | Date;
  /** Original award date; default = validFrom. */
  awardedDate?: string | Date;
  validUntil?: string | Date;
  /** Clock for defaults (tests pin it). */
  now?: Date;
  /** Display name of the credential; default the achievement's name. */
  name?: LocalizedText;
  description?: string;
  image?: string | Image;
  results?: ResultInput[];
  evidence?: (Omit<Evidence, 'type'> & { type?: Evidence['type'] })[];
  activityStartDate?: string | Date;
  activityEndDate?: string | Date;
  creditsEarned?: number;
  narrative?: string;
  role?: string;
  term?: string;
  licenseNumber?: string;
  /** Who assessed on behalf of the issuer. */
  source?: Profile;
  credentialStatus?: CredentialStatus | CredentialStatus[];
  endorsement?: EndorsementCredential[];
  /** List `credentialSchema` entries (1EdTech's OB schema + ours for the EU extension). Default true. */
  credentialSchema?: boolean;
}

const CREDSTACK_TERMS = new Set([
  'nameMap', 'descriptionMap', 'learningOutcomes', 'workload', 'qualificationLevel', 'assessment', 'formOfParticipation',
  'qualityAssurance', 'prerequisites', 'stackability', 'furtherInformation', 'jointAwardingBody', 'supervision',
  'elmAdditional',
]);

/** Does any result description use the 1EdTech Assessment Extension (type AssessmentResultDescription)? */
function usesAssessmentExtension(achievement: unknown): boolean {
  if (!isPlainObject(achievement) || !Array.isArray(achievement.resultDescription)) return false;
  return achievement.resultDescription.some((rd) => isPlainObject(rd) && Array.isArray(rd.type) && rd.type.includes('AssessmentResultDescription'));
}

/**
 * Does a JSON value use any term defined only by credstack's extension context (so the context must be listed)?
 * @example
 * ```ts
 * usesCredstackTerms({ credentialSubject: { achievement: { workload: [{ value: 5, unit: 'ECTS' }] } } }); // true
 * ```
 */
export function usesCredstackTerms(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(usesCredstackTerms);
  if (!isPlainObject(value)) return false;
  for (const [k, v] of Object.entries(value)) {
    if (CREDSTACK_TERMS.has(k)) return true;
    if (k !== '@context' && typeof v === 'object' && usesCredstackTerms(v)) return true;
  }
  return false;
}

function resultOf(input: ResultInput, achievement: Achievement, path: string): Result {
  if (!isPlainObject(input)) fail(path, 'expected { resultDescription?, value?, achievedLevel?, status? }', 'Result');
  const result: Result = { type: ['Result'] };
  const rds = achievement.resultDescription ?? [];
  let rd;
  if (input.resultDescription !== undefined) {
    rd = rds.find((d) => d.id === input.resultDescription || d.name === input.resultDescription);
    if (!rd) {
      fail(`${path}.resultDescription`, `"${String(input.resultDescription)}" is not a result description of the achievement (known: ${rds.map((d) => d.name).join(', ') || 'none'})`, 'a resultDescription name or id');
    }
    result.resultDescription = rd.id;
  }
  if (input.value !== undefined) {
    const value = typeof input.value === 'number' && Number.isFinite(input.value) ? String(input.value) : requireString(input.value, `${path}.value`);
    if (rd?.allowedValue && !rd.allowedValue.includes(value)) {
      fail(`${path}.value`, `"${value}" is not one of ${rd.allowedValue.join(', ')}`, 'a value from allowedValue');
    }
    if (rd && !rd.allowedValue && (rd.valueMin !== undefined || rd.valueMax !== undefined)) {
      const n = Number(value);
      if (Number.isNaN(n) || (rd.valueMin !== undefined && n < Number(rd.valueMin)) || (rd.valueMax !== undefined && n > Number(rd.valueMax))) {
        fail(`${path}.value`, `${value} is outside ${rd.valueMin ?? '-∞'}..${rd.valueMax ?? '∞'}`, 'a value in range');
      }
    }
    result.value = value;
  }
  if (input.achievedLevel !== undefined) {
    const levels = rd?.rubricCriterionLevel;
    if (!levels) fail(`${path}.achievedLevel`, 'achievedLevel needs a resultDescription with a rubric', 'resultDescription with rubric');
    const level = levels.find((l) => l.id === input.achievedLevel || l.name === input.achievedLevel);
    if (!level) fail(`${path}.achievedLevel`, `"${String(input.achievedLevel)}" is not a level of the rubric (${levels.map((l) => l.name).join(', ')})`, 'a rubric level');
    result.achievedLevel = level.id;
  }
  if (input.status !== undefined) result.status = requireEnum<ResultStatusType>(input.status, RESULT_STATUS_TYPES, `${path}.status`, false);
  if (rd?.resultType === 'Status' && result.status === undefined) fail(`${path}.status`, "a result of resultType 'Status' needs a status", 'ResultStatusType');
  if (result.value === undefined && result.achievedLevel === undefined && result.status === undefined) {
    fail(path, 'a result needs a value, an achievedLevel or a status', 'value|achievedLevel|status');
  }
  return result;
}

/**
 * Award an achievement to a learner: build an unsigned OB 3.0 `OpenBadgeCredential` ready for `issueCredential`.
 *
 * `@context` is VC 2.0, OB 3.0.3, 1EdTech's `extensions.json` (when `credentialSchema` is listed), the 1EdTech Assessment
 * Extension context (when an assessment is described) and — only when a credstack-only term is used — credstack's context
 * by URL (`issueCredential` embeds it inline by default; see its `extension` option). Recipient identifiers are hashed (`sha256$…`, salted). Results are checked against the achievement's
 * result descriptions. `validFrom` and `awardedDate` carry the EU "date of issuing".
 * @throws InvalidInputError (code `ERR_INVALID_INPUT`, `details.path`) on malformed input
 * @example
 * ```ts
 * const credential = awardAchievement({
 *   issuer, achievement,
 *   recipient: { id: 'did:key:z6MkLearner…', email: 'ada@uni.example' },
 *   results: [{ resultDescription: 'Final grade', value: '28/30' }],
 *   validFrom: '2025-06-30T10:00:00Z',
 * });
 * const signed = await issueCredential(credential, { key });
 * ```
 */
export function awardAchievement(input: AwardInput): OpenBadgeCredential {
  if (!isPlainObject(input)) fail('award', 'expected { issuer, achievement, recipient, … }', 'object');
  if (!isPlainObject(input.issuer) || !isUri(input.issuer.id)) fail('award.issuer', 'expected a Profile with an id (see defineProfile)', 'Profile');
  const a = input.achievement;
  if (!isPlainObject(a) || !isUri(a.id) || typeof a.name !== 'string' || !isPlainObject(a.criteria)) {
    fail('award.achievement', 'expected an Achievement (see defineAchievement)', 'Achievement');
  }
  const now = input.now ?? new Date();
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) fail('award.now', 'expected a valid Date', 'Date');
  const validFrom = toDateTime(input.validFrom ?? now, 'award.validFrom');
  const awardedDate = toDateTime(input.awardedDate ?? validFrom, 'award.awardedDate');
  const validUntil = input.validUntil === undefined ? undefined : toDateTime(input.validUntil, 'award.validUntil');
  if (validUntil !== undefined && Date.parse(validUntil) <= Date.parse(validFrom)) {
    fail('award.validUntil', `validUntil ${validUntil} is not after validFrom ${validFrom}`, 'a date after validFrom');
  }

  const r = input.recipient;
  if (!isPlainObject(r)) fail('award.recipient', 'expected { id } and/or { email, studentId, identifier }', 'RecipientInput');
  const subject: AchievementSubject = { type: ['AchievementSubject'], achievement: a };
  if (r.id !== undefined) subject.id = requireUri(r.id, 'award.recipient.id');
  const identifiers: IdentityObject[] = [];
  if (r.salt !== undefined && typeof r.salt !== 'string') fail('award.recipient.salt', 'expected a string', 'string');
  if (r.email !== undefined) {
    if (typeof r.email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(r.email)) fail('award.recipient.email', 'expected an email address', 'email');
    identifiers.push(createIdentityObject({ identityType: 'emailAddress', value: r.email, ...(r.salt !== undefined ? { salt: r.salt } : {}) }));
  }
  if (r.studentId !== undefined) {
    identifiers.push(createIdentityObject({ identityType: 'sisSourcedId', value: requireString(r.studentId, 'award.recipient.studentId'), ...(r.salt !== undefined ? { salt: r.salt } : {}) }));
  }
  if (r.identifier !== undefined) {
    if (!Array.isArray(r.identifier)) fail('award.recipient.identifier', 'expected an array of IdentityObject', 'IdentityObject[]');
    r.identifier.forEach((o, i) => {
      if (!isPlainObject(o) || o.type !== 'IdentityObject' || typeof o.hashed !== 'boolean' || typeof o.identityHash !== 'string' || typeof o.identityType !== 'string') {
        fail(`award.recipient.identifier[${i}]`, 'expected an IdentityObject (see createIdentityObject)', 'IdentityObject');
      }
      if (o.hashed && !/^(sha256|md5)\$[0-9a-fA-F]+$/.test(o.identityHash)) {
        fail(`award.recipient.identifier[${i}].identityHash`, 'a hashed identityHash looks like sha256$<hex>', 'sha256$<hex>');
      }
      identifiers.push(o as unknown as IdentityObject);
    });
  }
  if (identifiers.length > 0) subject.identifier = identifiers;
  if (subject.id === undefined && identifiers.length === 0) {
    fail('award.recipient', 'identify the learner: a DID/URI id, an email, a studentId or an identifier (EU element 1)', 'id|email|studentId|identifier');
  }

  if (input.results !== undefined) {
    if (!Array.isArray(input.results)) fail('award.results', 'expected an array', 'ResultInput[]');
    subject.result = input.results.map((res, i) => resultOf(res, a, `award.results[${i}]`));
  }
  // OB 3.0 models activity dates as DateTime (1EdTech's JSON Schema: format date-time): a plain date becomes midnight UTC
  const activityDate = (v: unknown, p: string) => {
    const d = toDateOrDateTime(v, p);
    return /^\d{4}-\d{2}-\d{2}$/.test(d) ? `${d}T00:00:00Z` : d;
  };
  if (input.activityStartDate !== undefined) subject.activityStartDate = activityDate(input.activityStartDate, 'award.activityStartDate');
  if (input.activityEndDate !== undefined) subject.activityEndDate = activityDate(input.activityEndDate, 'award.activityEndDate');
  if (subject.activityStartDate && subject.activityEndDate && Date.parse(subject.activityEndDate) < Date.parse(subject.activityStartDate)) {
    fail('award.activityEndDate', 'activityEndDate is before activityStartDate', 'a date after activityStartDate');
  }
  if (input.creditsEarned !== undefined) {
    if (typeof input.creditsEarned !== 'number' || !Number.isFinite(input.creditsEarned) || input.creditsEarned < 0) {
      fail('award.creditsEarned', 'expected a non-negative number', 'number');
    }
    if (a.creditsAvailable !== undefined && input.creditsEarned > a.creditsAvailable) {
      fail('award.creditsEarned', `${input.creditsEarned} exceeds the achievement's creditsAvailable ${a.creditsAvailable}`, '<= creditsAvailable');
    }
    subject.creditsEarned = input.creditsEarned;
  }
  for (const k of ['narrative', 'role', 'term', 'licenseNumber'] as const) {
    const v = optionalString(input[k], `award.${k}`);
    if (v) subject[k] = v;
  }
  if (input.source !== undefined) {
    if (!isPlainObject(input.source) || !isUri(input.source.id)) fail('award.source', 'expected a Profile with an id', 'Profile');
    subject.source = input.source;
  }

  const name = resolveText(input.name ?? a.name, 'award.name', a.inLanguage);
  const credential: OpenBadgeCredential = {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: input.id === undefined ? newUrnUuid() : requireUri(input.id, 'award.id'),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: input.issuer,
    validFrom,
    ...(validUntil ? { validUntil } : {}),
    awardedDate,
    name: name.text,
    credentialSubject: subject,
  };
  const description = optionalString(input.description, 'award.description');
  if (description) credential.description = description;
  if (input.image !== undefined) credential.image = imageOf(input.image, 'award.image');
  if (input.evidence !== undefined) {
    if (!Array.isArray(input.evidence)) fail('award.evidence', 'expected an array', 'Evidence[]');
    credential.evidence = input.evidence.map((e, i) => {
      const p = `award.evidence[${i}]`;
      if (!isPlainObject(e)) fail(p, 'expected { id?, name?, narrative?, … }', 'Evidence');
      const ev: Evidence = compact({
        id: e.id === undefined ? undefined : requireUri(e.id, `${p}.id`),
        type: ['Evidence'],
        name: optionalString(e.name, `${p}.name`),
        description: optionalString(e.description, `${p}.description`),
        narrative: optionalString(e.narrative, `${p}.narrative`),
        genre: optionalString(e.genre, `${p}.genre`),
        audience: optionalString(e.audience, `${p}.audience`),
      });
      if (!ev.id && !ev.name && !ev.narrative && !ev.description) fail(p, 'evidence needs an id (URL), name, description or narrative', 'Evidence');
      return ev;
    });
  }
  if (input.endorsement !== undefined) {
    if (!Array.isArray(input.endorsement)) fail('award.endorsement', 'expected an array of EndorsementCredential', 'EndorsementCredential[]');
    credential.endorsement = input.endorsement;
  }
  if (input.credentialStatus !== undefined) {
    const list = Array.isArray(input.credentialStatus) ? input.credentialStatus : [input.credentialStatus];
    list.forEach((s, i) => { if (!isPlainObject(s) || typeof s.type !== 'string') fail(`award.credentialStatus[${i}]`, 'expected { type, … }', 'CredentialStatus'); });
    credential.credentialStatus = input.credentialStatus;
  }
  // Standard contexts first: OB's published extensions.json defines the credentialSchema type, the 1EdTech Assessment
  // Extension context its result descriptions; credstack's context only when one of its terms is used (issueCredential's
  // `extension` option then embeds it inline by default, or keeps the URL).
  const usesOurs = usesCredstackTerms(credential);
  const schemas: CredentialSchema[] = [];
  if (input.credentialSchema ?? true) {
    schemas.push({ id: OB_ACHIEVEMENT_CREDENTIAL_SCHEMA_URL, type: JSON_SCHEMA_VALIDATOR_TYPE });
    if (usesOurs) schemas.push({ id: MICROCREDENTIAL_SCHEMA_URL, type: JSON_SCHEMA_VALIDATOR_TYPE });
    credential.credentialSchema = schemas;
    credential['@context'].push(OB_EXTENSIONS_CONTEXT);
  }
  if (usesAssessmentExtension(a)) credential['@context'].push(OB_ASSESSMENT_CONTEXT);
  if (usesOurs) credential['@context'].push(CREDSTACK_CONTEXT);
  return credential;
}

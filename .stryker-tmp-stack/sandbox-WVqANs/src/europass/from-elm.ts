// @ts-nocheck
import countries from 'i18n-iso-countries';
import { EuropassError } from '../errors.js';
import { createDocumentLoader, type DocumentLoaderOptions } from '../jsonld/loader.js';
import { CREDSTACK_CONTEXT, VC_V1_CONTEXT } from '../jsonld/contexts.js';
import { JSON_SCHEMA_VALIDATOR_TYPE, MICROCREDENTIAL_SCHEMA_URL } from '../model/constants.js';
import { defineAchievement, type AchievementInput, type LearningOutcomeInput } from '../model/achievement.js';
import { awardAchievement } from '../model/award.js';
import { createIdentityObject } from '../model/identity.js';
import { defineProfile } from '../model/profile.js';
import { escoSkill, type LevelInput } from '../model/alignment.js';
import type {
  Achievement, Assessment, AssessmentType, ElmAdditional, IdentityObject, LanguageMap, OpenBadgeCredential, ParticipationForm, Profile,
  QualificationLevel, QualityAssurance, Stackability, SupervisionType, Workload,
} from '../model/types.js';
import { ASSESSMENT_TYPES, PARTICIPATION_FORMS, STACKABILITY_OPTIONS, SUPERVISION_TYPES } from '../model/constants.js';
import type { EuElements, EuLearningOutcome, EuOrganisation, EuSkill } from './elements.js';
import { EDC_AP_CONTEXT, EHEA_CYCLE_OF_EQF, FRAMEWORK_SCHEME_PREFIX, type ElmMappingNote } from './to-elm.js';
import {
  ACCREDITATION_INSTITUTIONAL_QA, COUNTRY_PREFIX, ECTS_CONCEPT, EQF_PREFIX, LOCAL_CONCEPT_PREFIX, MODE, SUPERVISION,
  knownConceptIds,
} from './vocabularies.js';

/**
 * What {@link fromElm} returns. `problems` lists, field by field, what makes the EDC unusable as a micro-credential
 * (no awarding body, a learning outcome without title, an unknown controlled-vocabulary URI, …); `notes` lists what was
 * read with a judgement or left out. `achievement` and `credential` (an unsigned Open Badge built with credstack's
 * builders) are present only when there are no problems.
 * @example
 * ```ts
 * const r = await fromElm(edc);
 * if (r.problems.length) console.log(r.problems.map((p) => `${p.path}: ${p.message}`));
 * else await issueCredential({ ...r.credential, issuer: profile }, { key });
 * ```
 */
export interface ElmImport {
  elements: EuElements;
  problems: ElmMappingNote[];
  notes: ElmMappingNote[];
  achievement?: Achievement;
  credential?: OpenBadgeCredential;
  /** True when the input was a JAdES / JWS JSON envelope (its signature is checked by `verifyJades`, not here). */
  jades: boolean;
  /**
   * The ELM fields with no Open Badges home, per OB node they are kept on (`elmAdditional` of the credential, the
   * credential subject, the achievement, the issuer and each awarding body — in `awardingBodies` order; `null` where none).
   */
  additional: ElmAdditionalSet;
}

/**
 * The `elmAdditional` values {@link fromElm} puts on the Open Badge it builds (and {@link toElm} reads back), by OB node.
 * @example
 * ```ts
 * const r = await fromElm(edc);
 * r.additional.achievement?.maximumDuration; // 'P1M'
 * ```
 */
export interface ElmAdditionalSet {
  /** `EuropeanDigitalCredential` fields → `credential.elmAdditional`. */
  credential?: ElmAdditional;
  /** `LearningAchievement` (the claim) fields, with `provenBy` / `awardedBy` extras by position → `credentialSubject.elmAdditional`. */
  subject?: ElmAdditional;
  /** `Qualification` fields, with `learningOutcome` / `creditPoint` / … extras by position → `credentialSubject.achievement.elmAdditional`. */
  achievement?: ElmAdditional;
  /** The issuer `Organisation`'s fields → `issuer.elmAdditional`. */
  issuer?: ElmAdditional;
  /** Each awarding body's fields → `achievement.creator.elmAdditional`, then `achievement.jointAwardingBody[i].elmAdditional`. */
  awardingBodies: (ElmAdditional | null)[];
}

/**
 * Options of {@link fromElm}.
 * @example `const o: FromElmOptions = { now: new Date('2026-09-01T09:00:00Z') };`
 */
export interface FromElmOptions {
  /** Extra JSON-LD contexts the EDC uses, by URL. */
  documents?: DocumentLoaderOptions['documents'];
  /** Clock for the builders (default: now). */
  now?: Date;
  /** Salt for hashing the learner's email into an OB `IdentityObject` (default: a fresh random salt). */
  salt?: string;
}

type Obj = Record<string, any>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const objs = (v: unknown): Obj[] => list(v).filter(isObj);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const ESCO_PREFIX = 'http://data.europa.eu/esco/';
const idOf = (v: unknown): string | undefined => (typeof v === 'string' ? v : isObj(v) && typeof v.id === 'string' ? v.id : undefined);

/** A language map as compaction leaves it: `{ en: 'x' }`, `{ en: ['x', 'y'] }` or a plain string. */
function langMap(v: unknown, fallback: string): LanguageMap {
  if (typeof v === 'string') return { [fallback]: v };
  const out: LanguageMap = {};
  if (isObj(v)) for (const [k, x] of Object.entries(v)) { const s = Array.isArray(x) ? x.find((y) => typeof y === 'string') : x; if (typeof s === 'string') out[k === '@none' ? fallback : k] = s; }
  return out;
}
const firstText = (m: LanguageMap): string | undefined => Object.values(m)[0];

class Reader {
  readonly problems: ElmMappingNote[] = [];
  readonly notes: ElmMappingNote[] = [];
  readonly known = knownConceptIds();
  constructor(readonly language: string) {}
  problem(element: string, path: string, code: string, message: string) { this.problems.push({ element, path, code, message }); }
  note(element: string, path: string, code: string, message: string) { this.notes.push({ element, path, code, message }); }

  /** A concept id from an EU vocabulary must be one this module knows; local concepts are read by their own rules. */
  concept(v: unknown, element: string, path: string): string | undefined {
    const id = idOf(v);
    if (id === undefined) { this.problem(element, path, 'ERR_ELM_CONCEPT_INVALID', 'expected a Concept with an id'); return undefined; }
    if ((id.startsWith('http://data.europa.eu/snb/') || id.startsWith('http://publications.europa.eu/resource/authority/')) && !this.known.has(id)
      && !id.startsWith(EQF_PREFIX) && !id.startsWith(COUNTRY_PREFIX)) {
      this.problem(element, path, 'ERR_ELM_CONCEPT_UNKNOWN', `controlled-vocabulary URI ${id} is not one credstack can map for ${element}`);
      return undefined;
    }
    return id;
  }

  organisation(v: unknown, element: string, path: string): EuOrganisation | undefined {
    if (!isObj(v) || typeof v.id !== 'string') { this.problem(element, path, 'ERR_ELM_ORGANISATION_INVALID', 'expected an Organisation with an id'); return undefined; }
    const o: EuOrganisation = { id: v.id, name: langMap(v.legalName, this.language) };
    if (!Object.keys(o.name).length) this.problem(element, `${path}.legalName`, 'ERR_ELM_NAME_MISSING', 'an Organisation needs a legalName');
    const code = idOf(objs(v.location).map((l) => objs(l.address)[0]).find(isObj)?.countryCode);
    if (code !== undefined) {
      const alpha3 = code.startsWith(COUNTRY_PREFIX) ? code.slice(COUNTRY_PREFIX.length) : undefined;
      const alpha2 = alpha3 ? countries.alpha3ToAlpha2(alpha3) : undefined;
      if (alpha2) o.country = alpha2;
      else this.problem('issuerCountry', `${path}.location.address.countryCode`, 'ERR_ELM_CONCEPT_UNKNOWN', `country ${code} is not in the EU country authority table`);
    }
    const url = str(objs(v.homepage)[0]?.contentURL);
    if (url) o.url = url;
    const mail = idOf(objs(v.contactPoint)[0]?.emailAddress);
    if (mail?.startsWith('mailto:')) o.email = mail.slice(7);
    return o;
  }
}

const localValue = (id: string, vocabulary: string): string | undefined =>
  id.startsWith(`${LOCAL_CONCEPT_PREFIX}${vocabulary}:`) ? decodeURIComponent(id.slice(`${LOCAL_CONCEPT_PREFIX}${vocabulary}:`.length)) : undefined;

function identityOf(v: Obj): IdentityObject | undefined {
  const scheme = str(v.schemeId);
  const m = scheme?.match(/^urn:credstack:identity:(hashed|plain)(?::salt:(.*))?$/);
  if (!m || !str(v.notation) || !str(v.schemeName)) return undefined;
  const o: IdentityObject = { type: 'IdentityObject', hashed: m[1] === 'hashed', identityHash: v.notation, identityType: v.schemeName };
  if (m[2] !== undefined) o.salt = decodeURIComponent(m[2]);
  return o;
}

function outcomesOf(r: Reader, q: Obj, path: string): EuLearningOutcome[] {
  return objs(q.learningOutcome).flatMap((lo, i) => {
    const p = `${path}.learningOutcome[${i}]`;
    const text = langMap(lo.title, r.language);
    if (!Object.keys(text).length) { r.problem('learningOutcomes', `${p}.title`, 'ERR_ELM_OUTCOME_TITLE_MISSING', 'a learning outcome needs a title'); return []; }
    const skills = [...objs(lo.relatedESCOSkill), ...objs(lo.relatedSkill)].flatMap((s) => {
      if (typeof s.id !== 'string') return [];
      const skill: EuSkill = { id: s.id, name: firstText(langMap(s.prefLabel, r.language)) ?? s.id };
      if (str(s.notation) && !s.id.startsWith(ESCO_PREFIX)) skill.code = s.notation as string;
      const scheme = idOf(s.inScheme);
      if (scheme?.startsWith(FRAMEWORK_SCHEME_PREFIX)) skill.framework = decodeURIComponent(scheme.slice(FRAMEWORK_SCHEME_PREFIX.length));
      else if (s.id.startsWith(ESCO_PREFIX)) skill.framework = 'ESCO';
      else if (scheme) skill.framework = scheme;
      return [skill];
    });
    const out: EuLearningOutcome = { text, skills };
    if (typeof lo.id === 'string' && !lo.id.startsWith('urn:epass:learningOutcome:')) out.id = lo.id;
    return [out];
  });
}

function levelsOf(r: Reader, q: Obj, path: string): QualificationLevel[] {
  const levels: QualificationLevel[] = [];
  const eqf = idOf(q.eqfLevel);
  if (eqf !== undefined) {
    const n = eqf.startsWith(EQF_PREFIX) ? Number(eqf.slice(EQF_PREFIX.length)) : NaN;
    if (Number.isInteger(n) && n >= 1 && n <= 8) levels.push({ framework: 'EQF', level: String(n), levelUrl: `${EQF_PREFIX}${n}` });
    else r.problem('level', `${path}.eqfLevel`, 'ERR_ELM_CONCEPT_UNKNOWN', `EQF level ${eqf} is not one of ${EQF_PREFIX}1…8`);
  }
  for (const [i, c] of objs(q.nqfLevel).entries()) {
    const scheme = idOf(c.inScheme);
    const label = firstText(langMap(c.prefLabel, r.language));
    if (typeof c.id !== 'string') continue;
    if (c.id.startsWith(EHEA_CYCLE_OF_EQF)) {
      const cycle = decodeURIComponent(c.id.slice(EHEA_CYCLE_OF_EQF.length)).replace(/-cycle$/, '');
      const eqfLevel = levels.find((l) => l.framework === 'EQF');
      if (eqfLevel && CYCLE_TO_EQF[cycle] === Number(eqfLevel.level)) { eqfLevel.cycle = cycle; continue; }
      r.problem('level', `${path}.nqfLevel[${i}]`, 'ERR_ELM_VALUE_INVALID', `QF-EHEA ${cycle} cycle does not match the EQF level`);
      continue;
    }
    if (scheme?.startsWith(FRAMEWORK_SCHEME_PREFIX)) {
      const framework = decodeURIComponent(scheme.slice(FRAMEWORK_SCHEME_PREFIX.length));
      const level = str(c.notation) ?? label?.replace(new RegExp(`^${framework} level `), '') ?? c.id;
      const l: QualificationLevel = { framework, level, levelUrl: c.id };
      if (framework === 'QF-EHEA') l.cycle = level.replace(/-cycle$/, '');
      levels.push(l);
    } else {
      const level = label?.match(/level\s+(\S+)/i)?.[1] ?? str(c.notation) ?? '?';
      levels.push({ framework: 'NQF', level, levelUrl: c.id });
      r.note('level', `${path}.nqfLevel[${i}]`, 'W_ELM_JUDGEMENT', `national level "${label ?? c.id}" read as NQF level ${level}`);
    }
  }
  if (!levels.length) {
    levels.push({ framework: 'none', level: 'not-applicable' });
    r.note('level', `${path}`, 'W_ELM_JUDGEMENT', 'no EQF or NQF level: read as "not applicable"');
  }
  return levels;
}

function workloadOf(r: Reader, q: Obj, path: string): Workload[] {
  const out: Workload[] = [];
  for (const [i, cp] of objs(q.creditPoint).entries()) {
    const fw = r.concept(cp.framework, 'workload', `${path}.creditPoint[${i}].framework`);
    const value = Number(cp.point);
    if (!Number.isFinite(value) || value <= 0) { r.problem('workload', `${path}.creditPoint[${i}].point`, 'ERR_ELM_VALUE_INVALID', `credit points ${JSON.stringify(cp.point)} are not a positive number`); continue; }
    if (fw === ECTS_CONCEPT.id) out.push({ value, unit: 'ECTS' });
    else if (fw && localValue(fw, 'credit-system')) out.push({ value, unit: localValue(fw, 'credit-system') as Workload['unit'] });
    else if (fw) r.problem('workload', `${path}.creditPoint[${i}].framework`, 'ERR_ELM_CONCEPT_UNKNOWN', `credit framework ${fw} is not one credstack can map`);
  }
  const vol = str(q.volumeOfLearning);
  if (vol !== undefined) {
    const m = vol.match(/^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?)?$/);
    const hours = m ? Number(m[1] ?? 0) * 24 + Number(m[2] ?? 0) + Number(m[3] ?? 0) / 60 : NaN;
    if (m && hours > 0) out.push({ value: hours, unit: 'hours' });
    else r.problem('workload', `${path}.volumeOfLearning`, 'ERR_ELM_VALUE_INVALID', `volumeOfLearning ${vol} is not an ISO 8601 duration in days/hours/minutes`);
  }
  return out;
}

const CYCLE_TO_EQF: Record<string, number> = { short: 5, first: 6, second: 7, third: 8 };
const ASSESSMENT_FROM_EU: Record<string, AssessmentType> = {};

function assessmentsOf(r: Reader, claim: Obj, path: string): { assessments: Assessment[]; grade?: string } {
  const assessments: Assessment[] = [];
  let grade: string | undefined;
  for (const [i, la] of objs(claim.provenBy).entries()) {
    const p = `${path}.provenBy[${i}]`;
    const g = firstText(langMap(objs(la.grade)[0]?.noteLiteral, r.language));
    if (g !== undefined && grade === undefined) grade = g;
    const spec = objs(la.specifiedBy)[0];
    if (!spec) continue;
    const typeId = spec.dcType === undefined ? undefined : r.concept(spec.dcType, 'assessmentType', `${p}.specifiedBy.dcType`);
    let type: AssessmentType | undefined = typeId ? (localValue(typeId, 'assessment-type') as AssessmentType | undefined) ?? ASSESSMENT_FROM_EU[typeId] : undefined;
    if (typeId && !type) {
      const label = firstText(langMap(objs(spec.dcType)[0]?.prefLabel, r.language)) ?? 'assessment';
      type = `ext:${label.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}` as AssessmentType;
      r.note('assessmentType', `${p}.specifiedBy.dcType`, 'W_ELM_JUDGEMENT', `assessment type "${label}" (${typeId}) has no 1EdTech equivalent: kept as ${type}`);
    }
    if (type && !(ASSESSMENT_TYPES as readonly string[]).includes(type) && !type.startsWith('ext:')) {
      r.problem('assessmentType', `${p}.specifiedBy.dcType`, 'ERR_ELM_CONCEPT_UNKNOWN', `assessment type ${type} is not known`);
      continue;
    }
    if (!type) { r.problem('assessmentType', `${p}.specifiedBy.dcType`, 'ERR_ELM_ASSESSMENT_TYPE_MISSING', 'the assessment specification has no type (dcType)'); continue; }
    const description = firstText(langMap(spec.title, r.language)) ?? firstText(langMap(la.title, r.language)) ?? type;
    const a: Assessment = { assessmentType: type, description };
    if (la.idVerification !== undefined) {
      const sv = r.concept(la.idVerification, 'supervision', `${p}.idVerification`);
      const mode = idOf(spec.mode);
      if (sv === SUPERVISION['unsupervised-no-id-check'].id) a.supervision = 'unsupervised-no-id-check';
      else if (sv === SUPERVISION['supervised-id-check'].id) {
        a.supervision = mode === MODE.online.id ? 'supervised-online-id-check' : 'supervised-onsite-id-check';
        if (mode === undefined) r.note('supervision', `${p}.specifiedBy.mode`, 'W_ELM_JUDGEMENT', 'supervised with ID verification, no mode: read as onsite');
      } else if (sv && localValue(sv, 'supervision') && (SUPERVISION_TYPES as readonly string[]).includes(localValue(sv, 'supervision') as string)) {
        a.supervision = localValue(sv, 'supervision') as SupervisionType;
      } else if (sv) r.problem('supervision', `${p}.idVerification`, 'ERR_ELM_CONCEPT_UNKNOWN', `supervision ${sv} is not one credstack can map`);
    }
    assessments.push(a);
  }
  return grade === undefined ? { assessments } : { assessments, grade };
}

function participationOf(r: Reader, q: Obj, path: string): ParticipationForm[] {
  const out: ParticipationForm[] = [];
  for (const [i, m] of list(q.mode).entries()) {
    const id = r.concept(m, 'participationForm', `${path}.mode[${i}]`);
    if (!id) continue;
    const eu = (Object.entries(MODE) as [ParticipationForm, { id: string }][]).find(([, c]) => c.id === id)?.[0];
    const local = localValue(id, 'participation');
    if (eu) out.push(eu);
    else if (local && ((PARTICIPATION_FORMS as readonly string[]).includes(local) || local.startsWith('ext:'))) out.push(local as ParticipationForm);
    else r.problem('participationForm', `${path}.mode[${i}]`, 'ERR_ELM_CONCEPT_UNKNOWN', `mode ${id} is not one credstack can map`);
  }
  return out;
}

function qualityOf(r: Reader, q: Obj, path: string): QualityAssurance[] {
  return objs(q.accreditation).flatMap((acc, i) => {
    const p = `${path}.accreditation[${i}]`;
    const t = r.concept(acc.dcType, 'qualityAssurance', `${p}.dcType`);
    const local = t ? localValue(t, 'quality-assurance') : undefined;
    const assuranceType = t === ACCREDITATION_INSTITUTIONAL_QA.id ? 'internal' : local;
    if (!assuranceType) { if (t) r.problem('qualityAssurance', `${p}.dcType`, 'ERR_ELM_CONCEPT_UNKNOWN', `accreditation type ${t} is not one credstack can map`); return []; }
    const qa: QualityAssurance = { assuranceType: assuranceType as QualityAssurance['assuranceType'], description: firstText(langMap(acc.title, r.language)) ?? firstText(langMap(acc.description, r.language)) ?? assuranceType };
    const url = str(objs(acc.homepage)[0]?.contentURL);
    if (url) qa.assuranceUrl = url;
    return [qa];
  });
}

function notesOf(r: Reader, q: Obj, e: EuElements, path: string): void {
  for (const [i, n] of objs(q.additionalNote).entries()) {
    const text = firstText(langMap(n.noteLiteral, r.language));
    const subject = idOf(n.subject);
    if (text === undefined) continue;
    if (subject === `${LOCAL_CONCEPT_PREFIX}note:further-information`) e.furtherInformation = text;
    else if (subject?.startsWith(`${LOCAL_CONCEPT_PREFIX}note:stackability%3A`) || subject?.startsWith(`${LOCAL_CONCEPT_PREFIX}note:stackability:`)) {
      const option = decodeURIComponent(subject.slice(`${LOCAL_CONCEPT_PREFIX}note:`.length)).slice('stackability:'.length);
      if (!(STACKABILITY_OPTIONS as readonly string[]).includes(option)) { r.problem('stackability', `${path}.additionalNote[${i}]`, 'ERR_ELM_VALUE_INVALID', `unknown stackability option ${option}`); continue; }
      const s: Stackability = { option: option as Stackability['option'] };
      const rest = text.split('; ').slice(1);
      const towards = rest.filter((x) => x.startsWith('towards ')).map((x) => x.slice(8));
      const description = rest.filter((x) => !x.startsWith('towards ')).join('; ');
      if (description) s.description = description;
      if (towards.length) s.towards = towards;
      e.stackability = s;
    } else {
      e.furtherInformation = e.furtherInformation ? `${e.furtherInformation}\n\n${text}` : text;
      r.note('furtherInformation', `${path}.additionalNote[${i}]`, 'W_ELM_JUDGEMENT', 'additional note read as further information');
    }
  }
}

/**
 * How much of an ELM node `fromElm` maps onto Open Badges: `true` = the whole value (rebuilt by `toElm` from the OB
 * side); a nested shape = some fields of the node(s) below (by position when a list). Every other field has no OB home
 * and is kept in `elmAdditional` ({@link extrasOf}).
 */
interface Shape { [key: string]: true | Shape }
const NODE = { id: true, type: true } as const;
const NOTE: Shape = { ...NODE, noteLiteral: true };
const WEB: Shape = { ...NODE, contentURL: true };
const ORGANISATION: Shape = {
  ...NODE, legalName: true, location: { ...NODE, address: { ...NODE, countryCode: true } }, homepage: WEB,
  contactPoint: { ...NODE, emailAddress: true },
};
const CREDENTIAL: Shape = {
  '@context': true, ...NODE, issuer: true, validFrom: true, issuanceDate: true, validUntil: true, expirationDate: true,
  credentialSubject: true, proof: true,
  // rebuilt by toElm for the generic EDC profile it writes (judgement call: another profile's schema would not fit it)
  credentialProfiles: true, credentialSchema: true,
};
/** `hasPart` is not in the shape: the Open Badge fromElm builds has no relatedResource for it, so it is kept whole. */
const CLAIM: Shape = {
  ...NODE, title: true, specifiedBy: true,
  awardedBy: { ...NODE, awardingBody: true, awardingDate: true },
  provenBy: { ...NODE, title: true, grade: NOTE, idVerification: true, specifiedBy: { ...NODE, title: true, dcType: true, mode: true } },
};
const qualificationShape = (stackabilityTowards: boolean): Shape => ({
  ...NODE, title: true, description: true, dcType: true, volumeOfLearning: true, eqfLevel: true, nqfLevel: true, mode: true,
  learningOutcome: { ...NODE, title: true, relatedESCOSkill: true, relatedSkill: true },
  creditPoint: { ...NODE, framework: true, point: true },
  accreditation: { ...NODE, dcType: true, title: true, description: true, homepage: WEB },
  entryRequirement: NOTE,
  additionalNote: { ...NOTE, subject: true },
  // toElm writes isPartOf from stackability.towards; any other isPartOf is kept
  ...(stackabilityTowards ? { isPartOf: true } : {}),
});
/** Person fields read; the rest is the learner's personal data (names, date of birth, national id): reported, not copied. */
const PERSON = new Set(['id', 'type', 'identifier', 'contactPoint', 'hasClaim']);

/** An own data property, whatever the key (`__proto__` included). */
function put(o: Obj, k: string, v: unknown): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/** @internal The fields of a (compacted) ELM node that `shape` does not map: whole values, partial nodes by position. */
export function extrasOf(node: Obj, shape: Shape, depth = 0): ElmAdditional | undefined {
  const out: Obj = {};
  for (const [k, v] of Object.entries(node)) {
    const s = Object.hasOwn(shape, k) ? shape[k] : undefined;
    if (s === true) continue;
    if (s === undefined || depth > 16) { put(out, k, v); continue; }
    const sub = list(v).map((x) => (isObj(x) ? extrasOf(x, s, depth + 1) ?? {} : {}));
    if (sub.some((x) => Object.keys(x).length)) put(out, k, Array.isArray(v) ? sub : sub[0]);
  }
  return Object.keys(out).length ? out : undefined;
}

/** One `W_ELM_CARRIED` note per ELM field kept whole in `elmAdditional` (partial nodes: their fields, by position). */
function noteCarried(r: Reader, extra: ElmAdditional | undefined, shape: Shape, path: string, where: string, depth = 0): void {
  if (!extra) return;
  for (const [k, v] of Object.entries(extra)) {
    const p = `${path}.${k.slice(0, 120)}`;
    const s = Object.hasOwn(shape, k) ? shape[k] : undefined;
    if (s !== undefined && s !== true && depth < 16) {
      if (Array.isArray(v)) v.forEach((x, i) => noteCarried(r, isObj(x) ? x : undefined, s, `${p}[${i}]`, where, depth + 1));
      else noteCarried(r, isObj(v) ? v : undefined, s, p, where, depth + 1);
    } else r.note(k, p, 'W_ELM_CARRIED', `ELM field ${k.slice(0, 120)} has no Open Badges home: kept in ${where}.elmAdditional`);
  }
}

/** Expand with the document's own contexts (safe mode), compact with the trusted VC 1.1 + edc-ap pair: one spelling to read. */
async function canonicalView(doc: Obj, opts: FromElmOptions): Promise<Obj> {
  const { default: jsonld } = await import('jsonld');
  const documentLoader = createDocumentLoader({ documents: opts.documents });
  const expanded = await jsonld.expand(doc, { documentLoader, safe: true });
  return jsonld.compact(expanded, { '@context': [VC_V1_CONTEXT, EDC_AP_CONTEXT] } as any, { documentLoader, safe: true } as any) as Promise<Obj>;
}


/**
 * Read a European Digital Credential (ELM 3 `EuropeanDigitalCredential`; plain, Data-Integrity signed, or a JAdES /
 * JWS JSON envelope `{ payload, signatures }`) into credstack's model: the EU elements, an `Achievement` and an unsigned
 * Open Badge. It reads the document through its JSON-LD meaning (expanded in safe mode with the bundled `edc-ap` context,
 * then compacted with a fixed context), so respellings read the same. Nothing is dropped silently: each field it cannot
 * use is a `problems` entry (no awarding body, learning outcome without title, unknown controlled-vocabulary URI…), each
 * judgement a `notes` entry. Throws {@link EuropassError} only when the input is not JSON-LD an EDC can be read from.
 * @example
 * ```ts
 * const r = await fromElm(JSON.parse(fs.readFileSync('edc.json', 'utf8')));
 * r.elements.levels;  // [{ framework: 'EQF', level: '6', levelUrl: 'http://data.europa.eu/snb/eqf/6' }]
 * r.problems;         // []
 * ```
 */
export async function fromElm(input: unknown, opts: FromElmOptions = {}): Promise<ElmImport> {
  let doc: unknown = typeof input === 'string' ? safeParse(input) : input;
  let jades = false;
  if (isObj(doc) && typeof doc.payload === 'string' && (Array.isArray(doc.signatures) || typeof doc.signature === 'string')) {
    jades = true;
    doc = safeParse(doc.payload);
  }
  if (!isObj(doc)) throw new EuropassError('ERR_ELM_INPUT', 'expected a European Digital Credential (a JSON object)');
  const { proof: _proof, ...unsigned } = doc;
  let view: Obj;
  try {
    view = await canonicalView(unsigned, opts);
  } catch (cause) {
    const e = cause as { message?: string; details?: { event?: { details?: unknown } } };
    throw new EuropassError('ERR_ELM_JSONLD', `not readable as JSON-LD with the ELM context (safe mode): ${e?.message ?? 'error'}`, { cause, details: { event: e?.details?.event?.details } });
  }
  if (!list(view.type).includes('EuropeanDigitalCredential')) throw new EuropassError('ERR_ELM_INPUT', 'type does not include EuropeanDigitalCredential');

  const subject = objs(view.credentialSubject)[0] ?? {};
  const claimPath = '$.credentialSubject.hasClaim';
  const claims = objs(subject.hasClaim);
  const r = new Reader('en');
  if (claims.length !== 1) r.problem('title', claimPath, 'ERR_ELM_CLAIMS', `expected exactly one claim (LearningAchievement), found ${claims.length}`);
  const claim = claims[0] ?? {};
  const q = objs(claim.specifiedBy)[0] ?? {};
  const qPath = `${claimPath}.specifiedBy`;
  const title = langMap(q.title ?? claim.title, 'en');
  const language = Object.keys(title)[0] ?? 'en';
  (r as { language: string }).language = language;
  if (!Object.keys(title).length) r.problem('title', `${qPath}.title`, 'ERR_ELM_TITLE_MISSING', 'the achievement (specifiedBy) has no title');

  const issuer = r.organisation(view.issuer, 'issuer', '$.issuer') ?? { id: idOf(view.issuer) ?? '', name: {} };
  const awarding = objs(claim.awardedBy)[0];
  const bodies = objs(awarding?.awardingBody).map((o, i) => r.organisation(o, 'awardingBody', `${claimPath}.awardedBy.awardingBody[${i}]`)).filter((o): o is EuOrganisation => !!o);
  if (!list(awarding?.awardingBody).length) r.problem('awardingBody', `${claimPath}.awardedBy.awardingBody`, 'ERR_ELM_AWARDING_BODY_MISSING', 'the claim names no awarding body (EU element 4)');

  const identifiers = objs(subject.identifier).map(identityOf).filter((o): o is IdentityObject => !!o);
  const email = idOf(objs(subject.contactPoint).map((c) => c.emailAddress).find((m) => idOf(m)?.startsWith('mailto:')));
  if (email && !identifiers.some((o) => o.identityType === 'emailAddress')) {
    identifiers.push(createIdentityObject({ identityType: 'emailAddress', value: email.slice('mailto:'.length), ...(opts.salt !== undefined ? { salt: opts.salt } : {}) }));
    r.note('learner', '$.credentialSubject.contactPoint', 'W_ELM_JUDGEMENT', 'the learner\'s email is carried as a hashed emailAddress identifier (OB IdentityObject)');
  }
  const learnerId = typeof subject.id === 'string' && !subject.id.startsWith('urn:epass:person:') ? subject.id : undefined;
  if (!learnerId && !identifiers.length) r.problem('learner', '$.credentialSubject', 'ERR_ELM_LEARNER_MISSING', 'the learner has neither a usable id nor an identifier (EU element 1)');

  const { assessments, grade } = assessmentsOf(r, claim, claimPath);
  const e: EuElements = {
    achievementId: typeof q.id === 'string' ? q.id : '',
    learner: learnerId ? { id: learnerId, identifiers } : { identifiers },
    title,
    description: langMap(q.description, language),
    issuer,
    awardingBodies: bodies,
    learningOutcomes: outcomesOf(r, q, qPath),
    workload: workloadOf(r, q, qPath),
    levels: levelsOf(r, q, qPath),
    assessments,
    participation: participationOf(r, q, qPath),
    qualityAssurance: qualityOf(r, q, qPath),
    parts: objs(claim.hasPart).filter((p) => typeof p.id === 'string').map((p) => {
      const name = firstText(langMap(p.title, language));
      return name && name !== p.id ? { id: p.id, name } : { id: p.id };
    }),
    language,
  };
  if (!e.achievementId) r.problem('title', `${qPath}.id`, 'ERR_ELM_ID_MISSING', 'the achievement specification has no id');
  if (typeof view.id === 'string') e.credentialId = view.id;
  const validFrom = str(view.validFrom) ?? str(view.issuanceDate);
  if (validFrom) e.validFrom = validFrom; else r.problem('dateOfIssuing', '$.validFrom', 'ERR_ELM_DATE_MISSING', 'neither validFrom nor issuanceDate');
  const awardedDate = str(awarding?.awardingDate);
  if (awardedDate) e.awardedDate = awardedDate;
  const until = str(view.expirationDate) ?? str(view.validUntil);
  if (until) e.validUntil = until;
  if (grade !== undefined) e.grade = grade;
  const prereq = firstText(langMap(objs(q.entryRequirement)[0]?.noteLiteral, language));
  if (prereq) e.prerequisites = prereq;
  notesOf(r, q, e, qPath);
  // what has no OB home is kept in elmAdditional on the OB node the ELM node maps to (toElm writes it back)
  const additional: ElmAdditionalSet = {
    awardingBodies: objs(awarding?.awardingBody).filter((o) => typeof o.id === 'string').map((o) => extrasOf(o, ORGANISATION) ?? null),
  };
  const { issuer: _i, ...credentialNode } = view;
  const qShape = qualificationShape(!!e.stackability?.towards?.length);
  const found: [keyof Omit<ElmAdditionalSet, 'awardingBodies'>, Obj | undefined, Shape, string, string][] = [
    ['credential', credentialNode, CREDENTIAL, '$', 'credential'],
    ['issuer', isObj(view.issuer) ? view.issuer : undefined, ORGANISATION, '$.issuer', 'issuer'],
    ['subject', claim, CLAIM, claimPath, 'credentialSubject'],
    ['achievement', q, qShape, qPath, 'credentialSubject.achievement'],
  ];
  for (const [k, node, shape, p, where] of found) {
    const v = node ? extrasOf(node, shape) : undefined;
    if (v) additional[k] = v;
    noteCarried(r, v, shape, p, where);
  }
  additional.awardingBodies.forEach((v, i) => noteCarried(r, v ?? undefined, ORGANISATION, `${claimPath}.awardedBy.awardingBody[${i}]`,
    i === 0 ? 'credentialSubject.achievement.creator' : `credentialSubject.achievement.jointAwardingBody[${i - 1}]`));
  for (const k of Object.keys(subject)) {
    if (!PERSON.has(k)) r.note(k, `$.credentialSubject.${k.slice(0, 120)}`, 'W_ELM_NOT_MAPPED', `the learner's ${k.slice(0, 120)} (personal data) is not copied into the Open Badge, which names the learner by id / identifiers`);
  }
  objs(subject.identifier).forEach((o, i) => {
    if (!identityOf(o)) r.note('learner', `$.credentialSubject.identifier[${i}]`, 'W_ELM_NOT_MAPPED', 'an Identifier that is not a credstack identity object (urn:credstack:identity:…) is not copied into the Open Badge');
  });

  const out: ElmImport = { elements: e, problems: r.problems, notes: r.notes, jades, additional };
  if (!r.problems.length) {
    try {
      Object.assign(out, buildOpenBadge(e, opts.now ?? new Date(), additional));
    } catch (cause) {
      const err = cause as { code?: string; message?: string; details?: { path?: string } };
      r.problem('model', err?.details?.path ?? '$', err?.code ?? 'ERR_ELM_MODEL', `the EU elements do not form a valid credstack achievement: ${err?.message ?? 'error'}`);
    }
  }
  return out;
}

function safeParse(s: string): unknown {
  try { return JSON.parse(s); } catch (cause) { throw new EuropassError('ERR_ELM_INPUT', 'not valid JSON', { cause }); }
}

function profileOf(o: EuOrganisation, language: string): Profile {
  return defineProfile({
    id: o.id, name: o.name, language,
    ...(o.country ? { country: o.country } : {}), ...(o.url ? { url: o.url } : {}), ...(o.email ? { email: o.email } : {}),
  } as Parameters<typeof defineProfile>[0]);
}

function levelInput(l: QualificationLevel): LevelInput {
  if (l.framework === 'none') return 'not-applicable';
  if (l.framework === 'EQF') return { framework: 'EQF', level: Number(l.level), ...(l.cycle ? { cycle: l.cycle } : {}) } as LevelInput;
  if (l.framework === 'QF-EHEA') return { framework: 'QF-EHEA', cycle: l.cycle, ...(l.levelUrl ? { url: l.levelUrl } : {}) } as LevelInput;
  return { framework: l.framework, level: l.level, url: l.levelUrl } as LevelInput;
}

/** EU elements → credstack builders → an unsigned Open Badge (with the ELM-only fields in `elmAdditional`). @internal */
export function buildOpenBadge(e: EuElements, now: Date, additional: ElmAdditionalSet = { awardingBodies: [] }): { achievement: Achievement; credential: OpenBadgeCredential } {
  const [creator, ...joint] = e.awardingBodies.map((o) => profileOf(o, e.language));
  const input: AchievementInput = {
    id: e.achievementId,
    name: e.title,
    description: Object.keys(e.description).length ? e.description : e.title,
    criteria: { narrative: e.assessments.length ? e.assessments.map((a) => a.description).join('\n\n') : 'Awarded as described in the European Digital Credential.' },
    language: e.language,
    ...(e.learningOutcomes.length ? { learningOutcomes: e.learningOutcomes.map((lo): LearningOutcomeInput => ({
      text: lo.text,
      ...(lo.id ? { id: lo.id } : {}),
      ...(lo.skills.length ? {
        skills: lo.skills.map((s) => (s.id.startsWith(ESCO_PREFIX) && s.framework === 'ESCO'
          ? escoSkill(s.id, s.name)
          : { targetName: s.name, targetUrl: s.id, ...(s.framework ? { targetFramework: s.framework } : {}), ...(s.code ? { targetCode: s.code } : {}) })),
      } : {}),
    }) as LearningOutcomeInput) } : {}),
    level: e.levels.map(levelInput),
  };
  if (creator) input.creator = creator;
  if (joint.length) input.jointAwardingBodies = joint;
  if (e.workload.length) input.workload = e.workload;
  if (e.assessments.length) input.assessment = e.assessments;
  if (e.participation.length) input.participation = e.participation;
  if (e.qualityAssurance.length) input.qualityAssurance = e.qualityAssurance;
  if (e.prerequisites) input.prerequisites = e.prerequisites;
  if (e.stackability) input.stackability = e.stackability;
  if (e.furtherInformation) input.furtherInformation = e.furtherInformation;
  const achievement = defineAchievement(input);
  if (additional.achievement) achievement.elmAdditional = structuredClone(additional.achievement);
  [achievement.creator, ...(achievement.jointAwardingBody ?? [])].forEach((p, i) => {
    const extra = additional.awardingBodies[i];
    if (p && extra) p.elmAdditional = structuredClone(extra);
  });
  const credential = awardAchievement({
    issuer: profileOf(e.issuer, e.language),
    achievement,
    recipient: e.learner.id ? { id: e.learner.id, ...(e.learner.identifiers.length ? { identifier: e.learner.identifiers } : {}) } : { identifier: e.learner.identifiers },
    ...(e.credentialId ? { id: e.credentialId } : {}),
    ...(e.validFrom ? { validFrom: e.validFrom } : {}),
    ...(e.awardedDate ? { awardedDate: e.awardedDate } : {}),
    ...(e.validUntil ? { validUntil: e.validUntil } : {}),
    ...(e.grade !== undefined ? { results: [{ value: e.grade }] } : {}),
    now,
  });
  if (additional.credential) credential.elmAdditional = structuredClone(additional.credential);
  if (additional.subject) credential.credentialSubject.elmAdditional = structuredClone(additional.subject);
  if (additional.issuer) credential.issuer.elmAdditional = structuredClone(additional.issuer);
  // elmAdditional is a credstack term: its context (and schema entry) as awardAchievement lists them for its own terms
  if ((additional.credential || additional.subject || additional.issuer) && !credential['@context'].includes(CREDSTACK_CONTEXT)) {
    credential['@context'].push(CREDSTACK_CONTEXT);
    if (credential.credentialSchema && !credential.credentialSchema.some((s) => s.id === MICROCREDENTIAL_SCHEMA_URL)) {
      credential.credentialSchema.push({ id: MICROCREDENTIAL_SCHEMA_URL, type: JSON_SCHEMA_VALIDATOR_TYPE });
    }
  }
  return { achievement, credential };
}

// @ts-nocheck
import {
  ASSESSMENT_TYPES, LEARNING_OUTCOME_TARGET_TYPE, PARTICIPATION_FORMS, QUALITY_ASSURANCE_TARGET_TYPE, QUALITY_ASSURANCE_TYPES,
  STACKABILITY_OPTIONS, SUPERVISION_TYPES, WORKLOAD_TARGET_TYPE,
} from './constants.js';
import { isDateTimeZ, isExtValue, isPlainObject, isUri } from './util.js';

/**
 * Keys of the EU micro-credential elements (Council Recommendation 2022/C 243/02, Annex I): the 11 mandatory ones, then
 * the optional ones.
 * @example
 * ```ts
 * const k: MicrocredentialElement = 'learningOutcomes';
 * ```
 */
export type MicrocredentialElement =
  | 'learner' | 'title' | 'issuerCountry' | 'awardingBody' | 'dateOfIssuing' | 'learningOutcomes' | 'workload' | 'level'
  | 'assessmentType' | 'participationForm' | 'qualityAssurance'
  | 'prerequisites' | 'supervision' | 'grade' | 'stackability' | 'furtherInformation';

/**
 * The EU elements in Annex I order, with their human label and whether they are mandatory.
 * @example
 * ```ts
 * MICROCREDENTIAL_ELEMENTS.filter((e) => e.mandatory).length; // 11
 * ```
 */
export const MICROCREDENTIAL_ELEMENTS: readonly { element: MicrocredentialElement; label: string; mandatory: boolean; where: string }[] = [
  { element: 'learner', label: 'Identification of the learner', mandatory: true, where: 'credentialSubject.id | credentialSubject.identifier[]' },
  { element: 'title', label: 'Title of the micro-credential', mandatory: true, where: 'credentialSubject.achievement.name' },
  { element: 'issuerCountry', label: 'Country(ies)/region(s) of the issuer', mandatory: true, where: 'issuer.address.addressCountryCode' },
  { element: 'awardingBody', label: 'Awarding body(ies)', mandatory: true, where: 'credentialSubject.achievement.creator' },
  { element: 'dateOfIssuing', label: 'Date of issuing', mandatory: true, where: 'validFrom (+ awardedDate)' },
  { element: 'learningOutcomes', label: 'Learning outcomes', mandatory: true, where: 'credentialSubject.achievement.alignment[targetType=ext:LearningOutcome]' },
  { element: 'workload', label: 'Notional workload (ECTS wherever possible)', mandatory: true, where: 'credentialSubject.achievement.alignment[targetType=ext:NotionalWorkload] (+ creditsAvailable)' },
  { element: 'level', label: 'Level (and cycle), if applicable (EQF, QF-EHEA)', mandatory: true, where: 'credentialSubject.achievement.alignment[targetType=ext:QualificationLevel]' },
  { element: 'assessmentType', label: 'Type of assessment', mandatory: true, where: 'credentialSubject.achievement.resultDescription[type=AssessmentResultDescription].assessmentType' },
  { element: 'participationForm', label: 'Form of participation in the learning activity', mandatory: true, where: 'credentialSubject.achievement.formOfParticipation' },
  { element: 'qualityAssurance', label: 'Type of quality assurance', mandatory: true, where: 'credentialSubject.achievement.alignment[targetType=ext:QualityAssurance]' },
  { element: 'prerequisites', label: 'Prerequisites needed to enrol', mandatory: false, where: 'credentialSubject.achievement.prerequisites' },
  { element: 'supervision', label: 'Supervision and identity verification during assessment', mandatory: false, where: 'credentialSubject.achievement.resultDescription[type=AssessmentResultDescription].supervision' },
  { element: 'grade', label: 'Grade achieved', mandatory: false, where: 'credentialSubject.result[]' },
  { element: 'stackability', label: 'Integration / stackability options', mandatory: false, where: 'credentialSubject.achievement.stackability' },
  { element: 'furtherInformation', label: 'Further information', mandatory: false, where: 'credentialSubject.achievement.furtherInformation' },
];

/**
 * Status of one EU element in a credential.
 * @example `const s: ElementStatus = 'present';`
 */
export type ElementStatus = 'present' | 'missing' | 'malformed';

/**
 * Report for one element: where it was looked for, what was found, and advice that never makes it fail
 * (e.g. "state ECTS wherever possible").
 * @example
 * ```ts
 * const r: ElementReport = { element: 'workload', label: 'Notional workload…', mandatory: true, status: 'present', path: '$.credentialSubject.achievement.workload', message: '40 hours' };
 * ```
 */
export interface ElementReport {
  element: MicrocredentialElement;
  label: string;
  mandatory: boolean;
  status: ElementStatus;
  /** JSON path where the element was found or expected. */
  path: string;
  message: string;
  advice?: string[];
}

/**
 * Result of {@link checkMicrocredential}.
 * @example
 * ```ts
 * const report: MicrocredentialReport = checkMicrocredential(credential);
 * if (!report.complete) console.log(report.missing, report.malformed);
 * ```
 */
export interface MicrocredentialReport {
  /** True iff all 11 mandatory elements are present and well-formed (optional elements never make it false). */
  complete: boolean;
  elements: ElementReport[];
  /** Mandatory elements that are absent. */
  missing: MicrocredentialElement[];
  /** Elements (mandatory or optional) present but malformed. */
  malformed: MicrocredentialElement[];
  /** Advice that does not affect `complete`. */
  advice: string[];
}

const ACH = '$.credentialSubject.achievement';
type Found = { status: ElementStatus; path: string; message: string; advice?: string[] };
const present = (path: string, message: string, advice?: string[]): Found => (advice?.length ? { status: 'present', path, message, advice } : { status: 'present', path, message });
const missing = (path: string, message: string): Found => ({ status: 'missing', path, message });
const malformed = (path: string, message: string): Found => ({ status: 'malformed', path, message });
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const asList = (v: unknown): unknown[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);
const typesOf = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const inEnum = (v: unknown, values: readonly string[]) => typeof v === 'string' && (values.includes(v) || isExtValue(v));

function checkLearner(subject: Record<string, unknown>): Found {
  const ids = asList(subject.identifier);
  if (subject.id !== undefined) {
    if (!isUri(subject.id)) return malformed('$.credentialSubject.id', `credentialSubject.id is not an absolute URI: ${JSON.stringify(subject.id)}`);
    return present('$.credentialSubject.id', `learner identified by ${String(subject.id).split('#')[0]}`);
  }
  if (ids && ids.length > 0) {
    for (const [i, o] of ids.entries()) {
      const p = `$.credentialSubject.identifier[${i}]`;
      if (!isPlainObject(o) || o.type !== 'IdentityObject' || typeof o.hashed !== 'boolean' || !nonEmpty(o.identityHash) || !nonEmpty(o.identityType)) {
        return malformed(p, 'IdentityObject needs type, hashed, identityHash and identityType');
      }
      if (o.hashed && !/^(sha256|md5)\$[0-9a-fA-F]+$/.test(o.identityHash)) return malformed(`${p}.identityHash`, 'hashed identityHash must look like sha256$<hex>');
    }
    return present('$.credentialSubject.identifier', `learner identified by ${ids.length} identifier(s) (${ids.map((o) => (o as { identityType: string }).identityType).join(', ')})`);
  }
  return missing('$.credentialSubject', 'neither credentialSubject.id nor credentialSubject.identifier');
}

function checkProfileCountry(profile: unknown, path: string): Found | undefined {
  if (!isPlainObject(profile) || !isPlainObject(profile.address)) return undefined;
  const code = profile.address.addressCountryCode;
  if (code === undefined) return undefined;
  if (typeof code !== 'string' || !/^[A-Z]{2}$/.test(code)) return malformed(`${path}.address.addressCountryCode`, `expected an ISO 3166-1 alpha-2 code, got ${JSON.stringify(code)}`);
  return present(`${path}.address.addressCountryCode`, code);
}

function checkWorkload(a: Record<string, unknown>): Found {
  const list = asList(a.workload);
  if (!list || list.length === 0) {
    // standard-first: alignment[] with targetType ext:NotionalWorkload (amount in targetCode, unit in targetFramework)
    const al = asList(a.alignment) ?? [];
    const idx = al.map((x, i) => [x, i] as const).filter(([x]) => isPlainObject(x) && x.targetType === WORKLOAD_TARGET_TYPE);
    if (idx.length > 0) {
      const parts: string[] = [];
      for (const [x, i] of idx) {
        const w = x as Record<string, unknown>;
        const p = `${ACH}.alignment[${i}]`;
        const n = typeof w.targetCode === 'string' ? Number(w.targetCode) : NaN;
        if (!Number.isFinite(n) || n <= 0) return malformed(`${p}.targetCode`, 'a workload alignment states a positive amount in targetCode');
        if (!(w.targetFramework === 'ECTS' || w.targetFramework === 'hours' || isExtValue(w.targetFramework))) {
          return malformed(`${p}.targetFramework`, `workload unit (targetFramework) must be ECTS, hours or ext:…, got ${JSON.stringify(w.targetFramework)}`);
        }
        parts.push(`${n} ${String(w.targetFramework)}`);
      }
      const ects = idx.some(([x]) => (x as Record<string, unknown>).targetFramework === 'ECTS');
      return present(`${ACH}.alignment[${idx[0]![1]}]`, parts.join(' + '), ects ? [] : ['ects: the EU Recommendation asks for ECTS credits wherever possible (hours or national credits are valid)']);
    }
    if (a.creditsAvailable !== undefined) return malformed(`${ACH}.creditsAvailable`, `creditsAvailable has no unit: add an alignment with targetType ${WORKLOAD_TARGET_TYPE} (unit in targetFramework)`);
    return missing(`${ACH}.workload`, 'no workload');
  }
  const parts: string[] = [];
  for (const [i, w] of list.entries()) {
    const p = `${ACH}.workload[${i}]`;
    if (!isPlainObject(w) || typeof w.value !== 'number' || !Number.isFinite(w.value) || w.value <= 0) return malformed(p, 'workload needs a positive numeric value');
    if (!(w.unit === 'ECTS' || w.unit === 'hours' || isExtValue(w.unit))) return malformed(`${p}.unit`, `workload unit must be ECTS, hours or ext:…, got ${JSON.stringify(w.unit)}`);
    parts.push(`${w.value} ${String(w.unit)}`);
  }
  const advice = list.some((w) => isPlainObject(w) && w.unit === 'ECTS') ? [] : ['ects: the EU Recommendation asks for ECTS credits wherever possible (hours or national credits are valid)'];
  return present(`${ACH}.workload`, parts.join(' + '), advice);
}

function checkLevel(a: Record<string, unknown>): Found {
  const list = asList(a.qualificationLevel);
  if (list && list.length > 0) {
    const parts: string[] = [];
    for (const [i, l] of list.entries()) {
      const p = `${ACH}.qualificationLevel[${i}]`;
      if (!isPlainObject(l) || !nonEmpty(l.framework) || !nonEmpty(l.level)) return malformed(p, 'a level needs framework and level');
      if (l.framework === 'EQF' && !/^[1-8]$/.test(l.level)) return malformed(`${p}.level`, `EQF levels are 1–8, got ${JSON.stringify(l.level)}`);
      if (l.framework === 'none' && l.level === 'not-applicable') parts.push('declared not applicable');
      else parts.push(`${l.framework} ${l.level}${nonEmpty(l.cycle) ? ` (${l.cycle} cycle)` : ''}`);
    }
    return present(`${ACH}.qualificationLevel`, parts.join(', '));
  }
  const al = asList(a.alignment) ?? [];
  const idx = al.findIndex((x) => isPlainObject(x) && (x.targetType === 'ext:QualificationLevel' || (typeof x.targetFramework === 'string' && /(^|\b)(EQF|European Qualifications Framework|QF-EHEA)\b/.test(x.targetFramework))));
  if (idx >= 0) {
    const x = al[idx] as { targetName?: unknown; targetCode?: unknown };
    return present(`${ACH}.alignment[${idx}]`, x.targetCode === 'not-applicable' ? 'declared not applicable' : String(x.targetName));
  }
  return missing(`${ACH}.qualificationLevel`, "no level: give EQF / QF-EHEA / a national level, or declare 'not-applicable'");
}

function checkAssessment(a: Record<string, unknown>): { type: Found; supervision: Found } {
  const list = asList(a.assessment);
  if (list && list.length > 0) {
    const types: string[] = [];
    const sup: string[] = [];
    for (const [i, x] of list.entries()) {
      const p = `${ACH}.assessment[${i}]`;
      if (!isPlainObject(x) || !inEnum(x.assessmentType, ASSESSMENT_TYPES)) {
        return { type: malformed(`${p}.assessmentType`, `assessmentType must be ${ASSESSMENT_TYPES.join(', ')} or ext:…`), supervision: missing(p, 'assessment malformed') };
      }
      if (!nonEmpty(x.description)) return { type: malformed(`${p}.description`, 'an assessment needs a description'), supervision: missing(p, 'assessment malformed') };
      types.push(String(x.assessmentType));
      if (x.supervision !== undefined) {
        if (typeof x.supervision !== 'string' || !SUPERVISION_TYPES.includes(x.supervision as never)) {
          return { type: present(`${ACH}.assessment`, types.join(', ')), supervision: malformed(`${p}.supervision`, `supervision must be one of ${SUPERVISION_TYPES.join(', ')}`) };
        }
        sup.push(x.supervision);
      }
    }
    return {
      type: present(`${ACH}.assessment`, types.join(', ')),
      supervision: sup.length ? present(`${ACH}.assessment`, sup.join(', ')) : missing(`${ACH}.assessment[].supervision`, 'not stated'),
    };
  }
  // 1EdTech Assessment Extension: a ResultDescription typed AssessmentResultDescription with assessmentType.
  const rds = asList(a.resultDescription) ?? [];
  const i = rds.findIndex((rd) => isPlainObject(rd) && typesOf(rd.type).includes('AssessmentResultDescription'));
  if (i >= 0) {
    const all = rds.map((rd, j) => [rd, j] as const).filter(([rd]) => isPlainObject(rd) && typesOf(rd.type).includes('AssessmentResultDescription'));
    const types: string[] = [];
    const sup: string[] = [];
    for (const [rd0, j] of all) {
      const rd = rd0 as Record<string, unknown>;
      const p = `${ACH}.resultDescription[${j}]`;
      if (!inEnum(rd.assessmentType, ASSESSMENT_TYPES)) {
        return { type: malformed(`${p}.assessmentType`, 'assessmentType must be Exam, Performance or Artifact'), supervision: missing(p, 'assessment malformed') };
      }
      types.push(String(rd.assessmentType));
      if (rd.supervision !== undefined) {
        if (typeof rd.supervision !== 'string' || !SUPERVISION_TYPES.includes(rd.supervision as never)) {
          return { type: present(`${p}.assessmentType`, types.join(', ')), supervision: malformed(`${p}.supervision`, `supervision must be one of ${SUPERVISION_TYPES.join(', ')}`) };
        }
        sup.push(rd.supervision);
      }
    }
    return {
      type: present(`${ACH}.resultDescription[${i}].assessmentType`, types.join(', ')),
      supervision: sup.length ? present(`${ACH}.resultDescription[${i}].supervision`, sup.join(', ')) : missing(`${ACH}.resultDescription[].supervision`, 'not stated'),
    };
  }
  return { type: missing(`${ACH}.assessment`, 'no type of assessment'), supervision: missing(`${ACH}.assessment[].supervision`, 'not stated') };
}

function checkAll(credential: unknown): Record<MicrocredentialElement, Found> {
  const cred = isPlainObject(credential) ? credential : {};
  const subject = isPlainObject(cred.credentialSubject) ? cred.credentialSubject : {};
  const a = isPlainObject(subject.achievement) ? subject.achievement : {};
  const out = {} as Record<MicrocredentialElement, Found>;

  out.learner = checkLearner(subject);
  out.title = a.name === undefined ? missing(`${ACH}.name`, 'no title')
    : nonEmpty(a.name) ? present(`${ACH}.name`, a.name) : malformed(`${ACH}.name`, 'title must be a non-empty string');
  out.issuerCountry = checkProfileCountry(cred.issuer, '$.issuer')
    ?? missing('$.issuer.address.addressCountryCode', 'issuer has no address.addressCountryCode');
  if (a.creator === undefined) out.awardingBody = missing(`${ACH}.creator`, 'no awarding body (achievement.creator; may equal the issuer)');
  else if (!isPlainObject(a.creator) || !isUri(a.creator.id)) out.awardingBody = malformed(`${ACH}.creator`, 'creator must be a Profile with an id');
  else {
    const bodies = [a.creator, ...(asList(a.jointAwardingBody) ?? [])];
    const bad = bodies.findIndex((b) => !isPlainObject(b) || !isUri(b.id));
    out.awardingBody = bad > 0 ? malformed(`${ACH}.jointAwardingBody[${bad - 1}]`, 'joint awarding bodies must be Profiles with an id')
      : present(`${ACH}.creator`, bodies.map((b) => String((b as { name?: unknown; id: unknown }).name ?? (b as { id: unknown }).id)).join('; '));
  }
  if (cred.validFrom === undefined && cred.issuanceDate === undefined) out.dateOfIssuing = missing('$.validFrom', 'no validFrom');
  else {
    const key = cred.validFrom !== undefined ? 'validFrom' : 'issuanceDate';
    if (!isDateTimeZ(cred[key])) out.dateOfIssuing = malformed(`$.${key}`, `${key} is not a date-time with time zone`);
    else if (cred.awardedDate !== undefined && !isDateTimeZ(cred.awardedDate)) out.dateOfIssuing = malformed('$.awardedDate', 'awardedDate is not a date-time with time zone');
    else out.dateOfIssuing = present(`$.${key}`, String(cred.awardedDate ?? cred[key]));
  }
  const los = asList(a.learningOutcomes);
  const alignments = asList(a.alignment) ?? [];
  const loAlign = alignments.map((x, i) => [x, i] as const).filter(([x]) => isPlainObject(x) && x.targetType === LEARNING_OUTCOME_TARGET_TYPE);
  const qaAlign = alignments.map((x, i) => [x, i] as const).filter(([x]) => isPlainObject(x) && x.targetType === QUALITY_ASSURANCE_TARGET_TYPE);
  if ((!los || los.length === 0) && loAlign.length > 0) {
    const bad = loAlign.find(([x]) => !nonEmpty((x as Record<string, unknown>).targetName));
    const skills = alignments.filter((x) => isPlainObject(x) && typeof x.targetType === 'string' && /^(ext:ESCO|ceasn:Competency|CFItem)/.test(x.targetType)).length;
    out.learningOutcomes = bad ? malformed(`${ACH}.alignment[${bad[1]}].targetName`, 'a learning outcome alignment needs its text in targetName')
      : present(`${ACH}.alignment[${loAlign[0]![1]}]`, `${loAlign.length} learning outcome(s), ${skills} skill alignment(s)`);
  } else if (!los || los.length === 0) out.learningOutcomes = missing(`${ACH}.learningOutcomes`, 'no learning outcomes');
  else {
    const bad = los.findIndex((lo) => !isPlainObject(lo) || !nonEmpty(lo.description));
    out.learningOutcomes = bad >= 0 ? malformed(`${ACH}.learningOutcomes[${bad}]`, 'each learning outcome needs a description')
      : present(`${ACH}.learningOutcomes`, `${los.length} learning outcome(s), ${los.filter((lo) => (asList((lo as { alignment?: unknown }).alignment) ?? []).length > 0).length} aligned to skills`);
  }
  out.workload = checkWorkload(a);
  out.level = checkLevel(a);
  const assess = checkAssessment(a);
  out.assessmentType = assess.type;
  const forms = asList(a.formOfParticipation);
  if (!forms || forms.length === 0) out.participationForm = missing(`${ACH}.formOfParticipation`, 'no form of participation');
  else {
    const bad = forms.findIndex((f) => !inEnum(f, PARTICIPATION_FORMS));
    out.participationForm = bad >= 0 ? malformed(`${ACH}.formOfParticipation[${bad}]`, `must be ${PARTICIPATION_FORMS.join(', ')} or ext:…`) : present(`${ACH}.formOfParticipation`, forms.join(', '));
  }
  const qas = asList(a.qualityAssurance);
  if ((!qas || qas.length === 0) && qaAlign.length > 0) {
    const bad = qaAlign.find(([x]) => !inEnum((x as Record<string, unknown>).targetCode, QUALITY_ASSURANCE_TYPES) || !nonEmpty((x as Record<string, unknown>).targetName));
    out.qualityAssurance = bad ? malformed(`${ACH}.alignment[${bad[1]}]`, `a quality assurance alignment needs targetCode (${QUALITY_ASSURANCE_TYPES.join(', ')} or ext:…) and a description in targetName`)
      : present(`${ACH}.alignment[${qaAlign[0]![1]}]`, qaAlign.map(([x]) => String((x as Record<string, unknown>).targetCode)).join(', '));
  } else if (!qas || qas.length === 0) out.qualityAssurance = missing(`${ACH}.qualityAssurance`, 'no quality assurance');
  else {
    const bad = qas.findIndex((q) => !isPlainObject(q) || !inEnum(q.assuranceType, QUALITY_ASSURANCE_TYPES) || !nonEmpty(q.description));
    out.qualityAssurance = bad >= 0 ? malformed(`${ACH}.qualityAssurance[${bad}]`, `needs assuranceType (${QUALITY_ASSURANCE_TYPES.join(', ')} or ext:…) and a description`)
      : present(`${ACH}.qualityAssurance`, qas.map((q) => String((q as { assuranceType: unknown }).assuranceType)).join(', '));
  }
  // optional
  out.prerequisites = a.prerequisites === undefined ? missing(`${ACH}.prerequisites`, 'not stated')
    : nonEmpty(a.prerequisites) ? present(`${ACH}.prerequisites`, a.prerequisites) : malformed(`${ACH}.prerequisites`, 'must be a non-empty string');
  out.supervision = assess.supervision;
  const results = asList(subject.result);
  out.grade = results && results.length > 0 ? present('$.credentialSubject.result', `${results.length} result(s)`) : missing('$.credentialSubject.result', 'no result');
  if (a.stackability === undefined) out.stackability = missing(`${ACH}.stackability`, 'not stated');
  else {
    const s = a.stackability;
    out.stackability = isPlainObject(s) && typeof s.option === 'string' && STACKABILITY_OPTIONS.includes(s.option as never)
      ? present(`${ACH}.stackability`, s.option) : malformed(`${ACH}.stackability.option`, `must be ${STACKABILITY_OPTIONS.join(', ')}`);
  }
  out.furtherInformation = a.furtherInformation === undefined ? missing(`${ACH}.furtherInformation`, 'not stated')
    : nonEmpty(a.furtherInformation) ? present(`${ACH}.furtherInformation`, a.furtherInformation) : malformed(`${ACH}.furtherInformation`, 'must be a non-empty string');
  return out;
}

/**
 * Report, element by element, which EU micro-credential elements (Annex I of Council Recommendation 2022/C 243/02) a
 * credential carries: present, missing or malformed, with the JSON path. Accepts any value and never throws.
 *
 * Non-EU partners are first-class: workload in hours or national credits and national framework levels are `present`;
 * the ECTS recommendation is advice only. `complete` ignores optional elements.
 * @example
 * ```ts
 * const report = checkMicrocredential(signed);
 * report.complete;              // true when all 11 mandatory elements are present and well-formed
 * report.missing;               // e.g. ['qualityAssurance']
 * report.elements.find((e) => e.element === 'workload')?.message; // '5 ECTS'
 * ```
 */
export function checkMicrocredential(credential: unknown): MicrocredentialReport {
  let found: Record<MicrocredentialElement, Found>;
  try {
    found = checkAll(credential);
  } catch {
    found = checkAll({});
  }
  const elements: ElementReport[] = MICROCREDENTIAL_ELEMENTS.map(({ element, label, mandatory }) => {
    const f = found[element];
    const r: ElementReport = { element, label, mandatory, status: f.status, path: f.path, message: f.message };
    if (f.advice?.length) r.advice = f.advice;
    return r;
  });
  const missingList = elements.filter((e) => e.mandatory && e.status === 'missing').map((e) => e.element);
  const malformedList = elements.filter((e) => e.status === 'malformed').map((e) => e.element);
  const mandatoryMalformed = elements.some((e) => e.mandatory && e.status === 'malformed');
  return {
    complete: missingList.length === 0 && !mandatoryMalformed,
    elements,
    missing: missingList,
    malformed: malformedList,
    advice: elements.flatMap((e) => e.advice ?? []),
  };
}

// @ts-nocheck
import { LEVEL_TARGET_TYPE } from '../model/alignment.js';
import { getWorkload } from '../model/achievement.js';
import { LEARNING_OUTCOME_TARGET_TYPE, QUALITY_ASSURANCE_TARGET_TYPE, WORKLOAD_TARGET_TYPE } from '../model/constants.js';
import { childId } from '../model/util.js';
import type {
  Assessment, IdentityObject, LanguageMap, ParticipationForm, QualificationLevel, QualityAssurance, Stackability, Workload,
} from '../model/types.js';

/**
 * A learning outcome as the EU elements see it: text (with languages) and the skills it aligns to.
 * @example
 * ```ts
 * const lo: EuLearningOutcome = { text: { en: 'Explain automation bias' }, skills: [{ id: 'http://data.europa.eu/esco/skill/…', name: 'think critically' }] };
 * ```
 */
export interface EuLearningOutcome {
  id?: string;
  text: LanguageMap;
  /** `code`: the alignment's `targetCode` for a skill outside ESCO (e.g. DigComp `1.2`; ESCO codes follow from the URI). */
  skills: EuSkill[];
}

/**
 * A skill / competence a learning outcome aligns to.
 * @example `const s: EuSkill = { id: 'https://joint-research-centre.ec.europa.eu/digcomp_en', name: 'DigComp 1.2', framework: 'DigComp 2.2', code: '1.2' };`
 */
export interface EuSkill { id: string; name: string; framework?: string; code?: string }

/**
 * An organisation (issuer, awarding body) as the EU elements see it.
 * @example `const o: EuOrganisation = { id: 'did:web:uni.example', name: { en: 'University of Example' }, country: 'DE' };`
 */
export interface EuOrganisation {
  id: string;
  name: LanguageMap;
  /** ISO 3166-1 alpha-2 code. */
  country?: string;
  url?: string;
  email?: string;
}

/**
 * The EU micro-credential elements (Council Recommendation 2022/C 243/02, Annex I) of one award, normalised:
 * the common ground of an Open Badge and a European Digital Credential. `readEuElements` reads them from an OB 3.0
 * credential, `fromElm` from an EDC; comparing two of these is how the round trip OB → ELM → OB is tested.
 * @example
 * ```ts
 * const e: EuElements = readEuElements(openBadge);
 * e.workload; // [{ value: 5, unit: 'ECTS' }]
 * ```
 */
export interface EuElements {
  credentialId?: string;
  achievementId: string;
  /** 1. Learner: a DID/URI and/or identity objects (hashed email, student id). */
  learner: { id?: string; identifiers: IdentityObject[] };
  /** 2. Title (with languages) and the description. */
  title: LanguageMap;
  description: LanguageMap;
  /** 3. The issuer, with its country. */
  issuer: EuOrganisation;
  /** 4. Awarding body(ies). */
  awardingBodies: EuOrganisation[];
  /** 5. Date of issuing (+ original award date, expiry). */
  validFrom?: string;
  awardedDate?: string;
  validUntil?: string;
  /** 6. Learning outcomes. */
  learningOutcomes: EuLearningOutcome[];
  /** 7. Workload with unit(s). */
  workload: Workload[];
  /** 8. Level(s). */
  levels: QualificationLevel[];
  /** 9. Type(s) of assessment, each with supervision / identity verification (optional element). */
  assessments: Assessment[];
  /** 10. Form(s) of participation. */
  participation: ParticipationForm[];
  /** 11. Quality assurance. */
  qualityAssurance: QualityAssurance[];
  /** Optional elements. */
  prerequisites?: string;
  grade?: string;
  stackability?: Stackability;
  furtherInformation?: string;
  /** Component parts of a stacked credential (ids of the component credentials). */
  parts: { id: string; name?: string }[];
  /** Primary language (BCP 47). */
  language: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** `name` + `nameMap` (our builders' two spellings) → one language map. @internal */
export function textOf(plain: unknown, map: unknown, language: string): LanguageMap {
  const out: LanguageMap = {};
  if (isObj(map)) for (const [k, v] of Object.entries(map)) if (typeof v === 'string') out[k] = v;
  const p = str(plain);
  if (p !== undefined && !Object.values(out).includes(p)) out[language] = p;
  return out;
}

function organisationOf(p: unknown, language: string): EuOrganisation | undefined {
  if (typeof p === 'string') return { id: p, name: {} };
  if (!isObj(p) || typeof p.id !== 'string') return undefined;
  const o: EuOrganisation = { id: p.id, name: textOf(p.name, p.nameMap, language) };
  const country = isObj(p.address) ? str(p.address.addressCountryCode) : undefined;
  if (country) o.country = country;
  if (str(p.url)) o.url = p.url as string;
  if (str(p.email)) o.email = p.email as string;
  return o;
}

const ESCO = 'http://data.europa.eu/esco/';

/** `type` of a JSON-LD node as a list of strings. */
const typesOf = (v: unknown): string[] => list(v).filter((x): x is string => typeof x === 'string');

/** Alignment target types that carry an EU element (not a skill). */
const EU_TARGET_TYPES = new Set<unknown>([LEARNING_OUTCOME_TARGET_TYPE, WORKLOAD_TARGET_TYPE, LEVEL_TARGET_TYPE, QUALITY_ASSURANCE_TARGET_TYPE]);

/** The names `defineLevel` gives the EQF and QF-EHEA in `targetFramework` (src/model/alignment.ts). */
const EQF_FRAMEWORK_NAME = 'European Qualifications Framework';
const EHEA_FRAMEWORK_NAME = 'Framework for Qualifications of the European Higher Education Area';

function skillOf(al: Obj): EuSkill {
  const s: EuSkill = { id: al.targetUrl as string, name: str(al.targetName) ?? (al.targetUrl as string) };
  if (str(al.targetFramework)) s.framework = al.targetFramework as string;
  // two skills of one framework page (DigCompEdu areas 2 and 4) differ only by targetCode; keep it (ESCO: in the URI)
  if (str(al.targetCode) && !isEscoUrl(s.id)) s.code = al.targetCode as string;
  return s;
}

/**
 * Learning outcomes of the standard-first form: each `ext:LearningOutcome` alignment (text in targetName + nameMap, id in
 * targetUrl), followed in `alignment[]` by the skills `defineAchievement` pushed for it, up to the next outcome.
 * The id is kept only when it is not the default `<achievement id>#learning-outcome-<n>` the builder derives.
 */
function learningOutcomesFromAlignments(alignments: Obj[], achievementId: string, language: string): EuLearningOutcome[] {
  const out: EuLearningOutcome[] = [];
  for (const al of alignments) {
    if (al.targetType === LEARNING_OUTCOME_TARGET_TYPE) {
      const lo: EuLearningOutcome = { text: textOf(al.targetName, al.nameMap, language), skills: [] };
      if (typeof al.targetUrl === 'string' && al.targetUrl !== childId(achievementId, `learning-outcome-${out.length + 1}`)) lo.id = al.targetUrl;
      out.push(lo);
    } else if (out.length > 0 && !EU_TARGET_TYPES.has(al.targetType) && typeof al.targetUrl === 'string') {
      out[out.length - 1]!.skills.push(skillOf(al));
    }
  }
  return out;
}

/** Workload of the standard-first form: the units of the `ext:NotionalWorkload` alignments, amounts via the model's `getWorkload`. */
function workloadFromAlignments(a: Obj, alignments: Obj[]): Workload[] {
  const out: Workload[] = [];
  for (const al of alignments) {
    if (al.targetType !== WORKLOAD_TARGET_TYPE || typeof al.targetFramework !== 'string') continue;
    const unit = al.targetFramework as Workload['unit'];
    const value = getWorkload(a, unit);
    if (value !== undefined && !out.some((w) => w.unit === unit)) out.push({ value, unit });
  }
  return out;
}

/** Levels of the standard-first form: the `ext:QualificationLevel` alignments `defineLevel` writes, read back. */
function levelsFromAlignments(alignments: Obj[]): QualificationLevel[] {
  const out: QualificationLevel[] = [];
  for (const al of alignments) {
    if (al.targetType !== LEVEL_TARGET_TYPE) continue;
    const code = str(al.targetCode);
    const url = str(al.targetUrl);
    const fw = str(al.targetFramework);
    if (code === undefined) continue;
    if (code === 'not-applicable' && fw === 'none') out.push({ framework: 'none', level: 'not-applicable' } as QualificationLevel);
    else if (fw === EQF_FRAMEWORK_NAME) out.push({ framework: 'EQF', level: code, ...(url ? { levelUrl: url } : {}) } as QualificationLevel);
    else if (fw === EHEA_FRAMEWORK_NAME) {
      out.push({ framework: 'QF-EHEA', level: code, cycle: code.replace(/-cycle$/, ''), ...(url ? { levelUrl: url } : {}) } as QualificationLevel);
    } else {
      // a national framework: defineLevel names it `${framework} level ${level}` (targetFramework holds its long name)
      const name = str(al.targetName);
      const suffix = ` level ${code}`;
      const framework = name?.endsWith(suffix) ? name.slice(0, -suffix.length) : fw;
      if (framework) out.push({ framework, level: code, ...(url ? { levelUrl: url } : {}) } as QualificationLevel);
    }
  }
  return out;
}

/** Quality assurance of the standard-first form; the url is kept only when it is not the builder's default fragment id. */
function qualityAssuranceFromAlignments(alignments: Obj[], achievementId: string): QualityAssurance[] {
  return alignments.filter((al) => al.targetType === QUALITY_ASSURANCE_TARGET_TYPE).map((al, i) => {
    const q = { assuranceType: al.targetCode, description: al.targetName } as QualityAssurance;
    if (typeof al.targetUrl === 'string' && al.targetUrl !== childId(achievementId, `quality-assurance-${i + 1}`)) q.assuranceUrl = al.targetUrl;
    return q;
  });
}

/** The EU elements of an assessment: its type, its description and supervision / identity verification. */
function assessmentOf(x: Obj): Assessment {
  const out = { assessmentType: x.assessmentType, description: x.description } as Assessment;
  if (typeof x.supervision === 'string') out.supervision = x.supervision as Assessment['supervision'];
  return out;
}

/**
 * Read the EU micro-credential elements of an Open Badges 3.0 credential made with credstack's builders
 * (`defineAchievement` + `awardAchievement`, stacked credentials): the issuer's input side of {@link toElm}.
 * It reads the credential as given (it is the issuer's own document); it does not verify it.
 * @example
 * ```ts
 * const e = readEuElements(signedBadge);
 * e.levels; // [{ framework: 'EQF', level: '6', levelUrl: 'http://data.europa.eu/snb/eqf/6' }]
 * ```
 */
export function readEuElements(credential: unknown): EuElements {
  const cred = isObj(credential) ? credential : {};
  const subject = (list(cred.credentialSubject).find(isObj) ?? {}) as Obj;
  const a = (isObj(subject.achievement) ? subject.achievement : {}) as Obj;
  const language = str(a.inLanguage) ?? (isObj(a.nameMap) ? Object.keys(a.nameMap)[0] : undefined) ?? 'en';
  const issuer = organisationOf(cred.issuer, language) ?? { id: '', name: {} };
  const awardingBodies = [a.creator, ...list(a.jointAwardingBody)].map((p) => organisationOf(p, language)).filter((o): o is EuOrganisation => !!o);

  const achievementId = typeof a.id === 'string' ? a.id : '';
  const alignments = list(a.alignment).filter(isObj);
  // Old form: credstack extension terms on the achievement; standard-first form (defineAchievement today): OB alignments
  // with ext: target types and AssessmentResultDescriptions. The old term wins when present, as in checkMicrocredential.
  const learningOutcomes: EuLearningOutcome[] = list(a.learningOutcomes).length > 0
    ? list(a.learningOutcomes).filter(isObj).map((lo) => {
      const out: EuLearningOutcome = {
        text: textOf(lo.description, lo.descriptionMap, language),
        skills: list(lo.alignment).filter(isObj).filter((al) => typeof al.targetUrl === 'string').map(skillOf),
      };
      if (typeof lo.id === 'string') out.id = lo.id;
      return out;
    })
    : learningOutcomesFromAlignments(alignments, achievementId, language);
  const workload = list(a.workload).length > 0 ? list(a.workload).filter(isObj) as unknown as Workload[] : workloadFromAlignments(a, alignments);
  const levels = list(a.qualificationLevel).length > 0 ? list(a.qualificationLevel).filter(isObj) as unknown as QualificationLevel[] : levelsFromAlignments(alignments);
  const assessments = list(a.assessment).length > 0 ? list(a.assessment).filter(isObj).map(assessmentOf)
    : list(a.resultDescription).filter(isObj).filter((rd) => typesOf(rd.type).includes('AssessmentResultDescription')).map(assessmentOf);
  const qualityAssurance = list(a.qualityAssurance).length > 0 ? list(a.qualityAssurance).filter(isObj) as unknown as QualityAssurance[]
    : qualityAssuranceFromAlignments(alignments, achievementId);

  const results = list(subject.result).filter(isObj);
  const grade = results.map((r) => str(r.value) ?? str(r.achievedLevel)).find((v) => v !== undefined);
  const parts = list(cred.relatedResource).filter(isObj).filter((r) => typeof r.id === 'string')
    .map((r) => (str(r.name) ? { id: r.id as string, name: r.name as string } : { id: r.id as string }));

  const e: EuElements = {
    achievementId,
    learner: { identifiers: list(subject.identifier).filter(isObj) as unknown as IdentityObject[] },
    title: textOf(a.name, a.nameMap, language),
    description: textOf(a.description, a.descriptionMap, language),
    issuer,
    awardingBodies,
    learningOutcomes,
    workload,
    levels,
    assessments,
    participation: list(a.formOfParticipation).filter((v): v is ParticipationForm => typeof v === 'string'),
    qualityAssurance,
    parts,
    language,
  };
  if (typeof cred.id === 'string') e.credentialId = cred.id;
  if (typeof subject.id === 'string') e.learner.id = subject.id;
  for (const k of ['validFrom', 'awardedDate', 'validUntil'] as const) if (str(cred[k])) e[k] = cred[k] as string;
  if (!e.validFrom && str(cred.issuanceDate)) e.validFrom = cred.issuanceDate as string;
  if (!e.validUntil && str(cred.expirationDate)) e.validUntil = cred.expirationDate as string;
  if (str(a.prerequisites)) e.prerequisites = a.prerequisites as string;
  if (str(a.furtherInformation)) e.furtherInformation = a.furtherInformation as string;
  if (isObj(a.stackability)) e.stackability = a.stackability as unknown as Stackability;
  if (grade !== undefined) e.grade = grade;
  return e;
}

/** @internal Is this alignment URL an ESCO skill / competence? */
export const isEscoUrl = (url: string): boolean => url.startsWith(ESCO);

// @ts-nocheck
import {
  ACHIEVEMENT_TYPES, ASSESSMENT_TYPES, ECTS_URL, HOURS_UNIT_URL, LEARNING_OUTCOME_TARGET_TYPE, PARTICIPATION_FORMS,
  QUALITY_ASSURANCE_TARGET_TYPE, QUALITY_ASSURANCE_TYPES, RESULT_TYPES, STACKABILITY_OPTIONS, SUPERVISION_TYPES, WORKLOAD_TARGET_TYPE,
} from './constants.js';
import { defineAlignment, defineLevel, LEVEL_TARGET_TYPE, type AlignmentInput, type LevelInput } from './alignment.js';
import { imageOf } from './image.js';
import type {
  Achievement, AchievementType, Alignment, Assessment, AssessmentType, IdentifierEntry, Image, LearningOutcome, LocalizedText,
  ParticipationForm, Profile, QualityAssurance, QualityAssuranceType, Related, ResultDescription, ResultType,
  RubricCriterionLevel, Stackability, StackabilityOption, SupervisionType, Workload, WorkloadUnit,
} from './types.js';
import {
  childId, compact, fail, isLanguageTag, isPlainObject, isUri, optionalString, requireEnum, requireString, requireUri,
  resolveText, slug, toArray,
} from './util.js';

/**
 * A learning outcome: plain text, a language map, or an object with skills it aligns to.
 * @example
 * ```ts
 * const lo: LearningOutcomeInput = { text: { en: 'Explain automation bias', it: 'Spiegare il bias di automazione' },
 *   skills: [escoSkill('http://data.europa.eu/esco/skill/…', 'think critically')] };
 * ```
 */
export type LearningOutcomeInput = LocalizedText | { text: LocalizedText; skills?: (Alignment | AlignmentInput)[]; id?: string };

/**
 * A rubric level: name plus optional description, level label and points.
 * @example `const l: RubricLevelInput = { name: 'Proficient', description: 'Applies the method unaided', points: 3 };`
 */
export interface RubricLevelInput {
  name: string;
  description?: string;
  level?: string;
  points?: number | string;
  alignment?: (Alignment | AlignmentInput)[];
  id?: string;
}

/**
 * A possible result of the achievement (grade scale, score range, rubric, status). Ids are derived from the achievement
 * id (`<achievement>#result-<slug>`) unless given, so awards can refer to results by name.
 * @example
 * ```ts
 * const grade: ResultDescriptionInput = { name: 'Final grade', resultType: 'LetterGrade', allowedValues: ['D', 'C', 'B', 'A'], requiredValue: 'C' };
 * const rubric: ResultDescriptionInput = { name: 'Project rubric', resultType: 'RubricCriterionLevel',
 *   rubric: { levels: [{ name: 'Beginning' }, { name: 'Proficient' }, { name: 'Exemplary' }], requiredLevel: 'Proficient' } };
 * ```
 */
export interface ResultDescriptionInput {
  name: string;
  resultType: ResultType;
  id?: string;
  allowedValues?: string[];
  requiredValue?: string | number;
  valueMin?: string | number;
  valueMax?: string | number;
  rubric?: { levels: RubricLevelInput[]; requiredLevel?: string };
  alignment?: (Alignment | AlignmentInput)[];
}

/**
 * Input of {@link defineAchievement}. `id`, `name`, `description` and `criteria` are required (OB 3.0);
 * the EU micro-credential elements are optional here and reported by `checkMicrocredential`.
 * @example
 * ```ts
 * const input: AchievementInput = { id: 'https://uni.example/achievements/ai', name: 'AI basics', description: '…',
 *   criteria: 'Pass the exam.', workload: { value: 5, unit: 'ECTS' }, level: { framework: 'EQF', level: 6 } };
 * ```
 */
export interface AchievementInput {
  /** Stable URI of the achievement definition (e.g. `https://uni.example/achievements/ai-foundations`). */
  id: string;
  /** Title (EU element 2): a string or a language map. */
  name: LocalizedText;
  description: LocalizedText;
  /** Criteria: a Markdown narrative, or `{ id?: URL, narrative? }`. */
  criteria: string | { id?: string; narrative?: string };
  /** Primary language (BCP 47). Default: the first language of `name` when it is a map. Stored as `inLanguage`. */
  language?: string;
  /** Default `MicroCredential` when any EU element is given, otherwise none. */
  achievementType?: AchievementType;
  /** Awarding body (EU element 4); may differ from the issuer that signs. */
  creator?: Profile;
  /** Further awarding bodies of a joint micro-credential. */
  jointAwardingBodies?: Profile[];
  image?: string | Image;
  /** Learning outcomes (EU element 6). */
  learningOutcomes?: LearningOutcomeInput[];
  /** Achievement-level alignments (skills, competences). */
  alignment?: (Alignment | AlignmentInput)[];
  /** Notional workload with its unit (EU element 7). ECTS also fills `creditsAvailable`. */
  workload?: Workload | Workload[];
  /** Override / set `creditsAvailable` (OB: credit hours or credits). */
  creditsAvailable?: number;
  /** Level(s) (EU element 8): EQF, QF-EHEA, national framework, or 'not-applicable'. */
  level?: LevelInput | LevelInput[];
  /** Type(s) of assessment (EU element 9), with optional supervision / identity verification. */
  assessment?: Assessment | Assessment[];
  /** Form(s) of participation (EU element 10). */
  participation?: ParticipationForm | ParticipationForm[];
  /** Quality assurance (EU element 11). */
  qualityAssurance?: QualityAssurance | QualityAssurance[];
  prerequisites?: string;
  stackability?: Stackability;
  furtherInformation?: string;
  resultDescriptions?: ResultDescriptionInput[];
  version?: string;
  humanCode?: string;
  fieldOfStudy?: string;
  specialization?: string;
  tags?: string[];
  related?: Related[];
  otherIdentifier?: IdentifierEntry[];
}

function alignmentOf(a: Alignment | AlignmentInput, path: string): Alignment {
  return defineAlignment(a as AlignmentInput, path);
}

function learningOutcomeOf(input: LearningOutcomeInput, path: string, language?: string): LearningOutcome {
  const obj = typeof input === 'string' || (isPlainObject(input) && !('text' in input)) ? { text: input as LocalizedText } : input;
  if (!isPlainObject(obj)) fail(path, 'expected a string, a language map, or { text, skills }', 'LearningOutcome');
  const text = resolveText((obj as { text: unknown }).text, `${path}.text`, language);
  const lo: LearningOutcome = { type: 'LearningOutcome', description: text.text };
  const o = obj as { id?: unknown; skills?: unknown };
  if (o.id !== undefined) lo.id = requireUri(o.id, `${path}.id`);
  if (text.map) lo.descriptionMap = text.map;
  if (o.skills !== undefined) {
    if (!Array.isArray(o.skills)) fail(`${path}.skills`, 'expected an array of alignments', 'Alignment[]');
    lo.alignment = o.skills.map((s, i) => alignmentOf(s as AlignmentInput, `${path}.skills[${i}]`));
  }
  return lo;
}

function workloadOf(w: unknown, path: string): Workload {
  if (!isPlainObject(w)) fail(path, "expected { value, unit } with unit 'ECTS', 'hours' or an ext: unit", 'Workload');
  if (typeof w.value !== 'number' || !Number.isFinite(w.value) || w.value <= 0) {
    fail(`${path}.value`, `expected a positive number, got ${JSON.stringify(w.value)}`, 'number > 0');
  }
  if (w.unit === undefined) fail(`${path}.unit`, "a workload always carries its unit: 'ECTS', 'hours' or an ext: unit", 'ECTS|hours|ext:*');
  const unit = requireEnum<WorkloadUnit>(w.unit, ['ECTS', 'hours'], `${path}.unit`, true);
  return { value: w.value, unit };
}

function assessmentOf(a: unknown, path: string): Assessment {
  if (!isPlainObject(a)) fail(path, 'expected { assessmentType, description, … }', 'Assessment');
  const out: Assessment = {
    assessmentType: requireEnum<AssessmentType>(a.assessmentType, ASSESSMENT_TYPES, `${path}.assessmentType`, true),
    description: requireString(a.description, `${path}.description`),
  };
  const assessmentOutput = optionalString(a.assessmentOutput, `${path}.assessmentOutput`);
  if (assessmentOutput) out.assessmentOutput = assessmentOutput;
  const evaluationMethod = optionalString(a.evaluationMethod, `${path}.evaluationMethod`);
  if (evaluationMethod) out.evaluationMethod = evaluationMethod;
  for (const k of ['hasGroupParticipation', 'hasGroupEvaluation'] as const) {
    if (a[k] !== undefined) {
      if (typeof a[k] !== 'boolean') fail(`${path}.${k}`, 'expected a boolean', 'boolean');
      out[k] = a[k];
    }
  }
  const name = optionalString(a.name, `${path}.name`);
  if (name) out.name = name;
  if (a.supervision !== undefined) out.supervision = requireEnum<SupervisionType>(a.supervision, SUPERVISION_TYPES, `${path}.supervision`, false);
  return out;
}

function qualityAssuranceOf(q: unknown, path: string): QualityAssurance {
  if (!isPlainObject(q)) fail(path, 'expected { assuranceType, description, assuranceUrl? }', 'QualityAssurance');
  const out: QualityAssurance = {
    assuranceType: requireEnum<QualityAssuranceType>(q.assuranceType, QUALITY_ASSURANCE_TYPES, `${path}.assuranceType`, true),
    description: requireString(q.description, `${path}.description`),
  };
  if (q.assuranceUrl !== undefined) out.assuranceUrl = requireUri(q.assuranceUrl, `${path}.assuranceUrl`);
  return out;
}

function stackabilityOf(s: unknown, path: string): Stackability {
  if (!isPlainObject(s)) fail(path, "expected { option: 'stand-alone' | 'integrated' | 'stackable', towards?, description? }", 'Stackability');
  const out: Stackability = { option: requireEnum<StackabilityOption>(s.option, STACKABILITY_OPTIONS, `${path}.option`, false) };
  if (s.towards !== undefined) {
    if (!Array.isArray(s.towards)) fail(`${path}.towards`, 'expected an array of credential / programme URIs', 'URI[]');
    out.towards = s.towards.map((t, i) => requireUri(t, `${path}.towards[${i}]`));
  }
  if (out.option === 'stackable' && (out.towards?.length ?? 0) === 0 && s.description === undefined) {
    fail(`${path}.towards`, "a 'stackable' micro-credential names what it stacks towards (towards: [uri]) or describes it", 'URI[]');
  }
  const description = optionalString(s.description, `${path}.description`);
  if (description) out.description = description;
  return out;
}

function numericOrString(v: unknown, path: string): string {
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return requireString(v, path);
}

function resultDescriptionOf(input: ResultDescriptionInput, achievementId: string, path: string): ResultDescription {
  if (!isPlainObject(input)) fail(path, 'expected { name, resultType, … }', 'ResultDescription');
  const name = requireString(input.name, `${path}.name`);
  const resultType = requireEnum<ResultType>(input.resultType, RESULT_TYPES, `${path}.resultType`, true);
  const id = input.id !== undefined ? requireUri(input.id, `${path}.id`) : childId(achievementId, `result-${slug(name)}`);
  const rd: ResultDescription = { id, type: ['ResultDescription'], name, resultType };
  if (input.alignment !== undefined) rd.alignment = toArray(input.alignment).map((a, i) => alignmentOf(a, `${path}.alignment[${i}]`));
  if (input.allowedValues !== undefined) {
    if (!Array.isArray(input.allowedValues) || input.allowedValues.length === 0) {
      fail(`${path}.allowedValues`, 'expected a non-empty array ordered from low to high', 'string[]');
    }
    rd.allowedValue = input.allowedValues.map((v, i) => numericOrString(v, `${path}.allowedValues[${i}]`));
    if (new Set(rd.allowedValue).size !== rd.allowedValue.length) fail(`${path}.allowedValues`, 'values must be unique', 'unique values');
  }
  if (input.valueMin !== undefined) rd.valueMin = numericOrString(input.valueMin, `${path}.valueMin`);
  if (input.valueMax !== undefined) rd.valueMax = numericOrString(input.valueMax, `${path}.valueMax`);
  if (rd.valueMin !== undefined && rd.valueMax !== undefined) {
    const lo = Number(rd.valueMin);
    const hi = Number(rd.valueMax);
    if (!Number.isNaN(lo) && !Number.isNaN(hi) && lo > hi) fail(`${path}.valueMin`, `valueMin ${lo} is greater than valueMax ${hi}`, 'valueMin <= valueMax');
  }
  if (input.requiredValue !== undefined) {
    const rv = numericOrString(input.requiredValue, `${path}.requiredValue`);
    if (rd.allowedValue && !rd.allowedValue.includes(rv)) {
      fail(`${path}.requiredValue`, `"${rv}" is not one of allowedValues (${rd.allowedValue.join(', ')})`, 'a value from allowedValues');
    }
    if (!rd.allowedValue && (rd.valueMin !== undefined || rd.valueMax !== undefined)) {
      const n = Number(rv);
      if (Number.isNaN(n) || (rd.valueMin !== undefined && n < Number(rd.valueMin)) || (rd.valueMax !== undefined && n > Number(rd.valueMax))) {
        fail(`${path}.requiredValue`, `"${rv}" is outside valueMin..valueMax`, 'a value in range');
      }
    }
    rd.requiredValue = rv;
  }
  if (input.rubric !== undefined) {
    const rubric = input.rubric;
    if (!isPlainObject(rubric) || !Array.isArray(rubric.levels) || rubric.levels.length === 0) {
      fail(`${path}.rubric.levels`, 'expected a non-empty array of levels ordered from low to high', 'RubricLevel[]');
    }
    const levels: RubricCriterionLevel[] = rubric.levels.map((l, i) => {
      const lp = `${path}.rubric.levels[${i}]`;
      if (!isPlainObject(l)) fail(lp, 'expected { name, description?, points? }', 'RubricLevel');
      const lname = requireString(l.name, `${lp}.name`);
      const level: RubricCriterionLevel = compact({
        id: l.id !== undefined ? requireUri(l.id, `${lp}.id`) : childId(id, slug(lname)),
        type: ['RubricCriterionLevel'],
        name: lname,
        description: optionalString(l.description, `${lp}.description`),
        level: optionalString(l.level, `${lp}.level`),
        points: l.points === undefined ? undefined : numericOrString(l.points, `${lp}.points`),
      });
      if (l.alignment !== undefined) level.alignment = toArray(l.alignment).map((a, j) => alignmentOf(a, `${lp}.alignment[${j}]`));
      return level;
    });
    const ids = new Set(levels.map((l) => l.id));
    if (ids.size !== levels.length) fail(`${path}.rubric.levels`, 'level names/ids must be unique', 'unique levels');
    rd.rubricCriterionLevel = levels;
    if (rubric.requiredLevel !== undefined) {
      const req = levels.find((l) => l.id === rubric.requiredLevel || l.name === rubric.requiredLevel);
      if (!req) fail(`${path}.rubric.requiredLevel`, `"${String(rubric.requiredLevel)}" is not one of the rubric levels`, 'a level name or id');
      rd.requiredLevel = req.id;
    }
  } else if (resultType === 'RubricCriterionLevel') {
    fail(`${path}.rubric`, "resultType 'RubricCriterionLevel' needs rubric.levels", 'rubric');
  }
  return rd;
}

const EU_KEYS = ['learningOutcomes', 'workload', 'level', 'assessment', 'participation', 'qualityAssurance', 'prerequisites', 'stackability', 'furtherInformation', 'jointAwardingBodies'] as const;

/**
 * Define an OB 3.0 `Achievement`, standard-first: learning outcomes, workload, level and quality assurance become OB
 * `alignment[]` entries (`ext:LearningOutcome`, `ext:NotionalWorkload`, `ext:QualificationLevel`, `ext:QualityAssurance`),
 * assessments 1EdTech Assessment Extension `AssessmentResultDescription`s; only elements with no standard home
 * (participation, supervision, prerequisites, stackability, further information, joint bodies, language maps) use
 * credstack terms (README "Mapping").
 *
 * Makes the common case short (strings or language maps, rubric levels by name, levels as `{ framework: 'EQF', level: 6 }`)
 * and rejects the wrong case loudly: relative ids, empty names, EQF 9, workload without unit, a required rubric level that
 * does not exist, duplicate result descriptions, unknown enumeration values (unless `ext:`).
 * @throws InvalidInputError (code `ERR_INVALID_INPUT`, `details.path` names the field)
 * @example
 * ```ts
 * const achievement = defineAchievement({
 *   id: 'https://uni.example/achievements/data-literacy',
 *   name: { en: 'Data: how data is generated, processed, governed', it: 'Dati: come sono generati, elaborati, governati' },
 *   description: 'A 5 ECTS micro-credential on the data lifecycle.',
 *   criteria: 'Pass the project with at least Proficient.',
 *   creator: issuer,
 *   learningOutcomes: ['Describe how data is generated.', 'Apply GDPR principles to a dataset.'],
 *   workload: { value: 5, unit: 'ECTS' },
 *   level: { framework: 'EQF', level: 6 },
 *   assessment: { assessmentType: 'Artifact', description: 'Data management plan' },
 *   participation: 'online',
 *   qualityAssurance: { assuranceType: 'internal', description: 'Approved by the Academic Senate' },
 * });
 * ```
 */
export function defineAchievement(input: AchievementInput): Achievement {
  if (!isPlainObject(input)) fail('achievement', 'expected an object { id, name, description, criteria, … }', 'object');
  const id = requireUri(input.id, 'achievement.id');
  if (input.language !== undefined && !isLanguageTag(input.language)) {
    fail('achievement.language', `expected a BCP 47 language tag (en, de, pt-BR), got ${JSON.stringify(input.language)}`, 'language tag');
  }
  const name = resolveText(input.name, 'achievement.name', input.language);
  const language = input.language ?? name.language;
  const description = resolveText(input.description, 'achievement.description', language);
  let criteria: { id?: string; narrative?: string };
  if (typeof input.criteria === 'string') criteria = { narrative: requireString(input.criteria, 'achievement.criteria') };
  else if (isPlainObject(input.criteria)) {
    criteria = compact({
      id: input.criteria.id === undefined ? undefined : requireUri(input.criteria.id, 'achievement.criteria.id'),
      narrative: optionalString(input.criteria.narrative, 'achievement.criteria.narrative'),
    });
    if (!criteria.id && !criteria.narrative) fail('achievement.criteria', 'give a narrative or an id (URL of the criteria page)', 'Criteria');
  } else fail('achievement.criteria', 'criteria are required: a Markdown narrative or { id, narrative }', 'string|Criteria');

  const isEu = EU_KEYS.some((k) => input[k] !== undefined);
  const achievement: Achievement = { id, type: ['Achievement'], name: name.text, description: description.text, criteria };
  if (name.map) achievement.nameMap = name.map;
  if (description.map) achievement.descriptionMap = description.map;
  const achievementType = input.achievementType ?? (isEu ? 'MicroCredential' : undefined);
  if (achievementType !== undefined) {
    achievement.achievementType = requireEnum<AchievementType>(achievementType, ACHIEVEMENT_TYPES, 'achievement.achievementType', true);
  }
  if (language) achievement.inLanguage = language;
  if (input.creator !== undefined) {
    if (!isPlainObject(input.creator) || !isUri(input.creator.id)) fail('achievement.creator', 'expected a Profile with an id (see defineProfile)', 'Profile');
    achievement.creator = input.creator;
  }
  if (input.image !== undefined) achievement.image = imageOf(input.image, 'achievement.image');

  const alignment: Alignment[] = toArray(input.alignment).map((a, i) => alignmentOf(a, `achievement.alignment[${i}]`));

  // Standard-first (OB 3.0): learning outcomes, workload, level and quality assurance are Alignments with ext: target
  // types; only what has no standard home (participation, supervision, language maps…) uses credstack terms.
  const pushAlignment = (al: Alignment) => {
    if (!alignment.some((x) => x.targetUrl === al.targetUrl && x.targetType === al.targetType && x.targetCode === al.targetCode)) alignment.push(al);
  };
  if (input.learningOutcomes !== undefined) {
    if (!Array.isArray(input.learningOutcomes) || input.learningOutcomes.length === 0) {
      fail('achievement.learningOutcomes', 'expected a non-empty array of learning outcomes', 'LearningOutcome[]');
    }
    const los = input.learningOutcomes.map((lo, i) => learningOutcomeOf(lo, `achievement.learningOutcomes[${i}]`, language));
    los.forEach((lo, i) => {
      const al: Alignment = {
        type: ['Alignment'], targetName: lo.description, targetUrl: lo.id ?? childId(id, `learning-outcome-${i + 1}`),
        targetCode: `LO${i + 1}`, targetType: LEARNING_OUTCOME_TARGET_TYPE as Alignment['targetType'],
      };
      if (lo.descriptionMap) (al as Alignment & { nameMap?: LocalizedText }).nameMap = lo.descriptionMap;
      pushAlignment(al);
      for (const skill of lo.alignment ?? []) pushAlignment(skill);
    });
  }
  if (input.workload !== undefined) {
    const workload = toArray(input.workload).map((w, i) => workloadOf(w, `achievement.workload[${i}]`));
    if (workload.length === 0) fail('achievement.workload', 'expected at least one { value, unit }', 'Workload[]');
    const units = workload.map((w) => w.unit);
    if (new Set(units).size !== units.length) fail('achievement.workload', 'each unit may appear once', 'unique units');
    for (const w of workload) {
      pushAlignment({
        type: ['Alignment'], targetType: WORKLOAD_TARGET_TYPE as Alignment['targetType'],
        targetName: `${w.value} ${w.unit === 'ECTS' ? 'ECTS credits' : w.unit}`, targetCode: String(w.value), targetFramework: w.unit,
        targetUrl: w.unit === 'ECTS' ? ECTS_URL : w.unit === 'hours' ? HOURS_UNIT_URL : childId(id, `workload-${slug(w.unit)}`),
      });
    }
    // creditsAvailable holds credits (ECTS, else a national credit system), never hours turned into credits
    const credits = workload.find((w) => w.unit === 'ECTS') ?? workload.find((w) => w.unit !== 'hours');
    if (credits) achievement.creditsAvailable = credits.value;
  }
  if (input.creditsAvailable !== undefined) {
    if (typeof input.creditsAvailable !== 'number' || !Number.isFinite(input.creditsAvailable) || input.creditsAvailable < 0) {
      fail('achievement.creditsAvailable', 'expected a non-negative number', 'number');
    }
    achievement.creditsAvailable = input.creditsAvailable;
  }
  if (input.level !== undefined) {
    const levels = toArray(input.level).map((l, i) => defineLevel(l, `achievement.level[${i}]`));
    if (levels.length === 0) fail('achievement.level', 'expected at least one level', 'LevelInput');
    for (const l of levels) {
      if (l.alignment) pushAlignment(l.alignment);
      else {
        pushAlignment({
          type: ['Alignment'], targetType: LEVEL_TARGET_TYPE as Alignment['targetType'], targetName: 'Level not applicable',
          targetCode: 'not-applicable', targetFramework: 'none', targetUrl: childId(id, 'level-not-applicable'),
        });
      }
    }
  }
  let assessments: ResultDescription[] = [];
  if (input.assessment !== undefined) {
    const list = toArray(input.assessment);
    if (list.length === 0) fail('achievement.assessment', 'expected at least one assessment', 'Assessment[]');
    // 1EdTech Assessment Extension 2.0: a ResultDescription typed AssessmentResultDescription per assessment
    assessments = list.map((a, i) => {
      const x = assessmentOf(a, `achievement.assessment[${i}]`);
      const { name, supervision, ...rest } = x;
      return compact({
        id: childId(id, `assessment-${i + 1}`), type: ['ResultDescription', 'AssessmentResultDescription'],
        name: name ?? `${x.assessmentType.replace(/^ext:/, '')} assessment`, resultType: 'Status' as ResultType, ...rest, supervision,
      }) as ResultDescription;
    });
  }
  if (input.participation !== undefined) {
    const list = toArray(input.participation);
    if (list.length === 0) fail('achievement.participation', 'expected at least one form of participation', 'ParticipationForm[]');
    achievement.formOfParticipation = list.map((p, i) => requireEnum<ParticipationForm>(p, PARTICIPATION_FORMS, `achievement.participation[${i}]`, true));
  }
  if (input.qualityAssurance !== undefined) {
    const list = toArray(input.qualityAssurance);
    if (list.length === 0) fail('achievement.qualityAssurance', 'expected at least one quality assurance entry', 'QualityAssurance[]');
    list.map((q, i) => qualityAssuranceOf(q, `achievement.qualityAssurance[${i}]`)).forEach((q, i) => {
      pushAlignment({
        type: ['Alignment'], targetType: QUALITY_ASSURANCE_TARGET_TYPE as Alignment['targetType'], targetName: q.description,
        targetCode: q.assuranceType, targetUrl: q.assuranceUrl ?? childId(id, `quality-assurance-${i + 1}`),
      });
    });
  }
  if (alignment.length > 0) achievement.alignment = alignment;
  const prerequisites = optionalString(input.prerequisites, 'achievement.prerequisites');
  if (prerequisites) achievement.prerequisites = prerequisites;
  if (input.stackability !== undefined) achievement.stackability = stackabilityOf(input.stackability, 'achievement.stackability');
  const furtherInformation = optionalString(input.furtherInformation, 'achievement.furtherInformation');
  if (furtherInformation) achievement.furtherInformation = furtherInformation;
  if (input.jointAwardingBodies !== undefined) {
    if (!Array.isArray(input.jointAwardingBodies)) fail('achievement.jointAwardingBodies', 'expected an array of Profiles', 'Profile[]');
    achievement.jointAwardingBody = input.jointAwardingBodies.map((p, i) => {
      if (!isPlainObject(p) || !isUri(p.id)) fail(`achievement.jointAwardingBodies[${i}]`, 'expected a Profile with an id', 'Profile');
      return p;
    });
  }
  if (input.resultDescriptions !== undefined) {
    if (!Array.isArray(input.resultDescriptions)) fail('achievement.resultDescriptions', 'expected an array', 'ResultDescription[]');
    const rds = [...input.resultDescriptions.map((rd, i) => resultDescriptionOf(rd, id, `achievement.resultDescriptions[${i}]`)), ...assessments];
    const seen = new Set<string>();
    rds.forEach((rd, i) => {
      if (seen.has(rd.id)) fail(`achievement.resultDescriptions[${i}]`, `duplicate result description id ${rd.id} (names must be unique)`, 'unique id');
      seen.add(rd.id);
    });
    achievement.resultDescription = rds;
  } else if (assessments.length) achievement.resultDescription = assessments;
  const version = optionalString(input.version, 'achievement.version');
  if (version) achievement.version = version;
  const humanCode = optionalString(input.humanCode, 'achievement.humanCode');
  if (humanCode) achievement.humanCode = humanCode;
  const fieldOfStudy = optionalString(input.fieldOfStudy, 'achievement.fieldOfStudy');
  if (fieldOfStudy) achievement.fieldOfStudy = fieldOfStudy;
  const specialization = optionalString(input.specialization, 'achievement.specialization');
  if (specialization) achievement.specialization = specialization;
  if (input.tags !== undefined) {
    if (!Array.isArray(input.tags)) fail('achievement.tags', 'expected an array of strings', 'string[]');
    achievement.tag = input.tags.map((t, i) => requireString(t, `achievement.tags[${i}]`));
  }
  if (input.related !== undefined) {
    if (!Array.isArray(input.related)) fail('achievement.related', 'expected an array', 'Related[]');
    achievement.related = input.related.map((r, i) => {
      if (!isPlainObject(r)) fail(`achievement.related[${i}]`, 'expected { id, inLanguage?, version? }', 'Related');
      return compact({ ...r, id: requireUri(r.id, `achievement.related[${i}].id`), type: ['Related'] }) as Related;
    });
  }
  if (input.otherIdentifier !== undefined) {
    if (!Array.isArray(input.otherIdentifier)) fail('achievement.otherIdentifier', 'expected an array', 'IdentifierEntry[]');
    achievement.otherIdentifier = input.otherIdentifier.map((e, i) => {
      if (!isPlainObject(e)) fail(`achievement.otherIdentifier[${i}]`, 'expected { identifier, identifierType }', 'IdentifierEntry');
      requireString(e.identifier, `achievement.otherIdentifier[${i}].identifier`);
      if (typeof e.identifierType !== 'string') fail(`achievement.otherIdentifier[${i}].identifierType`, 'expected a string', 'IdentifierType');
      return { ...e, type: 'IdentifierEntry' as const };
    });
  }
  return achievement;
}

/**
 * Read the workload of an achievement in a given unit (from our `workload` term). Returns undefined when the unit is not
 * stated — never converts hours ↔ ECTS, and never reads the unit-less `creditsAvailable`.
 * @example
 * ```ts
 * getWorkload(achievement, 'ECTS'); // 5
 * getWorkload(achievement, 'hours'); // undefined unless stated
 * ```
 */
export function getWorkload(achievement: unknown, unit: WorkloadUnit): number | undefined {
  if (!isPlainObject(achievement)) return undefined;
  const list = achievement.workload;
  if (Array.isArray(list)) {
    const w = list.find((x): x is Workload => isPlainObject(x) && x.unit === unit && typeof x.value === 'number');
    return w?.value;
  }
  if (isPlainObject(list) && list.unit === unit && typeof list.value === 'number') return list.value;
  const al = achievement.alignment;
  if (Array.isArray(al)) {
    const a = al.find((x) => isPlainObject(x) && x.targetType === WORKLOAD_TARGET_TYPE && x.targetFramework === unit);
    const n = isPlainObject(a) && typeof a.targetCode === 'string' ? Number(a.targetCode) : NaN;
    if (Number.isFinite(n)) return n;
  }
  return undefined;
}


// @ts-nocheck
import { describe, expect, it } from 'vitest';
import {
  defineAchievement, defineAlignment, defineLevel, escoSkill, getWorkload, InvalidInputError, validateAchievement,
  type AchievementInput,
} from '../../src/index.js';

const base: AchievementInput = { id: 'https://uni.example/achievements/x', name: 'X', description: 'About X', criteria: 'Pass.' };

function rejects(input: unknown, path: string) {
  try {
    defineAchievement(input as AchievementInput);
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInputError);
    expect((e as InvalidInputError).details?.path).toBe(path);
    return;
  }
  expect.unreachable(`expected rejection at ${path}`);
}

describe('defineAchievement', () => {
  it('builds a minimal OB 3.0 achievement (no EU terms, no achievementType)', () => {
    const a = defineAchievement(base);
    expect(a).toEqual({ id: base.id, type: ['Achievement'], name: 'X', description: 'About X', criteria: { narrative: 'Pass.' } });
    expect(validateAchievement(a).valid).toBe(true);
  });

  it('language maps → primary text + maps + inLanguage; learning outcomes become ext:LearningOutcome alignments keeping their languages', () => {
    const a = defineAchievement({ ...base, name: { de: 'Daten', en: 'Data' }, description: { de: 'Über Daten', en: 'About data' }, language: 'en',
      learningOutcomes: [{ text: { de: 'Daten erklären', en: 'Explain data' } }, 'Plain outcome'] });
    expect(a.name).toBe('Data');
    expect(a.inLanguage).toBe('en');
    expect(a.nameMap).toEqual({ de: 'Daten', en: 'Data' });
    expect(a.descriptionMap).toEqual({ de: 'Über Daten', en: 'About data' });
    expect(a.learningOutcomes).toBeUndefined();
    expect(a.alignment).toEqual([
      { type: ['Alignment'], targetName: 'Explain data', targetUrl: 'https://uni.example/achievements/x#learning-outcome-1', targetCode: 'LO1',
        targetType: 'ext:LearningOutcome', nameMap: { de: 'Daten erklären', en: 'Explain data' } },
      { type: ['Alignment'], targetName: 'Plain outcome', targetUrl: 'https://uni.example/achievements/x#learning-outcome-2', targetCode: 'LO2', targetType: 'ext:LearningOutcome' },
    ]);
    expect(a.achievementType).toBe('MicroCredential');
    const first = defineAchievement({ ...base, name: { it: 'Dati', en: 'Data' } });
    expect(first.inLanguage).toBe('it');
  });

  it('standard-first: workload, EQF level, QA as alignments, assessment as AssessmentResultDescription; participation etc. stay extension terms', () => {
    const a = defineAchievement({ ...base, workload: [{ value: 5, unit: 'ECTS' }, { value: 125, unit: 'hours' }], level: { framework: 'EQF', level: '6', cycle: 'first' },
      assessment: { assessmentType: 'Exam', description: 'Written', supervision: 'supervised-onsite-id-check' }, participation: 'blended',
      qualityAssurance: { assuranceType: 'external', description: 'Accredited', assuranceUrl: 'https://agency.example' },
      prerequisites: 'None', stackability: { option: 'stackable', towards: ['https://uni.example/programmes/p'] }, furtherInformation: 'https://uni.example/x',
      jointAwardingBodies: [{ id: 'https://partner.example', type: ['Profile'], name: 'Partner' }], creator: { id: 'https://uni.example', type: ['Profile'] } });
    expect(a.creditsAvailable).toBe(5);
    expect(a.workload).toBeUndefined();
    expect(a.qualificationLevel).toBeUndefined();
    expect(a.qualityAssurance).toBeUndefined();
    expect(a.assessment).toBeUndefined();
    expect(a.alignment).toEqual([
      { type: ['Alignment'], targetType: 'ext:NotionalWorkload', targetName: '5 ECTS credits', targetCode: '5', targetFramework: 'ECTS', targetUrl: 'https://education.ec.europa.eu/education-levels/higher-education/inclusive-and-connected-higher-education/european-credit-transfer-and-accumulation-system' },
      { type: ['Alignment'], targetType: 'ext:NotionalWorkload', targetName: '125 hours', targetCode: '125', targetFramework: 'hours', targetUrl: 'http://qudt.org/vocab/unit/HR' },
      { type: ['Alignment'], targetName: 'EQF level 6', targetUrl: 'http://data.europa.eu/snb/eqf/6', targetCode: '6',
        targetFramework: 'European Qualifications Framework', targetType: 'ext:QualificationLevel' },
      { type: ['Alignment'], targetType: 'ext:QualityAssurance', targetName: 'Accredited', targetCode: 'external', targetUrl: 'https://agency.example' },
    ]);
    expect(a.resultDescription).toEqual([{
      id: 'https://uni.example/achievements/x#assessment-1', type: ['ResultDescription', 'AssessmentResultDescription'], name: 'Exam assessment',
      resultType: 'Status', assessmentType: 'Exam', description: 'Written', supervision: 'supervised-onsite-id-check',
    }]);
    expect(a.formOfParticipation).toEqual(['blended']);
    expect(a.jointAwardingBody?.[0]?.id).toBe('https://partner.example');
    expect(getWorkload(a, 'ECTS')).toBe(5);
    expect(getWorkload(a, 'hours')).toBe(125);
    expect(getWorkload(a, 'ext:NCrF')).toBeUndefined();
    expect(getWorkload(null, 'ECTS')).toBeUndefined();
    expect(validateAchievement(a)).toEqual({ valid: true, errors: [] });
  });

  it('non-EU partners: hours only and national levels are valid, no ECTS / EQF forced', () => {
    const a = defineAchievement({ ...base, workload: { value: 60, unit: 'hours' }, level: [
      { framework: 'BNQF', level: 6, url: 'https://bnqf.example/levels/6', frameworkName: 'Bangladesh National Qualifications Framework' },
      { framework: 'NSQF', level: '4.5', url: 'https://nsqf.example/levels' },
    ] });
    expect(a.creditsAvailable).toBeUndefined();
    expect(a.alignment?.map((x) => [x.targetType, x.targetFramework, x.targetCode])).toEqual([
      ['ext:NotionalWorkload', 'hours', '60'],
      ['ext:QualificationLevel', 'Bangladesh National Qualifications Framework', '6'],
      ['ext:QualificationLevel', 'NSQF', '4.5'],
    ]);
    expect(getWorkload(a, 'hours')).toBe(60);
    expect(validateAchievement(a).valid).toBe(true);
    const vn = defineAchievement({ ...base, workload: { value: 3, unit: 'ext:VN-credits' }, creditsAvailable: 3 });
    expect(vn.creditsAvailable).toBe(3);
    expect(vn.alignment?.[0]).toMatchObject({ targetFramework: 'ext:VN-credits', targetCode: '3', targetUrl: 'https://uni.example/achievements/x#workload-ext-vn-credits' });
  });

  it('result descriptions: grade scales, ranges and rubrics get stable ids', () => {
    const a = defineAchievement({ ...base, resultDescriptions: [
      { name: 'Final grade', resultType: 'LetterGrade', allowedValues: ['D', 'C', 'B', 'A'], requiredValue: 'C' },
      { name: 'Score', resultType: 'ScaledScore', valueMin: 18, valueMax: 30, requiredValue: 18 },
      { name: 'Project rubric', resultType: 'RubricCriterionLevel', rubric: { levels: [{ name: 'Beginning', points: 1 }, { name: 'Proficient', points: 2, level: 'pass' }], requiredLevel: 'Proficient' } },
      { name: 'Status', resultType: 'Status' },
    ] });
    const [grade, score, rubric] = a.resultDescription!;
    expect(grade).toMatchObject({ id: 'https://uni.example/achievements/x#result-final-grade', allowedValue: ['D', 'C', 'B', 'A'], requiredValue: 'C' });
    expect(score).toMatchObject({ valueMin: '18', valueMax: '30', requiredValue: '18' });
    expect(rubric?.rubricCriterionLevel?.map((l) => l.id)).toEqual(['https://uni.example/achievements/x#result-project-rubric-beginning', 'https://uni.example/achievements/x#result-project-rubric-proficient']);
    expect(rubric?.requiredLevel).toBe('https://uni.example/achievements/x#result-project-rubric-proficient');
    expect(rubric?.rubricCriterionLevel?.[1]?.points).toBe('2');
    expect(validateAchievement(a).valid).toBe(true);
  });

  it('keeps version, tags, image, related, other identifiers, custom criteria id', () => {
    const a = defineAchievement({ ...base, criteria: { id: 'https://uni.example/criteria/x' }, version: '2', tags: ['ai'], image: 'https://uni.example/x.png',
      humanCode: 'AI-101', fieldOfStudy: 'Computer science', specialization: 'AI', achievementType: 'Course',
      related: [{ id: 'https://uni.example/achievements/x-de', type: ['Related'], inLanguage: 'de' }],
      otherIdentifier: [{ type: 'IdentifierEntry', identifier: 'X1', identifierType: 'sourcedId' }] });
    expect(a).toMatchObject({ criteria: { id: 'https://uni.example/criteria/x' }, version: '2', tag: ['ai'], humanCode: 'AI-101', achievementType: 'Course' });
    expect(validateAchievement(a).valid).toBe(true);
  });

  it.each<[string, Partial<AchievementInput> | Record<string, unknown>, string]>([
    ['relative id', { id: 'achievements/x' }, 'achievement.id'],
    ['empty name', { name: '  ' }, 'achievement.name'],
    ['bad language tag in map', { name: { 'english!': 'X' } }, 'achievement.name.english!'],
    ['missing description', { description: undefined }, 'achievement.description'],
    ['missing criteria', { criteria: undefined }, 'achievement.criteria'],
    ['empty criteria object', { criteria: {} }, 'achievement.criteria'],
    ['bad language', { language: 'English' }, 'achievement.language'],
    ['unknown achievementType', { achievementType: 'Microcredential' }, 'achievement.achievementType'],
    ['creator without id', { creator: { name: 'U' } }, 'achievement.creator'],
    ['workload without unit', { workload: { value: 5 } }, 'achievement.workload[0].unit'],
    ['workload zero', { workload: { value: 0, unit: 'ECTS' } }, 'achievement.workload[0].value'],
    ['workload unknown unit', { workload: { value: 5, unit: 'credits' } }, 'achievement.workload[0].unit'],
    ['workload duplicate unit', { workload: [{ value: 5, unit: 'ECTS' }, { value: 6, unit: 'ECTS' }] }, 'achievement.workload'],
    ['EQF 9', { level: { framework: 'EQF', level: 9 } }, 'achievement.level[0].level'],
    ['EQF cycle mismatch', { level: { framework: 'EQF', level: 7, cycle: 'first' } }, 'achievement.level[0].cycle'],
    ['QF-EHEA without cycle', { level: { framework: 'QF-EHEA' } }, 'achievement.level[0].cycle'],
    ['national level without url', { level: { framework: 'VQF', level: 6 } }, 'achievement.level[0].url'],
    ['empty learning outcomes', { learningOutcomes: [] }, 'achievement.learningOutcomes'],
    ['empty learning outcome', { learningOutcomes: [''] }, 'achievement.learningOutcomes[0].text'],
    ['skill without url', { learningOutcomes: [{ text: 'x', skills: [{ targetName: 'S' }] }] }, 'achievement.learningOutcomes[0].skills[0].targetUrl'],
    ['bad assessment type', { assessment: { assessmentType: 'Quiz', description: 'x' } }, 'achievement.assessment[0].assessmentType'],
    ['assessment without description', { assessment: { assessmentType: 'Exam' } }, 'achievement.assessment[0].description'],
    ['bad supervision', { assessment: { assessmentType: 'Exam', description: 'x', supervision: 'proctored' } }, 'achievement.assessment[0].supervision'],
    ['bad participation', { participation: 'remote' }, 'achievement.participation[0]'],
    ['bad QA type', { qualityAssurance: { assuranceType: 'iso', description: 'x' } }, 'achievement.qualityAssurance[0].assuranceType'],
    ['stackable towards nothing', { stackability: { option: 'stackable' } }, 'achievement.stackability.towards'],
    ['bad stackability option', { stackability: { option: 'yes' } }, 'achievement.stackability.option'],
    ['requiredValue not allowed', { resultDescriptions: [{ name: 'G', resultType: 'LetterGrade', allowedValues: ['A', 'B'], requiredValue: 'C' }] }, 'achievement.resultDescriptions[0].requiredValue'],
    ['min > max', { resultDescriptions: [{ name: 'S', resultType: 'ScaledScore', valueMin: 30, valueMax: 18 }] }, 'achievement.resultDescriptions[0].valueMin'],
    ['required out of range', { resultDescriptions: [{ name: 'S', resultType: 'ScaledScore', valueMin: 18, valueMax: 30, requiredValue: 31 }] }, 'achievement.resultDescriptions[0].requiredValue'],
    ['rubric type without rubric', { resultDescriptions: [{ name: 'R', resultType: 'RubricCriterionLevel' }] }, 'achievement.resultDescriptions[0].rubric'],
    ['unknown required level', { resultDescriptions: [{ name: 'R', resultType: 'RubricCriterionLevel', rubric: { levels: [{ name: 'A' }], requiredLevel: 'B' } }] }, 'achievement.resultDescriptions[0].rubric.requiredLevel'],
    ['duplicate rubric levels', { resultDescriptions: [{ name: 'R', resultType: 'RubricCriterionLevel', rubric: { levels: [{ name: 'A' }, { name: 'a' }] } }] }, 'achievement.resultDescriptions[0].rubric.levels'],
    ['duplicate result descriptions', { resultDescriptions: [{ name: 'G', resultType: 'LetterGrade' }, { name: 'g', resultType: 'LetterGrade' }] }, 'achievement.resultDescriptions[1]'],
    ['unknown resultType', { resultDescriptions: [{ name: 'G', resultType: 'Grade' }] }, 'achievement.resultDescriptions[0].resultType'],
    ['duplicate allowed values', { resultDescriptions: [{ name: 'G', resultType: 'LetterGrade', allowedValues: ['A', 'A'] }] }, 'achievement.resultDescriptions[0].allowedValues'],
    ['tags not array', { tags: 'ai' }, 'achievement.tags'],
  ])('rejects %s', (_label, patch, path) => rejects({ ...base, ...patch }, path));

  it('rejects a non-object', () => rejects(null, 'achievement'));
});

describe('alignments and levels', () => {
  it('escoSkill builds an ESCO alignment and rejects non-ESCO URIs', () => {
    expect(escoSkill('http://data.europa.eu/esco/skill/2b92a5b2-6758-4ee3-9fb4-b6387a55cc8f', 'perform data analysis')).toEqual({
      type: ['Alignment'], targetName: 'perform data analysis', targetUrl: 'http://data.europa.eu/esco/skill/2b92a5b2-6758-4ee3-9fb4-b6387a55cc8f',
      targetCode: '2b92a5b2-6758-4ee3-9fb4-b6387a55cc8f', targetFramework: 'ESCO', targetType: 'ext:ESCOSkill' });
    expect(escoSkill('http://data.europa.eu/esco/occupation/258e46f9-0075-4a2e-adae-1ff0477e0f30', 'data scientist').targetType).toBe('ext:ESCOOccupation');
    expect(() => escoSkill('https://esco.example/skill/1', 'x')).toThrow(InvalidInputError);
    expect(() => escoSkill('http://data.europa.eu/esco/skill/2b92a5b2-6758-4ee3-9fb4-b6387a55cc8f', '')).toThrow(/escoSkill.name/);
  });

  it('defineAlignment validates targetType and URLs', () => {
    expect(defineAlignment({ targetName: 'CF', targetUrl: 'https://case.example/1', targetType: 'CFItem' }).targetType).toBe('CFItem');
    expect(() => defineAlignment({ targetName: 'CF', targetUrl: 'https://case.example/1', targetType: 'Skill' as never })).toThrow(/targetType/);
    expect(() => defineAlignment({ targetName: 'CF', targetUrl: 'case/1' })).toThrow(/targetUrl/);
  });

  it('defineLevel: QF-EHEA cycle, not-applicable', () => {
    expect(defineLevel({ framework: 'QF-EHEA', cycle: 'second' }).qualificationLevel).toMatchObject({ framework: 'QF-EHEA', level: 'second-cycle', cycle: 'second' });
    expect(defineLevel('not-applicable')).toEqual({ qualificationLevel: { framework: 'none', level: 'not-applicable' } });
    expect(() => defineLevel({ framework: 'EQF', level: 6, cycle: 'fourth' as never })).toThrow(/cycle/);
    expect(() => defineLevel({ framework: 'EQF', level: 2.5 })).toThrow(/EQF levels/);
  });
});

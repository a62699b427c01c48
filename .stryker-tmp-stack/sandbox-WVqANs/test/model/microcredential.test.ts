// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { checkMicrocredential, defineProfile, MICROCREDENTIAL_ELEMENTS, type MicrocredentialElement } from '../../src/index.js';
import { awardExample } from '../../examples/microcredentials/network.js';

const issuer = defineProfile({ id: 'did:key:z6MkIssuer', name: 'U-Net', country: 'IT' });
const fresh = (which: 'ai' | 'data' | 'staff' = 'ai') => structuredClone(awardExample(which, issuer, { did: 'did:key:z6MkLearner' })) as any;

/** How to remove each mandatory element from a credential. */
const removers: Record<string, (c: any) => void> = {
  learner: (c) => { delete c.credentialSubject.id; delete c.credentialSubject.identifier; },
  title: (c) => { delete c.credentialSubject.achievement.name; },
  issuerCountry: (c) => { delete c.issuer.address; },
  awardingBody: (c) => { delete c.credentialSubject.achievement.creator; },
  dateOfIssuing: (c) => { delete c.validFrom; },
  learningOutcomes: (c) => { dropAlignments(c, 'ext:LearningOutcome'); },
  workload: (c) => { dropAlignments(c, 'ext:NotionalWorkload'); delete c.credentialSubject.achievement.creditsAvailable; },
  level: (c) => { dropAlignments(c, 'ext:QualificationLevel'); },
  assessmentType: (c) => { const a = c.credentialSubject.achievement; a.resultDescription = a.resultDescription.filter((rd: any) => !rd.type.includes('AssessmentResultDescription')); },
  participationForm: (c) => { delete c.credentialSubject.achievement.formOfParticipation; },
  qualityAssurance: (c) => { dropAlignments(c, 'ext:QualityAssurance'); },
};
/** Standard-first output carries outcomes, workload, level and QA as alignments with these ext: target types. */
function dropAlignments(c: any, targetType: string) {
  const a = c.credentialSubject.achievement;
  a.alignment = a.alignment.filter((x: any) => x.targetType !== targetType);
}
const alignmentOf = (c: any, targetType: string) => c.credentialSubject.achievement.alignment.find((x: any) => x.targetType === targetType);

describe('checkMicrocredential', () => {
  it('lists 11 mandatory and 5 optional elements', () => {
    expect(MICROCREDENTIAL_ELEMENTS.filter((e) => e.mandatory)).toHaveLength(11);
    expect(MICROCREDENTIAL_ELEMENTS.filter((e) => !e.mandatory).map((e) => e.element)).toEqual(['prerequisites', 'supervision', 'grade', 'stackability', 'furtherInformation']);
  });

  it.each(['ai', 'data', 'staff'] as const)('the %s example has all 11 mandatory elements present', (which) => {
    const r = checkMicrocredential(fresh(which));
    expect(r.complete).toBe(true);
    expect(r.missing).toEqual([]);
    expect(r.malformed).toEqual([]);
    expect(r.elements.filter((e) => e.mandatory && e.status === 'present')).toHaveLength(11);
    expect(r.elements.find((e) => e.element === 'grade')?.status).toBe('present');
  });

  it.each(Object.keys(removers))('removing %s is reported by name', (element) => {
    const c = fresh();
    removers[element]!(c);
    const r = checkMicrocredential(c);
    expect(r.complete).toBe(false);
    expect(r.missing).toEqual([element]);
    const e = r.elements.find((x) => x.element === element)!;
    expect(e.status).toBe('missing');
    expect(e.path.startsWith('$')).toBe(true);
  });

  it.each<[MicrocredentialElement, (c: any) => void]>([
    ['learner', (c) => { c.credentialSubject.id = 'learner 1'; }],
    ['learner', (c) => { delete c.credentialSubject.id; c.credentialSubject.identifier = [{ type: 'IdentityObject', hashed: true, identityHash: 'abc', identityType: 'emailAddress' }]; }],
    ['title', (c) => { c.credentialSubject.achievement.name = ''; }],
    ['issuerCountry', (c) => { c.issuer.address.addressCountryCode = 'Italy'; }],
    ['awardingBody', (c) => { c.credentialSubject.achievement.creator = { name: 'no id' }; }],
    ['awardingBody', (c) => { c.credentialSubject.achievement.jointAwardingBody = [{ name: 'no id' }]; }],
    ['dateOfIssuing', (c) => { c.validFrom = '1 July 2025'; }],
    ['dateOfIssuing', (c) => { c.awardedDate = '2025-07-01'; }],
    ['learningOutcomes', (c) => { c.credentialSubject.achievement.learningOutcomes = [{ type: 'LearningOutcome' }]; }],
    ['workload', (c) => { c.credentialSubject.achievement.workload = [{ value: 5 }]; }],
    ['workload', (c) => { c.credentialSubject.achievement.workload = [{ value: -1, unit: 'ECTS' }]; }],
    ['workload', (c) => { dropAlignments(c, 'ext:NotionalWorkload'); }], // creditsAvailable without unit
    ['workload', (c) => { alignmentOf(c, 'ext:NotionalWorkload').targetFramework = 'weeks'; }],
    ['workload', (c) => { alignmentOf(c, 'ext:NotionalWorkload').targetCode = 'five'; }],
    ['learningOutcomes', (c) => { alignmentOf(c, 'ext:LearningOutcome').targetName = ' '; }],
    ['qualityAssurance', (c) => { alignmentOf(c, 'ext:QualityAssurance').targetCode = 'self-declared'; }],
    ['assessmentType', (c) => { c.credentialSubject.achievement.resultDescription.find((rd: any) => rd.assessmentType).assessmentType = 'Quiz'; }],
    ['level', (c) => { c.credentialSubject.achievement.qualificationLevel = [{ framework: 'EQF', level: '9' }]; }],
    ['assessmentType', (c) => { c.credentialSubject.achievement.assessment = [{ assessmentType: 'Quiz', description: 'x' }]; }],
    ['participationForm', (c) => { c.credentialSubject.achievement.formOfParticipation = ['remote']; }],
    ['qualityAssurance', (c) => { c.credentialSubject.achievement.qualityAssurance = [{ assuranceType: 'internal' }]; }],
  ])('reports malformed %s', (element, mutate) => {
    const c = fresh();
    mutate(c);
    const r = checkMicrocredential(c);
    expect(r.malformed).toContain(element);
    expect(r.elements.find((e) => e.element === element)?.status).toBe('malformed');
    expect(r.complete).toBe(false);
  });

  it('optional elements never make a credential incomplete, but malformed ones are reported', () => {
    const c = fresh();
    const a = c.credentialSubject.achievement;
    delete a.prerequisites; delete a.stackability; delete a.furtherInformation; delete c.credentialSubject.result;
    for (const x of a.resultDescription) delete x.supervision;
    let r = checkMicrocredential(c);
    expect(r.complete).toBe(true);
    expect(r.elements.filter((e) => !e.mandatory).every((e) => e.status === 'missing')).toBe(true);
    a.stackability = { option: 'maybe' };
    r = checkMicrocredential(c);
    expect(r.complete).toBe(true);
    expect(r.malformed).toEqual(['stackability']);
  });

  it('non-EU: hours and a national level are present; ECTS is advice only', () => {
    const c = fresh();
    const a = c.credentialSubject.achievement;
    dropAlignments(c, 'ext:NotionalWorkload');
    dropAlignments(c, 'ext:QualificationLevel');
    a.alignment.push({ type: ['Alignment'], targetType: 'ext:NotionalWorkload', targetName: '60 hours', targetCode: '60', targetFramework: 'hours', targetUrl: 'http://qudt.org/vocab/unit/HR' });
    a.alignment.push({ type: ['Alignment'], targetType: 'ext:QualificationLevel', targetName: 'BNQF 6', targetCode: '6', targetFramework: 'BNQF', targetUrl: 'https://bnqf.example/6' });
    delete a.creditsAvailable;
    const r = checkMicrocredential(c);
    expect(r.complete).toBe(true);
    const w = r.elements.find((e) => e.element === 'workload')!;
    expect(w).toMatchObject({ status: 'present', message: '60 hours' });
    expect(w.advice?.[0]).toMatch(/^ects:/);
    expect(r.elements.find((e) => e.element === 'level')?.message).toBe('BNQF 6');
  });

  it('accepts a level given only as an EQF alignment, and the 1EdTech Assessment Extension', () => {
    const c = fresh();
    const a = c.credentialSubject.achievement;
    a.resultDescription = a.resultDescription.filter((rd: any) => !rd.type.includes('AssessmentResultDescription'));
    a.resultDescription.push({ id: 'urn:x:rd', type: ['ResultDescription', 'AssessmentResultDescription'], name: 'Exam', resultType: 'Result', assessmentType: 'Exam' });
    const r = checkMicrocredential(c);
    expect(r.complete).toBe(true);
    expect(r.elements.find((e) => e.element === 'level')?.message).toBe('EQF level 6');
    expect(r.elements.find((e) => e.element === 'assessmentType')?.path).toMatch(/resultDescription\[\d\]\.assessmentType$/);
  });

  it('still reads the extension-term form of credentials issued before standard-first output', () => {
    const c = fresh();
    const a = c.credentialSubject.achievement;
    a.alignment = [];
    a.resultDescription = a.resultDescription.filter((rd: any) => !rd.type.includes('AssessmentResultDescription'));
    a.learningOutcomes = [{ type: 'LearningOutcome', description: 'Explain X' }];
    a.workload = [{ value: 5, unit: 'ECTS' }];
    a.qualificationLevel = [{ framework: 'EQF', level: '6' }];
    a.assessment = [{ assessmentType: 'Exam', description: 'Written', supervision: 'supervised-no-id-check' }];
    a.qualityAssurance = [{ assuranceType: 'internal', description: 'Senate' }];
    const r = checkMicrocredential(c);
    expect(r.complete).toBe(true);
    expect(r.elements.find((e) => e.element === 'supervision')).toMatchObject({ status: 'present', message: 'supervised-no-id-check' });
    expect(r.elements.find((e) => e.element === 'workload')?.path).toBe('$.credentialSubject.achievement.workload');
  });

  it('identifies learners by hashed identifier and never throws on garbage', () => {
    const c = fresh();
    delete c.credentialSubject.id;
    c.credentialSubject.identifier = [{ type: 'IdentityObject', hashed: true, identityHash: 'sha256$ab', identityType: 'sisSourcedId', salt: 's' }];
    expect(checkMicrocredential(c).elements[0]).toMatchObject({ element: 'learner', status: 'present' });
    for (const junk of [null, undefined, 42, 'cred', [], { credentialSubject: 'x' }, { credentialSubject: { achievement: [] } }]) {
      const r = checkMicrocredential(junk);
      expect(r.complete).toBe(false);
      expect(r.missing.length).toBe(11);
    }
  });
});

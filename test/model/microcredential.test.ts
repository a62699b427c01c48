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
  learningOutcomes: (c) => { delete c.credentialSubject.achievement.learningOutcomes; },
  workload: (c) => { delete c.credentialSubject.achievement.workload; delete c.credentialSubject.achievement.creditsAvailable; },
  level: (c) => { delete c.credentialSubject.achievement.qualificationLevel; c.credentialSubject.achievement.alignment = []; },
  assessmentType: (c) => { delete c.credentialSubject.achievement.assessment; },
  participationForm: (c) => { delete c.credentialSubject.achievement.formOfParticipation; },
  qualityAssurance: (c) => { delete c.credentialSubject.achievement.qualityAssurance; },
};

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
    ['workload', (c) => { delete c.credentialSubject.achievement.workload; }], // creditsAvailable without unit
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
    for (const x of a.assessment) delete x.supervision;
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
    a.workload = [{ value: 60, unit: 'hours' }];
    delete a.creditsAvailable;
    a.qualificationLevel = [{ framework: 'BNQF', level: '6', levelUrl: 'https://bnqf.example/6' }];
    a.alignment = [];
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
    delete a.qualificationLevel;
    delete a.assessment;
    a.resultDescription.push({ id: 'urn:x:rd', type: ['ResultDescription', 'AssessmentResultDescription'], name: 'Exam', resultType: 'Result', assessmentType: 'Exam' });
    const r = checkMicrocredential(c);
    expect(r.complete).toBe(true);
    expect(r.elements.find((e) => e.element === 'level')?.message).toBe('EQF level 6');
    expect(r.elements.find((e) => e.element === 'assessmentType')?.path).toMatch(/resultDescription\[\d\]\.assessmentType$/);
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

// @ts-nocheck
import { describe, expect, it } from 'vitest';
import {
  awardAchievement, CREDSTACK_CONTEXT, defineAchievement, defineEndorsement, defineProfile, hashIdentifier, InvalidInputError,
  matchIdentity, MICROCREDENTIAL_SCHEMA_URL, OB_ACHIEVEMENT_CREDENTIAL_SCHEMA_URL, OB_V3_CONTEXT, usesCredstackTerms, validateCredential,
  VC_V2_CONTEXT, type AwardInput,
} from '../../src/index.js';

const NOW = new Date('2025-07-01T09:00:00Z');
const issuer = defineProfile({ id: 'did:key:z6MkIssuer', name: 'Uni', country: 'DE' });
const plain = defineAchievement({ id: 'https://uni.example/a/plain', name: 'Plain', description: 'd', criteria: 'c',
  resultDescriptions: [
    { name: 'Grade', resultType: 'LetterGrade', allowedValues: ['C', 'B', 'A'] },
    { name: 'Score', resultType: 'ScaledScore', valueMin: 0, valueMax: 100 },
    { name: 'Rubric', resultType: 'RubricCriterionLevel', rubric: { levels: [{ name: 'Low' }, { name: 'High' }] } },
    { name: 'Completion', resultType: 'Status' },
  ] });
const eu = defineAchievement({ id: 'https://uni.example/a/eu', name: 'EU', description: 'd', criteria: 'c', workload: { value: 5, unit: 'ECTS' }, participation: 'online' });
const euStandard = defineAchievement({ id: 'https://uni.example/a/eu-std', name: 'EU', description: 'd', criteria: 'c', workload: { value: 5, unit: 'ECTS' } });
const OB_EXTENSIONS = 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json';
const baseInput: AwardInput = { issuer, achievement: plain, recipient: { id: 'did:key:z6MkLearner' }, now: NOW };

function rejects(patch: Partial<AwardInput> | Record<string, unknown>, path: string) {
  try {
    awardAchievement({ ...baseInput, ...patch } as AwardInput);
  } catch (e) {
    expect(e).toBeInstanceOf(InvalidInputError);
    expect((e as InvalidInputError).details?.path).toBe(path);
    return;
  }
  expect.unreachable(`expected rejection at ${path}`);
}

describe('awardAchievement', () => {
  it('builds an OpenBadgeCredential with VC 2.0 + OB 3.0.3 contexts, dates from the pinned clock, and credentialSchema', () => {
    const c = awardAchievement(baseInput);
    expect(c['@context']).toEqual([VC_V2_CONTEXT, OB_V3_CONTEXT, OB_EXTENSIONS]);
    expect(c.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(c.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(c.validFrom).toBe('2025-07-01T09:00:00Z');
    expect(c.awardedDate).toBe('2025-07-01T09:00:00Z');
    expect(c.name).toBe('Plain');
    expect(c.credentialSubject).toMatchObject({ type: ['AchievementSubject'], id: 'did:key:z6MkLearner', achievement: plain });
    expect(c.credentialSchema).toEqual([{ id: OB_ACHIEVEMENT_CREDENTIAL_SCHEMA_URL, type: '1EdTechJsonSchemaValidator2019' }]);
    expect(validateCredential(c)).toEqual({ valid: true, errors: [] });
  });

  it('lists our context and micro-credential schema only when a credstack-only term is used', () => {
    const c = awardAchievement({ ...baseInput, achievement: eu });
    expect(c.credentialSchema?.map((s) => s.id)).toEqual([OB_ACHIEVEMENT_CREDENTIAL_SCHEMA_URL, MICROCREDENTIAL_SCHEMA_URL]);
    expect(c['@context']).toEqual([VC_V2_CONTEXT, OB_V3_CONTEXT, OB_EXTENSIONS, CREDSTACK_CONTEXT]);
    const std = awardAchievement({ ...baseInput, achievement: euStandard });
    expect(std['@context']).toEqual([VC_V2_CONTEXT, OB_V3_CONTEXT, OB_EXTENSIONS]);
    expect(std.credentialSchema?.map((s) => s.id)).toEqual([OB_ACHIEVEMENT_CREDENTIAL_SCHEMA_URL]);
    const bare = awardAchievement({ ...baseInput, credentialSchema: false });
    expect(bare['@context']).toEqual([VC_V2_CONTEXT, OB_V3_CONTEXT]);
    expect(bare.credentialSchema).toBeUndefined();
    const euBare = awardAchievement({ ...baseInput, achievement: eu, credentialSchema: false });
    expect(euBare['@context']).toContain(CREDSTACK_CONTEXT);
    expect(usesCredstackTerms({ a: [{ b: { workload: [] } }] })).toBe(true);
    expect(usesCredstackTerms({ '@context': { workload: 1 }, name: 'x' })).toBe(false);
  });

  it('hashes email and student id into IdentityObjects (learner without DID)', () => {
    const c = awardAchievement({ ...baseInput, recipient: { email: 'ada@uni.example', studentId: 'S1', salt: 'pepper' } });
    const ids = c.credentialSubject.identifier!;
    expect(c.credentialSubject.id).toBeUndefined();
    expect(ids.map((i) => i.identityType)).toEqual(['emailAddress', 'sisSourcedId']);
    expect(ids[0]!.identityHash).toBe(hashIdentifier('ada@uni.example', 'pepper'));
    expect(matchIdentity(ids[1], 'S1')).toBe(true);
    expect(JSON.stringify(c)).not.toContain('ada@uni.example');
    expect(validateCredential(c).valid).toBe(true);
  });

  it('checks results against the result descriptions and links them by id', () => {
    const c = awardAchievement({ ...baseInput, results: [
      { resultDescription: 'Grade', value: 'A' }, { resultDescription: 'Score', value: 87 },
      { resultDescription: 'Rubric', achievedLevel: 'High' }, { resultDescription: 'Completion', status: 'Completed' },
    ] });
    expect(c.credentialSubject.result).toEqual([
      { type: ['Result'], resultDescription: 'https://uni.example/a/plain#result-grade', value: 'A' },
      { type: ['Result'], resultDescription: 'https://uni.example/a/plain#result-score', value: '87' },
      { type: ['Result'], resultDescription: 'https://uni.example/a/plain#result-rubric', achievedLevel: 'https://uni.example/a/plain#result-rubric-high' },
      { type: ['Result'], resultDescription: 'https://uni.example/a/plain#result-completion', status: 'Completed' },
    ]);
  });

  it('carries evidence, activity dates, credits, narrative, status, validUntil, image, endorsement', () => {
    const endorsement = defineEndorsement({ issuer: defineProfile({ id: 'did:key:z6MkAgency', name: 'Agency' }), subjectId: plain.id, comment: 'ok', now: NOW });
    const c = awardAchievement({ ...baseInput, achievement: eu, evidence: [{ id: 'https://lms.example/s/1', name: 'Essay', genre: 'Essay' }],
      activityStartDate: '2025-03-01', activityEndDate: new Date('2025-06-01T00:00:00Z'), creditsEarned: 5, narrative: 'Well done', term: '2025 spring',
      validUntil: '2030-01-01T00:00:00Z', image: 'https://uni.example/badge.png', endorsement: [endorsement], description: 'Awarded for X',
      credentialStatus: { id: 'https://uni.example/status/1#5', type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '5', statusListCredential: 'https://uni.example/status/1' } });
    expect(c.evidence).toEqual([{ id: 'https://lms.example/s/1', type: ['Evidence'], name: 'Essay', genre: 'Essay' }]);
    expect(c.credentialSubject).toMatchObject({ activityStartDate: '2025-03-01T00:00:00Z', activityEndDate: '2025-06-01T00:00:00Z', creditsEarned: 5, narrative: 'Well done', term: '2025 spring' });
    expect(c.validUntil).toBe('2030-01-01T00:00:00Z');
    expect(validateCredential(c)).toEqual({ valid: true, errors: [] });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['no recipient identity', { recipient: {} }, 'award.recipient'],
    ['relative recipient id', { recipient: { id: 'learner-1' } }, 'award.recipient.id'],
    ['bad email', { recipient: { email: 'ada' } }, 'award.recipient.email'],
    ['bad identifier', { recipient: { identifier: [{ type: 'IdentityObject', hashed: true, identityHash: 'plain', identityType: 'emailAddress' }] } }, 'award.recipient.identifier[0].identityHash'],
    ['issuer without id', { issuer: { name: 'Uni' } }, 'award.issuer'],
    ['not an achievement', { achievement: { id: 'x' } }, 'award.achievement'],
    ['bad validFrom', { validFrom: '2025-07-01' }, 'award.validFrom'],
    ['validUntil before validFrom', { validFrom: '2025-07-01T00:00:00Z', validUntil: '2025-01-01T00:00:00Z' }, 'award.validUntil'],
    ['activity end before start', { activityStartDate: '2025-06-01', activityEndDate: '2025-05-01' }, 'award.activityEndDate'],
    ['unknown result description', { results: [{ resultDescription: 'GPA', value: '4' }] }, 'award.results[0].resultDescription'],
    ['value not allowed', { results: [{ resultDescription: 'Grade', value: 'F' }] }, 'award.results[0].value'],
    ['value out of range', { results: [{ resultDescription: 'Score', value: 101 }] }, 'award.results[0].value'],
    ['unknown rubric level', { results: [{ resultDescription: 'Rubric', achievedLevel: 'Medium' }] }, 'award.results[0].achievedLevel'],
    ['level without rubric', { results: [{ resultDescription: 'Grade', achievedLevel: 'High' }] }, 'award.results[0].achievedLevel'],
    ['status missing for Status', { results: [{ resultDescription: 'Completion' }] }, 'award.results[0].status'],
    ['bad status', { results: [{ resultDescription: 'Completion', status: 'Passed' }] }, 'award.results[0].status'],
    ['empty result', { results: [{}] }, 'award.results[0]'],
    ['negative credits', { creditsEarned: -1 }, 'award.creditsEarned'],
    ['empty evidence', { evidence: [{}] }, 'award.evidence[0]'],
    ['bad credential id', { id: 'cred-1' }, 'award.id'],
    ['bad status entry', { credentialStatus: { id: 'x' } }, 'award.credentialStatus[0]'],
  ])('rejects %s', (_l, patch, path) => rejects(patch, path));

  it('rejects credits above creditsAvailable', () => {
    expect(() => awardAchievement({ ...baseInput, achievement: eu, creditsEarned: 6 })).toThrow(/creditsAvailable/);
  });
});

describe('defineEndorsement', () => {
  it('builds an EndorsementCredential that passes the endorsement schema', () => {
    const e = defineEndorsement({ issuer: defineProfile({ id: 'did:key:z6MkAgency', name: 'Agency' }), subjectId: 'https://uni.example/a/plain',
      comment: 'Meets our standard', validFrom: '2025-05-01T00:00:00Z', validUntil: '2027-05-01T00:00:00Z' });
    expect(e.type).toEqual(['VerifiableCredential', 'EndorsementCredential']);
    expect(e.credentialSubject).toEqual({ id: 'https://uni.example/a/plain', type: ['EndorsementSubject'], endorsementComment: 'Meets our standard' });
    expect(validateCredential(e)).toEqual({ valid: true, errors: [] });
  });
  it('rejects a missing subject or issuer', () => {
    expect(() => defineEndorsement({ issuer: defineProfile({ id: 'did:key:z6MkA' }), subjectId: 'x' })).toThrow(/subjectId/);
    expect(() => defineEndorsement({ issuer: {} as never, subjectId: 'https://x.example' })).toThrow(/issuer/);
  });
});

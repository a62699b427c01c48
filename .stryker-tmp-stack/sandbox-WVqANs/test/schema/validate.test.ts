// @ts-nocheck
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it, vi } from 'vitest';
import {
  assertValid, CLR_V2_CONTEXT, OB_V3_CONTEXT, SchemaError, validate, validateAchievement, validateCredential, validateProfile,
  VC_V2_CONTEXT, defineProfile,
} from '../../src/index.js';
import { awardExample } from '../../examples/microcredentials/network.js';

const issuer = defineProfile({ id: 'did:key:z6MkIssuer', name: 'U-Net', country: 'IT' });
const cred = () => structuredClone(awardExample('data', issuer, { did: 'did:key:z6MkLearner', studentId: 'S1' })) as any;

function errorsOf(mutate: (c: any) => void) {
  const c = cred();
  mutate(c);
  const r = validateCredential(c);
  expect(r.valid).toBe(false);
  return r.errors;
}

describe('validateCredential', () => {
  it('accepts the example credentials and does not modify the input', () => {
    const c = cred();
    const before = JSON.stringify(c);
    expect(validateCredential(c)).toEqual({ valid: true, errors: [] });
    expect(JSON.stringify(c)).toBe(before);
  });

  it.each<[string, (c: any) => void, string, RegExp]>([
    ['missing achievement name', (c) => delete c.credentialSubject.achievement.name, '$.credentialSubject.achievement.name', /required property "name"/],
    ['missing criteria', (c) => delete c.credentialSubject.achievement.criteria, '$.credentialSubject.achievement.criteria', /required/],
    ['missing validFrom', (c) => delete c.validFrom, '$.validFrom', /required/],
    ['date without zone', (c) => { c.validFrom = '2025-07-01T09:00:00'; }, '$.validFrom', /date-time with time zone/],
    ['wrong context order', (c) => { c['@context'] = [OB_V3_CONTEXT, VC_V2_CONTEXT]; }, '$["@context"][0]', /credentials\/v2/],
    ['missing OB type', (c) => { c.type = ['VerifiableCredential']; }, '$.type', /OpenBadgeCredential/],
    ['achievement type missing Achievement', (c) => { c.credentialSubject.achievement.type = ['Badge']; }, '$.credentialSubject.achievement.type', /must contain "Achievement"/],
    ['achievement type wrong string', (c) => { c.credentialSubject.achievement.type = 'Badge'; }, '$.credentialSubject.achievement.type', /Achievement/],
    ['unknown achievementType', (c) => { c.credentialSubject.achievement.achievementType = 'Microcredential'; }, '$.credentialSubject.achievement.achievementType', /AchievementType/],
    ['alignment without url', (c) => delete c.credentialSubject.achievement.alignment[0].targetUrl, '$.credentialSubject.achievement.alignment[0].targetUrl', /required/],
    ['bad result status', (c) => { c.credentialSubject.result[0].status = 'Passed'; }, '$.credentialSubject.result[0].status', /ResultStatusType/],
    ['unhashed-looking hash', (c) => { c.credentialSubject.identifier[0].identityHash = 'S1'; }, '$.credentialSubject.identifier[0].identityHash', /sha256\$<hex>/],
    ['bad identityType', (c) => { c.credentialSubject.identifier[0].identityType = 'studentId'; }, '$.credentialSubject.identifier[0].identityType', /IdentifierTypeEnum/],
    ['issuer id relative', (c) => { c.issuer.id = 'issuer'; }, '$.issuer.id', /URI/],
    ['lower-case country', (c) => { c.issuer.address.addressCountryCode = 'it'; }, '$.issuer.address.addressCountryCode', /ISO 3166/],
    ['workload without unit', (c) => { c.credentialSubject.achievement.workload = [{ value: 5 }]; }, '$.credentialSubject.achievement.workload[0].unit', /required/],
    ['workload unit unknown', (c) => { c.credentialSubject.achievement.workload = [{ value: 5, unit: 'credits' }]; }, '$.credentialSubject.achievement.workload[0].unit', /ECTS/],
    ['EQF level 9', (c) => { c.credentialSubject.achievement.qualificationLevel = [{ framework: 'EQF', level: '9' }]; }, '$.credentialSubject.achievement.qualificationLevel[0].level', /EQF level 1–8/],
    ['unknown term inside workload', (c) => { c.credentialSubject.achievement.workload = [{ value: 5, unit: 'ECTS', hours: 3 }]; }, '$.credentialSubject.achievement.workload[0].hours', /not allowed/],
    ['bad participation', (c) => { c.credentialSubject.achievement.formOfParticipation = ['remote']; }, '$.credentialSubject.achievement.formOfParticipation[0]', /form of participation/],
    ['bad language map', (c) => { c.credentialSubject.achievement.nameMap = { 'en us': 'x' }; }, '$.credentialSubject.achievement.nameMap', /property name|propertyNames|invalid/],
    ['bad proof created', (c) => { c.proof = { type: 'DataIntegrityProof', created: 'yesterday' }; }, '$.proof.created', /date-time/],
  ])('reports %s at its JSON path', (_l, mutate, path, message) => {
    const errors = errorsOf(mutate);
    const hit = errors.find((e) => e.path === path);
    expect(hit, JSON.stringify(errors)).toBeDefined();
    expect(hit!.message).toMatch(message);
  });

  it('never throws on garbage and names unsupported types', () => {
    for (const junk of [null, 1, 'x', [], undefined]) expect(validateCredential(junk).valid).toBe(false);
    expect(validateCredential({ type: ['VerifiableCredential'] }).errors[0]).toMatchObject({ path: '$.type' });
  });

  it('validates CLR 2.0 credentials and the OB credentials inside them', () => {
    const inner = cred();
    const clr: any = {
      '@context': [VC_V2_CONTEXT, CLR_V2_CONTEXT, OB_V3_CONTEXT], id: 'urn:uuid:3c3e0a36-0000-4000-8000-000000000001',
      type: ['VerifiableCredential', 'ClrCredential'], issuer, name: 'Transcript', validFrom: '2025-07-01T09:00:00Z',
      credentialSubject: { type: ['ClrSubject'], id: 'did:key:z6MkLearner', verifiableCredential: [inner],
        association: [{ type: 'Association', associationType: 'isPartOf', sourceId: inner.credentialSubject.achievement.id, targetId: 'https://unet.example/p' }] },
    };
    expect(validateCredential(clr)).toEqual({ valid: true, errors: [] });
    clr.credentialSubject.association[0].associationType = 'partOf';
    delete clr.credentialSubject.verifiableCredential[0].credentialSubject.achievement.name;
    const r = validateCredential(clr);
    expect(r.errors.map((e) => e.path)).toEqual(expect.arrayContaining([
      '$.credentialSubject.association[0].associationType', '$.credentialSubject.verifiableCredential[0].credentialSubject.achievement.name']));
    clr.credentialSubject.verifiableCredential = [];
    expect(validateCredential(clr).errors.some((e) => e.path === '$.credentialSubject.verifiableCredential')).toBe(true);
  });

  it('validates achievements and profiles alone; assertValid throws SchemaError with details', () => {
    const a = cred().credentialSubject.achievement;
    expect(validateAchievement(a).valid).toBe(true);
    delete a.description;
    a.workload = [{ value: 0, unit: 'ECTS' }]; // the extension-term form (credentials issued before standard-first output)
    const r = validateAchievement(a);
    expect(r.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['$.description', '$.workload[0].value']));
    expect(validateProfile({ id: 'https://u.example', type: 'Profile', nameMap: {} }).errors.map((e) => e.path)).toEqual(['$.nameMap']);
    expect(validate('profile', issuer).valid).toBe(true);
    try {
      assertValid('achievement', a);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(SchemaError);
      expect((e as SchemaError).code).toBe('ERR_SCHEMA_INVALID');
      expect(((e as SchemaError).details?.errors as unknown[]).length).toBeGreaterThanOrEqual(2);
    }
    expect(() => assertValid('credential', cred())).not.toThrow();
    expect(validate('endorsementCredential', cred()).valid).toBe(false);
  });

  it('compiles nothing at run time: the validators are precompiled (counted compilations, not milliseconds)', async () => {
    const compile = vi.spyOn(Ajv2020.prototype, 'compile');
    const addSchema = vi.spyOn(Ajv2020.prototype, 'addSchema');
    try {
      vi.resetModules(); // fresh copies of the validator modules, so any first-use compilation would happen under the spies
      const fresh = await import('../../src/schema/validate.js');
      const rules = await import('../../src/stacking/rules.js');
      const c = cred();
      expect(fresh.validateCredential(c).valid).toBe(true);
      expect(fresh.validateCredential({ ...c, validFrom: 'soon' }).valid).toBe(false);
      expect(fresh.validateAchievement(c.credentialSubject.achievement).valid).toBe(true);
      expect(fresh.validateProfile(c.issuer).valid).toBe(true);
      expect(() => rules.parseStackingRule({})).toThrow('missing property "id"');
      for (let i = 0; i < 200; i++) fresh.validateCredential(c);
      expect(compile.mock.calls.length).toBe(0);
      expect(addSchema.mock.calls.length).toBe(0);
    } finally {
      compile.mockRestore();
      addSchema.mockRestore();
    }
  });
});

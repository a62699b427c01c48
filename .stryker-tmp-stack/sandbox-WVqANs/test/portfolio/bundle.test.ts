// @ts-nocheck
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundleClr, bundlePresentation, verifyPortfolio } from '../../src/portfolio/index.js';
import { PortfolioError, KeyError } from '../../src/errors.js';
import { importKeyPair } from '../../src/keys/index.js';
import { CLR_V2_CONTEXT, OB_V3_CONTEXT, VC_V2_CONTEXT } from '../../src/jsonld/contexts.js';
import { fixtures, NOW } from './fixtures.js';

const A1 = 'urn:uuid:0a000000-0000-4000-8000-000000000001';
const A2 = 'urn:uuid:0a000000-0000-4000-8000-000000000002';

async function code(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(Error);
    return (e as { code?: string }).code;
  }
  return undefined;
}

describe('bundleClr', () => {
  it('builds a signed ClrCredential with achievements, credentials and associations', async () => {
    const { uniA, creds, learner } = await fixtures();
    const v2 = [creds[0]!, creds[1]!, creds[3]!];
    const clr = await bundleClr(v2, {
      key: uniA,
      issuer: { id: uniA.controller, type: ['Profile'], name: 'University A' },
      id: 'urn:uuid:c1000000-0000-4000-8000-000000000001',
      achievements: 'from-credentials',
      associations: [
        { associationType: 'precedes', sourceId: A1, targetId: A2 },
        { associationType: 'isPartOf', sourceId: A1, targetId: 'urn:uuid:0b000000-0000-4000-8000-0000000000a2' },
      ],
      partial: true,
      now: NOW,
    });
    expect(clr['@context']).toEqual([VC_V2_CONTEXT, CLR_V2_CONTEXT, OB_V3_CONTEXT]);
    expect(clr.type).toEqual(['VerifiableCredential', 'ClrCredential']);
    expect(clr.id).toBe('urn:uuid:c1000000-0000-4000-8000-000000000001');
    expect(clr.issuer.name).toBe('University A');
    expect(clr.partial).toBe(true);
    expect(clr.validFrom).toBe(NOW);
    expect(clr.credentialSubject.id).toBe(learner.controller);
    expect(clr.credentialSubject.type).toEqual(['ClrSubject']);
    expect(clr.credentialSubject.verifiableCredential).toEqual(v2);
    expect(clr.credentialSubject.achievement.map((a: any) => a.id)).toEqual([A1, A2, 'urn:uuid:0b000000-0000-4000-8000-0000000000a2']);
    expect(clr.credentialSubject.association[0]).toEqual({ type: 'Association', associationType: 'precedes', sourceId: A1, targetId: A2 });
    expect(clr.proof.cryptosuite).toBe('eddsa-rdfc-2022');
    expect(clr.proof.proofPurpose).toBe('assertionMethod');
    expect(clr.proof.created).toBe(NOW);
  });

  it('does not modify its inputs', async () => {
    const { uniA, creds } = await fixtures();
    const before = JSON.stringify(creds);
    await bundleClr([creds[0]!], { key: uniA, now: NOW });
    expect(JSON.stringify(creds)).toBe(before);
  });

  it('refuses a VC 1.1 credential (CLR 2.0 embeds VC 2.0 AchievementCredentials) unless skipSchema', async () => {
    const { uniA, creds } = await fixtures();
    expect(await code(bundleClr(creds, { key: uniA, now: NOW }))).toBe('ERR_CLR_REQUIRES_VC2');
    const clr = await bundleClr(creds, { key: uniA, now: NOW, skipSchema: true });
    // the embedding context keeps JSON-LD safe mode on: ClrSubject.verifiableCredential resets the context
    expect(clr['@context']).toHaveLength(4);
    expect(clr['@context'][3].ClrSubject['@context'].verifiableCredential['@context']).toBeNull();
    expect(clr.credentialSubject.verifiableCredential[2]).toEqual(creds[2]);
  });

  it('accepts the learner explicitly and refuses when subjects disagree without one', async () => {
    const { uniA, creds, other } = await fixtures();
    const foreign = { ...creds[0]!, credentialSubject: { ...creds[0]!.credentialSubject, id: other.controller } };
    expect(await code(bundleClr([creds[1]!, foreign], { key: uniA, now: NOW, skipSchema: true }))).toBe('ERR_LEARNER_REQUIRED');
    const clr = await bundleClr([creds[1]!], { key: uniA, now: NOW, learner: { id: 'did:example:learner-7', name: 'ignored?' } });
    expect(clr.credentialSubject.id).toBe('did:example:learner-7');
  });

  it('validates associations', async () => {
    const { uniA, creds } = await fixtures();
    const base = { key: uniA, now: NOW };
    expect(await code(bundleClr([creds[0]!, creds[1]!], { ...base, associations: [{ associationType: 'isFriendOf' as any, sourceId: A1, targetId: A2 }] }))).toBe('ERR_ASSOCIATION_TYPE');
    expect(await code(bundleClr([creds[0]!, creds[1]!], { ...base, associations: [{ associationType: 'precedes', sourceId: A1, targetId: 'urn:uuid:nope' }] }))).toBe(
      'ERR_ASSOCIATION_UNKNOWN_ID',
    );
    expect(await code(bundleClr([creds[0]!], { ...base, associations: [{ associationType: 'precedes', sourceId: A1, targetId: A1 }] }))).toBe('ERR_ASSOCIATION_INVALID');
  });

  it('refuses empty, unsigned, JWT, duplicate inputs and a foreign issuer', async () => {
    const { uniA, uniB, creds } = await fixtures();
    const base = { key: uniA, now: NOW };
    expect(await code(bundleClr([], base))).toBe('ERR_PORTFOLIO_EMPTY');
    const { proof: _p, ...unsigned } = creds[0]!;
    expect(await code(bundleClr([unsigned], base))).toBe('ERR_UNSIGNED_CREDENTIAL');
    expect(await code(bundleClr(['eyJhbGciOiJFZERTQSJ9.e30.sig' as any], base))).toBe('ERR_INVALID_CREDENTIAL');
    expect(await code(bundleClr([creds[0]!, creds[0]!], base))).toBe('ERR_DUPLICATE_CREDENTIAL');
    const err = await bundleClr([creds[0]!], { ...base, issuer: uniB.controller }).catch((e) => e);
    expect(err).toBeInstanceOf(PortfolioError);
    expect(err.code).toBe('ERR_ISSUER_MISMATCH');
  });
});

describe('bundleClr with credstack extension terms on the envelope', () => {
  it('adds the credstack context when the issuer profile or copied achievements use its terms', async () => {
    const { signExample, networkIssuer } = await import('../../examples/microcredentials/network.js');
    const a = await signExample('ai');
    const d = await signExample('data');
    const clr = await bundleClr([a.signed, d.signed], { key: a.key, issuer: networkIssuer(a.key), achievements: 'from-credentials', now: '2025-08-01T00:00:00Z' });
    // default extension: 'inline': the context object of schemas/credstack-context-v1.json is embedded, not its URL
    const shipped = JSON.parse(readFileSync(new URL('../../schemas/credstack-context-v1.json', import.meta.url), 'utf8'))['@context'];
    expect(clr['@context']).not.toContain('https://w3id.org/credstack/v1');
    expect(clr['@context']).toContainEqual(shipped);
    // the issuer's language map (examples/microcredentials/network.ts) is carried on the envelope as written
    expect(clr.issuer.nameMap).toEqual({ en: 'U-Net Micro-credentials Office', it: 'Ufficio micro-credenziali U-Net' });
    const r = await verifyPortfolio(clr, { now: '2025-08-02T00:00:00Z' });
    expect(r.verified).toBe(true);
    expect(r.summary).toMatchObject({ total: 2, verified: 2 });
  });
});

describe('bundlePresentation', () => {
  it('signs a VC 2.0 presentation with the holder key, challenge and domain; mixes VC 1.1 and 2.0', async () => {
    const { learner, creds } = await fixtures();
    const vp = await bundlePresentation(creds, { holderKey: learner, challenge: 'nonce-123', domain: 'jobs.employer.example', now: NOW });
    expect(vp['@context']).toEqual([VC_V2_CONTEXT]);
    expect(vp.type).toEqual(['VerifiablePresentation']);
    expect(vp.holder).toBe(learner.controller);
    expect(vp.verifiableCredential).toEqual(creds);
    expect(vp.proof).toMatchObject({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-rdfc-2022',
      proofPurpose: 'authentication',
      challenge: 'nonce-123',
      domain: 'jobs.employer.example',
      created: NOW,
      verificationMethod: learner.id,
    });
  });

  it('works without a challenge (proofPurpose authentication, domain only)', async () => {
    const { learner, creds } = await fixtures();
    const vp = await bundlePresentation([creds[0]!], { holderKey: learner, domain: 'jobs.employer.example', now: NOW });
    expect(vp.proof.challenge).toBeUndefined();
    expect(vp.proof.domain).toBe('jobs.employer.example');
    expect(vp.proof.proofPurpose).toBe('authentication');
  });

  it('refuses a public-only key, bad options and duplicates', async () => {
    const { learner, creds } = await fixtures();
    const pub = importKeyPair({ type: 'Multikey', publicKeyMultibase: learner.publicKeyMultibase, controller: learner.controller, id: learner.id } as any);
    const noSecret = await bundlePresentation([creds[0]!], { holderKey: pub, now: NOW }).catch((e) => e);
    expect(noSecret).toBeInstanceOf(KeyError);
    expect([noSecret.code, noSecret.message]).toEqual(['ERR_KEY_NO_SECRET', `key ${learner.id} has no secret part: it can verify but not sign`]);
    expect(await code(bundlePresentation([creds[0]!], { holderKey: learner, challenge: '' }))).toBe('ERR_INVALID_INPUT');
    expect(await code(bundlePresentation([creds[0]!, structuredClone(creds[0]!)], { holderKey: learner, now: NOW }))).toBe('ERR_DUPLICATE_CREDENTIAL');
    const vp = await bundlePresentation([creds[0]!, structuredClone(creds[0]!)], { holderKey: learner, now: NOW, allowDuplicates: true });
    expect(vp.verifiableCredential).toHaveLength(2);
  });
});

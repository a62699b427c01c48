// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { bundleClr, bundlePresentation, recombine, selectCredentials, unbundle, verifyPortfolio } from '../../src/portfolio/index.js';
import { PortfolioError } from '../../src/errors.js';
import { verifyCredential } from '../../src/verify/index.js';
import { fixtures, NOW } from './fixtures.js';

const A1 = 'urn:uuid:0a000000-0000-4000-8000-000000000001';
const A2 = 'urn:uuid:0a000000-0000-4000-8000-000000000002';
const PROG = 'urn:uuid:0c000000-0000-4000-8000-00000000f00d';

describe('unbundle', () => {
  it('returns the inner credentials of a presentation byte-for-byte, each verifying alone', async () => {
    const { learner, creds } = await fixtures();
    const vp = await bundlePresentation(creds, { holderKey: learner, challenge: 'c-1', now: NOW });
    const out = unbundle(vp);
    expect(out).toHaveLength(creds.length);
    for (let i = 0; i < creds.length; i++) {
      expect(JSON.stringify(out[i])).toBe(JSON.stringify(creds[i]));
      const r = await verifyCredential(out[i], { now: NOW });
      expect(r.verified, `credential ${i}`).toBe(true);
    }
    // also from JSON text (what travels over the wire)
    expect(unbundle(JSON.stringify(vp)).map((c) => JSON.stringify(c))).toEqual(creds.map((c) => JSON.stringify(c)));
  });

  it('returns the inner credentials of a CLR byte-for-byte (incl. a VC 1.1 Ed25519Signature2020 one)', async () => {
    const { uniA, creds } = await fixtures();
    const clr = await bundleClr(creds, { key: uniA, now: NOW, skipSchema: true });
    const out = unbundle(clr);
    expect(out.map((c) => JSON.stringify(c))).toEqual(creds.map((c) => JSON.stringify(c)));
    expect(out[2]!.proof.type).toBe('Ed25519Signature2020');
    expect((await verifyCredential(out[2], { now: NOW })).verified).toBe(true);
  });

  it('returns copies: changing them leaves the portfolio intact', async () => {
    const { learner, creds } = await fixtures();
    const vp = await bundlePresentation([creds[0]!], { holderKey: learner, now: NOW });
    const [c] = unbundle(vp);
    c!.name = 'changed';
    expect(vp.verifiableCredential[0].name).toBe(creds[0]!.name);
  });

  it('throws PortfolioError ERR_NOT_PORTFOLIO on anything else', async () => {
    const { creds } = await fixtures();
    for (const bad of [creds[0], {}, 'not json', '{"type":"VerifiableCredential"}', null as any]) {
      try {
        unbundle(bad);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(PortfolioError);
        expect((e as PortfolioError).code).toBe('ERR_NOT_PORTFOLIO');
      }
    }
  });
});

describe('selectCredentials', () => {
  it('filters by issuer, achievement, type, skill, date range and predicate', async () => {
    const { uniA, uniB, creds } = await fixtures();
    const ids = (l: Record<string, any>[]) => l.map((c) => creds.indexOf(c));
    expect(ids(selectCredentials(creds, { issuers: [uniA.controller] }))).toEqual([0, 1]);
    expect(ids(selectCredentials(creds, { issuers: [uniB.controller] }))).toEqual([2, 3]);
    expect(ids(selectCredentials(creds, { achievementIds: [A2] }))).toEqual([1]);
    expect(ids(selectCredentials(creds, { skills: ['Python'] }))).toEqual([1]);
    expect(ids(selectCredentials(creds, { skills: ['https://skills.example/project%20management'] }))).toEqual([2, 3]);
    expect(ids(selectCredentials(creds, { from: '2026-01-01T00:00:00Z', until: '2026-07-01T00:00:00Z' }))).toEqual([0, 3]);
    expect(ids(selectCredentials(creds, { until: '2025-12-31T00:00:00Z' }))).toEqual([2]);
    expect(ids(selectCredentials(creds, { issuers: [uniA.controller], skills: ['python'] }))).toEqual([1]);
    expect(ids(selectCredentials(creds, (c) => c.proof.type === 'Ed25519Signature2020'))).toEqual([2]);
    expect(ids(selectCredentials(creds, { types: ['OpenBadgeCredential'] }))).toEqual([0, 1, 2, 3]);
    expect(() => selectCredentials(creds, { from: 'yesterday' })).toThrow(PortfolioError);
  });
});

describe('recombine', () => {
  it('shares a subset of a CLR as a learner presentation without touching the issuers signatures', async () => {
    const { uniA, learner, creds } = await fixtures();
    const clr = await bundleClr(creds, { key: uniA, now: NOW, skipSchema: true });
    const vp = await recombine(clr, { skills: ['project management'] }, { holderKey: learner, challenge: 'emp-1', domain: 'employer.example', now: NOW });
    expect(vp.type).toEqual(['VerifiablePresentation']);
    expect(unbundle(vp).map((c) => JSON.stringify(c))).toEqual([creds[2], creds[3]].map((c) => JSON.stringify(c)));
    const r = await verifyPortfolio(vp, { now: NOW, challenge: 'emp-1', domain: 'employer.example' });
    expect(r.verified).toBe(true);
    expect(r.summary).toMatchObject({ total: 2, verified: 2, failed: [] });
  });

  it('CLR → smaller CLR keeps the associations whose achievements remain, and marks it partial', async () => {
    const { uniA, creds } = await fixtures();
    const v2 = [creds[0]!, creds[1]!, creds[3]!];
    const programme = { id: PROG, type: ['Achievement'], name: 'Data programme', description: 'All data modules', criteria: { narrative: 'Pass all modules.' } };
    const clr = await bundleClr(v2, {
      key: uniA,
      now: NOW,
      achievements: [programme],
      associations: [
        { associationType: 'precedes', sourceId: A1, targetId: A2 },
        { associationType: 'isPartOf', sourceId: A1, targetId: PROG },
        { associationType: 'isPartOf', sourceId: A2, targetId: PROG },
      ],
    });
    const sub = await recombine(clr, { achievementIds: [A1] }, { key: uniA, now: NOW });
    expect(sub.partial).toBe(true);
    expect(sub.credentialSubject.verifiableCredential).toEqual([creds[0]]);
    expect(sub.credentialSubject.association).toEqual([{ type: 'Association', associationType: 'isPartOf', sourceId: A1, targetId: PROG }]);
    expect(sub.credentialSubject.achievement).toEqual([programme]);
    const r = await verifyPortfolio(sub, { now: NOW });
    expect(r.verified).toBe(true);
    expect(r.envelope.warnings).toEqual([]);
  });

  it('bundles a list of credentials as a CLR with format inferred from key', async () => {
    const { uniB, creds } = await fixtures();
    const clr = await recombine(creds, { issuers: [uniB.controller], types: ['OpenBadgeCredential'], predicate: (c) => c['@context'][0] === 'https://www.w3.org/ns/credentials/v2' }, { key: uniB, now: NOW });
    expect(clr.type).toContain('ClrCredential');
    expect(clr.credentialSubject.verifiableCredential).toEqual([creds[3]]);
  });

  it('refuses an empty selection and missing bundle options', async () => {
    const { learner, creds } = await fixtures();
    await expect(recombine(creds, { issuers: ['did:example:nobody'] }, { holderKey: learner })).rejects.toMatchObject({ code: 'ERR_EMPTY_SELECTION' });
    await expect(recombine(creds, {}, {} as any)).rejects.toMatchObject({ code: 'ERR_INVALID_INPUT' });
  });
});

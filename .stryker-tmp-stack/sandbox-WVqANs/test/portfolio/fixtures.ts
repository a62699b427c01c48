// @ts-nocheck
// Shared fixtures: two issuers (A: VC 2.0 eddsa-rdfc-2022; B: one VC 1.1 Ed25519Signature2020 + one VC 2.0) and a learner.
import * as vc from '@digitalbazaar/vc';
import { generateKeyPair, type KeyPair } from '../../src/keys/index.js';
import { issueCredential } from '../../src/issue.js';
import { createEd2020SigningSuite } from '../../src/proofs/suites.js';
import { createDocumentLoader } from '../../src/jsonld/loader.js';
import { allocateStatusIndex, createStatusList, revoke, signStatusList } from '../../src/status/index.js';

export const NOW = '2026-11-23T10:00:00Z';
export const ISSUED = '2026-06-01T09:00:00Z';
const VC2 = 'https://www.w3.org/ns/credentials/v2';
const OB303 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

export const seed = (n: number): Uint8Array => Uint8Array.from({ length: 32 }, (_, i) => (i * 7 + n * 31) & 0xff);

export interface Fixtures {
  uniA: KeyPair;
  uniB: KeyPair;
  learner: KeyPair;
  other: KeyPair;
  /** [a1 (A, VC2), a2 (A, VC2), b1 (B, VC 1.1 Ed25519Signature2020), b2 (B, VC2)] */
  creds: Record<string, any>[];
  /** VC 2.0 credential of B with a Bitstring Status List entry, revoked. */
  revoked: Record<string, any>;
  /** Offline documents for verification: B's signed revocation list. */
  documents: Record<string, unknown>;
}

export function achievement(id: string, name: string, skills: string[] = []): Record<string, any> {
  return {
    id,
    type: ['Achievement'],
    name,
    description: `${name} (micro-credential)`,
    criteria: { narrative: `Passed the ${name} assessment.` },
    ...(skills.length ? { alignment: skills.map((s) => ({ type: ['Alignment'], targetName: s, targetUrl: `https://skills.example/${encodeURIComponent(s)}` })) } : {}),
  };
}

export function ob(issuer: KeyPair, issuerName: string, learner: string, ach: Record<string, any>, validFrom = ISSUED, extra: Record<string, any> = {}): Record<string, any> {
  return {
    '@context': [VC2, OB303],
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer.controller, type: ['Profile'], name: issuerName },
    validFrom,
    name: ach.name,
    credentialSubject: { type: ['AchievementSubject'], id: learner, achievement: ach },
    ...extra,
  };
}

let cached: Promise<Fixtures> | undefined;

export function fixtures(): Promise<Fixtures> {
  cached ??= (async () => {
    const [uniA, uniB, learner, other] = await Promise.all([1, 2, 3, 4].map((n) => generateKeyPair({ seed: seed(n) })));
    const L = learner!.controller;
    const a1 = await issueCredential(ob(uniA!, 'University A', L, achievement('urn:uuid:0a000000-0000-4000-8000-000000000001', 'Data Analysis I', ['data analysis'])), {
      key: uniA!,
      now: ISSUED,
    });
    const a2 = await issueCredential(
      ob(uniA!, 'University A', L, achievement('urn:uuid:0a000000-0000-4000-8000-000000000002', 'Data Analysis II', ['data analysis', 'python']), '2026-08-01T09:00:00Z'),
      { key: uniA!, now: '2026-08-01T09:00:00Z' },
    );
    const b1 = await vc.issue({
      credential: {
        '@context': ['https://www.w3.org/2018/credentials/v1', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json', 'https://w3id.org/security/suites/ed25519-2020/v1'],
        id: 'urn:uuid:0b000000-0000-4000-8000-000000000001',
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        issuer: { id: uniB!.controller, type: ['Profile'], name: 'College B' },
        issuanceDate: '2025-03-01T09:00:00Z',
        name: 'Project Management Basics',
        credentialSubject: { type: ['AchievementSubject'], id: L, achievement: achievement('urn:uuid:0b000000-0000-4000-8000-0000000000a1', 'Project Management Basics', ['project management']) },
      },
      suite: createEd2020SigningSuite(uniB!, '2025-03-01T09:00:00Z'),
      documentLoader: createDocumentLoader(),
    });
    const b2 = await issueCredential(ob(uniB!, 'College B', L, achievement('urn:uuid:0b000000-0000-4000-8000-0000000000a2', 'Agile Teams', ['project management', 'teamwork']), '2026-02-01T09:00:00Z'), {
      key: uniB!,
      now: '2026-02-01T09:00:00Z',
    });
    let state = createStatusList({ id: 'https://college-b.example/status/1', issuer: uniB!.controller, purpose: 'revocation' });
    const alloc = allocateStatusIndex(state);
    state = alloc.state;
    const revoked = await issueCredential(
      ob(uniB!, 'College B', L, achievement('urn:uuid:0b000000-0000-4000-8000-0000000000a3', 'Scrum Master', ['teamwork']), '2026-03-01T09:00:00Z', { credentialStatus: alloc.entry }),
      { key: uniB!, now: '2026-03-01T09:00:00Z' },
    );
    state = revoke(state, alloc.index);
    const list = await signStatusList(state, { key: uniB!, now: '2026-10-01T00:00:00Z' });
    return { uniA: uniA!, uniB: uniB!, learner: learner!, other: other!, creds: [a1, a2, b1, b2], revoked, documents: { [state.id]: list } };
  })();
  return cached;
}

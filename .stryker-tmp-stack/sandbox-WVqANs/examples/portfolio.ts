// @ts-nocheck
// Portfolio walkthrough: a learner collects badges from two institutions, keeps them in a CLR, shares a subset with
// an employer as a signed presentation (challenge + domain), and the employer verifies everything offline.
// Run: npx tsx examples/portfolio.ts
import { generateKeyPair, issueCredential } from '../src/index.js';
import { bundleClr, recombine, unbundle, verifyPortfolio } from '../src/portfolio/index.js';
import { summarizeReport } from '../src/verify/index.js';

const VC2 = 'https://www.w3.org/ns/credentials/v2';
const OB = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const seed = (n: number) => new Uint8Array(32).fill(n); // fixed seeds: reproducible demo (use random keys in real life)

const uniA = await generateKeyPair({ seed: seed(11) });
const uniB = await generateKeyPair({ seed: seed(22) });
const learner = await generateKeyPair({ seed: seed(33) });

function badge(issuer: typeof uniA, issuerName: string, id: string, name: string, skill: string) {
  return {
    '@context': [VC2, OB],
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer.controller, type: ['Profile'], name: issuerName },
    name,
    credentialSubject: {
      type: ['AchievementSubject'],
      id: learner.controller,
      achievement: {
        id, type: ['Achievement'], name, description: `${name} micro-credential`, criteria: { narrative: 'Passed the assessment.' },
        alignment: [{ type: ['Alignment'], targetName: skill, targetUrl: `https://skills.example/${encodeURIComponent(skill)}` }],
      },
    },
  };
}

// 1. Two institutions issue badges
const creds = [
  await issueCredential(badge(uniA, 'University A', 'urn:uuid:7f1c2a10-0000-4000-8000-000000000001', 'Statistics I', 'statistics'), { key: uniA, now: '2026-02-01T09:00:00Z' }),
  await issueCredential(badge(uniA, 'University A', 'urn:uuid:7f1c2a10-0000-4000-8000-000000000002', 'Machine Learning', 'python'), { key: uniA, now: '2026-06-01T09:00:00Z' }),
  await issueCredential(badge(uniB, 'College B', 'urn:uuid:7f1c2a10-0000-4000-8000-000000000003', 'Team Leadership', 'leadership'), { key: uniB, now: '2026-04-01T09:00:00Z' }),
];

// 2. University A bundles the learner's record as a CLR 2.0 credential (with "Statistics I precedes Machine Learning")
const clr = await bundleClr(creds, {
  key: uniA,
  issuer: { id: uniA.controller, type: ['Profile'], name: 'University A' },
  name: 'Learner record',
  associations: [{ associationType: 'precedes', sourceId: 'urn:uuid:7f1c2a10-0000-4000-8000-000000000001', targetId: 'urn:uuid:7f1c2a10-0000-4000-8000-000000000002' }],
  now: '2026-07-01T09:00:00Z',
});
console.log('CLR:', (await verifyPortfolio(clr, { now: '2026-07-01T10:00:00Z' })).summary);

// 3. The employer asks for data skills, with a fresh challenge for its domain
const challenge = 'employer-nonce-9f2c';
const domain = 'jobs.employer.example';
const shared = await recombine(clr, { skills: ['python', 'statistics'] }, { holderKey: learner, challenge, domain, now: '2026-11-23T10:00:00Z' });
console.log('shared with the employer:', unbundle(shared).map((c) => c.name));

// 4. The employer verifies offline: the learner's signature, challenge, domain, and every issuer's signature
const t0 = performance.now();
const report = await verifyPortfolio(shared, { now: '2026-11-23T10:01:00Z', challenge, domain });
console.log(`verified: ${report.verified} (${(performance.now() - t0).toFixed(0)} ms)`);
console.log('  envelope:', summarizeReport(report.envelope));
report.credentials.forEach((r, i) => console.log(`  credential ${i}:`, summarizeReport(r)));

// 5. A replayed presentation (other challenge) is refused
const replay = await verifyPortfolio(shared, { now: '2026-11-24T10:00:00Z', challenge: 'another-request', domain });
console.log('replayed:', replay.verified, replay.envelope.checks.filter((c) => c.status === 'failed').map((c) => c.code));

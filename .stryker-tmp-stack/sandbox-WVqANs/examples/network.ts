/**
 * A network of universities, offline: a German coordinating office signs a member registry for universities in
 * Bangladesh, India and Vietnam with one recognition agreement; a micro-credential from the Bangladeshi member is
 * verified against the registry and recognised by the Vietnamese member for 5 ECTS towards its MSc Data Science.
 * Run: npx tsx examples/network.ts
 */
// @ts-nocheck

import {
  awardAchievement, createRegistry, defineAchievement, defineProfile, generateKeyPair, issueCredential, recognizeCredential,
  type KeyPair, type NetworkMember, type RecognitionAgreement,
} from '../src/index.js';

/** Fixed clock for the example (and the tests that reuse it). */
export const NETWORK_NOW = new Date('2026-03-01T09:00:00Z');

export const NETWORK_ID = 'https://unet-asia.example';

/** Build the network: keys, the signed registry, and a signed micro-credential from the Bangladeshi member. */
export async function buildNetwork() {
  const seed = (n: number) => new Uint8Array(32).fill(n);
  const [coordinator, dhaka, iitm, vnu] = await Promise.all([1, 2, 3, 4].map((n) => generateKeyPair({ seed: seed(40 + n) }))) as [KeyPair, KeyPair, KeyPair, KeyPair];
  const member = (key: KeyPair, legalName: Record<string, string>, country: string, accreditedBy: string): NetworkMember => ({
    id: key.controller, legalName, country, accreditedBy, memberFrom: '2025-01-01T00:00:00Z', membershipStatus: 'active',
  });
  const members = [
    member(dhaka, { en: 'University of Dhaka (example)', bn: 'ঢাকা বিশ্ববিদ্যালয় (উদাহরণ)' }, 'BD', 'Bangladesh Accreditation Council'),
    member(iitm, { en: 'IIT Madras (example)', hi: 'आईआईटी मद्रास (उदाहरण)' }, 'IN', 'NAAC (India)'),
    member(vnu, { en: 'Vietnam National University (example)', vi: 'Đại học Quốc gia (ví dụ)' }, 'VN', 'Ministry of Education and Training (Viet Nam)'),
  ];
  const agreements: RecognitionAgreement[] = [{
    id: `${NETWORK_ID}/agreements/vnu-credit-1`, recognizer: vnu.controller, purpose: 'credit',
    towards: 'https://vnu.example/programmes/msc-data-science', towardsName: 'MSc Data Science',
    match: { issuers: [dhaka.controller, iitm.controller], achievementTypes: ['MicroCredential'] },
    recognizedCredits: { value: 5, unit: 'ECTS' },
  }];
  const registry = await issueCredential(createRegistry({
    coordinator: { id: coordinator.controller, name: 'U-Net Asia Coordinating Office (Germany)' },
    network: { id: NETWORK_ID, name: { en: 'U-Net Asia micro-credential network', de: 'U-Net-Asien-Netzwerk für Microcredentials' } },
    members, agreements, validFrom: '2026-01-01T00:00:00Z', validUntil: '2027-01-01T00:00:00Z',
  }), { key: coordinator, now: '2026-01-01T00:00:00Z', skipSchema: true });

  const issuer = defineProfile({ id: dhaka.controller, name: { en: 'University of Dhaka (example)', bn: 'ঢাকা বিশ্ববিদ্যালয় (উদাহরণ)' }, country: 'BD' });
  const achievement = defineAchievement({
    id: 'https://du.example/mc/data-analysis', name: 'Data analysis with Python', description: 'Cleaning, analysing and visualising data.',
    criteria: 'Pass the project.', creator: issuer, learningOutcomes: ['Clean a messy dataset', 'Explain a regression result'],
    workload: [{ value: 5, unit: 'ECTS' }, { value: 125, unit: 'hours' }], level: { framework: 'EQF', level: 6 },
    assessment: { assessmentType: 'Artifact', description: 'Data project' }, participation: 'online',
    qualityAssurance: { assuranceType: 'external', description: 'Programme reviewed by the Bangladesh Accreditation Council' },
  });
  const badge = await issueCredential(awardAchievement({
    issuer, achievement, recipient: { id: 'did:example:learner-rahima' }, validFrom: '2026-02-01T00:00:00Z', now: NETWORK_NOW,
  }), { key: dhaka, now: '2026-02-01T00:00:00Z' });
  return { coordinator, dhaka, iitm, vnu, registry, badge };
}

/** Print the flow (used by the demo). */
export async function main(log: (s: string) => void = console.log) {
  const { coordinator, vnu, registry, badge } = await buildNetwork();
  log(`network registry signed by ${coordinator.controller.slice(0, 24)}… (3 members, 1 recognition agreement)`);
  const { report, recognitions } = await recognizeCredential(badge, {
    registries: [{ registry, coordinator: coordinator.controller }], recognizer: vnu.controller, now: NETWORK_NOW,
  });
  const network = report.checks.find((c) => c.id === 'issuer' && c.target === 'network');
  log(`verified: ${report.verified} — ${network?.message}`);
  for (const r of recognitions) log(`  ${r.message}`);
  return { report, recognitions };
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

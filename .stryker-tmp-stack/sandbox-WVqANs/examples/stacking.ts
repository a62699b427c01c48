/**
 * Stack the three network micro-credentials (AI, Data: EQF 6, 5 ECTS each; staff course: 40 hours, no EQF level) into a
 * "Certificate in AI and Data": evaluate the rule over the learner's signed credentials, issue the larger credential
 * once the institution decides to, and check that its components cannot be swapped.
 * Run: npx tsx examples/stacking.ts
 */
// @ts-nocheck

import {
  defineAchievement, evaluateStack, issueStackedCredential, parseStackingRule, ruleToCtdl, verifyCredential, verifyStackedComponents,
} from '../src/index.js';
import { aiAchievement, awardingUniversity, dataAchievement, NOW, signExample } from './microcredentials/network.js';

export const CERTIFICATE_ID = 'https://microcredentials.unet.example/achievements/certificate-ai-data';

/** The rule as data (it would normally live in a JSON file next to the programme description). */
export const certificateRule = parseStackingRule({
  id: 'https://microcredentials.unet.example/rules/certificate-ai-data',
  type: 'StackingRule',
  name: 'Certificate in AI and Data',
  description: 'AI and Data modules, at least 11 ECTS in total, at least 75 % of the ECTS at EQF 6 or above.',
  awards: CERTIFICATE_ID,
  // Staff courses state hours only: the rule converts them explicitly (25 hours = 1 ECTS), never implicitly.
  unitConversions: [{ from: 'hours', to: 'ECTS', factor: 1 / 25 }],
  condition: {
    kind: 'all',
    conditions: [
      { kind: 'has', label: 'the AI module', match: { achievementIds: [aiAchievement.id] } },
      { kind: 'has', label: 'the Data module', match: { achievementIds: [dataAchievement.id], maxAge: 'P5Y' } },
      { kind: 'sum', unit: 'ECTS', comparator: 'gte', value: 11 },
      { kind: 'share', unit: 'ECTS', where: { minLevel: { framework: 'EQF', level: 6 } }, min: 0.75 },
    ],
  },
});

/** The larger achievement. */
export const certificate = defineAchievement({
  id: CERTIFICATE_ID,
  name: 'Certificate in AI and Data',
  description: 'Stacked from the AI and Data micro-credentials and a professional-development course of the U-Net network.',
  criteria: 'Meet the stacking rule https://microcredentials.unet.example/rules/certificate-ai-data and be admitted by the Certificate board.',
  creator: awardingUniversity,
  workload: { value: 11.6, unit: 'ECTS' },
  level: { framework: 'EQF', level: 6 },
});

export async function main(log = console.log): Promise<Record<string, unknown>> {
  const ai = await signExample('ai');
  const data = await signExample('data');
  const staff = await signExample('staff');
  const later = new Date(NOW.getTime() + 30 * 86400_000);

  const partial = await evaluateStack(certificateRule, [ai.signed, data.signed], { now: later });
  log(`AI + Data only: satisfied=${partial.satisfied}; missing: ${partial.missing.map((m) => m.message).join(' | ')}`);

  const full = await evaluateStack(certificateRule, [ai.signed, data.signed, staff.signed], { now: later });
  log(`all three: satisfied=${full.satisfied} (eligibility, not an award); totals ${full.totals.map((t) => `${t.value} ${t.unit}`).join(', ')}`);
  log(`  used: ${full.used.map((u) => u.achievementName).join('; ')}`);

  // The certificate board decides; then the institution issues.
  const { credential, relatedResource, associations } = await issueStackedCredential(certificateRule, full, {
    key: ai.key, issuer: ai.issuer, achievement: certificate, now: later,
  });
  const report = await verifyCredential(credential, { now: later });
  log(`stacked credential verified=${report.verified}; names ${relatedResource.length} components:`);
  for (const r of relatedResource) log(`  ${r.id} ${r.digestMultibase.slice(0, 24)}…`);
  log(`  associations (embedded in credentialSubject): ${associations.map((a) => a.associationType).join(', ')}`);

  const ok = await verifyStackedComponents(credential, [ai.signed, data.signed, staff.signed]);
  log(`components check: verified=${ok.verified}`);
  const swapped = { ...data.signed, name: 'Data (re-graded)' };
  const bad = await verifyStackedComponents(credential, [ai.signed, swapped, staff.signed]);
  log(`swapped component: verified=${bad.verified} ${bad.checks.filter((c) => c.status === 'failed').map((c) => c.code).join(', ')}`);

  const ctdl = ruleToCtdl(certificateRule);
  log(`CTDL: ${JSON.stringify(ctdl.componentCondition).slice(0, 160)}… (${ctdl.unmapped.length} parts not expressible in CTDL)`);
  return credential;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();

/**
 * credstack demo — the main job end to end through the library, printing what happened at each step:
 * keys → status list → three signed EU micro-credentials (AI, Data, MC design) → a 200-learner cohort from a CSV roster
 * through the batch path (and a resumed rerun) → offline verification → revocation → EU element check → stacking into a
 * certificate → CLR and presentation portfolios → a baked badge image.
 * Outputs go to ./out/demo (gitignored). No network, no secrets printed.
 * Run: npm run demo
 */
// @ts-nocheck

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';
import {
  allocateStatusIndex, bakePng, bundleClr, bundlePresentation, checkMicrocredential, createStatusList, defineProfile, extractCredential,
  generateKeyPair, issueCredential, revoke, signStatusList, unbundle, verifyCredential, verifyPortfolio, evaluateStack, issueStackedCredential,
  verifyStackedComponents, type KeyPair, type StatusListState,
} from '../src/index.js';
import { issueCohort, parseTemplate } from '../src/index.js';
import { aiAchievement, awardExample, networkIssuer, NOW } from './microcredentials/network.js';
import { certificate, certificateRule } from './stacking.js';

const OUT = join(process.cwd(), 'out', 'demo');
const LATER = new Date(NOW.getTime() + 30 * 86400_000); // the demo's clock: a month after the awards
const STATUS_URL = 'https://microcredentials.unet.example/status/1';
const t0 = performance.now();
let failures = 0;

const ms = (since: number) => `${(performance.now() - since).toFixed(0)} ms`;
const short = (did: string) => (did.length > 40 ? `${did.slice(0, 24)}…${did.slice(-6)}` : did);
const write = (name: string, value: unknown) => {
  writeFileSync(join(OUT, name), typeof value === 'string' ? `${value}\n` : `${JSON.stringify(value, null, 2)}\n`);
  return `out/demo/${name}`;
};

async function step(title: string, fn: () => Promise<void>): Promise<void> {
  const start = performance.now();
  console.log(`\n▶ ${title}`);
  try {
    await fn();
    console.log(`  (${ms(start)})`);
  } catch (err) {
    failures++;
    console.log(`  ✗ failed: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** A 1×1 PNG badge image, so the demo needs no asset files. */
function badgePng(): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const b = Buffer.alloc(12 + data.length);
    b.writeUInt32BE(data.length, 0);
    b.write(type, 4, 'latin1');
    data.copy(b, 8);
    b.writeUInt32BE(crc32(b.subarray(4, 8 + data.length)), 8 + data.length);
    return b;
  };
  const ihdr = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.from([0, 30, 90, 200, 255]))), chunk('IEND', Buffer.alloc(0))]);
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
console.log(`credstack demo — clock pinned to ${LATER.toISOString()}, outputs in out/demo/`);

let uni!: KeyPair;
let partner!: KeyPair;
let learner!: KeyPair;
let status!: StatusListState;
let statusList: Record<string, unknown> = {};
const mine: Record<string, Record<string, any>> = {};
let cohortSample: Record<string, any>[] = [];
let stacked: Record<string, any> | undefined;
const documents = (): Record<string, unknown> => ({ [STATUS_URL]: statusList });

await step('1. keys: a university network office, a partner academy, a learner', async () => {
  [uni, partner, learner] = await Promise.all([generateKeyPair(), generateKeyPair(), generateKeyPair()]);
  console.log(`  university  ${short(uni.controller)}`);
  console.log(`  partner     ${short(partner.controller)}`);
  console.log(`  learner     ${short(learner.controller)}   (secret keys stay in memory, never printed)`);
});

await step('2. a revocation status list (W3C Bitstring Status List)', async () => {
  status = createStatusList({ id: STATUS_URL, issuer: uni.controller, purpose: 'revocation' });
  console.log(`  ${status.length} entries, random index order, ${STATUS_URL}`);
});

await step('3. mint three EU micro-credentials for the learner', async () => {
  const partnerProfile = defineProfile({ id: partner.controller, name: 'Partner Academy (example)', country: 'DE' });
  const plan = [
    ['ai', networkIssuer(uni), uni],
    ['data', networkIssuer(uni), uni],
    ['staff', partnerProfile, partner],
  ] as const;
  for (const [which, issuer, key] of plan) {
    const unsigned: Record<string, any> = awardExample(which, issuer, { did: learner.controller, studentId: 'S0001234' });
    unsigned.id = `urn:uuid:${crypto.randomUUID()}`;
    if (key === uni) {
      const a = allocateStatusIndex(status);
      status = a.state;
      unsigned.credentialStatus = a.entry;
    }
    const start = performance.now();
    const signed = await issueCredential(unsigned, { key, now: NOW });
    mine[which] = signed;
    const a = signed.credentialSubject.achievement;
    console.log(`  ${which.padEnd(5)} "${a.name}" by ${issuer.name?.toString().slice(0, 30)} — signed in ${ms(start)} → ${write(`${which}.json`, signed)}`);
  }
});

await step('4. a cohort of 200 learners from a CSV roster, through the batch path (issueCohort → issueBatch)', async () => {
  let csv = 'student_id,email,awarded_date,grade\n';
  for (let i = 1; i <= 200; i++) csv += `S${String(i).padStart(5, '0')},learner${i}@uni.example,2025-06-30,${18 + (i % 13)}\n`;
  csv += 'S99999,not-an-email,2025-06-30,30\n'; // a bad row: reported with its line number, the rest go on
  writeFileSync(join(OUT, 'roster.csv'), csv);
  const template = parseTemplate({ achievement: aiAchievement, issuer: networkIssuer(uni) });
  const opts = { roster: join(OUT, 'roster.csv'), template, key: uni, out: { jsonl: join(OUT, 'cohort.jsonl') }, now: NOW, salt: 'demo-salt' };
  const first = await issueCohort({
    ...opts,
    allocateStatus: async () => {
      const a = allocateStatusIndex(status);
      status = a.state;
      return a.entry as unknown as Record<string, unknown>;
    },
    onRowError: (e) => console.log(`  bad row: line ${e.line} (${e.key}): ${e.message}`),
  });
  console.log(`  issued ${first.issued}, failed ${first.failed} in ${first.ms} ms (${((first.issued / first.ms) * 1000).toFixed(0)}/s) → out/demo/cohort.jsonl`);
  const again = await issueCohort(opts);
  console.log(`  rerun (resume): issued ${again.issued}, skipped ${again.skipped} already issued, in ${again.ms} ms`);
  const { readFileSync } = await import('node:fs');
  cohortSample = readFileSync(join(OUT, 'cohort.jsonl'), 'utf8').split('\n').filter(Boolean).slice(0, 5).map((l) => JSON.parse(l).credential);
});

await step('5. verify offline (status list handed in as a local document)', async () => {
  statusList = await signStatusList(status, { key: uni, now: LATER });
  write('status-list.json', statusList);
  for (const [which, cred] of Object.entries(mine)) {
    const start = performance.now();
    const r = await verifyCredential(cred, { now: LATER, documents: documents() });
    console.log(`  ${which.padEnd(5)} verified=${r.verified} (${r.checks.filter((c) => c.status === 'passed').length} checks passed, ${ms(start)})`);
    if (!r.verified) throw new Error(`${which} did not verify`);
  }
  const start = performance.now();
  const rs = await Promise.all(cohortSample.map((c) => verifyCredential(c, { now: LATER, documents: documents() })));
  console.log(`  cohort sample: ${rs.filter((r) => r.verified).length}/${rs.length} verified (${ms(start)})`);
  const tampered = structuredClone(mine.ai!);
  tampered.credentialSubject.result[0].value = '30';
  const bad = await verifyCredential(tampered, { now: LATER, documents: documents() });
  console.log(`  tampered grade: verified=${bad.verified} — ${bad.checks.find((c) => c.status === 'failed')?.code}`);
});

await step('6. revoke one cohort credential, re-sign the list, verify again', async () => {
  const victim = cohortSample[1]!;
  const index = Number(victim.credentialStatus.statusListIndex);
  status = revoke(status, index);
  statusList = await signStatusList(status, { key: uni, now: LATER });
  write('status-list.json', statusList);
  const r = await verifyCredential(victim, { now: LATER, documents: documents() });
  console.log(`  index ${index} revoked → verified=${r.verified}: ${r.checks.find((c) => c.status === 'failed')?.code}`);
  const other = await verifyCredential(cohortSample[0]!, { now: LATER, documents: documents() });
  console.log(`  its neighbour still verifies: ${other.verified}`);
});

await step('7. EU micro-credential elements (Council Recommendation 2022/C 243/02)', async () => {
  for (const which of ['ai', 'staff']) {
    const rep = checkMicrocredential(mine[which]);
    console.log(`  ${which.padEnd(5)} ${rep.elements.filter((e) => e.status === 'present').length}/${rep.elements.length} elements present; mandatory complete: ${rep.complete}`);
  }
});

await step('8. stack AI + Data + MC design into a "Certificate in AI and Data"', async () => {
  const creds = [mine.ai, mine.data, mine.staff];
  const two = await evaluateStack(certificateRule, [mine.ai, mine.data], { now: LATER, documents: documents() });
  console.log(`  AI + Data only: satisfied=${two.satisfied}; missing: ${two.missing.map((m) => m.message).join('; ')}`);
  const ev = await evaluateStack(certificateRule, creds, { now: LATER, documents: documents() });
  console.log(`  all three: satisfied=${ev.satisfied} (eligibility), totals ${ev.totals.map((t) => `${t.value} ${t.unit}`).join(', ')}`);
  const res = await issueStackedCredential(certificateRule, ev, { key: uni, issuer: networkIssuer(uni), achievement: certificate, now: LATER, documents: documents() });
  stacked = res.credential as Record<string, any>;
  const v = await verifyCredential(stacked, { now: LATER });
  const comp = await verifyStackedComponents(stacked, creds);
  console.log(`  stacked credential verified=${v.verified}, names ${res.relatedResource.length} components by id + digest (check: ${comp.verified}) → ${write('certificate.json', stacked)}`);
});

await step('9a. portfolio: a CLR 2.0 transcript signed by the university', async () => {
  const creds = [mine.ai!, mine.data!, mine.staff!, ...(stacked ? [stacked] : [])];
  const clr = await bundleClr(creds, { key: uni, issuer: { id: uni.controller, type: ['Profile'], name: 'U-Net Micro-credentials Office' }, learner: learner.controller, name: 'Transcript of micro-credentials', now: LATER });
  const clrReport = await verifyPortfolio(clr, { now: LATER, documents: documents() });
  console.log(`  CLR: ${clrReport.summary.verified}/${clrReport.summary.total} inner credentials verified, envelope verified=${clrReport.verified} → ${write('clr.json', clr)}`);
  const inner = unbundle(clr);
  const each = await Promise.all(inner.map((c) => verifyCredential(c, { now: LATER, documents: documents() })));
  console.log(`  unbundled: ${each.filter((r) => r.verified).length}/${inner.length} still verify on their own`);
});

await step('9b. portfolio: a presentation the learner signs for one employer request', async () => {
  const challenge = crypto.randomUUID();
  const vp = await bundlePresentation([mine.ai!, mine.staff!], { holderKey: learner, challenge, domain: 'jobs.employer.example', now: LATER });
  const vpReport = await verifyPortfolio(vp, { now: LATER, challenge, domain: 'jobs.employer.example', documents: documents() });
  console.log(`  presentation (2 chosen credentials, challenge + domain): verified=${vpReport.verified} → ${write('presentation.json', vp)}`);
  const replay = await verifyPortfolio(vp, { now: LATER, challenge: 'another-request', domain: 'jobs.employer.example', documents: documents() });
  console.log(`  replayed to another request: verified=${replay.verified}`);
  const inner = unbundle(vp);
  const each = await Promise.all(inner.map((c) => verifyCredential(c, { now: LATER, documents: documents() })));
  console.log(`  unbundled: ${each.filter((r) => r.verified).length}/${inner.length} still verify on their own`);
});

await step('10. bake the AI credential into a PNG badge and read it back', async () => {
  const baked = bakePng(badgePng(), mine.ai!);
  writeFileSync(join(OUT, 'ai-badge.png'), baked);
  const { credential, kind } = extractCredential(baked);
  const r = await verifyCredential(credential, { now: LATER, documents: documents() });
  console.log(`  ${baked.length} bytes → out/demo/ai-badge.png; extracted ${kind}, verified=${r.verified}`);
});

await step('11. a network of universities: a signed member registry (Germany coordinates; Bangladesh, India, Viet Nam) and recognition', async () => {
  const { main: networkMain } = await import('./network.js');
  await networkMain((line) => console.log(`  ${line}`));
});

console.log(`\n${failures ? `✗ ${failures} step(s) failed` : '✓ all steps done'} in ${ms(t0)}. Same flow with the CLI: see README ("Command line").`);
process.exitCode = failures ? 1 : 0;

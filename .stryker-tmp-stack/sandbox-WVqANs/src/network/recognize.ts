// @ts-nocheck
import { extractFacts } from '../stacking/facts.js';
import { describeMatch, matchesFacts } from '../stacking/evaluate-facts.js';
import { ruleToCtdl } from '../stacking/ctdl.js';
import { verifyCredential } from '../verify/verify.js';
import type { VerifyOptions } from '../verify/options.js';
import type { VerificationReport } from '../verify/report.js';
import { findMember, loadRegistries } from './check.js';
import { verifyNested, createVerifyContext } from '../verify/verify.js';
import type { RecognitionAgreement, RegistryTrust } from './types.js';

/**
 * One recognition: which agreement of which network applies to a credential, for what.
 * @example
 * ```ts
 * const r: Recognition = { agreement: 'https://unet.example/agreements/1', network: 'https://unet.example', recognizer: 'did:web:vnu.example',
 *   purpose: 'credit', message: 'recognised by VNU for 5 ECTS towards MSc Data Science' };
 * ```
 */
export interface Recognition {
  agreement: string;
  network: string;
  recognizer: string;
  purpose: RecognitionAgreement['purpose'];
  towards?: string;
  recognizedCredits?: { value: number; unit: string };
  message: string;
}

/**
 * Result of {@link recognizeCredential}: the verification (with the network membership check) and the recognitions
 * that apply. No recognition unless the credential verified (its issuer a member in good standing).
 * @example
 * ```ts
 * const { report, recognitions } = await recognizeCredential(badge, { registries, recognizer: 'did:web:vnu.example' });
 * ```
 */
export interface RecognitionResult {
  report: VerificationReport;
  recognitions: Recognition[];
}

/**
 * Options of {@link recognizeCredential}: verification options (with `registries`, required) plus the member whose
 * agreements apply.
 * @example `const o: RecognizeOptions = { registries: [{ registry, coordinator }], recognizer: 'did:web:vnu.example', now };`
 */
export interface RecognizeOptions extends VerifyOptions {
  registries: RegistryTrust[];
  /** The recognising member (its DID); default: every member's agreements. */
  recognizer?: string;
}

const name = (n: Record<string, string> | undefined): string => (n ? n.en ?? Object.values(n)[0] ?? '' : '');

/**
 * Verify a credential against the signed network registries and apply their recognition agreements: "recognised by
 * University B for 5 ECTS towards MSc Data Science". Works offline; never throws on untrusted input.
 * @example
 * ```ts
 * const { report, recognitions } = await recognizeCredential(badge, { registries: [{ registry, coordinator }], recognizer: vnu });
 * recognitions.map((r) => r.message); // ['recognised by Vietnam National University (example) for 5 ECTS towards MSc Data Science']
 * ```
 */
export async function recognizeCredential(credential: unknown, options: RecognizeOptions): Promise<RecognitionResult> {
  const report = await verifyCredential(credential, options);
  if (!report.verified || !report.credential) return { report, recognitions: [] };
  const ctx = createVerifyContext({ ...options, registries: undefined });
  if ('status' in ctx) return { report, recognitions: [] };
  // the registries verifyCredential just verified with these options and this clock are reused (not verified twice)
  const { registries } = await loadRegistries(options.registries, (doc) => verifyNested(doc, ctx), { scope: options, now: ctx.now });
  const now = ctx.now;
  const facts = extractFacts(report.credential);
  const recognitions: Recognition[] = [];
  for (const { registry } of registries) {
    for (const a of registry.recognitionAgreement) {
      if (options.recognizer && a.recognizer !== options.recognizer) continue;
      if (a.agreementFrom && Date.parse(a.agreementFrom) > now.getTime()) continue;
      if (a.agreementUntil && Date.parse(a.agreementUntil) < now.getTime()) continue;
      if (!findMember(registry, a.recognizer) || findMember(registry, a.recognizer)?.membershipStatus !== 'active') continue;
      // the issuer of the credential must be named by the agreement (through its member DIDs)
      const issuerMember = facts.issuer ? findMember(registry, facts.issuer) : undefined;
      const issuers = a.match.issuers;
      const match = issuers && issuerMember ? { ...a.match, issuers: [...issuers, ...(issuers.includes(issuerMember.id) ? [facts.issuer!] : [])] } : a.match;
      if (!matchesFacts(facts, match, now)) continue;
      const who = name(findMember(registry, a.recognizer)?.legalName) || a.recognizer;
      const what = a.purpose === 'credit'
        ? `for ${a.recognizedCredits ? `${a.recognizedCredits.value} ${a.recognizedCredits.unit}` : 'credit'}${a.towardsName ? ` towards ${a.towardsName}` : ''}`
        : a.purpose === 'access' ? `for access to ${a.towardsName ?? a.towards ?? 'a programme'}` : `for exemption${a.towardsName ? ` in ${a.towardsName}` : ''}`;
      const r: Recognition = { agreement: a.id, network: registry.id, recognizer: a.recognizer, purpose: a.purpose, message: `recognised by ${who} ${what}` };
      if (a.towards) r.towards = a.towards;
      if (a.recognizedCredits) r.recognizedCredits = a.recognizedCredits;
      recognitions.push(r);
    }
  }
  return { report, recognitions };
}

/**
 * Map a recognition agreement to a Credential Engine CTDL `ceterms:ConditionProfile`: credit and exemption become
 * `ceterms:advancedStandingFrom`-style conditions, access `ceterms:isPreparationFor`; the credential match goes through
 * the stacking rules' CTDL mapping (`ruleToCtdl`), whose `unmapped` parts are returned.
 * @example
 * ```ts
 * const { property, conditionProfile } = agreementToCtdl(agreement);   // property: 'ceterms:advancedStandingFrom'
 * ```
 */
export function agreementToCtdl(agreement: RecognitionAgreement): { property: string; conditionProfile: Record<string, unknown>; unmapped: { path: string; reason: string }[] } {
  const mapped = ruleToCtdl({ id: agreement.id, name: `Recognition ${agreement.purpose}`, condition: { kind: 'has', match: agreement.match } });
  const conditionProfile: Record<string, unknown> = {
    ...mapped.conditionProfile,
    'ceterms:description': { en: `${agreement.purpose} (${describeMatch(agreement.match)})${agreement.towardsName ? ` towards ${agreement.towardsName}` : ''}` },
  };
  if (agreement.recognizedCredits) {
    conditionProfile['ceterms:creditValue'] = [{ '@type': 'ceterms:ValueProfile', 'ceterms:value': agreement.recognizedCredits.value, 'ceterms:creditUnitTypeDescription': { en: agreement.recognizedCredits.unit } }];
  }
  if (agreement.towards) conditionProfile['ceterms:targetCredential'] = [agreement.towards];
  return { property: agreement.purpose === 'access' ? 'ceterms:isPreparationFor' : 'ceterms:advancedStandingFrom', conditionProfile, unmapped: mapped.unmapped };
}

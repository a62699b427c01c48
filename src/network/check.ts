import type { Check, VerificationReport } from '../verify/report.js';
import { readRegistry, type RegistryReading } from './read.js';
import type { NetworkMember, NetworkRegistry, RegistryTrust } from './types.js';

/**
 * A registry that verified: its content, and the coordinator that signed it.
 * @example `const t: TrustedRegistry = { registry, coordinator: 'did:web:coordinator.example' };`
 */
export interface TrustedRegistry {
  registry: NetworkRegistry;
  coordinator: string;
}

const name = (n: Record<string, string>): string => n.en ?? Object.values(n)[0] ?? '';
const day = (iso: string): string => iso.slice(0, 10);

/**
 * Verify each registry a verifier relies on (its proof, dates and status through `verify`, and that the trusted
 * coordinator signed it) and read it. Failures come back as failed `issuer` checks (`target: registry:<n>`), so a
 * registry that cannot be trusted never makes a credential "trusted". @internal
 */
export async function loadRegistries(
  trusts: readonly RegistryTrust[],
  verify: (doc: unknown) => Promise<VerificationReport>,
): Promise<{ registries: TrustedRegistry[]; checks: Check[] }> {
  const registries: TrustedRegistry[] = [];
  const checks: Check[] = [];
  for (const [i, t] of trusts.entries()) {
    const target = `registry:${i}`;
    const coordinator = t && typeof t === 'object' && typeof t.coordinator === 'string' ? t.coordinator : undefined;
    if (!coordinator) {
      checks.push({ id: 'issuer', status: 'failed', code: 'ERR_REGISTRY_UNTRUSTED', target, message: `registries[${i}] names no coordinator: pass { registry, coordinator }` });
      continue;
    }
    const reading: RegistryReading = await readRegistry(t.registry);
    if (!reading.registry || reading.problems.length) {
      const p = reading.problems[0];
      checks.push({ id: 'issuer', status: 'failed', code: p?.code ?? 'ERR_REGISTRY_INVALID', target, message: `network registry ${i}: ${reading.problems.map((x) => x.message).join('; ')}` });
      continue;
    }
    if (reading.issuer !== coordinator) {
      checks.push({ id: 'issuer', status: 'failed', code: 'ERR_REGISTRY_WRONG_SIGNER', target, message: `network registry of ${name(reading.registry.networkName)} is issued by ${reading.issuer ?? '(nobody)'}, not by the coordinator ${coordinator}` });
      continue;
    }
    const report = await verify(t.registry);
    if (!report.verified) {
      const failed = report.checks.filter((c) => c.status === 'failed');
      checks.push({
        id: 'issuer', status: 'failed', code: 'ERR_REGISTRY_UNVERIFIED', target,
        message: `network registry of ${name(reading.registry.networkName)} does not verify: ${failed.map((c) => c.code ?? c.id).join(', ')}`,
      });
      continue;
    }
    registries.push({ registry: reading.registry, coordinator });
  }
  return { registries, checks };
}

/** The member entry for a DID in a registry. @internal */
export function findMember(registry: NetworkRegistry, did: string): NetworkMember | undefined {
  return registry.member.find((m) => m.id === did || m.memberDid?.includes(did));
}

/**
 * The membership check: is the issuer a member in good standing of one of the (verified) networks on the credential's
 * `validFrom`? Passed names the network and the member; failed says why (not a member, suspended, lapsed). @internal
 */
export function membershipCheck(issuer: string | undefined, validFrom: string | undefined, registries: readonly TrustedRegistry[]): Check {
  if (!registries.length) return { id: 'issuer', status: 'failed', code: 'ERR_REGISTRY_NONE_VERIFIED', target: 'network', message: 'no network registry verified, so network membership cannot be established' };
  if (!issuer) return { id: 'issuer', status: 'failed', code: 'ERR_REGISTRY_NOT_MEMBER', target: 'network', message: 'the credential names no issuer' };
  const at = validFrom && !Number.isNaN(Date.parse(validFrom)) ? validFrom : undefined;
  const reasons: Check[] = [];
  for (const { registry } of registries) {
    const m = findMember(registry, issuer);
    const net = name(registry.networkName);
    if (!m) continue;
    const who = name(m.legalName) || issuer;
    if (!at) {
      reasons.push({ id: 'issuer', status: 'failed', code: 'ERR_REGISTRY_DATE', target: 'network', message: `${who} is a member of ${net}, but the credential has no valid validFrom to check the membership at` });
      continue;
    }
    const t = Date.parse(at);
    if (t < Date.parse(m.memberFrom) || (m.memberUntil !== undefined && t > Date.parse(m.memberUntil))) {
      reasons.push({ id: 'issuer', status: 'failed', code: 'ERR_REGISTRY_MEMBER_LAPSED', target: 'network', message: `${who} was not a member of ${net} on ${day(at)} (member ${day(m.memberFrom)}–${m.memberUntil ? day(m.memberUntil) : ''})` });
      continue;
    }
    if (m.membershipStatus === 'suspended') {
      const since = m.statusDate;
      if (!since || t >= Date.parse(since)) {
        reasons.push({ id: 'issuer', status: 'failed', code: 'ERR_REGISTRY_MEMBER_SUSPENDED', target: 'network', message: `${who}'s membership of ${net} is suspended${since ? ` since ${day(since)}` : ''}${m.statusReason ? ` (${m.statusReason})` : ''}` });
        continue;
      }
      return { id: 'issuer', status: 'warning', code: 'W_REGISTRY_MEMBER_SUSPENDED_LATER', target: 'network', message: `${who} was a member of ${net} on ${day(at)}; suspended since ${day(since)}${m.statusReason ? ` (${m.statusReason})` : ''}` };
    }
    return {
      id: 'issuer', status: 'passed', code: 'REGISTRY_MEMBER', target: 'network',
      message: `${who} (${m.country}) is a member of ${net} since ${day(m.memberFrom)}${m.accreditedBy ? `, accredited by ${m.accreditedBy}` : ''}`,
    };
  }
  return reasons[0] ?? { id: 'issuer', status: 'failed', code: 'ERR_REGISTRY_NOT_MEMBER', target: 'network', message: `${issuer} is not a member of ${registries.map((r) => name(r.registry.networkName)).join(' or ')}` };
}

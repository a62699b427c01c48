// @ts-nocheck
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

type Loaded = { trusted: TrustedRegistry } | { check: Check };

/** Registry outcomes per options object (WeakMap: gone with the options), at most {@link MAX_CACHED} per object. */
const CACHE = new WeakMap<object, Map<string, Loaded>>();
const MAX_CACHED = 16;

/**
 * Where a verified registry may be reused: the same options object (same documents, trust, limits), the same `now`,
 * the same registry content and coordinator. Not with `fetch` (a status list read live may change between two calls).
 * `undefined` when the registry cannot be serialised (it is then verified, and reported, as usual).
 */
function cacheKey(registry: unknown, coordinator: string, now: Date): string | undefined {
  try {
    const json = JSON.stringify(registry);
    return typeof json === 'string' ? `${now.getTime()}\u0000${coordinator}\u0000${json}` : undefined;
  } catch {
    return undefined;
  }
}

async function loadOne(t: RegistryTrust, i: number, coordinator: string, verify: (doc: unknown) => Promise<VerificationReport>): Promise<Loaded> {
  const target = `registry:${i}`;
  const reading: RegistryReading = await readRegistry(t.registry);
  if (!reading.registry || reading.problems.length) {
    const p = reading.problems[0];
    return { check: { id: 'issuer', status: 'failed', code: p?.code ?? 'ERR_REGISTRY_INVALID', target, message: `network registry ${i}: ${reading.problems.map((x) => x.message).join('; ')}` } };
  }
  if (reading.issuer !== coordinator) {
    return { check: { id: 'issuer', status: 'failed', code: 'ERR_REGISTRY_WRONG_SIGNER', target, message: `network registry of ${name(reading.registry.networkName)} is issued by ${reading.issuer ?? '(nobody)'}, not by the coordinator ${coordinator}` } };
  }
  const report = await verify(t.registry);
  if (!report.verified) {
    const failed = report.checks.filter((c) => c.status === 'failed');
    return {
      check: {
        id: 'issuer', status: 'failed', code: 'ERR_REGISTRY_UNVERIFIED', target,
        message: `network registry of ${name(reading.registry.networkName)} does not verify: ${failed.map((c) => c.code ?? c.id).join(', ')}`,
      },
    };
  }
  return { trusted: { registry: reading.registry, coordinator } };
}

/**
 * Verify each registry a verifier relies on (its proof, dates and status through `verify`, and that the trusted
 * coordinator signed it) and read it. Failures come back as failed `issuer` checks (`target: registry:<n>`), so a
 * registry that cannot be trusted never makes a credential "trusted". With `cache` (the caller's options object and
 * its clock), an outcome is reused for the next credential verified with the same options, `now`, registry content and
 * coordinator (bounded: {@link MAX_CACHED} per options object; never when the options carry `fetch`). @internal
 */
export async function loadRegistries(
  trusts: readonly RegistryTrust[],
  verify: (doc: unknown) => Promise<VerificationReport>,
  cache?: { scope: object & { fetch?: unknown }; now: Date },
): Promise<{ registries: TrustedRegistry[]; checks: Check[] }> {
  const registries: TrustedRegistry[] = [];
  const checks: Check[] = [];
  const memo = cache && cache.scope.fetch === undefined ? CACHE.get(cache.scope) ?? new Map<string, Loaded>() : undefined;
  if (memo && cache) CACHE.set(cache.scope, memo);
  for (const [i, t] of trusts.entries()) {
    const target = `registry:${i}`;
    const coordinator = t && typeof t === 'object' && typeof t.coordinator === 'string' ? t.coordinator : undefined;
    if (!coordinator) {
      checks.push({ id: 'issuer', status: 'failed', code: 'ERR_REGISTRY_UNTRUSTED', target, message: `registries[${i}] names no coordinator: pass { registry, coordinator }` });
      continue;
    }
    const key = memo && cache ? cacheKey(t.registry, coordinator, cache.now) : undefined;
    const hit = key === undefined ? undefined : memo?.get(key);
    // a cached failure is re-targeted at this position (the same registry may stand elsewhere in another list)
    const loaded = hit ?? await loadOne(t, i, coordinator, verify);
    if (key !== undefined && memo && !hit) {
      if (memo.size >= MAX_CACHED) memo.delete(memo.keys().next().value as string);
      memo.set(key, loaded);
    }
    if ('trusted' in loaded) registries.push(loaded.trusted);
    else checks.push(hit ? { ...loaded.check, target, message: loaded.check.message.replace(/^network registry \d+:/, `network registry ${i}:`) } : loaded.check);
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

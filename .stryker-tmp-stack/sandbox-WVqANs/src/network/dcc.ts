// @ts-nocheck
import { InvalidInputError } from '../errors.js';
import type { NetworkMember, NetworkRegistry } from './types.js';

/**
 * The Digital Credentials Consortium's (legacy) known-issuer registry JSON: `{ meta: { created, updated }, registry:
 * { "<did>": { name, location?, url? } } }` (some copies call the map `entries`).
 * @example `const r: DccRegistry = { meta: { created: '2025-01-01T00:00:00Z', updated: '2025-01-01T00:00:00Z' }, registry: { 'did:web:du.example': { name: 'DU', url: 'https://du.example' } } };`
 */
export interface DccRegistry {
  meta: { created: string; updated: string };
  registry: Record<string, { name: string; location?: string; url?: string }>;
}

/**
 * Export a network registry's members to the DCC registry format (names in the first language; what that format cannot
 * hold — countries, accreditation, dates, suspensions, agreements — is left out, and suspended members are omitted so
 * a DCC-format verifier does not trust them).
 * @example
 * ```ts
 * fs.writeFileSync('registry.json', JSON.stringify(toDccRegistry(registry, { now: new Date() }), null, 2));
 * ```
 */
export function toDccRegistry(registry: NetworkRegistry, opts: { now?: Date } = {}): DccRegistry {
  const now = (opts.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const out: DccRegistry = { meta: { created: now, updated: now }, registry: {} };
  for (const m of registry.member) {
    if (m.membershipStatus !== 'active') continue;
    for (const did of [m.id, ...(m.memberDid ?? [])]) out.registry[did] = { name: m.legalName.en ?? Object.values(m.legalName)[0] ?? did, location: m.country };
  }
  return out;
}

/**
 * Import the members of a DCC registry JSON as {@link NetworkMember}s (country and membership start must be supplied:
 * the DCC format has neither). Refuses malformed input with `ERR_REGISTRY_INPUT`.
 * @example
 * ```ts
 * const members = fromDccRegistry(json, { country: 'US', memberFrom: '2025-01-01T00:00:00Z' });
 * ```
 */
export function fromDccRegistry(json: unknown, defaults: { country: string; memberFrom: string }): NetworkMember[] {
  const j = json as Record<string, any>;
  const map = j && typeof j === 'object' ? (j.registry ?? j.entries) : undefined;
  if (!map || typeof map !== 'object' || Array.isArray(map)) throw new InvalidInputError('not a DCC registry: expected { registry: { "<did>": { name } } }', { code: 'ERR_REGISTRY_INPUT' });
  return Object.entries(map).map(([did, e]) => {
    const entry = e as Record<string, unknown>;
    if (!/^did:[a-z0-9]+:/.test(did) || typeof entry?.name !== 'string') throw new InvalidInputError(`DCC registry entry ${did.slice(0, 80)} needs a DID key and a name`, { code: 'ERR_REGISTRY_INPUT' });
    return { id: did, legalName: { en: entry.name }, country: defaults.country, memberFrom: defaults.memberFrom, membershipStatus: 'active' } as NetworkMember;
  });
}

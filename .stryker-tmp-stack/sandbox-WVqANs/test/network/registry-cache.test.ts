// @ts-nocheck
// Registries are verified once per options object, clock and registry content (not once per credential), bounded.
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyCredential } from '../../src/index.js';
import { loadRegistries } from '../../src/network/check.js';
import type { VerificationReport } from '../../src/verify/report.js';
import { buildNetwork, NETWORK_NOW } from '../../examples/network.js';

let net: Awaited<ReturnType<typeof buildNetwork>>;
beforeAll(async () => {
  net = await buildNetwork();
});

/** A verify callback that counts its calls and verifies for real (offline, pinned clock). */
function counting(now = NETWORK_NOW) {
  const calls: unknown[] = [];
  const verify = (doc: unknown): Promise<VerificationReport> => {
    calls.push(doc);
    return verifyCredential(doc, { now });
  };
  return { calls, verify };
}

describe('loadRegistries cache', () => {
  it('a second credential with the same options, now and registry reuses the verified registry', async () => {
    const scope = {};
    const trust = [{ registry: net.registry, coordinator: net.coordinator.controller }];
    const { calls, verify } = counting();
    const first = await loadRegistries(trust, verify, { scope, now: NETWORK_NOW });
    const second = await loadRegistries(trust, verify, { scope, now: NETWORK_NOW });
    expect(calls.length).toBe(1);
    expect(first.checks).toEqual([]);
    expect(second.registries.map((r) => r.coordinator)).toEqual([net.coordinator.controller]);
    expect(second.registries[0]!.registry).toEqual(first.registries[0]!.registry);
  });

  it('another clock, another options object, changed content or fetch in the options: verified again', async () => {
    const scope = {};
    const trust = [{ registry: net.registry, coordinator: net.coordinator.controller }];
    const { calls, verify } = counting();
    await loadRegistries(trust, verify, { scope, now: NETWORK_NOW });
    await loadRegistries(trust, verify, { scope, now: new Date(NETWORK_NOW.getTime() + 1) });
    await loadRegistries(trust, verify, { scope: {}, now: NETWORK_NOW });
    const changed = structuredClone(net.registry) as Record<string, any>;
    changed.name = 'changed after signing';
    const r = await loadRegistries([{ registry: changed, coordinator: net.coordinator.controller }], verify, { scope, now: NETWORK_NOW });
    expect(r.checks.map((c) => c.code)).toEqual(['ERR_REGISTRY_UNVERIFIED']);
    const withFetch = { fetch: async () => new Response('') };
    await loadRegistries(trust, verify, { scope: withFetch, now: NETWORK_NOW });
    await loadRegistries(trust, verify, { scope: withFetch, now: NETWORK_NOW });
    expect(calls.length).toBe(6);
  });

  it('a cached failure is reported at the position of the registry in the new list; the cache holds at most 16 outcomes', async () => {
    const scope = {};
    const bad = structuredClone(net.registry) as Record<string, any>;
    bad.name = 'tampered';
    const { calls, verify } = counting();
    await loadRegistries([{ registry: bad, coordinator: net.coordinator.controller }], verify, { scope, now: NETWORK_NOW });
    const again = await loadRegistries([{ registry: net.registry, coordinator: 'did:example:nobody' }, { registry: bad, coordinator: net.coordinator.controller }], verify, { scope, now: NETWORK_NOW });
    expect(again.checks.map((c) => [c.code, c.target])).toEqual([['ERR_REGISTRY_WRONG_SIGNER', 'registry:0'], ['ERR_REGISTRY_UNVERIFIED', 'registry:1']]);
    expect(calls.length).toBe(1);
    // 16 more clocks push the first outcome out: it is verified again
    const trust = [{ registry: bad, coordinator: net.coordinator.controller }];
    for (let i = 1; i <= 16; i++) await loadRegistries(trust, verify, { scope, now: new Date(NETWORK_NOW.getTime() + i) });
    expect(calls.length).toBe(17);
    await loadRegistries(trust, verify, { scope, now: NETWORK_NOW });
    expect(calls.length).toBe(18);
  });
});

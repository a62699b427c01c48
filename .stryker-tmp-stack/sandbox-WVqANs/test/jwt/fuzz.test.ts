// @ts-nocheck
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueCredential, verifyCredential, type KeyPair } from '../../src/index.js';
import { NOW, sampleCredential, seededKey } from '../helpers.js';
import { b64uJson, decodeSegment, publicJwk } from './helpers.js';

let key: KeyPair;
let good: string;
beforeAll(async () => {
  key = await seededKey(9);
  good = await issueCredential(sampleCredential(key.controller), { key, format: 'vc-jwt', now: NOW });
});

/** Verify; the report must exist and be unverified with a real verdict (speed is measured by `npm run bench`, not here). */
async function verifyBounded(jwt: string): Promise<void> {
  let report: Awaited<ReturnType<typeof verifyCredential>> | undefined;
  let thrown: unknown;
  try {
    report = await verifyCredential(jwt, { now: NOW });
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeUndefined();
  expect(report?.verified).toBe(false);
  expect(report?.checks.some((c) => c.status === 'failed')).toBe(true);
  // a failure must be a real verdict, not the catch-all for an unexpected exception
  expect(report?.checks.map((c) => c.code)).not.toContain('ERR_INTERNAL');
}

const b64uChars = fc.stringMatching(/^[A-Za-z0-9_-]{0,80}$/);
const algs = fc.constantFrom('EdDSA', 'RS256', 'PS256', 'HS256', 'none', 'ES256', '', 'eddsa');
const header = fc.record(
  {
    alg: fc.oneof(algs, fc.jsonValue()),
    kid: fc.oneof(fc.constant(undefined as unknown as string), fc.string(), fc.constant('did:web:uni.example#k'), fc.constant('https://x.example/k#1')),
    jwk: fc.oneof(fc.constant(undefined), fc.jsonValue(), fc.constant({ kty: 'OKP', crv: 'Ed25519', x: 'AAAA' })),
    typ: fc.oneof(fc.constant('JWT'), fc.jsonValue()),
  },
  { requiredKeys: [] },
);
// random JSON payloads, and payloads close to a real credential with claims of random types
const payload = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(fc.constantFrom('iss', 'jti', 'nbf', 'sub', 'exp', 'vc', '@context', 'type', 'issuer', 'credentialSubject', 'proof'), fc.jsonValue()),
  fc.record({ iss: fc.jsonValue(), nbf: fc.jsonValue(), exp: fc.jsonValue(), vc: fc.jsonValue() }).map((r) => ({ ...sampleCredential('did:example:x'), ...r })),
);

describe('fuzz: random JWT-shaped strings never throw', () => {
  it('three random base64url segments', async () => {
    await fc.assert(
      fc.asyncProperty(b64uChars, b64uChars, b64uChars, async (a, b, c) => {
        await verifyBounded(`${a}.${b}.${c}`);
      }),
      { numRuns: 200, seed: 42 },
    );
  });

  it('random JSON headers and payloads, random signature', async () => {
    await fc.assert(
      fc.asyncProperty(header, payload, b64uChars, async (h, p, s) => {
        await verifyBounded(`${b64uJson(h)}.${b64uJson(p)}.${s}`);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('a real header with random payload fields: the signature never matches', async () => {
    const [h, p, s] = good.split('.') as [string, string, string];
    const base = decodeSegment(p);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...Object.keys(base)), fc.jsonValue(), async (k, v) => {
        fc.pre(JSON.stringify(base[k]) !== JSON.stringify(v));
        await verifyBounded(`${h}.${b64uJson({ ...base, [k]: v })}.${s}`);
      }),
      { numRuns: 150, seed: 3 },
    );
  });

  it('huge and hostile inputs are refused with a verdict', async () => {
    const big = 'A'.repeat(4 * 1024 * 1024);
    await verifyBounded(`${big}.${big}.${big}`); // larger than the input limit
    await verifyBounded(`eyJhbGciOiJFZERTQSJ9.${big}.AAAA`); // not JSON
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    await verifyBounded(`${b64uJson({ alg: 'EdDSA', kid: key.id })}.${Buffer.from(deep).toString('base64url')}.AAAA`);
    const wide = { ...sampleCredential(key.controller), x: Array.from({ length: 300_000 }, (_, i) => i) };
    await verifyBounded(`${b64uJson({ alg: 'EdDSA', kid: key.id })}.${b64uJson(wide)}.AAAA`);
    await verifyBounded(`${b64uJson({ alg: 'EdDSA', kid: 'did:key:' + 'z'.repeat(5000) + '#x' })}.${b64uJson(sampleCredential(key.controller))}.AAAA`);
    await verifyBounded(`${b64uJson({ alg: 'EdDSA', jwk: { ...publicJwk(key), kty: 'oct', k: 'AAAA' } })}.${b64uJson(sampleCredential(key.controller))}.AAAA`);
    // invalid UTF-8 in the payload
    await verifyBounded(`${b64uJson({ alg: 'EdDSA', kid: key.id })}.${Buffer.from([0x7b, 0xff, 0xfe, 0x7d]).toString('base64url')}.AAAA`);
  });
});

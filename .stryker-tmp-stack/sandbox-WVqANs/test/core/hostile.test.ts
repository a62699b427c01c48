// @ts-nocheck
// Verification never throws on untrusted input and does bounded work (counted in documents loaded and in the codes of
// the limits that stop it, never in milliseconds: speed is measured by `npm run bench`).
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueCredential, verifyCredential } from '../../src/index.js';
import { fixture, ISSUED, NOW, sampleCredential, seededKey } from '../helpers.js';
import { CountingDocuments } from '../work-bounds.js';

let signed: Record<string, any>;
beforeAll(async () => {
  const key = await seededKey(1);
  signed = await issueCredential(sampleCredential(key.controller), { key, now: ISSUED });
});

const code = async (input: unknown) => (await verifyCredential(input, { now: NOW })).checks.find((c) => c.status === 'failed')?.code;

describe('hostile input', () => {
  it('garbage of every JSON type is reported, never thrown', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), async (v) => {
        const r = await verifyCredential(v, { now: NOW });
        expect(r.verified).toBe(false);
        expect(r.checks.length).toBeGreaterThan(0);
      }),
      { numRuns: 150, seed: 1 },
    );
  });

  it('credential-shaped objects with random values never throw', async () => {
    let signedProofRuns = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          '@context': fc.oneof(fc.constant(signed['@context']), fc.jsonValue({ maxDepth: 2 })),
          type: fc.oneof(fc.constant(signed.type), fc.jsonValue({ maxDepth: 2 })),
          issuer: fc.oneof(fc.constant(signed.issuer), fc.jsonValue({ maxDepth: 2 })),
          validFrom: fc.oneof(fc.constant(signed.validFrom), fc.string()),
          credentialSubject: fc.oneof(fc.constant(signed.credentialSubject), fc.jsonValue({ maxDepth: 3 })),
          proof: fc.oneof(fc.constant(signed.proof), fc.jsonValue({ maxDepth: 2 }), fc.record({ type: fc.constant('DataIntegrityProof'), cryptosuite: fc.constant('eddsa-rdfc-2022'), proofPurpose: fc.constant('assertionMethod'), verificationMethod: fc.string(), proofValue: fc.string() })),
        }),
        async (c) => {
          const r = await verifyCredential(c, { now: NOW });
          // the record never carries the signed credential's id, name and awardedDate, so its proof cannot verify
          expect(r.verified).toBe(false);
          const failedChecks = r.checks.filter((x) => x.status === 'failed');
          expect(failedChecks.length).toBeGreaterThan(0);
          for (const f of failedChecks) expect(f.code).toMatch(/^ERR_[A-Z0-9_]+$/);
          expect(failedChecks.map((f) => f.code)).not.toContain('ERR_INTERNAL');
          if (c.proof === signed.proof && c['@context'] === signed['@context']) signedProofRuns++;
        },
      ),
      { numRuns: 80, seed: 2 },
    );
    // the interesting case (a real proof over altered content) is reached in a good share of the runs
    expect(signedProofRuns).toBeGreaterThanOrEqual(8);
  });

  it('specific bad inputs get their own codes', async () => {
    expect(await code(undefined)).toBe('ERR_INPUT_EMPTY');
    expect(await code(null)).toBe('ERR_INPUT_EMPTY');
    expect(await code(42)).toBe('ERR_INPUT_NOT_OBJECT');
    expect(await code([signed])).toBe('ERR_INPUT_NOT_OBJECT');
    expect(await code('{"a":')).toBe('ERR_JSON_INVALID');
    expect(await code('hello world')).toBe('ERR_INPUT_UNRECOGNISED');
    expect(await code('eyJhbGciOiJub25lIn0.e30.')).toBe('ERR_JWT_ALG'); // alg "none" is refused first
    expect(await code('a.b.c')).toBe('ERR_JWT_MALFORMED');
    expect(await code('ey!.x.y')).toBe('ERR_JWT_MALFORMED');
    expect(await code({ ...signed, proof: undefined })).toBe('ERR_PROOF_MISSING');
    expect((await verifyCredential(signed, { now: 'not a date' })).checks[0]?.code).toBe('ERR_INVALID_NOW');
  });

  it('deep nesting is refused before JSON-LD sees it', async () => {
    let deep: any = { leaf: 1 };
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    const docs = new CountingDocuments();
    expect((await verifyCredential({ ...signed, credentialSubject: deep }, { now: NOW, documents: docs })).checks.find((c) => c.status === 'failed')?.code).toBe('ERR_INPUT_TOO_DEEP');
    let deepText = '1';
    for (let i = 0; i < 5000; i++) deepText = `{"a":${deepText}}`;
    expect((await verifyCredential(deepText, { now: NOW, documents: docs })).checks.find((c) => c.status === 'failed')?.code).toBe('ERR_INPUT_TOO_DEEP');
    expect(docs.calls).toEqual([]); // no context, no DID: JSON-LD never ran
  });

  it('a 10 MB document is refused before any document is loaded, as text, bytes or object', async () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const docs = new CountingDocuments();
    const first = async (input: unknown) => (await verifyCredential(input, { now: NOW, documents: docs })).checks.find((c) => c.status === 'failed')?.code;
    expect(await first(JSON.stringify({ ...signed, description: big }))).toBe('ERR_INPUT_TOO_LARGE');
    expect(await first(new TextEncoder().encode(JSON.stringify({ ...signed, description: big })))).toBe('ERR_INPUT_TOO_LARGE');
    const wide = { ...signed, credentialSubject: { ...signed.credentialSubject, evidence: Array.from({ length: 300_000 }, (_, i) => ({ id: `urn:e:${i}` })) } };
    expect(await first(wide)).toBe('ERR_INPUT_TOO_LARGE');
    expect(docs.calls).toEqual([]); // refused before any document was loaded
  });

  it('an object with an oversized string but few nodes is bounded by maxBytes too', async () => {
    const r = await verifyCredential({ ...signed, description: 'y'.repeat(6 * 1024 * 1024) }, { now: NOW });
    expect(r.verified).toBe(false);
    expect(r.checks.find((c) => c.status === 'failed')?.code).toBe('ERR_INPUT_TOO_LARGE');
  });

  it('a blank-node "poison" graph stops at the canonicalization work limit (ERR_CANONICALIZE_LIMIT)', async () => {
    const key = await seededKey(1);
    const N = 24;
    const graph = Array.from({ length: N }, (_, i) => ({ id: `_:b${i}`, knows: Array.from({ length: N }, (_, j) => ({ id: `_:b${j}` })).filter((_, j) => j !== i) }));
    const cred = {
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/credentials/examples/v2'],
      type: ['VerifiableCredential'],
      issuer: key.controller,
      validFrom: ISSUED,
      credentialSubject: { id: 'did:example:x', graph },
      proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod', verificationMethod: key.id, created: ISSUED, proofValue: 'z' + '2'.repeat(86) },
    };
    const documents = { 'https://www.w3.org/ns/credentials/examples/v2': fixture('vc-di-eddsa/examples-v2-context.json') };
    // within the default limits (256 objects) it is refused before canonicalization …
    const d = await verifyCredential(cred, { now: NOW, documents });
    expect(d.checks.find((c) => c.status === 'failed')?.code).toBe('ERR_INPUT_TOO_LARGE');
    // … and with the object limit lifted, rdf-canonize's work limit stops it
    const r = await verifyCredential(cred, { now: NOW, documents, limits: { maxObjects: 1000 } });
    // the code is the work bound: rdf-canonize's maxWorkFactor stopped the N-degree hashing
    expect(r.checks.find((c) => c.id === 'proof')).toMatchObject({ status: 'failed', code: 'ERR_CANONICALIZE_LIMIT' });
    expect(r.verified).toBe(false);
  });
});

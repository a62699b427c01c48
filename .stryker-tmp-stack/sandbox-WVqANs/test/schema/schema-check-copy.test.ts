// @ts-nocheck
// The verification's schema check (src/verify/checks/schema.ts) validates a copy of the signed-data view with the
// document's array shapes: the credential and the view it reports stay as they were, one-element arrays pass.
import { describe, expect, it } from 'vitest';
import { generateKeyPair, issueCredential, verifyCredential } from '../../src/index.js';
import { ISSUED, sampleCredential } from '../helpers.js';

describe('schema check on the view', () => {
  it('wraps one-element arrays as the document wrote them, on a copy: credential and report view unchanged', async () => {
    const key = await generateKeyPair({ seed: new Uint8Array(32).fill(21) });
    const signed = await issueCredential(
      sampleCredential(key.controller, { evidence: [{ id: 'https://uni.example/evidence/1', type: ['Evidence'], name: 'Report' }] }),
      { key, now: ISSUED },
    );
    const before = JSON.stringify(signed);
    const r1 = await verifyCredential(signed, { now: ISSUED });
    expect(r1.verified).toBe(true);
    expect(r1.checks.find((c) => c.id === 'schema')?.status).toBe('passed');
    expect(JSON.stringify(signed)).toBe(before);
    // the view holds the compacted (single) value: the schema's array was the copy's, not the view's
    const evidence = (r1.view!.document as Record<string, unknown>).evidence;
    expect(Array.isArray(evidence)).toBe(false);
    const viewBefore = JSON.stringify(r1.view);
    const r2 = await verifyCredential(signed, { now: ISSUED });
    expect(JSON.stringify(r2.view)).toBe(viewBefore);
    expect(JSON.stringify(r1.view)).toBe(viewBefore);
  });
});

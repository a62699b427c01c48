import * as vc from '@digitalbazaar/vc';
import { generateKeyPair, issueCredential, createDocumentLoader, verifyCredential } from '../src/index.js';
import { sampleCredential } from '../test/helpers.js';
import { createEddsaSigningSuite } from '../src/proofs/suites.js';
import { SHAPE_STATS } from '../src/proofs/shapes.js';
const key = await generateKeyPair({ seed: new Uint8Array(32).fill(1) });
const loader = createDocumentLoader({});
const now = '2026-01-01T00:00:00Z';
let bad = 0;
for (let i = 0; i < 20; i++) {
  const base = sampleCredential(key.controller);
  const cred = { ...base, id: `urn:uuid:${i}`, validFrom: now, credentialSubject: { ...base.credentialSubject, id: `did:example:learner${i}` }, name: `Badge ${i} ü \u2028` };
  const t0 = performance.now();
  const signed = await issueCredential(cred, { key, now });
  const t1 = performance.now();
  const ref = await vc.issue({ credential: structuredClone(cred), suite: createEddsaSigningSuite(key, now), documentLoader: loader, now });
  const t2 = performance.now();
  const r = await verifyCredential(signed, { now });
  const t3 = performance.now();
  if (JSON.stringify(signed) !== JSON.stringify(ref) || !r.verified) { bad++; console.log('DIFF', i, r.checks.filter(c=>c.status==='failed')); }
  console.log(i, (t1 - t0).toFixed(1), (t2 - t1).toFixed(1), (t3 - t2).toFixed(1));
}
console.log(bad, JSON.stringify(SHAPE_STATS));

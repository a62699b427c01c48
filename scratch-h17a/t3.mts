import jsonld from 'jsonld';
import { createDocumentLoader } from '../src/jsonld/loader.ts';
import { issueCredential, generateKeyPair, verifyCredential } from '../src/index.ts';
import { sampleCredential } from '../test/helpers.ts';
import { buildView } from '../src/verify/view.ts';
const key = await generateKeyPair({ seed: new Uint8Array(32).fill(5) });
const signed: any = await issueCredential(sampleCredential(key.controller), { key, now: '2026-09-01T09:00:00Z' });
const loader = createDocumentLoader({});
const N = 40;
for (let round = 0; round < 2; round++) {
let t = performance.now();
for (let i = 0; i < N; i++) await jsonld.expand(signed, { documentLoader: loader, safe: true } as any);
const te = (performance.now() - t) / N;
t = performance.now();
for (let i = 0; i < N; i++) await buildView(signed, loader);
const tv = (performance.now() - t) / N;
t = performance.now();
for (let i = 0; i < N; i++) await verifyCredential(signed, {now: '2026-11-23T12:00:00Z'});
console.log('expand', te.toFixed(2), 'view', tv.toFixed(2), 'verify', ((performance.now() - t) / N).toFixed(2));
}

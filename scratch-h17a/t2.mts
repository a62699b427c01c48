import jsonld from 'jsonld';
import { createDocumentLoader } from '../src/jsonld/loader.ts';
import { issueCredential, generateKeyPair } from '../src/index.ts';
import { sampleCredential } from '../test/helpers.ts';
import { VIEW_CONTEXT_URLS } from '../src/verify/view.ts';
const key = await generateKeyPair({ seed: new Uint8Array(32).fill(5) });
const signed: any = await issueCredential(sampleCredential(key.controller), { key, now: '2026-09-01T09:00:00Z' });
const loader = createDocumentLoader({});
const N = 30;
for (const ctxs of [[VIEW_CONTEXT_URLS[0]], VIEW_CONTEXT_URLS.slice(0,2), VIEW_CONTEXT_URLS.slice(0,4), VIEW_CONTEXT_URLS]) {
let t = performance.now();
let ex;
for (let i = 0; i < N; i++) ex = await jsonld.expand(signed, { documentLoader: loader, safe: true } as any);
const te = (performance.now() - t) / N;
t = performance.now();
for (let i = 0; i < N; i++) await jsonld.compact(ex, ctxs as any, { documentLoader: loader, skipExpansion: true } as any);
console.log(ctxs.length, 'expand', te.toFixed(1), 'compact', ((performance.now() - t) / N).toFixed(1));
}

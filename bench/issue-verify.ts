// npm run bench — per-credential issue and verify times of credstack next to the plain
// @digitalbazaar/vc + @digitalbazaar/eddsa-rdfc-2022-cryptosuite pipeline, measured in the same run on the same credential.
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { BUNDLED_CONTEXTS, exportKeyPair, generateKeyPair, issueCredential, resolveDidKey, setEd25519Backend, verifyCredential } from '../src/index.js';
import { sampleCredential } from '../test/helpers.js';

const N = Number(process.env.BENCH_N ?? 200);
const NOW = '2026-11-23T12:00:00Z';

async function time(label: string, n: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(20, n); i++) await fn(i); // warm-up
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn(i);
  const ms = (performance.now() - t0) / n;
  console.log(`  ${label.padEnd(46)} ${ms.toFixed(2).padStart(7)} ms/credential`);
  return ms;
}

// the plain pipeline: reference libraries, a minimal offline loader (same contexts, did:key)
const plainLoader = async (url: string) => {
  const doc = BUNDLED_CONTEXTS.get(url) ?? resolveDidKey(url);
  if (!doc) throw new Error(`not found: ${url}`);
  return { contextUrl: null, documentUrl: url, document: doc };
};

const key = await generateKeyPair({ seed: new Uint8Array(32).fill(1) });
const credential = sampleCredential(key.controller);
const mk = await Ed25519Multikey.from({ ...exportKeyPair(key, { includeSecret: true }), '@context': 'https://w3id.org/security/multikey/v1' });
const plainIssue = () =>
  vc.issue({ credential: structuredClone(credential), suite: new DataIntegrityProof({ signer: mk.signer(), cryptosuite }), documentLoader: plainLoader });
const plainSigned = await plainIssue();
const ours = await issueCredential(credential, { key, now: NOW });

console.log(`credstack bench — ${N} iterations each, Node ${process.version}, one OB 3.0 credential (${JSON.stringify(ours).length} bytes)`);
console.log('issue');
const pI = await time('plain @digitalbazaar/vc + eddsa-rdfc-2022', N, () => plainIssue());
const oI = await time('credstack issueCredential (WebCrypto Ed25519)', N, () => issueCredential(credential, { key }));
setEd25519Backend('noble');
const nI = await time('credstack issueCredential (@noble/ed25519)', N, () => issueCredential(credential, { key }));
setEd25519Backend(undefined);
console.log('verify');
const pV = await time('plain vc.verifyCredential', N, async () => {
  const r = await vc.verifyCredential({ credential: plainSigned, suite: new DataIntegrityProof({ cryptosuite }), documentLoader: plainLoader });
  if (!r.verified) throw new Error('plain verify failed');
});
const oV = await time('credstack verifyCredential (all checks)', N, async () => {
  const r = await verifyCredential(ours, { now: NOW });
  if (!r.verified) throw new Error('credstack verify failed');
});
setEd25519Backend('noble');
const nV = await time('credstack verifyCredential (@noble/ed25519)', N, () => verifyCredential(ours, { now: NOW }));
setEd25519Backend(undefined);
console.log('ratios (credstack / plain; < 1 is faster)');
console.log(`  issue  ${(oI / pI).toFixed(2)}×   (noble ${(nI / pI).toFixed(2)}×)`);
console.log(`  verify ${(oV / pV).toFixed(2)}×   (noble ${(nV / pV).toFixed(2)}×) — credstack also checks schema, dates, issuer binding, status, subject`);

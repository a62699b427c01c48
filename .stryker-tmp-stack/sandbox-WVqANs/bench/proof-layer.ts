// @ts-nocheck
// npm run bench:proof-layer — per-credential issue and verify: the plain Digital Bazaar pipeline (@digitalbazaar/vc +
// data-integrity + eddsa-rdfc-2022, signer key imported once), credstack's old path (vc.issue with credstack's suite;
// verifyCredential with compiled shapes off) and the new path (the proof layer + compiled shapes), ALTERNATING every
// iteration in one process. Sets: the sample credential (a cohort: each iteration a new learner), a varied set (several
// shapes, each iteration new values) and the third-party fixtures (verification: fixed signed documents).
//   BENCH_N   iterations (default 100)
import { loadavg } from 'node:os';
import jsigs from 'jsonld-signatures';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { BUNDLED_CONTEXTS, createDocumentLoader, exportKeyPair, generateKeyPair, issueCredential, resolveDidKey, verifyCredential } from '../src/index.js';
import { createEddsaSigningSuite } from '../src/proofs/suites.js';
import { prepareCredential } from '../src/issue.js';
import { signProof, signerFunction } from '../src/proofs/sign-proof.js';
import { verifyProofSignature } from '../src/proofs/verify-proof.js';
import { publicKeyOf } from '../src/proofs/suites.js';
import { SHAPE_LIMITS, SHAPE_STATS } from '../src/proofs/shapes.js';
import { decodePublicKeyMultibase } from '../src/keys/multibase.js';
import { fixture, sampleCredential } from '../test/helpers.js';

const N = Number(process.env.BENCH_N ?? 100);
const NOW = '2026-11-23T12:00:00Z';

const plainLoader = async (url: string) => {
  const doc = BUNDLED_CONTEXTS.get(url) ?? resolveDidKey(url);
  if (!doc) throw new Error(`not found: ${url}`);
  return { contextUrl: null, documentUrl: url, document: doc };
};
const key = await generateKeyPair({ seed: new Uint8Array(32).fill(1) });
const mk = await Ed25519Multikey.from({ ...exportKeyPair(key, { includeSecret: true }), '@context': 'https://w3id.org/security/multikey/v1' });
const plainSigner = mk.signer();
const loader = createDocumentLoader({});

/** Run each pipeline once per iteration, rotating the order; returns ms per operation. */
async function alternate(label: string, pipelines: Record<string, (i: number) => Promise<unknown>>, n = N): Promise<Record<string, number>> {
  const names = Object.keys(pipelines);
  const total: Record<string, number> = Object.fromEntries(names.map((k) => [k, 0]));
  for (let i = -10; i < n; i++) {
    for (let j = 0; j < names.length; j++) {
      const name = names[(j + Math.max(i, 0)) % names.length]!;
      const t0 = performance.now();
      await pipelines[name]!(i + 10);
      if (i >= 0) total[name]! += performance.now() - t0;
    }
  }
  const ms = Object.fromEntries(names.map((k) => [k, total[k]! / n]));
  const plain = ms[names[0]!]!;
  console.log(`\n${label} (${n} iterations, alternating; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')})`);
  for (const k of names) console.log(`  ${k.padEnd(44)} ${ms[k]!.toFixed(2).padStart(8)} ms   ${(plain / ms[k]!).toFixed(2).padStart(6)}× plain`);
  return ms;
}

// ---- credentials ----
const cohort = (i: number) => {
  const c = sampleCredential(key.controller);
  c.id = `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  c.credentialSubject.id = `did:example:learner-${i}`;
  c.credentialSubject.result[0].value = ['A', 'B', 'C'][i % 3];
  return c;
};
const shapes: ((i: number) => Record<string, any>)[] = [
  cohort,
  (i) => ({ ...cohort(i), validUntil: '2030-01-01T00:00:00Z', name: `Badge ${i} — ü 🎓` }),
  (i) => {
    const c = cohort(i);
    c.credentialSubject.achievement.alignment.push({ type: ['Alignment'], targetName: `Skill ${i}`, targetUrl: `https://skills.example/${i}`, targetType: 'ext:ESCO' });
    c.credentialSubject.achievement.creditsAvailable = i % 30;
    return c;
  },
  (i) => {
    const c = cohort(i);
    delete c.awardedDate;
    c.credentialSubject.achievement = { ...c.credentialSubject.achievement, id: `https://uni.example/achievements/${i % 4}`, name: `Course ${i % 4}`, description: `Description\n${i}` };
    return c;
  },
];
const varied = (i: number) => shapes[i % shapes.length]!(Math.floor(i / shapes.length));

const plainIssue = (cred: Record<string, unknown>) => vc.issue({ credential: structuredClone(cred), suite: new DataIntegrityProof({ signer: plainSigner, cryptosuite }), documentLoader: plainLoader });
const oldIssue = (cred: Record<string, unknown>) => {
  const prepared = prepareCredential(cred, key, new Date(NOW));
  return vc.issue({ credential: prepared, suite: createEddsaSigningSuite(key, NOW), documentLoader: loader, now: new Date(NOW) });
};
const newIssue = (cred: Record<string, unknown>) => issueCredential(cred, { key, now: NOW });
const sign = signerFunction(key);
const coreIssue = (cred: Record<string, unknown>) => signProof(cred, { sign, verificationMethod: key.id, created: NOW, documentLoader: loader });

console.log(`credstack proof-layer bench — Node ${process.version}`);
const results: Record<string, Record<string, number>> = {};
for (const [name, gen] of [['sample credential (cohort)', cohort], ['varied set (4 shapes)', varied]] as const) {
  SHAPE_LIMITS.enabled = true;
  results[`issue ${name}`] = await alternate(`issue — ${name}`, {
    'plain @digitalbazaar/vc + eddsa-rdfc-2022': (i) => plainIssue(gen(i)),
    'credstack old path (vc.issue + our suite)': (i) => oldIssue(gen(i)),
    'credstack issueCredential (new)': (i) => newIssue(gen(i)),
    'proof layer only (signProof)': (i) => coreIssue(gen(i)),
  });
  const signed = await Promise.all(Array.from({ length: 64 }, (_, i) => newIssue(gen(i))));
  const plainSigned = await Promise.all(Array.from({ length: 64 }, (_, i) => plainIssue(gen(i))));
  const pub = decodePublicKeyMultibase(key.publicKeyMultibase);
  results[`verify ${name}`] = await alternate(`verify — ${name}`, {
    'plain vc.verifyCredential': async (i) => {
      const r = await vc.verifyCredential({ credential: plainSigned[i % 64], suite: new DataIntegrityProof({ cryptosuite }), documentLoader: plainLoader });
      if (!r.verified) throw new Error('plain verify failed');
    },
    'credstack old path (shapes off)': async (i) => {
      SHAPE_LIMITS.enabled = false;
      const r = await verifyCredential(signed[i % 64]!, { now: NOW });
      SHAPE_LIMITS.enabled = true;
      if (!r.verified) throw new Error('credstack verify failed');
    },
    'credstack verifyCredential (new, all checks)': async (i) => {
      const r = await verifyCredential(signed[i % 64]!, { now: NOW });
      if (!r.verified) throw new Error('credstack verify failed');
    },
    'proof layer only (verifyProofSignature)': async (i) => {
      const { proof, ...doc } = signed[i % 64]!;
      if (!(await verifyProofSignature(doc, proof, { kind: 'eddsa-rdfc-2022', publicKey: pub, documentLoader: loader }))) throw new Error('bad');
    },
  });
}

// third-party fixtures: proof-level verification of every proof they carry, stock suites vs the proof layer
const documents = { 'did:web:digitalcredentials.github.io:vc-test-fixtures:dids:oidf': fixture('third-party/dcc-oidf-did.json'), 'did:web:digitalcredentials.github.io:vc-test-fixtures:dids:legacy': fixture('third-party/dcc-legacy-did.json') };
const tpLoader = createDocumentLoader({ documents });
const thirdParty = ['dcc-v2-both-didweb-oidf.json', 'dcc-v1-both-didweb-legacy.json', 'dcc-v1-di-didkey-oldDCCExample.json', 'dcc-v2-both-didkey-endorsement-withSchema.json'].map((f) => fixture(`third-party/${f}`));
const cases: { doc: Record<string, any>; proof: Record<string, any>; vm: Record<string, any> }[] = [];
for (const d of thirdParty) {
  const proofs = Array.isArray(d.proof) ? d.proof : [d.proof];
  for (const p of proofs) cases.push({ doc: d, proof: p, vm: (await tpLoader(p.verificationMethod)).document as Record<string, any> });
}
await alternate(`verify — third-party fixtures, proof level (${cases.length} proofs in ${thirdParty.length} credentials, cycled)`, {
  'stock jsonld-signatures suites': async (i) => {
    const c = cases[i % cases.length]!;
    const suite = c.proof.type === 'DataIntegrityProof' ? new DataIntegrityProof({ cryptosuite }) : new Ed25519Signature2020();
    const controller = { '@context': 'https://www.w3.org/ns/did/v1', id: c.vm.controller, assertionMethod: [c.vm.id] };
    const vmDoc = c.proof.type === 'DataIntegrityProof' ? { '@context': 'https://w3id.org/security/multikey/v1', ...c.vm, type: c.vm.type } : c.vm;
    const l = async (url: string) => (url === c.vm.id ? { contextUrl: null, documentUrl: url, document: vmDoc } : url === c.vm.controller ? { contextUrl: null, documentUrl: url, document: controller } : tpLoader(url));
    const r = await jsigs.verify({ ...c.doc, proof: c.proof }, { suite, purpose: new jsigs.purposes.AssertionProofPurpose({ controller }), documentLoader: l });
    if (!r.verified) throw new Error(`stock verify failed: ${r.error ?? r.results?.[0]?.error}`);
  },
  'proof layer (verifyProofSignature)': async (i) => {
    const c = cases[i % cases.length]!;
    const { proof: _p, ...doc } = c.doc;
    const kind = c.proof.type === 'DataIntegrityProof' ? 'eddsa-rdfc-2022' : 'Ed25519Signature2020';
    if (!(await verifyProofSignature(doc, c.proof, { kind, publicKey: publicKeyOf(c.vm), documentLoader: tpLoader }))) throw new Error(`proof layer refused ${c.doc.id}`);
  },
});
console.log(`\ncompiled shapes: ${JSON.stringify(SHAPE_STATS)}`);

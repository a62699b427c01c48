// @ts-nocheck
// Shared pieces of the benchmarks (npm run bench): the plain Digital Bazaar pipeline, the credentials, timing helpers.
import { createPrivateKey, sign as nodeSign, type KeyObject } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { join } from 'node:path';
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { BUNDLED_CONTEXTS, exportKeyPair, jsonldFastPath, resolveDidKey, type KeyPair } from '../src/index.js';
import { sampleCredential } from '../test/helpers.js';

export const NOW = '2026-11-23T12:00:00Z';
const root = join(import.meta.dirname, '..');

/** One line about the machine: the figures mean little without it. */
export function machine(): string {
  const l = loadavg().map((x) => x.toFixed(2)).join(' ');
  return `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? '?'}, load average ${l}`;
}

/** The plain pipeline's offline loader: the same bundled contexts, did:key derived (what a stock verifier does offline). */
export const plainLoader = async (url: string) => {
  const doc = BUNDLED_CONTEXTS.get(url) ?? resolveDidKey(url);
  if (!doc) throw new Error(`not found: ${url}`);
  return { contextUrl: null, documentUrl: url, document: doc };
};

/**
 * A signer for the plain pipeline whose private key is imported **once** (a node KeyObject), like a real issuing
 * service would hold it: the plain side pays for JSON-LD and canonicalisation, not for a key import per signature.
 */
export function plainSigner(key: KeyPair): { id: string; algorithm: string; sign: (o: { data: Uint8Array }) => Promise<Uint8Array> } {
  const keyObject: KeyObject = createPrivateKey({ key: exportKeyPair(key, { format: 'jwk', includeSecret: true }) as never, format: 'jwk' });
  return { id: key.id, algorithm: 'Ed25519', sign: async ({ data }) => new Uint8Array(nodeSign(null, data, keyObject)) };
}

// credstack's jsonld fast path (src/jsonld/fast.ts) changes the process-wide jsonld instance that @digitalbazaar/vc uses
// too: the plain pipeline runs with it switched off (stock jsonld.js), credstack with it on, alternating in one process.
export async function plainIssue(credential: object, signer: ReturnType<typeof plainSigner>): Promise<Record<string, any>> {
  jsonldFastPath(false);
  try {
    return await vc.issue({ credential: structuredClone(credential), suite: new DataIntegrityProof({ signer, cryptosuite, date: NOW }), documentLoader: plainLoader });
  } finally {
    jsonldFastPath(true);
  }
}

export async function plainVerify(credential: object): Promise<boolean> {
  jsonldFastPath(false);
  try {
    const r = await vc.verifyCredential({ credential, suite: new DataIntegrityProof({ cryptosuite }), documentLoader: plainLoader });
    return r.verified === true;
  } finally {
    jsonldFastPath(true);
  }
}

/** The benchmark credential (test/helpers.ts sampleCredential). */
export function benchmarkCredential(issuer: string): Record<string, any> {
  return sampleCredential(issuer);
}

/**
 * A varied set: our sample in several shapes (optional fields, arrays, language-tagged text, many alignments, results,
 * evidence) and the OB 3.0 / VC 2.0 third-party credentials of test/fixtures/third-party with their proofs removed and
 * the issuer set to `issuer` (the content and shape are theirs; both pipelines sign and verify the same bytes).
 */
export function variedCredentials(issuer: string): { name: string; credential: Record<string, any> }[] {
  const out: { name: string; credential: Record<string, any> }[] = [];
  const base = sampleCredential(issuer);
  out.push({ name: 'sample', credential: base });
  out.push({ name: 'sample, minimal subject', credential: { ...base, credentialSubject: { type: ['AchievementSubject'], id: 'did:example:l', achievement: { id: 'https://uni.example/a/1', type: ['Achievement'], name: 'Short', description: 'A short course.', criteria: { narrative: 'Done.' } } } } });
  const many = structuredClone(base);
  many.credentialSubject.achievement.alignment = Array.from({ length: 12 }, (_, i) => ({ type: ['Alignment'], targetName: `Skill ${i} — ünïcødé`, targetUrl: `https://skills.example/${i}`, targetCode: String(i) }));
  many.credentialSubject.achievement.tag = ['data', 'governance', 'ethics', 'statistics'];
  out.push({ name: 'sample, 12 alignments + tags', credential: many });
  const withEvidence = structuredClone(base);
  withEvidence.evidence = [{ id: 'https://uni.example/evidence/1', type: ['Evidence'], name: 'Project report', narrative: 'A 20-page report.' }];
  withEvidence.credentialSubject.result.push({ type: ['Result'], value: '92', resultDescription: 'urn:uuid:rd-1' });
  withEvidence.validUntil = '2030-01-01T00:00:00Z';
  out.push({ name: 'sample, evidence + results + validUntil', credential: withEvidence });
  const dir = join(root, 'test', 'fixtures', 'third-party');
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')).sort()) {
    const c = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    if (!c || !Array.isArray(c['@context']) || c['@context'][0] !== 'https://www.w3.org/ns/credentials/v2' || !c.proof) continue;
    delete c.proof;
    if (typeof c.issuer === 'string') c.issuer = issuer;
    else c.issuer = { ...c.issuer, id: issuer };
    delete c.credentialStatus; // no status list at hand offline for either pipeline
    out.push({ name: `third-party ${f}`, credential: c });
  }
  return out;
}

export interface Stat {
  mean: number;
  median: number;
}

export function stat(samples: number[]): Stat {
  const s = [...samples].sort((a, b) => a - b);
  return { mean: s.reduce((a, b) => a + b, 0) / s.length, median: s[Math.floor(s.length / 2)]! };
}

/**
 * Time `a` and `b` alternating on every iteration (the order flips each time), so both see the same machine noise.
 * Also the process CPU time of each call (`process.cpuUsage`, user + system, GC threads included): on a shared,
 * overloaded machine a long call is descheduled more often than a short one, which inflates wall-clock ratios; CPU
 * time is not affected by that.
 * @returns per-call samples in ms (wall clock, and CPU time as `cpuA` / `cpuB`)
 */
export async function alternate(n: number, warm: number, a: (i: number) => Promise<unknown>, b: (i: number) => Promise<unknown>): Promise<{ a: Stat; b: Stat; cpuA: Stat; cpuB: Stat }> {
  for (let i = 0; i < warm; i++) {
    await a(i);
    await b(i);
  }
  const ta: number[] = [];
  const tb: number[] = [];
  const ca: number[] = [];
  const cb: number[] = [];
  for (let i = 0; i < n; i++) {
    const first = i % 2 === 0;
    for (const which of first ? ['a', 'b'] : ['b', 'a']) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      await (which === 'a' ? a(i) : b(i));
      const t = performance.now() - t0;
      const c = process.cpuUsage(c0);
      (which === 'a' ? ta : tb).push(t);
      (which === 'a' ? ca : cb).push((c.user + c.system) / 1000);
    }
  }
  return { a: stat(ta), b: stat(tb), cpuA: stat(ca), cpuB: stat(cb) };
}

/** The CPU-time ratio of an {@link alternate} result (means: CPU time is not skewed by descheduling). */
export const cpuRatio = (r: { cpuA: Stat; cpuB: Stat }): number => r.cpuA.mean / r.cpuB.mean;

export const fmt = (ms: number): string => `${ms.toFixed(2).padStart(8)} ms`;

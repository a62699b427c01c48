// @ts-nocheck
// npm run bench:dos — CPU seconds of verifyCredential on the costliest inputs we could construct: the attacks of
// issue 17 (refused now) and the worst documents still within DEFAULT_VERIFY_LIMITS (verified or refused).
// Each case: bytes, CPU seconds (process.cpuUsage, one core), verdict, first failed code, canonicalizations / quads.
import { DEFAULT_VERIFY_LIMITS, generateKeyPair, issueCredential, verifyCredential } from '../src/index.js';
import { CANONIZE_WORK } from '../src/proofs/suites.js';
import { ISSUED, NOW, sampleCredential } from '../test/helpers.js';

const key = await generateKeyPair({ seed: new Uint8Array(32).fill(7) });
const signed: any = await issueCredential(sampleCredential(key.controller), { key, now: ISSUED });
const proofs = (n: number) => Array(n).fill(signed.proof);
const L = DEFAULT_VERIFY_LIMITS;
const A = L.maxArrayLength;
const subject = (extra: object) => ({ ...signed.credentialSubject, ...extra });

const cases: Array<[string, () => unknown]> = [
  ['issue 17 #1: type × 20,000 Achievement, 10 proofs', () => ({ ...signed, type: ['VerifiableCredential', ...Array(20_000).fill('Achievement')], proof: proofs(10) })],
  ['issue 17 #2: 240,000 values, 10 proofs', () => ({ ...signed, proof: proofs(10), credentialSubject: subject({ tags: Array.from({ length: 240_000 }, (_, i) => `v${i}`) }) })],
  ['issue 17 #3: 20,000 blank nodes, 1 proof', () => ({ ...signed, credentialSubject: subject({ result: Array.from({ length: 20_000 }, () => ({ type: ['Result'], value: 'B' })) }) })],
  // within the limits
  [`type × ${A - 1} Achievement, 10 proofs`, () => ({ ...signed, type: ['VerifiableCredential', ...Array(A - 1).fill('Achievement')], proof: proofs(10) })],
  [`${L.maxObjects - 30} Result blank nodes, 10 proofs`, () => ({ ...signed, proof: proofs(10), credentialSubject: subject({ result: Array.from({ length: L.maxObjects - 30 }, () => ({ type: ['Result'], value: 'B' })) }) })],
  [`${L.maxObjects - 30} Result nodes × 2 types, 10 proofs`, () => ({ ...signed, proof: proofs(10), credentialSubject: subject({ result: Array.from({ length: L.maxObjects - 30 }, () => ({ type: ['Result', 'Achievement'], value: 'B' })) }) })],
  [`${Math.floor((L.maxValues - 200) / A)} arrays × ${A} values, 10 proofs`, () => ({ ...signed, proof: proofs(10), credentialSubject: subject({ result: Array.from({ length: Math.floor((L.maxValues - 200) / A) }, (_, j) => ({ type: ['Result'], value: Array.from({ length: A }, (_, i) => `v${j}.${i}`) })) }) })],
  [`inline context of ${L.maxInlineTerms - 8} terms + ${A - 1} scoped types, 10 proofs`, () => {
    const ctx: Record<string, string> = {};
    for (let i = 0; i < L.maxInlineTerms - 8; i++) ctx[`t${i}`] = `https://example.org/t${i}`;
    return { ...signed, '@context': [...signed['@context'], ctx], type: ['VerifiableCredential', ...Array(A - 1).fill('Profile')], proof: proofs(10) };
  }],
  [`poison: ${L.maxObjects - 30} identical blank nodes linked in a ring, 1 proof`, () => {
    const n = L.maxObjects - 30;
    const nodes = Array.from({ length: n }, (_, i) => ({ id: `_:b${i}`, type: ['Result'], resultDescription: `_:b${(i + 1) % n}` }));
    return { ...signed, credentialSubject: subject({ result: nodes }) };
  }],
  ['the genuine credential, 1 proof', () => signed],
];

let worst = 0;
for (const [label, make] of cases) {
  const doc = make();
  const text = JSON.stringify(doc);
  const w0 = { ...CANONIZE_WORK };
  const t0 = process.cpuUsage();
  const r = await verifyCredential(text, { now: NOW });
  const c = process.cpuUsage(t0);
  const s = (c.user + c.system) / 1e6;
  if (s > worst) worst = s;
  const code = r.checks.find((x) => x.status === 'failed')?.code ?? '-';
  console.log(`${label.padEnd(72)} ${String(text.length).padStart(8)} B ${s.toFixed(3).padStart(7)} s  ${r.verified ? 'verified' : 'refused '} ${code.padEnd(30)} canon ${CANONIZE_WORK.calls - w0.calls} / ${CANONIZE_WORK.quads - w0.quads} quads`);
}
console.log(`worst case: ${worst.toFixed(3)} s CPU`);

// @ts-nocheck
// W3C vc-di-ecdsa Appendix A test vectors (test/fixtures/vc-di-ecdsa/README.md says where they come from).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import jsigs from 'jsonld-signatures';
import { createDocumentLoader, importKeyPair, signerFromKeyPair, verifyCredential } from '../../src/index.js';
import { createEcdsaSigningSuite } from '../../src/proofs/ecdsa.js';
import { boundedCanonize } from '../../src/proofs/suites.js';

const read = (p: string) => readFileSync(fileURLToPath(new URL(`../fixtures/vc-di-ecdsa/${p}`, import.meta.url)), 'utf8');
const json = (p: string) => JSON.parse(read(p));
const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
const NOW = '2026-11-23T12:00:00Z';

const cases = [
  { suite: 'ecdsa-rdfc-2019', curve: 'p256', dir: 'ecdsa-rdfc-2019-p256', tag: 'ECDSAP256' },
  { suite: 'ecdsa-rdfc-2019', curve: 'p384', dir: 'ecdsa-rdfc-2019-p384', tag: 'ECDSAP384' },
  { suite: 'ecdsa-jcs-2019', curve: 'p256', dir: 'ecdsa-jcs-2019-p256', tag: 'JCSECDSAP256' },
  { suite: 'ecdsa-jcs-2019', curve: 'p384', dir: 'ecdsa-jcs-2019-p384', tag: 'JCSECDSAP384' },
] as const;

describe('W3C vc-di-ecdsa test vectors', () => {
  for (const c of cases) {
    it(`${c.dir}: hash data, signature and signed document reproduce; the signed vector verifies; tampering fails`, async () => {
      const kp = json(`${c.curve}KeyPair.json`);
      const key = importKeyPair({ type: 'Multikey', ...kp });
      const config = json(`${c.dir}/proofConfig${c.tag}.json`);
      expect(key.id).toBe(config.verificationMethod);
      const unsigned = json('unsigned.json');
      if (c.suite === 'ecdsa-rdfc-2019') {
        const canon = await boundedCanonize(unsigned, { documentLoader: createDocumentLoader(), messageDigestAlgorithm: c.curve === 'p256' ? 'SHA-256' : 'SHA-384' });
        expect(canon).toBe(read(`${c.dir}/canonDoc${c.tag}.txt`));
      }
      const base = signerFromKeyPair(key);
      const seen: Uint8Array[] = [];
      const recording = { id: base.id, algorithm: base.algorithm, sign: async (d: Uint8Array) => (seen.push(d), base.sign(d)) };
      const suite = createEcdsaSigningSuite(c.suite, recording, config.created);
      const signed = await jsigs.sign(structuredClone(unsigned), { suite, purpose: new jsigs.purposes.AssertionProofPurpose(), documentLoader: createDocumentLoader() });
      expect(seen.length).toBe(1);
      expect(hex(seen[0]!)).toBe(read(`${c.dir}/combinedHash${c.tag}.txt`).trim());
      const expected = json(`${c.dir}/signed${c.tag}.json`);
      // the vectors were made with deterministic (RFC 6979) ECDSA, as @noble/curves signs: the same signature comes out
      expect(signed.proof.proofValue).toBe(read(`${c.dir}/sigBTC58${c.tag}.txt`).trim());
      expect(signed).toEqual(expected);

      const r = await verifyCredential(expected, { now: NOW });
      expect(r.checks.find((x: any) => x.id === 'proof')).toMatchObject({ status: 'passed' });
      const t = structuredClone(expected);
      t.credentialSubject.alumniOf = 'Another School';
      const bad = await verifyCredential(t, { now: NOW });
      expect(bad.checks.find((x: any) => x.id === 'proof')?.code).toBe('ERR_PROOF_INVALID_SIGNATURE');
      expect(bad.verified).toBe(false);
    });
  }
});

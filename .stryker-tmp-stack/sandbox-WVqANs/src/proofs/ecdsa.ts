/**
 * The W3C Data Integrity ECDSA cryptosuites (vc-di-ecdsa): `ecdsa-rdfc-2019` (RDF Dataset Canonicalization) and
 * `ecdsa-jcs-2019` (JSON Canonicalization Scheme), with P-256 (SHA-256) and P-384 (SHA-384) keys.
 *
 * Written on `@noble/curves` / `@noble/hashes` rather than `@digitalbazaar/ecdsa-*-cryptosuite` because those load
 * `@digitalbazaar/ecdsa-multikey`, whose Node build imports `node:crypto`: the verify path stays free of Node
 * built-ins (it runs in browsers). The Digital Bazaar suites are the differential oracle in the tests.
 *
 * vc-di-ecdsa §3.3.4 (rdfc) / §3.4.4 (jcs) "Hashing": "If the curve is P-256 … SHA-256 … If the curve is P-384 …
 * SHA-384"; hashData = hash(canonicalProofConfig) ‖ hash(canonicalDocument), signed with ECDSA (which hashes again).
 */
// @ts-nocheck

import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { createVerifyCryptosuite as eddsaJcsVerifyCryptosuite } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import { sha256, sha384 } from '@noble/hashes/sha2.js';
import { decodeEcdsaPublicKeyMultibase, ecdsaPublicKeyOfJwk, ecdsaVerify, type EcdsaCurve } from '../keys/ecdsa.js';
import { normalizeAlgorithm, toDataIntegritySigner, type Signer, type SignerCallOptions } from '../keys/signer.js';
import { boundedCanonize, type CanonizeBudget } from './common.js';

/** @internal The ECDSA cryptosuite names. */
export const ECDSA_CRYPTOSUITES = ['ecdsa-rdfc-2019', 'ecdsa-jcs-2019'] as const;

/** JCS (RFC 8785), the same function the eddsa-jcs-2022 suite uses. */
const jcs: (input: unknown) => Promise<string> = eddsaJcsVerifyCryptosuite().canonize;

/** @internal The curve and compressed public key of an ECDSA verification method (Multikey or EC JsonWebKey). */
export function ecdsaKeyOf(vm: Record<string, unknown>): { curve: EcdsaCurve; publicKey: Uint8Array } {
  if (typeof vm.publicKeyMultibase === 'string') return decodeEcdsaPublicKeyMultibase(vm.publicKeyMultibase);
  const jwk = vm.publicKeyJwk;
  if (jwk && typeof jwk === 'object') {
    const k = ecdsaPublicKeyOfJwk(jwk as Record<string, unknown>);
    if (k) return k;
  }
  throw new Error('the verification method has no P-256 or P-384 public key');
}

function hashFor(curve: string): (b: Uint8Array) => Uint8Array {
  return curve === 'P-256' ? sha256 : sha384;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

/** The curve that fixes the hash: the verification method's (verifying) or the signer's (signing). */
function curveOf(verificationMethod: Record<string, unknown> | undefined, dataIntegrityProof: any): EcdsaCurve {
  if (verificationMethod) return ecdsaKeyOf(verificationMethod).curve;
  const a = normalizeAlgorithm(dataIntegrityProof?.signer?.algorithm);
  if (a === 'P-256' || a === 'P-384') return a;
  throw new Error('an ecdsa cryptosuite needs a P-256 or P-384 key');
}

function verifier(vm: Record<string, unknown>) {
  const { curve, publicKey } = ecdsaKeyOf(vm);
  return {
    id: vm.id,
    algorithm: curve,
    verify: async ({ data, signature }: { data: Uint8Array; signature: Uint8Array }) => ecdsaVerify(curve, publicKey, data, signature),
  };
}

function rdfcCryptosuite(budget?: CanonizeBudget) {
  const canonize = (input: unknown, options: Record<string, unknown>) => boundedCanonize(input, options, budget);
  return {
    name: 'ecdsa-rdfc-2019',
    requiredAlgorithm: ['P-256', 'P-384'],
    canonize,
    createVerifier: async ({ verificationMethod }: { verificationMethod: Record<string, unknown> }) => verifier(verificationMethod),
    // vc-di-ecdsa §3.3.5 "Proof Configuration": the proof options with the document's @context, canonicalized
    async createVerifyData({ document, proof, documentLoader, dataIntegrityProof, verificationMethod }: any): Promise<Uint8Array> {
      const curve = curveOf(verificationMethod, dataIntegrityProof);
      const h = hashFor(curve);
      // vc-di-ecdsa §3.3 (ecdsa-rdfc-2019): RDFC-1.0 runs with the curve's hash (SHA-384 for P-384)
      const opts = { documentLoader, safe: true, base: null, skipExpansion: false, messageDigestAlgorithm: curve === 'P-256' ? 'SHA-256' : 'SHA-384' };
      const config: Record<string, unknown> = { '@context': document['@context'], ...proof };
      dataIntegrityProof.ensureSuiteContext({ document: config, addSuiteContext: true });
      delete config.proofValue;
      const [p, d] = await Promise.all([canonize(config, opts), canonize(document, opts)]);
      return concat(h(utf8(p)), h(utf8(d)));
    },
  };
}

function jcsCryptosuite(mode: 'sign' | 'verify') {
  return {
    name: 'ecdsa-jcs-2019',
    requiredAlgorithm: ['P-256', 'P-384'],
    canonize: jcs,
    createVerifier: async ({ verificationMethod }: { verificationMethod: Record<string, unknown> }) => verifier(verificationMethod),
    async createVerifyData({ document, proof, dataIntegrityProof, verificationMethod }: any): Promise<Uint8Array> {
      const h = hashFor(curveOf(verificationMethod, dataIntegrityProof));
      if (mode === 'sign') {
        // vc-di-ecdsa §3.4.2 "Add Proof" step: "If unsecuredDocument.@context is present, set proof.@context to
        // unsecuredDocument.@context"
        if (document['@context'] !== undefined) proof['@context'] = document['@context'];
      } else if (proof['@context'] !== undefined) {
        // §3.4.3 "Verify Proof": the document's @context must start with the proof's, then is replaced by it
        const pc = Array.isArray(proof['@context']) ? proof['@context'] : [proof['@context']];
        const dc = Array.isArray(document['@context']) ? document['@context'] : [document['@context']];
        for (let i = 0; i < pc.length; i++) {
          if (JSON.stringify(pc[i]) !== JSON.stringify(dc[i])) throw new Error('document.@context does not start with proof.@context');
        }
        document['@context'] = proof['@context'];
      }
      const { proofValue: _pv, ...config } = proof;
      const [p, d] = await Promise.all([jcs(config), jcs(document)]);
      return concat(h(utf8(p)), h(utf8(d)));
    },
  };
}

/** @internal A DataIntegrityProof/ecdsa-rdfc-2019 or ecdsa-jcs-2019 suite that signs through `signer`. */
export function createEcdsaSigningSuite(cryptosuite: (typeof ECDSA_CRYPTOSUITES)[number], signer: Signer, date?: Date | string, call?: SignerCallOptions): any {
  const suite = cryptosuite === 'ecdsa-jcs-2019' ? jcsCryptosuite('sign') : rdfcCryptosuite();
  return new DataIntegrityProof({ signer: toDataIntegritySigner(signer, call), cryptosuite: suite, ...(date !== undefined ? { date } : {}) });
}

/** @internal A DataIntegrityProof/ecdsa-rdfc-2019 or ecdsa-jcs-2019 suite for verification only. */
export function createEcdsaVerifyingSuite(cryptosuite: (typeof ECDSA_CRYPTOSUITES)[number], budget?: CanonizeBudget): any {
  return new DataIntegrityProof({ cryptosuite: cryptosuite === 'ecdsa-jcs-2019' ? jcsCryptosuite('verify') : rdfcCryptosuite(budget) });
}

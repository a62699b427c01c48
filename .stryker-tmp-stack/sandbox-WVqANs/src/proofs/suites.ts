/**
 * The eddsa Data Integrity suites (eddsa-rdfc-2022 through jsonld-signatures, eddsa-jcs-2022) and Ed25519Signature2020,
 * signing and verifying. The verifier loads this module on first use (src/proofs/load.ts): credstack's own proof
 * layer verifies the common eddsa-rdfc-2022 assertion proofs without it.
 */
// @ts-nocheck

import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { createSignCryptosuite as jcsSignCryptosuite, createVerifyCryptosuite as jcsVerifyCryptosuite } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { ed25519Verify } from '../keys/ed25519.js';
import { createSigner, type KeyPair } from '../keys/keypair.js';
import { isSigner, signerFromKeyPair, toDataIntegritySigner, type Signer, type SignerCallOptions } from '../keys/signer.js';
import { fromBase58btc } from '../keys/multibase.js';
import { CANONIZE_MAX_WORK_FACTOR } from './canonize.js';
import { boundedCanonize, PRE_EXPANDED, publicKeyOf, type CanonizeBudget } from './common.js';

export { CANONIZE_MAX_WORK_FACTOR, CANONIZE_WORK } from './canonize.js';
export { boundedCanonize, publicKeyOf, PRE_EXPANDED, CRYPTOSUITES, type CanonizeBudget, type Cryptosuite } from './common.js';

function verifierFor(vm: Record<string, unknown>) {
  const pub = publicKeyOf(vm);
  return {
    id: vm.id,
    algorithm: 'Ed25519',
    verify: ({ data, signature }: { data: Uint8Array; signature: Uint8Array }) => ed25519Verify(pub, data, signature),
  };
}

/** eddsa-rdfc-2022 with our Ed25519 module and a bounded canonicalisation (reusing the view's expansion when given). */
const cryptosuite = {
  ...eddsaRdfc2022,
  canonize: (input: unknown, options: Record<string, unknown>) => {
    const pre = input && typeof input === 'object' ? (input as Record<symbol, unknown>)[PRE_EXPANDED] : undefined;
    if (Array.isArray(pre)) return eddsaRdfc2022.canonize(structuredClone(pre), { ...options, maxWorkFactor: CANONIZE_MAX_WORK_FACTOR, skipExpansion: true });
    return eddsaRdfc2022.canonize(input, { ...options, maxWorkFactor: CANONIZE_MAX_WORK_FACTOR });
  },
  createVerifier: async ({ verificationMethod }: { verificationMethod: Record<string, unknown> }) => verifierFor(verificationMethod),
};

/** The verifying cryptosuite: canonicalization bounded and shared across the proofs of one document. */
function verifyingCryptosuite(budget?: CanonizeBudget) {
  return { ...cryptosuite, canonize: (input: unknown, options: Record<string, unknown>) => boundedCanonize(input, options, budget) };
}

/** @internal The Data Integrity signer of a key pair or an external {@link Signer} (bounded, typed errors). */
export function diSignerOf(key: KeyPair | Signer, call?: SignerCallOptions): { id: string; algorithm: string; sign: (o: { data: Uint8Array }) => Promise<Uint8Array> } {
  return toDataIntegritySigner(isSigner(key) ? key : signerFromKeyPair(key), call);
}

/** @internal A DataIntegrityProof/eddsa-rdfc-2022 suite that signs with `key` or a signer (date pinned by `date`). */
export function createEddsaSigningSuite(key: KeyPair | Signer, date?: Date | string, call?: SignerCallOptions): any {
  return new DataIntegrityProof({ signer: diSignerOf(key, call), cryptosuite, ...(date !== undefined ? { date } : {}) });
}

/** @internal A DataIntegrityProof/eddsa-rdfc-2022 suite for verification only (`budget`: shared, bounded canonicalization). */
export function createEddsaVerifyingSuite(budget?: CanonizeBudget): any {
  return new DataIntegrityProof({ cryptosuite: verifyingCryptosuite(budget) });
}

/** @internal A DataIntegrityProof/eddsa-jcs-2022 suite (RFC 8785 JSON canonicalization) that signs with `key`. */
export function createJcsSigningSuite(key: KeyPair | Signer, date?: Date | string, call?: SignerCallOptions): any {
  return new DataIntegrityProof({ signer: diSignerOf(key, call), cryptosuite: jcsSignCryptosuite(), ...(date !== undefined ? { date } : {}) });
}

/** @internal A DataIntegrityProof/eddsa-jcs-2022 suite for verification only, signature checked by our Ed25519 module. */
export function createJcsVerifyingSuite(): any {
  const suite = {
    ...jcsVerifyCryptosuite(),
    createVerifier: async ({ verificationMethod }: { verificationMethod: Record<string, unknown> }) => verifierFor(verificationMethod),
  };
  return new DataIntegrityProof({ cryptosuite: suite });
}

/** @internal The signing suite for an eddsa Data Integrity cryptosuite name (ecdsa: see ./ecdsa.ts). */
export function createDataIntegritySigningSuite(cryptosuite: 'eddsa-rdfc-2022' | 'eddsa-jcs-2022', key: KeyPair | Signer, date?: Date | string, call?: SignerCallOptions): any {
  return cryptosuite === 'eddsa-jcs-2022' ? createJcsSigningSuite(key, date, call) : createEddsaSigningSuite(key, date, call);
}

/** Ed25519Signature2020 with the signature check done by our Ed25519 module (defined once, not per verification). */
class Ed2020Verifying extends Ed25519Signature2020 {
  budget?: CanonizeBudget;
  async canonize(input: unknown, { documentLoader, skipExpansion }: any): Promise<string> {
    return boundedCanonize(input, { documentLoader, skipExpansion, base: null, safe: true, rdfDirection: undefined }, this.budget);
  }
  async verifySignature({ verifyData, verificationMethod, proof }: any): Promise<boolean> {
    const pv = proof?.proofValue;
    if (typeof pv !== 'string' || pv[0] !== 'z') throw new TypeError('The proof does not include a valid "proofValue" property.');
    return ed25519Verify(publicKeyOf(verificationMethod), verifyData, fromBase58btc(pv));
  }
}

/** @internal Ed25519Signature2020 verification, with the signature check done by our Ed25519 module. */
export function createEd2020VerifyingSuite(budget?: CanonizeBudget): any {
  const suite = new Ed2020Verifying();
  suite.budget = budget;
  return suite;
}

/** @internal Ed25519Signature2020 signing (for interop tests and legacy consumers). */
export function createEd2020SigningSuite(key: KeyPair, date?: Date | string): any {
  const signer = createSigner(key);
  return new Ed25519Signature2020({ signer, ...(date !== undefined ? { date } : {}) });
}

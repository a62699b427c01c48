import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { createSignCryptosuite as jcsSignCryptosuite, createVerifyCryptosuite as jcsVerifyCryptosuite } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import { ed25519Verify } from '../keys/ed25519.js';
import { createSigner, type KeyPair } from '../keys/keypair.js';
import { b64u, decodePublicKeyMultibase, fromBase58btc } from '../keys/multibase.js';

/**
 * Limit of rdf-canonize's work: poison graphs (exponential blank-node hashing) stop early instead of hanging.
 * 1 is rdf-canonize's own conservative default; we pass it explicitly so an upgrade cannot silently lift it.
 */
export const CANONIZE_MAX_WORK_FACTOR = 1;

/** @internal Public key bytes of a verification method (Multikey, Ed25519VerificationKey2020, JsonWebKey). */
export function publicKeyOf(vm: Record<string, unknown>): Uint8Array {
  if (typeof vm.publicKeyMultibase === 'string') return decodePublicKeyMultibase(vm.publicKeyMultibase);
  const jwk = vm.publicKeyJwk as Record<string, unknown> | undefined;
  if (jwk && jwk.kty === 'OKP' && jwk.crv === 'Ed25519' && typeof jwk.x === 'string') {
    const x = b64u.decode(jwk.x);
    if (x.length === 32) return x;
  }
  throw new Error(`verification method ${String(vm.id)} has no Ed25519 public key`);
}

function verifierFor(vm: Record<string, unknown>) {
  const pub = publicKeyOf(vm);
  return {
    id: vm.id,
    algorithm: 'Ed25519',
    verify: ({ data, signature }: { data: Uint8Array; signature: Uint8Array }) => ed25519Verify(pub, data, signature),
  };
}

/**
 * @internal Put on the document handed to jsonld-signatures (enumerable, so its shallow copy keeps it; JSON-LD ignores
 * symbol keys): the expansion of that document without its proof, computed once for the signed-data view.
 */
export const PRE_EXPANDED: unique symbol = Symbol('credstack.preExpanded');

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

/** @internal A DataIntegrityProof/eddsa-rdfc-2022 suite that signs with `key` (date pinned by `date`). */
export function createEddsaSigningSuite(key: KeyPair, date?: Date | string): any {
  const signer = createSigner(key);
  return new DataIntegrityProof({ signer, cryptosuite, ...(date !== undefined ? { date } : {}) });
}

/** @internal A DataIntegrityProof/eddsa-rdfc-2022 suite for verification only. */
export function createEddsaVerifyingSuite(): any {
  return new DataIntegrityProof({ cryptosuite });
}

/** The Data Integrity cryptosuites credstack signs and verifies. */
export const CRYPTOSUITES = ['eddsa-rdfc-2022', 'eddsa-jcs-2022'] as const;
/** @internal */
export type Cryptosuite = (typeof CRYPTOSUITES)[number];

/** @internal A DataIntegrityProof/eddsa-jcs-2022 suite (RFC 8785 JSON canonicalization) that signs with `key`. */
export function createJcsSigningSuite(key: KeyPair, date?: Date | string): any {
  const signer = createSigner(key);
  return new DataIntegrityProof({ signer, cryptosuite: jcsSignCryptosuite(), ...(date !== undefined ? { date } : {}) });
}

/** @internal A DataIntegrityProof/eddsa-jcs-2022 suite for verification only, signature checked by our Ed25519 module. */
export function createJcsVerifyingSuite(): any {
  const suite = {
    ...jcsVerifyCryptosuite(),
    createVerifier: async ({ verificationMethod }: { verificationMethod: Record<string, unknown> }) => verifierFor(verificationMethod),
  };
  return new DataIntegrityProof({ cryptosuite: suite });
}

/** @internal The signing suite for a Data Integrity cryptosuite name. */
export function createDataIntegritySigningSuite(cryptosuite: Cryptosuite, key: KeyPair, date?: Date | string): any {
  return cryptosuite === 'eddsa-jcs-2022' ? createJcsSigningSuite(key, date) : createEddsaSigningSuite(key, date);
}

/** Ed25519Signature2020 with the signature check done by our Ed25519 module (defined once, not per verification). */
class Ed2020Verifying extends Ed25519Signature2020 {
  async verifySignature({ verifyData, verificationMethod, proof }: any): Promise<boolean> {
    const pv = proof?.proofValue;
    if (typeof pv !== 'string' || pv[0] !== 'z') throw new TypeError('The proof does not include a valid "proofValue" property.');
    return ed25519Verify(publicKeyOf(verificationMethod), verifyData, fromBase58btc(pv));
  }
}

/** @internal Ed25519Signature2020 verification, with the signature check done by our Ed25519 module. */
export function createEd2020VerifyingSuite(): any {
  return new Ed2020Verifying();
}

/** @internal Ed25519Signature2020 signing (for interop tests and legacy consumers). */
export function createEd2020SigningSuite(key: KeyPair, date?: Date | string): any {
  const signer = createSigner(key);
  return new Ed25519Signature2020({ signer, ...(date !== undefined ? { date } : {}) });
}

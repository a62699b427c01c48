import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { createSignCryptosuite as jcsSignCryptosuite, createVerifyCryptosuite as jcsVerifyCryptosuite } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import { Ed25519Signature2020 } from '@digitalbazaar/ed25519-signature-2020';
import jsonld from 'jsonld';
import * as rdfCanonize from 'rdf-canonize';
import { CredstackError } from '../errors.js';
import { ed25519Verify } from '../keys/ed25519.js';
import { createSigner, type KeyPair } from '../keys/keypair.js';
import { isSigner, signerFromKeyPair, toDataIntegritySigner, type Signer, type SignerCallOptions } from '../keys/signer.js';
import { b64u, decodePublicKeyMultibase, fromBase58btc } from '../keys/multibase.js';
import type { DocumentLoader } from '../jsonld/loader.js';
import { CANONIZE_MAX_WORK_FACTOR, CANONIZE_WORK, canonizeDocument } from './canonize.js';
import { datasetOfExpansion } from './shapes.js';

export { CANONIZE_MAX_WORK_FACTOR, CANONIZE_WORK } from './canonize.js';

/**
 * @internal One verification's canonicalization budget, shared by every proof of a document: the canonical N-Quads of
 * the same input are computed once (a proof set of ten proofs costs one canonicalization of the document, not ten),
 * and a dataset larger than `maxQuads` is refused before rdf-canonize sees it.
 */
export interface CanonizeBudget {
  cache: Map<string, Promise<string>>;
  maxQuads: number;
}

/** @internal Canonize like jsonld.canonize / the eddsa-rdfc-2022 cryptosuite, bounded and memoized by `budget`. */
export function boundedCanonize(input: unknown, options: Record<string, unknown>, budget?: CanonizeBudget): Promise<string> {
  const opts: Record<string, unknown> = { rdfDirection: 'i18n-datatype', base: null, safe: true, ...options, produceGeneralizedRdf: false };
  const mode = opts.rdfDirection === 'i18n-datatype' ? 'i18n-datatype' : opts.rdfDirection === undefined ? 'none' : undefined;
  // the view already expanded the claims once (PRE_EXPANDED): canonicalize that expansion instead of expanding again
  const pre = input && typeof input === 'object' ? (input as Record<symbol, unknown>)[PRE_EXPANDED] : undefined;
  // (SHA-384 canonicalization — ecdsa-rdfc-2019 with P-384 — always takes the full path below)
  const layer = !!mode && opts.safe === true && opts.base === null && !opts.skipExpansion && typeof opts.documentLoader === 'function' && options.messageDigestAlgorithm !== 'SHA-384';
  let key: string | undefined;
  if (budget) {
    // an expansion a compiled shape made: the result is its dataset's canonical form, whatever spells the input (keyed
    // by the expansion itself, not by the input's JSON text)
    const shapedPre = layer && Array.isArray(pre) && datasetOfExpansion(pre, mode!) !== undefined;
    key = shapedPre ? `#${expansionId(pre as unknown[])}\u0000${mode}` : `${options.safe === false ? 'unsafe' : 'safe'}\u0000${typeof options.messageDigestAlgorithm === 'string' ? options.messageDigestAlgorithm : ''}\u0000${JSON.stringify(input)}`;
    const hit = budget.cache.get(key);
    if (hit) return hit;
  }
  const run = (async () => {
    const maxQuads = budget?.maxQuads ?? Infinity;
    if (layer && mode) {
      // the proof layer's canonicalization: a compiled shape when the document has one (src/proofs/shapes.ts)
      return canonizeDocument(input, { documentLoader: opts.documentLoader as DocumentLoader, mode, maxQuads, ...(Array.isArray(pre) ? { expanded: pre } : {}) });
    }
    delete opts.format;
    delete opts.canonizeOptions;
    delete opts.messageDigestAlgorithm;
    const dataset = (Array.isArray(pre)
      ? await jsonld.toRDF(structuredClone(pre), { ...opts, skipExpansion: true })
      : await jsonld.toRDF(input as Record<string, unknown>, opts)) as unknown[];
    CANONIZE_WORK.calls++;
    CANONIZE_WORK.quads += dataset.length;
    if (dataset.length > maxQuads) {
      throw new CredstackError('ERR_INPUT_TOO_COMPLEX', `the document has ${dataset.length} RDF quads; the limit is ${maxQuads} (limit maxQuads)`);
    }
    // RDFC-1.0's hash: SHA-256 unless the cryptosuite asks otherwise (ecdsa-rdfc-2019 with P-384: SHA-384)
    const messageDigestAlgorithm = options.messageDigestAlgorithm === 'SHA-384' ? 'SHA-384' : undefined;
    return rdfCanonize.canonize(dataset, { algorithm: 'RDFC-1.0', maxWorkFactor: CANONIZE_MAX_WORK_FACTOR, ...(messageDigestAlgorithm ? { messageDigestAlgorithm } : {}) });
  })();
  if (budget && key !== undefined) budget.cache.set(key, run);
  return run;
}

const EXPANSION_IDS = new WeakMap<object, number>();
let nextExpansionId = 1;
function expansionId(e: object): number {
  let id = EXPANSION_IDS.get(e);
  if (id === undefined) EXPANSION_IDS.set(e, (id = nextExpansionId++));
  return id;
}

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

/** The Data Integrity cryptosuites credstack signs and verifies (ecdsa-*: P-256 signs, P-256 and P-384 verify). */
export const CRYPTOSUITES = ['eddsa-rdfc-2022', 'eddsa-jcs-2022', 'ecdsa-rdfc-2019', 'ecdsa-jcs-2019'] as const;
/** @internal */
export type Cryptosuite = (typeof CRYPTOSUITES)[number];

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

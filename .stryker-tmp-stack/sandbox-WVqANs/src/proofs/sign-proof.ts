/**
 * Add an eddsa-rdfc-2022 `DataIntegrityProof` (or an `Ed25519Signature2020` proof) to a document: the proof layer's
 * issuing verb. Same output, byte for byte, as jsonld-signatures with @digitalbazaar/data-integrity +
 * eddsa-rdfc-2022-cryptosuite (or @digitalbazaar/ed25519-signature-2020) and an AssertionProofPurpose; the
 * differential tests in test/proofs/ compare them. Signing goes through a signer function, never key bytes.
 */
// @ts-nocheck

import type { DocumentLoader } from '../jsonld/loader.js';
import { createSigner, type KeyPair } from '../keys/keypair.js';
import { toBase58btc } from '../keys/multibase.js';
import { hashProofData, missingSuiteContext, type RdfcProofKind } from './hash-data.js';

/** @internal Signs bytes: what p18's `Signer.sign` is; built from a KeyPair by {@link signerFunction}. */
export type SignFunction = (data: Uint8Array) => Promise<Uint8Array>;

/** @internal The KeyPair → signer adapter: a function that signs with the key (secret bytes stay inside). */
export function signerFunction(key: KeyPair): SignFunction {
  const s = createSigner(key);
  return (data) => s.sign({ data });
}

/** @internal Options of {@link signProof}. */
export interface SignProofOptions {
  kind?: RdfcProofKind;
  sign: SignFunction;
  verificationMethod: string;
  /** The proof's `created` (XML Schema dateTimeStamp, e.g. 2026-09-01T09:00:00Z). */
  created: string;
  proofPurpose?: string;
  documentLoader: DocumentLoader;
}

/**
 * @internal Sign `document` (not modified; it must have no proof): a copy with the suite context added when missing
 * and the new proof under `proof`, with the key order jsonld-signatures writes.
 */
export async function signProof(document: Record<string, unknown>, opts: SignProofOptions): Promise<Record<string, unknown>> {
  const kind = opts.kind ?? 'eddsa-rdfc-2022';
  const doc: Record<string, unknown> = { ...document };
  const add = missingSuiteContext(kind, doc['@context']);
  if (add) {
    const c = doc['@context'] ?? [];
    doc['@context'] = Array.isArray(c) ? [...c, add] : [c, add];
  }
  const proofPurpose = opts.proofPurpose ?? 'assertionMethod';
  const proof: Record<string, unknown> =
    kind === 'eddsa-rdfc-2022'
      ? { type: 'DataIntegrityProof', created: opts.created, verificationMethod: opts.verificationMethod, cryptosuite: 'eddsa-rdfc-2022', proofPurpose }
      : { type: 'Ed25519Signature2020', created: opts.created, verificationMethod: opts.verificationMethod, proofPurpose };
  const data = await hashProofData(kind, doc, proof, { documentLoader: opts.documentLoader });
  const signature = await opts.sign(data);
  proof.proofValue = toBase58btc(signature); // multibase: z + base58btc
  return { ...doc, proof };
}

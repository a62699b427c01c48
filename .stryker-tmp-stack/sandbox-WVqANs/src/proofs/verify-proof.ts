/**
 * Check the signature of one eddsa-rdfc-2022 / Ed25519Signature2020 proof: the proof layer's verifying verb. Hashes
 * the proof configuration and the document as {@link hashProofData} does and checks the Ed25519 signature
 * (node:crypto where the runtime has it, else WebCrypto, the public key imported once into a bounded cache;
 * `@noble/ed25519` where neither has Ed25519: src/keys/ed25519.ts). No static import of a Node built-in. Purpose, dates, chains and key retrieval stay with src/verify/checks/proof.ts.
 */
// @ts-nocheck

import type { DocumentLoader } from '../jsonld/loader.js';
import { ed25519Verify } from '../keys/ed25519.js';
import { b64u, fromBase58btc } from '../keys/multibase.js';
import { hashProofData, type HashDataOptions, type RdfcProofKind } from './hash-data.js';

/** @internal Options of {@link verifyProofSignature}. */
export interface VerifyProofOptions {
  kind: RdfcProofKind;
  publicKey: Uint8Array;
  documentLoader: DocumentLoader;
  maxQuads?: number;
  canonicalDocument?: Promise<string>;
  canonize?: HashDataOptions['canonize'];
}

/** @internal The signature bytes of a multibase proofValue (`z` base58btc; `u` base64url for Data Integrity), or undefined. */
export function signatureOf(proofValue: unknown, kind: RdfcProofKind): Uint8Array | undefined {
  if (typeof proofValue !== 'string' || proofValue.length < 2) return undefined;
  try {
    if (proofValue[0] === 'z') return fromBase58btc(proofValue);
    if (proofValue[0] === 'u' && kind === 'eddsa-rdfc-2022') return b64u.decode(proofValue.slice(1));
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * @internal Whether `proof` is a valid signature over `document` (hashed as given: without `proof`, or with the
 * earlier proofs of a chain under `proof`). Throws jsonld's errors (undefined terms, unknown
 * contexts) and canonicalization limits; a bad signature is `false`.
 */
export async function verifyProofSignature(document: Record<string, unknown>, proof: Record<string, unknown>, opts: VerifyProofOptions): Promise<boolean> {
  const signature = signatureOf(proof.proofValue, opts.kind);
  if (!signature) return false;
  const data = await hashProofData(opts.kind, document, proof, opts);
  return ed25519Verify(opts.publicKey, data, signature);
}

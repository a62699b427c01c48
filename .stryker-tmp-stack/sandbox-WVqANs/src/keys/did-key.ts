// @ts-nocheck
import { decodeEcdsaPublicKeyMultibase } from './ecdsa.js';
import { didKeyDocument, type DidDocument } from './did-key-core.js';

export type { DidDocument } from './did-key-core.js';

/**
 * Resolve an Ed25519, P-256 (`did:key:zDn…`) or P-384 (`did:key:z82…`) `did:key` (or one of its DID URLs) locally, with no network: returns the DID document, or the
 * verification method when given `did:key:z6Mk…#z6Mk…`. Returns `undefined` for anything that is not a valid did:key of those types.
 * @example
 * ```ts
 * const doc = resolveDidKey('did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK');
 * doc?.assertionMethod; // ['did:key:z6Mk…#z6Mk…']
 * ```
 */
export function resolveDidKey(didUrl: string): DidDocument | Record<string, unknown> | undefined {
  return didKeyDocument(didUrl, decodeEcdsaPublicKeyMultibase);
}


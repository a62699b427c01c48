import { decodeEcdsaPublicKeyMultibase, ecdsaCurveOfMultibase } from './ecdsa.js';
import { decodePublicKeyMultibase } from './multibase.js';

const DID_V1 = 'https://www.w3.org/ns/did/v1';
const MULTIKEY_V1 = 'https://w3id.org/security/multikey/v1';

/**
 * A DID document (only the parts credstack reads).
 * @example
 * ```ts
 * const doc: DidDocument = resolveDidKey('did:key:z6Mk…')!;
 * ```
 */
export interface DidDocument {
  '@context': unknown;
  id: string;
  verificationMethod?: Array<Record<string, unknown>>;
  assertionMethod?: Array<string | Record<string, unknown>>;
  authentication?: Array<string | Record<string, unknown>>;
  [k: string]: unknown;
}

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
  if (typeof didUrl !== 'string' || !didUrl.startsWith('did:key:') || didUrl.length > 200) return undefined;
  // DID Core §3.2 / RFC 3986 §3.5: a DID URL has at most one fragment and "#" is not a fragment character, so
  // `did:key:z…#z…#…` is not a DID URL (split with no limit: a limit of 2 would drop what follows a second "#")
  const parts = didUrl.split('#');
  if (parts.length > 2) return undefined;
  const [did, fragment] = parts as [string, string | undefined];
  const mb = did.slice('did:key:'.length);
  try {
    if (ecdsaCurveOfMultibase(mb)) decodeEcdsaPublicKeyMultibase(mb);
    else decodePublicKeyMultibase(mb);
  } catch {
    return undefined;
  }
  const vmId = `${did}#${mb}`;
  const vm = { '@context': MULTIKEY_V1, id: vmId, type: 'Multikey', controller: did, publicKeyMultibase: mb };
  if (fragment !== undefined) {
    return fragment === mb ? vm : undefined;
  }
  const { '@context': _c, ...vmNoCtx } = vm;
  return {
    '@context': [DID_V1, MULTIKEY_V1],
    id: did,
    verificationMethod: [vmNoCtx],
    authentication: [vmId],
    assertionMethod: [vmId],
    capabilityDelegation: [vmId],
    capabilityInvocation: [vmId],
  };
}

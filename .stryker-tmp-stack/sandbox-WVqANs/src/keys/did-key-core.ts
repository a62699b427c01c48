/**
 * @internal did:key documents without the P-256/P-384 key check built in (src/keys/did-key.ts passes it; the verifier's
 * document loader loads it on first use), so that the first download of `credstack/verify` holds no `@noble/curves`.
 */
// @ts-nocheck

import { ecdsaCurveOfMultibase } from './ecdsa-prefix.js';
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
 * @internal True when a did:key URL names a P-256/P-384 key (`zDn…`, `z82…`): the verifier's document loader then
 * loads the ECDSA module (a chunk of its own) before {@link didKeyDocument}.
 */
export function ecdsaDidKey(didUrl: string): boolean {
  return typeof didUrl === 'string' && didUrl.startsWith('did:key:') && ecdsaCurveOfMultibase(didUrl.slice('did:key:'.length).split('#', 1)[0]) !== undefined;
}

/**
 * @internal {@link resolveDidKey} with the P-256/P-384 key check passed in (`decodeEcdsa` throws on a key that is not a
 * point of its curve), so that a caller holding no ECDSA module resolves Ed25519 did:keys alone.
 */
export function didKeyDocument(didUrl: string, decodeEcdsa: (mb: string) => unknown): DidDocument | Record<string, unknown> | undefined {
  if (typeof didUrl !== 'string' || !didUrl.startsWith('did:key:') || didUrl.length > 200) return undefined;
  // DID Core §3.2 / RFC 3986 §3.5: a DID URL has at most one fragment and "#" is not a fragment character, so
  // `did:key:z…#z…#…` is not a DID URL (split with no limit: a limit of 2 would drop what follows a second "#")
  const parts = didUrl.split('#');
  if (parts.length > 2) return undefined;
  const [did, fragment] = parts as [string, string | undefined];
  const mb = did.slice('did:key:'.length);
  try {
    if (ecdsaCurveOfMultibase(mb)) decodeEcdsa(mb);
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

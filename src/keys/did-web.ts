import { InvalidInputError } from '../errors.js';
import type { KeyPair } from './keypair.js';
import type { RsaKeyPair } from './rsa.js';
import type { DidDocument } from './did-key.js';

/**
 * The HTTPS URL where a `did:web` DID document lives (did:web method spec §3.2).
 * @example
 * ```ts
 * didWebToUrl('did:web:uni.example');              // https://uni.example/.well-known/did.json
 * didWebToUrl('did:web:uni.example:faculty:law');  // https://uni.example/faculty/law/did.json
 * ```
 */
export function didWebToUrl(did: string): string {
  if (typeof did !== 'string' || !/^did:web:[^:#/?]+(:[^:#/?]+)*$/.test(did)) {
    throw new InvalidInputError(`not a did:web DID: ${String(did).slice(0, 100)}`, { code: 'ERR_INVALID_DID' });
  }
  const parts = did.slice('did:web:'.length).split(':').map((p) => decodeURIComponent(p));
  const host = parts.shift()!;
  return parts.length ? `https://${host}/${parts.join('/')}/did.json` : `https://${host}/.well-known/did.json`;
}

/**
 * Build the `did.json` an institution publishes for its `did:web` DID, listing the given public keys for
 * `assertionMethod` and `authentication`. Ed25519 keys become `Multikey` methods, RSA keys (for RS256 VC-JWTs)
 * `JsonWebKey` methods with `publicKeyJwk`. Secret keys are never included.
 * @example
 * ```ts
 * const key = await generateKeyPair({ controller: 'did:web:uni.example', id: 'did:web:uni.example#key-1' });
 * const doc = createDidWebDocument('did:web:uni.example', [key]);
 * await fs.writeFile('did.json', JSON.stringify(doc, null, 2)); // serve at https://uni.example/.well-known/did.json
 * ```
 */
export function createDidWebDocument(did: string, keys: Array<KeyPair | RsaKeyPair>): DidDocument {
  didWebToUrl(did);
  if (!Array.isArray(keys) || keys.length === 0) throw new InvalidInputError('at least one key is needed');
  const vms = keys.map((k) => {
    if (k.controller !== did) {
      throw new InvalidInputError(`key ${k.id} is controlled by ${k.controller}, not ${did}`, { code: 'ERR_KEY_CONTROLLER_MISMATCH' });
    }
    if (k.type === 'JsonWebKey') {
      const { kty, n, e } = k.publicKeyJwk;
      return { id: k.id, type: 'JsonWebKey', controller: did, publicKeyJwk: { kty, n, e } };
    }
    return { id: k.id, type: 'Multikey', controller: did, publicKeyMultibase: k.publicKeyMultibase };
  });
  const ids = vms.map((v) => v.id);
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did,
    verificationMethod: vms,
    assertionMethod: ids,
    authentication: ids,
  };
}

// @ts-nocheck
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

/**
 * Options of {@link rotateDidWebDocument}.
 * @example
 * ```ts
 * const opts: RotateDidWebOptions = { retire: ['did:web:uni.example#key-1'] };
 * ```
 */
export interface RotateDidWebOptions {
  /** Verification method ids to remove (credentials they signed stop verifying: `ERR_VERIFICATION_METHOD_NOT_FOUND`). */
  retire?: string[];
}

/**
 * Key rotation for a `did:web` DID document: adds `newKey` (first, so it is the one listed first for
 * `assertionMethod` and `authentication`) and keeps every existing key, so credentials the old keys signed keep
 * verifying while those keys stay listed. Remove a key only with `retire` (after its credentials are re-issued or
 * expired): credentials it signed then fail with `ERR_VERIFICATION_METHOD_NOT_FOUND`. Returns a new document; the input
 * is not modified. Only public keys are written.
 * @example
 * ```ts
 * const next = await generateKeyPair({ algorithm: 'P-256', controller: 'did:web:uni.example', id: 'did:web:uni.example#key-2' });
 * const rotated = rotateDidWebDocument(JSON.parse(await fs.readFile('did.json', 'utf8')), next);
 * // later: rotateDidWebDocument(rotated, next3, { retire: ['did:web:uni.example#key-1'] })
 * ```
 */
export function rotateDidWebDocument(document: unknown, newKey: KeyPair | RsaKeyPair, opts: RotateDidWebOptions = {}): DidDocument {
  if (!document || typeof document !== 'object' || Array.isArray(document)) throw new InvalidInputError('the DID document must be a JSON object', { code: 'ERR_DID_DOCUMENT_INVALID' });
  const doc = structuredClone(document) as DidDocument;
  if (typeof doc.id !== 'string') throw new InvalidInputError('the DID document has no id', { code: 'ERR_DID_DOCUMENT_INVALID' });
  didWebToUrl(doc.id);
  const [vm] = createDidWebDocument(doc.id, [newKey]).verificationMethod!;
  const idOf = (e: unknown, base: string): string | undefined => {
    const id = typeof e === 'string' ? e : e && typeof e === 'object' ? (e as { id?: unknown }).id : undefined;
    return typeof id === 'string' ? (id.startsWith('#') ? base + id : id) : undefined;
  };
  const methods = Array.isArray(doc.verificationMethod) ? doc.verificationMethod : [];
  if (methods.some((m) => idOf(m, doc.id) === vm!.id)) throw new InvalidInputError(`${String(vm!.id)} is already in the DID document: choose another key id`, { code: 'ERR_KEY_ID_TAKEN' });
  const retire = new Set(opts.retire ?? []);
  if (retire.has(vm!.id as string)) throw new InvalidInputError('cannot retire the key being added', { code: 'ERR_INVALID_INPUT' });
  for (const r of retire) {
    if (!methods.some((m) => idOf(m, doc.id) === r)) throw new InvalidInputError(`${r} is not in the DID document`, { code: 'ERR_VERIFICATION_METHOD_NOT_FOUND' });
  }
  const keep = (list: unknown): Array<string | Record<string, unknown>> =>
    (Array.isArray(list) ? list : []).filter((e) => !retire.has(idOf(e, doc.id) ?? '')) as Array<string | Record<string, unknown>>;
  doc.verificationMethod = [vm!, ...keep(doc.verificationMethod)] as Array<Record<string, unknown>>;
  doc.assertionMethod = [vm!.id as string, ...keep(doc.assertionMethod)];
  doc.authentication = [vm!.id as string, ...keep(doc.authentication)];
  for (const rel of ['capabilityInvocation', 'capabilityDelegation', 'keyAgreement']) {
    if (Array.isArray(doc[rel])) doc[rel] = keep(doc[rel]);
  }
  const ctx = Array.isArray(doc['@context']) ? doc['@context'] : doc['@context'] === undefined ? [] : [doc['@context']];
  const need = ['https://www.w3.org/ns/did/v1', vm!.type === 'JsonWebKey' ? 'https://w3id.org/security/jwk/v1' : 'https://w3id.org/security/multikey/v1'];
  doc['@context'] = [...ctx, ...need.filter((c) => !ctx.includes(c))];
  return doc;
}

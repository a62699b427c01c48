// @ts-nocheck
import type { DocumentLoader } from '../jsonld/loader.js';

const DID_V1 = 'https://www.w3.org/ns/did/v1';
const MULTIKEY_V1 = 'https://w3id.org/security/multikey/v1';
const ED25519_2020_V1 = 'https://w3id.org/security/suites/ed25519-2020/v1';
const JWK_V1 = 'https://w3id.org/security/jwk/v1';

/** Verification relationships of Controlled Identifiers v1.0 §2.3 (and DID Core). */
const RELATIONSHIPS = ['authentication', 'assertionMethod', 'keyAgreement', 'capabilityInvocation', 'capabilityDelegation'] as const;

/**
 * Why {@link retrieveVerificationMethod} refused: the Controlled Identifiers v1.0 error type and credstack's stable code.
 * @example
 * ```ts
 * const r = await retrieveVerificationMethod('https://issuer.example/ctrl#key-1', 'assertionMethod', loader);
 * if (!r.ok) console.log(r.code, r.errorType); // e.g. ERR_PROOF_KEY_ID_MISMATCH INVALID_CONTROLLED_IDENTIFIER_DOCUMENT_ID
 * ```
 */
export interface RetrieveVerificationMethodError {
  ok: false;
  /** The error type Controlled Identifiers v1.0 §3.3 names (`INVALID_VERIFICATION_METHOD`, …), or `DEREFERENCE_FAILED`. */
  errorType:
    | 'INVALID_VERIFICATION_METHOD_URL'
    | 'DEREFERENCE_FAILED'
    | 'INVALID_CONTROLLED_IDENTIFIER_DOCUMENT'
    | 'INVALID_CONTROLLED_IDENTIFIER_DOCUMENT_ID'
    | 'INVALID_VERIFICATION_METHOD'
    | 'INVALID_RELATIONSHIP_FOR_VERIFICATION_METHOD';
  /**
   * Stable credstack code: `ERR_VERIFICATION_METHOD_URL_INVALID`, `ERR_KEY_UNAVAILABLE`, `ERR_CONTROLLER_DOCUMENT_INVALID`,
   * `ERR_PROOF_KEY_ID_MISMATCH` (a document or method that names another id or controller than the URL it was reached
   * through), `ERR_VERIFICATION_METHOD_NOT_FOUND`, `ERR_VERIFICATION_METHOD_INVALID`, `ERR_PROOF_KEY_NOT_AUTHORIZED`.
   */
  code: string;
  message: string;
  /** The underlying loader error (dereference failures). */
  cause?: unknown;
}

/**
 * A verification method found by {@link retrieveVerificationMethod}, with the controller document it came from.
 * @example
 * ```ts
 * const r = await retrieveVerificationMethod(vmUrl, 'assertionMethod', loader);
 * if (r.ok) console.log(r.verificationMethod.publicKeyMultibase, r.controllerDocumentUrl);
 * ```
 */
export interface RetrievedVerificationMethod {
  ok: true;
  /** The method, ids absolute, with the JSON-LD context its own `type` needs (not the controller document's). */
  verificationMethod: Record<string, unknown>;
  /** The controller document's URL (the method URL without its fragment) = its `id` = the method's `controller`. */
  controllerDocumentUrl: string;
  /** The controller document as loaded. */
  controllerDocument: Record<string, unknown>;
}

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Resolve a (possibly relative, `#frag`) id against the controller document URL; `undefined` if not a string/URL. */
function absolute(id: unknown, base: string): string | undefined {
  if (typeof id !== 'string' || id.length === 0 || id.length > 4096) return undefined;
  if (id.startsWith('#')) return base + id;
  if (!URL.canParse(id)) {
    if (!URL.canParse(id, base)) return undefined;
    return new URL(id, base).href;
  }
  return id;
}

/**
 * The JSON-LD context a verification method of this `type` is read with. A key found inside a DID or controller
 * document has no context of its own; copying the document's `@context` (e.g. DID v1 + Data Integrity v1) onto it
 * gives a `Multikey` a context that does not define it, and `@digitalbazaar/ed25519-multikey` (used by the
 * Ed25519Signature2020 suite) refuses it. So the context follows the key type: `Multikey` → Multikey v1,
 * `Ed25519VerificationKey2020` → the Ed25519 2020 suite context, `JsonWebKey` → JWK v1; other types keep the method's
 * own context, else the document's.
 * @example
 * ```ts
 * keyContextFor({ type: 'Multikey' }, ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/data-integrity/v1']);
 * // 'https://w3id.org/security/multikey/v1'
 * ```
 */
export function keyContextFor(vm: Record<string, unknown>, documentContext?: unknown): unknown {
  if (vm.type === 'Multikey') return MULTIKEY_V1;
  if (vm.type === 'Ed25519VerificationKey2020') return ED25519_2020_V1;
  if (vm.type === 'JsonWebKey') return JWK_V1;
  return vm['@context'] ?? documentContext;
}

/** Is `vm` listed (by reference or by value) under `relationship` of `doc`? */
function associated(doc: Record<string, unknown>, relationship: string, vmId: string, base: string): boolean {
  // one value or an array of values (an absent relationship is [undefined]: neither a string nor a node)
  return [doc[relationship]].flat().some((e) => (typeof e === 'string' ? absolute(e, base) === vmId : isObj(e) && absolute(e.id, base) === vmId));
}

/** Dereference the fragment in a JSON-LD controller document: the node (method) whose absolute id is `vmId`. */
function findMethod(doc: Record<string, unknown>, vmId: string, base: string): Record<string, unknown> | undefined {
  for (const prop of ['verificationMethod', ...RELATIONSHIPS]) {
    for (const e of [doc[prop]].flat() as unknown[]) if (isObj(e) && absolute(e.id, base) === vmId) return e;
  }
  return undefined;
}

/**
 * Controlled Identifiers v1.0 §3.3 "Retrieve Verification Method" (the algorithm Data Integrity cites), step by step:
 * 1. `vmIdentifier` must be a valid URL (else `INVALID_VERIFICATION_METHOD_URL`);
 * 2. `controllerDocumentUrl` = the URL **without its fragment**; `vmFragment` = the fragment;
 * 3. dereference `controllerDocumentUrl` (through `loader`: did:key, did:web, `documents`, or an explicit `fetch`);
 * 4. it must be a controlled identifier document (an object with a string `id`) and `id` must equal
 *    `controllerDocumentUrl` (`INVALID_CONTROLLED_IDENTIFIER_DOCUMENT(_ID)`);
 * 5. the method = the node the fragment names in that document; it must be a verification method (`id`, `type`,
 *    `controller` strings), its absolute `id` must equal `vmIdentifier` and its absolute `controller` must equal
 *    `controllerDocumentUrl` (`INVALID_VERIFICATION_METHOD`);
 * 6. it must be listed, by reference or by value, under `verificationRelationship` in the controller document
 *    (`INVALID_RELATIONSHIP_FOR_VERIFICATION_METHOD`).
 *
 * A URL without a fragment names the whole document: the method is then the document itself and must satisfy step 5
 * (its `controller` must be its own URL). Never throws.
 * @example
 * ```ts
 * const loader = createDocumentLoader({ documents: { 'https://issuer.example/ctrl': controllerDoc } });
 * const r = await retrieveVerificationMethod('https://issuer.example/ctrl#key-1', 'assertionMethod', loader);
 * if (r.ok) r.verificationMethod; // { '@context': 'https://w3id.org/security/multikey/v1', id: 'https://issuer.example/ctrl#key-1', … }
 * ```
 */
export async function retrieveVerificationMethod(
  vmIdentifier: unknown,
  verificationRelationship: string,
  loader: DocumentLoader,
): Promise<RetrievedVerificationMethod | RetrieveVerificationMethodError> {
  const fail = (errorType: RetrieveVerificationMethodError['errorType'], code: string, message: string, cause?: unknown): RetrieveVerificationMethodError => ({
    ok: false,
    errorType,
    code,
    message,
    ...(cause !== undefined ? { cause } : {}),
  });
  if (typeof vmIdentifier !== 'string' || vmIdentifier.length > 4096 || !URL.canParse(vmIdentifier)) {
    return fail('INVALID_VERIFICATION_METHOD_URL', 'ERR_VERIFICATION_METHOD_URL_INVALID', 'the verification method identifier is not a valid URL');
  }
  // the fragment itself is not needed: the method is looked up by its whole absolute id (step 5)
  const hash = vmIdentifier.indexOf('#');
  const controllerDocumentUrl = hash === -1 ? vmIdentifier : vmIdentifier.slice(0, hash);
  let loaded: unknown;
  try {
    loaded = (await loader(controllerDocumentUrl)).document;
  } catch (cause) {
    const m = (cause as Error)?.message;
    return fail('DEREFERENCE_FAILED', 'ERR_KEY_UNAVAILABLE', `cannot dereference the controller document ${controllerDocumentUrl}: ${typeof m === 'string' ? m : 'load failed'}`, cause);
  }
  if (typeof loaded === 'string') {
    try {
      loaded = JSON.parse(loaded);
    } catch {
      // not JSON: it stays a string, refused as no document below
    }
  }
  if (!isObj(loaded) || typeof loaded.id !== 'string') {
    return fail('INVALID_CONTROLLED_IDENTIFIER_DOCUMENT', 'ERR_CONTROLLER_DOCUMENT_INVALID', `the document at ${controllerDocumentUrl} is not a controlled identifier document (an object with an id)`);
  }
  const doc = loaded;
  if (doc.id !== controllerDocumentUrl) {
    return fail(
      'INVALID_CONTROLLED_IDENTIFIER_DOCUMENT_ID',
      'ERR_PROOF_KEY_ID_MISMATCH',
      `the controller document loaded from ${controllerDocumentUrl} identifies itself as ${(doc.id as string).slice(0, 200)}: refusing a document that claims another id`,
    );
  }
  const found = hash === -1 ? doc : findMethod(doc, vmIdentifier, controllerDocumentUrl);
  if (found === undefined) {
    return fail('INVALID_VERIFICATION_METHOD', 'ERR_VERIFICATION_METHOD_NOT_FOUND', `${vmIdentifier} is not in the controller document ${controllerDocumentUrl}`);
  }
  // found is a node with a string id: the document (step 4) or the node findMethod matched by its id
  if (typeof found.type !== 'string' || !(typeof found.controller === 'string' || isObj(found.controller))) {
    return fail('INVALID_VERIFICATION_METHOD', 'ERR_VERIFICATION_METHOD_INVALID', `${vmIdentifier} is not a verification method (it needs string id, type and controller)`);
  }
  // its absolute id is vmIdentifier by construction: the document's id is controllerDocumentUrl = vmIdentifier (no
  // fragment), and findMethod matches a node by its absolute id
  const controller = absolute(isObj(found.controller) ? found.controller.id : found.controller, controllerDocumentUrl);
  if (controller !== controllerDocumentUrl) {
    return fail(
      'INVALID_VERIFICATION_METHOD',
      'ERR_PROOF_KEY_ID_MISMATCH',
      `the verification method ${vmIdentifier} names ${String(controller).slice(0, 200)} as its controller, not the controller document ${controllerDocumentUrl} it was found in`,
    );
  }
  if (!associated(doc, verificationRelationship, vmIdentifier, controllerDocumentUrl)) {
    return fail(
      'INVALID_RELATIONSHIP_FOR_VERIFICATION_METHOD',
      'ERR_PROOF_KEY_NOT_AUTHORIZED',
      `${vmIdentifier} is not listed under ${verificationRelationship} in the controller document ${controllerDocumentUrl}`,
    );
  }
  const { '@context': _own, ...rest } = found;
  const verificationMethod: Record<string, unknown> = { '@context': keyContextFor(found, doc['@context']), ...rest, id: vmIdentifier, controller: controllerDocumentUrl };
  return { ok: true, verificationMethod, controllerDocumentUrl, controllerDocument: doc };
}

/**
 * @internal The controller document as jsonld-signatures' purpose reads it: the DID v1 context (so it is not re-framed),
 * the id, and the one relationship already checked by {@link retrieveVerificationMethod}.
 */
export function controllerView(r: RetrievedVerificationMethod, relationship: string): Record<string, unknown> {
  return { '@context': DID_V1, id: r.controllerDocumentUrl, [relationship]: [r.verificationMethod.id] };
}

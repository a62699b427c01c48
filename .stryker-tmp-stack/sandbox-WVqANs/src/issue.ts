// @ts-nocheck
import * as vc from '@digitalbazaar/vc';
import { CredstackError, InvalidInputError, IssueError, KeyError } from './errors.js';
import { createDocumentLoader, type DocumentLoaderOptions } from './jsonld/loader.js';
import { VC_V1_CONTEXT, VC_V2_CONTEXT } from './jsonld/contexts.js';
import type { KeyPair } from './keys/keypair.js';
import type { RsaKeyPair } from './keys/rsa.js';
import { assertSigner, callSigner, isSigner, normalizeAlgorithm, signerController, signerFromKeyPair, type Signer, type SignerAlgorithm } from './keys/signer.js';
import { createDataIntegritySigningSuite } from './proofs/suites.js';
import { signProof } from './proofs/sign-proof.js';
import { createEcdsaSigningSuite } from './proofs/ecdsa.js';
import { checkStructure, structureProblems } from './verify/checks/structure.js';
import { asArray, cloneJson, findKeyPaths, idOf, isDateTimeStamp, isoSeconds, toDate } from './util/json.js';
import { validateCredential } from './schema/index.js';
import { applyExtensionMode, type ExtensionMode } from './model/extension.js';

/**
 * Options of {@link issueCredential}.
 * @example
 * ```ts
 * const opts: IssueOptions = { key, now: '2026-09-01T09:00:00Z' };
 * ```
 */
export interface IssueOptions {
  /**
   * The issuer's signing key; `key.controller` must equal the credential's issuer id. RSA keys (RS256) sign VC-JWTs
   * only. Give either `key` or `signer`.
   */
  key?: KeyPair | RsaKeyPair;
  /**
   * An external signer (KMS, HSM, non-extractable WebCrypto key): the key never reaches credstack. Its controller
   * (`signer.id` before `#`) must equal the credential's issuer id. Failures surface as {@link SignerError}.
   */
  signer?: Signer;
  /**
   * Give up on a signer that has not answered after this many milliseconds (default 30 000). Signers credstack makes
   * around key bytes it holds (`key`, `signerFromKeyPair`) are called without the timer; `signerFromCryptoKey` signers
   * keep it (WebCrypto may be backed by an HSM).
   */
  signerTimeoutMs?: number;
  /**
   * Proof format: embedded Data Integrity proof with cryptosuite `eddsa-rdfc-2022` (default for Ed25519; RDF
   * canonicalization) or `eddsa-jcs-2022` (JSON canonicalization, RFC 8785); for P-256 keys `ecdsa-rdfc-2019` (their
   * default) or `ecdsa-jcs-2019`; or a compact VC-JWT (`EdDSA`, `ES256` or `RS256` by the key).
   */
  format?: IssueFormat;
  /** Pin the clock: the proof's `created` and the default `validFrom`. */
  now?: Date | string;
  /** Extra offline documents (contexts) the credential uses. */
  documents?: DocumentLoaderOptions['documents'];
  /** Skip our JSON Schema check (not recommended; the JSON-LD safe-mode check always runs). */
  skipSchema?: boolean;
  /**
   * How a credential that uses credstack-only terms names their context: `'inline'` (default: the context object is
   * embedded, the credential verifies anywhere), `'url'` (by URL + a `credentialSchema` entry; for verifiers that bundle
   * our context), `'none'` (standard contexts only; such a credential is refused with `ERR_EXTENSION_REQUIRED`).
   * Credentials that use no credstack term never list our context, whatever the mode.
   */
  extension?: ExtensionMode;
}

/**
 * Proof formats of {@link issueCredential}.
 * @example
 * ```ts
 * const f: IssueFormat = 'ecdsa-rdfc-2019';
 * ```
 */
export type IssueFormat = 'eddsa-rdfc-2022' | 'eddsa-jcs-2022' | 'ecdsa-rdfc-2019' | 'ecdsa-jcs-2019' | 'vc-jwt';

/** @internal The signer an issuing call signs with: `options.signer`, or `options.key` wrapped; plus its controller. */
export interface SigningIdentity {
  id: string;
  controller: string;
  signer: Signer;
  algorithm: SignerAlgorithm;
}

/** @internal Resolve `{ key }` or `{ signer }` (exactly one) into a signer; typed errors for anything else. */
export function resolveSigning(options: { key?: unknown; signer?: unknown }, what = 'options'): SigningIdentity {
  if (options.signer !== undefined) {
    if (options.key !== undefined) throw new InvalidInputError(`${what}: give either key or signer, not both`);
    const algorithm = assertSigner(options.signer, ['Ed25519', 'P-256', 'P-384', 'RS256'], 'issuing');
    const signer = options.signer as Signer;
    return { id: signer.id, controller: signerController(signer), signer, algorithm };
  }
  const key = options.key as KeyPair | RsaKeyPair | undefined;
  if (isSigner(key)) {
    const algorithm = assertSigner(key, ['Ed25519', 'P-256', 'P-384', 'RS256'], 'issuing');
    return { id: key.id, controller: signerController(key), signer: key, algorithm };
  }
  if (!key || typeof key !== 'object' || typeof key.id !== 'string' || typeof key.controller !== 'string') {
    throw new KeyError('ERR_KEY_INVALID', `${what}.key must be a KeyPair (see generateKeyPair / importKeyPair), or pass ${what}.signer`);
  }
  if (key.type === 'JsonWebKey' ? typeof key.privateJwk?.d !== 'string' : typeof key.secretKeyMultibase !== 'string') {
    throw new KeyError('ERR_KEY_NO_SECRET', `key ${key.id} has no secret part: it can verify but not sign`);
  }
  const signer = signerFromKeyPair(key);
  return { id: key.id, controller: key.controller, signer, algorithm: normalizeAlgorithm(signer.algorithm)! };
}

/** @internal The default Data Integrity format of a signer's algorithm. */
export function defaultFormat(algorithm: SignerAlgorithm): IssueFormat {
  // RSA keys sign VC-JWTs only, and only when asked (format: 'vc-jwt'): no silent change of format
  return algorithm === 'P-256' || algorithm === 'P-384' ? 'ecdsa-rdfc-2019' : 'eddsa-rdfc-2022';
}

/** @internal Checks shared by every issuing path (embedded proof, VC-JWT, batch). Returns a prepared copy. */
export function prepareCredential(credential: unknown, key: { id: string; controller: string } | KeyPair | RsaKeyPair, now: Date, skipSchema = false, extension: ExtensionMode = 'inline'): Record<string, any> {
  if (!credential || typeof credential !== 'object' || Array.isArray(credential)) {
    throw new InvalidInputError('credential must be a JSON object');
  }
  if (!key || typeof key !== 'object' || typeof key.id !== 'string' || typeof key.controller !== 'string') {
    throw new KeyError('ERR_KEY_INVALID', 'options.key must be a KeyPair (see generateKeyPair / importKeyPair)');
  }
  if ('type' in key && (key.type === 'JsonWebKey' ? typeof key.privateJwk?.d !== 'string' : typeof key.secretKeyMultibase !== 'string')) {
    throw new KeyError('ERR_KEY_NO_SECRET', `key ${key.id} has no secret part: it can verify but not sign`);
  }
  let cred: Record<string, any>;
  try {
    cred = cloneJson(credential) as Record<string, any>;
  } catch (cause) {
    throw new InvalidInputError('credential must be plain JSON data', { cause });
  }
  const ctx = asArray(cred['@context']);
  if (ctx[0] !== VC_V2_CONTEXT && ctx[0] !== VC_V1_CONTEXT) {
    throw new IssueError('ERR_CONTEXT_FIRST', `@context must start with ${VC_V2_CONTEXT} (VC 2.0) or ${VC_V1_CONTEXT} (VC 1.1)`);
  }
  if (!asArray(cred.type).includes('VerifiableCredential')) {
    throw new IssueError('ERR_MISSING_FIELD', 'type must include "VerifiableCredential"', { details: { path: '$.type' } });
  }
  if (cred.proof !== undefined) {
    throw new IssueError('ERR_ALREADY_SIGNED', 'credential already has a proof; remove it or use a copy');
  }
  if (cred.id === undefined) cred.id = `urn:uuid:${globalThis.crypto.randomUUID()}`;
  const issuerId = idOf(cred.issuer);
  if (!issuerId) {
    throw new IssueError('ERR_MISSING_FIELD', 'issuer (a DID or URL, or a Profile with id) is required', { details: { path: '$.issuer' } });
  }
  if (issuerId !== key.controller) {
    throw new IssueError(
      'ERR_ISSUER_MISMATCH',
      `issuer ${issuerId} does not control key ${key.id} (its controller is ${key.controller}); verifiers would reject it. ` +
        `Use a key whose controller is the issuer, or set issuer.id to ${key.controller}.`,
      { details: { issuer: issuerId, controller: key.controller } },
    );
  }
  if (ctx[0] === VC_V2_CONTEXT) {
    if (cred.validFrom === undefined) cred.validFrom = isoSeconds(now);
    for (const p of ['validFrom', 'validUntil', 'awardedDate']) {
      if (cred[p] !== undefined && !isDateTimeStamp(cred[p])) {
        throw new IssueError('ERR_INVALID_DATE', `${p} must be an XML Schema dateTimeStamp with time zone, e.g. 2026-09-01T09:00:00Z`, { details: { path: `$.${p}` } });
      }
    }
  } else if (cred.issuanceDate === undefined) {
    cred.issuanceDate = isoSeconds(now);
  }
  if (cred.credentialSubject === undefined) {
    throw new IssueError('ERR_MISSING_FIELD', 'credentialSubject is required', { details: { path: '$.credentialSubject' } });
  }
  // VC Data Model 2.0 structure: typed status/schema/refresh/terms-of-use/evidence objects; relatedResource id + digest
  const problems = structureProblems(cred);
  if (problems.length) {
    throw new IssueError(problems[0]!.code, problems.map((p) => `${p.path}: ${p.message}`).join('\n'), { details: { path: problems[0]!.path, problems } });
  }
  applyExtensionMode(cred, extension);
  if (!skipSchema) {
    const res = validateCredential(cred);
    if (!res.valid) {
      throw new IssueError(
        'ERR_SCHEMA_INVALID',
        `credential does not match the schema:\n${res.errors.map((e: { path: string; message: string }) => `  ${e.path}: ${e.message}`).join('\n')}`,
        { details: { errors: res.errors } },
      );
    }
  }
  return cred;
}

/** @internal Map errors from the JSON-LD / Data Integrity stack to typed IssueErrors. */
export function mapSigningError(err: unknown, cred: unknown): CredstackError {
  if (err instanceof CredstackError) return err;
  const e = err as { name?: string; message?: string; details?: any; cause?: any };
  const ev = e?.details?.event;
  if (e?.name === 'jsonld.ValidationError' && ev) {
    const property: string | undefined = ev.details?.property;
    if (property !== undefined) {
      const paths = findKeyPaths(cred, property);
      return new IssueError(
        'ERR_UNDEFINED_TERM',
        `property "${property}"${paths.length ? ` (at ${paths.join(', ')})` : ''} is not defined by any @context, so it would not be signed ` +
          `(JSON-LD safe mode). Fix: use a term the VC 2.0 / OB 3.0 / credstack contexts define, or add a context that defines it ` +
          `(pass its document in options.documents).`,
        { cause: err, details: { property, paths, jsonldCode: ev.code } },
      );
    }
    return new IssueError('ERR_JSONLD_INVALID', `JSON-LD safe mode rejected the credential: ${ev.message ?? e.message} (${JSON.stringify(ev.details ?? {}).slice(0, 200)})`, {
      cause: err,
      details: { jsonldCode: ev.code, event: ev.details },
    });
  }
  const url = e?.details?.url ?? e?.cause?.details?.url;
  if (e?.name === 'jsonld.InvalidUrl' || /loading document failed/i.test(e?.message ?? '')) {
    const cause = e?.details?.cause ?? e?.cause;
    if (cause instanceof CredstackError) return cause;
    return new IssueError('ERR_CONTEXT_UNKNOWN', `cannot load ${url ?? 'a context'}: pass it in options.documents`, { cause: err, details: { url } });
  }
  if (e?.name?.startsWith?.('jsonld.')) {
    return new IssueError('ERR_JSONLD_INVALID', `invalid JSON-LD: ${e.message}`, { cause: err, details: { jsonldCode: e.details?.code } });
  }
  return new IssueError('ERR_ISSUE_FAILED', `signing failed: ${e?.message ?? String(err)}`, { cause: err });
}

/**
 * Sign a credential: returns a copy with a `DataIntegrityProof` (cryptosuite `eddsa-rdfc-2022`, or `eddsa-jcs-2022`
 * with `format: 'eddsa-jcs-2022'`) made with `key`, or, with `format: 'vc-jwt'`, a compact VC-JWT string. The input
 * is not modified.
 *
 * Refuses (with {@link IssueError}) a credential whose issuer is not the key's controller (`ERR_ISSUER_MISMATCH`),
 * that uses a property no context defines (`ERR_UNDEFINED_TERM`, naming the property and its path), that lacks
 * required fields or fails our JSON Schema (`ERR_SCHEMA_INVALID`, listing each JSON path), or that breaks the VC 2.0
 * structure (see {@link structureProblems}: `ERR_TYPE_MISSING`, `ERR_CREDENTIAL_SCHEMA_ID`, `ERR_RELATED_RESOURCE_NO_ID`,
 * `ERR_RELATED_RESOURCE_DUPLICATE_ID`, `ERR_RELATED_RESOURCE_NO_DIGEST`; `ERR_RELATED_RESOURCE_DIGEST_MISMATCH` when
 * the resource is in `documents` as text and its digest differs).
 * @example
 * ```ts
 * const key = await generateKeyPair();
 * const signed = await issueCredential({
 *   '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
 *   id: 'urn:uuid:5d1e…', type: ['VerifiableCredential', 'OpenBadgeCredential'],
 *   issuer: { id: key.controller, type: ['Profile'], name: 'University of Example' },
 *   name: 'Data literacy',
 *   credentialSubject: { type: ['AchievementSubject'], id: 'did:example:learner', achievement: { … } },
 * }, { key });
 * ```
 */
export async function issueCredential(credential: object, options: IssueOptions & { format: 'vc-jwt' }): Promise<string>;
export async function issueCredential(credential: object, options: IssueOptions & { format?: Exclude<IssueFormat, 'vc-jwt'> }): Promise<Record<string, any>>;
export async function issueCredential(credential: object, options: IssueOptions): Promise<Record<string, any> | string>;
export async function issueCredential(credential: object, options: IssueOptions): Promise<Record<string, any> | string> {
  if (!options || typeof options !== 'object') throw new InvalidInputError('options with a key or signer are required');
  const now = toDate(options.now);
  if (!now) throw new InvalidInputError('options.now is not a valid date');
  const format = options.format ?? 'default';
  if (format !== 'default' && !FORMATS.includes(format)) {
    throw new InvalidInputError(`unknown format ${typeof format === 'string' ? (format as string).slice(0, 50) : typeof format}: use ${FORMATS.map((f) => `'${f}'`).join(', ')}`, { code: 'ERR_UNSUPPORTED_FORMAT' });
  }
  const id = resolveSigning(options);
  const fmt = format === 'default' ? defaultFormat(id.algorithm) : format;
  const ecdsa = id.algorithm === 'P-256' || id.algorithm === 'P-384';
  if (fmt !== 'vc-jwt') {
    const fits = fmt.startsWith('ecdsa-') ? ecdsa : id.algorithm === 'Ed25519';
    if (!fits) {
      if (id.algorithm === 'RS256') throw new KeyError('ERR_KEY_UNSUPPORTED', 'RSA keys sign VC-JWTs only: pass format: \'vc-jwt\', or use an Ed25519 key');
      throw new KeyError('ERR_KEY_UNSUPPORTED', `format ${fmt} needs ${fmt.startsWith('ecdsa-') ? 'a P-256 or P-384' : 'an Ed25519'} key; ${id.id} is ${id.algorithm}`);
    }
  }
  const cred = prepareCredential(credential, id, now, options.skipSchema, options.extension);
  // a relatedResource whose document the caller handed in must match its digest
  const mismatch = checkStructure(cred, options.documents).find((c) => c.status === 'failed');
  if (mismatch) throw new IssueError(mismatch.code!, mismatch.message, { details: { path: mismatch.target } });
  const documentLoader = createDocumentLoader({ documents: options.documents });
  if (fmt === 'vc-jwt') {
    const { signJwtCredential } = await import('./proofs/jwt.js');
    // the JSON-LD check still runs so that a VC-JWT carries only defined terms
    await checkJsonLd(cred, documentLoader);
    return signJwtCredential(cred, { signer: id.signer, now, signerTimeoutMs: options.signerTimeoutMs });
  }
  // JCS signs the JSON, not RDF: the safe-mode check still runs, so every property is defined by a context
  if (fmt === 'eddsa-jcs-2022' || fmt === 'ecdsa-jcs-2019') await checkJsonLd(cred, documentLoader);
  const call = options.signerTimeoutMs !== undefined ? { timeoutMs: options.signerTimeoutMs } : undefined;
  const date = isoSeconds(now);
  try {
    if (fmt === 'eddsa-rdfc-2022') {
      // the proof layer (src/proofs/sign-proof.ts): the checks vc.issue runs, then the same proof jsonld-signatures makes
      vc._checkCredential({ credential: cred, now, mode: 'issue', maxClockSkew: 300 } as any);
      const signer = id.signer;
      return await signProof(cred, { sign: (data) => callSigner(signer, data, call), verificationMethod: signer.id, created: date, documentLoader });
    }
    // the suite is built only here: the eddsa-rdfc-2022 path above needs none
    const suite = fmt === 'ecdsa-rdfc-2019' || fmt === 'ecdsa-jcs-2019' ? createEcdsaSigningSuite(fmt, id.signer, date, call) : createDataIntegritySigningSuite(fmt, id.signer, date, call);
    return await vc.issue({ credential: cred, suite, documentLoader, now });
  } catch (err) {
    throw mapSigningError(err, cred);
  }
}

const FORMATS: readonly IssueFormat[] = ['eddsa-rdfc-2022', 'eddsa-jcs-2022', 'ecdsa-rdfc-2019', 'ecdsa-jcs-2019', 'vc-jwt'];

/** @internal Expand in safe mode: every term must be defined. */
export async function checkJsonLd(cred: unknown, documentLoader: ReturnType<typeof createDocumentLoader>): Promise<void> {
  const { default: jsonld } = await import('jsonld');
  try {
    await jsonld.expand(cred, { documentLoader, safe: true });
  } catch (err) {
    throw mapSigningError(err, cred);
  }
}

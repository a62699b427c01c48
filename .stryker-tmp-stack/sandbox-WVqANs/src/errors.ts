/**
 * Every error credstack throws is a {@link CredstackError} with a stable, machine-readable `code`.
 * Catch the class, switch on `code`; messages are for humans and may change.
 *
 * Verification never throws on untrusted input: it reports failed checks with these same codes instead.
 *
 * @example
 * ```ts
 * import { issueCredential, CredstackError } from 'credstack';
 * try {
 *   await issueCredential(credential, { key });
 * } catch (err) {
 *   if (err instanceof CredstackError && err.code === 'ERR_UNDEFINED_TERM') console.error(err.message);
 * }
 * ```
 */
// @ts-nocheck

export class CredstackError extends Error {
  /** Stable error code, e.g. `ERR_UNDEFINED_TERM`. */
  readonly code: string;
  /** Optional structured details (property names, JSON paths, URLs…). Never contains secret keys. */
  readonly details?: Record<string, unknown>;

  constructor(code: string, message: string, options?: { cause?: unknown; details?: Record<string, unknown> }) {
    super(message, options?.cause !== undefined ? { cause: options.cause } : undefined);
    this.name = new.target.name;
    this.code = code;
    if (options?.details) this.details = options.details;
  }
}

/**
 * The caller passed something malformed (wrong type, missing field, bad length).
 * @example
 * ```ts
 * await generateKeyPair({ seed: new Uint8Array(3) }); // throws InvalidInputError, code ERR_INVALID_INPUT
 * ```
 */
export class InvalidInputError extends CredstackError {
  constructor(message: string, options?: { cause?: unknown; details?: Record<string, unknown>; code?: string }) {
    super(options?.code ?? 'ERR_INVALID_INPUT', message, options);
  }
}

/**
 * A key is malformed, of the wrong type, or lacks the secret part needed to sign.
 * @example
 * ```ts
 * importKeyPair({ type: 'Multikey', publicKeyMultibase: 'zBad' }); // throws KeyError, code ERR_KEY_INVALID
 * ```
 */
export class KeyError extends CredstackError {
  constructor(code: 'ERR_KEY_INVALID' | 'ERR_KEY_NO_SECRET' | 'ERR_KEY_UNSUPPORTED', message: string, options?: { cause?: unknown; details?: Record<string, unknown> }) {
    super(code, message, options);
  }
}

/**
 * The offline document loader was asked for a URL it does not hold (and no `fetch` was given), or `fetch` failed
 * (`ERR_DOCUMENT_LIMIT`: one verification asked for more distinct documents than `maxDocuments`).
 * `details.url` names the URL.
 * @example
 * ```ts
 * const loader = createDocumentLoader();
 * await loader('https://example.org/unknown-context'); // throws DocumentLoaderError, code ERR_DOCUMENT_NOT_FOUND
 * ```
 */
export class DocumentLoaderError extends CredstackError {
  constructor(code: 'ERR_DOCUMENT_NOT_FOUND' | 'ERR_DOCUMENT_FETCH_FAILED' | 'ERR_DOCUMENT_INVALID' | 'ERR_DOCUMENT_URL_REFUSED' | 'ERR_DOCUMENT_LIMIT', message: string, options?: { cause?: unknown; details?: Record<string, unknown> }) {
    super(code, message, options);
  }
}

/**
 * Issuing refused the credential: undefined JSON-LD term, issuer ≠ key controller, missing required fields, schema failure.
 * `details` says which property or path and how to fix it.
 * @example
 * ```ts
 * try { await issueCredential({ ...cred, myField: 1 }, { key }); }
 * catch (e) { if (e instanceof IssueError) console.log(e.code); } // ERR_UNDEFINED_TERM
 * ```
 */
export class IssueError extends CredstackError {}

/**
 * A JSON Schema validation failed. `details.errors` lists `{ path, message }` entries.
 * @example
 * ```ts
 * try { assertValid('achievement', {}); } catch (e) { if (e instanceof SchemaError) console.log(e.details?.errors); }
 * ```
 */
export class SchemaError extends CredstackError {}

/**
 * A status list operation failed (index exhausted, malformed list, decompressed size exceeded).
 * @example
 * ```ts
 * try { decodeBitstring('not-multibase'); } catch (e) { if (e instanceof StatusListError) console.log(e.code); }
 * ```
 */
export class StatusListError extends CredstackError {}

/**
 * Baking or extracting a credential in/out of a PNG or SVG badge image failed.
 * @example
 * ```ts
 * try { extractPng(bytes); } catch (e) { if (e instanceof BakingError) console.log(e.code); } // e.g. ERR_PNG_BAD_CRC
 * ```
 */
export class BakingError extends CredstackError {}

/**
 * A portfolio (CLR 2.0 / Verifiable Presentation) could not be built or taken apart.
 * @example
 * ```ts
 * try { unbundle({}); } catch (e) { if (e instanceof PortfolioError) console.log(e.code); }
 * ```
 */
export class PortfolioError extends CredstackError {}

/**
 * A stacking rule is malformed, or a stacked credential could not be issued.
 * @example
 * ```ts
 * try { parseStackingRule({ kind: 'nope' }); } catch (e) { if (e instanceof StackingError) console.log(e.code); }
 * ```
 */
export class StackingError extends CredstackError {}

/**
 * A Europass (European Learning Model) document that cannot be read, mapped or signed, e.g. `ERR_ELM_INPUT`,
 * `ERR_ELM_JSONLD`, `ERR_JADES_CERTIFICATE`.
 * @example
 * ```ts
 * try { await fromElm('not json'); } catch (e) { if (e instanceof EuropassError) console.log(e.code); } // ERR_ELM_INPUT
 * ```
 */
export class EuropassError extends CredstackError {}

/**
 * An external {@link Signer} failed: it threw (`ERR_SIGNER_FAILED`), did not answer in time (`ERR_SIGNER_TIMEOUT`),
 * returned something that is not a signature of its algorithm (`ERR_SIGNER_BAD_SIGNATURE`), is not a signer at all
 * (`ERR_SIGNER_INVALID`) or signs with an algorithm the proof format cannot use (`ERR_SIGNER_ALGORITHM`).
 * `details.signerId` names the signer (its verification method id), `details.transient` says whether a retry may help.
 * Never carries key material: the signer's own error is kept as `cause` (it came from the caller's code) but its
 * message is not copied into this error's message.
 * @example
 * ```ts
 * try { await issueCredential(cred, { signer }); }
 * catch (e) { if (e instanceof SignerError && e.details?.transient) console.log('retry later', e.details.signerId); }
 * ```
 */
export class SignerError extends CredstackError {
  constructor(
    code: 'ERR_SIGNER_FAILED' | 'ERR_SIGNER_TIMEOUT' | 'ERR_SIGNER_BAD_SIGNATURE' | 'ERR_SIGNER_INVALID' | 'ERR_SIGNER_ALGORITHM',
    message: string,
    options: { cause?: unknown; signerId: string; algorithm?: string; transient: boolean },
  ) {
    super(code, message, { cause: options.cause, details: { signerId: options.signerId, algorithm: options.algorithm, transient: options.transient } });
  }
}

// @ts-nocheck
import type { DocumentLoader, Fetcher } from '../jsonld/loader.js';
import type { StatusIssuerPolicy } from '../status/check.js';
import type { HostResolver } from '../jsonld/url-guard.js';
import type { VerifyLimits } from './bounds.js';
import type { RegistryTrust } from '../network/types.js';

/**
 * Options of {@link verifyCredential}.
 * @example
 * ```ts
 * const opts: VerifyOptions = { now: '2026-11-23T00:00:00Z', documents: { 'did:web:uni.example': didDoc }, trustedIssuers: ['did:web:uni.example'] };
 * ```
 */
export interface VerifyOptions {
  /** Pin the clock (dates, expiry, status list validity). Default: the wall clock. */
  now?: Date | string;
  /** Offline copies by URL or DID: DID documents, status list credentials, extra contexts. */
  documents?: Record<string, unknown> | Map<string, unknown>;
  /** The only way to reach the network. Absent = offline. */
  fetch?: Fetcher;
  /** Let `fetch` reach non-https / internal-address URLs (default false; see createDocumentLoader). */
  allowUnsafeUrls?: boolean;
  /** Resolve host names before every fetch and refuse internal addresses (see DocumentLoaderOptions.resolve). */
  resolve?: HostResolver;
  /** If given, the issuer must be one of these ids. */
  trustedIssuers?: string[];
  /**
   * Signed network registries you rely on, each with the coordinator you trust to sign it: the issuer must then be a
   * member in good standing on the credential's `validFrom` (an extra `issuer` check names the network and the member).
   */
  registries?: RegistryTrust[];
  /** Seconds of clock skew tolerated for validFrom/validUntil (default 0; a negative or non-finite value tolerates none). */
  maxClockSkew?: number;
  /**
   * Fail (instead of warn) when the credential does not match our OB 3.0 JSON Schema — and when the schema check could
   * not run at all (`ERR_SCHEMA_UNCHECKED`, e.g. the browser build's validator chunk did not load). Default false.
   */
  strictSchema?: boolean;
  /** Refuse inputs larger than this many bytes (default 5 MiB). */
  maxBytes?: number;
  /**
   * How `credentialStatus` (revocation, suspension) is treated. Revocation unknown is not verified unless you say so:
   * - `'check'` (default): every entry is checked. When the status cannot be determined — the status list is not in
   *   `documents` and cannot be fetched, or the status method is not supported — the `status` check **fails**
   *   (`ERR_STATUS_UNAVAILABLE`, `ERR_STATUS_UNSUPPORTED`), so `verified` is false.
   * - `'allow-unavailable'`: the same, but a status that cannot be determined is `skipped` (`SKIP_STATUS_UNAVAILABLE`, …)
   *   and the warning `W_STATUS_UNCHECKED` is added. A list that was obtained is still judged: revoked, tampered,
   *   unverifiable or expired lists fail as with `'check'`.
   * - `'skip'`: status is not checked (`SKIP_STATUS_DISABLED` + `W_STATUS_UNCHECKED`).
   */
  status?: StatusPolicy;
  /**
   * Whose status lists are accepted: `'any'` (default; the list the credential names by URL, a different issuer gives
   * `W_STATUS_LIST_ISSUER_DIFFERS`) or `'same'` (the list must be issued by the credential's issuer:
   * `ERR_STATUS_LIST_ISSUER_MISMATCH`).
   */
  statusIssuer?: StatusIssuerPolicy;
  /**
   * @deprecated Use `status: 'skip'` (for `checkStatus: false`) or `status: 'check'`. `false` means `status: 'skip'`;
   * ignored when `status` is given.
   */
  checkStatus?: boolean;
  /**
   * Bounds on the JSON-LD work of one document (objects, values, array length, scoped terms, quads): inputs past them
   * are refused (`ERR_INPUT_TOO_LARGE` / `ERR_INPUT_TOO_COMPLEX`) before any canonicalization. Default
   * {@link DEFAULT_VERIFY_LIMITS}.
   */
  limits?: Partial<VerifyLimits>;
  /**
   * At most this many distinct documents (DID / controller documents, status lists, extra contexts) are loaded from
   * `documents` or `fetch` per verified credential (default 64; bundled contexts and did:key do not count). Beyond it,
   * the load fails with `ERR_DOCUMENT_LIMIT`.
   */
  maxDocuments?: number;
  /** Verifying a presentation/portfolio: the expected challenge and domain. */
  challenge?: string;
  domain?: string;
}

/**
 * How {@link VerifyOptions}.`status` treats `credentialStatus`: `'check'` (default, fails closed), `'allow-unavailable'`
 * (a status that cannot be determined is skipped with a warning) or `'skip'` (not checked).
 * @example
 * ```ts
 * const policy: StatusPolicy = 'allow-unavailable';
 * await verifyCredential(badge, { status: policy }); // no list at hand: status skipped + W_STATUS_UNCHECKED
 * ```
 */
export type StatusPolicy = 'check' | 'allow-unavailable' | 'skip';

/** @internal The status policy in force: `status` wins; the deprecated `checkStatus: false` means `'skip'`. */
export function statusPolicyOf(opts: VerifyOptions): StatusPolicy {
  return opts.status ?? (opts.checkStatus === false ? 'skip' : 'check');
}

/** @internal What every check gets. */
export interface VerifyContext {
  now: Date;
  /** Loader of this credential: shared cache, bounded number of documents (see {@link VerifyOptions}.maxDocuments). */
  loader: DocumentLoader;
  opts: VerifyOptions;
  /** Recursion guard for nested verification (status list credentials, portfolios). */
  depth: number;
  /** A loader over the same cache with a fresh document budget (one per credential of a portfolio; `budget`: another size). */
  forkLoader: (budget?: number) => DocumentLoader;
  /** Status list credentials loaded and verified in this verification, by URL (shared with nested and inner credentials). */
  statusLists: Map<string, Promise<unknown>>;
  /** Set while verifying a status list credential: its own credentialStatus is not followed. */
  role?: 'status-list';
  /** RDF quads allowed per canonicalization (default: `opts.limits.maxQuads`; portfolio envelopes scale it). */
  maxQuads?: number;
  /**
   * Set by a presentation / portfolio for its credentials: each credential's expansion with its proofs, by credential
   * object, when exactly known (see compose.ts); the envelope's expansion is composed from them.
   */
  expansions?: Map<object, unknown[]>;
}

/** Defaults for input bounds. */
export const LIMITS = { maxBytes: 5 * 1024 * 1024, maxDepth: 64, maxNodes: 250_000, maxDocuments: 64 } as const;

import type { DocumentLoader, Fetcher } from '../jsonld/loader.js';
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
  /** If given, the issuer must be one of these ids. */
  trustedIssuers?: string[];
  /**
   * Signed network registries you rely on, each with the coordinator you trust to sign it: the issuer must then be a
   * member in good standing on the credential's `validFrom` (an extra `issuer` check names the network and the member).
   */
  registries?: RegistryTrust[];
  /** Seconds of clock skew tolerated for validFrom/validUntil (default 0). */
  maxClockSkew?: number;
  /** Fail (instead of warn) when the credential does not match our OB 3.0 JSON Schema. Default false. */
  strictSchema?: boolean;
  /** Refuse inputs larger than this many bytes (default 5 MiB). */
  maxBytes?: number;
  /** Check the credentialStatus (default true). */
  checkStatus?: boolean;
  /** Verifying a presentation/portfolio: the expected challenge and domain. */
  challenge?: string;
  domain?: string;
}

/** @internal What every check gets. */
export interface VerifyContext {
  now: Date;
  loader: DocumentLoader;
  opts: VerifyOptions;
  /** Recursion guard for nested verification (status list credentials, portfolios). */
  depth: number;
}

/** Defaults for input bounds. */
export const LIMITS = { maxBytes: 5 * 1024 * 1024, maxDepth: 64, maxNodes: 250_000 } as const;

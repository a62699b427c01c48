// @ts-nocheck
import type { LearnerRef } from '../model/learner.js';
import type { DocumentLoaderOptions } from '../jsonld/loader.js';
import type { KeyPair } from '../keys/keypair.js';
import type { Signer } from '../keys/signer.js';
import type { Check, VerificationReport } from '../verify/report.js';
import type { VerifyOptions } from '../verify/options.js';

/**
 * A signed credential as JSON (Open Badges 3.0 / VC 1.1 / VC 2.0, any proof type). Portfolios never change it.
 * @example
 * ```ts
 * const badge: PortfolioCredential = await issueCredential(achievementCredential, { key });
 * ```
 */
export type PortfolioCredential = Record<string, any>;

/**
 * A portfolio: a CLR 2.0 `ClrCredential` signed by an institution, or a W3C Verifiable Presentation signed by the learner.
 * @example
 * ```ts
 * const portfolio: Portfolio = await bundlePresentation([badgeA, badgeB], { holderKey, challenge: 'n-0S6_WzA2Mj' });
 * ```
 */
export type Portfolio = Record<string, any>;

/**
 * A CLR 2.0 `Association` between two achievements, by achievement id. (`type: 'Association'` is added for you.)
 * @example
 * ```ts
 * const a: AssociationInput = { associationType: 'isPartOf', sourceId: 'urn:uuid:module-1', targetId: 'urn:uuid:programme' };
 * ```
 */
export interface AssociationInput {
  /** One of exactMatchOf, isChildOf, isParentOf, isPartOf, isPeerOf, isRelatedTo, precedes, replacedBy. */
  associationType: 'exactMatchOf' | 'isChildOf' | 'isParentOf' | 'isPartOf' | 'isPeerOf' | 'isRelatedTo' | 'precedes' | 'replacedBy';
  /** Id of the source achievement. */
  sourceId: string;
  /** Id of the target achievement. */
  targetId: string;
}

/**
 * Options shared by both bundle formats.
 * @example
 * ```ts
 * const common: CommonBundleOptions = { now: '2026-09-01T09:00:00Z', id: 'urn:uuid:3b6f…' };
 * ```
 */
export interface CommonBundleOptions {
  /** Pin the clock: the proof's `created` (and the CLR's default `validFrom`). */
  now?: Date | string;
  /** Id of the portfolio (default: a fresh `urn:uuid:` for a CLR; none for a presentation). */
  id?: string;
  /** Extra offline documents (contexts, DID documents) needed to sign. */
  documents?: DocumentLoaderOptions['documents'];
  /** Bundle the same credential (same id or same proofValue) twice. Default false: refused with `ERR_DUPLICATE_CREDENTIAL`. */
  allowDuplicates?: boolean;
}

/**
 * Options of {@link bundleClr}.
 * @example
 * ```ts
 * const opts: ClrBundleOptions = {
 *   key: universityKey,
 *   issuer: { id: universityKey.controller, type: ['Profile'], name: 'University of Example' },
 *   learner: 'did:key:z6Mk…learner',
 *   associations: [{ associationType: 'isPartOf', sourceId: 'urn:uuid:m1', targetId: 'urn:uuid:prog' }],
 * };
 * ```
 */
export interface ClrBundleOptions extends CommonBundleOptions {
  /** The institution's signing key; its controller must be the CLR issuer. Give either `key` or `signer`. */
  key?: KeyPair;
  /** An external signer (KMS/HSM) instead of `key`; its controller (id before `#`) must be the CLR issuer. */
  signer?: Signer;
  /** The CLR issuer: an id or a `Profile` (default `{ id: key.controller, type: ['Profile'] }`). */
  issuer?: string | Record<string, any>;
  /**
   * The learner (`ClrSubject`): an id, or an object with `id` and/or `identifier`. Default: the `credentialSubject.id`
   * shared by every inner credential (if they do not agree, you must say who the learner is).
   */
  learner?: string | Record<string, any>;
  /** `name` of the ClrCredential (default "Comprehensive Learner Record"). */
  name?: string;
  /** `description` of the ClrCredential. */
  description?: string;
  /**
   * `ClrSubject.achievement`: achievements the CLR speaks about (e.g. a programme the modules are part of).
   * `'from-credentials'` copies the achievements of the inner credentials (deduplicated by id).
   */
  achievements?: Record<string, any>[] | 'from-credentials';
  /** Associations between achievements; every id must be an achievement of the CLR or of an inner credential. */
  associations?: AssociationInput[];
  /** `partial: true` says the CLR is a subset of the learner's full record. */
  partial?: boolean;
  /** `validFrom` (default `now`) and optional `validUntil`. */
  validFrom?: string;
  validUntil?: string;
  /** Skip the JSON Schema check of issueCredential (not recommended). */
  skipSchema?: boolean;
  /** How credstack's context is named when the envelope uses its terms (see IssueOptions.extension; default 'inline'). */
  extension?: 'url' | 'inline' | 'none';
}

/**
 * Options of {@link bundlePresentation}.
 * @example
 * ```ts
 * const opts: PresentationBundleOptions = { holderKey: learnerKey, challenge: 'c0ffee-42', domain: 'jobs.employer.example' };
 * ```
 */
export interface PresentationBundleOptions extends CommonBundleOptions {
  /** The learner's (holder's) key; `holder` is set to its controller. Give either `holderKey` or `holderSigner`. */
  holderKey?: KeyPair;
  /** An external signer (a wallet's secure element, a KMS) instead of `holderKey`; `holder` = its id before `#`. */
  holderSigner?: Signer;
  /** The verifier's nonce (replay protection); strongly recommended when the verifier sent one. */
  challenge?: string;
  /** The verifier's domain the presentation is meant for. */
  domain?: string;
}

/**
 * Which credentials {@link selectCredentials} and {@link recombine} keep. Every criterion given must match (AND);
 * inside one criterion any listed value matches (OR).
 * @example
 * ```ts
 * const f: CredentialFilter = { issuers: ['did:web:uni.example'], skills: ['https://esco.ec.europa.eu/…/skill/abc'], from: '2026-01-01T00:00:00Z' };
 * ```
 */
export interface CredentialFilter {
  /** Credential ids. */
  ids?: string[];
  /** Issuer ids (`issuer` or `issuer.id`). */
  issuers?: string[];
  /** Achievement ids (`credentialSubject.achievement.id`). */
  achievementIds?: string[];
  /** Credential types (e.g. `OpenBadgeCredential`). */
  types?: string[];
  /**
   * Skills: matched against the achievement's `alignment[]` (`targetUrl`, `targetCode`, `targetName`, case-insensitive)
   * and its `tag[]`.
   */
  skills?: string[];
  /** Issued on or after (by `awardedDate`, else `validFrom`, else `issuanceDate`). */
  from?: Date | string;
  /** Issued on or before. */
  until?: Date | string;
  /** Anything else. */
  predicate?: (credential: PortfolioCredential, index: number) => boolean;
}

/**
 * Options of {@link recombine}: the bundle options of the target format. The format is `options.format`, or
 * inferred (`holderKey` → presentation, `key` → CLR).
 * @example
 * ```ts
 * const opts: RecombineOptions = { format: 'presentation', holderKey: learnerKey, challenge: 'abc', domain: 'employer.example' };
 * ```
 */
export type RecombineOptions = ({ format: 'clr' } & ClrBundleOptions) | ({ format: 'presentation' } & PresentationBundleOptions) | ClrBundleOptions | PresentationBundleOptions;

/**
 * Options of {@link verifyPortfolio}: those of `verifyCredential` plus the expected `challenge` and `domain`
 * (checked for presentations). `trustedIssuers` applies to every inner credential and to a CLR's issuer.
 * @example
 * ```ts
 * const opts: PortfolioVerifyOptions = { now: '2026-11-23T00:00:00Z', challenge: 'c0ffee-42', domain: 'jobs.employer.example' };
 * ```
 */
export type PortfolioVerifyOptions = VerifyOptions & {
  /** Refuse portfolios with more inner credentials than this (each costs a full verification; default 1,000). */
  maxCredentials?: number;
  /**
   * The learner the portfolio must be about (a DID, an email or a student id; hashed identifiers are matched with each
   * credential's own salt): an inner credential of anyone else fails (`ERR_OTHER_LEARNER`).
   */
  learner?: LearnerRef;
};

/**
 * A credential of the portfolio that did not verify, and why.
 * @example
 * ```ts
 * { index: 2, id: 'urn:uuid:…', reasons: [{ id: 'proof', status: 'failed', code: 'ERR_PROOF_INVALID_SIGNATURE', message: '…' }] }
 * ```
 */
export interface PortfolioFailure {
  index: number;
  id?: string;
  /** The failed checks of that credential's report. */
  reasons: Check[];
}

/**
 * Credentials found more than once (same `id`, or same `proofValue`).
 * `identical: false` means same id but different content: the later copies fail with `ERR_DUPLICATE_CONFLICT`.
 * @example
 * ```ts
 * { code: 'W_DUPLICATE_CREDENTIAL', by: 'id', key: 'urn:uuid:…', indexes: [0, 3], identical: true }
 * ```
 */
export interface PortfolioDuplicate {
  code: 'W_DUPLICATE_CREDENTIAL' | 'ERR_DUPLICATE_CONFLICT';
  by: 'id' | 'proofValue';
  /** The shared id or proofValue. */
  key: string;
  indexes: number[];
  identical: boolean;
}

/**
 * What {@link verifyPortfolio} returns: a tree of reports (the envelope, then one per inner credential) and a summary.
 * `verified` is true only if the envelope verified **and** every inner credential verified (and there is at least one).
 * @example
 * ```ts
 * const r = await verifyPortfolio(vp, { now, challenge, domain });
 * r.summary; // { total: 3, verified: 2, failed: [{ index: 1, id: 'urn:uuid:…', reasons: [ … ] }], duplicates: [] }
 * ```
 */
export interface PortfolioReport {
  verified: boolean;
  /** What the input is: a CLR 2.0 credential, a Verifiable Presentation, or neither. */
  kind: 'clr' | 'presentation' | 'unknown';
  /** The envelope (CLR credential or presentation): proof, holder/issuer, challenge, domain, structure. */
  envelope: VerificationReport;
  /** One report per inner credential, in order (same index as {@link unbundle}). */
  credentials: VerificationReport[];
  summary: {
    total: number;
    verified: number;
    failed: PortfolioFailure[];
    duplicates: PortfolioDuplicate[];
  };
}

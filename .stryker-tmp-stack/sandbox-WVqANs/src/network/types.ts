// @ts-nocheck
import type { CredentialMatch } from '../stacking/types.js';

/** URL of credstack's network-registry JSON-LD context (bundled; registries embed it inline by default). @example `NETWORK_CONTEXT` */
export const NETWORK_CONTEXT = 'https://w3id.org/credstack/network/v1';

/**
 * A member institution of a network, as listed in a signed registry.
 * @example
 * ```ts
 * const m: NetworkMember = { id: 'did:web:du.example', legalName: { en: 'University of Dhaka (example)', bn: 'ঢাকা বিশ্ববিদ্যালয়' },
 *   country: 'BD', accreditedBy: 'BAC Bangladesh', memberFrom: '2025-01-01T00:00:00Z', membershipStatus: 'active' };
 * ```
 */
export interface NetworkMember {
  /** The member's primary DID (the issuer id of its credentials). */
  id: string;
  /** Further DIDs of the same institution (e.g. during key or DID migration). */
  memberDid?: string[];
  /** Legal name, by language (BCP 47). */
  legalName: Record<string, string>;
  /** ISO 3166-1 alpha-2 country code. */
  country: string;
  /** Quality-assurance body / accreditation, in words (e.g. "NAAC (India), grade A"). */
  accreditedBy?: string;
  accreditationUrl?: string;
  /** Membership validity. */
  memberFrom: string;
  memberUntil?: string;
  membershipStatus: 'active' | 'suspended';
  /** When the status last changed, and why (for suspensions). */
  statusDate?: string;
  statusReason?: string;
}

/**
 * What one member recognises of which other members' credentials, and for what. `match` is the stacking-rule model's
 * {@link CredentialMatch} (achievement ids / types, issuers, skills, minimum level, results, age); mapped to a CTDL
 * `ConditionProfile` by `agreementToCtdl`.
 * @example
 * ```ts
 * const a: RecognitionAgreement = { id: 'https://net.example/agreements/1', recognizer: 'did:web:vnu.example',
 *   purpose: 'credit', towards: 'https://vnu.example/programmes/msc-ds', towardsName: 'MSc Data Science',
 *   match: { issuers: ['did:web:du.example'], minLevel: { framework: 'EQF', level: 6 } }, recognizedCredits: { value: 5, unit: 'ECTS' } };
 * ```
 */
export interface RecognitionAgreement {
  id: string;
  /** The member that recognises. */
  recognizer: string;
  /** Access to a programme, credit towards a named qualification, or exemption. */
  purpose: 'access' | 'credit' | 'exemption';
  /** The programme / qualification the recognition is towards (URL) and its name. */
  towards?: string;
  towardsName?: string;
  /** Which credentials are recognised (issuers should name members). */
  match: CredentialMatch;
  /** Credits granted (for `credit`), in the recognizer's unit. */
  recognizedCredits?: { value: number; unit: string };
  agreementFrom?: string;
  agreementUntil?: string;
}

/**
 * The content of a network registry credential (its `credentialSubject`), as read through its JSON-LD meaning.
 * @example
 * ```ts
 * const r: NetworkRegistry = readRegistry(registryCredential).registry;
 * r.member.map((m) => m.legalName.en);
 * ```
 */
export interface NetworkRegistry {
  /** The network's id (a URL). */
  id: string;
  networkName: Record<string, string>;
  registryVersion: number;
  /** The registry version this one replaces, by id and digest. */
  previousVersion?: { id: string; digestMultibase?: string };
  member: NetworkMember[];
  recognitionAgreement: RecognitionAgreement[];
}

/**
 * A registry a verifier relies on, with the coordinator it trusts to sign it (the network's key): a registry signed by
 * anyone else is refused.
 * @example `const t: RegistryTrust = { registry: registryCredential, coordinator: 'did:web:coordinator.example' };`
 */
export interface RegistryTrust {
  registry: unknown;
  coordinator: string;
}

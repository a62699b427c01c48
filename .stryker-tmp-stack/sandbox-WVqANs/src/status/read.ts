// @ts-nocheck
import { asArray, idOf } from '../util/json.js';

/**
 * @internal Reading status-related values out of a credential, one of its `credentialStatus` entries, or a status list
 * credential. Only this file looks at the JSON: the semantics in check.ts work on these already-read values, so the
 * reading can move to a view derived from the signed RDF without touching the semantics.
 */

type Rec = Record<string, any>;

/** @internal The values of one `credentialStatus` entry the status semantics use (unvalidated: the semantics judge them). */
export interface StatusEntryFields {
  /** The entry's `id` (a URL for a 1EdTechRevocationList entry). */
  id: unknown;
  /** The entry's type names (strings only). */
  types: string[];
  /** The raw `type` value, for messages. */
  rawType: unknown;
  purpose: unknown;
  index: unknown;
  listUrl: unknown;
  /** `statusSize`; undefined when absent (then 1). */
  size: unknown;
  messages: unknown;
}

/** @internal What the status semantics need of the credential itself. */
export interface StatusCredentialFields {
  issuer: string | undefined;
  id: unknown;
}

/** @internal The values of a (Bitstring / StatusList2021) status list credential the semantics use. */
export interface StatusListFields {
  id: unknown;
  types: string[];
  issuer: string | undefined;
  validFrom: unknown;
  validUntil: unknown;
  /** Whether `credentialSubject` is one object; the fields below are read from it. */
  subjectIsObject: boolean;
  subjectTypes: string[];
  purposes: string[];
  encodedList: unknown;
}

/** @internal 1EdTech Revocation List Status Method 1.0 (an unsigned JSON document). */
export interface RevocationListFields {
  /** Whether the document names an issuer, and which (undefined when it is not a string or an object with an id). */
  issuerPresent: boolean;
  issuer: string | undefined;
  /** The `revokedCredentials` array, or undefined when there is none. */
  revoked: unknown[] | undefined;
}

const strings = (v: unknown): string[] => asArray(v).filter((x): x is string => typeof x === 'string');

/** @internal The credential's `credentialStatus` entries (possibly not objects). */
export function readStatusEntries(cred: Rec): unknown[] {
  return asArray(cred?.credentialStatus);
}

/** @internal The fields of one entry object. */
export function readStatusEntry(entry: Rec): StatusEntryFields {
  return {
    id: entry.id,
    types: strings(entry.type),
    rawType: entry.type,
    purpose: entry.statusPurpose,
    index: entry.statusListIndex,
    listUrl: entry.statusListCredential,
    size: entry.statusSize,
    messages: entry.statusMessage,
  };
}

/** @internal The issuer and id of the credential whose status is checked. */
export function readStatusCredential(cred: Rec): StatusCredentialFields {
  return { issuer: idOf(cred?.issuer), id: cred?.id };
}

/** @internal The fields of a status list credential (as returned by the nested verification). */
export function readStatusList(list: Rec): StatusListFields {
  const subject = list.credentialSubject;
  const subjectIsObject = !!subject && typeof subject === 'object' && !Array.isArray(subject);
  return {
    id: list.id,
    types: strings(list.type),
    issuer: idOf(list.issuer),
    validFrom: list.validFrom ?? list.issuanceDate,
    validUntil: list.validUntil ?? list.expirationDate,
    subjectIsObject,
    subjectTypes: subjectIsObject ? strings(subject.type) : [],
    purposes: subjectIsObject ? strings(subject.statusPurpose) : [],
    encodedList: subjectIsObject ? subject.encodedList : undefined,
  };
}

/** @internal The fields of a 1EdTech revocation list document. */
export function readRevocationList(doc: unknown): RevocationListFields {
  const d = (doc && typeof doc === 'object' && !Array.isArray(doc) ? doc : {}) as Rec;
  return { issuerPresent: d.issuer !== undefined, issuer: idOf(d.issuer), revoked: Array.isArray(d.revokedCredentials) ? d.revokedCredentials : undefined };
}

/** @internal The entry of `revoked` naming credential `id`, with its reason (a string or undefined). */
export function findRevoked(revoked: unknown[], id: string): { reason: unknown } | undefined {
  const hit = revoked.find((r) => idOf(r) === id) as Rec | undefined;
  return hit === undefined ? undefined : { reason: hit && typeof hit === 'object' ? hit.revocationReason : undefined };
}

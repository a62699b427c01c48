/**
 * Smallest number of entries a Bitstring Status List may have (W3C Bitstring Status List v1.0 §3.2:
 * 131,072 bits = 16 KiB, for herd privacy). Lists credstack creates are at least this long; shorter lists from others
 * verify with the warning `W_STATUS_LIST_SHORT`.
 * @example
 * ```ts
 * createStatusList({ id, issuer, purpose: 'revocation', length: MIN_STATUS_LIST_LENGTH * 2 });
 * ```
 */
// @ts-nocheck

export const MIN_STATUS_LIST_LENGTH = 131_072;

/**
 * Bounds used when reading untrusted status lists. `maxDecodedBytes` caps the decompressed bitstring (gzip-bomb guard):
 * 16 MiB = 134,217,728 one-bit entries, 1,024 times the spec minimum. It is also the largest list {@link createStatusList} makes.
 * @example
 * ```ts
 * decodeBitstring(encodedList, { maxBytes: STATUS_LIST_LIMITS.maxDecodedBytes });
 * ```
 */
export const STATUS_LIST_LIMITS = {
  maxDecodedBytes: 16 * 1024 * 1024,
  /** A credential with more credentialStatus entries than this fails (bounds verification time). */
  maxEntriesPerCredential: 16,
  /** Largest statusSize (bits per entry) read. */
  maxStatusSize: 8,
} as const;

/**
 * What a status list's bits mean. credstack creates `revocation` (permanent) and `suspension` (reversible) lists;
 * the verifier also reads `refresh` and `message` lists made by others.
 * @example
 * ```ts
 * const purpose: StatusPurpose = 'suspension';
 * ```
 */
export type StatusPurpose = 'revocation' | 'suspension';

/**
 * The issuer-side state of one status list: plain JSON, store it wherever you like (file, database row, KV store) and
 * hand it back to the functions of this module. Functions never mutate it; they return a new state.
 *
 * Allocation hands out `allocation.next` → a keyed pseudo-random permutation of `[0, length)`, so indexes come in a
 * random-looking order (spec §6: herd privacy) and never repeat as long as `next` only grows. Keep `allocation.key`
 * private (it reveals the issuance order); it is never published.
 * @example
 * ```ts
 * const state: StatusListState = createStatusList({ id: 'https://uni.example/status/1', issuer: key.controller, purpose: 'revocation' });
 * await fs.writeFile('status-1.json', JSON.stringify(state));
 * ```
 */
export interface StatusListState {
  /** Format marker of this object. */
  format: 'credstack-status-list/v1';
  /** URL of the status list credential (what `statusListCredential` points to). */
  id: string;
  /** Issuer (DID) of the list credential; must be the controller of the key that signs it. */
  issuer: string;
  purpose: StatusPurpose;
  /** Number of entries (bits). At least {@link MIN_STATUS_LIST_LENGTH}. */
  length: number;
  /** The bits: multibase `u` + base64url(gzip(bitstring)), exactly what the list credential publishes. */
  encodedList: string;
  allocation: {
    /** `random` (default): keyed permutation; `sequential`: 0, 1, 2, … */
    order: 'random' | 'sequential';
    /** Hex key of the permutation (32 bytes). Not a signing key, but keep it private. */
    key: string;
    /** How many indexes were handed out so far. */
    next: number;
  };
  /** Incremented by every change (allocation, revoke, suspend, reinstate). */
  revision: number;
}

/**
 * A `credentialStatus` entry of type `BitstringStatusListEntry` (W3C Bitstring Status List v1.0 §2.1).
 * @example
 * ```ts
 * const entry: BitstringStatusListEntry = {
 *   id: 'https://uni.example/status/1#94567', type: 'BitstringStatusListEntry', statusPurpose: 'revocation',
 *   statusListIndex: '94567', statusListCredential: 'https://uni.example/status/1',
 * };
 * ```
 */
export interface BitstringStatusListEntry {
  id?: string;
  type: 'BitstringStatusListEntry';
  statusPurpose: string;
  /** Base-10 integer as a string. */
  statusListIndex: string;
  statusListCredential: string;
  statusSize?: number;
  statusMessage?: Array<{ status: string; message: string }>;
  statusReference?: string | string[];
}

/**
 * An (unsigned or signed) `BitstringStatusListCredential` (W3C Bitstring Status List v1.0 §2.2).
 * @example
 * ```ts
 * const list: BitstringStatusListCredential = await signStatusList(state, { key });
 * list.credentialSubject.encodedList; // 'uH4sI…'
 * ```
 */
export interface BitstringStatusListCredential {
  '@context': string[];
  id: string;
  type: ['VerifiableCredential', 'BitstringStatusListCredential'] | string[];
  issuer: string;
  validFrom?: string;
  validUntil?: string;
  credentialSubject: {
    id: string;
    type: 'BitstringStatusList';
    statusPurpose: string;
    encodedList: string;
    ttl?: number;
  };
  proof?: Record<string, unknown> | Array<Record<string, unknown>>;
  [k: string]: unknown;
}

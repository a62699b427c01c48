// @ts-nocheck
import { InvalidInputError } from '../errors.js';
import { issueCredential } from '../issue.js';
import { VC_V2_CONTEXT } from '../jsonld/contexts.js';
import type { KeyPair } from '../keys/keypair.js';
import type { Signer } from '../keys/signer.js';
import { isDateTimeStamp, isoSeconds, toDate } from '../util/json.js';
import { assertState, readBits } from './state.js';
import type { BitstringStatusListCredential, StatusListState } from './types.js';

/**
 * Options of {@link signStatusList}.
 * @example
 * ```ts
 * const opts: SignStatusListOptions = { key, now: '2026-09-01T00:00:00Z', validUntil: '2026-09-08T00:00:00Z' };
 * ```
 */
export interface SignStatusListOptions {
  /** Signing key; its controller must be the list's `issuer`. Give either `key` or `signer`. */
  key?: KeyPair;
  /** An external signer (KMS/HSM) instead of `key`; its controller (id before `#`) must be the list's `issuer`. */
  signer?: Signer;
  /** Give up on a signer that has not answered after this many milliseconds (default 30 000). */
  signerTimeoutMs?: number;
  /** Pin the clock: proof `created` and default `validFrom`. */
  now?: Date | string;
  /** Start of validity (default: `now`). */
  validFrom?: Date | string;
  /** End of validity: verifiers refuse the list after it (re-sign before then). Recommended. */
  validUntil?: Date | string;
  /** Suggested refresh interval for verifiers' caches, in milliseconds (`credentialSubject.ttl`). */
  ttl?: number;
  /**
   * Same securing mechanism as your credentials (spec §3.6): an embedded Data Integrity proof (default: eddsa-rdfc-2022
   * for Ed25519 keys, ecdsa-rdfc-2019 for P-256) or VC-JWT.
   */
  format?: 'eddsa-rdfc-2022' | 'ecdsa-rdfc-2019' | 'vc-jwt';
}

function date(v: Date | string | undefined, name: string): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'string') {
    if (!isDateTimeStamp(v)) throw new InvalidInputError(`${name} must be a date-time with time zone, e.g. 2026-09-01T00:00:00Z`);
    return v;
  }
  const d = toDate(v);
  if (!d) throw new InvalidInputError(`${name} is not a valid date`);
  return isoSeconds(d);
}

/**
 * Build the unsigned `BitstringStatusListCredential` of a state (what {@link signStatusList} signs).
 * @example
 * ```ts
 * const unsigned = toStatusListCredential(state, { validFrom: '2026-09-01T00:00:00Z' });
 * unsigned.credentialSubject.type; // 'BitstringStatusList'
 * ```
 */
export function toStatusListCredential(
  state: StatusListState,
  options: { validFrom?: Date | string; validUntil?: Date | string; ttl?: number } = {},
): BitstringStatusListCredential {
  const s = assertState(state);
  readBits(s); // refuse a state whose encodedList does not match its length
  const validFrom = date(options.validFrom, 'validFrom');
  const validUntil = date(options.validUntil, 'validUntil');
  if (validFrom && validUntil && Date.parse(validUntil) <= Date.parse(validFrom)) throw new InvalidInputError('validUntil must be after validFrom');
  if (options.ttl !== undefined && (!Number.isSafeInteger(options.ttl) || options.ttl < 0)) throw new InvalidInputError('ttl must be a non-negative integer (milliseconds)');
  const cred: BitstringStatusListCredential = {
    '@context': [VC_V2_CONTEXT],
    id: s.id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: s.issuer,
    credentialSubject: {
      id: `${s.id}#list`,
      type: 'BitstringStatusList',
      statusPurpose: s.purpose,
      encodedList: s.encodedList,
    },
  };
  if (validFrom) cred.validFrom = validFrom;
  if (validUntil) cred.validUntil = validUntil;
  if (options.ttl !== undefined) cred.credentialSubject.ttl = options.ttl;
  return cred;
}

/**
 * Sign the current state as a `BitstringStatusListCredential` (W3C Bitstring Status List v1.0 §2.2), ready to publish
 * at `state.id` (or to hand to verifiers in their `documents`). Re-sign after every revoke / suspend / reinstate.
 *
 * Uses {@link issueCredential} with `skipSchema: true`: our JSON Schemas describe Open Badges credentials, not status
 * lists; the list's terms are checked by JSON-LD safe mode (the VC 2.0 context defines them).
 * @example
 * ```ts
 * const list = await signStatusList(state, { key, validUntil: new Date(Date.now() + 7 * 86_400_000) });
 * await publish(state.id, list);
 * ```
 */
export async function signStatusList(state: StatusListState, options: SignStatusListOptions & { format: 'vc-jwt' }): Promise<string>;
export async function signStatusList(state: StatusListState, options: SignStatusListOptions & { format?: 'eddsa-rdfc-2022' | 'ecdsa-rdfc-2019' }): Promise<BitstringStatusListCredential>;
export async function signStatusList(state: StatusListState, options: SignStatusListOptions): Promise<BitstringStatusListCredential | string>;
export async function signStatusList(state: StatusListState, options: SignStatusListOptions): Promise<BitstringStatusListCredential | string> {
  if (!options || typeof options !== 'object') throw new InvalidInputError('signStatusList needs { key } or { signer }');
  const now = toDate(options.now);
  if (!now) throw new InvalidInputError('options.now is not a valid date');
  const unsigned = toStatusListCredential(state, {
    validFrom: options.validFrom ?? now,
    ...(options.validUntil !== undefined ? { validUntil: options.validUntil } : {}),
    ...(options.ttl !== undefined ? { ttl: options.ttl } : {}),
  });
  const by = options.signer !== undefined ? { signer: options.signer, key: options.key } : { key: options.key };
  const timeout = options.signerTimeoutMs !== undefined ? { signerTimeoutMs: options.signerTimeoutMs } : {};
  return (await issueCredential(unsigned, { ...by, ...timeout, now, skipSchema: true, ...(options.format !== undefined ? { format: options.format } : {}) })) as
    | BitstringStatusListCredential
    | string;
}

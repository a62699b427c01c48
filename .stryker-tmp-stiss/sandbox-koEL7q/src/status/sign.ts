// @ts-nocheck
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
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
  if (stryMutAct_9fa48("174")) {
    {}
  } else {
    stryCov_9fa48("174");
    if (stryMutAct_9fa48("177") ? v !== undefined : stryMutAct_9fa48("176") ? false : stryMutAct_9fa48("175") ? true : (stryCov_9fa48("175", "176", "177"), v === undefined)) return undefined;
    if (stryMutAct_9fa48("180") ? typeof v !== 'string' : stryMutAct_9fa48("179") ? false : stryMutAct_9fa48("178") ? true : (stryCov_9fa48("178", "179", "180"), typeof v === (stryMutAct_9fa48("181") ? "" : (stryCov_9fa48("181"), 'string')))) {
      if (stryMutAct_9fa48("182")) {
        {}
      } else {
        stryCov_9fa48("182");
        if (stryMutAct_9fa48("185") ? false : stryMutAct_9fa48("184") ? true : stryMutAct_9fa48("183") ? isDateTimeStamp(v) : (stryCov_9fa48("183", "184", "185"), !isDateTimeStamp(v))) throw new InvalidInputError(stryMutAct_9fa48("186") ? `` : (stryCov_9fa48("186"), `${name} must be a date-time with time zone, e.g. 2026-09-01T00:00:00Z`));
        return v;
      }
    }
    const d = toDate(v);
    if (stryMutAct_9fa48("189") ? false : stryMutAct_9fa48("188") ? true : stryMutAct_9fa48("187") ? d : (stryCov_9fa48("187", "188", "189"), !d)) throw new InvalidInputError(stryMutAct_9fa48("190") ? `` : (stryCov_9fa48("190"), `${name} is not a valid date`));
    return isoSeconds(d);
  }
}

/**
 * Build the unsigned `BitstringStatusListCredential` of a state (what {@link signStatusList} signs).
 * @example
 * ```ts
 * const unsigned = toStatusListCredential(state, { validFrom: '2026-09-01T00:00:00Z' });
 * unsigned.credentialSubject.type; // 'BitstringStatusList'
 * ```
 */
export function toStatusListCredential(state: StatusListState, options: {
  validFrom?: Date | string;
  validUntil?: Date | string;
  ttl?: number;
} = {}): BitstringStatusListCredential {
  if (stryMutAct_9fa48("191")) {
    {}
  } else {
    stryCov_9fa48("191");
    const s = assertState(state);
    readBits(s); // refuse a state whose encodedList does not match its length
    const validFrom = date(options.validFrom, stryMutAct_9fa48("192") ? "" : (stryCov_9fa48("192"), 'validFrom'));
    const validUntil = date(options.validUntil, stryMutAct_9fa48("193") ? "" : (stryCov_9fa48("193"), 'validUntil'));
    if (stryMutAct_9fa48("196") ? validFrom && validUntil || Date.parse(validUntil) <= Date.parse(validFrom) : stryMutAct_9fa48("195") ? false : stryMutAct_9fa48("194") ? true : (stryCov_9fa48("194", "195", "196"), (stryMutAct_9fa48("198") ? validFrom || validUntil : stryMutAct_9fa48("197") ? true : (stryCov_9fa48("197", "198"), validFrom && validUntil)) && (stryMutAct_9fa48("201") ? Date.parse(validUntil) > Date.parse(validFrom) : stryMutAct_9fa48("200") ? Date.parse(validUntil) < Date.parse(validFrom) : stryMutAct_9fa48("199") ? true : (stryCov_9fa48("199", "200", "201"), Date.parse(validUntil) <= Date.parse(validFrom))))) throw new InvalidInputError(stryMutAct_9fa48("202") ? "" : (stryCov_9fa48("202"), 'validUntil must be after validFrom'));
    if (stryMutAct_9fa48("205") ? options.ttl !== undefined || !Number.isSafeInteger(options.ttl) || options.ttl < 0 : stryMutAct_9fa48("204") ? false : stryMutAct_9fa48("203") ? true : (stryCov_9fa48("203", "204", "205"), (stryMutAct_9fa48("207") ? options.ttl === undefined : stryMutAct_9fa48("206") ? true : (stryCov_9fa48("206", "207"), options.ttl !== undefined)) && (stryMutAct_9fa48("209") ? !Number.isSafeInteger(options.ttl) && options.ttl < 0 : stryMutAct_9fa48("208") ? true : (stryCov_9fa48("208", "209"), (stryMutAct_9fa48("210") ? Number.isSafeInteger(options.ttl) : (stryCov_9fa48("210"), !Number.isSafeInteger(options.ttl))) || (stryMutAct_9fa48("213") ? options.ttl >= 0 : stryMutAct_9fa48("212") ? options.ttl <= 0 : stryMutAct_9fa48("211") ? false : (stryCov_9fa48("211", "212", "213"), options.ttl < 0)))))) throw new InvalidInputError(stryMutAct_9fa48("214") ? "" : (stryCov_9fa48("214"), 'ttl must be a non-negative integer (milliseconds)'));
    const cred: BitstringStatusListCredential = stryMutAct_9fa48("215") ? {} : (stryCov_9fa48("215"), {
      '@context': stryMutAct_9fa48("216") ? [] : (stryCov_9fa48("216"), [VC_V2_CONTEXT]),
      id: s.id,
      type: stryMutAct_9fa48("217") ? [] : (stryCov_9fa48("217"), [stryMutAct_9fa48("218") ? "" : (stryCov_9fa48("218"), 'VerifiableCredential'), stryMutAct_9fa48("219") ? "" : (stryCov_9fa48("219"), 'BitstringStatusListCredential')]),
      issuer: s.issuer,
      credentialSubject: stryMutAct_9fa48("220") ? {} : (stryCov_9fa48("220"), {
        id: stryMutAct_9fa48("221") ? `` : (stryCov_9fa48("221"), `${s.id}#list`),
        type: stryMutAct_9fa48("222") ? "" : (stryCov_9fa48("222"), 'BitstringStatusList'),
        statusPurpose: s.purpose,
        encodedList: s.encodedList
      })
    });
    if (stryMutAct_9fa48("224") ? false : stryMutAct_9fa48("223") ? true : (stryCov_9fa48("223", "224"), validFrom)) cred.validFrom = validFrom;
    if (stryMutAct_9fa48("226") ? false : stryMutAct_9fa48("225") ? true : (stryCov_9fa48("225", "226"), validUntil)) cred.validUntil = validUntil;
    if (stryMutAct_9fa48("229") ? options.ttl === undefined : stryMutAct_9fa48("228") ? false : stryMutAct_9fa48("227") ? true : (stryCov_9fa48("227", "228", "229"), options.ttl !== undefined)) cred.credentialSubject.ttl = options.ttl;
    return cred;
  }
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
export async function signStatusList(state: StatusListState, options: SignStatusListOptions & {
  format: 'vc-jwt';
}): Promise<string>;
export async function signStatusList(state: StatusListState, options: SignStatusListOptions & {
  format?: 'eddsa-rdfc-2022' | 'ecdsa-rdfc-2019';
}): Promise<BitstringStatusListCredential>;
export async function signStatusList(state: StatusListState, options: SignStatusListOptions): Promise<BitstringStatusListCredential | string>;
export async function signStatusList(state: StatusListState, options: SignStatusListOptions): Promise<BitstringStatusListCredential | string> {
  if (stryMutAct_9fa48("230")) {
    {}
  } else {
    stryCov_9fa48("230");
    if (stryMutAct_9fa48("233") ? !options && typeof options !== 'object' : stryMutAct_9fa48("232") ? false : stryMutAct_9fa48("231") ? true : (stryCov_9fa48("231", "232", "233"), (stryMutAct_9fa48("234") ? options : (stryCov_9fa48("234"), !options)) || (stryMutAct_9fa48("236") ? typeof options === 'object' : stryMutAct_9fa48("235") ? false : (stryCov_9fa48("235", "236"), typeof options !== (stryMutAct_9fa48("237") ? "" : (stryCov_9fa48("237"), 'object')))))) throw new InvalidInputError(stryMutAct_9fa48("238") ? "" : (stryCov_9fa48("238"), 'signStatusList needs { key } or { signer }'));
    const now = toDate(options.now);
    if (stryMutAct_9fa48("241") ? false : stryMutAct_9fa48("240") ? true : stryMutAct_9fa48("239") ? now : (stryCov_9fa48("239", "240", "241"), !now)) throw new InvalidInputError(stryMutAct_9fa48("242") ? "" : (stryCov_9fa48("242"), 'options.now is not a valid date'));
    const unsigned = toStatusListCredential(state, stryMutAct_9fa48("243") ? {} : (stryCov_9fa48("243"), {
      validFrom: stryMutAct_9fa48("244") ? options.validFrom && now : (stryCov_9fa48("244"), options.validFrom ?? now),
      ...((stryMutAct_9fa48("247") ? options.validUntil === undefined : stryMutAct_9fa48("246") ? false : stryMutAct_9fa48("245") ? true : (stryCov_9fa48("245", "246", "247"), options.validUntil !== undefined)) ? stryMutAct_9fa48("248") ? {} : (stryCov_9fa48("248"), {
        validUntil: options.validUntil
      }) : {}),
      ...((stryMutAct_9fa48("251") ? options.ttl === undefined : stryMutAct_9fa48("250") ? false : stryMutAct_9fa48("249") ? true : (stryCov_9fa48("249", "250", "251"), options.ttl !== undefined)) ? stryMutAct_9fa48("252") ? {} : (stryCov_9fa48("252"), {
        ttl: options.ttl
      }) : {})
    }));
    const by = (stryMutAct_9fa48("255") ? options.signer === undefined : stryMutAct_9fa48("254") ? false : stryMutAct_9fa48("253") ? true : (stryCov_9fa48("253", "254", "255"), options.signer !== undefined)) ? stryMutAct_9fa48("256") ? {} : (stryCov_9fa48("256"), {
      signer: options.signer,
      key: options.key
    }) : stryMutAct_9fa48("257") ? {} : (stryCov_9fa48("257"), {
      key: options.key
    });
    const timeout = (stryMutAct_9fa48("260") ? options.signerTimeoutMs === undefined : stryMutAct_9fa48("259") ? false : stryMutAct_9fa48("258") ? true : (stryCov_9fa48("258", "259", "260"), options.signerTimeoutMs !== undefined)) ? stryMutAct_9fa48("261") ? {} : (stryCov_9fa48("261"), {
      signerTimeoutMs: options.signerTimeoutMs
    }) : {};
    return (await issueCredential(unsigned, {
      ...by,
      ...timeout,
      now,
      skipSchema: true,
      ...(options.format !== undefined ? {
        format: options.format
      } : {})
    })) as BitstringStatusListCredential | string;
  }
}
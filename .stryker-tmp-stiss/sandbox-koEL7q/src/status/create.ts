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
import { randomBytes } from 'node:crypto';
import { InvalidInputError } from '../errors.js';
import { encodeBitstring } from './encode.js';
import { MIN_STATUS_LIST_LENGTH, STATUS_LIST_LIMITS, type StatusListState, type StatusPurpose } from './types.js';

/**
 * Options of {@link createStatusList}.
 * @example
 * ```ts
 * const opts: CreateStatusListOptions = { id: 'https://uni.example/status/1', issuer: key.controller, purpose: 'revocation' };
 * ```
 */
export interface CreateStatusListOptions {
  /** URL where the signed list credential will be published (credentials point to it with `statusListCredential`). */
  id: string;
  /** DID of the list's issuer: the controller of the key that will sign it (normally the credentials' issuer). */
  issuer: string;
  /** `revocation` (permanent) or `suspension` (reversible). Use two lists if you need both. */
  purpose: StatusPurpose;
  /** Number of entries: a multiple of 8, at least 131,072 (default), at most 134,217,728. */
  length?: number;
  /** `random` (default, herd privacy: indexes reveal neither issuance order nor count) or `sequential`. */
  order?: 'random' | 'sequential';
}

/**
 * Create a new, empty status list: a plain JSON {@link StatusListState} (all bits 0) to store wherever you like.
 * Sign it with {@link signStatusList} and publish it at `id`; give each credential an entry with {@link allocateStatusIndex}.
 * @example
 * ```ts
 * const key = await generateKeyPair();
 * let state = createStatusList({ id: 'https://uni.example/status/1', issuer: key.controller, purpose: 'revocation' });
 * const { state: next, entry } = allocateStatusIndex(state);
 * ```
 */
export function createStatusList(options: CreateStatusListOptions): StatusListState {
  if (stryMutAct_9fa48("0")) {
    {}
  } else {
    stryCov_9fa48("0");
    if (stryMutAct_9fa48("3") ? !options && typeof options !== 'object' : stryMutAct_9fa48("2") ? false : stryMutAct_9fa48("1") ? true : (stryCov_9fa48("1", "2", "3"), (stryMutAct_9fa48("4") ? options : (stryCov_9fa48("4"), !options)) || (stryMutAct_9fa48("6") ? typeof options === 'object' : stryMutAct_9fa48("5") ? false : (stryCov_9fa48("5", "6"), typeof options !== (stryMutAct_9fa48("7") ? "" : (stryCov_9fa48("7"), 'object')))))) throw new InvalidInputError(stryMutAct_9fa48("8") ? "" : (stryCov_9fa48("8"), 'createStatusList needs { id, issuer, purpose }'));
    const {
      id,
      issuer,
      purpose
    } = options;
    const length = stryMutAct_9fa48("9") ? options.length && MIN_STATUS_LIST_LENGTH : (stryCov_9fa48("9"), options.length ?? MIN_STATUS_LIST_LENGTH);
    const order = stryMutAct_9fa48("10") ? options.order && 'random' : (stryCov_9fa48("10"), options.order ?? (stryMutAct_9fa48("11") ? "" : (stryCov_9fa48("11"), 'random')));
    if (stryMutAct_9fa48("14") ? typeof id !== 'string' && !/^[a-z][a-z0-9+.-]*:\S+$/i.test(id) : stryMutAct_9fa48("13") ? false : stryMutAct_9fa48("12") ? true : (stryCov_9fa48("12", "13", "14"), (stryMutAct_9fa48("16") ? typeof id === 'string' : stryMutAct_9fa48("15") ? false : (stryCov_9fa48("15", "16"), typeof id !== (stryMutAct_9fa48("17") ? "" : (stryCov_9fa48("17"), 'string')))) || (stryMutAct_9fa48("18") ? /^[a-z][a-z0-9+.-]*:\S+$/i.test(id) : (stryCov_9fa48("18"), !(stryMutAct_9fa48("25") ? /^[a-z][a-z0-9+.-]*:\s+$/i : stryMutAct_9fa48("24") ? /^[a-z][a-z0-9+.-]*:\S$/i : stryMutAct_9fa48("23") ? /^[a-z][^a-z0-9+.-]*:\S+$/i : stryMutAct_9fa48("22") ? /^[a-z][a-z0-9+.-]:\S+$/i : stryMutAct_9fa48("21") ? /^[^a-z][a-z0-9+.-]*:\S+$/i : stryMutAct_9fa48("20") ? /^[a-z][a-z0-9+.-]*:\S+/i : stryMutAct_9fa48("19") ? /[a-z][a-z0-9+.-]*:\S+$/i : (stryCov_9fa48("19", "20", "21", "22", "23", "24", "25"), /^[a-z][a-z0-9+.-]*:\S+$/i)).test(id))))) throw new InvalidInputError(stryMutAct_9fa48("26") ? "" : (stryCov_9fa48("26"), 'id must be the URL of the status list credential'));
    if (stryMutAct_9fa48("28") ? false : stryMutAct_9fa48("27") ? true : (stryCov_9fa48("27", "28"), id.includes(stryMutAct_9fa48("29") ? "" : (stryCov_9fa48("29"), '#')))) throw new InvalidInputError(stryMutAct_9fa48("30") ? "" : (stryCov_9fa48("30"), 'id must not contain a fragment (#): entries use `${id}#${index}`'));
    if (stryMutAct_9fa48("33") ? typeof issuer !== 'string' && !/^[a-z][a-z0-9+.-]*:\S+$/i.test(issuer) : stryMutAct_9fa48("32") ? false : stryMutAct_9fa48("31") ? true : (stryCov_9fa48("31", "32", "33"), (stryMutAct_9fa48("35") ? typeof issuer === 'string' : stryMutAct_9fa48("34") ? false : (stryCov_9fa48("34", "35"), typeof issuer !== (stryMutAct_9fa48("36") ? "" : (stryCov_9fa48("36"), 'string')))) || (stryMutAct_9fa48("37") ? /^[a-z][a-z0-9+.-]*:\S+$/i.test(issuer) : (stryCov_9fa48("37"), !(stryMutAct_9fa48("44") ? /^[a-z][a-z0-9+.-]*:\s+$/i : stryMutAct_9fa48("43") ? /^[a-z][a-z0-9+.-]*:\S$/i : stryMutAct_9fa48("42") ? /^[a-z][^a-z0-9+.-]*:\S+$/i : stryMutAct_9fa48("41") ? /^[a-z][a-z0-9+.-]:\S+$/i : stryMutAct_9fa48("40") ? /^[^a-z][a-z0-9+.-]*:\S+$/i : stryMutAct_9fa48("39") ? /^[a-z][a-z0-9+.-]*:\S+/i : stryMutAct_9fa48("38") ? /[a-z][a-z0-9+.-]*:\S+$/i : (stryCov_9fa48("38", "39", "40", "41", "42", "43", "44"), /^[a-z][a-z0-9+.-]*:\S+$/i)).test(issuer))))) throw new InvalidInputError(stryMutAct_9fa48("45") ? "" : (stryCov_9fa48("45"), 'issuer must be a DID or URL'));
    if (stryMutAct_9fa48("48") ? purpose !== 'revocation' || purpose !== 'suspension' : stryMutAct_9fa48("47") ? false : stryMutAct_9fa48("46") ? true : (stryCov_9fa48("46", "47", "48"), (stryMutAct_9fa48("50") ? purpose === 'revocation' : stryMutAct_9fa48("49") ? true : (stryCov_9fa48("49", "50"), purpose !== (stryMutAct_9fa48("51") ? "" : (stryCov_9fa48("51"), 'revocation')))) && (stryMutAct_9fa48("53") ? purpose === 'suspension' : stryMutAct_9fa48("52") ? true : (stryCov_9fa48("52", "53"), purpose !== (stryMutAct_9fa48("54") ? "" : (stryCov_9fa48("54"), 'suspension')))))) {
      if (stryMutAct_9fa48("55")) {
        {}
      } else {
        stryCov_9fa48("55");
        throw new InvalidInputError(stryMutAct_9fa48("56") ? `` : (stryCov_9fa48("56"), `purpose must be "revocation" or "suspension" (got ${JSON.stringify(purpose)})`));
      }
    }
    if (stryMutAct_9fa48("59") ? (!Number.isSafeInteger(length) || length < MIN_STATUS_LIST_LENGTH || length % 8 !== 0) && length > STATUS_LIST_LIMITS.maxDecodedBytes * 8 : stryMutAct_9fa48("58") ? false : stryMutAct_9fa48("57") ? true : (stryCov_9fa48("57", "58", "59"), (stryMutAct_9fa48("61") ? (!Number.isSafeInteger(length) || length < MIN_STATUS_LIST_LENGTH) && length % 8 !== 0 : stryMutAct_9fa48("60") ? false : (stryCov_9fa48("60", "61"), (stryMutAct_9fa48("63") ? !Number.isSafeInteger(length) && length < MIN_STATUS_LIST_LENGTH : stryMutAct_9fa48("62") ? false : (stryCov_9fa48("62", "63"), (stryMutAct_9fa48("64") ? Number.isSafeInteger(length) : (stryCov_9fa48("64"), !Number.isSafeInteger(length))) || (stryMutAct_9fa48("67") ? length >= MIN_STATUS_LIST_LENGTH : stryMutAct_9fa48("66") ? length <= MIN_STATUS_LIST_LENGTH : stryMutAct_9fa48("65") ? false : (stryCov_9fa48("65", "66", "67"), length < MIN_STATUS_LIST_LENGTH)))) || (stryMutAct_9fa48("69") ? length % 8 === 0 : stryMutAct_9fa48("68") ? false : (stryCov_9fa48("68", "69"), (stryMutAct_9fa48("70") ? length * 8 : (stryCov_9fa48("70"), length % 8)) !== 0)))) || (stryMutAct_9fa48("73") ? length <= STATUS_LIST_LIMITS.maxDecodedBytes * 8 : stryMutAct_9fa48("72") ? length >= STATUS_LIST_LIMITS.maxDecodedBytes * 8 : stryMutAct_9fa48("71") ? false : (stryCov_9fa48("71", "72", "73"), length > (stryMutAct_9fa48("74") ? STATUS_LIST_LIMITS.maxDecodedBytes / 8 : (stryCov_9fa48("74"), STATUS_LIST_LIMITS.maxDecodedBytes * 8)))))) {
      if (stryMutAct_9fa48("75")) {
        {}
      } else {
        stryCov_9fa48("75");
        throw new InvalidInputError(stryMutAct_9fa48("76") ? `` : (stryCov_9fa48("76"), `length must be a multiple of 8 from ${MIN_STATUS_LIST_LENGTH} (the spec minimum, for herd privacy) to ${stryMutAct_9fa48("77") ? STATUS_LIST_LIMITS.maxDecodedBytes / 8 : (stryCov_9fa48("77"), STATUS_LIST_LIMITS.maxDecodedBytes * 8)}; got ${length}`), stryMutAct_9fa48("78") ? {} : (stryCov_9fa48("78"), {
          code: stryMutAct_9fa48("79") ? "" : (stryCov_9fa48("79"), 'ERR_STATUS_LIST_LENGTH')
        }));
      }
    }
    if (stryMutAct_9fa48("82") ? order !== 'random' || order !== 'sequential' : stryMutAct_9fa48("81") ? false : stryMutAct_9fa48("80") ? true : (stryCov_9fa48("80", "81", "82"), (stryMutAct_9fa48("84") ? order === 'random' : stryMutAct_9fa48("83") ? true : (stryCov_9fa48("83", "84"), order !== (stryMutAct_9fa48("85") ? "" : (stryCov_9fa48("85"), 'random')))) && (stryMutAct_9fa48("87") ? order === 'sequential' : stryMutAct_9fa48("86") ? true : (stryCov_9fa48("86", "87"), order !== (stryMutAct_9fa48("88") ? "" : (stryCov_9fa48("88"), 'sequential')))))) throw new InvalidInputError(stryMutAct_9fa48("89") ? "" : (stryCov_9fa48("89"), 'order must be "random" or "sequential"'));
    return stryMutAct_9fa48("90") ? {} : (stryCov_9fa48("90"), {
      format: stryMutAct_9fa48("91") ? "" : (stryCov_9fa48("91"), 'credstack-status-list/v1'),
      id,
      issuer,
      purpose,
      length,
      encodedList: encodeBitstring(new Uint8Array(stryMutAct_9fa48("92") ? length * 8 : (stryCov_9fa48("92"), length / 8))),
      allocation: stryMutAct_9fa48("93") ? {} : (stryCov_9fa48("93"), {
        order,
        key: randomBytes(32).toString(stryMutAct_9fa48("94") ? "" : (stryCov_9fa48("94"), 'hex')),
        next: 0
      }),
      revision: 0
    });
  }
}
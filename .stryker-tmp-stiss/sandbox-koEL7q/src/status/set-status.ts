/** @internal Shared implementation of revoke / suspend / reinstate. */
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
import { InvalidInputError, StatusListError } from '../errors.js';
import { setBit } from './bits.js';
import { assertIndex, assertState, isAllocated, readBits, withBits } from './state.js';
import type { StatusListState } from './types.js';

/**
 * Options of {@link revoke}, {@link suspend} and {@link reinstate}.
 * @example
 * ```ts
 * const opts: SetStatusOptions = { force: true }; // e.g. undo a revocation made by mistake
 * ```
 */
export interface SetStatusOptions {
  /**
   * Allow what is normally refused: changing an index that was never allocated, and reinstating a revoked credential
   * (revocation is permanent by the spec; only undo a mistake, and before verifiers cache the list).
   */
  force?: boolean;
}

/** @internal */
export function setStatus(state: StatusListState, indexes: number | number[], value: boolean, verb: 'revoke' | 'suspend' | 'reinstate', options: SetStatusOptions = {}): StatusListState {
  if (stryMutAct_9fa48("102")) {
    {}
  } else {
    stryCov_9fa48("102");
    const s = assertState(state);
    // (undefined is the default {} here: only a non-object given explicitly is refused)
    if (stryMutAct_9fa48("105") ? typeof options !== 'object' && options === null : stryMutAct_9fa48("104") ? false : stryMutAct_9fa48("103") ? true : (stryCov_9fa48("103", "104", "105"), (stryMutAct_9fa48("107") ? typeof options === 'object' : stryMutAct_9fa48("106") ? false : (stryCov_9fa48("106", "107"), typeof options !== (stryMutAct_9fa48("108") ? "" : (stryCov_9fa48("108"), 'object')))) || (stryMutAct_9fa48("110") ? options !== null : stryMutAct_9fa48("109") ? false : (stryCov_9fa48("109", "110"), options === null)))) throw new InvalidInputError(stryMutAct_9fa48("111") ? "" : (stryCov_9fa48("111"), 'options must be an object'));
    const force = stryMutAct_9fa48("114") ? options.force !== true : stryMutAct_9fa48("113") ? false : stryMutAct_9fa48("112") ? true : (stryCov_9fa48("112", "113", "114"), options.force === (stryMutAct_9fa48("115") ? false : (stryCov_9fa48("115"), true)));
    if (stryMutAct_9fa48("118") ? verb === 'revoke' || s.purpose !== 'revocation' : stryMutAct_9fa48("117") ? false : stryMutAct_9fa48("116") ? true : (stryCov_9fa48("116", "117", "118"), (stryMutAct_9fa48("120") ? verb !== 'revoke' : stryMutAct_9fa48("119") ? true : (stryCov_9fa48("119", "120"), verb === (stryMutAct_9fa48("121") ? "" : (stryCov_9fa48("121"), 'revoke')))) && (stryMutAct_9fa48("123") ? s.purpose === 'revocation' : stryMutAct_9fa48("122") ? true : (stryCov_9fa48("122", "123"), s.purpose !== (stryMutAct_9fa48("124") ? "" : (stryCov_9fa48("124"), 'revocation')))))) {
      if (stryMutAct_9fa48("125")) {
        {}
      } else {
        stryCov_9fa48("125");
        throw new StatusListError(stryMutAct_9fa48("126") ? "" : (stryCov_9fa48("126"), 'ERR_STATUS_PURPOSE_MISMATCH'), stryMutAct_9fa48("127") ? `` : (stryCov_9fa48("127"), `cannot revoke on ${s.id}: it is a ${s.purpose} list (use suspend, or a revocation list)`));
      }
    }
    if (stryMutAct_9fa48("130") ? verb === 'suspend' || s.purpose !== 'suspension' : stryMutAct_9fa48("129") ? false : stryMutAct_9fa48("128") ? true : (stryCov_9fa48("128", "129", "130"), (stryMutAct_9fa48("132") ? verb !== 'suspend' : stryMutAct_9fa48("131") ? true : (stryCov_9fa48("131", "132"), verb === (stryMutAct_9fa48("133") ? "" : (stryCov_9fa48("133"), 'suspend')))) && (stryMutAct_9fa48("135") ? s.purpose === 'suspension' : stryMutAct_9fa48("134") ? true : (stryCov_9fa48("134", "135"), s.purpose !== (stryMutAct_9fa48("136") ? "" : (stryCov_9fa48("136"), 'suspension')))))) {
      if (stryMutAct_9fa48("137")) {
        {}
      } else {
        stryCov_9fa48("137");
        throw new StatusListError(stryMutAct_9fa48("138") ? "" : (stryCov_9fa48("138"), 'ERR_STATUS_PURPOSE_MISMATCH'), stryMutAct_9fa48("139") ? `` : (stryCov_9fa48("139"), `cannot suspend on ${s.id}: it is a ${s.purpose} list (use revoke, or a suspension list)`));
      }
    }
    if (stryMutAct_9fa48("142") ? verb === 'reinstate' && s.purpose === 'revocation' || !force : stryMutAct_9fa48("141") ? false : stryMutAct_9fa48("140") ? true : (stryCov_9fa48("140", "141", "142"), (stryMutAct_9fa48("144") ? verb === 'reinstate' || s.purpose === 'revocation' : stryMutAct_9fa48("143") ? true : (stryCov_9fa48("143", "144"), (stryMutAct_9fa48("146") ? verb !== 'reinstate' : stryMutAct_9fa48("145") ? true : (stryCov_9fa48("145", "146"), verb === (stryMutAct_9fa48("147") ? "" : (stryCov_9fa48("147"), 'reinstate')))) && (stryMutAct_9fa48("149") ? s.purpose !== 'revocation' : stryMutAct_9fa48("148") ? true : (stryCov_9fa48("148", "149"), s.purpose === (stryMutAct_9fa48("150") ? "" : (stryCov_9fa48("150"), 'revocation')))))) && (stryMutAct_9fa48("151") ? force : (stryCov_9fa48("151"), !force)))) {
      if (stryMutAct_9fa48("152")) {
        {}
      } else {
        stryCov_9fa48("152");
        throw new StatusListError(stryMutAct_9fa48("153") ? "" : (stryCov_9fa48("153"), 'ERR_STATUS_REVOCATION_PERMANENT'), stryMutAct_9fa48("154") ? `` : (stryCov_9fa48("154"), `revocation is permanent (W3C Bitstring Status List): ${s.id} is a revocation list. Pass { force: true } only to undo a mistake.`));
      }
    }
    const list = Array.isArray(indexes) ? indexes : stryMutAct_9fa48("155") ? [] : (stryCov_9fa48("155"), [indexes]);
    const checked = list.map(stryMutAct_9fa48("156") ? () => undefined : (stryCov_9fa48("156"), i => assertIndex(s, i)));
    if (stryMutAct_9fa48("159") ? false : stryMutAct_9fa48("158") ? true : stryMutAct_9fa48("157") ? force : (stryCov_9fa48("157", "158", "159"), !force)) {
      if (stryMutAct_9fa48("160")) {
        {}
      } else {
        stryCov_9fa48("160");
        const unallocated = stryMutAct_9fa48("161") ? checked : (stryCov_9fa48("161"), checked.filter(stryMutAct_9fa48("162") ? () => undefined : (stryCov_9fa48("162"), i => stryMutAct_9fa48("163") ? isAllocated(s, i) : (stryCov_9fa48("163"), !isAllocated(s, i)))));
        if (stryMutAct_9fa48("165") ? false : stryMutAct_9fa48("164") ? true : (stryCov_9fa48("164", "165"), unallocated.length)) {
          if (stryMutAct_9fa48("166")) {
            {}
          } else {
            stryCov_9fa48("166");
            throw new StatusListError(stryMutAct_9fa48("167") ? "" : (stryCov_9fa48("167"), 'ERR_STATUS_INDEX_NOT_ALLOCATED'), stryMutAct_9fa48("168") ? `` : (stryCov_9fa48("168"), `index ${stryMutAct_9fa48("169") ? unallocated.join(', ') : (stryCov_9fa48("169"), unallocated.slice(0, 5).join(stryMutAct_9fa48("170") ? "" : (stryCov_9fa48("170"), ', ')))} of ${s.id} was never allocated (typo?); pass { force: true } to change it anyway`), stryMutAct_9fa48("171") ? {} : (stryCov_9fa48("171"), {
              details: stryMutAct_9fa48("172") ? {} : (stryCov_9fa48("172"), {
                indexes: stryMutAct_9fa48("173") ? unallocated : (stryCov_9fa48("173"), unallocated.slice(0, 100))
              })
            }));
          }
        }
      }
    }
    const bits = readBits(s);
    for (const i of checked) setBit(bits, i, value);
    return withBits(s, bits);
  }
}
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
import { setStatus, type SetStatusOptions } from './set-status.js';
import type { StatusListState } from './types.js';

/**
 * Lift a suspension: clear the bits of one or more credentials in a `suspension` list. Returns a new state.
 * On a `revocation` list this throws {@link StatusListError} `ERR_STATUS_REVOCATION_PERMANENT` unless `force: true`
 * (to undo a mistaken revocation).
 * @example
 * ```ts
 * state = reinstate(state, 1234);
 * ```
 */
export function reinstate(state: StatusListState, index: number | number[], options?: SetStatusOptions): StatusListState {
  if (stryMutAct_9fa48("96")) {
    {}
  } else {
    stryCov_9fa48("96");
    return setStatus(state, index, stryMutAct_9fa48("97") ? true : (stryCov_9fa48("97"), false), stryMutAct_9fa48("98") ? "" : (stryCov_9fa48("98"), 'reinstate'), options);
  }
}
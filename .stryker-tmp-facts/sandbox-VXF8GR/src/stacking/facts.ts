/**
 * Small accessors that read what stacking needs from an OB 3.0 credential. Everything that depends on where the data
 * model puts workload, level, skills and results lives here, so a model change touches one file.
 */
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
import type { CredentialFacts, Quantity, ResultFact, WorkloadUnitName } from './types.js';
type Obj = Record<string, unknown>;
const isObj = stryMutAct_9fa48("81") ? () => undefined : (stryCov_9fa48("81"), (() => {
  const isObj = (v: unknown): v is Obj => stryMutAct_9fa48("84") ? typeof v === 'object' && v !== null || !Array.isArray(v) : stryMutAct_9fa48("83") ? false : stryMutAct_9fa48("82") ? true : (stryCov_9fa48("82", "83", "84"), (stryMutAct_9fa48("86") ? typeof v === 'object' || v !== null : stryMutAct_9fa48("85") ? true : (stryCov_9fa48("85", "86"), (stryMutAct_9fa48("88") ? typeof v !== 'object' : stryMutAct_9fa48("87") ? true : (stryCov_9fa48("87", "88"), typeof v === (stryMutAct_9fa48("89") ? "" : (stryCov_9fa48("89"), 'object')))) && (stryMutAct_9fa48("91") ? v === null : stryMutAct_9fa48("90") ? true : (stryCov_9fa48("90", "91"), v !== null)))) && (stryMutAct_9fa48("92") ? Array.isArray(v) : (stryCov_9fa48("92"), !Array.isArray(v))));
  return isObj;
})());
const list = stryMutAct_9fa48("93") ? () => undefined : (stryCov_9fa48("93"), (() => {
  const list = (v: unknown): unknown[] => (stryMutAct_9fa48("96") ? v === undefined && v === null : stryMutAct_9fa48("95") ? false : stryMutAct_9fa48("94") ? true : (stryCov_9fa48("94", "95", "96"), (stryMutAct_9fa48("98") ? v !== undefined : stryMutAct_9fa48("97") ? false : (stryCov_9fa48("97", "98"), v === undefined)) || (stryMutAct_9fa48("100") ? v !== null : stryMutAct_9fa48("99") ? false : (stryCov_9fa48("99", "100"), v === null)))) ? stryMutAct_9fa48("101") ? ["Stryker was here"] : (stryCov_9fa48("101"), []) : Array.isArray(v) ? v : stryMutAct_9fa48("102") ? [] : (stryCov_9fa48("102"), [v]);
  return list;
})());
const str = stryMutAct_9fa48("103") ? () => undefined : (stryCov_9fa48("103"), (() => {
  const str = (v: unknown): string | undefined => (stryMutAct_9fa48("106") ? typeof v === 'string' || v !== '' : stryMutAct_9fa48("105") ? false : stryMutAct_9fa48("104") ? true : (stryCov_9fa48("104", "105", "106"), (stryMutAct_9fa48("108") ? typeof v !== 'string' : stryMutAct_9fa48("107") ? true : (stryCov_9fa48("107", "108"), typeof v === (stryMutAct_9fa48("109") ? "" : (stryCov_9fa48("109"), 'string')))) && (stryMutAct_9fa48("111") ? v === '' : stryMutAct_9fa48("110") ? true : (stryCov_9fa48("110", "111"), v !== (stryMutAct_9fa48("112") ? "Stryker was here!" : (stryCov_9fa48("112"), '')))))) ? v : undefined;
  return str;
})());
const idOf = stryMutAct_9fa48("113") ? () => undefined : (stryCov_9fa48("113"), (() => {
  const idOf = (v: unknown): string | undefined => (stryMutAct_9fa48("116") ? typeof v !== 'string' : stryMutAct_9fa48("115") ? false : stryMutAct_9fa48("114") ? true : (stryCov_9fa48("114", "115", "116"), typeof v === (stryMutAct_9fa48("117") ? "" : (stryCov_9fa48("117"), 'string')))) ? str(v) : isObj(v) ? str(v.id) : undefined;
  return idOf;
})());
const strings = stryMutAct_9fa48("118") ? () => undefined : (stryCov_9fa48("118"), (() => {
  const strings = (v: unknown): string[] => stryMutAct_9fa48("119") ? list(v) : (stryCov_9fa48("119"), list(v).filter(stryMutAct_9fa48("120") ? () => undefined : (stryCov_9fa48("120"), (x): x is string => stryMutAct_9fa48("123") ? typeof x !== 'string' : stryMutAct_9fa48("122") ? false : stryMutAct_9fa48("121") ? true : (stryCov_9fa48("121", "122", "123"), typeof x === (stryMutAct_9fa48("124") ? "" : (stryCov_9fa48("124"), 'string'))))));
  return strings;
})());

/** QF-EHEA cycles and their EQF level (the frameworks are officially referenced to each other). */
const CYCLE_TO_EQF: Record<string, number> = stryMutAct_9fa48("125") ? {} : (stryCov_9fa48("125"), {
  short: 5,
  first: 6,
  second: 7,
  third: 8
});

/** Framework names that mean the EQF. */
const EQF_NAMES = stryMutAct_9fa48("128") ? /^(EQF|European Qualifications Framework)$/i : stryMutAct_9fa48("127") ? /^(EQF|European Qualifications? Framework)/i : stryMutAct_9fa48("126") ? /(EQF|European Qualifications? Framework)$/i : (stryCov_9fa48("126", "127", "128"), /^(EQF|European Qualifications? Framework)$/i);
const EHEA_NAMES = stryMutAct_9fa48("130") ? /^(QF-EHEA|Framework for Qualifications of the European Higher Education Area)/i : stryMutAct_9fa48("129") ? /(QF-EHEA|Framework for Qualifications of the European Higher Education Area)$/i : (stryCov_9fa48("129", "130"), /^(QF-EHEA|Framework for Qualifications of the European Higher Education Area)$/i);

/** @internal The achievement of a credential (OB 3.0 AchievementSubject). */
export function achievementOf(credential: unknown): Obj | undefined {
  if (stryMutAct_9fa48("131")) {
    {}
  } else {
    stryCov_9fa48("131");
    if (stryMutAct_9fa48("134") ? false : stryMutAct_9fa48("133") ? true : stryMutAct_9fa48("132") ? isObj(credential) : (stryCov_9fa48("132", "133", "134"), !isObj(credential))) return undefined;
    const subject = list(credential.credentialSubject)[0];
    return (stryMutAct_9fa48("137") ? isObj(subject) || isObj(subject.achievement) : stryMutAct_9fa48("136") ? false : stryMutAct_9fa48("135") ? true : (stryCov_9fa48("135", "136", "137"), isObj(subject) && isObj(subject.achievement))) ? subject.achievement : undefined;
  }
}

/** Workload: our `workload` term (value + unit); else OB `creditsEarned` / `creditsAvailable` as unit `credits`. */
export function readWorkload(achievement: Obj | undefined, subject: Obj | undefined): Quantity[] {
  if (stryMutAct_9fa48("138")) {
    {}
  } else {
    stryCov_9fa48("138");
    const out: Quantity[] = stryMutAct_9fa48("139") ? ["Stryker was here"] : (stryCov_9fa48("139"), []);
    for (const w of list(stryMutAct_9fa48("140") ? achievement.workload : (stryCov_9fa48("140"), achievement?.workload))) {
      if (stryMutAct_9fa48("141")) {
        {}
      } else {
        stryCov_9fa48("141");
        if (stryMutAct_9fa48("144") ? isObj(w) && typeof w.value === 'number' && Number.isFinite(w.value) && w.value >= 0 && typeof w.unit === 'string' || w.unit !== '' : stryMutAct_9fa48("143") ? false : stryMutAct_9fa48("142") ? true : (stryCov_9fa48("142", "143", "144"), (stryMutAct_9fa48("146") ? isObj(w) && typeof w.value === 'number' && Number.isFinite(w.value) && w.value >= 0 || typeof w.unit === 'string' : stryMutAct_9fa48("145") ? true : (stryCov_9fa48("145", "146"), (stryMutAct_9fa48("148") ? isObj(w) && typeof w.value === 'number' && Number.isFinite(w.value) || w.value >= 0 : stryMutAct_9fa48("147") ? true : (stryCov_9fa48("147", "148"), (stryMutAct_9fa48("150") ? isObj(w) && typeof w.value === 'number' || Number.isFinite(w.value) : stryMutAct_9fa48("149") ? true : (stryCov_9fa48("149", "150"), (stryMutAct_9fa48("152") ? isObj(w) || typeof w.value === 'number' : stryMutAct_9fa48("151") ? true : (stryCov_9fa48("151", "152"), isObj(w) && (stryMutAct_9fa48("154") ? typeof w.value !== 'number' : stryMutAct_9fa48("153") ? true : (stryCov_9fa48("153", "154"), typeof w.value === (stryMutAct_9fa48("155") ? "" : (stryCov_9fa48("155"), 'number')))))) && Number.isFinite(w.value))) && (stryMutAct_9fa48("158") ? w.value < 0 : stryMutAct_9fa48("157") ? w.value > 0 : stryMutAct_9fa48("156") ? true : (stryCov_9fa48("156", "157", "158"), w.value >= 0)))) && (stryMutAct_9fa48("160") ? typeof w.unit !== 'string' : stryMutAct_9fa48("159") ? true : (stryCov_9fa48("159", "160"), typeof w.unit === (stryMutAct_9fa48("161") ? "" : (stryCov_9fa48("161"), 'string')))))) && (stryMutAct_9fa48("163") ? w.unit === '' : stryMutAct_9fa48("162") ? true : (stryCov_9fa48("162", "163"), w.unit !== (stryMutAct_9fa48("164") ? "Stryker was here!" : (stryCov_9fa48("164"), '')))))) {
          if (stryMutAct_9fa48("165")) {
            {}
          } else {
            stryCov_9fa48("165");
            if (stryMutAct_9fa48("168") ? false : stryMutAct_9fa48("167") ? true : stryMutAct_9fa48("166") ? out.some(q => q.unit === w.unit) : (stryCov_9fa48("166", "167", "168"), !(stryMutAct_9fa48("169") ? out.every(q => q.unit === w.unit) : (stryCov_9fa48("169"), out.some(stryMutAct_9fa48("170") ? () => undefined : (stryCov_9fa48("170"), q => stryMutAct_9fa48("173") ? q.unit !== w.unit : stryMutAct_9fa48("172") ? false : stryMutAct_9fa48("171") ? true : (stryCov_9fa48("171", "172", "173"), q.unit === w.unit))))))) out.push(stryMutAct_9fa48("174") ? {} : (stryCov_9fa48("174"), {
              value: w.value,
              unit: w.unit as WorkloadUnitName
            }));
          }
        }
      }
    }
    // standard-first output: alignment[] with targetType ext:NotionalWorkload (amount in targetCode, unit in targetFramework)
    for (const a of list(stryMutAct_9fa48("175") ? achievement.alignment : (stryCov_9fa48("175"), achievement?.alignment))) {
      if (stryMutAct_9fa48("176")) {
        {}
      } else {
        stryCov_9fa48("176");
        if (stryMutAct_9fa48("179") ? (!isObj(a) || a.targetType !== 'ext:NotionalWorkload' || typeof a.targetFramework !== 'string') && a.targetFramework === '' : stryMutAct_9fa48("178") ? false : stryMutAct_9fa48("177") ? true : (stryCov_9fa48("177", "178", "179"), (stryMutAct_9fa48("181") ? (!isObj(a) || a.targetType !== 'ext:NotionalWorkload') && typeof a.targetFramework !== 'string' : stryMutAct_9fa48("180") ? false : (stryCov_9fa48("180", "181"), (stryMutAct_9fa48("183") ? !isObj(a) && a.targetType !== 'ext:NotionalWorkload' : stryMutAct_9fa48("182") ? false : (stryCov_9fa48("182", "183"), (stryMutAct_9fa48("184") ? isObj(a) : (stryCov_9fa48("184"), !isObj(a))) || (stryMutAct_9fa48("186") ? a.targetType === 'ext:NotionalWorkload' : stryMutAct_9fa48("185") ? false : (stryCov_9fa48("185", "186"), a.targetType !== (stryMutAct_9fa48("187") ? "" : (stryCov_9fa48("187"), 'ext:NotionalWorkload')))))) || (stryMutAct_9fa48("189") ? typeof a.targetFramework === 'string' : stryMutAct_9fa48("188") ? false : (stryCov_9fa48("188", "189"), typeof a.targetFramework !== (stryMutAct_9fa48("190") ? "" : (stryCov_9fa48("190"), 'string')))))) || (stryMutAct_9fa48("192") ? a.targetFramework !== '' : stryMutAct_9fa48("191") ? false : (stryCov_9fa48("191", "192"), a.targetFramework === (stryMutAct_9fa48("193") ? "Stryker was here!" : (stryCov_9fa48("193"), '')))))) continue;
        const value = (stryMutAct_9fa48("196") ? typeof a.targetCode === 'string' || /^\d+(\.\d+)?$/.test(a.targetCode) : stryMutAct_9fa48("195") ? false : stryMutAct_9fa48("194") ? true : (stryCov_9fa48("194", "195", "196"), (stryMutAct_9fa48("198") ? typeof a.targetCode !== 'string' : stryMutAct_9fa48("197") ? true : (stryCov_9fa48("197", "198"), typeof a.targetCode === (stryMutAct_9fa48("199") ? "" : (stryCov_9fa48("199"), 'string')))) && (stryMutAct_9fa48("206") ? /^\d+(\.\D+)?$/ : stryMutAct_9fa48("205") ? /^\d+(\.\d)?$/ : stryMutAct_9fa48("204") ? /^\d+(\.\d+)$/ : stryMutAct_9fa48("203") ? /^\D+(\.\d+)?$/ : stryMutAct_9fa48("202") ? /^\d(\.\d+)?$/ : stryMutAct_9fa48("201") ? /^\d+(\.\d+)?/ : stryMutAct_9fa48("200") ? /\d+(\.\d+)?$/ : (stryCov_9fa48("200", "201", "202", "203", "204", "205", "206"), /^\d+(\.\d+)?$/)).test(a.targetCode))) ? Number(a.targetCode) : NaN;
        if (stryMutAct_9fa48("209") ? Number.isFinite(value) || !out.some(q => q.unit === a.targetFramework) : stryMutAct_9fa48("208") ? false : stryMutAct_9fa48("207") ? true : (stryCov_9fa48("207", "208", "209"), Number.isFinite(value) && (stryMutAct_9fa48("210") ? out.some(q => q.unit === a.targetFramework) : (stryCov_9fa48("210"), !(stryMutAct_9fa48("211") ? out.every(q => q.unit === a.targetFramework) : (stryCov_9fa48("211"), out.some(stryMutAct_9fa48("212") ? () => undefined : (stryCov_9fa48("212"), q => stryMutAct_9fa48("215") ? q.unit !== a.targetFramework : stryMutAct_9fa48("214") ? false : stryMutAct_9fa48("213") ? true : (stryCov_9fa48("213", "214", "215"), q.unit === a.targetFramework))))))))) out.push(stryMutAct_9fa48("216") ? {} : (stryCov_9fa48("216"), {
          value,
          unit: a.targetFramework as WorkloadUnitName
        }));
      }
    }
    if (stryMutAct_9fa48("219") ? out.length !== 0 : stryMutAct_9fa48("218") ? false : stryMutAct_9fa48("217") ? true : (stryCov_9fa48("217", "218", "219"), out.length === 0)) {
      if (stryMutAct_9fa48("220")) {
        {}
      } else {
        stryCov_9fa48("220");
        const credits = (stryMutAct_9fa48("223") ? typeof subject?.creditsEarned !== 'number' : stryMutAct_9fa48("222") ? false : stryMutAct_9fa48("221") ? true : (stryCov_9fa48("221", "222", "223"), typeof (stryMutAct_9fa48("224") ? subject.creditsEarned : (stryCov_9fa48("224"), subject?.creditsEarned)) === (stryMutAct_9fa48("225") ? "" : (stryCov_9fa48("225"), 'number')))) ? subject.creditsEarned : stryMutAct_9fa48("226") ? achievement.creditsAvailable : (stryCov_9fa48("226"), achievement?.creditsAvailable);
        if (stryMutAct_9fa48("229") ? typeof credits === 'number' && Number.isFinite(credits) || credits >= 0 : stryMutAct_9fa48("228") ? false : stryMutAct_9fa48("227") ? true : (stryCov_9fa48("227", "228", "229"), (stryMutAct_9fa48("231") ? typeof credits === 'number' || Number.isFinite(credits) : stryMutAct_9fa48("230") ? true : (stryCov_9fa48("230", "231"), (stryMutAct_9fa48("233") ? typeof credits !== 'number' : stryMutAct_9fa48("232") ? true : (stryCov_9fa48("232", "233"), typeof credits === (stryMutAct_9fa48("234") ? "" : (stryCov_9fa48("234"), 'number')))) && Number.isFinite(credits))) && (stryMutAct_9fa48("237") ? credits < 0 : stryMutAct_9fa48("236") ? credits > 0 : stryMutAct_9fa48("235") ? true : (stryCov_9fa48("235", "236", "237"), credits >= 0)))) out.push(stryMutAct_9fa48("238") ? {} : (stryCov_9fa48("238"), {
          value: credits,
          unit: stryMutAct_9fa48("239") ? "" : (stryCov_9fa48("239"), 'credits')
        }));
      }
    }
    return out;
  }
}
function eqfFromAlignment(a: Obj): number | undefined {
  if (stryMutAct_9fa48("240")) {
    {}
  } else {
    stryCov_9fa48("240");
    const fw = stryMutAct_9fa48("241") ? str(a.targetFramework) && '' : (stryCov_9fa48("241"), str(a.targetFramework) ?? (stryMutAct_9fa48("242") ? "Stryker was here!" : (stryCov_9fa48("242"), '')));
    const url = stryMutAct_9fa48("243") ? str(a.targetUrl) && '' : (stryCov_9fa48("243"), str(a.targetUrl) ?? (stryMutAct_9fa48("244") ? "Stryker was here!" : (stryCov_9fa48("244"), '')));
    const fromUrl = (stryMutAct_9fa48("248") ? /^https?:\/\/data\.europa\.eu\/snb\/eqf\/([^1-8])$/ : stryMutAct_9fa48("247") ? /^https:\/\/data\.europa\.eu\/snb\/eqf\/([1-8])$/ : stryMutAct_9fa48("246") ? /^https?:\/\/data\.europa\.eu\/snb\/eqf\/([1-8])/ : stryMutAct_9fa48("245") ? /https?:\/\/data\.europa\.eu\/snb\/eqf\/([1-8])$/ : (stryCov_9fa48("245", "246", "247", "248"), /^https?:\/\/data\.europa\.eu\/snb\/eqf\/([1-8])$/)).exec(url);
    if (stryMutAct_9fa48("250") ? false : stryMutAct_9fa48("249") ? true : (stryCov_9fa48("249", "250"), fromUrl)) return Number(fromUrl[1]);
    if (stryMutAct_9fa48("253") ? false : stryMutAct_9fa48("252") ? true : stryMutAct_9fa48("251") ? EQF_NAMES.test(fw) : (stryCov_9fa48("251", "252", "253"), !EQF_NAMES.test(fw))) return undefined;
    const code = stryMutAct_9fa48("254") ? (str(a.targetCode) ?? str(a.targetName)) && '' : (stryCov_9fa48("254"), (stryMutAct_9fa48("255") ? str(a.targetCode) && str(a.targetName) : (stryCov_9fa48("255"), str(a.targetCode) ?? str(a.targetName))) ?? (stryMutAct_9fa48("256") ? "Stryker was here!" : (stryCov_9fa48("256"), '')));
    const m = (stryMutAct_9fa48("260") ? /([1-8])\S*$/ : stryMutAct_9fa48("259") ? /([1-8])\s$/ : stryMutAct_9fa48("258") ? /([^1-8])\s*$/ : stryMutAct_9fa48("257") ? /([1-8])\s*/ : (stryCov_9fa48("257", "258", "259", "260"), /([1-8])\s*$/)).exec(code);
    return m ? Number(m[1]) : undefined;
  }
}

/** Levels: our `qualificationLevel` term, and OB alignments to the EQF (targetFramework "EQF" or an EQF level URL). */
export function readLevels(achievement: Obj | undefined): {
  framework: string;
  level: number | string;
}[] {
  if (stryMutAct_9fa48("261")) {
    {}
  } else {
    stryCov_9fa48("261");
    const out: {
      framework: string;
      level: number | string;
    }[] = stryMutAct_9fa48("262") ? ["Stryker was here"] : (stryCov_9fa48("262"), []);
    const add = (framework: string, level: number | string) => {
      if (stryMutAct_9fa48("263")) {
        {}
      } else {
        stryCov_9fa48("263");
        if (stryMutAct_9fa48("266") ? false : stryMutAct_9fa48("265") ? true : stryMutAct_9fa48("264") ? out.some(l => l.framework === framework && l.level === level) : (stryCov_9fa48("264", "265", "266"), !(stryMutAct_9fa48("267") ? out.every(l => l.framework === framework && l.level === level) : (stryCov_9fa48("267"), out.some(stryMutAct_9fa48("268") ? () => undefined : (stryCov_9fa48("268"), l => stryMutAct_9fa48("271") ? l.framework === framework || l.level === level : stryMutAct_9fa48("270") ? false : stryMutAct_9fa48("269") ? true : (stryCov_9fa48("269", "270", "271"), (stryMutAct_9fa48("273") ? l.framework !== framework : stryMutAct_9fa48("272") ? true : (stryCov_9fa48("272", "273"), l.framework === framework)) && (stryMutAct_9fa48("275") ? l.level !== level : stryMutAct_9fa48("274") ? true : (stryCov_9fa48("274", "275"), l.level === level))))))))) out.push(stryMutAct_9fa48("276") ? {} : (stryCov_9fa48("276"), {
          framework,
          level
        }));
      }
    };
    for (const l of list(stryMutAct_9fa48("277") ? achievement.qualificationLevel : (stryCov_9fa48("277"), achievement?.qualificationLevel))) {
      if (stryMutAct_9fa48("278")) {
        {}
      } else {
        stryCov_9fa48("278");
        if (stryMutAct_9fa48("281") ? false : stryMutAct_9fa48("280") ? true : stryMutAct_9fa48("279") ? isObj(l) : (stryCov_9fa48("279", "280", "281"), !isObj(l))) continue;
        const fw = str(l.framework);
        const lv = l.level;
        if (stryMutAct_9fa48("284") ? !fw && fw === 'none' : stryMutAct_9fa48("283") ? false : stryMutAct_9fa48("282") ? true : (stryCov_9fa48("282", "283", "284"), (stryMutAct_9fa48("285") ? fw : (stryCov_9fa48("285"), !fw)) || (stryMutAct_9fa48("287") ? fw !== 'none' : stryMutAct_9fa48("286") ? false : (stryCov_9fa48("286", "287"), fw === (stryMutAct_9fa48("288") ? "" : (stryCov_9fa48("288"), 'none')))))) continue;
        const cycle = str(l.cycle);
        if (stryMutAct_9fa48("291") ? EQF_NAMES.test(fw) || typeof lv === 'number' || typeof lv === 'string' && /^\d+$/.test(lv) : stryMutAct_9fa48("290") ? false : stryMutAct_9fa48("289") ? true : (stryCov_9fa48("289", "290", "291"), EQF_NAMES.test(fw) && (stryMutAct_9fa48("293") ? typeof lv === 'number' && typeof lv === 'string' && /^\d+$/.test(lv) : stryMutAct_9fa48("292") ? true : (stryCov_9fa48("292", "293"), (stryMutAct_9fa48("295") ? typeof lv !== 'number' : stryMutAct_9fa48("294") ? false : (stryCov_9fa48("294", "295"), typeof lv === (stryMutAct_9fa48("296") ? "" : (stryCov_9fa48("296"), 'number')))) || (stryMutAct_9fa48("298") ? typeof lv === 'string' || /^\d+$/.test(lv) : stryMutAct_9fa48("297") ? false : (stryCov_9fa48("297", "298"), (stryMutAct_9fa48("300") ? typeof lv !== 'string' : stryMutAct_9fa48("299") ? true : (stryCov_9fa48("299", "300"), typeof lv === (stryMutAct_9fa48("301") ? "" : (stryCov_9fa48("301"), 'string')))) && (stryMutAct_9fa48("305") ? /^\D+$/ : stryMutAct_9fa48("304") ? /^\d$/ : stryMutAct_9fa48("303") ? /^\d+/ : stryMutAct_9fa48("302") ? /\d+$/ : (stryCov_9fa48("302", "303", "304", "305"), /^\d+$/)).test(lv))))))) add(stryMutAct_9fa48("306") ? "" : (stryCov_9fa48("306"), 'EQF'), Number(lv));else if (stryMutAct_9fa48("308") ? false : stryMutAct_9fa48("307") ? true : (stryCov_9fa48("307", "308"), EHEA_NAMES.test(fw))) add(stryMutAct_9fa48("309") ? "" : (stryCov_9fa48("309"), 'QF-EHEA'), stryMutAct_9fa48("310") ? cycle && String(lv) : (stryCov_9fa48("310"), cycle ?? String(lv)));else if (stryMutAct_9fa48("313") ? typeof lv === 'string' && typeof lv === 'number' : stryMutAct_9fa48("312") ? false : stryMutAct_9fa48("311") ? true : (stryCov_9fa48("311", "312", "313"), (stryMutAct_9fa48("315") ? typeof lv !== 'string' : stryMutAct_9fa48("314") ? false : (stryCov_9fa48("314", "315"), typeof lv === (stryMutAct_9fa48("316") ? "" : (stryCov_9fa48("316"), 'string')))) || (stryMutAct_9fa48("318") ? typeof lv !== 'number' : stryMutAct_9fa48("317") ? false : (stryCov_9fa48("317", "318"), typeof lv === (stryMutAct_9fa48("319") ? "" : (stryCov_9fa48("319"), 'number')))))) add(fw, (stryMutAct_9fa48("322") ? typeof lv === 'string' || /^\d+$/.test(lv) : stryMutAct_9fa48("321") ? false : stryMutAct_9fa48("320") ? true : (stryCov_9fa48("320", "321", "322"), (stryMutAct_9fa48("324") ? typeof lv !== 'string' : stryMutAct_9fa48("323") ? true : (stryCov_9fa48("323", "324"), typeof lv === (stryMutAct_9fa48("325") ? "" : (stryCov_9fa48("325"), 'string')))) && (stryMutAct_9fa48("329") ? /^\D+$/ : stryMutAct_9fa48("328") ? /^\d$/ : stryMutAct_9fa48("327") ? /^\d+/ : stryMutAct_9fa48("326") ? /\d+$/ : (stryCov_9fa48("326", "327", "328", "329"), /^\d+$/)).test(lv))) ? Number(lv) : lv);
        if (stryMutAct_9fa48("332") ? cycle || CYCLE_TO_EQF[cycle] !== undefined : stryMutAct_9fa48("331") ? false : stryMutAct_9fa48("330") ? true : (stryCov_9fa48("330", "331", "332"), cycle && (stryMutAct_9fa48("334") ? CYCLE_TO_EQF[cycle] === undefined : stryMutAct_9fa48("333") ? true : (stryCov_9fa48("333", "334"), CYCLE_TO_EQF[cycle] !== undefined)))) add(stryMutAct_9fa48("335") ? "" : (stryCov_9fa48("335"), 'EQF'), CYCLE_TO_EQF[cycle]);
      }
    }
    for (const a of list(stryMutAct_9fa48("336") ? achievement.alignment : (stryCov_9fa48("336"), achievement?.alignment))) {
      if (stryMutAct_9fa48("337")) {
        {}
      } else {
        stryCov_9fa48("337");
        if (stryMutAct_9fa48("340") ? false : stryMutAct_9fa48("339") ? true : stryMutAct_9fa48("338") ? isObj(a) : (stryCov_9fa48("338", "339", "340"), !isObj(a))) continue;
        const n = eqfFromAlignment(a);
        if (stryMutAct_9fa48("343") ? n === undefined : stryMutAct_9fa48("342") ? false : stryMutAct_9fa48("341") ? true : (stryCov_9fa48("341", "342", "343"), n !== undefined)) add(stryMutAct_9fa48("344") ? "" : (stryCov_9fa48("344"), 'EQF'), n);else if (stryMutAct_9fa48("346") ? false : stryMutAct_9fa48("345") ? true : (stryCov_9fa48("345", "346"), EHEA_NAMES.test(stryMutAct_9fa48("347") ? str(a.targetFramework) && '' : (stryCov_9fa48("347"), str(a.targetFramework) ?? (stryMutAct_9fa48("348") ? "Stryker was here!" : (stryCov_9fa48("348"), '')))))) {
          if (stryMutAct_9fa48("349")) {
            {}
          } else {
            stryCov_9fa48("349");
            const cycle = stryMutAct_9fa48("350") ? /(short|first|second|third)/.exec(str(a.targetCode) ?? str(a.targetName) ?? '')[1] : (stryCov_9fa48("350"), /(short|first|second|third)/.exec(stryMutAct_9fa48("351") ? (str(a.targetCode) ?? str(a.targetName)) && '' : (stryCov_9fa48("351"), (stryMutAct_9fa48("352") ? str(a.targetCode) && str(a.targetName) : (stryCov_9fa48("352"), str(a.targetCode) ?? str(a.targetName))) ?? (stryMutAct_9fa48("353") ? "Stryker was here!" : (stryCov_9fa48("353"), ''))))?.[1]);
            if (stryMutAct_9fa48("355") ? false : stryMutAct_9fa48("354") ? true : (stryCov_9fa48("354", "355"), cycle)) {
              if (stryMutAct_9fa48("356")) {
                {}
              } else {
                stryCov_9fa48("356");
                add(stryMutAct_9fa48("357") ? "" : (stryCov_9fa48("357"), 'QF-EHEA'), cycle);
                add(stryMutAct_9fa48("358") ? "" : (stryCov_9fa48("358"), 'EQF'), CYCLE_TO_EQF[cycle]!);
              }
            }
          }
        }
      }
    }
    return out;
  }
}

/** Alignment target types that carry other EU elements (level, workload, quality assurance, the outcome text itself). */
const NOT_SKILLS = new Set(stryMutAct_9fa48("359") ? [] : (stryCov_9fa48("359"), [stryMutAct_9fa48("360") ? "" : (stryCov_9fa48("360"), 'ext:QualificationLevel'), stryMutAct_9fa48("361") ? "" : (stryCov_9fa48("361"), 'ext:NotionalWorkload'), stryMutAct_9fa48("362") ? "" : (stryCov_9fa48("362"), 'ext:QualityAssurance'), stryMutAct_9fa48("363") ? "" : (stryCov_9fa48("363"), 'ext:LearningOutcome')]));

/** Skills: targetUrl and targetCode of every alignment of the achievement and of its learning outcomes (level alignments excluded). */
export function readSkills(achievement: Obj | undefined): string[] {
  if (stryMutAct_9fa48("364")) {
    {}
  } else {
    stryCov_9fa48("364");
    const out = new Set<string>();
    const take = (alignments: unknown) => {
      if (stryMutAct_9fa48("365")) {
        {}
      } else {
        stryCov_9fa48("365");
        for (const a of list(alignments)) {
          if (stryMutAct_9fa48("366")) {
            {}
          } else {
            stryCov_9fa48("366");
            if (stryMutAct_9fa48("369") ? (!isObj(a) || NOT_SKILLS.has(a.targetType as string)) && eqfFromAlignment(a) !== undefined : stryMutAct_9fa48("368") ? false : stryMutAct_9fa48("367") ? true : (stryCov_9fa48("367", "368", "369"), (stryMutAct_9fa48("371") ? !isObj(a) && NOT_SKILLS.has(a.targetType as string) : stryMutAct_9fa48("370") ? false : (stryCov_9fa48("370", "371"), (stryMutAct_9fa48("372") ? isObj(a) : (stryCov_9fa48("372"), !isObj(a))) || NOT_SKILLS.has(a.targetType as string))) || (stryMutAct_9fa48("374") ? eqfFromAlignment(a) === undefined : stryMutAct_9fa48("373") ? false : (stryCov_9fa48("373", "374"), eqfFromAlignment(a) !== undefined)))) continue;
            const url = str(a.targetUrl);
            const code = str(a.targetCode);
            if (stryMutAct_9fa48("376") ? false : stryMutAct_9fa48("375") ? true : (stryCov_9fa48("375", "376"), url)) out.add(url);
            if (stryMutAct_9fa48("378") ? false : stryMutAct_9fa48("377") ? true : (stryCov_9fa48("377", "378"), code)) out.add(code);
            if (stryMutAct_9fa48("381") ? url || code : stryMutAct_9fa48("380") ? false : stryMutAct_9fa48("379") ? true : (stryCov_9fa48("379", "380", "381"), url && code)) out.add(stryMutAct_9fa48("382") ? `` : (stryCov_9fa48("382"), `${url}#${code}`));
          }
        }
      }
    };
    take(stryMutAct_9fa48("383") ? achievement.alignment : (stryCov_9fa48("383"), achievement?.alignment));
    for (const lo of list(stryMutAct_9fa48("384") ? achievement.learningOutcomes : (stryCov_9fa48("384"), achievement?.learningOutcomes))) if (stryMutAct_9fa48("386") ? false : stryMutAct_9fa48("385") ? true : (stryCov_9fa48("385", "386"), isObj(lo))) take(lo.alignment);
    return stryMutAct_9fa48("387") ? [] : (stryCov_9fa48("387"), [...out]);
  }
}

/** Results: `credentialSubject.result[]`, resolved against the achievement's result descriptions and rubrics. */
export function readResults(achievement: Obj | undefined, subject: Obj | undefined): ResultFact[] {
  if (stryMutAct_9fa48("388")) {
    {}
  } else {
    stryCov_9fa48("388");
    const descriptions = stryMutAct_9fa48("389") ? list(achievement?.resultDescription) : (stryCov_9fa48("389"), list(stryMutAct_9fa48("390") ? achievement.resultDescription : (stryCov_9fa48("390"), achievement?.resultDescription)).filter(isObj));
    const out: ResultFact[] = stryMutAct_9fa48("391") ? ["Stryker was here"] : (stryCov_9fa48("391"), []);
    for (const r of list(stryMutAct_9fa48("392") ? subject.result : (stryCov_9fa48("392"), subject?.result))) {
      if (stryMutAct_9fa48("393")) {
        {}
      } else {
        stryCov_9fa48("393");
        if (stryMutAct_9fa48("396") ? false : stryMutAct_9fa48("395") ? true : stryMutAct_9fa48("394") ? isObj(r) : (stryCov_9fa48("394", "395", "396"), !isObj(r))) continue;
        const rdRef = str(r.resultDescription);
        const rd = rdRef ? descriptions.find(stryMutAct_9fa48("397") ? () => undefined : (stryCov_9fa48("397"), d => stryMutAct_9fa48("400") ? d.id === rdRef && d.name === rdRef : stryMutAct_9fa48("399") ? false : stryMutAct_9fa48("398") ? true : (stryCov_9fa48("398", "399", "400"), (stryMutAct_9fa48("402") ? d.id !== rdRef : stryMutAct_9fa48("401") ? false : (stryCov_9fa48("401", "402"), d.id === rdRef)) || (stryMutAct_9fa48("404") ? d.name !== rdRef : stryMutAct_9fa48("403") ? false : (stryCov_9fa48("403", "404"), d.name === rdRef))))) : undefined;
        const fact: ResultFact = {};
        if (stryMutAct_9fa48("406") ? false : stryMutAct_9fa48("405") ? true : (stryCov_9fa48("405", "406"), rdRef)) fact.resultDescription = rdRef;
        const rdName = rd ? str(rd.name) : undefined;
        if (stryMutAct_9fa48("408") ? false : stryMutAct_9fa48("407") ? true : (stryCov_9fa48("407", "408"), rdName)) fact.resultDescriptionName = rdName;
        const value = (stryMutAct_9fa48("411") ? typeof r.value !== 'number' : stryMutAct_9fa48("410") ? false : stryMutAct_9fa48("409") ? true : (stryCov_9fa48("409", "410", "411"), typeof r.value === (stryMutAct_9fa48("412") ? "" : (stryCov_9fa48("412"), 'number')))) ? String(r.value) : str(r.value);
        if (stryMutAct_9fa48("415") ? value === undefined : stryMutAct_9fa48("414") ? false : stryMutAct_9fa48("413") ? true : (stryCov_9fa48("413", "414", "415"), value !== undefined)) {
          if (stryMutAct_9fa48("416")) {
            {}
          } else {
            stryCov_9fa48("416");
            fact.value = value;
            // the text without a decimal comma and a trailing %; a bare "%" or blank text is no number (Number('') is 0)
            const t = value.replace(stryMutAct_9fa48("417") ? "" : (stryCov_9fa48("417"), ','), stryMutAct_9fa48("418") ? "" : (stryCov_9fa48("418"), '.')).replace(stryMutAct_9fa48("419") ? /%/ : (stryCov_9fa48("419"), /%$/), stryMutAct_9fa48("420") ? "Stryker was here!" : (stryCov_9fa48("420"), ''));
            const n = Number(t);
            if (stryMutAct_9fa48("423") ? t.trim() !== '' || Number.isFinite(n) : stryMutAct_9fa48("422") ? false : stryMutAct_9fa48("421") ? true : (stryCov_9fa48("421", "422", "423"), (stryMutAct_9fa48("425") ? t.trim() === '' : stryMutAct_9fa48("424") ? true : (stryCov_9fa48("424", "425"), (stryMutAct_9fa48("426") ? t : (stryCov_9fa48("426"), t.trim())) !== (stryMutAct_9fa48("427") ? "Stryker was here!" : (stryCov_9fa48("427"), '')))) && Number.isFinite(n))) fact.numeric = n;
          }
        }
        const status = str(r.status);
        if (stryMutAct_9fa48("429") ? false : stryMutAct_9fa48("428") ? true : (stryCov_9fa48("428", "429"), status)) fact.status = status;
        const achieved = str(r.achievedLevel);
        if (stryMutAct_9fa48("431") ? false : stryMutAct_9fa48("430") ? true : (stryCov_9fa48("430", "431"), achieved)) {
          if (stryMutAct_9fa48("432")) {
            {}
          } else {
            stryCov_9fa48("432");
            fact.achievedLevel = achieved;
            const levels = stryMutAct_9fa48("433") ? list(rd?.rubricCriterionLevel) : (stryCov_9fa48("433"), list(stryMutAct_9fa48("434") ? rd.rubricCriterionLevel : (stryCov_9fa48("434"), rd?.rubricCriterionLevel)).filter(isObj));
            if (stryMutAct_9fa48("438") ? levels.length <= 0 : stryMutAct_9fa48("437") ? levels.length >= 0 : stryMutAct_9fa48("436") ? false : stryMutAct_9fa48("435") ? true : (stryCov_9fa48("435", "436", "437", "438"), levels.length > 0)) {
              if (stryMutAct_9fa48("439")) {
                {}
              } else {
                stryCov_9fa48("439");
                fact.rubric = levels.map(stryMutAct_9fa48("440") ? () => undefined : (stryCov_9fa48("440"), l => stryMutAct_9fa48("441") ? {} : (stryCov_9fa48("441"), {
                  ...(str(l.id) ? stryMutAct_9fa48("442") ? {} : (stryCov_9fa48("442"), {
                    id: str(l.id)
                  }) : {}),
                  ...(str(l.name) ? stryMutAct_9fa48("443") ? {} : (stryCov_9fa48("443"), {
                    name: str(l.name)
                  }) : {})
                })));
                const rank = levels.findIndex(stryMutAct_9fa48("444") ? () => undefined : (stryCov_9fa48("444"), l => stryMutAct_9fa48("447") ? l.id === achieved && l.name === achieved : stryMutAct_9fa48("446") ? false : stryMutAct_9fa48("445") ? true : (stryCov_9fa48("445", "446", "447"), (stryMutAct_9fa48("449") ? l.id !== achieved : stryMutAct_9fa48("448") ? false : (stryCov_9fa48("448", "449"), l.id === achieved)) || (stryMutAct_9fa48("451") ? l.name !== achieved : stryMutAct_9fa48("450") ? false : (stryCov_9fa48("450", "451"), l.name === achieved)))));
                if (stryMutAct_9fa48("455") ? rank < 0 : stryMutAct_9fa48("454") ? rank > 0 : stryMutAct_9fa48("453") ? false : stryMutAct_9fa48("452") ? true : (stryCov_9fa48("452", "453", "454", "455"), rank >= 0)) {
                  if (stryMutAct_9fa48("456")) {
                    {}
                  } else {
                    stryCov_9fa48("456");
                    fact.levelRank = rank;
                    const nm = str(levels[rank]!.name);
                    if (stryMutAct_9fa48("458") ? false : stryMutAct_9fa48("457") ? true : (stryCov_9fa48("457", "458"), nm)) fact.achievedLevelName = nm;
                  }
                }
              }
            }
          }
        }
        out.push(fact);
      }
    }
    return out;
  }
}

/**
 * Read what stacking needs from one credential (JSON-LD object; a VC-JWT must be decoded first): achievement id and
 * name, issuer, awarding body, learner, award date, workload (our `workload` term with units; else OB
 * `creditsEarned`/`creditsAvailable` as unit `credits`), levels (our `qualificationLevel`, OB alignments to the EQF,
 * QF-EHEA cycles also as their EQF level), skills (alignment `targetUrl`/`targetCode` of the achievement and its
 * learning outcomes) and results. Never throws: missing or malformed parts are left out.
 * @example
 * ```ts
 * const facts = extractFacts(credential);
 * // { achievementId: 'https://…/ai-foundations', workload: [{ value: 5, unit: 'ECTS' }, { value: 125, unit: 'hours' }],
 * //   level: [{ framework: 'EQF', level: 6 }], skills: ['http://data.europa.eu/esco/skill/…', …], … }
 * ```
 */
export function extractFacts(credential: unknown): CredentialFacts {
  if (stryMutAct_9fa48("459")) {
    {}
  } else {
    stryCov_9fa48("459");
    const cred = isObj(credential) ? credential : {};
    const subject = list(cred.credentialSubject).find(isObj);
    const achievement = achievementOf(cred);
    const facts: CredentialFacts = stryMutAct_9fa48("460") ? {} : (stryCov_9fa48("460"), {
      achievementTypes: strings(stryMutAct_9fa48("461") ? achievement.achievementType : (stryCov_9fa48("461"), achievement?.achievementType)),
      workload: readWorkload(achievement, subject),
      level: readLevels(achievement),
      skills: readSkills(achievement),
      results: readResults(achievement, subject)
    });
    const set = <K extends keyof CredentialFacts,>(k: K, v: CredentialFacts[K] | undefined) => {
      if (stryMutAct_9fa48("462")) {
        {}
      } else {
        stryCov_9fa48("462");
        if (stryMutAct_9fa48("465") ? v === undefined : stryMutAct_9fa48("464") ? false : stryMutAct_9fa48("463") ? true : (stryCov_9fa48("463", "464", "465"), v !== undefined)) facts[k] = v;
      }
    };
    set(stryMutAct_9fa48("466") ? "" : (stryCov_9fa48("466"), 'id'), str(cred.id));
    set(stryMutAct_9fa48("467") ? "" : (stryCov_9fa48("467"), 'achievementId'), str(stryMutAct_9fa48("468") ? achievement.id : (stryCov_9fa48("468"), achievement?.id)));
    set(stryMutAct_9fa48("469") ? "" : (stryCov_9fa48("469"), 'achievementName'), str(stryMutAct_9fa48("470") ? achievement.name : (stryCov_9fa48("470"), achievement?.name)));
    set(stryMutAct_9fa48("471") ? "" : (stryCov_9fa48("471"), 'issuer'), idOf(cred.issuer));
    set(stryMutAct_9fa48("472") ? "" : (stryCov_9fa48("472"), 'creator'), idOf(stryMutAct_9fa48("473") ? achievement.creator : (stryCov_9fa48("473"), achievement?.creator)));
    set(stryMutAct_9fa48("474") ? "" : (stryCov_9fa48("474"), 'subject'), str(stryMutAct_9fa48("475") ? subject.id : (stryCov_9fa48("475"), subject?.id)));
    const when = (stryMutAct_9fa48("476") ? [] : (stryCov_9fa48("476"), [cred.awardedDate, cred.validFrom, cred.issuanceDate])).map(str).find(stryMutAct_9fa48("477") ? () => undefined : (stryCov_9fa48("477"), d => stryMutAct_9fa48("480") ? d !== undefined || !Number.isNaN(Date.parse(d)) : stryMutAct_9fa48("479") ? false : stryMutAct_9fa48("478") ? true : (stryCov_9fa48("478", "479", "480"), (stryMutAct_9fa48("482") ? d === undefined : stryMutAct_9fa48("481") ? true : (stryCov_9fa48("481", "482"), d !== undefined)) && (stryMutAct_9fa48("483") ? Number.isNaN(Date.parse(d)) : (stryCov_9fa48("483"), !Number.isNaN(Date.parse(d)))))));
    set(stryMutAct_9fa48("484") ? "" : (stryCov_9fa48("484"), 'awardedAt'), when);
    return facts;
  }
}
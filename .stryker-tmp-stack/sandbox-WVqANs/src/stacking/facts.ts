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
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
const str = (v: unknown): string | undefined => typeof v === 'string' && v !== '' ? v : undefined;
const idOf = (v: unknown): string | undefined => typeof v === 'string' ? str(v) : isObj(v) ? str(v.id) : undefined;
const strings = (v: unknown): string[] => list(v).filter((x): x is string => typeof x === 'string');

/** QF-EHEA cycles and their EQF level (the frameworks are officially referenced to each other). */
const CYCLE_TO_EQF: Record<string, number> = {
  short: 5,
  first: 6,
  second: 7,
  third: 8
};

/** Framework names that mean the EQF. */
const EQF_NAMES = /^(EQF|European Qualifications? Framework)$/i;
const EHEA_NAMES = /^(QF-EHEA|Framework for Qualifications of the European Higher Education Area)$/i;

/** @internal The achievement of a credential (OB 3.0 AchievementSubject). */
export function achievementOf(credential: unknown): Obj | undefined {
  if (!isObj(credential)) return undefined;
  const subject = list(credential.credentialSubject)[0];
  return isObj(subject) && isObj(subject.achievement) ? subject.achievement : undefined;
}

/** Workload: our `workload` term (value + unit); else OB `creditsEarned` / `creditsAvailable` as unit `credits`. */
export function readWorkload(achievement: Obj | undefined, subject: Obj | undefined): Quantity[] {
  const out: Quantity[] = [];
  for (const w of list(achievement?.workload)) {
    if (isObj(w) && typeof w.value === 'number' && Number.isFinite(w.value) && w.value >= 0 && typeof w.unit === 'string' && w.unit !== '') {
      if (!out.some(q => q.unit === w.unit)) out.push({
        value: w.value,
        unit: w.unit as WorkloadUnitName
      });
    }
  }
  // standard-first output: alignment[] with targetType ext:NotionalWorkload (amount in targetCode, unit in targetFramework)
  for (const a of list(stryMutAct_9fa48("25") ? achievement.alignment : (stryCov_9fa48("25"), achievement?.alignment))) {
    if (stryMutAct_9fa48("28") ? (!isObj(a) || a.targetType !== 'ext:NotionalWorkload' || typeof a.targetFramework !== 'string') && a.targetFramework === '' : stryMutAct_9fa48("27") ? false : stryMutAct_9fa48("26") ? true : (stryCov_9fa48("26", "27", "28"), (stryMutAct_9fa48("30") ? (!isObj(a) || a.targetType !== 'ext:NotionalWorkload') && typeof a.targetFramework !== 'string' : stryMutAct_9fa48("29") ? false : (stryCov_9fa48("29", "30"), (stryMutAct_9fa48("32") ? !isObj(a) && a.targetType !== 'ext:NotionalWorkload' : stryMutAct_9fa48("31") ? false : (stryCov_9fa48("31", "32"), (stryMutAct_9fa48("33") ? isObj(a) : (stryCov_9fa48("33"), !isObj(a))) || (stryMutAct_9fa48("35") ? a.targetType === 'ext:NotionalWorkload' : stryMutAct_9fa48("34") ? false : (stryCov_9fa48("34", "35"), a.targetType !== (stryMutAct_9fa48("36") ? "" : (stryCov_9fa48("36"), 'ext:NotionalWorkload')))))) || (stryMutAct_9fa48("38") ? typeof a.targetFramework === 'string' : stryMutAct_9fa48("37") ? false : (stryCov_9fa48("37", "38"), typeof a.targetFramework !== (stryMutAct_9fa48("39") ? "" : (stryCov_9fa48("39"), 'string')))))) || (stryMutAct_9fa48("41") ? a.targetFramework !== '' : stryMutAct_9fa48("40") ? false : (stryCov_9fa48("40", "41"), a.targetFramework === (stryMutAct_9fa48("42") ? "Stryker was here!" : (stryCov_9fa48("42"), '')))))) continue;
    const value = (stryMutAct_9fa48("45") ? typeof a.targetCode === 'string' || /^\d+(\.\d+)?$/.test(a.targetCode) : stryMutAct_9fa48("44") ? false : stryMutAct_9fa48("43") ? true : (stryCov_9fa48("43", "44", "45"), (stryMutAct_9fa48("47") ? typeof a.targetCode !== 'string' : stryMutAct_9fa48("46") ? true : (stryCov_9fa48("46", "47"), typeof a.targetCode === (stryMutAct_9fa48("48") ? "" : (stryCov_9fa48("48"), 'string')))) && (stryMutAct_9fa48("55") ? /^\d+(\.\D+)?$/ : stryMutAct_9fa48("54") ? /^\d+(\.\d)?$/ : stryMutAct_9fa48("53") ? /^\d+(\.\d+)$/ : stryMutAct_9fa48("52") ? /^\D+(\.\d+)?$/ : stryMutAct_9fa48("51") ? /^\d(\.\d+)?$/ : stryMutAct_9fa48("50") ? /^\d+(\.\d+)?/ : stryMutAct_9fa48("49") ? /\d+(\.\d+)?$/ : (stryCov_9fa48("49", "50", "51", "52", "53", "54", "55"), /^\d+(\.\d+)?$/)).test(a.targetCode))) ? Number(a.targetCode) : NaN;
    if (stryMutAct_9fa48("58") ? Number.isFinite(value) || !out.some(q => q.unit === a.targetFramework) : stryMutAct_9fa48("57") ? false : stryMutAct_9fa48("56") ? true : (stryCov_9fa48("56", "57", "58"), Number.isFinite(value) && (stryMutAct_9fa48("59") ? out.some(q => q.unit === a.targetFramework) : (stryCov_9fa48("59"), !(stryMutAct_9fa48("60") ? out.every(q => q.unit === a.targetFramework) : (stryCov_9fa48("60"), out.some(stryMutAct_9fa48("61") ? () => undefined : (stryCov_9fa48("61"), q => stryMutAct_9fa48("64") ? q.unit !== a.targetFramework : stryMutAct_9fa48("63") ? false : stryMutAct_9fa48("62") ? true : (stryCov_9fa48("62", "63", "64"), q.unit === a.targetFramework))))))))) out.push(stryMutAct_9fa48("65") ? {} : (stryCov_9fa48("65"), {
      value,
      unit: a.targetFramework as WorkloadUnitName
    }));
  }
  if (out.length === 0) {
    const credits = typeof subject?.creditsEarned === 'number' ? subject.creditsEarned : achievement?.creditsAvailable;
    if (typeof credits === 'number' && Number.isFinite(credits) && credits >= 0) out.push({
      value: credits,
      unit: 'credits'
    });
  }
  return out;
}
function eqfFromAlignment(a: Obj): number | undefined {
  const fw = str(a.targetFramework) ?? '';
  const url = str(a.targetUrl) ?? '';
  const fromUrl = /^https?:\/\/data\.europa\.eu\/snb\/eqf\/([1-8])$/.exec(url);
  if (fromUrl) return Number(fromUrl[1]);
  if (!EQF_NAMES.test(fw)) return undefined;
  const code = str(a.targetCode) ?? str(a.targetName) ?? '';
  const m = /([1-8])\s*$/.exec(code);
  return m ? Number(m[1]) : undefined;
}

/** Levels: our `qualificationLevel` term, and OB alignments to the EQF (targetFramework "EQF" or an EQF level URL). */
export function readLevels(achievement: Obj | undefined): {
  framework: string;
  level: number | string;
}[] {
  const out: {
    framework: string;
    level: number | string;
  }[] = [];
  const add = (framework: string, level: number | string) => {
    if (!out.some(l => l.framework === framework && l.level === level)) out.push({
      framework,
      level
    });
  };
  for (const l of list(achievement?.qualificationLevel)) {
    if (!isObj(l)) continue;
    const fw = str(l.framework);
    const lv = l.level;
    if (stryMutAct_9fa48("68") ? !fw && fw === 'none' : stryMutAct_9fa48("67") ? false : stryMutAct_9fa48("66") ? true : (stryCov_9fa48("66", "67", "68"), (stryMutAct_9fa48("69") ? fw : (stryCov_9fa48("69"), !fw)) || (stryMutAct_9fa48("71") ? fw !== 'none' : stryMutAct_9fa48("70") ? false : (stryCov_9fa48("70", "71"), fw === (stryMutAct_9fa48("72") ? "" : (stryCov_9fa48("72"), 'none')))))) continue;
    const cycle = str(l.cycle);
    if (stryMutAct_9fa48("75") ? EQF_NAMES.test(fw) || typeof lv === 'number' || typeof lv === 'string' && /^\d+$/.test(lv) : stryMutAct_9fa48("74") ? false : stryMutAct_9fa48("73") ? true : (stryCov_9fa48("73", "74", "75"), EQF_NAMES.test(fw) && (stryMutAct_9fa48("77") ? typeof lv === 'number' && typeof lv === 'string' && /^\d+$/.test(lv) : stryMutAct_9fa48("76") ? true : (stryCov_9fa48("76", "77"), (stryMutAct_9fa48("79") ? typeof lv !== 'number' : stryMutAct_9fa48("78") ? false : (stryCov_9fa48("78", "79"), typeof lv === (stryMutAct_9fa48("80") ? "" : (stryCov_9fa48("80"), 'number')))) || (stryMutAct_9fa48("82") ? typeof lv === 'string' || /^\d+$/.test(lv) : stryMutAct_9fa48("81") ? false : (stryCov_9fa48("81", "82"), (stryMutAct_9fa48("84") ? typeof lv !== 'string' : stryMutAct_9fa48("83") ? true : (stryCov_9fa48("83", "84"), typeof lv === (stryMutAct_9fa48("85") ? "" : (stryCov_9fa48("85"), 'string')))) && (stryMutAct_9fa48("89") ? /^\D+$/ : stryMutAct_9fa48("88") ? /^\d$/ : stryMutAct_9fa48("87") ? /^\d+/ : stryMutAct_9fa48("86") ? /\d+$/ : (stryCov_9fa48("86", "87", "88", "89"), /^\d+$/)).test(lv))))))) add(stryMutAct_9fa48("90") ? "" : (stryCov_9fa48("90"), 'EQF'), Number(lv));else if (stryMutAct_9fa48("92") ? false : stryMutAct_9fa48("91") ? true : (stryCov_9fa48("91", "92"), EHEA_NAMES.test(fw))) add(stryMutAct_9fa48("93") ? "" : (stryCov_9fa48("93"), 'QF-EHEA'), stryMutAct_9fa48("94") ? cycle && String(lv) : (stryCov_9fa48("94"), cycle ?? String(lv)));else if (stryMutAct_9fa48("97") ? typeof lv === 'string' && typeof lv === 'number' : stryMutAct_9fa48("96") ? false : stryMutAct_9fa48("95") ? true : (stryCov_9fa48("95", "96", "97"), (stryMutAct_9fa48("99") ? typeof lv !== 'string' : stryMutAct_9fa48("98") ? false : (stryCov_9fa48("98", "99"), typeof lv === (stryMutAct_9fa48("100") ? "" : (stryCov_9fa48("100"), 'string')))) || (stryMutAct_9fa48("102") ? typeof lv !== 'number' : stryMutAct_9fa48("101") ? false : (stryCov_9fa48("101", "102"), typeof lv === (stryMutAct_9fa48("103") ? "" : (stryCov_9fa48("103"), 'number')))))) add(fw, (stryMutAct_9fa48("106") ? typeof lv === 'string' || /^\d+$/.test(lv) : stryMutAct_9fa48("105") ? false : stryMutAct_9fa48("104") ? true : (stryCov_9fa48("104", "105", "106"), (stryMutAct_9fa48("108") ? typeof lv !== 'string' : stryMutAct_9fa48("107") ? true : (stryCov_9fa48("107", "108"), typeof lv === (stryMutAct_9fa48("109") ? "" : (stryCov_9fa48("109"), 'string')))) && (stryMutAct_9fa48("113") ? /^\D+$/ : stryMutAct_9fa48("112") ? /^\d$/ : stryMutAct_9fa48("111") ? /^\d+/ : stryMutAct_9fa48("110") ? /\d+$/ : (stryCov_9fa48("110", "111", "112", "113"), /^\d+$/)).test(lv))) ? Number(lv) : lv);
    if (stryMutAct_9fa48("116") ? cycle || CYCLE_TO_EQF[cycle] !== undefined : stryMutAct_9fa48("115") ? false : stryMutAct_9fa48("114") ? true : (stryCov_9fa48("114", "115", "116"), cycle && (stryMutAct_9fa48("118") ? CYCLE_TO_EQF[cycle] === undefined : stryMutAct_9fa48("117") ? true : (stryCov_9fa48("117", "118"), CYCLE_TO_EQF[cycle] !== undefined)))) add(stryMutAct_9fa48("119") ? "" : (stryCov_9fa48("119"), 'EQF'), CYCLE_TO_EQF[cycle]);
  }
  for (const a of list(achievement?.alignment)) {
    if (!isObj(a)) continue;
    const n = eqfFromAlignment(a);
    if (n !== undefined) add('EQF', n);else if (EHEA_NAMES.test(str(a.targetFramework) ?? '')) {
      const cycle = /(short|first|second|third)/.exec(str(a.targetCode) ?? str(a.targetName) ?? '')?.[1];
      if (cycle) {
        add('QF-EHEA', cycle);
        add('EQF', CYCLE_TO_EQF[cycle]!);
      }
    }
  }
  return out;
}

/** Alignment target types that carry other EU elements (level, workload, quality assurance, the outcome text itself). */
const NOT_SKILLS = new Set(['ext:QualificationLevel', 'ext:NotionalWorkload', 'ext:QualityAssurance', 'ext:LearningOutcome']);

/** Skills: targetUrl and targetCode of every alignment of the achievement and of its learning outcomes (level alignments excluded). */
export function readSkills(achievement: Obj | undefined): string[] {
  const out = new Set<string>();
  const take = (alignments: unknown) => {
    for (const a of list(alignments)) {
      if (!isObj(a) || NOT_SKILLS.has(a.targetType as string) || eqfFromAlignment(a) !== undefined) continue;
      const url = str(a.targetUrl);
      const code = str(a.targetCode);
      if (url) out.add(url);
      if (code) out.add(code);
      if (url && code) out.add(`${url}#${code}`);
    }
  };
  take(achievement?.alignment);
  for (const lo of list(achievement?.learningOutcomes)) if (isObj(lo)) take(lo.alignment);
  return [...out];
}

/** Results: `credentialSubject.result[]`, resolved against the achievement's result descriptions and rubrics. */
export function readResults(achievement: Obj | undefined, subject: Obj | undefined): ResultFact[] {
  const descriptions = list(achievement?.resultDescription).filter(isObj);
  const out: ResultFact[] = [];
  for (const r of list(subject?.result)) {
    if (stryMutAct_9fa48("122") ? false : stryMutAct_9fa48("121") ? true : stryMutAct_9fa48("120") ? isObj(r) : (stryCov_9fa48("120", "121", "122"), !isObj(r))) continue;
    const rdRef = str(r.resultDescription);
    const rd = rdRef ? descriptions.find(stryMutAct_9fa48("123") ? () => undefined : (stryCov_9fa48("123"), d => stryMutAct_9fa48("126") ? d.id === rdRef && d.name === rdRef : stryMutAct_9fa48("125") ? false : stryMutAct_9fa48("124") ? true : (stryCov_9fa48("124", "125", "126"), (stryMutAct_9fa48("128") ? d.id !== rdRef : stryMutAct_9fa48("127") ? false : (stryCov_9fa48("127", "128"), d.id === rdRef)) || (stryMutAct_9fa48("130") ? d.name !== rdRef : stryMutAct_9fa48("129") ? false : (stryCov_9fa48("129", "130"), d.name === rdRef))))) : undefined;
    const fact: ResultFact = {};
    if (stryMutAct_9fa48("132") ? false : stryMutAct_9fa48("131") ? true : (stryCov_9fa48("131", "132"), rdRef)) fact.resultDescription = rdRef;
    const rdName = rd ? str(rd.name) : undefined;
    if (stryMutAct_9fa48("134") ? false : stryMutAct_9fa48("133") ? true : (stryCov_9fa48("133", "134"), rdName)) fact.resultDescriptionName = rdName;
    const value = (stryMutAct_9fa48("137") ? typeof r.value !== 'number' : stryMutAct_9fa48("136") ? false : stryMutAct_9fa48("135") ? true : (stryCov_9fa48("135", "136", "137"), typeof r.value === (stryMutAct_9fa48("138") ? "" : (stryCov_9fa48("138"), 'number')))) ? String(r.value) : str(r.value);
    if (stryMutAct_9fa48("141") ? value === undefined : stryMutAct_9fa48("140") ? false : stryMutAct_9fa48("139") ? true : (stryCov_9fa48("139", "140", "141"), value !== undefined)) {
      if (stryMutAct_9fa48("142")) {
        {}
      } else {
        stryCov_9fa48("142");
        fact.value = value;
        // the text without a decimal comma and a trailing %; a bare "%" or blank text is no number (Number('') is 0)
        const t = value.replace(stryMutAct_9fa48("143") ? "" : (stryCov_9fa48("143"), ','), stryMutAct_9fa48("144") ? "" : (stryCov_9fa48("144"), '.')).replace(stryMutAct_9fa48("145") ? /%/ : (stryCov_9fa48("145"), /%$/), stryMutAct_9fa48("146") ? "Stryker was here!" : (stryCov_9fa48("146"), ''));
        const n = Number(t);
        if (stryMutAct_9fa48("149") ? t.trim() !== '' || Number.isFinite(n) : stryMutAct_9fa48("148") ? false : stryMutAct_9fa48("147") ? true : (stryCov_9fa48("147", "148", "149"), (stryMutAct_9fa48("151") ? t.trim() === '' : stryMutAct_9fa48("150") ? true : (stryCov_9fa48("150", "151"), (stryMutAct_9fa48("152") ? t : (stryCov_9fa48("152"), t.trim())) !== (stryMutAct_9fa48("153") ? "Stryker was here!" : (stryCov_9fa48("153"), '')))) && Number.isFinite(n))) fact.numeric = n;
      }
    }
    const status = str(r.status);
    if (stryMutAct_9fa48("155") ? false : stryMutAct_9fa48("154") ? true : (stryCov_9fa48("154", "155"), status)) fact.status = status;
    const achieved = str(r.achievedLevel);
    if (stryMutAct_9fa48("157") ? false : stryMutAct_9fa48("156") ? true : (stryCov_9fa48("156", "157"), achieved)) {
      if (stryMutAct_9fa48("158")) {
        {}
      } else {
        stryCov_9fa48("158");
        fact.achievedLevel = achieved;
        const levels = stryMutAct_9fa48("159") ? list(rd?.rubricCriterionLevel) : (stryCov_9fa48("159"), list(stryMutAct_9fa48("160") ? rd.rubricCriterionLevel : (stryCov_9fa48("160"), rd?.rubricCriterionLevel)).filter(isObj));
        if (stryMutAct_9fa48("164") ? levels.length <= 0 : stryMutAct_9fa48("163") ? levels.length >= 0 : stryMutAct_9fa48("162") ? false : stryMutAct_9fa48("161") ? true : (stryCov_9fa48("161", "162", "163", "164"), levels.length > 0)) {
          if (stryMutAct_9fa48("165")) {
            {}
          } else {
            stryCov_9fa48("165");
            fact.rubric = levels.map(stryMutAct_9fa48("166") ? () => undefined : (stryCov_9fa48("166"), l => stryMutAct_9fa48("167") ? {} : (stryCov_9fa48("167"), {
              ...(str(l.id) ? stryMutAct_9fa48("168") ? {} : (stryCov_9fa48("168"), {
                id: str(l.id)
              }) : {}),
              ...(str(l.name) ? stryMutAct_9fa48("169") ? {} : (stryCov_9fa48("169"), {
                name: str(l.name)
              }) : {})
            })));
            const rank = levels.findIndex(stryMutAct_9fa48("170") ? () => undefined : (stryCov_9fa48("170"), l => stryMutAct_9fa48("173") ? l.id === achieved && l.name === achieved : stryMutAct_9fa48("172") ? false : stryMutAct_9fa48("171") ? true : (stryCov_9fa48("171", "172", "173"), (stryMutAct_9fa48("175") ? l.id !== achieved : stryMutAct_9fa48("174") ? false : (stryCov_9fa48("174", "175"), l.id === achieved)) || (stryMutAct_9fa48("177") ? l.name !== achieved : stryMutAct_9fa48("176") ? false : (stryCov_9fa48("176", "177"), l.name === achieved)))));
            if (stryMutAct_9fa48("181") ? rank < 0 : stryMutAct_9fa48("180") ? rank > 0 : stryMutAct_9fa48("179") ? false : stryMutAct_9fa48("178") ? true : (stryCov_9fa48("178", "179", "180", "181"), rank >= 0)) {
              if (stryMutAct_9fa48("182")) {
                {}
              } else {
                stryCov_9fa48("182");
                fact.levelRank = rank;
                const nm = str(levels[rank]!.name);
                if (stryMutAct_9fa48("184") ? false : stryMutAct_9fa48("183") ? true : (stryCov_9fa48("183", "184"), nm)) fact.achievedLevelName = nm;
              }
            }
          }
        }
      }
    }
    out.push(fact);
  }
  return out;
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
  const cred = isObj(credential) ? credential : {};
  const subject = list(cred.credentialSubject).find(isObj);
  const achievement = achievementOf(cred);
  const facts: CredentialFacts = {
    achievementTypes: strings(achievement?.achievementType),
    workload: readWorkload(achievement, subject),
    level: readLevels(achievement),
    skills: readSkills(achievement),
    results: readResults(achievement, subject)
  };
  const set = <K extends keyof CredentialFacts,>(k: K, v: CredentialFacts[K] | undefined) => {
    if (stryMutAct_9fa48("185")) {
      {}
    } else {
      stryCov_9fa48("185");
      if (stryMutAct_9fa48("188") ? v === undefined : stryMutAct_9fa48("187") ? false : stryMutAct_9fa48("186") ? true : (stryCov_9fa48("186", "187", "188"), v !== undefined)) facts[k] = v;
    }
  };
  set(stryMutAct_9fa48("189") ? "" : (stryCov_9fa48("189"), 'id'), str(cred.id));
  set(stryMutAct_9fa48("190") ? "" : (stryCov_9fa48("190"), 'achievementId'), str(stryMutAct_9fa48("191") ? achievement.id : (stryCov_9fa48("191"), achievement?.id)));
  set(stryMutAct_9fa48("192") ? "" : (stryCov_9fa48("192"), 'achievementName'), str(stryMutAct_9fa48("193") ? achievement.name : (stryCov_9fa48("193"), achievement?.name)));
  set(stryMutAct_9fa48("194") ? "" : (stryCov_9fa48("194"), 'issuer'), idOf(cred.issuer));
  set(stryMutAct_9fa48("195") ? "" : (stryCov_9fa48("195"), 'creator'), idOf(stryMutAct_9fa48("196") ? achievement.creator : (stryCov_9fa48("196"), achievement?.creator)));
  set(stryMutAct_9fa48("197") ? "" : (stryCov_9fa48("197"), 'subject'), str(stryMutAct_9fa48("198") ? subject.id : (stryCov_9fa48("198"), subject?.id)));
  const when = (stryMutAct_9fa48("199") ? [] : (stryCov_9fa48("199"), [cred.awardedDate, cred.validFrom, cred.issuanceDate])).map(str).find(stryMutAct_9fa48("200") ? () => undefined : (stryCov_9fa48("200"), d => stryMutAct_9fa48("203") ? d !== undefined || !Number.isNaN(Date.parse(d)) : stryMutAct_9fa48("202") ? false : stryMutAct_9fa48("201") ? true : (stryCov_9fa48("201", "202", "203"), (stryMutAct_9fa48("205") ? d === undefined : stryMutAct_9fa48("204") ? true : (stryCov_9fa48("204", "205"), d !== undefined)) && (stryMutAct_9fa48("206") ? Number.isNaN(Date.parse(d)) : (stryCov_9fa48("206"), !Number.isNaN(Date.parse(d)))))));
  set(stryMutAct_9fa48("207") ? "" : (stryCov_9fa48("207"), 'awardedAt'), when);
  return facts;
}
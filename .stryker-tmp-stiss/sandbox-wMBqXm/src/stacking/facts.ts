/**
 * Small accessors that read what stacking needs from an OB 3.0 credential. Everything that depends on where the data
 * model puts workload, level, skills and results lives here, so a model change touches one file.
 */
// @ts-nocheck

import type { CredentialFacts, Quantity, ResultFact, WorkloadUnitName } from './types.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const idOf = (v: unknown): string | undefined => (typeof v === 'string' ? str(v) : isObj(v) ? str(v.id) : undefined);
const strings = (v: unknown): string[] => list(v).filter((x): x is string => typeof x === 'string');

/** QF-EHEA cycles and their EQF level (the frameworks are officially referenced to each other). */
const CYCLE_TO_EQF: Record<string, number> = { short: 5, first: 6, second: 7, third: 8 };

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
      if (!out.some((q) => q.unit === w.unit)) out.push({ value: w.value, unit: w.unit as WorkloadUnitName });
    }
  }
  // standard-first output: alignment[] with targetType ext:NotionalWorkload (amount in targetCode, unit in targetFramework)
  for (const a of list(achievement?.alignment)) {
    if (!isObj(a) || a.targetType !== 'ext:NotionalWorkload' || typeof a.targetFramework !== 'string' || a.targetFramework === '') continue;
    const value = typeof a.targetCode === 'string' && /^\d+(\.\d+)?$/.test(a.targetCode) ? Number(a.targetCode) : NaN;
    if (Number.isFinite(value) && !out.some((q) => q.unit === a.targetFramework)) out.push({ value, unit: a.targetFramework as WorkloadUnitName });
  }
  if (out.length === 0) {
    const credits = typeof subject?.creditsEarned === 'number' ? subject.creditsEarned : achievement?.creditsAvailable;
    if (typeof credits === 'number' && Number.isFinite(credits) && credits >= 0) out.push({ value: credits, unit: 'credits' });
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
export function readLevels(achievement: Obj | undefined): { framework: string; level: number | string }[] {
  const out: { framework: string; level: number | string }[] = [];
  const add = (framework: string, level: number | string) => {
    if (!out.some((l) => l.framework === framework && l.level === level)) out.push({ framework, level });
  };
  for (const l of list(achievement?.qualificationLevel)) {
    if (!isObj(l)) continue;
    const fw = str(l.framework);
    const lv = l.level;
    if (!fw || fw === 'none') continue;
    const cycle = str(l.cycle);
    if (EQF_NAMES.test(fw) && (typeof lv === 'number' || (typeof lv === 'string' && /^\d+$/.test(lv)))) add('EQF', Number(lv));
    else if (EHEA_NAMES.test(fw)) add('QF-EHEA', cycle ?? String(lv));
    else if (typeof lv === 'string' || typeof lv === 'number') add(fw, typeof lv === 'string' && /^\d+$/.test(lv) ? Number(lv) : lv);
    if (cycle && CYCLE_TO_EQF[cycle] !== undefined) add('EQF', CYCLE_TO_EQF[cycle]);
  }
  for (const a of list(achievement?.alignment)) {
    if (!isObj(a)) continue;
    const n = eqfFromAlignment(a);
    if (n !== undefined) add('EQF', n);
    else if (EHEA_NAMES.test(str(a.targetFramework) ?? '')) {
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
    if (!isObj(r)) continue;
    const rdRef = str(r.resultDescription);
    const rd = rdRef ? descriptions.find((d) => d.id === rdRef || d.name === rdRef) : undefined;
    const fact: ResultFact = {};
    if (rdRef) fact.resultDescription = rdRef;
    const rdName = rd ? str(rd.name) : undefined;
    if (rdName) fact.resultDescriptionName = rdName;
    const value = typeof r.value === 'number' ? String(r.value) : str(r.value);
    if (value !== undefined) {
      fact.value = value;
      // the text without a decimal comma and a trailing %; a bare "%" or blank text is no number (Number('') is 0)
      const t = value.replace(',', '.').replace(/%$/, '');
      const n = Number(t);
      if (t.trim() !== '' && Number.isFinite(n)) fact.numeric = n;
    }
    const status = str(r.status);
    if (status) fact.status = status;
    const achieved = str(r.achievedLevel);
    if (achieved) {
      fact.achievedLevel = achieved;
      const levels = list(rd?.rubricCriterionLevel).filter(isObj);
      if (levels.length > 0) {
        fact.rubric = levels.map((l) => ({ ...(str(l.id) ? { id: str(l.id) } : {}), ...(str(l.name) ? { name: str(l.name) } : {}) }));
        const rank = levels.findIndex((l) => l.id === achieved || l.name === achieved);
        if (rank >= 0) {
          fact.levelRank = rank;
          const nm = str(levels[rank]!.name);
          if (nm) fact.achievedLevelName = nm;
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
    results: readResults(achievement, subject),
  };
  const set = <K extends keyof CredentialFacts>(k: K, v: CredentialFacts[K] | undefined) => {
    if (v !== undefined) facts[k] = v;
  };
  set('id', str(cred.id));
  set('achievementId', str(achievement?.id));
  set('achievementName', str(achievement?.name));
  set('issuer', idOf(cred.issuer));
  set('creator', idOf(achievement?.creator));
  set('subject', str(subject?.id));
  const when = [cred.awardedDate, cred.validFrom, cred.issuanceDate].map(str).find((d) => d !== undefined && !Number.isNaN(Date.parse(d)));
  set('awardedAt', when);
  return facts;
}

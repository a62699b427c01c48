// @ts-nocheck
import countries from 'i18n-iso-countries';
import { InvalidInputError } from '../errors.js';
import { OB_ASSESSMENT_CONTEXT, OB_V3_CONTEXT, VC_V1_CONTEXT, VC_V2_CONTEXT } from '../jsonld/contexts.js';
import { createDocumentLoader, type DocumentLoaderOptions } from '../jsonld/loader.js';
import { credstackInlineContext } from '../model/extension.js';
import { buildView } from '../verify/view.js';
import type { Assessment, ElmAdditional, IdentityObject, LanguageMap, QualificationLevel, QualityAssurance, Workload } from '../model/types.js';
import { isEscoUrl, readEuElements, type EuElements, type EuLearningOutcome, type EuOrganisation } from './elements.js';
import {
  ACCREDITATION_INSTITUTIONAL_QA, COUNTRY_PREFIX, COUNTRY_SCHEME, ECTS_CONCEPT, EDC_GENERIC_SCHEMA, ESCO_SKILLS_SCHEME, GENERIC_PROFILE,
  MODE, SHORT_LEARNING_PROGRAMME, SUPERVISION, concept, eqfConcept, localConcept, type ElmConcept,
} from './vocabularies.js';

/** The ELM 3 application-profile context for European Digital Credentials. @example `doc['@context'][1] === EDC_AP_CONTEXT` */
export const EDC_AP_CONTEXT = 'http://data.europa.eu/snb/model/context/edc-ap';

/** Scheme of the local concept that carries a non-EU framework's level (`urn:credstack:framework:<framework>`). @internal */
export const FRAMEWORK_SCHEME_PREFIX = 'urn:credstack:framework:';
/** Local concept for the QF-EHEA cycle that accompanies an EQF level (ELM has no QF-EHEA field). @internal */
export const EHEA_CYCLE_OF_EQF = 'urn:credstack:framework:QF-EHEA#';

/**
 * One judgement the mapping had to make, or a value that has no EU concept (exported as a local concept).
 * @example `const n: ElmMappingNote = { element: 'assessmentType', path: '$.credentialSubject.hasClaim.provenBy[0]…', message: '…' };`
 */
export interface ElmMappingNote {
  /** The EU element (or ELM field) concerned. */
  element: string;
  /** JSON path in the document that was produced (export) or read (import). */
  path: string;
  message: string;
  /** `W_ELM_LOCAL_CONCEPT` (exported without an EU URI), `W_ELM_NOT_MAPPED` (left out), … */
  code: string;
}

/**
 * What {@link toElm} returns: the unsigned European Digital Credential (or, for an achievement, its ELM `Qualification`)
 * and the notes on what had no EU home.
 * @example
 * ```ts
 * const { document, notes } = await toElm(openBadge);
 * notes.map((n) => n.code); // ['W_ELM_LOCAL_CONCEPT', …]
 * ```
 */
export interface ElmExport {
  document: Record<string, unknown>;
  notes: ElmMappingNote[];
}

/**
 * Options of {@link toElm}.
 * @example `const o: ToElmOptions = { now: '2026-09-01T09:00:00Z' };`
 */
export interface ToElmOptions {
  /** Clock for a missing `validFrom` (tests pin it). */
  now?: Date | string;
  /** Extra JSON-LD contexts the credential uses, by URL (to read its `elmAdditional` through JSON-LD). */
  documents?: DocumentLoaderOptions['documents'];
}

class Builder {
  private counters = new Map<string, number>();
  readonly notes: ElmMappingNote[] = [];
  /** `reserved`: node ids used by the carried `elmAdditional` fields, never generated again (a shared id merges nodes). */
  constructor(readonly language: string, private readonly reserved: ReadonlySet<string> = new Set()) {}

  id(kind: string): string {
    let id: string;
    do {
      const n = (this.counters.get(kind) ?? 0) + 1;
      this.counters.set(kind, n);
      id = `urn:epass:${kind}:${n}`;
    } while (this.reserved.has(id));
    return id;
  }

  text(t: LanguageMap | string | undefined): LanguageMap {
    if (t === undefined) return {};
    return typeof t === 'string' ? { [this.language]: t } : { ...t };
  }

  note(literal: LanguageMap): Record<string, unknown> {
    return { id: this.id('note'), type: 'Note', noteLiteral: literal };
  }

  warn(element: string, path: string, code: string, message: string): void {
    this.notes.push({ element, path, code, message });
  }

  organisation(o: EuOrganisation, path: string): Record<string, unknown> {
    const org: Record<string, unknown> = { id: o.id, type: 'Organisation', legalName: Object.keys(o.name).length ? o.name : { [this.language]: o.id } };
    if (!Object.keys(o.name).length) this.warn('awardingBody', `${path}.legalName`, 'W_ELM_NAME_MISSING', `organisation ${o.id} has no name; its id is used as legalName`);
    if (o.country) {
      const alpha3 = countries.alpha2ToAlpha3(o.country.toUpperCase());
      if (alpha3) {
        org.location = {
          id: this.id('location'), type: 'Location',
          address: { id: this.id('address'), type: 'Address', countryCode: concept(`${COUNTRY_PREFIX}${alpha3}`, o.country.toUpperCase(), COUNTRY_SCHEME, 'country') },
        };
      } else {
        this.warn('issuerCountry', `${path}.location`, 'W_ELM_NOT_MAPPED', `country code ${JSON.stringify(o.country)} is not an ISO 3166-1 alpha-2 code; left out`);
      }
    }
    if (o.url) org.homepage = { id: this.id('webResource'), type: 'WebResource', contentURL: o.url };
    if (o.email) org.contactPoint = { id: this.id('contactPoint'), type: 'ContactPoint', emailAddress: { id: `mailto:${o.email}`, type: 'Mailbox' } };
    return org;
  }
}

/** Identity objects (hashed email / student id) → ELM `Identifier`s; the salt and hashing travel in `schemeId`. @internal */
export function identifierOf(o: IdentityObject, id: string): Record<string, unknown> {
  const scheme = `urn:credstack:identity:${o.hashed ? 'hashed' : 'plain'}${o.salt !== undefined ? `:salt:${encodeURIComponent(o.salt)}` : ''}`;
  return { id, type: 'Identifier', notation: o.identityHash, schemeName: o.identityType, schemeId: scheme };
}

function learningOutcomeOf(b: Builder, lo: EuLearningOutcome, path: string): Record<string, unknown> {
  const out: Record<string, unknown> = { id: lo.id ?? b.id('learningOutcome'), type: 'LearningOutcome', title: lo.text };
  const esco = lo.skills.filter((s) => isEscoUrl(s.id));
  const other = lo.skills.filter((s) => !isEscoUrl(s.id));
  if (esco.length) out.relatedESCOSkill = esco.map((s) => concept(s.id, s.name, ESCO_SKILLS_SCHEME, 'Skill'));
  if (other.length) {
    out.relatedSkill = other.map((s) => concept(s.id, s.name, `${FRAMEWORK_SCHEME_PREFIX}${encodeURIComponent(s.framework ?? 'skills')}`, s.code));
    b.warn('learningOutcomes', `${path}.relatedSkill`, 'W_ELM_LOCAL_CONCEPT', `${other.length} skill(s) outside ESCO exported as relatedSkill concepts in a local scheme`);
  }
  return out;
}

function levelsOf(b: Builder, levels: QualificationLevel[], q: Record<string, unknown>, path: string): void {
  const nqf: ElmConcept[] = [];
  for (const l of levels) {
    if (l.framework === 'none' || l.level === 'not-applicable') continue;
    if (l.framework === 'EQF') {
      if (q.eqfLevel) {
        b.warn('level', `${path}.eqfLevel`, 'W_ELM_NOT_MAPPED', `ELM allows one EQF level; EQF ${l.level} left out`);
        continue;
      }
      q.eqfLevel = eqfConcept(Number(l.level));
      if (l.cycle) nqf.push(concept(`${EHEA_CYCLE_OF_EQF}${encodeURIComponent(`${l.cycle}-cycle`)}`, `QF-EHEA ${l.cycle} cycle`, `${FRAMEWORK_SCHEME_PREFIX}QF-EHEA`, `${l.cycle}-cycle`));
      continue;
    }
    const c = concept(l.levelUrl ?? `${FRAMEWORK_SCHEME_PREFIX}${encodeURIComponent(l.framework)}#${encodeURIComponent(l.level)}`,
      `${l.framework} level ${l.level}`, `${FRAMEWORK_SCHEME_PREFIX}${encodeURIComponent(l.framework)}`, l.level);
    nqf.push(c);
    b.warn('level', `${path}.nqfLevel`, 'W_ELM_LOCAL_CONCEPT', `${l.framework} level ${l.level} has no EU concept URI: exported as a concept in a local scheme`);
  }
  if (nqf.length) q.nqfLevel = nqf;
}

function workloadOf(b: Builder, workload: Workload[], q: Record<string, unknown>, path: string): void {
  const credits: Record<string, unknown>[] = [];
  for (const w of workload) {
    if (w.unit === 'hours') {
      if (q.volumeOfLearning) {
        b.warn('workload', `${path}.volumeOfLearning`, 'W_ELM_NOT_MAPPED', `ELM has one volumeOfLearning; ${w.value} hours left out`);
        continue;
      }
      q.volumeOfLearning = `PT${w.value}H`;
    } else if (w.unit === 'ECTS') {
      credits.push({ id: b.id('creditPoint'), type: 'CreditPoint', framework: ECTS_CONCEPT, point: String(w.value) });
    } else {
      credits.push({ id: b.id('creditPoint'), type: 'CreditPoint', framework: localConcept('credit-system', w.unit, w.unit.replace(/^ext:/, '')), point: String(w.value) });
      b.warn('workload', `${path}.creditPoint`, 'W_ELM_LOCAL_CONCEPT', `credit system ${w.unit} has no EU concept URI: exported as a local concept`);
    }
  }
  if (credits.length) q.creditPoint = credits;
}

function qualityAssuranceOf(b: Builder, qa: QualityAssurance[], q: Record<string, unknown>, path: string): void {
  if (!qa.length) return;
  q.accreditation = qa.map((x, i) => {
    const dcType = x.assuranceType === 'internal' ? ACCREDITATION_INSTITUTIONAL_QA : localConcept('quality-assurance', x.assuranceType, x.assuranceType.replace(/^ext:/, ''));
    if (x.assuranceType !== 'internal') b.warn('qualityAssurance', `${path}.accreditation[${i}].dcType`, 'W_ELM_LOCAL_CONCEPT', `quality assurance type ${x.assuranceType} has no confirmed EU concept: exported as a local concept`);
    const acc: Record<string, unknown> = { id: b.id('accreditation'), type: 'Accreditation', dcType, title: b.text(x.description) };
    if (x.assuranceUrl) acc.homepage = { id: b.id('webResource'), type: 'WebResource', contentURL: x.assuranceUrl };
    return acc;
  });
}

function assessmentsOf(b: Builder, e: EuElements, path: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const list: (Assessment | undefined)[] = e.assessments.length ? e.assessments : e.grade !== undefined ? [undefined] : [];
  list.forEach((a, i) => {
    const p = `${path}.provenBy[${i}]`;
    const la: Record<string, unknown> = { id: b.id('learningAssessment'), type: 'LearningAssessment', title: a ? b.text(a.description) : b.text('Assessment') };
    if (e.grade !== undefined && i === 0) la.grade = b.note(b.text(e.grade));
    if (a) {
      const spec: Record<string, unknown> = {
        id: b.id('learningAssessmentSpec'), type: 'LearningAssessmentSpecification', title: b.text(a.description),
        dcType: localConcept('assessment-type', a.assessmentType, a.assessmentType.replace(/^ext:/, '')),
      };
      b.warn('assessmentType', `${p}.specifiedBy.dcType`, 'W_ELM_LOCAL_CONCEPT', `assessment type ${a.assessmentType} (1EdTech Assessment Extension) has no confirmed EU concept: exported as a local concept`);
      switch (a.supervision) {
        case undefined: break;
        case 'unsupervised-no-id-check': la.idVerification = SUPERVISION['unsupervised-no-id-check']; break;
        case 'supervised-online-id-check': la.idVerification = SUPERVISION['supervised-id-check']; spec.mode = MODE.online; break;
        case 'supervised-onsite-id-check': la.idVerification = SUPERVISION['supervised-id-check']; spec.mode = MODE.onsite; break;
        default:
          la.idVerification = localConcept('supervision', a.supervision, a.supervision);
          b.warn('supervision', `${p}.idVerification`, 'W_ELM_LOCAL_CONCEPT', `supervision ${a.supervision} has no confirmed EU concept: exported as a local concept`);
      }
      la.specifiedBy = spec;
    }
    out.push(la);
  });
  return out;
}

/** @internal The ELM `Qualification` for the achievement side of the EU elements. */
function qualificationOf(b: Builder, e: EuElements, path: string): Record<string, unknown> {
  const q: Record<string, unknown> = { id: e.achievementId, type: 'Qualification', title: e.title, dcType: SHORT_LEARNING_PROGRAMME };
  if (Object.keys(e.description).length) q.description = e.description;
  if (e.learningOutcomes.length) q.learningOutcome = e.learningOutcomes.map((lo, i) => learningOutcomeOf(b, lo, `${path}.learningOutcome[${i}]`));
  workloadOf(b, e.workload, q, path);
  levelsOf(b, e.levels, q, path);
  const modes: ElmConcept[] = [];
  for (const f of e.participation) {
    if (f === 'online' || f === 'onsite' || f === 'blended') modes.push(MODE[f]);
    else {
      modes.push(localConcept('participation', f, f.replace(/^ext:/, '')));
      b.warn('participationForm', `${path}.mode`, 'W_ELM_LOCAL_CONCEPT', `form of participation ${f} has no confirmed EU concept: exported as a local concept`);
    }
  }
  if (modes.length) q.mode = modes;
  qualityAssuranceOf(b, e.qualityAssurance, q, path);
  if (e.prerequisites) q.entryRequirement = b.note(b.text(e.prerequisites));
  const notes: Record<string, unknown>[] = [];
  if (e.furtherInformation) notes.push({ ...b.note(b.text(e.furtherInformation)), subject: localConcept('note', 'further-information', 'Further information') });
  if (e.stackability) {
    const s = e.stackability;
    const text = [s.option, s.description, ...(s.towards ?? []).map((t) => `towards ${t}`)].filter(Boolean).join('; ');
    notes.push({ ...b.note(b.text(text)), subject: localConcept('note', `stackability:${s.option}`, 'Integration / stackability options') });
    if (s.towards?.length) q.isPartOf = s.towards.map((t) => ({ id: t, type: 'Qualification', title: b.text(t) }));
  }
  if (notes.length) q.additionalNote = notes;
  return q;
}

const isObj = (v: unknown): v is Record<string, any> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The `elmAdditional` values of an Open Badge, read through its JSON-LD view (by OB node). */
interface Additional {
  credential?: ElmAdditional;
  subject?: ElmAdditional;
  achievement?: ElmAdditional;
  issuer?: ElmAdditional;
  awardingBodies: (ElmAdditional | undefined)[];
}

/**
 * Read `elmAdditional` through the signed-data view (expanded with the credential's own contexts, compacted with the
 * trusted ones — src/verify/view.ts), never by its JSON key: a respelled term reads the same, a value that is not the
 * credstack `@json` term is not read. A credential whose view cannot be built carries none (with a note).
 */
async function readAdditional(cred: Record<string, unknown>, b: { warn: Builder['warn'] }, opts: ToElmOptions): Promise<Additional> {
  const out: Additional = { awardingBodies: [] };
  const r = await buildView(cred, createDocumentLoader({ documents: opts.documents }));
  if ('check' in r) {
    b.warn('elmAdditional', '$', 'W_ELM_ADDITIONAL_UNREADABLE', `the credential's JSON-LD view cannot be built (${r.check.code ?? 'error'}): ELM fields kept in elmAdditional are not written`);
    return out;
  }
  const d = r.view.document;
  const subject = r.view.credentialSubject.find(isObj);
  const achievement = isObj(subject?.achievement) ? subject.achievement : undefined;
  const read = (node: unknown, path: string): ElmAdditional | undefined => {
    if (!isObj(node) || node.elmAdditional === undefined) return undefined;
    if (isObj(node.elmAdditional)) return structuredClone(node.elmAdditional);
    b.warn('elmAdditional', `${path}.elmAdditional`, 'W_ELM_ADDITIONAL_INVALID', 'elmAdditional is not a JSON object: not written');
    return undefined;
  };
  const put = <K extends keyof Omit<Additional, 'awardingBodies'>>(k: K, v: ElmAdditional | undefined) => { if (v) out[k] = v; };
  put('credential', read(d, '$'));
  put('issuer', read(d.issuer, '$.issuer'));
  put('subject', read(subject, '$.credentialSubject'));
  put('achievement', read(achievement, '$.credentialSubject.achievement'));
  const joint = achievement?.jointAwardingBody;
  out.awardingBodies = [achievement?.creator, ...(Array.isArray(joint) ? joint : joint === undefined ? [] : [joint])]
    .map((p, i) => read(p, i === 0 ? '$.credentialSubject.achievement.creator' : `$.credentialSubject.achievement.jointAwardingBody[${i - 1}]`));
  return out;
}

/** Every node id in the carried fields (so the builder generates none of them). */
function idsIn(v: unknown, into: Set<string>, depth = 0): Set<string> {
  if (depth > 64) return into;
  if (Array.isArray(v)) for (const x of v) idsIn(x, into, depth + 1);
  else if (isObj(v)) for (const [k, x] of Object.entries(v)) { if (k === 'id' && typeof x === 'string') into.add(x); else idsIn(x, into, depth + 1); }
  return into;
}

/**
 * Write carried ELM fields into a node `toElm` built: a field it did not write is added whole; a field it wrote is
 * completed (objects key by key, lists position by position); a value it wrote differently wins (note).
 */
function mergeAdditional(b: Builder, target: Record<string, unknown>, extra: ElmAdditional, path: string, depth = 0): void {
  for (const [k, v] of Object.entries(extra)) {
    const p = `${path}.${k.slice(0, 120)}`;
    const t = Object.hasOwn(target, k) ? target[k] : undefined;
    if (t === undefined) {
      Object.defineProperty(target, k, { value: structuredClone(v), enumerable: true, writable: true, configurable: true });
      continue;
    }
    const ts = Array.isArray(t) ? t : [t];
    const vs = Array.isArray(v) ? v : [v];
    if (depth < 16 && ts.every(isObj) && vs.every(isObj) && vs.length <= ts.length) {
      vs.forEach((x, i) => mergeAdditional(b, ts[i] as Record<string, unknown>, x as ElmAdditional, Array.isArray(t) ? `${p}[${i}]` : p, depth + 1));
      continue;
    }
    b.warn(k, p, 'W_ELM_ADDITIONAL_CONFLICT', `elmAdditional.${k.slice(0, 120)} is not written: ${p} is already written from the Open Badge`);
  }
}
const typesOf = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : []);

/**
 * Map an Open Badges 3.0 micro-credential (signed or not; a proof is dropped) onto a **European Digital Credential**
 * (European Learning Model 3, `EuropeanDigitalCredential`, `@context` VC 1.1 + `edc-ap`), or an OB `Achievement` onto an
 * ELM `Qualification`. Every EU element credstack models is carried; values with no EU concept URI we could confirm are
 * exported as local concepts and listed in `notes`. The result is unsigned: sign it with `issueCredential`
 * (Data Integrity, `skipSchema: true`) or `signJades`.
 * @example
 * ```ts
 * const { document: edc, notes } = await toElm(openBadge);
 * edc.type;                                            // ['VerifiableCredential', 'EuropeanDigitalCredential']
 * const signed = await issueCredential(edc, { key, skipSchema: true });
 * ```
 */
export async function toElm(source: unknown, opts: ToElmOptions = {}): Promise<ElmExport> {
  if (!isObj(source)) throw new InvalidInputError('toElm expects an Open Badges credential or achievement object', { code: 'ERR_ELM_INPUT' });
  const isAchievement = typesOf(source.type).includes('Achievement') && !typesOf(source.type).includes('VerifiableCredential');
  const cred = isAchievement ? { credentialSubject: { achievement: source } } : source;
  if (!isAchievement && !isObj(typesOf(cred.type).includes('VerifiableCredential') ? (Array.isArray(cred.credentialSubject) ? cred.credentialSubject[0] : cred.credentialSubject)?.achievement : undefined)) {
    throw new InvalidInputError('toElm expects an OpenBadgeCredential (credentialSubject.achievement) or an Achievement', { code: 'ERR_ELM_INPUT' });
  }
  const e = readEuElements(cred);
  if (!e.achievementId) throw new InvalidInputError('the achievement has no id', { code: 'ERR_ELM_INPUT', details: { path: '$.credentialSubject.achievement.id' } });
  const early: ElmMappingNote[] = [];
  const warn = (element: string, path: string, code: string, message: string) => { early.push({ element, path, code, message }); };
  // an achievement alone is read in the contexts awardAchievement would give it
  const add = await readAdditional(isAchievement ? {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT, OB_ASSESSMENT_CONTEXT, credstackInlineContext()],
    type: ['VerifiableCredential', 'OpenBadgeCredential'], credentialSubject: { type: ['AchievementSubject'], achievement: source },
  } : cred, { warn }, opts);
  const b = new Builder(e.language, idsIn(add, new Set()));
  b.notes.push(...early);
  if (isAchievement) {
    const q = qualificationOf(b, e, '$');
    if (add.achievement) mergeAdditional(b, q, add.achievement, '$');
    return { document: { '@context': [VC_V1_CONTEXT, EDC_AP_CONTEXT], ...q }, notes: b.notes };
  }

  const now = opts.now === undefined ? new Date() : new Date(opts.now);
  if (Number.isNaN(now.getTime())) throw new InvalidInputError('options.now is not a valid date', { code: 'ERR_ELM_INPUT' });
  const validFrom = e.validFrom ?? now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const claimPath = '$.credentialSubject.hasClaim';
  const claim: Record<string, unknown> = { id: b.id('learningAchievement'), type: 'LearningAchievement', title: e.title };
  const bodies = e.awardingBodies.length ? e.awardingBodies : [e.issuer];
  if (!e.awardingBodies.length) b.warn('awardingBody', `${claimPath}.awardedBy.awardingBody`, 'W_ELM_AWARDING_BODY_ISSUER', 'no awarding body (achievement.creator): the issuer is named as the awarding body');
  claim.awardedBy = {
    id: b.id('awardingProcess'), type: 'AwardingProcess',
    awardingBody: bodies.map((o, i) => b.organisation(o, `${claimPath}.awardedBy.awardingBody[${i}]`)),
    awardingDate: e.awardedDate ?? validFrom,
  };
  const proven = assessmentsOf(b, e, claimPath);
  if (proven.length) claim.provenBy = proven;
  const q = qualificationOf(b, e, `${claimPath}.specifiedBy`);
  if (add.achievement) mergeAdditional(b, q, add.achievement, `${claimPath}.specifiedBy`);
  claim.specifiedBy = q;
  if (e.parts.length) claim.hasPart = e.parts.map((p) => ({ id: p.id, type: 'LearningAchievement', title: b.text(p.name ?? p.id) }));

  const subject: Record<string, unknown> = { id: e.learner.id ?? b.id('person'), type: 'Person' };
  if (e.learner.identifiers.length) subject.identifier = e.learner.identifiers.map((o) => identifierOf(o, b.id('identifier')));
  subject.hasClaim = claim;
  if (add.subject) mergeAdditional(b, claim, add.subject, claimPath);
  const bodyNodes = (claim.awardedBy as { awardingBody: Record<string, unknown>[] }).awardingBody;
  if (e.awardingBodies.length) {
    add.awardingBodies.forEach((x, i) => { if (x && bodyNodes[i]) mergeAdditional(b, bodyNodes[i]!, x, `${claimPath}.awardedBy.awardingBody[${i}]`); });
  }

  const doc: Record<string, unknown> = {
    '@context': [VC_V1_CONTEXT, EDC_AP_CONTEXT],
    id: e.credentialId ?? `urn:uuid:${globalThis.crypto.randomUUID()}`,
    type: ['VerifiableCredential', 'EuropeanDigitalCredential'],
    credentialProfiles: GENERIC_PROFILE,
    credentialSchema: EDC_GENERIC_SCHEMA,
    issuer: b.organisation(e.issuer, '$.issuer'),
    issuanceDate: validFrom,
    validFrom,
    credentialSubject: subject,
  };
  if (e.validUntil) doc.expirationDate = e.validUntil;
  if (add.issuer) mergeAdditional(b, doc.issuer as Record<string, unknown>, add.issuer, '$.issuer');
  if (add.credential) mergeAdditional(b, doc, add.credential, '$');
  return { document: doc, notes: b.notes };
}

// @ts-nocheck
// The verifier page's reading of a report: what a person wants to see, taken from the signed-data view (report.view),
// never from the raw JSON of an unverifiable document. Every value is untrusted text: the page renders it with
// textContent only. Pure functions, no DOM: test/verifier-page tests them in Node.
import { checkMicrocredential } from '../model/microcredential.js';
import { extractFacts } from '../stacking/facts.js';
import type { Check, VerificationReport } from '../verify/report.js';
import { parseTrustList as parseTrustListText } from '../util/trust-list.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

/** A printable string from untrusted data (strings and finite numbers only, control and bidi characters replaced). */
export function text(v: unknown, max = 500): string | undefined {
  let s: string;
  if (typeof v === 'string') s = v;
  else if (typeof v === 'number' && Number.isFinite(v)) s = `${v}`;
  else return undefined;
  // eslint-disable-next-line no-control-regex
  s = s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '\ufffd').trim();
  if (s === '') return undefined;
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** Only data: URIs of raster images or SVG (an <img> never runs an SVG's scripts), never a URL the page would fetch. */
const IMAGE_DATA_URI = /^data:image\/(png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/=\s]+$/;
export function safeImage(v: unknown): string | undefined {
  const id = typeof v === 'string' ? v : isObj(v) && typeof v.id === 'string' ? v.id : undefined;
  return id !== undefined && id.length < 2_000_000 && IMAGE_DATA_URI.test(id) ? id : undefined;
}

/** How the learner is named. */
export type LearnerDisplay = { kind: 'id'; value: string } | { kind: 'hashed'; types: string[] } | { kind: 'plain'; values: string[] } | { kind: 'none' };

/** What the page shows of one credential. */
export interface BadgeDisplay {
  image?: string;
  achievement?: string;
  description?: string;
  criteria?: string;
  criteriaUrl?: string;
  issuerName?: string;
  issuerId?: string;
  /** trusted: on the loaded trust list; untrusted: a list is loaded and the issuer is not on it; unchecked: no list. */
  trust: 'trusted' | 'untrusted' | 'unchecked';
  trustedName?: string;
  learner: LearnerDisplay;
  awarded?: string;
  validFrom?: string;
  validUntil?: string;
  grade?: string;
  workload?: string;
  level?: string;
  skills: string[];
  /** EU micro-credential elements present in the credential (label from Annex I, value as the credential says). */
  eu: { label: string; value: string }[];
  endorsements: { issuer?: string; comment?: string; credential: Obj }[];
}

/** The verdict a person reads first. */
export type Verdict = 'verified' | 'revoked' | 'suspended' | 'not-verified';

/** Verdict of one credential report: revoked / suspended when the status check says so, else verified or not. */
export function verdictOf(report: Pick<VerificationReport, 'verified' | 'checks'>): Verdict {
  if (report.checks.some((c) => c.id === 'status' && c.status === 'failed' && c.code === 'ERR_STATUS_REVOKED')) return 'revoked';
  if (report.checks.some((c) => c.id === 'status' && c.status === 'failed' && c.code === 'ERR_STATUS_SUSPENDED')) return 'suspended';
  return report.verified ? 'verified' : 'not-verified';
}

/** The three states a check is shown in (a warning is a pass with a note; skipped = could not check). */
export type DisplayState = 'passed' | 'failed' | 'skipped';
export const displayState = (c: Check): DisplayState => (c.status === 'failed' ? 'failed' : c.status === 'skipped' ? 'skipped' : 'passed');

/** Checks in display order: a failed signature first, then the other failures, then the rest as the report has them. */
export function orderChecks(checks: readonly Check[]): Check[] {
  const rank = (c: Check): number => (c.status === 'failed' ? (c.id === 'proof' ? 0 : 1) : 2);
  return checks.map((c, i) => ({ c, i })).sort((a, b) => rank(a.c) - rank(b.c) || a.i - b.i).map((x) => x.c);
}

const IDENTITY_TYPES: Record<string, string> = { emailAddress: 'email', sisSourcedId: 'student id', studentId: 'student id', nationalIdentityNumber: 'national id', phoneNumber: 'phone number', did: 'DID' };

/** Read the display fields of a report (from its signed-data view; an unreadable credential shows nothing but checks). */
export function summarize(report: VerificationReport, trust?: ReadonlyMap<string, string>): BadgeDisplay {
  const doc: Obj = isObj(report.view?.document) ? report.view.document : {};
  const subject = list(doc.credentialSubject).find(isObj) ?? {};
  const achievement = isObj(subject.achievement) ? subject.achievement : {};
  const issuer = doc.issuer;
  const d: BadgeDisplay = { trust: 'unchecked', learner: { kind: 'none' }, skills: [], eu: [], endorsements: [] };
  const set = <K extends keyof BadgeDisplay>(k: K, v: BadgeDisplay[K] | undefined): void => {
    if (v !== undefined) d[k] = v;
  };
  set('image', safeImage(achievement.image) ?? safeImage(doc.image));
  set('achievement', text(achievement.name, 300) ?? text(doc.name, 300));
  set('description', text(achievement.description, 4000) ?? text(doc.description, 4000));
  const criteria = isObj(achievement.criteria) ? achievement.criteria : {};
  set('criteria', text(criteria.narrative, 4000));
  const cid = text(criteria.id, 500);
  if (cid && /^https:\/\//i.test(cid)) d.criteriaUrl = cid;
  set('issuerId', typeof issuer === 'string' ? text(issuer, 500) : isObj(issuer) ? text(issuer.id, 500) : undefined);
  if (isObj(issuer)) set('issuerName', text(issuer.name, 300));
  if (trust && d.issuerId !== undefined) {
    d.trust = trust.has(d.issuerId) ? 'trusted' : 'untrusted';
    const name = trust.get(d.issuerId);
    if (name) d.trustedName = name;
  }
  const sid = text(subject.id, 500);
  if (sid) d.learner = { kind: 'id', value: sid };
  else {
    const ids = list(subject.identifier).filter(isObj);
    const hashed = ids.filter((i) => i.hashed !== false);
    const plain = ids.filter((i) => i.hashed === false);
    if (plain.length) d.learner = { kind: 'plain', values: plain.map((i) => `${IDENTITY_TYPES[typeof i.identityType === 'string' ? i.identityType : ''] ?? text(i.identityType, 40) ?? 'identifier'} ${text(i.identityHash, 200) ?? '?'}`) };
    else if (hashed.length) d.learner = { kind: 'hashed', types: hashed.map((i) => IDENTITY_TYPES[typeof i.identityType === 'string' ? i.identityType : ''] ?? text(i.identityType, 40) ?? 'identifier') };
  }
  set('awarded', text(doc.awardedDate, 60));
  set('validFrom', text(doc.validFrom, 60) ?? text(doc.issuanceDate, 60));
  set('validUntil', text(doc.validUntil, 60) ?? text(doc.expirationDate, 60));
  let facts: ReturnType<typeof extractFacts> | undefined;
  try {
    facts = extractFacts(doc);
  } catch {
    facts = undefined;
  }
  if (facts) {
    const r = facts.results[0];
    if (r) set('grade', text(r.achievedLevelName, 200) ?? text(r.value, 200));
    if (facts.workload.length) d.workload = facts.workload.map((w) => `${text(w.value, 20) ?? '?'} ${text(w.unit, 30) ?? ''}`.trim()).join(' / ');
    if (facts.level.length) d.level = facts.level.map((l) => `${text(l.framework, 40) ?? ''} ${text(l.level, 40) ?? ''}`.trim()).join(', ');
    d.skills = facts.skills.slice(0, 50).map((s) => text(s, 300) ?? '?');
  }
  try {
    const eu = checkMicrocredential(doc);
    const shown = new Set(['learner', 'title', 'dateOfIssuing', 'workload', 'level', 'grade']);
    for (const e of eu.elements) if (e.status === 'present' && !shown.has(e.element)) d.eu.push({ label: e.label, value: text(e.message, 600) ?? '' });
  } catch {
    /* not a micro-credential: nothing to show */
  }
  for (const holder of [doc, achievement]) {
    for (const e of list(holder.endorsement).filter(isObj)) {
      const subj = list(e.credentialSubject).find(isObj) ?? {};
      const by = isObj(e.issuer) ? (text(e.issuer.name, 200) ?? text(e.issuer.id, 300)) : text(e.issuer, 300);
      const item: BadgeDisplay['endorsements'][number] = { credential: e };
      if (by) item.issuer = by;
      const comment = text(subj.endorsementComment, 2000);
      if (comment) item.comment = comment;
      d.endorsements.push(item);
    }
  }
  return d;
}

/** A trust list file: a JSON array of DIDs or `{ id, name }`, `{ issuers: [...] }`, `{ "did:…": "name" }`, or one DID per line (entries that are neither are ignored). */
export function parseTrustList(src: string): Map<string, string> {
  return parseTrustListText(src).list;
}

/** Read a `#vc=` fragment: URL-encoded JSON or VC-JWT, or base64url of either. */
export function fromFragment(hash: string): string | undefined {
  const m = /^#vc=(.+)$/s.exec(hash);
  if (!m) return undefined;
  let v: string;
  try {
    v = decodeURIComponent(m[1]!);
  } catch {
    return undefined;
  }
  v = v.trim();
  if (v.startsWith('{') || /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(v)) return v;
  if (/^[A-Za-z0-9_-]+={0,2}$/.test(v)) {
    try {
      const bin = atob(v.replace(/-/g, '+').replace(/_/g, '/'));
      const t = new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bin, (c) => c.charCodeAt(0))).trim();
      if (t.startsWith('{')) return t;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

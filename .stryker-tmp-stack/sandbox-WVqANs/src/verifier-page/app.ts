// @ts-nocheck
// The static verifier page (dist/verifier/index.html + verifier.js + verifier.css): runs from file:// or any static
// host, offline by default. Credentials are untrusted: their text goes into the DOM through textContent only, images
// only as data: URIs or blob: URLs this page makes; no innerHTML anywhere.
import { extractCredential } from '../baking/extract.js';
import { isSafeFetchUrl } from '../jsonld/loader.js';
import { matchesLearner } from '../model/learner.js';
import { verifyPortfolio } from '../portfolio/verify-portfolio.js';
import type { PortfolioReport } from '../portfolio/types.js';
import { verifyCredential } from '../verify/verify.js';
import type { Check, VerificationReport } from '../verify/report.js';
import { format, LANGUAGES, pickLanguage, type Strings } from './i18n/index.js';
import { displayState, fromFragment, orderChecks, parseTrustList, summarize, text, verdictOf, type BadgeDisplay, type Verdict } from './summary.js';

type Obj = Record<string, unknown>;
type Key = keyof Strings;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

interface Fetched {
  url: string;
  ok: boolean;
  note: string;
}

type Outcome =
  | { kind: 'credential'; report: VerificationReport; image?: string; endorsements: VerificationReport[] }
  | { kind: 'portfolio'; report: PortfolioReport; image?: string }
  | { kind: 'error'; message: string };

const state: {
  lang: string;
  documents: Record<string, unknown>;
  trust?: Map<string, string>;
  online: boolean;
  fetched: Fetched[];
  outcome?: Outcome;
  busy: boolean;
  blobUrl?: string;
} = { lang: 'en', documents: {}, online: false, fetched: [], busy: false };

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const t = (k: Key, values?: Record<string, string | number>): string => format((LANGUAGES[state.lang] ?? LANGUAGES.en!)[k], values);

/** Create an element with text (never markup). */
function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, content?: string | Node[]): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (typeof content === 'string') e.textContent = content;
  else if (content) e.append(...content);
  return e;
}

// ---------- static labels ----------
function applyLanguage(): void {
  document.documentElement.lang = state.lang;
  document.title = t('title');
  for (const node of Array.from(document.querySelectorAll<HTMLElement>('[data-i18n]'))) {
    const k = node.dataset.i18n as Key;
    if (Object.hasOwn(LANGUAGES.en!, k)) node.textContent = t(k);
  }
  $('network-note').textContent = state.online ? t('onlineNote') : t('offlineNote');
  renderLoaded();
  render();
}

function renderLoaded(): void {
  const n = Object.keys(state.documents).length;
  $('documents-loaded').textContent = n ? t('documentsLoaded', { n }) : '';
  $('trust-loaded').textContent = state.trust ? t('trustLoaded', { n: state.trust.size }) : '';
}

// ---------- network (online mode only) ----------
const MAX_FETCH_BYTES = 2 * 1024 * 1024;
async function onlineFetch(url: string): Promise<unknown> {
  const rec: Fetched = { url, ok: false, note: '' };
  state.fetched.push(rec);
  try {
    if (!state.online) throw new Error('offline');
    if (!isSafeFetchUrl(url)) throw new Error('refused: only https URLs to public hosts');
    const res = await fetch(url, { redirect: 'error', credentials: 'omit', referrerPolicy: 'no-referrer', cache: 'no-store', headers: { accept: 'application/json, application/ld+json, application/vc+ld+json, application/vc+jwt' } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const body = await res.arrayBuffer();
    if (body.byteLength > MAX_FETCH_BYTES) throw new Error(`larger than ${MAX_FETCH_BYTES} bytes`);
    const src = new TextDecoder().decode(body);
    rec.ok = true;
    rec.note = `${body.byteLength} bytes`;
    try {
      return JSON.parse(src) as unknown;
    } catch {
      return src;
    }
  } catch (err) {
    rec.note = err instanceof Error ? err.message : 'failed';
    throw err instanceof Error ? err : new Error('fetch failed');
  } finally {
    renderFetched();
  }
}

function renderFetched(): void {
  const box = $('fetched');
  box.hidden = !state.online && state.fetched.length === 0;
  const ul = $('fetched-list');
  ul.replaceChildren(...(state.fetched.length ? state.fetched.map((f) => el('li', {}, `${f.ok ? '✔' : '✘'} ${f.url} — ${f.note}`)) : [el('li', {}, t('fetchedNone'))]));
}

// ---------- verification ----------
function options(): Record<string, unknown> {
  const o: Record<string, unknown> = { documents: state.documents };
  if (state.online) o.fetch = onlineFetch;
  if (state.trust) o.trustedIssuers = [...state.trust.keys()];
  return o;
}

const isPortfolioJson = (v: unknown): boolean => isObj(v) && [v.type].flat().some((x) => x === 'ClrCredential' || x === 'VerifiablePresentation');

async function verifyInput(input: Uint8Array | string, imageUrl?: string): Promise<Outcome> {
  // routing only (which verifier to call): what the credential says is read from the verified report's view
  let portfolio: unknown;
  if (typeof input === 'string') {
    const s = input.trim();
    if (s.startsWith('{')) {
      try {
        const v = JSON.parse(s) as unknown;
        if (isPortfolioJson(v)) portfolio = v;
      } catch {
        /* verifyCredential reports the JSON error */
      }
    }
  } else {
    try {
      const x = extractCredential(input);
      if (x.kind === 'clr') portfolio = x.credential;
    } catch {
      /* not an image, or no credential in it: verifyCredential reports why */
    }
  }
  if (portfolio !== undefined) return { kind: 'portfolio', report: await verifyPortfolio(portfolio, options()), ...(imageUrl ? { image: imageUrl } : {}) };
  const report = await verifyCredential(input, options());
  const endorsements: VerificationReport[] = [];
  for (const e of summarize(report).endorsements.slice(0, 10)) endorsements.push(await verifyCredential(e.credential, options()));
  return { kind: 'credential', report, endorsements, ...(imageUrl ? { image: imageUrl } : {}) };
}

/** The newest input's number: an earlier input's verification that ends later never replaces the newer result. */
let latestRun = 0;

/** Show "working" at once (the previous verdict never stays on screen for a new input) and number the run. */
function begin(): number {
  state.busy = true;
  state.outcome = undefined;
  render();
  return ++latestRun;
}

async function run(input: Uint8Array | string, imageUrl?: string, started?: number): Promise<void> {
  const id = started ?? begin();
  let outcome: Outcome;
  try {
    outcome = await verifyInput(input, imageUrl);
  } catch (err) {
    outcome = { kind: 'error', message: err instanceof Error ? (text(err.message, 300) ?? '') : '' };
  }
  if (id !== latestRun) return;
  state.outcome = outcome;
  state.busy = false;
  render();
}

async function runFile(file: File): Promise<void> {
  const id = begin();
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (id !== latestRun) return;
  if (state.blobUrl) URL.revokeObjectURL(state.blobUrl);
  state.blobUrl = undefined;
  const isPng = bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
  const isSvg = !isPng && /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(new TextDecoder().decode(bytes.subarray(0, 4096)));
  // the badge image as a blob this page made (an <img> never runs an SVG's scripts)
  if (isPng || isSvg) state.blobUrl = URL.createObjectURL(new Blob([bytes], { type: isPng ? 'image/png' : 'image/svg+xml' }));
  await run(isPng || isSvg ? bytes : new TextDecoder().decode(bytes), state.blobUrl, id);
}

// ---------- rendering ----------
const VERDICT_KEY: Record<Verdict, Key> = { verified: 'verified', revoked: 'revoked', suspended: 'suspended', 'not-verified': 'notVerified' };
const VERDICT_ICON: Record<Verdict, string> = { verified: '✔', revoked: '⊘', suspended: '⏸', 'not-verified': '✘' };
const STATE_ICON = { passed: '✔', failed: '✘', skipped: '?' } as const;
const STATE_KEY = { passed: 'statePassed', failed: 'stateFailed', skipped: 'stateSkipped' } as const;

function checkName(id: string): string {
  const k = `check_${id}`;
  return Object.hasOwn(LANGUAGES.en!, k) ? t(k as Key) : id;
}

function checksList(checks: readonly Check[]): HTMLElement {
  const ul = el('ul', { class: 'checks' });
  for (const c of orderChecks(checks)) {
    const s = displayState(c);
    const li = el('li', { class: `check ${s}`, 'data-check': c.id, 'data-state': s });
    li.append(el('span', { class: 'state' }, [el('span', { class: 'icon', 'aria-hidden': 'true' }, STATE_ICON[s]), document.createTextNode(` ${t(STATE_KEY[s])}`)]));
    li.append(el('strong', {}, checkName(c.id)));
    if (c.status === 'warning') li.append(el('span', { class: 'warn' }, `⚠ ${t('warning')}`));
    li.append(el('span', { class: 'message' }, `${text(c.code, 80) ? `${text(c.code, 80)}: ` : ''}${text(c.message, 600) ?? ''}`));
    ul.append(li);
  }
  return ul;
}

function row(dl: HTMLElement, key: Key, value: string | Node | undefined, field?: string): void {
  if (value === undefined || value === '') return;
  const dd = el('dd', field ? { 'data-field': field } : {});
  if (typeof value === 'string') dd.textContent = value;
  else dd.append(value);
  dl.append(el('dt', {}, t(key)), dd);
}

function badgeDetails(report: VerificationReport, image?: string): HTMLElement {
  const d: BadgeDisplay = summarize(report, state.trust);
  const box = el('div', { class: 'badge' });
  const src = image ?? d.image;
  if (src && (src.startsWith('blob:') || src.startsWith('data:image/'))) box.append(el('img', { src, alt: t('image'), class: 'badge-image' }));
  const dl = el('dl', { class: 'fields' });
  row(dl, 'achievement', d.achievement, 'achievement');
  row(dl, 'description', d.description, 'description');
  if (d.criteria || d.criteriaUrl) {
    const c = el('span', {}, d.criteria ?? '');
    if (d.criteriaUrl) c.append(document.createTextNode(d.criteria ? ` (${d.criteriaUrl})` : d.criteriaUrl));
    row(dl, 'criteria', c, 'criteria');
  }
  row(dl, 'issuer', d.issuerName, 'issuer');
  row(dl, 'issuerId', d.issuerId, 'issuer-id');
  row(dl, 'trust', d.trust === 'trusted' ? `✔ ${d.trustedName ? t('trustedAs', { name: d.trustedName }) : t('trusted')}` : d.trust === 'untrusted' ? `✘ ${t('untrusted')}` : `? ${t('trustUnchecked')}`, 'trust');
  const l = d.learner;
  if (l.kind === 'hashed') {
    const wrap = el('div', {}, [el('span', {}, t('learnerHashed', { type: l.types.join(', ') }))]);
    const form = el('form', { class: 'email-check' });
    const id = `email-${Math.random().toString(36).slice(2)}`;
    const input = el('input', { type: 'email', id, autocomplete: 'off' });
    const out = el('output', { 'aria-live': 'polite', 'data-field': 'email-result' });
    form.append(el('label', { for: id }, t('checkEmail')), input, el('button', { type: 'submit' }, t('checkEmailButton')), out);
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const ok = matchesLearner(report.view?.document?.credentialSubject, input.value.trim());
      out.textContent = ok ? `✔ ${t('emailMatches')}` : `✘ ${t('emailNoMatch')}`;
    });
    wrap.append(form);
    row(dl, 'learner', wrap, 'learner');
  } else row(dl, 'learner', l.kind === 'id' ? l.value : l.kind === 'plain' ? l.values.join(', ') : t('learnerNone'), 'learner');
  row(dl, 'awarded', d.awarded, 'awarded');
  row(dl, 'validFrom', d.validFrom, 'valid-from');
  row(dl, 'validUntil', d.validUntil, 'valid-until');
  row(dl, 'grade', d.grade, 'grade');
  row(dl, 'workload', d.workload, 'workload');
  row(dl, 'level', d.level, 'level');
  if (d.skills.length) row(dl, 'skills', el('ul', {}, d.skills.map((s) => el('li', {}, s))), 'skills');
  if (d.eu.length) row(dl, 'euElements', el('ul', {}, d.eu.map((e) => el('li', {}, `${e.label}: ${e.value}`))), 'eu');
  box.append(dl);
  return box;
}

function endorsementList(report: VerificationReport, verified: VerificationReport[]): HTMLElement | undefined {
  const list = summarize(report).endorsements;
  if (!list.length) return undefined;
  const sec = el('section', { class: 'endorsements' }, [el('h3', {}, t('endorsements'))]);
  const ul = el('ul');
  list.forEach((e, i) => {
    const r = verified[i];
    const v = r ? verdictOf(r) : 'not-verified';
    ul.append(el('li', {}, `${VERDICT_ICON[v]} ${t(VERDICT_KEY[v])} — ${e.issuer ? t('endorsementBy', { issuer: e.issuer }) : ''}${e.comment ? `: ${e.comment}` : ''}`));
  });
  sec.append(ul);
  return sec;
}

function reasonOf(checks: readonly Check[]): string | undefined {
  const f = orderChecks(checks).find((c) => c.status === 'failed');
  return f ? `${checkName(f.id)} — ${text(f.code, 80) ?? ''}: ${text(f.message, 400) ?? ''}` : undefined;
}

function setVerdict(v: Verdict | 'idle' | 'working' | 'error', reason?: string): void {
  const box = $('verdict');
  box.className = `verdict ${v}`;
  box.dataset.verdict = v;
  const head = v === 'idle' ? t('verdictIdle') : v === 'working' ? t('verdictWorking') : v === 'error' ? `✘ ${t('readError')}` : `${VERDICT_ICON[v]} ${t(VERDICT_KEY[v])}`;
  const parts: Node[] = [el('strong', { class: 'verdict-text' }, head)];
  if (reason) parts.push(el('span', { class: 'reason' }, `${t('reason')}: ${reason}`));
  box.replaceChildren(...parts);
}

function render(): void {
  const out = $('details');
  out.replaceChildren();
  const o = state.outcome;
  if (state.busy) return setVerdict('working');
  if (!o) return setVerdict('idle');
  if (o.kind === 'error') return setVerdict('error', o.message);
  if (o.kind === 'credential') {
    const v = verdictOf(o.report);
    setVerdict(v, v === 'verified' ? undefined : reasonOf(o.report.checks));
    out.append(badgeDetails(o.report, o.image));
    const e = endorsementList(o.report, o.endorsements);
    if (e) out.append(e);
    out.append(el('h3', {}, t('checksHeading')), checksList(o.report.checks));
    return;
  }
  const r = o.report;
  const failed = [...r.envelope.checks, ...r.credentials.flatMap((c) => c.checks)];
  setVerdict(r.verified ? 'verified' : 'not-verified', r.verified ? undefined : reasonOf(failed));
  out.append(el('p', { 'data-field': 'portfolio-summary' }, t('portfolioSummary', { verified: r.summary.verified, total: r.summary.total })));
  const env = el('section', { class: 'envelope' }, [el('h3', {}, t('envelope'))]);
  if (o.image) env.append(el('img', { src: o.image, alt: t('image'), class: 'badge-image' }));
  env.append(checksList(r.envelope.checks));
  out.append(env, el('h3', {}, t('portfolioHeading')));
  r.credentials.forEach((c, i) => {
    const v = verdictOf(c);
    const sec = el('section', { class: `inner ${v}`, 'data-index': String(i), 'data-verdict': v });
    sec.append(el('h4', {}, `${t('credentialN', { n: i + 1 })}: ${VERDICT_ICON[v]} ${t(VERDICT_KEY[v])}`));
    if (v !== 'verified') sec.append(el('p', { class: 'reason' }, `${t('reason')}: ${reasonOf(c.checks) ?? ''}`));
    sec.append(badgeDetails(c), checksList(c.checks));
    out.append(sec);
  });
}

// ---------- inputs ----------
async function loadDocuments(files: FileList | null): Promise<void> {
  for (const f of Array.from(files ?? [])) {
    try {
      const doc = JSON.parse(await f.text()) as unknown;
      for (const d of Array.isArray(doc) ? doc : [doc]) if (isObj(d) && typeof d.id === 'string') state.documents[d.id] = d;
    } catch {
      /* not JSON: ignored (the count shows what loaded) */
    }
  }
  renderLoaded();
}

function start(): void {
  const select = $<HTMLSelectElement>('lang');
  for (const [code, s] of Object.entries(LANGUAGES)) select.append(el('option', { value: code, lang: code }, s.langName));
  state.lang = pickLanguage(navigator.languages?.length ? navigator.languages : [navigator.language]);
  select.value = state.lang;
  select.addEventListener('change', () => {
    state.lang = Object.hasOwn(LANGUAGES, select.value) ? select.value : 'en';
    applyLanguage();
  });
  const file = $<HTMLInputElement>('file');
  file.addEventListener('change', () => {
    const f = file.files?.[0];
    if (f) void runFile(f);
  });
  document.addEventListener('dragover', (ev) => {
    ev.preventDefault();
    document.body.classList.add('dragging');
  });
  document.addEventListener('dragleave', () => document.body.classList.remove('dragging'));
  document.addEventListener('drop', (ev) => {
    ev.preventDefault();
    document.body.classList.remove('dragging');
    const f = ev.dataTransfer?.files?.[0];
    if (f) void runFile(f);
  });
  $('paste-form').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const v = $<HTMLTextAreaElement>('paste').value;
    if (v.trim()) void run(v);
  });
  const docs = $<HTMLInputElement>('documents');
  docs.addEventListener('change', () => void loadDocuments(docs.files));
  const trust = $<HTMLInputElement>('trust');
  trust.addEventListener('change', async () => {
    const f = trust.files?.[0];
    state.trust = f ? parseTrustList(await f.text()) : undefined;
    renderLoaded();
    render();
  });
  const online = $<HTMLInputElement>('online');
  online.addEventListener('change', () => {
    state.online = online.checked;
    $('network-note').textContent = state.online ? t('onlineNote') : t('offlineNote');
    renderFetched();
  });
  const fromHash = (): void => {
    const v = fromFragment(location.hash);
    if (v !== undefined) void run(v);
  };
  window.addEventListener('hashchange', fromHash);
  applyLanguage();
  renderFetched();
  fromHash();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();

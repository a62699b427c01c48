// @ts-nocheck
// What `credstack verify` and `credstack show` share: documents from a folder, trust lists, the `--online` fetcher,
// the human summary of a credential, and CLI wording for library messages.
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { isSafeFetchUrl, type Fetcher } from '../jsonld/loader.js';
import { didWebToUrl } from '../keys/did-web.js';
import { extractFacts } from '../stacking/facts.js';
import type { Check, VerificationReport } from '../verify/report.js';
import { parseTrustList } from '../util/trust-list.js';
import { CliError, readJson } from './util.js';
import { cliWording } from './wording.js';

export { cliWording };

type Obj = Record<string, any>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A printable string from untrusted data (never calls toString); control characters are replaced. */
export function safe(v: unknown, max = 120): string | undefined {
  if (typeof v !== 'string' || v === '') return undefined;
  // eslint-disable-next-line no-control-regex
  const s = v.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '?');
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** A cache record written by `--online --documents DIR`: the document and the URL it came from. */
interface CacheRecord {
  credstackCache: 1;
  url: string;
  fetchedAt: string;
  document: unknown;
}

function addDocument(docs: Record<string, unknown>, doc: unknown, from: string): void {
  if (isObj(doc) && doc.credstackCache === 1 && typeof doc.url === 'string') {
    docs[doc.url] = (doc as unknown as CacheRecord).document;
    return;
  }
  const id = isObj(doc) && typeof doc.id === 'string' ? (doc.id as string) : undefined;
  if (!id) throw new CliError(`${from} has no "id": cannot tell which URL or DID it stands for`, { hint: 'pass DID documents, status list credentials or contexts that carry an id' });
  docs[id] = doc;
  if (id.startsWith('did:web:')) {
    try {
      docs[didWebToUrl(id)] = doc;
    } catch {
      /* not a valid did:web: keyed by id only */
    }
  }
}

/**
 * Offline documents: `--document FILE` (repeatable) and every .json file in `--documents DIR` (DID documents, status
 * list credentials, contexts, and the cache records `--online --documents DIR` writes).
 */
export async function loadDocumentSources(files: string[] | undefined, dir: string | undefined): Promise<Record<string, unknown>> {
  const docs: Record<string, unknown> = {};
  if (dir !== undefined) {
    let names: string[];
    try {
      names = (await readdir(dir)).sort();
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') names = [];
      else throw new CliError(`--documents ${dir}: ${(err as Error).message}`, { hint: '--documents takes a folder of .json documents' });
    }
    for (const n of names) if (extname(n).toLowerCase() === '.json' || extname(n).toLowerCase() === '.jsonld') addDocument(docs, await readJson(join(dir, n), 'document'), join(dir, n));
  }
  for (const f of files ?? []) addDocument(docs, await readJson(f, 'document'), f);
  return docs;
}

/** A trust list: issuer DID → the name you know it by (may be empty). */
export type TrustList = Map<string, string>;

/**
 * `--trusted-issuer DID` (repeatable) and `--trust-list FILE`: a JSON array of DIDs or of `{ "id", "name" }`, an object
 * `{ "did:…": "name" }`, `{ "issuers": [...] }`, or a text file with one DID per line (`#` comments; text after the DID
 * is its name).
 */
export async function loadTrustList(dids: string[] | undefined, file: string | undefined): Promise<TrustList | undefined> {
  if (!dids?.length && file === undefined) return undefined;
  const list: TrustList = new Map();
  for (const d of dids ?? []) list.set(d, '');
  if (file !== undefined) {
    const { readText } = await import('./util.js');
    const text = await readText(file, 'trust list');
    const parsed = parseTrustList(text);
    const first = parsed.bad[0];
    if (first !== undefined) {
      throw new CliError(`--trust-list ${file}: "${safe(first, 60)}" is not a DID, a URL or { "id": DID, "name": … }`, { hint: 'one DID per line, optionally followed by the name' });
    }
    for (const [id, name] of parsed.list) list.set(id, name);
    if (list.size === 0) throw new CliError(`--trust-list ${file} lists no issuer`);
  }
  return list;
}

/** One URL `--online` fetched (or tried to). */
export interface FetchRecord {
  url: string;
  ok: boolean;
  status?: number;
  bytes?: number;
  error?: string;
  cached?: string;
}

/**
 * The `--online` fetcher: https only (the loader's SSRF guard runs first; we check again), no redirects (a redirect could
 * lead to an internal address), a timeout and a size limit; every URL is recorded; with `cacheDir`, each document is
 * saved there for later offline runs (`--documents DIR`).
 */
export function createOnlineFetcher(opts: { timeoutMs: number; maxBytes: number; cacheDir?: string; log: FetchRecord[] }): Fetcher {
  return async (url: string) => {
    const rec: FetchRecord = { url, ok: false };
    opts.log.push(rec);
    if (!isSafeFetchUrl(url)) {
      rec.error = 'refused: only https URLs to public hosts are fetched';
      throw new Error(rec.error);
    }
    let res: Response;
    try {
      res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(opts.timeoutMs), headers: { accept: 'application/json, application/ld+json, application/vc+ld+json, application/vc+jwt, */*;q=0.1' } });
    } catch (err) {
      rec.error = (err as Error)?.name === 'TimeoutError' ? `timed out after ${opts.timeoutMs} ms` : `network error: ${(err as Error)?.message ?? 'unknown'}`;
      throw new Error(rec.error);
    }
    rec.status = res.status;
    if (res.status >= 300 && res.status < 400) {
      rec.error = `HTTP ${res.status} redirect not followed`;
      throw new Error(rec.error);
    }
    if (!res.ok) {
      rec.error = `HTTP ${res.status}`;
      throw new Error(rec.error);
    }
    const declared = Number(res.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > opts.maxBytes) {
      rec.error = `larger than ${opts.maxBytes} bytes`;
      throw new Error(rec.error);
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (res.body) {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        size += chunk.byteLength;
        if (size > opts.maxBytes) {
          rec.error = `larger than ${opts.maxBytes} bytes`;
          throw new Error(rec.error);
        }
        chunks.push(chunk);
      }
    }
    rec.bytes = size;
    const text = new TextDecoder().decode(Buffer.concat(chunks));
    let doc: unknown = text;
    try {
      doc = JSON.parse(text);
    } catch {
      /* a JWT or junk: the loader decides */
    }
    rec.ok = true;
    if (opts.cacheDir) {
      await mkdir(opts.cacheDir, { recursive: true });
      const name = `${url.replace(/^https:\/\//, '').replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 150)}.json`;
      const record: CacheRecord = { credstackCache: 1, url, fetchedAt: new Date().toISOString(), document: doc };
      await writeFile(join(opts.cacheDir, name), `${JSON.stringify(record, null, 2)}\n`);
      rec.cached = join(opts.cacheDir, name);
    }
    return doc;
  };
}

/** What a person wants to know about a credential. */
export interface CredentialSummary {
  achievement?: string;
  learner: string;
  issuerId?: string;
  issuerName?: string;
  /** trusted: on the trust list; untrusted: a trust list was given and it is not on it; unchecked: no trust list given. */
  trust: 'trusted' | 'untrusted' | 'unchecked';
  trustedName?: string;
  awarded?: string;
  validFrom?: string;
  validUntil?: string;
  grade?: string;
  workload?: string;
  level?: string;
  skills: string[];
  status: string;
}

const IDENTITY_WORDS: Record<string, string> = { emailAddress: 'email', sisSourcedId: 'student id', studentId: 'student id', nationalIdentityNumber: 'national id', phoneNumber: 'phone number' };

/** The human summary of a credential (what `show` prints and `verify` prints on one line). */
export function summarize(credential: unknown, report: VerificationReport | undefined, trust: TrustList | undefined): CredentialSummary {
  const c = isObj(credential) ? credential : {};
  const facts = extractFacts(c);
  const subject = [c.credentialSubject].flat().find(isObj) ?? {};
  let learner: string;
  if (typeof subject.id === 'string') learner = safe(subject.id) ?? '?';
  else {
    const ids = [subject.identifier].flat().filter(isObj);
    learner = ids.length
      ? ids.map((i) => (i.hashed === false ? `${IDENTITY_WORDS[i.identityType] ?? safe(i.identityType, 40) ?? 'identifier'} ${safe(i.identityHash, 80) ?? '?'}` : `hashed ${IDENTITY_WORDS[i.identityType] ?? safe(i.identityType, 40) ?? 'identifier'}`)).join(' + ')
      : 'no learner named';
  }
  const issuerId = typeof c.issuer === 'string' ? safe(c.issuer, 200) : safe(c.issuer?.id, 200);
  const issuerName = isObj(c.issuer) ? safe(c.issuer.name) : undefined;
  const s: CredentialSummary = { learner, trust: 'unchecked', skills: facts.skills.slice(0, 10).map((x) => safe(x) ?? '?'), status: 'no status entry (cannot be revoked)' };
  const set = <K extends keyof CredentialSummary>(k: K, v: CredentialSummary[K] | undefined): void => {
    if (v !== undefined) s[k] = v;
  };
  set('achievement', safe(facts.achievementName) ?? safe(c.name));
  set('issuerId', issuerId);
  set('issuerName', issuerName);
  if (trust && issuerId) {
    s.trust = trust.has(issuerId) ? 'trusted' : 'untrusted';
    const tn = trust.get(issuerId);
    if (tn) s.trustedName = tn;
  }
  set('awarded', safe(c.awardedDate) ?? safe(facts.awardedAt));
  set('validFrom', safe(c.validFrom) ?? safe(c.issuanceDate));
  set('validUntil', safe(c.validUntil) ?? safe(c.expirationDate));
  const r = facts.results[0];
  if (r && (r.value !== undefined || r.achievedLevelName !== undefined)) set('grade', safe(r.achievedLevelName) ?? safe(r.value));
  if (facts.workload.length) s.workload = facts.workload.map((w) => `${w.value} ${safe(w.unit, 30)}`).join(' / ');
  if (facts.level.length) s.level = facts.level.map((l) => `${safe(l.framework, 40)} ${typeof l.level === 'number' ? l.level : safe(l.level, 40)}`).join(', ');
  const statusChecks = report?.checks.filter((x) => x.id === 'status') ?? [];
  if (c.credentialStatus !== undefined) {
    const bad = statusChecks.find((x) => x.status === 'failed');
    const unknown = statusChecks.find((x) => x.status === 'skipped');
    s.status = bad ? (bad.code === 'ERR_REVOKED' ? 'REVOKED' : bad.code === 'ERR_SUSPENDED' ? 'SUSPENDED' : `not known (${bad.code ?? 'failed'})`) : unknown ? 'not checked' : statusChecks.length ? 'not revoked' : 'not checked';
  }
  return s;
}

/** `"Data Literacy" → learner hashed email · issuer "Uni" did:key:… (not on your trust list) · awarded 2026-06-30 · grade A` */
export function summaryLine(s: CredentialSummary): string {
  const parts = [`${s.achievement ? `"${s.achievement}"` : '(no achievement name)'} → ${s.learner}`];
  const trust = s.trust === 'trusted' ? 'trusted' : s.trust === 'untrusted' ? 'NOT on your trust list' : 'trust not checked';
  parts.push(`issuer ${s.issuerName ? `"${s.issuerName}" ` : ''}${s.issuerId ?? '?'} (${trust})`);
  if (s.awarded) parts.push(`awarded ${s.awarded.slice(0, 10)}`);
  if (s.grade) parts.push(`grade ${s.grade}`);
  return parts.join(' · ');
}

/** A note when an issuer's self-chosen name could mislead: nothing proves a did:key's owner is the named institution. */
export function trustNote(s: CredentialSummary): string | undefined {
  if (s.trust === 'trusted') return undefined;
  const who = s.issuerName ? `calls itself "${s.issuerName}"` : 'gives no name';
  const self = s.issuerId?.startsWith('did:key:') ? ' anyone can make a did:key and give it any name;' : '';
  if (s.trust === 'untrusted') return `issuer not on your trust list: ${s.issuerId ?? '?'} ${who};${self} the signature only proves who holds that key`;
  return `issuer not on your trust list (none given): ${s.issuerId ?? '?'} ${who};${self} pass --trusted-issuer DID or --trust-list FILE to check who issued it`;
}

/** Status checks that could not run: revocation unknown, so the CLI does not say ok (fail closed). */
export function statusUnknown(checks: Check[]): Check | undefined {
  return checks.find((x) => x.id === 'status' && ((x.status === 'skipped' && x.code !== 'SKIP_STATUS_DISABLED') || x.code === 'ERR_STATUS_UNAVAILABLE'));
}

/** The message for an unknown status, naming the flags that fix it. */
export function statusUnknownMessage(check: Pick<Check, 'code' | 'message'>): string {
  return `revocation status unknown (${check.code ?? 'skipped'}: ${cliWording(check.message)}) — pass --online to fetch the status list, or --documents DIR / --document FILE with a copy; --skip-status accepts the risk`;
}

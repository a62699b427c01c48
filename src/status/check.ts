import type { DocumentLoader } from '../jsonld/loader.js';
import { asArray, idOf, isDateTimeStamp } from '../util/json.js';
import type { Check, VerificationReport } from '../verify/report.js';
import { getStatusValue } from './bits.js';
import { decodeBitstring } from './decode.js';
import { MIN_STATUS_LIST_LENGTH, STATUS_LIST_LIMITS } from './types.js';

/**
 * What the status check gets from the verifier.
 * @example
 * ```ts
 * const checks = await checkCredentialStatus(credential, { now: new Date(), loader, verifyList });
 * ```
 */
export interface StatusCheckContext {
  now: Date;
  /** Offline loader: bundled contexts + caller's `documents` + explicit `fetch`. Status list credentials come from here. */
  loader: DocumentLoader;
  /** Verify a status list credential (proof, dates) with the same options; never throws. */
  verifyList: (list: unknown) => Promise<VerificationReport>;
}

type Outcome = Omit<Check, 'id' | 'target'>;
type Rec = Record<string, any>;

/** Entry types whose list is a signed bitstring credential, and how to read them. */
const BITSTRING_KINDS: Record<string, { listType: string; subjectType: string; multibase: 'required' | 'optional'; name: string }> = {
  BitstringStatusListEntry: { listType: 'BitstringStatusListCredential', subjectType: 'BitstringStatusList', multibase: 'required', name: 'Bitstring Status List' },
  // StatusList2021 (W3C CCG draft, predecessor): same algorithm; some lists omit the multibase "u" prefix
  StatusList2021Entry: { listType: 'StatusList2021Credential', subjectType: 'StatusList2021', multibase: 'optional', name: 'StatusList2021' },
};

/** Recognised but not checkable: a clear skip instead of "unknown type". */
const RECOGNISED_UNCHECKED: Record<string, string> = {
  RevocationList2020Status: 'RevocationList2020 (a superseded W3C CCG draft) is not checked; ask the issuer for a BitstringStatusListEntry',
  RevocationList2021Status: 'RevocationList2021 (a superseded W3C CCG draft) is not checked; ask the issuer for a BitstringStatusListEntry',
};

const URL_RE = /^[a-z][a-z0-9+.-]*:\S+$/i;
const ok = (status: Check['status'], code: string, message: string): Outcome => ({ status, code, message });

interface LoadedList {
  fail?: Outcome;
  cred?: Rec;
  report?: VerificationReport;
  decoded?: Map<string, Uint8Array | Outcome>;
}

function loaderFailure(err: unknown, url: string, what: string): Outcome {
  const code = (err as { code?: string })?.code;
  const msg = (err as Error)?.message ?? String(err);
  if (code === 'ERR_DOCUMENT_INVALID') return ok('failed', 'ERR_STATUS_LIST_INVALID', `${what} ${url} is not valid JSON`);
  if (code === 'ERR_DOCUMENT_FETCH_FAILED') {
    return ok('skipped', 'SKIP_STATUS_LIST_FETCH_FAILED', `status not checked: fetching ${what} ${url} failed (${msg.slice(0, 200)})`);
  }
  return ok(
    'skipped',
    'SKIP_STATUS_LIST_UNAVAILABLE',
    `status not checked: ${what} ${url} is not available offline; pass it in \`documents\` (or give an explicit \`fetch\`)`,
  );
}

async function loadList(url: string, ctx: StatusCheckContext): Promise<LoadedList> {
  let doc: unknown;
  try {
    doc = (await ctx.loader(url)).document;
  } catch (err) {
    return { fail: loaderFailure(err, url, 'status list credential') };
  }
  let report: VerificationReport;
  try {
    report = await ctx.verifyList(doc);
  } catch (err) {
    return { fail: ok('failed', 'ERR_STATUS_LIST_UNVERIFIED', `status list ${url} could not be verified: ${(err as Error)?.message ?? String(err)}`) };
  }
  // the list as its signed data says it (the verifier's view), so a respelled list reads the same
  const cred = report?.view?.document ?? report?.credential ?? (doc && typeof doc === 'object' && !Array.isArray(doc) ? (doc as Rec) : undefined);
  if (!cred || typeof cred !== 'object' || Array.isArray(cred)) {
    const why = report?.checks?.find((c) => c.status === 'failed');
    return { fail: ok('failed', 'ERR_STATUS_LIST_INVALID', `status list ${url} is not a credential${why ? `: ${why.code ?? ''} ${why.message}` : ''}`) };
  }
  return { cred, report, decoded: new Map() };
}

/** The nested verification verdict: undefined when the list is authentic (its proof verified). */
function judgeListReport(report: VerificationReport, url: string): Outcome | undefined {
  const failed = report.checks.filter(
    (c) =>
      c.status === 'failed' &&
      // our JSON Schemas are about Open Badges, not status lists; dates are checked below with precise codes
      c.id !== 'schema' &&
      !(c.id === 'validity' && (c.code === 'ERR_EXPIRED' || c.code === 'ERR_NOT_YET_VALID')),
  );
  if (failed.length) {
    if (failed.every((c) => c.id === 'proof' && c.code === 'ERR_KEY_UNAVAILABLE')) {
      return ok('skipped', 'SKIP_STATUS_LIST_KEY_UNAVAILABLE', `status not checked: the key that signed status list ${url} is not available offline (${failed[0]!.message.slice(0, 200)})`);
    }
    const why = failed.slice(0, 3).map((c) => `${c.id}: ${c.code ?? ''} ${c.message}`.slice(0, 200)).join('; ');
    return ok('failed', 'ERR_STATUS_LIST_UNVERIFIED', `status list ${url} does not verify (tampered or not signed by its issuer): ${why}`);
  }
  if (!report.checks.some((c) => c.id === 'proof' && c.status === 'passed')) {
    return ok('skipped', 'SKIP_STATUS_LIST_UNVERIFIED', `status not checked: no proof of status list ${url} could be verified`);
  }
  return undefined;
}

function checkListDates(list: Rec, url: string, now: Date): Outcome | undefined {
  const from = list.validFrom ?? list.issuanceDate;
  const until = list.validUntil ?? list.expirationDate;
  for (const [name, v] of [['validFrom', from], ['validUntil', until]] as const) {
    if (v !== undefined && !isDateTimeStamp(v)) {
      return ok('failed', 'ERR_STATUS_LIST_DATE_INVALID', `status list ${url}: ${name} is not a date-time with time zone (${JSON.stringify(v).slice(0, 60)})`);
    }
  }
  if (from !== undefined && Date.parse(from) > now.getTime()) {
    return ok('failed', 'ERR_STATUS_LIST_NOT_YET_VALID', `status list ${url} is not valid before ${from} (now ${now.toISOString()})`);
  }
  if (until !== undefined && Date.parse(until) < now.getTime()) {
    return ok('failed', 'ERR_STATUS_LIST_EXPIRED', `status list ${url} expired at ${until} (now ${now.toISOString()}): get a fresh copy from the issuer`);
  }
  return undefined;
}

async function checkBitstringEntry(cred: Rec, entry: Rec, kindName: string, ctx: StatusCheckContext, cache: Map<string, Promise<LoadedList>>): Promise<Outcome> {
  const kind = BITSTRING_KINDS[kindName]!;
  const malformed = (m: string) => ok('failed', 'ERR_STATUS_ENTRY_MALFORMED', `${kindName}: ${m}`);
  const purpose = entry.statusPurpose;
  const url = entry.statusListCredential;
  const rawIndex = entry.statusListIndex;
  if (typeof purpose !== 'string' || purpose === '') return malformed('statusPurpose must be a non-empty string');
  if (typeof url !== 'string' || !URL_RE.test(url) || url.length > 4096) return malformed('statusListCredential must be a URL');
  if (typeof rawIndex !== 'string' || !/^\d+$/.test(rawIndex)) {
    return malformed(`statusListIndex must be a base-10 integer as a string (got ${JSON.stringify(rawIndex)?.slice(0, 40)})`);
  }
  const size = entry.statusSize ?? 1;
  if (!Number.isSafeInteger(size) || size < 1) return malformed('statusSize must be an integer greater than zero');
  if (size > STATUS_LIST_LIMITS.maxStatusSize) {
    return ok('skipped', 'SKIP_STATUS_SIZE_UNSUPPORTED', `status not checked: statusSize ${size} is larger than the ${STATUS_LIST_LIMITS.maxStatusSize} bits supported`);
  }
  if (size > 1 && (!Array.isArray(entry.statusMessage) || entry.statusMessage.length !== 2 ** size)) {
    return malformed(`statusSize ${size} requires a statusMessage array of ${2 ** size} elements`);
  }
  const index = rawIndex.length > 15 ? Number.MAX_SAFE_INTEGER : Number(rawIndex);

  let p = cache.get(url);
  if (!p) {
    p = loadList(url, ctx);
    cache.set(url, p);
  }
  const loaded = await p;
  if (loaded.fail) return loaded.fail;
  const list = loaded.cred!;

  // 1. the document is the right kind of list, and the one the entry names
  const subject = list.credentialSubject;
  if (!asArray(list.type).includes(kind.listType)) {
    return ok('failed', 'ERR_STATUS_LIST_TYPE', `${url} is not a ${kind.listType} (type ${JSON.stringify(list.type)?.slice(0, 100)})`);
  }
  if (!subject || typeof subject !== 'object' || Array.isArray(subject) || !asArray(subject.type).includes(kind.subjectType)) {
    return ok('failed', 'ERR_STATUS_LIST_TYPE', `${url}: credentialSubject must be one ${kind.subjectType}`);
  }
  if (list.id !== undefined && list.id !== url) {
    return ok('failed', 'ERR_STATUS_LIST_ID_MISMATCH', `the list served for ${url} has id ${String(list.id).slice(0, 200)}: another list was substituted`);
  }
  // 2. authentic: its own proof verifies
  const verdict = judgeListReport(loaded.report!, url);
  if (verdict) return verdict;
  // 3. signed by the credential's issuer
  const issuer = idOf(cred.issuer);
  const listIssuer = idOf(list.issuer);
  if (!issuer || listIssuer !== issuer) {
    return ok(
      'failed',
      'ERR_STATUS_LIST_ISSUER_MISMATCH',
      `status list ${url} is issued by ${String(listIssuer)}, the credential by ${String(issuer)}: credstack only accepts a list signed by the credential's issuer`,
    );
  }
  // 4. valid now
  const dates = checkListDates(list, url, ctx.now);
  if (dates) return dates;
  // 5. same purpose
  const purposes = asArray(subject.statusPurpose).filter((x): x is string => typeof x === 'string');
  if (!purposes.includes(purpose)) {
    return ok('failed', 'ERR_STATUS_PURPOSE_MISMATCH', `the entry's statusPurpose "${purpose}" is not the list's (${purposes.map((x) => `"${x}"`).join(', ') || 'none'})`);
  }
  // 6. the bits, bounded
  let bits = loaded.decoded!.get(kind.multibase);
  if (!bits) {
    try {
      bits = decodeBitstring(subject.encodedList, { maxBytes: STATUS_LIST_LIMITS.maxDecodedBytes, multibase: kind.multibase });
    } catch (err) {
      const code = (err as { code?: string })?.code ?? 'ERR_STATUS_LIST_MALFORMED';
      bits = ok('failed', code, `status list ${url}: ${(err as Error)?.message ?? String(err)}`);
    }
    loaded.decoded!.set(kind.multibase, bits);
  }
  if (!(bits instanceof Uint8Array)) return bits;
  const totalBits = bits.length * 8;
  const entries = Math.floor(totalBits / size);
  if (index >= entries) {
    return ok('failed', 'ERR_STATUS_INDEX_OUT_OF_RANGE', `statusListIndex ${rawIndex.slice(0, 20)} is outside status list ${url} (${entries} entries)`);
  }
  const value = getStatusValue(bits, index, size);
  const where = `index ${index} of ${url}`;
  const short = entries < MIN_STATUS_LIST_LENGTH;
  const shortNote = `status list ${url} has only ${entries} entries, fewer than the ${MIN_STATUS_LIST_LENGTH} the spec requires for herd privacy`;
  if (purpose === 'revocation' && value !== 0) return ok('failed', 'ERR_STATUS_REVOKED', `the issuer revoked this credential (${where})`);
  if (purpose === 'suspension' && value !== 0) return ok('failed', 'ERR_STATUS_SUSPENDED', `the issuer suspended this credential (${where})`);
  if (purpose === 'refresh' && value !== 0) return ok('warning', 'W_STATUS_REFRESH', `the issuer has an updated version of this credential (refresh, ${where})`);
  if (purpose === 'message') {
    const hex = `0x${value.toString(16)}`;
    const m = asArray(entry.statusMessage).find((x: any) => typeof x?.status === 'string' && x.status.toLowerCase() === hex);
    const text = typeof (m as any)?.message === 'string' ? (m as any).message.slice(0, 200) : value === 0 ? 'unset' : 'set';
    return short ? ok('warning', 'W_STATUS_LIST_SHORT', `status ${hex} "${text}"; ${shortNote}`) : ok('passed', 'STATUS_MESSAGE', `status ${hex} "${text}" (${where})`);
  }
  if (purpose !== 'revocation' && purpose !== 'suspension' && purpose !== 'refresh' && value !== 0) {
    return ok('warning', 'W_STATUS_SET', `status "${purpose.slice(0, 60)}" is set (${where})`);
  }
  const state = purpose === 'revocation' ? 'not revoked' : purpose === 'suspension' ? 'not suspended' : `"${purpose.slice(0, 60)}" not set`;
  if (short) return ok('warning', 'W_STATUS_LIST_SHORT', `${state}; ${shortNote}`);
  return ok('passed', 'STATUS_VALID', `${state} (${kind.name}, ${where})`);
}

/** 1EdTech Revocation List Status Method 1.0: an unsigned JSON list of revoked credential ids. */
async function check1EdTechEntry(cred: Rec, entry: Rec, ctx: StatusCheckContext): Promise<Outcome> {
  const url = entry.id;
  if (typeof url !== 'string' || !URL_RE.test(url) || url.length > 4096) {
    return ok('failed', 'ERR_STATUS_ENTRY_MALFORMED', '1EdTechRevocationList: id must be the URL of the revocation list');
  }
  let doc: any;
  try {
    doc = (await ctx.loader(url)).document;
  } catch (err) {
    return loaderFailure(err, url, '1EdTech revocation list');
  }
  if (!doc || typeof doc !== 'object' || !Array.isArray(doc.revokedCredentials)) {
    return ok('failed', 'ERR_STATUS_LIST_INVALID', `1EdTech revocation list ${url} has no revokedCredentials array`);
  }
  if (doc.revokedCredentials.length > 10_000_000) return ok('failed', 'ERR_STATUS_LIST_TOO_LARGE', `1EdTech revocation list ${url} is too large`);
  const issuer = idOf(cred.issuer);
  if (doc.issuer !== undefined && idOf(doc.issuer) !== issuer) {
    return ok('failed', 'ERR_STATUS_LIST_ISSUER_MISMATCH', `1EdTech revocation list ${url} is from ${String(idOf(doc.issuer))}, the credential from ${String(issuer)}`);
  }
  if (typeof cred.id !== 'string') {
    return ok('skipped', 'SKIP_STATUS_NO_CREDENTIAL_ID', 'status not checked: a 1EdTech revocation list names credentials by id, and this credential has none');
  }
  const hit = doc.revokedCredentials.find((r: unknown) => idOf(r) === cred.id);
  if (hit) {
    const reason = typeof hit.revocationReason === 'string' ? `: ${hit.revocationReason.slice(0, 200)}` : '';
    return ok('failed', 'ERR_STATUS_REVOKED', `the issuer revoked this credential (1EdTech revocation list ${url})${reason}`);
  }
  return ok(
    'warning',
    'W_STATUS_LIST_UNSIGNED',
    `not in the 1EdTech revocation list ${url}; that list is not signed, so this is only as trustworthy as where the list came from`,
  );
}

function describeTarget(entry: unknown, i: number): string {
  if (entry && typeof entry === 'object') {
    const e = entry as Rec;
    if (typeof e.id === 'string' && e.id.length <= 300) return e.id;
    if (typeof e.statusListCredential === 'string' && typeof e.statusListIndex === 'string') return `${e.statusListCredential.slice(0, 280)}#${e.statusListIndex.slice(0, 20)}`;
  }
  return `credentialStatus[${i}]`;
}

/**
 * Check every `credentialStatus` entry of a credential; one `status` check per entry (with `target`). Never throws.
 *
 * `BitstringStatusListEntry` (and `StatusList2021Entry`): loads the list credential through `ctx.loader` (offline
 * `documents` or explicit `fetch`; unavailable → `skipped`, never `passed`), verifies it with `ctx.verifyList`,
 * checks its type and id, that the credential's issuer issued it, its validity dates and purpose, decodes the
 * bitstring in bounded memory and reads the entry's bit (index 0 = left-most bit).
 * `1EdTechRevocationList`: looks the credential id up in the (unsigned) list.
 *
 * Codes: failed `ERR_STATUS_REVOKED`, `ERR_STATUS_SUSPENDED`, `ERR_STATUS_LIST_UNVERIFIED`, `ERR_STATUS_LIST_ISSUER_MISMATCH`,
 * `ERR_STATUS_LIST_TYPE`, `ERR_STATUS_LIST_ID_MISMATCH`, `ERR_STATUS_LIST_EXPIRED`, `ERR_STATUS_LIST_NOT_YET_VALID`,
 * `ERR_STATUS_PURPOSE_MISMATCH`, `ERR_STATUS_LIST_MALFORMED`, `ERR_STATUS_LIST_NOT_GZIP`, `ERR_STATUS_LIST_CORRUPT`,
 * `ERR_STATUS_LIST_TOO_LARGE`, `ERR_STATUS_INDEX_OUT_OF_RANGE`, `ERR_STATUS_ENTRY_MALFORMED`; warnings `W_STATUS_LIST_SHORT`,
 * `W_STATUS_REFRESH`, `W_STATUS_LIST_UNSIGNED`; skipped `SKIP_STATUS_LIST_UNAVAILABLE`, `SKIP_STATUS_LIST_FETCH_FAILED`,
 * `SKIP_STATUS_LIST_KEY_UNAVAILABLE`, `SKIP_STATUS_UNSUPPORTED`.
 * @example
 * ```ts
 * const checks = await checkCredentialStatus(credential, ctx);
 * checks[0]; // { id: 'status', status: 'failed', code: 'ERR_STATUS_REVOKED', message: '…', target: 'https://uni.example/status/1#94567' }
 * ```
 */
export async function checkCredentialStatus(cred: Record<string, any>, ctx: StatusCheckContext): Promise<Check[]> {
  const entries = asArray(cred?.credentialStatus);
  if (entries.length === 0) {
    return [{ id: 'status', status: 'failed', code: 'ERR_STATUS_ENTRY_MALFORMED', message: 'credentialStatus is empty: it must be an object or a non-empty array' }];
  }
  if (entries.length > STATUS_LIST_LIMITS.maxEntriesPerCredential) {
    return [{ id: 'status', status: 'failed', code: 'ERR_STATUS_TOO_MANY_ENTRIES', message: `${entries.length} credentialStatus entries: more than ${STATUS_LIST_LIMITS.maxEntriesPerCredential} are refused` }];
  }
  const cache = new Map<string, Promise<LoadedList>>();
  const checks: Check[] = [];
  for (const [i, entry] of entries.entries()) {
    const target = describeTarget(entry, i);
    let out: Outcome;
    try {
      if (!entry || typeof entry !== 'object' || Array.isArray(entry)) {
        out = ok('failed', 'ERR_STATUS_ENTRY_MALFORMED', 'a credentialStatus entry must be an object');
      } else {
        const types = asArray((entry as Rec).type).filter((t): t is string => typeof t === 'string');
        const bitstring = types.find((t) => t in BITSTRING_KINDS);
        const recognised = types.find((t) => t in RECOGNISED_UNCHECKED);
        if (bitstring) out = await checkBitstringEntry(cred, entry as Rec, bitstring, ctx, cache);
        else if (types.includes('1EdTechRevocationList')) out = await check1EdTechEntry(cred, entry as Rec, ctx);
        else if (recognised) out = ok('skipped', 'SKIP_STATUS_UNSUPPORTED', `status not checked: ${RECOGNISED_UNCHECKED[recognised]}`);
        else out = ok('skipped', 'SKIP_STATUS_UNSUPPORTED', `status not checked: credentialStatus type ${JSON.stringify((entry as Rec).type)?.slice(0, 80)} is not supported`);
      }
    } catch (err) {
      out = ok('failed', 'ERR_STATUS_CHECK', `status check failed: ${(err as Error)?.message ?? String(err)}`);
    }
    checks.push({ id: 'status', ...out, target });
  }
  return checks;
}

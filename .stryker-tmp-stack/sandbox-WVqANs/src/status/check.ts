// @ts-nocheck
import type { DocumentLoader } from '../jsonld/loader.js';
import { isDateTimeStamp } from '../util/json.js';
import type { Check, CheckStatus, VerificationReport } from '../verify/report.js';
import { getStatusValue } from './bits.js';
import { decodeBitstring } from './decode.js';
import {
  findRevoked,
  readRevocationList,
  readStatusCredential,
  readStatusEntries,
  readStatusEntry,
  readStatusList,
  type RevocationListFields,
  type StatusCredentialFields,
  type StatusEntryFields,
  type StatusListFields,
} from './read.js';
import { MIN_STATUS_LIST_LENGTH, STATUS_LIST_LIMITS } from './types.js';

/**
 * Whose status lists are accepted. `'any'` (default): the list the signed credential names by URL is authoritative,
 * whoever signed it (Bitstring Status List v1.0 §2.2: the credential's issuer "MAY be different from the issuer value of
 * a BitstringStatusListCredential"); a different issuer is the warning `W_STATUS_LIST_ISSUER_DIFFERS`. `'same'`: the
 * list must be issued by the credential's issuer, otherwise the status check fails (`ERR_STATUS_LIST_ISSUER_MISMATCH`).
 * @example
 * ```ts
 * const policy: StatusIssuerPolicy = 'same';
 * await verifyCredential(badge, { statusIssuer: policy, documents: { [listUrl]: list } });
 * ```
 */
export type StatusIssuerPolicy = 'any' | 'same';

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
  /** Whose lists are accepted (default `'any'`). */
  statusIssuer?: StatusIssuerPolicy;
  /**
   * A status that cannot be determined (the list cannot be obtained, an unsupported status method): `'fail'` (default:
   * revocation unknown is not verified) or `'skip'` (the caller accepts it: `skipped`, plus one `W_STATUS_UNCHECKED`).
   */
  undetermined?: 'fail' | 'skip';
  /** Lists loaded and verified so far in this verification, by URL: pass the same map to share them. */
  lists?: Map<string, Promise<unknown>>;
  /**
   * With a shared `lists` map (several credentials of one call): a loader and verifier with a budget of their own for
   * loading and verifying one list, so that whichever credential asks first cannot make the shared result depend on its
   * own remaining document budget. The asking credential is still charged for the list's URL through `loader`.
   */
  forList?: () => Pick<StatusCheckContext, 'loader' | 'verifyList'>;
}

type Rec = Record<string, any>;
/** One finding. `undetermined`: the status could not be determined; `code` is then the reason (`STATUS_UNAVAILABLE`…). */
type Outcome = { status: CheckStatus | 'undetermined'; code: string; message: string };

/** Entry types whose list is a signed bitstring credential, and how to read them. */
const BITSTRING_KINDS: Record<string, BitstringKind> = {
  BitstringStatusListEntry: { listType: 'BitstringStatusListCredential', subjectType: 'BitstringStatusList', multibase: 'required', name: 'Bitstring Status List' },
  // StatusList2021 (W3C CCG draft, predecessor): same algorithm; some lists omit the multibase "u" prefix
  StatusList2021Entry: { listType: 'StatusList2021Credential', subjectType: 'StatusList2021', multibase: 'optional', name: 'StatusList2021' },
};
interface BitstringKind {
  listType: string;
  subjectType: string;
  multibase: 'required' | 'optional';
  name: string;
}

/** Recognised but not checkable: a clear reason instead of "unknown type". */
const RECOGNISED_UNCHECKED: Record<string, string> = {
  RevocationList2020Status: 'RevocationList2020 (a superseded W3C CCG draft) is not checked; ask the issuer for a BitstringStatusListEntry',
  RevocationList2021Status: 'RevocationList2021 (a superseded W3C CCG draft) is not checked; ask the issuer for a BitstringStatusListEntry',
};

const URL_RE = /^[a-z][a-z0-9+.-]*:\S+$/i;
const out = (status: Outcome['status'], code: string, message: string): Outcome => ({ status, code, message });
const show = (v: unknown, n = 200): string => (typeof v === 'string' ? v.slice(0, n) : v === undefined ? 'none' : 'a non-string value');

/** A loaded status list credential (or why none could be used), shared by every entry that names its URL. */
interface LoadedList {
  fail?: Outcome;
  fields?: StatusListFields;
  report?: VerificationReport;
  decoded?: Map<string, Uint8Array | Outcome>;
}

/** What a loader error means for the status: cannot be obtained (undetermined) or a failure. */
function loaderFailure(err: unknown, url: string, what: string): Outcome {
  const code = (err as { code?: string })?.code;
  const msg = typeof (err as Error)?.message === 'string' ? (err as Error).message.slice(0, 200) : 'unknown error';
  if (code === 'ERR_DOCUMENT_INVALID') return out('failed', 'ERR_STATUS_LIST_INVALID', `${what} ${url} is not valid JSON`);
  // a bound, not an absence: never something the caller's opt-out turns into a skip
  if (code === 'ERR_DOCUMENT_LIMIT') return out('failed', 'ERR_DOCUMENT_LIMIT', `${what} ${url} not loaded: ${msg}`);
  if (code === 'ERR_DOCUMENT_FETCH_FAILED') return out('undetermined', 'STATUS_UNAVAILABLE', `fetching ${what} ${url} failed (${msg})`);
  if (code === 'ERR_DOCUMENT_URL_REFUSED') return out('undetermined', 'STATUS_UNAVAILABLE', `${what} ${url} was not fetched: ${msg}`);
  return out('undetermined', 'STATUS_UNAVAILABLE', `${what} ${url} is not available offline; pass it in \`documents\` (or give an explicit \`fetch\`)`);
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
  } catch {
    return { fail: out('failed', 'ERR_STATUS_LIST_UNVERIFIED', `status list ${url} could not be verified`) };
  }
  // the list as its signed data says it (the verifier's view), so a respelled list reads the same
  const cred: unknown = report?.view?.document ?? report?.credential ?? doc; // not a (non-array) object: refused below
  if (!cred || typeof cred !== 'object' || Array.isArray(cred)) {
    const why = report?.checks?.find((c) => c.status === 'failed');
    return { fail: out('failed', 'ERR_STATUS_LIST_INVALID', `status list ${url} is not a credential${why ? `: ${why.code ?? ''} ${why.message}` : ''}`) };
  }
  return { fields: readStatusList(cred as Rec), report, decoded: new Map() };
}

/**
 * The nested verification verdict: undefined when the list is authentic (a proof verified, none failed). Spec §3.2:
 * "Dereference the statusListCredential URL, and ensure that all proofs verify successfully. [...] If any of the proof
 * verifications fail, raise a STATUS_VERIFICATION_ERROR." A list that cannot be verified — tampered, unsigned, or signed
 * with a key that cannot be resolved — is a failure, never a skip.
 */
function judgeListReport(report: VerificationReport, url: string): Outcome | undefined {
  const bad = report.checks.filter(
    (c) =>
      c.status === 'failed' &&
      // our JSON Schemas are about Open Badges, not status lists; dates are checked below with precise codes;
      // the list's own credentialStatus is not followed (§3.2 asks only for its proofs)
      c.id !== 'schema' &&
      c.id !== 'status' &&
      !(c.id === 'validity' && (c.code === 'ERR_EXPIRED' || c.code === 'ERR_NOT_YET_VALID')),
  );
  const why = (cs: Check[]) => cs.slice(0, 3).map((c) => `${c.id}: ${c.code ?? ''} ${c.message}`.slice(0, 200)).join('; ');
  if (bad.some((c) => c.code === 'ERR_DOCUMENT_LIMIT')) return out('failed', 'ERR_DOCUMENT_LIMIT', `status list ${url} not verified: ${why(bad)}`);
  if (bad.length) {
    const keyOnly = bad.every((c) => c.id === 'proof' && c.code === 'ERR_KEY_UNAVAILABLE');
    const what = keyOnly ? 'the key that signed it cannot be resolved, so nothing shows it was not altered' : 'tampered or not signed by its issuer';
    return out('failed', 'ERR_STATUS_LIST_UNVERIFIED', `status list ${url} does not verify (${what}): ${why(bad)}`);
  }
  if (!report.checks.some((c) => c.id === 'proof' && c.status === 'passed')) {
    return out('failed', 'ERR_STATUS_LIST_UNVERIFIED', `status list ${url} does not verify: no proof of it could be verified`);
  }
  return undefined;
}

/** Validity period of the list (VC Data Model §4.6, Bitstring Status List §2.2 validFrom / validUntil). */
function judgeListDates(list: StatusListFields, url: string, now: Date): Outcome | undefined {
  for (const [name, v] of [['validFrom', list.validFrom], ['validUntil', list.validUntil]] as const) {
    if (v !== undefined && !isDateTimeStamp(v)) {
      return out('failed', 'ERR_STATUS_LIST_DATE_INVALID', `status list ${url}: ${name} is not a date-time with time zone (${show(v, 60)})`);
    }
  }
  const from = list.validFrom as string | undefined;
  const until = list.validUntil as string | undefined;
  if (from !== undefined && Date.parse(from) > now.getTime()) {
    return out('failed', 'ERR_STATUS_LIST_NOT_YET_VALID', `status list ${url} is not valid before ${from} (now ${now.toISOString()})`);
  }
  if (until !== undefined && Date.parse(until) < now.getTime()) {
    return out('failed', 'ERR_STATUS_LIST_EXPIRED', `status list ${url} expired at ${until} (now ${now.toISOString()}): get a fresh copy from the issuer`);
  }
  return undefined;
}

/**
 * The binding of a list to the credential. The binding is the URL the signed credential names in
 * `statusListCredential` (the caller vouched for that URL in `documents`, or `fetch` retrieved it). Spec §2.2: the list
 * "MAY express an id property that matches the value specified in statusListCredential", and its issuer "MAY be
 * different": a different `id` or issuer is a note (warning), unless the caller requires the same issuer.
 */
function judgeBinding(
  list: { id: unknown; issuer: string | undefined; idApplies: boolean },
  url: string,
  cred: StatusCredentialFields,
  policy: StatusIssuerPolicy,
): { problems: Outcome[]; notes: Outcome[] } {
  const problems: Outcome[] = [];
  const notes: Outcome[] = [];
  if (list.idApplies && list.id !== undefined && list.id !== url) {
    notes.push(out('warning', 'W_STATUS_LIST_ID_DIFFERS', `the list served for ${url} names itself ${show(list.id)}; it is bound by the URL the credential names`));
  }
  if (list.issuer !== cred.issuer) {
    if (policy === 'same') {
      problems.push(
        out('failed', 'ERR_STATUS_LIST_ISSUER_MISMATCH', `status list ${url} is issued by ${show(list.issuer)}, the credential by ${show(cred.issuer)}, and statusIssuer is 'same'`),
      );
    } else {
      notes.push(
        out('warning', 'W_STATUS_LIST_ISSUER_DIFFERS', `status list ${url} is issued by ${show(list.issuer)}, not by the credential's issuer ${show(cred.issuer)}: trust that status authority, or set statusIssuer: 'same'`),
      );
    }
  }
  return { problems, notes };
}

/**
 * Put the findings of one entry in order. When the list is authentic but not acceptable (expired, another issuer than
 * required), its "not revoked" is not reported as a pass; a revocation is still reported, because revocation "is not
 * reversible" (spec §2.1 statusPurpose) — the report then names the real reason — and so is any other failure of the
 * entry itself (index out of range), but not a suspension ("This status is reversible").
 */
function assemble(result: Outcome, problems: Outcome[], notes: Outcome[]): Outcome[] {
  if (problems.length === 0) return [result, ...notes];
  // a suspension is reversible: a stale list's suspension says nothing about now; other failures stay true
  const keep = result.status === 'failed' && result.code !== 'ERR_STATUS_SUSPENDED';
  return [...(keep ? [result] : []), ...problems, ...notes];
}

/** @internal A validated BitstringStatusListEntry / StatusList2021Entry. */
export interface BitstringEntry {
  kind: string;
  purpose: string;
  listUrl: string;
  /** statusListIndex as written (base-10 digits). */
  rawIndex: string;
  index: number;
  size: number;
  messages: unknown;
}

/** @internal Validate the fields of a bitstring entry (spec §2.1). */
export function validateBitstringEntry(e: StatusEntryFields, kindName: string): BitstringEntry | Outcome {
  const malformed = (m: string) => out('failed', 'ERR_STATUS_ENTRY_MALFORMED', `${kindName}: ${m}`);
  const { purpose, listUrl, index: rawIndex } = e;
  if (typeof purpose !== 'string' || purpose === '') return malformed('statusPurpose must be a non-empty string');
  if (typeof listUrl !== 'string' || !URL_RE.test(listUrl) || listUrl.length > 4096) return malformed('statusListCredential must be a URL');
  if (typeof rawIndex !== 'string' || !/^\d+$/.test(rawIndex)) {
    return malformed(`statusListIndex must be a base-10 integer as a string (got ${typeof rawIndex === 'string' ? JSON.stringify(rawIndex.slice(0, 40)) : typeof rawIndex})`);
  }
  const size = e.size ?? 1;
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 1) return malformed('statusSize must be an integer greater than zero');
  if (size > STATUS_LIST_LIMITS.maxStatusSize) {
    return out('undetermined', 'STATUS_UNSUPPORTED', `statusSize ${size} is larger than the ${STATUS_LIST_LIMITS.maxStatusSize} bits supported`);
  }
  if (size > 1 && (!Array.isArray(e.messages) || e.messages.length !== 2 ** size)) {
    return malformed(`statusSize ${size} requires a statusMessage array of ${2 ** size} elements`);
  }
  const index = rawIndex.length > 15 ? Number.MAX_SAFE_INTEGER : Number(rawIndex);
  return { kind: kindName, purpose, listUrl, rawIndex, index, size, messages: e.messages };
}

/** What the entry's bits say (spec §3.2 steps 8–12), for a list that is authentic and matches the entry. */
function judgeValue(entry: BitstringEntry, bits: Uint8Array, kind: BitstringKind): Outcome {
  const { purpose, index, size, listUrl: url, rawIndex } = entry;
  const entries = Math.floor((bits.length * 8) / size);
  if (index >= entries) {
    return out('failed', 'ERR_STATUS_INDEX_OUT_OF_RANGE', `statusListIndex ${rawIndex.slice(0, 20)} is outside status list ${url} (${entries} entries)`);
  }
  const value = getStatusValue(bits, index, size);
  const where = `index ${index} of ${url}`;
  const short = entries < MIN_STATUS_LIST_LENGTH;
  const shortNote = `status list ${url} has only ${entries} entries, fewer than the ${MIN_STATUS_LIST_LENGTH} the spec requires for herd privacy`;
  if (purpose === 'revocation' && value !== 0) return out('failed', 'ERR_STATUS_REVOKED', `the issuer revoked this credential (${where})`);
  if (purpose === 'suspension' && value !== 0) return out('failed', 'ERR_STATUS_SUSPENDED', `the issuer suspended this credential (${where})`);
  if (purpose === 'refresh' && value !== 0) return out('warning', 'W_STATUS_REFRESH', `the issuer has an updated version of this credential (refresh, ${where})`);
  if (purpose === 'message') {
    const hex = `0x${value.toString(16)}`;
    const m = (Array.isArray(entry.messages) ? entry.messages : []).find((x: any) => typeof x?.status === 'string' && x.status.toLowerCase() === hex);
    const text = typeof (m as any)?.message === 'string' ? (m as any).message.slice(0, 200) : value === 0 ? 'unset' : 'set';
    return short ? out('warning', 'W_STATUS_LIST_SHORT', `status ${hex} "${text}"; ${shortNote}`) : out('passed', 'STATUS_MESSAGE', `status ${hex} "${text}" (${where})`);
  }
  // a set revocation, suspension or refresh bit returned above: a value here is another purpose's
  if (value !== 0) {
    return out('warning', 'W_STATUS_SET', `status "${purpose.slice(0, 60)}" is set (${where})`);
  }
  const state = purpose === 'revocation' ? 'not revoked' : purpose === 'suspension' ? 'not suspended' : `"${purpose.slice(0, 60)}" not set`;
  if (short) return out('warning', 'W_STATUS_LIST_SHORT', `${state}; ${shortNote}`);
  return out('passed', 'STATUS_VALID', `${state} (${kind.name}, ${where})`);
}

/**
 * @internal The semantics of one bitstring entry against its (authentic) list: type, binding, dates, purpose, bits.
 * `readBits` decodes the list's bitstring (bounded; cached by the caller).
 */
export function judgeBitstringEntry(
  entry: BitstringEntry,
  list: StatusListFields,
  readBits: () => Uint8Array | Outcome,
  cred: StatusCredentialFields,
  opts: { now: Date; statusIssuer: StatusIssuerPolicy },
): Outcome[] {
  const kind = BITSTRING_KINDS[entry.kind]!;
  const url = entry.listUrl;
  // the right kind of list (spec §2.2: type "MUST" include BitstringStatusListCredential)
  if (!list.types.includes(kind.listType)) return [out('failed', 'ERR_STATUS_LIST_TYPE', `${url} is not a ${kind.listType}`)];
  if (!list.subjectIsObject || !list.subjectTypes.includes(kind.subjectType)) return [out('failed', 'ERR_STATUS_LIST_TYPE', `${url}: credentialSubject must be one ${kind.subjectType}`)];
  const { problems, notes } = judgeBinding({ id: list.id, issuer: list.issuer, idApplies: true }, url, cred, opts.statusIssuer);
  const dates = judgeListDates(list, url, opts.now);
  if (dates) problems.push(dates);
  // spec §3.2: "Verify that the status purpose is equal to a statusPurpose value in the statusListCredential"
  if (!list.purposes.includes(entry.purpose)) {
    const p = out('failed', 'ERR_STATUS_PURPOSE_MISMATCH', `the entry's statusPurpose "${entry.purpose.slice(0, 60)}" is not the list's (${list.purposes.map((x) => `"${x.slice(0, 60)}"`).join(', ') || 'none'})`);
    return [...problems, p, ...notes];
  }
  const bits = readBits();
  if (!(bits instanceof Uint8Array)) return [...problems, bits, ...notes];
  return assemble(judgeValue(entry, bits, kind), problems, notes);
}

async function checkBitstringEntry(cred: StatusCredentialFields, e: StatusEntryFields, kindName: string, ctx: StatusCheckContext, lists: Map<string, Promise<unknown>>): Promise<Outcome[]> {
  const entry = validateBitstringEntry(e, kindName);
  if (!('listUrl' in entry)) return [entry];
  const url = entry.listUrl;
  if (ctx.forList) {
    // this credential's budget pays for the list's URL (a shared, cached load), whoever loads and verifies it
    try {
      await ctx.loader(url);
    } catch (err) {
      return [loaderFailure(err, url, 'status list credential')];
    }
  }
  let p = lists.get(url) as Promise<LoadedList> | undefined;
  if (!p) {
    p = loadList(url, ctx.forList ? { ...ctx, ...ctx.forList() } : ctx);
    lists.set(url, p);
  }
  const loaded = await p;
  if (loaded.fail) return [loaded.fail];
  // authentic first: nothing in an unverified list is read
  const verdict = judgeListReport(loaded.report!, url);
  if (verdict) return [verdict];
  const kind = BITSTRING_KINDS[kindName]!;
  const readBits = (): Uint8Array | Outcome => {
    let bits = loaded.decoded!.get(kind.multibase);
    if (!bits) {
      try {
        bits = decodeBitstring(loaded.fields!.encodedList, { maxBytes: STATUS_LIST_LIMITS.maxDecodedBytes, multibase: kind.multibase });
      } catch (err) {
        const code = (err as { code?: string })?.code ?? 'ERR_STATUS_LIST_MALFORMED';
        bits = out('failed', code, `status list ${url}: ${typeof (err as Error)?.message === 'string' ? (err as Error).message : 'cannot decode encodedList'}`);
      }
      loaded.decoded!.set(kind.multibase, bits);
    }
    return bits;
  };
  return judgeBitstringEntry(entry, loaded.fields!, readBits, cred, { now: ctx.now, statusIssuer: ctx.statusIssuer ?? 'any' });
}

/** @internal The semantics of a 1EdTechRevocationList entry against its (unsigned) list. */
export function judgeRevocationList(list: RevocationListFields, url: string, cred: StatusCredentialFields, statusIssuer: StatusIssuerPolicy): Outcome[] {
  if (!list.revoked) return [out('failed', 'ERR_STATUS_LIST_INVALID', `1EdTech revocation list ${url} has no revokedCredentials array`)];
  if (list.revoked.length > 10_000_000) return [out('failed', 'ERR_STATUS_LIST_TOO_LARGE', `1EdTech revocation list ${url} is too large`)];
  const { problems, notes } = list.issuerPresent ? judgeBinding({ id: undefined, issuer: list.issuer, idApplies: false }, url, cred, statusIssuer) : { problems: [], notes: [] };
  if (typeof cred.id !== 'string') {
    return [...problems, out('undetermined', 'STATUS_NO_CREDENTIAL_ID', 'a 1EdTech revocation list names credentials by id, and this credential has none'), ...notes];
  }
  const hit = findRevoked(list.revoked, cred.id);
  const result = hit
    ? out('failed', 'ERR_STATUS_REVOKED', `the issuer revoked this credential (1EdTech revocation list ${url})${typeof hit.reason === 'string' ? `: ${hit.reason.slice(0, 200)}` : ''}`)
    : out('warning', 'W_STATUS_LIST_UNSIGNED', `not in the 1EdTech revocation list ${url}; that list is not signed, so this is only as trustworthy as where the list came from`);
  return assemble(result, problems, notes);
}

/** 1EdTech Revocation List Status Method 1.0: an unsigned JSON list of revoked credential ids. */
async function check1EdTechEntry(cred: StatusCredentialFields, e: StatusEntryFields, ctx: StatusCheckContext): Promise<Outcome[]> {
  const url = e.id;
  if (typeof url !== 'string' || !URL_RE.test(url) || url.length > 4096) {
    return [out('failed', 'ERR_STATUS_ENTRY_MALFORMED', '1EdTechRevocationList: id must be the URL of the revocation list')];
  }
  let doc: unknown;
  try {
    doc = (await ctx.loader(url)).document;
  } catch (err) {
    return [loaderFailure(err, url, '1EdTech revocation list')];
  }
  return judgeRevocationList(readRevocationList(doc), url, cred, ctx.statusIssuer ?? 'any');
}

/** @internal Dispatch one entry (already read) on its type. */
async function checkEntry(cred: StatusCredentialFields, e: StatusEntryFields, ctx: StatusCheckContext, lists: Map<string, Promise<unknown>>): Promise<Outcome[]> {
  const bitstring = e.types.find((t) => t in BITSTRING_KINDS);
  if (bitstring) return checkBitstringEntry(cred, e, bitstring, ctx, lists);
  if (e.types.includes('1EdTechRevocationList')) return check1EdTechEntry(cred, e, ctx);
  const recognised = e.types.find((t) => t in RECOGNISED_UNCHECKED);
  if (recognised) return [out('undetermined', 'STATUS_UNSUPPORTED', RECOGNISED_UNCHECKED[recognised]!)];
  const t = e.types.length ? e.types.map((x) => JSON.stringify(x.slice(0, 80))).join(', ') : 'none';
  return [out('undetermined', 'STATUS_UNSUPPORTED', `credentialStatus type ${t} is not a status method credstack can check`)];
}

/**
 * @internal Fail closed: an undetermined status is a failure (`ERR_<reason>`), unless the caller accepted unchecked
 * status (then `skipped`, `SKIP_<reason>`).
 */
export function settle(o: Outcome, undetermined: 'fail' | 'skip'): Omit<Check, 'id' | 'target'> {
  if (o.status !== 'undetermined') return o as Omit<Check, 'id' | 'target'>;
  if (undetermined === 'skip') return { status: 'skipped', code: `SKIP_${o.code}`, message: `status not checked (the caller accepts that): ${o.message}` };
  return {
    status: 'failed',
    code: `ERR_${o.code}`,
    message: `revocation status unknown, so the credential is not verified: ${o.message} (to accept unchecked status, verify with status: 'allow-unavailable')`,
  };
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
 * Check every `credentialStatus` entry of a credential. Never throws. Each entry gives its result check (`target` = the
 * entry) and, after it, notes on the same target (warnings such as `W_STATUS_LIST_ISSUER_DIFFERS`).
 *
 * `BitstringStatusListEntry` (and `StatusList2021Entry`), following Bitstring Status List v1.0 §3.2: loads the list
 * credential by the URL the credential names (`statusListCredential`) through `ctx.loader` (offline `documents` or
 * explicit `fetch`), verifies it with `ctx.verifyList` (all its proofs must verify: a list that does not verify —
 * tampered, unsigned, key unresolvable — fails `ERR_STATUS_LIST_UNVERIFIED`), checks its type, validity dates and
 * purpose, decodes the bitstring in bounded memory and reads the entry's bits (index 0 = left-most bit). The list is
 * bound by that URL: a list whose `id` differs (`W_STATUS_LIST_ID_DIFFERS`) or whose issuer is not the credential's
 * (`W_STATUS_LIST_ISSUER_DIFFERS`; `statusIssuer: 'same'` makes this `ERR_STATUS_LIST_ISSUER_MISMATCH`) is accepted with a
 * warning. A list's own `credentialStatus` is not followed. `1EdTechRevocationList`: looks the credential id up in the
 * (unsigned) list.
 *
 * Fails closed: a status that cannot be determined — the list cannot be obtained (`ERR_STATUS_UNAVAILABLE`), a status
 * method or size that is not supported (`ERR_STATUS_UNSUPPORTED`), a 1EdTech list for a credential without id
 * (`ERR_STATUS_NO_CREDENTIAL_ID`) — fails, unless `ctx.undetermined` is `'skip'`: then `SKIP_STATUS_UNAVAILABLE` /
 * `SKIP_STATUS_UNSUPPORTED` / `SKIP_STATUS_NO_CREDENTIAL_ID` and one `W_STATUS_UNCHECKED` warning at the end.
 *
 * Other codes: failed `ERR_STATUS_REVOKED`, `ERR_STATUS_SUSPENDED`, `ERR_STATUS_LIST_TYPE`, `ERR_STATUS_LIST_EXPIRED`,
 * `ERR_STATUS_LIST_NOT_YET_VALID`, `ERR_STATUS_LIST_DATE_INVALID`, `ERR_STATUS_PURPOSE_MISMATCH`, `ERR_STATUS_LIST_INVALID`,
 * `ERR_STATUS_LIST_MALFORMED`, `ERR_STATUS_LIST_NOT_GZIP`, `ERR_STATUS_LIST_CORRUPT`, `ERR_STATUS_LIST_TOO_LARGE`,
 * `ERR_STATUS_INDEX_OUT_OF_RANGE`, `ERR_STATUS_ENTRY_MALFORMED`, `ERR_STATUS_TOO_MANY_ENTRIES`, `ERR_DOCUMENT_LIMIT`;
 * warnings `W_STATUS_LIST_SHORT`, `W_STATUS_REFRESH`, `W_STATUS_SET`, `W_STATUS_LIST_UNSIGNED`. When the list is authentic
 * but expired or from an issuer the caller refuses, a revocation in it is still reported (`ERR_STATUS_REVOKED`: revocation
 * "is not reversible", spec §2.1) beside the list's own failure.
 * @example
 * ```ts
 * const checks = await checkCredentialStatus(credential, ctx);
 * checks[0]; // { id: 'status', status: 'failed', code: 'ERR_STATUS_REVOKED', message: '…', target: 'https://uni.example/status/1#94567' }
 * ```
 */
export async function checkCredentialStatus(cred: Record<string, any>, ctx: StatusCheckContext): Promise<Check[]> {
  const entries = readStatusEntries(cred);
  if (entries.length === 0) {
    return [{ id: 'status', status: 'failed', code: 'ERR_STATUS_ENTRY_MALFORMED', message: 'credentialStatus is empty: it must be an object or a non-empty array' }];
  }
  if (entries.length > STATUS_LIST_LIMITS.maxEntriesPerCredential) {
    return [{ id: 'status', status: 'failed', code: 'ERR_STATUS_TOO_MANY_ENTRIES', message: `${entries.length} credentialStatus entries: more than ${STATUS_LIST_LIMITS.maxEntriesPerCredential} are refused` }];
  }
  const undetermined = ctx.undetermined === 'skip' ? 'skip' : 'fail';
  const credFields = readStatusCredential(cred);
  const lists = ctx.lists ?? new Map<string, Promise<unknown>>();
  const checks: Check[] = [];
  let unchecked = 0;
  for (const [i, entry] of entries.entries()) {
    const target = describeTarget(entry, i);
    let outcomes: Outcome[];
    try {
      outcomes =
        !entry || typeof entry !== 'object' || Array.isArray(entry)
          ? [out('failed', 'ERR_STATUS_ENTRY_MALFORMED', 'a credentialStatus entry must be an object')]
          : await checkEntry(credFields, readStatusEntry(entry as Rec), ctx, lists);
    } catch {
      outcomes = [out('failed', 'ERR_STATUS_CHECK', 'the status check could not complete')];
    }
    for (const o of outcomes) {
      if (o.status === 'undetermined' && undetermined === 'skip') unchecked++;
      checks.push({ id: 'status', ...settle(o, undetermined), target });
    }
  }
  if (unchecked) {
    checks.push({
      id: 'status',
      status: 'warning',
      code: 'W_STATUS_UNCHECKED',
      message: `${unchecked} status entr${unchecked === 1 ? 'y' : 'ies'} could not be checked and the caller accepted that (status: 'allow-unavailable'): whether the credential was revoked is unknown`,
    });
  }
  return checks;
}


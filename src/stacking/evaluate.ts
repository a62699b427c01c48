import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { StackingError } from '../errors.js';
import { show, toDate } from '../util/json.js';
import { createVerifyContext, innerContext, verifyInput } from '../verify/verify.js';
import { makeReport } from '../verify/report.js';
import type { VerifyOptions } from '../verify/options.js';
import type { Check } from '../verify/report.js';
import { describeLearner, matchesLearner, subjectKey, type LearnerRef } from '../model/learner.js';
import { extractFacts } from './facts.js';
import { evaluateFacts } from './evaluate-facts.js';
import { parseStackingRule } from './rules.js';
import type { ConditionResult, CredentialFacts, MissingItem, Quantity, StackingRule } from './types.js';

/**
 * Options of {@link evaluateStack}: every {@link VerifyOptions} (pin `now`; `documents`, `fetch`, `trustedIssuers`…) plus
 * stacking options.
 * @example
 * ```ts
 * const opts: EvaluateStackOptions = { now: '2026-01-10T00:00:00Z', learner: 'did:key:z6Mk…', trustedIssuers: [uniDid] };
 * ```
 */
export interface EvaluateStackOptions extends VerifyOptions {
  /** Let one credential count toward several `sum` conditions (overrides the rule's `allowReuse`). */
  allowReuse?: boolean;
  /**
   * The learner whose credentials count (a DID, an email or a student id; hashed identifiers are matched with each
   * credential's own salt, see matchesLearner); others are ignored (`other-learner`, code `ERR_OTHER_LEARNER`). Default: the
   * one learner all verified credentials name by `credentialSubject.id`; required (`ERR_LEARNER_REQUIRED`) when they
   * name several, or when any names its learner only by hashed identifiers.
   */
  learner?: LearnerRef;
  /** Ids of credentials already counted toward another stacked credential: ignored unless reuse is allowed. */
  consumed?: string[];
  /** At most this many credentials are evaluated (default 1,000); more throw `ERR_STACK_TOO_LARGE`. */
  maxCredentials?: number;
  /** Credentials verified at the same time (default 4): bounds memory and parallel fetches. */
  concurrency?: number;
}

/** @internal Default of {@link EvaluateStackOptions.maxCredentials}, the same as verifyPortfolio's. */
export const MAX_STACK_CREDENTIALS = 1000;

/** @internal Map `items` with at most `limit` calls of `fn` in flight; results in input order. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}

/**
 * A credential the evaluation relied on. `credential` is a frozen copy of what was verified (the object, or the
 * VC-JWT string); {@link issueStackedCredential} digests exactly this.
 * @example
 * ```ts
 * for (const c of evaluation.used) console.log(c.id, c.achievementName, c.workload);
 * ```
 */
export interface UsedCredential {
  /** Position in the `credentials` array given to evaluateStack. */
  index: number;
  id?: string;
  achievementId?: string;
  achievementName?: string;
  issuer?: string;
  awardedAt?: string;
  workload: Quantity[];
  credential: Readonly<Record<string, unknown>> | string;
}

/**
 * A credential that did not count, and why: `unverified` (with the failed checks), `duplicate`, `other-learner`, `consumed`.
 * @example
 * ```ts
 * evaluation.ignored.filter((x) => x.reason === 'unverified').map((x) => x.code); // e.g. ['ERR_EXPIRED']
 * ```
 */
export interface IgnoredCredential {
  index: number;
  id?: string;
  reason: 'unverified' | 'duplicate' | 'other-learner' | 'consumed';
  /** First failed check's code for `unverified`; `DUPLICATE_SAME_ID` / `DUPLICATE_SAME_ACHIEVEMENT` for duplicates. */
  code?: string;
  message: string;
  failedChecks?: Check[];
}

/**
 * Result of {@link evaluateStack}. `satisfied` means the learner is **eligible**: the EU Recommendation leaves the
 * decision to the receiving organisation, and no credential is issued automatically.
 * @example
 * ```ts
 * const ev = await evaluateStack(rule, credentials, { now });
 * if (ev.satisfied) await issueStackedCredential(rule, ev, { key, achievement });
 * else console.log(ev.missing.map((m) => m.message)); // ['2 more ECTS at EQF 6 or above']
 * ```
 */
export interface StackEvaluation {
  ruleId: string;
  ruleName: string;
  /** sha-256 (hex) of the rule's canonical JSON: issuing checks the evaluation belongs to the same rule. */
  ruleDigest: string;
  evaluatedAt: string;
  satisfied: boolean;
  /** Always `'eligibility'`: a satisfied rule makes the learner eligible; it creates no entitlement. */
  outcome: 'eligibility';
  learner?: string;
  used: UsedCredential[];
  missing: MissingItem[];
  /** Workload of the used credentials, per unit as stated (units are never added to each other). */
  totals: Quantity[];
  ignored: IgnoredCredential[];
  /** Per-condition results; `used` indexes there refer to the `credentials` array. */
  detail: ConditionResult;
  /** Timings in milliseconds. */
  timings: { verifyMs: number; evaluateMs: number };
}

const genuine = new WeakSet<object>();

/** @internal Was this evaluation produced by evaluateStack in this process (and not modified, since it is frozen)? */
export function isGenuineEvaluation(e: unknown): boolean {
  // WeakSet.prototype.has is false for a primitive (ECMA-262 §24.4.3.4), so no type test is needed
  return genuine.has(e as object);
}

function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`).join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

/** @internal sha-256 hex of a rule's canonical JSON (sorted keys). */
export function ruleDigest(rule: StackingRule): string {
  return bytesToHex(sha256(utf8ToBytes(stable(rule))));
}

function deepFreeze<T>(o: T): T {
  // Object.isFrozen is true for every primitive (and null): only unfrozen objects are frozen and walked
  if (!Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
}

function remap(r: ConditionResult, map: number[]): ConditionResult {
  return { ...r, used: r.used.map((i) => map[i]!), ...(r.children ? { children: r.children.map((c) => remap(c, map)) } : {}) };
}

/**
 * Evaluate a stacking rule over a learner's credentials. Every credential is verified first with
 * {@link verifyCredential} (same options: pin `now`, give `documents` / `trustedIssuers`…); only those that verified
 * count. The credentials share one verification context (documents, keys, status lists loaded and verified once per
 * call), each within its own document budget (`maxDocuments`). Then duplicates (same id, or the same achievement twice) count once, credentials of another learner or already
 * `consumed` by another stacked credential are ignored, and the rule is evaluated ({@link evaluateFacts}).
 * Returns satisfied, the credentials used, what is missing in words a learner understands, totals per unit and why
 * anything was ignored. The result is frozen; it states eligibility, not an award.
 * @throws StackingError `ERR_RULE_INVALID` if `rule` is not a valid stacking rule (it is parsed with parseStackingRule);
 *   `ERR_INVALID_NOW` if `now` is not a valid date;
 *   `ERR_STACK_TOO_LARGE` for more than `maxCredentials` credentials (default 1,000). At most `concurrency` (4) verify at once.
 * @example
 * ```ts
 * const ev = await evaluateStack(rule, [aiCredential, dataCredential], { now: '2026-01-10T00:00:00Z' });
 * ev.satisfied; // true
 * ev.totals;    // [{ value: 10, unit: 'ECTS' }, { value: 125, unit: 'hours' }]
 * ```
 */
export async function evaluateStack(rule: StackingRule | unknown, credentials: unknown[], opts: EvaluateStackOptions = {}): Promise<StackEvaluation> {
  const parsed = parseStackingRule(rule);
  // an unreadable `now` would fail every verification and then the evaluation's own date: refuse it up front (typed)
  const now = toDate(opts.now);
  if (!now) throw new StackingError('ERR_INVALID_NOW', `options.now is not a valid date: ${show(opts.now, 60)}`);
  const list = Array.isArray(credentials) ? credentials : [];
  const max = opts.maxCredentials ?? MAX_STACK_CREDENTIALS;
  if (list.length > max) {
    throw new StackingError('ERR_STACK_TOO_LARGE', `${list.length} credentials given; at most ${max} are evaluated (option maxCredentials)`, { details: { count: list.length, max } });
  }
  const concurrency = Number.isSafeInteger(opts.concurrency) && opts.concurrency! > 0 ? opts.concurrency! : 4;
  const t0 = performance.now();
  // one verification context for the whole call (document cache, keys, status lists verified once), and for each
  // credential a loader with its own document budget: what one credential loads cannot exhaust another's bound
  const ctx = createVerifyContext({ ...opts, now });
  const reports = await mapBounded(list, concurrency, (c) => ('status' in ctx ? Promise.resolve(makeReport([ctx])) : verifyInput(c, innerContext(ctx, false))));
  const t1 = performance.now();

  const ignored: IgnoredCredential[] = [];
  const usable: { index: number; facts: CredentialFacts; original: unknown; subject: unknown }[] = [];
  reports.forEach((r, index) => {
    const cred = r.credential;
    // identity, credits, levels …: read from the signed data (the verifier's view), never from the JSON keys
    const view = r.view?.document;
    const id = r.view?.id;
    if (!r.verified || !cred || !view) {
      const failed = r.checks.filter((c) => c.status === 'failed');
      ignored.push({
        index, ...(id ? { id } : {}), reason: 'unverified', ...(failed[0]?.code ? { code: failed[0].code } : {}),
        message: `did not verify: ${failed.map((c) => c.message).join('; ') || 'no checks passed'}`, failedChecks: failed,
      });
      return;
    }
    // original: the VC-JWT string as given, else the verified credential; the learner is matched on the verified credential's subject
    usable.push({ index, facts: extractFacts(view), original: typeof list[index] === 'string' ? list[index] : cred, subject: cred.credentialSubject });
  });

  const reuse = opts.allowReuse ?? parsed.allowReuse ?? false;
  const consumed = new Set(reuse ? undefined : opts.consumed);
  let learner: LearnerRef | undefined = opts.learner;
  const missingLearner: MissingItem[] = [];
  if (learner === undefined) {
    const subjects = [...new Set(usable.map((u) => subjectKey(u.subject)).filter((s): s is string => s !== undefined))];
    if (subjects.length > 1) {
      missingLearner.push({ path: '$', kind: 'learner', code: 'ERR_LEARNER_REQUIRED', message: `the credentials belong to ${subjects.length} different learners (${subjects.join(', ')}): say whose credentials to stack (option learner)` });
    } else if (subjects.length === 1) {
      // one learner named by id: credentials naming nobody, or only a hashed email / student id, cannot be attributed to them
      learner = subjects[0];
    } else if (usable.length > 1) {
      // no credential names a learner by id (all by hashed identifiers, or none at all): the salted hashes of two
      // credentials cannot be compared, they may be two learners' badges
      missingLearner.push({ path: '$', kind: 'learner', code: 'ERR_LEARNER_REQUIRED', message: `${usable.length} credentials name the learner only by a hashed email / student id, so they cannot be shown to belong to one learner: say whose credentials to stack (option learner: a DID, email or student id)` });
    }
  }
  const kept = usable.filter((u) => {
    if (missingLearner.length > 0) return false;
    if (learner !== undefined && !matchesLearner(u.subject, learner)) {
      const subject = subjectKey(u.subject);
      const message = subject === undefined ? `not awarded to ${describeLearner(learner)} (no identifier matches)` : `awarded to ${subject}, not to ${describeLearner(learner)}`;
      ignored.push({ index: u.index, ...(u.facts.id ? { id: u.facts.id } : {}), reason: 'other-learner', code: 'ERR_OTHER_LEARNER', message });
      return false;
    }
    if (u.facts.id !== undefined && consumed.has(u.facts.id)) {
      ignored.push({ index: u.index, id: u.facts.id, reason: 'consumed', message: 'already counted toward another stacked credential' });
      return false;
    }
    return true;
  });

  const fe = evaluateFacts(parsed, kept.map((k) => k.facts), { now, allowReuse: reuse });
  const map = kept.map((k) => k.index);
  for (const d of fe.duplicates) {
    const k = kept[d.index]!;
    ignored.push({
      index: k.index, ...(k.facts.id ? { id: k.facts.id } : {}), reason: 'duplicate',
      code: d.reason === 'same-id' ? 'DUPLICATE_SAME_ID' : 'DUPLICATE_SAME_ACHIEVEMENT',
      message: d.reason === 'same-id' ? `the same credential is given twice (see credential #${map[d.keptIndex]!})` : `another credential for the same achievement counts instead (credential #${map[d.keptIndex]!}); credits count once`,
    });
  }
  ignored.sort((a, b) => a.index - b.index);
  const used: UsedCredential[] = fe.used.map((i) => {
    const k = kept[i]!;
    const f = k.facts;
    // a frozen copy of the verified credential (structuredClone gives a string, i.e. a VC-JWT, back as it is)
    const credential = deepFreeze(structuredClone(k.original) as UsedCredential['credential']);
    return {
      index: k.index, ...(f.id ? { id: f.id } : {}), ...(f.achievementId ? { achievementId: f.achievementId } : {}),
      ...(f.achievementName ? { achievementName: f.achievementName } : {}), ...(f.issuer ? { issuer: f.issuer } : {}),
      ...(f.awardedAt ? { awardedAt: f.awardedAt } : {}), workload: f.workload, credential,
    };
  });
  const t2 = performance.now();
  const evaluation: StackEvaluation = {
    ruleId: parsed.id,
    ruleName: parsed.name,
    ruleDigest: ruleDigest(parsed),
    evaluatedAt: now.toISOString(),
    satisfied: missingLearner.length === 0 && fe.satisfied,
    outcome: 'eligibility',
    ...(learner !== undefined ? { learner: typeof learner === 'string' ? learner : describeLearner(learner) } : {}),
    // with a learner missing nothing was kept, so nothing is used and the totals are empty
    used,
    missing: [...missingLearner, ...fe.missing],
    totals: fe.totals,
    ignored,
    detail: remap(fe.detail, map),
    timings: { verifyMs: Math.round((t1 - t0) * 100) / 100, evaluateMs: Math.round((t2 - t1) * 100) / 100 },
  };
  deepFreeze(evaluation);
  genuine.add(evaluation);
  return evaluation;
}

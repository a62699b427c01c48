/**
 * The pure evaluation of a stacking rule over already-verified credential facts: no I/O, no signatures, no clock
 * except the `now` passed in. {@link evaluateStack} verifies credentials, extracts their facts and calls this.
 */
import type {
  Comparator, Condition, ConditionResult, CredentialFacts, CredentialMatch, FactsEvaluation, MissingItem, Quantity,
  StackingRule, UnitConversion, WorkloadUnitName,
} from './types.js';

const EPS = 1e-9;

/**
 * Options of {@link evaluateFacts}.
 * @example `const o: EvaluateFactsOptions = { now: new Date('2026-01-01T00:00:00Z') };`
 */
export interface EvaluateFactsOptions {
  /** The evaluation instant (for `maxAge`). */
  now: Date;
  /** Override the rule's `allowReuse`. */
  allowReuse?: boolean;
}

interface Ctx {
  facts: CredentialFacts[];
  active: number[];
  now: Date;
  reuse: boolean;
  conversions: UnitConversion[];
  demand: Map<number, number>;
  budget: { left: number };
  matchCache: Map<CredentialMatch, boolean[]>;
}

interface NodeResult {
  satisfied: boolean;
  used: Set<number>;
  claims: Set<number>;
  missing: MissingItem[];
  detail: ConditionResult;
}

/** Format a number for people: at most 2 decimals, no trailing zeros. @internal */
export function fmt(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/** Subtract an ISO 8601 duration (PnYnMnWnD) from a date, calendar-wise. @internal */
export function subtractDuration(now: Date, duration: string): Date {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(duration);
  const d = new Date(now.getTime());
  if (!m) return d;
  const [, y, mo, w, dd] = m;
  if (y) d.setUTCFullYear(d.getUTCFullYear() - Number(y));
  if (mo) d.setUTCMonth(d.getUTCMonth() - Number(mo));
  const days = Number(w ?? 0) * 7 + Number(dd ?? 0);
  if (days) d.setUTCDate(d.getUTCDate() - days);
  return d;
}

function levelOk(f: CredentialFacts, min: { framework: string; level: number }): boolean {
  return f.level.some((l) => l.framework.toLowerCase() === min.framework.toLowerCase() && typeof l.level === 'number' && l.level >= min.level);
}

function resultOk(f: CredentialFacts, rm: NonNullable<CredentialMatch['result']>): boolean {
  return f.results.some((r) => {
    if (rm.resultDescription !== undefined && r.resultDescription !== rm.resultDescription && r.resultDescriptionName !== rm.resultDescription) return false;
    if (rm.status !== undefined && r.status !== rm.status) return false;
    if (rm.min !== undefined && !(r.numeric !== undefined && r.numeric >= rm.min - EPS)) return false;
    if (rm.oneOf !== undefined && !rm.oneOf.some((v) => v === r.value || v === r.achievedLevel || v === r.achievedLevelName)) return false;
    if (rm.atLeastLevel !== undefined) {
      if (r.levelRank === undefined || !r.rubric) return false;
      const need = r.rubric.findIndex((l) => l.id === rm.atLeastLevel || l.name === rm.atLeastLevel);
      if (need < 0 || r.levelRank < need) return false;
    }
    return true;
  });
}

/** Does one credential's facts satisfy a match? @internal */
export function matchesFacts(f: CredentialFacts, m: CredentialMatch | undefined, now: Date): boolean {
  if (!m) return true;
  if (m.achievementIds && !(f.achievementId && m.achievementIds.includes(f.achievementId))) return false;
  if (m.issuers && !m.issuers.some((i) => i === f.issuer || i === f.creator)) return false;
  if (m.achievementTypes && !m.achievementTypes.some((t) => f.achievementTypes.includes(t))) return false;
  if (m.skills && !m.skills.every((s) => f.skills.includes(s))) return false;
  if (m.anySkill && !m.anySkill.some((s) => f.skills.includes(s))) return false;
  if (m.minLevel && !levelOk(f, m.minLevel)) return false;
  if (m.result && !resultOk(f, m.result)) return false;
  if (m.maxAge) {
    const at = f.awardedAt ? Date.parse(f.awardedAt) : NaN;
    if (Number.isNaN(at) || at < subtractDuration(now, m.maxAge).getTime()) return false;
  }
  return true;
}

/** Workload of a credential in `unit`: as stated, else through an explicit conversion of the rule. Never mixes units. @internal */
export function valueIn(f: CredentialFacts, unit: WorkloadUnitName, conversions: UnitConversion[]): number | undefined {
  const stated = f.workload.find((w) => w.unit === unit);
  if (stated) return stated.value;
  for (const c of conversions) {
    if (c.to !== unit) continue;
    if (c.issuers && !c.issuers.some((i) => i === f.issuer || i === f.creator)) continue;
    const from = f.workload.find((w) => w.unit === c.from);
    if (from) return from.value * c.factor;
  }
  return undefined;
}

/** Describe a match in words a learner understands ("at EQF 6 or above, with skill …"). @internal */
export function describeMatch(m: CredentialMatch | undefined, names: Map<string, string> = new Map()): string {
  if (!m) return '';
  const parts: string[] = [];
  const nm = (id: string) => (names.has(id) ? `“${names.get(id)!}”` : id);
  if (m.achievementIds) parts.push(m.achievementIds.length === 1 ? `from ${nm(m.achievementIds[0]!)}` : `from one of ${m.achievementIds.map(nm).join(', ')}`);
  if (m.minLevel) parts.push(`at ${m.minLevel.framework} ${m.minLevel.level} or above`);
  if (m.skills) parts.push(`with skill${m.skills.length > 1 ? 's' : ''} ${m.skills.join(' and ')}`);
  if (m.anySkill) parts.push(`with skill ${m.anySkill.join(' or ')}`);
  if (m.issuers) parts.push(`from ${m.issuers.join(' or ')}`);
  if (m.achievementTypes) parts.push(`of type ${m.achievementTypes.join(' or ')}`);
  if (m.result) {
    const r = m.result;
    const what = r.resultDescription ? `“${r.resultDescription}”` : 'a result';
    if (r.min !== undefined) parts.push(`with ${what} of at least ${fmt(r.min)}`);
    if (r.oneOf) parts.push(`with ${what} of ${r.oneOf.join(' or ')}`);
    if (r.atLeastLevel) parts.push(`with ${what} at “${r.atLeastLevel}” or better`);
    if (r.status) parts.push(`with ${what} ${r.status}`);
  }
  if (m.maxAge) parts.push(`awarded within the last ${humanDuration(m.maxAge)}`);
  return parts.join(', ');
}

function humanDuration(d: string): string {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(d);
  if (!m) return d;
  const units = ['year', 'month', 'week', 'day'];
  return m.slice(1).map((v, i) => (v ? `${v} ${units[i]!}${v === '1' ? '' : 's'}` : '')).filter(Boolean).join(' ');
}

function compare(total: number, c: Comparator, value: number): boolean {
  switch (c) {
    case 'gte': return total >= value - EPS;
    case 'gt': return total > value + EPS;
    case 'eq': return Math.abs(total - value) <= EPS;
    case 'lte': return total <= value + EPS;
    case 'lt': return total < value - EPS;
  }
}

function matching(ctx: Ctx, m: CredentialMatch | undefined): number[] {
  if (!m) return ctx.active;
  let cache = ctx.matchCache.get(m);
  if (!cache) {
    cache = ctx.facts.map((f) => matchesFacts(f, m, ctx.now));
    ctx.matchCache.set(m, cache);
  }
  return ctx.active.filter((i) => cache[i]);
}

function nameMap(ctx: Ctx): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of ctx.facts) if (f.achievementId && f.achievementName) out.set(f.achievementId, f.achievementName);
  return out;
}

function result(path: string, c: Condition, satisfied: boolean, used: Iterable<number>, extra: Partial<ConditionResult> = {}): ConditionResult {
  return { path, kind: c.kind, ...(c.label ? { label: c.label } : {}), satisfied, used: [...used].sort((a, b) => a - b), ...extra };
}

function evalHas(c: Extract<Condition, { kind: 'has' }>, path: string, ctx: Ctx): NodeResult {
  const need = c.count ?? 1;
  const cands = matching(ctx, c.match);
  const used = new Set(cands.slice(0, need));
  const satisfied = cands.length >= need;
  const missing: MissingItem[] = [];
  if (!satisfied) {
    const what = c.label ?? `a credential ${describeMatch(c.match, nameMap(ctx))}`.trim();
    missing.push({ path, kind: 'has', message: need === 1 ? what : `${need - cands.length} more credential${need - cands.length > 1 ? 's' : ''} ${c.label ? `(${c.label})` : describeMatch(c.match, nameMap(ctx))}`.trim() });
  }
  return { satisfied, used, claims: new Set(), missing, detail: result(path, c, satisfied, used) };
}

function unitHint(ctx: Ctx, cands: number[], unit: WorkloadUnitName): string {
  const other = new Set<string>();
  for (const i of cands) if (valueIn(ctx.facts[i]!, unit, ctx.conversions) === undefined) for (const w of ctx.facts[i]!.workload) other.add(w.unit);
  return other.size ? ` (workload stated in ${[...other].join(', ')} is not counted as ${unit}: the rule gives no conversion)` : '';
}

function evalSum(c: Extract<Condition, { kind: 'sum' }>, path: string, ctx: Ctx, claimed: Set<number>): NodeResult {
  const all = matching(ctx, c.match);
  const cands = all.filter((i) => (ctx.reuse || !claimed.has(i)) && valueIn(ctx.facts[i]!, c.unit, ctx.conversions) !== undefined);
  const val = (i: number) => valueIn(ctx.facts[i]!, c.unit, ctx.conversions)!;
  const picked: number[] = [];
  let total = 0;
  if (c.comparator === 'gte' || c.comparator === 'gt') {
    // Prefer credentials few other sum conditions want, then larger ones: fewer credits tied up, fewer conflicts.
    const order = [...cands].sort((a, b) => (ctx.demand.get(a) ?? 0) - (ctx.demand.get(b) ?? 0) || val(b) - val(a) || a - b);
    for (const i of order) {
      if (compare(total, c.comparator, c.value)) break;
      picked.push(i);
      total += val(i);
    }
  } else {
    for (const i of cands) {
      picked.push(i);
      total += val(i);
    }
  }
  const satisfied = compare(total, c.comparator, c.value);
  const missing: MissingItem[] = [];
  const desc = describeMatch(c.match, nameMap(ctx));
  const tail = `${desc ? ` ${desc}` : ''}`;
  if (!satisfied) {
    if (c.comparator === 'gte' || c.comparator === 'gt') {
      const short = Math.max(c.value - total, 0);
      const msg = c.comparator === 'gte'
        ? `${fmt(short)} more ${c.unit}${tail}`
        : `more than ${fmt(short)} more ${c.unit}${tail}`;
      missing.push({ path, kind: 'sum', message: (c.label ? `${c.label}: ` : '') + msg + unitHint(ctx, all, c.unit), shortfall: { value: short, unit: c.unit } });
    } else {
      const word = c.comparator === 'eq' ? 'exactly' : c.comparator === 'lte' ? 'at most' : 'less than';
      missing.push({ path, kind: 'sum', message: `${c.label ? `${c.label}: ` : ''}${word} ${fmt(c.value)} ${c.unit}${tail} may count; you have ${fmt(total)}` });
    }
  }
  const claims = ctx.reuse || !satisfied ? new Set<number>() : new Set(picked);
  return { satisfied, used: new Set(satisfied ? picked : picked), claims, missing, detail: result(path, c, satisfied, picked, { total: { value: total, unit: c.unit } }) };
}

function evalShare(c: Extract<Condition, { kind: 'share' }>, path: string, ctx: Ctx): NodeResult {
  const base = matching(ctx, c.of).filter((i) => valueIn(ctx.facts[i]!, c.unit, ctx.conversions) !== undefined);
  const whereSet = new Set(matching(ctx, c.where));
  const val = (i: number) => valueIn(ctx.facts[i]!, c.unit, ctx.conversions)!;
  const sOf = base.reduce((s, i) => s + val(i), 0);
  const part = base.filter((i) => whereSet.has(i));
  const sWhere = part.reduce((s, i) => s + val(i), 0);
  const share = sOf > 0 ? sWhere / sOf : 0;
  const satisfied = sOf > 0 && share >= c.min - EPS;
  const missing: MissingItem[] = [];
  if (!satisfied) {
    const pct = `${fmt(c.min * 100)} %`;
    const desc = describeMatch(c.where, nameMap(ctx));
    let need: number;
    if (sOf === 0) need = 0;
    else if (c.min >= 1) need = NaN;
    else need = Math.max((c.min * sOf - sWhere) / (1 - c.min), 0);
    const msg = sOf === 0
      ? `credits in ${c.unit}${desc ? ` ${desc}` : ''}: at least ${pct} of your ${c.unit} must be ${desc || 'of that kind'}`
      : Number.isNaN(need)
        ? `all your ${c.unit} must be ${desc}; ${fmt(sOf - sWhere)} ${c.unit} are not`
        : `${fmt(need)} more ${c.unit}${desc ? ` ${desc}` : ''} (so that at least ${pct} of your ${c.unit} are ${desc || 'of that kind'}; now ${fmt(share * 100)} %)`;
    missing.push({ path, kind: 'share', message: (c.label ? `${c.label}: ` : '') + msg, ...(Number.isFinite(need) && need > 0 ? { shortfall: { value: need, unit: c.unit } } : {}) });
  }
  return { satisfied, used: new Set(part), claims: new Set(), missing, detail: result(path, c, satisfied, part, { total: { value: sWhere, unit: c.unit }, share }) };
}

function evalSequence(c: Extract<Condition, { kind: 'sequence' }>, path: string, ctx: Ctx): NodeResult {
  const at = (i: number) => Date.parse(ctx.facts[i]!.awardedAt ?? '');
  const firsts = matching(ctx, c.first).filter((i) => !Number.isNaN(at(i))).sort((a, b) => at(a) - at(b) || a - b);
  const thens = matching(ctx, c.then).filter((i) => !Number.isNaN(at(i)));
  const names = nameMap(ctx);
  let used: number[] = [];
  let satisfied = false;
  if (c.mode === 'every') {
    const f = firsts[0];
    const rest = thens.filter((t) => t !== f);
    if (f !== undefined && rest.length > 0 && rest.every((t) => at(t) > at(f))) {
      satisfied = true;
      used = [f, ...rest];
    }
  } else {
    outer: for (const f of firsts) {
      for (const t of thens) {
        if (t !== f && at(f) < at(t)) {
          satisfied = true;
          used = [f, t];
          break outer;
        }
      }
    }
  }
  const missing: MissingItem[] = [];
  if (!satisfied) {
    const a = describeMatch(c.first, names) || 'any credential';
    const b = describeMatch(c.then, names) || 'any credential';
    const msg = firsts.length === 0 ? `a credential ${a}, earned before one ${b}`
      : thens.filter((t) => !firsts.includes(t) || thens.length > 1).length === 0 ? `a credential ${b}, earned after the one ${a}`
        : `the credential ${a} must have been awarded before ${c.mode === 'every' ? 'every' : 'a'} credential ${b}`;
    missing.push({ path, kind: 'sequence', message: (c.label ? `${c.label}: ` : '') + msg });
  }
  return { satisfied, used: new Set(used), claims: new Set(), missing, detail: result(path, c, satisfied, used) };
}

function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  const out: T[][] = [];
  xs.forEach((x, i) => {
    for (const p of permutations([...xs.slice(0, i), ...xs.slice(i + 1)])) out.push([x, ...p]);
  });
  return out;
}

function claimsCredits(c: Condition): boolean {
  if (c.kind === 'sum') return true;
  if (c.kind === 'all' || c.kind === 'any' || c.kind === 'nOf') return c.conditions.some(claimsCredits);
  return false;
}

function evalAll(c: Extract<Condition, { kind: 'all' }>, path: string, ctx: Ctx, claimed: Set<number>): NodeResult {
  const idx = c.conditions.map((_, i) => i);
  const claimers = idx.filter((i) => claimsCredits(c.conditions[i]!));
  const run = (order: number[]) => {
    const claims = new Set<number>();
    const used = new Set<number>();
    const children: (ConditionResult | undefined)[] = new Array(c.conditions.length);
    const missing: MissingItem[] = [];
    let ok = true;
    for (const i of order) {
      const r = evalNode(c.conditions[i]!, `${path}.conditions[${i}]`, ctx, new Set([...claimed, ...claims]));
      children[i] = r.detail;
      r.used.forEach((u) => used.add(u));
      r.claims.forEach((u) => claims.add(u));
      if (!r.satisfied) {
        ok = false;
        missing.push(...r.missing);
      }
    }
    return { ok, claims, used, children: children as ConditionResult[], missing };
  };
  let best = run(idx);
  // Credits count once: if the given order of competing sums fails, try other orders (bounded).
  if (!best.ok && !ctx.reuse && claimers.length > 1 && claimers.length <= 5) {
    for (const p of permutations(claimers).slice(1)) {
      if (ctx.budget.left-- <= 0) break;
      const rest = idx.filter((i) => !claimers.includes(i));
      const r = run([...p, ...rest]);
      if (r.ok) {
        best = r;
        break;
      }
    }
  }
  return {
    satisfied: best.ok, used: best.used, claims: best.ok ? best.claims : new Set(), missing: best.missing,
    detail: result(path, c, best.ok, best.used, { children: best.children }),
  };
}

function evalAny(c: Extract<Condition, { kind: 'any' }>, path: string, ctx: Ctx, claimed: Set<number>): NodeResult {
  const children: ConditionResult[] = [];
  const alternatives: MissingItem[][] = [];
  for (const [i, sub] of c.conditions.entries()) {
    const r = evalNode(sub, `${path}.conditions[${i}]`, ctx, claimed);
    children.push(r.detail);
    if (r.satisfied) return { satisfied: true, used: r.used, claims: r.claims, missing: [], detail: result(path, c, true, r.used, { children }) };
    alternatives.push(r.missing);
  }
  const msg = `${c.label ? `${c.label}: ` : ''}one of: ${alternatives.map((a, i) => `(${i + 1}) ${a.map((m) => m.message).join('; ')}`).join(' — or ')}`;
  return { satisfied: false, used: new Set(), claims: new Set(), missing: [{ path, kind: 'any', message: msg, alternatives }], detail: result(path, c, false, [], { children }) };
}

function evalNOf(c: Extract<Condition, { kind: 'nOf' }>, path: string, ctx: Ctx, claimed: Set<number>): NodeResult {
  const claims = new Set<number>();
  const used = new Set<number>();
  const children: ConditionResult[] = [];
  const failed: { i: number; r: NodeResult }[] = [];
  let count = 0;
  for (const [i, sub] of c.conditions.entries()) {
    if (count >= c.n) {
      children.push(result(`${path}.conditions[${i}]`, sub, false, [], {}));
      continue;
    }
    const r = evalNode(sub, `${path}.conditions[${i}]`, ctx, new Set([...claimed, ...claims]));
    children.push(r.detail);
    if (r.satisfied) {
      count++;
      r.used.forEach((u) => used.add(u));
      r.claims.forEach((u) => claims.add(u));
    } else failed.push({ i, r });
  }
  // Children after the n-th satisfied one were not needed: report them as not evaluated (satisfied false, used []).
  const satisfied = count >= c.n;
  const missing: MissingItem[] = [];
  if (!satisfied) {
    const k = c.n - count;
    const options = failed.map(({ i, r }) => c.conditions[i]!.label ?? r.missing.map((m) => m.message).join('; '));
    missing.push({ path, kind: 'nOf', message: `${c.label ? `${c.label}: ` : ''}${k} more of: ${options.join(' | ')}`, alternatives: failed.map(({ r }) => r.missing) });
  }
  return { satisfied, used, claims: satisfied ? claims : new Set(), missing, detail: result(path, c, satisfied, used, { children }) };
}

function evalNode(c: Condition, path: string, ctx: Ctx, claimed: Set<number>): NodeResult {
  switch (c.kind) {
    case 'has': return evalHas(c, path, ctx);
    case 'sum': return evalSum(c, path, ctx, claimed);
    case 'share': return evalShare(c, path, ctx);
    case 'sequence': return evalSequence(c, path, ctx);
    case 'all': return evalAll(c, path, ctx, claimed);
    case 'any': return evalAny(c, path, ctx, claimed);
    case 'nOf': return evalNOf(c, path, ctx, claimed);
  }
}

function collectSums(c: Condition, out: Extract<Condition, { kind: 'sum' }>[]): void {
  if (c.kind === 'sum') out.push(c);
  else if (c.kind === 'all' || c.kind === 'any' || c.kind === 'nOf') c.conditions.forEach((s) => collectSums(s, out));
}

/**
 * Find duplicates: the same credential id twice, or two credentials for the same achievement (credits count once; the
 * most recently awarded one is kept). Returns the indexes to use and the ignored ones.
 * @internal
 */
export function dedupe(facts: CredentialFacts[]): { active: number[]; duplicates: FactsEvaluation['duplicates'] } {
  const duplicates: FactsEvaluation['duplicates'] = [];
  const byId = new Map<string, number>();
  const byAchievement = new Map<string, number>();
  const active: number[] = [];
  const time = (i: number) => Date.parse(facts[i]!.awardedAt ?? '') || 0;
  // `active` stays ascending: indexes are pushed in order, and a replaced one is spliced out
  for (const [i, f] of facts.entries()) {
    if (f.id !== undefined) {
      if (byId.has(f.id)) {
        duplicates.push({ index: i, keptIndex: byId.get(f.id)!, reason: 'same-id' });
        continue;
      }
      byId.set(f.id, i);
    }
    if (f.achievementId !== undefined) {
      const prev = byAchievement.get(f.achievementId);
      if (prev !== undefined) {
        if (time(i) > time(prev)) {
          duplicates.push({ index: prev, keptIndex: i, reason: 'same-achievement' });
          active.splice(active.indexOf(prev), 1);
          byAchievement.set(f.achievementId, i);
          active.push(i);
        } else duplicates.push({ index: i, keptIndex: prev, reason: 'same-achievement' });
        continue;
      }
      byAchievement.set(f.achievementId, i);
    }
    active.push(i);
  }
  // A kept index may itself have been replaced later: point every duplicate at the final survivor (a same-achievement
  // duplicate's kept credential has that achievement id).
  for (const d of duplicates) {
    if (d.reason === 'same-achievement') d.keptIndex = byAchievement.get(facts[d.keptIndex]!.achievementId!)!;
  }
  return { active, duplicates: duplicates.sort((a, b) => a.index - b.index) };
}

/**
 * Evaluate a (parsed) stacking rule over credential facts that are already trusted — the pure core of
 * {@link evaluateStack}, useful for what-if questions and property tests without signing. Duplicate credentials (same id,
 * or same achievement) count once; `sum` conditions claim credits so that one credential counts toward one sum only,
 * unless the rule (or `opts.allowReuse`) allows reuse. `has`, `share` and `sequence` never claim credits.
 * @example
 * ```ts
 * const r = evaluateFacts(rule, credentials.map(extractFacts), { now: new Date('2026-01-01T00:00:00Z') });
 * if (!r.satisfied) console.log(r.missing.map((m) => m.message)); // ['2 more ECTS at EQF 6 or above']
 * ```
 */
export function evaluateFacts(rule: StackingRule, facts: CredentialFacts[], opts: EvaluateFactsOptions): FactsEvaluation {
  const { active, duplicates } = dedupe(facts);
  const ctx: Ctx = {
    facts, active, now: opts.now, reuse: opts.allowReuse ?? rule.allowReuse ?? false, conversions: rule.unitConversions ?? [],
    demand: new Map(), budget: { left: 2000 }, matchCache: new Map(),
  };
  const sums: Extract<Condition, { kind: 'sum' }>[] = [];
  collectSums(rule.condition, sums);
  for (const s of sums) for (const i of matching(ctx, s.match)) ctx.demand.set(i, (ctx.demand.get(i) ?? 0) + 1);
  const r = evalNode(rule.condition, '$.condition', ctx, new Set());
  const used = [...r.used].sort((a, b) => a - b);
  const totals = new Map<string, number>();
  for (const i of used) for (const w of facts[i]!.workload) totals.set(w.unit, (totals.get(w.unit) ?? 0) + w.value);
  return {
    satisfied: r.satisfied,
    used,
    missing: r.missing,
    totals: [...totals].map(([unit, value]): Quantity => ({ value, unit: unit as WorkloadUnitName })),
    duplicates,
    detail: r.detail,
  };
}

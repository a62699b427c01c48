// @ts-nocheck
import { BUNDLED_CONTEXTS } from '../jsonld/contexts.js';

/**
 * Bounds on the JSON-LD work one untrusted document may cause (see {@link VerifyOptions.limits}). Bytes alone do not
 * bound it: jsonld.js clones the whole active context every time a type-scoped or property-scoped context applies
 * (~0.5 ms each on the OB 3.0 context), de-duplicates array values quadratically, and canonicalization is linear in
 * quads and super-linear in blank nodes. Each field here bounds one of those factors; the defaults keep the worst
 * document we could construct well under a second of CPU (numbers in bench/dos.ts).
 * @example
 * ```ts
 * const report = await verifyCredential(badge, { limits: { maxObjects: 2_000 } });
 * ```
 */
export interface VerifyLimits {
  /** JSON nesting depth (default 64). */
  maxDepth: number;
  /** JSON values (strings, numbers, objects, arrays …; default 5,000). */
  maxValues: number;
  /** JSON objects, i.e. nodes and blank nodes (default 256). */
  maxObjects: number;
  /** Entries of any one array (default 256: jsonld.js de-duplicates values in quadratic time). */
  maxArrayLength: number;
  /** `type` values plus uses of terms with a scoped `@context` (each one clones the active context; default 384). */
  maxScopedTerms: number;
  /** Keys inside inline `@context` definitions (default 256: they enlarge every context clone). */
  maxInlineTerms: number;
  /** RDF quads of the document, counted before canonicalization (default 5,000). */
  maxQuads: number;
}

/**
 * Defaults of {@link VerifyLimits} for one credential (portfolio envelopes scale them with `maxCredentials`).
 * @example
 * ```ts
 * await verifyCredential(badge, { limits: { maxObjects: DEFAULT_VERIFY_LIMITS.maxObjects * 2 } });
 * ```
 */
export const DEFAULT_VERIFY_LIMITS: Readonly<VerifyLimits> = Object.freeze({
  maxDepth: 64,
  maxValues: 5_000,
  maxObjects: 256,
  maxArrayLength: 256,
  maxScopedTerms: 384,
  maxInlineTerms: 256,
  maxQuads: 5_000,
});

/** @internal Limits for a portfolio envelope holding up to `n` credentials (each within the single-credential limits). */
export function portfolioLimits(n: number, base: Partial<VerifyLimits> = {}): VerifyLimits {
  const b = { ...DEFAULT_VERIFY_LIMITS, ...base };
  const f = envelopeScale(n);
  return {
    ...b,
    maxValues: b.maxValues * f,
    maxObjects: b.maxObjects * f,
    maxArrayLength: Math.max(b.maxArrayLength, f),
    maxScopedTerms: b.maxScopedTerms * f,
    // each credential may carry its own inline contexts (credstack issues them inline by default)
    maxInlineTerms: b.maxInlineTerms * f,
    maxQuads: b.maxQuads * f,
  };
}

/**
 * @internal The factor an envelope's bounds (JSON work, quads, documents) are scaled by when it may hold `n`
 * credentials: n + 1 (the credentials and the envelope itself); a value that is not a positive integer counts as 1.
 */
export function envelopeScale(n: unknown): number {
  return (typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : 1) + 1;
}

/** @internal Merge caller limits over the defaults, ignoring values that are not positive integers. */
export function resolveLimits(l: Partial<VerifyLimits> | undefined): VerifyLimits {
  const out: VerifyLimits = { ...DEFAULT_VERIFY_LIMITS };
  if (l && typeof l === 'object') {
    for (const k of Object.keys(DEFAULT_VERIFY_LIMITS) as Array<keyof VerifyLimits>) {
      const v = (l as Record<string, unknown>)[k];
      if (typeof v === 'number' && Number.isSafeInteger(v) && v > 0) out[k] = v;
    }
  }
  return out;
}

let bundledScoped: Set<string> | undefined;
/** Terms of the bundled contexts that carry a scoped `@context`. */
function bundledScopedTerms(): Set<string> {
  if (bundledScoped) return bundledScoped;
  bundledScoped = scopedTermsOf([...BUNDLED_CONTEXTS.values()]);
  return bundledScoped;
}

/** @internal The terms of these context documents that carry a scoped `@context`, wherever they are defined. */
export function scopedTermsOf(docs: unknown[]): Set<string> {
  const out = new Set<string>();
  const stack: unknown[] = [...docs];
  while (stack.length) {
    const n = stack.pop();
    if (Array.isArray(n)) stack.push(...n);
    else if (n && typeof n === 'object') {
      for (const [k, v] of Object.entries(n as Record<string, unknown>)) {
        if (v && typeof v === 'object') {
          if ((v as Record<string, unknown>)['@context'] !== undefined) out.add(k);
          stack.push(v);
        }
      }
    }
  }
  return out;
}

/** What {@link measureJsonLdWork} found; `exceeded` names the first limit passed. */
export interface JsonLdWork {
  depth: number;
  values: number;
  objects: number;
  chars: number;
  longestArray: number;
  scopedTerms: number;
  inlineTerms: number;
  exceeded?: { limit: keyof VerifyLimits | 'maxChars'; value: number; max: number };
}

/**
 * @internal One iterative walk over untrusted JSON (never recursion: the input may be deep), counting what drives
 * JSON-LD cost. Stops at the first limit passed. Inline-context terms that alias `@type` or carry a scoped context are
 * taken into account wherever in the document they are declared.
 */
export function measureJsonLdWork(root: unknown, limits: VerifyLimits, maxChars = Infinity): JsonLdWork {
  const w: JsonLdWork = { depth: 0, values: 0, objects: 0, chars: 0, longestArray: 0, scopedTerms: 0, inlineTerms: 0 };
  const keyUses = new Map<string, number>();
  const stringsUnder = new Map<string, number>();
  const typeKeys = new Set<string>(['type', '@type']);
  const scoped = new Set<string>();
  const over = (limit: keyof VerifyLimits | 'maxChars', value: number, max: number): JsonLdWork => ({ ...w, exceeded: { limit, value, max } });
  // [node, depth, inside an @context definition]
  const stack: Array<[unknown, number, boolean]> = [[root, 1, false]];
  while (stack.length) {
    const [node, d, inCtx] = stack.pop()!;
    w.values++;
    if (d > w.depth) w.depth = d;
    if (w.depth > limits.maxDepth) return over('maxDepth', w.depth, limits.maxDepth);
    if (w.values > limits.maxValues) return over('maxValues', w.values, limits.maxValues);
    if (typeof node === 'string') {
      w.chars += node.length;
    } else if (Array.isArray(node)) {
      if (node.length > w.longestArray) w.longestArray = node.length;
      if (node.length > limits.maxArrayLength) return over('maxArrayLength', node.length, limits.maxArrayLength);
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], d + 1, inCtx]);
    } else if (node && typeof node === 'object') {
      w.objects++;
      if (w.objects > limits.maxObjects) return over('maxObjects', w.objects, limits.maxObjects);
      for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
        w.chars += k.length;
        if (inCtx) {
          w.inlineTerms++;
          if (w.inlineTerms > limits.maxInlineTerms) return over('maxInlineTerms', w.inlineTerms, limits.maxInlineTerms);
          if (v === '@type' || (v && typeof v === 'object' && (v as Record<string, unknown>)['@id'] === '@type')) typeKeys.add(k);
          if (v && typeof v === 'object' && (v as Record<string, unknown>)['@context'] !== undefined) scoped.add(k);
        } else {
          keyUses.set(k, (keyUses.get(k) ?? 0) + 1);
          const n = typeof v === 'string' ? 1 : Array.isArray(v) ? v.reduce((a: number, x) => a + (typeof x === 'string' ? 1 : 0), 0) : 0;
          if (n) stringsUnder.set(k, (stringsUnder.get(k) ?? 0) + n);
        }
        stack.push([v, d + 1, inCtx || k === '@context']);
      }
    }
    if (w.chars > maxChars) return over('maxChars', w.chars, maxChars);
  }
  const bundled = bundledScopedTerms();
  for (const [k, n] of keyUses) if (bundled.has(k) || scoped.has(k)) w.scopedTerms += n;
  for (const k of typeKeys) w.scopedTerms += stringsUnder.get(k) ?? 0;
  if (w.scopedTerms > limits.maxScopedTerms) return over('maxScopedTerms', w.scopedTerms, limits.maxScopedTerms);
  return w;
}

// @ts-nocheck
// Exact, faster jsonld.js: shallow copies of frozen active contexts instead of deep copies, so processed contexts are
// reused across calls. Installed at run time on the one jsonld module instance every library in the process shares
// (credstack, @digitalbazaar/vc, jsonld-signatures, …), only when its code has the shape relied on below (the code of
// jsonld JSONLD_FAST_PATH_VERSION, which package.json pins and test/jsonld-suite/fast-path.test.ts checks); otherwise
// jsonld stays stock. See DEVELOPERS.md ("jsonld fast path") for why the output is the same as stock jsonld's.
import jsonld from 'jsonld';
import contextApi from 'jsonld/lib/context.js';
import ResolvedContext from 'jsonld/lib/ResolvedContext.js';

/**
 * The jsonld.js version the fast path was written and checked for (W3C JSON-LD API suite, test/jsonld-suite/).
 * @example
 * ```ts
 * JSONLD_FAST_PATH_VERSION; // '9.0.0'
 * ```
 */
export const JSONLD_FAST_PATH_VERSION = '9.0.0';

/**
 * What {@link jsonldFastPath} reports: `installed` (active), `off` (switched off), or `unsupported` (the loaded jsonld's
 * internals are not those of {@link JSONLD_FAST_PATH_VERSION}: jsonld stays stock).
 * @example
 * ```ts
 * const s: JsonldFastPathStatus = jsonldFastPath();
 * ```
 */
export type JsonldFastPathStatus = 'installed' | 'off' | 'unsupported';

type Ctx = Record<string, any> & { mappings: Map<string, any>; protected: Record<string, boolean>; previousContext?: Ctx };

const PROCESSING_MODES = [undefined, 'json-ld-1.0', 'json-ld-1.1'] as const;
/** Lazily built inverse contexts of frozen active contexts (jsonld writes them onto the context). */
const INVERSE = new WeakMap<object, unknown>();
const FAST_CURIE = new WeakMap<object, unknown>();
/** X → the frozen content of stock `X.clone()` (only for frozen X: immutable input, so one copy serves every call). */
const CLONED = new WeakMap<object, Ctx>();
/** fresh clone → the context it was cloned from. */
const PARENT = new WeakMap<object, Ctx>();
/** ResolvedContext → parent P → `{context, events}` processed on a pristine non-propagating copy of P. */
const ON_PRISTINE = new WeakMap<object, WeakMap<object, unknown>>();

let status: JsonldFastPathStatus | undefined;
type Method = (this: any, ...args: any[]) => any;
let stock: { clone: Method; revert: Method; setProcessed: Method; getProcessed: Method; initials: Ctx[] } | undefined;

function refuse(): never {
  throw new TypeError('processed JSON-LD contexts are frozen (credstack jsonld fast path)');
}

/**
 * Freeze an active context: its term definitions, its term map (set/delete/clear throw), its protected-term set and the
 * context object itself. A term definition's `@context` (the scoped context, a reference into the source document, as
 * stock jsonld keeps it) is left as it is. `inverse` / `fastCurieMap` (caches jsonld builds lazily) live in WeakMaps.
 * @internal
 */
export function freezeActiveContext(ctx: Ctx): Ctx {
  if (Object.isFrozen(ctx)) return ctx;
  const m = ctx.mappings;
  for (const def of m.values()) {
    // (a primitive — jsonld's null for a term mapped to null — counts as frozen: Object.isFrozen(null) is true)
    if (!Object.isFrozen(def)) {
      for (const k of Object.keys(def)) if (k !== '@context' && Array.isArray(def[k])) def[k] = Object.freeze(def[k].slice());
      Object.freeze(def);
    }
  }
  if (!Object.isFrozen(m)) {
    Object.defineProperties(m, { set: { value: refuse }, delete: { value: refuse }, clear: { value: refuse } });
    Object.freeze(m);
  }
  Object.freeze(ctx.protected);
  const inverse = ctx.inverse;
  if (inverse) INVERSE.set(ctx, inverse);
  if (ctx.fastCurieMap) FAST_CURIE.set(ctx, ctx.fastCurieMap);
  Object.defineProperty(ctx, 'inverse', {
    get(this: object) {
      return INVERSE.get(this) ?? null;
    },
    set(this: object, v: unknown) {
      INVERSE.set(this, v);
    },
    enumerable: true,
  });
  Object.defineProperty(ctx, 'fastCurieMap', {
    get(this: object) {
      return FAST_CURIE.get(this);
    },
    set(this: object, v: unknown) {
      FAST_CURIE.set(this, v);
    },
    enumerable: false,
  });
  return Object.freeze(ctx);
}

/** The content of stock `ctx.clone()` — shared and frozen when `ctx` is frozen (cannot change), a fresh copy otherwise. */
function cloneView(ctx: Ctx): Ctx {
  if (!Object.isFrozen(ctx)) return fastClone.call(ctx);
  let c = CLONED.get(ctx);
  if (!c) {
    c = freezeActiveContext(fastClone.call(ctx));
    CLONED.set(ctx, c);
  }
  return c;
}

/**
 * Stock `_cloneActiveContext` with the deep `util.clone` of the term map / protected set / previous context replaced by
 * shallow copies: the term definitions of a processed context are frozen and never change, so sharing them is exact.
 * The copied fields are exactly stock's (it drops `processingMode` and `@direction`; so does this).
 */
function fastClone(this: Ctx): Ctx {
  const child: Ctx = {} as Ctx;
  child.mappings = new Map(this.mappings);
  child.clone = this.clone;
  child.inverse = null;
  child.getInverse = this.getInverse;
  child.protected = { ...this.protected };
  if (this.previousContext) child.previousContext = cloneView(this.previousContext);
  child.revertToPreviousContext = this.revertToPreviousContext;
  if ('@base' in this) child['@base'] = this['@base'];
  if ('@language' in this) child['@language'] = this['@language'];
  if ('@vocab' in this) child['@vocab'] = this['@vocab'];
  if (Object.isFrozen(this)) PARENT.set(child, this);
  return child;
}

/** Stock `_revertToPreviousContext` (`this.previousContext.clone()`), with the clone shared when it cannot change. */
function fastRevert(this: Ctx): Ctx {
  if (!this.previousContext) return this;
  return cloneView(this.previousContext);
}

/** `api.process`'s non-propagating copy: `rval = rval.clone(); rval.previousContext = activeCtx` (only it sets that). */
function pristineParent(ctx: any): Ctx | undefined {
  // (a primitive counts as frozen; PARENT only holds the clones fastClone made)
  if (Object.isFrozen(ctx)) return undefined;
  const p = PARENT.get(ctx);
  return p !== undefined && ctx.previousContext === p ? p : undefined;
}

function install(): JsonldFastPathStatus {
  const RC = ResolvedContext as any;
  const api = contextApi as any;
  const src = typeof api?.process === 'function' ? String(api.process) : '';
  // the places in `api.process` this relies on: clone before every change, freeze point = setProcessed
  const shapeOk =
    // the context module patched here is the one the loaded jsonld uses (not a second copy, e.g. a prebuilt bundle)
    typeof api?.getContextValue === 'function' &&
    (jsonld as { getContextValue?: unknown }).getContextValue === api.getContextValue &&
    typeof RC?.prototype?.setProcessed === 'function' &&
    typeof RC?.prototype?.getProcessed === 'function' &&
    typeof api?.getInitialContext === 'function' &&
    src.includes('rval = rval.clone();') &&
    src.includes('resolvedContext.setProcessed(activeCtx, {') &&
    src.includes('.getInitialContext(options).clone()');
  if (!shapeOk) return 'unsupported';
  const initials: Ctx[] = PROCESSING_MODES.map((processingMode) => api.getInitialContext({ processingMode }));
  for (const i of initials) {
    if (!(i?.mappings instanceof Map) || typeof i.clone !== 'function' || typeof i.revertToPreviousContext !== 'function') return 'unsupported';
    // stock _cloneActiveContext / _revertToPreviousContext, the two methods replaced
    if (!String(i.clone).includes('.clone(this.mappings)') || !String(i.clone).includes('child.previousContext = this.previousContext.clone()')) return 'unsupported';
    if (!String(i.revertToPreviousContext).includes('return this.previousContext.clone()')) return 'unsupported';
  }
  const setProcessed = RC.prototype.setProcessed;
  const getProcessed = RC.prototype.getProcessed;
  stock = { clone: initials[0]!.clone, revert: initials[0]!.revertToPreviousContext, setProcessed, getProcessed, initials };
  for (const i of initials) {
    i.clone = fastClone;
    i.revertToPreviousContext = fastRevert;
  }
  RC.prototype.setProcessed = function (this: unknown, activeCtx: unknown, processed: any) {
    // `{context, events}` from api.process (an @import stores a raw context object here: left alone)
    if (processed && processed.context && processed.context.mappings instanceof Map && Array.isArray(processed.events)) {
      freezeActiveContext(processed.context);
    }
    const p = pristineParent(activeCtx);
    if (p && processed?.context?.mappings instanceof Map) {
      let m = ON_PRISTINE.get(this as object);
      if (!m) ON_PRISTINE.set(this as object, (m = new WeakMap()));
      m.set(p, processed);
    }
    return setProcessed.call(this, activeCtx, processed);
  };
  RC.prototype.getProcessed = function (this: unknown, activeCtx: unknown) {
    const r = getProcessed.call(this, activeCtx);
    if (r !== undefined) return r;
    const p = pristineParent(activeCtx);
    return p ? ON_PRISTINE.get(this as object)?.get(p) : undefined;
  };
  return 'installed';
}

function uninstall(): void {
  if (!stock) return;
  for (const i of stock.initials) {
    i.clone = stock.clone;
    i.revertToPreviousContext = stock.revert;
  }
  (ResolvedContext as any).prototype.setProcessed = stock.setProcessed;
  (ResolvedContext as any).prototype.getProcessed = stock.getProcessed;
  stock = undefined;
}

/**
 * Switch the exact jsonld fast path on (`true`, what credstack does on first use) or off (`false`: stock jsonld; already
 * frozen contexts stay frozen), or read its status (no argument; installs it first if neither was chosen yet). It changes the process-wide jsonld module instance,
 * which every library using jsonld shares; outputs are the same either way (W3C JSON-LD API suite, test/jsonld-suite/).
 * @example
 * ```ts
 * jsonldFastPath(); // 'installed'
 * jsonldFastPath(false); // 'off': stock jsonld.js
 * ```
 */
export function jsonldFastPath(on?: boolean): JsonldFastPathStatus {
  if (on === undefined) return status ?? (status = install());
  if (on) {
    if (status !== 'installed') status = install();
  } else {
    uninstall();
    status = 'off';
  }
  return status;
}

/** @internal credstack's entry points call this (idempotent; a no-op after an explicit `jsonldFastPath(false)`). */
export function ensureJsonldFastPath(): void {
  if (status === undefined) status = install();
}

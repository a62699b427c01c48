// @ts-nocheck
// Rule tests for src/jsonld/fast.ts (mutation area `jsonld-fast`), importing only that module and jsonld: the switch
// (install / uninstall / status), the shape checks that keep jsonld stock when its internals differ, freezing, the
// shallow clone with exactly stock's fields, the shared revert, and reuse of the context processed for a type-scoped
// (non-propagating) copy. Stock jsonld.js 9.0.0's own functions are the oracle (lib/context.js `_cloneActiveContext`,
// `_revertToPreviousContext`; lib/ResolvedContext.js). DEVELOPERS.md, "jsonld fast path": "Nothing is computed
// differently: the same jsonld functions run in the same order on contexts with the same content".
import jsonld from 'jsonld';
import contextApi from 'jsonld/lib/context.js';
import ResolvedContext from 'jsonld/lib/ResolvedContext.js';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureJsonldFastPath, freezeActiveContext, JSONLD_FAST_PATH_VERSION, jsonldFastPath } from '../../src/jsonld/fast.js';

const api = contextApi as any;
const RC = ResolvedContext as any;
const getInitialContext = api.getInitialContext;
const initial = (processingMode?: string) => getInitialContext({ processingMode });
// Stock methods. An initial context of a processing mode nobody uses is created (and cached) by jsonld with its own
// methods; ResolvedContext's are read on the first import of this file in the process (a mutation run imports it
// again, but not jsonld: what an earlier run installed is undone here, so every run starts from stock jsonld).
const G = globalThis as { credstackFastRulesStock?: { set: unknown; get: unknown } };
G.credstackFastRulesStock ??= { set: RC.prototype.setProcessed, get: RC.prototype.getProcessed };
const unused = initial('credstack-rules-stock');
const STOCK = { clone: unused.clone, revert: unused.revertToPreviousContext, set: G.credstackFastRulesStock.set, get: G.credstackFastRulesStock.get };
function restoreStock(): void {
  for (const m of [undefined, 'json-ld-1.0', 'json-ld-1.1']) Object.assign(initial(m), { clone: STOCK.clone, revertToPreviousContext: STOCK.revert });
  RC.prototype.setProcessed = STOCK.set;
  RC.prototype.getProcessed = STOCK.get;
}
restoreStock();
afterAll(() => {
  jsonldFastPath(false);
  restoreStock();
});
const REFUSED = 'processed JSON-LD contexts are frozen (credstack jsonld fast path)';

/** A document with a type-scoped context: expansion clones, reverts, and processes the scoped context per node. */
const TYPED = {
  '@context': { '@version': 1.1, T: { '@id': 'https://v.example/T', '@context': { p: 'https://v.example/p', q: { '@id': 'https://v.example/q', '@type': '@id' } } }, child: 'https://v.example/child', name: 'https://v.example/name' },
  '@id': 'urn:a',
  '@type': 'T',
  p: 'x',
  q: 'urn:q',
  child: [{ '@id': 'urn:c1', name: 'n1', '@type': 'T', p: 'y', child: { '@id': 'urn:c2', name: 'n2' } }],
};
const EXPANDED = [{
  '@id': 'urn:a',
  '@type': ['https://v.example/T'],
  'https://v.example/child': [{ '@id': 'urn:c1', '@type': ['https://v.example/T'], 'https://v.example/child': [{ '@id': 'urn:c2', 'https://v.example/name': [{ '@value': 'n2' }] }], 'https://v.example/name': [{ '@value': 'n1' }], 'https://v.example/p': [{ '@value': 'y' }] }],
  'https://v.example/p': [{ '@value': 'x' }],
  'https://v.example/q': [{ '@id': 'urn:q' }],
}];

/** Term definitions jsonld creates during `f` (stock rebuilds them on every call; the fast path reuses processed contexts). */
async function termsDefined(f: () => Promise<unknown>): Promise<number> {
  let n = 0;
  const create = api.createTermDefinition;
  api.createTermDefinition = function (this: unknown, o: unknown) {
    n++;
    return create.call(this, o);
  };
  try {
    await f();
  } finally {
    api.createTermDefinition = create;
  }
  return n;
}

describe('the switch', () => {
  it('ensureJsonldFastPath installs on first use; status, off, on again, idempotent', async () => {
    expect(JSONLD_FAST_PATH_VERSION).toBe('9.0.0');
    expect(initial().clone).toBe(STOCK.clone);
    ensureJsonldFastPath();
    expect(initial().clone).not.toBe(STOCK.clone);
    expect(jsonldFastPath()).toBe('installed');
    const wrappedSet = RC.prototype.setProcessed;
    expect(wrappedSet).not.toBe(STOCK.set);
    expect(RC.prototype.getProcessed).not.toBe(STOCK.get);
    for (const m of [undefined, 'json-ld-1.0', 'json-ld-1.1']) {
      expect(initial(m).clone).toBe(initial().clone);
      expect(initial(m).revertToPreviousContext).not.toBe(STOCK.revert);
    }
    expect(jsonldFastPath(true)).toBe('installed');
    expect(RC.prototype.setProcessed).toBe(wrappedSet); // not installed twice
    ensureJsonldFastPath();
    expect(RC.prototype.setProcessed).toBe(wrappedSet);
    // off: stock methods back on every initial context and on ResolvedContext
    expect(jsonldFastPath(false)).toBe('off');
    for (const m of [undefined, 'json-ld-1.0', 'json-ld-1.1']) {
      expect(initial(m).clone).toBe(STOCK.clone);
      expect(initial(m).revertToPreviousContext).toBe(STOCK.revert);
    }
    expect(RC.prototype.setProcessed).toBe(STOCK.set);
    expect(RC.prototype.getProcessed).toBe(STOCK.get);
    expect(jsonldFastPath()).toBe('off');
    ensureJsonldFastPath(); // a no-op after an explicit off
    expect(initial().clone).toBe(STOCK.clone);
    expect(jsonldFastPath(false)).toBe('off'); // twice: nothing to restore
    expect(RC.prototype.setProcessed).toBe(STOCK.set);
    // stock: terms are defined again on every expansion
    expect(await jsonld.expand(structuredClone(TYPED), { safe: true })).toEqual(EXPANDED);
    expect(await termsDefined(() => jsonld.expand(structuredClone(TYPED), { safe: true }))).toBeGreaterThan(0);
    expect(jsonldFastPath(true)).toBe('installed');
    expect(RC.prototype.setProcessed).not.toBe(STOCK.set);
  });

  it('fast: the same expansion, and a second one defines no term (processed contexts reused, type-scoped too)', async () => {
    jsonldFastPath(true);
    const doc = { ...structuredClone(TYPED), '@context': { ...TYPED['@context'], name: 'https://v.example/name2' } };
    const expected = JSON.parse(JSON.stringify(EXPANDED).replaceAll('https://v.example/name"', 'https://v.example/name2"'));
    expect(await jsonld.expand(structuredClone(doc), { safe: true })).toEqual(expected);
    expect(await termsDefined(async () => expect(await jsonld.expand(structuredClone(doc), { safe: true })).toEqual(expected))).toBe(0);
    // and toRDF / compact agree with what stock wrote for the same input
    const nq = '<urn:a> <https://v.example/child> <urn:c1> .\n<urn:a> <https://v.example/p> "x" .\n<urn:a> <https://v.example/q> <urn:q> .\n<urn:a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://v.example/T> .\n<urn:c1> <https://v.example/child> <urn:c2> .\n<urn:c1> <https://v.example/name> "n1" .\n<urn:c1> <https://v.example/p> "y" .\n<urn:c1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://v.example/T> .\n<urn:c2> <https://v.example/name> "n2" .\n';
    jsonldFastPath(false);
    const stockNq = await jsonld.toRDF(structuredClone(TYPED), { format: 'application/n-quads', safe: true });
    expect(stockNq).toContain('<urn:c1> <https://v.example/p> "y" .\n');
    expect((stockNq as string).split('\n').sort()).toEqual(nq.split('\n').sort());
    const stockCompact = await jsonld.compact(structuredClone(EXPANDED), TYPED['@context'], { safe: true });
    jsonldFastPath(true);
    expect(await jsonld.toRDF(structuredClone(TYPED), { format: 'application/n-quads', safe: true })).toBe(stockNq);
    expect(await jsonld.compact(structuredClone(EXPANDED), TYPED['@context'], { safe: true })).toEqual(stockCompact);
    expect(await jsonld.compact(structuredClone(EXPANDED), TYPED['@context'], { safe: true })).toEqual(stockCompact);
  });
});

describe('shape checks: jsonld internals that differ keep it stock (unsupported)', () => {
  const reinstall = () => {
    jsonldFastPath(false);
    return jsonldFastPath(true);
  };
  function withPatched(obj: any, key: string, value: unknown, f: () => void): void {
    const saved = obj[key];
    obj[key] = value;
    try {
      f();
    } finally {
      obj[key] = saved;
    }
  }
  it('each required function and each relied-on line of api.process', () => {
    let step = '';
    const expectStock = () => {
      expect(reinstall(), step).toBe('unsupported');
      expect(initial().clone).toBe(STOCK.clone);
      expect([STOCK.set, undefined]).toContain(RC.prototype.setProcessed);
      expect([STOCK.get, undefined]).toContain(RC.prototype.getProcessed);
    };
    step = 'another getContextValue';
    withPatched(api, 'getContextValue', () => null, expectStock); // not the module jsonld uses
    step = 'neither module has one';
    withPatched(jsonld, 'getContextValue', undefined, () => withPatched(api, 'getContextValue', undefined, expectStock));
    step = 'getContextValue not a function';
    withPatched(api, 'getContextValue', 'not a function', expectStock);
    step = 'no setProcessed';
    withPatched(RC.prototype, 'setProcessed', undefined, expectStock);
    step = 'no getProcessed';
    withPatched(RC.prototype, 'getProcessed', undefined, expectStock);
    step = 'no getInitialContext';
    withPatched(api, 'getInitialContext', undefined, expectStock);
    step = 'no process';
    withPatched(api, 'process', undefined, expectStock);
    const src = String(api.process);
    for (const line of ['rval = rval.clone();', 'resolvedContext.setProcessed(activeCtx, {', '.getInitialContext(options).clone()']) {
      expect(src).toContain(line);
      step = line;
      const stub = { process: () => null, toString: () => src.replaceAll(line, '/* changed */') };
      withPatched(api, 'process', Object.assign(function process() {}, { toString: stub.toString }), expectStock);
    }
    expect(reinstall()).toBe('installed');
  });
  it('the initial contexts: a term Map, stock clone / revert with the lines relied on', () => {
    jsonldFastPath(false);
    const getInitial = api.getInitialContext;
    const variants: Record<string, (c: any) => any> = {
      'no initial context': () => undefined,
      'no Map': (c) => ({ ...c, mappings: {} }),
      'clone prints like stock but is no function': (c) => ({ ...c, clone: { toString: () => String(c.clone) } }),
      'revert prints like stock but is no function': (c) => ({ ...c, revertToPreviousContext: { toString: () => String(c.revertToPreviousContext) } }),
      'clone not a function': (c) => ({ ...c, clone: 'x' }),
      'revert not a function': (c) => ({ ...c, revertToPreviousContext: undefined }),
      'clone copies differently': (c) => ({ ...c, clone: Object.assign(function clone() {}, { toString: () => String(c.clone).replace('.clone(this.mappings)', '.copy(this.mappings)') }) }),
      'clone copies the previous context differently': (c) => ({ ...c, clone: Object.assign(function clone() {}, { toString: () => String(c.clone).replace('child.previousContext = this.previousContext.clone()', 'child.previousContext = this.previousContext') }) }),
      'revert differs': (c) => ({ ...c, revertToPreviousContext: Object.assign(function revert() {}, { toString: () => String(c.revertToPreviousContext).replace('return this.previousContext.clone()', 'return this.previousContext') }) }),
    };
    for (const [name, change] of Object.entries(variants)) {
      for (const mode of [undefined, 'json-ld-1.0', 'json-ld-1.1']) {
        api.getInitialContext = (o: { processingMode?: string }) => (o.processingMode === mode ? change(getInitial(o)) : getInitial(o));
        try {
          expect(jsonldFastPath(true), `${name} (${mode})`).toBe('unsupported');
          expect(getInitial({}).clone).toBe(STOCK.clone);
          expect(RC.prototype.setProcessed).toBe(STOCK.set);
        } finally {
          api.getInitialContext = getInitial;
        }
        jsonldFastPath(false);
      }
    }
    expect(jsonldFastPath(true)).toBe('installed');
  });
});

describe('freezeActiveContext', () => {
  const make = () => {
    const scoped = ['https://scoped.example/'];
    const def = { '@id': 'https://v.example/a', '@container': ['@set'], reverse: false, protected: true, '@context': scoped };
    const ctx: any = { mappings: new Map<string, unknown>([['a', def], ['nulled', null]]), protected: { a: true }, inverse: { cached: 1 }, fastCurieMap: { f: 1 }, '@vocab': 'https://v.example/' };
    return { ctx, def, scoped };
  };
  it('freezes definitions (their arrays copied and frozen; a scoped @context left as it is), the map, the protected set, the context', () => {
    const { ctx, def, scoped } = make();
    const container = def['@container'];
    expect(freezeActiveContext(ctx)).toBe(ctx);
    expect(Object.isFrozen(ctx)).toBe(true);
    expect(Object.isFrozen(def)).toBe(true);
    expect(def['@container']).toEqual(['@set']);
    expect(def['@container']).not.toBe(container);
    expect(Object.isFrozen(def['@container'])).toBe(true);
    expect(Object.isFrozen(container)).toBe(false);
    expect(def['@context']).toBe(scoped);
    expect(Object.isFrozen(scoped)).toBe(false);
    expect(Object.isFrozen(ctx.protected)).toBe(true);
    expect(Object.isFrozen(ctx.mappings)).toBe(true);
    for (const f of [() => ctx.mappings.set('a', {}), () => ctx.mappings.delete('a'), () => ctx.mappings.clear()]) expect(f).toThrow(new TypeError(REFUSED));
    expect(ctx.mappings.get('a')).toBe(def);
    expect(ctx.mappings.size).toBe(2);
    expect(() => {
      ctx['@vocab'] = 'https://evil.example/';
    }).toThrow(TypeError);
    expect(() => {
      (def as any)['@id'] = 'https://evil.example/';
    }).toThrow(TypeError);
  });
  it('inverse and fastCurieMap: kept, and still writable (jsonld builds them lazily) through side tables', () => {
    const { ctx } = make();
    freezeActiveContext(ctx);
    expect(ctx.inverse).toEqual({ cached: 1 });
    expect(ctx.fastCurieMap).toEqual({ f: 1 });
    ctx.inverse = { rebuilt: 2 };
    ctx.fastCurieMap = { g: 2 };
    expect(ctx.inverse).toEqual({ rebuilt: 2 });
    expect(ctx.fastCurieMap).toEqual({ g: 2 });
    expect(Object.keys(ctx)).toContain('inverse');
    expect(Object.keys(ctx)).not.toContain('fastCurieMap');
    const bare: any = { mappings: new Map(), protected: {} };
    freezeActiveContext(bare);
    expect(bare.inverse).toBeNull();
    expect(bare.fastCurieMap).toBeUndefined();
    bare.inverse = { late: 1 };
    expect(bare.inverse).toEqual({ late: 1 });
    expect(ctx.inverse).toEqual({ rebuilt: 2 }); // one side table entry per context
  });
  it('an already frozen context, definition or map is left as it is', () => {
    const frozenCtx = Object.freeze({ mappings: new Map([['a', { x: ['y'] }]]), protected: {} });
    expect(freezeActiveContext(frozenCtx as any)).toBe(frozenCtx);
    expect(Object.isFrozen(frozenCtx.mappings.get('a'))).toBe(false); // untouched
    const arr = ['@set'];
    const frozenDef = Object.freeze({ '@container': arr });
    const m = new Map<string, unknown>([['a', frozenDef]]);
    Object.freeze(m);
    const ctx: any = { mappings: m, protected: {} };
    expect(freezeActiveContext(ctx)).toBe(ctx);
    expect(frozenDef['@container']).toBe(arr);
    expect(Object.isFrozen(arr)).toBe(false);
    expect(m.set).toBe(Map.prototype.set); // a frozen map is not given the refusing methods
  });
});

describe('clone, revert and type-scoped reuse (the fast path installed)', () => {
  const fresh = (extra: Record<string, unknown> = {}) => {
    jsonldFastPath(true);
    const i = initial();
    const def = { '@id': 'https://v.example/a' };
    return { i, def, ctx: { ...extra, mappings: new Map([['a', def]]), protected: { a: true }, clone: i.clone, getInverse: i.getInverse, revertToPreviousContext: i.revertToPreviousContext, inverse: { x: 1 } } as any };
  };
  it('clone: a new term map of the same definitions, a copied protected set, the methods, @base / @language / @vocab; not processingMode nor @direction', () => {
    const { ctx, def, i } = fresh({ '@base': 'https://b.example/', '@language': 'en', '@vocab': undefined, processingMode: 'json-ld-1.1', '@direction': 'rtl' });
    const c = ctx.clone();
    expect(c.mappings).not.toBe(ctx.mappings);
    expect([...c.mappings]).toEqual([['a', def]]);
    expect(c.mappings.get('a')).toBe(def);
    expect(c.protected).toEqual({ a: true });
    expect(c.protected).not.toBe(ctx.protected);
    expect(c.inverse).toBeNull();
    expect(c.clone).toBe(i.clone);
    expect(c.getInverse).toBe(i.getInverse);
    expect(c.revertToPreviousContext).toBe(i.revertToPreviousContext);
    expect(Object.keys(c).sort()).toEqual(['@base', '@language', '@vocab', 'clone', 'getInverse', 'inverse', 'mappings', 'protected', 'revertToPreviousContext'].sort());
    expect(c['@base']).toBe('https://b.example/');
    expect(c['@language']).toBe('en');
    expect('@vocab' in c).toBe(true);
    expect(Object.keys(fresh().ctx.clone()).sort()).toEqual(['clone', 'getInverse', 'inverse', 'mappings', 'protected', 'revertToPreviousContext'].sort());
    // what stock's clone gives on the same context: the same keys and values (deep copies there)
    const s = STOCK.clone.call(ctx);
    expect(Object.keys(s).sort()).toEqual(Object.keys(c).sort());
    expect([...s.mappings]).toEqual([...c.mappings]);
    expect(Object.isFrozen(c)).toBe(false);
  });
  it('the previous context: a frozen one is copied once and shared (frozen); another is copied on every clone', () => {
    const prev = fresh({ '@vocab': 'https://p.example/' }).ctx;
    const { ctx } = fresh();
    ctx.previousContext = prev;
    const a = ctx.clone();
    const b = ctx.clone();
    expect(a.previousContext).not.toBe(b.previousContext);
    expect(a.previousContext).not.toBe(prev);
    expect(a.previousContext['@vocab']).toBe('https://p.example/');
    expect(Object.isFrozen(a.previousContext)).toBe(false);
    freezeActiveContext(prev);
    const c = ctx.clone();
    const d = ctx.clone();
    expect(c.previousContext).toBe(d.previousContext);
    expect(Object.isFrozen(c.previousContext)).toBe(true);
    expect(c.previousContext['@vocab']).toBe('https://p.example/');
    expect(c.previousContext.mappings.get('a')).toBe(prev.mappings.get('a'));
    expect(() => c.previousContext.mappings.set('z', {})).toThrow(new TypeError(REFUSED));
    expect('previousContext' in fresh().ctx.clone()).toBe(false);
  });
  it('revert: the context itself without a previous one; otherwise a copy of the previous (shared when frozen)', () => {
    const { ctx } = fresh();
    expect(ctx.revertToPreviousContext()).toBe(ctx);
    const prev = fresh({ '@language': 'fr' }).ctx;
    ctx.previousContext = prev;
    const r1 = ctx.revertToPreviousContext();
    expect(r1).not.toBe(prev);
    expect(r1['@language']).toBe('fr');
    expect(ctx.revertToPreviousContext()).not.toBe(r1);
    freezeActiveContext(prev);
    const r2 = ctx.revertToPreviousContext();
    expect(ctx.revertToPreviousContext()).toBe(r2);
    expect(Object.isFrozen(r2)).toBe(true);
    expect(r2['@language']).toBe('fr');
  });
  it('setProcessed freezes what api.process stores ({context, events}); an @import\'s raw context is left alone', () => {
    jsonldFastPath(true);
    const rc = new RC({ document: {} });
    const active = {};
    const processed = { context: { mappings: new Map([['a', { '@id': 'x' }]]), protected: {} }, events: [] };
    expect(rc.setProcessed(active, processed)).toBeUndefined();
    expect(Object.isFrozen(processed.context)).toBe(true);
    expect(rc.getProcessed(active)).toBe(processed);
    const raw = { context: { a: 'https://v.example/a' }, events: [] };
    rc.setProcessed({}, raw);
    expect(Object.isFrozen(raw.context)).toBe(false);
    const noEvents = { context: { mappings: new Map(), protected: {} } };
    rc.setProcessed({}, noEvents);
    expect(Object.isFrozen(noEvents.context)).toBe(false);
    rc.setProcessed({}, undefined);
    rc.setProcessed({}, { context: null, events: [] });
  });
  it('the context processed on a fresh non-propagating copy of P is found again for the next copy of P', () => {
    jsonldFastPath(true);
    const P = freezeActiveContext(fresh().ctx);
    const rc = new RC({ document: {} });
    const copy = () => {
      const c = P.clone();
      c.previousContext = P; // api.process: rval = rval.clone(); rval.previousContext = activeCtx
      return c;
    };
    const processed = { context: { mappings: new Map(), protected: {} }, events: [] };
    const first = copy();
    expect(rc.getProcessed(first)).toBeUndefined();
    rc.setProcessed(first, processed);
    expect(rc.getProcessed(first)).toBe(processed); // stock's own cache
    expect(rc.getProcessed(copy())).toBe(processed); // another copy of P: by its parent
    expect(new RC({ document: {} }).getProcessed(copy())).toBeUndefined(); // per resolved context
    // not such a copy: another previous context, none, a frozen context, a copy of an unfrozen parent, not an object
    const other = P.clone();
    other.previousContext = fresh().ctx;
    expect(rc.getProcessed(other)).toBeUndefined();
    expect(rc.getProcessed(P.clone())).toBeUndefined();
    expect(rc.getProcessed(P)).toBeUndefined();
    const U = fresh().ctx;
    const uc = U.clone();
    uc.previousContext = U;
    expect(rc.getProcessed(uc)).toBeUndefined();
    rc.setProcessed(uc, { context: { mappings: new Map(), protected: {} }, events: [] });
    const uc2 = U.clone();
    uc2.previousContext = U;
    expect(rc.getProcessed(uc2)).toBeUndefined();
    expect(rc.getProcessed(null)).toBeUndefined();
    // a second copy stored for the same parent replaces the first; a raw (@import) value is not stored by parent
    const processed2 = { context: { mappings: new Map(), protected: {} }, events: [] };
    rc.setProcessed(copy(), processed2);
    expect(rc.getProcessed(copy())).toBe(processed2);
    const rc2 = new RC({ document: {} });
    rc2.setProcessed(copy(), { context: { a: 'raw' }, events: [] });
    expect(rc2.getProcessed(copy())).toBeUndefined();
    const rc4 = new RC({ document: {} });
    rc4.setProcessed(copy(), undefined);
    rc4.setProcessed(copy(), { context: null, events: [] });
    rc4.setProcessed(copy(), { events: [] });
    expect(rc4.getProcessed(copy())).toBeUndefined();
    const rc3 = new RC({ document: {} });
    rc3.setProcessed(Object.freeze(copy()), processed);
    expect(rc3.getProcessed(copy())).toBeUndefined();
  });
});

/**
 * Compiled shapes: the expansion and the RDF dataset of a credential computed by substituting its values into a
 * template compiled from an earlier credential of the same shape (a cohort: one achievement, many learners), instead
 * of running JSON-LD expansion and toRDF again. The result is then canonicalized by rdf-canonize as usual (RDFC-1.0 on
 * the substituted dataset: blank-node labels stay canonical), so what is signed or verified is exactly what the full
 * jsonld path gives — the differential tests (test/proofs/) compare both on generated credentials.
 *
 * **Shape key**: the top `@context` (its URLs, and its inline context objects verbatim as JSON text: a cohort issued
 * with credstack's inline extension context carries one) and the JSON structure with every key and every `type` / `@type` value kept,
 * strings replaced by their kind (`i…` an absolute `https:`, `http:`, `did:` or `urn:` IRI of plain ASCII characters,
 * `s` any other string), safe integers by `n`, and every other scalar (booleans, null, other numbers: -0, 0.1, 1e21,
 * big integers) kept as it is.
 *
 * **Compile on the second sighting**: the document is expanded and converted to RDF with a unique probe value in
 * each leaf (unsafe mode, to learn where probes land), leaves whose probe did not land verbatim and only where a
 * value of their kind lands verbatim (a literal's value for strings and integers; an IRI too for IRI-kind strings)
 * are pinned to the document's own value, and the document is expanded and converted again in safe mode with those
 * pins (the template). The template is kept only if instantiating it with the document's own values reproduces the
 * full jsonld path's expansion and canonical N-Quads exactly.
 *
 * **Guards (any one falls back to the full jsonld path)**: a `@context` that is not a list of URLs and plain-JSON
 * context objects, a `@context` below the top, an unusual value (undefined, functions …), a document too large or too deep, a structural difference or a
 * pinned value that differs, an IRI-kind value that is a term of one of the contexts (a `@vocab` position would expand
 * it; the terms of inline contexts count), a context document that changed since compiling (`documents`, `registerContext`), substituted quads that
 * collide (JSON-LD would merge them), and a document that mentions the process's probe nonce.
 *
 * **Bounds**: at most {@link SHAPE_LIMITS}`.templates` templates and `templateBytes` bytes, and `sightings` / `sightingBytes`
 * for shapes seen once (least recently used first out): many shapes cost no memory beyond that.
 */
import jsonld from 'jsonld';
// a static namespace import: in the CLI bundle a dynamic import() of this CommonJS module has no named exports
// (`canonize` was undefined there, so every compile failed and compiled shapes never ran in the CLI)
import * as rdfCanonize from 'rdf-canonize';
import type { DocumentLoader } from '../jsonld/loader.js';

type Obj = Record<string, unknown>;
/** @internal An RDF term as jsonld.toRDF returns it. */
export interface Term { termType: string; value: string; datatype?: { termType: string; value: string }; language?: string }
/** @internal A quad as jsonld.toRDF returns it (the input rdf-canonize takes). */
export interface Quad { subject: Term; predicate: Term; object: Term; graph: Term }
/**
 * @internal What a shaped document yields: its RDF dataset and its expansion (built on first read: canonicalization
 * needs only the dataset). The dataset's unchanged quads are the template's own, frozen, shared by every instance:
 * read-only (rdf-canonize only reads its input).
 */
export interface Shaped { readonly expanded: unknown[]; dataset: Quad[] }
/** @internal How toRDF treats `@direction` (eddsa-rdfc-2022: 'i18n-datatype'; Ed25519Signature2020: none). */
export type RdfMode = 'i18n-datatype' | 'none';

/** @internal Bounds of the shape caches (`enabled: false` turns compiled shapes off: benchmarks). */
export const SHAPE_LIMITS = { enabled: true, templates: 128, templateBytes: 32 * 1024 * 1024, sightings: 2048, sightingBytes: 8 * 1024 * 1024, maxKeyChars: 256 * 1024, maxNodes: 20_000, maxDepth: 64, collisionPairs: 4096 };

/** @internal Counters for tests and benchmarks: template hits, compilations, and fallbacks by reason. */
export const SHAPE_STATS = { hits: 0, compiled: 0, fallbacks: {} as Record<string, number> };

const IRI_RE = /^(?:(https?):\/\/|(did|urn):)[!-~]*$/;
const XSD_DOUBLE = 'http://www.w3.org/2001/XMLSchema#double';
const RDF_JSON = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON';
const NONCE = (() => {
  const b = globalThis.crypto.getRandomValues(new Uint8Array(12));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
})();

/** @internal This process's probe nonce (tests: a document that mentions it is never compiled). */
export const probeNonce = (): string => NONCE;

type Kind = 's' | 'i' | 'n';
interface Leaf { kind: Kind; value: string | number; scheme?: string }
/** `contexts`: the context URLs of the top `@context`; `inline`: its context objects (their JSON text is in `key`). */
interface Shape { key: string; contexts: string[]; inline: Obj[]; leaves: Leaf[] }

function fallback(reason: string): undefined {
  SHAPE_STATS.fallbacks[reason] = (SHAPE_STATS.fallbacks[reason] ?? 0) + 1;
  return undefined;
}

class Refuse extends Error {}

/** @internal The shape of `doc`, or the reason it has none. */
export function shapeOf(doc: unknown): Shape | string {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return 'not-object';
  const top = doc as Obj;
  const rawCtx = top['@context'];
  const list: unknown[] | undefined = typeof rawCtx === 'string' || isPlainObject(rawCtx) ? [rawCtx] : Array.isArray(rawCtx) && rawCtx.length > 0 ? rawCtx : undefined;
  if (!list) return 'context';
  const contexts: string[] = [];
  const inline: Obj[] = [];
  let nodes = 0;
  for (const c of list) {
    if (typeof c === 'string') contexts.push(c);
    else if (isPlainObject(c)) {
      // an inline context is part of the key, verbatim: only plain JSON (what JSON.stringify writes back unchanged)
      const n = plainJsonNodes(c, 1, SHAPE_LIMITS.maxNodes - nodes);
      if (n === 'size') return 'size';
      if (n === 'value') return 'context';
      nodes += n;
      inline.push(c);
    } else return 'context';
  }
  const leaves: Leaf[] = [];
  let out = JSON.stringify(list);
  if (out.length > SHAPE_LIMITS.maxKeyChars) return 'size';
  const walk = (v: unknown, depth: number): void => {
    if (++nodes > SHAPE_LIMITS.maxNodes || depth > SHAPE_LIMITS.maxDepth || out.length > SHAPE_LIMITS.maxKeyChars) throw new Refuse('size');
    if (typeof v === 'string') {
      const m = IRI_RE.exec(v);
      if (m) {
        const scheme = m[1] ?? m[2]!;
        out += `i${scheme};`;
        leaves.push({ kind: 'i', value: v, scheme });
      } else {
        out += 's;';
        leaves.push({ kind: 's', value: v });
      }
    } else if (typeof v === 'number') {
      if (Number.isSafeInteger(v) && !Object.is(v, -0)) {
        out += 'n;';
        leaves.push({ kind: 'n', value: v });
      } else out += `x${Object.is(v, -0) ? '-0' : String(v)};`;
    } else if (v === null || typeof v === 'boolean') out += `${String(v)};`;
    else if (Array.isArray(v)) {
      out += '[';
      for (const x of v) walk(x, depth + 1);
      out += ']';
    } else if (typeof v === 'object' && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null)) {
      out += '{';
      for (const k of Object.keys(v as Obj)) {
        if (k === '@context') throw new Refuse('context');
        const x = (v as Obj)[k];
        out += JSON.stringify(k) + ':';
        if (k === 'type' || k === '@type') {
          const s = JSON.stringify(x);
          if (s === undefined) throw new Refuse('value');
          out += `=${s};`;
        } else walk(x, depth + 1);
      }
      out += '}';
    } else throw new Refuse('value');
  };
  try {
    for (const k of Object.keys(top)) {
      if (k === '@context') continue;
      out += JSON.stringify(k) + ':';
      const x = top[k];
      if (k === 'type' || k === '@type') {
        const s = JSON.stringify(x);
        if (s === undefined) return 'value';
        out += `=${s};`;
      } else walk(x, 1);
    }
  } catch (err) {
    if (err instanceof Refuse) return err.message;
    return 'value';
  }
  if (out.length > SHAPE_LIMITS.maxKeyChars) return 'size';
  return { key: out, contexts, inline, leaves };
}

function isPlainObject(v: unknown): v is Obj {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Nodes of a plain JSON value (strings, booleans, null, finite numbers other than -0, arrays, plain objects), or
 * 'value' for anything JSON text would not carry as it is (undefined, functions, -0, NaN, class instances…), or 'size'
 * past `budget` nodes or {@link SHAPE_LIMITS}`.maxDepth`.
 */
function plainJsonNodes(v: unknown, depth: number, budget: number): number | 'size' | 'value' {
  if (budget < 1 || depth > SHAPE_LIMITS.maxDepth) return 'size';
  if (typeof v === 'string' || typeof v === 'boolean' || v === null) return 1;
  if (typeof v === 'number') return Number.isFinite(v) && !Object.is(v, -0) ? 1 : 'value';
  let n = 1;
  if (Array.isArray(v)) {
    for (const x of v) {
      const m = plainJsonNodes(x, depth + 1, budget - n);
      if (typeof m === 'string') return m;
      n += m;
    }
    return n;
  }
  if (!isPlainObject(v)) return 'value';
  for (const k of Object.keys(v)) {
    const m = plainJsonNodes(v[k], depth + 1, budget - n);
    if (typeof m === 'string') return m;
    n += m;
  }
  return n;
}

/** Rebuild `doc` with leaf i replaced by `values[i]` (same traversal order as {@link shapeOf}). */
function substituteJson(doc: Obj, values: readonly unknown[]): Obj {
  let i = 0;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string' || (Number.isSafeInteger(v) && !Object.is(v, -0))) return values[i++];
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const o: Obj = {};
      for (const k of Object.keys(v as Obj)) o[k] = k === 'type' || k === '@type' ? structuredClone((v as Obj)[k]) : walk((v as Obj)[k]);
      return o;
    }
    return v;
  };
  const out: Obj = {};
  for (const k of Object.keys(doc)) out[k] = k === '@context' || k === 'type' || k === '@type' ? structuredClone(doc[k]) : walk(doc[k]);
  return out;
}

// ---- context dependencies (invalidation) ----

const ids = new WeakMap<object, number>();
let nextId = 1;
/** A frozen document (bundled, registered) is identified by identity; any other by its JSON text. */
function fingerprint(doc: unknown): string | undefined {
  if (doc && typeof doc === 'object' && Object.isFrozen(doc)) {
    let id = ids.get(doc);
    if (id === undefined) ids.set(doc, (id = nextId++));
    return `#${id}`;
  }
  const s = JSON.stringify(doc);
  return s !== undefined && s.length <= 512 * 1024 ? `=${s}` : undefined;
}

interface Deps { urls: string[]; prints: string[]; terms: Set<string> }

/**
 * Every context document the shape depends on (its contexts and the URLs they name, also those an inline context
 * names), fingerprinted; the terms of all of them, inline contexts included. An inline context is in the shape key
 * itself: it needs no fingerprint.
 */
async function collectDeps(contexts: string[], loader: DocumentLoader, inline: readonly Obj[]): Promise<Deps | undefined> {
  const urls: string[] = [];
  const prints: string[] = [];
  const terms = new Set<string>();
  const queue = [...contexts];
  // an inline context is scanned as a context document holding it would be
  for (const c of inline) if (!scan({ '@context': c })) return undefined;
  while (queue.length) {
    const url = queue.shift()!;
    if (urls.includes(url)) continue;
    if (urls.length >= 32) return undefined;
    let doc: unknown;
    try {
      doc = (await loader(url)).document;
    } catch {
      return undefined;
    }
    const fp = fingerprint(doc);
    if (fp === undefined) return undefined;
    urls.push(url);
    prints.push(fp);
    if (!scan(doc)) return undefined;
  }
  return { urls, prints, terms };

  /** Collect the terms of a context document and queue the contexts it names; false past a bounded amount of work. */
  function scan(doc: unknown): boolean {
    // every key anywhere in a context is (a superset of) its terms; string @context / @import values are more contexts
    const stack: unknown[] = [doc];
    let n = 0;
    while (stack.length) {
      const v = stack.pop();
      if (++n > 100_000) return false;
      // one push per value: `push(...v)` throws a RangeError past about 125,000 values
      if (Array.isArray(v)) for (const x of v) stack.push(x);
      else if (v && typeof v === 'object') {
        for (const [k, x] of Object.entries(v)) {
          terms.add(k);
          // @context at any depth (the document's own, scoped ones); @import only inside a context definition
          if (k === '@context' || (k === '@import' && v !== doc)) for (const c of Array.isArray(x) ? x : [x]) if (typeof c === 'string') queue.push(c);
          stack.push(x);
        }
      }
    }
    return true;
  }
}

async function depsUnchanged(deps: Deps, loader: DocumentLoader): Promise<boolean> {
  for (let i = 0; i < deps.urls.length; i++) {
    let doc: unknown;
    try {
      doc = (await loader(deps.urls[i]!)).document;
    } catch {
      return false;
    }
    if (fingerprint(doc) !== deps.prints[i]) return false;
  }
  return true;
}

// ---- templates ----

type Slot = 'subject' | 'object' | 'graph';
/** Where a leaf lands: paths in the expansion, and (quad index, slot) pairs in the dataset. */
interface Landing { leaf: number; expanded: (string | number)[]; quads: [number, Slot][] }
/** A quad of the template that takes values: its index and, per slot, the leaf whose value goes there. */
interface Substituted { qi: number; slots: [Slot, number][] }
interface Template {
  failed?: false;
  expandedJson: string;
  /** The template's quads, frozen: those no leaf lands in are shared by every instance as they are. */
  dataset: readonly Quad[];
  landings: Landing[];
  /** The quads that take values. */
  substituted: Substituted[];
  /**
   * The pairs of quads that values could make equal (at most {@link SHAPE_LIMITS}`.collisionPairs`), each flattened as
   * the slots to compare, two by two: a leaf's index or a constant. Absent when there are more: then {@link fixedKeys}.
   */
  pairs?: (number | string)[][];
  /** {@link quadKey} of every quad that takes no value, when {@link pairs} is absent (pairwise distinct either way: checked when compiling). */
  fixedKeys?: ReadonlySet<string>;
  /** Leaves compiled with the document's own value: an instance must carry the same value. */
  pinned: Map<number, string | number>;
  deps: Deps;
  bytes: number;
}
interface Failed { failed: true; deps?: Deps; bytes: number }

const templates = new Map<string, Template | Failed>();
let templateBytes = 0;
const sightings = new Map<string, { n: number; values: string }>();
let sightingBytes = 0;
const compiling = new Map<string, Promise<Shaped | undefined>>();

function remember(key: string, t: Template | Failed): void {
  const old = templates.get(key);
  if (old) {
    templateBytes -= old.bytes;
    templates.delete(key);
  }
  if (t.bytes > SHAPE_LIMITS.templateBytes) return;
  templates.set(key, t);
  templateBytes += t.bytes;
  while (templates.size > SHAPE_LIMITS.templates || templateBytes > SHAPE_LIMITS.templateBytes) {
    const [k, v] = templates.entries().next().value as [string, Template | Failed];
    templates.delete(k);
    templateBytes -= v.bytes;
  }
}

/**
 * Count a sighting of a shape. The same values again count half (one verification reads a document twice: its view,
 * then its proof), so a one-shot verification does not compile, while a proof configuration repeated by every
 * credential of a cohort compiles on its third sighting.
 */
function sight(key: string, values = ''): number {
  const prev = sightings.get(key);
  const n = prev === undefined ? 1 : prev.values === values ? prev.n + 0.5 : prev.n + 1;
  if (prev === undefined) sightingBytes += (key.length + values.length) * 2;
  else sightingBytes += (values.length - prev.values.length) * 2;
  sightings.delete(key);
  sightings.set(key, { n, values });
  while (sightings.size > SHAPE_LIMITS.sightings || sightingBytes > SHAPE_LIMITS.sightingBytes) {
    const [k, v] = sightings.entries().next().value as [string, { values: string }];
    sightings.delete(k);
    sightingBytes -= (k.length + v.values.length) * 2;
  }
  return n;
}

/**
 * @internal Drop every compiled shape (tests; also what a caller does after changing contexts in place — registered
 * contexts and `documents` are re-checked anyway).
 */
export function clearShapeCache(): void {
  templates.clear();
  sightings.clear();
  compiling.clear();
  templateBytes = 0;
  sightingBytes = 0;
}

/** @internal Sizes of the shape caches (tests prove they stay bounded). */
export function shapeCacheSize(): { templates: number; templateBytes: number; sightings: number; sightingBytes: number } {
  return { templates: templates.size, templateBytes, sightings: sightings.size, sightingBytes };
}

function probeFor(leaf: Leaf, i: number): string | number {
  if (leaf.kind === 'n') return 4_503_599_627_000_000 + i * 7 + 3;
  if (leaf.kind === 'i') {
    if (leaf.scheme === 'https' || leaf.scheme === 'http') return `${leaf.scheme}://credstack-probe.invalid/${NONCE}/${i}`;
    return `${leaf.scheme}:credstack-probe-${NONCE}-${i}`;
  }
  return `credstack probe ${NONCE} ${i}`;
}

/** A fresh copy of a term as jsonld.toRDF writes it (a literal: datatype, and language when it has one). */
function copyTerm(t: Term, value = t.value): Term {
  if (t.termType !== 'Literal') return { termType: t.termType, value };
  const datatype = Object.isFrozen(t.datatype) ? t.datatype! : Object.freeze({ termType: t.datatype!.termType, value: t.datatype!.value });
  return t.language !== undefined ? { termType: 'Literal', value, datatype, language: t.language } : { termType: 'Literal', value, datatype };
}

/** The template's quads: frozen copies (terms too), shared by every instance that leaves them unchanged. */
const freezeQuads = (ds: Quad[]): readonly Quad[] =>
  ds.map((q) => Object.freeze({ subject: Object.freeze(copyTerm(q.subject)), predicate: Object.freeze(copyTerm(q.predicate)), object: Object.freeze(copyTerm(q.object)), graph: Object.freeze(copyTerm(q.graph)) }));

async function fullRun(doc: Obj, loader: DocumentLoader, mode: RdfMode, safe: boolean): Promise<Shaped> {
  const expanded = (await jsonld.expand(doc as any, { documentLoader: loader as any, safe, base: null } as any)) as unknown[];
  const dataset = (await jsonld.toRDF(structuredClone(expanded) as any, {
    skipExpansion: true,
    safe,
    base: null,
    ...(mode === 'i18n-datatype' ? { rdfDirection: 'i18n-datatype' } : {}),
    produceGeneralizedRdf: false,
  } as any)) as unknown as Quad[];
  return { expanded, dataset };
}

/** Where each probe landed; `undefined` when a probe-like value shows up anywhere it cannot be substituted. */
function locate(run: Shaped, probes: (string | number)[], leaves: Leaf[], skip: ReadonlySet<number>): { expanded: Map<number, (string | number)[][]>; quads: Map<number, [number, 'subject' | 'object' | 'graph'][]>; bad: Set<number> } | undefined {
  const byValue = new Map<string, number>();
  probes.forEach((p, i) => {
    if (!skip.has(i)) byValue.set(typeof p === 'number' ? `n${p}` : `s${p}`, i);
  });
  const expanded = new Map<number, (string | number)[][]>();
  const quads = new Map<number, [number, 'subject' | 'object' | 'graph'][]>();
  const bad = new Set<number>();
  let poisoned = false;
  const walk = (v: unknown, path: (string | number)[], parentKey: string | undefined): void => {
    if (typeof v === 'string' || typeof v === 'number') {
      const i = byValue.get(typeof v === 'number' ? `n${v}` : `s${v}`);
      if (i === undefined) {
        if (typeof v === 'string' && v.includes(NONCE)) poisoned = true;
        return;
      }
      const kind = leaves[i]!.kind;
      const ok = parentKey === '@value' || (kind === 'i' && (parentKey === '@id' || parentKey === '@type'));
      if (!ok) bad.add(i);
      const l = expanded.get(i) ?? [];
      l.push(path);
      expanded.set(i, l);
      return;
    }
    if (Array.isArray(v)) v.forEach((x, j) => walk(x, [...path, j], parentKey));
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k.includes(NONCE)) poisoned = true;
        walk(x, [...path, k], k);
      }
    }
  };
  walk(run.expanded, [], undefined);
  run.dataset.forEach((q, qi) => {
    for (const slot of ['subject', 'predicate', 'object', 'graph'] as const) {
      const t = q[slot];
      if (t.datatype?.value.includes(NONCE) || t.language?.includes(NONCE)) poisoned = true;
      // a string probe, or an integer probe written as a literal's value (string probes never look like integers,
      // so at most one of the two is found)
      const i = byValue.get(`s${t.value}`) ?? byValue.get(`n${t.value}`);
      if (i === undefined) {
        if (t.value.includes(NONCE)) poisoned = true;
        continue;
      }
      const leaf = leaves[i]!;
      const lit = t.termType === 'Literal';
      const dt = t.datatype?.value;
      const ok =
        slot !== 'predicate' &&
        (leaf.kind === 'i' ? lit || t.termType === 'NamedNode' : lit && dt !== RDF_JSON && (leaf.kind === 's' || dt !== XSD_DOUBLE)) &&
        (leaf.kind !== 'n' || t.value === String(probes[i]));
      if (!ok) bad.add(i);
      const l = quads.get(i) ?? [];
      l.push([qi, slot as 'subject' | 'object' | 'graph']);
      quads.set(i, l);
    }
  });
  if (poisoned) return undefined;
  return { expanded, quads, bad };
}

function setPath(root: unknown, path: (string | number)[], value: unknown): void {
  let o = root as Record<string | number, unknown>;
  for (let i = 0; i < path.length - 1; i++) o = o[path[i]!] as Record<string | number, unknown>;
  o[path[path.length - 1]!] = value;
}

function quadKey(q: Quad): string {
  const t = (x: Term) => `${x.termType}\u0000${x.value}\u0000${x.datatype?.value ?? ''}\u0000${x.language ?? ''}`;
  return `${t(q.subject)}\u0001${t(q.predicate)}\u0001${t(q.object)}\u0001${t(q.graph)}`;
}

/** The expansion of an instance (the template's, with the leaves' values at their paths). */
function expansionOf(t: Template, leaves: Leaf[]): unknown[] {
  const expanded = JSON.parse(t.expandedJson) as unknown[];
  for (const l of t.landings) setPath(expanded, l.expanded, leaves[l.leaf]!.value);
  return expanded;
}

/** Datasets of the expansions handed out by {@link shaped} (and the mode they were made for): see {@link datasetOfExpansion}. */
const DATASETS = new WeakMap<object, { mode: RdfMode; dataset: Quad[] }>();

/** An instance: its dataset now, its expansion when first read (then remembered with its dataset, {@link DATASETS}). */
function shapedResult(t: Template, leaves: Leaf[], dataset: Quad[], mode: RdfMode): Shaped {
  let expanded: unknown[] | undefined;
  return {
    dataset,
    get expanded(): unknown[] {
      if (!expanded) {
        expanded = expansionOf(t, leaves);
        DATASETS.set(expanded, { mode, dataset });
      }
      return expanded;
    },
  };
}

/**
 * @internal The RDF dataset (for `mode`) of an expansion {@link shaped} returned: the same template instance made both,
 * so it is exactly `toRDF(expanded)` — a caller that canonicalizes that expansion skips toRDF. `undefined` for any other
 * array (or another mode).
 */
export function datasetOfExpansion(expanded: unknown, mode: RdfMode): Quad[] | undefined {
  const d = DATASETS.get(expanded as object); // undefined for a primitive (WeakMap.get does not throw)
  return d && d.mode === mode ? d.dataset : undefined;
}

function instantiate(t: Template, leaves: Leaf[], mode: RdfMode): Shaped | string {
  for (const [i, v] of t.pinned) if (leaves[i]!.value !== v) return 'pinned-value';
  for (const l of t.landings) {
    const leaf = leaves[l.leaf]!;
    if (leaf.kind === 'i' && t.deps.terms.has(leaf.value as string)) return 'iri-is-term';
  }
  // quads no leaf lands in are the template's own (frozen, shared); the others are new objects (the unchanged terms shared)
  const dataset = t.dataset.slice();
  for (const sq of t.substituted) {
    const q = t.dataset[sq.qi]!;
    const n: Quad = { subject: q.subject, predicate: q.predicate, object: q.object, graph: q.graph };
    for (const [slot, leaf] of sq.slots) n[slot] = copyTerm(q[slot], leafText(leaves[leaf]!.value));
    dataset[sq.qi] = n;
  }
  // JSON-LD merges equal quads (and nodes with one id): substituted values that collide are left to the full path.
  // The quads that take no value are pairwise distinct (compile checked it); the pairs values could make equal were
  // listed when compiling — only their varying slots are compared (or, past the cap, the substituted quads are keyed).
  if (t.pairs) {
    const text = (r: number | string): string => (typeof r === 'number' ? leafText(leaves[r]!.value) : r);
    next: for (const p of t.pairs) {
      for (let i = 0; i < p.length; i += 2) if (text(p[i]!) !== text(p[i + 1]!)) continue next;
      return 'collision';
    }
  } else {
    const seen = new Set<string>();
    for (const sq of t.substituted) {
      const k = quadKey(dataset[sq.qi]!);
      if (seen.has(k) || t.fixedKeys!.has(k)) return 'collision';
      seen.add(k);
    }
  }
  return shapedResult(t, leaves, dataset, mode);
}

const leafText = (v: string | number): string => String(v);

const SLOTS: readonly Slot[] = ['subject', 'object', 'graph'];

/**
 * The pairs of template quads that substituted values could make equal: same predicate, term types, datatype and
 * language, equal constants wherever both are constant, at least one of the two taking a value. Each pair is the list
 * of slots to compare (leaf index or constant, two by two). `undefined` past `cap` pairs (or a bounded amount of work).
 */
function collisionPairs(ds: readonly Quad[], bySlot: ReadonlyMap<number, [Slot, number][]>, cap: number): (number | string)[][] | undefined {
  const groups = new Map<string, number[]>();
  ds.forEach((q, qi) => {
    // (no datatype / language reads "undefined": never a datatype IRI or a language tag, so the groups are the same)
    const g = `${q.predicate.value}\u0000${q.subject.termType}\u0000${q.object.termType}\u0000${String(q.object.datatype?.value)}\u0000${String(q.object.language)}\u0000${q.graph.termType}`;
    const l = groups.get(g);
    if (l) l.push(qi);
    else groups.set(g, [qi]);
  });
  const ref = (qi: number, slot: Slot): number | string => bySlot.get(qi)?.find(([s]) => s === slot)?.[1] ?? ds[qi]![slot].value;
  const pairs: (number | string)[][] = [];
  let work = 0;
  for (const members of groups.values()) {
    const subs = members.filter((qi) => bySlot.has(qi));
    const fixed = members.filter((qi) => !bySlot.has(qi));
    for (let x = 0; x < subs.length; x++) {
      const a = subs[x]!;
      // with every later substituted quad, and with every quad that takes no value
      for (const b of [...subs.slice(x + 1), ...fixed]) {
        if (++work > cap * 16) return undefined;
        const cmp: (number | string)[] = [];
        let possible = true;
        for (const slot of SLOTS) {
          const ra = ref(a, slot);
          const rb = ref(b, slot);
          if (typeof ra === 'string' && typeof rb === 'string') {
            if (ra !== rb) {
              possible = false;
              break;
            }
          } else cmp.push(ra, rb);
        }
        if (!possible) continue;
        if (pairs.length >= cap) return undefined;
        pairs.push(cmp);
      }
    }
  }
  return pairs;
}

async function compile(doc: Obj, shape: Shape, loader: DocumentLoader, mode: RdfMode): Promise<Template | Failed> {
  const deps = await collectDeps(shape.contexts, loader, shape.inline);
  if (!deps) return { failed: true, bytes: 64 };
  const failed: Failed = { failed: true, deps, bytes: 64 + deps.urls.join('').length * 2 };
  try {
    if (JSON.stringify(doc).includes(NONCE)) return failed;
    const probes = shape.leaves.map(probeFor);
    // 1. where do probes land? (unsafe: a probe in an IRI position is dropped instead of refused)
    const run1 = await fullRun(substituteJson(doc, probes), loader, mode, false);
    const loc1 = locate(run1, probes, shape.leaves, new Set());
    if (!loc1) return failed;
    const pinned = new Map<number, string | number>();
    shape.leaves.forEach((leaf, i) => {
      const e = loc1.expanded.get(i);
      const q = loc1.quads.get(i);
      if (loc1.bad.has(i) || !e || e.length !== 1 || !q || q.length === 0) pinned.set(i, leaf.value);
    });
    // 2. the template: safe mode, pinned leaves carry the document's own values
    const values = probes.map((p, i) => (pinned.has(i) ? pinned.get(i)! : p));
    const run2 = await fullRun(substituteJson(doc, values), loader, mode, true);
    const loc2 = locate(run2, values, shape.leaves, new Set(pinned.keys()));
    if (!loc2) return failed;
    const landings: Landing[] = [];
    for (let i = 0; i < shape.leaves.length; i++) {
      if (pinned.has(i)) continue;
      const e = loc2.expanded.get(i);
      const q = loc2.quads.get(i);
      if (loc2.bad.has(i) || !e || e.length !== 1 || !q || q.length === 0) return failed;
      landings.push({ leaf: i, expanded: e[0]!, quads: q });
    }
    const expandedJson = JSON.stringify(run2.expanded);
    const bySlot = new Map<number, [Slot, number][]>();
    for (const l of landings) for (const [qi, slot] of l.quads) bySlot.set(qi, [...(bySlot.get(qi) ?? []), [slot, l.leaf]]);
    // (in landing order: instantiate writes each by its index, the collision check keys them as a set)
    const substituted = [...bySlot.keys()].map((qi) => ({ qi, slots: bySlot.get(qi)! }));
    const fixedKeys = new Set<string>();
    let fixedBytes = 0;
    for (let qi = 0; qi < run2.dataset.length; qi++) {
      if (bySlot.has(qi)) continue;
      const k = quadKey(run2.dataset[qi]!);
      if (fixedKeys.has(k)) return failed;
      fixedKeys.add(k);
      fixedBytes += k.length * 2;
    }
    const pairs = collisionPairs(run2.dataset, bySlot, SHAPE_LIMITS.collisionPairs);
    const pairBytes = pairs ? pairs.reduce((n, p) => n + 16 + p.reduce<number>((m, r) => m + 8 + (typeof r === 'string' ? r.length * 2 : 0), 0), 0) : fixedBytes;
    const t: Template = { expandedJson, dataset: freezeQuads(run2.dataset), landings, substituted, ...(pairs ? { pairs } : { fixedKeys }), pinned, deps, bytes: expandedJson.length * 2 + JSON.stringify(run2.dataset).length * 2 + pairBytes + shape.key.length * 2 };
    // 3. self-check against the full path on the document itself
    const own = instantiate(t, shape.leaves, mode);
    if (typeof own === 'string') return failed;
    const real = await fullRun(structuredClone(doc), loader, mode, true);
    if (JSON.stringify(real.expanded) !== JSON.stringify(own.expanded)) return failed;
    const [a, b] = await Promise.all([canonizeDataset(real.dataset), canonizeDataset(own.dataset)]);
    if (a !== b) return failed;
    return t;
  } catch {
    return failed;
  }
}

async function canonizeDataset(ds: Quad[]): Promise<string> {
  return rdfCanonize.canonize(ds as any, { algorithm: 'RDFC-1.0', maxWorkFactor: 1 } as any);
}

/**
 * @internal The expansion and RDF dataset of `doc` from a compiled shape, or `undefined` (the caller runs the full
 * jsonld path). Safe mode, `base: null`, as the Data Integrity suites canonicalize. Never throws.
 */
export async function shaped(doc: unknown, loader: DocumentLoader, mode: RdfMode): Promise<Shaped | undefined> {
  try {
    if (!SHAPE_LIMITS.enabled) return fallback('disabled');
    const shape = shapeOf(doc);
    if (typeof shape === 'string') return fallback(shape);
    const key = `${mode}\u0000${shape.key}`;
    const t = templates.get(key);
    if (t) {
      // least recently used goes first: refresh
      templates.delete(key);
      templates.set(key, t);
      if (t.failed) {
        // a context changed (or became available): forget the failure, compile again on a later sighting
        if (t.deps ? !(await depsUnchanged(t.deps, loader)) : (await collectDeps(shape.contexts, loader, shape.inline)) !== undefined) {
          templates.delete(key);
          templateBytes -= t.bytes;
          sight(key);
          return fallback('context-changed');
        }
        return fallback('uncompilable');
      }
      if (!(await depsUnchanged(t.deps, loader))) {
        templates.delete(key);
        templateBytes -= t.bytes;
        sight(key);
        return fallback('context-changed');
      }
      const r = instantiate(t, shape.leaves, mode);
      if (typeof r === 'string') return fallback(r);
      SHAPE_STATS.hits++;
      return r;
    }
    if (sight(key, JSON.stringify(shape.leaves.map((l) => l.value))) < 2) return fallback('first-sighting');
    if (compiling.has(key)) return fallback('compiling');
    const run = (async () => {
      const c = await compile(doc as Obj, shape, loader, mode);
      remember(key, c);
      if (c.failed) return fallback('uncompilable');
      SHAPE_STATS.compiled++;
      const r = instantiate(c, shape.leaves, mode);
      return typeof r === 'string' ? fallback(r) : r;
    })();
    compiling.set(key, run);
    try {
      return await run;
    } finally {
      compiling.delete(key);
    }
  } catch {
    return fallback('error');
  }
}

/** @internal Small JSON helpers shared by issue, verify, portfolio and stacking. */
// @ts-nocheck


/** Values of a JSON-LD property as an array (`undefined` → `[]`). */
export function asArray<T = unknown>(v: T | T[] | undefined | null): T[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

/** The `id` of a node given as a string or an object with `id`. */
export function idOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string') return (v as { id: string }).id;
  return undefined;
}

/** JSON paths (`$.a.b[0].c`) at which an object key named `name` occurs (at most `max`). */
export function findKeyPaths(root: unknown, name: string, max = 10): string[] {
  const out: string[] = [];
  const stack: Array<[unknown, string]> = [[root, '$']];
  while (stack.length && out.length < max) {
    const [node, path] = stack.pop()!;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], `${path}[${i}]`]);
    } else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === '@context') continue;
        const p = /^[A-Za-z_$][\w$]*$/.test(k) ? `${path}.${k}` : `${path}[${JSON.stringify(k)}]`;
        if (k === name) out.push(p);
        stack.push([v, p]);
      }
    }
  }
  return out;
}

/**
 * Measure a JSON value without recursion: nesting depth, number of nodes and characters in strings and keys,
 * stopping early past the limits. Protects jsonld.js (recursive) from stack exhaustion and huge inputs.
 */
export function measureJson(
  root: unknown,
  limits: { maxDepth: number; maxNodes: number; maxChars?: number },
): { depth: number; nodes: number; chars: number; exceeded?: 'depth' | 'nodes' | 'chars' } {
  let nodes = 0;
  let depth = 0;
  let chars = 0;
  const maxChars = limits.maxChars ?? Infinity;
  const stack: Array<[unknown, number]> = [[root, 1]];
  while (stack.length) {
    const [node, d] = stack.pop()!;
    nodes++;
    if (d > depth) depth = d;
    if (depth > limits.maxDepth) return { depth, nodes, chars, exceeded: 'depth' };
    if (nodes > limits.maxNodes) return { depth, nodes, chars, exceeded: 'nodes' };
    if (typeof node === 'string') chars += node.length;
    else if (node && typeof node === 'object') {
      const isArr = Array.isArray(node);
      for (const [k, v] of Object.entries(node)) {
        if (!isArr) chars += k.length;
        if (v && typeof v === 'object') stack.push([v, d + 1]);
        else {
          nodes++;
          if (typeof v === 'string') chars += v.length;
        }
      }
    }
    if (chars > maxChars) return { depth, nodes, chars, exceeded: 'chars' };
  }
  return { depth, nodes, chars };
}

/** Is `s` an RFC 3339 / XML Schema dateTimeStamp with a time zone (what VC 2.0 requires)? */
export function isDateTimeStamp(s: unknown): s is string {
  return (
    typeof s === 'string' &&
    s.length <= 40 &&
    /^-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/i.test(s) &&
    !Number.isNaN(Date.parse(s))
  );
}

/** A Date from a `now` option (Date or ISO string); `undefined` → the wall clock. Invalid → undefined. */
export function toDate(now: Date | string | undefined): Date | undefined {
  if (now === undefined) return new Date();
  const d = now instanceof Date ? new Date(now.getTime()) : new Date(now);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** ISO date-time without milliseconds (`2026-11-23T10:00:00Z`), the form VC examples use. */
export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A short, printable description of an untrusted value that never runs its code: strings (truncated) and numbers as
 * they are, other values by kind. Never calls `String()`, `toString`, `toJSON` or getters of objects.
 */
export function show(v: unknown, max = 80): string {
  if (typeof v === 'string') return JSON.stringify(v.length > max ? `${v.slice(0, max)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return `${v}`;
  if (v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

const NOT_PLAIN = Symbol('not plain JSON');

/**
 * @internal A deep copy, equal to `structuredClone(value)`, made by a plain walk when `value` is a tree of plain objects,
 * dense arrays and primitives (what JSON gives) — several times faster than structuredClone's serialization. Anything
 * else (a shared or cyclic object, a class instance, a Date, a Map, a typed array, a sparse or decorated array, a
 * function, a symbol, an own `__proto__` key, a very deep tree) is left to structuredClone itself, errors included.
 */
export function cloneJson<T>(value: T): T {
  const seen = new Set<object>();
  const walk = (v: unknown, depth: number): unknown => {
    if (typeof v !== 'object' || v === null) {
      if (typeof v === 'function' || typeof v === 'symbol') throw NOT_PLAIN;
      return v;
    }
    if (depth > 1000 || seen.has(v)) throw NOT_PLAIN;
    seen.add(v);
    const proto = Object.getPrototypeOf(v);
    if (Array.isArray(v)) {
      if (proto !== Array.prototype) throw NOT_PLAIN;
      const n = v.length;
      const out = new Array<unknown>(n);
      for (let i = 0; i < n; i++) {
        if (!(i in v)) throw NOT_PLAIN;
        out[i] = walk(v[i], depth + 1);
      }
      if (Object.keys(v).length !== n) throw NOT_PLAIN;
      return out;
    }
    if (proto !== Object.prototype && proto !== null) throw NOT_PLAIN;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v)) {
      if (k === '__proto__') throw NOT_PLAIN;
      out[k] = walk((v as Record<string, unknown>)[k], depth + 1);
    }
    return out;
  };
  try {
    return walk(value, 0) as T;
  } catch (err) {
    if (err !== NOT_PLAIN) throw err;
    return structuredClone(value);
  }
}

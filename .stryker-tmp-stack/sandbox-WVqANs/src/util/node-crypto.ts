/**
 * node:crypto when the runtime has it, reached at run time through `process.getBuiltinModule` (Node ≥ 20.16, Deno,
 * Bun) — never through a static `import`, so the browser verify entry (`src/verify-entry.ts`) has no Node built-in in
 * its graph (test/browser/bundle.test.ts). Browsers, workers without `process` and older Node get `undefined`; callers
 * then use WebCrypto or the pure-JS `@noble/*` code.
 */
// @ts-nocheck

import type * as NodeCryptoModule from 'node:crypto';

/** @internal The node:crypto module type (type only: erased at build time). */
export type NodeCrypto = typeof NodeCryptoModule;

let cached: NodeCrypto | null | undefined;
let disabled = false;

/** @internal node:crypto, or `undefined` where the runtime has none (or {@link setNodeCryptoDisabled} switched it off). */
export function nodeCrypto(): NodeCrypto | undefined {
  if (disabled) return undefined;
  if (cached === undefined) {
    cached = null;
    try {
      const p = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
      const m = typeof p?.getBuiltinModule === 'function' ? (p.getBuiltinModule('node:crypto') as NodeCrypto | undefined) : undefined;
      if (m && typeof m.createHash === 'function' && typeof m.sign === 'function' && typeof m.verify === 'function') cached = m;
    } catch {
      cached = null;
    }
  }
  return cached ?? undefined;
}

/** @internal Tests and benchmarks: behave as if node:crypto were absent (`true`), or look for it again (`false`). */
export function setNodeCryptoDisabled(off: boolean): void {
  disabled = off;
}

/** @internal SHA-256 of `data` through node:crypto's synchronous createHash, or `undefined` without node:crypto. */
export function nodeSha256(data: Uint8Array | string): Uint8Array | undefined {
  const c = nodeCrypto();
  if (!c) return undefined;
  const h = c.createHash('sha256');
  if (typeof data === 'string') h.update(data, 'utf8');
  else h.update(data);
  const d = h.digest();
  return new Uint8Array(d.buffer, d.byteOffset, d.length);
}

/** A message digest as rdf-canonize takes it (`update(string)`, `digest()` → hex). */
interface HexDigest {
  update(msg: string): void;
  digest(): string;
}

/**
 * @internal rdf-canonize's SHA-256 message digest made cheaper: the pieces (whole N-Quads, positions, `<predicate>`s,
 * blank node ids, hex hashes — none ends inside a UTF-16 surrogate pair) are joined and hashed once by node:crypto's
 * one-shot `hash` (Node ≥ 20.12), instead of a Hash object per blank node. The same bytes hashed, the same hex digest.
 * `undefined` where node:crypto or its `hash` is absent (rdf-canonize's own digest is used).
 */
export function sha256HexDigestFactory(): (() => HexDigest) | undefined {
  const c = nodeCrypto() as (NodeCrypto & { hash?: (algorithm: string, data: string, encoding: 'hex') => string }) | undefined;
  const hash = c?.hash;
  if (typeof hash !== 'function') return undefined;
  return () => {
    let s = '';
    return {
      update(msg: string) {
        s += msg;
      },
      digest: () => hash('sha256', s, 'hex'),
    };
  };
}

// @ts-nocheck
import { DocumentLoaderError } from '../errors.js';
import type { Fetcher } from './loader.js';
import { checkFetchUrl, checkResolved, type HostResolver } from './url-guard.js';

/**
 * Options of {@link createGuardedFetch}.
 * @example
 * ```ts
 * const opts: GuardedFetchOptions = { maxRedirects: 2, timeoutMs: 5_000, maxBytes: 1 << 20 };
 * ```
 */
export interface GuardedFetchOptions {
  /** The WHATWG `fetch` to use (default `globalThis.fetch`). It is always called with `redirect: 'manual'`. */
  fetch?: (url: string, init: { redirect: 'manual'; signal?: AbortSignal; headers: Record<string, string> }) => Promise<Response>;
  /** Resolve each hop's host name; every address must be public (see {@link isPublicAddress}). */
  resolve?: HostResolver;
  /** Redirects followed, each one checked like the first URL (default 3). */
  maxRedirects?: number;
  /** Per request (default 10,000 ms). */
  timeoutMs?: number;
  /** Largest body read (default 5 MiB). */
  maxBytes?: number;
  /** Called with every URL requested, redirects included (auditing: list what was fetched). */
  onFetch?: (url: string) => void;
}

const refused = (url: string, why: string) => new DocumentLoaderError('ERR_DOCUMENT_URL_REFUSED', `refusing to fetch ${url}: ${why}`, { details: { url } });
const failed = (url: string, why: string) => new DocumentLoaderError('ERR_DOCUMENT_FETCH_FAILED', `fetching ${url} failed: ${why}`, { details: { url } });

/**
 * A {@link Fetcher} for {@link verifyCredential}'s `fetch` option that applies the SSRF guard to **every hop**: it
 * never lets the underlying `fetch` follow redirects (`redirect: 'manual'`), checks each URL (https, public host,
 * normalised spelling) and, with `resolve`, each host's addresses before requesting it; bounded in redirects, time and
 * body size. The remaining gap is DNS rebinding between `resolve` and the connection `fetch` opens itself.
 * @example
 * ```ts
 * import { lookup } from 'node:dns/promises';
 * const fetch = createGuardedFetch({ resolve: async (h) => (await lookup(h, { all: true })).map((a) => a.address) });
 * const report = await verifyCredential(badge, { fetch });
 * ```
 */
export function createGuardedFetch(opts: GuardedFetchOptions = {}): Fetcher {
  const maxRedirects = opts.maxRedirects ?? 3;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const maxBytes = opts.maxBytes ?? 5 * 1024 * 1024;
  return async (url: string) => {
    const f = opts.fetch ?? (globalThis.fetch as unknown as NonNullable<GuardedFetchOptions['fetch']>);
    if (typeof f !== 'function') throw failed(url, 'no fetch available');
    let current = url;
    for (let hop = 0; ; hop++) {
      const why = checkFetchUrl(current);
      if (why) throw refused(current, why);
      if (opts.resolve) {
        const bad = await checkResolved(current, opts.resolve);
        if (bad) throw refused(current, bad);
      }
      opts.onFetch?.(current);
      // Stryker disable next-line ConditionalExpression,OptionalChaining: equivalent where tests run (Node 20 has AbortSignal.timeout); the guard is for older runtimes
      const signal = typeof AbortSignal?.timeout === 'function' ? AbortSignal.timeout(timeoutMs) : undefined;
      const res = await f(current, { redirect: 'manual', ...(signal ? { signal } : {}), headers: { accept: 'application/ld+json, application/json;q=0.9, */*;q=0.1' } });
      if (res.type === 'opaqueredirect') throw refused(current, 'the response is a redirect this runtime hides (opaque redirect)');
      if (res.status >= 300 && res.status < 400) {
        const loc = res.headers.get('location');
        if (!loc) throw failed(current, `HTTP ${res.status} without a Location`);
        if (hop >= maxRedirects) throw failed(url, `more than ${maxRedirects} redirects`);
        let next: string;
        try {
          next = new URL(loc, current).href;
        } catch {
          throw failed(current, 'redirect to an invalid URL');
        }
        current = next;
        continue;
      }
      if (!res.ok) throw failed(current, `HTTP ${res.status}`);
      const declared = Number(res.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > maxBytes) throw failed(current, `body of ${declared} bytes is larger than ${maxBytes}`);
      if (!res.body) return res.text();
      const reader = res.body.getReader();
      const chunks: Uint8Array[] = [];
      let n = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        n += value.byteLength;
        if (n > maxBytes) {
          await reader.cancel().catch(() => undefined);
          throw failed(current, `body larger than ${maxBytes} bytes`);
        }
        chunks.push(value);
      }
      const all = new Uint8Array(n);
      let o = 0;
      for (const c of chunks) {
        all.set(c, o);
        o += c.byteLength;
      }
      return new TextDecoder('utf-8').decode(all);
    }
  };
}

// @ts-nocheck
import { DocumentLoaderError } from '../errors.js';
import { didKeyDocument, ecdsaDidKey } from '../keys/did-key-core.js';
import { didWebToUrl } from '../keys/did-web.js';
import { keyContextFor } from '../keys/controller-document.js';
import { BUNDLED_CONTEXTS } from './contexts.js';
import { checkFetchUrl, checkResolved, type HostResolver } from './url-guard.js';
import { ensureJsonldFastPath } from './fast.js';
import { loadEcdsaKeys } from '../proofs/load.js';

/**
 * A JSON-LD document loader (`jsonld.js` shape).
 * @example
 * ```ts
 * const { document } = await loader('https://www.w3.org/ns/credentials/v2');
 * ```
 */
export type DocumentLoader = (url: string) => Promise<{ contextUrl: null; documentUrl: string; document: unknown }>;

/**
 * How a caller reaches the network, if at all: given a URL, return the parsed JSON document (or its text).
 * @example
 * ```ts
 * const fetcher: Fetcher = async (url) => (await fetch(url)).json();
 * ```
 */
export type Fetcher = (url: string) => Promise<unknown>;

/**
 * Options of {@link createDocumentLoader}.
 * @example
 * ```ts
 * const opts: DocumentLoaderOptions = { documents: { 'did:web:uni.example': didDoc } };
 * ```
 */
export interface DocumentLoaderOptions {
  /** Offline copies by URL or DID: DID documents, status list credentials, extra contexts. Values: objects or JSON text. */
  documents?: Record<string, unknown> | Map<string, unknown>;
  /** The only way to reach the network. Absent = fully offline. */
  fetch?: Fetcher;
  /**
   * Let `fetch` see URLs that are not https, or whose host is a loopback / private / link-local IP literal
   * (default false: such URLs are refused before `fetch` is called, a guard against server-side request forgery).
   */
  allowUnsafeUrls?: boolean;
  /**
   * Resolve host names before every fetch: each address must be public, else the URL is refused
   * (`ERR_DOCUMENT_URL_REFUSED`). Without it only the URL's spelling is checked, and a public name that points at an
   * internal address reaches `fetch`. A `fetch` that follows redirects must check every hop itself: use
   * {@link createGuardedFetch}, which does (and resolves with this same hook).
   */
  resolve?: HostResolver;
  /** Called with every URL the loader is asked for (auditing, tests). */
  onLoad?: (url: string, source: 'bundled' | 'documents' | 'did:key' | 'fetch') => void;
}

/** @internal Is this URL safe to hand to a caller's fetch (https, a public host; see checkFetchUrl)? */
export function isSafeFetchUrl(url: string): boolean {
  return checkFetchUrl(url) === undefined;
}

function parse(url: string, value: unknown): unknown {
  // a compact JWS (e.g. a VC-JWT status list credential) is handed on as text
  if (typeof value === 'string' && /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(value.trim())) return value.trim();
  if (typeof value === 'string') {
    try {
      return JSON.parse(value);
    } catch (cause) {
      throw new DocumentLoaderError('ERR_DOCUMENT_INVALID', `document for ${url} is not valid JSON`, { cause, details: { url } });
    }
  }
  return value;
}

function findInDidDocument(doc: unknown, didUrl: string): unknown {
  // a primitive document has none of these properties (and no method): only null / undefined need replacing
  const d = (doc ?? {}) as Record<string, unknown>;
  const frag = didUrl.slice(didUrl.indexOf('#'));
  for (const rel of ['verificationMethod', 'assertionMethod', 'authentication', 'capabilityInvocation', 'capabilityDelegation']) {
    const arr = d[rel];
    if (!Array.isArray(arr)) continue;
    for (const vm of arr) {
      // a string (a reference) or a number has no id property: only a node can match
      const id = (vm as { id?: unknown } | null | undefined)?.id;
      if (id === didUrl || id === frag) {
        const out: Record<string, unknown> = { ...(vm as object), id: didUrl };
        // the context the key's type needs, never the DID document's copied blindly (DID v1 + DI v1 does not define Multikey)
        out['@context'] = keyContextFor(vm as Record<string, unknown>, d['@context']);
        if (!out.controller) out.controller = d.id;
        return out;
      }
    }
  }
  return undefined;
}

/**
 * Create the offline JSON-LD document loader: bundled contexts, `did:key` resolved from the key itself, anything else
 * only from `documents` or through an explicit `fetch`. An unknown URL throws {@link DocumentLoaderError}
 * (`ERR_DOCUMENT_NOT_FOUND`, `details.url`). `did:web` DIDs are looked up in `documents` by DID or by their
 * `https://…/did.json` URL, then through `fetch`.
 * @example
 * ```ts
 * const loader = createDocumentLoader({ documents: { 'did:web:uni.example': didDocument } });
 * const { document } = await loader('did:web:uni.example#key-1'); // the verification method
 * ```
 */
export function createDocumentLoader(opts: DocumentLoaderOptions = {}): DocumentLoader {
  ensureJsonldFastPath(); // every jsonld call credstack makes goes through a loader made here
  const docs = opts.documents instanceof Map ? opts.documents : new Map(Object.entries(opts.documents ?? {}));
  const fetcher = opts.fetch;
  const onLoad = opts.onLoad;
  const fetched = new Map<string, Promise<unknown>>();

  const result = (url: string, document: unknown) => ({ contextUrl: null, documentUrl: url, document });

  async function viaFetch(url: string, reason: string): Promise<unknown> {
    if (!fetcher) {
      throw new DocumentLoaderError('ERR_DOCUMENT_NOT_FOUND', `${reason}: ${url} is not bundled and not in \`documents\`; pass it in \`documents\` (offline) or give an explicit \`fetch\``, { details: { url } });
    }
    if (!opts.allowUnsafeUrls) {
      const why = checkFetchUrl(url);
      if (why) throw new DocumentLoaderError('ERR_DOCUMENT_URL_REFUSED', `refusing to fetch ${url}: ${why}; only https URLs to public hosts are fetched (set allowUnsafeUrls to override)`, { details: { url } });
      if (opts.resolve) {
        const bad = await checkResolved(url, opts.resolve);
        if (bad) throw new DocumentLoaderError('ERR_DOCUMENT_URL_REFUSED', `refusing to fetch ${url}: ${bad}`, { details: { url } });
      }
    }
    let p = fetched.get(url);
    if (!p) {
      p = Promise.resolve()
        .then(() => fetcher(url))
        .then((d) => parse(url, d));
      fetched.set(url, p);
    }
    try {
      const d = await p;
      onLoad?.(url, 'fetch');
      return d;
    } catch (cause) {
      if (cause instanceof DocumentLoaderError) throw cause;
      throw new DocumentLoaderError('ERR_DOCUMENT_FETCH_FAILED', `fetching ${url} failed: ${(cause as Error)?.message ?? cause}`, { cause, details: { url } });
    }
  }

  return async function documentLoader(url: string) {
    if (typeof url !== 'string' || url.length > 4096) {
      throw new DocumentLoaderError('ERR_DOCUMENT_NOT_FOUND', 'document URL must be a string of at most 4096 characters', { details: { url: String(url).slice(0, 200) } });
    }
    // 1. caller-provided documents win (lets a caller pin a different copy)
    if (docs.has(url)) {
      onLoad?.(url, 'documents');
      return result(url, parse(url, docs.get(url)));
    }
    // 2. bundled contexts: a synchronous map lookup
    const b = BUNDLED_CONTEXTS.get(url);
    if (b !== undefined) {
      onLoad?.(url, 'bundled');
      return result(url, b);
    }
    // 3. DIDs
    if (url.startsWith('did:key:')) {
      let decodeEcdsa: (mb: string) => unknown = () => undefined;
      if (ecdsaDidKey(url)) {
        // P-256/P-384 keys: the curve module (@noble/curves) is a chunk loaded on first use; without it the key is not
        // resolved (the proof then fails, never passes)
        try {
          decodeEcdsa = (await loadEcdsaKeys()).decodeEcdsaPublicKeyMultibase;
        } catch (cause) {
          throw new DocumentLoaderError('ERR_DOCUMENT_NOT_FOUND', `cannot resolve ${url}: the P-256/P-384 key support could not be loaded`, { cause, details: { url } });
        }
      }
      const d = didKeyDocument(url, decodeEcdsa);
      if (!d) throw new DocumentLoaderError('ERR_DOCUMENT_NOT_FOUND', `cannot resolve ${url}: not a valid Ed25519 did:key`, { details: { url } });
      onLoad?.(url, 'did:key');
      return result(url, d);
    }
    if (url.startsWith('did:web:')) {
      const did = url.split('#')[0]!;
      let doc: unknown;
      if (docs.has(did)) {
        doc = parse(did, docs.get(did));
        onLoad?.(did, 'documents');
      } else {
        let httpsUrl: string;
        try {
          httpsUrl = didWebToUrl(did);
        } catch (cause) {
          throw new DocumentLoaderError('ERR_DOCUMENT_NOT_FOUND', `malformed did:web ${did}`, { cause, details: { url } });
        }
        doc = docs.has(httpsUrl) ? parse(httpsUrl, docs.get(httpsUrl)) : await viaFetch(httpsUrl, `DID document for ${did}`);
      }
      // a primitive has no id: only null / undefined need the optional chain
      if ((doc as { id?: unknown } | null | undefined)?.id !== did) {
        throw new DocumentLoaderError('ERR_DOCUMENT_INVALID', `DID document for ${did} has a different id`, { details: { url } });
      }
      if (url.includes('#')) {
        const vm = findInDidDocument(doc, url);
        if (!vm) throw new DocumentLoaderError('ERR_DOCUMENT_NOT_FOUND', `${url} is not in the DID document of ${did}`, { details: { url } });
        return result(url, vm);
      }
      return result(url, doc);
    }
    if (url.startsWith('did:')) {
      // a DID URL's method from the DID document in `documents` (a DID without fragment that is there was returned in
      // step 1; a DID that is not there has no document: findInDidDocument(undefined) finds nothing)
      const did = url.split('#')[0]!;
      const vm = findInDidDocument(parse(did, docs.get(did)), url);
      if (vm) return result(url, vm);
      throw new DocumentLoaderError('ERR_DOCUMENT_NOT_FOUND', `unsupported DID method for ${url}: pass its DID document in \`documents\``, { details: { url } });
    }
    // 4. anything else only through an explicit fetch
    return result(url, await viaFetch(url, 'unknown document'));
  };
}

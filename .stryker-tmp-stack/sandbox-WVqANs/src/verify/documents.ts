// @ts-nocheck
import { DocumentLoaderError } from '../errors.js';
import { BUNDLED_CONTEXTS } from '../jsonld/contexts.js';
import type { DocumentLoader } from '../jsonld/loader.js';

/**
 * @internal One document cache per verification, and a bound on the distinct documents each credential may load.
 * Bundled contexts (a map lookup) and did:key (derived from the key itself) are neither cached here nor counted; every
 * other URL (DID / controller documents, status lists, extra contexts from `documents` or `fetch`) is counted once per
 * document (the URL without its fragment). `fork()` gives a loader over the same cache with a fresh budget (of `max`
 * documents unless told another: a presentation's envelope scales it with the credentials it may hold).
 */
export function boundedLoader(inner: DocumentLoader, max: number): { loader: DocumentLoader; fork: (budget?: number) => DocumentLoader } {
  const cache = new Map<string, ReturnType<DocumentLoader>>();
  const make = (budget = max): DocumentLoader => {
    const seen = new Set<string>();
    return async (url: string) => {
      if (typeof url !== 'string' || BUNDLED_CONTEXTS.has(url) || url.startsWith('did:key:')) return inner(url);
      const hash = url.indexOf('#');
      const doc = hash < 0 ? url : url.slice(0, hash);
      if (!seen.has(doc)) {
        if (seen.size >= budget) {
          throw new DocumentLoaderError('ERR_DOCUMENT_LIMIT', `more than ${budget} documents for one credential (option maxDocuments): ${url.slice(0, 200)} was not loaded`, { details: { url: url.slice(0, 200) } });
        }
        seen.add(doc);
      }
      let p = cache.get(url);
      if (!p) {
        p = inner(url);
        p.catch(() => undefined); // a failed load is remembered (same answer within one verification), never unhandled
        cache.set(url, p);
      }
      return p;
    };
  };
  return { loader: make(), fork: (budget?: number) => make(budget) };
}

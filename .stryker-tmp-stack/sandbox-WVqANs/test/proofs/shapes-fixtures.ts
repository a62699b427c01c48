// @ts-nocheck
// Shared by the rule tests of src/proofs/shapes.ts (shapes-rules.test.ts, shapes-rules-2.test.ts): hand-written
// contexts served by a stub loader, the stock jsonld / rdf-canonize oracle, and `run` / `seq`, which compare the shaped
// path with stock jsonld on the same document.
import jsonld from 'jsonld';
import * as rdfCanonize from 'rdf-canonize';
import { expect } from 'vitest';
import { datasetOfExpansion, SHAPE_STATS, shaped, type RdfMode } from '../../src/proofs/shapes.js';

export const V = 'https://v.example/';
export const XSD = 'http://www.w3.org/2001/XMLSchema#';
export const C = 'https://ctx.example/s';
export const C2 = 'https://ctx.example/t';
export const TERMS = {
  id: '@id',
  type: '@type',
  kind: '@type',
  name: `${V}name`,
  n: `${V}n`,
  ref: { '@id': `${V}ref`, '@type': '@id' },
  pick: { '@id': `${V}pick`, '@type': '@vocab' },
  dbl: { '@id': `${V}dbl`, '@type': `${XSD}double` },
  js: { '@id': `${V}js`, '@type': '@json' },
  lst: { '@id': `${V}lst`, '@container': '@list' },
  label: { '@id': `${V}label`, '@language': 'en' },
  lang: { '@id': `${V}lang`, '@container': '@language' },
  typed: { '@id': `${V}typed`, '@type': `${V}Custom` },
  child: `${V}child`,
  Thing: `${V}Thing`,
  Other: `${V}Other`,
  termOne: `${V}termOne`,
  'did:example:magic': { '@id': 'did:example:magic' },
};
export type Doc = Record<string, unknown>;
export type Loader = (url: string) => Promise<{ contextUrl: null; documentUrl: string; document: unknown }>;
/** A stub loader over a table of documents (copied on each load unless frozen: frozen ones are served as they are). */
export function stub(table: Record<string, unknown>, log?: string[]): Loader {
  return async (url: string) => {
    log?.push(url);
    if (!(url in table)) throw new Error(`no document ${url}`);
    const d = table[url];
    return { contextUrl: null, documentUrl: url, document: Object.isFrozen(d) ? d : structuredClone(d) };
  };
}
export const loader = stub({ [C]: { '@context': TERMS }, [C2]: { '@context': { extra: `${V}extra` } } });

export const opts = (l: Loader, mode: RdfMode) => ({ documentLoader: l as never, safe: true, base: null, ...(mode === 'i18n-datatype' ? { rdfDirection: 'i18n-datatype' } : {}) });
export async function stock(doc: unknown, l: Loader, mode: RdfMode): Promise<{ expanded: string; nq: string } | 'ERR'> {
  try {
    const expanded = await jsonld.expand(structuredClone(doc) as never, opts(l, mode) as never);
    const nq = await jsonld.canonize(structuredClone(doc) as never, { algorithm: 'RDFC-1.0', ...opts(l, mode) } as never);
    return { expanded: JSON.stringify(expanded), nq };
  } catch {
    return 'ERR';
  }
}
export const canon = (ds: unknown) => rdfCanonize.canonize(ds as never, { algorithm: 'RDFC-1.0' } as never) as Promise<string>;

/** shaped(): 'compiled' / 'hit' (then the dataset and expansion equal stock jsonld's) or the fallback reason. */
export async function run(doc: unknown, l: Loader = loader, mode: RdfMode = 'i18n-datatype'): Promise<string> {
  const { hits, compiled } = SHAPE_STATS;
  const before = { ...SHAPE_STATS.fallbacks };
  const s = await shaped(doc, l as never, mode);
  const changed = Object.keys(SHAPE_STATS.fallbacks).filter((k) => SHAPE_STATS.fallbacks[k] !== before[k]);
  if (s) {
    expect(changed).toEqual([]);
    const ref = await stock(doc, l, mode);
    expect(ref).not.toBe('ERR');
    if (ref === 'ERR') return 'ERR';
    expect(await canon(s.dataset)).toBe(ref.nq);
    expect(JSON.stringify(s.expanded)).toBe(ref.expanded);
    expect(datasetOfExpansion(s.expanded, mode)).toBe(s.dataset);
    if (SHAPE_STATS.compiled === compiled + 1 && SHAPE_STATS.hits === hits) return 'compiled';
    expect(SHAPE_STATS.compiled).toBe(compiled);
    expect(SHAPE_STATS.hits).toBe(hits + 1);
    return 'hit';
  }
  expect(SHAPE_STATS.hits).toBe(hits);
  expect(changed.length).toBe(1);
  expect(SHAPE_STATS.fallbacks[changed[0]!]).toBe((before[changed[0]!] ?? 0) + 1);
  return changed[0]!;
}
/** The outcomes of documents made from each value in turn (the first two: a sighting, then compiled). */
export async function seq(make: (v: string) => Doc, values: string[], l: Loader = loader, mode: RdfMode = 'i18n-datatype'): Promise<string[]> {
  const out: string[] = [];
  for (const v of values) out.push(await run(make(v), l, mode));
  return out;
}

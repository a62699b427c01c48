// @ts-nocheck
// Runs the W3C JSON-LD 1.1 API test suite (expand, compact + toRdf manifests, test/fixtures/json-ld-api/) offline against the
// jsonld.js module instance of this process. Used by test/jsonld-suite/suite.test.ts (fast path on) and by
// scripts/jsonld-suite-stock.ts (stock jsonld, writes the committed reference outcomes).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import jsonld from 'jsonld';
import * as rdfCanonize from 'rdf-canonize';

type Manifest = 'expand' | 'compact' | 'toRdf';
export const SUITE_BASE = 'https://w3c.github.io/json-ld-api/tests/';
const DIR = fileURLToPath(new URL('../fixtures/json-ld-api/', import.meta.url));

/** Tests not run, with the reason (everything the manifests list that needs more than files served by URL). */
export const SKIPPED: Record<string, string> = {};

export interface Outcome {
  /** pass/fail against the manifest's expectation, or skip (see SKIPPED) */
  result: 'pass' | 'fail' | 'skip';
  /** sha-256 of the exact output: JSON.stringify of the expansion, the N-Quads text, or the error's name + code */
  digest: string;
}

interface Test {
  '@id': string;
  '@type': string[];
  input: string;
  expect?: string;
  context?: string;
  expectErrorCode?: string;
  option?: Record<string, unknown>;
}

function read(rel: string): string {
  return readFileSync(DIR + rel, 'utf8');
}

/** Serves the fixture files for their https://w3c.github.io/json-ld-api/tests/ URLs (fresh parse per load). */
export async function suiteLoader(url: string): Promise<{ contextUrl: null; documentUrl: string; document: unknown }> {
  if (typeof url !== 'string' || !url.startsWith(SUITE_BASE)) throw new Error(`offline: ${url} is not a suite file`);
  const rel = url.slice(SUITE_BASE.length).split(/[?#]/)[0]!;
  if (!/^(expand|compact|toRdf)(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)+$/.test(rel) || !/\.json(ld)?$/.test(rel)) throw new Error(`offline: ${url} is not a suite JSON file`);
  let text: string;
  try {
    text = read(rel);
  } catch {
    throw new Error(`offline: no fixture for ${url}`);
  }
  return { contextUrl: null, documentUrl: url, document: JSON.parse(text) };
}

/** The manifests' tests, in manifest order, as [manifest, test]. */
export function suiteTests(): Array<[Manifest, Test]> {
  const out: Array<[Manifest, Test]> = [];
  for (const m of ['expand', 'compact', 'toRdf'] as const) {
    const manifest = JSON.parse(read(`${m}-manifest.jsonld`)) as { sequence: Test[] };
    for (const t of manifest.sequence) out.push([m, t]);
  }
  return out;
}

export function testId(m: string, t: Test): string {
  return `${m}-manifest${t['@id']}`;
}

function sha(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

function errorCode(e: any): string {
  // jsonld puts the JSON-LD error code in details.code (sometimes on the cause of a wrapping error)
  return e?.details?.code ?? e?.details?.cause?.details?.code ?? e?.cause?.details?.code ?? e?.code ?? '';
}

/** Deep equality where JSON-LD arrays are unordered (as the suite's expansion expectations are compared). */
function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    const used = new Array<boolean>(b.length).fill(false);
    return a.every((x) => {
      const i = b.findIndex((y, j) => !used[j] && sameJson(x, y));
      if (i < 0) return false;
      used[i] = true;
      return true;
    });
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameJson((a as any)[k], (b as any)[k]));
  }
  return a === b;
}

async function canonicalNQuads(nquads: string): Promise<string> {
  const dataset = (rdfCanonize as any).NQuads.parse(nquads);
  return rdfCanonize.canonize(dataset, { algorithm: 'RDFC-1.0' });
}

/** Run one test; never throws. */
export async function runTest(m: Manifest, t: Test): Promise<Outcome> {
  const id = testId(m, t);
  if (SKIPPED[id]) return { result: 'skip', digest: '' };
  const opt = t.option ?? {};
  const url = SUITE_BASE + t.input;
  const options: Record<string, unknown> = { documentLoader: suiteLoader, base: typeof opt.base === 'string' ? opt.base : url };
  if (typeof opt.processingMode === 'string') options.processingMode = opt.processingMode;
  if (typeof opt.expandContext === 'string') options.expandContext = JSON.parse(read(opt.expandContext));
  if (m === 'toRdf') {
    options.format = 'application/n-quads';
    if (opt.produceGeneralizedRdf === true) options.produceGeneralizedRdf = true;
    if (typeof opt.rdfDirection === 'string') options.rdfDirection = opt.rdfDirection;
  }
  if (m === 'compact') {
    if (typeof opt.compactArrays === 'boolean') options.compactArrays = opt.compactArrays;
    if (typeof opt.compactToRelative === 'boolean') options.compactToRelative = opt.compactToRelative;
  }
  const negative = t['@type'].includes('jld:NegativeEvaluationTest');
  try {
    const input = JSON.parse(read(t.input));
    if (m === 'expand') {
      const out = await jsonld.expand(input, options);
      const digest = sha(JSON.stringify(out));
      if (negative || !t.expect) return { result: 'fail', digest };
      return { result: sameJson(out, JSON.parse(read(t.expect))) ? 'pass' : 'fail', digest };
    }
    if (m === 'compact') {
      const out = await jsonld.compact(input, JSON.parse(read(t.context!)), options);
      const digest = sha(JSON.stringify(out));
      if (negative || !t.expect) return { result: 'fail', digest };
      return { result: sameJson(out, JSON.parse(read(t.expect))) ? 'pass' : 'fail', digest };
    }
    const nq = (await jsonld.toRDF(input, options)) as string;
    const digest = sha(nq);
    if (negative) return { result: 'fail', digest };
    if (t['@type'].includes('jld:PositiveSyntaxTest') || !t.expect) return { result: 'pass', digest };
    const [a, b] = await Promise.all([canonicalNQuads(nq), canonicalNQuads(read(t.expect))]);
    return { result: a === b ? 'pass' : 'fail', digest };
  } catch (e: any) {
    const code = errorCode(e);
    const digest = sha(`error:${e?.name ?? ''}:${code}`);
    return { result: negative && code === t.expectErrorCode ? 'pass' : 'fail', digest };
  }
}

/** Run the tests (all, or those whose id `select` accepts) in manifest order. */
export async function runSuite(select: (id: string, index: number) => boolean = () => true): Promise<Record<string, Outcome>> {
  const out: Record<string, Outcome> = {};
  let i = 0;
  for (const [m, t] of suiteTests()) {
    const id = testId(m, t);
    if (select(id, i++)) out[id] = await runTest(m, t);
  }
  return out;
}

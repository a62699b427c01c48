import { BUNDLED_CONTEXTS } from '../../jsonld/contexts.js';
import type { Check } from '../report.js';

/**
 * Vocabularies whose terms the verifier, the status check, portfolios and stacking read from the JSON by their usual
 * names (validUntil, credentialStatus, issuer, achievement, creditsAvailable, workload …). A term defined elsewhere
 * that maps into one of them is an alias: the signature covers the same triples, but a JSON reader no longer sees them.
 */
const READ_NAMESPACES = [
  'https://www.w3.org/2018/credentials#',
  'https://www.w3.org/ns/credentials/status#',
  'https://w3id.org/security#',
  'https://w3id.org/vc/status-list#',
  'https://purl.imsglobal.org/spec/',
  'https://w3id.org/credstack/',
  'https://schema.org/',
  'http://schema.org/',
];
/** Context keywords that change how other contexts or relative ids are read (`@vocab` is checked like a term IRI). */
const CONTEXT_KEYWORDS_REFUSED = new Set(['@base', '@import', '@propagate']);
/** The only keywords a credential's JSON may use as keys (besides @context): those of value objects. */
const VALUE_OBJECT_KEYS = new Set(['@value', '@language', '@direction', '@type']);
const MAX_REPORT = 3;

/** `term IRI` pairs the bundled contexts define (copies of them, e.g. our CLR embedding context, are no aliases). */
let bundledTerms: Set<string> | undefined;
function isBundledTerm(term: string, iri: string): boolean {
  if (!bundledTerms) {
    const out = new Set<string>();
    const stack: unknown[] = [...BUNDLED_CONTEXTS.values()];
    while (stack.length) {
      const node = stack.pop();
      if (Array.isArray(node)) stack.push(...node);
      else if (node && typeof node === 'object') {
        for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
          const i = typeof v === 'string' ? v : v && typeof v === 'object' ? (v as Record<string, unknown>)['@id'] : undefined;
          if (typeof i === 'string') out.add(`${k} ${i}`);
          if (v && typeof v === 'object') stack.push(v);
        }
      }
    }
    bundledTerms = out;
  }
  return bundledTerms.has(`${term} ${iri}`);
}

/** Why a context definition (inline, or not bundled) is refused, or undefined. */
function lintContextDefinition(def: unknown, where: string, depth = 0, inherited: ReadonlyMap<string, string> = new Map()): string | undefined {
  if (depth > 16) return `${where}: context nested too deep`;
  if (def === null || typeof def === 'string') return undefined; // URL entries are checked where they are loaded
  if (Array.isArray(def)) {
    for (const d of def) {
      const bad = typeof d === 'string' ? undefined : lintContextDefinition(d, where, depth + 1, inherited);
      if (bad) return bad;
    }
    return undefined;
  }
  if (typeof def !== 'object') return undefined;
  // prefixes this definition (or an enclosing one) declares: compact IRIs are expanded with them before the alias test
  const prefixes = new Map(inherited);
  for (const [term, value] of Object.entries(def as Record<string, unknown>)) {
    const iri = typeof value === 'string' ? value : value && typeof value === 'object' ? (value as Record<string, unknown>)['@id'] : undefined;
    if (!term.startsWith('@') && typeof iri === 'string' && /^https?:\/\/\S+[/#]$/.test(iri)) prefixes.set(term, iri);
  }
  for (const [term, value] of Object.entries(def as Record<string, unknown>)) {
    if (CONTEXT_KEYWORDS_REFUSED.has(term)) return `${where} uses ${term}, which would change how the credential's terms are read`;
    if (term === '@vocab') {
      if (typeof value === 'string' && READ_NAMESPACES.some((ns) => value.startsWith(ns))) return `${where} sets @vocab to ${value}, a standard vocabulary`;
      continue;
    }
    if (term.startsWith('@')) continue;
    const raw = typeof value === 'string' ? value : value && typeof value === 'object' ? (value as Record<string, unknown>)['@id'] : undefined;
    if (typeof raw === 'string') {
      // expand a compact IRI with a declared prefix; an undeclared prefix could hide anything, so it is refused
      let iri = raw;
      const compact = /^([^/:@]+):(?!\/\/)(.*)$/.exec(raw);
      if (compact && !/^(urn|did)$/i.test(compact[1]!)) {
        const base = prefixes.get(compact[1]!);
        if (base === undefined) return `${where} defines "${term}" with the compact IRI ${raw}, whose prefix it does not declare`;
        iri = base + compact[2];
      }
      if (iri.startsWith('@') && !((term === 'id' && iri === '@id') || (term === 'type' && iri === '@type'))) {
        return `${where} defines "${term}" as an alias of the keyword ${iri}`;
      }
      // the same name for the same standard IRI (e.g. a copy of a term with another scoped context) is no alias,
      // nor is a prefix or a term a bundled context defines
      const local = iri.slice(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);
      if (local !== term && local !== '' && !isBundledTerm(term, raw) && !isBundledTerm(term, iri) && READ_NAMESPACES.some((ns) => iri.startsWith(ns))) {
        return `${where} defines "${term}" as an alias of ${iri}, a term of a standard vocabulary`;
      }
    }
    if (value && typeof value === 'object') {
      const v = value as Record<string, unknown>;
      if (v['@reverse'] !== undefined) return `${where} defines "${term}" as a reverse property`;
      if (v['@context'] !== undefined) {
        const bad = lintContextDefinition(v['@context'], `${where} (scoped context of "${term}")`, depth + 1, prefixes);
        if (bad) return bad;
      }
    }
  }
  return undefined;
}

/** Why the document body is refused (a key a JSON reader would not see as the term it is), or undefined. */
function lintBody(root: Record<string, unknown>): { problems: string[]; nested: Array<[unknown, string]> } {
  const problems: string[] = [];
  const nested: Array<[unknown, string]> = [];
  const stack: Array<[unknown, string]> = [[root, '$']];
  while (stack.length && problems.length < MAX_REPORT) {
    const [node, path] = stack.pop()!;
    if (Array.isArray(node)) {
      node.forEach((v, i) => {
        if (v && typeof v === 'object') stack.push([v, `${path}[${i}]`]);
      });
      continue;
    }
    if (!node || typeof node !== 'object') continue;
    const obj = node as Record<string, unknown>;
    const isValueObject = '@value' in obj;
    for (const [k, v] of Object.entries(obj)) {
      const p = `${path}[${JSON.stringify(k)}]`;
      if (k === '@context') {
        if (node !== root) nested.push([v, p]);
        continue;
      }
      if (k.startsWith('@') && !(isValueObject && VALUE_OBJECT_KEYS.has(k))) {
        problems.push(`${p}: the JSON-LD keyword ${k} is not accepted in a credential (use the plain terms id, type …)`);
        continue;
      }
      if (k.includes(':')) {
        problems.push(`${p}: a property given as an IRI is not accepted (use the term its @context defines)`);
        continue;
      }
      // embedded credentials (presentations, CLR) are verified on their own
      if (k === 'verifiableCredential') continue;
      if (v && typeof v === 'object') stack.push([v, p]);
    }
  }
  return { problems, nested };
}

/**
 * @internal What is signed must be what is read. A JSON-LD signature covers triples, not JSON keys: an alias (a property
 * written as an IRI, a keyword such as `@nest`/`@id`/`@included`, or a context term mapping to a standard IRI) keeps the
 * signature valid while code reading `validUntil`, `credentialStatus`, `id`, `creditsAvailable` … sees nothing.
 * Refuses such documents (`ERR_JSONLD_ALIAS`); `loaded` are the non-bundled context documents of the top-level @context.
 */
export function checkJsonLdShape(doc: Record<string, any>, loaded: Array<[string, unknown]>): Check | undefined {
  const fail = (message: string): Check => ({ id: 'context', status: 'failed', code: 'ERR_JSONLD_ALIAS', message });
  const raw = doc['@context'];
  for (const [i, c] of (Array.isArray(raw) ? raw : [raw]).entries()) {
    if (c && typeof c === 'object') {
      const bad = lintContextDefinition(c, `inline @context[${i}]`);
      if (bad) return fail(bad);
    }
  }
  for (const [url, d] of loaded) {
    const bad = lintContextDefinition(d && typeof d === 'object' ? (d as Record<string, unknown>)['@context'] : undefined, `context ${url.slice(0, 200)}`);
    if (bad) return fail(bad);
  }
  const { problems, nested } = lintBody(doc);
  if (problems.length) return fail(problems.join('; '));
  for (const [def, p] of nested) {
    const strings = (Array.isArray(def) ? def : [def]).filter((d): d is string => typeof d === 'string');
    const unknown = strings.find((s) => !BUNDLED_CONTEXTS.has(s));
    if (unknown) return fail(`${p}: a nested @context may only name bundled contexts (${unknown.slice(0, 120)})`);
    const bad = lintContextDefinition(def, p);
    if (bad) return fail(bad);
  }
  return undefined;
}

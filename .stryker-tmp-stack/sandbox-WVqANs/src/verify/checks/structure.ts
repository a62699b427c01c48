// @ts-nocheck
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';
import { base64 } from '@scure/base';
import { parseDigestMultibase } from '../../stacking/digest.js';
import type { Check } from '../report.js';

/**
 * One thing VC Data Model 2.0 forbids, found in a credential: a stable code, the JSON path and a message.
 * @example
 * ```ts
 * const p: StructureProblem = { code: 'ERR_TYPE_MISSING', path: '$.credentialSchema[0]', message: 'credentialSchema[0] has no type' };
 * ```
 */
export interface StructureProblem {
  code: string;
  path: string;
  message: string;
}

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const hasType = (o: Record<string, unknown>): boolean =>
  typeof o.type === 'string' ? o.type.length > 0 : Array.isArray(o.type) && o.type.length > 0 && o.type.every((t) => typeof t === 'string' && t.length > 0);

/** Properties whose every object VC 2.0 requires to carry a `type` (VC 2.0 §4.10 status, §4.11 schema, §5.4 refresh, §5.5 terms of use, §5.6 evidence). */
const TYPED = ['credentialStatus', 'credentialSchema', 'refreshService', 'termsOfUse', 'evidence'] as const;

/** Is this a URL (scheme + something)? */
const isUrl = (v: unknown): boolean => typeof v === 'string' && v.length <= 4096 && URL.canParse(v);

/**
 * The VC Data Model 2.0 structural rules a credential breaks (reads the JSON of the credential as given; never throws):
 * - `credentialStatus`, `credentialSchema`, `refreshService`, `termsOfUse`, `evidence`: every object MUST have a `type`
 *   (`ERR_TYPE_MISSING`); a `credentialSchema` MUST have an `id` that is a URL (`ERR_CREDENTIAL_SCHEMA_ID`);
 * - `relatedResource`: every entry an object (`ERR_RELATED_RESOURCE_INVALID`) with an `id` (`ERR_RELATED_RESOURCE_NO_ID`)
 *   that is unique among the entries (`ERR_RELATED_RESOURCE_DUPLICATE_ID`) and a `digestSRI` or `digestMultibase`
 *   (`ERR_RELATED_RESOURCE_NO_DIGEST`).
 * @example
 * ```ts
 * structureProblems({ ...credential, refreshService: { id: 'https://uni.example/refresh' } });
 * // [{ code: 'ERR_TYPE_MISSING', path: '$.refreshService', message: 'refreshService has no type (VC 2.0: …)' }]
 * ```
 */
export function structureProblems(cred: unknown): StructureProblem[] {
  const out: StructureProblem[] = [];
  if (!isObj(cred)) return out;
  for (const prop of TYPED) {
    const v = cred[prop];
    if (v === undefined) continue;
    const many = Array.isArray(v);
    list(v).forEach((o, i) => {
      const path = many ? `$.${prop}[${i}]` : `$.${prop}`;
      const name = many ? `${prop}[${i}]` : prop;
      if (!isObj(o)) {
        out.push({ code: 'ERR_TYPE_MISSING', path, message: `${name} must be an object with a type` });
        return;
      }
      if (!hasType(o)) out.push({ code: 'ERR_TYPE_MISSING', path, message: `${name} has no type (VC 2.0: each ${prop} MUST specify its type)` });
      if (prop === 'credentialSchema' && !isUrl(o.id)) {
        out.push({ code: 'ERR_CREDENTIAL_SCHEMA_ID', path: `${path}.id`, message: `${name} needs an id that is a URL identifying the schema (VC 2.0 §4.11)` });
      }
    });
  }
  const rr = cred.relatedResource;
  if (rr !== undefined) {
    const many = Array.isArray(rr);
    const seen = new Map<string, number>();
    list(rr).forEach((o, i) => {
      const path = many ? `$.relatedResource[${i}]` : '$.relatedResource';
      if (!isObj(o)) {
        out.push({ code: 'ERR_RELATED_RESOURCE_INVALID', path, message: `relatedResource entry ${i} must be an object with id and a digest` });
        return;
      }
      if (typeof o.id !== 'string' || o.id.length === 0) {
        out.push({ code: 'ERR_RELATED_RESOURCE_NO_ID', path: `${path}.id`, message: `relatedResource entry ${i} has no id (VC 2.0: "The identifier for the resource is REQUIRED")` });
      } else if (seen.has(o.id)) {
        out.push({ code: 'ERR_RELATED_RESOURCE_DUPLICATE_ID', path: `${path}.id`, message: `relatedResource entries ${seen.get(o.id)} and ${i} have the same id (VC 2.0: "The value MUST be unique among the list of related resource objects")` });
      } else seen.set(o.id, i);
      if (o.digestSRI === undefined && o.digestMultibase === undefined) {
        out.push({ code: 'ERR_RELATED_RESOURCE_NO_DIGEST', path, message: `relatedResource entry ${i} has neither digestSRI nor digestMultibase (VC 2.0: each "MUST contain at least a digestSRI or a digestMultibase value")` });
      }
    });
  }
  return out;
}

const SRI: Record<string, (b: Uint8Array) => Uint8Array> = { sha256, sha384, sha512 };
const MB: Record<string, (b: Uint8Array) => Uint8Array> = { 'sha2-256': sha256, 'sha2-384': sha384, 'sha2-512': sha512 };

const equal = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Each digest of an entry, as `{ label, expected, compute }`; `undefined` when one cannot be parsed. */
function digestsOf(entry: Record<string, unknown>): Array<{ label: string; expected: Uint8Array; fn: (b: Uint8Array) => Uint8Array }> | undefined {
  const out: Array<{ label: string; expected: Uint8Array; fn: (b: Uint8Array) => Uint8Array }> = [];
  for (const v of list(entry.digestSRI)) {
    if (typeof v !== 'string' || v.length > 2000) return undefined;
    // SRI §3.5: hash-expression = hash-algo "-" base64-value ["?" options]; several are separated by white space
    for (const expr of v.trim().split(/\s+/)) {
      const m = /^(sha256|sha384|sha512)-([A-Za-z0-9+/]+={0,2})(\?.*)?$/.exec(expr);
      if (!m) return undefined;
      let expected: Uint8Array;
      try {
        expected = base64.decode(m[2]!);
      } catch {
        return undefined;
      }
      out.push({ label: `digestSRI ${m[1]}`, expected, fn: SRI[m[1]!]! });
    }
  }
  for (const v of list(entry.digestMultibase)) {
    const parsed = parseDigestMultibase(v);
    if (!parsed) return undefined;
    out.push({ label: `digestMultibase ${parsed.algorithm}`, expected: parsed.digest, fn: MB[parsed.algorithm]! });
  }
  return out;
}

/** The bytes of a document handed in through `documents`: only text or bytes have bytes to hash. */
function bytesOf(doc: unknown): Uint8Array | undefined {
  if (typeof doc === 'string') return new TextEncoder().encode(doc);
  if (doc instanceof Uint8Array) return doc;
  return undefined;
}

/**
 * @internal The `structure` checks of a credential (one failed check per {@link structureProblems} entry, or one passed),
 * then a `digest` check for each `relatedResource` whose document is at hand in `documents`: VC 2.0 "MUST compute
 * the digest of the retrieved resource. If the digest provided by the issuer does not match the digest computed for
 * the retrieved resource, the conforming verifier implementation MUST produce an error."
 */
export function checkStructure(cred: Record<string, unknown>, documents?: Record<string, unknown> | Map<string, unknown>): Check[] {
  const problems = structureProblems(cred);
  const checks: Check[] = problems.map((p) => ({ id: 'structure', status: 'failed', code: p.code, message: p.message, target: p.path }));
  if (checks.length === 0 && [...TYPED, 'relatedResource'].some((k) => cred[k] !== undefined)) {
    checks.push({ id: 'structure', status: 'passed', message: 'status, schema, refresh, terms-of-use, evidence and related-resource entries are well formed' });
  }
  const docs = documents instanceof Map ? documents : new Map(Object.entries(documents ?? {}));
  const entries = list(cred.relatedResource);
  if (entries.length > 1000) return checks;
  entries.forEach((e, i) => {
    if (!isObj(e) || typeof e.id !== 'string' || !docs.has(e.id)) return;
    const target = `$.relatedResource[${i}]`;
    const id = e.id.slice(0, 200);
    const digests = digestsOf(e);
    if (!digests || digests.length === 0) {
      checks.push({ id: 'digest', status: 'failed', code: 'ERR_RELATED_RESOURCE_DIGEST_UNSUPPORTED', message: `${id}: digest not understood (digestSRI sha256/384/512, digestMultibase multihash sha2-256/384/512)`, target });
      return;
    }
    const bytes = bytesOf(docs.get(e.id));
    if (!bytes) {
      checks.push({ id: 'digest', status: 'skipped', code: 'SKIP_RELATED_RESOURCE_NOT_BYTES', message: `${id}: the document at hand is parsed JSON, not its bytes; pass it as text to check its digest`, target });
      return;
    }
    const bad = digests.filter((d) => !equal(d.fn(bytes), d.expected));
    if (bad.length) {
      checks.push({ id: 'digest', status: 'failed', code: 'ERR_RELATED_RESOURCE_DIGEST_MISMATCH', message: `${id}: the document at hand does not match the ${bad.map((d) => d.label).join(', ')} the issuer signed`, target });
    } else checks.push({ id: 'digest', status: 'passed', message: `${id}: ${digests.map((d) => d.label).join(', ')} match`, target });
  });
  return checks;
}

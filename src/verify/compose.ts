/**
 * Composed expansions: a presentation's JSON-LD expansion put together from its credentials' expansions instead of
 * expanding the whole presentation (every credential in it) a second time. Used only where the result is provably the
 * one `jsonld.expand` gives (`test/portfolio/shared-context.test.ts` compares both on the portfolio fixtures and on generated
 * presentations); anywhere else the callers expand as before.
 *
 * **Why it is exact.**
 * - A credential's expansion *with* its proofs, split into the claims' expansion (what the view and the proofs read):
 *   JSON-LD expands each key of a node on its own, so leaving out the `proof` key leaves out exactly what it
 *   contributed — the values of `sec:proof` — provided that (a) `proof` is not a term of the document's own top-level
 *   context (it could then alias `@type` and change the node's type-scoped contexts), so `proof` is VC 2.0's
 *   `VerifiableCredential`-scoped, protected `{ @id: sec:proof, @container: @graph }`; and (b) nothing else
 *   contributed to `sec:proof`: every proof is a `DataIntegrityProof` object whose keys are terms of VC 2.0's protected
 *   `DataIntegrityProof` scope (each expands to one node, never dropped), and `sec:proof` holds exactly that many
 *   graph objects.
 * - A presentation whose `@context` is exactly VC 2.0 and whose type is exactly `VerifiablePresentation`:
 *   `verifiableCredential` is then that type's protected `{ @id: cred:verifiableCredential, @container: @graph,
 *   @context: null }`, so each credential is expanded from the initial context — as it is on its own — and wrapped in
 *   a graph object. The presentation without `verifiableCredential` is expanded by jsonld.js (it is small); the
 *   credentials' expansions are added under `cred:verifiableCredential`, in order, when nothing else contributed there.
 */
import jsonld from 'jsonld';
import { VC_V2_CONTEXT } from '../jsonld/contexts.js';
import type { DocumentLoader } from '../jsonld/loader.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

const SEC_PROOF = 'https://w3id.org/security#proof';
const CRED_VC = 'https://www.w3.org/2018/credentials#verifiableCredential';
/** The terms of VC 2.0's `DataIntegrityProof` type-scoped context (all protected). */
const DI_TERMS = new Set(['id', 'type', 'challenge', 'created', 'cryptosuite', 'domain', 'expires', 'nonce', 'previousProof', 'proofPurpose', 'proofValue', 'verificationMethod']);
const MAX_SPLIT_PROOFS = 10;

const isVc2Only = (c: unknown): boolean => c === VC_V2_CONTEXT || (Array.isArray(c) && c.length === 1 && c[0] === VC_V2_CONTEXT);

let initial: Promise<unknown> | undefined;

/**
 * @internal Whether `v` is JSON as JSON.stringify writes it back exactly (no undefined, function, symbol, non-finite number, Date,
 * toJSON …). Iterative; its size is the document's, already bounded (src/verify/bounds.ts).
 */
export function plainJson(v: unknown): boolean {
  const stack: unknown[] = [v];
  while (stack.length) {
    const x = stack.pop();
    if (x === null || typeof x === 'string' || typeof x === 'boolean') continue;
    if (typeof x === 'number') {
      if (!Number.isFinite(x)) return false;
      continue;
    }
    if (typeof x !== 'object') return false;
    if (Array.isArray(x)) {
      if (Object.getPrototypeOf(x) !== Array.prototype) return false;
      for (let i = 0; i < x.length; i++) stack.push(x[i]);
      continue;
    }
    const proto = Object.getPrototypeOf(x);
    if (proto !== Object.prototype && proto !== null) return false;
    for (const k of Object.keys(x)) stack.push((x as Obj)[k]);
  }
  return true;
}

/** Upper bound of one call's answers by context text ({@link proofsSplittable}'s `contexts`). */
const MAX_CONTEXT_ANSWERS = 256;

/** Whether `proof` is not a term of the active context that `ctx` makes from the initial one. Never rejects. */
async function proofNotATerm(ctx: unknown, loader: DocumentLoader): Promise<boolean> {
  try {
    initial ??= jsonld.processContext(null as never, null, { base: null } as never).catch((err: unknown) => {
      initial = undefined; // a failure is not remembered: the next presentation tries again
      throw err;
    });
    const active = (await jsonld.processContext((await initial) as never, ctx as never, { documentLoader: loader as never, base: null } as never)) as { mappings?: Map<string, unknown> };
    return active.mappings instanceof Map && !active.mappings.has('proof');
  } catch {
    return false;
  }
}

/**
 * @internal The answers of {@link proofsSplittable} by context text for the call that owns `owner` (a presentation's
 * or portfolio's expansions map): its credentials often share one `@context`, processed once.
 */
export function contextAnswers(owner: object): Map<string, Promise<boolean>> {
  let m = CONTEXT_ANSWERS.get(owner);
  if (!m) CONTEXT_ANSWERS.set(owner, (m = new Map()));
  return m;
}
const CONTEXT_ANSWERS = new WeakMap<object, Map<string, Promise<boolean>>>();

/**
 * @internal Whether the expansion of `doc` with its proofs can be split exactly into the expansion of its claims
 * (see the module comment). `contexts`: answers already found in this call, by the `@context`'s JSON text (the same
 * text, the same loader's documents: the same active context), at most {@link MAX_CONTEXT_ANSWERS}. Never throws.
 */
export async function proofsSplittable(doc: Obj, loader: DocumentLoader, contexts?: Map<string, Promise<boolean>>): Promise<boolean> {
  try {
    const ctx = doc['@context'];
    if (list(ctx)[0] !== VC_V2_CONTEXT) return false;
    const types = list(doc.type);
    if (!types.every((t) => typeof t === 'string') || !types.includes('VerifiableCredential')) return false;
    const proofs = list(doc.proof);
    if (proofs.length === 0 || proofs.length > MAX_SPLIT_PROOFS) return false;
    for (const p of proofs) {
      if (!isObj(p) || p.type !== 'DataIntegrityProof' || Object.keys(p).some((k) => !DI_TERMS.has(k))) return false;
    }
    // `proof` must not be a term of the document's own context (resolved through the same loader and caches); a
    // context that is not plain JSON is processed every time (its text would not say all of it)
    const key = contexts && plainJson(ctx) ? JSON.stringify(ctx) : undefined;
    const known = key === undefined ? undefined : contexts!.get(key);
    if (known) return await known;
    const answer = proofNotATerm(ctx, loader);
    if (key !== undefined && contexts!.size < MAX_CONTEXT_ANSWERS) contexts!.set(key, answer);
    return await answer;
  } catch {
    return false;
  }
}

/**
 * @internal The claims' expansion out of the expansion with proofs (`full`) of a document with `n` proofs for which
 * {@link proofsSplittable} holds; undefined when `sec:proof` does not hold exactly the `n` proof graphs.
 */
export function splitProofs(full: unknown, n: number): unknown[] | undefined {
  if (!Array.isArray(full) || full.length !== 1 || !isObj(full[0])) return undefined;
  const node = full[0];
  const proofs = node[SEC_PROOF];
  if (!Array.isArray(proofs) || proofs.length !== n) return undefined;
  const graphs = proofs.every((g) => isObj(g) && Object.keys(g).length === 1 && Array.isArray(g['@graph']) && g['@graph'].length === 1 && isObj(g['@graph'][0]));
  if (!graphs) return undefined;
  const { [SEC_PROOF]: _proofs, ...claims } = node;
  return [claims];
}

/**
 * @internal Whether a presentation is of the shape whose expansion {@link composePresentationExpansion} composes (see
 * the module comment): `@context` exactly VC 2.0, type exactly `VerifiablePresentation`, every `verifiableCredential`
 * entry an object. Its callers keep the credentials' expansions with proofs only then: a CLR, or any other
 * presentation, is expanded on its own, and nothing would read them.
 */
export function presentationComposable(vp: Obj): boolean {
  if (!isVc2Only(vp['@context'])) return false;
  if (!(vp.type === 'VerifiablePresentation' || (Array.isArray(vp.type) && vp.type.length === 1 && vp.type[0] === 'VerifiablePresentation'))) return false;
  return list(vp.verifiableCredential).every(isObj);
}

/**
 * @internal The expansion of a presentation without its proof, composed from the expansions with proofs of its
 * credentials (`fullOf(entry)`, undefined when not known): undefined when the presentation is not of the shape where
 * this is exact (see the module comment) or an expansion is missing. Throws what jsonld.expand throws on the
 * presentation's own part.
 */
export async function composePresentationExpansion(vp: Obj, fullOf: (entry: unknown) => unknown[] | undefined, loader: DocumentLoader): Promise<unknown[] | undefined> {
  if (!presentationComposable(vp)) return undefined;
  const entries = list(vp.verifiableCredential);
  const fulls: unknown[] = [];
  for (const e of entries) {
    const f = fullOf(e);
    if (!Array.isArray(f) || f.length !== 1 || !isObj(f[0])) return undefined;
    fulls.push(f[0]);
  }
  const { proof: _proof, verifiableCredential: _vcs, ...shell } = vp;
  const expanded = await jsonld.expand(shell, { documentLoader: loader as never, safe: true, base: null } as never);
  if (!Array.isArray(expanded) || expanded.length !== 1 || !isObj(expanded[0])) return undefined;
  const node = expanded[0];
  if (CRED_VC in node || '@graph' in node) return undefined;
  if (fulls.length > 0) node[CRED_VC] = fulls.map((f) => ({ '@graph': [f] }));
  return [node];
}

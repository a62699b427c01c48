/**
 * How credstack's own JSON-LD context reaches verifiers (issue option `extension`), and which credential elements need it.
 *
 * credstack builds standard-first credentials: everything with a home in VC 2.0, OB 3.0, CLR 2.0 or a published 1EdTech
 * extension goes there. What has none (form of participation, supervision, language maps, …) uses a term of
 * `https://w3id.org/credstack/v1`; only then is that context listed, and {@link applyExtensionMode} decides how.
 */
import { IssueError } from '../errors.js';
import {
  BUNDLED_CONTEXTS, CREDSTACK_CONTEXT, OB_ASSESSMENT_CONTEXT, OB_EXTENSIONS_CONTEXT, OB_V3_CONTEXT, VC_V2_CONTEXT,
} from '../jsonld/contexts.js';
import { JSON_SCHEMA_VALIDATOR_TYPE, MICROCREDENTIAL_SCHEMA_URL } from './constants.js';
import { isPlainObject } from './util.js';

/**
 * How a credential that uses credstack terms names their context:
 * - `'inline'` (default): the context object itself is embedded in `@context` after the standard contexts; the credential
 *   is self-contained and verifies in any JSON-LD verifier without fetching anything. Published 1EdTech extension contexts
 *   the credential uses (Assessment Extension) are embedded the same way.
 * - `'url'`: `https://w3id.org/credstack/v1` by URL (for verifiers that bundle the shipped file
 *   `schemas/credstack-context-v1.json`, sha256 {@link CREDSTACK_CONTEXT_SHA256}) plus a `credentialSchema` entry for our
 *   extension schema, as OB 3.0 "Extending the Data Model" asks.
 * - `'none'`: standard contexts only (VC 2.0, OB 3.0, OB extensions, the 1EdTech Assessment Extension embedded as in
 *   `'inline'`); a credential that would need a credstack term is refused (`IssueError` `ERR_EXTENSION_REQUIRED`, naming the
 *   element and the standard alternative).
 * @example
 * ```ts
 * await issueCredential(credential, { key, extension: 'none' }); // throws ERR_EXTENSION_REQUIRED if a credstack term is used
 * ```
 */
export type ExtensionMode = 'url' | 'inline' | 'none';

/**
 * One use of a credstack-only term: the EU element (or feature) it carries, where, and what to use instead.
 * @example
 * ```ts
 * const u: ExtensionTermUse = { term: 'formOfParticipation', element: 'participationForm', path: '$.credentialSubject.achievement.formOfParticipation',
 *   alternative: 'no standard home: state it in achievement.description or criteria.narrative' };
 * ```
 */
export interface ExtensionTermUse {
  term: string;
  element: string;
  path: string;
  alternative: string;
}

/** credstack-only terms → the element they carry and the standard alternative (also the README "Mapping" table). */
const TERMS: Record<string, { element: string; alternative: string }> = {
  nameMap: { element: 'title (other languages)', alternative: 'no standard home for language maps in OB 3.0 JSON: give one language in name, or issue one credential per language' },
  descriptionMap: { element: 'description (other languages)', alternative: 'no standard home for language maps in OB 3.0 JSON: give one language in description' },
  learningOutcomes: { element: 'learningOutcomes', alternative: "achievement.alignment[] with targetType 'ext:LearningOutcome' (what defineAchievement emits)" },
  workload: { element: 'workload', alternative: "achievement.creditsAvailable + alignment[] with targetType 'ext:NotionalWorkload' stating the unit (what defineAchievement emits)" },
  qualificationLevel: { element: 'level', alternative: "achievement.alignment[] with targetType 'ext:QualificationLevel' (EQF, QF-EHEA or national framework)" },
  assessment: { element: 'assessmentType', alternative: 'achievement.resultDescription[] typed AssessmentResultDescription (1EdTech Assessment Extension 2.0)' },
  supervision: { element: 'supervision', alternative: 'no standard home (the 1EdTech Assessment Extension has no supervision / identity check): leave this optional element out' },
  formOfParticipation: { element: 'participationForm', alternative: 'no standard home in OB 3.0 or a 1EdTech extension: state it in achievement.description or criteria.narrative' },
  qualityAssurance: { element: 'qualityAssurance', alternative: "achievement.alignment[] with targetType 'ext:QualityAssurance' (what defineAchievement emits)" },
  prerequisites: { element: 'prerequisites', alternative: 'no standard home: state prerequisites in criteria.narrative' },
  stackability: { element: 'stackability', alternative: 'no standard home on the achievement: stacked credentials name their parts in relatedResource; CLR associations relate achievements' },
  furtherInformation: { element: 'furtherInformation', alternative: 'achievement.related[] (a link) or achievement.description' },
  jointAwardingBody: { element: 'awardingBody (joint)', alternative: 'OB 3.0 has one awarding body (achievement.creator): name the others in achievement.description' },
  elmAdditional: { element: 'ELM fields with no Open Badges home (fromElm)', alternative: 'no standard home: delete elmAdditional from the credential, achievement and profiles (those ELM fields are then not written back by toElm)' },
  association: { element: 'association (stacked credential)', alternative: 'bundle the credentials in a CLR (bundleClr), whose ClrSubject.association is standard, or leave associations out' },
};

/**
 * Find every use of a credstack-only term in a credential (not inside embedded `verifiableCredential`s, which carry their
 * own contexts; `association` counts only outside a CLR `ClrSubject`, where CLR 2.0 defines it).
 * @example
 * ```ts
 * extensionTermsUsed(credential).map((u) => u.element); // e.g. ['participationForm', 'supervision']
 * ```
 */
export function extensionTermsUsed(value: unknown): ExtensionTermUse[] {
  const out: ExtensionTermUse[] = [];
  // the JSON path is built only for a term found (the walk visits every node of every credential issued)
  const steps: (string | number)[] = [];
  const pathOf = (k: string): string => `$${steps.map((s) => (typeof s === 'number' ? `[${s}]` : `.${s}`)).join('')}.${k}`;
  const walk = (v: unknown, depth: number): void => {
    if (depth > 64 || out.length > 100) return;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        steps.push(i);
        walk(v[i], depth + 1);
        steps.pop();
      }
      return;
    }
    if (!isPlainObject(v)) return;
    const types = Array.isArray(v.type) ? v.type : [v.type];
    for (const k of Object.keys(v)) {
      if (k === '@context' || k === 'verifiableCredential' || k === 'proof') continue;
      const x = v[k];
      // own terms only: a key such as "constructor" or "toString" is not a credstack term
      const t = Object.hasOwn(TERMS, k) ? TERMS[k] : undefined;
      if (t && !(k === 'association' && types.includes('ClrSubject'))) out.push({ term: k, element: t.element, path: pathOf(k), alternative: t.alternative });
      if (typeof x === 'object' && x !== null) {
        steps.push(k);
        walk(x, depth + 1);
        steps.pop();
      }
    }
  };
  walk(value, 0);
  return out;
}

const credstackInline = (): Record<string, unknown> => structuredClone((BUNDLED_CONTEXTS.get(CREDSTACK_CONTEXT) as { '@context': Record<string, unknown> })['@context']);
const assessmentInline = (): Record<string, unknown> => structuredClone((BUNDLED_CONTEXTS.get(OB_ASSESSMENT_CONTEXT) as { '@context': Record<string, unknown> })['@context']);

/**
 * The `@context` object embedded by `extension: 'inline'`: exactly the `@context` value of the shipped file
 * `schemas/credstack-context-v1.json` (so it defines the same IRIs as the URL, and redefines no standard term).
 * @example
 * ```ts
 * credential['@context'] = [VC_V2_CONTEXT, OB_V3_CONTEXT, credstackInlineContext()];
 * ```
 */
export function credstackInlineContext(): Record<string, unknown> {
  return credstackInline();
}

/** The shipped context's JSON text, computed once (it is compared with every context object of every credential issued). */
let credstackInlineText: string | undefined;

function isCredstackInline(c: unknown): boolean {
  if (!isPlainObject(c)) return false;
  credstackInlineText ??= JSON.stringify((BUNDLED_CONTEXTS.get(CREDSTACK_CONTEXT) as { '@context': unknown })['@context']);
  return JSON.stringify(c) === credstackInlineText;
}

/**
 * @internal Apply the issuer's {@link ExtensionMode} to an unsigned credential (mutates and returns it). Only the top-level
 * `@context` is touched. Also drops the credstack context where no credstack term is used (listing OB's `extensions.json`
 * instead when `credentialSchema` needs the `1EdTechJsonSchemaValidator2019` type).
 */
export function applyExtensionMode(cred: Record<string, any>, mode: ExtensionMode = 'inline'): Record<string, any> {
  if (mode !== 'inline' && mode !== 'url' && mode !== 'none') {
    throw new IssueError('ERR_INVALID_OPTION', "options.extension must be 'inline', 'url' or 'none'", { details: { option: 'extension' } });
  }
  const raw = cred['@context'];
  if (!Array.isArray(raw) || raw[0] !== VC_V2_CONTEXT) return cred; // VC 1.1 and odd shapes: left as they are
  let ctx: unknown[] = [...raw];
  const hasCredstack = ctx.some((c) => c === CREDSTACK_CONTEXT || isCredstackInline(c));
  const used = extensionTermsUsed(cred);
  const schemas = Array.isArray(cred.credentialSchema) ? cred.credentialSchema : cred.credentialSchema === undefined ? [] : [cred.credentialSchema];
  const usesSchemaType = schemas.some((s: unknown) => isPlainObject(s) && s.type === JSON_SCHEMA_VALIDATOR_TYPE);
  const needsCredstack = hasCredstack && used.length > 0;
  if (mode === 'none' && needsCredstack) {
    const first = used[0]!;
    throw new IssueError(
      'ERR_EXTENSION_REQUIRED',
      `extension: 'none' asks for standard contexts only, but ${first.path} (EU element ${first.element}) needs credstack's context. ` +
        `Standard alternative: ${first.alternative}.${used.length > 1 ? ` (${used.length - 1} more: ${[...new Set(used.slice(1).map((u) => u.term))].join(', ')})` : ''}`,
      { details: { uses: used.slice(0, 20) } },
    );
  }
  if (hasCredstack && !needsCredstack) {
    // listed but unused: standard output names OB's published extensions context for the credentialSchema type instead
    ctx = ctx.filter((c) => c !== CREDSTACK_CONTEXT && !isCredstackInline(c));
    if (usesSchemaType && !ctx.includes(OB_EXTENSIONS_CONTEXT)) ctx.splice(ctx.indexOf(OB_V3_CONTEXT) >= 0 ? ctx.indexOf(OB_V3_CONTEXT) + 1 : ctx.length, 0, OB_EXTENSIONS_CONTEXT);
  }
  if (mode !== 'url') {
    // published 1EdTech extension contexts no npm context package carries are embedded too, so stock verifiers need no fetch
    ctx = ctx.map((c) => (c === OB_ASSESSMENT_CONTEXT || c === OB_ASSESSMENT_CONTEXT.replace(/\/$/, '') ? assessmentInline() : c));
  }
  if (mode === 'inline') {
    ctx = ctx.map((c) => (c === CREDSTACK_CONTEXT ? credstackInline() : c));
    // self-contained: no credentialSchema entry pointing at a schema only credstack hosts
    if (Array.isArray(cred.credentialSchema)) {
      const kept = cred.credentialSchema.filter((s: unknown) => !(isPlainObject(s) && s.id === MICROCREDENTIAL_SCHEMA_URL));
      if (kept.length) cred.credentialSchema = kept;
      else delete cred.credentialSchema;
    }
  } else if (mode === 'url' && needsCredstack) {
    ctx = ctx.map((c) => (isCredstackInline(c) ? CREDSTACK_CONTEXT : c));
    const list = Array.isArray(cred.credentialSchema) ? cred.credentialSchema : cred.credentialSchema === undefined ? [] : [cred.credentialSchema];
    if (!list.some((s: unknown) => isPlainObject(s) && s.id === MICROCREDENTIAL_SCHEMA_URL)) {
      cred.credentialSchema = [...list, { id: MICROCREDENTIAL_SCHEMA_URL, type: JSON_SCHEMA_VALIDATOR_TYPE }];
    }
  }
  cred['@context'] = ctx;
  return cred;
}

import { StackingError } from '../errors.js';
import { issueCredential } from '../issue.js';
import { CLR_V2_CONTEXT, CREDSTACK_CONTEXT } from '../jsonld/contexts.js';
import type { KeyPair } from '../keys/keypair.js';
import { isSigner, signerController, type Signer } from '../keys/signer.js';
import { awardAchievement, type AwardInput } from '../model/award.js';
import type { Achievement, IdentityObject, Profile } from '../model/types.js';
import { digestComponent, type DigestAlgorithm } from './digest.js';
import { isGenuineEvaluation, ruleDigest, type StackEvaluation } from './evaluate.js';
import { parseStackingRule } from './rules.js';
import type { ExtensionMode } from '../model/extension.js';
import type { StackingRule } from './types.js';

/**
 * A VC 2.0 `relatedResource` entry naming a component credential by id and digest.
 * @example `const r: RelatedResource = { id: 'urn:uuid:5d0e…', digestMultibase: 'uIDA…' };`
 */
export interface RelatedResource {
  id: string;
  digestMultibase: string;
  mediaType?: string;
}

/**
 * A CLR 2.0 `Association` between the component achievements and the stacked achievement (`isPartOf`).
 * @example `const a: StackAssociation = { type: 'Association', associationType: 'isPartOf', sourceId: aiAchievementId, targetId: certificateId };`
 */
export interface StackAssociation {
  type: 'Association';
  associationType: 'isPartOf';
  sourceId: string;
  targetId: string;
}

/**
 * Options of {@link issueStackedCredential}.
 * @example
 * ```ts
 * const opts: IssueStackedOptions = { key, issuer, achievement: certificate, now: '2026-01-10T00:00:00Z' };
 * ```
 */
export interface IssueStackedOptions {
  /** The issuing institution's key; `key.controller` must equal the issuer's id. Give either `key` or `signer`. */
  key?: KeyPair;
  /** An external signer (KMS/HSM) instead of `key`; its controller (id before `#`) must equal the issuer's id. */
  signer?: Signer;
  /** The larger achievement (e.g. from defineAchievement). Its id should equal the rule's `awards` when the rule has one. */
  achievement: Achievement;
  /** Issuer profile; default `{ id: key.controller, type: ['Profile'] }`. */
  issuer?: Profile;
  /** The learner: a DID/URI, or `{ id?, identifier? }`. Default: the learner of the evaluation. */
  learner?: string | { id?: string; identifier?: IdentityObject[] };
  /** Further award fields (name, description, validUntil, credentialStatus, results…) passed to awardAchievement. */
  credential?: Partial<Omit<AwardInput, 'issuer' | 'achievement' | 'recipient' | 'now'>>;
  /** Pin the clock (validFrom, awardedDate, proof created). */
  now?: Date | string;
  /** Digest algorithm (default sha2-384, the VC 2.0 minimum recommendation). */
  digestAlgorithm?: DigestAlgorithm;
  /** Issue although the evaluation is not satisfied / not produced by evaluateStack in this process. Use with care. */
  force?: boolean;
  /** Extra offline contexts the components use. */
  documents?: Record<string, unknown>;
  /** How credstack's context is named when the associations need it (see IssueOptions.extension; default 'inline'). */
  extension?: ExtensionMode;
}

/**
 * What {@link issueStackedCredential} returns.
 * @example
 * ```ts
 * const { credential, relatedResource, associations } = await issueStackedCredential(rule, ev, opts);
 * ```
 */
export interface StackedCredentialResult {
  /** The signed stacked credential (eddsa-rdfc-2022). */
  credential: Record<string, unknown>;
  relatedResource: RelatedResource[];
  /** The `isPartOf` associations, also embedded as `credentialSubject.association` (term defined by our context). */
  associations: StackAssociation[];
}

/**
 * Issue the larger credential after the institution decided to (stacking creates eligibility, not an entitlement).
 * Names every component credential the evaluation used by id and digest in VC 2.0 `relatedResource`
 * (`digestMultibase` over the RDFC-1.0 canonical N-Quads, so re-serialising a component keeps the digest while any
 * change of a value breaks it) and builds CLR-style `isPartOf` associations from each component achievement to the
 * stacked achievement.
 * @throws StackingError `ERR_NOT_SATISFIED` (evaluation not satisfied, unless `force`), `ERR_EVALUATION_UNKNOWN`
 *   (not produced by evaluateStack in this process, unless `force`), `ERR_RULE_MISMATCH` (evaluation of another rule),
 *   `ERR_COMPONENT_NO_ID`, `ERR_NO_LEARNER`, `ERR_COMPONENT_CANONICALIZE`; IssueError / KeyError from issueCredential
 * @example
 * ```ts
 * const ev = await evaluateStack(rule, credentials, { now });
 * if (ev.satisfied && committeeApproved) {
 *   const { credential } = await issueStackedCredential(rule, ev, { key, issuer, achievement: certificate, now });
 * }
 * ```
 */
export async function issueStackedCredential(rule: StackingRule | unknown, evaluation: StackEvaluation, opts: IssueStackedOptions): Promise<StackedCredentialResult> {
  const parsed = parseStackingRule(rule);
  if (!evaluation || typeof evaluation !== 'object') throw new StackingError('ERR_INVALID_INPUT', 'evaluation must be the result of evaluateStack');
  if (evaluation.ruleId !== parsed.id || evaluation.ruleDigest !== ruleDigest(parsed)) {
    throw new StackingError('ERR_RULE_MISMATCH', `the evaluation is of rule ${String(evaluation.ruleId)}, not of this version of ${parsed.id}`);
  }
  if (!opts.force && !isGenuineEvaluation(evaluation)) {
    throw new StackingError('ERR_EVALUATION_UNKNOWN', 'the evaluation was not produced by evaluateStack in this process (it may have been altered): evaluate again, or pass force: true');
  }
  if (!evaluation.satisfied && !opts.force) {
    throw new StackingError('ERR_NOT_SATISFIED', `the rule is not satisfied: ${evaluation.missing.map((m) => m.message).join('; ')}`, { details: { missing: evaluation.missing } });
  }
  const achievementId = opts.achievement?.id;
  if (typeof achievementId !== 'string') throw new StackingError('ERR_INVALID_INPUT', 'options.achievement must be an Achievement with an id');

  const relatedResource: RelatedResource[] = [];
  const associations: StackAssociation[] = [];
  for (const u of evaluation.used) {
    if (!u.id) throw new StackingError('ERR_COMPONENT_NO_ID', `component #${u.index} has no id: it cannot be named in relatedResource`);
    if (relatedResource.some((r) => r.id === u.id)) continue;
    const digestMultibase = await digestComponent(u.credential, { algorithm: opts.digestAlgorithm ?? 'sha2-384', ...(opts.documents ? { documents: opts.documents } : {}) });
    relatedResource.push({ id: u.id, digestMultibase, ...(typeof u.credential === 'string' ? { mediaType: 'application/vc+jwt' } : {}) });
    if (u.achievementId && !associations.some((a) => a.sourceId === u.achievementId)) {
      associations.push({ type: 'Association', associationType: 'isPartOf', sourceId: u.achievementId, targetId: achievementId });
    }
  }

  const learner = opts.learner ?? evaluation.learner;
  const recipient = typeof learner === 'string' ? { id: learner } : learner ? { ...(learner.id ? { id: learner.id } : {}), ...(learner.identifier ? { identifier: learner.identifier } : {}) } : undefined;
  if (!recipient || (!recipient.id && !recipient.identifier?.length)) throw new StackingError('ERR_NO_LEARNER', 'no learner: pass options.learner');
  const now = opts.now === undefined ? new Date() : new Date(opts.now);
  const controller = isSigner(opts.signer) ? signerController(opts.signer) : opts.key?.controller;
  if (opts.issuer === undefined && typeof controller !== 'string') throw new StackingError('ERR_INVALID_INPUT', 'options.key or options.signer is required');
  const issuer: Profile = opts.issuer ?? { id: controller!, type: ['Profile'] };

  const unsigned = awardAchievement({ ...(opts.credential ?? {}), issuer, achievement: opts.achievement, recipient, now, validFrom: opts.credential?.validFrom ?? now }) as unknown as Record<string, any>;
  // awardAchievement always gives a list of contexts
  const ctx: unknown[] = [...unsigned['@context']];
  // relatedResource is VC 2.0; `association` on an AchievementSubject is ours (CLR 2.0 defines it on ClrSubject only), with
  // the CLR context for the Association class: both only when there are associations
  if (associations.length) {
    if (!ctx.includes(CREDSTACK_CONTEXT)) ctx.push(CREDSTACK_CONTEXT);
    ctx.push(CLR_V2_CONTEXT); // awardAchievement never lists the CLR context
  }
  unsigned['@context'] = ctx;
  unsigned.relatedResource = relatedResource;
  if (associations.length) unsigned.credentialSubject.association = associations;

  const credential = (await issueCredential(unsigned, {
    ...(opts.signer !== undefined ? { signer: opts.signer, key: opts.key } : { key: opts.key }), now, ...(opts.documents ? { documents: opts.documents } : {}), ...(opts.extension ? { extension: opts.extension } : {}),
  })) as Record<string, unknown>;
  return { credential, relatedResource, associations };
}

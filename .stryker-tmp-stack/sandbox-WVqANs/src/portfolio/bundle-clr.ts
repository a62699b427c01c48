// @ts-nocheck
import { IssueError, PortfolioError } from '../errors.js';
import { isSigner, signerController } from '../keys/signer.js';
import { issueCredential } from '../issue.js';
import { asArray, idOf } from '../util/json.js';
import { CREDSTACK_CONTEXT, OB_ASSESSMENT_CONTEXT, VC_V2_CONTEXT } from '../jsonld/contexts.js';
import { usesCredstackTerms } from '../model/award.js';
import { createIdentityObject } from '../model/identity.js';
import { describeLearner, matchesLearner, parseLearnerRef } from '../model/learner.js';
import { ASSOCIATION_TYPES, CLR_EMBED_CONTEXT, achievementsOf, checkInputCredentials, clrContextFor, toPortfolioError } from './common.js';
import { type AssociationInput, type ClrBundleOptions, type Portfolio, type PortfolioCredential } from './types.js';

const URI_RE = /^[a-z][a-z0-9+.-]*:\S+$/i;

function learnerOf(credentials: PortfolioCredential[], learner: ClrBundleOptions['learner']): Record<string, any> {
  if (typeof learner === 'string') {
    // a DID / URI, an email or a student id: every credential must be this learner's (hashes checked with each one's salt)
    const ref = parseLearnerRef(learner);
    if (!ref) throw new PortfolioError('ERR_INVALID_INPUT', 'learner must be a DID / URI, an email or a student id');
    const others = credentials.map((c, i) => ({ c, i })).filter(({ c }) => !matchesLearner(c.credentialSubject, learner));
    if (others.length) {
      throw new PortfolioError('ERR_OTHER_LEARNER', `credential(s) ${others.map((o) => o.i).join(', ')} were not awarded to ${describeLearner(learner)}`, { details: { indexes: others.map((o) => o.i) } });
    }
    if (URI_RE.test(learner)) return { id: learner };
    return { identifier: [createIdentityObject({ identityType: ref.email !== undefined ? 'emailAddress' : 'sisSourcedId', value: (ref.email ?? ref.studentId)! })] };
  }
  if (learner && typeof learner === 'object') {
    if (typeof learner.id !== 'string' && asArray(learner.identifier).length === 0) {
      throw new PortfolioError('ERR_INVALID_INPUT', 'learner needs an id or an identifier');
    }
    const { type: _type, verifiableCredential: _vc, achievement: _a, association: _as, ...rest } = learner;
    return rest;
  }
  const ids = new Set<string>();
  for (const c of credentials) for (const s of asArray(c.credentialSubject)) ids.add(String((s as Record<string, unknown>)?.id ?? ''));
  const [only] = [...ids];
  if (ids.size !== 1 || !only) {
    throw new PortfolioError(
      'ERR_LEARNER_REQUIRED',
      `cannot tell who the learner is: the credentials' subjects are ${[...ids].map((i) => i || '(no id)').join(', ')}; pass options.learner`,
    );
  }
  return { id: only };
}

function checkAssociations(associations: AssociationInput[], known: Set<string>): Record<string, any>[] {
  if (!Array.isArray(associations)) throw new PortfolioError('ERR_INVALID_INPUT', 'associations must be an array');
  return associations.map((a, i) => {
    if (!a || typeof a !== 'object') throw new PortfolioError('ERR_ASSOCIATION_INVALID', `associations[${i}] is not an object`);
    if (!(ASSOCIATION_TYPES as readonly string[]).includes(a.associationType)) {
      throw new PortfolioError('ERR_ASSOCIATION_TYPE', `associations[${i}].associationType ${JSON.stringify(a.associationType)} is not one of ${ASSOCIATION_TYPES.join(', ')}`, {
        details: { index: i },
      });
    }
    for (const end of ['sourceId', 'targetId'] as const) {
      const v = a[end];
      if (typeof v !== 'string' || !URI_RE.test(v)) throw new PortfolioError('ERR_ASSOCIATION_INVALID', `associations[${i}].${end} must be an achievement id (URI)`, { details: { index: i } });
      if (!known.has(v)) {
        throw new PortfolioError('ERR_ASSOCIATION_UNKNOWN_ID', `associations[${i}].${end} ${v} is not an achievement of the CLR or of its credentials`, { details: { index: i, id: v } });
      }
    }
    if (a.sourceId === a.targetId) throw new PortfolioError('ERR_ASSOCIATION_INVALID', `associations[${i}] relates ${a.sourceId} to itself`, { details: { index: i } });
    return { type: 'Association', associationType: a.associationType, sourceId: a.sourceId, targetId: a.targetId };
  });
}

/**
 * Bundle signed credentials into a CLR 2.0 `ClrCredential` issued and signed (eddsa-rdfc-2022) by an institution.
 * The inner credentials are embedded unchanged in `credentialSubject.verifiableCredential` (their own signatures stay
 * valid; the institution's signature covers them too). Optional `achievement[]` and `association[]`
 * (isPartOf, precedes, isParentOf, …) describe how the achievements relate.
 *
 * Context: `[VC 2.0, CLR 2.0.1, OB 3.0.3]`. When an inner credential is a VC 1.1 credential (whose context would
 * redefine protected VC 2.0 terms), an inline context is appended that gives `ClrSubject.verifiableCredential` a
 * `"@context": null` (as VC 2.0 presentations do): same IRIs, and JSON-LD safe mode stays on.
 *
 * CLR 2.0 embeds OB 3.0 AchievementCredentials, which are VC 2.0: a VC 1.1 inner credential is refused
 * (`ERR_CLR_REQUIRES_VC2`; share it with {@link bundlePresentation}) unless `skipSchema: true`.
 *
 * Throws {@link PortfolioError}: `ERR_PORTFOLIO_EMPTY`, `ERR_INVALID_CREDENTIAL`, `ERR_UNSIGNED_CREDENTIAL`,
 * `ERR_DUPLICATE_CREDENTIAL`, `ERR_LEARNER_REQUIRED`, `ERR_ASSOCIATION_TYPE`, `ERR_ASSOCIATION_UNKNOWN_ID`, or the
 * issuing code (`ERR_ISSUER_MISMATCH`, `ERR_UNDEFINED_TERM`, `ERR_SCHEMA_INVALID`, …).
 * @example
 * ```ts
 * const clr = await bundleClr([moduleBadge, programmeBadge], {
 *   key: universityKey,
 *   issuer: { id: universityKey.controller, type: ['Profile'], name: 'University of Example' },
 *   achievements: 'from-credentials',
 *   associations: [{ associationType: 'isPartOf', sourceId: 'urn:uuid:module-1', targetId: 'urn:uuid:programme' }],
 *   now: '2026-09-01T09:00:00Z',
 * });
 * ```
 */
export async function bundleClr(credentials: PortfolioCredential[], options: ClrBundleOptions): Promise<Portfolio> {
  if (!options || typeof options !== 'object') throw new PortfolioError('ERR_INVALID_INPUT', 'options with a key are required');
  const creds = checkInputCredentials(credentials, options.allowDuplicates);
  const vc1 = creds.map((c, i) => (asArray(c['@context'])[0] === VC_V2_CONTEXT ? -1 : i)).filter((i) => i >= 0);
  if (vc1.length && !options.skipSchema) {
    throw new PortfolioError(
      'ERR_CLR_REQUIRES_VC2',
      `credentials ${vc1.join(', ')} are not VC 2.0 credentials: CLR 2.0 embeds OB 3.0 AchievementCredentials (VC 2.0), so the CLR schema ` +
        `rejects them. Share them in a presentation (bundlePresentation), or pass skipSchema: true to embed them anyway.`,
      { details: { indexes: vc1 } },
    );
  }
  const key = options.key;
  const signer = options.signer;
  const issuerIn = options.issuer ?? (isSigner(signer) ? signerController(signer) : key?.controller);
  const issuer =
    typeof issuerIn === 'string' ? { id: issuerIn, type: ['Profile'] } : issuerIn && typeof issuerIn === 'object' ? { ...(issuerIn.type ? {} : { type: ['Profile'] }), ...issuerIn } : undefined;
  if (!issuer || !idOf(issuer)) throw new PortfolioError('ERR_INVALID_INPUT', 'options.issuer (or options.key) is required');

  const subject: Record<string, any> = { ...learnerOf(creds, options.learner), type: ['ClrSubject'] };
  const innerAchievements = creds.flatMap(achievementsOf);
  let achievements: Record<string, any>[] | undefined;
  if (options.achievements === 'from-credentials') {
    const seen = new Set<string>();
    achievements = innerAchievements.filter((a) => {
      const id = idOf(a);
      if (id === undefined || seen.has(id)) return false;
      seen.add(id);
      return true;
    });
    achievements = structuredClone(achievements);
  } else if (options.achievements !== undefined) {
    if (!Array.isArray(options.achievements)) throw new PortfolioError('ERR_INVALID_INPUT', "achievements must be an array or 'from-credentials'");
    achievements = structuredClone(options.achievements);
  }
  if (achievements?.length) subject.achievement = achievements;
  subject.verifiableCredential = creds;
  if (options.associations?.length) {
    const known = new Set<string>([...innerAchievements, ...(achievements ?? [])].map((a) => idOf(a)).filter((x): x is string => !!x));
    subject.association = checkAssociations(options.associations, known);
  }

  const context = clrContextFor(creds);
  // terms of our extension context on the envelope itself (issuer nameMap, copied achievements' workload…) need it too
  const { verifiableCredential: _inner, ...envelopeSubject } = subject;
  // copied achievements may describe assessments with the 1EdTech Assessment Extension
  if (JSON.stringify(envelopeSubject).includes('"AssessmentResultDescription"')) context.push(OB_ASSESSMENT_CONTEXT);
  if (usesCredstackTerms([issuer, envelopeSubject])) context.push(CREDSTACK_CONTEXT);
  const doc: Record<string, any> = { '@context': context };
  if (options.id !== undefined) doc.id = options.id;
  doc.type = ['VerifiableCredential', 'ClrCredential'];
  doc.issuer = issuer;
  if (options.validFrom !== undefined) doc.validFrom = options.validFrom;
  if (options.validUntil !== undefined) doc.validUntil = options.validUntil;
  doc.name = options.name ?? 'Comprehensive Learner Record';
  if (options.description !== undefined) doc.description = options.description;
  if (options.partial !== undefined) doc.partial = options.partial;
  doc.credentialSubject = subject;

  const issue = (d: Record<string, any>) =>
    issueCredential(d, {
      ...(signer !== undefined ? { signer, key } : { key }),
      ...(options.now !== undefined ? { now: options.now } : {}),
      ...(options.documents !== undefined ? { documents: options.documents } : {}),
      ...(options.skipSchema ? { skipSchema: true } : {}),
      ...(options.extension ? { extension: options.extension } : {}),
    });
  try {
    return await issue(doc);
  } catch (err) {
    // Another inner context clashing with the protected VC 2.0 / OB 3.0 terms: retry with the embedding context.
    if (err instanceof IssueError && err.code === 'ERR_JSONLD_INVALID' && /protected term/i.test(err.message) && !context.includes(CLR_EMBED_CONTEXT)) {
      try {
        return await issue({ ...doc, '@context': [...context, CLR_EMBED_CONTEXT] });
      } catch (err2) {
        throw toPortfolioError(err2);
      }
    }
    throw toPortfolioError(err);
  }
}

// @ts-nocheck
import {
  CREDSTACK_CONTEXT, JSON_SCHEMA_VALIDATOR_TYPE, OB_ENDORSEMENT_CREDENTIAL_SCHEMA_URL, OB_V3_CONTEXT, VC_V2_CONTEXT,
} from './constants.js';
import { OB_EXTENSIONS_CONTEXT } from '../jsonld/contexts.js';
import type { EndorsementCredential, Profile } from './types.js';
import { fail, isPlainObject, isUri, newUrnUuid, optionalString, requireString, requireUri, toDateTime } from './util.js';

/**
 * Input of {@link defineEndorsement}.
 * @example
 * ```ts
 * const input: EndorsementInput = { issuer: agency, subjectId: achievement.id, comment: 'Quality-assured by the agency.' };
 * ```
 */
export interface EndorsementInput {
  /** The endorser's Profile (its id must control the signing key). */
  issuer: Profile;
  /** Id of the endorsed credential, achievement or profile. */
  subjectId: string;
  comment?: string;
  /** Display name; default "Endorsement". */
  name?: string;
  id?: string;
  validFrom?: string | Date;
  validUntil?: string | Date;
  now?: Date;
  /** List 1EdTech's endorsement schema in `credentialSchema` (default true). */
  credentialSchema?: boolean;
}

/**
 * Build an unsigned OB 3.0 `EndorsementCredential` (sign it with `issueCredential`).
 * @throws InvalidInputError when the issuer or subject id is missing or not a URI
 * @example
 * ```ts
 * const endorsement = defineEndorsement({ issuer: agency, subjectId: achievement.id,
 *   comment: 'Meets the network quality standard.', validFrom: '2025-05-01T00:00:00Z' });
 * ```
 */
export function defineEndorsement(input: EndorsementInput): EndorsementCredential {
  if (!isPlainObject(input)) fail('endorsement', 'expected { issuer, subjectId, comment? }', 'object');
  if (!isPlainObject(input.issuer) || !isUri(input.issuer.id)) fail('endorsement.issuer', 'expected a Profile with an id', 'Profile');
  const validFrom = toDateTime(input.validFrom ?? input.now ?? new Date(), 'endorsement.validFrom');
  const cred: EndorsementCredential = {
    '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT],
    id: input.id === undefined ? newUrnUuid() : requireUri(input.id, 'endorsement.id'),
    type: ['VerifiableCredential', 'EndorsementCredential'],
    name: input.name === undefined ? 'Endorsement' : requireString(input.name, 'endorsement.name'),
    issuer: input.issuer,
    validFrom,
    credentialSubject: { id: requireUri(input.subjectId, 'endorsement.subjectId'), type: ['EndorsementSubject'] },
  };
  if (input.validUntil !== undefined) cred.validUntil = toDateTime(input.validUntil, 'endorsement.validUntil');
  const comment = optionalString(input.comment, 'endorsement.comment');
  if (comment) cred.credentialSubject.endorsementComment = comment;
  if (input.credentialSchema ?? true) {
    cred.credentialSchema = [{ id: OB_ENDORSEMENT_CREDENTIAL_SCHEMA_URL, type: JSON_SCHEMA_VALIDATOR_TYPE }];
    cred['@context'].push(OB_EXTENSIONS_CONTEXT);
  }
  if (input.issuer.nameMap || input.issuer.descriptionMap) cred['@context'].push(CREDSTACK_CONTEXT);
  return cred;
}

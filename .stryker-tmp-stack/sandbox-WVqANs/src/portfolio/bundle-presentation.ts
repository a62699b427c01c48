// @ts-nocheck
import * as vc from '@digitalbazaar/vc';
import jsigs from 'jsonld-signatures';
import { KeyError, PortfolioError } from '../errors.js';
import { mapSigningError } from '../issue.js';
import { VC_V2_CONTEXT } from '../jsonld/contexts.js';
import { createDocumentLoader } from '../jsonld/loader.js';
import { createEddsaSigningSuite } from '../proofs/suites.js';
import { createEcdsaSigningSuite } from '../proofs/ecdsa.js';
import { assertSigner, signerController, signerFromKeyPair, type Signer } from '../keys/signer.js';
import { isoSeconds, toDate } from '../util/json.js';
import { checkInputCredentials, toPortfolioError } from './common.js';
import type { Portfolio, PortfolioCredential, PresentationBundleOptions } from './types.js';

const { purposes } = jsigs;

/** @internal `authentication` proof purpose without a challenge (jsigs' AuthenticationProofPurpose requires one). */
function authenticationPurpose(challenge: string | undefined, domain: string | undefined): any {
  if (challenge !== undefined) return new purposes.AuthenticationProofPurpose({ challenge, ...(domain !== undefined ? { domain } : {}) });
  class Authentication extends purposes.ControllerProofPurpose {
    constructor() {
      super({ term: 'authentication' });
    }
    async update(proof: Record<string, any>, args: unknown) {
      const p = await super.update(proof, args);
      if (domain !== undefined) p.domain = domain;
      return p;
    }
  }
  return new Authentication();
}

/**
 * Bundle signed credentials into a W3C VC 2.0 Verifiable Presentation signed by the learner's own key
 * (DataIntegrityProof eddsa-rdfc-2022, `proofPurpose: "authentication"`, with the verifier's `challenge` and `domain`).
 * `holder` is the key's controller. The credentials are embedded unchanged; VC 1.1 and VC 2.0 credentials can be mixed
 * (VC 2.0's `verifiableCredential` resets the JSON-LD context for each one).
 *
 * Throws {@link PortfolioError} (`ERR_PORTFOLIO_EMPTY`, `ERR_INVALID_CREDENTIAL`, `ERR_UNSIGNED_CREDENTIAL`,
 * `ERR_DUPLICATE_CREDENTIAL`, `ERR_UNDEFINED_TERM`, …) or {@link KeyError} for a key that cannot sign.
 * @example
 * ```ts
 * const vp = await bundlePresentation([badgeFromUniA, badgeFromUniB], {
 *   holderKey: learnerKey, challenge: 'c0ffee-42', domain: 'jobs.employer.example', now: '2026-11-23T10:00:00Z',
 * });
 * ```
 */
export async function bundlePresentation(credentials: PortfolioCredential[], options: PresentationBundleOptions): Promise<Portfolio> {
  if (!options || typeof options !== 'object') throw new PortfolioError('ERR_INVALID_INPUT', 'options with a holderKey are required');
  let signer: Signer;
  let holder: string;
  if (options.holderSigner !== undefined) {
    assertSigner(options.holderSigner, ['Ed25519', 'P-256', 'P-384'], 'a presentation');
    signer = options.holderSigner;
    holder = signerController(signer);
  } else {
    const key = options.holderKey;
    if (!key || typeof key !== 'object' || typeof key.id !== 'string' || typeof key.controller !== 'string') {
      throw new KeyError('ERR_KEY_INVALID', 'options.holderKey must be a KeyPair (see generateKeyPair / importKeyPair), or pass options.holderSigner');
    }
    if (typeof key.secretKeyMultibase !== 'string') throw new KeyError('ERR_KEY_NO_SECRET', `key ${key.id} has no secret part: it can verify but not sign`);
    signer = signerFromKeyPair(key);
    holder = key.controller;
  }
  for (const p of ['challenge', 'domain'] as const) {
    if (options[p] !== undefined && (typeof options[p] !== 'string' || options[p] === '')) throw new PortfolioError('ERR_INVALID_INPUT', `options.${p} must be a non-empty string`);
  }
  const now = toDate(options.now);
  if (!now) throw new PortfolioError('ERR_INVALID_INPUT', 'options.now is not a valid date');
  const creds = checkInputCredentials(credentials, options.allowDuplicates);
  // built by hand (not vc.createPresentation): that one rejects expired inner credentials; verifying is the verifier's job
  const presentation: Record<string, any> = { '@context': [VC_V2_CONTEXT] };
  if (options.id !== undefined) presentation.id = options.id;
  presentation.type = ['VerifiablePresentation'];
  presentation.holder = holder;
  presentation.verifiableCredential = creds;
  try {
    return await vc.signPresentation({
      presentation,
      suite: signer.algorithm === 'Ed25519' || signer.algorithm === 'EdDSA' ? createEddsaSigningSuite(signer, isoSeconds(now)) : createEcdsaSigningSuite('ecdsa-rdfc-2019', signer, isoSeconds(now)),
      purpose: authenticationPurpose(options.challenge, options.domain),
      documentLoader: createDocumentLoader({ documents: options.documents }),
    });
  } catch (err) {
    throw toPortfolioError(mapSigningError(err, presentation));
  }
}

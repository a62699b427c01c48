// @ts-nocheck
// A verifier that has never heard of credstack: @digitalbazaar/vc + eddsa-rdfc-2022, published contexts only, did:key
// of the one test key resolved offline. Shared by the Europass tests.
import * as vc from '@digitalbazaar/vc';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import type { KeyPair } from '../../src/index.js';

/** Verify `credential` with the stock verifier, `published` the only contexts it can load. */
export async function stockVerify(credential: unknown, key: KeyPair, published: Map<string, unknown>, now: Date): Promise<{ verified: boolean; error?: unknown }> {
  const documentLoader = async (url: string) => {
    if (published.has(url)) return { contextUrl: null, documentUrl: url, document: published.get(url) };
    if (url.startsWith('did:key:')) {
      const [did, fragment] = url.split('#');
      const pk = await Ed25519Multikey.from({ publicKeyMultibase: key.publicKeyMultibase, id: key.id, controller: key.controller });
      const method = await pk.export({ publicKey: true, includeContext: true });
      const doc = { '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'], id: did, verificationMethod: [method], assertionMethod: [method.id] };
      return { contextUrl: null, documentUrl: url, document: fragment ? method : doc };
    }
    throw new Error(`not offline: ${url}`);
  };
  const suite = new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 });
  return vc.verifyCredential({ credential, suite, documentLoader, now });
}

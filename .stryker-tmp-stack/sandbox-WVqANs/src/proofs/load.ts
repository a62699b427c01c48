/**
 * @internal The proof suites most verifications do not need, loaded on first use through dynamic imports: in the ESM
 * build of `credstack/verify` (and in a consumer's browser bundle) each is a chunk out of the first download —
 * ./ecdsa.ts with `@noble/curves` (ecdsa-rdfc-2019, ecdsa-jcs-2019) when an ECDSA proof is met, ./suites.ts
 * (Ed25519Signature2020, eddsa-jcs-2022, jsonld-signatures' eddsa-rdfc-2022 for presentations) when such a proof is met,
 * ../keys/ecdsa.ts when a P-256/P-384 did:key is resolved. A failed load (chunk missing, network gone) rejects, the
 * next call tries again, and the caller fails the check it serves (never "passed").
 */
// @ts-nocheck

type EcdsaSuites = typeof import('./ecdsa-verify.js');
type EddsaSuites = typeof import('./suites-verify.js');
type EcdsaKeys = typeof import('../keys/ecdsa.js');

/** @internal One lazily imported module: the promise is kept, and dropped on failure so that the next call retries. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined;
  return () => {
    p ??= load().catch((err: unknown) => {
      p = undefined;
      throw err;
    });
    return p;
  };
}

/** @internal ecdsa-rdfc-2019 / ecdsa-jcs-2019 (src/proofs/ecdsa.ts, on @noble/curves). */
export const loadEcdsaSuites: () => Promise<EcdsaSuites> = once(() => import('./ecdsa-verify.js'));

/** @internal Ed25519Signature2020, eddsa-jcs-2022 and the jsonld-signatures eddsa-rdfc-2022 suite (src/proofs/suites.ts). */
export const loadEddsaSuites: () => Promise<EddsaSuites> = once(() => import('./suites-verify.js'));

/** @internal P-256/P-384 keys (src/keys/ecdsa.ts, on @noble/curves). */
export const loadEcdsaKeys: () => Promise<EcdsaKeys> = once(() => import('../keys/ecdsa.js'));

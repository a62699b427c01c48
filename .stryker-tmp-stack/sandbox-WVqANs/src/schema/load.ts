// @ts-nocheck
import type { Validators } from './engine.js';

let loading: Promise<Validators> | undefined;

/**
 * @internal The precompiled validators for the verifier's schema check, loaded on first use through a dynamic
 * import: in the ESM build of `credstack/verify` (and in a consumer's browser bundle) they are a separate chunk, out of
 * the first download. A failed load (chunk missing, network gone) rejects, and the next call tries again; the caller
 * reports "could not check", never "passed".
 */
export function loadValidators(): Promise<Validators> {
  loading ??= import('./precompiled/ob.js').then((m) => m as Validators, (err: unknown) => {
    loading = undefined;
    throw err;
  });
  return loading;
}

/**
 * @internal Which ECDSA curve a Multikey names, by its prefix alone (no `@noble/curves`): the verifier's first download
 * reads this, and loads src/keys/ecdsa.ts only for a P-256/P-384 key.
 */
// @ts-nocheck

import type { EcdsaCurve } from './ecdsa.js';

/** @internal The curve of a Multikey public key multibase (`zDn…` P-256, `z82…` P-384), or undefined. */
export function ecdsaCurveOfMultibase(s: unknown): EcdsaCurve | undefined {
  if (typeof s !== 'string' || s[0] !== 'z') return undefined;
  if (s.startsWith('zDn')) return 'P-256';
  if (s.startsWith('z82')) return 'P-384';
  return undefined;
}


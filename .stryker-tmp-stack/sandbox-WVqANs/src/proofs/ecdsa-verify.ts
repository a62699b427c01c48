/**
 * @internal What the verifier loads of src/proofs/ecdsa.ts (src/proofs/load.ts): the verifying suite alone, so that a
 * bundler drops the signing code from that chunk (an import() of ecdsa.ts keeps every export).
 */
// @ts-nocheck

export { createEcdsaVerifyingSuite } from './ecdsa.js';

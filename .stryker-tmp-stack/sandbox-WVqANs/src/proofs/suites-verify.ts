/**
 * @internal What the verifier loads of src/proofs/suites.ts (src/proofs/load.ts): the verifying suites alone, so that a
 * bundler drops the signing code (key pairs, signers) from that chunk (an import() of suites.ts keeps every export).
 */
// @ts-nocheck

export { createEd2020VerifyingSuite, createEddsaVerifyingSuite, createJcsVerifyingSuite } from './suites.js';

/**
 * @internal What the verifier imports of src/proofs/jwt.ts (a chunk loaded at the first VC-JWT): the verifying verb
 * alone, so that a bundler drops the JWT signing code — and with it the P-256/P-384 signing module — from that chunk
 * (an import() of jwt.ts itself keeps every export).
 */
// @ts-nocheck

export { verifyJwtCredential } from './jwt.js';

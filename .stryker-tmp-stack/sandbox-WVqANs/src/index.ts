/**
 * credstack — Open Badges 3.0 micro-credentials: model, sign, verify offline, stack and bundle.
 *
 * @example
 * ```ts
 * import { generateKeyPair, issueCredential, verifyCredential } from 'credstack';
 * const key = await generateKeyPair();
 * const signed = await issueCredential(credential, { key });
 * const report = await verifyCredential(signed);
 * ```
 * @packageDocumentation
 */
// @ts-nocheck

export * from './errors.js';
export * from './keys/index.js';
export * from './jsonld/index.js';
export * from './proofs/index.js';
export * from './model/index.js';
export * from './schema/index.js';
export { issueCredential, type IssueOptions, type IssueFormat } from './issue.js';
export * from './verify/index.js';
export * from './status/index.js';
export * from './portfolio/index.js';
export * from './stacking/index.js';
export * from './baking/index.js';
export * from './batch/index.js';
export * from './network/index.js';
export * from './europass/index.js';

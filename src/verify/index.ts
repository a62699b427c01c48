export { verifyCredential } from './verify.js';
export { summarizeReport } from './report.js';
export type { Check, CheckId, CheckStatus, VerificationReport } from './report.js';
export type { VerifyOptions } from './options.js';
export type { CredentialView, ProofView } from './view.js';

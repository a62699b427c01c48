export { verifyCredential } from './verify.js';
export { summarizeReport } from './report.js';
export type { Check, CheckId, CheckStatus, VerificationReport } from './report.js';
export type { StatusPolicy, VerifyOptions } from './options.js';

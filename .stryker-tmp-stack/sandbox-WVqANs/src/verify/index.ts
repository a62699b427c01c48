// @ts-nocheck
export { verifyCredential } from './verify.js';
export { summarizeReport } from './report.js';
export type { Check, CheckId, CheckStatus, VerificationReport } from './report.js';
export type { StatusPolicy, VerifyOptions } from './options.js';
export { verifyPresentation } from './presentation.js';
export type { PresentationReport, PresentationVerifyOptions } from './presentation.js';
export { structureProblems } from './checks/structure.js';
export type { StructureProblem } from './checks/structure.js';
export { DEFAULT_VERIFY_LIMITS, type VerifyLimits } from './bounds.js';
export type { CredentialView, ProofView } from './view.js';

/**
 * `credstack/verify`: the verifier alone, for browsers, web workers and Node. Nothing reachable from here imports a
 * Node built-in (a test bundles this entry for the browser platform and fails on any): Ed25519 runs on WebCrypto with
 * the @noble fallback, status lists inflate through fflate in bounded memory, contexts are bundled. Offline unless you
 * pass `fetch`.
 * @example
 * ```ts
 * import { verifyCredential, extractCredential } from 'credstack/verify';
 * const bytes = new Uint8Array(await file.arrayBuffer()); // a baked PNG/SVG, JSON or VC-JWT text
 * const report = await verifyCredential(bytes);
 * report.verified; // true iff no check failed
 * ```
 * @module
 */
// @ts-nocheck

export { verifyCredential, verifyPresentation, summarizeReport, DEFAULT_VERIFY_LIMITS } from './verify/index.js';
export type { Check, CheckId, CheckStatus, VerificationReport, StatusPolicy, VerifyOptions, PresentationReport, PresentationVerifyOptions, VerifyLimits, CredentialView, ProofView } from './verify/index.js';
export { verifyPortfolio } from './portfolio/verify-portfolio.js';
export type { Portfolio, PortfolioReport, PortfolioVerifyOptions } from './portfolio/types.js';
export { extractCredential, detectImageType } from './baking/extract.js';
export { extractPng } from './baking/png.js';
export { extractSvg } from './baking/svg.js';
export type { ExtractOptions, ExtractResult, BakedImageFormat, BakedKind } from './baking/common.js';
export { checkCredentialStatus } from './status/check.js';
export { decodeBitstring } from './status/decode.js';
export { getBit } from './status/bits.js';
export type { DecodeBitstringOptions } from './status/decode.js';
export type { Fetcher } from './jsonld/loader.js';

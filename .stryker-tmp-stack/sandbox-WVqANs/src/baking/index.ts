/**
 * Badge baking: embed an Open Badges 3.0 (or CLR 2.0) credential in a PNG or SVG badge image and extract it again
 * (OB 2.0 images are recognised on extraction). Pure TypeScript, no Node built-ins.
 * Note: iOS 16+ strips image metadata when images are saved or shared, which loses a baked credential.
 * @example
 * ```ts
 * import { bakePng, extractCredential } from 'credstack';
 * const baked = bakePng(pngBytes, signedCredential);
 * const { kind, credential } = extractCredential(baked); // kind === 'ob3'
 * ```
 * @module
 */
// @ts-nocheck

export { bakePng, extractPng } from './png.js';
export { bakeSvg, extractSvg } from './svg.js';
export { extractCredential, detectImageType } from './extract.js';
export {
  DEFAULT_MAX_IMAGE_BYTES,
  PNG_KEYWORDS,
  SVG_NAMESPACES,
  type BakeOptions,
  type BakedImageFormat,
  type BakedKind,
  type ExtractOptions,
  type ExtractResult,
} from './common.js';

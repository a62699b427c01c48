// @ts-nocheck
// Types of the generated ob.js (scripts/build-schemas.ts): one ajv standalone validator per schema, and the schemas'
// descriptions by node location (`<file>#/json/pointer`, the parent of an error's `schemaPath`).
import type { ValidateFunction } from 'ajv/dist/2020.js';

export declare const achievementCredential: ValidateFunction;
export declare const endorsementCredential: ValidateFunction;
export declare const clrCredential: ValidateFunction;
export declare const achievement: ValidateFunction;
export declare const profile: ValidateFunction;
export declare const microcredential: ValidateFunction;
export declare const descriptions: Record<string, string>;
export declare const contains: Record<string, string>;

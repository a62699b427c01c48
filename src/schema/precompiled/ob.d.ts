// Types of the generated ob.js (scripts/build-schemas.ts): one ajv standalone validator per schema.
import type { ValidateFunction } from 'ajv/dist/2020.js';

export declare const achievementCredential: ValidateFunction;
export declare const endorsementCredential: ValidateFunction;
export declare const clrCredential: ValidateFunction;
export declare const achievement: ValidateFunction;
export declare const profile: ValidateFunction;
export declare const microcredential: ValidateFunction;

// @ts-nocheck
// Types of the generated stacking-rule.js (scripts/build-schemas.ts): the ajv standalone validator of a stacking rule.
import type { ValidateFunction } from 'ajv/dist/2020.js';

export declare const stackingRule: ValidateFunction;

/**
 * Institutional networks: signed member registries (members' DIDs, multilingual names, country, accreditation,
 * membership dates and suspensions) and recognition agreements, checked offline by `verifyCredential(…, { registries })`
 * and applied by `recognizeCredential`. See the README section "Networks of universities".
 * @example
 * ```ts
 * import { createRegistry, issueCredential, recognizeCredential } from 'credstack';
 * const registry = await issueCredential(createRegistry({ coordinator, network, members, agreements }), { key, skipSchema: true });
 * const { recognitions } = await recognizeCredential(badge, { registries: [{ registry, coordinator: key.controller }], recognizer });
 * ```
 * @packageDocumentation
 */
// @ts-nocheck

export { NETWORK_CONTEXT, type NetworkMember, type NetworkRegistry, type RecognitionAgreement, type RegistryTrust } from './types.js';
export { createRegistry, updateRegistry, type RegistryInput, type RegistryChanges, type RegistryVersionOptions } from './create.js';
export { readRegistry, type RegistryReading, type RegistryProblem } from './read.js';
export { recognizeCredential, agreementToCtdl, type Recognition, type RecognitionResult, type RecognizeOptions } from './recognize.js';
export { toDccRegistry, fromDccRegistry, type DccRegistry } from './dcc.js';

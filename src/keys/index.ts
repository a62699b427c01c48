export { generateKeyPair, importKeyPair, exportKeyPair, toVerificationMethod, createSigner, didKeyFromPublicKeyMultibase } from './keypair.js';
export type { KeyPair, Ed25519Jwk, GenerateKeyPairOptions } from './keypair.js';
export { ed25519Sign, ed25519Verify, ed25519PublicKey, ed25519Backend, setEd25519Backend } from './ed25519.js';
export type { Ed25519Backend } from './ed25519.js';
export { resolveDidKey } from './did-key.js';
export type { DidDocument } from './did-key.js';
export { didWebToUrl, createDidWebDocument } from './did-web.js';
export { generateRsaKeyPair, importRsaKeyPair, exportRsaKeyPair, toRsaVerificationMethod } from './rsa.js';
export type { RsaKeyPair, RsaPublicJwk } from './rsa.js';

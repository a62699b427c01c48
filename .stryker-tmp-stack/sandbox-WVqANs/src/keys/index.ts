// @ts-nocheck
export { generateKeyPair, importKeyPair, exportKeyPair, toVerificationMethod, createSigner, didKeyFromPublicKeyMultibase } from './keypair.js';
export type { KeyPair, Ed25519Jwk, EcJwk, KeyJwk, GenerateKeyPairOptions } from './keypair.js';
export { ed25519Sign, ed25519Verify, ed25519PublicKey, ed25519Backend, setEd25519Backend } from './ed25519.js';
export type { Ed25519Backend } from './ed25519.js';
export { resolveDidKey } from './did-key.js';
export type { DidDocument } from './did-key.js';
export { didWebToUrl, createDidWebDocument, rotateDidWebDocument } from './did-web.js';
export type { RotateDidWebOptions } from './did-web.js';
export { generateRsaKeyPair, importRsaKeyPair, exportRsaKeyPair, toRsaVerificationMethod } from './rsa.js';
export type { RsaKeyPair, RsaPublicJwk } from './rsa.js';
export { retrieveVerificationMethod, keyContextFor } from './controller-document.js';
export type { RetrievedVerificationMethod, RetrieveVerificationMethodError } from './controller-document.js';
export { isSigner, signerFromKeyPair, signerFromCryptoKey } from './signer.js';
export type { Signer, SignerCallOptions } from './signer.js';
export type { EcdsaCurve } from './ecdsa.js';

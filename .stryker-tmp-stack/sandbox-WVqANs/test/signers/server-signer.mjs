// @ts-nocheck
// signerModule for the server test: an out-of-process signer (child process holds the key; see remote.ts).
export async function createSigner() {
  return globalThis.__credstackTestSigner;
}

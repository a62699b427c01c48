/**
 * Example: a credstack Signer backed by a cloud KMS or an HSM — the issuing key never leaves it.
 *
 * credstack only needs `{ id, algorithm, sign(data) }`. `data` is the message to sign (a JWS signing input, or a Data
 * Integrity proof's hash data); the KMS hashes it (SHA-256 for P-256) and signs. Two things to get right:
 *  1. ECDSA signatures must be IEEE P1363 `r‖s` (64 bytes for P-256). AWS KMS, Google Cloud KMS, Azure Key Vault (for
 *     "ES256" via the REST API it is already r‖s) and PKCS#11 (`CKM_ECDSA`: r‖s) differ: `derToP1363` below converts the
 *     DER form AWS and GCP return.
 *  2. Mark errors that retrying cannot fix with `transient: false` (a disabled key, a permission error) so a cohort does
 *     not retry them; throttling and timeouts are retried with back-off by issueBatch / issueCohort.
 *
 * Nothing here runs in credstack's tests (no cloud calls); `test/signers/remote-signer-process.mjs` plays the remote
 * signer in a child process instead. Use it from the server config with `"signerModule": "./kms-signer.js"` (compiled),
 * or in code: `issueCohort({ ..., signer: await createSigner({ id: 'default' }) })`.
 *
 * Run the local stand-in: `npx tsx examples/kms-signer.ts` (signs one credential with a WebCrypto key that is created
 * non-extractable, the closest a laptop gets to an HSM).
 */
// @ts-nocheck

import type { Signer } from '../src/index.js';

/** DER `SEQUENCE { INTEGER r, INTEGER s }` → fixed-width r‖s (size 32 for P-256, 48 for P-384). */
export function derToP1363(der: Uint8Array, size = 32): Uint8Array {
  if (der[0] !== 0x30) throw Object.assign(new Error('not a DER ECDSA signature'), { transient: false });
  let i = 2;
  if (der[1]! & 0x80) i = 2 + (der[1]! & 0x7f);
  const out = new Uint8Array(2 * size);
  for (const half of [0, 1]) {
    if (der[i] !== 0x02) throw Object.assign(new Error('not a DER ECDSA signature'), { transient: false });
    const len = der[i + 1]!;
    let int = der.subarray(i + 2, i + 2 + len);
    while (int.length > size && int[0] === 0) int = int.subarray(1);
    if (int.length > size) throw Object.assign(new Error('ECDSA integer too long'), { transient: false });
    out.set(int, half * size + (size - int.length));
    i += 2 + len;
  }
  return out;
}

/**
 * AWS KMS (`@aws-sdk/client-kms`, key spec ECC_NIST_P256, usage SIGN_VERIFY). Not a dependency of credstack: install
 * it in your deployment. `keyId` is the KMS key ARN; `id` the verification method in your did:web document
 * (publish the KMS public key there as a `zDn…` Multikey: `credstack keygen` cannot see it, so convert the
 * `GetPublicKey` SPKI output once).
 */
export function awsKmsSigner(kms: { send(cmd: unknown): Promise<{ Signature?: Uint8Array }> }, SignCommand: new (input: object) => unknown, keyId: string, id: string): Signer {
  return {
    id,
    algorithm: 'P-256',
    async sign(data) {
      try {
        const out = await kms.send(new SignCommand({ KeyId: keyId, Message: data, MessageType: 'RAW', SigningAlgorithm: 'ECDSA_SHA_256' }));
        if (!out.Signature) throw new Error('KMS returned no signature');
        return derToP1363(out.Signature, 32);
      } catch (err) {
        const name = (err as { name?: string })?.name;
        // AccessDenied / KMSInvalidState / NotFound will not fix themselves: do not retry
        if (name === 'AccessDeniedException' || name === 'KMSInvalidStateException' || name === 'NotFoundException' || name === 'DisabledException') {
          throw Object.assign(new Error(name), { transient: false });
        }
        throw err;
      }
    },
  };
}

/**
 * PKCS#11 (an HSM, or SoftHSM for development) through a client such as `pkcs11js` / `graphene-pk11`: with mechanism
 * `CKM_ECDSA_SHA256` the token hashes and returns r‖s directly. `session.sign` stands for that client's call.
 */
export function pkcs11Signer(session: { sign(mechanism: string, keyLabel: string, data: Uint8Array): Promise<Uint8Array> }, keyLabel: string, id: string): Signer {
  return { id, algorithm: 'P-256', sign: (data) => session.sign('CKM_ECDSA_SHA256', keyLabel, data) };
}

/** `signerModule` entry point for `credstack serve`: called once per tenant with its config. */
export async function createSigner(tenant: { id: string }): Promise<Signer> {
  // e.g. return awsKmsSigner(new KMSClient({ region }), SignCommand, process.env.KMS_KEY_ARN!, `did:web:uni.example#${tenant.id}-2026`);
  throw new Error(`configure a KMS client for tenant ${tenant.id} in examples/kms-signer.ts`);
}

// Local demonstration: a non-extractable WebCrypto key stands in for the KMS.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { issueCredential, signerFromCryptoKey, verifyCredential } = await import('../src/index.js');
  const { p256 } = await import('@noble/curves/nist.js');
  const { base58 } = await import('@scure/base');
  const { privateKey, publicKey } = (await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])) as CryptoKeyPair;
  const compressed = p256.Point.fromBytes(new Uint8Array(await crypto.subtle.exportKey('raw', publicKey))).toBytes(true);
  const mb = `z${base58.encode(Uint8Array.from([0x80, 0x24, ...compressed]))}`;
  const did = `did:key:${mb}`;
  const signer = signerFromCryptoKey(privateKey, { id: `${did}#${mb}` });
  const signed = await issueCredential(
    { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'], issuer: did, credentialSubject: { id: 'did:example:learner' } },
    { signer, skipSchema: true }, // a plain VC here; Open Badges credentials pass the schema check
  );
  console.log(signed.proof.cryptosuite, (await verifyCredential(signed)).verified);
}

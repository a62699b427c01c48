// @ts-nocheck
import { X509Certificate, createHash, type KeyObject } from 'node:crypto';
import { FlattenedSign, flattenedVerify } from 'jose';
import { EuropassError } from '../errors.js';

/**
 * A JAdES-style signed document: JWS JSON serialization with an unencoded payload (`b64: false`, RFC 7797), the signer's
 * X.509 chain in `x5c` and the signing time in `sigT` (ETSI TS 119 182-1 baseline B-B header parameters).
 * @example
 * ```ts
 * const env: JadesEnvelope = await signJades(edc, { certificate: pem, privateKey });
 * JSON.parse(env.payload).type; // ['VerifiableCredential', 'EuropeanDigitalCredential']
 * ```
 */
export interface JadesEnvelope {
  payload: string;
  signatures: { protected: string; signature: string }[];
}

/**
 * Options of {@link signJades}.
 * @example
 * ```ts
 * const o: JadesSignOptions = { certificate: [leafPem, caPem], privateKey, now: new Date('2026-09-01T09:00:00Z') };
 * ```
 */
export interface JadesSignOptions {
  /** The signer's certificate (PEM), or the chain leaf first. Only a qualified electronic seal makes the result a legally recognised EDC. */
  certificate: string | string[];
  /** The private key of the leaf certificate (a WebCrypto `CryptoKey` or a node `KeyObject`). Never logged or returned. */
  privateKey: CryptoKey | KeyObject;
  /** `ES256` (P-256, default for EC keys), `RS256` / `PS256` (RSA). */
  alg?: 'ES256' | 'ES384' | 'RS256' | 'PS256';
  /** Signing time (`sigT`); default now. */
  now?: Date;
}

/**
 * The outcome of {@link verifyJades}; never thrown for untrusted input.
 * @example
 * ```ts
 * const r = await verifyJades(envelope, { trustedCertificates: [caPem], now: new Date() });
 * if (r.verified) console.log(r.subject, JSON.parse(r.payload!).id);
 * ```
 */
export interface JadesVerification {
  verified: boolean;
  /** `ERR_JADES_…` codes of what failed; empty when verified. */
  errors: { code: string; message: string }[];
  payload?: string;
  /** The leaf certificate's subject and SHA-256 fingerprint. */
  subject?: string;
  fingerprint256?: string;
  signingTime?: string;
}

/**
 * Options of {@link verifyJades}.
 * @example `const o: JadesVerifyOptions = { trustedCertificates: [caPem], now: new Date('2026-09-01T09:00:00Z') };`
 */
export interface JadesVerifyOptions {
  /** Certificates (PEM) you trust: the leaf or any certificate of its chain must be one of them. Without it the seal is unverified. */
  trustedCertificates?: string[];
  /** Check certificate validity at this time (default: the signing time `sigT`). */
  now?: Date;
}

const PEM = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

function certificates(input: string | string[]): X509Certificate[] {
  const pems = Array.isArray(input) ? input : [input];
  if (!pems.length) throw new EuropassError('ERR_JADES_CERTIFICATE', 'at least one certificate is required');
  return pems.map((p, i) => {
    if (typeof p !== 'string' || !PEM.test(p)) throw new EuropassError('ERR_JADES_CERTIFICATE', `certificate ${i} is not a PEM certificate`);
    try {
      return new X509Certificate(p);
    } catch (cause) {
      throw new EuropassError('ERR_JADES_CERTIFICATE', `certificate ${i} cannot be parsed`, { cause });
    }
  });
}

const b64 = (buf: Buffer): string => buf.toString('base64');
const seconds = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Seal a document (an EDC from {@link toElm}, or any JSON) with a JAdES-style JWS: JSON serialization, `b64: false`,
 * `x5c` chain, `x5t#S256` and `sigT` in the protected header (both `b64` and `sigT` listed in `crit`). Use this when your
 * institution holds an electronic seal certificate; a self-made certificate signs the same way but is not a qualified
 * seal. Throws {@link EuropassError} (`ERR_JADES_CERTIFICATE`, `ERR_JADES_KEY`) on bad certificates or keys.
 * @example
 * ```ts
 * const envelope = await signJades((await toElm(badge)).document, { certificate: sealPem, privateKey: sealKey });
 * fs.writeFileSync('edc.jades.json', JSON.stringify(envelope));
 * ```
 */
export async function signJades(document: unknown, options: JadesSignOptions): Promise<JadesEnvelope> {
  if (!options || typeof options !== 'object') throw new EuropassError('ERR_JADES_KEY', 'options with certificate and privateKey are required');
  const chain = certificates(options.certificate);
  const leaf = chain[0]!;
  const now = options.now ?? new Date();
  const keyType = (options.privateKey as KeyObject).asymmetricKeyType ?? (options.privateKey as CryptoKey).algorithm?.name;
  const alg = options.alg ?? (keyType === 'rsa' || keyType === 'RSASSA-PKCS1-v1_5' ? 'RS256' : 'ES256');
  const payload = JSON.stringify(document);
  const header = {
    alg, cty: 'application/json', sigT: seconds(now), b64: false, crit: ['b64', 'sigT'],
    x5c: chain.map((c) => b64(c.raw)), 'x5t#S256': createHash('sha256').update(leaf.raw).digest('base64url'),
  };
  try {
    const jws = await new FlattenedSign(new TextEncoder().encode(payload)).setProtectedHeader(header).sign(options.privateKey, { crit: { sigT: true } });
    return { payload, signatures: [{ protected: jws.protected!, signature: jws.signature }] };
  } catch (cause) {
    // the key is never echoed; only jose's error class name
    throw new EuropassError('ERR_JADES_KEY', `cannot sign with the given key and ${alg} (${(cause as Error)?.name ?? 'error'})`, { cause });
  }
}

function decodeHeader(p: unknown): Record<string, unknown> | undefined {
  if (typeof p !== 'string') return undefined;
  try {
    const h = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
    return h && typeof h === 'object' && !Array.isArray(h) ? h : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Verify a JAdES-style envelope from {@link signJades} (or another JWS JSON serialization with `x5c`): the signature with
 * the leaf certificate's key, `x5t#S256`, the certificate validity at the signing time, the chain's signatures, and
 * whether a certificate of the chain is one you trust. Never throws on untrusted input.
 * @example
 * ```ts
 * const r = await verifyJades(JSON.parse(text), { trustedCertificates: [caPem] });
 * r.verified; // true
 * ```
 */
export async function verifyJades(envelope: unknown, options: JadesVerifyOptions = {}): Promise<JadesVerification> {
  const errors: { code: string; message: string }[] = [];
  const fail = (code: string, message: string): JadesVerification => ({ verified: false, errors: [...errors, { code, message }] });
  if (!envelope || typeof envelope !== 'object') return fail('ERR_JADES_FORMAT', 'expected a JWS JSON object');
  const env = envelope as Record<string, unknown>;
  const sigs = Array.isArray(env.signatures) ? env.signatures : [env];
  if (typeof env.payload !== 'string') return fail('ERR_JADES_FORMAT', 'payload must be the unencoded JSON text (b64: false)');
  if (sigs.length !== 1) return fail('ERR_JADES_FORMAT', `expected one signature, found ${sigs.length}`);
  const sig = sigs[0] as Record<string, unknown>;
  const header = decodeHeader(sig?.protected);
  if (!header) return fail('ERR_JADES_FORMAT', 'the protected header is not base64url JSON');
  if (header.b64 !== false) return fail('ERR_JADES_FORMAT', 'the protected header must set b64: false');
  if (!Array.isArray(header.x5c) || !header.x5c.length || !header.x5c.every((c) => typeof c === 'string')) return fail('ERR_JADES_CERTIFICATE', 'x5c (the signer certificate chain) is missing');
  let chain: X509Certificate[];
  try {
    chain = (header.x5c as string[]).map((c) => new X509Certificate(Buffer.from(c, 'base64')));
  } catch {
    return fail('ERR_JADES_CERTIFICATE', 'a certificate in x5c cannot be parsed');
  }
  const leaf = chain[0]!;
  const out: JadesVerification = { verified: false, errors, payload: env.payload, subject: leaf.subject, fingerprint256: leaf.fingerprint256 };
  if (typeof header['x5t#S256'] === 'string' && header['x5t#S256'] !== createHash('sha256').update(leaf.raw).digest('base64url')) {
    errors.push({ code: 'ERR_JADES_CERTIFICATE', message: 'x5t#S256 does not match the leaf certificate' });
  }
  const sigT = typeof header.sigT === 'string' && !Number.isNaN(Date.parse(header.sigT)) ? new Date(header.sigT) : undefined;
  if (!sigT) errors.push({ code: 'ERR_JADES_SIGNING_TIME', message: 'sigT (signing time) is missing or not a date' });
  else out.signingTime = header.sigT as string;
  try {
    await flattenedVerify({ protected: sig.protected as string, payload: env.payload, signature: sig.signature as string }, leaf.publicKey, { crit: { sigT: true } });
  } catch (cause) {
    errors.push({ code: 'ERR_JADES_SIGNATURE', message: `the signature does not verify with the leaf certificate (${(cause as Error)?.name ?? 'error'})` });
  }
  const at = options.now ?? sigT ?? new Date();
  for (const [i, c] of chain.entries()) {
    if (at < new Date(c.validFrom) || at > new Date(c.validTo)) errors.push({ code: 'ERR_JADES_CERTIFICATE_EXPIRED', message: `certificate ${i} (${c.subject}) is not valid at ${at.toISOString()}` });
    const issuer = chain[i + 1] ?? c;
    if (chain[i + 1] !== undefined || c.checkIssued(c)) {
      if (!c.verify(issuer.publicKey)) errors.push({ code: 'ERR_JADES_CHAIN', message: `certificate ${i} is not signed by the next certificate of x5c` });
    }
  }
  if (!options.trustedCertificates?.length) {
    errors.push({ code: 'ERR_JADES_UNTRUSTED', message: 'no trusted certificates given: the seal cannot be trusted (pass trustedCertificates)' });
  } else {
    let trusted: X509Certificate[] = [];
    try {
      trusted = certificates(options.trustedCertificates);
    } catch {
      errors.push({ code: 'ERR_JADES_UNTRUSTED', message: 'a trusted certificate cannot be parsed' });
    }
    const anchors = new Set(trusted.map((t) => t.fingerprint256));
    const top = chain[chain.length - 1]!;
    const anchored = chain.some((c) => anchors.has(c.fingerprint256)) || trusted.some((t) => top.checkIssued(t) && top.verify(t.publicKey));
    if (!anchored && trusted.length) errors.push({ code: 'ERR_JADES_UNTRUSTED', message: `no certificate of the chain is trusted (leaf ${leaf.subject})` });
  }
  out.verified = errors.length === 0;
  return out;
}

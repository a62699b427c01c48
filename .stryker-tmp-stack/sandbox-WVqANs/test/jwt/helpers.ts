// @ts-nocheck
// Helpers for crafting VC-JWTs by hand (jose) and reading reports.
import { importJWK, SignJWT, type JWK, type JWTHeaderParameters } from 'jose';
import { exportKeyPair, type KeyPair } from '../../src/keys/keypair.js';
import type { RsaKeyPair } from '../../src/keys/rsa.js';
import type { VerificationReport } from '../../src/verify/report.js';

export const b64uJson = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
export const decodeSegment = (s: string): any => JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));

/** Sign any payload with any (asymmetric) header, bypassing issueCredential's mapping. */
export async function signRaw(payload: Record<string, unknown>, key: KeyPair | RsaKeyPair, header: Partial<JWTHeaderParameters> = {}): Promise<string> {
  if (key.type === 'JsonWebKey') {
    const k = await importJWK({ ...key.privateJwk, alg: 'RS256' } as JWK, 'RS256');
    return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid: key.id, typ: 'JWT', ...header } as JWTHeaderParameters).sign(k);
  }
  const jwk = exportKeyPair(key, { format: 'jwk', includeSecret: true });
  const k = await importJWK({ kty: 'OKP', crv: 'Ed25519', x: jwk.x, d: jwk.d! }, 'EdDSA');
  return new SignJWT(payload).setProtectedHeader({ alg: 'EdDSA', kid: key.id, typ: 'JWT', ...header } as JWTHeaderParameters).sign(k);
}

/** The public JWK of an Ed25519 KeyPair (no `d`, no `kid`). */
export function publicJwk(key: KeyPair): JWK {
  const { x } = exportKeyPair(key, { format: 'jwk' });
  return { kty: 'OKP', crv: 'Ed25519', x };
}

/** The OB 3.0 JWT payload for a prepared credential (what signJwtCredential builds). */
export function ob3Payload(cred: Record<string, any>): Record<string, any> {
  const p: Record<string, any> = { ...cred, iss: cred.issuer.id ?? cred.issuer, jti: cred.id, nbf: Date.parse(cred.validFrom) / 1000 };
  if (cred.credentialSubject?.id) p.sub = cred.credentialSubject.id;
  if (cred.validUntil) p.exp = Date.parse(cred.validUntil) / 1000;
  return p;
}

export const check = (r: VerificationReport, id: string) => r.checks.find((c) => c.id === id);
export const failed = (r: VerificationReport) => r.checks.filter((c) => c.status === 'failed').map((c) => `${c.id}:${c.code}`);

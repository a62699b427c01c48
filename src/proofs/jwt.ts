import { compactVerify, decodeProtectedHeader, importJWK, SignJWT, type JWK } from 'jose';
import { InvalidInputError, KeyError } from '../errors.js';
import type { KeyPair } from '../keys/keypair.js';
import { exportKeyPair } from '../keys/keypair.js';
import { b64u, decodePublicKeyMultibase, decodeSecretKeyMultibase } from '../keys/multibase.js';
import type { RsaKeyPair } from '../keys/rsa.js';
import { idOf } from '../util/json.js';
import type { VerifyContext } from '../verify/options.js';
import type { Check, VerificationReport } from '../verify/report.js';

/** Algorithms accepted in VC-JWT headers (OB 3.0: RS256 at least; EdDSA for Ed25519 keys). */
export const JWT_ALGORITHMS = ['EdDSA', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'] as const;
const CLAIMS = ['iss', 'jti', 'nbf', 'sub', 'exp', 'iat', 'aud'] as const;

function isRsa(key: KeyPair | RsaKeyPair): key is RsaKeyPair {
  return (key as RsaKeyPair).type === 'JsonWebKey';
}

const toNumericDate = (s: unknown): number | undefined => (typeof s === 'string' && !Number.isNaN(Date.parse(s)) ? Math.floor(Date.parse(s) / 1000) : undefined);

/**
 * @internal Sign a prepared credential as an OB 3.0 VC-JWT: the payload is the credential plus `iss`, `jti`, `nbf`,
 * `sub`, `exp` (OB 3.0 §8.2). Header: `alg`, `kid` (the verification method), `typ: JWT`. Use {@link issueCredential}.
 */
export async function signJwtCredential(cred: Record<string, any>, opts: { key: KeyPair | RsaKeyPair; now: Date }): Promise<string> {
  const key = opts.key;
  let alg: 'EdDSA' | 'RS256';
  let signingKey: CryptoKey | Uint8Array;
  if (isRsa(key)) {
    if (!key.privateJwk) throw new KeyError('ERR_KEY_NO_SECRET', `RSA key ${key.id} has no private part`);
    alg = 'RS256';
    signingKey = (await importJWK({ ...key.privateJwk, alg } as JWK, alg)) as CryptoKey;
  } else {
    if (!key.secretKeyMultibase) throw new KeyError('ERR_KEY_NO_SECRET', `key ${key.id} has no secret part`);
    alg = 'EdDSA';
    const pub = exportKeyPair(key, { format: 'jwk' });
    signingKey = (await importJWK({ kty: 'OKP', crv: 'Ed25519', x: pub.x, d: b64u.encode(decodeSecretKeyMultibase(key.secretKeyMultibase)) }, alg)) as CryptoKey;
  }
  const iss = idOf(cred.issuer);
  const sub = idOf(Array.isArray(cred.credentialSubject) ? cred.credentialSubject[0] : cred.credentialSubject);
  const nbf = toNumericDate(cred.validFrom ?? cred.issuanceDate);
  if (!iss || typeof cred.id !== 'string' || nbf === undefined) {
    throw new InvalidInputError('a VC-JWT needs issuer.id, id and validFrom', { code: 'ERR_MISSING_FIELD' });
  }
  const payload: Record<string, unknown> = { ...cred, iss, jti: cred.id, nbf };
  if (sub) payload.sub = sub;
  const exp = toNumericDate(cred.validUntil ?? cred.expirationDate);
  if (exp !== undefined) payload.exp = exp;
  return new SignJWT(payload).setProtectedHeader({ alg, kid: key.id, typ: 'JWT' }).sign(signingKey);
}

function jwkFromVerificationMethod(vm: Record<string, any>): JWK | undefined {
  if (vm.publicKeyJwk && typeof vm.publicKeyJwk === 'object') {
    const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...pub } = vm.publicKeyJwk;
    return pub as JWK;
  }
  if (typeof vm.publicKeyMultibase === 'string') {
    try {
      return { kty: 'OKP', crv: 'Ed25519', x: b64u.encode(decodePublicKeyMultibase(vm.publicKeyMultibase)) };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/**
 * @internal Verify an OB 3.0 VC-JWT: signature (jose), key by `kid` (DID URL, resolved offline) or embedded `jwk`,
 * claims against the credential (`iss`, `jti`, `nbf`, `sub`, `exp`), then the same credential checks as JSON-LD.
 */
export async function verifyJwtCredential(jwt: string, ctx: VerifyContext): Promise<VerificationReport> {
  const { verifyParsed } = await import('../verify/verify.js');
  const { makeReport } = await import('../verify/report.js');
  const fail = (id: string, code: string, message: string): VerificationReport => makeReport([{ id, status: 'failed', code, message }], undefined, { format: 'vc-jwt', jwt });
  let header: Record<string, any>;
  try {
    header = decodeProtectedHeader(jwt) as Record<string, any>;
  } catch {
    return fail('format', 'ERR_JWT_MALFORMED', 'the JWT header is not base64url JSON');
  }
  let payload: Record<string, any>;
  try {
    const part = jwt.split('.')[1] ?? '';
    payload = JSON.parse(new TextDecoder().decode(b64u.decode(part)));
    if (!payload || typeof payload !== 'object' || Array.isArray(payload)) throw new Error('not an object');
  } catch {
    return fail('format', 'ERR_JWT_MALFORMED', 'the JWT payload is not base64url JSON');
  }
  const checks: Check[] = [{ id: 'format', status: 'passed', message: `VC-JWT (${String(header.alg)})` }];
  const extraHeaders = Object.keys(header).filter((h) => !['alg', 'kid', 'jwk', 'typ'].includes(h));
  if (extraHeaders.length) checks.push({ id: 'format', status: 'warning', code: 'W_JWT_EXTRA_HEADER', message: `JOSE headers not allowed by OB 3.0: ${extraHeaders.join(', ')}` });
  if (header.typ !== undefined && header.typ !== 'JWT') checks.push({ id: 'format', status: 'warning', code: 'W_JWT_TYP', message: `typ is ${JSON.stringify(header.typ)}, OB 3.0 says "JWT"` });

  // the credential: the payload itself (OB 3.0) or its `vc` claim (VC-JWT 1.1)
  const claims = payload;
  const credSrc = payload.vc && typeof payload.vc === 'object' ? payload.vc : payload;
  const cred: Record<string, any> = { ...credSrc };
  if (credSrc === payload) for (const c of CLAIMS) delete cred[c];

  // key
  let jwk: JWK | undefined;
  let keyController: string | undefined;
  const alg = header.alg;
  if (typeof alg !== 'string' || !(JWT_ALGORITHMS as readonly string[]).includes(alg)) {
    checks.push({ id: 'proof', status: 'failed', code: 'ERR_JWT_ALG', message: `alg ${JSON.stringify(alg)} is not accepted (${JWT_ALGORITHMS.join(', ')})` });
  } else if (typeof header.kid === 'string') {
    try {
      const { document } = await ctx.loader(header.kid);
      const vm = document as Record<string, any>;
      jwk = jwkFromVerificationMethod(vm);
      keyController = typeof vm.controller === 'string' ? vm.controller : header.kid.split('#')[0];
      if (!jwk) checks.push({ id: 'proof', status: 'failed', code: 'ERR_KEY_UNSUPPORTED', message: `verification method ${header.kid} has no usable public key` });
    } catch (err) {
      checks.push({ id: 'proof', status: 'failed', code: 'ERR_KEY_UNAVAILABLE', message: `cannot resolve kid ${header.kid} offline: ${(err as Error).message}` });
    }
  } else if (header.jwk && typeof header.jwk === 'object') {
    if ('d' in header.jwk) {
      checks.push({ id: 'proof', status: 'failed', code: 'ERR_JWT_PRIVATE_KEY_EXPOSED', message: 'the jwk header contains a private key ("d"); refusing it' });
    } else {
      jwk = header.jwk as JWK;
    }
  } else {
    checks.push({ id: 'proof', status: 'failed', code: 'ERR_JWT_NO_KEY', message: 'the JWT header has neither kid nor jwk' });
  }
  let sigOk = false;
  if (jwk && typeof alg === 'string') {
    try {
      const k = await importJWK(jwk, alg);
      await compactVerify(jwt, k, { algorithms: [alg] });
      sigOk = true;
      checks.push({ id: 'proof', status: 'passed', message: `JWS ${alg} signature by ${header.kid ?? 'embedded jwk'}` });
    } catch (err) {
      const code = (err as { code?: string }).code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' ? 'ERR_PROOF_INVALID_SIGNATURE' : 'ERR_PROOF_INVALID';
      checks.push({ id: 'proof', status: 'failed', code, message: code === 'ERR_PROOF_INVALID_SIGNATURE' ? 'JWS signature does not match (changed after signing, or another key)' : `JWS could not be verified: ${(err as Error).message}` });
    }
  }
  // claims ↔ credential (OB 3.0 §8.2.4)
  const claimProblems: string[] = [];
  const issuerId = idOf(cred.issuer);
  if (claims.iss === undefined || claims.iss !== issuerId) claimProblems.push(`iss ${JSON.stringify(claims.iss)} ≠ issuer.id ${JSON.stringify(issuerId)}`);
  if (claims.jti === undefined || claims.jti !== cred.id) claimProblems.push(`jti ${JSON.stringify(claims.jti)} ≠ id ${JSON.stringify(cred.id)}`);
  const vf = toNumericDate(cred.validFrom ?? cred.issuanceDate);
  if (typeof claims.nbf !== 'number' || claims.nbf !== vf) claimProblems.push(`nbf ${JSON.stringify(claims.nbf)} ≠ validFrom ${JSON.stringify(cred.validFrom ?? cred.issuanceDate)}`);
  const subId = idOf(Array.isArray(cred.credentialSubject) ? cred.credentialSubject[0] : cred.credentialSubject);
  if (claims.sub !== subId && !(claims.sub === undefined && subId === undefined)) claimProblems.push(`sub ${JSON.stringify(claims.sub)} ≠ credentialSubject.id ${JSON.stringify(subId)}`);
  const vu = toNumericDate(cred.validUntil ?? cred.expirationDate);
  if (claims.exp !== vu && !(claims.exp === undefined && vu === undefined)) claimProblems.push(`exp ${JSON.stringify(claims.exp)} ≠ validUntil ${JSON.stringify(cred.validUntil ?? cred.expirationDate)}`);
  if (typeof claims.exp === 'number' && claims.exp * 1000 < ctx.now.getTime()) claimProblems.push(`exp ${new Date(claims.exp * 1000).toISOString()} has passed`);
  checks.push(
    claimProblems.length
      ? { id: 'claims', status: 'failed', code: 'ERR_JWT_CLAIM_MISMATCH', message: claimProblems.join('; ') }
      : { id: 'claims', status: 'passed', message: 'iss, jti, nbf, sub, exp match the credential' },
  );

  // an embedded jwk binds to the issuer only when the issuer is the did:key of that very key
  if (sigOk && !keyController && typeof issuerId === 'string' && issuerId.startsWith('did:key:') && jwk?.kty === 'OKP') {
    try {
      const x = b64u.encode(decodePublicKeyMultibase(issuerId.slice('did:key:'.length).split('#')[0]!));
      if (x === jwk.x) keyController = issuerId;
    } catch {
      /* not an Ed25519 did:key */
    }
  }
  if (sigOk && !keyController) {
    checks.push({ id: 'issuer', status: 'failed', code: 'ERR_ISSUER_KEY_UNBOUND', message: `the embedded jwk is not bound to issuer ${issuerId}: use a kid that the issuer's DID document lists` });
  }
  // the rest: the same checks as an embedded-proof credential (embedded proofs, if any, are verified too)
  const rest = await verifyParsed(cred, ctx, 'json', { controllers: sigOk && keyController ? [keyController] : [] });
  const merged = [...checks, ...rest.checks.filter((c) => c.id !== 'format')];
  return makeReport(merged, cred, { format: 'vc-jwt', jwt });
}

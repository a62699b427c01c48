/**
 * VC-JWT (OB 3.0 §8.2 "JSON Web Token Proof Format"): sign a credential as a compact JWS and verify one, with jose.
 * Internal building blocks of {@link issueCredential} (`format: 'vc-jwt'`) and {@link verifyCredential}.
 * @module
 */
// @ts-nocheck

import { calculateJwkThumbprint, compactVerify, importJWK, type JWK } from 'jose';
import { InvalidInputError, KeyError } from '../errors.js';
import type { KeyPair } from '../keys/keypair.js';
import { b64u, decodePublicKeyMultibase } from '../keys/multibase.js';
import type { RsaKeyPair } from '../keys/rsa.js';
import { ecdsaCurveOfMultibase } from '../keys/ecdsa-prefix.js';
import { loadEcdsaKeys } from './load.js';
import { callSigner, isSigner, normalizeAlgorithm, signerFromKeyPair, type Signer } from '../keys/signer.js';
import { idOf, isoSeconds } from '../util/json.js';
import { LIMITS, type VerifyContext } from '../verify/options.js';
import { boundCheck } from '../verify/parse.js';
import { makeReport, type Check, type VerificationReport } from '../verify/report.js';

/**
 * JOSE `alg` values accepted in VC-JWT headers: RS256 (the OB 3.0 minimum), the other RSA signatures, EdDSA
 * (Ed25519) and ES256 / ES384 (ECDSA P-256 / P-384). `none`, HMAC (`HS*`) and everything else are refused.
 * @example
 * ```ts
 * JWT_ALGORITHMS.includes('RS256'); // true
 * ```
 */
export const JWT_ALGORITHMS = ['EdDSA', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384'] as const;

/**
 * One of {@link JWT_ALGORITHMS}.
 * @example
 * ```ts
 * const alg: JwtAlgorithm = 'EdDSA';
 * ```
 */
export type JwtAlgorithm = (typeof JWT_ALGORITHMS)[number];

/** RFC 7519 §4.1 registered claims: they are JWT claims, not credential properties. */
const REGISTERED_CLAIMS = ['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti'] as const;
/** JOSE headers OB 3.0 allows (§8.2.2: "Additional JOSE Headers are NOT allowed"). */
const ALLOWED_HEADERS = new Set(['alg', 'kid', 'jwk', 'typ']);
/** JWK members that belong to a private or symmetric key: a `jwk` header must never contain them. */
const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;
const MAX_HEADER_CHARS = 16 * 1024;
const MAX_KID_CHARS = 2048;
const SEGMENT = /^[A-Za-z0-9_-]*$/;

const isObject = (v: unknown): v is Record<string, any> => !!v && typeof v === 'object' && !Array.isArray(v);

/** An ISO date-time → NumericDate (whole seconds, RFC 7519 §2). */
function toNumericDate(s: unknown): number | undefined {
  if (typeof s !== 'string') return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : Math.floor(t / 1000);
}

/** NumericDate → ISO date-time (only for plausible values). */
function fromNumericDate(n: unknown): string | undefined {
  if (typeof n !== 'number' || !Number.isFinite(n) || Math.abs(n) > 8.64e12) return undefined;
  return isoSeconds(new Date(Math.floor(n) * 1000));
}

function subjectId(cred: Record<string, any>): string | undefined {
  const s = cred.credentialSubject;
  if (Array.isArray(s)) return s.length === 1 ? idOf(s[0]) : undefined;
  return idOf(s);
}

const isV1 = (cred: Record<string, any>): boolean => {
  const c = cred['@context'];
  return (Array.isArray(c) ? c[0] : c) === 'https://www.w3.org/2018/credentials/v1';
};

const JOSE_ALG = { Ed25519: 'EdDSA', 'P-256': 'ES256', 'P-384': 'ES384', RS256: 'RS256' } as const;

/**
 * @internal Sign a prepared credential as an OB 3.0 VC-JWT (OB 3.0 §8.2): the JWT payload is the credential itself
 * plus the claims `iss` = issuer.id, `jti` = id, `nbf` = validFrom (VC 1.1: issuanceDate), `sub` = credentialSubject.id
 * (when the subject has an id) and `exp` = validUntil (VC 1.1: expirationDate, when present). JOSE header:
 * `alg` (`EdDSA` for Ed25519, `ES256` for P-256, `ES384` for P-384, `RS256` for RSA), `kid` = the key or signer id
 * (a DID URL), `typ: "JWT"`. Signs through a {@link Signer} (a key pair is wrapped as one).
 * Use {@link issueCredential} with `format: 'vc-jwt'`, which validates the credential first.
 * @example
 * ```ts
 * const jwt = await signJwtCredential(preparedCredential, { key, now: new Date('2026-09-01T09:00:00Z') });
 * jwt.split('.').length; // 3
 * ```
 */
export async function signJwtCredential(cred: Record<string, any>, opts: { key?: KeyPair | RsaKeyPair; signer?: Signer; now: Date; signerTimeoutMs?: number }): Promise<string> {
  let signer = opts?.signer;
  if (!isSigner(signer)) {
    const key = opts?.key;
    if (!key || typeof key !== 'object' || typeof key.id !== 'string') throw new KeyError('ERR_KEY_INVALID', 'a KeyPair, RsaKeyPair or Signer is required');
    if (key.type === 'JsonWebKey' ? typeof key.privateJwk?.d !== 'string' : typeof key.secretKeyMultibase !== 'string') {
      throw new KeyError('ERR_KEY_NO_SECRET', `key ${key.id} has no secret part: it can verify but not sign`);
    }
    signer = signerFromKeyPair(key);
  }
  const algorithm = normalizeAlgorithm(signer.algorithm);
  if (!algorithm) throw new KeyError('ERR_KEY_UNSUPPORTED', 'the signer\'s algorithm has no JOSE alg');
  const iss = idOf(cred.issuer);
  const nbf = toNumericDate(cred.validFrom ?? cred.issuanceDate);
  if (!iss || typeof cred.id !== 'string' || nbf === undefined) {
    throw new InvalidInputError('a VC-JWT needs issuer.id, id and validFrom', { code: 'ERR_MISSING_FIELD' });
  }
  for (const c of REGISTERED_CLAIMS) {
    if (c in cred) throw new InvalidInputError(`the credential has a top-level "${c}", which is a JWT claim name`, { code: 'ERR_JWT_CLAIM_CONFLICT' });
  }
  if (Array.isArray(cred.credentialSubject) && cred.credentialSubject.length > 1) {
    throw new InvalidInputError('a VC-JWT maps one credentialSubject.id to "sub": split a multi-subject credential', { code: 'ERR_JWT_MULTIPLE_SUBJECTS' });
  }
  const alg = JOSE_ALG[algorithm];
  const payload: Record<string, unknown> = { ...cred, iss, jti: cred.id, nbf };
  const sub = subjectId(cred);
  if (sub) payload.sub = sub;
  const until = cred.validUntil ?? cred.expirationDate;
  if (until !== undefined) {
    const exp = toNumericDate(until);
    if (exp === undefined) throw new InvalidInputError('validUntil is not a date-time', { code: 'ERR_INVALID_DATE' });
    payload.exp = exp;
  }
  const enc = new TextEncoder();
  const input = `${b64u.encode(enc.encode(JSON.stringify({ alg, kid: signer.id, typ: 'JWT' })))}.${b64u.encode(enc.encode(JSON.stringify(payload)))}`;
  const sig = await callSigner(signer, enc.encode(input), opts.signerTimeoutMs !== undefined ? { timeoutMs: opts.signerTimeoutMs } : {});
  return `${input}.${b64u.encode(sig)}`;
}

/** Decode one base64url JSON segment of a compact JWS; `undefined` if it is not a JSON object. */
function decodeSegment(seg: string): Record<string, any> | undefined {
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(b64u.decode(seg));
    const v: unknown = JSON.parse(text);
    return isObject(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Public members of a JWK found in a document (never private ones; `undefined` if it carries any). */
function publicJwk(jwk: unknown): JWK | undefined {
  if (!isObject(jwk) || typeof jwk.kty !== 'string') return undefined;
  if (PRIVATE_JWK_MEMBERS.some((m) => m in jwk)) return undefined;
  if (jwk.kty === 'OKP' && jwk.crv === 'Ed25519' && typeof jwk.x === 'string') return { kty: 'OKP', crv: 'Ed25519', x: jwk.x };
  if (jwk.kty === 'RSA' && typeof jwk.n === 'string' && typeof jwk.e === 'string') return { kty: 'RSA', n: jwk.n, e: jwk.e };
  return { ...jwk } as JWK; // other key types: importJWK / alg check decide
}

/**
 * The public JWK of a verification method (`publicKeyJwk`, or an Ed25519 / P-256 / P-384 `publicKeyMultibase`; the
 * P-256/P-384 module is a chunk loaded on first use — without it the key is not usable, and the proof fails).
 */
async function jwkOfVerificationMethod(vm: Record<string, any>): Promise<{ jwk?: JWK; problem?: string }> {
  if (vm.publicKeyJwk !== undefined) {
    if (isObject(vm.publicKeyJwk) && PRIVATE_JWK_MEMBERS.some((m) => m in vm.publicKeyJwk)) {
      return { problem: 'its publicKeyJwk contains private key material: the key is compromised' };
    }
    const jwk = publicJwk(vm.publicKeyJwk);
    return jwk ? { jwk } : { problem: 'its publicKeyJwk is not a JWK' };
  }
  if (typeof vm.publicKeyMultibase === 'string' && ecdsaCurveOfMultibase(vm.publicKeyMultibase)) {
    let keys: Awaited<ReturnType<typeof loadEcdsaKeys>>;
    try {
      keys = await loadEcdsaKeys();
    } catch {
      return { problem: 'the P-256/P-384 key support could not be loaded' };
    }
    try {
      const { curve, publicKey } = keys.decodeEcdsaPublicKeyMultibase(vm.publicKeyMultibase);
      return { jwk: keys.ecdsaJwkOf(curve, publicKey) };
    } catch {
      return { problem: 'its publicKeyMultibase is not a valid P-256/P-384 key' };
    }
  }
  if (typeof vm.publicKeyMultibase === 'string') {
    try {
      return { jwk: { kty: 'OKP', crv: 'Ed25519', x: b64u.encode(decodePublicKeyMultibase(vm.publicKeyMultibase)) } };
    } catch {
      return { problem: 'its publicKeyMultibase is not an Ed25519 key' };
    }
  }
  return { problem: 'it has neither publicKeyJwk nor publicKeyMultibase' };
}

/** Does a key type fit the header alg? */
function keyFitsAlg(jwk: JWK, alg: string): boolean {
  if (alg === 'EdDSA') return jwk.kty === 'OKP' && jwk.crv === 'Ed25519';
  if (alg === 'ES256') return jwk.kty === 'EC' && jwk.crv === 'P-256';
  if (alg === 'ES384') return jwk.kty === 'EC' && jwk.crv === 'P-384';
  return jwk.kty === 'RSA';
}

/** Is `id` (absolute or `#fragment`) listed under `rel` of a DID/controller document? */
function listedUnder(doc: Record<string, any>, rel: string, id: string): boolean {
  const arr = doc[rel];
  if (!Array.isArray(arr)) return false;
  const frag = id.includes('#') ? id.slice(id.indexOf('#')) : undefined;
  return arr.some((e) => {
    const ref = typeof e === 'string' ? e : idOf(e);
    return ref === id || (frag !== undefined && ref === frag);
  });
}

function hasDocument(ctx: VerifyContext, url: string): boolean {
  const d = ctx.opts.documents;
  if (!d) return false;
  return d instanceof Map ? d.has(url) : Object.prototype.hasOwnProperty.call(d, url);
}

interface ResolvedKey {
  jwk?: JWK;
  /** Who controls the key, as far as we can tell (compared with the issuer). */
  controller?: string;
  /** Failed proof check (key could not be used). */
  check?: Check;
}

/** Resolve `kid` → public JWK + controller: DID URLs via the loader (did:key, did:web, documents); other URLs only via documents / fetch. */
async function resolveKid(kid: string, ctx: VerifyContext): Promise<ResolvedKey> {
  const unavailable = (message: string): ResolvedKey => ({ check: { id: 'proof', status: 'failed', code: 'ERR_KEY_UNAVAILABLE', message, target: kid } });
  const unusable = (message: string): ResolvedKey => ({ check: { id: 'proof', status: 'failed', code: 'ERR_KEY_UNSUPPORTED', message, target: kid } });
  if (kid.length > MAX_KID_CHARS) return unusable(`kid is longer than ${MAX_KID_CHARS} characters`);
  if (kid.startsWith('did:')) {
    if (!kid.includes('#')) return unusable(`kid ${kid} is a DID, not a DID URL naming one key (did:…#fragment)`);
    const did = kid.slice(0, kid.indexOf('#'));
    let vm: Record<string, any>;
    try {
      const { document } = await ctx.loader(kid);
      if (!isObject(document)) return unusable(`${kid} does not resolve to a verification method`);
      vm = document;
    } catch (err) {
      return unavailable(`cannot resolve kid ${kid} (offline: pass the DID document in \`documents\`, or give \`fetch\`): ${(err as Error)?.message ?? String(err)}`);
    }
    const { jwk, problem } = await jwkOfVerificationMethod(vm);
    if (!jwk) return unusable(`verification method ${kid} is not usable: ${problem}`);
    // the key must be authorised for assertions by the document it comes from (as jsonld-signatures checks for embedded proofs)
    try {
      const { document } = await ctx.loader(did);
      if (!isObject(document) || document.id !== did || !listedUnder(document, 'assertionMethod', kid)) {
        return { check: { id: 'proof', status: 'failed', code: 'ERR_PROOF_KEY_NOT_AUTHORIZED', message: `${kid} is not listed under assertionMethod in the DID document of ${did}`, target: kid } };
      }
    } catch (err) {
      return unavailable(`cannot load the DID document of ${did}: ${(err as Error)?.message ?? String(err)}`);
    }
    // a method may name another controller; that controller counts only if its own document lists the key
    const named = idOf(vm.controller);
    if (named !== undefined && named !== did && !(await controllerAuthorizes(named, kid, ctx))) {
      return { check: { id: 'proof', status: 'failed', code: 'ERR_PROOF_KEY_NOT_AUTHORIZED', message: `${kid} names ${named.slice(0, 120)} as its controller, whose document does not list it under assertionMethod`, target: kid } };
    }
    return { jwk, controller: named ?? did };
  }
  // not a DID URL (e.g. https://example.edu/keys#key-1): only from `documents` or through an explicit fetch
  if (!/^https?:\/\/[^\s]+$/i.test(kid)) return unusable(`kid ${kid.slice(0, 100)} is neither a DID URL nor an http(s) URL`);
  const hash = kid.indexOf('#');
  const base = hash >= 0 && !hasDocument(ctx, kid) ? kid.slice(0, hash) : kid;
  let doc: unknown;
  try {
    doc = (await ctx.loader(base)).document;
  } catch (err) {
    return unavailable(`cannot dereference kid ${kid}: ${(err as Error)?.message ?? String(err)}`);
  }
  if (!isObject(doc)) return unusable(`${base} is not a JWK, JWK Set or verification method`);
  const frag = hash >= 0 ? kid.slice(hash + 1) : undefined;
  let found: Record<string, any> | undefined;
  let controller: string | undefined;
  if (typeof doc.kty === 'string') {
    found = { publicKeyJwk: doc };
  } else if (Array.isArray(doc.keys)) {
    const keys = doc.keys.filter(isObject);
    found = keys.find((k) => k.kid === kid || (frag !== undefined && k.kid === frag));
    if (!found && frag === undefined && keys.length === 1) found = keys[0];
    if (found) found = { publicKeyJwk: found };
  } else if (doc.publicKeyJwk !== undefined || doc.publicKeyMultibase !== undefined) {
    found = doc;
  } else if (Array.isArray(doc.verificationMethod)) {
    found = doc.verificationMethod.find((v: unknown) => isObject(v) && (v.id === kid || (frag !== undefined && v.id === `#${frag}`)));
    if (found && typeof doc.id === 'string') controller = doc.id;
  }
  if (!found) return unusable(`no key ${kid} in ${base}`);
  const { jwk, problem } = await jwkOfVerificationMethod(found);
  if (!jwk) return unusable(`key ${kid} is not usable: ${problem}`);
  if (typeof found.controller === 'string') controller = found.controller;
  // the document at the kid URL says who controls the key: believe it only for the kid's own origin, or when that
  // controller's document lists the key under assertionMethod (else anyone could publish a key "controlled by" a victim)
  const origin = new URL(kid).origin;
  if (controller !== undefined && !sameOrigin(controller, origin) && !(await controllerAuthorizes(controller, kid, ctx))) controller = undefined;
  return { jwk, controller: controller ?? `origin:${origin}` };
}

function sameOrigin(url: string, origin: string): boolean {
  try {
    return /^https?:/i.test(url) && new URL(url).origin === origin;
  } catch {
    return false;
  }
}

/** Does the document of `controller` (which must carry that id) list `kid` under assertionMethod? */
async function controllerAuthorizes(controller: string, kid: string, ctx: VerifyContext): Promise<boolean> {
  try {
    const { document } = await ctx.loader(controller.split('#')[0]!);
    return isObject(document) && document.id === controller && listedUnder(document, 'assertionMethod', kid);
  } catch {
    return false;
  }
}

/** An embedded `jwk` binds to the issuer when the issuer's own DID document (did:key, or `documents`) lists that key for assertions. */
async function bindEmbeddedJwk(jwk: JWK, issuerId: string | undefined, ctx: VerifyContext): Promise<string | undefined> {
  if (!issuerId || !issuerId.startsWith('did:')) return undefined;
  let doc: unknown;
  try {
    doc = (await ctx.loader(issuerId.split('#')[0]!)).document;
  } catch {
    return undefined;
  }
  if (!isObject(doc) || !Array.isArray(doc.verificationMethod)) return undefined;
  const want = await calculateJwkThumbprint(jwk).catch(() => undefined);
  if (!want) return undefined;
  for (const vm of doc.verificationMethod) {
    if (!isObject(vm) || typeof vm.id !== 'string') continue;
    const { jwk: k } = await jwkOfVerificationMethod(vm);
    if (!k) continue;
    const t = await calculateJwkThumbprint(k).catch(() => undefined);
    if (t === want && listedUnder(doc, 'assertionMethod', vm.id)) return typeof vm.controller === 'string' ? vm.controller : String(doc.id);
  }
  return undefined;
}

/** Copy of the payload as a credential: OB 3.0 style (the payload is the credential) or VC-JWT 1.1 style (`vc` claim). */
function credentialFromPayload(payload: Record<string, any>): { cred: Record<string, any>; style: 'ob3' | 'vc-claim' } {
  if (isObject(payload.vc)) {
    // VC Data Model 1.1 §6.3.1: fill what the vc claim leaves out from the JWT claims
    const cred: Record<string, any> = { ...payload.vc };
    const v1 = isV1(cred);
    if (cred.issuer === undefined && typeof payload.iss === 'string') cred.issuer = payload.iss;
    if (cred.id === undefined && typeof payload.jti === 'string') cred.id = payload.jti;
    const fromProp = v1 ? 'issuanceDate' : 'validFrom';
    const untilProp = v1 ? 'expirationDate' : 'validUntil';
    if (cred[fromProp] === undefined && fromNumericDate(payload.nbf)) cred[fromProp] = fromNumericDate(payload.nbf);
    if (cred[untilProp] === undefined && fromNumericDate(payload.exp)) cred[untilProp] = fromNumericDate(payload.exp);
    if (typeof payload.sub === 'string' && isObject(cred.credentialSubject) && cred.credentialSubject.id === undefined) {
      cred.credentialSubject = { ...cred.credentialSubject, id: payload.sub };
    }
    return { cred, style: 'vc-claim' };
  }
  const cred: Record<string, any> = { ...payload };
  for (const c of REGISTERED_CLAIMS) delete cred[c];
  // OB 3.0 §8.2.4.1: "exp … MUST be used to set the value of the validUntil"
  const untilProp = isV1(cred) ? 'expirationDate' : 'validUntil';
  if (cred[untilProp] === undefined && fromNumericDate(payload.exp)) cred[untilProp] = fromNumericDate(payload.exp);
  return { cred, style: 'ob3' };
}

/** OB 3.0 §8.2.4.1: the claims must match the credential. Returns the mismatches (empty = all good). */
function compareClaims(claims: Record<string, any>, cred: Record<string, any>): { problems: string[]; names: string[] } {
  const problems: string[] = [];
  const names: string[] = [];
  const bad = (name: string, msg: string) => {
    names.push(name);
    problems.push(msg);
  };
  const show = (v: unknown) => (v === undefined ? 'missing' : JSON.stringify(v)?.slice(0, 120));
  const issuerId = idOf(cred.issuer);
  if (typeof claims.iss !== 'string' || claims.iss !== issuerId) bad('iss', `iss ${show(claims.iss)} ≠ issuer.id ${show(issuerId)}`);
  if (typeof claims.jti !== 'string' || claims.jti !== cred.id) bad('jti', `jti ${show(claims.jti)} ≠ id ${show(cred.id)}`);
  const fromValue = cred.validFrom ?? cred.issuanceDate;
  const vf = toNumericDate(fromValue);
  if (typeof claims.nbf !== 'number' || !Number.isFinite(claims.nbf) || vf === undefined || Math.floor(claims.nbf) !== vf) {
    bad('nbf', `nbf ${show(claims.nbf)} ≠ validFrom ${show(fromValue)}`);
  }
  const sub = subjectId(cred);
  if (claims.sub !== sub) bad('sub', `sub ${show(claims.sub)} ≠ credentialSubject.id ${show(sub)}`);
  const untilValue = cred.validUntil ?? cred.expirationDate;
  const vu = toNumericDate(untilValue);
  if (claims.exp !== undefined || untilValue !== undefined) {
    if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp) || vu === undefined || Math.floor(claims.exp) !== vu) {
      bad('exp', `exp ${show(claims.exp)} ≠ validUntil ${show(untilValue)}`);
    }
  }
  return { problems, names };
}

/**
 * @internal Verify an OB 3.0 VC-JWT (compact JWS) offline and report every check; never throws on untrusted input.
 *
 * - `format`: three base64url segments, header and payload JSON objects (bounded in size and depth); `crit`/`b64`
 *   headers refused; other headers than `alg`/`kid`/`jwk`/`typ` and a `typ` other than `JWT` are warnings.
 * - `proof`: `alg` one of {@link JWT_ALGORITHMS} (never `none`/`HS*`); key by `kid` — a DID URL (did:key, or did:web /
 *   other DIDs from `documents`/`fetch`; the key must be listed under `assertionMethod`; a relative `#fragment` is
 *   taken relative to the issuer DID) or an http(s) URL of a JWK,
 *   JWK Set or verification method (only from `documents` or through `fetch`) — or by the embedded `jwk` header,
 *   which must not contain private members (`d` …); then the signature (jose).
 * - `claims`: `iss`, `jti`, `nbf`, `sub`, `exp` against the credential (`ERR_JWT_CLAIM_MISMATCH`).
 * - `issuer`: the key's controller is the issuer (an embedded `jwk` counts only if the issuer's DID document lists it).
 * - then the same checks as a JSON-LD credential (context, type, dates — `validUntil` taken from `exp` when absent —,
 *   status, schema, subject; embedded proofs inside the payload are verified too).
 *
 * The payload may be the credential itself (OB 3.0) or carry it in a `vc` claim (VC-JWT 1.1).
 * @example
 * ```ts
 * const report = await verifyJwtCredential(jwt, createVerifyContext({ now: '2026-11-23T12:00:00Z' }) as VerifyContext);
 * report.checks.find((c) => c.id === 'claims')?.status; // 'passed'
 * ```
 */
export async function verifyJwtCredential(jwt: string, ctx: VerifyContext): Promise<VerificationReport> {
  const source = { format: 'vc-jwt' as const, jwt };
  const fail = (code: string, message: string): VerificationReport => makeReport([{ id: 'format', status: 'failed', code, message }], undefined, source);
  try {
    if (typeof jwt !== 'string') return fail('ERR_JWT_MALFORMED', 'a VC-JWT is a string');
    const maxBytes = ctx.opts.maxBytes ?? LIMITS.maxBytes;
    if (jwt.length > maxBytes) return fail('ERR_INPUT_TOO_LARGE', `VC-JWT of ${jwt.length} characters; the limit is ${maxBytes}`);
    const parts = jwt.split('.');
    if (parts.length !== 3 || !parts.every((p) => SEGMENT.test(p)) || !parts[0] || !parts[1]) {
      return fail('ERR_JWT_MALFORMED', 'a VC-JWT is a compact JWS: three base64url segments header.payload.signature');
    }
    const [h, p] = parts as [string, string, string];
    if (h.length > MAX_HEADER_CHARS) return fail('ERR_JWT_MALFORMED', `the JOSE header is longer than ${MAX_HEADER_CHARS} characters`);
    const header = decodeSegment(h);
    if (!header) return fail('ERR_JWT_MALFORMED', 'the JOSE header is not a base64url-encoded JSON object');
    const payload = decodeSegment(p);
    if (!payload) return fail('ERR_JWT_MALFORMED', 'the JWT payload is not a base64url-encoded JSON object');
    const bounded = boundCheck(payload, maxBytes, ctx.opts.limits, 'the JWT payload');
    if (bounded) return makeReport([bounded], undefined, source);
    if (header.crit !== undefined || header.b64 !== undefined) {
      return fail('ERR_JWT_UNSUPPORTED_HEADER', 'JOSE headers "crit"/"b64" are not allowed in an OB 3.0 VC-JWT');
    }

    const alg = typeof header.alg === 'string' ? header.alg : undefined;
    const checks: Check[] = [{ id: 'format', status: 'passed', message: `VC-JWT (${String(alg).slice(0, 20)})` }];
    const extra = Object.keys(header).filter((k) => !ALLOWED_HEADERS.has(k));
    if (extra.length) {
      checks.push({ id: 'format', status: 'warning', code: 'W_JWT_EXTRA_HEADER', message: `JOSE headers OB 3.0 does not allow: ${extra.slice(0, 10).join(', ').slice(0, 200)}` });
    }
    if (header.typ !== undefined && header.typ !== 'JWT') {
      checks.push({ id: 'format', status: 'warning', code: 'W_JWT_TYP', message: `typ is ${JSON.stringify(header.typ).slice(0, 60)}; OB 3.0 says "JWT"` });
    }

    const { cred, style } = credentialFromPayload(payload);
    const issuerId = idOf(cred.issuer);

    // ---- key ----
    let key: ResolvedKey = {};
    const kid = header.kid;
    const headerJwk = header.jwk;
    if (!alg || !(JWT_ALGORITHMS as readonly string[]).includes(alg)) {
      key.check = { id: 'proof', status: 'failed', code: 'ERR_JWT_ALG', message: `alg ${JSON.stringify(header.alg)?.slice(0, 40)} is not accepted (${JWT_ALGORITHMS.join(', ')})` };
    } else if (headerJwk !== undefined && (!isObject(headerJwk) || PRIVATE_JWK_MEMBERS.some((k) => k in headerJwk))) {
      key.check = isObject(headerJwk)
        ? { id: 'proof', status: 'failed', code: 'ERR_JWT_PRIVATE_KEY_EXPOSED', message: 'the jwk header contains private key material ("d" …): the key is compromised, refusing it' }
        : { id: 'proof', status: 'failed', code: 'ERR_JWT_MALFORMED', message: 'the jwk header is not a JWK object' };
    } else if (kid !== undefined) {
      if (typeof kid !== 'string') key.check = { id: 'proof', status: 'failed', code: 'ERR_JWT_MALFORMED', message: 'kid must be a string' };
      // a relative kid ("#key-1") names a key of the issuer's DID document
      else key = await resolveKid(kid.startsWith('#') && issuerId?.startsWith('did:') ? `${issuerId.split('#')[0]}${kid}` : kid, ctx);
      if (key.jwk && headerJwk !== undefined) {
        const embedded = publicJwk(headerJwk);
        const [a, b] = await Promise.all([calculateJwkThumbprint(key.jwk).catch(() => 'x'), embedded ? calculateJwkThumbprint(embedded).catch(() => 'y') : 'y']);
        if (a !== b) key = { check: { id: 'proof', status: 'failed', code: 'ERR_JWT_KEY_MISMATCH', message: `the jwk header is not the key ${String(kid)}` } };
      }
    } else if (headerJwk !== undefined) {
      const jwk = publicJwk(headerJwk);
      if (!jwk) key.check = { id: 'proof', status: 'failed', code: 'ERR_KEY_UNSUPPORTED', message: 'the jwk header is not a usable public JWK' };
      else key = { jwk };
    } else {
      key.check = { id: 'proof', status: 'failed', code: 'ERR_JWT_NO_KEY', message: 'the JOSE header has neither kid nor jwk' };
    }
    if (key.jwk && alg && !keyFitsAlg(key.jwk, alg)) {
      key = { check: { id: 'proof', status: 'failed', code: 'ERR_KEY_ALG_MISMATCH', message: `alg ${alg} does not fit a ${String(key.jwk.kty)}${key.jwk.crv ? `/${String(key.jwk.crv)}` : ''} key` } };
    }

    // ---- signature ----
    let sigOk = false;
    if (key.check) checks.push(key.check);
    else if (key.jwk && alg) {
      const by = typeof kid === 'string' ? kid : 'the embedded jwk';
      try {
        const k = await importJWK(key.jwk, alg);
        await compactVerify(jwt, k, { algorithms: [alg] });
        sigOk = true;
        checks.push({ id: 'proof', status: 'passed', message: `JWS ${alg} signature by ${by}` });
      } catch (err) {
        const code = (err as { code?: string })?.code;
        checks.push(
          code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED'
            ? { id: 'proof', status: 'failed', code: 'ERR_PROOF_INVALID_SIGNATURE', message: `JWS signature does not match (changed after signing, or not made by ${by})` }
            : { id: 'proof', status: 'failed', code: 'ERR_PROOF_INVALID', message: `JWS could not be verified with ${by}: ${String((err as Error)?.message ?? err).slice(0, 200)}` },
        );
      }
    }

    // ---- claims ↔ credential (OB 3.0 §8.2.4.1) ----
    const { problems, names } = compareClaims(payload, cred);
    checks.push(
      problems.length
        ? { id: 'claims', status: 'failed', code: 'ERR_JWT_CLAIM_MISMATCH', message: problems.join('; '), target: names.join(',') }
        : { id: 'claims', status: 'passed', message: `iss, jti, nbf${payload.sub !== undefined ? ', sub' : ''}${payload.exp !== undefined ? ', exp' : ''} match the credential${style === 'vc-claim' ? ' (vc claim, VC-JWT 1.1)' : ''}` },
    );

    // ---- issuer ↔ key ----
    let controller = key.controller;
    let issuerCheck: Check | undefined;
    if (sigOk && controller === undefined) {
      // embedded jwk: bound only if the issuer's DID document lists it
      controller = await bindEmbeddedJwk(key.jwk!, issuerId, ctx);
      if (!controller) {
        issuerCheck = {
          id: 'issuer',
          status: 'failed',
          code: 'ERR_ISSUER_KEY_UNBOUND',
          message: `the embedded jwk is not a key of issuer ${String(issuerId).slice(0, 120)}: use a kid the issuer's DID document lists under assertionMethod`,
        };
      }
    } else if (sigOk && controller?.startsWith('origin:')) {
      // a bare JWK / JWK Set at an http(s) URL: bound to an http(s) issuer of the same origin
      const origin = controller.slice('origin:'.length);
      let same = false;
      try {
        same = !!issuerId && /^https?:/i.test(issuerId) && new URL(issuerId).origin === origin;
      } catch {
        same = false;
      }
      controller = same ? issuerId : origin;
    }

    const { verifyParsed } = await import('../verify/verify.js');
    const rest = await verifyParsed(cred, ctx, 'json', { controllers: sigOk && controller ? [controller] : [] });
    const restChecks = rest.checks.filter((c) => c.id !== 'format' && !(issuerCheck && c.id === 'issuer' && c.status === 'skipped'));
    const merged = [...checks, ...(issuerCheck ? [issuerCheck] : []), ...restChecks];
    const report = makeReport(merged, cred, source);
    if (rest.view) report.view = rest.view;
    return report;
  } catch (err) {
    return makeReport([{ id: 'format', status: 'failed', code: 'ERR_INTERNAL', message: `VC-JWT verification could not complete: ${String((err as Error)?.message ?? err).slice(0, 200)}` }], undefined, source);
  }
}

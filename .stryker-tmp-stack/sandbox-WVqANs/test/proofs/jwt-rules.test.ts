// @ts-nocheck
// Rule tests for src/proofs/jwt.ts (mutation area `proofs-jwt`): VC-JWTs made by hand here (node:crypto Ed25519 /
// P-256 / P-384 keys generated in the test, header and payload base64url-encoded by hand), a stub document loader and a
// stub of verify.ts's verifyParsed (the JSON-LD checks that follow the JWT checks), so no jsonld runs and a mutant
// runs in milliseconds. OB 3.0 §8.2 "JSON Web Token Proof Format", RFC 7515 (JWS), RFC 7519 (JWT), RFC 7638
// (thumbprints). Expected values are literal or computed with node:crypto, never with src/proofs/jwt.ts.
import { generateKeyPairSync, sign as nodeSign, verify as nodeVerify, type KeyObject } from 'node:crypto';
import { base58 } from '@scure/base';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { signJwtCredential, verifyJwtCredential } from '../../src/proofs/jwt.js';
import type { VerifyContext } from '../../src/verify/options.js';
import type { Check } from '../../src/verify/report.js';

/** verifyParsed stub: records its arguments; answers a format check (dropped by jwt.ts), an issuer check and a dates check. */
const h = vi.hoisted(() => ({ calls: [] as { cred: Record<string, any>; from: string; external: { controllers: string[] } }[], failEcdsaKeys: false }));
/** The P-256/P-384 key chunk (load.ts) can be made to fail, as a missing chunk would. */
vi.mock('../../src/proofs/load.js', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../src/proofs/load.js')>();
  return { ...m, loadEcdsaKeys: () => (h.failEcdsaKeys ? Promise.reject(new Error('chunk missing')) : m.loadEcdsaKeys()) };
});
vi.mock('../../src/verify/verify.js', () => ({
  verifyParsed: async (cred: Record<string, any>, _ctx: unknown, from: string, external: { controllers: string[] }) => {
    h.calls.push({ cred, from, external });
    if (cred.boom === 'null') throw null;
    if (cred.boom === 'long') throw new Error('e'.repeat(300));
    if (cred.boom) throw new Error('stub exploded');
    return {
      checks: [
        { id: 'format', status: 'passed', message: 'json' },
        { id: 'issuer', status: external.controllers.length ? 'passed' : 'skipped', message: 'stub issuer' },
        { id: 'dates', status: 'passed', message: 'stub dates' },
        ...(cred.moreChecks ? [{ id: 'status', status: 'skipped', message: 'stub status' }, { id: 'issuer', status: 'passed', message: 'stub issuer 2' }] : []),
      ],
      ...(cred.noView ? {} : { view: { stub: true } }),
    };
  },
}));

const VC2 = 'https://www.w3.org/ns/credentials/v2';
const V1 = 'https://www.w3.org/2018/credentials/v1';
const ISS = 'did:example:issuer';
const KID = `${ISS}#key-1`;
const SUB = 'did:example:alice';
/** 2026-01-01T00:00:00Z as a NumericDate (2025-01-01 = 1735689600, + 365 days). */
const NBF = 1767225600;
/** 2027-01-01T00:00:00Z (+ 365 days). */
const EXP = 1798761600;

const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const ed = generateKeyPairSync('ed25519');
const ed2 = generateKeyPairSync('ed25519');
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
const jwkOf = (k: KeyObject) => k.export({ format: 'jwk' }) as { x: string; y: string };
const ED_JWK = { kty: 'OKP', crv: 'Ed25519', x: jwkOf(ed.publicKey).x };
const ED2_JWK = { kty: 'OKP', crv: 'Ed25519', x: jwkOf(ed2.publicKey).x };
const P256_JWK = { kty: 'EC', crv: 'P-256', x: jwkOf(p256.publicKey).x, y: jwkOf(p256.publicKey).y };
const P384_JWK = { kty: 'EC', crv: 'P-384', x: jwkOf(p384.publicKey).x, y: jwkOf(p384.publicKey).y };
const raw = (s: string) => Buffer.from(s, 'base64url');
/** Multikey (multicodec ed25519-pub 0xed01 + 32 bytes; p256-pub 0x8024 / p384-pub 0x8124 + compressed point). */
const ED_MB = `z${base58.encode(Uint8Array.from([0xed, 0x01, ...raw(ED_JWK.x)]))}`;
const compressed = (j: { x: string; y: string }) => [2 + (raw(j.y).at(-1)! & 1), ...raw(j.x)];
const P256_MB = `z${base58.encode(Uint8Array.from([0x80, 0x24, ...compressed(P256_JWK)]))}`;
const P384_MB = `z${base58.encode(Uint8Array.from([0x81, 0x24, ...compressed(P384_JWK)]))}`;

type KeyName = 'ed' | 'ed2' | 'p256' | 'p384';
function sigOf(input: string, key: KeyName): Buffer {
  if (key === 'ed' || key === 'ed2') return nodeSign(null, Buffer.from(input), (key === 'ed' ? ed : ed2).privateKey);
  return nodeSign(key === 'p256' ? 'sha256' : 'sha384', Buffer.from(input), { key: (key === 'p256' ? p256 : p384).privateKey, dsaEncoding: 'ieee-p1363' });
}
/** A compact JWS over `header`.`payload` (objects are JSON-encoded, strings taken as the JSON text). */
function jws(header: unknown, payload: unknown, key: KeyName = 'ed'): string {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${sigOf(input, key).toString('base64url')}`;
}

const CRED = {
  '@context': [VC2],
  id: 'urn:uuid:1',
  type: ['VerifiableCredential'],
  issuer: { id: ISS, type: ['Profile'] },
  validFrom: '2026-01-01T00:00:00Z',
  credentialSubject: { id: SUB },
};
const CLAIMS = { iss: ISS, jti: 'urn:uuid:1', nbf: NBF, sub: SUB };
const PAYLOAD = { ...CRED, ...CLAIMS };
const HEADER = { alg: 'EdDSA', kid: KID, typ: 'JWT' };
const VM = { id: KID, type: 'JsonWebKey', controller: ISS, publicKeyJwk: ED_JWK };
const DID_DOC = { id: ISS, verificationMethod: [VM], assertionMethod: [KID] };

function ctxOf(docs: Record<string, unknown> = { [KID]: VM, [ISS]: DID_DOC }, opts: Record<string, unknown> = {}) {
  const seen: string[] = [];
  const loader = async (url: string) => {
    seen.push(url);
    if (!Object.prototype.hasOwnProperty.call(docs, url)) throw new Error(`nothing at ${url}`);
    const d = docs[url];
    if (d instanceof Error) throw d;
    return { document: d, documentUrl: url, contextUrl: null };
  };
  const ctx = { now: new Date('2026-06-01T00:00:00Z'), loader, opts, depth: 0, forkLoader: () => loader, statusLists: new Map() };
  return { ctx: ctx as unknown as VerifyContext, seen };
}
const run = (jwt: unknown, docs?: Record<string, unknown>, opts?: Record<string, unknown>) => verifyJwtCredential(jwt as string, ctxOf(docs, opts).ctx);
const pick = (checks: Check[], id: string) => checks.filter((c) => c.id === id).map((c) => ({ status: c.status, code: c.code, message: c.message, ...(c.target !== undefined ? { target: c.target } : {}) }));
const proofOf = async (jwt: string, docs?: Record<string, unknown>, opts?: Record<string, unknown>) => pick((await run(jwt, docs, opts)).checks, 'proof');

beforeEach(() => {
  h.calls.length = 0;
});

describe('verifyJwtCredential: format (compact JWS, bounded)', () => {
  const malformed = (message: string, code = 'ERR_JWT_MALFORMED') => ({ verified: false, checks: [{ id: 'format', status: 'failed', code, message }], warnings: [] });
  const SHAPE = 'a VC-JWT is a compact JWS: three base64url segments header.payload.signature';
  it('a non-string is refused, the jwt kept in source', async () => {
    const r = await run(42);
    expect(r).toEqual({ ...malformed('a VC-JWT is a string'), source: { format: 'vc-jwt', jwt: 42 } });
  });
  it('longer than maxBytes (default 5 MiB) is ERR_INPUT_TOO_LARGE; exactly maxBytes goes on', async () => {
    const jwt = jws(HEADER, PAYLOAD);
    const r = await run(jwt, undefined, { maxBytes: jwt.length - 1 });
    expect(r).toMatchObject(malformed(`VC-JWT of ${jwt.length} characters; the limit is ${jwt.length - 1}`, 'ERR_INPUT_TOO_LARGE'));
    expect((await run(jwt, undefined, { maxBytes: jwt.length })).verified).toBe(true);
    const big = 'a'.repeat(5 * 1024 * 1024 + 1);
    expect(await run(big)).toMatchObject(malformed(`VC-JWT of ${5 * 1024 * 1024 + 1} characters; the limit is 5242880`, 'ERR_INPUT_TOO_LARGE'));
  });
  it('three segments of base64url characters, header and payload not empty (the signature may be)', async () => {
    const [hh, pp, ss] = jws(HEADER, PAYLOAD).split('.') as [string, string, string];
    for (const bad of [`${hh}.${pp}`, `${hh}.${pp}.${ss}.x`, `${hh}.${pp}.${ss}=`, `${hh}+.${pp}.${ss}`, `${hh}.${pp}/.${ss}`, `.${pp}.${ss}`, `${hh}..${ss}`, '']) {
      expect(await run(bad)).toMatchObject(malformed(SHAPE));
    }
    // an empty signature is well-formed: it fails as a signature
    expect(pick((await run(`${hh}.${pp}.`)).checks, 'format')).toEqual([{ status: 'passed', code: undefined, message: 'VC-JWT (EdDSA)' }]);
  });
  it('a header longer than 16 KiB characters is refused before decoding; 16384 is allowed', async () => {
    const pad = (n: number) => {
      // {"alg":"EdDSA","kid":"…","typ":"JWT","x":"…"} padded so that its base64url is exactly n characters
      const base = { ...HEADER, x: '' };
      const len = JSON.stringify(base).length;
      const chars = (n / 4) * 3 - len;
      return { ...HEADER, x: 'a'.repeat(chars) };
    };
    const at = pad(16384);
    expect(b64(at).length).toBe(16384);
    const over = `${b64(pad(16388))}.${b64(PAYLOAD)}.`;
    expect(await run(over)).toMatchObject(malformed('the JOSE header is longer than 16384 characters'));
    const r = await run(jws(at, PAYLOAD));
    expect(pick(r.checks, 'format')[0]).toEqual({ status: 'passed', code: undefined, message: 'VC-JWT (EdDSA)' });
  });
  it('header and payload must be UTF-8 JSON objects', async () => {
    const HDR = 'the JOSE header is not a base64url-encoded JSON object';
    const PL = 'the JWT payload is not a base64url-encoded JSON object';
    expect(await run(`${b64('[1]')}.${b64(PAYLOAD)}.`)).toMatchObject(malformed(HDR));
    expect(await run(`${b64('null')}.${b64(PAYLOAD)}.`)).toMatchObject(malformed(HDR));
    expect(await run(`${b64('{"alg":')}.${b64(PAYLOAD)}.`)).toMatchObject(malformed(HDR));
    expect(await run(`${Buffer.from([0x7b, 0xff, 0x7d]).toString('base64url')}.${b64(PAYLOAD)}.`)).toMatchObject(malformed(HDR));
    expect(await run(`${b64(HEADER)}.${b64('"str"')}.`)).toMatchObject(malformed(PL));
    expect(await run(`${b64(HEADER)}.${b64('[{}]')}.`)).toMatchObject(malformed(PL));
    expect(await run(`${b64(HEADER)}.${b64('{')}.`)).toMatchObject(malformed(PL));
  });
  it('the payload is bounded like a credential (limits from the options)', async () => {
    const deep = { ...PAYLOAD, a: { b: { c: { d: 1 } } } };
    const r = await run(jws(HEADER, deep), undefined, { limits: { maxDepth: 3 } });
    expect(r.checks).toEqual([{ id: 'format', status: 'failed', code: 'ERR_INPUT_TOO_DEEP', message: 'JSON nesting deeper than 3' }]);
    expect(r.source).toEqual({ format: 'vc-jwt', jwt: jws(HEADER, deep) });
    expect(r.verified).toBe(false);
    expect((await run(jws(HEADER, deep), undefined, { maxBytes: 200 })).checks[0]!.code).toBe('ERR_INPUT_TOO_LARGE');
  });
  it('crit and b64 headers are refused (RFC 7515 §4.1.11, RFC 7797)', async () => {
    const msg = 'JOSE headers "crit"/"b64" are not allowed in an OB 3.0 VC-JWT';
    expect(await run(jws({ ...HEADER, crit: ['exp'] }, PAYLOAD))).toMatchObject(malformed(msg, 'ERR_JWT_UNSUPPORTED_HEADER'));
    expect(await run(jws({ ...HEADER, b64: false }, PAYLOAD))).toMatchObject(malformed(msg, 'ERR_JWT_UNSUPPORTED_HEADER'));
    expect(await run(jws({ ...HEADER, crit: null }, PAYLOAD))).toMatchObject(malformed(msg, 'ERR_JWT_UNSUPPORTED_HEADER'));
  });
  it('§8.2.2 "Additional JOSE Headers are NOT allowed": a warning listing them (10 at most); typ other than JWT warns', async () => {
    const r = await run(jws({ ...HEADER, cty: 'vc', x5u: 'https://x' }, PAYLOAD));
    expect(pick(r.checks, 'format')).toEqual([
      { status: 'passed', code: undefined, message: 'VC-JWT (EdDSA)' },
      { status: 'warning', code: 'W_JWT_EXTRA_HEADER', message: 'JOSE headers OB 3.0 does not allow: cty, x5u' },
    ]);
    expect(r.verified).toBe(true);
    expect(r.warnings.map((w) => w.code)).toEqual(['W_JWT_EXTRA_HEADER']);
    const many = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`h${i}`, 1]));
    const m = await run(jws({ ...HEADER, ...many }, PAYLOAD));
    expect(m.checks[1]!.message).toBe('JOSE headers OB 3.0 does not allow: h0, h1, h2, h3, h4, h5, h6, h7, h8, h9');
    const long = await run(jws({ ...HEADER, ['y'.repeat(300)]: 1 }, PAYLOAD));
    expect(long.checks[1]!.message).toBe(`JOSE headers OB 3.0 does not allow: ${'y'.repeat(200)}`);
    const typ = await run(jws({ ...HEADER, typ: 'vc+jwt' }, PAYLOAD));
    expect(pick(typ.checks, 'format')[1]).toEqual({ status: 'warning', code: 'W_JWT_TYP', message: 'typ is "vc+jwt"; OB 3.0 says "JWT"' });
    const typLong = await run(jws({ ...HEADER, typ: 'z'.repeat(100) }, PAYLOAD));
    expect(typLong.checks[1]!.message).toBe(`typ is ${`"${'z'.repeat(99)}`.slice(0, 60)}; OB 3.0 says "JWT"`);
    const noTyp = await run(jws({ alg: 'EdDSA', kid: KID }, PAYLOAD));
    expect(pick(noTyp.checks, 'format')).toHaveLength(1);
    const jwt = await run(jws(HEADER, PAYLOAD));
    expect(jwt.warnings).toEqual([]);
  });
  it('the format message shows alg cut to 20 characters', async () => {
    const r = await run(jws({ ...HEADER, alg: 'A'.repeat(30) }, PAYLOAD));
    expect(r.checks[0]!.message).toBe(`VC-JWT (${'A'.repeat(20)})`);
    const n = await run(jws({ kid: KID, typ: 'JWT' }, PAYLOAD));
    expect(n.checks[0]!.message).toBe('VC-JWT (undefined)');
  });
});

describe('verifyJwtCredential: alg and the key', () => {
  const ALGS = 'EdDSA, RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384';
  it('alg none / HS256 / missing / not a string are refused (never fall back to no signature)', async () => {
    expect(await proofOf(jws({ ...HEADER, alg: 'none' }, PAYLOAD))).toEqual([{ status: 'failed', code: 'ERR_JWT_ALG', message: `alg "none" is not accepted (${ALGS})` }]);
    expect(await proofOf(jws({ ...HEADER, alg: 'HS256' }, PAYLOAD))).toEqual([{ status: 'failed', code: 'ERR_JWT_ALG', message: `alg "HS256" is not accepted (${ALGS})` }]);
    expect(await proofOf(jws({ kid: KID }, PAYLOAD))).toEqual([{ status: 'failed', code: 'ERR_JWT_ALG', message: `alg undefined is not accepted (${ALGS})` }]);
    expect(await proofOf(jws({ ...HEADER, alg: 7 }, PAYLOAD))).toEqual([{ status: 'failed', code: 'ERR_JWT_ALG', message: `alg 7 is not accepted (${ALGS})` }]);
    expect((await proofOf(jws({ ...HEADER, alg: 'x'.repeat(60) }, PAYLOAD)))[0]!.message).toBe(`alg ${`"${'x'.repeat(59)}`.slice(0, 40)} is not accepted (${ALGS})`);
    expect((await run(jws({ ...HEADER, alg: 'none' }, PAYLOAD))).verified).toBe(false);
  });
  it('a jwk header that is not an object, or carries private members, is refused', async () => {
    expect(await proofOf(jws({ ...HEADER, jwk: 'abc' }, PAYLOAD))).toEqual([{ status: 'failed', code: 'ERR_JWT_MALFORMED', message: 'the jwk header is not a JWK object' }]);
    expect(await proofOf(jws({ ...HEADER, jwk: [ED_JWK] }, PAYLOAD))).toEqual([{ status: 'failed', code: 'ERR_JWT_MALFORMED', message: 'the jwk header is not a JWK object' }]);
    expect(await proofOf(jws({ ...HEADER, jwk: null }, PAYLOAD))).toEqual([{ status: 'failed', code: 'ERR_JWT_MALFORMED', message: 'the jwk header is not a JWK object' }]);
    for (const m of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k']) {
      expect(await proofOf(jws({ alg: 'EdDSA', jwk: { ...ED_JWK, [m]: 'AA' } }, PAYLOAD))).toEqual([
        { status: 'failed', code: 'ERR_JWT_PRIVATE_KEY_EXPOSED', message: 'the jwk header contains private key material ("d" …): the key is compromised, refusing it' },
      ]);
    }
  });
  it('kid must be a string; neither kid nor jwk is ERR_JWT_NO_KEY', async () => {
    expect(await proofOf(jws({ alg: 'EdDSA', kid: 5 }, PAYLOAD))).toEqual([{ status: 'failed', code: 'ERR_JWT_MALFORMED', message: 'kid must be a string' }]);
    expect(await proofOf(jws({ alg: 'EdDSA', kid: 5, jwk: ED_JWK }, PAYLOAD))).toEqual([{ status: 'failed', code: 'ERR_JWT_MALFORMED', message: 'kid must be a string' }]);
    expect(await proofOf(jws({ alg: 'EdDSA' }, PAYLOAD))).toEqual([{ status: 'failed', code: 'ERR_JWT_NO_KEY', message: 'the JOSE header has neither kid nor jwk' }]);
  });
  it('a valid EdDSA VC-JWT by a DID URL kid passes; the rest of the checks come from verifyParsed', async () => {
    const jwt = jws(HEADER, PAYLOAD);
    const r = await run(jwt);
    expect(r.checks).toEqual([
      { id: 'format', status: 'passed', message: 'VC-JWT (EdDSA)' },
      { id: 'proof', status: 'passed', message: `JWS EdDSA signature by ${KID}` },
      { id: 'claims', status: 'passed', message: 'iss, jti, nbf, sub match the credential' },
      { id: 'issuer', status: 'passed', message: 'stub issuer' },
      { id: 'dates', status: 'passed', message: 'stub dates' },
    ]);
    expect(r.verified).toBe(true);
    expect(r.source).toEqual({ format: 'vc-jwt', jwt });
    expect(r.credential).toEqual(CRED);
    expect(r.view).toEqual({ stub: true });
    expect(h.calls).toHaveLength(1);
    expect(h.calls[0]!.from).toBe('json');
    expect(h.calls[0]!.external).toEqual({ controllers: [ISS] });
    expect(h.calls[0]!.cred).toEqual(CRED);
  });
  it('no view from verifyParsed: none in the report', async () => {
    const r = await run(jws(HEADER, { ...PAYLOAD, noView: true }));
    expect('view' in r).toBe(false);
  });
  it('a tampered payload or signature is ERR_PROOF_INVALID_SIGNATURE; the controller is not passed on', async () => {
    const [hh, pp, ss] = jws(HEADER, PAYLOAD).split('.') as [string, string, string];
    const other = b64({ ...PAYLOAD, name: 'x' });
    const msg = `JWS signature does not match (changed after signing, or not made by ${KID})`;
    expect(await proofOf(`${hh}.${other}.${ss}`)).toEqual([{ status: 'failed', code: 'ERR_PROOF_INVALID_SIGNATURE', message: msg }]);
    expect(h.calls.at(-1)!.external).toEqual({ controllers: [] });
    expect(await proofOf(`${hh}.${pp}.${sigOf('x', 'ed').toString('base64url')}`)).toEqual([{ status: 'failed', code: 'ERR_PROOF_INVALID_SIGNATURE', message: msg }]);
    expect(await proofOf(jws(HEADER, PAYLOAD, 'ed2'))).toEqual([{ status: 'failed', code: 'ERR_PROOF_INVALID_SIGNATURE', message: msg }]);
  });
  it('a key jose cannot import is ERR_PROOF_INVALID with the reason', async () => {
    const bad = { ...VM, publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x: 5 } };
    const [p] = await proofOf(jws(HEADER, PAYLOAD), { [KID]: bad, [ISS]: DID_DOC });
    expect(p!.code).toBe('ERR_PROOF_INVALID');
    expect(p!.message.startsWith(`JWS could not be verified with ${KID}: `)).toBe(true);
    expect(p!.message.length).toBeLessThanOrEqual(`JWS could not be verified with ${KID}: `.length + 200);
    expect(p!.message.length).toBeGreaterThan(`JWS could not be verified with ${KID}: `.length);
  });
  it('ES256 (P-256) and ES384 (P-384) JsonWebKeys and Multikeys', async () => {
    for (const [alg, key, jwk, mb] of [['ES256', 'p256', P256_JWK, P256_MB], ['ES384', 'p384', P384_JWK, P384_MB]] as const) {
      for (const vm of [{ ...VM, publicKeyJwk: jwk }, { id: KID, type: 'Multikey', controller: ISS, publicKeyMultibase: mb }]) {
        expect(await proofOf(jws({ ...HEADER, alg }, PAYLOAD, key), { [KID]: vm, [ISS]: DID_DOC })).toEqual([{ status: 'passed', code: undefined, message: `JWS ${alg} signature by ${KID}` }]);
      }
    }
  });
  it('an Ed25519 Multikey', async () => {
    const vm = { id: KID, type: 'Multikey', controller: ISS, publicKeyMultibase: ED_MB };
    expect(await proofOf(jws(HEADER, PAYLOAD), { [KID]: vm, [ISS]: DID_DOC })).toEqual([{ status: 'passed', code: undefined, message: `JWS EdDSA signature by ${KID}` }]);
  });
  it('the key type must fit alg (EdDSA ↔ OKP/Ed25519, ES256 ↔ EC/P-256, ES384 ↔ EC/P-384, RS*/PS* ↔ RSA)', async () => {
    const docsWith = (jwk: unknown) => ({ [KID]: { ...VM, publicKeyJwk: jwk }, [ISS]: DID_DOC });
    const mismatch = (alg: string, what: string) => [{ status: 'failed', code: 'ERR_KEY_ALG_MISMATCH', message: `alg ${alg} does not fit a ${what} key` }];
    expect(await proofOf(jws({ ...HEADER, alg: 'EdDSA' }, PAYLOAD), docsWith(P256_JWK))).toEqual(mismatch('EdDSA', 'EC/P-256'));
    expect(await proofOf(jws({ ...HEADER, alg: 'EdDSA' }, PAYLOAD), docsWith({ kty: 'OKP', crv: 'X25519', x: ED_JWK.x }))).toEqual(mismatch('EdDSA', 'OKP/X25519'));
    expect(await proofOf(jws({ ...HEADER, alg: 'ES256' }, PAYLOAD), docsWith(P384_JWK))).toEqual(mismatch('ES256', 'EC/P-384'));
    expect(await proofOf(jws({ ...HEADER, alg: 'ES256' }, PAYLOAD), docsWith(ED_JWK))).toEqual(mismatch('ES256', 'OKP/Ed25519'));
    expect(await proofOf(jws({ ...HEADER, alg: 'ES384' }, PAYLOAD), docsWith(P256_JWK))).toEqual(mismatch('ES384', 'EC/P-256'));
    expect(await proofOf(jws({ ...HEADER, alg: 'ES384' }, PAYLOAD), docsWith(ED_JWK))).toEqual(mismatch('ES384', 'OKP/Ed25519'));
    expect(await proofOf(jws({ ...HEADER, alg: 'RS256' }, PAYLOAD), docsWith(ED_JWK))).toEqual(mismatch('RS256', 'OKP/Ed25519'));
    expect(await proofOf(jws({ ...HEADER, alg: 'PS256' }, PAYLOAD), docsWith({ kty: 'EC', crv: 'P-256', x: P256_JWK.x, y: P256_JWK.y }))).toEqual(mismatch('PS256', 'EC/P-256'));
    expect(await proofOf(jws({ ...HEADER, alg: 'EdDSA' }, PAYLOAD), docsWith({ kty: 'RSA', n: 'AQAB', e: 'AQAB' }))).toEqual(mismatch('EdDSA', 'RSA'));
    // an RSA key for RS256 gets past the fit check (the signature then fails)
    const rsa = await proofOf(jws({ ...HEADER, alg: 'RS256' }, PAYLOAD), docsWith({ kty: 'RSA', n: 'AQAB', e: 'AQAB' }));
    expect(rsa[0]!.code).not.toBe('ERR_KEY_ALG_MISMATCH');
    expect(rsa[0]!.status).toBe('failed');
  });
  it('kid and jwk together: the jwk must be the kid key (RFC 7638 thumbprints)', async () => {
    expect(await proofOf(jws({ ...HEADER, jwk: ED_JWK }, PAYLOAD))).toEqual([{ status: 'passed', code: undefined, message: `JWS EdDSA signature by ${KID}` }]);
    // members beyond the public ones do not change the thumbprint
    expect(await proofOf(jws({ ...HEADER, jwk: { ...ED_JWK, use: 'sig' } }, PAYLOAD))).toEqual([{ status: 'passed', code: undefined, message: `JWS EdDSA signature by ${KID}` }]);
    const mismatch = [{ status: 'failed', code: 'ERR_JWT_KEY_MISMATCH', message: `the jwk header is not the key ${KID}` }];
    expect(await proofOf(jws({ ...HEADER, jwk: ED2_JWK }, PAYLOAD))).toEqual(mismatch);
    expect(await proofOf(jws({ ...HEADER, jwk: { crv: 'Ed25519', x: ED_JWK.x } }, PAYLOAD))).toEqual(mismatch);
    expect(await proofOf(jws({ ...HEADER, jwk: { kty: 'EC', crv: 'P-256' } }, PAYLOAD))).toEqual(mismatch);
    // a kid key jose cannot thumbprint never matches
    const bad = { [KID]: { ...VM, publicKeyJwk: { kty: 'EC', crv: 'P-256' } }, [ISS]: DID_DOC };
    expect(await proofOf(jws({ ...HEADER, jwk: { kty: 'EC', crv: 'P-256' } }, PAYLOAD), bad)).toEqual(mismatch);
  });
});

describe('verifyJwtCredential: kid as a DID URL', () => {
  const unusable = (message: string, target = KID) => [{ status: 'failed', code: 'ERR_KEY_UNSUPPORTED', message, target }];
  it('a kid longer than 2048 characters is refused; 2048 is looked up', async () => {
    const long = `${ISS}#${'k'.repeat(2048 - ISS.length - 1)}`;
    expect(long.length).toBe(2048);
    const docs = { [long]: { ...VM, id: long }, [ISS]: { ...DID_DOC, assertionMethod: [long] } };
    expect(await proofOf(jws({ ...HEADER, kid: long }, PAYLOAD), docs)).toEqual([{ status: 'passed', code: undefined, message: `JWS EdDSA signature by ${long}` }]);
    const longer = `${long}k`;
    expect(await proofOf(jws({ ...HEADER, kid: longer }, PAYLOAD))).toEqual(unusable('kid is longer than 2048 characters', longer));
  });
  it('a DID without a fragment does not name a key', async () => {
    expect(await proofOf(jws({ ...HEADER, kid: ISS }, PAYLOAD))).toEqual(unusable(`kid ${ISS} is a DID, not a DID URL naming one key (did:…#fragment)`, ISS));
  });
  it('a kid that cannot be resolved is ERR_KEY_UNAVAILABLE, with the loader message', async () => {
    expect(await proofOf(jws(HEADER, PAYLOAD), { [ISS]: DID_DOC })).toEqual([
      { status: 'failed', code: 'ERR_KEY_UNAVAILABLE', message: `cannot resolve kid ${KID} (offline: pass the DID document in \`documents\`, or give \`fetch\`): nothing at ${KID}`, target: KID },
    ]);
    expect(await proofOf(jws(HEADER, PAYLOAD), { [KID]: 'a string', [ISS]: DID_DOC })).toEqual(unusable(`${KID} does not resolve to a verification method`));
  });
  it('the verification method must hold a usable public key', async () => {
    const with_ = (vm: unknown) => ({ [KID]: vm, [ISS]: DID_DOC });
    const pre = `verification method ${KID} is not usable: `;
    expect(await proofOf(jws(HEADER, PAYLOAD), with_({ id: KID, publicKeyJwk: { ...ED_JWK, d: 'AA' } }))).toEqual(unusable(`${pre}its publicKeyJwk contains private key material: the key is compromised`));
    expect(await proofOf(jws(HEADER, PAYLOAD), with_({ id: KID, publicKeyJwk: { ...ED_JWK, k: 'AA' } }))).toEqual(unusable(`${pre}its publicKeyJwk contains private key material: the key is compromised`));
    expect(await proofOf(jws(HEADER, PAYLOAD), with_({ id: KID, publicKeyJwk: 'x' }))).toEqual(unusable(`${pre}its publicKeyJwk is not a JWK`));
    expect(await proofOf(jws(HEADER, PAYLOAD), with_({ id: KID, publicKeyJwk: { crv: 'Ed25519' } }))).toEqual(unusable(`${pre}its publicKeyJwk is not a JWK`));
    expect(await proofOf(jws(HEADER, PAYLOAD), with_({ id: KID, publicKeyJwk: { kty: 5 } }))).toEqual(unusable(`${pre}its publicKeyJwk is not a JWK`));
    expect(await proofOf(jws(HEADER, PAYLOAD), with_({ id: KID, publicKeyMultibase: 'zDn' + '1'.repeat(10) }))).toEqual(unusable(`${pre}its publicKeyMultibase is not a valid P-256/P-384 key`));
    expect(await proofOf(jws(HEADER, PAYLOAD), with_({ id: KID, publicKeyMultibase: 'z6Mk' }))).toEqual(unusable(`${pre}its publicKeyMultibase is not an Ed25519 key`));
    expect(await proofOf(jws(HEADER, PAYLOAD), with_({ id: KID, publicKeyMultibase: 5 }))).toEqual(unusable(`${pre}it has neither publicKeyJwk nor publicKeyMultibase`));
    expect(await proofOf(jws(HEADER, PAYLOAD), with_({ id: KID }))).toEqual(unusable(`${pre}it has neither publicKeyJwk nor publicKeyMultibase`));
  });
  it('only the public members of an OKP / RSA publicKeyJwk are used', async () => {
    // extra members (alg of another family) would make jose refuse the key if they were kept
    const vm = { ...VM, publicKeyJwk: { ...ED_JWK, alg: 'ES256' } };
    expect(await proofOf(jws(HEADER, PAYLOAD), { [KID]: vm, [ISS]: DID_DOC })).toEqual([{ status: 'passed', code: undefined, message: `JWS EdDSA signature by ${KID}` }]);
  });
  it('the key must be listed under assertionMethod by the DID document (absolute, #fragment or embedded)', async () => {
    const notAuth = [{ status: 'failed', code: 'ERR_PROOF_KEY_NOT_AUTHORIZED', message: `${KID} is not listed under assertionMethod in the DID document of ${ISS}`, target: KID }];
    const docs = (d: unknown) => ({ [KID]: VM, [ISS]: d });
    const ok = [{ status: 'passed', code: undefined, message: `JWS EdDSA signature by ${KID}` }];
    expect(await proofOf(jws(HEADER, PAYLOAD), docs({ ...DID_DOC, assertionMethod: ['#key-1'] }))).toEqual(ok);
    expect(await proofOf(jws(HEADER, PAYLOAD), docs({ ...DID_DOC, assertionMethod: [{ id: KID }] }))).toEqual(ok);
    expect(await proofOf(jws(HEADER, PAYLOAD), docs({ ...DID_DOC, assertionMethod: [{ id: '#key-1' }] }))).toEqual(ok);
    expect(await proofOf(jws(HEADER, PAYLOAD), docs({ ...DID_DOC, assertionMethod: ['#key-2', `${ISS}#key-10`, 'key-1'] }))).toEqual(notAuth);
    expect(await proofOf(jws(HEADER, PAYLOAD), docs({ ...DID_DOC, assertionMethod: KID }))).toEqual(notAuth);
    expect(await proofOf(jws(HEADER, PAYLOAD), docs({ ...DID_DOC, assertionMethod: undefined, authentication: [KID] }))).toEqual(notAuth);
    expect(await proofOf(jws(HEADER, PAYLOAD), docs({ ...DID_DOC, id: 'did:example:other' }))).toEqual(notAuth);
    expect(await proofOf(jws(HEADER, PAYLOAD), docs('doc'))).toEqual(notAuth);
    expect(await proofOf(jws(HEADER, PAYLOAD), { [KID]: VM })).toEqual([
      { status: 'failed', code: 'ERR_KEY_UNAVAILABLE', message: `cannot load the DID document of ${ISS}: nothing at ${ISS}`, target: KID },
    ]);
  });
  it('a method naming another controller counts only if that controller lists it; the controller goes to verifyParsed', async () => {
    const CTL = 'did:example:ctl';
    const vm = { ...VM, controller: CTL };
    const ctlDoc = { id: CTL, assertionMethod: [KID] };
    expect(await proofOf(jws(HEADER, PAYLOAD), { [KID]: vm, [ISS]: DID_DOC, [CTL]: ctlDoc })).toEqual([{ status: 'passed', code: undefined, message: `JWS EdDSA signature by ${KID}` }]);
    expect(h.calls.at(-1)!.external).toEqual({ controllers: [CTL] });
    const refused = (docs: Record<string, unknown>) => proofOf(jws(HEADER, PAYLOAD), { [KID]: vm, [ISS]: DID_DOC, ...docs });
    const msg = [{ status: 'failed', code: 'ERR_PROOF_KEY_NOT_AUTHORIZED', message: `${KID} names ${CTL} as its controller, whose document does not list it under assertionMethod`, target: KID }];
    expect(await refused({})).toEqual(msg);
    expect(await refused({ [CTL]: { id: CTL, assertionMethod: [] } })).toEqual(msg);
    expect(await refused({ [CTL]: { id: 'did:example:x', assertionMethod: [KID] } })).toEqual(msg);
    expect(await refused({ [CTL]: 'x' })).toEqual(msg);
    // the controller's document is loaded without the fragment, and must carry the controller id itself
    const frag = { ...VM, controller: `${CTL}#me` };
    expect(await proofOf(jws(HEADER, PAYLOAD), { [KID]: frag, [ISS]: DID_DOC, [CTL]: { id: `${CTL}#me`, assertionMethod: [KID] } })).toEqual([{ status: 'passed', code: undefined, message: `JWS EdDSA signature by ${KID}` }]);
    const long = { ...VM, controller: `did:example:${'c'.repeat(200)}` };
    expect((await proofOf(jws(HEADER, PAYLOAD), { [KID]: long, [ISS]: DID_DOC }))[0]!.message).toBe(`${KID} names ${`did:example:${'c'.repeat(200)}`.slice(0, 120)} as its controller, whose document does not list it under assertionMethod`);
  });
  it('no controller on the method: the DID controls it', async () => {
    const { controller: _c, ...vm } = VM;
    await proofOf(jws(HEADER, PAYLOAD), { [KID]: vm, [ISS]: DID_DOC });
    expect(h.calls.at(-1)!.external).toEqual({ controllers: [ISS] });
  });
  it('a relative kid "#key-1" names a key of the issuer DID (issuer id without its fragment)', async () => {
    expect(await proofOf(jws({ ...HEADER, kid: '#key-1' }, PAYLOAD))).toEqual([{ status: 'passed', code: undefined, message: 'JWS EdDSA signature by #key-1' }]);
    const frag = { ...PAYLOAD, issuer: { id: `${ISS}#org` }, iss: `${ISS}#org` };
    expect(await proofOf(jws({ ...HEADER, kid: '#key-1' }, frag))).toEqual([{ status: 'passed', code: undefined, message: 'JWS EdDSA signature by #key-1' }]);
    const http = { ...PAYLOAD, issuer: 'https://example.edu/issuer', iss: 'https://example.edu/issuer' };
    expect(await proofOf(jws({ ...HEADER, kid: '#key-1' }, http))).toEqual(unusable('kid #key-1 is neither a DID URL nor an http(s) URL', '#key-1'));
    const noIssuer = { ...PAYLOAD, issuer: 5 };
    expect(await proofOf(jws({ ...HEADER, kid: '#key-1' }, noIssuer))).toEqual(unusable('kid #key-1 is neither a DID URL nor an http(s) URL', '#key-1'));
    // a kid that is not relative is taken as it is
    expect(await proofOf(jws({ ...HEADER, kid: 'did:example:issuerkey-1' }, PAYLOAD))).toEqual(unusable('kid did:example:issuerkey-1 is a DID, not a DID URL naming one key (did:…#fragment)', 'did:example:issuerkey-1'));
  });
});

describe('verifyJwtCredential: kid as an http(s) URL (documents / fetch only)', () => {
  const URL_KID = 'https://example.edu/keys#k1';
  const BASE = 'https://example.edu/keys';
  const HTTP_ISS = 'https://example.edu/issuer';
  const HP = { ...PAYLOAD, issuer: HTTP_ISS, iss: HTTP_ISS };
  const hdr = { ...HEADER, kid: URL_KID };
  const ok = [{ status: 'passed', code: undefined, message: `JWS EdDSA signature by ${URL_KID}` }];
  const unusable = (message: string) => [{ status: 'failed', code: 'ERR_KEY_UNSUPPORTED', message, target: URL_KID }];
  it('other schemes and URLs with blanks are refused; the message cuts the kid to 100 characters', async () => {
    for (const kid of ['ftp://example.edu/k', 'https://exa mple.edu/k', 'urn:x:y', 'http://']) {
      expect(await proofOf(jws({ ...HEADER, kid }, HP))).toEqual([{ status: 'failed', code: 'ERR_KEY_UNSUPPORTED', message: `kid ${kid} is neither a DID URL nor an http(s) URL`, target: kid }]);
    }
    const long = `ftp://${'a'.repeat(200)}`;
    expect((await proofOf(jws({ ...HEADER, kid: long }, HP)))[0]!.message).toBe(`kid ${long.slice(0, 100)} is neither a DID URL nor an http(s) URL`);
  });
  it('a bare JWK at the URL (without the fragment); an issuer of the same origin is its controller', async () => {
    const { ctx, seen } = ctxOf({ [BASE]: ED_JWK });
    const r = await verifyJwtCredential(jws(hdr, HP), ctx);
    expect(pick(r.checks, 'proof')).toEqual(ok);
    expect(seen).toEqual([BASE]);
    expect(h.calls.at(-1)!.external).toEqual({ controllers: [HTTP_ISS] });
    expect(await proofOf(jws({ ...hdr, kid: 'HTTPS://example.edu/keys' }, HP), { 'HTTPS://example.edu/keys': ED_JWK })).toEqual([{ status: 'passed', code: undefined, message: 'JWS EdDSA signature by HTTPS://example.edu/keys' }]);
  });
  it('an issuer of another origin (or not http) gets the origin as controller, not itself', async () => {
    await run(jws(hdr, { ...HP, issuer: 'https://other.example/i', iss: 'https://other.example/i' }), { [BASE]: ED_JWK });
    expect(h.calls.at(-1)!.external).toEqual({ controllers: ['https://example.edu'] });
    await run(jws(hdr, PAYLOAD), { [BASE]: ED_JWK });
    expect(h.calls.at(-1)!.external).toEqual({ controllers: ['https://example.edu'] });
    await run(jws(hdr, { ...HP, issuer: 'http:', iss: 'http:' }), { [BASE]: ED_JWK });
    expect(h.calls.at(-1)!.external).toEqual({ controllers: ['https://example.edu'] });
    await run(jws(hdr, { ...HP, issuer: 'http://example.edu/i', iss: 'http://example.edu/i' }), { [BASE]: ED_JWK });
    expect(h.calls.at(-1)!.external).toEqual({ controllers: ['https://example.edu'] });
  });
  it('a document registered under the full kid URL is loaded as it is', async () => {
    const { ctx, seen } = ctxOf({ [URL_KID]: ED_JWK }, { documents: { [URL_KID]: ED_JWK } });
    expect(pick((await verifyJwtCredential(jws(hdr, HP), ctx)).checks, 'proof')).toEqual(ok);
    expect(seen).toEqual([URL_KID]);
    const m = ctxOf({ [URL_KID]: ED_JWK }, { documents: new Map([[URL_KID, ED_JWK]]) });
    expect(pick((await verifyJwtCredential(jws(hdr, HP), m.ctx)).checks, 'proof')).toEqual(ok);
    // an inherited name is not a registered document
    const proto = ctxOf({ [BASE]: ED_JWK }, { documents: Object.create({ [URL_KID]: ED_JWK }) });
    await verifyJwtCredential(jws(hdr, HP), proto.ctx);
    expect(proto.seen).toEqual([BASE]);
    const none = ctxOf({ [BASE]: ED_JWK }, { documents: new Map() });
    await verifyJwtCredential(jws(hdr, HP), none.ctx);
    expect(none.seen).toEqual([BASE]);
  });
  it('a URL without a fragment is loaded as it is', async () => {
    const { ctx, seen } = ctxOf({ [BASE]: { keys: [ED_JWK] } });
    expect(pick((await verifyJwtCredential(jws({ ...hdr, kid: BASE }, HP), ctx)).checks, 'proof')).toEqual([{ status: 'passed', code: undefined, message: `JWS EdDSA signature by ${BASE}` }]);
    expect(seen).toEqual([BASE]);
  });
  it('a failing load is ERR_KEY_UNAVAILABLE; a non-object is not a key', async () => {
    expect(await proofOf(jws(hdr, HP), {})).toEqual([{ status: 'failed', code: 'ERR_KEY_UNAVAILABLE', message: `cannot dereference kid ${URL_KID}: nothing at ${BASE}`, target: URL_KID }]);
    expect(await proofOf(jws(hdr, HP), { [BASE]: [ED_JWK] })).toEqual(unusable(`${BASE} is not a JWK, JWK Set or verification method`));
  });
  it('a JWK Set: the key whose kid is the URL or its fragment; a single key when the URL has no fragment', async () => {
    expect(await proofOf(jws(hdr, HP), { [BASE]: { keys: [{ ...ED2_JWK, kid: 'k2' }, { ...ED_JWK, kid: 'k1' }] } })).toEqual(ok);
    expect(await proofOf(jws(hdr, HP), { [BASE]: { keys: ['junk', { ...ED2_JWK, kid: 'k2' }, { ...ED_JWK, kid: URL_KID }] } })).toEqual(ok);
    expect(await proofOf(jws(hdr, HP), { [BASE]: { keys: [{ ...ED_JWK, kid: 'k2' }] } })).toEqual(unusable(`no key ${URL_KID} in ${BASE}`));
    expect(await proofOf(jws(hdr, HP), { [BASE]: { keys: [ED_JWK] } })).toEqual(unusable(`no key ${URL_KID} in ${BASE}`));
    const noFrag = (keys: unknown[]) => proofOf(jws({ ...hdr, kid: BASE }, HP), { [BASE]: { keys } });
    expect((await noFrag([ED_JWK, ED2_JWK]))[0]).toEqual({ status: 'failed', code: 'ERR_KEY_UNSUPPORTED', message: `no key ${BASE} in ${BASE}`, target: BASE });
    expect((await noFrag([{ ...ED2_JWK, kid: 'a' }, { ...ED_JWK, kid: BASE }]))[0]!.status).toBe('passed');
    expect((await noFrag([{ ...ED_JWK, kid: 'undefined' }, ED2_JWK]))[0]!.code).toBe('ERR_KEY_UNSUPPORTED');
  });
  it('a verification method document (publicKeyJwk or publicKeyMultibase) and its controller', async () => {
    expect(await proofOf(jws(hdr, HP), { [BASE]: { id: URL_KID, publicKeyJwk: ED_JWK } })).toEqual(ok);
    expect(await proofOf(jws(hdr, HP), { [BASE]: { id: URL_KID, publicKeyMultibase: ED_MB } })).toEqual(ok);
    expect(await proofOf(jws(hdr, HP), { [BASE]: { id: URL_KID, publicKeyJwk: { ...ED_JWK, d: 'AA' } } })).toEqual(unusable(`key ${URL_KID} is not usable: its publicKeyJwk contains private key material: the key is compromised`));
    // a controller of the same origin is believed
    await run(jws(hdr, HP), { [BASE]: { id: URL_KID, controller: HTTP_ISS, publicKeyJwk: ED_JWK } });
    expect(h.calls.at(-1)!.external).toEqual({ controllers: [HTTP_ISS] });
    // another origin's controller only when its document (with that id) lists the key
    const VICTIM = 'https://victim.example/org';
    await run(jws(hdr, HP), { [BASE]: { id: URL_KID, controller: VICTIM, publicKeyJwk: ED_JWK } });
    expect(h.calls.at(-1)!.external).toEqual({ controllers: [HTTP_ISS] });
    await run(jws(hdr, HP), { [BASE]: { id: URL_KID, controller: VICTIM, publicKeyJwk: ED_JWK }, [VICTIM]: { id: VICTIM, assertionMethod: [URL_KID] } });
    expect(h.calls.at(-1)!.external).toEqual({ controllers: [VICTIM] });
    await run(jws(hdr, HP), { [BASE]: { id: URL_KID, controller: 'did:example:ctl', publicKeyJwk: ED_JWK }, 'did:example:ctl': { id: 'did:example:ctl', assertionMethod: [URL_KID] } });
    expect(h.calls.at(-1)!.external).toEqual({ controllers: ['did:example:ctl'] });
    await run(jws(hdr, HP), { [BASE]: { id: URL_KID, controller: 'did:example:ctl', publicKeyJwk: ED_JWK } });
    expect(h.calls.at(-1)!.external).toEqual({ controllers: [HTTP_ISS] });
    // a same-origin check on something that is not a URL: not the same origin
    await run(jws(hdr, HP), { [BASE]: { id: URL_KID, controller: 'https://', publicKeyJwk: ED_JWK } });
    expect(h.calls.at(-1)!.external).toEqual({ controllers: [HTTP_ISS] });
    await run(jws(hdr, HP), { [BASE]: { id: URL_KID, controller: 'ftp://example.edu/x', publicKeyJwk: ED_JWK }, 'ftp://example.edu/x': { id: 'x' } });
    expect(h.calls.at(-1)!.external).toEqual({ controllers: [HTTP_ISS] });
    await run(jws(hdr, HP), { [BASE]: { id: URL_KID, controller: 5, publicKeyJwk: ED_JWK } });
    expect(h.calls.at(-1)!.external).toEqual({ controllers: [HTTP_ISS] });
  });
  it('a controller document: the method whose id is the kid or "#fragment"; the document id is the controller', async () => {
    const doc = (vms: unknown[], id: unknown = HTTP_ISS) => ({ [BASE]: { id, verificationMethod: vms } });
    expect(await proofOf(jws(hdr, HP), doc(['x', { id: '#k2', publicKeyJwk: ED2_JWK }, { id: '#k1', publicKeyJwk: ED_JWK }]))).toEqual(ok);
    expect(h.calls.at(-1)!.external).toEqual({ controllers: [HTTP_ISS] });
    expect(await proofOf(jws(hdr, HP), doc([{ id: URL_KID, publicKeyJwk: ED_JWK }]))).toEqual(ok);
    expect(await proofOf(jws(hdr, HP), doc([{ id: 'k1', publicKeyJwk: ED_JWK }]))).toEqual(unusable(`no key ${URL_KID} in ${BASE}`));
    expect(await proofOf(jws({ ...hdr, kid: BASE }, HP), doc([{ id: '#undefined', publicKeyJwk: ED_JWK }]))).toEqual([{ status: 'failed', code: 'ERR_KEY_UNSUPPORTED', message: `no key ${BASE} in ${BASE}`, target: BASE }]);
    await run(jws(hdr, HP), doc([{ id: '#k1', publicKeyJwk: ED_JWK }], 5));
    expect(h.calls.at(-1)!.external).toEqual({ controllers: [HTTP_ISS] });
    await run(jws(hdr, PAYLOAD), doc([{ id: '#k1', publicKeyJwk: ED_JWK }], 'https://victim.example/o'));
    expect(h.calls.at(-1)!.external).toEqual({ controllers: ['https://example.edu'] });
    expect(await proofOf(jws(hdr, HP), { [BASE]: { id: HTTP_ISS, verificationMethod: 'x' } })).toEqual(unusable(`no key ${URL_KID} in ${BASE}`));
    expect(await proofOf(jws(hdr, HP), { [BASE]: { id: HTTP_ISS } })).toEqual(unusable(`no key ${URL_KID} in ${BASE}`));
  });
});

describe('verifyJwtCredential: an embedded jwk header', () => {
  const EH = { alg: 'EdDSA', jwk: ED_JWK, typ: 'JWT' };
  const unbound = (issuer: string) => ({ id: 'issuer', status: 'failed', code: 'ERR_ISSUER_KEY_UNBOUND', message: `the embedded jwk is not a key of issuer ${issuer}: use a kid the issuer's DID document lists under assertionMethod` });
  it('the signature is checked with it; the issuer binding fails unless the issuer DID document lists it', async () => {
    const r = await run(jws(EH, PAYLOAD), {});
    expect(r.checks).toEqual([
      { id: 'format', status: 'passed', message: 'VC-JWT (EdDSA)' },
      { id: 'proof', status: 'passed', message: 'JWS EdDSA signature by the embedded jwk' },
      { id: 'claims', status: 'passed', message: 'iss, jti, nbf, sub match the credential' },
      unbound(ISS),
      { id: 'dates', status: 'passed', message: 'stub dates' },
    ]);
    expect(r.verified).toBe(false);
    expect(h.calls.at(-1)!.external).toEqual({ controllers: [] });
  });
  it('bound: a verification method with the same thumbprint listed under assertionMethod; its controller (or the document id)', async () => {
    const r = await run(jws(EH, PAYLOAD));
    expect(pick(r.checks, 'issuer')).toEqual([{ status: 'passed', code: undefined, message: 'stub issuer' }]);
    expect(h.calls.at(-1)!.external).toEqual({ controllers: [ISS] });
    const { controller: _c, ...vm } = VM;
    await run(jws(EH, PAYLOAD), { [ISS]: { ...DID_DOC, verificationMethod: [null, { publicKeyJwk: ED_JWK }, { id: `${ISS}#bad`, publicKeyJwk: 'x' }, { ...VM, id: `${ISS}#k2`, publicKeyJwk: ED2_JWK }, vm] } });
    expect(h.calls.at(-1)!.external).toEqual({ controllers: [ISS] });
    await run(jws(EH, PAYLOAD), { [ISS]: { ...DID_DOC, verificationMethod: [{ ...VM, controller: 'did:example:c' }] } });
    expect(h.calls.at(-1)!.external).toEqual({ controllers: ['did:example:c'] });
    // the issuer id may carry a fragment: the document is loaded without it
    const { ctx, seen } = ctxOf({ [ISS]: DID_DOC });
    await verifyJwtCredential(jws(EH, { ...PAYLOAD, issuer: `${ISS}#x`, iss: `${ISS}#x` }), ctx);
    expect(seen).toEqual([ISS]);
    expect(h.calls.at(-1)!.external).toEqual({ controllers: [ISS] });
  });
  it('not bound: not listed, another key, no verificationMethod array, a non-DID issuer, a failing load', async () => {
    const issuerOf = async (payload: unknown, docs: Record<string, unknown>) => pick((await run(jws(EH, payload), docs)).checks, 'issuer');
    const u = (i: string) => [{ status: 'failed', code: 'ERR_ISSUER_KEY_UNBOUND', message: unbound(i).message }];
    expect(await issuerOf(PAYLOAD, { [ISS]: { ...DID_DOC, assertionMethod: [] } })).toEqual(u(ISS));
    expect(await issuerOf(PAYLOAD, { [ISS]: { ...DID_DOC, verificationMethod: [{ ...VM, publicKeyJwk: ED2_JWK }] } })).toEqual(u(ISS));
    expect(await issuerOf(PAYLOAD, { [ISS]: { ...DID_DOC, verificationMethod: VM } })).toEqual(u(ISS));
    expect(await issuerOf(PAYLOAD, { [ISS]: 'x' })).toEqual(u(ISS));
    expect(await issuerOf(PAYLOAD, { [ISS]: { ...DID_DOC, verificationMethod: [{ ...VM, id: 5 }] } })).toEqual(u(ISS));
    const http = { ...PAYLOAD, issuer: 'https://example.edu/i', iss: 'https://example.edu/i' };
    expect(await issuerOf(http, { 'https://example.edu/i': DID_DOC })).toEqual(u('https://example.edu/i'));
    const none = { ...PAYLOAD, issuer: 5 };
    expect(await issuerOf(none, {})).toEqual(u('undefined'));
    const long = `did:example:${'l'.repeat(200)}`;
    expect((await issuerOf({ ...PAYLOAD, issuer: long, iss: long }, {}))[0]!.message).toBe(unbound(long.slice(0, 120)).message);
  });
  it('an embedded jwk that is not a usable public JWK', async () => {
    expect(await proofOf(jws({ alg: 'EdDSA', jwk: { crv: 'Ed25519', x: ED_JWK.x } }, PAYLOAD))).toEqual([{ status: 'failed', code: 'ERR_KEY_UNSUPPORTED', message: 'the jwk header is not a usable public JWK' }]);
    // no issuer binding check when the signature did not pass
    const r = await run(jws({ alg: 'EdDSA', jwk: ED2_JWK }, PAYLOAD));
    expect(pick(r.checks, 'proof')[0]!.code).toBe('ERR_PROOF_INVALID_SIGNATURE');
    expect(pick(r.checks, 'issuer')).toEqual([{ status: 'skipped', code: undefined, message: 'stub issuer' }]);
  });
  it('an EC jwk header (other key types are passed on as they are)', async () => {
    expect(await proofOf(jws({ alg: 'ES256', jwk: P256_JWK }, PAYLOAD, 'p256'))).toEqual([{ status: 'passed', code: undefined, message: 'JWS ES256 signature by the embedded jwk' }]);
  });
});

describe('verifyJwtCredential: claims ↔ credential (OB 3.0 §8.2.4.1)', () => {
  const claimsOf = async (payload: unknown) => pick((await run(jws(HEADER, payload))).checks, 'claims');
  const mismatch = (target: string, message: string) => [{ status: 'failed', code: 'ERR_JWT_CLAIM_MISMATCH', message, target }];
  it('iss must be issuer.id', async () => {
    expect(await claimsOf({ ...PAYLOAD, iss: 'did:example:x' })).toEqual(mismatch('iss', `iss "did:example:x" ≠ issuer.id "${ISS}"`));
    const { iss: _i, ...noIss } = PAYLOAD;
    expect(await claimsOf(noIss)).toEqual(mismatch('iss', `iss missing ≠ issuer.id "${ISS}"`));
    expect(await claimsOf({ ...PAYLOAD, issuer: 5, iss: 5 })).toEqual(mismatch('iss', 'iss 5 ≠ issuer.id missing'));
    expect(await claimsOf({ ...PAYLOAD, issuer: ISS })).toEqual([{ status: 'passed', code: undefined, message: 'iss, jti, nbf, sub match the credential' }]);
    const long = 'x'.repeat(200);
    expect((await claimsOf({ ...PAYLOAD, iss: long }))[0]!.message).toBe(`iss ${`"${long}"`.slice(0, 120)} ≠ issuer.id "${ISS}"`);
  });
  it('jti must be id', async () => {
    expect(await claimsOf({ ...PAYLOAD, jti: 'urn:uuid:2' })).toEqual(mismatch('jti', 'jti "urn:uuid:2" ≠ id "urn:uuid:1"'));
    const { jti: _j, ...noJti } = PAYLOAD;
    expect(await claimsOf(noJti)).toEqual(mismatch('jti', 'jti missing ≠ id "urn:uuid:1"'));
    expect(await claimsOf({ ...PAYLOAD, id: 7, jti: 7 })).toEqual(mismatch('jti', 'jti 7 ≠ id 7'));
  });
  it('nbf must be validFrom (VC 1.1: issuanceDate) in whole seconds', async () => {
    expect(await claimsOf({ ...PAYLOAD, nbf: NBF + 1 })).toEqual(mismatch('nbf', `nbf ${NBF + 1} ≠ validFrom "2026-01-01T00:00:00Z"`));
    expect(await claimsOf({ ...PAYLOAD, nbf: NBF + 0.7 })).toEqual([{ status: 'passed', code: undefined, message: 'iss, jti, nbf, sub match the credential' }]);
    expect(await claimsOf({ ...PAYLOAD, validFrom: '2026-01-01T00:00:00.900Z' })).toEqual([{ status: 'passed', code: undefined, message: 'iss, jti, nbf, sub match the credential' }]);
    expect(await claimsOf({ ...PAYLOAD, nbf: String(NBF) })).toEqual(mismatch('nbf', `nbf "${NBF}" ≠ validFrom "2026-01-01T00:00:00Z"`));
    const { validFrom: _v, ...noFrom } = PAYLOAD;
    expect(await claimsOf(noFrom)).toEqual(mismatch('nbf', `nbf ${NBF} ≠ validFrom missing`));
    expect(await claimsOf({ ...noFrom, issuanceDate: '2026-01-01T00:00:00Z' })).toEqual([{ status: 'passed', code: undefined, message: 'iss, jti, nbf, sub match the credential' }]);
    expect(await claimsOf({ ...PAYLOAD, validFrom: 'yesterday' })).toEqual(mismatch('nbf', `nbf ${NBF} ≠ validFrom "yesterday"`));
    expect(await claimsOf({ ...PAYLOAD, validFrom: NBF * 1000 })).toEqual(mismatch('nbf', `nbf ${NBF} ≠ validFrom ${NBF * 1000}`));
    const { nbf: _n, ...noNbf } = PAYLOAD;
    expect(await claimsOf(noNbf)).toEqual(mismatch('nbf', 'nbf missing ≠ validFrom "2026-01-01T00:00:00Z"'));
  });
  it('sub must be the one credentialSubject.id (or absent with it)', async () => {
    expect(await claimsOf({ ...PAYLOAD, sub: 'did:example:bob' })).toEqual(mismatch('sub', `sub "did:example:bob" ≠ credentialSubject.id "${SUB}"`));
    const { sub: _s, ...noSub } = PAYLOAD;
    expect(await claimsOf(noSub)).toEqual(mismatch('sub', `sub missing ≠ credentialSubject.id "${SUB}"`));
    expect(await claimsOf({ ...noSub, credentialSubject: { name: 'x' } })).toEqual([{ status: 'passed', code: undefined, message: 'iss, jti, nbf match the credential' }]);
    expect(await claimsOf({ ...PAYLOAD, credentialSubject: [{ id: SUB }] })).toEqual([{ status: 'passed', code: undefined, message: 'iss, jti, nbf, sub match the credential' }]);
    expect(await claimsOf({ ...PAYLOAD, credentialSubject: [{ id: SUB }, { id: SUB }] })).toEqual(mismatch('sub', `sub "${SUB}" ≠ credentialSubject.id missing`));
    expect(await claimsOf({ ...PAYLOAD, credentialSubject: [] })).toEqual(mismatch('sub', `sub "${SUB}" ≠ credentialSubject.id missing`));
  });
  it('exp must be validUntil (VC 1.1: expirationDate) when either is there', async () => {
    expect(await claimsOf({ ...PAYLOAD, exp: EXP, validUntil: '2027-01-01T00:00:00Z' })).toEqual([{ status: 'passed', code: undefined, message: 'iss, jti, nbf, sub, exp match the credential' }]);
    expect(await claimsOf({ ...PAYLOAD, exp: EXP + 0.5, validUntil: '2027-01-01T00:00:00Z' })).toEqual([{ status: 'passed', code: undefined, message: 'iss, jti, nbf, sub, exp match the credential' }]);
    expect(await claimsOf({ ...PAYLOAD, exp: EXP, expirationDate: '2027-01-01T00:00:00Z' })).toEqual([{ status: 'passed', code: undefined, message: 'iss, jti, nbf, sub, exp match the credential' }]);
    expect(await claimsOf({ ...PAYLOAD, exp: EXP - 1, validUntil: '2027-01-01T00:00:00Z' })).toEqual(mismatch('exp', `exp ${EXP - 1} ≠ validUntil "2027-01-01T00:00:00Z"`));
    expect(await claimsOf({ ...PAYLOAD, validUntil: '2027-01-01T00:00:00Z' })).toEqual(mismatch('exp', 'exp missing ≠ validUntil "2027-01-01T00:00:00Z"'));
    expect(await claimsOf({ ...PAYLOAD, exp: 'soon', validUntil: '2027-01-01T00:00:00Z' })).toEqual(mismatch('exp', 'exp "soon" ≠ validUntil "2027-01-01T00:00:00Z"'));
    expect(await claimsOf({ ...PAYLOAD, exp: EXP, validUntil: 'never' })).toEqual(mismatch('exp', `exp ${EXP} ≠ validUntil "never"`));
  });
  it('several mismatches are all reported, in order', async () => {
    expect(await claimsOf({ ...PAYLOAD, iss: 'a', jti: 'b', nbf: 1, sub: 'c' })).toEqual(
      mismatch('iss,jti,nbf,sub', `iss "a" ≠ issuer.id "${ISS}"; jti "b" ≠ id "urn:uuid:1"; nbf 1 ≠ validFrom "2026-01-01T00:00:00Z"; sub "c" ≠ credentialSubject.id "${SUB}"`),
    );
  });
});

describe('verifyJwtCredential: the credential of the payload', () => {
  it('OB 3.0: the payload is the credential, without the registered claims; exp gives validUntil when absent', async () => {
    const r = await run(jws(HEADER, { ...PAYLOAD, exp: EXP, aud: 'x', iat: 1 }));
    expect(r.credential).toEqual({ ...CRED, validUntil: '2027-01-01T00:00:00Z' });
    // aud / iat are not compared; exp is compared with the validUntil it gave
    expect(pick(r.checks, 'claims')).toEqual([{ status: 'passed', code: undefined, message: 'iss, jti, nbf, sub, exp match the credential' }]);
    const v1 = { ...PAYLOAD, '@context': [V1], exp: EXP };
    expect((await run(jws(HEADER, v1))).credential).toEqual({ ...CRED, '@context': [V1], expirationDate: '2027-01-01T00:00:00Z' });
    expect((await run(jws(HEADER, { ...v1, '@context': V1 }))).credential!.expirationDate).toBe('2027-01-01T00:00:00Z');
    expect((await run(jws(HEADER, { ...PAYLOAD, exp: EXP, validUntil: '2030-01-01T00:00:00Z' }))).credential!.validUntil).toBe('2030-01-01T00:00:00Z');
  });
  it('only plausible NumericDates become dates (numbers, finite, |n| ≤ 8.64e12 s; whole seconds)', async () => {
    const until = async (exp: unknown) => (await run(jws(HEADER, { ...PAYLOAD, exp }))).credential!.validUntil;
    expect(await until(EXP + 0.9)).toBe('2027-01-01T00:00:00Z');
    expect(await until('1798761600')).toBeUndefined();
    expect(await until(8.64e12 + 1)).toBeUndefined();
    expect(await until(-8.64e12 - 1)).toBeUndefined();
    expect(await until(8.64e12)).toBe('+275760-09-13T00:00:00Z');
    expect(await until(-8.64e12)).toBe('-271821-04-20T00:00:00Z');
    expect(await until(0)).toBe('1970-01-01T00:00:00Z');
    expect(await until(-1.5)).toBe('1969-12-31T23:59:58Z');
  });
  it('VC-JWT 1.1: a vc claim, filled from iss / jti / nbf / exp / sub where it leaves them out', async () => {
    const vc = { '@context': [VC2], type: ['VerifiableCredential'], credentialSubject: { name: 'x' } };
    const r = await run(jws(HEADER, { vc, iss: ISS, jti: 'urn:uuid:9', nbf: NBF, exp: EXP, sub: SUB }));
    expect(r.credential).toEqual({ ...vc, issuer: ISS, id: 'urn:uuid:9', validFrom: '2026-01-01T00:00:00Z', validUntil: '2027-01-01T00:00:00Z', credentialSubject: { name: 'x', id: SUB } });
    expect(pick(r.checks, 'claims')).toEqual([{ status: 'passed', code: undefined, message: 'iss, jti, nbf, sub, exp match the credential (vc claim, VC-JWT 1.1)' }]);
    expect(vc.credentialSubject).toEqual({ name: 'x' });
    const v1 = { ...vc, '@context': [V1] };
    expect((await run(jws(HEADER, { vc: v1, iss: ISS, jti: 'urn:uuid:9', nbf: NBF, exp: EXP }))).credential).toEqual({
      ...v1, issuer: ISS, id: 'urn:uuid:9', issuanceDate: '2026-01-01T00:00:00Z', expirationDate: '2027-01-01T00:00:00Z',
    });
  });
  it('VC-JWT 1.1: what the vc claim has is kept; non-string / implausible claims fill nothing', async () => {
    const vc = { ...CRED, validUntil: '2027-01-01T00:00:00Z' };
    expect((await run(jws(HEADER, { vc, iss: 'did:example:x', jti: 'u', nbf: 1, exp: 2, sub: 'did:example:bob' }))).credential).toEqual(vc);
    const bare = { credentialSubject: { name: 'x' } };
    expect((await run(jws(HEADER, { vc: bare, iss: 5, jti: 6, nbf: 'a', exp: Infinity, sub: 7 }))).credential).toEqual(bare);
    expect((await run(jws(HEADER, { vc: { credentialSubject: [{}] }, sub: SUB }))).credential).toEqual({ credentialSubject: [{}] });
    expect((await run(jws(HEADER, { vc: { credentialSubject: 'did:x' }, sub: SUB }))).credential).toEqual({ credentialSubject: 'did:x' });
    // a vc claim that is not an object: the payload is the credential
    expect((await run(jws(HEADER, { ...PAYLOAD, vc: [1] }))).credential).toEqual({ ...CRED, vc: [1] });
  });
});

describe('verifyJwtCredential: never throws', () => {
  it('an error in the later checks is ERR_INTERNAL, cut to 200 characters', async () => {
    const jwt = jws(HEADER, { ...PAYLOAD, boom: true });
    expect(await run(jwt)).toEqual({
      verified: false,
      checks: [{ id: 'format', status: 'failed', code: 'ERR_INTERNAL', message: 'VC-JWT verification could not complete: stub exploded' }],
      warnings: [],
      source: { format: 'vc-jwt', jwt },
    });
  });
  it('a loader throwing a non-Error value', async () => {
    const r = await proofOf(jws(HEADER, PAYLOAD), { [KID]: VM, [ISS]: DID_DOC, x: 1 }, {});
    expect(r[0]!.status).toBe('passed');
    const { ctx } = ctxOf();
    ctx.loader = (async () => { throw 'plain string'; }) as never;
    const p = pick((await verifyJwtCredential(jws(HEADER, PAYLOAD), ctx)).checks, 'proof');
    expect(p).toEqual([{ status: 'failed', code: 'ERR_KEY_UNAVAILABLE', message: `cannot resolve kid ${KID} (offline: pass the DID document in \`documents\`, or give \`fetch\`): plain string`, target: KID }]);
  });
});

// ---- signing ----
const signer = (algorithm: string, key: KeyName = 'ed', id = KID) => ({ id, algorithm, sign: async (d: Uint8Array) => new Uint8Array(sigOf(Buffer.from(d).toString(), key)) });
const parts = (jwt: string) => jwt.split('.').map((s, i) => (i < 2 ? JSON.parse(Buffer.from(s, 'base64url').toString()) : s));
const verifiesWith = (jwt: string, key: KeyObject, hash: string | null) => {
  const [hh, pp, ss] = jwt.split('.') as [string, string, string];
  return nodeVerify(hash, Buffer.from(`${hh}.${pp}`), hash ? { key, dsaEncoding: 'ieee-p1363' } : key, Buffer.from(ss, 'base64url'));
};
const NOW = new Date('2026-06-01T00:00:00Z');

describe('signJwtCredential', () => {
  it('header {alg, kid, typ} in that order; payload = credential + iss, jti, nbf, sub; an Ed25519 signature over header.payload', async () => {
    const jwt = await signJwtCredential(CRED, { signer: signer('Ed25519'), now: NOW });
    const [hh, pp] = jwt.split('.');
    expect(hh).toBe(b64('{"alg":"EdDSA","kid":"did:example:issuer#key-1","typ":"JWT"}'));
    expect(pp).toBe(b64({ ...CRED, iss: ISS, jti: 'urn:uuid:1', nbf: NBF, sub: SUB }));
    expect(verifiesWith(jwt, ed.publicKey, null)).toBe(true);
  });
  it('alg from the signer: EdDSA, ES256 (P-256), ES384 (P-384); JOSE names accepted as signer algorithms', async () => {
    for (const [a, alg, key, hash, pub] of [
      ['Ed25519', 'EdDSA', 'ed', null, ed.publicKey], ['EdDSA', 'EdDSA', 'ed', null, ed.publicKey],
      ['P-256', 'ES256', 'p256', 'sha256', p256.publicKey], ['ES256', 'ES256', 'p256', 'sha256', p256.publicKey],
      ['P-384', 'ES384', 'p384', 'sha384', p384.publicKey], ['ES384', 'ES384', 'p384', 'sha384', p384.publicKey],
    ] as const) {
      const jwt = await signJwtCredential(CRED, { signer: signer(a, key), now: NOW });
      expect(parts(jwt)[0]).toEqual({ alg, kid: KID, typ: 'JWT' });
      expect(verifiesWith(jwt, pub, hash)).toBe(true);
    }
  });
  it('RS256 signers give alg RS256', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const s = { id: KID, algorithm: 'RS256', sign: async (d: Uint8Array) => new Uint8Array(nodeSign('sha256', d, rsa.privateKey)) };
    const jwt = await signJwtCredential(CRED, { signer: s, now: NOW });
    expect(parts(jwt)[0]).toEqual({ alg: 'RS256', kid: KID, typ: 'JWT' });
    const [hh, pp, ss] = jwt.split('.') as [string, string, string];
    expect(nodeVerify('sha256', Buffer.from(`${hh}.${pp}`), rsa.publicKey, Buffer.from(ss, 'base64url'))).toBe(true);
  });
  it('a signer whose algorithm has no JOSE alg is refused', async () => {
    await expect(signJwtCredential(CRED, { signer: signer('HS256'), now: NOW })).rejects.toMatchObject({ code: 'ERR_KEY_UNSUPPORTED', message: "the signer's algorithm has no JOSE alg" });
  });
  it('a key pair is wrapped as a signer (Ed25519 Multikey secret = multicodec 0x8026 + seed)', async () => {
    const seed = (ed.privateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer).subarray(-32);
    const key = { id: KID, controller: ISS, type: 'Multikey' as const, publicKeyMultibase: ED_MB, secretKeyMultibase: `z${base58.encode(Uint8Array.from([0x80, 0x26, ...seed]))}` };
    const jwt = await signJwtCredential(CRED, { key, now: NOW });
    expect(parts(jwt)[0]).toEqual({ alg: 'EdDSA', kid: KID, typ: 'JWT' });
    expect(verifiesWith(jwt, ed.publicKey, null)).toBe(true);
    // a signer wins over a key
    const both = await signJwtCredential(CRED, { key, signer: signer('P-256', 'p256', 'did:example:issuer#p'), now: NOW });
    expect(parts(both)[0]).toEqual({ alg: 'ES256', kid: 'did:example:issuer#p', typ: 'JWT' });
  });
  it('no key / a key without id / without its secret part are refused', async () => {
    const invalid = { code: 'ERR_KEY_INVALID', message: 'a KeyPair, RsaKeyPair or Signer is required' };
    await expect(signJwtCredential(CRED, { now: NOW })).rejects.toMatchObject(invalid);
    await expect(signJwtCredential(CRED, undefined as never)).rejects.toMatchObject(invalid);
    await expect(signJwtCredential(CRED, { key: 'k' as never, now: NOW })).rejects.toMatchObject(invalid);
    await expect(signJwtCredential(CRED, { key: { type: 'Multikey', publicKeyMultibase: ED_MB } as never, now: NOW })).rejects.toMatchObject(invalid);
    await expect(signJwtCredential(CRED, { signer: { id: KID, algorithm: 'Ed25519' } as never, now: NOW })).rejects.toMatchObject(invalid);
    const noSecret = { code: 'ERR_KEY_NO_SECRET', message: `key ${KID} has no secret part: it can verify but not sign` };
    await expect(signJwtCredential(CRED, { key: { id: KID, controller: ISS, type: 'Multikey', publicKeyMultibase: ED_MB }, now: NOW })).rejects.toMatchObject(noSecret);
    await expect(signJwtCredential(CRED, { key: { id: KID, type: 'JsonWebKey', publicJwk: {}, privateJwk: { n: 'x' } } as never, now: NOW })).rejects.toMatchObject(noSecret);
    await expect(signJwtCredential(CRED, { key: { id: KID, type: 'JsonWebKey', publicJwk: {} } as never, now: NOW })).rejects.toMatchObject(noSecret);
    // a JsonWebKey with d, or a Multikey with a secret, gets past this check
    await expect(signJwtCredential(CRED, { key: { id: KID, type: 'JsonWebKey', secretKeyMultibase: 'z', privateJwk: { d: 'AA' } } as never, now: NOW })).rejects.not.toMatchObject({ code: 'ERR_KEY_NO_SECRET' });
  });
  it('issuer.id, id and validFrom (VC 1.1: issuanceDate) are required', async () => {
    const missing = { code: 'ERR_MISSING_FIELD', message: 'a VC-JWT needs issuer.id, id and validFrom' };
    const s = signer('Ed25519');
    await expect(signJwtCredential({ ...CRED, issuer: { name: 'x' } }, { signer: s, now: NOW })).rejects.toMatchObject(missing);
    await expect(signJwtCredential({ ...CRED, id: 5 }, { signer: s, now: NOW })).rejects.toMatchObject(missing);
    const { validFrom: _v, ...noFrom } = CRED;
    await expect(signJwtCredential(noFrom, { signer: s, now: NOW })).rejects.toMatchObject(missing);
    await expect(signJwtCredential({ ...CRED, validFrom: 'soon' }, { signer: s, now: NOW })).rejects.toMatchObject(missing);
    await expect(signJwtCredential({ ...CRED, validFrom: 5 }, { signer: s, now: NOW })).rejects.toMatchObject(missing);
    const v1 = { ...noFrom, '@context': [V1], issuer: ISS, issuanceDate: '2026-01-01T00:00:00.999Z' };
    expect(parts(await signJwtCredential(v1, { signer: s, now: NOW }))[1]).toEqual({ ...v1, iss: ISS, jti: 'urn:uuid:1', nbf: NBF, sub: SUB });
  });
  it('a top-level registered claim name (RFC 7519 §4.1) is a conflict', async () => {
    for (const c of ['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti']) {
      await expect(signJwtCredential({ ...CRED, [c]: 'x' }, { signer: signer('Ed25519'), now: NOW })).rejects.toMatchObject({
        code: 'ERR_JWT_CLAIM_CONFLICT',
        message: `the credential has a top-level "${c}", which is a JWT claim name`,
      });
    }
  });
  it('one credentialSubject: an array of one maps to sub; of two is refused; no id, no sub', async () => {
    const s = signer('Ed25519');
    await expect(signJwtCredential({ ...CRED, credentialSubject: [{ id: SUB }, { id: 'did:example:bob' }] }, { signer: s, now: NOW })).rejects.toMatchObject({
      code: 'ERR_JWT_MULTIPLE_SUBJECTS',
      message: 'a VC-JWT maps one credentialSubject.id to "sub": split a multi-subject credential',
    });
    const one = { ...CRED, credentialSubject: [{ id: SUB }] };
    expect(parts(await signJwtCredential(one, { signer: s, now: NOW }))[1]).toEqual({ ...one, iss: ISS, jti: 'urn:uuid:1', nbf: NBF, sub: SUB });
    const anon = { ...CRED, credentialSubject: { name: 'x' } };
    expect(parts(await signJwtCredential(anon, { signer: s, now: NOW }))[1]).toEqual({ ...anon, iss: ISS, jti: 'urn:uuid:1', nbf: NBF });
  });
  it('exp = validUntil (VC 1.1: expirationDate) in whole seconds; not a date-time is refused', async () => {
    const s = signer('Ed25519');
    const until = { ...CRED, validUntil: '2027-01-01T00:00:00.500Z' };
    expect(parts(await signJwtCredential(until, { signer: s, now: NOW }))[1]).toEqual({ ...until, iss: ISS, jti: 'urn:uuid:1', nbf: NBF, sub: SUB, exp: EXP });
    const v1 = { ...CRED, expirationDate: '2027-01-01T00:00:00Z' };
    expect(parts(await signJwtCredential(v1, { signer: s, now: NOW }))[1].exp).toBe(EXP);
    await expect(signJwtCredential({ ...CRED, validUntil: 'later' }, { signer: s, now: NOW })).rejects.toMatchObject({ code: 'ERR_INVALID_DATE', message: 'validUntil is not a date-time' });
    await expect(signJwtCredential({ ...CRED, validUntil: 5 }, { signer: s, now: NOW })).rejects.toMatchObject({ code: 'ERR_INVALID_DATE' });
  });
  it('signerTimeoutMs bounds an external signer', async () => {
    const hang = { id: KID, algorithm: 'Ed25519', sign: () => new Promise<Uint8Array>(() => {}) };
    await expect(signJwtCredential(CRED, { signer: hang, now: NOW, signerTimeoutMs: 10 })).rejects.toMatchObject({ code: 'ERR_SIGNER_TIMEOUT', message: `signer ${KID} did not answer within 10 ms` });
  });
  it('a signed VC-JWT verifies (round trip through the verifier with the stub checks)', async () => {
    const jwt = await signJwtCredential({ ...CRED, validUntil: '2027-01-01T00:00:00Z' }, { signer: signer('Ed25519'), now: NOW });
    const r = await run(jwt);
    expect(r.verified).toBe(true);
    expect(pick(r.checks, 'claims')).toEqual([{ status: 'passed', code: undefined, message: 'iss, jti, nbf, sub, exp match the credential' }]);
  });
});

describe('second round: rules the first mutation run showed untested', () => {
  const ok = (by = KID, alg = 'EdDSA') => [{ status: 'passed', code: undefined, message: `JWS ${alg} signature by ${by}` }];
  it('the P-256/P-384 chunk failing to load makes the key unusable (never "passed")', async () => {
    h.failEcdsaKeys = true;
    try {
      const vm = { id: KID, type: 'Multikey', controller: ISS, publicKeyMultibase: P256_MB };
      expect(await proofOf(jws({ ...HEADER, alg: 'ES256' }, PAYLOAD, 'p256'), { [KID]: vm, [ISS]: DID_DOC })).toEqual([
        { status: 'failed', code: 'ERR_KEY_UNSUPPORTED', message: `verification method ${KID} is not usable: the P-256/P-384 key support could not be loaded`, target: KID },
      ]);
    } finally {
      h.failEcdsaKeys = false;
    }
  });
  it('only the public members of a JWK are kept (a key_ops that forbids verifying is dropped): OKP and RSA', async () => {
    const edVm = { ...VM, publicKeyJwk: { ...ED_JWK, key_ops: ['encrypt'] } };
    expect(await proofOf(jws(HEADER, PAYLOAD), { [KID]: edVm, [ISS]: DID_DOC })).toEqual(ok());
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pub = rsa.publicKey.export({ format: 'jwk' }) as { n: string; e: string };
    const rsaVm = { ...VM, publicKeyJwk: { kty: 'RSA', n: pub.n, e: pub.e, key_ops: ['encrypt'] } };
    const input = `${b64({ ...HEADER, alg: 'RS256' })}.${b64(PAYLOAD)}`;
    const jwt = `${input}.${nodeSign('sha256', Buffer.from(input), rsa.privateKey).toString('base64url')}`;
    expect(await proofOf(jwt, { [KID]: rsaVm, [ISS]: DID_DOC })).toEqual(ok(KID, 'RS256'));
    // an embedded jwk header is reduced the same way
    expect(await proofOf(jws({ alg: 'EdDSA', jwk: { ...ED_JWK, key_ops: ['encrypt'] } }, PAYLOAD))).toEqual(ok('the embedded jwk'));
  });
  it('the key type is the JWK kty, whatever its crv says', async () => {
    const docsWith = (jwk: unknown) => ({ [KID]: { ...VM, publicKeyJwk: jwk }, [ISS]: DID_DOC });
    const mismatch = (alg: string, what: string) => [{ status: 'failed', code: 'ERR_KEY_ALG_MISMATCH', message: `alg ${alg} does not fit a ${what} key` }];
    expect(await proofOf(jws(HEADER, PAYLOAD), docsWith({ kty: 'EC', crv: 'Ed25519', x: ED_JWK.x }))).toEqual(mismatch('EdDSA', 'EC/Ed25519'));
    expect(await proofOf(jws({ ...HEADER, alg: 'ES256' }, PAYLOAD, 'p256'), docsWith({ ...P256_JWK, kty: 'OKP' }))).toEqual(mismatch('ES256', 'OKP/P-256'));
    expect(await proofOf(jws({ ...HEADER, alg: 'ES384' }, PAYLOAD, 'p384'), docsWith({ ...P384_JWK, kty: 'OKP' }))).toEqual(mismatch('ES384', 'OKP/P-384'));
  });
  it('only a JWK whose kty is RSA is reduced to n and e (an EC key carrying n / e members stays EC)', async () => {
    const vm = { ...VM, publicKeyJwk: { ...P256_JWK, n: 'AQAB', e: 'AQAB' } };
    expect(await proofOf(jws({ ...HEADER, alg: 'ES256' }, PAYLOAD, 'p256'), { [KID]: vm, [ISS]: DID_DOC })).toEqual(ok(KID, 'ES256'));
    const vmE = { ...VM, publicKeyJwk: { ...P256_JWK, e: 'AQAB' } };
    expect(await proofOf(jws({ ...HEADER, alg: 'ES256' }, PAYLOAD, 'p256'), { [KID]: vmE, [ISS]: DID_DOC })).toEqual(ok(KID, 'ES256'));
  });
  it('a header that is JSON only once invalid UTF-8 is replaced is refused (fatal decoding)', async () => {
    const bytes = Buffer.concat([Buffer.from('{"alg":"EdDSA","kid":"'), Buffer.from([0xff]), Buffer.from('"}')]);
    expect(await run(`${bytes.toString('base64url')}.${b64(PAYLOAD)}.`)).toMatchObject({ checks: [{ id: 'format', status: 'failed', code: 'ERR_JWT_MALFORMED', message: 'the JOSE header is not a base64url-encoded JSON object' }] });
  });
  it('a payload over a JSON-LD work limit names "the JWT payload"', async () => {
    const r = await run(jws(HEADER, { ...PAYLOAD, '@context': [VC2, { a: 'https://e.org/a', b: 'https://e.org/b' }] }), undefined, { limits: { maxInlineTerms: 1 } });
    expect(r.checks).toHaveLength(1);
    expect(r.checks[0]!.code).toBe('ERR_INPUT_TOO_COMPLEX');
    expect(r.checks[0]!.message.startsWith('the JWT payload needs too much JSON-LD work: ')).toBe(true);
  });
  it('a non-string alg shows as undefined in the format check', async () => {
    expect((await run(jws({ ...HEADER, alg: 7 }, PAYLOAD))).checks[0]!.message).toBe('VC-JWT (undefined)');
  });
  it('a loader throwing null: each resolution step still reports (no crash)', async () => {
    const throwing = (failAt: string, docs: Record<string, unknown>) => {
      const { ctx } = ctxOf(docs);
      const inner = ctx.loader;
      ctx.loader = (async (url: string) => {
        if (url === failAt) throw null;
        return inner(url);
      }) as never;
      return ctx;
    };
    const p = async (jwt: string, ctx: VerifyContext) => pick((await verifyJwtCredential(jwt, ctx)).checks, 'proof');
    expect(await p(jws(HEADER, PAYLOAD), throwing(KID, { [ISS]: DID_DOC }))).toEqual([
      { status: 'failed', code: 'ERR_KEY_UNAVAILABLE', message: `cannot resolve kid ${KID} (offline: pass the DID document in \`documents\`, or give \`fetch\`): null`, target: KID },
    ]);
    expect(await p(jws(HEADER, PAYLOAD), throwing(ISS, { [KID]: VM }))).toEqual([{ status: 'failed', code: 'ERR_KEY_UNAVAILABLE', message: `cannot load the DID document of ${ISS}: null`, target: KID }]);
    const URL_KID = 'https://example.edu/keys#k1';
    expect(await p(jws({ ...HEADER, kid: URL_KID }, PAYLOAD), throwing('https://example.edu/keys', {}))).toEqual([
      { status: 'failed', code: 'ERR_KEY_UNAVAILABLE', message: `cannot dereference kid ${URL_KID}: null`, target: URL_KID },
    ]);
  });
  it('http and https kids only, from the start of the kid', async () => {
    const kid = 'http://example.edu/keys#k1';
    expect(await proofOf(jws({ ...HEADER, kid }, PAYLOAD), { 'http://example.edu/keys': ED_JWK })).toEqual(ok(kid));
    const urn = 'urn:x:https://example.edu/keys';
    expect(await proofOf(jws({ ...HEADER, kid: urn }, PAYLOAD), { [urn]: ED_JWK })).toEqual([{ status: 'failed', code: 'ERR_KEY_UNSUPPORTED', message: `kid ${urn} is neither a DID URL nor an http(s) URL`, target: urn }]);
  });
  it('http(s) kids: an issuer, a controller document id or a method controller of the same origin (http too) is believed without a document', async () => {
    const BASE = 'https://example.edu/keys';
    const OTHER = 'https://example.edu/other';
    const hdr = { ...HEADER, kid: `${BASE}#k1` };
    const HP = { ...PAYLOAD, issuer: 'https://example.edu/issuer', iss: 'https://example.edu/issuer' };
    await run(jws(hdr, HP), { [BASE]: { id: OTHER, verificationMethod: [{ id: '#k1', publicKeyJwk: ED_JWK }] } });
    expect(h.calls.at(-1)!.external).toEqual({ controllers: [OTHER] });
    await run(jws(hdr, HP), { [BASE]: { id: `${BASE}#k1`, controller: OTHER, publicKeyJwk: ED_JWK } });
    expect(h.calls.at(-1)!.external).toEqual({ controllers: [OTHER] });
    // the method's own controller wins over the document id
    await run(jws(hdr, HP), { [BASE]: { id: 'https://example.edu/doc', verificationMethod: [{ id: '#k1', controller: OTHER, publicKeyJwk: ED_JWK }] } });
    expect(h.calls.at(-1)!.external).toEqual({ controllers: [OTHER] });
    const hk = 'http://example.edu/keys#k1';
    await run(jws({ ...HEADER, kid: hk }, HP), { 'http://example.edu/keys': { id: hk, controller: 'http://example.edu/o', publicKeyJwk: ED_JWK } });
    expect(h.calls.at(-1)!.external).toEqual({ controllers: ['http://example.edu/o'] });
    const HTTP_ISS = { ...PAYLOAD, issuer: 'http://example.edu/i', iss: 'http://example.edu/i' };
    await run(jws({ ...HEADER, kid: hk }, HTTP_ISS), { 'http://example.edu/keys': ED_JWK });
    expect(h.calls.at(-1)!.external).toEqual({ controllers: ['http://example.edu/i'] });
  });
  it('a JWK Set is filtered to objects before the single-key rule', async () => {
    const BASE = 'https://example.edu/keys';
    expect(await proofOf(jws({ ...HEADER, kid: BASE }, PAYLOAD), { [BASE]: { keys: ['junk'] } })).toEqual([{ status: 'failed', code: 'ERR_KEY_UNSUPPORTED', message: `no key ${BASE} in ${BASE}`, target: BASE }]);
    expect(await proofOf(jws({ ...HEADER, kid: BASE }, PAYLOAD), { [BASE]: { keys: [null, ED_JWK] } })).toEqual(ok(BASE));
  });
  it('assertionMethod matching: a fragment only for ids with "#"; entries without id never match', async () => {
    const noHash = 'did:example:issuer:k1';
    const docOf = (am: unknown[]) => ({ [ISS]: { ...DID_DOC, verificationMethod: [{ id: noHash, publicKeyJwk: ED_JWK }], assertionMethod: am } });
    const issuerOf = async (docs: Record<string, unknown>) => pick((await run(jws({ alg: 'EdDSA', jwk: ED_JWK }, PAYLOAD), docs)).checks, 'issuer')[0]!.status;
    expect(await issuerOf(docOf([noHash]))).toBe('passed');
    expect(await issuerOf(docOf(['1']))).toBe('failed');
    expect(await issuerOf(docOf([{}]))).toBe('failed');
  });
  it('iss is required even when the issuer has no id', async () => {
    const { iss: _i, ...noIss } = PAYLOAD;
    expect(pick((await run(jws(HEADER, { ...noIss, issuer: 5 }))).checks, 'claims')).toEqual([
      { status: 'failed', code: 'ERR_JWT_CLAIM_MISMATCH', message: 'iss missing ≠ issuer.id missing', target: 'iss' },
    ]);
  });
  it('an exp that gives no validUntil is a mismatch', async () => {
    for (const [exp, shown] of [['soon', '"soon"'], [1e13, '10000000000000']] as const) {
      expect(pick((await run(jws(HEADER, { ...PAYLOAD, exp }))).checks, 'claims')).toEqual([
        { status: 'failed', code: 'ERR_JWT_CLAIM_MISMATCH', message: `exp ${shown} ≠ validUntil missing`, target: 'exp' },
      ]);
    }
  });
  it('jose reasons are quoted as messages (not "Error: …")', async () => {
    const bad = { ...VM, publicKeyJwk: { kty: 'OKP', crv: 'Ed25519', x: 5 } };
    expect(await proofOf(jws(HEADER, PAYLOAD), { [KID]: bad, [ISS]: DID_DOC })).toEqual([{ status: 'failed', code: 'ERR_PROOF_INVALID', message: `JWS could not be verified with ${KID}: Invalid keyData` }]);
  });
  it('only the skipped issuer check of verifyParsed gives way to ERR_ISSUER_KEY_UNBOUND', async () => {
    const r = await run(jws({ alg: 'EdDSA', jwk: ED_JWK }, { ...PAYLOAD, moreChecks: true }), {});
    expect(r.checks.slice(3).map((c) => [c.id, c.status, c.message])).toEqual([
      ['issuer', 'failed', `the embedded jwk is not a key of issuer ${ISS}: use a kid the issuer's DID document lists under assertionMethod`],
      ['dates', 'passed', 'stub dates'],
      ['status', 'skipped', 'stub status'],
      ['issuer', 'passed', 'stub issuer 2'],
    ]);
    const kept = await run(jws(HEADER, { ...PAYLOAD, moreChecks: true }));
    expect(kept.checks.slice(3).map((c) => c.id)).toEqual(['issuer', 'dates', 'status', 'issuer']);
  });
  it('ERR_INTERNAL: the reason cut to 200 characters; a thrown null', async () => {
    expect((await run(jws(HEADER, { ...PAYLOAD, boom: 'long' }))).checks[0]!.message).toBe(`VC-JWT verification could not complete: ${'e'.repeat(200)}`);
    expect((await run(jws(HEADER, { ...PAYLOAD, boom: 'null' }))).checks[0]!.message).toBe('VC-JWT verification could not complete: null');
  });
  it('signing: a null or function key is not a key pair; an RSA JsonWebKey key pair signs RS256', async () => {
    const invalid = { code: 'ERR_KEY_INVALID', message: 'a KeyPair, RsaKeyPair or Signer is required' };
    await expect(signJwtCredential(CRED, { key: null as never, now: NOW })).rejects.toMatchObject(invalid);
    await expect(signJwtCredential(CRED, { key: Object.assign(() => {}, { id: KID, secretKeyMultibase: 'z' }) as never, now: NOW })).rejects.toMatchObject(invalid);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const key = { id: KID, controller: ISS, type: 'JsonWebKey' as const, publicJwk: rsa.publicKey.export({ format: 'jwk' }), privateJwk: rsa.privateKey.export({ format: 'jwk' }) };
    const jwt = await signJwtCredential(CRED, { key: key as never, now: NOW });
    expect(parts(jwt)[0]).toEqual({ alg: 'RS256', kid: KID, typ: 'JWT' });
    const [hh, pp, ss] = jwt.split('.') as [string, string, string];
    expect(nodeVerify('sha256', Buffer.from(`${hh}.${pp}`), rsa.publicKey, Buffer.from(ss, 'base64url'))).toBe(true);
  });
});

// @ts-nocheck
// P-256 / P-384 keys as JSON Web Keys (RFC 7517, RFC 7518 §6.2): export (public by default, `d` only on request),
// import (a key pair or a public key), and `credstack keygen --algorithm P-256 --key-format jwk`.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { p256, p384 } from '@noble/curves/nist.js';
import { base64urlnopad } from '@scure/base';
import { afterAll, describe, expect, it } from 'vitest';
import { exportKeyPair, generateKeyPair, importKeyPair, issueCredential, KeyError, verifyCredential, type EcJwk } from '../../src/index.js';
import { cliInProcess } from '../cli/in-process.js';
import { ISSUED, NOW, sampleCredential } from '../helpers.js';

const P256_SEED = Uint8Array.from({ length: 32 }, (_, i) => i + 1);
const P384_SEED = Uint8Array.from({ length: 48 }, (_, i) => i + 7);
const bytes = (s: string) => base64urlnopad.decode(s);
const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(KeyError);
    return (e as KeyError).code;
  }
  return 'no error';
};
const dir = mkdtempSync(join(tmpdir(), 'credstack-jwk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('EC JWK export (RFC 7518 §6.2)', () => {
  it.each([['P-256', P256_SEED, 32, 'ES256', p256], ['P-384', P384_SEED, 48, 'ES384', p384]] as const)('%s: kty EC, crv, base64url x and y of the curve\'s size, kid, alg; no d unless asked', async (curve, seed, len, alg, lib) => {
    const key = await generateKeyPair({ algorithm: curve, seed });
    const jwk = exportKeyPair(key, { format: 'jwk' }) as EcJwk;
    expect(Object.keys(jwk).sort()).toEqual(['alg', 'crv', 'kid', 'kty', 'x', 'y']);
    expect(jwk).toMatchObject({ kty: 'EC', crv: curve, kid: key.id, alg });
    expect(jwk).not.toHaveProperty('d');
    expect(jwk.x).toMatch(/^[A-Za-z0-9_-]+$/); // base64url, no padding
    expect(bytes(jwk.x)).toHaveLength(len);
    expect(bytes(jwk.y)).toHaveLength(len);
    // x‖y is the uncompressed point of the key's secret
    const uncompressed = lib.getPublicKey(seed, false);
    expect([...bytes(jwk.x), ...bytes(jwk.y)]).toEqual([...uncompressed.slice(1)]);
    const priv = exportKeyPair(key, { format: 'jwk', includeSecret: true }) as EcJwk;
    expect(bytes(priv.d!)).toEqual(seed);
    expect(JSON.stringify(key)).not.toContain(priv.d!); // the key pair itself never shows the secret
    const pubOnly = importKeyPair(jwk);
    expect(codeOf(() => exportKeyPair(pubOnly, { format: 'jwk', includeSecret: true }))).toBe('ERR_KEY_NO_SECRET');
  });
});

describe('EC JWK import', () => {
  it('round trip: P-256 JWK key pair → sign ecdsa-rdfc-2019 → verify (public JWK → the same did:key)', async () => {
    const key = await generateKeyPair({ algorithm: 'P-256', seed: P256_SEED });
    const jwk = JSON.parse(JSON.stringify(exportKeyPair(key, { format: 'jwk', includeSecret: true })));
    const back = importKeyPair(jwk);
    expect(back).toEqual({ id: key.id, controller: key.controller, type: 'Multikey', publicKeyMultibase: key.publicKeyMultibase });
    expect(back.secretKeyMultibase).toBe(key.secretKeyMultibase);
    const signed = await issueCredential(sampleCredential(back.controller), { key: back, now: ISSUED });
    expect(signed.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'ecdsa-rdfc-2019', verificationMethod: key.id });
    const report = await verifyCredential(signed, { now: NOW });
    expect(report.checks.filter((c) => c.status === 'failed')).toEqual([]);
    expect(report.verified).toBe(true);
    // public JWK only: the same key, nothing to sign with
    const pub = importKeyPair(exportKeyPair(key, { format: 'jwk' }));
    expect(pub.publicKeyMultibase).toBe(key.publicKeyMultibase);
    expect(pub.secretKeyMultibase).toBeUndefined();
  });

  it('a P-384 JWK key pair round trips too', async () => {
    const key = await generateKeyPair({ algorithm: 'P-384', seed: P384_SEED });
    const back = importKeyPair(exportKeyPair(key, { format: 'jwk', includeSecret: true }));
    expect(back.publicKeyMultibase).toBe(key.publicKeyMultibase);
    expect(back.publicKeyMultibase.startsWith('z82')).toBe(true);
    expect(back.secretKeyMultibase).toBe(key.secretKeyMultibase);
  });

  it('a did:web kid gives the key id and its controller', async () => {
    const key = await generateKeyPair({ algorithm: 'P-256', seed: P256_SEED, controller: 'did:web:uni.example', id: 'did:web:uni.example#key-2' });
    const back = importKeyPair(exportKeyPair(key, { format: 'jwk', includeSecret: true }));
    expect(back).toMatchObject({ id: 'did:web:uni.example#key-2', controller: 'did:web:uni.example' });
  });

  it('a JWK on another curve, with bad coordinates or a secret of another key is a typed error', async () => {
    const key = await generateKeyPair({ algorithm: 'P-256', seed: P256_SEED });
    const good = exportKeyPair(key, { format: 'jwk', includeSecret: true }) as EcJwk;
    const p384 = exportKeyPair(await generateKeyPair({ algorithm: 'P-384', seed: P384_SEED }), { format: 'jwk', includeSecret: true }) as EcJwk;
    const flip = (s: string) => base64urlnopad.encode(bytes(s).map((b, i) => (i === 31 ? b ^ 1 : b)));
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['crv P-521', { ...good, crv: 'P-521' }, 'ERR_KEY_UNSUPPORTED'],
      ['crv secp256k1', { ...good, crv: 'secp256k1', alg: undefined }, 'ERR_KEY_UNSUPPORTED'],
      ['no crv', { ...good, crv: undefined }, 'ERR_KEY_UNSUPPORTED'],
      ['P-384 coordinates named P-256', { ...p384, crv: 'P-256', alg: undefined, d: undefined }, 'ERR_KEY_INVALID'],
      ['P-256 coordinates named P-384', { ...good, crv: 'P-384', alg: undefined, d: undefined }, 'ERR_KEY_INVALID'],
      ['alg of the other curve', { ...good, alg: 'ES384' }, 'ERR_KEY_INVALID'],
      ['y not on the curve', { ...good, y: flip(good.y), d: undefined }, 'ERR_KEY_INVALID'],
      ['x missing', { ...good, x: undefined }, 'ERR_KEY_INVALID'],
      ['x not base64url', { ...good, x: `${good.x.slice(0, -2)}+/` }, 'ERR_KEY_INVALID'],
      ['x padded', { ...good, x: `${good.x}=` }, 'ERR_KEY_INVALID'],
      ['x too short', { ...good, x: base64urlnopad.encode(bytes(good.x).slice(1)) }, 'ERR_KEY_INVALID'],
      ['d of another key', { ...good, d: base64urlnopad.encode(Uint8Array.from({ length: 32 }, (_, i) => i + 2)) }, 'ERR_KEY_INVALID'],
      ['d of the wrong length', { ...good, d: base64urlnopad.encode(P384_SEED) }, 'ERR_KEY_INVALID'],
      ['d zero', { ...good, d: base64urlnopad.encode(new Uint8Array(32)) }, 'ERR_KEY_INVALID'],
      ['d not base64url', { ...good, d: 42 }, 'ERR_KEY_INVALID'],
    ];
    for (const [label, jwk, code] of cases) expect(codeOf(() => importKeyPair(jwk)), label).toBe(code);
    // the errors never quote the secret
    try {
      importKeyPair({ ...good, d: base64urlnopad.encode(Uint8Array.from({ length: 32 }, (_, i) => i + 2)) });
    } catch (e) {
      expect(JSON.stringify({ m: (e as Error).message, d: (e as KeyError).details })).not.toContain(good.d!);
    }
  });
});

describe('credstack keygen --algorithm P-256 --key-format jwk', () => {
  it('writes a private EC JWK (0600) that signs, prints no secret', async () => {
    const out = join(dir, 'uni.jwk.json');
    const r = await cliInProcess(['keygen', '--out', out, '--algorithm', 'P-256', '--key-format', 'jwk', '--json']);
    expect(r.code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const jwk = JSON.parse(readFileSync(out, 'utf8')) as EcJwk;
    expect(Object.keys(jwk).sort()).toEqual(['alg', 'crv', 'd', 'kid', 'kty', 'x', 'y']);
    expect(jwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
    expect(bytes(jwk.d!)).toHaveLength(32);
    expect(r.stdout).not.toContain(jwk.d!);
    expect(r.stderr).not.toContain(jwk.d!);
    const info = JSON.parse(r.stdout);
    const key = importKeyPair(jwk);
    expect(info).toMatchObject({ did: key.controller, keyId: key.id, publicKeyMultibase: key.publicKeyMultibase });
    expect(key.publicKeyMultibase.startsWith('zDn')).toBe(true);
    // other commands read the JWK key file: sign with it
    const cred = join(dir, 'cred.json');
    writeFileSync(cred, JSON.stringify(sampleCredential(key.controller)));
    const signed = join(dir, 'signed.json');
    const issued = await cliInProcess(['issue', '--key', out, '--template', cred, '--out', signed, '--now', ISSUED]);
    expect(issued.code, issued.stderr).toBe(0);
    const report = await verifyCredential(readFileSync(signed, 'utf8'), { now: NOW });
    expect(report.checks.filter((c) => c.status === 'failed')).toEqual([]);
    expect(report.verified).toBe(true);
  });

  it('refuses an unknown --key-format', async () => {
    const r = await cliInProcess(['keygen', '--out', join(dir, 'x.json'), '--key-format', 'pem']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--key-format pem is not supported/);
  });
});

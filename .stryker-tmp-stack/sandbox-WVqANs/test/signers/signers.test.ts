// @ts-nocheck
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { callSigner, isInProcessSigner } from '../../src/keys/signer.js';
import {
  bundleClr,
  bundlePresentation,
  createStatusList,
  generateKeyPair,
  generateRsaKeyPair,
  issueBatch,
  issueCredential,
  signStatusList,
  signerFromCryptoKey,
  signerFromKeyPair,
  SignerError,
  verifyCredential,
  verifyPortfolio,
  type KeyPair,
  type Signer,
} from '../../src/index.js';
import { issueCohort } from '../../src/batch/cohort.js';
import { parseTemplate } from '../../src/batch/template.js';
import { ISSUED, NOW, sampleCredential } from '../helpers.js';
import { startRemoteSigner } from './remote.js';

let dir: string;
let ed: KeyPair;
let p256: KeyPair;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'credstack-signers-'));
  ed = await generateKeyPair({ seed: new Uint8Array(32).fill(9) });
  p256 = await generateKeyPair({ algorithm: 'P-256', seed: new Uint8Array(32).fill(9) });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A signer that only forwards to another one: credstack sees no key at all. */
const opaque = (s: Signer, sign = s.sign): Signer => ({ id: s.id, algorithm: s.algorithm, sign });

describe('external signers', () => {
  it('round trips per algorithm through a signer that exposes no key (Ed25519, P-256; DI and VC-JWT; RS256 VC-JWT)', async () => {
    const rsa = await generateRsaKeyPair({ controller: 'did:web:uni.example', id: 'did:web:uni.example#rsa-1' });
    const rsaDoc = { '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/jwk/v1'], id: 'did:web:uni.example', verificationMethod: [{ id: rsa.id, type: 'JsonWebKey', controller: rsa.controller, publicKeyJwk: rsa.publicKeyJwk }], assertionMethod: [rsa.id] };
    const cases: Array<[KeyPair | typeof rsa, string, string]> = [
      [ed, 'eddsa-rdfc-2022', 'eddsa-rdfc-2022'],
      [ed, 'eddsa-jcs-2022', 'eddsa-jcs-2022'],
      [ed, 'vc-jwt', 'EdDSA'],
      [p256, 'ecdsa-rdfc-2019', 'ecdsa-rdfc-2019'],
      [p256, 'ecdsa-jcs-2019', 'ecdsa-jcs-2019'],
      [p256, 'vc-jwt', 'ES256'],
      [rsa, 'vc-jwt', 'RS256'],
    ];
    for (const [key, format, expected] of cases) {
      const signer = opaque(signerFromKeyPair(key));
      expect(Object.keys(signer).sort()).toEqual(['algorithm', 'id', 'sign']);
      const out = await issueCredential(sampleCredential(key.controller), { signer, now: ISSUED, format: format as any });
      const got = typeof out === 'string' ? JSON.parse(Buffer.from(out.split('.')[0]!, 'base64url').toString()).alg : (out as any).proof.cryptosuite;
      expect(got, format).toBe(expected);
      const r = await verifyCredential(out, { now: NOW, documents: { 'did:web:uni.example': rsaDoc } });
      expect(r.verified, `${format} ${expected}`).toBe(true);
    }
  });

  it('a non-extractable Ed25519 CryptoKey signs; its secret cannot be exported', async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
    await expect(crypto.subtle.exportKey('pkcs8', pair.privateKey)).rejects.toThrow();
    const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
    const { base58 } = await import('@scure/base');
    const mb = 'z' + base58.encode(Uint8Array.from([0xed, 0x01, ...raw]));
    const did = `did:key:${mb}`;
    const signer = signerFromCryptoKey(pair.privateKey, { id: `${did}#${mb}` });
    const signed = await issueCredential(sampleCredential(did), { signer, now: ISSUED });
    expect(signed.proof.cryptosuite).toBe('eddsa-rdfc-2022');
    expect((await verifyCredential(signed, { now: NOW })).verified).toBe(true);
    expect(() => signerFromCryptoKey(pair.publicKey, { id: `${did}#${mb}` })).toThrow(SignerError);
  });

  it('status lists, CLRs and presentations sign through a signer', async () => {
    const signer = opaque(signerFromKeyPair(p256));
    const state = createStatusList({ id: 'https://uni.example/status/1', issuer: p256.controller, purpose: 'revocation' });
    const list = await signStatusList(state, { signer, now: ISSUED });
    expect((list as any).proof.cryptosuite).toBe('ecdsa-rdfc-2019');
    expect((list as any).proof.verificationMethod).toBe(p256.id);
    const badge = await issueCredential(sampleCredential(p256.controller), { signer, now: ISSUED });
    const clr = await bundleClr([badge], { signer, now: ISSUED, learner: 'did:example:learner-42' } as any);
    expect((clr as any).proof.verificationMethod).toBe(p256.id);
    const holder = opaque(signerFromKeyPair(ed));
    const vp = await bundlePresentation([badge], { holderSigner: holder, challenge: 'c-1', domain: 'jobs.example', now: NOW });
    expect((vp as any).holder).toBe(ed.controller);
    const rv = await verifyPortfolio(vp, { now: NOW, challenge: 'c-1', domain: 'jobs.example' } as any);
    expect(rv.verified).toBe(true);
  });

  it('a signer configured with another key than its did:key id names: its first signature is refused, nothing is issued', async () => {
    for (const alg of ['Ed25519', 'P-256'] as const) {
      const named = alg === 'Ed25519' ? ed : p256;
      const other = await generateKeyPair({ ...(alg === 'P-256' ? { algorithm: 'P-256' as const } : {}), seed: new Uint8Array(32).fill(77) });
      const inside = signerFromKeyPair(other);
      const wrong = opaque(signerFromKeyPair(named), (d) => inside.sign(d)); // well-formed signatures of the wrong key
      const err = await issueCredential(sampleCredential(named.controller), { signer: wrong, now: ISSUED }).catch((e: unknown) => e);
      expect(err, alg).toBeInstanceOf(SignerError);
      expect(err, alg).toMatchObject({ code: 'ERR_SIGNER_BAD_SIGNATURE', details: { signerId: named.id, transient: false } });
      expect((err as Error).message).toContain('does not verify under the key its id names');
      // the right key through the same kind of wrapper: verified once, then trusted for that signer object
      const right = opaque(signerFromKeyPair(named));
      for (let i = 0; i < 2; i++) expect((await verifyCredential(await issueCredential(sampleCredential(named.controller), { signer: right, now: ISSUED }), { now: NOW })).verified).toBe(true);
    }
  });

  it('a signer that throws, times out, or returns a malformed signature gives a typed SignerError with its id', async () => {
    const base = signerFromKeyPair(p256);
    const secretish = 'SECRET-abc123';
    const throwing = opaque(base, async () => {
      throw new Error(`HSM said: ${secretish}`);
    });
    const hanging = opaque(base, () => new Promise<Uint8Array>(() => {}));
    const short = opaque(base, async () => new Uint8Array(10));
    const zero = opaque(base, async () => new Uint8Array(64));
    const notBytes = opaque(base, async () => 'signature' as any);
    const cases: Array<[Signer, string, boolean]> = [
      [throwing, 'ERR_SIGNER_FAILED', true],
      [hanging, 'ERR_SIGNER_TIMEOUT', true],
      [short, 'ERR_SIGNER_BAD_SIGNATURE', false],
      [zero, 'ERR_SIGNER_BAD_SIGNATURE', false],
      [notBytes, 'ERR_SIGNER_BAD_SIGNATURE', false],
    ];
    for (const format of ['ecdsa-rdfc-2019', 'vc-jwt'] as const) {
      for (const [signer, code, transient] of cases) {
        const err = await issueCredential(sampleCredential(p256.controller), { signer, now: ISSUED, format, signerTimeoutMs: 50 }).then(
          () => undefined,
          (e) => e,
        );
        expect(err, `${format} ${code}`).toBeInstanceOf(SignerError);
        expect(err.code).toBe(code);
        expect(err.details).toMatchObject({ signerId: p256.id, transient });
        expect(err.message).toContain(p256.id);
        expect(err.message).not.toContain(secretish);
      }
    }
    await expect(issueCredential(sampleCredential(p256.controller), { signer: { id: p256.id, algorithm: 'P-256' } as any, now: ISSUED })).rejects.toMatchObject({ code: 'ERR_SIGNER_INVALID' });
    await expect(issueCredential(sampleCredential(p256.controller), { signer: base, key: p256, now: ISSUED })).rejects.toMatchObject({ code: 'ERR_INVALID_INPUT' });
    await expect(issueCredential(sampleCredential('did:web:elsewhere.example'), { signer: base, now: ISSUED })).rejects.toMatchObject({ code: 'ERR_ISSUER_MISMATCH' });
  });

  it('in-process signers (signerFromKeyPair) are called without a timer; CryptoKey (WebCrypto may be HSM-backed) and external ones keep the timeout', async () => {
    const own = signerFromKeyPair(ed);
    const { privateKey } = (await globalThis.crypto.subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])) as CryptoKeyPair;
    const fromCryptoKey = signerFromCryptoKey(privateKey, { id: 'did:web:uni.example#key-9' }); // (a did:key id would name another key)
    const external = opaque(own);
    expect([isInProcessSigner(own), isInProcessSigner(fromCryptoKey), isInProcessSigner(external), isInProcessSigner({ ...own })]).toEqual([true, false, false, false]);
    const data = new Uint8Array(64).fill(3);
    const timers = vi.spyOn(globalThis, 'setTimeout');
    try {
      const a = await callSigner(own, data);
      expect(timers).not.toHaveBeenCalled();
      await callSigner(fromCryptoKey, data);
      expect(timers).toHaveBeenCalledTimes(1);
      const b = await callSigner(external, data);
      expect(timers).toHaveBeenCalledTimes(2);
      expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    } finally {
      timers.mockRestore();
    }
    // an external Ed25519 signer on the default (eddsa-rdfc-2022) path still times out, typed
    const hanging = opaque(own, () => new Promise<Uint8Array>(() => {}));
    await expect(issueCredential(sampleCredential(ed.controller), { signer: hanging, now: ISSUED, signerTimeoutMs: 50 })).rejects.toMatchObject({ code: 'ERR_SIGNER_TIMEOUT', details: { signerId: ed.id, transient: true } });
    // and the key's own (in-process) signer still signs what verifies
    const signed = await issueCredential(sampleCredential(ed.controller), { key: ed, now: ISSUED });
    expect((await verifyCredential(signed, { now: ISSUED })).verified).toBe(true);
  });

  it('a signer failing in a cohort: rows reported by line, nothing half-written, a rerun completes', async () => {
    const roster = join(dir, 'fail.csv');
    writeFileSync(roster, 'did,grade\n' + Array.from({ length: 6 }, (_, i) => `did:example:${i},A`).join('\n') + '\n');
    const achievement = { type: ['Achievement'], id: 'https://uni.example/a/1', name: 'Statistics', description: 'd', criteria: { narrative: 'n' } };
    const base = signerFromKeyPair(p256);
    let calls = 0;
    const failing = opaque(base, async (d) => {
      calls++;
      if (calls >= 3) throw Object.assign(new Error('key disabled'), { transient: false });
      return base.sign(d);
    });
    const out = join(dir, 'fail.jsonl');
    const s = await issueCohort({ roster, template: parseTemplate(achievement), signer: failing, out: { jsonl: out }, now: ISSUED, concurrency: 1, signerRetryDelayMs: 0 });
    expect(s.issued).toBe(2);
    expect(s.failed).toBe(4);
    expect(s.errors.map((e) => [e.line, e.code])).toEqual([[4, 'ERR_SIGNER_FAILED'], [5, 'ERR_SIGNER_FAILED'], [6, 'ERR_SIGNER_FAILED'], [7, 'ERR_SIGNER_FAILED']]);
    expect(calls).toBe(6); // a non-transient failure is not retried
    const lines = readFileSync(out, 'utf8').split('\n').filter(Boolean);
    expect(lines.map((l) => JSON.parse(l).key)).toEqual(['did:example:0', 'did:example:1']);
    const again = await issueCohort({ roster, template: parseTemplate(achievement), signer: base, out: { jsonl: out }, now: ISSUED });
    expect([again.skipped, again.issued, again.failed]).toEqual([2, 4, 0]);
  });

  it('issueBatch retries a transient failure with back-off and then reports the row', async () => {
    const base = signerFromKeyPair(ed);
    let calls = 0;
    const flaky = opaque(base, async () => {
      calls++;
      throw new Error('503');
    });
    const rows = [sampleCredential(ed.controller)];
    const res = [];
    for await (const r of issueBatch(rows, { signer: flaky, now: ISSUED, signerRetries: 2, signerRetryDelayMs: 1 })) res.push(r);
    expect(calls).toBe(3);
    expect(res[0]!.error).toBeInstanceOf(SignerError);
    expect(res[0]!.error!.code).toBe('ERR_SIGNER_FAILED');
    let n = 0;
    const once = opaque(base, async (d) => (++n === 1 ? Promise.reject(new Error('throttled')) : base.sign(d)));
    const ok = [];
    for await (const r of issueBatch([sampleCredential(ed.controller)], { signer: once, now: ISSUED, signerRetryDelayMs: 1 })) ok.push(r);
    expect(ok[0]!.error).toBeUndefined();
    expect(n).toBe(2);
    expect((await verifyCredential(ok[0]!.credential!, { now: NOW })).verified).toBe(true);
  });

  it('1,000-row cohort through an out-of-process signer with one transient failure: every row issued exactly once', async () => {
    const remote = await startRemoteSigner(p256, { failAt: 137 });
    try {
      const roster = join(dir, 'big.csv');
      writeFileSync(roster, 'Student ID,did,grade\n' + Array.from({ length: 1000 }, (_, i) => `S${String(i).padStart(4, '0')},did:example:s${i},A`).join('\n') + '\n');
      const achievement = { type: ['Achievement'], id: 'https://uni.example/a/2', name: 'Data', description: 'd', criteria: { narrative: 'n' } };
      const out = join(dir, 'big.jsonl');
      const s = await issueCohort({ roster, template: parseTemplate(achievement), signer: remote.signer, out: { jsonl: out }, now: ISSUED, concurrency: 8, signerRetryDelayMs: 5 });
      expect([s.rows, s.issued, s.failed, s.skipped]).toEqual([1000, 1000, 0, 0]);
      const stats = await remote.stats();
      expect(stats).toEqual({ requests: 1001, signed: 1000 }); // one retry, no extra signature
      const recs = readFileSync(out, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
      expect(recs.length).toBe(1000);
      expect(new Set(recs.map((r) => r.key)).size).toBe(1000);
      expect(new Set(recs.map((r) => r.credential.id)).size).toBe(1000);
      expect(new Set(recs.map((r) => r.credential.proof.proofValue)).size).toBe(1000);
      expect(recs.every((r) => r.credential.proof.verificationMethod === p256.id && r.credential.proof.cryptosuite === 'ecdsa-rdfc-2019')).toBe(true);
      for (const i of [0, 136, 137, 999]) expect((await verifyCredential(recs[i].credential, { now: NOW })).verified, `row ${i}`).toBe(true);
    } finally {
      await remote.stop();
    }
    expect(existsSync(join(dir, 'big.jsonl'))).toBe(true);
  }, 240_000);
});

// @ts-nocheck
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createDidWebDocument,
  didWebToUrl,
  ed25519PublicKey,
  ed25519Sign,
  ed25519Verify,
  exportKeyPair,
  generateKeyPair,
  importKeyPair,
  InvalidInputError,
  KeyError,
  resolveDidKey,
  setEd25519Backend,
  ed25519Backend,
} from '../../src/index.js';
import { decodeSecretKeyMultibase } from '../../src/keys/multibase.js';
import { nodeSha256, setNodeCryptoDisabled } from '../../src/util/node-crypto.js';

afterEach(() => setEd25519Backend(undefined));

describe('generateKeyPair', () => {
  it('is deterministic from a seed and defaults to its own did:key', async () => {
    const a = await generateKeyPair({ seed: new Uint8Array(32).fill(1) });
    const b = await generateKeyPair({ seed: new Uint8Array(32).fill(1) });
    expect(a.publicKeyMultibase).toBe(b.publicKeyMultibase);
    expect(a.publicKeyMultibase).toMatch(/^z6Mk/);
    expect(a.controller).toBe(`did:key:${a.publicKeyMultibase}`);
    expect(a.id).toBe(`${a.controller}#${a.publicKeyMultibase}`);
    expect(a.type).toBe('Multikey');
    const c = await generateKeyPair();
    expect(c.publicKeyMultibase).not.toBe(a.publicKeyMultibase);
  });

  it('takes a controller and id (did:web)', async () => {
    const k = await generateKeyPair({ controller: 'did:web:uni.example', id: 'did:web:uni.example#key-1' });
    expect(k.controller).toBe('did:web:uni.example');
    expect(k.id).toBe('did:web:uni.example#key-1');
  });

  it('rejects seeds of the wrong length with a typed error', async () => {
    await expect(generateKeyPair({ seed: new Uint8Array(31) })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(generateKeyPair({ seed: new Uint8Array(31) })).rejects.toMatchObject({ code: 'ERR_INVALID_SEED' });
  });

  it('never shows the secret in logs or JSON', async () => {
    const k = await generateKeyPair({ seed: new Uint8Array(32).fill(9) });
    expect(typeof k.secretKeyMultibase).toBe('string');
    expect(JSON.stringify(k)).not.toContain(k.secretKeyMultibase);
    const { inspect } = await import('node:util');
    expect(inspect(k)).not.toContain(k.secretKeyMultibase!);
    expect(Object.keys(k)).not.toContain('secretKeyMultibase');
  });
});

describe('import / export', () => {
  it('round-trips Multikey JSON with and without the secret', async () => {
    const k = await generateKeyPair({ seed: new Uint8Array(32).fill(3) });
    const pub = exportKeyPair(k);
    expect(pub.secretKeyMultibase).toBeUndefined();
    const full = exportKeyPair(k, { includeSecret: true });
    expect(full.secretKeyMultibase).toBe(k.secretKeyMultibase);
    const back = importKeyPair(JSON.parse(JSON.stringify(full)));
    expect(back.secretKeyMultibase).toBe(k.secretKeyMultibase);
    expect(back.id).toBe(k.id);
    expect(importKeyPair(pub).secretKeyMultibase).toBeUndefined();
  });

  it('round-trips JWK (RFC 8037)', async () => {
    const k = await generateKeyPair({ seed: new Uint8Array(32).fill(4) });
    const jwk = exportKeyPair(k, { format: 'jwk', includeSecret: true });
    expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519' });
    expect(jwk.x).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const back = importKeyPair(jwk);
    expect(back.publicKeyMultibase).toBe(k.publicKeyMultibase);
    expect(back.secretKeyMultibase).toBe(k.secretKeyMultibase);
    expect(exportKeyPair(k, { format: 'jwk' }).d).toBeUndefined();
  });

  it('refuses a secret that does not match the public key, and malformed keys', async () => {
    const a = exportKeyPair(await generateKeyPair({ seed: new Uint8Array(32).fill(5) }), { includeSecret: true });
    const b = exportKeyPair(await generateKeyPair({ seed: new Uint8Array(32).fill(6) }), { includeSecret: true });
    expect(() => importKeyPair({ ...a, secretKeyMultibase: b.secretKeyMultibase })).toThrow(KeyError);
    expect(() => importKeyPair({ type: 'Multikey', publicKeyMultibase: 'zBad0' })).toThrow(KeyError);
    expect(() => importKeyPair({ kty: 'RSA', n: 'x', e: 'AQAB' })).toThrow(/RSA/);
    expect(() => importKeyPair(null)).toThrow(KeyError);
    expect(() => exportKeyPair(importKeyPair({ publicKeyMultibase: a.publicKeyMultibase }), { includeSecret: true })).toThrow(
      expect.objectContaining({ code: 'ERR_KEY_NO_SECRET' }),
    );
  });
});

describe('Ed25519 backends', () => {
  it('WebCrypto and @noble/ed25519 produce identical signatures that both verify', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ maxLength: 512 }), async (seed, msg) => {
        setEd25519Backend('webcrypto');
        const s1 = await ed25519Sign(seed, msg);
        setEd25519Backend('noble');
        const s2 = await ed25519Sign(seed, msg);
        expect(Buffer.from(s1).equals(Buffer.from(s2))).toBe(true);
        const pub = ed25519PublicKey(seed);
        expect(await ed25519Verify(pub, msg, s1)).toBe(true);
        setEd25519Backend('webcrypto');
        expect(await ed25519Verify(pub, msg, s2)).toBe(true);
        const bad = Uint8Array.from(s1);
        bad[0]! ^= 1;
        expect(await ed25519Verify(pub, msg, bad)).toBe(false);
      }),
      { numRuns: 60, seed: 42 },
    );
  });

  it('RFC 8032 test 1 (empty message)', async () => {
    const seed = Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex');
    for (const b of ['node', 'webcrypto', 'noble'] as const) {
      setEd25519Backend(b);
      const sig = await ed25519Sign(new Uint8Array(seed), new Uint8Array());
      expect(Buffer.from(sig).toString('hex')).toBe(
        'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
      );
      expect(Buffer.from(ed25519PublicKey(new Uint8Array(seed))).toString('hex')).toBe('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    }
  });

  it('verify never throws on malformed keys or signatures', async () => {
    for (const b of [undefined, 'node', 'webcrypto', 'noble'] as const) {
      setEd25519Backend(b);
      expect(await ed25519Verify(new Uint8Array(3), new Uint8Array(), new Uint8Array(64))).toBe(false);
      expect(await ed25519Verify(new Uint8Array(32).fill(255), new Uint8Array(), new Uint8Array(64))).toBe(false);
      expect(await ed25519Verify(new Uint8Array(32), new Uint8Array(), new Uint8Array(10))).toBe(false);
    }
  });

  it('node:crypto (the default on Node) and @noble/ed25519 produce identical signatures that both verify', async () => {
    setEd25519Backend(undefined);
    expect(await ed25519Backend()).toBe('node');
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ maxLength: 512 }), async (seed, msg) => {
        setEd25519Backend('node');
        const s1 = await ed25519Sign(seed, msg);
        const again = await ed25519Sign(seed, msg); // the cached key object
        setEd25519Backend('noble');
        const s2 = await ed25519Sign(seed, msg);
        expect(Buffer.from(s1).toString('hex')).toBe(Buffer.from(s2).toString('hex'));
        expect(Buffer.from(again).toString('hex')).toBe(Buffer.from(s2).toString('hex'));
        const pub = ed25519PublicKey(seed);
        setEd25519Backend('node');
        expect(await ed25519Verify(pub, msg, s2)).toBe(true);
        expect(await ed25519Verify(pub, msg, s2)).toBe(true);
        const bad = Uint8Array.from(s1);
        bad[63]! ^= 0x10;
        expect(await ed25519Verify(pub, msg, bad)).toBe(false);
        setEd25519Backend('noble');
        expect(await ed25519Verify(pub, msg, bad)).toBe(false);
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('without node:crypto (a browser) the default is WebCrypto, with the same signatures', async () => {
    setEd25519Backend(undefined);
    const seed = new Uint8Array(32).fill(5);
    const msg = new TextEncoder().encode('fallback');
    const viaNode = await ed25519Sign(seed, msg);
    setNodeCryptoDisabled(true);
    try {
      setEd25519Backend(undefined);
      expect(await ed25519Backend()).toBe('webcrypto');
      expect(Buffer.from(await ed25519Sign(seed, msg)).equals(Buffer.from(viaNode))).toBe(true);
      expect(await ed25519Verify(ed25519PublicKey(seed), msg, viaNode)).toBe(true);
      expect(nodeSha256('x')).toBeUndefined();
    } finally {
      setNodeCryptoDisabled(false);
    }
    expect(Buffer.from(nodeSha256('abc')!).toString('hex')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('the node:crypto key caches stay bounded and keep signing right', async () => {
    setEd25519Backend('node');
    const msg = new TextEncoder().encode('bounded');
    for (let i = 0; i < 300; i++) {
      const seed = new Uint8Array(32).fill(i % 256);
      seed[0] = i >> 8;
      const sig = await ed25519Sign(seed, msg);
      expect(await ed25519Verify(ed25519PublicKey(seed), msg, sig)).toBe(true);
    }
    const first = new Uint8Array(32); // evicted by now: created again, same signature
    setEd25519Backend('noble');
    const ref = await ed25519Sign(first, msg);
    setEd25519Backend('node');
    expect(Buffer.from(await ed25519Sign(first, msg)).equals(Buffer.from(ref))).toBe(true);
  });

  it('the secret seed decodes back from its multibase', async () => {
    const seed = new Uint8Array(32).fill(11);
    const k = await generateKeyPair({ seed });
    expect(Array.from(decodeSecretKeyMultibase(k.secretKeyMultibase!))).toEqual(Array.from(seed));
  });
});

describe('DIDs', () => {
  it('resolves did:key locally to a DID document and to its verification method', async () => {
    const k = await generateKeyPair({ seed: new Uint8Array(32).fill(7) });
    const doc = resolveDidKey(k.controller) as any;
    expect(doc.id).toBe(k.controller);
    expect(doc.assertionMethod).toEqual([k.id]);
    const vm = resolveDidKey(k.id) as any;
    expect(vm).toMatchObject({ id: k.id, type: 'Multikey', controller: k.controller, publicKeyMultibase: k.publicKeyMultibase });
    expect(resolveDidKey(`${k.controller}#other`)).toBeUndefined();
    expect(resolveDidKey('did:key:zNotAKey')).toBeUndefined();
    expect(resolveDidKey('did:web:x')).toBeUndefined();
  });

  it('maps did:web to its URL and writes the did.json', async () => {
    expect(didWebToUrl('did:web:uni.example')).toBe('https://uni.example/.well-known/did.json');
    expect(didWebToUrl('did:web:uni.example:faculty:law')).toBe('https://uni.example/faculty/law/did.json');
    expect(didWebToUrl('did:web:localhost%3A8443')).toBe('https://localhost:8443/.well-known/did.json');
    expect(() => didWebToUrl('did:key:z6Mk')).toThrow(InvalidInputError);
    const k = await generateKeyPair({ controller: 'did:web:uni.example', id: 'did:web:uni.example#key-1' });
    const doc = createDidWebDocument('did:web:uni.example', [k]);
    expect(doc.assertionMethod).toEqual(['did:web:uni.example#key-1']);
    expect(JSON.stringify(doc)).not.toContain(k.secretKeyMultibase);
    const other = await generateKeyPair();
    expect(() => createDidWebDocument('did:web:uni.example', [other])).toThrow(/controlled by/);
  });
});

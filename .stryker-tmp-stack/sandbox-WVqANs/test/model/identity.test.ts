// @ts-nocheck
import { describe, expect, it, vi } from 'vitest';
import { createIdentityObject, generateSalt, hashIdentifier, matchIdentity, InvalidInputError } from '../../src/index.js';

describe('identity (OB 3.0 IdentityObject)', () => {
  it('hashes identifier + salt as sha256$<hex> (spec vectors)', () => {
    expect(hashIdentifier('a@example.com', 'Kosher')).toBe('sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399');
    expect(hashIdentifier('jjefferson18@example.com', 'FleurDeSel')).toBe('sha256$658625b25ab3d75d613ca97d9a5a77f70e2192feca5557f4ad09a4d4f121f5fc');
  });

  it('builds a hashed, salted IdentityObject; random salt by default', () => {
    const o = createIdentityObject({ identityType: 'emailAddress', value: 'jjefferson18@example.com', salt: 'FleurDeSel' });
    expect(o).toEqual({ type: 'IdentityObject', hashed: true, identityType: 'emailAddress', salt: 'FleurDeSel',
      identityHash: 'sha256$658625b25ab3d75d613ca97d9a5a77f70e2192feca5557f4ad09a4d4f121f5fc' });
    const a = createIdentityObject({ identityType: 'sisSourcedId', value: 'S1' });
    const b = createIdentityObject({ identityType: 'sisSourcedId', value: 'S1' });
    expect(a.salt).toMatch(/^[0-9a-f]{32}$/);
    expect(a.identityHash).not.toBe(b.identityHash);
    expect(generateSalt()).not.toBe(generateSalt());
  });

  it('random salts come from a pool: one CSPRNG call per 256 salts, every salt distinct', () => {
    const spy = vi.spyOn(globalThis.crypto, 'getRandomValues');
    try {
      const salts = Array.from({ length: 1000 }, () => generateSalt());
      expect(new Set(salts).size).toBe(1000);
      for (const s of salts) expect(s).toMatch(/^[0-9a-f]{32}$/);
      expect(spy.mock.calls.length).toBeGreaterThanOrEqual(3);
      expect(spy.mock.calls.length).toBeLessThanOrEqual(5);
      for (const [buf] of spy.mock.calls) expect((buf as Uint8Array).length).toBe(4096);
    } finally {
      spy.mockRestore();
    }
  });

  it('supports plaintext and ext: identity types, omits empty salt', () => {
    expect(createIdentityObject({ identityType: 'ext:StudentNumber', value: 'X9', hashed: false })).toEqual({ type: 'IdentityObject', hashed: false, identityType: 'ext:StudentNumber', identityHash: 'X9' });
    expect(createIdentityObject({ identityType: 'emailAddress', value: 'a@b.c', salt: '' }).salt).toBeUndefined();
  });

  it('matches known identifiers (sha256, md5, uppercase hex, plaintext) and never throws', () => {
    const o = createIdentityObject({ identityType: 'emailAddress', value: 'ada@uni.example', salt: 's' });
    expect(matchIdentity(o, 'ada@uni.example')).toBe(true);
    expect(matchIdentity(o, 'ada@uni.example', 'emailAddress')).toBe(true);
    expect(matchIdentity(o, 'ada@uni.example', 'sisSourcedId')).toBe(false);
    expect(matchIdentity(o, 'eve@uni.example')).toBe(false);
    expect(matchIdentity({ ...o, identityHash: o.identityHash.toUpperCase().replace('SHA256', 'sha256') }, 'ada@uni.example')).toBe(true);
    // md5('mayze') from the OB 2.0 spec family; md5 of 'a' is 0cc175b9c0f1b6a831c399e269772661
    expect(matchIdentity({ type: 'IdentityObject', hashed: true, identityType: 'name', identityHash: 'md5$0cc175b9c0f1b6a831c399e269772661' }, 'a')).toBe(true);
    expect(matchIdentity({ type: 'IdentityObject', hashed: false, identityType: 'name', identityHash: 'Ada' }, 'Ada')).toBe(true);
    expect(matchIdentity({ hashed: true, identityHash: 'sha1$abc' }, 'x')).toBe(false);
    expect(matchIdentity(null, 'x')).toBe(false);
    expect(matchIdentity('nope', 'x')).toBe(false);
  });

  it('rejects malformed input loudly', () => {
    expect(() => hashIdentifier('')).toThrow(InvalidInputError);
    expect(() => createIdentityObject({ identityType: 'email' as never, value: 'a@b.c' })).toThrow(/identityType/);
    expect(() => createIdentityObject({ identityType: 'emailAddress', value: '' })).toThrow(/identity.value/);
    expect(() => createIdentityObject({ identityType: 'emailAddress', value: 'a', hashed: false, salt: 'x' })).toThrow(/salt/);
    expect(() => createIdentityObject({ identityType: 'emailAddress', value: 'a', hashed: 'yes' as never })).toThrow(/hashed/);
    expect(() => createIdentityObject(null as never)).toThrow(InvalidInputError);
  });
});

// @ts-nocheck
import { describe, expect, it } from 'vitest';
import { defineProfile, imageOf, InvalidInputError, validateProfile } from '../../src/index.js';

describe('defineProfile', () => {
  it('builds an issuer profile with country, language map and image', () => {
    const p = defineProfile({ id: 'did:key:z6MkExample', name: { it: 'Università', en: 'University' }, language: 'en', country: 'it',
      url: 'https://uni.example', email: 'info@uni.example', image: 'https://uni.example/logo.png', official: 'Rector' });
    expect(p).toMatchObject({ id: 'did:key:z6MkExample', type: ['Profile'], name: 'University', nameMap: { it: 'Università', en: 'University' },
      address: { type: ['Address'], addressCountryCode: 'IT' }, image: { id: 'https://uni.example/logo.png', type: 'Image' } });
    expect(validateProfile(p)).toEqual({ valid: true, errors: [] });
  });

  it('a single-language map yields plain text without nameMap', () => {
    const p = defineProfile({ id: 'https://uni.example', name: { en: 'Uni' } });
    expect(p.name).toBe('Uni');
    expect(p.nameMap).toBeUndefined();
  });

  it('merges country into a given address and keeps other identifiers typed', () => {
    const p = defineProfile({ id: 'https://uni.example', address: { addressLocality: 'Dhaka' }, country: 'BD',
      otherIdentifier: [{ identifier: 'UGC-123', identifierType: 'ext:UGCCode' } as never] });
    expect(p.address).toEqual({ type: ['Address'], addressLocality: 'Dhaka', addressCountryCode: 'BD' });
    expect(p.otherIdentifier?.[0]?.type).toBe('IdentifierEntry');
  });

  it.each([
    [{ id: 'uni' }, 'profile.id'],
    [{ id: 'https://u.example', url: 'ftp://x' }, 'profile.url'],
    [{ id: 'https://u.example', email: 'not-an-email' }, 'profile.email'],
    [{ id: 'https://u.example', country: 'Italy' }, 'profile.country'],
    [{ id: 'https://u.example', country: 'IT', address: { addressCountryCode: 'DE' } }, 'profile.country'],
    [{ id: 'https://u.example', name: '' }, 'profile.name'],
    [{ id: 'https://u.example', name: { english: 'x' } }, 'profile.name.english'],
    [{ id: 'https://u.example', name: {} }, 'profile.name'],
    [{ id: 'https://u.example', image: 'logo.png' }, 'profile.image'],
    [{ id: 'https://u.example', parentOrg: { name: 'x' } }, 'profile.parentOrg'],
  ])('rejects %j at %s', (input, path) => {
    try {
      defineProfile(input as never);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(InvalidInputError);
      expect((e as InvalidInputError).code).toBe('ERR_INVALID_INPUT');
      expect((e as InvalidInputError).details?.path).toBe(path);
    }
  });

  it('imageOf accepts data URIs and captions, rejects relative paths', () => {
    expect(imageOf({ id: 'data:image/png;base64,AAAA', type: 'Image', caption: 'c' })).toEqual({ id: 'data:image/png;base64,AAAA', type: 'Image', caption: 'c' });
    expect(() => imageOf('/img.png')).toThrow(InvalidInputError);
    expect(() => imageOf({ id: 'https://x.example/i.png', caption: 3 } as never)).toThrow(/caption/);
  });
});

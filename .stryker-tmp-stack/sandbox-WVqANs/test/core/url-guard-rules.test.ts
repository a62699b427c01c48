// @ts-nocheck
// Issue 21 (mutation area `ssrf`, src/jsonld/url-guard.ts): the SSRF guard's rules called directly, with the exact
// reason each refusal gives. The rule (checkFetchUrl TSDoc): a URL handed to a caller's fetch "must be `https:`, carry no
// user info, and name a public host — host names are normalised first (… then trailing dots), IP literals must be
// public, and names must have at least two labels and not end in a special-use or private suffix"; RFC 6761 (special-use
// names: localhost …), RFC 6762 (.local), RFC 8375 (home.arpa). IPv6 global unicast is 2000::/3 (RFC 4291 §2.4).
// checkResolved: "each address must be public, else the URL is refused".
import { describe, expect, it, vi } from 'vitest';
import { checkFetchUrl, checkResolved, isPublicAddress } from '../../src/jsonld/url-guard.js';

describe('isPublicAddress', () => {
  it('a bracketed IPv6 literal and one with a zone id are read as the address', () => {
    expect(isPublicAddress('[2001:4860::8888]')).toBe(true);
    expect(isPublicAddress('2001:4860::8888%eth0')).toBe(true);
    expect(isPublicAddress('fe80::1%eth0')).toBe(false);
  });

  it('brackets are stripped only around the whole literal', () => {
    expect(isPublicAddress('1.1.]1.1')).toBe(false);
    expect(isPublicAddress('1.1.[1.1')).toBe(false);
    expect(isPublicAddress('1.1.1.1')).toBe(true);
  });

  it('IPv6 outside 2000::/3 is not global unicast, even where ipaddr.js calls it unicast', () => {
    expect(isPublicAddress('4000::1')).toBe(false);
    expect(isPublicAddress('3fff:ffff::1')).toBe(true);
    expect(isPublicAddress('1fff:ffff::1')).toBe(false);
  });

  it('anything that is not a string is not an address (and never throws)', () => {
    for (const v of [42, null, undefined, {}, ['1.1.1.1']]) expect(isPublicAddress(v as unknown as string)).toBe(false);
  });
});

describe('checkFetchUrl: the reason of each refusal', () => {
  it('not a string, or longer than 4096 characters', () => {
    expect(checkFetchUrl(42 as unknown as string)).toBe('not a URL of at most 4096 characters');
    const ok = `https://uni.example/${'x'.repeat(4096 - 20)}`;
    expect(ok).toHaveLength(4096);
    expect(checkFetchUrl(ok)).toBeUndefined();
    expect(checkFetchUrl(`${ok}x`)).toBe('not a URL of at most 4096 characters');
    expect(checkFetchUrl('not a url')).toBe('not a valid URL');
  });

  it('scheme and user info', () => {
    expect(checkFetchUrl('http://uni.example/')).toBe('scheme http: is not https');
    expect(checkFetchUrl('https://user@uni.example/')).toBe('URLs with user info are not fetched');
    expect(checkFetchUrl('https://:secret@uni.example/')).toBe('URLs with user info are not fetched');
  });

  it('IP literals: public ones pass, bracketed IPv6 included', () => {
    expect(checkFetchUrl('https://[2001:4860::8888]/')).toBeUndefined();
    expect(checkFetchUrl('https://[fc00::1]/')).toBe('host [fc00::1] is not a public address');
    expect(checkFetchUrl('https://2130706433/')).toBe('host 127.0.0.1 is not a public address');
  });

  it('names: no host, one label, an empty label are refused; trailing dots are removed first', () => {
    expect(checkFetchUrl('https://./')).toBe('no host');
    expect(checkFetchUrl('https://../')).toBe('no host');
    expect(checkFetchUrl('https://printer/')).toBe('host "printer" is not a public host name');
    expect(checkFetchUrl('https://uni..example/')).toBe('host "uni..example" is not a public host name');
    expect(checkFetchUrl('https://.uni.example/')).toBe('host ".uni.example" is not a public host name');
    expect(checkFetchUrl('https://uni.example./')).toBeUndefined();
    expect(checkFetchUrl('https://uni.example../')).toBeUndefined();
  });

  it('special-use and private suffixes, as the whole name or its last labels, also with a trailing dot', () => {
    for (const s of ['localhost', 'local', 'internal', 'home.arpa', 'localdomain', 'lan', 'intranet', 'corp', 'home', 'private', 'onion', 'arpa']) {
      expect(checkFetchUrl(`https://box.${s}/`), s).toBe(`host "box.${s}" is not a public host name`);
      expect(checkFetchUrl(`https://box.${s}./`), s).toBe(`host "box.${s}." is not a public host name`);
    }
    expect(checkFetchUrl('https://home.arpa/')).toBe('host "home.arpa" is not a public host name');
    // a suffix is whole labels: "mylocal" is not ".local"
    expect(checkFetchUrl('https://uni.mylocal/')).toBeUndefined();
    expect(checkFetchUrl('https://local.example/')).toBeUndefined();
  });
});

describe('checkResolved: every address a name resolves to must be public', () => {
  it('an IP literal is not resolved again', async () => {
    const resolve = vi.fn(async () => ['10.0.0.1']);
    expect(await checkResolved('https://93.184.215.14/', resolve)).toBeUndefined();
    expect(resolve).not.toHaveBeenCalled();
  });

  it('resolves the normalised name; refuses a failure, no address, a private or non-string address', async () => {
    const resolve = vi.fn(async () => ['93.184.215.14']);
    expect(await checkResolved('https://UNI.example./x', resolve)).toBeUndefined();
    expect(resolve).toHaveBeenCalledWith('uni.example');
    const u = 'https://uni.example/x';
    expect(await checkResolved(u, async () => { throw new Error('ENOTFOUND'); })).toBe('host uni.example could not be resolved');
    expect(await checkResolved(u, async () => [])).toBe('host uni.example resolved to no address');
    expect(await checkResolved(u, async () => 'x' as unknown as string[])).toBe('host uni.example resolved to no address');
    expect(await checkResolved(u, async () => ['93.184.215.14', '127.0.0.1'])).toBe('host uni.example resolves to 127.0.0.1, not a public address');
    expect(await checkResolved(u, async () => [42 as unknown as string])).toBe('host uni.example resolves to a non-address, not a public address');
  });
});

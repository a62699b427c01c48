// @ts-nocheck
// Issue 17 §2 "SSRF guard bypass" and issue 21 (ranges untested): every spelling of an internal host is refused before
// the caller's fetch sees it; resolved addresses and every redirect hop are checked too. No network: fetch is a fake.
import { describe, expect, it, vi } from 'vitest';
import { checkFetchUrl, createDocumentLoader, createGuardedFetch, isPublicAddress, verifyCredential } from '../../src/index.js';
import { NOW } from '../helpers.js';

describe('isPublicAddress: private and reserved ranges, edges included', () => {
  it.each([
    ['0.0.0.0', false], ['0.255.255.255', false], ['1.0.0.0', true],
    ['9.255.255.255', true], ['10.0.0.0', false], ['10.255.255.255', false], ['11.0.0.0', true],
    ['100.63.255.255', true], ['100.64.0.0', false], ['100.127.255.255', false], ['100.128.0.0', true],
    ['126.255.255.255', true], ['127.0.0.1', false], ['127.255.255.255', false], ['128.0.0.0', true],
    ['169.253.255.255', true], ['169.254.0.0', false], ['169.254.169.254', false], ['169.255.0.0', true],
    ['172.15.255.255', true], ['172.16.0.0', false], ['172.20.1.1', false], ['172.31.255.255', false], ['172.32.0.0', true],
    ['192.167.255.255', true], ['192.168.0.0', false], ['192.168.255.255', false], ['192.169.0.0', true],
    ['192.0.2.1', false], ['198.18.0.1', false], ['224.0.0.1', false], ['239.255.255.255', false], ['240.0.0.1', false], ['255.255.255.255', false],
    ['93.184.215.14', true], ['8.8.8.8', true],
    // IPv6
    ['::1', false], ['::', false], ['::ffff:127.0.0.1', false], ['::ffff:7f00:1', false], ['::ffff:8.8.8.8', false], ['::127.0.0.1', false],
    ['fc00::1', false], ['fdff:ffff::1', false], ['fe80::1', false], ['febf::1', false], ['ff02::1', false],
    ['64:ff9b::7f00:1', false], ['2002:7f00:1::', false], ['2001:db8::1', false], ['2001::1', false],
    ['2606:4700:4700::1111', true], ['2a00:1450:4001:82a::200e', true],
    // other spellings ipaddr.js reads
    ['2130706433', false], ['0x7f000001', false], ['0177.0.0.1', false],
    ['not an ip', false],
  ])('%s → %s', (ip, ok) => {
    expect(isPublicAddress(ip)).toBe(ok);
  });
});

describe('checkFetchUrl: host spellings', () => {
  const refused = [
    'http://uni.example/x', 'file:///etc/passwd', 'https://user:pw@uni.example/x',
    'https://localhost/x', 'https://localhost./x', 'https://LOCALHOST/x', 'https://LocalHost../x', 'https://a.localhost/x', 'https://printer.local/x',
    'https://db.internal/x', 'https://nas.home.arpa/x', 'https://intranet/x', 'https://%6c%6fcalhost/x',
    'https://127.0.0.1/x', 'https://127.0.0.1./x', 'https://127.1/x', 'https://2130706433/x', 'https://0x7f000001/x', 'https://0x7f.0.0.1/x',
    'https://0177.0.0.1/x', 'https://017700000001/x', 'https://%31%32%37.0.0.1/x', 'https://10.1.2.3/x', 'https://172.16.0.0/x', 'https://172.31.255.255/x',
    'https://192.168.0.1/x', 'https://169.254.169.254/latest', 'https://100.64.0.1/x', 'https://0.0.0.0/x',
    'https://[::1]/x', 'https://[::ffff:127.0.0.1]/x', 'https://[::ffff:7f00:1]/x', 'https://[0:0:0:0:0:ffff:7f00:1]/x', 'https://[fc00::1]/x',
    'https://[fe80::1]/x', 'https://[::]/x', 'https://[ff02::1]/x',
  ];
  it.each(refused)('refuses %s', (url) => {
    expect(checkFetchUrl(url)).toEqual(expect.any(String));
  });
  it.each(['https://uni.example/x', 'https://172.15.0.1/x', 'https://172.32.0.1/x', 'https://8.8.8.8/x', 'https://[2606:4700:4700::1111]/x', 'https://münchen.example/did.json'])('allows %s', (url) => {
    expect(checkFetchUrl(url)).toBeUndefined();
  });
});

describe('the loader guards every fetch', () => {
  it('did:web with a trailing dot (localhost.) and other spellings never reach fetch', async () => {
    const fetcher = vi.fn(async () => ({}));
    const loader = createDocumentLoader({ fetch: fetcher });
    for (const did of ['did:web:localhost.', 'did:web:localhost%2E', 'did:web:127.0.0.1', 'did:web:2130706433', 'did:web:%5B%3A%3A1%5D', 'did:web:LOCALHOST']) {
      await expect(loader(`${did}#key-1`), did).rejects.toMatchObject({ code: 'ERR_DOCUMENT_URL_REFUSED' });
    }
    expect(fetcher).not.toHaveBeenCalled();
  });

  it('with resolve, a public-looking name that points inside is refused; a public one is fetched', async () => {
    const fetcher = vi.fn(async () => ({ '@context': {} }));
    const dns: Record<string, string[]> = { 'rebind.example.org': ['93.184.215.14', '10.0.0.7'], 'ok.example.org': ['93.184.215.14'], 'mapped.example.org': ['::ffff:192.168.1.1'] };
    const resolve = vi.fn(async (h: string) => dns[h] ?? []);
    const loader = createDocumentLoader({ fetch: fetcher, resolve });
    await expect(loader('https://rebind.example.org/ctx')).rejects.toMatchObject({ code: 'ERR_DOCUMENT_URL_REFUSED' });
    await expect(loader('https://mapped.example.org/ctx')).rejects.toMatchObject({ code: 'ERR_DOCUMENT_URL_REFUSED' });
    await expect(loader('https://nxdomain.example.org/ctx')).rejects.toMatchObject({ code: 'ERR_DOCUMENT_URL_REFUSED' });
    expect(fetcher).not.toHaveBeenCalled();
    await loader('https://ok.example.org/ctx');
    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(resolve).toHaveBeenCalledWith('ok.example.org');
  });

  it('verifyCredential passes resolve through: an unresolvable-to-public did:web key is a failed proof, fetch untouched', async () => {
    const fetcher = vi.fn(async () => ({}));
    const cred = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiableCredential'],
      issuer: 'did:web:issuer.example.org',
      credentialSubject: { id: 'did:example:x' },
      proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod', verificationMethod: 'did:web:issuer.example.org#key-1', created: '2026-01-01T00:00:00Z', proofValue: 'z' + '2'.repeat(86) },
    };
    const r = await verifyCredential(cred, { now: NOW, fetch: fetcher, resolve: async () => ['127.0.0.1'] });
    expect(r.verified).toBe(false);
    expect(r.checks.find((c) => c.id === 'proof')?.message).toMatch(/127\.0\.0\.1, not a public address/);
    expect(fetcher).not.toHaveBeenCalled();
  });
});

describe('createGuardedFetch: every redirect hop is checked', () => {
  const response = (status: number, body: string, headers: Record<string, string> = {}) => new Response(status >= 300 && status < 400 ? null : body, { status, headers });

  it('asks for redirect: manual and refuses a redirect to an internal address', async () => {
    const calls: Array<[string, any]> = [];
    const f = vi.fn(async (url: string, init: any) => {
      calls.push([url, init]);
      if (url === 'https://public.example.org/did.json') return response(302, '', { location: 'https://127.0.0.1/admin' });
      return response(200, '{}');
    });
    const fetch = createGuardedFetch({ fetch: f });
    await expect(fetch('https://public.example.org/did.json')).rejects.toMatchObject({ code: 'ERR_DOCUMENT_URL_REFUSED' });
    expect(calls.map((c) => c[0])).toEqual(['https://public.example.org/did.json']);
    expect(calls[0]![1].redirect).toBe('manual');
  });

  it('follows a public redirect, checks its resolution, and stops after maxRedirects', async () => {
    const seen: string[] = [];
    const f = async (url: string) => {
      if (url.endsWith('/a')) return response(301, '', { location: '/b' });
      if (url.endsWith('/b')) return response(200, '{"ok":true}');
      return response(302, '', { location: `${url}x` });
    };
    const fetch = createGuardedFetch({ fetch: f, onFetch: (u) => seen.push(u), resolve: async (h) => (h === 'inside.example.org' ? ['192.168.1.2'] : ['93.184.215.14']) });
    expect(await fetch('https://a.example.org/a')).toBe('{"ok":true}');
    expect(seen).toEqual(['https://a.example.org/a', 'https://a.example.org/b']);
    await expect(createGuardedFetch({ fetch: async () => response(302, '', { location: 'https://inside.example.org/' }), resolve: async (h) => (h === 'inside.example.org' ? ['192.168.1.2'] : ['93.184.215.14']) })('https://a.example.org/')).rejects.toMatchObject({ code: 'ERR_DOCUMENT_URL_REFUSED' });
    await expect(createGuardedFetch({ fetch: f, maxRedirects: 2 })('https://a.example.org/loop')).rejects.toMatchObject({ code: 'ERR_DOCUMENT_FETCH_FAILED' });
  });

  it('bounds the body', async () => {
    const fetch = createGuardedFetch({ fetch: async () => response(200, 'x'.repeat(2000)), maxBytes: 1000 });
    await expect(fetch('https://a.example.org/big')).rejects.toMatchObject({ code: 'ERR_DOCUMENT_FETCH_FAILED' });
  });
});

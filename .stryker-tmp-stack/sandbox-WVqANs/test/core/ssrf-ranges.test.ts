// @ts-nocheck
// The loader's SSRF guard, range by range, through the public behaviour: `createDocumentLoader({ fetch })` must refuse
// (ERR_DOCUMENT_URL_REFUSED, fetch never called) every URL whose host is a non-public IP literal, and must hand the
// public neighbours just outside each range to fetch. Edges are tested on both sides so a narrowed or widened range fails.
//
// Ranges (IANA special-purpose address registries, RFC 6890):
// - 172.16.0.0/12 private-use (RFC 1918 §3: "172.16.0.0 - 172.31.255.255 (172.16/12 prefix)")
// - 100.64.0.0/10 shared address space (RFC 6598: "100.64.0.0/10"), i.e. 100.64.0.0 - 100.127.255.255
// - fc00::/7 unique local (RFC 4193 §3.1), i.e. fc00:: - fdff:ffff:…
// - fe80::/10 link-local unicast (RFC 4291 §2.5.6), i.e. fe80:: - febf:ffff:…
// - ::ffff:0:0/96 IPv4-mapped IPv6 (RFC 4291 §2.5.5.2): the embedded IPv4 address is what the socket reaches, so a
//   mapped internal address is as internal as the plain one.
// The loader's option text states the rule: "URLs … whose host is a loopback / private / link-local IP literal … are
// refused before `fetch` is called, a guard against server-side request forgery" (src/jsonld/loader.ts).
import { describe, expect, it, vi } from 'vitest';
import { createDocumentLoader } from '../../src/jsonld/loader.js';

function loaderWithSpy() {
  const fetcher = vi.fn(async (url: string) => ({ '@context': { x: `${url}#x` } }));
  return { fetcher, loader: createDocumentLoader({ fetch: fetcher }) };
}

async function refused(url: string): Promise<void> {
  const { fetcher, loader } = loaderWithSpy();
  await expect(loader(url), url).rejects.toMatchObject({ code: 'ERR_DOCUMENT_URL_REFUSED' });
  expect(fetcher, url).not.toHaveBeenCalled();
}

async function fetched(url: string): Promise<void> {
  const { fetcher, loader } = loaderWithSpy();
  const r = await loader(url);
  expect(fetcher, url).toHaveBeenCalledTimes(1);
  expect(r.documentUrl).toBe(url);
}

describe('SSRF guard: IPv4 ranges with both edges', () => {
  it.each([
    ['172.16.0.0/12', ['172.16.0.0', '172.16.0.1', '172.20.1.1', '172.24.0.1', '172.31.255.255'], ['172.15.255.255', '172.32.0.0']],
    ['100.64.0.0/10', ['100.64.0.0', '100.64.0.1', '100.100.100.100', '100.127.255.255'], ['100.63.255.255', '100.128.0.0']],
    ['10.0.0.0/8', ['10.0.0.0', '10.255.255.255'], ['9.255.255.255', '11.0.0.0']],
    ['192.168.0.0/16', ['192.168.0.0', '192.168.255.255'], ['192.167.255.255', '192.169.0.0']],
    ['169.254.0.0/16', ['169.254.0.0', '169.254.169.254', '169.254.255.255'], ['169.253.255.255', '169.255.0.0']],
    ['127.0.0.0/8', ['127.0.0.1', '127.255.255.255'], ['126.255.255.255', '128.0.0.0']],
    ['0.0.0.0/8 ("this network")', ['0.0.0.0', '0.1.2.3', '0.255.255.255'], ['1.0.0.0']],
    ['224.0.0.0/4 multicast and 240.0.0.0/4 reserved', ['224.0.0.1', '224.0.0.0', '239.255.255.255', '240.0.0.1', '255.255.255.255'], ['223.255.255.255']],
  ])('%s: inside refused, the neighbours just outside fetched', async (_range, inside, outside) => {
    for (const ip of inside) await refused(`https://${ip}/ctx`);
    for (const ip of outside) await fetched(`https://${ip}/ctx`);
  });

  it('each range is the pair (first octet, second octet): the same second octet under a public first octet is fetched', async () => {
    // 8.0.0.0/8 is public unicast; these share only the second octet with 172.16/12, 192.168/16, 169.254/16, 100.64/10
    for (const ip of ['8.16.0.1', '8.31.0.1', '8.168.0.1', '8.254.0.1', '8.64.0.1', '8.127.0.1', '193.168.0.1', '170.254.0.1', '101.64.0.1', '173.16.0.1']) await fetched(`https://${ip}/ctx`);
  });

  it('internal host names are refused by suffix; names that merely start like them are fetched', async () => {
    for (const url of ['https://localhost/x', 'https://api.localhost/x', 'https://db.internal/x', 'https://printer.local/x']) await refused(url);
    for (const url of ['https://localhost.example/x', 'https://internal.example/x', 'https://local.example/x']) await fetched(url);
  });

  it('a URL that does not parse is refused, not handed to fetch', async () => {
    for (const url of ['https://', 'https://exa mple.org/x', 'https://[::1/x']) await refused(url);
  });

  it('other spellings of an internal IPv4 address are normalised by the URL parser and still refused', async () => {
    // WHATWG URL host parsing turns decimal / hex / short forms into dotted quads before the guard sees them
    for (const url of ['https://2886729729/x' /* 172.16.0.1 */, 'https://0xac.0x1f.0xff.0xff/x' /* 172.31.255.255 */, 'https://100.64.1/x' /* 100.64.0.1 */, 'https://0x7f.1/x']) {
      await refused(url);
    }
  });
});

describe('SSRF guard: IPv6 ranges', () => {
  it('fc00::/7 (unique local): fc00:: … fdff:… refused', async () => {
    for (const ip of ['fc00::', 'fc00::1', 'fcff:ffff::1', 'fd00::1', 'fd12:3456:789a::1', 'fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff']) await refused(`https://[${ip}]/ctx`);
  });

  it('fe80::/10 (link-local): fe80:: … febf:… refused', async () => {
    for (const ip of ['fe80::', 'fe80::1', 'fe80::1ff:fe23:4567:890a', 'fe9f::1', 'feab::1', 'febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff']) await refused(`https://[${ip}]/ctx`);
  });

  it('IPv4-mapped IPv6 (::ffff:a.b.c.d) of internal IPv4 addresses refused, however it is spelt', async () => {
    for (const ip of ['::ffff:127.0.0.1', '::ffff:10.0.0.1', '::ffff:172.16.0.1', '::ffff:172.31.255.255', '::ffff:192.168.1.1', '::ffff:169.254.169.254', '::ffff:100.64.0.1', '::ffff:7f00:1', '0:0:0:0:0:ffff:a00:1']) {
      await refused(`https://[${ip}]/ctx`);
    }
  });

  it('loopback and unspecified refused; a public IPv6 address is fetched', async () => {
    for (const ip of ['::1', '::', '0:0:0:0:0:0:0:1']) await refused(`https://[${ip}]/ctx`);
    await fetched('https://[2606:4700:4700::1111]/ctx');
    await fetched('https://[2001:4860:4860::8888]/ctx');
  });

  it('IPv6 prefixes are matched at the start of the address only, and only for IPv6 literals', async () => {
    // a public address that contains "fe80", "fc" or "fd" in a later group is fetched
    for (const ip of ['2606:4700::fe80', '2606:4700::fc00', '2606:4700::fd12', '2606:4700::ffff:a00:1']) await fetched(`https://[${ip}]/ctx`);
    // DNS names that begin like the prefixes are not IPv6 literals
    for (const host of ['fcbank.example', 'fd.example', 'fe80.example', 'febf.example']) await fetched(`https://${host}/ctx`);
  });
});

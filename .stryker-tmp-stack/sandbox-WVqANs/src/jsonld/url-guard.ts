// @ts-nocheck
import ipaddr from 'ipaddr.js';

/**
 * Host names that never name a public server: loopback names, mDNS, and the special-use / private-use suffixes
 * (RFC 6761, RFC 6762, RFC 8375 `home.arpa`, ICANN's `.internal`) plus common intranet suffixes.
 */
const PRIVATE_NAME_SUFFIXES = ['localhost', 'local', 'internal', 'home.arpa', 'localdomain', 'lan', 'intranet', 'corp', 'home', 'private', 'onion', 'arpa'];

/**
 * Is `address` (an IPv4 or IPv6 literal, any spelling ipaddr.js accepts: dotted, decimal, octal, hex, short forms;
 * IPv4-mapped IPv6) a publicly routable unicast address? Refused: 0/8, 10/8, 100.64/10, 127/8, 169.254/16, 172.16/12,
 * 192.0.0/24, 192.0.2/24, 192.88.99/24, 192.168/16, 198.18/15, 198.51.100/24, 203.0.113/24, 224/4, 240/4 and
 * 255.255.255.255; for IPv6 everything outside 2000::/3 (::, ::1, ::/96 IPv4-compatible, ::ffff:0:0/96, fc00::/7,
 * fe80::/10, ff00::/8 …) and, inside it, the ranges that embed or relay IPv4 (6to4 2002::/16, Teredo 2001::/32,
 * NAT64 64:ff9b::/96) or are reserved (2001:db8::/32 …).
 * @example
 * ```ts
 * isPublicAddress('93.184.215.14');      // true
 * isPublicAddress('172.31.255.255');     // false
 * isPublicAddress('::ffff:127.0.0.1');   // false
 * ```
 */
export function isPublicAddress(address: string): boolean {
  if (typeof address !== 'string') return false;
  const a = address.replace(/^\[|\]$/g, '');
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.parse(a.includes('%') ? a.slice(0, a.indexOf('%')) : a);
  } catch {
    return false;
  }
  if (ip.kind() === 'ipv4') return ip.range() === 'unicast';
  const v6 = ip as ipaddr.IPv6;
  // Stryker disable next-line all: also refused by the 2000::/3 test below (::ffff:0:0/96 starts with 0); kept as the stated rule
  if (v6.isIPv4MappedAddress()) return false; // ::ffff:a.b.c.d reaches the IPv4 host: never needed for a public URL
  const p = v6.parts;
  if ((p[0]! & 0xe000) !== 0x2000) return false; // only 2000::/3 is global unicast
  return v6.range() === 'unicast';
}

/** Normalise a URL host: lower case (WHATWG already does), without brackets and without trailing dots. */
function normaliseHost(hostname: string): string {
  return hostname.replace(/^\[|\]$/g, '').toLowerCase().replace(/\.+$/, '');
}

/**
 * Why `url` must not be handed to a caller's fetch, or `undefined` when it may be: it must be `https:`, carry no
 * user info, and name a public host — host names are normalised first (WHATWG parsing: case, IDN → punycode,
 * percent-encoding, IPv4 in decimal / octal / hex / short forms; then trailing dots), IP literals must be public
 * ({@link isPublicAddress}), and names must have at least two labels and not end in a special-use or private suffix
 * (`localhost`, `.local`, `.internal`, `.home.arpa` …). This checks the spelling only: see `resolve` in
 * {@link DocumentLoaderOptions} to check the addresses a name resolves to.
 * @example
 * ```ts
 * checkFetchUrl('https://uni.example.org/did.json'); // undefined: allowed
 * checkFetchUrl('https://localhost./did.json');      // 'host "localhost." is not a public host name'
 * checkFetchUrl('https://2130706433/');              // 'host 127.0.0.1 is not a public address'
 * ```
 */
export function checkFetchUrl(url: string): string | undefined {
  if (typeof url !== 'string' || url.length > 4096) return 'not a URL of at most 4096 characters';
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return 'not a valid URL';
  }
  if (u.protocol !== 'https:') return `scheme ${u.protocol} is not https`;
  if (u.username || u.password) return 'URLs with user info are not fetched';
  const host = normaliseHost(u.hostname);
  if (!host) return 'no host';
  if (ipaddr.isValid(host) || u.hostname.startsWith('[')) {
    return isPublicAddress(host) ? undefined : `host ${u.hostname} is not a public address`;
  }
  const labels = host.split('.');
  // a name of digits and hex only (e.g. "0x7f.1" that WHATWG did not read as IPv4) is refused rather than resolved.
  // Kept as defence in depth: under WHATWG parsing such a host ends in a number, so it is an IPv4 address or no URL
  // (URL Standard "ends in a number checker"), and this line is never reached — mutation testing cannot tell it apart.
  // Stryker disable next-line all: unreachable with the WHATWG URL parser (docs/mutation.md, area ssrf)
  if (labels.every((l) => /^(0x[0-9a-f]*|[0-9]+)$/.test(l))) return `host ${u.hostname} looks like a numeric address`;
  if (labels.length < 2 || labels.some((l) => l === '')) return `host "${u.hostname}" is not a public host name`;
  for (const s of PRIVATE_NAME_SUFFIXES) {
    if (host === s || host.endsWith(`.${s}`)) return `host "${u.hostname}" is not a public host name`;
  }
  return undefined;
}

/**
 * Resolves a host name to its IP addresses (e.g. with `node:dns`), so the loader can refuse a public-looking name
 * that points at an internal address.
 * @example
 * ```ts
 * import { lookup } from 'node:dns/promises';
 * const resolve: HostResolver = async (host) => (await lookup(host, { all: true })).map((a) => a.address);
 * ```
 */
export type HostResolver = (hostname: string) => Promise<string[]>;

/** @internal Why the addresses `resolve` gives for `url`'s host make it unsafe, or undefined. */
export async function checkResolved(url: string, resolve: HostResolver): Promise<string | undefined> {
  const host = normaliseHost(new URL(url).hostname);
  if (ipaddr.isValid(host)) return undefined; // a literal was already checked
  let addrs: unknown;
  try {
    addrs = await resolve(host);
  } catch {
    return `host ${host} could not be resolved`;
  }
  if (!Array.isArray(addrs) || addrs.length === 0) return `host ${host} resolved to no address`;
  for (const a of addrs) {
    if (typeof a !== 'string' || !isPublicAddress(a)) return `host ${host} resolves to ${typeof a === 'string' ? a : 'a non-address'}, not a public address`;
  }
  return undefined;
}

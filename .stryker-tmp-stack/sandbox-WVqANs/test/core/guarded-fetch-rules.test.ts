// @ts-nocheck
// Rule tests of createGuardedFetch (src/jsonld/guarded-fetch.ts): every hop goes through the SSRF guard, redirects are
// never followed by the runtime, and redirects, body size and time are bounded. A fake `fetch` returns hand-made
// Responses: no network, no signing (fast per mutant: area `guarded-fetch` of `npm run mutate`).
import { describe, expect, it } from 'vitest';
import { createGuardedFetch } from '../../src/jsonld/guarded-fetch.js';

type Init = { redirect: 'manual'; signal?: AbortSignal; headers: Record<string, string> };
const redirect = (to: string | undefined, status = 302) => new Response(null, { status, headers: to === undefined ? {} : { location: to } });
const ok = (body: string, headers: Record<string, string> = {}) => new Response(body, { status: 200, headers });

/** A fake fetch answering from a table by URL, recording every call's URL and init. */
function fake(table: Record<string, () => Response>) {
  const calls: { url: string; init: Init }[] = [];
  const f = async (url: string, init: Init) => {
    calls.push({ url, init });
    const r = table[url];
    if (!r) throw new Error(`unexpected fetch of ${url}`);
    return r();
  };
  return { f, calls };
}

const A = 'https://a.example.org/ctx';

describe('createGuardedFetch: the runtime never follows a redirect', () => {
  it('calls fetch with redirect "manual", a timeout signal and a JSON-LD accept header', async () => {
    const { f, calls } = fake({ [A]: () => ok('{"a":1}') });
    expect(await createGuardedFetch({ fetch: f })(A)).toBe('{"a":1}');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.init.redirect).toBe('manual');
    expect(calls[0]!.init.signal).toBeInstanceOf(AbortSignal);
    expect(calls[0]!.init.headers.accept).toBe('application/ld+json, application/json;q=0.9, */*;q=0.1');
  });

  it('refuses an opaque redirect (a runtime that hides where it goes) as ERR_DOCUMENT_URL_REFUSED', async () => {
    const opaque = { type: 'opaqueredirect', status: 0, ok: false, headers: new Headers(), body: null } as unknown as Response;
    await expect(createGuardedFetch({ fetch: async () => opaque })(A)).rejects.toMatchObject({ code: 'ERR_DOCUMENT_URL_REFUSED', details: { url: A }, message: expect.stringContaining(`refusing to fetch ${A}: the response is a redirect this runtime hides (opaque redirect)`) });
  });

  it('a 3xx without Location fails (ERR_DOCUMENT_FETCH_FAILED), for 300 and 399 alike', async () => {
    for (const status of [300, 399]) {
      await expect(createGuardedFetch({ fetch: async () => redirect(undefined, status) })(A)).rejects.toMatchObject({ code: 'ERR_DOCUMENT_FETCH_FAILED', message: expect.stringContaining(`HTTP ${status} without a Location`) });
    }
  });

  it('a 299 and a 400 are not redirects: 299 is read, 400 fails as HTTP 400', async () => {
    expect(await createGuardedFetch({ fetch: async () => new Response('x', { status: 299, headers: { location: 'https://b.example.org/' } }) })(A)).toBe('x');
    await expect(createGuardedFetch({ fetch: async () => new Response('x', { status: 400, headers: { location: 'https://b.example.org/' } }) })(A)).rejects.toMatchObject({ code: 'ERR_DOCUMENT_FETCH_FAILED', message: expect.stringContaining('HTTP 400') });
  });
});

describe('createGuardedFetch: every hop is checked like the first URL', () => {
  it('follows a relative redirect, resolved against the current URL, and reports each URL to onFetch', async () => {
    const seen: string[] = [];
    const { f } = fake({ [A]: () => redirect('../next'), 'https://a.example.org/next': () => ok('done') });
    expect(await createGuardedFetch({ fetch: f, onFetch: (u) => seen.push(u) })(A)).toBe('done');
    expect(seen).toEqual([A, 'https://a.example.org/next']);
  });

  it('refuses a redirect to http: or to a private address before requesting it', async () => {
    for (const to of ['http://a.example.org/', 'https://127.0.0.1/', 'https://[::1]/', 'https://10.0.0.1/']) {
      const { f, calls } = fake({ [A]: () => redirect(to) });
      await expect(createGuardedFetch({ fetch: f })(A)).rejects.toMatchObject({ code: 'ERR_DOCUMENT_URL_REFUSED' });
      expect(calls.map((c) => c.url)).toEqual([A]);
    }
  });

  it('refuses the first URL when it is not https (nothing fetched)', async () => {
    const { f, calls } = fake({});
    await expect(createGuardedFetch({ fetch: f })('http://a.example.org/')).rejects.toMatchObject({ code: 'ERR_DOCUMENT_URL_REFUSED', details: { url: 'http://a.example.org/' }, message: expect.stringMatching(/^refusing to fetch http:\/\/a\.example\.org\/: ./) });
    expect(calls).toHaveLength(0);
  });

  it('with resolve, a host whose address is private is refused at its hop; public hosts pass', async () => {
    const resolve = async (h: string) => (h === 'inside.example.org' ? ['192.168.1.2'] : ['93.184.215.14']);
    const { f, calls } = fake({ [A]: () => redirect('https://inside.example.org/x') });
    const seen: string[] = [];
    await expect(createGuardedFetch({ fetch: f, resolve, onFetch: (u) => seen.push(u) })(A)).rejects.toMatchObject({ code: 'ERR_DOCUMENT_URL_REFUSED', details: { url: 'https://inside.example.org/x' } });
    expect(calls.map((c) => c.url)).toEqual([A]);
    expect(seen).toEqual([A]);
    const { f: f2 } = fake({ [A]: () => ok('pub') });
    expect(await createGuardedFetch({ fetch: f2, resolve })(A)).toBe('pub');
  });

  it('a redirect to an invalid URL fails as ERR_DOCUMENT_FETCH_FAILED', async () => {
    await expect(createGuardedFetch({ fetch: async () => redirect('https://[bad') })(A)).rejects.toMatchObject({ code: 'ERR_DOCUMENT_FETCH_FAILED', message: expect.stringContaining('invalid URL') });
  });

  it('no fetch available fails typed', async () => {
    await expect(createGuardedFetch({ fetch: 'nope' as never })(A)).rejects.toMatchObject({ code: 'ERR_DOCUMENT_FETCH_FAILED', message: expect.stringContaining('no fetch available') });
  });
});

describe('createGuardedFetch: redirects are bounded (default 3)', () => {
  const chain = (n: number) => {
    const t: Record<string, () => Response> = {};
    for (let i = 0; i < n; i++) t[`https://h${i}.example.org/`] = () => redirect(`https://h${i + 1}.example.org/`);
    t[`https://h${n}.example.org/`] = () => ok('end');
    return fake(t);
  };
  it('exactly 3 redirects are followed, a 4th fails naming the first URL', async () => {
    expect(await createGuardedFetch({ fetch: chain(3).f })('https://h0.example.org/')).toBe('end');
    const four = chain(4);
    await expect(createGuardedFetch({ fetch: four.f })('https://h0.example.org/')).rejects.toMatchObject({ code: 'ERR_DOCUMENT_FETCH_FAILED', message: expect.stringContaining('more than 3 redirects'), details: { url: 'https://h0.example.org/' } });
    expect(four.calls).toHaveLength(4);
  });
  it('maxRedirects: 0 refuses the first redirect; 1 follows one', async () => {
    await expect(createGuardedFetch({ fetch: chain(1).f, maxRedirects: 0 })('https://h0.example.org/')).rejects.toMatchObject({ code: 'ERR_DOCUMENT_FETCH_FAILED' });
    expect(await createGuardedFetch({ fetch: chain(1).f, maxRedirects: 1 })('https://h0.example.org/')).toBe('end');
  });
});

describe('createGuardedFetch: the body is bounded (default 5 MiB)', () => {
  it('a declared content-length above maxBytes fails before reading; equal to it is read', async () => {
    const body = 'x'.repeat(10);
    await expect(createGuardedFetch({ fetch: async () => ok(body, { 'content-length': '11' }), maxBytes: 10 })(A)).rejects.toMatchObject({ code: 'ERR_DOCUMENT_FETCH_FAILED', message: expect.stringContaining('body of 11 bytes is larger than 10') });
    expect(await createGuardedFetch({ fetch: async () => ok(body, { 'content-length': '10' }), maxBytes: 10 })(A)).toBe(body);
  });
  it('a streamed body above maxBytes fails (no length declared); exactly maxBytes is read whole, across chunks', async () => {
    const streamed = (parts: string[]) => new Response(new ReadableStream({ start(c) { for (const p of parts) c.enqueue(new TextEncoder().encode(p)); c.close(); } }), { status: 200 });
    await expect(createGuardedFetch({ fetch: async () => streamed(['12345', '678901']), maxBytes: 10 })(A)).rejects.toMatchObject({ code: 'ERR_DOCUMENT_FETCH_FAILED', message: expect.stringContaining('body larger than 10 bytes') });
    expect(await createGuardedFetch({ fetch: async () => streamed(['12345', '67890']), maxBytes: 10 })(A)).toBe('1234567890');
  });
  it('the default limit is 5 MiB: 5 MiB is read, one byte more fails', async () => {
    const n = 5 * 1024 * 1024;
    const big = 'a'.repeat(n);
    expect(String(await createGuardedFetch({ fetch: async () => ok(big) })(A)).length).toBe(n);
    await expect(createGuardedFetch({ fetch: async () => ok(big + 'a') })(A)).rejects.toMatchObject({ code: 'ERR_DOCUMENT_FETCH_FAILED' });
  });
  it('decodes UTF-8 split across chunks', async () => {
    const bytes = new TextEncoder().encode('é€');
    const r = new Response(new ReadableStream({ start(c) { c.enqueue(bytes.slice(0, 1)); c.enqueue(bytes.slice(1)); c.close(); } }), { status: 200 });
    expect(await createGuardedFetch({ fetch: async () => r })(A)).toBe('é€');
  });
  it('a response without a body stream is read as text', async () => {
    const r = { type: 'basic', status: 200, ok: true, headers: new Headers(), body: null, text: async () => 'plain' } as unknown as Response;
    expect(await createGuardedFetch({ fetch: async () => r })(A)).toBe('plain');
  });
});

describe('createGuardedFetch: each request is bounded in time (default 10 s)', () => {
  it('passes AbortSignal.timeout(timeoutMs): a fetch that waits on the signal is aborted', async () => {
    const f = (_u: string, init: Init) => new Promise<Response>((_, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason)));
    await expect(createGuardedFetch({ fetch: f, timeoutMs: 5 })(A)).rejects.toMatchObject({ name: 'TimeoutError' });
  });
});

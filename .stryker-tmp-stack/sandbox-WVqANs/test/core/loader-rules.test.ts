// @ts-nocheck
// Issue 21 (mutation area `jsonld`, src/jsonld/loader.ts): the offline document loader's rules, each on literal URLs,
// documents and messages. The loader's contract (createDocumentLoader TSDoc): bundled contexts, did:key from the key,
// anything else only from `documents` or an explicit `fetch`; an unknown URL is ERR_DOCUMENT_NOT_FOUND with
// `details.url`; `fetch` sees only https URLs to public hosts unless `allowUnsafeUrls`; with `resolve`, "each address
// must be public, else the URL is refused (ERR_DOCUMENT_URL_REFUSED)". DID Core §7.2.2: dereferencing a DID URL with a
// fragment selects the node of the DID document whose id is that DID URL (or the same-document reference "#frag").
import { describe, expect, it, vi } from 'vitest';
import { createDocumentLoader, isSafeFetchUrl } from '../../src/jsonld/loader.js';
import { DocumentLoaderError } from '../../src/errors.js';

const PK = 'z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw';
const DID = 'did:web:uni.example';
const DID_JSON = 'https://uni.example/.well-known/did.json';
const DID_V1 = 'https://www.w3.org/ns/did/v1';
const MULTIKEY_V1 = 'https://w3id.org/security/multikey/v1';
const OFFLINE = 'is not bundled and not in `documents`; pass it in `documents` (offline) or give an explicit `fetch`';

async function refusal(p: Promise<unknown>): Promise<DocumentLoaderError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(DocumentLoaderError);
    return e as DocumentLoaderError;
  }
  throw new Error('expected a refusal');
}
const didDoc = (patch: Record<string, unknown> = {}) => ({
  '@context': [DID_V1, MULTIKEY_V1],
  id: DID,
  verificationMethod: [{ id: `${DID}#key-1`, type: 'Multikey', controller: DID, publicKeyMultibase: PK }],
  assertionMethod: [`${DID}#key-1`],
  ...patch,
});

describe('documents given as text', () => {
  it('JSON text is parsed; a compact JWS (a VC-JWT status list) is handed on as trimmed text', async () => {
    const u = 'https://uni.example/doc';
    const load = (v: unknown) => createDocumentLoader({ documents: { [u]: v } })(u);
    expect((await load('{"a":1}')).document).toEqual({ a: 1 });
    for (const [text, jws] of [
      ['  eyJh.eyJi.c2ln \n', 'eyJh.eyJi.c2ln'],
      ['a.b.', 'a.b.'],
      ['ab_-.cd-_.ef', 'ab_-.cd-_.ef'],
    ]) {
      expect((await load(text)).document, text).toBe(jws);
    }
  });

  it('text that is neither → ERR_DOCUMENT_INVALID naming the URL, with the parser error as cause', async () => {
    const u = 'https://uni.example/doc';
    for (const text of ['a.b', '.b.c', 'a..c', 'a.b.c.d', '!a.b.c', 'a.b.c!', 'a.b!.c', '{"a":']) {
      const e = await refusal(createDocumentLoader({ documents: { [u]: text } })(u));
      expect({ code: e.code, message: e.message, details: e.details }, text).toEqual({ code: 'ERR_DOCUMENT_INVALID', message: `document for ${u} is not valid JSON`, details: { url: u } });
      expect(e.cause).toBeInstanceOf(SyntaxError);
    }
  });
});

describe('the URL asked for', () => {
  it('must be a string of at most 4096 characters, checked before `documents`', async () => {
    const long = `https://uni.example/${'x'.repeat(4097 - 20)}`;
    const ok = long.slice(0, 4096);
    const loader = createDocumentLoader({ documents: { [long]: { a: 1 }, [ok]: { b: 2 } } });
    expect(long).toHaveLength(4097);
    expect((await loader(ok)).document).toEqual({ b: 2 });
    const e = await refusal(loader(long));
    expect({ code: e.code, message: e.message, details: e.details }).toEqual({
      code: 'ERR_DOCUMENT_NOT_FOUND',
      message: 'document URL must be a string of at most 4096 characters',
      details: { url: long.slice(0, 200) },
    });
    expect((await refusal(loader(42 as unknown as string))).details).toEqual({ url: '42' });
  });

  it('an unknown https URL without fetch is ERR_DOCUMENT_NOT_FOUND saying how to provide it', async () => {
    const u = 'https://uni.example/ctx';
    const e = await refusal(createDocumentLoader()(u));
    expect({ code: e.code, message: e.message, details: e.details }).toEqual({ code: 'ERR_DOCUMENT_NOT_FOUND', message: `unknown document: ${u} ${OFFLINE}`, details: { url: u } });
  });

  it('onLoad names the source of every document', async () => {
    const seen: Array<[string, string]> = [];
    const loader = createDocumentLoader({
      documents: { 'https://uni.example/a': { a: 1 }, [DID]: didDoc() },
      fetch: async () => ({ f: 1 }),
      onLoad: (url, source) => seen.push([url, source]),
    });
    await loader('https://uni.example/a');
    await loader('https://www.w3.org/ns/credentials/v2');
    await loader(`did:key:${PK}`);
    await loader(`${DID}#key-1`);
    await loader('https://other.example/b');
    expect(seen).toEqual([
      ['https://uni.example/a', 'documents'],
      ['https://www.w3.org/ns/credentials/v2', 'bundled'],
      [`did:key:${PK}`, 'did:key'],
      [DID, 'documents'],
      ['https://other.example/b', 'fetch'],
    ]);
  });
});

describe('fetch: only https URLs to public hosts (SSRF guard), resolved names checked with `resolve`', () => {
  it('a refused URL never reaches fetch, and the error says why and how to override', async () => {
    const fetch = vi.fn(async () => ({}));
    const u = 'http://uni.example/x';
    const e = await refusal(createDocumentLoader({ fetch })(u));
    expect({ code: e.code, message: e.message, details: e.details }).toEqual({
      code: 'ERR_DOCUMENT_URL_REFUSED',
      message: `refusing to fetch ${u}: scheme http: is not https; only https URLs to public hosts are fetched (set allowUnsafeUrls to override)`,
      details: { url: u },
    });
    expect(fetch).not.toHaveBeenCalled();
    expect(isSafeFetchUrl('https://uni.example/x')).toBe(true);
    expect(isSafeFetchUrl(u)).toBe(false);
    expect(isSafeFetchUrl('https://10.0.0.1/x')).toBe(false);
  });

  it('with resolve: a name resolving to a private address is refused before fetch; a public one is fetched', async () => {
    const fetch = vi.fn(async () => ({ ok: 1 }));
    const u = 'https://uni.example/x';
    const e = await refusal(createDocumentLoader({ fetch, resolve: async () => ['93.184.215.14', '10.0.0.1'] })(u));
    expect({ code: e.code, message: e.message, details: e.details }).toEqual({
      code: 'ERR_DOCUMENT_URL_REFUSED',
      message: `refusing to fetch ${u}: host uni.example resolves to 10.0.0.1, not a public address`,
      details: { url: u },
    });
    expect(fetch).not.toHaveBeenCalled();
    expect((await createDocumentLoader({ fetch, resolve: async () => ['93.184.215.14'] })(u)).document).toEqual({ ok: 1 });
    // allowUnsafeUrls switches the whole guard off, resolution included
    expect((await createDocumentLoader({ fetch, allowUnsafeUrls: true, resolve: async () => ['10.0.0.1'] })(u)).document).toEqual({ ok: 1 });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('a fetch failure is ERR_DOCUMENT_FETCH_FAILED with its message and cause; fetched invalid JSON stays ERR_DOCUMENT_INVALID', async () => {
    const u = 'https://uni.example/x';
    const boom = new Error('connection reset');
    const e = await refusal(createDocumentLoader({ fetch: async () => { throw boom; } })(u));
    expect({ code: e.code, message: e.message, details: e.details, cause: e.cause }).toEqual({ code: 'ERR_DOCUMENT_FETCH_FAILED', message: `fetching ${u} failed: connection reset`, details: { url: u }, cause: boom });
    // a thrown non-Error is named as it is, never read through (undefined has no message)
    expect((await refusal(createDocumentLoader({ fetch: async () => { throw undefined; } })(u))).message).toBe(`fetching ${u} failed: undefined`);
    expect((await refusal(createDocumentLoader({ fetch: async () => { throw 'gone'; } })(u))).message).toBe(`fetching ${u} failed: gone`);
    const bad = await refusal(createDocumentLoader({ fetch: async () => 'not json' })(u));
    expect({ code: bad.code, message: bad.message }).toEqual({ code: 'ERR_DOCUMENT_INVALID', message: `document for ${u} is not valid JSON` });
  });
});

describe('did:key and did:web', () => {
  it('an invalid did:key is ERR_DOCUMENT_NOT_FOUND naming it', async () => {
    const u = 'did:key:z6LSrApwZptxFR4jy6U8Z8exYPwTqSXniWLqihApE1oK9WsK';
    const e = await refusal(createDocumentLoader()(u));
    expect({ code: e.code, message: e.message, details: e.details }).toEqual({ code: 'ERR_DOCUMENT_NOT_FOUND', message: `cannot resolve ${u}: not a valid Ed25519 did:key`, details: { url: u } });
  });

  it('the DID alone is the document; DID#frag is the method, found by absolute or same-document id under any relationship', async () => {
    expect((await createDocumentLoader({ documents: { [DID]: didDoc() } })(DID)).document).toEqual(didDoc());
    // by its https://…/did.json URL too (did:web §3.2 Read)
    expect((await createDocumentLoader({ documents: { [DID_JSON]: didDoc() } })(DID)).document).toEqual(didDoc());
    const method = { type: 'Multikey', controller: DID, publicKeyMultibase: PK };
    for (const rel of ['verificationMethod', 'assertionMethod', 'authentication', 'capabilityInvocation', 'capabilityDelegation']) {
      for (const id of [`${DID}#key-1`, '#key-1']) {
        const doc = { '@context': [DID_V1, MULTIKEY_V1], id: DID, [rel]: [null, 7, `${DID}#key-1`, { id, ...method }] };
        const r = await createDocumentLoader({ documents: { [DID]: doc } })(`${DID}#key-1`);
        expect(r, `${rel} ${id}`).toEqual({ contextUrl: null, documentUrl: `${DID}#key-1`, document: { '@context': MULTIKEY_V1, id: `${DID}#key-1`, ...method } });
      }
    }
  });

  it("the method's context follows its type; a method without controller is controlled by the document", async () => {
    const other = { id: '#k2', type: 'EcdsaSecp256k1VerificationKey2019', publicKeyHex: '02ab' };
    const doc = didDoc({ verificationMethod: [other, { id: '#k3', type: 'Multikey', controller: 'did:web:elsewhere.example', publicKeyMultibase: PK }] });
    const loader = createDocumentLoader({ documents: { [DID]: doc } });
    expect((await loader(`${DID}#k2`)).document).toEqual({ ...other, id: `${DID}#k2`, '@context': [DID_V1, MULTIKEY_V1], controller: DID });
    expect((await loader(`${DID}#k3`)).document).toMatchObject({ '@context': MULTIKEY_V1, controller: 'did:web:elsewhere.example' });
  });

  it('refusals: not in the document, another id, no document, a malformed did:web, offline', async () => {
    const e1 = await refusal(createDocumentLoader({ documents: { [DID]: didDoc() } })(`${DID}#key-9`));
    expect({ code: e1.code, message: e1.message, details: e1.details }).toEqual({ code: 'ERR_DOCUMENT_NOT_FOUND', message: `${DID}#key-9 is not in the DID document of ${DID}`, details: { url: `${DID}#key-9` } });
    for (const doc of [didDoc({ id: 'did:web:other.example' }), null, '"did:web:uni.example"', {}]) {
      const e = await refusal(createDocumentLoader({ documents: { [DID]: doc } })(`${DID}#key-1`));
      expect({ code: e.code, message: e.message, details: e.details }, JSON.stringify(doc)).toEqual({ code: 'ERR_DOCUMENT_INVALID', message: `DID document for ${DID} has a different id`, details: { url: `${DID}#key-1` } });
    }
    const bad = 'did:web:a.example::b';
    const e2 = await refusal(createDocumentLoader()(bad));
    expect({ code: e2.code, message: e2.message, details: e2.details }).toEqual({ code: 'ERR_DOCUMENT_NOT_FOUND', message: `malformed did:web ${bad}`, details: { url: bad } });
    expect(e2.cause).toBeInstanceOf(Error);
    const e3 = await refusal(createDocumentLoader()(`${DID}#key-1`));
    expect(e3.message).toBe(`DID document for ${DID}: ${DID_JSON} ${OFFLINE}`);
  });
});

describe('other DID methods: only from `documents`, never fetched', () => {
  const DX = 'did:example:123';
  it('DID#frag is the method of the DID document given in documents', async () => {
    const doc = { '@context': DID_V1, id: DX, verificationMethod: [{ id: '#key-1', type: 'Multikey', controller: DX, publicKeyMultibase: PK }] };
    expect((await createDocumentLoader({ documents: { [DX]: doc } })(`${DX}#key-1`)).document).toEqual({ '@context': MULTIKEY_V1, id: `${DX}#key-1`, type: 'Multikey', controller: DX, publicKeyMultibase: PK });
  });

  it('not given (or no such method, or a null document) → ERR_DOCUMENT_NOT_FOUND, and fetch is never called', async () => {
    const fetch = vi.fn(async () => ({}));
    const msg = (u: string) => `unsupported DID method for ${u}: pass its DID document in \`documents\``;
    for (const [docs, u] of [
      [{}, `${DX}#key-1`],
      [{}, DX],
      [{ [DX]: { id: DX, verificationMethod: [] } }, `${DX}#key-1`],
      [{ [DX]: null }, `${DX}#key-1`],
    ] as const) {
      const e = await refusal(createDocumentLoader({ documents: docs, fetch })(u));
      expect({ code: e.code, message: e.message, details: e.details }, u).toEqual({ code: 'ERR_DOCUMENT_NOT_FOUND', message: msg(u), details: { url: u } });
    }
    expect(fetch).not.toHaveBeenCalled();
  });
});

// @ts-nocheck
import { describe, expect, it, vi } from 'vitest';
import { BUNDLED_CONTEXTS, createDocumentLoader, DocumentLoaderError, generateKeyPair, createDidWebDocument } from '../../src/index.js';

describe('offline document loader', () => {
  it('bundles every context a verifier meets in the field', () => {
    for (const url of [
      'https://www.w3.org/2018/credentials/v1',
      'https://www.w3.org/ns/credentials/v2',
      'https://w3id.org/security/data-integrity/v1',
      'https://w3id.org/security/data-integrity/v2',
      'https://w3id.org/security/multikey/v1',
      'https://w3id.org/security/suites/ed25519-2020/v1',
      'https://w3id.org/security/v1',
      'https://w3id.org/security/v2',
      'https://www.w3.org/ns/did/v1',
      'https://purl.imsglobal.org/spec/ob/v3p0/context.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
      'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
      'https://www.w3.org/ns/credentials/status/v1',
      'https://w3id.org/vc/status-list/2021/v1',
      'https://w3id.org/credstack/v1',
    ]) {
      expect(BUNDLED_CONTEXTS.has(url), url).toBe(true);
    }
  });

  it('the bundled OB 3.0.3 context defines awardedDate and inLanguage', () => {
    const ctx = JSON.stringify(BUNDLED_CONTEXTS.get('https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'));
    expect(ctx).toContain('"awardedDate"');
    expect(ctx).toContain('"inLanguage"');
  });

  it('an unknown URL is a typed error naming the URL, and nothing is fetched', async () => {
    const spy = vi.spyOn(globalThis, 'fetch');
    const loader = createDocumentLoader();
    const err = await loader('https://example.org/unknown-context').catch((e) => e);
    expect(err).toBeInstanceOf(DocumentLoaderError);
    expect(err.code).toBe('ERR_DOCUMENT_NOT_FOUND');
    expect(err.details.url).toBe('https://example.org/unknown-context');
    expect(err.message).toContain('https://example.org/unknown-context');
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
  });

  it('serves caller documents (objects or JSON text) and uses fetch only when given', async () => {
    const fetcher = vi.fn(async (url: string) => ({ '@context': { x: `${url}#x` } }));
    const loader = createDocumentLoader({ documents: { 'https://a.example/ctx': '{"@context":{"a":"https://a.example/a"}}' }, fetch: fetcher });
    expect((await loader('https://a.example/ctx')).document).toEqual({ '@context': { a: 'https://a.example/a' } });
    expect(fetcher).not.toHaveBeenCalled();
    await loader('https://b.example/ctx');
    await loader('https://b.example/ctx');
    expect(fetcher).toHaveBeenCalledTimes(1);
    const failing = createDocumentLoader({ fetch: async () => Promise.reject(new Error('offline')) });
    await expect(failing('https://c.example/')).rejects.toMatchObject({ code: 'ERR_DOCUMENT_FETCH_FAILED' });
  });

  it('resolves did:web from documents (by DID or by its did.json URL), else fails offline', async () => {
    const k = await generateKeyPair({ controller: 'did:web:uni.example', id: 'did:web:uni.example#key-1' });
    const doc = createDidWebDocument('did:web:uni.example', [k]);
    for (const documents of [{ 'did:web:uni.example': doc }, { 'https://uni.example/.well-known/did.json': JSON.stringify(doc) }]) {
      const loader = createDocumentLoader({ documents });
      const vm = (await loader('did:web:uni.example#key-1')).document as any;
      expect(vm).toMatchObject({ id: 'did:web:uni.example#key-1', controller: 'did:web:uni.example', publicKeyMultibase: k.publicKeyMultibase });
      await expect(loader('did:web:uni.example#nope')).rejects.toMatchObject({ code: 'ERR_DOCUMENT_NOT_FOUND' });
    }
    await expect(createDocumentLoader()('did:web:uni.example#key-1')).rejects.toMatchObject({ code: 'ERR_DOCUMENT_NOT_FOUND' });
    // a DID document served for another DID is refused
    const wrong = createDocumentLoader({ documents: { 'did:web:evil.example': doc } });
    await expect(wrong('did:web:evil.example#key-1')).rejects.toMatchObject({ code: 'ERR_DOCUMENT_INVALID' });
  });

  it('resolves did:key with no documents', async () => {
    const k = await generateKeyPair();
    const { document } = await createDocumentLoader()(k.id);
    expect((document as any).publicKeyMultibase).toBe(k.publicKeyMultibase);
    await expect(createDocumentLoader()('did:key:zzz')).rejects.toMatchObject({ code: 'ERR_DOCUMENT_NOT_FOUND' });
  });

  it('refuses to hand non-https or internal-address URLs to fetch (SSRF guard)', async () => {
    const fetcher = vi.fn(async () => ({}));
    const loader = createDocumentLoader({ fetch: fetcher });
    for (const url of ['http://uni.example/ctx', 'file:///etc/passwd', 'https://127.0.0.1/x', 'https://10.1.2.3/x', 'https://192.168.0.1/x', 'https://169.254.169.254/latest', 'https://[::1]/x', 'https://localhost/x']) {
      await expect(loader(url), url).rejects.toMatchObject({ code: 'ERR_DOCUMENT_URL_REFUSED' });
    }
    expect(fetcher).not.toHaveBeenCalled();
    await loader('https://uni.example/ctx');
    expect(fetcher).toHaveBeenCalledTimes(1);
    await createDocumentLoader({ fetch: fetcher, allowUnsafeUrls: true })('http://uni.example/ctx');
    expect(fetcher).toHaveBeenCalledTimes(2);
  });
});

// @ts-nocheck
// Issue 21 (mutation testing of src/keys/controller-document.ts): Controlled Identifiers v1.0 §3.3 "Retrieve
// Verification Method", step by step, through retrieveVerificationMethod with a hand-made loader (no verifier around
// it, so each refusal is the function's own).
import { describe, expect, it } from 'vitest';
import { keyContextFor, retrieveVerificationMethod } from '../../src/keys/index.js';
import { controllerView } from '../../src/keys/controller-document.js';
import type { DocumentLoader } from '../../src/jsonld/loader.js';

const CTRL = 'https://issuer.example/ctrl';
const VM = `${CTRL}#key-1`;
const PK = 'z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw';
const MULTIKEY_V1 = 'https://w3id.org/security/multikey/v1';
const CID_V1 = 'https://www.w3.org/ns/cid/v1';

/** A loader serving exactly these documents (by exact URL); anything else throws like a 404. */
const serve = (docs: Record<string, unknown>, asked: string[] = []): DocumentLoader => async (url) => {
  asked.push(url);
  if (Object.hasOwn(docs, url)) return { contextUrl: null, documentUrl: url, document: docs[url] };
  throw new Error(`404 ${url}`);
};
const doc = (patch: Record<string, unknown> = {}) => ({
  '@context': CID_V1,
  id: CTRL,
  verificationMethod: [{ id: VM, type: 'Multikey', controller: CTRL, publicKeyMultibase: PK }],
  assertionMethod: [VM],
  ...patch,
});
const get = (d: unknown, vm: unknown = VM, rel = 'assertionMethod') => retrieveVerificationMethod(vm, rel, serve({ [CTRL]: d }));

describe('step 1: the verification method identifier must be a valid URL', () => {
  it('refuses a non-string, a non-URL and an over-long URL (INVALID_VERIFICATION_METHOD_URL), but not 4096 characters', async () => {
    for (const bad of [null, 42, 'key-1', `${CTRL}#${'k'.repeat(4097 - CTRL.length - 1)}`]) {
      expect(await get(doc(), bad)).toEqual({
        ok: false,
        errorType: 'INVALID_VERIFICATION_METHOD_URL',
        code: 'ERR_VERIFICATION_METHOD_URL_INVALID',
        message: 'the verification method identifier is not a valid URL',
      });
    }
    const long = `${CTRL}#${'k'.repeat(4096 - CTRL.length - 1)}`;
    expect(long).toHaveLength(4096);
    expect(await get(doc(), long)).toMatchObject({ ok: false, code: 'ERR_VERIFICATION_METHOD_NOT_FOUND' });
  });
});

describe('steps 2–3: dereference the URL without its fragment', () => {
  it('asks the loader for the controller document URL only', async () => {
    const asked: string[] = [];
    const r = await retrieveVerificationMethod(VM, 'assertionMethod', serve({ [CTRL]: doc() }, asked));
    expect(r.ok).toBe(true);
    expect(asked).toEqual([CTRL]);
  });

  it('a loader failure is DEREFERENCE_FAILED / ERR_KEY_UNAVAILABLE, with its message and cause', async () => {
    const boom = new Error('connection refused');
    const r = await retrieveVerificationMethod(VM, 'assertionMethod', async () => {
      throw boom;
    });
    expect(r).toEqual({ ok: false, errorType: 'DEREFERENCE_FAILED', code: 'ERR_KEY_UNAVAILABLE', message: `cannot dereference the controller document ${CTRL}: connection refused`, cause: boom });
    // a thrown non-Error (no message) never reaches String(); the message says the load failed
    const odd = await retrieveVerificationMethod(VM, 'assertionMethod', async () => {
      throw { toString: () => { throw new Error('never called'); } };
    });
    expect(odd).toMatchObject({ ok: false, errorType: 'DEREFERENCE_FAILED', message: `cannot dereference the controller document ${CTRL}: load failed` });
  });

  it('a document delivered as JSON text is parsed; text that is not JSON is not a document', async () => {
    expect((await get(JSON.stringify(doc()))).ok).toBe(true);
    expect(await get('{"id": ')).toMatchObject({ ok: false, errorType: 'INVALID_CONTROLLED_IDENTIFIER_DOCUMENT', code: 'ERR_CONTROLLER_DOCUMENT_INVALID' });
    // only a string is parsed: an array holding the JSON text (String(array) is that text) is no document
    expect(await get([JSON.stringify(doc())])).toMatchObject({ ok: false, errorType: 'INVALID_CONTROLLED_IDENTIFIER_DOCUMENT', code: 'ERR_CONTROLLER_DOCUMENT_INVALID' });
  });
});

describe('step 4: a controlled identifier document whose id is the URL it was dereferenced from', () => {
  it.each([
    ['null', null],
    ['an array', [doc()]],
    ['an object without id', { ...doc(), id: undefined }],
    ['an object with a numeric id', { ...doc(), id: 7 }],
  ])('%s → INVALID_CONTROLLED_IDENTIFIER_DOCUMENT', async (_n, d) => {
    expect(await get(d)).toEqual({
      ok: false,
      errorType: 'INVALID_CONTROLLED_IDENTIFIER_DOCUMENT',
      code: 'ERR_CONTROLLER_DOCUMENT_INVALID',
      message: `the document at ${CTRL} is not a controlled identifier document (an object with an id)`,
    });
  });

  it('another id → INVALID_CONTROLLED_IDENTIFIER_DOCUMENT_ID; the claimed id is quoted at most 200 characters long', async () => {
    const other = `https://victim.example/${'x'.repeat(500)}`;
    const r = await get(doc({ id: other }));
    expect(r).toMatchObject({ ok: false, errorType: 'INVALID_CONTROLLED_IDENTIFIER_DOCUMENT_ID', code: 'ERR_PROOF_KEY_ID_MISMATCH' });
    expect(r.ok === false && r.message).toBe(
      `the controller document loaded from ${CTRL} identifies itself as ${other.slice(0, 200)}: refusing a document that claims another id`,
    );
  });
});

describe('step 5: the node the fragment names is a verification method of this document', () => {
  it('is found in verificationMethod or embedded under any relationship; a relative "#key-1" or path-relative id resolves against the document URL', async () => {
    const method = { type: 'Multikey', controller: CTRL, publicKeyMultibase: PK };
    for (const [where, id] of [
      ['verificationMethod', '#key-1'],
      ['verificationMethod', 'ctrl#key-1'],
      ['authentication', VM],
      ['keyAgreement', VM],
      ['capabilityInvocation', VM],
      ['capabilityDelegation', VM],
    ] as const) {
      const d = { '@context': CID_V1, id: CTRL, [where]: [{ id, ...method }], assertionMethod: ['#key-1'] };
      const r = await get(d);
      expect(r.ok ? r.verificationMethod : r, `${where} ${id}`).toEqual({ '@context': MULTIKEY_V1, id: VM, ...method });
    }
    // a single object (not an array) under verificationMethod, a single string under assertionMethod
    const single = await get({ '@context': CID_V1, id: CTRL, verificationMethod: { id: VM, ...method }, assertionMethod: VM });
    expect(single.ok).toBe(true);
  });

  it('not there → ERR_VERIFICATION_METHOD_NOT_FOUND (another fragment, an empty id, an id that is not a string)', async () => {
    for (const d of [doc(), doc({ verificationMethod: [{ id: '', type: 'Multikey', controller: CTRL }] }), doc({ verificationMethod: [{ id: 5, type: 'Multikey', controller: CTRL }] }), doc({ verificationMethod: ['#key-1'] })]) {
      expect(await get(d, `${CTRL}#key-2`)).toEqual({ ok: false, errorType: 'INVALID_VERIFICATION_METHOD', code: 'ERR_VERIFICATION_METHOD_NOT_FOUND', message: `${CTRL}#key-2 is not in the controller document ${CTRL}` });
    }
    expect(await get(doc({ verificationMethod: undefined }))).toMatchObject({ code: 'ERR_VERIFICATION_METHOD_NOT_FOUND' });
  });

  it.each([
    ['no type', { id: VM, controller: CTRL }],
    ['a numeric type', { id: VM, type: 1, controller: CTRL }],
    ['no controller', { id: VM, type: 'Multikey' }],
    ['a numeric controller', { id: VM, type: 'Multikey', controller: 3 }],
  ])('a node with %s is not a verification method → ERR_VERIFICATION_METHOD_INVALID', async (_n, m) => {
    expect(await get(doc({ verificationMethod: [m] }))).toEqual({
      ok: false,
      errorType: 'INVALID_VERIFICATION_METHOD',
      code: 'ERR_VERIFICATION_METHOD_INVALID',
      message: `${VM} is not a verification method (it needs string id, type and controller)`,
    });
  });

  it('its controller must be the controller document (a string or a node with that id)', async () => {
    const m = (controller: unknown) => doc({ verificationMethod: [{ id: VM, type: 'Multikey', controller, publicKeyMultibase: PK }] });
    expect((await get(m({ id: CTRL }))).ok).toBe(true);
    expect((await get(m('ctrl'))).ok).toBe(true); // relative to the document URL: the document itself
    const other = `https://victim.example/${'c'.repeat(300)}`;
    const r = await get(m(other));
    expect(r).toMatchObject({ ok: false, errorType: 'INVALID_VERIFICATION_METHOD', code: 'ERR_PROOF_KEY_ID_MISMATCH' });
    expect(r.ok === false && r.message).toBe(`the verification method ${VM} names ${other.slice(0, 200)} as its controller, not the controller document ${CTRL} it was found in`);
    expect(await get(m({ id: 'https://victim.example/ctrl' }))).toMatchObject({ ok: false, code: 'ERR_PROOF_KEY_ID_MISMATCH' });
    expect(await get(m({}))).toMatchObject({ ok: false, code: 'ERR_PROOF_KEY_ID_MISMATCH' });
  });

  it('a URL without a fragment names the whole document, which must then itself be a method it controls', async () => {
    const self = { '@context': CID_V1, id: CTRL, type: 'Multikey', controller: CTRL, publicKeyMultibase: PK, assertionMethod: [CTRL] };
    const r = await get(self, CTRL);
    expect(r.ok && r.verificationMethod).toEqual({ '@context': MULTIKEY_V1, id: CTRL, type: 'Multikey', controller: CTRL, publicKeyMultibase: PK, assertionMethod: [CTRL] });
    expect(await get(doc(), CTRL)).toMatchObject({ ok: false, code: 'ERR_VERIFICATION_METHOD_INVALID' });
  });
});

describe('step 6: the method must be listed under the verification relationship asked for', () => {
  it('by reference (absolute or relative) or by value; listed elsewhere or nowhere → INVALID_RELATIONSHIP_FOR_VERIFICATION_METHOD', async () => {
    expect((await get(doc({ assertionMethod: ['#key-1'] }))).ok).toBe(true);
    expect((await get(doc({ assertionMethod: [{ id: '#key-1' }] }))).ok).toBe(true);
    for (const d of [doc({ assertionMethod: undefined, authentication: [VM] }), doc({ assertionMethod: [`${CTRL}#key-2`, { id: `${CTRL}#key-3` }, 5, null] }), doc({ assertionMethod: {} })]) {
      expect(await get(d)).toEqual({
        ok: false,
        errorType: 'INVALID_RELATIONSHIP_FOR_VERIFICATION_METHOD',
        code: 'ERR_PROOF_KEY_NOT_AUTHORIZED',
        message: `${VM} is not listed under assertionMethod in the controller document ${CTRL}`,
      });
    }
    expect((await get(doc({ authentication: [VM] }), VM, 'authentication')).ok).toBe(true);
  });
});

describe('the method returned: absolute ids, the context of its own type (issue 11)', () => {
  it('returns the document, its URL and the method with id and controller absolute and the own @context replaced', async () => {
    const d = doc({ verificationMethod: [{ '@context': 'https://example.org/own', id: '#key-1', type: 'Multikey', controller: { id: CTRL }, publicKeyMultibase: PK }] });
    const r = await get(d);
    expect(r).toEqual({
      ok: true,
      verificationMethod: { '@context': MULTIKEY_V1, id: VM, type: 'Multikey', controller: CTRL, publicKeyMultibase: PK },
      controllerDocumentUrl: CTRL,
      controllerDocument: d,
    });
  });

  it('keyContextFor: Multikey, Ed25519VerificationKey2020, JsonWebKey by type; other types keep their own context, else the document\'s', () => {
    expect(keyContextFor({ type: 'Multikey', '@context': 'x' }, 'd')).toBe('https://w3id.org/security/multikey/v1');
    expect(keyContextFor({ type: 'Ed25519VerificationKey2020' }, 'd')).toBe('https://w3id.org/security/suites/ed25519-2020/v1');
    expect(keyContextFor({ type: 'JsonWebKey' }, 'd')).toBe('https://w3id.org/security/jwk/v1');
    expect(keyContextFor({ type: 'EcdsaSecp256k1VerificationKey2019', '@context': 'own' }, 'd')).toBe('own');
    expect(keyContextFor({ type: 'EcdsaSecp256k1VerificationKey2019' }, ['d1', 'd2'])).toEqual(['d1', 'd2']);
  });
});

describe('edges found by mutation testing (issue 21)', () => {
  it('never throws: a loader that throws undefined, an id that is not a URL even relative to the document', async () => {
    const r = await retrieveVerificationMethod(VM, 'assertionMethod', async () => {
      throw undefined;
    });
    expect(r).toMatchObject({ ok: false, errorType: 'DEREFERENCE_FAILED', message: `cannot dereference the controller document ${CTRL}: load failed` });
    expect(await get(doc({ verificationMethod: [{ id: 'https://[bad', type: 'Multikey', controller: CTRL }] }))).toMatchObject({ ok: false, code: 'ERR_VERIFICATION_METHOD_NOT_FOUND' });
  });

  it('only a dereference failure carries a cause', async () => {
    const r = await get(doc({ assertionMethod: [] }));
    expect(r.ok).toBe(false);
    expect('cause' in r).toBe(false);
  });

  it('an empty controller is not the document (no same-document reference); an absolute id is compared as written', async () => {
    expect(await get(doc({ verificationMethod: [{ id: VM, type: 'Multikey', controller: '', publicKeyMultibase: PK }] }))).toMatchObject({ ok: false, code: 'ERR_PROOF_KEY_ID_MISMATCH' });
    expect(await get(doc({ verificationMethod: [{ id: 'https://ISSUER.example/ctrl#key-1', type: 'Multikey', controller: CTRL }] }))).toMatchObject({ ok: false, code: 'ERR_VERIFICATION_METHOD_NOT_FOUND' });
  });

  it('ids are bounded: a relative id of 4096 characters resolves, one of 4098 is ignored', async () => {
    const ok = `${'./'.repeat(2043)}ctrl#key-1`;
    const long = `${'./'.repeat(2044)}ctrl#key-1`;
    expect(ok).toHaveLength(4096);
    expect((await get(doc({ verificationMethod: [{ id: ok, type: 'Multikey', controller: CTRL }] }))).ok).toBe(true);
    expect(await get(doc({ verificationMethod: [{ id: long, type: 'Multikey', controller: CTRL }] }))).toMatchObject({ ok: false, code: 'ERR_VERIFICATION_METHOD_NOT_FOUND' });
  });

  it('a method of another type without its own context is read with the document\'s context', async () => {
    const r = await get(doc({ verificationMethod: [{ id: VM, type: 'EcdsaSecp256k1VerificationKey2019', controller: CTRL }] }));
    expect(r.ok && r.verificationMethod['@context']).toBe(CID_V1);
  });
});

describe('relative ids against a controller document URL as written (RFC 3986 §5.2: a same-document reference)', () => {
  // "#key-1" in the document at https://issuer.example (no path) is https://issuer.example#key-1: the fragment is
  // appended to the URL as the verification method names it, not to the WHATWG-normalised https://issuer.example/
  it('"#key-1" in the document at an origin-only URL names <url>#key-1', async () => {
    const url = 'https://issuer.example';
    const d = { '@context': CID_V1, id: url, verificationMethod: [{ id: '#key-1', type: 'Multikey', controller: url, publicKeyMultibase: PK }], assertionMethod: ['#key-1'] };
    const r = await retrieveVerificationMethod(`${url}#key-1`, 'assertionMethod', serve({ [url]: d }));
    expect(r.ok && r.verificationMethod).toEqual({ '@context': MULTIKEY_V1, id: `${url}#key-1`, type: 'Multikey', controller: url, publicKeyMultibase: PK });
  });
});

describe('controllerView: what jsonld-signatures\' purpose reads (the one relationship already checked)', () => {
  it('is the DID v1 context, the document URL and the relationship listing the one method', async () => {
    const r = await get(doc());
    if (!r.ok) throw new Error(r.message);
    expect(controllerView(r, 'assertionMethod')).toEqual({ '@context': 'https://www.w3.org/ns/did/v1', id: CTRL, assertionMethod: [VM] });
  });
});

// @ts-nocheck
// Refused input on every endpoint: malformed JSON → 400, a 10 MB body → 413, a wrong content type → 415, a term no
// context defines (JSON-LD safe mode) → 422; always an RFC 9457 problem document with a stable code, and nothing stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { start, plainCredential, type Running } from './helpers.js';

let s: Running;
beforeAll(async () => {
  s = await start();
});
afterAll(async () => {
  await s.stop();
});

const POSTS = ['/credentials/issue', '/credentials/verify', '/presentations/verify', '/credentials/status', '/credentials/issue/batch', '/challenges'];

async function counts() {
  const q = async (sql: string) => Number((await s.server.store.db.query<{ n: string }>(sql)).rows[0]!.n);
  return {
    credentials: await q('SELECT count(*) AS n FROM credentials'),
    allocations: await q('SELECT count(*) AS n FROM status_allocations'),
    jobs: await q('SELECT count(*) AS n FROM jobs'),
  };
}

function isProblem(r: { status: number; headers: Headers; json: any }, status: number, code: string) {
  expect(r.status).toBe(status);
  expect(r.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(r.json).toMatchObject({ status, code, type: `https://w3id.org/credstack/problems#${code}` });
  expect(typeof r.json.title).toBe('string');
}

describe('bad input on every endpoint', () => {
  it.each(POSTS)('%s: malformed JSON → 400, 10 MB → 413, text/xml → 415, nothing stored', async (p) => {
    const before = await counts();
    isProblem(await s.call('POST', p, undefined, { raw: '{"credential": {', headers: { 'content-type': 'application/json' } }), 400, 'ERR_MALFORMED_JSON');
    isProblem(await s.call('POST', p, undefined, { raw: Buffer.alloc(10 * 1024 * 1024, 0x20), headers: { 'content-type': 'application/json' } }), 413, 'ERR_BODY_TOO_LARGE');
    isProblem(await s.call('POST', p, undefined, { raw: '<credential/>', headers: { 'content-type': 'text/xml' } }), 415, 'ERR_UNSUPPORTED_MEDIA_TYPE');
    isProblem(await s.call('POST', p, undefined, { raw: '{"__proto__": {"x": 1}}', headers: { 'content-type': 'application/json' } }), 400, 'ERR_MALFORMED_JSON');
    expect(await counts()).toEqual(before);
  });

  it.each(POSTS.filter((p) => p !== '/challenges'))('%s: a JSON array body → 400 ERR_BODY_NOT_OBJECT; an unknown request property → 400', async (p) => {
    isProblem(await s.call('POST', p, [1, 2]), 400, 'ERR_BODY_NOT_OBJECT');
    isProblem(await s.call('POST', p, { credentail: {} }), 400, 'ERR_UNKNOWN_PARAMETER');
  });

  it('issue: a property no context defines → 422 ERR_UNDEFINED_TERM naming it; no credential and no status index stored', async () => {
    const before = await counts();
    const r = await s.call('POST', '/credentials/issue', { credential: plainCredential(s.keys.default.controller, { favouriteColour: 'green' }) });
    isProblem(r, 422, 'ERR_UNDEFINED_TERM');
    expect(r.json.property).toBe('favouriteColour');
    expect(await counts()).toEqual(before);
  });

  it('issue: refused credentials → 422 with the library’s code, never 500', async () => {
    const before = await counts();
    const cases: Array<[unknown, string]> = [
      [{ ...plainCredential(s.keys.default.controller), '@context': ['https://example.org/ctx'] }, 'ERR_CONTEXT_FIRST'],
      [{ ...plainCredential(s.keys.default.controller), type: ['Other'] }, 'ERR_MISSING_FIELD'],
      [plainCredential('did:example:someone-else'), 'ERR_ISSUER_MISMATCH'],
      [plainCredential(s.keys.default.controller, { validFrom: 'yesterday' }), 'ERR_INVALID_DATE'],
      [plainCredential(s.keys.default.controller, { proof: { type: 'DataIntegrityProof' } }), 'ERR_ALREADY_SIGNED'],
    ];
    for (const [credential, code] of cases) isProblem(await s.call('POST', '/credentials/issue', { credential }), 422, code);
    isProblem(await s.call('POST', '/credentials/issue', { credential: plainCredential(s.keys.default.controller), options: { format: 'ps256' } }), 422, 'ERR_UNSUPPORTED_FORMAT');
    isProblem(await s.call('POST', '/credentials/issue', { credential: 'x' }), 400, 'ERR_MISSING_CREDENTIAL');
    expect(await counts()).toEqual(before);
  });

  it('verify: garbage credentials → 200 with verified false or 400, never 500', async () => {
    const garbage = await s.call('POST', '/credentials/verify', { verifiableCredential: { '@context': 5, proof: 'x' } });
    expect(garbage.status).toBe(200);
    expect(garbage.json.verified).toBe(false);
    isProblem(await s.call('POST', '/credentials/verify', { verifiableCredential: 'not a jwt' }), 400, 'ERR_INVALID_CREDENTIAL');
    isProblem(await s.call('POST', '/credentials/verify', { verifiableCredential: { type: 'EnvelopedVerifiableCredential', id: 'data:text/plain,x' } }), 422, 'ERR_ENVELOPE_UNSUPPORTED');
    isProblem(await s.call('POST', '/presentations/verify', { verifiablePresentation: { type: ['Nope'] } }), 422, 'ERR_NOT_PRESENTATION');
    isProblem(await s.call('POST', '/credentials/status', { credentialId: 'urn:x', credentialStatus: { statusPurpose: 'revocation' }, status: 'yes' }), 400, 'ERR_MISSING_STATUS');
    isProblem(await s.call('POST', '/credentials/status', { credentialId: 'urn:uuid:unknown', credentialStatus: { statusPurpose: 'revocation' }, status: true }), 404, 'ERR_CREDENTIAL_NOT_FOUND');
    isProblem(await s.call('GET', '/status/default/revocation/99', undefined, { token: '' }), 404, 'ERR_STATUS_LIST_NOT_FOUND');
    isProblem(await s.call('GET', '/nowhere'), 404, 'ERR_NOT_FOUND');
  });
});

// @ts-nocheck
// VC-API over HTTP on the embedded database: issue (eddsa-rdfc-2022, VC-JWT, plain VC 2.0), verify, status changes,
// signed status lists, presentations (signed, unsigned, empty), challenges, idempotency, auth, logs without secrets.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundlePresentation, verifyCredential } from '../../src/index.js';
import { NOW, sampleCredential, seededKey } from '../helpers.js';
import { plainCredential, SECRETS, start, type Running } from './helpers.js';

let s: Running;
beforeAll(async () => {
  s = await start();
});
afterAll(async () => {
  await s.stop();
});

const revocation = { type: 'BitstringStatusListEntry', statusPurpose: 'revocation' };
const suspension = { type: 'BitstringStatusListEntry', statusPurpose: 'suspension' };

describe('VC-API', () => {
  it('GET /healthz answers without a token', async () => {
    const r = await s.call('GET', '/healthz', undefined, { token: '' });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ status: 'ok', database: 'pglite' });
  });

  it('issues an OB 3.0 credential with a revocation entry, verifies it, revokes it by id', async () => {
    const cred = sampleCredential(s.keys.default.controller, { top: { id: 'urn:uuid:7d4b0f0e-1c7a-4c43-9d0a-5d1d6c7c0001' } });
    const r = await s.call('POST', '/credentials/issue', { credential: cred });
    expect(r.status).toBe(201);
    const vc = r.json.verifiableCredential;
    expect(vc.proof.cryptosuite).toBe('eddsa-rdfc-2022');
    expect(vc.credentialStatus.statusListCredential).toBe(`${s.url}/status/default/revocation/1`);
    expect(vc.credentialStatus.statusPurpose).toBe('revocation');

    const v1 = await s.call('POST', '/credentials/verify', { verifiableCredential: vc });
    expect(v1.status).toBe(200);
    expect(v1.json.verified).toBe(true);
    expect(v1.json.checks).toContain('status');

    // the published list is a signed BitstringStatusListCredential that verifies on its own
    const list = await s.call('GET', '/status/default/revocation/1', undefined, { token: '' });
    expect(list.status).toBe(200);
    expect(list.json.type).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
    expect((await verifyCredential(list.json, { now: NOW })).verified).toBe(true);

    const rv = await s.call('POST', '/credentials/status', { credentialId: vc.id, credentialStatus: revocation, status: true });
    expect(rv.status).toBe(200);
    const v2 = await s.call('POST', '/credentials/verify', { verifiableCredential: vc });
    expect(v2.json.verified).toBe(false);
    expect(v2.json.errors.map((e: any) => e.code)).toEqual(['ERR_STATUS_REVOKED']);

    // revocation is permanent
    const back = await s.call('POST', '/credentials/status', { credentialId: vc.id, credentialStatus: revocation, status: false });
    expect(back.status).toBe(422);
    expect(back.json.code).toBe('ERR_STATUS_REVOCATION_PERMANENT');
    expect(back.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('suspends and reinstates a credential with a suspension entry', async () => {
    const r = await s.call('POST', '/credentials/issue', { credential: plainCredential(s.keys.default.controller), options: { credentialStatus: suspension } });
    expect(r.status).toBe(201);
    const vc = r.json.verifiableCredential;
    expect(vc.credentialStatus.statusListCredential).toBe(`${s.url}/status/default/suspension/1`);
    expect((await s.call('POST', '/credentials/status', { credentialId: vc.id, credentialStatus: suspension, status: true })).status).toBe(200);
    const v1 = await s.call('POST', '/credentials/verify', { verifiableCredential: vc });
    expect(v1.json.verified).toBe(false);
    expect(v1.json.errors.map((e: any) => e.code)).toEqual(['ERR_STATUS_SUSPENDED']);
    expect((await s.call('POST', '/credentials/status', { credentialId: vc.id, credentialStatus: suspension, status: false })).status).toBe(200);
    expect((await s.call('POST', '/credentials/verify', { verifiableCredential: vc })).json.verified).toBe(true);
    // the credential has no revocation entry
    const none = await s.call('POST', '/credentials/status', { credentialId: vc.id, credentialStatus: revocation, status: true });
    expect(none.status).toBe(422);
    expect(none.json.code).toBe('ERR_NO_STATUS_ENTRY');
  });

  it('issues a plain VC 2.0 credential and a VC-JWT (enveloped) that verify', async () => {
    const plain = await s.call('POST', '/credentials/issue', { credential: plainCredential(s.keys.default.controller) });
    expect(plain.status).toBe(201);
    expect(plain.json.verifiableCredential.type).toEqual(['VerifiableCredential']);
    expect((await s.call('POST', '/credentials/verify', { verifiableCredential: plain.json.verifiableCredential })).json.verified).toBe(true);

    const jwt = await s.call('POST', '/credentials/issue', { credential: sampleCredential(s.keys.default.controller, { top: { id: 'urn:uuid:7d4b0f0e-1c7a-4c43-9d0a-5d1d6c7c0002' } }), options: { format: 'vc-jwt' } });
    expect(jwt.status).toBe(201);
    const env = jwt.json.verifiableCredential;
    expect(env.type).toBe('EnvelopedVerifiableCredential');
    expect(env.id).toMatch(/^data:application\/vc\+jwt,eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    const v = await s.call('POST', '/credentials/verify', { verifiableCredential: env });
    expect(v.json.verified).toBe(true);
    expect((await s.call('POST', '/credentials/verify', { verifiableCredential: env.id.slice('data:application/vc+jwt,'.length) })).json.verified).toBe(true);
  });

  it('a tampered credential does not verify (200 with verified false, not an error status)', async () => {
    const r = await s.call('POST', '/credentials/issue', { credential: plainCredential(s.keys.default.controller) });
    const vc = { ...r.json.verifiableCredential, credentialSubject: { id: 'did:example:mallory' } };
    const v = await s.call('POST', '/credentials/verify', { verifiableCredential: vc });
    expect(v.status).toBe(200);
    expect(v.json.verified).toBe(false);
    expect(v.json.errors.map((e: any) => e.id)).toContain('proof');
  });

  it('Idempotency-Key: a replay returns the first credential and stores nothing new', async () => {
    const before = await s.server.store.countCredentials();
    const headers = { 'idempotency-key': 'lms-row-42' };
    const a = await s.call('POST', '/credentials/issue', { credential: plainCredential(s.keys.default.controller) }, { headers });
    const b = await s.call('POST', '/credentials/issue', { credential: plainCredential(s.keys.default.controller) }, { headers });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect(b.json.verifiableCredential.id).toBe(a.json.verifiableCredential.id);
    expect(await s.server.store.countCredentials()).toBe(before + 1);
  });

  it('presentations: empty and unsigned are verified, unsigned with a challenge is not, signed checks challenge and domain', async () => {
    const empty = await s.call('POST', '/presentations/verify', { verifiablePresentation: { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'] } });
    expect(empty.status).toBe(200);
    expect(empty.json.verified).toBe(true);

    const issued = (await s.call('POST', '/credentials/issue', { credential: plainCredential(s.keys.default.controller) })).json.verifiableCredential;
    const unsigned = { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiablePresentation'], verifiableCredential: [issued] };
    const u = await s.call('POST', '/presentations/verify', { presentation: unsigned });
    expect(u.status).toBe(200);
    expect(u.json.verified).toBe(true);
    expect(u.json.credentialResults.map((c: any) => c.verified)).toEqual([true]);
    const uc = await s.call('POST', '/presentations/verify', { verifiablePresentation: unsigned, options: { challenge: 'abc' } });
    expect(uc.json.verified).toBe(false);
    expect(uc.json.errors[0].code).toBe('ERR_PRESENTATION_UNSIGNED');

    const ch = await s.call('POST', '/challenges');
    expect(ch.status).toBe(200);
    expect(ch.json.challenge).toMatch(/^[0-9a-f-]{36}$/);
    const holderKey = await seededKey(77);
    const vp = await bundlePresentation([issued], { holderKey, challenge: ch.json.challenge, domain: 'jobs.example', now: NOW });
    const ok = await s.call('POST', '/presentations/verify', { verifiablePresentation: vp, options: { challenge: ch.json.challenge, domain: 'jobs.example' } });
    expect(ok.status).toBe(200);
    expect(ok.json.verified).toBe(true);
    const bad = await s.call('POST', '/presentations/verify', { verifiablePresentation: vp, options: { challenge: 'another', domain: 'jobs.example' } });
    expect(bad.status).toBe(200);
    expect(bad.json.verified).toBe(false);
  });
});

describe('README', () => {
  it('the README’s curl issue body issues (201) and verifies', async () => {
    const readme = fs.readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const body = JSON.parse(/<<<'(\{"credential"[\s\S]*?)' > issued\.json/.exec(readme)![1]!);
    const r = await s.call('POST', '/credentials/issue', body);
    expect(r.status).toBe(201);
    expect(r.json.verifiableCredential.issuer).toBe(s.keys.default.controller);
    expect((await s.call('POST', '/credentials/verify', r.json)).json.verified).toBe(true);
  });
});

describe('auth', () => {
  it('no token → 401, unknown token → 401, wrong scope → 403, another tenant’s credential → 404', async () => {
    const cred = { credential: plainCredential(s.keys.default.controller) };
    const none = await s.call('POST', '/credentials/issue', cred, { token: '' });
    expect(none.status).toBe(401);
    expect(none.json.code).toBe('ERR_UNAUTHORIZED');
    const unknown = await s.call('POST', '/credentials/issue', cred, { token: 'not-a-token' });
    expect(unknown.status).toBe(401);
    expect(unknown.json.code).toBe('ERR_INVALID_TOKEN');
    const wrong = await s.call('POST', '/credentials/issue', cred, { token: await s.token('verify-only') });
    expect(wrong.status).toBe(403);
    expect(wrong.json.code).toBe('ERR_INSUFFICIENT_SCOPE');

    const mine = (await s.call('POST', '/credentials/issue', cred)).json.verifiableCredential;
    const other = await s.token('other');
    const get = await s.call('GET', `/credentials/${encodeURIComponent(mine.id)}`, undefined, { token: other });
    expect(get.status).toBe(404);
    expect(get.json.code).toBe('ERR_CREDENTIAL_NOT_FOUND');
    const rv = await s.call('POST', '/credentials/status', { credentialId: mine.id, credentialStatus: revocation, status: true }, { token: other });
    expect(rv.status).toBe(404);
    expect((await s.call('GET', `/credentials/${encodeURIComponent(mine.id)}`)).status).toBe(200);
    // the other tenant cannot issue in our tenant's name
    const spoof = await s.call('POST', '/credentials/issue', cred, { token: other });
    expect(spoof.status).toBe(422);
    expect(spoof.json.code).toBe('ERR_ISSUER_MISMATCH');
  });

  it('the logs never contain client secrets, access tokens or signing keys', async () => {
    const token = await s.token();
    const all = s.logs.join('');
    expect(all).toContain('"url":"/credentials/issue"');
    for (const secret of [SECRETS.lms, SECRETS.other, SECRETS.verifyOnly, token, s.keys.default.secretKeyMultibase!, s.keys.other.secretKeyMultibase!]) {
      expect(all.includes(secret)).toBe(false);
    }
  });
});

describe('rate limiting', () => {
  it('per client: the 4th request in the window gets 429 with a problem document; another client is not affected', async () => {
    // same store (one embedded database per file), its own limits
    const r = await start({ rateLimit: { max: 3, timeWindow: 60_000 }, store: s.server.store });
    try {
      const a = await r.token('lms');
      const b = await r.token('other');
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await r.call('POST', '/challenges', undefined, { token: a })).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const limited = await r.call('POST', '/challenges', undefined, { token: a });
      expect(limited.json.code).toBe('ERR_RATE_LIMITED');
      expect((await r.call('POST', '/challenges', undefined, { token: b })).status).toBe(200);
    } finally {
      await r.stop();
    }
  });
});

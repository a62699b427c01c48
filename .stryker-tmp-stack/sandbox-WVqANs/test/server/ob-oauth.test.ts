// @ts-nocheck
// OB 3.0 REST API end to end through OAuth 2.0: dynamic client registration (RFC 7591), authorization code + PKCE
// (S256) with a scripted login and consent, upsert (JSON and text/plain VC-JWT; 201 then 200), paging through
// GET /credentials with X-Total-Count and Link, verifying every returned credential; discovery and profile.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueCredential, verifyCredential } from '../../src/index.js';
import { ISSUED, NOW, sampleCredential, seededKey } from '../helpers.js';
import { start, type Running } from './helpers.js';

const OB = 'https://purl.imsglobal.org/spec/ob/v3p0/scope/';
const SCOPES = ['credential.readonly', 'credential.upsert', 'profile.readonly', 'profile.update'].map((s) => OB + s).join(' ');
const PASSWORD = 'learner-password-91c4';
const REDIRECT = 'http://127.0.0.1:9/callback';

let s: Running;
beforeAll(async () => {
  s = await start({ users: [{ username: 'ada', password: PASSWORD, tenant: 'default' }] });
});
afterAll(async () => {
  await s.stop();
});

/** A minimal cookie jar + manual redirects: what a browser does during the authorization request. */
async function browser(startUrl: string, submit: (html: string, url: string) => { action: string; form: { username?: string; password?: string } } | undefined) {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
  };
  let url = startUrl;
  let method = 'GET';
  let body: string | undefined;
  for (let hop = 0; hop < 20; hop++) {
    const res = await fetch(url, { method, redirect: 'manual', headers: { cookie: cookie(), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) }, body });
    keep(res);
    const loc = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && loc) {
      const next = new URL(loc, url).toString();
      if (next.startsWith(REDIRECT)) return new URL(next);
      url = next;
      method = 'GET';
      body = undefined;
      continue;
    }
    const html = await res.text();
    const step = submit(html, url);
    if (!step) throw new Error(`stuck at ${url}: ${res.status} ${html.slice(0, 300)}`);
    url = new URL(step.action, url).toString();
    method = 'POST';
    body = new URLSearchParams(Object.entries(step.form).filter((e): e is [string, string] => typeof e[1] === 'string')).toString();
  }
  throw new Error('too many redirects');
}

describe('OB 3.0 REST API with OAuth 2.0 authorization code + PKCE', () => {
  it('discovery: the service description names the OAuth endpoints, the OB scopes and the x-imssf fields, without a token', async () => {
    const r = await s.call('GET', '/ims/ob/v3p0/discovery', undefined, { token: '' });
    expect(r.status).toBe(200);
    expect(r.json.openapi).toBe('3.0.1');
    expect(r.json.info['x-imssf-privacyPolicyUrl']).toBe(`${s.url}/privacy`);
    const acg = r.json.components.securitySchemes.OAuth2ACG;
    expect(acg.type).toBe('oauth2');
    expect(acg['x-imssf-registrationUrl']).toBe(`${s.url}/oauth/reg`);
    expect(acg.flows.authorizationCode.authorizationUrl).toBe(`${s.url}/oauth/auth`);
    expect(acg.flows.authorizationCode.tokenUrl).toBe(`${s.url}/oauth/token`);
    expect(Object.keys(acg.flows.authorizationCode.scopes).sort()).toEqual(SCOPES.split(' ').sort());
  });

  it('register → authorize (code + PKCE) → upsert → page → verify every credential; profile get/put', async () => {
    const sdd = (await s.call('GET', '/ims/ob/v3p0/discovery', undefined, { token: '' })).json;
    const acg = sdd.components.securitySchemes.OAuth2ACG;
    // 1. dynamic client registration
    const reg = await fetch(acg['x-imssf-registrationUrl'], {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_name: 'Example LMS', client_uri: 'https://lms.example', redirect_uris: [REDIRECT], scope: SCOPES, grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic' }),
    });
    const client = (await reg.json()) as any;
    expect(reg.status).toBe(201);
    expect(client.client_id).toMatch(/.{8,}/);
    expect(client.client_secret).toMatch(/.{16,}/);

    // 2. authorization code with PKCE S256, scripted login + consent
    const verifier = crypto.randomBytes(32).toString('base64url');
    const challenge = crypto.createHash('sha256').update(verifier).digest('base64url');
    const state = crypto.randomBytes(8).toString('hex');
    const auth = new URL(acg.flows.authorizationCode.authorizationUrl);
    auth.search = new URLSearchParams({ client_id: client.client_id, response_type: 'code', redirect_uri: REDIRECT, scope: SCOPES, state, code_challenge: challenge, code_challenge_method: 'S256' }).toString();
    const steps: string[] = [];
    const back = await browser(auth.toString(), (html, url) => {
      const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
      if (!action) return undefined;
      if (action.endsWith('/login')) {
        steps.push('login');
        return { action, form: { username: 'ada', password: PASSWORD } };
      }
      steps.push('consent');
      expect(html).toContain(OB + 'credential.upsert');
      return { action: new URL(action, url).toString(), form: {} };
    });
    expect(steps).toEqual(['login', 'consent']);
    expect(back.searchParams.get('state')).toBe(state);
    const code = back.searchParams.get('code');
    expect(code).toMatch(/.{20,}/);
    const basic = `Basic ${Buffer.from(`${encodeURIComponent(client.client_id)}:${encodeURIComponent(client.client_secret)}`).toString('base64')}`;
    // the code is useless without the verifier
    const noPkce = await fetch(acg.flows.authorizationCode.tokenUrl, { method: 'POST', headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ grant_type: 'authorization_code', code: code!, redirect_uri: REDIRECT, code_verifier: crypto.randomBytes(32).toString('base64url') }) });
    expect(noPkce.status).toBe(400);
    // …and single use: the failed attempt consumed it, so authorize again
    const back2 = await browser(auth.toString(), (html, url) => {
      const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
      if (!action) return undefined;
      return action.endsWith('/login') ? { action, form: { username: 'ada', password: PASSWORD } } : { action: new URL(action, url).toString(), form: {} };
    });
    const tokenRes = await fetch(acg.flows.authorizationCode.tokenUrl, {
      method: 'POST',
      headers: { authorization: basic, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: back2.searchParams.get('code')!, redirect_uri: REDIRECT, code_verifier: verifier }),
    });
    const tok = (await tokenRes.json()) as any;
    expect(tokenRes.status).toBe(200);
    expect(tok.token_type).toBe('Bearer');
    expect(tok.scope.split(' ').sort()).toEqual(SCOPES.split(' ').sort());
    const bearer = tok.access_token as string;

    // 3. upsert five credentials from another issuer: four JSON, one VC-JWT as text/plain; then replace one
    const key = await seededKey(61);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const id = `urn:uuid:00000000-0000-4000-8000-00000000000${i}`;
      ids.push(id);
      const unsigned = sampleCredential(key.controller, { top: { id } });
      if (i === 4) {
        const jwt = await issueCredential(unsigned, { key, format: 'vc-jwt', now: ISSUED });
        const r = await s.call('POST', '/ims/ob/v3p0/credentials', undefined, { token: bearer, raw: jwt, headers: { 'content-type': 'text/plain' } });
        expect(r.status).toBe(201);
        expect(r.text).toBe(jwt);
      } else {
        const signed = await issueCredential(unsigned, { key, now: ISSUED });
        const r = await s.call('POST', '/ims/ob/v3p0/credentials', signed, { token: bearer });
        expect(r.status).toBe(201);
      }
    }
    const again = await issueCredential(sampleCredential(key.controller, { top: { id: ids[0], name: 'Data (renamed)' } }), { key, now: ISSUED });
    const replaced = await s.call('POST', '/ims/ob/v3p0/credentials', again, { token: bearer });
    expect(replaced.status).toBe(200);
    // a tampered credential is refused and not stored
    const tampered = { ...(await issueCredential(sampleCredential(key.controller, { top: { id: 'urn:uuid:00000000-0000-4000-8000-0000000000ff' } }), { key, now: ISSUED })), name: 'Forged' };
    const refused = await s.call('POST', '/ims/ob/v3p0/credentials', tampered, { token: bearer });
    expect(refused.status).toBe(422);
    expect(refused.json.code).toBe('ERR_CREDENTIAL_NOT_VERIFIED');

    // 4. page through GET /credentials by following Link rel="next"
    let next: string | undefined = `/ims/ob/v3p0/credentials?limit=2&offset=0`;
    const seen: Array<object | string> = [];
    const totals: string[] = [];
    let pages = 0;
    while (next) {
      const r = await s.call('GET', next, undefined, { token: bearer });
      expect(r.status).toBe(200);
      totals.push(r.headers.get('x-total-count')!);
      seen.push(...(r.json.credential ?? []), ...(r.json.compactJwsStrings ?? []));
      const link = r.headers.get('link')!;
      expect(link).toContain('rel="first"');
      expect(link).toContain('rel="last"');
      const m = /<([^>]+)>; rel="next"/.exec(link);
      next = m ? m[1]!.slice(s.url.length) : undefined;
      pages++;
    }
    expect(pages).toBe(3);
    expect(new Set(totals)).toEqual(new Set(['5']));
    expect(seen.length).toBe(5);
    const gotIds: string[] = [];
    for (const c of seen) {
      const report = await verifyCredential(c, { now: NOW });
      expect(report.verified).toBe(true);
      gotIds.push((report.credential as any).id);
    }
    expect(gotIds.sort()).toEqual([...ids].sort());
    expect(seen.some((c) => typeof c === 'object' && (c as any).name === 'Data (renamed)')).toBe(true);
    const later = await s.call('GET', `/ims/ob/v3p0/credentials?since=2099-01-01T00:00:00Z`, undefined, { token: bearer });
    expect(later.headers.get('x-total-count')).toBe('0');
    expect((await s.call('GET', '/ims/ob/v3p0/credentials?limit=0', undefined, { token: bearer })).json.code).toBe('ERR_INVALID_PARAMETER');

    // 5. profile
    const prof = await s.call('GET', '/ims/ob/v3p0/profile', undefined, { token: bearer });
    expect(prof.status).toBe(200);
    expect(prof.json.id).toBe(s.keys.default.controller);
    const put = await s.call('PUT', '/ims/ob/v3p0/profile', { type: 'Profile', name: 'University of Example', phone: '111-222-3333' }, { token: bearer });
    expect(put.status).toBe(200);
    expect((await s.call('GET', '/ims/ob/v3p0/profile', undefined, { token: bearer })).json.phone).toBe('111-222-3333');

    // a client-credentials token with VC-API scopes only may not read OB credentials
    const cc = await s.call('GET', '/ims/ob/v3p0/credentials', undefined, { token: await s.token('lms') });
    expect(cc.status).toBe(403);
    // the password is never logged
    expect(s.logs.join('').includes(PASSWORD)).toBe(false);
    expect(s.logs.join('').includes(client.client_secret)).toBe(false);
  });
});

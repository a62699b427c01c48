/**
 * 1EdTech Open Badges 3.0 REST API under /ims/ob/v3p0 (OB 3.0 §6): discovery (service description document),
 * getCredentials (paging with X-Total-Count and Link), upsertCredential (JSON or text/plain VC-JWT), get/putProfile.
 */
// @ts-nocheck

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { verifyCredential } from '../index.js';
import { objectBody, requireScope, type ServerContext } from './context.js';
import { OB_SCOPES } from './oauth.js';
import { ProblemError } from './problem.js';
import { credentialInput, verifyOptions } from './vc-api.js';

const BASE = '/ims/ob/v3p0';
const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

/** The Service Description Document (OB 3.0 §6.3, an OpenAPI 3.0 document with the x-imssf-* extensions). */
export function serviceDescription(ctx: ServerContext): Record<string, unknown> {
  const base = ctx.publicUrl();
  const oauth = `${base}/oauth`;
  const problem = { description: 'RFC 9457 problem document', content: { 'application/problem+json': { schema: { type: 'object' } } } };
  const errors = { '400': problem, '401': problem, '403': problem, '404': problem, '500': problem };
  return {
    openapi: '3.0.1',
    info: {
      title: 'credstack Open Badges API',
      description: 'Open Badges v3.0 Service Description Document',
      version: '3.0',
      termsOfService: `${base}/terms`,
      'x-imssf-privacyPolicyUrl': `${base}/privacy`,
    },
    servers: [{ url: `${base}${BASE}`, description: 'Open Badges v3.0 service endpoint' }],
    tags: [
      { name: 'OpenBadgeCredentials', description: 'Exchange OpenBadgeCredentials and Profile information' },
      { name: 'Discovery' },
    ],
    paths: {
      '/credentials': {
        get: {
          tags: ['OpenBadgeCredentials'],
          operationId: 'getCredentials',
          security: [{ OAuth2ACG: [OB_SCOPES.credentialReadonly] }],
          parameters: [
            { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1 } },
            { name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0 } },
            { name: 'since', in: 'query', schema: { type: 'string', format: 'date-time' } },
          ],
          responses: { '200': { description: 'GetOpenBadgeCredentialsResponse', headers: { 'X-Total-Count': { schema: { type: 'integer' } }, Link: { schema: { type: 'string' } } } }, ...errors },
        },
        post: {
          tags: ['OpenBadgeCredentials'],
          operationId: 'upsertCredential',
          security: [{ OAuth2ACG: [OB_SCOPES.credentialUpsert] }],
          requestBody: { content: { 'application/json': {}, 'application/vc+ld+json': {}, 'text/plain': {} } },
          responses: { '200': { description: 'replaced' }, '201': { description: 'created' }, ...errors },
        },
      },
      '/profile': {
        get: { tags: ['OpenBadgeCredentials'], operationId: 'getProfile', security: [{ OAuth2ACG: [OB_SCOPES.profileReadonly] }], responses: { '200': { description: 'Profile' }, ...errors } },
        put: { tags: ['OpenBadgeCredentials'], operationId: 'putProfile', security: [{ OAuth2ACG: [OB_SCOPES.profileUpdate] }], responses: { '200': { description: 'Profile' }, ...errors } },
      },
      '/discovery': { get: { tags: ['Discovery'], operationId: 'getServiceDescription', responses: { '200': { description: 'ServiceDescriptionDocument' } } } },
    },
    components: {
      securitySchemes: {
        OAuth2ACG: {
          type: 'oauth2',
          description: 'OAuth 2.0 Authorization Code Grant authorization',
          'x-imssf-name': 'credstack',
          'x-imssf-privacyPolicyUrl': `${base}/privacy`,
          'x-imssf-registrationUrl': `${oauth}/reg`,
          'x-imssf-termsOfServiceUrl': `${base}/terms`,
          flows: {
            authorizationCode: {
              tokenUrl: `${oauth}/token`,
              authorizationUrl: `${oauth}/auth`,
              refreshUrl: `${oauth}/token`,
              scopes: {
                [OB_SCOPES.credentialReadonly]: 'Permission to read AchievementCredentials for the authenticated entity.',
                [OB_SCOPES.credentialUpsert]: 'Permission to create or update AchievementCredentials for the authenticated entity.',
                [OB_SCOPES.profileReadonly]: 'Permission to read the profile for the authenticated entity.',
                [OB_SCOPES.profileUpdate]: 'Permission to update the profile for the authenticated entity.',
              },
            },
          },
        },
      },
      schemas: {},
    },
  };
}

function intParam(v: unknown, name: string, min: number, def: number, max: number): number {
  if (v === undefined) return def;
  if (typeof v !== 'string' || !/^[0-9]{1,9}$/.test(v) || Number(v) < min) throw new ProblemError(400, 'ERR_INVALID_PARAMETER', `${name} must be an integer ≥ ${min}`);
  return Math.min(Number(v), max);
}

export function registerOb(app: FastifyInstance, ctx: ServerContext): void {
  app.get(`${BASE}/discovery`, async (_req, reply) => reply.header('cache-control', 'public, max-age=300').send(serviceDescription(ctx)));

  app.get(`${BASE}/credentials`, async (req: FastifyRequest, reply) => {
    const tenant = await requireScope(ctx, req, OB_SCOPES.credentialReadonly);
    const q = req.query as Record<string, unknown>;
    const limit = intParam(q.limit, 'limit', 1, 100, 1000);
    const offset = intParam(q.offset, 'offset', 0, 0, 1e9);
    let since: string | undefined;
    if (q.since !== undefined) {
      const d = typeof q.since === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(q.since) ? new Date(q.since) : undefined;
      if (!d || Number.isNaN(d.getTime())) throw new ProblemError(400, 'ERR_INVALID_PARAMETER', 'since must be a date-time with time zone');
      since = d.toISOString();
    }
    const { total, records } = await ctx.store.listCredentials(tenant.id, { limit, offset, since });
    const url = (o: number) => {
      const p = new URLSearchParams({ limit: String(limit), offset: String(o), ...(since ? { since } : {}) });
      return `<${ctx.publicUrl()}${BASE}/credentials?${p}>`;
    };
    const last = total === 0 ? 0 : Math.floor((total - 1) / limit) * limit;
    const links = [];
    if (offset + limit < total) links.push(`${url(offset + limit)}; rel="next"`);
    links.push(`${url(last)}; rel="last"`, `${url(0)}; rel="first"`);
    if (offset > 0) links.push(`${url(Math.max(0, offset - limit))}; rel="prev"`);
    const credential = records.filter((r) => r.format === 'ldp').map((r) => JSON.parse(r.body));
    const compactJwsStrings = records.filter((r) => r.format === 'jwt').map((r) => r.body);
    return reply
      .header('x-total-count', String(total))
      .header('link', links.join(', '))
      .send({ ...(credential.length ? { credential } : {}), ...(compactJwsStrings.length ? { compactJwsStrings } : {}) });
  });

  app.post(`${BASE}/credentials`, async (req, reply) => {
    const tenant = await requireScope(ctx, req, OB_SCOPES.credentialUpsert);
    const text = typeof req.body === 'string';
    const input = credentialInput(text ? (req.body as string).trim() : objectBody(req));
    // accept only what verifies (proof, dates, issuer); status lists of other issuers cannot be fetched offline
    const report = await verifyCredential(input, { ...verifyOptions(ctx), checkStatus: false });
    if (!report.verified) {
      const failed = report.checks.filter((c) => c.status === 'failed').map((c) => ({ id: c.id, code: c.code }));
      throw new ProblemError(422, 'ERR_CREDENTIAL_NOT_VERIFIED', 'the credential does not verify; nothing was stored', { checks: failed });
    }
    const id = (report.credential as Record<string, unknown> | undefined)?.id;
    if (typeof id !== 'string') throw new ProblemError(422, 'ERR_MISSING_ID', 'an upserted credential needs an id (credential equality is by id)');
    const format = typeof input === 'string' ? 'jwt' : 'ldp';
    const { created } = await ctx.store.upsertCredential({ tenant: tenant.id, id, format, body: typeof input === 'string' ? input : JSON.stringify(input), status: [], source: 'upserted' });
    reply.code(created ? 201 : 200);
    return typeof input === 'string' ? reply.type('text/plain').send(input) : reply.send(input);
  });

  app.get(`${BASE}/profile`, async (req, reply) => {
    const tenant = await requireScope(ctx, req, OB_SCOPES.profileReadonly);
    const rec = await ctx.store.getTenant(tenant.id);
    return reply.send({ '@context': [OB_CONTEXT], ...(rec?.profile ?? {}), id: tenant.key.controller });
  });

  app.put(`${BASE}/profile`, async (req, reply) => {
    const tenant = await requireScope(ctx, req, OB_SCOPES.profileUpdate);
    const body = objectBody(req);
    const types = Array.isArray(body.type) ? body.type : [body.type];
    if (!types.includes('Profile')) throw new ProblemError(422, 'ERR_NOT_PROFILE', 'type must include Profile');
    if (body.id !== undefined && body.id !== tenant.key.controller) throw new ProblemError(422, 'ERR_PROFILE_ID', `the profile id is the issuer's DID ${tenant.key.controller}`);
    if (JSON.stringify(body).length > 64 * 1024) throw new ProblemError(413, 'ERR_BODY_TOO_LARGE', 'a profile is at most 64 KiB');
    const { '@context': _c, ...profile } = body;
    await ctx.store.setProfile(tenant.id, { ...profile, id: tenant.key.controller });
    return reply.send({ '@context': [OB_CONTEXT], ...profile, id: tenant.key.controller });
  });
}

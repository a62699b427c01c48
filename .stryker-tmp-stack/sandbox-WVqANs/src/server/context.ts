/** What every route module gets: config, store, tenants with their keys, auth and the issuing service. */
// @ts-nocheck

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { KeyPair, Signer } from '../index.js';
import type { Store } from '../store/index.js';
import type { ServerConfig, TenantConfig } from './config.js';
import type { OAuth, TokenInfo } from './oauth.js';
import { ProblemError } from './problem.js';

/** A tenant at run time: its config and its signing key (the secret stays in memory; KeyPair hides it from JSON). */
export interface Tenant {
  config: TenantConfig;
  id: string;
  /** The key pair (key file), or only the signer's id and controller when the tenant signs through an external signer. */
  key: KeyPair | { id: string; controller: string };
  /** What signs the tenant's credentials and status lists (the key pair wrapped, or the configured external signer). */
  signer: Signer;
}

export interface ServerContext {
  config: ServerConfig;
  store: Store;
  tenants: Map<string, Tenant>;
  oauth: OAuth;
  publicUrl: () => string;
  now: () => Date;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth?: TokenInfo;
  }
}

/** Require a bearer token with `scope`: 401 without a valid token, 403 without the scope. Returns the tenant. */
export async function requireScope(ctx: ServerContext, req: FastifyRequest, scope: string): Promise<Tenant> {
  const h = req.headers.authorization;
  const m = typeof h === 'string' ? /^Bearer ([A-Za-z0-9._~+/=-]{1,512})$/i.exec(h.trim()) : null;
  if (!m) throw new ProblemError(401, 'ERR_UNAUTHORIZED', 'a bearer token is required (OAuth 2.0: client credentials or authorization code)');
  const info = await ctx.oauth.checkToken(m[1]!);
  if (!info) throw new ProblemError(401, 'ERR_INVALID_TOKEN', 'the bearer token is unknown, expired or revoked');
  if (!info.scopes.has(scope)) throw new ProblemError(403, 'ERR_INSUFFICIENT_SCOPE', `this endpoint needs the scope ${scope}`, { requiredScope: scope });
  const tenant = ctx.tenants.get(info.tenant);
  if (!tenant) throw new ProblemError(403, 'ERR_UNKNOWN_TENANT', 'the token belongs to no tenant served here');
  req.auth = info;
  return tenant;
}

/** Body must be a JSON object (after Fastify parsed it). */
export function objectBody(req: FastifyRequest): Record<string, any> {
  const b = req.body;
  if (!b || typeof b !== 'object' || Array.isArray(b)) throw new ProblemError(400, 'ERR_BODY_NOT_OBJECT', 'the request body must be a JSON object');
  return b as Record<string, any>;
}

/** Refuse keys not in `allowed` (400): request bodies are strict so typos never pass silently. */
export function onlyKeys(obj: Record<string, unknown>, allowed: string[], where: string): void {
  for (const k of Object.keys(obj)) {
    if (!allowed.includes(k)) throw new ProblemError(400, 'ERR_UNKNOWN_PARAMETER', `unknown property ${JSON.stringify(k.slice(0, 64))} in ${where}; allowed: ${allowed.join(', ')}`);
  }
}

export type Reply = FastifyReply;

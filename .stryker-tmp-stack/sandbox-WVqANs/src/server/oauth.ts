/**
 * OAuth 2.0 through `oidc-provider` (no hand-written OAuth): client credentials for LMS back ends, authorization code
 * with PKCE (S256) and RFC 7591 dynamic client registration for the OB 3.0 REST API. Everything it stores goes to the
 * store's `oauth` table, so replicas share clients, grants and tokens.
 */
// @ts-nocheck

import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Store } from '../store/index.js';
import type { ServerConfig } from './config.js';

/** OB 3.0 REST API scopes (1EdTech Open Badges 3.0 §6, "Scopes"). */
export const OB_SCOPES = {
  credentialReadonly: 'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.readonly',
  credentialUpsert: 'https://purl.imsglobal.org/spec/ob/v3p0/scope/credential.upsert',
  profileReadonly: 'https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.readonly',
  profileUpdate: 'https://purl.imsglobal.org/spec/ob/v3p0/scope/profile.update',
} as const;

/** VC-API scopes (the VC-API names no scopes; ours, one per endpoint family). */
export const VCAPI_SCOPES = {
  issue: 'vcapi:credentials:issue',
  verify: 'vcapi:credentials:verify',
  status: 'vcapi:credentials:status',
  presentations: 'vcapi:presentations:verify',
} as const;

export const ALL_SCOPES = [...Object.values(OB_SCOPES), ...Object.values(VCAPI_SCOPES)];

/** What a valid bearer token grants. */
export interface TokenInfo {
  clientId: string;
  tenant: string;
  scopes: Set<string>;
}

function adapterFor(store: Store) {
  return class StoreAdapter {
    constructor(readonly name: string) {}
    upsert(id: string, payload: Record<string, any>, expiresIn?: number) {
      return store.oauthUpsert(this.name, id, payload, expiresIn);
    }
    find(id: string) {
      return store.oauthFind(this.name, 'id', id);
    }
    findByUid(uid: string) {
      return store.oauthFind(this.name, 'uid', uid);
    }
    findByUserCode(code: string) {
      return store.oauthFind(this.name, 'user_code', code);
    }
    consume(id: string) {
      return store.oauthConsume(this.name, id);
    }
    destroy(id: string) {
      return store.oauthDestroy(this.name, id);
    }
    revokeByGrantId(grantId: string) {
      return store.oauthRevokeByGrantId(grantId);
    }
  };
}

/** The OAuth side of a server. */
export interface OAuth {
  provider: any;
  /** Node handler for everything under `/oauth` (the prefix already stripped from `req.url`). */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Look up an access token; undefined when unknown, expired or revoked. */
  checkToken(token: string): Promise<TokenInfo | undefined>;
}

/** Create the authorization server. `issuer` is `publicUrl + '/oauth'`. */
export async function createOAuth(store: Store, config: ServerConfig, issuer: string, resource: string): Promise<OAuth> {
  const { default: Provider } = await import('oidc-provider');
  const jose = await import('jose');
  const { privateKey } = await jose.generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await jose.exportJWK(privateKey)), use: 'sig', alg: 'RS256', kid: 'k1' };
  const provider = new Provider(issuer, {
    adapter: adapterFor(store) as any,
    clients: config.clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      scope: c.scope,
      tenant: c.tenant,
    })),
    extraClientMetadata: {
      properties: ['tenant'],
      validator(_ctx: unknown, key: string, value: unknown, metadata: Record<string, unknown>) {
        // dynamically registered clients belong to the first tenant unless configured otherwise
        if (key === 'tenant' && value === undefined) metadata.tenant = config.tenants[0]!.id;
        else if (key === 'tenant' && !config.tenants.some((t) => t.id === value)) metadata.tenant = config.tenants[0]!.id;
      },
    },
    clientDefaults: { grant_types: ['authorization_code', 'refresh_token'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic' },
    scopes: ['openid', 'offline_access', ...ALL_SCOPES],
    claims: { openid: ['sub'] },
    jwks: { keys: [jwk] },
    cookies: { keys: config.cookieKeys ?? [crypto.randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      registration: { enabled: true },
      revocation: { enabled: true },
      introspection: { enabled: false },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => resource,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({ scope: ALL_SCOPES.join(' '), audience: resource, accessTokenTTL: 3600, accessTokenFormat: 'opaque' }),
      },
    },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/oauth/interaction/${interaction.uid}` },
    findAccount: async (_ctx: unknown, id: string) => ({ accountId: id, claims: async () => ({ sub: id }) }),
    ttl: { AccessToken: 3600, ClientCredentials: 3600, AuthorizationCode: 60, Interaction: 600, Session: 3600, Grant: 86400, RefreshToken: 86400 },
  } as any);
  provider.proxy = true;
  const callback = provider.callback();
  return {
    provider,
    handle: (req, res) => callback(req, res),
    async checkToken(token) {
      if (typeof token !== 'string' || token.length > 512) return undefined;
      const t = (await provider.AccessToken.find(token).catch(() => undefined)) ?? (await provider.ClientCredentials.find(token).catch(() => undefined));
      if (!t || (t.isExpired ?? false)) return undefined;
      const client = await provider.Client.find(t.clientId).catch(() => undefined);
      if (!client) return undefined;
      // a user's token acts for the user's tenant (accountId "tenant:username"), a client's for the client's tenant
      const fromAccount = typeof t.accountId === 'string' ? t.accountId.split(':')[0] : undefined;
      const tenant = fromAccount ?? (typeof client.tenant === 'string' ? client.tenant : config.tenants[0]!.id);
      return { clientId: t.clientId, tenant, scopes: new Set(String(t.scope ?? '').split(' ').filter(Boolean)) };
    },
  };
}

/**
 * Login and consent pages of the OAuth 2.0 authorization-code flow (oidc-provider asks the host for these). Users come
 * from the config (`users`); passwords are compared in constant time and never logged or echoed.
 */
// @ts-nocheck

import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from './context.js';
import type { OAuth } from './oauth.js';
import { ProblemError } from './problem.js';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const digest = (s: string) => crypto.createHash('sha256').update(s, 'utf8').digest();

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body><main><h1>${esc(title)}</h1>${body}</main></body></html>`;
}

/** The provider's interaction for this request; an expired or unknown one is a 400 `ERR_INTERACTION_EXPIRED`. */
async function interactionDetails(provider: OAuth['provider'], req: Parameters<OAuth['provider']['interactionDetails']>[0], res: Parameters<OAuth['provider']['interactionDetails']>[1]) {
  try {
    return await provider.interactionDetails(req, res);
  } catch {
    throw new ProblemError(400, 'ERR_INTERACTION_EXPIRED', 'this login session expired or is unknown; start again from the client');
  }
}

export function registerInteraction(app: FastifyInstance, ctx: ServerContext, oauth: () => OAuth): void {
  app.register(async (scope) => {
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });

    scope.get('/oauth/interaction/:uid', async (req, reply) => {
      const provider = oauth().provider;
      const details = await interactionDetails(provider, req.raw, reply.raw);
      const uid = esc(details.uid);
      const client = await provider.Client.find(details.params.client_id);
      const clientName = esc(String(client?.clientName ?? details.params.client_id));
      reply.header('cache-control', 'no-store').type('text/html; charset=utf-8');
      if (details.prompt.name === 'login') {
        return reply.send(
          page(
            'Sign in',
            `<p>${clientName} asks for access to your badges.</p><form method="post" action="/oauth/interaction/${uid}/login">` +
              `<label>Username <input name="username" autocomplete="username" required></label>` +
              `<label>Password <input name="password" type="password" autocomplete="current-password" required></label><button type="submit">Sign in</button></form>`,
          ),
        );
      }
      const scopes = String(details.params.scope ?? '').split(' ').filter(Boolean);
      return reply.send(
        page('Authorize', `<p>${clientName} asks for:</p><ul>${scopes.map((s) => `<li>${esc(s)}</li>`).join('')}</ul><form method="post" action="/oauth/interaction/${uid}/confirm"><button type="submit">Allow</button></form>`),
      );
    });

    scope.post('/oauth/interaction/:uid/login', async (req, reply) => {
      const provider = oauth().provider;
      const body = (req.body ?? {}) as Record<string, unknown>;
      const username = typeof body.username === 'string' ? body.username : '';
      const password = typeof body.password === 'string' ? body.password : '';
      const user = ctx.config.users.find((u) => u.username === username);
      // constant-time comparison of digests; an unknown user costs the same as a wrong password
      const ok = crypto.timingSafeEqual(digest(user?.password ?? crypto.randomUUID()), digest(password)) && user !== undefined;
      if (!ok) {
        reply.code(401).header('cache-control', 'no-store').type('text/html; charset=utf-8');
        return reply.send(page('Sign in failed', '<p>Wrong username or password. Go back and try again.</p>'));
      }
      await interactionDetails(provider, req.raw, reply.raw);
      reply.hijack();
      await provider.interactionFinished(req.raw, reply.raw, { login: { accountId: `${user!.tenant}:${user!.username}` } }, { mergeWithLastSubmission: false });
    });

    scope.post('/oauth/interaction/:uid/confirm', async (req, reply) => {
      const provider = oauth().provider;
      const details = await interactionDetails(provider, req.raw, reply.raw);
      if (details.prompt.name !== 'consent' || !details.session?.accountId) throw new ProblemError(400, 'ERR_INTERACTION_STATE', 'sign in first');
      const { prompt, params, session, grantId } = details;
      const grant = grantId ? await provider.Grant.find(grantId) : new provider.Grant({ accountId: session.accountId, clientId: params.client_id });
      const missing = prompt.details ?? {};
      if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
      if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
      if (missing.missingResourceScopes) for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes)) grant.addResourceScope(indicator, (scopes as string[]).join(' '));
      const id = await grant.save();
      reply.hijack();
      await provider.interactionFinished(req.raw, reply.raw, { consent: { grantId: id } }, { mergeWithLastSubmission: true });
    });
  });
}

/** Login and consent pages of the OAuth authorization-code flow. */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from './context.js';
import type { OAuth } from './oauth.js';

export function registerInteraction(_app: FastifyInstance, _ctx: ServerContext, _oauth: () => OAuth): void {}

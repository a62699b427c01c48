/** 1EdTech OB 3.0 REST API under /ims/ob/v3p0. */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from './context.js';

export function registerOb(_app: FastifyInstance, _ctx: ServerContext): void {}

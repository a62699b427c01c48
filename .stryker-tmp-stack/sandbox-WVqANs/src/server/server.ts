/**
 * `createServer(options)`: the HTTP service behind `credstack serve` (Fastify 5: schema-aware body limits, content-type
 * parsing with 413/415, pino structured logs with redaction, a maintained rate-limit plugin).
 */
// @ts-nocheck

import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import os from 'node:os';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import { exportKeyPair, generateKeyPair, importKeyPair, type KeyPair, type Signer } from '../index.js';
import { assertSigner, signerController, signerFromKeyPair } from '../keys/signer.js';
import { openStore, type Store } from '../store/index.js';
import { ConfigError, loadConfig, type ServerConfig } from './config.js';
import type { ServerContext, Tenant } from './context.js';
import { issueOne } from './issuer.js';
import { createOAuth } from './oauth.js';
import { registerOb } from './ob.js';
import { problem, ProblemError, sendProblem } from './problem.js';
import { registerVcApi } from './vc-api.js';

/** Options of {@link createServer}: any config field, plus an open store or a log destination. */
export interface CreateServerOptions extends Partial<ServerConfig> {
  /** Config file (JSON); see `loadConfig`. */
  configFile?: string;
  env?: NodeJS.ProcessEnv;
  /** Use this store instead of opening `database`. */
  store?: Store;
  /** Where structured (JSON) logs go; default stdout. */
  logStream?: Writable;
}

/** A running (or ready) server. */
export interface CredstackServer {
  app: FastifyInstance;
  store: Store;
  config: ServerConfig;
  /** Start listening; resolves with the address listened on (e.g. `http://127.0.0.1:41227`). */
  listen(): Promise<string>;
  /** Graceful shutdown: stop accepting, finish in-flight requests and the current bulk row, close the store (unless it was given). */
  close(): Promise<void>;
}

/** A config file's `signerModule`: an ES module exporting `createSigner(tenant)` (or a default) that returns a Signer. */
async function loadSignerModule(file: string, t: ServerConfig['tenants'][number]): Promise<Signer> {
  const mod = await import(pathToFileURL(path.resolve(file)).href);
  const make = mod.createSigner ?? mod.default;
  if (typeof make !== 'function') throw new ConfigError(`signerModule ${file} exports neither createSigner nor a default function`);
  const { signer: _s, ...plain } = t;
  const signer = await make(plain);
  try {
    assertSigner(signer, ['Ed25519', 'P-256', 'P-384'], `tenant ${t.id}`);
  } catch (err) {
    throw new ConfigError(`signerModule ${file}: ${(err as Error).message}`);
  }
  return signer as Signer;
}

async function loadTenantKey(cfg: ServerConfig, t: ServerConfig['tenants'][number]) {
  if (t.keyFile) return importKeyPair(JSON.parse(fs.readFileSync(t.keyFile, 'utf8')));
  const file = path.join(cfg.dataDir, 'keys', `${t.id}.key.json`);
  if (fs.existsSync(file)) return importKeyPair(JSON.parse(fs.readFileSync(file, 'utf8')));
  const key = await generateKeyPair();
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, `${JSON.stringify(exportKeyPair(key, { includeSecret: true }), null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  return key;
}

/**
 * Build the server (store opened and migrated, tenants' keys loaded, OAuth ready) without listening yet.
 * @example
 * ```ts
 * const server = await createServer({ port: 0, database: 'memory://', clients: [{ clientId: 'lms', clientSecret: '…', tenant: 'default', scope: 'vcapi:credentials:issue' }] });
 * const url = await server.listen();
 * await server.close();
 * ```
 */
export async function createServer(options: CreateServerOptions = {}): Promise<CredstackServer> {
  const { configFile, env, store: givenStore, logStream, ...overrides } = options;
  const config = loadConfig({ file: configFile, env, overrides });
  const store = givenStore ?? (await openStore({ database: config.database }));
  let baseUrl = config.publicUrl?.replace(/\/+$/, '');
  const ctx = { config, store, tenants: new Map<string, Tenant>(), now: config.now ?? (() => new Date()), publicUrl: () => baseUrl ?? `http://${config.host}:${config.port}` } as ServerContext;
  for (const t of config.tenants) {
    // an external signer (KMS/HSM: `signer`, or `signerModule` in a config file) or a key file
    const signer = t.signer ?? (t.signerModule !== undefined ? await loadSignerModule(t.signerModule, t) : undefined);
    const key = signer ? { id: signer.id, controller: signerController(signer) } : await loadTenantKey(config, t);
    ctx.tenants.set(t.id, { id: t.id, config: t, key, signer: signer ?? signerFromKeyPair(key as KeyPair) });
    await store.putTenant({ id: t.id, issuer: key.controller, keyId: key.id, profile: t.profile ?? { id: key.controller, type: ['Profile'], name: t.id } });
  }
  const oauthPrefix = '/oauth';
  let oauthHandler: ((req: http.IncomingMessage, res: http.ServerResponse) => void) | undefined;
  const route = (fastifyHandler: (req: http.IncomingMessage, res: http.ServerResponse) => void) => (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = req.url ?? '/';
    if (oauthHandler && (url === oauthPrefix || url.startsWith(`${oauthPrefix}/`) || url.startsWith(`${oauthPrefix}?`)) && !url.startsWith(`${oauthPrefix}/interaction/`)) {
      (req as any).originalUrl = url;
      req.url = url.slice(oauthPrefix.length) || '/';
      return oauthHandler(req, res);
    }
    return fastifyHandler(req, res);
  };
  const app = Fastify({
    bodyLimit: config.bodyLimit,
    trustProxy: false,
    logger: {
      level: config.logLevel,
      stream: logStream,
      // never log credentials, tokens or keys: only method, path without query, status, timing
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', '*.client_secret', '*.password', '*.secretKeyMultibase'], censor: '[redacted]' },
      serializers: {
        req: (req: any) => ({ method: req.method, url: typeof req.url === 'string' ? req.url.split('?')[0] : undefined, remoteAddress: req.ip }),
        res: (res: any) => ({ statusCode: res.statusCode }),
      },
    },
    serverFactory: (handler) =>
      config.tls ? https.createServer({ cert: fs.readFileSync(config.tls.cert), key: fs.readFileSync(config.tls.key) }, route(handler)) : http.createServer(route(handler)),
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  app.addContentTypeParser(['application/ld+json', 'application/vc+ld+json'], { parseAs: 'string' }, (app.getDefaultJsonParser('error', 'error') as any));
  await app.register((await import('@fastify/rate-limit')).default, {
    max: config.rateLimit.max,
    timeWindow: config.rateLimit.timeWindow,
    // per client: the bearer token's hash (one client = one bucket), else the address
    keyGenerator: (req) => {
      const h = req.headers.authorization;
      return typeof h === 'string' && h.length < 600 ? `t:${Buffer.from(h).toString('base64').slice(-64)}` : `ip:${req.ip}`;
    },
    errorResponseBuilder: (_req, c) => ({ ...problem(429, 'ERR_RATE_LIMITED', `too many requests: at most ${c.max} per ${c.after}`), statusCode: 429 }),
  });
  app.setErrorHandler((err: any, req, reply) => {
    if (err instanceof ProblemError) return sendProblem(reply, err.status, err.code, err.detail, err.extra);
    const code: string | undefined = err?.code;
    if (err?.statusCode === 429) return reply.code(429).type('application/problem+json').send(problem(429, 'ERR_RATE_LIMITED', String(err.detail ?? 'too many requests')));
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') return sendProblem(reply, 413, 'ERR_BODY_TOO_LARGE', `the request body exceeds ${config.bodyLimit} bytes`);
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH' && false) return sendProblem(reply, 415, 'ERR_UNSUPPORTED_MEDIA_TYPE', 'send application/json');
    if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err instanceof SyntaxError || (err?.statusCode === 400 && /JSON|proto/i.test(err?.message ?? ''))) {
      return sendProblem(reply, 400, 'ERR_MALFORMED_JSON', 'the request body is not valid JSON');
    }
    if (typeof err?.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) return sendProblem(reply, err.statusCode, 'ERR_BAD_REQUEST', 'the request was refused');
    // name, code and the first line of the message only (database errors keep parameter values in `detail`, not logged)
    req.log.error({ errName: err?.name, errCode: code, errMessage: String(err?.message ?? '').split('\n')[0]!.slice(0, 200) }, 'internal error');
    return sendProblem(reply, 500, 'ERR_INTERNAL', 'internal error');
  });
  app.setNotFoundHandler((_req, reply) => sendProblem(reply, 404, 'ERR_NOT_FOUND', 'no such endpoint'));
  app.get('/healthz', async (_req, reply) => {
    try {
      await store.db.query('SELECT 1');
      return reply.send({ status: 'ok', database: store.db.kind });
    } catch {
      return sendProblem(reply, 503, 'ERR_DATABASE_UNAVAILABLE', 'the database is not reachable');
    }
  });

  // OAuth: issuer and resource depend on the public URL, known after listen with port 0
  let closing = false;
  let worker: Promise<void> | undefined;
  const workerId = `${os.hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  const wake = { fn: () => {} };
  const runWorker = async () => {
    while (!closing) {
      let worked = false;
      try {
        worked = await store.claimRow(workerId, async (q, row) => {
          const tenant = ctx.tenants.get(row.tenant);
          if (!tenant) return { error: { code: 'ERR_UNKNOWN_TENANT' } };
          try {
            const out = await issueOne(ctx, tenant, { credential: row.input as any, ...(row.options?.format ? { format: row.options.format } : {}), status: row.options?.status ?? undefined, idempotencyKey: `job:${row.jobId}:${row.row}` }, q);
            return { credentialId: out.record.id };
          } catch (err) {
            if (err instanceof ProblemError) return { error: { code: err.code, detail: err.detail } };
            throw err;
          }
        });
      } catch (err) {
        app.log.warn({ errName: (err as Error)?.name }, 'bulk worker: row failed, will retry');
      }
      if (!worked && !closing) await new Promise<void>((r) => { const t = setTimeout(r, 200); wake.fn = () => { clearTimeout(t); r(); }; });
    }
  };

  const server: CredstackServer = {
    app,
    store,
    config,
    async listen() {
      const address = await app.listen({ host: config.host, port: config.port });
      if (!baseUrl) {
        const port = (app.server.address() as { port: number }).port;
        const host = config.host.includes(':') ? `[${config.host}]` : config.host;
        baseUrl = `${config.tls ? 'https' : 'http'}://${host}:${port}`;
      }
      const oauth = await createOAuth(store, config, `${baseUrl}${oauthPrefix}`, baseUrl);
      ctx.oauth = oauth;
      oauthHandler = oauth.handle;
      if (config.workers) worker = runWorker();
      return address;
    },
    async close() {
      closing = true;
      wake.fn();
      await app.close();
      await worker;
      if (!givenStore) await store.close();
    },
  };
  registerVcApi(app, ctx);
  registerOb(app, ctx);
  // interaction routes of the authorization-code flow live in Fastify (HTML forms)
  (await import('./interaction.js')).registerInteraction(app, ctx, () => ctx.oauth);
  return server;
}

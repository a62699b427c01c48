// @ts-nocheck
import { CliError, EXIT, println, type Command } from '../util.js';

/** `credstack serve`: the VC-API and the OB 3.0 REST API over HTTP (see src/server). */
export const serve: Command = {
  name: 'serve',
  summary: 'run the HTTP service (VC-API, OB 3.0 REST API, OAuth 2.0) on an embedded database or PostgreSQL',
  usage: ['credstack serve [--config FILE] [--host HOST] [--port N] [--database URL|DIR] [--public-url URL] [--tls-cert FILE --tls-key FILE]'],
  description:
    'Listens on 127.0.0.1:8787 by default, with an embedded database in ~/.credstack/db. Settings: defaults < --config\n' +
    'file (JSON) < CREDSTACK_* environment variables < options. Logs are JSON lines on stdout and never contain secrets.\n' +
    'SIGINT / SIGTERM shut down gracefully (in-flight requests finish).',
  options: {
    config: { type: 'string', short: 'c' },
    host: { type: 'string' },
    port: { type: 'string', short: 'p' },
    database: { type: 'string' },
    'data-dir': { type: 'string' },
    'public-url': { type: 'string' },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    'log-level': { type: 'string' },
    'no-workers': { type: 'boolean' },
  },
  optionHelp: [
    '-c, --config FILE       JSON config (tenants, clients, users, rateLimit, …)',
    '    --host HOST         listen address (default 127.0.0.1)',
    '-p, --port N            port (default 8787; 0 = any free port)',
    '    --database URL|DIR  postgres://… for PostgreSQL, or a directory for the embedded database',
    '    --data-dir DIR      where generated keys and the embedded database live (default ~/.credstack)',
    '    --public-url URL    base URL others reach this server at (status list URLs, OAuth issuer)',
    '    --tls-cert FILE     serve HTTPS with this certificate (PEM) and --tls-key',
    '    --log-level LEVEL   fatal, error, warn, info (default), debug, silent',
    '    --no-workers        do not run bulk-issuing workers in this process',
  ],
  examples: ['credstack serve', 'credstack serve --config credstack.json --database postgres://credstack@127.0.0.1/credstack'],
  async run(v, positionals, io) {
    if (positionals.length) throw new CliError(`unexpected argument ${positionals[0]}`, { hint: 'credstack serve --help' });
    const port = v.port === undefined ? undefined : Number(v.port);
    if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new CliError('--port must be 0…65535');
    if ((v['tls-cert'] === undefined) !== (v['tls-key'] === undefined)) throw new CliError('--tls-cert and --tls-key go together');
    const { createServer } = await import('../../server/index.js');
    let server;
    try {
      server = await createServer({
        configFile: v.config,
        host: v.host,
        port,
        database: v.database,
        dataDir: v['data-dir'],
        publicUrl: v['public-url'],
        tls: v['tls-cert'] ? { cert: v['tls-cert'], key: v['tls-key'] } : undefined,
        logLevel: v['log-level'],
        workers: v['no-workers'] ? false : undefined,
      });
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_CONFIG') throw new CliError((err as Error).message, { hint: 'credstack serve --help' });
      throw err;
    }
    const url = await server.listen();
    println(io.stderr, `credstack: listening on ${url}`);
    await new Promise<void>((resolve) => {
      const stop = () => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        server.close().then(resolve, resolve);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    return EXIT.OK;
  },
};

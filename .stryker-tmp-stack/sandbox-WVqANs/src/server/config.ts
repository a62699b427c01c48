/**
 * Configuration of `credstack serve`: defaults < config file (JSON) < environment variables < explicit options.
 * Secrets (client secrets, key files' contents) are read from here but never logged.
 */
// @ts-nocheck

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Signer } from '../keys/signer.js';

/** One issuer served by this instance. */
export interface TenantConfig {
  /** Short id used in URLs of its status lists and in OAuth client metadata. */
  id: string;
  /** Path of a key file written by `credstack keygen` (public + secret, 0600). Default: generated in `dataDir/keys`. */
  keyFile?: string;
  /**
   * An external signer (KMS/HSM/vault) instead of a key file: the key never reaches this process. Programmatic only
   * (`createServer({ tenants: [{ id, signer }] })`); in a config file use `signerModule`.
   */
  signer?: Signer;
  /**
   * Path of an ES module exporting `createSigner(tenantConfig)` (or a default function) that returns a {@link Signer}:
   * how a config file plugs in a KMS client (see examples/kms-signer.ts). Trusted code, like the config file itself.
   */
  signerModule?: string;
  /** Status entries every issued credential gets (default `['revocation']`; `[]` for none). */
  status?: Array<'revocation' | 'suspension'>;
  /** The issuer profile (OB 3.0 `Profile`) returned by `GET /ims/ob/v3p0/profile`. */
  profile?: Record<string, unknown>;
}

/** A pre-registered OAuth client (client-credentials grant, e.g. an LMS back end). */
export interface ClientConfig {
  clientId: string;
  clientSecret: string;
  tenant: string;
  /** Space-separated scopes the client may request. */
  scope: string;
}

/** A user who may log in to authorize an OAuth client (authorization-code flow). */
export interface UserConfig {
  username: string;
  password: string;
  tenant: string;
}

/** Everything `createServer` needs. */
export interface ServerConfig {
  host: string;
  port: number;
  /** The base URL others reach this server at (status list ids, OAuth issuer). Default `http(s)://host:port`. */
  publicUrl?: string;
  /** `postgres://…` URL, a directory for the embedded database, or `memory://`. */
  database: string;
  dataDir: string;
  tls?: { cert: string; key: string };
  tenants: TenantConfig[];
  clients: ClientConfig[];
  users: UserConfig[];
  /** Largest request body in bytes (default 1 MiB). */
  bodyLimit: number;
  rateLimit: { max: number; timeWindow: number };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'silent';
  /** Run bulk-issuing workers in this process (default true). */
  workers: boolean;
  /** Keys for signing OAuth cookies; share them between replicas (default: random per process). */
  cookieKeys?: string[];
  /** Pin the clock (tests). */
  now?: () => Date;
}

/** Default configuration (loopback, embedded database under ~/.credstack). */
export function defaultConfig(): ServerConfig {
  const dataDir = path.join(os.homedir(), '.credstack');
  return {
    host: '127.0.0.1',
    port: 8787,
    database: path.join(dataDir, 'db'),
    dataDir,
    tenants: [{ id: 'default' }],
    clients: [],
    users: [],
    bodyLimit: 1024 * 1024,
    rateLimit: { max: 600, timeWindow: 60_000 },
    logLevel: 'info',
    workers: true,
  };
}

const ENV: Array<[string, (c: ServerConfig, v: string) => void]> = [
  ['CREDSTACK_HOST', (c, v) => (c.host = v)],
  ['CREDSTACK_PORT', (c, v) => (c.port = Number(v))],
  ['CREDSTACK_PUBLIC_URL', (c, v) => (c.publicUrl = v)],
  ['CREDSTACK_DATABASE', (c, v) => (c.database = v)],
  ['CREDSTACK_DATA_DIR', (c, v) => (c.dataDir = v)],
  ['CREDSTACK_TLS_CERT', (c, v) => (c.tls = { ...(c.tls ?? { key: '' }), cert: v })],
  ['CREDSTACK_TLS_KEY', (c, v) => (c.tls = { ...(c.tls ?? { cert: '' }), key: v })],
  ['CREDSTACK_LOG_LEVEL', (c, v) => (c.logLevel = v as ServerConfig['logLevel'])],
  ['CREDSTACK_WORKERS', (c, v) => (c.workers = v !== '0' && v !== 'false')],
];

/** Error in the configuration (stable code for the CLI). */
export class ConfigError extends Error {
  readonly code = 'ERR_CONFIG';
}

/**
 * Load the configuration: `file` (JSON, or `CREDSTACK_CONFIG`), then environment variables, then `overrides`.
 * Unknown keys in the file are refused (typos would otherwise silently fall back to defaults).
 */
export function loadConfig(opts: { file?: string; env?: NodeJS.ProcessEnv; overrides?: Partial<ServerConfig> } = {}): ServerConfig {
  const env = opts.env ?? process.env;
  const cfg = defaultConfig();
  const file = opts.file ?? env.CREDSTACK_CONFIG;
  if (file) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (err) {
      throw new ConfigError(`cannot read config file ${file}: ${(err as Error).message}`);
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new ConfigError(`config file ${file} must hold a JSON object`);
    const known = new Set(Object.keys(cfg).concat(['publicUrl', 'tls', 'cookieKeys']));
    for (const k of Object.keys(parsed)) if (!known.has(k)) throw new ConfigError(`unknown key "${k}" in ${file}`);
    Object.assign(cfg, parsed);
    if (!(parsed as any).database && (parsed as any).dataDir) cfg.database = path.join((parsed as any).dataDir, 'db');
  }
  for (const [name, set] of ENV) if (env[name] !== undefined && env[name] !== '') set(cfg, env[name]!);
  if (env.CREDSTACK_DATA_DIR && !env.CREDSTACK_DATABASE && !(opts.overrides?.database)) cfg.database = path.join(env.CREDSTACK_DATA_DIR, 'db');
  Object.assign(cfg, Object.fromEntries(Object.entries(opts.overrides ?? {}).filter(([, v]) => v !== undefined)));
  if (!Number.isInteger(cfg.port) || cfg.port < 0 || cfg.port > 65535) throw new ConfigError(`port must be an integer 0…65535`);
  if (cfg.tls && (!cfg.tls.cert || !cfg.tls.key)) throw new ConfigError('tls needs both cert and key (file paths)');
  if (!Array.isArray(cfg.tenants) || cfg.tenants.length === 0) throw new ConfigError('at least one tenant is required');
  for (const t of cfg.tenants) if (!t || typeof t.id !== 'string' || !/^[a-z0-9][a-z0-9-]{0,62}$/.test(t.id)) throw new ConfigError('tenant ids are 1-63 characters a-z, 0-9, -');
  for (const c of cfg.clients) {
    if (!cfg.tenants.some((t) => t.id === c.tenant)) throw new ConfigError(`client ${c.clientId} names unknown tenant ${c.tenant}`);
  }
  return cfg;
}

// @ts-nocheck
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { exportKeyPair, type KeyPair } from '../../src/index.js';
import { createServer, type CredstackServer } from '../../src/server/index.js';
import type { ServerConfig } from '../../src/server/config.js';
import { NOW, seededKey } from '../helpers.js';

export const ALL_VCAPI = 'vcapi:credentials:issue vcapi:credentials:verify vcapi:credentials:status vcapi:presentations:verify';
export const SECRETS = { lms: 'lms-secret-5f0c1b9d7e', other: 'other-secret-8a2e44c1d0', verifyOnly: 'verify-secret-77aa01' };

export interface Running {
  server: CredstackServer;
  url: string;
  dir: string;
  keys: { default: KeyPair; other: KeyPair };
  logs: string[];
  token(client?: 'lms' | 'other' | 'verify-only', scope?: string): Promise<string>;
  call(method: string, p: string, body?: unknown, opts?: { token?: string; headers?: Record<string, string>; raw?: string | Buffer }): Promise<{ status: number; headers: Headers; json: any; text: string }>;
  stop(): Promise<void>;
}

/** Write a key file (0600) for a seeded key. */
export function writeKey(dir: string, name: string, key: KeyPair): string {
  const file = path.join(dir, `${name}.key.json`);
  fs.writeFileSync(file, JSON.stringify(exportKeyPair(key, { includeSecret: true })), { mode: 0o600 });
  return file;
}

/** Start a server on a free loopback port with two tenants and three clients; logs are captured. */
export async function start(overrides: Partial<ServerConfig> & { store?: CredstackServer['store'] } = {}): Promise<Running> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'credstack-server-'));
  const keys = { default: await seededKey(41), other: await seededKey(42) };
  const logs: string[] = [];
  const logStream = new Writable({
    write(chunk, _enc, cb) {
      logs.push(String(chunk));
      cb();
    },
  });
  const server = await createServer({
    env: {},
    port: 0,
    database: 'memory://',
    dataDir: dir,
    logLevel: 'info',
    logStream,
    now: () => new Date(NOW),
    tenants: [
      { id: 'default', keyFile: writeKey(dir, 'default', keys.default) },
      { id: 'other', keyFile: writeKey(dir, 'other', keys.other) },
    ],
    clients: [
      { clientId: 'lms', clientSecret: SECRETS.lms, tenant: 'default', scope: ALL_VCAPI },
      { clientId: 'other', clientSecret: SECRETS.other, tenant: 'other', scope: ALL_VCAPI },
      { clientId: 'verify-only', clientSecret: SECRETS.verifyOnly, tenant: 'default', scope: 'vcapi:credentials:verify' },
    ],
    ...overrides,
  });
  const url = await server.listen();
  const secretOf = { lms: SECRETS.lms, other: SECRETS.other, 'verify-only': SECRETS.verifyOnly };
  const tokens = new Map<string, string>();
  const r: Running = {
    server,
    url,
    dir,
    keys,
    logs,
    async token(client = 'lms', scope) {
      const k = `${client} ${scope ?? ''}`;
      if (tokens.has(k)) return tokens.get(k)!;
      const res = await fetch(`${url}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${client}:${secretOf[client]}`).toString('base64')}` },
        body: new URLSearchParams({ grant_type: 'client_credentials', scope: scope ?? (client === 'verify-only' ? 'vcapi:credentials:verify' : ALL_VCAPI) }),
      });
      const body = (await res.json()) as any;
      if (res.status !== 200) throw new Error(`token request failed: ${res.status} ${JSON.stringify(body)}`);
      tokens.set(k, body.access_token);
      return body.access_token;
    },
    async call(method, p, body, opts = {}) {
      const token = opts.token === undefined ? await r.token() : opts.token;
      const headers: Record<string, string> = { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(opts.headers ?? {}) };
      let payload: string | Buffer | undefined = opts.raw;
      if (payload === undefined && body !== undefined) {
        payload = JSON.stringify(body);
        headers['content-type'] ??= 'application/json';
      }
      const res = await fetch(`${url}${p}`, { method, headers, body: payload as BodyInit | undefined });
      const text = await res.text();
      let json: any;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: res.status, headers: res.headers, json, text };
    },
    async stop() {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  return r;
}

/** A plain VC 2.0 credential (no OB schema). */
export function plainCredential(issuer: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    type: ['VerifiableCredential'],
    issuer,
    credentialSubject: { id: 'did:example:learner-1' },
    ...extra,
  };
}

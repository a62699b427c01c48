// @ts-nocheck
// Two `credstack serve` processes on one real PostgreSQL: 1,000 concurrent issuances with status entries give no
// duplicate status index, no lost and no duplicated credential; a bulk job survives SIGKILL of a replica mid-batch and
// completes exactly once on the other (rows claimed with FOR UPDATE SKIP LOCKED in the row's transaction).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededKey } from '../helpers.js';
import { openPostgres, Store } from '../../src/store/index.js';
import { createStatusList } from '../../src/status/index.js';
import { startPostgres, type Pg } from './postgres.js';
import { writeKey } from './helpers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SECRET = 'replica-client-secret-3c9f1e2a';
const SCOPE = 'vcapi:credentials:issue vcapi:credentials:verify vcapi:credentials:status';
const PUBLIC = 'https://issuer.example';

let pg: Pg;
let cfgFile: string;
let issuer: string;
const children: ChildProcess[] = [];

interface Replica {
  url: string;
  proc: ChildProcess;
  logs: string[];
}

function replica(workers = true): Promise<Replica> {
  const args = ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), 'serve', '--config', cfgFile, '--port', '0', '--database', pg.url, '--log-level', 'warn'];
  if (!workers) args.push('--no-workers');
  const proc = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, CREDSTACK_CONFIG: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(proc);
  const logs: string[] = [];
  return new Promise((resolve, reject) => {
    proc.stdout!.on('data', (d) => logs.push(String(d)));
    proc.stderr!.on('data', (d) => {
      const text = String(d);
      logs.push(text);
      const m = /listening on (\S+)/.exec(text);
      if (m) resolve({ url: m[1]!, proc, logs });
    });
    proc.on('exit', (code) => reject(new Error(`replica exited with ${code}: ${logs.join('')}`)));
  });
}

async function token(url: string): Promise<string> {
  const res = await fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`lms:${SECRET}`).toString('base64')}` },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: SCOPE }),
  });
  const body = (await res.json()) as any;
  expect(res.status).toBe(200);
  return body.access_token;
}

function jwtPayload(jwt: string): any {
  return JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8'));
}

let a: Replica;
let b: Replica;
let store: Store;

beforeAll(async () => {
  pg = await startPostgres();
  const key = await seededKey(51);
  issuer = key.controller;
  cfgFile = path.join(pg.dir, 'credstack.json');
  fs.writeFileSync(
    cfgFile,
    JSON.stringify({
      publicUrl: PUBLIC,
      dataDir: pg.dir,
      tenants: [{ id: 'uni', keyFile: writeKey(pg.dir, 'uni', key) }],
      clients: [{ clientId: 'lms', clientSecret: SECRET, tenant: 'uni', scope: SCOPE }],
      rateLimit: { max: 100000, timeWindow: 60000 },
      cookieKeys: ['shared-cookie-key-for-both-replicas'],
    }),
  );
  [a, b] = await Promise.all([replica(), replica()]);
  store = new Store(await openPostgres(pg.url, { max: 2 }));
}, 300_000);

afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGTERM');
  await Promise.all(children.map((c) => (c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once('exit', r)) : undefined)));
  await store?.close();
  pg?.stop();
});

describe('two replicas on one PostgreSQL', () => {
  it('1,000 concurrent issuances with status entries: 0 duplicate indexes, 0 lost, 0 duplicated credentials', async () => {
    const tok = await token(a.url); // a token from one replica is valid on the other (shared store)
    const N = 1000;
    const ids: string[] = [];
    const indexes: string[] = [];
    let next = 0;
    const lane = async (url: string) => {
      while (next < N) {
        const i = next++;
        const res = await fetch(`${url}/credentials/issue`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tok}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            credential: { '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'], issuer, credentialSubject: { id: `did:example:learner-${i}` } },
            options: { format: 'vc-jwt' },
          }),
        });
        expect(res.status).toBe(201);
        const body = (await res.json()) as any;
        const payload = jwtPayload(body.verifiableCredential.id.slice('data:application/vc+jwt,'.length));
        ids.push(payload.id);
        expect(payload.credentialStatus.statusListCredential).toBe(`${PUBLIC}/status/uni/revocation/1`);
        indexes.push(payload.credentialStatus.statusListIndex);
      }
    };
    // 8 concurrent lanes per replica
    await Promise.all([...Array(8)].flatMap(() => [lane(a.url), lane(b.url)]));
    expect(ids.length).toBe(N);
    expect(new Set(ids).size).toBe(N);
    expect(new Set(indexes).size).toBe(N);
    const rows = (await store.db.query<{ n: string; d: string }>("SELECT count(*) AS n, count(DISTINCT id) AS d FROM credentials WHERE tenant = 'uni' AND idempotency_key IS NULL")).rows[0]!;
    expect(Number(rows.n)).toBe(N);
    expect(Number(rows.d)).toBe(N);
    const stored = (await store.db.query<{ id: string }>("SELECT id FROM credentials WHERE tenant = 'uni' AND idempotency_key IS NULL")).rows.map((r) => r.id);
    expect(new Set(stored)).toEqual(new Set(ids));
    const alloc = (await store.db.query<{ n: string }>('SELECT count(*) AS n FROM status_allocations')).rows[0]!;
    expect(Number(alloc.n)).toBe(N);
    const list = await store.getStatusList(`${PUBLIC}/status/uni/revocation/1`);
    expect(list!.state.allocation.next).toBe(N);
    // herd privacy: indexes are spread over the list, not 0…999
    expect(indexes.filter((i) => Number(i) < N).length).toBeLessThan(N / 10);
  }, 1_200_000);

  it('status list creation and rollover under 16 concurrent transactions: one list at a time, never a second list 1 or a skipped seq', async () => {
    const wide = new Store(await openPostgres(pg.url, { max: 16 }));
    try {
      for (let t = 0; t < 8; t++) {
        const tenant = `race-${t}`;
        await wide.putTenant({ id: tenant, issuer, keyId: `${issuer}#key` });
        // list 1 has 5 free entries left, so the 16 allocations open list 2 exactly once
        const makeList = (seq: number) => {
          const state = createStatusList({ id: `${PUBLIC}/status/${tenant}/revocation/${seq}`, issuer, purpose: 'revocation' });
          return seq === 1 ? { ...state, allocation: { ...state.allocation, next: state.length - 5 } } : state;
        };
        const refs = await Promise.all([...Array(16)].map(() => wide.allocate(tenant, 'revocation', makeList)));
        const perList = new Map<string, number>();
        for (const r of refs) perList.set(r.ref.listId, (perList.get(r.ref.listId) ?? 0) + 1);
        expect(Object.fromEntries(perList)).toEqual({ [`${PUBLIC}/status/${tenant}/revocation/1`]: 5, [`${PUBLIC}/status/${tenant}/revocation/2`]: 11 });
        expect(new Set(refs.map((r) => `${r.ref.listId}#${r.ref.index}`)).size).toBe(16);
        const lists = (await wide.db.query<{ seq: number; active: boolean }>('SELECT seq, active FROM status_lists WHERE tenant = $1 ORDER BY seq', [tenant])).rows;
        expect(lists.map((l) => [Number(l.seq), l.active])).toEqual([[1, false], [2, true]]);
      }
    } finally {
      await wide.close();
    }
  }, 300_000);

  it('bulk job: 202 + job id; SIGKILL one replica mid-batch → the other completes every row exactly once', async () => {
    const tok = await token(b.url);
    // large enough that a replica is still working when it is killed (the test fails if the job ends first)
    const N = 400;
    const credentials = [...Array(N)].map((_, i) => ({ '@context': ['https://www.w3.org/ns/credentials/v2'], type: ['VerifiableCredential'], issuer, credentialSubject: { id: `did:example:bulk-${i}` } }));
    const res = await fetch(`${b.url}/credentials/issue/batch`, { method: 'POST', headers: { authorization: `Bearer ${tok}`, 'content-type': 'application/json' }, body: JSON.stringify({ credentials }) });
    expect(res.status).toBe(202);
    const { id } = (await res.json()) as any;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const poll = async (url: string) => (await (await fetch(`${url}/credentials/issue/batch/${id}`, { headers: { authorization: `Bearer ${tok}` } })).json()) as any;
    // wait until a has done some rows, then kill it without warning
    let killedMidBatch = false;
    for (let i = 0; i < 60_000; i++) {
      const job = await poll(b.url);
      if (job.complete) break;
      const byA = (await store.db.query<{ n: string }>("SELECT count(*) AS n FROM job_rows WHERE job_id = $1 AND state = 'done' AND worker LIKE $2", [id, `%:${a.proc.pid}:%`])).rows[0]!;
      if (Number(byA.n) >= 2 && job.pending > 20) {
        killedMidBatch = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(killedMidBatch, 'the job ended before replica a could be killed mid-batch: raise N').toBe(true);
    const exited = new Promise((r) => a.proc.once('exit', r));
    a.proc.kill('SIGKILL');
    await exited;
    let job;
    for (let i = 0; i < 6000; i++) {
      job = await poll(b.url);
      if (job.complete) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(job.complete).toBe(true);
    expect(job.done).toBe(N);
    expect(job.failed).toBe(0);
    const workers = (await store.db.query<{ worker: string }>('SELECT DISTINCT worker FROM job_rows WHERE job_id = $1', [id])).rows.map((r) => r.worker.split(':')[1]);
    expect(new Set(workers)).toEqual(new Set([String(a.proc.pid), String(b.proc.pid)]));
    const creds = (await store.db.query<{ n: string; d: string }>('SELECT count(*) AS n, count(DISTINCT idempotency_key) AS d FROM credentials WHERE idempotency_key LIKE $1', [`job:${id}:%`])).rows[0]!;
    expect(Number(creds.n)).toBe(N);
    expect(Number(creds.d)).toBe(N);
    const linked = (await store.db.query<{ n: string }>('SELECT count(*) AS n FROM job_rows r JOIN credentials c ON c.id = r.credential_id WHERE r.job_id = $1', [id])).rows[0]!;
    expect(Number(linked.n)).toBe(N);
  }, 1_200_000);
});

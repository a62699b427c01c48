/**
 * The store: everything `credstack serve` keeps, behind one class over {@link Db} (same SQL on PGlite and PostgreSQL).
 *
 * Status index allocation is safe across replicas: the list's row is locked (`SELECT … FOR UPDATE`) while the library's
 * `allocateStatusIndex` (keyed permutation, herd privacy) advances it, and every index handed out is also inserted in
 * `status_allocations` whose primary key (list, index) makes a second hand-out of the same index fail the transaction.
 */
// @ts-nocheck

import { allocateStatusIndex, type BitstringStatusListEntry, type StatusListState, type StatusPurpose } from '../index.js';
import type { Db, Queryable } from './db.js';
import { migrate } from './migrations.js';

export type { Db, Queryable } from './db.js';

/** A tenant: one issuer with its key (referenced by id; the secret lives in a key file, never in the store). */
export interface TenantRecord {
  id: string;
  issuer: string;
  keyId: string;
  profile?: Record<string, unknown> | null;
}

/** Where a credential's status entry points. */
export interface StatusRef {
  purpose: StatusPurpose;
  listId: string;
  index: number;
}

/** A stored credential. */
export interface CredentialRecord {
  tenant: string;
  id: string;
  format: 'ldp' | 'jwt';
  /** JSON text of the credential, or the compact VC-JWT. */
  body: string;
  status: StatusRef[];
  source: 'issued' | 'upserted';
  idempotencyKey?: string | null;
  issuedAt?: string;
  updatedAt?: string;
}

/** A bulk job and its progress. */
export interface JobInfo {
  id: string;
  tenant: string;
  total: number;
  pending: number;
  done: number;
  failed: number;
  rows: Array<{ row: number; state: string; credentialId: string | null; error: unknown }>;
}

function toRecord(r: any): CredentialRecord {
  return {
    tenant: r.tenant,
    id: r.id,
    format: r.format,
    body: r.body,
    status: typeof r.status === 'string' ? JSON.parse(r.status) : r.status,
    source: r.source,
    idempotencyKey: r.idempotency_key,
    issuedAt: new Date(r.issued_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

const json = (v: unknown): any => (typeof v === 'string' ? JSON.parse(v) : v);

/** The store over one database. */
export class Store {
  constructor(readonly db: Db) {}

  /** Apply pending schema migrations. */
  migrate(): Promise<number[]> {
    return migrate(this.db);
  }

  close(): Promise<void> {
    return this.db.close();
  }

  // ---- tenants --------------------------------------------------------------------------------------------------
  async putTenant(t: TenantRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO tenants (id, issuer, key_id, profile) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET issuer = EXCLUDED.issuer, key_id = EXCLUDED.key_id, profile = COALESCE(tenants.profile, EXCLUDED.profile)`,
      [t.id, t.issuer, t.keyId, t.profile ? JSON.stringify(t.profile) : null],
    );
  }

  async getTenant(id: string): Promise<TenantRecord | undefined> {
    const r = (await this.db.query('SELECT * FROM tenants WHERE id = $1', [id])).rows[0];
    return r ? { id: r.id, issuer: r.issuer, keyId: r.key_id, profile: json(r.profile) } : undefined;
  }

  async setProfile(id: string, profile: Record<string, unknown>): Promise<void> {
    await this.db.query('UPDATE tenants SET profile = $2 WHERE id = $1', [id, JSON.stringify(profile)]);
  }

  // ---- status lists ---------------------------------------------------------------------------------------------
  /**
   * Allocate one status index of the tenant's active list for `purpose` inside the transaction `q` (creating the
   * first / next list with `makeList(seq)` when there is none or it is full).
   */
  async allocateIn(q: Queryable, tenant: string, purpose: StatusPurpose, makeList: (seq: number) => StatusListState): Promise<{ ref: StatusRef; entry: BitstringStatusListEntry }> {
    // Allocation is serialised per (tenant, purpose) by a transaction-scoped advisory lock, taken before any row lock
    // (one lock order, so no deadlock). It also covers opening a list: without it, a transaction that saw no active
    // list could read max(seq) after another one committed list 1 and open list 2 beside it (seen with 16
    // concurrent requests on 2 replicas); and a row lock alone would let a list's rollover wait on a creator that
    // waits on the list's row.
    await q.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`credstack:status-list:${tenant}:${purpose}`]);
    for (let attempt = 0; attempt < 5; attempt++) {
      const row = (
        await q.query('SELECT seq, id, state FROM status_lists WHERE tenant = $1 AND purpose = $2 AND active ORDER BY seq DESC LIMIT 1 FOR UPDATE', [tenant, purpose])
      ).rows[0];
      if (!row) {
        const max = (await q.query<{ m: number | null }>('SELECT max(seq) AS m FROM status_lists WHERE tenant = $1 AND purpose = $2', [tenant, purpose])).rows[0]?.m;
        const seq = max === null || max === undefined ? 1 : Number(max) + 1;
        const state = makeList(seq);
        await q.query('INSERT INTO status_lists (tenant, purpose, seq, id, state) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING', [tenant, purpose, seq, state.id, JSON.stringify(state)]);
        continue;
      }
      const state = json(row.state) as StatusListState;
      if (state.allocation.next >= state.length) {
        await q.query('UPDATE status_lists SET active = false WHERE tenant = $1 AND purpose = $2 AND seq = $3', [tenant, purpose, row.seq]);
        continue;
      }
      const { state: next, index, entry } = allocateStatusIndex(state);
      await q.query('UPDATE status_lists SET state = $4 WHERE tenant = $1 AND purpose = $2 AND seq = $3', [tenant, purpose, row.seq, JSON.stringify(next)]);
      await q.query('INSERT INTO status_allocations (list_id, idx) VALUES ($1, $2)', [state.id, index]);
      return { ref: { purpose, listId: state.id, index }, entry };
    }
    throw new Error('could not allocate a status index (concurrent list rollover); retry');
  }

  /** {@link Store.allocateIn} in its own transaction. */
  allocate(tenant: string, purpose: StatusPurpose, makeList: (seq: number) => StatusListState) {
    return this.db.tx((q) => this.allocateIn(q, tenant, purpose, makeList));
  }

  async getStatusList(id: string): Promise<{ tenant: string; state: StatusListState } | undefined> {
    const r = (await this.db.query('SELECT tenant, state FROM status_lists WHERE id = $1', [id])).rows[0];
    return r ? { tenant: r.tenant, state: json(r.state) } : undefined;
  }

  /** Change a list under its row lock: `change` gets the current state and returns the new one. */
  async updateStatusList(id: string, change: (s: StatusListState) => StatusListState): Promise<StatusListState> {
    return this.db.tx(async (q) => {
      const r = (await q.query('SELECT state FROM status_lists WHERE id = $1 FOR UPDATE', [id])).rows[0];
      if (!r) throw new Error(`status list ${id} not found`);
      const next = change(json(r.state));
      await q.query('UPDATE status_lists SET state = $2 WHERE id = $1', [id, JSON.stringify(next)]);
      return next;
    });
  }

  // ---- credentials ----------------------------------------------------------------------------------------------
  /**
   * Insert an issued credential. With an idempotency key that was used before, nothing is inserted and the earlier
   * record is returned (`created: false`).
   */
  async insertCredentialIn(q: Queryable, rec: CredentialRecord): Promise<{ created: boolean; record: CredentialRecord }> {
    const r = (
      await q.query(
        `INSERT INTO credentials (tenant, id, format, body, status, source, idempotency_key) VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT DO NOTHING RETURNING *`,
        [rec.tenant, rec.id, rec.format, rec.body, JSON.stringify(rec.status), rec.source, rec.idempotencyKey ?? null],
      )
    ).rows[0];
    if (r) return { created: true, record: toRecord(r) };
    const prev = rec.idempotencyKey
      ? (await q.query('SELECT * FROM credentials WHERE tenant = $1 AND idempotency_key = $2', [rec.tenant, rec.idempotencyKey])).rows[0]
      : (await q.query('SELECT * FROM credentials WHERE tenant = $1 AND id = $2', [rec.tenant, rec.id])).rows[0];
    if (!prev) throw new Error('credential insert conflicted but no earlier record was found');
    return { created: false, record: toRecord(prev) };
  }

  insertCredential(rec: CredentialRecord) {
    return this.insertCredentialIn(this.db, rec);
  }

  async findByIdempotencyKey(tenant: string, key: string): Promise<CredentialRecord | undefined> {
    const r = (await this.db.query('SELECT * FROM credentials WHERE tenant = $1 AND idempotency_key = $2', [tenant, key])).rows[0];
    return r ? toRecord(r) : undefined;
  }

  async getCredential(tenant: string, id: string): Promise<CredentialRecord | undefined> {
    const r = (await this.db.query('SELECT * FROM credentials WHERE tenant = $1 AND id = $2', [tenant, id])).rows[0];
    return r ? toRecord(r) : undefined;
  }

  /** Insert or replace (OB 3.0 upsert). Returns whether the credential was new. */
  async upsertCredential(rec: CredentialRecord): Promise<{ created: boolean }> {
    const r = (
      await this.db.query(
        `INSERT INTO credentials (tenant, id, format, body, status, source) VALUES ($1, $2, $3, $4, '[]'::jsonb, 'upserted')
         ON CONFLICT (tenant, id) DO UPDATE SET format = EXCLUDED.format, body = EXCLUDED.body, updated_at = now()
         RETURNING (xmax = 0) AS created`,
        [rec.tenant, rec.id, rec.format, rec.body],
      )
    ).rows[0];
    return { created: r?.created === true };
  }

  /** A page of the tenant's credentials, oldest change first; `since` filters on the last change. */
  async listCredentials(tenant: string, opts: { limit: number; offset: number; since?: string }): Promise<{ total: number; records: CredentialRecord[] }> {
    const where = opts.since ? 'tenant = $1 AND updated_at >= $2' : 'tenant = $1';
    const params: unknown[] = opts.since ? [tenant, opts.since] : [tenant];
    const total = Number((await this.db.query<{ n: string }>(`SELECT count(*) AS n FROM credentials WHERE ${where}`, params)).rows[0]?.n ?? 0);
    const rows = (
      await this.db.query(`SELECT * FROM credentials WHERE ${where} ORDER BY updated_at, seq LIMIT $${params.length + 1} OFFSET $${params.length + 2}`, [...params, opts.limit, opts.offset])
    ).rows;
    return { total, records: rows.map(toRecord) };
  }

  async countCredentials(): Promise<number> {
    return Number((await this.db.query<{ n: string }>('SELECT count(*) AS n FROM credentials')).rows[0]?.n ?? 0);
  }

  // ---- bulk jobs ------------------------------------------------------------------------------------------------
  async createJob(id: string, tenant: string, inputs: unknown[], options: Record<string, unknown>): Promise<void> {
    await this.db.tx(async (q) => {
      await q.query('INSERT INTO jobs (id, tenant, total, options) VALUES ($1, $2, $3, $4)', [id, tenant, inputs.length, JSON.stringify(options)]);
      for (let i = 0; i < inputs.length; i += 200) {
        const chunk = inputs.slice(i, i + 200);
        const values = chunk.map((_, j) => `($1, $${j * 2 + 2}, $${j * 2 + 3})`).join(', ');
        const params: unknown[] = [id];
        chunk.forEach((input, j) => params.push(i + j, JSON.stringify(input)));
        await q.query(`INSERT INTO job_rows (job_id, row_no, input) VALUES ${values}`, params);
      }
    });
  }

  async getJob(tenant: string, id: string): Promise<JobInfo | undefined> {
    const job = (await this.db.query('SELECT * FROM jobs WHERE id = $1 AND tenant = $2', [id, tenant])).rows[0];
    if (!job) return undefined;
    const rows = (await this.db.query('SELECT row_no, state, credential_id, error FROM job_rows WHERE job_id = $1 ORDER BY row_no', [id])).rows;
    const count = (s: string) => rows.filter((r) => r.state === s).length;
    return {
      id,
      tenant,
      total: Number(job.total),
      pending: count('pending'),
      done: count('done'),
      failed: count('failed'),
      rows: rows.map((r) => ({ row: Number(r.row_no), state: r.state, credentialId: r.credential_id, error: json(r.error) })),
    };
  }

  /**
   * Claim one pending row in a transaction (`FOR UPDATE SKIP LOCKED`: replicas never take the same row) and hand it to
   * `work`, which returns the row's outcome **inside the same transaction**: the credential insert and the row's `done`
   * commit together, and a replica that dies mid-row rolls both back, so another replica issues the row once.
   * Returns false when no row was pending.
   */
  async claimRow(
    worker: string,
    work: (q: Queryable, row: { jobId: string; tenant: string; row: number; input: unknown; options: any }) => Promise<{ credentialId?: string; error?: unknown }>,
  ): Promise<boolean> {
    return this.db.tx(async (q) => {
      const r = (
        await q.query(
          `SELECT r.job_id, r.row_no, r.input, j.tenant, j.options FROM job_rows r JOIN jobs j ON j.id = r.job_id
           WHERE r.state = 'pending' ORDER BY j.created_at, r.row_no LIMIT 1 FOR UPDATE OF r SKIP LOCKED`,
        )
      ).rows[0];
      if (!r) return false;
      const out = await work(q, { jobId: r.job_id, tenant: r.tenant, row: Number(r.row_no), input: json(r.input), options: json(r.options) });
      await q.query(
        `UPDATE job_rows SET state = $3, credential_id = $4, error = $5, worker = $6, attempts = attempts + 1 WHERE job_id = $1 AND row_no = $2`,
        [r.job_id, r.row_no, out.error === undefined ? 'done' : 'failed', out.credentialId ?? null, out.error === undefined ? null : JSON.stringify(out.error), worker],
      );
      return true;
    });
  }

  // ---- challenges -----------------------------------------------------------------------------------------------
  async createChallenge(id: string, tenant: string, ttlSeconds: number): Promise<void> {
    await this.db.query(`INSERT INTO challenges (id, tenant, expires_at) VALUES ($1, $2, now() + ($3 || ' seconds')::interval)`, [id, tenant, String(ttlSeconds)]);
  }

  /** Consume a challenge: true once if it exists and has not expired. */
  async useChallenge(id: string): Promise<boolean> {
    const r = await this.db.query('DELETE FROM challenges WHERE id = $1 AND expires_at > now() RETURNING id', [id]);
    return r.rows.length === 1;
  }

  // ---- OAuth (oidc-provider adapter storage) --------------------------------------------------------------------
  async oauthUpsert(model: string, id: string, payload: Record<string, any>, expiresIn?: number): Promise<void> {
    await this.db.query(
      `INSERT INTO oauth (model, id, payload, grant_id, uid, user_code, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7::integer IS NULL THEN NULL ELSE now() + ($7::integer * interval '1 second') END)
       ON CONFLICT (model, id) DO UPDATE SET payload = EXCLUDED.payload, grant_id = EXCLUDED.grant_id, uid = EXCLUDED.uid,
         user_code = EXCLUDED.user_code, expires_at = EXCLUDED.expires_at`,
      [model, id, JSON.stringify(payload), payload.grantId ?? null, payload.uid ?? null, payload.userCode ?? null, expiresIn ?? null],
    );
  }

  async oauthFind(model: string, column: 'id' | 'uid' | 'user_code', value: string): Promise<Record<string, any> | undefined> {
    const r = (await this.db.query(`SELECT payload FROM oauth WHERE model = $1 AND ${column} = $2 AND (expires_at IS NULL OR expires_at > now())`, [model, value])).rows[0];
    return r ? json(r.payload) : undefined;
  }

  async oauthConsume(model: string, id: string): Promise<void> {
    await this.db.query(`UPDATE oauth SET payload = jsonb_set(payload, '{consumed}', to_jsonb(extract(epoch from now())::bigint)) WHERE model = $1 AND id = $2`, [model, id]);
  }

  async oauthDestroy(model: string, id: string): Promise<void> {
    await this.db.query('DELETE FROM oauth WHERE model = $1 AND id = $2', [model, id]);
  }

  async oauthRevokeByGrantId(grantId: string): Promise<void> {
    await this.db.query('DELETE FROM oauth WHERE grant_id = $1', [grantId]);
  }
}

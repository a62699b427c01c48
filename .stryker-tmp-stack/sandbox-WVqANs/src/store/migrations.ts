/**
 * Schema migrations of the store, applied in order under an advisory lock (several replicas may start at once).
 * Append new migrations; never edit an applied one.
 */
// @ts-nocheck

import type { Db } from './db.js';

/** One migration: a version number and its SQL. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'initial',
    sql: `
CREATE TABLE tenants (
  id text PRIMARY KEY,
  issuer text NOT NULL,
  key_id text NOT NULL,
  profile jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE credentials (
  tenant text NOT NULL REFERENCES tenants(id),
  id text NOT NULL,
  format text NOT NULL,
  body text NOT NULL,
  status jsonb NOT NULL DEFAULT '[]'::jsonb,
  source text NOT NULL,
  idempotency_key text,
  seq bigserial NOT NULL,
  issued_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant, id)
);
CREATE UNIQUE INDEX credentials_idempotency ON credentials (tenant, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE INDEX credentials_updated ON credentials (tenant, updated_at, seq);
CREATE TABLE status_lists (
  tenant text NOT NULL REFERENCES tenants(id),
  purpose text NOT NULL,
  seq integer NOT NULL,
  id text NOT NULL UNIQUE,
  state jsonb NOT NULL,
  active boolean NOT NULL DEFAULT true,
  PRIMARY KEY (tenant, purpose, seq)
);
CREATE TABLE status_allocations (
  list_id text NOT NULL,
  idx integer NOT NULL,
  allocated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (list_id, idx)
);
CREATE TABLE jobs (
  id text PRIMARY KEY,
  tenant text NOT NULL REFERENCES tenants(id),
  total integer NOT NULL,
  options jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE job_rows (
  job_id text NOT NULL REFERENCES jobs(id),
  row_no integer NOT NULL,
  input jsonb NOT NULL,
  state text NOT NULL DEFAULT 'pending',
  credential_id text,
  error jsonb,
  worker text,
  attempts integer NOT NULL DEFAULT 0,
  PRIMARY KEY (job_id, row_no)
);
CREATE INDEX job_rows_pending ON job_rows (state) WHERE state = 'pending';
CREATE TABLE oauth (
  model text NOT NULL,
  id text NOT NULL,
  payload jsonb NOT NULL,
  grant_id text,
  uid text,
  user_code text,
  expires_at timestamptz,
  PRIMARY KEY (model, id)
);
CREATE INDEX oauth_grant ON oauth (grant_id);
CREATE INDEX oauth_uid ON oauth (uid);
CREATE TABLE challenges (
  id text PRIMARY KEY,
  tenant text NOT NULL,
  expires_at timestamptz NOT NULL
);
`,
  },
];

/** Apply every migration not yet applied. Safe to call from several replicas at once. Returns the versions applied. */
export async function migrate(db: Db): Promise<number[]> {
  return db.tx(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock(7215015)');
    await q.query('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const done = new Set((await q.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => Number(r.version)));
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      for (const stmt of m.sql.split(/;\s*\n/).map((s) => s.trim()).filter(Boolean)) await q.query(stmt);
      await q.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}

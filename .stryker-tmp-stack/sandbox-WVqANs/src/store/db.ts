/**
 * The SQL connection behind the store: one small interface with two implementations, PGlite (embedded PostgreSQL in
 * WebAssembly, the zero-set-up default) and PostgreSQL through `pg` (replicas). Both run the same SQL.
 */
// @ts-nocheck

import fs from 'node:fs';

/** Something that runs one SQL statement with `$1`-style parameters. */
export interface Queryable {
  query<T = Record<string, any>>(sql: string, params?: unknown[]): Promise<{ rows: T[]; rowCount: number }>;
}

/** A database: run statements, run a transaction, close. */
export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Run `fn` in one transaction (BEGIN … COMMIT, ROLLBACK when it throws). */
  tx<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /**
   * Open a transaction on a dedicated connection that the caller commits or rolls back. With PGlite (one connection)
   * this is the same as {@link Db.tx}: do all work of the transaction through the handle you get.
   */
  readonly concurrent: boolean;
  close(): Promise<void>;
}

/** Open an embedded PGlite database in `dataDir` (created if missing), or in memory when `dataDir` is `memory://`. */
export async function openPglite(dataDir: string): Promise<Db> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (dataDir !== 'memory://') fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const pg = dataDir === 'memory://' ? new PGlite() : new PGlite(dataDir);
  await pg.waitReady;
  const wrap = (q: { query: (s: string, p?: any[]) => Promise<any> }): Queryable => ({
    async query(sql, params) {
      const r = await q.query(sql, params as any[]);
      return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
    },
  });
  const base = wrap(pg);
  return {
    kind: 'pglite',
    concurrent: false,
    query: base.query,
    tx: (fn) => pg.transaction((t) => fn(wrap(t))),
    close: () => pg.close(),
  };
}

/** Connect to PostgreSQL (`postgres://user@host:port/db`) with a small pool. */
export async function openPostgres(url: string, opts: { max?: number } = {}): Promise<Db> {
  const pgmod = await import('pg');
  const Pool = (pgmod.default ?? pgmod).Pool;
  const pool = new Pool({ connectionString: url, max: opts.max ?? 10 });
  pool.on('error', () => {
    /* idle client errors (server restart): the next query reconnects */
  });
  await pool.query('SELECT 1');
  const wrapClient = (c: { query: (s: string, p?: any[]) => Promise<any> }): Queryable => ({
    async query(sql, params) {
      const r = await c.query(sql, params as any[]);
      return { rows: r.rows, rowCount: r.rowCount ?? 0 };
    },
  });
  return {
    kind: 'postgres',
    concurrent: true,
    query: wrapClient(pool).query,
    async tx(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn(wrapClient(client));
        await client.query('COMMIT');
        return out;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

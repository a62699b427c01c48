/**
 * Storage of `credstack serve` behind one interface: an embedded PostgreSQL-compatible default (PGlite) and PostgreSQL
 * (`pg`) for replicas, the same SQL and schema migrations for both.
 * @example
 * ```ts
 * import { openStore } from './store/index.js';
 * const store = await openStore({ database: 'postgres://credstack@127.0.0.1:5432/credstack' });
 * ```
 * @module
 */
// @ts-nocheck

import { openPglite, openPostgres } from './db.js';
import { Store } from './store.js';

export { Store } from './store.js';
export type { TenantRecord, CredentialRecord, StatusRef, JobInfo } from './store.js';
export type { Db, Queryable } from './db.js';
export { openPglite, openPostgres } from './db.js';
export { MIGRATIONS, migrate } from './migrations.js';

/**
 * Open and migrate the store: `database` is a `postgres://` / `postgresql://` URL, a directory for the embedded
 * database, or `memory://`.
 */
export async function openStore(opts: { database: string; poolSize?: number }): Promise<Store> {
  const d = opts.database;
  const db = /^postgres(ql)?:\/\//.test(d) ? await openPostgres(d, { max: opts.poolSize }) : await openPglite(d);
  const store = new Store(db);
  await store.migrate();
  return store;
}

/**
 * Issuing one credential on behalf of a tenant: status entries allocated from the store, signed with the library's
 * `issueCredential`, stored — all in one transaction, so refused input stores nothing (no credential, no index).
 */
// @ts-nocheck

import crypto from 'node:crypto';
import { CredstackError, createStatusList, issueCredential, signStatusList, type StatusListState, type StatusPurpose } from '../index.js';
import type { CredentialRecord, Queryable, StatusRef } from '../store/index.js';
import type { ServerContext, Tenant } from './context.js';
import { ProblemError } from './problem.js';

export interface IssueInput {
  credential: Record<string, any>;
  /** Default: the tenant signer's own suite (eddsa-rdfc-2022 for Ed25519, ecdsa-rdfc-2019 for P-256). */
  format?: 'eddsa-rdfc-2022' | 'ecdsa-rdfc-2019' | 'vc-jwt';
  /** Status purposes to add; default: the tenant's configured ones. */
  status?: StatusPurpose[];
  credentialId?: string;
  idempotencyKey?: string;
}

export interface IssueOutput {
  created: boolean;
  record: CredentialRecord;
}

const OB_TYPES = ['OpenBadgeCredential', 'AchievementCredential', 'EndorsementCredential', 'ClrCredential'];

/** The library error → problem document (422: the input was understood but refused). */
export function toProblem(err: unknown): ProblemError {
  if (err instanceof ProblemError) return err;
  if (err instanceof CredstackError) {
    const status = err.code === 'ERR_INVALID_INPUT' ? 400 : 422;
    const details = (err as any).details;
    const extra: Record<string, unknown> = {};
    if (details && typeof details === 'object') {
      if (typeof details.property === 'string') extra.property = details.property;
      if (Array.isArray(details.paths)) extra.paths = details.paths.filter((p: unknown) => typeof p === 'string').slice(0, 20);
      if (Array.isArray(details.errors)) extra.errors = details.errors.slice(0, 20).map((e: any) => ({ path: String(e?.path ?? ''), message: String(e?.message ?? '') }));
    }
    return new ProblemError(status, err.code, err.message.slice(0, 2000), extra);
  }
  throw err;
}

/** The list a tenant's `seq`-th list of `purpose` is published at. */
export function statusListUrl(ctx: ServerContext, tenant: string, purpose: StatusPurpose, seq: number): string {
  return `${ctx.publicUrl()}/status/${tenant}/${purpose}/${seq}`;
}

async function issueIn(ctx: ServerContext, tenant: Tenant, input: IssueInput, q: Queryable): Promise<IssueOutput> {
  const { store } = ctx;
  if (input.idempotencyKey) {
    const prev = (await q.query('SELECT id FROM credentials WHERE tenant = $1 AND idempotency_key = $2', [tenant.id, input.idempotencyKey])).rows[0];
    if (prev) {
      const rec = await store.insertCredentialIn(q, { tenant: tenant.id, id: prev.id, format: 'ldp', body: '', status: [], source: 'issued', idempotencyKey: input.idempotencyKey });
      return { created: false, record: rec.record };
    }
  }
  const cred: Record<string, any> = { ...input.credential };
  if (cred.issuer === undefined) cred.issuer = tenant.key.controller;
  if (cred.id === undefined) cred.id = input.credentialId ?? `urn:uuid:${crypto.randomUUID()}`;
  if (typeof cred.id !== 'string' || cred.id.length > 2048) throw new ProblemError(422, 'ERR_INVALID_ID', 'credential id must be a string (a URL or urn:uuid)');
  const types = Array.isArray(cred.type) ? cred.type : [cred.type];
  const ob = types.some((t: unknown) => typeof t === 'string' && OB_TYPES.includes(t));
  const refs: StatusRef[] = [];
  if (cred.credentialStatus === undefined) {
    const purposes = input.status ?? tenant.config.status ?? ['revocation'];
    const entries: unknown[] = [];
    // allocate in one fixed order (each purpose takes its own lock), keep the caller's order in the credential
    const order = [...purposes.keys()].sort((x, y) => (purposes[x]! < purposes[y]! ? -1 : purposes[x]! > purposes[y]! ? 1 : 0));
    for (const i of order) {
      const purpose = purposes[i]!;
      const { ref, entry } = await store.allocateIn(q, tenant.id, purpose, (seq): StatusListState =>
        createStatusList({ id: statusListUrl(ctx, tenant.id, purpose, seq), issuer: tenant.key.controller, purpose }),
      );
      refs[i] = ref;
      entries[i] = entry;
    }
    if (entries.length) cred.credentialStatus = entries.length === 1 ? entries[0] : entries;
  }
  let signed: Record<string, any> | string;
  try {
    // plain VC 2.0 credentials (no OB type) are not held to the OB 3.0 JSON Schema; JSON-LD safe mode always runs
    signed = await issueCredential(cred, { signer: tenant.signer, ...(input.format ? { format: input.format } : {}), now: ctx.now(), skipSchema: !ob });
  } catch (err) {
    throw toProblem(err);
  }
  const record: CredentialRecord = {
    tenant: tenant.id,
    id: cred.id,
    format: input.format === 'vc-jwt' ? 'jwt' : 'ldp',
    body: typeof signed === 'string' ? signed : JSON.stringify(signed),
    status: refs,
    source: 'issued',
    idempotencyKey: input.idempotencyKey ?? null,
  };
  const out = await store.insertCredentialIn(q, record);
  if (!out.created && !input.idempotencyKey) throw new ProblemError(409, 'ERR_CREDENTIAL_EXISTS', 'a credential with this id was already issued');
  if (!out.created) {
    // lost an idempotency race: roll back this attempt's allocations by failing the transaction
    throw new IdempotentReplay(out.record);
  }
  return out;
}

class IdempotentReplay extends Error {
  constructor(readonly record: CredentialRecord) {
    super('idempotent replay');
  }
}

/** Issue in a new transaction (or in `q`, e.g. a bulk row's). */
export async function issueOne(ctx: ServerContext, tenant: Tenant, input: IssueInput, q?: Queryable): Promise<IssueOutput> {
  try {
    return q ? await issueIn(ctx, tenant, input, q) : await ctx.store.db.tx((tq) => issueIn(ctx, tenant, input, tq));
  } catch (err) {
    if (err instanceof IdempotentReplay) return { created: false, record: err.record };
    throw err;
  }
}

/** The value a credential record is delivered as (VC-API): the JSON credential, or an enveloped VC-JWT. */
export function deliver(rec: CredentialRecord): Record<string, any> {
  if (rec.format === 'jwt') {
    return { '@context': 'https://www.w3.org/ns/credentials/v2', id: `data:application/vc+jwt,${rec.body}`, type: 'EnvelopedVerifiableCredential' };
  }
  return JSON.parse(rec.body);
}

const listCache = new Map<string, { revision: number; body: unknown }>();

/** The signed status list credential of a stored list (cached per revision). */
export async function signedStatusList(ctx: ServerContext, id: string): Promise<unknown | undefined> {
  const row = await ctx.store.getStatusList(id);
  if (!row) return undefined;
  const tenant = ctx.tenants.get(row.tenant);
  if (!tenant) return undefined;
  const hit = listCache.get(id);
  if (hit && hit.revision === row.state.revision) return hit.body;
  const body = await signStatusList(row.state, { signer: tenant.signer, now: ctx.now() });
  listCache.set(id, { revision: row.state.revision, body });
  if (listCache.size > 1000) listCache.delete(listCache.keys().next().value!);
  return body;
}

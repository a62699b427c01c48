/** W3C CCG VC-API routes: issue, verify, presentations, status, challenges, status lists, bulk jobs. */
// @ts-nocheck

import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { reinstate, revoke, suspend, verifyCredential, verifyPortfolio, type StatusPurpose, type VerificationReport } from '../index.js';
import { objectBody, onlyKeys, requireScope, type ServerContext } from './context.js';
import { deliver, issueOne, signedStatusList, toProblem, type IssueInput } from './issuer.js';
import { VCAPI_SCOPES } from './oauth.js';
import { ProblemError } from './problem.js';

const JWT_RE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/** Options of POST /credentials/issue we accept (VC-API IssueCredentialOptions + ours). */
function issueInput(body: Record<string, any>, idempotencyKey: string | undefined): IssueInput {
  onlyKeys(body, ['credential', 'options'], 'the request');
  const c = body.credential;
  if (!c || typeof c !== 'object' || Array.isArray(c)) throw new ProblemError(400, 'ERR_MISSING_CREDENTIAL', 'credential (a JSON object) is required');
  const o = body.options ?? {};
  if (!o || typeof o !== 'object' || Array.isArray(o)) throw new ProblemError(400, 'ERR_INVALID_OPTIONS', 'options must be an object');
  onlyKeys(o, ['credentialId', 'format', 'credentialStatus', 'mandatoryPointers'], 'options');
  // default: the tenant key's own Data Integrity suite (eddsa-rdfc-2022 for Ed25519, ecdsa-rdfc-2019 for P-256)
  const format = o.format;
  if (format !== undefined && format !== 'eddsa-rdfc-2022' && format !== 'ecdsa-rdfc-2019' && format !== 'vc-jwt') {
    throw new ProblemError(422, 'ERR_UNSUPPORTED_FORMAT', 'options.format is eddsa-rdfc-2022, ecdsa-rdfc-2019 or vc-jwt');
  }
  if (o.credentialId !== undefined && (typeof o.credentialId !== 'string' || o.credentialId.length > 2048)) throw new ProblemError(400, 'ERR_INVALID_OPTIONS', 'options.credentialId must be a string');
  let status: StatusPurpose[] | undefined;
  if (o.credentialStatus !== undefined) {
    const list = Array.isArray(o.credentialStatus) ? o.credentialStatus : [o.credentialStatus];
    status = list.map((s: any) => {
      if (!s || typeof s !== 'object' || (s.statusPurpose !== 'revocation' && s.statusPurpose !== 'suspension')) {
        throw new ProblemError(422, 'ERR_UNSUPPORTED_STATUS', 'options.credentialStatus: { type: "BitstringStatusListEntry", statusPurpose: "revocation" | "suspension" }');
      }
      return s.statusPurpose;
    });
  }
  return { credential: c, format, status, credentialId: o.credentialId, idempotencyKey };
}

/** A credential from a request: JSON object, compact VC-JWT string, or EnvelopedVerifiableCredential. */
export function credentialInput(v: unknown): object | string {
  if (typeof v === 'string') {
    if (!JWT_RE.test(v)) throw new ProblemError(400, 'ERR_INVALID_CREDENTIAL', 'a credential string must be a compact VC-JWT');
    return v;
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) throw new ProblemError(400, 'ERR_MISSING_CREDENTIAL', 'verifiableCredential (a JSON object or VC-JWT) is required');
  const o = v as Record<string, unknown>;
  const types = Array.isArray(o.type) ? o.type : [o.type];
  if (types.includes('EnvelopedVerifiableCredential')) {
    const id = typeof o.id === 'string' ? o.id : '';
    const m = /^data:application\/(?:vc\+jwt|jwt|vc-ld\+jwt),(.+)$/.exec(id);
    if (!m || !JWT_RE.test(m[1]!)) throw new ProblemError(422, 'ERR_ENVELOPE_UNSUPPORTED', 'EnvelopedVerifiableCredential id must be a data:application/vc+jwt URL');
    return m[1]!;
  }
  return o;
}

/** Verification options: our own status lists are served from the store, nothing else leaves the machine. */
export function verifyOptions(ctx: ServerContext, extra: { challenge?: string; domain?: string } = {}) {
  const base = `${ctx.publicUrl()}/status/`;
  return {
    now: ctx.now(),
    allowUnsafeUrls: true,
    fetch: async (url: string) => {
      if (typeof url === 'string' && url.startsWith(base)) {
        const doc = await signedStatusList(ctx, url);
        if (doc !== undefined) return doc;
      }
      throw new Error('not available offline');
    },
    ...extra,
  };
}

/** VC-API VerificationResult from our report. */
export function verificationResult(r: VerificationReport): Record<string, unknown> {
  return {
    verified: r.verified,
    checks: r.checks.filter((c) => c.status === 'passed').map((c) => c.id),
    warnings: r.warnings.map((c) => ({ id: c.id, code: c.code, message: c.message })),
    errors: r.checks.filter((c) => c.status === 'failed').map((c) => ({ id: c.id, code: c.code, message: c.message })),
  };
}

export function registerVcApi(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/credentials/issue', async (req, reply) => {
    const tenant = await requireScope(ctx, req, VCAPI_SCOPES.issue);
    const idem = req.headers['idempotency-key'];
    if (idem !== undefined && (typeof idem !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(idem))) throw new ProblemError(400, 'ERR_INVALID_IDEMPOTENCY_KEY', 'Idempotency-Key: 1-200 printable ASCII characters');
    const input = issueInput(objectBody(req), idem as string | undefined);
    const out = await issueOne(ctx, tenant, input);
    if (!out.created) reply.header('idempotent-replayed', 'true');
    return reply.code(201).send({ verifiableCredential: deliver(out.record) });
  });

  app.get('/credentials/:id', async (req, reply) => {
    const tenant = await requireScope(ctx, req, VCAPI_SCOPES.status);
    const id = decodeURIComponent((req.params as { id: string }).id);
    const rec = await ctx.store.getCredential(tenant.id, id);
    if (!rec) throw new ProblemError(404, 'ERR_CREDENTIAL_NOT_FOUND', 'no credential with this id was issued by your tenant');
    return reply.send({ verifiableCredential: deliver(rec) });
  });

  app.post('/credentials/verify', async (req, reply) => {
    await requireScope(ctx, req, VCAPI_SCOPES.verify);
    const body = objectBody(req);
    onlyKeys(body, ['verifiableCredential', 'options'], 'the request');
    const input = credentialInput(body.verifiableCredential);
    const report = await verifyCredential(input, verifyOptions(ctx));
    return reply.code(200).send(verificationResult(report));
  });

  app.post('/presentations/verify', async (req, reply) => {
    await requireScope(ctx, req, VCAPI_SCOPES.presentations);
    const body = objectBody(req);
    onlyKeys(body, ['verifiablePresentation', 'presentation', 'options'], 'the request');
    const o = body.options ?? {};
    if (!o || typeof o !== 'object' || Array.isArray(o)) throw new ProblemError(400, 'ERR_INVALID_OPTIONS', 'options must be an object');
    onlyKeys(o, ['challenge', 'domain'], 'options');
    for (const k of ['challenge', 'domain'] as const) if (o[k] !== undefined && typeof o[k] !== 'string') throw new ProblemError(400, 'ERR_INVALID_OPTIONS', `options.${k} must be a string`);
    const vp = body.verifiablePresentation ?? body.presentation;
    if (!vp || typeof vp !== 'object' || Array.isArray(vp)) throw new ProblemError(400, 'ERR_MISSING_PRESENTATION', 'verifiablePresentation (a JSON object) is required');
    const types = Array.isArray(vp.type) ? vp.type : [vp.type];
    if (!types.includes('VerifiablePresentation')) throw new ProblemError(422, 'ERR_NOT_PRESENTATION', 'type must include VerifiablePresentation');
    const inner = vp.verifiableCredential === undefined ? [] : Array.isArray(vp.verifiableCredential) ? vp.verifiableCredential : [vp.verifiableCredential];
    if (vp.proof === undefined) {
      // unsigned presentation (VC-API ProoflessVerifyPresentationRequest): verify each credential; challenge/domain
      // cannot be checked without a proof, so asking for them fails closed
      const reports = [];
      for (const c of inner) {
        let input: object | string;
        try {
          input = credentialInput(c);
        } catch (err) {
          reports.push({ verified: false, errors: [{ id: 'format', code: (err as ProblemError).code, message: (err as ProblemError).detail }] });
          continue;
        }
        reports.push(verificationResult(await verifyCredential(input, verifyOptions(ctx))));
      }
      const errors = o.challenge !== undefined || o.domain !== undefined ? [{ id: 'proof', code: 'ERR_PRESENTATION_UNSIGNED', message: 'challenge/domain requested but the presentation has no proof' }] : [];
      return reply.send({
        verified: errors.length === 0 && reports.every((r) => r.verified === true),
        presentationResult: { verified: errors.length === 0, checks: [], errors, warnings: [{ id: 'proof', code: 'W_PRESENTATION_UNSIGNED', message: 'the presentation has no proof' }] },
        credentialResults: reports,
        errors,
      });
    }
    const report = await verifyPortfolio(vp, { ...verifyOptions(ctx, { challenge: o.challenge, domain: o.domain }) });
    return reply.send(JSON.parse(JSON.stringify({ verified: report.verified, report })));
  });

  app.post('/credentials/status', async (req, reply) => {
    const tenant = await requireScope(ctx, req, VCAPI_SCOPES.status);
    const body = objectBody(req);
    onlyKeys(body, ['credentialId', 'credentialStatus', 'status'], 'the request');
    if (typeof body.credentialId !== 'string') throw new ProblemError(400, 'ERR_MISSING_CREDENTIAL_ID', 'credentialId (string) is required');
    if (typeof body.status !== 'boolean') throw new ProblemError(400, 'ERR_MISSING_STATUS', 'status (boolean: true = set, false = clear) is required');
    const cs = body.credentialStatus;
    if (!cs || typeof cs !== 'object' || Array.isArray(cs) || (cs.statusPurpose !== 'revocation' && cs.statusPurpose !== 'suspension')) {
      throw new ProblemError(400, 'ERR_INVALID_STATUS', 'credentialStatus: { type: "BitstringStatusListEntry", statusPurpose: "revocation" | "suspension" }');
    }
    const rec = await ctx.store.getCredential(tenant.id, body.credentialId);
    if (!rec) throw new ProblemError(404, 'ERR_CREDENTIAL_NOT_FOUND', 'no credential with this id was issued by your tenant');
    const ref = rec.status.find((s) => s.purpose === cs.statusPurpose);
    if (!ref) throw new ProblemError(422, 'ERR_NO_STATUS_ENTRY', `the credential has no ${cs.statusPurpose} status entry`);
    try {
      await ctx.store.updateStatusList(ref.listId, (s) =>
        body.status ? (ref.purpose === 'revocation' ? revoke(s, ref.index) : suspend(s, ref.index)) : reinstate(s, ref.index),
      );
    } catch (err) {
      throw toProblem(err);
    }
    return reply.code(200).send({ credentialId: rec.id, credentialStatus: { type: 'BitstringStatusListEntry', statusPurpose: ref.purpose }, status: body.status });
  });

  app.get('/status/:tenant/:purpose/:seq', async (req, reply) => {
    const p = req.params as { tenant: string; purpose: string; seq: string };
    if (!/^[a-z0-9-]{1,63}$/.test(p.tenant) || !['revocation', 'suspension'].includes(p.purpose) || !/^[0-9]{1,9}$/.test(p.seq)) {
      throw new ProblemError(404, 'ERR_STATUS_LIST_NOT_FOUND', 'no such status list');
    }
    const doc = await signedStatusList(ctx, `${ctx.publicUrl()}/status/${p.tenant}/${p.purpose}/${Number(p.seq)}`);
    if (doc === undefined) throw new ProblemError(404, 'ERR_STATUS_LIST_NOT_FOUND', 'no such status list');
    return reply.header('cache-control', 'public, max-age=60').type('application/vc+ld+json').send(JSON.stringify(doc));
  });

  app.post('/challenges', async (req, reply) => {
    const tenant = await requireScope(ctx, req, VCAPI_SCOPES.presentations);
    if (req.body !== undefined && req.body !== null && (typeof req.body !== 'object' || Array.isArray(req.body) || Object.keys(req.body).length)) {
      throw new ProblemError(400, 'ERR_UNEXPECTED_BODY', 'POST /challenges takes an empty body');
    }
    const challenge = crypto.randomUUID();
    await ctx.store.createChallenge(challenge, tenant.id, 600);
    return reply.code(200).send({ challenge });
  });

  // bulk issuing: 202 + job id; rows are claimed by workers on any replica
  app.post('/credentials/issue/batch', async (req, reply) => {
    const tenant = await requireScope(ctx, req, VCAPI_SCOPES.issue);
    const body = objectBody(req);
    onlyKeys(body, ['credentials', 'options'], 'the request');
    if (!Array.isArray(body.credentials) || body.credentials.length === 0 || body.credentials.length > 10_000) {
      throw new ProblemError(400, 'ERR_INVALID_BATCH', 'credentials: an array of 1-10,000 unsigned credentials');
    }
    for (const c of body.credentials) if (!c || typeof c !== 'object' || Array.isArray(c)) throw new ProblemError(400, 'ERR_INVALID_BATCH', 'every batch entry must be a credential object');
    const first = issueInput({ credential: body.credentials[0], options: body.options }, undefined);
    const id = crypto.randomUUID();
    await ctx.store.createJob(id, tenant.id, body.credentials, { format: first.format, status: first.status ?? null });
    return reply.code(202).header('location', `/credentials/issue/batch/${id}`).send({ id, total: body.credentials.length, location: `/credentials/issue/batch/${id}` });
  });

  app.get('/credentials/issue/batch/:id', async (req, reply) => {
    const tenant = await requireScope(ctx, req, VCAPI_SCOPES.issue);
    const job = await ctx.store.getJob(tenant.id, (req.params as { id: string }).id);
    if (!job) throw new ProblemError(404, 'ERR_JOB_NOT_FOUND', 'no such job for your tenant');
    return reply.send({ ...job, complete: job.pending === 0 });
  });
}

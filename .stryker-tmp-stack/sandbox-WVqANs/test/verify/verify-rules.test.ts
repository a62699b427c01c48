// @ts-nocheck
// Issue 21 (mutation area `verify-orchestration`): the orchestration of src/verify/verify.ts (createVerifyContext and
// its option checks, verifyParsed's order context → view → proofs → checks, verifyNested, verifyCredential /
// verifyInput, verifyHeld, innerContext) with every check, the view builder, the loader, the baking reader and the
// VC-JWT verifier replaced by recorders. No signing, no JSON-LD: only which checks run, in which order, on what.
//
// Rules, from verifyCredential's doc comment and the @internal comments of verify.ts:
// - "Never throws on untrusted input" (ERR_INTERNAL); "Options whose value decides trust are checked, not defaulted".
// - "Every check reads the signed-data view, and every check runs whatever failed before, so the report names every
//   reason"; without a view every later check is SKIP_NO_SIGNED_DATA.
// - verifyNested: "depth-limited, and its own credentialStatus is not followed" (role status-list), trustedIssuers
//   and registries not inherited.
// - innerContext: "a loader with its own document budget"; nested: "one level deeper and without the envelope's
//   challenge/domain".
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Obj = Record<string, any>;
const rec = vi.hoisted(() => ({
  context: { id: 'context', status: 'passed', message: 'ctx' } as Obj,
  view: undefined as Obj | undefined,
  proofs: { checks: [] as Obj[], controllers: [] as string[], unresolved: false },
  extract: undefined as unknown,
  jwt: { verified: true, checks: [{ id: 'jwt', status: 'passed', message: 'jwt' }], warnings: [] } as Obj,
  throwIn: undefined as string | undefined,
  throwValue: undefined as unknown,
  calls: [] as Array<[string, ...unknown[]]>,
}));
const mark = (id: string) => ({ id, status: 'passed', message: `${id} checked` });
function hit(name: string, ...args: unknown[]) {
  rec.calls.push([name, ...args]);
  if (rec.throwIn === name) throw 'throwValue' in rec && rec.throwValue !== undefined ? rec.throwValue : new Error(`${name} exploded`);
}

vi.mock('../../src/jsonld/loader.js', () => ({ createDocumentLoader: vi.fn((o: Obj) => (hit('createDocumentLoader', o), 'BASE')) }));
vi.mock('../../src/verify/documents.js', () => ({
  boundedLoader: vi.fn((base: unknown, max: number) => (hit('boundedLoader', base, max), { loader: { base, max }, fork: (b?: number) => ({ fork: b ?? max }) })),
}));
vi.mock('../../src/verify/checks/context.js', () => ({ checkContext: vi.fn(async (c: Obj, ctx: Obj) => (hit('checkContext', c, ctx), rec.context)) }));
vi.mock('../../src/verify/view.js', () => ({ buildView: vi.fn(async (c: Obj, loader: unknown, o: Obj) => (hit('buildView', c, loader, o), rec.view)) }));
vi.mock('../../src/verify/checks/type.js', () => ({ checkType: vi.fn((v: Obj) => (hit('checkType', v), mark('type'))) }));
vi.mock('../../src/verify/checks/proof.js', () => ({ checkProofs: vi.fn(async (c: Obj, ctx: Obj, o: Obj) => (hit('checkProofs', c, ctx, o), rec.proofs)) }));
vi.mock('../../src/verify/checks/issuer.js', () => ({ checkIssuer: vi.fn((v: Obj, p: Obj, ctx: Obj) => (hit('checkIssuer', v, p, ctx), [mark('issuer')])) }));
vi.mock('../../src/verify/checks/validity.js', () => ({ checkValidity: vi.fn((v: Obj, ctx: Obj) => (hit('checkValidity', v, ctx), [mark('validity')])) }));
vi.mock('../../src/verify/checks/status.js', () => ({
  checkStatus: vi.fn(async (v: Obj, ctx: Obj, nested: (l: unknown, loader?: unknown) => Promise<Obj>) => (hit('checkStatus', v, ctx, nested), [mark('status')])),
}));
vi.mock('../../src/verify/checks/schema.js', () => ({ checkSchema: vi.fn(async (v: Obj, c: Obj, ctx: Obj) => (hit('checkSchema', v, c, ctx), mark('schema'))) }));
vi.mock('../../src/verify/checks/structure.js', () => ({ checkStructure: vi.fn((d: Obj, docs: unknown) => (hit('checkStructure', d, docs), [mark('structure')])) }));
vi.mock('../../src/verify/checks/subject.js', () => ({ checkSubject: vi.fn((v: Obj) => (hit('checkSubject', v), mark('subject'))) }));
vi.mock('../../src/baking/extract.js', () => ({
  extractCredential: vi.fn((b: unknown) => {
    hit('extractCredential', b);
    if (rec.extract && typeof rec.extract === 'object' && 'thrown' in (rec.extract as Obj)) throw (rec.extract as Obj).thrown;
    return rec.extract;
  }),
}));
vi.mock('../../src/proofs/jwt-verify.js', () => ({ verifyJwtCredential: vi.fn(async (jwt: string, ctx: Obj) => (hit('verifyJwtCredential', jwt, ctx), { ...rec.jwt, checks: [...rec.jwt.checks] })) }));
vi.mock('../../src/network/check.js', () => ({
  loadRegistries: vi.fn(async (regs: unknown, verify: unknown, o: Obj) => (hit('loadRegistries', regs, verify, o), { registries: ['R'], checks: [mark('registry')] })),
  membershipCheck: vi.fn((issuer: unknown, date: unknown, regs: unknown) => (hit('membershipCheck', issuer, date, regs), mark('membership'))),
}));

import { createVerifyContext, innerContext, verifyCredential, verifyHeld, verifyInput, verifyNested, verifyParsed } from '../../src/verify/verify.js';

const VC2 = 'https://www.w3.org/ns/credentials/v2';
const calls = (name: string) => rec.calls.filter((c) => c[0] === name);
const ids = (r: Obj) => r.checks.map((c: Obj) => (c.code ? `${c.id}:${c.code}` : c.id));
const cred = (extra: Obj = {}): Obj => ({ '@context': [VC2], type: ['VerifiableCredential'], proof: { proofValue: 'z' }, ...extra });
const VIEW = { view: { document: { credentialSubject: { id: 'did:example:s' } }, issuerId: 'did:example:i', validFrom: '2026-01-01T00:00:00Z', types: ['VerifiableCredential'] }, expanded: ['EXP'], full: ['FULL'] };
const FULL = ['format', 'context', 'type', 'proof', 'issuer', 'validity', 'status', 'schema', 'structure', 'subject'];
const SKIPS = ['issuer', 'validity', 'status', 'schema', 'structure', 'subject'].map((i) => `${i}:SKIP_NO_SIGNED_DATA`);
function ctxOf(extra: Obj = {}): Obj {
  const c = createVerifyContext({ now: '2026-06-01T00:00:00Z', ...extra }) as Obj;
  return c;
}

beforeEach(() => {
  rec.context = { id: 'context', status: 'passed', message: 'ctx' };
  rec.view = VIEW;
  rec.proofs = { checks: [{ id: 'proof', status: 'passed', message: 'p' }], controllers: ['did:example:i'], unresolved: false };
  rec.extract = undefined;
  rec.throwIn = undefined;
  rec.throwValue = undefined;
  rec.calls = [];
});

describe('createVerifyContext: options that decide trust are checked, not defaulted', () => {
  it('a bad date: ERR_INVALID_NOW', () => {
    expect(createVerifyContext({ now: 'not a date' })).toEqual({ id: 'format', status: 'failed', code: 'ERR_INVALID_NOW', message: 'options.now is not a valid date' });
  });

  it.each([
    [{ status: 'chek' }, "options.status must be 'check', 'allow-unavailable' or 'skip'"],
    [{ statusIssuer: 'some' }, "options.statusIssuer must be 'any' or 'same'"],
    [{ checkStatus: 'yes' }, 'options.checkStatus must be a boolean'],
    [{ maxDocuments: 0 }, 'options.maxDocuments must be a positive integer'],
    [{ maxDocuments: 1.5 }, 'options.maxDocuments must be a positive integer'],
    [{ maxDocuments: '3' }, 'options.maxDocuments must be a positive integer'],
  ])('%j is refused', (o, message) => {
    expect(createVerifyContext(o as Obj)).toEqual({ id: 'format', status: 'failed', code: 'ERR_INVALID_OPTION', message });
  });

  it.each([[{ status: 'check' }], [{ status: 'allow-unavailable' }], [{ status: 'skip' }], [{ statusIssuer: 'any' }], [{ statusIssuer: 'same' }], [{ checkStatus: false }], [{ maxDocuments: 1 }]])('%j is accepted', (o) => {
    expect('status' in (createVerifyContext(o as Obj) as Obj) && (createVerifyContext(o as Obj) as Obj).code).toBe(false);
  });

  it('the context: the date, one loader over the caller\'s documents/fetch/resolve bounded by maxDocuments (default 64), depth', () => {
    const fetch = (() => undefined) as any;
    const c = createVerifyContext({ now: '2026-06-01T00:00:00Z', documents: { a: 1 }, fetch, allowUnsafeUrls: true, resolve: 'R' as any, maxDocuments: 9 }, 2) as Obj;
    expect(c.now.toISOString()).toBe('2026-06-01T00:00:00.000Z');
    expect(calls('createDocumentLoader')[0]![1]).toEqual({ documents: { a: 1 }, fetch, allowUnsafeUrls: true, resolve: 'R' });
    expect(c.loader).toEqual({ base: 'BASE', max: 9 });
    expect(c.forkLoader(3)).toEqual({ fork: 3 });
    expect(c.depth).toBe(2);
    expect(c.statusLists).toBeInstanceOf(Map);
    expect((createVerifyContext({}) as Obj).loader).toEqual({ base: 'BASE', max: 64 });
    expect((createVerifyContext({}) as Obj).depth).toBe(0);
  });
});

describe('verifyParsed: context → view → proofs → every check', () => {
  it('all checks run in order on the view; the report carries it; the view\'s full expansion is kept for an envelope', async () => {
    const c = cred();
    const ctx: Obj = { ...ctxOf({ documents: { d: 1 } }), expansions: new Map() };
    const r = await verifyParsed(c, ctx as any);
    expect(ids(r)).toEqual(FULL);
    expect(r.checks[0]).toEqual({ id: 'format', status: 'passed', message: 'JSON-LD credential' });
    expect(r.view).toBe(VIEW.view);
    expect(r.verified).toBe(true);
    expect(r.source).toEqual({ format: 'json' });
    expect(r.credential).toBe(c);
    expect(calls('buildView')[0]!.slice(1)).toEqual([c, ctx.loader, { withProofs: true }]);
    expect(ctx.expansions.get(c)).toEqual(['FULL']);
    expect(calls('checkProofs')[0]![3]).toEqual({ claimsExpanded: ['EXP'] });
    expect(calls('checkIssuer')[0]![2]).toEqual(rec.proofs);
    expect(calls('checkStructure')[0]!.slice(1)).toEqual([VIEW.view.document, { d: 1 }]);
    for (const n of ['checkType', 'checkValidity', 'checkStatus', 'checkSchema', 'checkSubject']) expect(calls(n)[0]![1]).toBe(VIEW.view);
    expect(calls('checkSchema')[0]![2]).toBe(c);
    expect(calls('loadRegistries')).toHaveLength(0);
  });

  it('without an expansions map: withProofs false and nothing stored; a baked source is named', async () => {
    const r = await verifyParsed(cred(), ctxOf() as any, 'png');
    expect(calls('buildView')[0]![3]).toEqual({ withProofs: false });
    expect(r.checks[0]!.message).toBe('JSON-LD credential baked in PNG');
    expect(r.source).toEqual({ format: 'png' });
  });

  it('a view without full expansion stores nothing', async () => {
    rec.view = { view: VIEW.view, expanded: ['EXP'] };
    const ctx: Obj = { ...ctxOf(), expansions: new Map() };
    await verifyParsed(cred(), ctx as any);
    expect(ctx.expansions.size).toBe(0);
  });

  it('every check runs whatever failed before (a failed proof still reports issuer … subject)', async () => {
    rec.proofs = { checks: [{ id: 'proof', status: 'failed', code: 'ERR_SIGNATURE_INVALID', message: 'x' }], controllers: [], unresolved: false };
    const r = await verifyParsed(cred(), ctxOf() as any);
    expect(ids(r)).toEqual(['format', 'context', 'type', 'proof:ERR_SIGNATURE_INVALID', 'issuer', 'validity', 'status', 'schema', 'structure', 'subject']);
    expect(r.verified).toBe(false);
  });

  it('a failed context: no view, the proof is SKIP_CONTEXT and every later check SKIP_NO_SIGNED_DATA', async () => {
    rec.context = { id: 'context', status: 'failed', code: 'ERR_CONTEXT', message: 'bad' };
    const r = await verifyParsed(cred(), ctxOf() as any, 'svg');
    expect(ids(r)).toEqual(['format', 'context:ERR_CONTEXT', 'proof:SKIP_CONTEXT', ...SKIPS]);
    expect(r.checks[2]).toEqual({ id: 'proof', status: 'skipped', code: 'SKIP_CONTEXT', message: 'proof not checked: the @context is not usable' });
    expect(r.checks[3]).toEqual({ id: 'issuer', status: 'skipped', code: 'SKIP_NO_SIGNED_DATA', message: 'issuer not checked: the signed data could not be read (see the context check)' });
    expect(calls('buildView')).toHaveLength(0);
    expect(calls('checkProofs')).toHaveLength(0);
    expect(r.view).toBeUndefined();
    expect(r.source).toEqual({ format: 'svg' });
    expect(r.verified).toBe(false);
    expect((await verifyParsed(cred(), ctxOf() as any)).source).toEqual({ format: 'json' });
  });

  it('the view could not be built: its check replaces the context, proofs still run (without claims), type skipped too', async () => {
    rec.view = { check: { id: 'context', status: 'failed', code: 'ERR_JSONLD', message: 'v' } };
    const r = await verifyParsed(cred(), ctxOf() as any);
    expect(ids(r)).toEqual(['format', 'context:ERR_JSONLD', 'proof:SKIP_CONTEXT', ...SKIPS]);
    rec.view = { check: { id: 'context', status: 'warning', code: 'W_VIEW', message: 'v' } };
    rec.calls = [];
    const r2 = await verifyParsed(cred(), ctxOf() as any);
    expect(ids(r2)).toEqual(['format', 'context:W_VIEW', 'proof', 'type:SKIP_NO_SIGNED_DATA', ...SKIPS]);
    expect(calls('checkProofs')[0]![3]).toEqual({});
    expect(r2.verified).toBe(true);
  });

  it('an external (VC-JWT) proof: its controllers reach the issuer check; embedded proofs only when there are some', async () => {
    const c = cred();
    delete c.proof;
    await verifyParsed(c, ctxOf() as any, 'json', { controllers: ['did:example:jwt'] });
    expect(calls('checkProofs')).toHaveLength(0);
    expect(calls('checkIssuer')[0]![2]).toEqual({ checks: [], controllers: ['did:example:jwt'], unresolved: false });
    rec.calls = [];
    await verifyParsed(cred(), ctxOf() as any, 'json', { controllers: ['did:example:jwt'] });
    expect(calls('checkIssuer')[0]![2]).toEqual({ ...rec.proofs, controllers: ['did:example:jwt', 'did:example:i'] });
    rec.context = { id: 'context', status: 'failed', code: 'ERR_CONTEXT', message: 'bad' };
    const r = await verifyParsed(c, ctxOf() as any, 'json', { controllers: ['x'] });
    expect(ids(r)).toEqual(['format', 'context:ERR_CONTEXT', ...SKIPS]);
  });

  it('registries: loaded, then the issuer\'s membership by validFrom, else issuanceDate', async () => {
    const ctx = ctxOf({ registries: ['reg'] });
    const r = await verifyParsed(cred(), ctx as any);
    expect(ids(r)).toEqual(['format', 'context', 'type', 'proof', 'issuer', 'registry', 'membership', 'validity', 'status', 'schema', 'structure', 'subject']);
    expect(calls('membershipCheck')[0]!.slice(1)).toEqual(['did:example:i', '2026-01-01T00:00:00Z', ['R']]);
    const [, regs, , o] = calls('loadRegistries')[0]! as [string, unknown, unknown, Obj];
    expect(regs).toEqual(['reg']);
    expect(o.scope).toBe(ctx.opts);
    expect(o.now).toBe(ctx.now);
    rec.view = { view: { ...VIEW.view, validFrom: undefined, issuanceDate: '2020-01-01T00:00:00Z' }, expanded: [] };
    rec.calls = [];
    await verifyParsed(cred(), ctx as any);
    expect(calls('membershipCheck')[0]![2]).toBe('2020-01-01T00:00:00Z');
    rec.view = { view: { ...VIEW.view, validFrom: 5, issuanceDate: 6 }, expanded: [] };
    rec.calls = [];
    await verifyParsed(cred(), ctx as any);
    expect(calls('membershipCheck')[0]![2]).toBeUndefined();
    rec.calls = [];
    await verifyParsed(cred(), ctxOf({ registries: [] }) as any);
    expect(calls('loadRegistries')).toHaveLength(0);
  });

  it('the status check verifies lists nested (a loader when given), and a registry through verifyNested as a registry', async () => {
    const ctx = ctxOf({ registries: ['reg'] });
    await verifyParsed(cred(), ctx as any);
    const nested = calls('checkStatus')[0]![3] as (l: unknown, loader?: unknown) => Promise<Obj>;
    rec.calls = [];
    await nested(cred({ list: 1 }), 'L2');
    const [, , lctx] = calls('checkContext')[0]! as [string, Obj, Obj];
    expect(lctx.loader).toBe('L2');
    expect(lctx.role).toBe('status-list');
    expect(lctx.depth).toBe(1);
    rec.calls = [];
    await nested(cred({ list: 1 }));
    expect((calls('checkContext')[0]![2] as Obj).loader).toBe(ctx.loader);
  });

  it('a registry is verified nested as a registry (its own status followed: no status-list role)', async () => {
    await verifyParsed(cred(), ctxOf({ registries: ['reg'] }) as any);
    const viaRegistry = calls('loadRegistries')[0]![2] as (d: unknown) => Promise<Obj>;
    rec.calls = [];
    await viaRegistry(cred({ registry: 1 }));
    const n = calls('checkContext')[0]![2] as Obj;
    expect(n.depth).toBe(1);
    expect('role' in n).toBe(false);
    expect(n.opts.registries).toBeUndefined();
  });
});

describe('verifyNested', () => {
  it('too deep (depth 3): ERR_NESTING', async () => {
    const r = await verifyNested(cred(), { ...ctxOf(), depth: 3 } as any);
    expect(r.checks).toEqual([{ id: 'format', status: 'failed', code: 'ERR_NESTING', message: 'nested verification too deep' }]);
    expect(calls('checkContext')).toHaveLength(0);
    await verifyNested(cred(), { ...ctxOf(), depth: 2 } as any);
    expect(calls('checkContext')).toHaveLength(1);
  });

  it('one level deeper, as a status list (or a registry), without trustedIssuers / registries / expansions', async () => {
    const ctx: Obj = { ...ctxOf({ trustedIssuers: ['did:example:t'], registries: ['r'], challenge: 'c' }), expansions: new Map() };
    await verifyNested(cred(), ctx as any);
    const [, , n] = calls('checkContext')[0]! as [string, Obj, Obj];
    expect(n.depth).toBe(1);
    expect(n.role).toBe('status-list');
    expect(n.expansions).toBeUndefined();
    expect(n.opts).toEqual({ ...ctx.opts, trustedIssuers: undefined, registries: undefined });
    rec.calls = [];
    await verifyNested(cred(), ctx as any, 'registry');
    expect('role' in (calls('checkContext')[0]![2] as Obj)).toBe(false);
  });

  it('a JWT goes to the JWT verifier; bad input is its parse error; an image is ERR_INPUT_UNRECOGNISED', async () => {
    const jwt = 'eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2ln';
    const r = await verifyNested(jwt, ctxOf() as any);
    expect(calls('verifyJwtCredential')[0]![1]).toBe(jwt);
    expect((calls('verifyJwtCredential')[0]![2] as Obj).depth).toBe(1);
    expect(ids(r)).toEqual(['jwt']);
    expect(ids(await verifyNested(null, ctxOf() as any))).toEqual(['format:ERR_INPUT_EMPTY']);
    expect((await verifyNested('<svg/>', ctxOf() as any)).checks).toEqual([{ id: 'format', status: 'failed', code: 'ERR_INPUT_UNRECOGNISED', message: 'unexpected nested input' }]);
    const big = JSON.stringify(cred());
    expect(ids(await verifyNested(big, ctxOf({ maxBytes: 10 }) as any))).toEqual(['format:ERR_INPUT_TOO_LARGE']);
  });
});

describe('verifyCredential / verifyInput: inputs, never a throw', () => {
  it('a bad option is the only check', async () => {
    const r = await verifyCredential(cred(), { status: 'nope' } as any);
    expect(ids(r)).toEqual(['format:ERR_INVALID_OPTION']);
    expect(r.verified).toBe(false);
    expect(ids(await verifyCredential(cred(), null as any))).toEqual(FULL);
  });

  it('an object, JSON text: verified as JSON-LD', async () => {
    expect(ids(await verifyCredential(cred()))).toEqual(FULL);
    expect(ids(await verifyCredential(JSON.stringify(cred())))).toEqual(FULL);
    expect(ids(await verifyCredential(JSON.stringify(cred()), { maxBytes: 10 }))).toEqual(['format:ERR_INPUT_TOO_LARGE']);
  });

  it('a VC-JWT: the JWT verifier\'s report, source left as it set it', async () => {
    const r = await verifyCredential('eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2ln');
    expect(ids(r)).toEqual(['jwt']);
    expect('source' in r).toBe(false);
  });

  it('a baked image: an OB 3.0 object (bounded), a baked JWT (source names the image), OB 2.0 / CLR refused, read errors', async () => {
    rec.extract = { kind: 'ob3', format: 'svg', credential: cred() };
    const r = await verifyCredential('<svg/>');
    expect(ids(r)).toEqual(FULL);
    expect(r.checks[0]!.message).toBe('JSON-LD credential baked in SVG');
    rec.extract = { kind: 'ob3', format: 'svg', credential: cred({ pad: 'x'.repeat(100) }) };
    expect(ids(await verifyCredential('<svg/>', { maxBytes: 50 }))).toEqual(['format:ERR_INPUT_TOO_LARGE']);
    rec.extract = { kind: 'ob3', format: 'png', credential: '  eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2ln \n' };
    const j = await verifyCredential(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0]));
    expect(calls('verifyJwtCredential')[0]![1]).toBe('eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2ln');
    expect(j.source).toEqual({ format: 'png', jwt: 'eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2ln' });
    rec.extract = { kind: 'ob2', format: 'png', credential: {} };
    expect((await verifyCredential('<svg/>')).checks).toEqual([{ id: 'format', status: 'failed', code: 'ERR_NOT_OB3_IMAGE', message: 'the image carries an Open Badges 2.0 assertion (png), not an OB 3.0 credential' }]);
    rec.extract = { kind: 'clr', format: 'svg', credential: {} };
    expect((await verifyCredential('<svg/>')).checks[0]!.message).toBe('the image carries an CLR (svg), not an OB 3.0 credential');
    rec.extract = { thrown: Object.assign(new Error('bad chunk'), { code: 'ERR_PNG_CRC' }) };
    expect((await verifyCredential('<svg/>')).checks).toEqual([{ id: 'format', status: 'failed', code: 'ERR_PNG_CRC', message: 'cannot read the badge image: "bad chunk"' }]);
    rec.extract = { thrown: null };
    expect((await verifyCredential('<svg/>')).checks).toEqual([{ id: 'format', status: 'failed', code: 'ERR_IMAGE_INVALID', message: 'cannot read the badge image: nothing' }]);
  });

  it('an exception is ERR_INTERNAL with its message (cut to 300), never a throw', async () => {
    rec.throwIn = 'checkSubject';
    expect((await verifyCredential(cred())).checks).toEqual([{ id: 'format', status: 'failed', code: 'ERR_INTERNAL', message: 'verification could not complete: "checkSubject exploded"' }]);
    rec.throwIn = 'createDocumentLoader';
    expect((await verifyCredential(cred())).checks).toEqual([{ id: 'format', status: 'failed', code: 'ERR_INTERNAL', message: 'verification could not complete: "createDocumentLoader exploded"' }]);
    rec.throwIn = 'checkContext';
    expect(ids(await verifyInput(cred(), ctxOf() as any))).toEqual(['format:ERR_INTERNAL']);
  });

  it('a thrown null (no message) is still ERR_INTERNAL', async () => {
    rec.throwValue = null;
    rec.throwIn = 'createDocumentLoader';
    expect((await verifyCredential(cred())).checks).toEqual([{ id: 'format', status: 'failed', code: 'ERR_INTERNAL', message: 'verification could not complete: nothing' }]);
    rec.throwIn = 'checkContext';
    expect((await verifyInput(cred(), ctxOf() as any)).checks).toEqual([{ id: 'format', status: 'failed', code: 'ERR_INTERNAL', message: 'verification could not complete: nothing' }]);
  });
});

describe('verifyHeld and innerContext', () => {
  it('a held credential is first held to the single-credential bounds', async () => {
    const big = cred({ pad: 'x'.repeat(200) });
    const r = await verifyHeld(big, ctxOf({ maxBytes: 100 }) as any);
    expect(ids(r)).toEqual(['format:ERR_INPUT_TOO_LARGE']);
    expect(r.credential).toBe(big);
    expect(ids(await verifyHeld(cred(), ctxOf() as any))).toEqual(FULL);
  });

  it('innerContext: a forked loader (own budget), no quad override; nested: one level deeper, no challenge/domain', () => {
    const ctx: Obj = { ...ctxOf({ challenge: 'c', domain: 'd', trustedIssuers: ['t'] }), maxQuads: 99, depth: 1 } as Obj;
    const flat = innerContext(ctx as any, false) as Obj;
    expect(flat.loader).toEqual({ fork: 64 });
    expect(flat.maxQuads).toBeUndefined();
    expect(flat.depth).toBe(1);
    expect(flat.opts).toBe(ctx.opts);
    const deep = innerContext(ctx as any, true) as Obj;
    expect(deep.loader).toEqual({ fork: 64 });
    expect(deep.maxQuads).toBeUndefined();
    expect(deep.depth).toBe(2);
    expect(deep.opts).toEqual({ ...ctx.opts, challenge: undefined, domain: undefined });
    expect(deep.opts.trustedIssuers).toEqual(['t']);
  });
});

// @ts-nocheck
// Issue 21 (mutation area `portfolio-verify`): the orchestration of verifyPortfolio (src/portfolio/verify-portfolio.ts)
// with its heavy collaborators replaced by recorders: the single-credential verification (verifyHeld / verifyParsed /
// createVerifyContext / innerContext), the presentation proofs and view, the context check. No signing, no JSON-LD:
// every report and every `view` is hand-made, so only the portfolio's own rules are under test.
//
// Rules, from verifyPortfolio's doc comment (src/portfolio/verify-portfolio.ts) and src/portfolio/types.ts:
// - "verified is true only if the envelope verified and every inner credential verified (and there is at least one)".
// - "credentials[i] for the i-th inner credential (the same index as unbundle), and a summary (total, how many
//   verified, which failed with their failed checks, and duplicates)".
// - "The holder must be the signing key's controller (ERR_HOLDER_MISMATCH)."
// - "Duplicates (same id or same proofValue) are reported as W_DUPLICATE_CREDENTIAL; same id with different content
//   fails the later copy (ERR_DUPLICATE_CONFLICT)."
// - "Never throws on untrusted input" (ERR_INTERNAL).
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Obj = Record<string, any>;
const rec = vi.hoisted(() => ({
  held: new Map<object, Obj>(),
  clrReport: undefined as Obj | undefined,
  context: { id: 'context', status: 'passed', message: 'ctx ok' } as Obj,
  vpView: undefined as Obj | undefined,
  proofs: { checks: [] as Obj[], controllers: [] as string[] },
  ctxCheck: undefined as Obj | undefined,
  clrThrows: undefined as unknown,
  calls: [] as Array<[string, ...unknown[]]>,
}));

vi.mock('../../src/verify/verify.js', () => ({
  createVerifyContext: vi.fn((opts: Obj) => {
    rec.calls.push(['createVerifyContext', opts]);
    if (rec.ctxCheck) return rec.ctxCheck;
    return { now: new Date(0), loader: 'L0', opts, depth: 0, forkLoader: (b: number) => ({ forked: b }), statusLists: new Map() };
  }),
  innerContext: vi.fn((ctx: Obj, nested: boolean) => ({ ...ctx, inner: nested })),
  verifyHeld: vi.fn(async (c: Obj, ctx: Obj) => {
    rec.calls.push(['verifyHeld', c, ctx]);
    if (c.boom !== undefined) throw c.boom;
    const r = rec.held.get(c);
    if (!r) throw new Error('no hand-made report');
    return r;
  }),
  verifyParsed: vi.fn(async (c: Obj, ctx: Obj) => {
    rec.calls.push(['verifyParsed', c, ctx]);
    if (rec.clrThrows !== undefined) throw rec.clrThrows;
    if (!rec.clrReport) throw new Error('clr exploded ' + 'x'.repeat(300));
    return rec.clrReport;
  }),
}));
vi.mock('../../src/verify/checks/context.js', () => ({
  checkContext: vi.fn(async (d: Obj, ctx: Obj) => {
    rec.calls.push(['checkContext', d, ctx]);
    return rec.context;
  }),
}));
vi.mock('../../src/verify/checks/presentation-proof.js', () => ({
  presentationView: vi.fn(async (vp: Obj, ctx: Obj) => {
    rec.calls.push(['presentationView', vp, ctx]);
    return rec.vpView;
  }),
  checkPresentationProofs: vi.fn(async (vp: Obj, ctx: Obj, o: Obj) => {
    rec.calls.push(['checkPresentationProofs', vp, ctx, o]);
    return rec.proofs;
  }),
}));

import { verifyPortfolio } from '../../src/portfolio/verify-portfolio.js';

const VC2 = 'https://www.w3.org/ns/credentials/v2';
const passed = (id: string, message = `${id} ok`): Obj => ({ id, status: 'passed', message });
const failedCheck = (id: string, code: string): Obj => ({ id, status: 'failed', code, message: `${id} failed` });

/** A hand-made inner credential (fake proof) and its hand-made report with a `view` of the given subject / id. */
function inner(name: string, opts: { subject?: unknown; id?: string; pv?: string; verified?: boolean; extra?: Obj; viewless?: boolean } = {}): Obj {
  const c: Obj = { '@context': [VC2], type: ['VerifiableCredential'], name, proof: { proofValue: opts.pv ?? `z${name}` }, ...(opts.extra ?? {}) };
  const verified = opts.verified ?? true;
  const checks = verified ? [passed('proof')] : [passed('context'), failedCheck('proof', 'ERR_SIGNATURE_INVALID')];
  const r: Obj = { verified, checks, warnings: [] };
  if (!opts.viewless) {
    const subject = opts.subject === undefined ? { id: 'did:example:learner' } : opts.subject;
    r.view = { document: { credentialSubject: subject }, vcVersion: 2, types: ['VerifiableCredential'], credentialSubject: [subject], ...(opts.id !== undefined ? { id: opts.id } : {}) };
  }
  rec.held.set(c, r);
  return c;
}

function vp(creds: unknown[], extra: Obj = {}): Obj {
  return { '@context': [VC2], type: ['VerifiablePresentation'], verifiableCredential: creds, ...extra };
}
function clr(creds: unknown[], subject: Obj = {}): Obj {
  return { '@context': [VC2], type: ['VerifiableCredential', 'ClrCredential'], credentialSubject: { type: ['ClrSubject'], verifiableCredential: creds, ...subject } };
}
/** A hand-made presentation view with this holder (as the signed data says it). */
function holderView(holder: unknown): Obj {
  return { view: { document: { holder }, types: ['VerifiablePresentation'], credentialSubject: [] }, expanded: ['EXPANDED'] };
}
/** A hand-made CLR report: its checks, and a view whose credentialSubject is `subject`. */
function clrReport(subject: unknown, checks: Obj[] = [passed('proof')]): Obj {
  return { verified: !checks.some((c) => c.status === 'failed'), checks, warnings: [], view: { document: { credentialSubject: subject }, id: 'urn:clr', types: ['ClrCredential'], credentialSubject: [subject] } };
}
const calls = (name: string) => rec.calls.filter((c) => c[0] === name);
const codes = (checks: Obj[]) => checks.map((c) => c.code ?? `${c.id}:${c.status}`);

beforeEach(() => {
  rec.held.clear();
  rec.clrReport = undefined;
  rec.context = passed('context');
  rec.vpView = undefined;
  rec.proofs = { checks: [passed('proof', 'signed')], controllers: [] };
  rec.ctxCheck = undefined;
  rec.clrThrows = undefined;
  rec.calls = [];
});

describe('verifyPortfolio: refusals before any verification (failed-only reports)', () => {
  const empty = { total: 0, verified: 0, failed: [], duplicates: [] };

  it('an unusable option set (createVerifyContext gives a check) is the only check', async () => {
    rec.ctxCheck = failedCheck('options', 'ERR_INVALID_OPTIONS');
    const r = await verifyPortfolio(vp([]), { now: 'garbage' } as any);
    expect(r).toEqual({ verified: false, kind: 'unknown', envelope: { verified: false, checks: [rec.ctxCheck], warnings: [] }, credentials: [], summary: empty });
  });

  it('options null are read as {}', async () => {
    const c = inner('a');
    rec.vpView = holderView(undefined);
    const r = await verifyPortfolio(vp([c]), null as any);
    expect(calls('createVerifyContext')[0]![1]).toEqual({});
    expect(r.kind).toBe('presentation');
  });

  it('no input: ERR_INPUT_EMPTY from the parser', async () => {
    const r = await verifyPortfolio(undefined);
    expect(r.verified).toBe(false);
    expect(r.kind).toBe('unknown');
    expect(codes(r.envelope.checks)).toEqual(['ERR_INPUT_EMPTY']);
    expect(r.summary).toEqual(empty);
  });

  it('a VC-JWT is no portfolio (ERR_NOT_PORTFOLIO)', async () => {
    const r = await verifyPortfolio('eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJ4In0.c2ln');
    expect(r.envelope.checks).toEqual([{ id: 'format', status: 'failed', code: 'ERR_NOT_PORTFOLIO', message: 'a portfolio is a JSON ClrCredential or VerifiablePresentation' }]);
    expect(r.kind).toBe('unknown');
  });

  it('a JSON document of another type is no portfolio, and says its type', async () => {
    const r = await verifyPortfolio({ '@context': [VC2], type: ['VerifiableCredential', 'OpenBadgeCredential'] });
    expect(r.envelope.checks).toEqual([
      { id: 'format', status: 'failed', code: 'ERR_NOT_PORTFOLIO', message: 'not a portfolio: type ["VerifiableCredential","OpenBadgeCredential"] is neither ClrCredential nor VerifiablePresentation' },
    ]);
    expect(calls('verifyHeld')).toHaveLength(0);
  });

  it('more inner credentials than maxCredentials: ERR_PORTFOLIO_TOO_LARGE, with the kind, nothing verified', async () => {
    const r = await verifyPortfolio(vp([inner('a'), inner('b'), inner('c')]), { maxCredentials: 2 });
    expect(r).toEqual({
      verified: false,
      kind: 'presentation',
      envelope: { verified: false, warnings: [], checks: [{ id: 'format', status: 'failed', code: 'ERR_PORTFOLIO_TOO_LARGE', message: 'the portfolio holds 3 credentials; the limit is 2 (option maxCredentials)' }] },
      credentials: [],
      summary: empty,
    });
    expect(calls('verifyHeld')).toHaveLength(0);
  });

  it('exactly maxCredentials is within the bound', async () => {
    rec.vpView = holderView(undefined);
    const r = await verifyPortfolio(vp([inner('a'), inner('b')]), { maxCredentials: 2 });
    expect(r.summary.total).toBe(2);
    expect(calls('verifyHeld')).toHaveLength(2);
  });

  it('the default bound is 1,000 inner credentials', async () => {
    const many = Array.from({ length: 1001 }, () => 1);
    const r = await verifyPortfolio(vp(many));
    expect(r.envelope.checks[0]).toMatchObject({ code: 'ERR_PORTFOLIO_TOO_LARGE', message: 'the portfolio holds 1001 credentials; the limit is 1000 (option maxCredentials)' });
    const ok = await verifyPortfolio(vp(many.slice(1)));
    expect(ok.summary.total).toBe(1000);
    expect(ok.envelope.checks.map((c) => c.code).includes('ERR_PORTFOLIO_TOO_LARGE')).toBe(false);
  });

  it('options.maxBytes bounds the input (ERR_INPUT_TOO_LARGE)', async () => {
    const text = JSON.stringify(vp([]));
    const r = await verifyPortfolio(text, { maxBytes: 20 });
    expect(r.envelope.checks).toEqual([{ id: 'format', status: 'failed', code: 'ERR_INPUT_TOO_LARGE', message: `input is ${text.length} characters; the limit is 20` }]);
  });

  it('a thrown null (no message) is still ERR_INTERNAL, never a throw', async () => {
    rec.clrThrows = null;
    const r = await verifyPortfolio(clr([inner('a')]));
    expect(r.envelope.checks).toEqual([{ id: 'format', status: 'failed', code: 'ERR_INTERNAL', message: 'verification could not complete: nothing' }]);
  });

  it('a CLR too large says kind clr', async () => {
    const r = await verifyPortfolio(clr([inner('a'), inner('b')]), { maxCredentials: 1 });
    expect(r.kind).toBe('clr');
    expect(codes(r.envelope.checks)).toEqual(['ERR_PORTFOLIO_TOO_LARGE']);
  });

  it('an exception anywhere becomes ERR_INTERNAL with the message cut to 200 characters', async () => {
    const r = await verifyPortfolio(clr([inner('a')])); // rec.clrReport unset: verifyParsed throws
    expect(r.verified).toBe(false);
    expect(r.kind).toBe('unknown');
    expect(r.credentials).toEqual([]);
    expect(r.envelope.checks).toEqual([{ id: 'format', status: 'failed', code: 'ERR_INTERNAL', message: `verification could not complete: "clr exploded ${'x'.repeat(187)}…"` }]);
  });
});

describe('verifyPortfolio: the inner credentials, one by one', () => {
  it('each object is verified by verifyHeld in an inner (nested) context over the shared cache, in order', async () => {
    const a = inner('a');
    const b = inner('b');
    rec.vpView = holderView(undefined);
    const r = await verifyPortfolio(vp([a, b]), { challenge: 'c1' });
    const held = calls('verifyHeld');
    expect(held.map((c) => c[1])).toEqual([a, b]);
    const ctx = held[0]![2] as Obj;
    expect(ctx.inner).toBe(true);
    expect(ctx.loader).toBe('L0'); // the shared context's loader (innerContext forks its own budget)
    expect(ctx.expansions).toBeInstanceOf(Map);
    expect(held[1]![2]).not.toBe(ctx);
    expect((held[1]![2] as Obj).expansions).toBe(ctx.expansions); // one map for the call
    expect(r.credentials).toEqual([rec.held.get(a), rec.held.get(b)]);
  });

  it('entries that are not objects fail with ERR_INPUT_NOT_OBJECT (and say what they are); they are not verified', async () => {
    rec.vpView = holderView(undefined);
    const r = await verifyPortfolio(vp([[1], 7, null, 'eyJ.x.y'] as unknown[]));
    expect(r.credentials.map((c) => c.checks)).toEqual([
      [{ id: 'format', status: 'failed', code: 'ERR_INPUT_NOT_OBJECT', message: 'inner credential is a array, not a credential object' }],
      [{ id: 'format', status: 'failed', code: 'ERR_INPUT_NOT_OBJECT', message: 'inner credential is a number, not a credential object' }],
      [{ id: 'format', status: 'failed', code: 'ERR_INPUT_NOT_OBJECT', message: 'inner credential is a object, not a credential object' }],
      [{ id: 'format', status: 'failed', code: 'ERR_INPUT_NOT_OBJECT', message: 'inner credential is a string, not a credential object' }],
    ]);
    expect(r.credentials.map((c) => c.verified)).toEqual([false, false, false, false]);
    expect(calls('verifyHeld')).toHaveLength(0);
    expect(r.summary.failed.map((f) => f.index)).toEqual([0, 1, 2, 3]);
  });

  it('a verification that throws fails that credential only (ERR_INTERNAL, credential kept, message cut to 200)', async () => {
    const good = inner('good');
    const bad = { type: ['VerifiableCredential'], boom: new Error('y'.repeat(250)) };
    const odd = { type: ['VerifiableCredential'], boom: 'not an error' };
    rec.vpView = holderView(undefined);
    const r = await verifyPortfolio(vp([bad, good, odd]));
    expect(r.credentials[0]).toEqual({
      verified: false,
      checks: [{ id: 'format', status: 'failed', code: 'ERR_INTERNAL', message: `verification could not complete: "${'y'.repeat(200)}…"` }],
      warnings: [],
      credential: bad,
    });
    expect(r.credentials[1]).toBe(rec.held.get(good));
    expect(r.credentials[2]!.checks[0]!.message).toBe('verification could not complete: nothing');
    expect(r.summary).toMatchObject({ total: 3, verified: 1 });
  });

  it('a credential whose verification throws null fails alone (ERR_INTERNAL), the others are kept', async () => {
    const good = inner('good');
    const bad = { type: ['VerifiableCredential'], boom: null };
    rec.vpView = holderView(undefined);
    const r = await verifyPortfolio(vp([bad, good]));
    expect(r.credentials[0]!.checks).toEqual([{ id: 'format', status: 'failed', code: 'ERR_INTERNAL', message: 'verification could not complete: nothing' }]);
    expect(r.credentials[1]).toBe(rec.held.get(good));
  });
});

describe('verifyPortfolio: options.learner (read from each credential\'s signed data)', () => {
  it('a credential of another learner fails with ERR_OTHER_LEARNER; the learner\'s own stay verified', async () => {
    const mine = inner('mine', { subject: { id: 'did:example:anh' } });
    const theirs = inner('theirs', { subject: { id: 'did:example:bo' } });
    const noView = inner('noview', { viewless: true });
    rec.vpView = holderView(undefined);
    const r = await verifyPortfolio(vp([mine, theirs, noView]), { learner: 'did:example:anh' });
    expect(r.credentials[0]!.verified).toBe(true);
    expect(codes(r.credentials[0]!.checks)).toEqual(['proof:passed']);
    expect(r.credentials[1]!.verified).toBe(false);
    expect(r.credentials[1]!.checks.at(-1)).toEqual({ id: 'learner', status: 'failed', code: 'ERR_OTHER_LEARNER', message: 'not awarded to did:example:anh' });
    expect(r.credentials[2]!.checks.at(-1)).toMatchObject({ code: 'ERR_OTHER_LEARNER' });
    expect(r.verified).toBe(false);
  });

  it('without options.learner nobody is refused', async () => {
    const theirs = inner('theirs', { subject: { id: 'did:example:bo' } });
    rec.vpView = holderView(undefined);
    const r = await verifyPortfolio(vp([theirs]));
    expect(codes(r.credentials[0]!.checks)).toEqual(['proof:passed']);
  });
});

describe('verifyPortfolio: the presentation envelope', () => {
  it('checks in order: format, context, type, the proofs, the view\'s check, the holder; the report carries the view', async () => {
    rec.vpView = holderView('did:example:learner');
    rec.proofs = { checks: [passed('proof', 'p1'), passed('presentation', 'challenge')], controllers: ['did:example:learner'] };
    const doc = vp([inner('a')], { holder: 'ignored: the view is read' });
    const r = await verifyPortfolio(doc, { challenge: 'c1', domain: 'd.example' });
    expect(r.envelope.checks).toEqual([
      { id: 'format', status: 'passed', message: 'Verifiable Presentation' },
      passed('context'),
      { id: 'type', status: 'passed', message: 'VerifiablePresentation' },
      passed('proof', 'p1'),
      passed('presentation', 'challenge'),
      { id: 'holder', status: 'passed', message: 'signed by the holder did:example:learner' },
    ]);
    expect(r.envelope.credential).toBe(doc);
    expect(r.envelope.source).toEqual({ format: 'json' });
    expect(r.envelope.view).toBe(rec.vpView!.view);
    expect(r.verified).toBe(true);
    expect(r.kind).toBe('presentation');
    const [, pvDoc, pctx, o] = calls('checkPresentationProofs')[0]! as [string, Obj, Obj, Obj];
    expect(pvDoc).toBe(doc);
    expect(o).toEqual({
      challenge: 'c1',
      domain: 'd.example',
      contextUsable: true,
      unsigned: { id: 'proof', status: 'failed', code: 'ERR_PROOF_MISSING', message: 'the presentation is not signed: nothing binds it to a holder' },
      claimsExpanded: ['EXPANDED'],
    });
    // the envelope's context: its own document budget scaled by (credentials + 1), quads scaled the same way
    expect(pctx.loader).toEqual({ forked: 64 * 2 });
    expect(pctx.maxQuads).toBe(5000 * 2);
    expect(pctx.expansions).toBe((calls('verifyHeld')[0]![2] as Obj).expansions);
    expect(calls('presentationView')[0]![2]).toBe(pctx);
    expect(calls('checkContext')[0]![2]).toBe(pctx);
  });

  it('the envelope budget follows options.maxDocuments and options.limits.maxQuads', async () => {
    rec.vpView = holderView(undefined);
    await verifyPortfolio(vp([inner('a'), inner('b'), inner('c')]), { maxDocuments: 5, limits: { maxQuads: 100 } });
    const pctx = calls('checkContext')[0]![2] as Obj;
    expect(pctx.loader).toEqual({ forked: 20 });
    expect(pctx.maxQuads).toBe(400);
  });

  it('a failed context: no view is built, the proofs are told the context is unusable, the holder is missing', async () => {
    rec.context = failedCheck('context', 'ERR_CONTEXT');
    rec.vpView = holderView('did:example:learner');
    const r = await verifyPortfolio(vp([inner('a')], { holder: 'did:example:learner' }));
    expect(calls('presentationView')).toHaveLength(0);
    const o = calls('checkPresentationProofs')[0]![3] as Obj;
    expect(o.contextUsable).toBe(false);
    expect('claimsExpanded' in o).toBe(false);
    expect(r.envelope.checks.at(-1)).toEqual({ id: 'holder', status: 'warning', code: 'W_HOLDER_MISSING', message: 'the presentation names no holder' });
    expect(r.envelope.view).toBeUndefined();
    expect(r.verified).toBe(false);
  });

  it('a view that could not be built: its check is reported after the proofs, no claims expansion, holder missing', async () => {
    rec.vpView = { check: failedCheck('context', 'ERR_JSONLD') };
    rec.proofs = { checks: [passed('proof', 'p1')], controllers: ['did:example:learner'] };
    const r = await verifyPortfolio(vp([inner('a')], { holder: 'did:example:learner' }));
    expect(codes(r.envelope.checks)).toEqual(['format:passed', 'context:passed', 'type:passed', 'proof:passed', 'ERR_JSONLD', 'W_HOLDER_MISSING']);
    expect('claimsExpanded' in (calls('checkPresentationProofs')[0]![3] as Obj)).toBe(false);
    expect('view' in r.envelope).toBe(false);
  });

  it('a holder but no verified proof: SKIP_NO_VERIFIED_PROOF (and a holder in a node is read by its id)', async () => {
    rec.vpView = holderView({ id: 'did:example:h' });
    rec.proofs = { checks: [failedCheck('proof', 'ERR_SIGNATURE_INVALID')], controllers: [] };
    const r = await verifyPortfolio(vp([inner('a')]));
    expect(r.envelope.checks.at(-1)).toEqual({ id: 'holder', status: 'skipped', code: 'SKIP_NO_VERIFIED_PROOF', message: 'no verified proof to compare the holder did:example:h with' });
  });

  it('a holder who did not sign: ERR_HOLDER_MISMATCH naming each signer once', async () => {
    rec.vpView = holderView('did:example:h');
    rec.proofs = { checks: [passed('proof')], controllers: ['did:example:x', 'did:example:y', 'did:example:x'] };
    const r = await verifyPortfolio(vp([inner('a')]));
    expect(r.envelope.checks.at(-1)).toEqual({
      id: 'holder',
      status: 'failed',
      code: 'ERR_HOLDER_MISMATCH',
      message: 'holder did:example:h did not sign the presentation (signed by did:example:x, did:example:y)',
    });
    expect(r.envelope.verified).toBe(false);
    expect(r.verified).toBe(false);
  });

  it('the holder among several signers passes', async () => {
    rec.vpView = holderView('did:example:h');
    rec.proofs = { checks: [passed('proof')], controllers: ['did:example:x', 'did:example:h'] };
    const r = await verifyPortfolio(vp([inner('a', { subject: { id: 'did:example:h' } })]));
    expect(r.envelope.checks.at(-1)).toEqual({ id: 'holder', status: 'passed', message: 'signed by the holder did:example:h' });
    expect(r.verified).toBe(true);
  });

  it('credentials about another subject than the holder: W_SUBJECT_NOT_HOLDER with their indexes', async () => {
    rec.vpView = holderView('did:example:h');
    rec.proofs = { checks: [passed('proof')], controllers: ['did:example:h'] };
    const creds = [
      inner('0', { subject: { id: 'did:example:h' } }),
      inner('1', { subject: [{ id: 'did:example:h' }, { id: 'did:example:other' }] }),
      inner('2', { subject: { name: 'no id' } }),
      inner('3', { subject: { id: 42 } }),
      inner('4', { subject: 'did:example:other' }),
      inner('5', { subject: { id: 'did:example:z' } }),
      inner('6', { subject: [null, { id: 'did:example:h' }] }),
    ];
    const r = await verifyPortfolio(vp(creds));
    expect(r.envelope.checks.slice(-2)).toEqual([
      { id: 'holder', status: 'passed', message: 'signed by the holder did:example:h' },
      { id: 'holder', status: 'warning', code: 'W_SUBJECT_NOT_HOLDER', message: 'credential(s) 1, 5 are about another subject than the holder did:example:h' },
    ]);
    expect(r.envelope.warnings).toEqual([r.envelope.checks.at(-1)]);
    expect(r.envelope.verified).toBe(true);
  });
});

describe('verifyPortfolio: the CLR envelope', () => {
  const ach = (id: string) => ({ id, type: ['Achievement'] });

  it('the CLR is verified as a credential (verifyParsed in the envelope context), then its structure; one passed check when sound', async () => {
    const a = inner('a', { extra: {} });
    rec.held.get(a)!.view.document.credentialSubject = { id: 'did:example:learner', achievement: ach('urn:a') };
    const doc = clr([a], { id: 'did:example:learner', achievement: [ach('urn:top')], association: [{ associationType: 'isChildOf', sourceId: 'urn:a', targetId: 'urn:top' }] });
    rec.clrReport = clrReport({ type: ['ClrSubject'], id: 'did:example:learner', achievement: [ach('urn:top')], association: [{ associationType: 'isChildOf', sourceId: 'urn:a', targetId: 'urn:top' }] });
    const r = await verifyPortfolio(doc);
    const [, parsedDoc, pctx] = calls('verifyParsed')[0]! as [string, Obj, Obj];
    expect(parsedDoc).toBe(doc);
    expect(pctx.loader).toEqual({ forked: 128 });
    expect(pctx.maxQuads).toBe(10000);
    expect(r.envelope.checks).toEqual([passed('proof'), { id: 'portfolio', status: 'passed', message: 'CLR with 1 credential(s)' }]);
    expect(r.envelope.credential).toBe(doc);
    expect(r.envelope.source).toEqual({ format: 'json' });
    expect(r.envelope.view).toBe(rec.clrReport.view);
    expect(r.kind).toBe('clr');
    expect(r.verified).toBe(true);
    expect(calls('checkPresentationProofs')).toHaveLength(0);
  });

  it('the structure is read from the signed data (the view), not from the document as sent', async () => {
    const a = inner('a');
    rec.clrReport = clrReport({ id: 'did:example:learner' }); // the view has no ClrSubject type
    const r = await verifyPortfolio(clr([a]));
    expect(r.envelope.checks.slice(1)).toEqual([{ id: 'portfolio', status: 'warning', code: 'W_CLR_SUBJECT_TYPE', message: 'credentialSubject of a ClrCredential should have type ClrSubject' }]);
    expect(r.envelope.verified).toBe(true);
  });

  it('no view at all: W_CLR_SUBJECT_TYPE (and no view on the report)', async () => {
    rec.clrReport = { verified: false, checks: [failedCheck('context', 'ERR_JSONLD')], warnings: [] };
    const r = await verifyPortfolio(clr([inner('a')]));
    expect(codes(r.envelope.checks)).toEqual(['ERR_JSONLD', 'W_CLR_SUBJECT_TYPE']);
    expect('view' in r.envelope).toBe(false);
    expect(r.verified).toBe(false);
  });

  it('an empty CLR: W_PORTFOLIO_EMPTY, and the portfolio does not verify (at least one credential)', async () => {
    rec.clrReport = clrReport({ type: 'ClrSubject' });
    const r = await verifyPortfolio(clr([]));
    expect(r.envelope.checks.slice(1)).toEqual([{ id: 'portfolio', status: 'warning', code: 'W_PORTFOLIO_EMPTY', message: 'the CLR holds no verifiableCredential' }]);
    expect(r.envelope.verified).toBe(true);
    expect(r.verified).toBe(false);
    expect(r.summary).toEqual({ total: 0, verified: 0, failed: [], duplicates: [] });
  });

  it('associations: an unknown type (W_ASSOCIATION_TYPE), ends that are no achievement of the CLR (W_ASSOCIATION_DANGLING)', async () => {
    const a = inner('a');
    rec.held.get(a)!.view.document.credentialSubject = [{ achievement: [ach('urn:a'), 'urn:not-a-node'] }, 'x', { achievement: { name: 'no id' } }];
    rec.clrReport = clrReport({
      type: ['ClrSubject'],
      achievement: [ach('urn:top'), { name: 'no id' }],
      association: [
        { associationType: 'isParentOf', sourceId: 'urn:top', targetId: 'urn:a' },
        { associationType: 'isCousinOf', sourceId: 'urn:a', targetId: 'urn:nowhere' },
        null,
        { associationType: 'precedes', sourceId: 'urn:not-a-node', targetId: 'urn:top' },
      ],
    });
    const r = await verifyPortfolio(clr([a]));
    expect(r.envelope.checks.slice(1)).toEqual([
      { id: 'portfolio', status: 'warning', code: 'W_ASSOCIATION_TYPE', message: 'association[1] has an unknown associationType "isCousinOf"' },
      { id: 'portfolio', status: 'warning', code: 'W_ASSOCIATION_DANGLING', message: 'association[1].targetId "urn:nowhere" is not an achievement of this CLR' },
      { id: 'portfolio', status: 'warning', code: 'W_ASSOCIATION_TYPE', message: 'association[2] has an unknown associationType undefined' },
      { id: 'portfolio', status: 'warning', code: 'W_ASSOCIATION_DANGLING', message: 'association[2].sourceId undefined is not an achievement of this CLR' },
      { id: 'portfolio', status: 'warning', code: 'W_ASSOCIATION_DANGLING', message: 'association[2].targetId undefined is not an achievement of this CLR' },
      { id: 'portfolio', status: 'warning', code: 'W_ASSOCIATION_DANGLING', message: 'association[3].sourceId "urn:not-a-node" is not an achievement of this CLR' },
    ]);
  });

  it('every association type of CLR 2.0 is known', async () => {
    const types = ['exactMatchOf', 'isChildOf', 'isParentOf', 'isPartOf', 'isPeerOf', 'isRelatedTo', 'precedes', 'replacedBy'];
    rec.clrReport = clrReport({ type: ['ClrSubject'], achievement: [ach('urn:x'), ach('urn:y')], association: types.map((t) => ({ associationType: t, sourceId: 'urn:x', targetId: 'urn:y' })) });
    const r = await verifyPortfolio(clr([inner('a')]));
    expect(codes(r.envelope.checks.slice(1))).toEqual(['portfolio:passed']);
  });

  it('inner credentials about another subject than the CLR\'s learner: W_SUBJECT_MISMATCH with their indexes', async () => {
    const creds = [
      inner('0', { subject: { id: 'did:example:learner' } }),
      inner('1', { subject: { id: 'did:example:other' } }),
      inner('2', { subject: { id: 7 } }),
      inner('3', { viewless: true }),
      inner('4', { subject: [{ id: 'did:example:learner' }, { id: 'did:example:z' }] }),
    ];
    rec.clrReport = clrReport({ type: ['ClrSubject'], id: 'did:example:learner' });
    const r = await verifyPortfolio(clr(creds));
    expect(r.envelope.checks.slice(1)).toEqual([
      { id: 'portfolio', status: 'warning', code: 'W_SUBJECT_MISMATCH', message: 'credential(s) 1, 4 are about another subject than the learner did:example:learner' },
    ]);
  });

  it('a CLR subject without a string id: no subject comparison', async () => {
    rec.clrReport = clrReport({ type: ['ClrSubject'], id: { nested: true } });
    const r = await verifyPortfolio(clr([inner('1', { subject: { id: 'did:example:other' } })]));
    expect(codes(r.envelope.checks.slice(1))).toEqual(['portfolio:passed']);
  });

  it('options.learner: a CLR about someone else fails the envelope (ERR_OTHER_LEARNER)', async () => {
    rec.clrReport = clrReport({ type: ['ClrSubject'], id: 'did:example:bo' });
    const mine = inner('mine', { subject: { id: 'did:example:anh' } });
    const r = await verifyPortfolio(clr([mine]), { learner: 'did:example:anh' });
    expect(r.envelope.checks.at(-1)).toEqual({ id: 'learner', status: 'failed', code: 'ERR_OTHER_LEARNER', message: 'the CLR is not about did:example:anh' });
    expect(r.envelope.verified).toBe(false);
    expect(r.credentials[0]!.verified).toBe(true);
    expect(r.verified).toBe(false);
    rec.clrReport = clrReport({ type: ['ClrSubject'], id: 'did:example:anh' });
    const ok = await verifyPortfolio(clr([mine]), { learner: 'did:example:anh' });
    expect(codes(ok.envelope.checks.slice(1))).toEqual(['portfolio:passed']);
    expect(ok.verified).toBe(true);
  });

  it('a challenge or a domain asked of a CLR: W_CHALLENGE_NOT_APPLICABLE (a credential proves no freshness)', async () => {
    const w = { id: 'presentation', status: 'warning', code: 'W_CHALLENGE_NOT_APPLICABLE', message: 'a CLR credential has no challenge/domain: freshness is not proven (ask for a presentation)' };
    for (const opts of [{ challenge: 'c' }, { domain: 'd.example' }, { challenge: '', domain: '' }]) {
      rec.clrReport = clrReport({ type: ['ClrSubject'] });
      const r = await verifyPortfolio(clr([inner('a')]), opts);
      expect(r.envelope.checks.slice(1)).toEqual([w]);
    }
  });
});

describe('verifyPortfolio: duplicates (identity from the signed data)', () => {
  it('same id (from the view), identical content: W_DUPLICATE_CREDENTIAL on the later copy only; still verified', async () => {
    const a = inner('a', { id: 'urn:c:1', pv: 'zA' });
    const b = inner('a', { id: 'urn:c:1', pv: 'zA' }); // same content as a
    rec.vpView = holderView(undefined);
    const r = await verifyPortfolio(vp([a, b]));
    expect(r.summary.duplicates).toEqual([{ code: 'W_DUPLICATE_CREDENTIAL', by: 'id', key: 'urn:c:1', indexes: [0, 1], identical: true }]);
    const w = { id: 'duplicate', status: 'warning', code: 'W_DUPLICATE_CREDENTIAL', message: 'same id as credential 0' };
    expect(r.credentials[0]!.checks).toEqual([passed('proof')]);
    expect(r.credentials[1]!.checks).toEqual([passed('proof'), w]);
    expect(r.credentials[1]!.warnings).toEqual([w]);
    expect(r.credentials[1]!.verified).toBe(true);
  });

  it('same id, different content: the later copies fail with ERR_DUPLICATE_CONFLICT', async () => {
    const a = inner('a', { id: 'urn:c:1', pv: 'zA' });
    const b = inner('b', { id: 'urn:c:1', pv: 'zB' });
    const c = inner('c', { id: 'urn:c:1', pv: 'zC' });
    rec.vpView = holderView(undefined);
    const r = await verifyPortfolio(vp([a, b, c]));
    expect(r.summary.duplicates).toEqual([{ code: 'ERR_DUPLICATE_CONFLICT', by: 'id', key: 'urn:c:1', indexes: [0, 1, 2], identical: false }]);
    expect(r.credentials[0]!.verified).toBe(true);
    for (const i of [1, 2]) {
      expect(r.credentials[i]!.checks.slice(1)).toEqual([
        { id: 'duplicate', status: 'warning', code: 'W_DUPLICATE_CREDENTIAL', message: 'same id as credential 0, but different content' },
        { id: 'duplicate', status: 'failed', code: 'ERR_DUPLICATE_CONFLICT', message: 'same id as credential 0 but different content: one of them was altered or re-issued' },
      ]);
      expect(r.credentials[i]!.verified).toBe(false);
    }
    expect(r.summary.failed.map((f) => [f.index, f.id])).toEqual([[1, 'urn:c:1'], [2, 'urn:c:1']]);
    expect(r.verified).toBe(false);
  });

  it('identical content regardless of key order', async () => {
    const a = inner('a', { id: 'urn:c:1' });
    const b: Obj = {};
    for (const k of Object.keys(a).reverse()) b[k] = a[k];
    rec.held.set(b, { ...rec.held.get(a)!, checks: [passed('proof')], warnings: [] });
    rec.vpView = holderView(undefined);
    const r = await verifyPortfolio(vp([a, b]));
    expect(r.summary.duplicates).toEqual([{ code: 'W_DUPLICATE_CREDENTIAL', by: 'id', key: 'urn:c:1', indexes: [0, 1], identical: true }]);
  });

  it('the id of the document as sent does not count: a respelled id is matched through the view', async () => {
    const a = inner('a', { id: 'urn:c:1', extra: { id: 'urn:sent:1' } });
    const b = inner('b', { id: 'urn:c:2', extra: { id: 'urn:sent:1' } });
    rec.vpView = holderView(undefined);
    const r = await verifyPortfolio(vp([a, b]));
    expect(r.summary.duplicates).toEqual([]);
  });

  it('same proofValue, no id: reported by proofValue (each proofValue of a credential counted once)', async () => {
    const a = inner('a', { extra: { proof: [{ proofValue: 'zSame' }, { proofValue: 'zSame' }] } });
    const b = inner('b', { extra: { proof: { proofValue: 'zSame' } } });
    rec.vpView = holderView(undefined);
    const r = await verifyPortfolio(vp([a, b]));
    expect(r.summary.duplicates).toEqual([{ code: 'ERR_DUPLICATE_CONFLICT', by: 'proofValue', key: 'zSame', indexes: [0, 1], identical: false }]);
    expect(r.credentials[1]!.checks.slice(1).map((c) => c.message)).toEqual([
      'same proofValue as credential 0, but different content',
      'same proofValue as credential 0 but different content: one of them was altered or re-issued',
    ]);
  });

  it('same id and same proofValue over the same credentials: reported once, by id', async () => {
    const a = inner('a', { id: 'urn:c:1', pv: 'zSame' });
    const b = inner('a', { id: 'urn:c:1', pv: 'zSame' });
    rec.vpView = holderView(undefined);
    const r = await verifyPortfolio(vp([a, b]));
    expect(r.summary.duplicates).toEqual([{ code: 'W_DUPLICATE_CREDENTIAL', by: 'id', key: 'urn:c:1', indexes: [0, 1], identical: true }]);
    expect(r.credentials[1]!.warnings).toHaveLength(1);
  });

  it('a proofValue shared by other credentials than an id group is still reported', async () => {
    const a = inner('a', { id: 'urn:c:1', pv: 'zP' });
    const b = inner('a', { id: 'urn:c:1', pv: 'zQ' });
    const c = inner('c', { id: 'urn:c:3', pv: 'zP' });
    rec.vpView = holderView(undefined);
    const r = await verifyPortfolio(vp([a, b, c]));
    expect(r.summary.duplicates.map((d) => [d.by, d.key, d.indexes])).toEqual([
      ['id', 'urn:c:1', [0, 1]],
      ['proofValue', 'zP', [0, 2]],
    ]);
  });

  it('groups are told apart by their exact indexes ([1, 23] by id is not [1, 2, 3] by proofValue)', async () => {
    const creds: unknown[] = Array.from({ length: 24 }, (_, i) => i);
    creds[1] = inner('one', { id: 'urn:c:x', pv: 'zP' });
    creds[23] = inner('one', { id: 'urn:c:x', pv: 'zQ' });
    creds[2] = inner('two', { pv: 'zP' });
    creds[3] = inner('three', { pv: 'zP' });
    rec.vpView = holderView(undefined);
    const r = await verifyPortfolio(vp(creds));
    expect(r.summary.duplicates.map((d) => [d.by, d.key, d.indexes])).toEqual([
      ['id', 'urn:c:x', [1, 23]],
      ['proofValue', 'zP', [1, 2, 3]],
    ]);
  });

  it('a non-object entry gets no duplicate checks (no report view, but still an index)', async () => {
    const a = inner('a', { pv: 'zSame' });
    rec.vpView = holderView(undefined);
    const r = await verifyPortfolio(vp([a, 5, a]));
    expect(r.summary.duplicates).toEqual([{ code: 'W_DUPLICATE_CREDENTIAL', by: 'proofValue', key: 'zSame', indexes: [0, 2], identical: true }]);
    expect(r.credentials[1]!.checks).toHaveLength(1);
  });
});

describe('verifyPortfolio: summary and the verdict', () => {
  it('summary: total, verified, failed (index, id from the view when known, the failed checks)', async () => {
    const a = inner('a', { id: 'urn:c:a' });
    const b = inner('b', { id: 'urn:c:b', verified: false });
    const c = inner('c', { verified: false, viewless: true });
    rec.vpView = holderView(undefined);
    const r = await verifyPortfolio(vp([a, b, c]));
    expect(r.summary).toEqual({
      total: 3,
      verified: 1,
      failed: [
        { index: 1, id: 'urn:c:b', reasons: [failedCheck('proof', 'ERR_SIGNATURE_INVALID')] },
        { index: 2, reasons: [failedCheck('proof', 'ERR_SIGNATURE_INVALID')] },
      ],
      duplicates: [],
    });
    expect('id' in r.summary.failed[1]!).toBe(false);
    expect(r.verified).toBe(false);
    expect(r.envelope.verified).toBe(true);
  });

  it('verified only when the envelope verified and every credential verified', async () => {
    rec.vpView = holderView(undefined);
    const ok = await verifyPortfolio(vp([inner('a'), inner('b')]));
    expect(ok.verified).toBe(true);
    expect(ok.summary).toEqual({ total: 2, verified: 2, failed: [], duplicates: [] });
    rec.proofs = { checks: [failedCheck('proof', 'ERR_SIGNATURE_INVALID')], controllers: [] };
    const envBad = await verifyPortfolio(vp([inner('a'), inner('b')]));
    expect(envBad.envelope.verified).toBe(false);
    expect(envBad.summary.verified).toBe(2);
    expect(envBad.verified).toBe(false);
  });

  it('a presentation with no credentials does not verify as a portfolio', async () => {
    rec.vpView = holderView(undefined);
    const r = await verifyPortfolio(vp([]));
    expect(r.envelope.verified).toBe(true);
    expect(r.verified).toBe(false);
    expect(r.summary.total).toBe(0);
  });
});

// @ts-nocheck
// Issue 21 (mutation area `verify-presentation`): the orchestration of verifyPresentation (src/verify/presentation.ts)
// with its collaborators replaced by recorders: the single-credential verification (createVerifyContext / innerContext /
// verifyHeld), the VC-JWT verifier, the context, structure and presentation-proof checks. No signing, no JSON-LD: each
// report and `view` is hand-made, so only the presentation's own rules are under test.
//
// Rules, from verifyPresentation's doc comment and PresentationVerifyOptions:
// - "A presentation with no credentials verifies (PRESENTATION_EMPTY): it can prove control of a key."
// - "An unsigned presentation verifies with the warning W_PRESENTATION_UNSIGNED — its credentials are checked, its
//   holder is not proven — unless a challenge/domain is expected or requireProof is set (ERR_PROOF_MISSING)."
// - "every credential in verifiableCredential on its own (objects, or VC-JWT strings)"; "verified is true iff the
//   presentation verified and every credential in it verified"; maxCredentials "default 1,000;
//   ERR_PRESENTATION_TOO_LARGE"; "Never throws on untrusted input".
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Obj = Record<string, any>;
const rec = vi.hoisted(() => ({
  held: new Map<object, Obj>(),
  jwt: new Map<string, Obj>(),
  context: { id: 'context', status: 'passed', message: 'ctx ok' } as Obj,
  vpView: undefined as Obj | undefined,
  proofs: { checks: [] as Obj[], controllers: [] as string[] },
  structure: [] as Obj[],
  ctxCheck: undefined as Obj | undefined,
  structureThrows: undefined as unknown,
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
    if ('boom' in c) throw c.boom;
    return rec.held.get(c)!;
  }),
}));
vi.mock('../../src/proofs/jwt-verify.js', () => ({
  verifyJwtCredential: vi.fn(async (jwt: string, ctx: Obj) => {
    rec.calls.push(['verifyJwtCredential', jwt, ctx]);
    return rec.jwt.get(jwt)!;
  }),
}));
vi.mock('../../src/verify/checks/context.js', () => ({
  checkContext: vi.fn(async (d: Obj, ctx: Obj) => {
    rec.calls.push(['checkContext', d, ctx]);
    return rec.context;
  }),
}));
vi.mock('../../src/verify/checks/structure.js', () => ({
  checkStructure: vi.fn((d: Obj, documents: unknown) => {
    rec.calls.push(['checkStructure', d, documents]);
    if (rec.structureThrows !== undefined) throw rec.structureThrows;
    return rec.structure;
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

import { verifyPresentation } from '../../src/verify/presentation.js';

const VC2 = 'https://www.w3.org/ns/credentials/v2';
const passed = (id: string, message = `${id} ok`): Obj => ({ id, status: 'passed', message });
const failedCheck = (id: string, code: string): Obj => ({ id, status: 'failed', code, message: `${id} failed` });
const calls = (name: string) => rec.calls.filter((c) => c[0] === name);
const codes = (checks: Obj[]) => checks.map((c) => c.code ?? `${c.id}:${c.status}`);

function cred(name: string, verified = true): Obj {
  const c = { '@context': [VC2], type: ['VerifiableCredential'], name };
  rec.held.set(c, { verified, checks: verified ? [passed('proof')] : [failedCheck('proof', 'ERR_SIGNATURE_INVALID')], warnings: [] });
  return c;
}
function vp(creds: unknown[] | undefined, extra: Obj = {}): Obj {
  return { '@context': [VC2], type: ['VerifiablePresentation'], ...(creds ? { verifiableCredential: creds } : {}), ...extra };
}
const signed = { type: 'DataIntegrityProof', proofPurpose: 'authentication', proofValue: 'zSig' };
function holderView(holder: unknown): Obj {
  return { view: { document: { holder }, types: ['VerifiablePresentation'], credentialSubject: [] }, expanded: ['EXPANDED'] };
}
const JWT = 'eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2ln';

beforeEach(() => {
  rec.held.clear();
  rec.jwt.clear();
  rec.context = passed('context');
  rec.vpView = undefined;
  rec.proofs = { checks: [{ id: 'proof', status: 'warning', code: 'W_PRESENTATION_UNSIGNED', message: 'u' }], controllers: [] };
  rec.structure = [passed('structure')];
  rec.ctxCheck = undefined;
  rec.structureThrows = undefined;
  rec.calls = [];
});

describe('verifyPresentation: refusals (only one check)', () => {
  it('an unusable option set (createVerifyContext gives a check)', async () => {
    rec.ctxCheck = failedCheck('options', 'ERR_INVALID_OPTIONS');
    expect(await verifyPresentation(vp([]))).toEqual({ verified: false, presentation: { verified: false, checks: [rec.ctxCheck], warnings: [] }, credentials: [] });
  });

  it('options null are read as {}', async () => {
    const r = await verifyPresentation(vp([]), null as any);
    expect(calls('createVerifyContext')[0]![1]).toEqual({});
    expect(r.verified).toBe(true);
  });

  it('no input: ERR_INPUT_EMPTY; too many bytes: ERR_INPUT_TOO_LARGE (options.maxBytes)', async () => {
    expect(codes((await verifyPresentation(null)).presentation.checks)).toEqual(['ERR_INPUT_EMPTY']);
    const text = JSON.stringify(vp([]));
    const r = await verifyPresentation(text, { maxBytes: 10 });
    expect(r.presentation.checks).toEqual([{ id: 'format', status: 'failed', code: 'ERR_INPUT_TOO_LARGE', message: `input is ${text.length} characters; the limit is 10` }]);
  });

  it('a VC-JWT is no presentation (ERR_NOT_PRESENTATION)', async () => {
    const r = await verifyPresentation(JWT);
    expect(r).toEqual({
      verified: false,
      presentation: { verified: false, warnings: [], checks: [{ id: 'format', status: 'failed', code: 'ERR_NOT_PRESENTATION', message: 'a presentation is a JSON object of type VerifiablePresentation' }] },
      credentials: [],
    });
  });

  it('a JSON object without type VerifiablePresentation', async () => {
    const r = await verifyPresentation({ '@context': [VC2], type: ['VerifiableCredential'] });
    expect(r.presentation.checks).toEqual([{ id: 'type', status: 'failed', code: 'ERR_NOT_PRESENTATION', message: 'type does not include "VerifiablePresentation"' }]);
    expect(calls('checkContext')).toHaveLength(0);
  });

  it('more credentials than maxCredentials: ERR_PRESENTATION_TOO_LARGE; exactly the bound is fine', async () => {
    const r = await verifyPresentation(vp([cred('a'), cred('b'), cred('c')]), { maxCredentials: 2 });
    expect(r.presentation.checks).toEqual([{ id: 'format', status: 'failed', code: 'ERR_PRESENTATION_TOO_LARGE', message: 'the presentation holds 3 credentials; the limit is 2 (option maxCredentials)' }]);
    expect(r.credentials).toEqual([]);
    expect(calls('verifyHeld')).toHaveLength(0);
    const ok = await verifyPresentation(vp([cred('a'), cred('b')]), { maxCredentials: 2 });
    expect(ok.credentials).toHaveLength(2);
  });

  it('the default bound is 1,000 credentials', async () => {
    const many = Array.from({ length: 1001 }, () => 1);
    const r = await verifyPresentation(vp(many));
    expect(r.presentation.checks[0]).toMatchObject({ code: 'ERR_PRESENTATION_TOO_LARGE', message: 'the presentation holds 1001 credentials; the limit is 1000 (option maxCredentials)' });
    const ok = await verifyPresentation(vp(many.slice(1)));
    expect(ok.credentials).toHaveLength(1000);
  });

  it('an exception is ERR_INTERNAL with its message, or "error" when it has none', async () => {
    rec.structureThrows = new Error('structure exploded');
    expect((await verifyPresentation(vp([]))).presentation.checks).toEqual([{ id: 'format', status: 'failed', code: 'ERR_INTERNAL', message: 'verification could not complete: structure exploded' }]);
    rec.structureThrows = null;
    expect((await verifyPresentation(vp([]))).presentation.checks).toEqual([{ id: 'format', status: 'failed', code: 'ERR_INTERNAL', message: 'verification could not complete: error' }]);
    rec.structureThrows = { message: 42 };
    expect((await verifyPresentation(vp([]))).presentation.checks[0]!.message).toBe('verification could not complete: error');
  });
});

describe('verifyPresentation: the credentials', () => {
  it('objects go to verifyHeld, strings to the VC-JWT verifier, each in a fresh inner (nested) context over one cache', async () => {
    const a = cred('a');
    rec.jwt.set(JWT, { verified: true, checks: [passed('jwt')], warnings: [] });
    const r = await verifyPresentation(vp([a, JWT]), { challenge: 'c' });
    expect(r.credentials).toEqual([rec.held.get(a), rec.jwt.get(JWT)]);
    const [, heldCred, hctx] = calls('verifyHeld')[0]! as [string, Obj, Obj];
    const [, jwt, jctx] = calls('verifyJwtCredential')[0]! as [string, string, Obj];
    expect(heldCred).toBe(a);
    expect(jwt).toBe(JWT);
    expect(hctx.inner).toBe(true);
    expect(jctx.inner).toBe(true);
    expect(hctx).not.toBe(jctx);
    expect(hctx.loader).toBe('L0');
    expect(hctx.expansions).toBeInstanceOf(Map);
    expect(jctx.expansions).toBe(hctx.expansions);
  });

  it('a string that is no compact JWT is ERR_INPUT_UNRECOGNISED, not handed to the JWT verifier', async () => {
    const r = await verifyPresentation(vp(['not a jwt', '{"a":1}']));
    expect(r.credentials.map((c) => c.checks)).toEqual([
      [{ id: 'format', status: 'failed', code: 'ERR_INPUT_UNRECOGNISED', message: 'a verifiableCredential string must be a compact VC-JWT' }],
      [{ id: 'format', status: 'failed', code: 'ERR_INPUT_UNRECOGNISED', message: 'a verifiableCredential string must be a compact VC-JWT' }],
    ]);
    expect(calls('verifyJwtCredential')).toHaveLength(0);
    expect(r.verified).toBe(false);
  });

  it('a VC-JWT entry is bounded by options.maxBytes, not by the default, when the caller allows more', async () => {
    const big = `${JWT}${'A'.repeat(5_300_000)}`; // over the 5 MB default, within the 6 MB allowed
    await verifyPresentation(vp([big]), { maxBytes: 6_000_000 });
    expect(calls('verifyJwtCredential').map((c) => (c[1] as string).length)).toEqual([big.length]);
  });

  it('entries that are neither object nor string: ERR_INPUT_NOT_OBJECT saying what they are', async () => {
    const r = await verifyPresentation(vp([[1], 3, null, true]));
    expect(r.credentials.map((c) => c.checks[0]!.message)).toEqual([
      'a verifiableCredential entry is a array, not a credential',
      'a verifiableCredential entry is a number, not a credential',
      'a verifiableCredential entry is a object, not a credential',
      'a verifiableCredential entry is a boolean, not a credential',
    ]);
    expect(r.credentials.map((c) => c.checks[0]!.code)).toEqual(['ERR_INPUT_NOT_OBJECT', 'ERR_INPUT_NOT_OBJECT', 'ERR_INPUT_NOT_OBJECT', 'ERR_INPUT_NOT_OBJECT']);
    expect(r.credentials[0]!.checks[0]).toEqual({ id: 'format', status: 'failed', code: 'ERR_INPUT_NOT_OBJECT', message: 'a verifiableCredential entry is a array, not a credential' });
    expect(r.credentials.map((c) => c.verified)).toEqual([false, false, false, false]);
    expect(calls('verifyHeld')).toHaveLength(0);
  });

  it('a credential whose verification throws fails alone (ERR_INTERNAL), the others are kept', async () => {
    const good = cred('good');
    const r = await verifyPresentation(vp([{ boom: new Error('kaput') }, good, { boom: null }]));
    expect(r.credentials[0]).toEqual({ verified: false, checks: [{ id: 'format', status: 'failed', code: 'ERR_INTERNAL', message: 'verification could not complete: kaput' }], warnings: [] });
    expect(r.credentials[1]).toBe(rec.held.get(good));
    expect(r.credentials[2]!.checks[0]!.message).toBe('verification could not complete: error');
    expect(r.verified).toBe(false);
    expect(r.presentation.verified).toBe(true);
  });

  it('verified iff the presentation and every credential verified', async () => {
    expect((await verifyPresentation(vp([cred('a'), cred('b')]))).verified).toBe(true);
    expect((await verifyPresentation(vp([cred('a'), cred('b', false)]))).verified).toBe(false);
    rec.context = failedCheck('context', 'ERR_CONTEXT');
    const r = await verifyPresentation(vp([cred('a')]));
    expect(r.presentation.verified).toBe(false);
    expect(r.credentials[0]!.verified).toBe(true);
    expect(r.verified).toBe(false);
  });
});

describe('verifyPresentation: the envelope', () => {
  it('unsigned, nothing expected: the proofs are told W_PRESENTATION_UNSIGNED; no view is built; checks in order', async () => {
    const doc = vp([cred('a')], { type: ['VerifiablePresentation', 7, 'ExtraType'] });
    const r = await verifyPresentation(doc, { documents: { x: 1 } } as any);
    expect(calls('presentationView')).toHaveLength(0);
    const [, pdoc, pctx, o] = calls('checkPresentationProofs')[0]! as [string, Obj, Obj, Obj];
    expect(pdoc).toBe(doc);
    expect(o).toEqual({
      challenge: undefined,
      domain: undefined,
      contextUsable: true,
      unsigned: { id: 'proof', status: 'warning', code: 'W_PRESENTATION_UNSIGNED', message: 'the presentation is not signed: the credentials are checked, the holder is not proven' },
    });
    expect(pctx.loader).toEqual({ forked: 64 * 2 });
    expect(pctx.maxQuads).toBe(5000 * 2);
    expect(calls('checkContext')[0]![2]).toBe(pctx);
    expect(calls('checkStructure')[0]!.slice(1)).toEqual([doc, { x: 1 }]);
    expect(r.presentation.checks).toEqual([
      { id: 'format', status: 'passed', message: 'Verifiable Presentation' },
      passed('context'),
      { id: 'type', status: 'passed', message: 'VerifiablePresentation, ExtraType' },
      { id: 'proof', status: 'warning', code: 'W_PRESENTATION_UNSIGNED', message: 'u' },
      passed('structure'),
      { id: 'presentation', status: 'passed', message: 'the presentation holds 1 credential(s)' },
    ]);
    expect(r.presentation.credential).toBe(doc);
    expect(r.presentation.source).toEqual({ format: 'json' });
    expect(r.verified).toBe(true);
  });

  it('the envelope budget follows options.maxDocuments and options.limits.maxQuads, scaled by credentials + 1', async () => {
    await verifyPresentation(vp([cred('a'), cred('b'), cred('c')]), { maxDocuments: 5, limits: { maxQuads: 100 } });
    const pctx = calls('checkContext')[0]![2] as Obj;
    expect(pctx.loader).toEqual({ forked: 20 });
    expect(pctx.maxQuads).toBe(400);
  });

  it('unsigned with a challenge, a domain or requireProof: ERR_PROOF_MISSING', async () => {
    for (const [opts, message] of [
      [{ challenge: 'c' }, 'the presentation is not signed: nothing proves the expected challenge/domain'],
      [{ domain: 'd' }, 'the presentation is not signed: nothing proves the expected challenge/domain'],
      [{ challenge: '' }, 'the presentation is not signed: nothing proves the expected challenge/domain'],
      [{ requireProof: true, challenge: 'c' }, 'the presentation is not signed: nothing proves the expected challenge/domain'],
      [{ requireProof: true }, 'the presentation is not signed (requireProof)'],
    ] as Array<[Obj, string]>) {
      rec.calls = [];
      await verifyPresentation(vp([]), opts);
      const o = calls('checkPresentationProofs')[0]![3] as Obj;
      expect(o.unsigned).toEqual({ id: 'proof', status: 'failed', code: 'ERR_PROOF_MISSING', message });
      expect([o.challenge, o.domain]).toEqual([opts.challenge, opts.domain]);
    }
    rec.calls = [];
    await verifyPresentation(vp([]), { requireProof: false });
    expect((calls('checkPresentationProofs')[0]![3] as Obj).unsigned.code).toBe('W_PRESENTATION_UNSIGNED');
  });

  it('no credentials: PRESENTATION_EMPTY, passed (it can prove control of a key)', async () => {
    for (const doc of [vp([]), vp(undefined)]) {
      const r = await verifyPresentation(doc);
      expect(r.presentation.checks.at(-1)).toEqual({ id: 'presentation', status: 'passed', code: 'PRESENTATION_EMPTY', message: 'the presentation holds no credentials' });
      expect(r.verified).toBe(true);
      expect(r.credentials).toEqual([]);
    }
  });

  it('unsigned with a holder: SKIP_PRESENTATION_UNSIGNED (read from the document as sent)', async () => {
    const r = await verifyPresentation(vp([], { holder: { id: 'did:example:h' } }));
    expect(codes(r.presentation.checks)).toEqual(['format:passed', 'context:passed', 'type:passed', 'W_PRESENTATION_UNSIGNED', 'SKIP_PRESENTATION_UNSIGNED', 'structure:passed', 'PRESENTATION_EMPTY']);
    expect(r.presentation.checks[4]).toEqual({ id: 'holder', status: 'skipped', code: 'SKIP_PRESENTATION_UNSIGNED', message: 'the presentation is not signed: the holder is not proven' });
  });

  it('unsigned without a holder: no holder check', async () => {
    const r = await verifyPresentation(vp([]));
    expect(r.presentation.checks.filter((c) => c.id === 'holder')).toEqual([]);
  });

  it('signed: the view is built first and its expansion handed to the proofs; the holder (from the view) signed: passed', async () => {
    rec.vpView = holderView('did:example:h');
    rec.proofs = { checks: [passed('proof', 'p1')], controllers: ['did:example:x', 'did:example:h'] };
    const doc = vp([cred('a')], { proof: signed, holder: 'did:example:sent' });
    const r = await verifyPresentation(doc, { challenge: 'c', domain: 'd' });
    const [, vdoc, vctx] = calls('presentationView')[0]! as [string, Obj, Obj];
    expect(vdoc).toBe(doc);
    expect(vctx).toBe(calls('checkContext')[0]![2]);
    const o = calls('checkPresentationProofs')[0]![3] as Obj;
    expect(o.claimsExpanded).toEqual(['EXPANDED']);
    expect([o.challenge, o.domain, o.contextUsable]).toEqual(['c', 'd', true]);
    expect(r.presentation.checks.slice(3)).toEqual([
      passed('proof', 'p1'),
      { id: 'holder', status: 'passed', message: 'signed by the holder did:example:h' },
      passed('structure'),
      { id: 'presentation', status: 'passed', message: 'the presentation holds 1 credential(s)' },
    ]);
    expect(r.verified).toBe(true);
  });

  it('a long holder is cut to 200 characters in the message', async () => {
    const h = `did:example:${'h'.repeat(300)}`;
    rec.vpView = holderView(h);
    rec.proofs = { checks: [passed('proof')], controllers: [h] };
    const r = await verifyPresentation(vp([], { proof: signed }));
    expect(r.presentation.checks.find((c) => c.id === 'holder')!.message).toBe(`signed by the holder ${h.slice(0, 200)}`);
  });

  it('signed, but the context failed: no view, the proofs told the context is unusable, the holder (as sent) unproven', async () => {
    rec.context = failedCheck('context', 'ERR_CONTEXT');
    rec.proofs = { checks: [{ id: 'proof', status: 'skipped', code: 'SKIP', message: 's' }], controllers: [] };
    const r = await verifyPresentation(vp([], { proof: signed, holder: 'did:example:h' }));
    expect(calls('presentationView')).toHaveLength(0);
    const o = calls('checkPresentationProofs')[0]![3] as Obj;
    expect(o.contextUsable).toBe(false);
    expect('claimsExpanded' in o).toBe(false);
    expect(r.presentation.checks.find((c) => c.id === 'holder')).toEqual({ id: 'holder', status: 'skipped', code: 'SKIP_NO_VERIFIED_PROOF', message: 'no verified proof to compare the holder with' });
    expect(r.verified).toBe(false);
  });

  it('signed, the view failed: its check after the proofs, and the holder is missing (W_HOLDER_MISSING)', async () => {
    rec.vpView = { check: failedCheck('context', 'ERR_JSONLD') };
    rec.proofs = { checks: [passed('proof')], controllers: ['did:example:h'] };
    const r = await verifyPresentation(vp([], { proof: [signed], holder: 'did:example:h' }));
    expect('claimsExpanded' in (calls('checkPresentationProofs')[0]![3] as Obj)).toBe(false);
    expect(codes(r.presentation.checks)).toEqual(['format:passed', 'context:passed', 'type:passed', 'proof:passed', 'ERR_JSONLD', 'W_HOLDER_MISSING', 'structure:passed', 'PRESENTATION_EMPTY']);
    expect(r.presentation.checks[5]).toEqual({ id: 'holder', status: 'warning', code: 'W_HOLDER_MISSING', message: 'the presentation names no holder' });
    expect(r.verified).toBe(false);
  });

  it('signed without a holder: W_HOLDER_MISSING', async () => {
    rec.vpView = holderView(undefined);
    rec.proofs = { checks: [passed('proof')], controllers: ['did:example:h'] };
    const r = await verifyPresentation(vp([], { proof: signed }));
    expect(codes(r.presentation.checks.filter((c) => c.id === 'holder'))).toEqual(['W_HOLDER_MISSING']);
    expect(r.verified).toBe(true);
  });

  it('a holder and no verified proof: SKIP_NO_VERIFIED_PROOF', async () => {
    rec.vpView = holderView('did:example:h');
    rec.proofs = { checks: [failedCheck('proof', 'ERR_SIGNATURE_INVALID')], controllers: [] };
    const r = await verifyPresentation(vp([], { proof: signed }));
    expect(r.presentation.checks.find((c) => c.id === 'holder')).toEqual({ id: 'holder', status: 'skipped', code: 'SKIP_NO_VERIFIED_PROOF', message: 'no verified proof to compare the holder with' });
  });

  it('a holder who did not sign: ERR_HOLDER_MISMATCH naming each signer once, each cut to 200 characters', async () => {
    const long = `did:example:${'x'.repeat(250)}`;
    rec.vpView = holderView('did:example:h');
    rec.proofs = { checks: [passed('proof')], controllers: ['did:example:y', long, 'did:example:y'] };
    const r = await verifyPresentation(vp([cred('a')], { proof: signed }));
    expect(r.presentation.checks.find((c) => c.id === 'holder')).toEqual({
      id: 'holder',
      status: 'failed',
      code: 'ERR_HOLDER_MISMATCH',
      message: `the holder did not sign the presentation (signed by did:example:y, ${long.slice(0, 200)})`,
    });
    expect(r.presentation.verified).toBe(false);
    expect(r.verified).toBe(false);
  });
});

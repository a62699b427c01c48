// @ts-nocheck
// Issue 21 (mutation area `portfolio-core`): the portfolio rules that need no signing — what a portfolio is and where
// its credentials are (common.ts, unbundle.ts), which inputs a bundle verb accepts and which duplicates it refuses
// (checkInputCredentials), choosing credentials (select.ts) and recombining them (recombine.ts, with the two bundle
// verbs replaced by recorders: only the selection and the options handed on are under test here).
// Every input is a hand-made credential object with a fake proof (no key, no JSON-LD).
//
// Rules, from src/portfolio/types.ts and the verbs' doc comments:
// - CommonBundleOptions.allowDuplicates: "Bundle the same credential (same id or same proofValue) twice. Default false:
//   refused with ERR_DUPLICATE_CREDENTIAL." Issue 21: disabling that check went unnoticed because every test used
//   identical copies — here each case is a near-duplicate that only one of the two keys (id, proofValue) can catch.
// - unbundle: "the inner credentials of a CLR 2.0 ClrCredential (credentialSubject.verifiableCredential) or of a
//   Verifiable Presentation (verifiableCredential), in order, each a deep copy identical to what was bundled".
// - CredentialFilter: "Every criterion given must match (AND); inside one criterion any listed value matches (OR)";
//   skills "matched against the achievement's alignment[] (targetUrl, targetCode, targetName, case-insensitive) and
//   its tag[]"; from "Issued on or after (by awardedDate, else validFrom, else issuanceDate)"; until "on or before".
// - recombine: "From a CLR to a CLR without options.associations, the original associations whose two achievements
//   are still in the new CLR are carried over (and the original achievement[] entries they refer to)"; the format is
//   "options.format, or inferred (holderKey → presentation, key → CLR)".
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/portfolio/bundle-clr.js', () => ({
  bundleClr: vi.fn(async (credentials: unknown[], options: Record<string, unknown>) => ({ verb: 'bundleClr', credentials, options })),
}));
vi.mock('../../src/portfolio/bundle-presentation.js', () => ({
  bundlePresentation: vi.fn(async (credentials: unknown[], options: Record<string, unknown>) => ({ verb: 'bundlePresentation', credentials, options })),
}));

import { CredstackError, IssueError, KeyError, PortfolioError } from '../../src/errors.js';
import {
  achievementsOf,
  checkInputCredentials,
  CLR_EMBED_CONTEXT,
  clrContextFor,
  innerOf,
  portfolioKind,
  proofValuesOf,
  stableStringify,
  toPortfolioError,
} from '../../src/portfolio/common.js';
import { recombine } from '../../src/portfolio/recombine.js';
import { selectCredentials } from '../../src/portfolio/select.js';
import { unbundle } from '../../src/portfolio/unbundle.js';

const VC2 = 'https://www.w3.org/ns/credentials/v2';
const VC1 = 'https://www.w3.org/2018/credentials/v1';
const CLR2 = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';
const OB3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

type Cred = Record<string, any>;
/** A hand-made signed-looking credential: a fake proof whose proofValue is the given text. */
function cred(id: string | undefined, pv: string, extra: Cred = {}): Cred {
  return {
    '@context': [VC2, OB3],
    ...(id !== undefined ? { id } : {}),
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: 'did:example:issuer',
    credentialSubject: { id: 'did:example:learner', achievement: { id: 'urn:ach:1', name: 'A' } },
    proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofValue: pv },
    ...extra,
  };
}

function thrown(fn: () => unknown): any {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}
async function rejected(p: Promise<unknown>): Promise<any> {
  return p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e) => e,
  );
}
/** code, message, details of a PortfolioError */
function refusal(e: any): [string, string, unknown] {
  expect(e).toBeInstanceOf(PortfolioError);
  return [e.code, e.message, e.details];
}

describe('portfolioKind: a presentation by its type, a CLR by ClrCredential', () => {
  it('types decide; a presentation type wins over ClrCredential', () => {
    expect(portfolioKind({ type: 'VerifiablePresentation' })).toBe('presentation');
    expect(portfolioKind({ type: ['VerifiableCredential', 'ClrCredential'] })).toBe('clr');
    expect(portfolioKind({ type: ['ClrCredential', 'VerifiablePresentation'] })).toBe('presentation');
    expect(portfolioKind({ type: ['VerifiableCredential', 'OpenBadgeCredential'] })).toBe('unknown');
    expect(portfolioKind({})).toBe('unknown');
  });

  it('non-objects and arrays are not portfolios, even an array carrying a type property', () => {
    const arr: any = [];
    arr.type = 'VerifiablePresentation';
    for (const v of [null, undefined, 0, 'VerifiablePresentation', true, arr]) expect(portfolioKind(v)).toBe('unknown');
  });
});

describe('innerOf / achievementsOf / proofValuesOf', () => {
  it('a presentation: verifiableCredential (one object or a list), as they are', () => {
    const a = cred('urn:a', 'pa');
    const b = cred('urn:b', 'pb');
    expect(innerOf({ verifiableCredential: a }, 'presentation')[0]).toBe(a);
    expect(innerOf({ verifiableCredential: [a, b] }, 'presentation')).toEqual([a, b]);
    expect(innerOf({}, 'presentation')).toEqual([]);
    // a presentation's credentials are not looked for in credentialSubject
    expect(innerOf({ credentialSubject: { verifiableCredential: [a] } }, 'presentation')).toEqual([]);
  });

  it('a CLR: every subject’s verifiableCredential, in order; non-object subjects skipped', () => {
    const a = cred('urn:a', 'pa');
    const b = cred('urn:b', 'pb');
    const c = cred('urn:c', 'pc');
    const clr = { verifiableCredential: [c], credentialSubject: [null, 'did:example:x', { verifiableCredential: [a, b] }, { verifiableCredential: c }] };
    const out = innerOf(clr, 'clr');
    expect(out).toEqual([a, b, c]);
    expect(out[0]).toBe(a);
    expect(innerOf({ credentialSubject: { verifiableCredential: a } }, 'clr')).toEqual([a]);
    expect(innerOf({}, 'clr')).toEqual([]);
  });

  it('achievementsOf: every subject’s achievement objects (primitives skipped); no credential → none', () => {
    const x = { id: 'urn:x' };
    const y = { id: 'urn:y' };
    const z = { id: 'urn:z' };
    expect(achievementsOf({ credentialSubject: [{ achievement: [x, 'urn:str', null, y] }, null, 7, { achievement: z }, { name: 'no achievement' }] })).toEqual([x, y, z]);
    expect(achievementsOf({ credentialSubject: { achievement: x } })[0]).toBe(x);
    expect(achievementsOf(undefined as any)).toEqual([]);
    expect(achievementsOf({})).toEqual([]);
  });

  it('proofValuesOf: the string proofValues of every proof; anything else → none', () => {
    expect(proofValuesOf({ proof: [{ proofValue: 'z1' }, null, 'z-text', { proofValue: 42 }, { jws: 'a..b' }, { proofValue: 'z2' }] })).toEqual(['z1', 'z2']);
    expect(proofValuesOf({ proof: { proofValue: 'z3' } })).toEqual(['z3']);
    expect(proofValuesOf({})).toEqual([]);
    expect(proofValuesOf(null)).toEqual([]);
    expect(proofValuesOf('{"proof":{"proofValue":"z"}}')).toEqual([]);
  });
});

describe('stableStringify: equal content gives equal text, whatever the key order', () => {
  it('keys sorted at every level, arrays kept in order', () => {
    expect(stableStringify({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
    expect(stableStringify([2, 1, null, true])).toBe('[2,1,null,true]');
    expect(stableStringify({ 'a"b': 'q"' })).toBe('{"a\\"b":"q\\""}');
    expect(stableStringify({})).toBe('{}');
    expect(stableStringify([])).toBe('[]');
  });

  it('what JSON cannot write (undefined, a function) is null; null and primitives as JSON writes them', () => {
    expect(stableStringify(undefined)).toBe('null');
    expect(stableStringify({ a: undefined })).toBe('{"a":null}');
    expect(stableStringify(null)).toBe('null');
    expect(stableStringify('s')).toBe('"s"');
    expect(stableStringify(0)).toBe('0');
  });
});

describe('checkInputCredentials: what a bundle verb accepts', () => {
  it('not a list → ERR_INVALID_INPUT; an empty list → ERR_PORTFOLIO_EMPTY', () => {
    expect(refusal(thrown(() => checkInputCredentials({ 0: cred('urn:a', 'p') })))).toEqual(['ERR_INVALID_INPUT', 'credentials must be an array of signed credentials', undefined]);
    expect(refusal(thrown(() => checkInputCredentials(undefined)))[0]).toBe('ERR_INVALID_INPUT');
    expect(refusal(thrown(() => checkInputCredentials([])))).toEqual(['ERR_PORTFOLIO_EMPTY', 'a portfolio needs at least one credential', undefined]);
  });

  it('a string (a VC-JWT) is refused with its own message; other non-objects as "not a credential object"', () => {
    expect(refusal(thrown(() => checkInputCredentials([cred('urn:a', 'p'), 'eyJ.e30.sig'])))).toEqual([
      'ERR_INVALID_CREDENTIAL',
      'credentials[1] is a string (VC-JWT?): only JSON-LD credentials with embedded proofs can be bundled',
      { index: 1 },
    ]);
    for (const bad of [null, 0, true, [cred('urn:a', 'p')]]) {
      expect(refusal(thrown(() => checkInputCredentials([bad])))).toEqual(['ERR_INVALID_CREDENTIAL', 'credentials[0] is not a credential object', { index: 0 }]);
    }
  });

  it('not a VerifiableCredential (by type) → ERR_INVALID_CREDENTIAL naming the type; no proof → ERR_UNSIGNED_CREDENTIAL', () => {
    expect(refusal(thrown(() => checkInputCredentials([cred('urn:a', 'p', { type: ['VerifiablePresentation'] })])))).toEqual([
      'ERR_INVALID_CREDENTIAL',
      'credentials[0] is not a VerifiableCredential (type ["VerifiablePresentation"])',
      { index: 0 },
    ]);
    const { type: _t, ...untyped } = cred('urn:a', 'p');
    expect(refusal(thrown(() => checkInputCredentials([untyped])))[1]).toBe('credentials[0] is not a VerifiableCredential (type undefined)');
    // a single type string is a type list of one
    expect(checkInputCredentials([cred('urn:a', 'p', { type: 'VerifiableCredential' })])).toHaveLength(1);
    const { proof: _p, ...unsigned } = cred('urn:b', 'p');
    expect(refusal(thrown(() => checkInputCredentials([cred('urn:a', 'pa'), unsigned])))).toEqual([
      'ERR_UNSIGNED_CREDENTIAL',
      'credentials[1] has no proof: sign it first (issueCredential)',
      { index: 1 },
    ]);
    // a proof that is present but null still counts as present here (verification judges it)
    expect(checkInputCredentials([cred('urn:a', 'p', { proof: null })])).toHaveLength(1);
  });

  it('returns deep copies with the same keys in the same order', () => {
    const input = [cred('urn:a', 'pa', { name: 'n', awardedDate: '2026-01-01T00:00:00Z' }), cred(undefined, 'pb')];
    const out = checkInputCredentials(input);
    expect(out).toEqual(input);
    expect(out[0]).not.toBe(input[0]);
    expect(out[0]!.credentialSubject).not.toBe(input[0]!.credentialSubject);
    expect(out.map((c) => JSON.stringify(c))).toEqual(input.map((c) => JSON.stringify(c)));
  });

  it('data that is not plain JSON (a function inside) → ERR_INVALID_CREDENTIAL with the clone error as cause', () => {
    const e = thrown(() => checkInputCredentials([cred('urn:a', 'pa'), cred('urn:b', 'pb', { f: () => 1 })]));
    expect(refusal(e)).toEqual(['ERR_INVALID_CREDENTIAL', 'credentials[1] is not plain JSON data', { index: 1 }]);
    expect((e.cause as Error).name).toBe('DataCloneError');
  });
});

describe('duplicates at bundle time: near-duplicates, not identical copies (issue 21)', () => {
  it('same id, different content and different proofs → refused by id, naming both indexes and the id', () => {
    const a = cred('urn:same', 'z-proof-A', { name: 'Statistics I' });
    const b = cred('urn:same', 'z-proof-B', { name: 'Statistics II' });
    expect(refusal(thrown(() => checkInputCredentials([cred('urn:other', 'z0'), a, b])))).toEqual([
      'ERR_DUPLICATE_CREDENTIAL',
      'credentials[2] and credentials[1] have the same id urn:same',
      { indexes: [1, 2], id: 'urn:same' },
    ]);
    // the first of the pair is named, not a later one: three with one id → the first two
    expect(refusal(thrown(() => checkInputCredentials([a, cred('urn:x', 'zx'), b, cred('urn:same', 'z-C')])))[2]).toEqual({ indexes: [0, 2], id: 'urn:same' });
  });

  it('same proof, different id (a relabelled copy) → refused by proof', () => {
    const a = cred('urn:a', 'z-shared');
    const relabelled = cred('urn:a-2', 'z-shared');
    expect(refusal(thrown(() => checkInputCredentials([a, cred('urn:b', 'z-b'), relabelled])))).toEqual([
      'ERR_DUPLICATE_CREDENTIAL',
      'credentials[2] and credentials[0] carry the same proof',
      { indexes: [0, 2] },
    ]);
    // same proof and no ids at all
    expect(refusal(thrown(() => checkInputCredentials([cred(undefined, 'z-n'), cred(undefined, 'z-n')])))[2]).toEqual({ indexes: [0, 1] });
    // the shared proof may be the second proof of a proof set
    const set = cred('urn:set', 'z-1', { proof: [{ proofValue: 'z-1' }, { proofValue: 'z-shared' }] });
    expect(refusal(thrown(() => checkInputCredentials([set, relabelled])))[2]).toEqual({ indexes: [0, 1] });
  });

  it('the proof check keeps the first holder of a proofValue: a third copy is paired with the first', () => {
    const e = thrown(() => checkInputCredentials([cred('urn:1', 'z-p'), cred('urn:2', 'z-q'), cred('urn:3', 'z-p')]));
    expect(e.details).toEqual({ indexes: [0, 2] });
  });

  it('near-duplicates that are different credentials are accepted: same content but other id and other proof; one id differing in case', () => {
    const a = cred('urn:a', 'z-a', { name: 'Statistics I' });
    expect(checkInputCredentials([a, cred('urn:b', 'z-b', { name: 'Statistics I' })])).toHaveLength(2);
    expect(checkInputCredentials([a, cred('urn:A', 'z-b')])).toHaveLength(2);
    // no ids, different proofs: nothing to compare by
    expect(checkInputCredentials([cred(undefined, 'z-1'), cred(undefined, 'z-2'), cred(undefined, 'z-3')])).toHaveLength(3);
    // proofs without a proofValue (e.g. a JWS) are not compared
    expect(checkInputCredentials([cred('urn:1', 'x', { proof: { jws: 'h..s' } }), cred('urn:2', 'y', { proof: { jws: 'h..s' } })])).toHaveLength(2);
  });

  it('one credential whose proof set repeats a proofValue is not a duplicate of itself', () => {
    const twice = cred('urn:t', 'z-t', { proof: [{ proofValue: 'z-t' }, { proofValue: 'z-t' }] });
    expect(checkInputCredentials([twice, cred('urn:u', 'z-u')])).toHaveLength(2);
  });

  it('allowDuplicates: true bundles both near-duplicates (the refusals above came from the duplicate check)', () => {
    const a = cred('urn:same', 'z-A', { name: 'I' });
    const b = cred('urn:same', 'z-B', { name: 'II' });
    const c = cred('urn:c', 'z-A');
    expect(checkInputCredentials([a, b, c], true).map((x) => [x.id, x.proof.proofValue])).toEqual([
      ['urn:same', 'z-A'],
      ['urn:same', 'z-B'],
      ['urn:c', 'z-A'],
    ]);
    // the default is to refuse
    expect(refusal(thrown(() => checkInputCredentials([a, b], false)))[0]).toBe('ERR_DUPLICATE_CREDENTIAL');
  });
});

describe('toPortfolioError: signing failures come out as PortfolioErrors', () => {
  it('an IssueError keeps its code, message, details and is the cause', () => {
    const ie = new IssueError('ERR_UNDEFINED_TERM', 'property "x" is not defined', { details: { property: 'x' } });
    const pe = toPortfolioError(ie) as PortfolioError;
    expect(pe).toBeInstanceOf(PortfolioError);
    expect([pe.code, pe.message, pe.details, pe.cause]).toEqual(['ERR_UNDEFINED_TERM', 'property "x" is not defined', { property: 'x' }, ie]);
    const bare = toPortfolioError(new IssueError('ERR_ISSUE_FAILED', 'm')) as PortfolioError;
    expect([bare.code, bare.message, bare.details]).toEqual(['ERR_ISSUE_FAILED', 'm', undefined]);
  });

  it('another credstack error is passed through; anything else → ERR_BUNDLE_FAILED with its message', () => {
    const ke = new KeyError('ERR_KEY_NO_SECRET', 'no secret');
    expect(toPortfolioError(ke)).toBe(ke);
    const boom = new Error('boom');
    const pe = toPortfolioError(boom) as PortfolioError;
    expect(pe).toBeInstanceOf(PortfolioError);
    expect([pe.code, pe.message, pe.cause]).toEqual(['ERR_BUNDLE_FAILED', 'could not sign the portfolio: boom', boom]);
    expect((toPortfolioError('text') as PortfolioError).message).toBe('could not sign the portfolio: text');
    expect((toPortfolioError(null) as PortfolioError).message).toBe('could not sign the portfolio: null');
    expect(toPortfolioError(new CredstackError('ERR_X', 'x'))).toBeInstanceOf(CredstackError);
  });
});

describe('clrContextFor: the embedding context only when an inner credential is not VC 2.0', () => {
  it('all VC 2.0 (by the first context) → [VC 2.0, CLR 2.0.1, OB 3.0.3]; a fresh list each time', () => {
    const one = clrContextFor([cred('urn:a', 'p'), { ...cred('urn:b', 'q'), '@context': VC2 }]);
    expect(one).toEqual([VC2, CLR2, OB3]);
    expect(clrContextFor([])).toEqual([VC2, CLR2, OB3]);
    one.push('x');
    expect(clrContextFor([cred('urn:a', 'p')])).toEqual([VC2, CLR2, OB3]);
  });

  it('a VC 1.1 credential (or VC 2.0 not first) → the embedding context appended', () => {
    expect(clrContextFor([cred('urn:a', 'p'), { ...cred('urn:b', 'q'), '@context': [VC1, OB3] }])).toEqual([VC2, CLR2, OB3, CLR_EMBED_CONTEXT]);
    expect(clrContextFor([{ ...cred('urn:b', 'q'), '@context': [OB3, VC2] }])).toHaveLength(4);
    // the embedding context resets the context inside ClrSubject.verifiableCredential (as VC 2.0 presentations do)
    expect((CLR_EMBED_CONTEXT as any).ClrSubject['@context'].verifiableCredential['@context']).toBeNull();
  });
});

describe('unbundle', () => {
  const a = cred('urn:a', 'pa', { name: 'first' });
  const b = cred('urn:b', 'pb');

  it('a presentation or a CLR, as an object or as JSON text → deep copies in order', () => {
    const vp = { type: ['VerifiablePresentation'], verifiableCredential: [a, b] };
    const out = unbundle(vp);
    expect(out).toEqual([a, b]);
    expect(out[0]).not.toBe(a);
    expect(out[0]!.credentialSubject).not.toBe(a.credentialSubject);
    expect(unbundle(JSON.stringify(vp))).toEqual([a, b]);
    const clr = { type: ['VerifiableCredential', 'ClrCredential'], credentialSubject: { verifiableCredential: [b, a] }, verifiableCredential: [a] };
    expect(unbundle(clr).map((c) => c.id)).toEqual(['urn:b', 'urn:a']);
    expect(JSON.stringify(unbundle(clr)[1])).toBe(JSON.stringify(a));
  });

  it('text that is not JSON → ERR_NOT_PORTFOLIO with the parse error as cause', () => {
    const e = thrown(() => unbundle('{"type":'));
    expect(refusal(e)).toEqual(['ERR_NOT_PORTFOLIO', 'portfolio text is not valid JSON', undefined]);
    expect(e.cause).toBeInstanceOf(SyntaxError);
  });

  it('anything else → ERR_NOT_PORTFOLIO naming its type (or what kind of value it is)', () => {
    const msg = 'not a portfolio: expected a ClrCredential or a VerifiablePresentation';
    expect(refusal(thrown(() => unbundle(a)))).toEqual(['ERR_NOT_PORTFOLIO', msg, { type: ['VerifiableCredential', 'OpenBadgeCredential'] }]);
    expect(refusal(thrown(() => unbundle('42')))).toEqual(['ERR_NOT_PORTFOLIO', msg, { type: 'number' }]);
    expect(refusal(thrown(() => unbundle(null as any)))).toEqual(['ERR_NOT_PORTFOLIO', msg, { type: 'object' }]);
    expect(refusal(thrown(() => unbundle('"VerifiablePresentation"')))[2]).toEqual({ type: 'string' });
    expect(refusal(thrown(() => unbundle({} as any)))[2]).toEqual({ type: undefined });
  });
});

describe('selectCredentials', () => {
  const ISS_A = 'did:example:uni-a';
  const ISS_B = 'did:example:uni-b';
  const c0 = cred('urn:c0', 'p0', {
    issuer: { id: ISS_A, type: ['Profile'] },
    validFrom: '2026-01-01T00:00:00Z',
    credentialSubject: { achievement: { id: 'urn:ach:stats', alignment: [{ targetName: 'Data Analysis', targetUrl: 'https://skills.example/DA' }], tag: ['R'] } },
  });
  const c1 = cred('urn:c1', 'p1', {
    issuer: ISS_B,
    type: ['VerifiableCredential', 'AchievementCredential'],
    awardedDate: '2026-03-01T00:00:00Z',
    validFrom: '2025-01-01T00:00:00Z',
    credentialSubject: [{ achievement: { id: 'urn:ach:py', alignment: [null, 'x', { targetCode: 'PY-101', targetName: 7 }], tag: ['Python', 3] } }, { achievement: { id: 'urn:ach:sql' } }],
  });
  const c2 = cred(undefined, 'p2', { issuer: { name: 'no id' }, issuanceDate: '2025-06-01T00:00:00Z', credentialSubject: { achievement: { name: 'no id' } } });
  const c3 = cred('urn:c3', 'p3', { issuer: ISS_A, validFrom: 'not a date', credentialSubject: {} });
  const all = [c0, c1, c2, c3];
  const pick = (f: Parameters<typeof selectCredentials>[1], list = all) => selectCredentials(list, f).map((c) => all.indexOf(c));

  it('returns the chosen credentials themselves, in order; no criterion keeps every object, never a non-object', () => {
    const out = selectCredentials(all, {});
    expect(out).toHaveLength(4);
    out.forEach((c, i) => expect(c).toBe(all[i]));
    expect(pick({}, [c1, null as any, 'x' as any, c0])).toEqual([1, 0]);
    expect(pick(null as any)).toEqual([0, 1, 2, 3]);
  });

  it('refuses a non-list, a filter that is neither object nor function, and an invalid date bound', () => {
    expect(refusal(thrown(() => selectCredentials({} as any, {})))).toEqual(['ERR_INVALID_INPUT', 'credentials must be an array', undefined]);
    expect(refusal(thrown(() => selectCredentials(all, 'issuer' as any)))).toEqual(['ERR_INVALID_INPUT', 'filter must be an object or a function', undefined]);
    expect(refusal(thrown(() => selectCredentials(all, { from: 'yesterday' })))).toEqual(['ERR_INVALID_INPUT', 'filter.from is not a valid date', undefined]);
    expect(refusal(thrown(() => selectCredentials(all, { until: new Date(NaN) })))).toEqual(['ERR_INVALID_INPUT', 'filter.until is not a valid date', undefined]);
  });

  it('ids, issuers (a string or a Profile id), types: any listed value matches', () => {
    expect(pick({ ids: ['urn:c1', 'urn:c3'] })).toEqual([1, 3]);
    expect(pick({ ids: [] })).toEqual([]);
    expect(pick({ issuers: [ISS_A] })).toEqual([0, 3]);
    expect(pick({ issuers: [ISS_B, ISS_A] })).toEqual([0, 1, 3]);
    expect(pick({ types: ['AchievementCredential'] })).toEqual([1]);
    expect(pick({ types: ['OpenBadgeCredential', 'AchievementCredential'] })).toEqual([0, 1, 2, 3]);
    expect(pick({ types: ['VerifiablePresentation'] })).toEqual([]);
  });

  it('achievementIds: an achievement of any subject', () => {
    expect(pick({ achievementIds: ['urn:ach:sql'] })).toEqual([1]);
    expect(pick({ achievementIds: ['urn:ach:stats', 'urn:ach:py'] })).toEqual([0, 1]);
    expect(pick({ achievementIds: ['urn:ach:none'] })).toEqual([]);
  });

  it('skills: alignment targetUrl / targetCode / targetName and tags, case-insensitive on both sides', () => {
    expect(pick({ skills: ['data analysis'] })).toEqual([0]);
    expect(pick({ skills: ['HTTPS://SKILLS.EXAMPLE/da'] })).toEqual([0]);
    expect(pick({ skills: ['py-101'] })).toEqual([1]);
    expect(pick({ skills: ['r'] })).toEqual([0]);
    expect(pick({ skills: ['PYTHON'] })).toEqual([1]);
    // a non-string targetName / tag is not a skill
    expect(pick({ skills: ['7'] })).toEqual([]);
    expect(pick({ skills: ['3'] })).toEqual([]);
    expect(pick({ skills: ['python', 'data analysis'] })).toEqual([0, 1]);
    expect(pick({ skills: [] })).toEqual([]);
  });

  it('dates: awardedDate, else validFrom, else issuanceDate; both bounds inclusive; no usable date → not chosen', () => {
    // c0 2026-01-01 (validFrom), c1 2026-03-01 (awardedDate wins over its validFrom 2025), c2 2025-06-01 (issuanceDate), c3 none
    expect(pick({ from: '2026-01-01T00:00:00Z' })).toEqual([0, 1]);
    expect(pick({ from: '2026-01-01T00:00:01Z' })).toEqual([1]);
    expect(pick({ until: '2026-01-01T00:00:00Z' })).toEqual([0, 2]);
    expect(pick({ until: '2025-12-31T23:59:59Z' })).toEqual([2]);
    expect(pick({ from: new Date('2025-06-01T00:00:00Z'), until: '2026-03-01T00:00:00Z' })).toEqual([0, 1, 2]);
    expect(pick({ from: '2025-06-01T00:00:01Z', until: '2026-02-28T23:59:59Z' })).toEqual([0]);
    // a date that is not a string is no date (the number 2026 would parse as the year 2026)
    expect(pick({ from: '2000-01-01T00:00:00Z' }, [c0, cred('urn:n', 'pn', { validFrom: 20260101 }), cred('urn:y', 'py', { awardedDate: 2026 })])).toEqual([0]);
  });

  it('criteria combine with AND; a function is the predicate, called with the credential and its index', () => {
    expect(pick({ issuers: [ISS_A], skills: ['r'] })).toEqual([0]);
    expect(pick({ issuers: [ISS_A], achievementIds: ['urn:ach:py'] })).toEqual([]);
    const seen: Array<[string | undefined, number]> = [];
    expect(pick((c, i) => (seen.push([c.id, i]), i % 2 === 1))).toEqual([1, 3]);
    expect(seen).toEqual([
      ['urn:c0', 0],
      ['urn:c1', 1],
      [undefined, 2],
      ['urn:c3', 3],
    ]);
    expect(pick({ ids: ['urn:c0', 'urn:c1'], predicate: (c) => c.id === 'urn:c1' })).toEqual([1]);
  });
});

describe('recombine: selection, format, and what a CLR source carries over', () => {
  const M1 = 'urn:ach:m1';
  const M2 = 'urn:ach:m2';
  const PROG = 'urn:ach:prog';
  const OTHER = 'urn:ach:other';
  const k1 = cred('urn:k1', 'p1', { credentialSubject: { id: 'did:example:l', achievement: { id: M1 } } });
  const k2 = cred('urn:k2', 'p2', { credentialSubject: { id: 'did:example:l', achievement: { id: M2 } } });
  const k3 = cred('urn:k3', 'p3', { credentialSubject: { id: 'did:example:l', achievement: { name: 'no id' } } });
  const programme = { id: PROG, type: ['Achievement'], name: 'Programme' };
  const other = { id: OTHER, type: ['Achievement'], name: 'Other' };
  const assoc = (associationType: string, sourceId: string, targetId: string) => ({ type: 'Association', associationType, sourceId, targetId });
  const clr = (extra: Cred = {}): Cred => ({
    type: ['VerifiableCredential', 'ClrCredential'],
    credentialSubject: {
      type: ['ClrSubject'],
      achievement: [programme, 'urn:ach:text', other, { name: 'anonymous' }],
      association: [
        assoc('precedes', M1, M2),
        assoc('isPartOf', M1, PROG),
        assoc('isPartOf', M2, PROG),
        assoc('isRelatedTo', PROG, OTHER),
        assoc('isPartOf', M1, 'urn:ach:gone'),
        null,
      ],
      verifiableCredential: [k1, k2, k3],
      ...extra,
    },
  });
  const KEY = { id: 'did:example:inst#k', controller: 'did:example:inst' } as any;
  const HOLDER = { id: 'did:example:l#k', controller: 'did:example:l' } as any;
  const signer = { id: 'did:example:inst#s', algorithm: 'Ed25519', sign: async () => new Uint8Array(64) };

  it('refuses missing options and an empty selection (naming how many there were)', async () => {
    expect(refusal(await rejected(recombine([k1], {}, undefined as any)))).toEqual(['ERR_INVALID_INPUT', 'bundle options are required', undefined]);
    expect(refusal(await rejected(recombine([k1], {}, 'clr' as any)))[0]).toBe('ERR_INVALID_INPUT');
    expect(refusal(await rejected(recombine([k1, k2], { ids: ['urn:none'] }, { key: KEY })))).toEqual([
      'ERR_EMPTY_SELECTION',
      'no credential matches the selection (out of 2)',
      undefined,
    ]);
    expect(refusal(await rejected(recombine(clr(), { ids: ['urn:none'] }, { key: KEY })))[1]).toBe('no credential matches the selection (out of 3)');
  });

  it('the format: options.format, else holderKey / holderSigner → presentation, key / signer → CLR; neither → refused', async () => {
    const verb = async (o: any) => ((await recombine([k1], {}, o)) as any).verb;
    expect(await verb({ holderKey: HOLDER })).toBe('bundlePresentation');
    expect(await verb({ holderSigner: signer })).toBe('bundlePresentation');
    expect(await verb({ key: KEY })).toBe('bundleClr');
    expect(await verb({ signer })).toBe('bundleClr');
    expect(await verb({ key: KEY, holderKey: HOLDER })).toBe('bundlePresentation');
    expect(await verb({ format: 'clr', holderKey: HOLDER, key: KEY })).toBe('bundleClr');
    expect(await verb({ format: 'presentation', key: KEY })).toBe('bundlePresentation');
    expect(refusal(await rejected(recombine([k1], {}, { now: '2026-01-01T00:00:00Z' })))).toEqual([
      'ERR_INVALID_INPUT',
      "options need format 'clr' (with key) or 'presentation' (with holderKey)",
      undefined,
    ]);
    expect(refusal(await rejected(recombine([k1], {}, { format: 'jwt', key: KEY } as any)))[0]).toBe('ERR_INVALID_INPUT');
  });

  it('hands on the chosen credentials and the options without format', async () => {
    const p: any = await recombine([k1, k2, k3], { ids: ['urn:k2', 'urn:k3'] }, { format: 'presentation', holderKey: HOLDER, challenge: 'c-1' });
    expect(p.credentials).toEqual([k2, k3]);
    expect(p.credentials[0]).toBe(k2);
    expect(p.options).toEqual({ holderKey: HOLDER, challenge: 'c-1' });
    const c: any = await recombine([k1, k2], { ids: ['urn:k1'] }, { format: 'clr', key: KEY, name: 'N' });
    expect(c.options).toEqual({ key: KEY, name: 'N' });
    // from a list of credentials: nothing is carried over and nothing is marked partial
    expect(Object.keys(c.options)).toEqual(['key', 'name']);
  });

  it('CLR → smaller CLR: associations with both ends known and one end kept, stripped to the three fields; the achievements they need; partial', async () => {
    const out: any = await recombine(clr(), { ids: ['urn:k1'] }, { key: KEY });
    expect(out.credentials).toEqual([k1]);
    // precedes M1→M2: M2 is not kept and not an achievement of the CLR → dropped; M1→gone dropped; PROG→OTHER keeps neither end
    expect(out.options.associations).toEqual([{ associationType: 'isPartOf', sourceId: M1, targetId: PROG }]);
    expect(out.options.achievements).toEqual([programme]);
    expect(out.options.achievements[0]).toBe(programme);
    expect(out.options.partial).toBe(true);
  });

  it('every module kept → the associations among them and to the programme; not partial', async () => {
    const out: any = await recombine(clr(), {}, { key: KEY });
    expect(out.credentials).toHaveLength(3);
    expect(out.options.associations).toEqual([
      { associationType: 'precedes', sourceId: M1, targetId: M2 },
      { associationType: 'isPartOf', sourceId: M1, targetId: PROG },
      { associationType: 'isPartOf', sourceId: M2, targetId: PROG },
    ]);
    expect(out.options.achievements).toEqual([programme]);
    expect('partial' in out.options).toBe(false);
  });

  it('an association kept between two kept modules needs no achievement of the CLR: none carried', async () => {
    const onlyPrecedes = clr({ association: [assoc('precedes', M1, M2)] });
    const out: any = await recombine(onlyPrecedes, {}, { key: KEY });
    expect(out.options.associations).toEqual([{ associationType: 'precedes', sourceId: M1, targetId: M2 }]);
    expect('achievements' in out.options).toBe(false);
  });

  it('an association between two achievements of the CLR only (no kept module) is dropped', async () => {
    const out: any = await recombine(clr({ association: [assoc('isRelatedTo', PROG, OTHER)] }), { ids: ['urn:k1'] }, { key: KEY });
    expect('associations' in out.options).toBe(false);
    expect('achievements' in out.options).toBe(false);
    expect(out.options.partial).toBe(true);
  });

  it('only achievement objects with an id count: a bare string, an achievement without id, an association without an end', async () => {
    // every module kept (k3's achievement has no id); the CLR lists 'urn:ach:text' as a string, not an Achievement
    const odd = clr({
      association: [assoc('isPartOf', M1, 'urn:ach:text'), { type: 'Association', associationType: 'isPartOf', targetId: M1 }, { associationType: 'precedes', sourceId: M2 }, assoc('precedes', M1, M2)],
    });
    const out: any = await recombine(odd, {}, { key: KEY });
    expect(out.options.associations).toEqual([{ associationType: 'precedes', sourceId: M1, targetId: M2 }]);
    expect('achievements' in out.options).toBe(false);
  });

  it('the first subject of the CLR is where associations are read: a non-object first subject carries nothing', async () => {
    const src = { type: ['VerifiableCredential', 'ClrCredential'], credentialSubject: [null, clr().credentialSubject] };
    const out: any = await recombine(src, { ids: ['urn:k1'] }, { key: KEY });
    expect(out.credentials).toEqual([k1]);
    expect(out.options).toEqual({ key: KEY, partial: true });
  });

  it('the caller’s own associations, achievements and partial win', async () => {
    const own: any = await recombine(clr(), { ids: ['urn:k1'] }, { key: KEY, associations: [] });
    expect(own.options).toEqual({ key: KEY, associations: [] });
    const ach: any = await recombine(clr(), { ids: ['urn:k1'] }, { key: KEY, achievements: 'from-credentials' });
    expect(ach.options.associations).toEqual([{ associationType: 'isPartOf', sourceId: M1, targetId: PROG }]);
    expect(ach.options.achievements).toBe('from-credentials');
    const whole: any = await recombine(clr(), { ids: ['urn:k1'] }, { key: KEY, partial: false });
    expect(whole.options.partial).toBe(false);
  });

  it('a CLR with no associations or no achievements: nothing carried; a presentation source carries nothing', async () => {
    const bare: any = await recombine(clr({ association: undefined, achievement: undefined }), { ids: ['urn:k2'] }, { key: KEY });
    expect(bare.options).toEqual({ key: KEY, partial: true });
    const vp = { type: ['VerifiablePresentation'], verifiableCredential: [k1, k2] };
    const fromVp: any = await recombine(vp, { ids: ['urn:k1'] }, { key: KEY });
    expect(fromVp.options).toEqual({ key: KEY });
    // to a presentation nothing is carried either
    const toVp: any = await recombine(clr(), { ids: ['urn:k1'] }, { holderKey: HOLDER });
    expect(toVp.options).toEqual({ holderKey: HOLDER });
    // the credentials of a portfolio are copies (unbundle), not the embedded objects
    expect(fromVp.credentials[0]).toEqual(k1);
    expect(fromVp.credentials[0]).not.toBe(k1);
  });
});

// Issue 21 (mutation area `verify-schema`): the verifier's JSON Schema check (src/verify/checks/schema.ts, checkSchema),
// the report it builds from the validators' errors (src/schema/engine.ts) and the lazy loading of the precompiled
// validators (src/schema/load.ts). The validators are stubs that record what they were given and answer hand-made ajv
// error objects (ajv's ErrorObject: keyword, instancePath, schemaPath, params, propertyName — the shapes the precompiled
// validators give, e.g. `{ instancePath: '', schemaPath: 'ob-v3p0-achievementcredential.schema.json#/required',
// keyword: 'required', params: { missingProperty: 'issuer' } }`). The real validators are not imported here (vitest's
// transform of the 445 kB module takes seconds on the shared machine); test/schema/validate.test.ts and
// lazy-validators.test.ts run them.
//
// The rules (docs/design and the code's own contract):
// - checkSchema validates a copy of the signed-data view ("check what is signed"), with the document's own `@context` and
//   proofs, in the document's array shapes; neither the credential nor the view is touched.
// - Fail closed: validators that cannot load → skipped `SKIP_SCHEMA_UNAVAILABLE`, a validation that cannot run → skipped
//   `SKIP_SCHEMA_ERROR`; under `strictSchema` both are the failure `ERR_SCHEMA_UNCHECKED` ("a caller that requires schema
//   conformance never gets a verified report without it"). Never `passed` without a validator saying so.
// - Schema problems: warning `W_SCHEMA_INVALID`, or failure `ERR_SCHEMA_INVALID` under `strictSchema`; the message counts
//   every problem and words the first five as `<JSON path>: <message>`.
// - The schema is picked by type: ClrCredential (its embedded credentials too), else EndorsementCredential, else
//   OpenBadgeCredential / AchievementCredential (each with the credstack micro-credential extension schema).
// - JSON paths from JSON pointers (RFC 6901 §3/§4: `~1` is `/`, `~0` is `~`).
// - loadValidators: loaded once on first use; a failed load rejects and the next call tries again.
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { achievementWith, credentialWith, kindWith, profileWith, type Validators } from '../../src/schema/engine.js';
import { checkSchema } from '../../src/verify/checks/schema.js';
import type { VerifyContext } from '../../src/verify/options.js';
import type { CredentialView } from '../../src/verify/view.js';

const L = vi.hoisted(() => ({ load: (): Promise<unknown> => Promise.reject(new Error('no validators set in this test')) }));
vi.mock('../../src/schema/load.js', () => ({ loadValidators: () => L.load() }));

type Name = 'achievementCredential' | 'endorsementCredential' | 'clrCredential' | 'achievement' | 'profile' | 'microcredential';
/** true: valid; false: invalid without errors (errors null); a list: invalid with these errors; a function: per input. */
type Answer = boolean | ErrorObject[] | ((data: unknown) => boolean | ErrorObject[]);
const NAMES: Name[] = ['achievementCredential', 'endorsementCredential', 'clrCredential', 'achievement', 'profile', 'microcredential'];

/** Stub validators: each records [name, JSON of its input, the input] and answers as told (default: valid). */
function stubs(answers: Partial<Record<Name, Answer>> = {}, descriptions: Record<string, string> = {}, contains: Record<string, string> = {}) {
  const calls: Array<[Name, string, unknown]> = [];
  const make = (name: Name): ValidateFunction => {
    const f = ((data: unknown) => {
      calls.push([name, JSON.stringify(data), data]);
      let a = answers[name] ?? true;
      if (typeof a === 'function') a = a(data);
      f.errors = a === true || a === false ? null : a;
      return a === true;
    }) as ValidateFunction;
    return f;
  };
  const v = Object.fromEntries(NAMES.map((n) => [n, make(n)])) as unknown as Validators;
  v.descriptions = descriptions;
  v.contains = contains;
  return { v, calls, names: () => calls.map((c) => c[0]) };
}

const E = (keyword: string, instancePath: string, schemaPath: string, params: Record<string, unknown> = {}, propertyName?: string): ErrorObject =>
  ({ keyword, instancePath, schemaPath, params, ...(propertyName === undefined ? {} : { propertyName }) }) as ErrorObject;
const req = (instancePath: string, missingProperty: string) => E('required', instancePath, 's.json#/required', { missingProperty });

const V2 = 'https://www.w3.org/ns/credentials/v2';
const OB = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const OBT = ['VerifiableCredential', 'OpenBadgeCredential'];
const ctx = (strictSchema?: boolean): VerifyContext => ({ opts: strictSchema === undefined ? {} : { strictSchema } }) as unknown as VerifyContext;
const view = (document: Record<string, unknown>): CredentialView => ({ document, vcVersion: 2, types: [], credentialSubject: [] });

afterEach(() => {
  L.load = () => Promise.reject(new Error('no validators set in this test'));
});

describe('checkSchema: fail closed when the validators cannot load', () => {
  it('SKIP_SCHEMA_UNAVAILABLE with the loader\'s reason, no validator run; ERR_SCHEMA_UNCHECKED under strictSchema', async () => {
    L.load = () => Promise.reject(new Error('Failed to fetch dynamically imported module: ob-3XQ.js'));
    const doc = { type: OBT };
    expect(await checkSchema(view(doc), doc, ctx())).toStrictEqual({
      id: 'schema', status: 'skipped', code: 'SKIP_SCHEMA_UNAVAILABLE',
      message: 'schema not checked: the validators could not be loaded ("Failed to fetch dynamically imported module: ob-3XQ.js")',
    });
    expect(await checkSchema(view(doc), doc, ctx(false))).toMatchObject({ status: 'skipped', code: 'SKIP_SCHEMA_UNAVAILABLE' });
    expect(await checkSchema(view(doc), doc, ctx(true))).toStrictEqual({
      id: 'schema', status: 'failed', code: 'ERR_SCHEMA_UNCHECKED',
      message: 'schema not checked: the validators could not be loaded ("Failed to fetch dynamically imported module: ob-3XQ.js") (strictSchema requires the check)',
    });
  });

  it('the reason is shown safely: a thrown null is "nothing", a non-string message its value, a long one cut at 200 characters', async () => {
    const doc = { type: OBT };
    L.load = () => Promise.reject(null);
    expect((await checkSchema(view(doc), doc, ctx())).message).toBe('schema not checked: the validators could not be loaded (nothing)');
    L.load = () => Promise.reject({ message: 42 });
    expect((await checkSchema(view(doc), doc, ctx())).message).toBe('schema not checked: the validators could not be loaded (42)');
    L.load = () => Promise.reject(new Error('x'.repeat(201)));
    expect((await checkSchema(view(doc), doc, ctx())).message).toBe(`schema not checked: the validators could not be loaded ("${'x'.repeat(200)}…")`);
  });
});

describe('checkSchema: fail closed when the validation cannot run', () => {
  it('a validator that throws: SKIP_SCHEMA_ERROR with its message; ERR_SCHEMA_UNCHECKED under strictSchema', async () => {
    const { v } = stubs({ achievementCredential: () => { throw new Error('boom'); } });
    L.load = async () => v;
    const doc = { type: OBT };
    expect(await checkSchema(view(doc), doc, ctx())).toStrictEqual({
      id: 'schema', status: 'skipped', code: 'SKIP_SCHEMA_ERROR', message: 'schema validation could not run: "boom"',
    });
    expect(await checkSchema(view(doc), doc, ctx(true))).toStrictEqual({
      id: 'schema', status: 'failed', code: 'ERR_SCHEMA_UNCHECKED', message: 'schema validation could not run: "boom" (strictSchema requires the check)',
    });
  });

  it('a thrown null, a view that cannot be copied, validators missing from the loaded module: never passed', async () => {
    const { v } = stubs({ achievementCredential: () => { throw null; } });
    L.load = async () => v;
    const doc = { type: OBT };
    expect(await checkSchema(view(doc), doc, ctx())).toStrictEqual({ id: 'schema', status: 'skipped', code: 'SKIP_SCHEMA_ERROR', message: 'schema validation could not run: nothing' });
    // structuredClone's DataCloneError (WHATWG HTML §2.7.3 StructuredSerializeInternal: a function cannot be serialized)
    L.load = async () => stubs().v;
    expect(await checkSchema(view({ type: OBT, f: function f() {} }), doc, ctx())).toStrictEqual({
      id: 'schema', status: 'skipped', code: 'SKIP_SCHEMA_ERROR', message: 'schema validation could not run: "function f() {} could not be cloned."',
    });
    L.load = async () => ({ descriptions: {}, contains: {} });
    expect(await checkSchema(view(doc), doc, ctx(true))).toMatchObject({ status: 'failed', code: 'ERR_SCHEMA_UNCHECKED' });
  });
});

describe('checkSchema: the verdict', () => {
  it('passed only when the validators say so; the check has no code', async () => {
    L.load = async () => stubs().v;
    const doc = { type: OBT };
    expect(await checkSchema(view(doc), doc, ctx())).toStrictEqual({ id: 'schema', status: 'passed', message: 'matches the JSON Schema' });
    expect(await checkSchema(view(doc), doc, ctx(true))).toStrictEqual({ id: 'schema', status: 'passed', message: 'matches the JSON Schema' });
  });

  it('problems: W_SCHEMA_INVALID (ERR_SCHEMA_INVALID under strictSchema), counting all, wording the first five', async () => {
    const seven = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((p) => req('', p));
    L.load = async () => stubs({ achievementCredential: seven }).v;
    const doc = { type: OBT };
    const words = '$.a: required property "a" is missing; $.b: required property "b" is missing; $.c: required property "c" is missing; '
      + '$.d: required property "d" is missing; $.e: required property "e" is missing';
    expect(await checkSchema(view(doc), doc, ctx())).toStrictEqual({ id: 'schema', status: 'warning', code: 'W_SCHEMA_INVALID', message: `7 schema problem(s): ${words}` });
    expect(await checkSchema(view(doc), doc, ctx(true))).toStrictEqual({ id: 'schema', status: 'failed', code: 'ERR_SCHEMA_INVALID', message: `7 schema problem(s): ${words}` });
    L.load = async () => stubs({ microcredential: [req('/credentialSubject', 'x')] }).v;
    expect(await checkSchema(view(doc), doc, ctx(false))).toStrictEqual({
      id: 'schema', status: 'warning', code: 'W_SCHEMA_INVALID', message: '1 schema problem(s): $.credentialSubject.x: required property "x" is missing',
    });
  });

  it('an unknown credential type is a schema problem, not a pass', async () => {
    const s = stubs();
    L.load = async () => s.v;
    const doc = { type: ['VerifiableCredential'] };
    expect(await checkSchema(view(doc), doc, ctx())).toStrictEqual({
      id: 'schema', status: 'warning', code: 'W_SCHEMA_INVALID',
      message: '1 schema problem(s): $.type: must include OpenBadgeCredential, AchievementCredential, EndorsementCredential or ClrCredential',
    });
    expect(s.calls).toEqual([]);
  });
});

describe('checkSchema: what is validated — a copy of the signed view with the document\'s @context, proofs and array shapes', () => {
  it('the view\'s claims (not the JSON\'s), @context first, the document\'s proof, one-element arrays as written; nothing modified', async () => {
    const s = stubs();
    L.load = async () => s.v;
    const proof = { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofValue: 'z3' };
    const cred = { '@context': [V2, OB], id: 'urn:json', type: OBT, name: 'only in the JSON', evidence: [{ id: 'urn:e' }], proof };
    const doc = { id: 'urn:signed', type: OBT, evidence: { id: 'urn:e' } };
    const v = view(doc);
    const before = [JSON.stringify(cred), JSON.stringify(v)];
    expect((await checkSchema(v, cred, ctx())).status).toBe('passed');
    expect(s.names()).toEqual(['achievementCredential', 'microcredential']);
    const want = JSON.stringify({ '@context': [V2, OB], id: 'urn:signed', type: OBT, evidence: [{ id: 'urn:e' }], proof });
    expect(s.calls.map((c) => c[1])).toEqual([want, want]);
    const given = s.calls[0]![2] as Record<string, any>;
    expect(given.evidence[0]).not.toBe(doc.evidence);
    expect(given.type).not.toBe(doc.type);
    expect([JSON.stringify(cred), JSON.stringify(v)]).toEqual(before);
  });

  it('no proof in the document: the copy has no proof key', async () => {
    const s = stubs();
    L.load = async () => s.v;
    const cred = { '@context': [V2], type: OBT };
    await checkSchema(view({ type: OBT }), cred, ctx());
    expect(Object.keys(s.calls[0]![2] as object)).toEqual(['@context', 'type']);
  });

  it('embedded credentials (CLR): each gets its own document\'s @context and proof back, by position', async () => {
    const s = stubs();
    L.load = async () => s.v;
    const P0 = { type: 'DataIntegrityProof', proofValue: 'z0' };
    const cred = {
      '@context': [V2], type: ['VerifiableCredential', 'ClrCredential'],
      credentialSubject: { verifiableCredential: [{ '@context': [V2, 'urn:c0'], id: 'urn:0', type: OBT, proof: P0 }, { '@context': [V2, 'urn:c1'], id: 'urn:1', type: OBT }] },
    };
    const doc = { type: ['VerifiableCredential', 'ClrCredential'], credentialSubject: { verifiableCredential: [{ id: 'urn:0', type: OBT }, { id: 'urn:1', type: OBT }] } };
    expect((await checkSchema(view(doc), cred, ctx())).status).toBe('passed');
    const clr = s.calls.find((c) => c[0] === 'clrCredential')!;
    expect((clr[2] as { credentialSubject: { verifiableCredential: unknown } }).credentialSubject.verifiableCredential).toStrictEqual([
      { id: 'urn:0', type: OBT, '@context': [V2, 'urn:c0'], proof: P0 },
      { id: 'urn:1', type: OBT, '@context': [V2, 'urn:c1'] },
    ]);
    // the embedded ones are validated on their own too (engine), with what was restored
    expect(s.calls.filter((c) => c[0] === 'achievementCredential').map((c) => JSON.parse(c[1])['@context'])).toEqual([[V2, 'urn:c0'], [V2, 'urn:c1']]);
    expect(doc.credentialSubject.verifiableCredential[0]).toStrictEqual({ id: 'urn:0', type: OBT });
  });

  it('a single embedded credential (no array in the document either) gets its @context back too', async () => {
    const s = stubs();
    L.load = async () => s.v;
    const cred = { '@context': [V2], type: ['ClrCredential'], credentialSubject: { verifiableCredential: { '@context': [V2, 'urn:c'], id: 'urn:0', proof: { proofValue: 'z' } } } };
    const doc = { type: ['ClrCredential'], credentialSubject: { verifiableCredential: { id: 'urn:0' } } };
    await checkSchema(view(doc), cred, ctx());
    expect((s.calls[0]![2] as { credentialSubject: { verifiableCredential: unknown } }).credentialSubject.verifiableCredential)
      .toStrictEqual({ id: 'urn:0', '@context': [V2, 'urn:c'], proof: { proofValue: 'z' } });
  });

  it('nothing is restored into or from what is no credential object: a VC-JWT string, a missing subject, a string in the document', async () => {
    const s = stubs();
    L.load = async () => s.v;
    const jwt = 'eyJhbGciOiJFZERTQSJ9.eyJ2YyI6e319.c2ln';
    let cred: Record<string, unknown> = { type: ['ClrCredential'], credentialSubject: { verifiableCredential: [jwt, { '@context': [V2] }] } };
    let doc: Record<string, unknown> = { type: ['ClrCredential'], credentialSubject: { verifiableCredential: [jwt, { id: 'urn:1' }] } };
    expect(await checkSchema(view(doc), cred, ctx())).toMatchObject({ status: 'warning', code: 'W_SCHEMA_INVALID' });
    const given = () => (s.calls[0]![2] as { credentialSubject: { verifiableCredential: unknown } }).credentialSubject.verifiableCredential;
    expect(given()).toStrictEqual([jwt, { id: 'urn:1', '@context': [V2] }]);
    // a string or null in the view, a string or null in the document (by position): nothing restored, no key added
    s.calls.length = 0;
    cred = { type: ['ClrCredential'], credentialSubject: { verifiableCredential: [{ '@context': [V2] }, { '@context': [V2] }, 'x', null] } };
    doc = { type: ['ClrCredential'], credentialSubject: { verifiableCredential: [jwt, null, { id: 'urn:2' }, { id: 'urn:3' }] } };
    expect(await checkSchema(view(doc), cred, ctx())).toStrictEqual({
      id: 'schema', status: 'warning', code: 'W_SCHEMA_INVALID',
      message: '2 schema problem(s): $.credentialSubject.verifiableCredential[2].type: must include OpenBadgeCredential, AchievementCredential, EndorsementCredential or ClrCredential; '
        + '$.credentialSubject.verifiableCredential[3].type: must include OpenBadgeCredential, AchievementCredential, EndorsementCredential or ClrCredential',
    });
    expect(given()).toStrictEqual([jwt, null, { id: 'urn:2' }, { id: 'urn:3' }]);
    // fewer embedded credentials in the document than in the view: restored by position as far as the document goes
    s.calls.length = 0;
    cred = { type: ['ClrCredential'], credentialSubject: { verifiableCredential: [{ '@context': [V2, 'urn:c0'], id: 'urn:0' }] } };
    doc = { type: ['ClrCredential'], credentialSubject: { verifiableCredential: [{ id: 'urn:0', type: OBT }, { id: 'urn:1', type: OBT }] } };
    expect((await checkSchema(view(doc), cred, ctx())).status).toBe('passed');
    expect(given()).toStrictEqual([{ id: 'urn:0', type: OBT, '@context': [V2, 'urn:c0'] }, { id: 'urn:1', type: OBT }]);
    // no subject at all, a null subject, a subject list: checked as they are
    for (const [d, c] of [[{ type: OBT }, { type: OBT }], [{ type: OBT, credentialSubject: null }, { type: OBT, credentialSubject: null }], [{ type: OBT }, { type: OBT, credentialSubject: [{ verifiableCredential: [{}] }] }]] as const) {
      L.load = async () => stubs().v;
      expect((await checkSchema(view(d), c, ctx())).status, JSON.stringify(c)).toBe('passed');
    }
  });
});

describe('credentialWith: which schema', () => {
  it('not an object: one problem at $, naming what it got', () => {
    const { v, calls } = stubs();
    const at = (x: unknown) => credentialWith(v, x);
    expect(at(undefined)).toStrictEqual({ valid: false, errors: [{ path: '$', message: 'must be a credential object, got undefined' }] });
    expect(at(null).errors[0]!.message).toBe('must be a credential object, got null');
    expect(at([{}]).errors[0]!.message).toBe('must be a credential object, got an array');
    expect(at(5).errors[0]!.message).toBe('must be a credential object, got 5');
    expect(at(true).errors[0]!.message).toBe('must be a credential object, got true');
    expect(at('x'.repeat(50)).errors[0]!.message).toBe(`must be a credential object, got "${'x'.repeat(50)}"`);
    expect(at('x'.repeat(51)).errors[0]!.message).toBe(`must be a credential object, got "${'x'.repeat(47)}..."`);
    expect(calls).toEqual([]);
  });

  it('OpenBadgeCredential or AchievementCredential (array or single string): the OB 3.0 schema and the extension schema', () => {
    for (const type of [OBT, ['VerifiableCredential', 'AchievementCredential'], 'OpenBadgeCredential', [5, 'AchievementCredential']]) {
      const s = stubs();
      expect(credentialWith(s.v, { type })).toStrictEqual({ valid: true, errors: [] });
      expect(s.names(), JSON.stringify(type)).toEqual(['achievementCredential', 'microcredential']);
    }
  });

  it('EndorsementCredential: its schema and the extension schema; ClrCredential first of all', () => {
    let s = stubs();
    credentialWith(s.v, { type: ['VerifiableCredential', 'EndorsementCredential', 'OpenBadgeCredential'] });
    expect(s.names()).toEqual(['endorsementCredential', 'microcredential']);
    s = stubs();
    credentialWith(s.v, { type: ['VerifiableCredential', 'OpenBadgeCredential', 'EndorsementCredential', 'ClrCredential'] });
    expect(s.names()).toEqual(['clrCredential']);
  });

  it('no known type (missing, a number, a name containing a known one): a problem at $.type, no schema run', () => {
    for (const type of [undefined, 7, ['VerifiableCredential'], 'NotAnOpenBadgeCredential', { 0: 'OpenBadgeCredential' }]) {
      const s = stubs();
      expect(credentialWith(s.v, { type }), JSON.stringify(type)).toStrictEqual({
        valid: false, errors: [{ path: '$.type', message: 'must include OpenBadgeCredential, AchievementCredential, EndorsementCredential or ClrCredential' }],
      });
      expect(s.calls).toEqual([]);
    }
  });

  it('the two schemas\' problems merged in order, the same problem (path and message) once', () => {
    const s = stubs({ achievementCredential: [req('', 'id'), req('', 'name')], microcredential: [req('', 'name'), req('', 'x'), req('', 'id')] });
    expect(credentialWith(s.v, { type: OBT }).errors).toStrictEqual([
      { path: '$.id', message: 'required property "id" is missing' },
      { path: '$.name', message: 'required property "name" is missing' },
      { path: '$.x', message: 'required property "x" is missing' },
    ]);
    const e = stubs({ endorsementCredential: [req('', 'a')], microcredential: [req('', 'a'), req('', 'b')] });
    expect(credentialWith(e.v, { type: ['EndorsementCredential'] })).toStrictEqual({
      valid: false, errors: [{ path: '$.a', message: 'required property "a" is missing' }, { path: '$.b', message: 'required property "b" is missing' }],
    });
    // one schema valid, the other not: invalid
    expect(credentialWith(stubs({ microcredential: [req('', 'z')] }).v, { type: OBT }).valid).toBe(false);
    expect(credentialWith(stubs({ endorsementCredential: [req('', 'z')] }).v, { type: ['EndorsementCredential'] }).valid).toBe(false);
  });

  it('ClrCredential: its embedded credential objects validated too, their problems under $.credentialSubject.verifiableCredential[i]', () => {
    const s = stubs({
      clrCredential: [req('', 'name')],
      achievementCredential: (d) => ((d as { id: string }).id === 'urn:1' ? [req('/credentialSubject', 'achievement')] : true),
    });
    const clr = { type: ['ClrCredential'], credentialSubject: { verifiableCredential: [{ id: 'urn:0', type: OBT }, 'eyJ.jwt.x', null, { id: 'urn:1', type: OBT }, { id: 'urn:2' }] } };
    expect(credentialWith(s.v, clr)).toStrictEqual({
      valid: false,
      errors: [
        { path: '$.name', message: 'required property "name" is missing' },
        { path: '$.credentialSubject.verifiableCredential[3].credentialSubject.achievement', message: 'required property "achievement" is missing' },
        { path: '$.credentialSubject.verifiableCredential[4].type', message: 'must include OpenBadgeCredential, AchievementCredential, EndorsementCredential or ClrCredential' },
      ],
    });
    expect(s.names()).toEqual(['clrCredential', 'achievementCredential', 'microcredential', 'achievementCredential', 'microcredential']);
    // an embedded credential's problem alone makes the CLR invalid
    expect(credentialWith(stubs().v, { type: ['ClrCredential'], credentialSubject: { verifiableCredential: [{ type: ['X'] }] } }).valid).toBe(false);
  });

  it('ClrCredential without subject or without a list of credentials: the CLR schema only', () => {
    for (const c of [{ type: ['ClrCredential'] }, { type: ['ClrCredential'], credentialSubject: null }, { type: ['ClrCredential'], credentialSubject: { verifiableCredential: { type: OBT } } }]) {
      const s = stubs();
      expect(credentialWith(s.v, c), JSON.stringify(c)).toStrictEqual({ valid: true, errors: [] });
      expect(s.names()).toEqual(['clrCredential']);
    }
  });
});

describe('run: a validator\'s answer as problems (fail closed)', () => {
  it('"invalid" is never valid: with no errors, or only the if / allOf summaries, it is one problem at $', () => {
    for (const a of [false, [], [E('if', '', 's.json#/if', { failingKeyword: 'then' })], [E('allOf', '/x', 's.json#/allOf')]] as Answer[]) {
      expect(credentialWith(stubs({ achievementCredential: a }).v, { type: OBT }), JSON.stringify(a)).toStrictEqual({
        valid: false, errors: [{ path: '$', message: 'does not match the schema' }],
      });
    }
  });

  it('only `true` is valid: a validator answering a Promise (ajv\'s $async schemas) or another truthy value is not', () => {
    for (const answer of [Promise.resolve(true), 1, 'valid']) {
      const { v } = stubs();
      v.clrCredential = (() => answer) as unknown as ValidateFunction;
      expect(credentialWith(v, { type: ['ClrCredential'] }), String(answer)).toStrictEqual({ valid: false, errors: [{ path: '$', message: 'does not match the schema' }] });
    }
  });

  it('repeats within one schema once, also where no second schema is merged (CLR, a forced kind)', () => {
    const twice = [req('', 'a'), req('/x', 'b'), req('', 'a')];
    const want = [{ path: '$.a', message: 'required property "a" is missing' }, { path: '$.x.b', message: 'required property "b" is missing' }];
    expect(credentialWith(stubs({ clrCredential: twice }).v, { type: ['ClrCredential'] }).errors).toStrictEqual(want);
    expect(kindWith(stubs({ endorsementCredential: twice }).v, 'endorsementCredential', {}).errors).toStrictEqual(want);
  });

  it('the if / allOf summaries are left out when the branch errors are there; repeats within one schema once', () => {
    const s = stubs({ achievementCredential: [req('', 'a'), E('if', '', 's.json#/if', { failingKeyword: 'then' }), req('', 'a'), E('allOf', '', 's.json#/allOf'), req('', 'b')] });
    expect(credentialWith(s.v, { type: OBT }).errors).toStrictEqual([
      { path: '$.a', message: 'required property "a" is missing' },
      { path: '$.b', message: 'required property "b" is missing' },
    ]);
  });
});

describe('messages: JSON paths', () => {
  const pathOf = (instancePath: string) => credentialWith(stubs({ achievementCredential: [E('type', instancePath, 's.json#/x/type', { type: 'object' })] }).v, { type: OBT }).errors[0]!.path;
  it.each([
    ['', '$'], ['/a', '$.a'], ['/abc/0/b1', '$.abc[0].b1'], ['/12', '$[12]'], ['/1a', '$["1a"]'], ['/a1', '$.a1'], ['/$x', '$.$x'], ['/_y', '$._y'],
    ['/a-b', '$["a-b"]'], ['/-a', '$["-a"]'], ['/@context/0', '$["@context"][0]'], ['/b c', '$["b c"]'], ['/a~1b~0c', '$["a/b~c"]'],
    ['/~01', '$["~1"]'], ['/x~1y~1z', '$["x/y/z"]'], ['/a~0~0', '$["a~~"]'], ['/é', '$["é"]'],
  ])('instance path %j → %s (RFC 6901 §4: ~1 then ~0)', (p, want) => {
    expect(pathOf(p)).toBe(want);
  });

  it('required and additionalProperties: the property\'s path, its name escaped as a pointer token (RFC 6901 §3)', () => {
    const s = stubs({ achievementCredential: [req('/s', 'a/b'), req('/s', 'c~1'), req('', 'x~y/z'), E('additionalProperties', '/w', 's.json#/$defs/W/additionalProperties', { additionalProperty: 'p/q' })] });
    expect(credentialWith(s.v, { type: OBT }).errors.map((e) => e.path)).toEqual(['$.s["a/b"]', '$.s["c~1"]', '$["x~y/z"]', '$.w["p/q"]']);
  });
});

describe('messages: one per keyword, with the schema node\'s description and the value found', () => {
  const D = { 's.json#/$defs/Uri': 'an absolute URI', 's.json#/$defs/W': 'a workload', 's.json#/$defs/Map/propertyNames': 'a language map' };
  const C = { 's.json#/$defs/Types': '"Achievement"' };
  const data = { s: 'short', long: 'y'.repeat(60), n: 4, b: false, z: null, arr: [1], obj: { k: 1 }, str: 'abc', mid: null };
  const one = (e: ErrorObject, root: unknown = data) => credentialWith(stubs({ achievementCredential: [e] }, D, C).v, { type: OBT, ...(root as object) }).errors;
  const msg = (e: ErrorObject, root?: unknown) => one(e, root)[0]!.message;

  it('the value found: a string (cut past 50 characters), a number, a boolean, null, an array, an object; nothing when absent', () => {
    const t = (p: string) => msg(E('type', p, 's.json#/$defs/Uri/type', { type: 'string' }));
    expect(t('/s')).toBe('must be an absolute URI, got "short"');
    expect(t('/long')).toBe(`must be an absolute URI, got "${'y'.repeat(47)}..."`);
    expect(t('/n')).toBe('must be an absolute URI, got 4');
    expect(t('/b')).toBe('must be an absolute URI, got false');
    expect(t('/z')).toBe('must be an absolute URI, got null');
    expect(t('/arr')).toBe('must be an absolute URI, got an array');
    expect(t('/obj')).toBe('must be an absolute URI, got an object');
    expect(t('/arr/0')).toBe('must be an absolute URI, got 1');
    expect(t('')).toBe('must be an absolute URI, got an object');
    // the pointer's tokens unescaped (RFC 6901 §4) to find the value
    expect(msg(E('type', '/a~1b', 's.json#/$defs/Uri/type', { type: 'string' }), { 'a/b': 7 })).toBe('must be an absolute URI, got 7');
    expect(msg(E('type', '/c~0d', 's.json#/$defs/Uri/type', { type: 'string' }), { 'c~d': 8 })).toBe('must be an absolute URI, got 8');
    // absent, inherited, under a primitive or under null: no value
    for (const p of ['/missing', '/toString', '/obj/constructor', '/str/0', '/str/length', '/mid/x', '/s/x/y']) expect(t(p), p).toBe('must be an absolute URI');
  });

  it('the description wins over ajv\'s parameters; without one the parameters are worded', () => {
    expect(msg(E('type', '/n', 's.json#/$defs/Other/type', { type: 'string' }))).toBe('must be string, got 4');
    expect(msg(E('const', '/s', 's.json#/$defs/Uri/const', { allowedValue: 'Profile' }))).toBe('must be an absolute URI, got "short"');
    expect(msg(E('const', '/s', 's.json#/x/const', { allowedValue: 'Profile' }))).toBe('must be "Profile", got "short"');
    expect(msg(E('enum', '/s', 's.json#/$defs/Uri/enum', { allowedValues: ['a', 'b'] }))).toBe('must be an absolute URI, got "short"');
    expect(msg(E('enum', '/s', 's.json#/x/enum', { allowedValues: ['a', 'b'] }))).toBe('must be one of ["a","b"], got "short"');
    expect(msg(E('pattern', '/s', 's.json#/$defs/Uri/pattern', { pattern: '^a$' }))).toBe('must be an absolute URI, got "short"');
    expect(msg(E('pattern', '/s', 's.json#/x/pattern', { pattern: '^a$' }))).toBe('must be a string matching ^a$, got "short"');
    expect(msg(E('format', '/s', 's.json#/$defs/Uri/format', { format: 'uri' }))).toBe('must be an absolute URI, got "short"');
    expect(msg(E('format', '/s', 's.json#/x/format', { format: 'date-time' }))).toBe('must be a valid date-time, got "short"');
    expect(msg(E('contains', '/arr', 's.json#/$defs/Types/contains', { minContains: 1 }))).toBe('must contain "Achievement"');
    expect(msg(E('contains', '/arr', 's.json#/x/contains', { minContains: 1 }))).toBe('must contain a matching item');
    expect(msg(E('minItems', '/arr', 's.json#/$defs/Uri/minItems', { limit: 2 }))).toBe('must have at least 2 item(s)');
    expect(msg(E('minLength', '/s', 's.json#/$defs/Uri/minLength', { limit: 1 }))).toBe('must be a non-empty string');
    expect(msg(E('required', '/obj', 's.json#/$defs/Uri/required', { missingProperty: 'id' }))).toBe('required property "id" is missing');
  });

  it('additionalProperties and property names: the name, and the node\'s description when there is one', () => {
    expect(one(E('additionalProperties', '/obj', 's.json#/$defs/W/additionalProperties', { additionalProperty: 'hours' }))).toStrictEqual([{ path: '$.obj.hours', message: 'property "hours" is not allowed here (in a workload)' }]);
    expect(one(E('additionalProperties', '/obj', 's.json#/x/additionalProperties', { additionalProperty: 'hours' }))).toStrictEqual([{ path: '$.obj.hours', message: 'property "hours" is not allowed here' }]);
    expect(one(E('pattern', '/obj', 's.json#/$defs/Map/propertyNames/pattern', { pattern: '^[a-z]+$' }, 'en us'))).toStrictEqual([{ path: '$.obj', message: 'property name "en us" is not allowed (expected a language map)' }]);
    expect(one(E('pattern', '/obj', 's.json#/x/propertyNames/pattern', { pattern: '^[a-z]+$' }, 'en us'))).toStrictEqual([{ path: '$.obj', message: 'property name "en us" is not allowed' }]);
    expect(msg(E('propertyNames', '/obj', 's.json#/x/propertyNames', { propertyName: '' }, ''))).toBe('property name "" is not allowed');
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['maximum', { comparison: '<=', limit: 5 }, 'must be <= 5'],
    ['minimum', { comparison: '>=', limit: 0 }, 'must be >= 0'],
    ['exclusiveMaximum', { comparison: '<', limit: 9 }, 'must be < 9'],
    ['exclusiveMinimum', { comparison: '>', limit: 1 }, 'must be > 1'],
    ['maxLength', { limit: 8 }, 'must not have more than 8 characters'],
    ['maxItems', { limit: 3 }, 'must not have more than 3 item(s)'],
    ['minProperties', { limit: 1 }, 'must have at least 1 property'],
    ['minProperties', { limit: 2 }, 'must have at least 2 properties'],
    ['maxProperties', { limit: 4 }, 'must not have more than 4 properties'],
    ['uniqueItems', { i: 2, j: 0 }, 'must not have duplicate items (items 0 and 2 are identical)'],
    ['multipleOf', { multipleOf: 0.5 }, 'must be a multiple of 0.5'],
    ['anyOf', {}, 'must match one of the allowed forms'],
    ['oneOf', { passingSchemas: [0, 1] }, 'must match exactly one of the allowed forms'],
    ['not', {}, 'must not match the excluded form'],
    ['false schema', {}, 'is not allowed here'],
    ['propertyNames', { propertyName: 'x' }, 'property name must be valid'],
    ['dependentRequired', { property: 'a', missingProperty: 'b', deps: 'b', depsCount: 1 }, 'must have property "b" when property "a" is present'],
    ['dependencies', { property: 'c', missingProperty: 'd' }, 'must have property "d" when property "c" is present'],
    ['unevaluatedProperties', { unevaluatedProperty: 'u' }, 'property "u" is not allowed here'],
    ['items', { limit: 2 }, 'must not have more than 2 item(s)'],
    ['unevaluatedItems', { limit: 1 }, 'must not have more than 1 item(s)'],
    ['additionalItems', { limit: 6 }, 'must not have more than 6 item(s)'],
    ['discriminator', { error: 'tag' }, 'is invalid'],
  ])('%s %j: %s (with a description: … (expected it))', (keyword, params, want) => {
    expect(one(E(keyword, '/n', 's.json#/x/' + keyword, params))).toStrictEqual([{ path: '$.n', message: want }]);
    expect(msg(E(keyword, '/n', 's.json#/$defs/Uri/' + keyword, params))).toBe(`${want} (expected an absolute URI)`);
  });

  it('the description is the schema node\'s, found by the error\'s schemaPath without its last segment', () => {
    expect(msg(E('anyOf', '/n', 's.json#/$defs/Uri/anyOf/0', {}))).toBe('must match one of the allowed forms');
    expect(msg(E('anyOf', '/n', 's.json#/$defs/Uri', {}))).toBe('must match one of the allowed forms');
    expect(msg(E('not', '/n', 's.json#/$defs/W/not', {}))).toBe('must not match the excluded form (expected a workload)');
  });
});

describe('achievementWith, profileWith, kindWith (the validate API on the same engine)', () => {
  it('an achievement: its schema, then the extension schema on { credentialSubject: { achievement } } with paths relative to it', () => {
    const s = stubs({ achievement: [req('', 'name')], microcredential: [req('/credentialSubject/achievement', 'name'), req('/credentialSubject/achievement/workload/0', 'unit')] });
    const a = { id: 'urn:a', type: ['Achievement'] };
    expect(achievementWith(s.v, a)).toStrictEqual({
      valid: false, errors: [{ path: '$.name', message: 'required property "name" is missing' }, { path: '$.workload[0].unit', message: 'required property "unit" is missing' }],
    });
    expect(s.calls.map((c) => [c[0], c[1]])).toEqual([['achievement', JSON.stringify(a)], ['microcredential', JSON.stringify({ credentialSubject: { achievement: a } })]]);
    expect(achievementWith(stubs().v, a)).toStrictEqual({ valid: true, errors: [] });
    expect(achievementWith(stubs({ microcredential: [req('/credentialSubject/achievement', 'x')] }).v, a).valid).toBe(false);
    for (const x of [null, 'a', 3]) {
      const p = stubs({ achievement: [E('type', '', 's.json#/type', { type: 'object' })] });
      expect(achievementWith(p.v, x)).toStrictEqual({ valid: false, errors: [{ path: '$', message: `must be object${x === null ? ', got null' : `, got ${JSON.stringify(x)}`}` }] });
      expect(p.names()).toEqual(['achievement']);
    }
  });

  it('a profile: its schema, then the extension schema on { issuer: profile } with paths relative to it', () => {
    const s = stubs({ profile: [req('', 'id')], microcredential: [req('/issuer', 'id'), req('/issuer/address', 'addressCountryCode')] });
    const p = { type: ['Profile'] };
    expect(profileWith(s.v, p)).toStrictEqual({
      valid: false, errors: [{ path: '$.id', message: 'required property "id" is missing' }, { path: '$.address.addressCountryCode', message: 'required property "addressCountryCode" is missing' }],
    });
    expect(s.calls.map((c) => [c[0], c[1]])).toEqual([['profile', JSON.stringify(p)], ['microcredential', JSON.stringify({ issuer: p })]]);
    expect(profileWith(stubs().v, p)).toStrictEqual({ valid: true, errors: [] });
    expect(profileWith(stubs({ microcredential: [req('/issuer', 'x')] }).v, p).valid).toBe(false);
    const n = stubs({ profile: [E('type', '', 's.json#/type', { type: 'object' })] });
    expect(profileWith(n.v, null)).toStrictEqual({ valid: false, errors: [{ path: '$', message: 'must be object, got null' }] });
    expect(profileWith(n.v, 'did:example:p')).toStrictEqual({ valid: false, errors: [{ path: '$', message: 'must be object, got "did:example:p"' }] });
    expect(profileWith(n.v, 5).errors).toStrictEqual([{ path: '$', message: 'must be object, got 5' }]);
    expect(n.names()).toEqual(['profile', 'profile', 'profile']);
  });

  it('by kind: credential picks by type, achievement and profile as above, the others force their schema', () => {
    let s = stubs();
    expect(kindWith(s.v, 'credential', { type: ['EndorsementCredential'] })).toStrictEqual({ valid: true, errors: [] });
    expect(s.names()).toEqual(['endorsementCredential', 'microcredential']);
    s = stubs();
    kindWith(s.v, 'achievement', {});
    expect(s.names()).toEqual(['achievement', 'microcredential']);
    s = stubs();
    kindWith(s.v, 'profile', {});
    expect(s.names()).toEqual(['profile', 'microcredential']);
    for (const k of ['achievementCredential', 'endorsementCredential', 'clrCredential', 'microcredential'] as const) {
      s = stubs({ [k]: [req('', 'q')] });
      expect(kindWith(s.v, k, { type: OBT }), k).toStrictEqual({ valid: false, errors: [{ path: '$.q', message: 'required property "q" is missing' }] });
      expect(s.names()).toEqual([k]);
      expect(kindWith(stubs().v, k, {})).toStrictEqual({ valid: true, errors: [] });
    }
  });
});

describe('loadValidators (src/schema/load.ts): once on first use, again after a failed load', () => {
  afterEach(() => {
    vi.doUnmock('../../src/schema/precompiled/ob.js');
    vi.resetModules();
  });
  const fresh = async () => (await vi.importActual<typeof import('../../src/schema/load.js')>('../../src/schema/load.js')).loadValidators;
  const MODULE = { achievementCredential: () => true, descriptions: { k: 'd' }, contains: {} };

  it('the module\'s exports, loaded once: every call answers the same promise', async () => {
    let loads = 0;
    vi.doMock('../../src/schema/precompiled/ob.js', () => { loads++; return MODULE; });
    vi.resetModules();
    const load = await fresh();
    const a = load();
    expect(load()).toBe(a);
    const m = (await a) as unknown as Record<string, unknown>;
    expect(Object.keys(m).sort()).toEqual(['achievementCredential', 'contains', 'descriptions']);
    expect(m.descriptions).toEqual({ k: 'd' });
    expect(await load()).toBe(m);
    expect(loads).toBe(1);
  });

  it('a failed load rejects (it never resolves to "no validators"), and the next call loads again', async () => {
    let loads = 0;
    vi.doMock('../../src/schema/precompiled/ob.js', () => {
      loads++;
      if (loads === 1) throw new Error('chunk missing');
      return MODULE;
    });
    vi.resetModules();
    const load = await fresh();
    const err = await load().then(() => undefined, (e: unknown) => e as Error);
    expect(err).toBeInstanceOf(Error);
    // vitest wraps what a mock factory throws; the cause is the factory's error
    expect((err as Error & { cause?: Error }).cause?.message).toBe('chunk missing');
    const m = (await load()) as unknown as Record<string, unknown>;
    expect(m.descriptions).toEqual({ k: 'd' });
    expect(loads).toBe(2);
  });
});


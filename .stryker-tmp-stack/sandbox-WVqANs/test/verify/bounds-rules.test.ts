// @ts-nocheck
// Issue 21 (mutation area `verify-bounds`): the input bounds of the verify path, on literal JSON and bytes — limits
// merged over the defaults, the envelope scale, the one-walk JSON-LD work measure (src/verify/bounds.ts) and the
// classification of untrusted input (src/verify/parse.ts). Every count below is worked out by hand on the input.
//
// Design (VerifyLimits, src/verify/bounds.ts): "Bounds on the JSON-LD work one untrusted document may cause … Each field
// here bounds one of those factors": maxDepth 64, maxValues 5,000, maxObjects 256, maxArrayLength 256, maxScopedTerms
// 384 (`type` values plus uses of terms with a scoped @context), maxInlineTerms 256 (keys inside inline @context
// definitions), maxQuads 5,000; "ignoring values that are not positive integers". An envelope that may hold n
// credentials scales by n + 1 ("a value that is not a positive integer counts as 1"). Verification never throws on
// untrusted input: every refusal is a failed `format` check with a stable code.
import { describe, expect, it } from 'vitest';
import { DEFAULT_VERIFY_LIMITS, envelopeScale, measureJsonLdWork, portfolioLimits, resolveLimits, scopedTermsOf, type VerifyLimits } from '../../src/verify/bounds.js';
import { boundCheck, boundObject, parseInput } from '../../src/verify/parse.js';

const D: VerifyLimits = { maxDepth: 64, maxValues: 5000, maxObjects: 256, maxArrayLength: 256, maxScopedTerms: 384, maxInlineTerms: 256, maxQuads: 5000 };
const lim = (l: Partial<VerifyLimits>): VerifyLimits => ({ ...D, ...l });
const zero = { depth: 0, values: 0, objects: 0, chars: 0, longestArray: 0, scopedTerms: 0, inlineTerms: 0 };
const fmt = (code: string, message: string) => ({ id: 'format', status: 'failed', code, message });

describe('limits: defaults, caller values, envelopes', () => {
  it('the defaults', () => {
    expect({ ...DEFAULT_VERIFY_LIMITS }).toEqual(D);
    expect(Object.isFrozen(DEFAULT_VERIFY_LIMITS)).toBe(true);
  });

  it('resolveLimits takes positive safe integers only, per field, over a fresh copy of the defaults', () => {
    expect(resolveLimits(undefined)).toEqual(D);
    expect(resolveLimits({ maxObjects: 10, maxDepth: 1 })).toEqual({ ...D, maxObjects: 10, maxDepth: 1 });
    for (const v of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, '10', null]) {
      expect(resolveLimits({ maxValues: v as number }), String(v)).toEqual(D);
    }
    expect(resolveLimits({ maxValues: 2 ** 53 - 1 }).maxValues).toBe(2 ** 53 - 1);
    expect(resolveLimits('x' as unknown as Partial<VerifyLimits>)).toEqual(D);
    // only an object is read (null is none; a function with such properties is no limits object)
    expect(resolveLimits(null as unknown as Partial<VerifyLimits>)).toEqual(D);
    expect(resolveLimits(Object.assign(() => 0, { maxDepth: 3 }) as unknown as Partial<VerifyLimits>)).toEqual(D);
    expect(resolveLimits({ maxChars: 5 } as unknown as Partial<VerifyLimits>)).toEqual(D);
    const r = resolveLimits({});
    r.maxDepth = 1;
    expect(resolveLimits({}).maxDepth).toBe(64);
  });

  it('envelopeScale: n + 1 for a positive safe integer n, else 2', () => {
    expect(envelopeScale(1)).toBe(2);
    expect(envelopeScale(3)).toBe(4);
    for (const n of [0, -3, 1.5, Number.NaN, 2 ** 53, '3', undefined]) expect(envelopeScale(n), String(n)).toBe(2);
  });

  it('portfolioLimits scales every work bound by n + 1 (depth is not scaled; arrays at least n + 1)', () => {
    expect(portfolioLimits(3)).toEqual({ maxDepth: 64, maxValues: 20000, maxObjects: 1024, maxArrayLength: 256, maxScopedTerms: 1536, maxInlineTerms: 1024, maxQuads: 20000 });
    expect(portfolioLimits(999).maxArrayLength).toBe(1000);
    expect(portfolioLimits(255).maxArrayLength).toBe(256);
    expect(portfolioLimits(1, { maxObjects: 10, maxDepth: 5, maxArrayLength: 1 })).toEqual({ maxDepth: 5, maxValues: 10000, maxObjects: 20, maxArrayLength: 2, maxScopedTerms: 768, maxInlineTerms: 512, maxQuads: 10000 });
    expect(portfolioLimits(0)).toEqual(portfolioLimits(1));
  });
});

describe('measureJsonLdWork: what one walk counts', () => {
  it('values (every JSON value, the root too), objects, depth, characters of keys and strings, the longest array', () => {
    expect(measureJsonLdWork({ ab: 'xyz', n: [1, 'q', { c: null }], t: true }, D)).toEqual({
      ...zero,
      depth: 4, // root 1, the array 2, its object 3, null 4
      values: 8, // root, 'xyz', array, 1, 'q', object, null, true
      objects: 2,
      chars: 2 + 3 + 1 + 1 + 1 + 1, // ab xyz n q c t
      longestArray: 3,
    });
    expect(measureJsonLdWork('abc', D)).toEqual({ ...zero, depth: 1, values: 1, chars: 3 });
    expect(measureJsonLdWork([[], [1, 2]], D)).toEqual({ ...zero, depth: 3, values: 5, longestArray: 2 });
    expect(measureJsonLdWork(null, D)).toEqual({ ...zero, depth: 1, values: 1 });
  });

  it('maxDepth: depth up to the limit is fine; one more → exceeded with the counts so far', () => {
    expect(measureJsonLdWork({ a: { b: 1 } }, lim({ maxDepth: 3 })).exceeded).toBeUndefined();
    expect(measureJsonLdWork({ a: { b: 1 } }, lim({ maxDepth: 2 }))).toEqual({ ...zero, depth: 3, values: 3, objects: 2, chars: 2, exceeded: { limit: 'maxDepth', value: 3, max: 2 } });
  });

  it('maxValues: up to the limit is fine; one more → exceeded', () => {
    expect(measureJsonLdWork([1, 2, 3], lim({ maxValues: 4 })).exceeded).toBeUndefined();
    expect(measureJsonLdWork([1, 2, 3], lim({ maxValues: 3 }))).toEqual({ ...zero, depth: 2, values: 4, longestArray: 3, exceeded: { limit: 'maxValues', value: 4, max: 3 } });
  });

  it('maxArrayLength: an array of the limit is fine; one entry more → exceeded (before its entries are walked)', () => {
    expect(measureJsonLdWork({ a: [1, 2] }, lim({ maxArrayLength: 2 })).exceeded).toBeUndefined();
    expect(measureJsonLdWork({ a: [1, 2, 3] }, lim({ maxArrayLength: 2 }))).toEqual({ ...zero, depth: 2, values: 2, objects: 1, chars: 1, longestArray: 3, exceeded: { limit: 'maxArrayLength', value: 3, max: 2 } });
  });

  it('maxObjects: up to the limit is fine; one more → exceeded', () => {
    expect(measureJsonLdWork([{}, {}], lim({ maxObjects: 2 })).exceeded).toBeUndefined();
    expect(measureJsonLdWork([{}, {}, {}], lim({ maxObjects: 2 }))).toEqual({ ...zero, depth: 2, values: 4, objects: 3, longestArray: 3, exceeded: { limit: 'maxObjects', value: 3, max: 2 } });
  });

  it('maxChars (the byte bound on parsed JSON): up to it is fine; one character more → exceeded', () => {
    expect(measureJsonLdWork({ ab: 'cd' }, D, 4).exceeded).toBeUndefined();
    expect(measureJsonLdWork({ ab: 'cde' }, D, 4)).toEqual({ ...zero, depth: 2, values: 2, objects: 1, chars: 5, exceeded: { limit: 'maxChars', value: 5, max: 4 } });
    // keys count as well as strings
    expect(measureJsonLdWork({ abcde: 1 }, D, 4).exceeded).toEqual({ limit: 'maxChars', value: 5, max: 4 });
  });

  it('entries of an array are walked in order, the first one included', () => {
    // the first entry alone passes maxObjects: it is walked first, before the later (deeper) entries
    expect(measureJsonLdWork([{ a: 1 }, 'x'], lim({ maxObjects: 0 }))).toEqual({ ...zero, depth: 2, values: 2, objects: 1, longestArray: 2, exceeded: { limit: 'maxObjects', value: 1, max: 0 } });
    expect(measureJsonLdWork([[[[1]]], 'abc'], D)).toEqual({ ...zero, depth: 5, values: 6, chars: 3, longestArray: 2 });
    expect(measureJsonLdWork(['abc', 'de'], D, 3)).toEqual({ ...zero, depth: 2, values: 3, chars: 5, longestArray: 2, exceeded: { limit: 'maxChars', value: 5, max: 3 } });
  });
});

describe('measureJsonLdWork: scoped terms and inline contexts', () => {
  it('scopedTermsOf: every term whose definition has a @context, at any depth, in objects and arrays of the documents', () => {
    // (an array's entries are walked, not its indexes: the object with its own @context at index 5 defines no term "5")
    const docs = [
      { '@context': { A: { '@id': 'urn:a', '@context': { B: { '@id': 'urn:b', '@context': null }, c: 'urn:c' } }, d: { '@id': 'urn:d' }, e: 'urn:e' } },
      { '@context': ['https://x.example/ctx', 5, null, { F: { '@context': 'https://x.example/f' } }, [{ G: { '@context': {} } }], { '@context': { H: 'urn:h' } }] },
      'urn:not-a-document',
      null,
    ];
    expect([...scopedTermsOf(docs)].sort()).toEqual(['A', 'B', 'F', 'G']);
    expect([...scopedTermsOf([])]).toEqual([]);
    expect([...scopedTermsOf([{ '@context': { h: { '@id': 'urn:h', '@context': undefined } } }])]).toEqual([]);
  });

  it('every string under `type` / `@type` is a scoped term (each may apply a type-scoped context)', () => {
    expect(measureJsonLdWork({ type: ['A', 'B', 5], '@type': 'C', x: { type: 'D' } }, D).scopedTerms).toBe(4);
    expect(measureJsonLdWork({ kind: ['A', 'B'] }, D).scopedTerms).toBe(0);
  });

  it('a term with a scoped @context in a bundled context counts at each use as a key (e.g. VerifiableCredential in VC 2.0)', () => {
    expect(measureJsonLdWork({ VerifiableCredential: 1, a: { VerifiableCredential: 2 }, DataIntegrityProof: 3 }, D).scopedTerms).toBe(3);
    expect(measureJsonLdWork({ credentialSubject: {}, name: 'x' }, D).scopedTerms).toBe(0);
  });

  it('an inline @context: each key is an inline term; an alias of @type and a term with a scoped @context are counted at their uses', () => {
    const doc = {
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        { kind: '@type', sort: { '@id': '@type' }, Scoped: { '@id': 'urn:x:s', '@context': { inner: 'urn:x:i' } }, plain: 'urn:x:p', obj: { '@id': 'urn:x:o' } },
      ],
      kind: ['A', 'B'],
      sort: 'C',
      Scoped: { inner: 1 },
      deep: { Scoped: 2, plain: 'p', obj: 'o' },
    };
    // inline terms: kind, sort, @id, Scoped, @id, @context, inner, plain, obj, @id = 10
    // scoped: kind 2 strings, sort 1 string, Scoped used twice = 5
    const w = measureJsonLdWork(doc, D);
    expect([w.inlineTerms, w.scopedTerms, w.exceeded]).toEqual([10, 5, undefined]);
    // keys inside an @context nested deeper are inline terms too, and their aliases count anywhere in the document
    expect(measureJsonLdWork({ a: { '@context': { k: { '@id': '@type' } } }, k: ['x', 'y'] }, D)).toMatchObject({ inlineTerms: 2, scopedTerms: 2 });
    // '@type' as a value outside a context defines nothing
    expect(measureJsonLdWork({ k: '@type', z: { '@id': '@type', '@context': {} }, j: ['q'] }, D)).toMatchObject({ inlineTerms: 0, scopedTerms: 0 });
    expect(measureJsonLdWork({ '@context': { k: { '@id': 'urn:k' }, j: null }, k: 'a', j: 'b' }, D)).toMatchObject({ inlineTerms: 3, scopedTerms: 0 });
  });

  it('maxInlineTerms: up to the limit is fine; one more → exceeded', () => {
    expect(measureJsonLdWork({ '@context': { a: 'urn:a', b: 'urn:b' } }, lim({ maxInlineTerms: 2 })).exceeded).toBeUndefined();
    expect(measureJsonLdWork({ '@context': { a: 'urn:a', b: 'urn:b', c: 'urn:c' } }, lim({ maxInlineTerms: 2 }))).toEqual({
      ...zero,
      depth: 2,
      values: 2,
      objects: 2,
      chars: '@context'.length + 3,
      inlineTerms: 3,
      exceeded: { limit: 'maxInlineTerms', value: 3, max: 2 },
    });
  });

  it('maxScopedTerms: judged after the walk with the full counts; up to the limit is fine', () => {
    expect(measureJsonLdWork({ type: ['A', 'B'] }, lim({ maxScopedTerms: 2 })).exceeded).toBeUndefined();
    expect(measureJsonLdWork({ type: ['A', 'B', 'C'] }, lim({ maxScopedTerms: 2 }))).toEqual({
      ...zero,
      depth: 3,
      values: 5,
      objects: 1,
      chars: 4 + 3,
      longestArray: 3,
      scopedTerms: 3,
      exceeded: { limit: 'maxScopedTerms', value: 3, max: 2 },
    });
  });
});

describe('parseInput: what an untrusted input is', () => {
  const enc = (s: string) => new TextEncoder().encode(s);

  it('nothing → ERR_INPUT_EMPTY', () => {
    expect(parseInput(null)).toEqual({ kind: 'error', check: fmt('ERR_INPUT_EMPTY', 'nothing to verify') });
    expect(parseInput(undefined)).toEqual({ kind: 'error', check: fmt('ERR_INPUT_EMPTY', 'nothing to verify') });
  });

  it('an object → json (bounded); an array or a primitive → ERR_INPUT_NOT_OBJECT', () => {
    const o = { a: 1 };
    const r = parseInput(o);
    expect(r).toEqual({ kind: 'json', value: o, from: 'json' });
    expect((r as { value: unknown }).value).toBe(o);
    expect(parseInput([o])).toEqual({ kind: 'error', check: fmt('ERR_INPUT_NOT_OBJECT', 'expected one credential object, got an array') });
    expect(parseInput(5)).toEqual({ kind: 'error', check: fmt('ERR_INPUT_NOT_OBJECT', 'cannot verify a number') });
    expect(parseInput(true)).toEqual({ kind: 'error', check: fmt('ERR_INPUT_NOT_OBJECT', 'cannot verify a boolean') });
    expect(parseInput({ a: [1, 2, 3] }, undefined, { maxArrayLength: 2 })).toEqual({ kind: 'error', check: fmt('ERR_INPUT_TOO_LARGE', 'an array has 3 entries; the limit is 2 (limit maxArrayLength)') });
  });

  it('JSON text (after a BOM and white space) → parsed and bounded; invalid JSON → ERR_JSON_INVALID', () => {
    expect(parseInput(' \n\uFEFF{"a":1}')).toEqual({ kind: 'json', value: { a: 1 }, from: 'json' });
    // only a leading BOM is dropped: one inside a string stays
    expect(parseInput('{"a":"\uFEFF"}')).toEqual({ kind: 'json', value: { a: '\uFEFF' }, from: 'json' });
    expect(parseInput('\uFEFF \n{"a":"\uFEFF"} \t')).toEqual({ kind: 'json', value: { a: '\uFEFF' }, from: 'json' });
    expect(parseInput('{"a":')).toEqual({ kind: 'error', check: fmt('ERR_JSON_INVALID', `not valid JSON: ${(() => { try { JSON.parse('{"a":'); } catch (e) { return (e as Error).message.slice(0, 120); } return ''; })()}`) });
    const r = parseInput(`{"a":"${'x'.repeat(300)}`) as { check: { message: string } };
    expect(r.check.message.startsWith('not valid JSON: ')).toBe(true);
    expect(r.check.message.length).toBeLessThanOrEqual('not valid JSON: '.length + 120);
    expect(parseInput('{"a":[1,2,3]}', undefined, { maxArrayLength: 2 })).toEqual({ kind: 'error', check: fmt('ERR_INPUT_TOO_LARGE', 'an array has 3 entries; the limit is 2 (limit maxArrayLength)') });
    // "{" text that parses to no object cannot happen; a JSON array is not JSON here
    expect(parseInput('[{"a":1}]')).toEqual({ kind: 'error', check: fmt('ERR_INPUT_UNRECOGNISED', 'input is neither JSON, a VC-JWT, nor a PNG/SVG badge') });
  });

  it('a compact JWS (three base64url parts, the last may be empty) → jwt; other dotted text → ERR_JWT_MALFORMED', () => {
    expect(parseInput(' eyJhbGciOiJFZERTQSJ9.eyJhIjoxfQ.c2ln_-x \n')).toEqual({ kind: 'jwt', value: 'eyJhbGciOiJFZERTQSJ9.eyJhIjoxfQ.c2ln_-x', from: 'vc-jwt' });
    expect(parseInput('a.b.')).toEqual({ kind: 'jwt', value: 'a.b.', from: 'vc-jwt' });
    const malformed = { kind: 'error', check: fmt('ERR_JWT_MALFORMED', 'looks like a JWT but is not compact JWS base64url') };
    for (const s of ['a.b=.c', '.b.c', 'a..c', 'a.b.c+', 'a.b.c.d.e', 'x a.b.c', 'a.b.c\nd']) expect(parseInput(s), s).toEqual(malformed);
    const unrec = { kind: 'error', check: fmt('ERR_INPUT_UNRECOGNISED', 'input is neither JSON, a VC-JWT, nor a PNG/SVG badge') };
    for (const s of ['a.b', 'a.b.c.d', 'a.b.c.d.e.f', 'hello', '']) expect(parseInput(s), s).toEqual(unrec);
  });

  it('text that starts with "<" (SVG / XML) → image, trimmed', () => {
    expect(parseInput('  <svg xmlns="http://www.w3.org/2000/svg"/>\n')).toEqual({ kind: 'image', bytes: '<svg xmlns="http://www.w3.org/2000/svg"/>' });
  });

  it('bytes: a PNG signature → image (the same bytes); other bytes are UTF-8 text (bad sequences replaced, never thrown)', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const r = parseInput(png);
    expect(r).toEqual({ kind: 'image', bytes: png });
    expect((r as { bytes: unknown }).bytes).toBe(png);
    expect(parseInput(png.buffer)).toEqual({ kind: 'image', bytes: png });
    for (let i = 0; i < 4; i++) {
      const b = png.slice();
      b[i] = 0x20;
      expect(parseInput(b).kind, `byte ${i}`).toBe('error');
    }
    expect(parseInput(enc('{"a":"é"}'))).toEqual({ kind: 'json', value: { a: 'é' }, from: 'json' });
    expect(parseInput(enc('{"a":"é"}').buffer)).toEqual({ kind: 'json', value: { a: 'é' }, from: 'json' });
    expect(parseInput(new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]))).toEqual({ kind: 'json', value: { a: '\uFFFD' }, from: 'json' });
    expect(parseInput(enc('<svg/>'))).toEqual({ kind: 'image', bytes: '<svg/>' });
  });

  it('maxBytes: bytes or characters up to it are read; one more → ERR_INPUT_TOO_LARGE (default 5 MiB)', () => {
    expect(parseInput(enc('{"a":1}'), 7)).toEqual({ kind: 'json', value: { a: 1 }, from: 'json' });
    expect(parseInput(enc('{"a":1}'), 6)).toEqual({ kind: 'error', check: fmt('ERR_INPUT_TOO_LARGE', 'input is 7 bytes; the limit is 6') });
    expect(parseInput('{"a":1}', 7)).toEqual({ kind: 'json', value: { a: 1 }, from: 'json' });
    expect(parseInput('{"a":1}', 6)).toEqual({ kind: 'error', check: fmt('ERR_INPUT_TOO_LARGE', 'input is 7 characters; the limit is 6') });
    // 'é' is 2 bytes in UTF-8 and 1 character
    expect(parseInput(enc('{"a":"é"}'), 10).kind).toBe('json');
    expect(parseInput(enc('{"a":"é"}'), 9).kind).toBe('error');
    const MiB5 = 5 * 1024 * 1024;
    expect(parseInput(new Uint8Array(MiB5 + 1))).toEqual({ kind: 'error', check: fmt('ERR_INPUT_TOO_LARGE', `input is ${MiB5 + 1} bytes; the limit is ${MiB5}`) });
    expect(parseInput(new Uint8Array(MiB5).fill(0x20))).toEqual({ kind: 'error', check: fmt('ERR_INPUT_UNRECOGNISED', 'input is neither JSON, a VC-JWT, nor a PNG/SVG badge') });
    expect(parseInput(' '.repeat(MiB5 + 1))).toEqual({ kind: 'error', check: fmt('ERR_INPUT_TOO_LARGE', `input is ${MiB5 + 1} characters; the limit is ${MiB5}`) });
    // parsed JSON is bounded by the same number of characters of text (keys and strings)
    expect(parseInput({ abcd: 'efg' }, 6)).toEqual({ kind: 'error', check: fmt('ERR_INPUT_TOO_LARGE', 'the credential holds more than 6 characters of text') });
    expect(parseInput({ abcd: 'efg' }, 7).kind).toBe('json');
  });
});

describe('boundCheck / boundObject: each limit as a failed format check', () => {
  it('one message per limit', () => {
    expect(boundCheck({ a: 1 })).toBeUndefined();
    expect(boundCheck({ a: { b: 1 } }, undefined, { maxDepth: 2 })).toEqual(fmt('ERR_INPUT_TOO_DEEP', 'JSON nesting deeper than 2'));
    expect(boundCheck([1, 2, 3], undefined, { maxValues: 3 })).toEqual(fmt('ERR_INPUT_TOO_LARGE', 'JSON has more than 3 values (limit maxValues)'));
    expect(boundCheck([{}, {}, {}], undefined, { maxObjects: 2 })).toEqual(fmt('ERR_INPUT_TOO_LARGE', 'JSON has more than 2 objects (limit maxObjects)'));
    expect(boundCheck({ type: ['A', 'B', 'C'] }, undefined, { maxScopedTerms: 2 })).toEqual(fmt('ERR_INPUT_TOO_COMPLEX', 'the credential needs too much JSON-LD work: 3 > 2 (limit maxScopedTerms)'));
    expect(boundCheck({ '@context': { a: 'urn:a', b: 'urn:b' } }, undefined, { maxInlineTerms: 1 }, 'the presentation')).toEqual(
      fmt('ERR_INPUT_TOO_COMPLEX', 'the presentation needs too much JSON-LD work: 2 > 1 (limit maxInlineTerms)'),
    );
    expect(boundCheck({ abc: 'de' }, 4, undefined, 'the envelope')).toEqual(fmt('ERR_INPUT_TOO_LARGE', 'the envelope holds more than 4 characters of text'));
    // the default character bound is 5 MiB
    expect(boundCheck({ a: 'x'.repeat(5 * 1024 * 1024) })).toEqual(fmt('ERR_INPUT_TOO_LARGE', `the credential holds more than ${5 * 1024 * 1024} characters of text`));
    expect(boundCheck({ a: 'x'.repeat(5 * 1024 * 1024 - 1) })).toBeUndefined();
    // limits that are no positive integers fall back to the defaults
    expect(boundCheck({ a: { b: 1 } }, undefined, { maxDepth: 0 })).toBeUndefined();
  });

  it('boundObject: a non-object → ERR_INPUT_NOT_OBJECT; else json from where it came, or the bound refusal', () => {
    for (const v of [null, 5, 'x', [{}]]) expect(boundObject(v, 'png'), JSON.stringify(v)).toEqual({ kind: 'error', check: fmt('ERR_INPUT_NOT_OBJECT', 'a credential must be a JSON object') });
    const o = { a: 1 };
    expect(boundObject(o, 'svg')).toEqual({ kind: 'json', value: o, from: 'svg' });
    expect(boundObject({ abc: 'de' }, 'png', 4)).toEqual({ kind: 'error', check: fmt('ERR_INPUT_TOO_LARGE', 'the credential holds more than 4 characters of text') });
    expect(boundObject({ a: { b: 1 } }, 'png', undefined, { maxDepth: 2 })).toEqual({ kind: 'error', check: fmt('ERR_INPUT_TOO_DEEP', 'JSON nesting deeper than 2') });
  });
});

// @ts-nocheck
// Issue 21 (mutation area `verify-structure`): the VC Data Model 2.0 structure rules and the relatedResource digest
// check, called directly on hand-made credential JSON (no signing, no JSON-LD); digests come from node:crypto.
//
// VC Data Model v2.0: §4.10 credentialStatus, §4.11 credentialSchema ("each … MUST specify its type … The id property
// MUST be a URL identifying the schema file"), §5.4 refreshService, §5.5 termsOfUse, §5.6 evidence — every object MUST
// have a type. §5.3 Integrity of Related Resources: relatedResource "The identifier for the resource is REQUIRED … The
// value MUST be unique among the list of related resource objects"; each object "MUST contain at least a digestSRI or a
// digestMultibase value"; a verifier that retrieves the resource "MUST compute the digest of the retrieved resource. If
// the digest provided by the issuer does not match the digest computed for the retrieved resource, the conforming
// verifier implementation MUST produce an error." SRI §3.5: hash-expression = hash-algo "-" base64-value ["?" options],
// several separated by white space.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkStructure, structureProblems } from '../../src/verify/checks/structure.js';

const SCHEMA_ID = 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';
const hash = (alg: string, data: string | Uint8Array) => createHash(alg).update(data).digest();
const sri = (alg: 'sha256' | 'sha384' | 'sha512', data: string | Uint8Array) => `${alg}-${hash(alg, data).toString('base64')}`;
// multihash: code, length, digest (sha2-256 0x12, sha2-384 0x20, sha2-512 0x13); multibase 'u' = base64url no pad
const mh = (code: number, digest: Buffer) => Buffer.concat([Buffer.from([code, digest.length]), digest]);
const mbU = (code: number, digest: Buffer) => `u${mh(code, digest).toString('base64url')}`;
const A = 'https://uni.example/a';
const B = 'https://uni.example/b';
const TEXT = '{"name":"Grüße"}';

describe('structureProblems: typed objects (VC 2.0 §4.10, §4.11, §5.4–5.6)', () => {
  it('a credential that is no object has no structure problems (other checks refuse it)', () => {
    for (const c of [null, undefined, 'x', 5, [{ credentialStatus: {} }]]) expect(structureProblems(c), JSON.stringify(c)).toEqual([]);
    expect(structureProblems({})).toEqual([]);
  });

  it('each of the five properties: an object without type → ERR_TYPE_MISSING at $.prop, named after the property', () => {
    for (const prop of ['credentialStatus', 'refreshService', 'termsOfUse', 'evidence']) {
      expect(structureProblems({ [prop]: { id: A } }), prop).toEqual([
        { code: 'ERR_TYPE_MISSING', path: `$.${prop}`, message: `${prop} has no type (VC 2.0: each ${prop} MUST specify its type)` },
      ]);
      expect(structureProblems({ [prop]: { id: A, type: 'X' } }), prop).toEqual([]);
    }
    expect(structureProblems({ credentialSchema: { id: SCHEMA_ID } })).toEqual([
      { code: 'ERR_TYPE_MISSING', path: '$.credentialSchema', message: 'credentialSchema has no type (VC 2.0: each credentialSchema MUST specify its type)' },
    ]);
  });

  it('in an array the path and name carry the index; only the bad entries are reported', () => {
    expect(structureProblems({ evidence: [{ type: 'Evidence' }, { id: A }, { type: ['Evidence'] }, { name: 'x' }] })).toEqual([
      { code: 'ERR_TYPE_MISSING', path: '$.evidence[1]', message: 'evidence[1] has no type (VC 2.0: each evidence MUST specify its type)' },
      { code: 'ERR_TYPE_MISSING', path: '$.evidence[3]', message: 'evidence[3] has no type (VC 2.0: each evidence MUST specify its type)' },
    ]);
  });

  it('an entry that is no object → ERR_TYPE_MISSING "must be an object with a type"', () => {
    expect(structureProblems({ termsOfUse: 'https://uni.example/tou' })).toEqual([
      { code: 'ERR_TYPE_MISSING', path: '$.termsOfUse', message: 'termsOfUse must be an object with a type' },
    ]);
    expect(structureProblems({ refreshService: [null, ['x'], 7] }).map((p) => [p.path, p.message])).toEqual([
      ['$.refreshService[0]', 'refreshService[0] must be an object with a type'],
      ['$.refreshService[1]', 'refreshService[1] must be an object with a type'],
      ['$.refreshService[2]', 'refreshService[2] must be an object with a type'],
    ]);
    // a non-object credentialSchema gets no second (id) problem: it stops at the first
    expect(structureProblems({ credentialSchema: [5] }).map((p) => p.code)).toEqual(['ERR_TYPE_MISSING']);
  });

  it('a type is a non-empty string or a non-empty array of non-empty strings', () => {
    const ok = ['T', ['T'], ['T', 'U']];
    const bad = ['', [], [''], ['T', ''], ['T', 5], [['T']], 5, null, { id: 'T' }, true];
    for (const type of ok) expect(structureProblems({ evidence: { type } }), JSON.stringify(type)).toEqual([]);
    for (const type of bad) expect(structureProblems({ evidence: { type } }).map((p) => p.code), JSON.stringify(type)).toEqual(['ERR_TYPE_MISSING']);
  });

  it('credentialSchema needs an id that is a URL (≤ 4,096 characters) → ERR_CREDENTIAL_SCHEMA_ID at $.….id', () => {
    const T = '1EdTechJsonSchemaValidator2019';
    expect(structureProblems({ credentialSchema: { id: SCHEMA_ID, type: T } })).toEqual([]);
    expect(structureProblems({ credentialSchema: { type: T } })).toEqual([
      { code: 'ERR_CREDENTIAL_SCHEMA_ID', path: '$.credentialSchema.id', message: 'credentialSchema needs an id that is a URL identifying the schema (VC 2.0 §4.11)' },
    ]);
    expect(structureProblems({ credentialSchema: [{ id: SCHEMA_ID, type: T }, { id: 'schema.json', type: T }] })).toEqual([
      { code: 'ERR_CREDENTIAL_SCHEMA_ID', path: '$.credentialSchema[1].id', message: 'credentialSchema[1] needs an id that is a URL identifying the schema (VC 2.0 §4.11)' },
    ]);
    for (const id of [5, '', 'not a url', ['https://a.example/s.json']]) {
      expect(structureProblems({ credentialSchema: { id, type: T } }).map((p) => p.code), JSON.stringify(id)).toEqual(['ERR_CREDENTIAL_SCHEMA_ID']);
    }
    const long = (n: number) => `https://a.example/${'s'.repeat(n - 'https://a.example/'.length)}`;
    expect(long(4096)).toHaveLength(4096);
    expect(structureProblems({ credentialSchema: { id: long(4096), type: T } })).toEqual([]);
    expect(structureProblems({ credentialSchema: { id: long(4097), type: T } }).map((p) => p.code)).toEqual(['ERR_CREDENTIAL_SCHEMA_ID']);
    // both problems of one schema, type first
    expect(structureProblems({ credentialSchema: {} }).map((p) => [p.code, p.path])).toEqual([
      ['ERR_TYPE_MISSING', '$.credentialSchema'],
      ['ERR_CREDENTIAL_SCHEMA_ID', '$.credentialSchema.id'],
    ]);
    // the id rule is the schema's only: another typed property without an id is fine
    expect(structureProblems({ evidence: { type: 'Evidence' }, credentialStatus: { type: 'X', id: 'no url' } })).toEqual([]);
  });
});

describe('structureProblems: relatedResource (VC 2.0 §5.3)', () => {
  it('a well-formed list has no problem; a single object is checked as one entry at $.relatedResource', () => {
    expect(structureProblems({ relatedResource: [{ id: A, digestSRI: 'x' }, { id: B, digestMultibase: 'y' }] })).toEqual([]);
    expect(structureProblems({ relatedResource: { id: A } })).toEqual([
      { code: 'ERR_RELATED_RESOURCE_NO_DIGEST', path: '$.relatedResource', message: 'relatedResource entry 0 has neither digestSRI nor digestMultibase (VC 2.0: each "MUST contain at least a digestSRI or a digestMultibase value")' },
    ]);
  });

  it('an entry that is no object → ERR_RELATED_RESOURCE_INVALID, and nothing else about it', () => {
    expect(structureProblems({ relatedResource: [{ id: A, digestSRI: 'x' }, 'https://uni.example/b'] })).toEqual([
      { code: 'ERR_RELATED_RESOURCE_INVALID', path: '$.relatedResource[1]', message: 'relatedResource entry 1 must be an object with id and a digest' },
    ]);
    expect(structureProblems({ relatedResource: null })).toEqual([
      { code: 'ERR_RELATED_RESOURCE_INVALID', path: '$.relatedResource', message: 'relatedResource entry 0 must be an object with id and a digest' },
    ]);
    expect(structureProblems({ relatedResource: [[{ id: A, digestSRI: 'x' }]] }).map((p) => p.code)).toEqual(['ERR_RELATED_RESOURCE_INVALID']);
  });

  it('the id is REQUIRED: absent, empty or not a string → ERR_RELATED_RESOURCE_NO_ID at ….id', () => {
    expect(structureProblems({ relatedResource: [{ digestSRI: 'x' }] })).toEqual([
      { code: 'ERR_RELATED_RESOURCE_NO_ID', path: '$.relatedResource[0].id', message: 'relatedResource entry 0 has no id (VC 2.0: "The identifier for the resource is REQUIRED")' },
    ]);
    for (const id of ['', 5, { id: A }]) {
      expect(structureProblems({ relatedResource: [{ id, digestSRI: 'x' }] }).map((p) => p.code), JSON.stringify(id)).toEqual(['ERR_RELATED_RESOURCE_NO_ID']);
    }
    // two entries without id are no duplicates of each other
    expect(structureProblems({ relatedResource: [{ digestSRI: 'x' }, { digestSRI: 'y' }] }).map((p) => p.code)).toEqual(['ERR_RELATED_RESOURCE_NO_ID', 'ERR_RELATED_RESOURCE_NO_ID']);
  });

  it('ids are unique: a repeated id names the first entry that had it', () => {
    expect(structureProblems({ relatedResource: [{ id: A, digestSRI: 'x' }, { id: B, digestSRI: 'x' }, { id: A, digestSRI: 'y' }, { id: A, digestSRI: 'z' }] })).toEqual([
      { code: 'ERR_RELATED_RESOURCE_DUPLICATE_ID', path: '$.relatedResource[2].id', message: 'relatedResource entries 0 and 2 have the same id (VC 2.0: "The value MUST be unique among the list of related resource objects")' },
      { code: 'ERR_RELATED_RESOURCE_DUPLICATE_ID', path: '$.relatedResource[3].id', message: 'relatedResource entries 0 and 3 have the same id (VC 2.0: "The value MUST be unique among the list of related resource objects")' },
    ]);
  });

  it('at least a digestSRI or a digestMultibase; either one alone is enough; problems of one entry in order', () => {
    expect(structureProblems({ relatedResource: [{ id: A, digestSRI: 'x' }] })).toEqual([]);
    expect(structureProblems({ relatedResource: [{ id: A, digestMultibase: 'x' }] })).toEqual([]);
    expect(structureProblems({ relatedResource: [{ id: A, digestSRI: 'x' }, { id: A }] }).map((p) => [p.code, p.path])).toEqual([
      ['ERR_RELATED_RESOURCE_DUPLICATE_ID', '$.relatedResource[1].id'],
      ['ERR_RELATED_RESOURCE_NO_DIGEST', '$.relatedResource[1]'],
    ]);
  });

  it('typed-object problems come first, then relatedResource problems', () => {
    expect(structureProblems({ relatedResource: [{ id: A }], evidence: [{}] }).map((p) => p.code)).toEqual(['ERR_TYPE_MISSING', 'ERR_RELATED_RESOURCE_NO_DIGEST']);
  });
});

describe('checkStructure: structure checks', () => {
  it('nothing to check → no check at all', () => {
    expect(checkStructure({ id: 'urn:uuid:1', type: ['VerifiableCredential'] })).toEqual([]);
  });

  it('one passed check when any of the six properties is present and well formed', () => {
    const passed = { id: 'structure', status: 'passed', message: 'status, schema, refresh, terms-of-use, evidence and related-resource entries are well formed' };
    for (const [k, v] of Object.entries({
      credentialStatus: { type: 'X' },
      credentialSchema: { id: SCHEMA_ID, type: 'X' },
      refreshService: { type: 'X' },
      termsOfUse: { type: 'X' },
      evidence: [{ type: 'X' }],
      relatedResource: [{ id: A, digestSRI: 'x' }],
    })) {
      expect(checkStructure({ [k]: v }), k).toEqual([passed]);
    }
  });

  it('one failed check per problem, with its code, message and path as target; no passed check then', () => {
    expect(checkStructure({ evidence: [{}], relatedResource: [{ id: A, digestSRI: 'x' }, { id: A, digestSRI: 'x' }] })).toEqual([
      { id: 'structure', status: 'failed', code: 'ERR_TYPE_MISSING', message: 'evidence[0] has no type (VC 2.0: each evidence MUST specify its type)', target: '$.evidence[0]' },
      { id: 'structure', status: 'failed', code: 'ERR_RELATED_RESOURCE_DUPLICATE_ID', message: 'relatedResource entries 0 and 1 have the same id (VC 2.0: "The value MUST be unique among the list of related resource objects")', target: '$.relatedResource[1].id' },
    ]);
  });
});

describe('checkStructure: relatedResource digests of documents at hand (VC 2.0 §5.3)', () => {
  const passedStructure = { id: 'structure', status: 'passed', message: 'status, schema, refresh, terms-of-use, evidence and related-resource entries are well formed' };
  const digestChecks = (cred: Record<string, unknown>, docs?: Record<string, unknown> | Map<string, unknown>) => checkStructure(cred, docs).filter((c) => c.id === 'digest');

  it('each SRI algorithm (sha256, sha384, sha512) of the document text, hashed as UTF-8 → passed, labelled', () => {
    for (const alg of ['sha256', 'sha384', 'sha512'] as const) {
      expect(checkStructure({ relatedResource: [{ id: A, digestSRI: sri(alg, TEXT) }] }, { [A]: TEXT }), alg).toEqual([
        passedStructure,
        { id: 'digest', status: 'passed', message: `${A}: digestSRI ${alg} match`, target: '$.relatedResource[0]' },
      ]);
    }
  });

  it('each multihash algorithm (sha2-256, sha2-384, sha2-512) in digestMultibase → passed, labelled', () => {
    const cases = [
      ['sha2-256', 0x12, 'sha256'],
      ['sha2-384', 0x20, 'sha384'],
      ['sha2-512', 0x13, 'sha512'],
    ] as const;
    for (const [name, code, alg] of cases) {
      expect(digestChecks({ relatedResource: [{ id: A, digestMultibase: mbU(code, hash(alg, TEXT)) }] }, { [A]: TEXT }), name).toEqual([
        { id: 'digest', status: 'passed', message: `${A}: digestMultibase ${name} match`, target: '$.relatedResource[0]' },
      ]);
    }
  });

  it('several digests (a list, several SRI expressions, both properties): all must match; the message names each', () => {
    const entry = { id: A, digestSRI: [`${sri('sha256', TEXT)} ${sri('sha512', TEXT)}`, sri('sha384', TEXT)], digestMultibase: mbU(0x12, hash('sha256', TEXT)) };
    expect(digestChecks({ relatedResource: [entry] }, { [A]: TEXT })).toEqual([
      { id: 'digest', status: 'passed', message: `${A}: digestSRI sha256, digestSRI sha512, digestSRI sha384, digestMultibase sha2-256 match`, target: '$.relatedResource[0]' },
    ]);
    // one of them wrong → ERR_RELATED_RESOURCE_DIGEST_MISMATCH naming only the wrong ones
    const wrong = { ...entry, digestSRI: [`${sri('sha256', TEXT)} ${sri('sha512', 'other')}`, sri('sha384', 'other')] };
    expect(digestChecks({ relatedResource: [wrong] }, { [A]: TEXT })).toEqual([
      { id: 'digest', status: 'failed', code: 'ERR_RELATED_RESOURCE_DIGEST_MISMATCH', message: `${A}: the document at hand does not match the digestSRI sha512, digestSRI sha384 the issuer signed`, target: '$.relatedResource[0]' },
    ]);
  });

  it('SRI white space: leading, trailing and repeated blanks separate expressions; the ?options part is allowed', () => {
    const v = `  ${sri('sha256', TEXT)}  \t ${sri('sha384', TEXT)}?ct=application/json \n`;
    expect(digestChecks({ relatedResource: [{ id: A, digestSRI: v }] }, { [A]: TEXT }).map((c) => [c.status, c.message])).toEqual([['passed', `${A}: digestSRI sha256, digestSRI sha384 match`]]);
  });

  it('a digest that differs in one byte, is one byte longer or one byte shorter → mismatch', () => {
    const d = hash('sha256', TEXT);
    const flipped = Buffer.from(d);
    flipped[31] = flipped[31]! ^ 1;
    const variants = [flipped, Buffer.concat([d, Buffer.from([0])]), d.subarray(0, 31)];
    for (const v of variants) {
      expect(digestChecks({ relatedResource: [{ id: A, digestSRI: `sha256-${v.toString('base64')}` }] }, { [A]: TEXT }).map((c) => c.code), v.toString('hex')).toEqual([
        'ERR_RELATED_RESOURCE_DIGEST_MISMATCH',
      ]);
    }
    expect(digestChecks({ relatedResource: [{ id: A, digestMultibase: mbU(0x12, flipped) }] }, { [A]: TEXT })).toEqual([
      { id: 'digest', status: 'failed', code: 'ERR_RELATED_RESOURCE_DIGEST_MISMATCH', message: `${A}: the document at hand does not match the digestMultibase sha2-256 the issuer signed`, target: '$.relatedResource[0]' },
    ]);
  });

  it('bytes handed in are hashed as they are (Uint8Array, Buffer); the text is UTF-8 (not Latin-1)', () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    expect(digestChecks({ relatedResource: [{ id: A, digestSRI: sri('sha256', bytes) }] }, { [A]: bytes }).map((c) => c.status)).toEqual(['passed']);
    expect(digestChecks({ relatedResource: [{ id: A, digestSRI: sri('sha256', bytes) }] }, { [A]: Buffer.from(bytes) }).map((c) => c.status)).toEqual(['passed']);
    expect(digestChecks({ relatedResource: [{ id: A, digestSRI: `sha256-${createHash('sha256').update(TEXT, 'latin1').digest('base64')}` }] }, { [A]: TEXT }).map((c) => c.code)).toEqual([
      'ERR_RELATED_RESOURCE_DIGEST_MISMATCH',
    ]);
  });

  it('a parsed JSON document has no bytes → skipped SKIP_RELATED_RESOURCE_NOT_BYTES (never a pass)', () => {
    expect(digestChecks({ relatedResource: [{ id: A, digestSRI: sri('sha256', TEXT) }] }, { [A]: JSON.parse(TEXT) })).toEqual([
      { id: 'digest', status: 'skipped', code: 'SKIP_RELATED_RESOURCE_NOT_BYTES', message: `${A}: the document at hand is parsed JSON, not its bytes; pass it as text to check its digest`, target: '$.relatedResource[0]' },
    ]);
    expect(digestChecks({ relatedResource: [{ id: A, digestSRI: sri('sha256', TEXT) }] }, { [A]: 42 }).map((c) => c.code)).toEqual(['SKIP_RELATED_RESOURCE_NOT_BYTES']);
  });

  it('a digest not understood → failed ERR_RELATED_RESOURCE_DIGEST_UNSUPPORTED (an unreadable digest is no pass)', () => {
    const good = sri('sha256', TEXT);
    const b64 = hash('sha256', TEXT).toString('base64');
    const unsupported = {
      code: 'ERR_RELATED_RESOURCE_DIGEST_UNSUPPORTED',
      message: `${A}: digest not understood (digestSRI sha256/384/512, digestMultibase multihash sha2-256/384/512)`,
    };
    const bad: unknown[] = [
      `md5-${b64}`, // no such algorithm
      `sha1-${b64}`,
      `xsha256-${b64}`, // anchored at the start
      `${good}!`, // … and at the end (only ?options may follow)
      `sha256-${b64}===`, // at most two padding characters
      `sha256-${b64.slice(0, -2)}`, // not valid base64 (wrong length)
      `sha256_${b64}`,
      `SHA256-${b64}`,
      `sha256-${b64}?x ${'sha1-abc'}`, // one bad expression spoils the value
      5, // not a string
      [good, 7],
      [], // no digest at all
      `${good}${' '.repeat(2001 - good.length)}`, // more than 2,000 characters
    ];
    for (const digestSRI of bad) {
      expect(digestChecks({ relatedResource: [{ id: A, digestSRI }] }, { [A]: TEXT }), JSON.stringify(digestSRI)).toEqual([{ id: 'digest', status: 'failed', ...unsupported, target: '$.relatedResource[0]' }]);
    }
    // 2,000 characters exactly is read
    expect(digestChecks({ relatedResource: [{ id: A, digestSRI: `${good}${' '.repeat(2000 - good.length)}` }] }, { [A]: TEXT }).map((c) => c.status)).toEqual(['passed']);
    // an unreadable digestMultibase (wrong multibase prefix, unknown multihash) spoils the entry even with a good SRI
    for (const digestMultibase of [`m${mh(0x12, hash('sha256', TEXT)).toString('base64')}`, mbU(0x11, hash('sha1', TEXT)), 5]) {
      expect(digestChecks({ relatedResource: [{ id: A, digestSRI: good, digestMultibase }] }, { [A]: TEXT }).map((c) => c.code), String(digestMultibase)).toEqual([
        'ERR_RELATED_RESOURCE_DIGEST_UNSUPPORTED',
      ]);
    }
  });

  it('only entries whose id is a key of documents are checked; documents may be a Map or a record', () => {
    const rr = [{ id: A, digestSRI: sri('sha256', TEXT) }, { id: B, digestSRI: sri('sha256', 'b') }];
    expect(digestChecks({ relatedResource: rr }, { [B]: 'b' })).toEqual([{ id: 'digest', status: 'passed', message: `${B}: digestSRI sha256 match`, target: '$.relatedResource[1]' }]);
    expect(digestChecks({ relatedResource: rr }, new Map([[A, TEXT]]))).toEqual([{ id: 'digest', status: 'passed', message: `${A}: digestSRI sha256 match`, target: '$.relatedResource[0]' }]);
    expect(digestChecks({ relatedResource: rr })).toEqual([]);
    expect(digestChecks({ relatedResource: rr }, {})).toEqual([]);
    // a single object is entry 0; an entry with no string id, or no object, is not looked up
    expect(digestChecks({ relatedResource: rr[0] }, { [A]: TEXT }).map((c) => c.target)).toEqual(['$.relatedResource[0]']);
    expect(digestChecks({ relatedResource: ['x', { id: 5 }, null] }, new Map<unknown, unknown>([['x', TEXT], [5, TEXT]]) as Map<string, unknown>)).toEqual([]);
  });

  it('the id in a message is cut to 200 characters', () => {
    const id = `https://uni.example/${'r'.repeat(300)}`;
    expect(digestChecks({ relatedResource: [{ id, digestSRI: sri('sha256', TEXT) }] }, { [id]: TEXT }).map((c) => c.message)).toEqual([`${id.slice(0, 200)}: digestSRI sha256 match`]);
  });

  it('more than 1,000 entries: no digest is computed (bounded work); 1,000 are checked', () => {
    const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `${A}/${i}`, digestSRI: sri('sha256', TEXT) }));
    expect(digestChecks({ relatedResource: entries(1000) }, { [`${A}/999`]: TEXT }).map((c) => [c.status, c.target])).toEqual([['passed', '$.relatedResource[999]']]);
    expect(digestChecks({ relatedResource: entries(1001) }, { [`${A}/999`]: TEXT })).toEqual([]);
    // the structure check still runs
    expect(checkStructure({ relatedResource: entries(1001) }, { [`${A}/999`]: TEXT })).toEqual([passedStructure]);
  });
});

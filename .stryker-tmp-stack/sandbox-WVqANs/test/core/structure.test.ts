// @ts-nocheck
// Issue 11 item 8: VC Data Model 2.0 structure — issuing refuses, verifying reports; relatedResource digests are
// checked against documents at hand.
import { createHash } from 'node:crypto';
import jsigs from 'jsonld-signatures';
import { describe, expect, it } from 'vitest';
import { createDocumentLoader, IssueError, issueCredential, structureProblems, verifyCredential } from '../../src/index.js';
import { createEddsaSigningSuite } from '../../src/proofs/suites.js';
import { ISSUED, NOW, sampleCredential, seededKey } from '../helpers.js';

const SCHEMA = { id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json', type: '1EdTechJsonSchemaValidator2019' };
const CTX_TEXT = '{\n  "@context": {\n    "@vocab": "https://www.w3.org/ns/credentials/examples#"\n  }\n}\n';
const sri384 = (s: string) => `sha384-${createHash('sha384').update(s, 'utf8').digest('base64')}`;
const mb256 = (s: string) => `u${Buffer.concat([Buffer.from([0x12, 0x20]), createHash('sha256').update(s, 'utf8').digest()]).toString('base64url')}`;

const cases: Array<[string, Record<string, unknown>, string, string]> = [
  ['credentialSchema without type', { credentialSchema: [{ id: SCHEMA.id }] }, 'ERR_TYPE_MISSING', '$.credentialSchema[0]'],
  ['credentialSchema without id', { credentialSchema: { type: SCHEMA.type } }, 'ERR_CREDENTIAL_SCHEMA_ID', '$.credentialSchema.id'],
  ['refreshService without type', { refreshService: { id: 'https://uni.example/refresh' } }, 'ERR_TYPE_MISSING', '$.refreshService'],
  ['evidence without type', { evidence: [{ id: 'https://uni.example/evidence/1', name: 'Project' }] }, 'ERR_TYPE_MISSING', '$.evidence[0]'],
  ['termsOfUse without type', { termsOfUse: { id: 'https://uni.example/tou' } }, 'ERR_TYPE_MISSING', '$.termsOfUse'],
  ['credentialStatus without type', { credentialStatus: { id: 'https://uni.example/status/1#5' } }, 'ERR_TYPE_MISSING', '$.credentialStatus'],
  ['relatedResource without id', { relatedResource: [{ digestSRI: sri384('x') }] }, 'ERR_RELATED_RESOURCE_NO_ID', '$.relatedResource[0].id'],
  [
    'relatedResource with a duplicated id',
    { relatedResource: [{ id: 'https://uni.example/a', digestSRI: sri384('a') }, { id: 'https://uni.example/a', digestSRI: sri384('b') }] },
    'ERR_RELATED_RESOURCE_DUPLICATE_ID',
    '$.relatedResource[1].id',
  ],
  ['relatedResource without a digest', { relatedResource: [{ id: 'https://uni.example/a', mediaType: 'application/json' }] }, 'ERR_RELATED_RESOURCE_NO_DIGEST', '$.relatedResource[0]'],
];

/** Sign without our issuing checks (what another issuer could publish; @digitalbazaar/vc's issue refuses some of these). */
async function signRaw(cred: Record<string, unknown>, key: Awaited<ReturnType<typeof seededKey>>) {
  return jsigs.sign(structuredClone(cred), { suite: createEddsaSigningSuite(key, ISSUED), purpose: new jsigs.purposes.AssertionProofPurpose(), documentLoader: createDocumentLoader() });
}

describe('structureProblems', () => {
  it.each(cases)('%s → %s', (_n, top, code, path) => {
    expect(structureProblems({ ...sampleCredential('did:example:i'), ...top })).toEqual([expect.objectContaining({ code, path })]);
  });

  it('well-formed entries and the absence of the properties are fine', () => {
    expect(structureProblems(sampleCredential('did:example:i'))).toEqual([]);
    const good = {
      credentialSchema: [SCHEMA],
      refreshService: { id: 'https://uni.example/refresh', type: 'VerifiableCredentialRefreshService2021' },
      evidence: { type: ['Evidence'] },
      termsOfUse: [{ type: 'TrustFrameworkPolicy' }],
      credentialStatus: { id: 'https://uni.example/status/1#5', type: 'BitstringStatusListEntry' },
      relatedResource: [{ id: 'https://uni.example/a', digestSRI: sri384('a') }, { id: 'https://uni.example/b', digestMultibase: mb256('b') }],
    };
    expect(structureProblems({ ...sampleCredential('did:example:i'), ...good })).toEqual([]);
  });

  it('never throws on hostile values', () => {
    for (const v of [null, 1, 'x', [], { credentialSchema: [null, 1, 'x'] }, { relatedResource: 'x' }, { evidence: { type: [1] } }]) {
      expect(() => structureProblems(v)).not.toThrow();
    }
    expect(structureProblems({ evidence: { type: [] } })[0]?.code).toBe('ERR_TYPE_MISSING');
  });
});

describe('issueCredential refuses what VC 2.0 forbids', () => {
  it.each(cases)('%s → IssueError %s', async (_n, top, code, path) => {
    const key = await seededKey(51);
    const err = await issueCredential(sampleCredential(key.controller, { top }), { key, now: ISSUED }).catch((e) => e);
    expect(err).toBeInstanceOf(IssueError);
    expect(err.code).toBe(code);
    expect(err.details.path).toBe(path);
  });
});

describe('verifyCredential reports what VC 2.0 forbids, even when the signature is valid', () => {
  // a typed credentialSchema without id cannot even be signed in JSON-LD safe mode (a node with only a type)
  it.each(cases.filter((c) => c[2] !== 'ERR_CREDENTIAL_SCHEMA_ID'))('%s → structure:failed %s', async (_n, top, code, path) => {
    const key = await seededKey(52);
    const signed = await signRaw(sampleCredential(key.controller, { top }), key);
    const r = await verifyCredential(signed, { now: NOW, checkStatus: false });
    expect(r.checks.find((c) => c.id === 'proof')?.status).toBe('passed');
    // the check reads the signed-data view (compacted with the trusted contexts), where a one-element array is a
    // single value: the target names the entry in the view ('$.evidence', not '$.evidence[0]')
    const viewPath = path.replace(/\[0\]/, '');
    expect(r.checks.filter((c) => c.id === 'structure')).toEqual([expect.objectContaining({ status: 'failed', code, target: viewPath })]);
    expect(r.verified).toBe(false);
  });
});

describe('relatedResource digests are checked against the documents at hand', () => {
  const ID = 'https://www.w3.org/ns/credentials/examples/v2';
  it('digestSRI and digestMultibase that match pass; issuing with the document at hand succeeds', async () => {
    const key = await seededKey(53);
    const top = { relatedResource: [{ id: ID, digestSRI: sri384(CTX_TEXT), digestMultibase: mb256(CTX_TEXT) }] };
    const signed = await issueCredential(sampleCredential(key.controller, { top }), { key, now: ISSUED, documents: { [ID]: CTX_TEXT } });
    const r = await verifyCredential(signed, { now: NOW, documents: { [ID]: CTX_TEXT } });
    expect(r.checks.filter((c) => c.id === 'digest').map((c) => [c.status, c.message])).toEqual([['passed', `${ID}: digestSRI sha384, digestMultibase sha2-256 match`]]);
    expect(r.verified).toBe(true);
    // not at hand: nothing claimed about it
    const offline = await verifyCredential(signed, { now: NOW });
    expect(offline.checks.filter((c) => c.id === 'digest')).toEqual([]);
  });

  it('a document at hand that differs from the digest fails (verify) and is refused (issue)', async () => {
    const key = await seededKey(54);
    const top = { relatedResource: [{ id: ID, digestSRI: sri384(CTX_TEXT) }] };
    const signed = await issueCredential(sampleCredential(key.controller, { top }), { key, now: ISSUED });
    const changed = CTX_TEXT.replace('examples#', 'examples/evil#');
    const r = await verifyCredential(signed, { now: NOW, documents: { [ID]: changed } });
    expect(r.checks.filter((c) => c.id === 'digest')).toEqual([expect.objectContaining({ status: 'failed', code: 'ERR_RELATED_RESOURCE_DIGEST_MISMATCH' })]);
    expect(r.verified).toBe(false);
    await expect(issueCredential(sampleCredential(key.controller, { top }), { key, now: ISSUED, documents: { [ID]: changed } })).rejects.toMatchObject({ code: 'ERR_RELATED_RESOURCE_DIGEST_MISMATCH' });
  });

  it('an unparsable digest of a document at hand fails; a parsed-JSON document is skipped (no bytes to hash)', async () => {
    const key = await seededKey(55);
    const bad = await signRaw(sampleCredential(key.controller, { top: { relatedResource: [{ id: ID, digestSRI: 'md5-AAAA' }] } }), key);
    const r = await verifyCredential(bad, { now: NOW, documents: { [ID]: CTX_TEXT } });
    expect(r.checks.find((c) => c.id === 'digest')).toMatchObject({ status: 'failed', code: 'ERR_RELATED_RESOURCE_DIGEST_UNSUPPORTED' });
    const ok = await issueCredential(sampleCredential(key.controller, { top: { relatedResource: [{ id: ID, digestSRI: sri384(CTX_TEXT) }] } }), { key, now: ISSUED });
    const parsed = await verifyCredential(ok, { now: NOW, documents: { [ID]: JSON.parse(CTX_TEXT) } });
    expect(parsed.checks.find((c) => c.id === 'digest')).toMatchObject({ status: 'skipped', code: 'SKIP_RELATED_RESOURCE_NOT_BYTES' });
  });
});

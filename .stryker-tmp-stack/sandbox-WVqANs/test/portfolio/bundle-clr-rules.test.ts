// @ts-nocheck
// Issue 21 (mutation area `portfolio-bundle`): how bundleClr builds the CLR 2.0 ClrCredential it hands to
// issueCredential — input checks, the issuer, the learner (ClrSubject), achievements, associations, the @context and
// the options passed on, and the one retry with the embedding context. issueCredential is replaced by a recorder (no
// key, no JSON-LD): what is under test is the document and the options, not signing (test/portfolio/bundle.test.ts
// signs for real).
//
// Rules (CLR Standard v2.0 and the doc comments of src/portfolio/bundle-clr.ts / types.ts):
// - "CLR 2.0 embeds OB 3.0 AchievementCredentials, which are VC 2.0: a VC 1.1 inner credential is refused
//   (ERR_CLR_REQUIRES_VC2 …) unless skipSchema: true."
// - issuer: "an id or a Profile (default { id: key.controller, type: ['Profile'] })"; a signer's controller is "its
//   id before #".
// - learner: "an id, or an object with id and/or identifier. Default: the credentialSubject.id shared by every inner
//   credential (if they do not agree, you must say who the learner is)"; an email / student id becomes a hashed
//   IdentityObject (OB 3.0 §B.1.3 IdentityObject: identityHash = sha256$ hex(SHA-256(value ‖ salt))).
// - achievements: "'from-credentials' copies the achievements of the inner credentials (deduplicated by id)".
// - associations: CLR 2.0 Association (associationType one of exactMatchOf, isChildOf, isParentOf, isPartOf, isPeerOf,
//   isRelatedTo, precedes, replacedBy; sourceId / targetId achievement ids); "every id must be an achievement of the
//   CLR or of an inner credential".
import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls: Array<{ doc: Record<string, any>; opts: Record<string, any> }> = [];
const failures: unknown[] = [];
vi.mock('../../src/issue.js', () => ({
  issueCredential: vi.fn(async (doc: Record<string, any>, opts: Record<string, any>) => {
    calls.push({ doc, opts });
    if (failures.length) throw failures.shift();
    return { ...doc, proof: { type: 'DataIntegrityProof', proofValue: 'z-recorded' } };
  }),
}));

import { CredstackError, IssueError, PortfolioError } from '../../src/errors.js';
import { bundleClr } from '../../src/portfolio/bundle-clr.js';
import { CLR_EMBED_CONTEXT } from '../../src/portfolio/common.js';

const VC2 = 'https://www.w3.org/ns/credentials/v2';
const VC1 = 'https://www.w3.org/2018/credentials/v1';
const CLR2 = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';
const OB3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const ASSESSMENT = 'https://purl.imsglobal.org/spec/ob-assessment/v2p0/context/';
const CREDSTACK = 'https://w3id.org/credstack/v1';
const L = 'did:example:learner';
const INST = 'did:example:inst';
const KEY = { id: `${INST}#key-1`, controller: INST, type: 'Multikey' } as any;

type Cred = Record<string, any>;
function cred(n: number, achievement: unknown = { id: `urn:ach:${n}`, type: ['Achievement'], name: `A${n}` }, extra: Cred = {}): Cred {
  return {
    '@context': [VC2, OB3],
    id: `urn:cred:${n}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: 'did:example:issuer',
    credentialSubject: { id: L, type: ['AchievementSubject'], achievement },
    proof: { type: 'DataIntegrityProof', proofValue: `z-${n}` },
    ...extra,
  };
}
const vc1 = (n: number): Cred => ({ ...cred(n), '@context': [VC1, 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json'] });

async function rejected(p: Promise<unknown>): Promise<any> {
  return p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e) => e,
  );
}
async function refusal(p: Promise<unknown>): Promise<[string, string, unknown]> {
  const e = await rejected(p);
  expect(e).toBeInstanceOf(PortfolioError);
  return [e.code, e.message, e.details];
}
const last = () => calls[calls.length - 1]!;

beforeEach(() => {
  calls.length = 0;
  failures.length = 0;
});

describe('bundleClr: input', () => {
  it('options are required; the inner credentials are checked (duplicates refused unless allowDuplicates)', async () => {
    expect(await refusal(bundleClr([cred(1)], undefined as any))).toEqual(['ERR_INVALID_INPUT', 'options with a key are required', undefined]);
    expect(await refusal(bundleClr([cred(1)], 'key' as any))).toEqual(['ERR_INVALID_INPUT', 'options with a key are required', undefined]);
    expect((await refusal(bundleClr([], { key: KEY })))[0]).toBe('ERR_PORTFOLIO_EMPTY');
    const same = { ...cred(2), id: 'urn:cred:1' };
    expect(await refusal(bundleClr([cred(1), same], { key: KEY }))).toEqual(['ERR_DUPLICATE_CREDENTIAL', 'credentials[1] and credentials[0] have the same id urn:cred:1', { indexes: [0, 1], id: 'urn:cred:1' }]);
    await bundleClr([cred(1), same], { key: KEY, allowDuplicates: true });
    expect(last().doc.credentialSubject.verifiableCredential.map((c: Cred) => c.id)).toEqual(['urn:cred:1', 'urn:cred:1']);
    expect(calls).toHaveLength(1);
  });

  it('a VC 1.1 credential → ERR_CLR_REQUIRES_VC2 naming every such index, before signing; skipSchema embeds it with the embedding context', async () => {
    expect(await refusal(bundleClr([vc1(1), cred(2), vc1(3)], { key: KEY }))).toEqual([
      'ERR_CLR_REQUIRES_VC2',
      'credentials 0, 2 are not VC 2.0 credentials: CLR 2.0 embeds OB 3.0 AchievementCredentials (VC 2.0), so the CLR schema rejects them. ' +
        'Share them in a presentation (bundlePresentation), or pass skipSchema: true to embed them anyway.',
      { indexes: [0, 2] },
    ]);
    expect(calls).toHaveLength(0);
    // the first context decides: VC 2.0 not first is not a VC 2.0 credential
    expect((await refusal(bundleClr([{ ...cred(1), '@context': [OB3, VC2] }], { key: KEY })))[2]).toEqual({ indexes: [0] });
    // a single context string is a list of one
    await bundleClr([{ ...cred(1), '@context': VC2 }], { key: KEY });
    expect(last().doc['@context']).toEqual([VC2, CLR2, OB3]);
    await bundleClr([vc1(1), cred(2)], { key: KEY, skipSchema: true });
    expect(last().doc['@context']).toEqual([VC2, CLR2, OB3, CLR_EMBED_CONTEXT]);
    expect(last().opts).toStrictEqual({ key: KEY, skipSchema: true });
  });

  it('the inner credentials are embedded as deep copies, unchanged', async () => {
    const input = [cred(1), cred(2)];
    await bundleClr(input, { key: KEY });
    const inner = last().doc.credentialSubject.verifiableCredential;
    expect(inner).toEqual(input);
    expect(inner[0]).not.toBe(input[0]);
  });
});

describe('bundleClr: the issuer', () => {
  it('default: the key’s controller, as a Profile; a signer’s controller (its id before #) comes first', async () => {
    await bundleClr([cred(1)], { key: KEY });
    expect(last().doc.issuer).toEqual({ id: INST, type: ['Profile'] });
    const signer = { id: 'did:example:kms#k7', algorithm: 'Ed25519', sign: async () => new Uint8Array(64) };
    await bundleClr([cred(1)], { signer, key: KEY });
    expect(last().doc.issuer).toEqual({ id: 'did:example:kms', type: ['Profile'] });
    // something that is not a signer (no sign function) does not name the issuer
    await bundleClr([cred(1)], { signer: { id: 'did:example:fake#k', algorithm: 'Ed25519' } as any, key: KEY });
    expect(last().doc.issuer).toEqual({ id: INST, type: ['Profile'] });
  });

  it('options.issuer: an id becomes a Profile; an object gets type Profile only when it has none', async () => {
    await bundleClr([cred(1)], { key: KEY, issuer: 'did:example:other' });
    expect(last().doc.issuer).toEqual({ id: 'did:example:other', type: ['Profile'] });
    await bundleClr([cred(1)], { key: KEY, issuer: { id: INST, name: 'Inst' } });
    expect(last().doc.issuer).toEqual({ type: ['Profile'], id: INST, name: 'Inst' });
    expect(Object.keys(last().doc.issuer)).toEqual(['type', 'id', 'name']);
    await bundleClr([cred(1)], { key: KEY, issuer: { id: INST, type: ['Profile', 'Organization'] } });
    expect(last().doc.issuer).toEqual({ id: INST, type: ['Profile', 'Organization'] });
  });

  it('no issuer to be had → ERR_INVALID_INPUT', async () => {
    const msg = ['ERR_INVALID_INPUT', 'options.issuer (or options.key) is required', undefined];
    expect(await refusal(bundleClr([cred(1)], {}))).toEqual(msg);
    expect(await refusal(bundleClr([cred(1)], { key: KEY, issuer: { name: 'no id' } }))).toEqual(msg);
    expect(await refusal(bundleClr([cred(1)], { issuer: 42 as any }))).toEqual(msg);
    expect(calls).toHaveLength(0);
  });
});

describe('bundleClr: the learner (ClrSubject)', () => {
  it('default: the one credentialSubject.id every credential shares', async () => {
    await bundleClr([cred(1), cred(2)], { key: KEY });
    const s = last().doc.credentialSubject;
    expect(Object.keys(s)).toEqual(['id', 'type', 'verifiableCredential']);
    expect([s.id, s.type]).toEqual([L, ['ClrSubject']]);
  });

  it('learner null is no learner: the default applies', async () => {
    await bundleClr([cred(1)], { key: KEY, learner: null as any });
    expect(last().doc.credentialSubject.id).toBe(L);
  });

  it('subjects that disagree, or no subject id at all → ERR_LEARNER_REQUIRED listing them', async () => {
    const other = cred(2, undefined, { credentialSubject: { id: 'did:example:other' } });
    expect(await refusal(bundleClr([cred(1), other], { key: KEY }))).toEqual([
      'ERR_LEARNER_REQUIRED',
      `cannot tell who the learner is: the credentials' subjects are ${L}, did:example:other; pass options.learner`,
      undefined,
    ]);
    const two = cred(3, undefined, { credentialSubject: [{ id: L }, { name: 'no id' }] });
    expect((await refusal(bundleClr([two], { key: KEY })))[1]).toBe(`cannot tell who the learner is: the credentials' subjects are ${L}, (no id); pass options.learner`);
    const none = cred(4, undefined, { credentialSubject: [null] });
    expect((await refusal(bundleClr([none], { key: KEY })))[1]).toBe("cannot tell who the learner is: the credentials' subjects are (no id); pass options.learner");
    expect((await refusal(bundleClr([cred(5, undefined, { credentialSubject: {} })], { key: KEY })))[0]).toBe('ERR_LEARNER_REQUIRED');
  });

  it('a DID / URI: every credential must be about it; then { id }', async () => {
    await bundleClr([cred(1)], { key: KEY, learner: L });
    expect(last().doc.credentialSubject).toMatchObject({ id: L, type: ['ClrSubject'] });
    const other = cred(2, undefined, { credentialSubject: { id: 'did:example:other' } });
    expect(await refusal(bundleClr([cred(1), other, cred(3)], { key: KEY, learner: L }))).toEqual([
      'ERR_OTHER_LEARNER',
      `credential(s) 1 were not awarded to ${L}`,
      { indexes: [1] },
    ]);
    const other3 = cred(3, undefined, { credentialSubject: [{ id: 'did:example:third' }] });
    expect((await refusal(bundleClr([other, cred(1), other3], { key: KEY, learner: L })))[2]).toEqual({ indexes: [0, 2] });
    expect((await refusal(bundleClr([other, cred(1), other3], { key: KEY, learner: L })))[1]).toBe(`credential(s) 0, 2 were not awarded to ${L}`);
  });

  it('an email or a student id: matched against the credentials’ identifiers; the CLR gets a salted, hashed IdentityObject', async () => {
    const EMAIL = 'anh@uni.example';
    const byEmail = cred(1, undefined, { credentialSubject: { identifier: [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: false, identityHash: EMAIL }] } });
    await bundleClr([byEmail], { key: KEY, learner: EMAIL });
    const s = last().doc.credentialSubject;
    expect('id' in s).toBe(false);
    const [io] = s.identifier;
    expect(Object.keys(s.identifier[0]).sort()).toEqual(['hashed', 'identityHash', 'identityType', 'salt', 'type']);
    expect([io.type, io.identityType, io.hashed]).toEqual(['IdentityObject', 'emailAddress', true]);
    expect(io.identityHash).toBe(`sha256$${createHash('sha256').update(EMAIL + io.salt).digest('hex')}`);
    const byId = cred(2, undefined, { credentialSubject: { identifier: { type: 'IdentityObject', identityType: 'sisSourcedId', hashed: false, identityHash: 'S0042' } } });
    await bundleClr([byId], { key: KEY, learner: 'S0042' });
    const sid = last().doc.credentialSubject.identifier[0];
    expect([sid.identityType, sid.identityHash]).toEqual(['sisSourcedId', `sha256$${createHash('sha256').update('S0042' + sid.salt).digest('hex')}`]);
    expect(await refusal(bundleClr([byId], { key: KEY, learner: EMAIL }))).toEqual(['ERR_OTHER_LEARNER', `credential(s) 0 were not awarded to email ${EMAIL}`, { indexes: [0] }]);
  });

  it('an unusable learner string → ERR_INVALID_INPUT', async () => {
    for (const learner of ['', '   ']) {
      expect(await refusal(bundleClr([cred(1)], { key: KEY, learner }))).toEqual(['ERR_INVALID_INPUT', 'learner must be a DID / URI, an email or a student id', undefined]);
    }
  });

  it('an object: needs an id or an identifier; its type, credentials, achievements and associations are not copied', async () => {
    await bundleClr([cred(1)], {
      key: KEY,
      learner: { id: 'did:example:l7', name: 'Anh', type: ['Profile'], verifiableCredential: [cred(9)], achievement: [{ id: 'urn:x' }], association: [{}] },
    });
    const s = last().doc.credentialSubject;
    expect(s).toEqual({ id: 'did:example:l7', name: 'Anh', type: ['ClrSubject'], verifiableCredential: [cred(1)] });
    const identifier = [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: false, identityHash: 'a@b.example' }];
    await bundleClr([cred(1)], { key: KEY, learner: { identifier } });
    expect(last().doc.credentialSubject.identifier).toEqual(identifier);
    await bundleClr([cred(1)], { key: KEY, learner: { identifier: identifier[0]! } });
    expect(last().doc.credentialSubject.identifier).toEqual(identifier[0]);
    for (const learner of [{ name: 'who?' }, { identifier: [] }, { id: 7 }]) {
      expect(await refusal(bundleClr([cred(1)], { key: KEY, learner }))).toEqual(['ERR_INVALID_INPUT', 'learner needs an id or an identifier', undefined]);
    }
  });
});

describe('bundleClr: achievements', () => {
  it("'from-credentials': the inner achievements, deduplicated by id, without id-less ones, as copies", async () => {
    const a1 = { id: 'urn:ach:1', type: ['Achievement'], name: 'A1' };
    const inputs = [cred(1, a1), cred(2, [{ ...a1, name: 'A1 again' }, { id: 'urn:ach:2', name: 'A2' }]), cred(3, { name: 'no id' })];
    await bundleClr(inputs, { key: KEY, achievements: 'from-credentials' });
    const s = last().doc.credentialSubject;
    expect(s.achievement).toEqual([a1, { id: 'urn:ach:2', name: 'A2' }]);
    expect(s.achievement[0]).not.toBe(s.verifiableCredential[0].credentialSubject.achievement);
    expect(Object.keys(s)).toEqual(['id', 'type', 'achievement', 'verifiableCredential']);
  });

  it("a list is copied as given; anything else → ERR_INVALID_INPUT; an empty list or none → no achievement property", async () => {
    const programme = { id: 'urn:ach:prog', type: ['Achievement'], name: 'Programme' };
    const list = [programme];
    await bundleClr([cred(1)], { key: KEY, achievements: list });
    expect(last().doc.credentialSubject.achievement).toEqual([programme]);
    expect(last().doc.credentialSubject.achievement[0]).not.toBe(programme);
    expect(await refusal(bundleClr([cred(1)], { key: KEY, achievements: 'all' as any }))).toEqual(['ERR_INVALID_INPUT', "achievements must be an array or 'from-credentials'", undefined]);
    await bundleClr([cred(1)], { key: KEY, achievements: [] });
    expect('achievement' in last().doc.credentialSubject).toBe(false);
    await bundleClr([cred(1, { name: 'no id' })], { key: KEY, achievements: 'from-credentials' });
    expect('achievement' in last().doc.credentialSubject).toBe(false);
  });
});

describe('bundleClr: associations (CLR 2.0 Association)', () => {
  const A1 = 'urn:ach:1';
  const A2 = 'urn:ach:2';
  const PROG = 'urn:ach:prog';
  const two = () => [cred(1), cred(2)];

  it('valid ones become Associations with exactly the three fields; ids may be inner or given achievements', async () => {
    await bundleClr(two(), {
      key: KEY,
      achievements: [{ id: PROG, type: ['Achievement'], name: 'P' }],
      associations: [
        { associationType: 'precedes', sourceId: A1, targetId: A2, note: 'dropped' } as any,
        { associationType: 'isPartOf', sourceId: A2, targetId: PROG },
      ],
    });
    expect(last().doc.credentialSubject.association).toEqual([
      { type: 'Association', associationType: 'precedes', sourceId: A1, targetId: A2 },
      { type: 'Association', associationType: 'isPartOf', sourceId: A2, targetId: PROG },
    ]);
    expect(Object.keys(last().doc.credentialSubject)).toEqual(['id', 'type', 'achievement', 'verifiableCredential', 'association']);
    // every CLR 2.0 association type is accepted
    for (const associationType of ['exactMatchOf', 'isChildOf', 'isParentOf', 'isPartOf', 'isPeerOf', 'isRelatedTo', 'precedes', 'replacedBy'] as const) {
      await bundleClr(two(), { key: KEY, associations: [{ associationType, sourceId: A1, targetId: A2 }] });
      expect(last().doc.credentialSubject.association[0].associationType).toBe(associationType);
    }
  });

  it('an empty list adds nothing; a list that is not an array → ERR_INVALID_INPUT', async () => {
    await bundleClr(two(), { key: KEY, associations: [] });
    expect('association' in last().doc.credentialSubject).toBe(false);
    expect(await refusal(bundleClr(two(), { key: KEY, associations: 'precedes' as any }))).toEqual(['ERR_INVALID_INPUT', 'associations must be an array', undefined]);
  });

  it('each refusal names the association', async () => {
    const r = (a: unknown) => refusal(bundleClr(two(), { key: KEY, associations: [{ associationType: 'precedes', sourceId: A1, targetId: A2 }, a as any] }));
    expect(await r(null)).toEqual(['ERR_ASSOCIATION_INVALID', 'associations[1] is not an object', undefined]);
    expect(await r('precedes')).toEqual(['ERR_ASSOCIATION_INVALID', 'associations[1] is not an object', undefined]);
    expect(await r({ associationType: 'isFriendOf', sourceId: A1, targetId: A2 })).toEqual([
      'ERR_ASSOCIATION_TYPE',
      'associations[1].associationType "isFriendOf" is not one of exactMatchOf, isChildOf, isParentOf, isPartOf, isPeerOf, isRelatedTo, precedes, replacedBy',
      { index: 1 },
    ]);
    expect(await r({ sourceId: A1, targetId: A2 })).toEqual([
      'ERR_ASSOCIATION_TYPE',
      'associations[1].associationType undefined is not one of exactMatchOf, isChildOf, isParentOf, isPartOf, isPeerOf, isRelatedTo, precedes, replacedBy',
      { index: 1 },
    ]);
    expect(await r({ associationType: 'precedes', sourceId: 7, targetId: A2 })).toEqual(['ERR_ASSOCIATION_INVALID', 'associations[1].sourceId must be an achievement id (URI)', { index: 1 }]);
    // an id is a string: a list holding one id is refused as such, not looked up
    expect(await r({ associationType: 'precedes', sourceId: [A1], targetId: A2 })).toEqual(['ERR_ASSOCIATION_INVALID', 'associations[1].sourceId must be an achievement id (URI)', { index: 1 }]);
    expect(await r({ associationType: 'precedes', sourceId: A1, targetId: 'not a uri' })).toEqual(['ERR_ASSOCIATION_INVALID', 'associations[1].targetId must be an achievement id (URI)', { index: 1 }]);
    // URI: a scheme (letter, then letters, digits, + . -), a colon, then no blank
    for (const bad of ['urn:', '1urn:ach:1', 'urn: ach', 'urn:ach:1 ', 'ach1', 'u_rn:x', ' urn:ach:1']) {
      expect((await r({ associationType: 'precedes', sourceId: bad, targetId: A2 }))[0]).toBe('ERR_ASSOCIATION_INVALID');
    }
    expect(await r({ associationType: 'precedes', sourceId: A1, targetId: 'urn:ach:nope' })).toEqual([
      'ERR_ASSOCIATION_UNKNOWN_ID',
      'associations[1].targetId urn:ach:nope is not an achievement of the CLR or of its credentials',
      { index: 1, id: 'urn:ach:nope' },
    ]);
    expect((await r({ associationType: 'precedes', sourceId: 'URN:ach:1', targetId: A2 }))[2]).toEqual({ index: 1, id: 'URN:ach:1' });
    expect(await r({ associationType: 'isPeerOf', sourceId: A2, targetId: A2 })).toEqual(['ERR_ASSOCIATION_INVALID', `associations[1] relates ${A2} to itself`, { index: 1 }]);
    expect(calls).toHaveLength(0);
  });

  it('URIs of other schemes with + . - in the scheme are achievement ids too', async () => {
    const ids = ['https://uni.example/ach/1', 'x-ach+v1.2:1', 'A:b'];
    const creds = ids.map((id, i) => cred(i + 1, { id, type: ['Achievement'] }));
    await bundleClr(creds, { key: KEY, associations: [{ associationType: 'precedes', sourceId: ids[0]!, targetId: ids[1]! }, { associationType: 'precedes', sourceId: ids[1]!, targetId: ids[2]! }] });
    expect(last().doc.credentialSubject.association).toHaveLength(2);
  });
});

describe('bundleClr: the document and the options handed to issueCredential', () => {
  it('keys in order; name defaults to "Comprehensive Learner Record"; optional fields only when given', async () => {
    await bundleClr([cred(1)], { key: KEY });
    expect(Object.keys(last().doc)).toEqual(['@context', 'type', 'issuer', 'name', 'credentialSubject']);
    expect(last().doc.type).toEqual(['VerifiableCredential', 'ClrCredential']);
    expect(last().doc.name).toBe('Comprehensive Learner Record');
    expect(last().opts).toStrictEqual({ key: KEY });
    await bundleClr([cred(1)], {
      key: KEY,
      id: 'urn:uuid:clr-1',
      validFrom: '2026-01-01T00:00:00Z',
      validUntil: '2030-01-01T00:00:00Z',
      name: 'Transcript',
      description: 'All of it',
      partial: false,
    });
    const d = last().doc;
    expect(Object.keys(d)).toEqual(['@context', 'id', 'type', 'issuer', 'validFrom', 'validUntil', 'name', 'description', 'partial', 'credentialSubject']);
    expect([d.id, d.validFrom, d.validUntil, d.name, d.description, d.partial]).toEqual(['urn:uuid:clr-1', '2026-01-01T00:00:00Z', '2030-01-01T00:00:00Z', 'Transcript', 'All of it', false]);
  });

  it('now, documents, skipSchema, extension and signer are passed on only when given', async () => {
    const documents = { 'https://x.example/ctx': { '@context': {} } };
    const signer = { id: `${INST}#kms`, algorithm: 'Ed25519', sign: async () => new Uint8Array(64) };
    await bundleClr([cred(1)], { signer, now: '2026-05-05T00:00:00Z', documents, skipSchema: true, extension: 'url' });
    expect(last().opts).toStrictEqual({ signer, key: undefined, now: '2026-05-05T00:00:00Z', documents, skipSchema: true, extension: 'url' });
    await bundleClr([cred(1)], { key: KEY, skipSchema: false });
    expect(last().opts).toStrictEqual({ key: KEY });
    const r = await bundleClr([cred(1)], { key: KEY });
    expect(r.proof).toEqual({ type: 'DataIntegrityProof', proofValue: 'z-recorded' });
  });

  it('the envelope’s own terms decide the extra contexts: Assessment Extension, then credstack’s', async () => {
    const assessed = { id: 'urn:ach:prog', type: ['Achievement'], resultDescription: [{ type: ['ResultDescription', 'AssessmentResultDescription'], name: 'Exam' }] };
    await bundleClr([cred(1)], { key: KEY, achievements: [assessed] });
    expect(last().doc['@context']).toEqual([VC2, CLR2, OB3, ASSESSMENT]);
    await bundleClr([cred(1)], { key: KEY, issuer: { id: INST, nameMap: { en: 'Inst' } } });
    expect(last().doc['@context']).toEqual([VC2, CLR2, OB3, CREDSTACK]);
    await bundleClr([cred(1)], { key: KEY, achievements: [{ ...assessed, workload: [{ value: 5, unit: 'ECTS' }] }] });
    expect(last().doc['@context']).toEqual([VC2, CLR2, OB3, ASSESSMENT, CREDSTACK]);
    // the same terms inside an inner credential only (its own context defines them): nothing added
    await bundleClr([cred(1, { ...assessed, workload: [{ value: 5, unit: 'ECTS' }] })], { key: KEY });
    expect(last().doc['@context']).toEqual([VC2, CLR2, OB3]);
  });
});

describe('bundleClr: a protected-term clash is retried once with the embedding context', () => {
  const clash = () => new IssueError('ERR_JSONLD_INVALID', 'JSON-LD safe mode rejected the credential: tried to redefine a Protected Term (x)');

  it('retried with the embedding context appended, the rest of the document unchanged', async () => {
    failures.push(clash());
    const r = await bundleClr([cred(1)], { key: KEY, now: '2026-05-05T00:00:00Z' });
    expect(calls).toHaveLength(2);
    expect(calls[0]!.doc['@context']).toEqual([VC2, CLR2, OB3]);
    expect(calls[1]!.doc['@context']).toEqual([VC2, CLR2, OB3, CLR_EMBED_CONTEXT]);
    const { '@context': _a, ...first } = calls[0]!.doc;
    const { '@context': _b, ...second } = calls[1]!.doc;
    expect(second).toEqual(first);
    expect(calls[1]!.opts).toStrictEqual({ key: KEY, now: '2026-05-05T00:00:00Z' });
    expect(r['@context']).toEqual([VC2, CLR2, OB3, CLR_EMBED_CONTEXT]);
  });

  it('a second failure is reported as a PortfolioError with its code', async () => {
    const again = new IssueError('ERR_UNDEFINED_TERM', 'property "x" is not defined', { details: { property: 'x' } });
    failures.push(clash(), again);
    const e = await rejected(bundleClr([cred(1)], { key: KEY }));
    expect(e).toBeInstanceOf(PortfolioError);
    expect([e.code, e.message, e.details, e.cause]).toEqual(['ERR_UNDEFINED_TERM', 'property "x" is not defined', { property: 'x' }, again]);
    expect(calls).toHaveLength(2);
  });

  it('no retry when the embedding context is already there, for another JSON-LD error, another code, or a non-IssueError', async () => {
    failures.push(clash());
    const e1 = await rejected(bundleClr([vc1(1)], { key: KEY, skipSchema: true }));
    expect([e1 instanceof PortfolioError, e1.code, calls.length]).toEqual([true, 'ERR_JSONLD_INVALID', 1]);
    calls.length = 0;
    failures.push(new IssueError('ERR_JSONLD_INVALID', 'invalid JSON-LD: invalid @id'));
    expect([(await rejected(bundleClr([cred(1)], { key: KEY }))).code, calls.length]).toEqual(['ERR_JSONLD_INVALID', 1]);
    calls.length = 0;
    failures.push(new IssueError('ERR_ISSUE_FAILED', 'signing failed: protected term'));
    expect([(await rejected(bundleClr([cred(1)], { key: KEY }))).code, calls.length]).toEqual(['ERR_ISSUE_FAILED', 1]);
    calls.length = 0;
    const ke = new CredstackError('ERR_JSONLD_INVALID', 'protected term');
    failures.push(ke);
    expect([await rejected(bundleClr([cred(1)], { key: KEY })), calls.length]).toEqual([ke, 1]);
  });

  it('other failures: an IssueError becomes a PortfolioError with its code; a plain error → ERR_BUNDLE_FAILED', async () => {
    failures.push(new IssueError('ERR_ISSUER_MISMATCH', 'the key is not the issuer’s'));
    const e = await rejected(bundleClr([cred(1)], { key: KEY }));
    expect([e instanceof PortfolioError, e.code, e.message]).toEqual([true, 'ERR_ISSUER_MISMATCH', 'the key is not the issuer’s']);
    failures.push(new Error('disk on fire'));
    const p = await rejected(bundleClr([cred(1)], { key: KEY }));
    expect([p instanceof PortfolioError, p.code, p.message]).toEqual([true, 'ERR_BUNDLE_FAILED', 'could not sign the portfolio: disk on fire']);
    expect(p).toBeInstanceOf(CredstackError);
  });
});

// @ts-nocheck
// Issue 21 (mutation area `portfolio-bundle`): how bundlePresentation builds and signs a learner's VC 2.0 Verifiable
// Presentation — the holder and its signer, challenge / domain, the clock, the presentation object, the proof purpose
// and the mapping of signing errors. vc.signPresentation, the two signing suites, the document loader and
// mapSigningError are replaced by recorders (no JSON-LD, no signing here; test/portfolio/bundle.test.ts signs for
// real); the proof purposes are jsonld-signatures' own.
//
// Rules (VC Data Model 2.0 §4.13 Verifiable Presentations, VC Data Integrity §2.1 proof options, and the doc comment):
// - "holder is the key's controller" (for an external signer, "its id before #");
// - the proof is "DataIntegrityProof eddsa-rdfc-2022, proofPurpose: "authentication", with the verifier's challenge
//   and domain" (Data Integrity: challenge and domain are strings; credstack refuses an empty one); an ECDSA holder
//   signs with ecdsa-rdfc-2019;
// - "The credentials are embedded unchanged"; "built by hand (not vc.createPresentation): that one rejects expired
//   inner credentials".
import { createPrivateKey, createPublicKey, verify } from 'node:crypto';
import jsigs from 'jsonld-signatures';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const rec = vi.hoisted(() => ({
  sign: [] as any[],
  mapped: [] as any[],
  failure: undefined as unknown,
}));
vi.mock('@digitalbazaar/vc', () => ({
  signPresentation: vi.fn(async (args: any) => {
    rec.sign.push(args);
    if (rec.failure !== undefined) throw rec.failure;
    return { ...args.presentation, proof: { recorded: true } };
  }),
}));
vi.mock('../../src/proofs/suites.js', () => ({ createEddsaSigningSuite: (signer: unknown, date: unknown) => ({ suite: 'eddsa-rdfc-2022', signer, date }) }));
vi.mock('../../src/proofs/ecdsa.js', () => ({ createEcdsaSigningSuite: (name: string, signer: unknown, date: unknown) => ({ suite: name, signer, date }) }));
vi.mock('../../src/jsonld/loader.js', () => ({ createDocumentLoader: (opts: unknown) => ({ loader: opts }) }));
vi.mock('../../src/issue.js', async () => {
  const { IssueError } = await import('../../src/errors.js');
  return {
    mapSigningError: (err: unknown, doc: unknown) => {
      rec.mapped.push([err, doc]);
      return new IssueError('ERR_UNDEFINED_TERM', 'mapped', { details: { from: (err as Error).message } });
    },
  };
});

import { KeyError, PortfolioError, SignerError } from '../../src/errors.js';
import { encodePublicKeyMultibase, encodeSecretKeyMultibase } from '../../src/keys/multibase.js';
import { bundlePresentation } from '../../src/portfolio/bundle-presentation.js';

const VC2 = 'https://www.w3.org/ns/credentials/v2';
const NOW = '2026-11-23T10:00:00Z';
const L = 'did:example:learner';
const SEED = Uint8Array.from({ length: 32 }, (_, i) => i + 1);
// RFC 8410 PKCS#8 wrapper of a raw Ed25519 seed: node:crypto derives the public key, not the code under test
const nodePriv = createPrivateKey({ key: Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), Buffer.from(SEED)]), format: 'der', type: 'pkcs8' });
const nodePub = createPublicKey(nodePriv);
const rawPub = new Uint8Array(nodePub.export({ format: 'der', type: 'spki' }).subarray(12));
const HOLDER = {
  type: 'Multikey',
  id: `${L}#key-1`,
  controller: L,
  publicKeyMultibase: encodePublicKeyMultibase(rawPub),
  secretKeyMultibase: encodeSecretKeyMultibase(SEED),
} as any;
const edSigner = { id: 'did:example:wallet#k1', algorithm: 'Ed25519', sign: async () => new Uint8Array(64) };

type Cred = Record<string, any>;
const cred = (n: number, extra: Cred = {}): Cred => ({
  '@context': [VC2],
  id: `urn:cred:${n}`,
  type: ['VerifiableCredential'],
  issuer: 'did:example:issuer',
  credentialSubject: { id: L },
  proof: { type: 'DataIntegrityProof', proofValue: `z-${n}` },
  ...extra,
});

async function rejected(p: Promise<unknown>): Promise<any> {
  return p.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e) => e,
  );
}
const last = () => rec.sign[rec.sign.length - 1];

beforeEach(() => {
  rec.sign.length = 0;
  rec.mapped.length = 0;
  rec.failure = undefined;
});

describe('bundlePresentation: who signs', () => {
  it('options are required', async () => {
    for (const o of [undefined, 'holderKey']) {
      const e = await rejected(bundlePresentation([cred(1)], o as any));
      expect([e instanceof PortfolioError, e.code, e.message]).toEqual([true, 'ERR_INVALID_INPUT', 'options with a holderKey are required']);
    }
  });

  it('holderKey: holder is its controller; the suite signs with that key (checked with node:crypto)', async () => {
    const out = await bundlePresentation([cred(1)], { holderKey: HOLDER, now: NOW });
    const { presentation, suite } = last();
    expect(presentation.holder).toBe(L);
    expect([suite.suite, suite.date, suite.signer.id, suite.signer.algorithm]).toEqual(['eddsa-rdfc-2022', NOW, `${L}#key-1`, 'Ed25519']);
    const msg = new TextEncoder().encode('credstack presentation');
    const sig = await suite.signer.sign(msg);
    expect(verify(null, msg, nodePub, Buffer.from(sig))).toBe(true);
    expect(out.proof).toEqual({ recorded: true });
  });

  it('a holderKey that is no KeyPair → KeyError ERR_KEY_INVALID; without its secret → ERR_KEY_NO_SECRET', async () => {
    const invalid = 'options.holderKey must be a KeyPair (see generateKeyPair / importKeyPair), or pass options.holderSigner';
    // a KeyPair is an object: not null, not a function carrying the same properties
    const fnKey = Object.assign(() => undefined, { ...HOLDER });
    for (const holderKey of [undefined, null, fnKey, 'did:example:learner#key-1', { ...HOLDER, id: 7 }, { ...HOLDER, controller: undefined }]) {
      const e = await rejected(bundlePresentation([cred(1)], { holderKey, now: NOW } as any));
      expect([e instanceof KeyError, e.code, e.message]).toEqual([true, 'ERR_KEY_INVALID', invalid]);
    }
    const { secretKeyMultibase: _s, ...pub } = HOLDER;
    const e = await rejected(bundlePresentation([cred(1)], { holderKey: pub, now: NOW }));
    expect([e instanceof KeyError, e.code, e.message]).toEqual([true, 'ERR_KEY_NO_SECRET', `key ${L}#key-1 has no secret part: it can verify but not sign`]);
    expect(rec.sign).toHaveLength(0);
  });

  it('holderSigner (wins over holderKey): holder is its id before #; Ed25519 / EdDSA → eddsa-rdfc-2022, P-256 / P-384 → ecdsa-rdfc-2019', async () => {
    await bundlePresentation([cred(1)], { holderSigner: edSigner, holderKey: HOLDER, now: NOW });
    expect([last().presentation.holder, last().suite.suite, last().suite.signer]).toEqual(['did:example:wallet', 'eddsa-rdfc-2022', edSigner]);
    await bundlePresentation([cred(1)], { holderSigner: { ...edSigner, algorithm: 'EdDSA' }, now: NOW });
    expect(last().suite.suite).toBe('eddsa-rdfc-2022');
    for (const algorithm of ['P-256', 'P-384', 'ES256']) {
      const s = { id: 'did:example:wallet#p', algorithm, sign: async () => new Uint8Array(64) };
      await bundlePresentation([cred(1)], { holderSigner: s, now: NOW });
      expect([last().suite.suite, last().suite.signer, last().suite.date]).toEqual(['ecdsa-rdfc-2019', s, NOW]);
    }
  });

  it('a holderSigner that is no signer, or signs with RS256 → SignerError', async () => {
    const e1 = await rejected(bundlePresentation([cred(1)], { holderSigner: { id: 'did:example:w#k', algorithm: 'Ed25519' } as any, now: NOW }));
    expect([e1 instanceof SignerError, e1.code]).toEqual([true, 'ERR_SIGNER_INVALID']);
    const e2 = await rejected(bundlePresentation([cred(1)], { holderSigner: { ...edSigner, algorithm: 'RS256' }, now: NOW }));
    expect([e2 instanceof SignerError, e2.code, e2.message]).toEqual([true, 'ERR_SIGNER_ALGORITHM', 'signer did:example:wallet#k1 signs with RS256; a presentation needs Ed25519 or P-256 or P-384']);
    expect(rec.sign).toHaveLength(0);
  });
});

describe('bundlePresentation: options', () => {
  it('challenge and domain must be non-empty strings when given', async () => {
    for (const p of ['challenge', 'domain'] as const) {
      for (const v of ['', 42]) {
        const e = await rejected(bundlePresentation([cred(1)], { holderSigner: edSigner, now: NOW, [p]: v } as any));
        expect([e instanceof PortfolioError, e.code, e.message]).toEqual([true, 'ERR_INVALID_INPUT', `options.${p} must be a non-empty string`]);
      }
    }
    expect(rec.sign).toHaveLength(0);
  });

  it('now: an invalid date is refused; a Date is written to the second; none → the current time', async () => {
    const e = await rejected(bundlePresentation([cred(1)], { holderSigner: edSigner, now: 'soon' }));
    expect([e instanceof PortfolioError, e.code, e.message]).toEqual([true, 'ERR_INVALID_INPUT', 'options.now is not a valid date']);
    await bundlePresentation([cred(1)], { holderSigner: edSigner, now: new Date('2026-11-23T10:00:00.987Z') });
    expect(last().suite.date).toBe(NOW);
    await bundlePresentation([cred(1)], { holderSigner: edSigner });
    expect(last().suite.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('the inner credentials are checked (a duplicate refused unless allowDuplicates)', async () => {
    const e = await rejected(bundlePresentation([cred(1), { ...cred(2), id: 'urn:cred:1' }], { holderSigner: edSigner, now: NOW }));
    expect([e.code, e.details]).toEqual(['ERR_DUPLICATE_CREDENTIAL', { indexes: [0, 1], id: 'urn:cred:1' }]);
    await bundlePresentation([cred(1), { ...cred(2), id: 'urn:cred:1' }], { holderSigner: edSigner, now: NOW, allowDuplicates: true });
    expect(last().presentation.verifiableCredential.map((c: Cred) => c.id)).toEqual(['urn:cred:1', 'urn:cred:1']);
    expect((await rejected(bundlePresentation([], { holderSigner: edSigner, now: NOW }))).code).toBe('ERR_PORTFOLIO_EMPTY');
  });
});

describe('bundlePresentation: what is signed', () => {
  it('a VC 2.0 presentation, keys in order, the credentials as copies, unchanged (an expired one too)', async () => {
    const expired = cred(2, { validUntil: '2020-01-01T00:00:00Z' });
    const input = [cred(1), expired];
    await bundlePresentation(input, { holderSigner: edSigner, now: NOW });
    const { presentation } = last();
    expect(Object.keys(presentation)).toEqual(['@context', 'type', 'holder', 'verifiableCredential']);
    expect(presentation).toEqual({ '@context': [VC2], type: ['VerifiablePresentation'], holder: 'did:example:wallet', verifiableCredential: input });
    expect(presentation.verifiableCredential[0]).not.toBe(input[0]);
    await bundlePresentation(input, { holderSigner: edSigner, now: NOW, id: 'urn:uuid:vp-1' });
    expect(Object.keys(last().presentation)).toEqual(['@context', 'id', 'type', 'holder', 'verifiableCredential']);
    expect(last().presentation.id).toBe('urn:uuid:vp-1');
  });

  it('the document loader gets the caller’s documents', async () => {
    const documents = { 'did:example:x': { id: 'did:example:x' } };
    await bundlePresentation([cred(1)], { holderSigner: edSigner, now: NOW, documents });
    expect(last().documentLoader).toEqual({ loader: { documents } });
  });

  it('with a challenge: jsonld-signatures’ AuthenticationProofPurpose with challenge and domain', async () => {
    await bundlePresentation([cred(1)], { holderSigner: edSigner, now: NOW, challenge: 'nonce-1', domain: 'jobs.example' });
    const { purpose } = last();
    expect(purpose).toBeInstanceOf(jsigs.purposes.AuthenticationProofPurpose);
    expect([purpose.term, purpose.challenge, purpose.domain]).toEqual(['authentication', 'nonce-1', 'jobs.example']);
    expect(await purpose.update({}, {})).toEqual({ proofPurpose: 'authentication', challenge: 'nonce-1', domain: 'jobs.example' });
    await bundlePresentation([cred(1)], { holderSigner: edSigner, now: NOW, challenge: 'nonce-2' });
    expect(await last().purpose.update({}, {})).toEqual({ proofPurpose: 'authentication', challenge: 'nonce-2' });
  });

  it('without a challenge: an authentication purpose that writes the domain only when given', async () => {
    await bundlePresentation([cred(1)], { holderSigner: edSigner, now: NOW, domain: 'jobs.example' });
    const { purpose } = last();
    expect(purpose).toBeInstanceOf(jsigs.purposes.ControllerProofPurpose);
    expect(purpose).not.toBeInstanceOf(jsigs.purposes.AuthenticationProofPurpose);
    expect(purpose.term).toBe('authentication');
    expect(await purpose.update({ type: 'DataIntegrityProof' }, {})).toEqual({ type: 'DataIntegrityProof', proofPurpose: 'authentication', domain: 'jobs.example' });
    await bundlePresentation([cred(1)], { holderSigner: edSigner, now: NOW });
    const bare = await last().purpose.update({}, {});
    expect(bare).toEqual({ proofPurpose: 'authentication' });
    expect('domain' in bare).toBe(false);
  });

  it('a signing failure goes through mapSigningError (with the presentation) and comes out as a PortfolioError', async () => {
    const boom = new Error('jsonld said no');
    rec.failure = boom;
    const e = await rejected(bundlePresentation([cred(1)], { holderSigner: edSigner, now: NOW }));
    expect(e).toBeInstanceOf(PortfolioError);
    expect([e.code, e.message, e.details]).toEqual(['ERR_UNDEFINED_TERM', 'mapped', { from: 'jsonld said no' }]);
    expect(rec.mapped).toHaveLength(1);
    expect(rec.mapped[0][0]).toBe(boom);
    expect(rec.mapped[0][1]).toBe(last().presentation);
  });
});

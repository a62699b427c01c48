// @ts-nocheck
// Issue 11 item 7: eddsa-jcs-2022 with the W3C vc-di-eddsa vectors (byte for byte), and previousProof proof chains
// (W3C vc-di-eddsa TestVectors/proof-set-chain, plus a chain made by our own code). The vectors' issuer
// (https://vc.example/issuers/5678) does not control the keys: they are checked at the proof level.
import { createHash } from 'node:crypto';
import canonicalizeModule from 'canonicalize';
import jsigs from 'jsonld-signatures';
import { describe, expect, it } from 'vitest';
import { createDocumentLoader, ed25519Sign, importKeyPair, issueCredential, verifyCredential } from '../../src/index.js';
import { createEddsaSigningSuite, createJcsSigningSuite } from '../../src/proofs/suites.js';
import { decodeSecretKeyMultibase, fromBase58btc } from '../../src/keys/multibase.js';
import { fixture, ISSUED, NOW, sampleCredential, seededKey } from '../helpers.js';

// RFC 8785 (JCS), the package @digitalbazaar/eddsa-jcs-2022-cryptosuite uses (CommonJS: default export = the function)
const canonicalize = ((canonicalizeModule as unknown as { default?: unknown }).default ?? canonicalizeModule) as (v: unknown) => string | undefined;
const sha256hex = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const at = '2024-01-01T00:00:00Z';
const proofChecks = (r: { checks: Array<{ id: string; status: string; code?: string }> }) => r.checks.filter((c) => c.id === 'proof').map((c) => `${c.status}${c.code ? `:${c.code}` : ''}`);

describe('eddsa-jcs-2022 vectors (w3c/vc-di-eddsa TestVectors/eddsa-jcs-2022)', () => {
  const unsigned = fixture('vc-di-eddsa/unsigned.json');
  const signed = fixture('vc-di-eddsa/eddsa-jcs-2022_signedJCS.json');
  const proofConfig = fixture('vc-di-eddsa/eddsa-jcs-2022_proofConfigJCS.json');
  const key = importKeyPair(fixture('vc-di-eddsa/keyPair.json'));

  it('RFC 8785 canonical document, proof configuration and their hashes match the published bytes', () => {
    const doc = canonicalize(unsigned)!;
    expect(doc).toBe(fixture('vc-di-eddsa/eddsa-jcs-2022_canonDocJCS.txt').trim());
    expect(sha256hex(doc)).toBe(fixture('vc-di-eddsa/eddsa-jcs-2022_docHashJCS.txt').trim());
    const pc = canonicalize(proofConfig)!;
    expect(pc).toBe(fixture('vc-di-eddsa/eddsa-jcs-2022_proofCanonJCS.txt').trim());
    expect(sha256hex(pc)).toBe(fixture('vc-di-eddsa/eddsa-jcs-2022_proofHashJCS.txt').trim());
    expect(sha256hex(pc) + sha256hex(doc)).toBe(fixture('vc-di-eddsa/eddsa-jcs-2022_combinedHashJCS.txt').trim());
  });

  it('signing the combined hash gives the published signature', async () => {
    const combined = Buffer.from(fixture('vc-di-eddsa/eddsa-jcs-2022_combinedHashJCS.txt').trim(), 'hex');
    const sig = await ed25519Sign(decodeSecretKeyMultibase(fixture('vc-di-eddsa/keyPair.json').privateKeyMultibase), combined);
    expect(Buffer.from(sig).toString('hex')).toBe(fixture('vc-di-eddsa/eddsa-jcs-2022_sigHexJCS.txt').trim());
    expect(Buffer.from(fromBase58btc(signed.proof.proofValue)).toString('hex')).toBe(Buffer.from(sig).toString('hex'));
  });

  it('our signing suite reproduces the published proof end to end', async () => {
    const out = await jsigs.sign(structuredClone(unsigned), {
      suite: createJcsSigningSuite(key, proofConfig.created),
      purpose: new jsigs.purposes.AssertionProofPurpose(),
      documentLoader: createDocumentLoader(),
    });
    expect(out.proof).toEqual(signed.proof);
  });

  it('verifies the published credential at the proof level (examples/v2 context now bundled: no documents)', async () => {
    const r = await verifyCredential(signed, { now: at });
    expect(r.checks.find((c) => c.id === 'proof')).toMatchObject({ status: 'passed', target: 'DataIntegrityProof/eddsa-jcs-2022' });
    expect(r.checks.find((c) => c.id === 'issuer')).toMatchObject({ status: 'failed', code: 'ERR_ISSUER_KEY_MISMATCH' });
  });

  it('a changed claim, key order aside, fails; a re-ordered document still verifies (JCS sorts keys)', async () => {
    const bad = structuredClone(signed);
    bad.credentialSubject.alumniOf = 'Another School';
    expect(proofChecks(await verifyCredential(bad, { now: at }))).toEqual(['failed:ERR_PROOF_INVALID_SIGNATURE']);
    const { proof, ...rest } = signed;
    const reordered = Object.fromEntries([...Object.entries(rest)].reverse());
    expect(proofChecks(await verifyCredential({ ...reordered, proof }, { now: at }))).toEqual(['passed']);
  });

  it('a proof @context that the document does not start with is refused', async () => {
    const bad = structuredClone(signed);
    bad.proof['@context'] = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'];
    expect(proofChecks(await verifyCredential(bad, { now: at }))[0]).toMatch(/^failed:/);
  });

  it('issueCredential({ format: "eddsa-jcs-2022" }) issues an OB 3.0 credential that verifies; its proof carries the document context', async () => {
    const issuerKey = await seededKey(41);
    const cred = await issueCredential(sampleCredential(issuerKey.controller), { key: issuerKey, now: ISSUED, format: 'eddsa-jcs-2022' });
    expect(cred.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', proofPurpose: 'assertionMethod', created: ISSUED });
    expect(cred.proof['@context']).toEqual(cred['@context']);
    const r = await verifyCredential(cred, { now: NOW });
    expect(r.checks.filter((c) => c.status === 'failed')).toEqual([]);
    expect(r.verified).toBe(true);
  });

  it('JCS issuing still refuses undefined terms (the JSON is signed, every property must be defined)', async () => {
    const issuerKey = await seededKey(42);
    await expect(issueCredential(sampleCredential(issuerKey.controller, { top: { myField: 1 } }), { key: issuerKey, now: ISSUED, format: 'eddsa-jcs-2022' })).rejects.toMatchObject({ code: 'ERR_UNDEFINED_TERM' });
  });
});

describe('proof sets and chains (w3c/vc-di-eddsa TestVectors/proof-set-chain)', () => {
  // Data Integrity v1.0 §4.5 Verify Proof Sets and Chains: a proof with previousProof signs the document with
  // proof = the proofs it names
  it('the published proof set verifies: two independent proofs', async () => {
    const r = await verifyCredential(fixture('vc-di-eddsa/proof-set-chain/signedProofSet2.json'), { now: at });
    expect(proofChecks(r)).toEqual(['passed', 'passed']);
  });

  it('the published chain verifies: previousProof as a list, then as a string', async () => {
    const doc = fixture('vc-di-eddsa/proof-set-chain/signedProofChain2.json');
    expect(Array.isArray(doc.proof[2].previousProof)).toBe(true);
    expect(typeof doc.proof[3].previousProof).toBe('string');
    expect(proofChecks(await verifyCredential(doc, { now: at }))).toEqual(['passed', 'passed', 'passed', 'passed']);
    expect(proofChecks(await verifyCredential(fixture('vc-di-eddsa/proof-set-chain/signedProofChain1.json'), { now: at }))).toEqual(['passed', 'passed', 'passed']);
  });

  it('a chained proof signs the proofs it names: tampering proof 0 breaks proof 0 and proof 2 (which names it), not 1 or 3', async () => {
    const doc = fixture('vc-di-eddsa/proof-set-chain/signedProofChain2.json');
    const own = fixture('vc-di-eddsa/proof-set-chain/signedProofSet2.json');
    // a valid signature, but not the one proof 2 covered: proof 0 of another document
    doc.proof[0].proofValue = own.proof[0].proofValue === doc.proof[0].proofValue ? doc.proof[1].proofValue : own.proof[0].proofValue;
    expect(proofChecks(await verifyCredential(doc, { now: at }))).toEqual(['failed:ERR_PROOF_INVALID_SIGNATURE', 'passed', 'failed:ERR_PROOF_INVALID_SIGNATURE', 'passed']);
  });

  it('a broken chain (previousProof names no proof of the document) fails with ERR_PROOF_CHAIN_BROKEN', async () => {
    const doc = fixture('vc-di-eddsa/proof-set-chain/signedProofChain2.json');
    doc.proof[3].previousProof = 'urn:uuid:00000000-0000-0000-0000-000000000000';
    doc.proof[2].previousProof = ['urn:uuid:26329423-bec9-4b2e-88cb-a7c7d9dc4544', 'urn:uuid:missing'];
    expect(proofChecks(await verifyCredential(doc, { now: at }))).toEqual(['passed', 'passed', 'failed:ERR_PROOF_CHAIN_BROKEN', 'failed:ERR_PROOF_CHAIN_BROKEN']);
  });

  it('dropping the earlier proofs breaks the chain', async () => {
    const doc = fixture('vc-di-eddsa/proof-set-chain/signedProofChain2.json');
    doc.proof = [doc.proof[3]];
    expect(proofChecks(await verifyCredential(doc, { now: at }))).toEqual(['failed:ERR_PROOF_CHAIN_BROKEN']);
  });

  // previousProof is @id-typed: numbers are signed as literals, which the signed-data view refuses to read as the term
  // (ERR_SIGNED_TERM_UNREADABLE); values the view can read but that are no list of proof ids fail the chain check
  it.each([
    [42, 'ERR_SIGNED_TERM_UNREADABLE'],
    [[], 'ERR_PROOF_CHAIN_INVALID'],
    [[1, 2], 'ERR_SIGNED_TERM_UNREADABLE'],
    [{ id: 'urn:x' }, 'ERR_PROOF_CHAIN_INVALID'],
  ])('a malformed previousProof (%j) is refused: %s', async (pp, code) => {
    const doc = fixture('vc-di-eddsa/proof-set-chain/signedProofChain2.json');
    doc.proof[3].previousProof = pp;
    expect(proofChecks(await verifyCredential(doc, { now: at }))[3]).toBe(`failed:${code}`);
  });

  it('(own fixture) a notary counter-signs an issued OB 3.0 credential with a chained proof', async () => {
    const issuer = await seededKey(43);
    const notary = await seededKey(44);
    const issued = await issueCredential(sampleCredential(issuer.controller), { key: issuer, now: ISSUED });
    const first = { ...issued.proof, id: 'urn:uuid:first-proof' };
    // the proof is re-signed with its id (an id is part of the proof options)
    const { proof: _p, ...unsigned } = issued;
    const withId = await jsigs.sign(structuredClone(unsigned), { suite: Object.assign(createEddsaSigningSuite(issuer, ISSUED), { proof: { id: first.id } }), purpose: new jsigs.purposes.AssertionProofPurpose(), documentLoader: createDocumentLoader() });
    // Add Proof Set/Chain: the chained proof signs the document with proof = [the proof it names]
    const base = createEddsaSigningSuite(notary, NOW);
    base.proof = { previousProof: first.id };
    const chained = Object.create(base);
    chained.createProof = (args: Record<string, any>) => base.createProof.call(chained, { ...args, document: { ...args.document, proof: [withId.proof] } });
    const second = await jsigs.sign(structuredClone(unsigned), { suite: chained, purpose: new jsigs.purposes.AssertionProofPurpose(), documentLoader: createDocumentLoader() });
    const doc = { ...unsigned, proof: [withId.proof, second.proof] };
    expect(second.proof.previousProof).toBe(first.id);
    const r = await verifyCredential(doc, { now: NOW });
    expect(proofChecks(r)).toEqual(['passed', 'passed']);
    // a chained proof is not a proof-set member: verified alone (without the proof it names), it fails
    const alone = structuredClone(doc);
    alone.proof[1].previousProof = 'urn:uuid:other';
    alone.proof[0].id = 'urn:uuid:other';
    expect(proofChecks(await verifyCredential(alone, { now: NOW }))).toEqual(['failed:ERR_PROOF_INVALID_SIGNATURE', 'failed:ERR_PROOF_INVALID_SIGNATURE']);
  });
});

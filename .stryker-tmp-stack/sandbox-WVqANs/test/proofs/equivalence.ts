// @ts-nocheck
// One differential case of the proof layer against the stock pipeline (shared by the property tests and
// `npm run fuzz:equivalence`). Returns undefined when both agree, or a description of the difference.
import jsonld from 'jsonld';
import jsigs from 'jsonld-signatures';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { cryptosuite as stockEddsa } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { createDocumentLoader, exportKeyPair, type KeyPair } from '../../src/index.js';
import { shaped } from '../../src/proofs/shapes.js';
import { canonizeDocument } from '../../src/proofs/canonize.js';
import { signProof, signerFunction } from '../../src/proofs/sign-proof.js';
import { verifyProofSignature } from '../../src/proofs/verify-proof.js';
import { decodePublicKeyMultibase } from '../../src/keys/multibase.js';

export const loader = createDocumentLoader({});
const OPTS = { documentLoader: loader, safe: true, base: null, rdfDirection: 'i18n-datatype', algorithm: 'RDFC-1.0' } as const;
const err = (e: unknown) => `ERR ${(e as { name?: string })?.name ?? 'error'}`;
const settle = <T>(p: Promise<T>): Promise<T | string> => p.catch(err);

/** Counts of one run. */
export interface Tally { cases: number; template: number; fallback: number; errors: number; signatures: number; tamper: number }
export const newTally = (): Tally => ({ cases: 0, template: 0, fallback: 0, errors: 0, signatures: 0, tamper: 0 });

/** The stock signer: @digitalbazaar/ed25519-multikey imported once, stock cryptosuite, jsonld-signatures. */
export async function stockSigner(key: KeyPair) {
  const mk = await Ed25519Multikey.from({ ...exportKeyPair(key, { includeSecret: true }), '@context': 'https://w3id.org/security/multikey/v1' });
  return mk.signer();
}

export async function compareOne(doc: Record<string, unknown>, i: number, key: KeyPair, stock: unknown, tally: Tally, created: string): Promise<string | undefined> {
  tally.cases++;
  // 1. expansion and canonical N-Quads: the fast path (compiled shape or fallback) against stock jsonld
  const s = await shaped(doc, loader, 'i18n-datatype');
  if (s) tally.template++;
  else tally.fallback++;
  const refExpanded = await settle(jsonld.expand(structuredClone(doc), OPTS));
  const ref = await settle(i % 10 === 0 || typeof refExpanded === 'string' ? jsonld.canonize(structuredClone(doc), OPTS) : jsonld.canonize(refExpanded, { ...OPTS, skipExpansion: true }));
  if (typeof ref === 'string' && ref.startsWith('ERR')) tally.errors++;
  if (s) {
    if (typeof refExpanded === 'string') return `template accepted a document stock jsonld refuses (${refExpanded})`;
    if (JSON.stringify(s.expanded) !== JSON.stringify(refExpanded)) return 'expanded forms differ';
  }
  const fast = await settle(canonizeDocument(doc, { documentLoader: loader }));
  const refErr = typeof ref === 'string' && ref.startsWith('ERR');
  const fastErr = typeof fast === 'string' && fast.startsWith('ERR');
  if (refErr !== fastErr) return `one path failed: stock ${refErr ? ref : 'ok'}, fast ${fastErr ? fast : 'ok'}`;
  if (!refErr && fast !== ref) return `canonical N-Quads differ:\n${String(fast)}\n--- stock ---\n${String(ref)}`;
  if (s && !refErr) {
    // what verification does: canonicalize the expansion the view read (the shape's own dataset, no toRDF)
    const reused = await settle(canonizeDocument(doc, { documentLoader: loader, expanded: s.expanded }));
    if (reused !== ref) return `canonical N-Quads of the shaped expansion differ:\n${String(reused)}\n--- stock ---\n${String(ref)}`;
  }
  // 2. signature bytes (every 8th case): our proof layer against jsonld-signatures + data-integrity + stock cryptosuite
  if (i % 8 === 0 && !refErr) {
    tally.signatures++;
    const ours = await settle(signProof(doc, { sign: signerFunction(key), verificationMethod: key.id, created, documentLoader: loader }));
    const theirs = await settle(
      jsigs.sign(structuredClone(doc), { suite: new DataIntegrityProof({ signer: stock, cryptosuite: stockEddsa, date: created }), purpose: new jsigs.purposes.AssertionProofPurpose(), documentLoader: loader }),
    );
    if (JSON.stringify(ours) !== JSON.stringify(theirs)) return `signed documents differ:\n${JSON.stringify(ours)}\n--- stock ---\n${JSON.stringify(theirs)}`;
    // 3. tamper (every 16th case): one value changed, same shape — our verify and the stock verify both refuse
    if (i % 16 === 0 && typeof ours === 'object') {
      tally.tamper++;
      const pub = decodePublicKeyMultibase(key.publicKeyMultibase);
      const { proof, ...unsigned } = ours as Record<string, any>;
      if (!(await verifyProofSignature(unsigned, proof, { kind: 'eddsa-rdfc-2022', publicKey: pub, documentLoader: loader }))) return 'our verify refuses a good signature';
      const bad = structuredClone(unsigned) as Record<string, any>;
      bad.name = typeof bad.name === 'string' ? `${bad.name}.` : 'changed';
      const okOurs = await settle(verifyProofSignature(bad, proof, { kind: 'eddsa-rdfc-2022', publicKey: pub, documentLoader: loader }));
      if (okOurs === true) return 'our verify accepts a tampered document';
      const vmDoc = { '@context': 'https://w3id.org/security/multikey/v1', id: key.id, type: 'Multikey', controller: key.controller, publicKeyMultibase: key.publicKeyMultibase };
      const ctrl = { '@context': 'https://www.w3.org/ns/did/v1', id: key.controller, assertionMethod: [key.id] };
      const vLoader = async (url: string) => (url === key.id ? { contextUrl: null, documentUrl: url, document: vmDoc } : url === key.controller ? { contextUrl: null, documentUrl: url, document: ctrl } : loader(url));
      const stockV = await jsigs.verify({ ...bad, proof }, { suite: new DataIntegrityProof({ cryptosuite: stockEddsa }), purpose: new jsigs.purposes.AssertionProofPurpose({ controller: ctrl }), documentLoader: vLoader });
      if (stockV.verified) return 'stock verify accepts the tampered document (test broken)';
    }
  }
  return undefined;
}

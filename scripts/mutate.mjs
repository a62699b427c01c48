#!/usr/bin/env node
// npm run mutate -- <area> [more stryker flags]   e.g. `npm run mutate -- status`, `npm run mutate -- jsonld`
// Areas are the verification-relevant folders (issue 21). Each area keeps its own incremental file under
// reports/mutation/, so a re-run after a change only re-tests the mutants whose code or covering tests changed.
// Concurrency is 1 by default (shared machine); pass `--concurrency 2` to go faster.
import { spawnSync } from 'node:child_process';

// files: what Stryker mutates; tests: the test files that run against each mutant (the area's own tests, plus the
// end-to-end tests that exercise it), kept small so an area fits in a time-boxed run on a shared machine.
const areas = {
  // the SSRF guard (url-guard.ts: isPublicAddress, checkFetchUrl, checkResolved; it moved out of loader.ts)
  ssrf: {
    files: ['src/jsonld/url-guard.ts'],
    tests: ['test/core/url-guard-rules.test.ts', 'test/core/ssrf-ranges.test.ts', 'test/core/ssrf.test.ts'],
  },
  // the loader (SSRF guard, offline resolution); contexts.ts is a data table (static mutants, ignored)
  jsonld: {
    files: ['src/jsonld/loader.ts'],
    tests: ['test/core/loader-rules.test.ts', 'test/core/loader.test.ts', 'test/core/ssrf-ranges.test.ts', 'test/model/jsonld-context.test.ts', 'test/core/redteam.test.ts'],
  },
  // the bitstring codec (decode = the gzip-bomb guard, bit order of §7.1): unit tests only, a few minutes
  'status-bits': {
    files: ['src/status/decode.ts', 'src/status/bits.ts', 'src/status/encode.ts'],
    // imports the codec modules only; bitstring.test.ts (gzip bomb of 100 MB, helpers importing src/index.js) stays in `npm test`
    tests: ['test/status/bitstring-rules.test.ts'],
  },
  // the status check on the verify path (entry validation, list binding, fail-closed) and reading lists
  'status-check': {
    files: ['src/status/check.ts', 'src/status/read.ts'],
    tests: ['test/status/verify.test.ts', 'test/status/semantics.test.ts'],
  },
  // the semantics of one entry against an authentic list (dates, binding, entry fields, bits, assembling the findings)
  // and fail-closed settling, on hand-made fields: check.ts's loading and nested verification stay in 'status-check'
  'status-entry': {
    files: ['src/status/check.ts:162-312', 'src/status/check.ts:398-406'],
    tests: ['test/status/entry-rules.test.ts'],
  },
  status: {
    files: ['src/status/**/*.ts', '!src/status/index.ts', '!src/status/types.ts'],
    // locks.test.ts spawns CLI processes (mutants are not active in children; 40 s a run): left to `npm test`
    tests: ['test/status/bitstring.test.ts', 'test/status/file-store.test.ts', 'test/status/issuer.test.ts',
      'test/status/property.test.ts', 'test/status/semantics.test.ts', 'test/status/verify.test.ts'],
  },
  // who controls a key and which bytes it is: Controlled Identifiers §3.3, did:key resolution, Multikey decoding
  'keys-resolve': {
    files: ['src/keys/controller-document.ts', 'src/keys/did-key.ts', 'src/keys/did-key-core.ts', 'src/keys/multibase.ts'],
    tests: ['test/core/keys-rules.test.ts', 'test/core/controller-document-rules.test.ts'],
  },
  keys: {
    // the security-relevant parts: DID resolution, key decoding/import, controller documents (who controls a key)
    files: ['src/keys/did-key.ts', 'src/keys/did-key-core.ts', 'src/keys/did-web.ts', 'src/keys/multibase.ts', 'src/keys/keypair.ts', 'src/keys/controller-document.ts'],
    // unit tests that import src/keys only (a mutant run re-imports the test's module graph: importing src/index.js, i.e.
    // jsonld and the suites, took most of each run); end-to-end key tests stay in `npm test`
    // did-web-rules.test.ts (hand-made key objects, milliseconds) scores did-web.ts here as in the 'did-web' area
    tests: ['test/core/keys-rules.test.ts', 'test/core/controller-document-rules.test.ts', 'test/core/keypair-rules.test.ts', 'test/core/did-web-rules.test.ts'],
  },
  // the extraction side only (untrusted images): format detection, size limit, parsing the baked text; baking (writing)
  // is not security-relevant. 'baking-png' and 'baking-svg' are the two readers.
  'baking-detect': {
    files: ['src/baking/extract.ts', 'src/baking/common.ts:108-145', 'src/baking/common.ts:182-199'],
    tests: ['test/baking/extract.test.ts', 'test/baking/png.test.ts', 'test/baking/svg.test.ts', 'test/baking/fuzz.test.ts', 'test/baking/detect-rules.test.ts'],
  },
  'baking-png': {
    files: ['src/baking/png.ts:33-243'],
    tests: ['test/baking/extract.test.ts', 'test/baking/png.test.ts', 'test/baking/fuzz.test.ts', 'test/baking/png-rules.test.ts'],
  },
  'baking-svg': {
    files: ['src/baking/svg.ts:46-211'],
    tests: ['test/baking/extract.test.ts', 'test/baking/svg.test.ts', 'test/baking/fuzz.test.ts', 'test/baking/svg-rules.test.ts'],
  },
  baking: {
    files: ['src/baking/extract.ts', 'src/baking/svg.ts', 'src/baking/png.ts', 'src/baking/common.ts'],
    // the tests that import src/baking only; ambiguous.test.ts (imports src/index.js for verifyCredential) stays in `npm test`
    tests: ['test/baking/extract.test.ts', 'test/baking/png.test.ts', 'test/baking/svg.test.ts', 'test/baking/fuzz.test.ts', 'test/baking/detect-rules.test.ts'],
  },
  proofs: {
    files: ['src/proofs/**/*.ts', '!src/proofs/index.ts'],
    tests: ['test/jwt/*.test.ts', 'test/core/issue-verify.test.ts', 'test/core/tamper.test.ts', 'test/core/vectors.test.ts'],
  },
  portfolio: {
    files: ['src/portfolio/**/*.ts', '!src/portfolio/index.ts', '!src/portfolio/types.ts'],
    tests: ['test/portfolio/*.test.ts'],
  },
  stacking: {
    files: ['src/stacking/**/*.ts', '!src/stacking/index.ts', '!src/stacking/types.ts'],
    tests: ['test/stacking/*.test.ts'],
  },
  // the validity period and issuer checks of the verify path, against a hand-made view (no signing): seconds a run
  'verify-checks': {
    files: ['src/verify/checks/validity.ts', 'src/verify/checks/issuer.ts'],
    tests: ['test/verify/checks-rules.test.ts'],
  },
  verify: {
    files: ['src/verify/**/*.ts', '!src/verify/index.ts'],
    tests: ['test/core/*.test.ts', 'test/jwt/*.test.ts'],
  },
  // src/proofs/hash-data.ts against a stub canonicalizer (no jsonld, no signing): the proof configuration, the suite
  // context and hashData = SHA-256(config) ‖ SHA-256(document)
  'proofs-hash': {
    files: ['src/proofs/hash-data.ts'],
    tests: ['test/proofs/hash-data-rules.test.ts'],
  },
  // the SSRF-guarded fetcher (createGuardedFetch: every redirect hop checked, bounds on redirects, body, time) against a
  // fake fetch returning hand-made Responses: no network
  'guarded-fetch': {
    files: ['src/jsonld/guarded-fetch.ts'],
    tests: ['test/core/guarded-fetch-rules.test.ts'],
  },
  // did:web documents and rotation (createDidWebDocument, rotateDidWebDocument) on hand-made key objects
  'did-web': {
    files: ['src/keys/did-web.ts'],
    tests: ['test/core/did-web-rules.test.ts', 'test/core/keys-rules.test.ts', 'test/core/controller-document-rules.test.ts', 'test/core/keypair-rules.test.ts'],
  },
  // P-256 / P-384 key decoding, JWKs and signatures (src/keys/ecdsa.ts), cross-checked with node:crypto and RFC 7517 A.1
  'keys-ecdsa': {
    files: ['src/keys/ecdsa.ts'],
    tests: ['test/core/ecdsa-rules.test.ts'],
  },
  // the stacking rule logic (parse, CTDL export, evaluation over hand-made facts; no signing): minutes a run
  'stacking-rules': {
    files: ['src/stacking/rules.ts', 'src/stacking/evaluate-facts.ts', 'src/stacking/ctdl.ts'],
    // evaluate-rules imports the three modules only; evaluate-facts.test.ts and rules.test.ts import src/index.js (slow per mutant)
    tests: ['test/stacking/evaluate-rules.test.ts'],
  },
  // reading stacking facts from OB 3.0 credentials and the relatedResource digests (hand-made objects, inline contexts)
  'stacking-facts': {
    files: ['src/stacking/facts.ts', 'src/stacking/digest.ts'],
    tests: ['test/stacking/facts-rules.test.ts'],
  },
  // VC 2.0 structure rules (typed objects, credentialSchema id, relatedResource) and relatedResource digests, on hand-made JSON
  'verify-structure': {
    files: ['src/verify/checks/structure.ts'],
    tests: ['test/verify/structure-rules.test.ts'],
  },
  // proof.ts without signing: error classification, preflight (type, cryptosuite, purpose, key, proofValue, dates, chains),
  // chained suites, purposes, and checkProofs up to the key retrieval (:227 the canonicalization budget and :273- the
  // signature verification are left to the end-to-end tests)
  'verify-proof': {
    files: ['src/verify/checks/proof.ts:29-161', 'src/verify/checks/proof.ts:175-182', 'src/verify/checks/proof.ts:209-226', 'src/verify/checks/proof.ts:228-272'],
    tests: ['test/verify/proof-rules.test.ts'],
  },
  // input bounds of the verify path: limits, envelope scale, the JSON-LD work measure, parsing untrusted input
  'verify-bounds': {
    files: ['src/verify/bounds.ts', 'src/verify/parse.ts'],
    tests: ['test/verify/bounds-rules.test.ts'],
  },
  // the small checks (type, subject, context, status policy, presentation challenge/domain), reports, composed expansions
  'verify-misc': {
    files: ['src/verify/options.ts', 'src/verify/report.ts', 'src/verify/compose.ts', 'src/verify/checks/type.ts', 'src/verify/checks/subject.ts',
      'src/verify/checks/context.ts', 'src/verify/checks/status.ts', 'src/verify/checks/presentation-proof.ts:34-62', 'src/verify/checks/schema.ts:15-40'],
    // status-policy-rules.test.ts: checkStatus's options to the status module, checkCredentialStatus as a recorder
    tests: ['test/verify/misc-rules.test.ts', 'test/verify/status-policy-rules.test.ts'],
  },
  // the proof layer's canonicalization options, budget and cache (common.ts, canonize.ts), publicKeyOf and the lazy
  // suite loader (load.ts), on four-term documents under a stub loader: no signing
  'proofs-common': {
    files: ['src/proofs/common.ts', 'src/proofs/canonize.ts', 'src/proofs/load.ts'],
    tests: ['test/proofs/common-rules.test.ts'],
  },
  // compiled shapes (shapes.ts: shape keys, sightings, compile/locate/instantiate, the guards that fall back, context
  // invalidation, bounded caches) on small documents under stub-loaded contexts, checked against stock jsonld
  'proofs-shapes': {
    files: ['src/proofs/shapes.ts'],
    tests: ['test/proofs/shapes-rules.test.ts', 'test/proofs/shapes-rules-2.test.ts', 'test/proofs/shapes-rules-3.test.ts',
      'test/proofs/shapes-inline.test.ts'],
  },
  // the jsonld fast path (src/jsonld/fast.ts: the switch, the shape checks that keep jsonld stock, freezing, shallow
  // clone / shared revert, type-scoped reuse) against stock jsonld's own functions; the W3C suite comparison stays in npm test
  'jsonld-fast': {
    files: ['src/jsonld/fast.ts'],
    tests: ['test/jsonld-suite/fast-rules.test.ts'],
  },
  // VC-JWT sign and verify (src/proofs/jwt.ts) on JWTs made by hand with node:crypto keys, a stub loader and a stub verifyParsed
  'proofs-jwt': {
    files: ['src/proofs/jwt.ts', 'src/proofs/jwt-verify.ts'],
    tests: ['test/proofs/jwt-rules.test.ts'],
  },
  // the proof suites (ecdsa-rdfc/jcs-2019, eddsa-rdfc/jcs-2022, Ed25519Signature2020) and signProof / verifyProofSignature,
  // with stub canonicalizers (boundedCanonize, the eddsa-rdfc-2022 canonize, hashProofData) and node:crypto keys
  'proofs-suites': {
    files: ['src/proofs/ecdsa.ts', 'src/proofs/ecdsa-verify.ts', 'src/proofs/suites.ts', 'src/proofs/suites-verify.ts', 'src/proofs/sign-proof.ts', 'src/proofs/verify-proof.ts'],
    tests: ['test/proofs/suites-rules.test.ts'],
  },
  // the portfolio rules without signing: portfolio kind, inner credentials, input checks and duplicates at bundle time,
  // selection, unbundle, recombine (its bundle verbs replaced by recorders in the test): seconds a run
  'portfolio-core': {
    files: ['src/portfolio/common.ts', 'src/portfolio/select.ts', 'src/portfolio/recombine.ts', 'src/portfolio/unbundle.ts'],
    tests: ['test/portfolio/core-rules.test.ts'],
  },
  // the two bundle verbs (the document and options they build, holder / signer, proof purpose, retry, error mapping)
  // with issueCredential / vc.signPresentation / the suites replaced by recorders in the tests: no JSON-LD, no signing
  'portfolio-bundle': {
    files: ['src/portfolio/bundle-clr.ts', 'src/portfolio/bundle-presentation.ts'],
    tests: ['test/portfolio/bundle-clr-rules.test.ts', 'test/portfolio/bundle-presentation-rules.test.ts'],
  },
  // the rest of check.ts (loading, the nested verification verdict, dispatch, 1EdTech, targets) and read.ts, against a
  // stub loader and stub nested verifier with hand-made unsigned lists (status-entry scores :162-312 and :398-406)
  'status-check-rules': {
    files: ['src/status/check.ts:1-161', 'src/status/check.ts:313-397', 'src/status/check.ts:407-488', 'src/status/read.ts'],
    tests: ['test/status/check-rules.test.ts'],
  },
  // issuer-side state validation, the allocation permutation (Feistel + HMAC, checked against a reference) and the
  // bounded gunzip, on hand-made states: seconds a run
  'status-state': {
    files: ['src/status/allocate.ts', 'src/status/state.ts', 'src/status/gunzip.ts'],
    tests: ['test/status/state-rules.test.ts', 'test/status/gunzip.test.ts'],
  },
  // the signed-data view (src/verify/view.ts: the trusted-context reader, buildView, buildProofView) on hand-made
  // expansions and a few real offline expansions; the term tables built at module load are static (ignored)
  'verify-view': {
    files: ['src/verify/view.ts'],
    tests: ['test/verify/view-rules.test.ts'],
  },
  // checking a stacked credential's components against its relatedResource digests (JWT-shaped strings, inline contexts);
  // evaluate.ts and issue-stacked.ts are area 'stacking-issue' (their collaborators as recorders)
  'stacking-eval': {
    files: ['src/stacking/verify-components.ts'],
    tests: ['test/stacking/components-rules.test.ts'],
  },
  // verifyPortfolio's orchestration (envelope kinds, inner reports, holder, CLR structure, duplicates, verdict) with the
  // single-credential verification, presentation proofs and context check replaced by recorders: seconds a run
  'portfolio-verify': {
    files: ['src/portfolio/verify-portfolio.ts'],
    tests: ['test/portfolio/verify-rules.test.ts'],
  },
  // verifyPresentation's orchestration (refusals, credentials one by one incl. VC-JWT strings, unsigned policy, holder,
  // PRESENTATION_EMPTY, verdict) with verify / jwt-verify / context / structure / presentation proofs as recorders
  'verify-presentation': {
    files: ['src/verify/presentation.ts'],
    tests: ['test/verify/presentation-rules.test.ts'],
  },
  // verify.ts's orchestration (option checks, context → view → proofs → every check, SKIP_* without a view, nested
  // verification, inputs incl. baked images and VC-JWTs, ERR_INTERNAL, verifyHeld, innerContext), every check a recorder
  'verify-orchestration': {
    files: ['src/verify/verify.ts'],
    tests: ['test/verify/verify-rules.test.ts'],
  },
  // the signature half of proof.ts (suiteFor, the budget, verifyOwnRdfc, the loader and document handed to the suite,
  // the key binding of a verified result), presentationView and the per-verification document cache, with the proof
  // layer (jsonld-signatures' verify, the suite modules, verifyProofSignature, the views) as recorders: no signing
  'verify-proof-sig': {
    files: ['src/verify/checks/proof.ts:1-28', 'src/verify/checks/proof.ts:162-174', 'src/verify/checks/proof.ts:183-208', 'src/verify/checks/proof.ts:227-227',
      'src/verify/checks/proof.ts:273-349', 'src/verify/checks/presentation-proof.ts:1-33', 'src/verify/documents.ts'],
    tests: ['test/verify/proof-sig-rules.test.ts'],
  },
  // the schema check of the verify path (checkSchema: fail closed, the copy it validates, the verdict; copyAsGiven :15-40
  // is in verify-misc), the report engine and the lazy loader, with stub validators and hand-made ajv errors: seconds a run
  'verify-schema': {
    files: ['src/verify/checks/schema.ts:41-95', 'src/schema/engine.ts', 'src/schema/load.ts'],
    tests: ['test/verify/schema-rules.test.ts'],
  },
  // the issuing side of a status list (create, the unsigned list credential and what signStatusList hands to
  // issueCredential — a recorder in the test —, revoke / suspend / reinstate, getStatus) on hand-made states: seconds a run
  'status-issue': {
    files: ['src/status/create.ts', 'src/status/sign.ts', 'src/status/set-status.ts', 'src/status/revoke.ts', 'src/status/suspend.ts',
      'src/status/reinstate.ts', 'src/status/get-status.ts'],
    tests: ['test/status/issue-rules.test.ts'],
  },
  // FileStatusListStore / withStatusListFile (file-store.ts) in a temp dir: locking (file-lock.ts a recorder around the
  // real one), the in-process queue, the update guard, atomic writes, errors, allocator blocks; locks.test.ts (processes) stays in npm test
  'status-store': {
    files: ['src/status/file-store.ts'],
    tests: ['test/status/store-rules.test.ts'],
  },
  // evaluateStack / issueStackedCredential (shared verify context, reports, facts from the view, learner, consumed,
  // duplicates, the frozen result; the refusals, relatedResource, associations) with verify / digest / issue as recorders
  'stacking-issue': {
    files: ['src/stacking/evaluate.ts', 'src/stacking/issue-stacked.ts'],
    tests: ['test/stacking/issue-rules.test.ts'],
  },
};

const [area, ...rest] = process.argv.slice(2);
if (!area || !(area in areas)) {
  console.error(`usage: npm run mutate -- <${Object.keys(areas).join('|')}> [stryker flags]`);
  process.exit(2);
}
const args = [
  'stryker', 'run', 'stryker.config.mjs',
  '--mutate', areas[area].files.join(','),
  '--incrementalFile', `reports/mutation/${area}.incremental.json`,
  ...rest,
];
const r = spawnSync('npx', args, { stdio: 'inherit', env: { ...process.env, STRYKER_TESTS: areas[area].tests.join(',') } });
process.exit(r.status ?? 1);

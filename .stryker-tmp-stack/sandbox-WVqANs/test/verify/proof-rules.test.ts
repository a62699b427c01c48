// @ts-nocheck
// Issue 21 (mutation area `verify-proof`): the proof rules of the verify path that need no signature — classifying
// jsonld-signatures' errors, the preflight of one proof against its signed-data view (hand-made views here), proof
// chains, the purposes handed to jsonld-signatures, and checkProofs up to the key retrieval (a loader that holds no key,
// so nothing is canonicalized or verified). The signature verification itself is tested end to end in
// test/core/*.test.ts, not here.
//
// Data Integrity v1.0 §2.1 Proofs: "type … MUST be specified"; "cryptosuite … MUST be specified" for
// DataIntegrityProof; "proofPurpose … MUST be specified"; "verificationMethod … the value MUST be a string that maps
// to a URL"; "created … MUST be specified as a dateTimeStamp"; "expires … MUST be specified as a dateTimeStamp";
// "previousProof … MUST be a string value or an unordered list of string values" naming earlier proofs; "proofValue
// … MUST be … a multibase encoded base-encoded binary value". §4.5 Verify Proof Sets and Chains, step 3: a
// previousProof that names no proof of the document → PROOF_VERIFICATION_ERROR.
// credstack design (src/verify/checks/proof.ts): a proof created more than 5 minutes after `now` is refused
// (ERR_PROOF_CREATED_FUTURE); an expired proof is refused (ERR_PROOF_EXPIRED); at most MAX_PROOFS = 10 proofs.
import jsigs from 'jsonld-signatures';
import { describe, expect, it } from 'vitest';
import { CredstackError } from '../../src/errors.js';
import { createDocumentLoader } from '../../src/jsonld/loader.js';
import { chainedSuite, checkProofs, classifyProofError, matchingProofs, MAX_PROOFS, preflightProof, purposeFor } from '../../src/verify/checks/proof.js';
import type { VerifyContext } from '../../src/verify/options.js';
import type { ProofView } from '../../src/verify/view.js';

const { purposes } = jsigs;
const NOW = '2026-06-01T12:00:00.000Z';
const at = (seconds: number) => new Date(Date.parse(NOW) + seconds * 1000).toISOString();
const loader = createDocumentLoader();
const ctx = (): VerifyContext =>
  ({ now: new Date(NOW), opts: {}, loader, depth: 0, forkLoader: () => loader, statusLists: new Map() }) as VerifyContext;
const VM = 'https://issuer.example/keys#key-1';
const PV = `z${'3'.repeat(86)}`;
const SUITES = 'eddsa-rdfc-2022, eddsa-jcs-2022, ecdsa-rdfc-2019, ecdsa-jcs-2019';
const TYPE_MSG = (t: string) => `unsupported proof type ${t} (supported: DataIntegrityProof eddsa-rdfc-2022 / eddsa-jcs-2022 / ecdsa-rdfc-2019 / ecdsa-jcs-2019, Ed25519Signature2020)`;
const DI = 'DataIntegrityProof/eddsa-rdfc-2022';

/** A proof's JSON and its view saying the same (what a well-formed proof gives). */
const proofPair = (p: Record<string, unknown> = {}, v: Partial<ProofView> = {}) => {
  const json: Record<string, unknown> = { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod', verificationMethod: VM, created: at(-60), proofValue: PV, ...p };
  for (const k of Object.keys(json)) if (json[k] === undefined) delete json[k];
  const { proofValue: _v, ...rest } = json;
  const view: ProofView = { ...rest, ...v, node: {} };
  return { json, view };
};
const pre = (p: Record<string, unknown> = {}, v: Partial<ProofView> = {}, purpose = 'assertionMethod') => {
  const { json, view } = proofPair(p, v);
  return preflightProof(json, view, ctx(), purpose);
};
const fail = (code: string, message: string, target = DI) => ({ id: 'proof', status: 'failed', code, message, target });

describe('classifyProofError: why jsonld-signatures said no, as a stable code', () => {
  it('a CredstackError keeps its code and message; any ERR_DOCUMENT_* becomes ERR_DOCUMENT_UNAVAILABLE', () => {
    expect(classifyProofError(new CredstackError('ERR_KEY_INVALID', 'bad key'))).toEqual({ code: 'ERR_KEY_INVALID', message: 'bad key' });
    expect(classifyProofError(new CredstackError('ERR_DOCUMENT_NOT_FOUND', 'no https://x.example'))).toEqual({ code: 'ERR_DOCUMENT_UNAVAILABLE', message: 'no https://x.example' });
    expect(classifyProofError(new CredstackError('ERR_DOCUMENT_LIMIT', 'too many'))).toEqual({ code: 'ERR_DOCUMENT_UNAVAILABLE', message: 'too many' });
    // only a prefix: a code that merely contains the text is kept
    expect(classifyProofError(new CredstackError('ERR_X_ERR_DOCUMENT_Y', 'm'))).toEqual({ code: 'ERR_X_ERR_DOCUMENT_Y', message: 'm' });
  });

  it('digs through details.cause and cause (not a self-cause) to the first CredstackError, at most 5 levels deep', () => {
    const inner = new CredstackError('ERR_KEY_UNSUPPORTED', 'unsupported key');
    const wrap = (e: unknown, how: 'details' | 'cause') => (how === 'details' ? Object.assign(new Error('wrapped'), { details: { cause: e } }) : new Error('wrapped', { cause: e }));
    expect(classifyProofError(wrap(wrap(inner, 'cause'), 'details'))).toEqual({ code: 'ERR_KEY_UNSUPPORTED', message: 'unsupported key' });
    // details.cause wins over cause
    const both = Object.assign(new Error('x', { cause: new CredstackError('ERR_A', 'a') }), { details: { cause: new CredstackError('ERR_B', 'b') } });
    expect(classifyProofError(both).code).toBe('ERR_B');
    let e: unknown = inner;
    for (let i = 0; i < 4; i++) e = wrap(e, 'cause');
    expect(classifyProofError(e)).toEqual({ code: 'ERR_KEY_UNSUPPORTED', message: 'unsupported key' }); // 4 wrappers: found at the 5th look
    e = wrap(e, 'cause');
    // 5 wrappers: the loop stops on the error itself, whose message is classified as text
    expect(classifyProofError(e)).toEqual({ code: 'ERR_PROOF_INVALID', message: 'unsupported key' });
    // the innermost error's own message is classified, not its wrapper's
    expect(classifyProofError(new Error('wrapped', { cause: new Error('Invalid signature.') })).code).toBe('ERR_PROOF_INVALID_SIGNATURE');
    expect(classifyProofError(Object.assign(new Error('wrapped'), { details: { cause: new Error('No matching proofs found') } })).code).toBe('ERR_PROOF_NO_MATCH');
    const self = new Error('Invalid signature.');
    (self as { cause?: unknown }).cause = self;
    expect(classifyProofError(self).code).toBe('ERR_PROOF_INVALID_SIGNATURE');
  });

  it('a JSON-LD safe-mode error → ERR_UNDEFINED_TERM naming the property when jsonld says which', () => {
    const v = (details: unknown) => Object.assign(new Error('Safe mode validation error.'), { name: 'jsonld.ValidationError', details });
    expect(classifyProofError(v({ event: { details: { property: 'nickname' } } }))).toEqual({
      code: 'ERR_UNDEFINED_TERM',
      message: 'property "nickname" is not defined by any @context (JSON-LD safe mode): it is not covered by the signature',
    });
    expect(classifyProofError(v({ event: {} }))).toEqual({ code: 'ERR_UNDEFINED_TERM', message: 'JSON-LD safe mode: Safe mode validation error.' });
    expect(classifyProofError(v(undefined))).toEqual({ code: 'ERR_UNDEFINED_TERM', message: 'JSON-LD safe mode: Safe mode validation error.' });
    expect(classifyProofError(v({}))).toEqual({ code: 'ERR_UNDEFINED_TERM', message: 'JSON-LD safe mode: Safe mode validation error.' });
    expect(classifyProofError(new Error('x', { cause: v({ event: { details: { property: 'p' } } }) })).code).toBe('ERR_UNDEFINED_TERM');
  });

  it('known messages (any case) → their codes', () => {
    const c = (m: string) => classifyProofError(new Error(m));
    expect(c('Invalid signature.')).toEqual({ code: 'ERR_PROOF_INVALID_SIGNATURE', message: 'signature does not match the credential (it was changed after signing, or signed with another key)' });
    expect(c('INVALID SIGNATURE').code).toBe('ERR_PROOF_INVALID_SIGNATURE');
    for (const m of ['Verification method "x" not authorized by controller for proof purpose "assertionMethod".', 'The verification method did:x#1 is not authorized.', 'key was not authorized']) {
      expect(c(m), m).toEqual({ code: 'ERR_PROOF_KEY_NOT_AUTHORIZED', message: `the key is not listed for assertionMethod by its controller: ${m}` });
    }
    for (const m of ['Maximum deep iterations exceeded (5).', 'canonize: work factor exceeded', 'The operation was aborted', 'Maximum Deep Iterations']) {
      expect(c(m), m).toEqual({ code: 'ERR_CANONICALIZE_LIMIT', message: `canonicalization stopped at its work limit (a blank-node "poison" graph?): ${m}` });
    }
    expect(c('The proofValue is not valid base58.')).toEqual({ code: 'ERR_PROOF_VALUE_INVALID', message: 'The proofValue is not valid base58.' });
    expect(c('no matching proofs found in the given document.')).toEqual({ code: 'ERR_PROOF_NO_MATCH', message: 'no matching proofs found in the given document.' });
    expect(c('jsonld.InvalidUrl: Dereferencing a URL did not result in a valid JSON-LD object; loading document failed.')).toEqual({
      code: 'ERR_DOCUMENT_UNAVAILABLE',
      message: 'jsonld.InvalidUrl: Dereferencing a URL did not result in a valid JSON-LD object; loading document failed.',
    });
    expect(c('Unable to load the controller').code).toBe('ERR_DOCUMENT_UNAVAILABLE');
    // the first matching rule wins: a signature message that also says "abort"
    expect(c('Invalid signature (abort)').code).toBe('ERR_PROOF_INVALID_SIGNATURE');
    expect(c('it was not authorized; work factor').code).toBe('ERR_PROOF_KEY_NOT_AUTHORIZED');
    expect(c('aborted: proofValue').code).toBe('ERR_CANONICALIZE_LIMIT');
    expect(c('proofValue: No matching proofs').code).toBe('ERR_PROOF_VALUE_INVALID');
    expect(c('No matching proofs; Unable to load').code).toBe('ERR_PROOF_NO_MATCH');
  });

  it('anything else → ERR_PROOF_INVALID with the message cut to 500 characters', () => {
    expect(classifyProofError(new Error('something odd'))).toEqual({ code: 'ERR_PROOF_INVALID', message: 'something odd' });
    expect(classifyProofError(new Error('y'.repeat(600)))).toEqual({ code: 'ERR_PROOF_INVALID', message: 'y'.repeat(500) });
  });

  it('no message: the outer error\'s message, else a fixed text (never String() of the value)', () => {
    // the innermost has a non-string message: the error given is read instead
    expect(classifyProofError({ message: 'Invalid signature', cause: { message: 5 } }).code).toBe('ERR_PROOF_INVALID_SIGNATURE');
    for (const err of [undefined, null, 42, 'Invalid signature', { message: 7 }, {}]) {
      expect(classifyProofError(err), JSON.stringify(err)).toEqual({ code: 'ERR_PROOF_INVALID', message: 'the proof could not be verified' });
    }
  });
});

describe('preflightProof: type and cryptosuite (Data Integrity §2.1, §3)', () => {
  it('a well-formed proof of each supported cryptosuite, and an Ed25519Signature2020 with created → no failure', () => {
    for (const cryptosuite of ['eddsa-rdfc-2022', 'eddsa-jcs-2022', 'ecdsa-rdfc-2019', 'ecdsa-jcs-2019']) expect(pre({ cryptosuite }), cryptosuite).toBeUndefined();
    expect(pre({ type: 'Ed25519Signature2020', cryptosuite: undefined })).toBeUndefined();
  });

  it('"eddsa-2022" is the deprecated draft name → ERR_PROOF_DEPRECATED_CRYPTOSUITE', () => {
    expect(pre({ cryptosuite: 'eddsa-2022' })).toEqual(fail('ERR_PROOF_DEPRECATED_CRYPTOSUITE', 'cryptosuite "eddsa-2022" is a deprecated draft name; re-issue with "eddsa-rdfc-2022"', 'DataIntegrityProof/eddsa-2022'));
  });

  it('another or no cryptosuite → ERR_PROOF_UNSUPPORTED_CRYPTOSUITE listing the supported ones', () => {
    expect(pre({ cryptosuite: 'bbs-2023' })).toEqual(fail('ERR_PROOF_UNSUPPORTED_CRYPTOSUITE', `unsupported cryptosuite "bbs-2023" (supported: ${SUITES})`, 'DataIntegrityProof/bbs-2023'));
    expect(pre({ cryptosuite: undefined })).toEqual(fail('ERR_PROOF_UNSUPPORTED_CRYPTOSUITE', `unsupported cryptosuite nothing (supported: ${SUITES})`, 'DataIntegrityProof/nothing'));
    expect(pre({ cryptosuite: ['eddsa-rdfc-2022'] })?.code).toBe('ERR_PROOF_UNSUPPORTED_CRYPTOSUITE');
  });

  it('a type other than DataIntegrityProof / Ed25519Signature2020 → ERR_PROOF_UNSUPPORTED_TYPE', () => {
    expect(pre({ type: 'JsonWebSignature2020' })).toEqual(fail('ERR_PROOF_UNSUPPORTED_TYPE', TYPE_MSG('"JsonWebSignature2020"'), 'JsonWebSignature2020'));
    expect(pre({ type: undefined })).toEqual(fail('ERR_PROOF_UNSUPPORTED_TYPE', TYPE_MSG('nothing'), 'proof'));
    // an Ed25519Signature2020 with a cryptosuite is not a DataIntegrityProof: it is not refused for it
    expect(pre({ type: 'Ed25519Signature2020', cryptosuite: 'bbs-2023' })).toBeUndefined();
  });

  it('the target names the proof: type, and the cryptosuite of a DataIntegrityProof, cut to 80 / 60 characters', () => {
    const longType = `T${'t'.repeat(100)}`;
    expect(pre({ type: longType })?.target).toBe(longType.slice(0, 80));
    const longSuite = `s${'x'.repeat(100)}`;
    expect(pre({ cryptosuite: longSuite })?.target).toBe(`DataIntegrityProof/${longSuite.slice(0, 60)}`);
    expect(pre({ cryptosuite: 7 })?.target).toBe('DataIntegrityProof/7');
    expect(pre({ type: ['DataIntegrityProof'] })?.target).toBe('proof');
  });
});

describe('preflightProof: purpose and verification method', () => {
  it('no proofPurpose → ERR_PROOF_PURPOSE_MISSING; another one → ERR_PROOF_PURPOSE naming both', () => {
    expect(pre({ proofPurpose: undefined })).toEqual(fail('ERR_PROOF_PURPOSE_MISSING', 'proof has no proofPurpose'));
    expect(pre({ proofPurpose: 'authentication' })).toEqual(fail('ERR_PROOF_PURPOSE', 'proofPurpose is "authentication", expected "assertionMethod"'));
    expect(pre({ proofPurpose: 'assertionMethod' }, {}, 'authentication')).toEqual(fail('ERR_PROOF_PURPOSE', 'proofPurpose is "assertionMethod", expected "authentication"'));
    expect(pre({ proofPurpose: 'authentication' }, {}, 'authentication')).toBeUndefined();
  });

  it('the verificationMethod must be a string or an object with a string id → else ERR_PROOF_NO_VERIFICATION_METHOD', () => {
    expect(pre({ verificationMethod: { id: VM, type: 'Multikey' } })).toBeUndefined();
    for (const verificationMethod of [undefined, null, 5, [VM], { type: 'Multikey' }, { id: 5 }]) {
      expect(pre({ verificationMethod }), JSON.stringify(verificationMethod)).toEqual(fail('ERR_PROOF_NO_VERIFICATION_METHOD', 'proof has no verificationMethod'));
    }
  });

  it('the JSON the suite reads must say what the signed data says (type, cryptosuite, purpose, key) → else ERR_PROOF_MALFORMED', () => {
    const msg = 'the proof\'s type, cryptosuite, proofPurpose or verificationMethod is not written with its plain term, so the JSON the suite reads differs from the signed data';
    const { view } = proofPair();
    for (const [k, v] of [
      ['type', 'https://w3id.org/security#DataIntegrityProof'],
      ['cryptosuite', 'eddsa-jcs-2022'],
      ['proofPurpose', 'https://w3id.org/security#assertionMethod'],
      ['verificationMethod', `${VM}x`],
      ['verificationMethod', { id: `${VM}x` }],
    ] as const) {
      const { json } = proofPair({ [k]: v });
      expect(preflightProof(json, view, ctx(), 'assertionMethod'), `${k} ${JSON.stringify(v)}`).toEqual(fail('ERR_PROOF_MALFORMED', msg));
    }
    // the key written as a string in one and as an object with that id in the other is the same key
    const { json } = proofPair({ verificationMethod: { id: VM } });
    expect(preflightProof(json, view, ctx(), 'assertionMethod')).toBeUndefined();
  });
});

describe('preflightProof: proofValue (multibase base58btc)', () => {
  it('z and 40 to 160 base58btc characters; anything else → ERR_PROOF_VALUE_INVALID', () => {
    const bad = fail('ERR_PROOF_VALUE_INVALID', 'proofValue must be a multibase base58btc string');
    for (const proofValue of [`z${'a'.repeat(40)}`, `z${'Z'.repeat(160)}`, 'z123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz']) {
      expect(pre({ proofValue }), proofValue).toBeUndefined();
    }
    for (const proofValue of [undefined, 5, [PV], `z${'a'.repeat(39)}`, `z${'a'.repeat(161)}`, `u${'a'.repeat(86)}`, `xz${'a'.repeat(86)}`, `${PV}!`, `z${'a'.repeat(85)}0`, `z${'a'.repeat(85)}O`, `z${'a'.repeat(85)}I`, `z${'a'.repeat(85)}l`, `z${'a'.repeat(40)}\n`]) {
      expect(pre({ proofValue }), String(proofValue)).toEqual(bad);
    }
  });
});

describe('preflightProof: created, expires (dateTimeStamp) and the 5-minute future allowance', () => {
  it('a created that is no dateTimeStamp → ERR_PROOF_CREATED_INVALID (shown, cut to 60 characters)', () => {
    expect(pre({ created: '2026-06-01T12:00:00' })).toEqual(fail('ERR_PROOF_CREATED_INVALID', 'proof.created is not a valid date-time: "2026-06-01T12:00:00"'));
    expect(pre({ created: 5 })).toEqual(fail('ERR_PROOF_CREATED_INVALID', 'proof.created is not a valid date-time: 5'));
    const long = `2026-06-01T12:00:00Z${'x'.repeat(60)}`;
    expect(pre({ created: long })?.message).toBe(`proof.created is not a valid date-time: "${long.slice(0, 60)}…"`);
    // created is optional for a DataIntegrityProof, required for an Ed25519Signature2020
    expect(pre({ created: undefined })).toBeUndefined();
    expect(pre({ type: 'Ed25519Signature2020', cryptosuite: undefined, created: undefined })).toEqual(
      fail('ERR_PROOF_CREATED_INVALID', 'Ed25519Signature2020 proofs must have created', 'Ed25519Signature2020'),
    );
  });

  it('created up to 5 minutes after now is tolerated (clock skew); later → ERR_PROOF_CREATED_FUTURE', () => {
    expect(pre({ created: at(300) })).toBeUndefined();
    expect(pre({ created: at(300.001) })).toEqual(fail('ERR_PROOF_CREATED_FUTURE', `proof created in the future (${at(300.001)}, now ${NOW})`));
    expect(pre({ created: at(301) })?.code).toBe('ERR_PROOF_CREATED_FUTURE');
    expect(pre({ created: at(-86400 * 365) })).toBeUndefined();
  });

  it('expires must be a dateTimeStamp → ERR_PROOF_EXPIRES_INVALID; before now → ERR_PROOF_EXPIRED; at now → still valid', () => {
    expect(pre({ expires: 'never' })).toEqual(fail('ERR_PROOF_EXPIRES_INVALID', 'proof.expires is not a valid date-time: "never"'));
    expect(pre({ expires: at(-0.001) })).toEqual(fail('ERR_PROOF_EXPIRED', `proof expired at ${at(-0.001)}`));
    expect(pre({ expires: at(0) })).toBeUndefined();
    expect(pre({ expires: at(3600) })).toBeUndefined();
  });

  it('the order of the date rules: created invalid, then expires, then created in the future', () => {
    expect(pre({ created: 'x', expires: 'y' })?.code).toBe('ERR_PROOF_CREATED_INVALID');
    expect(pre({ created: at(3600), expires: 'y' })?.code).toBe('ERR_PROOF_EXPIRES_INVALID');
    expect(pre({ created: at(3600), expires: at(-1) })?.code).toBe('ERR_PROOF_EXPIRED');
    // proofValue is judged before the dates
    expect(pre({ created: 'x', proofValue: 'z1' })?.code).toBe('ERR_PROOF_VALUE_INVALID');
  });
});

describe('preflightProof: previousProof (Data Integrity §2.1.2 proof chains)', () => {
  const malformed = 'the proof\'s previousProof is not written with its plain term, so the JSON the suite reads differs from the signed data';
  const chainInvalid = fail('ERR_PROOF_CHAIN_INVALID', 'previousProof must be a string or a list of strings (the ids of earlier proofs)');

  it('a string or a list of 1 to 10 strings', () => {
    expect(pre({ previousProof: 'urn:uuid:p1' })).toBeUndefined();
    expect(pre({ previousProof: ['urn:uuid:p1', 'urn:uuid:p2'] })).toBeUndefined();
    expect(pre({ previousProof: Array.from({ length: MAX_PROOFS }, (_, i) => `urn:uuid:p${i}`) })).toBeUndefined();
    for (const previousProof of [5, null, {}, [], ['urn:uuid:p1', 5], Array.from({ length: MAX_PROOFS + 1 }, (_, i) => `urn:uuid:p${i}`)]) {
      expect(pre({ previousProof }), JSON.stringify(previousProof)).toEqual(chainInvalid);
    }
    expect(MAX_PROOFS).toBe(10);
  });

  it('present in the JSON but not in the signed data (or the other way round) → ERR_PROOF_MALFORMED', () => {
    const { json } = proofPair({ previousProof: 'urn:uuid:p1' });
    const { view } = proofPair();
    expect(preflightProof(json, view, ctx(), 'assertionMethod')).toEqual(fail('ERR_PROOF_MALFORMED', malformed));
    const other = proofPair();
    expect(preflightProof(other.json, { ...other.view, previousProof: 'urn:uuid:p1' }, ctx(), 'assertionMethod')).toEqual(fail('ERR_PROOF_MALFORMED', malformed));
  });
});

describe('matchingProofs: the proofs a chained proof names (Data Integrity §4.5 step 3)', () => {
  const p1 = { id: 'urn:uuid:p1', type: 'DataIntegrityProof' };
  const p2 = { id: 'urn:uuid:p2', type: 'DataIntegrityProof' };
  const p2b = { id: 'urn:uuid:p2', type: 'DataIntegrityProof', cryptosuite: 'ecdsa-rdfc-2019' };

  it('every named proof of the document, each once, in the order named', () => {
    const me = { id: 'urn:uuid:p3', previousProof: ['urn:uuid:p2', 'urn:uuid:p1', 'urn:uuid:p2'] };
    expect(matchingProofs(me, [p1, p2, me, null, 'urn:uuid:p1', p2b])).toEqual({ proofs: [p2, p2b, p1] });
    expect(matchingProofs({ previousProof: 'urn:uuid:p1' }, [p1, p2])).toEqual({ proofs: [p1] });
  });

  it('a proof does not chain to itself; names not found are listed', () => {
    const me = { id: 'urn:uuid:p1', previousProof: 'urn:uuid:p1' };
    expect(matchingProofs(me, [me, p2])).toEqual({ missing: ['urn:uuid:p1'] });
    expect(matchingProofs({ previousProof: ['urn:uuid:p1', 'urn:uuid:x', 'urn:uuid:y'] }, [p1, p2])).toEqual({ missing: ['urn:uuid:x', 'urn:uuid:y'] });
    // a malformed previousProof names nothing
    expect(matchingProofs({ previousProof: 5 }, [p1])).toEqual({ proofs: [] });
  });
});

describe('chainedSuite and purposeFor: what jsonld-signatures is handed', () => {
  it('a chained suite verifies with the earlier proofs as the document\'s proof, everything else kept', async () => {
    const seen: Array<{ self: unknown; args: Record<string, any> }> = [];
    const suite = {
      name: 'stub',
      verifyProof(this: unknown, args: Record<string, any>) {
        seen.push({ self: this, args });
        return Promise.resolve({ verified: true });
      },
    };
    const previous = [{ id: 'urn:uuid:p1' }];
    const wrapped = chainedSuite(suite, previous);
    expect(wrapped.name).toBe('stub');
    expect(Object.getPrototypeOf(wrapped)).toBe(suite);
    const proof = { id: 'urn:uuid:p2' };
    expect(await wrapped.verifyProof({ proof, document: { id: 'urn:uuid:cred', proof }, documentLoader: 'L' })).toEqual({ verified: true });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.self).toBe(wrapped);
    expect(seen[0]!.args).toEqual({ proof, document: { id: 'urn:uuid:cred', proof: previous }, documentLoader: 'L' });
    expect(suite.verifyProof).not.toBe(wrapped.verifyProof);
  });

  it('assertionMethod → AssertionProofPurpose; authentication with a challenge → AuthenticationProofPurpose; else ControllerProofPurpose(term)', () => {
    const controller = { id: 'did:example:issuer' };
    const a = purposeFor('assertionMethod', { challenge: 'c' }, controller);
    expect(a).toBeInstanceOf(purposes.AssertionProofPurpose);
    expect([a.term, a.controller]).toEqual(['assertionMethod', controller]);
    const b = purposeFor('authentication', { challenge: 'c-1', domain: 'verifier.example' }, controller);
    expect(b).toBeInstanceOf(purposes.AuthenticationProofPurpose);
    expect([b.term, b.controller, b.challenge, b.domain]).toEqual(['authentication', controller, 'c-1', 'verifier.example']);
    const c = purposeFor('authentication', { challenge: 'c-1', domain: ['verifier.example'] }, controller);
    expect(c).toBeInstanceOf(purposes.AuthenticationProofPurpose);
    expect([c.challenge, c.domain]).toEqual(['c-1', undefined]);
    for (const [term, proof] of [
      ['authentication', { challenge: 5 }],
      ['authentication', {}],
      ['capabilityInvocation', { challenge: 'c' }],
    ] as const) {
      const d = purposeFor(term, proof, controller);
      expect(d, term).toBeInstanceOf(purposes.ControllerProofPurpose);
      expect(d, term).not.toBeInstanceOf(purposes.AuthenticationProofPurpose);
      expect(d, term).not.toBeInstanceOf(purposes.AssertionProofPurpose);
      expect([d.term, d.controller], term).toEqual([term, controller]);
    }
  });
});

describe('checkProofs up to the key (no signature is checked here)', () => {
  const DOC_CTX = ['https://www.w3.org/ns/credentials/v2'];
  const doc = (proof: unknown) => ({ '@context': DOC_CTX, type: ['VerifiableCredential'], issuer: 'https://issuer.example', credentialSubject: { id: 'did:example:s' }, proof });
  const good = (p: Record<string, unknown> = {}) => proofPair(p).json;

  it('no proof → ERR_PROOF_MISSING', async () => {
    for (const proof of [undefined, []]) {
      expect(await checkProofs(doc(proof), ctx())).toEqual({ checks: [{ id: 'proof', status: 'failed', code: 'ERR_PROOF_MISSING', message: 'no proof: the credential is not signed' }], controllers: [], unresolved: false });
    }
  });

  it('more than 10 proofs → one ERR_PROOF_TOO_MANY; 10 are each looked at', async () => {
    expect(await checkProofs(doc(Array.from({ length: 11 }, () => null)), ctx())).toEqual({
      checks: [{ id: 'proof', status: 'failed', code: 'ERR_PROOF_TOO_MANY', message: '11 proofs: more than 10 are refused' }],
      controllers: [],
      unresolved: false,
    });
    const ten = await checkProofs(doc(Array.from({ length: 10 }, () => null)), ctx());
    expect(ten.checks).toEqual(Array.from({ length: 10 }, () => ({ id: 'proof', status: 'failed', code: 'ERR_PROOF_MALFORMED', message: 'proof must be an object' })));
  });

  it('a proof that is no object → ERR_PROOF_MALFORMED, and the next proof is still looked at', async () => {
    const r = await checkProofs(doc([null, 'x', [good()], good({ type: 'RsaSignature2018' })]), ctx());
    expect(r.checks).toEqual([
      { id: 'proof', status: 'failed', code: 'ERR_PROOF_MALFORMED', message: 'proof must be an object' },
      { id: 'proof', status: 'failed', code: 'ERR_PROOF_MALFORMED', message: 'proof must be an object' },
      { id: 'proof', status: 'failed', code: 'ERR_PROOF_MALFORMED', message: 'proof must be an object' },
      fail('ERR_PROOF_UNSUPPORTED_TYPE', TYPE_MSG('"RsaSignature2018"'), 'RsaSignature2018'),
    ]);
  });

  it('refused by its JSON before the signed data is read: deprecated / unknown cryptosuite, unknown type', async () => {
    const r = await checkProofs(doc([good({ cryptosuite: 'eddsa-2022' }), good({ cryptosuite: 'bbs-2023' }), good({ type: 'JsonWebSignature2020' })]), ctx());
    expect(r.checks).toEqual([
      fail('ERR_PROOF_DEPRECATED_CRYPTOSUITE', 'cryptosuite "eddsa-2022" is a deprecated draft name; re-issue with "eddsa-rdfc-2022"', 'DataIntegrityProof/eddsa-2022'),
      fail('ERR_PROOF_UNSUPPORTED_CRYPTOSUITE', `unsupported cryptosuite "bbs-2023" (supported: ${SUITES})`, 'DataIntegrityProof/bbs-2023'),
      fail('ERR_PROOF_UNSUPPORTED_TYPE', TYPE_MSG('"JsonWebSignature2020"'), 'JsonWebSignature2020'),
    ]);
    // a JSON type that is no string is not refused by the JSON: the signed data decides (here: no DataIntegrityProof)
    const odd = await checkProofs(doc(good({ type: 5 })), ctx());
    expect(odd.checks.map((c) => c.code)).toEqual(['ERR_UNDEFINED_TERM']);
    // a DataIntegrityProof whose JSON cryptosuite is no string is refused by the signed data's view (preflight)
    const noSuite = await checkProofs(doc(good({ cryptosuite: 7 })), ctx());
    expect(noSuite.checks).toEqual([fail('ERR_PROOF_UNSUPPORTED_CRYPTOSUITE', `unsupported cryptosuite 7 (supported: ${SUITES})`, 'DataIntegrityProof/7')]);
  });

  it('the JSON refusals come before the signed data is read: they hold even when it cannot be read', async () => {
    const unreadable = { '@context': ['https://www.w3.org/ns/credentials/v2', 'https://nowhere.example/ctx.jsonld'] };
    const r = await checkProofs({ ...doc([good({ cryptosuite: 'bbs-2023' }), good({ cryptosuite: 'eddsa-2022' }), good({ type: 'JsonWebSignature2020' }), good({ cryptosuite: 7 }), good({ type: 5 })]), ...unreadable }, ctx());
    expect(r.checks.map((c) => [c.code, c.target])).toEqual([
      ['ERR_PROOF_UNSUPPORTED_CRYPTOSUITE', 'DataIntegrityProof/bbs-2023'],
      ['ERR_PROOF_DEPRECATED_CRYPTOSUITE', 'DataIntegrityProof/eddsa-2022'],
      ['ERR_PROOF_UNSUPPORTED_TYPE', 'JsonWebSignature2020'],
      // no string: left to the signed data, which cannot be read here (its context is not available offline)
      ['ERR_CONTEXT_UNKNOWN', undefined],
      ['ERR_CONTEXT_UNKNOWN', undefined],
    ]);
  });

  it('an Ed25519Signature2020 proof is not refused by its JSON: its signed data is read and judged', async () => {
    const ed = good({ type: 'Ed25519Signature2020', cryptosuite: undefined, proofPurpose: 'authentication' });
    const r = await checkProofs({ ...doc(ed), '@context': ['https://www.w3.org/2018/credentials/v1', 'https://w3id.org/security/suites/ed25519-2020/v1'] }, ctx());
    expect(r.checks).toEqual([fail('ERR_PROOF_PURPOSE', 'proofPurpose is "authentication", expected "assertionMethod"', 'Ed25519Signature2020')]);
  });

  it('a proof whose signed data cannot be read → its check, message prefixed, id proof', async () => {
    const r = await checkProofs({ ...doc(good()), '@context': ['https://www.w3.org/ns/credentials/v2', 'https://nowhere.example/ctx.jsonld'] }, ctx());
    // (the code and the reason come from the view: src/verify/view.ts)
    expect(r.checks.map((c) => [c.id, c.status, c.code])).toEqual([['proof', 'failed', 'ERR_CONTEXT_UNKNOWN']]);
    // the loader's own reason (jsonld wraps it)
    expect(r.checks[0]!.message.startsWith('the proof\'s signed data cannot be read: unknown document: https://nowhere.example/ctx.jsonld is not bundled')).toBe(true);
  });

  it('the preflight of the signed data: expected purpose assertionMethod unless told otherwise', async () => {
    expect((await checkProofs(doc(good({ proofPurpose: 'authentication' })), ctx())).checks).toEqual([fail('ERR_PROOF_PURPOSE', 'proofPurpose is "authentication", expected "assertionMethod"')]);
    expect((await checkProofs(doc(good()), ctx(), { expectedPurpose: 'authentication' })).checks).toEqual([fail('ERR_PROOF_PURPOSE', 'proofPurpose is "assertionMethod", expected "authentication"')]);
    expect((await checkProofs(doc(good({ created: at(3600) })), ctx())).checks.map((c) => c.code)).toEqual(['ERR_PROOF_CREATED_FUTURE']);
  });

  it('a previousProof naming no other proof of the document → ERR_PROOF_CHAIN_BROKEN (PROOF_VERIFICATION_ERROR)', async () => {
    const r = await checkProofs(doc([good({ id: 'urn:uuid:p2', previousProof: ['urn:uuid:p1', 'urn:uuid:p2'] })]), ctx());
    expect(r.checks).toEqual([fail('ERR_PROOF_CHAIN_BROKEN', 'previousProof names "urn:uuid:p1", "urn:uuid:p2", which is not a proof of this document (PROOF_VERIFICATION_ERROR)')]);
  });

  it('a key that cannot be loaded offline → ERR_KEY_UNAVAILABLE, unresolved (a chain that is whole gets there too)', async () => {
    const r = await checkProofs(doc([good({ id: 'urn:uuid:p1' }), good({ id: 'urn:uuid:p2', previousProof: 'urn:uuid:p1', verificationMethod: { id: 'https://other.example/k#1' } })]), ctx());
    expect(r.unresolved).toBe(true);
    expect(r.controllers).toEqual([]);
    expect(r.checks.map((c) => [c.code, c.target])).toEqual([
      ['ERR_KEY_UNAVAILABLE', DI],
      ['ERR_KEY_UNAVAILABLE', DI],
    ]);
    expect(r.checks.map((c) => [c.id, c.status])).toEqual([
      ['proof', 'failed'],
      ['proof', 'failed'],
    ]);
    expect(r.checks[0]!.message.startsWith('cannot check the signature offline: cannot dereference the controller document https://issuer.example/keys: ')).toBe(true);
    expect(r.checks[1]!.message.startsWith('cannot check the signature offline: cannot dereference the controller document https://other.example/k: ')).toBe(true);
  });

  it('any other retrieval failure keeps its code and names its error type; the key is then not "unresolved"', async () => {
    const r = await checkProofs(doc(good({ verificationMethod: 'not a url' })), ctx());
    expect(r).toEqual({
      checks: [fail('ERR_VERIFICATION_METHOD_URL_INVALID', 'the verification method identifier is not a valid URL (INVALID_VERIFICATION_METHOD_URL)')],
      controllers: [],
      unresolved: false,
    });
  });

  // did:key resolves offline (did:key v0.7 §3.1 example key): the key is found, so the signature is checked, and a made-up
  // proofValue does not verify. (The only test here that canonicalizes; a signature that verifies is tested end to end.)
  it('a key that resolves goes on to the signature: a made-up proofValue → ERR_PROOF_INVALID_SIGNATURE, nothing resolved wrongly', async () => {
    const did = 'did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK';
    const r = await checkProofs(doc(good({ verificationMethod: `${did}#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK` })), ctx());
    expect(r).toEqual({
      checks: [fail('ERR_PROOF_INVALID_SIGNATURE', 'signature does not match the credential (it was changed after signing, or signed with another key)')],
      controllers: [],
      unresolved: false,
    });
  });
});

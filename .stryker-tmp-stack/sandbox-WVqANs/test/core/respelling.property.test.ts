// @ts-nocheck
// Property (issue 17 §1): for generated credentials and generated respellings with the same RDF — full IRIs, compact
// IRIs through an inline prefix, an inline @vocab, term aliases in an inline context, @id / @type for id / type — the
// verdict and every check's id, status and code are identical to the plainly spelled credential's.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { issueCredential, verifyCredential, type KeyPair } from '../../src/index.js';
import { allocateStatusIndex, createStatusList, revoke, signStatusList } from '../../src/status/index.js';
import { ISSUED, NOW, sampleCredential, seededKey } from '../helpers.js';

const XSD_DT = 'http://www.w3.org/2001/XMLSchema#dateTime';
// the OB 3.0.3 context types creditsAvailable with the https spelling of the XSD namespace
const XSD_FLOAT_OB = 'https://www.w3.org/2001/XMLSchema#float';
const CRED = 'https://www.w3.org/2018/credentials#';
const STATUS = 'https://www.w3.org/ns/credentials/status#';
const OB = 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#';
const REV = 'https://uni.example/status/rev';

type Where = 'top' | 'status' | 'achievement' | 'subject';
/** Terms the checks read, with their IRI and coercion in the bundled contexts (VC 2.0, OB 3.0.3). */
const TERMS: Array<{ where: Where; key: string; ns: string; vocabParent: string; type?: string }> = [
  { where: 'top', key: 'validUntil', ns: CRED, vocabParent: 'https://www.w3.org/2018/', type: XSD_DT },
  { where: 'top', key: 'validFrom', ns: CRED, vocabParent: 'https://www.w3.org/2018/', type: XSD_DT },
  { where: 'top', key: 'credentialStatus', ns: CRED, vocabParent: 'https://www.w3.org/2018/', type: '@id' },
  { where: 'top', key: 'issuer', ns: CRED, vocabParent: 'https://www.w3.org/2018/', type: '@id' },
  { where: 'top', key: 'credentialSubject', ns: CRED, vocabParent: 'https://www.w3.org/2018/', type: '@id' },
  { where: 'status', key: 'statusPurpose', ns: STATUS, vocabParent: 'https://www.w3.org/ns/credentials/' },
  { where: 'status', key: 'statusListIndex', ns: STATUS, vocabParent: 'https://www.w3.org/ns/credentials/' },
  { where: 'status', key: 'statusListCredential', ns: STATUS, vocabParent: 'https://www.w3.org/ns/credentials/', type: '@id' },
  { where: 'achievement', key: 'creditsAvailable', ns: OB, vocabParent: 'https://purl.imsglobal.org/spec/vc/ob/', type: XSD_FLOAT_OB },
];
const ID_KEYS: Where[] = ['top', 'status', 'achievement', 'subject'];

type Op = { kind: 'term'; term: number; how: 'iri' | 'prefix' | 'vocab' | 'alias' } | { kind: 'keyword'; where: Where; key: 'id' | 'type' };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('term' as const), term: fc.nat({ max: TERMS.length - 1 }), how: fc.constantFrom('iri' as const, 'prefix' as const, 'vocab' as const, 'alias' as const) }),
  fc.record({ kind: fc.constant('keyword' as const), where: fc.constantFrom(...ID_KEYS), key: fc.constantFrom('id' as const, 'type' as const) }),
);

function nodeAt(doc: any, where: Where): any {
  if (where === 'top') return doc;
  if (where === 'status') return doc.credentialStatus ?? doc[`${CRED}credentialStatus`];
  const subject = doc.credentialSubject;
  return where === 'subject' ? subject : subject?.achievement;
}

/** Respell one property of `doc` (a deep copy) without changing its RDF; returns whether something changed. */
function respell(doc: any, op: Op, n: number): boolean {
  const ctx: unknown[] = doc['@context'];
  if (op.kind === 'keyword') {
    const node = nodeAt(doc, op.where);
    if (!node || typeof node !== 'object' || node[op.key] === undefined) return false;
    node[`@${op.key}`] = node[op.key];
    delete node[op.key];
    return true;
  }
  const t = TERMS[op.term]!;
  const node = nodeAt(doc, t.where);
  if (!node || typeof node !== 'object' || node[t.key] === undefined) return false;
  const raw = node[t.key];
  const typed = t.type === '@id' ? (typeof raw === 'string' ? { '@id': raw } : raw) : t.type ? { '@value': raw, '@type': t.type } : raw;
  const iri = `${t.ns}${t.key}`;
  let how = op.how;
  const vocabs = ctx.filter((c: any) => c && typeof c === 'object' && '@vocab' in c) as any[];
  if (how === 'vocab' && vocabs.length > 0 && vocabs[0]['@vocab'] !== t.vocabParent) how = 'iri';
  let key: string;
  let value = typed;
  if (how === 'iri') key = iri;
  else if (how === 'prefix') {
    const p = `p${n}`;
    ctx.push({ [p]: t.ns });
    key = `${p}:${t.key}`;
  } else if (how === 'vocab') {
    if (vocabs.length === 0) ctx.push({ '@vocab': t.vocabParent });
    key = iri.slice(t.vocabParent.length);
  } else {
    key = `alias${n}${t.key}`;
    ctx.push({ [key]: t.type ? { '@id': iri, '@type': t.type } : { '@id': iri } });
    value = raw;
  }
  delete node[t.key];
  node[key] = value;
  return true;
}

let key: KeyPair;
let bases: Array<{ signed: Record<string, any>; documents: Record<string, unknown>; plain: string[] }>;
const verdict = (r: { verified: boolean; checks: Array<{ id: string; status: string; code?: string }> }) => [
  `verified:${r.verified}`,
  ...r.checks.map((c) => `${c.id}:${c.status}:${c.code ?? ''}`),
];

beforeAll(async () => {
  key = await seededKey(81);
  bases = [];
  // expired or not × revoked or not (list given) × credits: the checks these respellings could blind all have a say
  for (const [i, [expired, revoked]] of ([[false, false], [true, false], [false, true], [true, true]] as const).entries()) {
    const a = allocateStatusIndex(createStatusList({ id: REV, issuer: key.controller, purpose: 'revocation' }));
    const c = sampleCredential(key.controller, { top: { id: `https://uni.example/credentials/p${i}`, ...(expired ? { validUntil: '2026-10-01T00:00:00Z' } : { validUntil: '2027-10-01T00:00:00Z' }) } });
    const signed = await issueCredential({ ...c, credentialStatus: a.entry }, { key, now: ISSUED });
    const list = await signStatusList(revoked ? revoke(a.state, a.index) : a.state, { key, now: ISSUED });
    const documents = { [REV]: list };
    bases.push({ signed, documents, plain: verdict(await verifyCredential(signed, { now: NOW, documents })) });
  }
}, 120_000);

describe('respellings with the same RDF get the same verdict, check by check', () => {
  it('property: full IRIs, inline prefixes, @vocab, aliases, @id/@type', async () => {
    // the bases really differ on what a blinded check would hide
    expect(bases.map((b) => b.plain[0])).toEqual(['verified:true', 'verified:false', 'verified:false', 'verified:false']);
    expect(bases[3]!.plain).toEqual(expect.arrayContaining(['validity:failed:ERR_EXPIRED', 'status:failed:ERR_STATUS_REVOKED']));
    let changedReadTerm = 0;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: bases.length - 1 }), fc.array(opArb, { minLength: 1, maxLength: 6 }), async (b, ops) => {
        const base = bases[b]!;
        const doc = structuredClone(base.signed);
        let changed = 0;
        ops.forEach((op, n) => {
          if (respell(doc, op, n)) changed++;
        });
        runs++;
        if (changed > 0 && ops.some((o) => o.kind === 'term')) changedReadTerm++;
        const r = await verifyCredential(doc, { now: NOW, documents: base.documents });
        expect(verdict(r)).toEqual(base.plain);
      }),
      { numRuns: 40, seed: 1717 },
    );
    // the interesting branch (a term a check reads was respelled) is reached in most runs
    expect(changedReadTerm).toBeGreaterThan(runs / 2);
  }, 300_000);
});

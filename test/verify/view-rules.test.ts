// The signed-data view (src/verify/view.ts) on hand-made input: what every check reads. Most cases hand buildView an
// expansion made by hand (the `expanded` option: no jsonld at all), so each rule of the reader is seen on its own; a
// few run the real expansion through the offline loader (bundled contexts only). Mutation area 'verify-view'.
//
// The rule (shared/design.md, "Check what is signed"): a Data Integrity signature covers canonical RDF, so the view is
// the expansion read through FIXED trusted contexts — term names come from those contexts, values from the signed
// data; a standard term whose signed value its definition does not allow is refused, never ignored.
import { describe, expect, it } from 'vitest';
import { createDocumentLoader, type DocumentLoader } from '../../src/jsonld/loader.js';
import { buildProofView, buildTermTables, proofViewOnce, buildView, classifyExpansion, VIEW_CONTEXT_URLS, type ViewResult } from '../../src/verify/view.js';

const CRED = 'https://www.w3.org/2018/credentials#';
const SEC = 'https://w3id.org/security#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const OB = 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#';
const SCHEMA = 'https://schema.org/';
const VC2 = 'https://www.w3.org/ns/credentials/v2';
const VC1 = 'https://www.w3.org/2018/credentials/v1';
const OB3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const DI = 'https://w3id.org/security/data-integrity/v2';
const CS = 'https://w3id.org/credstack/v1';

/** A loader that must not be called (the expansion is given). */
const noLoader: DocumentLoader = async (url) => {
  throw new Error(`loader called for ${url}`);
};
const loader = createDocumentLoader();

const VC_TYPE = `${CRED}VerifiableCredential`;

/** buildView over a hand-made expanded top node. */
async function read(node: Record<string, unknown>, doc: Record<string, any> = { '@context': VC2 }): Promise<ViewResult> {
  return buildView(doc, noLoader, { expanded: [node] });
}
/**
 * The view's document of a node of type VerifiableCredential (the VC 2.0 terms issuer, validFrom, credentialSubject …
 * are scoped to that type), without the `type` key the helper added.
 */
async function doc(node: Record<string, unknown>): Promise<Record<string, unknown>> {
  const typed = '@type' in node ? node : { '@type': [VC_TYPE], ...node };
  const r = await read(typed);
  if (!('view' in r)) throw new Error(`no view: ${JSON.stringify(r.check)}`);
  const { type, ...rest } = r.view.document;
  if ('@type' in node) return r.view.document;
  expect(type).toBe('VerifiableCredential');
  return rest;
}
async function refused(node: Record<string, unknown>): Promise<{ code?: string; message: string; id: string; status: string }> {
  const r = await read('@type' in node ? node : { '@type': [VC_TYPE], ...node });
  if ('view' in r) throw new Error(`expected a refusal, got ${JSON.stringify(r.view.document)}`);
  return r.check as never;
}
const OBC_TYPE = `${OB}OpenBadgeCredential`;

describe('VIEW_CONTEXT_URLS', () => {
  it('is the fixed list of trusted contexts, VC 2.0 first, frozen', () => {
    expect(VIEW_CONTEXT_URLS).toEqual([
      VC2,
      OB3,
      'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
      'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
      'https://w3id.org/security/suites/ed25519-2020/v1',
      'https://w3id.org/vc/status-list/2021/v1',
      CS,
    ]);
    expect(Object.isFrozen(VIEW_CONTEXT_URLS)).toBe(true);
  });
});

describe('reading a node: ids, types, term names', () => {
  it('@id becomes id, one @type a string named by the trusted contexts, several an array', async () => {
    expect(await doc({ '@id': 'urn:x:1', '@type': [VC_TYPE] })).toEqual({ id: 'urn:x:1', type: 'VerifiableCredential' });
    expect(await doc({ '@id': 'urn:x:1', '@type': [VC_TYPE, OBC_TYPE] })).toEqual({ id: 'urn:x:1', type: ['VerifiableCredential', 'OpenBadgeCredential'] });
  });

  it('a type no trusted context names stays its IRI; a node without @id or @type has neither key', async () => {
    expect(await doc({ '@type': ['https://other.example/Thing'] })).toEqual({ type: 'https://other.example/Thing' });
    // a type with no scoped context adds no scope: the node's properties are read with the top-level terms
    expect(await doc({ '@type': ['https://other.example/Thing', 9 as never], [`${SCHEMA}name`]: [{ '@value': 'n' }] })).toEqual({ type: ['https://other.example/Thing', 9], name: 'n' });
    expect((await read({ [`${SCHEMA}name`]: [{ '@value': 'x' }] }) as { view: { document: unknown } }).view.document).toEqual({ name: 'x' });
  });

  it('a non-string @id is not taken as the id', async () => {
    expect(await doc({ '@id': 42 as never, [`${SCHEMA}name`]: [{ '@value': 'x' }] })).toEqual({ name: 'x' });
    const r = await read({ '@id': 42 as never, '@type': [VC_TYPE] });
    expect('view' in r && 'id' in r.view).toBe(false);
  });

  it('a non-string type entry is kept as it is', async () => {
    expect(await doc({ '@type': [7 as never, VC_TYPE] })).toEqual({ type: [7, 'VerifiableCredential'] });
  });

  it('a property IRI the trusted contexts define is shown by its term; an unknown IRI stays a full IRI', async () => {
    expect(await doc({ [`${SCHEMA}name`]: [{ '@value': 'Data' }], 'https://other.example/p': [{ '@value': 'v' }] })).toEqual({ name: 'Data', 'https://other.example/p': 'v' });
  });

  it('an unknown IRI longer than 120 characters is still its key (only the error path is cut)', async () => {
    const long = `https://other.example/${'p'.repeat(200)}`;
    expect(await doc({ [long]: [{ '@value': 'v' }] })).toEqual({ [long]: 'v' });
  });

  it('a path in a message names an unknown IRI by its first 120 characters', async () => {
    const long = `https://other.example/${'p'.repeat(200)}`;
    const c = await refused({ '@type': [VC_TYPE], [long]: [{ '@id': 'urn:x', '@included': [] }] });
    expect(c.message).toBe(`$.${long.slice(0, 120)}: @included / @reverse nodes are not read (the credential must be one tree)`);
  });

  it('an array nested in a value list is passed through as it is; a null value list is no value', async () => {
    expect(await doc({ 'https://other.example/p': [[{ '@value': 'x' }]] as never })).toEqual({ 'https://other.example/p': [{ '@value': 'x' }] });
    expect(await doc({ 'https://other.example/p': null as never })).toEqual({ 'https://other.example/p': [] });
    expect(await doc({ 'https://other.example/p': [null] as never })).toEqual({ 'https://other.example/p': null });
  });

  it('@-keywords other than @id / @type are not copied', async () => {
    expect(await doc({ '@id': 'urn:x:1', '@index': 'i' })).toEqual({ id: 'urn:x:1' });
  });

  it('one value is a scalar, several an array; a @set term keeps even one value in an array', async () => {
    expect(await doc({ [`${SCHEMA}name`]: [{ '@value': 'a' }, { '@value': 'b' }] })).toEqual({ name: ['a', 'b'] });
    // credstack's learningOutcomes is "@container": "@set"
    expect(await doc({ 'https://w3id.org/credstack/vocab#learningOutcome': [{ '@value': 'x' }] })).toEqual({ learningOutcomes: ['x'] });
  });

  it('a value that is not an array is read as one value', async () => {
    expect(await doc({ [`${SCHEMA}name`]: { '@value': 'solo' } as never })).toEqual({ name: 'solo' });
  });
});

describe('values against their trusted definition', () => {
  const VALID_FROM = `${CRED}validFrom`;

  it('a literal of the declared datatype is read as its lexical value', async () => {
    expect(await doc({ [VALID_FROM]: [{ '@value': '2026-01-01T00:00:00Z', '@type': `${XSD}dateTime` }] })).toEqual({ validFrom: '2026-01-01T00:00:00Z' });
  });

  it('validFrom of another datatype, untyped or language-tagged is refused, naming the path', async () => {
    const other = await refused({ [VALID_FROM]: [{ '@value': '2026-01-01', '@type': `${XSD}date` }] });
    expect(other).toMatchObject({ id: 'context', status: 'failed', code: 'ERR_SIGNED_TERM_UNREADABLE' });
    expect(other.message).toContain('$.validFrom: a value of datatype http://www.w3.org/2001/XMLSchema#date');
    expect((await refused({ [VALID_FROM]: [{ '@value': '2026-01-01T00:00:00Z' }] })).message).toContain('$.validFrom: an untyped literal');
    expect((await refused({ [VALID_FROM]: [{ '@value': 'x', '@language': 'en' }] })).message).toContain('a language-tagged string');
    expect((await refused({ [VALID_FROM]: [{ '@value': 'x', '@direction': 'rtl' }] })).message).toContain('a language-tagged string');
  });

  it('a datatype IRI in the message is cut to 80 characters', async () => {
    const dt = `https://dt.example/${'d'.repeat(200)}`;
    const m = (await refused({ [VALID_FROM]: [{ '@value': 'x', '@type': dt }] })).message;
    expect(m).toContain(`a value of datatype ${dt.slice(0, 80)}:`);
    expect(m).not.toContain(dt.slice(0, 81));
  });

  it('a typed literal on an uncoerced term keeps its datatype; an untyped one is its value', async () => {
    expect(await doc({ [`${SCHEMA}name`]: [{ '@value': '5', '@type': `${XSD}integer` }] })).toEqual({ name: { '@value': '5', '@type': `${XSD}integer` } });
    expect(await doc({ [`${SCHEMA}name`]: [{ '@value': 5 }] })).toEqual({ name: 5 });
  });

  it('a language-tagged or directed literal on an uncoerced term is kept whole', async () => {
    // description has no @language map term in the trusted contexts other than credstack's descriptionMap: see below
    expect(await doc({ 'https://other.example/p': [{ '@value': 'x', '@language': 'en' }] })).toEqual({ 'https://other.example/p': { '@value': 'x', '@language': 'en' } });
    expect(await doc({ 'https://other.example/p': [{ '@value': 'x', '@direction': 'ltr' }] })).toEqual({ 'https://other.example/p': { '@value': 'x', '@direction': 'ltr' } });
  });

  it('on an unknown IRI: a typed literal keeps its datatype, a plain one is its value', async () => {
    expect(await doc({ 'https://other.example/p': [{ '@value': 'x', '@type': `${XSD}string` }] })).toEqual({ 'https://other.example/p': { '@value': 'x', '@type': `${XSD}string` } });
    expect(await doc({ 'https://other.example/p': [{ '@value': true }] })).toEqual({ 'https://other.example/p': true });
  });

  it('a @type that is not a string is no datatype', async () => {
    expect(await doc({ [`${SCHEMA}name`]: [{ '@value': 'x', '@type': 5 }] as never })).toEqual({ name: 'x' });
  });

  it('a primitive inside the expansion (not a value object) is passed through', async () => {
    expect(await doc({ 'https://other.example/p': ['raw'] as never })).toEqual({ 'https://other.example/p': 'raw' });
  });

  it('a node reference: @id-coerced term → its IRI; @vocab-coerced → its trusted name; otherwise { id }', async () => {
    expect(await doc({ [`${CRED}issuer`]: [{ '@id': 'did:example:i' }] })).toEqual({ issuer: 'did:example:i' });
    expect(await doc({ [`${SCHEMA}name`]: [{ '@id': 'urn:n' }] })).toEqual({ name: { id: 'urn:n' } });
    expect(await doc({ 'https://other.example/p': [{ '@id': 'urn:n' }] })).toEqual({ 'https://other.example/p': { id: 'urn:n' } });
    // VC 2.0's DataIntegrityProof scope defines proofPurpose with "@type": "@vocab" (its values are terms)
    const DIP = { '@type': [`${SEC}DataIntegrityProof`] };
    expect(await doc({ ...DIP, [`${SEC}proofPurpose`]: [{ '@id': `${SEC}assertionMethodMethod` }] })).toEqual({ type: 'DataIntegrityProof', proofPurpose: `${SEC}assertionMethodMethod` });
    expect(await doc({ ...DIP, [`${SEC}proofPurpose`]: [{ '@id': `${SEC}assertionMethod` }] })).toEqual({ type: 'DataIntegrityProof', proofPurpose: 'assertionMethod' });
    expect(await doc({ ...DIP, [`${SEC}proofPurpose`]: [{ '@id': `${SEC}authenticationMethod` }] })).toEqual({ type: 'DataIntegrityProof', proofPurpose: 'authentication' });
  });

  it('a node reference with @index is still a reference; with more keys it is a node', async () => {
    expect(await doc({ [`${CRED}issuer`]: [{ '@id': 'did:example:i', '@index': 'k' }] })).toEqual({ issuer: 'did:example:i' });
    expect(await doc({ [`${CRED}issuer`]: [{ '@id': 'did:example:i', [`${SCHEMA}name`]: [{ '@value': 'U' }] }] })).toEqual({ issuer: { id: 'did:example:i', name: 'U' } });
    expect(await doc({ [`${CRED}issuer`]: [{ '@id': 5 }] as never })).toEqual({ issuer: {} });
  });

  it('a node where a literal is declared is kept as a node (a date check then refuses it)', async () => {
    expect(await doc({ [VALID_FROM]: [{ '@id': 'urn:not-a-date' }] })).toEqual({ validFrom: { id: 'urn:not-a-date' } });
  });

  it('@list values are read in order into an array, even a single one', async () => {
    expect(await doc({ 'https://other.example/p': [{ '@list': [{ '@value': 'a' }, { '@value': 'b' }] }] })).toEqual({ 'https://other.example/p': ['a', 'b'] });
    expect(await doc({ 'https://other.example/p': [{ '@list': [{ '@value': 'a' }] }] })).toEqual({ 'https://other.example/p': ['a'] });
    expect(await doc({ 'https://other.example/p': [{ '@list': { '@value': 'a' } }] as never })).toEqual({ 'https://other.example/p': ['a'] });
  });

  it('a @list next to other values (or after the key is set) is one more value, not the whole key', async () => {
    expect(await doc({ 'https://other.example/p': [{ '@list': [{ '@value': 'a' }] }, { '@value': 'z' }] })).toEqual({ 'https://other.example/p': [['a'], 'z'] });
  });

  it('a typed literal inside a @list is checked against the term as well', async () => {
    const c = await refused({ [VALID_FROM]: [{ '@list': [{ '@value': 'x' }] }] });
    expect(c.code).toBe('ERR_SIGNED_TERM_UNREADABLE');
  });
});

describe('language maps (credstack nameMap / descriptionMap)', () => {
  const NAME = `${SCHEMA}name`;
  // a node below an unknown property reads with the top-level terms only (a VerifiableCredential's own scope names
  // schema:name `name` first, without a language map)
  const nested = async (n: Record<string, unknown>) => (await doc({ 'https://other.example/c': [n] }))['https://other.example/c'] as Record<string, unknown>;

  it('language-tagged names go to nameMap, one or several per language; plain names stay name', async () => {
    expect(await nested({ [NAME]: [{ '@value': 'Data', '@language': 'en' }, { '@value': 'Daten', '@language': 'de' }, { '@value': 'Dados', '@language': 'de' }, { '@value': 'plain' }] })).toEqual({
      nameMap: { en: 'Data', de: ['Daten', 'Dados'] },
      name: 'plain',
    });
  });

  it('only tagged names: nameMap and no name key', async () => {
    const d = await nested({ [NAME]: [{ '@value': 'Data', '@language': 'en' }] });
    expect(d).toEqual({ nameMap: { en: 'Data' } });
    expect('name' in d).toBe(false);
  });

  it('a tagged value with a direction, a datatype, another key or a non-string value is not put in the map', async () => {
    expect(await nested({ [NAME]: [{ '@value': 'x', '@language': 'ar', '@direction': 'rtl' }] })).toEqual({ name: { '@value': 'x', '@language': 'ar', '@direction': 'rtl' } });
    expect(await nested({ [NAME]: [{ '@value': 'x', '@language': 'en', '@index': 'i' }] })).toEqual({ name: { '@value': 'x', '@language': 'en', '@index': 'i' } });
    expect(await nested({ [NAME]: [{ '@value': 3, '@language': 'en' }] })).toEqual({ name: { '@value': 3, '@language': 'en' } });
    expect(await nested({ [NAME]: [{ '@value': 'x', '@language': 7 }] })).toEqual({ name: { '@value': 'x', '@language': 7 } });
  });

  it('descriptionMap likewise', async () => {
    expect(await nested({ [`${SCHEMA}description`]: [{ '@value': 'Beschreibung', '@language': 'de' }] })).toEqual({ descriptionMap: { de: 'Beschreibung' } });
  });
});

describe('graphs, scopes and refused shapes', () => {

  const VP_TYPE = `${CRED}VerifiablePresentation`;
  const VCS = `${CRED}verifiableCredential`;

  it('a one-node @graph under a @graph term is read as that node', async () => {
    expect(await doc({ '@type': [VP_TYPE], [VCS]: [{ '@graph': [{ '@id': 'urn:c', '@type': [VC_TYPE] }] }] })).toEqual({
      type: 'VerifiablePresentation',
      verifiableCredential: { id: 'urn:c', type: 'VerifiableCredential' },
    });
    expect(await doc({ '@type': [VP_TYPE], [VCS]: [{ '@graph': { '@id': 'urn:c' } }] as never })).toEqual({ type: 'VerifiablePresentation', verifiableCredential: { id: 'urn:c' } });
  });

  it('a graph of 0 or 2 nodes, or of a non-object, is refused as a shape', async () => {
    for (const g of [[], [{ '@id': 'urn:a' }, { '@id': 'urn:b' }], ['x']]) {
      const c = await refused({ '@type': [VP_TYPE], [VCS]: [{ '@graph': g }] });
      expect(c.code).toBe('ERR_SIGNED_DATA_SHAPE');
      expect(c.message).toBe(`$.verifiableCredential: a graph of ${g.length} nodes where one is expected`);
    }
  });

  it('a graph under a term that is not a @graph term is refused as unreadable; under an unknown IRI it is read', async () => {
    const c = await refused({ [`${CRED}issuer`]: [{ '@graph': [{ '@id': 'urn:a' }] }] });
    expect(c.code).toBe('ERR_SIGNED_TERM_UNREADABLE');
    expect(c.message).toBe('$.issuer: a graph: a standard term whose signed value its definition does not allow cannot be read as that term');
    expect(await doc({ 'https://other.example/g': [{ '@graph': [{ '@id': 'urn:a' }] }] })).toEqual({ 'https://other.example/g': { id: 'urn:a' } });
  });

  it('@included and @reverse nodes are refused (one tree), at the top and below', async () => {
    for (const k of ['@included', '@reverse']) {
      const top = await refused({ '@type': [VC_TYPE], [k]: [{ '@id': 'urn:x' }] });
      expect(top.code).toBe('ERR_SIGNED_DATA_SHAPE');
      expect(top.message).toBe('$: @included / @reverse nodes are not read (the credential must be one tree)');
      const below = await refused({ [`${CRED}credentialSubject`]: [{ '@id': 'urn:s', [k]: [{ '@id': 'urn:x' }] }] });
      expect(below.message).toBe('$.credentialSubject: @included / @reverse nodes are not read (the credential must be one tree)');
    }
  });

  // each nesting level is two steps (a property's value, then its node): level n is at depth 2n, the limit is 128
  const C = 'https://other.example/c';
  const nest = (n: number, wrap = (x: Record<string, unknown>) => x): Record<string, unknown> => (n === 0 ? { '@id': 'urn:leaf', [C]: [{ '@value': 1 }] } : { [C]: [wrap(nest(n - 1, wrap))] });
  const TOO_DEEP = { code: 'ERR_SIGNED_DATA_SHAPE', message: 'the signed data is too large or too deep to read' };

  it('depth 128 is read, 130 is refused', async () => {
    expect(await refused(nest(65))).toMatchObject(TOO_DEEP);
    let d: any = await doc(nest(64));
    for (let i = 0; i < 64; i++) d = d[C];
    expect(d).toEqual({ id: 'urn:leaf', [C]: 1 });
  });

  it('nesting through one-value @list and @graph values counts too (3 and 2 steps a level)', async () => {
    expect(await refused(nest(50, (x) => ({ '@list': [x] })))).toMatchObject(TOO_DEEP);
    expect(await refused(nest(50, (x) => ({ '@list': [x, { '@value': 2 }] })))).toMatchObject(TOO_DEEP);
    expect(await refused(nest(70, (x) => ({ '@graph': [x] })))).toMatchObject(TOO_DEEP);
    let d: any = await doc(nest(40, (x) => ({ '@list': [x] })));
    for (let i = 0; i < 40; i++) d = d[C][0];
    expect(d).toEqual({ id: 'urn:leaf', [C]: 1 });
  });

  it('more than 200,000 nodes are refused; 199,999 below the top are read', async () => {
    const many = (n: number) => ({ 'https://other.example/c': Array.from({ length: n }, () => ({ 'https://other.example/q': [{ '@value': 1 }] })) });
    expect((await refused(many(200_000))).message).toBe('the signed data is too large or too deep to read');
    const ok = await doc(many(199_999));
    expect((ok['https://other.example/c'] as unknown[]).length).toBe(199_999);
  });

  it('a type-scoped context applies to the nodes of that type (OB AchievementSubject names achievement)', async () => {
    const ACH = `${OB}achievement`;
    expect(await doc({ [`${CRED}credentialSubject`]: [{ '@type': [`${OB}AchievementSubject`], [ACH]: [{ '@id': 'urn:a' }] }] })).toEqual({
      credentialSubject: { type: 'AchievementSubject', achievement: { id: 'urn:a' } },
    });
  });

  it('a property-scoped context applies below its term (credstack workload: value, unit)', async () => {
    const W = 'https://w3id.org/credstack/vocab#';
    expect(await doc({ [`${W}workload`]: [{ [`${W}workloadValue`]: [{ '@value': 30 }], [`${W}workloadUnit`]: [{ '@value': 'hours' }] }] })).toEqual({
      workload: [{ value: 30, unit: 'hours' }],
    });
    // outside workload the same IRIs have no term name
    expect(await doc({ [`${W}workloadValue`]: [{ '@value': 30 }] })).toEqual({ [`${W}workloadValue`]: 30 });
  });

  // StatusList2021's type-scoped context names http://schema.org/name `name`, the top level names https://schema.org/name
  // `name`: two signed properties, one key — both values are kept (a value must never hide another)
  const SL21 = { '@type': ['https://w3id.org/vc/status-list#StatusList2021Credential'] };
  it('values of two IRIs that the trusted contexts give one term name are merged under it, none dropped', async () => {
    expect(await doc({ ...SL21, 'http://schema.org/name': [{ '@value': 'a' }], [`${SCHEMA}name`]: [{ '@value': 'b' }, { '@value': 'c' }] })).toEqual({ type: 'StatusList2021Credential', name: ['a', 'b', 'c'] });
    expect(await doc({ ...SL21, 'http://schema.org/name': [{ '@value': 'a' }], [`${SCHEMA}name`]: [{ '@list': [{ '@value': 'x' }] }] })).toEqual({ type: 'StatusList2021Credential', name: ['a', ['x']] });
  });

  it('a @list term (@container @list) holds its list as the value, not a list of one list', async () => {
    // OB 3.0 ResultDescription: "allowedValue": { "@container": "@list" }
    const RD = { '@type': [`${OB}ResultDescription`] };
    expect(await doc({ ...RD, [`${OB}allowedValue`]: [{ '@list': [{ '@value': 'A' }, { '@value': 'B' }] }] })).toEqual({ type: 'ResultDescription', allowedValue: ['A', 'B'] });
  });

  it('values of one key from two IRIs that share a term name are merged', async () => {
    // VC 1.1 issuanceDate is defined for the view as well; two properties, two keys
    const d = await doc({ [`${CRED}issuanceDate`]: [{ '@value': '2020-01-01T00:00:00Z', '@type': `${XSD}dateTime` }] });
    expect(d).toEqual({ issuanceDate: '2020-01-01T00:00:00Z' });
  });
});

describe('buildView: the credential view', () => {
  it('fills id, types, issuer, issuerId, dates, name, subjects and statuses from the signed data', async () => {
    const r = await read({
      '@id': 'urn:uuid:1',
      '@type': [VC_TYPE, OBC_TYPE],
      [`${CRED}issuer`]: [{ '@id': 'did:example:i', [`${SCHEMA}name`]: [{ '@value': 'Uni' }] }],
      [`${CRED}validFrom`]: [{ '@value': '2026-01-01T00:00:00Z', '@type': `${XSD}dateTime` }],
      [`${CRED}validUntil`]: [{ '@value': '2027-01-01T00:00:00Z', '@type': `${XSD}dateTime` }],
      [`${SCHEMA}name`]: [{ '@value': 'Badge' }],
      [`${CRED}credentialSubject`]: [{ '@id': 'did:example:l' }],
      [`${CRED}credentialStatus`]: [{ '@id': 'urn:st:1', '@type': ['https://www.w3.org/ns/credentials/status#BitstringStatusListEntry'] }],
    });
    if (!('view' in r)) throw new Error('no view');
    const v = r.view;
    expect(v.vcVersion).toBe(2);
    expect(v.id).toBe('urn:uuid:1');
    expect(v.types).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(v.issuer).toEqual({ id: 'did:example:i', name: 'Uni' });
    expect(v.issuerId).toBe('did:example:i');
    expect(v.validFrom).toBe('2026-01-01T00:00:00Z');
    expect(v.validUntil).toBe('2027-01-01T00:00:00Z');
    expect(v.name).toBe('Badge');
    expect(v.credentialSubject).toEqual([{ id: 'did:example:l' }]);
    expect(v.document.credentialSubject).toEqual({ id: 'did:example:l' });
    expect(v.credentialStatus).toEqual([{ id: 'urn:st:1', type: 'BitstringStatusListEntry' }]);
    expect(r.expanded).toHaveLength(1);
    expect('full' in r).toBe(false);
  });

  it('leaves out what the signed data does not say (no key at all, not undefined)', async () => {
    const r = await read({ '@type': [VC_TYPE] });
    if (!('view' in r)) throw new Error('no view');
    expect(Object.keys(r.view).sort()).toEqual(['credentialSubject', 'document', 'types', 'vcVersion']);
    expect(r.view.credentialSubject).toEqual([]);
    expect(Object.keys(r.view.document)).toEqual(['type']);
    const mixed = await read({ '@type': [7 as never, VC_TYPE] });
    expect('view' in mixed && mixed.view.types).toEqual(['VerifiableCredential']);
  });

  it('VC 1.1 first context → vcVersion 1, also as a single string; issuanceDate / expirationDate read', async () => {
    const node = { [`${CRED}issuanceDate`]: [{ '@value': '2020-01-01T00:00:00Z', '@type': `${XSD}dateTime` }], [`${CRED}expirationDate`]: [{ '@value': '2030-01-01T00:00:00Z', '@type': `${XSD}dateTime` }] };
    for (const ctx of [[VC1, OB3], VC1]) {
      const r = await read(node, { '@context': ctx });
      if (!('view' in r)) throw new Error('no view');
      expect(r.view.vcVersion).toBe(1);
      expect(r.view.issuanceDate).toBe('2020-01-01T00:00:00Z');
      expect(r.view.expirationDate).toBe('2030-01-01T00:00:00Z');
    }
    const v2 = await read(node, { '@context': [VC2, VC1] });
    expect('view' in v2 && v2.view.vcVersion).toBe(2);
  });

  it('an issuer node without a string id has no issuerId; a string issuer is its own id', async () => {
    const a = await read({ '@type': [VC_TYPE], [`${CRED}issuer`]: [{ [`${SCHEMA}name`]: [{ '@value': 'Uni' }] }] });
    expect('view' in a && a.view.issuerId).toBe(undefined);
    expect('view' in a && a.view.issuer).toEqual({ name: 'Uni' });
    const b = await read({ '@type': [VC_TYPE], [`${CRED}issuer`]: [{ '@id': 'did:example:i' }] });
    expect('view' in b && b.view.issuerId).toBe('did:example:i');
    expect('view' in b && b.view.issuer).toBe('did:example:i');
    const c = await read({ '@type': [VC_TYPE], [`${CRED}issuer`]: [{ '@id': 'did:example:a' }, { '@id': 'did:example:b' }] });
    expect('view' in c && c.view.issuerId).toBe(undefined);
  });

  it('a non-string id is not the view id', async () => {
    const r = await read({ '@type': [VC_TYPE], 'https://other.example/p': [{ '@value': 1 }] });
    expect('view' in r && 'id' in r.view).toBe(false);
  });

  it('several subjects, some only identifiers, become nodes { id } in a list', async () => {
    const r = await read({ '@type': [VC_TYPE], [`${CRED}credentialSubject`]: [{ '@id': 'did:example:a' }, { '@id': 'did:example:b', [`${SCHEMA}name`]: [{ '@value': 'B' }] }] });
    if (!('view' in r)) throw new Error('no view');
    expect(r.view.credentialSubject).toEqual([{ id: 'did:example:a' }, { id: 'did:example:b', name: 'B' }]);
    expect(r.view.document.credentialSubject).toEqual([{ id: 'did:example:a' }, { id: 'did:example:b', name: 'B' }]);
  });

  it('a proof under another name than "proof" (the security proof IRI in the claims) is refused', async () => {
    const c = await refused({ '@type': [VC_TYPE], [`${SEC}proof`]: [{ '@graph': [{ '@id': 'urn:p' }] }] });
    expect(c).toMatchObject({ id: 'context', status: 'failed', code: 'ERR_SIGNED_DATA_SHAPE' });
    expect(c.message).toContain('carries a proof under another name than "proof"');
  });

  it('an expansion that is not one node object is refused with the count', async () => {
    for (const [e, n] of [[[], 0], [[{}, {}], 2], [['x'], 1], [[[]], 1]] as const) {
      const r = await buildView({ '@context': VC2 }, noLoader, { expanded: e as never });
      expect('check' in r && r.check).toEqual({ id: 'context', status: 'failed', code: 'ERR_SIGNED_DATA_SHAPE', message: `the signed data is ${n} top-level nodes, not one credential` });
    }
  });

  it('a reader failure that is not a refusal (a hostile object) is a failed check, never a throw', async () => {
    const hostile = new Proxy({}, { ownKeys: () => { throw new TypeError('boom'); } });
    const r = await buildView({ '@context': VC2 }, noLoader, { expanded: [hostile] });
    expect('check' in r && r.check).toEqual({ id: 'context', status: 'failed', code: 'ERR_SIGNED_DATA_SHAPE', message: 'the signed data cannot be read through the trusted contexts' });
  });

  it('@graph at the top level is refused', async () => {
    const c = await refused({ '@graph': [{ '@id': 'urn:a' }] });
    expect(c).toEqual({ id: 'context', status: 'failed', code: 'ERR_SIGNED_DATA_SHAPE', message: 'the document uses @graph at its top level: its signed data is not one credential tree' });
  });
});

describe('buildView with the real expansion (offline loader, bundled contexts)', () => {
  const base = { '@context': [VC2, OB3], type: ['VerifiableCredential', 'OpenBadgeCredential'], issuer: { id: 'did:example:i', type: ['Profile'], name: 'Uni' }, validFrom: '2026-01-01T00:00:00Z', credentialSubject: { id: 'did:example:l', type: ['AchievementSubject'] } };

  it('the view of a plain credential', async () => {
    const r = await buildView({ ...base, proof: { type: 'DataIntegrityProof' } }, loader);
    if (!('view' in r)) throw new Error(JSON.stringify(r.check));
    expect(r.view.issuerId).toBe('did:example:i');
    expect(r.view.validFrom).toBe('2026-01-01T00:00:00Z');
    expect(r.view.types).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(r.view.document.proof).toBe(undefined);
  });

  it('an undefined term (safe mode) → ERR_UNDEFINED_TERM naming it', async () => {
    const r = await buildView({ ...base, unknownThing: 1 }, loader);
    expect('check' in r && r.check).toEqual({ id: 'context', status: 'failed', code: 'ERR_UNDEFINED_TERM', message: 'property "unknownThing" is not defined by any @context (JSON-LD safe mode): it is not covered by the signature' });
  });

  it('a context that is not bundled → ERR_CONTEXT_UNKNOWN', async () => {
    const r = await buildView({ ...base, '@context': [VC2, 'https://unknown.example/ctx.json'] }, loader);
    expect('check' in r && r.check.code).toBe('ERR_CONTEXT_UNKNOWN');
    // the loader's own reason (jsonld wraps it as its cause), not jsonld's generic text
    expect('check' in r && r.check.message).toMatch(/^unknown document: https:\/\/unknown\.example\/ctx\.json is not bundled/);
  });

  it('invalid JSON-LD → ERR_JSONLD_INVALID with jsonld\'s reason', async () => {
    const r = await buildView({ ...base, '@context': [VC2, { '@version': 2 }] }, loader);
    expect('check' in r && r.check.code).toBe('ERR_JSONLD_INVALID');
    expect('check' in r && r.check.message).toMatch(/^not valid JSON-LD: /);
  });

  it('withProofs: one expansion with the proof, split exactly; `full` keeps the proof', async () => {
    const signedLike = { ...base, proof: { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod', verificationMethod: 'did:example:i#k', created: '2026-01-01T00:00:00Z', proofValue: 'zabc' } };
    const a = await buildView(signedLike, loader, { withProofs: true });
    const b = await buildView(signedLike, loader);
    if (!('view' in a) || !('view' in b)) throw new Error('no view');
    expect(a.view).toEqual(b.view);
    expect(a.expanded).toEqual(b.expanded);
    expect(Array.isArray(a.full)).toBe(true);
    expect(JSON.stringify(a.full)).toContain('zabc');
    expect(JSON.stringify(a.expanded)).not.toContain('zabc');
    expect('full' in b).toBe(false);
    // a given expansion is used as it is, even with withProofs
    const given = await buildView(signedLike, noLoader, { withProofs: true, expanded: b.expanded });
    expect('view' in given && given.view).toEqual(b.view);
    expect('full' in given).toBe(false);
  });

  // compose.ts: the split is exact only when "nothing else contributed to sec:proof". Something else can (a full-IRI
  // key, a term of an added context): splitProofs then fails and the claims' expansion carries that sec:proof value
  // too, so the view is refused as a proof under another name (or as an unreadable value) — the reason `:457`
  // `if (split)` → always is equivalent (`full` is only ever returned beside a view).
  it('withProofs and another contributor to sec:proof: no split, the view is refused, no `full`', async () => {
    const SEC_PROOF = 'https://w3id.org/security#proof';
    const proof = { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod', verificationMethod: 'did:example:i#k', proofValue: 'zabc' };
    const other = 'the credential carries a proof under another name than "proof": no suite would verify it, yet it is part of the signed data';
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ [SEC_PROOF]: { '@id': 'urn:x' } }, other],
      [{ '@context': [VC2, OB3, { myproof: { '@id': SEC_PROOF, '@container': '@list' } }], myproof: [] }, other],
      [{ [SEC_PROOF]: { '@graph': [] } }, '$.proof: a graph of 0 nodes where one is expected'],
    ];
    for (const [extra, message] of cases) {
      const r = await buildView({ ...base, ...extra, proof }, loader, { withProofs: true });
      expect(r, JSON.stringify(extra)).toEqual({ check: { id: 'context', status: 'failed', code: 'ERR_SIGNED_DATA_SHAPE', message } });
    }
    const unreadable = await buildView({ ...base, [SEC_PROOF]: 'x', proof }, loader, { withProofs: true });
    expect('check' in unreadable && unreadable.check.code).toBe('ERR_SIGNED_TERM_UNREADABLE');
  });
});

describe('buildProofView: the proof configuration as the suites canonicalize it', () => {
  it('proofViewOnce: identical proofs (same JSON text) share one view, hence one expansion; other texts and non-plain proofs get their own', async () => {
    const p = { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod', verificationMethod: 'did:example:i#k', created: '2026-01-01T00:00:00Z', proofValue: 'zSig' };
    const views = new Map();
    const a = await proofViewOnce(views, [VC2, OB3], p, loader);
    const b = await proofViewOnce(views, [VC2, OB3], { ...p }, loader); // another object, the same text
    expect(b).toBe(a);
    expect([...views.keys()]).toEqual([JSON.stringify(p)]);
    const c = await proofViewOnce(views, [VC2, OB3], { ...p, proofValue: 'zOther' }, loader);
    expect(c).not.toBe(a);
    expect(views.size).toBe(2);
    // undefined is dropped by JSON text: such a proof is not keyed by it
    const d = await proofViewOnce(views, [VC2, OB3], { ...p, domain: undefined }, loader);
    expect(d).not.toBe(a);
    expect(views.size).toBe(2);
    expect(await proofViewOnce(new Map(), [VC2, OB3], p, loader)).toEqual(await buildProofView([VC2, OB3], p, loader));
  });

  const proof = { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod', verificationMethod: 'did:example:i#k', created: '2026-01-01T00:00:00Z', proofValue: 'zSig', challenge: 'c', domain: 'd.example', expires: '2027-01-01T00:00:00Z', previousProof: 'urn:p0' };

  it('reads each proof field, without proofValue (not part of the configuration)', async () => {
    const r = await buildProofView([VC2, OB3], proof, loader);
    if (!('proof' in r)) throw new Error(JSON.stringify(r.check));
    const { node, ...fields } = r.proof;
    expect(fields).toEqual({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', proofPurpose: 'assertionMethod', verificationMethod: 'did:example:i#k', proofValue: undefined, created: '2026-01-01T00:00:00Z', expires: '2027-01-01T00:00:00Z', domain: 'd.example', challenge: 'c', previousProof: 'urn:p0' });
    expect(node.type).toBe('DataIntegrityProof');
    expect(JSON.stringify(r.expanded)).not.toContain('zSig');
  });

  it('a DataIntegrityProof under a context without VC 2.0 gets the Data Integrity context (string or array)', async () => {
    const { proofValue: _, ...p } = proof;
    for (const ctx of [VC1, [VC1]]) {
      const r = await buildProofView(ctx, p, loader);
      if (!('proof' in r)) throw new Error(JSON.stringify(r.check));
      expect(r.proof.cryptosuite).toBe('eddsa-rdfc-2022');
    }
    const withDi = await buildProofView([VC1, DI], p, loader);
    expect('proof' in withDi && withDi.proof.proofPurpose).toBe('assertionMethod');
  });

  /** The offline loader, recording what it is asked for. */
  const recording = (): { asked: string[]; loader: DocumentLoader } => {
    const asked: string[] = [];
    return { asked, loader: async (url) => (asked.push(url), loader(url)) };
  };

  it('the Data Integrity context is added only to a DataIntegrityProof whose context has neither it nor VC 2.0', async () => {
    const { proofValue: _, ...p } = proof;
    for (const [ctx, expectDi] of [[VC1, true], [[VC1], true], [VC2, false], [[VC2], false], [[VC1, DI], true], [[OB3, VC2], false]] as const) {
      const rec = recording();
      const r = await buildProofView(ctx, p, rec.loader);
      expect('proof' in r).toBe(true);
      expect(rec.asked.includes(DI)).toBe(expectDi);
    }
    // not to another proof type
    const ED = 'https://w3id.org/security/suites/ed25519-2020/v1';
    const rec = recording();
    const ed = await buildProofView([VC1, ED], { type: 'Ed25519Signature2020', proofPurpose: 'assertionMethod', verificationMethod: 'did:example:i#k', created: '2026-01-01T00:00:00Z' }, rec.loader);
    expect('proof' in ed && ed.proof.type).toBe('Ed25519Signature2020');
    expect(rec.asked).not.toContain(DI);
  });

  it('without that context a VC 1.1 document cannot say cryptosuite: undefined term (what it would otherwise be)', async () => {
    const r = await buildProofView(VC1, { type: 'Ed25519Signature2020', cryptosuite: 'x', proofPurpose: 'assertionMethod' }, loader);
    expect('check' in r && r.check).toMatchObject({ id: 'proof', code: 'ERR_UNDEFINED_TERM' });
  });

  it('Ed25519Signature2020: jws, signatureValue and proofValue are left out of the configuration', async () => {
    const ED = 'https://w3id.org/security/suites/ed25519-2020/v1';
    const r = await buildProofView([VC1, ED], { type: 'Ed25519Signature2020', proofPurpose: 'assertionMethod', verificationMethod: 'did:example:i#k', created: '2026-01-01T00:00:00Z', proofValue: 'zP', jws: 'J.W.S', signatureValue: 'SV' }, loader);
    if (!('proof' in r)) throw new Error(JSON.stringify(r.check));
    expect(r.proof.type).toBe('Ed25519Signature2020');
    const s = JSON.stringify(r.expanded);
    expect(s).not.toContain('zP');
    expect(s).not.toContain('J.W.S');
    expect(s).not.toContain('"SV"');
  });

  it('a DataIntegrityProof keeps jws / signatureValue (they are part of its configuration; undefined terms here)', async () => {
    const r = await buildProofView([VC2], { ...proof, jws: 'J.W.S' }, loader);
    expect('check' in r && r.check).toMatchObject({ id: 'proof', status: 'failed', code: 'ERR_UNDEFINED_TERM' });
  });

  it('a proof configuration that is not one node tree is refused with the proof check id', async () => {
    const r = await buildProofView([VC2, { '@version': 1.1, x: { '@reverse': 'https://other.example/r' } }], { ...proof, x: { id: 'urn:x' } }, loader);
    expect('check' in r && r.check).toMatchObject({ id: 'proof', status: 'failed', code: 'ERR_SIGNED_DATA_SHAPE' });
  });
});

describe('classifyExpansion: why an expansion failed, in a stable code', () => {
  it('safe mode (jsonld.ValidationError) names the dropped property, cut to 120 characters', () => {
    const long = 'p'.repeat(200);
    expect(classifyExpansion({ name: 'jsonld.ValidationError', details: { event: { details: { property: long } } } }).check).toEqual({
      id: 'context', status: 'failed', code: 'ERR_UNDEFINED_TERM',
      message: `property "${long.slice(0, 120)}" is not defined by any @context (JSON-LD safe mode): it is not covered by the signature`,
    });
    for (const e of [{ name: 'jsonld.ValidationError' }, { name: 'jsonld.ValidationError', details: {} }, { name: 'jsonld.ValidationError', details: { event: {} } }, { name: 'jsonld.ValidationError', details: { event: { details: { property: 5 } } } }]) {
      expect(classifyExpansion(e).check).toEqual({ id: 'context', status: 'failed', code: 'ERR_UNDEFINED_TERM', message: 'JSON-LD safe mode refused the document' });
    }
  });

  it("a context the loader refused → ERR_CONTEXT_UNKNOWN with the loader's reason (cut to 300), else jsonld's message", () => {
    const why = `unknown document: ${'u'.repeat(400)}`;
    expect(classifyExpansion({ name: 'jsonld.InvalidUrl', message: 'Dereferencing a URL did not result in a valid JSON-LD object.', details: { code: 'loading remote context failed', cause: { message: why } } }).check).toEqual({
      id: 'context', status: 'failed', code: 'ERR_CONTEXT_UNKNOWN', message: why.slice(0, 300),
    });
    expect(classifyExpansion({ message: 'Unable to load x', details: { cause: { message: 7 } } }).check).toEqual({ id: 'context', status: 'failed', code: 'ERR_CONTEXT_UNKNOWN', message: 'Unable to load x' });
    expect(classifyExpansion({ message: 'loading document failed', details: { code: 'other' } }).check.code).toBe('ERR_CONTEXT_UNKNOWN');
    expect(classifyExpansion({ message: 'ctx is not bundled' }).check.code).toBe('ERR_CONTEXT_UNKNOWN');
    expect(classifyExpansion({ message: 'x is not in `documents`' }).check.code).toBe('ERR_CONTEXT_UNKNOWN');
    expect(classifyExpansion({ details: { code: 'loading remote context failed' } }).check).toEqual({ id: 'context', status: 'failed', code: 'ERR_CONTEXT_UNKNOWN', message: 'expansion failed' });
  });

  it('anything else → ERR_JSONLD_INVALID with the message cut to 300, or a fixed text; never a throw', () => {
    const m = 'm'.repeat(400);
    expect(classifyExpansion({ message: m }).check).toEqual({ id: 'context', status: 'failed', code: 'ERR_JSONLD_INVALID', message: `not valid JSON-LD: ${m.slice(0, 300)}` });
    for (const e of [undefined, null, 'text', 5, {}, { message: 5 }, { name: 5, details: null }]) {
      expect(classifyExpansion(e).check).toEqual({ id: 'context', status: 'failed', code: 'ERR_JSONLD_INVALID', message: 'not valid JSON-LD: expansion failed' });
    }
  });
});

describe('buildTermTables: how context documents become term tables', () => {
  const X = 'https://x.example/';

  it('the first definition of an IRI names it; prefixes (compact IRIs) are expanded; @reverse and non-IRIs are skipped', () => {
    const t = buildTermTables([
      { '@context': { x: X, a: `${X}a`, b: { '@id': 'x:b', '@type': 'x:T' }, r: { '@reverse': `${X}r` }, n: 'not an iri', k: '@id' } },
      { '@context': { a2: `${X}a` } },
    ]);
    expect(t.TOP.get(`${X}a`)?.term).toBe('a');
    expect([...(t.TOP.get(`${X}b`)?.types ?? [])]).toEqual([`${X}T`]);
    expect(t.TOP.has(`${X}r`)).toBe(false);
    expect(t.NAMES.get(`${X}a`)).toBe('a');
    expect(t.NAMES.get(`${X}b`)).toBe('b');
    expect([...t.TOP.keys()].sort()).toEqual([X, `${X}a`, `${X}b`]);
  });

  it('an array context is read entry by entry', () => {
    const t = buildTermTables([{ '@context': [{ a: `${X}a` }, [{ b: `${X}b` }]] }]);
    expect(t.TOP.get(`${X}a`)?.term).toBe('a');
    expect(t.TOP.get(`${X}b`)?.term).toBe('b');
  });

  it('an IRI first named by a map-container term is renamed by a later plain term; a later map term does not rename', () => {
    const t = buildTermTables([{ '@context': { m: { '@id': `${X}n`, '@container': '@language' }, n: `${X}n`, n2: `${X}n` } }]);
    const info = t.TOP.get(`${X}n`)!;
    expect(info.term).toBe('n');
    expect(info.mapOnly).toBe(false);
    expect(info.langMap).toBe('m');
    const u = buildTermTables([{ '@context': { n: `${X}n`, m: { '@id': `${X}n`, '@container': '@language' } } }]).TOP.get(`${X}n`)!;
    expect(u.term).toBe('n');
    expect(u.langMap).toBe('m');
  });

  const info = (ctx: unknown, iri: string) => buildTermTables([{ '@context': ctx }]).TOP.get(iri);
  const summary = (i: ReturnType<typeof info>) => i && { term: i.term, types: [...i.types], set: i.set, graph: i.graph, langMap: i.langMap, mapOnly: i.mapOnly };

  it('each definition: its @type (a keyword kept, a compact IRI expanded), @set / @list → set, @graph → graph', () => {
    expect(summary(info({ x: X, p: { '@id': 'x:p', '@type': '@id' } }, `${X}p`))).toEqual({ term: 'p', types: ['@id'], set: false, graph: false, langMap: undefined, mapOnly: false });
    expect(summary(info({ x: X, p: { '@id': 'x:p', '@type': 'x:D' } }, `${X}p`))?.types).toEqual([`${X}D`]);
    expect(summary(info({ p: { '@id': `${X}p`, '@type': 5 } }, `${X}p`))?.types).toEqual([undefined]);
    expect(summary(info({ p: { '@id': `${X}p`, '@container': '@set' } }, `${X}p`))?.set).toBe(true);
    expect(summary(info({ p: { '@id': `${X}p`, '@container': ['@list'] } }, `${X}p`))?.set).toBe(true);
    expect(summary(info({ p: { '@id': `${X}p`, '@container': ['@graph', 5] } }, `${X}p`))).toMatchObject({ set: false, graph: true });
    expect(summary(info({ p: { '@id': `${X}p`, '@container': '@language' } }, `${X}p`))).toEqual({ term: 'p', types: [undefined], set: false, graph: false, langMap: 'p', mapOnly: true });
    // a @language @set container is not a language map the reader fills (its values stay a list of tagged strings)
    expect(summary(info({ p: { '@id': `${X}p`, '@container': ['@language', '@set'] } }, `${X}p`))?.langMap).toBe(undefined);
    expect(summary(info({ p: { '@id': `${X}p`, '@container': '@index', '@type': '@id' } }, `${X}p`))).toMatchObject({ types: [undefined], mapOnly: true });
    // two language maps: the first names the map
    expect(summary(info({ a: { '@id': `${X}p`, '@container': '@language' }, b: { '@id': `${X}p`, '@container': '@language' } }, `${X}p`))?.langMap).toBe('a');
  });

  it('prefixes: only a non-keyword term whose IRI is an http(s) IRI ending in / or #; an absolute IRI is not a compact one', () => {
    const t = (ctx: Record<string, unknown>) => [...buildTermTables([{ '@context': ctx }]).TOP.keys()].sort();
    expect(t({ x: { '@id': X }, p: 'x:p' })).toEqual([X, `${X}p`]);
    expect(t({ x: 'https://x.example/ns', p: 'x:p' })).toEqual(['https://x.example/ns', 'x:p']);
    expect(t({ x: 'urn:x/', p: 'x:p' })).toEqual(['urn:x/', 'x:p']);
    expect(t({ x: 'ftp://x.example/', p: 'x:p' })).toEqual(['ftp://x.example/', 'x:p']);
    expect(t({ x: 'xhttps://x.example/', p: 'x:p' })).toEqual(['x:p', 'xhttps://x.example/']);
    expect(t({ x: 'http://x.example/', p: 'x:p' })).toEqual(['http://x.example/', 'http://x.example/p']);
    expect(t({ x: 'https://x.example/#z', p: 'x:p' })).toEqual(['https://x.example/#z', 'x:p']);
    expect(t({ '@x': X, p: '@x:p' })).toEqual([]);
    expect(t({ x: X, p: 'x://p' })).toEqual([X, 'x://p']);
    expect(t({ xy: X, p: 'xy:p/q' })).toEqual([X, `${X}p/q`]);
    expect(t({ x: X, p: 'x:' })).toEqual([X]);
    expect(t({ x: X, p: 'x:pq' })).toEqual([X, `${X}pq`]);
    expect(t({ x: X, p: 'y:x:p' })).toEqual([X, 'y:x:p']);
    // a compact IRI is the whole value: its prefix starts it, its suffix runs to the end
    expect(t({ x: X, p: '@x:p' })).toEqual([X]);
    expect(t({ x: X, p: 'x:p\nq' })).toEqual([X, 'x:p\nq']);
    // an absolute IRI starts with a scheme; an IRI may end with '@'
    expect(t({ c: '1x:y' })).toEqual([]);
    expect(t({ e: 'https://x.example/a@' })).toEqual(['https://x.example/a@']);
  });

  it('keywords, non-string ids, relative and keyword IRIs and @reverse terms are not terms', () => {
    const t = buildTermTables([{ '@context': { '@vocab': `${X}v/`, a: 5, b: { '@id': 7 }, c: 'relative', d: '@type', e: { '@reverse': `${X}e`, '@id': `${X}e` }, f: `${X}f` } }]);
    expect([...t.TOP.keys()]).toEqual([`${X}f`]);
    expect(t.NAMES.get(`${X}e`)).toBe('e');
    expect(t.NAMES.has(`${X}v/`)).toBe(false);
  });

  it('scoped contexts nest (with the outer prefixes); a primitive or null @context adds none', () => {
    const nest = (n: number): Record<string, unknown> => (n === 0 ? { leaf: 'x:leaf' } : { [`t${n}`]: { '@id': `x:t${n}`, '@context': nest(n - 1) } });
    const t = buildTermTables([{ '@context': { x: X, ...nest(5) } }]);
    let m: ReadonlyMap<string, any> | undefined = t.TOP;
    for (let n = 5; n > 0; n--) m = m?.get(`${X}t${n}`)?.scoped;
    expect(m?.get(`${X}leaf`)?.term).toBe('leaf');
    // an array of contexts is one level deeper per array
    const arr = buildTermTables([{ '@context': [[[{ a: `${X}a` }]]] }]);
    expect(arr.TOP.get(`${X}a`)?.term).toBe('a');
    expect(buildTermTables([{ '@context': { p: { '@id': `${X}p`, '@context': null } } }]).TOP.get(`${X}p`)?.scoped).toBe(undefined);
    expect(buildTermTables([{ '@context': { p: { '@id': `${X}p`, '@context': 'https://remote.example/' } } }]).TYPE_SCOPES.size).toBe(0);
    expect(buildTermTables([{ '@context': { p: { '@id': `${X}p`, '@context': [{ q: `${X}q` }] } } }]).TYPE_SCOPES.get(`${X}p`)?.get(`${X}q`)?.term).toBe('q');
    // a document that is not an object, or whose @context is not one, adds nothing
    expect(buildTermTables([null, 'x', { '@context': 'https://remote.example/' }]).TOP.size).toBe(0);
  });

  it('a scoped @context fills both the property scope and the type scope of that IRI', () => {
    const t = buildTermTables([{ '@context': { C: { '@id': `${X}C`, '@context': { p: `${X}p` } } } }]);
    expect(t.TOP.get(`${X}C`)?.scoped?.get(`${X}p`)?.term).toBe('p');
    expect(t.TYPE_SCOPES.get(`${X}C`)?.get(`${X}p`)?.term).toBe('p');
  });
});

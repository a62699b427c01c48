// @ts-nocheck
// Issue 11 item 4: contexts the field uses are bundled (npm packages where they exist, checked-in copies with their
// sha256 otherwise), and credentials carrying them verify offline.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import jsonld from 'jsonld';
import { describe, expect, it } from 'vitest';
import {
  BUNDLED_CONTEXTS,
  createDocumentLoader,
  CREDENTIALS_EXAMPLES_V2_CONTEXT,
  DCC_V1_CONTEXT,
  issueCredential,
  OB_ACCRED_V2_CONTEXT,
  OB_ASSESSMENT_CONTEXT,
  OB_V3_CONTEXT,
  OB_EXTENSIONS_CONTEXT,
  verifyCredential,
  VC_V2_CONTEXT,
} from '../../src/index.js';
import { fixture, ISSUED, NOW, sampleCredential, seededKey } from '../helpers.js';

const sha256File = (name: string) => createHash('sha256').update(readFileSync(fileURLToPath(new URL(`../../src/jsonld/contexts/${name}`, import.meta.url)))).digest('hex');

describe('checked-in contexts are the recorded bytes', () => {
  it.each([
    ['credentials-examples-v2.json', '57393fbc69d6efb9b9b5dc9cb6b9880b0944360abfe2eaf459c9e58cf2279d7c'],
    ['ob-assessment-v2p0.json', '5e0df1382d4e4914f10245dcda4f654649c3118b2fdb34b00155cadbe2910b59'],
    ['ob-accred-v2p0.json', 'f72471e90fcf8ee5a0103df239927317aad1b6b2cbd0365f7784a71ac87b5ea7'],
    ['clr-v2p0-2.0.1.json', '880f1902d4158f2f33ce06af41b90719977cd1ea337a9de2e41edb3ff5e543d6'],
  ])('%s has sha256 %s (as src/jsonld/contexts/README.md records)', (name, sha) => {
    expect(sha256File(name)).toBe(sha);
    expect(readFileSync(fileURLToPath(new URL('../../src/jsonld/contexts/README.md', import.meta.url)), 'utf8')).toContain(sha);
  });
});

describe('contexts real OB 3.0 credentials carry are bundled', () => {
  it.each([
    [DCC_V1_CONTEXT, 'https://w3id.org/dcc/v1'],
    [CREDENTIALS_EXAMPLES_V2_CONTEXT, 'https://www.w3.org/ns/credentials/examples/v2'],
    [OB_EXTENSIONS_CONTEXT, 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json'],
    [OB_ASSESSMENT_CONTEXT, 'https://purl.imsglobal.org/spec/ob-assessment/v2p0/context/'],
    [OB_ACCRED_V2_CONTEXT, 'https://purl.imsglobal.org/spec/ob-accred/v2p0/context/'],
  ])('%s', async (constant, url) => {
    expect(constant).toBe(url);
    expect(BUNDLED_CONTEXTS.has(url)).toBe(true);
    const { document } = await createDocumentLoader()(url);
    expect(Object.isFrozen(document)).toBe(true);
  });

  it('each context defines its terms (safe-mode expansion to the published IRIs)', async () => {
    const documentLoader = createDocumentLoader();
    const expand = async (ctx: unknown[], body: Record<string, unknown>) => jsonld.expand({ '@context': ctx, ...body }, { documentLoader, safe: true } as never);
    const dcc = await expand([DCC_V1_CONTEXT], { type: 'EducationalOccupationalCredential' });
    expect(dcc[0]!['@type']).toEqual(['http://schema.org/EducationalOccupationalCredential']);
    const ex = await expand([VC_V2_CONTEXT, CREDENTIALS_EXAMPLES_V2_CONTEXT], { alumniOf: 'X' });
    expect(Object.keys(ex[0]!)).toEqual(['https://www.w3.org/ns/credentials/examples#alumniOf']);
    const ext = await expand([VC_V2_CONTEXT, OB_V3_CONTEXT, OB_EXTENSIONS_CONTEXT], { type: '1EdTechRevocationList' });
    expect(ext[0]!['@type']).toEqual(['https://purl.imsglobal.org/spec/vcrl/v1p0/context.json#1EdTechRevocationList']);
    const accred = await expand([VC_V2_CONTEXT, OB_V3_CONTEXT, OB_ACCRED_V2_CONTEXT], { type: 'AccreditationProfile' });
    expect(accred[0]!['@type']).toEqual(['https://purl.imsglobal.org/spec/vc/ob/vocab.html#AccreditationProfile']);
    const assess = await expand([VC_V2_CONTEXT, OB_V3_CONTEXT, OB_ASSESSMENT_CONTEXT.slice(0, -1)], { type: 'AssessmentResultDescription' });
    expect(assess[0]!['@type']).toEqual(['https://purl.imsglobal.org/spec/vc/ob/vocab.html#AssessmentResultDescription']);
  });

  it('(own) an OB 3.0 credential with the 1EdTech accreditation extension context issues and verifies offline', async () => {
    const key = await seededKey(61);
    const cred = sampleCredential(key.controller);
    cred['@context'] = [...cred['@context'], OB_ACCRED_V2_CONTEXT];
    const signed = await issueCredential(cred, { key, now: ISSUED });
    const r = await verifyCredential(signed, { now: NOW });
    expect(r.checks.find((c) => c.id === 'context')?.status).toBe('passed');
    expect(r.verified).toBe(true);
  });

  it('(third-party: DCC vc-test-fixtures) a VC 1.1 credential carrying https://w3id.org/dcc/v1 verifies offline', async () => {
    const cred = fixture('third-party/dcc-v1-di-didkey-oldDCCExample.json');
    expect(cred['@context']).toContain(DCC_V1_CONTEXT);
    const r = await verifyCredential(cred, { now: NOW });
    expect(r.checks.find((c) => c.id === 'context')?.status).toBe('passed');
    expect(r.checks.filter((c) => c.id === 'proof').map((c) => c.status)).toEqual(['passed']);
    expect(r.checks.find((c) => c.id === 'issuer')?.status).toBe('passed');
    expect(r.verified).toBe(true);
  });

  it('(third-party: DCC vc-test-fixtures) an OB 3.0 EndorsementCredential carrying extensions.json and a typed credentialSchema verifies offline', async () => {
    const cred = fixture('third-party/dcc-v2-both-didkey-endorsement-withSchema.json');
    expect(cred['@context']).toContain(OB_EXTENSIONS_CONTEXT);
    const r = await verifyCredential(cred, { now: NOW });
    expect(r.checks.filter((c) => c.id === 'proof').map((c) => `${c.target}:${c.status}`)).toEqual(['DataIntegrityProof/eddsa-rdfc-2022:passed', 'Ed25519Signature2020:passed']);
    expect(r.checks.find((c) => c.id === 'structure')?.status).toBe('passed');
    expect(r.verified).toBe(true);
    // its validUntil is 2030-01-01: pinned after that, it fails for that reason only
    const later = await verifyCredential(cred, { now: '2031-01-01T00:00:00Z' });
    expect(later.checks.filter((c) => c.status === 'failed').map((c) => `${c.id}:${c.code}`)).toEqual(['validity:ERR_EXPIRED']);
  });
});

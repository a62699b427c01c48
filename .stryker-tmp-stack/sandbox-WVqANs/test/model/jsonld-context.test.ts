// @ts-nocheck
import { describe, expect, it } from 'vitest';
import jsonld from 'jsonld';
import context from '../../schemas/credstack-context-v1.json' with { type: 'json' };
import { createDocumentLoader, CREDSTACK_CONTEXT, CREDSTACK_VOCAB, defineProfile } from '../../src/index.js';
import { awardExample } from '../../examples/microcredentials/network.js';

const loader = createDocumentLoader();
const issuer = defineProfile({ id: 'did:key:z6MkIssuer', name: { en: 'U-Net', it: 'U-Net IT' }, country: 'IT' });

describe('credstack JSON-LD extension context', () => {
  it('is JSON-LD 1.1, protected, and defines new terms under our vocab', () => {
    const ctx = (context as any)['@context'];
    expect(ctx['@version']).toBe(1.1);
    expect(ctx['@protected']).toBe(true);
    expect(ctx.workload['@id']).toBe(`${CREDSTACK_VOCAB}workload`);
    for (const [term, def] of Object.entries<any>(ctx)) {
      if (term.startsWith('@') || term === 'id' || term === 'type') continue;
      const iri = typeof def === 'string' ? def : def['@id'];
      expect(iri, term).toMatch(/^(https:\/\/w3id\.org\/credstack\/vocab#|https:\/\/schema\.org\/|https:\/\/w3id\.org\/openbadges\/extensions#|https:\/\/purl\.imsglobal\.org\/spec\/vccs\/|https:\/\/purl\.imsglobal\.org\/spec\/vc\/clr\/vocab\.html#)/);
    }
  });

  it('is served by the offline loader at the stable URL', async () => {
    const doc = await loader(CREDSTACK_CONTEXT);
    expect(doc.document).toEqual(context);
  });

  it.each(['ai', 'data', 'staff'] as const)('the %s credential expands in safe mode without protected-term conflicts', async (which) => {
    const cred = awardExample(which, issuer, { did: 'did:key:z6MkLearner', studentId: 'S1' });
    const nquads: string = await (jsonld as any).toRDF(cred, { documentLoader: loader, safe: true, format: 'application/n-quads' });
    // standard-first: outcomes / workload are OB alignments, assessments the 1EdTech Assessment Extension; participation is ours
    expect(nquads).toContain('<https://purl.imsglobal.org/spec/vc/ob/vocab.html#targetType> "ext:LearningOutcome"');
    expect(nquads).toContain('<https://purl.imsglobal.org/spec/vc/ob/vocab.html#targetType> "ext:NotionalWorkload"');
    expect(nquads).toContain('<https://w3id.org/openbadges/extensions#assessmentType>');
    expect(nquads).toContain(`<${CREDSTACK_VOCAB}formOfParticipation>`);
    expect(nquads).toContain('"U-Net IT"@it');
    expect(nquads).toContain('<https://purl.imsglobal.org/spec/vc/ob/vocab.html#awardedDate>');
  });

  it('an undefined property still fails safe mode (our context adds no @vocab)', async () => {
    const cred: any = awardExample('ai', issuer, { did: 'did:key:z6MkLearner' });
    cred.credentialSubject.achievement.ectsCredits = 5;
    await expect((jsonld as any).expand(cred, { documentLoader: loader, safe: true })).rejects.toThrow(/[Ss]afe mode/);
  });

  it('works inside a CLR 2.0 credential next to the CLR context', async () => {
    const inner = awardExample('data', issuer, { did: 'did:key:z6MkLearner' });
    const clr = { '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json', CREDSTACK_CONTEXT],
      id: 'urn:uuid:3c3e0a36-0000-4000-8000-000000000002', type: ['VerifiableCredential', 'ClrCredential'], issuer, name: 'Transcript', validFrom: '2025-07-01T09:00:00Z',
      credentialSubject: { type: ['ClrSubject'], id: 'did:key:z6MkLearner', verifiableCredential: [inner] } };
    const out = await (jsonld as any).expand(clr, { documentLoader: loader, safe: true });
    expect(JSON.stringify(out)).toContain(`${CREDSTACK_VOCAB}formOfParticipation`);
  });
});

// Generated credentials for the proof layer's differential tests (test/proofs/equivalence.property.test.ts) and
// `npm run fuzz:equivalence`: a few OB 3.0 shapes (so most cases reach a compiled template) whose values range over
// hostile strings, IRIs and look-alikes, numbers and dates, with optional fields and arrays that change the shape.
import fc from 'fast-check';
import { credstackInlineContext } from '../../src/model/extension.js';

const VC2 = 'https://www.w3.org/ns/credentials/v2';
const OB = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const CREDSTACK = 'https://w3id.org/credstack/v1';

/** Strings chosen to break a substitution that is not exact. */
export const HOSTILE = [
  '', ' ', 'a', 'A', 'B', '\u0000', '\u0001\u001f', '\u007f', '\u2028', '\u2029', '\uD800', 'x\uDC00y', '\uDBFF\uDFFF', '\uFEFF',
  '"', '\\', '\\"', '\n\r\t', '<>', '<https://evil.example/>', '"@en', '^^<http://www.w3.org/2001/XMLSchema#string>',
  'ob:Achievement', 'cred:issuer', 'xsd:string', 'schema:name', '_:b0', '_:c14n0', '@id', '@type', '@context', '@vocab',
  'did:example:alice', 'urn:uuid:00000000-0000-0000-0000-000000000000', 'https://example.com/a', 'http://example.com/',
  'https://example.com/a b', 'https://example.com/é', 'relative/path', './x', '#frag', '?q=1', 'mailto:a@example.com',
  'AchievementSubject', 'Profile', 'assertionMethod', 'MicroCredential', 'ext:EQF', 'en', 'fr-CA', '2026-09-01T09:00:00Z',
  '2026-13-45T99:99:99Z', 'not a date', '1', '-0', '1e21', '0.1', 'true', 'null', '{"a":1}', '[]', 'credstack probe',
  'Université d’Exemple', '日本語', '🎓', 'a\u0300', 'ﬁ', 'Ω',
];

/** Values for IRI positions: mostly plain IRIs (the template path), some look-alikes (fallback or refusal). */
export const iriArb = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: 0, max: 1_000_000 }).map((n) => `did:example:learner-${n}`) },
  { weight: 4, arbitrary: fc.uuid().map((u) => `urn:uuid:${u}`) },
  { weight: 4, arbitrary: fc.webUrl({ validSchemes: ['https'] }).filter((u) => /^[!-~]*$/.test(u)) },
  { weight: 1, arbitrary: fc.constantFrom('https://example.com/a', 'did:example:alice', 'urn:x', 'http://example.com/', 'did:key:z6Mk', 'https://example.com/#', 'urn:uuid:rd-1') },
  { weight: 1, arbitrary: fc.constantFrom('ob:Achievement', '_:b0', 'relative/path', 'https://example.com/a b', 'https://example.com/é', 'AchievementSubject', 'xsd:string', 'did:example:a\u2028', '') },
);

/** Strings for literal positions. */
export const textArb = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 24 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom('\uD800', '\uDC00', '\u2028', '\u0000', '"', '\\', 'a', ':', '_', '@', '/', '#'), maxLength: 8 }) },
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: iriArb },
);

const dateArb = fc.oneof(
  { weight: 8, arbitrary: fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().replace(/\.\d{3}Z$/, 'Z')) },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) },
  { weight: 1, arbitrary: fc.constantFrom('2026-09-01T09:00:00+02:00', '2026-09-01', 'not a date', '') },
);

/** Numbers: mostly safe integers (substituted), some whose RDF form depends on the value (kept in the shape). */
export const numberArb = fc.oneof(
  { weight: 10, arbitrary: fc.integer({ min: -1000, max: 100_000 }) },
  { weight: 1, arbitrary: fc.maxSafeInteger() },
  { weight: 1, arbitrary: fc.constantFrom(-0, 0, 1e21, 1e20, 0.1, 0.5, 1.5e-7, 2 ** 53, 2 ** 53 + 2, -(2 ** 60), 5.0, 1e300) },
);

const langMapArb = fc.dictionary(fc.constantFrom('en', 'fr', 'de', 'ja', 'en-GB'), textArb, { minKeys: 1, maxKeys: 3 });

const IRI_KIND = /^(?:https?:\/\/|did:|urn:)[!-~]*$/;
/** Literal strings that keep a cohort's shape (not IRI-like): most of a cohort's values. */
const plainTextArb = textArb.filter((t) => !IRI_KIND.test(t));

/**
 * Mostly cohort credentials (one of five structures, one of them VC 1.1, values that keep the shape: they reach a compiled template),
 * sometimes a wild one (any structure, any value kind: new shapes, guards, refusals).
 */
export function credentialArb(issuer: string) {
  const cohort = fc.record({
    variant: fc.nat(4),
    id: fc.uuid().map((u) => `urn:uuid:${u}`),
    name: plainTextArb,
    subject: fc.integer({ min: 0, max: 10_000_000 }).map((n) => `did:example:learner-${n}`),
    value: plainTextArb,
    narrative: plainTextArb,
    date: dateArb.filter((d) => !IRI_KIND.test(d)),
    credits: fc.integer({ min: 0, max: 300 }),
    lang: plainTextArb,
  }).map((c) => {
    const full = c.variant >= 2;
    const achievement: Record<string, unknown> = {
      id: 'https://uni.example/achievements/data-101',
      type: ['Achievement'],
      achievementType: 'MicroCredential',
      name: c.variant === 3 ? { '@value': c.name, '@language': 'en', '@direction': 'ltr' } : 'Data literacy',
      description: 'Generation, processing and governance of data.',
      criteria: { narrative: c.narrative },
      creditsAvailable: c.credits,
      alignment: [{ type: ['Alignment'], targetName: 'EQF level 6', targetUrl: 'https://europa.eu/europass/en/description-eight-eqf-levels', targetCode: '6', targetType: 'ext:EQF' }],
      resultDescription: [{ id: 'urn:uuid:rd-1', type: ['ResultDescription'], name: 'Grade', resultType: 'LetterGrade', allowedValue: ['A', 'B', 'C'] }],
    };
    if (c.variant === 1) achievement.nameMap = { en: c.name, fr: c.lang };
    if (c.variant === 4) {
      // VC 1.1: issuanceDate, and the Data Integrity context the suite adds to the proof configuration
      return {
        '@context': ['https://www.w3.org/2018/credentials/v1', OB],
        id: c.id,
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        issuer: { id: issuer, type: ['Profile'], name: c.lang },
        issuanceDate: c.date,
        credentialSubject: { type: ['AchievementSubject'], id: c.subject, achievement },
      } as Record<string, unknown>;
    }
    return {
      '@context': c.variant === 1 ? [VC2, OB, CREDSTACK] : [VC2, OB],
      id: c.id,
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: issuer, type: ['Profile'], name: 'Université d’Exemple' },
      name: c.variant === 3 ? 'Data literacy' : c.name,
      validFrom: c.date,
      ...(full ? { awardedDate: c.date, validUntil: '2099-01-01T00:00:00Z' } : {}),
      credentialSubject: { type: ['AchievementSubject'], id: c.subject, result: [{ type: ['Result'], value: c.value, resultDescription: 'urn:uuid:rd-1' }], achievement },
    } as Record<string, unknown>;
  });
  return fc.oneof({ weight: 4, arbitrary: cohort }, { weight: 1, arbitrary: wildCredentialArb(issuer) });
}

/** Any of many structures, any value kinds. */
export function wildCredentialArb(issuer: string) {
  return fc
    .record({
      id: iriArb,
      issuerName: textArb,
      name: textArb,
      validFrom: dateArb,
      awarded: fc.option(dateArb, { freq: 4 }),
      validUntil: fc.option(dateArb, { freq: 8 }),
      subjectId: iriArb,
      resultValue: textArb,
      achievementId: fc.oneof({ weight: 8, arbitrary: fc.constant('https://uni.example/achievements/data-101') }, { weight: 1, arbitrary: iriArb }),
      achievementName: textArb,
      description: textArb,
      narrative: textArb,
      credits: numberArb,
      alignments: fc.array(fc.record({ targetName: textArb, targetUrl: iriArb, targetCode: textArb }), { minLength: 1, maxLength: 2 }),
      allowed: fc.array(textArb, { minLength: 1, maxLength: 3 }),
      nameMap: fc.option(langMapArb, { freq: 6 }),
      valueObject: fc.option(fc.record({ v: textArb, lang: fc.constantFrom('en', 'fr', 'ar'), dir: fc.option(fc.constantFrom('ltr', 'rtl'), { freq: 2 }) }), { freq: 6 }),
      nested: fc.option(fc.record({ id: iriArb, name: textArb }), { freq: 5 }),
      country: fc.option(fc.constantFrom('FR', 'DE', 'fr', ''), { freq: 3 }),
    })
    .map((r) => {
      const achievement: Record<string, unknown> = {
        id: r.achievementId,
        type: ['Achievement'],
        achievementType: 'MicroCredential',
        name: r.valueObject ? { '@value': r.valueObject.v, '@language': r.valueObject.lang, ...(r.valueObject.dir ? { '@direction': r.valueObject.dir } : {}) } : r.achievementName,
        description: r.description,
        criteria: { narrative: r.narrative },
        creditsAvailable: r.credits,
        alignment: r.alignments.map((a) => ({ type: ['Alignment'], targetName: a.targetName, targetUrl: a.targetUrl, targetCode: a.targetCode, targetType: 'ext:EQF' })),
        resultDescription: [{ id: 'urn:uuid:rd-1', type: ['ResultDescription'], name: 'Grade', resultType: 'LetterGrade', allowedValue: r.allowed }],
      };
      if (r.nameMap) achievement.nameMap = r.nameMap;
      if (r.nested) achievement.related = [{ id: r.nested.id, type: ['Related'], name: r.nested.name }];
      const cred: Record<string, unknown> = {
        // credstack's context by URL, or embedded as issuing with extension 'inline' does (half of them, chosen from a
        // value already drawn so the generated sequence is unchanged): both reach compiled shapes
        '@context': r.nameMap ? [VC2, OB, String(r.subjectId).length % 2 === 0 ? credstackInlineContext() : CREDSTACK] : [VC2, OB],
        id: r.id,
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        issuer: { id: issuer, type: ['Profile'], name: r.issuerName, ...(r.country !== null ? { address: { type: ['Address'], addressCountryCode: r.country } } : {}) },
        name: r.name,
        validFrom: r.validFrom,
        credentialSubject: {
          type: ['AchievementSubject'],
          id: r.subjectId,
          result: [{ type: ['Result'], value: r.resultValue, resultDescription: 'urn:uuid:rd-1' }],
          achievement,
        },
      };
      if (r.awarded !== null) cred.awardedDate = r.awarded;
      if (r.validUntil !== null) cred.validUntil = r.validUntil;
      return cred;
    });
}

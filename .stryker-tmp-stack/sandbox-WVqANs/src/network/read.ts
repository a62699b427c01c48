// @ts-nocheck
import { createDocumentLoader } from '../jsonld/loader.js';
import { VC_V2_CONTEXT } from '../jsonld/contexts.js';
import networkContext from '../../schemas/credstack-network-context-v1.json' with { type: 'json' };
import type { NetworkMember, NetworkRegistry, RecognitionAgreement } from './types.js';

/**
 * A problem found while reading a registry (never thrown: the membership check turns it into a failed check).
 * @example `const p: RegistryProblem = { code: 'ERR_REGISTRY_DUPLICATE_MEMBER', message: 'did:web:x.example is listed twice with different data' };`
 */
export interface RegistryProblem {
  code: string;
  message: string;
}

/**
 * What {@link readRegistry} returns: the registry content read through its JSON-LD meaning, its issuer (the
 * coordinator), and problems.
 * @example
 * ```ts
 * const { registry, issuer, problems } = await readRegistry(signedRegistry);
 * ```
 */
export interface RegistryReading {
  registry?: NetworkRegistry;
  issuer?: string;
  validFrom?: string;
  validUntil?: string;
  problems: RegistryProblem[];
}

type Obj = Record<string, any>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const idOf = (v: unknown): string | undefined => (typeof v === 'string' ? v : isObj(v) && typeof v.id === 'string' ? v.id : undefined);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const langMap = (v: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  if (typeof v === 'string') out['@none'] = v;
  else if (isObj(v)) for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  return out;
};

function memberOf(m: Obj): NetworkMember {
  const out: NetworkMember = {
    id: String(m.id), legalName: langMap(m.legalName), country: str(m.country) ?? '', memberFrom: str(m.memberFrom) ?? '',
    membershipStatus: m.membershipStatus === 'suspended' ? 'suspended' : m.membershipStatus === 'active' ? 'active' : (String(m.membershipStatus) as 'active'),
  };
  const dids = list(m.memberDid).map(idOf).filter((x): x is string => !!x);
  if (dids.length) out.memberDid = dids;
  for (const k of ['accreditedBy', 'accreditationUrl', 'memberUntil', 'statusDate', 'statusReason'] as const) {
    const v = k === 'accreditationUrl' ? idOf(m[k]) : str(m[k]);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

function agreementOf(a: Obj): RecognitionAgreement {
  const out = { id: String(a.id), recognizer: idOf(a.recognizer) ?? '', purpose: a.purpose, match: isObj(a.match) ? a.match : {} } as RecognitionAgreement;
  const towards = idOf(a.towards);
  if (towards) out.towards = towards;
  for (const k of ['towardsName', 'agreementFrom', 'agreementUntil'] as const) if (typeof a[k] === 'string') out[k] = a[k];
  if (isObj(a.recognizedCredits)) out.recognizedCredits = a.recognizedCredits as { value: number; unit: string };
  return out;
}

/**
 * Read a network registry credential through its JSON-LD meaning: expanded in safe mode (with its own inline context or
 * the bundled one), then compacted with credstack's fixed network context, so respellings read the same and the checks
 * never read raw keys. Does not verify the signature (the membership check does, through `verifyCredential`).
 * Reports a DID listed twice as `ERR_REGISTRY_DUPLICATE_MEMBER` (conflicting data) and malformed entries as
 * `ERR_REGISTRY_INVALID`; never throws.
 * @example
 * ```ts
 * const { registry, problems } = await readRegistry(signedRegistry);
 * registry?.member.find((m) => m.id === issuerDid)?.legalName.en;
 * ```
 */
export async function readRegistry(credential: unknown): Promise<RegistryReading> {
  const problems: RegistryProblem[] = [];
  if (!isObj(credential)) return { problems: [{ code: 'ERR_REGISTRY_INVALID', message: 'the registry is not a JSON object' }] };
  let view: Obj;
  try {
    const { default: jsonld } = await import('jsonld');
    const documentLoader = createDocumentLoader({});
    const { proof: _p, ...doc } = credential;
    const expanded = await jsonld.expand(doc, { documentLoader, safe: true });
    view = (await jsonld.compact(expanded, { '@context': [VC_V2_CONTEXT, networkContext['@context']] } as any, { documentLoader, safe: true } as any)) as Obj;
  } catch (err) {
    return { problems: [{ code: 'ERR_REGISTRY_INVALID', message: `the registry is not valid JSON-LD: ${(err as Error)?.message ?? 'error'}` }] };
  }
  const types = list(view.type);
  if (!types.includes('NetworkRegistryCredential')) problems.push({ code: 'ERR_REGISTRY_INVALID', message: 'type does not include NetworkRegistryCredential' });
  const subject = list(view.credentialSubject).find(isObj);
  if (!subject || typeof subject.id !== 'string') return { problems: [...problems, { code: 'ERR_REGISTRY_INVALID', message: 'the registry has no credentialSubject naming the network' }] };
  const members = list(subject.member).filter(isObj).map(memberOf);
  const seen = new Map<string, NetworkMember>();
  for (const m of members) {
    if (!m.id || !m.memberFrom || !m.country || !['active', 'suspended'].includes(m.membershipStatus)) {
      problems.push({ code: 'ERR_REGISTRY_INVALID', message: `member ${m.id || '(no id)'} lacks a country, memberFrom or a valid membershipStatus` });
    }
    for (const did of [m.id, ...(m.memberDid ?? [])]) {
      const before = seen.get(did);
      if (before && JSON.stringify(before) !== JSON.stringify(m)) problems.push({ code: 'ERR_REGISTRY_DUPLICATE_MEMBER', message: `${did} is listed twice with different data` });
      else if (before && before !== m) problems.push({ code: 'ERR_REGISTRY_DUPLICATE_MEMBER', message: `${did} is listed twice` });
      seen.set(did, m);
    }
  }
  const prev = isObj(subject.previousVersion) ? subject.previousVersion : undefined;
  const registry: NetworkRegistry = {
    id: subject.id, networkName: langMap(subject.networkName), registryVersion: Number(subject.registryVersion ?? 1),
    member: members, recognitionAgreement: list(subject.recognitionAgreement).filter(isObj).map(agreementOf),
  };
  if (prev && typeof prev.id === 'string') registry.previousVersion = typeof prev.digestMultibase === 'string' ? { id: prev.id, digestMultibase: prev.digestMultibase } : { id: prev.id };
  const out: RegistryReading = { registry, problems };
  const issuer = idOf(view.issuer);
  if (issuer) out.issuer = issuer;
  if (typeof view.validFrom === 'string') out.validFrom = view.validFrom;
  if (typeof view.validUntil === 'string') out.validUntil = view.validUntil;
  return out;
}

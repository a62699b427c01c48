// @ts-nocheck
import { InvalidInputError } from '../errors.js';
import { VC_V2_CONTEXT } from '../jsonld/contexts.js';
import { isDateTimeZ, isPlainObject, isUri } from '../model/util.js';
import { parseStackingRule } from '../stacking/rules.js';
import { digestComponent } from '../stacking/digest.js';
import networkContext from '../../schemas/credstack-network-context-v1.json' with { type: 'json' };
import { NETWORK_CONTEXT, type NetworkMember, type NetworkRegistry, type RecognitionAgreement } from './types.js';

/**
 * Input of {@link createRegistry}.
 * @example
 * ```ts
 * const input: RegistryInput = { coordinator: { id: key.controller, name: 'U-Net Coordinating Office' },
 *   network: { id: 'https://unet.example', name: { en: 'U-Net' } }, members: [dhaka, iitm, vnu] };
 * ```
 */
export interface RegistryInput extends RegistryVersionOptions {
  /** The coordinating body that signs the registry (its id is the signing key's controller). */
  coordinator: { id: string; name: string };
  network: { id: string; name: Record<string, string> };
  members: NetworkMember[];
  agreements?: RecognitionAgreement[];
}

/**
 * What every registry version may set: its dates, id, how its context is carried, and its own status entry.
 * @example `const o: RegistryVersionOptions = { validUntil: '2027-01-01T00:00:00Z', context: 'url' };`
 */
export interface RegistryVersionOptions {
  validFrom?: string;
  validUntil?: string;
  /** Credential id; default a fresh `urn:uuid:`. */
  id?: string;
  /** `inline` (default): the registry context is embedded, so any JSON-LD verifier can check the registry with no
   * fetch; `url`: refer to `https://w3id.org/credstack/network/v1` (bundled in credstack). */
  context?: 'inline' | 'url';
  /** A `credentialStatus` entry so the coordinator can revoke this registry version. */
  credentialStatus?: Record<string, unknown>;
}

const fail = (path: string, message: string): never => {
  throw new InvalidInputError(`${path}: ${message}`, { code: 'ERR_REGISTRY_INPUT', details: { path } });
};

function checkMember(m: unknown, i: number): NetworkMember {
  const p = `members[${i}]`;
  if (!isPlainObject(m)) fail(p, 'expected a NetworkMember object');
  const member = m as unknown as NetworkMember;
  if (!isUri(member.id)) fail(`${p}.id`, 'expected the member DID (a URI)');
  if (!isPlainObject(member.legalName) || !Object.values(member.legalName).some((v) => typeof v === 'string' && v.trim())) fail(`${p}.legalName`, 'expected a language map with at least one name');
  if (typeof member.country !== 'string' || !/^[A-Z]{2}$/.test(member.country)) fail(`${p}.country`, 'expected an ISO 3166-1 alpha-2 code such as BD, IN, VN, DE');
  if (!isDateTimeZ(member.memberFrom)) fail(`${p}.memberFrom`, 'expected a date-time with time zone, e.g. 2025-01-01T00:00:00Z');
  if (member.memberUntil !== undefined && !isDateTimeZ(member.memberUntil)) fail(`${p}.memberUntil`, 'expected a date-time with time zone');
  if (member.membershipStatus !== 'active' && member.membershipStatus !== 'suspended') fail(`${p}.membershipStatus`, "expected 'active' or 'suspended'");
  if (member.memberDid !== undefined && (!Array.isArray(member.memberDid) || !member.memberDid.every(isUri))) fail(`${p}.memberDid`, 'expected an array of DIDs');
  return member;
}

function checkAgreement(a: unknown, i: number, memberIds: Set<string>): RecognitionAgreement {
  const p = `agreements[${i}]`;
  if (!isPlainObject(a)) fail(p, 'expected a RecognitionAgreement object');
  const ag = a as unknown as RecognitionAgreement;
  if (!isUri(ag.id)) fail(`${p}.id`, 'expected a URI');
  if (!memberIds.has(ag.recognizer)) fail(`${p}.recognizer`, `${String(ag.recognizer)} is not a member of the network`);
  if (!['access', 'credit', 'exemption'].includes(ag.purpose)) fail(`${p}.purpose`, "expected 'access', 'credit' or 'exemption'");
  // the match is the stacking-rule model's CredentialMatch: validate it through the rule parser
  try {
    parseStackingRule({ id: `${ag.id}#match`, name: 'recognition', condition: { kind: 'has', match: ag.match } });
  } catch (cause) {
    fail(`${p}.match`, `not a valid credential match: ${(cause as Error).message}`);
  }
  for (const issuer of ag.match?.issuers ?? []) if (!memberIds.has(issuer)) fail(`${p}.match.issuers`, `${issuer} is not a member of the network`);
  if (ag.recognizedCredits !== undefined && !(isPlainObject(ag.recognizedCredits) && typeof ag.recognizedCredits.value === 'number' && ag.recognizedCredits.value > 0 && typeof ag.recognizedCredits.unit === 'string')) {
    fail(`${p}.recognizedCredits`, 'expected { value: number > 0, unit }');
  }
  if (ag.towards !== undefined && !isUri(ag.towards)) fail(`${p}.towards`, 'expected a URI');
  for (const k of ['agreementFrom', 'agreementUntil'] as const) if (ag[k] !== undefined && !isDateTimeZ(ag[k])) fail(`${p}.${k}`, 'expected a date-time with time zone');
  return ag;
}

/** @internal Build the registry subject after checking members and agreements. */
export function registrySubject(input: { network: RegistryInput['network']; members: NetworkMember[]; agreements?: RecognitionAgreement[]; version: number; previous?: NetworkRegistry['previousVersion'] }): Record<string, unknown> {
  if (!isPlainObject(input.network) || !isUri(input.network.id)) fail('network.id', 'expected the network id (a URL)');
  if (!isPlainObject(input.network.name) || !Object.keys(input.network.name).length) fail('network.name', 'expected a language map');
  if (!Array.isArray(input.members) || !input.members.length) fail('members', 'expected at least one member');
  const members = input.members.map(checkMember);
  const seen = new Map<string, number>();
  members.forEach((m, i) => {
    for (const did of [m.id, ...(m.memberDid ?? [])]) {
      if (seen.has(did)) fail(`members[${i}]`, `${did} is listed twice (members[${seen.get(did)}] and members[${i}])`);
      seen.set(did, i);
    }
  });
  const ids = new Set(members.map((m) => m.id));
  const agreements = (input.agreements ?? []).map((a, i) => checkAgreement(a, i, ids));
  const subject: Record<string, unknown> = {
    id: input.network.id, type: 'MicrocredentialNetwork', networkName: input.network.name, registryVersion: input.version,
    member: members.map((m) => ({ type: 'NetworkMember', ...m })),
  };
  if (agreements.length) subject.recognitionAgreement = agreements.map((a) => ({ type: 'RecognitionAgreement', ...a }));
  if (input.previous) subject.previousVersion = input.previous;
  return subject;
}

function withVersionOptions(cred: Record<string, unknown>, o: RegistryVersionOptions): Record<string, unknown> {
  if (o.validFrom !== undefined) cred.validFrom = o.validFrom;
  if (o.validUntil !== undefined) cred.validUntil = o.validUntil;
  if (o.credentialStatus !== undefined) cred.credentialStatus = o.credentialStatus;
  return cred;
}

function contextFor(mode: RegistryInput['context']): unknown[] {
  if (mode !== undefined && mode !== 'inline' && mode !== 'url') fail('context', "expected 'inline' or 'url'");
  return [VC_V2_CONTEXT, mode === 'url' ? NETWORK_CONTEXT : structuredClone(networkContext['@context'])];
}

/**
 * Create an (unsigned) network registry credential: the member institutions (DIDs, multilingual legal names,
 * country, accreditation, membership dates and status) and the recognition agreements between them. Sign it with
 * `issueCredential(registry, { key: coordinatorKey, skipSchema: true })`. Refuses bad input with an
 * {@link InvalidInputError} `ERR_REGISTRY_INPUT` naming the path (a DID listed twice, an agreement naming a non-member…).
 * @example
 * ```ts
 * const registry = createRegistry({ coordinator: { id: key.controller, name: 'Coordinator' },
 *   network: { id: 'https://unet.example', name: { en: 'U-Net' } }, members, agreements });
 * const signed = await issueCredential(registry, { key, skipSchema: true });
 * ```
 */
export function createRegistry(input: RegistryInput): Record<string, unknown> {
  if (!isPlainObject(input)) fail('registry', 'expected { coordinator, network, members, agreements? }');
  if (!isPlainObject(input.coordinator) || !isUri(input.coordinator.id)) fail('coordinator.id', 'expected the coordinator DID');
  const cred: Record<string, unknown> = {
    '@context': contextFor(input.context),
    id: input.id ?? `urn:uuid:${globalThis.crypto.randomUUID()}`,
    type: ['VerifiableCredential', 'NetworkRegistryCredential'],
    issuer: { id: input.coordinator.id, name: input.coordinator.name },
    name: `${Object.values(input.network.name ?? {})[0] ?? 'Network'} member registry`,
    credentialSubject: registrySubject({ network: input.network, members: input.members, agreements: input.agreements, version: 1 }),
  };
  return withVersionOptions(cred, input);
}

/**
 * Changes for {@link updateRegistry}.
 * @example `const c: RegistryChanges = { addMembers: [newMember], suspend: [{ id: 'did:web:x.example', reason: 'accreditation lapsed', date }] };`
 */
export interface RegistryChanges extends RegistryVersionOptions {
  addMembers?: NetworkMember[];
  removeMembers?: string[];
  suspend?: { id: string; reason: string; date: string }[];
  reinstate?: { id: string; date: string }[];
  /** Replace the agreements (default: keep them). */
  agreements?: RecognitionAgreement[];
}

/**
 * The next version of a registry: applies the changes and references the previous version by id and digest
 * (`previousVersion.digestMultibase`, over its canonical N-Quads), so the history cannot be rewritten. Takes the
 * previous *signed* registry; returns the new one unsigned.
 * @example
 * ```ts
 * const v2 = await updateRegistry(signedV1, { suspend: [{ id: 'did:web:x.example', reason: 'under review', date: '2026-03-01T00:00:00Z' }] });
 * const signedV2 = await issueCredential(v2, { key, skipSchema: true });
 * ```
 */
export async function updateRegistry(previous: Record<string, any>, changes: RegistryChanges): Promise<Record<string, unknown>> {
  const { readRegistry } = await import('./read.js');
  const prev = await readRegistry(previous);
  if (!prev.registry) fail('previous', `not a readable registry: ${prev.problems.map((p) => p.message).join('; ')}`);
  const reg = prev.registry!;
  let members = reg.member.map((m) => ({ ...m }));
  for (const id of changes.removeMembers ?? []) {
    if (!members.some((m) => m.id === id)) fail('removeMembers', `${id} is not a member`);
    members = members.filter((m) => m.id !== id);
  }
  for (const s of changes.suspend ?? []) {
    const m = members.find((x) => x.id === s.id) ?? fail('suspend', `${s.id} is not a member`);
    Object.assign(m, { membershipStatus: 'suspended', statusDate: s.date, statusReason: s.reason });
  }
  for (const s of changes.reinstate ?? []) {
    const m = members.find((x) => x.id === s.id) ?? fail('reinstate', `${s.id} is not a member`);
    m.membershipStatus = 'active';
    m.statusDate = s.date;
    delete m.statusReason;
  }
  members.push(...(changes.addMembers ?? []));
  const cred: Record<string, unknown> = {
    '@context': contextFor(changes.context),
    id: changes.id ?? `urn:uuid:${globalThis.crypto.randomUUID()}`,
    type: ['VerifiableCredential', 'NetworkRegistryCredential'],
    issuer: previous.issuer,
    name: previous.name,
    credentialSubject: registrySubject({
      network: { id: reg.id, name: reg.networkName }, members, agreements: changes.agreements ?? reg.recognitionAgreement,
      version: reg.registryVersion + 1,
      previous: { id: String(previous.id), digestMultibase: await digestComponent(previous) },
    }),
  };
  return withVersionOptions(cred, changes);
}

// @ts-nocheck
import { createRegistry, updateRegistry, type RegistryChanges } from '../../network/create.js';
import { fromDccRegistry, toDccRegistry } from '../../network/dcc.js';
import { readRegistry } from '../../network/read.js';
import type { NetworkMember, RecognitionAgreement } from '../../network/types.js';
import { issueCredential } from '../../issue.js';
import { verifyCredential } from '../../verify/verify.js';
import { CliError, EXIT, emitJson, loadKey, parseNow, println, readJson, type Command } from '../util.js';

const SUB = ['create', 'update', 'show', 'verify', 'export-dcc', 'import-dcc'] as const;

function libError(err: unknown, hint: string): never {
  throw new CliError((err as Error)?.message ?? String(err), { hint, cause: err });
}

/** `credstack network`: signed member registries and recognition agreements of a university network. */
export const network: Command = {
  name: 'network',
  summary: 'create, update, show and verify a signed network member registry (members, recognition agreements)',
  usage: [
    'credstack network create --key COORDINATOR.key.json --id URL --name NAME --members MEMBERS.json [--agreements AGREEMENTS.json] [--valid-until DATE] --out REGISTRY.json',
    'credstack network update REGISTRY.json --key COORDINATOR.key.json [--add-members F] [--remove DID] [--suspend DID --reason TEXT] [--reinstate DID] --out NEW.json',
    'credstack network show REGISTRY.json',
    'credstack network verify REGISTRY.json --coordinator DID',
    'credstack network export-dcc REGISTRY.json [--out registry.json]',
    'credstack network import-dcc DCC.json --country CC --member-from DATE [--out MEMBERS.json]',
  ],
  description:
    'MEMBERS.json is an array of { id (DID), legalName { en, bn, … }, country, accreditedBy?, memberFrom, memberUntil?, membershipStatus }.\n' +
    'AGREEMENTS.json is an array of { id, recognizer (member DID), purpose: access|credit|exemption, towards?, towardsName?, match, recognizedCredits? }\n' +
    'where match is a stacking-rule credential match ({ issuers, achievementTypes, minLevel, … }). Verifiers then use\n' +
    'credstack verify BADGE --registry REGISTRY.json --coordinator DID.',
  options: {
    key: { type: 'string' }, id: { type: 'string' }, name: { type: 'string' }, members: { type: 'string' }, agreements: { type: 'string' },
    'add-members': { type: 'string' }, remove: { type: 'string', multiple: true }, suspend: { type: 'string', multiple: true },
    reinstate: { type: 'string', multiple: true }, reason: { type: 'string' }, coordinator: { type: 'string' }, country: { type: 'string' },
    'member-from': { type: 'string' }, 'valid-until': { type: 'string' }, now: { type: 'string' }, out: { type: 'string', short: 'o' }, force: { type: 'boolean' },
  },
  optionHelp: [
    '    --key FILE           the coordinator\'s key (signs the registry)',
    '    --id URL, --name N   the network\'s id and name (create)',
    '    --members FILE       the members (create); --add-members FILE (update)',
    '    --agreements FILE    recognition agreements (create, update)',
    '    --suspend DID --reason TEXT, --reinstate DID, --remove DID   (update; repeatable)',
    '    --coordinator DID    the coordinator you trust (verify)',
    '    --country CC --member-from DATE   defaults for members imported from a DCC registry',
    '-o, --out FILE          where to write',
  ],
  examples: ['credstack network create --key coord.key.json --id https://unet.example --name "U-Net" --members members.json --out registry.json'],
  async run(v, positionals, io) {
    const [sub, file, extra] = positionals;
    if (!sub || !(SUB as readonly string[]).includes(sub)) throw new CliError(`expected one of: ${SUB.join(', ')}`, { hint: 'credstack network --help' });
    if (extra) throw new CliError(`unexpected argument ${extra}`);
    const now = parseNow(v.now) ?? new Date();
    const stamp = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
    if (sub === 'create') {
      if (!v.id || !v.name || !v.members) throw new CliError('network create needs --id, --name and --members', { hint: 'credstack network --help' });
      const key = await loadKey(v.key);
      const members = (await readJson(v.members, 'members file')) as NetworkMember[];
      const agreements = v.agreements ? ((await readJson(v.agreements, 'agreements file')) as RecognitionAgreement[]) : undefined;
      let unsigned;
      try {
        unsigned = createRegistry({ coordinator: { id: key.controller, name: v.name }, network: { id: v.id, name: { en: v.name } }, members, agreements, validFrom: stamp, ...(v['valid-until'] ? { validUntil: v['valid-until'] } : {}) });
      } catch (err) {
        libError(err, 'fix the members / agreements file (see credstack network --help)');
      }
      await emitJson(io, await issueCredential(unsigned, { key, now, skipSchema: true }), v.out, !!v.force);
      return EXIT.OK;
    }
    if (!file) throw new CliError(`network ${sub} needs a registry file`, { hint: 'credstack network --help' });
    const doc = await readJson(file, sub === 'import-dcc' ? 'DCC registry' : 'network registry');
    if (sub === 'import-dcc') {
      if (!v.country || !v['member-from']) throw new CliError('import-dcc needs --country and --member-from (the DCC format has neither)');
      try {
        await emitJson(io, fromDccRegistry(doc, { country: v.country, memberFrom: v['member-from'] }), v.out, !!v.force);
      } catch (err) {
        libError(err, 'pass a DCC registry JSON ({ registry: { "<did>": { name } } })');
      }
      return EXIT.OK;
    }
    if (sub === 'update') {
      const key = await loadKey(v.key);
      const changes: RegistryChanges = { validFrom: stamp };
      if (v['add-members']) changes.addMembers = (await readJson(v['add-members'], 'members file')) as NetworkMember[];
      if (v.agreements) changes.agreements = (await readJson(v.agreements, 'agreements file')) as RecognitionAgreement[];
      if (v.remove) changes.removeMembers = v.remove;
      if (v.suspend) {
        if (!v.reason) throw new CliError('--suspend needs --reason', { hint: 'credstack network update reg.json --suspend did:web:x.example --reason "accreditation lapsed"' });
        changes.suspend = (v.suspend as string[]).map((id) => ({ id, reason: v.reason, date: stamp }));
      }
      if (v.reinstate) changes.reinstate = (v.reinstate as string[]).map((id) => ({ id, date: stamp }));
      if (v['valid-until']) changes.validUntil = v['valid-until'];
      let unsigned;
      try {
        unsigned = await updateRegistry(doc, changes);
      } catch (err) {
        libError(err, 'check the DIDs you name are members');
      }
      await emitJson(io, await issueCredential(unsigned, { key, now, skipSchema: true }), v.out, !!v.force);
      return EXIT.OK;
    }
    const reading = await readRegistry(doc);
    if (!reading.registry) {
      for (const p of reading.problems) println(io.stdout, `PROBLEM ${p.code}: ${p.message}`);
      return EXIT.FAILED;
    }
    const r = reading.registry;
    if (sub === 'export-dcc') {
      await emitJson(io, toDccRegistry(r, { now }), v.out, !!v.force);
      return EXIT.OK;
    }
    if (sub === 'verify') {
      if (!v.coordinator) throw new CliError('network verify needs --coordinator DID (the key you trust to sign the registry)');
      const report = await verifyCredential(doc, { now });
      const signer = reading.issuer === v.coordinator;
      const ok = report.verified && signer && reading.problems.length === 0;
      println(io.stdout, `${ok ? 'ok  ' : 'FAIL'} ${r.networkName.en ?? Object.values(r.networkName)[0]} registry v${r.registryVersion}, ${r.member.length} members`);
      if (!signer) println(io.stdout, `  ERR_REGISTRY_WRONG_SIGNER: signed by ${reading.issuer}, not ${v.coordinator}`);
      for (const c of report.checks.filter((x) => x.status === 'failed')) println(io.stdout, `  ${c.code ?? c.id}: ${c.message}`);
      for (const p of reading.problems) println(io.stdout, `  ${p.code}: ${p.message}`);
      return ok ? EXIT.OK : EXIT.FAILED;
    }
    println(io.stdout, `${r.networkName.en ?? Object.values(r.networkName)[0]} — registry v${r.registryVersion}, signed by ${reading.issuer}`);
    for (const m of r.member) println(io.stdout, `  ${m.membershipStatus === 'active' ? 'member   ' : 'SUSPENDED'} ${m.legalName.en ?? Object.values(m.legalName)[0]} (${m.country}) ${m.id} since ${m.memberFrom.slice(0, 10)}${m.accreditedBy ? `, accredited by ${m.accreditedBy}` : ''}${m.statusReason ? ` — ${m.statusReason}` : ''}`);
    for (const a of r.recognitionAgreement) println(io.stdout, `  agreement ${a.id}: ${a.recognizer} recognises for ${a.purpose}${a.towardsName ? ` towards ${a.towardsName}` : ''}`);
    for (const p of reading.problems) println(io.stdout, `  PROBLEM ${p.code}: ${p.message}`);
    return reading.problems.length ? EXIT.FAILED : EXIT.OK;
  },
};

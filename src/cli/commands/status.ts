import { existsSync } from 'node:fs';
import { assertExists, CliError, EXIT, emitJson, loadKey, parseNow, println, readJson, type Command, type Io } from '../util.js';

const ACTIONS = ['create', 'revoke', 'suspend', 'reinstate', 'show', 'sign'] as const;

/** Indexes from the arguments: numbers, or credential files whose credentialStatus points into this list. */
async function indexesFrom(args: string[], listId: string): Promise<number[]> {
  const out: number[] = [];
  for (const a of args) {
    if (/^\d+$/.test(a)) {
      out.push(Number(a));
      continue;
    }
    const cred = await readJson(a, 'credential', 'give a status list index (a number) or a credential file');
    const entries = [cred?.credentialStatus].flat().filter((e: any) => e && typeof e === 'object');
    const mine = entries.filter((e: any) => e.statusListCredential === listId);
    if (!mine.length) {
      throw new CliError(`${a} has no credentialStatus entry in list ${listId}`, {
        hint: entries.length ? `its entries point to ${entries.map((e: any) => e.statusListCredential).join(', ')}` : 'it was issued without --status-list',
      });
    }
    for (const e of mine) out.push(Number(e.statusListIndex));
  }
  return out;
}

function show(io: Io, state: { id: string; issuer: string; purpose: string; length: number; allocation: { next: number } }, extra = ''): void {
  println(io.stdout, `${state.purpose} list ${state.id}: ${state.allocation.next} of ${state.length} entries allocated, issuer ${state.issuer}${extra}`);
}

/** `credstack status`: Bitstring Status Lists — create, revoke, suspend, reinstate, show, sign for publishing. */
export const status: Command = {
  name: 'status',
  summary: 'status lists: create, revoke, suspend, reinstate, show, sign (W3C Bitstring Status List)',
  usage: [
    'credstack status create STATE.json --id URL --key FILE [--purpose revocation|suspension] [--length N]',
    'credstack status revoke|suspend|reinstate STATE.json INDEX|CREDENTIAL.json ... [--force]',
    'credstack status show STATE.json [INDEX ...]',
    'credstack status sign STATE.json --key FILE --out LIST-CREDENTIAL.json [--valid-until DATE]',
  ],
  description:
    'STATE.json is the private working copy of a list (kept by the issuer, locked while changed). Issue with\n' +
    '"credstack issue --status-list STATE.json" to give each credential an entry; after changes run "status sign" and\n' +
    'publish the signed list at its URL (--id). Verifiers load it offline with "credstack verify --document LIST.json".\n' +
    'Revocation is permanent; reinstate works on suspension lists (--force undoes a mistaken revocation).',
  options: {
    id: { type: 'string' },
    key: { type: 'string', short: 'k' },
    purpose: { type: 'string' },
    length: { type: 'string' },
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean', short: 'f' },
    now: { type: 'string' },
    'valid-until': { type: 'string' },
    json: { type: 'boolean' },
  },
  optionHelp: [
    '    --id URL            (create) where the signed list will be published',
    '-k, --key FILE          (create, sign) issuer key: the list is signed by the issuer of the credentials',
    '    --purpose P         (create) revocation (default) or suspension',
    '    --length N          (create) entries, at least 131072 (default)',
    '-o, --out FILE          (sign) the signed status list credential',
    '    --valid-until DATE  (sign) when verifiers should fetch a fresh copy',
    '-f, --force            (reinstate) undo a revocation; (create, sign) overwrite',
    '    --json              (show) print the entries as JSON',
  ],
  examples: [
    'credstack status create status-1.json --id https://uni.example/status/1 --key issuer.key.json',
    'credstack status revoke status-1.json out/S0042.json && credstack status sign status-1.json --key issuer.key.json --out public/status/1',
  ],
  async run(v, positionals, io) {
    const { getStatus } = await import('../../status/get-status.js');
    const { FileStatusListStore } = await import('../../status/file-store.js');
    const [action, file, ...rest] = positionals;
    if (!action || !(ACTIONS as readonly string[]).includes(action)) {
      throw new CliError(action ? `unknown status action "${action}"` : 'a status action is required', { hint: `one of: ${ACTIONS.join(', ')} (see credstack status --help)` });
    }
    if (!file) throw new CliError(`credstack status ${action} needs the status list STATE.json file`, { hint: 'see credstack status --help' });
    if (action === 'create') {
      if (!v.id) throw new CliError('--id URL is required', { hint: 'the URL where the signed list will be published, e.g. https://uni.example/status/1' });
      const key = await loadKey(v.key, false);
      const purpose = v.purpose ?? 'revocation';
      if (purpose !== 'revocation' && purpose !== 'suspension') throw new CliError(`--purpose ${purpose}: use revocation or suspension`);
      if (!v.force && existsSync(file)) {
        throw new CliError(`${file} already exists`, { hint: 'pass --force to replace it (credentials pointing into the old list lose their status)' });
      }
      const length = v.length === undefined ? undefined : Number(v.length);
      const store = await FileStatusListStore.create(file, { id: v.id, issuer: key.controller, purpose, ...(length !== undefined ? { length } : {}) });
      show(io, await store.read(), ` → ${file}`);
      return EXIT.OK;
    }
    await assertExists(file, 'status list');
    const store = new FileStatusListStore(file);
    if (action === 'show') {
      const state = await store.read();
      const idx = rest.map((r) => {
        if (!/^\d+$/.test(r)) throw new CliError(`${r} is not an index`);
        return Number(r);
      });
      if (v.json) {
        await emitJson(io, { id: state.id, purpose: state.purpose, length: state.length, allocated: state.allocation.next, entries: idx.map((i) => ({ index: i, set: getStatus(state, i) })) });
      } else {
        show(io, state);
        for (const i of idx) println(io.stdout, `  ${i}: ${getStatus(state, i) ? (state.purpose === 'revocation' ? 'REVOKED' : 'SUSPENDED') : 'valid'}`);
      }
      return EXIT.OK;
    }
    if (action === 'sign') {
      if (!v.out) throw new CliError('--out FILE is required', { hint: 'publish that file at the list URL' });
      const key = await loadKey(v.key);
      const now = parseNow(v.now);
      const signed = await store.sign({ key, ...(now ? { now } : {}), ...(v['valid-until'] ? { validUntil: v['valid-until'] } : {}) });
      await emitJson(io, signed, v.out, true);
      println(io.stdout, `signed ${signed.id} → ${v.out} (publish it at ${signed.id})`);
      return EXIT.OK;
    }
    if (!rest.length) throw new CliError(`credstack status ${action} needs indexes or credential files`, { hint: `credstack status ${action} ${file} 42 or ${file} badge.json` });
    const state = await store.read();
    const indexes = await indexesFrom(rest, state.id);
    const opts = v.force ? { force: true } : undefined;
    const next = action === 'revoke' ? await store.revoke(indexes, opts) : action === 'suspend' ? await store.suspend(indexes, opts) : await store.reinstate(indexes, opts);
    println(io.stdout, `${action === 'revoke' ? 'revoked' : action === 'suspend' ? 'suspended' : 'reinstated'} ${indexes.join(', ')} in ${next.id}`);
    println(io.stderr, `hint: run credstack status sign ${file} --key KEY --out FILE and publish it so verifiers see the change`);
    return EXIT.OK;
  },
};

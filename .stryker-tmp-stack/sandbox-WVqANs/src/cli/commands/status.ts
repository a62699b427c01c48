// @ts-nocheck
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { matchesLearner } from '../../model/learner.js';
import { assertExists, CliError, EXIT, emitJson, isDirectory, jsonLines, loadKey, parseNow, println, readJson, readText, type Command, type Io } from '../util.js';

const ACTIONS = ['create', 'revoke', 'suspend', 'reinstate', 'show', 'sign'] as const;

/** A credential of a cohort output, for looking up what to revoke. */
interface CohortRecord {
  source: string;
  key?: string;
  credential: Record<string, any>;
}

/** Every credential of the `--cohort` outputs (JSONL files written by credstack issue, or folders of .json files). */
async function loadCohort(paths: string[] | undefined): Promise<CohortRecord[]> {
  const out: CohortRecord[] = [];
  for (const p of paths ?? []) {
    await assertExists(p, 'cohort');
    if (await isDirectory(p)) {
      for (const name of (await readdir(p)).sort()) {
        if (extname(name) !== '.json' || name.startsWith('.')) continue;
        const c = await readJson(join(p, name), 'credential');
        if (c && typeof c === 'object') out.push({ source: join(p, name), key: basename(name, '.json'), credential: c });
      }
      continue;
    }
    const text = await readText(p, 'cohort');
    for (const { line, record: rec } of jsonLines(text, p, 'fix or remove that line')) {
      const cred = rec && typeof rec === 'object' && rec.credential && typeof rec.credential === 'object' ? rec.credential : rec;
      if (cred && typeof cred === 'object') out.push({ source: `${p}:${line}`, ...(typeof rec.key === 'string' ? { key: rec.key } : {}), credential: cred });
    }
  }
  return out;
}

/** One thing to change: the index, and what the user called it. */
interface Target {
  index: number;
  label: string;
}

function entriesIn(cred: any, listId: string): any[] {
  return [cred?.credentialStatus].flat().filter((e: any) => e && typeof e === 'object' && e.statusListCredential === listId);
}

/**
 * Indexes from the arguments: numbers; credential files whose credentialStatus points into this list; a cohort line
 * (cohort.jsonl:42); or, looked up in the --cohort outputs, a row key (student id), a credential id, an email or a
 * student id (hashed identifiers are matched with each credential's salt).
 */
async function targetsFrom(args: string[], listId: string, cohortPaths: string[] | undefined): Promise<Target[]> {
  const out: Target[] = [];
  let cohort: CohortRecord[] | undefined;
  const fromCredential = (cred: any, label: string): void => {
    const mine = entriesIn(cred, listId);
    if (!mine.length) {
      const entries = [cred?.credentialStatus].flat().filter((e: any) => e && typeof e === 'object');
      throw new CliError(`${label} has no credentialStatus entry in list ${listId}`, {
        hint: entries.length ? `its entries point to ${entries.map((e: any) => (typeof e.statusListCredential === 'string' ? e.statusListCredential : '?')).join(', ')}` : 'it was issued without --status-list',
      });
    }
    for (const e of mine) out.push({ index: Number(e.statusListIndex), label });
  };
  for (const a of args) {
    if (/^\d+$/.test(a)) {
      out.push({ index: Number(a), label: `index ${a}` });
      continue;
    }
    const line = /^(.+\.jsonl):(\d+)$/.exec(a);
    if (line && existsSync(line[1]!)) {
      const recs = await loadCohort([line[1]!]);
      const rec = recs.find((r) => r.source === a);
      if (!rec) throw new CliError(`${a}: no credential on that line`);
      fromCredential(rec.credential, `${a}${rec.key ? ` (${rec.key})` : ''}`);
      continue;
    }
    if (existsSync(a) && !(await isDirectory(a))) {
      fromCredential(await readJson(a, 'credential', 'give a status list index (a number) or a credential file'), a);
      continue;
    }
    if (!cohortPaths?.length) {
      throw new CliError(`${a} is neither an index, a file nor a cohort line`, { hint: 'to revoke by student id, email or credential id, say where the cohort is: --cohort cohort.jsonl (or the --out folder of credstack issue)' });
    }
    cohort ??= await loadCohort(cohortPaths);
    const hits = cohort.filter((r) => r.key === a || r.credential.id === a || matchesLearner(r.credential.credentialSubject, a));
    if (!hits.length) throw new CliError(`${a}: no credential in ${cohortPaths.join(', ')} has this row key, credential id, email or student id`);
    for (const h of hits) fromCredential(h.credential, `${a} (${h.source})`);
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
    'credstack status revoke|suspend|reinstate STATE.json INDEX|CREDENTIAL.json|COHORT.jsonl:LINE ... [--force]',
    'credstack status revoke|suspend|reinstate STATE.json STUDENT_ID|EMAIL|CREDENTIAL_ID ... --cohort COHORT.jsonl|DIR',
    'credstack status show STATE.json [INDEX ...] [--cohort COHORT.jsonl|DIR]   (no INDEX: every revoked / suspended entry)',
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
    cohort: { type: 'string', multiple: true },
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
    '    --cohort PATH       the cohort (credstack issue --out: a .jsonl or a folder), to name credentials by',
    '                        student id, email, row key or credential id, and to show whose entries are set',
  ],
  examples: [
    'credstack status create status-1.json --id https://uni.example/status/1 --key issuer.key.json',
    'credstack status revoke status-1.json S0042 --cohort cohort.jsonl && credstack status sign status-1.json --key issuer.key.json --out public/status/1',
    'credstack status show status-1.json --cohort cohort.jsonl',
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
      const { decodeBitstring } = await import('../../status/decode.js');
      const { getBit } = await import('../../status/bits.js');
      const state = await store.read();
      const word = state.purpose === 'revocation' ? 'REVOKED' : 'SUSPENDED';
      const bits = decodeBitstring(state.encodedList);
      const set: number[] = [];
      for (let i = 0; i < state.length; i++) if (getBit(bits, i)) set.push(i);
      // who each set entry belongs to, when the cohort is given
      const owners = new Map<number, string>();
      for (const r of await loadCohort(v.cohort)) for (const e of entriesIn(r.credential, state.id)) owners.set(Number(e.statusListIndex), `${r.key ?? r.credential.id ?? ''} ${r.source}`.trim());
      const idx = rest.length
        ? rest.map((r) => {
          if (!/^\d+$/.test(r)) throw new CliError(`${r} is not an index`);
          return Number(r);
        })
        : set;
      if (v.json) {
        await emitJson(io, { id: state.id, purpose: state.purpose, length: state.length, allocated: state.allocation.next, set: set.length, entries: idx.map((i) => ({ index: i, set: getBit(bits, i), ...(owners.has(i) ? { credential: owners.get(i) } : {}) })) });
      } else {
        show(io, state, `; ${set.length} ${word.toLowerCase()}`);
        for (const i of idx) println(io.stdout, `  ${String(i).padStart(6)}  ${getBit(bits, i) ? word : 'valid'}${owners.has(i) ? `  ${owners.get(i)}` : ''}`);
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
    const targets = await targetsFrom(rest, state.id, v.cohort);
    const already = action === 'reinstate' ? targets.filter((t) => !getStatus(state, t.index)) : targets.filter((t) => getStatus(state, t.index));
    const todo = targets.filter((t) => !already.includes(t));
    const stateWord = state.purpose === 'revocation' ? 'revoked' : 'suspended';
    for (const t of already) println(io.stdout, `${t.label} (index ${t.index}): ${action === 'reinstate' ? `not ${stateWord}, nothing to reinstate` : `already ${stateWord}`}`);
    if (!todo.length) return EXIT.OK;
    const indexes = todo.map((t) => t.index);
    const opts = v.force ? { force: true } : undefined;
    const next = action === 'revoke' ? await store.revoke(indexes, opts) : action === 'suspend' ? await store.suspend(indexes, opts) : await store.reinstate(indexes, opts);
    const verb = action === 'revoke' ? 'revoked' : action === 'suspend' ? 'suspended' : 'reinstated';
    for (const t of todo) println(io.stdout, `${verb} ${t.label} (index ${t.index}) in ${next.id}`);
    println(io.stderr, `hint: run credstack status sign ${file} --key KEY --out FILE and publish it so verifiers see the change`);
    return EXIT.OK;
  },
};

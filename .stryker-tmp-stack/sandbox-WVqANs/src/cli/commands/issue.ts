// @ts-nocheck
import { createReadStream } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { RowError } from '../../batch/cohort.js';

/** Lines in a file minus the header: a cheap upper bound of the roster size, to decide whether workers pay off. */
async function countDataLines(path: string): Promise<number> {
  let n = 0;
  for await (const chunk of createReadStream(path)) for (const b of chunk as Buffer) if (b === 10) n++;
  return Math.max(0, n - 1);
}
import { resolve } from 'node:path';
import { InvalidInputError } from '../../errors.js';
import type { CohortTemplate } from '../../batch/template.js';
import type { Profile } from '../../model/types.js';
import { checkRunManifest, openFailedRows, openManifest, sideFiles } from '../registrar.js';
import { cliWording } from '../wording.js';
import { CliError, EXIT, assertExists, createProgress, emitJson, loadKey, parseNow, parsePositiveInt, println, readJson, type Command, type Io } from '../util.js';

/** `--dry-run`: every row filled in (no signing, nothing written), what would be issued and what would fail. */
async function dryRun(io: Io, o: { roster: string; template: CohortTemplate; issuer: Profile; now?: Date | undefined; salt?: string; delimiter?: string; keyColumn?: string; statusList?: string }): Promise<number> {
  const { openRoster } = await import('../../batch/roster.js');
  const { fillTemplate, mapColumns } = await import('../../batch/template.js');
  const { columns, rows } = await openRoster(o.roster, { ...(o.delimiter !== undefined ? { delimiter: o.delimiter } : {}) });
  const roles = mapColumns(columns);
  if (o.keyColumn !== undefined && !columns.includes(o.keyColumn)) throw new CliError(`--key-column ${o.keyColumn} is not in the roster (columns: ${columns.join(', ')})`);
  const keyColumn = o.keyColumn ?? roles.studentId ?? roles.id ?? roles.did ?? roles.email ?? roles.credentialId;
  const seen = new Map<string, number>();
  let ok = 0;
  let bad = 0;
  for await (const row of rows) {
    const key = keyColumn ? row.values[keyColumn] ?? '' : `line ${row.line}`;
    let problem: string | undefined;
    let what = '';
    if (row.error) problem = `${row.error.message} [${row.error.code}]`;
    else if (keyColumn && key === '') problem = `the key column ${keyColumn} is empty [ERR_ROW_INVALID]`;
    else if (seen.has(key)) problem = `duplicate row: ${keyColumn} ${key} is also on line ${seen.get(key)} [ERR_ROW_DUPLICATE]`;
    else {
      seen.set(key, row.line);
      try {
        const u = fillTemplate(o.template, row.values, { issuer: o.issuer, columns: roles, ...(o.now ? { now: o.now } : {}), ...(o.salt !== undefined ? { salt: o.salt } : {}) });
        const subject = [u.credentialSubject].flat()[0] ?? {};
        const who = typeof subject.id === 'string' ? subject.id : [subject.identifier].flat().filter(Boolean).map((i: any) => `hashed ${i.identityType}`).join(' + ') || 'NO LEARNER';
        const result = [subject.result].flat().find(Boolean)?.value;
        what = `"${subject.achievement?.name ?? u.name ?? ''}" → ${who} · valid from ${u.validFrom ?? '(now)'}${u.validUntil ? ` until ${u.validUntil}` : ''}${result ? ` · grade ${result}` : ''}`;
      } catch (err) {
        problem = `${cliWording((err as Error).message)} [${(err as { code?: string }).code ?? 'ERR_ROW_INVALID'}]`;
      }
    }
    if (problem) {
      bad++;
      println(io.stdout, `FAIL  line ${row.line}${key ? ` (${key})` : ''}: ${problem}`);
    } else {
      ok++;
      println(io.stdout, `ok    line ${row.line} (${key}): ${what}`);
    }
  }
  println(io.stdout, `dry run: ${ok} would be issued, ${bad} would fail${o.statusList ? `, each with an entry in ${o.statusList}` : ''} — nothing was signed or written`);
  return bad ? EXIT.FAILED : EXIT.OK;
}

/** `credstack issue`: one credential from a template, or a whole cohort from a CSV roster. */
export const issue: Command = {
  name: 'issue',
  summary: 'sign one credential from a JSON template, or a cohort from a CSV roster (resumable)',
  usage: [
    'credstack issue --key FILE --template FILE [--recipient DID|EMAIL] [--out FILE] [--format jwt]',
    'credstack issue --key FILE --template FILE --roster CSV --out COHORT.jsonl|DIR/ [--key-column COL] [--issuer-name NAME]',
  ],
  description:
    'The template is an unsigned credential, an Achievement, or { "achievement": …, "issuer": … }; strings may contain\n' +
    '{{column}} placeholders. Roster columns are matched by name: did / email / student_id (learner, hashed with a salt),\n' +
    'awarded_date, valid_until, grade (result), credits, narrative, credential_id. One credential per row is written to a\n' +
    'JSONL file (out ending .jsonl) or one file per row in a folder. Rerunning skips rows already issued (by --key-column,\n' +
    'default the student id / DID / email column). A bad row is reported with its line number and the rest go on.\n' +
    'Exit 1 if any row failed.',
  options: {
    key: { type: 'string', short: 'k' },
    template: { type: 'string', short: 't' },
    roster: { type: 'string', short: 'r' },
    out: { type: 'string', short: 'o' },
    recipient: { type: 'string' },
    format: { type: 'string' },
    'key-column': { type: 'string' },
    'issuer-name': { type: 'string' },
    salt: { type: 'string' },
    now: { type: 'string' },
    concurrency: { type: 'string' },
    workers: { type: 'string' },
    delimiter: { type: 'string' },
    'status-list': { type: 'string' },
    force: { type: 'boolean', short: 'f' },
    quiet: { type: 'boolean', short: 'q' },
    'dry-run': { type: 'boolean', short: 'n' },
    strict: { type: 'boolean' },
  },
  optionHelp: [
    '-k, --key FILE          issuer key (credstack keygen)',
    '-t, --template FILE     credential / achievement template (JSON)',
    '-r, --roster CSV        learners, one per row; first line = column names',
    '-o, --out PATH          cohort: FILE.jsonl or a folder; single: file (default stdout)',
    '    --recipient ID      single credential from an achievement: learner DID or email',
    '    --format jwt        VC-JWT instead of an embedded eddsa-rdfc-2022 proof',
    '    --key-column COL    column identifying a row for resuming (default student id / DID / email)',
    '    --issuer-name NAME  issuer Profile name when the template has no issuer',
    '    --salt SALT         salt for hashed emails / student ids (default random per learner)',
    '    --now DATE          issue as of this date (validFrom, proof created)',
    '    --concurrency N     credentials signed at once (default 2 × cores)',
    '    --workers N         signing threads (default: one per core, up to 4, for rosters over 200 rows; 0 = none)',
    '    --delimiter C       CSV delimiter (default ,)',
    '    --status-list FILE  give each credential an entry in this status list (credstack status create)',
    '-n, --dry-run           check the roster and template, print what would be issued; sign and write nothing',
    '    --strict            warnings are errors: refuse a roster with a column the template would not use',
    '-f, --force             single: overwrite --out; cohort: resume although the template, key, issuer name,',
    '                        format or status list changed since the first run',
    '-q, --quiet             no progress output',
    '',
    'Beside a cohort output (cohort.jsonl or DIR/) credstack keeps cohort.manifest.csv (row key → credential id, file,',
    'status list index; appended), cohort.failed.csv (the failed rows with an error column: fix them and rerun with',
    '--roster cohort.failed.csv) and cohort.run.json (what the cohort was first issued with).',
  ],
  examples: [
    'credstack issue --key issuer.key.json --template credential.json --out badge.json',
    'credstack issue -k issuer.key.json -t achievement.json -r roster.csv -o cohort.jsonl --issuer-name "University of Example" --dry-run',
    'credstack issue -k issuer.key.json -t achievement.json -r roster.csv -o cohort.jsonl --issuer-name "University of Example"',
  ],
  async run(v, positionals, io) {
    const { FileStatusListStore } = await import('../../status/file-store.js');
    const { issueCohort } = await import('../../batch/cohort.js');
    const { fillTemplate, parseTemplate } = await import('../../batch/template.js');
    const { issueCredential } = await import('../../issue.js');
    if (positionals.length) throw new CliError(`unexpected argument ${positionals[0]}`, { hint: 'see credstack issue --help' });
    if (!v.template) throw new CliError('--template FILE is required', { hint: 'see credstack issue --help' });
    const format = v.format === undefined ? undefined : v.format === 'jwt' || v.format === 'vc-jwt' ? 'vc-jwt' : v.format === 'eddsa-rdfc-2022' || v.format === 'json' ? 'eddsa-rdfc-2022' : v.format === 'ecdsa-rdfc-2019' ? 'ecdsa-rdfc-2019' : null;
    if (format === null) throw new CliError(`--format ${v.format} is unknown`, { hint: 'use --format jwt, --format ecdsa-rdfc-2019 (P-256 keys) or leave it out' });
    const now = parseNow(v.now);
    const concurrency = parsePositiveInt('concurrency', v.concurrency);
    const workersOpt = v.workers === '0' ? 0 : parsePositiveInt('workers', v.workers);
    const key = await loadKey(v.key, !v['dry-run']);
    let template;
    try {
      template = parseTemplate(await readJson(v.template, 'template', undefined, true));
    } catch (err) {
      if (err instanceof InvalidInputError) throw new CliError(`${v.template}: ${err.message}`, { hint: 'a template is an Achievement JSON, { "achievement": …, "issuer": … } (credstack init writes one), or an unsigned credential' });
      throw err;
    }
    let allocateStatus: (() => Promise<Record<string, unknown>>) | undefined;
    let dataLines: number | undefined;
    if (v['status-list']) {
      await assertExists(v['status-list'], 'status list');
      const store = new FileStatusListStore(v['status-list']);
      const state = await store.read();
      if (state.issuer !== key.controller) {
        throw new CliError(`status list ${v['status-list']} belongs to ${state.issuer}, not to this key's ${key.controller}`, { hint: 'use the status list created with this issuer key' });
      }
      // a cohort reserves indexes in blocks (one lock round trip per block); one credential takes exactly one
      // (never past the roster's rows: a run that issues every row reserves exactly as many)
      dataLines = v.roster ? await countDataLines(v.roster).catch(() => undefined) : undefined;
      const expected = dataLines;
      const next = v.roster ? store.allocator({ block: 128, ...(expected !== undefined ? { expected } : {}) }) : async () => (await store.allocate()).entry;
      allocateStatus = async () => (await next()) as unknown as Record<string, unknown>;
    }
    const issuer = { id: key.controller, type: ['Profile'], name: v['issuer-name'] ?? 'Issuer' } as any;
    if (template.kind === 'award' && template.issuer && typeof template.issuer === 'object' && (template.issuer as any).id === undefined) {
      // the issuer's id is the key's DID: a template (credstack init) gives only name, url, country…
      const { defineProfile } = await import('../../model/profile.js');
      const { type: _t, ...given } = template.issuer as any;
      try {
        template = { ...template, issuer: defineProfile({ ...given, id: key.controller, ...(v['issuer-name'] !== undefined ? { name: v['issuer-name'] } : {}) }) };
      } catch (err) {
        throw new CliError(`${v.template}: issuer: ${(err as Error).message}`, { hint: 'see the issuer part of the template (credstack init writes an example)' });
      }
    }

    if (!v.roster) {
      let unsigned: Record<string, any>;
      if (template.kind === 'credential') unsigned = template.credential;
      else {
        if (!v.recipient) throw new CliError('an achievement template needs --recipient DID|EMAIL (or --roster CSV)', { hint: 'credstack issue -k KEY -t achievement.json --recipient did:key:z6Mk…' });
        const values: Record<string, string> = v.recipient.includes('@') ? { email: v.recipient } : { did: v.recipient };
        unsigned = fillTemplate(template, values, { issuer, ...(now ? { now } : {}), ...(v.salt !== undefined ? { salt: v.salt } : {}) });
      }
      if (allocateStatus) unsigned = { ...unsigned, credentialStatus: await allocateStatus() };
      const signed = await issueCredential(unsigned, { key, ...(format ? { format } : {}), ...(now ? { now } : {}) });
      await emitJson(io, signed, v.out, v.force ?? false);
      if (v.out) println(io.stderr, `issued ${typeof signed === 'string' ? 'a VC-JWT' : (signed as any).id} → ${v.out}`);
      return EXIT.OK;
    }

    if (!v.out && !v['dry-run']) throw new CliError('--out is required with --roster', { hint: 'use --out cohort.jsonl (one JSON per line) or --out credentials/ (one file per learner)' });
    await assertExists(v.roster, 'roster');
    const { openRoster } = await import('../../batch/roster.js');
    const { unusedColumns, templatePlaceholders } = await import('../../batch/template.js');
    const { columns } = await openRoster(v.roster, { ...(v.delimiter !== undefined ? { delimiter: v.delimiter } : {}) });
    const unused = unusedColumns(template, columns);
    if (unused.length) {
      const kind = template.kind === 'credential' ? 'this full-credential template' : 'the template';
      const text = `roster column(s) ${unused.map((c) => `"${c}"`).join(', ')} would not be used by ${kind}: their values would be lost`;
      if (v.strict) throw new CliError(text, { hint: 'use {{column}} in the template, rename the column (see credstack issue --help for the known names), or remove it from the roster' });
      println(io.stderr, `warning: ${text} (use {{column}} in the template, or --strict to refuse)`);
    }
    const missing = templatePlaceholders(template).filter((p) => !columns.includes(p));
    if (missing.length) throw new CliError(`the template uses ${missing.map((m) => `{{${m}}}`).join(', ')} but the roster has no such column (columns: ${columns.join(', ')})`, { hint: 'add the column to the roster or remove the placeholder from the template' });
    if (v['dry-run']) return dryRun(io, { roster: v.roster, template, issuer, now, salt: v.salt, delimiter: v.delimiter, keyColumn: v['key-column'], statusList: v['status-list'] });
    const sides = sideFiles(v.out);
    await checkRunManifest(v.out, v.template, { issuer: key.controller, ...(v['issuer-name'] !== undefined ? { issuerName: v['issuer-name'] } : {}), format: format ?? (key.publicKeyMultibase.startsWith('zDn') ? 'ecdsa-rdfc-2019' : 'eddsa-rdfc-2022'), ...(v['status-list'] ? { statusList: resolve(v['status-list']) } : {}) }, Boolean(v.force));
    const manifest = openManifest(sides.manifest, v.out);
    const failedRows = openFailedRows(sides.failed);
    const out = v.out.endsWith('.jsonl') ? { jsonl: v.out as string } : { dir: v.out as string };
    const tty = Boolean(io.stderr.isTTY);
    const progress = v.quiet ? undefined : createProgress(io.stderr, { label: 'issuing', every: 1000 });
    const controller = new AbortController();
    let interrupted = false;
    const onSigint = (): void => {
      interrupted = true;
      controller.abort();
    };
    process.once('SIGINT', onSigint);
    process.once('SIGTERM', onSigint);
    const onRowError = (e: RowError, values?: Readonly<Record<string, string>>): void => {
      if (tty && progress) io.stderr.write('\r\x1b[K');
      println(io.stderr, `credstack: line ${e.line}${e.key ? ` (${e.key})` : ''}: ${cliWording(e.message)} [${e.code}]`);
      failedRows.add(values, e.line, `${e.message} [${e.code}]`);
    };
    let last = { done: 0, total: undefined as number | undefined, extra: '' };
    let summary;
    try {
      summary = await issueCohort({
        roster: v.roster,
        template,
        key,
        out,
        issuer,
        countRows: true,
        ...(allocateStatus ? { allocateStatus } : {}),
        ...(v['key-column'] !== undefined ? { keyColumn: v['key-column'] } : {}),
        ...(format ? { format } : {}),
        ...(now ? { now } : {}),
        ...(concurrency ? { concurrency } : {}),
        workers: workersOpt ?? ((dataLines ?? await countDataLines(v.roster)) > 200 ? Math.min(4, availableParallelism()) : 0),
        ...(v.salt !== undefined ? { salt: v.salt } : {}),
        ...(v.delimiter !== undefined ? { delimiter: v.delimiter } : {}),
        signal: controller.signal,
        onRowError,
        onIssued: (r) => manifest.add(r.key, r.line, r.credential),
        ...(progress ? { onProgress: (p) => {
          last = { done: p.issued + p.skipped + p.failed, total: p.total, extra: p.failed ? `(${p.failed} failed)` : '' };
          progress.update(last.done, last.total, last.extra);
        } } : {}),
      });
    } finally {
      progress?.finish(last.done, last.total, last.extra);
      process.removeListener('SIGINT', onSigint);
      process.removeListener('SIGTERM', onSigint);
      await manifest.close();
    }
    const nFailed = await failedRows.close();
    const secs = (summary.ms / 1000).toFixed(1);
    println(io.stdout, `issued ${summary.issued}, skipped ${summary.skipped} (already issued), failed ${summary.failed} — ${summary.rows} rows in ${secs} s${summary.workers ? ` (${summary.workers} signing threads)` : ''} → ${v.out}`);
    println(io.stdout, `manifest: ${sides.manifest}${nFailed ? ` · failed rows: ${sides.failed} (fix them and rerun with --roster ${sides.failed})` : ''}`);
    if (interrupted) {
      println(io.stderr, 'credstack: interrupted — rerun the same command to issue the remaining rows');
      return EXIT.INTERRUPTED;
    }
    if (summary.failed) {
      println(io.stderr, `hint: fix the ${summary.failed} row(s) above and rerun the same command: issued rows are skipped`);
      return EXIT.FAILED;
    }
    return EXIT.OK;
  },
};

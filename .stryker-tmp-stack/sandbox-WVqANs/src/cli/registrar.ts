// @ts-nocheck
// The registrar's side of `credstack issue --roster`: the run manifest (what a cohort was first issued with), the
// issued-manifest CSV, the failed-rows CSV and the dry run.
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, readFileSync, readdirSync, statSync, type WriteStream } from 'node:fs';
import { readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { fileNameForKey } from '../batch/output.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { CliError } from './util.js';

/** Where the side files of a cohort output go: beside it (`cohort.jsonl` → `cohort.manifest.csv`, `out/` → `out.manifest.csv`). */
export function sideFiles(out: string): { manifest: string; failed: string; run: string } {
  const base = out.replace(/[\\/]+$/, '').replace(/\.jsonl$/, '');
  return { manifest: `${base}.manifest.csv`, failed: `${base}.failed.csv`, run: `${base}.run.json` };
}

/** One CSV field, quoted when needed (RFC 4180); a leading = + - @ is prefixed with ' so spreadsheets do not run it. */
export function csvField(v: unknown, guard = true): string {
  let s = typeof v === 'string' ? v : typeof v === 'number' ? `${v}` : '';
  if (guard && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** What a cohort was first issued with; a resume with anything else would mix two cohorts in one output. */
export interface RunManifest {
  credstackRun: 1;
  template: { path: string; sha256: string };
  issuer: string;
  issuerName?: string;
  format: string;
  statusList?: string;
  startedAt: string;
}

function outputExists(out: string): boolean {
  try {
    const st = statSync(out);
    return st.isDirectory() ? readdirSync(out).some((n) => !n.startsWith('.')) : st.size > 0;
  } catch {
    return false;
  }
}

/**
 * Before a roster run: when the output already holds credentials, the template, key, issuer and status list must be
 * those of the first run (unless `force`); the manifest is written on the first run.
 */
export async function checkRunManifest(out: string, templatePath: string, now: Omit<RunManifest, 'credstackRun' | 'template' | 'startedAt'>, force: boolean): Promise<void> {
  const { run } = sideFiles(out);
  const sha256 = createHash('sha256').update(await readFile(templatePath)).digest('hex');
  const current: RunManifest = { credstackRun: 1, template: { path: templatePath, sha256 }, ...now, startedAt: new Date().toISOString() };
  if (outputExists(out) && existsSync(run)) {
    let first: RunManifest;
    try {
      first = JSON.parse(readFileSync(run, 'utf8'));
    } catch {
      throw new CliError(`${run} is not valid JSON`, { hint: 'it records what this cohort was first issued with; restore it, or pass --force to start it anew' });
    }
    const changed: string[] = [];
    if (first.template?.sha256 !== sha256) changed.push(`the template (${templatePath} differs from ${first.template?.path ?? 'the first run'})`);
    if (first.issuer !== current.issuer) changed.push(`the key / issuer (${current.issuer}, first run ${first.issuer})`);
    if ((first.issuerName ?? '') !== (current.issuerName ?? '')) changed.push(`--issuer-name ("${current.issuerName ?? ''}", first run "${first.issuerName ?? ''}")`);
    if (first.format !== current.format) changed.push(`--format (${current.format}, first run ${first.format})`);
    if ((first.statusList ?? '') !== (current.statusList ?? '')) changed.push(`--status-list (${current.statusList ?? 'none'}, first run ${first.statusList ?? 'none'})`);
    if (changed.length && !force) {
      throw new CliError(`${out} was started with different settings: ${changed.join('; ')}`, {
        hint: 'resume with the settings of the first run, choose another --out for a new cohort, or pass --force to add rows issued with the new settings',
      });
    }
    if (!changed.length) return;
  } else if (outputExists(out) && !force) {
    // an output from before run manifests existed: record the settings from now on
  }
  await writeFileAtomic(run, `${JSON.stringify(current, null, 2)}\n`);
}

/** The issued-manifest CSV: appended as credentials are written (row key → credential id, output, status entry). */
export function openManifest(path: string, out: string): { add(key: string, line: number, credential: unknown): void; close(): Promise<void> } {
  const fresh = !existsSync(path) || statSync(path).size === 0;
  const stream: WriteStream = createWriteStream(path, { flags: 'a' });
  if (fresh) stream.write('row_key,roster_line,credential_id,output,status_list,status_index\n');
  const isDir = !out.endsWith('.jsonl');
  return {
    add(key, line, credential) {
      const c = credential && typeof credential === 'object' ? (credential as Record<string, any>) : undefined;
      const status = [c?.credentialStatus].flat().find((e: any) => e && typeof e === 'object');
      const where = isDir ? join(out, fileNameForKey(key, typeof credential === 'string' ? '.jwt' : '.json')) : out;
      stream.write(`${[key, `${line}`, c?.id ?? (typeof credential === 'string' ? 'VC-JWT' : ''), where, status?.statusListCredential ?? '', status?.statusListIndex ?? ''].map((x) => csvField(x)).join(',')}\n`);
    },
    close: () => new Promise((res, rej) => stream.end((err?: Error | null) => (err ? rej(err) : res()))),
  };
}

/** The failed-rows CSV: the roster's header plus an `error` column, one line per failed row, ready to fix and rerun. */
export function openFailedRows(path: string): { add(values: Readonly<Record<string, string>> | undefined, line: number, message: string): void; close(): Promise<number> } {
  let stream: WriteStream | undefined;
  let n = 0;
  return {
    add(values, line, message) {
      if (!values) return;
      if (!stream) {
        stream = createWriteStream(path, { flags: 'w' });
        stream.write(`${[...Object.keys(values), 'error'].map((x) => csvField(x, false)).join(',')}\n`);
      }
      n++;
      // the cells exactly as they were (this file is fixed and fed back to credstack issue), then the error
      stream.write(`${[...Object.values(values).map((x) => csvField(x, false)), csvField(`line ${line}: ${message}`)].join(',')}\n`);
    },
    async close() {
      if (stream) await new Promise<void>((res, rej) => stream!.end((err?: Error | null) => (err ? rej(err) : res())));
      else await unlink(path).catch(() => undefined);
      return n;
    },
  };
}

// @ts-nocheck
import { readFile, stat } from 'node:fs/promises';
import type { ParseArgsConfig } from 'node:util';
import { CredstackError } from '../errors.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import type { KeyPair } from '../keys/keypair.js';
import { cliWording } from './wording.js';

/** Exit codes of every command. */
export const EXIT = { OK: 0, FAILED: 1, USAGE: 2, INTERRUPTED: 130 } as const;

/** A user-facing CLI error: printed as `credstack: error: <message>` + `hint: <hint>`, never with a stack trace. */
export class CliError extends Error {
  readonly hint: string | undefined;
  readonly exitCode: number;
  /** Print only the message line (usage errors that already say where to look). */
  readonly oneLine: boolean;
  constructor(message: string, opts: { hint?: string; exitCode?: number; cause?: unknown; oneLine?: boolean } = {}) {
    super(message, opts.cause !== undefined ? { cause: opts.cause } : undefined);
    this.hint = opts.hint;
    this.oneLine = opts.oneLine ?? false;
    this.exitCode = opts.exitCode ?? EXIT.USAGE;
  }
}

/** Where a command writes; tests and the demo can swap these. */
export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  debug: boolean;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** One CLI command: its help text and what it does. `run` returns the exit code. */
export interface Command {
  name: string;
  summary: string;
  usage: string[];
  description?: string;
  options: Options;
  /** Option help lines, e.g. `['--key FILE      issuer key file (from credstack keygen)']`. */
  optionHelp: string[];
  examples: string[];
  run(values: Record<string, any>, positionals: string[], io: Io): Promise<number>;
}

/** Print a line. */
export function println(stream: NodeJS.WritableStream, text = ''): void {
  stream.write(`${text}\n`);
}

function isNotFound(err: unknown): boolean {
  return (err as NodeJS.ErrnoException)?.code === 'ENOENT';
}

/** Read a text file; a missing file becomes a CliError with a hint. */
export async function readText(path: string, what = 'file', hint?: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if (isNotFound(err)) throw new CliError(`${what} not found: ${path}`, { hint: hint ?? 'check the path (relative paths start in the current directory)' });
    if ((err as NodeJS.ErrnoException)?.code === 'EISDIR') throw new CliError(`${path} is a directory, expected a ${what}`);
    throw new CliError(`cannot read ${what} ${path}: ${(err as Error).message}`, { cause: err });
  }
}

/** Read bytes of a file; a missing file becomes a CliError with a hint. */
export async function readBytes(path: string, what = 'file'): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (err) {
    if (isNotFound(err)) throw new CliError(`${what} not found: ${path}`, { hint: 'check the path' });
    throw new CliError(`cannot read ${what} ${path}: ${(err as Error).message}`, { cause: err });
  }
}

/**
 * Remove `//` line comments and `/* … *\/` block comments outside strings (templates written by credstack init carry
 * comments). Line breaks are kept, so JSON.parse positions still point at the right line.
 */
export function stripJsonComments(text: string): string {
  let out = '';
  let i = 0;
  let inString = false;
  while (i < text.length) {
    const c = text[i]!;
    if (inString) {
      out += c;
      if (c === '\\') {
        out += text[i + 1] ?? '';
        i += 2;
        continue;
      }
      if (c === '"') inString = false;
      i++;
    } else if (c === '"') {
      inString = true;
      out += c;
      i++;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const stop = end === -1 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Read and parse a JSON file, naming the file and position on a syntax error. `comments`: allow // and /* *\/ comments. */
export async function readJson(path: string, what = 'JSON file', hint?: string, comments = false): Promise<any> {
  const raw = await readText(path, what, hint);
  return parseJsonQuietly(comments ? stripJsonComments(raw) : raw, path, hint ?? `the ${what} must be JSON`);
}

/**
 * The records of a JSONL text, one per non-blank line, with their 1-based line numbers; a line that is not JSON is a
 * CliError naming `path:line` (with `hint` when given).
 */
export function jsonLines(text: string, path: string, hint?: string): { line: number; record: any }[] {
  const out: { line: number; record: any }[] = [];
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      out.push({ line: i + 1, record: JSON.parse(line) });
    } catch {
      throw new CliError(`${path}:${i + 1} is not valid JSON`, hint === undefined ? undefined : { hint });
    }
  });
  return out;
}

/**
 * JSON.parse whose error names the file, line and column but never quotes the text: the parser's own message does
 * (up to ~30 characters around the error), which leaks a secret when the error is inside one.
 */
export function parseJsonQuietly(text: string, path: string, hint: string, note = ''): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const m = /position (\d+)/.exec(err instanceof Error ? err.message : '');
    let where = '';
    if (m) {
      const pos = Math.min(Number(m[1]), text.length);
      const before = text.slice(0, pos);
      where = ` at line ${before.split('\n').length}, column ${pos - before.lastIndexOf('\n')}`;
    }
    throw new CliError(`${path} is not valid JSON${where}${note}`, { hint });
  }
}

/** Does this JSON value carry secret key material (a key file, not a credential)? Bounded walk. */
export function holdsSecret(v: unknown): boolean {
  const stack: Array<[unknown, number]> = [[v, 0]];
  let seen = 0;
  while (stack.length && seen++ < 10_000) {
    const [n, d] = stack.pop()!;
    if (!n || typeof n !== 'object' || d > 8) continue;
    if (!Array.isArray(n)) {
      const o = n as Record<string, unknown>;
      for (const k of ['secretKeyMultibase', 'privateKeyMultibase', 'privateKeyJwk', 'privateKeyBase58', 'privateKeyPem', 'privateKeyHex']) if (o[k] !== undefined) return true;
      if (typeof o.kty === 'string' && o.d !== undefined) return true;
    }
    for (const x of Object.values(n as object)) if (x && typeof x === 'object') stack.push([x, d + 1]);
  }
  return false;
}

/** Load a signing key written by `credstack keygen`. Nothing of the file's text is ever echoed. */
export async function loadKey(path: string | undefined, needSecret = true): Promise<KeyPair> {
  const hint = 'create a key with: credstack keygen --out issuer.key.json';
  if (!path) throw new CliError('--key FILE is required', { hint });
  const json = parseJsonQuietly(await readText(path, 'key file', hint), path, 'the key file must be the JSON written by credstack keygen', ' (its text is not shown: a key file holds a secret)');
  // key code (the curves) loaded here, not when the CLI starts: main.ts imports this module for every command
  const { importKeyPair } = await import('../keys/keypair.js');
  let key: KeyPair;
  try {
    key = importKeyPair(json);
  } catch (err) {
    // KeyError messages name the problem, never the value; the cause (a decoder's message) may quote it: not attached
    const msg = err instanceof CredstackError ? err.message : 'not a key';
    throw new CliError(`${path} is not a usable key: ${msg}`, { hint: 'use a key file written by credstack keygen' });
  }
  if (needSecret && !key.secretKeyMultibase) {
    throw new CliError(`${path} holds only a public key; signing needs the secret key file`, { hint: 'use the file written by credstack keygen --out' });
  }
  return key;
}

/**
 * Write a file (creating its folder); refuses to overwrite unless `force`. `mode` applies to new files. Atomic: a temp
 * file in the same folder, fsynced, then renamed (or linked, when not overwriting), so a crash or kill -9 never leaves
 * an empty or partial `--out` file (a published status list, a cohort, a bundle, a baked image, a key).
 */
export async function writeOutput(path: string, data: string | Uint8Array, opts: { force?: boolean; mode?: number } = {}): Promise<void> {
  try {
    await writeFileAtomic(path, data, { exclusive: !opts.force, mkdir: true, ...(opts.mode !== undefined ? { mode: opts.mode } : {}) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException)?.code === 'EEXIST') throw new CliError(`${path} already exists`, { hint: 'choose another --out or pass --force to overwrite' });
    throw new CliError(`cannot write ${path}: ${(err as Error).message}`, { cause: err });
  }
}

/** Write JSON to a file (`--out`) or stdout. */
export async function emitJson(io: Io, value: unknown, out?: string, force = true): Promise<void> {
  const text = typeof value === 'string' ? `${value}\n` : `${JSON.stringify(value, null, 2)}\n`;
  if (out && out !== '-') await writeOutput(out, text, { force });
  else io.stdout.write(text);
}

/** Throw a CliError (exit 2) when a path does not exist. */
export async function assertExists(path: string, what = 'file'): Promise<void> {
  try {
    await stat(path);
  } catch {
    throw new CliError(`${what} not found: ${path}`, { hint: 'check the path (relative paths start in the current directory)' });
  }
}

/** Does a path exist and is it a directory? */
export async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Offline documents for verification from `--document FILE` options: DID documents, status list credentials, contexts.
 * Each is keyed by its `id` (and, for a did:web DID document, by its https URL too).
 */
export async function loadDocuments(paths: string[] | undefined): Promise<Record<string, unknown>> {
  const docs: Record<string, unknown> = {};
  const { didWebToUrl } = await import('../keys/did-web.js');
  for (const p of paths ?? []) {
    const doc = await readJson(p, 'document');
    const id = doc && typeof doc === 'object' && typeof doc.id === 'string' ? (doc.id as string) : undefined;
    if (!id) throw new CliError(`${p} has no "id": cannot tell which URL or DID it stands for`, { hint: 'pass DID documents, status list credentials or contexts that carry an id' });
    docs[id] = doc;
    if (id.startsWith('did:web:')) {
      try {
        docs[didWebToUrl(id)] = doc;
      } catch {
        /* not a valid did:web: keyed by id only */
      }
    }
  }
  return docs;
}

/** Parse `--now`; a bad date is a usage error. */
export function parseNow(value: string | undefined): Date | undefined {
  if (value === undefined) return undefined;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new CliError(`--now ${value} is not a date`, { hint: 'use an ISO date, e.g. 2026-07-01T09:00:00Z' });
  return d;
}

/** Parse a positive integer option. */
export function parsePositiveInt(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new CliError(`--${name} must be a positive integer, got ${value}`);
  return n;
}

const HINTS: Record<string, string> = {
  ERR_ISSUER_MISMATCH: 'sign with the key that controls the issuer DID (credstack keygen prints it), or remove issuer from the template',
  ERR_UNDEFINED_TERM: 'every property must be defined by a @context: rename it or add the context that defines it',
  ERR_SCHEMA_INVALID: 'fix the listed JSON paths in the template',
  ERR_TEMPLATE_INVALID: 'a template is an Achievement JSON, { "achievement": …, "issuer": … }, or an unsigned credential',
  ERR_TEMPLATE_COLUMN: 'add the column to the roster or remove the placeholder from the template',
  ERR_KEY_COLUMN: 'name an existing column with --key-column, or leave it out to use the student id / email column',
  ERR_ROSTER_EMPTY: 'the first line of the CSV must name the columns, e.g. student_id,email,grade',
  ERR_ROSTER_HEADER: 'the first line of the CSV must name every column once',
  ERR_OUTPUT_CORRUPT: 'the output file was edited or belongs to another tool: fix that line or choose another --out',
  ERR_OUTPUT_LOCKED: 'another credstack issue is writing this --out: let it finish (it issues every row), then rerun to check',
  ERR_KEY_INVALID: 'use a key file written by credstack keygen',
  ERR_KEY_NO_SECRET: 'signing needs the secret key file written by credstack keygen --out',
};

/** Print an error the way every command does: message, hint, stack only with --debug. Returns the exit code. */
export function reportError(err: unknown, io: Pick<Io, 'stderr' | 'debug'>): number {
  let message: string;
  let hint: string | undefined;
  let code: number = EXIT.USAGE;
  if (err instanceof CliError) {
    message = err.message;
    hint = err.hint;
    code = err.exitCode;
  } else if (err instanceof CredstackError) {
    message = `${cliWording(err.message)} (${err.code})`;
    hint = HINTS[err.code];
  } else if ((err as NodeJS.ErrnoException)?.code === 'ENOENT') {
    message = `file not found: ${(err as NodeJS.ErrnoException).path ?? (err as Error).message}`;
    hint = 'check the path';
  } else if ((err as { code?: string })?.code?.startsWith?.('ERR_PARSE_ARGS')) {
    message = (err as Error).message;
    hint = 'see credstack <command> --help';
  } else {
    message = err instanceof Error ? err.message : String(err);
    hint = 'rerun with --debug for details, and report it if it looks like a bug';
  }
  println(io.stderr, `credstack: error: ${message}`);
  if (hint && !(err instanceof CliError && err.oneLine)) println(io.stderr, `hint: ${hint}`);
  if (io.debug && err instanceof Error && err.stack) println(io.stderr, err.stack);
  return code;
}

/** A progress display: a redrawn one-line bar on a terminal, plain lines (every `every` rows) otherwise. */
export function createProgress(stream: Io['stderr'], opts: { label: string; every?: number }): { update(done: number, total?: number, extra?: string): void; done(): void; finish(done: number, total?: number, extra?: string): void } {
  const tty = Boolean(stream.isTTY);
  const started = Date.now();
  let lastDraw = 0;
  let lastLine = 0;
  let drawn = false;
  const every = opts.every ?? 1000;
  return {
    update(done, total, extra = '') {
      const now = Date.now();
      const rate = done / Math.max(0.001, (now - started) / 1000);
      if (tty) {
        if (now - lastDraw < 100 && done !== total) return;
        lastDraw = now;
        const width = 24;
        const frac = total ? Math.min(1, done / total) : 0;
        const bar = total ? `[${'#'.repeat(Math.round(frac * width)).padEnd(width, '.')}] ` : '';
        const eta = total && rate > 0 ? ` eta ${Math.ceil((total - done) / rate)}s` : '';
        stream.write(`\r${opts.label} ${bar}${done}${total ? `/${total}` : ''} ${rate.toFixed(0)}/s${eta}${extra ? ` ${extra}` : ''}\x1b[K`);
        drawn = true;
      } else if (done - lastLine >= every || (total !== undefined && done === total && done !== lastLine)) {
        lastLine = done;
        stream.write(`${opts.label} ${done}${total ? `/${total}` : ''} (${rate.toFixed(0)}/s)${extra ? ` ${extra}` : ''}\n`);
      }
    },
    done() {
      if (tty && drawn) stream.write('\n');
    },
    /** Print the final count as a whole line (non-TTY), if the last update did not already. */
    finish(done: number, total?: number, extra = '') {
      if (tty) {
        if (drawn) stream.write('\n');
        drawn = false;
        return;
      }
      if (done !== lastLine || done === 0) {
        lastLine = done;
        stream.write(`${opts.label} ${done}${total ? `/${total}` : ''}${extra ? ` ${extra}` : ''}\n`);
      }
    },
  };
}

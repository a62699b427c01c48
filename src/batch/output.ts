import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, stat, truncate, unlink, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { InvalidInputError } from '../errors.js';
import { isAtomicTemp, writeFileAtomic } from '../util/atomic-write.js';
import { acquireFileLock } from '../util/file-lock.js';

/**
 * Take the output's lock for the whole run: a second run on the same output (another terminal, a cron job) is refused
 * at once (`ERR_OUTPUT_LOCKED`) instead of issuing the same rows a second time. A lock left by a run that was killed
 * (its pid is gone on this host) is broken at once; one from another host when not refreshed for 30 s.
 */
async function lockOutput(lockPath: string, what: string): Promise<() => Promise<void>> {
  return acquireFileLock(lockPath, {
    timeoutMs: 0,
    staleMs: 30_000,
    onError: (err) => new InvalidInputError(`cannot create the lock ${lockPath}: ${(err as Error)?.message}`, { code: 'ERR_OUTPUT_LOCKED', details: { lockPath } }),
    onBusy: (owner) =>
      new InvalidInputError(`${what} is being written by another credstack run${owner ? ` (pid ${owner.pid} on ${owner.host}, since ${owner.at})` : ''}; wait for it to finish, then rerun to resume`, {
        code: 'ERR_OUTPUT_LOCKED',
        details: { lockPath, ...(owner ? { pid: owner.pid, host: owner.host } : {}) },
      }),
  });
}

/**
 * One issued row as written to a cohort output.
 * @example
 * ```ts
 * const rec: IssuedRecord = { key: 'S001', line: 2, credential: signed };
 * ```
 */
export interface IssuedRecord {
  /** The row key (e.g. the student id) that makes reruns skip this row. */
  key: string;
  /** CSV line of the row. */
  line: number;
  credential: Record<string, any> | string;
}

/**
 * Where a cohort's credentials go, resumably: `has(key)` tells whether a row was issued by an earlier run.
 * @example
 * ```ts
 * const sink = await openJsonlSink('cohort.jsonl');
 * if (!sink.has('S001')) await sink.add({ key: 'S001', line: 2, credential });
 * await sink.close();
 * ```
 */
export interface CohortSink {
  /** Rows already present when the sink was opened. */
  readonly existing: number;
  has(key: string): boolean;
  /**
   * Queue a record. A JSONL sink writes records in groups (one write and one `fsync` per group): `add` resolves once the
   * record is in a group (it waits while a full group is still being written), {@link SinkOptions.onDurable} tells when
   * it is durable. A directory sink writes each record durably before `add` resolves. `credentialJson` (@internal):
   * `JSON.stringify(record.credential)`, when the caller has it already.
   */
  add(record: IssuedRecord, credentialJson?: string): Promise<void>;
  /** Write and fsync what is queued, then release the output (rejects if a write or fsync failed). */
  close(): Promise<void>;
}

/**
 * Options of {@link openJsonlSink}.
 * @example
 * ```ts
 * const opts: SinkOptions = { fsyncEvery: 64, onDurable: (records) => records.forEach((r) => manifest.add(r)) };
 * ```
 */
export interface SinkOptions {
  /** Records per group: one write and one fsync per group (default 100). */
  fsyncEvery?: number;
  /** A group is also written once its first record has waited this long (default 200 ms), so slow signing still lands. */
  flushMs?: number;
  /**
   * Called after each group's fsync with its records, in output order: only then does a record count as done (a run
   * killed before that fsync may leave the group's lines in the file, where a rerun finds and skips them, or lose them,
   * and a rerun issues those rows again — never both).
   */
  onDurable?: (records: IssuedRecord[]) => void;
}

/**
 * Open (or resume) a JSON Lines output: one `{"key","line","credential"}` object per line, locked for the run
 * (`path + '.lock'`: a concurrent run on the same output throws `ERR_OUTPUT_LOCKED`). On open, reads the keys
 * already there (streaming) and cuts off a last line left half-written by a killed run. Appends in groups (group
 * commit): `fsyncEvery` records (default 100), or what arrived within `flushMs`, go out in one write followed by one
 * `fsync`, and `onDurable` hears of them after that fsync. At most two groups are held in memory (one being written,
 * one filling: `add` waits when both are full).
 * @example
 * ```ts
 * const sink = await openJsonlSink('out/cohort.jsonl', { fsyncEvery: 50 });
 * ```
 */
export async function openJsonlSink(path: string, opts: SinkOptions = {}): Promise<CohortSink> {
  await mkdir(dirname(path), { recursive: true });
  const release = await lockOutput(`${path}.lock`, path);
  try {
    return await openJsonlLocked(path, opts, release);
  } catch (err) {
    await release();
    throw err;
  }
}

async function openJsonlLocked(path: string, opts: SinkOptions, release: () => Promise<void>): Promise<CohortSink> {
  const keys = new Set<string>();
  let goodLength = 0;
  let size = 0;
  try {
    size = (await stat(path)).size;
  } catch {
    size = 0;
  }
  if (size > 0) {
    let pending = '';
    let offset = 0;
    let lineNo = 0;
    const decoder = new TextDecoder();
    for await (const chunk of createReadStream(path)) {
      const buf = chunk as Buffer;
      pending += decoder.decode(buf, { stream: true });
      let nl: number;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const text = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        lineNo++;
        offset += Buffer.byteLength(text) + 1;
        if (text.trim() === '') {
          goodLength = offset;
          continue;
        }
        let rec: any;
        try {
          rec = JSON.parse(text);
        } catch {
          throw new InvalidInputError(`${path}:${lineNo} is not valid JSON; fix or remove that line, then rerun`, { code: 'ERR_OUTPUT_CORRUPT', details: { path, line: lineNo } });
        }
        if (!rec || typeof rec.key !== 'string') {
          throw new InvalidInputError(`${path}:${lineNo} has no "key": this file was not written by credstack issue`, { code: 'ERR_OUTPUT_CORRUPT', details: { path, line: lineNo } });
        }
        keys.add(rec.key);
        goodLength = offset;
      }
    }
    // a half-written last line (the previous run was killed mid-write) is dropped: that row is issued again
    if (goodLength < size) await truncate(path, goodLength);
  }
  await mkdir(dirname(path), { recursive: true });
  const fh: FileHandle = await open(path, 'a');
  const every = Math.max(1, Math.floor(opts.fsyncEvery ?? 100));
  const flushMs = Math.max(0, opts.flushMs ?? 200);
  // the group being filled (its lines and records) and the write + fsync of the previous one, if under way
  let lines: string[] = [];
  let records: IssuedRecord[] = [];
  let writing: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let failure: unknown;
  const writeGroup = async (text: string, group: IssuedRecord[]): Promise<void> => {
    try {
      await fh.write(text);
      await fh.sync();
    } catch (err) {
      failure ??= err;
      return;
    }
    try {
      opts.onDurable?.(group);
    } catch (err) {
      // the records are durable; the caller's callback failed: the next add (or close) throws its error
      failure ??= err;
    }
  };
  /** Start writing the group being filled (after the previous group's write and fsync). */
  const flush = (): Promise<void> => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (lines.length === 0) return writing ?? Promise.resolve();
    const text = lines.join('');
    const group = records;
    lines = [];
    records = [];
    const prev = writing;
    const mine: Promise<void> = (async () => {
      if (prev) await prev;
      if (failure === undefined) await writeGroup(text, group);
    })();
    writing = mine;
    void mine.then(() => {
      if (writing === mine) writing = undefined;
    });
    return mine;
  };
  const fail = (): never => {
    throw failure;
  };
  return {
    existing: keys.size,
    has: (key) => keys.has(key),
    async add(record, credentialJson) {
      if (failure !== undefined) fail();
      // a full group waits for the one being written, then goes out itself (memory stays at about two groups)
      while (lines.length >= every) {
        if (writing) await writing;
        else void flush();
        if (failure !== undefined) fail();
      }
      // the same bytes as JSON.stringify({ key, line, credential }) + '\n'
      lines.push(credentialJson !== undefined
        ? `{"key":${JSON.stringify(record.key)},"line":${JSON.stringify(record.line)},"credential":${credentialJson}}\n`
        : `${JSON.stringify({ key: record.key, line: record.line, credential: record.credential })}\n`);
      records.push(record);
      keys.add(record.key);
      if (lines.length >= every && !writing) void flush();
      else if (!timer) timer = setTimeout(() => void flush(), flushMs);
    },
    async close() {
      try {
        await flush();
        if (writing) await writing;
        if (failure !== undefined) fail();
        await fh.sync();
      } finally {
        try {
          await fh.close();
        } finally {
          await release();
        }
      }
    },
  };
}

/**
 * The file name a row key gets in a directory output: the key where it is a safe file name, else a sanitized key plus
 * 8 hex digits of its SHA-256 (so two keys never share a file).
 * @example
 * ```ts
 * fileNameForKey('S001', '.json');     // 'S001.json'
 * fileNameForKey('a b/c', '.json');    // 'a_b_c-1f3a9c0e.json'
 * ```
 */
export function fileNameForKey(key: string, ext: string): string {
  const safe = key.replace(/[^A-Za-z0-9._@-]/g, '_').slice(0, 100);
  const base = safe === key && !key.startsWith('.') && key !== '' ? key : `${safe.replace(/^\./, '_')}-${bytesToHex(sha256(utf8ToBytes(key))).slice(0, 8)}`;
  return `${base}${ext}`;
}

/**
 * Open (or resume) a directory output: one file per row, named by {@link fileNameForKey} (`.json`, or `.jwt` for
 * VC-JWTs), locked for the run (`DIR/.credstack-issue.lock`, `ERR_OUTPUT_LOCKED`). Each file is written to a temporary
 * name, fsynced and renamed, so a killed run never leaves half a credential.
 * @example
 * ```ts
 * const sink = await openDirSink('out/credentials', { ext: '.json' });
 * ```
 */
export async function openDirSink(dir: string, opts: { ext?: '.json' | '.jwt' } = {}): Promise<CohortSink> {
  const ext = opts.ext ?? '.json';
  await mkdir(dir, { recursive: true });
  const release = await lockOutput(join(dir, '.credstack-issue.lock'), dir);
  const names = new Set<string>();
  try {
    for (const name of await readdir(dir)) {
      if (name.startsWith('.') && (name.includes('.tmp-') || isAtomicTemp(name))) await unlink(join(dir, name)).catch(() => undefined);
      else if (name.endsWith(ext)) names.add(name);
    }
  } catch (err) {
    await release();
    throw err;
  }
  const existing = names.size;
  return {
    existing,
    has: (key) => names.has(fileNameForKey(key, ext)),
    async add(record) {
      const name = fileNameForKey(record.key, ext);
      const body = typeof record.credential === 'string' ? `${record.credential}\n` : `${JSON.stringify(record.credential, null, 2)}\n`;
      await writeFileAtomic(join(dir, name), body);
      names.add(name);
    },
    async close() {
      await release();
    },
  };
}

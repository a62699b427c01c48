import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { CredstackError, InvalidInputError, IssueError } from '../errors.js';
import type { KeyPair } from '../keys/keypair.js';
import { isSigner, signerController, type Signer } from '../keys/signer.js';
import type { Profile } from '../model/types.js';
import { issueBatch } from './issue-batch.js';
import { openDirSink, openJsonlSink, type CohortSink, type IssuedRecord } from './output.js';
import { openRoster, type RosterRow } from './roster.js';
import { signedJsonText } from './worker-pool.js';
import { fillTemplate, mapColumns, templatePlaceholders, unusedColumns as unusedColumnsOf, type CohortTemplate } from './template.js';

/**
 * A roster row that was not issued, with the CSV line to fix.
 * @example
 * ```ts
 * const e: RowError = { line: 41, key: 'S040', code: 'ERR_INVALID_INPUT', message: 'award.recipient.email: expected an email address' };
 * ```
 */
export interface RowError {
  line: number;
  key?: string;
  code: string;
  message: string;
}

/**
 * Progress of {@link issueCohort}, reported after every row (issued, skipped or failed).
 * @example
 * ```ts
 * const onProgress = (p: CohortProgress) => console.log(`${p.issued + p.skipped + p.failed}/${p.total ?? '?'}`);
 * ```
 */
export interface CohortProgress {
  issued: number;
  skipped: number;
  failed: number;
  /** Rows in the roster, when counted beforehand (`countRows`). */
  total?: number;
  /** Worker threads signing (0: the calling thread). */
  workers?: number;
}

/**
 * Outcome of {@link issueCohort}.
 * @example
 * ```ts
 * const s: CohortSummary = { issued: 118, skipped: 2, failed: 1, rows: 121, errors: [...], ms: 1840 };
 * ```
 */
export interface CohortSummary extends CohortProgress {
  /** Data rows read from the roster. */
  rows: number;
  /** Every failed row (its line, key and why). */
  errors: RowError[];
  /** Roster columns no role or placeholder used (often a typo in a header). */
  unusedColumns: string[];
  /** Wall-clock time. */
  ms: number;
  /** True when stopped by `signal` before the end. */
  aborted: boolean;
}

/**
 * Options of {@link issueCohort}.
 * @example
 * ```ts
 * const opts: CohortOptions = { roster: 'roster.csv', template, key, out: { jsonl: 'out/cohort.jsonl' } };
 * ```
 */
export interface CohortOptions {
  /** CSV file path or CSV text chunks. */
  roster: string | AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;
  template: CohortTemplate;
  /** The issuer's key; give either `key` or `signer`. */
  key?: KeyPair;
  /**
   * An external signer (KMS, HSM, a signing service): the key never reaches credstack. Transient failures are retried
   * (`signerRetries`, `signerRetryDelayMs`); a row that still fails is reported with its line, never half-written.
   */
  signer?: Signer;
  /** See BatchOptions.signerTimeoutMs / signerRetries / signerRetryDelayMs of issueBatch. */
  signerTimeoutMs?: number;
  signerRetries?: number;
  signerRetryDelayMs?: number;
  /** JSON Lines file (resumable append) or a directory with one file per row. */
  out: { jsonl: string } | { dir: string };
  /** Column whose value identifies a row for resuming (default: a student-id, email or DID column, else a hash of the row). */
  keyColumn?: string;
  /** Issuer profile when the template has none (default `{ id: key.controller, type: ['Profile'], name: issuerName }`). */
  issuer?: Profile;
  issuerName?: string;
  format?: 'eddsa-rdfc-2022' | 'eddsa-jcs-2022' | 'ecdsa-rdfc-2019' | 'ecdsa-jcs-2019' | 'vc-jwt';
  /** How credstack's context is named when the template uses its terms (IssueOptions.extension; default 'inline'). */
  extension?: 'url' | 'inline' | 'none';
  now?: Date | string;
  concurrency?: number;
  /** Sign in this many worker threads (see BatchOptions.workers of issueBatch); default 0. */
  workers?: number;
  salt?: string;
  delimiter?: string;
  /** Count the roster's rows first (one fast extra pass over a file) so progress has a total. */
  countRows?: boolean;
  /** JSONL output: rows per group commit (one write and one fsync; default 100; see openJsonlSink). */
  fsyncEvery?: number;
  onProgress?: (p: CohortProgress) => void;
  /** Give each credential a status entry (e.g. `() => store.allocate().then((a) => a.entry)` with a FileStatusListStore). */
  allocateStatus?: () => Promise<Record<string, unknown>>;
  /** Refuse (`ERR_ROSTER_COLUMN_UNUSED`) before issuing when a roster column would not be used (default: listed in `unusedColumns`). */
  strictColumns?: boolean;
  /** Called for each failed row as it happens, with the row's cells (to write a file of failed rows to fix and rerun). */
  onRowError?: (e: RowError, values?: Readonly<Record<string, string>>) => void;
  /**
   * Called for each credential once it is durably written (JSONL: after its group's fsync), in output order (to keep a
   * manifest: row key → credential id, status entry).
   */
  onIssued?: (r: { key: string; line: number; credential: Record<string, any> | string }) => void;
  signal?: AbortSignal;
}

interface Item {
  row: RosterRow;
  key: string;
  error?: CredstackError;
}

function rowHash(values: Record<string, string>): string {
  return `row-${bytesToHex(sha256(utf8ToBytes(JSON.stringify(Object.values(values))))).slice(0, 16)}`;
}

/**
 * Issue one signed credential per roster row, streaming and resumable: rows already in the output (by row key) are
 * skipped, each bad row is reported with its CSV line and the others go on, signing goes through {@link issueBatch}
 * (bounded concurrency, flat memory), and every credential is written as soon as it is signed.
 * @throws InvalidInputError for an unusable roster header, a missing key column or placeholder column;
 *   IssueError `ERR_ISSUER_MISMATCH` when the template's issuer is not the key's controller.
 * @example
 * ```ts
 * const key = importKeyPair(JSON.parse(await readFile('issuer.key.json', 'utf8')));
 * const template = parseTemplate(JSON.parse(await readFile('achievement.json', 'utf8')));
 * const summary = await issueCohort({ roster: 'roster.csv', template, key, out: { jsonl: 'cohort.jsonl' }, issuerName: 'Uni' });
 * console.log(`${summary.issued} issued, ${summary.skipped} already there, ${summary.failed} failed`);
 * ```
 */
export async function issueCohort(opts: CohortOptions): Promise<CohortSummary> {
  const started = performance.now();
  const { key, template, signer } = opts;
  if (signer !== undefined && !isSigner(signer)) throw new InvalidInputError('options.signer must be a Signer ({ id, algorithm, sign })', { code: 'ERR_SIGNER_INVALID' });
  const controller = signer !== undefined ? signerController(signer) : key?.controller;
  if (typeof controller !== 'string') throw new InvalidInputError('options.key or options.signer is required');
  const issuerId = template.kind === 'award'
    ? (template.issuer?.id ?? opts.issuer?.id ?? controller)
    : (typeof template.credential.issuer === 'string' ? template.credential.issuer : template.credential.issuer?.id);
  if (typeof issuerId === 'string' && !issuerId.includes('{{') && issuerId !== controller) {
    throw new IssueError('ERR_ISSUER_MISMATCH', `the template's issuer ${issuerId} is not the key's controller ${controller}`, {
      details: { issuer: issuerId, controller },
    });
  }
  const issuer: Profile = opts.issuer ?? { id: controller, type: ['Profile'], name: opts.issuerName ?? 'Issuer' } as Profile;

  let total: number | undefined;
  if (opts.countRows && typeof opts.roster === 'string') {
    const counted = await openRoster(opts.roster, { delimiter: opts.delimiter });
    total = 0;
    for await (const _ of counted.rows) total++;
  }

  const { columns, rows } = await openRoster(opts.roster, { delimiter: opts.delimiter });
  const roles = mapColumns(columns);
  const placeholders = templatePlaceholders(template);
  const missing = placeholders.filter((p) => !columns.includes(p));
  if (missing.length) {
    throw new InvalidInputError(`the template uses ${missing.map((m) => `{{${m}}}`).join(', ')} but the roster has no such column (columns: ${columns.join(', ')})`, {
      code: 'ERR_TEMPLATE_COLUMN',
    });
  }
  let keyColumn = opts.keyColumn;
  if (keyColumn !== undefined && !columns.includes(keyColumn)) {
    throw new InvalidInputError(`key column "${keyColumn}" is not in the roster (columns: ${columns.join(', ')})`, { code: 'ERR_KEY_COLUMN' });
  }
  keyColumn ??= roles.studentId ?? roles.id ?? roles.did ?? roles.email ?? roles.credentialId;
  const unusedColumns = unusedColumnsOf(template, columns);
  if (opts.strictColumns && unusedColumns.length) {
    throw new InvalidInputError(`roster column(s) ${unusedColumns.join(', ')} would not be used by the template`, { code: 'ERR_ROSTER_COLUMN_UNUSED', details: { columns: unusedColumns } });
  }

  const summary: CohortSummary = { issued: 0, skipped: 0, failed: 0, rows: 0, errors: [], unusedColumns, ms: 0, aborted: false };
  // a row counts as issued once its bytes are durable (JSONL: after its group's fsync; directory: after its file's)
  const durable = (records: IssuedRecord[]): void => {
    for (const r of records) {
      summary.issued++;
      opts.onIssued?.({ key: r.key, line: r.line, credential: r.credential });
    }
    if (records.length) progress();
  };
  const jsonl = 'jsonl' in opts.out;
  const sink: CohortSink = 'jsonl' in opts.out
    ? await openJsonlSink(opts.out.jsonl, { ...(opts.fsyncEvery !== undefined ? { fsyncEvery: opts.fsyncEvery } : {}), onDurable: durable })
    : await openDirSink(opts.out.dir, { ext: opts.format === 'vc-jwt' ? '.jwt' : '.json' });

  if (total !== undefined) summary.total = total;
  const firstLine = new Map<string, number>();
  const report = (e: RowError, values?: Record<string, string>): void => {
    summary.failed++;
    summary.errors.push(e);
    opts.onRowError?.(e, values);
  };
  let threads = 0;
  const progress = (): void => opts.onProgress?.({ issued: summary.issued, skipped: summary.skipped, failed: summary.failed, workers: threads, ...(total !== undefined ? { total } : {}) });

  async function* items(): AsyncGenerator<Item> {
    for await (const row of rows) {
      summary.rows++;
      const key = keyColumn ? row.values[keyColumn] ?? '' : rowHash(row.values);
      const item: Item = { row, key };
      if (row.error) item.error = new InvalidInputError(row.error.message, { code: row.error.code });
      else if (key === '') item.error = new InvalidInputError(`the key column ${keyColumn} is empty`, { code: 'ERR_ROW_INVALID' });
      else if (firstLine.has(key)) {
        item.error = new InvalidInputError(`duplicate row: ${keyColumn ?? 'the same values'} ${key} is also on line ${firstLine.get(key)}`, { code: 'ERR_ROW_DUPLICATE' });
      } else {
        firstLine.set(key, row.line);
        if (sink.has(key)) {
          summary.skipped++;
          progress();
          continue;
        }
      }
      yield item;
    }
  }

  const now = opts.now === undefined ? undefined : new Date(opts.now);
  try {
    for await (const r of issueBatch(items(), {
      ...(signer !== undefined ? { signer } : { key }),
      ...(opts.signerTimeoutMs !== undefined ? { signerTimeoutMs: opts.signerTimeoutMs } : {}),
      ...(opts.signerRetries !== undefined ? { signerRetries: opts.signerRetries } : {}),
      ...(opts.signerRetryDelayMs !== undefined ? { signerRetryDelayMs: opts.signerRetryDelayMs } : {}),
      ...(opts.format ? { format: opts.format } : {}),
      ...(opts.extension ? { extension: opts.extension } : {}),
      ...(opts.now !== undefined ? { now: opts.now } : {}),
      ...(opts.concurrency !== undefined ? { concurrency: opts.concurrency } : {}),
      ...(opts.workers ? { workers: opts.workers } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
      onProgress: (p) => {
        threads = p.workers;
      },
      build: async (item) => {
        if (item.error) throw item.error;
        const unsigned = fillTemplate(template, item.row.values, { issuer, columns: roles, ...(now ? { now } : {}), ...(opts.salt !== undefined ? { salt: opts.salt } : {}) });
        if (opts.allocateStatus) unsigned.credentialStatus = await opts.allocateStatus();
        return unsigned;
      },
    })) {
      if (r.error) {
        report({ line: r.row.row.line, ...(r.row.key ? { key: r.row.key } : {}), code: r.error.code, message: r.error.message }, r.row.row.values);
      } else {
        const record: IssuedRecord = { key: r.row.key, line: r.row.row.line, credential: r.credential! };
        // a credential signed in a worker arrived as JSON text: written as it is (nothing touched it since)
        await sink.add(record, signedJsonText(record.credential));
        if (!jsonl) durable([record]);
        continue;
      }
      progress();
    }
  } finally {
    await sink.close();
  }
  summary.aborted = opts.signal?.aborted ?? false;
  summary.workers = threads;
  summary.ms = Math.round(performance.now() - started);
  return summary;
}

// @ts-nocheck
import { InvalidInputError } from '../errors.js';
import { parseCsv, type CsvRecord } from './csv.js';

/**
 * One learner row of a roster: the values by column name (trimmed) and the CSV line the row starts on.
 * `error` is set when the row itself is malformed (bad quoting, wrong number of columns).
 * @example
 * ```ts
 * const row: RosterRow = { line: 2, values: { student_id: 'S001', email: 'ada@uni.example', grade: 'A' } };
 * ```
 */
export interface RosterRow {
  line: number;
  values: Record<string, string>;
  error?: { code: string; message: string };
}

/**
 * A roster being read: its header (column names in order) and its rows, streamed.
 * @example
 * ```ts
 * const roster = await openRoster('cohort-2026.csv');
 * console.log(roster.columns); // ['student_id', 'email', 'grade']
 * for await (const row of roster.rows) { … }
 * ```
 */
export interface Roster {
  columns: string[];
  rows: AsyncGenerator<RosterRow>;
}

/**
 * Open a CSV roster (first non-empty line = column names) and stream its rows in constant memory. Blank rows are
 * skipped; a row with the wrong number of columns or broken quoting comes out with `error` and its line number, and the
 * rows after it still come out. Throws {@link InvalidInputError} (`ERR_ROSTER_EMPTY`, `ERR_ROSTER_HEADER`) when there is
 * no usable header.
 * @example
 * ```ts
 * const { columns, rows } = await openRoster('roster.csv');
 * for await (const row of rows) {
 *   if (row.error) console.error(`line ${row.line}: ${row.error.message}`);
 * }
 * ```
 */
export async function openRoster(
  source: string | AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  opts: { delimiter?: string } = {},
): Promise<Roster> {
  const records = parseCsv(source, opts);
  let header: CsvRecord | undefined;
  for (;;) {
    const next = await records.next();
    if (next.done) break;
    if (next.value.fields.some((f) => f.trim() !== '')) {
      header = next.value;
      break;
    }
  }
  if (!header) throw new InvalidInputError('the roster is empty: expected a header line with column names', { code: 'ERR_ROSTER_EMPTY' });
  if (header.error) {
    throw new InvalidInputError(`line ${header.line}: the header is malformed: ${header.error.message}`, { code: 'ERR_ROSTER_HEADER', details: { line: header.line } });
  }
  const columns = header.fields.map((f) => f.trim());
  const seen = new Set<string>();
  columns.forEach((c, i) => {
    if (c === '') throw new InvalidInputError(`line ${header.line}: column ${i + 1} has no name`, { code: 'ERR_ROSTER_HEADER', details: { line: header.line } });
    if (seen.has(c)) throw new InvalidInputError(`line ${header.line}: column "${c}" appears twice`, { code: 'ERR_ROSTER_HEADER', details: { line: header.line } });
    seen.add(c);
  });

  async function* rows(): AsyncGenerator<RosterRow> {
    for await (const rec of records) {
      if (!rec.error && rec.fields.every((f) => f.trim() === '')) continue;
      const values: Record<string, string> = {};
      columns.forEach((c, i) => {
        values[c] = (rec.fields[i] ?? '').trim();
      });
      const row: RosterRow = { line: rec.line, values };
      if (rec.error) row.error = rec.error;
      else if (rec.fields.length !== columns.length) {
        row.error = {
          code: 'ERR_ROSTER_COLUMNS',
          message: `expected ${columns.length} columns (${columns.join(', ')}), found ${rec.fields.length} — a comma inside a value needs "quotes"`,
        };
      }
      yield row;
    }
  }
  return { columns, rows: rows() };
}

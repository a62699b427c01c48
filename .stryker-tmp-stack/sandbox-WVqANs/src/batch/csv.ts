// @ts-nocheck
import { createReadStream } from 'node:fs';
import { InvalidInputError } from '../errors.js';

/**
 * One CSV record with the 1-based line number where it starts. A record the parser could not read has `error` set
 * (and whatever fields it had read so far); parsing continues on the next line.
 * @example
 * ```ts
 * const rec: CsvRecord = { line: 3, fields: ['S002', 'ada@uni.example'] };
 * ```
 */
export interface CsvRecord {
  /** 1-based line number of the first line of the record (CRLF, LF and CR each end one line). */
  line: number;
  fields: string[];
  /** Set when the record is malformed, e.g. `{ code: 'ERR_CSV_QUOTE', message: 'text after a closing quote' }`. */
  error?: { code: string; message: string };
}

const enum S {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteInQuoted,
  SkipLine,
}

/**
 * A streaming RFC 4180 CSV parser that keeps exact line numbers (CRLF, LF and lone CR all end a line), strips a
 * UTF-8 BOM, skips empty lines, accepts quoted fields spanning lines, and recovers from a malformed record by
 * reporting it and resuming at the next line. Feed text with `push`, finish with `end`.
 *
 * Written here rather than taken from npm: csv-parse 7.0.3 counts a CRLF as two lines and mis-recovers after a bad
 * quote, and registrars' spreadsheets export CRLF; a wrong line number in "row 41 is bad" is worse than none.
 * @example
 * ```ts
 * const p = new CsvParser();
 * const records = [...p.push('id,email\r\nS1,"a@x"\r\n'), ...p.end()];
 * // [{ line: 1, fields: ['id', 'email'] }, { line: 2, fields: ['S1', 'a@x'] }]
 * ```
 */
export class CsvParser {
  private state = S.FieldStart;
  private field = '';
  private fields: string[] = [];
  private line = 1;
  private recordLine = 1;
  private pendingCR = false;
  private started = false;
  private error: CsvRecord['error'] | undefined;
  private readonly delimiter: string;

  constructor(opts: { delimiter?: string } = {}) {
    this.delimiter = opts.delimiter ?? ',';
    if (this.delimiter.length !== 1 || this.delimiter === '"' || this.delimiter === '\n' || this.delimiter === '\r') {
      throw new InvalidInputError('CSV delimiter must be one character other than a quote or line break', { code: 'ERR_CSV_DELIMITER' });
    }
  }

  /** Parse the next chunk of text; returns the records completed by it. */
  push(text: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let i = 0;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) i = 1;
    }
    const d = this.delimiter;
    for (; i < text.length; i++) {
      let c = text[i]!;
      if (this.pendingCR) {
        this.pendingCR = false;
        if (c === '\n') continue; // CRLF: the CR already ended the line
      }
      if (c === '\r') {
        this.pendingCR = true;
        c = '\n';
      }
      switch (this.state) {
        case S.FieldStart:
          if (c === '"') {
            this.state = S.Quoted;
          } else if (c === d) {
            this.fields.push('');
          } else if (c === '\n') {
            this.endRecord(out);
          } else {
            this.field = c;
            this.state = S.Unquoted;
          }
          break;
        case S.Unquoted:
          if (c === d) {
            this.fields.push(this.field);
            this.field = '';
            this.state = S.FieldStart;
          } else if (c === '\n') {
            this.endRecord(out);
          } else {
            this.field += c; // a stray quote inside an unquoted field is kept as text (lenient, like spreadsheets)
          }
          break;
        case S.Quoted:
          if (c === '"') this.state = S.QuoteInQuoted;
          else {
            if (c === '\n') this.line++;
            this.field += c; // CRLF inside a quoted field becomes \n
          }
          break;
        case S.QuoteInQuoted:
          if (c === '"') {
            this.field += '"';
            this.state = S.Quoted;
          } else if (c === d) {
            this.fields.push(this.field);
            this.field = '';
            this.state = S.FieldStart;
          } else if (c === '\n') {
            this.endRecord(out);
          } else {
            this.error = { code: 'ERR_CSV_QUOTE', message: `unexpected ${JSON.stringify(c)} after a closing quote (a quote inside a quoted field is written "")` };
            this.state = S.SkipLine;
          }
          break;
        case S.SkipLine:
          if (c === '\n') this.endRecord(out);
          break;
      }
    }
    return out;
  }

  /** Finish: returns the last record, or an error record if a quoted field was never closed. */
  end(): CsvRecord[] {
    const out: CsvRecord[] = [];
    if (this.state === S.Quoted) {
      this.error = { code: 'ERR_CSV_QUOTE', message: 'a quoted field opened here is never closed' };
    }
    if (this.state !== S.FieldStart || this.fields.length > 0 || this.error) this.endRecord(out, false);
    return out;
  }

  private endRecord(out: CsvRecord[], newline = true): void {
    const empty = this.fields.length === 0 && this.state === S.FieldStart && !this.error;
    if (!empty) {
      this.fields.push(this.field);
      const rec: CsvRecord = { line: this.recordLine, fields: this.fields };
      if (this.error) rec.error = this.error;
      out.push(rec);
    }
    this.fields = [];
    this.field = '';
    this.error = undefined;
    this.state = S.FieldStart;
    if (newline) this.line++;
    this.recordLine = this.line;
  }
}

/**
 * Stream CSV records from a file path or from text chunks, in constant memory.
 * @example
 * ```ts
 * for await (const rec of parseCsv('roster.csv')) console.log(rec.line, rec.fields);
 * ```
 */
export async function* parseCsv(
  source: string | AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  opts: { delimiter?: string } = {},
): AsyncGenerator<CsvRecord> {
  const parser = new CsvParser(opts);
  const decoder = new TextDecoder('utf-8');
  const chunks = typeof source === 'string' ? createReadStream(source, { highWaterMark: 64 * 1024 }) : source;
  for await (const chunk of chunks as AsyncIterable<string | Uint8Array>) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    yield* parser.push(text);
  }
  const rest = decoder.decode();
  if (rest) yield* parser.push(rest);
  yield* parser.end();
}

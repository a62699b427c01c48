// @ts-nocheck
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvParser, parseCsv } from '../../src/batch/csv.js';
import { openRoster } from '../../src/batch/roster.js';

function parseAll(text: string, cuts: number[] = []): ReturnType<CsvParser['end']> {
  const p = new CsvParser();
  const out = [];
  let at = 0;
  for (const c of [...cuts.filter((x) => x > 0 && x < text.length).sort((a, b) => a - b), text.length]) {
    out.push(...p.push(text.slice(at, c)));
    at = c;
  }
  return [...out, ...p.end()];
}

describe('CsvParser', () => {
  it('counts CRLF, LF and CR line ends once each and gives each record its first line', () => {
    const recs = parseAll('\uFEFFa,b\r\n1,"x\r\ny"\r\n\r\n2,3\n4,5\r6,7');
    expect(recs.map((r) => [r.line, r.fields])).toEqual([[1, ['a', 'b']], [2, ['1', 'x\ny']], [5, ['2', '3']], [6, ['4', '5']], [7, ['6', '7']]]);
  });

  it('unescapes "" and keeps delimiters inside quotes; empty fields stay', () => {
    expect(parseAll('"a ""q"", b",,c\n').map((r) => r.fields)).toEqual([['a "q", b', '', 'c']]);
  });

  it('reports text after a closing quote with its line and resumes at the next line', () => {
    const recs = parseAll('h1,h2\n"ok",1\n"bad"x,2\nnext,3\n');
    expect(recs[2]).toMatchObject({ line: 3, error: { code: 'ERR_CSV_QUOTE' } });
    expect(recs[3]).toEqual({ line: 4, fields: ['next', '3'] });
  });

  it('reports a quote never closed at the line where it opened', () => {
    const recs = parseAll('h\nfine\n"open\nmore\n');
    expect(recs.at(-1)).toMatchObject({ line: 3, error: { code: 'ERR_CSV_QUOTE', message: expect.stringContaining('never closed') } });
  });

  it('gives the same records however the text is split into chunks (CR/LF and quotes across chunk edges)', () => {
    const cell = fc.oneof(fc.stringMatching(/^[a-z ]{0,4}$/), fc.string({ maxLength: 5 }).map((s) => `"${s.replace(/"/g, '""')}"`));
    const text = fc.array(fc.tuple(fc.array(cell, { minLength: 1, maxLength: 3 }), fc.constantFrom('\n', '\r\n', '\r')), { minLength: 1, maxLength: 6 })
      .map((rows) => rows.map(([cells, eol]) => cells.join(',') + eol).join(''));
    fc.assert(fc.property(text, fc.array(fc.nat(60), { maxLength: 6 }), (t, cuts) => {
      expect(parseAll(t, cuts)).toEqual(parseAll(t));
    }), { numRuns: 300 });
  });

  it('parseCsv streams a byte source with multi-byte UTF-8 split across chunks', async () => {
    const bytes = new TextEncoder().encode('name\nÉlodie Müller\n');
    const chunks = [bytes.slice(0, 6), bytes.slice(6, 7), bytes.slice(7)];
    const recs = [];
    for await (const r of parseCsv(chunks)) recs.push(r);
    expect(recs.map((r) => r.fields[0])).toEqual(['name', 'Élodie Müller']);
  });
});

describe('openRoster', () => {
  it('maps rows by header, trims, skips blank rows, flags wrong column counts with the line', async () => {
    const { columns, rows } = await openRoster(['\n id , email \n S1 , a@x \n,\nS2,b@x,extra\n']);
    expect(columns).toEqual(['id', 'email']);
    const all = [];
    for await (const r of rows) all.push(r);
    expect(all[0]).toEqual({ line: 3, values: { id: 'S1', email: 'a@x' } });
    expect(all[1]).toMatchObject({ line: 5, error: { code: 'ERR_ROSTER_COLUMNS' } });
    expect(all).toHaveLength(2);
  });

  it('refuses an empty roster and a header with duplicate or empty names', async () => {
    await expect(openRoster(['\n\n'])).rejects.toMatchObject({ code: 'ERR_ROSTER_EMPTY' });
    await expect(openRoster(['a,b,a\n'])).rejects.toMatchObject({ code: 'ERR_ROSTER_HEADER' });
    await expect(openRoster(['a,,b\n'])).rejects.toMatchObject({ code: 'ERR_ROSTER_HEADER' });
  });
});

import { describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { CsvRecordReader, CsvSyntaxError, type CsvRecord } from './csv-records.js';

/** Everything `pieces` hold, read through one reader, each piece written as it would arrive from a socket. */
function readAll(pieces: string[], max = 1_000_000): CsvRecord[] {
  const reader = new CsvRecordReader(max);
  const records: CsvRecord[] = [];
  pieces.forEach((piece, index) => {
    reader.write(piece, index === pieces.length - 1);
    for (let record = reader.read(); record !== null; record = reader.read()) records.push(record);
  });
  return records;
}

function problemOf(text: string, max?: number): CsvSyntaxError {
  try {
    readAll([text, ''], max);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return error;
    throw error;
  }
  throw new Error('expected a CsvSyntaxError');
}

/** `text` cut at the given offsets. */
function cut(text: string, offsets: number[]): string[] {
  const points = [...new Set(offsets.map((offset) => offset % (text.length + 1)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const point of points) {
    pieces.push(text.slice(from, point));
    from = point;
  }
  pieces.push(text.slice(from));
  return pieces;
}

const field = fc.oneof(
  fc.string({ unit: fc.constantFrom('a', 'b', ' ', '1', 'é', ',', '"', '\n', '\r') }),
  fc.string({ unit: fc.constantFrom('x', '7', '.', '-') }),
);
const records = fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 });
const delimiters = fc.constantFrom('\n', '\r\n', '\r');

/** A CSV file of `rows`, quoting only the fields that need it, as spreadsheet programs write them. */
function toCsv(rows: string[][], delimiter: string, trailing: boolean): string {
  const quote = (value: string): string => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return rows.map((row) => row.map(quote).join(',')).join(delimiter) + (trailing ? delimiter : '');
}

/** Whether a file's last record would vanish without a trailing line break (one empty field). */
const endsEmpty = (rows: string[][]): boolean => rows.at(-1)!.length === 1 && rows.at(-1)![0] === '';

describe('CsvRecordReader', () => {
  it('reads back any records, however the text is cut into pieces, with the line each starts on', () => {
    fc.assert(
      fc.property(
        records,
        delimiters,
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 8 }),
        (rows, eol, trailing, at) => {
          const text = toCsv(rows, eol, trailing || endsEmpty(rows));
          const read = readAll(cut(text, at));
          expect(read.map((record) => record.fields)).toEqual(rows);
          let line = 1;
          rows.forEach((row, index) => {
            expect(read[index]!.line).toBe(line);
            for (const value of row) line += value.replace(/\r\n/g, '\n').replace(/[^\r\n]/g, '').length;
            line += 1;
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('reads what csv-parse (the reader it replaces) reads', () => {
    fc.assert(
      fc.property(records, delimiters, fc.boolean(), (rows, eol, trailing) => {
        const text = toCsv(rows, eol, trailing || endsEmpty(rows));
        const theirs = parse(text, { relax_column_count: true, record_delimiter: eol }) as string[][];
        expect(readAll([text]).map((record) => record.fields)).toEqual(theirs);
      }),
      { numRuns: 500 },
    );
  });

  it('reads plain records, CRLF and a last record without a line break', () => {
    expect(readAll(['a,b\r\n1,', '2\r\n\r\n3,4'])).toEqual([
      { fields: ['a', 'b'], line: 1 },
      { fields: ['1', '2'], line: 2 },
      { fields: [''], line: 3 },
      { fields: ['3', '4'], line: 4 },
    ]);
  });

  it('names the problem and the line the bad record starts on', () => {
    expect(problemOf('a,b\n1,2\n3,"four\n5,6\n')).toMatchObject({ problem: 'quote_not_closed', line: 3 });
    expect(problemOf('a,b\n"x"y,2\n')).toMatchObject({ problem: 'invalid_closing_quote', line: 2 });
    expect(problemOf('a,b\n1,2\n"two\nlines",3\nab"c,4\n')).toMatchObject({
      problem: 'invalid_opening_quote',
      line: 5,
    });
    expect(problemOf('a,b\n1234567890,1\n', 8)).toMatchObject({ problem: 'record_too_long', line: 2 });
    expect(problemOf('a,b\n"123456789', 8)).toMatchObject({ problem: 'record_too_long', line: 2 });
  });
});

import { Readable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { readTable } from './read-table.js';
import { ImportFileError, type TableKind, type TableRow } from './types.js';

function bytes(...chunks: (string | Buffer)[]): Readable {
  return Readable.from(chunks.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk)));
}

async function rowsOf(input: Readable, kind: TableKind = 'csv'): Promise<TableRow[]> {
  const rows: TableRow[] = [];
  for await (const row of readTable(input, kind)) rows.push(row);
  return rows;
}

async function failureOf(input: Readable, kind: TableKind = 'csv'): Promise<ImportFileError> {
  try {
    await rowsOf(input, kind);
  } catch (error) {
    if (error instanceof ImportFileError) return error;
    throw error;
  }
  throw new Error('expected an ImportFileError');
}

async function workbook(build: (sheet: ExcelJS.Worksheet) => void, name = 'Results'): Promise<Readable> {
  const book = new ExcelJS.Workbook();
  build(book.addWorksheet(name));
  return bytes(Buffer.from(await book.xlsx.writeBuffer()));
}

describe('readTable (CSV)', () => {
  it('keys cells by the trimmed header, trims cells, and reads blank as null', async () => {
    const rows = await rowsOf(bytes(' period , value ,note\n2026-03, 91.2 ,\n'));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.cells).toEqual({ period: '2026-03', value: '91.2', note: null });
    expect(rows[0]!.header).toEqual({ line: 1, names: ['period', 'value', 'note'] });
  });

  it('accepts a UTF-8 BOM, and a character split across chunks', async () => {
    const text = Buffer.from('\uFEFFperiod,note\nFY2026,Montréal\n', 'utf8');
    const split = text.indexOf(0xc3) + 1;
    const rows = await rowsOf(bytes(text.subarray(0, split), text.subarray(split)));
    expect(Object.keys(rows[0]!.cells)).toEqual(['period', 'note']);
    expect(rows[0]!.cells.note).toBe('Montréal');
  });

  it('numbers each row by the physical line it starts on, across quoted line breaks and blank lines', async () => {
    const rows = await rowsOf(bytes('a,b\r\n1,"two\r\nlines"\r\n\r\n,\r\n3,"x\ny\nz"\r\n4,5'));
    expect(rows.map((row) => [row.line, row.cells.a])).toEqual([
      [2, '1'],
      [6, '3'],
      [9, '4'],
    ]);
    expect(rows[0]!.cells.b).toBe('two\r\nlines');
  });

  it('refuses a file that is not UTF-8, saying how to fix it and where', async () => {
    const latin1 = Buffer.from('period,note\nFY2026,ok\nFY2025,Montr\xe9al\n', 'latin1');
    const error = await failureOf(bytes(latin1));
    expect(error.code).toBe('not_utf8');
    expect(error.message).toContain(
      'The file is not UTF-8 (it looks like Windows-1252/Latin-1): save it as CSV UTF-8. The first character that is not UTF-8 is on line 3.',
    );
    expect(error.line).toBe(3);
  });

  it('refuses UTF-16 and XLSX bytes sent as CSV', async () => {
    expect(await failureOf(bytes(Buffer.from('\ufeffa,b\n1,2\n', 'utf16le')))).toMatchObject({
      code: 'not_utf8',
      message: 'The file is not UTF-8 (it is UTF-16): save it as CSV UTF-8.',
    });
    const xlsx = await workbook((sheet) => sheet.addRow(['a']));
    expect(await failureOf(xlsx)).toMatchObject({ code: 'malformed_csv' });
  });

  it('says an empty file, or one with only a header, is empty', async () => {
    expect(await failureOf(bytes(''))).toMatchObject({
      code: 'empty_file',
      message: 'The file is empty: it needs a header row and at least one row of data.',
    });
    expect(await failureOf(bytes('\uFEFF\r\n ,, \r\n'))).toMatchObject({ code: 'empty_file' });
    expect(await failureOf(bytes('period,value\n\n'))).toMatchObject({
      code: 'empty_file',
      message: 'The file has a header but no rows of data.',
      line: 1,
    });
  });

  it('refuses a header that repeats a column', async () => {
    expect(await failureOf(bytes('value,Value\n1,2\n'))).toMatchObject({
      code: 'bad_header',
      message: 'The header is not right: repeated columns: Value.',
    });
  });

  it('reports a row with too few or too many fields, and values under no header', async () => {
    const rows = await rowsOf(bytes('a,b,\n1\n1,2,3\n1,2,,\n1,2,,4\n'));
    expect(rows.map((row) => row.errors?.map((error) => error.reason) ?? [])).toEqual([
      ['has 1 fields but the header has 3: a comma or a quote may be missing'],
      ['column 3 has a value but no header'],
      [],
      ['has 4 fields but the header has 3: a comma may need quotes around its field'],
    ]);
  });

  it('stops at a quote that is never closed, naming the line', async () => {
    expect(await failureOf(bytes('a,b\n1,2\n3,"four\n5,6\n'))).toMatchObject({
      code: 'malformed_csv',
      line: 3,
      message: 'The CSV file cannot be read from line 3: a quoted field is never closed.',
    });
  });
});

describe('readTable (XLSX)', () => {
  it('reads a formula as the value Excel saved with it, and names sheet and cell', async () => {
    const input = await workbook((sheet) => {
      sheet.addRow(['standard_id', 'period', 'value', 'numerator', 'denominator']);
      sheet.addRow(['a', '2026-03', { formula: 'D2/E2*100', result: 91.23 }, 9123, 10000]);
      sheet.addRow([]);
      sheet.addRow(['b', 'FY2026', { formula: 'D4/E4*100', result: 50 }, 1, 2]);
    });
    const rows = await rowsOf(input, 'xlsx');
    expect(rows.map((row) => [row.line, row.cells.value])).toEqual([
      [2, 91.23],
      [4, 50],
    ]);
    expect(rows[0]!.sheet).toBe('Results');
    expect(rows[0]!.cellRefs?.value).toBe('C2');
    expect(rows[0]!.cells.numerator).toBe(9123);
  });

  it('reads percent-formatted numbers with a % sign, dates as ISO text, and rich text as text', async () => {
    const input = await workbook((sheet) => {
      sheet.addRow(['value', 'period', 'note', 'flag']);
      sheet.addRow([0.913, new Date(Date.UTC(2026, 2, 1)), { richText: [{ text: 'rich ' }, { text: 'text' }] }, true]);
      sheet.getCell('A2').numFmt = '0.0%';
    });
    const [row] = await rowsOf(input, 'xlsx');
    expect(row!.cells).toEqual({ value: '91.3%', period: '2026-03-01', note: 'rich text', flag: 'TRUE' });
  });

  it('reports a formula with no saved value instead of reading it as blank', async () => {
    const input = await workbook((sheet) => {
      sheet.addRow(['value']);
      sheet.addRow([{ formula: 'B2*2' }]);
    });
    const [row] = await rowsOf(input, 'xlsx');
    expect(row!.errors).toEqual([
      {
        line: 2,
        sheet: 'Results',
        cell: 'A2',
        column: 'value',
        reason: 'has a formula without a saved value: open the file in Excel and save it again',
      },
    ]);
  });

  it('says an empty workbook, or a file that is not one, cannot be read', async () => {
    expect(await failureOf(bytes(''), 'xlsx')).toMatchObject({ code: 'empty_file' });
    expect(await failureOf(await workbook(() => undefined), 'xlsx')).toMatchObject({ code: 'empty_file' });
    expect(await failureOf(await workbook((sheet) => sheet.addRow(['value'])), 'xlsx')).toMatchObject({
      code: 'empty_file',
      message: 'The file has a header but no rows of data.',
    });
    expect(await failureOf(bytes('value\n1\n'), 'xlsx')).toMatchObject({ code: 'unreadable_xlsx' });
  });

  it('says a truncated workbook cannot be read', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Results');
    sheet.addRow(['value']);
    for (let i = 0; i < 200; i++) sheet.addRow([i]);
    const whole = Buffer.from(await book.xlsx.writeBuffer());
    expect(await failureOf(bytes(whole.subarray(0, whole.length / 2)), 'xlsx')).toMatchObject({
      code: 'unreadable_xlsx',
    });
  });
});

import { Readable } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { parseImportFile } from './index.js';
import { ImportFileError, type ParsedRecord, type ParsedRow, type RowError, type TableKind } from './types.js';
import { YARDSTICK_HEADER, YARDSTICK_TEMPLATE_COLUMNS, type YardstickRecord } from './yardstick.js';

const HEADER = 'agency,standard_code,period,channel,value,numerator,denominator,sample_size,data_quality_note';

async function parse(input: string | Buffer, kind: TableKind = 'csv'): Promise<ParsedRow<YardstickRecord>[]> {
  const rows: ParsedRow<YardstickRecord>[] = [];
  const stream = Readable.from([typeof input === 'string' ? Buffer.from(input, 'utf8') : input]);
  for await (const row of parseImportFile(stream, { kind, format: 'yardstick' })) rows.push(row);
  return rows;
}

function csv(...lines: string[]): string {
  return `${[HEADER, ...lines].join('\n')}\n`;
}

async function recordOf(line: string): Promise<YardstickRecord> {
  const [row] = await parse(csv(line));
  if (row === undefined || 'errors' in row) throw new Error(`expected a record, got ${JSON.stringify(row)}`);
  return row.record;
}

async function errorsOf(...lines: string[]): Promise<RowError[]> {
  const rows = await parse(csv(...lines));
  return rows.flatMap((row) => ('errors' in row ? row.errors : []));
}

describe('yardstick template', () => {
  it('documents every column it reads', () => {
    const documented = YARDSTICK_TEMPLATE_COLUMNS.map((column) => column.name);
    expect([...YARDSTICK_HEADER.required, ...YARDSTICK_HEADER.optional].sort()).toEqual([...documented].sort());
    for (const column of YARDSTICK_TEMPLATE_COLUMNS) expect(column.description.length).toBeGreaterThan(20);
  });

  it('makes a normalized record from a good row', async () => {
    const [row] = await parse(csv('DOS,PPT-RENEW,FY2026-Q2,online,91.23,"9,123","10,000",400,'));
    expect(row).toEqual({
      line: 2,
      warnings: [],
      record: {
        standardRef: { agency: 'DOS', code: 'PPT-RENEW' },
        period: expect.objectContaining({ key: 'FY2026-Q2', frequency: 'quarter', start: '2026-01-01' }),
        channel: 'online',
        value: 91.23,
        valueHasPercentSign: false,
        numerator: 9123,
        denominator: 10000,
        sampleSize: 400,
        source: null,
        dataQualityNote: null,
        explanation: null,
      },
    });
  });

  it('names the standard by id too, and tidies period and channel', async () => {
    const header = 'standard_id,period,channel,value';
    const [row] = await parse(`${header}\n0B6F1C2E-9A41-4D0E-8F3A-2C5D7E9B1A40, fy2026 ,In Person,4.5\n`);
    expect((row as ParsedRecord<YardstickRecord>).record).toMatchObject({
      standardRef: { id: '0b6f1c2e-9a41-4d0e-8f3a-2c5d7e9b1a40' },
      period: { key: 'FY2026' },
      channel: 'in_person',
      value: 4.5,
    });
    expect((await recordOf('DOS,X,2026-03,,1,,,,')).channel).toBe('all');
  });

  it('accepts a BOM and CRLF line ends', async () => {
    const rows = await parse(`\uFEFF${HEADER}\r\nDOS,X,2026-03,,1,,,,\r\n`);
    expect(rows).toEqual([expect.objectContaining({ line: 2, record: expect.anything() })]);
  });

  it('refuses a wrong header, naming the missing and unknown columns', async () => {
    const failure = await parse('standard_id,perod,vaule\nx,FY2026,1\n').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ImportFileError);
    expect(failure).toMatchObject({
      code: 'bad_header',
      line: 1,
      message: 'The header is not right: missing columns: period, value; unknown columns: perod, vaule.',
    });
  });

  it('refuses an empty file', async () => {
    await expect(parse('')).rejects.toMatchObject({ code: 'empty_file' });
    await expect(parse(`${HEADER}\n`)).rejects.toMatchObject({
      code: 'empty_file',
      message: 'The file has a header but no rows of data.',
    });
  });

  it('refuses a file that is not UTF-8', async () => {
    const latin1 = Buffer.from(csv('DOS,X,2026-03,,1,,,,Donn\xe9es provisoires'), 'latin1');
    await expect(parse(latin1)).rejects.toMatchObject({
      code: 'not_utf8',
      message: expect.stringContaining(
        'The file is not UTF-8 (it looks like Windows-1252/Latin-1): save it as CSV UTF-8',
      ),
    });
  });

  it('reports text in number cells, naming the column and the value', async () => {
    expect(await errorsOf('DOS,X,2026-03,,ninety,12 000,abc,,')).toEqual([
      { line: 2, column: 'value', value: 'ninety', reason: 'is not a number' },
      { line: 2, column: 'numerator', value: '12 000', reason: 'is not a number' },
      { line: 2, column: 'denominator', value: 'abc', reason: 'is not a number' },
    ]);
    expect(await errorsOf('DOS,X,2026-03,,N/A,,,,not measured')).toEqual([
      { line: 2, column: 'value', value: 'N/A', reason: 'is not a number' },
    ]);
  });

  it('accepts thousands separators in groups of three and refuses others', async () => {
    expect(await recordOf('DOS,X,2026-03,,"1,234.5",,,,')).toMatchObject({ value: 1234.5 });
    expect(await errorsOf('DOS,X,2026-03,,,"9,12","10,000",,')).toEqual([
      {
        line: 2,
        column: 'numerator',
        value: '9,12',
        reason: 'has a comma that is not a thousands separator: write 1,234 or 1234, and a decimal point',
      },
    ]);
  });

  it('accepts a % sign on the value only, and says it was there', async () => {
    expect(await recordOf('DOS,X,2026-03,,91.2%,,,,')).toMatchObject({ value: 91.2, valueHasPercentSign: true });
    expect(await errorsOf('DOS,X,2026-03,,50,50%,100,,')).toEqual([
      { line: 2, column: 'numerator', value: '50%', reason: 'has a % sign, but this is not a percent column' },
    ]);
  });

  it('refuses a repeated standard, period and channel, naming the first line', async () => {
    const rows = await parse(
      csv(
        'DOS,PPT-RENEW,FY2026-Q2,,91,,,,',
        'DOS,PPT-RENEW,FY2026-Q2,online,92,,,,',
        'DOS,PPT-RENEW,FY2026-Q3,,93,,,,',
        'dos,PPT-RENEW,fy2026-q2,all,94,,,,',
      ),
    );
    expect(rows.map((row) => row.line)).toEqual([2, 3, 4, 5]);
    expect(rows.slice(0, 3).every((row) => 'record' in row)).toBe(true);
    expect(rows[3]).toEqual({
      line: 5,
      errors: [
        {
          line: 5,
          value: 'dos PPT-RENEW, FY2026-Q2, all',
          reason: 'repeats line 2: the same standard, period and channel can appear only once in a file',
        },
      ],
    });
  });

  it('does not count a rejected row as the first of a key', async () => {
    const rows = await parse(csv('DOS,X,2026-03,,abc,,,,', 'DOS,X,2026-03,,1,,,,', 'DOS,X,2026-03,,2,,,,'));
    expect(rows.map((row) => ('errors' in row ? row.errors[0]!.reason : 'ok'))).toEqual([
      'is not a number',
      'ok',
      'repeats line 3: the same standard, period and channel can appear only once in a file',
    ]);
  });

  it('refuses a numerator above the denominator, and negative counts', async () => {
    expect(await errorsOf('DOS,X,2026-03,,,11,10,,')).toEqual([
      { line: 2, column: 'numerator', value: '11', reason: 'must not be above the denominator (10)' },
    ]);
    expect(await errorsOf('DOS,X,2026-03,,,-1,10,-5,')).toEqual([
      { line: 2, column: 'numerator', value: '-1', reason: 'must not be negative' },
      { line: 2, column: 'sample_size', value: '-5', reason: 'must not be negative' },
    ]);
    expect(await errorsOf('DOS,X,2026-03,,,1.5,10,,')).toEqual([
      { line: 2, column: 'numerator', value: '1.5', reason: 'must be a whole number' },
    ]);
  });

  it('refuses a value that disagrees with numerator/denominator beyond the rounding tolerance', async () => {
    expect(await recordOf('DOS,X,2026-03,,91.25,9123,10000,,')).toMatchObject({ value: 91.25 });
    expect(await errorsOf('DOS,X,2026-03,,91.3,9123,10000,,')).toEqual([
      { line: 2, column: 'value', value: '91.3', reason: 'disagrees with numerator/denominator, which make 91.23%' },
    ]);
    expect(await errorsOf('DOS,X,2026-03,,50,0,0,,')).toEqual([
      {
        line: 2,
        column: 'value',
        value: '50',
        reason: 'must be blank when the denominator is 0 (there was nothing to measure)',
      },
    ]);
    expect(await errorsOf('DOS,X,2026-03,,50,5,,,')).toEqual([
      { line: 2, column: 'denominator', reason: 'is required: numerator and denominator come together' },
    ]);
  });

  it('wants a data-quality note for a blank value, unless the counts give it', async () => {
    expect(await errorsOf('DOS,X,2026-03,,,,,,')).toEqual([
      {
        line: 2,
        column: 'data_quality_note',
        reason: 'is required when the value is blank: say why it is not known',
      },
    ]);
    expect(await recordOf('DOS,X,2026-03,,,,,,System outage: no data for March')).toMatchObject({
      value: null,
      dataQualityNote: 'System outage: no data for March',
    });
    expect(await recordOf('DOS,X,2026-03,,,9123,10000,,')).toMatchObject({ value: null, numerator: 9123 });
    expect(await errorsOf('DOS,X,2026-03,,,0,0,,')).toEqual([
      {
        line: 2,
        column: 'data_quality_note',
        reason: 'is required when the value is blank: say why it is not known',
      },
    ]);
  });

  it('wants both halves of an explanation, or neither', async () => {
    const header = 'agency,standard_code,period,value,explanation_why,explanation_action';
    const rows = await parse(
      `${header}\nDOS,X,2026-03,70,Staff shortages in March,Hiring four examiners by June\nDOS,Y,2026-03,70,Staff shortages in March,\nDOS,Z,2026-03,70,Too short,Hiring four examiners by June\n`,
    );
    expect((rows[0] as ParsedRecord<YardstickRecord>).record.explanation).toEqual({
      why: 'Staff shortages in March',
      action: 'Hiring four examiners by June',
    });
    expect(rows[1]).toMatchObject({
      errors: [{ column: 'explanation_action', reason: expect.stringContaining('give both') }],
    });
    expect(rows[2]).toMatchObject({
      errors: [{ column: 'explanation_why', reason: 'is too short: write at least 10 characters' }],
    });
  });

  it('wants the standard named exactly one way', async () => {
    const header = 'standard_id,agency,standard_code,period,value';
    const rows = await parse(
      `${header}\n0b6f1c2e-9a41-4d0e-8f3a-2c5d7e9b1a40,DOS,X,2026-03,1\n,,,2026-03,1\n,DOS,,2026-03,1\nnot-a-uuid,,,2026-03,1\n`,
    );
    expect(rows.map((row) => ('errors' in row ? row.errors.map((e) => `${e.column}: ${e.reason}`) : []))).toEqual([
      ['standard_id: name the standard one way: standard_id, or agency with standard_code, not both'],
      ['standard_id: is required: name the standard by standard_id, or by agency and standard_code'],
      ['standard_code: is required with agency'],
      ['standard_id: is not a Yardstick standard id (a UUID like 0b6f1c2e-9a41-4d0e-8f3a-2c5d7e9b1a40)'],
    ]);
  });

  it('checks period syntax and channel names', async () => {
    const formats = 'must be a month like 2026-03, a quarter like FY2026-Q2 or a fiscal year like FY2026';
    expect(
      await errorsOf(
        'DOS,X,2026-13,,1,,,,',
        'DOS,X,Q2 2026,,1,,,,',
        'DOS,X,2026-03-01,,1,,,,',
        'DOS,X,2026-03,fax,1,,,,',
      ),
    ).toEqual([
      { line: 2, column: 'period', value: '2026-13', reason: formats },
      { line: 3, column: 'period', value: 'Q2 2026', reason: formats },
      {
        line: 4,
        column: 'period',
        value: '2026-03-01',
        reason: `${formats} (is this a month that the spreadsheet turned into a date? Format the column as text)`,
      },
      {
        line: 5,
        column: 'channel',
        value: 'fax',
        reason:
          'must be blank (all channels) or one of: online, phone, in_person, mail, email, chat, mobile_app, other',
      },
    ]);
  });

  it('reads the template from XLSX: formulas as their values, errors by sheet and cell', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Results');
    sheet.addRow(['agency', 'standard_code', 'period', 'value', 'numerator', 'denominator']);
    sheet.addRow(['DOS', 'PPT-RENEW', 'FY2026-Q2', { formula: 'E2/F2*100', result: 91.23 }, 9123, 10000]);
    sheet.addRow(['DOS', 'PPT-WAIT', 'FY2026-Q2', 0.9, 'many', 10]);
    sheet.getCell('D3').numFmt = '0%';
    const rows = await parse(Buffer.from(await book.xlsx.writeBuffer()), 'xlsx');
    expect(rows[0]).toMatchObject({
      line: 2,
      sheet: 'Results',
      cellRefs: expect.objectContaining({ value: 'D2' }),
      record: { value: 91.23, numerator: 9123, denominator: 10000 },
    });
    expect(rows[1]).toEqual({
      line: 3,
      errors: [
        { line: 3, sheet: 'Results', cell: 'E3', column: 'numerator', value: 'many', reason: 'is not a number' },
      ],
    });
  });
});

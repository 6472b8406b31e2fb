import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { parseImportFile } from './index.js';
import { APR_FIELD_MAPPING, APR_HEADER, type AprOptions, type AprRecord } from './performance-gov-apr.js';
import type { ParsedRecord, ParsedRow, RejectedRow } from './types.js';

// A small APR file written for these tests, in the layout of GSA's FY2018 APR data (invented figures).
const FIXTURE = fileURLToPath(new URL('./fixtures/apr-sample.csv', import.meta.url));

async function parse(options: AprOptions = {}): Promise<Map<number, ParsedRow<AprRecord>>> {
  const rows = new Map<number, ParsedRow<AprRecord>>();
  const input = createReadStream(FIXTURE);
  for await (const row of parseImportFile(input, { kind: 'csv', format: 'performance-gov-apr', ...options })) {
    rows.set(row.line, row);
  }
  return rows;
}

function record(rows: Map<number, ParsedRow<AprRecord>>, line: number): ParsedRecord<AprRecord> {
  const row = rows.get(line);
  if (row === undefined || 'errors' in row)
    throw new Error(`expected a record on line ${line}, got ${JSON.stringify(row)}`);
  return row;
}

function rejected(rows: Map<number, ParsedRow<AprRecord>>, line: number): RejectedRow {
  const row = rows.get(line);
  if (row === undefined || !('errors' in row)) throw new Error(`expected errors on line ${line}`);
  return row;
}

describe('performance-gov-apr', () => {
  it('maps goal, indicator, fiscal year, target and result, with percents from fractions', async () => {
    const rows = await parse();
    expect(record(rows, 2)).toEqual({
      line: 2,
      at: { row: 'KPI "Percent of empty office space", 2018' },
      warnings: [],
      record: {
        goal: { title: 'Buildings', objective: 'Cut the cost of space.' },
        indicator: {
          key: 'percent of empty office space',
          title: 'Percent of empty office space',
          description: 'Empty square feet as a share of all square feet',
          notes: 'Counts owned and leased space.\nExcludes space under renovation.',
          unit: 'percent',
          sourceUnit: 'Percentage',
          direction: 'lower_is_better',
          valueRange: null,
        },
        period: expect.objectContaining({ key: 'FY2018', start: '2017-10-01', end: '2018-09-30' }),
        target: { value: 3, min: null, max: null },
        result: { value: 3.3 },
      },
    });
  });

  it('reads a blank or whitespace-only Actual, or TBD, as no result', async () => {
    const rows = await parse();
    expect(record(rows, 4).record).toMatchObject({ period: { key: 'FY2019' }, target: { value: 3 }, result: null });
    expect(record(rows, 14).record).toMatchObject({ target: { value: 3 }, result: null });
  });

  it('maps the units it knows', async () => {
    const rows = await parse();
    expect([7, 8, 9].map((line) => record(rows, line).record)).toMatchObject([
      { indicator: { unit: 'currency' }, target: { value: 5_220_000_000 }, result: { value: 5_860_000_000 } },
      { indicator: { unit: 'count' }, target: { value: 110 }, result: { value: 121 } },
      { indicator: { unit: 'score', valueRange: null }, target: { value: 3.8 }, result: { value: 3.69 } },
    ]);
    // GSA's customer loyalty is on a 10-point scale: a score on its declared 1-10 scale, not refused.
    expect(record(rows, 10)).toMatchObject({
      record: {
        indicator: { unit: 'score', valueRange: { min: 1, max: 10 } },
        target: { value: 7.4 },
        result: { value: 7.5 },
      },
      warnings: [],
    });
  });

  it('maps within-range targets, and warns when the range is missing', async () => {
    const rows = await parse();
    expect(record(rows, 5).record).toMatchObject({
      indicator: { direction: 'within_range' },
      target: { value: null, min: 0, max: 2 },
      result: { value: 0.1 },
    });
    // Without min and max a range cannot assess: no target is kept (the API would refuse it), the result is.
    expect(record(rows, 6)).toMatchObject({ record: { target: null, result: { value: 44 } } });
    expect(record(rows, 6).warnings).toEqual([
      {
        line: 6,
        record: 5,
        row: 'KPI "Percent of leases at market rate", 2018',
        column: 'Min Target',
        reason:
          'a "With in Range" KPI needs Min Target and Max Target: no target is kept for this year (the result is), as a range cannot be assessed without them',
      },
    ]);
  });

  it('refuses a blank Desired Direction unless the import chooses one', async () => {
    expect(rejected(await parse(), 11).errors).toEqual([
      {
        line: 11,
        record: 10,
        row: 'KPI "Volume of assisted acquisitions (number)", 2018',
        column: 'Desired Direction',
        reason:
          'is blank: write Increase, Decrease or With in Range (Yardstick does not guess whether higher is better)',
      },
    ]);
    expect(record(await parse({ blankDirection: 'higher_is_better' }), 11)).toMatchObject({
      record: {
        indicator: { direction: 'higher_is_better', unit: 'count' },
        target: { value: 503 },
        result: { value: 354 },
      },
      warnings: [
        { column: 'Desired Direction', reason: 'is blank: taken as higher_is_better, as chosen for this import' },
      ],
    });
  });

  it('keeps a negative percent as a real value of a KPI declared as a signed percent (its range decides)', async () => {
    const rows = await parse();
    expect(record(rows, 12)).toMatchObject({
      record: {
        indicator: { unit: 'percent', valueRange: { min: null, max: null } },
        target: { value: null, min: 0, max: 2 },
        result: { value: -1 },
      },
      warnings: [
        {
          line: 12,
          record: 11,
          row: 'KPI "Percent of lease revenue kept", 2019',
          column: 'Actual',
          value: '-0.01',
          reason:
            'is -1%, outside 0-100: the KPI is imported as a percent that may be negative or above 100 (a change or a margin), and its target decides the status',
        },
      ],
    });
  });

  it('refuses text in number cells, repeats and a KPI changing unit, naming record, line and KPI', async () => {
    const rows = await parse();
    expect(rejected(rows, 13).errors).toEqual([
      {
        line: 13,
        record: 12,
        row: 'KPI "Percent of empty office space", 2018',
        column: 'Year',
        value: '2018',
        reason: 'repeats line 2: a KPI can have one row a year',
      },
    ]);
    expect(rejected(rows, 15).errors).toEqual([
      {
        line: 15,
        record: 14,
        row: 'KPI "Percent of IT in the cloud", 2019',
        column: 'Target',
        value: 'lots',
        reason: 'is not a number',
      },
    ]);
    expect(rejected(rows, 16).errors).toEqual([
      {
        line: 16,
        record: 15,
        row: 'KPI "Percent of IT in the cloud", 2018',
        column: 'Unit',
        value: 'Raw Count',
        reason: 'differs from line 14, for the same KPI',
      },
    ]);
    expect(rows.size).toBe(14);
  });

  it('documents the mapping of every column it knows', () => {
    const documented = APR_FIELD_MAPPING.map((mapping) => mapping.source).join(' | ');
    for (const column of [...APR_HEADER.required, ...APR_HEADER.optional]) expect(documented).toContain(column);
  });
});

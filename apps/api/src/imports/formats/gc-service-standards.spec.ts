import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { GC_CHANNELS, GC_FIELD_MAPPING, GC_HEADER, type GcServiceStandardRecord } from './gc-service-standards.js';
import { parseImportFile } from './index.js';
import type { ParsedRecord, ParsedRow, RejectedRow } from './types.js';

// A small ss.csv written for these tests (invented figures): UTF-8 with BOM, CRLF, a quoted line break.
const FIXTURE = fileURLToPath(new URL('./fixtures/gc-ss-sample.csv', import.meta.url));

async function parse(input: Readable): Promise<Map<number, ParsedRow<GcServiceStandardRecord>>> {
  const rows = new Map<number, ParsedRow<GcServiceStandardRecord>>();
  for await (const row of parseImportFile(input, { kind: 'csv', format: 'gc-service-standards' }))
    rows.set(row.line, row);
  return rows;
}

function record(
  rows: Map<number, ParsedRow<GcServiceStandardRecord>>,
  line: number,
): ParsedRecord<GcServiceStandardRecord> {
  const row = rows.get(line);
  if (row === undefined || 'errors' in row)
    throw new Error(`expected a record on line ${line}, got ${JSON.stringify(row)}`);
  return row;
}

function rejected(rows: Map<number, ParsedRow<GcServiceStandardRecord>>, line: number): RejectedRow {
  const row = rows.get(line);
  if (row === undefined || !('errors' in row)) throw new Error(`expected errors on line ${line}`);
  return row;
}

describe('gc-service-standards (ss.csv)', () => {
  it('maps department, service, standard, target and result', async () => {
    const rows = await parse(createReadStream(FIXTURE));
    expect(record(rows, 2)).toEqual({
      line: 2,
      at: { row: 'tst-tes, service 1001, standard 11, 2023-2024' },
      warnings: [],
      record: {
        department: {
          code: 'tst-tes',
          abbreviation: 'TST',
          name: 'Test Department',
          nameFr: 'Ministère des essais',
        },
        service: { id: '1001', name: 'Permit renewal' },
        standard: {
          key: 'tst-tes/1001/11',
          code: '1001-11',
          sourceId: '11',
          statement: 'Answer calls within 60 seconds',
          dimension: 'speed',
          channel: 'phone',
          channelComment: 'Call centre only',
          unit: 'percent',
          computation: 'share_meeting_threshold',
          direction: 'higher_is_better',
          frequency: 'year',
          targetsUrl: 'https://example.gc.ca/standards',
          resultsUrl: null,
        },
        target: { period: expect.objectContaining({ key: 'FY2024' }), value: 90 },
        result: {
          // Canada's 2023-24: April 2023 to March 2024.
          period: expect.objectContaining({ key: 'FY2024', start: '2023-04-01', end: '2024-03-31', fiscalYear: 2024 }),
          channel: 'all',
          value: 91.23,
          numerator: 9123,
          denominator: 10000,
          source:
            'Government of Canada service standards file (ss.csv), Canadian fiscal year 2023-2024 (1 April 2023 to 31 March 2024)',
          dataQualityNote: null,
          explanationText: null,
        },
        sourceFiscalYear: '2023-2024',
      },
    });
  });

  it('maps every channel and type code of the data dictionary', async () => {
    const rows = await parse(createReadStream(FIXTURE));
    expect([3, 4, 5, 6, 9].map((line) => record(rows, line).record.standard.channel)).toEqual([
      'online',
      'mail',
      'in_person',
      'email',
      'other',
    ]);
    expect([2, 3, 5, 13].map((line) => record(rows, line).record.standard.dimension)).toEqual([
      'speed',
      'accuracy',
      'access',
      'other',
    ]);
    expect(GC_CHANNELS).toEqual({
      EML: 'email',
      FAX: 'other',
      ONL: 'online',
      OTH: 'other',
      PERSON: 'in_person',
      POST: 'mail',
      TEL: 'phone',
    });
  });

  it('keeps blank volumes apart from 0', async () => {
    const rows = await parse(createReadStream(FIXTURE));
    expect(record(rows, 3).record.result).toMatchObject({
      value: 0,
      numerator: 0,
      denominator: 12,
      dataQualityNote: null,
    });
    expect(record(rows, 4).record.result).toMatchObject({
      value: null,
      numerator: null,
      denominator: null,
      dataQualityNote: expect.stringContaining('blank in the file (no information available)'),
    });
    expect(record(rows, 5).record.result).toMatchObject({
      value: null,
      numerator: 0,
      denominator: 0,
      dataQualityNote: expect.stringContaining('total_volume is 0'),
    });
    expect(record(rows, 14)).toMatchObject({
      record: {
        result: {
          value: null,
          numerator: null,
          denominator: null,
          dataQualityNote: expect.stringContaining('total_volume is 40'),
        },
      },
      warnings: [
        { column: 'volume_meeting_target', reason: expect.stringContaining('is blank while total_volume is 40') },
      ],
    });
  });

  it('warns when the file’s performance or target_met disagree with the volumes', async () => {
    const rows = await parse(createReadStream(FIXTURE));
    expect(record(rows, 6).warnings).toEqual([
      {
        line: 6,
        row: 'tst-tes, service SRV0002, standard 11, 2023-2024',
        column: 'performance',
        value: '0.5',
        reason: 'differs from volume_meeting_target/total_volume, which make 0.8889',
      },
    ]);
    expect(record(rows, 7).warnings).toEqual([
      {
        line: 7,
        row: 'tst-tes, service SRV0002, standard 12, 2023-2024',
        column: 'target_met',
        value: 'N',
        reason: 'is N, but the volumes make 0.95 against a target of 0.9: expected Y',
      },
    ]);
    // 51,811 of 51,813 rounds to 1.0, which meets a 100% target the way the file counts it.
    expect(record(rows, 9).warnings).toEqual([]);
  });

  it('keeps comments, line breaks included, as the explanation text', async () => {
    const rows = await parse(createReadStream(FIXTURE));
    expect(record(rows, 7).record.result.explanationText).toBe(
      'Staff shortages in the first quarter,\nrecovered by March.',
    );
  });

  it('reads a 0 target marked NA as no target, with a warning', async () => {
    const rows = await parse(createReadStream(FIXTURE));
    expect(record(rows, 13)).toMatchObject({
      record: { target: null, result: { value: 50 } },
      warnings: [{ column: 'target', reason: 'is 0 with target_met NA: read as no target' }],
    });
  });

  it('refuses volumes above the total, unknown codes and a repeated standard', async () => {
    const rows = await parse(createReadStream(FIXTURE));
    expect(rejected(rows, 10).errors).toEqual([
      {
        // Line 7's comment holds a line break: the 10th line is the 9th record, which names its standard.
        line: 10,
        record: 9,
        row: 'tst-tes, service SRV0002, standard 14, 2023-2024',
        column: 'volume_meeting_target',
        value: '3177',
        reason: 'must not be above total_volume (3068)',
      },
    ]);
    expect(rejected(rows, 11).errors).toEqual([
      {
        line: 11,
        record: 10,
        row: 'tst-tes, service SRV0002, standard 15, 2023-2024',
        column: 'channel',
        value: 'XYZ',
        reason: "must be one of the data dictionary's codes: EML, FAX, ONL, OTH, PERSON, POST, TEL",
      },
    ]);
    expect(rejected(rows, 12).errors).toEqual([
      {
        line: 12,
        record: 11,
        row: 'tst-tes, service 1001, standard 11, 2023-2024',
        column: 'service_standard_id',
        value: 'tst-tes/1001/11 2023-2024',
        reason: 'repeats line 2: the same department, service and standard can appear only once a fiscal year',
      },
    ]);
    expect(rows.size).toBe(12);
  });

  it('refuses a malformed fiscal year and a target that is not a fraction', async () => {
    const header = GC_HEADER.required.join(',');
    const row = (fiscal: string, target: string) =>
      `${fiscal},1,Service,7,Standard,TML,ONL,${target},1,2,org-x,Org | Org (fr)`;
    const rows = await parse(
      Readable.from([Buffer.from(`${header}\n${row('2023-2025', '0.9')}\n${row('2023-2024', '90')}\n`)]),
    );
    expect(rejected(rows, 2).errors).toMatchObject([
      { column: 'fiscal_yr', reason: 'must be a Canadian fiscal year like 2023-2024' },
    ]);
    expect(rejected(rows, 3).errors).toMatchObject([
      { column: 'target', value: '90', reason: 'must be a fraction from 0 to 1 (0.9 is a 90% target)' },
    ]);
  });

  it('documents the mapping of every column it knows', () => {
    const documented = GC_FIELD_MAPPING.flatMap((mapping) => mapping.source.split(', '));
    for (const column of [...GC_HEADER.required, ...GC_HEADER.optional]) expect(documented).toContain(column);
  });
});

import type { Readable } from 'node:stream';
import { parseEmployeeFeedbackRows, type EmployeeFeedbackRecord } from './employee-feedback.js';
import { parseGcServiceStandardRows, type GcServiceStandardRecord } from './gc-service-standards.js';
import { parseAprRows, type AprOptions, type AprRecord } from './performance-gov-apr.js';
import { flatten, readTableBatches, type ReadTableOptions } from './read-table.js';
import type { ImportFormat, ParsedRow, TableKind, TableRow } from './types.js';
import { parseYardstickRows, type YardstickRecord } from './yardstick.js';

export * from './csv-records.js';
export * from './duplicate-keys.js';
export * from './employee-feedback.js';
export * from './gc-service-standards.js';
export * from './header.js';
export * from './numbers.js';
export * from './performance-gov-apr.js';
export * from './read-table.js';
export * from './row-reader.js';
export * from './types.js';
export * from './yardstick.js';

export type ImportRecords = {
  yardstick: YardstickRecord;
  'gc-service-standards': GcServiceStandardRecord;
  'performance-gov-apr': AprRecord;
  'employee-feedback': EmployeeFeedbackRecord;
};

export type ParseTableOptions<F extends ImportFormat> = { format: F } & (F extends 'performance-gov-apr'
  ? AprOptions
  : unknown);

export type ParseImportOptions<F extends ImportFormat> = ReadTableOptions & { kind: TableKind } & ParseTableOptions<F>;

/**
 * A file, read and checked row by row in the given format: one ParsedRow at a time, never the whole
 * file. Throws ImportFileError for what is wrong with the whole file (encoding, header, empty).
 */
export function parseImportFile<F extends ImportFormat>(
  input: Readable,
  options: ParseImportOptions<F>,
): AsyncIterable<ParsedRow<ImportRecords[F]>> {
  return flatten(parseImportFileBatches(input, options));
}

/** parseImportFile's rows in batches, as the file's reader hands them over: the way to read a large file. */
export function parseImportFileBatches<F extends ImportFormat>(
  input: Readable,
  options: ParseImportOptions<F>,
): AsyncIterable<ParsedRow<ImportRecords[F]>[]> {
  return parseTableBatches<F>(readTableBatches(input, options.kind, options), options);
}

/** Rows already read as a table (a JSON body's items), read and checked in the given format, a batch at a time. */
export function parseTableBatches<F extends ImportFormat>(
  rows: AsyncIterable<readonly TableRow[]> | Iterable<readonly TableRow[]>,
  options: ParseTableOptions<F>,
): AsyncIterable<ParsedRow<ImportRecords[F]>[]> {
  const table = asAsync(rows);
  const parsers: { [K in ImportFormat]: () => AsyncIterable<ParsedRow<ImportRecords[K]>[]> } = {
    yardstick: () => parseYardstickRows(table),
    'gc-service-standards': () => parseGcServiceStandardRows(table),
    'performance-gov-apr': () => parseAprRows(table, options as AprOptions),
    'employee-feedback': () => parseEmployeeFeedbackRows(table),
  };
  return parsers[options.format]() as AsyncIterable<ParsedRow<ImportRecords[F]>[]>;
}

async function* asAsync<T>(items: AsyncIterable<T> | Iterable<T>): AsyncGenerator<T> {
  yield* items;
}

import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { CsvRecordReader, CsvSyntaxError, type CsvProblem } from './csv-records.js';
import { normalizeHeader } from './header.js';
import { numberToText, shiftDecimal } from './numbers.js';
import {
  ImportFileError,
  type CellValue,
  type RowError,
  type TableHeader,
  type TableKind,
  type TableRow,
} from './types.js';

export type ReadTableOptions = {
  /** XLSX: the worksheet to read, by name; the first one otherwise. */
  sheet?: string;
};

/** Longest CSV record read, in characters: a quote that is never closed must not swallow the whole file. */
export const MAX_CSV_RECORD_CHARS = 1_000_000;

/**
 * Reads a CSV or XLSX table one row at a time, never the whole file. The first non-blank row is the
 * header; rows whose cells are all blank are skipped. Cells are trimmed text (XLSX: numbers too, see
 * CellValue), blank is null. File-level problems (not UTF-8, empty, unreadable) throw ImportFileError;
 * problems with one row come in that row's `errors`.
 */
export function readTable(input: Readable, kind: TableKind, options: ReadTableOptions = {}): AsyncIterable<TableRow> {
  return flatten(readTableBatches(input, kind, options));
}

/** readTable's rows in batches, as they come (a CSV chunk's rows, up to 500 XLSX rows): a million rows cost
 * a few thousand steps of async iteration, not a million. */
export function readTableBatches(
  input: Readable,
  kind: TableKind,
  options: ReadTableOptions = {},
): AsyncIterable<TableRow[]> {
  return kind === 'csv' ? readCsv(input) : readXlsx(input, options);
}

/** The items of batches, one at a time. */
export async function* flatten<T>(batches: AsyncIterable<readonly T[]>): AsyncGenerator<T> {
  for await (const batch of batches) yield* batch;
}

// ---------------------------------------------------------------------------------------------- CSV

/** Rows handed on at a time: few enough that a batch is garbage before the young generation is collected. */
const CSV_BATCH_ROWS = 250;
const YIELD_EVERY_CHARS = 1 << 20;
/** What a piece of text counts for besides its length: a source of one-line pieces still yields every 256. */
const YIELD_CHARS_PER_PIECE = 4096;

async function* readCsv(input: Readable): AsyncGenerator<TableRow[]> {
  const reader = new CsvRecordReader(MAX_CSV_RECORD_CHARS);
  let header: TableHeader | undefined;
  let columns: (string | null)[] = [];
  let lastNamed = -1;
  let rows = 0;
  let records = 0;
  /** The rows of the text written to the reader, in batches. */
  function* take(): Generator<TableRow[]> {
    let batch: TableRow[] = [];
    for (let record = reader.read(); record !== null; record = reader.read()) {
      const { fields, line } = record;
      records += 1;
      if (isBlankRecord(fields)) continue;
      if (header === undefined) {
        columns = fields.map((name) => name.trim() || null);
        header = makeHeader(columns, line);
        lastNamed = columns.findLastIndex((name) => name !== null);
        continue;
      }
      const row = csvRow(fields, columns, lastNamed, header, line);
      // Named only where it differs from the line (a quoted cell above held a line break): then both are.
      if (records !== line) {
        row.record = records;
        if (row.errors) for (const error of row.errors) error.record = records;
      }
      batch.push(row);
      if (batch.length >= CSV_BATCH_ROWS) {
        rows += batch.length;
        yield batch;
        batch = [];
      }
    }
    rows += batch.length;
    if (batch.length > 0) yield batch;
  }
  let sinceYield = 0;
  try {
    for await (const text of decodeUtf8(input)) {
      reader.write(text);
      yield* take();
      // A source that is never empty (a file read ahead, a buffered upload) would keep this loop in promise
      // jobs for the whole file: the server's other requests, and Node's own nextTick work, wait for a turn
      // of the event loop. Every megabyte or so (or every few hundred small pieces), give them one.
      sinceYield += text.length + YIELD_CHARS_PER_PIECE;
      if (sinceYield >= YIELD_EVERY_CHARS) {
        sinceYield = 0;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    reader.write('', true);
    yield* take();
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw malformedCsv(error);
    throw error;
  }
  if (header === undefined) throw emptyFile();
  if (rows === 0) throw noRows(header);
}

function csvRow(
  fields: string[],
  columns: (string | null)[],
  lastNamed: number,
  header: TableHeader,
  line: number,
): TableRow {
  const cells: Record<string, CellValue> = {};
  let errors: RowError[] | undefined;
  for (let index = 0; index < columns.length; index++) {
    const name = columns[index]!;
    if (name !== null) cells[name] = blankToNull(fields[index]);
    else if (blankToNull(fields[index]) !== null) {
      (errors ??= []).push({
        line,
        value: fields[index]!.trim(),
        reason: `column ${index + 1} has a value but no header`,
      });
    }
  }
  if (fields.length <= lastNamed) {
    (errors ??= []).push({
      line,
      reason: `has ${fields.length} fields but the header has ${columns.length}: a comma or a quote may be missing`,
    });
  } else {
    for (let index = columns.length; index < fields.length; index++) {
      if (blankToNull(fields[index]) !== null) {
        (errors ??= []).push({
          line,
          value: fields[index]!.trim(),
          reason: `has ${fields.length} fields but the header has ${columns.length}: a comma may need quotes around its field`,
        });
        break;
      }
    }
  }
  return errors !== undefined ? { line, cells, header, errors } : { line, cells, header };
}

export function malformedCsv(error: CsvSyntaxError): ImportFileError {
  const reasons: Record<CsvProblem, string> = {
    quote_not_closed: 'a quoted field is never closed',
    invalid_closing_quote: 'a quote inside a quoted field must be doubled ("")',
    invalid_opening_quote: 'a quote in the middle of a field: put the whole field in quotes and double the quote ("")',
    record_too_long: `a record is longer than ${MAX_CSV_RECORD_CHARS.toLocaleString('en-US')} characters (is a quote never closed?)`,
  };
  return new ImportFileError(
    'malformed_csv',
    `The CSV file cannot be read from line ${error.line}: ${reasons[error.problem]}.`,
    error.line,
  );
}

/**
 * Decodes UTF-8 as it streams (a BOM is dropped) and refuses anything else: TextDecoder in fatal mode
 * throws on the first byte sequence that is not UTF-8, which for an agency's file nearly always means
 * Excel's "CSV" in Windows-1252.
 */
export async function* decodeUtf8(input: AsyncIterable<Buffer | Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let first = true;
  for await (const chunk of input) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (bytes.length === 0) continue;
    if (first) {
      refuseOtherFormats(bytes);
      first = false;
    }
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: true });
    } catch {
      throw notUtf8(line + countNewlineBytes(bytes, firstInvalidUtf8(bytes)));
    }
    line += countNewlineBytes(bytes, bytes.length);
    if (text) yield text;
  }
  let rest: string;
  try {
    rest = decoder.decode();
  } catch {
    throw notUtf8(line);
  }
  if (rest) yield rest;
}

function refuseOtherFormats(bytes: Uint8Array): void {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    throw new ImportFileError('malformed_csv', 'This is an XLSX (zip) file, not CSV: upload it as XLSX.');
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ImportFileError('not_utf8', 'The file is not UTF-8 (it is UTF-16): save it as CSV UTF-8.', 1);
  }
}

function notUtf8(line: number): ImportFileError {
  return new ImportFileError(
    'not_utf8',
    `The file is not UTF-8 (it looks like Windows-1252/Latin-1): save it as CSV UTF-8. The first character that is not UTF-8 is on line ${line}.`,
    line,
  );
}

function countNewlineBytes(bytes: Uint8Array, end: number): number {
  let count = 0;
  for (let i = bytes.indexOf(10); i !== -1 && i < end; i = bytes.indexOf(10, i + 1)) count++;
  return count;
}

/**
 * Offset of the first byte that cannot start or continue a UTF-8 sequence (for the error's line only;
 * TextDecoder does the real check). Continuation bytes at the very start may finish the previous chunk.
 */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length && i < 3 && (bytes[i]! & 0xc0) === 0x80) i++;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const length =
      b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) {
      if (i + k >= bytes.length) return bytes.length;
      if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return bytes.length;
}

// --------------------------------------------------------------------------------------------- XLSX

const XLSX_BATCH_ROWS = 500;

type XlsxCell = { value: unknown; numFmt?: string; address: string };
type XlsxRow = { number: number; eachCell(callback: (cell: XlsxCell, column: number) => void): void };
type XlsxSheet = AsyncIterable<XlsxRow> & { name?: string };

async function* readXlsx(source: Readable, options: ReadTableOptions): AsyncGenerator<TableRow[]> {
  // The zip reader waits forever on an empty stream, and reports other files obscurely: look first.
  const input = await checkZipSignature(source);
  // styles: 'cache' tells dates and percent-formatted numbers apart; shared strings are cached, as
  // exceljs must; a worksheet stored before them in the zip goes to a temporary file, not to memory.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let sheetFound = false;
  let header: TableHeader | undefined;
  let rows = 0;
  let batch: TableRow[] = [];
  try {
    for await (const worksheet of reader as AsyncIterable<unknown> as AsyncIterable<XlsxSheet>) {
      if (sheetFound || (options.sheet !== undefined && worksheet.name !== options.sheet)) continue;
      sheetFound = true;
      const sheet = worksheet.name ?? 'Sheet1';
      let columns: (string | null)[] = [];
      let letters: string[] = [];
      for await (const row of worksheet) {
        const found = new Map<number, XlsxCell>();
        row.eachCell((cell, column) => found.set(column, cell));
        if (header === undefined) {
          const width = Math.max(0, ...found.keys());
          columns = Array.from({ length: width }, (_, index) => headerText(found.get(index + 1)));
          if (columns.every((name) => name === null)) continue;
          header = makeHeader(columns, row.number, sheet);
          letters = columns.map((_, index) => columnLetter(index + 1));
          continue;
        }
        const tableRow = xlsxRow(row.number, found, columns, letters, header, sheet);
        if (tableRow === null) continue;
        rows++;
        batch.push(tableRow);
        if (batch.length >= XLSX_BATCH_ROWS) {
          yield batch;
          batch = [];
        }
      }
    }
    if (batch.length > 0) yield batch;
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError(
      'unreadable_xlsx',
      `The file is not a readable XLSX workbook (${error instanceof Error ? error.message : String(error)}): save it from Excel as "Excel Workbook (.xlsx)", or upload it as CSV.`,
    );
  } finally {
    // The zip reader does not stop its input when its reader stops early (a caller that gives up).
    input.destroy();
    source.destroy();
  }
  if (options.sheet !== undefined && !sheetFound) {
    throw new ImportFileError('empty_file', `The workbook has no worksheet named "${options.sheet}".`);
  }
  if (header === undefined) throw emptyFile();
  if (rows === 0) throw noRows(header);
}

async function checkZipSignature(source: Readable): Promise<Readable> {
  const iterator = source[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  const head: Buffer[] = [];
  let length = 0;
  while (length < 4) {
    const next = await iterator.next();
    if (next.done) break;
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    head.push(chunk);
    length += chunk.length;
  }
  if (length === 0) throw emptyFile();
  const signature = Buffer.concat(head).subarray(0, 4);
  if (!signature.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    throw new ImportFileError(
      'unreadable_xlsx',
      'The file is not an XLSX workbook: save it from Excel as "Excel Workbook (.xlsx)", or upload it as CSV.',
    );
  }
  async function* rest(): AsyncGenerator<Buffer | string> {
    yield* head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return Readable.from(rest(), { objectMode: false });
}

function xlsxRow(
  line: number,
  found: Map<number, XlsxCell>,
  columns: (string | null)[],
  letters: string[],
  header: TableHeader,
  sheet: string,
): TableRow | null {
  const cells: Record<string, CellValue> = {};
  const cellRefs: Record<string, string> = {};
  const errors: RowError[] = [];
  let blank = true;
  columns.forEach((name, index) => {
    if (name === null) return;
    cells[name] = null;
    cellRefs[name] = `${letters[index]}${line}`;
  });
  for (const [column, cell] of found) {
    const name = columns[column - 1] ?? null;
    const read = xlsxCellValue(cell.value, cell.numFmt);
    if ('error' in read) {
      blank = false;
      errors.push({ line, sheet, cell: cell.address, ...(name !== null && { column: name }), reason: read.error });
      continue;
    }
    if (read.value === null) continue;
    blank = false;
    if (name === null) {
      errors.push({
        line,
        sheet,
        cell: cell.address,
        value: String(read.value),
        reason: `column ${columnLetter(column)} has a value but no header`,
      });
    } else {
      cells[name] = read.value;
    }
  }
  if (blank) return null;
  return errors.length > 0
    ? { line, cells, cellRefs, sheet, header, errors }
    : { line, cells, cellRefs, sheet, header };
}

/**
 * What a cell shows, as CellValue. A formula is read as the value Excel saved with it (a workbook
 * saved by a program that does not compute formulas has none, which is an error, not a blank).
 */
export function xlsxCellValue(value: unknown, numFmt?: string): { value: CellValue } | { error: string } {
  if (value === null || value === undefined) return { value: null };
  if (typeof value === 'string') return { value: blankToNull(value) };
  if (typeof value === 'number') {
    const text = numberToText(value);
    if (text === null) return { error: 'is not a finite number' };
    return { value: isPercentFormat(numFmt) ? `${shiftDecimal(text, 2)}%` : Number(text) };
  }
  if (typeof value === 'boolean') return { value: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { value: isoDateText(value) };
  if (typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if ('formula' in object || 'sharedFormula' in object) {
      const result = object.result;
      if (result === undefined) {
        return { error: 'has a formula without a saved value: open the file in Excel and save it again' };
      }
      if (typeof result === 'number' && Number.isNaN(result))
        return { error: 'has a formula whose result is an error' };
      if (typeof result === 'object' && result !== null && 'error' in result) {
        return { error: `has a formula whose result is the error ${String((result as { error: unknown }).error)}` };
      }
      return xlsxCellValue(result, numFmt);
    }
    if ('error' in object) return { error: `shows the error ${String(object.error)}` };
    if (Array.isArray(object.richText)) {
      return { value: blankToNull(object.richText.map((part: { text?: string }) => part.text ?? '').join('')) };
    }
    if (typeof object.text === 'string') return { value: blankToNull(object.text) };
  }
  return { error: 'has a value of a kind that cannot be read' };
}

function headerText(cell: XlsxCell | undefined): string | null {
  if (cell === undefined) return null;
  const read = xlsxCellValue(cell.value);
  return 'value' in read && read.value !== null ? String(read.value) : null;
}

function isPercentFormat(numFmt: string | undefined): boolean {
  return numFmt !== undefined && numFmt.replace(/"[^"]*"|\\./g, '').includes('%');
}

function isoDateText(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

// ------------------------------------------------------------------------------------------ JSON

/**
 * A JSON body's items (objects keyed by column) as a table, read the way a CSV file of the same cells is:
 * the keys of every item are the header (line 1); item n is line n; cells are trimmed text, blank is null
 * (an object or array in a cell is "[object]"); items whose cells are all blank are skipped.
 */
export function jsonTable(items: readonly Record<string, unknown>[]): TableRow[][] {
  const keys = [...new Set(items.flatMap((item) => Object.keys(item)))];
  const columns = keys.map((key) => key.trim() || null);
  const header = makeHeader(columns, 1);
  const rows: TableRow[] = [];
  items.forEach((item, index) => {
    const cells: Record<string, CellValue> = {};
    let blank = true;
    keys.forEach((key, column) => {
      const name = columns[column];
      if (name === null || name === undefined) return;
      const value = item[key];
      const text = value === null || value === undefined ? null : blankToNull(jsonCellText(value));
      if (text !== null) blank = false;
      cells[name] = text;
    });
    if (!blank) rows.push({ line: index + 1, cells, header });
  });
  if (rows.length === 0) throw noRows(header);
  const batches: TableRow[][] = [];
  for (let start = 0; start < rows.length; start += CSV_BATCH_ROWS) {
    batches.push(rows.slice(start, start + CSV_BATCH_ROWS));
  }
  return batches;
}

function jsonCellText(value: unknown): string {
  return typeof value === 'object' ? '[object]' : String(value);
}

// ------------------------------------------------------------------------------------------- shared

function makeHeader(columns: (string | null)[], line: number, sheet?: string): TableHeader {
  const seen = new Set<string>();
  const duplicate: string[] = [];
  for (const name of columns) {
    if (name === null) continue;
    const normalized = normalizeHeader(name);
    if (seen.has(normalized)) duplicate.push(name);
    seen.add(normalized);
  }
  if (duplicate.length > 0) {
    throw new ImportFileError(
      'bad_header',
      `The header is not right: repeated columns: ${duplicate.join(', ')}.`,
      line,
      {
        missing: [],
        unknown: [],
        duplicate,
      },
    );
  }
  const names = columns.filter((name): name is string => name !== null);
  return sheet === undefined ? { line, names } : { line, names, sheet };
}

function isBlankRecord(fields: string[]): boolean {
  for (const field of fields) if (field !== '' && field.trim() !== '') return false;
  return true;
}

function blankToNull(text: string | undefined): string | null {
  if (text === undefined) return null;
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

function emptyFile(): ImportFileError {
  return new ImportFileError('empty_file', 'The file is empty: it needs a header row and at least one row of data.');
}

function noRows(header: TableHeader): ImportFileError {
  return new ImportFileError('empty_file', 'The file has a header but no rows of data.', header.line);
}

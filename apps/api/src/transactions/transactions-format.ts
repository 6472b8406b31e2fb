import { CHANNELS, type Channel } from '@yardstick/contracts';
import {
  CsvRecordReader,
  CsvSyntaxError,
  decodeUtf8,
  ImportFileError,
  malformedCsv,
  MAX_CSV_RECORD_CHARS,
  requireHeader,
  type ColumnDoc,
  type HeaderSpec,
  type RowError,
} from '../imports/formats/index.js';

/** The import format of transaction files: POST /imports?format=transactions&serviceId=... */
export const TRANSACTIONS_FORMAT = 'transactions';

/** The columns of a transactions file, in order: the README and the error messages use them. */
export const TRANSACTION_COLUMNS = [
  { name: 'external_id', description: "The transaction's id in the agency's system (case, application, call, visit)." },
  { name: 'channel', description: `How it came in: one of ${CHANNELS.join(', ')}.` },
  {
    name: 'received_at',
    description: 'When it was received: 2026-03-01, 2026-03-01T09:30:00Z or with an offset (+05:00); without one, UTC.',
  },
  { name: 'completed_at', description: 'When it was completed (same forms); blank while it is open.' },
  { name: 'outcome', description: 'Optional: the outcome, e.g. approved, denied, withdrawn (up to 100 characters).' },
  {
    name: 'accurate',
    description: 'Optional: whether the decision was correct on first review (true/false, yes/no, 1/0).',
  },
  { name: 'satisfaction', description: "Optional: the customer's satisfaction answer, a whole number from 1 to 5." },
] as const satisfies readonly ColumnDoc[];

const HEADER: HeaderSpec = {
  required: ['external_id', 'channel', 'received_at'],
  optional: ['completed_at', 'outcome', 'accurate', 'satisfaction'],
};

/** A date later than the clock by more than this is refused (clocks and time zones of agency systems differ). */
export const FUTURE_TOLERANCE_MS = 24 * 3_600_000;
/** The earliest date a transaction may carry: anything before is a typing mistake (and would need a partition). */
export const EARLIEST_RECEIVED = '2000-01-01';
const EARLIEST_MS = Date.parse(`${EARLIEST_RECEIVED}T00:00:00Z`);
const MAX_EXTERNAL_ID = 200;
const MAX_OUTCOME = 100;

/** A row that passed every check: texts as written (the loader passes timestamps to PostgreSQL as they are). */
export type TransactionRecord = {
  line: number;
  externalId: string;
  channel: Channel;
  receivedAt: string;
  receivedMs: number;
  /** The instant in microseconds since 1970, as PostgreSQL reads the text (the loader sends it so). */
  receivedUs: number;
  completedAt: string | null;
  completedMs: number | null;
  completedUs: number | null;
  outcome: string | null;
  accurate: boolean | null;
  satisfaction: number | null;
};

/** The rows of one piece of the file: the good ones, and every error of the others. */
export type TransactionBatch = { records: TransactionRecord[]; errors: RowError[]; rows: number };

export type TransactionParseOptions = {
  /** The clock's time, in ms: dates beyond it plus FUTURE_TOLERANCE_MS are refused. */
  nowMs: number;
};

const CHANNEL_SET: ReadonlySet<string> = new Set(CHANNELS);
const YIELD_EVERY_CHARS = 1 << 20;

/**
 * Reads a transactions CSV (UTF-8, as it streams) and checks it row by row: one batch per piece of text
 * read, never the whole file. Duplicates are the loader's to find (it holds the file's rows in PostgreSQL,
 * not in memory). Throws ImportFileError for what is wrong with the whole file.
 */
export async function* parseTransactionsCsv(
  input: AsyncIterable<Buffer | Uint8Array | string>,
  options: TransactionParseOptions,
): AsyncGenerator<TransactionBatch> {
  const reader = new CsvRecordReader(MAX_CSV_RECORD_CHARS);
  const latestMs = options.nowMs + FUTURE_TOLERANCE_MS;
  let index: ColumnIndex | undefined;
  let width = 0;
  let dataRows = 0;
  let sinceYield = 0;
  const take = (): TransactionBatch => {
    const batch: TransactionBatch = { records: [], errors: [], rows: 0 };
    for (let record = reader.read(); record !== null; record = reader.read()) {
      const { fields, line } = record;
      if (fields.length === 1 && fields[0]!.trim() === '') continue;
      if (index === undefined) {
        const names = fields.map((name) => name.trim()).filter((name) => name !== '');
        const columns = requireHeader(names, HEADER, line);
        index = columnIndex(fields, columns);
        width = fields.length;
        continue;
      }
      batch.rows++;
      const parsed = parseRow(fields, line, index, width, latestMs);
      if ('errors' in parsed) batch.errors.push(...parsed.errors);
      else batch.records.push(parsed);
    }
    dataRows += batch.rows;
    return batch;
  };
  try {
    for await (const text of decodeUtf8(input)) {
      reader.write(text);
      const batch = take();
      if (batch.rows > 0) yield batch;
      sinceYield += text.length + 4096;
      if (sinceYield >= YIELD_EVERY_CHARS) {
        sinceYield = 0;
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    }
    reader.write('', true);
    const batch = take();
    if (batch.rows > 0) yield batch;
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw malformedCsv(error);
    throw error;
  }
  if (index === undefined) {
    throw new ImportFileError('empty_file', 'The file is empty: it needs a header row and at least one row of data.');
  }
  if (dataRows === 0) throw new ImportFileError('empty_file', 'The file has a header but no rows of data.', 1);
}

/** Where each column is in a record (-1: not in the file). */
type ColumnIndex = Record<(typeof TRANSACTION_COLUMNS)[number]['name'], number>;

function columnIndex(fields: string[], columns: Map<string, string>): ColumnIndex {
  const position = (name: string): number => {
    const header = columns.get(name);
    return header === undefined ? -1 : fields.findIndex((field) => field.trim() === header);
  };
  return {
    external_id: position('external_id'),
    channel: position('channel'),
    received_at: position('received_at'),
    completed_at: position('completed_at'),
    outcome: position('outcome'),
    accurate: position('accurate'),
    satisfaction: position('satisfaction'),
  };
}

function cell(fields: string[], at: number): string | null {
  if (at < 0) return null;
  const raw = fields[at];
  if (raw === undefined || raw === '') return null;
  // Most cells have no spaces around them: trimmed only when they do.
  const first = raw.charCodeAt(0);
  const last = raw.charCodeAt(raw.length - 1);
  const text = first <= 32 || last <= 32 ? raw.trim() : raw;
  return text === '' ? null : text;
}

function parseRow(
  fields: string[],
  line: number,
  index: ColumnIndex,
  width: number,
  latestMs: number,
): TransactionRecord | { errors: RowError[] } {
  let errors: RowError[] | undefined;
  const fail = (column: string | undefined, reason: string, value?: string | null): void => {
    const error: RowError = { line, reason };
    if (column !== undefined) error.column = column;
    if (value !== undefined && value !== null) error.value = value;
    (errors ??= []).push(error);
  };
  if (fields.length !== width) {
    const extra = fields.slice(width).some((field) => field.trim() !== '');
    if (fields.length < width || extra) {
      fail(undefined, `has ${fields.length} fields but the header has ${width}: a comma or a quote may be missing`);
      return { errors: errors! };
    }
  }
  const externalId = cell(fields, index.external_id);
  if (externalId === null) fail('external_id', 'is required');
  else if (externalId.length > MAX_EXTERNAL_ID) fail('external_id', `is longer than ${MAX_EXTERNAL_ID} characters`);

  const channelText = cell(fields, index.channel);
  let channel = channelText;
  if (channel !== null && !CHANNEL_SET.has(channel)) channel = channel.toLowerCase().replace(/[\s-]+/g, '_');
  if (channelText === null) fail('channel', 'is required');
  else if (!CHANNEL_SET.has(channel!))
    fail('channel', `is not a channel: use one of ${CHANNELS.join(', ')}`, channelText);

  const receivedAt = cell(fields, index.received_at);
  let receivedMs = NaN;
  let receivedUs = NaN;
  if (receivedAt === null) fail('received_at', 'is required');
  else {
    receivedUs = parseInstantMicros(receivedAt);
    receivedMs = Math.floor(receivedUs / 1000);
    if (Number.isNaN(receivedMs)) fail('received_at', INSTANT_FORMS, receivedAt);
    else if (receivedMs > latestMs) fail('received_at', 'is in the future (more than a day after now)', receivedAt);
    else if (receivedMs < EARLIEST_MS) fail('received_at', `is before ${EARLIEST_RECEIVED}`, receivedAt);
  }
  const completedAt = cell(fields, index.completed_at);
  let completedMs: number | null = null;
  let completedUs: number | null = null;
  if (completedAt !== null) {
    completedUs = parseInstantMicros(completedAt);
    completedMs = Math.floor(completedUs / 1000);
    if (Number.isNaN(completedMs)) fail('completed_at', INSTANT_FORMS, completedAt);
    else if (completedMs > latestMs) fail('completed_at', 'is in the future (more than a day after now)', completedAt);
    else if (completedUs < receivedUs) fail('completed_at', `is before received_at (${receivedAt})`, completedAt);
  }
  const outcome = cell(fields, index.outcome);
  if (outcome !== null && outcome.length > MAX_OUTCOME) fail('outcome', `is longer than ${MAX_OUTCOME} characters`);

  const accurateText = cell(fields, index.accurate);
  let accurate: boolean | null = null;
  if (accurateText !== null) {
    const word = accurateText.toLowerCase();
    if (TRUE_WORDS.has(word)) accurate = true;
    else if (FALSE_WORDS.has(word)) accurate = false;
    else fail('accurate', 'must be true or false (yes/no, 1/0), or blank', accurateText);
  }
  const satisfactionText = cell(fields, index.satisfaction);
  let satisfaction: number | null = null;
  if (satisfactionText !== null) {
    satisfaction = Number(satisfactionText);
    if (!/^[1-5]$/.test(satisfactionText)) fail('satisfaction', 'must be a whole number from 1 to 5', satisfactionText);
  }
  if (errors) return { errors };
  return {
    line,
    externalId: externalId!,
    channel: channel as Channel,
    receivedAt: receivedAt!,
    receivedMs,
    receivedUs,
    completedAt,
    completedMs,
    completedUs,
    outcome,
    accurate,
    satisfaction,
  };
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 't']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'f']);
const INSTANT_FORMS =
  'must be a date (2026-03-01) or a date and time (2026-03-01T09:30:00Z, 2026-03-01 09:30, or with an offset like +05:00)';

const ZERO = 48;

function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return NaN;
    value = value * 10 + d;
  }
  return value;
}

/**
 * An instant in ms, or NaN: `YYYY-MM-DD`, then optionally `T` or a space, `HH:MM`, `:SS` and a fraction, then
 * `Z` or an offset (`+05:00`, `-0500`, `+05`); without an offset, UTC. Read by hand: ten million rows would spend
 * seconds in Date.parse and regular expressions. PostgreSQL reads the same text under TimeZone UTC.
 */
export function parseInstant(text: string): number {
  return Math.floor(parseInstantMicros(text) / 1000);
}

/**
 * The same instant in microseconds since 1970 (an integer, exact in a double until the year 2255), or NaN: a
 * fraction of a second finer than a microsecond is rounded as PostgreSQL rounds it (half to even), so that the
 * loader can send the instant as a number and PostgreSQL stores what it would have read from the text.
 */
export function parseInstantMicros(text: string): number {
  const length = text.length;
  if (length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return NaN;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) return NaN;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let micros = 0;
  let i = 10;
  if (i < length) {
    const separator = text.charCodeAt(i);
    if (separator !== 84 && separator !== 32) return NaN; // T or space
    if (length < i + 6 || text.charCodeAt(i + 3) !== 58) return NaN;
    hour = digits(text, i + 1, 2);
    minute = digits(text, i + 4, 2);
    i += 6;
    if (i < length && text.charCodeAt(i) === 58) {
      second = digits(text, i + 1, 2);
      i += 3;
      if (i < length && text.charCodeAt(i) === 46) {
        let j = i + 1;
        let scale = 100_000;
        while (j < length) {
          const d = text.charCodeAt(j) - ZERO;
          if (d < 0 || d > 9) break;
          micros += d * scale;
          scale /= 10;
          j++;
        }
        if (j === i + 1) return NaN;
        // Finer than a microsecond: as PostgreSQL does, rint(strtod(fraction) * 1e6).
        if (j - i - 1 > 6) micros = roundHalfEven(Number(`0${text.slice(i, j)}`) * 1_000_000);
        i = j;
      }
    }
    if (!(hour <= 23 && minute <= 59 && second <= 59)) return NaN;
  }
  let offset = 0;
  if (i < length) {
    const sign = text.charCodeAt(i);
    if (sign === 90 && i + 1 === length) {
      // Z
    } else if (sign === 43 || sign === 45) {
      const rest = text.slice(i + 1);
      const parts = /^(\d{2})(?::?(\d{2}))?$/.exec(rest);
      if (!parts) return NaN;
      const hours = Number(parts[1]);
      const minutes = Number(parts[2] ?? 0);
      if (hours > 14 || minutes > 59) return NaN;
      offset = (sign === 43 ? 1 : -1) * (hours * 60 + minutes) * 60_000;
    } else return NaN;
  }
  const at = Date.UTC(year, month - 1, day, hour, minute, second);
  // 2026-02-30 would roll over into March: refused.
  if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) return NaN;
  return (at - offset) * 1000 + micros;
}

function roundHalfEven(x: number): number {
  const rounded = Math.round(x);
  return rounded - x === 0.5 && rounded % 2 !== 0 ? rounded - 1 : rounded;
}

/** The first instant of the UTC month of `ms`. */
export function monthStartOf(ms: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
}

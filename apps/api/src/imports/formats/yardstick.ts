import { ALL_CHANNELS, CHANNELS, type ResultChannel } from '@yardstick/contracts';
import { resultPeriod, resultProblems, type Period } from '@yardstick/metrics';
import { KeyLines } from './duplicate-keys.js';
import type { HeaderSpec } from './header.js';
import { parseRows, type RowReader } from './row-reader.js';
import type { ColumnDoc, ParsedRow, TableRow } from './types.js';

/** Yardstick's own results template, in column order: the README and the downloadable template use it. */
export const YARDSTICK_TEMPLATE_COLUMNS = [
  {
    name: 'standard_id',
    description: "The standard's Yardstick id (a UUID); leave blank when you give agency and standard_code.",
  },
  { name: 'agency', description: "The agency's abbreviation, e.g. DOS; with standard_code, instead of standard_id." },
  { name: 'standard_code', description: "The standard's code within the agency, e.g. PPT-RENEW-TIME." },
  {
    name: 'period',
    description: 'A month (2026-03), a fiscal quarter (FY2026-Q2) or a fiscal year (FY2026), as the standard reports.',
  },
  {
    name: 'channel',
    description: `Blank for all channels, or one of: ${CHANNELS.join(', ')}.`,
  },
  {
    name: 'value',
    description:
      "The result in the standard's unit (a percent as 0-100: 91.2 or 91.2%); blank when not known, never 0 for unknown.",
  },
  {
    name: 'numerator',
    description: 'For a share meeting a threshold: how many met it (a whole number, e.g. 9123 or 9,123).',
  },
  { name: 'denominator', description: 'For a share meeting a threshold: how many there were in all (e.g. 10,000).' },
  { name: 'sample_size', description: 'How many responses or cases were measured (a whole number), if sampled.' },
  { name: 'source', description: 'Where the figure comes from: the system, survey or report.' },
  {
    name: 'data_quality_note',
    description: 'Caveats about the figure; required when value is blank, to say why it is not known.',
  },
  {
    name: 'explanation_why',
    description: 'For a missed target: why it was missed (give explanation_action too).',
  },
  {
    name: 'explanation_action',
    description: 'For a missed target: what will be done about it, and by when (give explanation_why too).',
  },
] as const satisfies readonly ColumnDoc[];

export type YardstickColumn = (typeof YARDSTICK_TEMPLATE_COLUMNS)[number]['name'];

export const YARDSTICK_HEADER: HeaderSpec = {
  required: ['period', 'value'],
  optional: YARDSTICK_TEMPLATE_COLUMNS.map((column) => column.name).filter(
    (name) => name !== 'period' && name !== 'value',
  ),
  oneOf: [['standard_id'], ['agency', 'standard_code']],
};

/** The standard a row is about: by id, or by its stable external key. Whether it exists is the caller's to check. */
export type StandardRef = { id: string } | { agency: string; code: string };

/**
 * A template row, checked as far as it can be without the database. Left to the caller, which knows
 * the standard: that it exists, the period's frequency, the value's range for the unit, the channel
 * scope, and that counts apply to a share meeting a threshold. When value is blank and the counts
 * make a share, the caller derives the value from them (as for results entered a batch at a time).
 */
export type YardstickRecord = {
  standardRef: StandardRef;
  period: Period;
  channel: ResultChannel;
  value: number | null;
  /** The value was written with a % sign (or formatted as a percent in XLSX): the standard's unit must be percent. */
  valueHasPercentSign: boolean;
  numerator: number | null;
  denominator: number | null;
  sampleSize: number | null;
  source: string | null;
  dataQualityNote: string | null;
  explanation: { why: string; action: string } | null;
};

/** Text limits, the same as the API's for results and explanations. */
export const YARDSTICK_TEXT_LIMITS = {
  source: { min: 1, max: 500 },
  data_quality_note: { min: 1, max: 4000 },
  explanation_why: { min: 10, max: 4000 },
  explanation_action: { min: 10, max: 4000 },
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const COUNT = { integer: true, nonNegative: true } as const;

/** Parses rows of Yardstick's template, a batch at a time; a repeated (standard, period, channel) is an error. */
export function parseYardstickRows(
  rows: AsyncIterable<readonly TableRow[]>,
): AsyncIterable<ParsedRow<YardstickRecord>[]> {
  const keys = new KeyLines();
  const periods = new Map<string, Period | null>();
  return parseRows(rows, YARDSTICK_HEADER, (reader) => parseYardstickRow(reader, keys, periods));
}

function parseYardstickRow(
  r: RowReader,
  keys: KeyLines,
  periods: Map<string, Period | null>,
): ParsedRow<YardstickRecord> {
  const standardRef = readStandardRef(r);
  const period = readPeriod(r, periods);
  const channel = readChannel(r);
  const { value, percentSign } = r.numberWithSign('value', { percent: 'sign' });
  const numerator = r.number('numerator', COUNT);
  const denominator = r.number('denominator', COUNT);
  const sampleSize = r.number('sample_size', COUNT);
  const source = limitedText(r, 'source');
  const dataQualityNote = limitedText(r, 'data_quality_note');
  const why = limitedText(r, 'explanation_why');
  const action = limitedText(r, 'explanation_action');
  checkFigures(r, period, channel, value, numerator, denominator, dataQualityNote);
  if ((why === null) !== (action === null)) {
    r.error(
      why === null ? 'explanation_why' : 'explanation_action',
      'is required with the other half of the explanation: give both why the target was missed and what will be done, or neither',
    );
  }

  if (standardRef === null || period === null || typeof period === 'string' || channel === null) return r.rejected();
  const key = `${refKey(standardRef)}\u0000${period.key}\u0000${channel}`;
  if (r.errors.length === 0) {
    const first = keys.firstLine(key, r.line);
    if (first !== undefined) {
      r.error(
        undefined,
        `repeats line ${first}: the same standard, period and channel can appear only once in a file`,
        `${describeRef(standardRef)}, ${period.key}, ${channel}`,
      );
    }
  }
  return r.result({
    standardRef,
    period,
    channel,
    value,
    valueHasPercentSign: percentSign,
    numerator,
    denominator,
    sampleSize,
    source,
    dataQualityNote,
    explanation: why !== null && action !== null ? { why, action } : null,
  });
}

function readStandardRef(r: RowReader): StandardRef | null {
  const id = r.text('standard_id');
  const agency = r.text('agency');
  const code = r.text('standard_code');
  if (id !== null) {
    if (agency !== null || code !== null) {
      r.error('standard_id', 'name the standard one way: standard_id, or agency with standard_code, not both');
      return null;
    }
    if (!UUID.test(id)) {
      r.error('standard_id', 'is not a Yardstick standard id (a UUID like 0b6f1c2e-9a41-4d0e-8f3a-2c5d7e9b1a40)');
      return null;
    }
    return { id: id.toLowerCase() };
  }
  if (agency !== null && code !== null) return { agency, code };
  if (agency !== null) r.error('standard_code', 'is required with agency');
  else if (code !== null) r.error('agency', 'is required with standard_code');
  else r.error('standard_id', 'is required: name the standard by standard_id, or by agency and standard_code');
  return null;
}

/**
 * The period as parsed, or the text when it is not one (then checkFigures says why). A file has few distinct
 * periods: each is parsed once (the cache stops growing at 10,000, for odd files).
 */
function readPeriod(r: RowReader, periods: Map<string, Period | null>): Period | string | null {
  const text = r.text('period');
  if (text === null) return null;
  let period = periods.get(text);
  if (period === undefined) {
    period = resultPeriod(text);
    // Records share the parsed period: frozen, so that no caller can change another record's.
    if (period !== null) Object.freeze(period);
    if (periods.size < 10_000) periods.set(text, period);
  }
  return period ?? text;
}

function readChannel(r: RowReader): ResultChannel | null {
  const text = r.text('channel');
  if (text === null) return ALL_CHANNELS;
  const channel = text
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  if (channel === ALL_CHANNELS || (CHANNELS as readonly string[]).includes(channel)) return channel as ResultChannel;
  r.error('channel', `must be blank (all channels) or one of: ${CHANNELS.join(', ')}`);
  return null;
}

/**
 * The checks of a result that need no standard, by the rules of `resultProblems` (the importer asks it
 * again once it knows the standard). A cell that could not be read has its error already: the checks that
 * would only repeat it are left out.
 */
function checkFigures(
  r: RowReader,
  period: Period | string | null,
  channel: ResultChannel | null,
  value: number | null,
  numerator: number | null,
  denominator: number | null,
  dataQualityNote: string | null,
): void {
  const unread = (column: string): boolean => r.errors.some((error) => error.column === column);
  const countsUnread = unread('numerator') || unread('denominator');
  const valueUnread = unread('value');
  const figures = { period, channel: channel ?? ALL_CHANNELS, value, numerator, denominator, dataQualityNote };
  for (const problem of resultProblems(figures, null)) {
    const counts = problem.field === 'numerator' || problem.field === 'denominator' || problem.field === 'value';
    if (countsUnread && (counts || problem.field === 'dataQualityNote')) continue;
    if (valueUnread && problem.field === 'dataQualityNote') continue;
    r.error(problem.field === 'dataQualityNote' ? 'data_quality_note' : problem.field, problem.reason);
  }
}

function limitedText(r: RowReader, column: keyof typeof YARDSTICK_TEXT_LIMITS): string | null {
  const text = r.text(column);
  if (text === null) return null;
  const { min, max } = YARDSTICK_TEXT_LIMITS[column];
  if (text.length < min) r.error(column, `is too short: write at least ${min} characters`);
  else if (text.length > max) r.error(column, `is too long: at most ${max} characters`, `${text.slice(0, 40)}...`);
  return text;
}

function refKey(ref: StandardRef): string {
  return 'id' in ref ? `id\u0000${ref.id}` : `code\u0000${ref.agency.toUpperCase()}\u0000${ref.code}`;
}

function describeRef(ref: StandardRef): string {
  return 'id' in ref ? ref.id : `${ref.agency} ${ref.code}`;
}

// The customer feedback import formats, read and checked row by row without the database.
import { CHANNELS, type Channel } from '@yardstick/contracts';
import { A11_DRIVERS, A11_V1_QUESTIONS, volumeProblem } from '@yardstick/metrics';
import { requireHeader, type HeaderSpec } from '../imports/formats/header.js';
import { RowReader } from '../imports/formats/row-reader.js';
import {
  ImportFileError,
  type ColumnDoc,
  type ParsedRow,
  type RowError,
  type TableRow,
} from '../imports/formats/types.js';

/** The FY2024+ per-response file, exactly as Touchpoints exports it (a11_v2_upload_format_example.csv). */
export const A11_V2_COLUMNS = [
  'external_id',
  'question_1',
  ...A11_DRIVERS.map((d) => `positive_${d}`),
  ...A11_DRIVERS.map((d) => `negative_${d}`),
  'question_4',
] as const;

export const A11_V2_HEADER: HeaderSpec = { required: A11_V2_COLUMNS, optional: [] };

/** Longest external id and free text kept. */
const MAX_ID_CHARS = 200;
const MAX_TEXT_CHARS = 10_000;

/** Checks the header of a per-response file (every column named, in any order); throws bad_header naming them. */
export function a11V2Columns(row: TableRow): string[] {
  const columns = requireHeader(row.header.names, A11_V2_HEADER, row.header.line);
  return A11_V2_COLUMNS.map((c) => columns.get(c)!);
}

/**
 * One response as a COPY line (external_id, trust, 14 flags, free text; without the collection's two
 * ids), or the row's errors. Written for a million rows: strings only, no object per row.
 */
export function a11V2Line(
  row: TableRow,
  headers: readonly string[],
  surveyType: 'thumbs' | 'likert',
): { id: string; line: string } | { errors: RowError[] } {
  let errors: RowError[] | undefined;
  const fail = (column: string, reason: string, value: string | null) => {
    (errors ??= []).push({ line: row.line, column, ...(value !== null ? { value } : {}), reason });
  };
  const cells = row.cells;
  const id = cells[headers[0]!] as string | null;
  if (id === null) fail('external_id', 'is required', null);
  else if (id.length > MAX_ID_CHARS) fail('external_id', `is longer than ${MAX_ID_CHARS} characters`, id.slice(0, 40));
  const trust = cells[headers[1]!] as string | null;
  const trustOk =
    surveyType === 'thumbs'
      ? trust === '0' || trust === '1'
      : trust !== null && trust.length === 1 && trust >= '1' && trust <= '5';
  if (!trustOk) {
    fail(
      'question_1',
      surveyType === 'thumbs'
        ? 'must be 1 (thumbs up) or 0 (thumbs down) for this thumbs up/down survey'
        : 'must be 1 to 5 for this 1-5 survey',
      trust,
    );
  }
  let flags = '';
  for (let i = 2; i < 16; i++) {
    const flag = cells[headers[i]!] as string | null;
    if (flag === '0' || flag === '1') flags += ',' + flag;
    else fail(A11_V2_COLUMNS[i]!, 'must be 0 or 1', flag);
  }
  const text = cells[headers[16]!] as string | null;
  if (text !== null && text.length > MAX_TEXT_CHARS)
    fail('question_4', `is longer than ${MAX_TEXT_CHARS} characters`, null);
  if (errors) return { errors };
  return { id: id!, line: quote(id!) + ',' + trust + flags + ',' + (text === null ? '' : quote(text)) };
}

function quote(value: string): string {
  return value.includes('"') ? `"${value.replace(/"/g, '""')}"` : `"${value}"`;
}

// ------------------------------------------------------------------------ FY2019-23 question counts

const POINTS = [1, 2, 3, 4, 5] as const;

/** Yardstick's template for the FY2019-23 aggregated file: one row per survey (channel) and quarter. */
export const A11_COUNTS_COLUMNS: readonly ColumnDoc[] = [
  { name: 'fiscal_year', description: 'Federal fiscal year, 2019 to 2023 (FY2024 on uses the per-response file).' },
  { name: 'quarter', description: 'Fiscal quarter, 1 to 4 (Q1 is October to December).' },
  { name: 'channel', description: `The survey's channel: ${CHANNELS.join(', ')}.` },
  { name: 'transaction_point', description: 'post_interaction (default), post_journey or relational.' },
  { name: 'omb_control_number', description: "The survey's OMB control number (PRA), e.g. 1505-0191; may be blank." },
  {
    name: 'customers_served',
    description: 'Customers served that quarter through the channel (a whole number, 9,123 accepted).',
  },
  { name: 'surveys_offered', description: 'Customers offered the survey; not more than customers_served.' },
  { name: 'respondents', description: 'Customers who answered; not more than surveys_offered.' },
  ...A11_V1_QUESTIONS.map((q, i) => ({
    name: `q${i + 1}_text`,
    description: `Question ${i + 1} (${q}) as asked; may be blank.`,
  })),
  ...A11_V1_QUESTIONS.flatMap((q, i) =>
    POINTS.map((p) => ({
      name: `q${i + 1}_${p}`,
      description: `Answers of ${p} (1 strongly disagree, 5 strongly agree) to question ${i + 1} (${q}); all five blank when not asked.`,
    })),
  ),
];

export const A11_COUNTS_HEADER: HeaderSpec = {
  required: [
    'fiscal_year',
    'quarter',
    'channel',
    ...A11_V1_QUESTIONS.flatMap((_, i) => POINTS.map((p) => `q${i + 1}_${p}`)),
  ],
  optional: A11_COUNTS_COLUMNS.map((c) => c.name).filter(
    (n) => !/^q\d_\d$/.test(n) && !['fiscal_year', 'quarter', 'channel'].includes(n),
  ),
};

export type SurveyRow = {
  fiscalYear: number;
  quarter: number;
  channel: Channel;
  transactionPoint: 'post_interaction' | 'post_journey' | 'relational' | null;
  ombControlNumber: string | null;
  volumes: { customersServed: number | null; surveysOffered: number | null; respondents: number | null } | null;
  questions: { question: string; text: string | null; counts: number[] | null; average: number | null }[];
};

export function parseCountsRow(reader: RowReader): ParsedRow<SurveyRow> {
  const common = readPeriod(reader, 'fiscal_year', 'quarter', { min: 2019, max: 2023, why: 'the FY2019-23 questions' });
  const channel = reader.text('channel');
  if (channel === null) reader.error('channel', 'is required');
  else if (!(CHANNELS as readonly string[]).includes(channel))
    reader.error('channel', `must be one of: ${CHANNELS.join(', ')}`);
  const point = reader.text('transaction_point');
  if (point !== null && !['post_interaction', 'post_journey', 'relational'].includes(point)) {
    reader.error('transaction_point', 'must be post_interaction, post_journey or relational');
  }
  const volumes = readVolumes(reader, 'customers_served', 'surveys_offered', 'respondents');
  const questions = A11_V1_QUESTIONS.map((question, i) => {
    const counts = POINTS.map((p) => reader.number(`q${i + 1}_${p}`, { integer: true, nonNegative: true }));
    const blank = counts.filter((c) => c === null).length;
    if (blank > 0 && blank < 5) {
      reader.error(
        `q${i + 1}_${counts.findIndex((c) => c === null) + 1}`,
        'is blank: give all five counts of a question, or none when it was not asked',
      );
    }
    const total = counts.reduce<number>((t, c) => t + (c ?? 0), 0);
    if (blank === 0 && volumes?.respondents != null && total > volumes.respondents) {
      reader.error(
        `q${i + 1}_5`,
        `the answers to question ${i + 1} add up to ${total}, more than the ${volumes.respondents} respondents`,
      );
    }
    return {
      question,
      text: reader.text(`q${i + 1}_text`),
      counts: blank === 0 ? (counts as number[]) : null,
      average: null,
    };
  });
  if (questions.every((q) => q.counts === null) && reader.errors.length === 0) {
    reader.error(undefined, 'has no answer counts for any question');
  }
  return reader.result({
    ...common,
    channel: channel as Channel,
    transactionPoint: point as SurveyRow['transactionPoint'],
    ombControlNumber: reader.text('omb_control_number'),
    volumes,
    questions: questions.filter((q) => q.counts !== null),
  });
}

// ------------------------------------------------------------------------------ performance.gov files

export const HISP_VOLUMES_HEADER: HeaderSpec = {
  required: ['hisp', 'service', 'year', 'quarter', 'universe', 'surveyed', 'respondents'],
  optional: ['response_rate'],
};
export const HISP_QUESTIONS_HEADER: HeaderSpec = {
  required: ['hisp', 'service', 'year', 'quarter', 'question', 'average_score'],
  optional: ['description'],
};

/** performance.gov's question names -> the A-11 question they are. */
export const HISP_QUESTION_NAMES: Record<string, string> = {
  satisfaction: 'satisfaction',
  'trust / confidence': 'trust',
  trust: 'trust',
  'service effectiveness': 'effectiveness',
  effectiveness: 'effectiveness',
  'process / ease': 'ease',
  ease: 'ease',
  efficiency: 'efficiency',
  'process / efficiency': 'efficiency',
  'process transparency': 'transparency',
  transparency: 'transparency',
  'helpful employees': 'employee',
  'employee helpfulness': 'employee',
};

/** Which of the two performance.gov files this header is. */
export function hispFileKind(names: readonly string[]): 'volumes' | 'questions' {
  const lower = names.map((n) => n.trim().toLowerCase());
  if (lower.includes('question') || lower.includes('average_score')) return 'questions';
  if (lower.includes('universe') || lower.includes('surveyed')) return 'volumes';
  throw new ImportFileError(
    'bad_header',
    'The header is not right: a performance.gov HISP file has either universe, surveyed and respondents (volumes) or question and average_score (scores).',
    1,
  );
}

export type HispRow = SurveyRow & { hisp: string; service: string };

export function parseHispRow(reader: RowReader, kind: 'volumes' | 'questions'): ParsedRow<HispRow> {
  const period = readPeriod(reader, 'year', 'quarter', { min: 2019, max: 2100, why: 'A-11 Section 280 reporting' });
  const hisp = reader.requiredText('hisp') ?? '';
  const service = reader.requiredText('service') ?? '';
  const base = {
    ...period,
    hisp,
    service,
    channel: 'other' as Channel,
    transactionPoint: null,
    ombControlNumber: null,
  };
  if (kind === 'volumes') {
    const volumes = readVolumes(reader, 'universe', 'surveyed', 'respondents');
    const rate = reader.number('response_rate', { percent: 'sign', nonNegative: true });
    if (rate !== null && volumes?.respondents != null && volumes.surveysOffered) {
      const computed = (volumes.respondents / volumes.surveysOffered) * 100;
      // The file rounds the rate to a whole percent: more than a point away is a sign of a wrong count.
      if (Math.abs(computed - rate) > 1) {
        reader.warn('response_rate', `is not respondents / surveyed (${computed.toFixed(1)}%); the counts are kept`);
      }
    }
    return reader.result({ ...base, volumes, questions: [] });
  }
  const name = reader.requiredText('question');
  const question = name === null ? null : HISP_QUESTION_NAMES[name.trim().toLowerCase()];
  if (name !== null && question === undefined) {
    reader.error('question', `is not one of the A-11 questions (${Object.keys(HISP_QUESTION_NAMES).join(', ')})`);
  }
  const average = reader.number('average_score', { nonNegative: true });
  if (average === null) reader.error('average_score', 'is required');
  else if (average < 1 || average > 5)
    reader.error('average_score', 'must be between 1 and 5 (the A-11 questions are on a 1-5 scale)');
  return reader.result({
    ...base,
    volumes: null,
    questions: [{ question: question ?? '', text: reader.text('description'), counts: null, average }],
  });
}

function readPeriod(
  reader: RowReader,
  yearColumn: string,
  quarterColumn: string,
  range: { min: number; max: number; why: string },
): { fiscalYear: number; quarter: number } {
  const fiscalYear = reader.number(yearColumn, { integer: true });
  if (fiscalYear === null) {
    if (!reader.errors.some((e) => e.column === yearColumn)) reader.error(yearColumn, 'is required');
  } else if (fiscalYear < range.min || fiscalYear > range.max) {
    reader.error(yearColumn, `must be a fiscal year from ${range.min} to ${range.max} for ${range.why}`);
  }
  const quarter = reader.number(quarterColumn, { integer: true });
  if (quarter === null) {
    if (!reader.errors.some((e) => e.column === quarterColumn)) reader.error(quarterColumn, 'is required');
  } else if (quarter < 1 || quarter > 4) reader.error(quarterColumn, 'must be 1, 2, 3 or 4');
  return { fiscalYear: fiscalYear ?? 0, quarter: quarter ?? 0 };
}

function readVolumes(reader: RowReader, served: string, offered: string, answered: string): SurveyRow['volumes'] {
  const spec = { integer: true, nonNegative: true };
  const customersServed = reader.number(served, spec);
  const surveysOffered = reader.number(offered, spec);
  const respondents = reader.number(answered, spec);
  const problem = volumeProblem(customersServed, surveysOffered, respondents);
  if (problem) {
    const column = { customersServed: served, surveysOffered: offered, respondents: answered }[problem.field];
    reader.error(column, problem.reason.replace('surveys offered', offered).replace('customers served', served));
  }
  return { customersServed, surveysOffered, respondents };
}

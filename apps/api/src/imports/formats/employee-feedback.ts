import { tryParsePeriodKey } from '@yardstick/metrics';
import { KeyLines } from './duplicate-keys.js';
import type { HeaderSpec } from './header.js';
import { parseRows, type RowReader } from './row-reader.js';
import type { ColumnDoc, ParsedRow, TableRow } from './types.js';

// Front-line employee feedback (EO 12862 e): one row per theme of a survey of a service's employees in a period.

export const EMPLOYEE_FEEDBACK_TEMPLATE_COLUMNS = [
  { name: 'agency', description: "The agency's abbreviation, e.g. DOS." },
  { name: 'service', description: "The service's slug, e.g. passport-renewal (its address on the public site)." },
  { name: 'period', description: 'The fiscal quarter (FY2026-Q2) or fiscal year (FY2026) the survey covers.' },
  { name: 'employees_surveyed', description: 'How many front-line employees were asked (a whole number, 1 or more).' },
  {
    name: 'employees_responding',
    description: 'How many answered: not more than employees_surveyed. The same on every row of a service and period.',
  },
  { name: 'kind', description: 'barrier (what stands in the way of better service) or idea (how to do better).' },
  { name: 'theme', description: 'The theme, in a few words, e.g. "Forms ask for the same thing twice".' },
  { name: 'count', description: 'How many responding employees named the theme: not more than employees_responding.' },
  { name: 'summary', description: 'A short summary of the survey (optional; give it once per service and period).' },
  { name: 'staff_note', description: 'A note for staff only, never published (optional).' },
] as const satisfies readonly ColumnDoc[];

export const EMPLOYEE_FEEDBACK_HEADER: HeaderSpec = {
  required: ['agency', 'service', 'period', 'employees_surveyed', 'employees_responding'],
  optional: ['kind', 'theme', 'count', 'summary', 'staff_note'],
};

export type EmployeeFeedbackRecord = {
  agency: string;
  service: string;
  periodKey: string;
  employeesSurveyed: number;
  employeesResponding: number;
  /** Null on a row that gives only the survey's totals. */
  theme: { kind: 'barrier' | 'idea'; theme: string; count: number } | null;
  summary: string | null;
  staffNote: string | null;
};

const COUNT = { integer: true, nonNegative: true } as const;
const KINDS = ['barrier', 'idea'] as const;

type Survey = { line: number; surveyed: number; responding: number; summary: string | null };

/** Parses rows of the employee feedback template; the rows of one service and period must agree on their totals. */
export function parseEmployeeFeedbackRows(
  rows: AsyncIterable<readonly TableRow[]>,
): AsyncIterable<ParsedRow<EmployeeFeedbackRecord>[]> {
  const themes = new KeyLines();
  const surveys = new Map<string, Survey>();
  return parseRows(rows, EMPLOYEE_FEEDBACK_HEADER, (reader) => parseRow(reader, themes, surveys));
}

function parseRow(r: RowReader, themes: KeyLines, surveys: Map<string, Survey>): ParsedRow<EmployeeFeedbackRecord> {
  const agency = r.requiredText('agency');
  const service = r.requiredText('service')?.toLowerCase() ?? null;
  const periodText = r.requiredText('period');
  const period = periodText === null ? null : tryParsePeriodKey(periodText.toUpperCase());
  if (periodText !== null && (period === null || period.frequency === 'month')) {
    r.error('period', 'must be a fiscal quarter like FY2026-Q2 or a fiscal year like FY2026');
  }
  const surveyed = r.number('employees_surveyed', COUNT);
  const responding = r.number('employees_responding', COUNT);
  if (r.cell('employees_surveyed') === null) r.error('employees_surveyed', 'is required');
  else if (surveyed === 0) r.error('employees_surveyed', 'must be 1 or more');
  if (r.cell('employees_responding') === null) r.error('employees_responding', 'is required');
  if (surveyed !== null && responding !== null && responding > surveyed) {
    r.error('employees_responding', `must not be more than employees_surveyed (${surveyed})`);
  }
  const summary = limited(r, 'summary', 4000);
  const staffNote = limited(r, 'staff_note', 4000);

  const kindText = r.text('kind')?.toLowerCase() ?? null;
  const themeText = limited(r, 'theme', 200);
  const count = r.number('count', COUNT);
  let theme: EmployeeFeedbackRecord['theme'] = null;
  if (kindText !== null || themeText !== null || r.cell('count') !== null) {
    const kind = KINDS.find((k) => k === kindText || `${k}s` === kindText) ?? null;
    if (kindText === null) r.error('kind', 'is required with a theme: barrier or idea');
    else if (kind === null) r.error('kind', 'must be barrier or idea');
    if (themeText === null) r.error('theme', 'is required with a kind and a count');
    else if (themeText.length < 2) r.error('theme', 'must be at least 2 characters');
    if (r.cell('count') === null) r.error('count', 'is required with a theme');
    if (count !== null && responding !== null && count > responding) {
      r.error('count', `must not be more than employees_responding (${responding})`);
    }
    if (kind !== null && themeText !== null && count !== null) theme = { kind, theme: themeText, count };
  }

  if (agency === null || service === null || period === null || surveyed === null || responding === null) {
    return r.rejected();
  }
  const group = `${agency.toUpperCase()}\u0000${service}\u0000${period.key}`;
  const survey = surveys.get(group);
  if (survey === undefined) surveys.set(group, { line: r.line, surveyed, responding, summary });
  else {
    if (survey.surveyed !== surveyed) {
      r.error(
        'employees_surveyed',
        `differs from line ${survey.line} (${survey.surveyed}) for the same service and period`,
      );
    }
    if (survey.responding !== responding) {
      r.error(
        'employees_responding',
        `differs from line ${survey.line} (${survey.responding}) for the same service and period`,
      );
    }
    if (summary !== null && survey.summary !== null && summary !== survey.summary) {
      r.error('summary', `differs from line ${survey.line}: give the summary once per service and period`);
    }
    survey.summary ??= summary;
  }
  if (theme !== null && r.errors.length === 0) {
    const first = themes.firstLine(`${group}\u0000${theme.kind}\u0000${theme.theme.toLowerCase()}`, r.line);
    if (first !== undefined) r.error('theme', `repeats line ${first}: each theme once per kind, service and period`);
  }
  return r.result({
    agency,
    service,
    periodKey: period.key,
    employeesSurveyed: surveyed,
    employeesResponding: responding,
    theme,
    summary,
    staffNote,
  });
}

function limited(r: RowReader, column: string, max: number): string | null {
  const value = r.text(column);
  if (value !== null && value.length > max) r.error(column, `must be at most ${max} characters`);
  return value;
}

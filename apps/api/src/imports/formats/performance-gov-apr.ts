import type { Direction, Unit } from '@yardstick/contracts';
import { fiscalYearPeriod, targetProblems, unitValueProblem, type Period, type ValueRange } from '@yardstick/metrics';
import { KeyLines } from './duplicate-keys.js';
import type { HeaderSpec } from './header.js';
import { numberToText, shiftDecimal } from './numbers.js';
import { parseRows, type RowReader } from './row-reader.js';
import type { FieldMapping, ParsedRow, TableRow } from './types.js';

// The performance.gov style Annual Performance Report file: one row per KPI per fiscal year, with
// Goal, Strategic Objective, KPI, Year, Target, Actual, Min/Max Target, Unit, Desired Direction,
// Description and Notes (GSA's FY2018 APR data is an example).

/** How a source unit maps onto a Yardstick unit: `shift` moves the decimal point (Billions: 9). */
type UnitRule =
  | { unit: Unit; fractionPercent?: boolean; shift?: number; range?: ValueRange; note: string }
  | { unit: null; note: string };

/** A percent KPI whose figures go below 0 or above 100 is a change or a margin: it is declared without bounds. */
export const SIGNED_PERCENT: ValueRange = { min: null, max: null };

/** Source units by their name, lower case; the first group are those of GSA's FY2018 file. */
export const APR_UNITS: Readonly<Record<string, UnitRule>> = {
  percentage: { unit: 'percent', fractionPercent: true, note: 'a fraction, stored as a percent: 0.03 -> 3' },
  'raw count': { unit: 'count', note: 'as written' },
  'cumulative total': { unit: 'count', note: 'as written (a running total; the KPI title says so)' },
  billions: { unit: 'currency', shift: 9, note: 'billions of dollars, stored in dollars: 5.17 -> 5,170,000,000' },
  '5 point scale': { unit: 'score', note: 'a 1-5 score, as written' },
  '7 point scale': { unit: 'score', range: { min: 1, max: 7 }, note: 'a score on a declared 1-7 scale, as written' },
  '10 point scale': { unit: 'score', range: { min: 1, max: 10 }, note: 'a score on a declared 1-10 scale, as written' },
  '11 point scale': { unit: 'score', range: { min: 0, max: 10 }, note: 'a score on a declared 0-10 scale, as written' },
  '0-10 scale': { unit: 'score', range: { min: 0, max: 10 }, note: 'a score on a declared 0-10 scale, as written' },
  percent: { unit: 'percent', fractionPercent: true, note: 'a fraction, stored as a percent: 0.03 -> 3' },
  count: { unit: 'count', note: 'as written' },
  number: { unit: 'count', note: 'as written' },
  millions: { unit: 'currency', shift: 6, note: 'millions of dollars, stored in dollars' },
  dollars: { unit: 'currency', note: 'as written' },
  days: { unit: 'days', note: 'as written' },
  hours: { unit: 'hours', note: 'as written' },
  minutes: { unit: 'minutes', note: 'as written' },
};

/** Desired Direction, lower case. Blank is an error unless the import chooses a direction for blanks. */
export const APR_DIRECTIONS: Readonly<Record<string, Direction>> = {
  increase: 'higher_is_better',
  decrease: 'lower_is_better',
  'with in range': 'within_range',
  'within range': 'within_range',
};

/** Words that mean "no figure" in Target, Actual, Min Target and Max Target (as blank does). */
export const APR_NULL_TOKENS = ['N/A', 'NA', 'TBD', '-', '--', 'n.d.'] as const;

export const APR_FIELD_MAPPING: readonly FieldMapping[] = [
  {
    source: 'Goal',
    yardstick: 'strategic goal of the agency',
    rule: 'As written, runs of spaces and line breaks made one space. The file does not name its agency: the import names it (agency=GSA). The goal is found again by its code, APR-G- and a hash of its title.',
  },
  {
    source: '<year> Strategic Objective',
    yardstick: 'strategic objective (under the goal), linked to the indicator',
    rule: 'As written; the header may name any year ("2018 Strategic Objective") or none. Code APR-O- and a hash of goal and objective.',
  },
  {
    source: 'KPI',
    yardstick: 'standard (indicator): title and statement; its code APR- and a hash of the title',
    rule: 'As written, spaces tidied. All rows of one KPI must agree on Unit and Desired Direction; one KPI once a year. A new one is a draft yearly standard (dimension other) of the agency\'s "Annual performance report" service; computation: share for percents, total for counts and dollars, mean otherwise.',
  },
  {
    source: 'Year',
    yardstick: 'target and result period',
    rule: 'A US federal fiscal year: 2018 -> FY2018 (1 Oct 2017 to 30 Sep 2018). "FY2018" is accepted too.',
  },
  {
    source: 'Target',
    yardstick: 'fiscal-year target value',
    rule: 'In the Unit below; blank (or N/A, TBD, -) is no target that year.',
  },
  {
    source: 'Actual',
    yardstick: 'result value for the fiscal year (channel all)',
    rule: "In the Unit below; blank (or N/A, TBD, -) is no result, never 0. A value outside the unit's range is an error, except a percent below 0 or above 100: the KPI is then a change or a margin, declared as a percent without bounds (with a warning), and its target decides the status.",
  },
  {
    source: 'Min Target, Max Target',
    yardstick: 'target range (within-range measures)',
    rule: 'In the Unit below. A "With in Range" KPI without them has no target that year (Target alone cannot assess a range): the row\'s result is kept, with a warning; Min above Max is an error.',
  },
  {
    source: 'Unit',
    yardstick: 'standard unit',
    rule: 'Percentage -> percent (the file writes fractions: 0.03 -> 3, and 3% -> 3); Raw Count, Cumulative Total -> count; Billions -> currency in dollars (x 1,000,000,000); 5, 7 and 10 point scales -> score on a declared 1-5, 1-7 or 1-10 scale (11 point and 0-10 scales: 0-10), never rescaled; also Percent, Count, Number, Millions, Dollars, Days, Hours, Minutes. Other units are errors.',
  },
  {
    source: 'Desired Direction',
    yardstick: 'standard direction',
    rule: 'Increase -> higher_is_better, Decrease -> lower_is_better, "With in Range" -> within_range. Blank is an error (Yardstick does not guess which way is better), unless the import chooses a direction for blanks (blankDirection=...): then it is used, with a warning on each row.',
  },
  { source: 'Description: (or Description)', yardstick: 'measure description', rule: 'As written; blank is null.' },
  {
    source: 'Notes',
    yardstick: 'end of the measure description (data source, methodology)',
    rule: 'As written; without Description and Notes, the description names the KPI and its unit.',
  },
  { source: 'Further Questions', yardstick: 'not imported', rule: 'Ignored.' },
];

export const APR_HEADER: HeaderSpec = {
  required: ['Goal', 'KPI', 'Year', 'Target', 'Actual', 'Unit', 'Desired Direction'],
  optional: ['Strategic Objective', 'Min Target', 'Max Target', 'Description', 'Notes', 'Further Questions'],
  alias: (name) => {
    if (/^(\d{4} )?strategic objective$/.test(name)) return 'Strategic Objective';
    if (name === 'description:') return 'Description';
    return undefined;
  },
};

export type AprRecord = {
  goal: { title: string; objective: string | null };
  indicator: {
    /** The KPI title in lower case: what makes rows one indicator. */
    key: string;
    title: string;
    description: string | null;
    notes: string | null;
    unit: Unit;
    /** The file's Unit, e.g. "Percentage". */
    sourceUnit: string;
    direction: Direction;
    /** The declared range of values: a scale's, or SIGNED_PERCENT; null for the unit's own. */
    valueRange: ValueRange | null;
  };
  /** The fiscal year, FY<Year>. */
  period: Period;
  /** In the indicator's unit; null when the row gives no target. */
  target: { value: number | null; min: number | null; max: number | null } | null;
  /** In the indicator's unit; null when Actual is blank (no result). */
  result: { value: number } | null;
};

export type AprOptions = {
  /** The direction for KPIs whose Desired Direction is blank; without it a blank direction is an error. */
  blankDirection?: Direction;
};

/** Parses rows of an APR file, a batch at a time. */
export function parseAprRows(
  rows: AsyncIterable<readonly TableRow[]>,
  options: AprOptions = {},
): AsyncIterable<ParsedRow<AprRecord>[]> {
  const years = new KeyLines();
  // One entry a KPI (tens to hundreds in a file), to keep each KPI's unit and direction consistent.
  const kpis = new Map<string, { line: number; unit: string; direction: string }>();
  return parseRows(rows, APR_HEADER, (reader) => parseAprRow(reader, options, years, kpis), aprRowIdentity);
}

/** A row in the file's own terms: its KPI and year. */
function aprRowIdentity(r: RowReader): string | null {
  const kpi = tidy(r.text('KPI'));
  const year = r.text('Year');
  if (kpi === null && year === null) return null;
  return [kpi && `KPI "${kpi}"`, year].filter(Boolean).join(', ');
}

function parseAprRow(
  r: RowReader,
  options: AprOptions,
  years: KeyLines,
  kpis: Map<string, { line: number; unit: string; direction: string }>,
): ParsedRow<AprRecord> {
  const goal = tidy(r.requiredText('Goal'));
  const title = tidy(r.requiredText('KPI'));
  const period = readYear(r);
  const unitText = r.requiredText('Unit');
  const unit = unitText === null ? null : readUnit(r, unitText);
  const direction = readDirection(r, options);
  if (goal === null || title === null || period === null || unitText === null || unit === null || direction === null) {
    readFigures(r, unit);
    return r.rejected();
  }
  const { target, min, max, actual, signed } = readFigures(r, unit);
  if (r.errors.length > 0) return r.rejected();

  const key = title.toLowerCase();
  const kpi = kpis.get(key);
  if (kpi === undefined) {
    kpis.set(key, { line: r.line, unit: unitText.toLowerCase(), direction });
  } else {
    if (kpi.unit !== unitText.toLowerCase()) r.error('Unit', `differs from line ${kpi.line}, for the same KPI`);
    if (kpi.direction !== direction) r.error('Desired Direction', `differs from line ${kpi.line}, for the same KPI`);
  }
  const first = years.firstLine(`${key}\u0000${period.key}`, r.line);
  if (first !== undefined) r.error('Year', `repeats line ${first}: a KPI can have one row a year`);
  if (r.errors.length > 0) return r.rejected();

  const valueRange = signed ? SIGNED_PERCENT : (unit.range ?? null);
  // The API's own rule for targets decides what is kept: a target it would refuse is never stored.
  let kept = target === null && min === null && max === null ? null : { value: target, min, max };
  // A range's Target column (often its midpoint) is not a figure a within-range target has.
  if (kept !== null && direction === 'within_range') kept = { ...kept, value: null };
  const problems = kept === null ? [] : targetProblems(direction, unit.unit, kept, valueRange);
  if (kept !== null && problems.length > 0) {
    r.warn(
      problems[0]!.field === 'value' ? 'Target' : 'Min Target',
      direction === 'within_range'
        ? 'a "With in Range" KPI needs Min Target and Max Target: no target is kept for this year (the result is), as a range cannot be assessed without them'
        : `no target is kept for this year: it ${problems.map((p) => `${p.field} ${p.reason}`).join('; ')}`,
    );
    kept = null;
  }
  return r.result({
    goal: { title: goal, objective: tidy(r.text('Strategic Objective')) },
    indicator: {
      key,
      title,
      description: r.text('Description'),
      notes: r.text('Notes'),
      unit: unit.unit,
      sourceUnit: unitText,
      direction,
      valueRange,
    },
    period,
    target: kept,
    result: actual === null ? null : { value: actual },
  });
}

function readYear(r: RowReader): Period | null {
  const text = r.requiredText('Year');
  if (text === null) return null;
  const match = /^(?:FY\s?)?(\d{4})$/i.exec(text);
  if (match === null) {
    r.error('Year', 'must be a fiscal year like 2018');
    return null;
  }
  try {
    return fiscalYearPeriod(Number(match[1]));
  } catch (error) {
    r.error('Year', error instanceof RangeError ? error.message : 'is not a supported fiscal year');
    return null;
  }
}

function readUnit(r: RowReader, text: string): Extract<UnitRule, { unit: Unit }> | null {
  const rule = APR_UNITS[text.replace(/\s+/g, ' ').toLowerCase()];
  if (rule === undefined) {
    r.error('Unit', `is not a unit this import knows: ${Object.keys(APR_UNITS).join(', ')}`);
    return null;
  }
  if (rule.unit === null) {
    r.error('Unit', `has no Yardstick unit (${rule.note})`);
    return null;
  }
  return rule;
}

function readDirection(r: RowReader, options: AprOptions): Direction | null {
  const text = r.text('Desired Direction');
  if (text === null) {
    if (options.blankDirection !== undefined) {
      r.warn('Desired Direction', `is blank: taken as ${options.blankDirection}, as chosen for this import`);
      return options.blankDirection;
    }
    r.error(
      'Desired Direction',
      'is blank: write Increase, Decrease or With in Range (Yardstick does not guess whether higher is better)',
    );
    return null;
  }
  const direction = APR_DIRECTIONS[text.replace(/\s+/g, ' ').toLowerCase()];
  if (direction === undefined) r.error('Desired Direction', 'must be Increase, Decrease or With in Range');
  return direction ?? null;
}

/** Target, Min/Max Target and Actual in the Yardstick unit; with an unknown unit, only their syntax is checked. */
function readFigures(
  r: RowReader,
  rule: Extract<UnitRule, { unit: Unit }> | null,
): { target: number | null; min: number | null; max: number | null; actual: number | null; signed: boolean } {
  let signed = false;
  const read = (column: string): number | null => {
    const value = r.number(column, {
      percent: rule?.fractionPercent ? 'fraction' : 'none',
      nullTokens: APR_NULL_TOKENS,
    });
    if (value === null || rule === null) return value;
    const scaled = rule.shift ? Number(shiftDecimal(numberToText(value)!, rule.shift)) : value;
    const problem = unitValueProblem(rule.unit, scaled, rule.range);
    if (problem !== null && rule.unit === 'percent' && Number.isFinite(scaled)) {
      // A real value of a change or a margin (-1%, 104%): kept, and the KPI declared as such.
      r.warn(
        column,
        `is ${scaled}%, outside 0-100: the KPI is imported as a percent that may be negative or above 100 (a change or a margin), and its target decides the status`,
      );
      signed = true;
      return scaled;
    }
    if (problem !== null) {
      r.error(column, `${problem}${rule.fractionPercent ? ` (read as ${scaled}%)` : ''}`);
      return null;
    }
    return scaled;
  };
  const target = read('Target');
  const min = read('Min Target');
  const max = read('Max Target');
  const actual = read('Actual');
  if (min !== null && max !== null && min > max) r.error('Min Target', `must not be above Max Target (${max})`);
  return { target, min, max, actual, signed };
}

function tidy(text: string | null): string | null {
  return text === null ? null : text.replace(/\s+/g, ' ');
}

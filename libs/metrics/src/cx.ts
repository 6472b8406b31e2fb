// Customer feedback scores (A-11 Section 280) from counts: percent positive and mean with their 95%
// intervals (survey.ts), response rates, drivers, and aggregation by adding counts, never percentages.
import { dueDate, quarterPeriod } from './fiscal-calendar.js';
import {
  likertMean,
  percentPositive,
  type LikertCounts,
  type LikertMean,
  type PercentPositive,
  type ThumbsCounts,
} from './survey.js';

/** Days after a quarter's end that its collection is due, like results. */
export const CX_GRACE_DAYS = 30;
/** Fewer respondents than this and a score is flagged as a small sample. */
export const DEFAULT_SMALL_SAMPLE = 30;

/** The seven FY2019-23 A-11 questions, in the order of the form (q1..q7). */
export const A11_V1_QUESTIONS = [
  'satisfaction',
  'trust',
  'effectiveness',
  'ease',
  'efficiency',
  'transparency',
  'employee',
] as const;
export type A11V1Question = (typeof A11_V1_QUESTIONS)[number];

/** The FY2024+ drivers of trust, "what went well" (positive) and "what did not" (negative). */
export const A11_DRIVERS = [
  'effectiveness',
  'ease',
  'efficiency',
  'transparency',
  'humanity',
  'employee',
  'other',
] as const;
export type A11Driver = (typeof A11_DRIVERS)[number];

export type CountScore = {
  respondents: number;
  percentPositive: PercentPositive | null;
  /** 1-5 answers only. */
  mean: LikertMean | null;
  smallSample: boolean;
};

/** The date a quarter's collection is due: 30 days after the quarter ends. */
export function cxDueDate(fiscalYear: number, quarter: number): string {
  return dueDate(quarterPeriod(fiscalYear, quarter), CX_GRACE_DAYS);
}

/** Scores of one question from its answer counts; the small-sample flag below `smallSample` respondents. */
export function scoreCounts(counts: LikertCounts | ThumbsCounts, smallSample = DEFAULT_SMALL_SAMPLE): CountScore {
  assertThreshold(smallSample);
  const positive = percentPositive(counts);
  const mean = 'up' in counts ? null : likertMean(counts);
  const respondents = 'up' in counts ? (counts.up ?? 0) + (counts.down ?? 0) : sumLikert(counts);
  return { respondents, percentPositive: positive, mean, smallSample: respondents < smallSample };
}

/** Counts of several quarters, channels or surveys as one: added point by point (blank stays blank). */
export function addLikertCounts(parts: readonly LikertCounts[]): LikertCounts {
  const sum = (point: 1 | 2 | 3 | 4 | 5): number | null =>
    parts.some((p) => p[point] === null) ? null : parts.reduce((total, p) => total + (p[point] as number), 0);
  return { 1: sum(1), 2: sum(2), 3: sum(3), 4: sum(4), 5: sum(5) };
}

export function addThumbsCounts(parts: readonly ThumbsCounts[]): ThumbsCounts {
  const sum = (key: 'up' | 'down'): number | null =>
    parts.some((p) => p[key] === null) ? null : parts.reduce((total, p) => total + (p[key] as number), 0);
  return { up: sum('up'), down: sum('down') };
}

/** Respondents / offered, as a percent 0-100; null when either is blank or nobody was offered the survey. */
export function responseRate(respondents: number | null, offered: number | null): number | null {
  if (respondents === null || offered === null) return null;
  assertCount(respondents, 'Respondents');
  assertCount(offered, 'Surveys offered');
  if (respondents > offered)
    throw new RangeError(`Respondents (${respondents}) cannot exceed surveys offered (${offered})`);
  return offered === 0 ? null : (respondents / offered) * 100;
}

/**
 * What is wrong with a survey's three volumes (respondents <= offered <= customers served), or null.
 * Blank volumes are not compared.
 */
export function volumeProblem(
  served: number | null,
  offered: number | null,
  respondents: number | null,
): { field: 'customersServed' | 'surveysOffered' | 'respondents'; reason: string } | null {
  for (const [field, value] of [
    ['customersServed', served],
    ['surveysOffered', offered],
    ['respondents', respondents],
  ] as const) {
    if (value !== null && (!Number.isSafeInteger(value) || value < 0)) {
      return { field, reason: 'must be a whole number of 0 or more' };
    }
  }
  if (respondents !== null && offered !== null && respondents > offered) {
    return { field: 'respondents', reason: `must not be more than the surveys offered (${offered})` };
  }
  if (offered !== null && served !== null && offered > served) {
    return { field: 'surveysOffered', reason: `must not be more than the customers served (${served})` };
  }
  if (respondents !== null && served !== null && respondents > served) {
    return { field: 'respondents', reason: `must not be more than the customers served (${served})` };
  }
  return null;
}

/** Share of respondents (percent 0-100) who chose a driver; null without respondents. */
export function driverShare(chosen: number, respondents: number): number | null {
  assertCount(chosen, 'Driver count');
  assertCount(respondents, 'Respondents');
  if (chosen > respondents) throw new RangeError(`Driver count (${chosen}) cannot exceed respondents (${respondents})`);
  return respondents === 0 ? null : (chosen / respondents) * 100;
}

function sumLikert(counts: LikertCounts): number {
  return ([1, 2, 3, 4, 5] as const).reduce((total, point) => total + (counts[point] ?? 0), 0);
}

function assertThreshold(n: number): void {
  if (!Number.isSafeInteger(n) || n < 1)
    throw new RangeError(`Small-sample threshold must be a whole number of 1 or more, got ${n}`);
}

function assertCount(n: number, what: string): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`${what} must be a whole number of 0 or more, got ${n}`);
}

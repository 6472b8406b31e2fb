import type {
  PublicBenchmark,
  PublicResult,
  PublicStandardSummary,
  PublicTally,
  PublicTarget,
  PublicYearFigure,
  TargetStatus,
} from '@yardstick/contracts';
import {
  aggregate,
  describeStatusRule,
  evaluateStatus,
  formatPeriodLabel,
  missWithinMargin,
  parsePeriodKey,
  resultInterval,
  type Target,
  type Tolerance,
} from '@yardstick/metrics';
import type { BenchmarkRow, ResultRow, StandardRow, TargetRow } from './public.queries.js';

// Pure assembly of public figures from the rows of public.queries.ts; the numbers come from libs/metrics.

export function toleranceOf(standard: Pick<StandardRow, 'nearTolerance'>): Tolerance | undefined {
  return standard.nearTolerance === null ? undefined : { kind: 'absolute', amount: standard.nearTolerance };
}

export function ruleOf(standard: StandardRow): string {
  return describeStatusRule(standard.direction, toleranceOf(standard), standard.unit);
}

/** The target of a period: its quarter's when there is one (for monthly and quarterly results), else its year's. */
export function targetForPeriod(targets: TargetRow[], periodKey: string): TargetRow | null {
  const period = parsePeriodKey(periodKey);
  const ofYear = targets.filter((t) => t.fiscalYear === period.fiscalYear);
  const quarterly =
    period.frequency !== 'year' && period.quarter !== undefined
      ? ofYear.find((t) => t.quarter === period.quarter)
      : undefined;
  return quarterly ?? ofYear.find((t) => t.quarter === 0) ?? null;
}

export function yearTarget(targets: TargetRow[], fiscalYear: number): TargetRow | null {
  return targets.find((t) => t.fiscalYear === fiscalYear && t.quarter === 0) ?? null;
}

function metricsTarget(standard: StandardRow, target: TargetRow | null): Target | null {
  if (!target) return null;
  if (standard.direction === 'within_range') {
    return target.minValue === null || target.maxValue === null ? null : { min: target.minValue, max: target.maxValue };
  }
  return target.value === null ? null : { value: target.value };
}

export function statusOf(standard: StandardRow, target: TargetRow | null, value: number | null): TargetStatus {
  return evaluateStatus({
    value,
    target: metricsTarget(standard, target),
    direction: standard.direction,
    tolerance: toleranceOf(standard),
  });
}

export function toPublicTarget(target: TargetRow | null): PublicTarget | null {
  if (!target) return null;
  return {
    fiscalYear: target.fiscalYear,
    quarter: target.quarter === 0 ? null : target.quarter,
    value: target.value,
    minValue: target.minValue,
    maxValue: target.maxValue,
    unit: target.unit,
    note: target.note,
  };
}

export function toPublicResult(standard: StandardRow, targets: TargetRow[], row: ResultRow): PublicResult {
  const target = targetForPeriod(targets, row.periodKey);
  const status = statusOf(standard, target, row.value);
  const interval = resultInterval({ ...row, unit: standard.unit });
  return {
    periodKey: row.periodKey,
    periodLabel: formatPeriodLabel(row.periodKey),
    periodStart: row.periodStart,
    periodEnd: row.periodEnd,
    fiscalYear: row.fiscalYear,
    channel: row.channel,
    value: row.value,
    numerator: row.numerator,
    denominator: row.denominator,
    sampleSize: row.sampleSize,
    source: row.source,
    dataQualityNote: row.dataQualityNote,
    revision: row.revision,
    certifiedAt: row.certifiedAt.toISOString(),
    status,
    target: target?.value ?? null,
    explanation: row.why !== null && row.action !== null ? { why: row.why, action: row.action } : null,
    interval,
    withinMargin: missWithinMargin(status, interval, metricsTarget(standard, target), standard.direction),
  };
}

export function toPublicBenchmark(row: BenchmarkRow): PublicBenchmark {
  return {
    name: row.name,
    description: row.description,
    sourceOrganization: row.sourceOrganization,
    sourceUrl: row.sourceUrl,
    year: row.year,
    value: row.value,
    unit: row.unit,
  };
}

export function summaryOf(
  standard: StandardRow,
  targets: TargetRow[],
  latest: ResultRow | undefined,
  lastCertified: Date | undefined,
): PublicStandardSummary {
  const target = latest ? targetForPeriod(targets, latest.periodKey) : null;
  return {
    id: standard.id,
    code: standard.code,
    title: standard.title,
    statement: standard.statement,
    dimension: standard.dimension,
    unit: standard.unit,
    direction: standard.direction,
    agency: { slug: standard.agencySlug, name: standard.agencyName, abbreviation: standard.agencyAbbreviation },
    service: { slug: standard.serviceSlug, name: standard.serviceName },
    latest: latest
      ? {
          periodKey: latest.periodKey,
          periodLabel: formatPeriodLabel(latest.periodKey),
          value: latest.value,
          status: statusOf(standard, target, latest.value),
          target: toPublicTarget(target),
        }
      : null,
    lastUpdated: (lastCertified ?? standard.publishedAt)?.toISOString() ?? null,
  };
}

/**
 * A standard's figure for a fiscal year from its certified all-channel results of that year: the yearly
 * result when there is one, else the months or quarters combined by libs/metrics (counts summed, means
 * weighted; never an average of percentages, never a median of medians).
 */
export function yearFigure(standard: StandardRow, results: ResultRow[]): PublicYearFigure {
  const all = results.filter((r) => r.channel === 'all');
  const yearly = all.find((r) => r.frequency === 'year');
  if (yearly) return { value: yearly.value, periods: 1, reason: yearly.value === null ? 'the result is blank' : null };
  if (all.length === 0) return { value: null, periods: 0, reason: 'no certified result for this year' };
  const combined = aggregate(standard.computation, all);
  return {
    value: combined.value,
    periods: all.length,
    reason: combined.value === null ? (combined.reason ?? null) : null,
  };
}

export function emptyTally(): PublicTally {
  return { met: 0, near: 0, notMet: 0, noData: 0, notApplicable: 0, assessed: 0, share: null };
}

/** Counts of statuses and the share of assessed targets met, from the counts (never an average of shares). */
export function tallyOf(statuses: Iterable<TargetStatus>): PublicTally {
  const tally = emptyTally();
  for (const status of statuses) {
    if (status === 'met') tally.met += 1;
    else if (status === 'near') tally.near += 1;
    else if (status === 'not_met') tally.notMet += 1;
    else if (status === 'no_data') tally.noData += 1;
    else tally.notApplicable += 1;
  }
  tally.assessed = tally.met + tally.near + tally.notMet;
  tally.share = tally.assessed === 0 ? null : (tally.met / tally.assessed) * 100;
  return tally;
}

export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** How the figures are made, in words, for the annual report and its PDF. */
export const METHODOLOGY: string[] = [
  'Only published service standards and results certified by the agency for public release are shown. A corrected result appears again once it is certified.',
  'A fiscal year runs from 1 October to 30 September: fiscal year 2026 is 1 October 2025 to 30 September 2026.',
  "A standard's result for a year is its yearly result when it reports yearly; otherwise its monthly or quarterly results over all channels are combined: shares are recomputed from the counts behind them (the sum of numerators over the sum of denominators), means are weighted by sample size, totals are added up. Percentages are never averaged, and a median is never derived from medians (such a year shows no figure, with the reason).",
  "Each result is compared with the target for its period (the quarter's target when there is one, else the year's). Met: the target is reached. Near: short of it by no more than the standard's tolerance (5% of the target unless the standard says otherwise). Not met: further short. No data: due but not reported, or blank. A standard without a target for the period is not assessed.",
  'The share of targets met is the number of standards that met their target divided by the number assessed (met, near or not met), from the counts.',
  'Benchmarks are comparisons with the best in business, named with their source organisation and year.',
  'Every missed target is explained by the agency: why, and what it will do about it.',
  'A change between two percentages is given in percentage points (91% to 94% is +3 percentage points). A past year shows the wording of the standard in force that year.',
  'A result measured on a sample (it gives its sample size) shows its 95% confidence interval (Wilson score interval); a miss whose target lies inside that interval is said to be within the margin of error.',
];

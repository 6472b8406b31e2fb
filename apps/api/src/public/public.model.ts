import type {
  PublicBenchmark,
  PublicResult,
  PublicStandardSummary,
  PublicTarget,
  PublicYearFigure,
  TargetStatus,
} from '@yardstick/contracts';
import {
  aggregateWhatCan,
  describeRule,
  fiscalCalendar,
  formatPeriodLabel,
  missWithinMargin,
  resultInterval,
  judgeForPeriod,
  targetFiguresOf,
  targetForPeriod,
  usableTarget,
  type FiscalCalendar,
  type TallyStatus,
} from '@yardstick/metrics';
import type { BenchmarkRow, ResultRow, StandardRow, TargetRow } from './public.queries.js';

// Pure assembly of public figures from the rows of public.queries.ts; the numbers come from libs/metrics.

/** The fiscal calendar of a standard's agency. */
export function calendarOf(standard: Pick<StandardRow, 'fiscalYearStartMonth'>): FiscalCalendar {
  return fiscalCalendar(standard.fiscalYearStartMonth ?? null);
}

export function ruleOf(standard: StandardRow): string {
  return describeRule(standard);
}

/**
 * A standard's place in a tally: awaiting certification when a result against a target is in but not
 * certified (counted apart, kept in the denominator), else its status.
 */
export function tallyStatusOf(status: TargetStatus, awaiting: boolean, hasTarget: boolean): TallyStatus {
  return awaiting && hasTarget ? 'awaiting_certification' : status;
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
  const calendar = calendarOf(standard);
  const { target, status } = judgeForPeriod(standard, targets, row.periodKey, row.value, calendar);
  const interval = resultInterval({ ...row, unit: standard.unit });
  return {
    periodKey: row.periodKey,
    periodLabel: formatPeriodLabel(row.periodKey, calendar),
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
    withinMargin: missWithinMargin(
      status,
      interval,
      target && usableTarget(standard.direction, targetFiguresOf(target)).target,
      standard.direction,
    ),
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
  awaiting?: { periodKey: string; periodStart: string } | undefined,
): PublicStandardSummary {
  const newer = awaiting && (!latest || awaiting.periodStart > latest.periodStart) ? awaiting : undefined;
  const calendar = calendarOf(standard);
  const judged = latest ? judgeForPeriod(standard, targets, latest.periodKey, latest.value, calendar) : null;
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
          periodLabel: formatPeriodLabel(latest.periodKey, calendar),
          value: latest.value,
          status: judged!.status,
          target: toPublicTarget(judged!.target),
        }
      : null,
    lastUpdated: (lastCertified ?? standard.publishedAt)?.toISOString() ?? null,
    awaitingCertification: newer
      ? { periodKey: newer.periodKey, periodLabel: formatPeriodLabel(newer.periodKey, calendar) }
      : null,
  };
}

/** Where a summary stands in a tally: its latest status, or awaiting certification (against a target). */
export function summaryTallyStatus(
  summary: PublicStandardSummary,
  targets: TargetRow[],
  calendar?: FiscalCalendar,
): TallyStatus {
  if (summary.awaitingCertification) {
    return tallyStatusOf(
      summary.latest?.status ?? 'no_data',
      true,
      targetForPeriod(targets, summary.awaitingCertification.periodKey, calendar) !== null,
    );
  }
  return summary.latest?.status ?? 'no_data';
}

/**
 * A standard's figure for a fiscal year from its certified all-channel results of that year: the yearly
 * result when there is one, else the months or quarters combined by libs/metrics (counts summed, means
 * weighted; never an average of percentages, never a median of medians). A result that cannot be combined
 * with the others (a percentage without its counts) is left out and named; the figure covers the rest.
 */
export function yearFigure(standard: StandardRow, results: ResultRow[]): PublicYearFigure {
  const all = results.filter((r) => r.channel === 'all');
  const yearly = all.find((r) => r.frequency === 'year');
  if (yearly) {
    return {
      value: yearly.value,
      periods: 1,
      reason: yearly.value === null ? 'the result is blank' : null,
      leftOut: [],
    };
  }
  if (all.length === 0) return { value: null, periods: 0, reason: 'no certified result for this year', leftOut: [] };
  const combined = aggregateWhatCan(standard.computation, all);
  return {
    value: combined.value,
    periods: combined.combined,
    reason: combined.value === null ? (combined.reason ?? null) : null,
    leftOut: combined.leftOut.map(({ index, reason }) => ({
      periodKey: all[index]!.periodKey,
      periodLabel: formatPeriodLabel(all[index]!.periodKey),
      reason,
    })),
  };
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
  "Each result is compared with the target for its period (the quarter's target when there is one, else the year's). Met: the target is reached. Near: short of it by no more than the standard's tolerance (5% of the target unless the standard says otherwise). Not met: further short. No data: due but not reported, or blank. A standard without a target for the period is not assessed. Where the source of the figures rounds them before comparing (the Government of Canada rounds to 4 decimals of a fraction), the standard says so and the same rounding is applied.",
  'A result that is in but not yet certified by the agency is shown only as awaiting certification, never with its figures.',
  'The share of targets met is the number of standards that met their target divided by the number with a target and a result (met, near, not met, or awaiting certification), from the counts: a result awaiting certification is never left out of the denominator.',
  'Benchmarks are comparisons with the best in business, named with their source organisation and year.',
  'Every missed target is explained by the agency: why, and what it will do about it.',
  'A change between two percentages is given in percentage points (91% to 94% is +3 percentage points). A past year shows the wording of the standard in force that year.',
  'A result measured on a sample (it gives its sample size) shows its 95% confidence interval (Wilson score interval); a miss whose target lies inside that interval is said to be within the margin of error.',
];

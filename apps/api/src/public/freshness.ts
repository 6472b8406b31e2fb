import type { PublicFreshness, PublicReportingRecord } from '@yardstick/contracts';
import {
  DEFAULT_GRACE_DAYS,
  dueDate,
  formatLongDate,
  formatPeriodName,
  isOverdue,
  periodsEndingIn,
  periodsInFiscalYear,
  reportingRecord,
  toIsoDate,
  type FiscalCalendar,
  type Frequency,
  type Period,
  type RecordItem,
  type ReportingRecord,
} from '@yardstick/metrics';

/** What the rules need of a standard: its frequency, the fiscal years it has targets for, and its certified results. */
export type FreshnessInput = {
  frequency: Frequency;
  targetYears: ReadonlySet<number>;
  /** All-channel certified results: period key -> when certified. */
  certified: ReadonlyMap<string, Date>;
  /** The agency's fiscal calendar (October when left out): periods and due dates are its. */
  calendar?: FiscalCalendar;
};

/** The results a standard owed over the record's quarters (a period is owed when its fiscal year has a target). */
export function recordItems(input: FreshnessInput, quarters: readonly Period[]): RecordItem[] {
  return quarters.flatMap((quarter) =>
    periodsEndingIn(input.frequency, quarter)
      .filter((p) => input.targetYears.has(p.fiscalYear))
      .map((p) => {
        const at = input.certified.get(p.key);
        return { dueDate: dueDate(p, DEFAULT_GRACE_DAYS), publishedOn: at ? toIsoDate(at) : null };
      }),
  );
}

export function standardRecord(input: FreshnessInput, quarters: readonly Period[], today: string): ReportingRecord {
  return reportingRecord(recordItems(input, quarters), today);
}

export function toPublicRecord(record: ReportingRecord, quarters: readonly Period[]): PublicReportingRecord {
  const span = `${formatPeriodName(quarters[0]!)} to ${formatPeriodName(quarters.at(-1)!)}`;
  const summary =
    record.share === null
      ? `No result was due from ${span}.`
      : `${record.onTime} of ${record.expected} results due from ${span} were published on time (${Math.round(record.share * 100)}%); ${record.late} late, ${record.missing} not published.`;
  return {
    quarters: quarters.map((q) => formatPeriodName(q)),
    expected: record.expected,
    onTime: record.onTime,
    late: record.late,
    missing: record.missing,
    share: record.share,
    summary,
  };
}

/**
 * The latest certification, and the most recent period (of a year with a target) whose result is past its due
 * date and not published: "The result for FY2026 Q4 was due on 30 October 2026 and has not been published."
 */
export function freshnessOf(input: FreshnessInput, lastCertifiedAt: Date | null, today: string): PublicFreshness {
  const overdue = [...input.targetYears]
    .sort((a, b) => b - a)
    .flatMap((year) => periodsInFiscalYear(year, input.frequency, input.calendar).reverse())
    .find((p) => isOverdue(p, DEFAULT_GRACE_DAYS, today) && !input.certified.has(p.key));
  return {
    lastCertifiedAt: lastCertifiedAt?.toISOString() ?? null,
    overdue: overdue
      ? {
          periodKey: overdue.key,
          periodLabel: formatPeriodName(overdue),
          dueDate: dueDate(overdue, DEFAULT_GRACE_DAYS),
          statement: `The result for ${formatPeriodName(overdue)} was due on ${formatLongDate(dueDate(overdue, DEFAULT_GRACE_DAYS))} and has not been published.`,
        }
      : null,
  };
}

/** Agencies with something due, best record first (then the most results due, then by name): the home ranking and the CSV. */
export function rankByRecord(
  agencies: readonly { id: string; slug: string; name: string; abbreviation: string }[],
  records: ReadonlyMap<string, PublicReportingRecord>,
): { slug: string; name: string; abbreviation: string; reportingRecord: PublicReportingRecord }[] {
  return agencies
    .map((a) => ({ slug: a.slug, name: a.name, abbreviation: a.abbreviation, reportingRecord: records.get(a.id)! }))
    .filter((a) => a.reportingRecord.share !== null)
    .sort(
      (a, b) =>
        b.reportingRecord.share! - a.reportingRecord.share! ||
        b.reportingRecord.expected - a.reportingRecord.expected ||
        a.name.localeCompare(b.name),
    );
}

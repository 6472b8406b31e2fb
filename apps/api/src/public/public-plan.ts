import {
  PLAN_PART_LABELS,
  PLAN_PARTS,
  type PublicBenchmark,
  type PublicPlan,
  type PublicStandardSummary,
} from '@yardstick/contracts';
import { countLate, formatPeriodLabel, milestoneState } from '@yardstick/metrics';
import type { AgencyRow, EmployeeFeedbackRow, PlanRow, PlanVersionRow } from './public.queries.js';

/** A published plan as the public reads it: parts in order (a) to (f), milestones with their state on `today`. */
export function planOf(
  agency: Pick<AgencyRow, 'slug' | 'name' | 'abbreviation'>,
  row: PlanRow,
  today: string,
  linked: {
    standards: PublicStandardSummary[];
    benchmarks: PublicBenchmark[];
    employeeFeedback: EmployeeFeedbackRow[];
    feedbackCollections: PublicPlan['feedbackCollections'];
    versions: PlanVersionRow[];
    otherYears: number[];
  },
): PublicPlan {
  const parts = PLAN_PARTS.map((key) => {
    const part = row.parts[key];
    return {
      key,
      label: PLAN_PART_LABELS[key],
      approach: part.approach,
      benefits: part.benefits,
      milestones: part.milestones.map((m) => ({ ...m, state: milestoneState(m, today) })),
    };
  });
  return {
    agency: { slug: agency.slug, name: agency.name, abbreviation: agency.abbreviation },
    fiscalYear: row.fiscalYear,
    version: row.version,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    summary: row.summary,
    parts,
    lateMilestones: countLate(
      PLAN_PARTS.flatMap((key) => row.parts[key].milestones),
      today,
    ),
    standards: linked.standards,
    benchmarks: linked.benchmarks,
    // Part (b): the customer feedback collections the plan names that are published (never a draft).
    feedbackCollections: linked.feedbackCollections,
    employeeFeedback: linked.employeeFeedback.map((f) => ({
      service: { slug: f.serviceSlug, name: f.serviceName },
      periodKey: f.periodKey,
      periodLabel: formatPeriodLabel(f.periodKey),
      employeesSurveyed: f.employeesSurveyed,
      employeesResponding: f.employeesResponding,
      barriers: f.barriers,
      ideas: f.ideas,
      summary: f.summary,
    })),
    versions: linked.versions.map((v) => ({
      version: v.version,
      summary: v.summary,
      publishedAt: v.publishedAt?.toISOString() ?? null,
      current: v.current,
    })),
    otherYears: linked.otherYears,
  };
}

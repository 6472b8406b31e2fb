import type { ErrorDetail, ThemeCount } from '@yardstick/contracts';
import { tryParsePeriodKey } from '@yardstick/metrics';

// What employee feedback must satisfy, entered by hand or imported: the one set of rules for both.

export type FeedbackFigures = {
  periodKey: string;
  employeesSurveyed: number;
  employeesResponding: number;
  barriers: readonly ThemeCount[];
  ideas: readonly ThemeCount[];
};

/** A fiscal quarter or year in its canonical form (FY2026-Q2, FY2026), or null. */
export function feedbackPeriod(input: string): string | null {
  const period = tryParsePeriodKey(input.trim());
  return period && period.frequency !== 'month' ? period.key : null;
}

/**
 * The problems with a set of figures, each naming its field: responding within surveyed, each theme's count
 * within responding, each theme once.
 */
export function feedbackProblems(figures: FeedbackFigures): ErrorDetail[] {
  const problems: ErrorDetail[] = [];
  if (feedbackPeriod(figures.periodKey) === null) {
    problems.push({
      field: 'periodKey',
      value: figures.periodKey,
      reason: 'must be a fiscal quarter (FY2026-Q2) or year (FY2026)',
    });
  }
  if (figures.employeesResponding > figures.employeesSurveyed) {
    problems.push({
      field: 'employeesResponding',
      value: figures.employeesResponding,
      reason: `must not be more than employeesSurveyed (${figures.employeesSurveyed})`,
    });
  }
  for (const kind of ['barriers', 'ideas'] as const) {
    const seen = new Set<string>();
    figures[kind].forEach((theme, i) => {
      const key = theme.theme.trim().toLowerCase();
      if (seen.has(key)) problems.push({ field: `${kind}.${i}.theme`, value: theme.theme, reason: 'is listed twice' });
      seen.add(key);
      if (theme.count > figures.employeesResponding) {
        problems.push({
          field: `${kind}.${i}.count`,
          value: theme.count,
          reason: `must not be more than employeesResponding (${figures.employeesResponding})`,
        });
      }
    });
  }
  return problems;
}

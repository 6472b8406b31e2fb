import type { ThemeCount } from '@yardstick/contracts';
import type { EntityManager } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { withSubAgencies } from '../auth/grants.js';
import { EmployeeFeedback } from '../employee-feedback/entities/employee-feedback.entity.js';
import type { EmployeeFeedbackRecord, ParsedRecord, RowError } from './formats/index.js';
import type { LoadCounts } from './results-loader.js';

/** Employee feedback files are gathered whole (one survey spans several rows) before they are written. */
export const MAX_EMPLOYEE_FEEDBACK_ROWS = 100_000;

type Survey = {
  lines: number[];
  first: ParsedRecord<EmployeeFeedbackRecord>;
  barriers: ThemeCount[];
  ideas: ThemeCount[];
  summary: string | null;
  staffNote: string | null;
};

/**
 * Writes the surveys of an employee feedback file (rows already checked), in the caller's transaction: each service
 * and period is inserted, or replaces what was there (which withdraws a published summary until it is published
 * again), or is left alone when nothing changed. Rows naming an unknown service, or one the caller may not write
 * for, are errors.
 */
export async function writeEmployeeFeedback(
  manager: EntityManager,
  auth: AuthContext,
  rows: ParsedRecord<EmployeeFeedbackRecord>[],
  addErrors: (errors: RowError[]) => void,
): Promise<LoadCounts> {
  const counts: LoadCounts = { staged: rows.length, inserted: 0, updated: 0, unchanged: 0 };
  const surveys = new Map<string, Survey>();
  for (const row of rows) {
    const { agency, service, periodKey } = row.record;
    const key = `${agency.toUpperCase()}\u0000${service}\u0000${periodKey}`;
    const survey = surveys.get(key) ?? {
      lines: [],
      first: row,
      barriers: [],
      ideas: [],
      summary: null,
      staffNote: null,
    };
    surveys.set(key, survey);
    survey.lines.push(row.line);
    const theme = row.record.theme;
    if (theme)
      (theme.kind === 'barrier' ? survey.barriers : survey.ideas).push({ theme: theme.theme, count: theme.count });
    survey.summary ??= row.record.summary;
    survey.staffNote ??= row.record.staffNote;
  }
  const services = new Map<string, { id: string; agencyId: string } | string>();
  const find = async (agency: string, slug: string) => {
    const key = `${agency.toUpperCase()}\u0000${slug}`;
    if (!services.has(key)) {
      const [found] = await manager.query<{ id: string; agencyId: string; agency: string }[]>(
        `SELECT s.id, s.agency_id AS "agencyId" FROM services s WHERE s.slug = $1`,
        [slug],
      );
      const [owner] = await manager.query<{ id: string }[]>(
        'SELECT id FROM agencies WHERE upper(abbreviation) = upper($1)',
        [agency],
      );
      if (!owner) services.set(key, `agency: no agency with the abbreviation ${agency}`);
      else if (!found || !(await withSubAgencies(manager, [owner.id])).includes(found.agencyId)) {
        services.set(key, `service: no service with the slug ${slug} in agency ${agency}`);
      } else if (!auth.can('registry:write', found.agencyId)) {
        services.set(key, `agency: you may not write for agency ${agency}`);
      } else services.set(key, found);
    }
    return services.get(key)!;
  };
  for (const survey of surveys.values()) {
    const { agency, service, periodKey, employeesSurveyed, employeesResponding } = survey.first.record;
    const found = await find(agency, service);
    if (typeof found === 'string') {
      const [column, reason] = found.split(': ') as [string, string];
      addErrors(survey.lines.map((line) => ({ line, column, value: column === 'agency' ? agency : service, reason })));
      continue;
    }
    const values = {
      employeesSurveyed,
      employeesResponding,
      barriers: survey.barriers,
      ideas: survey.ideas,
      summary: survey.summary ?? '',
      staffNote: survey.staffNote,
    };
    const existing = await manager.findOneBy(EmployeeFeedback, { serviceId: found.id, periodKey });
    if (!existing) {
      await manager.insert(EmployeeFeedback, { ...values, serviceId: found.id, agencyId: found.agencyId, periodKey });
      counts.inserted++;
    } else if (sameFigures(existing, values)) {
      counts.unchanged++;
    } else {
      await manager.update(EmployeeFeedback, { id: existing.id }, { ...values, publishedAt: null });
      counts.updated++;
    }
  }
  return counts;
}

/** jsonb keeps its own key order, so the figures are compared as values. */
function sameFigures(a: Figures, b: Figures): boolean {
  const flat = (f: Figures) => [
    f.employeesSurveyed,
    f.employeesResponding,
    ...f.barriers.map((t) => `b:${t.theme}:${t.count}`),
    ...f.ideas.map((t) => `i:${t.theme}:${t.count}`),
    f.summary,
    f.staffNote,
  ];
  return JSON.stringify(flat(a)) === JSON.stringify(flat(b));
}

type Figures = Pick<
  EmployeeFeedback,
  'employeesSurveyed' | 'employeesResponding' | 'barriers' | 'ideas' | 'summary' | 'staffNote'
>;

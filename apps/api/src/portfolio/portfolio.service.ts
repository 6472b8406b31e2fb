import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  PORTFOLIO_STATES,
  TARGET_STATUSES,
  type PortfolioState,
  type PortfolioStateCounts,
  type DueResultBody,
  type PortfolioBody,
  type PortfolioCellBody,
  type PortfolioGroupBody,
  type PortfolioRowBody,
  type StandardTrendBody,
  type StatusCounts,
  type TargetStatus,
} from '@yardstick/contracts';
import {
  addDays,
  aggregateWhatCan,
  calendarOfPeriod,
  containsPeriod,
  describeStatusRule,
  dueDate,
  fiscalYearOf,
  fiscalYearPeriod,
  formatPeriodLabel,
  isOverdue,
  parsePeriodKey,
  periodsInFiscalYear,
  quarterPeriod,
  resultDueState,
  shiftPeriod,
  statusAgainstTarget,
  STATUS_LABELS,
  targetForPeriod,
  toIsoDate,
  toPeriod,
  wilsonInterval,
  type FiscalCalendar,
  type Frequency,
  type Period,
} from '@yardstick/metrics';
import { DataSource, In } from 'typeorm';
import { calendarOfAgency, calendarsOfAgencies } from '../agencies/agency-calendar.js';
import { Agency } from '../agencies/entities/agency.entity.js';
import type { AuthContext } from '../auth/auth-context.js';
import { scopeQuery } from '../common/scope.js';
import { Result } from '../results/entities/result.entity.js';
import { Service } from '../services/entities/service.entity.js';
import { StandardVersion } from '../standards/entities/standard-version.entity.js';
import { Standard } from '../standards/entities/standard.entity.js';
import { Target } from '../standards/entities/target.entity.js';
import { StandardsService } from '../standards/standards.service.js';
import type { DueQueryDto, PortfolioQueryDto } from './dto/portfolio.dto.js';

/** Days after a period's last day that its result may still arrive on time. */
export const RESULT_GRACE_DAYS = 30;
/** Quarters shown in "share of targets met over time". */
const TREND_QUARTERS = 8;

const FREQUENCY_RANK: Record<Frequency, number> = { month: 0, quarter: 1, year: 2 };

type Subject = {
  standard: Standard;
  version: StandardVersion;
  targets: Target[];
  results: Result[];
  /** The agency's fiscal calendar (October when left out): a column "FY2024 Q1" is its own FY2024 Q1. */
  calendar?: FiscalCalendar;
};

const emptyCounts = (): StatusCounts => Object.fromEntries(TARGET_STATUSES.map((s) => [s, 0])) as StatusCounts;

/** The standard's own reporting periods inside `period`. */
function reportingPeriods(frequency: Frequency, period: Period): Period[] {
  if (frequency === period.frequency) return [period];
  return periodsInFiscalYear(period.fiscalYear, frequency, calendarOfPeriod(period)).filter((p) =>
    containsPeriod(period, p),
  );
}

/**
 * A standard's status for one period: its all-channel results in the period combined by libs/metrics
 * (counts summed, means weighted, never percentages averaged), against the period's target.
 */
export function cellFor(subject: Subject, column: Period, today: string): PortfolioCellBody {
  const { version, targets, results } = subject;
  // The column's fiscal period, dated in the standard's agency's calendar.
  const period = subject.calendar ? toPeriod(column, subject.calendar) : column;
  const cell = (
    status: TargetStatus,
    state: PortfolioState,
    value: number | null,
    note: string | null,
  ): PortfolioCellBody => ({ periodKey: period.key, status, state, value, note });
  if (FREQUENCY_RANK[version.frequency] > FREQUENCY_RANK[period.frequency]) {
    return cell('not_applicable', 'not_reported', null, `reported each ${version.frequency}`);
  }
  const target = targetForPeriod(targets, period);
  const expected = reportingPeriods(version.frequency, period);
  if (!target) return cell('not_applicable', 'no_target', null, `no target for FY${period.fiscalYear}`);
  // Dates compare as ISO strings: a result lies in the period when its own period does.
  const found = results.filter((r) => r.periodStart >= period.start && r.periodEnd <= period.end);
  const overdue = expected.filter((p) => isOverdue(p, RESULT_GRACE_DAYS, today)).length;
  if (found.length === 0) {
    if (overdue > 0) return cell('no_data', 'overdue', null, 'no result, overdue');
    return cell('not_applicable', 'not_due', null, `due ${dueDate(expected[0]!, RESULT_GRACE_DAYS)}`);
  }
  // What can be combined is; a result that cannot (a percentage without its counts) is named, not hidden.
  const combined = aggregateWhatCan(version.computation, found);
  const status = statusAgainstTarget(version, target, combined.value);
  const leftOut =
    combined.leftOut.length > 0 && combined.value !== null
      ? `from ${combined.combined} of ${found.length} results; not combined: ${combined.leftOut
          .map(({ index, reason }) => `${formatPeriodLabel(found[index]!.periodKey)} (${reason})`)
          .join(', ')}`
      : null;
  const noteWith = (note: string | null) => [note, leftOut].filter(Boolean).join('; ') || null;
  if (found.length < expected.length) {
    // Part of the period: not a status to set beside complete ones.
    const missing = expected.length - found.length;
    const rest = overdue > 0 ? `, ${Math.min(overdue, missing)} overdue` : ', the rest not due yet';
    return cell(
      status,
      'partial',
      combined.value,
      noteWith(`${found.length} of ${expected.length} ${version.frequency}s reported${rest}`),
    );
  }
  if (status === 'no_data')
    return cell(status, 'no_data', combined.value, combined.value === null ? (combined.reason ?? null) : null);
  // A stored target that cannot be used (a range without min and max) assesses nothing.
  if (status === 'not_applicable') return cell(status, 'no_target', combined.value, 'the target cannot be used');
  const uncertified = found.filter((r) => r.certifiedAt === null).length;
  if (uncertified > 0) {
    const so = `${STATUS_LABELS[status].toLowerCase()} so far`;
    return cell(
      status,
      'awaiting_certification',
      combined.value,
      noteWith(`${so}; ${uncertified} of ${found.length} not certified yet`),
    );
  }
  return cell(status, status, combined.value, noteWith(null));
}

const emptyStates = (): PortfolioStateCounts =>
  Object.fromEntries(PORTFOLIO_STATES.map((s) => [s, 0])) as PortfolioStateCounts;

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

@Injectable()
export class PortfolioService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly standards: StandardsService,
    private readonly clock: Clock,
  ) {}

  async portfolio(auth: AuthContext, query: PortfolioQueryDto): Promise<PortfolioBody> {
    const now = this.clock.now();
    const today = toIsoDate(now);
    // Columns are named in the calendar of the agency asked for (October for a mixed portfolio).
    const calendar = query.agencyId ? await calendarOfAgency(this.dataSource.manager, query.agencyId) : undefined;
    const fiscalYear = query.fiscalYear ?? fiscalYearOf(now, calendar);
    const selected = query.quarter
      ? quarterPeriod(fiscalYear, query.quarter, calendar)
      : fiscalYearPeriod(fiscalYear, calendar);
    const columns = periodsInFiscalYear(fiscalYear, 'quarter', calendar);
    const lastQuarter = query.quarter ? selected : columns[3]!;
    const trendQuarters = Array.from({ length: TREND_QUARTERS }, (_, i) =>
      shiftPeriod(lastQuarter, i - TREND_QUARTERS + 1),
    );
    const subjects = await this.subjects(auth, query, trendQuarters[0]!.start, selected.end);
    const agencies = await this.names(
      Agency,
      subjects.map((s) => s.standard.agencyId),
    );
    const services = await this.names(
      Service,
      subjects.map((s) => s.standard.serviceId),
    );

    const counts = emptyCounts();
    const states = emptyStates();
    const groups = { agency: new Map<string, PortfolioGroupBody>(), service: new Map(), dimension: new Map() };
    const bump = (map: Map<string, PortfolioGroupBody>, key: string, label: string, current: PortfolioCellBody) => {
      const group = map.get(key) ?? { key, label, counts: emptyCounts(), states: emptyStates() };
      group.counts[current.status] += 1;
      group.states[current.state] += 1;
      map.set(key, group);
    };
    const rows: PortfolioRowBody[] = subjects.map((subject) => {
      const { standard, version } = subject;
      const current = cellFor(subject, selected, today);
      counts[current.status] += 1;
      states[current.state] += 1;
      const agencyName = agencies.get(standard.agencyId) ?? '';
      const serviceName = services.get(standard.serviceId) ?? '';
      bump(groups.agency, standard.agencyId, agencyName, current);
      bump(groups.service, standard.serviceId, serviceName, current);
      bump(groups.dimension, version.dimension, version.dimension, current);
      return {
        standardId: standard.id,
        code: standard.code,
        title: version.title,
        agencyId: standard.agencyId,
        agencyName,
        serviceId: standard.serviceId,
        serviceName,
        dimension: version.dimension,
        unit: version.unit,
        current,
        cells: columns.map((column) => cellFor(subject, column, today)),
      };
    });
    const metOverTime = trendQuarters.map((quarter) => {
      let met = 0;
      let assessed = 0;
      let partial = 0;
      for (const subject of subjects) {
        const { status, state } = cellFor(subject, quarter, today);
        // A quarter reported in part is left out: it is not compared with complete ones.
        if (state === 'partial') partial += 1;
        else if (status === 'met' || status === 'near' || status === 'not_met') {
          assessed += 1;
          if (status === 'met') met += 1;
        }
      }
      return {
        periodKey: quarter.key,
        label: formatPeriodLabel(quarter),
        met,
        assessed,
        partial,
        share: assessed === 0 ? null : (met / assessed) * 100,
      };
    });
    const byLabel = (a: PortfolioGroupBody, b: PortfolioGroupBody) => a.label.localeCompare(b.label);
    return {
      periodKey: selected.key,
      periodLabel: formatPeriodLabel(selected),
      columns: columns.map((c) => ({ periodKey: c.key, label: formatPeriodLabel(c) })),
      counts,
      states,
      byAgency: [...groups.agency.values()].sort(byLabel),
      byService: [...groups.service.values()].sort(byLabel),
      byDimension: [...groups.dimension.values()].sort(byLabel),
      rows,
      metOverTime,
      method:
        `Each standard's all-channel results in the period are combined (counts summed, means weighted by sample ` +
        `size, never percentages averaged; medians are not combined) and compared with the period's target. ` +
        `${describeStatusRule('higher_is_better')} A result is overdue ${RESULT_GRACE_DAYS} days after its period ends. ` +
        `A period with only some of its results in is labelled partial and is not compared with complete ones ` +
        `(it is left out of the share met over time); a complete one with results not yet certified is ` +
        `awaiting certification.`,
    };
  }

  async trend(auth: AuthContext, id: string): Promise<StandardTrendBody> {
    const standard = await this.standards.authorize(auth, id, 'registry:read');
    const version = await this.dataSource.manager.findOneByOrFail(StandardVersion, {
      id: (standard.publishedVersionId ?? standard.pendingVersionId)!,
    });
    const results = await this.dataSource.manager.find(Result, {
      where: { standardId: id, channel: 'all' },
      order: { periodStart: 'ASC' },
    });
    const targets = await this.dataSource.manager.findBy(Target, { standardId: id });
    const calendar = await calendarOfAgency(this.dataSource.manager, standard.agencyId);
    const benchmarks = await this.standards.listBenchmarks(auth, id);
    const survey = version.unit === 'percent' && version.dimension === 'satisfaction';
    const points = results.map((result) => {
      const period = parsePeriodKey(result.periodKey, calendar);
      const target = targetForPeriod(targets, period);
      const n = result.sampleSize ?? null;
      const interval =
        survey && n && result.value !== null ? wilsonInterval(Math.round((result.value / 100) * n), n) : null;
      return {
        periodKey: result.periodKey,
        label: formatPeriodLabel(period),
        value: result.value,
        status: cellFor({ standard, version, targets, results: [result], calendar }, period, this.clock.today()).status,
        target: target?.value ?? null,
        targetMin: target?.minValue ?? null,
        targetMax: target?.maxValue ?? null,
        lower: interval ? interval.lower * 100 : null,
        upper: interval ? interval.upper * 100 : null,
        sampleSize: n,
        certified: result.certifiedAt !== null,
      };
    });
    return {
      standardId: id,
      code: standard.code,
      title: version.title,
      statement: version.statement,
      unit: version.unit,
      direction: version.direction,
      channelScope: version.channelScope,
      points,
      benchmarks: benchmarks.map((b) => ({
        id: b.id,
        name: b.name,
        value: b.value,
        year: b.year,
        sourceOrganization: b.sourceOrganization,
        sourceUrl: b.sourceUrl,
      })),
      marginOfError: survey
        ? '95% Wilson interval for a proportion, from the number of respondents (sample size) of each result.'
        : null,
    };
  }

  /**
   * Results that should have come in: each period, in a fiscal year with a target (this one and the last),
   * that has ended without a result, due within the grace period and overdue after it.
   */
  async due(auth: AuthContext, query: DueQueryDto): Promise<DueResultBody[]> {
    const now = this.clock.now();
    const today = toIsoDate(now);
    const builder = this.dataSource
      .getRepository(Standard)
      .createQueryBuilder('standard')
      .where("standard.status <> 'retired'");
    scopeQuery(builder, 'standard.agency_id', auth, 'registry:read');
    if (query.agencyId) builder.andWhere('standard.agency_id = :agencyId', { agencyId: query.agencyId });
    if (query.standardId) builder.andWhere('standard.id = :standardId', { standardId: query.standardId });
    const standards = await builder.orderBy('standard.code').getMany();
    if (standards.length === 0) return [];
    const ids = standards.map((s) => s.id);
    // This fiscal year and the last, each in its agency's calendar.
    const calendars = await calendarsOfAgencies(
      this.dataSource.manager,
      standards.map((s) => s.agencyId),
    );
    const yearsOf = (agencyId: string): number[] => {
      const current = fiscalYearOf(now, calendars.get(agencyId));
      return [current - 1, current];
    };
    const years = [...new Set(standards.flatMap((s) => yearsOf(s.agencyId)))];
    const versions = new Map(
      (
        await this.dataSource.manager.findBy(StandardVersion, {
          id: In(standards.map((s) => (s.publishedVersionId ?? s.pendingVersionId)!)),
        })
      ).map((v) => [v.standardId, v]),
    );
    const targets = await this.dataSource.manager.findBy(Target, { standardId: In(ids), fiscalYear: In(years) });
    const received = new Set(
      (
        await this.dataSource
          .getRepository(Result)
          .createQueryBuilder('result')
          .select(['result.standardId', 'result.periodKey'])
          .where('result.standard_id IN (:...ids)', { ids })
          .andWhere('result.fiscal_year IN (:...years)', { years })
          .getMany()
      ).map((r) => `${r.standardId} ${r.periodKey}`),
    );
    const due: DueResultBody[] = [];
    for (const standard of standards) {
      const version = versions.get(standard.id)!;
      const calendar = calendars.get(standard.agencyId);
      for (const year of yearsOf(standard.agencyId)) {
        if (!targets.some((t) => t.standardId === standard.id && t.fiscalYear === year)) continue;
        for (const period of periodsInFiscalYear(year, version.frequency, calendar)) {
          const state = resultDueState({
            period,
            graceDays: RESULT_GRACE_DAYS,
            today,
            hasResult: received.has(`${standard.id} ${period.key}`),
          });
          if (state !== 'due' && state !== 'overdue') continue;
          due.push({
            standardId: standard.id,
            standardCode: standard.code,
            standardTitle: version.title,
            agencyId: standard.agencyId,
            periodKey: period.key,
            periodLabel: formatPeriodLabel(period),
            dueDate: dueDate(period, RESULT_GRACE_DAYS),
            state,
          });
        }
      }
    }
    return due.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.standardCode.localeCompare(b.standardCode));
  }

  /** Published standards in scope, with their published version, targets and all-channel results from `from`. */
  private async subjects(auth: AuthContext, query: PortfolioQueryDto, from: string, to: string): Promise<Subject[]> {
    const builder = this.dataSource
      .getRepository(Standard)
      .createQueryBuilder('standard')
      .innerJoin(StandardVersion, 'version', 'version.id = standard.published_version_id');
    scopeQuery(builder, 'standard.agency_id', auth, 'registry:read');
    if (query.agencyId) builder.andWhere('standard.agency_id = :agencyId', { agencyId: query.agencyId });
    if (query.serviceId) builder.andWhere('standard.service_id = :serviceId', { serviceId: query.serviceId });
    if (query.dimension) builder.andWhere('version.dimension = :dimension', { dimension: query.dimension });
    const standards = await builder.orderBy('standard.code').getMany();
    if (standards.length === 0) return [];
    const ids = standards.map((s) => s.id);
    const versions = new Map(
      (
        await this.dataSource.manager.findBy(StandardVersion, {
          id: In(standards.map((s) => s.publishedVersionId!)),
        })
      ).map((v) => [v.standardId, v]),
    );
    const targets = await this.dataSource.manager.findBy(Target, { standardId: In(ids) });
    const calendars = await calendarsOfAgencies(
      this.dataSource.manager,
      standards.map((s) => s.agencyId),
    );
    // An agency whose year starts in another month has the same fiscal periods up to 11 months apart.
    const results = await this.dataSource
      .getRepository(Result)
      .createQueryBuilder('result')
      .where('result.standard_id IN (:...ids)', { ids })
      .andWhere("result.channel = 'all'")
      .andWhere('result.period_start >= :from AND result.period_end <= :to', {
        from: addDays(from, -366),
        to: addDays(to, 366),
      })
      .getMany();
    const targetsBy = groupBy(targets, (t) => t.standardId);
    const resultsBy = groupBy(results, (r) => r.standardId);
    return standards.map((standard) => ({
      standard,
      version: versions.get(standard.id)!,
      targets: targetsBy.get(standard.id) ?? [],
      results: resultsBy.get(standard.id) ?? [],
      calendar: calendars.get(standard.agencyId),
    }));
  }

  private async names(entity: typeof Agency | typeof Service, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.dataSource.manager.findBy(entity, { id: In([...new Set(ids)]) });
    return new Map(rows.map((row) => [row.id, row.name]));
  }
}

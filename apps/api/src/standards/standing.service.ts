import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { StandardStandingBody, TargetStatus } from '@yardstick/contracts';
import {
  describeRule,
  fiscalYearOf,
  formatPeriodLabel,
  judgeForPeriod,
  parsePeriodKey,
  type FiscalCalendar,
} from '@yardstick/metrics';
import { DataSource, In } from 'typeorm';
import { calendarsOfAgencies } from '../agencies/agency-calendar.js';
import { Clock } from '../common/clock.js';
import { Result } from '../results/entities/result.entity.js';
import type { StandardVersion } from './entities/standard-version.entity.js';
import { Standard } from './entities/standard.entity.js';
import { Target } from './entities/target.entity.js';
import { toTargetBody } from './standard.mappers.js';

export type StandingOptions = { certifiedOnly?: boolean };

/** Where each standard stands: its latest all-channel result against the target of that period. */
@Injectable()
export class StandingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async forStandards(
    standards: { id: string; version: StandardVersion }[],
    options: StandingOptions = {},
  ): Promise<Map<string, StandardStandingBody>> {
    const ids = standards.map((s) => s.id);
    const latest = await this.dataSource
      .getRepository(Result)
      .createQueryBuilder('result')
      .distinctOn(['result.standard_id'])
      .where('result.standard_id IN (:...ids)', { ids })
      .andWhere("result.channel = 'all'")
      .andWhere(options.certifiedOnly ? 'result.certified_at IS NOT NULL' : 'TRUE')
      .orderBy('result.standard_id')
      .addOrderBy('result.period_start', 'DESC')
      .addOrderBy('result.period_end', 'ASC')
      .getMany();
    const latestBy = new Map(latest.map((result) => [result.standardId, result]));
    const targets = await this.dataSource.manager.findBy(Target, { standardId: In(ids) });
    // Each standard's periods (and its current fiscal year) are its agency's.
    const agencyOf = new Map(
      (
        await this.dataSource.manager.find(Standard, { where: { id: In(ids) }, select: { id: true, agencyId: true } })
      ).map((s) => [s.id, s.agencyId]),
    );
    const calendars = await calendarsOfAgencies(this.dataSource.manager, agencyOf.values());
    const now = this.clock.now();

    return new Map(
      standards.map(({ id, version }) => {
        const result = latestBy.get(id) ?? null;
        const calendar = calendars.get(agencyOf.get(id)!);
        return [
          id,
          standingOf(
            result,
            version,
            targets.filter((t) => t.standardId === id),
            fiscalYearOf(now, calendar),
            calendar,
          ),
        ];
      }),
    );
  }

  /** Each result against the target of its own period: its status and that target. */
  async standingOfResults(
    results: Result[],
    versions: Map<string, StandardVersion>,
  ): Promise<Map<string, StandardStandingBody>> {
    if (results.length === 0) return new Map();
    const targets = await this.dataSource.manager.findBy(Target, {
      standardId: In([...new Set(results.map((r) => r.standardId))]),
    });
    const calendars = await calendarsOfAgencies(
      this.dataSource.manager,
      results.map((r) => r.agencyId),
    );
    return new Map(
      results.map((r) => [
        r.id,
        standingOf(
          r,
          versions.get(r.standardId)!,
          targets.filter((t) => t.standardId === r.standardId),
          0,
          calendars.get(r.agencyId),
        ),
      ]),
    );
  }

  /** Each result's status against the target of its own period. */
  async statusOfResults(results: Result[], versions: Map<string, StandardVersion>): Promise<Map<string, TargetStatus>> {
    const standings = await this.standingOfResults(results, versions);
    return new Map([...standings].map(([id, standing]) => [id, standing.status]));
  }
}

/**
 * A result against the target of its period (libs/metrics judgeForPeriod), read in its agency's fiscal
 * calendar; without a result, the current year's target.
 */
export function standingOf(
  result: Result | null,
  version: StandardVersion,
  targets: Target[],
  currentYear: number,
  calendar?: FiscalCalendar,
): StandardStandingBody {
  const period = result ? parsePeriodKey(result.periodKey, calendar) : null;
  const { target, status } = judgeForPeriod(
    version,
    targets,
    period ?? { frequency: 'year', fiscalYear: currentYear },
    result?.value ?? null,
    calendar,
  );
  return {
    status,
    periodKey: result?.periodKey ?? null,
    periodLabel: period ? formatPeriodLabel(period) : null,
    value: result?.value ?? null,
    target: target ? toTargetBody(target) : null,
    rule: describeRule(version),
  };
}

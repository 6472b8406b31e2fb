import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  ALL_CHANNELS,
  type CertificationReport,
  type Page,
  type Permission,
  type ResultBody,
  type ResultRevisionBody,
} from '@yardstick/contracts';
import {
  formatPeriodLabel,
  resultPeriod,
  resultProblems,
  resultValue,
  tryParsePeriodKey,
  US_FEDERAL_CALENDAR,
  type FiscalCalendar,
} from '@yardstick/metrics';
import { Clock } from '../common/clock.js';
import { DataSource, In, Repository } from 'typeorm';
import {
  ConflictAppException,
  NotFoundAppException,
  ValidationFailedException,
} from '../common/errors/app.exception.js';
import { paginate } from '../common/pagination.js';
import { scopeQuery } from '../common/scope.js';
import { calendarOfAgency, calendarsOfAgencies } from '../agencies/agency-calendar.js';
import { ForbiddenAppException, type AuthContext } from '../auth/auth-context.js';
import { StandardVersion } from '../standards/entities/standard-version.entity.js';
import { Standard } from '../standards/entities/standard.entity.js';
import { StandingService } from '../standards/standing.service.js';
import type {
  CertifyResultsDto,
  CreateResultDto,
  ExplanationDto,
  ListResultsQueryDto,
  UpdateResultDto,
} from './dto/result.dto.js';
import { Explanation } from './entities/explanation.entity.js';
import { ResultRevision } from './entities/result-revision.entity.js';
import { Result } from './entities/result.entity.js';
import { lockAgencyResults } from './result-write-lock.js';

const REVISION_FIELDS = ['value', 'numerator', 'denominator', 'sampleSize', 'source', 'dataQualityNote'] as const;
const MISSED = new Set(['not_met', 'near']);
const OWN_RESULT = 'you entered or last changed this result (or its explanation): another approver must certify it';

@Injectable()
export class ResultsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Result) private readonly results: Repository<Result>,
    private readonly standing: StandingService,
    private readonly clock: Clock,
  ) {}

  async list(auth: AuthContext, query: ListResultsQueryDto): Promise<Page<ResultBody>> {
    const builder = scopeQuery(this.results.createQueryBuilder('result'), 'result.agency_id', auth, 'registry:read');
    if (query.standardId) builder.andWhere('result.standard_id = :standardId', { standardId: query.standardId });
    if (query.agencyId) builder.andWhere('result.agency_id = :agencyId', { agencyId: query.agencyId });
    if (query.fiscalYear) builder.andWhere('result.fiscal_year = :fiscalYear', { fiscalYear: query.fiscalYear });
    if (query.channel) builder.andWhere('result.channel = :channel', { channel: query.channel });
    if (query.certified !== undefined) {
      builder.andWhere(query.certified ? 'result.certified_at IS NOT NULL' : 'result.certified_at IS NULL');
    }
    const page = await paginate(builder, query, `result.${query.sort}`, (result) => result);
    return { ...page, items: await this.toBodies(page.items) };
  }

  async get(auth: AuthContext, id: string): Promise<ResultBody> {
    const [body] = await this.toBodies([await this.authorize(auth, id, 'registry:read')]);
    return body!;
  }

  async create(auth: AuthContext, dto: CreateResultDto): Promise<ResultBody> {
    const standard = await this.dataSource.manager.findOneBy(Standard, { id: dto.standardId });
    if (!standard) throw new NotFoundAppException('Standard', dto.standardId);
    auth.require('results:write', standard.agencyId);
    const version = await this.openVersion(standard);
    const row = checkResult(
      dto,
      version,
      this.clock.today(),
      await calendarOfAgency(this.dataSource.manager, standard.agencyId),
    );
    const channel = dto.channel ?? ALL_CHANNELS;
    if (await this.results.existsBy({ standardId: standard.id, periodKey: row.periodKey, channel })) {
      throw new ConflictAppException(`There is already a result for ${row.periodKey} (${channel}).`, [
        { field: 'period', value: row.periodKey, reason: 'a result for this period and channel exists' },
      ]);
    }
    const saved = await this.dataSource.transaction(async (manager) => {
      await lockAgencyResults(manager.query.bind(manager), [standard.agencyId]);
      return manager.save(
        manager.create(Result, {
          ...row,
          standardId: standard.id,
          agencyId: standard.agencyId,
          channel,
          sampleSize: dto.sampleSize ?? null,
          source: dto.source ?? null,
          dataQualityNote: dto.dataQualityNote ?? null,
          recordedBy: auth.actor.id,
        }),
      );
    });
    return this.get(auth, saved.id);
  }

  /** A correction: a new revision when a figure changes (which needs certifying again); history is kept. */
  async update(auth: AuthContext, id: string, dto: UpdateResultDto): Promise<ResultBody> {
    const current = await this.authorize(auth, id, 'results:write');
    const standard = await this.dataSource.manager.findOneByOrFail(Standard, { id: current.standardId });
    const version = await this.openVersion(standard);
    const merged = { ...pick(current), ...dto };
    const counted = dto.numerator !== undefined || dto.denominator !== undefined;
    const row = checkResult(
      {
        standardId: current.standardId,
        period: current.periodKey,
        channel: current.channel,
        ...merged,
        // New counts recompute the value unless a value comes with them.
        value: counted && dto.value === undefined ? null : merged.value,
      },
      version,
      undefined,
      await calendarOfAgency(this.dataSource.manager, current.agencyId),
    );
    const next = { ...merged, value: row.value, numerator: row.numerator, denominator: row.denominator };
    if (REVISION_FIELDS.every((field) => (next[field] ?? null) === (current[field] ?? null))) return this.get(auth, id);
    await this.dataSource.transaction(async (manager) => {
      // Behind the agency's result-write lock (imports take it too), the figures read again are the latest.
      await lockAgencyResults(manager.query.bind(manager), [current.agencyId]);
      const latest = await manager.findOneByOrFail(Result, { id });
      await manager.insert(ResultRevision, revisionOf(latest));
      await manager.update(
        Result,
        { id },
        {
          ...next,
          revision: latest.revision + 1,
          recordedBy: auth.actor.id,
          batchId: null,
          recordedAt: new Date(),
          certifiedAt: null,
          certifiedBy: null,
        },
      );
    });
    return this.get(auth, id);
  }

  /** Every figure the result has had, newest first: the current one, then those it replaced. */
  async revisions(auth: AuthContext, id: string): Promise<ResultRevisionBody[]> {
    const current = await this.authorize(auth, id, 'registry:read');
    const earlier = await this.dataSource.manager.find(ResultRevision, {
      where: { resultId: id },
      order: { revision: 'DESC' },
    });
    return [toRevisionBody(revisionOf(current)), ...earlier.map(toRevisionBody)];
  }

  async explain(auth: AuthContext, id: string, dto: ExplanationDto): Promise<ResultBody> {
    await this.authorize(auth, id, 'results:write');
    // An explanation is published with its result: a new or changed one needs the result certified again.
    await this.dataSource.query(
      `WITH written AS (
         INSERT INTO explanations (result_id, why, action, written_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (result_id) DO UPDATE SET why = EXCLUDED.why, action = EXCLUDED.action,
           written_by = EXCLUDED.written_by, updated_at = now()
         WHERE (explanations.why, explanations.action) IS DISTINCT FROM (EXCLUDED.why, EXCLUDED.action)
         RETURNING result_id
       )
       UPDATE results SET certified_at = NULL, certified_by = NULL
       FROM written WHERE results.id = written.result_id AND results.certified_at IS NOT NULL`,
      [id, dto.why, dto.action, auth.actor.id],
    );
    return this.get(auth, id);
  }

  async certify(auth: AuthContext, id: string): Promise<ResultBody> {
    const report = await this.certifyMany(auth, { ids: [id] });
    if (report.refused[0]?.reason === OWN_RESULT) {
      throw new ForbiddenAppException(`You may not certify this result: ${OWN_RESULT}.`);
    }
    if (report.refused.length > 0) {
      throw new ConflictAppException(`This result cannot be certified: ${report.refused[0]!.reason}.`, [
        { field: 'explanation', reason: report.refused[0]!.reason },
      ]);
    }
    return this.get(auth, id);
  }

  /** Certifies each result the caller may certify; a missed target without an explanation is refused. */
  async certifyMany(auth: AuthContext, dto: CertifyResultsDto): Promise<CertificationReport> {
    if (!dto.ids?.length && !dto.standardId && !dto.agencyId) {
      throw new ValidationFailedException([
        { field: 'ids', reason: 'give result ids, a standardId (and a period), or an agencyId and a period' },
      ]);
    }
    if (dto.agencyId && !dto.period) {
      throw new ValidationFailedException([{ field: 'period', reason: 'is required with agencyId' }]);
    }
    // A period is dated in the fiscal calendar of the agency (or the standard's agency) it is asked for.
    const calendarAgency =
      dto.agencyId ??
      (dto.standardId && (await this.dataSource.manager.findOneBy(Standard, { id: dto.standardId }))?.agencyId);
    const calendar = calendarAgency ? await calendarOfAgency(this.dataSource.manager, calendarAgency) : undefined;
    const period = dto.period ? tryParsePeriodKey(dto.period.trim().toUpperCase(), calendar) : null;
    if (dto.period && !period) {
      throw new ValidationFailedException([
        {
          field: 'period',
          value: dto.period,
          reason: 'must be a month like 2026-03, a quarter like FY2026-Q2 or a fiscal year like FY2026',
        },
      ]);
    }
    if (dto.agencyId) auth.require('results:certify', dto.agencyId);
    const builder = this.results.createQueryBuilder('result');
    if (dto.ids?.length) builder.andWhere('result.id IN (:...ids)', { ids: dto.ids });
    if (dto.standardId) builder.andWhere('result.standard_id = :standardId', { standardId: dto.standardId });
    if (dto.agencyId) builder.andWhere('result.agency_id = :agencyId', { agencyId: dto.agencyId });
    // A period takes the results that lie within it: a fiscal year its quarters and months too.
    if (period) {
      builder.andWhere('result.period_start >= :start AND result.period_end <= :end', {
        start: period.start,
        end: period.end,
      });
    }
    const results = await builder.getMany();
    if (dto.ids && results.length < new Set(dto.ids).size) {
      const found = new Set(results.map((r) => r.id));
      throw new NotFoundAppException(
        'Result',
        dto.ids.find((id) => !found.has(id))!,
      );
    }
    for (const result of results) auth.require('results:certify', result.agencyId);
    const versions = await this.versionsOf(results);
    const statuses = await this.standing.statusOfResults(results, versions);
    const explained = new Set(
      (await this.dataSource.manager.findBy(Explanation, { resultId: In(results.map((r) => r.id)) })).map(
        (e) => e.resultId,
      ),
    );
    const own = await this.enteredOrChangedBy(auth, results);
    const report: CertificationReport = { certified: 0, alreadyCertified: 0, refused: [] };
    const eligible: string[] = [];
    for (const result of results) {
      if (result.certifiedAt) report.alreadyCertified += 1;
      else if (own.has(result.id)) {
        report.refused.push({ resultId: result.id, periodKey: result.periodKey, reason: OWN_RESULT });
      } else if (MISSED.has(statuses.get(result.id)!) && !explained.has(result.id)) {
        report.refused.push({
          resultId: result.id,
          periodKey: result.periodKey,
          reason: 'the target was missed: explain why and what will be done first',
        });
      } else eligible.push(result.id);
    }
    if (eligible.length > 0) {
      await this.dataSource.manager.update(
        Result,
        { id: In(eligible) },
        { certifiedAt: new Date(), certifiedBy: auth.actor.id },
      );
    }
    report.certified = eligible.length;
    return report;
  }

  /**
   * Separation of duties: the results among these that the caller entered, last changed or explained, by
   * any of its sign-ins (a personal token is its user), which someone else must certify.
   */
  private async enteredOrChangedBy(auth: AuthContext, results: Result[]): Promise<Set<string>> {
    const person = auth.actor.type === 'token' ? (auth.actor.userId ?? auth.actor.id) : auth.actor.id;
    if (person === null || results.length === 0) return new Set();
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT r.id FROM results r LEFT JOIN explanations e ON e.result_id = r.id
       WHERE r.id = ANY($1::uuid[])
         AND ($2 IN (r.recorded_by, e.written_by)
           OR EXISTS (SELECT 1 FROM api_tokens t WHERE t.user_id::text = $2 AND t.id::text IN (r.recorded_by, e.written_by)))`,
      [results.map((r) => r.id), person],
    );
    return new Set(rows.map((row) => row.id));
  }

  private async authorize(auth: AuthContext, id: string, permission: Permission): Promise<Result> {
    const result = await this.results.findOneBy({ id });
    if (!result) throw new NotFoundAppException('Result', id);
    auth.require(permission, result.agencyId);
    return result;
  }

  /** The version results are checked against; a retired standard takes no new figures. */
  private async openVersion(standard: Standard): Promise<StandardVersion> {
    if (standard.status === 'retired') {
      throw new ConflictAppException(`Standard ${standard.code} is retired and takes no new results.`, [
        { field: 'standardId', value: standard.id, reason: 'the standard is retired' },
      ]);
    }
    return this.dataSource.manager.findOneByOrFail(StandardVersion, {
      id: (standard.publishedVersionId ?? standard.pendingVersionId)!,
    });
  }

  private async versionsOf(results: Result[]): Promise<Map<string, StandardVersion>> {
    const standards = await this.dataSource.manager.findBy(Standard, {
      id: In([...new Set(results.map((r) => r.standardId))]),
    });
    const versions = await this.dataSource.manager.findBy(StandardVersion, {
      id: In(standards.map((s) => (s.publishedVersionId ?? s.pendingVersionId)!)),
    });
    const byId = new Map(versions.map((v) => [v.id, v]));
    return new Map(standards.map((s) => [s.id, byId.get((s.publishedVersionId ?? s.pendingVersionId)!)!]));
  }

  private async toBodies(results: Result[]): Promise<ResultBody[]> {
    if (results.length === 0) return [];
    const explanations = new Map(
      (await this.dataSource.manager.findBy(Explanation, { resultId: In(results.map((r) => r.id)) })).map((e) => [
        e.resultId,
        e,
      ]),
    );
    const calendars = await calendarsOfAgencies(
      this.dataSource.manager,
      results.map((r) => r.agencyId),
    );
    const standings = await this.standing.standingOfResults(results, await this.versionsOf(results));
    return results.map((result) =>
      toResultBody(
        result,
        explanations.get(result.id) ?? null,
        standings.get(result.id)!,
        calendars.get(result.agencyId),
      ),
    );
  }
}

function pick(result: Result): Pick<Result, (typeof REVISION_FIELDS)[number]> {
  return Object.fromEntries(REVISION_FIELDS.map((field) => [field, result[field]])) as Pick<
    Result,
    (typeof REVISION_FIELDS)[number]
  >;
}

/** The figures a result holds now, as the revision they are (kept in result_revisions once replaced). */
function revisionOf(result: Result): Omit<ResultRevision, 'id' | 'result'> {
  return {
    resultId: result.id,
    revision: result.revision,
    ...pick(result),
    recordedBy: result.recordedBy,
    batchId: result.batchId,
    createdAt: result.recordedAt,
  };
}

function toRevisionBody(revision: Omit<ResultRevision, 'id' | 'result'>): ResultRevisionBody {
  return {
    revision: revision.revision,
    value: revision.value,
    numerator: revision.numerator,
    denominator: revision.denominator,
    sampleSize: revision.sampleSize,
    source: revision.source,
    dataQualityNote: revision.dataQualityNote,
    recordedBy: revision.recordedBy,
    batchId: revision.batchId,
    createdAt: revision.createdAt.toISOString(),
  };
}

type CheckedResult = Pick<
  Result,
  'periodKey' | 'frequency' | 'periodStart' | 'periodEnd' | 'fiscalYear' | 'value' | 'numerator' | 'denominator'
>;

/**
 * The result's figures, once `resultProblems` (libs/metrics, the same rules as imports) finds nothing wrong;
 * else a 400 with every problem. The period is dated in `calendar`; with `today`, a period that has not
 * ended is refused (a new result; a correction keeps its period).
 */
export function checkResult(
  dto: CreateResultDto,
  version: StandardVersion,
  today?: string,
  calendar?: FiscalCalendar,
): CheckedResult {
  const figures = {
    period: dto.period,
    channel: dto.channel ?? ALL_CHANNELS,
    value: dto.value ?? null,
    numerator: dto.numerator ?? null,
    denominator: dto.denominator ?? null,
    dataQualityNote: dto.dataQualityNote ?? null,
  };
  const facts = {
    computation: version.computation,
    unit: version.unit,
    valueRange: version.valueRange,
    frequency: version.frequency,
    channelScope: version.channelScope,
    calendar,
  };
  const problems = resultProblems(figures, facts, { today });
  const period = resultPeriod(dto.period, calendar);
  if (problems.length > 0 || !period) throw new ValidationFailedException([...problems]);
  return {
    periodKey: period.key,
    frequency: period.frequency,
    periodStart: period.start,
    periodEnd: period.end,
    fiscalYear: period.fiscalYear,
    value: resultValue(figures, version),
    numerator: figures.numerator,
    denominator: figures.denominator,
  };
}

export function toResultBody(
  result: Result,
  explanation: Explanation | null,
  judged: Pick<ResultBody, 'status' | 'target'>,
  calendar?: FiscalCalendar,
): ResultBody {
  return {
    id: result.id,
    standardId: result.standardId,
    agencyId: result.agencyId,
    periodKey: result.periodKey,
    periodLabel: formatPeriodLabel(result.periodKey, calendar),
    fiscalYearStartMonth: (calendar ?? US_FEDERAL_CALENDAR).startMonth,
    frequency: result.frequency,
    periodStart: result.periodStart,
    periodEnd: result.periodEnd,
    fiscalYear: result.fiscalYear,
    channel: result.channel,
    value: result.value,
    numerator: result.numerator,
    denominator: result.denominator,
    sampleSize: result.sampleSize,
    source: result.source,
    dataQualityNote: result.dataQualityNote,
    revision: result.revision,
    certifiedAt: result.certifiedAt?.toISOString() ?? null,
    certifiedBy: result.certifiedBy,
    explanation: explanation && {
      why: explanation.why,
      action: explanation.action,
      updatedAt: explanation.updatedAt.toISOString(),
    },
    status: judged.status,
    target: judged.target,
    createdAt: result.createdAt.toISOString(),
    updatedAt: result.updatedAt.toISOString(),
  };
}

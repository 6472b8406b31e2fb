import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { ALL_CHANNELS, type ErrorDetail, type Page, type ResultBody } from '@yardstick/contracts';
import { SHARE_TOLERANCE, shareOf, tryParsePeriodKey, unitValueProblem } from '@yardstick/metrics';
import { DataSource, Repository } from 'typeorm';
import {
  ConflictAppException,
  NotFoundAppException,
  ValidationFailedException,
} from '../common/errors/app.exception.js';
import { paginate } from '../common/pagination.js';
import { scopeQuery } from '../common/scope.js';
import type { AuthContext } from '../auth/auth-context.js';
import { StandardVersion } from '../standards/entities/standard-version.entity.js';
import { Standard } from '../standards/entities/standard.entity.js';
import type { CreateResultDto, ListResultsQueryDto } from './dto/result.dto.js';
import { Result } from './entities/result.entity.js';

@Injectable()
export class ResultsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Result) private readonly results: Repository<Result>,
  ) {}

  list(auth: AuthContext, query: ListResultsQueryDto): Promise<Page<ResultBody>> {
    const builder = scopeQuery(this.results.createQueryBuilder('result'), 'result.agency_id', auth, 'registry:read');
    if (query.standardId) builder.andWhere('result.standard_id = :standardId', { standardId: query.standardId });
    if (query.agencyId) builder.andWhere('result.agency_id = :agencyId', { agencyId: query.agencyId });
    if (query.fiscalYear) builder.andWhere('result.fiscal_year = :fiscalYear', { fiscalYear: query.fiscalYear });
    if (query.channel) builder.andWhere('result.channel = :channel', { channel: query.channel });
    if (query.certified !== undefined) {
      builder.andWhere(query.certified ? 'result.certified_at IS NOT NULL' : 'result.certified_at IS NULL');
    }
    return paginate(builder, query, `result.${query.sort}`, toResultBody);
  }

  async get(auth: AuthContext, id: string): Promise<ResultBody> {
    const result = await this.results.findOneBy({ id });
    if (!result) throw new NotFoundAppException('Result', id);
    auth.require('registry:read', result.agencyId);
    return toResultBody(result);
  }

  async create(auth: AuthContext, dto: CreateResultDto): Promise<ResultBody> {
    const standard = await this.dataSource.manager.findOneBy(Standard, { id: dto.standardId });
    if (!standard) throw new NotFoundAppException('Standard', dto.standardId);
    auth.require('results:write', standard.agencyId);
    if (standard.status === 'retired') {
      throw new ConflictAppException(`Standard ${standard.code} is retired and takes no new results.`, [
        { field: 'standardId', value: dto.standardId, reason: 'the standard is retired' },
      ]);
    }
    const version = await this.dataSource.manager.findOneByOrFail(StandardVersion, {
      id: (standard.publishedVersionId ?? standard.pendingVersionId)!,
    });
    const row = checkResult(dto, version);
    const channel = dto.channel ?? ALL_CHANNELS;
    if (await this.results.existsBy({ standardId: standard.id, periodKey: row.periodKey, channel })) {
      throw new ConflictAppException(`There is already a result for ${row.periodKey} (${channel}).`, [
        { field: 'period', value: row.periodKey, reason: 'a result for this period and channel exists' },
      ]);
    }
    const saved = await this.results.save(
      this.results.create({
        ...row,
        standardId: standard.id,
        agencyId: standard.agencyId,
        channel,
        sampleSize: dto.sampleSize ?? null,
        source: dto.source ?? null,
        dataQualityNote: dto.dataQualityNote ?? null,
      }),
    );
    return toResultBody(saved);
  }
}

type CheckedResult = Pick<
  Result,
  'periodKey' | 'frequency' | 'periodStart' | 'periodEnd' | 'fiscalYear' | 'value' | 'numerator' | 'denominator'
>;

/** Every rule a result must meet, all problems at once, each naming its field. */
export function checkResult(dto: CreateResultDto, version: StandardVersion): CheckedResult {
  const problems: ErrorDetail[] = [];
  const period = tryParsePeriodKey(dto.period.trim());
  if (!period) {
    problems.push({
      field: 'period',
      value: dto.period,
      reason: 'must be a month like 2026-03, a quarter like FY2026-Q2 or a fiscal year like FY2026',
    });
  } else if (period.frequency !== version.frequency) {
    problems.push({
      field: 'period',
      value: dto.period,
      reason: `is a ${period.frequency}, but this standard is reported by ${version.frequency}`,
    });
  }
  const channel = dto.channel ?? ALL_CHANNELS;
  if (channel !== ALL_CHANNELS && version.channelScope.length > 0 && !version.channelScope.includes(channel)) {
    problems.push({
      field: 'channel',
      value: channel,
      reason: `is not one of this standard's channels (${version.channelScope.join(', ')})`,
    });
  }
  const numerator = dto.numerator ?? null;
  const denominator = dto.denominator ?? null;
  let value = dto.value ?? null;
  if ((numerator === null) !== (denominator === null)) {
    problems.push({
      field: numerator === null ? 'numerator' : 'denominator',
      reason: 'numerator and denominator come together',
    });
  } else if (numerator !== null && denominator !== null) {
    if (version.computation !== 'share_meeting_threshold') {
      problems.push({ field: 'numerator', reason: 'applies only to a share meeting a threshold' });
    } else if (numerator > denominator) {
      problems.push({
        field: 'numerator',
        value: numerator,
        reason: `must not be above the denominator (${denominator})`,
      });
    } else {
      const share = shareOf(numerator, denominator);
      if (value === null) value = share;
      else if (share !== null && Math.abs(value - share) > SHARE_TOLERANCE) {
        problems.push({
          field: 'value',
          value,
          reason: `disagrees with numerator/denominator, which make ${share.toFixed(2)}%`,
        });
      } else if (share === null && value !== null) {
        problems.push({
          field: 'value',
          value,
          reason: 'must be blank when the denominator is 0 (nothing to measure)',
        });
      }
    }
  }
  if (value !== null) {
    const problem = unitValueProblem(version.unit, value);
    if (problem) problems.push({ field: 'value', value, reason: problem });
  } else if (!dto.dataQualityNote) {
    problems.push({ field: 'dataQualityNote', reason: 'is required when the value is blank: say why it is not known' });
  }
  if (problems.length > 0 || !period) throw new ValidationFailedException(problems);
  return {
    periodKey: period.key,
    frequency: period.frequency,
    periodStart: period.start,
    periodEnd: period.end,
    fiscalYear: period.fiscalYear,
    value,
    numerator,
    denominator,
  };
}

export function toResultBody(result: Result): ResultBody {
  return {
    id: result.id,
    standardId: result.standardId,
    agencyId: result.agencyId,
    periodKey: result.periodKey,
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
    createdAt: result.createdAt.toISOString(),
    updatedAt: result.updatedAt.toISOString(),
  };
}

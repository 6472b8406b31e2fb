import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type {
  Permission,
  BenchmarkBody,
  ErrorDetail,
  Page,
  StandardBody,
  StandardVersionBody,
  TargetBody,
} from '@yardstick/contracts';
import { fiscalYearOf, targetProblems, valueRangeProblem } from '@yardstick/metrics';
import { DataSource, In, Repository, type EntityManager } from 'typeorm';
import { calendarOfAgency } from '../agencies/agency-calendar.js';
import { escapeLike } from '../agencies/agencies.service.js';
import { toBenchmarkBody } from '../benchmarks/benchmarks.service.js';
import { Benchmark } from '../benchmarks/entities/benchmark.entity.js';
import {
  AppException,
  ConflictAppException,
  NotFoundAppException,
  ValidationFailedException,
} from '../common/errors/app.exception.js';
import { paginate } from '../common/pagination.js';
import { scopeQuery } from '../common/scope.js';
import type { AuthContext } from '../auth/auth-context.js';
import { Goal } from '../goals/entities/goal.entity.js';
import { Result } from '../results/entities/result.entity.js';
import { Service } from '../services/entities/service.entity.js';
import type {
  CreateStandardDto,
  ListStandardsQueryDto,
  StandardContentDto,
  TargetDto,
  UpdateStandardDto,
} from './dto/standard.dto.js';
import { StandardVersion } from './entities/standard-version.entity.js';
import { Standard } from './entities/standard.entity.js';
import { Target } from './entities/target.entity.js';
import { toTargetBody, toVersionBody } from './standard.mappers.js';
import { StandingService } from './standing.service.js';
import { Clock } from '../common/clock.js';
import { transactionMeasureProblems } from '../transactions/measures.js';

const CONTENT_FIELDS = [
  'title',
  'statement',
  'dimension',
  'measureDescription',
  'unit',
  'computation',
  'direction',
  'thresholdValue',
  'thresholdUnit',
  'channelScope',
  'frequency',
  'nearTolerance',
  'resultRounding',
  'valueRange',
  'indicatorKind',
  'goalId',
  'transactionMeasure',
] as const satisfies readonly (keyof StandardContentDto & keyof StandardVersion)[];

type Content = Pick<StandardVersion, (typeof CONTENT_FIELDS)[number]>;

@Injectable()
export class StandardsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Standard) private readonly standards: Repository<Standard>,
    @InjectRepository(StandardVersion) private readonly versions: Repository<StandardVersion>,
    @InjectRepository(Target) private readonly targets: Repository<Target>,
    private readonly standing: StandingService,
    private readonly clock: Clock,
  ) {}

  async list(auth: AuthContext, query: ListStandardsQueryDto): Promise<Page<StandardBody>> {
    const builder = this.standards
      .createQueryBuilder('standard')
      .innerJoin(
        StandardVersion,
        'current',
        'current.id = COALESCE(standard.published_version_id, standard.pending_version_id)',
      );
    scopeQuery(builder, 'standard.agency_id', auth, 'registry:read');
    if (query.agencyId) builder.andWhere('standard.agency_id = :agencyId', { agencyId: query.agencyId });
    if (query.serviceId) builder.andWhere('standard.service_id = :serviceId', { serviceId: query.serviceId });
    if (query.status) builder.andWhere('standard.status = :status', { status: query.status });
    if (query.dimension) builder.andWhere('current.dimension = :dimension', { dimension: query.dimension });
    if (query.fiscalYear) {
      builder.andWhere(
        'EXISTS (SELECT 1 FROM targets t WHERE t.standard_id = standard.id AND t.fiscal_year = :fiscalYear)',
        { fiscalYear: query.fiscalYear },
      );
    }
    if (query.q) {
      builder.andWhere('(standard.code ILIKE :q OR current.title ILIKE :q OR current.statement ILIKE :q)', {
        q: `%${escapeLike(query.q)}%`,
      });
    }
    const sortColumn = query.sort === 'title' ? 'current.title' : `standard.${query.sort}`;
    const page = await paginate(builder, query, sortColumn, (standard) => standard);
    return { ...page, items: await this.toBodies(page.items) };
  }

  async get(auth: AuthContext, id: string): Promise<StandardBody> {
    const [body] = await this.toBodies([await this.authorize(auth, id, 'registry:read')]);
    return body!;
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<Standard> {
    const standard = await manager.findOneBy(Standard, { id });
    if (!standard) throw new NotFoundAppException('Standard', id);
    return standard;
  }

  async create(auth: AuthContext, dto: CreateStandardDto): Promise<StandardBody> {
    const { serviceId, code, benchmarkIds = [], ...content } = dto;
    const service = await this.dataSource.manager.findOneBy(Service, { id: serviceId });
    if (!service)
      throw new ValidationFailedException([
        { field: 'serviceId', value: serviceId, reason: 'no service with this id' },
      ]);
    auth.require('registry:write', service.agencyId);
    await this.checkContent(normaliseContent(content), service.agencyId);
    if (await this.standards.existsBy({ agencyId: service.agencyId, code })) {
      throw new ConflictAppException(`The agency already has a standard with the code "${code}".`, [
        { field: 'code', value: code, reason: 'already taken in this agency' },
      ]);
    }
    const known = new Set(
      benchmarkIds.length === 0
        ? []
        : (await this.dataSource.manager.findBy(Benchmark, { id: In(benchmarkIds) })).map((b) => b.id),
    );
    const unknown = benchmarkIds.find((benchmarkId) => !known.has(benchmarkId));
    if (unknown) {
      throw new ValidationFailedException([
        { field: 'benchmarkIds', value: unknown, reason: 'no benchmark with this id' },
      ]);
    }
    const id = await this.dataSource.transaction(async (manager) => {
      const standard = await manager.save(
        manager.create(Standard, { agencyId: service.agencyId, serviceId, code, status: 'draft' }),
      );
      // Attached with the standard, in the same transaction: a standard is created with all of them or none.
      if (benchmarkIds.length > 0) {
        await manager.query(
          'INSERT INTO standard_benchmarks (standard_id, benchmark_id) SELECT $1, unnest($2::uuid[])',
          [standard.id, benchmarkIds],
        );
      }
      const version = await manager.save(
        manager.create(StandardVersion, { ...normaliseContent(content), standardId: standard.id, version: 1 }),
      );
      await manager.update(Standard, { id: standard.id }, { pendingVersionId: version.id });
      return standard.id;
    });
    return this.get(auth, id);
  }

  /** Edits the pending draft, or starts a new draft from the published version: never edits it in place. */
  async update(auth: AuthContext, id: string, dto: UpdateStandardDto): Promise<StandardBody> {
    await this.authorize(auth, id, 'registry:write');
    await this.dataSource.transaction(async (manager) => {
      const standard = await this.lock(manager, id);
      if (standard.status === 'retired') throw new ConflictAppException('A retired standard cannot be edited.');
      const pending = standard.pendingVersionId
        ? await manager.findOneByOrFail(StandardVersion, { id: standard.pendingVersionId })
        : null;
      if (pending?.status === 'in_review') {
        throw new ConflictAppException('This version is in review: return it to draft (or publish it) before editing.');
      }
      const base = pending ?? (await manager.findOneByOrFail(StandardVersion, { id: standard.publishedVersionId! }));
      const content = normaliseContent({ ...pickContent(base), ...dto });
      await this.checkContent(content, standard.agencyId);
      if (pending) {
        await manager.update(StandardVersion, { id: pending.id }, content);
      } else {
        const version = await manager.save(
          manager.create(StandardVersion, { ...content, standardId: id, version: base.version + 1 }),
        );
        await manager.update(Standard, { id }, { pendingVersionId: version.id });
      }
    });
    return this.get(auth, id);
  }

  async remove(auth: AuthContext, id: string): Promise<void> {
    await this.authorize(auth, id, 'registry:write');
    await this.dataSource.transaction(async (manager) => {
      const standard = await this.lock(manager, id);
      const results = await manager.countBy(Result, { standardId: id });
      if (results > 0) {
        throw new ConflictAppException(
          `Standard ${standard.code} has ${results} result(s); retire it instead, so its record stays public.`,
        );
      }
      await manager.update(Standard, { id }, { publishedVersionId: null, pendingVersionId: null });
      await manager.delete(Standard, { id });
    });
  }

  async submit(auth: AuthContext, id: string): Promise<StandardBody> {
    await this.authorize(auth, id, 'standards:submit');
    await this.dataSource.transaction(async (manager) => {
      const standard = await this.lock(manager, id);
      const pending = await this.pendingVersion(manager, standard, 'submit');
      if (pending.status !== 'draft') throw new ConflictAppException('This version is already in review.');
      await manager.update(StandardVersion, { id: pending.id }, { status: 'in_review' });
      if (standard.status === 'draft') await manager.update(Standard, { id }, { status: 'in_review' });
    });
    return this.get(auth, id);
  }

  async publish(auth: AuthContext, id: string): Promise<StandardBody> {
    await this.authorize(auth, id, 'standards:publish');
    await this.dataSource.transaction(async (manager) => {
      const standard = await this.lock(manager, id);
      const pending = await this.pendingVersion(manager, standard, 'publish');
      if (pending.status !== 'in_review') {
        throw new ConflictAppException('Submit the version for review before publishing it.');
      }
      const fiscalYear = await this.requiredTargetYear(manager, id);
      if (!(await manager.existsBy(Target, { standardId: id, fiscalYear: fiscalYear.year }))) {
        throw new ConflictAppException(`Set a target for FY${fiscalYear.year} before publishing this standard.`, [
          { field: 'targets', reason: `no target for ${fiscalYear.why}, FY${fiscalYear.year}` },
        ]);
      }
      await this.checkTargetsMatch(manager, id, pending);
      if (standard.publishedVersionId) {
        await manager.update(StandardVersion, { id: standard.publishedVersionId }, { status: 'superseded' });
      }
      await manager.update(StandardVersion, { id: pending.id }, { status: 'published', publishedAt: this.clock.now() });
      await manager.update(
        Standard,
        { id },
        { status: 'published', publishedVersionId: pending.id, pendingVersionId: null },
      );
    });
    return this.get(auth, id);
  }

  async retire(auth: AuthContext, id: string): Promise<StandardBody> {
    await this.authorize(auth, id, 'standards:publish');
    await this.dataSource.transaction(async (manager) => {
      const standard = await this.lock(manager, id);
      if (standard.status === 'retired') throw new ConflictAppException('This standard is already retired.');
      if (!standard.publishedVersionId) {
        throw new ConflictAppException('A standard that was never published can be deleted instead of retired.');
      }
      if (standard.pendingVersionId) {
        // An unpublished edit dies with the standard; the published versions stay readable.
        await manager.update(Standard, { id }, { pendingVersionId: null });
        await manager.delete(StandardVersion, { id: standard.pendingVersionId });
      }
      await manager.update(Standard, { id }, { status: 'retired', retiredAt: this.clock.now() });
    });
    return this.get(auth, id);
  }

  async listVersions(auth: AuthContext, id: string): Promise<StandardVersionBody[]> {
    await this.authorize(auth, id, 'registry:read');
    const versions = await this.versions.find({ where: { standardId: id }, order: { version: 'DESC' } });
    return versions.map(toVersionBody);
  }

  async listTargets(auth: AuthContext, id: string): Promise<TargetBody[]> {
    await this.authorize(auth, id, 'registry:read');
    const targets = await this.targets.find({
      where: { standardId: id },
      order: { fiscalYear: 'ASC', quarter: 'ASC' },
    });
    return targets.map(toTargetBody);
  }

  /** Sets the target of one fiscal year (or quarter): creates it, or replaces the one there. */
  async putTarget(auth: AuthContext, id: string, dto: TargetDto): Promise<TargetBody> {
    await this.authorize(auth, id, 'registry:write');
    return this.dataSource.transaction(async (manager) => {
      const standard = await this.lock(manager, id);
      if (standard.status === 'retired') throw new ConflictAppException('A retired standard takes no new targets.');
      const version = await manager.findOneByOrFail(StandardVersion, {
        id: (standard.pendingVersionId ?? standard.publishedVersionId)!,
      });
      checkTarget(dto, version);
      const quarter = dto.quarter ?? 0;
      const existing = await manager.findOneBy(Target, { standardId: id, fiscalYear: dto.fiscalYear, quarter });
      const values = {
        standardId: id,
        fiscalYear: dto.fiscalYear,
        quarter,
        unit: dto.unit,
        value: dto.value ?? null,
        minValue: dto.minValue ?? null,
        maxValue: dto.maxValue ?? null,
        baseline: dto.baseline ?? null,
        note: dto.note ?? null,
      };
      const target = Object.assign(existing ?? manager.create(Target), values);
      return toTargetBody(await manager.save(target));
    });
  }

  /** Deletes a target; a published standard keeps the one its publishing required (see requiredTargetYear). */
  async removeTarget(auth: AuthContext, id: string, targetId: string): Promise<void> {
    await this.authorize(auth, id, 'registry:write');
    await this.dataSource.transaction(async (manager) => {
      const standard = await this.lock(manager, id);
      const target = await manager.findOneBy(Target, { id: targetId, standardId: id });
      if (!target) throw new NotFoundAppException('Target', targetId);
      if (standard.status === 'published' && target.quarter === 0) {
        const required = await this.requiredTargetYear(manager, id);
        if (target.fiscalYear === required.year) {
          throw new ConflictAppException(
            `A published standard needs its target for FY${required.year} (${required.why}): change it instead of deleting it, or retire the standard.`,
            [{ field: 'targetId', value: targetId, reason: `is the target for ${required.why}, FY${required.year}` }],
          );
        }
      }
      await manager.delete(Target, { id: targetId });
    });
  }

  /**
   * The fiscal year a standard must have a target for to be published (and keep while published): the
   * latest year it has results for, so that a standard reporting past years needs no invented target for
   * the current one; without results, the current fiscal year.
   */
  private async requiredTargetYear(manager: EntityManager, id: string): Promise<{ year: number; why: string }> {
    const [latest] = await manager.query<{ fiscal_year: number }[]>(
      'SELECT max(fiscal_year) AS fiscal_year FROM results WHERE standard_id = $1',
      [id],
    );
    if (latest?.fiscal_year != null) return { year: latest.fiscal_year, why: 'the latest year with results' };
    const standard = await manager.findOneByOrFail(Standard, { id });
    const calendar = await calendarOfAgency(manager, standard.agencyId);
    return { year: fiscalYearOf(this.clock.now(), calendar), why: 'the current fiscal year' };
  }

  async listBenchmarks(auth: AuthContext, id: string): Promise<BenchmarkBody[]> {
    await this.authorize(auth, id, 'registry:read');
    const standard = await this.standards.findOne({ where: { id }, relations: { benchmarks: true } });
    if (!standard) throw new NotFoundAppException('Standard', id);
    return (standard.benchmarks ?? []).sort((a, b) => a.name.localeCompare(b.name)).map(toBenchmarkBody);
  }

  async linkBenchmark(auth: AuthContext, id: string, benchmarkId: string): Promise<BenchmarkBody[]> {
    await this.authorize(auth, id, 'registry:write');
    if (!(await this.dataSource.manager.existsBy(Benchmark, { id: benchmarkId }))) {
      throw new ValidationFailedException([
        { field: 'benchmarkId', value: benchmarkId, reason: 'no benchmark with this id' },
      ]);
    }
    await this.dataSource.query(
      'INSERT INTO standard_benchmarks (standard_id, benchmark_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [id, benchmarkId],
    );
    return this.listBenchmarks(auth, id);
  }

  async unlinkBenchmark(auth: AuthContext, id: string, benchmarkId: string): Promise<void> {
    await this.authorize(auth, id, 'registry:write');
    const [, affected] = (await this.dataSource.query(
      'DELETE FROM standard_benchmarks WHERE standard_id = $1 AND benchmark_id = $2',
      [id, benchmarkId],
    )) as [unknown, number];
    if (!affected) throw new NotFoundAppException('Benchmark link', benchmarkId);
  }

  /** The standard, if the caller holds the permission for its agency (403 otherwise, 404 if unknown). */
  async authorize(auth: AuthContext, id: string, permission: Permission): Promise<Standard> {
    const standard = await this.find(id);
    auth.require(permission, standard.agencyId);
    return standard;
  }

  /** Locks the standard's row for the rest of the transaction, so lifecycle steps never interleave. */
  private async lock(manager: EntityManager, id: string): Promise<Standard> {
    const standard = await manager.findOne(Standard, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!standard) throw new NotFoundAppException('Standard', id);
    return standard;
  }

  private async pendingVersion(manager: EntityManager, standard: Standard, action: string): Promise<StandardVersion> {
    if (standard.status === 'retired') throw new ConflictAppException(`A retired standard cannot ${action}.`);
    if (!standard.pendingVersionId) {
      throw new ConflictAppException(`There is no draft to ${action}: edit the standard to start one.`);
    }
    return manager.findOneByOrFail(StandardVersion, { id: standard.pendingVersionId });
  }

  /**
   * Every target must pass the rules of PUT /targets for the version being published: one set before a unit
   * change would no longer compare, and one stored without the figures its direction needs (a within-range
   * target without min and max) could not assess a result. Refused inside the transaction: nothing changes.
   */
  private async checkTargetsMatch(manager: EntityManager, id: string, version: StandardVersion): Promise<void> {
    const targets = await manager.findBy(Target, { standardId: id });
    const problems: ErrorDetail[] = [];
    for (const target of targets) {
      const where = `FY${target.fiscalYear}${target.quarter ? `-Q${target.quarter}` : ''}`;
      if (target.unit !== version.unit) {
        problems.push({
          field: 'targets',
          value: where,
          reason: `is in ${target.unit}, but the standard is now measured in ${version.unit}`,
        });
        continue;
      }
      const figures = { value: target.value, min: target.minValue, max: target.maxValue, baseline: target.baseline };
      for (const problem of targetProblems(version.direction, version.unit, figures, version.valueRange)) {
        problems.push({ field: `targets.${where}.${problem.field}`, value: problem.value, reason: problem.reason });
      }
    }
    if (problems.length > 0) {
      throw new AppException(
        409,
        'conflict',
        'Some targets do not fit the standard: correct them before publishing.',
        problems,
      );
    }
  }

  private async checkContent(content: Content, agencyId: string): Promise<void> {
    const problems: ErrorDetail[] = [];
    if (content.computation === 'share_meeting_threshold') {
      if (content.unit !== 'percent') {
        problems.push({
          field: 'unit',
          value: content.unit,
          reason: 'must be percent for a share meeting a threshold',
        });
      }
      // The share accurate of a standard computed from transactions has no threshold: the accuracy flag is it.
      const thresholdNeeded = content.transactionMeasure !== 'share_accurate';
      if (content.thresholdValue === null && thresholdNeeded) {
        problems.push({ field: 'thresholdValue', reason: 'is required for a share meeting a threshold (e.g. 42)' });
      }
      if (content.thresholdUnit === null && thresholdNeeded) {
        problems.push({ field: 'thresholdUnit', reason: 'is required for a share meeting a threshold (e.g. days)' });
      }
    } else if (content.thresholdValue !== null || content.thresholdUnit !== null) {
      problems.push({ field: 'thresholdValue', reason: 'applies only to a share meeting a threshold' });
    }
    const rangeProblem = valueRangeProblem(content.unit, content.valueRange);
    if (rangeProblem)
      problems.push({ field: 'valueRange', value: JSON.stringify(content.valueRange), reason: rangeProblem });
    problems.push(...transactionMeasureProblems(content));
    if (content.goalId) {
      const goal = await this.dataSource.manager.findOneBy(Goal, { id: content.goalId });
      if (!goal || goal.agencyId !== agencyId) {
        problems.push({
          field: 'goalId',
          value: content.goalId,
          reason: "no goal with this id in the standard's agency",
        });
      }
    }
    if (problems.length > 0) throw new ValidationFailedException(problems);
  }

  private async toBodies(standards: Standard[]): Promise<StandardBody[]> {
    if (standards.length === 0) return [];
    const versionIds = standards.flatMap((s) => [s.publishedVersionId, s.pendingVersionId]).filter((v) => v !== null);
    const versions = new Map((await this.versions.findBy({ id: In(versionIds) })).map((v) => [v.id, v]));
    const standings = await this.standing.forStandards(
      standards.map((s) => ({ id: s.id, version: versions.get((s.publishedVersionId ?? s.pendingVersionId)!)! })),
    );
    return standards.map((standard) => {
      const current = versions.get((standard.publishedVersionId ?? standard.pendingVersionId)!)!;
      const pending =
        standard.publishedVersionId && standard.pendingVersionId ? versions.get(standard.pendingVersionId)! : null;
      return {
        id: standard.id,
        agencyId: standard.agencyId,
        serviceId: standard.serviceId,
        code: standard.code,
        status: standard.status,
        current: toVersionBody(current),
        pending: pending ? toVersionBody(pending) : null,
        standing: standings.get(standard.id)!,
        retiredAt: standard.retiredAt?.toISOString() ?? null,
        createdAt: standard.createdAt.toISOString(),
        updatedAt: standard.updatedAt.toISOString(),
      };
    });
  }
}

function pickContent(version: StandardVersion): Content {
  return Object.fromEntries(CONTENT_FIELDS.map((field) => [field, version[field]])) as Content;
}

/** Optional fields left out become null (or empty), so that the stored content is always complete. */
function normaliseContent(content: Partial<Content>): Content {
  return {
    ...(content as Content),
    thresholdValue: content.thresholdValue ?? null,
    thresholdUnit: content.thresholdUnit ?? null,
    channelScope: content.channelScope ?? [],
    nearTolerance: content.nearTolerance ?? null,
    resultRounding: content.resultRounding ?? null,
    valueRange: content.valueRange
      ? { min: content.valueRange.min ?? null, max: content.valueRange.max ?? null }
      : null,
    indicatorKind: content.indicatorKind ?? null,
    goalId: content.goalId ?? null,
    transactionMeasure: content.transactionMeasure ?? null,
  };
}

function checkTarget(dto: TargetDto, version: StandardVersion): void {
  const problems: ErrorDetail[] = [];
  if (dto.unit !== version.unit) {
    problems.push({ field: 'unit', value: dto.unit, reason: `must be the standard's unit, ${version.unit}` });
  }
  const figures = {
    value: dto.value ?? null,
    min: dto.minValue ?? null,
    max: dto.maxValue ?? null,
    baseline: dto.baseline ?? null,
  };
  problems.push(...targetProblems(version.direction, version.unit, figures, version.valueRange));
  if (problems.length > 0) throw new ValidationFailedException(problems);
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  PLAN_PARTS,
  type ErrorDetail,
  type Page,
  type Permission,
  type PlanBody,
  type PlanPart,
  type PlanParts,
  type PlanReviewBody,
  type PlanVersionBody,
} from '@yardstick/contracts';
import { fiscalYearEnd, fiscalYearStart, isInFiscalYear, isIsoDate } from '@yardstick/metrics';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Agency } from '../agencies/entities/agency.entity.js';
import type { AuthContext } from '../auth/auth-context.js';
import { withSubAgencies } from '../auth/grants.js';
import { Clock } from '../common/clock.js';
import { CxCollection } from '../cx/entities/cx-collection.entity.js';
import {
  ConflictAppException,
  NotFoundAppException,
  ValidationFailedException,
} from '../common/errors/app.exception.js';
import { paginate } from '../common/pagination.js';
import { scopeQuery } from '../common/scope.js';
import { EmployeeFeedback } from '../employee-feedback/entities/employee-feedback.entity.js';
import { Standard } from '../standards/entities/standard.entity.js';
import type { CreatePlanDto, ListPlansQueryDto, PlanContentDto, UpdatePlanDto } from './dto/plan.dto.js';
import { PlanVersion } from './entities/plan-version.entity.js';
import { Plan } from './entities/plan.entity.js';

type Content = Pick<
  PlanVersion,
  'summary' | 'parts' | 'standardIds' | 'benchmarkIds' | 'feedbackCollectionIds' | 'employeeFeedbackIds' | 'staffNote'
>;

const QUEUE_LIMIT = 500;

/** Customer Service Plans: one per agency and fiscal year, versioned and published like a standard. */
@Injectable()
export class PlansService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async list(auth: AuthContext, query: ListPlansQueryDto): Promise<Page<PlanBody>> {
    const builder = scopeQuery(
      this.dataSource.getRepository(Plan).createQueryBuilder('plan'),
      'plan.agency_id',
      auth,
      'registry:read',
    );
    if (query.agencyId) builder.andWhere('plan.agency_id = :agencyId', { agencyId: query.agencyId });
    if (query.fiscalYear) builder.andWhere('plan.fiscal_year = :fiscalYear', { fiscalYear: query.fiscalYear });
    if (query.status) builder.andWhere('plan.status = :status', { status: query.status });
    const page = await paginate(builder, query, `plan.${query.sort}`, (plan) => plan);
    return { ...page, items: await this.toBodies(page.items) };
  }

  async get(auth: AuthContext, id: string): Promise<PlanBody> {
    const [body] = await this.toBodies([await this.authorize(auth, id, 'registry:read')]);
    return body!;
  }

  async create(auth: AuthContext, dto: CreatePlanDto): Promise<PlanBody> {
    const { agencyId, fiscalYear, ...rest } = dto;
    auth.require('registry:write', agencyId);
    if (!(await this.dataSource.manager.existsBy(Agency, { id: agencyId }))) {
      throw new ValidationFailedException([{ field: 'agencyId', value: agencyId, reason: 'no agency with this id' }]);
    }
    const content = merge(emptyContent(), rest);
    const id = await this.dataSource.transaction(async (manager) => {
      // Serialises creation per agency and year, so that the second of two at once gets the same 409.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`plan:${agencyId}:${fiscalYear}`]);
      if (await manager.existsBy(Plan, { agencyId, fiscalYear })) {
        throw new ConflictAppException(`The agency already has a Customer Service Plan for FY${fiscalYear}.`, [
          { field: 'fiscalYear', value: fiscalYear, reason: 'the agency already has a plan for this fiscal year' },
        ]);
      }
      await this.checkContent(manager, content, agencyId, fiscalYear);
      const plan = await manager.save(manager.create(Plan, { agencyId, fiscalYear, status: 'draft' }));
      const version = await manager.save(manager.create(PlanVersion, { ...content, planId: plan.id, version: 1 }));
      await manager.update(Plan, { id: plan.id }, { pendingVersionId: version.id });
      return plan.id;
    });
    return this.get(auth, id);
  }

  /** Edits the pending draft, or starts a new draft from the published version: never edits it in place. */
  async update(auth: AuthContext, id: string, dto: UpdatePlanDto): Promise<PlanBody> {
    await this.authorize(auth, id, 'registry:write');
    await this.dataSource.transaction(async (manager) => {
      const plan = await this.lock(manager, id);
      const pending = plan.pendingVersionId
        ? await manager.findOneByOrFail(PlanVersion, { id: plan.pendingVersionId })
        : null;
      if (pending?.status === 'in_review') {
        throw new ConflictAppException('This version is in review: return it to draft (or publish it) before editing.');
      }
      const base = pending ?? (await manager.findOneByOrFail(PlanVersion, { id: plan.publishedVersionId! }));
      const content = merge(pickContent(base), dto);
      await this.checkContent(manager, content, plan.agencyId, plan.fiscalYear);
      if (pending) {
        await manager.update(PlanVersion, { id: pending.id }, content);
      } else {
        const version = await manager.save(
          manager.create(PlanVersion, { ...content, planId: id, version: base.version + 1 }),
        );
        await manager.update(Plan, { id }, { pendingVersionId: version.id });
      }
    });
    return this.get(auth, id);
  }

  /** Only a plan that was never published can be deleted: a published one stays on the public record. */
  async remove(auth: AuthContext, id: string): Promise<void> {
    await this.authorize(auth, id, 'registry:write');
    await this.dataSource.transaction(async (manager) => {
      const plan = await this.lock(manager, id);
      if (plan.publishedVersionId) {
        throw new ConflictAppException('A published plan stays on the public record: edit it to make a new version.');
      }
      await manager.update(Plan, { id }, { pendingVersionId: null });
      await manager.delete(Plan, { id });
    });
  }

  async submit(auth: AuthContext, id: string): Promise<PlanBody> {
    await this.authorize(auth, id, 'standards:submit');
    await this.dataSource.transaction(async (manager) => {
      const plan = await this.lock(manager, id);
      const pending = await this.pendingVersion(manager, plan, 'submit');
      if (pending.status !== 'draft') throw new ConflictAppException('This version is already in review.');
      checkComplete(pending);
      await manager.update(PlanVersion, { id: pending.id }, { status: 'in_review' });
      if (plan.status === 'draft') await manager.update(Plan, { id }, { status: 'in_review' });
    });
    return this.get(auth, id);
  }

  async publish(auth: AuthContext, id: string): Promise<PlanBody> {
    await this.authorize(auth, id, 'standards:publish');
    await this.dataSource.transaction(async (manager) => {
      const plan = await this.lock(manager, id);
      const pending = await this.pendingVersion(manager, plan, 'publish');
      if (pending.status !== 'in_review')
        throw new ConflictAppException('Submit the plan for review before publishing it.');
      checkComplete(pending);
      await this.checkContent(manager, pickContent(pending), plan.agencyId, plan.fiscalYear);
      if (plan.publishedVersionId) {
        await manager.update(PlanVersion, { id: plan.publishedVersionId }, { status: 'superseded' });
      }
      await manager.update(PlanVersion, { id: pending.id }, { status: 'published', publishedAt: this.clock.now() });
      await manager.update(
        Plan,
        { id },
        { status: 'published', publishedVersionId: pending.id, pendingVersionId: null },
      );
    });
    return this.get(auth, id);
  }

  /** Sends a version in review back to draft (the review queue records the approver's comment). */
  async returnToDraft(manager: EntityManager, id: string): Promise<Plan> {
    const plan = await this.lock(manager, id);
    const pending = plan.pendingVersionId ? await manager.findOneBy(PlanVersion, { id: plan.pendingVersionId }) : null;
    if (!pending || pending.status !== 'in_review') {
      throw new ConflictAppException('This plan has no version in review to return.');
    }
    await manager.update(PlanVersion, { id: pending.id }, { status: 'draft' });
    if (plan.status === 'in_review') await manager.update(Plan, { id }, { status: 'draft' });
    return plan;
  }

  async listVersions(auth: AuthContext, id: string): Promise<PlanVersionBody[]> {
    await this.authorize(auth, id, 'registry:read');
    const versions = await this.dataSource.manager.find(PlanVersion, {
      where: { planId: id },
      order: { version: 'DESC' },
    });
    return versions.map(toVersionBody);
  }

  /** Plans whose pending version is in review, in the agencies where the caller may publish. */
  async inReview(auth: AuthContext, agencyId?: string): Promise<PlanReviewBody[]> {
    const builder = this.dataSource
      .getRepository(Plan)
      .createQueryBuilder('plan')
      .innerJoin(PlanVersion, 'pending', 'pending.id = plan.pending_version_id')
      .where("pending.status = 'in_review'");
    scopeQuery(builder, 'plan.agency_id', auth, 'standards:publish');
    if (agencyId) builder.andWhere('plan.agency_id = :agencyId', { agencyId });
    const plans = await builder.orderBy('plan.updated_at', 'ASC').take(QUEUE_LIMIT).getMany();
    return (await this.toBodies(plans)).map((plan) => ({
      plan,
      version: plan.pending ?? plan.current,
      published: plan.pending ? plan.current : null,
    }));
  }

  /** The plan, if the caller holds the permission for its agency (403 otherwise, 404 if unknown). */
  async authorize(auth: AuthContext, id: string, permission: Permission): Promise<Plan> {
    const plan = await this.dataSource.manager.findOneBy(Plan, { id });
    if (!plan) throw new NotFoundAppException('Plan', id);
    auth.require(permission, plan.agencyId);
    return plan;
  }

  private async lock(manager: EntityManager, id: string): Promise<Plan> {
    const plan = await manager.findOne(Plan, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!plan) throw new NotFoundAppException('Plan', id);
    return plan;
  }

  private async pendingVersion(manager: EntityManager, plan: Plan, action: string): Promise<PlanVersion> {
    if (!plan.pendingVersionId)
      throw new ConflictAppException(`There is no draft to ${action}: edit the plan to start one.`);
    return manager.findOneByOrFail(PlanVersion, { id: plan.pendingVersionId });
  }

  /** Dates within the fiscal year; links only to the plan's agency (and its bureaus). */
  private async checkContent(
    manager: EntityManager,
    content: Content,
    agencyId: string,
    fiscalYear: number,
  ): Promise<void> {
    const problems: ErrorDetail[] = [];
    const range = `FY${fiscalYear}, ${fiscalYearStart(fiscalYear)} to ${fiscalYearEnd(fiscalYear)}`;
    for (const key of PLAN_PARTS) {
      content.parts[key].milestones.forEach((milestone, i) => {
        const field = `parts.${key}.milestones.${i}.dueDate`;
        if (!isIsoDate(milestone.dueDate)) problems.push({ field, value: milestone.dueDate, reason: 'is not a date' });
        else if (!isInFiscalYear(milestone.dueDate, fiscalYear)) {
          problems.push({
            field,
            value: milestone.dueDate,
            reason: `must be within the plan's fiscal year (${range})`,
          });
        }
      });
    }
    const agencies = await withSubAgencies(manager, [agencyId]);
    const own = async <T extends { id: string; agencyId: string }>(
      entity: new () => T,
      ids: string[],
    ): Promise<Set<string>> =>
      ids.length === 0
        ? new Set()
        : new Set(
            (await manager.findBy(entity, { id: In(ids) } as never))
              .filter((row) => agencies.includes(row.agencyId))
              .map((row) => row.id),
          );
    const refuse = (field: string, ids: string[], found: Set<string>, reason: string) =>
      ids.forEach((id, i) => {
        if (!found.has(id)) problems.push({ field: `${field}.${i}`, value: id, reason });
      });
    refuse(
      'standardIds',
      content.standardIds,
      await own(Standard, content.standardIds),
      "no standard with this id in the plan's agency",
    );
    refuse(
      'employeeFeedbackIds',
      content.employeeFeedbackIds,
      await own(EmployeeFeedback, content.employeeFeedbackIds),
      "no employee feedback with this id in the plan's agency",
    );
    refuse(
      'feedbackCollectionIds',
      content.feedbackCollectionIds,
      await own(CxCollection, content.feedbackCollectionIds),
      "no customer feedback collection with this id in the plan's agency",
    );
    if (content.benchmarkIds.length > 0) {
      const linked: { id: string }[] =
        content.standardIds.length === 0
          ? []
          : await manager.query(
              'SELECT DISTINCT benchmark_id AS id FROM standard_benchmarks WHERE standard_id = ANY($1::uuid[])',
              [content.standardIds],
            );
      refuse(
        'benchmarkIds',
        content.benchmarkIds,
        new Set(linked.map((row) => row.id)),
        "is not a benchmark of the plan's standards (link the benchmark to one of them first)",
      );
    }
    if (problems.length > 0) throw new ValidationFailedException(problems);
  }

  private async toBodies(plans: Plan[]): Promise<PlanBody[]> {
    if (plans.length === 0) return [];
    const ids = plans.flatMap((p) => [p.publishedVersionId, p.pendingVersionId]).filter((v) => v !== null);
    const versions = new Map(
      (await this.dataSource.manager.findBy(PlanVersion, { id: In(ids) })).map((v) => [v.id, v]),
    );
    return plans.map((plan) => {
      const current = versions.get((plan.publishedVersionId ?? plan.pendingVersionId)!)!;
      const pending = plan.publishedVersionId && plan.pendingVersionId ? versions.get(plan.pendingVersionId)! : null;
      return {
        id: plan.id,
        agencyId: plan.agencyId,
        fiscalYear: plan.fiscalYear,
        status: plan.status,
        current: toVersionBody(current),
        pending: pending ? toVersionBody(pending) : null,
        createdAt: plan.createdAt.toISOString(),
        updatedAt: plan.updatedAt.toISOString(),
      };
    });
  }
}

/** Publishing needs the summary and, in every part, the approach and the benefits. */
function checkComplete(version: PlanVersion): void {
  const problems: ErrorDetail[] = [];
  if (!version.summary.trim()) problems.push({ field: 'summary', reason: 'is required before the plan is published' });
  for (const key of PLAN_PARTS) {
    for (const field of ['approach', 'benefits'] as const) {
      if (!version.parts[key][field].trim()) {
        problems.push({ field: `parts.${key}.${field}`, reason: 'is required before the plan is published' });
      }
    }
  }
  if (problems.length > 0) {
    throw new ValidationFailedException(
      problems,
      `The plan is not complete: ${problems.map((p) => p.field).join(', ')} must be written first.`,
    );
  }
}

function emptyContent(): Content {
  return {
    summary: '',
    parts: Object.fromEntries(
      PLAN_PARTS.map((key): [string, PlanParts[PlanPart]] => [key, { approach: '', benefits: '', milestones: [] }]),
    ) as Record<PlanPart, PlanParts[PlanPart]>,
    standardIds: [],
    benchmarkIds: [],
    feedbackCollectionIds: [],
    employeeFeedbackIds: [],
    staffNote: null,
  };
}

function pickContent(version: PlanVersion): Content {
  const { summary, parts, standardIds, benchmarkIds, feedbackCollectionIds, employeeFeedbackIds, staffNote } = version;
  return { summary, parts, standardIds, benchmarkIds, feedbackCollectionIds, employeeFeedbackIds, staffNote };
}

/** The content with what the request gives: each part given replaces that part, as plain data. */
function merge(base: Content, dto: PlanContentDto): Content {
  const parts = { ...base.parts };
  for (const key of PLAN_PARTS) {
    const part = dto.parts?.[key];
    if (!part) continue;
    parts[key] = {
      approach: part.approach?.trim() ?? '',
      benefits: part.benefits?.trim() ?? '',
      milestones: (part.milestones ?? []).map((m) => ({ title: m.title.trim(), dueDate: m.dueDate, status: m.status })),
    };
  }
  return {
    summary: dto.summary?.trim() ?? base.summary,
    parts,
    standardIds: dto.standardIds ?? base.standardIds,
    benchmarkIds: dto.benchmarkIds ?? base.benchmarkIds,
    feedbackCollectionIds: dto.feedbackCollectionIds ?? base.feedbackCollectionIds,
    employeeFeedbackIds: dto.employeeFeedbackIds ?? base.employeeFeedbackIds,
    staffNote: dto.staffNote === undefined ? base.staffNote : dto.staffNote?.trim() || null,
  };
}

export function toVersionBody(version: PlanVersion): PlanVersionBody {
  return {
    id: version.id,
    version: version.version,
    status: version.status,
    summary: version.summary,
    parts: version.parts,
    standardIds: version.standardIds,
    benchmarkIds: version.benchmarkIds,
    feedbackCollectionIds: version.feedbackCollectionIds,
    employeeFeedbackIds: version.employeeFeedbackIds,
    staffNote: version.staffNote,
    publishedAt: version.publishedAt?.toISOString() ?? null,
    createdAt: version.createdAt.toISOString(),
    updatedAt: version.updatedAt.toISOString(),
  };
}

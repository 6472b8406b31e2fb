import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  FieldChangeBody,
  PlanBody,
  PlanReviewBody,
  ResultReviewBody,
  ReviewCommentBody,
  StandardBody,
  StandardReviewBody,
  StandardVersionBody,
} from '@yardstick/contracts';
import { formatPeriodLabel } from '@yardstick/metrics';
import { DataSource, In, type EntityManager } from 'typeorm';
import { calendarsOfAgencies } from '../agencies/agency-calendar.js';
import type { AuthContext } from '../auth/auth-context.js';
import { AuditService } from '../audit/audit.service.js';
import { CxService } from '../cx/cx.service.js';
import { ConflictAppException, NotFoundAppException } from '../common/errors/app.exception.js';
import { scopeQuery } from '../common/scope.js';
import { PlansService } from '../plans/plans.service.js';
import { Explanation } from '../results/entities/explanation.entity.js';
import { Result } from '../results/entities/result.entity.js';
import { StandardVersion } from '../standards/entities/standard-version.entity.js';
import { Standard } from '../standards/entities/standard.entity.js';
import { Target } from '../standards/entities/target.entity.js';
import { standingOf } from '../standards/standing.service.js';
import { toTargetBody, toVersionBody } from '../standards/standard.mappers.js';
import { StandardsService } from '../standards/standards.service.js';
import type { ReturnDto, ReviewCommentsQueryDto, ReviewQueueQueryDto } from './dto/review.dto.js';
import { ReviewComment } from './entities/review-comment.entity.js';

/** The fields an approver compares, in the order a reader meets them. */
export const REVIEWED_FIELDS: readonly { field: keyof StandardVersionBody; label: string }[] = [
  { field: 'title', label: 'Title' },
  { field: 'statement', label: 'Statement' },
  { field: 'dimension', label: 'Dimension' },
  { field: 'measureDescription', label: 'How it is measured' },
  { field: 'unit', label: 'Unit' },
  { field: 'computation', label: 'Computation' },
  { field: 'direction', label: 'Direction' },
  { field: 'thresholdValue', label: 'Threshold' },
  { field: 'thresholdUnit', label: 'Threshold unit' },
  { field: 'channelScope', label: 'Channels' },
  { field: 'frequency', label: 'Reporting frequency' },
  { field: 'nearTolerance', label: 'Near tolerance' },
  { field: 'indicatorKind', label: 'Indicator kind' },
  { field: 'goalId', label: 'Goal' },
  { field: 'transactionMeasure', label: 'Computed from transactions' },
];

const isBlank = (value: unknown) => value === null || (Array.isArray(value) && value.length === 0);

/** Field by field, what `next` changes from `before` (every filled field when there is no `before`). */
export function diffVersions(before: StandardVersionBody | null, next: StandardVersionBody): FieldChangeBody[] {
  return REVIEWED_FIELDS.flatMap(({ field, label }) => {
    const was = before ? before[field] : null;
    const now = next[field];
    const same = JSON.stringify(was) === JSON.stringify(now) || (isBlank(was) && isBlank(now));
    return same ? [] : [{ field, label, before: was, after: now }];
  });
}

const QUEUE_LIMIT = 500;

@Injectable()
export class ReviewsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly standards: StandardsService,
    private readonly plans: PlansService,
    private readonly audit: AuditService,
    private readonly cx: CxService,
  ) {}

  /** Customer Service Plans whose pending version is in review, with the published version to compare. */
  plansInReview(auth: AuthContext, query: ReviewQueueQueryDto): Promise<PlanReviewBody[]> {
    return this.plans.inReview(auth, query.agencyId);
  }

  /** Sends a plan in review back to draft, with the approver's comment for the officer. */
  async returnPlan(auth: AuthContext, id: string, dto: ReturnDto): Promise<PlanBody> {
    const plan = await this.plans.authorize(auth, id, 'standards:publish');
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.plans.returnToDraft(manager, id);
      const comment = await this.saveComment(manager, auth, 'plan', id, plan.agencyId, dto.comment);
      await this.audit.record(
        auth,
        {
          action: 'plan.return',
          entityType: 'plan',
          entityId: id,
          agencyId: plan.agencyId,
          before: { status: locked.status, versionStatus: 'in_review' },
          after: { status: locked.status === 'in_review' ? 'draft' : locked.status, versionStatus: 'draft', comment },
        },
        manager,
      );
    });
    return this.plans.get(auth, id);
  }

  /** Standards whose pending version is in review, in the agencies where the caller may publish. */
  async standardsInReview(auth: AuthContext, query: ReviewQueueQueryDto): Promise<StandardReviewBody[]> {
    const builder = this.dataSource
      .getRepository(Standard)
      .createQueryBuilder('standard')
      .innerJoin(StandardVersion, 'pending', 'pending.id = standard.pending_version_id')
      .where("pending.status = 'in_review'")
      .andWhere("standard.status <> 'retired'");
    scopeQuery(builder, 'standard.agency_id', auth, 'standards:publish');
    if (query.agencyId) builder.andWhere('standard.agency_id = :agencyId', { agencyId: query.agencyId });
    const found = await builder.orderBy('standard.updated_at', 'ASC').take(QUEUE_LIMIT).getMany();
    if (found.length === 0) return [];
    const ids = found.map((s) => s.id);
    const versionIds = found.flatMap((s) => [s.pendingVersionId, s.publishedVersionId]).filter((v) => v !== null);
    const versions = new Map(
      (await this.dataSource.manager.findBy(StandardVersion, { id: In(versionIds) })).map((v) => [v.id, v]),
    );
    const targets = await this.dataSource.manager.find(Target, {
      where: { standardId: In(ids) },
      order: { fiscalYear: 'ASC', quarter: 'ASC' },
    });
    const bodies = await Promise.all(ids.map((id) => this.standards.get(auth, id)));
    return found.map((standard, i) => {
      const version = toVersionBody(versions.get(standard.pendingVersionId!)!);
      const published = standard.publishedVersionId ? toVersionBody(versions.get(standard.publishedVersionId)!) : null;
      return {
        standard: bodies[i]!,
        version,
        published,
        changes: diffVersions(published, version),
        targets: targets.filter((t) => t.standardId === standard.id).map(toTargetBody),
      };
    });
  }

  /** Sends a version in review back to draft, with the approver's comment for the officer. */
  async returnStandard(auth: AuthContext, id: string, dto: ReturnDto): Promise<StandardBody> {
    const standard = await this.standards.authorize(auth, id, 'standards:publish');
    await this.dataSource.transaction(async (manager) => {
      const locked = await manager.findOne(Standard, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!locked) throw new NotFoundAppException('Standard', id);
      const pending = locked.pendingVersionId
        ? await manager.findOneBy(StandardVersion, { id: locked.pendingVersionId })
        : null;
      if (!pending || pending.status !== 'in_review') {
        throw new ConflictAppException('This standard has no version in review to return.');
      }
      await manager.update(StandardVersion, { id: pending.id }, { status: 'draft' });
      if (locked.status === 'in_review') await manager.update(Standard, { id }, { status: 'draft' });
      const comment = await this.saveComment(manager, auth, 'standard', id, standard.agencyId, dto.comment);
      await this.audit.record(
        auth,
        {
          action: 'standard.return',
          entityType: 'standard',
          entityId: id,
          agencyId: standard.agencyId,
          before: { status: locked.status, versionStatus: 'in_review' },
          after: { status: locked.status === 'in_review' ? 'draft' : locked.status, versionStatus: 'draft', comment },
        },
        manager,
      );
    });
    return this.standards.get(auth, id);
  }

  /** Results not yet certified, in the agencies where the caller may certify, oldest period first. */
  async resultsAwaiting(auth: AuthContext, query: ReviewQueueQueryDto): Promise<ResultReviewBody[]> {
    const builder = this.dataSource
      .getRepository(Result)
      .createQueryBuilder('result')
      .where('result.certified_at IS NULL');
    scopeQuery(builder, 'result.agency_id', auth, 'results:certify');
    if (query.agencyId) builder.andWhere('result.agency_id = :agencyId', { agencyId: query.agencyId });
    const results = await builder
      .orderBy('result.period_start', 'ASC')
      .addOrderBy('result.standard_id')
      .addOrderBy('result.channel')
      .take(QUEUE_LIMIT)
      .getMany();
    return this.toResultReviews(results);
  }

  /** Leaves a result uncertified, with the approver's comment for the officer (correct it, or explain the miss). */
  async returnResult(auth: AuthContext, id: string, dto: ReturnDto): Promise<ReviewCommentBody> {
    const result = await this.dataSource.manager.findOneBy(Result, { id });
    if (!result) throw new NotFoundAppException('Result', id);
    auth.require('results:certify', result.agencyId);
    if (result.certifiedAt) throw new ConflictAppException('This result is already certified.');
    return this.dataSource.transaction(async (manager) => {
      const comment = await this.saveComment(manager, auth, 'result', id, result.agencyId, dto.comment);
      await this.audit.record(
        auth,
        {
          action: 'result.return',
          entityType: 'result',
          entityId: id,
          agencyId: result.agencyId,
          after: { comment },
        },
        manager,
      );
      return comment;
    });
  }

  async comments(auth: AuthContext, query: ReviewCommentsQueryDto): Promise<ReviewCommentBody[]> {
    if (query.entityType === 'plan') await this.plans.authorize(auth, query.entityId, 'registry:read');
    else {
      const agencyId =
        query.entityType === 'standard'
          ? (await this.standards.find(query.entityId)).agencyId
          : query.entityType === 'cx_collection'
            ? (await this.cx.find(query.entityId)).agencyId
            : (await this.findResult(query.entityId)).agencyId;
      auth.require('registry:read', agencyId);
    }
    const comments = await this.dataSource.manager.find(ReviewComment, {
      where: { entityType: query.entityType, entityId: query.entityId },
      order: { createdAt: 'DESC' },
    });
    return comments.map(toCommentBody);
  }

  private async findResult(id: string): Promise<Result> {
    const result = await this.dataSource.manager.findOneBy(Result, { id });
    if (!result) throw new NotFoundAppException('Result', id);
    return result;
  }

  private async saveComment(
    manager: EntityManager,
    auth: AuthContext,
    entityType: 'standard' | 'result' | 'plan',
    entityId: string,
    agencyId: string,
    text: string,
  ): Promise<ReviewCommentBody> {
    const authorId = auth.actor.type === 'token' ? auth.actor.userId : auth.actor.id;
    const saved = await manager.save(
      manager.create(ReviewComment, {
        entityType,
        entityId,
        agencyId,
        comment: text.trim(),
        authorId,
        authorName: auth.actor.label,
      }),
    );
    return toCommentBody(saved);
  }

  private async toResultReviews(results: Result[]): Promise<ResultReviewBody[]> {
    if (results.length === 0) return [];
    const standardIds = [...new Set(results.map((r) => r.standardId))];
    const standards = new Map(
      (await this.dataSource.manager.findBy(Standard, { id: In(standardIds) })).map((s) => [s.id, s]),
    );
    const versionIds = [...standards.values()].map((s) => (s.publishedVersionId ?? s.pendingVersionId)!);
    const versions = new Map(
      (await this.dataSource.manager.findBy(StandardVersion, { id: In(versionIds) })).map((v) => [v.standardId, v]),
    );
    const targets = await this.dataSource.manager.findBy(Target, { standardId: In(standardIds) });
    const calendars = await calendarsOfAgencies(
      this.dataSource.manager,
      results.map((r) => r.agencyId),
    );
    const resultIds = results.map((r) => r.id);
    const explanations = new Map(
      (await this.dataSource.manager.findBy(Explanation, { resultId: In(resultIds) })).map((e) => [e.resultId, e]),
    );
    const comments = await this.dataSource.manager.find(ReviewComment, {
      where: { entityType: 'result', entityId: In(resultIds) },
      order: { createdAt: 'DESC' },
    });
    return results.map((result) => {
      const standard = standards.get(result.standardId)!;
      const version = versions.get(result.standardId)!;
      const standing = standingOf(
        result,
        version,
        targets.filter((t) => t.standardId === result.standardId),
        result.fiscalYear,
        calendars.get(result.agencyId),
      );
      const explanation = explanations.get(result.id);
      return {
        id: result.id,
        standardId: result.standardId,
        standardCode: standard.code,
        standardTitle: version.title,
        agencyId: result.agencyId,
        periodKey: result.periodKey,
        periodLabel: formatPeriodLabel(result.periodKey, calendars.get(result.agencyId)),
        channel: result.channel,
        value: result.value,
        numerator: result.numerator,
        denominator: result.denominator,
        unit: version.unit,
        revision: result.revision,
        status: standing.status,
        target: standing.target,
        explanation: explanation
          ? { why: explanation.why, action: explanation.action, updatedAt: explanation.updatedAt.toISOString() }
          : null,
        comments: comments.filter((c) => c.entityId === result.id).map(toCommentBody),
      };
    });
  }
}

function toCommentBody(comment: ReviewComment): ReviewCommentBody {
  return {
    id: comment.id,
    entityType: comment.entityType,
    entityId: comment.entityId,
    agencyId: comment.agencyId,
    comment: comment.comment,
    authorId: comment.authorId,
    authorName: comment.authorName,
    createdAt: comment.createdAt.toISOString(),
  };
}

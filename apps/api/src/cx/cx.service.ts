import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  CxCollectionBody,
  CxCollectionStatus,
  CxDueItemBody,
  CxFreeTextBody,
  ReviewCommentBody,
} from '@yardstick/contracts';
import {
  A11_V1_QUESTIONS,
  CX_GRACE_DAYS,
  cxDueDate,
  fiscalYearOf,
  periodsInFiscalYear,
  quarterPeriod,
  resultDueState,
  shareOf,
  volumeProblem,
} from '@yardstick/metrics';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import type { AppConfig } from '../config/app.config.js';
import { APP_CONFIG } from '../config/config.module.js';
import {
  ConflictAppException,
  NotFoundAppException,
  ValidationFailedException,
} from '../common/errors/app.exception.js';
import { scopeQuery } from '../common/scope.js';
import { ReviewComment } from '../reviews/entities/review-comment.entity.js';
import { Service } from '../services/entities/service.entity.js';
import { ResultsLoader, type StagedResult } from '../imports/results-loader.js';
import { StandardVersion } from '../standards/entities/standard-version.entity.js';
import { Standard } from '../standards/entities/standard.entity.js';
import { collectionBodies } from './cx-scores.js';
import type {
  CreateCxCollectionDto,
  CxDueQueryDto,
  ListCxCollectionsQueryDto,
  PutCxDetailDto,
  UpdateCxCollectionDto,
} from './dto/cx.dto.js';
import { CxCollectionDetail } from './entities/cx-collection-detail.entity.js';
import { CxCollection } from './entities/cx-collection.entity.js';
import { CxStandardQuestion } from './entities/cx-standard-question.entity.js';

/** Statuses in which an officer may still change a collection's data. */
export const CX_EDITABLE: readonly CxCollectionStatus[] = ['draft', 'returned'];

/** Customer feedback collections: officers write and submit them, approvers publish or return them. */
@Injectable()
export class CxService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly loader: ResultsLoader,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(auth: AuthContext, query: ListCxCollectionsQueryDto): Promise<CxCollectionBody[]> {
    const builder = this.dataSource.getRepository(CxCollection).createQueryBuilder('c');
    scopeQuery(builder, 'c.agency_id', auth, 'registry:read');
    if (query.agencyId) builder.andWhere('c.agency_id = :agencyId', { agencyId: query.agencyId });
    if (query.serviceId) builder.andWhere('c.service_id = :serviceId', { serviceId: query.serviceId });
    if (query.fiscalYear) builder.andWhere('c.fiscal_year = :fy', { fy: query.fiscalYear });
    const found = await builder.orderBy('c.fiscal_year', 'DESC').addOrderBy('c.quarter', 'DESC').take(500).getMany();
    return collectionBodies(this.dataSource.manager, found, this.config.cxSmallSample);
  }

  async get(auth: AuthContext, id: string): Promise<CxCollectionBody> {
    const collection = await this.find(id);
    auth.require('registry:read', collection.agencyId);
    return (await collectionBodies(this.dataSource.manager, [collection], this.config.cxSmallSample))[0]!;
  }

  async create(auth: AuthContext, dto: CreateCxCollectionDto): Promise<CxCollectionBody> {
    const service = await this.writableService(auth, dto.serviceId, 'serviceId');
    this.checkQuarter(dto.fiscalYear, dto.quarter);
    const collection = await this.dataSource.transaction(async (manager) => {
      await this.refuseSecond(manager, dto.serviceId, dto.fiscalYear, dto.quarter);
      const saved = await manager.save(
        manager.create(CxCollection, {
          serviceId: service.id,
          agencyId: service.agencyId,
          fiscalYear: dto.fiscalYear,
          quarter: dto.quarter,
          notRandomSample: dto.notRandomSample ?? true,
          surveyMethod: dto.surveyMethod ?? null,
        }),
      );
      await this.audit.record(
        auth,
        {
          action: 'cx_collection.create',
          entityType: 'cx_collection',
          entityId: saved.id,
          agencyId: saved.agencyId,
          after: saved,
        },
        manager,
      );
      return saved;
    });
    return this.get(auth, collection.id);
  }

  async update(auth: AuthContext, id: string, dto: UpdateCxCollectionDto): Promise<CxCollectionBody> {
    await this.editable(auth, id, async (manager, collection) => {
      await manager.update(
        CxCollection,
        { id },
        {
          ...(dto.notRandomSample !== undefined ? { notRandomSample: dto.notRandomSample } : {}),
          ...(dto.surveyMethod !== undefined ? { surveyMethod: dto.surveyMethod } : {}),
        },
      );
      await this.audit.record(
        auth,
        {
          action: 'cx_collection.update',
          entityType: 'cx_collection',
          entityId: id,
          agencyId: collection.agencyId,
          before: collection,
          after: dto,
        },
        manager,
      );
    });
    return this.get(auth, id);
  }

  /** Writes one survey of the collection (by channel), checking respondents <= offered <= customers served. */
  async putDetail(auth: AuthContext, id: string, dto: PutCxDetailDto): Promise<CxCollectionBody> {
    const volumes = volumeProblem(dto.customersServed ?? null, dto.surveysOffered ?? null, dto.respondents ?? null);
    if (volumes) throw new ValidationFailedException([{ field: volumes.field, reason: volumes.reason }]);
    await this.editable(auth, id, async (manager, collection) => {
      const existing = await manager.findOneBy(CxCollectionDetail, { collectionId: id, channel: dto.channel });
      const questionSet = existing?.questionSet ?? (collection.fiscalYear >= 2024 ? 'v2' : 'v1');
      if (existing && existing.surveyType !== dto.surveyType && questionSet === 'v2') {
        const loaded = await manager.query<{ n: number }[]>(
          'SELECT count(*)::int AS n FROM cx_responses WHERE detail_id = $1',
          [existing.id],
        );
        if (loaded[0]!.n > 0) {
          throw new ConflictAppException('The survey type cannot change once responses are loaded.', [
            { field: 'surveyType', value: dto.surveyType, reason: `responses were loaded as ${existing.surveyType}` },
          ]);
        }
      }
      const values = {
        transactionPoint: dto.transactionPoint ?? existing?.transactionPoint ?? 'post_interaction',
        surveyType: dto.surveyType,
        trustQuestion: dto.trustQuestion ?? existing?.trustQuestion ?? null,
        ombControlNumber: dto.ombControlNumber ?? existing?.ombControlNumber ?? null,
        customersServed: dto.customersServed ?? null,
        surveysOffered: dto.surveysOffered ?? null,
        respondents: dto.respondents ?? null,
      };
      if (existing) await manager.update(CxCollectionDetail, { id: existing.id }, values);
      else await manager.insert(CxCollectionDetail, { collectionId: id, channel: dto.channel, questionSet, ...values });
      await manager.update(CxCollection, { id }, { updatedAt: this.clock.now() });
      await this.audit.record(
        auth,
        {
          action: 'cx_collection.detail',
          entityType: 'cx_collection',
          entityId: id,
          agencyId: collection.agencyId,
          before: existing,
          after: dto,
        },
        manager,
      );
    });
    return this.get(auth, id);
  }

  async submit(auth: AuthContext, id: string): Promise<CxCollectionBody> {
    await this.editable(auth, id, async (manager, collection) => {
      const details = await manager.countBy(CxCollectionDetail, { collectionId: id });
      if (details === 0) {
        throw new ConflictAppException(
          'A collection needs at least one survey before it is submitted (or mark it not reported).',
        );
      }
      await this.transition(manager, auth, collection, 'submitted', {
        submittedAt: this.clock.now(),
        submittedBy: auth.actor.id,
      });
    });
    return this.get(auth, id);
  }

  /** A quarter with no data: the collection says so instead of staying due. Its surveys, if any, are removed. */
  async notReported(auth: AuthContext, id: string): Promise<CxCollectionBody> {
    await this.editable(auth, id, async (manager, collection) => {
      await manager.query('DELETE FROM cx_responses WHERE collection_id = $1', [id]);
      await manager.delete(CxCollectionDetail, { collectionId: id });
      await this.transition(manager, auth, collection, 'not_reported', {
        submittedAt: this.clock.now(),
        submittedBy: auth.actor.id,
      });
    });
    return this.get(auth, id);
  }

  async publish(auth: AuthContext, id: string): Promise<CxCollectionBody> {
    await this.locked(id, async (manager, collection) => {
      auth.require('results:certify', collection.agencyId);
      if (collection.status !== 'submitted') {
        throw new ConflictAppException(
          `Only a submitted collection can be published; this one is ${collection.status}.`,
        );
      }
      await this.transition(manager, auth, collection, 'published', {
        publishedAt: this.clock.now(),
        publishedBy: auth.actor.id,
      });
      await this.feedStandards(manager, auth, collection);
    });
    return this.get(auth, id);
  }

  /**
   * Names the A-11 question a survey-based satisfaction standard is measured by (a share of positive answers,
   * in percent, reported by quarter); null unlinks it.
   */
  async standardQuestion(
    auth: AuthContext,
    standardId: string,
  ): Promise<{ standardId: string; question: string | null }> {
    const standard = await this.dataSource.manager.findOneBy(Standard, { id: standardId });
    if (!standard) throw new NotFoundAppException('Standard', standardId);
    auth.require('registry:read', standard.agencyId);
    const link = await this.dataSource.manager.findOneBy(CxStandardQuestion, { standardId });
    return { standardId, question: link?.question ?? null };
  }

  async linkStandard(
    auth: AuthContext,
    standardId: string,
    question: string | null,
  ): Promise<{ standardId: string; question: string | null }> {
    const standard = await this.dataSource.manager.findOneBy(Standard, { id: standardId });
    if (!standard) throw new NotFoundAppException('Standard', standardId);
    auth.require('registry:write', standard.agencyId);
    if (question === null) {
      await this.dataSource.manager.delete(CxStandardQuestion, { standardId });
      return { standardId, question: null };
    }
    const version = await this.dataSource.manager.findOneByOrFail(StandardVersion, {
      id: (standard.publishedVersionId ?? standard.pendingVersionId)!,
    });
    const problems: { field: string; value?: unknown; reason: string }[] = [];
    if (!(A11_V1_QUESTIONS as readonly string[]).includes(question)) {
      problems.push({ field: 'question', value: question, reason: `must be one of: ${A11_V1_QUESTIONS.join(', ')}` });
    }
    if (
      version.dimension !== 'satisfaction' ||
      version.unit !== 'percent' ||
      version.computation !== 'share_meeting_threshold'
    ) {
      problems.push({
        field: 'standardId',
        reason: 'must be a satisfaction standard measured as a share (percent) of positive answers',
      });
    }
    if (version.frequency !== 'quarter')
      problems.push({ field: 'standardId', reason: 'must be reported by quarter, as collections are' });
    if (problems.length > 0) throw new ValidationFailedException(problems);
    await this.dataSource.manager.upsert(CxStandardQuestion, { standardId, question }, ['standardId']);
    return { standardId, question };
  }

  /**
   * A published collection's result for each survey-based standard of its service: positive answers of the
   * respondents to the standard's question (counts only: a published average gives no result), written
   * through the results loader in the publishing transaction, for an approver to certify.
   */
  private async feedStandards(manager: EntityManager, auth: AuthContext, collection: CxCollection): Promise<void> {
    const links = await manager
      .getRepository(CxStandardQuestion)
      .createQueryBuilder('link')
      .innerJoin(Standard, 'standard', 'standard.id = link.standard_id')
      .where('standard.service_id = :serviceId', { serviceId: collection.serviceId })
      .andWhere("standard.status <> 'retired'")
      .getMany();
    if (links.length === 0) return;
    const [body] = await collectionBodies(manager, [{ ...collection, status: 'published' }], this.config.cxSmallSample);
    const period = quarterPeriod(collection.fiscalYear, collection.quarter);
    const rows: StagedResult[] = [];
    for (const link of links) {
      const score = body!.scores.questions.find((q) => q.question === link.question);
      if (!score || score.respondents === null || score.respondents === 0) continue;
      const positive = score.thumbs ? score.thumbs.up : score.counts ? score.counts[3] + score.counts[4] : null;
      if (positive === null) continue;
      rows.push({
        standardId: link.standardId,
        agencyId: collection.agencyId,
        periodKey: period.key,
        frequency: 'quarter',
        periodStart: period.start,
        periodEnd: period.end,
        fiscalYear: period.fiscalYear,
        channel: 'all',
        value: shareOf(positive, score.respondents),
        numerator: positive,
        denominator: score.respondents,
        sampleSize: score.respondents,
        source: `Customer feedback survey (A-11 Section 280), ${period.key} collection`,
        dataQualityNote: body!.notRandomSample ? 'Survey respondents are not a random sample of customers.' : null,
        explanationWhy: null,
        explanationAction: null,
      });
    }
    if (rows.length === 0) return;
    await this.loader.loadWithin(manager.queryRunner!, [rows], { batchId: null, recordedBy: auth.actor.id });
  }

  /** Back to the officer with the approver's comment (a published collection too: it leaves the public site). */
  async returnCollection(auth: AuthContext, id: string, comment: string): Promise<ReviewCommentBody> {
    return this.locked(id, async (manager, collection) => {
      auth.require('results:certify', collection.agencyId);
      if (collection.status !== 'submitted' && collection.status !== 'published') {
        throw new ConflictAppException(
          `Only a submitted or published collection can be returned; this one is ${collection.status}.`,
        );
      }
      await this.transition(manager, auth, collection, 'returned', { publishedAt: null, publishedBy: null });
      const authorId = auth.actor.type === 'token' ? auth.actor.userId : auth.actor.id;
      const saved = await manager.save(
        manager.create(ReviewComment, {
          entityType: 'cx_collection',
          entityId: id,
          agencyId: collection.agencyId,
          comment: comment.trim(),
          authorId,
          authorName: auth.actor.label,
        }),
      );
      return {
        id: saved.id,
        entityType: saved.entityType,
        entityId: saved.entityId,
        agencyId: saved.agencyId,
        comment: saved.comment,
        authorId: saved.authorId,
        authorName: saved.authorName,
        createdAt: saved.createdAt.toISOString(),
      };
    });
  }

  /** Submitted collections awaiting an approver, in the agencies where the caller may publish them. */
  async awaitingReview(auth: AuthContext, agencyId?: string): Promise<CxCollectionBody[]> {
    const builder = this.dataSource.getRepository(CxCollection).createQueryBuilder('c').where("c.status = 'submitted'");
    scopeQuery(builder, 'c.agency_id', auth, 'results:certify');
    if (agencyId) builder.andWhere('c.agency_id = :agencyId', { agencyId });
    const found = await builder.orderBy('c.fiscal_year').addOrderBy('c.quarter').take(500).getMany();
    return collectionBodies(this.dataSource.manager, found, this.config.cxSmallSample);
  }

  /** The free text of question 4: staff only, never published. */
  async freeText(auth: AuthContext, id: string): Promise<CxFreeTextBody[]> {
    const collection = await this.find(id);
    auth.require('registry:read', collection.agencyId);
    const rows = await this.dataSource.query<
      { external_id: string; channel: CxFreeTextBody['channel']; free_text: string }[]
    >(
      `SELECT r.external_id, d.channel, r.free_text FROM cx_responses r JOIN cx_collection_details d ON d.id = r.detail_id
       WHERE r.collection_id = $1 AND r.free_text IS NOT NULL AND r.free_text <> ''
       ORDER BY r.external_id LIMIT 1000`,
      [id],
    );
    return rows.map((r) => ({ externalId: r.external_id, channel: r.channel, text: r.free_text }));
  }

  /**
   * For reminders: every quarter of this fiscal year and the last of each HISP service of the agency (and
   * its bureaus), with its due date (30 days after the quarter), due state and the collection's status.
   */
  async dueCollections(agencyId: string | 'all'): Promise<CxDueItemBody[]> {
    const today = this.clock.today();
    const year = fiscalYearOf(today);
    const services = await this.dataSource.query<{ id: string; name: string; agency_id: string }[]>(
      agencyId === 'all'
        ? `SELECT id, name, agency_id FROM services WHERE hisp ORDER BY name`
        : `WITH RECURSIVE tree(id) AS (SELECT id FROM agencies WHERE id = $1
             UNION SELECT a.id FROM agencies a JOIN tree t ON a.parent_id = t.id)
           SELECT s.id, s.name, s.agency_id FROM services s WHERE s.hisp AND s.agency_id IN (SELECT id FROM tree)
           ORDER BY s.name`,
      agencyId === 'all' ? [] : [agencyId],
    );
    if (services.length === 0) return [];
    const collections = await this.dataSource.manager.findBy(CxCollection, {
      serviceId: In(services.map((s) => s.id)),
      fiscalYear: In([year - 1, year]),
    });
    const items: CxDueItemBody[] = [];
    for (const service of services) {
      for (const fy of [year - 1, year]) {
        for (const period of periodsInFiscalYear(fy, 'quarter')) {
          const quarter = period.quarter!;
          const found = collections.find(
            (c) => c.serviceId === service.id && c.fiscalYear === fy && c.quarter === quarter,
          );
          const received = found !== undefined && !CX_EDITABLE.includes(found.status);
          items.push({
            serviceId: service.id,
            serviceName: service.name,
            agencyId: service.agency_id,
            fiscalYear: fy,
            quarter,
            periodKey: period.key,
            dueDate: cxDueDate(fy, quarter),
            dueState: resultDueState({ period, graceDays: CX_GRACE_DAYS, today, hasResult: received }),
            collectionId: found?.id ?? null,
            status: found?.status ?? null,
          });
        }
      }
    }
    return items;
  }

  /** The due list as the staff app reads it: only quarters the caller may read, and only those due or overdue. */
  async due(auth: AuthContext, query: CxDueQueryDto): Promise<CxDueItemBody[]> {
    if (query.agencyId) auth.require('registry:read', query.agencyId);
    const scope = auth.scope('registry:read');
    const items = await this.dueCollections(query.agencyId ?? 'all');
    return items.filter(
      (item) =>
        (scope === 'all' || scope.includes(item.agencyId)) && (item.dueState === 'due' || item.dueState === 'overdue'),
    );
  }

  /** The service an officer writes a collection for; 403 for another agency's, 400 for none. */
  async writableService(auth: AuthContext, serviceId: string, field: string): Promise<Service> {
    const service = await this.dataSource.manager.findOneBy(Service, { id: serviceId });
    if (!service) throw new ValidationFailedException([{ field, value: serviceId, reason: 'no service with this id' }]);
    auth.require('results:write', service.agencyId);
    return service;
  }

  /** A fiscal quarter that has started (a collection reports on what happened). */
  checkQuarter(fiscalYear: number, quarter: number, fields = { fiscalYear: 'fiscalYear', quarter: 'quarter' }): void {
    if (!Number.isSafeInteger(quarter) || quarter < 1 || quarter > 4) {
      throw new ValidationFailedException([{ field: fields.quarter, value: quarter, reason: 'must be 1, 2, 3 or 4' }]);
    }
    const period = quarterPeriod(fiscalYear, quarter);
    if (period.start > this.clock.today()) {
      throw new ValidationFailedException([
        { field: fields.quarter, value: `${period.key}`, reason: `has not started yet (it starts ${period.start})` },
      ]);
    }
  }

  async refuseSecond(manager: EntityManager, serviceId: string, fiscalYear: number, quarter: number): Promise<void> {
    const existing = await manager.findOneBy(CxCollection, { serviceId, fiscalYear, quarter });
    if (existing) {
      throw new ConflictAppException(`This service already has a collection for FY${fiscalYear} Q${quarter}.`, [
        { field: 'quarter', value: quarter, reason: `collection ${existing.id} exists` },
      ]);
    }
  }

  async find(id: string): Promise<CxCollection> {
    const collection = await this.dataSource.manager.findOneBy(CxCollection, { id });
    if (!collection) throw new NotFoundAppException('Collection', id);
    return collection;
  }

  private async locked<T>(
    id: string,
    work: (manager: EntityManager, collection: CxCollection) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const collection = await manager.findOne(CxCollection, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!collection) throw new NotFoundAppException('Collection', id);
      return work(manager, collection);
    });
  }

  /** Runs `work` on a collection the caller may write, while it is still a draft or returned. */
  private editable(
    auth: AuthContext,
    id: string,
    work: (manager: EntityManager, collection: CxCollection) => Promise<void>,
  ) {
    return this.locked(id, async (manager, collection) => {
      auth.require('results:write', collection.agencyId);
      if (!CX_EDITABLE.includes(collection.status)) {
        throw new ConflictAppException(
          `This collection is ${collection.status.replace('_', ' ')}: only a draft or returned collection can change.`,
        );
      }
      await work(manager, collection);
    });
  }

  private async transition(
    manager: EntityManager,
    auth: AuthContext,
    collection: CxCollection,
    status: CxCollectionStatus,
    extra: Partial<CxCollection>,
  ): Promise<void> {
    await manager.update(CxCollection, { id: collection.id }, { status, ...extra });
    await this.audit.record(
      auth,
      {
        action: `cx_collection.${status}`,
        entityType: 'cx_collection',
        entityId: collection.id,
        agencyId: collection.agencyId,
        before: { status: collection.status },
        after: { status },
      },
      manager,
    );
  }
}

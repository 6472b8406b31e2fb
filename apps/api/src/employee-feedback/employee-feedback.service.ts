import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { EmployeeFeedbackBody, ErrorDetail, Page } from '@yardstick/contracts';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../common/clock.js';
import {
  ConflictAppException,
  NotFoundAppException,
  ValidationFailedException,
} from '../common/errors/app.exception.js';
import { paginate } from '../common/pagination.js';
import { scopeQuery } from '../common/scope.js';
import { Service } from '../services/entities/service.entity.js';
import type {
  CreateEmployeeFeedbackDto,
  ListEmployeeFeedbackQueryDto,
  UpdateEmployeeFeedbackDto,
} from './dto/employee-feedback.dto.js';
import { EmployeeFeedback } from './entities/employee-feedback.entity.js';
import { feedbackPeriod, feedbackProblems } from './feedback-rules.js';

/** Front-line employee feedback: written by officers (or imported), its summary published by approvers. */
@Injectable()
export class EmployeeFeedbackService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  list(auth: AuthContext, query: ListEmployeeFeedbackQueryDto): Promise<Page<EmployeeFeedbackBody>> {
    const builder = scopeQuery(
      this.dataSource.getRepository(EmployeeFeedback).createQueryBuilder('feedback'),
      'feedback.agency_id',
      auth,
      'registry:read',
    );
    if (query.agencyId) builder.andWhere('feedback.agency_id = :agencyId', { agencyId: query.agencyId });
    if (query.serviceId) builder.andWhere('feedback.service_id = :serviceId', { serviceId: query.serviceId });
    return paginate(builder, query, 'feedback.period_key', toFeedbackBody);
  }

  async get(auth: AuthContext, id: string): Promise<EmployeeFeedbackBody> {
    return toFeedbackBody(await this.authorize(auth, id, 'registry:read'));
  }

  async create(auth: AuthContext, dto: CreateEmployeeFeedbackDto): Promise<EmployeeFeedbackBody> {
    const service = await this.dataSource.manager.findOneBy(Service, { id: dto.serviceId });
    if (!service) {
      throw new ValidationFailedException([
        { field: 'serviceId', value: dto.serviceId, reason: 'no service with this id' },
      ]);
    }
    auth.require('registry:write', service.agencyId);
    const values = normalise(dto);
    check(values);
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`employee-feedback:${service.id}`]);
      if (await manager.existsBy(EmployeeFeedback, { serviceId: service.id, periodKey: values.periodKey })) {
        throw new ConflictAppException(`The service already has employee feedback for ${values.periodKey}.`, [
          { field: 'periodKey', value: values.periodKey, reason: 'already recorded for this service: edit it instead' },
        ]);
      }
      const saved = await manager.save(
        manager.create(EmployeeFeedback, { ...values, serviceId: service.id, agencyId: service.agencyId }),
      );
      return toFeedbackBody(saved);
    });
  }

  /** A change withdraws a published summary until an approver publishes it again. */
  async update(auth: AuthContext, id: string, dto: UpdateEmployeeFeedbackDto): Promise<EmployeeFeedbackBody> {
    const feedback = await this.authorize(auth, id, 'registry:write');
    if (dto.serviceId !== undefined && dto.serviceId !== feedback.serviceId) {
      throw new ValidationFailedException([
        {
          field: 'serviceId',
          value: dto.serviceId,
          reason: 'cannot change: record the feedback for that service instead',
        },
      ]);
    }
    const values = normalise({ ...toFeedbackBody(feedback), ...dto, serviceId: feedback.serviceId });
    check(values);
    return this.dataSource.transaction(async (manager) => {
      if (values.periodKey !== feedback.periodKey) {
        const other = await manager.findOneBy(EmployeeFeedback, {
          serviceId: feedback.serviceId,
          periodKey: values.periodKey,
        });
        if (other) {
          throw new ConflictAppException(`The service already has employee feedback for ${values.periodKey}.`, [
            { field: 'periodKey', value: values.periodKey, reason: 'already recorded for this service' },
          ]);
        }
      }
      await manager.update(EmployeeFeedback, { id }, { ...values, publishedAt: null });
      return toFeedbackBody(await manager.findOneByOrFail(EmployeeFeedback, { id }));
    });
  }

  async remove(auth: AuthContext, id: string): Promise<void> {
    const feedback = await this.authorize(auth, id, 'registry:write');
    if (feedback.publishedAt) {
      throw new ConflictAppException('This summary is published: withdraw it before deleting the feedback.');
    }
    await this.dataSource.manager.delete(EmployeeFeedback, { id });
  }

  async publish(auth: AuthContext, id: string): Promise<EmployeeFeedbackBody> {
    const feedback = await this.authorize(auth, id, 'standards:publish');
    if (!feedback.summary.trim()) {
      throw new ValidationFailedException([
        { field: 'summary', reason: 'is required before the summary is published' },
      ]);
    }
    await this.dataSource.manager.update(
      EmployeeFeedback,
      { id },
      { publishedAt: feedback.publishedAt ?? this.clock.now() },
    );
    return this.get(auth, id);
  }

  async withdraw(auth: AuthContext, id: string): Promise<EmployeeFeedbackBody> {
    await this.authorize(auth, id, 'standards:publish');
    await this.dataSource.manager.update(EmployeeFeedback, { id }, { publishedAt: null });
    return this.get(auth, id);
  }

  private async authorize(
    auth: AuthContext,
    id: string,
    permission: 'registry:read' | 'registry:write' | 'standards:publish',
  ) {
    const feedback = await this.dataSource.manager.findOneBy(EmployeeFeedback, { id });
    if (!feedback) throw new NotFoundAppException('Employee feedback', id);
    auth.require(permission, feedback.agencyId);
    return feedback;
  }
}

type Values = Pick<
  EmployeeFeedback,
  'periodKey' | 'employeesSurveyed' | 'employeesResponding' | 'barriers' | 'ideas' | 'summary' | 'staffNote'
>;

function normalise(dto: CreateEmployeeFeedbackDto): Values {
  const themes = (list: { theme: string; count: number }[] | undefined) =>
    (list ?? []).map((t) => ({ theme: t.theme.trim(), count: t.count }));
  return {
    periodKey: feedbackPeriod(dto.periodKey) ?? dto.periodKey,
    employeesSurveyed: dto.employeesSurveyed,
    employeesResponding: dto.employeesResponding,
    barriers: themes(dto.barriers),
    ideas: themes(dto.ideas),
    summary: dto.summary?.trim() ?? '',
    staffNote: dto.staffNote?.trim() || null,
  };
}

function check(values: Values): void {
  const problems: ErrorDetail[] = feedbackProblems(values);
  if (problems.length > 0) throw new ValidationFailedException(problems);
}

export function toFeedbackBody(feedback: EmployeeFeedback): EmployeeFeedbackBody {
  return {
    id: feedback.id,
    agencyId: feedback.agencyId,
    serviceId: feedback.serviceId,
    periodKey: feedback.periodKey,
    employeesSurveyed: feedback.employeesSurveyed,
    employeesResponding: feedback.employeesResponding,
    barriers: feedback.barriers,
    ideas: feedback.ideas,
    summary: feedback.summary,
    staffNote: feedback.staffNote,
    publishedAt: feedback.publishedAt?.toISOString() ?? null,
    createdAt: feedback.createdAt.toISOString(),
    updatedAt: feedback.updatedAt.toISOString(),
  };
}

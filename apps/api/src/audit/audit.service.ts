import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Page } from '@yardstick/contracts';
import { Brackets, EntityManager, Repository } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { ValidationFailedException } from '../common/errors/app.exception.js';
import { paginate } from '../common/pagination.js';
import { scopeQuery } from '../common/scope.js';
import { toSnapshot } from './audit-snapshot.js';
import type { ActorType, AuditEventBody } from './audit.types.js';
import type { ListAuditEventsQueryDto } from './dto/list-audit-events.dto.js';
import { AuditEvent } from './entities/audit-event.entity.js';

export type AuditEventInput = {
  /** e.g. standard.create, standard.publish, auth.login_failed. */
  action: string;
  entityType?: string;
  entityId?: string;
  agencyId?: string | null;
  /** Snapshots of the record; secrets are removed and Dates become ISO strings before they are stored. */
  before?: unknown;
  after?: unknown;
  /** For failed logins: the address tried. Stored trimmed and lower-case. */
  subject?: string;
};

export const LOGIN_FAILED = 'auth.login_failed';

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  /**
   * Appends one event. Pass the manager of the transaction that makes the change, so that the event
   * commits or rolls back with it.
   */
  async record(auth: AuthContext, event: AuditEventInput, manager?: EntityManager): Promise<void> {
    await (manager ?? this.events.manager).insert(AuditEvent, {
      actorType: auth.actor.type,
      actorId: auth.actor.id,
      action: event.action,
      entityType: event.entityType ?? null,
      entityId: event.entityId ?? null,
      agencyId: event.agencyId ?? null,
      // undefined, not null: TypeORM leaves the column to its default (NULL) rather than store JSON null.
      before: toSnapshot(event.before) ?? undefined,
      after: toSnapshot(event.after) ?? undefined,
      requestId: auth.requestId,
      ip: auth.ip,
      subject: event.subject === undefined ? null : normalizeSubject(event.subject),
    });
  }

  /** Failed sign-ins since a time, for an address tried (`subject`), from an ip, or either of the two. */
  countRecentFailures(options: { subject?: string; ip?: string; since: Date }): Promise<number> {
    const { subject, ip, since } = options;
    if (subject === undefined && ip === undefined) {
      throw new Error('countRecentFailures needs a subject or an ip');
    }
    return this.events
      .createQueryBuilder('event')
      .where('event.action = :action', { action: LOGIN_FAILED })
      .andWhere('event.occurred_at >= :since', { since })
      .andWhere(
        new Brackets((either) => {
          if (subject !== undefined) either.orWhere('event.subject = :subject', { subject: normalizeSubject(subject) });
          if (ip !== undefined) either.orWhere('event.ip = :ip', { ip });
        }),
      )
      .getCount();
  }

  /** The trail, newest first unless asked otherwise; limited to the agencies the reader may audit. */
  list(auth: AuthContext, query: ListAuditEventsQueryDto): Promise<Page<AuditEventBody>> {
    if (query.agencyId) auth.require('audit:read', query.agencyId);
    if (query.from && query.to && Date.parse(query.to) <= Date.parse(query.from)) {
      throw new ValidationFailedException([{ field: 'to', value: query.to, reason: 'must be later than from' }]);
    }
    // Events without an agency (sign-ins, users, benchmarks) are for those who may audit every agency.
    const builder = scopeQuery(this.events.createQueryBuilder('event'), 'event.agency_id', auth, 'audit:read');
    if (query.actorId) builder.andWhere('event.actor_id = :actorId', { actorId: query.actorId });
    if (query.actorType) builder.andWhere('event.actor_type = :actorType', { actorType: query.actorType });
    if (query.action?.endsWith('*')) {
      builder.andWhere('event.action LIKE :prefix', { prefix: `${escapeLike(query.action.slice(0, -1))}%` });
    } else if (query.action) {
      builder.andWhere('event.action = :action', { action: query.action });
    }
    if (query.entityType) builder.andWhere('event.entity_type = :entityType', { entityType: query.entityType });
    if (query.entityId) builder.andWhere('event.entity_id = :entityId', { entityId: query.entityId });
    if (query.agencyId) builder.andWhere('event.agency_id = :agencyId', { agencyId: query.agencyId });
    // Passed as text: the zone is part of the value, and PostgreSQL keeps the microseconds.
    if (query.from) builder.andWhere('event.occurred_at >= CAST(:from AS timestamptz)', { from: query.from });
    if (query.to) builder.andWhere('event.occurred_at < CAST(:to AS timestamptz)', { to: query.to });
    return paginate(builder, query, `event.${query.sort}`, toAuditEventBody);
  }
}

export function toAuditEventBody(event: AuditEvent): AuditEventBody {
  return {
    id: event.id,
    occurredAt: event.occurredAt.toISOString(),
    actorType: event.actorType as ActorType,
    actorId: event.actorId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    agencyId: event.agencyId,
    before: event.before ?? null,
    after: event.after ?? null,
    requestId: event.requestId,
    ip: event.ip,
    subject: event.subject,
  };
}

function normalizeSubject(subject: string): string {
  return subject.trim().toLowerCase();
}

/** Prefix filters treat % and _ as themselves. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, '\\$&');
}

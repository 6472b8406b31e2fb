import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { NullableText, NullableUuid, TextColumn } from '../../database/columns.js';

/**
 * Who did what to which record, when, with the record before and after. Append-only: the database
 * itself rejects UPDATE and DELETE on this table (see the migration's trigger).
 */
@Entity({ name: 'audit_events' })
@Index('IX_audit_events_occurred', ['occurredAt'])
@Index('IX_audit_events_entity', ['entityType', 'entityId'])
@Index('IX_audit_events_actor', ['actorId', 'occurredAt'])
@Index('IX_audit_events_action', ['action', 'occurredAt'])
export class AuditEvent {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;

  /** user, token, system or anonymous. */
  @TextColumn()
  actorType!: string;

  @NullableText()
  actorId!: string | null;

  /** e.g. standard.create, standard.publish, auth.login, auth.login_failed, token.use. */
  @TextColumn()
  action!: string;

  @NullableText()
  entityType!: string | null;

  @NullableText()
  entityId!: string | null;

  @NullableUuid()
  agencyId!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before!: unknown;

  @Column({ type: 'jsonb', nullable: true })
  after!: unknown;

  @NullableText()
  requestId!: string | null;

  @NullableText()
  ip!: string | null;

  /** For failed logins: the address tried, so throttling can count them. */
  @NullableText()
  subject!: string | null;
}

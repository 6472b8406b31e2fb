import type { NotificationKind, NotificationStatus } from '@yardstick/contracts';
import { Column, Entity, Index } from 'typeorm';
import { NullableText, NullableTimestamp, TextColumn, UuidColumn } from '../../database/columns.js';
import { CreatedRow } from '../../database/entity-base.js';

/**
 * One message for one user, of one kind, for one day: the outbox. The unique key (user, kind, day) is what keeps
 * two API processes running the daily job from sending the same reminder twice: the second insert does nothing.
 * A message lists every item it is about (a reminder names each result due), so there is one a user and kind a day.
 */
@Entity({ name: 'notifications' })
@Index('UQ_notifications_user_kind_day', ['userId', 'kind', 'day'], { unique: true })
@Index('IX_notifications_status', ['status', 'createdAt'])
export class Notification extends CreatedRow {
  @UuidColumn()
  userId!: string;

  @TextColumn()
  kind!: NotificationKind;

  /** The day the daily job ran for (the Clock's today). */
  @Column({ type: 'date' })
  day!: string;

  /** The address written to; null when the user has none (status skipped). */
  @NullableText()
  recipient!: string | null;

  @TextColumn()
  subject!: string;

  @TextColumn()
  textBody!: string;

  @TextColumn()
  htmlBody!: string;

  /** What the message is about: kind, id and due date of each item. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  items!: { kind: string; id: string; dueDate: string | null }[];

  @Column({ type: 'text', default: 'pending' })
  status!: NotificationStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @NullableText()
  lastError!: string | null;

  @NullableTimestamp()
  sentAt!: Date | null;
}

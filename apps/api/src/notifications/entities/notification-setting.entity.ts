import type { NotificationDelivery, NotificationKind } from '@yardstick/contracts';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { TextColumn } from '../../database/columns.js';

/** A user's choice for one kind of message; without a row, the kind's default applies. */
@Entity({ name: 'notification_settings' })
export class NotificationSetting {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ type: 'text' })
  kind!: NotificationKind;

  @TextColumn()
  delivery!: NotificationDelivery;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** An administrator's switch for one kind, for everyone; without a row the kind is on. */
@Entity({ name: 'notification_kinds' })
export class NotificationKindSwitch {
  @PrimaryColumn({ type: 'text' })
  kind!: NotificationKind;

  @Column({ type: 'boolean' })
  enabled!: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

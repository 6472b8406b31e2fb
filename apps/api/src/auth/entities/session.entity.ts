import { CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { User } from '../../users/entities/user.entity.js';
import { NullableText, TextColumn, TimestampColumn, UuidColumn } from '../../database/columns.js';

/** A browser session. The cookie holds a random secret; only its SHA-256 is stored. */
@Entity({ name: 'sessions' })
@Index('IX_sessions_user', ['userId'])
export class Session {
  /** SHA-256 of the cookie's secret, hex. */
  @PrimaryColumn({ type: 'text' })
  tokenHash!: string;

  @UuidColumn()
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  /** Echoed by the browser in X-CSRF-Token on every state-changing request. */
  @TextColumn()
  csrfToken!: string;

  @TimestampColumn()
  expiresAt!: Date;

  @TimestampColumn()
  lastSeenAt!: Date;

  @NullableText()
  ip!: string | null;

  @NullableText()
  userAgent!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

import type { Permission } from '@yardstick/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Agency } from '../../agencies/entities/agency.entity.js';
import { User } from '../../users/entities/user.entity.js';
import { NullableTimestamp, NullableUuid, TextColumn } from '../../database/columns.js';
import { CreatedRow } from '../../database/entity-base.js';

/**
 * A bearer token: personal (acts as its user) or a machine client's (one agency, named permissions).
 * Shown once at creation; only its SHA-256 is stored.
 */
@Entity({ name: 'api_tokens' })
@Index('UQ_api_tokens_hash', ['tokenHash'], { unique: true })
export class ApiToken extends CreatedRow {
  @TextColumn()
  kind!: 'personal' | 'machine';

  @TextColumn()
  name!: string;

  /** The first characters of the token, to recognise it in a list. */
  @TextColumn()
  prefix!: string;

  @Column({ type: 'text', select: false })
  tokenHash!: string;

  /** Personal tokens: their user. */
  @NullableUuid()
  userId!: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User> | null;

  /** Machine clients: their agency. */
  @NullableUuid()
  agencyId!: string | null;

  @ManyToOne(() => Agency, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Relation<Agency> | null;

  /** Machine clients: what they may do. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  permissions!: Permission[];

  @NullableUuid()
  createdBy!: string | null;

  @NullableTimestamp()
  expiresAt!: Date | null;

  @NullableTimestamp()
  lastUsedAt!: Date | null;

  @NullableTimestamp()
  revokedAt!: Date | null;
}

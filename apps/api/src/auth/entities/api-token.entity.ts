import type { Permission } from '@yardstick/contracts';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Agency } from '../../agencies/entities/agency.entity.js';
import { User } from '../../users/entities/user.entity.js';

/**
 * A bearer token: personal (acts as its user) or a machine client's (one agency, named permissions).
 * Shown once at creation; only its SHA-256 is stored.
 */
@Entity({ name: 'api_tokens' })
@Index('UQ_api_tokens_hash', ['tokenHash'], { unique: true })
export class ApiToken {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: 'personal' | 'machine';

  @Column({ type: 'text' })
  name!: string;

  /** The first characters of the token, to recognise it in a list. */
  @Column({ type: 'text' })
  prefix!: string;

  @Column({ type: 'text', select: false })
  tokenHash!: string;

  /** Personal tokens: their user. */
  @Column({ type: 'uuid', nullable: true })
  userId!: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User> | null;

  /** Machine clients: their agency. */
  @Column({ type: 'uuid', nullable: true })
  agencyId!: string | null;

  @ManyToOne(() => Agency, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Relation<Agency> | null;

  /** Machine clients: what they may do. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  permissions!: Permission[];

  @Column({ type: 'uuid', nullable: true })
  createdBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

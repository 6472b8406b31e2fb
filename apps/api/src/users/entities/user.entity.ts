import { Column, Entity, Index, OneToMany, type Relation } from 'typeorm';
import { RoleAssignment } from './role-assignment.entity.js';
import { NullableText, NullableTimestamp, TextColumn } from '../../database/columns.js';
import { TimestampedRow } from '../../database/entity-base.js';

/** A person with a local password, single sign-on, or both. */
@Entity({ name: 'users' })
@Index('UQ_users_email', ['email'], { unique: true })
@Index('UQ_users_oidc_subject', ['oidcSubject'], { unique: true, where: 'oidc_subject IS NOT NULL' })
export class User extends TimestampedRow {
  /** Stored lower-case. */
  @TextColumn()
  email!: string;

  @TextColumn()
  name!: string;

  /** argon2id; null for accounts that sign in only through single sign-on. */
  @Column({ type: 'text', nullable: true, select: false })
  passwordHash!: string | null;

  /** The identity provider's subject, once the user has signed in through it. */
  @NullableText()
  oidcSubject!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @NullableTimestamp()
  lastLoginAt!: Date | null;

  @OneToMany(() => RoleAssignment, (assignment) => assignment.user)
  roles?: Relation<RoleAssignment>[];
}

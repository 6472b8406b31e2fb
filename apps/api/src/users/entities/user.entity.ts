import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  OneToMany,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { RoleAssignment } from './role-assignment.entity.js';

/** A person with a local password, single sign-on, or both. */
@Entity({ name: 'users' })
@Index('UQ_users_email', ['email'], { unique: true })
@Index('UQ_users_oidc_subject', ['oidcSubject'], { unique: true, where: 'oidc_subject IS NOT NULL' })
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-case. */
  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  name!: string;

  /** argon2id; null for accounts that sign in only through single sign-on. */
  @Column({ type: 'text', nullable: true, select: false })
  passwordHash!: string | null;

  /** The identity provider's subject, once the user has signed in through it. */
  @Column({ type: 'text', nullable: true })
  oidcSubject!: string | null;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  lastLoginAt!: Date | null;

  @OneToMany(() => RoleAssignment, (assignment) => assignment.user)
  roles?: Relation<RoleAssignment>[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

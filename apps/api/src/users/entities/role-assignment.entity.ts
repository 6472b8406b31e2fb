import type { Role } from '@yardstick/contracts';
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
import { User } from './user.entity.js';

/** A role a user holds for one agency (and its sub-agencies), or for all agencies (agencyId null). */
@Entity({ name: 'role_assignments' })
@Index('UQ_role_assignments', ['userId', 'role', 'agencyId'], { unique: true })
export class RoleAssignment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => User, (user) => user.roles, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ type: 'uuid', nullable: true })
  agencyId!: string | null;

  @ManyToOne(() => Agency, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Relation<Agency> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

import type { Role } from '@yardstick/contracts';
import { Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Agency } from '../../agencies/entities/agency.entity.js';
import { User } from './user.entity.js';
import { NullableUuid, TextColumn, UuidColumn } from '../../database/columns.js';
import { CreatedRow } from '../../database/entity-base.js';

/** A role a user holds for one agency (and its sub-agencies), or for all agencies (agencyId null). */
@Entity({ name: 'role_assignments' })
@Index('UQ_role_assignments', ['userId', 'role', 'agencyId'], { unique: true })
export class RoleAssignment extends CreatedRow {
  @UuidColumn()
  userId!: string;

  @ManyToOne(() => User, (user) => user.roles, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  @TextColumn()
  role!: Role;

  @NullableUuid()
  agencyId!: string | null;

  @ManyToOne(() => Agency, { nullable: true, onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Relation<Agency> | null;
}

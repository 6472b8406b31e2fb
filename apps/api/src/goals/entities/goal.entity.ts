import type { GoalKind } from '@yardstick/contracts';
import { Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { NullableText, NullableUuid, TextColumn } from '../../database/columns.js';
import { AgencyOwnedRow } from '../../agencies/entities/agency-owned.js';

/** A GPRAMA strategic goal, strategic objective (under a goal) or Agency Priority Goal. */
@Entity({ name: 'goals' })
@Index('UQ_goals_agency_code', ['agencyId', 'code'], { unique: true })
export class Goal extends AgencyOwnedRow {
  @TextColumn()
  kind!: GoalKind;

  /** The agency's own reference, e.g. "SG1" or "APG-2024-3". */
  @TextColumn()
  code!: string;

  @TextColumn()
  title!: string;

  @NullableText()
  description!: string | null;

  @NullableUuid()
  parentId!: string | null;

  @ManyToOne(() => Goal, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<Goal> | null;
}

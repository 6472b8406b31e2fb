import type { PlanParts, VersionStatus } from '@yardstick/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Plan } from './plan.entity.js';
import { IntegerColumn, NullableText, NullableTimestamp, UuidColumn } from '../../database/columns.js';
import { TimestampedRow } from '../../database/entity-base.js';

/** What a plan says, as of one version: its summary, the six parts, and what it links to. */
@Entity({ name: 'plan_versions' })
@Index('UQ_plan_versions_number', ['planId', 'version'], { unique: true })
export class PlanVersion extends TimestampedRow {
  @UuidColumn()
  planId!: string;

  @ManyToOne(() => Plan, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'plan_id' })
  plan?: Relation<Plan>;

  @IntegerColumn()
  version!: number;

  @Column({ type: 'text', default: 'draft' })
  status!: VersionStatus;

  @Column({ type: 'text', default: '' })
  summary!: string;

  /** The six parts of EO 13571 Sec. 2, each with approach, benefits and milestones. */
  @Column({ type: 'jsonb' })
  parts!: PlanParts;

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  standardIds!: string[];

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  benchmarkIds!: string[];

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  feedbackCollectionIds!: string[];

  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  employeeFeedbackIds!: string[];

  /** For staff only: never on a public page, file or answer. */
  @NullableText()
  staffNote!: string | null;

  @NullableTimestamp()
  publishedAt!: Date | null;
}

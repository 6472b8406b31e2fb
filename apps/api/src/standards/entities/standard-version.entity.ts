import type {
  Channel,
  Computation,
  Dimension,
  Direction,
  IndicatorKind,
  TransactionMeasure,
  Unit,
  VersionStatus,
} from '@yardstick/contracts';
import type { Frequency, ValueRange } from '@yardstick/metrics';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Goal } from '../../goals/entities/goal.entity.js';
import { Standard } from './standard.entity.js';
import {
  IntegerColumn,
  NullableNumeric,
  NullableText,
  NullableTimestamp,
  NullableUuid,
  TextColumn,
  UuidColumn,
} from '../../database/columns.js';
import { TimestampedRow } from '../../database/entity-base.js';

/** What a standard promises and how it is measured, as of one version. */
@Entity({ name: 'standard_versions' })
@Index('UQ_standard_versions_number', ['standardId', 'version'], { unique: true })
export class StandardVersion extends TimestampedRow {
  @UuidColumn()
  standardId!: string;

  @ManyToOne(() => Standard, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'standard_id' })
  standard?: Relation<Standard>;

  @IntegerColumn()
  version!: number;

  @Column({ type: 'text', default: 'draft' })
  status!: VersionStatus;

  @TextColumn()
  title!: string;

  /** The promise in plain language: "We process 90% of renewals within 6 weeks." */
  @TextColumn()
  statement!: string;

  @TextColumn()
  dimension!: Dimension;

  /** How it is measured, for the public methodology. */
  @TextColumn()
  measureDescription!: string;

  @TextColumn()
  unit!: Unit;

  @TextColumn()
  computation!: Computation;

  @TextColumn()
  direction!: Direction;

  /** For shares meeting a threshold: the threshold, e.g. 42 (days). */
  @NullableNumeric()
  thresholdValue!: number | null;

  @NullableText()
  thresholdUnit!: Unit | null;

  /** Channels the standard applies to; empty means every channel of the service. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  channelScope!: Channel[];

  @TextColumn()
  frequency!: Frequency;

  /** Width of the "near" band, in the standard's unit; null means 5% of the target. */
  @NullableNumeric()
  nearTolerance!: number | null;

  /** The source's rounding rule: results are rounded to this many decimals before comparing; null: exact. */
  @Column({ type: 'smallint', nullable: true })
  resultRounding!: number | null;

  /** The declared range of values (a 1-7 scale, a percent that may be negative); null: the unit's own. */
  @Column({ type: 'jsonb', nullable: true })
  valueRange!: ValueRange | null;

  @NullableText()
  indicatorKind!: IndicatorKind | null;

  @NullableUuid()
  goalId!: string | null;

  /** Set when the results are computed from the service's transactions; what they measure. */
  @NullableText()
  transactionMeasure!: TransactionMeasure | null;

  @ManyToOne(() => Goal, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'goal_id' })
  goal?: Relation<Goal> | null;

  @NullableTimestamp()
  publishedAt!: Date | null;
}

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
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { numeric } from '../../database/columns.js';
import { Goal } from '../../goals/entities/goal.entity.js';
import { Standard } from './standard.entity.js';

/** What a standard promises and how it is measured, as of one version. */
@Entity({ name: 'standard_versions' })
@Index('UQ_standard_versions_number', ['standardId', 'version'], { unique: true })
export class StandardVersion {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  standardId!: string;

  @ManyToOne(() => Standard, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'standard_id' })
  standard?: Relation<Standard>;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'text', default: 'draft' })
  status!: VersionStatus;

  @Column({ type: 'text' })
  title!: string;

  /** The promise in plain language: "We process 90% of renewals within 6 weeks." */
  @Column({ type: 'text' })
  statement!: string;

  @Column({ type: 'text' })
  dimension!: Dimension;

  /** How it is measured, for the public methodology. */
  @Column({ type: 'text' })
  measureDescription!: string;

  @Column({ type: 'text' })
  unit!: Unit;

  @Column({ type: 'text' })
  computation!: Computation;

  @Column({ type: 'text' })
  direction!: Direction;

  /** For shares meeting a threshold: the threshold, e.g. 42 (days). */
  @Column({ type: 'numeric', nullable: true, transformer: numeric })
  thresholdValue!: number | null;

  @Column({ type: 'text', nullable: true })
  thresholdUnit!: Unit | null;

  /** Channels the standard applies to; empty means every channel of the service. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  channelScope!: Channel[];

  @Column({ type: 'text' })
  frequency!: Frequency;

  /** Width of the "near" band, in the standard's unit; null means 5% of the target. */
  @Column({ type: 'numeric', nullable: true, transformer: numeric })
  nearTolerance!: number | null;

  /** The source's rounding rule: results are rounded to this many decimals before comparing; null: exact. */
  @Column({ type: 'smallint', nullable: true })
  resultRounding!: number | null;

  /** The declared range of values (a 1-7 scale, a percent that may be negative); null: the unit's own. */
  @Column({ type: 'jsonb', nullable: true })
  valueRange!: ValueRange | null;

  @Column({ type: 'text', nullable: true })
  indicatorKind!: IndicatorKind | null;

  @Column({ type: 'uuid', nullable: true })
  goalId!: string | null;

  /** Set when the results are computed from the service's transactions; what they measure. */
  @Column({ type: 'text', nullable: true })
  transactionMeasure!: TransactionMeasure | null;

  @ManyToOne(() => Goal, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'goal_id' })
  goal?: Relation<Goal> | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

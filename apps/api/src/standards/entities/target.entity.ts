import type { Unit } from '@yardstick/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Standard } from './standard.entity.js';
import { NullableNumeric, NullableText, TextColumn, UuidColumn } from '../../database/columns.js';
import { TimestampedRow } from '../../database/entity-base.js';

/** A standard's target for a fiscal year, or for one quarter of it. */
@Entity({ name: 'targets' })
@Index('UQ_targets_standard_period', ['standardId', 'fiscalYear', 'quarter'], { unique: true })
@Check('CK_targets_quarter', 'quarter BETWEEN 0 AND 4')
@Check('CK_targets_range', 'min_value IS NULL OR max_value IS NULL OR min_value <= max_value')
export class Target extends TimestampedRow {
  @UuidColumn()
  standardId!: string;

  @ManyToOne(() => Standard, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'standard_id' })
  standard?: Relation<Standard>;

  @Column({ type: 'smallint' })
  fiscalYear!: number;

  /** 1-4 for a quarter's target; 0 for the whole fiscal year (0, not null, so the key stays unique). */
  @Column({ type: 'smallint', default: 0 })
  quarter!: number;

  /** The target for higher- or lower-is-better measures. */
  @NullableNumeric()
  value!: number | null;

  /** The range for within-range measures. */
  @NullableNumeric()
  minValue!: number | null;

  @NullableNumeric()
  maxValue!: number | null;

  @TextColumn()
  unit!: Unit;

  /** Starting point for progress: (current - baseline) / (target - baseline). */
  @NullableNumeric()
  baseline!: number | null;

  @NullableText()
  note!: string | null;
}

import { Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Result } from './result.entity.js';
import { NullableText, TextColumn, UuidColumn } from '../../database/columns.js';
import { TimestampedRow } from '../../database/entity-base.js';

/** Why a target was missed and what will be done about it (GPRAMA); published with the result. */
@Entity({ name: 'explanations' })
@Index('UQ_explanations_result', ['resultId'], { unique: true })
export class Explanation extends TimestampedRow {
  @UuidColumn()
  resultId!: string;

  @ManyToOne(() => Result, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'result_id' })
  result?: Relation<Result>;

  @TextColumn()
  why!: string;

  @TextColumn()
  action!: string;

  @NullableText()
  writtenBy!: string | null;
}

import { Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Result } from './result.entity.js';
import {
  IntegerColumn,
  NullableBigint,
  NullableInteger,
  NullableNumeric,
  NullableText,
  NullableUuid,
  UuidColumn,
} from '../../database/columns.js';
import { CreatedRow } from '../../database/entity-base.js';

/**
 * Every figure a result has had, the current one included: a correction never overwrites history.
 * Written in the same transaction as the change to the result.
 */
@Entity({ name: 'result_revisions' })
@Index('UQ_result_revisions_number', ['resultId', 'revision'], { unique: true })
export class ResultRevision extends CreatedRow {
  @UuidColumn()
  resultId!: string;

  @ManyToOne(() => Result, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'result_id' })
  result?: Relation<Result>;

  @IntegerColumn()
  revision!: number;

  @NullableNumeric()
  value!: number | null;

  @NullableBigint()
  numerator!: number | null;

  @NullableBigint()
  denominator!: number | null;

  @NullableInteger()
  sampleSize!: number | null;

  @NullableText()
  source!: string | null;

  @NullableText()
  dataQualityNote!: string | null;

  /** Who recorded this figure: a user or token id. */
  @NullableText()
  recordedBy!: string | null;

  /** The import batch it came in, if any. */
  @NullableUuid()
  batchId!: string | null;
}

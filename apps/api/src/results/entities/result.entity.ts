import type { ResultChannel } from '@yardstick/contracts';
import type { Frequency } from '@yardstick/metrics';
import { Check, Column, Entity, Index } from 'typeorm';
import {
  NullableBigint,
  NullableInteger,
  NullableNumeric,
  NullableText,
  NullableTimestamp,
  NullableUuid,
  TextColumn,
  UuidColumn,
} from '../../database/columns.js';
import { TimestampedRow } from '../../database/entity-base.js';

/**
 * A measured value of a standard for one period and channel ('all' when it covers every channel).
 * Blank (not known) is null, never 0. (standard, period, channel) is the natural key.
 */
@Entity({ name: 'results' })
@Index('UQ_results_standard_period_channel', ['standardId', 'periodKey', 'channel'], { unique: true })
@Index('IX_results_agency_period', ['agencyId', 'periodStart'])
// The import audit reads the results of one batch.
@Index('IX_results_batch', ['batchId'])
@Check('CK_results_counts', 'numerator >= 0 AND denominator >= 0 AND numerator <= denominator')
@Check('CK_results_sample_size', 'sample_size >= 0')
export class Result extends TimestampedRow {
  @UuidColumn()
  standardId!: string;

  // No foreign key: the trigger results_standards_exist (migration AddResultProvenance) checks the
  // standards of each INSERT statement once, set-based, and standards_keep_results refuses to delete a
  // standard that has results. A row-by-row foreign key cost a million lookups on a million-row import.

  /** The standard's agency, kept here so large result tables can be keyed and scoped by agency. */
  @UuidColumn()
  agencyId!: string;

  /** `2026-03`, `FY2026-Q2` or `FY2026`. */
  @TextColumn()
  periodKey!: string;

  @TextColumn()
  frequency!: Frequency;

  @Column({ type: 'date' })
  periodStart!: string;

  @Column({ type: 'date' })
  periodEnd!: string;

  @Column({ type: 'smallint' })
  fiscalYear!: number;

  @Column({ type: 'text', default: 'all' })
  channel!: ResultChannel;

  @NullableNumeric()
  value!: number | null;

  @NullableBigint()
  numerator!: number | null;

  @NullableBigint()
  denominator!: number | null;

  @NullableInteger()
  sampleSize!: number | null;

  /** Where the figure comes from (system, survey, report). */
  @NullableText()
  source!: string | null;

  @NullableText()
  dataQualityNote!: string | null;

  @Column({ type: 'integer', default: 1 })
  revision!: number;

  /** Who recorded the current figures (user or token id); earlier revisions are in result_revisions. */
  @NullableText()
  recordedBy!: string | null;

  /** The import batch the current figures came in, if any. */
  @NullableUuid()
  batchId!: string | null;

  /** When the current figures were recorded (a certification does not change it, unlike updatedAt). */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;

  /** Results go public once certified; a new revision needs certifying again. */
  @NullableTimestamp()
  certifiedAt!: Date | null;

  /** The approver (user id) who certified it. */
  @NullableText()
  certifiedBy!: string | null;
}

import type { ResultChannel } from '@yardstick/contracts';
import type { Frequency } from '@yardstick/metrics';
import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { numeric } from '../../database/columns.js';

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
export class Result {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  standardId!: string;

  // No foreign key: the trigger results_standards_exist (migration AddResultProvenance) checks the
  // standards of each INSERT statement once, set-based, and standards_keep_results refuses to delete a
  // standard that has results. A row-by-row foreign key cost a million lookups on a million-row import.

  /** The standard's agency, kept here so large result tables can be keyed and scoped by agency. */
  @Column({ type: 'uuid' })
  agencyId!: string;

  /** `2026-03`, `FY2026-Q2` or `FY2026`. */
  @Column({ type: 'text' })
  periodKey!: string;

  @Column({ type: 'text' })
  frequency!: Frequency;

  @Column({ type: 'date' })
  periodStart!: string;

  @Column({ type: 'date' })
  periodEnd!: string;

  @Column({ type: 'smallint' })
  fiscalYear!: number;

  @Column({ type: 'text', default: 'all' })
  channel!: ResultChannel;

  @Column({ type: 'numeric', nullable: true, transformer: numeric })
  value!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: numeric })
  numerator!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: numeric })
  denominator!: number | null;

  @Column({ type: 'integer', nullable: true })
  sampleSize!: number | null;

  /** Where the figure comes from (system, survey, report). */
  @Column({ type: 'text', nullable: true })
  source!: string | null;

  @Column({ type: 'text', nullable: true })
  dataQualityNote!: string | null;

  @Column({ type: 'integer', default: 1 })
  revision!: number;

  /** Who recorded the current figures (user or token id); earlier revisions are in result_revisions. */
  @Column({ type: 'text', nullable: true })
  recordedBy!: string | null;

  /** The import batch the current figures came in, if any. */
  @Column({ type: 'uuid', nullable: true })
  batchId!: string | null;

  /** When the current figures were recorded (a certification does not change it, unlike updatedAt). */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  recordedAt!: Date;

  /** Results go public once certified; a new revision needs certifying again. */
  @Column({ type: 'timestamptz', nullable: true })
  certifiedAt!: Date | null;

  /** The approver (user id) who certified it. */
  @Column({ type: 'text', nullable: true })
  certifiedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

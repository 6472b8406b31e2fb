import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { numeric } from '../../database/columns.js';
import { Result } from './result.entity.js';

/**
 * Every figure a result has had, the current one included: a correction never overwrites history.
 * Written in the same transaction as the change to the result.
 */
@Entity({ name: 'result_revisions' })
@Index('UQ_result_revisions_number', ['resultId', 'revision'], { unique: true })
export class ResultRevision {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  resultId!: string;

  @ManyToOne(() => Result, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'result_id' })
  result?: Relation<Result>;

  @Column({ type: 'integer' })
  revision!: number;

  @Column({ type: 'numeric', nullable: true, transformer: numeric })
  value!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: numeric })
  numerator!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: numeric })
  denominator!: number | null;

  @Column({ type: 'integer', nullable: true })
  sampleSize!: number | null;

  @Column({ type: 'text', nullable: true })
  source!: string | null;

  @Column({ type: 'text', nullable: true })
  dataQualityNote!: string | null;

  /** Who recorded this figure: a user or token id. */
  @Column({ type: 'text', nullable: true })
  recordedBy!: string | null;

  /** The import batch it came in, if any. */
  @Column({ type: 'uuid', nullable: true })
  batchId!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

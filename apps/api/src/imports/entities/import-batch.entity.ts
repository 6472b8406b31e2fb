import type { ImportMode, ImportStatus } from '@yardstick/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { numeric } from '../../database/columns.js';

export { IMPORT_MODES, type ImportMode } from '@yardstick/contracts';

/** One upload: who, when, what file, what it changed, and every row error. */
@Entity({ name: 'import_batches' })
@Index('IX_import_batches_created', ['createdAt'])
export class ImportBatch {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  format!: string;

  @Column({ type: 'text' })
  mode!: ImportMode;

  @Column({ type: 'text', default: 'running' })
  status!: ImportStatus;

  @Column({ type: 'text', nullable: true })
  fileName!: string | null;

  /** SHA-256 of the bytes received. */
  @Column({ type: 'text', nullable: true })
  fileHash!: string | null;

  @Column({ type: 'text', nullable: true })
  createdBy!: string | null;

  /** Rows read so far, for progress bars while the import runs. */
  @Column({ type: 'integer', default: 0 })
  rowsRead!: number;

  /** Bytes of the upload received so far, and in all when the client said (Content-Length): for progress bars. */
  @Column({ type: 'bigint', default: 0, transformer: numeric })
  bytesRead!: number;

  @Column({ type: 'bigint', nullable: true, transformer: numeric })
  bytesTotal!: number | null;

  @Column({ type: 'integer', default: 0 })
  inserted!: number;

  @Column({ type: 'integer', default: 0 })
  updated!: number;

  @Column({ type: 'integer', default: 0 })
  unchanged!: number;

  @Column({ type: 'integer', default: 0 })
  errorCount!: number;

  /** The first errors (line, column, value, reason); errorCount says how many there were in all. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  errors!: unknown[];

  @Column({ type: 'integer', default: 0 })
  warningCount!: number;

  /** The first warnings: rows imported, but with something worth a look (a file figure that disagrees, say). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  warnings!: unknown[];

  /** Registry records a service standards or APR file created or changed (agencies, services, standards, ...). */
  @Column({ type: 'jsonb', nullable: true })
  registry!: Record<string, number> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}

import type { ImportMode, ImportStatus } from '@yardstick/contracts';
import { Column, Entity, Index } from 'typeorm';
import { NullableText, NullableTimestamp, TextColumn, numeric } from '../../database/columns.js';
import { CreatedRow } from '../../database/entity-base.js';

export { IMPORT_MODES, type ImportMode } from '@yardstick/contracts';

/** One upload: who, when, what file, what it changed, and every row error. */
@Entity({ name: 'import_batches' })
@Index('IX_import_batches_created', ['createdAt'])
export class ImportBatch extends CreatedRow {
  @TextColumn()
  format!: string;

  @TextColumn()
  mode!: ImportMode;

  @Column({ type: 'text', default: 'running' })
  status!: ImportStatus;

  @NullableText()
  fileName!: string | null;

  /** SHA-256 of the bytes received. */
  @NullableText()
  fileHash!: string | null;

  @NullableText()
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

  @NullableTimestamp()
  finishedAt!: Date | null;
}

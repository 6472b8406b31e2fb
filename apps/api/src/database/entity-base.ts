import { CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * What most rows share: a uuid key and the time they were written. Abstract, no @Entity: each subclass keeps its
 * own table and these columns land in it (TypeORM's concrete table inheritance), so the schema is unchanged.
 */
export abstract class CreatedRow {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** A row that is edited in place: also the time of its last change. */
export abstract class TimestampedRow extends CreatedRow {
  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

import type { Unit } from '@yardstick/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { numeric } from '../../database/columns.js';

/** A best-in-business comparison, e.g. an industry satisfaction index, with its source. */
@Entity({ name: 'benchmarks' })
export class Benchmark {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'text' })
  sourceOrganization!: string;

  @Column({ type: 'text', nullable: true })
  sourceUrl!: string | null;

  @Column({ type: 'smallint' })
  year!: number;

  @Column({ type: 'numeric', transformer: numeric })
  value!: number;

  @Column({ type: 'text' })
  unit!: Unit;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

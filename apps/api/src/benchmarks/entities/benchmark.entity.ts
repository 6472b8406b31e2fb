import type { Unit } from '@yardstick/contracts';
import { Column, Entity } from 'typeorm';
import { NullableText, TextColumn, numeric } from '../../database/columns.js';
import { TimestampedRow } from '../../database/entity-base.js';

/** A best-in-business comparison, e.g. an industry satisfaction index, with its source. */
@Entity({ name: 'benchmarks' })
export class Benchmark extends TimestampedRow {
  @TextColumn()
  name!: string;

  @NullableText()
  description!: string | null;

  @TextColumn()
  sourceOrganization!: string;

  @NullableText()
  sourceUrl!: string | null;

  @Column({ type: 'smallint' })
  year!: number;

  @Column({ type: 'numeric', transformer: numeric })
  value!: number;

  @TextColumn()
  unit!: Unit;
}

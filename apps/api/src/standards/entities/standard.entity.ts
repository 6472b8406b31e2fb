import type { StandardStatus } from '@yardstick/contracts';
import { Column, Entity, Index, JoinColumn, JoinTable, ManyToMany, ManyToOne, type Relation } from 'typeorm';
import { Benchmark } from '../../benchmarks/entities/benchmark.entity.js';
import { Service } from '../../services/entities/service.entity.js';
import { StandardVersion } from './standard-version.entity.js';
import { NullableTimestamp, NullableUuid, TextColumn, UuidColumn } from '../../database/columns.js';
import { AgencyOwnedRow } from '../../agencies/entities/agency-owned.js';

/**
 * A service standard: its identity and lifecycle. What it promises lives in its versions; a published
 * version is never edited: an edit makes a new draft version, and publishing it supersedes the old one.
 */
@Entity({ name: 'standards' })
@Index('UQ_standards_agency_code', ['agencyId', 'code'], { unique: true })
@Index('IX_standards_service', ['serviceId'])
export class Standard extends AgencyOwnedRow {
  @UuidColumn()
  serviceId!: string;

  @ManyToOne(() => Service, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'service_id' })
  service?: Relation<Service>;

  /** Stable external key within the agency (with the agency's abbreviation), e.g. "PPT-RENEW-TIME". */
  @TextColumn()
  code!: string;

  @Column({ type: 'text', default: 'draft' })
  status!: StandardStatus;

  /** The version the public sees; null until first published. */
  @NullableUuid()
  publishedVersionId!: string | null;

  @ManyToOne(() => StandardVersion, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'published_version_id' })
  publishedVersion?: Relation<StandardVersion> | null;

  /** A draft or in-review version waiting to be published; at most one. */
  @NullableUuid()
  pendingVersionId!: string | null;

  @ManyToOne(() => StandardVersion, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'pending_version_id' })
  pendingVersion?: Relation<StandardVersion> | null;

  @ManyToMany(() => Benchmark)
  @JoinTable({
    name: 'standard_benchmarks',
    joinColumn: { name: 'standard_id', referencedColumnName: 'id' },
    inverseJoinColumn: { name: 'benchmark_id', referencedColumnName: 'id' },
  })
  benchmarks?: Relation<Benchmark>[];

  @NullableTimestamp()
  retiredAt!: Date | null;
}

import type { PlanStatus } from '@yardstick/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { PlanVersion } from './plan-version.entity.js';
import { IntegerColumn, NullableUuid } from '../../database/columns.js';
import { AgencyOwnedRow } from '../../agencies/entities/agency-owned.js';

/**
 * An agency's Customer Service Plan for one fiscal year (EO 13571 Sec. 2-3). What it says lives in its versions:
 * a published version is never edited; an edit makes a new draft version, and publishing it supersedes the old one.
 */
@Entity({ name: 'plans' })
@Index('UQ_plans_agency_fiscal_year', ['agencyId', 'fiscalYear'], { unique: true })
export class Plan extends AgencyOwnedRow {
  @IntegerColumn()
  fiscalYear!: number;

  @Column({ type: 'text', default: 'draft' })
  status!: PlanStatus;

  /** The version the public sees; null until first published. */
  @NullableUuid()
  publishedVersionId!: string | null;

  @ManyToOne(() => PlanVersion, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'published_version_id' })
  publishedVersion?: Relation<PlanVersion> | null;

  /** A draft or in-review version waiting to be published; at most one. */
  @NullableUuid()
  pendingVersionId!: string | null;

  @ManyToOne(() => PlanVersion, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'pending_version_id' })
  pendingVersion?: Relation<PlanVersion> | null;
}

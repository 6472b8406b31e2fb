import type { CxCollectionStatus } from '@yardstick/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Service } from '../../services/entities/service.entity.js';
import { NullableText, NullableTimestamp, NullableUuid, UuidColumn } from '../../database/columns.js';
import { TimestampedRow } from '../../database/entity-base.js';

/** A service's customer feedback for one fiscal quarter (A-11 Section 280): one per service and quarter. */
@Entity({ name: 'cx_collections' })
@Index('UQ_cx_collections_service_quarter', ['serviceId', 'fiscalYear', 'quarter'], { unique: true })
@Index('IX_cx_collections_agency', ['agencyId', 'fiscalYear'])
@Check('CK_cx_collections_quarter', 'quarter BETWEEN 1 AND 4')
export class CxCollection extends TimestampedRow {
  @UuidColumn()
  serviceId!: string;

  @ManyToOne(() => Service, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'service_id' })
  service?: Relation<Service>;

  /** The service's agency, kept here to scope by agency. */
  @UuidColumn()
  agencyId!: string;

  @Column({ type: 'smallint' })
  fiscalYear!: number;

  @Column({ type: 'smallint' })
  quarter!: number;

  @Column({ type: 'text', default: 'draft' })
  status!: CxCollectionStatus;

  /** The survey reaches whoever answers it, not a random sample: the public page says so. */
  @Column({ type: 'boolean', default: true })
  notRandomSample!: boolean;

  @NullableText()
  surveyMethod!: string | null;

  @NullableTimestamp()
  submittedAt!: Date | null;

  @NullableUuid()
  submittedBy!: string | null;

  @NullableTimestamp()
  publishedAt!: Date | null;

  @NullableUuid()
  publishedBy!: string | null;
}

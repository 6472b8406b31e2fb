import type { CxCollectionStatus } from '@yardstick/contracts';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { Service } from '../../services/entities/service.entity.js';

/** A service's customer feedback for one fiscal quarter (A-11 Section 280): one per service and quarter. */
@Entity({ name: 'cx_collections' })
@Index('UQ_cx_collections_service_quarter', ['serviceId', 'fiscalYear', 'quarter'], { unique: true })
@Index('IX_cx_collections_agency', ['agencyId', 'fiscalYear'])
@Check('CK_cx_collections_quarter', 'quarter BETWEEN 1 AND 4')
export class CxCollection {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  serviceId!: string;

  @ManyToOne(() => Service, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'service_id' })
  service?: Relation<Service>;

  /** The service's agency, kept here to scope by agency. */
  @Column({ type: 'uuid' })
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

  @Column({ type: 'text', nullable: true })
  surveyMethod!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  submittedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  publishedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

import type { Channel, ComplaintRoute, ServiceChannelDetail } from '@yardstick/contracts';
import {
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
import { Agency } from '../../agencies/entities/agency.entity.js';

/** What an agency provides to the public, e.g. "Passport renewal". */
@Entity({ name: 'services' })
@Index('UQ_services_slug', ['slug'], { unique: true })
@Index('IX_services_agency', ['agencyId'])
export class Service {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  agencyId!: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Relation<Agency>;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  slug!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  /** Who the service serves, in plain language. */
  @Column({ type: 'text', nullable: true })
  customers!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  channels!: Channel[];

  /** A High Impact Service Provider (HISP) service. */
  @Column({ type: 'boolean', default: false })
  hisp!: boolean;

  @Column({ type: 'text', nullable: true })
  publicUrl!: string | null;

  /** Each channel offered, with its hours and how to reach it (EO 12862 f). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  channelDetails!: ServiceChannelDetail[];

  /** How to complain or appeal (EO 12862 g, h); null until given. */
  @Column({ type: 'jsonb', nullable: true })
  complaints!: ComplaintRoute | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

import type { Channel, ComplaintRoute, ServiceChannelDetail } from '@yardstick/contracts';
import { Column, Entity, Index } from 'typeorm';
import { NullableText, TextColumn } from '../../database/columns.js';
import { AgencyOwnedRow } from '../../agencies/entities/agency-owned.js';

/** What an agency provides to the public, e.g. "Passport renewal". */
@Entity({ name: 'services' })
@Index('UQ_services_slug', ['slug'], { unique: true })
@Index('IX_services_agency', ['agencyId'])
export class Service extends AgencyOwnedRow {
  @TextColumn()
  name!: string;

  @TextColumn()
  slug!: string;

  @NullableText()
  description!: string | null;

  /** Who the service serves, in plain language. */
  @NullableText()
  customers!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  channels!: Channel[];

  /** A High Impact Service Provider (HISP) service. */
  @Column({ type: 'boolean', default: false })
  hisp!: boolean;

  @NullableText()
  publicUrl!: string | null;

  /** Each channel offered, with its hours and how to reach it (EO 12862 f). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  channelDetails!: ServiceChannelDetail[];

  /** How to complain or appeal (EO 12862 g, h); null until given. */
  @Column({ type: 'jsonb', nullable: true })
  complaints!: ComplaintRoute | null;
}

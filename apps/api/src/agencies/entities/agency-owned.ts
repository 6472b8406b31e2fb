import { JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { UuidColumn } from '../../database/columns.js';
import { TimestampedRow } from '../../database/entity-base.js';
import { Agency } from './agency.entity.js';

/** A row that belongs to one agency, kept on the row so that every query can be scoped by agency. */
export abstract class AgencyOwnedRow extends TimestampedRow {
  @UuidColumn()
  agencyId!: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Relation<Agency>;
}

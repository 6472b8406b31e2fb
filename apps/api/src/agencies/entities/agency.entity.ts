import { Check, Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { NullableText, NullableUuid, TextColumn } from '../../database/columns.js';
import { TimestampedRow } from '../../database/entity-base.js';

/** A department, or a bureau under one (parentId). */
@Entity({ name: 'agencies' })
@Index('UQ_agencies_slug', ['slug'], { unique: true })
@Index('UQ_agencies_abbreviation', ['abbreviation'], { unique: true })
@Check('CK_agencies_fiscal_year_start_month', 'fiscal_year_start_month BETWEEN 1 AND 12')
@Check('CK_agencies_bureau_code', `"bureau_code" ~ '^[0-9]{3}:[0-9]{2}$'`)
@Check('CK_agencies_program_codes', `array_to_string("program_codes", ',') ~ '^([0-9]{3}:[0-9]{3}(,|$))*$'`)
export class Agency extends TimestampedRow {
  @TextColumn()
  name!: string;

  @TextColumn()
  abbreviation!: string;

  @TextColumn()
  slug!: string;

  @NullableUuid()
  parentId!: string | null;

  @ManyToOne(() => Agency, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<Agency> | null;

  @NullableText()
  websiteUrl!: string | null;

  /** Calendar month 1-12 the fiscal year starts in: 10 (October) for the US, 4 for Canada. */
  @Column({ type: 'smallint', default: 10 })
  fiscalYearStartMonth!: number;
  /** OMB bureau code (agency:bureau, e.g. "016:00"), for the open data catalog (DCAT-US bureauCode). */
  @NullableText()
  bureauCode!: string | null;

  /** Federal Program Inventory codes (agency:program, e.g. "016:000"), for the catalog's programCode. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  programCodes!: string[];

  /** Where the public writes about the agency's published data: the catalog's contactPoint. */
  @NullableText()
  contactEmail!: string | null;
}

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

/** A department, or a bureau under one (parentId). */
@Entity({ name: 'agencies' })
@Index('UQ_agencies_slug', ['slug'], { unique: true })
@Index('UQ_agencies_abbreviation', ['abbreviation'], { unique: true })
@Check('CK_agencies_fiscal_year_start_month', 'fiscal_year_start_month BETWEEN 1 AND 12')
@Check('CK_agencies_bureau_code', `"bureau_code" ~ '^[0-9]{3}:[0-9]{2}$'`)
@Check('CK_agencies_program_codes', `array_to_string("program_codes", ',') ~ '^([0-9]{3}:[0-9]{3}(,|$))*$'`)
export class Agency {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  abbreviation!: string;

  @Column({ type: 'text' })
  slug!: string;

  @Column({ type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => Agency, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Relation<Agency> | null;

  @Column({ type: 'text', nullable: true })
  websiteUrl!: string | null;

  /** Calendar month 1-12 the fiscal year starts in: 10 (October) for the US, 4 for Canada. */
  @Column({ type: 'smallint', default: 10 })
  fiscalYearStartMonth!: number;
  /** OMB bureau code (agency:bureau, e.g. "016:00"), for the open data catalog (DCAT-US bureauCode). */
  @Column({ type: 'text', nullable: true })
  bureauCode!: string | null;

  /** Federal Program Inventory codes (agency:program, e.g. "016:000"), for the catalog's programCode. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  programCodes!: string[];

  /** Where the public writes about the agency's published data: the catalog's contactPoint. */
  @Column({ type: 'text', nullable: true })
  contactEmail!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

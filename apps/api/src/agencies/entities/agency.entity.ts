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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

import { CreateDateColumn, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Standard } from '../../standards/entities/standard.entity.js';
import { TextColumn } from '../../database/columns.js';

/**
 * A survey-based satisfaction standard and the A-11 question of its service's collections it is measured by:
 * when a collection is published, the standard's quarterly result is computed from it (positive answers of
 * respondents, with the sample size), through the results loader.
 */
@Entity({ name: 'cx_standard_questions' })
export class CxStandardQuestion {
  @PrimaryColumn({ type: 'uuid' })
  standardId!: string;

  @OneToOne(() => Standard, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'standard_id' })
  standard?: Standard;

  /** trust, satisfaction, effectiveness, ease, efficiency, transparency or employee. */
  @TextColumn()
  question!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

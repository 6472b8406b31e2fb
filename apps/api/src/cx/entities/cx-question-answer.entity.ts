import { Check, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CxCollectionDetail } from './cx-collection-detail.entity.js';
import { NullableBigint, NullableNumeric, NullableText, TextColumn, UuidColumn } from '../../database/columns.js';

/**
 * One question of a survey, as asked: FY2019-23 answers counted per point of 1-5 (v1), or an average score
 * published without counts (performance.gov), kept as an average and never turned into counts.
 */
@Entity({ name: 'cx_question_answers' })
@Index('UQ_cx_question_answers_question', ['detailId', 'question'], { unique: true })
@Check(
  'CK_cx_question_answers_counts',
  'count1 >= 0 AND count2 >= 0 AND count3 >= 0 AND count4 >= 0 AND count5 >= 0 AND average_score BETWEEN 1 AND 5',
)
export class CxQuestionAnswer {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @UuidColumn()
  detailId!: string;

  @ManyToOne(() => CxCollectionDetail, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'detail_id' })
  detail?: CxCollectionDetail;

  /** satisfaction, trust, effectiveness, ease, efficiency, transparency, employee. */
  @TextColumn()
  question!: string;

  @NullableText()
  questionText!: string | null;

  @NullableBigint()
  count1!: number | null;

  @NullableBigint()
  count2!: number | null;

  @NullableBigint()
  count3!: number | null;

  @NullableBigint()
  count4!: number | null;

  @NullableBigint()
  count5!: number | null;

  @NullableNumeric()
  averageScore!: number | null;
}

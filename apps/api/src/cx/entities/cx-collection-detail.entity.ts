import type { Channel, CxQuestionSet, CxSurveyType, CxTransactionPoint } from '@yardstick/contracts';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CxCollection } from './cx-collection.entity.js';
import { NullableBigint, NullableText, TextColumn, UuidColumn } from '../../database/columns.js';
import { CreatedRow } from '../../database/entity-base.js';

/** One survey of a collection: its channel, how it was asked and its three volumes. One per channel. */
@Entity({ name: 'cx_collection_details' })
@Index('UQ_cx_collection_details_channel', ['collectionId', 'channel'], { unique: true })
@Check(
  'CK_cx_collection_details_volumes',
  'respondents >= 0 AND surveys_offered >= 0 AND customers_served >= 0 AND respondents <= surveys_offered AND surveys_offered <= customers_served AND respondents <= customers_served',
)
export class CxCollectionDetail extends CreatedRow {
  @UuidColumn()
  collectionId!: string;

  @ManyToOne(() => CxCollection, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'collection_id' })
  collection?: CxCollection;

  @TextColumn()
  channel!: Channel;

  @Column({ type: 'text', default: 'post_interaction' })
  transactionPoint!: CxTransactionPoint;

  @TextColumn()
  surveyType!: CxSurveyType;

  @TextColumn()
  questionSet!: CxQuestionSet;

  @NullableText()
  trustQuestion!: string | null;

  @NullableText()
  ombControlNumber!: string | null;

  @NullableBigint()
  customersServed!: number | null;

  @NullableBigint()
  surveysOffered!: number | null;

  @NullableBigint()
  respondents!: number | null;
}

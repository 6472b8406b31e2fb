import type { Channel, CxQuestionSet, CxSurveyType, CxTransactionPoint } from '@yardstick/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { numeric } from '../../database/columns.js';
import { CxCollection } from './cx-collection.entity.js';

/** One survey of a collection: its channel, how it was asked and its three volumes. One per channel. */
@Entity({ name: 'cx_collection_details' })
@Index('UQ_cx_collection_details_channel', ['collectionId', 'channel'], { unique: true })
@Check(
  'CK_cx_collection_details_volumes',
  'respondents >= 0 AND surveys_offered >= 0 AND customers_served >= 0 AND respondents <= surveys_offered AND surveys_offered <= customers_served AND respondents <= customers_served',
)
export class CxCollectionDetail {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  collectionId!: string;

  @ManyToOne(() => CxCollection, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'collection_id' })
  collection?: CxCollection;

  @Column({ type: 'text' })
  channel!: Channel;

  @Column({ type: 'text', default: 'post_interaction' })
  transactionPoint!: CxTransactionPoint;

  @Column({ type: 'text' })
  surveyType!: CxSurveyType;

  @Column({ type: 'text' })
  questionSet!: CxQuestionSet;

  @Column({ type: 'text', nullable: true })
  trustQuestion!: string | null;

  @Column({ type: 'text', nullable: true })
  ombControlNumber!: string | null;

  @Column({ type: 'bigint', nullable: true, transformer: numeric })
  customersServed!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: numeric })
  surveysOffered!: number | null;

  @Column({ type: 'bigint', nullable: true, transformer: numeric })
  respondents!: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

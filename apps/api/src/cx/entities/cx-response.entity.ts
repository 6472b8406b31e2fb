import { Check, Column, Entity, PrimaryColumn } from 'typeorm';
import { NullableText, UuidColumn } from '../../database/columns.js';

/**
 * One FY2024+ (v2) response, keyed by its collection and the survey's own id (re-uploading a file changes
 * nothing). No foreign keys or secondary indexes: a million rows load at close to COPY speed; the import
 * checks the collection and detail, and deleting a collection deletes its responses (cx.service).
 * The free text of question 4 is never published.
 */
@Entity({ name: 'cx_responses' })
@Check('CK_cx_responses_trust', 'trust BETWEEN 0 AND 5')
export class CxResponse {
  @PrimaryColumn({ type: 'uuid' })
  collectionId!: string;

  @PrimaryColumn({ type: 'text' })
  externalId!: string;

  @UuidColumn()
  detailId!: string;

  /** Thumbs: 1 up, 0 down; 1-5 Likert: 4 and 5 positive. */
  @Column({ type: 'smallint' })
  trust!: number;

  @Column({ type: 'boolean' }) positiveEffectiveness!: boolean;
  @Column({ type: 'boolean' }) positiveEase!: boolean;
  @Column({ type: 'boolean' }) positiveEfficiency!: boolean;
  @Column({ type: 'boolean' }) positiveTransparency!: boolean;
  @Column({ type: 'boolean' }) positiveHumanity!: boolean;
  @Column({ type: 'boolean' }) positiveEmployee!: boolean;
  @Column({ type: 'boolean' }) positiveOther!: boolean;
  @Column({ type: 'boolean' }) negativeEffectiveness!: boolean;
  @Column({ type: 'boolean' }) negativeEase!: boolean;
  @Column({ type: 'boolean' }) negativeEfficiency!: boolean;
  @Column({ type: 'boolean' }) negativeTransparency!: boolean;
  @Column({ type: 'boolean' }) negativeHumanity!: boolean;
  @Column({ type: 'boolean' }) negativeEmployee!: boolean;
  @Column({ type: 'boolean' }) negativeOther!: boolean;

  @NullableText()
  freeText!: string | null;
}

import { Entity, Index } from 'typeorm';
import { NullableText, NullableUuid, TextColumn, UuidColumn } from '../../database/columns.js';
import { CreatedRow } from '../../database/entity-base.js';

/** What an approver said when returning a standard or a result to its officer. Kept, never edited. */
@Entity({ name: 'review_comments' })
@Index('IX_review_comments_entity', ['entityType', 'entityId', 'createdAt'])
export class ReviewComment extends CreatedRow {
  @TextColumn()
  entityType!: 'standard' | 'result' | 'plan' | 'cx_collection';

  @UuidColumn()
  entityId!: string;

  @UuidColumn()
  agencyId!: string;

  @TextColumn()
  comment!: string;

  /** The user (or token) who returned it. */
  @NullableUuid()
  authorId!: string | null;

  @NullableText()
  authorName!: string | null;
}

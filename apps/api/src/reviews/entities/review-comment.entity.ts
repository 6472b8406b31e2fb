import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What an approver said when returning a standard or a result to its officer. Kept, never edited. */
@Entity({ name: 'review_comments' })
@Index('IX_review_comments_entity', ['entityType', 'entityId', 'createdAt'])
export class ReviewComment {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  entityType!: 'standard' | 'result' | 'plan' | 'cx_collection';

  @Column({ type: 'uuid' })
  entityId!: string;

  @Column({ type: 'uuid' })
  agencyId!: string;

  @Column({ type: 'text' })
  comment!: string;

  /** The user (or token) who returned it. */
  @Column({ type: 'uuid', nullable: true })
  authorId!: string | null;

  @Column({ type: 'text', nullable: true })
  authorName!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

import {
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
import { Result } from './result.entity.js';

/** Why a target was missed and what will be done about it (GPRAMA); published with the result. */
@Entity({ name: 'explanations' })
@Index('UQ_explanations_result', ['resultId'], { unique: true })
export class Explanation {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  resultId!: string;

  @ManyToOne(() => Result, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'result_id' })
  result?: Relation<Result>;

  @Column({ type: 'text' })
  why!: string;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text', nullable: true })
  writtenBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

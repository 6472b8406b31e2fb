import type { ThemeCount } from '@yardstick/contracts';
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
import { Agency } from '../../agencies/entities/agency.entity.js';
import { Service } from '../../services/entities/service.entity.js';

/**
 * What front-line employees said about one service in one period (EO 12862 e): barriers to better service and
 * ideas for it, counted by theme. Staff only until an approver publishes its summary.
 */
@Entity({ name: 'employee_feedback' })
@Index('UQ_employee_feedback_service_period', ['serviceId', 'periodKey'], { unique: true })
@Index('IX_employee_feedback_agency', ['agencyId'])
export class EmployeeFeedback {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The agency of the service, kept here so that every query can be scoped by agency. */
  @Column({ type: 'uuid' })
  agencyId!: string;

  @ManyToOne(() => Agency, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency?: Relation<Agency>;

  @Column({ type: 'uuid' })
  serviceId!: string;

  @ManyToOne(() => Service, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'service_id' })
  service?: Relation<Service>;

  /** FY2026-Q2 or FY2026. */
  @Column({ type: 'text' })
  periodKey!: string;

  @Column({ type: 'integer' })
  employeesSurveyed!: number;

  @Column({ type: 'integer' })
  employeesResponding!: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  barriers!: ThemeCount[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  ideas!: ThemeCount[];

  @Column({ type: 'text', default: '' })
  summary!: string;

  /** For staff only: never public. */
  @Column({ type: 'text', nullable: true })
  staffNote!: string | null;

  /** When an approver published the summary; null: staff only. */
  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

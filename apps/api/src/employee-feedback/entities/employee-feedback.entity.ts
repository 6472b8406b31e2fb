import type { ThemeCount } from '@yardstick/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { Service } from '../../services/entities/service.entity.js';
import { IntegerColumn, NullableText, NullableTimestamp, TextColumn, UuidColumn } from '../../database/columns.js';
import { AgencyOwnedRow } from '../../agencies/entities/agency-owned.js';

/**
 * What front-line employees said about one service in one period (EO 12862 e): barriers to better service and
 * ideas for it, counted by theme. Staff only until an approver publishes its summary.
 */
@Entity({ name: 'employee_feedback' })
@Index('UQ_employee_feedback_service_period', ['serviceId', 'periodKey'], { unique: true })
@Index('IX_employee_feedback_agency', ['agencyId'])
export class EmployeeFeedback extends AgencyOwnedRow {
  @UuidColumn()
  serviceId!: string;

  @ManyToOne(() => Service, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'service_id' })
  service?: Relation<Service>;

  /** FY2026-Q2 or FY2026. */
  @TextColumn()
  periodKey!: string;

  @IntegerColumn()
  employeesSurveyed!: number;

  @IntegerColumn()
  employeesResponding!: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  barriers!: ThemeCount[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  ideas!: ThemeCount[];

  @Column({ type: 'text', default: '' })
  summary!: string;

  /** For staff only: never public. */
  @NullableText()
  staffNote!: string | null;

  /** When an approver published the summary; null: staff only. */
  @NullableTimestamp()
  publishedAt!: Date | null;
}

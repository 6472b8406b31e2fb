import type { DataSourceOptions } from 'typeorm';
import { Agency } from '../agencies/entities/agency.entity.js';
import { AuditEvent } from '../audit/entities/audit-event.entity.js';
import { ApiToken } from '../auth/entities/api-token.entity.js';
import { Session } from '../auth/entities/session.entity.js';
import { Benchmark } from '../benchmarks/entities/benchmark.entity.js';
import { EmployeeFeedback } from '../employee-feedback/entities/employee-feedback.entity.js';
import { CxCollectionDetail } from '../cx/entities/cx-collection-detail.entity.js';
import { CxCollection } from '../cx/entities/cx-collection.entity.js';
import { CxQuestionAnswer } from '../cx/entities/cx-question-answer.entity.js';
import { CxResponse } from '../cx/entities/cx-response.entity.js';
import { CxStandardQuestion } from '../cx/entities/cx-standard-question.entity.js';
import { Goal } from '../goals/entities/goal.entity.js';
import { ImportBatch } from '../imports/entities/import-batch.entity.js';
import { Explanation } from '../results/entities/explanation.entity.js';
import { PlanVersion } from '../plans/entities/plan-version.entity.js';
import { Plan } from '../plans/entities/plan.entity.js';
import { ResultRevision } from '../results/entities/result-revision.entity.js';
import { Result } from '../results/entities/result.entity.js';
import { NotificationSetting, NotificationKindSwitch } from '../notifications/entities/notification-setting.entity.js';
import { Notification } from '../notifications/entities/notification.entity.js';
import { ReviewComment } from '../reviews/entities/review-comment.entity.js';
import { Service } from '../services/entities/service.entity.js';
import { StandardVersion } from '../standards/entities/standard-version.entity.js';
import { Standard } from '../standards/entities/standard.entity.js';
import { Target } from '../standards/entities/target.entity.js';
import { RoleAssignment } from '../users/entities/role-assignment.entity.js';
import { User } from '../users/entities/user.entity.js';
import { MIGRATIONS } from './migrations.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

/** Every entity, in one list: the app, the migration CLI and the schema-drift test all use it. */
export const ENTITIES = [
  Agency,
  Service,
  Goal,
  Benchmark,
  Standard,
  StandardVersion,
  Target,
  Result,
  ResultRevision,
  Explanation,
  ImportBatch,
  User,
  RoleAssignment,
  Session,
  ApiToken,
  AuditEvent,
  ReviewComment,
  Plan,
  PlanVersion,
  EmployeeFeedback,
  CxCollection,
  CxCollectionDetail,
  CxQuestionAnswer,
  CxResponse,
  CxStandardQuestion,
  Notification,
  NotificationSetting,
  NotificationKindSwitch,
];

export type DataSourceSettings = { poolSize?: number; runMigrations?: boolean };

export function dataSourceOptions(url: string, settings: DataSourceSettings = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsRun: settings.runMigrations ?? false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    // Schema changes come only from migrations; gen_random_uuid() is built into PostgreSQL 13+.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    applicationName: 'yardstick',
    extra: {
      max: settings.poolSize ?? 10,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30_000,
    },
  };
}

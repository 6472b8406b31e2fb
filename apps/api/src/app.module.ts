import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { AgenciesModule } from './agencies/agencies.module.js';
import { AuditModule } from './audit/audit.module.js';
import { AuthModule } from './auth/auth.module.js';
import { BenchmarksModule } from './benchmarks/benchmarks.module.js';
import type { Clock } from './common/clock.js';
import { HttpErrorFilter } from './common/errors/http-error.filter.js';
import { createValidationPipe } from './common/validation.js';
import type { AppConfig } from './config/app.config.js';
import { ConfigModule } from './config/config.module.js';
import { httpLoggerParams } from './config/logger.js';
import { dataSourceOptions } from './database/data-source.js';
import type { DatabaseServer } from './database/database-server.js';
import { CxModule } from './cx/cx.module.js';
import { DemoModule } from './demo/demo.module.js';
import { GoalsModule } from './goals/goals.module.js';
import { HealthModule } from './health/health.module.js';
import { ImportsModule } from './imports/imports.module.js';
import { NotificationsModule } from './notifications/notifications.module.js';
import { PublicModule } from './public/public.module.js';
import { EmployeeFeedbackModule } from './employee-feedback/employee-feedback.module.js';
import { PlansModule } from './plans/plans.module.js';
import { PortfolioModule } from './portfolio/portfolio.module.js';
import { ResultsModule } from './results/results.module.js';
import { ReviewsModule } from './reviews/reviews.module.js';
import { ServicesModule } from './services/services.module.js';
import { StandardsModule } from './standards/standards.module.js';
import { UsersModule } from './users/users.module.js';
import { WorkspaceModule } from './workspace/workspace.module.js';

@Module({})
export class AppModule {
  static forRoot(
    config: AppConfig,
    database: Pick<DatabaseServer, 'url' | 'mode'>,
    logger: Logger,
    clock: Clock,
  ): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config, database.mode, clock),
        LoggerModule.forRoot(httpLoggerParams(logger)),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(database.url, { poolSize: config.dbPoolSize, runMigrations: config.runMigrations }),
          retryAttempts: 3,
          retryDelay: 1000,
        }),
        HealthModule,
        AuditModule,
        AuthModule,
        UsersModule,
        AgenciesModule,
        ServicesModule,
        GoalsModule,
        BenchmarksModule,
        StandardsModule,
        ResultsModule,
        ImportsModule,
        PublicModule,
        ReviewsModule,
        PortfolioModule,
        CxModule,
        DemoModule,
        PlansModule,
        EmployeeFeedbackModule,
        NotificationsModule,
        WorkspaceModule,
      ],
      providers: [
        { provide: APP_FILTER, useClass: HttpErrorFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}

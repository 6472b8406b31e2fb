import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import PgBoss from 'pg-boss';
import type pg from 'pg';
import type { DataSource, EntityManager } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import type { AppConfig } from '../config/app.config.js';
import { APP_CONFIG } from '../config/config.module.js';

/** pg-boss keeps its tables in this schema of the app's own database (installed by pg-boss at start). */
export const JOB_SCHEMA = 'pgboss';
export const MAIL_QUEUE = 'mail-send';
export const DAILY_QUEUE = 'reminders-daily';
/** Every day at 06:00 UTC; pg-boss's scheduler fires it on one process only. */
export const DAILY_CRON = '0 6 * * *';
/** A failed send is tried again after 1, 2, 4, 8, ... minutes (pg-boss's backoff), 8 times in all. */
export const MAIL_RETRY = { retryLimit: 7, retryDelay: 60, retryBackoff: true } as const;

export type MailJob = { notificationId: string };

/**
 * The job queue: pg-boss on the app's own connection pool (no second service, nothing on the host). With
 * JOBS=false this process still enqueues, in the same transaction as what the jobs are about, but runs nothing.
 */
@Injectable()
export class QueueService implements OnApplicationShutdown {
  private readonly logger = new Logger('Jobs');
  private starting: Promise<PgBoss> | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** pg-boss, started (and its schema installed or upgraded) on first use. */
  boss(): Promise<PgBoss> {
    this.starting ??= (async () => {
      const pool = (this.dataSource.driver as PostgresDriver).master as pg.Pool;
      const boss = new PgBoss({
        db: { executeSql: (text, values) => pool.query(text, values) },
        schema: JOB_SCHEMA,
        supervise: this.config.jobs,
        schedule: this.config.jobs,
        migrate: true,
      });
      boss.on('error', (error) => this.logger.error(`Job queue: ${error.message}`));
      await boss.start();
      await boss.createQueue(MAIL_QUEUE, { name: MAIL_QUEUE, ...MAIL_RETRY });
      await boss.createQueue(DAILY_QUEUE, { name: DAILY_QUEUE, retryLimit: 3, retryDelay: 300 });
      return boss;
    })();
    return this.starting;
  }

  /** Enqueues one mail job per notification, inside the caller's transaction: both commit or neither does. */
  async enqueueMail(manager: EntityManager, notificationIds: string[]): Promise<void> {
    if (notificationIds.length === 0) return;
    const boss = await this.boss();
    if (!manager.queryRunner?.isTransactionActive) throw new Error('enqueueMail needs the manager of a transaction');
    // The transaction's own connection: pg-boss's insert commits or rolls back with the caller's work.
    const client = (await manager.queryRunner.connect()) as pg.PoolClient;
    await boss.insert(
      notificationIds.map((notificationId) => ({ name: MAIL_QUEUE, data: { notificationId }, ...MAIL_RETRY })),
      { db: { executeSql: (text, values) => client.query(text, values) } },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.starting) return;
    const boss = await this.starting.catch(() => null);
    // The pool is TypeORM's: pg-boss must not close it.
    await boss?.stop({ graceful: true, close: false, wait: true, timeout: 5000 });
  }
}

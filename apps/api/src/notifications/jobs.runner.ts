import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '../config/app.config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { TransactionsComputeService } from '../transactions/compute.service.js';
import { MailService } from './mail.service.js';
import { DAILY_CRON, DAILY_QUEUE, MAIL_QUEUE, QueueService, type MailJob } from './queue.service.js';
import { RemindersService } from './reminders.service.js';

/**
 * With JOBS on (the default), this process schedules the daily job (pg-boss keeps one schedule for every
 * process, and fires it on one of them) and works both queues. drainMail runs the mail queue once, by hand:
 * the tests and the benchmark use it instead of waiting for a poll.
 */
@Injectable()
export class JobsRunner implements OnApplicationBootstrap {
  private readonly logger = new Logger('Jobs');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: QueueService,
    private readonly reminders: RemindersService,
    private readonly mail: MailService,
    private readonly transactions: TransactionsComputeService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.jobs) return;
    const boss = await this.queue.boss();
    await boss.schedule(DAILY_QUEUE, DAILY_CRON, {}, { tz: 'UTC' });
    await boss.work(DAILY_QUEUE, async () => {
      await this.runDaily();
    });
    await boss.work<MailJob>(MAIL_QUEUE, { includeMetadata: true, batchSize: 1 }, async (jobs) => {
      for (const job of jobs) await this.mail.deliver(job.data.notificationId, job.retryCount >= job.retryLimit);
    });
  }

  /**
   * The daily work: results computed from transactions first (so that they count as received), then what is due,
   * the reminders and digests. The scheduler calls it on one process; tests call it directly.
   */
  async runDaily(): Promise<{ computed: number; computeFailed: number; messages: number }> {
    const computed = await this.transactions.computeAllServices();
    for (const failure of computed.failed) {
      this.logger.warn(`Daily compute of service ${failure.serviceId} failed: ${failure.error}`);
    }
    const run = await this.reminders.run();
    this.logger.log(
      `Daily job for ${run.day}: ${computed.reports.length} services computed from transactions, ` +
        `${run.created} messages, ${run.skipped.length} users skipped`,
    );
    return { computed: computed.reports.length, computeFailed: computed.failed.length, messages: run.created };
  }

  /** Delivers every mail job that is ready now; a failure goes back to pg-boss, to be retried after its backoff. */
  async drainMail(): Promise<{ delivered: number; failed: number }> {
    const boss = await this.queue.boss();
    let delivered = 0;
    let failed = 0;
    for (;;) {
      const jobs = await boss.fetch<MailJob>(MAIL_QUEUE, { batchSize: 50, includeMetadata: true });
      if (jobs.length === 0) return { delivered, failed };
      for (const job of jobs) {
        try {
          await this.mail.deliver(job.data.notificationId, job.retryCount >= job.retryLimit);
          await boss.complete(MAIL_QUEUE, job.id);
          delivered += 1;
        } catch (error) {
          await boss.fail(MAIL_QUEUE, job.id, { message: error instanceof Error ? error.message : String(error) });
          failed += 1;
        }
      }
    }
  }
}

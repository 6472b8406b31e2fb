import { Module } from '@nestjs/common';
import { TransactionsModule } from '../transactions/transactions.module.js';
import { CollectionsDueSource } from './collections-due.source.js';
import { DUE_ITEM_SOURCES, type DueItemSource } from './due-items.js';
import { JobsRunner } from './jobs.runner.js';
import { MailService } from './mail.service.js';
import { NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { QueueService } from './queue.service.js';
import { RemindersService } from './reminders.service.js';
import { ResultsDueSource } from './results-due.source.js';

/**
 * The job queue (pg-boss), the daily reminders and digests, mail, each user's settings and the outbox.
 * What is due comes from DUE_ITEM_SOURCES (results, and customer feedback collections): a new kind of item is one
 * more provider in its list and in `inject`, and the reminders, digests and workspace read it too.
 */
@Module({
  imports: [TransactionsModule],
  controllers: [NotificationsController],
  providers: [
    ResultsDueSource,
    CollectionsDueSource,
    {
      provide: DUE_ITEM_SOURCES,
      useFactory: (...sources: DueItemSource[]) => sources,
      inject: [ResultsDueSource, CollectionsDueSource],
    },
    QueueService,
    MailService,
    RemindersService,
    JobsRunner,
    NotificationsService,
  ],
  exports: [DUE_ITEM_SOURCES, RemindersService, JobsRunner, QueueService],
})
export class NotificationsModule {}

import { Module } from '@nestjs/common';
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
 * What is due comes from DUE_ITEM_SOURCES: add a provider (a customer feedback collection source, say) to its
 * list and to `inject`, and the reminders, digests and workspace read it too.
 */
@Module({
  controllers: [NotificationsController],
  providers: [
    ResultsDueSource,
    {
      provide: DUE_ITEM_SOURCES,
      useFactory: (...sources: DueItemSource[]) => sources,
      inject: [ResultsDueSource],
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

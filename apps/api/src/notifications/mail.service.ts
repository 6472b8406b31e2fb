import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import nodemailer, { type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../common/clock.js';
import type { AppConfig } from '../config/app.config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { Notification } from './entities/notification.entity.js';

export type Delivery = 'sent' | 'logged' | 'already_done' | 'failed';

/**
 * Sends one outbox message: over SMTP (nodemailer, SMTP_URL) or, without SMTP_URL, to the log (the outbox keeps
 * it for administrators). The row is locked while it is sent, and a message that is no longer pending is never
 * sent again, so a repeated job or a second worker sends nothing twice. A failure is counted and kept on the row,
 * then thrown, so pg-boss tries again later.
 */
@Injectable()
export class MailService {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter | null;
  private readonly system = AuthContext.system('Yardstick mailer');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {
    this.transport = config.mail.smtpUrl ? nodemailer.createTransport(config.mail.smtpUrl) : null;
  }

  /** `final`: pg-boss will not try again after this attempt, so a failure leaves the message failed. */
  async deliver(notificationId: string, final: boolean): Promise<Delivery> {
    let failure = null as Error | null; // set inside the transaction's callback
    const outcome = await this.dataSource.transaction(async (manager): Promise<Delivery> => {
      const message = await manager.findOne(Notification, {
        where: { id: notificationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!message || message.status !== 'pending' || message.recipient === null) return 'already_done';
      try {
        await this.send(message);
      } catch (error) {
        failure = error instanceof Error ? error : new Error(String(error));
        await manager.update(
          Notification,
          { id: message.id },
          {
            attempts: message.attempts + 1,
            lastError: failure.message.slice(0, 1000),
            status: final ? 'failed' : 'pending',
          },
        );
        await this.audit.record(
          this.system,
          {
            action: final ? 'notification.failed' : 'notification.send_failed',
            entityType: 'notification',
            entityId: message.id,
            after: { kind: message.kind, day: message.day, recipient: message.recipient, error: failure.message },
          },
          manager,
        );
        return 'failed';
      }
      const status = this.transport ? 'sent' : 'logged';
      await manager.update(
        Notification,
        { id: message.id },
        { attempts: message.attempts + 1, status, sentAt: this.clock.now(), lastError: null },
      );
      await this.audit.record(
        this.system,
        {
          action: 'notification.sent',
          entityType: 'notification',
          entityId: message.id,
          after: {
            kind: message.kind,
            day: message.day,
            recipient: message.recipient,
            subject: message.subject,
            status,
          },
        },
        manager,
      );
      return status;
    });
    if (failure) throw failure;
    return outcome;
  }

  private async send(message: Notification): Promise<void> {
    if (!this.transport) {
      this.logger.log(
        `Mail (no SMTP_URL, kept in the outbox) to ${message.recipient}: ${message.subject}\n${message.textBody}`,
      );
      return;
    }
    await this.transport.sendMail({
      from: this.config.mail.from,
      to: message.recipient!,
      subject: message.subject,
      text: message.textBody,
      html: message.htmlBody,
      // The same id on every attempt: a receiving system can tell a repeat from a new message.
      messageId: `<${message.id}@yardstick>`,
    });
  }
}

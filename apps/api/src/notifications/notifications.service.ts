import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  NOTIFICATION_KINDS,
  type NotificationKindBody,
  type NotificationSettingsBody,
  type OutboxMessageBody,
  type ReminderRunBody,
} from '@yardstick/contracts';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { ForbiddenAppException, type AuthContext } from '../auth/auth-context.js';
import type { NotificationKindsDto, NotificationSettingsDto, OutboxQueryDto } from './dto/notifications.dto.js';
import { NotificationKindSwitch, NotificationSetting } from './entities/notification-setting.entity.js';
import { Notification } from './entities/notification.entity.js';
import { JobsRunner } from './jobs.runner.js';
import { KIND_RULES } from './notification-kinds.js';
import { RemindersService } from './reminders.service.js';

/** The account behind the caller (a personal token acts for its user); a machine client has none. */
export function userIdOf(auth: AuthContext): string {
  if (auth.actor.type === 'user') return auth.actor.id;
  if (auth.actor.type === 'token' && auth.actor.userId) return auth.actor.userId;
  throw new ForbiddenAppException('A machine client has no user account.');
}

@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly reminders: RemindersService,
    private readonly jobs: JobsRunner,
  ) {}

  async settings(auth: AuthContext): Promise<NotificationSettingsBody> {
    const userId = userIdOf(auth);
    const [mine, switches, roles] = await Promise.all([
      this.dataSource.manager.findBy(NotificationSetting, { userId }),
      this.dataSource.manager.find(NotificationKindSwitch),
      this.dataSource.query<{ role: string }[]>(`SELECT DISTINCT role FROM role_assignments WHERE user_id = $1`, [
        userId,
      ]),
    ]);
    return {
      settings: NOTIFICATION_KINDS.map((kind) => ({
        kind,
        label: KIND_RULES[kind].label,
        applies: roles.some((r) => r.role === KIND_RULES[kind].role),
        delivery: mine.find((s) => s.kind === kind)?.delivery ?? KIND_RULES[kind].defaultDelivery,
        enabledForEveryone: switches.find((s) => s.kind === kind)?.enabled ?? true,
      })),
    };
  }

  async updateSettings(auth: AuthContext, dto: NotificationSettingsDto): Promise<NotificationSettingsBody> {
    const userId = userIdOf(auth);
    const before = await this.settings(auth);
    const changes = NOTIFICATION_KINDS.filter((kind) => dto[kind] !== undefined).map((kind) => ({
      userId,
      kind,
      delivery: dto[kind]!,
    }));
    await this.dataSource.transaction(async (manager) => {
      if (changes.length > 0) await manager.upsert(NotificationSetting, changes, ['userId', 'kind']);
      await this.audit.record(
        auth,
        { action: 'notification.settings', entityType: 'user', entityId: userId, before, after: dto },
        manager,
      );
    });
    return this.settings(auth);
  }

  async kinds(): Promise<NotificationKindBody[]> {
    const switches = await this.dataSource.manager.find(NotificationKindSwitch);
    return NOTIFICATION_KINDS.map((kind) => ({
      kind,
      label: KIND_RULES[kind].label,
      enabled: switches.find((s) => s.kind === kind)?.enabled ?? true,
    }));
  }

  async updateKinds(auth: AuthContext, dto: NotificationKindsDto): Promise<NotificationKindBody[]> {
    const before = await this.kinds();
    const changes = NOTIFICATION_KINDS.filter((kind) => dto[kind] !== undefined).map((kind) => ({
      kind,
      enabled: dto[kind]!,
    }));
    await this.dataSource.transaction(async (manager) => {
      if (changes.length > 0) await manager.upsert(NotificationKindSwitch, changes, ['kind']);
      await this.audit.record(auth, { action: 'notification.kinds', before, after: dto }, manager);
    });
    return this.kinds();
  }

  /** The outbox, newest first: every message written, sent or not, with its attempts and last error. */
  async outbox(query: OutboxQueryDto): Promise<OutboxMessageBody[]> {
    const messages = await this.dataSource.manager.find(Notification, {
      where: query.status ? { status: query.status } : {},
      order: { createdAt: 'DESC', id: 'ASC' },
      take: query.limit ?? 100,
    });
    return messages.map((m) => ({
      id: m.id,
      kind: m.kind,
      day: m.day,
      userId: m.userId,
      recipient: m.recipient,
      subject: m.subject,
      text: m.textBody,
      status: m.status,
      attempts: m.attempts,
      lastError: m.lastError,
      sentAt: m.sentAt?.toISOString() ?? null,
      createdAt: m.createdAt.toISOString(),
    }));
  }

  /** Today's daily job now (it writes nothing a second time the same day), then the mail that is ready. */
  async runNow(auth: AuthContext): Promise<ReminderRunBody> {
    const run = await this.reminders.run();
    await this.audit.record(auth, { action: 'notification.run', after: { day: run.day, created: run.created } });
    await this.jobs.drainMail();
    return run;
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  NOTIFICATION_KINDS,
  type NotificationDelivery,
  type NotificationKind,
  type ReminderRunBody,
} from '@yardstick/contracts';
import { addDays, formatLongDate, reminderOccasion } from '@yardstick/metrics';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import type { AppConfig } from '../config/app.config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { covers, isDeliverable, loadRecipients, type Recipient } from './audience.js';
import { collectDueItems, DUE_ITEM_SOURCES, type DueItem, type DueItemSource } from './due-items.js';
import { renderMessage, type MessageContent, type MessageLine, type MessageSection } from './messages.js';
import { isWeeklyDay, KIND_RULES } from './notification-kinds.js';
import { QueueService } from './queue.service.js';

/** Lines listed per section; the rest are counted, with a link to the page that lists them all. */
const MAX_LINES = 50;

type Draft = { recipient: Recipient; kind: NotificationKind; content: MessageContent; items: DueItem[] };

/**
 * The daily job: what is due soon, due, overdue and awaiting review, turned into at most one message per user,
 * kind and day. The outbox's unique key (user, kind, day) makes a second run of the same day, in this process or
 * another, write nothing; the mail jobs are enqueued in the same transaction as the messages they send.
 */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger('Reminders');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(DUE_ITEM_SOURCES) private readonly sources: DueItemSource[],
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly queue: QueueService,
    private readonly clock: Clock,
  ) {}

  async run(day: string = this.clock.today()): Promise<ReminderRunBody> {
    const manager = this.dataSource.manager;
    const [switches, settingRows, recipients, items, changes] = await Promise.all([
      manager.query<{ kind: NotificationKind; enabled: boolean }[]>(`SELECT kind, enabled FROM notification_kinds`),
      manager.query<{ user_id: string; kind: NotificationKind; delivery: NotificationDelivery }[]>(
        `SELECT user_id, kind, delivery FROM notification_settings`,
      ),
      loadRecipients(manager),
      collectDueItems(this.sources, { today: day, horizonDays: 7, agencyIds: 'all' }),
      this.weekChanges(day),
    ]);
    const off = new Set(switches.filter((s) => !s.enabled).map((s) => s.kind));
    const chosen = new Map(settingRows.map((s) => [`${s.user_id} ${s.kind}`, s.delivery]));
    const byAgency = new Map<string, DueItem[]>();
    for (const item of items) {
      const list = byAgency.get(item.agencyId);
      if (list) list.push(item);
      else byAgency.set(item.agencyId, [item]);
    }
    const itemsFor = (scope: 'all' | Set<string>): DueItem[] =>
      scope === 'all' ? items : [...scope].flatMap((agencyId) => byAgency.get(agencyId) ?? []);

    const drafts: Draft[] = [];
    for (const recipient of recipients) {
      for (const kind of NOTIFICATION_KINDS) {
        const rule = KIND_RULES[kind];
        const scope = recipient.roles.get(rule.role);
        if (off.has(kind) || scope === undefined) continue;
        const delivery = chosen.get(`${recipient.id} ${kind}`) ?? rule.defaultDelivery;
        if (delivery === 'none' || (delivery === 'weekly_digest' && !isWeeklyDay(day))) continue;
        const draft =
          kind === 'officer_reminder'
            ? this.officerReminder(recipient, itemsFor(scope), day, delivery)
            : kind === 'approver_digest'
              ? this.approverDigest(recipient, itemsFor(scope), day)
              : isWeeklyDay(day)
                ? this.managerSummary(recipient, scope, changes, day)
                : null;
        if (draft) drafts.push(draft);
      }
    }
    return this.write(day, drafts);
  }

  private officerReminder(
    recipient: Recipient,
    items: DueItem[],
    day: string,
    delivery: NotificationDelivery,
  ): Draft | null {
    const missing = items.filter((i) => i.status === 'missing');
    const soon: DueItem[] = [];
    const today: DueItem[] = [];
    const overdue: DueItem[] = [];
    for (const item of missing) {
      // Immediate: on the occasions (7 days before, the due date, weekly after); weekly: everything open.
      const occasion =
        delivery === 'immediate'
          ? this.occasion(item.dueDate, day)
          : item.dueDate < day
            ? 'overdue'
            : item.dueDate === day
              ? 'due_today'
              : 'due_soon';
      if (occasion === 'due_soon') soon.push(item);
      else if (occasion === 'due_today') today.push(item);
      else if (occasion === 'overdue') overdue.push(item);
    }
    const returned = items.filter((i) => i.status === 'returned');
    const sections = [
      this.section('Overdue', overdue),
      this.section('Due today', today),
      this.section('Due in the next 7 days', soon),
      ...(delivery === 'weekly_digest' ? [this.section('Returned to you with a comment', returned)] : []),
    ].filter((s) => s.lines.length > 0);
    if (sections.length === 0) return null;
    const count = overdue.length + today.length + soon.length;
    return {
      recipient,
      kind: 'officer_reminder',
      items: [...overdue, ...today, ...soon],
      content: {
        subject:
          overdue.length > 0
            ? `Yardstick: ${overdue.length} result${plural(overdue.length)} overdue`
            : `Yardstick: ${count} result${plural(count)} due ${today.length > 0 ? 'today' : 'soon'}`,
        greeting: `Hello ${recipient.name},`,
        intro: `On ${formatLongDate(day)}, these results of your agencies are not in Yardstick yet. Each link opens the page where you record it.`,
        sections,
      },
    };
  }

  private approverDigest(recipient: Recipient, items: DueItem[], day: string): Draft | null {
    const waiting = items.filter((i) => i.status === 'awaiting_review');
    // ISO dates compare as strings: due before today is overdue (libs/metrics dueWindow).
    const overdue = items.filter((i) => i.status === 'missing' && i.dueDate < day);
    if (waiting.length === 0 && overdue.length === 0) return null;
    return {
      recipient,
      kind: 'approver_digest',
      items: [...waiting, ...overdue],
      content: {
        subject: `Yardstick: ${waiting.length} waiting for your review, ${overdue.length} overdue`,
        greeting: `Hello ${recipient.name},`,
        intro: `On ${formatLongDate(day)}, in the agencies you approve for:`,
        sections: [this.section('Waiting for your review', waiting), this.section('Overdue', overdue)].filter(
          (s) => s.lines.length > 0,
        ),
      },
    };
  }

  private managerSummary(
    recipient: Recipient,
    scope: 'all' | Set<string>,
    changes: WeekChange[],
    day: string,
  ): Draft | null {
    const mine = changes.filter((c) => covers(scope, c.agencyId));
    if (mine.length === 0) return null;
    const lines: MessageLine[] = mine.map((c) => ({
      title: c.agencyName,
      periodLabel: `${c.recorded} result${plural(c.recorded)} recorded, ${c.certified} certified`,
      dueDate: null,
      url: `${this.config.mail.appUrl}/staff/portfolio?agencyId=${c.agencyId}`,
    }));
    return {
      recipient,
      kind: 'manager_summary',
      items: [],
      content: {
        subject: `Yardstick: the week to ${formatLongDate(day)}`,
        greeting: `Hello ${recipient.name},`,
        intro: `Status changes from ${formatLongDate(addDays(day, -7))} to ${formatLongDate(addDays(day, -1))}:`,
        sections: [{ heading: 'By agency', lines: lines.slice(0, MAX_LINES) }],
      },
    };
  }

  /** reminderOccasion, worked out once per due date and day (thousands of items share a few due dates). */
  private readonly occasions = new Map<string, ReturnType<typeof reminderOccasion>>();
  private occasion(due: string, day: string): ReturnType<typeof reminderOccasion> {
    const key = `${due} ${day}`;
    if (!this.occasions.has(key)) {
      if (this.occasions.size > 10_000) this.occasions.clear();
      this.occasions.set(key, reminderOccasion(due, day));
    }
    return this.occasions.get(key)!;
  }

  private section(heading: string, items: DueItem[]): MessageSection {
    const lines: MessageLine[] = items.slice(0, MAX_LINES).map((item) => ({
      title: item.title,
      periodLabel: item.periodLabel,
      dueDate: item.dueDate,
      url: `${this.config.mail.appUrl}${item.staffUrl}`,
      ...(item.comment ? { note: `returned: ${item.comment}` } : {}),
    }));
    if (items.length > MAX_LINES) {
      lines.push({
        title: `${items.length - MAX_LINES} more`,
        periodLabel: 'listed in your workspace',
        dueDate: null,
        url: `${this.config.mail.appUrl}/staff`,
      });
    }
    return { heading, lines };
  }

  private async weekChanges(day: string): Promise<WeekChange[]> {
    const rows = await this.dataSource.query<
      { agency_id: string; name: string; recorded: string; certified: string }[]
    >(
      `SELECT r.agency_id, a.name,
              count(*) FILTER (WHERE r.recorded_at >= $1 AND r.recorded_at < $2) AS recorded,
              count(*) FILTER (WHERE r.certified_at >= $1 AND r.certified_at < $2) AS certified
         FROM results r JOIN agencies a ON a.id = r.agency_id
        WHERE (r.recorded_at >= $1 AND r.recorded_at < $2) OR (r.certified_at >= $1 AND r.certified_at < $2)
        GROUP BY r.agency_id, a.name ORDER BY a.name`,
      [`${addDays(day, -7)}T00:00:00Z`, `${day}T00:00:00Z`],
    );
    return rows.map((r) => ({
      agencyId: r.agency_id,
      agencyName: r.name,
      recorded: Number(r.recorded),
      certified: Number(r.certified),
    }));
  }

  /** Inserts the day's messages (a message already there for the user, kind and day stays as it is) and enqueues the new ones. */
  private async write(day: string, drafts: Draft[]): Promise<ReminderRunBody> {
    const settingsUrl = `${this.config.mail.appUrl}/staff/settings`;
    const skipped: ReminderRunBody['skipped'] = [];
    const columns = {
      user: [] as string[],
      kind: [] as string[],
      recipient: [] as (string | null)[],
      subject: [] as string[],
      text: [] as string[],
      html: [] as string[],
      items: [] as string[],
      status: [] as string[],
      error: [] as (string | null)[],
    };
    for (const draft of drafts) {
      const deliverable = isDeliverable(draft.recipient.email);
      if (!deliverable && !skipped.some((s) => s.userId === draft.recipient.id)) {
        skipped.push({ userId: draft.recipient.id, name: draft.recipient.name, reason: 'no e-mail address' });
      }
      const rendered = renderMessage(draft.content, settingsUrl);
      columns.user.push(draft.recipient.id);
      columns.kind.push(draft.kind);
      columns.recipient.push(deliverable ? draft.recipient.email.trim() : null);
      columns.subject.push(rendered.subject);
      columns.text.push(rendered.text);
      columns.html.push(rendered.html);
      columns.items.push(JSON.stringify(draft.items.map((i) => ({ kind: i.kind, id: i.id, dueDate: i.dueDate }))));
      columns.status.push(deliverable ? 'pending' : 'skipped');
      columns.error.push(deliverable ? null : 'The user has no e-mail address.');
    }
    const created = await this.dataSource.transaction(async (manager) => {
      const rows = await manager.query<{ id: string; status: string }[]>(
        `INSERT INTO notifications (user_id, kind, day, recipient, subject, text_body, html_body, items, status, last_error)
         SELECT u, k, $3::date, r, s, t, h, i, st, e
           FROM unnest($1::uuid[], $2::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[], $9::text[], $10::text[])
             AS x(u, k, r, s, t, h, i, st, e)
         ON CONFLICT (user_id, kind, day) DO NOTHING
         RETURNING id, status`,
        [
          columns.user,
          columns.kind,
          day,
          columns.recipient,
          columns.subject,
          columns.text,
          columns.html,
          columns.items,
          columns.status,
          columns.error,
        ],
      );
      await this.queue.enqueueMail(
        manager,
        rows.filter((r) => r.status === 'pending').map((r) => r.id),
      );
      return rows.length;
    });
    for (const s of skipped) this.logger.warn(`No reminder for ${s.name} (${s.userId}): ${s.reason}`);
    return { day, created, skipped };
  }
}

type WeekChange = { agencyId: string; agencyName: string; recorded: number; certified: number };

const plural = (n: number) => (n === 1 ? '' : 's');

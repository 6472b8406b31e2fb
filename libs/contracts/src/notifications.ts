// Reminders, digests and summaries by e-mail; the workspace's to-do list; the outbox administrators read.

export const NOTIFICATION_KINDS = ['officer_reminder', 'approver_digest', 'manager_summary'] as const;
/**
 * - officer_reminder: to performance officers, 7 days before a result is due, on the due date, then weekly while overdue;
 * - approver_digest: to approvers, what waits for their review and what is overdue in their agencies;
 * - manager_summary: to program managers, the week's status changes (off unless they choose it).
 */
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_DELIVERIES = ['none', 'immediate', 'weekly_digest'] as const;
/** none: never; immediate: on the day there is something; weekly_digest: once a week, on Mondays. */
export type NotificationDelivery = (typeof NOTIFICATION_DELIVERIES)[number];

export const NOTIFICATION_STATUSES = ['pending', 'sent', 'logged', 'failed', 'skipped'] as const;
/**
 * pending: waiting for (another) attempt; sent: accepted by the SMTP server; logged: no SMTP_URL, written to
 * the log and kept here; failed: every attempt failed; skipped: the user has no e-mail address.
 */
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export type NotificationSettingBody = {
  kind: NotificationKind;
  label: string;
  /** Whether the user's roles give them this kind at all. */
  applies: boolean;
  delivery: NotificationDelivery;
  /** false when an administrator has turned the kind off for everyone. */
  enabledForEveryone: boolean;
};

export type NotificationSettingsBody = { settings: NotificationSettingBody[] };

export type NotificationKindBody = { kind: NotificationKind; label: string; enabled: boolean };

export type OutboxMessageBody = {
  id: string;
  kind: NotificationKind;
  day: string;
  userId: string | null;
  recipient: string | null;
  subject: string;
  text: string;
  status: NotificationStatus;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  createdAt: string;
};

/** What one run of the daily job did. */
export type ReminderRunBody = {
  day: string;
  /** Messages written for this day by this run (0 when another process already wrote them). */
  created: number;
  /** Users left out because they have no e-mail address. */
  skipped: { userId: string; name: string; reason: string }[];
};

/** Something due: a result (or, later, a customer feedback collection) for one period. */
export type DueItemKind = 'result' | 'collection';

/** What the workspace lists: due items, and standards and Customer Service Plans returned with a comment. */
export type WorkItemKind = DueItemKind | 'standard' | 'plan';

export type WorkItemBody = {
  kind: WorkItemKind;
  id: string;
  agencyId: string;
  title: string;
  periodLabel: string;
  dueDate: string | null;
  /** The staff page that resolves it. */
  staffUrl: string;
  /** For returned items, what the approver said. */
  comment?: string;
};

export type WorkspaceBody = {
  today: string;
  overdue: WorkItemBody[];
  dueSoon: WorkItemBody[];
  returned: WorkItemBody[];
  awaitingReview: WorkItemBody[];
  counts: { overdue: number; dueSoon: number; returned: number; awaitingReview: number };
};

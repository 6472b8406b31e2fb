import type { NotificationDelivery, NotificationKind, Role } from '@yardstick/contracts';

/** Who each kind is for, what it is called, and what a user gets before choosing. */
export const KIND_RULES: Record<
  NotificationKind,
  { role: Role; label: string; defaultDelivery: NotificationDelivery }
> = {
  officer_reminder: {
    role: 'performance_officer',
    label: 'Reminders of results due: 7 days before, on the due date, then weekly while overdue',
    defaultDelivery: 'immediate',
  },
  approver_digest: {
    role: 'approver',
    label: 'Digest of what waits for your review and what is overdue in your agencies',
    defaultDelivery: 'immediate',
  },
  manager_summary: {
    role: 'program_manager',
    label: "Weekly summary of the week's status changes",
    defaultDelivery: 'none',
  },
};

/** Weekly messages (digests, summaries) go out on Mondays. */
export function isWeeklyDay(day: string): boolean {
  const MONDAY = Date.UTC(2024, 0, 1); // a Monday
  const days = Math.round((Date.parse(`${day}T00:00:00Z`) - MONDAY) / 86_400_000);
  return ((days % 7) + 7) % 7 === 0;
}

import type { DueItemKind } from '@yardstick/contracts';

/**
 * Something an agency owes by a date, from any source: a result of a standard for a period, or a customer
 * feedback collection of a High Impact Service for a quarter. The reminders, the digests and the workspace
 * read every source through this one shape, so a new kind of item needs one provider and nothing else.
 */
export type DueItem = {
  kind: DueItemKind;
  /** Unique within the kind: a result's id, or "<standard id>:<period key>" for a result not yet recorded. */
  id: string;
  agencyId: string;
  title: string;
  /** "FY2026 Q4", "March 2026". */
  periodLabel: string;
  dueDate: string;
  /**
   * missing: not received (due soon, due or overdue by its date); awaiting_review: received, waiting for an
   * approver; returned: sent back to the officer with a comment.
   */
  status: 'missing' | 'awaiting_review' | 'returned';
  /** The staff page that resolves it, from the site root: /staff/standards/<id>, /staff/reviews. */
  staffUrl: string;
  /** The approver's comment, for returned items. */
  comment?: string;
};

export type DueItemQuery = {
  /** The Clock's day every date rule is read against. */
  today: string;
  /** Missing items due up to this many days after today are included (all overdue ones always are). */
  horizonDays: number;
  /** Agencies to look in ('all', or ids with their bureaus already included). */
  agencyIds: 'all' | readonly string[];
};

/** One kind of due item. Register a provider in NotificationsModule's DUE_ITEM_SOURCES list. */
export type DueItemSource = {
  readonly kind: DueItemKind;
  items(query: DueItemQuery): Promise<DueItem[]>;
};

/** Injection token: DueItemSource[]. */
export const DUE_ITEM_SOURCES = Symbol('DUE_ITEM_SOURCES');

/** Every source's items for a query, in due-date order. */
export async function collectDueItems(sources: readonly DueItemSource[], query: DueItemQuery): Promise<DueItem[]> {
  const all = (await Promise.all(sources.map((source) => source.items(query)))).flat();
  return all.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.title.localeCompare(b.title));
}

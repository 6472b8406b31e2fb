import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { WorkItemBody, WorkspaceBody } from '@yardstick/contracts';
import { dueWindow } from '@yardstick/metrics';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../auth/auth-context.js';
import { Clock } from '../common/clock.js';
import { collectDueItems, DUE_ITEM_SOURCES, type DueItem, type DueItemSource } from '../notifications/due-items.js';
import { userIdOf } from '../notifications/notifications.service.js';
import { returnedDrafts } from './returned-drafts.js';

/** Days ahead that "due soon" looks. */
export const WORKSPACE_HORIZON_DAYS = 30;

const toWorkItem = (item: DueItem): WorkItemBody => ({
  kind: item.kind,
  id: item.id,
  agencyId: item.agencyId,
  title: item.title,
  periodLabel: item.periodLabel,
  dueDate: item.dueDate,
  staffUrl: item.staffUrl,
  ...(item.comment ? { comment: item.comment } : {}),
});

/**
 * What the signed-in user should do next, from every due-item source and the standards and plans returned to them,
 * in the agencies their roles cover.
 */
@Injectable()
export class WorkspaceService {
  constructor(
    @Inject(DUE_ITEM_SOURCES) private readonly sources: DueItemSource[],
    private readonly clock: Clock,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async workspace(auth: AuthContext): Promise<WorkspaceBody> {
    userIdOf(auth); // a machine client has no workspace
    const today = this.clock.today();
    const query = (agencyIds: 'all' | string[]) =>
      collectDueItems(this.sources, { today, horizonDays: WORKSPACE_HORIZON_DAYS, agencyIds });
    const [officer, approver, drafts] = await Promise.all([
      query(auth.scope('results:write')),
      query(auth.scope('results:certify')),
      returnedDrafts(this.dataSource, auth.scope('registry:write')),
    ]);
    const missing = officer.filter((i) => i.status === 'missing');
    const overdue = missing.filter((i) => dueWindow(i.dueDate, today, WORKSPACE_HORIZON_DAYS) === 'overdue');
    const dueSoon = missing.filter((i) => dueWindow(i.dueDate, today, WORKSPACE_HORIZON_DAYS) === 'due_soon');
    // Every returnable thing: results and collections (due items), standards and plans (drafts sent back).
    const returned = [...officer.filter((i) => i.status === 'returned').map(toWorkItem), ...drafts];
    const awaitingReview = approver.filter((i) => i.status === 'awaiting_review');
    return {
      today,
      overdue: overdue.map(toWorkItem),
      dueSoon: dueSoon.map(toWorkItem),
      returned,
      awaitingReview: awaitingReview.map(toWorkItem),
      counts: {
        overdue: overdue.length,
        dueSoon: dueSoon.length,
        returned: returned.length,
        awaitingReview: awaitingReview.length,
      },
    };
  }
}

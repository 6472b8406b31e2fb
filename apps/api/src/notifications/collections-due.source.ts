import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addDays, cxDueDate, fiscalYearOf, formatPeriodName, quarterPeriod } from '@yardstick/metrics';
import { DataSource } from 'typeorm';
import type { DueItem, DueItemQuery, DueItemSource } from './due-items.js';

type ServiceRow = { id: string; agency_id: string; name: string };
type CollectionRow = {
  id: string;
  service_id: string;
  agency_id: string;
  service_name: string;
  fiscal_year: number;
  quarter: number;
  status: 'draft' | 'submitted' | 'published' | 'returned' | 'not_reported';
  comment: string | null;
};

/**
 * Customer feedback collections owed (A-11 Section 280): one per High Impact Service and quarter, this fiscal
 * year and the one before, due 30 days after the quarter ends. A draft (or none) is missing; a submitted one waits
 * for an approver; a returned one is back with the officer, with the approver's latest comment (submitted and returned
 * ones of older years too). Published and
 * "not reported" quarters owe nothing.
 */
@Injectable()
export class CollectionsDueSource implements DueItemSource {
  readonly kind = 'collection' as const;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async items({ today, horizonDays, agencyIds }: DueItemQuery): Promise<DueItem[]> {
    if (agencyIds !== 'all' && agencyIds.length === 0) return [];
    const current = fiscalYearOf(today);
    const years = [current - 1, current];
    const scope = agencyIds === 'all' ? null : [...agencyIds];
    const [services, collections] = await Promise.all([
      this.dataSource.query<ServiceRow[]>(
        `SELECT id, agency_id, name FROM services WHERE hisp AND ($1::uuid[] IS NULL OR agency_id = ANY($1))`,
        [scope],
      ),
      this.dataSource.query<CollectionRow[]>(
        `SELECT c.id, c.service_id, c.agency_id, sv.name AS service_name, c.fiscal_year, c.quarter, c.status,
                (SELECT rc.comment FROM review_comments rc
                  WHERE rc.entity_type = 'cx_collection' AND rc.entity_id = c.id
                  ORDER BY rc.created_at DESC LIMIT 1) AS comment
           FROM cx_collections c JOIN services sv ON sv.id = c.service_id
          WHERE (c.fiscal_year = ANY($1) OR c.status IN ('submitted', 'returned'))
            AND ($2::uuid[] IS NULL OR c.agency_id = ANY($2))`,
        [years, scope],
      ),
    ]);
    const byKey = new Map(collections.map((c) => [`${c.service_id} ${c.fiscal_year} ${c.quarter}`, c]));
    const horizon = addDays(today, horizonDays);
    const items: DueItem[] = [];
    const item = (
      service: { id: string; agency_id: string; name: string },
      fiscalYear: number,
      quarter: number,
      found: CollectionRow | undefined,
    ): DueItem => {
      const status = found?.status ?? 'draft';
      const period = quarterPeriod(fiscalYear, quarter);
      return {
        kind: 'collection',
        id: found?.id ?? `${service.id}:${period.key}`,
        agencyId: service.agency_id,
        title: `${service.name}: customer feedback`,
        periodLabel: formatPeriodName(period),
        dueDate: cxDueDate(fiscalYear, quarter),
        status: status === 'submitted' ? 'awaiting_review' : status === 'returned' ? 'returned' : 'missing',
        staffUrl: status === 'submitted' ? '/staff/reviews' : '/staff/customer-feedback',
        ...(status === 'returned' && found?.comment ? { comment: found.comment } : {}),
      };
    };
    const listed = new Set<string>();
    for (const service of services) {
      for (const fiscalYear of years) {
        for (const quarter of [1, 2, 3, 4]) {
          const found = byKey.get(`${service.id} ${fiscalYear} ${quarter}`);
          if (found) listed.add(found.id);
          const status = found?.status ?? 'draft';
          if (status === 'published' || status === 'not_reported') continue;
          if (status === 'draft' && cxDueDate(fiscalYear, quarter) > horizon) continue;
          items.push(item(service, fiscalYear, quarter, found));
        }
      }
    }
    // Older years (or a service no longer marked HISP): a collection waiting for review or returned still counts.
    for (const found of collections) {
      if (listed.has(found.id) || (found.status !== 'submitted' && found.status !== 'returned')) continue;
      const service = { id: found.service_id, agency_id: found.agency_id, name: found.service_name };
      items.push(item(service, found.fiscal_year, found.quarter, found));
    }
    return items;
  }
}

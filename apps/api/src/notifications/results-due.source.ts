import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addDays,
  DEFAULT_GRACE_DAYS,
  dueDate,
  fiscalYearOf,
  formatPeriodName,
  parsePeriodKey,
  periodsInFiscalYear,
  type Frequency,
} from '@yardstick/metrics';
import { DataSource } from 'typeorm';
import type { DueItem, DueItemQuery, DueItemSource } from './due-items.js';

type StandardRow = { id: string; agency_id: string; code: string; title: string; frequency: Frequency };
type ResultRow = {
  id: string;
  standard_id: string;
  agency_id: string;
  period_key: string;
  title: string;
  comment: string | null;
};

/**
 * Results owed: for every standard that is not retired and has a target for the fiscal year, one result per
 * reporting period (its frequency), due 30 days after the period ends; this fiscal year and the one before.
 * A received result, of any year, waits for review until certified, or is back with the officer when an approver
 * returned it (a comment newer than its figures).
 */
@Injectable()
export class ResultsDueSource implements DueItemSource {
  readonly kind = 'result' as const;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async items({ today, horizonDays, agencyIds }: DueItemQuery): Promise<DueItem[]> {
    if (agencyIds !== 'all' && agencyIds.length === 0) return [];
    const current = fiscalYearOf(today);
    const years = [current - 1, current];
    const scope = agencyIds === 'all' ? null : [...agencyIds];
    const [standards, targets, received, pending] = await Promise.all([
      this.dataSource.query<StandardRow[]>(
        `SELECT s.id, s.agency_id, s.code, v.title, v.frequency
           FROM standards s JOIN standard_versions v ON v.id = COALESCE(s.published_version_id, s.pending_version_id)
          WHERE s.status <> 'retired' AND ($1::uuid[] IS NULL OR s.agency_id = ANY($1))`,
        [scope],
      ),
      this.dataSource.query<{ standard_id: string; fiscal_year: number }[]>(
        `SELECT DISTINCT t.standard_id, t.fiscal_year FROM targets t JOIN standards s ON s.id = t.standard_id
          WHERE t.fiscal_year = ANY($1) AND ($2::uuid[] IS NULL OR s.agency_id = ANY($2))`,
        [years, scope],
      ),
      this.dataSource.query<{ key: string }[]>(
        `SELECT DISTINCT r.standard_id || ' ' || r.period_key AS key FROM results r
          WHERE r.fiscal_year = ANY($1) AND ($2::uuid[] IS NULL OR r.agency_id = ANY($2))`,
        [years, scope],
      ),
      this.dataSource.query<ResultRow[]>(
        `SELECT r.id, r.standard_id, r.agency_id, r.period_key, s.code || ': ' || v.title AS title,
                (SELECT c.comment FROM review_comments c
                  WHERE c.entity_type = 'result' AND c.entity_id = r.id AND c.created_at > r.recorded_at
                  ORDER BY c.created_at DESC LIMIT 1) AS comment
           FROM results r JOIN standards s ON s.id = r.standard_id
           JOIN standard_versions v ON v.id = COALESCE(s.published_version_id, s.pending_version_id)
          WHERE r.certified_at IS NULL AND ($1::uuid[] IS NULL OR r.agency_id = ANY($1))`,
        [scope],
      ),
    ]);
    const withTarget = new Set(targets.map((t) => `${t.standard_id} ${t.fiscal_year}`));
    const has = new Set(received.map((r) => r.key));
    const horizon = addDays(today, horizonDays);
    // Periods, due dates and labels are the same for every standard: worked out once per frequency and year.
    const calendar = new Map<string, { key: string; due: string; label: string }[]>();
    const periodsOf = (frequency: Frequency, year: number) => {
      const k = `${frequency} ${year}`;
      let list = calendar.get(k);
      if (!list) {
        list = periodsInFiscalYear(year, frequency).map((p) => ({
          key: p.key,
          due: dueDate(p, DEFAULT_GRACE_DAYS),
          label: formatPeriodName(p),
        }));
        calendar.set(k, list);
      }
      return list;
    };
    const items: DueItem[] = [];
    for (const standard of standards) {
      for (const year of years) {
        if (!withTarget.has(`${standard.id} ${year}`)) continue;
        for (const period of periodsOf(standard.frequency, year)) {
          if (period.due > horizon || has.has(`${standard.id} ${period.key}`)) continue;
          items.push({
            kind: 'result',
            id: `${standard.id}:${period.key}`,
            agencyId: standard.agency_id,
            title: `${standard.code}: ${standard.title}`,
            periodLabel: period.label,
            dueDate: period.due,
            status: 'missing',
            staffUrl: `/staff/standards/${standard.id}`,
          });
        }
      }
    }
    for (const result of pending) {
      const period = parsePeriodKey(result.period_key);
      items.push({
        kind: 'result',
        id: result.id,
        agencyId: result.agency_id,
        title: result.title,
        periodLabel: formatPeriodName(period),
        dueDate: dueDate(period, DEFAULT_GRACE_DAYS),
        status: result.comment === null ? 'awaiting_review' : 'returned',
        staffUrl: result.comment === null ? '/staff/reviews' : `/staff/standards/${result.standard_id}`,
        ...(result.comment === null ? {} : { comment: result.comment }),
      });
    }
    return items;
  }
}

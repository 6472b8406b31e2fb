import type { WorkItemBody } from '@yardstick/contracts';
import type { DataSource } from 'typeorm';

type Row = {
  kind: 'standard' | 'plan';
  id: string;
  agency_id: string;
  title: string;
  label: string;
  comment: string;
};

/**
 * Standards and Customer Service Plans an approver returned with a comment and nobody has submitted again: the
 * pending version is a draft, and the latest comment was written while that version existed (a version published
 * since and a new draft begun leave the old comment behind). They have no due date; each links to its own page.
 */
export async function returnedDrafts(
  dataSource: DataSource,
  agencyIds: 'all' | readonly string[],
): Promise<WorkItemBody[]> {
  if (agencyIds !== 'all' && agencyIds.length === 0) return [];
  const rows = await dataSource.query<Row[]>(
    `SELECT 'standard' AS kind, s.id, s.agency_id, s.code || ': ' || v.title AS title,
            'version ' || v.version AS label, c.comment
       FROM standards s JOIN standard_versions v ON v.id = s.pending_version_id AND v.status = 'draft'
       JOIN LATERAL (SELECT rc.comment, rc.created_at FROM review_comments rc
                      WHERE rc.entity_type = 'standard' AND rc.entity_id = s.id
                      ORDER BY rc.created_at DESC LIMIT 1) c ON c.created_at > v.created_at
      WHERE s.status <> 'retired' AND ($1::uuid[] IS NULL OR s.agency_id = ANY($1))
     UNION ALL
     SELECT 'plan', p.id, p.agency_id, a.name || ': Customer Service Plan', 'FY' || p.fiscal_year, c.comment
       FROM plans p JOIN plan_versions v ON v.id = p.pending_version_id AND v.status = 'draft'
       JOIN agencies a ON a.id = p.agency_id
       JOIN LATERAL (SELECT rc.comment, rc.created_at FROM review_comments rc
                      WHERE rc.entity_type = 'plan' AND rc.entity_id = p.id
                      ORDER BY rc.created_at DESC LIMIT 1) c ON c.created_at > v.created_at
      WHERE $1::uuid[] IS NULL OR p.agency_id = ANY($1)
     ORDER BY title`,
    [agencyIds === 'all' ? null : [...agencyIds]],
  );
  return rows.map((row) => ({
    kind: row.kind,
    id: row.id,
    agencyId: row.agency_id,
    title: row.title,
    periodLabel: row.label,
    dueDate: null,
    staffUrl: row.kind === 'standard' ? `/staff/standards/${row.id}` : `/staff/plans/${row.id}`,
    comment: row.comment,
  }));
}

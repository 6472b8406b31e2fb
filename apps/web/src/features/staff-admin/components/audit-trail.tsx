import { ACTOR_TYPES, type AuditEventBody } from '@yardstick/contracts';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { CsvButton } from '@/components/ui/csv';
import { SelectField, TextField } from '@/components/ui/form-field';
import { QueryState } from '@/components/ui/page';
import { useAuditEvents } from '../api/admin';

const FILTERS = ['action', 'entityType', 'actorType', 'actorId', 'from', 'to'] as const;
type Filter = (typeof FILTERS)[number];
const LABELS: Record<Filter, string> = {
  action: 'Action',
  entityType: 'Record type',
  actorType: 'Who',
  actorId: 'User or token id',
  from: 'From (date)',
  to: 'Before (date)',
};
const HINTS: Partial<Record<Filter, string>> = {
  action: 'E.g. standard.publish, or standard.* for every standard action.',
};

const json = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value, null, 2));

/** The audit trail with filters kept in the URL; each event's record before and after on demand. */
export const AuditTrail = () => {
  const [params, setParams] = useSearchParams();
  const applied = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<Filter, string>;
  const [draft, setDraft] = useState(applied);
  const page = Math.max(1, Number(params.get('page')) || 1);
  const events = useAuditEvents({
    ...Object.fromEntries(
      FILTERS.filter((f) => applied[f]).map((f) => [
        f,
        f === 'from' || f === 'to' ? `${applied[f]}T00:00:00Z` : applied[f],
      ]),
    ),
    page,
  });
  const go = (next: Record<Filter, string>, nextPage = 1) => {
    const search = new URLSearchParams();
    for (const f of FILTERS) if (next[f]) search.set(f, next[f]);
    if (nextPage > 1) search.set('page', String(nextPage));
    setParams(search, { replace: true });
  };
  const rows = events.data?.items ?? [];
  const pages = events.data ? Math.max(1, Math.ceil(events.data.total / events.data.pageSize)) : 1;

  return (
    <>
      <form
        className="usa-form maxw-none grid-row grid-gap"
        aria-label="Filter the audit trail"
        onSubmit={(event) => {
          event.preventDefault();
          go(draft);
        }}
      >
        {FILTERS.map((f) => (
          <div className="tablet:grid-col-4" key={f}>
            {f === 'actorType' ? (
              <SelectField
                name={f}
                label={LABELS[f]}
                placeholder="- Anyone -"
                value={draft[f]}
                onChange={(v) => setDraft((d) => ({ ...d, [f]: v }))}
                options={ACTOR_TYPES.map((v) => ({ value: v, label: v }))}
              />
            ) : (
              <TextField
                name={f}
                label={LABELS[f]}
                type={f === 'from' || f === 'to' ? 'date' : 'text'}
                hint={HINTS[f]}
                value={draft[f]}
                onChange={(v) => setDraft((d) => ({ ...d, [f]: v }))}
              />
            )}
          </div>
        ))}
        <div className="grid-col-12">
          <button type="submit" className="usa-button">
            Apply filters
          </button>
        </div>
      </form>
      <QueryState isPending={events.isPending} error={events.error} what="the audit trail">
        {() => (
          <>
            <p role="status">
              {events.data!.total} event{events.data!.total === 1 ? '' : 's'}; page {page} of {pages}.
            </p>
            <CsvButton<AuditEventBody>
              fileName="audit-events.csv"
              rows={rows}
              label="Download this page as CSV"
              columns={[
                { header: 'occurred_at', value: (e) => e.occurredAt },
                { header: 'actor_type', value: (e) => e.actorType },
                { header: 'actor_id', value: (e) => e.actorId },
                { header: 'action', value: (e) => e.action },
                { header: 'entity_type', value: (e) => e.entityType },
                { header: 'entity_id', value: (e) => e.entityId },
                { header: 'agency_id', value: (e) => e.agencyId },
                { header: 'ip', value: (e) => e.ip },
              ]}
            />
            <div
              className="usa-table-container--scrollable"
              tabIndex={0}
              role="region"
              aria-label="Table of audit events"
            >
              <table className="usa-table usa-table--compact">
                <caption className="usa-sr-only">Audit events, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Who</th>
                    <th scope="col">Action</th>
                    <th scope="col">Record</th>
                    <th scope="col">Before and after</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((e) => (
                    <tr key={e.id}>
                      <th scope="row">{new Date(e.occurredAt).toLocaleString('en-US')}</th>
                      <td>
                        {e.actorType}
                        {e.actorId ? ` ${e.actorId.slice(0, 8)}` : ''}
                        {e.subject ? ` (${e.subject})` : ''}
                      </td>
                      <td>
                        <code>{e.action}</code>
                      </td>
                      <td>{e.entityType ? `${e.entityType} ${e.entityId?.slice(0, 8) ?? ''}` : '-'}</td>
                      <td>
                        {e.before !== null || e.after !== null ? (
                          <details>
                            <summary>Show</summary>
                            {e.before !== null ? (
                              <>
                                <strong>Before</strong>
                                <pre className="font-mono-3xs">{json(e.before)}</pre>
                              </>
                            ) : null}
                            {e.after !== null ? (
                              <>
                                <strong>After</strong>
                                <pre className="font-mono-3xs">{json(e.after)}</pre>
                              </>
                            ) : null}
                          </details>
                        ) : (
                          '-'
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <nav aria-label="Audit trail pages" className="usa-button-group">
              <button
                type="button"
                className="usa-button usa-button--outline"
                disabled={page <= 1}
                onClick={() => go(applied, page - 1)}
              >
                Newer events
              </button>
              <button
                type="button"
                className="usa-button usa-button--outline"
                disabled={page >= pages}
                onClick={() => go(applied, page + 1)}
              >
                Older events
              </button>
            </nav>
          </>
        )}
      </QueryState>
    </>
  );
};

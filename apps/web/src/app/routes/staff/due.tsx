import type { DueResultBody } from '@yardstick/contracts';
import { Link, useSearchParams } from 'react-router';
import { CsvButton } from '@/components/ui/csv';
import { SelectField } from '@/components/ui/form-field';
import { QueryState, StaffPage } from '@/components/ui/page';
import { staffPaths } from '@/config/staff-paths';
import { useAgencies, useDue, useStandards } from '@/features/staff-registry/api/registry';

export const DueRoute = () => {
  // Filters live in the URL, so a view can be bookmarked and shared.
  const [params, setParams] = useSearchParams();
  const agencyId = params.get('agency') ?? '';
  const standardId = params.get('standard') ?? '';
  const stateFilter = params.get('state') ?? '';
  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name === 'agency') next.delete('standard');
    setParams(next, { replace: true });
  };
  const due = useDue({ agencyId: agencyId || undefined, standardId: standardId || undefined });
  const agencies = useAgencies();
  const standards = useStandards({ agencyId: agencyId || undefined, sort: 'code' });
  const agency = (id: string) => agencies.data?.items.find((a) => a.id === id)?.abbreviation ?? '';
  const rows = (due.data ?? []).filter((r) => !stateFilter || r.state === stateFilter);
  const overdue = rows.filter((r) => r.state === 'overdue').length;
  return (
    <StaffPage
      title="Results due and overdue"
      breadcrumbs={[{ label: 'Workspace', to: staffPaths.root }]}
      intro="Periods that have ended without a result, for standards with a target that year. A result is due within 30 days of the period’s end, and overdue after."
    >
      <form
        className="usa-form maxw-none grid-row grid-gap"
        aria-label="Filters of results due"
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="tablet:grid-col-4">
          <SelectField
            name="agency"
            label="Agency"
            placeholder="- All -"
            value={agencyId}
            onChange={(v) => setFilter('agency', v)}
            options={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
          />
        </div>
        <div className="tablet:grid-col-5">
          <SelectField
            name="standard"
            label="Standard"
            placeholder="- All -"
            value={standardId}
            onChange={(v) => setFilter('standard', v)}
            options={(standards.data?.items ?? []).map((s) => ({
              value: s.id,
              label: `${s.code}: ${s.current.title}`,
            }))}
          />
        </div>
        <div className="tablet:grid-col-3">
          <SelectField
            name="state"
            label="State"
            placeholder="Due and overdue"
            value={stateFilter}
            onChange={(v) => setFilter('state', v)}
            options={[
              { value: 'overdue', label: 'Overdue' },
              { value: 'due', label: 'Due' },
            ]}
          />
        </div>
      </form>
      <QueryState isPending={due.isPending} error={due.error} what="results due">
        {() =>
          rows.length === 0 ? (
            <p>Nothing is due or overdue.</p>
          ) : (
            <>
              <p role="status">
                {rows.length} result{rows.length === 1 ? '' : 's'} missing: {overdue} overdue, {rows.length - overdue}{' '}
                due.
              </p>
              <CsvButton<DueResultBody>
                fileName="results-due.csv"
                rows={rows}
                columns={[
                  { header: 'agency', value: (r) => agency(r.agencyId) },
                  { header: 'standard_code', value: (r) => r.standardCode },
                  { header: 'standard', value: (r) => r.standardTitle },
                  { header: 'period', value: (r) => r.periodKey },
                  { header: 'due_date', value: (r) => r.dueDate },
                  { header: 'state', value: (r) => r.state },
                ]}
              />
              <div
                className="usa-table-container--scrollable"
                tabIndex={0}
                role="region"
                aria-label="Table of results due"
              >
                <table className="usa-table usa-table--striped">
                  <caption className="usa-sr-only">Results due and overdue, by due date</caption>
                  <thead>
                    <tr>
                      <th scope="col">Standard</th>
                      <th scope="col">Period</th>
                      <th scope="col">Due by</th>
                      <th scope="col">State</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((r) => (
                      <tr key={`${r.standardId}-${r.periodKey}`}>
                        <th scope="row">
                          <Link to={staffPaths.standard(r.standardId)}>{r.standardCode}</Link> {r.standardTitle} (
                          {agency(r.agencyId)})
                        </th>
                        <td>{r.periodLabel}</td>
                        <td>{r.dueDate}</td>
                        <td>
                          <span
                            className={`usa-tag text-no-uppercase ${r.state === 'overdue' ? 'bg-secondary-dark' : 'bg-gold text-ink'}`}
                          >
                            {r.state === 'overdue' ? 'Overdue' : 'Due'}
                          </span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )
        }
      </QueryState>
    </StaffPage>
  );
};

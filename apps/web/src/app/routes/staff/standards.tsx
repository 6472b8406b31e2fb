import { formatMeasure } from '@yardstick/metrics';
import { DIMENSIONS, STANDARD_STATUSES, type StandardBody } from '@yardstick/contracts';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CsvButton } from '@/components/ui/csv';
import { CheckboxGroup, SelectField, TextField } from '@/components/ui/form-field';
import { QueryState, StaffPage } from '@/components/ui/page';
import { StatusTag } from '@/components/ui/status-tag';
import { staffPaths } from '@/config/staff-paths';
import { can, useSession } from '@/features/staff-auth/api/session';
import { useAgencies, useAllBenchmarks, useCreateStandard, useStandards } from '@/features/staff-registry/api/registry';
import { StandardForm } from '@/features/staff-registry/components/standard-form';
import { DIMENSION_LABELS, STANDARD_STATUS_LABELS } from '@/features/staff-registry/labels';

export const StandardsRoute = () => {
  const [params, setParams] = useSearchParams();
  const { data: user } = useSession();
  const agencies = useAgencies();
  const filters = {
    agencyId: params.get('agencyId') ?? '',
    status: params.get('status') ?? '',
    dimension: params.get('dimension') ?? '',
    q: params.get('q') ?? '',
  };
  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);
  const [q, setQ] = useState(filters.q);
  const standards = useStandards({
    agencyId: filters.agencyId || undefined,
    status: filters.status || undefined,
    dimension: filters.dimension || undefined,
    q: filters.q || undefined,
    sort: 'code',
    page,
  });
  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    // Other filters make another list: it starts at its first page.
    if (name !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };
  const agencyName = (id: string) => agencies.data?.items.find((a) => a.id === id)?.abbreviation ?? '';
  const rows = standards.data?.items ?? [];
  const pageSize = standards.data?.pageSize ?? 100;
  const pages = Math.max(1, Math.ceil((standards.data?.total ?? 0) / pageSize));
  const first = (page - 1) * pageSize + 1;

  return (
    <StaffPage title="Standards" breadcrumbs={[{ label: 'Workspace', to: staffPaths.root }]}>
      {can(user, 'registry:write') ? (
        <p>
          <Link className="usa-button" to={staffPaths.newStandard}>
            Create a standard
          </Link>
        </p>
      ) : null}
      <form
        className="usa-form maxw-none grid-row grid-gap"
        role="search"
        aria-label="Filter standards"
        onSubmit={(event) => {
          event.preventDefault();
          setFilter('q', q.trim());
        }}
      >
        <div className="tablet:grid-col-3">
          <SelectField
            name="filterAgency"
            label="Agency"
            placeholder="- All -"
            value={filters.agencyId}
            onChange={(v) => setFilter('agencyId', v)}
            options={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
          />
        </div>
        <div className="tablet:grid-col-2">
          <SelectField
            name="filterStatus"
            label="Status"
            placeholder="- All -"
            value={filters.status}
            onChange={(v) => setFilter('status', v)}
            options={STANDARD_STATUSES.map((s) => ({ value: s, label: STANDARD_STATUS_LABELS[s] }))}
          />
        </div>
        <div className="tablet:grid-col-3">
          <SelectField
            name="filterDimension"
            label="Dimension"
            placeholder="- All -"
            value={filters.dimension}
            onChange={(v) => setFilter('dimension', v)}
            options={DIMENSIONS.map((d) => ({ value: d, label: DIMENSION_LABELS[d] }))}
          />
        </div>
        <div className="tablet:grid-col-4 display-flex flex-align-end">
          <TextField name="filterQ" label="Words in the code, title or statement" value={q} onChange={setQ} />
          <button type="submit" className="usa-button margin-left-1">
            Search
          </button>
        </div>
      </form>
      <QueryState isPending={standards.isPending} error={standards.error} what="standards">
        {() => (
          <>
            <p role="status">
              {standards.data!.total} standard{standards.data!.total === 1 ? '' : 's'}
              {standards.data!.total > rows.length && rows.length > 0
                ? `, ${first} to ${first + rows.length - 1} shown (page ${page} of ${pages})`
                : ''}
              .
            </p>
            <CsvButton<StandardBody>
              fileName="standards.csv"
              rows={rows}
              columns={[
                { header: 'code', value: (s) => s.code },
                { header: 'agency', value: (s) => agencyName(s.agencyId) },
                { header: 'title', value: (s) => s.current.title },
                { header: 'dimension', value: (s) => s.current.dimension },
                { header: 'status', value: (s) => s.status },
                { header: 'latest_period', value: (s) => s.standing.periodKey },
                { header: 'latest_value', value: (s) => s.standing.value },
                { header: 'standing', value: (s) => s.standing.status },
              ]}
            />
            <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-label="Table of standards">
              <table className="usa-table usa-table--striped width-full">
                <caption className="usa-sr-only">Standards</caption>
                <thead>
                  <tr>
                    <th scope="col">Code</th>
                    <th scope="col">Title</th>
                    <th scope="col">Agency</th>
                    <th scope="col">Dimension</th>
                    <th scope="col">Status</th>
                    <th scope="col">Latest result</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((s) => (
                    <tr key={s.id}>
                      <th scope="row">
                        <Link to={staffPaths.standard(s.id)}>{s.code}</Link>
                      </th>
                      <td>{s.current.title}</td>
                      <td>{agencyName(s.agencyId)}</td>
                      <td>{DIMENSION_LABELS[s.current.dimension]}</td>
                      <td>
                        {STANDARD_STATUS_LABELS[s.status]}
                        {s.pending ? ` (edit ${s.pending.status === 'in_review' ? 'in review' : 'in draft'})` : ''}
                      </td>
                      <td>
                        {s.standing.periodKey ? (
                          <>
                            {formatMeasure(s.standing.value, s.current.unit)} ({s.standing.periodKey}){' '}
                            <StatusTag status={s.standing.status} />
                          </>
                        ) : (
                          'None yet'
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {pages > 1 ? (
              <nav aria-label="Pages of standards" className="margin-y-2">
                <ul className="usa-button-group">
                  <li className="usa-button-group__item">
                    <button
                      type="button"
                      className="usa-button usa-button--outline"
                      disabled={page <= 1}
                      onClick={() => setFilter('page', String(page - 1))}
                    >
                      Previous page
                    </button>
                  </li>
                  <li className="usa-button-group__item">
                    <button
                      type="button"
                      className="usa-button usa-button--outline"
                      disabled={page >= pages}
                      onClick={() => setFilter('page', String(page + 1))}
                    >
                      Next page
                    </button>
                  </li>
                </ul>
              </nav>
            ) : null}
          </>
        )}
      </QueryState>
    </StaffPage>
  );
};

export const NewStandardRoute = () => {
  const navigate = useNavigate();
  const create = useCreateStandard();
  const benchmarks = useAllBenchmarks();
  const { data: user } = useSession();
  const [benchmarkIds, setBenchmarkIds] = useState<string[]>([]);
  return (
    <StaffPage
      title="Create a standard"
      breadcrumbs={[
        { label: 'Workspace', to: staffPaths.root },
        { label: 'Standards', to: staffPaths.standards },
      ]}
      intro="A standard starts as a draft. Set its targets, then submit it for review."
    >
      <StandardForm
        canWriteFor={(agencyId) => can(user, 'registry:write', agencyId)}
        submitLabel="Create draft standard"
        busy={create.isPending}
        onSubmit={async (body) => {
          const standard = await create.mutateAsync({ ...body, benchmarkIds });
          await navigate(staffPaths.standard(standard.id), { state: { created: true } });
        }}
      >
        {(benchmarks.data?.items.length ?? 0) > 0 ? (
          <CheckboxGroup
            legend="Benchmarks to attach"
            name="benchmarkIds"
            hint="Best-in-business comparisons for this standard; more can be added on its page."
            options={benchmarks.data!.items.map((b) => ({
              value: b.id,
              label: `${b.name} (${b.sourceOrganization}, ${b.year}): ${formatMeasure(b.value, b.unit)}`,
            }))}
            value={benchmarkIds}
            onChange={setBenchmarkIds}
          />
        ) : null}
      </StandardForm>
    </StaffPage>
  );
};

import { DIMENSIONS, PORTFOLIO_STATE_LABELS, PORTFOLIO_STATES, type Dimension } from '@yardstick/contracts';
import { fiscalYearOf } from '@yardstick/metrics';
import { useParams, useSearchParams } from 'react-router';
import { SelectField } from '@/components/ui/form-field';
import { QueryState, StaffPage } from '@/components/ui/page';
import { staffPaths } from '@/config/staff-paths';
import {
  usePortfolio,
  usePortfolioAgencies,
  usePortfolioServices,
  useTrend,
  type PortfolioFilters,
} from '@/features/staff-portfolio/api/portfolio';
import { MetOverTime } from '@/features/staff-portfolio/components/met-over-time';
import { StandardsGrid } from '@/features/staff-portfolio/components/standards-grid';
import { StatusTable } from '@/features/staff-portfolio/components/status-table';
import { TrendChart } from '@/features/staff-portfolio/components/trend-chart';
import { DIMENSION_LABELS } from '@/features/staff-registry/labels';

/** Filters live in the URL, so a view can be bookmarked and shared. */
const useFilters = (): [PortfolioFilters, (name: string, value: string) => void] => {
  const [params, setParams] = useSearchParams();
  const current = fiscalYearOf(new Date());
  const fy = Number(params.get('fy'));
  const q = Number(params.get('q'));
  const filters: PortfolioFilters = {
    fiscalYear: Number.isInteger(fy) && fy >= 1900 && fy <= 2999 ? fy : current,
    quarter: [1, 2, 3, 4].includes(q) ? q : null,
    agencyId: params.get('agency'),
    serviceId: params.get('service'),
    dimension: (DIMENSIONS as readonly string[]).includes(params.get('dimension') ?? '')
      ? params.get('dimension')
      : null,
  };
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    if (name === 'agency') next.delete('service');
    setParams(next, { replace: true });
  };
  return [filters, set];
};

export const PortfolioRoute = () => {
  const [filters, setFilter] = useFilters();
  const portfolio = usePortfolio(filters);
  const agencies = usePortfolioAgencies();
  const services = usePortfolioServices(filters.agencyId);
  const current = fiscalYearOf(new Date());
  const years = Array.from({ length: 6 }, (_, i) => current - 4 + i);

  return (
    <StaffPage
      title="Portfolio"
      breadcrumbs={[{ label: 'Workspace', to: staffPaths.root }]}
      intro="Where every published standard stands against its target, by agency, service and dimension."
    >
      <form
        className="usa-form maxw-none grid-row grid-gap"
        aria-label="Portfolio filters"
        onSubmit={(e) => e.preventDefault()}
      >
        <div className="tablet:grid-col-2">
          <SelectField
            name="fy"
            label="Fiscal year"
            required
            placeholder={null}
            value={String(filters.fiscalYear)}
            onChange={(v) => setFilter('fy', v)}
            options={years.map((y) => ({ value: String(y), label: `FY${y}` }))}
          />
        </div>
        <div className="tablet:grid-col-2">
          <SelectField
            name="q"
            label="Quarter"
            placeholder="Whole year"
            value={filters.quarter ? String(filters.quarter) : ''}
            onChange={(v) => setFilter('q', v)}
            options={[1, 2, 3, 4].map((q) => ({ value: String(q), label: `Q${q}` }))}
          />
        </div>
        <div className="tablet:grid-col-3">
          <SelectField
            name="agency"
            label="Agency"
            placeholder="- All -"
            value={filters.agencyId ?? ''}
            onChange={(v) => setFilter('agency', v)}
            options={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
          />
        </div>
        <div className="tablet:grid-col-3">
          <SelectField
            name="service"
            label="Service"
            placeholder="- All -"
            value={filters.serviceId ?? ''}
            onChange={(v) => setFilter('service', v)}
            options={(services.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
          />
        </div>
        <div className="tablet:grid-col-2">
          <SelectField
            name="dimension"
            label="Dimension"
            placeholder="- All -"
            value={filters.dimension ?? ''}
            onChange={(v) => setFilter('dimension', v)}
            options={DIMENSIONS.map((d) => ({ value: d, label: DIMENSION_LABELS[d] }))}
          />
        </div>
      </form>
      <QueryState isPending={portfolio.isPending} error={portfolio.error} what="the portfolio">
        {() => {
          const data = portfolio.data!;
          const total = PORTFOLIO_STATES.reduce((n, s) => n + data.states[s], 0);
          return (
            <>
              <section aria-labelledby="summary-heading">
                <h2 id="summary-heading">{data.periodLabel}</h2>
                <p role="status" data-testid="portfolio-summary">
                  {total} published standard{total === 1 ? '' : 's'}:{' '}
                  {PORTFOLIO_STATES.map((s) => `${data.states[s]} ${PORTFOLIO_STATE_LABELS[s].toLowerCase()}`).join(
                    ', ',
                  )}
                  .
                </p>
                <p className="font-body-2xs">{data.method}</p>
              </section>
              <section aria-labelledby="groups-heading">
                <h2 id="groups-heading">Status by agency, service and dimension</h2>
                <StatusTable
                  caption="Status by agency"
                  groupLabel="Agency"
                  groups={data.byAgency}
                  fileName={`status-by-agency-${data.periodKey}.csv`}
                />
                <StatusTable
                  caption="Status by service"
                  groupLabel="Service"
                  groups={data.byService}
                  fileName={`status-by-service-${data.periodKey}.csv`}
                />
                <StatusTable
                  caption="Status by dimension"
                  groupLabel="Dimension"
                  groups={data.byDimension.map((g) => ({
                    ...g,
                    label: DIMENSION_LABELS[g.key as Dimension] ?? g.label,
                  }))}
                  fileName={`status-by-dimension-${data.periodKey}.csv`}
                />
              </section>
              <section aria-labelledby="over-time-heading">
                <h2 id="over-time-heading">Targets met over time</h2>
                <MetOverTime points={data.metOverTime} />
              </section>
              <section aria-labelledby="grid-heading">
                <h2 id="grid-heading">Standards by quarter</h2>
                <p>Choose a standard to see its trend, target, benchmarks and margin of error.</p>
                <StandardsGrid portfolio={data} />
              </section>
            </>
          );
        }}
      </QueryState>
    </StaffPage>
  );
};

export const TrendRoute = () => {
  const { id = '' } = useParams();
  const trend = useTrend(id);
  return (
    <StaffPage
      title={trend.data ? `${trend.data.code}: ${trend.data.title}` : 'Trend'}
      breadcrumbs={[
        { label: 'Workspace', to: staffPaths.root },
        { label: 'Portfolio', to: staffPaths.portfolio },
      ]}
    >
      <QueryState isPending={trend.isPending} error={trend.error} what="the trend">
        {() => (
          <>
            <p className="usa-intro">{trend.data!.statement}</p>
            <TrendChart trend={trend.data!} />
          </>
        )}
      </QueryState>
    </StaffPage>
  );
};

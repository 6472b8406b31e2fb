import { ReportingRecord } from '@/features/public/components/reporting-record';
import type { PublicAgency } from '@yardstick/contracts';
import { Link, useParams } from 'react-router';
import { ChartFigure } from '@/components/charts/chart-figure';
import { PageTitle } from '@/components/seo/page-title';
import { paths } from '@/config/paths';
import { publicApiPaths, usePublicData } from '@/features/public/api/public-data';
import { Breadcrumbs } from '@/features/public/components/breadcrumbs';
import { CxSummaryTable } from '@/features/public/components/cx-section';
import { describeTally, formatShare } from '@/features/public/components/format';
import { PublicPage } from '@/features/public/components/page-state';
import { StandardsTable } from '@/features/public/components/standards-table';

const Agency = ({ page }: { page: PublicAgency }) => {
  const { agency } = page;
  const latestYear = page.byYear.at(-1);
  const yearName = (fiscalYear: number): string => page.fiscalYearNames[fiscalYear] ?? String(fiscalYear);
  return (
    <>
      <PageTitle title={agency.name} />
      <Breadcrumbs items={[{ label: 'Home', to: paths.home }, { label: agency.name }]} />
      <h1>{agency.name}</h1>
      <div className="usa-prose">
        <p className="usa-intro">
          {agency.abbreviation}
          {agency.parent ? (
            <>
              , part of <Link to={paths.agency.to(agency.parent.slug)}>{agency.parent.name}</Link>
            </>
          ) : null}
          . {page.services.length} services, {page.services.reduce((n, s) => n + s.standards.length, 0)} published
          standards.
        </p>
        {agency.websiteUrl ? (
          <p>
            Agency website: <a href={agency.websiteUrl}>{agency.websiteUrl}</a>
          </p>
        ) : null}
        {page.bureaus.length > 0 ? (
          <p>
            The figures on this page include the standards of its bureaus:{' '}
            {page.bureaus.map((b, i) => (
              <span key={b.slug}>
                {i > 0 ? ', ' : ''}
                <Link to={paths.agency.to(b.slug)}>{b.name}</Link>
              </span>
            ))}
          </p>
        ) : null}
      </div>

      <h2>Targets met by fiscal year</h2>
      {page.byYear.length > 0 ? (
        <ChartFigure
          title={`Share of targets met by fiscal year, ${agency.abbreviation}`}
          summary={
            <p>
              {latestYear ? `Fiscal year ${yearName(latestYear.fiscalYear)} so far: ${describeTally(latestYear)} ` : ''}
              Each standard’s results over the year are compared with that year’s target.
            </p>
          }
          data={page.byYear.map((y) => ({
            year: `FY${yearName(y.fiscalYear)}`,
            share: y.share,
            met: y.met,
            assessed: y.assessed,
          }))}
          xKey="year"
          config={{ share: { label: 'Targets met (%)', kind: 'bar', color: 'primary' } }}
          formatValue={(v) => `${Math.round(v)}%`}
          yDomain={[0, 100]}
          columns={[
            { key: 'year', label: 'Fiscal year' },
            { key: 'share', label: 'Targets met', format: (v) => formatShare(typeof v === 'number' ? v : null) },
            { key: 'met', label: 'Met' },
            { key: 'assessed', label: 'Assessed' },
          ]}
        />
      ) : (
        <p>No certified results yet.</p>
      )}

      {page.cx ? (
        <>
          <h2>Customer feedback</h2>
          <p>
            Each High Impact Service&rsquo;s latest published quarter of customer feedback (A-11 Section 280). The
            surveys are not random samples.
          </p>
          <CxSummaryTable items={page.cx} caption="Trust in each service, latest published quarter" />
        </>
      ) : null}
      <ReportingRecord record={page.reportingRecord} id="record-heading" />

      <h2>Annual reports</h2>
      {page.reportYears.length > 0 ? (
        <ul>
          {page.reportYears.map((year) => (
            <li key={year}>
              <Link to={paths.report.to(agency.slug, year)}>Annual report, fiscal year {yearName(year)}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <p>No annual report yet.</p>
      )}

      <h2>Customer Service Plans</h2>
      {page.planYears.length > 0 ? (
        <ul>
          {page.planYears.map((year) => (
            <li key={year}>
              <Link to={paths.plan.to(agency.slug, year)}>Customer Service Plan, fiscal year {year}</Link>
            </li>
          ))}
        </ul>
      ) : (
        <p>No Customer Service Plan published yet.</p>
      )}

      <h2>Open data</h2>
      <p>
        Every certified result of this agency’s published standards:{' '}
        <a href={paths.server.agencyCsv(agency.slug)}>download CSV</a> or{' '}
        <a href={paths.server.agencyJson(agency.slug)}>download JSON</a>.
      </p>

      <h2>Services and their standards</h2>
      {page.services.map((service) => (
        <section key={service.slug} aria-labelledby={`service-${service.slug}`}>
          <h3 id={`service-${service.slug}`}>
            <Link to={paths.service.to(service.slug)}>{service.name}</Link>
            {service.hisp ? <span className="usa-tag margin-left-1">HISP</span> : null}
          </h3>
          <StandardsTable caption={`Standards of ${service.name}`} standards={service.standards} />
        </section>
      ))}
    </>
  );
};

export const AgencyRoute = () => {
  const { slug = '' } = useParams();
  const query = usePublicData<PublicAgency>(publicApiPaths.agency(slug));
  return (
    <div className="grid-container padding-y-4">
      <PublicPage query={query}>{(page) => <Agency page={page} />}</PublicPage>
    </div>
  );
};

import { ReportingRecord } from '@/features/public/components/reporting-record';
import type { PublicReport, PublicReportStandard } from '@yardstick/contracts';
import { formatChange } from '@yardstick/metrics';
import { Link, useParams } from 'react-router';
import { PageTitle } from '@/components/seo/page-title';
import { paths } from '@/config/paths';
import { publicApiPaths, usePublicData } from '@/features/public/api/public-data';
import { Breadcrumbs } from '@/features/public/components/breadcrumbs';
import { CxSummaryTable } from '@/features/public/components/cx-section';
import { describeTally, formatDate, formatMeasure, formatTarget } from '@/features/public/components/format';
import { PublicPage } from '@/features/public/components/page-state';
import { StatusTag } from '@/components/ui/status-tag';

const change = (s: PublicReportStandard): string => formatChange(s.change, s.unit);

const Report = ({ report }: { report: PublicReport }) => {
  const { agency, fiscalYear, fiscalYearName, previousFiscalYearName } = report;
  return (
    <>
      <PageTitle title={`${agency.name}: annual report, fiscal year ${fiscalYearName}`} />
      <Breadcrumbs
        items={[
          { label: 'Home', to: paths.home },
          { label: agency.name, to: paths.agency.to(agency.slug) },
          { label: `Annual report FY${fiscalYearName}` },
        ]}
      />
      <h1>
        {agency.name}: annual report on service standards, fiscal year {fiscalYearName}
      </h1>
      <p>The fiscal year ran from {report.fiscalYearSpan}.</p>
      {report.partial ? (
        <div className="usa-alert usa-alert--info usa-alert--slim margin-y-2" role="region" aria-label="Partial year">
          <div className="usa-alert__body">
            <p className="usa-alert__text">
              <strong>A partial year.</strong> Fiscal year {report.fiscalYearName} is still in progress: this report
              covers the results certified by {formatDate(report.partial.asOf)} ({report.partial.monthsElapsed} of 12
              months ended
              {report.partial.latestPeriodLabel
                ? `; the latest period reported is ${report.partial.latestPeriodLabel}`
                : ''}
              ). The year’s figures will change as the remaining periods are reported and certified.
            </p>
          </div>
        </div>
      ) : null}
      <ul className="usa-button-group report-actions margin-y-2">
        <li className="usa-button-group__item">
          <a className="usa-button usa-button--outline" href={paths.server.reportPdf(agency.slug, fiscalYear)}>
            Download PDF
          </a>
        </li>
        <li className="usa-button-group__item">
          <a className="usa-button usa-button--outline" href={paths.server.reportCsv(agency.slug, fiscalYear)}>
            Download CSV
          </a>
        </li>
      </ul>

      <h2>Summary</h2>
      <p>
        <strong>Fiscal year {fiscalYearName}:</strong> {describeTally(report.tally)}
      </p>
      <p>
        <strong>Fiscal year {previousFiscalYearName}:</strong> {describeTally(report.previousTally)}
      </p>
      {report.cx ? (
        <>
          <h2>Customer feedback</h2>
          <CxSummaryTable
            items={report.cx}
            caption={`Trust in each service, latest published quarter in or before fiscal year ${fiscalYear}`}
          />
        </>
      ) : null}

      <ReportingRecord record={report.reportingRecord} id="record-heading" />

      {report.services.map((service) => (
        <section key={service.slug} aria-labelledby={`report-${service.slug}`} className="report-service">
          <h2 id={`report-${service.slug}`}>
            <Link to={paths.service.to(service.slug)}>{service.name}</Link>
          </h2>
          <div
            className="usa-table-container--scrollable"
            tabIndex={0}
            role="region"
            aria-label={`${service.name}: standards`}
          >
            <table className="usa-table usa-table--compact usa-table--striped width-full">
              <caption className="usa-sr-only">
                {service.name}: standards, targets and results in fiscal year {fiscalYearName}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Standard</th>
                  <th scope="col">Target</th>
                  <th scope="col">Result</th>
                  <th scope="col">Status</th>
                  <th scope="col">FY{previousFiscalYearName}</th>
                  <th scope="col">Change</th>
                </tr>
              </thead>
              <tbody>
                {service.standards.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">
                      <Link to={paths.standard.to(s.agency.slug, s.code)}>{s.title}</Link>
                      <div className="font-body-3xs text-normal">{s.statement}</div>
                    </th>
                    <td>{formatTarget(s.target, s.unit)}</td>
                    <td>
                      {formatMeasure(s.result.value, s.unit)}
                      {s.result.reason ? <div className="font-body-3xs">{s.result.reason}</div> : null}
                      {s.result.leftOut.length > 0 ? (
                        <div className="font-body-3xs">
                          From {s.result.periods} results; not combined:{' '}
                          {s.result.leftOut.map((l) => `${l.periodLabel} (${l.reason})`).join('; ')}.
                        </div>
                      ) : null}
                    </td>
                    <td>
                      <StatusTag status={s.status} />
                      {s.awaitingCertification ? (
                        <div className="font-body-3xs">A result of the year is awaiting certification</div>
                      ) : null}
                    </td>
                    <td>{formatMeasure(s.previous.value, s.unit)}</td>
                    <td>{change(s)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {service.standards.some((s) => s.explanations.length > 0) ? (
            <>
              <h3>Why targets were missed, and what will be done</h3>
              <ul>
                {service.standards.flatMap((s) =>
                  s.explanations.map((e) => (
                    <li key={`${s.id}-${e.periodKey}`}>
                      <strong>
                        {s.title}, {e.periodLabel}:
                      </strong>{' '}
                      {e.why} <em>Action:</em> {e.action}
                    </li>
                  )),
                )}
              </ul>
            </>
          ) : null}
        </section>
      ))}

      <h2>Benchmarks used and their sources</h2>
      {report.benchmarks.length ? (
        <ul>
          {report.benchmarks.map((b) => (
            <li key={`${b.name}-${b.year}-${b.sourceOrganization}`}>
              {b.name}: {formatMeasure(b.value, b.unit)} ({b.year}), {b.sourceOrganization}
              {b.sourceUrl ? (
                <>
                  , <a href={b.sourceUrl}>{b.sourceUrl}</a>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>No benchmark was used.</p>
      )}

      <h2>Methodology</h2>
      <div className="usa-prose">
        {report.methodology.map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
    </>
  );
};

export const ReportRoute = () => {
  const { agencySlug = '', fiscalYear = '' } = useParams();
  const query = usePublicData<PublicReport>(publicApiPaths.report(agencySlug, fiscalYear));
  return (
    <div className="grid-container padding-y-4 annual-report">
      <PublicPage query={query}>{(report) => <Report report={report} />}</PublicPage>
    </div>
  );
};

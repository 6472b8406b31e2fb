import type { PublicResult, PublicStandard } from '@yardstick/contracts';
import { STATUS_LABELS } from '@yardstick/metrics';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ChartFigure } from '@/components/charts/chart-figure';
import { PageTitle } from '@/components/seo/page-title';
import { useBrowserValue } from '@/hooks/use-hydrated';
import { paths } from '@/config/paths';
import { publicApiPaths, usePublicData } from '@/features/public/api/public-data';
import { Breadcrumbs } from '@/features/public/components/breadcrumbs';
import {
  CHANNEL_LABELS,
  COMPUTATION_LABELS,
  DIMENSION_LABELS,
  DIRECTION_LABELS,
  formatDate,
  formatMeasure,
  formatTarget,
} from '@/features/public/components/format';
import { PublicPage } from '@/features/public/components/page-state';
import { ComplaintInfo } from '@/features/public/components/service-contact';
import { StatusTag } from '@/components/ui/status-tag';

const ResultsChart = ({ standard }: { standard: PublicStandard }) => {
  const fmt = (v: number) => formatMeasure(v, standard.unit);
  const results = standard.results;
  const counts = results.reduce<Record<string, number>>(
    (acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }),
    {},
  );
  const first = results[0];
  const last = results.at(-1);
  return (
    <ChartFigure
      title={`Results over time against the target: ${standard.title}`}
      summary={
        results.length === 0 ? (
          <p>No certified result yet.</p>
        ) : (
          <p>
            {results.length} certified results from {first!.periodLabel} to {last!.periodLabel}, from{' '}
            {formatMeasure(first!.value, standard.unit)} to {formatMeasure(last!.value, standard.unit)}.{' '}
            {Object.entries(counts)
              .map(([status, n]) => `${STATUS_LABELS[status as keyof typeof STATUS_LABELS]}: ${n}`)
              .join('; ')}
            . The target line steps where the target changes by fiscal year
            {standard.benchmarks.length ? '; dotted lines are benchmarks' : ''}.
          </p>
        )
      }
      data={results.map((r) => ({
        period: r.periodKey,
        label: r.periodLabel,
        value: r.value,
        interval: r.interval ? formatInterval(r, standard) : '',
        target: r.target,
        status: STATUS_LABELS[r.status] + (r.withinMargin ? ' (within the margin of error)' : ''),
      }))}
      xKey="period"
      config={{
        value: { label: 'Result', kind: 'line', color: 'primary' },
        target: { label: 'Target', kind: 'step', color: 'target' },
      }}
      references={standard.benchmarks.map((b) => ({ label: `${b.name} (${b.year})`, value: b.value }))}
      formatValue={fmt}
      tableElsewhere={{
        href: '#every-result',
        label: 'The numbers in this chart are in the table of every result, below.',
      }}
      columns={[
        { key: 'label', label: 'Period' },
        {
          key: 'value',
          label: 'Result',
          format: (v) => formatMeasure(typeof v === 'number' ? v : null, standard.unit),
        },
        ...(results.some((r) => r.interval) ? [{ key: 'interval', label: '95% interval' }] : []),
        { key: 'target', label: 'Target', format: (v) => (typeof v === 'number' ? fmt(v) : 'No target') },
        { key: 'status', label: 'Status' },
      ]}
    />
  );
};

/** "69.9% to 71.6%": the 95% interval of a sampled result. */
const formatInterval = (r: PublicResult, standard: PublicStandard): string =>
  r.interval
    ? `${formatMeasure(Math.round(r.interval.lower * 10) / 10, standard.unit)} to ${formatMeasure(Math.round(r.interval.upper * 10) / 10, standard.unit)}`
    : '';

/** The margin of error of a sampled result, in words; nothing for a result counted over every case. */
const MarginNote = ({ result, standard }: { result: PublicResult; standard: PublicStandard }) =>
  result.interval && result.sampleSize !== null ? (
    <p className="margin-y-1">
      {`95% confidence interval: ${formatInterval(result, standard)} (a sample of ${result.sampleSize.toLocaleString('en-US')}).`}
      {result.withinMargin
        ? ' The target lies within this margin of error: the sample cannot tell the result apart from the target.'
        : ''}
    </p>
  ) : null;

const EmbedSnippet = ({ embedPath, title }: { embedPath: string; title: string }) => {
  const [copied, setCopied] = useState(false);
  // The server does not know the address people reach it by; the browser fills in its origin after loading.
  const origin = useBrowserValue(() => window.location.origin, '');
  const snippet = `<iframe src="${origin}${embedPath}" title="${title.replace(/"/g, '&quot;')}" width="360" height="260" style="border:0"></iframe>`;
  return (
    <>
      <label className="usa-label" htmlFor="embed-snippet">
        HTML to show this standard and its latest result on your own page
      </label>
      <textarea id="embed-snippet" className="usa-textarea font-mono-2xs" readOnly rows={3} value={snippet} />
      <button
        type="button"
        className="usa-button usa-button--outline margin-top-1"
        onClick={() => {
          void navigator.clipboard?.writeText(snippet).then(() => setCopied(true));
        }}
      >
        Copy the HTML
      </button>
      <span role="status" className="margin-left-1">
        {copied ? 'Copied.' : ''}
      </span>
    </>
  );
};

const Standard = ({ standard }: { standard: PublicStandard }) => {
  const explained = standard.results.filter((r) => r.explanation);
  const notes = standard.results.filter((r) => r.dataQualityNote);
  const latestResult = standard.results.at(-1);
  const sources = [...new Set(standard.results.map((r) => r.source).filter((s): s is string => s !== null))];
  const withIntervals = standard.results.some((r) => r.interval);
  const address = paths.standard.to(standard.agency.slug, standard.code);
  return (
    <>
      <PageTitle title={`${standard.title}, ${standard.agency.abbreviation}`} />
      <link rel="canonical" href={address} />
      <Breadcrumbs
        items={[
          { label: 'Home', to: paths.home },
          { label: standard.agency.name, to: paths.agency.to(standard.agency.slug) },
          { label: standard.service.name, to: paths.service.to(standard.service.slug) },
          { label: standard.title },
        ]}
      />
      <h1>{standard.title}</h1>
      <p className="usa-intro">{standard.statement}</p>

      <div className="usa-summary-box margin-y-3" role="region" aria-labelledby="latest-heading">
        <div className="usa-summary-box__body">
          <h2 className="usa-summary-box__heading" id="latest-heading">
            Latest result
          </h2>
          {standard.latest ? (
            <div className="usa-summary-box__text">
              <p className="margin-y-1">
                <span className="font-sans-xl text-bold">{formatMeasure(standard.latest.value, standard.unit)}</span> in{' '}
                {standard.latest.periodLabel}, against a target of {formatTarget(standard.latest.target, standard.unit)}
                .
              </p>
              <p className="margin-y-1">
                Status: <StatusTag status={standard.latest.status} />
              </p>
              {latestResult && latestResult.periodKey === standard.latest.periodKey ? (
                <MarginNote result={latestResult} standard={standard} />
              ) : null}
            </div>
          ) : (
            <p className="usa-summary-box__text">No certified result yet.</p>
          )}
          <p className="font-body-2xs margin-bottom-0">
            {standard.agency.name} · {standard.service.name} · last updated {formatDate(standard.lastUpdated)}
          </p>
          <p className="font-body-2xs margin-bottom-0">
            {standard.freshness.lastCertifiedAt
              ? `Last result certified on ${formatDate(standard.freshness.lastCertifiedAt)}.`
              : 'No result has been certified yet.'}
          </p>
        </div>
      </div>
      {standard.freshness.overdue ? (
        <div className="usa-alert usa-alert--warning usa-alert--slim margin-y-2">
          <div className="usa-alert__body">
            <p className="usa-alert__text">{standard.freshness.overdue.statement}</p>
          </div>
        </div>
      ) : null}

      <ResultsChart standard={standard} />

      <h2>How it is measured</h2>
      <div className="usa-prose">
        <p>{standard.measureDescription}</p>
        <dl className="fact-list">
          <dt>Kind</dt>
          <dd>{DIMENSION_LABELS[standard.dimension]}</dd>
          <dt>Computed as</dt>
          <dd>
            {COMPUTATION_LABELS[standard.computation]}
            {standard.thresholdValue !== null && standard.thresholdUnit
              ? ` (threshold: ${formatMeasure(standard.thresholdValue, standard.thresholdUnit)})`
              : ''}
          </dd>
          <dt>Direction</dt>
          <dd>{DIRECTION_LABELS[standard.direction]}</dd>
          <dt>Reported</dt>
          <dd>every {standard.frequency}</dd>
          <dt>Channels</dt>
          <dd>
            {standard.channelScope.length
              ? standard.channelScope.map((c) => CHANNEL_LABELS[c]).join(', ')
              : 'All channels of the service'}
          </dd>
          <dt>How the status is decided</dt>
          <dd>{standard.rule}</dd>
        </dl>
      </div>

      <h2>Targets by fiscal year</h2>
      <table className="usa-table usa-table--compact">
        <caption className="usa-sr-only">Targets by fiscal year</caption>
        <thead>
          <tr>
            <th scope="col">Fiscal year</th>
            <th scope="col">Period</th>
            <th scope="col">Target</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {standard.targets.map((t) => (
            <tr key={`${t.fiscalYear}-${t.quarter ?? 0}`}>
              <th scope="row">FY{t.fiscalYear}</th>
              <td>{t.quarter ? `Quarter ${t.quarter}` : 'Whole year'}</td>
              <td>{formatTarget(t, standard.unit)}</td>
              <td>{t.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Benchmarks</h2>
      {standard.benchmarks.length ? (
        <ul>
          {standard.benchmarks.map((b) => (
            <li key={`${b.name}-${b.year}`}>
              {b.name}: {formatMeasure(b.value, b.unit)} ({b.year}), source:{' '}
              {b.sourceUrl ? <a href={b.sourceUrl}>{b.sourceOrganization}</a> : b.sourceOrganization}
              {b.description ? `. ${b.description}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>No benchmark is attached to this standard.</p>
      )}

      {standard.channels.length ? (
        <>
          <h2>By channel, {standard.channels[0]!.periodLabel}</h2>
          <table className="usa-table usa-table--compact">
            <caption className="usa-sr-only">Latest results by channel</caption>
            <thead>
              <tr>
                <th scope="col">Channel</th>
                <th scope="col">Result</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {standard.channels.map((r) => (
                <tr key={r.channel}>
                  <th scope="row">{CHANNEL_LABELS[r.channel]}</th>
                  <td>{formatMeasure(r.value, standard.unit)}</td>
                  <td>
                    <StatusTag status={r.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}

      <h2 id="every-result">Every result</h2>
      {sources.length === 1 ? <p>Source of every result: {sources[0]}.</p> : null}
      {withIntervals ? (
        <p>
          Results measured on a sample show their 95% confidence interval;{' '}
          <Link to={paths.about}>about these numbers</Link> says how it is computed.
        </p>
      ) : null}
      <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-label="Every certified result">
        <table className="usa-table usa-table--compact usa-table--striped width-full results-table">
          <caption className="usa-sr-only">Every certified result, all channels</caption>
          <thead>
            <tr>
              <th scope="col">Period</th>
              <th scope="col">Result</th>
              <th scope="col">Counts</th>
              {withIntervals ? <th scope="col">95% interval</th> : null}
              <th scope="col">Target</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {[...standard.results].reverse().map((r) => (
              <tr key={r.periodKey}>
                <th scope="row">
                  {r.periodLabel}
                  {sources.length > 1 && r.source ? (
                    <div className="font-body-3xs text-normal">Source: {r.source}</div>
                  ) : null}
                </th>
                <td>{formatMeasure(r.value, standard.unit)}</td>
                <td>
                  {r.numerator !== null && r.denominator !== null
                    ? `${r.numerator.toLocaleString('en-US')} of ${r.denominator.toLocaleString('en-US')}`
                    : ''}
                </td>
                {withIntervals ? <td>{formatInterval(r, standard)}</td> : null}
                <td>{r.target !== null ? formatMeasure(r.target, standard.unit) : 'No target'}</td>
                <td>
                  <StatusTag status={r.status} />
                  {r.withinMargin ? <div className="font-body-3xs">within the margin of error</div> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>Why targets were missed</h2>
      {explained.length ? (
        <dl className="explanations">
          {explained.map((r) => (
            <div key={r.periodKey}>
              <dt>{r.periodLabel}</dt>
              <dd>
                <p>
                  <strong>Why:</strong> {r.explanation!.why}
                </p>
                <p>
                  <strong>What we will do:</strong> {r.explanation!.action}
                </p>
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p>No explanation has been published.</p>
      )}

      <h2>Notes on data quality</h2>
      {notes.length ? (
        <ul>
          {notes.map((r) => (
            <li key={r.periodKey}>
              {r.periodLabel}: {r.dataQualityNote}
            </li>
          ))}
        </ul>
      ) : (
        <p>None.</p>
      )}

      <ComplaintInfo complaints={standard.complaints} service={standard.service.name} />

      <h2>Version history</h2>
      <ol className="usa-list">
        {standard.versions.map((v) => (
          <li key={v.version}>
            Version {v.version}
            {v.current ? ' (current)' : ''}, published {formatDate(v.publishedAt)}: “{v.statement}”
          </li>
        ))}
      </ol>

      <h2>Download and share</h2>
      <ul className="usa-list">
        <li>
          <a href={paths.server.standardCsv(standard.agency.slug, standard.code)}>Every result (CSV)</a>
        </li>
        <li>
          <a href={paths.server.standardJson(standard.agency.slug, standard.code)}>
            This standard and its results (JSON)
          </a>
        </li>
        <li>
          <Link to={paths.service.to(standard.service.slug)}>Other standards of {standard.service.name}</Link>
        </li>
      </ul>
      <EmbedSnippet embedPath={paths.embed.to(standard.agency.slug, standard.code)} title={standard.title} />
    </>
  );
};

export const StandardRoute = () => {
  const { agency = '', code = '' } = useParams();
  const query = usePublicData<PublicStandard>(publicApiPaths.standard(agency, code));
  return (
    <div className="grid-container padding-y-4">
      <PublicPage query={query}>{(standard) => <Standard standard={standard} />}</PublicPage>
    </div>
  );
};

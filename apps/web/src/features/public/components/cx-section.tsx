import type { PublicCxCollection, PublicCxSummaryItem } from '@yardstick/contracts';
import { ChartFigure } from '@/components/charts/chart-figure';
import type { ChartConfig } from '@/components/charts/chart-types';
import { CHANNEL_LABELS } from './format';

const QUESTION_LABELS: Record<string, string> = {
  trust: 'Trust',
  satisfaction: 'Satisfaction',
  effectiveness: 'Effectiveness',
  ease: 'Ease',
  efficiency: 'Efficiency',
  transparency: 'Transparency',
  employee: 'Employee helpfulness',
};
const DRIVER_LABELS: Record<string, string> = {
  effectiveness: 'Effectiveness (my need was met)',
  ease: 'Ease',
  efficiency: 'Efficiency (time it took)',
  transparency: 'Transparency',
  humanity: 'Humanity (treated with respect)',
  employee: 'Employee helpfulness',
  other: 'Other',
};
const POINT_LABELS: Record<string, string> = {
  post_interaction: 'after an interaction',
  post_journey: 'at the end of a journey',
  relational: 'relational (periodic)',
};

const percent = (v: number | null | undefined): string =>
  v === null || v === undefined ? 'not known' : `${v.toFixed(1)}%`;
const count = (v: number | null | undefined): string =>
  v === null || v === undefined ? 'not known' : v.toLocaleString('en-US');
const periodLabel = (key: string) => key.replace('-', ' ');

const TRUST_CONFIG: ChartConfig = {
  percent: { label: 'Trust: share positive', kind: 'line', color: 'primary' },
  lower: { label: '95% interval, lower', kind: 'line', color: 'secondary' },
  upper: { label: '95% interval, upper', kind: 'line', color: 'secondary' },
};

/** A service's published customer feedback: trust over quarters with its interval, drivers, volumes, method. */
export const CxSection = ({ collections, slug }: { collections: PublicCxCollection[]; slug: string }) => {
  const trust = collections.map((c) => ({
    collection: c,
    score: c.scores.questions.find((q) => q.question === 'trust'),
  }));
  const rows = trust.map(({ collection, score }) => ({
    period: periodLabel(collection.periodKey),
    percent: score?.percentPositive ?? null,
    lower: score?.lower ?? null,
    upper: score?.upper ?? null,
    respondents: score?.respondents ?? null,
    note: !score
      ? 'trust not asked'
      : score.averageOnly
        ? `average score ${score.mean?.toFixed(2) ?? 'not known'} (no counts published)`
        : score.smallSample
          ? `small sample (under ${collection.scores.smallSampleThreshold} respondents)`
          : '',
  }));
  const latest = [...trust].reverse().find((t) => t.score?.percentPositive != null);
  const withDrivers = [...collections].reverse().find((c) => c.scores.drivers.length > 0);
  const averagesOnly = collections.some((c) => c.scores.questions.some((q) => q.averageOnly));
  const notRandom = collections.some((c) => c.notRandomSample);
  const methods = collections.at(-1)?.details ?? [];
  return (
    <section aria-labelledby="customer-experience">
      <h2 id="customer-experience">Customer experience</h2>
      <div className="usa-prose">
        <p>
          What customers said in the agency&rsquo;s surveys (OMB Circular A-11 Section 280), quarter by quarter. A share
          positive counts answers of 4 or 5 out of 5, or a thumbs up; its 95% margin of error comes from the number of
          respondents.
        </p>
        {notRandom ? (
          <p>
            <strong>These surveys are not a random sample:</strong> anyone offered the survey could answer, so the
            respondents may differ from the customers who did not answer.
          </p>
        ) : null}
        {averagesOnly ? (
          <p>
            Some quarters were published as average scores without the counts of answers: they are shown as averages,
            with no share positive and no margin of error.
          </p>
        ) : null}
      </div>
      <ChartFigure
        title="Trust over quarters, with its 95% interval"
        summary={
          latest ? (
            <p>
              In {periodLabel(latest.collection.periodKey)}, {percent(latest.score!.percentPositive)} of{' '}
              {count(latest.score!.respondents)} respondents answered the trust question positively (95% interval{' '}
              {percent(latest.score!.lower)} to {percent(latest.score!.upper)}
              {latest.score!.smallSample ? '; a small sample' : ''}), over {collections.length} published quarter
              {collections.length === 1 ? '' : 's'}.
            </p>
          ) : (
            <p>No published quarter has answer counts for the trust question yet.</p>
          )
        }
        data={rows}
        xKey="period"
        config={TRUST_CONFIG}
        formatValue={(v) => `${Math.round(v)}%`}
        yDomain={[0, 100]}
        columns={[
          { key: 'period', label: 'Quarter' },
          { key: 'percent', label: 'Share positive', format: (v) => percent(v as number | null) },
          { key: 'lower', label: '95% lower', format: (v) => percent(v as number | null) },
          { key: 'upper', label: '95% upper', format: (v) => percent(v as number | null) },
          { key: 'respondents', label: 'Respondents', format: (v) => count(v as number | null) },
          { key: 'note', label: 'Note' },
        ]}
      />
      {withDrivers ? (
        <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-label="Drivers of trust">
          <table className="usa-table usa-table--striped">
            <caption>
              Drivers of trust in {periodLabel(withDrivers.periodKey)}: share of respondents who chose each
            </caption>
            <thead>
              <tr>
                <th scope="col">Driver</th>
                <th scope="col">What went well</th>
                <th scope="col">What did not go well</th>
              </tr>
            </thead>
            <tbody>
              {withDrivers.scores.drivers.map((d) => (
                <tr key={d.driver}>
                  <th scope="row">{DRIVER_LABELS[d.driver] ?? d.driver}</th>
                  <td>{percent(d.positivePercent)}</td>
                  <td>{percent(d.negativePercent)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-label="Survey volumes">
        <table className="usa-table usa-table--striped">
          <caption>Survey volumes and response rate by quarter</caption>
          <thead>
            <tr>
              <th scope="col">Quarter</th>
              <th scope="col">Customers served</th>
              <th scope="col">Offered the survey</th>
              <th scope="col">Respondents</th>
              <th scope="col">Response rate</th>
              <th scope="col">Other questions, share positive</th>
            </tr>
          </thead>
          <tbody>
            {collections.map((c) => (
              <tr key={c.periodKey}>
                <th scope="row">{periodLabel(c.periodKey)}</th>
                <td>{count(c.scores.customersServed)}</td>
                <td>{count(c.scores.surveysOffered)}</td>
                <td>{count(c.scores.respondents)}</td>
                <td>{percent(c.scores.responseRate)}</td>
                <td>
                  {c.scores.questions
                    .filter((q) => q.question !== 'trust')
                    .map((q) =>
                      q.averageOnly
                        ? `${QUESTION_LABELS[q.question] ?? q.question}: average ${q.mean?.toFixed(2) ?? 'not known'}`
                        : `${QUESTION_LABELS[q.question] ?? q.question}: ${percent(q.percentPositive)}`,
                    )
                    .join('; ') || 'none'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>How the survey was run</h3>
      <ul className="usa-list">
        {methods.map((d) => (
          <li key={d.id}>
            {CHANNEL_LABELS[d.channel] ?? d.channel}: asked {POINT_LABELS[d.transactionPoint] ?? d.transactionPoint},{' '}
            {d.surveyType === 'thumbs' ? 'thumbs up or down' : 'on a scale of 1 to 5'}
            {d.ombControlNumber ? `, OMB control number ${d.ombControlNumber}` : ''}.
          </li>
        ))}
        {collections.at(-1)?.surveyMethod ? <li>{collections.at(-1)!.surveyMethod}</li> : null}
      </ul>
      <p>
        Download: <a href={`/api/v1/public/services/${slug}/cx.csv`}>customer feedback by quarter (CSV)</a>,{' '}
        <a href={`/api/v1/public/services/${slug}/cx.json`}>JSON</a>.
      </p>
    </section>
  );
};

/** The customer feedback summary of an agency page or annual report: each service's latest published quarter. */
export const CxSummaryTable = ({ items, caption }: { items: PublicCxSummaryItem[]; caption: string }) => (
  <div className="usa-table-container--scrollable" tabIndex={0} role="region" aria-label={caption}>
    <table className="usa-table usa-table--striped">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Service</th>
          <th scope="col">Quarter</th>
          <th scope="col">Trust, share positive</th>
          <th scope="col">95% interval</th>
          <th scope="col">Respondents</th>
          <th scope="col">Response rate</th>
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <tr key={i.serviceSlug}>
            <th scope="row">
              <a href={`/services/${i.serviceSlug}#customer-experience`}>{i.serviceName}</a>
            </th>
            <td>{periodLabel(i.periodKey)}</td>
            <td>
              {i.trustPercent !== null
                ? percent(i.trustPercent)
                : i.trustAverage !== null
                  ? `average ${i.trustAverage.toFixed(2)} of 5`
                  : 'not known'}
              {i.smallSample ? ' (small sample)' : ''}
            </td>
            <td>{i.lower !== null && i.upper !== null ? `${percent(i.lower)} to ${percent(i.upper)}` : 'none'}</td>
            <td>{count(i.respondents)}</td>
            <td>{percent(i.responseRate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
);

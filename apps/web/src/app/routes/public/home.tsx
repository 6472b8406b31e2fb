import { formatRecordShare } from '@/features/public/components/reporting-record';
import type { PublicHome } from '@yardstick/contracts';
import { Link, useSearchParams } from 'react-router';
import { PageTitle } from '@/components/seo/page-title';
import { paths } from '@/config/paths';
import { publicApiPaths, usePublicData } from '@/features/public/api/public-data';
import { describeTally, formatShare } from '@/features/public/components/format';
import { PublicPage } from '@/features/public/components/page-state';
import { StandardsTable } from '@/features/public/components/standards-table';

const SearchForm = ({ q }: { q: string }) => (
  <form className="usa-search usa-search--big margin-y-3" role="search" action="/" method="get">
    <label className="usa-sr-only" htmlFor="site-search">
      Search by service, agency or keyword
    </label>
    <input className="usa-input" id="site-search" type="search" name="q" defaultValue={q} maxLength={100} />
    <button className="usa-button" type="submit" aria-label="Search">
      <span className="usa-search__submit-text">Search</span>
    </button>
  </form>
);

const SearchResults = ({ search }: { search: NonNullable<PublicHome['search']> }) => {
  const found = search.agencies.length + search.services.length + search.standards.length;
  return (
    <section aria-labelledby="search-heading" className="margin-bottom-4">
      <h2 id="search-heading">Search results for “{search.q}”</h2>
      <p role="status">{found === 0 ? 'Nothing matches. Try another word.' : `${found} matches.`}</p>
      {search.agencies.length > 0 ? (
        <>
          <h3>Agencies</h3>
          <ul>
            {search.agencies.map((a) => (
              <li key={a.slug}>
                <Link to={paths.agency.to(a.slug)}>{a.name}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {search.services.length > 0 ? (
        <>
          <h3>Services</h3>
          <ul>
            {search.services.map((s) => (
              <li key={s.slug}>
                <Link to={paths.service.to(s.slug)}>{s.name}</Link> ({s.agency.abbreviation})
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {search.standards.length > 0 ? (
        <StandardsTable caption="Matching standards" standards={search.standards} showAgency showService />
      ) : null}
    </section>
  );
};

/** "3 standards have no certified result as recent as FY2026 Q3: ..." */
const describeBehind = ({ standardsBehind: n, label }: NonNullable<PublicHome['asOf']>): string =>
  n === 1
    ? `1 standard has no certified result as recent as ${label}: it is counted with its latest, older result, or as without data.`
    : `${n.toLocaleString('en-US')} standards have no certified result as recent as ${label}: they are counted with their latest, older result, or as without data.`;

const Home = ({ home }: { home: PublicHome }) => (
  <>
    <div className="usa-prose">
      <p className="usa-intro">
        Yardstick shows how well government services keep the promises they make to the public: each agency’s service
        standards, its results against them, and why any target was missed.
      </p>
    </div>
    <SearchForm q={home.search?.q ?? ''} />
    {home.search ? <SearchResults search={home.search} /> : null}
    <section aria-labelledby="summary-heading">
      <h2 id="summary-heading">
        {home.asOf ? `Latest results, as of ${home.asOf.label}` : 'Latest results: none certified yet'}
      </h2>
      <p>
        The latest certified result of every published standard, government-wide:{' '}
        <strong>{describeTally(home.tally)}</strong>
      </p>
      {home.asOf && home.asOf.standardsBehind > 0 ? <p>{describeBehind(home.asOf)}</p> : null}
      <ul className="usa-card-group summary-figures">
        <li className="summary-figure">
          <span className="summary-figure__number">{formatShare(home.tally.share)}</span> of targets met
        </li>
        <li className="summary-figure">
          <span className="summary-figure__number">{home.agencies.length}</span> agencies
        </li>
        <li className="summary-figure">
          <span className="summary-figure__number">{home.standards}</span> published standards
        </li>
      </ul>
    </section>
    <section aria-labelledby="agencies-heading">
      <h2 id="agencies-heading">Agencies</h2>
      <div
        className="usa-table-container--scrollable"
        tabIndex={0}
        role="region"
        aria-label="Agencies with published standards"
      >
        <table className="usa-table usa-table--striped width-full">
          <caption className="usa-sr-only">Agencies with published standards</caption>
          <thead>
            <tr>
              <th scope="col">Agency</th>
              <th scope="col">Services</th>
              <th scope="col">Standards</th>
              <th scope="col">Targets met (latest results)</th>
            </tr>
          </thead>
          <tbody>
            {home.agencies.map((a) => (
              <tr key={a.slug}>
                <th scope="row">
                  <Link to={paths.agency.to(a.slug)}>{a.name}</Link>
                </th>
                <td>{a.services}</td>
                <td>
                  {a.standards}
                  {a.bureaus.length > 0 ? (
                    <div className="font-body-3xs text-base-dark">
                      including {a.bureaus.map((b) => b.name).join(', ')}
                    </div>
                  ) : null}
                </td>
                <td>
                  {formatShare(a.tally.share)}
                  {a.tally.assessed > 0 ? ` (${a.tally.met} of ${a.tally.assessed})` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
    <section aria-labelledby="record-heading">
      <h2 id="record-heading">Agencies by reporting record</h2>
      <p>
        The share of each agency’s results due over{' '}
        {home.rankedByRecord[0]?.reportingRecord.quarters.join(', ') ?? 'the last four quarters'} that were certified
        for the public by their due date (30 days after the period), best first. Download it as{' '}
        <a href={paths.server.reportingRecordsCsv}>CSV</a> or <a href={paths.server.reportingRecordsJson}>JSON</a>.
      </p>
      {home.rankedByRecord.length > 0 ? (
        <div
          className="usa-table-container--scrollable"
          tabIndex={0}
          role="region"
          aria-label="Table of agencies by reporting record"
        >
          <table className="usa-table usa-table--striped width-full">
            <caption className="usa-sr-only">Agencies ranked by the share of results published on time</caption>
            <thead>
              <tr>
                <th scope="col">Rank</th>
                <th scope="col">Agency</th>
                <th scope="col">Published on time</th>
                <th scope="col">Late</th>
                <th scope="col">Not published</th>
              </tr>
            </thead>
            <tbody>
              {home.rankedByRecord.map((a, i) => (
                <tr key={a.slug}>
                  <td>{i + 1}</td>
                  <th scope="row">
                    <Link to={paths.agency.to(a.slug)}>{a.name}</Link>
                  </th>
                  <td>
                    {formatRecordShare(a.reportingRecord)} ({a.reportingRecord.onTime} of {a.reportingRecord.expected})
                  </td>
                  <td>{a.reportingRecord.late}</td>
                  <td>{a.reportingRecord.missing}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>No agency had results due yet.</p>
      )}
    </section>
    <section aria-labelledby="recent-heading">
      <h2 id="recent-heading">Recently updated</h2>
      <StandardsTable
        caption="Standards with the most recently certified results"
        standards={home.recentlyUpdated}
        showAgency
      />
    </section>
  </>
);

export const HomeRoute = () => {
  const [params] = useSearchParams();
  const query = usePublicData<PublicHome>(publicApiPaths.home(params.get('q')));
  return (
    <div className="grid-container padding-y-5">
      <PageTitle />
      <h1>Yardstick</h1>
      <PublicPage query={query}>{(home) => <Home home={home} />}</PublicPage>
    </div>
  );
};

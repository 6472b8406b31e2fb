import type { PublicContacts } from '@yardstick/contracts';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { PageTitle } from '@/components/seo/page-title';
import { paths } from '@/config/paths';
import { SystemStatus } from '@/features/health/components/system-status';
import { publicApiPaths, usePublicData } from '@/features/public/api/public-data';
import { Breadcrumbs } from '@/features/public/components/breadcrumbs';
import { PublicPage } from '@/features/public/components/page-state';

// The pages a federal site is expected to have, linked from every page's footer.

const TextPage = ({ title, children }: { title: string; children: ReactNode }) => (
  <div className="grid-container padding-y-4">
    <PageTitle title={title} />
    <Breadcrumbs items={[{ label: 'Home', to: paths.home }, { label: title }]} />
    <div className="usa-prose">
      <h1>{title}</h1>
      {children}
    </div>
  </div>
);

/** Each agency's contact address, or a word that it has not given one. */
const Contacts = ({ contacts }: { contacts: PublicContacts }) =>
  contacts.agencies.length === 0 ? (
    <p>No agency publishes here yet.</p>
  ) : (
    <ul>
      {contacts.agencies.map((a) => (
        <li key={a.slug}>
          <Link to={paths.agency.to(a.slug)}>{a.name}</Link>:{' '}
          {a.contactEmail ? <a href={`mailto:${a.contactEmail}`}>{a.contactEmail}</a> : 'no address given yet'}
        </li>
      ))}
    </ul>
  );

const useContacts = () => usePublicData<PublicContacts>(publicApiPaths.contacts);

export const AccessibilityRoute = () => {
  const query = useContacts();
  return (
    <TextPage title="Accessibility statement">
      <p className="usa-intro">
        Everyone should be able to read the standards agencies post here and the results they report, whatever the way
        they use the web.
      </p>
      <h2>Our standard</h2>
      <p>
        Yardstick is built to meet Section 508 of the Rehabilitation Act (the Revised 508 Standards, which include the
        Web Content Accessibility Guidelines 2.0 level AA) and is tested against WCAG 2.1 level AA. Every page is
        checked automatically with axe for each change, and by keyboard.
      </p>
      <ul>
        <li>Every page works without JavaScript: its text, figures and tables come from the server.</li>
        <li>Every chart has a summary in words and a table of the same numbers.</li>
        <li>A status is always written in words, never shown by colour alone.</li>
        <li>Everything can be reached and used with a keyboard; a link at the top skips to the main content.</li>
        <li>Every table and chart can be downloaded as CSV and JSON.</li>
      </ul>
      <h2>Report a barrier</h2>
      <p>
        If something on a page is hard or impossible for you to use, tell the agency whose page it is: say which page
        (its address), what you were trying to do, and what assistive technology you use, if any. The agency will
        answer, and fix what it can; you may also ask for the information in another format.
      </p>
      <PublicPage query={query}>{(contacts) => <Contacts contacts={contacts} />}</PublicPage>
      <p>
        If you are a federal employee or a member of the public and believe a federal page is not accessible, you may
        also file a complaint under Section 508 with the agency concerned.
      </p>
    </TextPage>
  );
};

export const PrivacyRoute = () => {
  const query = useContacts();
  return (
    <TextPage title="Privacy notice">
      <p className="usa-intro">
        Reading this site asks nothing of you: there is no account, no sign-in and no form to fill in on its public
        pages.
      </p>
      <h2>What is collected</h2>
      <ul>
        <li>
          The server keeps a log of each request (the address asked for, the time, the answer, and your browser’s
          network address) to keep the service running and secure. The log is not used to identify visitors.
        </li>
        <li>Public pages set no cookies and use no analytics, advertising or third-party scripts.</li>
        <li>
          Staff who sign in get one session cookie, which is needed for signing in and ends when they sign out or after
          a period without use. Their actions are kept in an audit trail, as federal records require.
        </li>
      </ul>
      <h2>What is published</h2>
      <p>
        The standards, targets and results here are figures about services, not about people: results are counts and
        shares of cases or survey answers, never an individual’s record.
      </p>
      <h2>Questions</h2>
      <p>Write to the agency whose data you are asking about:</p>
      <PublicPage query={query}>{(contacts) => <Contacts contacts={contacts} />}</PublicPage>
    </TextPage>
  );
};

export const AboutRoute = () => (
  <TextPage title="About these numbers">
    <p className="usa-intro">
      How the figures on this site are made: where they come from, what a status means, and how sure they are.
    </p>
    <h2>Where the data comes from</h2>
    <p>
      Each agency posts its own service standards and reports its results: from its case systems, its customer surveys
      (the questions of OMB Circular A-11 Section 280) and its reviews. A result appears here only once the agency has
      certified it for public release; a corrected result appears again once it is certified. Drafts are never shown.
      Each agency’s page, reached from <Link to={paths.home}>the home page</Link>, lists its standards and results.
    </p>
    <h2>Fiscal years</h2>
    <p>
      A federal fiscal year runs from 1 October to 30 September: fiscal year 2026 is 1 October 2025 to 30 September
      2026, and its first quarter (Q1) is October to December. A headline says which period its figures come from; a
      report of a year still in progress says so.
    </p>
    <h2>What a status means</h2>
    <dl className="fact-list">
      <dt>Met</dt>
      <dd>The result reached the target for its period (the quarter’s target when there is one, else the year’s).</dd>
      <dt>Near target</dt>
      <dd>
        Short of the target by no more than the standard’s near band: 5% of the target unless the standard sets its own
        band, which its page then states.
      </dd>
      <dt>Not met</dt>
      <dd>
        Further short of the target than the near band. Every missed target is explained: why, and what will be done.
      </dd>
      <dt>No data</dt>
      <dd>The result was due but not reported, or reported blank. A blank is never counted as zero.</dd>
      <dt>No target</dt>
      <dd>The standard has no target for the period, so the result is not assessed.</dd>
    </dl>
    <h2>Margin of error</h2>
    <p>
      A result measured on a sample (a survey, or cases drawn for review) is an estimate. Where a result gives its
      sample size, its page shows the 95% confidence interval (the Wilson score interval of the share): the range in
      which the true figure lies, 19 times out of 20. When a missed target lies inside that range, the page says the
      miss is within the margin of error: the sample cannot tell the result apart from the target. A result counted over
      every case has no sampling error and shows no interval.
    </p>
    <h2>Combining figures</h2>
    <p>
      Shares are combined from the counts behind them (the sum of those meeting the standard over the sum of all cases),
      never by averaging percentages; means are weighted by sample size; a median is never derived from medians. A
      change between two percentages is written in percentage points (91% to 94% is 3 percentage points).
    </p>
    <p>
      The share of targets met is the number of standards that met their target divided by the number assessed (met,
      near or not met).
    </p>
  </TextPage>
);

export const StatusRoute = () => (
  <TextPage title="System status">
    <p>
      Whether the service and its database are up, checked from your browser. Programs can ask{' '}
      <a href="/api/health">/api/health</a>: it answers 200 when both are up and 503 when the database is not.
    </p>
    <SystemStatus />
  </TextPage>
);

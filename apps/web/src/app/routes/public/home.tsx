import { GridContainer } from '@trussworks/react-uswds';
import { PageTitle } from '@/components/seo/page-title';
import { SystemStatus } from '@/features/health/components/system-status';

export const HomeRoute = () => (
  <GridContainer className="padding-y-5">
    <PageTitle />
    <div className="usa-prose">
      <h1>Yardstick</h1>
      <p className="usa-intro">
        Yardstick shows how well government services keep the promises they make to the public.
      </p>
      <p>
        Agencies post service standards: plain-language promises such as “We process 90% of passport renewals within 6
        weeks.” Each year they measure how they did against those promises, compare themselves with the best in
        business, and explain any target they missed and what they will do about it.
      </p>
      <h2>What you will find here</h2>
      <ul>
        <li>The service standards of each service, with targets for speed, accuracy and customer satisfaction.</li>
        <li>Results measured against each target, and whether it was met.</li>
        <li>Comparisons with the best in business, and which benchmarks were used.</li>
        <li>Why a target was missed, and what the agency will do about it.</li>
        <li>All the data, to download as CSV or JSON.</li>
      </ul>
      <p>Agencies are adding their standards now. Pages for each service and its results are coming soon.</p>
      <SystemStatus />
    </div>
  </GridContainer>
);

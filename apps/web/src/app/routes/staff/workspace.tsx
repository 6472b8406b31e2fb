import { Alert, GridContainer } from '@trussworks/react-uswds';
import { PageTitle } from '@/components/seo/page-title';

export const StaffWorkspaceRoute = () => (
  <GridContainer className="padding-y-5">
    <PageTitle title="Staff workspace" />
    <div className="usa-prose">
      <h1>Staff workspace</h1>
      <p className="usa-intro">
        This is where agency staff will write service standards, record results, explain missed targets and publish
        their reports.
      </p>
      <Alert type="info" headingLevel="h2" heading="Sign-in comes later">
        Staff sign-in is not available yet, so there is nothing to do here for now.
      </Alert>
    </div>
  </GridContainer>
);

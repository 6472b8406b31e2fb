import { StaffPage } from '@/components/ui/page';
import { staffPaths } from '@/config/staff-paths';
import { can, useSession } from '@/features/staff-auth/api/session';
import { CxCollectionsTable, CxDueTable } from '@/features/staff-cx/components/cx-tables';
import { CxUpload } from '@/features/staff-cx/components/cx-upload';

export const CustomerFeedbackRoute = () => {
  const { data: user } = useSession();
  const officer = can(user, 'results:write');
  return (
    <StaffPage
      title="Customer feedback"
      breadcrumbs={[{ label: 'Workspace', to: staffPaths.root }]}
      intro="Quarterly A-11 Section 280 survey collections of your High Impact Services: upload responses, submit each quarter for publication."
    >
      {officer ? <CxUpload /> : null}
      <section aria-labelledby="cx-due-heading" className="margin-top-4">
        <h2 id="cx-due-heading">Due and overdue</h2>
        <CxDueTable />
      </section>
      <section aria-labelledby="cx-collections-heading" className="margin-top-4">
        <h2 id="cx-collections-heading">Collections</h2>
        <CxCollectionsTable canSubmit={officer} />
      </section>
    </StaffPage>
  );
};

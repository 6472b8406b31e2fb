import { StaffPage } from '@/components/ui/page';
import { staffPaths } from '@/config/staff-paths';
import { can, useSession } from '@/features/staff-auth/api/session';
import { CxUpload } from '@/features/staff-cx/components/cx-upload';
import { ResultsUpload } from '@/features/staff-imports/components/results-upload';
import { useAgencies } from '@/features/staff-registry/api/registry';

export const ImportsRoute = () => {
  const { data: user } = useSession();
  const agencies = useAgencies();
  return (
    <StaffPage
      title="Import results"
      breadcrumbs={[{ label: 'Workspace', to: staffPaths.root }]}
      intro="Check a file first: nothing is saved until you import it, and a file with errors is never half imported."
    >
      <ResultsUpload agencies={(agencies.data?.items ?? []).filter((a) => can(user, 'registry:write', a.id))} />
      {can(user, 'results:write') ? (
        <section className="margin-top-5">
          <CxUpload />
        </section>
      ) : null}
    </StaffPage>
  );
};

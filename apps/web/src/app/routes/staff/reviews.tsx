import { StaffPage } from '@/components/ui/page';
import { staffPaths } from '@/config/staff-paths';
import { can, useSession } from '@/features/staff-auth/api/session';
import { CxQueue } from '@/features/staff-cx/components/cx-tables';
import { useAgencies } from '@/features/staff-registry/api/registry';
import { PlansQueue } from '@/features/staff-reviews/components/plans-queue';
import { ResultsQueue } from '@/features/staff-reviews/components/results-queue';
import { StandardsQueue } from '@/features/staff-reviews/components/standards-queue';

export const ReviewsRoute = () => {
  const { data: user } = useSession();
  const agencies = useAgencies();
  return (
    <StaffPage
      title="Review queue"
      breadcrumbs={[{ label: 'Workspace', to: staffPaths.root }]}
      intro="Publish standards and plans, certify results for public release, or return them to their officer with a comment."
    >
      {can(user, 'standards:publish') ? (
        <section aria-labelledby="standards-review-heading" className="margin-bottom-5">
          <h2 id="standards-review-heading">Standards awaiting publication</h2>
          <StandardsQueue />
        </section>
      ) : null}
      {can(user, 'standards:publish') ? (
        <section aria-labelledby="plans-review-heading" className="margin-bottom-5">
          <h2 id="plans-review-heading">Customer Service Plans awaiting publication</h2>
          <PlansQueue agencyName={(id) => agencies.data?.items.find((a) => a.id === id)?.name ?? ''} />
        </section>
      ) : null}
      {can(user, 'results:certify') ? (
        <section aria-labelledby="results-review-heading">
          <h2 id="results-review-heading">Results awaiting certification</h2>
          <ResultsQueue />
        </section>
      ) : null}
      {can(user, 'results:certify') ? (
        <section aria-labelledby="cx-review-heading" className="margin-top-5">
          <h2 id="cx-review-heading">Customer feedback awaiting publication</h2>
          <CxQueue />
        </section>
      ) : null}
    </StaffPage>
  );
};

import { PLAN_PART_LABELS, PLAN_PARTS, type PlanReviewBody } from '@yardstick/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { FocusedNotice, QueryState } from '@/components/ui/page';
import { ReviewActions } from '@/components/ui/review-actions';
import { staffPaths } from '@/config/staff-paths';
import { usePlansInReview, usePublishPlan, useReturnPlan } from '../api/reviews';

/** The parts whose text or milestones differ from the published version (all of them for a first plan). */
const changedParts = ({ version, published }: PlanReviewBody) =>
  PLAN_PARTS.filter(
    (part) => !published || JSON.stringify(version.parts[part]) !== JSON.stringify(published.parts[part]),
  );

const PlanReview = ({
  review,
  agencyName,
  onDone,
}: {
  review: PlanReviewBody;
  agencyName: string;
  onDone: (text: string) => void;
}) => {
  const publish = usePublishPlan();
  const returnIt = useReturnPlan();
  const { plan, version, published } = review;
  const name = `${agencyName} FY${plan.fiscalYear} plan`;
  const headingId = `plan-review-${plan.id}`;
  const changed = changedParts(review);
  return (
    <article className="border-1px border-base-lighter padding-2 margin-bottom-3" aria-labelledby={headingId}>
      <h3 id={headingId} className="margin-top-0">
        <Link to={staffPaths.plan(plan.id)}>{name}</Link> (version {version.version})
      </h3>
      <p>{version.summary}</p>
      <p>
        {published
          ? changed.length === 0
            ? `No part changed from the published version ${published.version} (the summary or links may have).`
            : `Parts changed from the published version ${published.version}:`
          : 'A new plan, never published. Its parts:'}
      </p>
      {changed.length > 0 ? (
        <ul className="usa-list">
          {changed.map((part) => (
            <li key={part}>
              {PLAN_PART_LABELS[part]} ({version.parts[part].milestones.length} milestones)
            </li>
          ))}
        </ul>
      ) : null}
      <ReviewActions
        id={plan.id}
        name={name}
        what={`the ${name}`}
        busy={publish.isPending || returnIt.isPending}
        onPublish={() => publish.mutateAsync(plan.id).then(() => `The ${name} is published.`)}
        onReturn={(comment) =>
          returnIt
            .mutateAsync({ id: plan.id, comment })
            .then(() => `The ${name} is returned to its officer with your comment.`)
        }
        onDone={onDone}
      />
    </article>
  );
};

/** Customer Service Plans submitted for review: publish, or return to draft with a comment. */
export const PlansQueue = ({ agencyName }: { agencyName: (agencyId: string) => string }) => {
  const queue = usePlansInReview(true);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      {notice ? <FocusedNotice type="success">{notice}</FocusedNotice> : null}
      <QueryState isPending={queue.isPending} error={queue.error} what="plans in review">
        {() =>
          queue.data!.length === 0 ? (
            <p>No plan is waiting for review.</p>
          ) : (
            queue.data!.map((review) => (
              <PlanReview
                key={review.plan.id}
                review={review}
                agencyName={agencyName(review.plan.agencyId) || 'Agency'}
                onDone={setNotice}
              />
            ))
          )
        }
      </QueryState>
    </>
  );
};

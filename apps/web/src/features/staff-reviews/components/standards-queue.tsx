import type { StandardReviewBody } from '@yardstick/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { FocusedNotice, QueryState } from '@/components/ui/page';
import { ReviewActions } from '@/components/ui/review-actions';
import { staffPaths } from '@/config/staff-paths';
import { usePublish, useReturnStandard, useStandardsInReview } from '../api/reviews';
import { TableBox } from '@/components/ui/table-box';

const show = (value: unknown): string => {
  if (value === null || value === undefined) return '(none)';
  if (Array.isArray(value)) return value.length === 0 ? '(all)' : value.join(', ');
  return String(value).replace(/_/g, ' ');
};

const targetText = (review: StandardReviewBody) =>
  review.targets.length === 0
    ? 'No targets set.'
    : review.targets
        .map(
          (t) => `FY${t.fiscalYear}${t.quarter ? ` Q${t.quarter}` : ''}: ${t.value ?? `${t.minValue}-${t.maxValue}`}`,
        )
        .join('; ');

const Review = ({ review, onDone }: { review: StandardReviewBody; onDone: (text: string) => void }) => {
  const publish = usePublish();
  const returnIt = useReturnStandard();
  const { standard, version, published } = review;
  const headingId = `review-${standard.id}`;
  return (
    <article className="border-1px border-base-lighter padding-2 margin-bottom-3" aria-labelledby={headingId}>
      <h3 id={headingId} className="margin-top-0">
        <Link to={staffPaths.standard(standard.id)}>{standard.code}</Link>: {version.title} (version {version.version})
      </h3>
      <p>
        {published ? `Changes from the published version ${published.version}:` : 'A new standard, never published.'}
      </p>
      <TableBox label={`Table of changes to ${standard.code}`}>
        <table className="usa-table usa-table--borderless usa-table--compact">
          <caption className="usa-sr-only">
            {published ? 'What changed, field by field' : 'The new standard, field by field'}
          </caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              {published ? <th scope="col">Published</th> : null}
              <th scope="col">{published ? 'In review' : 'Value'}</th>
            </tr>
          </thead>
          <tbody>
            {review.changes.length === 0 ? (
              <tr>
                <td colSpan={published ? 3 : 2}>No field changed (targets or benchmarks may have).</td>
              </tr>
            ) : (
              review.changes.map((change) => (
                <tr key={change.field}>
                  <th scope="row">{change.label}</th>
                  {published ? (
                    <td>
                      <del>{show(change.before)}</del>
                    </td>
                  ) : null}
                  <td>{published ? <ins>{show(change.after)}</ins> : show(change.after)}</td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      </TableBox>
      <p>
        <strong>Targets:</strong> {targetText(review)}
      </p>
      <ReviewActions
        id={standard.id}
        name={standard.code}
        what={standard.code}
        busy={publish.isPending || returnIt.isPending}
        onPublish={() => publish.mutateAsync(standard.id).then(() => `${standard.code} published.`)}
        onReturn={(comment) =>
          returnIt
            .mutateAsync({ id: standard.id, comment })
            .then(() => `${standard.code} returned to its officer with your comment.`)
        }
        onDone={onDone}
      />
    </article>
  );
};

export const StandardsQueue = () => {
  const queue = useStandardsInReview(true);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <>
      {notice ? <FocusedNotice type="success">{notice}</FocusedNotice> : null}
      <QueryState isPending={queue.isPending} error={queue.error} what="standards in review">
        {() =>
          queue.data!.length === 0 ? (
            <p>No standard is waiting for review.</p>
          ) : (
            queue.data!.map((review) => <Review key={review.standard.id} review={review} onDone={setNotice} />)
          )
        }
      </QueryState>
    </>
  );
};

import { useState } from 'react';
import { apiErrorToForm } from './api-errors';
import { Notice } from './page';
import { ReturnForm } from './return-form';

/**
 * An approver's two answers to something in review: publish it, or return it to its officer with a comment
 * (the form replaces the buttons). Both are awaited here, not in a mutation's callbacks: the queue drops the
 * card as soon as it refreshes, and `onDone` says what happened where the card was.
 */
export const ReviewActions = ({
  id,
  name,
  what,
  busy,
  onPublish,
  onReturn,
  onDone,
}: {
  /** Unique on the page: the return button's id and the comment field's name derive from it. */
  id: string;
  /** What the buttons publish or return, for screen readers ("Publish REN-TIME"). */
  name: string;
  /** For the comment's label ("Comment for the officer about ..."). */
  what: string;
  busy: boolean;
  onPublish: () => Promise<string>;
  onReturn: (comment: string) => Promise<string>;
  onDone: (text: string) => void;
}) => {
  const [returning, setReturning] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <>
      {problem ? <Notice type="error">{problem}</Notice> : null}
      {returning ? (
        <ReturnForm
          name={`return-${id}`}
          what={what}
          busy={busy}
          opener={`return-${id}-button`}
          onCancel={() => setReturning(false)}
          onReturn={async (comment) => onDone(await onReturn(comment))}
        />
      ) : (
        <div className="usa-button-group">
          <button
            type="button"
            className="usa-button"
            disabled={busy}
            onClick={() =>
              onPublish().then(onDone, (error: unknown) =>
                setProblem(apiErrorToForm(error).general ?? 'Could not publish.'),
              )
            }
          >
            Publish <span className="usa-sr-only">{name}</span>
          </button>
          <button
            type="button"
            id={`return-${id}-button`}
            className="usa-button usa-button--outline"
            onClick={() => setReturning(true)}
          >
            Return <span className="usa-sr-only">{name}</span> with a comment
          </button>
        </div>
      )}
    </>
  );
};

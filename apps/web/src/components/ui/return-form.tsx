import { useEffect, useState, type FormEvent } from 'react';
import { apiErrorToForm } from '@/components/ui/api-errors';
import { fieldId, TextareaField } from '@/components/ui/form-field';

/**
 * "Return with a comment": the comment is required, so the officer knows what to change. Opening it puts the
 * keyboard in the comment; cancelling puts it back on the button that opened it (`opener`, an element id).
 */
export const ReturnForm = ({
  name,
  what,
  busy,
  opener,
  onReturn,
  onCancel,
}: {
  name: string;
  what: string;
  busy: boolean;
  opener: string;
  onReturn: (comment: string) => Promise<unknown>;
  onCancel: () => void;
}) => {
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | undefined>();
  useEffect(() => document.getElementById(fieldId(name))?.focus(), [name]);
  const cancel = () => {
    onCancel();
    requestAnimationFrame(() => document.getElementById(opener)?.focus());
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (comment.trim().length < 3) {
      setError('Write what should change, for the officer');
      return;
    }
    try {
      await onReturn(comment.trim());
    } catch (failure) {
      const r = apiErrorToForm(failure);
      setError(r.general ?? Object.values(r.fieldErrors).join('; '));
    }
  };
  return (
    <form className="usa-form usa-form--large" onSubmit={(e) => void submit(e)} noValidate>
      <TextareaField
        name={name}
        label={`Comment for the officer about ${what}`}
        required
        value={comment}
        onChange={setComment}
        error={error}
      />
      <button type="submit" className="usa-button usa-button--secondary" disabled={busy}>
        Return with comment
      </button>
      <button type="button" className="usa-button usa-button--unstyled margin-left-2" onClick={cancel}>
        Cancel
      </button>
    </form>
  );
};

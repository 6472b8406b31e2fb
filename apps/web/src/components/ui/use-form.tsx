import { useState } from 'react';
import { apiErrorToForm } from './api-errors';
import { ErrorSummary, type FieldErrors } from './error-summary';

/**
 * A form's text values, its errors by field and its general error, the same way in every staff form:
 * `field(name)` gives a TextField, TextareaField or SelectField its name, label, value, onChange and error;
 * `check(found)` shows the browser's own checks and says whether to send; `fail(error, apiFields)` puts the
 * API's answer on the fields it names; `summary` is the error summary above the form.
 */
export const useForm = <K extends string>(
  /** Every field's label, in the form's order (the error summary's order), text fields or not. */
  labels: Record<string, string>,
  initial: Record<K, string>,
) => {
  const [form, setForm] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const set = (name: K) => (value: string) => setForm((f) => ({ ...f, [name]: value }));
  return {
    form,
    setForm,
    set,
    errors,
    field: (name: K) => ({
      name,
      label: labels[name] ?? name,
      value: form[name],
      onChange: set(name),
      error: errors[name],
    }),
    check: (found: FieldErrors): boolean => {
      setErrors(found);
      setGeneral(null);
      return Object.keys(found).length === 0;
    },
    fail: (error: unknown, apiFields?: Record<string, string>) => {
      const mapped = apiErrorToForm(error, apiFields);
      setErrors(mapped.fieldErrors);
      setGeneral(mapped.general);
    },
    summary: <ErrorSummary errors={errors} labels={labels} general={general} />,
  };
};

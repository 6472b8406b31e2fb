import { useId, type ReactNode } from 'react';

export type FieldControlProps = {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
};

export type FormFieldProps = {
  label: ReactNode;
  /** Used for the control's id (prefixed), so an error summary can link to it. */
  name: string;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  children: (control: FieldControlProps) => ReactNode;
  className?: string;
};

/** The id of a field's control, for error summary links. */
export const fieldId = (name: string) => `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/**
 * A USWDS form group: label, hint and error message tied to the control with aria-describedby,
 * and the error styling when there is one. The error is in words, never colour alone.
 */
export const FormField = ({ label, name, hint, error, required, children, className }: FormFieldProps) => {
  const id = fieldId(name);
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`usa-form-group${error ? ' usa-form-group--error' : ''}${className ? ` ${className}` : ''}`}>
      <label className={`usa-label${error ? ' usa-label--error' : ''}`} htmlFor={id}>
        {label}
        {required ? null : <span className="usa-hint"> (optional)</span>}
      </label>
      {hint ? (
        <div className="usa-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <span className="usa-error-message" id={errorId}>
          <span className="usa-sr-only">Error: </span>
          {error}
        </span>
      ) : null}
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
    </div>
  );
};

export type Option = { value: string; label: string };

type BaseProps = Omit<FormFieldProps, 'children'> & { value: string; onChange: (value: string) => void };

export const TextField = ({
  type = 'text',
  inputMode,
  autoComplete,
  ...props
}: BaseProps & { type?: string; inputMode?: 'decimal' | 'numeric' | 'text'; autoComplete?: string }) => (
  <FormField {...props}>
    {(control) => (
      <input
        {...control}
        className={`usa-input${props.error ? ' usa-input--error' : ''}`}
        name={props.name}
        type={type}
        inputMode={inputMode}
        autoComplete={autoComplete}
        required={props.required}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      />
    )}
  </FormField>
);

export const TextareaField = (props: BaseProps & { rows?: number }) => (
  <FormField {...props}>
    {(control) => (
      <textarea
        {...control}
        className={`usa-textarea${props.error ? ' usa-input--error' : ''}`}
        name={props.name}
        rows={props.rows ?? 3}
        required={props.required}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      />
    )}
  </FormField>
);

export const SelectField = ({
  options,
  placeholder = '- Select -',
  ...props
}: BaseProps & { options: readonly Option[]; placeholder?: string | null }) => (
  <FormField {...props}>
    {(control) => (
      <select
        {...control}
        className={`usa-select${props.error ? ' usa-input--error' : ''}`}
        name={props.name}
        required={props.required}
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
      >
        {placeholder === null ? null : <option value="">{placeholder}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    )}
  </FormField>
);

/** A group of checkboxes in a fieldset, its legend naming the question. */
export const CheckboxGroup = ({
  legend,
  name,
  options,
  value,
  onChange,
  hint,
  error,
  required = false,
}: {
  legend: string;
  name: string;
  options: readonly Option[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  hint?: string;
  error?: string;
  /** At least one must be chosen: the legend then does not say "(optional)". */
  required?: boolean;
}) => {
  const groupId = useId();
  const id = fieldId(name);
  return (
    <fieldset
      className={`usa-fieldset usa-form-group${error ? ' usa-form-group--error' : ''}`}
      aria-describedby={
        [hint ? `${groupId}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
      }
    >
      <legend className="usa-legend">
        {legend}
        {required ? null : (
          <>
            {' '}
            <span className="usa-hint">(optional)</span>
          </>
        )}
      </legend>
      {hint ? (
        <div className="usa-hint" id={`${groupId}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <span className="usa-error-message" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
      {options.map((option, index) => (
        <div className="usa-checkbox" key={option.value}>
          <input
            className="usa-checkbox__input"
            id={index === 0 ? id : `${id}-${option.value}`}
            type="checkbox"
            name={name}
            value={option.value}
            checked={value.includes(option.value)}
            onChange={(event) =>
              onChange(event.target.checked ? [...value, option.value] : value.filter((v) => v !== option.value))
            }
          />
          <label className="usa-checkbox__label" htmlFor={index === 0 ? id : `${id}-${option.value}`}>
            {option.label}
          </label>
        </div>
      ))}
    </fieldset>
  );
};

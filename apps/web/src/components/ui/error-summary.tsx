import { useEffect, useRef } from 'react';
import { fieldId } from './form-field';

export type FieldErrors = Record<string, string>;

export type ErrorSummaryProps = {
  errors: FieldErrors;
  /** Field names to human labels, in the form's order. */
  labels: Record<string, string>;
  /** Errors not tied to a field. */
  general?: string | null;
};

/**
 * The GOV.UK / USWDS error summary: a list of what is wrong, each linking to its field, focused when it
 * appears so screen reader and keyboard users land on it after a failed submit.
 */
export const ErrorSummary = ({ errors, labels, general }: ErrorSummaryProps) => {
  const ref = useRef<HTMLDivElement>(null);
  const names = Object.keys(errors);
  const visible = names.length > 0 || Boolean(general);
  const signature = `${general ?? ''}|${names.map((n) => `${n}:${errors[n]}`).join('|')}`;

  useEffect(() => {
    if (visible) ref.current?.focus();
  }, [visible, signature]);

  if (!visible) return null;
  const ordered = [...Object.keys(labels).filter((n) => names.includes(n)), ...names.filter((n) => !(n in labels))];
  return (
    <div className="usa-alert usa-alert--error margin-bottom-3" role="alert" tabIndex={-1} ref={ref}>
      <div className="usa-alert__body">
        <h2 className="usa-alert__heading">There is a problem</h2>
        {general ? <p className="usa-alert__text">{general}</p> : null}
        {ordered.length > 0 ? (
          <ul className="usa-list margin-bottom-0">
            {ordered.map((name) => (
              <li key={name}>
                <a
                  href={`#${fieldId(name)}`}
                  onClick={(event) => {
                    const target = document.getElementById(fieldId(name));
                    if (!target) return;
                    event.preventDefault();
                    target.focus();
                  }}
                >
                  {labels[name] ? `${labels[name]}: ` : ''}
                  {errors[name]}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
};

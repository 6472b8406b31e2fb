import { GridContainer } from '@trussworks/react-uswds';
import { useEffect, useRef, type ReactNode } from 'react';
import { Link } from 'react-router';
import { PageTitle } from '@/components/seo/page-title';
import { isApiError } from '@/lib/api-client';

export type StaffPageProps = {
  title: string;
  /** Links above the heading, back up the hierarchy. */
  breadcrumbs?: { label: string; to: string }[];
  intro?: ReactNode;
  children: ReactNode;
};

/** A staff page: title, breadcrumb, one h1. */
export const StaffPage = ({ title, breadcrumbs, intro, children }: StaffPageProps) => (
  <GridContainer className="padding-y-4">
    <PageTitle title={title} />
    {breadcrumbs?.length ? (
      <nav className="usa-breadcrumb padding-top-0" aria-label="Breadcrumbs">
        <ol className="usa-breadcrumb__list">
          {breadcrumbs.map((crumb) => (
            <li className="usa-breadcrumb__list-item" key={crumb.to}>
              <Link className="usa-breadcrumb__link" to={crumb.to}>
                <span>{crumb.label}</span>
              </Link>
            </li>
          ))}
          <li className="usa-breadcrumb__list-item usa-current" aria-current="page">
            <span>{title}</span>
          </li>
        </ol>
      </nav>
    ) : null}
    <h1 className="margin-top-0">{title}</h1>
    {intro ? <p className="usa-intro">{intro}</p> : null}
    {children}
  </GridContainer>
);

/** Loading, failure or the content of a query, the same way on every page. */
export const QueryState = ({
  isPending,
  error,
  what,
  children,
}: {
  isPending: boolean;
  error: unknown;
  what: string;
  children: () => ReactNode;
}) => {
  if (error) {
    return (
      <div className="usa-alert usa-alert--error usa-alert--slim" role="alert">
        <div className="usa-alert__body">
          <p className="usa-alert__text">
            Could not load {what}: {isApiError(error) ? error.message : 'something went wrong'}
          </p>
        </div>
      </div>
    );
  }
  if (isPending) return <p role="status">Loading {what}…</p>;
  return <>{children()}</>;
};

/** A one-line success or failure message, announced politely. */
export const Notice = ({ type, children }: { type: 'success' | 'error' | 'info' | 'warning'; children: ReactNode }) => (
  <div
    className={`usa-alert usa-alert--${type} usa-alert--slim margin-y-2`}
    role={type === 'error' ? 'alert' : 'status'}
  >
    <div className="usa-alert__body">
      <p className="usa-alert__text">{children}</p>
    </div>
  </div>
);

/**
 * A Notice that takes the keyboard's focus when its text changes: for a message that replaces the control that
 * had it (a published card leaving the queue, a closed form), so the next Tab goes on from here, not the top.
 */
export const FocusedNotice = ({
  type,
  children,
  focusKey = children,
}: {
  type: 'success' | 'error' | 'info' | 'warning';
  children: string;
  /** Focus again whenever this changes (by default the text; pass the notice object to refocus a repeat). */
  focusKey?: unknown;
}) => {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [focusKey]);
  return (
    <div ref={ref} tabIndex={-1} data-testid="focused-notice">
      <Notice type={type}>{children}</Notice>
    </div>
  );
};

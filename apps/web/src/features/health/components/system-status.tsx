import type { HealthBody, HealthState } from '@yardstick/contracts';
import type { ReactNode } from 'react';
import { useHealth } from '../api/get-health';

/** A symbol beside the words (the words carry the meaning). */
const Symbol = ({ children, className }: { children: string; className: string }) => (
  <span aria-hidden="true" className={`system-status__icon text-bold ${className}`}>
    {children}
  </span>
);

const timeFormat = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', second: '2-digit' });

const HealthReport = ({ health }: { health: HealthBody }) => {
  const allUp = health.status === 'up' && health.database.status === 'up';
  const label = (state: HealthState) => (state === 'up' ? 'up' : 'down');
  return (
    <>
      {allUp ? <Symbol className="text-green">✓</Symbol> : <Symbol className="text-secondary-dark">!</Symbol>}
      <span>
        <strong>Service:</strong> {label(health.status)}. <strong>Database:</strong> {label(health.database.status)}.
      </span>
    </>
  );
};

/** One line saying whether the service and its database are up, in words, not colour alone. */
export const SystemStatus = () => {
  const health = useHealth();

  let line: ReactNode;
  if (health.isError) {
    line = (
      <>
        <Symbol className="text-base">?</Symbol>
        <span>
          <strong>Status unknown:</strong> could not reach the service.
        </span>
      </>
    );
  } else if (health.data) {
    line = <HealthReport health={health.data} />;
  } else {
    line = <span>Checking the service…</span>;
  }

  const checkedAt = health.isError ? health.errorUpdatedAt : health.dataUpdatedAt;

  return (
    <section aria-labelledby="system-status-heading" className="system-status">
      <h2 id="system-status-heading">System status</h2>
      <p role="status" className="system-status__line" data-testid="system-status">
        {line}
      </p>
      <p className="font-body-2xs text-base-dark margin-top-1">
        {checkedAt > 0 && !health.isFetching ? `Last checked at ${timeFormat.format(checkedAt)}. ` : null}
        <button type="button" className="usa-button usa-button--unstyled" onClick={() => void health.refetch()}>
          Check again
        </button>
      </p>
    </section>
  );
};

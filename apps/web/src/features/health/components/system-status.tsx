import { Button, Icon } from '@trussworks/react-uswds';
import type { HealthBody, HealthState } from '@yardstick/contracts';
import type { ReactNode } from 'react';
import { useHealth } from '../api/get-health';

const iconProps = { 'aria-hidden': true, focusable: false, size: 3 } as const;

const timeFormat = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', second: '2-digit' });

const HealthReport = ({ health }: { health: HealthBody }) => {
  const allUp = health.status === 'up' && health.database.status === 'up';
  const label = (state: HealthState) => (state === 'up' ? 'up' : 'down');
  return (
    <>
      {allUp ? (
        <Icon.CheckCircle {...iconProps} className="system-status__icon text-green" />
      ) : (
        <Icon.Warning {...iconProps} className="system-status__icon text-secondary-dark" />
      )}
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
        <Icon.Help {...iconProps} className="system-status__icon text-base" />
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
        <Button type="button" unstyled onClick={() => void health.refetch()}>
          Check again
        </Button>
      </p>
    </section>
  );
};

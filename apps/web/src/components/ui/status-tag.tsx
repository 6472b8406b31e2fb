import type { TargetStatus } from '@yardstick/contracts';
import { STATUS_LABELS } from '@yardstick/metrics';

export { STATUS_LABELS };

const STATUS_CLASSES: Record<TargetStatus, string> = {
  met: 'bg-green',
  near: 'bg-gold text-ink',
  not_met: 'bg-secondary-dark',
  no_data: 'bg-base-dark',
  not_applicable: 'bg-base-lighter text-ink',
};

/** A status in words; the colour only repeats what the text says. */
export const StatusTag = ({ status }: { status: TargetStatus }) => (
  <span className={`usa-tag ${STATUS_CLASSES[status]} text-no-uppercase`}>{STATUS_LABELS[status]}</span>
);

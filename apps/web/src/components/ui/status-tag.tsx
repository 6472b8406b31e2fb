import type { TargetStatus } from '@yardstick/contracts';

export const STATUS_LABELS: Record<TargetStatus, string> = {
  met: 'Met',
  near: 'Near',
  not_met: 'Not met',
  no_data: 'No data',
  not_applicable: 'Not applicable',
};

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

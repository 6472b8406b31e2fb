import type { TargetStatus } from '@yardstick/contracts';
import { STATUS_LABELS } from '@yardstick/metrics';

const SYMBOLS: Record<TargetStatus, string> = {
  met: '✓',
  near: '≈',
  not_met: '✗',
  no_data: '–',
  not_applicable: '–',
};

/** A status in words, with a symbol and a colour on top: never colour alone. */
export const StatusTag = ({ status }: { status: TargetStatus }) => (
  <span className={`status-tag status-tag--${status.replace('_', '-')}`}>
    <span aria-hidden="true">{SYMBOLS[status]} </span>
    {STATUS_LABELS[status]}
  </span>
);

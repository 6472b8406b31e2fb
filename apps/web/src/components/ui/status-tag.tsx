import { PORTFOLIO_STATE_LABELS, type PortfolioState, type TargetStatus } from '@yardstick/contracts';
import { STATUS_LABELS } from '@yardstick/metrics';

export { STATUS_LABELS };

const STATUS_CLASSES: Record<TargetStatus, string> = {
  met: 'bg-green',
  near: 'bg-gold text-ink',
  not_met: 'bg-secondary-dark',
  no_data: 'bg-base-dark',
  not_applicable: 'bg-base-lighter text-ink',
};

const SYMBOLS: Record<TargetStatus, string> = {
  met: '✓',
  near: '≈',
  not_met: '✗',
  no_data: '–',
  not_applicable: '–',
};

/** A status in words, with a symbol and a colour on top: the colour only repeats what the text says. */
export const StatusTag = ({ status }: { status: TargetStatus }) => (
  <span className={`usa-tag ${STATUS_CLASSES[status]} text-no-uppercase`}>
    <span aria-hidden="true">{SYMBOLS[status]} </span>
    {STATUS_LABELS[status]}
  </span>
);

const STATE_CLASSES: Record<PortfolioState, string> = {
  ...STATUS_CLASSES,
  awaiting_certification: 'bg-base-lighter text-ink',
  partial: 'bg-base-lighter text-ink',
  overdue: 'bg-base-dark',
  not_due: 'bg-base-lighter text-ink',
  no_target: 'bg-base-lighter text-ink',
  not_reported: 'bg-base-lighter text-ink',
};

/** A portfolio cell's state in words (what it is, as the API says), coloured like the statuses. */
export const StateTag = ({ state }: { state: PortfolioState }) => (
  <span className={`usa-tag ${STATE_CLASSES[state]} text-no-uppercase`}>{PORTFOLIO_STATE_LABELS[state]}</span>
);

import type { PublicTally, PublicTarget, Unit } from '@yardstick/contracts';
import { formatMeasure } from '@yardstick/metrics';

export { formatMeasure };

const dateFormat = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});

export const formatDate = (iso: string | null): string => (iso ? dateFormat.format(new Date(iso)) : 'not known');

export const formatTarget = (target: PublicTarget | null, unit: Unit): string => {
  if (!target) return 'No target';
  if (target.value !== null) return formatMeasure(target.value, unit);
  return `${formatMeasure(target.minValue, unit)} to ${formatMeasure(target.maxValue, unit)}`;
};

export const formatShare = (share: number | null): string =>
  share === null ? 'not assessed' : `${Math.round(share)}%`;

/** "12 of 16 targets met (75%)", from the counts; results awaiting certification are in the 16, never met. */
export const describeTally = (tally: PublicTally): string => {
  if (tally.assessed === 0) return 'No target could be assessed yet.';
  const parts = [`${tally.near} near the target`, `${tally.notMet} not met`];
  if (tally.awaitingCertification) parts.push(`${tally.awaitingCertification} with a result awaiting certification`);
  if (tally.noData) parts.push(`${tally.noData} without data`);
  if (tally.notApplicable) parts.push(`${tally.notApplicable} without a target`);
  const last = parts.pop()!;
  return `${tally.met} of ${tally.assessed} targets met (${formatShare(tally.share)}): ${parts.join(', ')} and ${last}.`;
};

export const DIMENSION_LABELS: Record<string, string> = {
  speed: 'Speed',
  accuracy: 'Accuracy',
  satisfaction: 'Satisfaction',
  access: 'Access',
  other: 'Other',
};

export const CHANNEL_LABELS: Record<string, string> = {
  all: 'All channels',
  online: 'Online',
  phone: 'Phone',
  in_person: 'In person',
  mail: 'Mail',
  email: 'Email',
  chat: 'Chat',
  mobile_app: 'Mobile app',
  other: 'Other',
};

export const DIRECTION_LABELS: Record<string, string> = {
  higher_is_better: 'Higher is better',
  lower_is_better: 'Lower is better',
  within_range: 'Within a range',
};

export const COMPUTATION_LABELS: Record<string, string> = {
  share_meeting_threshold: 'Share of transactions meeting a threshold',
  mean: 'Average (mean)',
  median: 'Median',
  total: 'Total',
};

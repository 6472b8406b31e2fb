// The vocabulary (labels, targets, tallies) is libs/metrics', the same in the staff app and the API's files.
export {
  COMPUTATION_LABELS,
  describeTally,
  DIMENSION_LABELS,
  DIRECTION_LABELS,
  formatMeasure,
  formatShare,
  formatTarget,
  RESULT_CHANNEL_LABELS as CHANNEL_LABELS,
} from '@yardstick/metrics';

const dateFormat = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});

export const formatDate = (iso: string | null): string => (iso ? dateFormat.format(new Date(iso)) : 'not known');

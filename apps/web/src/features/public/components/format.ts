// The vocabulary (labels, targets, tallies) is libs/metrics', the same in the staff app and the API's files.
export {
  COMPUTATION_LABELS,
  describeTally,
  DIMENSION_LABELS,
  DIRECTION_LABELS,
  formatMeasure,
  formatShare,
  formatTarget,
} from '@yardstick/metrics';

const dateFormat = new Intl.DateTimeFormat('en-US', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});

export const formatDate = (iso: string | null): string => (iso ? dateFormat.format(new Date(iso)) : 'not known');

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

// Figures and statuses in words, the same on the public pages, in the PDF report and in the staff app.
import type {
  Channel,
  Computation,
  Dimension,
  Direction,
  PublicTally,
  ResultChannel,
  TargetStatus,
  Unit,
} from '@yardstick/contracts';

/** Status in words: the site never shows a status by colour alone. */
export const STATUS_LABELS: Record<TargetStatus, string> = {
  met: 'Met',
  near: 'Near target',
  not_met: 'Not met',
  no_data: 'No data',
  not_applicable: 'No target',
};

/** What a standard measures, in the words of M-11-24 (speed, quality and accuracy, customer satisfaction). */
export const DIMENSION_LABELS: Record<Dimension, string> = {
  speed: 'Speed',
  accuracy: 'Quality and accuracy',
  satisfaction: 'Customer satisfaction',
  access: 'Access',
  other: 'Other',
};

export const COMPUTATION_LABELS: Record<Computation, string> = {
  share_meeting_threshold: 'Share meeting a threshold',
  mean: 'Mean (average)',
  median: 'Median',
  total: 'Total',
};

export const DIRECTION_LABELS: Record<Direction, string> = {
  higher_is_better: 'Higher is better',
  lower_is_better: 'Lower is better',
  within_range: 'Within a range',
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  online: 'Online',
  phone: 'Phone',
  in_person: 'In person',
  mail: 'Mail',
  email: 'Email',
  chat: 'Chat',
  mobile_app: 'Mobile app',
  other: 'Other',
};

/** A result's channel: one of the channels, or all of them together. */
export const RESULT_CHANNEL_LABELS: Record<ResultChannel, string> = { all: 'All channels', ...CHANNEL_LABELS };

const numberFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** `91.2%`, `38 days`, `4.1 of 5`, `$12.50`, `1,234`; a blank is "not known", never 0. */
export function formatMeasure(value: number | null | undefined, unit: Unit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return 'not known';
  const n = numberFormat.format(value);
  switch (unit) {
    case 'percent':
      return `${n}%`;
    case 'currency':
      return `$${n}`;
    case 'score':
      return `${n} of 5`;
    case 'count':
      return n;
    default:
      return `${n} ${value === 1 ? unit.replace(/s$/, '') : unit}`;
  }
}

/**
 * A change between two figures in the standard's unit, signed: `+3.5 percentage points` for percents (a change
 * of 91% to 94.5% is not a 3.5% change), `+0.3 points` on a 1-5 score, `−2 days`, `no change`; a blank is "not known".
 */
export function formatChange(change: number | null | undefined, unit: Unit): string {
  if (change === null || change === undefined || !Number.isFinite(change)) return 'not known';
  const rounded = Math.round(change * 100) / 100;
  if (rounded === 0) return 'no change';
  const sign = rounded > 0 ? '+' : '−';
  const size = Math.abs(rounded);
  const points = `${numberFormat.format(size)} ${unit === 'percent' ? 'percentage ' : ''}point${size === 1 ? '' : 's'}`;
  if (unit === 'percent' || unit === 'score') return `${sign}${points}`;
  return `${sign}${formatMeasure(size, unit)}`;
}

/** A target's figures as the API sends them: a value, or a range's minimum and maximum. */
export type TargetFiguresBody = { value: number | null; minValue: number | null; maxValue: number | null };

/**
 * A target in the standard's unit: `90%`, `2 days to 5 days` for a range; `none` (default "No target") when
 * there is no target or it has neither a value nor both ends of a range.
 */
export function formatTarget(target: TargetFiguresBody | null | undefined, unit: Unit, none = 'No target'): string {
  if (!target) return none;
  if (target.value !== null) return formatMeasure(target.value, unit);
  if (target.minValue === null || target.maxValue === null) return none;
  return `${formatMeasure(target.minValue, unit)} to ${formatMeasure(target.maxValue, unit)}`;
}

/** The share of targets met, whole percent; "not assessed" when no target could be. */
export function formatShare(share: number | null): string {
  return share === null ? 'not assessed' : `${Math.round(share)}%`;
}

/**
 * "12 of 16 targets met (75%): 2 near the target, 1 not met and 1 with a result awaiting certification.", from
 * the counts (libs/metrics tallyStatuses); results awaiting certification are in the 16, never met.
 */
export function describeTally(tally: PublicTally): string {
  if (tally.assessed === 0) return 'No target could be assessed yet.';
  const parts = [`${tally.near} near the target`, `${tally.notMet} not met`];
  if (tally.awaitingCertification) parts.push(`${tally.awaitingCertification} with a result awaiting certification`);
  if (tally.noData) parts.push(`${tally.noData} without data`);
  if (tally.notApplicable) parts.push(`${tally.notApplicable} without a target`);
  const last = parts.pop()!;
  return `${tally.met} of ${tally.assessed} targets met (${formatShare(tally.share)}): ${parts.join(', ')} and ${last}.`;
}

// The vocabulary of Yardstick, shared by the API, the web app and libs/metrics.

/** What a standard promises about. The first three are the M-11-24 three. */
export const DIMENSIONS = ['speed', 'accuracy', 'satisfaction', 'access', 'other'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const CORE_DIMENSIONS = ['speed', 'accuracy', 'satisfaction'] as const satisfies readonly Dimension[];

/** `score` is a 1-5 rating; `percent` is 0-100. */
export const UNITS = ['percent', 'days', 'hours', 'minutes', 'count', 'score', 'currency'] as const;
export type Unit = (typeof UNITS)[number];

/** How a result is computed from transactions or responses. */
export const COMPUTATIONS = ['share_meeting_threshold', 'mean', 'median', 'total'] as const;
export type Computation = (typeof COMPUTATIONS)[number];

/**
 * What a standard computed from its service's transactions measures: the share completed within its threshold,
 * the mean, median or 90th percentile of the time to complete, or the share found accurate on first review.
 */
export const TRANSACTION_MEASURES = [
  'share_within_threshold',
  'mean_time',
  'median_time',
  'p90_time',
  'share_accurate',
] as const;
export type TransactionMeasure = (typeof TRANSACTION_MEASURES)[number];

export const DIRECTIONS = ['higher_is_better', 'lower_is_better', 'within_range'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Channels a service is offered through. Results without a channel cover them all. */
export const CHANNELS = ['online', 'phone', 'in_person', 'mail', 'email', 'chat', 'mobile_app', 'other'] as const;
export type Channel = (typeof CHANNELS)[number];
/** The channel key of a result that covers every channel. */
export const ALL_CHANNELS = 'all';
export type ResultChannel = Channel | typeof ALL_CHANNELS;

export const STANDARD_STATUSES = ['draft', 'in_review', 'published', 'retired'] as const;
export type StandardStatus = (typeof STANDARD_STATUSES)[number];

export const VERSION_STATUSES = ['draft', 'in_review', 'published', 'superseded'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];

/** GPRAMA indicator kinds. */
export const INDICATOR_KINDS = ['customer_service', 'efficiency', 'output', 'outcome'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

export const GOAL_KINDS = ['strategic_goal', 'strategic_objective', 'agency_priority_goal'] as const;
export type GoalKind = (typeof GOAL_KINDS)[number];

/** A result's standing against its target. */
export const TARGET_STATUSES = ['met', 'near', 'not_met', 'no_data', 'not_applicable'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

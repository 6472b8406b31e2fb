import type { Channel, Dimension, Direction, ResultChannel, TargetStatus, Unit } from './domain.js';
import type { ExplanationBody, StandardBody, StandardVersionBody, TargetBody } from './registry.js';

// Response bodies of the staff app's review queue and portfolio dashboard.

/** A note an approver leaves when returning a standard or a result to its officer. */
export type ReviewCommentBody = {
  id: string;
  entityType: 'standard' | 'result' | 'plan' | 'cx_collection';
  entityId: string;
  agencyId: string;
  comment: string;
  authorId: string | null;
  authorName: string | null;
  createdAt: string;
};

/** One field of a standard that differs between the published version and the one in review. */
export type FieldChangeBody = { field: string; label: string; before: unknown; after: unknown };

export type StandardReviewBody = {
  standard: StandardBody;
  /** The version in review. */
  version: StandardVersionBody;
  /** The version the public sees now; null for a standard never published. */
  published: StandardVersionBody | null;
  /** Field by field, what the version in review changes (every filled field for a first version). */
  changes: FieldChangeBody[];
  targets: TargetBody[];
};

export type ResultReviewBody = {
  id: string;
  standardId: string;
  standardCode: string;
  standardTitle: string;
  agencyId: string;
  periodKey: string;
  /** The period in words, in the agency's fiscal calendar: "FY2024 Q1 (Apr-Jun 2023)". */
  periodLabel: string;
  channel: ResultChannel;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  unit: Unit;
  revision: number;
  status: TargetStatus;
  target: TargetBody | null;
  explanation: ExplanationBody | null;
  comments: ReviewCommentBody[];
};

/** A result that should have arrived (or soon should): its period has ended. */
export type DueResultBody = {
  standardId: string;
  standardCode: string;
  standardTitle: string;
  agencyId: string;
  periodKey: string;
  periodLabel: string;
  dueDate: string;
  state: 'due' | 'overdue';
};

export type StatusCounts = Record<TargetStatus, number>;

/**
 * What a portfolio cell is, in words a reader can act on: a status against the target once the period is
 * complete and certified; else why it is not (yet) one.
 */
export const PORTFOLIO_STATES = [
  'met',
  'near',
  'not_met',
  'awaiting_certification',
  'partial',
  'overdue',
  'no_data',
  'not_due',
  'no_target',
  'not_reported',
] as const;
export type PortfolioState = (typeof PORTFOLIO_STATES)[number];
export type PortfolioStateCounts = Record<PortfolioState, number>;

export const PORTFOLIO_STATE_LABELS: Record<PortfolioState, string> = {
  met: 'Met',
  near: 'Near target',
  not_met: 'Not met',
  awaiting_certification: 'Awaiting certification',
  partial: 'Partial period',
  overdue: 'Overdue',
  no_data: 'No data',
  not_due: 'Not due yet',
  no_target: 'No target',
  not_reported: 'Not reported this often',
};

export type PortfolioGroupBody = { key: string; label: string; counts: StatusCounts; states: PortfolioStateCounts };

export type PortfolioCellBody = {
  periodKey: string;
  status: TargetStatus;
  /** What the cell is: its status once complete and certified, else why not (partial, not due yet, ...). */
  state: PortfolioState;
  value: number | null;
  /** Why a status is what it is when it needs saying (not due yet, reported yearly, a median not combined). */
  note: string | null;
};

export type PortfolioRowBody = {
  standardId: string;
  code: string;
  title: string;
  agencyId: string;
  agencyName: string;
  serviceId: string;
  serviceName: string;
  dimension: Dimension;
  unit: Unit;
  /** The selected period. */
  current: PortfolioCellBody;
  /** One cell per column of the grid. */
  cells: PortfolioCellBody[];
};

export type PortfolioMetPointBody = {
  periodKey: string;
  label: string;
  met: number;
  /** Standards with a target and a result for every part of the period (met, near or not met). */
  assessed: number;
  /** Standards left out because only part of the period is reported (not compared with full periods). */
  partial: number;
  /** met / assessed as a percent; null when nothing was assessed. */
  share: number | null;
};

export type PortfolioBody = {
  periodKey: string;
  periodLabel: string;
  columns: { periodKey: string; label: string }[];
  counts: StatusCounts;
  states: PortfolioStateCounts;
  byAgency: PortfolioGroupBody[];
  byService: PortfolioGroupBody[];
  byDimension: PortfolioGroupBody[];
  rows: PortfolioRowBody[];
  metOverTime: PortfolioMetPointBody[];
  /** The status rule and aggregation, in words. */
  method: string;
};

export type TrendPointBody = {
  periodKey: string;
  label: string;
  value: number | null;
  status: TargetStatus;
  target: number | null;
  targetMin: number | null;
  targetMax: number | null;
  /** 95% interval from the sample size, for survey percentages; null where it does not apply. */
  lower: number | null;
  upper: number | null;
  sampleSize: number | null;
  certified: boolean;
};

export type StandardTrendBody = {
  standardId: string;
  code: string;
  title: string;
  statement: string;
  unit: Unit;
  direction: Direction;
  channelScope: Channel[];
  points: TrendPointBody[];
  benchmarks: {
    id: string;
    name: string;
    value: number;
    year: number;
    sourceOrganization: string;
    sourceUrl: string | null;
  }[];
  /** When a margin of error is shown, how it was computed. */
  marginOfError: string | null;
};

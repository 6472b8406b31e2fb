import type {
  Channel,
  Computation,
  Dimension,
  Direction,
  GoalKind,
  TransactionMeasure,
  IndicatorKind,
  ResultChannel,
  StandardStatus,
  TargetStatus,
  Unit,
  VersionStatus,
} from './domain.js';

// Response bodies of the registry API. Dates are ISO strings; blank numbers are null, never 0.

export type AgencyBody = {
  id: string;
  name: string;
  abbreviation: string;
  slug: string;
  parentId: string | null;
  websiteUrl: string | null;
  createdAt: string;
  updatedAt: string;
};

export type ServiceBody = {
  id: string;
  agencyId: string;
  name: string;
  slug: string;
  description: string | null;
  customers: string | null;
  channels: Channel[];
  hisp: boolean;
  publicUrl: string | null;
  createdAt: string;
  updatedAt: string;
};

export type GoalBody = {
  id: string;
  agencyId: string;
  kind: GoalKind;
  code: string;
  title: string;
  description: string | null;
  parentId: string | null;
  createdAt: string;
  updatedAt: string;
};

export type BenchmarkBody = {
  id: string;
  name: string;
  description: string | null;
  sourceOrganization: string;
  sourceUrl: string | null;
  year: number;
  value: number;
  unit: Unit;
  createdAt: string;
  updatedAt: string;
};

export type StandardVersionBody = {
  id: string;
  version: number;
  status: VersionStatus;
  title: string;
  statement: string;
  dimension: Dimension;
  measureDescription: string;
  unit: Unit;
  computation: Computation;
  direction: Direction;
  thresholdValue: number | null;
  thresholdUnit: Unit | null;
  channelScope: Channel[];
  frequency: 'month' | 'quarter' | 'year';
  nearTolerance: number | null;
  indicatorKind: IndicatorKind | null;
  goalId: string | null;
  /** Set when the results are computed from the service's transactions (POST /standards/:id/compute). */
  transactionMeasure?: TransactionMeasure | null;
  publishedAt: string | null;
  createdAt: string;
};

export type TargetBody = {
  id: string;
  fiscalYear: number;
  /** null for the whole fiscal year. */
  quarter: 1 | 2 | 3 | 4 | null;
  value: number | null;
  minValue: number | null;
  maxValue: number | null;
  unit: Unit;
  baseline: number | null;
  note: string | null;
};

/** Where a standard stands against its target, computed by libs/metrics. */
export type StandardStandingBody = {
  status: TargetStatus;
  /** The latest result over all channels, if any. */
  periodKey: string | null;
  value: number | null;
  target: TargetBody | null;
  /** The plain-language rule behind the status. */
  rule: string;
};

export type StandardBody = {
  id: string;
  agencyId: string;
  serviceId: string;
  code: string;
  status: StandardStatus;
  /** The published version, or for a never-published standard the pending one. */
  current: StandardVersionBody;
  /** A draft or in-review version waiting to replace the published one. */
  pending: StandardVersionBody | null;
  standing: StandardStandingBody;
  retiredAt: string | null;
  createdAt: string;
  updatedAt: string;
};

export type ResultBody = {
  id: string;
  standardId: string;
  agencyId: string;
  periodKey: string;
  frequency: 'month' | 'quarter' | 'year';
  periodStart: string;
  periodEnd: string;
  fiscalYear: number;
  channel: ResultChannel;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  sampleSize: number | null;
  source: string | null;
  dataQualityNote: string | null;
  revision: number;
  certifiedAt: string | null;
  certifiedBy: string | null;
  /** Why a target was missed and what will be done; required before a missed result is certified. */
  explanation: ExplanationBody | null;
  createdAt: string;
  updatedAt: string;
};

export type ExplanationBody = { why: string; action: string; updatedAt: string };

export type ResultRevisionBody = {
  revision: number;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  sampleSize: number | null;
  source: string | null;
  dataQualityNote: string | null;
  recordedBy: string | null;
  batchId: string | null;
  createdAt: string;
};

export type CertificationReport = {
  certified: number;
  alreadyCertified: number;
  refused: { resultId: string; periodKey: string; reason: string }[];
};

import type { ComplaintRoute, ServiceChannelDetail } from './plans.js';
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
  /** Calendar month 1-12 the agency's fiscal year starts in (10, October, by default; 4 for Canada). */
  fiscalYearStartMonth: number;
  /** OMB bureau code, e.g. "016:00" (DCAT-US bureauCode). */
  bureauCode: string | null;
  /** Federal Program Inventory codes, e.g. ["016:000"] (DCAT-US programCode). */
  programCodes: string[];
  /** The public contact for the agency's data (DCAT-US contactPoint). */
  contactEmail: string | null;
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
  /** Each channel offered, with its hours and how to reach it. */
  channelDetails: ServiceChannelDetail[];
  /** How to complain or appeal; null until given. */
  complaints: ComplaintRoute | null;
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
  /** The source's rounding rule: results are rounded to this many decimals (half to even) before comparing. */
  resultRounding: number | null;
  /** The declared range of values (a 1-7 scale, a percent that may be negative); null: the unit's own. */
  valueRange: { min: number | null; max: number | null } | null;
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
  /** Its period in words, in the agency's fiscal calendar: "FY2024 (Apr 2023-Mar 2024)". */
  periodLabel: string | null;
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
  /** The period in words, in the agency's fiscal calendar: "FY2024 Q1 (Apr-Jun 2023)". */
  periodLabel: string;
  /** The agency's fiscal year start month (1-12), in which the period key is read. */
  fiscalYearStartMonth: number;
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
  /** Against the target of its period (libs/metrics judgeForPeriod): the web never computes it. */
  status: TargetStatus;
  /** The target it was judged against: its quarter's when there is one, else its year's; null without one. */
  target: TargetBody | null;
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

import type { PublicCxCollection, PublicCxSummaryItem } from './cx.js';
// What the public site and the public data API (/api/v1/public/...) answer. Only published standards (their
// published version), certified results and public agency data ever appear in these shapes.
import type { ComplaintRoute, ServiceChannelDetail } from './plans.js';
import type {
  Channel,
  Computation,
  Dimension,
  Direction,
  IndicatorKind,
  ResultChannel,
  TargetStatus,
  Unit,
} from './domain.js';

/**
 * How many standards stand where, and the share of targets met: met / (met + near + not met + awaiting
 * certification), from counts (libs/metrics tallyStatuses).
 */
export type PublicTally = {
  met: number;
  near: number;
  notMet: number;
  noData: number;
  notApplicable: number;
  /** Standards whose latest result against a target is in but not certified yet: counted apart, never as met. */
  awaitingCertification: number;
  /** Standards with a target and a result (certified or awaiting certification): the denominator of `share`. */
  assessed: number;
  /** Percent of assessed targets met, or null when none was assessed. */
  share: number | null;
};

export type PublicAgencyRef = { slug: string; name: string; abbreviation: string };
export type PublicServiceRef = { slug: string; name: string };

export type PublicTarget = {
  fiscalYear: number;
  /** null for the whole fiscal year. */
  quarter: number | null;
  value: number | null;
  minValue: number | null;
  maxValue: number | null;
  unit: Unit;
  note: string | null;
};

/** A standard in a list: its promise and its latest certified all-channel result against the target. */
export type PublicStandardSummary = {
  id: string;
  code: string;
  title: string;
  statement: string;
  dimension: Dimension;
  unit: Unit;
  direction: Direction;
  agency: PublicAgencyRef;
  service: PublicServiceRef;
  latest: {
    periodKey: string;
    periodLabel: string;
    value: number | null;
    status: TargetStatus;
    target: PublicTarget | null;
  } | null;
  /** When its latest certified result was certified, or when its version was published. */
  lastUpdated: string | null;
  /** A newer result than `latest` is in but not certified yet: its period only, never its figures. */
  awaitingCertification: { periodKey: string; periodLabel: string } | null;
};

export type PublicAgencySummary = PublicAgencyRef & {
  websiteUrl: string | null;
  /** A bureau's department (its standards are counted again in the department's figures), or null. */
  parent: PublicAgencyRef | null;
  /** The bureaus whose standards this department's figures include. */
  bureaus: PublicAgencyRef[];
  services: number;
  standards: number;
  tally: PublicTally;
  reportingRecord: PublicReportingRecord;
};

/**
 * How reliably an agency publishes: of the results of its published standards that were due over the last four
 * fiscal quarters (30 days after each period), how many were certified by their due date.
 */
export type PublicReportingRecord = {
  /** The quarters it covers, oldest first: "FY2026 Q1". */
  quarters: string[];
  expected: number;
  onTime: number;
  late: number;
  missing: number;
  /** onTime / expected, 0-1; null when nothing was due. */
  share: number | null;
  /** The record in one sentence. */
  summary: string;
};

/** When a standard's data was last certified, and the result that is overdue, if one is. */
export type PublicFreshness = {
  lastCertifiedAt: string | null;
  overdue: { periodKey: string; periodLabel: string; dueDate: string; statement: string } | null;
};

export type PublicHome = {
  fiscalYear: number;
  /**
   * The fiscal quarter of the newest certified result the tally is made of ("FY2026 Q3"), and how many published
   * standards have nothing that recent (their latest result is older, or they have none); null without results.
   */
  asOf: { fiscalYear: number; quarter: number; label: string; standardsBehind: number } | null;
  /** The latest certified result of every published standard, against its target. */
  tally: PublicTally;
  /** Published standards, each counted once (a bureau's are not counted again under its department). */
  standards: number;
  agencies: PublicAgencySummary[];
  /** Agencies with results due, best reporting record first (ties by name). */
  rankedByRecord: (PublicAgencyRef & { reportingRecord: PublicReportingRecord })[];
  recentlyUpdated: PublicStandardSummary[];
  search: {
    q: string;
    agencies: PublicAgencyRef[];
    services: (PublicServiceRef & { agency: PublicAgencyRef })[];
    standards: PublicStandardSummary[];
  } | null;
};

export type PublicYearTally = PublicTally & { fiscalYear: number };

export type PublicAgency = {
  agency: PublicAgencyRef & { websiteUrl: string | null; parent: PublicAgencyRef | null };
  bureaus: PublicAgencyRef[];
  services: (PublicServiceRef & { hisp: boolean; standards: PublicStandardSummary[] })[];
  /** Each fiscal year with certified results (over the year) against that year's targets, oldest first. */
  byYear: PublicYearTally[];
  /** Where the agency's standards stand now (their latest results), as on the home page. */
  tally: PublicTally;
  /** Fiscal years with an annual report, newest first. */
  reportYears: number[];
  /** How the agency names each fiscal year of byYear and reportYears: "2026", or "2023-24" in Canada. */
  fiscalYearNames: Record<number, string>;
  /** Fiscal years with a published Customer Service Plan, newest first. */
  planYears: number[];
  /** Customer feedback: each service's latest published collection. */
  cx?: PublicCxSummaryItem[];
  reportingRecord: PublicReportingRecord;
};

export type PublicService = {
  service: PublicServiceRef & {
    description: string | null;
    customers: string | null;
    channels: Channel[];
    hisp: boolean;
    publicUrl: string | null;
    channelDetails: ServiceChannelDetail[];
    complaints: ComplaintRoute | null;
  };
  agency: PublicAgencyRef;
  standards: PublicStandardSummary[];
  /** Published customer feedback collections, oldest first (absent when there are none). */
  cx?: PublicCxCollection[];
};

export type PublicBenchmark = {
  name: string;
  description: string | null;
  sourceOrganization: string;
  sourceUrl: string | null;
  year: number;
  value: number;
  unit: Unit;
};

export type PublicResult = {
  periodKey: string;
  periodLabel: string;
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
  certifiedAt: string;
  /** Against the target of its period (the quarter's, else the year's). */
  status: TargetStatus;
  target: number | null;
  explanation: { why: string; action: string } | null;
  /** The 95% interval of a result measured on a sample (sampleSize), in the standard's unit; null otherwise. */
  interval: { lower: number; upper: number } | null;
  /** True when the result misses its target but the target lies within the interval (the margin of error). */
  withinMargin: boolean;
};

export type PublicVersion = {
  version: number;
  title: string;
  statement: string;
  measureDescription: string;
  publishedAt: string | null;
  current: boolean;
};

export type PublicStandard = {
  id: string;
  code: string;
  agency: PublicAgencyRef;
  service: PublicServiceRef;
  /** How to complain about the service, or appeal (its service's complaint route). */
  complaints: ComplaintRoute | null;
  version: number;
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
  indicatorKind: IndicatorKind | null;
  publishedAt: string | null;
  /** The status rule in words. */
  rule: string;
  targets: PublicTarget[];
  benchmarks: PublicBenchmark[];
  latest: PublicStandardSummary['latest'];
  /** The latest period's certified results by channel. */
  channels: PublicResult[];
  /** Every certified result over all channels, oldest first. */
  results: PublicResult[];
  versions: PublicVersion[];
  lastUpdated: string | null;
  freshness: PublicFreshness;
};

export type PublicYearFigure = {
  value: number | null;
  /** How many certified results of the year it is made of. */
  periods: number;
  /** Why the value is not known, when it is not. */
  reason: string | null;
  /** Results of the year that could not be combined with the others (the value covers the rest), and why. */
  leftOut: { periodKey: string; periodLabel: string; reason: string }[];
};

export type PublicReportStandard = {
  id: string;
  code: string;
  agency: PublicAgencyRef;
  /** The version in force in the fiscal year (its wording is the one shown). */
  version: number;
  title: string;
  statement: string;
  dimension: Dimension;
  unit: Unit;
  direction: Direction;
  measureDescription: string;
  target: PublicTarget | null;
  result: PublicYearFigure;
  status: TargetStatus;
  /** A result of the year is in but not certified yet: counted apart in the tally, never as met. */
  awaitingCertification: boolean;
  previous: PublicYearFigure;
  /** result - previous, in the standard's unit. */
  change: number | null;
  benchmarks: PublicBenchmark[];
  explanations: { periodKey: string; periodLabel: string; why: string; action: string }[];
  dataQualityNotes: { periodKey: string; note: string }[];
};

export type PublicReport = {
  agency: PublicAgencyRef & { websiteUrl: string | null };
  fiscalYear: number;
  /** The year as the agency names it in "fiscal year ...": "2026", or "2023-24" in Canada. */
  fiscalYearName: string;
  previousFiscalYearName: string;
  /** The months it runs: "April 2023 to March 2024". */
  fiscalYearSpan: string;
  /** Set while the fiscal year is in progress: the report covers only the results certified so far. */
  partial: { asOf: string; monthsElapsed: number; latestPeriodLabel: string | null } | null;
  tally: PublicTally;
  previousTally: PublicTally;
  services: (PublicServiceRef & { standards: PublicReportStandard[] })[];
  benchmarks: PublicBenchmark[];
  methodology: string[];
  /** Customer feedback: each service's latest published collection in or before the fiscal year. */
  cx?: PublicCxSummaryItem[];
  reportingRecord: PublicReportingRecord;
};

/** Whom to write to about each agency's published data and pages (accessibility barriers included). */
export type PublicContacts = { agencies: (PublicAgencyRef & { contactEmail: string | null })[] };

/** The public address of a standard: under its agency, by its code (stable, unique within the agency). */
export const publicStandardPath = (agencySlug: string, code: string): string =>
  `/agencies/${encodeURIComponent(agencySlug)}/standards/${encodeURIComponent(code)}`;

/** The embeddable card of a standard. */
export const publicEmbedPath = (agencySlug: string, code: string): string =>
  `/embed${publicStandardPath(agencySlug, code)}`;

export type PublicEmbed = { standard: PublicStandardSummary; measureDescription: string; rule: string };

/** Which page a server-rendered address shows, and its data, embedded in the HTML for hydration. */
export type PublicPageData =
  | { kind: 'home'; data: PublicHome }
  | { kind: 'agency'; data: PublicAgency }
  | { kind: 'service'; data: PublicService }
  | { kind: 'standard'; data: PublicStandard }
  | { kind: 'report'; data: PublicReport }
  | { kind: 'embed'; data: PublicEmbed };

// Customer feedback (OMB Circular A-11 Section 280): survey collections of a service per fiscal quarter.
import type { Channel } from './domain.js';

export const CX_COLLECTION_STATUSES = ['draft', 'submitted', 'published', 'returned', 'not_reported'] as const;
/** draft -> submitted -> published, or returned (with a comment) to the officer; not_reported: no data that quarter. */
export type CxCollectionStatus = (typeof CX_COLLECTION_STATUSES)[number];

export const CX_TRANSACTION_POINTS = ['post_interaction', 'post_journey', 'relational'] as const;
export type CxTransactionPoint = (typeof CX_TRANSACTION_POINTS)[number];

/** thumbs: trust as 1 (up) / 0 (down); likert: 1-5, 4 and 5 positive. */
export const CX_SURVEY_TYPES = ['thumbs', 'likert'] as const;
export type CxSurveyType = (typeof CX_SURVEY_TYPES)[number];

/**
 * What was asked, kept as asked: v1 the seven FY2019-23 questions (counts per point); v2 the FY2024+ trust
 * question with drivers (one row per response); averages: scores published without counts (performance.gov).
 */
export const CX_QUESTION_SETS = ['v1', 'v2', 'averages'] as const;
export type CxQuestionSet = (typeof CX_QUESTION_SETS)[number];

export type CxQuestionScoreBody = {
  question: string;
  questionText: string | null;
  /** Answers per point 1-5; null when only an average is known. */
  counts: [number, number, number, number, number] | null;
  /** thumbs (v2 trust): up and down. */
  thumbs: { up: number; down: number } | null;
  respondents: number | null;
  percentPositive: number | null;
  lower: number | null;
  upper: number | null;
  mean: number | null;
  meanLower: number | null;
  meanUpper: number | null;
  /** A published average without counts: no interval can be given. */
  averageOnly: boolean;
  smallSample: boolean;
};

export type CxDriverShareBody = {
  driver: string;
  positive: number;
  negative: number;
  /** Percent of respondents who chose it, 0-100; null without respondents. */
  positivePercent: number | null;
  negativePercent: number | null;
};

export type CxDetailBody = {
  id: string;
  channel: Channel;
  transactionPoint: CxTransactionPoint;
  surveyType: CxSurveyType;
  questionSet: CxQuestionSet;
  trustQuestion: string | null;
  ombControlNumber: string | null;
  customersServed: number | null;
  surveysOffered: number | null;
  respondents: number | null;
  /** Percent 0-100 of those offered who answered. */
  responseRate: number | null;
};

export type CxCollectionBody = {
  id: string;
  agencyId: string;
  serviceId: string;
  fiscalYear: number;
  quarter: number;
  periodKey: string;
  status: CxCollectionStatus;
  notRandomSample: boolean;
  surveyMethod: string | null;
  dueDate: string;
  submittedAt: string | null;
  publishedAt: string | null;
  details: CxDetailBody[];
  scores: CxScoresBody;
  updatedAt: string;
};

/** A collection's scores, all channels added together (counts summed, never percentages averaged). */
export type CxScoresBody = {
  respondents: number | null;
  surveysOffered: number | null;
  customersServed: number | null;
  responseRate: number | null;
  questions: CxQuestionScoreBody[];
  drivers: CxDriverShareBody[];
  smallSampleThreshold: number;
};

/** A collection as the due list sees it (reminders read this). */
export type CxDueItemBody = {
  serviceId: string;
  serviceName: string;
  agencyId: string;
  fiscalYear: number;
  quarter: number;
  periodKey: string;
  dueDate: string;
  /** not_due, due, overdue, or received (submitted, published or not reported). */
  dueState: 'not_due' | 'due' | 'overdue' | 'received';
  collectionId: string | null;
  status: CxCollectionStatus | null;
};

export type CxFreeTextBody = { externalId: string; channel: Channel; text: string };

/** A published collection as the public sees it: no free text, no staff fields. */
export type PublicCxCollection = Omit<CxCollectionBody, 'agencyId' | 'serviceId' | 'submittedAt' | 'dueDate'>;

/** The customer experience section of a service's public page (and its JSON). */
export type PublicCxSection = {
  service: { slug: string; name: string };
  agency: { slug: string; name: string; abbreviation: string };
  /** Published collections, oldest quarter first. */
  collections: PublicCxCollection[];
};

/** The customer feedback summary of an agency page or annual report: each service's latest published trust. */
export type PublicCxSummaryItem = {
  serviceSlug: string;
  serviceName: string;
  periodKey: string;
  trustPercent: number | null;
  lower: number | null;
  upper: number | null;
  /** Only an average score was published (no counts, no interval). */
  trustAverage: number | null;
  respondents: number | null;
  responseRate: number | null;
  smallSample: boolean;
};

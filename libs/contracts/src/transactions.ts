import type { ResultChannel, TransactionMeasure } from './domain.js';

// What POST /api/v1/standards/:id/compute answers: the results computed from the service's transactions.

export type ComputedResultBody = {
  periodKey: string;
  channel: ResultChannel;
  /** Blank when there was nothing to measure (then dataQualityNote says why). */
  value: number | null;
  /** Shares: how many met it, of how many counted. */
  numerator: number | null;
  denominator: number | null;
  /** Times: how many completed transactions the figure is over. */
  sampleSize: number | null;
  /** Every transaction received in the period (and channel), counted or not. */
  transactions: number;
  dataQualityNote: string | null;
};

export type ComputeReportBody = {
  standardId: string;
  transactionMeasure: TransactionMeasure;
  /** What the results path did with them: new results, new revisions (certification cleared), untouched. */
  inserted: number;
  updated: number;
  unchanged: number;
  results: ComputedResultBody[];
};

/** POST /api/v1/services/:id/compute: every standard of the service computed from transactions. */
export type ServiceComputeReportBody = { serviceId: string; standards: ComputeReportBody[] };

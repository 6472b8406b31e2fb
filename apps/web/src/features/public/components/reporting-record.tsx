import type { PublicReportingRecord } from '@yardstick/contracts';

/** An agency's reporting record: the sentence the API wrote, under its own heading. */
export const ReportingRecord = ({ record, id }: { record: PublicReportingRecord; id: string }) => (
  <section aria-labelledby={id}>
    <h2 id={id}>Reporting record</h2>
    <p>{record.summary}</p>
    <p className="font-body-2xs">
      A result is due 30 days after its period ends; it counts as on time when it was certified for the public by then.
    </p>
  </section>
);

/** "75%" or "no result due". */
export const formatRecordShare = (record: PublicReportingRecord): string =>
  record.share === null ? 'no result due' : `${Math.round(record.share * 100)}%`;
